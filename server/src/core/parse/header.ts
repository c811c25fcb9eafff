/**
 * The lines before the banner: publisher notes, date lines, export metadata
 * and the ACP 127 transmission header (FORMAT.md §1–2, CORPUS-FINDINGS.md §1).
 */
import { levelFromLetter, precedenceFromLetter } from '../levels';
import type {
  Addressee,
  Banner,
  Cable,
  DateTimeGroup,
  DeLine,
  DtgLine,
  HeaderLine,
  HeaderLineKind,
  LineKind,
  OldPageHeader,
  ParseProblem,
  PreambleLine,
  Precedence,
  Range,
  RoutingLine,
  SecurityLine,
  Token,
  TransmissionHeader,
} from '../model';
import { digitsNumber, digitsValue, isAlnum, isCapital, isDigit, isSpace, numberToken, onlyWordNear, range, skipSpaces, spanRange, token, trimEndOffset, upperCase, wordEnd } from '../text';
import { fullYear } from '../id';
import { serialDigits } from './banner';
import { findOldPageHeader } from './pages';

/** The months as a date-time group writes them (`JUN`); index 0 is January. */
export const MONTHS: readonly string[] = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** The months' names in capitals, as cables write them ("JANUARY"); index 0 is January. */
export const MONTH_NAMES: readonly string[] = [
  'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
];

/** Days in a month of a year (month 1–12; the Gregorian calendar, as `Date` has it). */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  // As Date.UTC reads them, years 0–99 are 1900–1999.
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/**
 * True when a transmission header's DE serial is not the banner's (modulo 10000, as the DE line writes the last four
 * digits: FORMAT.md §7 rule 1): the header and the text belong to different cables, a release mix-up (07PARIS2725's
 * Paris header over MOSCOW 005154's text), which CBL005 reports. False when either serial is missing.
 */
export function headerSerialDiffers(header: TransmissionHeader | undefined, banner: Banner | undefined): boolean {
  const de = header?.de?.serial;
  const serial = banner?.serial;
  return de !== undefined && serial !== undefined && de.value !== serial.value % 10000;
}

/**
 * True when the transmission header's date-time group dates the cable: a real date, from a header that belongs to this
 * text, or to another one whose text gives no date of its own. A header whose DE serial is not the banner's
 * ({@link headerSerialDiffers}) dates another cable, and a date line above the banner, which the release gives with the
 * text, dates this one: 07PARIS2725's header says 26 June 2007 (07PARIS2725's), its date line 26 October 2007, the date
 * of MOSCOW 005154, whose text the file holds. The parser dates the cable (`Cable.date`, its id's year) by it, and the
 * index, `cablelint extract`, the hovers and the preview read the cable's date-time group by it.
 */
export function headerDatesCable(cable: Pick<Cable, 'header' | 'banner' | 'preamble'>): boolean {
  if (cable.header?.dtg?.dtg?.valid !== true) return false;
  return !headerSerialDiffers(cable.header, cable.banner) || !cable.preamble.some((p) => p.kind === 'date-line' && p.date !== undefined);
}

/** True when year/month/day is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// ---------------------------------------------------------------------------
// Line shapes

// "Friday, 31 July 2009, 06:59", and in capitals, "FRIDAY, 31 JULY 2009, 06:59".
const DATE_LINE = /^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}),\s+(\d{1,2}):(\d{2})\s*$/i;
// "080857Z Jul 05": a date-time group alone on a line, with no precedence before it, under a partial extract's publisher note.
const DTG_DATE_LINE = /^\s*(\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2})\s*$/;
const PUBLISHER_NOTE = /^\s*This record is a partial extract of the original cable/;
// "ID: 190648", "ORIGIN: …", "CLASSIFICATION: SECRET//NOFORN", "DESTINATION: VZCZC…", ">".
const EXPORT_METADATA = /^\s*(?:>\s*$|(?:ID|ORIGIN|DATE|SOURCE|CLASSIFICATION|MISC|DESTINATION|REFERENCE|REFERENCES|HEADER|CABLE ?ID|CREATED|RELEASED|OFFICE):\s)/i;
const VZCZC = /^\s*VZCZC/;
const ROUTING = /^\s*(ZZ|OO|PP|RR|YY)(\s+\S.*)?$/;
const DE_START = /^\s*DE\s+\S/;
const SECURITY = /^\s*(ZNY|ZNR)\b/;
// "P 280849Z MAY 09", "O R 161415Z DEC 09": one or two prosigns, then the DTG.
// Trailing operating signals may follow: "O 071830Z SEP 07 ZDK", "O 091547Z OCT 09 (CCY …)", "… ZDK CTG #00732".
// Group 6, the rest of the line, gives where the year ends; the date-time group is the first "DDHHMMZ" of the line (only white
// space and the prosigns stand before it), so the pattern needs no `d` flag, with which each match built the offsets of every group.
const DTG_LINE = /^\s*([A-Z])(?:\s+([A-Z]))?\s+(\d{6}Z)\s+([A-Za-z]{3})\s+(\d{2,4})(?=\s|$)(.*)$/;
const DTG_LOOSE = /^\s*[ZOPRY](?:\s+[ZOPRY])?\s+\d{4,7}Z?\b/;
// "P 11l453Z AUG O6", "R 161417Z N0V 09": a DTG typed or scanned with a letter l or I for the digit 1, or O for 0, in its
// numbers, or a zero for the letter O in its month (readMisreadDtg), its month perhaps one letter off one month too ("SFP").
const DTG_MISREAD = /^(\s*[ZOPRY](?:\s+[ZOPRY])?\s+)([\dlIO]{6}Z)(\s+)([A-Za-z0]{3})(\s+)([\dlIO]{2})(?=\s|$)/;

/**
 * A precedence and DTG line whose group has a letter l or I for the digit 1, or O for 0, in its numbers, or a zero for the
 * letter O in its month ("P 11l453Z AUG O6", "R 161417Z N0V 09"): the line with the characters meant in their places (the
 * same length, so every offset holds), which {@link DTG_LINE} reads, or undefined. Tried only on a line that opens with a
 * capital and a space and that neither DTG pattern reads.
 */
