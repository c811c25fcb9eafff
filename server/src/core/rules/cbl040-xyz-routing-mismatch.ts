/**
 * CBL040 xyz-routing-mismatch: A VZCZCXYZ header whose routing line names a routing indicator other than RUEHWEB.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL040',
  name: 'xyz-routing-mismatch',
  description: "A VZCZCXYZ header whose routing line names a routing indicator other than RUEHWEB.",
  tags: ["header"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "VZCZCXYZ0000\nPP RUEHWEB RUEHRO\nDE RUEHVT #0412/01 1541322",
    good: "VZCZCXYZ0000\nPP RUEHWEB\nDE RUEHVT #0412/01 1541322",
    rationale: "Every VZCZCXYZ header of the corpus routes to RUEHWEB alone, while VZCZCXRO headers list other routing indicators; a mix of the two suggests a header pieced together from two cables.",
    source: "Corpus analysis of the released cables (FORMAT.md §2, line 2, and §7 rule 27): 310 of 310 VZCZCXYZ headers have line 2 `<pair> RUEHWEB` only. A warning, not an error: the regularity is the released cables' alone, and what the three letters after VZCZC mean is not established.",
  },
  check(cable, report) {
    const header = cable.header;
    const id = header?.transmissionId;
    const routing = header?.routing;
    if (!id || !routing || !id.text.toUpperCase().startsWith(XYZ)) return;
    const ris = routing.routingIndicators;
    for (let i = 0; i < ris.length; i++) {
      const ri = ris[i];
      if (ri.text.toUpperCase() === WEB) continue;
      report({
        message: `Routing indicator ${ri.text} on the routing line of a VZCZCXYZ header, which routes to RUEHWEB alone.`,
        range: ri.range,
        related: [{ range: id.range, message: 'VZCZCXYZ transmission identification' }],
      });
    }
  },
};

/** The transmission identification the rule is about: "VZCZCXYZ0000". */
const XYZ = 'VZCZCXYZ';

/** The one routing indicator on line 2 of such a header: "PP RUEHWEB". */
const WEB = 'RUEHWEB';
