/**
 * Semantic tokens for what a line grammar cannot know:
 * - the signature is the last line (or a name glued to it), which TextMate cannot tell from a
 *   one-word heading;
 * - a paragraph number is one only as the parser reads it: `2. The minister said …` with no
 *   marking, a bare `3 (S)`, or `18.Our …` glued to its text, is the next number in sequence
 *   or a line of a quoted list, which a line grammar cannot tell apart. Every marker the parser
 *   reads gets a token, so that the grammar's colors and the parser's paragraphs agree;
 * - a banner the parser reads from a damaged spelling (`CONFIDENTAIL …`, `S E C R E PARIS 000479`),
 *   which the grammar's patterns do not list: every banner's level (with a modifier for the level
 *   read), post and serial get tokens, so that a damaged banner is colored as the level it stands for;
 * - a heading is one only by what is around it: a mixed-case title is a heading when a rule underlines
 *   it or blank lines and a paragraph frame it (`Chinese Economy` ⏎ `-----`), which a line grammar
 *   cannot see (on the released cables the grammar colors 340 of the 781 headings the parser reads).
 *   Every heading's words get a token (both lines of a title wrapped over two), but not a marking
 *   before them, the slashes or dashes around them, or a heading that opens a block (`COMMENT`),
 *   which the grammar colors as both: of such a heading only a title after its opener gets one
 *   (`Harbor Dues` in `Comment: Harbor Dues`, where the grammar colors the opener alone);
 * - a portion marking is one at a line's start only as the parser reads it: an item's (`¶B. (S/NF) …`, `-- (S) …`,
 *   `1) (U) …`), a line's inside a paragraph (`(S/NF) Response: …`) or a sub-title's (`(SBU) Key Elements of …`) is one,
 *   a list's `(c) sense that …` and `(EU) was …` wrapped to a line's start are prose, which a line grammar cannot tell
 *   apart. Every item marking's level gets a token (with a modifier for the level) and each of its controls another, as
 *   the grammar colors a paragraph's marking; the parentheses and separators keep the text's color. So does the marking of
 *   a paragraph glued to the end of the line before it (`… was working. 16. (C) On corruption, …`), after its number's token,
 *   and of a paragraph or the subject past an invisible character (`¶2. \u200B(C) …`, `SUBJECT: \u200B(C) …`), which the
 *   grammar does not pass over;
 * - a subject goes on over a blank line as the parser reads it (`SUBJECT: … TO PROTECT THE` ⏎ blank ⏎ `ENVIRONMENT - MAKING
 *   REAL PROGRESS`), where the grammar's subject ends at the blank line and a line of capitals after it reads as a
 *   heading: each line of the subject right under a blank line gets a token;
 * - an office or passing line is one only by where it stands, between the banner and the E.O. line: the grammar colors
 *   those whose first words give them away (`DEPARTMENT FOR EUR/WE`, `FOR EUR/PGI`), and leaves a post before FOR
 *   (`VALLETTA FOR ROE`), a name alone and the second line of one wrapped (`DEPARTMENT FOR EUR/WE` ⏎ `AND EB`), which a
 *   heading can be written as. Every passing line the parser reads gets a token;
 * VS Code maps each token type to the grammar's scope (package.json `semanticTokenScopes`:
 * `entity.name.function.signature.cable`, `constant.numeric.paragraph.cable`, the banner scopes
 * of each level, `markup.heading.cable`, the marking scopes of each level and `constant.other.control.cable`, `string.unquoted.passing.cable`), so themes
 * color them as the grammar's scopes.
 */
import { linesAsRead } from '../core/parse/margin';
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { Cable, Level, PortionMarking, Range, Token } from '../core/model';
import { isBefore, isInvisible, isSpace, isWordCharacter, markingStart, partitionPoint, skipSpaces, OPENING_MARKING, trimEndOffset } from '../core/text';

/** Token types, in legend order. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['signature', 'paragraphNumber', 'bannerLevel', 'bannerPost', 'bannerSerial', 'heading', 'portionMarking', 'markingControl', 'subject', 'passingLine'],
  tokenModifiers: ['secret', 'confidential', 'unclassified', 'topSecret'],
};

const SIGNATURE = 0;
const PARAGRAPH_NUMBER = 1;
const BANNER_LEVEL = 2;
const BANNER_POST = 3;
const BANNER_SERIAL = 4;
const HEADING = 5;
const PORTION_MARKING = 6;
const MARKING_CONTROL = 7;
const SUBJECT = 8;
const PASSING_LINE = 9;

/** The modifier bit of each level, as the grammar's scopes go: TOP SECRET shares SECRET's. */
const LEVEL_MODIFIER: Record<Level, number> = { 'TOP SECRET': 1, SECRET: 1, CONFIDENTIAL: 2, UNCLASSIFIED: 4 };
/** The modifier bit of each marking's level, as the grammar's marking scopes go: TOP SECRET has its own. */
const MARKING_MODIFIER: Record<Level, number> = { 'TOP SECRET': 8, SECRET: 1, CONFIDENTIAL: 2, UNCLASSIFIED: 4 };

