/**
 * CBL002 header-order: A transmission-header format line out of order, or missing from a header that starts with VZCZC.
 */
import type { Rule } from './types';

/** What the parser's message for a missing format line starts with ("The transmission header has no DE line."). */
const MISSING = 'The transmission header has no ';

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
    // The parser records what it could not read; this rule reports it. The lines missing from a VZCZC header, which the
    // parser records one by one on the header's first line, make one finding that names them all: "VZCZCXRO5521" typed
    // alone gave six warnings, one per line not written yet.
    const missing: string[] = [];
    let missingRange;
    for (const problem of cable.problems) {
      if (problem.rule !== 'header-order') continue;
      if (problem.message.startsWith(MISSING)) {
        missing.push(`the ${problem.message.slice(MISSING.length, -1)}`);
        missingRange ??= problem.range;
      } else {
        report({ message: problem.message, range: problem.range });
      }
    }
    if (!missingRange) return;
    const message =
      missing.length === 1
        ? `The transmission header has no ${missing[0].slice(4)}.`
        : `The transmission header lacks ${missing.length} format lines: ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}.`;
    report({ message, range: missingRange });
  },
};
