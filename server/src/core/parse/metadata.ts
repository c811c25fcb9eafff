/**
 * The metadata block after the banner: caveats and captions, office/passing
 * lines, E.O., TAGS, SUBJECT, REF and Classified By (FORMAT.md §4–5,
 * CORPUS-FINDINGS.md §3–7). Fields may wrap, share lines or come out of order.
 */
import { canonicalId, citedYear, fullYear, isRedactedPost, onlyCapitals, type CitingCable } from '../id';
import type {
  Banner,
  Caveat,
  CalendarDate,
  Citation,
  ClassifiedBy,
  Decl,
  DeclKind,
  EoLine,
  LineKind,
  PortionMarking,
  Position,
  Range,
  RefField,
  RefItem,
  RepeatedField,
  SubjectField,
  Tag,
  TagsField,
  Token,
} from '../model';
import type { LineShapes } from '../text';
import { BLOCK_LABELS, digitsNumber, editDistance, isAlnum, isDigit, isLetter, isSpace, markingStart, ownCopy, pos, range, skipSpaces, spanRange, token, trimEndOffset, union, upperCase, WHITE_RUNS } from '../text';
import { LONE_LEVEL, readRepeatedBanner, serialDigits } from './banner';
import { isItemMarking, isRuleChar, mergeLines, RULE_LINE } from './body';
import { KNOWN_TAGS } from '../tagCodes';
import { isRealDate, MONTH_NAMES as MONTHS } from './header';
import { endingMarking, parsePortionMarking } from './marking';
import { findOldPageHeader, findPageLines } from './pages';
import { PAGE } from './hints';
import type { LineHints } from './hints';

// ---------------------------------------------------------------------------
// Caveats

/** Caveats and captions, longest first so that "SENSITIVE BUT UNCLASSIFIED" wins over "SENSITIVE". */
const CAVEATS = [
  'NOT FOR INTERNET DISTRIBUTION',
  'SENSITIVE BUT UNCLASSIFIED',
  'SBU DELIBERATIVE PROCESS',
  'INFORM ALL STATE EMPLOYEES',
  'FOR OFFICIAL USE ONLY',
  'AGREMENT CHANNEL',
  'DIRGEN CHANNEL',
  'INFORM CONSULS',
  'DEA SENSITIVE',
  'EYES ONLY',
  'SENSITIVE',
  'CHEROKEE',
  'PROPIN',
  'RELIDO',
  'NOFORN',
  'SIPDIS',
  'SPECAT',
  'STADIS',
  'LIMDIS',
  'CONDIS',
  'ORCON',
  'EXDIS',
  'NODIS',
  'AIDAC',
  'ROGER',
  'FOUO',
  'SBU',
];

/** Normal forms: "SECRET//NOFORN" and "SECRET NOFORN" give NOFORN. */
const CAVEAT_ALIASES: ReadonlyMap<string, string> = new Map([['NF', 'NOFORN']]);

const CAVEAT_SOURCE = `(?:${CAVEATS.map((c) => c.replace(/ /g, '\\s+')).join('|')})(?![A-Za-z])`;
const CAVEAT_RE = new RegExp(`^${CAVEAT_SOURCE}`, 'i');
// The same, read at a given offset of a line that ends where the caveats end.
const CAVEAT_AT = new RegExp(CAVEAT_SOURCE, 'iy');
// The level before caveats on their own line: "SECRET//NOFORN", "SECRET/NOFORN" (one slash, as in a portion marking).
const LEVEL_PREFIX_SOURCE = '(?:TOP\\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)(?:\\s*\\/\\/?\\s*|\\s+)(?=[A-Za-z])';
const LEVEL_PREFIX = new RegExp(`^${LEVEL_PREFIX_SOURCE}`, 'i');
const LEVEL_PREFIX_AT = new RegExp(LEVEL_PREFIX_SOURCE, 'iy');

/** The length of a match of `sticky` at `pos`, or of `anchored` in `text.slice(pos, to)`; -1 when there is none. */
function matchLengthAt(text: string, pos: number, to: number, anchored: RegExp, sticky: RegExp): number {
  if (to === text.length) {
    sticky.lastIndex = pos;
    const m = sticky.exec(text);
    return m ? m[0].length : -1;
  }
  const m = anchored.exec(text.slice(pos, to));
  return m ? m[0].length : -1;
}

/** Separators between caveats: white space, ",", ";" and "/". */
function isCaveatSeparator(c: number): boolean {
  return c === 44 || c === 59 || c === 47 || isSpace(c);
}

// Normal forms of the caveats met so far, by their text ("Sipdis" → "SIPDIS", "NOT FOR  INTERNET …").
const caveatNames = new Map<string, string>();

/** The normal form of a caveat as written: upper case, single-spaced, "NF" read as NOFORN. */
function caveatName(written: string): string {
  let name = caveatNames.get(written);
  if (name === undefined) {
    // "NOT FOR INTERNET DISTRIBUTION" is a slice of the document, and its name may be that slice itself when it needs no
    // change: the cache keeps copies, not the document.
    const spaced = ownCopy(written.toUpperCase().replace(WHITE_RUNS, ' '));
    name = CAVEAT_ALIASES.get(spaced) ?? spaced;
    if (caveatNames.size >= 1000) caveatNames.clear();
    caveatNames.set(ownCopy(written), name);
  }
  return name;
}

/**
 * Reads a line made only of caveats (`SIPDIS`, `NOFORN SIPDIS`, `NOFORN, NOT FOR
 * INTERNET DISTRIBUTION`, `SECRET//NOFORN`, `Sipdis`). Returns undefined when
 * anything else is on the line.
 */
export function parseCaveatLine(line: number, text: string, from = 0, to = text.length): Caveat[] | undefined {
  const result: Caveat[] = [];
  let pos = from;
  while (pos < to && isCaveatSeparator(text.charCodeAt(pos))) pos++;
  // "SECRET//NOFORN": the level before a caveat on its own line repeats the banner.
  const l = pos < to ? text.charCodeAt(pos) | 32 : 0;
  let level = 0;
  if (l === 116 || l === 115 || l === 99 || l === 117) {
    level = matchLengthAt(text, pos, to, LEVEL_PREFIX, LEVEL_PREFIX_AT);
    if (level > 0) pos += level;
  }
  while (pos < to) {
    const length = matchLengthAt(text, pos, to, CAVEAT_RE, CAVEAT_AT);
    if (length < 0) {
      // "SECRET//REL SAU": after the level, as in a portion marking, REL needs no TO.
      const rel = (level > 0 ? REL_LINE : REL_TO_LINE).exec(text.slice(pos, Math.min(to, pos + 100)).trimEnd());
      if (rel) {
        result.push({ token: token(line, text, pos, pos + rel[0].length), name: rel[0].toUpperCase().replace(WHITE_RUNS, ' ') });
        pos += rel[0].length;
        while (pos < to && isCaveatSeparator(text.charCodeAt(pos))) pos++;
        continue;
      }
      return undefined;
    }
    const t = token(line, text, pos, pos + length);
    result.push({ token: t, name: caveatName(t.text) });
    pos += length;
    while (pos < to && isCaveatSeparator(text.charCodeAt(pos))) pos++;
  }
  return result.length > 0 ? result : undefined;
}

/** "C O R R E C T E D C O P Y (ADDED TAGS)", "CORRECTED COPY", and "C O R R E C T COPY - ADDRESSEES ADDED" with "CORRECTED" spelt short. */
const CORRECTED_COPY = /^\s*C\s?O\s?R\s?R\s?E\s?C\s?T(?:\s?E\s?D)?\s+C\s?O\s?P\s?Y\b/i;

/**
 * What a corrected-copy notice says was corrected: its words after "CORRECTED COPY", without the brackets, slashes,
 * dashes and white space around them ("C O R R E C T E D C O P Y (ADDED TAGS)" → "ADDED TAGS", "C O R R E C T E D
 * COPY//SUBJECT LINE//////" → "SUBJECT LINE", "CORRECTED COPY -TEXT" → "TEXT"), "" when it says nothing more, or
 * undefined when `text` is no such notice. The parser keeps the notices under the banner (`Cable.correctedCopy`); one
 * above the banner is a preamble line of kind `editorial`.
 */
