/**
 * CBL013 eo-order-unknown: The E.O. number is not a known classification order (11652, 12065, 12356, 12958, 13292, 13526).
 */
import { replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL013',
  name: 'eo-order-unknown',
  description: "The E.O. number is not a known classification order (11652, 12065, 12356, 12958, 13292, 13526).",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "E.O. 12598: DECL: 02/23/2018",
    good: "E.O. 12958: DECL: 02/23/2018",
    rationale: "Cables cite the executive order in force; an unknown number is almost always a typo for 12958.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §4 and 'Warnings'): 5 of 1,295 (12598 ×3, 19523, 19528); eo-reasons.tsv.",
  },
  check(cable, report) {
    const order = cable.eo?.order;
    if (order && !KNOWN.has(order.text)) {
      report({
        message: `E.O. ${order.text} is not a known classification order; did you mean 12958?`,
        range: order.range,
        fixes: [replaceFix('Change to E.O. 12958', order.range, '12958', false, true)],
      });
    }
  },
};


/** Orders cables cite (eo-reasons.tsv). */
const KNOWN = new Set(['11652', '12065', '12356', '12958', '13292', '13526']);