export function readMisreadDtg(text: string): string | undefined {
  const m = DTG_MISREAD.exec(text);
  if (m === null) return undefined;
  const digits = serialDigits(m[2]);
  if (!/^\d{6}Z$/.test(digits)) return undefined;
  const year = serialDigits(m[6]);
  const month = m[4].replace(/0/g, 'O');
  const meant = m[1] + digits + m[3] + (MONTHS.includes(month) ? month : monthMeant(digits, month, year) ?? month) + m[5] + year;
  if (meant === m[0]) return undefined;
  return meant + text.slice(m[0].length);
}

/**
 * "P 031322Z SFP 09": a DTG line that {@link DTG_LINE} reads, whose month in capitals is one letter off one month alone (a
 * scan's F for E), read as the line with that month in its place (the same length), where the group is then a real date and
 * time; undefined otherwise ("JUM", one letter off JUN and JUL, stays as written, and CBL004 says it is no real date).
 * Asked only when the month read is none.
 */
export function readMisreadMonth(text: string, m: RegExpExecArray): string | undefined {
  const month = monthMeant(m[3], m[4], m[5]);
  if (month === undefined) return undefined;
  const at = text.indexOf(m[4], text.indexOf(m[3]) + m[3].length);
  return text.slice(0, at) + month + text.slice(at + 3);
}

/**
 * The one month whose name is `written` (three capitals) with one letter changed, where the group `ddhhmm` ("031322Z") of
 * that month and the year `yy` is a real date and time; undefined when none or more than one is so near.
 */
function monthMeant(ddhhmm: string, written: string, yy: string): string | undefined {
  if (!/^[A-Z]{3}$/.test(written)) return undefined;
  let found: string | undefined;
  for (const month of MONTHS) {
    let off = 0;
    for (let k = 0; k < 3; k++) if (month.charCodeAt(k) !== written.charCodeAt(k)) off++;
    if (off !== 1) continue;
    if (found !== undefined) return undefined;
    found = month;
  }
  if (found === undefined || !/^\d{2}$/.test(yy)) return undefined;
  const day = parseInt(ddhhmm.slice(0, 2), 10);
  const real = isRealDate(fullYear(parseInt(yy, 10)), MONTHS.indexOf(found) + 1, day) && parseInt(ddhhmm.slice(2, 4), 10) <= 23 && parseInt(ddhhmm.slice(4, 6), 10) <= 59;
  return real ? found : undefined;
}
const FM = /^\s*FM\s+(\S.*)$/;
const ADDRESS_KEYWORD = /^\s*(TO|INFO|XMT)\s+(\S.*)$/;
/** A line that opens a format line of the header: VZCZC, routing, DE, ZNY/ZNR, DTG, FM, TO, INFO, XMT, BT, NNNN. */
function isFormatLine(text: string): boolean {
  return [VZCZC, ROUTING, DE_START, SECURITY, DTG_LINE, FM, ADDRESS_KEYWORD, TRANSMISSION_END].some((pattern) => pattern.test(text));
}

/** An addressee line opening with its routing indicator: "RUEHLO/AMEMBASSY LONDON 0001". */
const RI_ADDRESS = /^\s*R[A-Z]{4,7}\//;
/**
 * A prosign on a line of its own that breaks or ends the transmission (FORMAT.md §1): "BT" (break),
 * after the header and after the text, and "NNNN" (end of message). Its first non-space character
 * tells which. The header reads it after the address lines; the body reads it after the text.
 */
export const TRANSMISSION_END = /^\s*(?:BT|NNNN)\s*$/;
/**
 * The end-of-message validation line between the last "BT" and "NNNN": the station serial of the
 * DE line ("DE RUEHFR #0708/01 …") repeated after "#", with as many digits as {@link DE_SERIAL} reads.
 */
export const EOM_SERIAL = /^\s*#(\d{3,5})\s*$/;
// Old printout distribution: "INFO  LOG-00   CIAE-00 …", "ACTION NEA-00", "------------------EE9C66  240653Z /38", and the
// keyword alone, "Distribution:" (08LONDON2673) or in capitals, "DISTRIBUTION:", as a copy in capitals writes it.
const DISTRIBUTION = /^\s*(?:(?:INFO|ACTION)\s+[A-Z0-9]+-\d{2}\b|(?:Distribution|DISTRIBUTION):\s*$|-{5,}[A-Z0-9]*\s+\d{6}Z\s*\/\d+\s*$)/;
// The last continuation line may end with a count and a letter: "      SAS-00   DTT-00   FA-00      /001R" or "… /000W".
const DISTRIBUTION_CONTINUATION = /^\s+[A-Z0-9]+-\d{2}(?:\s+[A-Z0-9]+-\d{2})*(?:\s+\/\d+[A-Z])?\s*$/;
const DISTRIBUTION_CODE = /^\s*[A-Z]{2,5}\d{2,5}\s*$/;
/** `R[A-Z]{4,7}` exactly: a routing indicator is five to eight capitals starting with R. */
export function isRoutingIndicator(text: string, start: number, end: number): boolean {
  if (end - start < 5 || end - start > 8 || text.charCodeAt(start) !== C.R) return false;
  for (let k = start + 1; k < end; k++) if (!isCapital(text.charCodeAt(k))) return false;
  return true;
}

/**
 * A cheap necessary condition for {@link TRANSMISSION_END} on a line whose first non-space
 * character is `first` and whose text, white space left out at both ends, is `length` long:
 * "BT" or "NNNN".
 */
export function mayEndTransmission(first: number, length: number): boolean {
  return (first === C.B && length === 2) || (first === C.N && length === 4);
}

/** A cheap necessary condition for {@link EOM_SERIAL}, as {@link mayEndTransmission} is for its pattern: "#" and three to five more characters. */
export function mayBeEomSerial(first: number, length: number): boolean {
  return first === C.Hash && length >= 4 && length <= 6;
}

