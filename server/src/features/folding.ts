/**
 * Folding ranges: the header, the address lists, the metadata block, each
 * section (from its title's line), each paragraph and the titles it lists its parts under ("I. Regional Issues" ⏎
 * "A. Security"), tables, and Summary/Comment/Note blocks (but the one a heading opens, which its section folds).
 */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { Block, Cable, Position, Range } from '../core/model';
import { blockRange, blockSpan, blocksOpenedOnHeadings, gluedSignatureCut, onlyCloserAfter, outlineSections } from './outlineSections';
import { sectionPlaces, sectionTitles, subTitles, type SubTitle } from './subTitles';

/**
 * Folding ranges for a cable; single-line ranges are dropped.
 * VS Code folds whole lines and ignores a range that starts on the line an earlier one starts on,
 * or that starts inside another and ends after it, so the ranges returned nest properly:
 * of two that start on one line the first listed is kept (header, address lists, metadata,
 * sections, paragraphs, blocks), but a block over whole paragraphs before the first of them, and a range that crosses
 * one kept before it is dropped.
 */
export function getFoldingRanges(cable: Cable): FoldingRange[] {
  const out: FoldingRange[] = [];
  // "… coordinated with Embassy Berlin. BUTCHER": a fold up to a line with the signature glued to its end hid the name,
  // which is none of the paragraph's, its section's or a block's (the outline ends them before it); such a fold ends on
  // the line above.
  const glued = gluedSignatureCut(cable)?.line ?? -1;
  // The ranges that win their start line over those listed before them (a block over whole paragraphs, which starts on
  // the first line of the paragraph it opens).
  const leading = new Set<FoldingRange>();
  const add = (r: Range | undefined, kind?: string, leads = false) => {
    if (!r) return;
    const end = r.end.line === glued && r.start.line < glued ? glued - 1 : r.end.line;
    if (end <= r.start.line) return;
    const fold = FoldingRange.create(r.start.line, end, undefined, undefined, kind);
    out.push(fold);
    if (leads) leading.add(fold);
  };
  const header = cable.header;
  if (header) {
    add(header.range, FoldingRangeKind.Imports);
    for (const list of [header.to, header.info, header.xmt]) {
      if (list.length > 1) add({ start: list[0].range.start, end: list[list.length - 1].range.end });
    }
  }
  add(cable.metadataRange);
  // The heading that opens a block ("-----" ⏎ "COMMENT" ⏎ "-----" ⏎ "¶8. …", "SUMMARY" ⏎ "¶1. … End Summary." ⏎ "¶2. …") folds
  // it with its section, which ends where the block does (outlineSections), as the outline's section symbol stands for it.
  const opened = blocksOpenedOnHeadings(cable);
  const sectionEnd = new Map<number, number>();
  // A section under a labelled heading of a higher rank ("A. Ferry Fares" under "I. HARBOR ISSUES") folds inside that
  // one's fold, which runs on over it.
  const places = sectionPlaces(cable);
  const paragraphCuts = new Map<number, Position>();
  for (const [k, outlined] of outlineSections(cable).entries()) {
    if (outlined.heading === undefined) continue;
    const section = { heading: outlined.heading, range: places[k].range };
    // From the title's first line, not the upper rule of a boxed heading ("-----" ⏎ "FERRY FARES" ⏎ "-----"): VS Code
    // shows a folded range's first line, and Fold All showed a column of dashes. The upper rule stays above the fold.
    const heading = cable.headings[section.heading];
    const title = (heading.lead ?? heading.text).range.start;
    add(title.line > section.range.start.line ? { start: title, end: section.range.end } : section.range, FoldingRangeKind.Region);
    sectionEnd.set(heading.text.range.start.line, outlined.range.end.line);
    // "--Ferry Fares" ⏎ ⏎ "¶2. …": the titles it lists its paragraphs under, each over its part; a paragraph that runs over
    // the line of the title after it folds up to the line above.
    const titled = sectionTitles(cable, k);
    addTitles(titled.titles, add);
    for (const [i, cut] of titled.cuts) paragraphCuts.set(i, cut);
  }
  // "… was working. 16. (C) On corruption, …": a paragraph glued to the end of the one before starts on that one's last line,
  // which the glued paragraph folds from; the one before folds up to the line above it.
  const paragraphs = cable.paragraphs;
  for (let k = 0; k < paragraphs.length; k++) {
    const cut = paragraphCuts.get(k);
    const r = cut ? { start: paragraphs[k].range.start, end: cut } : paragraphs[k].range;
    const next = k + 1 < paragraphs.length ? paragraphs[k + 1].range.start : undefined;
    add(next?.line === r.end.line && next.character > 0 ? { start: r.start, end: { line: r.end.line - 1, character: 0 } } : r);
    // The titles it lists its parts under ("I. Regional Issues" ⏎ "A. Security" ⏎ …), each over its part.
    addTitles(subTitles(cable, k), add);
  }
  // A table folds whole, from the rule over its caption to the rule under its rows.
  for (const table of cable.tables) add(table, FoldingRangeKind.Region);
  for (const block of cable.blocks) {
    const line = block.open?.token.range.start.line;
    if (line !== undefined && opened.get(line) === block && block.range.end.line <= (sectionEnd.get(line) ?? -1)) continue;
    // "3. (C) Comment: The crews …" ⏎ ⏎ "4. (C) … End comment.": a block that opens its paragraph's text and closes at the
    // end of a later one folds those paragraphs whole, from the first one's line, which VS Code lets only one range start
    // on. The block's fold takes that line from the first paragraph's, which it holds (as the outline's block holds the
    // paragraphs), and the other paragraphs keep theirs inside it; the block had no fold.
    const span = blockSpan(cable, block);
    if (span !== blockRange(cable, block)) add(span, FoldingRangeKind.Region, true);
    else add(ownLines(cable, block), FoldingRangeKind.Region);
  }
  return nest(out, leading);
}

