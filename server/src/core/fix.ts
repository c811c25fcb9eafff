/**
 * Applying fixes. Fix All in the editor and `cablelint --fix` take the same edits
 * ({@link safeFixEdits}); the editor applies them once, as VS Code applies a code
 * action, and {@link fixAll} repeats until nothing changes.
 */
import { BANNER_SEARCH, parseCable } from './parse/index';
import { bannerKept } from './rules/util';
import { lintCable } from './lint';
import type { ResolvedConfig } from './config';
import type { Cable } from './model';
import type { Finding, LintContext, TextEdit } from './rules/types';
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

/**
 * The edits of the first safe fix of every finding, in the findings' order; an edit that
 * conflicts with one taken before it ({@link conflict}) is left out (the next pass of
 * {@link fixAll} finds its finding again). Edits that only touch are both taken: removing
 * `, PREL` twice from `PREL, PREL, PREL` is two adjoining edits. With `cable`, the model the
 * findings were read from, the edits also keep its banner together ({@link keepingBanner}).
 */
export function safeFixEdits(findings: readonly Finding[], cable?: Cable): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix) continue;
    for (const e of fix.edits) if (!edits.some((x) => conflict(x, e))) edits.push(e);
  }
  return cable ? keepingBanner(cable, edits) : edits;
}

/**
 * `edits` without those in the lines where the banner is looked for that would, together, change which line is the
 * banner or its level. Each safe fix there keeps the banner on its own (`keepsBanner` in rules/util.ts), but two may
 * not together: `SECRE T` respelled `SECRET` over `¶ 11.` rewritten `1.`, which no longer ends the search for a level
 * alone on its line, leave no banner. Only those lines are read again, once when the edits keep the banner (the rule),
 * and once an edit otherwise, each taken where it keeps the banner with those taken before it ({@link bannerKept}); the next pass of
 * {@link fixAll}, or the next Fix All, finds the others again, checked against the text they then see.
 */
function keepingBanner(cable: Cable, edits: readonly TextEdit[]): TextEdit[] {
  const head = edits.filter((e) => e.range.end.line < BANNER_SEARCH);
  if (head.length === 0) return [...edits];
  const keeps = (taken: readonly TextEdit[]): boolean => bannerKept(cable, (top) => applyEdits(top, taken));
  if (keeps(head)) return [...edits];
  const taken: TextEdit[] = [];
  for (const e of head) if (keeps([...taken, e])) taken.push(e);
  return edits.filter((e) => e.range.end.line >= BANNER_SEARCH || taken.includes(e));
}

/**
 * True when two edits cannot both apply to one text: their ranges share a character, or both
 * insert at the same place (which would leave their order to chance). Ranges that only meet
 * at one end do not conflict, as LSP allows.
 */
function conflict(a: TextEdit, b: TextEdit): boolean {
  const ra = a.range;
  const rb = b.range;
  if (isBefore(ra.start, rb.end) && isBefore(rb.start, ra.end)) return true;
  const empty = (r: typeof ra) => !isBefore(r.start, r.end);
  return empty(ra) && empty(rb) && !isBefore(ra.start, rb.start) && !isBefore(rb.start, ra.start);
}

/**
 * Parses, lints and applies safe fixes until nothing changes (at most five
 * passes). A safe fix never adds, raises or lowers a classification.
 * `parsed`, the model of `text` when the caller has it, spares the first parse. `context` is what the rules
 * know besides the text (the file's name, the user's TAGS), as the editor's Fix All lints with it; each text a pass
 * reads is parsed with its `userTags`, as `parsed` should have been.
 */
export function fixAll(text: string, config?: ResolvedConfig, parsed?: Cable, context?: LintContext): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < 5; pass++) {
    // The user's TAGS are read on a wrapped TAGS line as the first parse read them.
    const cable = pass === 0 && parsed ? parsed : parseCable(current, { userTags: context?.userTags }).cable;
    const edits = safeFixEdits(lintCable(cable, config, undefined, context), cable);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, applied };
}
