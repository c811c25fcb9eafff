/**
 * The text helpers the parser's hand-written scans stand on: they must agree
 * with what the regular expressions they replaced meant (`trim`, `\s`).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clampPosition, inCapitals, isBlankedLine, isSpace, lineStarts, linesHolding, linesWith, looksBinary, matchingBracket, partitionPoint, skipSpaces, splitLines, splitShapes, trimEndOffset, upperCase } from '../../server/src/core/text';

describe('text helpers', () => {
  it('moves a position outside the text inside it, as offsetAt reads one: the start, the end, or its line\'s end', () => {
    const lines = ['UNCLAS NOWHERE 000001', '', 'TAGS: ECON'];
    assert.deepEqual(clampPosition(lines, { line: -1, character: 4 }), { line: 0, character: 0 });
    assert.deepEqual(clampPosition(lines, { line: 3, character: 0 }), { line: 2, character: 10 });
    assert.deepEqual(clampPosition(lines, { line: 1, character: 7 }), { line: 1, character: 0 });
    assert.deepEqual(clampPosition(lines, { line: 0, character: -2 }), { line: 0, character: 0 });
    const inside = { line: 2, character: 6 };
    assert.equal(clampPosition(lines, inside), inside);
  });

  it('finds the partition point of a sorted list: the count of items before a place, as a walk would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -1, max: 51 }), (values, at) => {
        const sorted = [...values].sort((a, b) => a - b);
        assert.equal(partitionPoint(sorted, (v) => v < at), sorted.filter((v) => v < at).length);
        assert.equal(partitionPoint(sorted, (v) => v <= at), sorted.filter((v) => v <= at).length);
      }),
    );
    assert.equal(partitionPoint([], () => true), 0);
  });

  it('matchingBracket finds the bracket closing an open one across lines, nested pairs of its kind counted, and nothing past its limit', () => {
    const lines = ['(Note: the minister (a former', 'general) said [twice] so.) Then', '[Comment: see (a) and [b]] end'];
    const paren = 40;
    const square = 91;
    assert.deepEqual(matchingBracket(lines, { line: 0, character: 6 }, { line: 2, character: 30 }, paren), { line: 1, character: 25 });
    // A "[" counts "[" and "]" only: the "(a)" inside is no pair of its kind.
    assert.deepEqual(matchingBracket(lines, { line: 2, character: 9 }, { line: 2, character: 30 }, square), { line: 2, character: 25 });
    // The limit is exclusive: a bracket at `to` or after it is not found.
    assert.equal(matchingBracket(lines, { line: 0, character: 6 }, { line: 1, character: 25 }, paren), undefined);
    // An unclosed bracket, or a limit past the last line, gives undefined without reading beyond the text.
    assert.equal(matchingBracket(['(Note: never closed'], { line: 0, character: 6 }, { line: 9, character: 0 }, paren), undefined);
  });

  it('lineStarts gives where every line starts, or with a count those of the first lines and of the line after them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\r', '\n', '\r\n')).map((parts) => parts.join('')), fc.nat(12), (text, count) => {
        // The lines as splitLines reads them ("\r\n", "\r" and "\n"), each start the end of the text before it.
        const all = lineStarts(text);
        assert.equal(all.length, splitLines(text).length);
        assert.deepEqual(lineStarts(text, count), all.slice(0, count + 1));
      }),
    );
    assert.deepEqual(lineStarts('ab\r\ncd\re\nf', 2), [0, 4, 7]);
    assert.deepEqual(lineStarts('ab\r\ncd\re\nf'), [0, 4, 7, 9]);
  });

  it('isSpace is exactly the set String.prototype.trim removes', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isSpace(c), ch.trim().length === 0, `U+${c.toString(16)}`);
    }
  });

  it('upperCase and inCapitals agree with toUpperCase for every UTF-16 code unit, alone and among capitals and small letters', () => {
    // The characters they read without the engine ("¶", "’", "—") and those they hand to it ("é", "µ", "ß", a surrogate).
    for (let c = 0; c < 0x10000; c++) {
      for (const text of [String.fromCharCode(c), `A${String.fromCharCode(c)}B`, `a${String.fromCharCode(c)}`]) {
        assert.equal(upperCase(text), text.toUpperCase(), `U+${c.toString(16)} in ${JSON.stringify(text)}`);
        assert.equal(inCapitals(text), text === text.toUpperCase(), `U+${c.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    for (const text of ['\u00b6 12. SUMMARY', '\u201cEND NOTE\u201d', 'STRA\u00dfE', 'ca\u00f1a', '\ud801\udc28', '\ud801\udc00']) {
      assert.equal(upperCase(text), text.toUpperCase(), text);
      assert.equal(inCapitals(text), text === text.toUpperCase(), text);
    }
  });

  it('isBlankedLine takes a line of redactions in either case, several with spaces or punctuation between, and one after a paragraph\'s number and marking', () => {
    const blanked = [
      'XXXXXXXXXXXX',
      '  XXXXXXXXXXXX  ',
      'xxxxxxxxxxxx',
      'XXXX',
      'xxxxx',
      'XXXXXXXXXXXX XXXXXXXXXXXX',
      'XXXXXXXXXXXX, XXXXXXXXXXXX.',
      'XXXXXXXXXXXX -- xxxxxxxxxxxx',
      'XXXXXXXXXXXX.',
      '(XXXXXXXXXXXX)',
      '¶6. xxxxxxxxxxxx',
      '¶3.  XXXXXXXXXXXX',
      '¶ 13. XXXXXXXXXXXX',
      '¶2 (C) XXXXXXXXXXXX',
      '¶7. (C) XXXXXXXXXXXX ',
      '7. (S/NF) XXXXXXXXXXXX',
      '12.. (SBU) xxxxxxxxxxxx XXXXXXXXXXXX',
    ];
    for (const line of blanked) assert.equal(isBlankedLine(line), true, line);
    const words = [
      '',
      '   ',
      'XXX',
      'xxxx',
      'The mayor told XXXXXXXXXXXX on May 4.',
      'XXXXXXXXXXXX said',
      'XXXXXXXXXXXXs',
      'XXXXxxxxx',
      'XXXXXXXXXXXX 2009',
      '¶6.',
      '¶7. (C)',
      '¶7. (C) The minister XXXXXXXXXXXX',
      '¶C. XXXXXXXXXXXX',
      '2009 XXXXXXXXXXXX',
      '7 XXXXXXXXXXXX',
      '¶1234. XXXXXXXXXXXX',
      'NOWHERE 00000001 002 OF 002',
    ];
    for (const line of words) assert.equal(isBlankedLine(line), false, line);
  });

  it('looksBinary takes a NUL anywhere, and nothing else', () => {
    assert.equal(looksBinary('S E C R E T NOWHERE 000001\n\u0000'), true);
    assert.equal(looksBinary('\u0000'), true);
    // Other control characters, a replacement character and a BOM are damage, not a binary file.
    assert.equal(looksBinary('\ufeffS E C R E T\u0001\u0007\ufffd\f\n'), false);
    assert.equal(looksBinary(''), false);
  });

  it('skipSpaces and trimEndOffset agree with trimStart and trimEnd', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\ufeff', 'a', 'Z', '.', '\u2003') }), (s) => {
        assert.equal(skipSpaces(s), s.length - s.trimStart().length);
        assert.equal(trimEndOffset(s), s.trimEnd().length);
      }),
    );
  });

  it('splitShapes reads where each line starts and ends, and its characters there', () => {
    const lines = ['', '  ', ' a', 'b.', '\t\u00a0c d \u2003'];
    const s = splitShapes(lines.join('\n')).shapes;
    assert.deepEqual([...s.indents], [-1, -1, 1, 0, 2]);
    assert.deepEqual([...s.ends], [0, 0, 2, 2, 5]);
    assert.deepEqual([...s.firsts].map((c) => (c ? String.fromCharCode(c) : '')), ['', '', 'a', 'b', 'c']);
    assert.deepEqual([...s.seconds].map((c) => (c ? String.fromCharCode(c) : '')), ['', '', '', '.', ' ']);
    assert.deepEqual([...s.lasts].map((c) => (c ? String.fromCharCode(c) : '')), ['', '', 'a', '.', 'd']);
  });

  it('splitShapes agrees with trim on any line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\ufeff', 'a', '.', '\u2003', '\u00e9') })), (lines) => {
        const s = splitShapes(lines.join('\n')).shapes;
        lines.forEach((line, i) => {
          const blank = line.trim().length === 0;
          assert.equal(s.indents[i], blank ? -1 : line.length - line.trimStart().length);
          assert.equal(s.ends[i], blank ? 0 : line.trimEnd().length);
          assert.equal(s.firsts[i], blank ? 0 : line.trimStart().charCodeAt(0));
          assert.equal(s.lasts[i], blank ? 0 : line.trimEnd().charCodeAt(line.trimEnd().length - 1));
        });
      }),
    );
  });

  it('splitShapes offsets and linesWith find lines across CRLF, CR and LF endings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'X', 'XX', ' ', '1') }), fc.constantFrom('\n', '\r\n', '\r'))), (parts) => {
        const text = parts.map(([line, eol]) => line + eol).join('');
        const lines = splitLines(text);
        const split = splitShapes(text);
        assert.deepEqual(split.lines, lines);
        const { offsets } = split.shapes;
        lines.forEach((line, i) => assert.equal(text.slice(offsets[i], offsets[i] + line.length), line));
        const expected = lines.map((line) => (/XX1/.test(line) ? 4 : 0));
        const found = new Uint8Array(lines.length);
        linesWith(text, offsets, 'XX', (at) => text[at + 2] === '1', found, 4);
        assert.deepEqual([...found], expected);
      }),
    );
  });

  it('linesHolding finds the lines holding a needle across CRLF, CR and LF endings, as a search of each line would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', '¶', 'Q', ' ', '1') }), fc.constantFrom('\n', '\r\n', '\r'))), fc.constantFrom('¶', 'Q', 'Q¶'), (parts, needle) => {
        const text = parts.map(([line, eol]) => line + eol).join('');
        const lines = splitLines(text);
        const expected = lines.flatMap((line, i) => (line.includes(needle) ? [i] : []));
        assert.deepEqual(linesHolding(text, lines, needle), expected);
      }),
    );
  });

  it('linesHolding finds the lines a global pattern matches across CRLF, CR and LF endings, as a test of each line would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('r', 'e', 'f', 'R', 'E', 'F', ' ', 'p') }), fc.constantFrom('\n', '\r\n', '\r'))), (parts) => {
        const text = parts.map(([line, eol]) => line + eol).join('');
        const lines = splitLines(text);
        const expected = lines.flatMap((line, i) => (/ref/i.test(line) ? [i] : []));
        assert.deepEqual(linesHolding(text, lines, /ref/gi), expected);
      }),
    );
  });
});
