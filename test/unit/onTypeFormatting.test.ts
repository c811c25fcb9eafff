/**
 * Formatting on type: Enter under a numbered paragraph writes the next paragraph's number on the new line. Each test
 * types Enter as an editor does (the text with the new line already made, the caret `|` on it), applies the edits and
 * checks the new line. Invented fixtures; the real cables' own numbering is the oracle of the last test.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCable } from '../../server/src/core/parse/index';
import { getOnTypeFormattingEdits } from '../../server/src/features/onTypeFormatting';
import { caret, corpusDir, corpusFiles } from '../helpers';

/** The edits after `typed` (Enter by default) at the `|` caret. */
function editsAt(textWithCaret: string, typed = '\n') {
  const c = caret(textWithCaret);
  return { c, edits: getOnTypeFormattingEdits(parseCable(c.text).cable, { line: c.line, character: c.character }, typed) };
}

/** The caret's line after the edits at the `|` caret: what Enter leaves there. Checks that the edits touch that line only. */
function newLine(textWithCaret: string): string {
  const { c, edits } = editsAt(textWithCaret);
  for (const e of edits) assert.ok(e.range.start.line === c.line && e.range.end.line === c.line, `an edit off the new line: ${JSON.stringify(e)}`);
  const after = TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, c.text), edits);
  return after.split(/\r?\n/)[c.line];
}

// Invented: a confidential cable's metadata, then `body`.
const cable = (body: string, banner = 'C O N F I D E N T I A L NOWHERE 000012') => `${banner}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${body}\n\nHALLORAN\n`;
const unclas = (body: string) => cable(body, 'UNCLAS NOWHERE 000012').replace('DECL: 01/01/2019', 'N/A');

