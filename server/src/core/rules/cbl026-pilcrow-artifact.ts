/**
 * CBL026 pilcrow-artifact: A paragraph number that reads 10 more than expected in an irregular form ('¶ 13.' or '13.' where '¶3.' is expected), or a pilcrow before a number that goes on with the sentence above ('… in January' ⏎ '¶2010. After …') or before a name's initial inside a sentence ('with ¶W. Bruce'): transcription artifacts.
 */
import { linesAsRead } from '../parse/margin';
import type { Cable, Paragraph } from '../model';
import type { Report, Rule } from './types';
import { isCapital, isDigit, isLetter, isSmall, isSpace, linesHolding, range, skipSpaces, trimEndOffset } from '../text';
import { keepsBanner } from './util';

export const rule: Rule = {
  id: 'CBL026',
  name: 'pilcrow-artifact',
  description: "A paragraph number that reads 10 more than expected in an irregular form ('¶ 13.' or '13.' where '¶3.' is expected), or a pilcrow before a number that goes on with the sentence above ('… in January' ⏎ '¶2010. After …') or before a name's initial inside a sentence ('with ¶W. Bruce'): transcription artifacts.",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "¶2. (S/NF) …\n¶ 13. (C/NF) …",
    good: "¶2. (S/NF) …\n¶3. (C/NF) …",
    rationale: "Some copies turned the pilcrow into a 1; the paragraph is really the expected one, and citations of it must use that number. Fix All rewrites it unless the number rewritten would change which line is the banner (a level alone on its line, `SECRET`, is the banner only above the metadata or the first paragraph, and `1.` with no marking after it opens no paragraph there): then the fix waits for you. The same conversion put a pilcrow before every number that a line of running text opens with and a full stop follows, a date's day or a year wrapped to the line's start (`… takes over the EU presidency in January` ⏎ `¶2010. After 15 years …`): such a number, under a line of the paragraph's text that ends with a word or a comma, goes on with that sentence, and the pilcrow makes it read as a paragraph number it is not. This is info, since no paragraph is misnumbered; the fix deletes the pilcrow and nothing else. A number under a blank line (a quoted document's own numbered items) or under a line that ends a sentence or clause is left alone. A pilcrow before a name's initial inside a sentence (`… exchanges with ¶W. Bruce Weinrod`: after a word in small letters, before a capital, its full stop and a capitalised word) is reported and mended the same way; an item's letter glued into a line after a colon or a sentence's end (`… as follows: ¶A. The …`) is left alone.",
    source: "FORMAT.md §6 (pilcrow artifacts: the same conversion puts stray ¶ before a capital in running text); corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): 0 cables, but 2 of the 3 seed cables (PARIS 000708 and PARIS 000305, from other sources, outside those counts). A pilcrow before a number that goes on with the sentence above: 22 lines in 20 of the 200 cables of the corpus (a year 18 times, a date's day 4 times), every one under a line ending with a word or a comma and none read as a paragraph; the 5 numbered paragraphs of the corpus that open under such a line (a list of participants, a blanked line) are read as paragraphs, with their markings, and not reported. A pilcrow before an initial inside a sentence: seed 004's `¶W. Bruce Weinrod`, the one in the 203 files.",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    // How the cable writes its numbers, decided at the first artifact: most cables have none.
    let pilcrow: boolean | undefined;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (p.readAs === p.number) continue;
      pilcrow ??= prefersPilcrow(paragraphs);
      const written = p.marker.text;
      const fixed = (pilcrow ? '¶' : '') + p.readAs + '.';
      report({
        message: `Paragraph number '${written}' reads as ${p.number} but ¶${p.readAs} is expected here: a transcription artifact of '¶${p.readAs}.'.`,
        range: p.marker.range,
        // The number meant is certain, so the repair is safe, where it leaves the banner as it is: "¶ 11." ends the search
        // for a banner that "1." alone does not, which takes the banner from a level alone on its line ("SECRET") above it.
        fixes: [{ title: `Write '${fixed}'`, edits: [{ range: p.marker.range, newText: fixed }], safe: keepsBanner(cable, p.marker.range, fixed), preferred: true }],
      });
    }
    strayPilcrows(cable, report);
  },
};

