/**
 * CBL012 eo-line-missing: No E.O. line (E.O. 12958: DECL: …) after the banner.
 */
import { orderInEffect } from './cbl041-eo-order-after-cable';
import { documentStart, fieldLineFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL012',
  name: 'eo-line-missing',
  description: "No E.O. line (E.O. 12958: DECL: …) after the banner.",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "SIPDIS\nTAGS: PREL MT",
    good: "SIPDIS\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT",
    rationale: "The E.O. line states the classification authority and when the cable is declassified. A quick fix (never applied by Fix All or `--fix`) writes the line's keyword at its place, above TAGS or under the banner's caveats, naming the order in effect on the cable's date (`E.O. 13526: `, or `E.O. 12958: ` before 25 June 2010), for you to go on with the DECL date or N/A.",
    source: "FORMAT.md §5; corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): missing in 1 of 1,295 (a truncated file).",
  },
  check(cable, report) {
    if (cable.eo) return;
    // The order completion offers too: E.O. 13526 from 25 June 2010, by the cable's date, else today's.
    const fix = fieldLineFix(cable, 'eo', `E.O. ${orderInEffect(cable.date)}: `);
    report({ message: 'No E.O. line (for example "E.O. 12958: DECL: 05/27/2019").', range: documentStart(cable), ...(fix && { fixes: [fix] }) });
  },
};
