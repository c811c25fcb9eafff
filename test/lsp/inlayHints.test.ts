/**
 * Inlay hints: the subject of a cited workspace cable after its REF citation, and the DE line's station address,
 * for the range asked, kept current as files are written and open cables edited (`workspace/inlayHint/refresh`),
 * and each off with its setting (`cable.inlayHints.*`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type TestClient } from './client';

interface Hint {
  position: { line: number; character: number };
  label: string;
  paddingLeft?: boolean;
  tooltip?: string | { kind: string; value: string };
}

// Invented cables. The cited one, filed twice: under its id's name and as a copy under another name.
const cited = (subject: string) =>
  `R 200900Z MAY 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 05/20/2019\nTAGS: ECON PREL\nSUBJECT: ${subject}\n\n1. (C) Text.\n`;
const SUBJECT = 'FERRY DUES RISE AGAIN AS THE HARBOR BOARD MEETS ON TUESDAY';
// Line 2 is the DE line; line 13 cites the cable above (A), line 14 one that is not in the workspace yet (B).
const CITING = [
  'VZCZCXYZ0041',
  'RR RUEHWEB',
  'DE RUEHFR #0041 1541400',
  'ZNR UUUUU ZZH',
  'R 031400Z JUN 09',
  'FM AMEMBASSY NOWHERE',
  'TO RUEHC/SECSTATE WASHDC 0001',
  'BT',
  'UNCLAS NOWHERE 000041',
  '',
  'E.O. 12958: N/A',
  'TAGS: ECON',
  'SUBJECT: FERRY DUES',
  'REF: A. 09 NOWHERE 40',
  '     B. 09 NOWHERE 44 (NOTAL)',
  '',
  '1. Text.',
  '',
].join('\n');
const LATER = 'UNCLAS NOWHERE 000044\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: PORT FEES\n\n1. Text.\n';
// A header whose station the dictionary does not know, and no REF field.
const UNKNOWN_STATION = 'VZCZCXYZ0050\nRR RUEHWEB\nDE RUEHQQQ #0050 1541500\nZNR UUUUU ZZH\nR 031500Z JUN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC 0002\nBT\nUNCLAS NOWHERE 000050\n\nTAGS: ECON\nSUBJECT: NOTHING CITED\n\n1. Text.\n';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('inlay hints', function () {
  this.timeout(60000);
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => `file://${path.join(ws, name)}`;
  const hints = (name: string, range = WHOLE) => client.connection.sendRequest<Hint[] | null>('textDocument/inlayHint', { textDocument: { uri: uri(name) }, range });
  const brief = async (name: string, range = WHOLE) => ((await hints(name, range)) ?? []).map((h) => `${h.position.line}:${h.position.character} ${h.label}`);
  const open = (name: string, text: string) => client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'cable', version: 1, text } });
  const refreshes = () => client.requests().filter((m) => m === 'workspace/inlayHint/refresh').length;
  // The refresh request follows the notification or edit that caused it: wait a while for it.
  const refreshedSince = async (count: number) => {
    const end = Date.now() + 5000;
    while (refreshes() === count && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    return refreshes() > count;
  };

  beforeEach(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-hints-'));
    fs.mkdirSync(path.join(ws, 'copies'));
    fs.writeFileSync(path.join(ws, 'copies', 'ferry notes.cable'), cited('FERRY DUES (A COPY)'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), cited(SUBJECT));
    fs.writeFileSync(path.join(ws, '09NOWHERE41.cable'), CITING);
    client = await startServer(ws, {
      workspace: { inlayHint: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
    });
    await client.waitFor('cable/indexed');
    // The index built at start asks for hints again too: counted before the tests count theirs.
    assert.ok(await refreshedSince(0), 'no workspace/inlayHint/refresh after the index was built');
    await open('09NOWHERE41.cable', CITING);
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it("gives a cited workspace cable's subject after its citation, with its id, date, classification, TAGS and file name, and none to a cable not in the workspace", async () => {
    // Opened, the file named after the cable is indexed again, after the copy: still the one taken.
    await open('09NOWHERE40.cable', cited(SUBJECT));
    const all = (await hints('09NOWHERE41.cable'))!;
    const subject = all.find((h) => h.position.line === 13);
    // The first definition: the file named after the cable, not the copy; cut at a word, with an ellipsis, within 40 characters.
    assert.deepEqual(subject, {
      position: { line: 13, character: 21 },
      label: 'FERRY DUES RISE AGAIN AS THE HARBOR…',
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: `**Cable 09NOWHERE40**\n\n**${SUBJECT}**\n\n20 May 2009, 0900Z · CONFIDENTIAL\n\nTAGS: ECON PREL\n\nFile: 09NOWHERE40.cable` },
    });
    // REF B (09NOWHERE44) is in no file of the workspace.
    assert.deepEqual(all.filter((h) => h.position.line === 14), []);
  });

  it('shows a hint once the cited file is written, and asks the client to refresh', async () => {
    assert.deepEqual(await brief('09NOWHERE41.cable', { start: { line: 14, character: 0 }, end: { line: 15, character: 0 } }), []);
    const before = refreshes();
    fs.writeFileSync(path.join(ws, '09NOWHERE44.cable'), LATER);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09NOWHERE44.cable'), type: 1 }] });
    await client.waitFor('cable/indexed');
    assert.ok(await refreshedSince(before), 'no workspace/inlayHint/refresh after the index changed');
    assert.deepEqual(await brief('09NOWHERE41.cable', { start: { line: 14, character: 0 }, end: { line: 15, character: 0 } }), ['14:21 PORT FEES']);
  });

  it('asks the client to refresh when an open cited cable is edited so that its subject changes', async () => {
    await open('09NOWHERE40.cable', cited(SUBJECT));
    const before = refreshes();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('09NOWHERE40.cable'), version: 2 }, contentChanges: [{ text: cited('HARBOR DUES') }] });
    // VS Code asks for the edited document's hints, which indexes the edit.
    await hints('09NOWHERE40.cable');
    assert.ok(await refreshedSince(before), 'no workspace/inlayHint/refresh after the subject changed');
    assert.deepEqual(await brief('09NOWHERE41.cable', { start: { line: 13, character: 0 }, end: { line: 13, character: 100 } }), ['13:21 HARBOR DUES']);
  });

  it("gives the DE line's station its dictionary address, and an unknown station or a cable without header or REF field nothing", async () => {
    const de = (await hints('09NOWHERE41.cable'))!.find((h) => h.position.line === 2)!;
    assert.equal(de.label, 'AMEMBASSY PARIS');
    assert.deepEqual(de.position, { line: 2, character: 9 });
    assert.match((de.tooltip as { value: string }).value, /^\*\*Routing indicator RUEHFR\*\*/);
    // Only the DE line: the TO line's RUEHC spells its address out already.
    assert.deepEqual((await brief('09NOWHERE41.cable')).filter((h) => !h.startsWith('13:')), ['2:9 AMEMBASSY PARIS']);
    await open('09NOWHERE50.cable', UNKNOWN_STATION);
    assert.deepEqual(await hints('09NOWHERE50.cable'), []);
    await open('scrap.cable', 'REF:\nDE\n((( \u0000 SUBJECT');
    assert.deepEqual(await hints('scrap.cable'), []);
  });

  it('gives only the hints whose position lies in the range asked', async () => {
    assert.deepEqual(await brief('09NOWHERE41.cable'), ['2:9 AMEMBASSY PARIS', '13:21 FERRY DUES RISE AGAIN AS THE HARBOR…']);
    assert.deepEqual(await brief('09NOWHERE41.cable', { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }), ['2:9 AMEMBASSY PARIS']);
    assert.deepEqual(await brief('09NOWHERE41.cable', { start: { line: 10, character: 0 }, end: { line: 14, character: 0 } }), ['13:21 FERRY DUES RISE AGAIN AS THE HARBOR…']);
    // The range ends before the end of the citation, where the hint stands.
    assert.deepEqual(await brief('09NOWHERE41.cable', { start: { line: 13, character: 0 }, end: { line: 13, character: 20 } }), []);
  });

  it('turns each kind off with its setting, asking the client to refresh, and gives them above cable.largeFileThreshold too', async () => {
    // This client gives its settings with didChangeConfiguration.
    const setting = async (cable: object) => {
      const before = refreshes();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable } });
      assert.ok(await refreshedSince(before), `no workspace/inlayHint/refresh after ${JSON.stringify(cable)}`);
    };
    await setting({ inlayHints: { refSubjects: false } });
    assert.deepEqual(await brief('09NOWHERE41.cable'), ['2:9 AMEMBASSY PARIS']);
    await setting({ inlayHints: { routingIndicators: false } });
    assert.deepEqual(await brief('09NOWHERE41.cable'), ['13:21 FERRY DUES RISE AGAIN AS THE HARBOR…']);
    // Above the threshold too: they cost a few microseconds once the parse is made, bounded by the REF field and the range.
    await setting({ largeFileThreshold: 100 });
    assert.deepEqual(await brief('09NOWHERE41.cable'), ['2:9 AMEMBASSY PARIS', '13:21 FERRY DUES RISE AGAIN AS THE HARBOR…']);
    // The threshold back at its default changes no hint, so the client is not asked to refresh them.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: {} } });
    assert.equal((await brief('09NOWHERE41.cable')).length, 2);
  });
});

describe('inlay hints under settings asked with workspace/configuration', function () {
  this.timeout(30000);

  it('reads cable.inlayHints from the answer, and gives plain-text tooltips to a client whose hovers are plain text', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-hints-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), cited('FERRY DUES'));
    const client = await startServer(ws, { workspace: { configuration: true } }, [], { inlayHints: { routingIndicators: false } });
    try {
      await client.waitFor('cable/indexed');
      const name = `file://${path.join(ws, '09NOWHERE41.cable')}`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: name, languageId: 'cable', version: 1, text: CITING } });
      const got = await client.connection.sendRequest<Hint[]>('textDocument/inlayHint', { textDocument: { uri: name }, range: WHOLE });
      assert.deepEqual(
        got.map((h) => [h.label, h.tooltip]),
        [['FERRY DUES', 'Cable 09NOWHERE40\n\nFERRY DUES\n\n20 May 2009, 0900Z · CONFIDENTIAL\n\nTAGS: ECON PREL\n\nFile: 09NOWHERE40.cable']],
      );
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
