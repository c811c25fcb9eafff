/**
 * Navigating a collection over stdio: Find All References on a banner and a REF item with and without the declaration,
 * in an order that does not hang on which cables are open; Go to Definition as locations or links at the cited
 * banner's id and at the REF item an in-text reference names; workspace symbols by the classifier's name; a REF item's marking in its hovers and the preview card.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type TestClient } from './client';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Loc = { uri: string; range: Range };
type Link = { originSelectionRange?: Range; targetUri: string; targetRange: Range; targetSelectionRange: Range };

// Invented cables of an invented post: 09NOWHERE12, filed twice (folders a and b), cited by 40 (c) and 41 (d).
const CITED = [
  'R 050800Z JUN 09',
  'FM AMEMBASSY NOWHERE',
  'TO SECSTATE WASHDC',
  '',
  'C O N F I D E N T I A L NOWHERE 000012',
  '',
  'E.O. 12958: DECL: 06/05/2019',
  'TAGS: PREL',
  'SUBJECT: QUAY FEES',
  '',
  'Classified By: Consul General Quentin Marbury for reasons 1.4 (b).',
  '',
  '¶1. (C) The quay.',
  '',
  'HOLLOWAY',
  '',
].join('\n');
const CITING_40 = [
  'S E C R E T NOWHERE 000040',
  '',
  'NOFORN',
  '',
  'E.O. 12958: DECL: 06/09/2019',
  'TAGS: PREL',
  'SUBJECT: QUAY FEES AGAIN',
  '',
  'REF: A. (S/NF) 09 NOWHERE 12',
  '',
  'Classified By: DCM Ann Doe for reasons 1.4 (b).',
  '',
  '¶1. (S/NF) As REF A para 1 said (ref A), the fees rose.',
  '',
].join('\n');
const CITING_41 = 'UNCLAS NOWHERE 000041\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: QUAY FEES ONCE MORE\n\nREF: A. 09 NOWHERE 12\n\n¶1. (U) Text.\n';
// 09NOWHERE50, whose paragraphs 51 and 52 name in their text (as another cable's: "REF A para 5"), filed under EFIN alone.
const PARAS_50 = 'UNCLAS NOWHERE 000050\n\nE.O. 12958: N/A\nTAGS: EFIN\nSUBJECT: PIER LEASES\n\n¶1. (U) One.\n¶2. (U) Two.\n¶3. (U) Three.\n¶4. (U) Four.\n¶5. (U) Five.\n';
const CITING_51 = 'UNCLAS NOWHERE 000051\n\nE.O. 12958: N/A\nTAGS: EFIN\nSUBJECT: PIER LEASES AGAIN\n\nREF: A. 09 NOWHERE 50\nB. 09 ELSEWHERE 7\n\n¶1. (U) Per REF A para 5 and para 2 of ref A; REF B para 5 is another cable\'s.\n¶2. (U) REF A paras 3-5 agree.\n';
const CITING_52 = 'UNCLAS NOWHERE 000052\n\nE.O. 12958: N/A\nTAGS: EFIN\nSUBJECT: PIER LEASES ONCE MORE\n\nREF: A. 09 NOWHERE 50\n\n¶1. (U) As reftel para 5 said.\n';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
/** The range of the first `needle` in `text`, on one line. */
function rangeOf(text: string, needle: string): Range {
  const line = lineOf(text, needle);
  const character = text.split('\n')[line].indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}
/** The cited cable's id in its banner: the post and the serial. */
const CITED_ID = rangeOf(CITED, 'NOWHERE 000012');
const CITED_BANNER = rangeOf(CITED, 'C O N F I D E N T I A L NOWHERE 000012');
/** In order of file path, then of position in the file. */
const byPlace = (a: Loc, b: Loc) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

