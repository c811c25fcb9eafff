/**
 * CBL048 decl-past-25-years: The DECL date is more than 25 years after the cable date.
 */
import { isoDate } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL048',
  name: 'decl-past-25-years',
  description: "The DECL date is more than 25 years after the cable date.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "P 031322Z JUN 09\n…\nE.O. 12958: DECL: 06/03/2091",
    good: "P 031322Z JUN 09\n…\nE.O. 12958: DECL: 06/03/2019",
    rationale: "E.O. 12958 sets declassification 10 years after the cable by default, with limited exceptions, and declassifies records automatically at 25 years; a date further off (the rule allows one day more, for a post that dates the DECL from its own day, ahead of Greenwich's) is most often a mistyped year (`2091` for `2019`). An exemption is written as a code (`DECL: 25X1`), which CBL015 reads, not as a date.",
    source: "The E.O. 12958 row of eo-reasons.tsv (White House highlights of E.O. 12958: declassification 10 years after the decision by default, with limited exceptions; automatic declassification at 25 years). Corpus analysis of the released cables: the DECL dates seen most are 10 years after the cable (920 of 1,166 dated DECLs), then 25 (94), 20 (56), 9 (42) and 15 (22) (FORMAT.md §7 rule 19); none of the 166 dated DECLs of the project's 200 cables is more than 25 years after its cable, but for one a day later (07BEIJING7035, whose post dated it from its own day, a day ahead of Greenwich's), which the rule allows.",
  },
  check(cable, report) {
    const decl = cable.eo?.decl;
    if (!decl?.date || !cable.date || decl.kind !== 'date' || decl.impossible) return;
    // 25 years after the cable's day, and one more: the DTG's day is Greenwich's, and a post east of it may date the
    // DECL from its own, a day later (07BEIJING7035: 8 November 2007 at 0932Z, DECL 11/09/2032).
    const limit = Date.UTC(cable.date.year + 25, cable.date.month - 1, cable.date.day + 1);
    if (Date.UTC(decl.date.year, decl.date.month - 1, decl.date.day) > limit) {
      report({ message: `DECL date '${decl.value.text}' is more than 25 years after the cable date (${isoDate(cable.date)}).`, range: decl.value.range });
    }
  },
};