export function correctedCopyReason(text: string): string | undefined {
  const m = CORRECTED_COPY.exec(text);
  if (!m) return undefined;
  let start = m[0].length;
  let end = text.length;
  while (start < end && isNoticePunctuation(text.charCodeAt(start))) start++;
  while (end > start && isNoticePunctuation(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Words that say what a corrected copy corrected, on the line under a notice that says nothing more: "… MISMATCH ERROR IN PARAGRAPH 8". */
const CORRECTION_WORDS = /\b(?:ERRORS?|MISMATCH(?:ED)?|MISSING|OMITTED|ADDED|DELETED|CORRECT(?:ED|IONS?)|INCORRECT|WRONG|MISSPELL(?:ED|ING)|TYPOS?)\b/i;

/** White space and the marks around a corrected-copy notice's words: ( ) / - . : and dashes. */
function isNoticePunctuation(c: number): boolean {
  return c <= 32 || c === 40 || c === 41 || c === 47 || c === 45 || c === 46 || c === 58 || c === 0x2013 || c === 0x2014 || c === 0xa0;
}

// "REL TO USA, GBR" as a caveat line.
const REL_TO_LINE = /^REL TO [A-Z, ]{1,80}$/i;
// "REL SAU" or "REL TO SAU" after the level on a caveat line ("SECRET//REL SAU", 08STATE128877).
const REL_LINE = /^REL (?:TO )?[A-Z, ]{1,80}$/i;
// "TAGS (…)" is prose about tags, not the field.
const TAGS_PAREN = /^\s*TAGS?\s*\(/;
// "REF A …" without a colon still opens the field.
const REF_LETTERED = /^\s*REF\s+[A-Z]\b/;
// An E.O. order after these words belongs to a Classified By.
const REASON_WORDS = /classified|derived|reason/i;
const CLASSIFIED_BY = /Classified\s+by/i;
const CLASSIFIED_BY_OPENS = /^\s*(?:\(U\)\s*)?(?:\u00B6\s?1\.\s*(?:\(U\)\s*)?)?Classified\s+by/i;
// A name after a person tag: five or more letters, apostrophes or hyphens.
const NAME_WORD = /^[A-Za-z'-]{5,}$/;
// "REF: REF (A) MADRID 3785": a repeated keyword.
const REF_AGAIN = /^\s*REF\s+(?=\()/;
// "REF: NONE", "REF: N/A".
const REF_NONE = /^\s*(?:NONE|N\/A)\.?\s*$/i;
// "1.4(C)." alone on a line after a blank one.
const REASON_ALONE = /^\s*(?:E\.O\.\s*12958\s*)?1\s?[.:/,]\s?[45]/;
// Words a citation's post never is.
const NOT_POSTS: ReadonlySet<string> = new Set([
  ...['DTG', 'PARA', 'PARAS', 'PARAGRAPH', 'PAGE', 'SECTION', 'NO', 'NUMBER', 'FAM', 'FAH'],
  // "SEPTEMBER 2007", "SEPT 20": dates.
  ...MONTHS,
  ...MONTHS.map((m) => m.slice(0, 3)),
  'SEPT',
]);
// "DECL:", "decl:", "DECLl:", "Declassify on".
const DECL_KEYWORD = /^(DECL[A-Za-z]?\s*:|Declassify\s+on\b\s*:?|DECL\b)\s*/i;

// ---------------------------------------------------------------------------
// Field keywords

/** Which field a keyword opens. */
export type Field = 'eo' | 'tags' | 'subject' | 'ref' | 'clby';

interface KeywordHit {
  readonly field: Field;
  /** Start of the keyword. */
  readonly start: number;
  /** End of the keyword (after its colon). */
  readonly end: number;
}

// "E.O. 12958", "EO 12958", "E.o. 12958", "E.0. 12958", "E.O 12958", "E.O.12356", and "E. O. 12958" with a space typed
// after the first full stop (CBL049 reports it).
// "E.O. l2958", "E.O. I2958", "E.O. 12O65": an order of five with a letter l or I typed or scanned for the digit 1, or O for
// 0, three digits or more among them (misreadOrder; CBL013 reports it), which lost the whole E.O. line before.
const EO_KW = /(?<![A-Za-z0-9])([Ee](?:\. ?)?[Oo0]\.?)\s*(?=\d{4,6}(?![0-9])|[\dlIO]{5}(?![0-9A-Za-z]))/g;
// The E.O. label written again after the order, with its own order and colon: "E.O. 12958: E.O. 12958: DECL: …".
const EO_AGAIN = /[Ee](?:\. ?)?[Oo0]\.?\s*(\d{4,6})(?![0-9])\s*:?/y;
// "TAGS; PREL …", "TAGS. PREL …": a semicolon or a full stop for the colon is the keyword's too (CBL049 reports it).
// Not "TAG5:" nor "TAG S:", a TAGS label with its S scanned as a 5 or split off by a stray space, which misspeltLabel reads
// (the keyword was "TAG", the field's text "5: PREL …", with nothing said).
export const TAGS_AT_START = /^(\s*)(TAGS?|Tags?|tags?)(?![A-Za-z0-9]| [Ss]\s*[:;])\s*[:;.]?/;
// In small letters only with its colon ("e.o. 12958: decl: 03/07/2019 tags: prel"), where "tags" without one is a word.
const TAGS_MID = /(?<![A-Za-z])(?:(?:TAGS?|Tags)(?:\s*:|(?=\s+[A-Za-z]{2,}))|tags?\s*:)/g;
export const SUBJECT_KW = /(?<![A-Za-z])(SUBJECT|Subject|subject|SUBJ|Subj)\s*:/g;
// "SUBJECT; …", "REF; A. …": a semicolon typed or scanned for the colon is the keyword's too, not the field's text, and so
// is a full stop after SUBJECT ("SUBJECT. FERRY TALKS").
// In small letters, as a transcriber may type it, only with its colon: "subject: ferry talks".
// Not "SUBJ ECT:", the SUBJECT label split by a stray space, which misspeltLabel reads (the keyword was "SUBJ", the subject
// "ECT: …").
export const SUBJECT_AT_START = /^(\s*)(?:(?:SUBJECT|Subject|SUBJ(?! ECT\s*[:;]))(?![A-Za-z])\s*[:;.]?|(?:subject|subj)\s*[:;])/;
export const REF_AT_START = /^(\s*)(REFTEL|REFS|REF|Refs|Ref|Reftel|reftel|refs|ref)(?![A-Za-z])\s*[:;]?/;
const REF_MID = /(?<![A-Za-z])(REFTEL|REFS|REF)\s*:/g;
// "Classified By; …": a semicolon for the colon is the keyword's too (CBL049 reports it).
export const CLBY_KW = /(?<![A-Za-z])(Classified\s+By|Derived\s+From)(?![A-Za-z])\s*[:;]?/gi;

/**
 * True when `keyword`, a field's label as the parser took it (`SUBJECT:`, `Tags`, `REF;`, `Classified by`, `SUBJECT: SUBJECT:`),
 * is spelt as the keyword patterns above read it, and false for one {@link misspeltLabel} read with a character wrong, two
 * swapped or one lost (`SUBIECT:`, `TACS`, `Classifed By:`): the patterns are the one definition of the right spellings,
 * which CBL049 asks.
 */
export function labelSpeltRight(field: Field, keyword: string): boolean {
  switch (field) {
    case 'tags':
      return TAGS_AT_START.test(keyword) || matchesAtStart(TAGS_MID, keyword);
    case 'subject':
      return SUBJECT_AT_START.test(keyword) || matchesAtStart(SUBJECT_KW, keyword);
    case 'ref':
      return REF_AT_START.test(keyword) || matchesAtStart(REF_MID, keyword);
    case 'clby':
      return matchesAtStart(CLBY_KW, keyword);
    case 'eo':
      return true;
  }
}

/** True when the global pattern `re` matches `text` at its start (its `lastIndex` is left at 0, as {@link findKeywords} sets it). */
function matchesAtStart(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m !== null && m.index === 0;
}

// A line that can only come after the banner: the metadata fields and numbered paragraphs.
export const AFTER_BANNER = /^\s*(?:E(?:\. ?)?[O0]\.?\s*\d{5}|TAGS?\b\s*:?|SUBJECT\s*:|REF\s*:|Classified\s+By)/i;

/** True when a line whose first two characters are `c` and `c2` can open one of the fields of {@link AFTER_BANNER}. */
export function mayOpenField(c: number, c2: number): boolean {
  const l = c | 32;
  const l2 = c2 | 32;
  if (l === 101 /* e */) return c2 === 46 /* . */ || c2 === 48 /* 0 */ || l2 === 111 /* o */;
  return (l === 116 && l2 === 97) || (l === 115 && l2 === 117) || (l === 114 && l2 === 101) || (l === 99 && l2 === 108);
}

/**
 * Paragraph markers, for where the metadata ends: "¶1.", "¶ 1.", "1.(C)", "1. (S/NF)"; and before a marking, those typed or
 * scanned with a letter for the pilcrow or the digit 1, or a comma for the full stop (CBL046): "P1. (C)", "q1. (C)", "l. (C)",
 * "l2. (C)", "¶1, (C)", and "P1. Classified by …". "I. (C)" alone may be a REF item's letter I, and stays in the field.
 */
const PARAGRAPH_START = /^\s*(?:\u00B6\s?\d{1,3}(?:\s?\.|\s*\(|,\s*\()|\d{1,3}\.{1,2}\s*\(|[Pq]\d{1,3}\.\s*(?:\(|Classified\s)|l\.\s*\(|[lI]\d{1,2}\.\s*\()/;

/** {@link PARAGRAPH_START}, tried only when the first non-space character `c` is "¶", a digit, "P", "q", "l" or "I". */
export function startsParagraph(text: string, c: number): boolean {
  return (c === 182 || isDigit(c) || c === 80 /* P */ || c === 113 /* q */ || c === 108 /* l */ || c === 73) /* I */ && PARAGRAPH_START.test(text);
}

/** Finds field keywords on a line whose first non-space character is at `lead`. */
function findKeywords(text: string, lead: number, seen: ReadonlySet<Field>): KeywordHit[] {
  const hits: KeywordHit[] = [];
  let eo = false;
  let subject = false;
  // Keywords that are only recognised at the start of a line, tried by their first letter.
  const first = text.charCodeAt(lead) | 32;
  // The second letter too: "TA", "SU", "RE" in either case.
  const second = text.charCodeAt(lead + 1) | 32;
  let m: RegExpExecArray | null;
  if (first === 116 /* t */ && second === 97 /* a */ && (m = TAGS_AT_START.exec(text)) !== null && !TAGS_PAREN.test(text)) {
    hits.push({ field: 'tags', start: m[1].length, end: m[0].length });
  } else if (first === 115 /* s */ && second === 117 /* u */ && (m = SUBJECT_AT_START.exec(text)) !== null) {
    hits.push({ field: 'subject', start: m[1].length, end: m[0].length });
    subject = true;
  } else if (first === 114 /* r */ && second === 101 /* e */ && (m = REF_AT_START.exec(text)) !== null && (m[0].indexOf(':') >= 0 || m[0].indexOf(';') >= 0 || REF_LETTERED.test(text))) {
    hits.push({ field: 'ref', start: m[1].length, end: m[0].length });
  }
  // "e.o. 12958: decl: …" in small letters, as a transcriber may type it.
  if (!seen.has('eo') && (text.indexOf('E') >= 0 || text.indexOf('e') >= 0)) {
    EO_KW.lastIndex = 0;
    if ((m = EO_KW.exec(text)) !== null) {
      const before = text.slice(0, m.index);
      if (!REASON_WORDS.test(before) && (misreadOrder(text, m.index + m[0].length) > 0 || fourDigits(text, m.index + m[0].length))) {
        hits.push({ field: 'eo', start: m.index, end: m.index + m[1].length });
        eo = true;
      }
    }
  }
  // Keywords inside a flattened line: "E.O. 12958: N/A TAGS: ASEC", "SUBJECT: … REF: …", "REF: … Classified By: …".
  TAGS_MID.lastIndex = lead + 1;
  if (eo && (m = TAGS_MID.exec(text)) !== null) {
    hits.push({ field: 'tags', start: m.index, end: m.index + m[0].length });
  }
  // Every spelling has a "j" or "J"; searching for one character is many times cheaper than for "ubj".
  if (text.indexOf('j', lead + 1) >= 0 || text.indexOf('J', lead + 1) >= 0) {
    SUBJECT_KW.lastIndex = lead + 1;
    while ((m = SUBJECT_KW.exec(text)) !== null) {
      hits.push({ field: 'subject', start: m.index, end: m.index + m[0].length });
      subject = true;
    }
  }
  REF_MID.lastIndex = lead + 1;
  if (subject) {
    while ((m = REF_MID.exec(text)) !== null) hits.push({ field: 'ref', start: m.index, end: m.index + m[0].length });
  }
  // "Classified By" holds a "y", "Derived From" a "v", in either case.
  CLBY_KW.lastIndex = 0;
  if (mayHoldClassifiedBy(text) && (m = CLBY_KW.exec(text)) !== null) hits.push({ field: 'clby', start: m.index, end: m.index + m[0].length });
  if (hits.length === 0) {
    const misspelt = misspeltLabel(text, lead, seen);
    if (misspelt) hits.push(misspelt);
  }
  if (hits.length <= 1) return hits;
  sortByStart(hits);
  // Drop overlapping hits ("SUBJECT:" found by both patterns).
  const result: KeywordHit[] = [];
  for (const h of hits) {
    const last = result[result.length - 1];
    if (last && h.start < last.end) continue;
    // "SUBJECT: SUBJECT: AFGHANISTAN …": a repeated keyword is one keyword.
    if (last && last.field === h.field && text.slice(last.end, h.start).trim() === '') {
      result[result.length - 1] = { ...last, end: h.end };
      continue;
    }
    result.push(h);
  }
  return result;
}

/**
 * Sorts a line's few keyword hits by where they start, in place: an insertion sort, stable as `sort` is, without a
 * comparator to call; the hits are pushed nearly in order.
 */
function sortByStart(hits: KeywordHit[]): void {
  for (let j = 1; j < hits.length; j++) {
    const hit = hits[j];
    let k = j;
    for (; k > 0 && hits[k - 1].start > hit.start; k--) hits[k] = hits[k - 1];
    hits[k] = hit;
  }
}

// The labels a transcription may misspell, in capitals with the spaces taken out.
const MISSPELT_LABELS: readonly (readonly [Field, string])[] = [
  ['tags', 'TAGS'],
  ['subject', 'SUBJECT'],
  ['ref', 'REF'],
  ['clby', 'CLASSIFIEDBY'],
];

/**
 * A field's label typed or scanned with one character wrong, two swapped, or one lost from a label of four letters or more,
 * its colon kept, opening the line at `lead` ("SUBIECT: …", "TACS: PREL", "5UBJECT: …", "SUBJCET: …", "Classifed By: …",
 * "REP: A. …"), or with every letter right and a stray space inside it ("SUBJ ECT:", "T AGS:", "Classi fied By:"): read as
 * the field it names when that field has not been read yet (CBL049 reports it). The label is letters and digits, with
 * spaces between them ("S UBJECT:"), within a few characters of the line's start; tried only on the few lines of the
 * metadata block where no keyword was found.
 */
export function misspeltLabel(text: string, lead: number, seen?: ReadonlySet<Field>): KeywordHit | undefined {
  const colon = text.indexOf(':', lead);
  if (colon < 0 || colon - lead > 16) return seen?.has('tags') ? undefined : misspeltTags(text, lead);
  let letters = '';
  for (let k = lead; k < colon; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 /* space */) continue;
    if (!isAlnum(c)) return undefined;
    letters += text[k];
  }
  letters = letters.toUpperCase();
  // "SUBJ ECT:", "T AGS:", "Classi fied By:": every letter right, a stray space splitting the label (one a scan or a
  // transcription leaves), which the keyword patterns do not read.
  const split = letters.length < colon - lead;
  for (const [field, label] of MISSPELT_LABELS) {
    if (seen?.has(field)) continue;
    if (oneCharacterOff(letters, label) || (split && letters === label)) return { field, start: lead, end: colon + 1 };
  }
  return undefined;
}

// "TACS PGOV, ECON": TAGS without its colon, as a third of the cables write it, with a TAG after it.
const TAGS_WITHOUT_COLON = /^[A-Z0-9]{3,4} [A-Z]{2}/;

/** The TAGS label misspelt without its colon, in capitals with a TAG in capitals after it ("TACS PGOV, ECON"). */
function misspeltTags(text: string, lead: number): KeywordHit | undefined {
  if (!TAGS_WITHOUT_COLON.test(lead === 0 ? text : text.slice(lead))) return undefined;
  const space = text.indexOf(' ', lead);
  return oneCharacterOff(text.slice(lead, space), 'TAGS') ? { field: 'tags', start: lead, end: space } : undefined;
}

/**
 * True when `written` is `label` with one character changed or two side by side swapped ("SUBJCET"), or with one lost from a
 * label of four letters or more; none added.
 */
function oneCharacterOff(written: string, label: string): boolean {
  if (written.length > label.length || written.length < label.length - (label.length >= 4 ? 1 : 0)) return false;
  return editDistance(written, label, 1) === 1;
}

/** A cheap necessary condition for {@link CLBY_KW}: a "y" or a "v" in either case (one-character searches are fast). */
export function mayHoldClassifiedBy(text: string): boolean {
  return text.indexOf('y') >= 0 || text.indexOf('Y') >= 0 || text.indexOf('v') >= 0 || text.indexOf('V') >= 0;
}

// ---------------------------------------------------------------------------
// Result

/** What the metadata block holds. */
export interface MetadataResult {
  caveats: Caveat[];
  passingLines: Token[];
  correctedCopy: Token[];
  eo?: EoLine;
  tags?: TagsField;
  subject?: SubjectField;
  refs?: RefField;
  classifiedBy?: ClassifiedBy;
  /** The first line after the block: the body starts here. */
  bodyStart: number;
  /** Last line that belongs to the block (for `metadataRange`). */
  lastLine: number;
  /** Banners repeated among the block's lines, in line order. */
  repeatedBanners: Banner[];
  /** Lines among the fields that are no field nor part of one, passed over for a field right under them ({@link strayLinesBefore}). */
  strayLines: Token[];
  /** A second SUBJECT or Classified By field, after the first ({@link Cable.repeatedFields}). */
  repeatedFields: RepeatedField[];
  /**
   * Where a block's title glued to the end of the Classified By field starts (`… 1.4 (b) and (d). Summary -------`): the
   * field ends before it, and the body reads the block's opener there.
   */
  gluedBlockTitle: Position | undefined;
}

/**
 * Reads the metadata block from line `start` (the line after the banner, or
 * the first line after the preamble when there is no banner). `citing`, the cable's
 * year with its banner's post and serial, completes REF citations that give no year.
 * `userTags`, the user dictionaries' TAG codes, are known TAGS on a wrapped TAGS line ({@link continuesTags}).
 */
export function parseMetadata(
  lines: readonly string[],
  shapes: LineShapes,
  hints: LineHints,
  start: number,
  kinds: LineKind[],
  citing: CitingCable | undefined,
  bannered: boolean,
  userTags?: ReadonlySet<string>,
): MetadataResult {
  const { indents, firsts, seconds } = shapes;
  // Every field from the start: fields added in the order a cable writes them gave the result a shape per order, and the
  // code reading it (here and in parseCable) a megamorphic property access each time.
  const r: MetadataResult = {
    caveats: [],
    passingLines: [],
    correctedCopy: [],
    eo: undefined,
    tags: undefined,
    subject: undefined,
    refs: undefined,
    classifiedBy: undefined,
    bodyStart: start,
    lastLine: start - 1,
    repeatedBanners: [],
    strayLines: [],
    repeatedFields: [],
    gluedBlockTitle: undefined,
  };
  const seen = new Set<Field>();
  const builder = new FieldBuilder(kinds, citing, r, hints, userTags);
  let current: Field | undefined;
  let lastField: Field | undefined;
  let blankBefore = false;
  // The metadata never runs far: 120 lines covers the longest passing-line lists.
  const limit = Math.min(lines.length, start + 120);
  let i = start;
  for (; i < limit; i++) {
    const text = lines[i];
    if (kinds[i] !== 'text') continue;
    const lead = indents[i];
    // A banner repeated inside the block is left as it is.
    const repeated = bannered && lead >= 0 ? readRepeatedBanner(i, text, lead, firsts[i], seconds[i]) : undefined;
    if (repeated) {
      kinds[i] = 'banner';
      r.repeatedBanners.push(repeated);
      continue;
    }
    if (lead < 0) {
      kinds[i] = 'blank';
      blankBefore = true;
      // A blank line ends a wrapped field; a Classified By still waiting for its reason may find it after one.
      if (current !== 'clby' || builder.clbyComplete()) current = undefined;
      continue;
    }
    // "HAMBURG 00000085 001.2 OF 002" between SUBJECT and Classified By: a page line, not the body.
    const c = text.charCodeAt(lead);
    if (hints.bits[i] & PAGE) {
      const pages = findPageLines(i, text);
      if (pages.length > 0 && !pages[0].inline) {
        kinds[i] = 'page';
        continue;
      }
    }
    if (c === 80 /* P */ && findOldPageHeader(i, text)) {
      kinds[i] = 'page';
      continue;
    }
    if (startsParagraph(text, c)) {
      // "¶1. (U) Classified by Ambassador …": the paragraph also carries the Classified By.
      break;
    }
    const hits = findKeywords(text, lead, seen);
    // "E.O. 12958:" ⏎ "DECL: 03/07/2019  TAGS: PREL": a TAGS field after the wrapped DECL value, as after one on the E.O. line;
    // and after a value alone under a DECL keyword that has none ("E.O. 12958: DECL:" ⏎ "03/07/2019  TAGS: PREL").
    if (current === 'eo' && hits.length === 0 && ((c | 32) === 100 /* d */ || builder.eoAwaitsValue(i))) tagsAfterDecl(text, lead, hits);
    if (hits.length === 0) {
      const afterBlank = blankBefore;
      // "REF: A. KIEV 1186" ⏎ ⏎ "¶B. 05 KIEV 4590": lettered REF items may follow a blank line.
      // "REF: A. KIEV 1186" ⏎ ⏎ "¶B.", a copy cut under the letter or an item whose citation is still to be written: the next
      // letter alone, with nothing under it but blank lines (parser58); a lettered list opening the body has its text under it.
      if (current === undefined && lastField === 'ref' && blankBefore && builder.continuesRef(text, i + 1 >= lines.length || lines[i + 1].trim().length === 0)) current = 'ref';
      // A subject broken by a blank line, when Classified By or REF still follows: the second SUBJECT's, after one.
      if (current === undefined && lastField === 'subject' && blankBefore && fieldFollows(lines, i) && builder.subjectAfterBlank(i, text)) {
        blankBefore = false;
        r.lastLine = i;
        continue;
      }
      const continued = current !== undefined && builder.continueField(current, i, text, blankBefore && current !== 'ref');
      blankBefore = false;
      if (continued) {
        r.lastLine = i;
        continue;
      }
      current = undefined;
      if (seen.size === 0) {
        // Between the banner and the E.O. line: caveats, corrected-copy notices and passing lines.
        builder.preField(i, text);
        continue;
      }
      // "E.O. 12958: DECL: 05/14/2019" ⏎ "FOR THE FERRY DESK" ⏎ "TAGS: PREL": a stray line right under a field's line, with a
      // field still to read right under it, is passed over (CBL037 reports it), so that the fields under it are read.
      const stray = !afterBlank && r.lastLine === i - 1 ? strayLinesBefore(lines, indents, kinds, i, seen) : 0;
      if (stray > 0) {
        for (let k = i; k < i + stray; k++) r.strayLines.push(trimmed(k, lines[k], indents[k], lines[k].length));
        i += stray - 1;
        r.lastLine = i;
        continue;
      }
      // Anything else after the fields starts the body.
      break;
    }
    blankBefore = false;
    // "E.O. 12958:" ⏎ "DECL: 03/07/2019 TAGS: PREL": the E.O. line's DECL value wrapped before a field that shares its line.
    const declBelow = current === 'eo' && hits[0].start > 0 && builder.eoDeclBelow(i, text, hits[0].start, hits[0].field === 'tags');
    // Text before the first keyword: "DEPT FOR WHA/BSC E.O. 12958: …", "SIPDIS E.O. 12958: N/A".
    if (hits[0].start > lead && !declBelow) {
      if (seen.size === 0) builder.preField(i, text, hits[0].start);
      // "E.O. 12958: DECL: 05/14/2019" ⏎ "DECL: 1.6X5 FERRY TAGS: PREL": text before the keyword of a field, after the first
      // field, which no field reads, is kept as a stray line's text (CBL037 reports it) rather than lost; so is text before
      // the keyword of a field read already ("SUBJECT: FERRY FARES" ⏎ "FOR THE HARBOR DESK SUBJECT: PIER TALKS"), which
      // CBL037 says writes that field again; not invisible characters alone, which CBL035 reports.
      else if (holdsAlnum(text, lead, hits[0].start)) r.strayLines.push(trimmed(i, text, lead, hits[0].start));
    }
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h];
      const end = h + 1 < hits.length ? hits[h + 1].start : text.length;
      builder.field(hit.field, i, text, hit.start, hit.end, end);
      seen.add(hit.field);
      current = hit.field;
      lastField = hit.field;
    }
    kinds[i] = declBelow ? 'eo' : kindOf(hits[0].field);
    r.lastLine = i;
  }
  r.bodyStart = i;
  // "¶1. (U) Classified by Ambassador …", "¶2. (U) Classified by …": a paragraph near the top may carry it.
  if (!r.classifiedBy) {
    for (let k = i, paragraphs = 0; k < Math.min(lines.length, i + 60) && paragraphs < 3; k++) {
      if (indents[k] < 0 || !startsParagraph(lines[k], lines[k].charCodeAt(indents[k]))) continue;
      paragraphs++;
      const m = CLBY_IN_PARAGRAPH.exec(lines[k]);
      if (m) {
        const start = m[0].length - m[1].length;
        builder.classifiedBy(k, lines[k], start, m[0].length, lines[k].length, true);
        if (k + 1 < lines.length && indents[k + 1] >= 0 && !startsParagraph(lines[k + 1], lines[k + 1].charCodeAt(indents[k + 1]))) builder.clbyLettersInParagraph(k + 1, lines[k + 1]);
        break;
      }
    }
  }
  builder.finish();
  return r;
}

/** True when `[from, to)` holds a letter or digit. */
function holdsAlnum(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isAlnum(text.charCodeAt(k))) return true;
  return false;
}

/** Adds to `hits` the TAGS keyword after a DECL value that opens the line at `lead` ("DECL: 03/07/2019  TAGS: PREL"). */
function tagsAfterDecl(text: string, lead: number, hits: KeywordHit[]): void {
  TAGS_MID.lastIndex = lead + 1;
  const m = TAGS_MID.exec(text);
  if (m !== null) hits.push({ field: 'tags', start: m.index, end: m.index + m[0].length });
}

// Reason letters opening a line: "(b) and (d).", "(B,D)", "b and d", "d."
const LETTERS_LINE = /^\s*(?:\(\s*[a-h]\s*[),/&]|[a-h]\s*(?:[,&/.]|and\b|or\b))/i;
const CLBY_IN_PARAGRAPH = /^\s*(?:\u00B6\s?|[Pq])?\d{1,3}\.{1,2}\s*(?:\([A-Za-z/ ]{1,12}\)\s*)?(Classified\s+by\s*:?)/i;
// "¶B. 05 KIEV 4590", "(C) STATE 1234": a REF item's letter opening a line, then its citation, whose first character the
// third group holds (none on a line that ends after the letter, "¶B. ", where a citation is still to be written).
const REF_LETTER_LINE = /^\s*(?:\u00B6\s?)?(?:\(([A-Za-z])\)|([A-Za-z])[.):])(?:\s+(\S)|\s*$)/;

/**
 * Whether `text`, a line after a blank line under a REF field whose items are `items` (no other field between), goes on
 * with the field as its next item (`REF: A. KIEV 1186` ⏎ ⏎ `¶B. 05 KIEV 4590`): a letter opens it, one of the three
 * after the last item's (one or two items may be missing), or A to C after items without letters, and its citation
 * follows. `(U) THIS CABLE IS …` there is a marked line, not item U. With `citationToCome`, a line that ends after the
 * letter (`¶B. `) goes on with the field too, as it will once its citation is written (where completion offers one); with
 * `'next'`, only the letter right after the last item's does (the parser's reading of such a line with nothing under it).
 */
export function continuesRefField(items: readonly RefItem[], text: string, citationToCome: boolean | 'next' = false): boolean {
  let last: string | undefined;
  for (let k = items.length - 1; k >= 0 && last === undefined; k--) last = items[k].letter;
  const after = last === undefined ? 0 : refLetterOrdinal(last);
  // "Z. PARIS 12" ⏎ ⏎ "AA. PARIS 40": past Z, a letter written twice.
  const m = REF_LETTER_LINE.exec(text) ?? (after >= 26 ? REF_DOUBLE_LETTER_LINE.exec(text) : null);
  if (!m) return gluedRefLetterLine(text, items, last === undefined ? undefined : after);
  if (m[3] === undefined && !citationToCome) return false;
  const letter = refLetterOrdinal((m[1] ?? m[2]).toUpperCase());
  // A letter alone read by the parser ('next'): only the one right after the last item's, after an item with a letter.
  if (m[3] === undefined && citationToCome === 'next') return last !== undefined && letter === after + 1;
  return letterFollows(letter, after);
}

/**
 * Whether a REF item's letter at place `place` ({@link refLetterOrdinal}) may come after the letter at place `after` (0
 * before the first): one of the three after it, one or two items being missing (`A.` then `B.`, `C.` or `D.`).
 */
function letterFollows(place: number, after: number): boolean {
  return place > after && place <= after + 3;
}

/**
 * Whether a REF item's letter glued to its citation (`B.STATE 4410`, `B:STATE 4410`, `(B)STATE 4410`) at place `place` may
 * come after the letter at place `after` (undefined when no item before it has a letter): one of the three letters after
 * it; with no letter before it, `A`, or after items without letters (`unlettered`) `A` to `C`, as a spaced letter there
 * (`REF: STATE 12` ⏎ ⏎ `B.PARIS 7`, or `C.PARIS 7` where one item is missing). A letter in parentheses with a portion
 * marking's shape, `markingShaped` (`(C)STATE 4410`, `(S)…`, `(U)…`), only right after a letter also in parentheses,
 * `afterParenthesised` (`(A)`, `(B)`, then `(C)STATE 4410`): elsewhere it is read as a marking (`REF: (C)STATE 4410`, an
 * item marked CONFIDENTIAL).
 */
function gluedLetterFollows(place: number, after: number | undefined, unlettered: boolean, markingShaped: boolean, afterParenthesised: boolean): boolean {
  if (markingShaped) return after !== undefined && afterParenthesised && place === after + 1;
  if (after !== undefined) return letterFollows(place, after);
  return place === 1 || (unlettered && place <= 3);
}

/** True when a REF item's letter token is written in parentheses (`(B)`, `¶(B)`), false for `B.`, `B)`, `B:`. */
function parenthesisedLetter(letterToken: Token | undefined): boolean {
  return letterToken !== undefined && letterToken.text.includes('(');
}


// "¶B.STATE 4410", "B)STATE 4410", "B:STATE 4410", "(C)STATE 4410": a REF item's letter opening a line with no space after
// its full stop, parenthesis or colon, or its parentheses, a letter or digit right after it; the first group holds the letter
// in parentheses, the second the other.
const GLUED_REF_LETTER_LINE = /^\s*(?:\u00B6\s?)?(?:\(([A-Za-z])\)|([A-Za-z])[.):])(?=[A-Za-z0-9])/;
// REF_LETTER with a lastIndex of its own, for the next letter after a glued one opening a line.
const REF_LETTER_AHEAD = /(?<![^\s;,])(\u00B6\s?)?(?:\(([A-Za-z])\)|([A-Za-z])[.):])(?=\s|$)/g;

/**
 * Whether `text` opens with a REF item's letter glued to its citation (`¶B.STATE 4410`, `B)STATE 4410`, `B:STATE 4410`,
 * `(C)STATE 4410`) that goes on with the list `items`, whose last letter is at place `after` (undefined when no item has a
 * letter), with the limits the reading of such a letter on the field's lines has (`#gluedLetters`): the letter's place and
 * shape ({@link gluedLetterFollows}; a letter in parentheses only after the last item's, in parentheses too), and a cable
 * citation after it up to the next letter or `;`, so that `B.O. 12958` or `U.S.-RUSSIA TALKS` after a blank line are no item.
 */
function gluedRefLetterLine(text: string, items: readonly RefItem[], after: number | undefined): boolean {
  const m = GLUED_REF_LETTER_LINE.exec(text);
  if (!m) return false;
  let lastToken: Token | undefined;
  for (let k = items.length - 1; k >= 0 && lastToken === undefined; k--) lastToken = items[k].letterToken;
  const letter = (m[1] ?? m[2]).toUpperCase();
  // "(C)STATE 4410": a letter in parentheses with a marking's shape.
  const markingShaped = m[1] !== undefined && isLevelLetter(letter);
  if (!gluedLetterFollows(refLetterOrdinal(letter), after, items.length > 0, markingShaped, parenthesisedLetter(lastToken))) return false;
  const end = m.index + m[0].length;
  let next = text.length;
  for (const re of [REF_LETTER_AHEAD, GLUED_REF_LETTER_AHEAD]) {
    re.lastIndex = end;
    const n = re.exec(text);
    if (n !== null && n.index < next) next = n.index;
  }
  return citationOpens(text, end, next);
}

// "AA. PARIS 40", "(BB) STATE 12": a REF item's letter past Z opening a line, as REF_LETTER_LINE reads one letter.
const REF_DOUBLE_LETTER_LINE = /^\s*(?:\u00B6\s?)?(?:\(([A-Za-z]{2})\)|([A-Za-z]{2})[.):])(?:\s+(\S)|\s*$)/;

/**
 * The place of a REF item's letter in the list: A is 1, Z 26, and past Z the letter written twice, AA 27, BB 28, to ZZ 52
 * (`Z.` ⏎ `AA.` ⏎ `BB.`); 0 for anything else (`AB`).
 */
export function refLetterOrdinal(letter: string): number {
  const c = letter.charCodeAt(0);
  if (c < 65 || c > 90) return 0;
  if (letter.length === 1) return c - 64;
  return letter.length === 2 && letter.charCodeAt(1) === c ? c - 38 : 0;
}

/** The REF letter at place `ordinal` ({@link refLetterOrdinal}): `A` for 1, `AA` for 27; undefined past ZZ. */
export function refLetterAt(ordinal: number): string | undefined {
  if (ordinal < 1 || ordinal > 52) return undefined;
  const c = String.fromCharCode(64 + (ordinal > 26 ? ordinal - 26 : ordinal));
  return ordinal > 26 ? c + c : c;
}

/** True when a REF or Classified By keyword comes within the next few non-blank lines, before any paragraph. */
function fieldFollows(lines: readonly string[], from: number): boolean {
  let seen = 0;
  for (let k = from + 1; k < lines.length && seen < 3; k++) {
    const t = lines[k];
    if (t.trim().length === 0) continue;
    if (PARAGRAPH_START.test(t) && !CLASSIFIED_BY.test(t)) return false;
    if (REF_AT_START.test(t) || CLASSIFIED_BY_OPENS.test(t)) return true;
    seen++;
  }
  return false;
}

/**
 * The most lines passed over as stray ones among the fields: a line a writer or a transcription left between two fields,
 * or two where one wrapped ("E.O. 12958: DECL: 05/14/2019" ⏎ "FOR THE FERRY DESK" ⏎ "TAGS: PREL").
 */
const MAX_STRAY_LINES = 2;

/**
 * How many lines from `from` on (at most {@link MAX_STRAY_LINES}) are stray ones among the fields: no blank line among them
 * and a field not read yet (`seen`) opening the line right under the last of them ("TAGS: PREL", "SUBJECT: …", "REF: …",
 * "Classified By: …", and a label misspelt as {@link misspeltLabel} reads it); 0 when there is none. Asked only for a line
 * right under a field's line, where the block would end otherwise: the body, after a blank line or a paragraph's number, is
 * never reached, nor is a line of prose whose next line opens with a field already read ("SUBJECT: …" quoted in the text).
 */
function strayLinesBefore(lines: readonly string[], indents: Int32Array, kinds: readonly LineKind[], from: number, seen: ReadonlySet<Field>): number {
  for (let k = from + 1; k <= from + MAX_STRAY_LINES && k < lines.length; k++) {
    const lead = indents[k];
    if (lead < 0 || kinds[k] !== 'text') return 0;
    const text = lines[k];
    if (startsParagraph(text, text.charCodeAt(lead))) return 0;
    const hits = findKeywords(text, lead, seen);
    if (hits.length > 0) return hits[0].start === lead && !seen.has(hits[0].field) ? k - from : 0;
  }
  return 0;
}

/** True when `text` opens, after its indent, with a caveat or caption ("Sensitive but unclassified; …"). */
function startsWithCaveat(text: string): boolean {
  return matchLengthAt(text, skipSpaces(text), text.length, CAVEAT_RE, CAVEAT_AT) > 0;
}

/** The line kind for a field's first line. */
function kindOf(field: Field): LineKind {
  return field === 'clby' ? 'classified-by' : field;
}

// ---------------------------------------------------------------------------
// Field readers

const PERSON_TAGS = new Set(['OVIP', 'OEXC', 'OREP', 'OTRA', 'OCON', 'ONAM']);

/** Builds each field as its lines arrive. */
class FieldBuilder {
  #tags: Tag[] = [];
  #tagsRange?: ReturnType<typeof range>;
  /** Whether the TAGS field's last line lists no TAG yet ("TAGS:") or ends with a separator ("PREL, PGOV,"): a line is to come. */
  #tagsOpen = false;
  #subjectParts: Token[] = [];
  #refItems: RefItem[] = [];
  #pendingRef?: { letterToken: Token; letter: string; doubled?: Token; marking?: PortionMarking; alone?: boolean };
  #clbyLines = 0;

  constructor(
    private readonly kinds: LineKind[],
    private readonly citing: CitingCable | undefined,
    private readonly r: MetadataResult,
    private readonly hints: LineHints,
    /** The user dictionaries' TAG codes (`parseCable`'s `userTags`), known TAGS on a line under the field. */
    private readonly userTags: ReadonlySet<string> | undefined,
  ) {}

  /** Completes the fields that were built line by line: the subject's text, the REF items. */
  finish(): void {
    const subject = this.r.subject as Mutable<SubjectField> | undefined;
    if (subject) {
      // "Subject: spanish metal merchant supplies syrian entities" ⏎ "of proliferation concern (s)": a marking ending the subject
      // (09STATE4134) is its marking, and no part of its text. A character test first: most subjects end with no ")".
      const parts = this.#subjectParts;
      const last = parts[parts.length - 1];
      if (!subject.portion && last !== undefined && last.text.charCodeAt(last.text.length - 1) === 41 /* ) */) {
        const trailing = trailingSubjectMarking(last, parts.length > 1);
        if (trailing) {
          subject.portion = trailing.portion;
          if (trailing.rest) parts[parts.length - 1] = trailing.rest;
          else parts.pop();
        }
      }
      subject.parts = this.#subjectParts;
      // The parts' texts pushed, not mapped: an optimized `map` makes a holey array where the interpreter's is packed, and
      // `join` deoptimized on the map it had not met. Joined, not added up with `+`: that makes a rope, one string shape
      // more for the text helpers that read the subject (skipSpaces, trimEndOffset), which then looked every read up slowly.
      let joined = parts.length === 1 ? parts[0].text : '';
      if (parts.length !== 1) {
        const texts: string[] = [];
        for (const p of parts) texts.push(p.text.trim());
        joined = texts.join(' ');
      }
      subject.text = singleSpaced(joined);
    }
    const refs = this.r.refs as Mutable<RefField> | undefined;
    if (refs) {
      // "REF: A. STATE 12" ⏎ "B. PARIS 7" ⏎ "C.": the last letter, whose citation never came, alone on its line, is an item all
      // the same; one at the end of a line of other text ("… reasons 1.4 (b) and (d)" run into the field where a copy lost its
      // Classified By label) is left unread, as before.
      if (this.#pendingRef?.alone) this.#flushPendingRef();
      let r = refs.range;
      for (const item of this.#refItems) r = union(r, item.range);
      refs.items = this.#refItems;
      refs.range = r;
    }
  }

  /** A line before the first field: caveats, a corrected-copy notice or a passing line. */
  preField(line: number, text: string, end = text.length): void {
    if ((text.charCodeAt(skipSpaces(text)) | 32) === 99 /* c */ && CORRECTED_COPY.test(text)) {
      this.kinds[line] = 'corrected-copy';
      this.r.correctedCopy.push(trimmed(line, text, 0, end));
      return;
    }
    const caveats = parseCaveatLine(line, text, 0, end);
    if (caveats) {
      this.kinds[line] = 'caveat';
      this.r.caveats.push(...caveats);
      return;
    }
    // What a notice that says nothing more was corrected, wrapped right under it ("C O R R E C T E D COPY" ⏎ "CLASSIFICATION
    // MISMATCH ERROR IN PARAGRAPH 8"): the notice's, not an office passing line ("CORRECTED COPY" ⏎ "DEPT FOR D, P").
    const notices = this.r.correctedCopy;
    const notice = notices.length > 0 ? notices[notices.length - 1] : undefined;
    if (notice && notice.range.end.line === line - 1 && correctedCopyReason(notice.text) === '' && CORRECTION_WORDS.test(text.slice(0, end))) {
      this.kinds[line] = 'corrected-copy';
      notices.push(trimmed(line, text, 0, end));
      return;
    }
    this.kinds[line] = 'passing';
    this.r.passingLines.push(trimmed(line, text, 0, end));
  }

  field(field: Field, line: number, text: string, kwStart: number, kwEnd: number, end: number): void {
    this.#repeat = undefined;
    switch (field) {
      case 'eo':
        if (!this.r.eo) this.eo(line, text, kwStart, kwEnd, end);
        return;
      case 'tags':
        this.tagsStart(line, text, kwStart, kwEnd, end);
        return;
      case 'subject':
        if (!this.r.subject) {
          this.subjectStart(line, text, kwStart, kwEnd, end);
          this.#firstLines.set('SUBJECT', text.slice(kwStart, trimEnd(text, end)));
        } else this.#repeatStart('SUBJECT', line, text, kwStart, kwEnd, end);
        return;
      case 'ref':
        // "REF: A. STATE 12" ⏎ "REF: A. PARIS 7": a second REF field, kept apart, as a second SUBJECT is; one that writes the
        // next letter of the first's list ("REF: B. PARIS 7") goes on with it, the keyword written again.
        if (!this.r.refs) {
          this.refStart(line, text, kwStart, kwEnd, end);
          this.#firstLines.set('REF', text.slice(kwStart, trimEnd(text, end)));
        } else if (this.#refGoesOn(text, kwEnd, end)) this.refStart(line, text, kwStart, kwEnd, end);
        else this.#repeatStart('REF', line, text, kwStart, kwEnd, end);
        return;
      case 'clby':
        if (!this.r.classifiedBy) {
          this.classifiedBy(line, text, kwStart, kwEnd, end);
          this.#firstLines.set('Classified By', text.slice(kwStart, trimEnd(text, end)));
        } else this.#repeatStart('Classified By', line, text, kwStart, kwEnd, end);
        return;
    }
  }

  /**
   * Whether a REF keyword written again, its value `[kwEnd, end)` of `text`, goes on with the first REF field's list: its
   * value opens with the letter after the last item's (or one of the two after that), and that item has a letter.
   */
  #refGoesOn(text: string, kwEnd: number, end: number): boolean {
    const items = this.#refItems;
    if (items.length === 0 || items[items.length - 1].letter === undefined) return false;
    let from = kwEnd;
    const again = REF_AGAIN.exec(text.slice(from, end));
    if (again) from += again[0].length;
    return continuesRefField(items, text.slice(from, end));
  }

  /** The second SUBJECT, REF or Classified By field being read, while its lines may go on; undefined otherwise. */
  #repeat: { field: RepeatedField['field']; keyword: Token; text: string; range: Range; lines: number } | undefined;

  /** The first line of the first SUBJECT and Classified By read, from the keyword: a second one may write it again. */
  #firstLines = new Map<RepeatedField['field'], string>();

  /**
   * "SUBJECT: FERRY TALKS" ⏎ "SUBJECT: PIER FEES": keeps the second field's value, which the first's reading leaves alone.
   * The lines under it go on with it, not with the first, unless it writes again the first's line, the line right above it,
   * that wraps onto none (a line doubled: `SUBJECT: FERRY TALKS AND` ⏎ `SUBJECT: FERRY TALKS AND` ⏎ `PIER FEES`), whose
   * wrapped lines go on with the first, as before. A first that had wrapped already is whole: the field written again with
   * the same wrapping (`SUBJECT: FERRY TALKS AND` ⏎ `PIER FEES` ⏎ `SUBJECT: FERRY TALKS AND` ⏎ `PIER FEES`) keeps its own
   * lines, where they ran on in the first's text ("FERRY TALKS AND PIER FEES PIER FEES").
   */
  #repeatStart(field: RepeatedField['field'], line: number, text: string, kwStart: number, kwEnd: number, end: number): void {
    const last = trimEnd(text, end);
    const from = Math.min(skipSpaces(text, kwEnd), last);
    const repeat = { field, keyword: token(line, text, kwStart, trimEnd(text, kwEnd)), text: text.slice(from, last), range: range(line, kwStart, last), lines: 1 };
    this.r.repeatedFields.push(repeat);
    const first = field === 'SUBJECT' ? this.r.subject : field === 'REF' ? this.r.refs : this.r.classifiedBy;
    const doubledLine = first !== undefined && first.range.start.line === line - 1 && first.range.end.line === line - 1;
    if (!doubledLine || this.#firstLines.get(field) !== text.slice(kwStart, last)) this.#repeat = repeat;
  }

  /**
   * A line the second SUBJECT, REF or Classified By field wraps onto, right under it: at most five more for a subject or REF
   * (as the first subject's), no rule line; at most three for Classified By, while no reason's section (`1.4`) is read.
   * False otherwise.
   */
  #repeatContinue(line: number, text: string, afterBlank: boolean): boolean {
    const repeat = this.#repeat!;
    if (afterBlank || text.length > 120) return false;
    const lead = skipSpaces(text);
    const last = trimEndOffset(text);
    if (lead >= last) return false;
    if (repeat.field !== 'Classified By' ? repeat.lines >= 6 || (isRuleChar(text.charCodeAt(lead)) && RULE_LINE.test(text)) : repeat.lines >= 4 || repeat.text.indexOf('1.') >= 0 || startsParagraph(text, text.charCodeAt(lead))) return false;
    repeat.text = repeat.text === '' ? text.slice(lead, last) : `${repeat.text} ${text.slice(lead, last)}`;
    repeat.range = union(repeat.range, range(line, lead, last));
    repeat.lines++;
    this.kinds[line] = repeat.field === 'SUBJECT' ? 'subject' : repeat.field === 'REF' ? 'ref' : 'classified-by';
    return true;
  }

  /** Continues a wrapped field on a line without keywords; false when the line is not part of it. */
  continueField(field: Field, line: number, text: string, afterBlank: boolean): boolean {
    // The lines a second SUBJECT, REF or Classified By wraps onto are its own, not the first's.
    if (this.#repeat !== undefined && (field === 'subject' || field === 'ref' || field === 'clby')) return this.#repeatContinue(line, text, afterBlank);
    switch (field) {
      case 'tags':
        // "VE, CO" and "YI, UNO, IR, LE" continue a wrapped TAGS line.
        if (afterBlank || !continuesTags(text, this.#tagsOpen, this.userTags)) return false;
        this.tagsAppend(line, text, 0, text.length);
        this.kinds[line] = 'tags';
        return true;
      case 'subject':
        if (afterBlank || text.length > 120 || this.#subjectParts.length >= 6) return false;
        // "-----------" under the subject frames the heading that opens the body ("SUMMARY"); it is no subject text.
        if (isRuleChar(text.charCodeAt(skipSpaces(text))) && RULE_LINE.test(text)) return false;
        this.subjectAppend(line, text);
        return true;
      case 'ref':
        // "Sensitive but unclassified; not for Internet Distribution." run on after REF is a caption, not items.
        if (afterBlank || startsWithCaveat(text)) return false;
        this.refAppend(line, text, 0, text.length, true);
        this.kinds[line] = 'ref';
        this.#extend('refs', line, text);
        return true;
      case 'clby':
        return this.clbyContinue(line, text, afterBlank);
      case 'eo':
        // "E.O. 12958:" ⏎ "DECL: 03/07/2019": the line wrapped before its DECL value.
        return !afterBlank && this.eoDeclBelow(line, text, text.length);
    }
  }

  /**
   * Reads the DECL value of an E.O. line that gives none, wrapped onto line `line` right under it ("E.O. 12958:" ⏎
   * "DECL: 03/07/2019"), up to `end`: a line that opens with the DECL keyword; or, under a DECL keyword that gives no value
   * ("E.O. 12958: DECL:" ⏎ "03/07/2019", "E.O. 12958:" ⏎ "DECL:" ⏎ "03/07/2019") or an E.O. line that gives nothing after
   * its order ("E.O. 12958:" ⏎ "N/A"), a value alone that the DECL reader knows: a date (one with a letter for a digit
   * included), N/A, OADR, GDS, a downgrade, an X code, a redaction or a declassification note, but no free text, which may
   * be any line; under a DECL keyword that gives none, the keyword written again with its value ("E.O. 12958: DECL:" ⏎
   * "DECL: 12/31/2019"), read with that line's keyword; and, with `tagsAfter`, free text before a TAGS field that shares the
   * line ("E.O. 12958: DECL:" ⏎ "1.6X5 FERRY TAGS: PREL"). False when there is none.
   */
  eoDeclBelow(line: number, text: string, end: number, tagsAfter = false): boolean {
    const eo = this.r.eo as Mutable<EoLine> | undefined;
    if (!eo || eo.range.end.line !== line - 1) return false;
    const pos = skipSpaces(text);
    if (pos >= end) return false;
    const declared = eo.decl;
    // The first letter before the keyword's pattern: a line of prose pays one character test.
    const keyword = (text.charCodeAt(pos) | 32) === 100 /* d */ && DECL_KEYWORD.test(text.slice(pos, end));
    if (declared && !isEmptyDecl(declared)) return false;
    const decl = parseDecl(line, text, pos, end);
    // Free text is a value only after the keyword, or before a TAGS field that shares the line ("E.O. 12958: DECL:" ⏎
    // "1.6X5 FERRY TAGS: PREL"), where the value stands between the DECL keyword and TAGS.
    if (!decl || (!keyword && decl.kind === 'text' && !tagsAfter)) return false;
    // "DECL:" ⏎ "DECL: 12/31/2019": the keyword written again with its value, read with its own keyword and ranges;
    // written again with none, it is no value.
    if (declared && keyword && isEmptyDecl(decl)) return false;
    // "DECL:" ⏎ "03/07/2019": the value is the keyword's above it.
    eo.decl = declared && !keyword ? { ...decl, keyword: declared.keyword } : decl;
    eo.range = { start: eo.range.start, end: decl.value.range.end };
    this.kinds[line] = 'eo';
    return true;
  }

  /** Whether the E.O. line, ending on the line above `line`, still waits for its DECL value there ({@link eoDeclBelow}). */
  eoAwaitsValue(line: number): boolean {
    const eo = this.r.eo;
    return eo !== undefined && eo.range.end.line === line - 1 && (eo.decl === undefined || isEmptyDecl(eo.decl));
  }

  #extend(which: 'refs', line: number, text: string): void {
    const current = this.r[which] as Mutable<RefField> | undefined;
    if (current) current.range = union(current.range, range(line, 0, trimEndOffset(text)));
  }

  // E.O. -------------------------------------------------------------------

  eo(line: number, text: string, kwStart: number, kwEnd: number, end: number): void {
    const keyword = token(line, text, kwStart, kwEnd);
    let pos = kwEnd;
    // "E.O. 12958", and "EO<tab>12958" with a tab, as the keyword's pattern reads it.
    while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
    // Four to six digits, or five with a letter for a digit among them ("l2958").
    let digits = pos;
    while (digits < end && digits - pos < 6 && isDigit(text.charCodeAt(digits))) digits++;
    if (digits - pos < 4) {
      const misread = misreadOrder(text, pos);
      if (misread > 0 && pos + misread <= end) digits = pos + misread;
    }
    const order = digits - pos >= 4 ? token(line, text, pos, digits) : undefined;
    if (order) pos = digits;
    // "E.O. 12958: DECL: …", "EO 12958 DECL: …", "E.O.12356: DECL:OADR".
    while (pos < end && (text.charCodeAt(pos) === 58 || isSpace(text.charCodeAt(pos)))) pos++;
    // "E.O. 12958: E.O. 12958: DECL: …": the label written again, which is no part of the DECL value.
    let repeated: Token | undefined;
    if (order && pos < end && (text.charCodeAt(pos) | 32) === 101 /* e */) {
      EO_AGAIN.lastIndex = pos;
      const again = EO_AGAIN.exec(text);
      if (again && again[1] === order.text && pos + again[0].length <= end) {
        repeated = token(line, text, pos, pos + again[0].length);
        pos = skipSpaces(text, pos + again[0].length);
      }
    }
    const decl = parseDecl(line, text, pos, end);
    const lineEnd = Math.max(kwEnd, trimEnd(text, end));
    const eo: Mutable<EoLine> = { line, range: range(line, kwStart, lineEnd), keyword, order, decl };
    if (repeated) eo.repeated = repeated;
    this.r.eo = eo;
  }

  // TAGS -------------------------------------------------------------------

  tagsStart(line: number, text: string, kwStart: number, kwEnd: number, end: number): void {
    if (this.r.tags) {
      // A second TAGS line (a duplicated header block) is kept as it was first read.
      return;
    }
    this.#tags = [];
    this.#tagsRange = range(line, kwStart, trimEnd(text, end));
    this.tagsAppend(line, text, kwEnd, end);
    this.r.tags = { range: this.#tagsRange, keyword: token(line, text, kwStart, trimEnd(text, kwEnd)), tags: this.#tags };
  }

  tagsAppend(line: number, text: string, from: number, to: number): void {
    // "[MARR](#)" markdown links, "(STEINBERG, JAMES B.)" names, and codes separated by spaces or commas.
    let namesLeft = 0;
    let next = from;
    let item: TagItem | undefined;
    while ((item = nextTagItem(text, next)) !== undefined && item.start < to) {
      next = item.end;
      if (item.kind === 'link') {
        const code = text.slice(item.start + 1, item.inner);
        this.#tags.push({ token: token(line, text, item.start + 1, item.inner), code: upperCase(code), role: 'code' });
        namesLeft = 0;
        continue;
      }
      if (item.kind === 'paren') {
        // "OVIP (CLINTON, HILLARY)": the parenthesis names a person.
        const s = skipSpaces(text, item.start + 1);
        const e = trimEndOffset(text, item.end - 1, s);
        this.#tags.push({ token: token(line, text, s, e), code: text.slice(s, e), role: 'person' });
        namesLeft = 0;
        continue;
      }
      let word = text.slice(item.start, item.end);
      // "AF." and "SN," lose their punctuation.
      let wordEnd = item.end;
      while (wordEnd - item.start > 1 && (text.charCodeAt(wordEnd - 1) === 46 || text.charCodeAt(wordEnd - 1) === 58)) wordEnd--;
      if (wordEnd < item.end) word = text.slice(item.start, wordEnd);
      const t = token(line, text, item.start, item.start + word.length);
      const upper = upperCase(word);
      // "OVIP CLINTON HILLARY PREL": names of five letters or more follow a person tag.
      if (namesLeft > 0 && NAME_WORD.test(word)) {
        // Read only here, after a tag: on an empty list the index -1 is read as a property's name, a generic lookup.
        const last = this.#tags[this.#tags.length - 1];
        if (last && last.role === 'person' && last.token.range.start.line === line) {
          const merged = token(line, text, last.token.range.start.character, t.range.end.character);
          this.#tags[this.#tags.length - 1] = { token: merged, code: merged.text, role: 'person' };
        } else {
          this.#tags.push({ token: t, code: word, role: 'person' });
        }
        namesLeft--;
        continue;
      }
      namesLeft = PERSON_TAGS.has(upper) ? 3 : 0;
      this.#tags.push({ token: t, code: upper, role: 'code' });
    }
    const last = trimEnd(text, to);
    this.#tagsOpen = this.#tags.length === 0 || (last > from && (text.charCodeAt(last - 1) === 44 || text.charCodeAt(last - 1) === 59));
    if (this.#tagsRange && this.r.tags) {
      this.#tagsRange = union(this.#tagsRange, range(line, Math.min(from, trimEnd(text, to)), trimEnd(text, to)));
      const tags = this.r.tags as Mutable<TagsField>;
      tags.range = this.#tagsRange;
      tags.tags = this.#tags;
    }
  }

  // SUBJECT ----------------------------------------------------------------

  subjectStart(line: number, text: string, kwStart: number, kwEnd: number, end: number): void {
    let pos = kwEnd;
    while (pos < end && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
    let portion: PortionMarking | undefined;
    // "SUBJECT: \u200B(C) …": an invisible character (CBL035 reports it) hides no marking.
    const at = markingStart(text, pos);
    if (text.charCodeAt(at) === 40 /* ( */) {
      portion = parsePortionMarking(line, text, at);
      // "SUBJECT: (S-300) MISSILES", "SUBJECT: (EU) LEADERS MEET": prose in brackets that names no level, or a level and
      // words no marking holds, is the subject's text, as at a line's start in the text; "SUBJECT: (TS) TALKS" is marked.
      if (portion && (portion.level === undefined || !isItemMarking(portion, text, false))) portion = undefined;
      if (portion) {
        pos = portion.token.range.end.character;
        while (pos < end && text.charCodeAt(pos) === 32) pos++;
      }
    }
    this.#subjectParts = [];
    const endTrim = trimEnd(text, end);
    if (endTrim > pos) this.#subjectParts.push(token(line, text, pos, endTrim));
    this.r.subject = {
      range: range(line, kwStart, Math.max(trimEnd(text, kwEnd), endTrim)),
      keyword: token(line, text, kwStart, trimEnd(text, kwEnd)),
      text: '',
      parts: this.#subjectParts,
      portion,
    };
  }

  /**
   * A subject's line under a blank line that broke it (`SUBJECT: FERRY TALKS AND` ⏎ "" ⏎ `THE QUAYS`), with Classified By or
   * REF still to come: it goes on with the field the blank line broke, the second SUBJECT where one is being read
   * (`SUBJECT: PIER FEES AND` ⏎ "" ⏎ `THE QUAYS` under the first), within its lines' limits ({@link #repeatContinue}; false
   * past them), and the first otherwise, as before (true).
   */
  subjectAfterBlank(line: number, text: string): boolean {
    if (this.#repeat?.field === 'SUBJECT') return this.#repeatContinue(line, text, false);
    this.subjectAppend(line, text);
    return true;
  }

  subjectAppend(line: number, text: string): void {
    const subject = this.r.subject;
    if (!subject) return;
    // A bare "CONFIDENTIAL" page-break line inside a wrapped subject.
    if (LONE_LEVEL.test(text)) {
      this.kinds[line] = 'page';
      return;
    }
    let from = 0;
    let to = text.length;
    const old = text.charCodeAt(skipSpaces(text)) === 80 /* P */ ? findOldPageHeader(line, text) : undefined;
    if (old) from = old.token.range.end.character;
    for (const page of this.hints.bits[line] & PAGE ? findPageLines(line, text) : []) {
      // "SUBJECT: … BRASILIA 00000351 002 OF 004 …": the page marker is not subject text.
      if (page.token.range.start.character <= from + 1 || text.slice(from, page.token.range.start.character).trim() === '') {
        from = page.token.range.end.character;
      } else {
        to = Math.min(to, page.token.range.start.character);
      }
    }
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    const end = trimEnd(text, to);
    this.kinds[line] = old || from > 0 ? 'page' : 'subject';
    if (end > from) {
      this.kinds[line] = 'subject';
      this.#subjectParts.push(token(line, text, from, end));
      (subject as Mutable<SubjectField>).range = union(subject.range, range(line, from, end));
    }
  }

  // REF --------------------------------------------------------------------

  refStart(line: number, text: string, kwStart: number, kwEnd: number, end: number): void {
    if (!this.r.refs) {
      this.#refItems = [];
      this.r.refs = {
        range: range(line, kwStart, Math.max(trimEnd(text, end), trimEnd(text, kwEnd))),
        keyword: token(line, text, kwStart, trimEnd(text, kwEnd)),
        items: this.#refItems,
      };
    }
    // "REF: REF (A) MADRID 3785": a repeated keyword is not an item.
    let from = kwEnd;
    const again = REF_AGAIN.exec(text.slice(from, end));
    if (again) from += again[0].length;
    // "REF: NONE" cites nothing.
    if (REF_NONE.test(text.slice(from, end))) return;
    this.refAppend(line, text, from, end);
  }

  /**
   * True when `text`, after a blank line under the REF field read so far, opens its next item ({@link continuesRefField}):
   * with `aloneAllowed` (nothing but blank lines under it), also the letter right after the last item's with no citation
   * yet (`¶B.`).
   */
  continuesRef(text: string, aloneAllowed: boolean): boolean {
    return continuesRefField(this.#refItems, text, aloneAllowed ? 'next' : false);
  }

  /**
   * Reads REF items from `[from, to)`. On a `continued` line (not the keyword's), text before the
   * first letter may finish the last item instead of starting one: see {@link #continuesItem}.
   */
  refAppend(line: number, text: string, from: number, to: number, continued = false): void {
    // Letters: "A.", "A)", "(A)", "¶B.", "A:".
    const markers: { start: number; end: number; letter: string; after?: number; marking?: number }[] = [];
    // "REF: (S) NOWHERE 488": where a marking that opens the field's first item starts.
    let leadMarking = -1;
    // "REF:A. STATE 12", "REF:A.STATE 12": the first letter right after the field's colon, with no space between, where
    // a colon before a letter is read nowhere else ("STATE 12:B. …").
    const fieldColon = !continued && text.charCodeAt(from - 1) === 58 /* : */ ? from : -1;
    const re = REF_LETTER;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = execPastColons(re, text, fieldColon)) !== null && m.index < to) {
      const letter = upperCase(m[2] ?? m[3]);
      const end = m.index + m[0].length;
      // "A. (S) NOWHERE 488": a portion marking after the item's letter, not a second letter ("¶C. (C) PARIS 7527" is one).
      if (m[2] !== undefined && isLevelLetter(letter) && this.#refMarking(text, markers, from, m.index, letter)) {
        if (markers.length > 0) {
          markers[markers.length - 1].after = end;
          markers[markers.length - 1].marking = m.index;
        } else {
          leadMarking = m.index;
          from = end;
        }
        continue;
      }
      markers.push({ start: m.index, end, letter });
    }
    this.#doubleLetters(text, from, to, markers);
    this.#gluedLetters(text, from, to, markers, fieldColon);
    const firstItem = this.#refItems.length;
    const segments: { start: number; end: number; marker?: (typeof markers)[number] }[] = [];
    if (markers.length === 0) segments.push({ start: from, end: to });
    else {
      if (text.slice(from, markers[0].start).trim().length > 0) segments.push({ start: from, end: markers[0].start });
      markers.forEach((mk, k) => segments.push({ start: mk.after ?? mk.end, end: k + 1 < markers.length ? markers[k + 1].start : to, marker: mk }));
    }
    for (const seg of segments) {
      // "A. (S) NOWHERE 488", "REF: (C) NOWHERE 12": the marking read with the letters; "B. (S/NF) STATE 30122", "(TS) STATE
      // 30122": an item's portion marking is no part of its citation. Kept as the item's, only on the items that have one.
      const at = seg.marker ? seg.marker.marking : seg.start === from ? leadMarking : undefined;
      let marking = at !== undefined && at >= 0 ? parsePortionMarking(line, text, at) : undefined;
      if (!marking) {
        const start = skipRefMarking(text, seg.start, seg.end);
        if (start !== seg.start) marking = parsePortionMarking(line, text, skipSpaces(text, seg.start));
        seg.start = start;
      }
      if (seg.marker) {
        const letterToken = token(line, text, seg.marker.start, seg.marker.end);
        // "¶B. (B) MADRID 156": the letter written twice on one line, the first before nothing but the second.
        const pending = this.#pendingRef;
        const doubled = pending && pending.letter === seg.marker.letter && pending.letterToken.range.start.line === line ? pending.letterToken : undefined;
        // "A. STATE 12" ⏎ "(B)" ⏎ "(C) STATE 4410": a letter with no citation before the next letter is an item of its own
        // ("A. NOWHERE 12 B." ⏎ "B. NOWHERE 14": the same letter again on the next line is the one item, as before).
        if (pending && pending.letter !== seg.marker.letter) this.#flushPendingRef();
        this.#pendingRef = undefined;
        const pieces = citationPieces(text, seg.start, seg.end);
        if (pieces.length === 0) {
          // "C)" at the end of a line: the citation is on the next line.
          // Alone on its line ("C." ⏎ ⏎ …): an item of its own should the field end under it (#flushPendingRef).
          const alone = skipSpaces(text) === (doubled ?? letterToken).range.start.character;
          this.#pendingRef = marking ? { letterToken, letter: seg.marker.letter, doubled, marking, alone } : { letterToken, letter: seg.marker.letter, doubled, alone };
          continue;
        }
        this.#pushItem(line, text, pieces[0].start, pieces[0].end, letterToken, seg.marker.letter, doubled, marking);
        for (const p of pieces.slice(1)) this.#pushItem(line, text, p.start, p.end);
      } else {
        const pieces = citationPieces(text, seg.start, seg.end);
        for (let k = 0; k < pieces.length; k++) {
          const p = pieces[k];
          if (k === 0 && continued && !this.#pendingRef && seg.start === from && this.#continuesItem()) {
            this.#extendItem(line, text, p.start, p.end);
          } else if (this.#pendingRef) {
            const pending = this.#pendingRef;
            this.#pendingRef = undefined;
            this.#pushItem(line, text, p.start, p.end, pending.letterToken, pending.letter, pending.doubled, pending.marking ?? (k === 0 ? marking : undefined));
          } else this.#pushItem(line, text, p.start, p.end, undefined, undefined, undefined, k === 0 ? marking : undefined);
        }
      }
    }
    // Items on one line: two read from it, or one read from it after an item that goes on onto it.
    const read = this.#refItems.length - firstItem;
    if (read > 1 || (read === 1 && firstItem > 0 && this.#refItems[firstItem - 1].range.end.line === line)) this.#initialsNotLetters(line, text, firstItem);
  }

  /**
   * "REF: A. A. MAIER - QUINN EMAIL … B. B. LAMBERT - ENGLEKEN EMAIL …" (06ISLAMABAD3705): items listed on one line are the
   * cable's own list, as the release's lettering puts each item it letters again on a line of its own ("A. A. 07 BAGHDAD
   * 3668" ⏎ "¶B. B. …"), so a letter and a full stop before a name, in an item that cites no cable, is that name's initial
   * and no copy of the letter: the item's letter is the first, and its citation opens with the initial. Visits the items
   * read from this line, from index `from`.
   */
  #initialsNotLetters(line: number, text: string, from: number): void {
    for (let k = from; k < this.#refItems.length; k++) {
      const item = this.#refItems[k];
      const first = item.doubledLetter;
      const second = item.letterToken;
      if (!first || !second || item.cable || second.range.start.line !== line || first.range.start.line !== line) continue;
      const end = second.range.end.character;
      if (text.charCodeAt(end - 1) !== 46 /* . */ || !isLetter(text.charCodeAt(skipSpaces(text, end)))) continue;
      const citation = token(line, text, second.range.start.character, item.citation.range.end.character);
      this.#refItems[k] = this.#item(item.range, citation, item.labels, first, item.letter, undefined, item.marking);
    }
  }

  /**
   * True when the level letter in parentheses at `at` (`(S)`, `(C)`, `(U)`) is an item's portion marking rather than its
   * letter: right after another item's letter with only white space between (`A. (S) NOWHERE 488`; the same letter
   * again, `¶C. (C) PARIS 7527`, is the letter written twice where the items before it are so written), or opening the
   * first item of the field (`REF: (S) NOWHERE 488`).
   */
  #refMarking(text: string, markers: readonly { start: number; end: number; letter: string; after?: number }[], from: number, at: number, letter: string): boolean {
    const last = markers[markers.length - 1];
    if (last) {
      if (last.after !== undefined || skipSpaces(text, last.end) !== at) return false;
      // "¶C. (C) PARIS 7527" after "A. (A) …" and "¶B. (B) …": the release letters every item twice, so the same letter
      // again is the letter written twice only where an item before it is so written, not under items marked "B. (C) …".
      return last.letter !== letter || !this.#lettersDoubled(text, markers);
    }
    return this.#refItems.length === 0 && !this.#pendingRef && skipSpaces(text, from) === at;
  }

  /** True when an item read before in this field, or on this line, has its letter written twice (`A. (A) …`). */
  #lettersDoubled(text: string, markers: readonly { end: number; start: number; letter: string }[]): boolean {
    for (const item of this.#refItems) if (item.doubledLetter) return true;
    for (let k = 1; k < markers.length; k++) {
      if (markers[k].letter === markers[k - 1].letter && skipSpaces(text, markers[k - 1].end) === markers[k].start) return true;
    }
    return false;
  }

  /**
   * Adds to `markers` the letters past Z in `[from, to)` (`Z. PARIS 12` ⏎ `AA. PARIS 40` ⏎ `BB. …`): a letter written twice,
   * read only where the letters before it (the items', then this line's) have reached Z and it is one of the three after
   * the last; `markers` stays in text order.
   */
  #doubleLetters(text: string, from: number, to: number, markers: { start: number; end: number; letter: string }[]): void {
    let last = this.#pendingRef?.letter;
    for (let k = this.#refItems.length - 1; k >= 0 && last === undefined; k--) last = this.#refItems[k].letter;
    // Most REF fields never reach Z: nothing more is read on their lines.
    let after = last === undefined ? 0 : refLetterOrdinal(last);
    let z = after >= 26;
    for (let k = 0; k < markers.length && !z; k++) z = markers[k].letter === 'Z';
    if (!z) return;
    const found: { start: number; end: number; letter: string }[] = [];
    const re = REF_DOUBLE_LETTER;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < to) {
      const letter = upperCase(m[2] ?? m[3]);
      if (refLetterOrdinal(letter) > 26) found.push({ start: m.index, end: m.index + m[0].length, letter });
    }
    if (found.length === 0) return;
    const merged: { start: number; end: number; letter: string }[] = [];
    let i = 0;
    for (let j = 0; j <= markers.length; j++) {
      const next = j < markers.length ? markers[j].start : Infinity;
      for (; i < found.length && found[i].start < next; i++) {
        const place = refLetterOrdinal(found[i].letter);
        if (after < 26 || !letterFollows(place, after)) continue;
        merged.push(found[i]);
        after = place;
      }
      if (j < markers.length) {
        merged.push(markers[j]);
        after = refLetterOrdinal(markers[j].letter);
      }
    }
    markers.length = 0;
    for (const mk of merged) markers.push(mk);
  }

  /**
   * Adds to `markers`, in order, the letters in `[from, to)` written with no space after their full stop, parenthesis or
   * colon, `B.STATE 4410`, `¶B.STATE 4410`, `A.05 KIEV 4590`, `B)STATE 4410`, `B:STATE 4410`, or after their parentheses,
   * `(C)STATE 4410`: read only in the place and shape {@link gluedLetterFollows} allows after the letter before it (this
   * line's, the one still waiting for its citation, the last item's), and only where what follows it, to the next letter or
   * `;`, reads as a cable citation, so that an abbreviation (`U.S.-`, `E.O.`) or initials in free text (`MEMO TO J.SMITH`)
   * are no letter. A letter in parentheses with a marking's shape right after another letter (`(B) (C)STATE 4410`, or at a
   * line's start under a letter left at the end of the line above) is that item's portion marking, read as before.
   */
  #gluedLetters(text: string, from: number, to: number, markers: { start: number; end: number; letter: string }[], fieldColon: number): void {
    const re = GLUED_REF_LETTER;
    re.lastIndex = from;
    let m = execPastColons(re, text, fieldColon);
    if (m === null || m.index >= to) return;
    const pending = this.#pendingRef;
    let before = pending?.letterToken;
    let beforeLetter = pending?.letter;
    for (let k = this.#refItems.length - 1; k >= 0 && beforeLetter === undefined; k--) {
      beforeLetter = this.#refItems[k].letter;
      before = this.#refItems[k].letterToken;
    }
    for (; m !== null && m.index < to; m = execPastColons(re, text, fieldColon)) {
      const start = m.index;
      const end = start + m[0].length;
      const letter = upperCase(m[2] ?? m[3]);
      // "(C)STATE 4410": a letter in parentheses with a marking's shape.
      const markingShaped = m[2] !== undefined && isLevelLetter(letter);
      // The letter before it: the last of this line's before it, else the item's before the line.
      let last = beforeLetter;
      let lastParenthesised = parenthesisedLetter(before);
      let lastEnd = -1;
      let next = to;
      for (const mk of markers) {
        if (mk.start < start) {
          last = mk.letter;
          lastParenthesised = text.lastIndexOf('(', mk.end - 1) >= mk.start;
          lastEnd = mk.end;
        } else if (mk.start < next) next = mk.start;
      }
      // "B. (C)STATE 4410", "(B)" ⏎ "(C)STATE 4410": right after a letter, a portion marking.
      if (markingShaped && (lastEnd >= 0 ? skipSpaces(text, lastEnd) === start : pending !== undefined && skipSpaces(text, from) === start)) continue;
      // With no letter before it, the items before it: the field's, then this line's citations before it ("REF: STATE 12
      // B.PARIS 7").
      const unlettered = last === undefined && (this.#refItems.length > 0 || citationPieces(text, from, start).length > 0);
      if (!gluedLetterFollows(refLetterOrdinal(letter), last === undefined ? undefined : refLetterOrdinal(last), unlettered, markingShaped, lastParenthesised)) continue;
      // What follows the letter up to the next one that looks glued counts too: "A.NOWHERE 12 B.STATE 4410".
      const glued = GLUED_REF_LETTER_AHEAD;
      glued.lastIndex = end;
      const nextGlued = glued.exec(text);
      if (nextGlued !== null && nextGlued.index < next) next = nextGlued.index;
      if (!citationOpens(text, end, next)) continue;
      // Into the markers, which are in text order, after the last that starts before it.
      let at = markers.length;
      while (at > 0 && markers[at - 1].start > start) at--;
      markers.splice(at, 0, { start, end, letter });
      re.lastIndex = end;
    }
  }

  /**
   * True when the first citation on a continuation line, before any letter, finishes the last item
   * rather than starting one: "(E) 2008" ⏎ "ISTANBUL 146", "B. STATE 81957: REPORT OF U.S.-" ⏎
   * "RUSSIA MANPADS EXPERTS MEETING". The last item carries no label and either ends open ("-", ":")
   * or has a letter and is not yet a cable citation: "A. KIEV 1186" ⏎ "KIEV 1190" are two items,
   * and so are "B. RIYADH 43" ⏎ "reasons 1.4 (b)" when a line was lost between them.
   */
  #continuesItem(): boolean {
    const last = this.#refItems[this.#refItems.length - 1];
    if (!last || last.labels.length > 0) return false;
    const previous = last.citation.text;
    const close = previous.charCodeAt(previous.length - 1);
    return close === 45 /* - */ || close === 58 /* : */ || (last.letter !== undefined && !last.cable);
  }

  /** Replaces the last item with one whose citation goes on with `[start, end)` of `line`. */
  #extendItem(line: number, text: string, start: number, end: number): void {
    const last = this.#refItems.pop()!;
    const { labels, citationEnd } = trailingLabels(line, text, start, end);
    const previous = last.citation.text;
    // "U.S.-" ⏎ "RUSSIA" is one word; "OCTOBER 28 -" ⏎ "NOVEMBER 16" keeps its spaces.
    const glued = previous.endsWith('-') && !previous.endsWith(' -');
    const citationText = previous + (glued ? '' : ' ') + text.slice(start, citationEnd);
    const citation: Token = { text: citationText, range: { start: last.citation.range.start, end: pos(line, citationEnd) } };
    this.#refItems.push(this.#item(union(last.range, range(line, start, end)), citation, labels, last.letterToken, last.letter, last.doubledLetter, last.marking));
  }

  /**
   * Keeps the letter still waiting for its citation as an item that cites nothing, where the next letter or the field's end
   * comes first: `(B)` of `REF: A. STATE 12` ⏎ `(B)` ⏎ `(C) STATE 4410`, `B.` of `REF: A. STATE 12 B. C. STATE 4410`, `C.` ending
   * the field. Its citation is empty, at the end of its letter or of the marking after it (`B. (C)`), so that the letters
   * after it keep their places and the letter is read once.
   */
  #flushPendingRef(): void {
    const pending = this.#pendingRef;
    if (!pending) return;
    this.#pendingRef = undefined;
    const end = (pending.marking?.token ?? pending.letterToken).range.end;
    const citation: Token = { text: '', range: { start: end, end } };
    const first = pending.doubled ?? pending.letterToken;
    this.#refItems.push(this.#item({ start: first.range.start, end }, citation, [], pending.letterToken, pending.letter, pending.doubled, pending.marking));
  }

  #pushItem(line: number, text: string, start: number, end: number, letterToken?: Token, letter?: string, doubledLetter?: Token, marking?: PortionMarking): void {
    const { labels, citationEnd } = trailingLabels(line, text, start, end);
    const citation = token(line, text, start, citationEnd);
    // The item opens with its letter, else with its marking ("REF: (C) NOWHERE 12").
    const first = doubledLetter ?? letterToken ?? marking?.token;
    this.#refItems.push(this.#item(first ? union(first.range, range(line, start, end)) : range(line, start, end), citation, labels, letterToken, letter, doubledLetter, marking));
  }

  #item(itemRange: Range, citation: Token, labels: readonly Token[], letterToken?: Token, letter?: string, doubledLetter?: Token, marking?: PortionMarking): RefItem {
    const cable = parseCitation(citation.text);
    const year = cable?.year ?? (cable && this.citing ? citedYear(cable, this.citing) : undefined);
    const item: { -readonly [K in keyof RefItem]: RefItem[K] } = {
      range: itemRange,
      letterToken,
      letter,
      citation,
      cable,
      id: cable && year !== undefined ? canonicalId(year, cable.post, cable.number) : undefined,
      labels,
    };
    // Set only on the few items that have it, after the literal: a spread into it would copy every item's fields.
    if (doubledLetter) item.doubledLetter = doubledLetter;
    if (marking) item.marking = marking;
    return item;
  }

  // Classified By ----------------------------------------------------------

  classifiedBy(line: number, text: string, kwStart: number, kwEnd: number, end: number, inParagraph = false): void {
    const keywordText = text.slice(kwStart, kwEnd);
    this.r.classifiedBy = {
      range: range(line, kwStart, trimEnd(text, end)),
      keyword: token(line, text, kwStart, trimEnd(text, kwEnd)),
      reasons: [],
      reasonLetters: [],
      derived: (keywordText.charCodeAt(0) | 32) === 100 /* d */,
    };
    this.#clbyLines = 1;
    const title = this.#readReasons(line, text, kwEnd, end, true);
    if (title >= 0 && !inParagraph) this.#endAtTitle(line, text, title);
    // Inside a paragraph the line stays the paragraph's.
    if (this.kinds[line] === 'text' && !inParagraph) this.kinds[line] = 'classified-by';
  }

  /** "¶2. (U) Classified by …, Reasons 1.4" ⏎ "(b) and (d).": the letters on a paragraph's next line, when its Classified By has a section and no letters. */
  clbyLettersInParagraph(line: number, text: string): void {
    const c = this.r.classifiedBy as Mutable<ClassifiedBy> | undefined;
    // The line must open with the letters: "a plan was agreed" is prose.
    if (!c || c.section === undefined || c.reasonLetters.length > 0 || !LETTERS_LINE.test(text)) return;
    this.#readReasons(line, text, 0, text.length, false);
    if (c.reasonLetters.length > 0) c.range = union(c.range, range(line, 0, trimEndOffset(text)));
  }

  /** True when the Classified By has what it needs (a section or letters). */
  clbyComplete(): boolean {
    const c = this.r.classifiedBy;
    return !c || (c.reasons.length > 0 && !this.#reasonOpen);
  }

  #reasonOpen = false;

  clbyContinue(line: number, text: string, afterBlank: boolean): boolean {
    const c = this.r.classifiedBy;
    // A block's title glued to the field's last line ends it.
    if (!c || this.#clbyLines >= 4 || this.r.gluedBlockTitle) return false;
    // After a blank line only the reason itself may follow: "1.4(C)."
    if (afterBlank && !REASON_ALONE.test(text)) return false;
    if (this.clbyComplete() && !afterBlank) return false;
    if (this.#classifierOpen) this.#continueClassifier(line, text, afterBlank);
    this.#clbyLines++;
    this.kinds[line] = 'classified-by';
    const title = this.#readReasons(line, text, 0, text.length, false);
    const clby = this.r.classifiedBy as Mutable<ClassifiedBy>;
    clby.range = union(clby.range, range(line, 0, trimEndOffset(text)));
    if (title >= 0) this.#endAtTitle(line, text, title);
    return true;
  }

  /** "… 1.4 (b) and (d). Summary -------": the field ends at the full stop before the block's title, which the body reads. */
  #endAtTitle(line: number, text: string, title: number): void {
    const c = this.r.classifiedBy as Mutable<ClassifiedBy>;
    c.range = { start: c.range.start, end: pos(line, trimEndOffset(text, title)) };
    this.r.gluedBlockTitle = pos(line, title);
  }

  /**
   * "… Anna Bell for rea ⏎ sons 1.4 (b)", "… Paul Martin for ⏎ reasons 1.4": the classifier read
   * on the first line ends with the start of the keyword that `next`, the second line, completes; cut it there.
   */
  #cutSplitKeyword(next: string): boolean {
    const c = this.r.classifiedBy as Mutable<ClassifiedBy>;
    const classifier = c.classifier;
    const tail = classifier && SPLIT_KEYWORD_TAIL.exec(classifier.text);
    if (!classifier || !tail) return false;
    const rest = next.slice(skipSpaces(next));
    const fragment = tail[1];
    // Split inside a word ("rea" + "sons") or between words ("for" + "reasons").
    const m = KEYWORD_AT_START.exec(fragment + rest) ?? KEYWORD_AT_START.exec(`${fragment} ${rest}`);
    if (!m || m[0].length <= fragment.length + 1) return false;
    const end = trimClassifier(classifier.text, 0, tail.index);
    const start = classifier.range.start;
    c.classifier = end > 0 ? { text: classifier.text.slice(0, end), range: range(start.line, start.character, start.character + end) } : undefined;
    return true;
  }

  /** True while the classifier read on the first line ran to its end: the next lines may go on with it. */
  #classifierOpen = false;
  /** Lines after the first that read as the classifier's, kept until a line with the keyword or the section confirms them. */
  #classifierLines: { line: number; text: string }[] = [];

  /**
   * A line after the first of a Classified By whose first line held neither the keyword nor the
   * section. On the second line, a keyword split across the lines is cut from the classifier.
   * Otherwise what comes before the keyword or the section ("Kritenbrink." in "… Chief Dan ⏎
   * Kritenbrink. Reasons 1.4"), and any whole lines of words before it, end the classifier, which
   * then spans the lines with its text joined by single spaces.
   */
  #continueClassifier(line: number, text: string, afterBlank: boolean): void {
    if (afterBlank || (this.#clbyLines === 1 && this.#cutSplitKeyword(text))) return void this.#closeClassifier();
    const keyword = REASONS_KEYWORD.exec(text);
    const section = SECTION.exec(text);
    const at = Math.min(keyword ? keyword.index : text.length, section ? section.index : text.length);
    const cs = skipSpaces(text);
    const ce = trimClassifier(text, cs, at);
    // A name or a title goes on; a reason's letters or an order's number do not.
    const words = ce > cs && isClassifierWords(text, cs, ce);
    if (words) this.#classifierLines.push({ line, text: text.slice(0, ce) });
    if (at === text.length) {
      // A whole line of words is kept until a line with the keyword confirms it; any other line ends the classifier.
      if (!words) this.#closeClassifier();
      return;
    }
    const c = this.r.classifiedBy as Mutable<ClassifiedBy>;
    for (const l of this.#classifierLines) {
      const from = skipSpaces(l.text);
      const first = c.classifier;
      c.classifier = first
        ? { text: `${first.text} ${l.text.slice(from)}`, range: spanRange(first.range.start.line, first.range.start.character, l.line, l.text.length) }
        : token(l.line, l.text, from, l.text.length);
    }
    this.#closeClassifier();
  }

  #closeClassifier(): void {
    this.#classifierOpen = false;
    this.#classifierLines = [];
  }

  /**
   * Reads the classifier, the section (1.4/1.5) and the reason letters into the Classified By being built. Returns where a
   * block's title glued after the reasons' end starts ({@link GLUED_BLOCK_TITLE}), or -1.
   */
  #readReasons(line: number, text: string, from: number, to: number, first: boolean): number {
    const c = this.r.classifiedBy as Mutable<ClassifiedBy>;
    // What earlier lines found decides how this one is read.
    const hadSection = c.section !== undefined;
    const segment = text.slice(from, to);
    const section = SECTION.exec(segment);
    const keyword = REASONS_KEYWORD.exec(segment);
    let lettersFrom = -1;
    let title = -1;
    if (first) {
      const classifierEnd = keyword ? keyword.index : section ? section.index : segment.length;
      let cs = 0;
      while (cs < classifierEnd && isClassifierEdge(segment.charCodeAt(cs))) cs++;
      // "Classified By: Classified by Polmincouns …": the keyword written twice.
      if ((segment.charCodeAt(cs) | 32) === 99 /* c */) {
        const again = KEYWORD_AGAIN.exec(segment.slice(cs, classifierEnd));
        if (again) cs += again[0].length;
      }
      let ce = trimClassifier(segment, cs, classifierEnd);
      // "E.O. 12958" inside the classifier text belongs to the reason.
      const eoAt = ce - cs >= 3 ? segment.lastIndexOf('E.O', ce - 3) : -1;
      if (eoAt >= cs && EO_12958.test(segment.slice(eoAt, ce))) ce = trimClassifier(segment, cs, eoAt);
      if (ce > cs) c.classifier = token(line, text, from + cs, from + ce);
      this.#classifierOpen = !keyword && !section;
      this.#classifierLines = [];
    }
    if (section && !hadSection) {
      c.section = token(line, text, from + section.index, from + section.index + section[0].length);
      c.sectionValue = `1.${section[2]}`;
      lettersFrom = section.index + section[0].length;
    } else if (hadSection || (keyword && !section)) {
      lettersFrom = hadSection ? 0 : keyword!.index + keyword![0].length;
    } else if (first) {
      // "DERIVED FROM: DSCG 05-1 B, D", "Derived from DSCG 05-01, b and d": letters after the guide's number.
      const guide = DSCG.exec(segment);
      if (guide) {
        lettersFrom = guide.index + guide[0].length;
        // "Derived from DSCG 05-01, b and d": the classifier is the guide, the letters are the reasons.
        const ge = trimClassifier(text, from, from + guide.index + guide[0].length);
        const classifier = c.classifier;
        if (classifier && classifier.range.end.character > ge && classifier.range.start.character < ge) {
          c.classifier = token(line, text, classifier.range.start.character, ge);
        }
      }
    }
    if (lettersFrom >= 0) {
      // Letters a–h standing alone: "(b) and (d)", "(b,d)", "b and d", "(B & D)", "(b/d)", "(d )".
      const rest = segment.slice(lettersFrom);
      // "a nd" is a split "and", not the letter a.
      const cleaned = rest.replace(SPLIT_AND, '   ').replace(SPLIT_REASONS, '        ');
      // Letters stop at the end of the reason: a sentence that follows starts with a word of two letters or more.
      const stop = LETTERS_STOP.exec(cleaned);
      const scope = stop ? cleaned.slice(0, stop.index) : cleaned;
      for (const at of reasonLetterOffsets(scope)) {
        const s = from + lettersFrom + at;
        (c.reasons as Token[]).push(token(line, text, s, s + 1));
        (c.reasonLetters as string[]).push(scope[at].toLowerCase());
      }
      // "1.4 (b & ⏎ d)": an open parenthesis or a trailing "and"/"," continues on the next line.
      this.#reasonOpen = opensMoreThanCloses(scope) || OPEN_END.test(scope) || (c.reasonLetters.length === 0 && !!c.section);
      // "1.4 (b) and (d). Summary -------": the reasons ended by a full stop, and only a block's title after it to the line's end.
      const glued = stop && !this.#reasonOpen && c.reasonLetters.length > 0 && rest.charCodeAt(stop.index) === 46 /* . */ ? GLUED_BLOCK_TITLE.exec(rest.slice(stop.index)) : null;
      if (glued && stop) title = from + lettersFrom + stop.index + glued[1].length;
    } else {
      // "FOR REASONS" at the end of the line: the section comes next.
      this.#reasonOpen = !!keyword || !c.section;
    }
    return title;
  }
}

// "1.4", "1.5", "1:4", "1/4", "1,4" — the section of the order cited; "l.4" or "I.4", a letter for the digit 1 as a
// typed or scanned copy leaves it, only so written, not after a letter or digit ("Roll.4"), which CBL022 reports.
const SECTION = /(?:(?<![0-9.])1|(?<![0-9A-Za-z.])[lI](?=\.[45]))\s?([.:/,])\s?([45])(?![0-9])/;
// "reasons", also split by a space or without its s: "Rea sons", "reaso ns", "reaons".
const REASONS_KEYWORD = /\b(?:for\s+)?rea\s?s?\s?o\s?ns?\b\s*:?|\bper\b/i;
const EO_12958 = /^E\.O\.?\s?12958\W*$/;
// The start of "for reasons" or "reason" at the end of a line that the next line completes.
const SPLIT_KEYWORD_TAIL = /(?<![A-Za-z])(for(?:\s+r[a-z]{0,5})?|r[a-z]{0,5})$/i;
const KEYWORD_AT_START = /^(?:for\s+)?rea\s?s?\s?o\s?ns?\b/i;
const KEYWORD_AGAIN = /^classified\s+by\b[\s:]*/i;
const DSCG = /\bDSCG\s*[\d-]+\s*,?/i;
const SPLIT_AND = /\ba nd\b/gi;
const SPLIT_REASONS = /\breaso ns\b/gi;
const LETTERS_STOP = /[.;]\s+[A-Za-z]{2,}|\bE\.O\./;
// "(d). Summary -------", "(d). Embassy Comment:": a block's title, its rule or colon, and nothing after it but white space,
// glued after the reasons' full stop (08STOCKHOLM51); the body's `OPENER` reads it there. Group 1 is what comes before it.
const GLUED_BLOCK_TITLE = new RegExp(String.raw`^(\.\s+)(?:(?:${BLOCK_LABELS})\s+)?(?:SUMMARY|COMMENTS?|NOTES?)(?:\s*:|\s*-{2,}|\s+-+)\s*$`, 'i');
// Letters a–h alone, or any letter in parentheses ("(k)" is read so that it can be reported), or a–h after an "l" or "I"
// scanned for the "(" ("1.4 lb) and ld)", which CBL022 reports).
const REASON_LETTER = /(?<![A-Za-z0-9'])([a-hA-H])(?![A-Za-z0-9'])|(?<=\(\s?)([a-zA-Z])(?=\s?\))|(?<=(?<![A-Za-z0-9'])[lI])([a-hA-H])(?=\s?\))/g;
const OPEN_END = /(?:,|&|\band|\bor)\s*$/i;
// A letter standing alone, any letter: the candidates for a reason past h in a list.
const LONE_LETTER = /(?<![A-Za-z0-9'])[A-Za-z](?![A-Za-z0-9'])/g;
// What lies between the letters of a list: white space, brackets, ",", "/", "&", "+", and "and" or "or" once.
const LIST_GAP = /^[\s,/&+()]*(?:(?:and|or)[\s,/&+()]*)?$/i;
// What may follow a list's last letter: brackets, full stops and white space.
const LIST_END = /^[\s).]*$/;
// A list separator, which a gap must hold: two letters side by side with only a space between are no list.
const LIST_SEPARATOR = /[,/&+]|\band\b|\bor\b/i;

/**
 * Where the reason letters of `scope` stand, in text order: each of a–h standing alone ("(b) and (d)", "b/d"), any
 * letter in brackets ("(k)"), and a letter past h in a list with one of a–h ("1.4 (k,d)", "k and d", "K/D", "(b, k)."),
 * or opening a list that goes on on the next line ("1.4 (k,"): so that a letter mistyped past the list is reported.
 */
function reasonLetterOffsets(scope: string): number[] {
  const offsets: number[] = [];
  REASON_LETTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REASON_LETTER.exec(scope)) !== null) offsets.push(m.index);
  // Most reasons are letters a–h alone: only a letter past h standing alone needs the list around it.
  const lone: number[] = [];
  LONE_LETTER.lastIndex = 0;
  while ((m = LONE_LETTER.exec(scope)) !== null) lone.push(m.index);
  const listed = (a: number, b: number) => { const gap = scope.slice(a + 1, b); return LIST_GAP.test(gap) && LIST_SEPARATOR.test(gap); };
  // Where the scope's tail of brackets, full stops and white space begins (LIST_END): a letter before it ends the list when it is the last before it.
  let tail = scope.length;
  while (tail > 0 && LIST_END.test(scope[tail - 1])) tail--;
  // The letters taken here, in text order as `lone` is: merged with those above at the end.
  let added: number[] | undefined;
  // Both lists are in text order: `o` walks the letters already taken alongside `k`.
  for (let k = 0, o = 0, taken = offsets.length; k < lone.length; k++) {
    const at = lone[k];
    while (o < taken && offsets[o] < at) o++;
    if ((o < taken && offsets[o] === at) || isReasonLetter(scope.charCodeAt(at))) continue;
    // After one of a–h, only as the list's last letter ("b and m."): "b/d, i.e. …" goes on with words.
    const before = k > 0 && isReasonLetter(scope.charCodeAt(lone[k - 1])) && listed(lone[k - 1], at) && at + 1 >= tail;
    const after = k + 1 < lone.length && isReasonLetter(scope.charCodeAt(lone[k + 1])) && listed(at, lone[k + 1]);
    // "1.4 (k," ⏎ "d)": the first letter in brackets, then a separator and the end of the line.
    const opens = lone.length === 1 && scope.slice(0, at).trim() === '(' && listed(at, scope.length);
    if (before || after || opens) (added ??= []).push(at);
  }
  return added ? mergeLines(offsets, added) : offsets;
}

/** True for the letters a–h, either case: the reasons of section 1.4. */
function isReasonLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 104;
}

/** White space, ":", "," or ";": what lies between the keyword and the classifier. */
function isClassifierEdge(c: number): boolean {
  return c === 58 || c === 44 || c === 59 || isSpace(c);
}

/** {@link isClassifierEdge} or ".": what lies between the classifier and the reason. */
function isClassifierEnd(c: number): boolean {
  return c === 46 || isClassifierEdge(c);
}

/**
 * Where a classifier in `[start, end)` ends: trailing white space, ":", ",", ";" and "." go, but the full
 * stop of an initialism stays ("CHARGE D'AFFAIRES, A.I.", "U.S."), and so does that of "Jr." and "Sr.",
 * and the ellipsis of a classifier the release cut off ("Classified By: A...", as 10MADRID49 ends).
 */
function trimClassifier(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isClassifierEnd(text.charCodeAt(e - 1))) e--;
  if (e + 3 <= end && text.charCodeAt(e) === 46 && isEllipsis(text, e) && e > start && isAlnum(text.charCodeAt(e - 1))) return e + 3;
  if (e < end && text.charCodeAt(e) === 46 && e - 2 >= start && ((text.charCodeAt(e - 2) === 46 && isLetter(text.charCodeAt(e - 1))) || isJuniorOrSenior(text, start, e))) e++;
  return e;
}

/** True when three full stops, and no fourth, start at `at`: an ellipsis, not a sentence's full stop. */
function isEllipsis(text: string, at: number): boolean {
  return text.charCodeAt(at + 1) === 46 && text.charCodeAt(at + 2) === 46 && text.charCodeAt(at + 3) !== 46;
}

/** True when `[start, end)` ends with the word "Jr" or "Sr", in any case: "Ambassador Jon Quill Jr. for reasons". */
function isJuniorOrSenior(text: string, start: number, end: number): boolean {
  const j = text.charCodeAt(end - 2) | 32;
  return (j === 106 /* j */ || j === 115) /* s */ && (text.charCodeAt(end - 1) | 32) === 114 /* r */ && (end - 3 < start || !isLetter(text.charCodeAt(end - 3)));
}

/** True for the words of a name or a title in `[from, to)`: a letter and no digit. */
function isClassifierWords(text: string, from: number, to: number): boolean {
  let letter = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) return false;
    letter ||= isLetter(c);
  }
  return letter;
}

