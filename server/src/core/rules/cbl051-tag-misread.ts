/**
 * CBL051 tag-misread: A TAGS token that is no known TAG but one with a zero for the letter O, a one for I or L, or a small l for I ('PG0V' for PGOV, 'K1RF' for KIRF), where exactly one known TAG reads so.
 */
import type { Tag } from '../model';
import { isDigit } from '../text';
import type { Fix, Rule, TextEdit } from './types';
import { fieldTagRemoval, knownTag } from './util';
import { linesAsRead } from '../parse/margin';

export const rule: Rule = {
  id: 'CBL051',
  name: 'tag-misread',
  description: "A TAGS token that is no known TAG but one with a zero for the letter O, a one for I or L, or a small l for I ('PG0V' for PGOV, 'K1RF' for KIRF), where exactly one known TAG reads so.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "TAGS: PREL PG0V K1RF MT",
    good: "TAGS: PREL PGOV KIRF MT",
    rationale: "Typing and OCR confuse the letter O with the digit 0, and I or L with the digit 1 (or I with a small l), and a TAG so written is filed under no TAG by an index that matches codes. A TAG holds no digit 0 or 1 (the lists' only digit is `G-8`'s), so a token that is no known TAG, holds such a character and reads as exactly one known TAG once each is read as the letter it stands for (`PG0V` as PGOV, `K1RF` as KIRF, `KlRF` as KIRF) is reported with that TAG, and the fix writes those letters, touching no other character; where the field lists that TAG already (`PGOV, PG0V`), the fix removes the copy misread with its separator instead, which writing the TAG would leave for CBL018 to remove. A token that reads as two known TAGS so (`N1` as NI or NL), a known TAG (`G-8`), one with another digit (`G20`), one of a user dictionary, and one in small letters, whose l is an L (`prel`), are left alone.",
    source: "The project's review of typed and OCR transcriptions; the confusions are those CBL011 and CBL046 read in banners and paragraph numbers. No TAGS field of the 200 cables of the corpus holds a 0 or a 1, so no real cable is reported. TAG codes from tags-subject.tsv, tags-program.tsv, tags-geographic.tsv and tags-organization.tsv.",
  },
  check(cable, report, context) {
    const field = cable.tags;
    if (!field) return;
    const known = knownTag(context.userTags);
    field.tags.forEach((tag, i) => {
      if (tag.role !== 'code' || known(tag.code)) return;
      const meant = misreadTag(tag, known);
      if (meant === undefined) return;
      const written = tag.token.text;
      const { line, character } = tag.token.range.start;
      // "pg0v" → "pgov": the letters in the case the token is written in.
      const small = SMALL_BUT_L.test(written);
      const edits: TextEdit[] = [];
      const slips: string[] = [];
      for (let k = 0; k < written.length; k++) {
        if (written[k].toUpperCase() === meant[k]) continue;
        edits.push({ range: { start: { line, character: character + k }, end: { line, character: character + k + 1 } }, newText: small ? meant[k].toLowerCase() : meant[k] });
        const slip = `${isDigit(written.charCodeAt(k)) ? 'the digit' : 'the small letter'} '${written[k]}' for the letter ${meant[k]}`;
        if (!slips.includes(slip)) slips.push(slip);
      }
      // "PGOV, PG0V": the field lists the TAG meant already, so the fix removes the copy misread, with its separator, where
      // writing the TAG would make a repeat for CBL018 to remove.
      const listed = field.tags.some((t, k) => k !== i && t.role === 'code' && t.code === meant);
      const fix: Fix = listed
        ? { title: `Remove ${written}, a copy of ${meant}`, edits: [{ range: fieldTagRemoval(linesAsRead(cable), field, i), newText: '' }], safe: true, preferred: true }
        : { title: `Write ${meant}`, edits, safe: true, preferred: true };
      report({
        message: `${written} is no known TAG but reads as ${meant}, with ${slips.join(' and ')}${listed ? `; the field lists ${meant} already` : ''}.`,
        range: tag.token.range,
        fixes: [fix],
      });
    });
  },
};

/** Tokens longer than a TAG or an organization's code are not tried: at most three characters may be misread in one. */
const MAX_LENGTH = 8;

/**
 * The one known TAG a token reads as once each "0" is read as O, each "1" as I or L, and each small "l" among capitals
 * as I or L ("PG0V" as PGOV, "K1RF" as KIRF, "KlRF" as KIRF), or undefined when none or more than one does. The token
 * holds a letter and no other digit ("G20" is no misread TAG), and a token in small letters, whose "l" is an L, is read
 * only for its digits.
 */
export function misreadTag(tag: Tag, known: (code: string) => boolean): string | undefined {
  const written = tag.token.text;
  if (written.length < 2 || written.length > MAX_LENGTH || written.length !== tag.code.length) return undefined;
  // "prel": a small l among small letters is an L; among capitals ("KlRF") it may be an I.
  const capitals = !SMALL_BUT_L.test(written);
  let options: string[] = [''];
  let misread = 0;
  let letter = false;
  for (let k = 0; k < written.length; k++) {
    const c = written[k];
    let choices: readonly string[];
    if (c === '0') choices = ['O'];
    else if (c === '1') choices = ['I', 'L'];
    else if (c === 'l' && capitals) choices = ['L', 'I'];
    else if (isDigit(c.charCodeAt(0))) return undefined;
    else {
      letter ||= c.toUpperCase() !== c.toLowerCase();
      choices = [c.toUpperCase()];
    }
    if (c === '0' || c === '1' || (c === 'l' && capitals)) misread++;
    if (misread > 3) return undefined;
    options = options.flatMap((o) => choices.map((x) => o + x));
  }
  if (!letter || misread === 0) return undefined;
  const found = options.filter((o) => o !== tag.code && known(o));
  return found.length === 1 ? found[0] : undefined;
}

/** A small letter other than l: the token is written in small letters ("pg0v"). */
const SMALL_BUT_L = /[a-km-z]/;
