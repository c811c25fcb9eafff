/**
 * `cable/extract` (custom, optional): the metadata records of the workspace index's cables, as `cablelint extract`
 * prints them, for the VS Code client's Export command; open cables as the editor has them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { startServer } from './client';

interface Extracted {
  text: string;
  count: number;
  skipped: string[];
}

// Invented cables: one with a transmission header and a REF, one with commas and quotes in its subject for CSV.
const HEADED = 'R 031322Z JUN 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: ECON PREL\nSUBJECT: FERRY DUES\nREF: A. 09 NOWHERE 12\n\nClassified By: Ambassador A. Person for reasons 1.4 (b).\n\n1. (C) Text.\n';
const QUOTED = 'UNCLAS BUENOS  AIRES 000007\n\nE.O. 12958: N/A\nTAGS: MARR\nSUBJECT: "LIGHTHOUSE" KEEPERS, PIERS AND FERRIES\n\n1. (U) Text.\n';

describe('cable/extract', function () {
  this.timeout(40000);

  it("gives cablelint extract's records for the indexed cables, in CSV and JSON Lines, with open cables' unsaved edits", async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-extract-'));
    fs.writeFileSync(path.join(ws, '09NOWHERE40.cable'), HEADED);
    fs.mkdirSync(path.join(ws, 'sub'));
    fs.writeFileSync(path.join(ws, 'sub', '08BUENOSAIRES7.txt'), QUOTED);
    // Not a cable file for the default globs: neither indexed nor extracted.
    fs.writeFileSync(path.join(ws, 'README.txt'), 'Notes.\n');
    const client = await startServer(ws);
    const extract = (format: string) => client.connection.sendRequest<Extracted>('cable/extract', { format });
    const cli = (format: string) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'extract', '--format', format, '09NOWHERE40.cable', 'sub/08BUENOSAIRES7.txt'], { cwd: ws, encoding: 'utf8' }).stdout;
    try {
      await client.waitFor('cable/indexed');
      for (const format of ['csv', 'jsonl']) {
        const got = await extract(format);
        assert.equal(got.text, cli(format), format);
        assert.deepEqual([got.count, got.skipped], [2, []]);
      }
      assert.match((await extract('csv')).text, /,"""LIGHTHOUSE"" KEEPERS, PIERS AND FERRIES",/);

      // An open cable's unsaved edit is what is extracted.
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file://${path.join(ws, '09NOWHERE40.cable')}`, languageId: 'cable', version: 1, text: HEADED.replace('FERRY DUES', 'HARBOR DUES') } });
      const records = (await extract('jsonl')).text.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; subject: string });
      assert.deepEqual(records.map((r) => [r.file, r.subject]), [['09NOWHERE40.cable', 'HARBOR DUES'], ['sub/08BUENOSAIRES7.txt', '"LIGHTHOUSE" KEEPERS, PIERS AND FERRIES']]);

      // A file gone from disk since it was indexed (no watcher told the server) is skipped and named.
      fs.rmSync(path.join(ws, 'sub', '08BUENOSAIRES7.txt'));
      const after = await extract('jsonl');
      assert.deepEqual([after.count, after.skipped], [1, ['sub/08BUENOSAIRES7.txt']]);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
