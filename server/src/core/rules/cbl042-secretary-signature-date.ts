/**
 * CBL042 secretary-signature-date: A Department (STATE) cable signed RICE on or after 2009-01-21, or CLINTON before it.
 */
import { normalizePost } from '../id';
import type { CalendarDate } from '../model';
import { compareDates, isoDate } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL042',
  name: 'secretary-signature-date',
  description: "A Department (STATE) cable signed RICE on or after 2009-01-21, or CLINTON before it.",
  tags: ["banner", "text"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "P 141530Z FEB 09\n…\nC O N F I D E N T I A L STATE 001234\n…\n¶4. (C) …\n\nRICE",
    good: "P 141530Z FEB 09\n…\nC O N F I D E N T I A L STATE 001234\n…\n¶4. (C) …\n\nCLINTON",
    rationale: "Department cables are signed with the Secretary's surname, RICE up to 2009-01-20 and CLINTON from 2009-01-21; the other name means the signature or the date is wrong. Other names are not checked.",
    source: "Corpus analysis of the released cables (FORMAT.md §1, item 11, and §7 rule 25): 15 of 15 Department cables before 2009-01-21 signed RICE, 58 of 58 after signed CLINTON. A warning: the rule rests on 73 cables and no other source.",
  },
  check(cable, report) {
    const signature = cable.signature;
    const date = cable.date;
    if (!signature || !date || !isDepartmentCable(cable.banner?.post?.text ?? cable.header?.from?.address?.text)) return;
    const name = signature.token.text.toUpperCase();
    const clintonEra = compareDates(date, CLINTON_FROM) >= 0;
    if (name === 'RICE' && clintonEra) {
      report({ message: `Signed ${signature.token.text} on ${isoDate(date)}: Department cables from ${isoDate(CLINTON_FROM)} on are signed CLINTON.`, range: signature.token.range });
    } else if (name === 'CLINTON' && !clintonEra) {
      report({ message: `Signed ${signature.token.text} on ${isoDate(date)}: Department cables signed CLINTON are dated from ${isoDate(CLINTON_FROM)} on.`, range: signature.token.range });
    }
  },
};

/** The first date of the CLINTON signature (FORMAT.md §7 rule 25). */
const CLINTON_FROM: CalendarDate = { year: 2009, month: 1, day: 21 };

/** True when the banner's post (or, without one, the originator of the header) is the Department: `STATE`, `SECSTATE WASHDC`. */
function isDepartmentCable(post: string | undefined): boolean {
  return post !== undefined && normalizePost(post) === 'STATE';
}
