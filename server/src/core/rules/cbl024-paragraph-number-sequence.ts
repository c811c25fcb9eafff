/**
 * CBL024 paragraph-number-sequence: Paragraph numbers skip, step back, or do not start at 1.
 */
import type { Paragraph } from '../model';
import type { Fix, Rule, TextEdit } from './types';

export const rule: Rule = {
  id: 'CBL024',
  name: 'paragraph-number-sequence',
  description: "Paragraph numbers skip, step back, or do not start at 1.",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶1. (C) …\n¶2. (C) …\n¶4. (C) …",
    good: "¶1. (C) …\n¶2. (C) …\n¶3. (C) …",
    rationale: "Paragraphs are cited by number (\"para 3\"); gaps and restarts make those citations point at the wrong text.",
    source: "FORMAT.md §6; corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): gaps 4.6%, backward steps 1.4%, first number not 1 1.2% (often paragraphs dropped in the release).",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    if (paragraphs.length === 0) return;
    // The fix is built at the first finding, and shared by all of them: most cables number their paragraphs right.
    let fix: Fix[] | undefined;
    let expected = 1;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (p.readAs !== expected && p.readAs !== expected - 1) {
        fix ??= renumbering(paragraphs);
        const what = expected === 1 ? 'the first paragraph should be 1' : p.readAs < expected ? `a step back after ${expected - 1}` : `a gap after ${expected - 1} (${missing(expected, p.readAs - 1)})`;
        report({ message: `Paragraph ${p.readAs}: ${what}.`, range: p.marker.range, fixes: fix });
      }
      expected = p.readAs + 1;
    }
  },
};

/** The paragraphs a gap leaves out, `from` to `to`: "paragraph 5 is missing", "paragraphs 5 to 7 are missing". */
function missing(from: number, to: number): string {
  return from === to ? `paragraph ${from} is missing` : `paragraphs ${from} to ${to} are missing`;
}

/** Renumbers the paragraphs 1, 2, 3…, touching only the numbers that are wrong (minimal edits). */
function renumbering(paragraphs: readonly Paragraph[]): Fix[] | undefined {
  const edits: TextEdit[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const want = i + 1;
    if (p.readAs !== want || p.number !== want) edits.push({ range: p.numberToken.range, newText: String(want) });
  }
  return edits.length > 0 ? [{ title: 'Renumber paragraphs 1 to ' + paragraphs.length, edits, safe: false }] : undefined;
}
