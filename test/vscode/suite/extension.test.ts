/**
 * Inside VS Code: activation and language, diagnostics, symbols, hover,
 * a quick fix, Fix All, rename, the diagnostics of closed files, a .txt cable found by its text (and notes left alone), the banner's code lens, inlay hints, semantic tokens, New Cable,
 * the Cables view, the metadata export and snippets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CableExtensionApi } from '../../../client/src/extension';
import type { CollectionNode } from '../../../client/src/collection';

const workspace = path.resolve(__dirname, '../../../../test/vscode/workspace');

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspace, name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Waits for diagnostics from the cable server (polling, bounded; no fixed sleeps). */
async function diagnosticsFor(uri: vscode.Uri, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'cable');
    if (d.length > 0 || Date.now() > end) return d;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The semantic tokens of `doc` once the server gives any, decoded from relative positions: "line:character text type", the
 * type followed by its modifiers (".secret") when `modifiers` is set. Empty after 20 s without tokens.
 */
async function semanticTokensOf(doc: vscode.TextDocument, modifiers: boolean): Promise<string[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    const got = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
    const tokens: string[] = [];
    let line = 0;
    let character = 0;
    const data = got?.data ?? new Uint32Array();
    for (let i = 0; i < data.length; i += 5) {
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      line += data[i];
      const names = modifiers ? legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0) : [];
      tokens.push(`${line}:${character} ${doc.lineAt(line).text.slice(character, character + data[i + 2])} ${[legend.tokenTypes[data[i + 3]], ...names].join('.')}`);
    }
    if (tokens.length > 0) return tokens;
    await new Promise((r) => setTimeout(r, 200));
  }
  return [];
}

