/**
 * Folding ranges: the header, the address lists, the metadata block, each
 * section, each paragraph, and Summary/Comment/Note blocks.
 */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { Cable, Range } from '../core/model';

/** Folding ranges for a cable; single-line ranges are dropped. */
export function getFoldingRanges(cable: Cable): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: Range | undefined, kind?: string) => {
    if (r && r.end.line > r.start.line) out.push(FoldingRange.create(r.start.line, r.end.line, undefined, undefined, kind));
  };
  const header = cable.header;
  if (header) {
    add(header.range, FoldingRangeKind.Imports);
    for (const list of [header.to, header.info, header.xmt]) {
      if (list.length > 1) add({ start: list[0].range.start, end: list[list.length - 1].range.end });
    }
  }
  add(cable.metadataRange);
  for (const section of cable.sections) if (section.heading !== undefined) add(section.range, FoldingRangeKind.Region);
  for (const p of cable.paragraphs) add(p.range);
  for (const block of cable.blocks) add(block.range, FoldingRangeKind.Region);
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.startLine}:${f.endLine}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