describe('navigating a collection', function () {
  this.timeout(40000);
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => `file://${path.join(ws, name)}`;
  const textOf = (name: string) => fs.readFileSync(path.join(ws, name), 'utf8');

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-navigation-'));
    const files: [string, string][] = [
      ['a/09NOWHERE12.cable', CITED], ['b/09NOWHERE12.cable', CITED], ['c/09NOWHERE40.cable', CITING_40], ['d/09NOWHERE41.cable', CITING_41],
      ['f/09NOWHERE50.cable', PARAS_50], ['g/09NOWHERE51.cable', CITING_51], ['h/09NOWHERE52.cable', CITING_52],
    ];
    for (const [name, text] of files) {
      fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
      fs.writeFileSync(path.join(ws, name), text);
    }
    client = await startServer(ws);
    await client.waitFor('cable/indexed', (p: { count: number }) => p.count >= files.length);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  /** Opens `name` with its file's text, or with `text` for a document open only, never on disk. */
  const open = async (name: string, text = textOf(name)) => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'cable', version: 1, text } });
    await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string }) => p.uri === uri(name));
  };
  const close = (name: string) => client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
  const references = (name: string, position: Range['start'], includeDeclaration: boolean) =>
    client.connection.sendRequest<Loc[]>('textDocument/references', { textDocument: { uri: uri(name) }, position, context: { includeDeclaration } });

  it("lists a cable's own banner among the references to it only when the declaration is asked for, at its id", async () => {
    await open('a/09NOWHERE12.cable');
    try {
      const without = await references('a/09NOWHERE12.cable', CITED_BANNER.start, false);
      // Where 40 and 41 cite it (40 at its item and at "REF A" and "(ref A)" in its text); never a banner of 09NOWHERE12.
      assert.deepEqual([...new Set(without.map((r) => r.uri))].sort(), [uri('c/09NOWHERE40.cable'), uri('d/09NOWHERE41.cable')]);
      assert.equal(without.filter((r) => r.uri === uri('c/09NOWHERE40.cable')).length, 3);
      const withIt = await references('a/09NOWHERE12.cable', CITED_BANNER.start, true);
      // The id in this file's banner first, then in the other file holding the cable, then the same places.
      assert.deepEqual(withIt, [{ uri: uri('a/09NOWHERE12.cable'), range: CITED_ID }, { uri: uri('b/09NOWHERE12.cable'), range: CITED_ID }, ...without]);
    } finally {
      await close('a/09NOWHERE12.cable');
    }
  });

  it('orders references by file and position, whichever cables are open', async () => {
    await open('d/09NOWHERE41.cable');
    const item = rangeOf(CITING_41, 'A. 09 NOWHERE 12').start;
    const before = await references('d/09NOWHERE41.cable', item, true);
    // Opened (and so indexed again as the editor has them): the citing cable that sorts first, and the first copy.
    await open('c/09NOWHERE40.cable');
    await open('a/09NOWHERE12.cable');
    try {
      const after = await references('d/09NOWHERE41.cable', item, true);
      assert.deepEqual(after, before);
      // The two copies of the cited cable first (the one named after it, then by path), then every citation by place.
      assert.deepEqual(after.slice(0, 2).map((r) => r.uri), [uri('a/09NOWHERE12.cable'), uri('b/09NOWHERE12.cable')]);
      const citations = after.slice(2);
      assert.deepEqual(citations, [...citations].sort(byPlace));
      assert.deepEqual([...new Set(citations.map((r) => r.uri))], [uri('c/09NOWHERE40.cable'), uri('d/09NOWHERE41.cable')]);
      assert.deepEqual(await references('a/09NOWHERE12.cable', CITED_BANNER.start, false), citations);
    } finally {
      for (const name of ['d/09NOWHERE41.cable', 'c/09NOWHERE40.cable', 'a/09NOWHERE12.cable']) await close(name);
    }
  });

  it("lists a TAG's own place, in this cable and its other files, only when the declaration is asked for", async () => {
    await open('a/09NOWHERE12.cable');
    await open('d/09NOWHERE41.cable');
    try {
      const prel = (text: string) => rangeOf(text, 'PREL');
      const at = (name: string, text: string): Loc => ({ uri: uri(name), range: prel(text) });
      // From a file of 09NOWHERE12: its TAG and that of its other file are the declaration; 40 and 41 are the cables filed under it.
      assert.deepEqual(await references('a/09NOWHERE12.cable', prel(CITED).start, true), [at('a/09NOWHERE12.cable', CITED), at('b/09NOWHERE12.cable', CITED), at('c/09NOWHERE40.cable', CITING_40), at('d/09NOWHERE41.cable', CITING_41)]);
      assert.deepEqual(await references('a/09NOWHERE12.cable', prel(CITED).start, false), [at('c/09NOWHERE40.cable', CITING_40), at('d/09NOWHERE41.cable', CITING_41)]);
      // From 41, filed once: its own TAG alone is the declaration.
      assert.deepEqual(await references('d/09NOWHERE41.cable', prel(CITING_41).start, true), [at('d/09NOWHERE41.cable', CITING_41), at('a/09NOWHERE12.cable', CITED), at('b/09NOWHERE12.cable', CITED), at('c/09NOWHERE40.cable', CITING_40)]);
      assert.deepEqual(await references('d/09NOWHERE41.cable', prel(CITING_41).start, false), [at('a/09NOWHERE12.cable', CITED), at('b/09NOWHERE12.cable', CITED), at('c/09NOWHERE40.cable', CITING_40)]);
    } finally {
      await close('a/09NOWHERE12.cable');
      await close('d/09NOWHERE41.cable');
    }
  });

  it('lists every place the TAGS field has a TAG written twice, from either, as the highlights show them', async () => {
    // Open only, never on disk; no other cable is filed under ECON.
    const name = 'e/09NOWHERE44.cable';
    const text = 'UNCLAS NOWHERE 000044\n\nE.O. 12958: N/A\nTAGS: ECON, PREL,\nECON\nSUBJECT: QUAY DUES\n\n¶1. (U) Text.\n';
    await open(name, text);
    try {
      const lines = text.split('\n');
      const first: Range = { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } };
      const second: Range = { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } };
      assert.deepEqual([lines[3].slice(6, 10), lines[4].slice(0, 4)], ['ECON', 'ECON']);
      for (const from of [first, second]) {
        const highlights = await client.connection.sendRequest<{ range: Range }[]>('textDocument/documentHighlight', { textDocument: { uri: uri(name) }, position: from.start });
        assert.deepEqual(highlights.map((h) => h.range), [first, second]);
        assert.deepEqual(await references(name, from.start, true), [{ uri: uri(name), range: first }, { uri: uri(name), range: second }]);
        assert.deepEqual(await references(name, from.start, false), []);
      }
    } finally {
      await close(name);
    }
  });

  it('finds from an in-text reference to a REF item what it finds from the item: the cited cable, and where every cable cites it', async () => {
    await open('c/09NOWHERE40.cable');
    try {
      const here = (needle: string): Loc => ({ uri: uri('c/09NOWHERE40.cable'), range: rangeOf(CITING_40, needle) });
      const item = rangeOf(CITING_40, 'A. (S/NF) 09 NOWHERE 12');
      for (const includeDeclaration of [true, false]) {
        const fromItem = await references('c/09NOWHERE40.cable', item.start, includeDeclaration);
        // "(ref A)" and the "REF A" of "REF A para 1", on their keyword and on their letter.
        for (const [needle, offset] of [['ref A', 1], ['ref A', 4], ['REF A', 0], ['REF A', 4]] as const) {
          const at = rangeOf(CITING_40, needle).start;
          assert.deepEqual(await references('c/09NOWHERE40.cable', { line: at.line, character: at.character + offset }, includeDeclaration), fromItem, `${needle} +${offset} ${includeDeclaration}`);
        }
        // This cable's item and both references to it, and 41's item citing the same cable; the cited cable's two files
        // only as the declaration.
        const expected = [here('A. (S/NF) 09 NOWHERE 12'), here('REF A'), here('ref A'), { uri: uri('d/09NOWHERE41.cable'), range: rangeOf(CITING_41, 'A. 09 NOWHERE 12') }];
        const declarations = [{ uri: uri('a/09NOWHERE12.cable'), range: CITED_ID }, { uri: uri('b/09NOWHERE12.cable'), range: CITED_ID }];
        assert.deepEqual(fromItem, includeDeclaration ? [...declarations, ...expected] : expected);
      }
      // The highlights stay in the document: the item, written to, and the two references to it.
      const highlights = await client.connection.sendRequest<{ range: Range; kind: number }[]>('textDocument/documentHighlight', { textDocument: { uri: uri('c/09NOWHERE40.cable') }, position: rangeOf(CITING_40, 'ref A').start });
      assert.deepEqual(highlights, [{ range: item, kind: 3 }, { range: rangeOf(CITING_40, 'REF A'), kind: 2 }, { range: rangeOf(CITING_40, 'ref A'), kind: 2 }]);
    } finally {
      await close('c/09NOWHERE40.cable');
    }
  });

  it('finds an in-text reference and its REF item in this cable alone when the item names no cable, the item only as the declaration', async () => {
    // Open only, never on disk: an item that cites a memorandum, not a cable.
    const name = 'e/09NOWHERE42.cable';
    const text = 'UNCLAS NOWHERE 000042\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: QUAY TALKS\n\nREF: A. MEMORANDUM OF UNDERSTANDING ON THE QUAY\n\n¶1. (U) As ref A says, the quay stays open.\n';
    await open(name, text);
    try {
      const item: Loc = { uri: uri(name), range: rangeOf(text, 'A. MEMORANDUM OF UNDERSTANDING ON THE QUAY') };
      const mention: Loc = { uri: uri(name), range: rangeOf(text, 'ref A') };
      for (const from of [item.range.start, mention.range.start]) {
        assert.deepEqual(await references(name, from, true), [item, mention]);
        assert.deepEqual(await references(name, from, false), [mention]);
      }
    } finally {
      await close(name);
    }
  });

  it('finds from "(refs)" what it finds from each REF item it names, and from the cited banner that "(refs)" cites it too', async () => {
    // Open only, never on disk: item A cites 09NOWHERE12, item B a memorandum.
    const name = 'e/09NOWHERE43.cable';
    const text = 'UNCLAS NOWHERE 000043\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: QUAY TALKS\n\nREF: A. 09 NOWHERE 12\nB. MEMORANDUM ON THE QUAY\n\n¶1. (U) The quay stays open (refs).\n';
    await open(name, text);
    try {
      const refs: Loc = { uri: uri(name), range: rangeOf(text, 'refs') };
      const places = [
        { uri: uri('c/09NOWHERE40.cable'), range: rangeOf(CITING_40, 'A. (S/NF) 09 NOWHERE 12') },
        { uri: uri('c/09NOWHERE40.cable'), range: rangeOf(CITING_40, 'REF A') },
        { uri: uri('c/09NOWHERE40.cable'), range: rangeOf(CITING_40, 'ref A') },
        { uri: uri('d/09NOWHERE41.cable'), range: rangeOf(CITING_41, 'A. 09 NOWHERE 12') },
        { uri: uri(name), range: rangeOf(text, 'A. 09 NOWHERE 12') },
        refs,
      ];
      // The cited cable's id in both its files, and item B, which cites no cable, are the declarations; "(refs)" once.
      const declarations = [{ uri: uri('a/09NOWHERE12.cable'), range: CITED_ID }, { uri: uri('b/09NOWHERE12.cable'), range: CITED_ID }, { uri: uri(name), range: rangeOf(text, 'B. MEMORANDUM ON THE QUAY') }];
      assert.deepEqual(await references(name, refs.range.start, true), [...declarations, ...places]);
      assert.deepEqual(await references(name, refs.range.start, false), places);
      // The REF field's keyword names every item as "(refs)" does, as the citation hierarchy starts there at every cited
      // cable: the same places, from its first letter to its colon.
      for (const character of [0, 3]) {
        assert.deepEqual(await references(name, { line: lineOf(text, 'REF:'), character }, true), [...declarations, ...places], `REF: at ${character}`);
        assert.deepEqual(await references(name, { line: lineOf(text, 'REF:'), character }, false), places, `REF: at ${character}`);
      }
      // Go to Definition goes from the keyword where it goes from "(refs)": to every item.
      const definition = (position: Range['start']) => client.connection.sendRequest<Loc[]>('textDocument/definition', { textDocument: { uri: uri(name) }, position });
      const items = [{ uri: uri(name), range: rangeOf(text, 'A. 09 NOWHERE 12') }, { uri: uri(name), range: rangeOf(text, 'B. MEMORANDUM ON THE QUAY') }];
      assert.deepEqual(await definition(refs.range.start), items);
      for (const character of [0, 3]) assert.deepEqual(await definition({ line: lineOf(text, 'REF:'), character }), items, `REF: at ${character}`);
      // From the banner of 09NOWHERE12: "(refs)" is among the places citing it, as "(ref A)" is.
      await open('a/09NOWHERE12.cable');
      try {
        assert.deepEqual((await references('a/09NOWHERE12.cable', CITED_BANNER.start, false)).filter((l) => l.uri === uri(name)), [places[4], refs]);
      } finally {
        await close('a/09NOWHERE12.cable');
      }
    } finally {
      await close(name);
    }
  });

  it("goes from a REF item to the id in each cited file's banner, as locations to a client that takes no links", async () => {
    await open('c/09NOWHERE40.cable');
    try {
      const def = await client.connection.sendRequest<Loc[]>('textDocument/definition', { textDocument: { uri: uri('c/09NOWHERE40.cable') }, position: rangeOf(CITING_40, '09 NOWHERE 12').start });
      assert.deepEqual(def, [{ uri: uri('a/09NOWHERE12.cable'), range: CITED_ID }, { uri: uri('b/09NOWHERE12.cable'), range: CITED_ID }]);
      // "(ref A)": a location at the REF item, as before links were answered.
      const inText = rangeOf(CITING_40, 'ref A').start;
      const toItem = await client.connection.sendRequest<Loc>('textDocument/definition', { textDocument: { uri: uri('c/09NOWHERE40.cable') }, position: { line: inText.line, character: inText.character + 1 } });
      assert.deepEqual(toItem, { uri: uri('c/09NOWHERE40.cable'), range: rangeOf(CITING_40, 'A. (S/NF) 09 NOWHERE 12') });
    } finally {
      await close('c/09NOWHERE40.cable');
    }
  });

  it('goes from a REF item to links that peek the banner and select its id, to a client that takes links', async () => {
    const linking = await startServer(ws, { textDocument: { definition: { linkSupport: true } } });
    try {
      await linking.waitFor('cable/indexed', (p: { count: number }) => p.count >= 4);
      await linking.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('c/09NOWHERE40.cable'), languageId: 'cable', version: 1, text: CITING_40 } });
      const definition = (needle: string, offset = 0) => {
        const at = rangeOf(CITING_40, needle).start;
        return linking.connection.sendRequest<Link[]>('textDocument/definition', { textDocument: { uri: uri('c/09NOWHERE40.cable') }, position: { line: at.line, character: at.character + offset } });
      };
      const item = rangeOf(CITING_40, 'A. (S/NF) 09 NOWHERE 12');
      const banner = (name: string): Link => ({ originSelectionRange: item, targetUri: uri(name), targetRange: CITED_BANNER, targetSelectionRange: CITED_ID });
      assert.deepEqual(await definition('09 NOWHERE 12'), [banner('a/09NOWHERE12.cable'), banner('b/09NOWHERE12.cable')]);
      // "REF A para 1": that paragraph's marker in each file, from the words that name it.
      const marker = rangeOf(CITED, '¶1.');
      const origin = rangeOf(CITING_40, 'para 1');
      const paragraph = await definition('para 1', 5);
      assert.deepEqual(paragraph.map((l) => [l.targetUri, l.targetRange, l.targetSelectionRange]), [[uri('a/09NOWHERE12.cable'), marker, marker], [uri('b/09NOWHERE12.cable'), marker, marker]]);
      assert.ok(paragraph.every((l) => l.originSelectionRange && l.originSelectionRange.start.line === origin.start.line && l.originSelectionRange.end.character >= origin.end.character), JSON.stringify(paragraph));
      // "(ref A)": a link from the words "ref A" to the REF item, as from a REF citation, not a bare location.
      assert.deepEqual(await definition('ref A', 1), [{ originSelectionRange: rangeOf(CITING_40, 'ref A'), targetUri: uri('c/09NOWHERE40.cable'), targetRange: item, targetSelectionRange: item }]);
    } finally {
      await linking.stop();
    }
  });

  it('finds the cables a name classified, and names the classifier, since VS Code matches names only', async () => {
    const found = await client.connection.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'marbury' });
    assert.deepEqual(found.map((s) => s.location.uri).sort(), [uri('a/09NOWHERE12.cable'), uri('b/09NOWHERE12.cable')]);
    assert.ok(found.every((s) => s.name === '09NOWHERE12: QUAY FEES · classified by Consul General Quentin Marbury'), JSON.stringify(found));
    // The signature is found and named as before.
    const signed = await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'holloway' });
    assert.ok(signed.length === 2 && signed.every((s) => s.name === '09NOWHERE12: QUAY FEES · signed HOLLOWAY'), JSON.stringify(signed));
  });

  it("shows a REF item's marking in its hover, in the hover of an in-text reference to it, and in the preview card; a cited paragraph's cable in its hover", async () => {
    await open('c/09NOWHERE40.cable');
    try {
      const hover = async (needle: string, offset = 0) => {
        const at = rangeOf(CITING_40, needle).start;
        const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri('c/09NOWHERE40.cable') }, position: { line: at.line, character: at.character + offset } });
        return h?.contents.value ?? '';
      };
      assert.match(await hover('09 NOWHERE 12'), /Marking on this item: `?\(S\/NF\)`? \(SECRET, NOFORN\)/);
      const inText = await hover('(ref A)', 1);
      assert.match(inText, /REF field: A\. \(S\/NF\) 09 NOWHERE 12/);
      assert.match(inText, /Marking on this item: `?\(S\/NF\)`? \(SECRET, NOFORN\)/);
      // "para 1" of "REF A para 1", which Go to Definition takes to that paragraph of 09NOWHERE12: the cable, as indexed.
      assert.match(await hover('para 1', 5), /^Paragraph 1 of REF A\n[^]*Cable 09NOWHERE12\n\nQUAY FEES\n\n5 June 2009, 0800Z · CONFIDENTIAL$/);
      const preview = await client.connection.sendRequest<{ html: string } | null>('cable/preview', { uri: uri('c/09NOWHERE40.cable') });
      const card = preview!.html.slice(0, preview!.html.indexOf('<pre'));
      assert.match(card, /<li><span class="ref-letter">A\.<\/span> <span class="marking level-secret" title="SECRET, NOFORN">\(S\/NF\)<\/span> <span class="citation">09 NOWHERE 12<\/span>/);
      // And in the text below the card, coloured as the paragraphs' markings are.
      assert.match(preview!.html.slice(card.length), /<span class="ref-letter">A\.<\/span> <span class="marking level-secret">\(S\/NF\)<\/span> 09 NOWHERE 12/);
    } finally {
      await close('c/09NOWHERE40.cable');
    }
  });

  it("finds from a paragraph's marker where other cables name that paragraph (REF A para 5, a range for those inside it), and the same from such a mention", async () => {
    const at = (name: string, text: string, needle: string, offset = 0, nth = 0): Loc => {
      const lines = text.split('\n');
      let found = -1;
      for (let k = 0; k <= nth; k++) found = lines.join('\n').indexOf(needle, found + 1);
      const before = text.slice(0, found).split('\n');
      const line = before.length - 1;
      const character = before[line].length + offset;
      return { uri: uri(name), range: { start: { line, character }, end: { line, character: character + needle.length - offset } } };
    };
    const marker = (n: number) => at('f/09NOWHERE50.cable', PARAS_50, `¶${n}.`);
    await open('f/09NOWHERE50.cable');
    try {
      const refs = async (n: number, includeDeclaration: boolean) => references('f/09NOWHERE50.cable', marker(n).range.start, includeDeclaration);
      // ¶5: "para 5" of "REF A para 5" and the "5" of "REF A paras 3-5" in 51, "para 5" of "reftel para 5" in 52; not 51's
      // "REF B para 5", a paragraph of 09ELSEWHERE7.
      const five = [at('g/09NOWHERE51.cable', CITING_51, 'para 5'), at('g/09NOWHERE51.cable', CITING_51, '3-5', 2), at('h/09NOWHERE52.cable', CITING_52, 'para 5')];
      assert.deepEqual(await refs(5, false), five);
      assert.deepEqual(await refs(5, true), [marker(5), ...five]);
      // ¶4 lies inside "3-5", the range its references name; ¶2 is named once, "para 2 of ref A"; ¶1 by nobody.
      assert.deepEqual(await refs(4, false), [at('g/09NOWHERE51.cable', CITING_51, '3-5')]);
      assert.deepEqual(await refs(2, false), [at('g/09NOWHERE51.cable', CITING_51, 'para 2')]);
      assert.deepEqual(await refs(3, false), [at('g/09NOWHERE51.cable', CITING_51, 'paras 3')]);
      assert.deepEqual(await refs(1, false), []);
      // An open citing cable is read as the editor has it, unsaved edits included.
      const edited = CITING_52.replace('said.', 'said, and reftel para 4 too.');
      await open('h/09NOWHERE52.cable', edited);
      try {
        assert.deepEqual(await refs(4, false), [at('g/09NOWHERE51.cable', CITING_51, '3-5'), at('h/09NOWHERE52.cable', edited, 'para 4')]);
        assert.deepEqual(await refs(5, false), five);
        // From a mention: the marker in the cited cable as the declaration, then the same places.
        const fromMention = await references('h/09NOWHERE52.cable', at('h/09NOWHERE52.cable', edited, 'para 5', 1).range.start, true);
        assert.deepEqual(fromMention, [marker(5), ...five]);
        assert.deepEqual(await references('h/09NOWHERE52.cable', at('h/09NOWHERE52.cable', edited, 'para 5', 1).range.start, false), five);
      } finally {
        await close('h/09NOWHERE52.cable');
      }
    } finally {
      await close('f/09NOWHERE50.cable');
    }
  });

  it("finds from the separator of a range of the cable's own paragraphs what the markers of those between its ends find, each place once", async () => {
    const at = (text: string, needle: string): Loc => ({ uri: uri('f/09NOWHERE50.cable'), range: rangeOf(text, needle) });
    // Open only as edited: "paras 2 through 5" in ¶1 names 3 and 4 between its ends.
    const edited = PARAS_50.replace('¶1. (U) One.', '¶1. (U) One; see paras 2 through 5.');
    await open('f/09NOWHERE50.cable', edited);
    try {
      const through = { line: lineOf(edited, 'through'), character: edited.split('\n')[lineOf(edited, 'through')].indexOf('through') + 2 };
      // This cable's range, then 3: "paras 3" of "REF A paras 3-5" in 51; 4: the "3-5" there, inside it.
      const places = [at(edited, '2 through 5'), { uri: uri('g/09NOWHERE51.cable'), range: rangeOf(CITING_51, 'paras 3') }, { uri: uri('g/09NOWHERE51.cable'), range: rangeOf(CITING_51, '3-5') }];
      assert.deepEqual(await references('f/09NOWHERE50.cable', through, false), places);
      assert.deepEqual(await references('f/09NOWHERE50.cable', through, true), [at(edited, '¶3.'), at(edited, '¶4.'), ...places]);
      // As from the markers of 3 and 4, less this cable's range, which the markers find too.
      const fromMarkers = [...(await references('f/09NOWHERE50.cable', rangeOf(edited, '¶3.').start, false)), ...(await references('f/09NOWHERE50.cable', rangeOf(edited, '¶4.').start, false))];
      assert.deepEqual(fromMarkers, [places[0], places[1], places[0], places[2]]);
    } finally {
      await close('f/09NOWHERE50.cable');
    }
  });

  it('finds and hovers from the separator of a range of a cited cable\'s paragraphs what Go to Definition goes to: the paragraphs between its ends', async () => {
    const at = (name: string, text: string, needle: string): Loc => ({ uri: uri(name), range: rangeOf(text, needle) });
    const marker = (n: number) => at('f/09NOWHERE50.cable', PARAS_50, `¶${n}.`);
    // Open only as edited: "reftel paras 1 through 4" names 2 and 3 between its ends.
    const edited = CITING_52.replace('said.', 'said, and reftel paras 1 through 4 too.');
    await open('h/09NOWHERE52.cable', edited);
    try {
      const through = { line: lineOf(edited, 'through'), character: edited.split('\n')[lineOf(edited, 'through')].indexOf('through') + 2 };
      // 2: "para 2 of ref A" in 51 and this range; 3: "paras 3" of "REF A paras 3-5" in 51 and this range, listed once.
      const places = [at('g/09NOWHERE51.cable', CITING_51, 'para 2'), at('g/09NOWHERE51.cable', CITING_51, 'paras 3'), at('h/09NOWHERE52.cable', edited, '1 through 4')];
      assert.deepEqual(await references('h/09NOWHERE52.cable', through, false), places);
      assert.deepEqual(await references('h/09NOWHERE52.cable', through, true), [marker(2), marker(3), ...places]);
      // Go to Definition goes to the same markers.
      const links = await client.connection.sendRequest<Loc[]>('textDocument/definition', { textDocument: { uri: uri('h/09NOWHERE52.cable') }, position: through });
      assert.deepEqual(links, [marker(2), marker(3)]);
      // The hover names the range, its item and the paragraphs between that the cited cable numbers, over the whole range.
      const hover = await client.connection.sendRequest<{ contents: { value: string }; range: Range }>('textDocument/hover', { textDocument: { uri: uri('h/09NOWHERE52.cable') }, position: through });
      // (This client takes plain text; "reftel" names the one item, A.)
      assert.equal(hover.contents.value, 'Paragraphs 1 to 4 of REF A\n\nThe range names the paragraphs between 1 and 4 too, of the document REF A cites, not of this cable.\n\nBetween them, 09NOWHERE50 numbers:\n\n- Paragraph 2, line 8\n- Paragraph 3, line 9\n\nREF field: A. 09 NOWHERE 50\n\nCable 09NOWHERE50\n\nPIER LEASES\n\nUNCLASSIFIED');
      assert.deepEqual(hover.range, rangeOf(edited, '1 through 4'));
    } finally {
      await close('h/09NOWHERE52.cable');
    }
  });
});
