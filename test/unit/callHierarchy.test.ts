/**
 * The citation graph as a call hierarchy, over an invented workspace: a chain, a cycle, a cable that cites
 * itself, citations of a cable no file holds, and one cable filed twice. Incoming calls are "cited by",
 * outgoing calls "cites".
 */
import * as assert from 'node:assert/strict';
import type { CallHierarchyItem, Position } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { parseCable } from '../../server/src/core/parse/index';
import { getIncomingCalls, getOutgoingCalls, prepareCallHierarchy } from '../../server/src/features/callHierarchy';
import { CableIndex, idFromFileName, summarize } from '../../server/src/workspace/cableIndex';

/** An invented cable of NOWHERE numbered `serial`, dated `day` December 2009, with `refs` as its REF field's text. */
function cable(serial: number, subject: string, refs = '', body = 'Text.', day = 1): string {
  const padded = String(serial).padStart(6, '0');
  const dtg = `${String(day).padStart(2, '0')}0800Z DEC 09`;
  return `R ${dtg}\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nUNCLAS NOWHERE ${padded}\n\nE.O. 12958: N/A\nTAGS: ECON XX\nSUBJECT: ${subject}\n${refs ? `\nREF: ${refs}\n` : ''}\n1. (U) ${body}\n`;
}

const WS = 'file:///ws/';

/** The invented workspace: file name → text. */
const FILES: Record<string, string> = {
  // A chain: 3 cites 2 and 1, 2 cites 1; 3 also cites a cable no file holds (C), as 4 does.
  '09NOWHERE1.txt': cable(1, 'FERRY DUES', '', 'Text.', 1),
  '09NOWHERE2.txt': cable(2, 'FERRY DUES RAISED', 'A. 09 NOWHERE 1', 'Text.', 2),
  '09NOWHERE3.txt': cable(3, 'FERRY DUES RAISED AGAIN AND AGAIN, WITH A SUBJECT LONG ENOUGH TO BE CUT SHORT', 'A. 09 NOWHERE 2 B. 09 NOWHERE 1\n     C. 08 ELSEWHERE 99', 'As reported (ref A), text.', 3),
  // 4 draws on its REF items in the text too: B and C (both cable 1) in one list, A (absent), and a paragraph of its own.
  '09NOWHERE4.txt': cable(4, 'QUINCE HARVEST', 'A. 08 ELSEWHERE 99 B. 09 NOWHERE 1 C. 09 NOWHERE 1', 'Dues rose (refs B and C); see para 1 and ref A.', 4),
  // A cycle: 10 cites 11 and 11 cites 10.
  '09NOWHERE10.txt': cable(10, 'CYCLE ONE', 'A. 09 NOWHERE 11', 'Text.', 10),
  '09NOWHERE11.txt': cable(11, 'CYCLE TWO', 'A. 09 NOWHERE 10', 'Text.', 11),
  // A cable that cites itself.
  '09NOWHERE20.txt': cable(20, 'SELF', 'A. 09 NOWHERE 20', 'Text.', 20),
  // Cable 1 filed a second time under another name.
  'copies/first.cable': cable(1, 'FERRY DUES', '', 'Text.', 1),
};

function workspace(files: Record<string, string> = FILES): CableIndex {
  const index = new CableIndex();
  for (const [name, text] of Object.entries(files)) index.set(summarize(WS + name, parseCable(text).cable, idFromFileName(WS + name)));
  return index;
}

/** The item prepared at `position` in the workspace file `name`. */
function prepare(index: CableIndex, name: string, position: Position, text = FILES[name]): CallHierarchyItem {
  const items = prepareCallHierarchy(parseCable(text).cable, WS + name, position, index);
  assert.equal(items.length, 1);
  return items[0];
}

/** Each call as `name <- file name: line:character …` of its fromRanges. */
function calls(list: readonly { item: CallHierarchyItem; fromRanges: readonly { start: Position }[] }[]): string[] {
  return list.map((c) => `${c.item.name} ${c.item.uri.slice(WS.length)} ${c.fromRanges.map((r) => `${r.start.line}:${r.start.character}`).join(' ')}`);
}

