/**
 * Rename of REF letters and paragraph numbers (prepareRename, getRenameEdits)
 * on small invented cables with `|` carets: what the rename box offers, the text
 * after the rename, and the reasons a rename is refused.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fix';
import { parseCable } from '../../server/src/core/parse/index';
import { getRenameEdits, prepareRename } from '../../server/src/features/rename';
import { getDocumentHighlights } from '../../server/src/features/references';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { assertOnlyEditsChanged } from '../properties';
import { caret } from '../helpers';
import type { Cable } from '../../server/src/core/model';
import { lintCable } from '../../server/src/core/lint';
import { findInTextReferences } from '../../server/src/core/mentions';
import { prepareCallHierarchy, refCitations } from '../../server/src/features/callHierarchy';

/** An invented cable with the REF field `ref` and the body `body` (paragraphs and all). */
function cable(ref: string, body: string): string {
  return `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: ${ref}\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n${body}`;
}
const ABC = 'A. STATE 1111 B. NOWHERE 22 C. NOWHERE 33';

/** What the rename box offers at the `|` caret, as "written text → placeholder", or the reason it refuses. */
function offered(textWithCaret: string): string {
  const c = caret(textWithCaret);
  const { cable: parsed } = parseCable(c.text);
  const r = prepareRename(parsed, { line: c.line, character: c.character });
  if ('reason' in r) return r.reason;
  assert.equal(r.range.start.line, r.range.end.line);
  return `${parsed.lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)} → ${r.placeholder}`;
}

/** The body (from the first paragraph on) after renaming at the `|` caret to `newName`, or the reason it is refused. */
function renamed(textWithCaret: string, newName: string): string {
  const c = caret(textWithCaret);
  const r = getRenameEdits(parseCable(c.text).cable, { line: c.line, character: c.character }, newName);
  if ('reason' in r) return r.reason;
  const after = applyEdits(c.text, r.edits);
  assertOnlyEditsChanged(c.text, after, r.edits);
  return after.slice(after.indexOf('REF: '));
}