// A marking's level word at its start ("S", "SBU", "TOP SECRET"), and the controls the grammar colors after it ("NF", "REL TO USA, FVEY").
const MARKING_LEVEL = /^\s*(?:TOP\s+SECRET|[A-Z]+)/i;
const MARKING_CONTROLS = /NOFORN|NF|FGI|FOUO|ORCON|PROPIN|REL(?: TO)?\b[^)/]*|ENTIRE TEXT/gi;

/** A token before it is encoded: its range, its type's index in the legend and its modifier bits. */
interface PendingToken {
  range: Range;
  type: number;
  modifiers?: number;
}

/** Semantic tokens of a whole cable, encoded as LSP relative data. */
export function getSemanticTokens(cable: Cable): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  pushSemanticTokens(cable, builder);
  return { data: builder.build().data };
}

/**
 * Semantic tokens of the part of a cable that `range` covers, encoded as LSP relative data: the tokens of the whole cable
 * that touch the range, with the same numbers as in {@link getSemanticTokens}'s answer, made only from the parts of the
 * model on the range's lines (a large document's other tokens are neither made nor encoded).
 */
export function getSemanticTokensInRange(cable: Cable, range: Range): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  pushSemanticTokens(cable, builder, range);
  return { data: builder.build().data };
}

/**
 * Pushes a cable's tokens into `builder` in document order, only those that touch `range` when one is given. For a range,
 * the lists the parser makes in line order (paragraphs, banners, headings, block markers, item markings) are entered
 * at their first part on or after the range's first line by binary search ({@link firstFrom}) and left at the first
 * after its last line, so that a range of a large document costs about what its lines hold; the subject's few parts
 * are walked.
 */