// "DE RUEHFR #0708": a DE line that can open a header.
const DE_HEADER = /^\s*DE\s+R[A-Z]{3,7}\s+#/;
const TITLE = /^Cablegate:/i;
const DASHES = /^\s*-{5,}/;
// Line 2 wrapped: "RUEHDU RUEHKUK RUEHMR".
const ROUTING_CONTINUATION = /^\s*R[A-Z]{4,7}(?:\s+R[A-Z]{4,7})*\s*$/;
const FIRST_WORD = /^\S+/;
// "VZCZCXRO7165": VZCZC, three letters, four digits.
const TRANSMISSION_ID = /^VZCZC[A-Z]{3}\d{4}$/;
// "#0708/01" and "1480849" on the DE line.
const DE_SERIAL = /^#(\d{3,5})(?:\/(\d{1,3}))?$/;
const DE_TIME = /^\d{7}$/;
// A DE serial read from letters, in the shape every DE line of the corpus has: four digits, and a section of two. "#0412/I01"
// has a letter put in, not one for a digit: read as section 101 it would be wrong, so it is left unread.
const DE_SERIAL_MEANT = /^#\d{4}(?:\/\d{2})?$/;
// "SSSSS", "CCCCC/AAAAA" (SPECAT); a group of four ("CCCC") is read for its level but is malformed.
const SECURITY_GROUP = /^([A-Z])\1{3,4}(?:\/([A-Z])\2{3,4})?$/;

/** Character codes. */
const enum C {
  Tab = 9,
  Space = 32,
  Hash = 35,
  Dash = 45,
  A = 65,
  B = 66,
  D = 68,
  F = 70,
  I = 73,
  M = 77,
  N = 78,
  O = 79,
  P = 80,
  R = 82,
  S = 83,
  T = 84,
  V = 86,
  W = 87,
  X = 88,
  Y = 89,
  Z = 90,
  Gt = 62,
}

/** Offset of the first non-space character, or the length of the text. */
function leadOf(text: string): number {
  const c = text.charCodeAt(0);
  return c > C.Space && c < 127 ? 0 : skipSpaces(text);
}

/**
 * True when the line starts a transmission header (VZCZC, a DE line, a precedence+DTG line, or printout distribution).
 * The first character decides which patterns can apply.
 */
export function startsHeader(text: string, lead = leadOf(text)): boolean {
  const c = text.charCodeAt(lead);
  if (c === C.V) return VZCZC.test(text);
  if (c === C.D && DE_HEADER.test(text)) return true;
  if (isCapital(c) && isSpace(text.charCodeAt(lead + 1)) && (DTG_LINE.test(text) || readMisreadDtg(text) !== undefined)) return true;
  return (c === C.I || c === C.A || c === C.D || c === C.Dash) && mayBeDistribution(text) && DISTRIBUTION.test(text);
}

/** Every line {@link DISTRIBUTION} reads holds a "-" or a ":" ("LOG-00", "Distribution:", "-----"): address lines do not. */
function mayBeDistribution(text: string): boolean {
  return text.indexOf('-') >= 0 || text.indexOf(':') >= 0;
}

/** Export metadata opens with ">" or one of the letters of its keys (ID, ORIGIN, DATE, SOURCE, CLASSIFICATION, MISC, …). */
function mayBeExportMetadata(c: number): boolean {
  const l = c | 32;
  return c === C.Gt || l === 105 || l === 111 || l === 100 || l === 115 || l === 99 || l === 109 || l === 114 || l === 104;
}

/** Result of reading the lines before the banner. */
export interface HeadResult {
  readonly preamble: PreambleLine[];
  readonly header?: TransmissionHeader;
  /** Printout page headers inside the header, after an address keyword ("INFO PAGE 02 STATE 037566 161435Z"). */
  readonly oldPageHeaders: readonly OldPageHeader[];
}

/**
 * Ordinal of each format line, for `header-order`; undefined for the other header lines. A switch, where a table read by the
 * line's kind (`ORDER[hl.kind]`) was a property load by a different name for each kind, which the engine made megamorphic: a
 * generic lookup for every header line.
 */
function orderOf(kind: HeaderLineKind): number | undefined {
  switch (kind) {
    case 'transmission-id':
      return 1;
    case 'routing':
      return 2;
    case 'de':
      return 3;
    case 'security':
      return 4;
    case 'dtg':
      return 5;
    case 'from':
      return 6;
    case 'to':
      return 7;
    case 'info':
    case 'xmt':
      return 8;
    default:
      return undefined;
  }
}

const ORDER_NAMES: Record<number, string> = {
  1: 'VZCZC line',
  2: 'precedence and routing line',
  3: 'DE line',
  4: 'ZNY/ZNR security line',
  5: 'precedence and DTG line',
  6: 'FM line',
  7: 'TO line',
};

/**
 * True when `c` and `c2`, a line's first two characters, may open a day's name in capitals ("FRIDAY, 31 JULY 2009, 06:59"):
 * its first two letters, MO, TU, WE, TH, FR, SA or SU, so that the header's own lines in capitals ("TO RUEHC/…", "SUBJECT:")
 * reach the pattern only where they share them ("SUBJECT", "SAME").
 */
function mayStartDayInCapitals(c: number, c2: number): boolean {
  switch (c) {
    case C.M:
      return c2 === 79 /* O */;
    case C.T:
      return c2 === 85 /* U */ || c2 === 72 /* H */;
    case C.W:
      return c2 === 69 /* E */;
    case C.F:
      return c2 === 82 /* R */;
    case C.S:
      return c2 === 65 /* A */ || c2 === 85 /* U */;
    default:
      return false;
  }
}

/** A date line on line `i` (either shape), with its date when the day, month (1-12; 0 when unknown) and year are a real one. */
function dateLine(i: number, text: string, year: number, month: number, day: number): PreambleLine {
  return { kind: 'date-line', token: trimmedToken(i, text), date: month > 0 && isRealDate(year, month, day) ? { year, month, day } : undefined };
}

/**
 * A partial extract's date-time group alone on line `i` ("171719Z Nov 05"): a date line whose date and Zulu time,
 * when both exist, are the cable's date-time group, as the header's would give it (`PreambleLine.dtg`).
 */