describe('rename', () => {
  it('offers the letter or number under the caret, from the REF item, the marker or a reference to it', () => {
    assert.equal(offered(cable(ABC.replace('B.', '|B.'), '1. (C) Text.\n')), 'B → B');
    assert.equal(offered(cable(ABC.replace('B.', 'B|.'), '1. (C) Text.\n')), 'B → B');
    assert.equal(offered(cable('(A) STATE 1111 (|B) NOWHERE 22', '1. (C) Text.\n')), 'B → B');
    assert.equal(offered(cable('A. STATE 1111\n|¶B. NOWHERE 22', '1. (C) Text.\n')), 'B → B');
    // On the keyword of a reference, the letter or number it names; a mention keeps its own case.
    assert.equal(offered(cable(ABC, '1. (C) As r|efs A and B say.\n')), 'A → A');
    assert.equal(offered(cable(ABC, '1. (C) As refs A and |B say (ref c).\n')), 'B → B');
    assert.equal(offered(cable(ABC, '1. (C) As refs A and B say (ref |c).\n')), 'c → c');
    assert.equal(offered(cable(ABC, '|¶1. (C) Text.\n¶2. (C) See paras 1-2.\n')), '1 → 1');
    assert.equal(offered(cable(ABC, '¶1. (C) Text.\n¶2. (C) See paras 1-|2.\n')), '2 → 2');
    assert.equal(offered(cable(ABC, '¶1. (C) Text.\n¶2. (C) See p|aragraph 1.\n')), '1 → 1');
    // "¶ 13." after "¶2." is the pilcrow artifact of "¶3.": the box offers 3, over the 13 written.
    assert.equal(offered(cable(ABC, '¶1. (C) Text.\n¶2. (C) Text.\n¶ 1|3. (C) Text.\n')), '13 → 3');
  });

  it('refuses, with a reason, positions with nothing to rename', () => {
    assert.match(offered(cable(ABC, '1. (C) As we| said.\n')), /^Only a REF item's letter, a paragraph's number, or a reference to one/);
    assert.match(offered(cable(ABC.replace('STATE', 'ST|ATE'), '1. (C) Text.\n')), /^Rename a REF item from its letter/);
    assert.match(offered(cable('A. STATE 1111', '1. (C) As reft|el says.\n')), /^"reftel" names no letter to rename/);
    assert.match(offered(cable(ABC, '1. (C) As ref |D says; para 9.\n')), /^"ref D" names no REF item in this cable\.$/);
    assert.match(offered(cable(ABC, '1. (C) As ref D says; para |9.\n')), /^"para 9" names no paragraph in this cable\.$/);
    // With no letters written, "ref B" counts the items: there is no letter to rename.
    assert.match(offered(cable('STATE 1111; NOWHERE 22', '1. (C) As ref |B says.\n')), /^The REF items have no letters/);
    assert.match(offered(cable('|STATE 1111; NOWHERE 22', '1. (C) Text.\n')), /^Rename a REF item from its letter/);
  });

  it('renames a REF letter glued to its citation by a parenthesis ("B)NOWHERE 22"), or written after items without letters, as a spaced one', () => {
    // Invented. The letter alone changes; the parenthesis and the citation glued to it stay.
    assert.match(renamed(cable('A) STATE 1111 B)NOWHERE 22', '1. (C) Per ref |B.\n'), 'C'), /^REF: A\) STATE 1111 C\)NOWHERE 22\n[\s\S]*Per ref C\.\n$/);
    // "B.NOWHERE 22" after a blank line under an item without a letter: the letter that item stands for comes next.
    assert.equal(offered(cable('STATE 1111\n\n|B.NOWHERE 22', '1. (C) Text.\n')), 'B → B');
    assert.match(renamed(cable('STATE 1111\n\nB.NOWHERE 22', '1. (C) Per ref |B.\n'), 'A'), /^REF: STATE 1111\n\nA\.NOWHERE 22\n[\s\S]*Per ref A\.\n$/);
    // C as a spaced letter there (B missing); D would be past the three letters, and the refusal says so.
    assert.match(renamed(cable('STATE 1111\n\nB.NOWHERE 22', '1. (C) Per ref |B.\n'), 'C'), /^REF: STATE 1111\n\nC\.NOWHERE 22\n[\s\S]*Per ref C\.\n$/);
    assert.equal(
      renamed(cable('STATE 1111\n\nB.NOWHERE 22', '1. (C) Per ref |B.\n'), 'D'),
      'With D, "D.NOWHERE 22" on line 9 would no longer be a REF item: after a blank line, the REF field goes on only with one of the three letters after the item before it (A, B or C), not D. The field would end there, and that item would read as the cable\'s text.',
    );
  });

  it('renames a REF letter glued by a colon ("B:NOWHERE 22") or in parentheses ("(C)NOWHERE 33"), and keeps a letter from becoming a marking', () => {
    // Invented. The letter alone changes; its colon or parentheses and the citation glued to it stay.
    assert.match(renamed(cable('A: STATE 1111 B:NOWHERE 22', '1. (C) Per ref |B.\n'), 'C'), /^REF: A: STATE 1111 C:NOWHERE 22\n[\s\S]*Per ref C\.\n$/);
    assert.match(renamed(cable('(A) STATE 1111 (B) NOWHERE 22\n(C)NOWHERE 33', '1. (C) Per ref |C.\n'), 'D'), /^REF: \(A\) STATE 1111 \(B\) NOWHERE 22\n\(D\)NOWHERE 33\n[\s\S]*Per ref D\.\n$/);
    // "(D)NOWHERE 33" after "(A)": renamed C, it would take a marking's shape where the letter before is not B, and read as
    // the item's marking; after a blank line, the field would end above it.
    assert.equal(
      renamed(cable('(A) STATE 1111\n(D)NOWHERE 33', '1. (C) Per ref |D.\n'), 'C'),
      'With C, REF item 2 would read as unlettered, (C) its portion marking (a letter in parentheses glued to its citation, in a marking\'s shape, is a letter only right after the one before it, in parentheses too).',
    );
    assert.equal(
      renamed(cable('(A) STATE 1111\n\n(D)NOWHERE 33', '1. (C) Per ref |D.\n'), 'C'),
      'With C, "(C)NOWHERE 33" on line 9 would no longer be a REF item: a letter in parentheses glued to its citation, (C) as a portion marking is written, is a REF item\'s letter only right after the one before it, in parentheses too, not C. The field would end there, and that item would read as the cable\'s text.',
    );
  });

  it('renames a REF letter in the item and in every reference to it, each in its own case, and nothing else', () => {
    const body = '1. (C) As refs A and B say (ref b), and REFTEL B; refs A-C, reftel, ref C.\n2. (U) Per Ref B.\n';
    assert.equal(renamed(cable(ABC, body.replace('(ref b)', '(ref |b)')), 'd'), 'REF: A. STATE 1111 D. NOWHERE 22 C. NOWHERE 33\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) As refs A and D say (ref d), and REFTEL D; refs A-C, reftel, ref C.\n2. (U) Per Ref D.\n');
    // The end of a range: only the letter that names the item changes.
    assert.match(renamed(cable(ABC, body.replace('refs A-C', 'refs A-|C')), 'E'), /B\. NOWHERE 22 E\. NOWHERE 33\n[\s\S]*refs A-E, reftel, ref E\.\n2\. \(U\) Per Ref B\.\n$/);
    // A lower-case letter in the REF item stays lower-case; a letter past H works, and its references still resolve.
    assert.match(renamed(cable('a. STATE 1111 |b. NOWHERE 22', '1. (C) Per refs A and B.\n'), 'K'), /^REF: a\. STATE 1111 k\. NOWHERE 22\n[\s\S]*Per refs A and K\.\n$/);
    // The same letter changes nothing.
    assert.equal(renamed(cable(ABC, '1. (C) Per ref |B.\n'), 'b'), cable(ABC, '1. (C) Per ref B.\n').slice(cable(ABC, '').indexOf('REF: ')));
  });

  it('renames both letters of one written twice ("¶B. (B) …"), from either', () => {
    const twice = 'A. (A) STATE 1111\n¶B. (B) NOWHERE 22';
    assert.equal(offered(cable(twice.replace('¶B.', '¶|B.'), '1. (C) Per ref B.\n')), 'B → B');
    assert.match(renamed(cable(twice.replace('¶B.', '¶|B.'), '1. (C) Per ref B.\n'), 'D'), /^REF: A\. \(A\) STATE 1111\n¶D\. \(D\) NOWHERE 22\n[\s\S]*Per ref D\.\n$/);
    assert.match(renamed(cable(twice.replace('(B)', '(|B)'), '1. (C) Per ref B.\n'), 'D'), /^REF: A\. \(A\) STATE 1111\n¶D\. \(D\) NOWHERE 22\n/);
  });

  it('renames the letter or number of a reference broken over two lines', () => {
    const body = '1. (C) As reported in (Ref\nB) the minister agreed; see para\n2.\n2. (U) Second.\n';
    assert.equal(offered(cable(ABC, body.replace('B) the', '|B) the'))), 'B → B');
    assert.match(renamed(cable(ABC.replace('B.', '|B.'), body), 'D'), /^REF: A\. STATE 1111 D\. NOWHERE 22 C\. NOWHERE 33\n[\s\S]*\(Ref\nD\) the minister agreed; see para\n2\.\n2\. \(U\)/);
    assert.match(renamed(cable(ABC, body.replace('para\n2', 'para\n|2')), '5'), /\(Ref\nB\) the minister agreed; see para\n5\.\n5\. \(U\) Second\.\n$/);
  });

  it('renames the letter or number of a list that goes on on the next line, and only it', () => {
    const body = '1. (C) As refs A and\nB say (ref b,\n  c); see paras 2 and\n3, REF A,\npara 3.\n2. (U) Second.\n3. (U) Third.\n';
    assert.equal(offered(cable(ABC, body.replace('\nB say', '\n|B say'))), 'B → B');
    assert.equal(renamed(cable(ABC, body.replace('\nB say', '\n|B say')), 'D'), renamed(cable(ABC.replace('B.', '|B.'), body), 'D'));
    assert.match(renamed(cable(ABC.replace('B.', '|B.'), body), 'D'), /D\. NOWHERE 22[\s\S]*As refs A and\nD say \(ref d,\n {2}c\); see paras 2 and\n3, REF A,\npara 3\.\n/);
    // "REF A," / "para 3" is paragraph 3 of REF A: it keeps its number.
    assert.match(renamed(cable(ABC, body.replace('and\n3,', 'and\n|3,')), '5'), /see paras 2 and\n5, REF A,\npara 3\.\n2\. \(U\) Second\.\n5\. \(U\) Third\.\n$/);
  });

  it('renumbers a paragraph in its marker and every reference to it, keeping the marker as written', () => {
    const body = '¶1. (C) See paras 2-3 and para 2.\n¶ 2. (C) Second.\n3.(C) Third, unlike paragraph 1 and para 2.\n';
    assert.match(renamed(cable(ABC, body.replace('¶ 2.', '¶ |2.')), '7'), /\n¶1\. \(C\) See paras 7-3 and para 7\.\n¶ 7\. \(C\) Second\.\n3\.\(C\) Third, unlike paragraph 1 and para 7\.\n$/);
    assert.match(renamed(cable(ABC, body.replace('paras 2-3', 'paras 2-|3')), '12'), /\n¶1\. \(C\) See paras 2-12 and para 2\.\n¶ 2\. \(C\) Second\.\n12\.\(C\) Third, unlike paragraph 1 and para 2\.\n$/);
    // A number written with leading zeros is written plainly.
    assert.match(renamed(cable(ABC, body.replace('¶1.', '¶|1.')), '009'), /\n¶9\. \(C\) See paras 2-3 and para 2\.\n[\s\S]*unlike paragraph 9 and para 2\.\n$/);
    // The artifact "¶ 13." read as 3 takes the new number over the 13 written, as do the references to 3.
    assert.match(renamed(cable(ABC, '¶1. (C) See para 3.\n¶2. (C) Text.\n¶ 1|3. (C) Text.\n'), '3'), /\n¶1\. \(C\) See para 3\.\n¶2\. \(C\) Text\.\n¶ 3\. \(C\) Text\.\n$/);
  });

  it('refuses a new name that is not one letter or a number from 1 to 999', () => {
    const ref = cable(ABC, '1. (C) Per ref |B.\n');
    for (const bad of ['', 'BB', '1', 'É', 'ref C', '*']) assert.match(renamed(ref, bad), /^A REF item's letter is one letter from A to Z, not ".*"\.$/, bad);
    const para = cable(ABC, '|1. (C) Text.\n');
    for (const bad of ['', '0', '000', '1000', '-1', '2.5', 'x', '³']) assert.match(renamed(para, bad), /^A paragraph number is a number from 1 to 999, not ".*"\.$/, bad);
  });

  it('refuses a rename that would change what the cable says', () => {
    // Another item or paragraph has the name already.
    assert.equal(renamed(cable(ABC, '1. (C) Per ref |B.\n'), 'c'), 'REF C already exists: rename it first, or choose another letter.');
    assert.equal(renamed(cable(ABC, '1. (C) Per para |2.\n2. (C) Text.\n'), '1'), 'Paragraph 1 already exists: renumber it first, or choose another number.');
    // "ref D" names nothing until an item is D.
    assert.equal(renamed(cable(ABC, '1. (C) Per ref |C, not ref D.\n'), 'D'), 'With D, "ref D" on line 11 would point elsewhere.');
    // "ref a" in prose is the word "a": "ref b goes" renamed would stop being a reference ("ref a says" stays one).
    assert.match(renamed(cable('B. STATE 1111', '1. (C) As ref |b goes.\n'), 'A'), /^With A, other text would read as a reference, or a reference as plain text/);
    assert.match(renamed(cable('B. STATE 1111', '1. (C) As ref |b says.\n'), 'A'), /As ref a says\.\n$/);
    // "¶ 13." reads as 3 only right after 2: renumbering 2 would change what it reads as.
    assert.equal(renamed(cable(ABC, '¶|2. (C) Text.\n¶ 13. (C) Text.\n'), '5'), 'Paragraph "¶ 13." would then read as 13.');
    // After a blank line, the REF field goes on only with one of the three letters after the item before it:
    // a new letter can end the field early, or take a line of the text into it; the refusal says which and why.
    assert.equal(
      renamed(cable('A. STATE 1111\n\n|¶B. NOWHERE 22', '1. (C) Per ref B.\n'), 'G'),
      'With G, "¶G. NOWHERE 22" on line 9 would no longer be a REF item: after a blank line, the REF field goes on only with one of the three letters after the item before it (B, C or D after A), not G. The field would end there, and that item would read as the cable\'s text.',
    );
    assert.equal(
      renamed(cable('|A. STATE 1111\n\n¶B. NOWHERE 22\n\n¶C. NOWHERE 33', '1. (C) Per ref B.\n'), 'E'),
      'With E, "¶B. NOWHERE 22" on line 9 would no longer be a REF item: after a blank line, the REF field goes on only with one of the three letters after the item before it (F, G or H after E), not B. The field would end there, and that item and the one after it would read as the cable\'s text.',
    );
    assert.equal(
      renamed(cable('|A. STATE 1111\n\nE. NOWHERE 55', '1. (C) Per ref A.\n'), 'B'),
      'With B, "E. NOWHERE 55" on line 9 would be read as a REF item: after a blank line, the REF field goes on only with one of the three letters after the item before it (C, D or E after B), and E would be one of them.',
    );
    // "18, (C)" numbers a paragraph only as the next number.
    assert.equal(renamed(cable(ABC, '¶17. (C) Text.\n|18, (C) Text.\n'), '20'), 'With 20, the marker would no longer number a paragraph.');
  });

  it('renames the one under the caret of a letter or number used twice, with the references Go to Definition sends to it (none from either marker of a number two paragraphs share)', () => {
    const twice = 'A. STATE 1111 B. NOWHERE 22 B. NOWHERE 33';
    const body = '1. (C) Per ref B and refs A and B.\n';
    // The references go to the first B.
    assert.match(renamed(cable(twice, body.replace('ref B', 'ref |B')), 'C'), /^REF: A\. STATE 1111 C\. NOWHERE 22 B\. NOWHERE 33\n[\s\S]*Per ref C and refs A and C\.\n$/);
    assert.match(renamed(cable(twice.replace('B. NOWHERE 33', '|B. NOWHERE 33'), body), 'C'), /^REF: A\. STATE 1111 B\. NOWHERE 22 C\. NOWHERE 33\n[\s\S]*Per ref B and refs A and B\.\n$/);
    const paras = '1. (C) See para 2.\n2. (C) Text.\n2. (C) Again.\n';
    // "para 2" may mean either paragraph 2: renamed from the reference, it is refused; from either marker, the marker
    // alone changes (the first's took "para 2" with it, the second's did not), and "para 2" names the one left.
    assert.equal(renamed(cable(ABC, paras.replace('para 2', 'para |2')), '5'), '"para 2" may name any of the paragraphs numbered 2 (lines 12, 13): rename the marker of the one it means.');
    assert.match(renamed(cable(ABC, paras.replace('2. (C) Text', '|2. (C) Text')), '5'), /\n1\. \(C\) See para 2\.\n5\. \(C\) Text\.\n2\. \(C\) Again\.\n$/);
    assert.match(renamed(cable(ABC, paras.replace('2. (C) Again', '|2. (C) Again')), '3'), /\n1\. \(C\) See para 2\.\n2\. \(C\) Text\.\n3\. \(C\) Again\.\n$/);
    // Three paragraphs numbered 2: "para 2" still names two after the middle one is renamed.
    const thrice = '1. (C) See para 2.\n2. (C) Text.\n2. (C) Again.\n2. (C) More.\n';
    assert.match(renamed(cable(ABC, thrice.replace('2. (C) Again', '|2. (C) Again')), '3'), /\n1\. \(C\) See para 2\.\n2\. \(C\) Text\.\n3\. \(C\) Again\.\n2\. \(C\) More\.\n$/);
    // A number one paragraph has again once renamed: its references follow it from then on.
    const fixed = renamed(cable(ABC, paras.replace('2. (C) Text', '|2. (C) Text')), '5');
    assert.match(renamed(cable(ABC, fixed.slice(fixed.indexOf('\n\n', fixed.indexOf('Classified')) + 2).replace('2. (C) Again', '|2. (C) Again')), '3'), /See para 3\.\n5\. \(C\) Text\.\n3\. \(C\) Again\.\n$/);
  });

  it('renames with a REF letter two items share the references the highlights show from that item: those of the first, none of the second', () => {
    // Go to Definition and highlights send "ref B" to the first B; rename from each item writes over the references its
    // highlights show (where each reference ends), and over none beside them, on one line and on a line each.
    for (const twice of ['A. STATE 1111 B. NOWHERE 22 B. NOWHERE 33', 'A. STATE 1111\nB. NOWHERE 22\nB. NOWHERE 33']) {
      const text = cable(twice, '1. (C) Per ref B and refs A and B (REF B).\n');
      const parsed = parseCable(text).cable;
      const items = parsed.refs!.items.filter((i) => i.letter === 'B');
      const ends = (list: readonly { range: { end: { line: number; character: number } } }[]) => list.map((e) => `${e.range.end.line}:${e.range.end.character}`).sort();
      const seen = items.map((item) => {
        const at = item.letterToken!.range.start;
        const edits = getRenameEdits(parsed, at, 'C');
        assert.ok(!('reason' in edits));
        const mentions = edits.edits.filter((e) => e.range.start.line !== at.line || e.range.start.character !== at.character);
        const read = getDocumentHighlights(parsed, at).filter((h) => h.kind === DocumentHighlightKind.Read);
        assert.deepEqual(ends(mentions), ends(read), twice);
        return mentions.length;
      });
      assert.deepEqual(seen, [3, 0], twice);
    }
  });

  it('works with CRLF, a BOM, tabs and text outside ASCII before the letter', () => {
    const text = '\uFEFF' + cable(ABC, '1. (C)\tÉtienne 😀 cites refs A\tand B (ref b).\n2. (U) Per\tpara 1.\n').replace(/\n/g, '\r\n');
    const { cable: parsed } = parseCable(text);
    const line = parsed.lines.findIndex((l) => l.includes('Étienne'));
    const at = { line, character: parsed.lines[line].indexOf('(ref b') + 5 };
    const box = prepareRename(parsed, at);
    assert.ok(!('reason' in box));
    assert.deepEqual(box, { range: { start: at, end: { line, character: at.character + 1 } }, placeholder: 'b' });
    const r = getRenameEdits(parsed, at, 'E');
    assert.ok(!('reason' in r));
    const after = applyEdits(text, r.edits);
    assertOnlyEditsChanged(text, after, r.edits);
    assert.equal(after, text.replace('B. NOWHERE', 'E. NOWHERE').replace('\tand B', '\tand E').replace('(ref b)', '(ref e)'));
    const para = getRenameEdits(parsed, { line, character: 0 }, '4');
    assert.ok(!('reason' in para));
    assert.equal(applyEdits(text, para.edits), text.replace('\r\n1. (C)', '\r\n4. (C)').replace('para 1.', 'para 4.'));
  });
});

