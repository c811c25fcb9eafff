/**
 * CBL018 tags-duplicate: The same TAG appears twice on the TAGS line.
 */
import type { Range } from '../model';
import type { Rule } from './types';
import { tagRemoval } from './util';

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
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §5 and 'Info only'): 3 of 1,295.",
  },
  check(cable, report) {
    const tags = cable.tags?.tags;
    // "TAGS: PREL" alone cannot repeat itself.
    if (!tags || tags.length < 2) return;
    // Each code's first TAG, which a repeat points to.
    const seen = new Map<string, Range>();
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      if (tag.role !== 'code') continue;
      const first = seen.get(tag.code);
      if (first) {
        const r = tagRemoval(cable.lines, tag.token.range);
        report({
          message: `TAG ${tag.code} appears more than once.`,
          range: tag.token.range,
          fixes: [{ title: `Remove the repeated ${tag.code}`, edits: [{ range: r, newText: '' }], safe: true, preferred: true }],
          related: [{ range: first, message: `First ${tag.code}` }],
          unnecessary: true,
        });
      } else seen.set(tag.code, tag.token.range);
    }
  },
};