describe('on-type formatting: the next paragraph\'s number on Enter', () => {
  it('numbers the new line under the blank line after a paragraph, in the style of the cable\'s markers, with no marking', () => {
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) Fares rise.\n\n|')), '¶3. ');
    assert.equal(newLine(cable('¶ 1. (C) The harbor board met.\n\n¶ 2. (C) Fares rise.\n\n|')), '¶ 3. ');
    assert.equal(newLine(cable('1. (C) The harbor board met.\n\n2. (C) Fares rise.\n\n|')), '3. ');
    assert.equal(newLine(cable('1.(C) The harbor board met.\n\n|')), '2. ');
    // A paragraph wrapped over lines by hand.
    assert.equal(newLine(cable('¶1. (S/NF) The harbor board met\non Monday.\n\n|')), '¶2. ');
    // A cable whose paragraphs carry no marking.
    assert.equal(newLine(unclas('1. The harbor board met.\n\n|')), '2. ');
    // CRLF lines.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n|').replace(/\n/g, '\r\n')), '¶2. ');
  });

  it('takes the number of the paragraph above, as read, and the style most paragraphs down to it write', () => {
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n2. (C) Fares rise.\n\n|')), '3. ');
    // "¶ 13." is paragraph 3 written with the release's pilcrow artifact: 4 follows, in the cable's own style.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n¶ 13. (C) Ferries run.\n\n|')), '¶4. ');
    // One marker written otherwise, or misread ("3," for "¶3."), among the paragraphs above: the style most of them write.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n3. (C) Ferries run.\n\n|')), '¶4. ');
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n3, (C) Ferries run.\n\n|')), '¶4. ');
    // Two styles as many: the one above's; the paragraphs below do not count.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n2. (C) Fares rise.\n\n|\n\n4. (C) Ferries run.\n\n5. (C) Piers close.')), '3. ');
    assert.equal(newLine(cable('1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n|\n\n¶4. (C) Ferries run.\n\n¶5. (C) Piers close.')), '¶3. ');
  });

  it('numbers the line right under a paragraph\'s text only where the paragraphs follow each other on one line each', () => {
    assert.equal(newLine(cable('¶1. (C) The board met.\n¶2. (C) Fares rise.\n|')), '¶3. ');
    // A blank line between the cable's paragraphs: Enter under the text makes that blank line, and the next Enter the number.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n|')), '');
    assert.equal(newLine(cable('¶1. (C) The board met.\n|')), '');
    // Paragraphs wrapped by hand: Enter at a line's end may go on with the paragraph.
    assert.equal(newLine(cable('¶1. (C) The board met\non Monday.\n¶2. (C) Fares rise\nin May.\n¶3. (C) Ferries run.\n|')), '');
    // A paragraph over lines of its own (a list under its text) goes on too: no number, but the list's next item.
    assert.equal(newLine(cable('¶1. (C) The board met.\n¶2. (C) Fares rise.\n¶3. (C) Two points:\n-- fares;\n|')), '-- ');
  });

  it('keeps the indentation Enter left, and writes the number at the caret', () => {
    const { c, edits } = editsAt(cable('  ¶1. (C) The harbor board met.\n\n  |'));
    assert.deepEqual(edits, [{ range: { start: { line: c.line, character: 2 }, end: { line: c.line, character: 2 } }, newText: '¶2. ' }]);
    // White space after the caret: Enter in the middle of a line's indentation.
    assert.deepEqual(editsAt(cable('¶1. (C) The harbor board met.\n\n|  ')).edits, []);
  });

  it('writes nothing where the new line holds text, or where Enter ended no paragraph', () => {
    // Enter in the middle of a paragraph's line, or before its text.
    assert.equal(newLine(cable('¶1. (C) The harbor board\n|met.')), 'met.');
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) Fares\n|rise.')), 'rise.');
    // Two blank lines under the paragraph, a heading, or unnumbered text.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n\n|')), '');
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n----------\nBACKGROUND\n----------\n\n|')), '');
    assert.equal(newLine(unclas('The harbor board met.\n\n|')), '');
    // A paragraph that holds only its marker and marking, as this feature wrote it: no "¶3." under a bare "¶2.".
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (C)\n\n|')), '');
    assert.equal(newLine(unclas('1. The board met.\n\n2.\n\n|')), '');
    // Another character typed.
    assert.deepEqual(editsAt(cable('¶1. (C) The harbor board met.\n\n|'), ';').edits, []);
  });

  it('renumbers nothing: where the next number is used below, the new line stays empty', () => {
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n|\n\n¶2. (C) Fares rise.')), '');
    assert.equal(newLine(cable('¶1. (C) The board met.\n¶2. (C) Fares rise.\n|\n¶3. (C) Ferries run.')), '');
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n|\n\n¶4. (C) Ferries run.\n\n¶3. (C) Piers close.')), '');
    // A number missing below is the next one: 2 between 1 and 3.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n|\n\n¶3. (C) Fares rise.')), '¶2. ');
  });

  it('numbers the next item of a document quoted in a paragraph that numbers its own items from 1', () => {
    // Invented: a marked paragraph quoting a text whose items are numbered from 1 with no marking; the parser reads them as
    // the quoting paragraph's text. Under an item, the quoted document's next number, not the cable's next paragraph (¶4).
    const quote = '¶1. (C) The harbor board met.\n\n¶2. (C) Fares rise.\n\n¶3. (SBU) Text of the board\'s decisions:\n\n¶1. Fares rise in May.\n\n';
    assert.equal(newLine(cable(`${quote}|`)), '¶2. ');
    assert.equal(newLine(cable(`${quote}¶2. Piers close\nat night.\n\n|`)), '¶3. ');
    // A title glued under an item, and a page break's line, belong to the item above; the numbers go on past them.
    assert.equal(newLine(cable(`${quote}¶2. Piers close.\nPart II: Ferries\n\n|`)), '¶3. ');
    assert.equal(newLine(cable(`${quote}¶2. Piers close.\n\nNOWHERE 00000012 002 OF 002\n\n¶3. Ferries run.\n\n|`)), '¶4. ');
    // The items' own style, most of them, one glued to its text among them; bare numbers in a cable of pilcrows.
    assert.equal(newLine(cable(`${quote}2.Piers close.\n\n¶3. Ferries run.\n\n|`)), '¶4. ');
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (SBU) Text:\n\n1. Fares rise.\n\n2. Piers close.\n\n|')), '3. ');
    // Right under the quoting paragraph's first line, before any item, the cable's next paragraph.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (SBU) Text of the decisions:\nPart I: Fares\n\n|')), '¶3. ');
    // A number wrapped to a line's start inside a sentence is no quoted item.
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (SBU) The board cut fares by\n1. percent.\n\n|')), '¶3. ');
  });

  it('numbers the next quoted item under a dash list of the item above, though the quoting paragraph has run into blocks of its own', () => {
    // Invented: the quoting paragraph holds several blocks (its items), but the item above holds only its text and its list.
    const quote = '¶1. (C) The harbor board met.\n\n¶2. (C) Fares rise.\n\n¶3. (SBU) Text of the board\'s decisions:\n\n¶1. Fares rise in May.\n\n¶2. The board will study:\n\n';
    assert.equal(newLine(cable(`${quote}-- ferry fares;\n-- pier dues.\n\n|`)), '¶3. ');
    // A list whose items end with no stop, read from its top.
    assert.equal(newLine(cable(`${quote}-- ferry fares\n-- pier dues\n\n|`)), '¶3. ');
    // A list a blank line apart: Enter writes the next item's dashes, and Enter again on them the quoted document's next number.
    const spaced = `${quote}-- ferry fares;\n\n-- pier dues.\n\n`;
    assert.equal(newLine(cable(`${spaced}|`)), '-- ');
    assert.deepEqual(editsAt(cable(`${spaced}-- \n|`)).edits.map((e) => e.newText), ['¶3. ']);
    // The item has run into a block of its own before the list (a title over it): the item may go on, nothing is written.
    assert.equal(newLine(cable(`${quote}Ferries:\n-- fares;\n-- dues.\n\n|`)), '');
    // Outside a quotation, the paragraph that has run into blocks of its own still gets no number under its list.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (SBU) The board will study:\n\nFerries\n\n-- fares;\n-- dues.\n\n|')), '');
  });

  it('writes no number under a paragraph or a quoted item whose text ends with a colon, which introduces what follows', () => {
    // Under the corpus's 52 such lines where a number was written, the cable goes on with none (a list, a title, a
    // quotation): `npx tsx scripts/enter-blank-lines.ts`, `under a colon` and `right under a colon`.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) The board will study:\n\n|')), '');
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) The board will study:\n\n|').replace(/\n/g, '\r\n')), '');
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) The board will study the following\nitems:  \n\n|')), '');
    // Right under the text, in a cable whose paragraphs follow each other on one line each.
    assert.equal(newLine(cable('¶1. (C) The board met.\n¶2. (U) Participants:\n|')), '');
    assert.equal(newLine(cable('¶1. (C) The board met.\n¶2. (U) Participants: the board.\n|')), '¶3. ');
    // A quoted document's item that introduces a list: no next item's number under it, but under its list.
    const quote = '¶1. (C) The harbor board met.\n\n¶2. (SBU) Text of the decisions:\n\n¶1. Fares rise in May.\n\n¶2. The board will study, specifically:\n\n';
    assert.equal(newLine(cable(`${quote}|`)), '');
    assert.equal(newLine(cable(`${quote}-- ferry fares;\n-- pier dues.\n\n|`)), '¶3. ');
    // A colon inside the text, not at its end, and a paragraph under the one ending with a colon.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) Fares: they rise.\n\n|')), '¶3. ');
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (U) Participants:\n\nThe board.\n\n¶3. (C) Fares rise.\n\n|')), '¶4. ');
  });

  it('writes nothing on the blank line under a page break\'s line, inside a quotation too', () => {
    // Under the corpus's 149 such lines, the cable goes on with a paragraph's number 20 times and with other text 129
    // (the sentence goes on, a title, a rule): `npx tsx scripts/enter-blank-lines.ts`, kind `page`.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\n\n¶2. (C) Fares rise in May.\nNOWHERE 00000012 002 OF 002\n\n|')), '');
    assert.equal(newLine(cable('¶1. (C) The board met.\n\n¶2. (SBU) Text:\n\n¶1. Fares rise.\n\n¶2. Piers close.\nNOWHERE 00000012 002 OF 002\n\n|')), '');
    // Typed under that blank line, the next paragraph gets its number as under any other.
    assert.equal(newLine(cable('¶1. (C) The harbor board met.\nNOWHERE 00000012 002 OF 002\n\n¶2. (C) Fares rise in May.\n\n|')), '¶3. ');
  });

  it('writes nothing in the header, the metadata fields, the caveats or under the signature', () => {
    const header = 'R 010800Z DEC 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC 0001\n|\nC O N F I D E N T I A L NOWHERE 000012\n\nSUBJECT: FERRY DUES\n\n¶1. (C) The board met.\n';
    assert.equal(newLine(header), '');
    // A REF field numbered as paragraphs are, and a paragraph number read in the metadata.
    assert.equal(newLine('C O N F I D E N T I A L NOWHERE 000012\n\nSUBJECT: FERRY DUES\nREF: 1. STATE 1234\n\n|\n\nClassified By: Ann Doe for reasons 1.4 (b).\n\n¶1. (C) The board met.\n'), '');
    assert.equal(newLine('C O N F I D E N T I A L NOWHERE 000012\n\nTAGS: PREL\n|\nSUBJECT: FERRY DUES\n\n¶1. (C) The board met.\n'), '');
    // Under the signature and the trailer.
    assert.equal(newLine('C O N F I D E N T I A L NOWHERE 000012\n\nSUBJECT: FERRY DUES\n\n¶1. (C) The board met.\n\nHALLORAN\n\n|'), '');
    assert.equal(newLine('C O N F I D E N T I A L NOWHERE 000012\n\nSUBJECT: FERRY DUES\n\n¶1. (C) The board met.\nBT\n|'), '');
  });
});

