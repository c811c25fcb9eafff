/**
 * CBL011 banner-malformed: The banner level is misspelled (first letter doubled or lost, last letter doubled, broken spacing); the level is still read.
 */
import { replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL011',
  name: 'banner-malformed',
  description: "The banner level is misspelled (first letter doubled or lost, last letter doubled, broken spacing); the level is still read.",
  tags: ["banner"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "SS E C R E T VALLETTA 000412",
    good: "S E C R E T VALLETTA 000412",
    rationale: "A damaged banner still names a level, but tools and readers that match the exact spelling miss it.",
    source: "CORPUS-FINDINGS §2 and B: 17 of 1,295 (1.3%).",
  },
  check(cable, report) {
    const problems = cable.problems;
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i];
      if (problem.rule !== 'banner-malformed') continue;
      const banner = cable.banners.find((b) => b.line === problem.range.start.line);
      const spelled = banner ? respelled(banner.level, banner.levelText.text) : undefined;
      report({
        message: problem.message,
        range: problem.range,
        // The level read is unchanged, so normalising the spelling is safe.
        fixes: spelled ? [replaceFix(`Spell the level '${spelled}'`, problem.range, spelled, true, true)] : undefined,
      });
    }
  },
};


/**
 * The level spelled right in the form the damaged text was written in: spaced when it spells
 * the level letter by letter ("SS E C R E T" → "S E C R E T"), else in one word ("Ssecret" →
 * "SECRET"); UNCLASSIFIED where the text had more than "UNCLAS" ("NCLASSIFIED"), else UNCLAS.
 */
function respelled(level: string, damaged: string): string {
  if (level === 'UNCLASSIFIED') return /SIF/i.test(damaged) ? 'UNCLASSIFIED' : 'UNCLAS';
  let letters = 0;
  for (const word of damaged.split(WHITE_SPACE)) if (word.length === 1) letters++;
  return letters >= 3 ? level.split(' ').map((w) => w.split('').join(' ')).join('  ') : level;
}

const WHITE_SPACE = /\s+/;
