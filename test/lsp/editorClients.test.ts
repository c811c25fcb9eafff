/**
 * The standalone server (`cable-language-server --stdio`) with the capabilities editors other than VS Code declare
 * (issue #7: standard LSP only, extras optional). Each profile is shaped after what its editor's client declares, in the
 * parts the server reads, not copied from it; test/editors runs the real Neovim 0.7 and Emacs 28 with eglot 1.9. Every feature answers in a form the client
 * declared it takes, and the server sends no request the client did not declare.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { CODE_ACTION_LITERALS, startServer, type TestClient } from './client';

/** Every kind of symbol and completion item LSP 3.17 names. */
const ALL_SYMBOL_KINDS = Array.from({ length: 26 }, (_, i) => i + 1);
const ALL_COMPLETION_KINDS = Array.from({ length: 25 }, (_, i) => i + 1);

interface Profile {
  readonly name: string;
  readonly capabilities: Caps;
  /** Whether the client opens a folder as its root (workspace folders and rootUri), or none (rootUri null). */
  readonly folder: boolean;
}

/** The capabilities the server reads, typed loosely as a client sends them. */
interface Caps {
  general?: { positionEncodings?: string[] };
  workspace?: {
    applyEdit?: boolean;
    configuration?: boolean;
    workspaceFolders?: boolean;
    didChangeWatchedFiles?: { dynamicRegistration?: boolean };
    workspaceEdit?: { documentChanges?: boolean; resourceOperations?: string[] };
    codeLens?: { refreshSupport?: boolean };
    inlayHint?: { refreshSupport?: boolean };
  };
  textDocument?: {
    hover?: { contentFormat?: string[] };
    completion?: { completionItem?: { snippetSupport?: boolean; documentationFormat?: string[]; insertReplaceSupport?: boolean; resolveSupport?: { properties: string[] } }; completionItemKind?: { valueSet?: number[] } };
    documentSymbol?: { hierarchicalDocumentSymbolSupport?: boolean; symbolKind?: { valueSet?: number[] } };
    foldingRange?: { lineFoldingOnly?: boolean };
    codeAction?: object;
    rename?: { prepareSupport?: boolean };
    semanticTokens?: object;
    publishDiagnostics?: object;
  };
  window?: { workDoneProgress?: boolean; showDocument?: { support: boolean } };
}

const PROFILES: Profile[] = [
  {
    // Neovim 0.11, vim.lsp.protocol.make_client_capabilities() (on Linux, where it registers no file watcher).
    name: 'Neovim 0.11',
    folder: true,
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-16', 'utf-32'] },
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false }, workspaceEdit: { documentChanges: true, resourceOperations: ['rename', 'create', 'delete'] }, inlayHint: { refreshSupport: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['additionalTextEdits'] } }, completionItemKind: { valueSet: ALL_COMPLETION_KINDS } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: ALL_SYMBOL_KINDS } },
        foldingRange: { lineFoldingOnly: true },
        codeAction: { ...CODE_ACTION_LITERALS, isPreferredSupport: true, dataSupport: true },
        rename: { prepareSupport: true },
        semanticTokens: { requests: { range: false, full: { delta: true } }, formats: ['relative'], multilineTokenSupport: false, overlappingTokenSupport: true, tokenTypes: [], tokenModifiers: [] },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    },
  },
  {
    // After Helix: UTF-8 offered first, Markdown hovers only, a file watcher registered; and no outline hierarchy or
    // item kinds named, which the server must handle from any client.
    name: 'Helix',
    folder: true,
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-32', 'utf-16'] },
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] }, inlayHint: { refreshSupport: false } },
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } }, completionItemKind: {} },
        documentSymbol: {},
        codeAction: { ...CODE_ACTION_LITERALS, isPreferredSupport: true, disabledSupport: true },
        rename: { prepareSupport: true },
        publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } },
      },
      window: { workDoneProgress: true },
    },
  },
  {
    // Emacs 30's eglot without markdown-mode or yasnippet: plain text, no snippets, UTF-32 offered first.
    name: 'Emacs eglot',
    folder: true,
    capabilities: {
      general: { positionEncodings: ['utf-32', 'utf-8', 'utf-16'] },
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: {
        hover: { contentFormat: ['plaintext'] },
        completion: { completionItem: { snippetSupport: false, resolveSupport: { properties: ['documentation', 'details', 'additionalTextEdits'] } }, completionItemKind: {} },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: ALL_SYMBOL_KINDS } },
        codeAction: { ...CODE_ACTION_LITERALS, isPreferredSupport: true },
        rename: {},
        publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: false },
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    },
  },
  {
    // Sublime Text's LSP package, a single file opened with no folder.
    name: 'Sublime LSP (no folder)',
    folder: false,
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-16'] },
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true }, completionItemKind: { valueSet: ALL_COMPLETION_KINDS } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: ALL_SYMBOL_KINDS } },
        foldingRange: { lineFoldingOnly: true },
        codeAction: CODE_ACTION_LITERALS,
        rename: { prepareSupport: true },
        semanticTokens: { requests: { range: true, full: { delta: true } }, formats: ['relative'], multilineTokenSupport: true, overlappingTokenSupport: false, tokenTypes: [], tokenModifiers: [] },
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    },
  },
  {
    // Kate: no position encodings named, no file watcher, progress shown.
    name: 'Kate',
    folder: true,
    capabilities: {
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, completionItemKind: {} },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: {} },
        codeAction: CODE_ACTION_LITERALS,
        rename: { prepareSupport: true },
      },
      window: { workDoneProgress: true },
    },
  },
  {
    // Zed: UTF-16 only.
    name: 'Zed',
    folder: true,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] }, inlayHint: { refreshSupport: true } },
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true, resolveSupport: { properties: ['documentation', 'additionalTextEdits'] } }, completionItemKind: { valueSet: ALL_COMPLETION_KINDS } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: ALL_SYMBOL_KINDS } },
        codeAction: CODE_ACTION_LITERALS,
        rename: { prepareSupport: true },
      },
      window: { workDoneProgress: true },
    },
  },
  {
    // A strict minimal client: nothing declared (its code action, outline and completion capabilities name nothing), no folder.
    name: 'a bare client',
    folder: false,
    capabilities: { textDocument: { codeAction: {}, documentSymbol: {}, completion: { completionItemKind: {} } } },
  },
];

