/**
 * CBL012 eo-line-missing: No E.O. line (E.O. 12958: DECL: …) after the banner.
 */
import { documentStart } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL012',
  name: 'eo-line-missing',
  description: "No E.O. line (E.O. 12958: DECL: …) after the banner.",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "SIPDIS\nTAGS: PREL MT",
    good: "SIPDIS\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT",
    rationale: "The E.O. line states the classification authority and when the cable is declassified.",
    source: "FORMAT.md §5; corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): missing in 1 of 1,295 (a truncated file).",
  },
  check(cable, report) {
    if (!cable.eo) report({ message: 'No E.O. line (for example "E.O. 12958: DECL: 05/27/2019").', range: documentStart(cable) });
  },
};
