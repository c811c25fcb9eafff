/**
 * Cable files dropped into a cable (`getDropCitations`, the server's `cable/dropCitations`): each test drops workspace
 * cables at the `|` caret of an invented cable, inserts the text returned there, as the editor does, and reads the cable
 * again: REF items and fields must read back as the cables dropped, in-text references must name their items.
 */
import * as assert from 'node:assert/strict';
import { citedId } from '../../server/src/core/id';
import { findInTextReferences } from '../../server/src/core/mentions';
import { parseCable } from '../../server/src/core/parse/index';
import { getDropCitations } from '../../server/src/features/drop';
import type { IndexedCable } from '../../server/src/features/types';
import { caret } from '../helpers';

// Invented: a confidential cable of 3 June 2009 from Valletta (09VALLETTA412); `metadata` goes under its subject, `body` is its first paragraph's text.
const cable = (metadata: string, body = 'The harbor board met.') =>
  `VZCZCXRO5521\nPP RUEHWEB\nDE RUEHVT #0412/01 1541322\nZNY CCCCC ZZH\nP 031322Z JUN 09\nFM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nC O N F I D E N T I A L VALLETTA 000412\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${metadata}\n\nClassified By: Ruth Calloway for reasons 1.4 (b).\n\n¶1. (C) ${body}\n`;
const indexed = (id: string | undefined, post: string, file = `${id}.cable`): IndexedCable => ({ uri: `file:///ws/${file}`, id, post, tags: [], refs: [] });
const VALLETTA = indexed('09VALLETTA388', 'VALLETTA');
const PARIS = indexed('08PARIS1234', 'PARIS');
const BUENOS_AIRES = indexed('09BUENOSAIRES55', 'BUENOS AIRES');

/** Drops `dropped` at the caret of `textWithCaret`; the answer and the text with it inserted. */
function drop(textWithCaret: string, dropped: readonly IndexedCable[], citingId?: string) {
  const c = caret(textWithCaret);
  const answer = getDropCitations(parseCable(c.text).cable, { line: c.line, character: c.character }, dropped, citingId);
  const lines = c.text.split('\n');
  if (answer) lines[c.line] = lines[c.line].slice(0, c.character) + answer.text + lines[c.line].slice(c.character);
  return { answer, text: lines.join('\n') };
}

/** The ids the REF field of `text` cites, in its order, with their letters. */
const citations = (text: string) => {
  const parsed = parseCable(text).cable;
  return parsed.refs?.items.map((item) => `${item.letterToken?.text} ${citedId(item, parsed.id)}`) ?? [];
};