// An invented draft with a repeated TAG, a reference to a REF item it lacks and a paragraph number skipped, and text
// past the Basic Latin block before them: curly quotes, "é", the pilcrow and a character outside the BMP ("𝐀", two
// UTF-16 code units).
const TEXT = [
  'C O N F I D E N T I A L NOWHERE 000412',
  '',
  'E.O. 12958: DECL: 06/03/2019',
  'TAGS: PREL, PREL',
  'SUBJECT: “CAFÉ” TALKS',
  '',
  'REF: A. NOWHERE 388',
  '',
  'Classified By: Ambassador Renée Dupré for reasons 1.4 (b) and (d).',
  '',
  '¶1. (C) Summary: The café 𝐀 owner said “yes” (REF C). End Summary.',
  '',
  'HARBOR ISSUES',
  '-------------',
  '',
  '¶3. (C) More text about the “harbor” (REF A).',
  '',
  'DUPRÉ',
  '',
].join('\n');
const LINES = TEXT.split('\n');

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface DocumentSymbol {
  name: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}
interface CompletionItem {
  label: string;
  kind?: number;
  insertText?: string;
  insertTextFormat?: number;
  textEdit?: { newText: string };
  documentation?: string | { kind: string; value: string };
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
/** True when `r` lies in the text, its columns in UTF-16 code units. */
const inText = (r: Range) => r.start.line < LINES.length && r.end.line < LINES.length && r.start.character <= LINES[r.start.line].length && r.end.character <= LINES[r.end.line].length && before(r.start, r.end);

describe('language server and the capabilities of editors other than VS Code', function () {
  this.timeout(60000);

  it('counts columns in UTF-16 code units, and says so to a client that offers UTF-8 or UTF-32 first', async () => {
    const silent = await startServer(undefined, {});
    await silent.stop();
    // A client that offers no encoding takes UTF-16 without being told (LSP before 3.17).
    assert.equal(silent.initialized.capabilities.positionEncoding, undefined);
    const client = await startServer(undefined, { general: { positionEncodings: ['utf-8', 'utf-32', 'utf-16'] } });
    try {
      // LSP 3.17: the server picks one of those offered; UTF-16 is the one every client must take.
      assert.equal(client.initialized.capabilities.positionEncoding, 'utf-16');
      const uri = 'file:///editors/encodings.cable';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: TEXT } });
      type Published = { uri: string; version?: number; diagnostics: { range: Range; code: string; message: string }[] };
      const first = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
      const line = LINES[10];
      const missing = first.diagnostics.find((d) => d.code === 'CBL045')!;
      // "(REF C)" after "café", "𝐀" and "“": its UTF-16 column, not its code point (one less) or UTF-8 byte (six more) column.
      assert.deepEqual(missing.range, { start: { line: 10, character: line.indexOf('REF C') }, end: { line: 10, character: line.indexOf('REF C') + 5 } });
      assert.equal(Array.from(line.slice(0, line.indexOf('REF C'))).length, line.indexOf('REF C') - 1);
      // An edit right after "𝐀 ", at its UTF-16 column: read as a code point column it would land inside "owner".
      const at = line.indexOf('𝐀') + 3;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 10, character: at }, end: { line: 10, character: at } }, text: '(REF D) ' }] });
      const second = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.message.includes('REF item D')));
      const edited = line.slice(0, at) + '(REF D) ' + line.slice(at);
      assert.ok(edited.includes('𝐀 (REF D) owner'));
      assert.deepEqual(second.diagnostics.filter((d) => d.code === 'CBL045').map((d) => d.range.start.character), [edited.indexOf('REF D'), edited.indexOf('REF C')]);
      // A request's position is read in UTF-16 too: the hover of the reference starts at its UTF-16 column.
      const hover = await client.connection.sendRequest<{ range: Range }>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: edited.indexOf('REF D') + 1 } });
      assert.deepEqual(hover.range.start, { line: 10, character: edited.indexOf('REF D') });
    } finally {
      await client.stop();
    }
  });

  it('registers file watchers with globs every client reads, and waits for the settings of a client that refuses the registration', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-watch-'));
    const registered: { registrations: { registerOptions: { watchers: { globPattern: string }[] } }[] }[] = [];
    // The client refuses the registration at once and answers the settings request a moment later.
    const answer = (method: string, params: unknown): unknown => {
      if (method === 'client/registerCapability') {
        registered.push(params as (typeof registered)[number]);
        return new ResponseError(-32603, 'Invalid glob');
      }
      if (method === 'workspace/configuration') return new Promise((resolve) => setTimeout(() => resolve([{ rules: { CBL018: 'off' } }]), 300));
      return null;
    };
    const client = await startServer(ws, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, [], answer);
    try {
      const uri = `file://${ws}/draft.cable`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: TEXT } });
      const { diagnostics } = await client.waitFor<{ uri: string; diagnostics: { code: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
      // The first diagnostics are under the client's settings, which turn the repeated TAG's rule off.
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['CBL024', 'CBL045']);
      // LSP 3.17's globs: '*', '**', '?', '[…]' and '{a,b}' groups, no group with an empty branch, which LSP does not define.
      const globs = registered.flatMap((r) => r.registrations.flatMap((g) => g.registerOptions.watchers.map((w) => w.globPattern)));
      assert.ok(globs.length > 0);
      for (const glob of globs) assert.ok(!/\{,|,\}|,,|\{\}/.test(glob), glob);
      assert.ok(globs.includes('**/.cablelint.jsonc') && globs.includes('**/.cablelint.json'), globs.join(' '));
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  for (const profile of PROFILES) {
    it(`answers every feature in a form ${profile.name} takes, and sends it no request it did not declare`, async () => {
      const caps = profile.capabilities;
      const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-editor-'));
      fs.writeFileSync(path.join(ws, '09NOWHERE388.cable'), 'UNCLAS NOWHERE 000388\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TIMES\n\n¶1. (U) Text.\n');
      // A cable citing it, for the code lens.
      fs.writeFileSync(path.join(ws, '09NOWHERE390.cable'), 'UNCLAS NOWHERE 000390\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: HARBOR DUES\nREF: A. 09 NOWHERE 388\n\n¶1. (U) Text.\n');
      const client: TestClient = await startServer(profile.folder ? ws : undefined, caps, [], (method) => (method === 'workspace/configuration' ? [null] : null));
      try {
        const uri = `file://${ws}/draft.cable`;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: TEXT } });
        const { diagnostics } = await client.waitFor<{ uri: string; diagnostics: { range: Range; code: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
        assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['CBL018', 'CBL024', 'CBL045']);
        assert.ok(diagnostics.every((d) => inText(d.range)));
        const ask = <T>(method: string, params: object = {}) => client.connection.sendRequest<T>(method, { textDocument: { uri }, ...params });

        // The outline: a tree to a client that takes one, else a flat list with containers; kinds the client knows.
        const known = new Set(caps.textDocument?.documentSymbol?.symbolKind?.valueSet ?? Array.from({ length: 18 }, (_, i) => i + 1));
        const symbols = await ask<(DocumentSymbol | { name: string; kind: number; location: { uri: string; range: Range }; containerName?: string })[]>('textDocument/documentSymbol');
        assert.ok(symbols.length > 1);
        if (caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) {
          const walk = (list: DocumentSymbol[], parent?: DocumentSymbol): void => {
            for (const s of list) {
              // A symbol's name is not empty (VS Code refuses an empty one), its selection range inside its range.
              assert.ok(s.name.trim().length > 0 && !('location' in s) && inText(s.range) && inside(s.selectionRange, s.range) && (!parent || inside(s.range, parent.range)), JSON.stringify(s));
              assert.ok(known.has(s.kind), `${s.name}: kind ${s.kind}`);
              walk(s.children ?? [], s);
            }
          };
          walk(symbols as DocumentSymbol[]);
        } else {
          for (const s of symbols) {
            assert.ok(s.name.trim().length > 0 && 'location' in s && !('children' in s) && s.location.uri === uri && inText(s.location.range), JSON.stringify(s));
            assert.ok(known.has(s.kind), `${s.name}: kind ${s.kind}`);
          }
          assert.ok(symbols.some((s) => 'containerName' in s && s.name === 'REF A'));
        }

        // Folding: whole lines (no client here folds characters), each over two lines or more.
        const folds = await ask<{ startLine: number; endLine: number; startCharacter?: number }[]>('textDocument/foldingRange');
        assert.ok(folds.length > 0 && folds.every((f) => f.startCharacter === undefined && f.startLine < f.endLine && f.endLine < LINES.length));

        // Hover, in the format the client lists first.
        const hover = await ask<{ contents: { kind: string; value: string } }>('textDocument/hover', { position: { line: 3, character: 7 } });
        const markdown = caps.textDocument?.hover?.contentFormat?.[0] === 'markdown';
        assert.equal(hover.contents.kind, markdown ? 'markdown' : 'plaintext');
        if (!markdown) assert.ok(!hover.contents.value.includes('**'), hover.contents.value);

        // Completion: no snippet to a client without snippets, kinds it knows, Markdown documentation only to one that puts it first.
        const snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
        const kinds = new Set(caps.textDocument?.completion?.completionItemKind?.valueSet ?? Array.from({ length: 18 }, (_, i) => i + 1));
        const docMarkdown = caps.textDocument?.completion?.completionItem?.documentationFormat?.[0] === 'markdown';
        const items: CompletionItem[] = [];
        for (const [line, character] of [[7, 0], [3, 6], [3, 16], [10, 4], [16, 0], [0, 38]]) {
          const answer = await ask<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { position: { line, character } });
          const listed = Array.isArray(answer) ? answer : answer.items;
          // LSP: an item's edit stays on the caret's line and holds the caret (an insert-and-replace edit's ranges both).
          for (const { textEdit } of listed as { textEdit?: { range?: Range; insert?: Range; replace?: Range } }[]) {
            for (const r of textEdit ? [textEdit.range, textEdit.insert, textEdit.replace].filter((x) => x !== undefined) : []) {
              assert.ok(r.start.line === line && r.end.line === line && r.start.character <= character && character <= r.end.character, JSON.stringify(textEdit));
            }
          }
          items.push(...listed);
        }
        assert.ok(items.length > 10);
        for (const item of items) {
          const text = item.textEdit?.newText ?? item.insertText ?? item.label;
          if (!snippets) assert.ok(item.insertTextFormat !== 2 && !/\$(\d|\{\d)/.test(text), JSON.stringify(item));
          assert.ok(item.kind === undefined || kinds.has(item.kind), `${item.label}: kind ${item.kind}`);
          if (typeof item.documentation === 'object' && item.documentation.kind === 'markdown') assert.ok(docMarkdown, JSON.stringify(item));
        }
        assert.equal(items.some((i) => i.insertTextFormat === 2), snippets);

        // Code actions: literals to a client that takes them, commands it can run to one that applies edits, else none.
        const all = { start: { line: 0, character: 0 }, end: { line: LINES.length - 1, character: 0 } };
        const actions = await ask<{ title: string; command?: unknown; edit?: unknown; kind?: string }[]>('textDocument/codeAction', { range: all, context: { diagnostics } });
        const commands = (client.initialized.capabilities.executeCommandProvider as { commands: string[] } | undefined)?.commands ?? [];
        if (caps.textDocument?.codeAction && 'codeActionLiteralSupport' in caps.textDocument.codeAction) assert.ok(actions.length > 0 && actions.every((a) => a.kind !== undefined && a.edit !== undefined));
        else if (caps.workspace?.applyEdit) assert.ok(actions.length > 0 && actions.every((a) => typeof a.command === 'string' && commands.includes(a.command)));
        else assert.deepEqual(actions, []);

        // Semantic tokens: five numbers a token, each token on one line and inside it, none overlapping the one before
        // (for a client without overlappingTokenSupport or multilineTokenSupport).
        const { data } = await ask<{ data: number[] }>('textDocument/semanticTokens/full');
        assert.ok(data.length > 0 && data.length % 5 === 0);
        for (let i = 0, line = 0, start = 0, end = 0; i < data.length; i += 5) {
          line += data[i];
          start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
          assert.ok(start + data[i + 2] <= LINES[line].length && (data[i] > 0 || i === 0 || start >= end), `token at ${line}:${start}, length ${data[i + 2]}`);
          end = start + data[i + 2];
        }

        // Rename: prepared only for a client that asks first; the edit in the form the client applies.
        const renameProvider = client.initialized.capabilities.renameProvider;
        assert.deepEqual(renameProvider, caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true);
        const rename = await ask<{ changes?: object; documentChanges?: object[] }>('textDocument/rename', { position: { line: 6, character: 5 }, newName: 'B' });
        assert.ok(caps.workspace?.workspaceEdit?.documentChanges ? rename.documentChanges !== undefined : rename.changes !== undefined, JSON.stringify(rename));

        // References and workspace symbols, with or without a folder indexed.
        if (profile.folder) await client.waitFor('cable/indexed');
        const references = await ask<{ uri: string; range: Range }[]>('textDocument/references', { position: { line: 6, character: 5 }, context: { includeDeclaration: true } });
        assert.deepEqual(references.map((r) => [r.uri === uri, r.range.start.line]), [[true, 6], [true, 15]]);
        const found = await client.connection.sendRequest<{ name: string; location: { uri: string; range?: Range } }[]>('workspace/symbol', { query: 'ferry' });
        assert.equal(found.length, profile.folder ? 1 : 0);
        assert.ok(found.every((s) => s.location.range !== undefined));

        // The banner's code lens: the server's command in a client that opens documents (window/showDocument), which opens
        // the citing cable; elsewhere the VS Code client's, whose title alone the client shows.
        if (profile.folder) {
          const cited = `file://${ws}/09NOWHERE388.cable`;
          await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: cited, languageId: 'cable', version: 1, text: fs.readFileSync(path.join(ws, '09NOWHERE388.cable'), 'utf8') } });
          const lenses = await client.connection.sendRequest<{ command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: cited } });
          assert.deepEqual(lenses.map((l) => [l.command.title, l.command.command]), [['Cited by 1 cable', caps.window?.showDocument?.support ? 'cable.openCitingCable' : 'cable.showCitingCables']]);
          if (caps.window?.showDocument?.support) {
            assert.ok(commands.includes('cable.openCitingCable'));
            await client.connection.sendRequest('workspace/executeCommand', lenses[0].command);
            assert.equal(client.requests().filter((m) => m === 'window/showDocument').length, 1);
          } else assert.ok(!commands.includes('cable.openCitingCable'));
        }

        // Saves: asked for, since they validate under "onSave" and end a line's typing.
        assert.deepEqual(client.initialized.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });

        // The requests the server sent, each one the client declared it takes.
        const declared = new Set([
          ...(caps.workspace?.configuration ? ['workspace/configuration'] : []),
          ...(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration ? ['client/registerCapability'] : []),
          ...(caps.window?.workDoneProgress ? ['window/workDoneProgress/create'] : []),
          ...(caps.workspace?.inlayHint?.refreshSupport ? ['workspace/inlayHint/refresh'] : []),
          ...(caps.workspace?.codeLens?.refreshSupport ? ['workspace/codeLens/refresh'] : []),
          ...(caps.window?.showDocument?.support ? ['window/showDocument'] : []),
        ]);
        assert.deepEqual(client.requests().filter((m) => !declared.has(m)), []);
        if (!caps.window?.workDoneProgress) assert.deepEqual(client.received('$/progress'), []);
        assert.equal(client.stderr(), '');
      } finally {
        await client.stop();
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });
  }
});
