/**
 * CBL002 header-order: A transmission-header format line out of order, or missing from a header that starts with VZCZC.
 */
import type { Rule } from './types';
import { pastMargin } from './util';

export const rule: Rule = {
  id: 'CBL002',
  name: 'header-order',
  description: "A transmission-header format line out of order, or missing from a header that starts with VZCZC.",
  tags: ["header"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "VZCZCXRO5521\nDE RUEHVT #0412/01 1541322\nPP RUEHWEB",
    good: "VZCZCXRO5521\nPP RUEHWEB\nDE RUEHVT #0412/01 1541322",
    rationale: "ACP 127 format lines have a fixed order; a line out of place usually means the header was pasted or edited by hand. The format lines a header that starts with VZCZC lacks are named in one finding on its first line, not one finding each: a header being typed (`VZCZCXRO5521` alone) gets one warning that lists the six lines still to write.",
    source: "FORMAT.md §2; [W16], [TALK16]. Partial released headers (only DE and DTG) are checked for order alone.",
  },
  check(cable, report) {
    // The parser records what it could not read, the lines a VZCZC header lacks in one problem on its first line; this
    // rule reports it, from past a scan's margin.
    for (const problem of cable.problems) if (problem.rule === 'header-order') report({ message: problem.message, range: pastMargin(cable, problem.range), kind: problem.kind });
  },
};
