/**
 * In-text references: "(ref C)", "REF B", "refs A and B", "reftel", "Reftel C",
 * "para 5", "paragraph 5", "paras 3-4". Each letter or number names the REF
 * item or paragraph it points at. Go to Definition, highlights and rename link
 * them (`features/references.ts`, `features/rename.ts`), hover says what each
 * names (`features/hover.ts`), and CBL045 reports those that point at nothing.
 */
// `Cable.lines` keep a scan's margin, which the parse read blanked; what starts a line, or ends the line before, is read past it.
import { marginWidth } from './parse/margin';
import type { Cable, Paragraph, Position, Range, RefItem } from './model';
import { refLetterOrdinal } from './parse/metadata';
import { contains, isAlnum, isDigit, isLetter, linesHolding, skipSpaces, trimEndOffset } from './text';

/** A reference in the text and what it points at. */
export interface InTextReference {
  readonly range: Range;
  /** The letter or number alone (`A` in `refs A`, `4` in `paras 3-4`); none for `reftel` without a letter. */
  readonly nameRange?: Range;
  /**
   * True on the first item of a list of two or more ("refs A" in "refs A and B", "paras 3" in "paras 3-4"),
   * whose `range` takes in the keyword that names them all.
   */
  readonly opensList?: boolean;
  readonly target: { readonly kind: 'ref'; readonly letter?: string } | { readonly kind: 'paragraph'; readonly number: number };
  /**
   * On the number that ends a range of paragraphs ("5" of "paras 3-5", "paragraphs 3 through 5", "paras 3 to 5",
   * "paras 3\u20135"): the number the range starts at and the text from it to this one ("3-5"), which names the paragraphs
   * numbered between them too (4). Set only where the range rises by 2 to {@link MAX_RANGE_SPAN} (see {@link rangeBetween}).
   */
  readonly rangeFrom?: RangeStart;
}

/** Where a range of paragraphs starts: its first number and the text of the whole range, from that number to the last. */
export interface RangeStart {
  readonly number: number;
  readonly range: Range;
}

/**
 * How far a range of paragraphs may rise and still name the paragraphs between its ends ("paras 1-99" does; "paras 1-999",
 * damaged or absurd, names its two ends alone, as does one that falls, "paras 5-3"). Nothing loops over a range's numbers:
 * a paragraph is in it when its number lies between the ends ({@link inRange}).
 */
export const MAX_RANGE_SPAN = 100;

/** Whether a range that starts at `from` and ends at `to` names the numbers between them: it rises by 2 to {@link MAX_RANGE_SPAN}. */
function spansBetween(from: number, to: number): boolean {
  return to - from >= 2 && to - from <= MAX_RANGE_SPAN;
}

/** Whether the paragraph number `n` is strictly between the ends of a range that starts at `from` and ends at `to` ("4" in "paras 3-5"). */
export function inRange(from: RangeStart | undefined, to: number, n: number): boolean {
  return from !== undefined && n > from.number && n < to;
}

/**
 * The reference among `refs` that ends a range of paragraphs ("5" of "paras 3-5") whose separator is at `position` (the "-"
 * or "through" between the two numbers, not on either: each is a reference of its own).
 */
export function rangeEndingAt(refs: readonly InTextReference[], position: Position): InTextReference | undefined {
  return refs.find((r) => r.rangeFrom !== undefined && contains(r.rangeFrom.range, position));
}

/**
 * The reference that ends a range of the cable's own paragraphs whose separator is at `position` ({@link rangeEndingAt}),
 * among `refs`, the references of its line ({@link findInTextReferencesOnLine}), or among the next line's where the
 * range runs onto it ("paras 3 -" / "5": its "5" is a reference of the next line). The next line is read only where a
 * reference may go on to it ({@link mayGoOnBelow}).
 */
export function rangeSeparatedAt(cable: Cable, position: Position, refs: readonly InTextReference[]): InTextReference | undefined {
  const here = rangeEndingAt(refs, position);
  if (here !== undefined || position.line + 1 >= cable.lines.length || !mayGoOnBelow(cable, position.line)) return here;
  return rangeEndingAt(findInTextReferencesOnLine(cable, position.line + 1), position);
}

/** Whether the paragraph number `n` is strictly between the ends of the range that `ref` ends ({@link InTextReference.rangeFrom}). */
export function rangeNames(ref: InTextReference, n: number): boolean {
  return ref.target.kind === 'paragraph' && inRange(ref.rangeFrom, ref.target.number, n);
}

// "(ref C)", "REF B", "refs A and B", "Reftel C", "reftels D and E", and "reftel", "reftels" and "refs" alone.
// A letter past H counts only when a REF item has it (see refLetters), as does one past Z written twice ("ref AA").
const REF_RE = /\b(?:(?:refs?\.?|reftels?)\s+([A-Z]{1,2})\b|reftels?\b|refs\b)/gi;

/**
 * "ref" or "para" in either case, ASCII letters only, as the reader's patterns read them (without the `u` flag, `i` matches no
 * other letter to an ASCII one). A match may stand in a word ("preferred", "separate"): the line is only a candidate.
 */
const MAY_MENTION = /ref|para/gi;

/**
 * The body lines that hold "ref" or "para" in any case (about 3 in 100): only they may hold a mention.
 * They are found by one search of the whole text with {@link MAY_MENTION} (`linesHolding`), which runs as the pattern's own
 * machine code from its first use. Searching for f and p with `indexOf` and checking the letters around each hit (about
 * 80,000 a pass over the corpus) took about as long warm (2.5 against 2.9 ms a pass, session 16) but three times as long in
 * a one-shot `cablelint` run, whose loop over the hits runs in V8's interpreter until it is compiled (about 23 against 8 ms
 * for the 200 corpus cables' first pass, this function's line walk included). A case-insensitive pattern tested on each
 * line took as long as the rest of the reader. The text's `linesWith` would need the offset of every line, which the cable
 * does not keep; working them out (`lineStarts`) made the reader twice as slow as a walk over line lengths, which stops at
 * the last candidate.
 */
function linesThatMayMention(cable: Cable): readonly number[] {
  let found = candidateLines.get(cable);
  if (found === undefined) {
    const all = linesHolding(cable.text, cable.lines, MAY_MENTION);
    const body = cable.bodyStartLine;
    found = body === 0 ? all : all.filter((line) => line >= body);
    candidateLines.set(cable, found);
  }
  return found;
}

/**
 * The candidate lines of each cable searched, kept while the cable is: `cablelint` asks for them twice a cable with a REF
 * field, for CBL054's mentions of cited paragraphs ({@link findCitedParagraphs}) and for CBL045's references
 * ({@link findInTextReferences}), and each search reads the whole text, where either reader then reads a few lines.
 */
const candidateLines = new WeakMap<Cable, readonly number[]>();