function dtgDateLine(i: number, text: string, group: RegExpExecArray): PreambleLine {
  const line = dateLine(i, text, fullYear(parseInt(group[5], 10)), MONTHS.indexOf(group[4].toUpperCase()) + 1, parseInt(group[1], 10));
  const date = line.date;
  // "171779Z Nov 05": a minute the clock lacks leaves the date alone.
  if (date === undefined || parseInt(group[2], 10) > 23 || parseInt(group[3], 10) > 59) return line;
  return { kind: 'date-line', token: line.token, date, dtg: `${date.year}-${String(date.month).padStart(2, '0')}-${group[1]}T${group[2]}:${group[3]}:00Z` };
}

/**
 * Reads lines `[from, to)`, the zone before the banner (or before the metadata
 * when there is no banner), into preamble lines and a transmission header.
 * Fills `kinds` for those lines and records header problems; `indents` gives each line's first non-space offset (-1 when blank).
 */
export function parseHead(
  lines: readonly string[],
  indents: Int32Array,
  from: number,
  to: number,
  kinds: LineKind[],
  problems: ParseProblem[],
): HeadResult {
  const preamble: PreambleLine[] = [];
  const headerLines: HeaderLine[] = [];
  const b = new HeaderBuilder(problems);
  let inHeader = false;
  let inDistribution = false;
  // Which address list a continuation line belongs to, and the list a blank line interrupted.
  let addressMode: 'to' | 'info' | 'xmt' | undefined;
  let pausedMode: 'to' | 'info' | 'xmt' | undefined;
  let lastKind: HeaderLineKind | undefined;

  for (let i = from; i < to; i++) {
    const text = lines[i];
    const lead = indents[i];
    if (lead < 0) {
      kinds[i] = 'blank';
      // A blank line ends an address list: no corpus header goes on with a plain address after one.
      if (addressMode) {
        pausedMode = addressMode;
        addressMode = undefined;
      }
      continue;
    }
    // The first two characters decide which line shapes can apply; each pattern is tried only where it can match.
    const c = text.charCodeAt(lead);
    const c2 = text.charCodeAt(lead + 1);
    if (pausedMode !== undefined) {
      // After the blank line: "RUEHLO/AMEMBASSY LONDON" takes the list up again, a format line goes on with
      // the header, and anything else is no header line ("C O N F I D E N T TALLINN 000233", a banner
      // too damaged to read, is not a third INFO addressee).
      if (c === C.R && RI_ADDRESS.test(text)) addressMode = pausedMode;
      else if (!isFormatLine(text)) inHeader = false;
      pausedMode = undefined;
    }
    const date = (c2 >= 97 ? c === C.M || c === C.T || c === C.W || c === C.F || c === C.S : mayStartDayInCapitals(c, c2)) ? DATE_LINE.exec(text) : null;
    if (date) {
      kinds[i] = 'preamble';
      preamble.push(dateLine(i, text, parseInt(date[3], 10), MONTH_NAMES.indexOf(date[2].toUpperCase()) + 1, parseInt(date[1], 10)));
      continue;
    }
    const group = !inHeader && isDigit(c) && isDigit(c2) ? DTG_DATE_LINE.exec(text) : null;
    if (group) {
      kinds[i] = 'preamble';
      preamble.push(dtgDateLine(i, text, group));
      continue;
    }
    if (c === C.T && c2 === 104 && PUBLISHER_NOTE.test(text)) {
      kinds[i] = 'preamble';
      preamble.push({ kind: 'publisher-note', token: trimmedToken(i, text) });
      continue;
    }
    if (!inHeader && mayBeExportMetadata(c) && EXPORT_METADATA.test(text)) {
      kinds[i] = 'preamble';
      preamble.push({ kind: 'export-metadata', token: trimmedToken(i, text) });
      continue;
    }
    if (!inHeader && !startsHeader(text, lead) && !(c === C.D && DE_START.test(text))) {
      kinds[i] = 'preamble';
      const trimmed = text.trim();
      preamble.push({
        kind: TITLE.test(trimmed) ? 'title' : 'editorial',
        token: trimmedToken(i, text),
      });
      continue;
    }
    inHeader = true;
    kinds[i] = 'header';
    // The whole line's range, shared by the header line and an addressee that fills the line.
    const lineRange = range(i, 0, text.length);

    // Old printout distribution blocks.
    const capitalOrDigit = isCapital(c) || isDigit(c);
    const distribution =
      ((c === C.I || c === C.A || c === C.D || c === C.Dash) && mayBeDistribution(text) && DISTRIBUTION.test(text)) ||
      (inDistribution && capitalOrDigit && ((lead > 0 && DISTRIBUTION_CONTINUATION.test(text)) || (isCapital(c) && DISTRIBUTION_CODE.test(text))));
    if (distribution) {
      inDistribution = c !== C.Dash || !DASHES.test(text);
      kinds[i] = 'distribution';
      headerLines.push({ kind: 'distribution', line: i, range: lineRange, parsed: true });
      continue;
    }
    if (lastKind === undefined && isCapital(c) && DISTRIBUTION_CODE.test(text)) {
      // "TED1302" before "ACTION NEA-00".
      kinds[i] = 'distribution';
      headerLines.push({ kind: 'distribution', line: i, range: lineRange, parsed: true });
      continue;
    }
    inDistribution = false;

    let kind: HeaderLineKind;
    let parsed = true;
    let m: RegExpExecArray | null = null;
    let meant: string | undefined;
    if (c === C.V && VZCZC.test(text)) {
      kind = 'transmission-id';
      parsed = b.transmissionId(i, text);
      addressMode = undefined;
    } else if (c === C.B && TRANSMISSION_END.test(text)) {
      kind = 'bt';
      b.bt.push(trimmedToken(i, text));
    } else if (c === C.N && TRANSMISSION_END.test(text)) {
      kind = 'nnnn';
      b.nnnn = trimmedToken(i, text);
    } else if (c === C.D && DE_START.test(text)) {
      kind = 'de';
      parsed = b.deLine(i, text);
      addressMode = undefined;
    } else if (c === C.Z && SECURITY.test(text)) {
      kind = 'security';
      parsed = b.securityLine(i, text);
      addressMode = undefined;
    } else if (isCapital(c) && isSpace(c2) && ((m = DTG_LINE.exec(text)) !== null || (meant = readMisreadDtg(text)) !== undefined || DTG_LOOSE.test(text))) {
      kind = 'dtg';
      // "P 031322Z SFP 09": a month one letter off one month alone, read as that month (readMisreadMonth).
      if (m !== null && !MONTHS.includes(m[4]) && (meant = readMisreadMonth(text, m)) !== undefined) m = DTG_LINE.exec(meant);
      // "P 11l453Z AUG O6": read as the group meant, its tokens as written; CBL001 reports it (DtgLine.misread).
      else if (m === null && meant !== undefined) m = DTG_LINE.exec(meant);
      parsed = b.dtgLine(i, text, m, m !== null ? meant : undefined);
      addressMode = undefined;
    } else if (c === c2 && (c === C.Z || c === C.O || c === C.P || c === C.R || c === C.Y) && !b.routing && (m = ROUTING.exec(text)) !== null) {
      kind = 'routing';
      parsed = b.routingLine(i, text, m);
    } else if (lastKind === 'routing' && c === C.R && ROUTING_CONTINUATION.test(text)) {
      // Line 2 wrapped: "RUEHDU RUEHKUK RUEHMR".
      kind = 'routing';
      b.routingContinuation(i, text);
    } else if (c === C.F && (m = FM.exec(text)) !== null) {
      kind = 'from';
      b.fromLine(i, text, m);
      addressMode = undefined;
    } else if ((c === C.T || c === C.I || c === C.X) && (m = ADDRESS_KEYWORD.exec(text)) !== null) {
      const keyword = upperCase(m[1]) as 'TO' | 'INFO' | 'XMT';
      kind = keyword === 'TO' ? 'to' : keyword === 'INFO' ? 'info' : 'xmt';
      addressMode = kind;
      parsed = b.addressee(i, text, addressMode, true, lineRange);
    } else if (addressMode) {
      kind = 'addressee';
      parsed = b.addressee(i, text, addressMode, false, lineRange);
    } else {
      kind = 'unknown';
      parsed = false;
    }
    if (kind !== 'unknown' && kind !== 'addressee') lastKind = kind;
    headerLines.push({ kind, line: i, range: lineRange, parsed });
  }

  if (headerLines.length === 0) return { preamble, oldPageHeaders: [] };
  checkOrder(headerLines, b, problems, lines);
  const first = headerLines[0];
  const last = headerLines[headerLines.length - 1];
  const header: TransmissionHeader = {
    range: spanRange(first.line, 0, last.line, lines[last.line].length),
    lines: headerLines,
    transmissionId: b.transmissionIdToken,
    routing: b.routing,
    de: b.de,
    security: b.security,
    dtg: b.dtg,
    from: b.from,
    to: b.to,
    info: b.info,
    xmt: b.xmt,
    bt: b.bt,
    nnnn: b.nnnn,
  };
  return { preamble, header, oldPageHeaders: b.oldPageHeaders ?? [] };
}