describe('on-type formatting: the next number at the end of a paragraph being typed, and none under a signature', () => {
  // Invented: the writer's text ends at the caret, with no signature yet.
  const draft = (body: string) => `C O N F I D E N T I A L NOWHERE 000012\n\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${body}`;

  it('numbers the line under a paragraph whose last line would read as a signature, but ends the sentence above', () => {
    assert.equal(newLine(draft('¶1. (C) The harbor board met.\n\n¶2. (C) The board will take the matter to\nWashington.\n\n|')), '¶3. ');
    assert.equal(newLine(draft('¶1. (C) The board will take the matter to\nPresident Halloran. \n\n|')), '¶2. ');
    assert.equal(newLine(draft('1. (C) The board will take the matter to its chairman,\nPresident Halloran.\n\n|')), '2. ');
    // A paragraph on one line whose last word, after an abbreviation's full stop, would read as a name glued after it.
    assert.equal(newLine(draft('¶1. (C) We spoke with the U.S. Administration.\n\n|')), '¶2. ');
  });

  it('writes nothing under a signature in a finished cable, under the text or a blank line below it, or glued to it', () => {
    assert.equal(newLine(draft('¶1. (C) The harbor board met.\nHALLORAN\n\n|')), '');
    assert.equal(newLine(draft('¶1. (C) The board will push ahead\nHALLORAN\n\n|')), '');
    assert.equal(newLine(draft('¶1. (C) The board will take the matter to\n\nWashington.\n\n|')), '');
    assert.equal(newLine(draft('¶1. (C) The harbor board met.\nHalloran.\n\n|')), '');
    assert.equal(newLine(draft('¶1. (C) The harbor board met. End comment. HALLORAN\n\n|')), '');
    assert.equal(newLine(draft('¶1. (C) The harbor board met.\n¶2. (C) Fares rise. HALLORAN\n|')), '');
  });
});

describe('on-type formatting: the next REF item\'s letter on Enter', () => {
  // Invented: a cable's metadata with `refs` as its REF field, a Classified By line and a paragraph under it.
  const withRefs = (refs: string) => `C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n${refs}\n\nClassified By: Ann Doe for reasons 1.4 (b).\n\n¶1. (C) The board met.\n`;

  it('writes the next letter under the last item, in its column and style, with no marking', () => {
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n|')), '     B. ');
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n     B. (C) PARIS 567\n     |')), '     C. ');
    assert.equal(newLine(withRefs('REF: (A) STATE 1234\n|')), '     (B) ');
    assert.equal(newLine(withRefs('REFS: A) STATE 1234\n|')), '      B) ');
    assert.equal(newLine(withRefs('REF: a. 09 NOWHERE 4664\n|')), '     b. ');
    // A list under its keyword, and the release's "¶" before a letter, which the next one does not take.
    assert.equal(newLine(withRefs('REF:\n  A. STATE 1234\n  |')), '  B. ');
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n¶B. PARIS 567\n|')), 'C. ');
    // Past Z, the letter written twice.
    assert.equal(newLine(withRefs('REF: Y. STATE 1\n     Z. STATE 2\n     |')), '     AA. ');
    // A field whose items stand a blank line apart: on the blank line under the last, not right under it.
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n\n     B. PARIS 567\n\n|')), '     C. ');
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n\n     B. PARIS 567\n|')), '');
  });

  it('replaces only the white space Enter left on the new line, and keeps a tab as the line above has it', () => {
    const { c, edits } = editsAt(withRefs('REF: A. STATE 1234\n  |'));
    assert.deepEqual(edits, [{ range: { start: { line: c.line, character: 0 }, end: { line: c.line, character: 2 } }, newText: '     B. ' }]);
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n\tB. PARIS 567\n\t|')), '\tC. ');
  });

  it('writes nothing where the list goes on otherwise, ends, or holds the next letter already', () => {
    // An item with no letter, a list on one line, a bare letter, a citation wrapped by hand.
    assert.equal(newLine(withRefs('REF: STATE 1234\n|')), '');
    assert.equal(newLine(withRefs('REF: A. STATE 1234; B. PARIS 567\n|')), '');
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n     B.\n     |')), '     ');
    assert.equal(newLine(withRefs('REF: A. EMBASSY NOWHERE DAILY REPORT FOR OCTOBER 28 -\n|')), '');
    assert.equal(newLine(withRefs('REF: A. STATE 1234, PARIS 567,\n|')), '');
    // The blank line under a field written without gaps, between two items, or in the middle of a line.
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n\n|')), '');
    assert.equal(newLine(withRefs('REF: A. STATE 1234\n|\n     B. PARIS 567')), '');
    assert.equal(newLine(withRefs('REF: A. STATE\n|1234')), '1234');
    // Paragraph numbers only in the body, REF letters only in the field.
    assert.equal(newLine(withRefs('REF: A. STATE 1234').replace('¶1. (C) The board met.\n', '¶1. (C) The board met.\n\n|')), '¶2. ');
  });

  it('ends the list where Enter is pressed again on the letter it wrote, as two Enters after the last item did before', () => {
    // The whole text after the edits at the `|` caret, and where the caret's line stands.
    const after = (textWithCaret: string, options = { paragraphNumbers: true, refLetters: true, dashItems: true }) => {
      const c = caret(textWithCaret);
      const edits = getOnTypeFormattingEdits(parseCable(c.text).cable, { line: c.line, character: c.character }, '\n', options);
      return { lines: TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, c.text), edits).split('\n'), line: c.line, edits };
    };
    // Enter after the last item writes "     C. "; Enter again on it (VS Code keeps the line's indentation) takes it away.
    const first = after(withRefs('REF: A. STATE 1234\n     B. PARIS 567\n|'));
    assert.equal(first.lines[first.line], '     C. ');
    const second = after(first.lines.slice(0, first.line + 1).join('\n') + '\n     |' + '\n' + first.lines.slice(first.line + 1).join('\n'));
    assert.deepEqual(second.lines.slice(second.line - 2, second.line + 1), ['     B. PARIS 567', '', '']);
    // Only the letter's line and the new line change.
    assert.deepEqual(second.edits.map((e) => [e.range.start.line, e.range.end.line]), [[second.line - 1, second.line - 1], [second.line, second.line]]);
    // Items a blank line apart, and the letters' other styles.
    const apart = after(withRefs('REF: A. STATE 1234\n\n     B. PARIS 567\n\n     C. \n|'));
    assert.deepEqual(apart.lines.slice(apart.line - 2, apart.line + 1), ['', '', '']);
    const parenthesized = after(withRefs('REF: (A) STATE 1234\n     (B) \n     |'));
    assert.deepEqual(parenthesized.lines.slice(parenthesized.line - 2, parenthesized.line + 1), ['REF: (A) STATE 1234', '', '']);
    // A letter with something typed after it, or typed bare by the writer (no space after it), or one that is not the next
    // letter, stays; so does everything with the setting off.
    const typed = after(withRefs('REF: A. STATE 1234\n     B. P\n     |'));
    assert.deepEqual(typed.lines.slice(typed.line - 1, typed.line + 1), ['     B. P', '     C. ']);
    assert.equal(after(withRefs('REF: A. STATE 1234\n     B.\n     |')).edits.length, 0);
    assert.equal(after(withRefs('REF: A. STATE 1234\n     D. \n     |')).edits.length, 0);
    assert.equal(after(withRefs('REF: A. STATE 1234\n     B. \n     |'), { paragraphNumbers: true, refLetters: false, dashItems: true }).edits.length, 0);
  });

  it('writes what its setting allows', () => {
    const c = caret(withRefs('REF: A. STATE 1234\n|'));
    const at = { line: c.line, character: c.character };
    const { cable: parsed } = parseCable(c.text);
    assert.deepEqual(getOnTypeFormattingEdits(parsed, at, '\n', { paragraphNumbers: true, refLetters: false, dashItems: true }), []);
    assert.equal(getOnTypeFormattingEdits(parsed, at, '\n', { paragraphNumbers: false, refLetters: true, dashItems: true })[0]?.newText, '     B. ');
    const body = caret(cable('¶1. (C) The harbor board met.\n\n|'));
    assert.deepEqual(getOnTypeFormattingEdits(parseCable(body.text).cable, { line: body.line, character: body.character }, '\n', { paragraphNumbers: false, refLetters: true, dashItems: true }), []);
  });
});