// "para 5", "paragraph 5", "paras 3-4", "Para. 13".
const PARA_RE = /\b(?:para(?:graph)?s?\.?)\s+(\d{1,3})\b/gi;
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && (isAlnum(c.charCodeAt(0)) || c === '_');
}

/** Where the text of `line` starts: past its margin ({@link marginWidth}) and white space ("07   B) the minister" at "B"). */
function textStart(cable: Cable, line: number): number {
  return skipSpaces(cable.lines[line], marginWidth(cable, line));
}

/** Where "&" or one of `words` followed by white space ends, white space included, or -1. */
function afterConjunction(text: string, i: number, words: readonly string[]): number {
  if (text[i] === '&') return skipSpaces(text, i + 1);
  for (const w of words) {
    const end = i + w.length;
    if (text.slice(i, end).toLowerCase() === w && skipSpaces(text, end) > end) return skipSpaces(text, end);
  }
  return -1;
}

/**
 * Where the next item of a list starts when a separator starts at `from`
 * (" and B", ", B", ", and C", " & C", "-C", " through C"), or -1: where
 * `/\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*|[-\u2013]\s*|through\s+|thru\s+)/iy` stops,
 * read by hand because that expression backtracks over runs of white space.
 */
export function afterSeparator(text: string, from: number): number {
  const i = skipSpaces(text, from);
  if (text[i] === ',') {
    const j = skipSpaces(text, i + 1);
    const k = afterConjunction(text, j, ['and']);
    return k < 0 ? j : k;
  }
  if (text[i] === '-' || text[i] === '\u2013') return skipSpaces(text, i + 1);
  return afterConjunction(text, i, ['and', 'through', 'thru']);
}

/**
 * The letters an in-text reference may name: A to H, which cables use for their first REF items, and
 * any other letter a REF item has ("ref K" in a cable whose REF field runs to K; "ref I" elsewhere is a word).
 */
function refLetters(cable: Cable): Set<string> {
  const letters = new Set('ABCDEFGH');
  for (const item of cable.refs?.items ?? []) if (item.letter !== undefined) letters.add(item.letter);
  return letters;
}

/**
 * Whether the letter at `i` starts a title, an abbreviation or a designation rather than standing alone:
 * "A/S Smith", "E.U.", "D.C.", "F-16", "G-20" ("ref B, A/S Smith said"; "refs A-C" is a range).
 */
function startsAbbreviation(text: string, i: number): boolean {
  const next = text[i + 1];
  const after = text.charCodeAt(i + 2);
  return ((next === '/' || next === '.') && isLetter(after)) || (next === '-' && isDigit(after));
}

/**
 * The letter of `letters` (either case) that stands as a word at `i`, or undefined: the letter of a list after
 * the first ("refs A and B") or the one that starts a line after "(Ref". A letter that starts a title or an
 * abbreviation is none ({@link startsAbbreviation}). A letter past Z written twice ("refs Z and AA") is one when a
 * REF item has it.
 */
function letterAt(text: string, i: number, letters: ReadonlySet<string>): string | undefined {
  const c = text[i];
  if (c !== undefined && text[i + 1] === c && isLetter(text.charCodeAt(i)) && letters.has((c + c).toUpperCase()) && !isWordChar(text[i + 2])) return c + c;
  // An ASCII letter: the capitals of "\u017f" (the long s) and "\u0131" (the dotless i) are S and I.
  return c !== undefined && isLetter(text.charCodeAt(i)) && letters.has(c.toUpperCase()) && !isWordChar(text[i + 1]) && !startsAbbreviation(text, i) ? c : undefined;
}

/** The number of one to three digits that stands as a word at `i`, or undefined. */
function numberAt(text: string, i: number): string | undefined {
  let j = i;
  while (j < text.length && j - i < 4 && text[j] >= '0' && text[j] <= '9') j++;
  return j > i && j - i <= 3 && !isWordChar(text[j]) ? text.slice(i, j) : undefined;
}

/** Whether the text from `from` to `to` joins the ends of a range, white space aside: "-", "\u2013", "through", "thru", "to". */
function joinsRange(text: string, from: number, to: number): boolean {
  const sep = text.slice(from, to).trim().toLowerCase();
  return sep === '-' || sep === '\u2013' || sep === 'through' || sep === 'thru' || sep === 'to';
}

/** Whether the text from `from` to `to` is a comma alone, white space aside: ", " in "para 3, 4", not ", and ". */
function commaAlone(text: string, from: number, to: number): boolean {
  return text.slice(from, to).trim() === ',';
}

/**
 * The items of the list that goes on at `from` (" and B", ", 4, 5"): each item's text, where it starts,
 * whether a comma alone comes before it, and whether it ends a range ("-5", " through 5"). With `numbers`, "to"
 * also joins two numbers, the second higher ("paras 3 to 5"; "para 3 to 1 of them" is no list).
 */
function listFrom(text: string, from: number, itemAt: (text: string, i: number) => string | undefined, numbers: boolean): { item: string; start: number; comma: boolean; range: boolean }[] {
  const items: { item: string; start: number; comma: boolean; range: boolean }[] = [];
  for (let i = from; ; ) {
    let start = afterSeparator(text, i);
    let to = false;
    if (start < 0 && numbers) {
      start = afterConjunction(text, skipSpaces(text, i), ['to']);
      to = start >= 0;
    }
    const item = start < 0 ? undefined : itemAt(text, start);
    if (item === undefined || (to && Number(item) <= Number(wordBefore(text, i).word))) return items;
    items.push({ item, start, comma: commaAlone(text, i, start), range: joinsRange(text, i, start) });
    i = start + item.length;
  }
}

/**
 * An item of a list, the line it stands on and where it starts there, whether a comma alone comes before it ("para 3, 4"),
 * and whether it ends a range ("5" of "paras 3-5").
 */
interface ListItem {
  readonly item: string;
  readonly line: number;
  readonly start: number;
  readonly comma: boolean;
  readonly range: boolean;
}

/**
 * Whether `line` is running text that the next line goes on with: a paragraph's first line or a line
 * of text, followed by a line of text, not by a paragraph's first line, a heading, a page line or a blank.
 */
function runsOn(cable: Cable, line: number): boolean {
  const kind = cable.lineKinds[line];
  return cable.lineKinds[line + 1] === 'text' && (kind === 'text' || kind === 'paragraph');
}

/** Whether the text from `from` to the end of the line is a list's separator alone: "refs A and", "refs A, ", "paras 3-". */
function separatorEnds(text: string, from: number): boolean {
  // A separator word needs white space after it ("and B"): the end of the line stands for it.
  return afterSeparator(text + ' ', from) === text.length + 1;
}

