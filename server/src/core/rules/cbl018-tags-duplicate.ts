/**
 * CBL018 tags-duplicate: The same TAG appears twice on the TAGS line.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL018',
  name: 'tags-duplicate',
  description: "The same TAG appears twice on the TAGS line.",
  tags: ["metadata"],
  defaultSeverity: 'info',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "TAGS: PREL MT PREL",
    good: "TAGS: PREL MT",
    rationale: "A repeated TAG adds nothing and usually marks a careless edit.",
    source: "CORPUS-FINDINGS §5 and C: 3 of 1,295.",
  },
  check(cable, report) {
    const tags = cable.tags?.tags;
    // "TAGS: PREL" alone cannot repeat itself.
    if (!tags || tags.length < 2) return;
    const seen = new Set<string>();
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      if (tag.role !== 'code') continue;
      if (seen.has(tag.code)) {
        const line = cable.lines[tag.token.range.start.line];
        // Remove the tag and the separator before it.
        let start = tag.token.range.start.character;
        while (start > 0 && /[\s,]/.test(line[start - 1])) start--;
        const r = { start: { line: tag.token.range.start.line, character: start }, end: tag.token.range.end };
        report({ message: `TAG ${tag.code} appears more than once.`, range: tag.token.range, fixes: [{ title: `Remove the repeated ${tag.code}`, edits: [{ range: r, newText: '' }], safe: true, preferred: true }] });
      }
      seen.add(tag.code);
    }
  },
};