/** Folds each title over its part, and the titles under it over theirs. */
function addTitles(titles: readonly SubTitle[], add: (r: Range, kind?: string) => void): void {
  for (const t of titles) {
    add(t.range, FoldingRangeKind.Region);
    addTitles(t.children, add);
  }
}

/**
 * Ranges that nest: what VS Code keeps of them, chosen so that the least is lost. Of those that start on one line, VS Code
 * keeps the first listed and drops the others (`sanitizeRanges`): the first listed here, but a `leading` one before the rest.
 */
function nest(ranges: FoldingRange[], leading: ReadonlySet<FoldingRange>): FoldingRange[] {
  // By start, leading first, then in listed order (the sort is stable).
  const byStart = ranges.sort((a, b) => a.startLine - b.startLine || Number(leading.has(b)) - Number(leading.has(a)));
  // "SUMMARY: … END SUMMARY" closed on the first line of ¶2: the block stops a line
  // earlier, so that ¶2's own range (which starts there) still folds.
  const firstFrom = new Map<number, number>();
  for (const r of byStart) if (!firstFrom.has(r.startLine)) firstFrom.set(r.startLine, r.endLine);
  for (const r of byStart) {
    const next = firstFrom.get(r.endLine);
    if (next !== undefined && next > r.endLine && r.startLine < r.endLine - 1) r.endLine--;
  }
  // A range sharing its start line with a kept one is dropped, and so is one that starts inside a kept range and ends
  // after it.
  const sorted = byStart.filter((r) => r.endLine > r.startLine);
  const kept: FoldingRange[] = [];
  const open: FoldingRange[] = [];
  for (const r of sorted) {
    if (kept.length > 0 && kept[kept.length - 1].startLine === r.startLine) continue;
    while (open.length > 0 && open[open.length - 1].endLine < r.startLine) open.pop();
    if (open.length > 0 && r.endLine > open[open.length - 1].endLine) continue;
    kept.push(r);
    open.push(r);
  }
  return kept;
}

/**
 * The lines a block's fold may hide: VS Code folds whole lines, and hides the last one, so a fold up to a closer that text
 * follows on its line ("which double. End comment.) It meets again in May.") hid that text, which is none of the block's.
 * Such a block folds up to the line above its closer's, which stays in view, or not at all when that leaves it one line.
 * The words that end the closer's sentence are the closer's ("END SUMMARY AND INTRODUCTION.", "End Summary and Comment.").
 */
function ownLines(cable: Cable, block: Block): Range {
  const whole = blockRange(cable, block);
  const { end } = whole;
  const line = cable.lines[end.line];
  return onlyCloserAfter(line, end.character, line.length) ? whole : { start: whole.start, end: { line: end.line - 1, character: 0 } };
}
