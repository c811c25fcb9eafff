/**
 * CBL019 subject-missing: No SUBJECT line, or a SUBJECT line with no words.
 */
import { documentStart } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL019',
  name: 'subject-missing',
  description: "No SUBJECT line, or a SUBJECT line with no words ('SUBJECT:' left empty).",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "TAGS: PREL MT\n\n¶1. (C) …",
    good: "TAGS: PREL MT\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) …",
    rationale: "The subject is how readers and indexes name a cable. A SUBJECT line left empty (`SUBJECT:`, a template's field never filled in) names it no better than no SUBJECT line; a subject wrapped to the line under the keyword is read there.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): missing in 11 of 1,295 (0.8%), mostly dropped in one-paragraph-per-line copies.",
  },
  check(cable, report) {
    const subject = cable.subject;
    if (!subject) report({ message: 'No SUBJECT line.', range: cable.tags?.range ?? cable.eo?.range ?? documentStart(cable) });
    // "SUBJECT:" with nothing after it, on its line or a wrapped one: the cable has no name to be found by.
    else if (subject.text.trim() === '') report({ message: 'The SUBJECT line gives no subject.', range: subject.keyword.range });
  },
};