/** Records `header-order` problems: format lines out of order, or missing between present ones. */
function checkOrder(headerLines: readonly HeaderLine[], b: HeaderBuilder, problems: ParseProblem[], lines: readonly string[]): void {
  let highest = 0;
  // The kind of the line that set `highest`: its name is written only into a problem.
  let highestKind = '';
  const seen = new Set<number>();
  for (const hl of headerLines) {
    const ordinal = orderOf(hl.kind);
    if (ordinal === undefined) continue;
    // A second INFO or TO block is allowed; only a step back to an earlier format line is out of order.
    if (ordinal < highest && !(ordinal >= 7 && highest >= 7)) {
      problems.push({
        rule: 'header-order',
        kind: 'out-of-order',
        message: `The ${ORDER_NAMES[ordinal] ?? hl.kind + ' line'} comes after the ${ORDER_NAMES[highest] ?? `${upperCase(highestKind)} line`}; format lines run VZCZC, routing, DE, ZNY/ZNR, DTG, FM, TO, INFO.`,
        range: range(hl.line, 0, lines[hl.line].length),
      });
    }
    if (ordinal > highest) {
      highest = ordinal;
      highestKind = hl.kind;
    }
    seen.add(ordinal);
  }
  // A header that starts with VZCZC carries every format line through TO; partial copies
  // (only "DE" and the DTG survive) are checked for order alone.
  if (!b.transmissionIdToken) return;
  const firstLine = headerLines.find((h) => h.kind === 'transmission-id') ?? headerLines[0];
  // One problem names every line missing: "VZCZCXRO5521" typed alone lacks six, and one finding that lists them reads
  // better than six on one line.
  const missing: string[] = [];
  for (let ordinal = 2; ordinal <= 7; ordinal++) if (!seen.has(ordinal)) missing.push(`the ${ORDER_NAMES[ordinal]}`);
  if (missing.length === 0) return;
  problems.push({
    rule: 'header-order',
    message:
      missing.length === 1
        ? `The transmission header has no ${missing[0].slice(4)}.`
        : `The transmission header lacks ${missing.length} format lines: ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}.`,
    range: range(firstLine.line, 0, lines[firstLine.line].length),
  });
}

/** A token for the line without its surrounding white space. */
function trimmedToken(line: number, text: string): Token {
  const start = skipSpaces(text);
  return token(line, text, start, Math.max(start, trimEndOffset(text)));
}

/** White-space separated words of a line with their offsets. */
export function words(text: string, from = 0): { text: string; start: number; end: number }[] {
  const result: { text: string; start: number; end: number }[] = [];
  let i = from;
  // A call for each run of white space and each word, not for each character (cablelint runs without inlining).
  for (;;) {
    i = skipSpaces(text, i);
    if (i >= text.length) return result;
    const start = i;
    i = wordEnd(text, i);
    result.push({ text: text.slice(start, i), start, end: i });
  }
}

/**
 * The groups after `from` on a header line, each a token: words, and a parenthesis with all it holds
 * ("ZZH (CCY AD40E4BD MSI7190-632)", also glued as "ZZH(CCY …)") up to its ")" or the line's end.
 */
