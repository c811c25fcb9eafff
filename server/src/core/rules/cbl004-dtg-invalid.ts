/**
 * CBL004 dtg-invalid: The date-time group names a date or time that does not exist (31 JUN, 2500Z).
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL004',
  name: 'dtg-invalid',
  description: "The date-time group names a date or time that does not exist (31 JUN, 2500Z).",
  tags: ["header"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "P 311322Z JUN 09",
    good: "P 301322Z JUN 09",
    rationale: "The DTG identifies the message; an impossible date or time is certainly a typo.",
    source: "FORMAT.md §2 line 5 (DDHHMMZ MON YY).",
  },
  check(cable, report) {
    const dtg = cable.header?.dtg?.dtg;
    if (dtg && !dtg.valid) {
      report({ message: `Date-time group '${dtg.token.text}' is not a real date and time.`, range: dtg.token.range });
    }
  },
};
