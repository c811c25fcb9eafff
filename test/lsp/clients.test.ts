/**
 * What the server sends follows what each client declares, as editors other
 * than VS Code declare it (test/editors runs the real ones): hover content
 * in the format the client lists first.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { startServer, type TestClient } from './client';
import { ROOT } from '../helpers';

interface Hover {
  contents: { kind: string; value: string };
}

// "SMITH_JONES *DRAFT* [NOTES]" would be formatting in Markdown, so a Markdown hover escapes it.
const TEXT = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. SMITH_JONES *DRAFT* [NOTES] E-MAIL\n\n¶1. (U) Text.\n';

describe('language server and the formats a client declares', function () {
  this.timeout(30000);

  /** The hovers on "PREL" and on the REF item, from a server started with these hover capabilities. */
  async function hovers(hover: object | undefined): Promise<[Hover, Hover]> {
    const client: TestClient = await startServer(undefined, hover ? { textDocument: { hover } } : {});
    try {
      const uri = 'file:///clients/a.cable';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: TEXT } });
      const at = (line: number, character: number) => client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      return [await at(2, 7), await at(5, 12)];
    } finally {
      await client.stop();
    }
  }

  it('answers hover in plain text to a client that takes only plain text (eglot without markdown-mode)', async () => {
    const [tag, ref] = await hovers({ contentFormat: ['plaintext'] });
    assert.equal(tag.contents.kind, 'plaintext');
    // The title and the sources without ** and *, a link as its address, the cable's text without backslashes.
    assert.match(tag.contents.value, /^TAG PREL\n\nPREL: subject TAG, category P/);
    assert.match(tag.contents.value, /\n---\nSources: [^*[\]]+ · https:\/\/github\.com\/heuer\/cablemap\/[^*[\]]+$/);
    assert.equal(ref.contents.kind, 'plaintext');
    assert.equal(ref.contents.value, 'REF A\n\nReference: SMITH_JONES *DRAFT* [NOTES] E-MAIL');
  });

  it('answers hover in plain text when the client names no format, and in the one it lists first', async () => {
    assert.equal((await hovers(undefined))[0].contents.kind, 'plaintext');
    assert.equal((await hovers({ contentFormat: ['plaintext', 'markdown'] }))[0].contents.kind, 'plaintext');
  });

  it('answers hover in Markdown to a client that lists Markdown first (VS Code, Neovim, eglot with markdown-mode)', async () => {
    const [tag, ref] = await hovers({ contentFormat: ['markdown', 'plaintext'] });
    assert.equal(tag.contents.kind, 'markdown');
    assert.match(tag.contents.value, /^\*\*TAG PREL\*\*\n\n/);
    assert.equal(ref.contents.value, '**REF A**\n\nReference: SMITH\\_JONES \\*DRAFT\\* \\[NOTES\\] E-MAIL');
  });

  it('offers the next REF item with a citation to fill in only to a client that takes snippets', async () => {
    /** The items under the REF field's last item, from a server started with these completion-item capabilities. */
    async function refItems(completionItem: object) {
      const client: TestClient = await startServer(undefined, { textDocument: { completion: { completionItem } } });
      try {
        const uri = 'file:///clients/b.cable';
        const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 7\n\n';
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
        return await client.connection.sendRequest<{ label: string; insertTextFormat?: number; textEdit: { newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } });
      } finally {
        await client.stop();
      }
    }
    assert.deepEqual((await refItems({ snippetSupport: true })).map((i) => [i.label, i.textEdit.newText, i.insertTextFormat ?? 1]), [
      ['B.', 'B. ', 1],
      ['B. NOWHERE NNN', 'B. ${1:NOWHERE} ${2:NNN}', 2],
    ]);
    assert.deepEqual((await refItems({})).map((i) => i.label), ['B.']);
  });

  it('offers a new banner\'s serial from the document\'s file name, else a placeholder to a client that takes snippets', async () => {
    /** The items after the banner's post and a space typed, in a document named `name`. */
    async function serialItems(name: string, completionItem: object) {
      const client: TestClient = await startServer(undefined, { textDocument: { completion: { completionItem } } });
      try {
        const uri = `file:///clients/${name}`;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: 'C O N F I D E N T I A L NOWHERE ' } });
        return await client.connection.sendRequest<{ label: string; insertTextFormat?: number; textEdit: { newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 32 }, context: { triggerKind: 2, triggerCharacter: ' ' } });
      } finally {
        await client.stop();
      }
    }
    assert.deepEqual((await serialItems('26NOWHERE412.cable', { snippetSupport: true })).map((i) => [i.label, i.textEdit.newText, i.insertTextFormat ?? 1]), [['000412', '000412', 1]]);
    assert.deepEqual((await serialItems('draft.cable', { snippetSupport: true })).map((i) => [i.label, i.textEdit.newText, i.insertTextFormat ?? 1]), [['000001', '${1:000001}', 2]]);
    assert.deepEqual((await serialItems('draft.cable', {})).map((i) => [i.label, i.textEdit.newText, i.insertTextFormat ?? 1]), [['000001', '000001', 1]]);
  });

  it('gives a REF citation\'s documentation in plain text to a client that does not put Markdown first, listed or resolved, or naming no format takes plain hovers', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-docs-'));
    fs.writeFileSync(path.join(ws, '05KIEV4590.cable'), 'R 010800Z MAR 05\n\nUNCLAS KIEV 004590\n\nE.O. 12958: N/A\nTAGS: EAGR\nSUBJECT: GRAIN_EXPORTS *DRAFT*\n');
    /** The documentation of the citation of the Kiev cable after "REF: A. ", listed or, when the client resolves it, resolved. */
    async function citationDocs(completionItem: object, hover?: object): Promise<unknown> {
      const client = await startServer(ws, { textDocument: { completion: { completionItem }, ...(hover ? { hover } : {}) } });
      try {
        await client.waitFor('cable/indexed');
        const uri = `file://${ws}/citing.cable`;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: 'UNCLAS NOWHERE 000019\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: PILOT BOATS\n\nREF: A. \n' } });
        const items = await client.connection.sendRequest<{ label: string; documentation?: unknown }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 8 } });
        const kiev = items.find((i) => i.label === '05 KIEV 4590');
        return kiev?.documentation ?? (await client.connection.sendRequest<{ documentation?: unknown }>('completionItem/resolve', kiev)).documentation;
      } finally {
        await client.stop();
      }
    }
    try {
      const resolving = { resolveSupport: { properties: ['documentation'] } };
      // The subject without the escapes Markdown needs, and the title without its asterisks.
      const plain = { kind: 'plaintext', value: 'Cable 05KIEV4590\n\nGRAIN_EXPORTS *DRAFT*\n\n1 March 2005, 0800Z · UNCLASSIFIED\n\nTAGS: EAGR\n\nFile: 05KIEV4590.cable' };
      assert.deepEqual(await citationDocs({ documentationFormat: ['plaintext'] }), plain);
      assert.deepEqual(await citationDocs({ ...resolving, documentationFormat: ['plaintext', 'markdown'] }), plain);
      assert.deepEqual(await citationDocs({}), plain);
      // A client that names no documentation format takes the format of its hovers (eglot with markdown-mode).
      assert.equal(((await citationDocs(resolving, { contentFormat: ['markdown', 'plaintext'] })) as { kind: string }).kind, 'markdown');
      assert.deepEqual(await citationDocs(resolving, { contentFormat: ['plaintext'] }), plain);
      const markdown = await citationDocs({ ...resolving, documentationFormat: ['markdown', 'plaintext'] });
      assert.deepEqual(markdown, { kind: 'markdown', value: '**Cable 05KIEV4590**\n\n**GRAIN\\_EXPORTS \\*DRAFT\\***\n\n1 March 2005, 0800Z · UNCLASSIFIED\n\nTAGS: EAGR\n\nFile: 05KIEV4590.cable' });
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('opens the next list after a field\'s keyword only for a client that offers to run editor.action.triggerSuggest (VS Code)', async () => {
    /** The items on the line under the E.O. line, from a server started with these initialization options. */
    async function fieldItems(initializationOptions?: object) {
      const client: TestClient = await startServer(undefined, {}, [], undefined, { workspaceFolders: [], initializationOptions });
      try {
        const uri = 'file:///clients/fields.cable';
        const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 13526: DECL: 01/01/2036\n\n';
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
        return await client.connection.sendRequest<{ label: string; command?: { command: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
      } finally {
        await client.stop();
      }
    }
    const vscode = await fieldItems({ suggestAgain: true });
    assert.deepEqual(vscode.filter((i) => i.label === 'TAGS:' || i.label === 'SUBJECT:').map((i) => [i.label, i.command?.command]), [['TAGS:', 'editor.action.triggerSuggest'], ['SUBJECT:', undefined]]);
    // Another client would send the command to the server, which knows none.
    assert.ok((await fieldItems()).every((i) => i.command === undefined));
  });

  it('sends label details only to a client that declares labelDetailsSupport, and the description in the detail otherwise', async () => {
    /** The TAG items after "TAGS: ", from a server started with these completion-item capabilities. */
    async function tagItems(completionItem: object) {
      const client: TestClient = await startServer(undefined, { textDocument: { completion: { completionItem } } });
      try {
        const uri = 'file:///clients/tags.cable';
        const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: \nSUBJECT: X\n';
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
        const items = await client.connection.sendRequest<{ label: string; detail?: string; labelDetails?: { description?: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 6 } });
        return items.find((i) => i.label === 'PGOV');
      } finally {
        await client.stop();
      }
    }
    // LSP 3.17: a client that does not declare it got labelDetails, which it may drop, and with them the TAG's meaning.
    const plain = await tagItems({});
    assert.equal(plain?.labelDetails, undefined);
    assert.equal(plain?.detail, 'subject TAG (P) — Internal Governmental Affairs');
    const shown = await tagItems({ labelDetailsSupport: true });
    assert.deepEqual(shown?.labelDetails, { description: 'Internal Governmental Affairs' });
    assert.equal(shown?.detail, 'subject TAG (P)');
  });

  it('gives a client without code action literals each action as a command that applies its edit, and one that applies no edit none', async () => {
    // "PREL" twice, and ¶3 after ¶1.
    const text = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL, PREL\nSUBJECT: X\n\n¶1. (U) Text.\n\n¶3. (U) More.\n';
    const uri = 'file:///clients/fixes.cable';
    const edit = { changes: { [uri]: [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 16 } }, newText: '' }] } };
    type Command = { title: string; command: string; arguments: unknown[] };
    const applied: unknown[] = [];
    const actionsOf = async (capabilities: object) => {
      const client = await startServer(undefined, capabilities, [], (method, params) => {
        if (method !== 'workspace/applyEdit') return null;
        applied.push(params);
        return { applied: true };
      });
      try {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
        const { diagnostics } = await client.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
        const all = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
        const actions = await client.connection.sendRequest<Command[]>('textDocument/codeAction', { textDocument: { uri }, range: all, context: { diagnostics } });
        const remove = actions.find((a) => a.title === 'Remove the repeated PREL');
        if (remove) await client.connection.sendRequest('workspace/executeCommand', { command: remove.command, arguments: remove.arguments });
        return { provider: client.initialized.capabilities.executeCommandProvider, actions };
      } finally {
        await client.stop();
      }
    };
    const commands = await actionsOf({ workspace: { applyEdit: true }, textDocument: { codeAction: {} } });
    assert.deepEqual(commands.provider, { commands: ['cable.applyCodeActionEdit'] });
    // The draft has no E.O. line: CBL012's fix, which writes its keyword, comes as a command too.
    assert.deepEqual(commands.actions.map((a) => [a.title, a.command, Object.keys(a).sort().join()]), [
      ["Insert the line 'E.O. 13526:'", 'cable.applyCodeActionEdit', 'arguments,command,title'],
      ['Remove the repeated PREL', 'cable.applyCodeActionEdit', 'arguments,command,title'],
      ['Renumber paragraph 3 as 2', 'cable.applyCodeActionEdit', 'arguments,command,title'],
      ['Fix all safe cable problems', 'cable.applyCodeActionEdit', 'arguments,command,title'],
    ]);
    assert.deepEqual(applied, [{ label: 'Remove the repeated PREL', edit }]);
    const none = await actionsOf({ textDocument: { codeAction: {} } });
    assert.deepEqual([none.provider, none.actions], [undefined, []]);
  });

  it('indexes the workspace for a client that takes work-done progress but refuses to create one, or never answers', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-progress-'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), path.join(ws, '09VALLETTA412.cable'));
    const capabilities = { window: { workDoneProgress: true } };
    const refusing = (method: string) => (method === 'window/workDoneProgress/create' ? new ResponseError(-32603, 'No progress here.') : null);
    const starts = [() => startServer(ws, capabilities, [], refusing), () => startServer(ws, capabilities, ['window/workDoneProgress/create'])];
    for (const startClient of starts) {
      const client = await startClient();
      try {
        assert.deepEqual(await client.waitFor('cable/indexed', undefined, 10000), { count: 1 });
        assert.equal(client.received('$/progress').length, 0);
      } finally {
        await client.stop();
      }
    }
    fs.rmSync(ws, { recursive: true, force: true });
  });
});
