/**
 * Rule recall on real cables (skipped where ../shared/corpus is absent): each mutation plants one
 * realistic defect in a real cable's text, in memory, and the rule it concerns must report a new
 * finding at (or near) the line of the defect. Per rule, the share of planted defects caught must
 * stay at or above its floor, so that a rule that stops seeing a defect in real text (with its
 * wrapping, redactions and odd spacing) turns this test red.
 *
 * The mutations find their place with plain patterns on the text, not with the parser, so that a
 * line the parser misreads is still planted and its miss counted. `RECALL=1 npx mocha --no-config
 * -r tsx/cjs --extension ts test/unit/recall.test.ts` prints the table and every miss.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintCable } from '../../server/src/core/lint';
import type { Cable } from '../../server/src/core/model';
import { parseCable } from '../../server/src/core/parse/index';
import { allRules } from '../../server/src/core/rules/index';
import type { Finding, LintContext, RuleSetting } from '../../server/src/core/rules/types';
import tagCodes from '../../server/src/core/data/tagCodes.json';
import { corpusDir, corpusFiles } from '../helpers';

/** A planted defect: the text with it, and the 0-based line its finding must be on (give or take `slack` lines). */
interface Planted {
  readonly text: string;
  readonly line: number;
  /** How many lines either side of `line` the finding may start on (1 unless said). */
  readonly slack?: number;
  /** For a defect of something missing: the rule's new finding may be anywhere. */
  readonly anywhere?: boolean;
  /** What the finding must say, when the rule has several diagnoses ("a step back" rather than "a gap"). */
  readonly message?: RegExp;
  /** The file name to lint with, when the defect is in the name (CBL043). */
  readonly fileName?: string;
  /** The other cables of the workspace, when the defect is in what the text says of one (CBL054). */
  readonly citedParagraphs?: LintContext['citedParagraphs'];
  /** Where lines were deleted (negative `by`) or inserted: original lines from `from` on move by `by`. */
  readonly shift?: { readonly from: number; readonly by: number };
}

/** A kind of defect, planted by `plant` in a cable, or undefined where the cable has no place for it. */
interface Mutation {
  readonly rule: string;
  readonly name: string;
  readonly plant: (c: Source) => Planted | undefined;
}

/** The host-country TAG of each embassy the rules know (CBL050), by its post as an id writes it. */
const HOSTS: ReadonlyMap<string, string> = new Map(tagCodes.hostTags.map((h) => [h.post, h.tag]));

/** The post a banner line names, as an id writes it: the words between the level (and a SECTION n OF m) and the serial. */
function bannerPost(line: string): string {
  const m = BANNER.exec(line);
  const rest = m ? line.slice(m[0].length).replace(/^\s*SECTION \d+ OF \d+/, '') : '';
  const post = /^\s*([A-Z][A-Z ]*?)\s+\d{4,}/.exec(rest);
  return post ? post[1].replace(/ /g, '') : '';
}

/** A real cable, with what the mutations look for read once by plain patterns. */
interface Source {
  readonly name: string;
  readonly text: string;
  readonly lines: readonly string[];
  /** The parsed original, for facts a defect depends on (its date), never for where to plant it. */
  readonly cable: Cable;
  /** The banner line, the first that opens with a level before the E.O. line, or -1. */
  readonly banner: number;
  /** The level the banner line spells, or undefined. */
  readonly level?: 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET';
  /** The numbered paragraphs "¶3. …" after the banner: line and number. */
  readonly paragraphs: readonly { readonly line: number; readonly n: number }[];
}

const BANNER = /^(?:(S E C R E T|SECRET)|(C O N F I D E N T I A L|CONFIDENTIAL)|(UNCLAS(?:SIFIED)?))\b/;
// "¶3. ", " ¶3. ", "¶ 3. ", "¶3.  (C)", and a bare "3. (C)": the markers as real cables space them.
const PARAGRAPH = /^(\s*(?:¶ ?)?)(\d{1,3})(\.\s+)/;
const MARKED = /^(\s*(?:¶ ?)?\d{1,3}\.)\s+\(((?:TS|S|C|U|SBU)(?:\/\/?[A-Z]+)*)\)\s+(?=\S)/;
/** A paragraph line renumbered `n`, its "¶" and spacing kept. */
const renumber = (l: string, n: number | string) => l.replace(PARAGRAPH, (_, before: string, _n: string, after: string) => `${before}${n}${after}`);
const DE = /^DE (R[A-Z]{3,7}) #(\d{3,5})(?:\/(\d\d))? (\d{3})(\d{4})\b/;
const DTG = /^([ZOPR]) (?:[ZOPR] )?(\d\d)(\d\d)(\d\d)Z ([A-Z]{3}) (\d\d)\b/;
const EO = /^(?:E\.\s?O\.|EO)\s*(\d{5})\b/;
const TAGS = /^TAGS:?\s/;
const SUBJECT = /^SUBJECT:/i;
const CLASSIFIED_BY = /^(?:¶\d\.\s+)?Classified\s+By\b/i;
const PAGE = /^([A-Z][A-Z ]{1,20}?) (\d{8}) +(\d{3}) OF (\d{3})\b/;
const MONTH_NAMES = /^(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)$/i;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function read(file: string): Source {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const eo = lines.findIndex((l) => EO.test(l));
  const banner = lines.findIndex((l, i) => (eo < 0 || i < eo) && BANNER.test(l));
  const m = banner >= 0 ? BANNER.exec(lines[banner])! : undefined;
  const level = m ? (m[1] ? 'SECRET' : m[2] ? 'CONFIDENTIAL' : 'UNCLASSIFIED') : undefined;
  const paragraphs = lines.flatMap((l, line) => {
    const p = line > banner && banner >= 0 ? PARAGRAPH.exec(l) : null;
    // A bare "3." numbers a paragraph only before a marking: "3. The talks" may be an item of a list.
    if (!p || (!p[1].includes('¶') && l[p[0].length] !== '(')) return [];
    return [{ line, n: parseInt(p[2], 10) }];
  });
  return { name: path.basename(file), text, lines, cable: parseCable(text).cable, banner, level, paragraphs };
}

const join = (lines: readonly string[]) => lines.join('\n');
const edit = (c: Source, i: number, f: (l: string) => string) => join(c.lines.map((l, k) => (k === i ? f(l) : l)));
const without = (c: Source, from: number, to = from) => join(c.lines.filter((_, k) => k < from || k > to));
const shifted = (from: number, to = from) => ({ from: to + 1, by: from - to - 1 });
const find = (c: Source, re: RegExp, from = 0) => c.lines.findIndex((l, i) => i >= from && re.test(l));

/** The first known TAG of the TAGS line (not wrapped, the keyword's own line) that holds `letter`, with `letter` written as `digit`. */
function misreadTag(c: Source, letter: string, digit: string): Planted | undefined {
  const i = find(c, TAGS);
  if (i < 0) return undefined;
  const line = c.lines[i];
  const m = /^TAGS:?\s+/.exec(line)!;
  for (const word of line.slice(m[0].length).matchAll(/[A-Z]{2,5}\b/g)) {
    if (!KNOWN_TAGS.has(word[0]) || !word[0].includes(letter)) continue;
    const at = m[0].length + word.index! + word[0].indexOf(letter);
    return { text: edit(c, i, (l) => l.slice(0, at) + digit + l.slice(at + 1)), line: i };
  }
  return undefined;
}

const KNOWN_TAGS: ReadonlySet<string> = new Set(tagCodes.codes);

/** Index k of a paragraph in the middle of a run numbered n-1, n, n+1 (so that one defect is all there is to see). */
function middle(c: Source, ok: (k: number) => boolean = () => true): number | undefined {
  const ps = c.paragraphs;
  const candidates: number[] = [];
  for (let k = 1; k + 1 < ps.length; k++) if (ps[k - 1].n + 1 === ps[k].n && ps[k].n + 1 === ps[k + 1].n && ok(k)) candidates.push(k);
  return candidates.length === 0 ? undefined : candidates[candidates.length >> 1];
}

