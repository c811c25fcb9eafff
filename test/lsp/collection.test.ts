/**
 * `cable/collection` (custom, optional): one entry per cable of the workspace index, for the VS Code
 * client's Cables view, following files written and deleted and open cables' unsaved edits, which a
 * client that asks for the collection is told of (`cable/collectionChanged`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer } from './client';

interface Entry {
  uri: string;
  id: string | null;
  subject: string | null;
  date: string | null;
  classification: string | null;
  tags: string[];
  post: string | null;
}

// Invented cables: one with a transmission header, one with a date line only, one without a banner.
const HEADED = 'R 031322Z JUN 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: ECON PREL\nSUBJECT: FERRY DUES\n\nClassified By: Ambassador A. Person for reasons 1.4 (b).\n\n1. (C) Text.\n';
const DATED = 'UNCLAS BUENOS  AIRES 000007\n\nE.O. 12958: N/A\nTAGS: MARR\nSUBJECT: LIGHTHOUSE KEEPERS\n\n1. (U) Text.\n';
const BANNERLESS = 'E.O. 12958: N/A\nTAGS: ECON\nSUBJECT: NOTES ON FERRIES\n\n1. Text.\n';

describe('cable/collection', function () {
  this.timeout(40000);

  it('lists the indexed cables with their fields, and follows files written and deleted and an open cable\'s unsaved edit', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-collection-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), HEADED);
    fs.mkdirSync(path.join(ws, 'sub'));
    fs.writeFileSync(path.join(ws, 'sub', '08BUENOSAIRES7.txt'), DATED);
    fs.writeFileSync(path.join(ws, 'notes.cable'), BANNERLESS);
    // Not a cable file for the default globs.
    fs.writeFileSync(path.join(ws, 'README.txt'), 'Notes.\n');
    const client = await startServer(ws, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    const collection = async () => (await client.connection.sendRequest<Entry[]>('cable/collection')).sort((a, b) => (a.uri < b.uri ? -1 : 1));
    try {
      await client.waitFor('cable/indexed');
      assert.deepEqual(await collection(), [
        { uri: uri('09NOWHERE40.cable'), id: '09NOWHERE40', idFromFileName: false, subject: 'FERRY DUES', date: '2009-06-03T13:22:00Z', classification: 'CONFIDENTIAL', tags: ['ECON', 'PREL'], post: 'NOWHERE' },
        // No banner: no classification, none inferred; the id and the post are the file name's.
        { uri: uri('notes.cable'), id: null, idFromFileName: false, subject: 'NOTES ON FERRIES', date: null, classification: null, tags: ['ECON'], post: null },
        // No date in the text: the id comes from the file name, and the entry says so (the tooltip shows it); the post as the banner writes it.
        { uri: uri('sub/08BUENOSAIRES7.txt'), id: '08BUENOSAIRES7', idFromFileName: true, subject: 'LIGHTHOUSE KEEPERS', date: null, classification: 'UNCLASSIFIED', tags: ['MARR'], post: 'BUENOS AIRES' },
      ]);

      // A cable written to disk comes in, and goes when deleted.
      fs.writeFileSync(path.join(ws, '09NOWHERE41.cable'), HEADED.replace('000040', '000041').replace('FERRY DUES', 'FERRY DUES AGAIN'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09NOWHERE41.cable'), type: 1 }] });
      await client.waitFor('cable/indexed', (p: { count: number }) => p.count === 4);
      const written = (await collection()).find((e) => e.uri === uri('09NOWHERE41.cable'));
      assert.deepEqual([written?.id, written?.subject], ['09NOWHERE41', 'FERRY DUES AGAIN']);
      fs.rmSync(path.join(ws, '09NOWHERE41.cable'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09NOWHERE41.cable'), type: 3 }] });
      await client.waitFor('cable/indexed', (p: { count: number }) => p.count === 3);
      assert.ok(!(await collection()).some((e) => e.uri === uri('09NOWHERE41.cable')), 'the deleted cable is still listed');

      // An open cable edited and not saved: the collection has the editor's text, and the client is told.
      const name = '09NOWHERE40.cable';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'cable', version: 1, text: HEADED } });
      const edited = HEADED.replace('FERRY DUES', 'FERRY DUES RAISED').replace('031322Z JUN 09', '041000Z JUL 09').replace('C O N F I D E N T I A L', 'S E C R E T');
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: 2 }, contentChanges: [{ text: edited }] });
      await client.waitFor('cable/collectionChanged');
      const open = (await collection()).find((e) => e.uri === uri(name));
      assert.deepEqual([open?.subject, open?.date, open?.classification], ['FERRY DUES RAISED', '2009-07-04T10:00:00Z', 'SECRET']);
      // Closed without saving: back to the file on disk, and the client is told again.
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
      await client.waitFor('cable/collectionChanged');
      assert.equal((await collection()).find((e) => e.uri === uri(name))?.subject, 'FERRY DUES');
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('tells no client that has not asked for the collection about edits', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-collection-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), HEADED);
    const client = await startServer(ws);
    const uri = `file://${path.join(ws, '09NOWHERE40.cable')}`;
    try {
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: HEADED } });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: HEADED.replace('FERRY DUES', 'FERRY TOLLS') }] });
      // Diagnostics come after the edit (150 ms); the edit would be announced within 400 ms.
      await client.waitFor('textDocument/publishDiagnostics', (p: { version?: number }) => p.version === 2);
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(client.received('cable/collectionChanged'), []);
      // Asked, the collection has the edit all the same.
      const entries = await client.connection.sendRequest<Entry[]>('cable/collection');
      assert.equal(entries[0]?.subject, 'FERRY TOLLS');
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('answers cable/dropCitations with REF items for the workspace cables dropped, read from the drop\'s place', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-collection-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), HEADED);
    fs.mkdirSync(path.join(ws, 'sub'));
    fs.writeFileSync(path.join(ws, 'sub', '08BUENOSAIRES7.txt'), DATED);
    fs.writeFileSync(path.join(ws, 'README.txt'), 'Notes.\n');
    const client = await startServer(ws);
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    // The cable being written, open and not on disk, cites with CRLF line ends.
    const writing = 'C O N F I D E N T I A L NOWHERE 000050\r\n\r\nE.O. 12958: DECL: 06/03/2019\r\nTAGS: PREL\r\nSUBJECT: FERRY DUES AGAIN\r\n\r\nREF: A. STATE 1234\r\n\r\n\r\n1. (C) Text.\r\n';
    const drop = (line: number, character: number, uris: string[]) =>
      client.connection.sendRequest<{ text: string; kind: string } | null>('cable/dropCitations', { textDocument: { uri: uri('new.cable') }, position: { line, character }, uris });
    try {
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('new.cable'), languageId: 'cable', version: 1, text: writing } });
      // Under the REF item: the next items; the URI as VS Code escapes it, and a file no cable, left out.
      assert.deepEqual(await drop(7, 0, [uri('09NOWHERE40.cable'), uri('sub/08BUENOSAIRES7.txt').replace('/sub/', '/%73ub/'), uri('README.txt')]), { text: 'B. 09 NOWHERE 40\n' + 'C. 08 BUENOS AIRES 7', kind: 'refItems' });
      // In the text: the citation.
      assert.deepEqual(await drop(10, 7, [uri('09NOWHERE40.cable')]), { text: '09 NOWHERE 40', kind: 'citations' });
      // No cable among the files, a position past the end, and a malformed request: null, and the editor drops as it would.
      assert.equal(await drop(7, 0, [uri('README.txt'), uri('missing.cable')]), null);
      assert.deepEqual((await drop(99, 99, [uri('09NOWHERE40.cable')]))?.kind, 'citations');
      assert.equal(await client.connection.sendRequest('cable/dropCitations', { textDocument: { uri: uri('new.cable') }, uris: 'x' }), null);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