// The words that may follow an item of a list and keep it one: "paras 3, 4 and 5", "para 3, 4 of ref A", "paras 2, 3 below".
const LIST_WORDS = new Set(['and', 'or', 'through', 'thru', 'to', 'of', 'above', 'below']);

/**
 * Whether the item that ends at `end` on `line` is followed by a word that starts a clause of its own:
 * white space, then a word of letters other than {@link LIST_WORDS}, on this line or, when the item ends it,
 * at the start of the next line of text ("10 officials", "10" / "officials").
 */
function clauseAfter(cable: Cable, line: number, end: number): boolean {
  let text = cable.lines[line];
  let i = skipSpaces(text, end);
  if (i === text.length) {
    if (!runsOn(cable, line)) return false;
    text = cable.lines[line + 1];
    i = textStart(cable, line + 1);
  } else if (i === end) return false;
  let j = i;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return j > i && !LIST_WORDS.has(text.slice(i, j).toLowerCase());
}

/**
 * The items of `items` before the first that starts a clause of its own: a number or letter after a comma alone
 * and followed by a word ({@link clauseAfter}) is a count or an article, not an item: "see para 3, 10 officials said",
 * "paras 3 and 4, 10 officials said", "REF B, A SENIOR OFFICIAL SAID". It is an item where the list needs one:
 * right after the first item of a plural keyword ("paras 3, 4 show") and after an item that a comma alone comes
 * before too ("para 8, 9, 10 are").
 */
function beforeClause(cable: Cable, items: ListItem[], plural: boolean): ListItem[] {
  const cut = items.findIndex((r, k) => r.comma && !(k === 0 ? plural : items[k - 1].comma) && clauseAfter(cable, r.line, r.start + r.item.length));
  return cut < 0 ? items : items.slice(0, cut);
}

/**
 * The items of the list that goes on at `from` on `line` (" and B", ", 4, 5"), and on the next line when a
 * separator ends a line of running text and the next line starts with an item: "refs A and" / "B", "paras 3-" / "5";
 * or when an item ends the line and the next starts with "and", "&", "through" or "thru": "(Ref A" / "and B)".
 * The list ends before an item that starts a clause of its own ({@link beforeClause}); `plural` tells whether its keyword
 * is plural ("paras", "refs").
 */
function listAcross(cable: Cable, line: number, from: number, itemAt: (text: string, i: number) => string | undefined, plural: boolean): ListItem[] {
  const items: ListItem[] = [];
  const numbers = itemAt === numberAt;
  for (let l = line, i = from; ; l++) {
    const text = cable.lines[l];
    for (const r of listFrom(text, i, itemAt, numbers)) items.push({ ...r, line: l });
    const last = items[items.length - 1];
    const end = last?.line === l ? last.start + last.item.length : i;
    if (!runsOn(cable, l)) return beforeClause(cable, items, plural);
    const next = cable.lines[l + 1];
    // "(Ref A" / "and B)": the list goes on with the separator that starts the next line; a comma or a dash there does not
    // ("- B." may start a point of a list).
    const nextStart = textStart(cable, l + 1);
    if (skipSpaces(text, end) === text.length && afterConjunction(next, nextStart, ['and', 'through', 'thru']) >= 0) {
      i = nextStart;
      continue;
    }
    if (!separatorEnds(text, end)) return beforeClause(cable, items, plural);
    const start = nextStart;
    const item = itemAt(next, start);
    if (item === undefined) return beforeClause(cable, items, plural);
    items.push({ item, line: l + 1, start, comma: commaAlone(text, end, text.length), range: joinsRange(text, end, text.length) });
    i = start + item.length;
  }
}

/** The paragraphs of `cable` numbered strictly between the ends of the range `ref` ends ("4" of "paras 3-5"), in the text's order. */
export function paragraphsBetween(cable: Cable, ref: InTextReference): Paragraph[] {
  return ref.rangeFrom === undefined ? [] : cable.paragraphs.filter((p) => rangeNames(ref, p.readAs));
}

/**
 * Where the range each number of `more` ends starts ({@link InTextReference.rangeFrom}), aligned with `more`: the list of
 * numbers whose first, `first`, starts at `start` on `line` ("paras 3-5, 7 through 9": 3 for "5", none for "7", 7 for
 * "9"); undefined for an item that ends no range, or one that rises by 1 or by more than {@link MAX_RANGE_SPAN}, or falls
 * ("paras 5-3").
 */
function rangeStarts(first: string, line: number, start: number, more: readonly ListItem[]): (RangeStart | undefined)[] {
  let prev = { number: parseInt(first, 10), line, start };
  return more.map((r) => {
    const n = parseInt(r.item, 10);
    const from = prev;
    prev = { number: n, line: r.line, start: r.start };
    if (!r.range || !spansBetween(from.number, n)) return undefined;
    return { number: from.number, range: { start: { line: from.line, character: from.start }, end: { line: r.line, character: r.start + r.item.length } } };
  });
}

/** Whether the keyword of a reference is plural: "paras", "Refs.", "reftels" in "refs A and B". */
function isPlural(keyword: string): boolean {
  return /s\.?\s*$/i.test(keyword);
}

/** Where the list whose first item ends at `end` on `line` ends: after its last item, on that item's line. */
function listEnd(items: readonly ListItem[], line: number, end: number): { line: number; end: number } {
  const last = items[items.length - 1];
  return last === undefined ? { line, end } : { line: last.line, end: last.start + last.item.length };
}

/** Where to search on `line` after a list whose first item ends at `end`: after its last item on that line. */
function afterOnLine(items: readonly ListItem[], line: number, end: number): number {
  let after = end;
  for (const r of items) if (r.line === line) after = r.start + r.item.length;
  return after;
}

const isLower = (c: string) => c !== c.toUpperCase();

/** The word that ends at `end` (letters, digits and "_"), and where it starts. */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let start = end;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  return { word: text.slice(start, end).toLowerCase(), start };
}

/** Where the text before `i` ends once spaces, commas and a possessive "'s" are passed over. */
function backOverGlue(text: string, i: number): number {
  let j = i;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === ',' || text[j - 1] === '\t')) j--;
  if (j >= 2 && (text[j - 1] === 's' || text[j - 1] === 'S') && (text[j - 2] === "'" || text[j - 2] === '\u2019')) j -= 2;
  return j;
}

// The words a cable puts before a REF letter, and those that number the parts of another document
// ("Article 5 paragraph 2", "UNSCR 1540 paragraph 6", "operative paragraph 4").
const REF_WORDS = new Set(['ref', 'refs', 'reftel', 'reftels']);
const PART_WORDS = new Set(['article', 'art', 'section', 'sec', 'annex', 'chapter', 'clause', 'resolution', 'unscr', 'unsc', 'law', 'decree', 'act']);
const PARAGRAPH_KINDS = new Set(['operative', 'preambular']);

