/**
 * CBL011 banner-malformed: The banner level is misspelled (first letter doubled or lost, last letter doubled or lost, two letters swapped, a zero for the letter O, in the level or the SECTION words, broken spacing, or one letter scanned as a look-alike: 'S E C R F T', '5 E C R E T', 'G O N F I D E N T I A L', whose respelling is a fix you choose), has a letter for a digit in its serial or section numbers ('00l565', 'SECTION 0l OF 02'), runs its post and serial together ('ANKARA004688') or has caveats joined to it with slashes; the level is still read.
 */
import type { Banner, Cable, Range } from '../model';
import { parseBanner, serialDigits } from '../parse/banner';
import { samePosition } from '../text';
import { keepsBanner, replaceFix } from './util';
import type { Fix, Rule } from './types';

export const rule: Rule = {
  id: 'CBL011',
  name: 'banner-malformed',
  description: "The banner level is misspelled (first letter doubled or lost, last letter doubled or lost, two letters swapped, a zero for the letter O, in the level or the SECTION words, broken spacing, or one letter scanned as a look-alike: 'S E C R F T', '5 E C R E T', 'G O N F I D E N T I A L', whose respelling is a fix you choose), has a letter for a digit in its serial or section numbers ('00l565', 'SECTION 0l OF 02'), runs its post and serial together ('ANKARA004688') or has caveats joined to it with slashes; the level is still read.",
  tags: ["banner"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "SS E C R E T VALLETTA 000412",
    good: "S E C R E T VALLETTA 000412",
    rationale: "A damaged banner still names a level, but tools and readers that match the exact spelling miss it. A zero typed or scanned for the letter O (`C0NFIDENTIAL`, `C 0 N F I D E N T I A L`) is read as the O it stands for, in the level or in the SECTION words (`SECTI0N 01 0F 02`, which lost the whole banner before), and the fix writes the O, touching no digit. A letter l or I typed or scanned for the digit 1, or O for 0, in the serial or the section numbers (`PARIS 00l565`, `SECTION 0l OF 02`, a digit among them; which lost the whole banner, or cut the serial at the letter) is read as the digit it stands for, so the cable's id is the one meant, and the fix writes the digits, touching nothing else. A post in capitals and a serial of six digits run together (`ANKARA004688`, the space lost in a scan or a transcription; which lost the whole banner) are read as the post and the serial meant, outside a body only, and the safe fix writes the space back. A level alone on its line is respelled only where the line still reads as the banner: `SECRE T` alone at the banner's place becomes `SECRET`, the banner there, before the metadata; but where a line below it reads as a banner, `SECRET` alone would only echo the level above it, so the fix would hand the banner to that line and none is offered. A level with one letter scanned or typed as a look-alike (`S E C R F T`, an F for E; `5 E C R E T`, the digit 5 for S; `G O N F I D E N T I A L`, a G for C; `CONFIDENTIA1`, the digit 1 for L), which lost the whole banner before (CBL010, and with it every check of the markings against the level), is read as that level and reported; only letters a scan confuses stand in for each other, never any letter, so no other word reads as a level. Since the level is then a reading rather than what the text says, its respelling is a quick fix for you to choose, never applied by Fix All or `cablelint --fix`. Caveats joined to the level (`S E C R E T//NOFORN PARIS 000708`) move after the serial, where banners carry them; one the cable gives already, on a caveat line under the banner or after the serial, is removed rather than written twice.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §2 and 'Warnings'): 17 of 1,295 (1.3%).",
  },
  check(cable, report) {
    const problems = cable.problems;
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i];
      if (problem.rule !== 'banner-malformed') continue;
      const banner = cable.banners.find((b) => b.line === problem.range.start.line);
      report({ message: problem.message, range: problem.range, fixes: banner && fixesFor(cable, banner, problem.range) });
    }
  },
};