describe("rename on a cable with a scan's margin on every line", () => {
  it('quotes a REF item it refuses to change without the margin, as without one', () => {
    // Invented: the refusals above with a bar or a line number opening every line (the caret `^`, since the bar is `|`);
    // the quote held the margin ("| ¶G. NOWHERE 22", "09 ¶G. NOWHERE 22").
    const reason = (plain: string, margin: (l: string, i: number) => string, newName: string) => {
      const lines = plain.split('\n').map((l, i) => (l === '' ? '' : margin(l, i)));
      const line = lines.findIndex((l) => l.includes('^'));
      const character = lines[line].indexOf('^');
      lines[line] = lines[line].replace('^', '');
      const parsed = parseCable(lines.join('\n')).cable;
      assert.ok(margin('', 0) === '' || parsed.margin);
      const r = getRenameEdits(parsed, { line, character }, newName);
      return 'reason' in r ? r.reason : '';
    };
    for (const [plain, newName] of [
      [cable('A. STATE 1111\n\n^¶B. NOWHERE 22', '1. (C) Per ref B.\n'), 'G'],
      [cable('^A. STATE 1111\n\n¶B. NOWHERE 22\n\n¶C. NOWHERE 33', '1. (C) Per ref B.\n'), 'E'],
      [cable('^A. STATE 1111\n\nE. NOWHERE 55', '1. (C) Per ref A.\n'), 'B'],
    ]) {
      const expected = reason(plain, (l) => l, newName);
      assert.match(expected, /^With [A-Z], "[^|0-9 ]/);
      for (const margin of [(l: string) => `| ${l}`, (l: string, i: number) => `${String(i + 1).padStart(2, '0')} ${l}`]) assert.equal(reason(plain, margin, newName), expected);
    }
  });
});

describe('rename, highlights and the call hierarchy in a cable without a REF field', () => {
  it("read the references the version's lint read, never the text again", () => {
    // Invented. Every reading of the references reads the line holding "para 1", a candidate above the last: the count
    // of its reads (a proxy over the cable's lines) tells whether the reader ran. The rename of 4 and its edits
    // ("¶4.", "para 4") stand on other lines; the call hierarchy reads no reference where no REF item cites a cable.
    const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY FARES\n\n¶1. (U) Fares rose.\n¶2. (U) As para 1 notes, the board met.\n¶3. (U) See para 4 and ref B, not para 8.\n¶4. (U) Fees rose.\nSMITH\n';
    const parsed = parseCable(text).cable;
    const watched = parsed.lines.findIndex((l) => l.includes('para 1'));
    let reads = 0;
    const lines = new Proxy(parsed.lines, {
      get(target, key, receiver) {
        if (key === String(watched)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const c: Cable = { ...parsed, lines };
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL045').map((f) => f.message), ['There is no paragraph 8: the paragraphs are numbered 1 to 4.']);
    assert.ok(reads > 0, 'the lint reads the references');
    const afterLint = reads;
    const marker = { line: watched + 2, character: 1 };
    assert.deepEqual(prepareRename(c, marker), { range: { start: marker, end: { line: marker.line, character: 2 } }, placeholder: '4' });
    const r = getRenameEdits(c, marker, '7');
    assert.ok(!('reason' in r));
    assert.equal(applyEdits(text, r.edits), text.replace('¶4.', '¶7.').replace('para 4', 'para 7'));
    assert.deepEqual(getDocumentHighlights(c, marker).map((h) => `${h.range.start.line - watched}:${h.range.start.character}`), ['2:0', '1:12']);
    // "ref B" names nothing to rename, and says so, as in a cable whose REF field lacks B.
    const refB = { line: watched + 1, character: text.split('\n')[watched + 1].indexOf('ref B') + 4 };
    assert.deepEqual(prepareRename(c, refB), { reason: '"ref B" names no REF item in this cable.' });
    const none = { get: () => undefined, byId: () => undefined, citing: () => [] };
    assert.equal(prepareCallHierarchy(c, 'file:///w/09NOWHERE1.txt', marker, none).length, 1);
    assert.deepEqual(refCitations(c, '09NOWHERE1').mentions, []);
    assert.equal(reads, afterLint, 'no request read the references again');
    // The whole reading, which rename and highlights took, reads that line: the count sees a reader run.
    findInTextReferences(c);
    assert.ok(reads > afterLint);
  });
});