/** True when `text` has more "(" than ")". */
function opensMoreThanCloses(text: string): boolean {
  let open = 0;
  for (let k = text.indexOf('('); k >= 0; k = text.indexOf('(', k + 1)) open++;
  for (let k = text.indexOf(')'); k >= 0 && open > 0; k = text.indexOf(')', k + 1)) open--;
  return open > 0;
}

// ---------------------------------------------------------------------------
// Helpers

/** A model object while its builder still completes it; it is never shared before. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The text trimmed, with every run of white space made one space: `text.replace(/\s+/g, ' ').trim()`. */
function singleSpaced(text: string): string {
  const start = skipSpaces(text);
  const end = trimEndOffset(text, text.length, start);
  return text.slice(start, end).replace(SPACING, ' ');
}

// The runs of white space `replace(/\s+/g, ' ')` changes: all but a single space. Most subjects have none; a search for
// them is made for every text, where a replace made only for the few with one was first met after the function was
// optimized, and deoptimized it.
const SPACING = /\s{2,}|[^\S ]/g;

/** End of the text before `end` without trailing white space. */
function trimEnd(text: string, end: number): number {
  return trimEndOffset(text, Math.min(end, text.length));
}

/** A token for `[from, to)` without surrounding white space. */
function trimmed(line: number, text: string, from: number, to: number): Token {
  const s = Math.min(skipSpaces(text, from), Math.max(from, to));
  return token(line, text, s, Math.max(s, trimEnd(text, to)));
}

