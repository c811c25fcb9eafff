/**
 * CBL016 decl-before-cable: The DECL date is earlier than the cable date.
 */
import { compareDates, isoDate } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL016',
  name: 'decl-before-cable',
  description: "The DECL date is earlier than the cable date.",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "P 031322Z JUN 09\n…\nE.O. 12958: DECL: 06/03/2008",
    good: "P 031322Z JUN 09\n…\nE.O. 12958: DECL: 06/03/2019",
    rationale: "A cable cannot be declassified before it was written.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): 0 of 1,166 dated DECLs; the default is 10 years after the cable (FORMAT.md §7 rule 19).",
  },
  check(cable, report) {
    const decl = cable.eo?.decl;
    if (!decl?.date || !cable.date || decl.kind !== 'date') return;
    if (compareDates(decl.date, cable.date) < 0) {
      report({ message: `DECL date '${decl.value.text}' is before the cable date (${isoDate(cable.date)}).`, range: decl.value.range });
    }
  },
};
