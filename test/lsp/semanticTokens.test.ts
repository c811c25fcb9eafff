/**
 * Semantic tokens over stdio: the server offers `full/delta` and `range`, a delta after an edit applied to the
 * last result gives the whole tokens of the edited text, a range gives the whole tokens on its lines, and a delta
 * against a result the server dropped when the document closed gets the whole tokens.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSemanticTokens, ROOT } from '../helpers';
import { startServer, type TestClient } from './client';

interface Tokens {
  resultId?: string;
  data: number[];
}
interface Delta {
  resultId?: string;
  edits: { start: number; deleteCount: number; data?: number[] }[];
}

/** Absolute `line:character:length:type:modifiers` of each token. */
function decode(data: readonly number[]): string[] {
  return decodeSemanticTokens(data).map((t) => t.join(':'));
}

describe('semantic tokens over stdio (full, delta, range)', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'file:///tokens/09VALLETTA412.cable';
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
  const full = () => client.connection.sendRequest<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const delta = (previousResultId: string) => client.connection.sendRequest<Tokens | Delta>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId });

  before(async () => {
    client = await startServer();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
  });
  after(() => client.stop());

  it('offers deltas and ranges', () => {
    const provider = client.initialized.capabilities.semanticTokensProvider as { full: unknown; range: unknown };
    assert.deepEqual([provider.full, provider.range], [{ delta: true }, true]);
  });

  it('sends the edits from the last result after lines are added and removed, which give the whole tokens of the edited text', async () => {
    const first = await full();
    assert.ok(first.resultId && first.data.length > 0);
    // Two blank lines added above "¶2." (line 36), then the banner's line removed: every token after moves.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 36, character: 0 }, end: { line: 36, character: 0 } }, text: '\n\n' }] });
    const second = (await delta(first.resultId)) as Delta;
    assert.ok('edits' in second && second.resultId !== first.resultId);
    let data = [...first.data];
    for (const e of [...second.edits].sort((a, b) => b.start - a.start)) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
    // Each edit is small: the two lines move one token, ¶2's number, relative to the one before it.
    assert.ok(second.edits.reduce((n, e) => n + e.deleteCount + (e.data?.length ?? 0), 0) <= 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } }, text: '' }] });
    const third = (await delta(second.resultId!)) as Delta;
    for (const e of [...third.edits].sort((a, b) => b.start - a.start)) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
    const now = await full();
    assert.deepEqual(data, now.data);
    assert.notDeepEqual(now.data, first.data);
    // The banner's three tokens are gone with its line.
    assert.equal(now.data.length, first.data.length - 15);
    data = now.data;
    // A range of lines gets the whole tokens on those lines, with the same numbers.
    const range = await client.connection.sendRequest<Tokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 30, character: 0 }, end: { line: 49, character: 0 } } });
    const inRange = decode(data).filter((t) => Number(t.split(':')[0]) >= 30 && Number(t.split(':')[0]) < 49);
    assert.ok(inRange.length >= 3);
    assert.deepEqual(decode(range.data), inRange);
  });

  it('answers a delta against a result it dropped when the document closed with the whole tokens', async () => {
    const last = await full();
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    const again = (await delta(last.resultId!)) as Tokens;
    assert.ok('data' in again);
    assert.deepEqual(again.data, (await full()).data);
  });
});