/** The line of the middle one of the marked paragraphs whose marking passes `ok`, or undefined. */
function markedParagraph(c: Source, ok: (marking: string) => boolean): number | undefined {
  const marked = c.paragraphs.filter((p) => {
    const m = MARKED.exec(c.lines[p.line]);
    return m !== null && ok(m[2]);
  });
  return marked.length === 0 ? undefined : marked[marked.length >> 1].line;
}

/**
 * A whole field: its first line and the lines it wraps onto, up to a blank line, the next field or a rule line (in 09HARARE888
 * the rule right under SUBJECT is the upper rule of a box around "¶1. SUMMARY", no part of the field).
 */
function field(c: Source, start: number): number {
  let end = start;
  while (end + 1 < c.lines.length && c.lines[end + 1].trim() !== '' && !/^(?:[A-Z][A-Za-z. ]{1,14}:|Classified|¶\d|\s*-{3,}\s*$)/.test(c.lines[end + 1])) end++;
  return end;
}

/**
 * The first closer "End Comment" whose opener is in the text above it ("Comment:", "(Note.", "Summary."),
 * not a heading ("SUMMARY" alone on its line: the next heading closes its section), deleted; the finding
 * goes on the opener. A Comment or Note is planted only where its deletion leaves a block that still needs its
 * closer: one that opens a numbered paragraph ("¶4. (C) Comment: …") with a paragraph of substance after the
 * closer's line. Deleted elsewhere, it leaves a valid cable: one inside a paragraph's text is an aside its
 * paragraph's end closes, and one that opens the last paragraph, or is followed only by a paragraph of
 * clearance, runs to the end of the text (FORMAT.md §6; CBL027's page); the next closer is tried instead.
 */
function unclose(c: Source, word: 'Summary' | 'Comment' | 'Note'): Planted | undefined {
  const closer = new RegExp(`\\s*\\bEnd ${word}\\b[.:]?`, 'i');
  const opener = new RegExp(`\\b${word}\\s*[:.]`, 'i');
  // "¶4. (C) Comment:", "4. (S/NF) Embassy comment.", "¶11. COMMENT.": the opener right after a paragraph's number and marking.
  const opensParagraph = new RegExp(`^\\s*(?:¶\\s?)?\\d{1,3}\\.\\s*(?:\\([A-Z/ ]+\\)\\s*)?(?:[A-Za-z]+\\s+){0,2}${word}\\s*[:.]`, 'i');
  for (let close = find(c, closer, c.banner + 1); close >= 0; close = find(c, closer, close + 1)) {
    const at = closer.exec(c.lines[close])!;
    // "(Note: … End Note.)" and "[NOTE: … END NOTE]": the bracket closes the note as well, the cable stays valid.
    if (/^\s*[)\]]/.test(c.lines[close].slice(at.index + at[0].length))) {
      if (word === 'Summary') return undefined;
      continue;
    }
    for (let i = close; i > c.banner && i >= close - 60; i--) {
      const line = i === close ? c.lines[i].slice(0, at.index) : c.lines[i];
      if (opener.test(line)) {
        const planted = { text: edit(c, close, (l) => l.replace(closer, '')), line: i, slack: 0 };
        if (word === 'Summary') return planted;
        // The numbered paragraphs below the opener's (read from the lines: `c.paragraphs` is empty under a banner no pattern
        // reads), but for those that say they continue the Comment ("¶13. (C) COMMENT (CONT): …") and a last one of clearance.
        const after = c.lines.flatMap((l, k) => {
          const p = k > i ? PARAGRAPH.exec(l) : null;
          return p && (p[1].includes('¶') || l[p[0].length] === '(') ? [k] : [];
        });
        const substance = after.some((k, n) => {
          const text = c.lines[k].replace(/^\s*(?:¶\s?)?\d{1,3}\.\s*(?:\([A-Z/ ]+\)\s*)?/, '');
          if (/^comment\s*[,(-]?\s*cont/i.test(text)) return false;
          return n < after.length - 1 || !/\bclear(?:ed|s)\b/i.test(c.lines.slice(k, k + 3).join(' '));
        });
        if (opensParagraph.test(c.lines[i]) && substance) return planted;
        break;
      }
      if (new RegExp(`^\\W*${word}\\W*$`, 'i').test(line.trim())) {
        if (word === 'Summary') return undefined;
        break;
      }
    }
    if (word === 'Summary') return undefined;
  }
  return undefined;
}