describe('on-type formatting: the next dash item on Enter', () => {
  /** The whole text after the edits at the `|` caret, its lines, and the caret's line. */
  const after = (textWithCaret: string, options = { paragraphNumbers: true, refLetters: true, dashItems: true }) => {
    const c = caret(textWithCaret);
    const edits = getOnTypeFormattingEdits(parseCable(c.text).cable, { line: c.line, character: c.character }, '\n', options);
    return { lines: TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, c.text), edits).split('\n'), line: c.line, edits };
  };

  it('writes the next item\'s dashes under an item that ends with a full stop or a semicolon, in its column and spacing', () => {
    assert.equal(newLine(cable('¶1. (C) The parties agreed to:\n\n-- exchange harbor data;\n|')), '-- ');
    assert.equal(newLine(cable('¶1. (C) The parties agreed to:\n-- exchange harbor data;\n-- meet in May.\n|')), '-- ');
    // An item wrapped over lines: Enter at the end of its last line, where it ends.
    assert.equal(newLine(cable('¶1. (C) The parties agreed to:\n\n-- exchange harbor data on the ferries and the\npilot boats;\n|')), '-- ');
    // Indented, two spaces after the dashes, a marking after them: as the item writes them. The indentation Enter kept is replaced.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n   --  (C) fares will rise;\n   |')), '   --  ');
    // Under a blank line or an introduction's colon, and after the paragraph's text, an unnumbered cable's included.
    assert.equal(newLine(unclas('The board named three ports.\n-- Valletta.\n|')), '-- ');
  });

  it('reads an item under a blank line as an item however many lines it runs over, and one under a sentence over at most 13', () => {
    // An item under a blank line wrapped over 14 lines (08STATE103511 writes such items): the next item's dashes under it,
    // and on the blank line under it in a list a blank line apart; it was read as prose, and the paragraph number written.
    const wrappedOn = (n: number) => `-- inquire into the harbor board's authority${'\nto hold the pilot boats'.repeat(n - 1)};`;
    assert.equal(newLine(cable(`¶1. (C) Points:\n\n${wrappedOn(14)}\n|`)), '-- ');
    assert.equal(newLine(cable(`¶1. (C) Points:\n\n-- fares;\n\n${wrappedOn(14)}\n\n|`)), '-- ');
    // Under the blank line below an item of 14 lines, the list's item above it is found: the list is one a blank line apart.
    assert.equal(newLine(cable(`¶1. (C) Points:\n\n${wrappedOn(14)}\n\n-- dues;\n|`)), '');
    // Two dashes opening a line under a sentence's end, 13 lines up: prose, as before; 12 lines up, an item.
    assert.equal(newLine(cable(`¶1. (C) The board met.\n${wrappedOn(14)}\n|`)), '');
    assert.equal(newLine(cable(`¶1. (C) The board met.\n${wrappedOn(13)}\n|`)), '-- ');
  });

  it('writes nothing where the item may go on, in prose, a blank line apart, outside the body, or with its setting off', () => {
    // A word or a comma at the line's end: the item is wrapped on.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- exchange harbor data on the\n|')), '');
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares, dues,\n|')), '');
    // Two dashes opening a line inside a sentence open no item.
    assert.equal(newLine(cable('¶1. (C) He said the U.S. would support its friends\n-- Arabs included.\n|')), '');
    // A rule of dashes is no item.
    assert.equal(newLine(cable('¶1. (C) Points.\n\n-----------.\n|')), '');
    // Items a blank line apart: the Enter under an item makes the blank line.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n|')), '');
    // In the metadata: a subject's line is no item.
    assert.equal(newLine('UNCLAS NOWHERE 000012\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY DUES\n-- PIER FEES.\n|'), '');
    // Nor on a line with text after the caret (Enter inside a line), nor with the setting off.
    assert.equal(after(cable('¶1. (C) Points:\n\n-- fares;\n|'), { paragraphNumbers: true, refLetters: true, dashItems: false }).edits.length, 0);
    assert.equal(after(cable('¶1. (C) Points:\n\n-- fares;\n|dues')).edits.length, 0);
  });

  it('ends the list where Enter is pressed again on the dashes it wrote, and only there', () => {
    const first = after(cable('¶1. (C) Points:\n\n-- fares;\n-- dues.\n|'));
    assert.equal(first.lines[first.line], '-- ');
    const second = after(first.lines.slice(0, first.line + 1).join('\n') + '\n|' + '\n' + first.lines.slice(first.line + 1).join('\n'));
    assert.deepEqual(second.lines.slice(second.line - 2, second.line + 1), ['-- dues.', '', '']);
    assert.deepEqual(second.edits.map((e) => [e.range.start.line, e.range.end.line]), [[second.line - 1, second.line - 1], [second.line, second.line]]);
    // Indented dashes, the indentation Enter kept on the new line: both go.
    const indented = after(cable('¶1. (C) Points:\n\n  -- fares;\n  -- \n  |'));
    assert.deepEqual(indented.lines.slice(indented.line - 2, indented.line + 1), ['  -- fares;', '', '']);
    // Dashes with text after them, or under no item, stay; so does everything with the setting off.
    assert.equal(after(cable('¶1. (C) Points:\n\n-- fares;\n-- d\n|')).edits.length, 0);
    assert.equal(after(cable('¶1. (C) Points:\n\n-- \n|')).edits.length, 0);
    assert.equal(after(cable('¶1. (C) Points:\n\n-- fares;\n-- \n|'), { paragraphNumbers: true, refLetters: true, dashItems: false }).edits.length, 0);
  });

  it('continues items written with no space after their dashes in that style, and ends their list', () => {
    assert.equal(newLine(cable('¶1. (C) The ministers named:\n--Defense - Farid Haddad.\n|')), '--');
    assert.equal(newLine(cable('¶1. (C) The ministers named:\n\n  --(C) Defense - Farid Haddad;\n  |')), '  --');
    // Still not inside a sentence, nor on a rule of dashes.
    assert.equal(newLine(cable('¶1. (C) He met the ministers\n--Defense among them.\n|')), '');
    assert.equal(newLine(cable('¶1. (C) Points.\n\n--------.\n|')), '');
    const ended = after(cable('¶1. (C) The ministers named:\n--Defense - Farid Haddad.\n--\n|'));
    assert.deepEqual(ended.lines.slice(ended.line - 2, ended.line + 1), ['--Defense - Farid Haddad.', '', '']);
  });

  it('writes no paragraph number under a dash list in a paragraph that has run over a blank line into a block of its own', () => {
    // A title or more text under a blank line before the list (09STATE37566's and 09BRASILIA757's shape): the paragraph may
    // go on with its next block, and Enter under the list and a blank line writes nothing (it wrote the next paragraph's number).
    const blocks = cable('¶1. (C) Points.\n\nFerries:\n-- fares;\n-- dues.\n\n|');
    assert.equal(newLine(blocks), '');
    assert.equal(newLine(cable('¶1. (C) Points.\n\nFerries\n\n-- fares;\n-- dues.\n\n|')), '');
    assert.equal(newLine(cable('¶1. (C) Points:\n\nFerries:\n-- fares;\n-- dues.\n\nPiers:\n-- quays.\n\n|')), '');
    // Not the blank line right above the list, nor a page break's, nor with the dash items' setting off: the number, as before.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n-- dues.\n\n|')), '¶2. ');
    assert.equal(newLine(cable('¶1. (C) The board met and agreed\n\nNOWHERE 00000012 002 OF 002\n\nto the following:\n-- fares;\n-- dues.\n\n|')), '¶2. ');
    const off = after(blocks, { paragraphNumbers: true, refLetters: true, dashItems: false });
    assert.equal(off.lines[off.line], '¶2. ');
    // Nor on the dashes of a list a blank line apart there: the dashes go, the caret at their line's margin.
    const spaced = after(cable('¶1. (C) Points.\n\nFerries:\n\n-- fares;\n\n-- dues;\n\n-- \n|'));
    assert.deepEqual(spaced.lines.slice(spaced.line - 3, spaced.line + 1), ['-- dues;', '', '', '']);
    // Under a paragraph of several blocks with no list at its end, the number, as before.
    assert.equal(newLine(cable('¶1. (C) Points.\n\nMore points.\n\n|')), '¶2. ');
    // A list whose items end with no stop, each under the last line of the one above (09BRASILIA757's appendix): its
    // last item is still the list's, and nothing is written (the number was). Under the paragraph's own text, the number.
    const unstopped = 'Ferries:\n-- 1990 accord on fares (in effect\nin 1992)\n-- 2002 accord on dues\n(in effect in 2004)\n\n|';
    assert.equal(newLine(cable(`¶1. (C) Accords examined.\n\n${unstopped}`)), '');
    assert.equal(newLine(cable(`¶1. (C) Accords examined.\n\nPiers:\n-- 1988 accord on quays\n\n${unstopped}`)), '');
    assert.equal(newLine(cable(`¶1. (C) Accords examined.\n${unstopped}`)), '¶2. ');
    assert.equal(newLine(cable('¶1. (C) Accords:\n\n-- 1990 accord on fares (in effect in 1992)\n-- 2002 accord on dues (in effect in 2004)\n-- 2005 accord on piers\n\n|')), '¶2. ');
    // Two dashes inside a sentence under a block's text are no item: the number, as before.
    assert.equal(newLine(cable('¶1. (C) Points.\n\nThe board, and its friends\n-- the crews included -- met.\n\n|')), '¶2. ');
  });

  it('writes the dashes most of the list\'s items write, or for a list\'s first item most of the cable\'s items above it', () => {
    // A list mixing its dashes' spacing (09ISTANBUL440's shape): the form most of its items take, not the last item's.
    assert.equal(newLine(cable('¶1. (C) Points:\n--Economic: fares;\n-- Diplomatic: dues;\n-- Political: piers;\n--  Cultural: boats;\n|')), '-- ');
    // As many of each: the item's own, as before.
    assert.equal(newLine(cable('¶1. (C) Points:\n--fares;\n-- dues;\n|')), '-- ');
    assert.equal(newLine(cable('¶1. (C) Points:\n-- fares;\n--dues;\n|')), '--');
    // A list a blank line apart, on the blank line under its last item.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n--piers;\n\n|')), '-- ');
    // A list's first item: the cable's items above it vote (09STATE37566's shape), this one among them.
    assert.equal(newLine(cable('¶1. (C) Points:\n--  fares;\n--  dues.\n\n¶2. (C) Others:\n--   piers;\n|')), '--  ');
    assert.equal(newLine(cable('¶1. (C) Points:\n--  fares.\n\n¶2. (C) Others:\n--   piers;\n|')), '--   ');
    // Items in another column, a list inside the list, do not vote.
    assert.equal(newLine(cable('¶1. (C) Points:\n-- fares;\n-- dues:\n   --boats;\n|')), '   --');
  });

  it('writes the next item\'s dashes on the blank line under an item of a list whose items stand a blank line apart', () => {
    // The second Enter under an item, where the paragraph number's rule wrote "¶2. " before.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n|')), '-- ');
    assert.equal(newLine(cable('¶1. (C) Points:\n\n--fares;\n\n--dues on the ferries and\nthe pilot boats;\n\n|')), '--');
    // The list's first item under a blank line (its introduction, then a blank line): its writer sets the list's lines apart,
    // and the next item's dashes come first (the paragraph number was written); under its introduction with no blank line, the
    // paragraph number, as before.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n\n|')), '-- ');
    assert.equal(newLine(unclas('Points:\n\n--fares on the ferries and\nthe pilot boats.\n\n|')), '--');
    assert.equal(newLine(cable('¶1. (C) Points:\n-- fares;\n\n|')), '¶2. ');
    // An item that may go on (a word at its end) or a list of items one under the other: the paragraph number.
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues and\n\n|')), '¶2. ');
    assert.equal(newLine(cable('¶1. (C) Points:\n\n-- fares;\n-- dues.\n\n|')), '¶2. ');
    // With the dash items' setting off, the paragraph number; with the paragraph numbers' off, still the dashes.
    const spaced = cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n|');
    assert.equal(after(spaced, { paragraphNumbers: true, refLetters: true, dashItems: false }).lines[after(spaced).line], '¶2. ');
    assert.equal(after(spaced, { paragraphNumbers: false, refLetters: true, dashItems: true }).lines[after(spaced).line], '-- ');
  });

  it('ends a list whose items stand a blank line apart with the next paragraph\'s number where Enter is pressed on its dashes again', () => {
    const ended = after(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- \n|\n\n¶3. (C) Later.'));
    // The dashes' line takes the number and the new line goes: the caret stands after "¶2. ", where the dashes were.
    assert.deepEqual(ended.lines.slice(ended.line - 3, ended.line + 2), ['-- dues;', '', '¶2. ', '', '¶3. (C) Later.']);
    assert.equal(ended.edits.length, 1);
    assert.deepEqual(ended.edits[0].range, { start: { line: ended.line - 1, character: 0 }, end: { line: ended.line, character: 0 } });
    // Where no number follows (an unnumbered cable, the next number taken below, the setting off): the dashes go, the caret at their line's margin.
    for (const [text, options] of [
      [unclas('Points:\n\n-- fares;\n\n-- dues;\n\n-- \n|'), undefined],
      [cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- \n|\n\n¶2. (C) Later.'), undefined],
      [cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- \n|'), { paragraphNumbers: false, refLetters: true, dashItems: true }],
    ] as const) {
      const r = after(text, options);
      assert.deepEqual(r.lines.slice(r.line - 3, r.line), ['-- dues;', '', ''], text);
      assert.equal(r.lines.length, text.split('\n').length - 1, text);
    }
    // Under the list's first item alone, opened under a blank line, as under the last of several.
    const first = after(cable('¶1. (C) Points:\n\n-- fares;\n\n-- \n|'));
    assert.deepEqual(first.lines.slice(first.line - 3, first.line + 1), ['-- fares;', '', '¶2. ', '']);
    // Dashes with text after them, or a blank line under an item opened under its introduction: nothing to end.
    assert.equal(after(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- d\n|')).edits.length, 0);
    assert.equal(after(cable('¶1. (C) Points:\n-- fares;\n\n-- \n|')).edits.length, 0);
    assert.equal(after(cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- \n|'), { paragraphNumbers: true, refLetters: true, dashItems: false }).edits.length, 0);
  });
});

describe("on-type formatting on a cable with a scan's margin on every line", () => {
  // Invented: the fixtures above with a bar (`| `, a blank line `|`) or a line number (`07 `, a blank line `07`) opening every
  // line but the one Enter has just made (`^`, the caret), which has none. Each Enter reads the lines above past the
  // margin, as it reads them without one, and writes its dashes or letter in their column, the margin as spaces.
  const margins: [string, (l: string, i: number) => string, number][] = [
    ['a bar', (l) => (l === '' ? '|' : `| ${l}`), 2],
    ['line numbers', (l, i) => `${String(i + 1).padStart(2, '0')}${l === '' ? '' : ` ${l}`}`, 3],
  ];
  /** The text with the margin on every line but the caret's, the caret's line and the text after the edits. */
  const enter = (plain: string, margin: (l: string, i: number) => string) => {
    const lines = plain.replace('^', '').split('\n');
    const line = plain.slice(0, plain.indexOf('^')).split('\n').length - 1;
    const text = lines.map((l, i) => (i === line ? l : margin(l, i))).join('\n');
    const c = parseCable(text).cable;
    assert.ok(c.margin, text);
    const edits = getOnTypeFormattingEdits(c, { line, character: lines[line].length }, '\n');
    return { line, lines: TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, text), edits).split('\n') };
  };
  const plainLine = (plain: string) => newLine(plain.replace('^', '|'));

  it('writes the next dash item, REF letter and paragraph number as without the margin, each in its column past it', () => {
    const dashes = [cable('¶1. (C) The parties agreed to:\n\n-- exchange harbor data;\n^'), cable('¶1. (C) Points:\n\n   --  (C) fares will rise;\n-- dues.\n^'), cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n^')];
    const refs = ['REF: A. STATE 1234\n^', 'REF: A. STATE 1234\n\n     B. PARIS 567\n\n^'].map((r) => `C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n${r}\n\nClassified By: Ann Doe for reasons 1.4 (b).\n\n¶1. (C) The board met.\n`);
    // The paragraph number under the markers, where it was written at the caret, the margin's first column.
    const paragraphs = [cable('¶1. (C) The harbor board met.\n\n¶2. (C) Fares rise.\n\n^'), cable('¶1. (C) The harbor board met.\n¶2. (C) Fares rise.\n^')];
    for (const [kind, margin, width] of margins) {
      for (const plain of [...dashes, ...refs, ...paragraphs]) {
        const expected = plainLine(plain);
        assert.notEqual(expected, '', plain);
        const { line, lines } = enter(plain, margin);
        assert.equal(lines[line], `${' '.repeat(width)}${expected}`, `${kind}: ${plain}`);
      }
      // Where nothing is written without the margin, nothing is with it: an item that may go on, items a blank line apart.
      for (const plain of [cable('¶1. (C) Points:\n\n-- fares will rise\n^'), cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues.\n^')]) {
        assert.equal(plainLine(plain), '');
        const { line, lines } = enter(plain, margin);
        assert.equal(lines[line], '', `${kind}: ${plain}`);
      }
    }
  });

  it('goes on past the lines Enter wrote without the margin: the next item under an item typed there, the list\'s end on its dashes', () => {
    // Enter under an item writes its dashes with no margin (`| -- fares;` ⏎ `  -- `); the parser reads the margin past that line.
    const next = (lines: string[], line: number) => {
      const text = [...lines.slice(0, line + 1), '', ...lines.slice(line + 1)].join('\n');
      const c = parseCable(text).cable;
      assert.ok(c.margin, text);
      const edits = getOnTypeFormattingEdits(c, { line: line + 1, character: 0 }, '\n');
      return TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, text), edits).split('\n');
    };
    for (const [kind, margin, width] of margins) {
      const { line, lines } = enter(cable('¶1. (C) The parties agreed to:\n\n-- exchange harbor data;\n^'), margin);
      const dashes = `${' '.repeat(width)}-- `;
      assert.equal(lines[line], dashes, kind);
      // Enter on the dashes alone ends the list, as without the margin: the dashes go, the new line starts at the margin.
      const ended = next(lines, line);
      assert.deepEqual([ended[line], ended[line + 1]], ['', ''], kind);
      // An item typed on them, then Enter: the next item's dashes, in the same column; Enter on those ends the list.
      const typed = lines.map((l, i) => (i === line ? `${l}share fares;` : l));
      const more = next(typed, line);
      assert.equal(more[line + 1], dashes, kind);
      const last = next(more, line + 1);
      assert.deepEqual([last[line], last[line + 1], last[line + 2]], [`${dashes}share fares;`, '', ''], kind);
    }
  });

  it('writes the next paragraph\'s number in the markers\' column under a paragraph typed without the margin', () => {
    // A paragraph typed at the line's first column, or past Enter's spaces (`  ¶3. `), which the parser reads as it stands
    // (a line with no margin): the number goes where the scan's markers stand, past the margin, not at the first column.
    const bodies = [
      ['¶1. (C) The harbor board met.', '', '¶2. (C) Fares rise.', '', '¶3. (C) Dues fall.', '', '^'],
      ['¶1. (C) The harbor board met.', '¶2. (C) Fares rise.', '¶3. (C) Dues fall.', '^'],
    ];
    for (const [kind, margin, width] of margins) {
      for (const body of bodies) {
        const plain = cable(body.join('\n'));
        const typedLine = plain.split('\n').findIndex((l) => l.startsWith('¶3.'));
        for (const typed of ['', ' '.repeat(width)]) {
          const lines = plain.replace('^', '').split('\n');
          const line = plain.slice(0, plain.indexOf('^')).split('\n').length - 1;
          const text = lines.map((l, i) => (i === line ? l : i === typedLine ? `${typed}${l}` : margin(l, i))).join('\n');
          const c = parseCable(text).cable;
          assert.ok(c.margin, text);
          assert.equal(c.paragraphs.length, 3, text);
          const edits = getOnTypeFormattingEdits(c, { line, character: 0 }, '\n');
          const result = TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, text), edits).split('\n');
          assert.equal(result[line], `${' '.repeat(width)}¶4. `, `${kind}, typed at ${typed.length}: ${text}`);
        }
      }
    }
  });

  it('writes the next dash item under an item typed without the margin in that item\'s own column', () => {
    // Dashes follow the item above, whose column is the writer's (an indented item, `   --  (C) …`, keeps its own): under an
    // item typed at the first column, at the first column; past Enter's spaces, at the margin's width.
    const plain = cable('¶1. (C) The parties agreed to:\n\n-- exchange harbor data;\n-- share fares;\n^');
    const lines = plain.replace('^', '').split('\n');
    const line = plain.slice(0, plain.indexOf('^')).split('\n').length - 1;
    for (const [kind, margin, width] of margins) {
      for (const typed of ['', ' '.repeat(width)]) {
        const text = lines.map((l, i) => (i === line ? l : i === line - 1 ? `${typed}${l}` : margin(l, i))).join('\n');
        const c = parseCable(text).cable;
        assert.ok(c.margin, text);
        const edits = getOnTypeFormattingEdits(c, { line, character: 0 }, '\n');
        const result = TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, text), edits).split('\n');
        assert.equal(result[line], `${typed}-- `, `${kind}, typed at ${typed.length}`);
      }
    }
  });

  it('ends a list whose items stand a blank line apart with the next paragraph\'s number in the markers\' column', () => {
    // Enter on the dashes it wrote under the blank line (`|` ⏎ `  -- ` ⏎ `^`): the number takes their place, past the margin
    // as they stood; it was written at the line's first column.
    const plain = cable('¶1. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- \n^');
    const lines = plain.replace('^', '').split('\n');
    const caret = lines.length - 4;
    assert.equal(lines[caret - 1], '-- ');
    for (const [kind, margin, width] of margins) {
      const text = lines.map((l, i) => (i === caret ? l : i === caret - 1 ? `${' '.repeat(width)}${l}` : margin(l, i))).join('\n');
      const c = parseCable(text).cable;
      assert.ok(c.margin, text);
      const edits = getOnTypeFormattingEdits(c, { line: caret, character: 0 }, '\n');
      const result = TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, text), edits).split('\n');
      assert.deepEqual(result.slice(caret - 2, caret + 1), [margin('', caret - 2), `${' '.repeat(width)}¶2. `, margin('', caret + 1)], kind);
    }
    // The list under a paragraph typed without the margin (`¶2. (C) Points:` at the first column): the number still goes in
    // the column of the scan's markers.
    const under = cable('¶1. (C) The harbor board met.\n\n¶2. (C) Points:\n\n-- fares;\n\n-- dues;\n\n-- \n^').replace('^', '').split('\n');
    const at = under.length - 4;
    const typedLine = under.indexOf('¶2. (C) Points:');
    for (const [kind, margin, width] of margins) {
      const text = under.map((l, i) => (i === at || i === typedLine ? l : i === at - 1 ? `${' '.repeat(width)}${l}` : margin(l, i))).join('\n');
      const c = parseCable(text).cable;
      assert.ok(c.margin, text);
      const edits = getOnTypeFormattingEdits(c, { line: at, character: 0 }, '\n');
      const result = TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, text), edits).split('\n');
      assert.equal(result[at - 1], `${' '.repeat(width)}¶3. `, kind);
    }
  });
});

