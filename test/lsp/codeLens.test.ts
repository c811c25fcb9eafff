/**
 * The banner's code lens: how many workspace cables cite this one, kept current as files change
 * and open cables are edited (`workspace/codeLens/refresh`), and off with `cable.codeLens.citingCables`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer } from './client';

interface Lens {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

// Invented cables: the first is cited by the second (REF A) and, once written, by the third.
const CITED = 'UNCLAS NOWHERE 000040\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FERRY DUES\n\n1. Text.\n';
const citing = (serial: number) => `UNCLAS NOWHERE 0000${serial}\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FERRY DUES AGAIN\nREF: A. 09 NOWHERE 40\n\n1. Text.\n`;

describe('code lens on the banner', function () {
  this.timeout(30000);

  it('counts the cables citing this one, follows files written and settings, and shows none for a cable no other cites', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-lens-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), CITED);
    fs.writeFileSync(path.join(ws, '09NOWHERE41.cable'), citing(41));
    const client = await startServer(ws, { workspace: { codeLens: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } });
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    const lenses = (name: string) => client.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri: uri(name) } });
    const refreshes = () => client.requests().filter((m) => m === 'workspace/codeLens/refresh').length;
    // The refresh request follows the notification or setting that caused it: wait a while for it.
    const refreshedSince = async (count: number) => {
      const end = Date.now() + 5000;
      while (refreshes() === count && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      return refreshes() > count;
    };
    try {
      await client.waitFor('cable/indexed');
      for (const [name, text] of [['09NOWHERE40.cable', CITED], ['09NOWHERE41.cable', citing(41)]]) {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'cable', version: 1, text } });
      }
      assert.deepEqual(await lenses('09NOWHERE40.cable'), [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } },
          command: { title: 'Cited by 1 cable', command: 'cable.showCitingCables', arguments: [uri('09NOWHERE40.cable')] },
        },
      ]);
      // No cable cites the citing one: no lens rather than "Cited by 0 cables".
      assert.deepEqual(await lenses('09NOWHERE41.cable'), []);

      // A copy of the citing cable (PlusD's name for it) is the same cable: the count stays.
      fs.writeFileSync(path.join(ws, '2009NOWHERE41.cable'), citing(41));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('2009NOWHERE41.cable'), type: 1 }] });
      await client.waitFor('cable/indexed', (p: { count: number }) => p.count === 3);
      assert.deepEqual((await lenses('09NOWHERE40.cable')).map((l) => l.command?.title), ['Cited by 1 cable']);
      fs.rmSync(path.join(ws, '2009NOWHERE41.cable'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('2009NOWHERE41.cable'), type: 3 }] });
      await client.waitFor('cable/indexed', (p: { count: number }) => p.count === 2);

      // A third citing cable written to disk: the client is asked for its lenses again, and the count has grown.
      const before = refreshes();
      fs.writeFileSync(path.join(ws, '09NOWHERE42.cable'), citing(42));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09NOWHERE42.cable'), type: 1 }] });
      await client.waitFor('cable/indexed');
      assert.ok(await refreshedSince(before), 'no workspace/codeLens/refresh after the index changed');
      assert.deepEqual((await lenses('09NOWHERE40.cable')).map((l) => l.command?.title), ['Cited by 2 cables']);

      // An open cable edited so that it cites no more: the count drops, and the client is asked for every lens again
      // (VS Code asks again by itself only for the document edited).
      const edited = refreshes();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('09NOWHERE41.cable'), version: 2 }, contentChanges: [{ text: CITED.replace('000040', '000041') }] });
      assert.deepEqual((await lenses('09NOWHERE41.cable')).map((l) => l.command?.title), []);
      assert.ok(await refreshedSince(edited), 'no workspace/codeLens/refresh after an open cable stopped citing');
      assert.deepEqual((await lenses('09NOWHERE40.cable')).map((l) => l.command?.title), ['Cited by 1 cable']);

      // Turned off (this client gives its settings with didChangeConfiguration): no lens, and the client is told.
      const off = refreshes();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { codeLens: { citingCables: false } } } });
      assert.ok(await refreshedSince(off), 'no workspace/codeLens/refresh after the setting changed');
      assert.deepEqual(await lenses('09NOWHERE40.cable'), []);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('counts the cables citing a cable without a banner, whose file name gives its id, at its first line, where Find References lists them', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-lens-'));
    // A partial extract with a header but no banner: its id is its file name's, and the cable above cites it.
    const bannerless = 'R 010800Z DEC 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FERRY DUES\n\n1. Text.\n';
    fs.writeFileSync(path.join(ws, '09NOWHERE40.txt'), bannerless);
    fs.writeFileSync(path.join(ws, '09NOWHERE41.cable'), citing(41));
    const client = await startServer(ws);
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    try {
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('09NOWHERE40.txt'), languageId: 'cable', version: 1, text: bannerless } });
      assert.deepEqual(await client.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri: uri('09NOWHERE40.txt') } }), [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } },
          command: { title: 'Cited by 1 cable', command: 'cable.showCitingCables', arguments: [uri('09NOWHERE40.txt')] },
        },
      ]);
      // What Show Cables Citing This One asks there: the REF item citing it.
      const references = await client.connection.sendRequest<{ uri: string; range: Lens['range'] }[]>('textDocument/references', {
        textDocument: { uri: uri('09NOWHERE40.txt') },
        position: { line: 0, character: 0 },
        context: { includeDeclaration: false },
      });
      assert.deepEqual(references.map((r) => [r.uri, r.range.start.line]), [[uri('09NOWHERE41.cable'), 5]]);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('runs a command of the server in a client that opens documents but has no command of its own: it opens the citing cable, or the one picked of several', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-lens-open-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), CITED);
    fs.writeFileSync(path.join(ws, '09NOWHERE41.cable'), citing(41));
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    const asked: { method: string; params: unknown }[] = [];
    // The user picks the second cable listed, then dismisses the list.
    const picks: unknown[] = [{ title: '09NOWHERE42: FERRY DUES AGAIN' }, null];
    const answer = (method: string, params: unknown) => {
      asked.push({ method, params });
      return method === 'window/showMessageRequest' ? picks.shift() : method === 'window/showDocument' ? { success: true } : null;
    };
    // Neovim 0.10 and later, Helix: documents opened on the server's word (window/showDocument), no cable.showCitingCables.
    const client = await startServer(ws, { window: { showDocument: { support: true } } }, [], answer);
    // VS Code: its own command, which the server neither names as its own nor replaces.
    const vscode = await startServer(ws, { window: { showDocument: { support: true } } }, [], undefined, { workspaceFolders: [{ uri: `file://${ws}`, name: 'ws' }], initializationOptions: { showCitingCables: true } });
    try {
      await Promise.all([client.waitFor('cable/indexed'), vscode.waitFor('cable/indexed')]);
      const commands = (c: typeof client) => (c.initialized.capabilities.executeCommandProvider as { commands: string[] } | undefined)?.commands ?? [];
      assert.ok(commands(client).includes('cable.openCitingCable'));
      assert.ok(!commands(vscode).includes('cable.openCitingCable'));
      for (const c of [client, vscode]) await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('09NOWHERE40.cable'), languageId: 'cable', version: 1, text: CITED } });
      const lens = async (c: typeof client) => (await c.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri: uri('09NOWHERE40.cable') } }))[0].command!;
      assert.equal((await lens(vscode)).command, 'cable.showCitingCables');
      const one = await lens(client);
      assert.deepEqual(one, { title: 'Cited by 1 cable', command: 'cable.openCitingCable', arguments: [uri('09NOWHERE40.cable')] });
      // One citing cable: opened at its REF item, with no question.
      assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: one.command, arguments: one.arguments }), null);
      assert.deepEqual(asked, [{ method: 'window/showDocument', params: { uri: uri('09NOWHERE41.cable'), takeFocus: true, selection: { start: { line: 5, character: 5 }, end: { line: 5, character: 21 } } } }]);
      asked.length = 0;

      // Two: the user is asked which, by id and subject, and the one picked is opened.
      fs.writeFileSync(path.join(ws, '09NOWHERE42.cable'), citing(42));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09NOWHERE42.cable'), type: 1 }] });
      await client.waitFor('cable/indexed', (p: { count: number }) => p.count === 3);
      const two = await lens(client);
      assert.equal(two.title, 'Cited by 2 cables');
      await client.connection.sendRequest('workspace/executeCommand', { command: two.command, arguments: two.arguments });
      assert.deepEqual(asked.map((a) => a.method), ['window/showMessageRequest', 'window/showDocument']);
      assert.deepEqual(asked[0].params, { type: 3, message: 'Cited by 2 cables: open which one?', actions: [{ title: '09NOWHERE41: FERRY DUES AGAIN' }, { title: '09NOWHERE42: FERRY DUES AGAIN' }] });
      assert.equal((asked[1].params as { uri: string }).uri, uri('09NOWHERE42.cable'));
      asked.length = 0;
      // The list dismissed: nothing opens.
      await client.connection.sendRequest('workspace/executeCommand', { command: two.command, arguments: two.arguments });
      assert.deepEqual(asked.map((a) => a.method), ['window/showMessageRequest']);
    } finally {
      await Promise.all([client.stop(), vscode.stop()]);
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

