/**
 * Formatting on type over stdio: the server declares `\n` as its trigger character, and Enter typed under a numbered
 * paragraph (an incremental edit, then `textDocument/onTypeFormatting`) gets the next paragraph's number on the new line;
 * `cable.paragraphNumbers.onEnter: false` turns it off. Enter at the end of a REF item gets the next letter under it, which
 * `cable.refLetters.onEnter: false` turns off; at the end of a dash item, the next item's dashes, which
 * `cable.dashItems.onEnter: false` turns off.
 */
import * as assert from 'node:assert/strict';
import { startServer, type TestClient } from './client';

// Invented: paragraph 2 ends on line 7; Enter is typed at its end, then on the blank line it makes.
const TEXT = 'C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n¶1. (C) The harbor board met.\n\n¶ 2. (C) Fares rise.\n\nHALLORAN\n';
const URI = 'file:///ws/09NOWHERE12.cable';

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

describe('on-type formatting over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  let version = 1;

  /** Types Enter at the end of `line` (an incremental edit, as an editor sends it), then asks for the edits on the new line. */
  const enterAfter = async (line: number, character: number) => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '\n' }],
    });
    return client.connection.sendRequest<Edit[] | null>('textDocument/onTypeFormatting', {
      textDocument: { uri: URI },
      position: { line: line + 1, character: 0 },
      ch: '\n',
      options: { tabSize: 4, insertSpaces: true },
    });
  };

  before(async () => {
    client = await startServer();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'cable', version, text: TEXT } });
  });
  after(() => client.stop());

  it('declares Enter as its trigger character', () => {
    assert.deepEqual(client.initialized.capabilities.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\n' });
  });

  it('writes the next paragraph\'s number under the blank line after a paragraph, in its style, on the new line only', async () => {
    // "¶ 2. (C) Fares rise.|": a blank line goes between this cable's paragraphs, so Enter there writes nothing.
    assert.deepEqual(await enterAfter(8, 20), []);
    // Enter again on the blank line it made: "¶ 3. " in the style of "¶ 2.", no marking.
    assert.deepEqual(await enterAfter(9, 0), [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '¶ 3. ' }]);
  });

  it('writes nothing with cable.paragraphNumbers.onEnter off, and again once it is back on', async () => {
    // This client gives its settings with didChangeConfiguration; the document now ends "¶ 2. …" ⏎ "" ⏎ "" ⏎ "HALLORAN".
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { paragraphNumbers: { onEnter: false } } } });
    const ask = () => client.connection.sendRequest<Edit[] | null>('textDocument/onTypeFormatting', { textDocument: { uri: URI }, position: { line: 10, character: 0 }, ch: '\n', options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(await ask(), []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: {} } });
    assert.deepEqual(await ask(), [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '¶ 3. ' }]);
  });

  it('writes the next REF item\'s letter under the last, in its column, unless cable.refLetters.onEnter is off', async () => {
    // Invented: a REF field of one item on line 5; Enter typed at its end, the new line empty.
    const uri = 'file:///ws/09NOWHERE13.cable';
    const text = 'C O N F I D E N T I A L NOWHERE 000013\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\nREF: A. STATE 1234\n\n\n¶1. (C) The harbor board met.\n\nHALLORAN\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    const ask = () => client.connection.sendRequest<Edit[] | null>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 6, character: 0 }, ch: '\n', options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(await ask(), [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '     B. ' }]);
    // Off for REF letters only: still off with paragraph numbers off too, and back on with both.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { refLetters: { onEnter: false } } } });
    assert.deepEqual(await ask(), []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { paragraphNumbers: { onEnter: false }, refLetters: { onEnter: false } } } });
    assert.deepEqual(await ask(), []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { paragraphNumbers: { onEnter: false } } } });
    assert.deepEqual(await ask(), [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '     B. ' }]);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: {} } });
  });

  it('writes the next dash item\'s dashes under an item, unless cable.dashItems.onEnter is off', async () => {
    // Invented: a dash item on line 8, ending with a semicolon; Enter typed at its end, the new line empty.
    const uri = 'file:///ws/09NOWHERE14.cable';
    const text = 'C O N F I D E N T I A L NOWHERE 000014\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n¶1. (C) The board agreed to:\n\n  -- raise the dues;\n\n\nHALLORAN\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    const ask = () => client.connection.sendRequest<Edit[] | null>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 9, character: 0 }, ch: '\n', options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(await ask(), [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '  -- ' }]);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { dashItems: { onEnter: false } } } });
    assert.deepEqual(await ask(), []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { paragraphNumbers: { onEnter: false }, refLetters: { onEnter: false } } } });
    assert.deepEqual(await ask(), [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '  -- ' }]);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: {} } });
  });
});