function trailingGroups(line: number, text: string, from: number): Token[] {
  const result: Token[] = [];
  let i = from;
  for (;;) {
    i = skipSpaces(text, i);
    if (i >= text.length) return result;
    const start = i;
    if (text.charCodeAt(i) === 40 /* ( */) {
      const close = text.indexOf(')', i);
      i = close < 0 ? trimEndOffset(text) : close + 1;
    } else {
      while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 40 /* ( */) i++;
    }
    result.push(token(line, text, start, i));
  }
}

/** Collects the parts of a header while its lines are read. */
class HeaderBuilder {
  transmissionIdToken?: Token;
  routing?: RoutingLine;
  de?: DeLine;
  security?: SecurityLine;
  dtg?: DtgLine;
  from?: TransmissionHeader['from'];
  readonly to: Addressee[] = [];
  readonly info: Addressee[] = [];
  readonly xmt: Addressee[] = [];
  readonly bt: Token[] = [];
  nnnn?: Token;
  #routingIndicators: Token[] = [];
  /** A keyword a printout's page header followed on its line ("INFO PAGE 02 …"), kept for the next addressee. */
  #pendingKeyword?: Token;
  /**
   * The printout page headers read after an address keyword ("INFO PAGE 02 STATE 037566 161435Z"), made at the first: an
   * empty array made here and pushed into later met the optimized `addressee` with another map than it was compiled for.
   */
  oldPageHeaders?: OldPageHeader[];

  constructor(private readonly problems: ParseProblem[]) {}

