/**
 * CBL023 ref-letter-sequence: REF item letters skip, repeat or go backwards (A, B, D).
 */
import type { Rule } from './types';

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
    rationale: "Paragraphs cite references by letter (\"REF B\"); a broken sequence makes those citations ambiguous.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §6: REF layouts; the ¶B. artifact counts as B).",
  },
  check(cable, report) {
    const items = cable.refs?.items;
    if (!items) return;
    let expected = 65; // "A"
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      // An item without a letter ("REF: STATE 51120") is not in the sequence.
      if (!item.letter || !item.letterToken) continue;
      const code = item.letter.charCodeAt(0);
      if (code === expected - 1 && expected > 65) {
        // "A. … C. … C. …": the second C repeats the letter before it; D is not what it was meant to be.
        report({ message: `REF item ${item.letter} repeats the letter of the item before it.`, range: item.letterToken.range });
      } else if (code < expected - 1) {
        // "A. … C. … B. …": B goes back to a letter before C's; "where D is expected" would not say so.
        report({ message: `REF item ${item.letter} comes after ${String.fromCharCode(expected - 1)}: the letters go back.`, range: item.letterToken.range });
      } else if (code !== expected) {
        report({ message: `REF item ${item.letter} where ${String.fromCharCode(expected)} is expected.`, range: item.letterToken.range });
      }
      expected = code + 1;
    }
  },
};