/**
 * Reports the pilcrow the conversion put before a number that goes on with the sentence above, at a text line's start:
 * "… presidency in January" ⏎ "¶2010. After 15 years …", "… on November" ⏎ "¶12. In each …". The parser reads no
 * paragraph there (the line's kind is `text`); the line above is a line of text that ends with a word or a comma.
 */
function strayPilcrows(cable: Cable, report: Report): void {
  const lines = linesAsRead(cable);
  const kinds = cable.lineKinds;
  // Most lines hold no pilcrow: one native search of the text passes over them, in a run's first cables too, when this
  // loop is not yet compiled.
  const holding = linesHolding(cable.text, lines, '¶');
  for (let h = 0; h < holding.length; h++) {
    const i = holding[h];
    const kind = kinds[i];
    if (i === 0 || (kind !== 'text' && kind !== 'paragraph')) continue;
    const line = lines[i];
    const at = skipSpaces(line);
    initialInSentence(cable, i, line.indexOf('¶', at + 1), report);
    if (kind !== 'text' || line.charCodeAt(at) !== 182) continue;
    let end = at + 1;
    while (isDigit(line.charCodeAt(end))) end++;
    // "¶2010." and "¶12.", a number and its full stop; "¶B." (an item's label) and "¶ 13." are no such number.
    if (end === at + 1 || line.charCodeAt(end) !== 46) continue;
    const above = kinds[i - 1];
    if (above !== 'text' && above !== 'paragraph') continue;
    const prev = lines[i - 1];
    const last = trimEndOffset(prev);
    if (last === 0 || !goesOn(prev.charCodeAt(last - 1))) continue;
    const number = line.slice(at + 1, end + 1);
    const where = range(i, at, at + 1);
    // The word the number goes on from, which shows what it is: a year ("until" ⏎ "¶2008."), a date's day ("September" ⏎ "¶25.").
    let from = last;
    while (from > 0 && last - from < 24 && !isSpace(prev.charCodeAt(from - 1))) from--;
    report({
      message: `Stray '¶' before '${number}', which goes on with the sentence above ('… ${prev.slice(from, last)} ${number}'): a transcription artifact, not a paragraph number.`,
      range: where,
      severity: 'info',
      fixes: [{ title: "Delete the '¶'", edits: [{ range: where, newText: '' }], safe: keepsBanner(cable, where, ''), preferred: true }],
    });
  }
}

/**
 * Reports the pilcrow the conversion put before a name's initial inside a sentence: "… exchanges with ¶W. Bruce Weinrod"
 * (FORMAT.md §6), after a word in small letters and a space, before a capital, its full stop, a space and a capitalised word.
 * An item's letter glued into a line ("… as follows: ¶A. The …") comes after a colon or a sentence's end, and is left alone.
 */
function initialInSentence(cable: Cable, i: number, k: number, report: Report): void {
  const line = linesAsRead(cable)[i];
  for (; k > 1; k = line.indexOf('¶', k + 1)) {
    if (line.charCodeAt(k - 1) !== 32 || !isSmall(line.charCodeAt(k - 2))) continue;
    if (!isCapital(line.charCodeAt(k + 1)) || line.charCodeAt(k + 2) !== 46 || line.charCodeAt(k + 3) !== 32) continue;
    if (!isCapital(line.charCodeAt(k + 4)) || !isSmall(line.charCodeAt(k + 5))) continue;
    const where = range(i, k, k + 1);
    report({
      message: `Stray '¶' before '${line.slice(k + 1, k + 3)}', inside a sentence: a transcription artifact, not an item's letter.`,
      range: where,
      severity: 'info',
      fixes: [{ title: "Delete the '¶'", edits: [{ range: where, newText: '' }], safe: keepsBanner(cable, where, ''), preferred: true }],
    });
  }
}

/** True for the last character of a line whose sentence goes on below it: a letter or a comma ("in January", "August 1,"). */
function goesOn(c: number): boolean {
  return c === 44 || isLetter(c);
}

/** True when the paragraphs read as written say "¶3." at least as often as "3.". */
function prefersPilcrow(paragraphs: readonly Paragraph[]): boolean {
  let pilcrow = 0;
  let bare = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.readAs !== p.number) continue;
    if (p.style === 'pilcrow') pilcrow++;
    else if (p.style === 'bare') bare++;
  }
  return pilcrow >= bare;
}
