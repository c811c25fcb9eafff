/**
 * The text helpers the parser's hand-written scans stand on: they must agree
 * with what the regular expressions they replaced meant (`trim`, `\s`).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSpace, lineIndents, lineOffsets, linesWith, skipSpaces, splitLines, trimEndOffset } from '../../server/src/core/text';

describe('text helpers', () => {
  it('isSpace is exactly the set String.prototype.trim removes', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isSpace(c), ch.trim().length === 0, `U+${c.toString(16)}`);
    }
  });

  it('skipSpaces and trimEndOffset agree with trimStart and trimEnd', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\ufeff', 'a', 'Z', '.', '\u2003') }), (s) => {
        assert.equal(skipSpaces(s), s.length - s.trimStart().length);
        assert.equal(trimEndOffset(s), s.trimEnd().length);
      }),
    );
  });

  it('lineIndents marks blank lines and the first non-space character', () => {
    assert.deepEqual([...lineIndents(['', '  ', ' a', 'b', '\t\u00a0c'])], [-1, -1, 1, 0, 2]);
  });

  it('lineOffsets and linesWith find lines across CRLF, CR and LF endings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'X', 'XX', ' ', '1') }), fc.constantFrom('\n', '\r\n', '\r'))), (parts) => {
        const text = parts.map(([line, eol]) => line + eol).join('');
        const lines = splitLines(text);
        const offsets = lineOffsets(text, lines);
        lines.forEach((line, i) => assert.equal(text.slice(offsets[i], offsets[i] + line.length), line));
        const expected = lines.map((line) => (/XX1/.test(line) ? 1 : 0));
        const found = new Uint8Array(lines.length);
        linesWith(text, offsets, 'XX', (at) => text[at + 2] === '1', found);
        assert.deepEqual([...found], expected);
      }),
    );
  });
});
