/**
 * `cable/preview` (custom, optional) over stdio: the VS Code client's preview of an open cable, with the REF items the
 * workspace index resolves; an unknown URI or malformed parameters get null, and the server goes on answering.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer } from './client';

interface Preview {
  html: string;
  lines: number;
  shownLines: number;
}

// Invented cables: one on disk that the open one cites.
const CITED = 'R 010900Z JUN 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L NOWHERE 000030\n\nE.O. 12958: DECL: 06/01/2019\nTAGS: ECON\nSUBJECT: FERRY DUES & FARES\n\n1. (C) Text.\n';
const CITING = [
  'P 031322Z JUN 09',
  'FM AMEMBASSY NOWHERE',
  'TO SECSTATE WASHDC',
  '',
  'S E C R E T NOWHERE 000040',
  '',
  'E.O. 12958: DECL: 06/03/2019',
  'TAGS: PREL MT',
  'SUBJECT: PORT <VISITS>',
  '',
  'REF: A. NOWHERE 30',
  '',
  'Classified By: Ambassador A. Person for reasons 1.4 (b).',
  '',
  ...Array.from({ length: 30 }, (_, i) => `${i + 1}. (S) Paragraph ${i + 1}.`),
  '',
].join('\n');

describe('cable/preview', function () {
  this.timeout(40000);

  it('answers the card and the text of an open cable, links a REF item to the file the index holds, and null for an unknown URI', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-preview-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE30.cable'), CITED);
    const client = await startServer(ws);
    const uri = `file://${path.join(ws, '09NOWHERE40.cable')}`;
    try {
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: CITING } });
      const preview = await client.connection.sendRequest<Preview | null>('cable/preview', { uri });
      assert.ok(preview);
      assert.match(preview.html, /<div class="bar banner level-secret">SECRET<\/div>/);
      assert.match(preview.html, /<h1 class="subject">PORT &lt;VISITS&gt;<\/h1>/);
      assert.match(preview.html, /<dt>Date<\/dt><dd>3 June 2009, 1322Z<\/dd>/);
      assert.match(preview.html, /<code>MT<\/code> <span class="meaning">Malta<\/span>/);
      const cited = `file://${path.join(ws, '09NOWHERE30.cable')}`;
      assert.ok(preview.html.includes(`<a class="ref-link" href="${cited}" data-uri="${cited}">FERRY DUES &amp; FARES</a>`), preview.html);
      assert.equal(preview.shownLines, preview.lines);
      assert.match(preview.html, /<span class="para-number">30\.<\/span>/);

      // An edit is previewed as typed.
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: CITING.replace('PORT <VISITS>', 'HARBOR VISITS') }] });
      const edited = await client.connection.sendRequest<Preview | null>('cable/preview', { uri });
      assert.match(edited?.html ?? '', /<h1 class="subject">HARBOR VISITS<\/h1>/);

      for (const params of [{ uri: `file://${path.join(ws, 'never-opened.cable')}` }, {}, { uri: 42 }, null]) {
        assert.equal(await client.connection.sendRequest('cable/preview', params), null, JSON.stringify(params));
      }
      // The server still answers.
      assert.ok(await client.connection.sendRequest<Preview | null>('cable/preview', { uri }));
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('above cable.largeFileThreshold shows the card whole and the first lines of the text, saying so', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-preview-'));
    const client = await startServer(ws);
    const uri = `file://${path.join(ws, '09NOWHERE40.cable')}`;
    try {
      await client.waitFor('cable/indexed');
      // This client gives its settings with didChangeConfiguration.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { largeFileThreshold: 200 } } });
      // A long document, over the threshold and over the lines shown.
      const text = CITING + 'More text.\n'.repeat(6000);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
      const preview = await client.connection.sendRequest<Preview | null>('cable/preview', { uri });
      assert.ok(preview);
      assert.ok(preview.shownLines < preview.lines, `${preview.shownLines} of ${preview.lines}`);
      assert.ok(preview.html.includes(`the preview shows its first ${preview.shownLines} of ${preview.lines} lines`));
      assert.match(preview.html, /<h1 class="subject">PORT &lt;VISITS&gt;<\/h1>/);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
