/**
 * CBL006 julian-day-mismatch: The DE-line Julian day differs from the day of year of the DTG date.
 */
import { dayOfYear, pad, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL006',
  name: 'julian-day-mismatch',
  description: "The DE-line Julian day differs from the day of year of the DTG date.",
  tags: ["header"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "DE RUEHVT #0412/01 1531322\nP 031322Z JUN 09",
    good: "DE RUEHVT #0412/01 1541322\nP 031322Z JUN 09",
    rationale: "The DE line carries the Julian day of transmission, which is the day of year of the DTG.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 2): held in 1,068 of 1,072 cables, and in 3 of 3 seed cables (three cables from other sources, outside those counts). The DE time may differ from the DTG time and is never checked.",
  },
  check(cable, report) {
    const jd = cable.header?.de?.julianDay;
    const dtg = cable.header?.dtg?.dtg;
    if (!jd || !dtg?.valid) return;
    // The DTG is a calendar date itself: no copy of its year, month and day.
    const expected = dayOfYear(dtg);
    if (jd.value !== expected) {
      report({
        message: `DE Julian day ${jd.text} does not match the DTG date ${dtg.token.text} (day ${pad(expected, 3)}).`,
        range: jd.range,
        related: [{ range: dtg.token.range, message: 'Date-time group' }],
        fixes: [replaceFix(`Set Julian day to ${pad(expected, 3)}`, jd.range, pad(expected, 3), false)],
      });
    }
  },
};
