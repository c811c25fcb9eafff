/**
 * CBL013 eo-order-unknown: The E.O. number is not a known classification order (11652, 12065, 12356, 12958, 13292, 13526), or is one written with a letter l or I for the digit 1, or O for 0 ('E.O. l2958').
 */
import type { CalendarDate } from '../model';
import { serialDigits } from '../parse/banner';
import { editDistance } from '../text';
import { ORDER_DATES, orderInEffect } from './cbl041-eo-order-after-cable';
import { compareDates, replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL013',
  name: 'eo-order-unknown',
  description: "The E.O. number is not a known classification order (11652, 12065, 12356, 12958, 13292, 13526), or is one written with a letter l or I for the digit 1, or O for 0 ('E.O. l2958').",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "E.O. 12598: DECL: 02/23/2018",
    good: "E.O. 12958: DECL: 02/23/2018",
    rationale: "An order typed or scanned with a letter l or I for the digit 1, or O for 0 (`E.O. l2958`, `E.O. 12O65`), which lost the whole E.O. line before (CBL012 said there was none), is read as an E.O. line and reported with the digits meant; its quick fix writes them and nothing else. Cables cite the executive order in force; an unknown number is almost always a typo, most often for 12958. The quick fixes, for you to choose, offer the known orders one digit lost, added or changed, or two neighbouring digits swapped, away from the number written (`12598` → 12958, `1352` → 13526), leaving out an order signed after the cable's date, with the order in effect on that date (E.O. 13526 from 25 June 2010, else E.O. 12958; today's for a cable not dated yet) first, preferred, and offered too where no known order is that near (`19523`).",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §4 and 'Warnings'): 5 of 1,295 (12598 ×3, 19523, 19528); eo-reasons.tsv (the orders' dates, as CBL041 reads them).",
  },
  check(cable, report) {
    const order = cable.eo?.order;
    // "E.O. l2958": a letter l or I typed or scanned for the digit 1, or O for 0, where the digits meant are a known order.
    const meantDigits = order && serialDigits(order.text);
    if (order && meantDigits !== order.text && KNOWN.has(meantDigits!)) {
      const letter = LETTER_FOR_DIGIT.exec(order.text)![0];
      report({
        message: `E.O. ${order.text} has the letter '${letter}' for the digit ${letter === 'O' ? 0 : 1}: read as E.O. ${meantDigits}.`,
        range: order.range,
        fixes: [replaceFix(`Write '${meantDigits}'`, order.range, meantDigits!, false, true)],
      });
    } else if (order && !KNOWN.has(order.text)) {
      const meant = likelyOrders(order.text, cable.date);
      report({
        message: `E.O. ${order.text} is not a known classification order; did you mean ${meant.join(' or ')}?`,
        range: order.range,
        fixes: meant.map((o, i) => replaceFix(`Change to E.O. ${o}`, order.range, o, false, i === 0)),
      });
    }
  },
};

/**
 * The known orders `written` may stand for: those one digit lost, added or changed, or two neighbours swapped, away from it
 * (`12598` → 12958, `1352` → 13526), but for one signed after the cable's `date`; the order in effect on that date (today's
 * for a cable not dated yet) first, and offered where no order is that near; then the nearer orders, newest first.
 */
export function likelyOrders(written: string, date: CalendarDate | undefined): string[] {
  const inEffect = orderInEffect(date);
  const near = KNOWN_NEWEST_FIRST.filter((o) => o !== inEffect && editDistance(written, o, 1) <= 1 && !signedAfter(o, date));
  return [inEffect, ...near];
}

/** Whether the order was signed (or, where its signing date is not known, took effect) after `date`. */
function signedAfter(order: string, date: CalendarDate | undefined): boolean {
  const dates = ORDER_DATES.get(order);
  const signed = dates?.signed ?? dates?.effective;
  return date !== undefined && signed !== undefined && compareDates(date, signed) < 0;
}


const LETTER_FOR_DIGIT = /[lIO]/;

/** Orders cables cite (eo-reasons.tsv). */
const KNOWN_NEWEST_FIRST = ['13526', '13292', '12958', '12356', '12065', '11652'];
const KNOWN: ReadonlySet<string> = new Set(KNOWN_NEWEST_FIRST);