describe('on-type formatting: the next paragraph\'s number on the real cables', function () {
  // Each real cable's own numbering is the oracle: cut after a paragraph's last line and the blank line under it, Enter
  // there should write the next paragraph's own marker, where it follows on a fresh line in the style of the one above.
  before(function () {
    if (!corpusDir()) this.skip();
  });
  this.timeout(120_000);

  it('writes the marker each paragraph of the corpus opens with, under the one above it', () => {
    let total = 0;
    let written = 0;
    let dashesFirst = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      const ps = cable.paragraphs;
      for (let i = 1; i < ps.length; i++) {
        const [above, p] = [ps[i - 1], ps[i]];
        // Only a paragraph of the next number, in the style of the one above, on its own line under a blank line below it.
        if (p.readAs !== above.readAs + 1 || p.number !== p.readAs || p.style !== above.style || above.number !== above.readAs) continue;
        if (p.range.start.line !== above.range.end.line + 2 || p.marker.range.start.character !== 0) continue;
        total++;
        const text = [...cable.lines.slice(0, above.range.end.line + 1), '', ''].join('\n');
        let edits = getOnTypeFormattingEdits(parseCable(text).cable, { line: above.range.end.line + 2, character: 0 }, '\n');
        const want = cable.lines[p.range.start.line].slice(0, p.marker.range.end.character);
        // Under a dash list whose items stand a blank line apart, Enter writes the next item's dashes first: Enter again on them.
        if (edits.length === 1 && edits[0].newText.trim() === '--') {
          dashesFirst++;
          edits = getOnTypeFormattingEdits(parseCable(`${text}${edits[0].newText}\n`).cable, { line: above.range.end.line + 3, character: 0 }, '\n');
        }
        if (edits.length === 1 && edits[0].newText === `${want} `) written++;
        else if (misses.length < 10) misses.push(`${f.split('/').pop()}:${p.range.start.line + 1} ${JSON.stringify(want)} got ${JSON.stringify(edits.map((e) => e.newText))}`);
      }
    }
    assert.ok(total > 100, `${total} paragraphs`);
    // A text cut after a paragraph's last line of one or a few words ending its sentence ("… received in" ⏎ "Washington.")
    // does not read it as the signature (949 of 951 paragraphs today; 926 when it did; one missed ends a dash list with a
    // word, and 09STATE83014's ¶7 follows a list a blank line apart in a paragraph of several blocks, where Enter again on the
    // dashes writes no number). Under 12 of them a dash list a blank line apart ends: Enter writes its dashes, and Enter again the number.
    assert.ok(written / total > 0.99, `${written} of ${total}:\n${misses.join('\n')}`);
    assert.ok(dashesFirst < 20, `${dashesFirst} paragraphs under a dash list`);
  });

  it('writes the number of each item of a document quoted in a paragraph of the corpus, under the item above it', () => {
    // A marked paragraph's lines that open with 1, 2, 3 in turn under a blank line, unmarked: a quoted document's items
    // (09BEIJING1582's outcomes, ¶1 to ¶23 inside ¶9). Cut on the blank line above each item but the first, Enter writes its number.
    let total = 0;
    let numbered = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      for (const p of cable.paragraphs) {
        if (!p.portion) continue;
        let next = 1;
        for (let k = p.marker.range.start.line + 2; k <= p.range.end.line; k++) {
          const m = /^(¶ ?)?(\d{1,3})\.(?=[ A-Z])/.exec(cable.lines[k]);
          if (!m || Number(m[2]) !== next || cable.lines[k - 1].trim() !== '') continue;
          next++;
          if (next === 2) continue;
          total++;
          const edits = getOnTypeFormattingEdits(parseCable([...cable.lines.slice(0, k), ''].join('\n')).cable, { line: k, character: 0 }, '\n');
          if (edits.length === 1 && /\d+/.exec(edits[0].newText)?.[0] === m[2]) numbered++;
          else misses.push(`${f.split('/').pop()}:${k + 1} ${JSON.stringify(m[0])} got ${JSON.stringify(edits.map((e) => e.newText))}`);
        }
      }
    }
    assert.ok(total >= 20, `${total} quoted items`);
    // 21 of 22 (20 while a paragraph run into blocks of its own got no number under a list inside a quotation, 1 while the
    // cable's next paragraph, ¶10, was written): 09BEIJING1582's ¶19 stands under a page break's line and its blank line,
    // where no paragraph's number is written either (under 149 such lines of the corpus, a number follows 20 times:
    // scripts/enter-blank-lines.ts).
    assert.ok(numbered / total > 0.95, `${numbered} of ${total}:\n${misses.join('\n')}`);
  });

  it('writes the letter each REF item of the corpus opens with, under the one above it', () => {
    // Cut after an item's line, the next item on the line under it: Enter writes its letter, without the release's "¶".
    let total = 0;
    let written = 0;
    // The items whose letter (or the release's "¶" before it) stands in the column of the one above, and those Enter writes
    // in that column.
    let underAbove = 0;
    let aligned = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      const items = cable.refs?.items ?? [];
      for (let i = 1; i < items.length; i++) {
        const [above, item] = [items[i - 1], items[i]];
        if (!above.letter || !item.letterToken || item.range.start.line !== above.range.end.line + 1 || above.range.start.line !== above.range.end.line) continue;
        if (i >= 2 && items[i - 2].range.end.line === above.range.start.line) continue;
        total++;
        const line = above.range.end.line + 1;
        const edits = getOnTypeFormattingEdits(parseCable([...cable.lines.slice(0, line), ''].join('\n')).cable, { line, character: 0 }, '\n');
        const want = item.letterToken.text.replace(/^¶/, '');
        if (edits.length === 1 && edits[0].newText.trim() === want) {
          written++;
          const column = item.letterToken.range.start.character;
          if (above.letterToken?.range.start.character === column) {
            underAbove++;
            if (edits[0].newText.length - edits[0].newText.trimStart().length === column) aligned++;
          }
        } else if (misses.length < 10) misses.push(`${f.split('/').pop()}:${line + 1} ${JSON.stringify(want)} got ${JSON.stringify(edits.map((e) => e.newText))}`);
      }
    }
    assert.ok(total > 50 && underAbove > 20, `${total} items, ${underAbove} under the one above`);
    // Not every one (89 of 94): the release's layout "A. …" ⏎ "" ⏎ "¶B. …" ⏎ "¶C. …" cut under "¶B." reads it as the body's
    // start, and "¶E. 06 kuwait 4664" ⏎ "f. …" changes case. Each in the column of the letter above where the cable has it there (58 of 58).
    assert.ok(written / total > 0.9 && aligned === underAbove, `${written} of ${total}, ${aligned} of ${underAbove} in the column above:\n${misses.join('\n')}`);
  });

  it('writes the dashes each dash item of the corpus opens with under the item above it, most of the time, and seldom inside an item', () => {
    // Each item ("-- " at a line's start, over the lines under it down to a blank line, another item or a paragraph's marker)
    // is cut after each of its lines: after its last line, Enter should leave the line the cable goes on with (the next item's
    // dashes, or nothing); after a line inside it, nothing.
    // Dashes with white space after them or none ("--Defense - …", 62 items of 9 cables).
    const opens = /^[ \t]*--[ \t]*(?=[^ \t-])/;
    let afterItems = 0;
    let right = 0;
    let insideItems = 0;
    let wrongInside = 0;
    // The items of lists a blank line apart (an item ending with "." or ";" two lines under another), cut after the blank line
    // under them: those where the cable goes on with an item, and those where Enter writes its dashes.
    let spacedThenItem = 0;
    let spacedDashes = 0;
    for (const f of corpusFiles()) {
      const lines = parseCable(fs.readFileSync(f, 'utf8')).cable.lines;
      let previousEnd = -3;
      for (let start = 0; start < lines.length; start++) {
        if (!opens.test(lines[start])) continue;
        let end = start;
        while (end + 1 < lines.length && lines[end + 1].trim() !== '' && !opens.test(lines[end + 1]) && !/^\s*(¶|\d+\.)/.test(lines[end + 1])) end++;
        for (let l = start; l <= end; l++) {
          const edits = getOnTypeFormattingEdits(parseCable([...lines.slice(0, l + 1), ''].join('\n')).cable, { line: l + 1, character: 0 }, '\n');
          const got = edits.length === 1 ? edits[0].newText : edits.length === 0 ? '' : '?';
          if (l < end) {
            insideItems++;
            if (got !== '') wrongInside++;
            continue;
          }
          afterItems++;
          if (got === (opens.exec(lines[l + 1] ?? '')?.[0] ?? '')) right++;
        }
        if (start === previousEnd + 2 && /[.;]\s*$/.test(lines[end]) && lines[end + 1]?.trim() === '' && opens.test(lines[end + 2] ?? '')) {
          spacedThenItem++;
          const edits = getOnTypeFormattingEdits(parseCable([...lines.slice(0, end + 2), ''].join('\n')).cable, { line: end + 2, character: 0 }, '\n');
          // The item's own dashes, where the writer's next item may set its dashes otherwise ("-- " then "--").
          if (edits.length === 1 && edits[0].newText.trim() === '--') spacedDashes++;
        }
        previousEnd = end;
      }
    }
    assert.ok(afterItems > 300 && insideItems > 500, `${afterItems} items, ${insideItems} lines inside items`);
    // 336 of 438 items today (334 while the dashes were the item's own, not the list's most; 332 while an item under a blank
    // line over more than 13 lines was read as prose; 278 of 376
    // before the items with no space after their dashes were read as items); inside an item, dashes for 9 of 803 lines (10;
    // 8 of 699). Where the cable goes on with an item under an item of a list a blank line apart, Enter on the blank line
    // writes dashes for 63 of 63 (58 of 63 while those long items were prose; none when the paragraph number's rule took that line).
    assert.ok(right / afterItems > 0.7, `${right} of ${afterItems} items`);
    assert.ok(wrongInside / insideItems < 0.02, `${wrongInside} of ${insideItems} lines inside items`);
    assert.ok(spacedThenItem > 40 && spacedDashes / spacedThenItem > 0.85, `${spacedDashes} of ${spacedThenItem} items a blank line apart`);
  });

  it('writes nothing on the blank line under each real cable\'s signature, the cable cut there', () => {
    let signed = 0;
    const wrote: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      const end = cable.signature?.token.range.end.line;
      if (end === undefined) continue;
      signed++;
      const text = [...cable.lines.slice(0, end + 1), '', ''].join('\n');
      const edits = getOnTypeFormattingEdits(parseCable(text).cable, { line: end + 2, character: 0 }, '\n');
      if (edits.length > 0) wrote.push(`${f.split('/').pop()}:${end + 1} ${JSON.stringify(cable.lines[end])} got ${JSON.stringify(edits.map((e) => e.newText))}`);
    }
    assert.ok(signed > 100, `${signed} signatures`);
    assert.deepEqual(wrote, []);
  });
});
