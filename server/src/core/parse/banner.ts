/**
 * The classification banner: `<LEVEL> [SECTION nn OF mm] <POST> <serial>`,
 * in every spelling of FORMAT.md §3 and CORPUS-FINDINGS.md §2.
 */
import type { Banner, BannerForm, Level, ParseProblem, Token } from '../model';
import { isSpace, numberToken, skipSpaces, token, upperCase } from '../text';

/**
 * A level in one word alone on its line, in capitals: "SECRET", "CONFIDENTIAL", "UNCLAS". At the banner's place it is
 * the banner (parse/index.ts); elsewhere a page-break line or an echo of the level above the banner (body, metadata).
 */
export const LONE_LEVEL = /^\s*(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS)\s*$/;

/**
 * Level words with the level they stand for (spaces removed, upper case). Every word has
 * six letters or more, so a reading with its first letter lost still has five.
 */
const LEVEL_WORDS: readonly (readonly [string, Level])[] = [
  ['TOPSECRET', 'TOP SECRET'],
  ['CONFIDENTIAL', 'CONFIDENTIAL'],
  ['UNCLASSIFIED', 'UNCLASSIFIED'],
  ['SECRET', 'SECRET'],
  ['UNCLAS', 'UNCLASSIFIED'],
];

/** The word with each pair of neighbouring letters swapped ("SECERT", "CONFIDENTAIL"), where that changes it. */
function swaps(word: string): string[] {
  const result: string[] = [];
  for (let k = 0; k + 1 < word.length; k++) {
    if (word[k] !== word[k + 1]) result.push(word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2));
  }
  return result;
}

/**
 * The letters a scan or a typist reads for each letter of a level word: "S E C R F T" (F for E), "G O N F I D E N T I A L"
 * (G for C), "CONFIDENTIAI" (I for L), "CONFlDENTIAL" (a small l, read in capitals as L, for I). Only such look-alikes,
 * never any letter: a level word so misread is still no other word. The digits 5 and 1 are read as S and I before
 * ({@link digitLetter}), as a zero is read as O.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  C: 'GOE',
  D: 'OB',
  E: 'FBC',
  F: 'EP',
  I: 'LTJ',
  L: 'I',
  N: 'HM',
  O: 'DQCU',
  P: 'FR',
  R: 'KPB',
  T: 'IFY',
  U: 'VO',
};

/** The word with one letter replaced by a look-alike ({@link LOOK_ALIKES}), each with the letter replaced and its stand-in. */
function lookAlikes(word: string): { readonly letters: string; readonly meant: string; readonly read: string }[] {
  const result: { letters: string; meant: string; read: string }[] = [];
  for (let k = 0; k < word.length; k++) {
    const others = LOOK_ALIKES[word[k]];
    if (others === undefined) continue;
    for (const other of others) result.push({ letters: word.slice(0, k) + other + word.slice(k + 1), meant: word[k], read: other });
  }
  return result;
}

/**
 * The letter a digit in a level word stands for, as a number like {@link mayOpenBanner}'s (A = 1), or 0 for none:
 * "C0NFIDENTIAL" (O), "5 E C R E T" (S), "CONF1DENTIAL" (I; "CONFIDENTIA1", an I for L, is a look-alike of that).
 */
function digitLetter(c: number): number {
  return c === 48 ? 15 : c === 53 ? 19 : c === 49 ? 9 : 0;
}

/** The first three letters of every reading {@link BANNER_OPENINGS} holds, as numbers like its own: most lines fail on them. */
const BANNER_PREFIXES = new Uint8Array(1 << 15);

/**
 * The first five and six letters of every reading {@link parseBanner} reads as a level: a level word,
 * the word with its first or last letter lost (words of six letters or more), its first letter
 * doubled, two neighbouring letters swapped, or behind one stray letter. A five-letter
 * reading ("ECRET", "SECRE") may be followed by any letter ("E C R E T PARIS", "S E C R E PARIS"). The word with its last letter doubled ("SECRETT") needs
 * nothing of its own: every word has six letters or more, so its first six are the word's.
 * Letters are five bits each (A = 1), so that lengths never collide. Built with arithmetic
 * only: it runs at every start of the CLI and the server.
 */
