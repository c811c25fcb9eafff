/**
 * CBL003 routing-indicator-malformed: A routing indicator that is not 5 to 8 capital letters starting with R.
 */
import type { Rule } from './types';
import { reportParseProblems } from './util';

export const rule: Rule = {
  id: 'CBL003',
  name: 'routing-indicator-malformed',
  description: "A routing indicator that is not 5 to 8 capital letters starting with R.",
  tags: ["header"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "TO RU3HC/SECSTATE WASHDC PRIORITY 3187",
    good: "TO RUEHC/SECSTATE WASHDC PRIORITY 3187",
    rationale: "Routing indicators are 5–8 letters, normally starting with R (tape-relay network); anything else cannot be routed.",
    source: "FORMAT.md §2 (RI letter structure); [TPUB4], [FAH2-230].",
  },
  check(cable, report) {
    // The parser records what it could not read; this rule reports it.
    reportParseProblems(cable, 'routing-indicator-malformed', report);
  },
};