/**
 * The word before `i` on `line` once `back` has passed over what lies between, and the line it stands on.
 * When only white space lies before `i` on a line that goes on from the line before, the word ends that line:
 * "REF" / "A para 3", "REF A," / "para 3".
 */
function wordBeforeAcross(cable: Cable, line: number, i: number, back: (text: string, i: number) => number): { word: string; line: number; start: number } {
  const text = cable.lines[line];
  const j = back(text, i);
  // "07 para 3" under "06 ... reftel": the margin is no word before the mention.
  if (j <= marginWidth(cable, line) && line > 0 && runsOn(cable, line - 1)) {
    const prev = cable.lines[line - 1];
    return { ...wordBefore(prev, back(prev, prev.length)), line: line - 1 };
  }
  return j <= marginWidth(cable, line) ? { word: '', start: j, line } : { ...wordBefore(text, j), line };
}

/**
 * True when the paragraph mention that starts at `i` on `line` follows a citation of another document:
 * "reftel para 2", "REF A, para 3", "reftel's para 2", "Article 5 paragraph 2", "UNSCR 1540 para 6", "operative paragraph 4",
 * on this line or ending the line before ("REF" / "A para 3", "reftel" / "para 2").
 */
function citedBefore(cable: Cable, line: number, i: number): boolean {
  const prev = wordBeforeAcross(cable, line, i, backOverGlue);
  if (REF_WORDS.has(prev.word) || PART_WORDS.has(prev.word) || PARAGRAPH_KINDS.has(prev.word)) return true;
  // "REF A para 3": a letter after a REF word; "Article 5 paragraph 2": a number after a part word.
  const isLetter = prev.word.length === 1 && prev.word >= 'a' && prev.word <= 'z';
  const isNumber = prev.word.length > 0 && prev.word.length <= 5 && [...prev.word].every((c) => c >= '0' && c <= '9');
  if (!isLetter && !isNumber) return false;
  const before = wordBeforeAcross(cable, prev.line, prev.start, skipSpacesBack).word;
  return isLetter ? REF_WORDS.has(before) : PART_WORDS.has(before);
}

/** Where the text before `i` ends once white space is passed over. */
function skipSpacesBack(text: string, i: number): number {
  let j = i;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  return j;
}

/**
 * "of" alone, or "of this", white space around and between, to the end of a line: "para 5 of" ending a line whose next
 * starts with "ref A", "para 5 of this" ending one whose next starts with "cable".
 */
const OF_AT_END_RE = /^[ \t]*of(?:[ \t]+this)?[ \t]*$/i;

/**
 * The text after a paragraph mention that ends at `end` on `line`, from there to the end of the line, read on past the
 * next line's margin where the line runs on ({@link runsOn}) and only white space, "of" or "of this" follows the mention:
 * "para 5" / "of ref A" and "para 5 of" / "ref A" read as "para 5 of ref A", "para 5 of this" / "cable" as "para 5 of
 * this cable".
 */
function textAfter(cable: Cable, line: number, end: number): string {
  const text = cable.lines[line].slice(end);
  if (!runsOn(cable, line)) return text;
  const next = () => cable.lines[line + 1].slice(textStart(cable, line + 1));
  if (skipSpaces(text, 0) === text.length) return ` ${next()}`;
  return OF_AT_END_RE.test(text) ? `${text.trimEnd()} ${next()}` : text;
}

/**
 * True when a paragraph mention that ends at `end` on `line` goes on to name another document ({@link textAfter}, across
 * a line break too): "para 5 of ref A", "paragraph 2 of the agreement"; "para 5 of this cable" names its own, with any
 * white space between the words ("of\tthis  cable") or a line break ("of this" / "cable").
 */
function citedAfter(cable: Cable, line: number, end: number): boolean {
  const text = textAfter(cable, line, end);
  const i = skipSpaces(text, 0);
  if (text.slice(i, i + 2).toLowerCase() !== 'of' || isWordChar(text[i + 2])) return false;
  const j = skipSpaces(text, i + 2);
  return text.slice(j, j + 4).toLowerCase() !== 'this' || skipSpaces(text, j + 4) === j + 4;
}

/**
 * The letters of a list after a REF letter `first` that ends at `end` on `line` (" and B", ", C", and on the
 * next line: "refs A and" / "B"), or undefined when `first` is the word "a" rather than a letter. A list goes
 * on only in its first letter's case: "Ref A and a second note" names A alone, and so does "Ref A and" / "a
 * second note"; "ref a" in prose is the word "a" unless a list, a parenthesis or a mark after it shows it is a letter:
 * "refs a and b", "(ref a)", "ref a." ({@link endsLetter}). A list names no letter twice: "REF A AND A NEW NOTE" names A once, the second "A" is a word.
 */
function lettersAfterIn(cable: Cable, line: number, end: number, first: string, plural: boolean, letterHere: (text: string, i: number) => string | undefined): ListItem[] | undefined {
  const rest = listAcross(cable, line, end, letterHere, plural);
  const named = new Set([first.toUpperCase()]);
  const cut = rest.findIndex((r) => {
    const letter = r.item.toUpperCase();
    if (isLower(r.item) !== isLower(first) || named.has(letter)) return true;
    named.add(letter);
    return false;
  });
  const more = cut < 0 ? rest : rest.slice(0, cut);
  return first === 'a' && more.length === 0 && !endsLetter(cable.lines[line], end) ? undefined : more;
}

/**
 * True when what follows a word "a" ending at `end` shows it is a REF letter, not the article: a closing parenthesis
 * ("(ref a)") or a mark the article is never followed by ("the points of ref a. Garcia said", "as ref a, the note, says",
 * "ref a;", "ref a:"), but not the full stop of an abbreviation ("the ref a.m. shift"); or a reporting verb after one space
 * ("ref a demonstrates", "as ref a reported"), which no article goes before.
 */
function endsLetter(text: string, end: number): boolean {
  const c = text[end];
  if (c === ' ') return REPORTING_VERBS.has(wordAt(text, end + 1).toLowerCase());
  return c === ')' || c === ',' || c === ';' || c === ':' || (c === '.' && !isWordChar(text[end + 1]));
}

/** The word (letters only) that starts at `start`, empty when none does; at most 16 letters are read. */
function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start <= 16 && /[A-Za-z]/.test(text[end])) end++;
  return text.slice(start, end);
}

/**
 * The verbs a cited cable is the subject of ("ref a demonstrates", "as ref a reported"), which the article "a" never
 * goes before: after one, "a" is the letter. Reporting verbs only, in the present and the past.
 */