// Letters of REF items: "A.", "A)", "(A)", "¶B.", "A:".
/**
 * `re.exec(text)` (a global pattern of REF letters), past the letters right after a colon other than the field's own, whose
 * letter starts at `fieldColon` ("REF:A.STATE 12"; -1 for none): "STATE 12:B. PARIS 7" and "MEMO B:NOTE" hold no letter.
 */
function execPastColons(re: RegExp, text: string, fieldColon: number): RegExpExecArray | null {
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index !== fieldColon && text.charCodeAt(m.index - 1) === 58 /* : */) re.lastIndex = m.index + 1;
  return m;
}

/** True for the letters of a level in a one-letter portion marking: `S`, `C`, `U`. */
export function isLevelLetter(letter: string): boolean {
  return letter === 'S' || letter === 'C' || letter === 'U';
}

/**
 * Where a REF item's citation starts when a portion marking naming a level opens `[from, to)` (`(S/NF) STATE 30122`,
 * `(TS) …`): past the marking and the white space after it; `from` otherwise. Only a `(` is looked at past white space.
 */
function skipRefMarking(text: string, from: number, to: number): number {
  const at = skipSpaces(text, from);
  if (at >= to || text.charCodeAt(at) !== 40 /* ( */) return from;
  const marking = parsePortionMarking(0, text, at);
  if (!marking?.level || !marking.wellFormed) return from;
  const after = skipSpaces(text, marking.token.range.end.character);
  return after < to ? after : from;
}

