/**
 * CBL041 eo-order-after-cable: The E.O. cited is dated after the cable: signed later (error), or signed but not yet in full effect (warning).
 */
import type { CalendarDate } from '../model';
import { compareDates, isoDate } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL041',
  name: 'eo-order-after-cable',
  description: "The E.O. cited is dated after the cable: signed later (error: 12356, 12958, 13292, 13526), or not yet in effect (warning: 13526 before 2010-06-25, 12065 before 1978-12-01).",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "P 031322Z JUN 09\n…\nE.O. 13526: DECL: 06/03/2019",
    good: "P 031322Z JUN 09\n…\nE.O. 12958: DECL: 06/03/2019",
    rationale: "A cable cannot cite an order signed after it was written: the order number or the date is wrong. An E.O. line rewritten when the cable was declassified ('E.O. 12958: AS AMENDED; DECLASSIFIED …' on a 1972 cable) is left alone.",
    source: "The order rows of eo-reasons.tsv: E.O. 12356 dated 1982-04-02, E.O. 12958 signed 1995-04-17, E.O. 13292 signed 2003-03-25, E.O. 13526 signed 2009-12-29 with full effect 2010-06-25, E.O. 12065 effective 1978-12-01 (its signing date is not in the project's reference; nor are any dates of E.O. 11652, which is not checked). Corpus analysis of the released cables: 0 of 213+ cables dated 2009-12-29 to 2010-02-26 cite E.O. 13526 (FORMAT.md §7 rule 22); the 3 older cables that cite E.O. 12958 (1966, 1972) carry declassification notes (CORPUS-FINDINGS §4).",
  },
  check(cable, report) {
    const eo = cable.eo;
    const order = eo?.order;
    const date = cable.date;
    if (!order || !date) return;
    const dates = ORDER_DATES.get(order.text);
    // "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006" on a 1972 cable: the line was rewritten on release.
    if (!dates || eo.decl?.kind === 'declassified') return;
    if (dates.signed && compareDates(date, dates.signed) < 0) {
      report({ message: `E.O. ${order.text} was signed on ${isoDate(dates.signed)}, after the cable's date (${isoDate(date)}).`, range: order.range });
    } else if (dates.effective && compareDates(date, dates.effective) < 0) {
      report({ message: `E.O. ${order.text} took effect on ${isoDate(dates.effective)}, after the cable's date (${isoDate(date)}).`, range: order.range, severity: 'warning' });
    }
  },
};

/** When an order was signed and when it took (full) effect, where the reference gives it. */
export interface OrderDates {
  readonly signed?: CalendarDate;
  readonly effective?: CalendarDate;
}

/**
 * The classification order in effect on `date`, or on `now` (UTC) for a cable not dated yet, as a new cable cites it:
 * E.O. 13526 from 25 June 2010, when it took effect (this rule warns of it cited earlier), else E.O. 12958. Completion
 * writes it after `E.O. `; the hover of a label being typed shows it.
 */
export function orderInEffect(date: CalendarDate | undefined, now: Date = new Date()): '12958' | '13526' {
  const on = date ?? { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  return compareDates(on, ORDER_DATES.get('13526')!.effective!) >= 0 ? '13526' : '12958';
}

/** The dates of the order rows of eo-reasons.tsv, with the sources they cite; completion names the order in effect by them. */
export const ORDER_DATES: ReadonlyMap<string, OrderDates> = new Map([
  // "effective 1978-12-01" (1978 STATE 296107); the reference does not say when it was signed.
  ['12065', { effective: { year: 1978, month: 12, day: 1 } }],
  // "dated 1982-04-02 (fas.org)"; the White House text of 1995 calls it "of April 6, 1982", so the earlier date is taken.
  ['12356', { signed: { year: 1982, month: 4, day: 2 } }],
  // "signed 1995-04-17" (the order's text and 60 FR 19825); "date it took effect not established".
  ['12958', { signed: { year: 1995, month: 4, day: 17 } }],
  // "signed 2003-03-25" (68 FR 15313).
  ['13292', { signed: { year: 2003, month: 3, day: 25 } }],
  // "signed 2009-12-29 …; full effect 2010-06-25" (Wikipedia, the ISOO implementing directive).
  ['13526', { signed: { year: 2009, month: 12, day: 29 }, effective: { year: 2010, month: 6, day: 25 } }],
]);
