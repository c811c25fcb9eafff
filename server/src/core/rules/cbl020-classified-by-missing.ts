/**
 * CBL020 classified-by-missing: A CONFIDENTIAL or SECRET cable has no Classified By line, or one that names no one and no reasons.
 */
import { documentStart, isClassified } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL020',
  name: 'classified-by-missing',
  description: "A CONFIDENTIAL or SECRET cable has no Classified By line, or one that names no one and no reasons.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "SUBJECT: …\n\n¶1. (C) …",
    good: "SUBJECT: …\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).\n\n¶1. (C) …",
    rationale: "Classified cables name who classified them and why (5 FAH-1 H-246).",
    source: "Corpus analysis of the released cables: present on 1,152 of 1,172 classified cables (FORMAT.md §7 rule 17); missing on 18 of 1,186, 1.5% (CORPUS-FINDINGS, 'Warnings').",
  },
  check(cable, report) {
    const by = cable.classifiedBy;
    if (!isClassified(cable)) return;
    if (!by) report({ message: `${cable.banner!.level} cable has no Classified By line.`, range: cable.subject?.range ?? documentStart(cable) });
    else if (!by.classifier && !by.section && by.reasons.length === 0) {
      report({ message: 'The Classified By line names no classifier and no reasons.', range: by.range });
    }
  },
};
