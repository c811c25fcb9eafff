/**
 * CBL053 ref-cites-later-cable: A REF citation whose year is after the cable's own ('10 STATE 1234' in a cable of 2009): a
 * cable cannot cite one sent after it.
 */
import { isDigit } from '../text';
import type { Rule } from './types';

/**
 * Codes of law and manuals cited by volume and section, which the citation pattern reads as a year, a post and a serial
 * ("22 USC 2378", "12 FAH 540", "40 CFR 1500"): their first number is a title or volume, no year.
 */
const NOT_CABLES: ReadonlySet<string> = new Set(['USC', 'USCA', 'CFR', 'FAM', 'FAH']);

export const rule: Rule = {
  id: 'CBL053',
  name: 'ref-cites-later-cable',
  description: "A REF citation whose year is after the cable's own ('10 STATE 1234' in a cable of 2009): a cable cannot cite one sent after it.",
  tags: ['metadata'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: 'P 031322Z JUN 09\n…\nREF: A. 10 STATE 1234\n     B. VALLETTA 388',
    good: 'P 031322Z JUN 09\n…\nREF: A. 09 STATE 1234\n     B. VALLETTA 388',
    rationale:
      "A cable cites cables sent before it, so a citation's year after the cable's date means that the citation's year or the cable's date (the DTG or the date line) is wrong, often a year typed as the one before or after around New Year; the rule cannot tell which, so it offers no fix. Only a year the citation writes is compared: one without a year takes the cable's year, or the year before (a higher serial of the cable's own post, or one no post reaches by the cable's date), so it is never later. A two-digit year is read in the century nearest the cable's year (`49 STATE 120` in a cable of 1972 is of 1949). A code of law or manual cited by title and section (`22 USC 2378`, `12 FAH 540`) is no cable. Serials are not compared: a post's cables do not always number up with their dates (Brasilia's CONFIDENTIAL 45 of 9 February 2010 came after its UNCLASSIFIED 136 of 5 February, perhaps numbered apart), so a citation of the cable's own post and year with a higher serial than its own may well be older.",
    source:
      "Corpus analysis (203 cables): 243 REF items cite a cable, 68 of them with a year; none is after its cable's year, so no real cable is reported. Serials: of the 88 pairs of cables of one post and year in the corpus, ordered by date, 1 has the later cable under the lower serial (10BRASILIA45, CONFIDENTIAL, of 9 February 2010, after 10BRASILIA136, UNCLASSIFIED, of 5 February: two series, it seems, which the reference does not establish), so the same post's higher serial is not checked. Warning, not error: the citation reading takes any words and number after a year, and a document numbered so is no cable.",
  },
  check(cable, report) {
    const date = cable.date;
    if (!date) return;
    for (const item of cable.refs?.items ?? []) {
      const cited = item.cable;
      if (cited?.year === undefined || NOT_CABLES.has(cited.post)) continue;
      // The year's digits open the citation: "10 STATE 1234", "2010 STATE 6668", "10STATE1234".
      const { start } = item.citation.range;
      const line = cable.lines[start.line];
      let end = start.character;
      while (end < line.length && isDigit(line.charCodeAt(end))) end++;
      const digits = end - start.character;
      if (digits !== 2 && digits !== 4) continue;
      // "49" in a cable of 1972 is 1949, "10" in a cable of 2009 is 2010: the century nearest the cable's year.
      const year = digits === 4 ? cited.year : nearestCentury(cited.year % 100, date.year);
      if (year <= date.year) continue;
      report({
        message: `REF citation '${item.citation.text}' is of ${year}, after the cable's own year (${date.year}): a cable cannot cite one sent later, so the citation's year or the cable's date is wrong.`,
        range: { start, end: { line: start.line, character: end } },
      });
    }
  },
};

/** The year ending in `yy` (0–99) nearest `year`: 10 near 2009 is 2010, 49 near 1972 is 1949. */
function nearestCentury(yy: number, year: number): number {
  const candidate = year - (year % 100) + yy;
  if (candidate - year > 50) return candidate - 100;
  if (year - candidate > 50) return candidate + 100;
  return candidate;
}