const BANNER_OPENINGS: ReadonlySet<number> = (() => {
  const openings = new Set<number>();
  // A reading: an optional first letter (stray or doubled, as a number; 0 for none), then `word` from `from`.
  const add = (first: number, word: string, from: number) => {
    let code = first;
    const fromWord = first > 0 ? 4 : 5;
    for (let k = 0; k < fromWord; k++) code = code * 32 + (word.charCodeAt(from + k) - 64);
    BANNER_PREFIXES[code >> 10] = 1;
    openings.add(code);
    if ((first > 0 ? 1 : 0) + word.length - from >= 6) openings.add(code * 32 + (word.charCodeAt(from + fromWord) - 64));
    else for (let next = 1; next <= 26; next++) openings.add(code * 32 + next);
  };
  for (const [word] of LEVEL_WORDS) {
    add(0, word, 0);
    for (const swapped of swaps(word)) add(0, swapped, 0);
    add(word.charCodeAt(0) - 64, word, 0);
    add(0, word, 1);
    // The word with its last letter lost: only "SECRE" and "UNCLA" are shorter than six letters.
    add(0, word.slice(0, -1), 0);
    for (let stray = 1; stray <= 26; stray++) add(stray, word, 0);
    for (const misread of lookAlikes(word)) add(0, misread.letters, 0);
  }
  return openings;
})();

/**
 * A cheap necessary condition for a banner at `lead` (strict or not): the first six letters,
 * spaces skipped and read in capitals, begin a level word, the word with its first letter
 * lost or doubled, its last letter lost, two neighbouring letters swapped, or the word behind one stray letter
 * (the damage {@link parseBanner} reads; a last letter doubled leaves the first six letters
 * as they are).
 * Prose lines ("THE MINISTER", "CONSULATE", "Secretary Rice") fail it.
 */
export function mayOpenBanner(text: string, lead: number): boolean {
  let code = 0;
  let count = 0;
  for (let i = lead; i < text.length && count < 6; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) code = code * 32 + (c - 96);
    else if (c >= 65 && c <= 90) code = code * 32 + (c - 64);
    // "C0NFIDENTIAL", "5 E C R E T", "CONF1DENTIAL": a digit typed or scanned for a letter.
    else if (c >= 48 && c <= 57 && digitLetter(c) > 0) code = code * 32 + digitLetter(c);
    else if (!isSpace(c)) break;
    else continue;
    count++;
    if (count === 3 && BANNER_PREFIXES[code] === 0) return false;
  }
  // The shortest level reading is five letters ("ECRET").
  return count >= 5 && BANNER_OPENINGS.has(code);
}

/** How a run of letters relates to a level word. */
export interface LevelMatch {
  readonly level: Level;
  readonly damaged: boolean;
  readonly how?: string;
  /** One letter read as a look-alike ("S E C R F T"): the level is a reading, so its respelling is the user's to choose. */
  readonly misread?: boolean;
}

/**
 * Every run of letters {@link parseBanner} reads as a level, with how it reads: the words
 * themselves first, then for each word in turn its first letter doubled ("SS E C R E T",
 * "UUNCLAS"), lost ("E C R E T", "O N F I D E N T I A L"), its last letter doubled
 * ("C O N F I D E N T I A L L", "SECRETT") or lost ("S E C R E", "CONFIDENTIA"), a stray letter glued in front ("CSE C R E T") or two
 * neighbouring letters swapped ("CONFIDENTAIL", "S E C E R T").
 * The first reading found wins.
 */
export const READINGS: ReadonlyMap<string, LevelMatch> = (() => {
  const readings = new Map<string, LevelMatch>();
  const add = (letters: string, match: LevelMatch) => {
    if (!readings.has(letters)) readings.set(letters, match);
  };
  for (const [word, level] of LEVEL_WORDS) add(word, { level, damaged: false });
  for (const [word, level] of LEVEL_WORDS) {
    add(word[0] + word, { level, damaged: true, how: 'first letter doubled' });
    add(word.slice(1), { level, damaged: true, how: 'first letter lost' });
    add(word + word[word.length - 1], { level, damaged: true, how: 'last letter doubled' });
    add(word.slice(0, -1), { level, damaged: true, how: 'last letter lost' });
    for (let stray = 65; stray <= 90; stray++) add(String.fromCharCode(stray) + word, { level, damaged: true, how: 'stray letter in front' });
    for (const swapped of swaps(word)) add(swapped, { level, damaged: true, how: 'two letters swapped' });
  }
  // After every other reading, so that a spelling one of them explains keeps its account.
  for (const [word, level] of LEVEL_WORDS) {
    for (const { letters, meant, read } of lookAlikes(word)) add(letters, { level, damaged: true, how: `the letter ${read} for ${meant}`, misread: true });
  }
  return readings;
})();

