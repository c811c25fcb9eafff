/**
 * CBL014 eo-na-on-classified: E.O. …: N/A on a CONFIDENTIAL or SECRET cable.
 */
import { isClassified } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL014',
  name: 'eo-na-on-classified',
  description: "E.O. …: N/A on a CONFIDENTIAL or SECRET cable.",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "S E C R E T VALLETTA 000412\nE.O. 12958: N/A",
    good: "S E C R E T VALLETTA 000412\nE.O. 12958: DECL: 06/03/2019",
    rationale: "N/A means there is nothing to declassify; a classified cable needs a declassification instruction.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 18): 0 of 1,172 classified cables use N/A.",
  },
  check(cable, report) {
    const decl = cable.eo?.decl;
    if (decl?.kind === 'na' && isClassified(cable)) {
      report({ message: `E.O. line says N/A on a ${cable.banner!.level} cable; classified cables carry a DECL date.`, range: decl.value.range });
    }
  },
};
