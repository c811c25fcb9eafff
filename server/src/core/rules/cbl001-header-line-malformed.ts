/**
 * CBL001 header-line-malformed: A transmission-header format line (VZCZC, DE, ZNY/ZNR, DTG, addressee) whose fields do not parse.
 */
import type { Rule } from './types';
import { reportParseProblems } from './util';

export const rule: Rule = {
  id: 'CBL001',
  name: 'header-line-malformed',
  description: "A transmission-header format line (VZCZC, DE, ZNY/ZNR, DTG, addressee) whose fields do not parse.",
  tags: ["header"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "DE RUEHVT #04I2/01 1541322",
    good: "DE RUEHVT #0412/01 1541322",
    rationale: "A header line that does not parse cannot be cross-checked against the banner and DTG, so every other header check goes blind.",
    source: "FORMAT.md §2 (format lines 1–8); header-codes.tsv.",
  },
  check(cable, report) {
    // The parser records what it could not read; this rule reports it.
    reportParseProblems(cable, 'header-line-malformed', report);
  },
};