const REPORTING_VERBS: ReadonlySet<string> = new Set(
  ['note', 'report', 'state', 'describe', 'outline', 'request', 'explain', 'show', 'indicate', 'provide', 'contain', 'demonstrate', 'discuss', 'detail', 'ask', 'summarize', 'convey', 'instruct', 'inform', 'review', 'suggest', 'propose', 'highlight', 'confirm', 'transmit', 'relay', 'recount']
    .flatMap((v) => [`${v}s`, v.endsWith('e') ? `${v}d` : `${v}ed`])
    .concat(['says', 'said', 'shown']),
);

// The keywords a line may end with, its reference going on at the start of the next; "ref." and "para." too, not "reftel.".
const SPLIT_KINDS = new Map<string, 'ref' | 'reftel' | 'para'>([
  ['ref', 'ref'], ['refs', 'ref'], ['reftel', 'reftel'], ['reftels', 'reftel'],
  ['para', 'para'], ['paras', 'para'], ['paragraph', 'para'], ['paragraphs', 'para'],
]);

// How many blank and page lines a keyword that ends a line is read across to the line of text it goes on at.
const KEYWORD_GAP = 4;

/**
 * The keyword `line` ends with (white space after it aside) when the next line of text, `next`, may go on with its
 * letter or number: "... as reported in (Ref" / "B) the minister ...", "see para" / "5". Both lines must be running
 * text ({@link runsOn}): the next line no paragraph's first line, heading, page line or blank. A keyword with no full
 * stop after it inside a parenthesis its line leaves open ends no sentence, so it also goes on past the blank lines and
 * page lines a page break leaves inside a paragraph ("(Reftel" / blank / "A)."), at a line of text under them
 * ({@link lineAfterGap}).
 */
function keywordAtEnd(cable: Cable, line: number): { start: number; end: number; kind: 'ref' | 'reftel' | 'para'; next: number } | undefined {
  const kinds = cable.lineKinds;
  const across = !runsOn(cable, line);
  // Only running text ends with a keyword that goes on; the lines below are looked at once the keyword is found.
  if (across && kinds[line] !== 'text' && kinds[line] !== 'paragraph') return undefined;
  const text = cable.lines[line];
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const dot = text[end - 1] === '.';
  if (dot && across) return undefined;
  const { word, start } = wordBefore(text, dot ? end - 1 : end);
  const kind = SPLIT_KINDS.get(word);
  if (kind === undefined || (dot && kind === 'reftel')) return undefined;
  // Across a gap, only inside a parenthesis the line leaves open ("(Reftel", "(see para"): a keyword that ends a paragraph's
  // last line otherwise ("We add a para" / blank / "2 more.") is prose, and the line under the blank one a new paragraph.
  if (across && text.lastIndexOf('(', start) <= text.lastIndexOf(')', start)) return undefined;
  const next = across ? lineAfterGap(cable, line) : line + 1;
  return next === undefined ? undefined : { start, end, kind, next };
}

/**
 * The line of text under the blank lines and page lines right below `line` (at most {@link KEYWORD_GAP} of them, at
 * least one), or undefined when another line (a paragraph's first line, a heading) or nothing stands there.
 */
function lineAfterGap(cable: Cable, line: number): number | undefined {
  const kinds = cable.lineKinds;
  let l = line + 1;
  while (l < kinds.length && l <= line + KEYWORD_GAP && (kinds[l] === 'blank' || kinds[l] === 'page')) l++;
  return l > line + 1 && kinds[l] === 'text' ? l : undefined;
}

/** The line above `line`, past blank lines and page lines, whose keyword goes on at `line` ({@link keywordAtEnd}). */
function keywordAbove(cable: Cable, line: number): number | undefined {
  const kinds = cable.lineKinds;
  if (kinds[line] !== 'text') return undefined;
  let l = line - 1;
  while (l > cable.bodyStartLine && l >= line - KEYWORD_GAP && (kinds[l] === 'blank' || kinds[l] === 'page')) l--;
  return l < line - 1 && keywordAtEnd(cable, l)?.next === line ? l : undefined;
}

/**
 * Every in-text reference in the body. A list ("refs A and B", "refs A, B and C",
 * "refs A-C", "paras 3 and 4") gives one reference per letter or number written:
 * the first covers the keyword too ("refs A"), the others only their letter or
 * number. A range links its two ends; the items between have no text to link.
 * A paragraph mention of another document ("para 5 of ref A", "REF A para 3",
 * "paragraph 6 of UNSCR 1540") is no reference to the cable's own paragraphs and is left out.
 * A keyword that ends a line goes on with the letter or number that starts the next line of text
 * ("(Ref" / "B) the minister", "see para" / "5"), and a list goes on with the next line of text when its separator
 * ends a line ("refs A and" / "B", "paras 3-" / "5") or its "and", "&" or "through" starts the next ("(Ref A" / "and B)"):
 * those references cover the letter or number alone, on the next line.
 * A list ends before a number or letter that is prose: a count or an article after a comma alone ("see para 3, 10 officials
 * said", "REF B, A SENIOR OFFICIAL"), a letter that starts a title or an abbreviation ("ref B, A/S Smith", "ref C and E.U."),
 * and a letter it has named already ("REF A AND A NEW NOTE").
 * A paragraph mention that starts a line is of another document when the line before ends with its citation
 * ("REF" / "A para 3", "reftel" / "para 2").
 */
export function findInTextReferences(cable: Cable): readonly InTextReference[] {
  let found = readCables.get(cable);
  if (found === undefined) {
    found = referencesFrom(cable, linesThatMayMention(cable));
    readCables.set(cable, found);
  }
  return found;
}

/**
 * The references of {@link findInTextReferences} that point at paragraphs ("para 5", "paras 3-4"), in its order, for
 * CBL045 in a cable without a REF field, which checks no other. Unless the cable's references were read already, only
 * the body lines that hold "para" in any case are read (a reference to a paragraph starts with that keyword, on its line
 * or, for a list or a number that goes on below, on a line above, which holds it too), found by a search of the text
 * for "para" alone: "ref" is in most of the lines that hold either (about 900 of 1,100 matches a pass over the corpus),
 * in words as often as not ("reform", "preferred").
 */
export function findInTextParagraphReferences(cable: Cable): readonly InTextReference[] {
  let found = paragraphCables.get(cable);
  if (found === undefined) {
    const all = readCables.get(cable);
    if (all !== undefined) found = all.filter((r) => r.target.kind === 'paragraph');
    else {
      const body = cable.bodyStartLine;
      const lines = linesHolding(cable.text, cable.lines, MAY_CITE_PARAGRAPH);
      found = referencesFrom(cable, body === 0 ? lines : lines.filter((line) => line >= body), true);
    }
    paragraphCables.set(cable, found);
  }
  return found;
}

/**
 * The references of each cable to its paragraphs ({@link findInTextParagraphReferences}), kept while the cable is, as
 * {@link readCables} keeps the whole reading: in a cable without REF items, CBL045 reads them, and rename, highlights and
 * Find References then take them for the same version ({@link findResolvableReferences}) rather than read the text again.
 */