// A colon before it is read only where it is the field's own ("REF:A. STATE 12"; `refAppend` passes over the others).
const REF_LETTER = /(?<![^\s;,:])(\u00B6\s?)?(?:\(([A-Za-z])\)|([A-Za-z])[.):])(?=\s|$)/g;
// A REF item's letter with no space after its full stop, parenthesis or colon, or after its parentheses, "B.STATE 4410",
// "¶B.STATE 4410", "B)STATE 4410", "B:STATE 4410", "(C)STATE 4410": a letter or digit follows it. The second group holds
// the letter in parentheses, the third the other. A colon before it only where it is the field's own ("REF:A.STATE 12",
// `#gluedLetters` passes over the others).
const GLUED_REF_LETTER = /(?<![^\s;,:])(\u00B6\s?)?(?:\(([A-Za-z])\)|([A-Za-z])[.):])(?=[A-Za-z0-9])/g;
// {@link GLUED_REF_LETTER} with a lastIndex of its own, for the next such letter after one being read (never after a colon).
const GLUED_REF_LETTER_AHEAD = /(?<![^\s;,])(\u00B6\s?)?(?:\(([A-Za-z])\)|([A-Za-z])[.):])(?=[A-Za-z0-9])/g;
// Letters of REF items past Z, as REF_LETTER reads one: "AA.", "(BB)", "¶CC.".
const REF_DOUBLE_LETTER = /(?<![^\s;,])(\u00B6\s?)?(?:\(([A-Za-z]{2})\)|([A-Za-z]{2})[.):])(?=\s|$)/g;
// A trailing label of a REF item: "(NOTAL)", "(EXDIS)".
const LABEL = /\(([A-Z][A-Z ]{1,14})\)\s*$/;

