/**
 * CBL025 paragraph-number-duplicate: The same paragraph number twice in a row.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL025',
  name: 'paragraph-number-duplicate',
  description: "The same paragraph number twice in a row.",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶3. (C) …\n¶3. (C) …",
    good: "¶3. (C) …\n¶4. (C) …",
    rationale: "Two paragraphs with one number cannot both be cited.",
    source: "CORPUS-FINDINGS B: duplicates in 23 of 1,295 (1.8%).",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    for (let i = 1; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (p.readAs === paragraphs[i - 1].readAs) {
        report({
          message: `Paragraph number ${p.readAs} repeats the one before it.`,
          range: p.marker.range,
          fixes: [{ title: `Renumber as ${p.readAs + 1}`, edits: [{ range: p.numberToken.range, newText: String(p.readAs + 1) }], safe: false }],
        });
      }
    }
  },
};
