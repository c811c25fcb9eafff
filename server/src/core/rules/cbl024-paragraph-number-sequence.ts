/**
 * CBL024 paragraph-number-sequence: Paragraph numbers skip, step back, or do not start at 1.
 */
import type { Rule } from './types';

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
    source: "FORMAT.md §6; CORPUS-FINDINGS B: gaps 4.6%, backward steps 1.4%, first number not 1 1.2% (often paragraphs dropped in the release).",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    if (paragraphs.length === 0) return;
    // Renumbering touches only the digits that are wrong (minimal edits).
    const edits = paragraphs
      .map((p, i) => ({ p, want: i + 1 }))
      .filter(({ p, want }) => p.readAs !== want || p.number !== want)
      .map(({ p, want }) => ({ range: p.numberToken.range, newText: String(want) }));
    const fix = edits.length > 0 ? [{ title: 'Renumber paragraphs 1 to ' + paragraphs.length, edits, safe: false }] : undefined;
    let expected = 1;
    for (const p of paragraphs) {
      if (p.readAs !== expected && p.readAs !== expected - 1) {
        const what = expected === 1 ? 'the first paragraph should be 1' : p.readAs < expected ? `a step back after ${expected - 1}` : `a gap after ${expected - 1}`;
        report({ message: `Paragraph ${p.readAs}: ${what}.`, range: p.marker.range, fixes: fix });
      }
      expected = p.readAs + 1;
    }
  },
};