/** Splits unlettered text into items at ";" (and at "," when every part is a cable citation). */
function citationPieces(text: string, from: number, to: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  for (const part of splitAt(text, 59 /* ; */, from, to)) {
    const commaParts = splitAt(text, 44 /* , */, part.start, part.end);
    const all = commaParts.length > 1 && commaParts.every((c) => parseCitation(text.slice(c.start, c.end).trim()) !== undefined);
    for (const c of all ? commaParts : [part]) {
      let s = c.start;
      let e = c.end;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isCitationEnd(text.charCodeAt(e - 1))) e--;
      if (e > s) pushCitations(text, s, e, pieces);
    }
  }
  return pieces;
}

/**
 * Whether a cable citation opens `[from, to)` of `text` and is its first item (`;` and `,` end one, as between items), its
 * labels aside (`STATE 4410 (NOTAL)`): what a REF letter glued to it (`B.STATE 4410`) must have after it to be one.
 */
function citationOpens(text: string, from: number, to: number): boolean {
  const piece = citationPieces(text, from, to)[0];
  if (piece === undefined || piece.start !== from) return false;
  const { citationEnd } = trailingLabels(0, text, piece.start, piece.end);
  return parseCitation(text.slice(piece.start, citationEnd)) !== undefined;
}

/**
 * Pushes `[start, end)` as one piece, or as several when it is cable citations run together
 * without a separator ("RIO DE JANEIRO 353 RIO DE JANEIRO 311"): split after a number only where
 * every part reads as a cable citation.
 */
