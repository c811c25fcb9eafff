/**
 * The sections as the outline, folding and smart selection show them: the parser's, but for a heading that opens a
 * Summary, Comment or Note which closes before the next heading ("SUMMARY" ⏎ "-----" ⏎ "¶1. … End Summary." ⏎ "¶2. …").
 */
import type { Block, Cable, Section } from '../core/model';
import { isAlnum, isBefore, paragraphIndexAt } from '../core/text';

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
 * The block each heading's line opens, the one that runs longest when there are two ("SUMMARY AND COMMENT"). Only blocks
 * whose opener starts a line are looked at: a heading's words do.
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

const SENTENCE_END = '.!?)]';
