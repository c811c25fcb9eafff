/**
 * The call hierarchy over stdio: the citation graph of closed cables (the index, read from disk) and of an open
 * one (the editor's text, saved or not), one step per request.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer } from './client';

interface Item {
  name: string;
  kind: number;
  detail?: string;
  uri: string;
  range: { start: { line: number; character: number } };
  data?: unknown;
}
interface Incoming {
  from: Item;
  fromRanges: { start: { line: number; character: number } }[];
}
interface Outgoing {
  to: Item;
  fromRanges: { start: { line: number; character: number } }[];
}

// Invented cables of NOWHERE: 40 is cited by 41 on disk; 42, open and edited, cites 40, 41 and a cable no file holds.
const cable = (serial: number, subject: string, refs: string) =>
  `UNCLAS NOWHERE 0000${serial}\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: ${subject}\n${refs ? `REF: ${refs}\n` : ''}\n1. (U) Text.\n`;

describe('call hierarchy over stdio', function () {
  this.timeout(30000);

  it('answers incoming (cited by) and outgoing (cites) calls for closed cables from the index and for an open one as edited', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-hier-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), cable(40, 'FERRY DUES', ''));
    fs.writeFileSync(path.join(ws, '09NOWHERE41.cable'), cable(41, 'FERRY DUES RAISED', 'A. 09 NOWHERE 40'));
    // On disk, 42 cites nothing; the editor's text cites 40, 41 and 08ELSEWHERE99.
    fs.writeFileSync(path.join(ws, '09NOWHERE42.cable'), cable(42, 'DRAFT', ''));
    const client = await startServer(ws, {});
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    const send = <T>(method: string, params: object) => client.connection.sendRequest<T>(method, params);
    try {
      assert.equal(client.initialized.capabilities.callHierarchyProvider, true);
      await client.waitFor('cable/indexed');
      const open = cable(42, 'DRAFT', 'A. 09 NOWHERE 40 B. 09 NOWHERE 41 C. 08 ELSEWHERE 99');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('09NOWHERE42.cable'), languageId: 'cable', version: 1, text: open } });

      // On REF A of the open cable: the cited cable, closed, at its banner.
      const [forty] = await send<Item[]>('textDocument/prepareCallHierarchy', { textDocument: { uri: uri('09NOWHERE42.cable') }, position: { line: 5, character: 8 } });
      assert.deepEqual([forty.name, forty.detail, forty.uri, forty.range.start], ['09NOWHERE40', 'FERRY DUES', uri('09NOWHERE40.cable'), { line: 0, character: 0 }]);
      const cites40 = async () => (await send<Incoming[]>('callHierarchy/incomingCalls', { item: forty })).map((c) => `${c.from.name} ${c.fromRanges.map((r) => `${r.start.line}:${r.start.character}`).join(' ')}`);
      // Cited by 41 on disk and by 42 as the editor has it, unsaved.
      assert.deepEqual(await cites40(), ['09NOWHERE41 5:5', '09NOWHERE42 5:5']);

      // On the banner of the open cable: the cable itself; it cites 40, 41 and a cable no file holds, placed at its citation.
      const [own] = await send<Item[]>('textDocument/prepareCallHierarchy', { textDocument: { uri: uri('09NOWHERE42.cable') }, position: { line: 0, character: 3 } });
      assert.equal(own.name, '09NOWHERE42');
      const out = await send<Outgoing[]>('callHierarchy/outgoingCalls', { item: own });
      assert.deepEqual(out.map((c) => [c.to.name, c.to.uri, c.to.detail, c.fromRanges[0].start.character]), [
        ['09NOWHERE40', uri('09NOWHERE40.cable'), 'FERRY DUES', 5],
        ['09NOWHERE41', uri('09NOWHERE41.cable'), 'FERRY DUES RAISED', 22],
        ['08ELSEWHERE99', uri('09NOWHERE42.cable'), 'not in the workspace', 39],
      ]);
      // One step further from what the first step gave: 41 cites 40, and 40 cites nothing.
      assert.deepEqual((await send<Outgoing[]>('callHierarchy/outgoingCalls', { item: out[1].to })).map((c) => c.to.name), ['09NOWHERE40']);
      assert.deepEqual(await send<Outgoing[]>('callHierarchy/outgoingCalls', { item: out[0].to }), []);

      // The open cable edited so that it no longer cites 40: 40's callers follow the edit.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uri('09NOWHERE42.cable'), version: 2 },
        contentChanges: [{ text: cable(42, 'DRAFT', 'A. 09 NOWHERE 41') }],
      });
      assert.deepEqual(await cites40(), ['09NOWHERE41 5:5']);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
