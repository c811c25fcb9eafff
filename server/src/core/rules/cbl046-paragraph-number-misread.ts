/**
 * CBL046 paragraph-number-misread: A paragraph number typed or scanned with a letter for a digit or for the pilcrow, or a comma, colon, semicolon, nothing or two full stops for its full stop ('l.' for '1.', 'P2.' for '¶2.', '92.' for '¶2.' where the cable numbers '¶1.', '¶4,' for '¶4.', '18,' for '18.', '8:' and '8;' for '8.', '3 (S)' for '3. (S)', '¶2 (C)' for '¶2. (C)', '3..' for '3.').
 */
import type { Paragraph } from '../model';
import type { Rule } from './types';
import { keepsBanner } from './util';

export const rule: Rule = {
  id: 'CBL046',
  name: 'paragraph-number-misread',
  description: "A paragraph number typed or scanned with a letter for a digit or for the pilcrow, or a comma, colon, semicolon, nothing or two full stops for its full stop ('l.' for '1.', 'P2.' for '¶2.', '92.' for '¶2.' where the cable numbers '¶1.', '¶4,' for '¶4.', '18,' for '18.', '8:' and '8;' for '8.', '3 (S)' for '3. (S)', '¶2 (C)' for '¶2. (C)', '3..' for '3.').",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "l. (C) Summary: …\nP2. (C) At our request, …",
    good: "1. (C) Summary: …\n¶2. (C) At our request, …",
    rationale: "OCR and hurried typing confuse the digit 1 with the letters l and I, the digit 0 with the letter O, the pilcrow with P or q, and a full stop with a comma, a colon or a semicolon (`8: (C) …`, `¶8; (C) …`, read as paragraph 8 only before a marking and as the next number; a cable that numbers most of its paragraphs `1:`, `2:` writes its own style and is not reported), or drop the full stop (`3 (S) …`, read as paragraph 3 only before a marking and as the next number; `¶2 (C) …`, after a pilcrow), or type it twice (`3.. (SBU) …`, right after the number, with a pilcrow or without); a pilcrow with its space before the letter (`¶ l. (C) …`) is read as `¶ 1.`, and a `P` with its space before the number (`P 2. (C) …`) as `¶ 2.`. A number with a letter for a digit is read as the paragraph it stands for only before a portion marking and as the next number in sequence (`I. Background` is a title's numeral, and so are `I. (C)` and `II. (C)` in a text with a line opening with `II.`, an outline in Roman numerals, and `l. (C)` under `k.` or `I. (C)` under `H.`, a lettered list's next item; and an `l.` item of a lettered list after paragraph 3 stays an item); a pilcrow read as `P` before a marking numbers its paragraph as `¶` would (`P12. (C)` after ¶10, the gap CBL024's); read as `q` (`q3. (C)` under `Q2. (C) …` is a question's label), or before no marking (`P1. Summary.`), as the next number after a sentence's end or any later one after a blank line, the items of a document quoted in a paragraph (`q1. We agreed …`) staying that paragraph's; such a marker right under the Classified By line ends the metadata as `¶1.` does; outlines, folding, hovers and references then reach the paragraph, and the fix writes the characters meant, touching nothing else. A pilcrow scanned as the digit 9 (`92. (C)` where ¶2 is expected), which read as paragraph 92 (CBL024's gap of 90 and step back), is read as `¶2.` in a cable that numbers its paragraphs with the pilcrow, before a marking only and only where the number after the 9 is the one expected. A `1` misread in front of the number meant, `I6.` where ¶6 is expected, is CBL026's. Fix All applies it unless it would change which line is the banner (see CBL026).",
    source: "The project's review of typed and OCR transcriptions; corpus analysis of the released cables: 3 of the 200 cables of the corpus write one, a bare number with a comma for its full stop (`18, (SBU)`, 07TELAVIV2652), one with none (`3 (S)`, 09ISLAMABAD10) and one with two (`3.. (SBU)`, 05PARIS4760). None numbers a paragraph with a colon or semicolon (`8:`), so no cable's house style is flagged.",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    let houseStyle: boolean | undefined;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const meant = p.misread;
      // "I6." where ¶6 is expected: CBL026 reports it, with the pilcrow meant.
      if (meant === undefined || p.readAs !== p.number) continue;
      const written = p.marker.text;
      // "1: (C)", "2: (C)", …: a cable numbering most of its paragraphs with a colon or semicolon writes its own style, no slip.
      if (colonFor(written) && (houseStyle ??= colonStyle(cable.paragraphs))) continue;
      report({
        message: `Paragraph number '${written}' has ${misreadings(written, meant)}: read as '${meant}'.`,
        range: p.marker.range,
        fixes: [{ title: `Write '${meant}'`, edits: [{ range: p.marker.range, newText: meant }], safe: keepsBanner(cable, p.marker.range, meant), preferred: true }],
      });
    }
  },
};

/** What was misread, character by character: "'l' for 1", "'P' for the pilcrow ¶", "a comma for the full stop", "no full stop", "its full stop twice". */
function misreadings(written: string, meant: string): string {
  const parts: string[] = [];
  for (let k = 0; k < written.length && k < meant.length; k++) {
    if (written[k] === meant[k]) continue;
    const part = meant[k] === '¶' ? `'${written[k]}' for the pilcrow ¶` : meant[k] === '.' ? `${STOP_SLIPS[written[k]] ?? 'a comma'} for the full stop` : `the letter '${written[k]}' for the digit ${meant[k]}`;
    if (!parts.includes(part)) parts.push(part);
  }
  // "3 (S)": the full stop lost, written as nothing.
  if (meant.length > written.length && meant.endsWith('.')) parts.push('no full stop');
  // "3.. (SBU)": the full stop written twice.
  if (written.length > meant.length && written.endsWith('..')) parts.push('its full stop twice');
  return parts.join(' and ');
}

/** What a paragraph number's full stop was typed as: "18,", "8:", "8;". */
const STOP_SLIPS: Readonly<Record<string, string>> = { ',': 'a comma', ':': 'a colon', ';': 'a semicolon' };

/** True when a marker as written ends with a colon or semicolon for its full stop ("8:", "¶8;"). */
function colonFor(written: string): boolean {
  const last = written.charCodeAt(written.length - 1);
  return last === 58 /* : */ || last === 59; /* ; */
}

/** True when no more of the paragraphs are numbered with a full stop than with a colon or semicolon ("1: (C)", "2: (C)"): the cable's own style. */
function colonStyle(paragraphs: readonly Paragraph[]): boolean {
  let colons = 0;
  for (const p of paragraphs) if (p.misread !== undefined && colonFor(p.marker.text)) colons++;
  return colons * 2 >= paragraphs.length;
}
