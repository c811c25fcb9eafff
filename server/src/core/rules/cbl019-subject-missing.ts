/**
 * CBL019 subject-missing: No SUBJECT line, or one with no subject.
 */
import { documentStart } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL019',
  name: 'subject-missing',
  description: "No SUBJECT line, or one with no subject.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "TAGS: PREL MT\n\n¶1. (C) …",
    good: "TAGS: PREL MT\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) …",
    rationale: "The subject is how readers and indexes name a cable.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): missing in 11 of 1,295 (0.8%), mostly dropped in one-paragraph-per-line copies.",
  },
  check(cable, report) {
    if (!cable.subject) report({ message: 'No SUBJECT line.', range: cable.tags?.range ?? cable.eo?.range ?? documentStart(cable) });
    else if (cable.subject.text === '') report({ message: 'The SUBJECT line gives no subject.', range: cable.subject.range });
  },
};