/** The fewest letters of a reading in {@link READINGS} ("ECRET", "SECRE"): a shorter run reads as no level. */
const SHORTEST_READING = Math.min(...Array.from(READINGS.keys(), (letters) => letters.length));
/** The most letters of a reading in {@link READINGS} ("CONFIDENTIALL"): a longer run reads as no level. */
const LONGEST_READING = Math.max(...Array.from(READINGS.keys(), (letters) => letters.length));

/**
 * What each ASCII character is in a level's words: {@link CAPITAL}, {@link SMALL_LETTER}, a digit read for a letter
 * ({@link DIGIT}: 0, 1 and 5, as {@link digitLetter} reads them) or 0 for anything else. One table read per character,
 * where a word's characters were read once for its end and again, a call for each, for whether they were letters.
 */
const CAPITAL = 1;
const SMALL_LETTER = 2;
const DIGIT = 3;
const LEVEL_CHARACTER = (() => {
  const table = new Uint8Array(128);
  table.fill(CAPITAL, 65, 91);
  table.fill(SMALL_LETTER, 97, 123);
  for (const digit of [48, 49, 53]) table[digit] = DIGIT;
  return table;
})();

/** One of a banner's first words, letters only (or digits read for letters), with what it holds. */
interface LevelWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A small letter among them ("Secret"): upper-cased for the lookup, and the form is mixed-case. */
  readonly small: boolean;
  /** A digit read for a letter among them ("C0NFIDENTIAL"). */
  readonly digit: boolean;
}

const ZERO = /0/g;
const FIVE = /5/g;
const ONE = /1/g;

/** A serial read with letters for digits ("00l565", "OO7360") as the digits meant: l and I for 1, O for 0, the same length; also a DTG's and a DE line's numbers, an E.O. order and a REF serial. */
export function serialDigits(serial: string): string {
  return serial.replace(/[lI]/g, '1').replace(/O/g, '0');
}