export function pushSemanticTokens(cable: Cable, builder: SemanticTokensBuilder, range?: Range): void {
  // The lines a part of the model must start on to give a token the range touches: every token lies on one line.
  const from = range ? range.start.line : 0;
  const to = range ? range.end.line : Number.MAX_SAFE_INTEGER;
  const on = (r: Range): boolean => r.start.line >= from && r.start.line <= to;
  const tokens: PendingToken[] = [];
  const { paragraphs, banners, headings, blockMarkers, itemMarkings } = cable;
  const firstParagraph = firstFrom(paragraphs, from, (p) => p.marker.range.start.line);
  for (let i = firstParagraph; i < paragraphs.length && paragraphs[i].marker.range.start.line <= to; i++) tokens.push({ range: paragraphs[i].marker.range, type: PARAGRAPH_NUMBER });
  // A banner's post and serial stand on its level's line.
  for (let i = firstFrom(banners, from, (b) => b.levelText.range.start.line); i < banners.length && banners[i].levelText.range.start.line <= to; i++) {
    const b = banners[i];
    if (on(b.levelText.range)) tokens.push({ range: b.levelText.range, type: BANNER_LEVEL, modifiers: LEVEL_MODIFIER[b.level] });
    if (b.post && on(b.post.range)) tokens.push({ range: b.post.range, type: BANNER_POST });
    if (b.serial && on(b.serial.range)) tokens.push({ range: b.serial.range, type: BANNER_SERIAL });
  }
  // A heading that opens a block keeps the grammar's colors for both, and for its first line when it has two
  // ("HARBOR BOARD" ⏎ "COMMENT" ⏎ "-------"), which may lie in the range when the opener does not: the opener is looked
  // for on the line of each heading's text. A heading with a part in the range has its text on the range's first line or
  // after, since its first line ("HARBOR BOARD") comes before it.
  for (let i = firstFrom(headings, from, (h) => h.text.range.start.line); i < headings.length && (headings[i].lead ?? headings[i].text).range.start.line <= to; i++) {
    const h = headings[i];
    const opener = blockOpener(blockMarkers, h.text.range.start.line);
    if (opener) {
      // "Comment: Harbor Dues and the Quays" ⏎ "-----": the grammar colors the opener alone, not the title after it.
      const words = on(h.text.range) ? headingWords(cable.lines, h.text) : undefined;
      const after = words && wordsAfter(cable.lines[words.start.line], opener.token.range.end.character, words.end.character);
      if (after !== undefined) tokens.push({ range: { start: { line: words!.start.line, character: after }, end: words!.end }, type: HEADING });
      continue;
    }
    for (const part of h.lead ? [h.lead, h.text] : [h.text]) {
      if (!on(part.range)) continue;
      const words = headingWords(cable.lines, part);
      if (words) tokens.push({ range: words, type: HEADING });
    }
  }
  // "SUBJECT: … TO PROTECT THE" ⏎ "" ⏎ "ENVIRONMENT - MAKING REAL PROGRESS": a subject the parser reads on over a blank line,
  // where the grammar's subject ends and its next line of capitals reads as a heading.
  // A line of a scan's margin alone ("| ") is that blank line.
  for (const part of cable.subject?.parts ?? []) {
    const line = part.range.start.line;
    if (on(part.range) && line > 0 && line !== cable.subject!.keyword.range.start.line && linesAsRead(cable)[line - 1].trim().length === 0) tokens.push({ range: part.range, type: SUBJECT });
  }
  // "SUBJECT: \u200B(C) …": the subject's marking past an invisible character, where the grammar reads none.
  const subjectMarking = cable.subject?.portion;
  // "… of proliferation concern (s)": one ending the subject, after its text, which the grammar reads as the subject's words.
  const firstPart = cable.subject?.parts[0];
  if (subjectMarking && on(subjectMarking.inner.range) && (afterInvisible(cable.lines[subjectMarking.token.range.start.line], subjectMarking.token.range.start.character) || (firstPart !== undefined && isBefore(firstPart.range.start, subjectMarking.token.range.start)))) addMarking(cable.lines, subjectMarking, tokens);
  for (let i = firstFrom(itemMarkings, from, (m) => m.portion.inner.range.start.line); i < itemMarkings.length && itemMarkings[i].portion.inner.range.start.line <= to; i++) {
    addMarking(cable.lines, itemMarkings[i].portion, tokens);
  }
  // "BACKGROUND (U)": the marking that ends a heading's words, which the heading's token leaves out.
  for (let i = firstFrom(headings, from, (h) => h.text.range.start.line); i < headings.length && headings[i].text.range.start.line <= to; i++) {
    const marking = headings[i].marking;
    if (marking && on(marking.inner.range)) addMarking(cable.lines, marking, tokens);
  }
  // "… was working. 16. (C) On corruption, …": the marking of a paragraph glued to the end of the one before, which the
  // grammar reads only after a number at a line's start; and "¶2. \u200B(C) …", one past an invisible character, which the
  // grammar does not pass over. A paragraph's marking stands on its number's line.
  // A paragraph whose marker is on the line above the range may have the piece of a split marking in it ("4. (" ⏎ "C) …").
  for (let i = from > 0 ? firstFrom(paragraphs, from - 1, (p) => p.marker.range.start.line) : firstParagraph; i < paragraphs.length && paragraphs[i].marker.range.start.line <= to; i++) {
    const p = paragraphs[i];
    const { line, character } = p.marker.range.start;
    if (!p.portion || !on(p.portion.inner.range)) continue;
    const text = cable.lines[line];
    // "2. (C" ⏎ ") …": a marking split over two lines, which the grammar reads in neither piece.
    if (p.portion.split || (character > 0 && trimEndOffset(text, character) > 0) || afterInvisible(text, p.portion.token.range.start.character)) addMarking(cable.lines, p.portion, tokens);
  }
  // "DEPARTMENT FOR EUR/WE" ⏎ "AND EB", "VALLETTA FOR ROE": the passing lines above the E.O. line, few and near the top.
  for (const t of cable.passingLines) if (on(t.range)) tokens.push({ range: t.range, type: PASSING_LINE });
  // "HALLORAN" ⏎ "" ⏎ "HALLORAN": the name written twice signs twice, where the grammar reads the first as a one-word heading.
  for (const name of [cable.signature?.twice, cable.signature?.token]) if (name && on(name.range)) tokens.push({ range: name.range, type: SIGNATURE });
  // LSP encodes each token relative to the one before: they must come in document order.
  tokens.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const { range: { start, end }, type, modifiers } of tokens) {
    if (start.line !== end.line || end.character <= start.character) continue;
    // A token on the range's first or last line counts when it touches the range, not before its start or after its end.
    if (range && ((start.line === range.start.line && end.character <= range.start.character) || (start.line === range.end.line && start.character >= range.end.character))) continue;
    builder.push(start.line, start.character, end.character - start.character, type, modifiers ?? 0);
  }
}

/**
 * The index of the first item of `list` whose line (`lineOf`) is `from` or later, or the list's length when none is: a
 * binary search ({@link partitionPoint}), for a list in line order.
 */
function firstFrom<T>(list: readonly T[], from: number, lineOf: (item: T) => number): number {
  return partitionPoint(list, (item) => lineOf(item) < from);
}