  #malformed(line: number, text: string, message: string): false {
    this.problems.push({ rule: 'header-line-malformed', message, range: range(line, 0, trimEndOffset(text)) });
    return false;
  }

  #checkRi(line: number, text: string, start: number, end: number, where: string): Token {
    const t = token(line, text, start, end);
    if (!isRoutingIndicator(text, start, end)) this.#badRi(t, where);
    return t;
  }

  /** Reports a malformed routing indicator: apart from {@link #checkRi}, which the hot `addressee` inlines. */
  #badRi(t: Token, where: string): void {
    this.problems.push({
      rule: 'routing-indicator-malformed',
      message: `Routing indicator '${t.text}' in the ${where} is not 5 to 8 capital letters starting with R.`,
      range: t.range,
    });
  }

  transmissionId(line: number, text: string): boolean {
    const t = trimmedToken(line, text);
    // "VZCZCXRO7165": VZCZC, three letters, four digits.
    const first = FIRST_WORD.exec(t.text)?.[0] ?? t.text;
    this.transmissionIdToken = token(line, text, t.range.start.character, t.range.start.character + first.length);
    if (!TRANSMISSION_ID.test(first)) {
      return this.#malformed(line, text, `Transmission identification '${first}' is not VZCZC, three letters and four digits.`);
    }
    return true;
  }

  routingLine(line: number, text: string, m: RegExpExecArray): boolean {
    const start = text.indexOf(m[1]);
    const pair = token(line, text, start, start + 2);
    // A loop, not `map`: an optimized `map` makes a holey array where the interpreter's is packed, and the `length` read
    // below deoptimized on the map it had not met.
    const ris: Token[] = [];
    for (const w of words(text, start + 2)) ris.push(this.#checkRi(line, text, w.start, w.end, 'routing line'));
    this.#routingIndicators = ris;
    this.routing = {
      range: range(line, start, trimEndOffset(text)),
      pair,
      precedence: precedenceFromLetter(m[1][0]),
      routingIndicators: this.#routingIndicators,
    };
    if (ris.length === 0) return this.#malformed(line, text, `Precedence pair '${m[1]}' has no routing indicator after it.`);
    return true;
  }

  routingContinuation(line: number, text: string): void {
    for (const w of words(text)) this.#routingIndicators.push(this.#checkRi(line, text, w.start, w.end, 'routing line'));
    if (this.routing) this.routing = { ...this.routing, range: spanRange(this.routing.range.start.line, this.routing.range.start.character, line, trimEndOffset(text)) };
  }

  deLine(line: number, text: string): boolean {
    const start = text.indexOf('DE');
    const prosign = token(line, text, start, start + 2);
    const ws = words(text, start + 2);
    const de: { -readonly [K in keyof DeLine]: DeLine[K] } = { range: range(line, start, trimEndOffset(text)), prosign };
    this.de = de;
    // "DE RUEHFR #0708/01 1480849"
    if (ws.length >= 1) de.station = this.#checkRi(line, text, ws[0].start, ws[0].end, 'DE line');
    const serialWord = ws.find((w) => w.text.startsWith('#'));
    let ok = ws.length === 3 && serialWord === ws[1];
    const timeWord = ws.length >= 3 ? ws[2] : undefined;
    // "DE RUEHAK #O146/0l 223l453": a letter l or I for the digit 1, or O for 0, in the serial, section or time, read as the
    // digits meant at the same offsets; the tokens keep the text as written and CBL001 reports it (DeLine.misread).
    let serialText = serialWord?.text;
    let timeText = timeWord?.text;
    if (ok && serialWord && timeWord && (!DE_SERIAL.test(serialWord.text) || !DE_TIME.test(timeWord.text))) {
      const serialMeant = '#' + serialDigits(serialWord.text.slice(1));
      const timeMeant = serialDigits(timeWord.text);
      if ((serialMeant !== serialWord.text || timeMeant !== timeWord.text) && DE_SERIAL_MEANT.test(serialMeant) && DE_TIME.test(timeMeant)) {
        serialText = serialMeant;
        timeText = timeMeant;
        de.misread = {
          range: range(line, serialWord.start, timeWord.end),
          text: text.slice(serialWord.start, timeWord.end),
          meant: serialMeant + text.slice(serialWord.end, timeWord.start) + timeMeant,
        };
      }
    }
    if (serialWord && serialText !== undefined) {
      const sm = DE_SERIAL.exec(serialText);
      if (sm) {
        de.serial = numberToken(line, text, serialWord.start + 1, serialWord.start + 1 + sm[1].length, Number(sm[1]));
        if (sm[2] !== undefined) {
          const sectionStart = serialWord.start + 2 + sm[1].length;
          de.section = numberToken(line, text, sectionStart, sectionStart + sm[2].length, Number(sm[2]));
        }
      } else ok = false;
    }
    if (timeWord && timeText !== undefined && DE_TIME.test(timeText)) {
      de.julianDay = numberToken(line, text, timeWord.start, timeWord.start + 3, Number(timeText.slice(0, 3)));
      de.time = numberToken(line, text, timeWord.start + 3, timeWord.end, Number(timeText.slice(3)));
    } else ok = false;
    if (!ok) return this.#malformed(line, text, "DE line does not read 'DE <routing indicator> #<serial>[/<section>] <DDDHHMM>'.");
    return true;
  }

  securityLine(line: number, text: string): boolean {
    const ws = words(text);
    const prosign = token(line, text, ws[0].start, ws[0].end);
    const security: { -readonly [K in keyof SecurityLine]: SecurityLine[K] } = {
      range: range(line, ws[0].start, trimEndOffset(text)),
      prosign,
      trailing: [],
    };
    this.security = security;
    let ok = ws.length >= 2;
    let short = false;
    if (ws.length >= 2) {
      // "SSSSS", "CCCCC/AAAAA" (SPECAT).
      const gm = SECURITY_GROUP.exec(ws[1].text);
      if (gm) {
        const slash = ws[1].text.indexOf('/');
        const groupEnd = slash >= 0 ? ws[1].start + slash : ws[1].end;
        security.group = token(line, text, ws[1].start, groupEnd);
        if (groupEnd < ws[1].end) security.specat = token(line, text, groupEnd, ws[1].end);
        const letter = gm[1];
        security.groupLevel = letter === 'E' ? 'EFTO' : levelFromLetter(letter);
        if (!security.groupLevel) ok = false;
        // A group repeats its letter five times; no real cable has four ("ZNY CCCC ZZH"), but the letter still names the level.
        else short = groupEnd - ws[1].start !== 5 || (security.specat !== undefined && security.specat.text.length !== 6);
      } else ok = false;
      security.trailing = trailingGroups(line, text, ws[1].end);
    }
    if (!ok) return this.#malformed(line, text, `Security line does not read '${prosign.text} <group> ZZH' with a group such as SSSSS, CCCCC or UUUUU.`);
    if (short) return this.#malformed(line, text, `Security group '${ws[1].text}' does not repeat its letter five times as SSSSS, CCCCC or UUUUU do; read as ${security.groupLevel}.`);
    return true;
  }

  dtgLine(line: number, text: string, m: RegExpExecArray | null, meant?: string): boolean {
    if (!m) {
      const start = skipSpaces(text);
      this.dtg = { range: range(line, start, trimEndOffset(text)), prosigns: [token(line, text, start, start + 1)], precedences: [precedenceFromLetter(text[start])] };
      return this.#malformed(line, text, "Precedence and date-time group do not read '<prosign> DDHHMMZ MON YY'.");
    }
    const ws = words(text);
    // Loops, not `map`: an optimized `map` makes a holey array where the interpreter's is packed, which deoptimized the
    // second `map` (and gave the model's arrays two maps).
    const prosigns: Token[] = [];
    const precedences: (Precedence | undefined)[] = [];
    for (let k = 0; k < (m[2] !== undefined ? 2 : 1) && k < ws.length; k++) {
      const p = token(line, text, ws[k].start, ws[k].end);
      prosigns.push(p);
      precedences.push(precedenceFromLetter(p.text));
    }
    const dtgStart = (meant ?? text).indexOf(m[3]);
    const dtgEnd = m.index + m[0].length - m[6].length;
    const dtgToken = token(line, text, dtgStart, dtgEnd);
    const group = decodeDtg(dtgToken, m[3], m[4], m[5]);
    const dtg: { -readonly [K in keyof DtgLine]: DtgLine[K] } = {
      range: range(line, ws[0].start, trimEndOffset(text)),
      prosigns,
      precedences,
      dtg: group,
    };
    // "O 071830Z SEP 07 ZDK": groups after the DTG.
    const trailing = trailingGroups(line, text, dtgEnd);
    if (trailing.length > 0) dtg.trailing = trailing;
    if (meant !== undefined) dtg.misread = meant.slice(dtgStart, dtgEnd);
    this.dtg = dtg;
    let ok = true;
    for (const p of prosigns) {
      if (!precedenceFromLetter(p.text)) ok = this.#malformed(line, text, `'${p.text}' is not a precedence prosign (Z, O, P, R or Y).`);
    }
    return ok;
  }

  fromLine(line: number, text: string, m: RegExpExecArray): void {
    const start = text.indexOf('FM');
    const addressStart = text.indexOf(m[1], start + 2);
    this.from = {
      keyword: token(line, text, start, start + 2),
      address: token(line, text, addressStart, trimEndOffset(text)),
      range: range(line, start, trimEndOffset(text)),
    };
  }

  /**
   * Reads a printout's page header at `pos` after an address keyword and keeps the keyword for the next addressee; false
   * where there is none. Out of {@link addressee}, which is compiled for every cold run and meets one rarely: its code there
   * made the largest optimizing compile of a pass, and its first use, after that compile, a deoptimization.
   */
  #oldPageHeader(line: number, text: string, pos: number, keyword: Token | undefined): boolean {
    const old = findOldPageHeader(line, text, pos);
    if (old === undefined) return false;
    if (this.oldPageHeaders === undefined) this.oldPageHeaders = [old];
    else this.oldPageHeaders.push(old);
    this.#pendingKeyword = keyword;
    return true;
  }

  addressee(line: number, text: string, mode: 'to' | 'info' | 'xmt', withKeyword: boolean, lineRange: Range): boolean {
    const list = mode === 'to' ? this.to : mode === 'info' ? this.info : this.xmt;
    let pos = skipSpaces(text);
    const lineEnd = trimEndOffset(text);
    const addresseeRange = pos === 0 && lineEnd === text.length ? lineRange : range(line, pos, lineEnd);
    let keyword: Token | undefined;
    if (withKeyword) {
      let kwEnd = pos;
      while (kwEnd < text.length && !isSpace(text.charCodeAt(kwEnd))) kwEnd++;
      keyword = token(line, text, pos, kwEnd);
      pos = kwEnd;
      while (pos < text.length && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
    } else if (this.#pendingKeyword) keyword = this.#pendingKeyword;
    this.#pendingKeyword = undefined;
    // "INFO PAGE 02 STATE 037566 161435Z": a printout's page header after the keyword; the addressees follow,
    // and the first of them takes the keyword.
    if (withKeyword && text.charCodeAt(pos) === 80 /* P */ && this.#oldPageHeader(line, text, pos, keyword)) return true;
    // "ZEN/AMCONSUL …" marks an addressee not served by this transmission.
    let zen: Token | undefined;
    if (lineEnd - pos >= 4 && text.startsWith('ZEN/', pos)) {
      zen = token(line, text, pos, pos + 3);
      pos += 4;
    }
    // "RUEHC/SECSTATE WASHDC": three to nine letters or digits, then a slash.
    let routingIndicator: Token | undefined;
    let riEnd = pos;
    while (riEnd < lineEnd && riEnd - pos <= 9 && isAlnum(text.charCodeAt(riEnd))) riEnd++;
    if (riEnd - pos >= 3 && riEnd - pos <= 9 && riEnd < lineEnd && text.charCodeAt(riEnd) === 47 /* / */) {
      routingIndicator = this.#checkRi(line, text, pos, riEnd, 'address line');
      pos = riEnd + 1;
    }
    // "… PRIORITY 6320", "… IMMEDIATE 0140-0141", "… NIACT IMMEDIATE".
    let addressEnd = lineEnd;
    let serial: Token | undefined;
    const serialStart = trailingSerial(text, pos, addressEnd);
    if (serialStart >= 0) {
      serial = token(line, text, serialStart, addressEnd);
      addressEnd = serialStart - 1;
    }
    let precedence: Token | undefined;
    const precedenceStart = trailingPrecedence(text, pos, addressEnd);
    if (precedenceStart >= 0) {
      precedence = token(line, text, precedenceStart, addressEnd);
      addressEnd = precedenceStart - 1;
    }
    while (addressEnd > pos && text.charCodeAt(addressEnd - 1) === 32) addressEnd--;
    const address = addressEnd > pos ? token(line, text, pos, addressEnd) : undefined;
    // Every field in one literal, in one order, absent ones undefined: every addressee has one shape, and the code reading
    // them (CBL001, the hovers) one map to meet, where fields set one at a time as read gave 17.
    list.push({ range: addresseeRange, keyword, zen, routingIndicator, serial, precedence, address });
    return address !== undefined;
  }
}

/** True when the four characters at `at` are digits. */
function fourDigits(text: string, at: number): boolean {
  return isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
}

/**
 * The start of a serial ending at `end` ("6320", "0140-0141") after a white-space
 * character at or after `floor`, or -1.
 */
export function trailingSerial(text: string, floor: number, end: number): number {
  let start = end - 4;
  if (start - 1 < floor || !fourDigits(text, start)) return -1;
  if (start - 6 >= floor && text.charCodeAt(start - 1) === 45 /* - */ && fourDigits(text, start - 5) && isSpace(text.charCodeAt(start - 6))) start -= 5;
  return isSpace(text.charCodeAt(start - 1)) ? start : -1;
}

const PRECEDENCE_WORDS = ['NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH'];

/** The one-word precedences an addressee's line ends with, for {@link misspeltPrecedence}. */
const PRECEDENCE_SPELLINGS = ['IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH'];

/**
 * The precedence a word in capitals is a misspelling of ("PRIORTY", "IMEDIATE", "ROUITNE"): the one precedence word one or
 * two letters lost, added or changed, or two neighbours swapped, away from it (one, for a word of five letters or fewer:
 * "FLASH"); undefined for a precedence word itself, a word near none, or one near two.
 */
export function misspeltPrecedence(word: string): string | undefined {
  if (word.length < 4 || word.length > 11 || PRECEDENCE_SPELLINGS.includes(word)) return undefined;
  // Addresses end with a few words over and over ("WASHDC", "COLLECTIVE"): each is measured against the precedences once.
  let near = precedencesNear.get(word);
  if (near === undefined) {
    near = onlyWordNear(word, PRECEDENCE_SPELLINGS, (precedence) => (Math.min(word.length, precedence.length) <= 5 ? 1 : 2)) ?? null;
    if (precedencesNear.size >= MAX_PRECEDENCES_NEAR) precedencesNear.clear();
    // The word has at most 11 characters: a slice that short is a copy, which keeps no document alive (`ownCopy`).
    precedencesNear.set(word, near);
  }
  return near ?? undefined;
}

// The answers of misspeltPrecedence for the words met so far, `null` for a word near no precedence or near two. The
// cache is emptied when it fills.
const precedencesNear = new Map<string, string | null>();
const MAX_PRECEDENCES_NEAR = 1000;

/**
 * The start of a precedence word ending at `end` after a white-space character, or -1.
 * The longest word that fits is taken ("NIACT IMMEDIATE" over "IMMEDIATE"), and its
 * white space must lie at or after `floor`.
 */
export function trailingPrecedence(text: string, floor: number, end: number): number {
  for (const word of PRECEDENCE_WORDS) {
    const start = end - word.length;
    if (start >= 1 && isSpace(text.charCodeAt(start - 1)) && text.startsWith(word, start)) return start - 1 >= floor ? start : -1;
  }
  return -1;
}

/** Decodes `DDHHMMZ MON YY` into a {@link DateTimeGroup}. */
function decodeDtg(t: Token, ddhhmm: string, mon: string, yy: string): DateTimeGroup {
  const day = digitsValue(ddhhmm, 0, 2);
  const hour = digitsValue(ddhhmm, 2, 4);
  const minute = digitsValue(ddhhmm, 4, 6);
  const month = MONTHS.indexOf(upperCase(mon)) + 1;
  const year = fullYear(digitsNumber(yy));
  const valid = month > 0 && isRealDate(year, month, day) && hour <= 23 && minute <= 59;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    token: t,
    day,
    hour,
    minute,
    month,
    year,
    valid,
    iso: valid ? `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00Z` : undefined,
  };
}
