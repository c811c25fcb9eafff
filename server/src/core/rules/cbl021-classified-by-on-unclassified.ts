/**
 * CBL021 classified-by-on-unclassified: An UNCLASSIFIED cable carries a Classified By line.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL021',
  name: 'classified-by-on-unclassified',
  description: "An UNCLASSIFIED cable carries a Classified By line.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "UNCLAS LISBON 000977\n…\nClassified By: …",
    good: "UNCLAS LISBON 000977\n…",
    rationale: "Only classified cables have a classifier; the line on an UNCLAS cable suggests the banner or the line is wrong.",
    source: "Corpus analysis of the released cables: 1 of 102 unclassified cables (FORMAT.md §7 rule 17); 0 of 103 (CORPUS-FINDINGS, 'Warnings').",
  },
  check(cable, report) {
    if (cable.banner?.level === 'UNCLASSIFIED' && cable.classifiedBy) {
      report({ message: 'UNCLASSIFIED cable carries a Classified By line.', range: cable.classifiedBy.keyword.range });
    }
  },
};