/** The block opener (`COMMENT`) that stands on `line`, among `markers` in line order, if any. */
function blockOpener(markers: Cable['blockMarkers'], line: number): Cable['blockMarkers'][number] | undefined {
  for (let i = firstFrom(markers, line, (m) => m.token.range.start.line); i < markers.length && markers[i].token.range.start.line === line; i++) {
    if (markers[i].role === 'open') return markers[i];
  }
  return undefined;
}

/**
 * Where the words of a title after its opener start in `text` (`Harbor Dues` in `Comment: Harbor Dues`, `OUTLOOK` in
 * `COMMENT -- OUTLOOK`), past the punctuation and white space after the opener's end `from`; undefined when no letter
 * or digit stands before the words' end `to` (`COMMENT`, `Comment:`, `//COMMENT//`).
 */
function wordsAfter(text: string, from: number, to: number): number | undefined {
  // "Summary and Action Request: Quay Fees": the opener's words after its block's word, which the grammar colors with it.
  OPENER_TAIL.lastIndex = skipSpaces(text, from);
  const start = OPENER_TAIL.lastIndex > from && OPENER_TAIL.test(text) ? OPENER_TAIL.lastIndex : from;
  for (let k = start; k < to; k++) if (isWordCharacter(text[k])) return k;
  return undefined;
}

// The words an opener may go on with after its block's word (the parser's OPENER): "Summary and Key Themes".
const OPENER_TAIL = /and\s+(?:comments?|introduction|action\s+request|key\s+(?:themes|points))\b/iy;

/** True when an invisible character stands before offset `at`, white space aside: "¶2. \u200B(C)", "2. \u2060 (C)". */
function afterInvisible(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (isInvisible(c)) return true;
    if (!isSpace(c)) return false;
  }
  return false;
}

// What goes before a heading's words: a portion marking ("(U) Status of …", "(S//REL TO USA, GBR) LOOKING AHEAD" between
// slashes, which the parser reads as an item marking, parser58) or slashes ("//BORDER SECURITY//").
const HEADING_BEFORE = new RegExp(String.raw`^(?:${OPENING_MARKING}\s+|\/+\s*)`);

/** Adds the tokens of a marking's level and controls, where the grammar would color them after a paragraph number. */
function addMarking(lines: readonly string[], marking: PortionMarking, tokens: PendingToken[]): void {
  const { start, end } = marking.inner.range;
  if (marking.level === undefined || start.line !== end.line) return;
  const inner = lines[start.line].slice(start.character, end.character);
  const level = MARKING_LEVEL.exec(inner);
  if (!level) return;
  const from = start.character + level[0].length - level[0].trimStart().length;
  tokens.push({ range: { start: { line: start.line, character: from }, end: { line: start.line, character: start.character + level[0].length } }, type: PORTION_MARKING, modifiers: MARKING_MODIFIER[marking.level] });
  const rest = inner.slice(level[0].length);
  MARKING_CONTROLS.lastIndex = 0;
  for (let m = MARKING_CONTROLS.exec(rest); m; m = MARKING_CONTROLS.exec(rest)) {
    const at = start.character + level[0].length + m.index;
    tokens.push({ range: { start: { line: start.line, character: at }, end: { line: start.line, character: at + m[0].length } }, type: MARKING_CONTROL });
  }
}

/**
 * Where a heading's words end in `text`: before trailing white space, and before slashes ("//BORDER SECURITY//") or
 * dashes after white space ("Political Overview ----"; a word's hyphen stays) and the white space before them.
 * A scan, as a pattern for it ends in two runs of white space around the marks, which backtracks on long lines.
 */
function wordsEnd(text: string): number {
  const end = trimEndOffset(text);
  const c = text.charCodeAt(end - 1);
  if (c !== 47 /* / */ && c !== 45 /* - */) return end;
  let k = end;
  while (k > 0 && text.charCodeAt(k - 1) === c) k--;
  const before = trimEndOffset(text, k);
  return c === 47 || before < k ? before : end;
}

/** The range of a heading line's words, without what goes around them; undefined when none are left or the token spans lines. */
function headingWords(lines: readonly string[], token: Token): Range | undefined {
  const { start, end } = token.range;
  if (start.line !== end.line) return undefined;
  const line = lines[start.line];
  const text = line.slice(start.character, end.character);
  // "\u200B(C) HARBOR TALKS": invisible characters before the opening marking (CBL035's) hide none, and the words start after
  // it, which is an item marking's token of its own (they overlapped it).
  const at = markingStart(line, start.character);
  const marked = at > start.character ? HEADING_BEFORE.exec(line.slice(at, end.character)) : null;
  const from = marked ? at + marked[0].length : start.character + (HEADING_BEFORE.exec(text)?.[0].length ?? 0);
  const to = start.character + wordsEnd(text);
  return to > from ? { start: { line: start.line, character: from }, end: { line: start.line, character: to } } : undefined;
}