const paragraphCables = new WeakMap<Cable, readonly InTextReference[]>();

/**
 * The in-text references that may point at something, for the features that follow them across the whole text (rename,
 * highlights, Find References, CBL024's and CBL025's second fix): every one ({@link findInTextReferences}) where the
 * REF field has items, and only those to paragraphs ({@link findInTextParagraphReferences}) where it has none, since a
 * REF letter or "reftel" then names nothing. Either answer is kept for the cable, so that a version's lint and requests
 * read its text once: in a cable without REF items, the lint's CBL045 reads the paragraphs' references alone, and the
 * whole reading would read the text a second time for references that name nothing.
 */
export function findResolvableReferences(cable: Cable): readonly InTextReference[] {
  return (cable.refs?.items.length ?? 0) > 0 ? findInTextReferences(cable) : findInTextParagraphReferences(cable);
}

/** "para" in either case, ASCII letters only, as {@link MAY_MENTION} reads it. */
const MAY_CITE_PARAGRAPH = /para/gi;

/**
 * The references of each cable read whole, kept while the cable is: a lint asks for them from several rules (CBL045, and
 * CBL024's and CBL025's second fix), and the server for several requests on one version; a cable is never changed.
 */
const readCables = new WeakMap<Cable, readonly InTextReference[]>();

/**
 * The in-text references whose text is on `line`, as {@link findInTextReferences} finds them, read from that line and
 * the lines of running text above it that a reference may go on from ("(Ref" / "B)", "refs A and" / "B"; each ending
 * with a keyword, an item or an item and a separator, {@link mayGoOnBelow}), not from the whole text: what a request
 * about one place needs (a hover), in a document of any length, paragraphs or blank lines or none.
 * A line with no "ref" or "para" holds no keyword, so reading every line of that stretch finds what the candidates of
 * the whole text give.
 */
export function findInTextReferencesOnLine(cable: Cable, line: number): InTextReference[] {
  if (line < cable.bodyStartLine || line >= cable.lines.length) return [];
  const lines: number[] = [];
  for (let l = firstLineReaching(cable, line); l <= line; l++) lines.push(l);
  return referencesFrom(cable, lines).filter((r) => r.range.start.line === line);
}

/**
 * The first of the lines of running text down to `line` that a reference read from it may go on from to `line` (each
 * ending with a keyword, an item or an item and a separator, {@link mayGoOnBelow}; a keyword above a page break,
 * {@link keywordAbove}), or `line` itself.
 */
function firstLineReaching(cable: Cable, line: number): number {
  // A reference read from a line ends on it, or on a line further down only through lines that each may carry it on.
  let first = line;
  // A keyword above a page break goes on below it ("(Reftel" / blank / "A)."), and the walk goes on from its line.
  for (;;) {
    if (first > cable.bodyStartLine && mayGoOnBelow(cable, first - 1)) first--;
    else {
      const above = keywordAbove(cable, first);
      if (above === undefined) return first;
      first = above;
    }
  }
}

/**
 * Whether a reference read from `line` may go on at the start of the next line: `line` runs on ({@link runsOn}) and
 * ends, white space aside, with a keyword (`(Ref`, `para.`), a list's item (a letter, or a number of up to three
 * digits) or an item and a separator (`A and`, `3,`, `3-`, `B, &`): what {@link keywordAtEnd} and {@link listAcross}
 * go on from, and more (any letter, any such item after any word), so that no reference crosses a line this rejects. A
 * line of prose ends with none of them, so that a walk up through the lines above stops within a few.
 */
function mayGoOnBelow(cable: Cable, line: number): boolean {
  if (!runsOn(cable, line)) return false;
  const text = cable.lines[line];
  // Any white space {@link afterSeparator} passes over ("refs A and\u00a0" / "B"), not only spaces and tabs.
  const back = (i: number) => trimEndOffset(text, i);
  let end = back(text.length);
  // A keyword before a full stop ("para."); an item before one ends its list.
  if (text[end - 1] === '.') return SPLIT_KINDS.has(wordBefore(text, end - 1).word);
  // Up to two separators: ", and", ", &".
  for (let k = 0; k < 2; k++) {
    const c = text[end - 1];
    if (c === ',' || c === '-' || c === '\u2013' || c === '&') {
      end = back(end - 1);
      continue;
    }
    const { word, start } = wordBefore(text, end);
    if (word !== 'and' && word !== 'through' && word !== 'thru') break;
    end = back(start);
  }
  // A separator alone on its line carries a list on from the line above it ("(Ref A" / "&" / "B)"), a margin before it or none.
  if (end <= marginWidth(cable, line)) return true;
  const { word } = wordBefore(text, end);
  return SPLIT_KINDS.has(word) || (word.length === 1 && word >= 'a' && word <= 'z') || (word.length > 0 && word.length <= 3 && [...word].every((c) => c >= '0' && c <= '9'));
}

/**
 * The in-text references read from `lines`, body lines in ascending order ({@link findInTextReferences}); with
 * `paragraphsOnly`, only those to paragraphs, the REF keywords left unread ({@link findInTextParagraphReferences}).
 */
