/**
 * The sections as the outline, folding and smart selection show them: the parser's, but for a heading that opens a
 * Summary, Comment or Note which closes before the next heading ("SUMMARY" ⏎ "-----" ⏎ "¶1. … End Summary." ⏎ "¶2. …").
 */
import type { Block, Cable, Paragraph, Position, Range, Section } from '../core/model';
import { marginWidth } from '../core/parse/margin';
import { isAlnum, isBefore, isSpace, paragraphIndexAt, paragraphTextStart, trimEndOffset } from '../core/text';

const cache = new WeakMap<Cable, readonly Section[]>();

/**
 * The sections in text order, their ranges nested or apart. A heading that opens a block ("SUMMARY", "COMMENT") stands for
 * that block: when the block closes before the section's end, the section ends where the block does, at the end of the
 * paragraph that holds its closer ("… End Summary." ends ¶1; "… matter. End comment." ⏎ "" ⏎ "This cable has been cleared …"
 * ends with that paragraph), and the paragraphs after it stand on their own, as those before the first heading do, in a
 * section without a heading. The parser's section ran over them, so the outline put "¶2" under "SUMMARY", a Summary symbol
 * beside "¶1" overlapped it, and the Summary's fold hid the first lines of the paragraph it closed in.
 * Kept for each cable, since smart selection asks at every step.
 */
export function outlineSections(cable: Cable): readonly Section[] {
  const known = cache.get(cable);
  if (known) return known;
  const opened = blocksOpenedOnHeadings(cable);
  let out: Section[] | undefined;
  for (let k = 0; k < cable.sections.length; k++) {
    const section = cable.sections[k];
    const block = section.heading === undefined ? undefined : opened.get(cable.headings[section.heading].text.range.start.line);
    const split = block && splitAt(cable, section, block);
    if (split) (out ??= cable.sections.slice(0, k)).push(...split);
    else out?.push(section);
  }
  const result = out ?? cable.sections;
  cache.set(cable, result);
  return result;
}

/**
 * The block opened on the line of each heading's words, by that line: the one that runs longest when there are two
 * ("SUMMARY AND COMMENT"). Each block is looked up once, in a set of those lines.
 */
export function blocksOpenedOnHeadings(cable: Cable): ReadonlyMap<number, Block> {
  const byLine = new Map<number, Block>();
  if (cable.headings.length === 0) return byLine;
  const headingLines = new Set<number>();
  for (const h of cable.headings) headingLines.add(h.text.range.start.line);
  for (const b of cable.blocks) {
    const line = b.open?.token.range.start.line;
    if (line === undefined || !headingLines.has(line)) continue;
    const known = byLine.get(line);
    if (!known || isBefore(known.range.end, b.range.end)) byLine.set(line, b);
  }
  return byLine;
}

/** The section cut where its heading's block ends, and a section without a heading for the paragraphs after; or undefined. */
function splitAt(cable: Cable, section: Section, block: Block): Section[] | undefined {
  if (!isBefore(block.range.end, section.range.end)) return undefined;
  const paragraphs = cable.paragraphs;
  const k = paragraphIndexAt(paragraphs, block.range.end.line, block.range.end.character);
  const holder = k >= 0 && !isBefore(block.range.end, paragraphs[k].range.start) ? paragraphs[k] : undefined;
  const end = holder && isBefore(block.range.end, holder.range.end) ? holder.range.end : block.range.end;
  if (!isBefore(end, section.range.end)) return undefined;
  const inside = section.paragraphs.filter((i) => !isBefore(end, paragraphs[i].range.start));
  const after = section.paragraphs.slice(inside.length);
  const head: Section = { heading: section.heading, range: { start: section.range.start, end }, paragraphs: inside };
  if (after.length === 0) return [head];
  return [head, { heading: undefined, range: { start: paragraphs[after[0]].range.start, end: section.range.end }, paragraphs: after }];
}

/**
 * True when the text of `line` from `from` to `to` is nothing but the rest of a closer's sentence, up to its full stop or
 * bracket, and spaces and punctuation after it: ".", ".)", " AND INTRODUCTION.", " and Comment."; not ".) Hollande said …",
 * ". BRUSH" (a signature glued after it) or, with no sentence's end, " The board met" (words that go on after a closer are
 * not its own).
 */
export function onlyCloserAfter(line: string, from: number, to: number): boolean {
  let c = from;
  while (c < to && !SENTENCE_END.includes(line[c])) c++;
  for (let k = c < to ? c : from; k < to; k++) if (isAlnum(line.charCodeAt(k))) return false;
  return true;
}

/** The characters that end a sentence, or its bracket. */
export const SENTENCE_END = '.!?)]';

const joinedEnds = new WeakMap<Cable, ReadonlyMap<Block, Range>>();