const swapDigits = (s: string) => s[1] + s[0];
const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const MUTATIONS: Mutation[] = [
  // Header.
  { rule: 'CBL001', name: 'write the letter O for a zero in the DE line', plant: (c) => {
    const i = find(c, DE);
    if (i < 0 || !/#\d*0/.test(c.lines[i])) return undefined;
    return { text: edit(c, i, (l) => l.replace(/#(\d*?)0/, '#$1O')), line: i };
  } },
  { rule: 'CBL002', name: 'swap the routing line and the DE line', plant: (c) => {
    const i = find(c, DE);
    if (i < 1 || !/^[ZOPR]{2} R/.test(c.lines[i - 1])) return undefined;
    const lines = [...c.lines];
    [lines[i - 1], lines[i]] = [lines[i], lines[i - 1]];
    return { text: join(lines), line: i - 1 };
  } },
  { rule: 'CBL003', name: 'lose the R of the first TO routing indicator', plant: (c) => {
    const i = find(c, /^TO R[A-Z]{4,7}\//);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/^TO R/, 'TO ')), line: i };
  } },
  { rule: 'CBL004', name: 'transpose two digits of the DTG into an impossible day or time', plant: (c) => {
    const i = find(c, DTG);
    if (i < 0) return undefined;
    const [, , dd, hh, mm, mon, yy] = DTG.exec(c.lines[i])!;
    const month = MONTHS.indexOf(mon) + 1;
    const days = month > 0 ? daysIn(month, 2000 + parseInt(yy, 10)) : 31;
    let group: string | undefined;
    if (parseInt(swapDigits(dd), 10) > days) group = swapDigits(dd) + hh + mm;
    else if (parseInt(swapDigits(hh), 10) > 23) group = dd + swapDigits(hh) + mm;
    else if (parseInt(swapDigits(mm), 10) > 59) group = dd + hh + swapDigits(mm);
    if (!group) return undefined;
    return { text: edit(c, i, (l) => l.replace(dd + hh + mm + 'Z', group + 'Z')), line: i };
  } },
  { rule: 'CBL005', name: 'mistype the DE serial', plant: (c) => {
    const i = find(c, DE);
    if (i < 0) return undefined;
    return { text: edit(c, i, (l) => l.replace(/#(\d+)/, (_, d: string) => '#' + String((parseInt(d, 10) + 1) % 10 ** d.length).padStart(d.length, '0'))), line: i };
  } },
  { rule: 'CBL006', name: 'mistype the DE Julian day', plant: (c) => {
    const i = find(c, DE);
    if (i < 0) return undefined;
    const [, , , , day] = DE.exec(c.lines[i])!;
    const wrong = String((parseInt(day, 10) % 365) + 1).padStart(3, '0');
    return { text: edit(c, i, (l) => l.replace(new RegExp(` ${day}(\\d{4})\\b`), ` ${wrong}$1`)), line: i };
  } },
  { rule: 'CBL007', name: 'lower the security group a level', plant: (c) => {
    const i = find(c, /^ZNY (SSSSS|CCCCC)\b/);
    if (i < 0) return undefined;
    return { text: edit(c, i, (l) => (l.includes('SSSSS') ? l.replace('SSSSS', 'CCCCC') : l.replace('ZNY CCCCC', 'ZNR UUUUU'))), line: i };
  } },
  { rule: 'CBL008', name: 'change the routing line precedence pair', plant: (c) => {
    const i = find(c, /^(PP|OO|RR|ZZ) R/);
    if (i < 0 || find(c, DTG) < 0) return undefined;
    return { text: edit(c, i, (l) => (l.startsWith('OO') ? 'PP' : 'OO') + l.slice(2)), line: i };
  } },
  { rule: 'CBL009', name: 'give the DE line the next section', plant: (c) => {
    const i = find(c, DE);
    if (i < 0 || !DE.exec(c.lines[i])![3]) return undefined;
    return { text: edit(c, i, (l) => l.replace(/\/(\d\d) /, (_, s: string) => `/${String(parseInt(s, 10) + 1).padStart(2, '0')} `)), line: i };
  } },
  { rule: 'CBL040', name: 'name the originating station on a VZCZCXYZ routing line', plant: (c) => {
    const i = find(c, /^(PP|OO|RR|ZZ) RUEHWEB\s*$/);
    const de = find(c, DE);
    if (i < 0 || de < 0 || find(c, /^VZCZCXYZ/) < 0) return undefined;
    return { text: edit(c, i, (l) => `${l.trimEnd()} ${DE.exec(c.lines[de])![1]}`), line: i };
  } },
  // Banner.
  { rule: 'CBL010', name: 'delete the banner line', plant: (c) => (c.banner < 0 ? undefined : { text: without(c, c.banner), line: c.banner, anywhere: true, shift: shifted(c.banner) }) },
  { rule: 'CBL011', name: 'double the first letter of the banner level', plant: (c) => (c.banner < 0 ? undefined : { text: edit(c, c.banner, (l) => l[0] + l), line: c.banner }) },
  { rule: 'CBL011', name: 'drop the first letter of the banner level', plant: (c) => (c.banner < 0 ? undefined : { text: edit(c, c.banner, (l) => l.replace(/^. ?/, '')), line: c.banner }) },
  { rule: 'CBL011', name: 'double the last letter of the banner level', plant: (c) => {
    const m = c.banner < 0 ? null : BANNER.exec(c.lines[c.banner]);
    if (!m || m[3] === 'UNCLAS') return undefined;
    const word = m[0];
    const last = word[word.length - 1];
    return { text: edit(c, c.banner, (l) => word + (word.includes(' ') ? ' ' : '') + last + l.slice(word.length)), line: c.banner };
  } },
  { rule: 'CBL011', name: 'drop the last letter of the banner level', plant: (c) => {
    const m = c.banner < 0 ? null : BANNER.exec(c.lines[c.banner]);
    if (!m) return undefined;
    // "S E C R E PARIS 000479", "CONFIDENTIA MADRID 000171", "UNCLA PARIS 000306".
    const cut = m[0].endsWith(' ' + m[0][m[0].length - 1]) ? m[0].slice(0, -2) : m[0].slice(0, -1);
    return { text: edit(c, c.banner, (l) => cut + l.slice(m[0].length)), line: c.banner };
  } },
  { rule: 'CBL011', name: 'swap two letters of the banner level', plant: (c) => {
    const m = c.banner < 0 ? null : BANNER.exec(c.lines[c.banner]);
    if (!m) return undefined;
    // "CONFIDENTIAL" → "CONFIDENTAIL", "S E C R E T" → "S E C E R T", "UNCLAS" → "UNCLSA".
    const letters = m[0].replace(/ /g, '');
    const k = letters.length - 3;
    const swapped = letters.slice(0, k) + letters[k + 1] + letters[k] + letters.slice(k + 2);
    const written = m[0].includes(' ') ? swapped.split('').join(' ') : swapped;
    return { text: edit(c, c.banner, (l) => written + l.slice(m[0].length)), line: c.banner };
  } },
  { rule: 'CBL011', name: 'run two letters of a spaced banner level together', plant: (c) => {
    const m = c.banner < 0 ? null : BANNER.exec(c.lines[c.banner]);
    if (!m || !m[0].includes(' ')) return undefined;
    return { text: edit(c, c.banner, (l) => l.replace(/^(\S) (\S)/, '$1$2')), line: c.banner };
  } },
  { rule: 'CBL039', name: 'transpose the banner SECTION numbers', plant: (c) => {
    const m = c.banner < 0 ? null : /SECTION (\d\d) OF (\d\d)/.exec(c.lines[c.banner]);
    if (!m || m[1] === m[2]) return undefined;
    return { text: edit(c, c.banner, (l) => l.replace(m[0], `SECTION ${m[2]} OF ${m[1]}`)), line: c.banner };
  } },
  { rule: 'CBL039', name: 'label the first banner with the second section', plant: (c) => {
    const m = c.banner < 0 ? null : /SECTION 01 OF (\d\d)/.exec(c.lines[c.banner]);
    if (!m || m[1] === '01') return undefined;
    return { text: edit(c, c.banner, (l) => l.replace('SECTION 01 OF', 'SECTION 02 OF')), line: c.banner };
  } },
  { rule: 'CBL039', name: 'head the second section with a banner of another level', plant: (c) => {
    // The first continuation-page line of a cable in sections becomes the second section's banner, as a concatenation
    // of the sections repeats it (00HARARE6677), with the other classified level.
    const m = c.banner < 0 ? null : BANNER.exec(c.lines[c.banner]);
    if (!m || m[3] || !/^\S+ SECTION 01 OF \d\d /.test(c.lines[c.banner].replace(/^(S E C R E T|C O N F I D E N T I A L)/, 'X'))) return undefined;
    const page = find(c, PAGE, c.banner + 1);
    if (page < 0) return undefined;
    const other = m[1] ? (m[1].includes(' ') ? 'C O N F I D E N T I A L' : 'CONFIDENTIAL') : m[2]!.includes(' ') ? 'S E C R E T' : 'SECRET';
    const banner = other + c.lines[c.banner].slice(m[0].length).replace('SECTION 01 OF', 'SECTION 02 OF');
    return { text: edit(c, page, () => banner), line: page };
  } },
  { rule: 'CBL043', name: 'file the cable under the next serial', plant: (c) => {
    const m = /^(\d\d)([A-Z]+)(\d+)\.txt$/.exec(c.name);
    return m ? { text: c.text, line: c.banner, anywhere: true, fileName: `${m[1]}${m[2]}${parseInt(m[3], 10) + 1}.txt` } : undefined;
  } },
  { rule: 'CBL036', name: 'add a NODIS caption above SIPDIS', plant: (c) => {
    const i = find(c, /^SIPDIS\s*$/, c.banner + 1);
    if (c.banner < 0 || i < 0 || i > c.banner + 6) return undefined;
    return { text: join([...c.lines.slice(0, i), 'NODIS', ...c.lines.slice(i)]), line: i + 1, shift: { from: i, by: 1 } };
  } },
  // E.O. and DECL.
  { rule: 'CBL012', name: 'delete the E.O. line', plant: (c) => {
    const i = find(c, EO);
    const end = /^\s*DECL/.test(c.lines[i + 1] ?? '') ? i + 1 : i;
    return i < 0 ? undefined : { text: without(c, i, end), line: i, anywhere: true, shift: shifted(i, end) };
  } },
  { rule: 'CBL012', name: "leave the E.O. line with nothing after its order ('E.O. 12958:')", plant: (c) => {
    const i = find(c, EO);
    // A TAGS field sharing the line ("E.O. 12958: N/A TAGS: …") would go with the value.
    return i < 0 || /TAGS/i.test(c.lines[i]) ? undefined : { text: edit(c, i, (l) => l.replace(/^(\s*(?:E\.\s?O\.|EO)\s*\d{5}:?).*$/, '$1')), line: i };
  } },
  { rule: 'CBL013', name: 'transpose two digits of the E.O. number', plant: (c) => {
    const i = find(c, /^(?:E\.\s?O\.|EO)\s*12958\b/);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace('12958', '12598')), line: i };
  } },
  { rule: 'CBL014', name: 'write N/A for the DECL date of a classified cable', plant: (c) => {
    const i = find(c, EO);
    if (i < 0 || !c.level || c.level === 'UNCLASSIFIED' || !/DECL:?\s*\d/.test(c.lines[i])) return undefined;
    return { text: edit(c, i, (l) => l.replace(/DECL:?\s*\S+/, 'N/A')), line: i };
  } },
  { rule: 'CBL015', name: 'write the DECL date day first', plant: (c) => {
    const i = find(c, EO);
    const m = i < 0 ? null : /DECL:?\s*(\d\d?)\/(\d\d?)\/(\d{4})/.exec(c.lines[i]);
    if (!m || parseInt(m[2], 10) <= 12) return undefined;
    return { text: edit(c, i, (l) => l.replace(`${m[1]}/${m[2]}/`, `${m[2]}/${m[1]}/`)), line: i };
  } },
  { rule: 'CBL015', name: 'type a letter into the DECL date', plant: (c) => {
    const i = find(c, EO);
    const m = i < 0 ? null : /DECL:?\s*\d\d?\/\d\d?\/(\d{4})/.exec(c.lines[i]);
    if (!m) return undefined;
    return { text: edit(c, i, (l) => l.replace(`/${m[1]}`, `/${m[1].slice(0, 2)}I${m[1].slice(3)}`)), line: i };
  } },
  { rule: 'CBL016', name: 'give the DECL date the year before the cable', plant: (c) => {
    const i = find(c, EO);
    const m = i < 0 ? null : /DECL:?\s*\d\d?\/\d\d?\/(\d{4})/.exec(c.lines[i]);
    if (!m || !c.cable.date) return undefined;
    return { text: edit(c, i, (l) => l.replace(`/${m[1]}`, `/${c.cable.date!.year - 1}`)), line: i };
  } },
  { rule: 'CBL048', name: "mistype the DECL date's year as a year 60 years after the cable ('2069' for '2019')", plant: (c) => {
    const i = find(c, EO);
    const m = i < 0 ? null : /DECL:?\s*\d\d?\/\d\d?\/(\d{4})/.exec(c.lines[i]);
    if (!m || !c.cable.date) return undefined;
    return { text: edit(c, i, (l) => l.replace(`/${m[1]}`, `/${c.cable.date!.year + 60}`)), line: i };
  } },
  { rule: 'CBL038', name: 'give an UNCLAS cable a DECL date', plant: (c) => {
    const i = find(c, EO);
    if (i < 0 || c.level !== 'UNCLASSIFIED' || !/N\/A/.test(c.lines[i]) || !c.cable.date) return undefined;
    const d = c.cable.date;
    const date = `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year + 10}`;
    return { text: edit(c, i, (l) => l.replace('N/A', `DECL: ${date}`)), line: i };
  } },
  { rule: 'CBL041', name: 'cite E.O. 13526 on a cable written before it', plant: (c) => {
    const i = find(c, /^(?:E\.\s?O\.|EO)\s*12958\b/);
    const d = c.cable.date;
    if (i < 0 || !d || d.year > 2009 || (d.year === 2009 && d.month === 12 && d.day >= 29)) return undefined;
    return { text: edit(c, i, (l) => l.replace('12958', '13526')), line: i };
  } },
  // TAGS, SUBJECT, REF, Classified By.
  { rule: 'CBL017', name: 'delete the TAGS line', plant: (c) => {
    const i = find(c, TAGS);
    return i < 0 ? undefined : { text: without(c, i, field(c, i)), line: i, anywhere: true, shift: shifted(i, field(c, i)) };
  } },
  { rule: 'CBL018', name: 'repeat the first TAG', plant: (c) => {
    const i = find(c, TAGS);
    const m = i < 0 ? null : /^TAGS:?\s+([A-Z]{2,6})\b(,?)/.exec(c.lines[i]);
    return m ? { text: edit(c, i, (l) => `${l.trimEnd()}${m[2]} ${m[1]}`), line: i } : undefined;
  } },
  { rule: 'CBL018', name: 'repeat the first TAG at the end of a wrapped TAGS field', plant: (c) => {
    const i = find(c, TAGS);
    const m = i < 0 ? null : /^TAGS:?\s+([A-Z]{2,6})\b(,?)/.exec(c.lines[i]);
    const end = i < 0 ? i : field(c, i);
    if (!m || end === i || !/^\s*[A-Z]{2,6}\b/.test(c.lines[end])) return undefined;
    return { text: edit(c, end, (l) => `${l.trimEnd()}${m[2]} ${m[1]}`), line: end };
  } },
  { rule: 'CBL044', name: 'run the first two TAGS together', plant: (c) => {
    const i = find(c, TAGS);
    const m = i < 0 ? null : /^(TAGS:?\s+)([A-Z]{4})[, ]+([A-Z]{2,4})\b/.exec(c.lines[i]);
    return m ? { text: edit(c, i, (l) => l.replace(m[0], `${m[1]}${m[2]}${m[3]}`)), line: i } : undefined;
  } },
  { rule: 'CBL050', name: "drop the host country's TAG from an embassy's TAGS", plant: (c) => {
    const tag = c.banner < 0 ? undefined : HOSTS.get(bannerPost(c.lines[c.banner]));
    const i = find(c, TAGS);
    if (tag === undefined || i < 0) return undefined;
    const end = field(c, i);
    const own = new RegExp(`(?:,\\s*|\\s+)${tag}\\b(?![-/])`);
    for (let k = i; k <= end; k++) {
      // A TAG line's code, never the label or a person's name: "TAGS: PREL FR AF", "TAGS: PREL, FR".
      if (own.test(c.lines[k].slice(k === i ? 5 : 0))) return { text: edit(c, k, (l) => (k === i ? l.slice(0, 5) + l.slice(5).replace(own, '') : l.replace(own, ''))), line: i, slack: k - i + 1 };
    }
    return undefined;
  } },
  { rule: 'CBL051', name: "scan the O of a TAG as a zero ('PG0V')", plant: (c) => misreadTag(c, 'O', '0') },
  { rule: 'CBL051', name: "type a one for the I of a TAG ('K1RF')", plant: (c) => misreadTag(c, 'I', '1') },
  { rule: 'CBL037', name: 'put the TAGS line above the E.O. line', plant: (c) => {
    const i = find(c, EO);
    if (i < 0 || !TAGS.test(c.lines[i + 1] ?? '') || field(c, i) !== i || field(c, i + 1) !== i + 1) return undefined;
    const lines = [...c.lines];
    [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    return { text: join(lines), line: i };
  } },
  { rule: 'CBL019', name: 'delete the SUBJECT line', plant: (c) => {
    const i = find(c, SUBJECT);
    return i < 0 ? undefined : { text: without(c, i, field(c, i)), line: i, anywhere: true, shift: shifted(i, field(c, i)) };
  } },
  { rule: 'CBL049', name: "type a semicolon for the SUBJECT label's colon", plant: (c) => {
    const i = find(c, /^SUBJECT:/);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace('SUBJECT:', 'SUBJECT;')), line: i };
  } },
  { rule: 'CBL049', name: "scan the O of the E.O. label as a zero ('E.0.')", plant: (c) => {
    const i = find(c, /^E\.O\. ?\d{5}/);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace('E.O.', 'E.0.')), line: i };
  } },
  { rule: 'CBL023', name: 'skip a REF letter', plant: (c) => {
    const ref = find(c, /^REF:?\s+\(?A[.)]/);
    const i = ref < 0 ? -1 : find(c, /^\s*¶?\(?B[.)]\s/, ref + 1);
    if (i < 0 || i > ref + 6) return undefined;
    // "¶B. B) MADRID 156": a doubled letter changes with its twin.
    return { text: edit(c, i, (l) => l.replace(/^(\s*¶?\(?)B([.)]\s+)(?:(\(?)B([.)]))?/, (_, a: string, b: string, d?: string, e?: string) => `${a}C${b}${e ? `${d}C${e}` : ''}`)), line: i };
  } },
  { rule: 'CBL023', name: 'skip a REF letter on a one-line REF field', plant: (c) => {
    const i = find(c, /^REF:?\s+\(?A[.)]\s.*\s\(?B[.)]\s/);
    // "B. B. LAMBERT": a doubled letter changes with its twin.
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/(\s\(?)B([.)]\s)(B[.)]\s)?/, (_, a: string, b: string, twin?: string) => `${a}C${b}${twin ? 'C' + twin.slice(1) : ''}`)), line: i };
  } },
  { rule: 'CBL052', name: "type a small l for a 1, or an O for a 0, inside a REF citation's serial ('LISBON 4l2')", plant: (c) => {
    const ref = find(c, /^REF/i);
    if (ref < 0 || (c.paragraphs[0] && ref > c.paragraphs[0].line)) return undefined;
    for (let k = ref; k <= field(c, ref); k++) {
      // A continuation-page line the field runs into is none of it.
      if (PAGE.test(c.lines[k])) break;
      // A post and its serial, ending the citation ("STATE 51120", "Tripoli 753;", "PARIS 8760 (NOTAL)"; not "… 8760 AND
      // PREVIOUS", a month's year or an IIR's number of ten digits).
      for (const m of c.lines[k].matchAll(/\b([A-Z][A-Za-z]{2,}) (\d{3,6})(?=[\s.,;)]|$)(?!\s+AND\b)/g)) {
        if (MONTH_NAMES.test(m[1])) continue;
        const serial = m[2];
        const at = serial.slice(1, -1).search(/[01]/) + 1;
        if (at <= 0) continue;
        const col = m.index! + m[0].length - serial.length + at;
        return { text: edit(c, k, (l) => l.slice(0, col) + (l[col] === '1' ? 'l' : 'O') + l.slice(col + 1)), line: k };
      }
    }
    return undefined;
  } },
  { rule: 'CBL053', name: "date a REF citation the year after the cable ('10 STATE 1234' in a cable of 2009)", plant: (c) => {
    const ref = find(c, /^REF/i);
    const date = c.cable.date;
    if (ref < 0 || !date || (c.paragraphs[0] && ref > c.paragraphs[0].line)) return undefined;
    const next = String((date.year + 1) % 100).padStart(2, '0');
    for (let k = ref; k <= field(c, ref); k++) {
      if (PAGE.test(c.lines[k])) break;
      // A post and its serial, with or without a year in front ("STATE 51120", "08 MADRID 707", "2010 STATE 6668", "LA PAZ 0406"),
      // after the label, a letter or a separator and ending the citation (not "E-MAIL DATED 10.01.2009", "MAIL 06 MARCH 06"); its
      // year becomes the year after the cable's.
      for (const m of c.lines[k].matchAll(/(^REFS?:?\s+|[\s.;,(]|^)(?:(\d{2}|\d{4}) )?([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}) (\d{1,6})(?=\s*$|\s*[,;)]|\.(?:\s|$)|\s+\(|\s+¶?[A-Z][.)]\s)/g)) {
        // "21 FEB 06", "MARCH 06": a date's year, no serial.
        if (MONTH_NAMES.test(m[3]) || /(?:^| )(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)$/i.test(m[3]) || /^REFS?$/i.test(m[3])) continue;
        const col = m.index! + m[1].length;
        const old = m[2] === undefined ? 0 : m[2].length + 1;
        return { text: edit(c, k, (l) => `${l.slice(0, col)}${next} ${l.slice(col + old)}`), line: k };
      }
    }
    return undefined;
  } },
  { rule: 'CBL054', name: "name paragraph 9 of the first REF item's cable, which the workspace holds with paragraphs 1 to 3 ('As REF A para 9 says, …')", plant: (c) => {
    // The first REF item must cite a cable (its id is what the workspace is asked for); the workspace answers for any id.
    const item = c.cable.refs?.items[0];
    const first = c.paragraphs[0];
    if (!item?.cable || !first) return undefined;
    const letter = item.letter ?? 'A';
    const at = c.lines[first.line].replace(/^(\s*(?:¶ ?)?\d{1,3}\.\s+(?:\([A-Z/ ]+\)\s+)?)/, `$1As REF ${letter} para 9 says, `);
    return at === c.lines[first.line] ? undefined : { text: edit(c, first.line, () => at), line: first.line, citedParagraphs: () => ({ numbers: [1, 2, 3], ended: true }) };
  } },
  { rule: 'CBL045', name: 'cite the REF letter after the last one', plant: (c) => {
    // The letter after the REF field's last ("ref C" under items A and B), which the reader takes for a reference.
    const letters = c.cable.refs?.items.flatMap((item) => (item.letter ? [item.letter] : [])) ?? [];
    const first = c.paragraphs[0]?.line ?? -1;
    if (letters.length === 0 || first < 0) return undefined;
    const next = String.fromCharCode(letters[letters.length - 1].charCodeAt(0) + 1);
    const i = find(c, /\b(?:REF|ref|Ref) A\b/, first);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/\b(REF|ref|Ref) A\b/, `$1 ${next}`)), line: i };
  } },
  { rule: 'CBL045', name: 'cite a paragraph past the last one', plant: (c) => {
    const last = c.paragraphs[c.paragraphs.length - 1];
    const i = !last ? -1 : find(c, /\b(?:para|paragraph|PARA) \d{1,2}\b/, c.paragraphs[0].line);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/\b(para|paragraph|PARA) \d{1,2}\b/, `$1 ${last.n + 20}`)), line: i };
  } },
  { rule: 'CBL020', name: 'delete the Classified By line of a classified cable', plant: (c) => {
    const i = find(c, CLASSIFIED_BY);
    if (i < 0 || !c.level || c.level === 'UNCLASSIFIED') return undefined;
    return { text: without(c, i, field(c, i)), line: i, anywhere: true, shift: shifted(i, field(c, i)) };
  } },
  { rule: 'CBL021', name: 'add a Classified By line to an UNCLAS cable', plant: (c) => {
    const subject = find(c, SUBJECT);
    if (c.level !== 'UNCLASSIFIED' || subject < 0) return undefined;
    const end = field(c, subject) + 1;
    const lines = [...c.lines.slice(0, end), '', 'Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).', ...c.lines.slice(end)];
    return { text: join(lines), line: end + 1, shift: { from: end, by: 2 } };
  } },
  { rule: 'CBL022', name: 'mistype a reason letter past the list', plant: (c) => {
    const by = find(c, CLASSIFIED_BY);
    if (by < 0) return undefined;
    for (let i = by; i <= field(c, by); i++) {
      if (/1\.[45]\s*\(?[a-hA-H]\b/.test(c.lines[i])) {
        return { text: edit(c, i, (l) => l.replace(/(1\.[45]\s*\(?)([a-hA-H])\b/, (_, a: string, b: string) => a + (b === b.toUpperCase() ? 'K' : 'k'))), line: i };
      }
    }
    return undefined;
  } },
  { rule: 'CBL022', name: 'write the reason section 1:4', plant: (c) => {
    const by = find(c, CLASSIFIED_BY);
    if (by < 0) return undefined;
    for (let i = by; i <= field(c, by); i++) if (/\b1\.4\b/.test(c.lines[i])) return { text: edit(c, i, (l) => l.replace(/\b1\.4\b/, '1:4')), line: i };
    return undefined;
  } },
  // Paragraphs.
  { rule: 'CBL024', name: 'drop a paragraph number', plant: (c) => {
    const k = middle(c);
    if (k === undefined) return undefined;
    return { text: edit(c, c.paragraphs[k].line, (l) => l.replace(PARAGRAPH, (_, before: string) => before.replace(/¶ ?/, ''))), line: c.paragraphs[k + 1].line };
  } },
  { rule: 'CBL024', name: 'drop the first paragraph number', plant: (c) => {
    const ps = c.paragraphs;
    if (ps.length < 2 || ps[0].n !== 1 || ps[1].n !== 2) return undefined;
    return { text: edit(c, ps[0].line, (l) => l.replace(PARAGRAPH, (_, before: string) => before.replace(/¶ ?/, ''))), line: ps[1].line };
  } },
  { rule: 'CBL024', name: 'swap two paragraph numbers', plant: (c) => {
    const k = middle(c);
    if (k === undefined) return undefined;
    const a = c.paragraphs[k];
    const b = c.paragraphs[k + 1];
    const lines = c.lines.map((l, i) => (i === a.line ? renumber(l, b.n) : i === b.line ? renumber(l, a.n) : l));
    // The second of the two is the step back ("¶5." after "¶6."); the first reads as a gap.
    return { text: join(lines), line: b.line, slack: 0, message: /a step back after/ };
  } },
  { rule: 'CBL024', name: 'mistype a paragraph number one too high', plant: (c) => {
    const k = middle(c);
    if (k === undefined) return undefined;
    const p = c.paragraphs[k];
    return { text: edit(c, p.line, (l) => renumber(l, p.n + 1)), line: p.line };
  } },
  { rule: 'CBL025', name: 'repeat a paragraph number', plant: (c) => {
    const k = middle(c);
    if (k === undefined) return undefined;
    const p = c.paragraphs[k + 1];
    return { text: edit(c, p.line, (l) => renumber(l, p.n - 1)), line: p.line };
  } },
  { rule: 'CBL026', name: "turn a paragraph's pilcrow into a 1 ('¶ 13.')", plant: (c) => {
    const k = middle(c, (j) => c.paragraphs[j].n >= 2 && c.paragraphs[j].n <= 9);
    if (k === undefined) return undefined;
    const p = c.paragraphs[k];
    return { text: edit(c, p.line, (l) => l.replace(PARAGRAPH, (_, before: string, n: string, after: string) => `${before.replace(/¶ ?/, '')}¶ 1${n}${after}`)), line: p.line };
  } },
  { rule: 'CBL026', name: "turn a paragraph's pilcrow into a 1 ('13.')", plant: (c) => {
    // Only where the paragraph had a pilcrow: in a cable numbered "3.", "13." is written as the others are.
    const k = middle(c, (j) => c.paragraphs[j].n >= 2 && c.paragraphs[j].n <= 9 && c.lines[c.paragraphs[j].line].includes('¶'));
    if (k === undefined) return undefined;
    const p = c.paragraphs[k];
    return { text: edit(c, p.line, (l) => l.replace(PARAGRAPH, (_, before: string, n: string, after: string) => `${before.replace(/¶ ?/, '')}1${n}${after}`)), line: p.line };
  } },
  { rule: 'CBL046', name: "misread a marked paragraph's digit 1 as the letter l ('l.', 'l2.')", plant: (c) => {
    const k = middle(c, (j) => String(c.paragraphs[j].n).includes('1') && MARKED.test(c.lines[c.paragraphs[j].line]));
    if (k === undefined) return undefined;
    const p = c.paragraphs[k];
    return { text: edit(c, p.line, (l) => l.replace(PARAGRAPH, (_, before: string, n: string, after: string) => `${before}${n.replace(/1/g, 'l')}${after}`)), line: p.line };
  } },
  { rule: 'CBL046', name: "misread a marked paragraph's pilcrow as P ('P3.')", plant: (c) => {
    const k = middle(c, (j) => /^\s*¶\d/.test(c.lines[c.paragraphs[j].line]) && MARKED.test(c.lines[c.paragraphs[j].line]));
    if (k === undefined) return undefined;
    const p = c.paragraphs[k];
    return { text: edit(c, p.line, (l) => l.replace('¶', 'P')), line: p.line };
  } },
  { rule: 'CBL047', name: "leave a paper copy's page number ('- 2 -') under a paragraph's first line", plant: (c) => {
    const k = middle(c, (j) => /\S/.test(c.lines[c.paragraphs[j].line + 1] ?? ''));
    if (k === undefined) return undefined;
    const i = c.paragraphs[k].line + 1;
    return { text: join([...c.lines.slice(0, i), '- 2 -', ...c.lines.slice(i)]), line: i, shift: { from: i, by: 1 } };
  } },
  { rule: 'CBL047', name: "leave a released copy's stamp ('RELEASED IN PART B1,1.4(D)') under a paragraph's first line", plant: (c) => {
    const k = middle(c, (j) => /\S/.test(c.lines[c.paragraphs[j].line + 1] ?? ''));
    if (k === undefined) return undefined;
    const i = c.paragraphs[k].line + 1;
    return { text: join([...c.lines.slice(0, i), 'RELEASED IN PART B1,1.4(D)', ...c.lines.slice(i)]), line: i, shift: { from: i, by: 1 } };
  } },
  { rule: 'CBL055', name: "repeat a paragraph's second line under it with a 'Q' in front ('Qthat threaten …')", plant: (c) => {
    const k = middle(c, (j) => (c.lines[c.paragraphs[j].line + 1] ?? '').trim().length >= 20);
    if (k === undefined) return undefined;
    const i = c.paragraphs[k].line + 2;
    return { text: join([...c.lines.slice(0, i), 'Q' + c.lines[i - 1], ...c.lines.slice(i)]), line: i, shift: { from: i, by: 1 } };
  } },
  { rule: 'CBL055', name: "repeat a paragraph's first line under it with a 'Q' for its pilcrow ('Q10.  (S/NF) …')", plant: (c) => {
    const k = middle(c, (j) => c.lines[c.paragraphs[j].line].startsWith('¶'));
    if (k === undefined) return undefined;
    const i = c.paragraphs[k].line + 1;
    return { text: join([...c.lines.slice(0, i), 'Q' + c.lines[i - 1].slice(1), ...c.lines.slice(i)]), line: i, shift: { from: i, by: 1 } };
  } },
  { rule: 'CBL027', name: "delete 'End Summary' of a Summary opened in a paragraph", plant: (c) => unclose(c, 'Summary') },
  { rule: 'CBL027', name: "misspell 'End Summary' ('End Sumary')", plant: (c) => {
    const planted = unclose(c, 'Summary');
    if (!planted) return undefined;
    // The closer unclose deleted, written with one m instead.
    const close = find(c, /\bEnd Summary\b/i, c.banner + 1);
    return { ...planted, text: edit(c, close, (l) => l.replace(/\b(End Sum)m(ary)\b/i, '$1$2')) };
  } },
  { rule: 'CBL027', name: "delete 'End Comment'", plant: (c) => unclose(c, 'Comment') },
  { rule: 'CBL027', name: "delete 'End Note'", plant: (c) => unclose(c, 'Note') },
  // Markings.
  { rule: 'CBL028', name: 'remove a portion marking', plant: (c) => {
    const i = markedParagraph(c, () => true);
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(MARKED, '$1 ')), line: i };
  } },
  { rule: 'CBL028', name: "remove the first paragraph's portion marking", plant: (c) => {
    const first = c.paragraphs[0];
    return !first || !MARKED.test(c.lines[first.line]) ? undefined : { text: edit(c, first.line, (l) => l.replace(MARKED, '$1 ')), line: first.line };
  } },
  { rule: 'CBL029', name: "lose a marking's opening parenthesis", plant: (c) => {
    const i = markedParagraph(c, () => true);
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(MARKED, '$1 $2) ')), line: i };
  } },
  { rule: 'CBL029', name: "lose a marking's closing parenthesis", plant: (c) => {
    const i = markedParagraph(c, () => true);
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(MARKED, '$1 ($2 ')), line: i };
  } },
  { rule: 'CBL029', name: 'transpose the letters of a two-part marking', plant: (c) => {
    const i = markedParagraph(c, (m) => /^[SC]\/NF$/.test(m));
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(/\(([SC])\/N(F)\)/, '(N/$1$2)')), line: i };
  } },
  { rule: 'CBL029', name: "drop the slash of a two-part marking ('(SNF)')", plant: (c) => {
    const i = markedParagraph(c, (m) => /^[SC]\/\/?NF$/.test(m));
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(/\(([SC])\/\/?NF\)/, '($1NF)')), line: i };
  } },
  { rule: 'CBL029', name: "mark a paragraph twice ('(C) (S)')", plant: (c) => {
    const i = markedParagraph(c, () => true);
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(MARKED, (_, n: string, m: string) => `${n} (${m}) (${m.startsWith('S') ? 'C' : 'S'}) `)), line: i };
  } },
  { rule: 'CBL030', name: 'mark a paragraph a level above the banner', plant: (c) => {
    if (c.level === 'CONFIDENTIAL') {
      const i = markedParagraph(c, (m) => m.startsWith('C'));
      return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(/ \(C/, ' (S')), line: i };
    }
    if (c.level === 'UNCLASSIFIED') {
      const i = markedParagraph(c, (m) => m === 'U' || m === 'SBU');
      return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(/ \((U|SBU)\)/, ' (C)')), line: i };
    }
    return undefined;
  } },
  { rule: 'CBL031', name: 'lower every SECRET marking to CONFIDENTIAL', plant: (c) => {
    const secret = /\(S(?:\)|\/)/;
    if (c.level !== 'SECRET' || c.paragraphs.length === 0 || !c.paragraphs.every((p) => MARKED.test(c.lines[p.line])) || !c.paragraphs.some((p) => secret.test(c.lines[p.line]))) return undefined;
    // Every SECRET marking after the banner, "(S)", "(S/NF)" and "(S//NF)", wherever the paragraph starts.
    const lines = c.lines.map((l, i) => (i > c.banner ? l.replace(/\(S(?=\)|\/)/g, '(C') : l));
    return { text: join(lines), line: c.banner };
  } },
  { rule: 'CBL032', name: 'delete the NOFORN caveat line', plant: (c) => {
    const nf = markedParagraph(c, (m) => /\/NF$/.test(m));
    const i = find(c, /^NOFORN\s*$/, c.banner + 1);
    if (nf === undefined || i < 0 || i > nf) return undefined;
    // The finding goes on the first paragraph the parser reads as NOFORN: the caveat is missing from the whole cable.
    return { text: without(c, i), line: nf - 1, anywhere: true, shift: shifted(i) };
  } },
  { rule: 'CBL032', name: 'add NOFORN to a marking of a cable without the caveat', plant: (c) => {
    if (find(c, /\bNOFORN\b/) >= 0 || /\/\/?NF\)/.test(c.text)) return undefined;
    const i = markedParagraph(c, (m) => m === 'S' || m === 'C');
    return i === undefined ? undefined : { text: edit(c, i, (l) => l.replace(/\(([SC])\)/, '($1/NF)')), line: i };
  } },
  // Pages and text.
  { rule: 'CBL033', name: "mistype a page line's serial", plant: (c) => {
    const i = find(c, PAGE);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(PAGE, (all, _post: string, serial: string) => all.replace(serial, String(parseInt(serial, 10) + 1).padStart(8, '0')))), line: i };
  } },
  { rule: 'CBL033', name: "mistype a page line's total", plant: (c) => {
    const i = find(c, PAGE);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/ OF (\d{3})/, (_, t: string) => ` OF ${String(parseInt(t, 10) + 1).padStart(3, '0')}`)), line: i };
  } },
  { rule: 'CBL034', name: 'skip a page number', plant: (c) => {
    const i = find(c, PAGE);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/ (\d{3}) OF/, (_, p: string) => ` ${String(parseInt(p, 10) + 1).padStart(3, '0')} OF`)), line: i };
  } },
  { rule: 'CBL034', name: 'lose a page (delete a continuation-page line and the page after it)', plant: (c) => {
    const pages = c.lines.flatMap((l, i) => (PAGE.test(l) ? [i] : []));
    if (pages.length < 3) return undefined;
    return { text: without(c, pages[1], pages[2] - 1), line: pages[1], shift: shifted(pages[1], pages[2] - 1) };
  } },
  { rule: 'CBL034', name: 'swap the numbers of two continuation pages', plant: (c) => {
    const pages = c.lines.flatMap((l, i) => (PAGE.test(l) ? [i] : []));
    if (pages.length < 2) return undefined;
    const [a, b] = [PAGE.exec(c.lines[pages[0]])![3], PAGE.exec(c.lines[pages[1]])![3]];
    if (a === b) return undefined;
    const swap = (l: string, to: string) => l.replace(/ (\d{3}) OF/, ` ${to} OF`);
    return { text: join(c.lines.map((l, i) => (i === pages[0] ? swap(l, b) : i === pages[1] ? swap(l, a) : l))), line: pages[0] };
  } },
  { rule: 'CBL035', name: 'paste a left-to-right mark into the SUBJECT line', plant: (c) => {
    const i = find(c, SUBJECT);
    return i < 0 ? undefined : { text: edit(c, i, (l) => l.replace(/: */, (m) => m + '\u200e')), line: i };
  } },
  { rule: 'CBL035', name: 'paste a zero-width space into a paragraph', plant: (c) => {
    const k = middle(c);
    if (k === undefined) return undefined;
    const i = c.paragraphs[k].line;
    return { text: edit(c, i, (l) => l.replace(/ (\w)/, ' \u200b$1')), line: i };
  } },
  { rule: 'CBL042', name: 'sign a Department cable with the other Secretary', plant: (c) => {
    let i = c.lines.length - 1;
    while (i >= 0 && !/^(RICE|CLINTON)\s*$/.test(c.lines[i])) i--;
    if (i < 0 || !/^S(?: E C R E T|ECRET|ECRET| C O N)|STATE \d/.test(c.lines[c.banner] ?? '') || !/\bSTATE\b/.test(c.lines[c.banner])) return undefined;
    return { text: edit(c, i, (l) => (l.startsWith('RICE') ? 'CLINTON' : 'RICE')), line: i };
  } },
];

