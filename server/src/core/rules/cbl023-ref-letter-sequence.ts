/**
 * CBL023 ref-letter-sequence: REF item letters skip, repeat or go backwards (A, B, D).
 */
import type { Rule } from './types';
import { refLetterAt, refLetterOrdinal } from '../parse/metadata';

export const rule: Rule = {
  id: 'CBL023',
  name: 'ref-letter-sequence',
  description: "REF item letters skip, repeat or go backwards (A, B, D).",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "REF: A. VALLETTA 388\n¶C. STATE 51120",
    good: "REF: A. VALLETTA 388\n¶B. STATE 51120",
    rationale: "Paragraphs cite references by letter (\"REF B\"); a broken sequence makes those citations ambiguous. A field that runs past Z goes on with the letter written twice (`Z.`, `AA.`, `BB.`), whose order is checked the same way.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §6: REF layouts; the ¶B. artifact counts as B).",
  },
  check(cable, report) {
    const items = cable.refs?.items;
    if (!items) return;
    // Places in the list: A is 1, Z 26, and past Z the letter written twice, AA 27, BB 28 (refLetterOrdinal).
    let expected = 1;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      // An item without a letter ("REF: STATE 51120") is not in the sequence.
      if (!item.letter || !item.letterToken) continue;
      const code = refLetterOrdinal(item.letter);
      if (code === expected - 1 && expected > 1) {
        // "A. … C. … C. …": the second C repeats the letter before it; D is not what it was meant to be.
        report({ message: `REF item ${item.letter} repeats the letter of the item before it.`, range: item.letterToken.range });
      } else if (code < expected - 1) {
        // "A. … C. … B. …": B goes back to a letter before C's; "where D is expected" would not say so.
        report({ message: `REF item ${item.letter} comes after ${refLetterAt(expected - 1)}: the letters go back.`, range: item.letterToken.range });
      } else if (code !== expected) {
        report({ message: `REF item ${item.letter} where ${refLetterAt(expected) ?? 'no further letter'} is expected.`, range: item.letterToken.range });
      }
      expected = code + 1;
    }
  },
};