function pushCitations(text: string, start: number, end: number, out: { start: number; end: number }[]): void {
  const whole = text.slice(start, end);
  // A line of citations is short; longer text is prose, read as it is.
  if (whole.length > 160 || !isDigit(whole.charCodeAt(whole.length - 1)) || !NUMBER_THEN_WORD.test(whole) || parseCitation(whole)) return void out.push({ start, end });
  const parts: { start: number; end: number }[] = [];
  let s = start;
  for (let i = start + 1; i < end; i++) {
    // A number, spaces, then a letter: a new citation may start here.
    if (!isDigit(text.charCodeAt(i - 1)) || !isSpace(text.charCodeAt(i))) continue;
    let next = i;
    while (next < end && isSpace(text.charCodeAt(next))) next++;
    if (next < end && isLetter(text.charCodeAt(next)) && isRunOnPart(text.slice(s, i))) {
      parts.push({ start: s, end: i });
      s = next;
      i = next;
    }
  }
  if (parts.length > 0 && isRunOnPart(text.slice(s, end))) out.push(...parts, { start: s, end });
  else out.push({ start, end });
}

/** A part of run-on citations: a cable citation whose post is a name ("C 09" in "C 09 KABUL 4039" is not). */
function isRunOnPart(text: string): boolean {
  const citation = parseCitation(text);
  return citation !== undefined && citation.post.length >= 3;
}
// In citations run together, a number followed by a word (and the text ends with a number).
const NUMBER_THEN_WORD = /\d\s+[A-Za-z]/;

/** Trailing labels of the item at `[start, end)` of `line` ("PARIS 2208 (NOTAL)", "ANKARA 1516 (EXDIS)"), and where its citation ends. */
function trailingLabels(line: number, text: string, start: number, end: number): { labels: Token[]; citationEnd: number } {
  const labels: Token[] = [];
  let citationEnd = end;
  for (;;) {
    // A label is short and ends the item: look at the last 24 characters only.
    const from = Math.max(start, citationEnd - 24);
    // A label ends with ")".
    if (text.charCodeAt(trimEndOffset(text, citationEnd, from) - 1) !== 41) break;
    const lm = LABEL.exec(text.slice(from, citationEnd));
    // "STATE 30122 (C/NF)": a portion marking naming a level ends the item as a label does.
    const open = lm ? from + lm.index : markingLabel(text, from, citationEnd);
    if (open < 0) break;
    let cut = open;
    if (cut === start) break;
    const labelStart = cut;
    const labelEnd = trimEndOffset(text, citationEnd, from);
    labels.unshift(token(line, text, labelStart, lm ? labelStart + lm[1].length + 2 : labelEnd));
    while (cut > start && isSpace(text.charCodeAt(cut - 1))) cut--;
    citationEnd = cut;
  }
  return { labels, citationEnd };
}

/**
 * Where a portion marking that names a level and ends `[from, to)` (white space after it aside) opens
 * (`(C/NF)`, `(S//NF)`), or -1; the caller has seen the `)`.
 */
function markingLabel(text: string, from: number, to: number): number {
  const close = trimEndOffset(text, to, from) - 1;
  const open = text.lastIndexOf('(', close);
  if (open < from) return -1;
  const marking = parsePortionMarking(0, text, open);
  return marking?.level && marking.wellFormed && marking.token.range.end.character === close + 1 ? open : -1;
}

/** The parts of `[from, to)` between the characters `sep`, empty ones included. */
function splitAt(text: string, sep: number, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let p = from;
  for (let k = from; k <= to; k++) {
    if (k === to || text.charCodeAt(k) === sep) {
      out.push({ start: p, end: k });
      p = k + 1;
    }
  }
  return out;
}

/** White space, "." or ",": what a citation does not end with. */
function isCitationEnd(c: number): boolean {
  return c === 46 || c === 44 || isSpace(c);
}

/**
 * A line that continues a wrapped TAGS field ("VE, CO", "YI, UNO, IR, LE", "PTER; KDEM", "KPAL"): only letters,
 * white space and `,;()[]#.`, in words of at most nine characters between spaces, commas and semicolons,
 * which separate TAGS on a wrapped line as on the field's first; and it looks like TAGS: each code on it (the words outside
 * parentheses and markdown links, "AF." without its full stop) is a known TAG in either case ("kpal" in a copy in small
 * letters), the last perhaps a known TAG's start, being typed ("PTER KD"); or the line sets them off with a comma or
 * semicolon and each is two to five capitals or a known TAG longer ("KCRM, KJUS, SP", "QQXZ, UNESCO"). A subject's wrapped line that damage put under TAGS ("SUBJECT: FERRY
 * TALKS" ⏎ "TAGS: PREL PGOV" ⏎ "RESUME IN MAY") is no TAGS. Under a field line that lists no TAG yet ("TAGS:") or ends with
 * a separator ("TAGS: PREL, PGOV,"), `open`, a line of that shape is TAGS whatever its codes ("PREL NW").
 * `userTags`, the TAG codes of the user dictionaries in force (in capitals), are known TAGS as the built-in ones are, and a
 * word may be as long as the longest of them ("KLOC ZZQQ" under "TAGS: PREL PGOV" when the team defines KLOC and ZZQQ).
 */
export function continuesTags(text: string, open = false, userTags?: ReadonlySet<string>): boolean {
  const users = userTags !== undefined && userTags.size > 0 ? userTags : undefined;
  const longest = users ? Math.max(9, longestCode(users)) : 9;
  let run = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59 || isSpace(c)) run = 0;
    else if (isLetter(c) || c === 40 || c === 41 || c === 91 || c === 93 || c === 35 || c === 46) {
      if (++run > longest) return false;
    } else return false;
  }
  if (text.length === 0) return false;
  if (open) return true;
  // The codes, read as tagsAppend reads them: the last is looked at once the line is read.
  let known = true;
  let capitals = true;
  let separated = false;
  let codes = 0;
  let next = 0;
  let last = '';
  let item: TagItem | undefined;
  while ((item = nextTagItem(text, next)) !== undefined) {
    if (!separated) separated = holdsTagSeparator(text, next, item.start);
    next = item.end;
    // "(SMITH, JOHN)" names a person, "[MARR](#)" is a TAG as no prose writes one.
    if (item.kind !== 'word') continue;
    let e = item.end;
    while (e - item.start > 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 58)) e--;
    if (codes > 0) known &&= isKnownTag(last.toUpperCase(), users);
    codes++;
    last = text.slice(item.start, e);
    capitals &&= isShortCapitals(last) || (last.length > 5 && isKnownTag(last, users));
  }
  if (codes === 0) return true;
  if (!separated) separated = holdsTagSeparator(text, next, text.length);
  const upper = last.toUpperCase();
  return (known && (isKnownTag(upper, users) || knownTagStarts().has(upper) || (users !== undefined && startsUserTag(upper, users)))) || (separated && capitals);
}

/** Whether `code` is a known TAG, or one of the user dictionaries' `users`. */
function isKnownTag(code: string, users: ReadonlySet<string> | undefined): boolean {
  return KNOWN_TAGS.has(code) || (users !== undefined && users.has(code));
}

/** Whether `start` begins a user dictionary's TAG and is shorter than it ("KLO" for KLOC), being typed. */
function startsUserTag(start: string, users: ReadonlySet<string>): boolean {
  for (const code of users) if (code.length > start.length && code.startsWith(start)) return true;
  return false;
}

/** The length of the longest code of a user dictionary's set, worked out once per set. */
const LONGEST_CODE = new WeakMap<ReadonlySet<string>, number>();
function longestCode(users: ReadonlySet<string>): number {
  let n = LONGEST_CODE.get(users);
  if (n === undefined) {
    n = 0;
    for (const code of users) n = Math.max(n, code.length);
    LONGEST_CODE.set(users, n);
  }
  return n;
}

let KNOWN_TAG_STARTS: ReadonlySet<string> | undefined;

/**
 * Every start of a known TAG shorter than it ("P", "PR", "PRE" for PREL), which a TAG being typed may be; made when a line
 * under TAGS first asks, not when the parser loads (every `cablelint` run and worker loads it, most never ask).
 */
function knownTagStarts(): ReadonlySet<string> {
  return (KNOWN_TAG_STARTS ??= new Set([...KNOWN_TAGS].flatMap((code) => Array.from({ length: code.length - 1 }, (_, k) => code.slice(0, k + 1)))));
}

/** Whether `text` holds a comma or semicolon between `from` and `to`. */
function holdsTagSeparator(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59) return true;
  }
  return false;
}

/** Two to five capitals, nothing else ("KCRM", "SP"). */
function isShortCapitals(word: string): boolean {
  return word.length >= 2 && word.length <= 5 && onlyCapitals(word);
}

// "08 RIO DE JAN 138", "2005 BUCHAREST 2550", "STATE 245841", "london 4212".
// "[08] TUNIS 1137", then nothing, " AND PREVIOUS" or a title after a colon ("STATE 81957: REPORT OF …").
const CITATION = /^(?:(\d{2}|\d{4})\s+)?([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3})\s+0*(\d{1,6})(?:\s+AND\s+PREVIOUS\.?|:(?:\s.*)?)?$/i;

/** Month names written out, which end no post (the abbreviations do: `RIO DE JAN`). */
const FULL_MONTHS: ReadonlySet<string> = new Set([...MONTHS, 'SEPT']);

