/**
 * CBL055 line-repeated: A line that repeats the line above it with a 'Q' in front of it or for its first character
 * ('Qthat threaten …' under 'that threaten …'), an artifact of the released copies.
 */
import { linesAsRead, marginWidth } from '../parse/margin';
import type { Rule } from './types';
import { linesHolding, trimEndOffset } from '../text';

export const rule: Rule = {
  id: 'CBL055',
  name: 'line-repeated',
  description: "A line that repeats the line above it with a 'Q' in front of it or for its first character ('Qthat threaten …' under 'that threaten …', 'Q10. (S/NF) …' under '¶10. (S/NF) …'), an artifact of the released copies.",
  tags: ["text"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶2. (S/NF) Director Anton Gauci said his patrol boats had met\nthree unregistered vessels in May, each heading north from the\nQthree unregistered vessels in May, each heading north from the\nLibyan coast at night (REF A).",
    good: "¶2. (S/NF) Director Anton Gauci said his patrol boats had met\nthree unregistered vessels in May, each heading north from the\nLibyan coast at night (REF A).",
    rationale: "Some released copies carry a line twice, the copy right under the line with a `Q` in front of it (`Qthat threaten …`) or in the place of its first character (`Q10.  (S/NF) CSIS …` under `¶10.  (S/NF) CSIS …`). The copy is no part of the cable: it breaks the sentence it stands in, and a paragraph's opening line copied so reads as an item marked inside the text (`Q10.` is a Q-and-A list's label). Only an exact copy of the line right above is reported, so a line that opens with a word such as `Qatar` is left alone, and so is a line written twice that opens with a Q of its own (`Question A` under `Question A`), which has no Q put in. Its fix deletes the copy, for you to choose, as CBL047's deletes a stray page number; the copy is faded as text that adds nothing.",
    source: "Corpus analysis of the released cables: 8 such lines in 3 of the 200 cables of the corpus (08OTTAWA918, 09BAGHDAD3316, 10BAGHDAD112), each right under the line it repeats; no other line of the corpus opens with a `Q` before a copy of the line above.",
  },
  check(cable, report) {
    const lines = linesAsRead(cable);
    // Almost no line holds a capital Q ("IRAQ"), and fewer open with one: one search of the text finds the lines to test.
    const holding = linesHolding(cable.text, lines, 'Q');
    for (let h = 0; h < holding.length; h++) {
      const i = holding[h];
      const text = lines[i];
      // "| Qthat threaten …": a scan's margin goes before the Q, on the line above too.
      const at = marginWidth(cable, i);
      if (i === 0 || text.charCodeAt(at) !== 81 /* Q */) continue;
      const copy = text.slice(at + 1).trimEnd();
      if (copy.length < MIN_COPY) continue;
      const above = lines[i - 1].slice(marginWidth(cable, i - 1)).trimEnd();
      // "Qthat threaten …" under "that threaten …"; "Q10.  (S/NF) …" under "¶10.  (S/NF) …". A line written twice that
      // opens with a Q itself ("Question A" under "Question A") has no Q put in: it is left alone.
      const inFront = above === copy;
      if (!inFront && !(above.length === copy.length + 1 && above.charCodeAt(0) !== 81 /* Q */ && above.endsWith(copy))) continue;
      const end = text.trimEnd().length;
      // The line and its line break go; the last line goes with the line break before it.
      const removal = i + 1 < lines.length ? { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } } : { start: { line: i - 1, character: lines[i - 1].length }, end: { line: i, character: text.length } };
      report({
        message: inFront
          ? `This line repeats the line above it with a 'Q' in front: an artifact of the copy, not part of the cable.`
          : `This line repeats the line above it with a 'Q' for its first character '${above[0]}': an artifact of the copy, not part of the cable.`,
        // The line's text, past its margin; the fix deletes the margin with the line.
        range: { start: { line: i, character: at }, end: { line: i, character: end } },
        related: [{ range: { start: { line: i - 1, character: marginWidth(cable, i - 1) }, end: { line: i - 1, character: trimEndOffset(lines[i - 1]) } }, message: 'The line it repeats' }],
        unnecessary: true,
        fixes: [{ title: 'Delete the repeated line', edits: [{ range: removal, newText: '' }], safe: false }],
      });
    }
  },
};

/** The shortest copy reported: a line of a few characters ("Qon" under "on") may be a word that opens with a Q. */
const MIN_COPY = 8;