function referencesFrom(cable: Cable, lines: readonly number[], paragraphsOnly = false): InTextReference[] {
  const result: InTextReference[] = [];
  const letters = refLetters(cable);
  const letterHere = (text: string, i: number) => letterAt(text, i, letters);
  const lettersAfter = (line: number, end: number, first: string, plural: boolean) => lettersAfterIn(cable, line, end, first, plural, letterHere);
  // The letter or number ends the linked text; `length` is its length (0 for "reftel" alone).
  const push = (line: number, start: number, end: number, length: number, target: InTextReference['target'], opensList = false, rangeFrom?: RangeStart) =>
    result.push({
      range: { start: { line, character: start }, end: { line, character: end } },
      nameRange: length > 0 ? { start: { line, character: end - length }, end: { line, character: end } } : undefined,
      ...(opensList ? { opensList } : {}),
      target,
      ...(rangeFrom ? { rangeFrom } : {}),
    });
  for (const line of lines) {
    const text = cable.lines[line];
    const split = keywordAtEnd(cable, line);
    REF_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (!paragraphsOnly && (m = REF_RE.exec(text)) !== null) {
      const end = m.index + m[0].length;
      const first = m[1];
      if (first === undefined) {
        // "(Reftel" at the end of the line: whether a letter follows is read below, from the next line.
        if (m.index !== split?.start) push(line, m.index, end, 0, { kind: 'ref' });
        continue;
      }
      if (!letters.has(first.toUpperCase())) {
        // "reftel K" with no item K is "reftel" alone, and "ref K" is nothing; the search goes on at the letter ("ref Reftel B").
        if (m[0].slice(0, 6).toLowerCase() === 'reftel') push(line, m.index, m.index + (m[0][6] === 's' || m[0][6] === 'S' ? 7 : 6), 0, { kind: 'ref' });
        REF_RE.lastIndex = end - 1;
        continue;
      }
      const more = lettersAfter(line, end, first, isPlural(m[0].slice(0, -1)));
      if (more === undefined) continue;
      push(line, m.index, end, first.length, { kind: 'ref', letter: first.toUpperCase() }, more.length > 0);
      for (const r of more) push(r.line, r.start, r.start + r.item.length, r.item.length, { kind: 'ref', letter: r.item.toUpperCase() });
      REF_RE.lastIndex = afterOnLine(more, line, end);
    }
    // "(Ref" at the end of the line and "B) the minister" on the next: only the letters are linked, on the next line.
    if (!paragraphsOnly && (split?.kind === 'ref' || split?.kind === 'reftel')) {
      const next = cable.lines[split.next];
      const i = textStart(cable, split.next);
      const first = letterHere(next, i);
      if (first !== undefined) {
        const more = lettersAfter(split.next, i + first.length, first, isPlural(text.slice(split.start, split.end)));
        if (more !== undefined) {
          push(split.next, i, i + first.length, first.length, { kind: 'ref', letter: first.toUpperCase() });
          for (const r of more) push(r.line, r.start, r.start + r.item.length, r.item.length, { kind: 'ref', letter: r.item.toUpperCase() });
        }
      } else if (split.kind === 'reftel' || isPlural(text.slice(split.start, split.end))) push(line, split.start, split.end, 0, { kind: 'ref' });
    }
    PARA_RE.lastIndex = 0;
    while ((m = PARA_RE.exec(text)) !== null) {
      const end = m.index + m[0].length;
      const more = listAcross(cable, line, end, numberAt, isPlural(m[0].slice(0, -m[1].length)));
      const last = listEnd(more, line, end);
      PARA_RE.lastIndex = afterOnLine(more, line, end);
      // "para 5 of ref A", "REF A para 3", "paragraph 6 of UNSCR 1540": paragraphs of another document.
      if (citedBefore(cable, line, m.index) || citedAfter(cable, last.line, last.end)) continue;
      push(line, m.index, end, m[1].length, { kind: 'paragraph', number: parseInt(m[1], 10) }, more.length > 0);
      const from = rangeStarts(m[1], line, end - m[1].length, more);
      more.forEach((r, k) => push(r.line, r.start, r.start + r.item.length, r.item.length, { kind: 'paragraph', number: parseInt(r.item, 10) }, false, from[k]));
    }
    // "see para" at the end of the line and "5" on the next.
    if (split?.kind === 'para') {
      const next = cable.lines[split.next];
      const i = textStart(cable, split.next);
      const first = numberAt(next, i);
      if (first !== undefined) {
        const more = listAcross(cable, split.next, i + first.length, numberAt, isPlural(text.slice(split.start, split.end)));
        const last = listEnd(more, split.next, i + first.length);
        if (!citedBefore(cable, line, split.start) && !citedAfter(cable, last.line, last.end)) {
          push(split.next, i, i + first.length, first.length, { kind: 'paragraph', number: parseInt(first, 10) });
          const from = rangeStarts(first, split.next, i, more);
          more.forEach((r, k) => push(r.line, r.start, r.start + r.item.length, r.item.length, { kind: 'paragraph', number: parseInt(r.item, 10) }, false, from[k]));
        }
      }
    }
  }
  return result;
}

/**
 * The REF items a plural keyword with no letter names ("(refs)", "see reftels"): every item of the REF field, when it has
 * two or more; none otherwise (a single item is the reference's {@link inTextTarget}, as "reftel" names it).
 */
export function allItemsNamed(cable: Cable, ref: InTextReference): readonly RefItem[] {
  const items = cable.refs?.items ?? [];
  if (ref.target.kind !== 'ref' || ref.target.letter !== undefined || items.length < 2) return [];
  const r = ref.range;
  return r.start.line === r.end.line && isPlural(cable.lines[r.start.line].slice(r.start.character, r.end.character)) ? items : [];
}

/**
 * The paragraphs a number names where two or more are read as it ("para 3" in a cable that numbers two paragraphs 3,
 * which CBL025 reports): all of them, in order; none where one paragraph or none has the number, or for a REF reference.
 */
export function paragraphsNamed(cable: Cable, ref: InTextReference): readonly Paragraph[] {
  if (ref.target.kind !== 'paragraph') return [];
  const n = ref.target.number;
  const named = cable.paragraphs.filter((p) => p.readAs === n);
  return named.length > 1 ? named : [];
}

/**
 * Where an in-text reference points: the REF item or the paragraph marker ({@link inTextTarget}).
 */
export function resolveInText(cable: Cable, ref: InTextReference): Range | undefined {
  const target = inTextTarget(cable, ref);
  return target && ('marker' in target ? target.marker.range : target.range);
}

/**
 * The REF item or paragraph an in-text reference names, or undefined when it names none.
 * A letter names the item with that letter; when no item has a letter, it counts
 * the items in order ("ref A" is the first). "reftel" without a letter names the
 * only item, and nothing when there are several. A number names the first paragraph read as it.
 */
export function inTextTarget(cable: Cable, ref: InTextReference): RefItem | Paragraph | undefined {
  if (ref.target.kind === 'paragraph') {
    const n = ref.target.number;
    return cable.paragraphs.find((p) => p.readAs === n);
  }
  const items = cable.refs?.items ?? [];
  const letter = ref.target.letter;
  // "reftel" names the REF item when there is one, lettered or not, and nothing when there are several.
  if (letter === undefined) return items.length === 1 ? items[0] : undefined;
  const item = items.find((i) => i.letter === letter);
  if (item) return item;
  // "REF: PARIS 12; LONDON 34" and "(ref B)": with no letter written, the letters count the items in order,
  // so "ref A" names a single unlettered item and "ref B" names nothing.
  return items.every((i) => i.letter === undefined) ? items[refLetterOrdinal(letter) - 1] : undefined;
}

/**
 * A paragraph of a cable the REF field cites, as the text names it: "para 5 of ref A", "REF A para 3", "reftel para 2",
 * "REF A, paras 3 and 4", "paragraph 2 of reftel" (the mentions {@link findInTextReferences} leaves out as another
 * document's). Go to Definition takes it to that paragraph of the cited cable when the workspace holds it.
 */
export interface CitedParagraphMention {
  /** The keyword and number of the first ("para 5"), the number alone of a list's others ("4" in "paras 3 and 4"). */
  readonly range: Range;
  readonly number: number;
  /** The REF item that cites the cable holding the paragraph. */
  readonly item: RefItem;
  /** On the number that ends a range ("5" of "REF A paras 3-5"), where it starts, as {@link InTextReference.rangeFrom}. */
  readonly rangeFrom?: RangeStart;
}