/** The language of the open document of `file` once it is `want`, or after 20 s. */
async function languageOf(file: string, want: string): Promise<string | undefined> {
  const end = Date.now() + 20000;
  for (;;) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    if (doc?.languageId === want || Date.now() > end) return doc?.languageId;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('cable extension', () => {
  it('starts the server in a workspace holding cables before any is opened: Go to Symbol in Workspace finds one', async () => {
    // The workspace's .cable files start the extension (workspaceContains), and it starts the server for the index.
    assert.equal(vscode.workspace.textDocuments.some((d) => d.languageId === 'cable'), false);
    const end = Date.now() + 20000;
    let names: string[] = [];
    while (Date.now() < end) {
      const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '09VALLETTA388')) ?? [];
      names = symbols.map((s) => s.name);
      if (names.some((n) => n.startsWith('09VALLETTA388'))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(names.some((n) => n.startsWith('09VALLETTA388')), `workspace symbols: ${JSON.stringify(names)}`);
  });

  it('activates on a cable and sets the language', async () => {
    const doc = await open('09VALLETTA412.cable');
    assert.equal(doc.languageId, 'cable');
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'vscode-cable');
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('reports diagnostics with ids and ranges on a defective cable', async () => {
    const doc = await open('defective.cable');
    const d = await diagnosticsFor(doc.uri);
    const seq = d.find((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'CBL024');
    assert.ok(seq, 'CBL024 not reported');
    assert.equal(seq.range.start.line, 53);
  });

  it('provides document symbols', async () => {
    const doc = await open('09VALLETTA412.cable');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.some((s) => s.name === 'HARBOR AUTHORITY REQUESTS' && s.children.some((c) => c.name === '¶2 (S/NF)')));
  });

  it('hovers a TAG, a portion marking and the E.O. order', async () => {
    const doc = await open('09VALLETTA412.cable');
    const text = (h: vscode.Hover[]) => h.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const tag = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(18, 7));
    assert.match(text(tag), /TAG PREL/);
    const marking = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(36, 6));
    assert.match(text(marking), /SECRET, NOFORN/);
    // Line 18 is "E.O. 12958: DECL: 06/03/2019" in a cable of 2009: the order as amended in 2003 is named.
    const order = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(17, 7));
    assert.match(text(order), /after E\.O\. 13292 amended the order/);
  });

  it('completes a TAG inside a word with an insert range up to the caret and a replace range over the word', async () => {
    const doc = await open('09VALLETTA412.cable');
    // Line 19 is "TAGS: PREL PGOV MARR MOPS MT LY"; the caret stands before the V of PGOV.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(18, 14));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'PGOV');
    assert.ok(item, 'PGOV not offered');
    const r = item.range as { inserting: vscode.Range; replacing: vscode.Range };
    assert.deepEqual([r.inserting.start.character, r.inserting.end.character], [11, 14]);
    assert.deepEqual([r.replacing.start.character, r.replacing.end.character], [11, 15]);
  });

  it('applies a quick fix and Fix All', async () => {
    const doc = await open('artifact.cable');
    const d = await diagnosticsFor(doc.uri);
    const artifact = d.find((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'CBL026')!;
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, artifact.range, vscode.CodeActionKind.QuickFix.value);
    const fix = fixes.find((f) => f.title === "Write '¶3.'")!;
    assert.ok(fix?.edit);
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(doc.lineAt(artifact.range.start.line).text, /^¶3\. \(C\)/);
    await vscode.commands.executeCommand('undo');
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.cable');
    assert.equal(all.length, 1);
    await vscode.workspace.applyEdit(all[0].edit!);
    assert.match(doc.getText(), /\n¶3\. \(C\) Gauci/);
  });

  it('renames a paragraph number with the reference to it (F2)', async () => {
    const doc = await open('09VALLETTA412.cable');
    // Line 42 is "¶3. (C) Gauci also raised …"; line 52 ends "… the course dates in para 3.".
    const line = doc.lineAt(51).text;
    const caret = new vscode.Position(51, line.indexOf('para 3') + 1);
    const box = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', doc.uri, caret);
    assert.equal(box.placeholder, '3');
    assert.equal(box.range.start.character, line.indexOf('para 3') + 5);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, caret, '7');
    const edits = edit.get(doc.uri).map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character} ${e.newText}`).sort();
    assert.deepEqual(edits, ['41:1-2 7', `51:${line.indexOf('para 3') + 5}-${line.indexOf('para 3') + 6} 7`]);
  });

  it('with cable.validate.scope "workspace" reports the findings of a cable never opened, and clears them when set back', async () => {
    const config = vscode.workspace.getConfiguration('cable');
    const uri = vscode.Uri.file(path.join(workspace, 'unopened.cable'));
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.fsPath === uri.fsPath), false);
    await config.update('validate.scope', 'workspace', vscode.ConfigurationTarget.Global);
    try {
      const d = await diagnosticsFor(uri);
      assert.deepEqual(d.map((x) => `${x.range.start.line} ${typeof x.code === 'object' ? x.code.value : x.code}`), ['12 CBL024']);
    } finally {
      await config.update('validate.scope', undefined, vscode.ConfigurationTarget.Global);
    }
    const end = Date.now() + 20000;
    while (vscode.languages.getDiagnostics(uri).length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
  });

  it('opens a .txt file named by a hash, with blank lines before its header, as a cable, and leaves it as the user sets it', async () => {
    const file = path.join(workspace, 'b7e2c91f04.txt');
    await open('b7e2c91f04.txt');
    assert.equal(await languageOf(file, 'cable'), 'cable');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file)!;
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await languageOf(file, 'plaintext'), 'plaintext');
  });

  it('leaves a notes .txt file plain text, and with cable.detectTextFiles off a hash-named cable too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-detect-'));
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'Reading notes\n\nTAGS and SUBJECT lines are checked by the reviewers.\n');
    const cable = path.join(dir, '000_4e0f164468ec0923.txt');
    fs.copyFileSync(path.join(workspace, 'b7e2c91f04.txt'), cable);
    const config = vscode.workspace.getConfiguration('cable');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await languageOf(notes, 'plaintext'), 'plaintext');
      await config.update('detectTextFiles', false, vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(cable));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await languageOf(cable, 'plaintext'), 'plaintext');
    } finally {
      await config.update('detectTextFiles', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('sets back to plain text notes whose name the extension\'s globs take (2021Report2.txt), and keeps an empty file named by a cable id a cable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-misnamed-'));
    const report = path.join(dir, '2021Report2.txt');
    fs.writeFileSync(report, 'Annual report, second draft\n\nCounts of cables read per post, by month.\n');
    const draft = path.join(dir, '09VALLETTA999.txt');
    fs.writeFileSync(draft, '');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
      assert.equal(await languageOf(report, 'plaintext'), 'plaintext');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await languageOf(draft, 'cable'), 'cable');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('shows a code lens on the banner counting the cables that cite it', async () => {
    const doc = await open('09VALLETTA388.cable');
    const end = Date.now() + 20000;
    let titles: string[] = [];
    while (Date.now() < end) {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
      titles = lenses.map((l) => l.command?.title ?? '');
      if (titles.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // 09VALLETTA412.cable, artifact.cable and defective.cable cite it: three files of one cable, counted once.
    assert.deepEqual(titles, ['Cited by 1 cable']);
  });

  it('answers the call hierarchy with the citation graph: callers are the citing cables ("Cable: Show Citation Hierarchy")', async () => {
    const doc = await open('09VALLETTA388.cable');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('cable.showCitationHierarchy'));
    const end = Date.now() + 20000;
    let callers: string[] = [];
    while (Date.now() < end) {
      const [item] = (await vscode.commands.executeCommand<vscode.CallHierarchyItem[]>('vscode.prepareCallHierarchy', doc.uri, new vscode.Position(4, 0))) ?? [];
      const calls = item ? ((await vscode.commands.executeCommand<vscode.CallHierarchyIncomingCall[]>('vscode.provideIncomingCalls', item)) ?? []) : [];
      callers = calls.map((c) => path.basename(c.from.uri.fsPath)).sort();
      if (callers.length === 3) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // 09VALLETTA412 and its two copies cite it as REF A.
    assert.deepEqual(callers, ['09VALLETTA412.cable', 'artifact.cable', 'defective.cable']);
  });

  it("shows the cited cable's subject after a REF citation and the DE line station's address as inlay hints", async () => {
    const doc = await open('09VALLETTA412.cable');
    // Line 3 is "DE RUEHVT #0412/01 1541322"; line 23 is "REF: A. VALLETTA 388", which cites 09VALLETTA388.cable, and line 24
    // "¶B. STATE 51120", a cable not in the workspace.
    const range = new vscode.Range(0, 0, 40, 0);
    const end = Date.now() + 20000;
    let hints: string[] = [];
    while (Date.now() < end) {
      const got = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)) ?? [];
      hints = got.map((h) => `${h.position.line}:${h.position.character} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
      if (hints.length > 1) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(hints, ['2:9 AMEMBASSY VALLETTA', '22:20 HARBOR AUTHORITY NAMES A NEW DIRECTOR']);
    // Only the range asked: the DE line alone.
    const top = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, 5, 0));
    assert.deepEqual(top.map((h) => h.label), ['AMEMBASSY VALLETTA']);
  });

  it('colors the banner, the paragraph numbers, the headings and the signature as the server reads them (semantic tokens)', async () => {
    const doc = await open('09VALLETTA412.cable');
    const tokens = await semanticTokensOf(doc, false);
    assert.deepEqual(tokens, ['12:0 S E C R E T bannerLevel', '12:29 VALLETTA bannerPost', '12:38 000412 bannerSerial', '27:0 \u00b61. paragraphNumber', '33:0 HARBOR AUTHORITY REQUESTS heading', '36:0 \u00b62. paragraphNumber', '41:0 \u00b63. paragraphNumber', '47:0 NEXT STEPS heading', '50:0 \u00b64. paragraphNumber', '53:0 \u00b65. paragraphNumber', '56:0 CALLOWAY signature']);
  });

  it('colors a marking that opens an item as the level it names (semantic tokens)', async () => {
    // An untitled cable: the item's "(S/NF)" after "--" is one only as the server reads it.
    const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: 'S E C R E T NOWHERE 000009\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: X\n\n\u00b61. (S) Points:\n-- (S/NF) The quay reopens.\n' });
    await vscode.window.showTextDocument(doc);
    const tokens = await semanticTokensOf(doc, true);
    assert.deepEqual(tokens.filter((t) => t.startsWith('8:')), ['8:4 S portionMarking.secret', '8:6 NF markingControl']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens a new untitled cable holding the whole-cable snippet ("Cable: New Cable")', async () => {
    await vscode.commands.executeCommand('cable.newCable');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'cable');
    assert.match(editor.document.getText(), /^VZCZC/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('gives the Cables view the collection, grouped as chosen ("Cable: Group Cables By…")', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('cable.collection.groupBy') && commands.includes('cable.collection.refresh'));
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'vscode-cable')!;
    const { collection } = (await ext.activate()) as CableExtensionApi;
    const labels = (nodes: readonly CollectionNode[]) => nodes.map((n) => (n.kind === 'group' ? `${n.label} ${n.count}` : n.entry.id));
    const before = collection.grouping;
    await collection.setGrouping('classification');
    try {
      let top: CollectionNode[] = [];
      const end = Date.now() + 20000;
      while (Date.now() < end) {
        top = (await collection.getChildren()) ?? [];
        if (top.length > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // 09VALLETTA412 and its two copies under other names; the order of levels is fixed.
      assert.deepEqual(labels(top).slice(0, 2), ['SECRET 3', 'CONFIDENTIAL 1']);
      const secret = (await collection.getChildren(top[0])) ?? [];
      assert.deepEqual(labels(secret), ['09VALLETTA412', '09VALLETTA412', '09VALLETTA412']);
      const item = collection.getTreeItem(secret[0]);
      assert.equal(item.command?.command, 'vscode.open');
      // A cable filed three times: each row names its file before the subject.
      assert.deepEqual(secret.map((n) => collection.getTreeItem(n).description), ['09VALLETTA412.cable', 'artifact.cable', 'defective.cable'].map((f) => `${f} · MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS`));
    } finally {
      await collection.setGrouping(before);
    }
  });

  it('exports the metadata of the workspace cables as cablelint extract prints it ("Cable: Export Metadata of Workspace Cables…")', async () => {
    await vscode.commands.executeCommand('cable.exportMetadata', 'csv');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc?.isUntitled, 'no untitled document opened');
    const lines = doc.getText().trimEnd().split('\n');
    assert.equal(lines[0], 'file,id,dtg,classification,section,caveats,tags,persons,subject,refs,cites,classifiedBy,reasons,paragraphs,signature,header');
    assert.ok(lines.some((l) => l.startsWith('09VALLETTA412.cable,09VALLETTA412,')), lines.join('\n'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the cable preview beside the editor ("Cable: Open Preview to the Side"), titled after the file', async () => {
    const doc = await open('09VALLETTA412.cable');
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'vscode-cable')!;
    const { preview } = (await ext.activate()) as CableExtensionApi;
    await vscode.commands.executeCommand('cable.showPreviewToSide');
    const panel = preview.panel;
    assert.ok(panel, 'no preview panel');
    assert.equal(panel.viewType, 'cable.preview');
    assert.equal(panel.title, 'Preview 09VALLETTA412.cable');
    // The preview opened beside the editor, which kept the focus.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
    panel.dispose();
    assert.equal(preview.panel, undefined);
  });

  it('starts the cable preview at the editor\'s top line and marks the cursor\'s line, as Markdown\'s does', async () => {
    const doc = await open('09VALLETTA412.cable');
    const editor = await vscode.window.showTextDocument(doc);
    const at = new vscode.Position(12, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    await new Promise((r) => setTimeout(r, 300));
    const top = editor.visibleRanges[0].start.line;
    assert.ok(top > 0, 'the editor did not scroll');
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'vscode-cable')!;
    const { preview } = (await ext.activate()) as CableExtensionApi;
    await vscode.commands.executeCommand('cable.showPreviewToSide');
    const panel = preview.panel;
    assert.ok(panel, 'no preview panel');
    try {
      for (let i = 0; i < 100 && !panel.webview.html.includes('cable-text'); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(panel.webview.html, new RegExp(`data-line="${top}" data-selected="12"`));
      assert.equal(vscode.workspace.getConfiguration('cable.preview', doc.uri).get('scrollEditorWithPreview'), true);
    } finally {
      panel.dispose();
    }
  });

  it('lists the snippets', async () => {
    const doc = await open('09VALLETTA412.cable');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(doc.lineCount - 1, 0));
    assert.ok(list.items.some((i) => i.kind === vscode.CompletionItemKind.Snippet));
  });
});