// "09PARIS708", "09paris708": a cable's canonical id, as a transcriber may write the citation: two digits of the year, the
// post's letters and the number, nothing else; or as PlusD (WikiLeaks' later release) writes it, with the year's four digits
// ("2009PARIS708", "1974STATE150591": 19xx or 20xx) or a second copy's letter after an underscore ("05STATE226504_a"), each
// the id of the cable it copies ("09PARIS708", "74STATE150591", "05STATE226504").
const CANONICAL_CITATION = /^(\d{2}|(?:19|20)\d{2})([A-Za-z]{2,})0*(\d{1,6})(?:_[A-Za-z])?$/;

/** Parses a cable citation; undefined for free text (`SAINZ E-MAIL`, `IIR 6906012405`). */
function parseCitation(text: string): Citation | undefined {
  const trimmed = text.trim();
  // The length tested first: `charCodeAt` past a text's end is NaN, which throws away the optimized code of `isDigit`.
  let m = CITATION.exec(trimmed) ?? (trimmed.length > 0 && isDigit(trimmed.charCodeAt(0)) ? CANONICAL_CITATION.exec(trimmed) : null);
  // "09 LISBON 4l2", "09LISBON4l2": a serial with a letter l or I for the digit 1, or O for 0, read as the digits meant, and
  // "O9 LISBON 412", "O9LISBON412", a year so written (CBL052 reports both); tried only on text no citation reads, ending with
  // such a letter or a digit, or opening with a year of such letters and digits.
  let misread: string | undefined;
  let misreadYear: string | undefined;
  if (!m) {
    misreadYear = misreadYearOf(trimmed);
    misread = misreadSerial(trimmed);
    if (misread !== undefined || misreadYear !== undefined) {
      const from = misreadYear === undefined ? '' : serialDigits(misreadYear);
      const to = misread === undefined ? trimmed.length : trimmed.length - misread.length;
      const meant = `${from}${trimmed.slice(from.length, to)}${misread === undefined ? '' : serialDigits(misread)}`;
      m = CITATION.exec(meant) ?? CANONICAL_CITATION.exec(meant);
    }
  }
  if (!m) return undefined;
  const post = singleSpaced(upperCase(m[2]));
  // "DTG 251847Z MAR 08" and month names are not posts.
  if (NOT_POSTS.has(post)) return undefined;
  // "NOWHERE-OTHERTOWN VIDEO CALL JUNE 3", "SMITH-JONES EMAIL OCTOBER 21": the number after a month is a day.
  const lastSpace = post.lastIndexOf(' ');
  if (lastSpace >= 0 && FULL_MONTHS.has(post.slice(lastSpace + 1))) return undefined;
  // "08 XXXXXXXX 52": a redacted post names no cable.
  if (isRedactedPost(post)) return undefined;
  const citation: { -readonly [K in keyof Citation]: Citation[K] } = {
    year: m[1] !== undefined ? fullYear(digitsNumber(m[1])) : undefined,
    post,
    number: digitsNumber(m[3]),
  };
  // Set only on the few citations that have it, after the literal.
  if (misread !== undefined) citation.misread = misread;
  if (misreadYear !== undefined) citation.misreadYear = misreadYear;
  return citation;
}

/**
 * The year that opens `text` when it holds a letter l or I for the digit 1, or O for 0, a digit among its characters: two
 * characters before a space or a letter ("O9 LISBON 412", "O9LISBON412", "1OPARIS708"), or four before a space ("2OO9
 * LISBON 412"); undefined otherwise, after a test of the first two characters.
 */
function misreadYearOf(text: string): string | undefined {
  // Two characters and a space or letter at least; a shorter text would give `isDigit` and `isLetter` the NaN of a character past its end.
  if (text.length < 3) return undefined;
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  if (!(isDigit(c0) || isMisreadDigit(c0)) || !(isDigit(c1) || isMisreadDigit(c1))) return undefined;
  const c2 = text.charCodeAt(2);
  const c3 = text.charCodeAt(3);
  const four = text.charCodeAt(4) === 32 && (isDigit(c2) || isMisreadDigit(c2)) && (isDigit(c3) || isMisreadDigit(c3));
  const year = four ? text.slice(0, 4) : c2 === 32 || isLetter(c2) ? text.slice(0, 2) : undefined;
  return year !== undefined && MISREAD_SERIAL.test(year) ? year : undefined;
}

/** True for the letters a digit is typed or scanned as: l or I for 1, O for 0. */
function isMisreadDigit(c: number): boolean {
  return c === 108 /* l */ || c === 73 /* I */ || c === 79 /* O */;
}

/**
 * The last word of `text` when it reads as a serial with a letter l or I for the digit 1, or O for 0 ("4l2", "1O5", "I23"):
 * at most six of those letters and digits, a letter and a digit among them; undefined otherwise, after a character test.
 */
function misreadSerial(text: string): string | undefined {
  if (text.length === 0) return undefined;
  const last = text.charCodeAt(text.length - 1);
  if (!isDigit(last) && !isMisreadDigit(last)) return undefined;
  const space = text.lastIndexOf(' ');
  // "09LISBON4l2": a canonical id, one word.
  if (space < 0) return canonicalSerial(text);
  const word = text.slice(space + 1);
  return space > 0 && MISREAD_SERIAL.test(word) ? word : undefined;
}

/**
 * The serial that ends a canonical id when it holds a letter l or I for the digit 1, or O for 0 ("4l2" of "09LISBON4l2"): the
 * characters from the first digit of the digits and such letters that end it, since a post's own last letter may be one
 * ("09TOKYO4l2" is TOKYO's 412); undefined when they hold no such letter, or a post's letters do not come before them.
 */
function canonicalSerial(text: string): string | undefined {
  let k = text.length;
  while (k > 0 && text.length - k < 12 && (isDigit(text.charCodeAt(k - 1)) || isMisreadDigit(text.charCodeAt(k - 1)))) k--;
  while (k < text.length && !isDigit(text.charCodeAt(k))) k++;
  const word = text.slice(k);
  return k > 2 && isLetter(text.charCodeAt(k - 1)) && MISREAD_SERIAL.test(word) ? word : undefined;
}

// A serial of digits and the letters l, I and O read for 1 and 0, holding a letter and a digit: "4l2", "1O5", "I23".
const MISREAD_SERIAL = /^(?=[\dlIO]*\d)(?=[\dlIO]*[lIO])[\dlIO]{1,6}$/;

/** True when the four characters at `at` are digits: an order's, which the keyword's pattern read whole. */
function fourDigits(text: string, at: number): boolean {
  return isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
}

/**
 * The length of an E.O. order at `at` written with a letter l or I for the digit 1, or O for 0 ("l2958", "I2958", "12O65"):
 * five characters, digits or those letters, three digits or more and a letter among them, with no letter or digit after
 * them; 0 for none. The order as written is kept, and CBL013 reports the digits meant.
 */
export function misreadOrder(text: string, at: number): number {
  if (at + 5 > text.length) return 0;
  let digits = 0;
  for (let k = at; k < at + 5; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (c !== 108 /* l */ && c !== 73 /* I */ && c !== 79 /* O */) return 0;
  }
  const after = at + 5 < text.length ? text.charCodeAt(at + 5) : 32;
  if (isDigit(after) || ((after | 32) >= 97 && (after | 32) <= 122)) return 0;
  return digits >= 3 && digits < 5 ? 5 : 0;
}

/** True for a DECL keyword with no value after it ("E.O. 12958: DECL:"). */
function isEmptyDecl(decl: Decl): boolean {
  return decl.keyword !== undefined && decl.value.range.start.character === decl.value.range.end.character;
}

/** Reads the DECL value that starts at `pos`. */
function parseDecl(line: number, text: string, pos: number, end: number): Decl | undefined {
  const endTrim = trimEnd(text, end);
  if (pos >= endTrim) return undefined;
  const rest = text.slice(pos, endTrim);
  let keyword: Token | undefined;
  let valueStart = pos;
  // "DECL:", "decl:", "DECLl:", "Declassify on".
  const kw = (rest.charCodeAt(0) | 32) === 100 /* d */ ? DECL_KEYWORD.exec(rest) : null;
  if (kw) {
    keyword = token(line, text, pos, pos + kw[1].length);
    valueStart = pos + kw[0].length;
  }
  if (valueStart >= endTrim) {
    return { keyword, value: token(line, text, valueStart, valueStart), kind: 'text' };
  }
  const value = token(line, text, valueStart, endTrim);
  const { kind, date, impossible, misread } = classifyDecl(value.text);
  return misread === undefined ? { keyword, value, kind, date, impossible } : { keyword, value, kind, date, impossible, misread };
}

/** Classifies a DECL value and reads its date. */
function classifyDecl(raw: string): { kind: DeclKind; date?: CalendarDate; impossible?: boolean; misread?: string } {
  const v = raw.trim();
  if (/^N\/?A\b/i.test(v)) return { kind: 'na' };
  if (/^OADR\b/i.test(v)) return { kind: 'oadr' };
  if (/^(?:X{4,}|x{4,})$/.test(v)) return { kind: 'redacted' };
  if (/^(?:25)?X\d(?:[, ]+(?:25)?X\d)*\b/i.test(v)) return { kind: 'x-code' };
  if (/DECLASSIFIED/i.test(v)) return { kind: 'declassified' };
  const gds = /^GDS\b(.*)$/i.exec(v);
  if (gds) return { kind: 'gds', date: realDate(readDate(gds[1].trim().split(/\s/)[0] ?? '')) };
  const dng = /^DNG ?:? ?[A-Z]{1,3} +(\S+)/i.exec(v);
  if (dng) return { kind: 'downgrade', date: realDate(readDate(dng[1])) };
  const d = readDate(v);
  if (d) return { kind: 'date', date: realDate(d), impossible: d.impossible };
  // "2O15/03/12", "O3/12/2019", "I2/31/2014", "05/27/20l9": a letter l or I typed or scanned for the digit 1, or O for 0,
  // among the digits of a date, is read as the digit it stands for when that makes a real date (CBL015 reports it).
  if (DECL_LETTER.test(raw) && DECL_DIGIT.test(raw)) {
    const meant = serialDigits(raw);
    const m = readDate(meant.trim());
    if (m && !m.impossible) return { kind: 'date', date: m.date, impossible: false, misread: meant };
  }
  // "12l31/2019", "2015I03/12", "12131/2019": a slash typed or scanned as an l, I, | or the digit 1, read as the slash where
  // the value has the one shape that puts a slash there (misreadSlashes).
  const slashed = v.length === 10 ? misreadSlashes(v) : undefined;
  if (slashed !== undefined) {
    const m = readDate(slashed);
    if (m && !m.impossible) return { kind: 'date', date: m.date, impossible: false, misread: raw.replace(v, slashed) };
  }
  return { kind: 'text' };
}

// Where the slashes of a date of ten characters stand: mm/dd/yyyy and yyyy/mm/dd.
const SLASH_SHAPES: readonly (readonly [number, number])[] = [
  [2, 5],
  [4, 7],
];

/**
 * A date of ten characters (`v`) whose slash, one or both, is typed or scanned as an l, I, | or the digit 1 ("12l31/2019",
 * "2015I03/12", "12131/2019"), with its other characters digits (or l, I, O for 1 and 0), as the date with its slashes
 * written; undefined where no slash is so read, or where both shapes, mm/dd/yyyy and yyyy/mm/dd, read the value.
 */
function misreadSlashes(v: string): string | undefined {
  let found: string | undefined;
  for (const [a, b] of SLASH_SHAPES) {
    let meant = '';
    let misread = false;
    for (let k = 0; k < 10; k++) {
      const c = v[k];
      if (k === a || k === b) {
        if (c === '/' || (c === '-' && a === 4)) meant += c;
        else if (c === 'l' || c === 'I' || c === '|' || c === '1') {
          meant += '/';
          misread = true;
        } else break;
      } else if (isDigit(c.charCodeAt(0)) || c === 'l' || c === 'I' || c === 'O') meant += serialDigits(c);
      else break;
    }
    if (meant.length < 10 || !misread) continue;
    if (found !== undefined) return undefined;
    found = meant;
  }
  return found;
}

// A letter read for a digit in a DECL date ("2O15/03/12"), and a digit beside it.
const DECL_LETTER = /[lIO]/;
const DECL_DIGIT = /\d/;

/** A date read by {@link readDate}, when it is a real one ("DNG: CO 13/45/2010" has none). */
function realDate(d: ReturnType<typeof readDate>): CalendarDate | undefined {
  return d && !d.impossible ? d.date : undefined;
}

/** Reads the seven observed date shapes: mm/dd/yyyy, m/d/yy, yyyy/mm/dd, yyyy-mm-dd and their kin. */
function readDate(v: string): { date: CalendarDate; impossible: boolean } | undefined {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\.?$/.exec(v);
  if (m) {
    const year = fullYear(digitsNumber(m[3]));
    const month = digitsNumber(m[1]);
    const day = digitsNumber(m[2]);
    return { date: { year, month, day }, impossible: !isRealDate(year, month, day) };
  }
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})\.?$/.exec(v);
  if (m) {
    const year = digitsNumber(m[1]);
    const month = digitsNumber(m[2]);
    const day = digitsNumber(m[3]);
    return { date: { year, month, day }, impossible: !isRealDate(year, month, day) };
  }
  return undefined;
}


/** One item of a TAGS line: a markdown link "[MARR](#)", a parenthesis "(CLINTON, HILLARY)" or a word. */
interface TagItem {
  readonly kind: 'link' | 'paren' | 'word';
  readonly start: number;
  readonly end: number;
  /** For a link, the end of the code inside the brackets. */
  readonly inner: number;
}

/** A character of a TAGS word: anything but spaces, commas, semicolons, parentheses and brackets. */
function isTagWordChar(c: number): boolean {
  return c !== 44 && c !== 59 && c !== 40 && c !== 41 && c !== 91 && c !== 93 && !isSpace(c);
}

/** The next TAGS item at or after `from`. Every look-ahead is bounded, so a line is read in linear time. */
function nextTagItem(text: string, from: number): TagItem | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      // "[" 1–24 characters "]" "(" up to 40 characters ")", none of them spaces.
      let k = i + 1;
      while (k < text.length && k - i - 1 < 25 && text.charCodeAt(k) !== 93 && !isSpace(text.charCodeAt(k))) k++;
      if (k === i + 1 || k - i - 1 > 24 || text.charCodeAt(k) !== 93 || text.charCodeAt(k + 1) !== 40) continue;
      let e = k + 2;
      while (e < text.length && e - k - 2 < 41 && text.charCodeAt(e) !== 41 && !isSpace(text.charCodeAt(e))) e++;
      if (e - k - 2 > 40 || text.charCodeAt(e) !== 41) continue;
      return { kind: 'link', start: i, end: e + 1, inner: k };
    }
    if (c === 40 /* ( */) {
      // "(" 1–80 characters ")".
      let k = i + 1;
      while (k < text.length && k - i - 1 <= 80 && text.charCodeAt(k) !== 41) k++;
      if (k === i + 1 || k - i - 1 > 80 || k >= text.length) continue;
      return { kind: 'paren', start: i, end: k + 1, inner: k };
    }
    if (isTagWordChar(c)) {
      let e = i + 1;
      while (e < text.length && isTagWordChar(text.charCodeAt(e))) e++;
      return { kind: 'word', start: i, end: e, inner: e };
    }
  }
  return undefined;
}

/**
 * True when a one-letter marking `inner` in small letters is "s" after text `before`, on a subject's line, that holds a capital letter:
 * "Visit of the harbor commissioner (s)" spells a plural apart ("commissioner(s)"), where a subject typed all in small letters,
 * as 09STATE4134's is, writes its marking so too ("… of proliferation concern (s)").
 */
function pluralEnding(inner: string, before: string): boolean {
  if (inner !== 's') return false;
  for (let k = 0; k < before.length; k++) {
    const c = before.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/**
 * The portion marking that ends a subject's last part `last`, as 09STATE4134 writes it ("… of proliferation concern (s)"),
 * with the part's text before it (`rest`, undefined when the marking is the whole part: `alone` says another part is before
 * it). Only a well-formed marking naming a level, after white space and a word of letters; a letter after another parenthesis
 * or a list's "and" ("1.4 (b) and (c)"), or after a word that names an item or part by its letter ("ANNEX (C)", "OPTION (S)",
 * `labelsItem`), is a list's label, not CONFIDENTIAL, and "(s)" after a word in a subject with capitals a plural's ending.
 */
function trailingSubjectMarking(last: Token, alone: boolean): { portion: PortionMarking; rest?: Token } | undefined {
  const text = last.text;
  const ending = endingMarking(0, text, 0, text.length, alone);
  if (ending === undefined) return undefined;
  const { read, restEnd } = ending;
  const open = read.token.range.start.character;
  const before = text.slice(0, restEnd);
  if (restEnd > 0 && pluralEnding(read.inner.text, before)) return undefined;
  const { line, character } = last.range.start;
  // Its fields written out as parsePortionMarking writes them: a spread of `read` gave the one object of another shape (map)
  // among the markings, which threw four rules' optimized code out at 09STATE4134 in a cold cablelint run over 2,000 files.
  const portion: PortionMarking = {
    token: { text: read.token.text, range: range(line, character + open, character + text.length) },
    inner: { text: read.inner.text, range: range(line, character + open + 1, character + text.length - 1) },
    level: read.level,
    sbu: read.sbu,
    controls: read.controls,
    wellFormed: read.wellFormed,
  };
  return { portion, rest: restEnd > 0 ? { text: before, range: range(line, character, character + restEnd) } : undefined };
}
