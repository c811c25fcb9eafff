/**
 * The bundled server over stdio: diagnostics, outline, hover, completion,
 * code actions, configuration errors, and navigation across a workspace.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/core/fix';
import { findInTextReferences } from '../../server/src/core/mentions';
import { parseCable } from '../../server/src/core/parse/index';
import { ROOT } from '../helpers';
import { startServer, type TestClient } from './client';

interface PublishDiagnostics {
  uri: string;
  diagnostics: { code: string; source: string; severity: number; message: string; range: { start: { line: number } }; codeDescription?: { href: string } }[];
}

const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('language server over stdio', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => `file://${path.join(ws, name)}`;

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-ws-'));
    fs.writeFileSync(path.join(ws, '09VALLETTA412.cable'), read('test/fixtures/samples/09VALLETTA412.cable'));
    // An invented earlier cable that the Valletta sample cites as REF A.
    fs.writeFileSync(path.join(ws, '09VALLETTA388.cable'), 'P 200900Z MAY 09\nFM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 3101\n\nC O N F I D E N T I A L VALLETTA 000388\n\nSIPDIS\n\nE.O. 12958: DECL: 05/20/2019\nTAGS: PREL MT\nSUBJECT: HARBOR AUTHORITY NAMES A NEW DIRECTOR\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b).\n\n¶1. (C) Text.\nCALLOWAY\n');
    client = await startServer(ws, {
      workspace: { configuration: false, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      textDocument: { completion: { completionItem: { insertReplaceSupport: true } } },
    });
    await client.waitFor('cable/indexed', (p: { count: number }) => p.count >= 2);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  const open = async (name: string, text: string) => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'cable', version: 1, text } });
    return client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri(name));
  };

  it('publishes diagnostics with code, source and a link to the rule page', async () => {
    const text = read('test/fixtures/rules/cbl028-portion-marking-missing.bad.cable');
    const d = await open('bad.cable', text);
    const finding = d.diagnostics.find((x) => x.code === 'CBL028')!;
    assert.ok(finding);
    assert.equal(finding.source, 'cable');
    assert.equal(finding.range.start.line, 41);
    assert.match(finding.codeDescription!.href, /docs\/rules\/cbl028\.md$/);
  });

  it('fades a repeated TAG (the Unnecessary tag) and points to its first place; other diagnostics carry no tags', async () => {
    const text = read('test/fixtures/rules/cbl018-tags-duplicate.bad.cable');
    const d = (await open('repeated.cable', text)) as unknown as { diagnostics: { code: string; tags?: number[]; relatedInformation?: { location: { uri: string; range: unknown }; message: string }[] }[] };
    const repeated = d.diagnostics.find((x) => x.code === 'CBL018')!;
    assert.deepEqual(repeated.tags, [1]);
    assert.deepEqual(repeated.relatedInformation, [{ location: { uri: uri('repeated.cable'), range: { start: { line: 18, character: 6 }, end: { line: 18, character: 10 } } }, message: 'First PREL' }]);
    assert.deepEqual(d.diagnostics.filter((x) => x.code !== 'CBL018' && x.tags), []);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('repeated.cable') } });
  });

  it('lints a document with its file name: CBL043 when the name gives another cable than the banner', async () => {
    const text = read('test/fixtures/samples/09VALLETTA412.cable');
    const d = await open('09VALLETTA413.cable', text);
    assert.deepEqual(d.diagnostics.filter((x) => x.code === 'CBL043').map((x) => `${x.range.start.line} ${x.severity} ${x.message}`), [
      '12 3 The file name says 09VALLETTA413, the banner VALLETTA 000412: the text may belong to another cable.',
    ]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('09VALLETTA413.cable') } });
  });

  it('serves an OCR transcription whose banner has a zero for O and whose numbers a letter for a digit or the pilcrow', async () => {
    const name = '06NOWHERE999.cable';
    const text = [
      'C0NFIDENTIAL SECTION 01 OF 02 NOWHERE 000999', '', 'E.0. 12958: DECL: 02/17/2016', 'tags:  PGOV PREL  ECON', 'Subject: MINISTER OF WATER ON DREDGING', '',
      'Classified By: Ambassador Jane Roe for reasons 1.4 (B) and (D).', '',
      'l. (C) Summary: The minister said the dredging pro-', 'gram would continue. End Summary.', '',
      'P2. (C) Headlines that morn-', 'NOWHERE 00000999 002 OF 002', 'ing carried the decision.', '',
      'q3. (C) The minister asked for ‘closer’ coordination.', 'ROE', '',
    ].join('\n');
    const d = await open(name, text);
    assert.deepEqual(d.diagnostics.map((x) => `${x.range.start.line} ${x.code} ${x.message}`), [
      "0 CBL011 Banner level is misspelled 'C0NFIDENTIAL' (a zero for the letter O); read as CONFIDENTIAL.",
      "2 CBL049 The E.O. label 'E.0.' has a zero for the letter O.",
      "8 CBL046 Paragraph number 'l.' has the letter 'l' for the digit 1: read as '1.'.",
      "11 CBL046 Paragraph number 'P2.' has 'P' for the pilcrow ¶: read as '¶2.'.",
      "15 CBL046 Paragraph number 'q3.' has 'q' for the pilcrow ¶: read as '¶3.'.",
    ]);
    // Every paragraph is in the outline, folds and has its marking's hover; the fix writes the number meant and nothing else.
    type Symbol = { name: string; children?: Symbol[] };
    const symbols = await client.connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(name) } });
    const names = (list: Symbol[]): string[] => list.flatMap((x) => [x.name, ...names(x.children ?? [])]);
    assert.deepEqual(names(symbols).filter((n) => n.startsWith('¶')), ['¶1 (C)', '¶2 (C)', '¶3 (C)']);
    const folds = await client.connection.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: uri(name) } });
    assert.ok(folds.some((f) => f.startLine === 11 && f.endLine === 13), JSON.stringify(folds));
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri(name) }, position: { line: 11, character: 5 } });
    assert.match(hover?.contents.value ?? '', /CONFIDENTIAL/);
    const diag = d.diagnostics.find((x) => x.range.start.line === 11)!;
    const actions = await client.connection.sendRequest<{ title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri: uri(name) }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((a) => a.title === "Write '¶2.'")!;
    assert.deepEqual(fix.edit.changes[uri(name)], [{ range: diag.range, newText: '¶2.' }]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  });

  it('answers document symbols, hover and completion', async () => {
    const text = read('test/fixtures/samples/09VALLETTA412.cable');
    await open('09VALLETTA412.cable', text);
    const symbols = await client.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: uri('09VALLETTA412.cable') } });
    assert.deepEqual(symbols.map((s) => s.name).slice(0, 3), ['Transmission header', 'S E C R E T VALLETTA 000412', '¶1 (C)']);
    const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: { line: 18, character: 7 } });
    assert.match(hover.contents.value, /TAG PREL/);
    // "(REF A)" in the text: the item it names, and the cable the workspace index holds for it (this client takes plain text).
    const line = text.split('\n')[38];
    const ref = await client.connection.sendRequest<{ contents: { value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: { line: 38, character: line.indexOf('REF A') + 4 } });
    assert.deepEqual(ref.range, { start: { line: 38, character: line.indexOf('REF A') }, end: { line: 38, character: line.indexOf('REF A') + 5 } });
    assert.match(ref.contents.value, /^REF A\n\nREF field: A\. VALLETTA 388\n\nCable 09VALLETTA388\n[\s\S]*\n\nHARBOR AUTHORITY NAMES A NEW DIRECTOR\n\n20 May 2009, 0900Z · CONFIDENTIAL$/);
    const items = await client.connection.sendRequest<{ label: string }[]>('textDocument/completion', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: { line: 18, character: 31 } });
    assert.ok(items.some((i) => i.label === 'FR'));
  });

  it("holds the white space and a scan's margin before an indented paragraph's number in the paragraph's symbol, named at the number", async () => {
    // Invented. The paragraph's symbol started at its number: with the cursor before it, the breadcrumbs showed the section.
    type Symbol = { name: string; range: { start: { line: number; character: number } }; selectionRange: { start: { line: number; character: number } }; children?: Symbol[] };
    const plain = ['C O N F I D E N T I A L NOWHERE 000001', '', 'E.O. 12958: DECL: 01/01/2019', 'TAGS: PREL', 'SUBJECT: HARBOR PATROLS', '', '¶1. (C) The harbor master met us.', '', 'HARBOR ISSUES', '-------------', '', '   ¶2. (C) The board set the fees.', 'They double in May.', ''];
    for (const [name, lines, number] of [['outline-indented.cable', plain, 3], ['outline-margined.cable', plain.map((l) => `| ${l}`), 5]] as const) {
      await open(name, lines.join('\n'));
      const symbols = await client.connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(name) } });
      const section = symbols.find((s) => s.name === 'HARBOR ISSUES');
      const paragraph = section?.children?.find((s) => s.name === '¶2 (C)');
      assert.deepEqual([paragraph?.range.start, paragraph?.selectionRange.start], [{ line: 11, character: 0 }, { line: 11, character: number }], name);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
    }
  });

  it('answers cable/status with the classification the banner and caveat lines give, for the language status item', async () => {
    const status = (name: string) => client.connection.sendRequest<Record<string, unknown> | null>('cable/status', { textDocument: { uri: uri(name) } });
    await open('status.cable', read('test/fixtures/samples/09VALLETTA412.cable'));
    assert.deepEqual(await status('status.cable'), {
      classification: 'SECRET',
      caveats: ['NOFORN', 'SIPDIS'],
      id: '09VALLETTA412',
      date: '3 June 2009',
      paragraphs: 5,
      bannerRange: { start: { line: 12, character: 0 }, end: { line: 12, character: 44 } },
    });
    // A second copy of the Valletta cable would be a second citing cable for the tests below.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('status.cable') } });
    // No banner: no classification is read from anything else (here a (C) portion marking and a CCCCC-free header).
    await open('nobanner.cable', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: A NOTE\n\n1. (C) Text.\n');
    assert.deepEqual(await status('nobanner.cable'), { caveats: [], paragraphs: 1 });
    assert.equal(await status('never-opened.cable'), null);
    // A partial extract without a header or a date gives no id: the file name's is shown, as the Cables view shows it, and said to be.
    await open('05NOWHERE7360.cable', 'C O N F I D E N T I A L SECTION 01 OF 03 NOWHERE 007360\n\nTAGS: PREL\nSUBJECT: A NOTE\n\n1. (C) Text.\n');
    assert.deepEqual(await status('05NOWHERE7360.cable'), {
      classification: 'CONFIDENTIAL',
      caveats: [],
      id: '05NOWHERE7360',
      idFromFileName: true,
      paragraphs: 1,
      bannerRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 55 } },
    });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('05NOWHERE7360.cable') } });
    // A new, empty cable: nothing to show yet, rather than "No banner".
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('new.cable'), languageId: 'cable', version: 1, text: '\n' } });
    assert.equal(await status('new.cable'), null);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('new.cable') } });
  });

  it('gives a client that takes insert-replace edits the range of the rest of the word', async () => {
    // "TAGS: PR|EL": insert up to the caret, replace through "EL".
    await open('middle.cable', 'UNCLAS NOWHERE 000001\n\nTAGS: PREL, PGOV\nSUBJECT: X\n');
    type Range = { start: { character: number }; end: { character: number } };
    const items = await client.connection.sendRequest<{ label: string; textEdit: { newText: string; insert: Range; replace: Range } }[]>('textDocument/completion', { textDocument: { uri: uri('middle.cable') }, position: { line: 2, character: 8 } });
    const prel = items.find((i) => i.label === 'PREL')!;
    assert.deepEqual([prel.textEdit.insert.start.character, prel.textEdit.insert.end.character, prel.textEdit.replace.end.character], [6, 8, 10]);
  });

  it('offers the next paragraph\'s marker at the start of an empty body line when asked (Ctrl+Space), and nothing on a typed space', async () => {
    // Invented: two marked paragraphs, then an empty line (line 8).
    await open('next.cable', 'C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n¶1. (C) The board met.\n\n¶2. (U) Fares rise.\n\n\n');
    type Item = { label: string; preselect?: boolean; textEdit: { newText: string } };
    const ask = (context: object) => client.connection.sendRequest<Item[]>('textDocument/completion', { textDocument: { uri: uri('next.cable') }, position: { line: 10, character: 0 }, context });
    const items = await ask({ triggerKind: 1 });
    assert.deepEqual(items.slice(0, 2).map((i) => [i.label, i.textEdit.newText, i.preselect ?? false]), [
      ['¶3. (U)', '¶3. (U) ', true],
      ['¶3. (C)', '¶3. (C) ', false],
    ]);
    assert.deepEqual(await ask({ triggerKind: 2, triggerCharacter: ' ' }), []);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('next.cable') } });
  });

  it('marks the banner, the paragraph numbers, the headings and the signature with semantic tokens, which the grammar cannot tell from a heading, a list and a line of text', async () => {
    const tokens = await client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uri('09VALLETTA412.cable') } });
    // Relative to the token before: the banner's "S E C R E T" (line 12, length 11, type 2: bannerLevel, modifier 1:
    // secret), "VALLETTA" (column 29, type 3: bannerPost) and "000412" (column 38, type 4: bannerSerial); "¶1." to "¶5."
    // (lines 27, 36, 41, 50, 53; length 3, type 1: paragraphNumber); the headings "HARBOR AUTHORITY REQUESTS" and "NEXT
    // STEPS" (lines 33 and 47, type 5: heading); the last line, "CALLOWAY" (line 56, type 0: signature).
    assert.deepEqual(tokens.data, [12, 0, 11, 2, 1, 0, 29, 8, 3, 0, 0, 9, 6, 4, 0, 15, 0, 3, 1, 0, 6, 0, 25, 5, 0, 3, 0, 3, 1, 0, 5, 0, 3, 1, 0, 6, 0, 10, 5, 0, 3, 0, 3, 1, 0, 3, 0, 3, 1, 0, 3, 0, 8, 0, 0]);
  });

  it('says nothing about an empty document until it has text', async () => {
    const d = await open('new.cable', '\n  \n');
    assert.deepEqual(d.diagnostics, []);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('new.cable'), version: 2 }, contentChanges: [{ text: 'S E C R E T NOWHERE 000001\n\nSIPDIS\n\n¶1. (S) The board met.\n' }] });
    // The caret left under the paragraph: the banner's findings (no E.O. line, …) are neither the line being typed's nor
    // parts still to come, the text having reached its paragraphs.
    const typed = await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri('new.cable') && (p as { version?: number }).version === 2);
    assert.ok(typed.diagnostics.length > 0);
  });

  it('holds back the findings of an unfinished line while it is typed, and shows them once another line is edited or the document saved', async () => {
    // An invented draft from Embassy Paris whose TAGS lack FR (CBL050): it shows when the document opens.
    const name = 'draft-paris.cable';
    const text = 'C O N F I D E N T I A L PARIS 000412\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL PGOV\nSUBJECT: LIGHTHOUSE KEEPERS\n\nClassified By: Irene Vasko for reasons 1.4 (b).\n\n¶1. (C) Text.\n';
    const codes = (d: PublishDiagnostics) => d.diagnostics.map((x) => `${x.range.start.line} ${x.code}`);
    assert.ok(codes(await open(name, text)).includes('3 CBL050'));
    const edit = async (version: number, line: number, character: number, typed: string) => {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: typed }] });
      return codes(await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri(name) && (p as { version?: number }).version === version));
    };
    // A space typed after PGOV: the writer is still listing TAGS.
    assert.ok(!(await edit(2, 3, 15, ' ')).includes('3 CBL050'));
    // A word typed in the paragraph: the TAGS line is left, and its finding is back.
    assert.ok((await edit(3, 8, 13, ' More')).includes('3 CBL050'));
    // Back on the TAGS line, then saved.
    assert.ok(!(await edit(4, 3, 16, 'ECON ')).includes('3 CBL050'));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri(name) } });
    const saved = await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri(name) && (p as { version?: number }).version === 4);
    assert.ok(codes(saved).includes('3 CBL050'));
    // Closed, so that the workspace's other tests do not find its subject.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  });

  it('shows the findings held for the line being typed once the writer pauses, without another edit or a save', async () => {
    const name = 'draft-paused.cable';
    const text = 'C O N F I D E N T I A L PARIS 000413\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL PGOV\nSUBJECT: FOG SIGNALS\n\nClassified By: Irene Vasko for reasons 1.4 (b).\n\n¶1. (C) Text.\n';
    const codes = (d: PublishDiagnostics) => d.diagnostics.map((x) => `${x.range.start.line} ${x.code}`);
    await open(name, text);
    const started = Date.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 15 }, end: { line: 3, character: 15 } }, text: ' ' }] });
    const ofVersion2 = (p: PublishDiagnostics & { version?: number }) => p.uri === uri(name) && p.version === 2;
    // While the TAGS line is typed, its missing host-country TAG is held; the pause shows it, for the same version.
    assert.ok(!codes(await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', ofVersion2)).includes('3 CBL050'));
    const released = await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', ofVersion2, 10000);
    assert.ok(codes(released).includes('3 CBL050'));
    assert.ok(Date.now() - started >= 2000, 'not before the writer has paused');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  });

  it('holds back a marking\'s findings while its letters are typed between the parentheses the editor closed', async () => {
    // "¶2. (S/NF)" typed into a CONFIDENTIAL draft a character at a time: "(S)" is above the banner (CBL030) and "(S/)" no
    // known form (CBL029) only on the way; past the ")" the marking is done, and above the banner it is.
    const name = 'draft-marking.cable';
    const text = 'C O N F I D E N T I A L NOWHERE 000415\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL\nSUBJECT: FOG SIGNALS\n\nClassified By: Irene Vasko for reasons 1.4 (b).\n\n¶1. (C) Text.\n\n¶2. \n';
    const codes = (d: PublishDiagnostics) => d.diagnostics.map((x) => `${x.range.start.line} ${x.code}`);
    await open(name, text);
    const type = async (version: number, character: number, typed: string) => {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version }, contentChanges: [{ range: { start: { line: 10, character }, end: { line: 10, character } }, text: typed }] });
      return codes(await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri(name) && p.version === version));
    };
    // "(" typed, and ")" closed by the editor in the same edit, "()"; the letters go between them.
    await type(2, 4, '()');
    const inside = await type(3, 5, 'S');
    assert.ok(!inside.includes('10 CBL030'), inside.join());
    assert.ok(!(await type(4, 6, '/')).includes('10 CBL029'));
    // The ")" is typed over (no edit), then a space after it: the caret has left the marking.
    await type(5, 7, 'N');
    await type(6, 8, 'F');
    const left = await type(7, 10, ' ');
    assert.ok(left.includes('10 CBL030'), left.join());
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  });

  it('keeps the parts of a cable still to come held through a pause while it is typed at the end, and shows them on save', async () => {
    // A draft typed from the top as far as its TAGS, with nothing below: SUBJECT (CBL019) and Classified By (CBL020) are to come.
    const name = 'draft-top-down.cable';
    const codes = (d: PublishDiagnostics) => d.diagnostics.map((x) => x.code);
    const opened = codes(await open(name, 'C O N F I D E N T I A L PARIS 000414\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL PGOV\n'));
    assert.ok(['CBL019', 'CBL020', 'CBL050'].every((c) => opened.includes(c)), opened.join());
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 15 }, end: { line: 3, character: 15 } }, text: ' ' }] });
    const ofVersion2 = (p: PublishDiagnostics & { version?: number }) => p.uri === uri(name) && p.version === 2;
    const typing = codes(await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', ofVersion2));
    assert.deepEqual(['CBL019', 'CBL020', 'CBL050'].filter((c) => typing.includes(c)), []);
    // The pause shows the TAGS line's own finding, and only it: the fields below are still to come.
    const paused = codes(await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', ofVersion2, 10000));
    assert.deepEqual(['CBL019', 'CBL020', 'CBL050'].filter((c) => paused.includes(c)), ['CBL050']);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri(name) } });
    const saved = codes(await client.waitFor<PublishDiagnostics & { version?: number }>('textDocument/publishDiagnostics', ofVersion2));
    assert.deepEqual(['CBL019', 'CBL020', 'CBL050'].filter((c) => saved.includes(c)), ['CBL019', 'CBL020', 'CBL050']);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  });

  it('checks nothing in a binary document and says so once, while the other features still answer', async () => {
    // Bytes read as text after a banner gave a page of findings (a paragraph with no marking, no E.O. line, …).
    const text = `S E C R E T NOWHERE 000001\n\n1. The minister\u0000\u0001 said.\n${'\u0000\u00ff\u0007PK\u0003\u0004(C)\n'.repeat(200)}`;
    const d = await open('blob.cable', text);
    assert.equal(d.diagnostics.length, 1, JSON.stringify(d.diagnostics.slice(0, 3)));
    const [only] = d.diagnostics;
    assert.equal(only.source, 'cable');
    assert.equal(only.severity, 2);
    assert.deepEqual(only.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(only.message, /binary.*NUL.*skipped/);
    const doc = { textDocument: { uri: uri('blob.cable') } };
    const position = { line: 0, character: 2 };
    assert.ok(Array.isArray(await client.connection.sendRequest('textDocument/documentSymbol', doc)));
    assert.ok(Array.isArray(await client.connection.sendRequest('textDocument/foldingRange', doc)));
    await client.connection.sendRequest('textDocument/hover', { ...doc, position });
    assert.ok(Array.isArray(await client.connection.sendRequest('textDocument/completion', { ...doc, position: { line: 3, character: 0 } })));
    // No rule ran, so no quick fix, Fix All or "disable this rule" edits the bytes.
    const all = { start: { line: 0, character: 0 }, end: { line: 202, character: 0 } };
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { ...doc, range: all, context: { diagnostics: [] } }), []);
  });

  it('offers quick fixes and a safe Fix All that edits only its ranges', async () => {
    const text = read('test/fixtures/rules/cbl026-pilcrow-artifact.bad.cable');
    const d = await open('artifact.cable', text);
    const diag = d.diagnostics.find((x) => x.code === 'CBL026')!;
    const actions = await client.connection.sendRequest<{ title: string; kind: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: uri('artifact.cable') },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    assert.ok(actions.some((a) => a.kind === 'quickfix' && a.title === "Write '¶3.'"));
    const fixAll = await client.connection.sendRequest<{ kind: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: uri('artifact.cable') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cable'] },
    });
    assert.equal(fixAll.length, 1);
    // The number's repair and the stray pilcrow's deletion before the year wrapped to a line's start.
    assert.deepEqual(fixAll[0].edit.changes[uri('artifact.cable')].map((e) => e.newText), ['¶3.', '']);
  });

  it('offers "disable this rule in this file", written as an override in .cablelint.jsonc', async () => {
    const d = await open('artifact2.cable', read('test/fixtures/rules/cbl026-pilcrow-artifact.bad.cable'));
    const diag = d.diagnostics.find((x) => x.code === 'CBL026')!;
    const actions = await client.connection.sendRequest<{ title: string; edit: { documentChanges?: ({ kind: string; uri: string } | { edits: { newText: string }[] })[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: uri('artifact2.cable') },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const disable = actions.find((a) => a.title === 'Disable CBL026 pilcrow-artifact in this file')!;
    assert.ok(disable);
    const [create, insert] = disable.edit.documentChanges!;
    assert.deepEqual(create, { kind: 'create', uri: `file://${path.join(ws, '.cablelint.jsonc')}` });
    const written = JSON.parse((insert as { edits: { newText: string }[] }).edits[0].newText);
    assert.deepEqual(written, { overrides: [{ files: ['artifact2.cable'], rules: { CBL026: 'off' } }] });
  });

  it('offers "disable this rule" for the findings under the caret, as it offers their quick fixes, each tied to its diagnostic', async () => {
    // Line 9 holds two findings: "¶3." skips 2 (CBL024, at column 0) and the Comment is never closed (CBL027, at column 8);
    // a paragraph follows it, so it does not run to the end of the text.
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A for reasons 1.4 (b).\n\n¶1. (C) Text.\n¶3. (C) Comment: More text.\n¶4. (C) Last.\n';
    const d = await open('two-on-a-line.cable', text);
    const at = (code: string) => d.diagnostics.find((x) => x.code === code)!;
    assert.deepEqual([at('CBL024').range.start, at('CBL027').range.start], [{ line: 9, character: 0 }, { line: 9, character: 8 }]);
    type Action = { title: string; kind: string; diagnostics?: { code: string }[] };
    // The caret on "¶3.": the client sends the one diagnostic there.
    const actions = async (character: number, code: string) =>
      client.connection.sendRequest<Action[]>('textDocument/codeAction', {
        textDocument: { uri: uri('two-on-a-line.cable') },
        range: { start: { line: 9, character }, end: { line: 9, character } },
        context: { diagnostics: [at(code)], only: ['quickfix'] },
      });
    const onNumber = await actions(1, 'CBL024');
    assert.deepEqual(onNumber.map((a) => a.title), ['Renumber paragraphs 3 as 2 and 4 as 3', 'Disable CBL024 paragraph-number-sequence in this file']);
    assert.deepEqual(onNumber.map((a) => a.diagnostics?.map((x) => x.code)), [['CBL024'], ['CBL024']]);
    const onComment = await actions(10, 'CBL027');
    assert.deepEqual(onComment.map((a) => a.title), ["Add 'End Comment.'", 'Disable CBL027 block-unbalanced in this file']);
    assert.deepEqual(onComment.map((a) => a.diagnostics?.map((x) => x.code)), [['CBL027'], ['CBL027']]);
  });

  it('offers the renumbering with the references to the paragraphs it renumbers as a second quick fix', async () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A for reasons 1.4 (b).\n\n¶1. (C) Text; see para 3.\n¶3. (C) More text.\n';
    const d = await open('renumber-with-references.cable', text);
    const diag = d.diagnostics.find((x) => x.code === 'CBL024')!;
    const actions = await client.connection.sendRequest<{ title: string; edit: { changes: Record<string, { range: never; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: uri('renumber-with-references.cable') },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Renumber paragraph 3 as 2', 'Renumber paragraph 3 as 2, and update the reference to paragraph 3', 'Disable CBL024 paragraph-number-sequence in this file']);
    const edits = (k: number) => actions[k].edit.changes[uri('renumber-with-references.cable')];
    assert.equal(applyEdits(text, edits(0)), text.replace('¶3.', '¶2.'));
    assert.equal(applyEdits(text, edits(1)), text.replace('¶3.', '¶2.').replace('para 3', 'para 2'));
  });

  it('finds cables by id in any typed form and by subject words', async () => {
    for (const query of ['09VALLETTA388', 'VALLETTA 388', '09 VALLETTA 388', 'new director']) {
      const found = await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query });
      // Named by id and subject: VS Code keeps only the symbols whose name matches the first word typed.
      assert.ok(found.some((s) => s.name === '09VALLETTA388: HARBOR AUTHORITY NAMES A NEW DIRECTOR'), query);
    }
  });

  it('goes from "REF A para 3" and "para 2 of ref A" to that paragraph of the cited cable, or its banner when it has none', async () => {
    const cited = 'C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/05/2019\nTAGS: PREL\nSUBJECT: QUAY FEES\n\nClassified By: Someone for reasons 1.4 (b).\n\n¶1. (C) The quay.\n\n¶2. (C) The fees.\n\n¶3. (C) The patrols.\n';
    const citing = 'C O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 02/01/2019\nTAGS: PREL\nSUBJECT: QUAY FEES AGAIN\n\nREF: A. 09 NOWHERE 12\n\nClassified By: Someone for reasons 1.4 (b).\n\n¶1. (C) REF A para 3 said so; para 2 of ref A gave the fees.\n¶2. (C) As para 9 of reftel put it, and as para 1 says.\n¶3. (C) REF A paras 1 through 3 agree, and REF A paras 3 to 9.\n';
    await open('09NOWHERE12.cable', cited);
    await open('09NOWHERE40.cable', citing);
    type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
    const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
    const at = (needle: string, offset: number) => ({ line: line(citing, needle), character: citing.split('\n')[line(citing, needle)].indexOf(needle) + offset });
    const definition = (position: { line: number; character: number }) => client.connection.sendRequest<Loc | null>('textDocument/definition', { textDocument: { uri: uri('09NOWHERE40.cable') }, position });
    const marker = (n: number) => ({ start: { line: line(cited, `¶${n}.`), character: 0 }, end: { line: line(cited, `¶${n}.`), character: 3 } });
    try {
      assert.deepEqual(await definition(at('para 3', 5)), { uri: uri('09NOWHERE12.cable'), range: marker(3) });
      assert.deepEqual(await definition(at('para 2 of', 1)), { uri: uri('09NOWHERE12.cable'), range: marker(2) });
      // A paragraph the cited cable lacks: its banner, as the citation goes there, at the id (post and serial).
      const id = cited.split('\n')[0].indexOf('NOWHERE 000012');
      assert.deepEqual(await definition(at('para 9', 5)), { uri: uri('09NOWHERE12.cable'), range: { start: { line: 0, character: id }, end: { line: 0, character: id + 'NOWHERE 000012'.length } } });
      // The "through" of a range: the paragraphs between its ends, 2; a range whose paragraphs between the cited cable lacks, its banner.
      assert.deepEqual(await definition(at('through', 3)), { uri: uri('09NOWHERE12.cable'), range: marker(2) });
      assert.deepEqual(await definition(at(' to 9', 2)), { uri: uri('09NOWHERE12.cable'), range: { start: { line: 0, character: id }, end: { line: 0, character: id + 'NOWHERE 000012'.length } } });
      // "REF A" is still the in-text reference to the item, and "para 1" alone this cable's own paragraph.
      assert.deepEqual((await definition(at('REF A para', 4)))?.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 21 } });
      assert.deepEqual(await definition(at('para 1 says', 5)), { uri: uri('09NOWHERE40.cable'), range: { start: { line: line(citing, '¶1.'), character: 0 }, end: { line: line(citing, '¶1.'), character: 3 } } });
    } finally {
      for (const name of ['09NOWHERE40.cable', '09NOWHERE12.cable']) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
    }
  });

  it('goes from "para 2 of" ending a line with "ref A" on the next to the cited paragraph, and from the separator of "paras 1 -" ending a line to the paragraphs between', async () => {
    const cited = 'C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/05/2019\nTAGS: PREL\nSUBJECT: QUAY FEES\n\nClassified By: Someone for reasons 1.4 (b).\n\n¶1. (C) The quay.\n\n¶2. (C) The fees.\n\n¶3. (C) The patrols.\n';
    const citing = 'C O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 02/01/2019\nTAGS: PREL\nSUBJECT: QUAY FEES AGAIN\n\nREF: A. 09 NOWHERE 12\n\nClassified By: Someone for reasons 1.4 (b).\n\n¶1. (C) As para 2 of\nref A put it, the fees rose; see paras 2 -\n4 below.\n¶2. (C) Two.\n¶3. (C) Three.\n¶4. (C) Four.\n';
    await open('09NOWHERE12.cable', cited);
    await open('09NOWHERE40.cable', citing);
    type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
    const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
    const at = (needle: string, offset: number) => ({ line: line(citing, needle), character: citing.split('\n')[line(citing, needle)].indexOf(needle) + offset });
    const definition = (position: { line: number; character: number }) => client.connection.sendRequest<Loc | Loc[] | null>('textDocument/definition', { textDocument: { uri: uri('09NOWHERE40.cable') }, position });
    const marker = (text: string, n: number) => ({ start: { line: line(text, `¶${n}.`), character: 0 }, end: { line: line(text, `¶${n}.`), character: 3 } });
    try {
      // "para 2" of "para 2 of" / "ref A": paragraph 2 of 09NOWHERE12, not this cable's.
      assert.deepEqual(await definition(at('para 2 of', 5)), { uri: uri('09NOWHERE12.cable'), range: marker(cited, 2) });
      // The "-" ending the line of "paras 2 -" / "4": this cable's paragraph 3, between the ends.
      assert.deepEqual(await definition(at('paras 2 -', 8)), { uri: uri('09NOWHERE40.cable'), range: marker(citing, 3) });
    } finally {
      for (const name of ['09NOWHERE40.cable', '09NOWHERE12.cable']) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
    }
  });

  it('reports a paragraph of a cited workspace cable that it lacks (CBL054), and checks again when that cable is opened, edited or closed', async () => {
    const cited = (paragraphs: number) => `C O N F I D E N T I A L NOWHERE 000070\n\nE.O. 12958: DECL: 01/05/2019\nTAGS: PREL\nSUBJECT: QUAY PATROLS\n\nClassified By: Someone for reasons 1.4 (b).\n\n${Array.from({ length: paragraphs }, (_, i) => `¶${i + 1}. (C) Text.\n`).join('')}\nDOE\n`;
    const citing = 'C O N F I D E N T I A L NOWHERE 000080\n\nE.O. 12958: DECL: 02/01/2019\nTAGS: PREL\nSUBJECT: QUAY PATROLS AGAIN\n\nREF: A. 09 NOWHERE 70\n\nClassified By: Someone for reasons 1.4 (b).\n\n¶1. (C) As REF A para 5 said, the patrols go on.\n\nDOE\n';
    const file = path.join(ws, '09NOWHERE70.cable');
    fs.writeFileSync(file, cited(3));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 1 }] });
    await client.waitFor('cable/indexed');
    const found = (d: PublishDiagnostics) => d.diagnostics.filter((x) => x.code === 'CBL054').map((x) => `${x.range.start.line} ${x.severity} ${x.message}`);
    const citingShown = () => client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri('09NOWHERE80.cable'));
    try {
      assert.deepEqual(found(await open('09NOWHERE80.cable', citing)), ['10 3 REF A cites 09NOWHERE70, which has no paragraph 5: its paragraphs are numbered 1 to 3.']);
      // The cited cable opened with five paragraphs: the citing one is checked again.
      let shown = citingShown();
      await open('09NOWHERE70.cable', cited(5));
      assert.deepEqual(found(await shown), []);
      // Edited down to four and saved, and closed with three on disk: reported again.
      shown = citingShown();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('09NOWHERE70.cable'), version: 2 }, contentChanges: [{ text: cited(4) }] });
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri('09NOWHERE70.cable') } });
      assert.deepEqual(found(await shown).length, 1);
      shown = citingShown();
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('09NOWHERE70.cable') } });
      assert.deepEqual(found(await shown).length, 1);
      // The cited cable deleted: nothing is known of it, so nothing is said.
      shown = citingShown();
      fs.rmSync(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 3 }] });
      assert.deepEqual(found(await shown), []);
    } finally {
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('09NOWHERE80.cable') } });
      fs.rmSync(file, { force: true });
    }
  });

  it('goes from a REF to the cited cable, and back with references on its banner', async () => {
    const def = await client.connection.sendRequest<{ uri: string }>('textDocument/definition', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: { line: 22, character: 10 } });
    assert.equal(def.uri, uri('09VALLETTA388.cable'));
    const links = await client.connection.sendRequest<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri: uri('09VALLETTA412.cable') } });
    assert.ok(links.some((l) => l.target === uri('09VALLETTA388.cable')));
    await open('09VALLETTA388.cable', fs.readFileSync(path.join(ws, '09VALLETTA388.cable'), 'utf8'));
    type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
    const refs = await client.connection.sendRequest<Loc[]>('textDocument/references', { textDocument: { uri: uri('09VALLETTA388.cable') }, position: { line: 4, character: 3 }, context: { includeDeclaration: false } });
    // Every open or indexed cable that cites 09VALLETTA388: the sample and the fixtures made from it.
    assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [uri('09VALLETTA412.cable'), uri('artifact.cable'), uri('artifact2.cable'), uri('bad.cable')].sort());
    // Each at its REF item citing it and at the in-text references to that item, as the core reads the sample.
    const sample = parseCable(read('test/fixtures/samples/09VALLETTA412.cable')).cable;
    const itemA = sample.refs!.items.find((i) => i.letter === 'A')!;
    const mentionsOfA = findInTextReferences(sample).filter((m) => m.target.kind === 'ref' && m.target.letter === 'A').map((m) => m.range);
    assert.ok(mentionsOfA.length > 0);
    assert.deepEqual(refs.filter((r) => r.uri === uri('09VALLETTA412.cable')).map((r) => r.range), [itemA.range, ...mentionsOfA]);
    // From that REF item: the same places, and the cited cable's banner when the declaration is asked for too.
    const fromItem = async (includeDeclaration: boolean) =>
      client.connection.sendRequest<Loc[]>('textDocument/references', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: itemA.range.start, context: { includeDeclaration } });
    assert.deepEqual(await fromItem(false), refs);
    // The banner at its id: `VALLETTA 000388`.
    const banner = fs.readFileSync(path.join(ws, '09VALLETTA388.cable'), 'utf8').split('\n')[4];
    const id = { start: { line: 4, character: banner.indexOf('VALLETTA') }, end: { line: 4, character: banner.length } };
    assert.deepEqual(await fromItem(true), [{ uri: uri('09VALLETTA388.cable'), range: id }, ...refs]);
    // On the banner, its own id first when the declaration is asked for too.
    const onBanner = await client.connection.sendRequest<Loc[]>('textDocument/references', { textDocument: { uri: uri('09VALLETTA388.cable') }, position: { line: 4, character: 3 }, context: { includeDeclaration: true } });
    assert.deepEqual(onBanner, [{ uri: uri('09VALLETTA388.cable'), range: id }, ...refs]);
  });

  it('lists the workspace cables filed under a TAG as its references, each at the TAG', async () => {
    const text = 'UNCLAS VALLETTA 000431\n\nE.O. 12958: N/A\nTAGS: PREL, ECON\nSUBJECT: PILOT LICENSES\n\n¶1. (U) Text.\n';
    await open('tagged.cable', text);
    type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
    const references = (character: number) => client.connection.sendRequest<Loc[]>('textDocument/references', { textDocument: { uri: uri('tagged.cable') }, position: { line: 3, character }, context: { includeDeclaration: true } });
    const prel = await references(7);
    // This cable first; each at the TAG itself (the sample's line 19, the cable it cites line 10: `TAGS: PREL …`).
    assert.deepEqual(prel[0], { uri: uri('tagged.cable'), range: { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } } });
    const at = (name: string) => prel.filter((r) => r.uri === uri(name)).map((r) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    assert.deepEqual([at('09VALLETTA412.cable'), at('09VALLETTA388.cable')], [['18:6-18:10'], ['9:6-9:10']]);
    assert.equal(new Set(prel.map((r) => r.uri)).size, prel.length, 'one location a cable');
    // ECON: neither Valletta cable has it.
    const econ = await references(13);
    assert.deepEqual(econ[0].range.start, { line: 3, character: 12 });
    assert.ok(!econ.some((r) => r.uri === uri('09VALLETTA412.cable') || r.uri === uri('09VALLETTA388.cable')), JSON.stringify(econ));
    // On "TAGS:" itself, no TAG: nothing.
    assert.deepEqual(await references(1), []);
  });

  it('offers the workspace\'s cables as the citation of a REF item being written', async () => {
    const text = 'UNCLAS VALLETTA 000433\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: PILOT BOATS\n\nREF: A. \n\n¶1. (U) Text.\n';
    await open('citing.cable', text);
    const list = await client.connection.sendRequest<{ label: string; detail?: string }[] | { items: { label: string; detail?: string }[] }>('textDocument/completion', { textDocument: { uri: uri('citing.cable') }, position: { line: 6, character: 8 }, context: { triggerKind: 1 } });
    const items = Array.isArray(list) ? list : list.items;
    // The text gives no date, so each citation gives its year. This client declares no labelDetailsSupport: the cited
    // cable's subject follows its id in the detail.
    const cited = items.filter((i) => /^\d{2}[A-Z]+\d+(?: — |$)/.test(i.detail ?? ''));
    assert.deepEqual(cited.filter((i) => i.detail?.startsWith('09VALLETTA388')).map((i) => i.label), ['09 VALLETTA 388']);
    assert.ok(cited.some((i) => i.detail?.startsWith('09VALLETTA412')));
    assert.ok(cited.every((i) => !('labelDetails' in i)));
  });

  it('offers the signatures of the workspace\'s cables of the same post at the signature\'s place, not the draft\'s own', async () => {
    // The draft is indexed as typed, signed "CALL" by the parser's reading; the two Valletta cables are signed CALLOWAY.
    const text = 'C O N F I D E N T I A L VALLETTA 000440\n\nE.O. 13526: DECL: 06/03/2034\nTAGS: PREL\nSUBJECT: PILOT BOATS\n\nClassified By: DCM Ann Doe for reasons 1.4 (b).\n\n¶1. (C) Text.\n\nCALL\n';
    await open('signing.cable', text);
    try {
      const list = await client.connection.sendRequest<{ label: string; detail?: string }[]>('textDocument/completion', { textDocument: { uri: uri('signing.cable') }, position: { line: 10, character: 4 }, context: { triggerKind: 1 } });
      // Other tests' documents, open copies of the Valletta sample, are indexed too: the count is theirs and the files'.
      assert.deepEqual(list.map((i) => i.label), ['CALLOWAY']);
      assert.match(list[0].detail ?? '', /^Signature: \d+ cables of VALLETTA$/);
    } finally {
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('signing.cable') } });
    }
  });

  it('resolves a REF in a cable whose text gives no date by the year of its file name', async () => {
    const file = path.join(ws, '09VALLETTA420.cable');
    const text = 'UNCLAS VALLETTA 000420\n\nE.O. 12958: N/A\nTAGS: ECON MT\nSUBJECT: HARBOR DUES\n\nREF: VALLETTA 388\n\n¶1. (U) Text.\n';
    fs.writeFileSync(file, text);
    try {
      await open('09VALLETTA420.cable', text);
      const def = await client.connection.sendRequest<{ uri: string } | null>('textDocument/definition', { textDocument: { uri: uri('09VALLETTA420.cable') }, position: { line: 6, character: 8 } });
      assert.equal(def?.uri, uri('09VALLETTA388.cable'));
      const links = await client.connection.sendRequest<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri: uri('09VALLETTA420.cable') } });
      assert.deepEqual(links.map((l) => l.target), [uri('09VALLETTA388.cable')]);
      // The outline's banner entry and the banner's hover give the id, and say where it comes from.
      const symbols = await client.connection.sendRequest<{ name: string; detail?: string }[]>('textDocument/documentSymbol', { textDocument: { uri: uri('09VALLETTA420.cable') } });
      assert.deepEqual(symbols.find((s) => s.name === 'UNCLAS VALLETTA 000420')?.detail, '09VALLETTA420 (from the file name)');
      const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri('09VALLETTA420.cable') }, position: { line: 0, character: 10 } });
      assert.match(hover.contents.value, /Canonical id: 09VALLETTA420 \(from the file name\)/);
    } finally {
      fs.rmSync(file);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('09VALLETTA420.cable') } });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 3 }] });
      await client.waitFor('cable/indexed');
    }
  });

  it('goes from a REF to every file holding the cited cable, the one named after it first', async () => {
    const copy = path.join(ws, 'copy of 388.cable');
    fs.copyFileSync(path.join(ws, '09VALLETTA388.cable'), copy);
    try {
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${copy}`, type: 1 }] });
      await client.waitFor('cable/indexed');
      const def = await client.connection.sendRequest<{ uri: string }[]>('textDocument/definition', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: { line: 22, character: 10 } });
      assert.deepEqual(def.map((d) => d.uri), [uri('09VALLETTA388.cable'), `file://${copy.replace(/ /g, '%20')}`]);
    } finally {
      fs.rmSync(copy);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${copy}`, type: 3 }] });
      await client.waitFor('cable/indexed');
    }
  });

  it('keeps the index current when files are added, changed and deleted', async () => {
    const file = path.join(ws, '09VALLETTA501.cable');
    fs.writeFileSync(file, 'UNCLAS VALLETTA 000501\n\nE.O. 12958: N/A\nTAGS: ECON MT\nSUBJECT: FERRY TIMETABLES\n\nR 010800Z JUL 09\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 1 }] });
    await client.waitFor('cable/indexed');
    assert.equal((await client.connection.sendRequest<unknown[]>('workspace/symbol', { query: 'ferry' })).length, 1);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('FERRY TIMETABLES', 'PORT FEES'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 2 }] });
    await client.waitFor('cable/indexed');
    assert.equal((await client.connection.sendRequest<unknown[]>('workspace/symbol', { query: 'ferry' })).length, 0);
    assert.equal((await client.connection.sendRequest<unknown[]>('workspace/symbol', { query: 'port fees' })).length, 1);
    fs.rmSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 3 }] });
    await client.waitFor('cable/indexed');
    assert.equal((await client.connection.sendRequest<unknown[]>('workspace/symbol', { query: 'port fees' })).length, 0);
  });

  it('leaves binary files out of the index, and drops a cable file that turns binary', async () => {
    const file = path.join(ws, '09VALLETTA503.cable');
    const cable = 'UNCLAS VALLETTA 000503\n\nE.O. 12958: N/A\nTAGS: ECON MT\nSUBJECT: BALLAST WATER\n';
    const found = async (query: string) => (await client.connection.sendRequest<unknown[]>('workspace/symbol', { query })).length;
    fs.writeFileSync(file, cable);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 1 }] });
    await client.waitFor('cable/indexed');
    assert.equal(await found('ballast'), 1);
    // The same text with NUL bytes: neither its subject nor its file name's id is a cable any more.
    fs.writeFileSync(file, Buffer.concat([Buffer.from(cable), Buffer.from([0x00, 0x01, 0xff, 0x00])]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 2 }] });
    await client.waitFor('cable/indexed');
    assert.equal(await found('ballast'), 0);
    assert.equal(await found('09VALLETTA503'), 0);
    fs.rmSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${file}`, type: 3 }] });
    await client.waitFor('cable/indexed');
  });

  it('follows a folder deleted or moved in, which the client reports as one event for the folder', async () => {
    const folder = path.join(ws, 'archive');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'sub', '09VALLETTA601.cable'), 'UNCLAS VALLETTA 000601\n\nE.O. 12958: N/A\nTAGS: ECON MT\nSUBJECT: SALT PANS\n');
    const found = async (query: string) => (await client.connection.sendRequest<unknown[]>('workspace/symbol', { query })).length;
    const changed = async (type: number) => {
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${folder}`, type }] });
      await client.waitFor('cable/indexed');
    };
    await changed(1);
    assert.equal(await found('salt pans'), 1);
    fs.rmSync(folder, { recursive: true });
    await changed(3);
    assert.equal(await found('salt pans'), 0);
  });

  it('indexes an open cable as the editor has it, and as the disk has it once closed', async () => {
    const file = path.join(ws, '09VALLETTA602.cable');
    const text = 'UNCLAS VALLETTA 000602\n\nE.O. 12958: N/A\nTAGS: ECON MT\nSUBJECT: LACE MAKERS\n';
    fs.writeFileSync(file, text);
    const found = async (query: string) => (await client.connection.sendRequest<unknown[]>('workspace/symbol', { query })).length;
    try {
      await open('09VALLETTA602.cable', text);
      // Edited, not saved.
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('09VALLETTA602.cable'), version: 2 }, contentChanges: [{ text: text.replace('LACE MAKERS', 'GLASS BLOWERS') }] });
      assert.equal(await found('glass blowers'), 1);
      assert.equal(await found('lace makers'), 0);
      // Changed on disk meanwhile (a checkout), then closed without saving.
      fs.writeFileSync(file, text.replace('LACE MAKERS', 'FILIGREE'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09VALLETTA602.cable'), type: 2 }] });
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('09VALLETTA602.cable') } });
      assert.equal(await found('filigree'), 1);
      assert.equal(await found('glass blowers'), 0);
      // A draft with no file: gone from the index once closed.
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'cable', version: 1, text: text.replace('LACE MAKERS', 'BELL FOUNDERS') } });
      assert.equal(await found('bell founders'), 1);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:Untitled-1' } });
      assert.equal(await found('bell founders'), 0);
    } finally {
      fs.rmSync(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09VALLETTA602.cable'), type: 3 }] });
      await client.waitFor('cable/indexed');
    }
  });

  it('reports a broken .cablelint.jsonc as diagnostics on the file, and applies a valid one', async () => {
    const config = path.join(ws, '.cablelint.jsonc');
    fs.writeFileSync(config, '{ "rules": { "CBL999": "error", "portion-marking-missing": "loud" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 1 }] });
    const d = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === `file://${config}`);
    assert.deepEqual(d.diagnostics.map((x) => x.message), ['.cablelint.jsonc: unknown rule "CBL999"', '.cablelint.jsonc: rule "portion-marking-missing" must be one of off, hint, info, warning, error']);
    // A message that offers no choice is a notification: eglot and Neovim answer window/showMessageRequest with a prompt that waits for the user.
    const shown = await client.waitFor<{ type: number; message: string }>('window/showMessage');
    assert.deepEqual(shown, { type: 2, message: 'Cable: 2 problem(s) in .cablelint.jsonc; see the Problems panel.' });
    assert.ok(!client.requests().includes('window/showMessageRequest'), client.requests().join(', '));
    fs.writeFileSync(config, '{ "rules": { "portion-marking-missing": "off" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 2 }] });
    const again = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri('bad.cable') && !p.diagnostics.some((x) => x.code === 'CBL028'));
    assert.equal(again.diagnostics.some((x) => x.code === 'CBL028'), false);
    fs.rmSync(config);
  });

  it('counts the TAGS of the user dictionaries .cablelint.jsonc names as known in CBL044', async () => {
    const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL KLOCAF KDEMAF\nSUBJECT: X\n\n¶1. (U) Text.\n';
    const runOns = (d: PublishDiagnostics) => d.diagnostics.filter((x) => x.code === 'CBL044').map((x) => x.message.split(' ')[0]);
    assert.deepEqual(runOns(await open('user-tags.cable', text)), ['KDEMAF']);
    const config = path.join(ws, '.cablelint.jsonc');
    fs.writeFileSync(path.join(ws, 'local-tags.json'), '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }, { "code": "KDEMAF", "meaning": "A local word" }] }');
    fs.writeFileSync(config, '{ "dictionaries": ["./local-tags.json"] }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 1 }] });
    const d = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri('user-tags.cable') && !p.diagnostics.some((x) => x.message.startsWith('KDEMAF')));
    assert.deepEqual(runOns(d), ['KLOCAF']);
    fs.rmSync(config);
    fs.rmSync(path.join(ws, 'local-tags.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 3 }] });
    await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri('user-tags.cable') && p.diagnostics.some((x) => x.message.startsWith('KDEMAF')));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('user-tags.cable') } });
  });

  it("reads an open cable's wrapped TAGS line again when .cablelint.jsonc names a dictionary that defines its codes, and when it no longer does", async () => {
    const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL PGOV\nKLOC ZZQQ\nSUBJECT: HARBOR LIGHTS\n\n¶1. (U) Text.\n';
    const doc = uri('wrapped-user-tags.cable');
    const stray = (d: PublishDiagnostics) => d.diagnostics.some((x) => x.code === 'CBL037');
    const hover = async () => {
      const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: doc }, position: { line: 4, character: 1 } });
      return h?.contents.value ?? '';
    };
    const highlights = async () => (await client.connection.sendRequest<unknown[] | null>('textDocument/documentHighlight', { textDocument: { uri: doc }, position: { line: 4, character: 6 } }))?.length ?? 0;
    const found = async (query: string) => (await client.connection.sendRequest<unknown[]>('workspace/symbol', { query })).length;
    // No dictionary: the line is a stray line among the fields, and no TAGS.
    assert.equal(stray(await open('wrapped-user-tags.cable', text)), true);
    assert.doesNotMatch(await hover(), /A local program/);
    assert.equal(await highlights(), 0);
    assert.equal(await found('zzqq'), 0);
    const config = path.join(ws, '.cablelint.jsonc');
    const dictionary = path.join(ws, 'wrapped-tags.json');
    fs.writeFileSync(dictionary, '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }, { "code": "ZZQQ", "meaning": "A local office" }] }');
    fs.writeFileSync(config, '{ "dictionaries": ["./wrapped-tags.json"] }');
    try {
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 1 }] });
      // The same version, parsed again under the dictionary: the line is the field's, its codes TAGS to the hover, highlights and index.
      await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && !stray(p));
      assert.match(await hover(), /A local program/);
      assert.equal(await highlights(), 1);
      assert.equal(await found('zzqq'), 1);
    } finally {
      fs.rmSync(config);
      fs.rmSync(dictionary);
    }
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 3 }] });
    await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && stray(p));
    assert.doesNotMatch(await hover(), /A local program/);
    assert.equal(await found('zzqq'), 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc } });
  });

  it('advertises plain rename to a client that does not ask prepareRename first', () => {
    assert.equal(client.initialized.capabilities.renameProvider, true);
  });

  it('stays up on requests for unknown documents and invalid positions', async () => {
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('missing.cable') }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
    const far = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('09VALLETTA412.cable') }, position: { line: 9999, character: 9999 } });
    assert.equal(far, null);
    const symbols = await client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uri('09VALLETTA412.cable') } });
    assert.ok(symbols.length > 0);
  });

  it("on a scan's margin, CBL047's quick fix deletes the margin Enter wrote as spaces too, and smart selection climbs from the white space before a paragraph's number", async () => {
    // Invented: the Valletta sample with ¶2's line indented and three dash items typed under ¶3, with a bar on every line but
    // those typed: two as Enter writes them, past the margin as spaces (`  -- `), one at the first column.
    const items = '-- fees rise;\n-- dues fall.\n-- typed by hand;\n';
    const plain = read('test/fixtures/samples/09VALLETTA412.cable').replace('¶2. (S/NF)', '   ¶2. (S/NF)').replace('are fixed by July.\n', `are fixed by July.\n${items}`);
    const text = plain
      .split('\n')
      .map((l) => (l === '' ? '' : items.includes(`${l}\n`) ? (l.includes('hand') ? l : `  ${l}`) : `| ${l}`))
      .join('\n');
    assert.ok(parseCable(text).cable.margin);
    const name = 'margined.cable';
    const d = await open(name, text);
    const diag = d.diagnostics.find((x) => x.code === 'CBL047')!;
    const actions = await client.connection.sendRequest<{ title: string; edit: { changes?: Record<string, never[]>; documentChanges?: { edits: never[] }[] } }[]>('textDocument/codeAction', { textDocument: { uri: uri(name) }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((a) => a.title === "Delete the margin's bar from every line")!;
    const edits = fix.edit.changes?.[uri(name)] ?? fix.edit.documentChanges![0].edits;
    assert.equal(applyEdits(text, edits), plain);
    // The cursor in the white space between the bar and ¶2: the line from the cursor, then the paragraph, from the cursor too.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('¶2. (S/NF)'));
    const last = lines.findIndex((l) => l.includes('a single liaison officer.'));
    const [chain] = await client.connection.sendRequest<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: { uri: uri(name) }, positions: [{ line, character: 3 }] });
    const ranges: string[] = [];
    for (let s: typeof chain | undefined = chain; s; s = s.parent as typeof chain | undefined) ranges.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.deepEqual(ranges.slice(0, 2), [`${line}:3-${line}:${lines[line].length}`, `${line}:3-${last}:${lines[last].length}`]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  });
});

describe('rename over stdio', function () {
  this.timeout(30000);
  const uri = 'file:///nowhere/rename.cable';
  // An invented cable: REF B is cited twice, in either case; paragraph 2 twice, once as the end of a range.
  const text = 'C O N F I D E N T I A L NOWHERE 000001\r\n\r\nTAGS: PREL\r\nSUBJECT: HARBOR PATROLS\r\n\r\nREF: A. STATE 1111 B. NOWHERE 22\r\n\r\n¶1. (C) As refs A and B say, see paras 1-2.\r\n¶2. (C) Per ref b (para 2).\r\n';
  const lines = text.split('\r\n');
  const at = (line: number, needle: string, offset = 0) => ({ line, character: lines[line].indexOf(needle) + offset });
  let client: TestClient;
  before(async () => {
    client = await startServer(undefined, { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { rename: { prepareSupport: true } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 3, text } });
  });
  after(() => client.stop());

  const failure = (p: Promise<unknown>) => p.then(() => assert.fail('no error'), (e: { code: number; message: string }) => `${e.code} ${e.message}`);

  it('advertises a rename provider that prepares, to a client that asks prepareRename first', () => {
    assert.deepEqual(client.initialized.capabilities.renameProvider, { prepareProvider: true });
  });

  it('offers the letter or number under the caret, and refuses elsewhere with a message', async () => {
    const box = await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at(8, 'ref b', 1) });
    assert.deepEqual(box, { range: { start: at(8, 'ref b', 4), end: at(8, 'ref b', 5) }, placeholder: 'b' });
    const number = await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at(7, '1-2', 2) });
    assert.deepEqual(number, { range: { start: at(7, '1-2', 2), end: at(7, '1-2', 3) }, placeholder: '2' });
    assert.match(await failure(client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at(3, 'HARBOR') })), /^-32803 Only a REF item's letter/);
  });

  it('renames a REF letter and a paragraph number everywhere they are cited, as versioned edits', async () => {
    const letter = await client.connection.sendRequest<{ documentChanges: { textDocument: { uri: string; version: number }; edits: { range: never; newText: string }[] }[] }>('textDocument/rename', { textDocument: { uri }, position: at(5, 'B.'), newName: 'D' });
    assert.equal(letter.documentChanges.length, 1);
    assert.deepEqual(letter.documentChanges[0].textDocument, { uri, version: 3 });
    assert.equal(applyEdits(text, letter.documentChanges[0].edits), text.replace('B. NOWHERE', 'D. NOWHERE').replace('and B say', 'and D say').replace('ref b', 'ref d'));
    const number = await client.connection.sendRequest<typeof letter>('textDocument/rename', { textDocument: { uri }, position: at(8, '¶2.'), newName: '5' });
    assert.equal(applyEdits(text, number.documentChanges[0].edits), text.replace('paras 1-2', 'paras 1-5').replace('¶2.', '¶5.').replace('para 2)', 'para 5)'));
  });

  it('refuses a name that is not a letter or a paragraph number with a message', async () => {
    assert.equal(await failure(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at(5, 'B.'), newName: 'BB' })), '-32803 A REF item\'s letter is one letter from A to Z, not "BB".');
    assert.equal(await failure(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at(8, '¶2.'), newName: '1' })), '-32803 Paragraph 1 already exists: renumber it first, or choose another number.');
  });
});

describe('a document above cable.largeFileThreshold', function () {
  this.timeout(30000);
  it('gets every feature but the whole preview: highlights and selection ranges, which read only near the caret once parsed, folding, and rename, which the user asks for and which costs about one validation more', async () => {
    const uri = 'file:///nowhere/large.cable';
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: A. STATE 1111 B. NOWHERE 22\n\n¶1. (C) As ref B says.\n¶2. (C) Per para 1.\n';
    const client = await startServer(undefined, { workspace: { configuration: true }, textDocument: { rename: { prepareSupport: true } } }, [], { largeFileThreshold: 100 });
    try {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
      await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string }) => p.uri === uri);
      const at = { line: 5, character: text.split('\n')[5].indexOf('B.') };
      // The banner and metadata (lines 0 to 5) fold as in any cable.
      assert.deepEqual(await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }), [{ startLine: 0, endLine: 5 }]);
      // REF item B (written) and the reference to it in ¶1 (read).
      const refB = { start: { line: 7, character: 11 }, end: { line: 7, character: 16 } };
      assert.deepEqual(await client.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: at }), [
        { range: { start: at, end: { line: 5, character: text.split('\n')[5].length } }, kind: 3 },
        { range: refB, kind: 2 },
      ]);
      // In "ref B": the letter, the reference, the line, the paragraph.
      const [chain] = await client.connection.sendRequest<{ range: unknown; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 7, character: 15 }] });
      const ranges: unknown[] = [];
      for (let s: { range: unknown; parent?: unknown } | undefined = chain; s; s = s.parent as typeof s) ranges.push(s.range);
      assert.deepEqual(ranges.slice(0, 3), [{ start: { line: 7, character: 15 }, end: { line: 7, character: 16 } }, refB, { start: { line: 7, character: 0 }, end: { line: 7, character: 22 } }]);
      // The preview shows its first lines only, which the output says once.
      await client.connection.sendRequest('cable/preview', { uri });
      const log = await client.waitFor<{ message: string }>('window/logMessage', (m: { message: string }) => m.message.includes('largeFileThreshold'));
      assert.match(log.message, /is larger than cable\.largeFileThreshold \(100 characters\): its preview shows the first 5000 lines of its text; every other feature stays on\.$/);
      assert.deepEqual(await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at }), { range: { start: at, end: { line: 5, character: at.character + 1 } }, placeholder: 'B' });
      const edit = await client.connection.sendRequest<{ changes: Record<string, { range: never; newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: at, newName: 'C' });
      assert.equal(applyEdits(text, edit.changes[uri]), text.replace('B. NOWHERE', 'C. NOWHERE').replace('ref B', 'ref C'));
    } finally {
      await client.stop();
    }
  });
});

describe('REF citations from a workspace of more than a thousand cables', function () {
  this.timeout(60000);
  it('answers the latest thousand as a list marked incomplete, so that the editor asks again as the user types, and the citation typed finds an older cable', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-many-'));
    for (let k = 1; k <= 1001; k++) fs.writeFileSync(path.join(ws, `08VALLETTA${k}.cable`), `R ${String(1 + (k % 28)).padStart(2, '0')}0800Z ${k <= 500 ? 'JAN' : 'FEB'} 08\n\nUNCLAS VALLETTA ${String(k).padStart(6, '0')}\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: HARBOR NOTE ${k}\n`);
    fs.writeFileSync(path.join(ws, '05KIEV4590.cable'), 'R 010800Z MAR 05\n\nUNCLAS KIEV 004590\n\nE.O. 12958: N/A\nTAGS: EAGR\nSUBJECT: GRAIN EXPORTS\n');
    const client = await startServer(ws);
    try {
      await client.waitFor('cable/indexed');
      const uri = `file://${ws}/citing.cable`;
      const text = 'UNCLAS NOWHERE 000019\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: PILOT BOATS\n\nREF: A. \n\n1. (U) The pilots met.\n';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
      const complete = (character: number) => client.connection.sendRequest<{ isIncomplete: boolean; items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character }, context: { triggerKind: 1 } });
      const all = await complete(8);
      assert.ok(!Array.isArray(all) && all.isIncomplete && all.items.length === 1000, 'a list of 1,000 marked incomplete');
      assert.ok(!all.items.some((i) => i.label === '05 KIEV 4590'));
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 8 } }, text: '05 KI' }] });
      // The items alone, as for any complete answer.
      const typed = await complete(13);
      assert.ok(Array.isArray(typed));
      assert.deepEqual(typed.map((i) => i.label), ['05 KIEV 4590']);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('leaves a citation\'s documentation out of the list for a client that resolves it, and gives it on completionItem/resolve', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-resolve-'));
    fs.writeFileSync(path.join(ws, '05KIEV4590.cable'), 'R 010800Z MAR 05\n\nUNCLAS KIEV 004590\n\nE.O. 12958: N/A\nTAGS: EAGR\nSUBJECT: GRAIN EXPORTS\n');
    const resolving = { textDocument: { completion: { completionItem: { resolveSupport: { properties: ['documentation', 'detail'] }, documentationFormat: ['markdown', 'plaintext'] } } } };
    const client = await startServer(ws, resolving);
    try {
      assert.deepEqual((client.initialized.capabilities.completionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      await client.waitFor('cable/indexed');
      const uri = `file://${ws}/citing.cable`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: 'UNCLAS NOWHERE 000019\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: PILOT BOATS\n\nREF: A. \n' } });
      const items = await client.connection.sendRequest<{ label: string; documentation?: unknown; data?: unknown }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 8 }, context: { triggerKind: 1 } });
      const kiev = items.find((i) => i.label === '05 KIEV 4590');
      assert.ok(kiev && kiev.documentation === undefined && kiev.data !== undefined, JSON.stringify(kiev));
      const resolved = await client.connection.sendRequest<{ documentation?: { value: string } }>('completionItem/resolve', kiev);
      assert.match(resolved.documentation?.value ?? '', /\*\*GRAIN EXPORTS\*\*[\s\S]*TAGS: EAGR/);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('workspace folders added and removed after start', function () {
  this.timeout(30000);
  it('indexes a folder added to the workspace and drops the cables of one removed', async () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-first-'));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-second-'));
    fs.writeFileSync(path.join(second, '09NOWHERE77.cable'), 'UNCLAS NOWHERE 000077\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: TIDE TABLES\n');
    const client = await startServer(first, { workspace: { workspaceFolders: true } });
    try {
      await client.waitFor('cable/indexed');
      const found = async () => (await client.connection.sendRequest<unknown[]>('workspace/symbol', { query: 'tide tables' })).length;
      assert.equal(await found(), 0);
      const folder = { uri: `file://${second}`, name: 'second' };
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
      await client.waitFor('cable/indexed');
      assert.equal(await found(), 1);
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
      await client.waitFor('cable/indexed');
      assert.equal(await found(), 0);
    } finally {
      await client.stop();
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });
});

describe('the workspace index and .txt files', function () {
  this.timeout(30000);
  it('indexes a .txt file an include glob takes only if its text reads as a cable, as cablelint walks, and follows changed globs', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-txt-'));
    fs.writeFileSync(path.join(ws, '000_9f8e7d.txt'), 'UNCLAS NOWHERE 000078\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: HARBOR DREDGING\n');
    fs.writeFileSync(path.join(ws, 'notes.txt'), 'Reading notes\n\nSUBJECT: what to read next\n');
    const settings = { index: { include: ['**/*.cable', '**/*.txt'] } };
    const client = await startServer(ws, { workspace: { configuration: true } }, [], settings);
    try {
      await client.waitFor('cable/indexed');
      const found = async (query: string) => (await client.connection.sendRequest<unknown[]>('workspace/symbol', { query })).length;
      assert.equal(await found('harbor dredging'), 1);
      assert.equal(await found('read next'), 0);
      assert.equal(await found('notes'), 0);
      // Globs changed in the settings take effect at once: the workspace is walked again under them.
      const becomes = async (query: string, n: number) => {
        for (let tries = 0; tries < 100 && (await found(query)) !== n; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(await found(query), n, `${query} after the globs changed`);
      };
      settings.index.include = ['**/*.cable'];
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await becomes('harbor dredging', 0);
      settings.index.include = ['**/*.txt'];
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await becomes('harbor dredging', 1);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('"disable this rule in this file" and the client', function () {
  this.timeout(30000);
  const bad = read('test/fixtures/rules/cbl026-pilcrow-artifact.bad.cable');
  /**
   * The disable action for CBL026 in a fresh workspace holding `config` as .cablelint.jsonc (none when undefined),
   * answering the settings request with `settings`; `later`, when given, is written over the file once the document's
   * diagnostics are in, with no word to the server (a client that watches no files, a file saved outside the editor).
   */
  async function disableAction(config: string | undefined, capabilities: object, settings?: object, later?: string) {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-disable-'));
    if (config !== undefined) fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), config);
    const client = await startServer(ws, capabilities, [], settings);
    try {
      const uri = `file://${path.join(ws, 'a.cable')}`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: bad } });
      const d = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri);
      const diag = d.diagnostics.find((x) => x.code === 'CBL026')!;
      if (later !== undefined) fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), later);
      const actions = await client.connection.sendRequest<{ title: string; edit: { changes?: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
      return { action: actions.find((a) => a.title.startsWith('Disable CBL026')), configUri: `file://${path.join(ws, '.cablelint.jsonc')}` };
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  }

  it('is not offered when there is no file and the client cannot create one', async () => {
    const { action } = await disableAction(undefined, { workspace: { configuration: false } });
    assert.equal(action, undefined);
  });

  it('edits an existing file where the override goes, leaving the rest as the user wrote it', async () => {
    const config = '{ "rules": { "CBL024": "warning" } } // mine\n';
    const { action, configUri } = await disableAction(config, { workspace: { configuration: false } });
    const edits = action!.edit.changes![configUri];
    // Only insertions: nothing the user wrote is replaced or reformatted.
    assert.ok(edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character), JSON.stringify(edits));
    const lines = config.split('\n');
    const applied = [...edits].reverse().reduce((text, e) => {
      const at = lines.slice(0, e.range.start.line).reduce((n, l) => n + l.length + 1, 0) + e.range.start.character;
      return text.slice(0, at) + e.newText + text.slice(at);
    }, config);
    assert.ok(applied.startsWith('{ "rules": { "CBL024": "warning" }'), applied);
    assert.ok(applied.endsWith('} // mine\n'), applied);
    const parsed = JSON.parse(applied.replace(' // mine', ''));
    assert.deepEqual(parsed, { rules: { CBL024: 'warning' }, overrides: [{ files: ['a.cable'], rules: { CBL026: 'off' } }] });
  });

  /** `config` with the edits of `action` applied, as the client applies them. */
  function appliedTo(config: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
    const lines = config.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return [...edits].reverse().reduce((text, e) => text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end)), config);
  }

  it('is not offered again for a rule the file already turns off there: the cable.rules setting, which comes after the file, keeps it on', async () => {
    // Each use added one more identical override, and the finding stayed.
    const config = '{ "overrides": [{ "files": ["a.cable"], "rules": { "pilcrow-artifact": "off" } }] }\n';
    const { action } = await disableAction(config, { workspace: { configuration: true } }, { rules: { CBL026: 'warning' } });
    assert.equal(action, undefined);
  });

  it('is not offered for a rule the file turns off since the server read it, and adds an override after those written since, never over one', async () => {
    const off = '{ "overrides": [{ "files": ["*.cable"], "rules": { "CBL026": "off" } }] }\n';
    assert.equal((await disableAction('{}\n', { workspace: { configuration: false } }, undefined, off)).action, undefined);
    // An override for another rule, written since: the new one goes after it (it replaced it, the index being the count the server read).
    const other = '{ "overrides": [{ "files": ["a.cable"], "rules": { "CBL024": "off" } }] }\n';
    const { action, configUri } = await disableAction('{}\n', { workspace: { configuration: false } }, undefined, other);
    assert.deepEqual(JSON.parse(appliedTo(other, action!.edit.changes![configUri])), {
      overrides: [
        { files: ['a.cable'], rules: { CBL024: 'off' } },
        { files: ['a.cable'], rules: { CBL026: 'off' } },
      ],
    });
  });
});

