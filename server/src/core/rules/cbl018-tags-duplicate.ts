/**
 * CBL018 tags-duplicate: The same TAG appears twice on the TAGS line, or a comma is written twice or ends the field.
 */
import type { Cable, LineKind, Range, Tag, TagsField } from '../model';
import type { FindingKind, Report, Rule } from './types';
import { fieldTagRemoval, isTagSeparator } from './util';
import { linesAsRead } from '../parse/margin';

export const rule: Rule = {
  id: 'CBL018',
  name: 'tags-duplicate',
  description: "The same TAG appears twice on the TAGS line, or a comma does: written twice between two TAGS ('PREL,, PGOV') or after the last ('PGOV,').",
  tags: ["metadata"],
  defaultSeverity: 'info',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "TAGS: PREL,, MT, PREL,",
    good: "TAGS: PREL, MT",
    rationale: "A repeated TAG adds nothing and usually marks a careless edit, and so does a comma written twice or left after the last TAG, where a TAG was taken out or never put in. A comma that ends a line the field wraps from (`TAGS: PREL, PGOV,` ⏎ `MT`) is no stray one.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §5 and 'Info only'): 3 of 1,295. None of the 200 cables of the project's corpus writes a comma twice between TAGS or after the last; 5 end a line the field wraps from with one (TAGS without a colon, comma-separated).",
  },
  check(cable, report) {
    const field = cable.tags;
    const tags = field?.tags;
    if (!field || !tags || tags.length === 0) return;
    // Each code's first TAG, which a repeat points to.
    const seen = new Map<string, Range>();
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      if (i > 0) strayBetween(cable.lines, tags[i - 1], tag, report);
      if (tag.role !== 'code') continue;
      const first = seen.get(tag.code);
      if (first) {
        // Past a scan's margin (`|       PREL`): a TAG alone on a wrapped line goes with its line, the margin too.
        const r = fieldTagRemoval(linesAsRead(cable), field, i);
        report({
          message: `TAG ${tag.code} appears more than once.`,
          range: tag.token.range,
          fixes: [{ title: `Remove the repeated ${tag.code}`, edits: [{ range: r, newText: '' }], safe: true, preferred: true }],
          related: [{ range: first, message: `First ${tag.code}` }],
          unnecessary: true,
        });
      } else seen.set(tag.code, tag.token.range);
    }
    strayAfter(cable, field, report);
  },
};

/** True when `text` is separators only. */
function onlySeparators(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (!isTagSeparator(text.charCodeAt(k))) return false;
  return true;
}

/** Reports a stray comma at `range` and its removal, which changes nothing else. */
function reportStray(range: Range, message: string, report: Report, kind?: FindingKind): void {
  report({ message, range, fixes: [{ title: 'Remove the stray comma', edits: [{ range, newText: '' }], safe: true, preferred: true }], unnecessary: true, ...(kind && { kind }) });
}

/**
 * "PREL,, PGOV" and "PREL, , PGOV": two TAGS on one line with only separators between them, commas among them
 * twice or more. What is stray runs from after the first comma to the last, so that "PREL, PGOV" is left.
 */
function strayBetween(lines: readonly string[], before: Tag, tag: Tag, report: Report): void {
  const from = before.token.range.end;
  const to = tag.token.range.start;
  if (from.line !== to.line) return;
  // The gap is read where it stands, a character at a time: most are ", " or " ", which a slice and two searches cost more to read.
  const line = lines[from.line];
  let first = -1;
  let last = -1;
  for (let k = from.character; k < to.character; k++) {
    const c = line.charCodeAt(k);
    if (!isTagSeparator(c)) return;
    if (c === 44 /* , */) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first === last) return;
  const range = { start: { line: from.line, character: first + 1 }, end: { line: from.line, character: last + 1 } };
  reportStray(range, `A comma is written twice between ${before.token.text} and ${tag.token.text} on the TAGS line.`, report);
}

/** The lines that show the TAGS field has ended above them: a line left blank, or another field's. */
const FIELD_ENDS: ReadonlySet<LineKind> = new Set(['blank', 'eo', 'subject', 'ref', 'classified-by']);

/**
 * "TAGS: PREL, PGOV," over the SUBJECT line or a blank one: a comma after the field's last TAG, at its line's end, up to
 * which the removal runs (white space after it stays). A line the field wraps from ends with one in released cables
 * ("…, SOCI," ⏎ "KCRM, KJUS, SP"), and so may a line the parser does not read as the field's (a word of ten letters, a
 * hyphen): only a line that shows the field has ended may follow.
 */
function strayAfter(cable: Cable, field: TagsField, report: Report): void {
  const last = field.tags[field.tags.length - 1].token;
  const n = last.range.end.line;
  if (field.range.end.line !== n) return;
  const rest = cable.lines[n].slice(last.range.end.character);
  const comma = rest.lastIndexOf(',');
  if (comma < 0 || !onlySeparators(rest)) return;
  if (n + 1 < cable.lines.length && !FIELD_ENDS.has(cable.lineKinds[n + 1])) return;
  const range = { start: last.range.end, end: { line: n, character: last.range.end.character + comma + 1 } };
  // The kind a front end holds while the next TAG is typed ("TAGS: PREL,").
  reportStray(range, `A comma after ${last.text}, the last TAG, ends the TAGS line.`, report, 'trailing-comma');
}