/**
 * The range of a block in the outline, folding and smart selection: the block's, but for one whose closer is followed right
 * away by the closer of a block opened inside it ("Summary: … Comment: … End summary and comment.", 06KIEV1261): the
 * parser ends the Summary at "End summary" and the Comment at "and comment", so that they crossed (the Comment's symbol
 * overlapped the Summary's, and the outline nested neither); the one closer ends both, and the Summary ends where the
 * Comment does, holding it. Read once for each cable, by the closers' positions.
 */
export function blockRange(cable: Cable, block: Block): Range {
  let ends = joinedEnds.get(cable);
  if (!ends) {
    ends = joinedCloserEnds(cable);
    joinedEnds.set(cable, ends);
  }
  return ends.get(block) ?? block.range;
}

function joinedCloserEnds(cable: Cable): ReadonlyMap<Block, Range> {
  const out = new Map<Block, Range>();
  const closedAt = new Map<string, Block>();
  for (const b of cable.blocks) {
    const at = b.close?.token.range.start;
    if (at) closedAt.set(`${at.line}:${at.character}`, b);
  }
  if (closedAt.size < 2) return out;
  for (const b of cable.blocks) {
    const close = b.close?.token.range;
    if (!close) continue;
    const next = afterSpaces(cable.lines, close.end);
    const inner = next && closedAt.get(`${next.line}:${next.character}`);
    // Opened inside this block, after its opener: a block that opened before it and closes after it holds it already.
    if (inner && isBefore(b.range.start, inner.range.start) && isBefore(inner.range.start, close.start)) out.set(b, { start: b.range.start, end: inner.range.end });
  }
  return out;
}

/** The first character after the spaces at `from`, on its line or, at the line's end, on the next line; or undefined. */
function afterSpaces(lines: readonly string[], from: Position): Position | undefined {
  for (let line = from.line, c = from.character; line < lines.length && line <= from.line + 1; line++, c = 0) {
    const text = lines[line];
    while (c < text.length && isSpace(text.charCodeAt(c))) c++;
    if (c < text.length) return { line, character: c };
  }
  return undefined;
}

/**
 * The range of a block in the outline and smart selection: its {@link blockRange}, or, for one that runs from one paragraph into another, the whole paragraphs
 * when it opens their text and closes at the last one's end ("¶1. (C) Summary: …" ⏎ "¶2. (C) … End Summary."), so that the
 * Summary holds ¶1 and ¶2 rather than overlapping both. A block that opens or closes inside a paragraph's text keeps its own
 * range: the paragraph's other text is none of the block's.
 */
export function blockSpan(cable: Cable, block: Block): Range {
  const own = blockRange(cable, block);
  const { start, end } = own;
  if (start.line === end.line) return own;
  const paragraphs = cable.paragraphs;
  const first = paragraphs[paragraphIndexAt(paragraphs, start.line, start.character)];
  const last = paragraphs[paragraphIndexAt(paragraphs, end.line, end.character)];
  if (!first || !last || first === last || first.range.start.line !== start.line || isBefore(last.range.end, end)) return own;
  // "¶1. (C) Summary:", "¶4. (C) (Comment:": only spaces and an opening bracket between the paragraph's text start and the opener.
  if (openerRun(cable, first, start) < 0) return own;
  // "… End Summary." at the paragraph's end: nothing but the rest of the closer's sentence after it ("End Summary and Comment.").
  if (end.line !== last.range.end.line || !onlyCloserAfter(cable.lines[end.line], end.character, last.range.end.character)) return own;
  return { start: first.range.start, end: last.range.end };
}

/**
 * Where the spaces and opening brackets right before an opener start on its line ("(Comment: …" at the line's start: 0;
 * "2. (C) (Comment: …": after the paragraph's marking), or -1 when text of the paragraph's own stands before it
 * ("The board set the fees. (Comment: …").
 */
export function openerRun(cable: Cable, paragraph: Paragraph | undefined, at: Position): number {
  const line = cable.lines[at.line];
  // From past a scan's margin (`| (Comment: …`) on a line of its own.
  const from = paragraph && paragraph.range.start.line === at.line ? paragraphTextStart(cable.lines, paragraph) : marginWidth(cable, at.line);
  for (let c = from; c < at.character; c++) if (!OPENING_TEXT.includes(line[c])) return -1;
  return Math.min(from, at.character);
}

/** What may stand between a paragraph's own text and a block's opener: spaces and opening brackets. */
export const OPENING_TEXT = ' \t([';

/**
 * Where the text before a signature glued to its line ends ("… with Embassy Berlin. BUTCHER": after "Berlin."), which the
 * outline, folding and smart selection end the paragraph, section and blocks at; undefined for a signature on a line of
 * its own, or none.
 */
export function gluedSignatureCut(cable: Cable): Position | undefined {
  const signed = cable.signature?.token.range.start;
  if (!signed) return undefined;
  const cut = trimEndOffset(cable.lines[signed.line], signed.character);
  return cut > 0 ? { line: signed.line, character: cut } : undefined;
}