// After the level: "[SECTION nn OF mm] POST serial [trailing]". The rest is read with the `s` flag: a line may hold
// U+2028 or U+2029, white space to `\s` and no line break to LSP, which "." matches only so (REST_NO_POST always matches).
// "SECTI0N 01 0F 02": a zero read for the letter O in either word (CBL011 reports it).
// "PARIS 00l565", "PARIS OO7360": a serial with a letter l or I for the digit 1, or O for 0, and a digit among them, standing
// alone (CBL011 reports it); a serial of digits with text glued after it ("000708NOFORN") is read as before.
// "SECTION 0l OF 03": the section's numbers so misread too, a digit among them.
/** The rest of a banner after its level (see the comment above), with the groups {@link restOffsets} places. */
export const REST = /^\s*(?:(SECTI[O0]N)\s+(\d[\dlIO]?|[lIO]\d)\s+([O0]F)\s+(\d[\dlIO]?|[lIO]\d)\s+)?([A-Za-z][A-Za-z'.-]*(?:\s+[A-Za-z][A-Za-z'.-]*)*?)\s+((?=[\dlIO]*\d)[\dlIO]{3,6}(?![0-9A-Za-z])|\d{3,6}(?![0-9]))(.*)$/is;
// "ANKARA004688", "SECTION 01 OF 02 ANKARA004688": the post in capitals and the serial of six digits run together, a space
// lost in a scan or a transcription (CBL011 reports it); tried only where REST reads nothing, outside a body.
/** The post and serial of a banner run together (see the comment above), with the groups {@link restOffsets} places. */
export const POST_SERIAL_JOINED = /^\s*(?:(SECTI[O0]N)\s+(\d[\dlIO]?|[lIO]\d)\s+([O0]F)\s+(\d[\dlIO]?|[lIO]\d)\s+)?((?:[A-Z][A-Z'.-]*[ \t]+)*[A-Z]{3,})(\d{6})(?![0-9A-Za-z])(.*)$/s;
// A letter read for a digit in a serial.
const SERIAL_LETTER = /[lIO]/;
// The words after the level of a released copy's page stamp, "UNCLASSIFIED U.S. Department of State Case No. …".
export const STAMP_POST = /^U\.?\s?S\.?\s+Department\s+of\s+State\b/i;
/** The length of the shortest text {@link STAMP_POST} matches, "US Department of State". */
export const STAMP_POST_MIN = 22;
/** A section's words with a zero for the letter O: "SECTI0N 01 OF 02", "SECTION 01 0F 02". */
export const ZERO_SECTION = /^SECTI0N|\s0F\s/i;
/** A section if one opens the rest, and what follows (always a match): the rest read when {@link REST} reads none, with the groups {@link restOffsets} places. */
export const REST_NO_POST = /^(?:\s*(SECTI[O0]N)\s+(\d{1,2})\s+([O0]F)\s+(\d{1,2}))?(.*)$/is;
// What is left of a banner being typed: the post in capitals ("NOWHERE", "BUENOS AIRES") and the first digits of its
// serial if any ("NOWHERE 00"), or a section being typed ("SECTION", "SECTION 01 OF").
const POST_TYPED = /^([A-Z][A-Z'.-]*(?:[ \t]+[A-Z][A-Z'.-]*)*)(?:[ \t]+(\d{1,2}))?$/;
const SECTION_TYPED = /^SECTION(?:[ \t]+\d{1,2}(?:[ \t]+OF?)?)?$/;

// Caveats joined to the level with one or two slashes each: "//NOFORN", "/NF", "//NOFORN//ORCON".
const JOINED = /^(?:\/\/?[A-Za-z][A-Za-z-]*)+$/;

/** The longest prefix of a line the banner grammar reads. */
const MAX_BANNER = 300;

/**
 * Reads a banner at line `line`. With `strict`, the level must be followed by
 * a serial (the repeated banners inside a body); otherwise a level followed by
 * SECTION or a post and serial, or a level alone on a line in the first zone,
 * is accepted, but for a level in one word alone ("SECRET"), which only `alone` accepts: the caller
 * knows whether the line stands at the banner's place. Records `banner-malformed` for damaged spellings.
 */
export function parseBanner(
  line: number,
  fullText: string,
  options: { strict: boolean; repeated: boolean; alone?: boolean; problems?: ParseProblem[] },
): Banner | undefined {
  const text = fullText.length > MAX_BANNER ? fullText.slice(0, MAX_BANNER) : fullText;
  // Up to 14 leading words, each at most 13 letters ("CONFIDENTIALL"), letters only.
  const tokens: LevelWord[] = [];
  // Where a word's letters meet a slash ("SECRET//NOFORN"): caveats joined to the level may follow there.
  let slash = -1;
  let k = 0;
  while (tokens.length < 14) {
    k = skipSpaces(text, k);
    if (k >= text.length) break;
    const start = k;
    let small = false;
    let digit = false;
    let kind = 0;
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k);
      kind = c < 128 ? LEVEL_CHARACTER[c] : 0;
      if (kind === 0) break;
      if (kind === SMALL_LETTER) small = true;
      else if (kind === DIGIT) digit = true;
    }
    if (kind === 0 && !isSpace(text.charCodeAt(k))) {
      // A word holding more than letters: only its letters before a slash count ("SECRET//NOFORN").
      if (k > start && text.charCodeAt(k) === 47 /* / */) {
        tokens.push({ start, end: k, text: text.slice(start, k), small, digit });
        slash = k;
      }
      break;
    }
    if (k - start > 13) break;
    tokens.push({ start, end: k, text: text.slice(start, k), small, digit });
  }
  if (tokens.length === 0) return undefined;
  // The letters of the first words (spaces removed, in capitals, digits read as letters), up to the first run of more
  // than 14, and where each word's letters end in them.
  let letters = '';
  const ends: number[] = [];
  for (let w = 0; w < tokens.length && letters.length <= 14; w++) {
    const word = tokens[w];
    // "C0NFIDENTIAL", "C 0 N F I D E N T I A L": a zero read for the letter O; "5 E C R E T", "CONF1DENTIAL": a 5 for
    // S, a 1 for I (or for L, "CONFIDENTIA1", read as the look-alike I).
    const read = word.digit ? word.text.replace(ZERO, 'O').replace(FIVE, 'S').replace(ONE, 'I') : word.text;
    letters += word.small ? read.toUpperCase() : read;
    ends.push(letters.length);
  }
  // Take the longest run that reads as a level: "C O N F I D E N T I A L L TALLINN" is the level with its
  // last letter doubled, not CONFIDENTIAL at post "L TALLINN"; "U N C L A S S I F I E D" is not UNCLAS. Longest first,
  // and only runs as long as a reading: "S", "SE", "SEC", "SECR" of a spaced banner hash no string of their own.
  let best: { count: number; match: LevelMatch; zero: boolean; five: boolean; one: boolean } | undefined;
  for (let w = ends.length - 1; w >= 0 && best === undefined; w--) {
    const length = ends[w];
    if (length < SHORTEST_READING || length > LONGEST_READING) continue;
    const match = READINGS.get(length === letters.length ? letters : letters.slice(0, length));
    if (match === undefined) continue;
    let zero = false;
    let five = false;
    let one = false;
    for (let d = 0; d <= w; d++) {
      if (!tokens[d].digit) continue;
      const word = tokens[d].text;
      if (word.indexOf('0') >= 0) zero = true;
      if (word.indexOf('5') >= 0) five = true;
      if (word.indexOf('1') >= 0) one = true;
    }
    best = { count: w + 1, match, zero, five, one };
  }
  if (!best) return undefined;
  if (best.zero || best.five || best.one) best.match = withDigits(best.match, best.zero, best.five, best.one);
  const levelStart = tokens[0].start;
  const levelEnd = tokens[best.count - 1].end;
  const levelText = token(line, fullText, levelStart, levelEnd);
  let restStart = levelEnd;
  let joined: Token | undefined;
  // "UNCLAS EFTO NOWHERE 000123": the designation of unclassified traffic sent encrypted, between the level and the post.
  let efto: Token | undefined;
  const next = tokens[best.count];
  if (best.match.level === 'UNCLASSIFIED' && next && next.text === 'EFTO' && slash !== levelEnd) {
    efto = token(line, fullText, next.start, next.end);
    restStart = next.end;
  }
  if (slash === levelEnd) {
    // "SECRET//NOFORN PARIS 000708": caveats joined as in a portion marking. Only outside a body, and only
    // with a post and serial after them: "SECRET//NOFORN" alone is a caveat line.
    if (options.strict) return undefined;
    while (restStart < text.length && !isSpace(text.charCodeAt(restStart))) restStart++;
    if (!JOINED.test(text.slice(levelEnd, restStart))) return undefined;
    joined = token(line, fullText, levelEnd, restStart);
  }
  const after = text.slice(restStart);

  let rest = REST.exec(after);
  // "S E C R E T ANKARA004688": the post and the serial run together, read as the two meant.
  const runTogether = rest === null && !options.strict && !joined && (rest = POST_SERIAL_JOINED.exec(after)) !== null;
  let section: Banner['section'];
  let post: Token | undefined;
  let serial: Banner['serial'];
  let trailing: Token | undefined;
  let typing = false;
  if (rest) {
    const base = restStart;
    const indices = restOffsets(after, rest);
    if (rest[1]) {
      const sectionStart = base + indices[1];
      section = {
        token: token(line, fullText, sectionStart, base + indices[4] + rest[4].length),
        number: numberToken(line, fullText, base + indices[2], base + indices[2] + rest[2].length, Number(serialDigits(rest[2]))),
        total: numberToken(line, fullText, base + indices[4], base + indices[4] + rest[4].length, Number(serialDigits(rest[4]))),
      };
    }
    post = token(line, fullText, base + indices[5], base + indices[5] + rest[5].length);
    // "UNCLASSIFIED U.S. Department of State Case No. 2031-05588 Doc No. …": a released copy's page stamp whose case number
    // lost its letter reads as a level, a post and a serial; it is no banner (CBL047 reports the stamp).
    // Tried only on a post as long as its shortest match, "US Department of State": a pattern never tried is never compiled
    // (cablelint runs cold).
    if (post.text.charCodeAt(0) === 85 /* U */ && post.text.length >= STAMP_POST_MIN && STAMP_POST.test(post.text)) return undefined;
    const serialText = rest[6];
    const misread = SERIAL_LETTER.test(serialText);
    serial = numberToken(line, fullText, base + indices[6], base + indices[6] + serialText.length, misread ? Number(serialDigits(serialText)) : undefined);
    if (misread && options.problems) {
      options.problems.push({
        rule: 'banner-malformed',
        message: `Banner serial '${serialText}' has ${SERIAL_LETTER.exec(serialText)![0] === 'O' ? "the letter 'O' for the digit 0" : `the letter '${SERIAL_LETTER.exec(serialText)![0]}' for the digit 1`}; read as ${serialDigits(serialText)}.`,
        range: serial.range,
      });
    }
    if (runTogether && options.problems) {
      options.problems.push({
        rule: 'banner-malformed',
        message: `Banner runs the post and the serial together ('${rest[5]}${serialText}'); read as ${rest[5]} ${serialText}.`,
        range: { start: post.range.start, end: serial.range.end },
      });
    }
    const tail = rest[7];
    const tailTrim = tail.trim();
    if (tailTrim.length > 0) {
      const tailStart = base + indices[7] + (tail.length - tail.trimStart().length);
      trailing = token(line, fullText, tailStart, tailStart + tailTrim.length);
    }
  } else {
    if (options.strict || joined) return undefined;
    const loose = REST_NO_POST.exec(after)!;
    // A level alone, or with SECTION: accepted only when nothing else follows but a banner being typed, whose serial
    // is not written yet ("C O N F I D E N T I A L NOWHERE", "S E C R E T SECTION 01 OF"), as a level alone is one.
    const remainder = loose[5].trim();
    const typed = remainder.length > 0 && !SECTION_TYPED.test(remainder) ? POST_TYPED.exec(remainder) : null;
    if (remainder.length > 0 && !typed && (loose[1] || !SECTION_TYPED.test(remainder))) return undefined;
    typing = remainder.length > 0;
    if (typed) {
      const at = skipSpaces(text, restStart + after.length - loose[5].length);
      post = token(line, fullText, at, at + typed[1].length);
      if (typed[2]) serial = numberToken(line, fullText, at + remainder.length - typed[2].length, at + remainder.length);
    }
    if (!loose[1] && best.count === 1 && remainder.length === 0 && !options.alone) {
      // "CONFIDENTIAL" alone is a page-break line or an export-metadata echo, not a banner, but where the caller says.
      return undefined;
    }
    if (loose[1]) {
      // The numbers where the pattern read them: "SECTION 01 Of 02" is no "OF" or "of" to look for again.
      const indices = restOffsets(after, loose);
      section = {
        token: token(line, fullText, restStart + indices[1], restStart + indices[4] + loose[4].length),
        number: numberToken(line, fullText, restStart + indices[2], restStart + indices[2] + loose[2].length),
        total: numberToken(line, fullText, restStart + indices[4], restStart + indices[4] + loose[4].length),
      };
    }
  }

  const form = bannerForm(tokens, best.count, best.match);
  // Inside a body only a banner as typed by a system counts: "C O N F I D E N T I A L SECTION 02 OF 03 HARARE 006677",
  // never "Secret police arrested 120 …".
  if (options.strict) {
    const typed = form === 'spaced' || form === 'unclas' || (form === 'unspaced' && levelText.text === levelText.text.toUpperCase());
    if (!typed || !post || post.text !== post.text.toUpperCase() || trailing) return undefined;
  }
  if (form === 'damaged' && options.problems) {
    const how = best.match.how ?? 'irregular spacing';
    options.problems.push({
      rule: 'banner-malformed',
      message: `Banner level is misspelled '${levelText.text}' (${how}); read as ${best.match.level}.`,
      range: levelText.range,
    });
  }
  if (section && options.problems && (ZERO_SECTION.test(section.token.text) || SERIAL_LETTER.test(section.number.text) || SERIAL_LETTER.test(section.total.text))) {
    const numbers = `${serialDigits(section.number.text)} OF ${serialDigits(section.total.text)}`;
    const how = ZERO_SECTION.test(section.token.text) ? 'a zero for the letter O' : 'a letter for a digit';
    options.problems.push({
      rule: 'banner-malformed',
      message: `Banner section '${section.token.text}' has ${how}; read as SECTION ${numbers}.`,
      range: section.token.range,
    });
  }
  if (joined && options.problems) {
    options.problems.push({
      rule: 'banner-malformed',
      message: `Banner joins '${joined.text}' to the level as a portion marking does; a banner writes caveats after the serial or on a line of their own.`,
      range: joined.range,
    });
  }
  return {
    line,
    // The banner starts where its level does and ends where its last part does: one position serves both.
    range: { start: levelText.range.start, end: (trailing ?? serial ?? post ?? section?.token ?? levelText).range.end },
    levelText,
    level: best.match.level,
    form,
    section,
    post,
    serial,
    trailing,
    joined,
    ...(efto ? { efto } : {}),
    repeated: options.repeated,
    ...(typing ? { typing: true as const } : {}),
    ...(best.match.misread ? { misread: true as const } : {}),
  };
}