/** The fix for one finding on `banner`: the level respelled, or joined caveats moved after the serial. */
function fixesFor(cable: Cable, banner: Banner, at: Range): Fix[] | undefined {
  const text = cable.lines[banner.line];
  // The level read is unchanged, so normalising the spelling is safe, where the line still reads as this banner once
  // respelled. A level in one word alone on its line ("SECRE T" set right to "SECRET") is the banner only where no line
  // below it before the metadata reads as one (else it is a page-break line or an echo of the level above the banner):
  // the lines where the banner is looked for are read again to tell (keepsBanner). A respelling that would leave the cable without its level is not offered.
  if (sameRange(at, banner.levelText.range)) {
    const spelled = respelled(banner.level, banner.levelText.text);
    const line = text.slice(0, at.start.character) + spelled + text.slice(at.end.character);
    const options = banner.repeated ? { strict: true, repeated: true } : { strict: false, repeated: false };
    if (parseBanner(banner.line, line, options)?.level !== banner.level && (banner.repeated || !keepsBanner(cable, at, spelled))) return undefined;
    // "S E C R F T": a letter read as a look-alike. The level is the likeliest reading, not what the text says: the
    // respelling waits for the user, outside Fix All and `cablelint --fix`, and Auto Fix does not take it alone.
    if (banner.misread) return [replaceFix(`Spell the level '${spelled}'`, at, spelled, false)];
    return [replaceFix(`Spell the level '${spelled}'`, at, spelled, true, true)];
  }
  // "SECTI0N 01 0F 02" → "SECTION 01 OF 02": the letters only, the numbers as they are.
  const section = banner.section;
  if (section && sameRange(at, section.token.range)) {
    // "SECTION 0l OF 03" → "SECTION 01 OF 03": the digits a letter stands for in the numbers.
    const numbers = section.number.range.start.character - at.start.character;
    const total = section.total.range.start.character - at.start.character;
    const words = section.token.text;
    const digits = `${words.slice(0, numbers)}${serialDigits(section.number.text)}${words.slice(numbers + section.number.text.length, total)}${serialDigits(section.total.text)}`;
    const spelled = digits.replace(SECTION_ZERO, '$1O$2').replace(OF_ZERO, '$1O$2');
    return [replaceFix(`Write '${spelled}'`, at, spelled, true, true)];
  }
  // "PARIS 00l565" → "PARIS 001565": the digits the letters stand for, the serial's length kept.
  const serial = banner.serial;
  // "ANKARA004688": the post and the serial run together, the space between them written back.
  const post = banner.post;
  if (serial && post && samePosition(post.range.end, serial.range.start) && samePosition(at.start, post.range.start) && samePosition(at.end, serial.range.end)) {
    return [{ title: `Write '${post.text} ${serial.text}'`, edits: [{ range: { start: serial.range.start, end: serial.range.start }, newText: ' ' }], safe: true, preferred: true }];
  }
  if (serial && sameRange(at, serial.range)) {
    const digits = serialDigits(serial.text);
    return [replaceFix(`Write '${digits}'`, at, digits, true, true)];
  }
  const joined = banner.joined;
  if (!joined || !sameRange(at, joined.range)) return undefined;
  // "SECRET//NOFORN PARIS 000708" → "SECRET PARIS 000708 NOFORN": the same caveats, where banners carry them. One the cable
  // gives already, after the serial or on a caveat line under the banner ("NOFORN" ⏎ "SIPDIS"), is not written twice.
  const given = new Set<string>();
  for (const caveat of cable.caveats) {
    const r = caveat.token.range;
    if (r.start.line >= banner.line && !(r.start.line === joined.range.start.line && r.start.character >= joined.range.start.character && r.end.character <= joined.range.end.character)) given.add(caveat.name);
  }
  const caveats = joined.text.split(SLASHES).filter((c) => c.length > 0 && !given.has(c.toUpperCase())).join(' ');
  const end = banner.range.end;
  if (caveats === '') return [{ title: `Remove '${joined.text}', which the cable's caveats give`, edits: [{ range: joined.range, newText: '' }], safe: true, preferred: true }];
  return [{
    title: `Move '${caveats}' after the serial`,
    edits: [{ range: joined.range, newText: '' }, { range: { start: end, end }, newText: ` ${caveats}` }],
    safe: true,
    preferred: true,
  }];
}

function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

const SLASHES = /\/+/;
const SECTION_ZERO = /^(SECTI)0(N)/i;
const OF_ZERO = /(\s)0(F\s)/i;

/**
 * The level spelled right in the form the damaged text was written in: spaced when it spells
 * the level letter by letter ("SS E C R E T" → "S E C R E T"), else in one word ("Ssecret" →
 * "SECRET"); UNCLASSIFIED where the text had more than "UNCLAS" ("NCLASSIFIED"), else UNCLAS.
 */
function respelled(level: string, damaged: string): string {
  if (level === 'UNCLASSIFIED') return /SIF/i.test(damaged) ? 'UNCLASSIFIED' : 'UNCLAS';
  let letters = 0;
  for (const word of damaged.split(WHITE_SPACE)) if (word.length === 1) letters++;
  return letters >= 3 ? level.split(' ').map((w) => w.split('').join(' ')).join('  ') : level;
}

const WHITE_SPACE = /\s+/;
