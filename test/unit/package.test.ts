/**
 * The .vsix's changelog (scripts/changelog-digest.mjs): each entry's first sentence, so that the package stays under
 * 1 MB with CHANGELOG.md growing by every change; the repository and the npm package keep the whole file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changelogDigest, firstSentence } from '../../scripts/changelog-digest.mjs';
import { ROOT } from '../helpers';

describe('the packaged changelog', () => {
  it('cuts an entry after its first sentence', () => {
    assert.equal(firstSentence('- CBL001: the DTG is read again. It was lost before.'), '- CBL001: the DTG is read again.');
    assert.equal(firstSentence('- Hover shows the TAG. `Ctrl+K` opens it.'), '- Hover shows the TAG.');
  });

  it('keeps an entry of one sentence whole', () => {
    const entry = '- Completion offers the next paragraph number (as `¶4.`), at the margin only.';
    assert.equal(firstSentence(entry), entry);
  });

  it('ends no sentence inside a code span, inside parentheses, at an abbreviation or before a number', () => {
    for (const entry of [
      '- CBL047 reads a stamp (`Case No. F-2031 Doc No. C0987 Date: 04/17/2032`) left in the text',
      '- The banner reads as meant (a scan. Then the rest) and reported',
      '- A cable of the U.S. Mission reads its post',
      '- Reasons after No. Seven and e.g. Eight stay',
      '- The order of E.O. 12958 is read',
    ]) assert.equal(firstSentence(entry), entry, entry);
  });

  it('keeps every heading and one line per entry of CHANGELOG.md, each the start of its entry, closing with where the whole file is', () => {
    const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const digest = changelogDigest(text, 'The whole file is CHANGELOG.md.');
    const entries = text.split('\n').filter((l) => l.startsWith('- '));
    const lines = digest.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('#')), text.split('\n').filter((l) => l.startsWith('#')));
    const cut = lines.filter((l) => l.startsWith('- '));
    assert.equal(cut.length, entries.length);
    cut.forEach((line, i) => {
      assert.ok(entries[i].startsWith(line), line);
      assert.equal((line.match(/`/g) ?? []).length % 2, 0, `an open code span in ${line}`);
    });
    assert.ok(lines.every((l) => !/^\s+\S/.test(l)), 'no line under an entry');
    assert.ok(digest.endsWith('The whole file is CHANGELOG.md.\n'));
    assert.ok(digest.length < text.length * 0.75, `${digest.length} of ${text.length} characters`);
  });
});