/** The options of a repeated banner, with the same fields as every other call's: one shape for every call. */
const REPEATED = { strict: true, repeated: true, problems: undefined };

/**
 * Reads a banner repeated inside the cable (for a concatenated section or a duplicated block) on
 * a line whose first two non-space characters are `first` and `second`, at `lead`. Only a banner
 * as typed by a system counts ({@link parseBanner} with `strict`).
 */
export function readRepeatedBanner(line: number, text: string, lead: number, first: number, second: number): Banner | undefined {
  // Cheap pre-check: a banner opens with C, S, U or T, its second character is a space
  // ("S E C R E T") or a capital ("SECRET", "UNCLAS"), never a small letter, and it is short.
  if (first !== 67 && first !== 83 && first !== 85 && first !== 84) return undefined;
  if (second >= 97 && second <= 122) return undefined;
  if (text.length > 200 || !mayOpenBanner(text, lead)) return undefined;
  return parseBanner(line, text, REPEATED);
}

/**
 * A reading with the digits read for letters named in its account: "a zero for the letter O", "the digit 5 for the letter S",
 * "the digit 1 for the letter I", or for L where the 1 was read as an I standing for L ("CONFIDENTIA1"). A digit makes
 * the level a reading of look-alikes too, save a zero, which the O it stands for has always been read as.
 */