describe('dropping cable files into a cable', () => {
  it('adds a REF item for each cable dropped where the field\'s next item goes, lettered on in the field\'s style', () => {
    const { answer, text } = drop(cable('REF: A. STATE 1234\n|'), [VALLETTA, PARIS, BUENOS_AIRES]);
    assert.deepEqual(answer, { text: 'B. VALLETTA 388\nC. 08 PARIS 1234\nD. BUENOS AIRES 55', kind: 'refItems' });
    assert.deepEqual(citations(text), ['A. 09STATE1234', 'B. 09VALLETTA388', 'C. 08PARIS1234', 'D. 09BUENOSAIRES55']);
    // After "REF: " with no item yet, the first is A.
    assert.deepEqual(citations(drop(cable('REF: |'), [PARIS]).text), ['A. 08PARIS1234']);
    // Right after "REF:", the space goes in first: the items were citations glued to it ("REF:08 PARIS 1234", no letter).
    const glued = drop(cable('REF:|'), [PARIS, VALLETTA]);
    assert.deepEqual(glued.answer, { text: ' A. 08 PARIS 1234\nB. VALLETTA 388', kind: 'refItems' });
    assert.deepEqual(citations(glued.text), ['A. 08PARIS1234', 'B. 09VALLETTA388']);
    // Its line is not blank: nothing is added under it.
    assert.deepEqual(drop(cable('REF:|\nClassified By: Ruth Calloway for reasons 1.4 (b).'), [PARIS]).answer, { text: ' A. 08 PARIS 1234', kind: 'refItems' });
    // The field's own style: "(B)", "B)", lower case.
    assert.deepEqual(citations(drop(cable('REF: (A) STATE 1234\n|'), [PARIS, VALLETTA]).text), ['(A) 09STATE1234', '(B) 08PARIS1234', '(C) 09VALLETTA388']);
    assert.deepEqual(citations(drop(cable('REF: A) STATE 1234\n|'), [PARIS]).text), ['A) 09STATE1234', 'B) 08PARIS1234']);
    assert.deepEqual(citations(drop(cable('REF: a. STATE 1234\n|'), [PARIS, VALLETTA]).text), ['a. 09STATE1234', 'b. 08PARIS1234', 'c. 09VALLETTA388']);
    // Dropped on the blank line between the field and the text right under it, the blank line stays.
    const under = drop(cable('REF: A. STATE 1234\n|\nClassified By: Ruth Calloway for reasons 1.4 (b).'), [PARIS]);
    assert.equal(under.answer?.text, 'B. 08 PARIS 1234\n');
    assert.match(under.text, /B\. 08 PARIS 1234\n\nClassified By/);
    assert.deepEqual(citations(under.text), ['A. 09STATE1234', 'B. 08PARIS1234']);
    // A blank line under the last item where the metadata goes on below, as real cables leave one.
    assert.deepEqual(citations(drop(cable('REF: A. STATE 1234\n\n|'), [PARIS]).text), ['A. 09STATE1234', 'B. 08PARIS1234']);
  });

  it('writes the REF field on a blank line under the subject of a cable without one', () => {
    const { answer, text } = drop(cable('|'), [PARIS, VALLETTA]);
    assert.deepEqual(answer, { text: 'REF: A. 08 PARIS 1234\nB. VALLETTA 388', kind: 'refField' });
    assert.deepEqual(citations(text), ['A. 08PARIS1234', 'B. 09VALLETTA388']);
  });

  it("writes the REF field or its next item on a line of a scan's margin alone, as on a blank line, the blank line under it kept", () => {
    // Invented: the cables above with a bar (`| `) or a line number (`07 `) opening every line, the caret (`^`) on a line of
    // the margin alone, past it. The margin was read as text: the citation alone was written, with no letter.
    const margins: [string, (l: string, i: number) => string][] = [['a bar', (l) => `| ${l}`], ['line numbers', (l, i) => `${String(i + 1).padStart(2, '0')} ${l}`]];
    const cases: [string, string, string[]][] = [
      [cable('^').replace('\n\n^\n\n', '\n\n^\n'), 'REF: A. 08 PARIS 1234\n', ['A. 08PARIS1234']],
      [cable('REF: A. STATE 1234\n^').replace('^\n\n', '^\n'), 'B. 08 PARIS 1234\n', ['A. 09STATE1234', 'B. 08PARIS1234']],
    ];
    for (const [plain, written, cited] of cases) {
      assert.equal(drop(plain.replace('^', '|'), [PARIS]).answer?.text, written);
      for (const [kind, margin] of margins) {
        const lines = plain.split('\n').map((l, i) => margin(l, i));
        const line = lines.findIndex((l) => l.includes('^'));
        const character = lines[line].indexOf('^');
        lines[line] = lines[line].replace('^', '');
        const answer = getDropCitations(parseCable(lines.join('\n')).cable, { line, character }, [PARIS]);
        assert.equal(answer?.text, written, kind);
        // Written after the margin, the lines read back with it and cite the cable dropped.
        lines[line] += answer.text;
        const after = parseCable(lines.join('\n')).cable;
        assert.ok(after.margin, kind);
        assert.deepEqual(after.refs?.items.map((item) => `${item.letterToken?.text} ${citedId(item, after.id)}`), cited, kind);
      }
    }
  });

  it('writes no REF field into the text, under a summary above the first paragraph or in a text without numbered paragraphs', () => {
    for (const text of [
      'UNCLAS VALLETTA 000412\n\nSUBJECT: FERRY DUES\n\nSUMMARY: The board met.\n|\n1. It did.\n',
      'SUBJECT: FERRY DUES\n\nThe board met.\n|\nIt did.\n',
    ]) {
      assert.deepEqual(drop(text, [PARIS]).answer, { text: '08 PARIS 1234', kind: 'citations' }, text);
    }
    // Above the text, the field still goes in.
    assert.equal(drop('UNCLAS VALLETTA 000412\n\nSUBJECT: FERRY DUES\n\n|\nSUMMARY: The board met.\n\n1. It did.\n', [PARIS]).answer?.kind, 'refField');
  });

  it('writes the in-text reference to the REF items that cite the cables dropped into the text', () => {
    const refs = 'REF: A. STATE 1234\nB. VALLETTA 388\nC. 08 PARIS 1234';
    for (const [body, dropped, expected] of [
      ['The board met (|).', [VALLETTA], 'ref B'],
      ['The board met (|).', [PARIS, VALLETTA], 'refs C and B'],
      ['The board met (|).', [PARIS, VALLETTA, indexed('09STATE1234', 'STATE')], 'refs C, B and A'],
      ['THE BOARD MET (|).', [VALLETTA], 'REF B'],
      ['THE BOARD MET (|).', [PARIS, VALLETTA], 'REFS C AND B'],
      // A new paragraph's marker and marking are no text in capitals: the text above is read.
      ['The board met.\n\n¶2. (C) |', [VALLETTA], 'ref B'],
      ['The board met.\n\n¶2. (S/NF) |', [VALLETTA], 'ref B'],
      ['THE BOARD MET.\n\n¶2. (C) |', [VALLETTA], 'REF B'],
    ] as const) {
      const { answer, text } = drop(cable(refs, body), dropped);
      assert.deepEqual(answer, { text: expected, kind: 'inTextReference' }, body);
      // Each letter written is read as a reference to its item.
      const parsed = parseCable(text).cable;
      const named = findInTextReferences(parsed).map((r) => (r.target.kind === 'ref' ? r.target.letter : undefined));
      assert.deepEqual(named.sort(), expected.replace(/^refs? /i, '').split(/, | and /i).sort(), body);
    }
  });

  it('writes each cable\'s citation anywhere else, as this cable would cite it', () => {
    // In the text, a cable the REF field does not cite; in the subject line; on a REF line with an item.
    assert.deepEqual(drop(cable('REF: A. STATE 1234', 'As |reported.'), [PARIS, VALLETTA]).answer, { text: '08 PARIS 1234, VALLETTA 388 ', kind: 'citations' });
    assert.deepEqual(drop(cable('REF: A. STATE 1234').replace('FERRY DUES', 'FERRY DUES |'), [PARIS]).answer, { text: '08 PARIS 1234', kind: 'citations' });
    assert.deepEqual(drop(cable('REF: A. STATE |1234'), [PARIS]).answer?.kind, 'citations');
    // Dropped against a word, a space keeps them apart; against a space or a bracket, none is added.
    assert.equal(drop(cable('REF: A. STATE 1234\nB. VALLETTA 388', 'The board met|.'), [VALLETTA]).text.split('\n').at(-2), '¶1. (C) The board met ref B.');
    assert.equal(drop(cable('REF: A. STATE 1234', 'As|reported.'), [PARIS]).answer?.text, ' 08 PARIS 1234 ');
    // An underscore is a word's, as the editor selects words ("file_08 PARIS 1234" ran them together).
    assert.equal(drop(cable('REF: A. STATE 1234', 'See file_|_two.'), [PARIS]).answer?.text, ' 08 PARIS 1234 ');
    assert.equal(drop(cable('REF: A. STATE 1234', 'As reported (|).'), [PARIS]).answer?.text, '08 PARIS 1234');
  });

  it('leaves out this cable, a cable dropped twice and files without an id, and answers nothing when none is left', () => {
    const self = indexed('09VALLETTA412', 'VALLETTA');
    assert.deepEqual(drop(cable('REF: A. STATE 1234\n|'), [self, PARIS, PARIS, indexed(undefined, 'VALLETTA', 'notes.cable')]).answer, { text: 'B. 08 PARIS 1234', kind: 'refItems' });
    assert.equal(drop(cable('REF: A. STATE 1234\n|'), [self, indexed(undefined, 'VALLETTA', 'notes.cable')]).answer, undefined);
    assert.equal(drop(cable('|'), []).answer, undefined);
  });

  it('cites from the file name\'s id in a cable whose text gives none', () => {
    // A partial extract without a banner: the year comes from 09VALLETTA412.txt.
    const extract = 'SUBJECT: FERRY DUES\n\nREF: A. STATE 1234\n|\n\n1. The board met.\n';
    assert.deepEqual(drop(extract, [VALLETTA, PARIS], '09VALLETTA412').answer?.text, 'B. VALLETTA 388\nC. 08 PARIS 1234');
  });

  it('letters items on to Z, then cites the rest on the last item\'s line', () => {
    const refs = `REF: ${Array.from({ length: 24 }, (_, k) => `${String.fromCharCode(65 + k)}. STATE ${k + 1}`).join('\n')}\n|`;
    const { answer } = drop(cable(refs), [VALLETTA, PARIS, BUENOS_AIRES]);
    assert.equal(answer?.text, 'Y. VALLETTA 388\nZ. 08 PARIS 1234, BUENOS AIRES 55');
    // A new field of more than 26 cables leaves none out either.
    const many = Array.from({ length: 28 }, (_, k) => indexed(`08PARIS${k + 1}`, 'PARIS'));
    assert.match(drop(cable('|'), many).answer?.text ?? '', /\nY\. 08 PARIS 25\nZ\. 08 PARIS 26, 08 PARIS 27, 08 PARIS 28$/);
  });
});