describe('a document opened as the server starts', function () {
  this.timeout(30000);
  const CABLE = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: X\n\n1. Text.\n\n3. Text.\n';
  it('gets its diagnostics once, and again when a setting changes them', async () => {
    // Opening a document fires a content change too, and VS Code, eglot and Neovim send
    // workspace/didChangeConfiguration as they start: each validated the document again and sent the same diagnostics.
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-start-'));
    const client = await startServer(ws, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, didChangeWatchedFiles: { dynamicRegistration: true } } });
    try {
      const uri = `file://${path.join(ws, 'a.cable')}`;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: CABLE } });
      const first = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri);
      assert.deepEqual(first.diagnostics.filter((d) => d.code === 'CBL024').map((d) => d.severity), [2]);
      // Longer than the debounce of a change (150 ms).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(client.received<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri === uri).length, 1);
      // A setting that changes the findings sends them again.
      client.connection.onRequest('workspace/configuration', () => [{ rules: { CBL024: 'error' } }]);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const changed = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'CBL024' && d.severity === 1));
      // Closed and opened again, the same text gets its diagnostics again.
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: CABLE } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const all = client.received<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri === uri);
      assert.deepEqual(all.map((p) => p.diagnostics.length), [changed.diagnostics.length, changed.diagnostics.length, 0, changed.diagnostics.length]);
      assert.deepEqual(all[3], changed);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
  it('is validated under the defaults when the client never answers the settings request', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-start-'));
    fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "error" } }');
    const client = await startServer(ws, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, ['workspace/configuration', 'client/registerCapability']);
    try {
      const uri = `file://${path.join(ws, 'a.cable')}`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: X\n\n1. Text.\n\n3. Text.\n' } });
      const first = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri, 10000);
      // The workspace file is read from disk, so it applies though the client never answered.
      assert.deepEqual(first.diagnostics.filter((d) => d.code === 'CBL024').map((d) => d.severity), [1]);
      assert.deepEqual(client.requests().filter((m) => m !== 'window/workDoneProgress/create').sort(), ['client/registerCapability', 'workspace/configuration']);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
  describe('a .cablelint.jsonc in a subfolder', function () {
    // Paragraph 3 follows 1 (CBL024) and has no marking where 1 has one (CBL028).
    const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: X\n\n1. (U) Text.\n\n3. Text.\n';
    /** The severities of CBL024 (the gap from 1 to 3) in `d`. */
    const gaps = (d: PublishDiagnostics) => d.diagnostics.filter((x) => x.code === 'CBL024').map((x) => x.severity);
    let ws: string;
    let client: TestClient;
    const at = (...names: string[]) => path.join(ws, ...names);
    const uriOf = (...names: string[]) => `file://${at(...names)}`;
    beforeEach(async () => {
      ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-nested-'));
      fs.mkdirSync(at('sub', 'deeper'), { recursive: true });
      fs.mkdirSync(at('other'));
      fs.writeFileSync(at('.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "error" } }');
      fs.writeFileSync(at('sub', '.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "off" } }');
      for (const f of [['sub', 'a.cable'], ['sub', 'deeper', 'b.cable'], ['other', 'c.cable']]) fs.writeFileSync(at(...f), text);
      client = await startServer(ws, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
    });
    afterEach(async () => {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    });
    async function open(...names: string[]): Promise<PublishDiagnostics> {
      const uri = uriOf(...names);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
      return client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    }

    it('is the one a cable below it takes, in the editor and in cablelint run from the workspace folder alike', async () => {
      // The nearest configuration at or above each file's folder, as markdownlint-cli2 reads one per folder.
      assert.deepEqual(gaps(await open('sub', 'a.cable')), []);
      assert.deepEqual(gaps(await open('sub', 'deeper', 'b.cable')), []);
      assert.deepEqual(gaps(await open('other', 'c.cable')), [1]);
      const cli = (args: string[]) => JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--format', 'json', ...args], { cwd: ws, encoding: 'utf8' }).stdout) as { file: string; diagnostics: { id: string; severity: string }[] }[];
      const byFile = (results: ReturnType<typeof cli>) => Object.fromEntries(results.map((r) => [r.file, r.diagnostics.filter((d) => d.id === 'CBL024').map((d) => d.severity)]));
      assert.deepEqual(byFile(cli(['.'])), { 'other/c.cable': ['error'], 'sub/a.cable': [], 'sub/deeper/b.cable': [] });
      assert.deepEqual(byFile(cli(['sub'])), { 'sub/a.cable': [], 'sub/deeper/b.cable': [] });
    });

    it('validates again the open cables below it when the watcher says it changed, was created or was deleted', async () => {
      assert.deepEqual(gaps(await open('sub', 'a.cable')), []);
      assert.deepEqual(gaps(await open('other', 'c.cable')), [1]);
      fs.writeFileSync(at('sub', '.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "info" } }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('sub', '.cablelint.jsonc'), type: 2 }] });
      assert.deepEqual(gaps(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('sub', 'a.cable'))), [3]);
      // A configuration created in a folder of its own is the nearest for the cables there.
      fs.writeFileSync(at('other', '.cablelint.json'), '{ "rules": { "paragraph-number-sequence": "hint" } }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('other', '.cablelint.json'), type: 1 }] });
      assert.deepEqual(gaps(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('other', 'c.cable'))), [4]);
      // Deleted, the workspace folder's applies again.
      fs.rmSync(at('sub', '.cablelint.jsonc'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('sub', '.cablelint.jsonc'), type: 3 }] });
      assert.deepEqual(gaps(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('sub', 'a.cable'))), [1]);
      // A broken nested file gets its problems as diagnostics on it, as the workspace folder's does.
      fs.writeFileSync(at('other', '.cablelint.json'), '{ "rules": { "CBL999": "off" } }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('other', '.cablelint.json'), type: 2 }] });
      const problems = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('other', '.cablelint.json') && p.diagnostics.length > 0);
      assert.deepEqual(problems.diagnostics.map((d) => d.message), ['.cablelint.json: unknown rule "CBL999"']);
      // A folder deleted is one event for the folder: the configuration in it goes too.
      fs.writeFileSync(at('sub', 'deeper', '.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "hint" } }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('sub', 'deeper', '.cablelint.jsonc'), type: 1 }] });
      assert.deepEqual(gaps(await open('sub', 'deeper', 'b.cable')), [4]);
      fs.rmSync(at('sub', 'deeper'), { recursive: true });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('sub', 'deeper'), type: 3 }] });
      assert.deepEqual(gaps(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('sub', 'deeper', 'b.cable'))), [1]);
    });

    it('is the file "Disable rule in this file" edits for a cable below it, with the path from its folder', async () => {
      const d = await open('sub', 'deeper', 'b.cable');
      const diag = d.diagnostics.find((x) => x.code === 'CBL028')!;
      assert.ok(diag, JSON.stringify(d.diagnostics.map((x) => x.code)));
      const actions = await client.connection.sendRequest<{ title: string; edit: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri: uriOf('sub', 'deeper', 'b.cable') }, range: diag.range, context: { diagnostics: [diag] } });
      const disable = actions.find((a) => a.title.startsWith('Disable CBL028'))!;
      assert.deepEqual(Object.keys(disable.edit.changes!), [uriOf('sub', '.cablelint.jsonc')]);
      const config = fs.readFileSync(at('sub', '.cablelint.jsonc'), 'utf8');
      const edited = applyEdits(config, disable.edit.changes![uriOf('sub', '.cablelint.jsonc')] as never);
      assert.deepEqual(JSON.parse(edited), { rules: { 'paragraph-number-sequence': 'off' }, overrides: [{ files: ['deeper/b.cable'], rules: { CBL028: 'off' } }] });
      // A cable whose folders up to the workspace folder hold none edits the workspace folder's.
      const c = await open('other', 'c.cable');
      const cDiag = c.diagnostics.find((x) => x.code === 'CBL028')!;
      const cActions = await client.connection.sendRequest<{ title: string; edit: { changes?: Record<string, unknown[]> } }[]>('textDocument/codeAction', { textDocument: { uri: uriOf('other', 'c.cable') }, range: cDiag.range, context: { diagnostics: [cDiag] } });
      assert.deepEqual(Object.keys(cActions.find((a) => a.title.startsWith('Disable CBL028'))!.edit.changes!), [uriOf('.cablelint.jsonc')]);
    });
  });
  it('is validated with the workspace .cablelint.jsonc from its first diagnostics', async () => {
    // Editors open the file that started the server right after `initialized`, while the server is still
    // asking for settings; eglot showed CBL024 as a warning here until the first edit.
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-start-'));
    fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "error" } }');
    const client = await startServer(ws, { workspace: { configuration: true } });
    try {
      const uri = `file://${path.join(ws, 'a.cable')}`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: X\n\n1. Text.\n\n3. Text.\n' } });
      const first = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri);
      assert.deepEqual(first.diagnostics.filter((d) => d.code === 'CBL024').map((d) => d.severity), [1]);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('a user dictionary edited on disk', function () {
  this.timeout(30000);
  // Invented: a TAGS line wrapped onto a line of the team's own codes, which reads as TAGS only when a dictionary defines both.
  const TEXT = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL PGOV\nKLOC ZZQQ\nSUBJECT: HARBOR LIGHTS\n\n¶1. (U) Text.\n';
  const ONE_CODE = '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }] }';
  const BOTH_CODES = '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }, { "code": "ZZQQ", "meaning": "A local office" }] }';
  const stray = (d: PublishDiagnostics) => d.diagnostics.some((x) => x.code === 'CBL037');
  interface Registration {
    registrations: { method: string; registerOptions: { watchers: { globPattern: string | { baseUri: string; pattern: string } }[] } }[];
  }
  const profiles = [
    { name: 'a client that registers watchers', watch: { dynamicRegistration: true }, glob: () => '**/local-tags.json' },
    { name: 'a client that reads relative patterns', watch: { dynamicRegistration: true, relativePatternSupport: true }, glob: (ws: string) => ({ baseUri: `file://${path.join(ws, 'dictionaries')}`, pattern: 'local-tags.json' }) },
    // Never asked to watch anything, it still sends the events of the files it watches on its own.
    { name: 'a client that registers nothing', watch: { dynamicRegistration: false }, glob: undefined },
  ];
  for (const profile of profiles) {
    it(`is read again, with the open cables, when ${profile.name} says it changed`, async () => {
      const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cable-dictionary-')));
      const dictionary = path.join(ws, 'dictionaries', 'local-tags.json');
      fs.mkdirSync(path.dirname(dictionary));
      fs.writeFileSync(dictionary, ONE_CODE);
      fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), '{ "dictionaries": ["./dictionaries/local-tags.json"] }');
      const registered: Registration[] = [];
      const answer = (method: string, params: unknown): unknown => {
        if (method === 'client/registerCapability') registered.push(params as Registration);
        return null;
      };
      const client = await startServer(ws, { workspace: { configuration: true, didChangeWatchedFiles: profile.watch } }, [], answer);
      const doc = `file://${path.join(ws, 'draft.cable')}`;
      const hover = async () => (await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: doc }, position: { line: 4, character: 6 } }))?.contents.value ?? '';
      try {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'cable', version: 1, text: TEXT } });
        // ZZQQ is no code the dictionary knows: the line is a stray line among the fields.
        assert.equal(stray(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc)), true);
        const globs = registered.flatMap((r) => r.registrations.flatMap((g) => g.registerOptions.watchers.map((w) => w.globPattern)));
        if (profile.glob) assert.deepEqual(globs.filter((g) => typeof g !== 'string' || g.includes('local-tags')), [profile.glob(ws)]);
        else assert.deepEqual(registered, []);
        // The dictionary alone is edited: the same version of the cable is parsed again under its codes.
        fs.writeFileSync(dictionary, BOTH_CODES);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dictionary}`, type: 2 }] });
        await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && !stray(p));
        assert.match(await hover(), /A local office/);
        // Deleted, it gives no code: the line is stray again, and the dictionary's message is logged.
        fs.rmSync(dictionary);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dictionary}`, type: 3 }] });
        await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && stray(p));
        // Created again: read again.
        fs.mkdirSync(path.dirname(dictionary), { recursive: true });
        fs.writeFileSync(dictionary, BOTH_CODES);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dictionary}`, type: 1 }] });
        await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && !stray(p));
        // A file of the same name that no configuration names changes nothing (a client matching `**/local-tags.json` sends it).
        const other = path.join(ws, 'local-tags.json');
        fs.writeFileSync(other, '{ "tags": [] }');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${other}`, type: 1 }] });
        assert.match(await hover(), /A local office/);
        // Each dictionary is watched once, however often it is read.
        assert.ok(globs.length === registered.flatMap((r) => r.registrations.flatMap((g) => g.registerOptions.watchers)).length);
        assert.equal(client.stderr(), '');
      } finally {
        await client.stop();
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });
  }

  it('is no longer watched once no configuration names it, and the one named in its place is', async () => {
    const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cable-dictionary-')));
    const first = path.join(ws, 'dictionaries', 'local-tags.json');
    const second = path.join(ws, 'dictionaries', 'office-tags.json');
    fs.mkdirSync(path.dirname(first));
    fs.writeFileSync(first, ONE_CODE);
    fs.writeFileSync(second, BOTH_CODES);
    const config = path.join(ws, '.cablelint.jsonc');
    fs.writeFileSync(config, '{ "dictionaries": ["./dictionaries/local-tags.json"] }');
    /** Each dictionary watcher's registration id, by the file name its glob ends with; the ids unregistered. */
    const ids = new Map<string, string>();
    const unregistered: string[] = [];
    const answer = (method: string, params: unknown): unknown => {
      if (method === 'client/registerCapability') {
        for (const r of (params as { registrations: { id: string; registerOptions: { watchers: { globPattern: string }[] } }[] }).registrations) {
          for (const w of r.registerOptions.watchers) if (w.globPattern.endsWith('-tags.json')) ids.set(w.globPattern.replace('**/', ''), r.id);
        }
      }
      if (method === 'client/unregisterCapability') unregistered.push(...(params as { unregisterations: { id: string }[] }).unregisterations.map((u) => u.id));
      return null;
    };
    const client = await startServer(ws, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, [], answer);
    const doc = `file://${path.join(ws, 'draft.cable')}`;
    const until = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 600 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.ok(check(), what);
    };
    try {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'cable', version: 1, text: TEXT } });
      assert.equal(stray(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc)), true);
      await until(() => ids.has('local-tags.json'), 'local-tags.json watched');
      // The configuration names the other dictionary: the first is no longer watched, the other is, and the cable reads it.
      fs.writeFileSync(config, '{ "dictionaries": ["./dictionaries/office-tags.json"] }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 2 }] });
      await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && !stray(p));
      await until(() => unregistered.includes(ids.get('local-tags.json')!) && ids.has('office-tags.json'), `unregistered ${unregistered.join(', ')} of ${[...ids].join(', ')}`);
      assert.deepEqual(unregistered, [ids.get('local-tags.json')]);
      // Named again beside the other: watched again (a registration of its own), the other's kept.
      const firstId = ids.get('local-tags.json')!;
      fs.writeFileSync(config, '{ "dictionaries": ["./dictionaries/office-tags.json", "./dictionaries/local-tags.json"] }');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 2 }] });
      await until(() => ids.get('local-tags.json') !== firstId, 'local-tags.json watched again');
      assert.deepEqual(unregistered, [firstId]);
      // The configuration deleted: no configuration names a dictionary, and none is watched.
      fs.rmSync(config);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 3 }] });
      await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === doc && stray(p));
      await until(() => unregistered.length === 3, `unregistered ${unregistered.join(', ')}`);
      assert.deepEqual(new Set(unregistered), new Set([firstId, ids.get('local-tags.json'), ids.get('office-tags.json')]));
      assert.equal(client.stderr(), '');
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