function withDigits(match: LevelMatch, zero: boolean, five: boolean, one: boolean): LevelMatch {
  const parts: string[] = [];
  if (zero) parts.push('a zero for the letter O');
  if (five) parts.push('the digit 5 for the letter S');
  let how = match.how;
  if (one) {
    if (how === 'the letter I for L') {
      parts.push('the digit 1 for the letter L');
      how = undefined;
    } else parts.push('the digit 1 for the letter I');
  }
  if (how) parts.push(how);
  return { level: match.level, damaged: true, how: parts.join(', '), ...(match.misread || five || one ? { misread: true } : {}) };
}

/**
 * Offsets of the groups of a match of {@link REST}, {@link POST_SERIAL_JOINED} or {@link REST_NO_POST} in `subject`, which each
 * pattern reads from its start, placed from their lengths: every group but the last, where it took part, opens with a
 * character other than white space, after the white space (`\s`, which {@link skipSpaces} reads) or nothing before it; the
 * last opens where the group before it that took part ends, or at the start where none did (REST_NO_POST's without a
 * section). A group that took no part is at -1. A search for each group's text from where the one before it ends found the
 * same places (the first place there where the group's text stands is where it opens), for more work each.
 */
export function restOffsets(subject: string, match: RegExpExecArray): number[] {
  const last = match.length - 1;
  const result: number[] = [-1];
  let from = 0;
  for (let g = 1; g < last; g++) {
    const value = match[g];
    if (value === undefined) {
      result.push(-1);
      continue;
    }
    const at = skipSpaces(subject, from);
    result.push(at);
    from = at + value.length;
  }
  result.push(from);
  return result;
}

/** How the level was spelled in the first `count` words. */
function bannerForm(words: readonly LevelWord[], count: number, match: LevelMatch): BannerForm {
  if (match.damaged) return 'damaged';
  // In capitals: no small letter among the words, which hold letters and digits only.
  let small = false;
  let single = true;
  for (let w = 0; w < count; w++) {
    if (words[w].small) small = true;
    if (words[w].text.length !== 1) single = false;
  }
  if (count === 1) {
    if (words[0].text === 'UNCLAS') return 'unclas';
    return small ? 'mixed-case' : 'unspaced';
  }
  // "TOP SECRET" written as two words is unspaced too.
  if (count === 2 && upperCase(words[0].text) === 'TOP' && words[1].text.length > 1) return small ? 'mixed-case' : 'unspaced';
  if (single) return small ? 'mixed-case' : 'spaced';
  return 'damaged';
}