/** {@link PARA_RE} with a lastIndex of its own: the reader's belongs to {@link findInTextReferences}. */
const CITED_PARA_RE = new RegExp(PARA_RE.source, 'gi');

/** "of ref A", "of reftel", "of ref. B" after a paragraph's number; the letter is absent after "reftel" alone. */
const OF_REF_RE = /^[ \t]*of[ \t]+(?:reftel|ref\.?)(?:[ \t]+([A-Za-z])(?![A-Za-z0-9_]))?/i;

/** The REF item `letter` names ("reftel" alone, undefined: the only item), as an in-text reference resolves it. */
function itemNamed(cable: Cable, letter: string | undefined): RefItem | undefined {
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const target = inTextTarget(cable, { range: r, target: { kind: 'ref', letter: letter?.toUpperCase() } });
  return target && !('marker' in target) ? target : undefined;
}

/** The REF item a citation before a paragraph mention at `i` on `line` names: "REF A para 3", "reftel para 2", "REF" / "A, para 3". */
function citedItemBefore(cable: Cable, line: number, i: number): RefItem | undefined {
  const prev = wordBeforeAcross(cable, line, i, backOverGlue);
  if (prev.word === 'reftel' || prev.word === 'ref') return itemNamed(cable, undefined);
  if (prev.word.length !== 1 || prev.word < 'a' || prev.word > 'z') return undefined;
  const before = wordBeforeAcross(cable, prev.line, prev.start, skipSpacesBack).word;
  return before === 'ref' || before === 'reftel' ? itemNamed(cable, prev.word) : undefined;
}

/**
 * The REF item a citation after a paragraph mention that ends at `end` on `line` names: "para 5 of ref A", "para 2 of
 * reftel", and across a line break between "of" and the citation, where the line runs on ({@link runsOn}): "para 5 of" /
 * "ref A", read past the next line's margin.
 */
function citedItemAfter(cable: Cable, line: number, end: number): RefItem | undefined {
  const text = textAfter(cable, line, end);
  const m = OF_REF_RE.exec(text);
  if (m === null) return undefined;
  // "para 3 of ref a new note" reads "a" as the article: a small "a" followed by a word names no item.
  const letter = m[1] === 'a' && /^[ \t]+[A-Za-z]/.test(text.slice(m[0].length)) ? undefined : m[1];
  if (m[1] !== undefined && letter === undefined) return undefined;
  return itemNamed(cable, letter);
}

/**
 * The paragraphs of cited cables the whole text names ({@link CitedParagraphMention}), read from the lines that hold "ref"
 * or "para" and, where a mention runs onto the next line, from that line too ({@link citedFrom}; CBL054).
 */
export function findCitedParagraphs(cable: Cable): CitedParagraphMention[] {
  if (!cable.refs || cable.refs.items.length === 0) return [];
  return citedFrom(cable, linesThatMayMention(cable));
}

/**
 * The paragraphs of cited cables that `line` names ({@link CitedParagraphMention}), as {@link findCitedParagraphs} finds
 * them, read from that line and the lines of running text above it a mention may go on from, as
 * {@link findInTextReferencesOnLine} reads them: the "5" of "REF A paras 3-" / "5" or of "REF A para" / "5" is on the
 * second line. A citation after "of" on the next line ("para 5 of" / "ref A") is read from there, the mention on this line. Only a REF item the field has
 * is named; a paragraph of a treaty or resolution ("Article 5 paragraph 2") is none.
 */
export function findCitedParagraphsOnLine(cable: Cable, line: number): CitedParagraphMention[] {
  if (line < cable.bodyStartLine || line >= cable.lines.length || !cable.refs || cable.refs.items.length === 0) return [];
  // A mention read from a line above goes on here only at a number or a list's "and", "&", "through" or "thru" that starts
  // this line ({@link listAcross}, {@link keywordAtEnd}): elsewhere the lines above are not read.
  const text = cable.lines[line];
  const start = textStart(cable, line);
  const goesOn = isDigit(text.charCodeAt(start)) || afterConjunction(text, start, ['and', 'through', 'thru']) >= 0;
  const lines: number[] = [];
  for (let l = goesOn ? firstLineReaching(cable, line) : line; l <= line; l++) lines.push(l);
  return citedFrom(cable, lines).filter((m) => m.range.start.line === line);
}

/**
 * The mentions of cited paragraphs read from `lines`, body lines in ascending order, each with the list it opens where that
 * goes on at the next line ("REF A paras 3-" / "5", "REF A, paras 3 and" / "4"), and the number that starts the next line
 * after "para" ending one ("REF A para" / "5"), as {@link findInTextReferences} reads the cable's own.
 */
function citedFrom(cable: Cable, lines: readonly number[]): CitedParagraphMention[] {
  const found: CitedParagraphMention[] = [];
  // The number `first` at `start` on `line`, with `range` its text, and the list after it, of the REF item `item`.
  const push = (item: RefItem, line: number, range: Range, first: string, start: number, more: readonly ListItem[]) => {
    found.push({ range, number: parseInt(first, 10), item });
    const from = rangeStarts(first, line, start, more);
    more.forEach((r, k) => {
      const rangeFrom = from[k];
      found.push({ range: { start: { line: r.line, character: r.start }, end: { line: r.line, character: r.start + r.item.length } }, number: parseInt(r.item, 10), item, ...(rangeFrom ? { rangeFrom } : {}) });
    });
  };
  const re = CITED_PARA_RE;
  for (const line of lines) {
    const text = cable.lines[line];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const more = listAcross(cable, line, end, numberAt, isPlural(m[0].slice(0, -m[1].length)));
      const last = listEnd(more, line, end);
      re.lastIndex = afterOnLine(more, line, end);
      const item = citedItemBefore(cable, line, m.index) ?? citedItemAfter(cable, last.line, last.end);
      if (item !== undefined) push(item, line, { start: { line, character: m.index }, end: { line, character: end } }, m[1], end - m[1].length, more);
    }
    // "REF A para" at the end of the line and "5" on the next: the number alone is the mention, on the next line.
    const split = keywordAtEnd(cable, line);
    if (split?.kind !== 'para') continue;
    const next = cable.lines[split.next];
    const i = textStart(cable, split.next);
    const first = numberAt(next, i);
    if (first === undefined) continue;
    const more = listAcross(cable, split.next, i + first.length, numberAt, isPlural(text.slice(split.start, split.end)));
    const last = listEnd(more, split.next, i + first.length);
    const item = citedItemBefore(cable, line, split.start) ?? citedItemAfter(cable, last.line, last.end);
    if (item !== undefined) push(item, split.next, { start: { line: split.next, character: i }, end: { line: split.next, character: i + first.length } }, first, i, more);
  }
  return found;
}