const incoming = (index: CableIndex, item: CallHierarchyItem) => calls(getIncomingCalls(item, index).map((c) => ({ item: c.from, fromRanges: c.fromRanges })));
const outgoing = (index: CableIndex, item: CallHierarchyItem) => calls(getOutgoingCalls(item, index).map((c) => ({ item: c.to, fromRanges: c.fromRanges })));

describe('call hierarchy over REF citations', () => {
  const index = workspace();

  it('prepares the cable itself on its banner and anywhere in it, placed at the banner with the post and serial selected', () => {
    for (const position of [{ line: 4, character: 2 }, { line: 8, character: 12 }, { line: 12, character: 3 }]) {
      const item = prepare(index, '09NOWHERE2.txt', position);
      assert.deepEqual(
        { ...item },
        {
          name: '09NOWHERE2',
          kind: SymbolKind.File,
          detail: 'FERRY DUES RAISED',
          uri: `${WS}09NOWHERE2.txt`,
          range: { start: { line: 4, character: 0 }, end: { line: 4, character: 21 } },
          selectionRange: { start: { line: 4, character: 7 }, end: { line: 4, character: 21 } },
          data: { id: '09NOWHERE2' },
        },
      );
    }
  });

  it('prepares the cited cable on a REF item and on an in-text reference to it, and cuts a long subject', () => {
    // "REF: A. 09 NOWHERE 2 B. 09 NOWHERE 1": the caret on B is on cable 1, which the file named after it holds.
    const onB = prepare(index, '09NOWHERE3.txt', { line: 10, character: 25 });
    assert.equal(onB.name, '09NOWHERE1');
    assert.equal(onB.uri, `${WS}09NOWHERE1.txt`);
    assert.deepEqual(onB.range.start, { line: 4, character: 0 });
    // "As reported (ref A)": the caret on the mention is on cable 2.
    const onMention = prepare(index, '09NOWHERE3.txt', { line: 13, character: 22 });
    assert.equal(onMention.name, '09NOWHERE2');
    assert.equal(onMention.uri, `${WS}09NOWHERE2.txt`);
    const own = prepare(index, '09NOWHERE3.txt', { line: 4, character: 0 });
    assert.equal(own.detail, 'FERRY DUES RAISED AGAIN AND AGAIN, WITH A SUBJECT LONG…');
    assert.ok(own.detail!.length <= 60);
  });

  it('prepares on "(refs)" and "see reftels" a root for each cable the REF items cite, in REF order and once each, as on the items', () => {
    // 09NOWHERE4: "REF: A. 08 ELSEWHERE 99 B. 09 NOWHERE 1 C. 09 NOWHERE 1" (B and C cite one cable).
    const text = cable(4, 'QUINCE HARVEST', 'A. 08 ELSEWHERE 99 B. 09 NOWHERE 1 C. 09 NOWHERE 1', 'Dues rose (refs); see reftels.', 4);
    const line = parseCable(text).cable.lines.findIndex((l) => l.includes('(refs)'));
    const lineText = parseCable(text).cable.lines[line];
    const onItem = (character: number) => prepareCallHierarchy(parseCable(text).cable, `${WS}09NOWHERE4.txt`, { line: 10, character }, index).map((i) => `${i.name} ${i.kind}`);
    const expected = [...onItem(7), ...onItem(25)];
    assert.deepEqual(expected, [`08ELSEWHERE99 ${SymbolKind.Null}`, `09NOWHERE1 ${SymbolKind.File}`]);
    for (const word of ['refs', 'reftels']) {
      const at = { line, character: lineText.indexOf(word) + 2 };
      const items = prepareCallHierarchy(parseCable(text).cable, `${WS}09NOWHERE4.txt`, at, index);
      assert.deepEqual(items.map((i) => `${i.name} ${i.kind}`), expected, word);
      // The absent cable stands at its citation, item A, as on the item itself.
      assert.deepEqual(items[0].range.start, { line: 10, character: 5 });
      // Expanding a root lists what the item's would: the callers of cable 1.
      assert.deepEqual(incoming(index, items[1]), incoming(index, prepare(index, '09NOWHERE2.txt', { line: 10, character: 6 })));
    }
    // In a cable whose items cite no cable, "(refs)" prepares the cable itself.
    const memos = cable(5, 'MEMOS', 'A. MEMORANDUM ONE B. MEMORANDUM TWO', 'See refs.', 5);
    const memoLine = parseCable(memos).cable.lines.findIndex((l) => l.includes('See refs'));
    assert.deepEqual(prepareCallHierarchy(parseCable(memos).cable, `${WS}09NOWHERE5.txt`, { line: memoLine, character: 12 }, index).map((i) => i.name), ['09NOWHERE5']);
    // The field's keyword, "REF:" on line 10, names every item as "(refs)" does: the same roots, from its first letter to its colon.
    for (const character of [0, 2, 4]) {
      const items = prepareCallHierarchy(parseCable(text).cable, `${WS}09NOWHERE4.txt`, { line: 10, character }, index);
      assert.deepEqual(items.map((i) => `${i.name} ${i.kind}`), expected, `REF: at ${character}`);
    }
    // Where the items cite no cable, the keyword prepares the cable itself, as "(refs)" does.
    assert.deepEqual(prepareCallHierarchy(parseCable(memos).cable, `${WS}09NOWHERE5.txt`, { line: 10, character: 1 }, index).map((i) => i.name), ['09NOWHERE5']);
  });

  it('prepares a cited cable no file holds as an item at the citation, said to be absent', () => {
    const item = prepare(index, '09NOWHERE3.txt', { line: 11, character: 10 });
    assert.deepEqual(
      { ...item },
      {
        name: '08ELSEWHERE99',
        kind: SymbolKind.Null,
        detail: 'not in the workspace',
        uri: `${WS}09NOWHERE3.txt`,
        range: { start: { line: 11, character: 5 }, end: { line: 11, character: 23 } },
        selectionRange: { start: { line: 11, character: 8 }, end: { line: 11, character: 23 } },
        data: { id: '08ELSEWHERE99', absent: true },
      },
    );
    // Its callers are the workspace cables that cite it; it cites nothing known.
    assert.deepEqual(incoming(index, item), ['09NOWHERE3 09NOWHERE3.txt 11:5', '09NOWHERE4 09NOWHERE4.txt 10:5 12:48']);
    assert.deepEqual(outgoing(index, item), []);
  });

  it('follows a chain both ways, in date order, every file of a cable filed twice, and one call per cable cited twice', () => {
    const first = prepare(index, '09NOWHERE1.txt', { line: 4, character: 0 });
    // A caller's REF items first, then its in-text references to them ("(refs B and C)": "refs B" and "C").
    assert.deepEqual(incoming(index, first), ['09NOWHERE2 09NOWHERE2.txt 10:5', '09NOWHERE3 09NOWHERE3.txt 10:21', '09NOWHERE4 09NOWHERE4.txt 10:24 10:40 12:18 12:29']);
    // The copy of cable 1 under another name is the same cable: the same callers; its detail names its file.
    const copy = prepare(index, 'copies/first.cable', { line: 4, character: 0 });
    assert.deepEqual([copy.name, copy.detail, first.detail], ['09NOWHERE1', 'first.cable · FERRY DUES', 'FERRY DUES']);
    assert.deepEqual(incoming(index, copy), incoming(index, first));
    const third = prepare(index, '09NOWHERE3.txt', { line: 4, character: 0 });
    // Cites 2 and 1 (the file named after it, of the two that hold it) and the absent 08ELSEWHERE99, in REF order.
    // "As reported (ref A)" in its text draws on cable 2 as well.
    assert.deepEqual(outgoing(index, third), ['09NOWHERE2 09NOWHERE2.txt 10:5 13:20', '09NOWHERE1 09NOWHERE1.txt 10:21', '08ELSEWHERE99 09NOWHERE3.txt 11:5']);
    assert.deepEqual(outgoing(index, prepare(index, '09NOWHERE4.txt', { line: 4, character: 0 })), ['08ELSEWHERE99 09NOWHERE4.txt 10:5 12:48', '09NOWHERE1 09NOWHERE1.txt 10:24 10:40 12:18 12:29']);
    // One step further: what 2 cites, from the item the first step gave.
    const two = getOutgoingCalls(third, index)[0].to;
    assert.deepEqual(outgoing(index, two), ['09NOWHERE1 09NOWHERE1.txt 10:5']);
    assert.deepEqual(incoming(index, getIncomingCalls(first, index)[0].from), ['09NOWHERE3 09NOWHERE3.txt 10:5 13:20']);
  });

  it('steps around a cycle and a cable citing itself, one step per request', () => {
    let item = prepare(index, '09NOWHERE10.txt', { line: 4, character: 0 });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      item = getOutgoingCalls(item, index)[0].to;
      seen.push(item.name);
    }
    assert.deepEqual(seen, ['09NOWHERE11', '09NOWHERE10', '09NOWHERE11', '09NOWHERE10']);
    assert.deepEqual(incoming(index, item), ['09NOWHERE11 09NOWHERE11.txt 10:5']);
    const self = prepare(index, '09NOWHERE20.txt', { line: 4, character: 0 });
    assert.deepEqual(incoming(index, self), ['09NOWHERE20 09NOWHERE20.txt 10:5']);
    assert.deepEqual(outgoing(index, self), ['09NOWHERE20 09NOWHERE20.txt 10:5']);
  });

  it('keeps in the index numbers only: eight for the banner place, eight for each REF item that cites a cable, four for each in-text reference to one', () => {
    const entry = index.get(`${WS}09NOWHERE3.txt`)!;
    assert.deepEqual(entry.refs, ['09NOWHERE2', '09NOWHERE1', '08ELSEWHERE99']);
    assert.deepEqual(entry.place, [4, 0, 4, 21, 4, 7, 4, 21]);
    assert.equal(entry.citations?.length, 8 * 3);
    assert.ok(entry.citations!.every((n) => Number.isInteger(n)));
    // "(ref A)": the first of `refs`, on line 13 from character 20 to 25.
    assert.deepEqual(entry.mentions, [0, 13, 20, 25]);
    // "see para 1" is a paragraph of the cable, not a citation.
    assert.deepEqual(index.get(`${WS}09NOWHERE4.txt`)!.mentions, [1, 12, 18, 24, 2, 12, 29, 30, 0, 12, 48, 53]);
    // No in-text reference, or none to a REF item that cites a cable: nothing kept.
    assert.deepEqual(index.get(`${WS}09NOWHERE2.txt`)!.mentions, []);
    assert.deepEqual(summarize(`${WS}x.txt`, parseCable('SUBJECT: X\nREF: A. YOUR EMAIL OF MAY 3\n\n1. (U) As in ref A.\n').cable).mentions, []);
  });

  it('names a cable by its file name when its text gives no id, and answers from the text at hand', () => {
    // A partial extract: no header, no banner serial; the file name gives the id, as the status item shows it.
    const extract = 'SUBJECT: FERRY DUES NOTED\nREF: A. 09 NOWHERE 2\n\n1. (U) Text.\n';
    const files = { ...FILES, '09NOWHERE30.txt': extract };
    const ws = workspace(files);
    const item = prepare(ws, '09NOWHERE30.txt', { line: 3, character: 2 }, extract);
    assert.equal(item.name, '09NOWHERE30');
    assert.deepEqual(item.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 25 } });
    assert.deepEqual(outgoing(ws, item), ['09NOWHERE2 09NOWHERE2.txt 1:5']);
    assert.deepEqual(incoming(ws, prepare(ws, '09NOWHERE2.txt', { line: 4, character: 0 })), ['09NOWHERE3 09NOWHERE3.txt 10:5 13:20', '09NOWHERE30 09NOWHERE30.txt 1:5']);
    // The text as edited, not as indexed: a REF item added gives the cited cable at once.
    const edited = 'SUBJECT: FERRY DUES NOTED\nREF: A. 09 NOWHERE 2 B. 09 NOWHERE 10\n\n1. (U) Text.\n';
    assert.equal(prepare(ws, '09NOWHERE30.txt', { line: 1, character: 25 }, edited).name, '09NOWHERE10');
    // A file whose name and text give no id: an item named after the file, which no cable can cite.
    const noId = prepare(ws, 'notes.cable', { line: 0, character: 0 }, 'SUBJECT: NOTES\n\n1. (U) Text.\n');
    assert.deepEqual([noId.name, noId.detail], ['notes.cable', 'NOTES']);
    assert.deepEqual(incoming(ws, noId), []);
  });
});
