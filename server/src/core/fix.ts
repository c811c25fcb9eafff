/**
 * Applying fixes: the same code serves Fix All in the editor and `cablelint --fix`.
 */
import { parseCable } from './parse/index';
import { lintCable } from './lint';
import type { ResolvedConfig } from './config';
import type { TextEdit } from './rules/types';
import { isBefore, lineStarts, offsetAt } from './text';

/**
 * Applies non-overlapping edits. Every character outside the edited ranges,
 * line endings included, is kept byte for byte. Overlapping edits after the
 * first are dropped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const sorted = [...edits].sort((a, b) => (isBefore(a.range.start, b.range.start) ? -1 : isBefore(b.range.start, a.range.start) ? 1 : 0));
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = offsetAt(text, starts, edit.range.start);
    const end = offsetAt(text, starts, edit.range.end);
    if (start < cursor || end < start) continue;
    out += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The safe edits for a text: one per finding, non-overlapping. */
export function safeEdits(text: string, config?: ResolvedConfig): TextEdit[] {
  const { cable } = parseCable(text);
  const edits: TextEdit[] = [];
  for (const finding of lintCable(cable, config)) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}

/**
 * Parses, lints and applies safe fixes until nothing changes (at most five
 * passes). A safe fix never adds, raises or lowers a classification.
 */
export function fixAll(text: string, config?: ResolvedConfig): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < 5; pass++) {
    const edits = safeEdits(current, config);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, applied };
}