/** What one rule caught: planted, caught, and the misses by cable and mutation. */
interface Tally {
  planted: number;
  caught: number;
  misses: string[];
}

/** Plants every mutation in every cable and counts, per rule, the defects its new findings catch. */
function measure(sources: readonly Source[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  // Each mutated text is linted with its rule alone, as configured severities would run it.
  const only = new Map(allRules.map((r) => [r.id, { rules: new Map<string, RuleSetting>(allRules.map((o) => [o.id, o.id === r.id ? o.defaultSeverity : 'off'])) }]));
  const lint = (text: string, fileName: string, rule?: string, citedParagraphs?: LintContext['citedParagraphs']): Finding[] =>
    lintCable(parseCable(text).cable, rule ? only.get(rule) : undefined, undefined, { fileName, citedParagraphs });
  for (const c of sources) {
    const original = lint(c.text, c.name);
    for (const m of MUTATIONS) {
      const planted = m.plant(c);
      const t = tallies.get(m.rule) ?? { planted: 0, caught: 0, misses: [] };
      tallies.set(m.rule, t);
      if (!planted) continue;
      // A finding the original had (the same message on the same line, once moved by the lines deleted or inserted) is not the
      // defect's; one more of them is ("TAG KJUS appears more than once" twice where the original had it once).
      const moved = (line: number) => (planted.shift && line >= planted.shift.from ? line + planted.shift.by : line);
      const before = new Map<string, number>();
      for (const f of original) if (f.id === m.rule) before.set(`${moved(f.range.start.line)} ${f.message}`, (before.get(`${moved(f.range.start.line)} ${f.message}`) ?? 0) + 1);
      const findings = lint(planted.text, planted.fileName ?? c.name, m.rule, planted.citedParagraphs);
      const slack = planted.slack ?? 1;
      const hit = findings.some((f) => {
        const key = `${f.range.start.line} ${f.message}`;
        const left = before.get(key) ?? 0;
        before.set(key, left - 1);
        return left <= 0 && (planted.anywhere || Math.abs(f.range.start.line - planted.line) <= slack) && (!planted.message || planted.message.test(f.message));
      });
      t.planted++;
      if (hit) t.caught++;
      else t.misses.push(`${c.name}:${planted.line + 1} ${m.name} (got ${findings.map((f) => `${f.range.start.line + 1} ${f.message}`).join('; ') || 'nothing'})`);
    }
  }
  return tallies;
}

/**
 * The recall each rule must keep, caught / planted over the 203 files of the corpus: what the rules reach,
 * rounded down a little. Beside each, the count measured and why the misses are not the rule's to catch.
 */
const FLOORS: Record<string, number> = {
  CBL001: 0.99, // 117/117
  CBL002: 0.99, // 115/115
  CBL003: 0.99, // 168/168
  CBL004: 0.99, // 176/176
  CBL005: 0.97, // 175/177: 09LAPAZ96 and 10SANSALVADOR37 have no banner (the release dropped it) to compare the DE serial with.
  CBL006: 0.99, // 177/177
  CBL007: 0.97, // 156/158: the same two cables without a banner.
  CBL008: 0.99, // 176/176
  CBL009: 0.99, // 147/147
  CBL010: 0.99, // 197/197
  CBL011: 0.99, // 1146/1146
  CBL012: 0.99, // 404/404
  CBL013: 0.99, // 202/202
  CBL014: 0.99, // 177/177
  CBL015: 0.99, // 277/277
  CBL016: 0.99, // 155/155
  CBL017: 0.99, // 201/201
  CBL018: 0.99, // 209/209
  CBL019: 0.99, // 201/201
  CBL020: 0.99, // 173/173
  CBL021: 0.99, // 18/18
  CBL022: 0.99, // 329/329
  CBL023: 0.99, // 60/60
  // 750/756: a gap next to a line of X's alone is where the release blanked paragraphs (07BEIJING7035, 09CASABLANCA226); the
  // items of a document quoted in 09BEIJING1582's paragraph 9 number themselves apart. (743 before noise56: a redaction after a
  // sentence's end hid 10CARACAS147's, 09ANKARA321's, 09BEIJING1336's and 09ISTANBUL336's gaps; 747 before rules57: 06VIENNA515's
  // "transliterations of" ⏎ "xxxxx." ended a sentence, not paragraphs, and 10SEOUL272's "XXXXXXXXXXXX" over a rule line is a
  // blanked section title.)
  CBL024: 0.98,
  CBL025: 0.97, // 186/189: 09BEIJING1582's quoted items; 09ISLAMABAD10 and seed 004 already number those paragraphs oddly ("3 (S)", "13.").
  CBL026: 0.98, // 371/373: 09BEIJING1582's quoted items.
  // 227/227: a Comment or Note is planted only where the deletion leaves a block that needs its closer (unclose): deleted from
  // an aside inside a paragraph's text, or from a Comment that opens the last paragraph (or is followed only by its continuation
  // or by clearance), it left a valid cable: 16 such plants counted as misses had brought the floor down to 0.93 (228/244), and
  // one more (09RPODUBAI379, its Comment continued by "¶13. (C) COMMENT (CONT):") was counted as caught.
  CBL027: 0.99,
  // 363/371: a paragraph whose text opens with a redaction ("¶2. XXXXXXXXXXXX said") may hold its marking under it.
  CBL028: 0.96,
  CBL029: 0.99, // 670/670
  CBL030: 0.99, // 111/111
  // 63/68: copies whose release blanked whole paragraphs, or with an unmarked paragraph ("18.This cable was cleared"), are not
  // judged. (62 before marks58: 10SEOUL272's only blanked line, a section's title over its rule, was taken for paragraphs.)
  CBL031: 0.9,
  CBL032: 0.98, // 160/161: 09KABUL376 already lacks the caveat for an earlier NOFORN paragraph, and the rule reports the first.
  CBL033: 0.99, // 134/134
  // 122/124: the first page lines of 09HARARE888 and 09STATE93327 come after paragraphs the release blanked, which took the pages before them.
  CBL034: 0.98,
  CBL035: 0.99, // 390/390
  CBL036: 0.99, // 179/179
  CBL037: 0.99, // 141/141
  CBL038: 0.99, // 18/18
  CBL039: 0.99, // 292/292
  CBL040: 0.99, // 54/54
  CBL041: 0.99, // 155/155
  CBL042: 0.99, // 11/11
  CBL043: 0.97, // 197/200: two cables have no banner, and 10SHENYANG4's post is redacted, so neither names a cable.
  CBL044: 0.98, // 191/192: 09BRASILIA757's second TAG, NAR, is no known TAG, so KCRMNAR is no two TAGS run together.
  // 43/45: "ref P" past H where no REF item has it is not read as a reference (06ABUDHABI1725); 05MADRID1879 holds section 1 of 3 only.
  CBL045: 0.94,
  CBL046: 0.99, // 248/249: seed 004 writes its ¶4 as "14.", a pilcrow artifact: "l4." there is CBL026's.
  CBL047: 0.99, // 326/326: page numbers and release stamps
  CBL048: 0.99, // 157/157
  CBL049: 0.99, // 347/347: SUBJECT; and E.0.
  CBL050: 0.99, // 146/146
  CBL051: 0.99, // 279/280: 09STATE14577's IS written 1S reads as IS and LS, both known TAGS, so which is meant is a guess.
  CBL052: 0.99, // 55/55
  CBL053: 0.99, // 92/92
  CBL054: 0.99, // 98/98: a stand-in workspace (paragraphs 1 to 3 of any cable) for the cable the first REF item cites.
  CBL055: 0.99, // 350/350
};

describe('rule recall on real cables (planted defects)', function () {
  this.timeout(120000);
  let tallies: Map<string, Tally>;
  before(function () {
    if (!corpusDir()) this.skip();
    tallies = measure(corpusFiles().map(read));
    if (process.env.RECALL) {
      for (const [rule, t] of [...tallies].sort()) {
        console.log(`${rule} ${t.caught}/${t.planted}`);
        for (const miss of t.misses) console.log(`  miss ${miss}`);
      }
    }
  });

  it('plants defects for every rule in ten cables or more', () => {
    assert.deepEqual([...tallies.keys()].sort(), allRules.map((r) => r.id).sort());
    for (const [rule, t] of tallies) assert.ok(t.planted >= 10, `${rule}: only ${t.planted} cables had a place for its defects`);
  });

  it('keeps each rule at or above its recall floor', () => {
    assert.deepEqual(Object.keys(FLOORS).sort(), [...tallies.keys()].sort());
    for (const [rule, floor] of Object.entries(FLOORS)) {
      const t = tallies.get(rule)!;
      assert.ok(t.caught / t.planted >= floor, `${rule}: ${t.caught} of ${t.planted} caught, under the floor ${floor}\n${t.misses.join('\n')}`);
    }
  });
});
