/**
 * CBL023 ref-letter-sequence: REF item letters skip, repeat or go backwards (A, B, D).
 */
import type { Cable, Range, RefItem } from '../model';
import { findInTextReferences } from '../mentions';
import { refLetterAt, refLetterOrdinal } from '../parse/metadata';
import type { Fix, Rule, TextEdit } from './types';
import { withReferences, type CarriedReferences } from './util';

export const rule: Rule = {
  id: 'CBL023',
  name: 'ref-letter-sequence',
  description: "REF item letters skip, repeat or go backwards (A, B, D).",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "REF: A. VALLETTA 388\n¶C. STATE 51120",
    good: "REF: A. VALLETTA 388\n¶B. STATE 51120",
    rationale: "Paragraphs cite references by letter (\"REF B\"); a broken sequence makes those citations ambiguous. A field that runs past Z goes on with the letter written twice (`Z.`, `AA.`, `BB.`), whose order is checked the same way. A portion marking after an item's letter (`A. (S) PARIS 12`, `¶B. (C) STATE 30122`) is no letter of its own; the same letter again (`¶C. (C) PARIS 7527`) is the letter written twice, as released copies write it. A letter whose citation was never written (`(B)` alone between `A. STATE 12` and `(C) STATE 4410`) is an item all the same, so the letters after it keep their places. For a skipped or repeated letter, as an item deleted from the list or written in above another leaves them, the quick fix letters the item and the items that follow it in sequence again (`C.` as `B.`, in the item's style and case), and a second fix writes the new letters into the text's references to those items too (\"ref C\" becomes \"ref B\"), as renaming a REF letter does; after a repeated letter, a reference to it stays with the first item that has it, where Go to Definition sends it, and a third fix takes that item as the one written in, its references going with the item lettered again. None is offered where the letters go back, or where lettering again would repeat the next item's letter.",
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
        report({ message: `REF item ${item.letter} repeats the letter of the item before it.`, range: item.letterToken.range, fixes: reletterings(cable, items, i, code + 1, true) });
      } else if (code < expected - 1) {
        // "A. … C. … B. …": B goes back to a letter before C's; "where D is expected" would not say so.
        report({ message: `REF item ${item.letter} comes after ${refLetterAt(expected - 1)}: the letters go back.`, range: item.letterToken.range });
      } else if (code !== expected) {
        report({ message: `REF item ${item.letter} where ${refLetterAt(expected) ?? 'no further letter'} is expected.`, range: item.letterToken.range, fixes: reletterings(cable, items, i, expected, false) });
      }
      expected = code + 1;
    }
  },
};

/**
 * The fixes that letter item `i` as the letter at place `to` and the items after it in sequence with it ("A, C, D" as
 * "A, B, C"; "A, B, B, C" as "A, B, C, D"), touching only the letters: the letters alone, then the letters and the
 * text's references to the items lettered again ("ref C"), as a rename of a REF letter carries them. After a repeated
 * letter (`repeated`), a third fix takes the first item with it as the one written in, its references going with item
 * `i`. Undefined where an item doubles its letter ("A. (A) PARIS 7682"), a letter would pass ZZ, or the item after the
 * run would repeat or go back.
 */
function reletterings(cable: Cable, items: readonly RefItem[], i: number, to: number, repeated: boolean): Fix[] | undefined {
  const moved = new Map<number, number>();
  let place = to;
  let j = i;
  for (; j < items.length; j++) {
    const item = items[j];
    if (!item.letter || !item.letterToken) break;
    if (j > i && refLetterOrdinal(item.letter) !== refLetterOrdinal(items[j - 1].letter!) + 1) break;
    if (item.doubledLetter || refLetterAt(place) === undefined) return undefined;
    moved.set(j, place++);
  }
  // "A. … C. … B. …" lettered "A, B, B": the item after the run would repeat.
  const next = items[j]?.letter;
  if (next !== undefined && refLetterOrdinal(next) < place) return undefined;
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  for (const [k, ordinal] of moved) {
    const token = items[k].letterToken!;
    const at = token.text.search(/[A-Za-z]/);
    const written = token.text.slice(at, at + items[k].letter!.length);
    const start = { line: token.range.start.line, character: token.range.start.character + at };
    edits.push({ range: { start, end: { line: start.line, character: start.character + written.length } }, newText: inCaseOf(written, refLetterAt(ordinal)!) });
    changes.push(`${items[k].letter} as ${refLetterAt(ordinal)}`);
  }
  const title = changes.length === 1 ? `Reletter REF item ${changes[0]}` : changes.length <= 3 ? `Reletter REF items ${changes.slice(0, -1).join(', ')} and ${changes[changes.length - 1]}` : `Reletter ${changes.length} REF items, ${changes[0]} to ${changes[changes.length - 1]}`;
  const fix: Fix = { title, edits, safe: false };
  const fixes = [fix];
  const byItem = referencesByItem(cable, items);
  const withReferences = reletteringWithReferences(items, fix, moved, byItem);
  if (withReferences) fixes.push(withReferences);
  if (repeated && byItem.has(i - 1)) {
    const carrying = reletteringWithReferences(items, fix, moved, byItem, { from: i - 1, with: i, title: `, taking the first REF item ${items[i].letter} as the new one` });
    if (carrying) fixes.push(carrying);
  }
  return fixes;
}

/** `letter` in the case `written` has: `b` for a `c` written small. */
function inCaseOf(written: string, letter: string): string {
  return written === written.toLowerCase() ? letter.toLowerCase() : letter;
}

/**
 * `fix` with the new letters written into the text's references to the items it letters again, or undefined when none
 * points at one. With `carried`, the references to item `carried.from` go with item `carried.with`.
 */
function reletteringWithReferences(items: readonly RefItem[], fix: Fix, moved: ReadonlyMap<number, number>, byItem: ReadonlyMap<number, readonly { range: Range; written: string }[]>, carried?: CarriedReferences): Fix | undefined {
  return withReferences(fix, moved, byItem, (r, ordinal) => ({ range: r.range, newText: inCaseOf(r.written, refLetterAt(ordinal)!) }), (k) => `REF ${items[k].letter}`, carried);
}

/** The in-text references to the REF items ("ref C", "refs A and C"), by the index of the item each names (the first with its letter). */
function referencesByItem(cable: Cable, items: readonly RefItem[]): ReadonlyMap<number, readonly { range: Range; written: string }[]> {
  const first = new Map<string, number>();
  for (let k = items.length - 1; k >= 0; k--) if (items[k].letter) first.set(items[k].letter!, k);
  const made = new Map<number, { range: Range; written: string }[]>();
  for (const ref of findInTextReferences(cable)) {
    if (ref.target.kind !== 'ref' || ref.target.letter === undefined || !ref.nameRange) continue;
    const k = first.get(ref.target.letter);
    if (k === undefined) continue;
    const r = ref.nameRange;
    const entry = { range: r, written: cable.lines[r.start.line].slice(r.start.character, r.end.character) };
    const list = made.get(k);
    if (list) list.push(entry);
    else made.set(k, [entry]);
  }
  return made;
}
