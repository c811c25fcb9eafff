/**
 * The parser's hand-written scans and cheap pre-checks against the regular expressions
 * they stand for: a scan must read exactly what its pattern reads, and a pre-check must
 * never turn away a line its pattern would accept.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayOpenBanner, parseBanner, POST_SERIAL_JOINED, READINGS, REST, restOffsets, STAMP_POST, STAMP_POST_MIN } from '../../server/src/core/parse/banner';
import { CAPTION_START, CLOSER as CLOSER_PATTERN, collectRedactions, END_AT_LINE_END, endAtLineEnd, firstWords, gluedTitleAtEnd, MARKER, mayOpenBlock, NOT_SIGNED, notSigned, OPENER, PAREN_OPENER as PAREN_OPENER_PATTERN, readMarker, RULE_LINE, startsCaption, wordCount } from '../../server/src/core/parse/body';
import { daysInMonth, EOM_SERIAL, isRoutingIndicator, mayBeEomSerial, mayEndTransmission, startsHeader, trailingPrecedence, trailingSerial, TRANSMISSION_END, words } from '../../server/src/core/parse/header';
import { CLOSER, INLINE_OPENER, INLINE_OPENER_PATTERN, inlineOpenerAt, PAGE, PAREN, PAREN_OPENER, REDACTION, scanHints } from '../../server/src/core/parse/hints';
import { parsePortionMarking } from '../../server/src/core/parse/marking';
import { AFTER_BANNER, CLBY_KW, continuesTags, mayHoldClassifiedBy, mayOpenField, REF_AT_START, SUBJECT_AT_START, SUBJECT_KW, TAGS_AT_START } from '../../server/src/core/parse/metadata';
import { findOldPageHeader, findPageLines } from '../../server/src/core/parse/pages';
import tagData from '../../server/src/core/data/tagCodes.json';
import { normalizePost } from '../../server/src/core/id';
import type { Cable, ParseProblem, Token } from '../../server/src/core/model';
import { namesSpeaker, OPENERS, SPEAKER } from '../../server/src/core/rules/cbl024-paragraph-number-sequence';
import { INVISIBLE, rule as cbl035 } from '../../server/src/core/rules/cbl035-invisible-character';
import { afterSeparator } from '../../server/src/core/mentions';
import { isSpace, numberToken, skipSpaces, splitLines, splitShapes, wordEnd } from '../../server/src/core/text';

/** Strings built from the pieces each scan cares about, so that near misses are common. */
const from = (...pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((p) => p.join(''));
/** Some copies of one of `pieces`. */
const run = (min: number, max: number, ...pieces: string[]) => fc.array(fc.constantFrom(...pieces), { minLength: min, maxLength: max }).map((p) => p.join(''));
const opt = (...pieces: string[]) => fc.constantFrom('', ...pieces);

/** Paragraph markers and their near misses: "¶ 12.", "3.. (C)", "1234.", "¶5...x". */
const markerLike = fc
  .tuple(run(0, 2, ' ', '\t', '\u00a0'), opt('¶'), opt(' ', '\t'), run(0, 5, '1', '2', '0', '9'), opt(' ', '\u2003'), run(0, 3, '.'), fc.constantFrom('', ' ', '(C) text', 'a', '.', '\t', ',', ', (C) text', ',(S)'), from('a', ' ', '('))
  .map((p) => p.join(''));

/** Address lines ending in serials and precedence words, whole or broken. */
const addressLike = fc
  .tuple(from('RUEHC/SECSTATE', ' ', 'WASHDC', 'NIACT', 'x'), opt(' ', '\t', '-'), opt('NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE', 'FLASH', 'NIACT'), opt(' ', '\t', '-', ''), opt('6320', '0140-0141', '0140-', '-0141', '140', '01400'), opt(' ', ''))
  .map((p) => p.join(''));

/** Level words spelled whole, spaced, doubled at either end, with a letter lost or a stray one in front, and what may follow. */
const bannerLike = fc
  .tuple(
    run(0, 2, ' '),
    opt('', 'S', 'C', 'X', 'U', 'T'),
    fc.constantFrom('SECRET', 'ECRET', 'CONFIDENTIAL', 'ONFIDENTIAL', 'UNCLASSIFIED', 'NCLASSIFIED', 'UNCLAS', 'NCLAS', 'TOPSECRET', 'TOP SECRET', 'OPSECRET', 'SECRE', 'Secret', 'SECRETT', 'CONFIDENTIALL', 'UNCLASS', 'TOP SECRETT', 'ECRETT'),
    fc.boolean(),
    fc.constantFrom('', ' PARIS 000381', ' SECTION 01 OF 02 PARIS 000381', ' SECTION 01 OF 02', ' NOFORN', 'X', ' 12'),
  )
  .map(([lead, stray, word, spaced, tail]) => lead + (spaced ? [...(stray + word)].join(' ') : stray + word) + tail);

describe('hand-written scans read what their patterns read', () => {
  it('mayOpenBlock lets through every line OPENER matches', () => {
    const openerLike = fc
      .tuple(
        opt('Begin ', 'BEGIN ', 'begin  '),
        opt('Embassy ', 'EMBASSY ', 'Post ', 'Department ', 'USUN ', 'USNATO ', 'Mission ', 'Begin '),
        fc.constantFrom('Summary', 'SUMMARY', 'Comment', 'Comments', 'NOTE', 'Notes', 'Summ', 'Not', 'Com'),
        opt(' and Comment', ' AND KEY THEMES'),
        fc.constantFrom(':', '.', ' -', ' --', '--', ' x', ''),
        from('a', ' ', ':'),
      )
      .map((p) => p.join(''));
    let openers = 0;
    fc.assert(
      fc.property(fc.oneof(openerLike, from('s', 'S', 'u', 'U', 'm', 'M', 'n', 'N', 'o', 'O', 't', 'T', 'e', ':', ' ', 'ſ', 'K', '\u212a')), (text) => {
        OPENER.lastIndex = 0;
        const matches = OPENER.test(text);
        if (matches) openers++;
        const may = mayOpenBlock(text.charCodeAt(0), text.charCodeAt(1), text.charCodeAt(2));
        if (matches) assert.ok(may, JSON.stringify(text));
        // The check is exactly the first three letters of an opener word, in either case.
        assert.equal(may, /^(?:beg|emb|pos|dep|usu|usn|mis|sum|com|not)/i.test(text), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
    assert.ok(openers > 300, `only ${openers} openers generated`);
  });

  it('endAtLineEnd finds the "End" closing a line where END_AT_LINE_END does', () => {
    // "… the visit. End" ⏎ "comment.", and near misses: "Legend", "_END", "END." or a letter after it.
    const endLike = fc
      .tuple(from('x', ' ', '.', '_', '9', 'é', 'END', 'end'), fc.constantFrom('END', 'End', 'end', 'eNd', 'ND', 'EN', 'ENDS', 'Legend', '_END', '2END', 'ÉND', ''), run(0, 3, ' ', '\t', '\u00a0', '\u2003', '\ufeff', '.', 'x'))
      .map((p) => p.join(''));
    let ends = 0;
    fc.assert(
      fc.property(endLike, (text) => {
        const expected = END_AT_LINE_END.exec(text)?.index ?? -1;
        if (expected >= 0) ends++;
        assert.equal(endAtLineEnd(text), expected, JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
    assert.ok(ends > 500, `only ${ends} closing "End"s generated`);
  });

  it('notSigned reads a last line\'s end as NOT_SIGNED does', () => {
    // "… said...", "… said …", "> quoted", and near misses: "..x", ". .", ".. ".
    const tailLike = fc
      .tuple(from('x', ' ', '.', '>', '…'), fc.constantFrom('', '', ' ', '\t ', '\u00a0', '\u2003', '.', '..', '...', ' …', '>', 'x', '. .'), run(0, 2, ' ', '\t', '\u00a0', '\ufeff'))
      .map((p) => p.join(''));
    let unsigned = 0;
    fc.assert(
      fc.property(tailLike, (text) => {
        const expected = NOT_SIGNED.test(text);
        if (expected) unsigned++;
        assert.equal(notSigned(text), expected, JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
    assert.ok(unsigned > 500, `only ${unsigned} unsigned lines generated`);
  });

  it('inlineOpenerAt reads the openers after a sentence\'s end that INLINE_OPENER_PATTERN reads', () => {
    // "… late. Comment: If", '… said." NOTE:', "… ends.  Embassy comment:", and their near misses.
    const inlineLike = fc
      .tuple(
        from('x', 'ends', ' ', '.', '!', '?', ':', 'U.S.'),
        fc.constantFrom('.', '.', '!', '?', ',', ';', '-', ''),
        run(0, 2, '"', '”', '’', "'", ')', ']', '('),
        run(0, 2, ' ', ' ', ' ', '\t', '\u00a0', '\n'),
        fc.constantFrom('', '', '', '', 'Embassy', 'EMBASSY', 'embassy', 'Embassy ', 'xEmbassy ', 'The '),
        run(0, 1, ' ', '\t'),
        fc.constantFrom('Comment', 'NOTE', 'comment', 'Note', 'COMMENT', 'note', 'Comment', 'Note', 'Comments', 'Notes', 'Summary', 'SUMMARY', 'summary', 'SUMMARy', 'SUMMARIES', 'omment', 'ote', 'Kote', 'Co\u212ament'),
        fc.constantFrom(':', ':', ' :', '.', ''),
        from('a', ' ', ':', '.'),
      )
      .map((p) => p.join(''));
    let openers = 0;
    fc.assert(
      fc.property(inlineLike, fc.boolean(), (text, anyCase) => {
        const expected: number[] = [];
        for (const m of text.matchAll(INLINE_OPENER_PATTERN)) {
          const colon = m.index + m[0].length - 1;
          const start = colon - m[1].length;
          // A Summary only in capitals, in any case or not ("… said the summary: …" is prose).
          if (/^summary$/i.test(m[1]) && m[1] !== 'SUMMARY') continue;
          if (anyCase || (text.charCodeAt(start) >= 65 && text.charCodeAt(start) <= 90)) expected.push(colon - (/[ty]$/i.test(m[1]) ? 7 : 4));
        }
        const found: number[] = [];
        for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
          const word = inlineOpenerAt(text, at, anyCase);
          if (word >= 0) found.push(word);
        }
        openers += found.length;
        assert.deepEqual(found, expected, JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
    assert.ok(openers > 100, `only ${openers} openers generated`);
  });

  /**
   * Asserts that `mayMatch`, given a line's first non-space character and trimmed length, lets through every
   * one-line text from `lines` that `pattern` matches, and that more than `least` of them match.
   */
  function assertLetsThrough(pattern: RegExp, mayMatch: (first: number, length: number) => boolean, lines: fc.Arbitrary<string>, least: number, what: string) {
    let matched = 0;
    fc.assert(
      fc.property(lines, (text) => {
        const { shapes } = splitShapes(text);
        const matches = pattern.test(text);
        if (matches) matched++;
        const length = shapes.indents[0] < 0 ? 0 : shapes.ends[0] - shapes.indents[0];
        if (matches) assert.ok(mayMatch(shapes.firsts[0], length), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
    assert.ok(matched > least, `only ${matched} ${what} generated`);
  }

  it('gluedTitleAtEnd reads the title glued with its rule to a line\'s end where the whole line\'s pattern does, only after three dashes', () => {
    // Invented: "… was agreed. Action Request -----", "… 002 OF 002 Comment -------", and their near misses.
    const WHOLE = /(?:[.!?]["\u201D\u2019')\]]*|\b\d{3} OF \d{3})[ \t]+([A-Z][A-Za-z'&/, -]{0,58}[A-Za-z])[ \t]*-{3,}[ \t]*$/;
    const gluedLike = fc
      .tuple(
        from('x', 'went well', ' ', '1002', '002', ' OF ', '.', '!', ':', 'U.S'),
        fc.constantFrom('.', '!', '?', '', ',', '.)', '."', ' 002 OF 002', ' 02 OF 02'),
        run(0, 2, ' ', '\t'),
        fc.constantFrom('Comment', 'COMMENT', 'comment', 'Embassy Comment', 'Action Request', 'Fares, Quays and Piers', 'U.S.-EU Talks', 'Note', 'A', 'Ab', ''),
        run(0, 2, ' ', '\t'),
        run(0, 5, '-', '-', '-', ' '),
        run(0, 2, ' ', '\t'),
      )
      .map((p) => p.join(''));
    let titles = 0;
    fc.assert(
      fc.property(gluedLike, (text) => {
        const m = WHOLE.exec(text);
        const found = gluedTitleAtEnd(text);
        if (found) titles++;
        assert.deepEqual(found && text.slice(found.start, found.end), m?.[1], JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
    assert.ok(titles > 200, `only ${titles} titles generated`);
    // The case each guard turns away: two dashes, no rule, words after the rule, a small letter; and those it must read.
    assert.equal(gluedTitleAtEnd('The talks went well. Comment --'), undefined);
    assert.equal(gluedTitleAtEnd('The talks went well. Comment'), undefined);
    assert.equal(gluedTitleAtEnd('The talks went well. Comment ------- The board met.'), undefined);
    assert.equal(gluedTitleAtEnd('The talks went well. comment -------'), undefined);
    assert.equal(gluedTitleAtEnd('The talks went on and the summary -------'), undefined);
    assert.deepEqual(gluedTitleAtEnd('The talks went well. Comment ------- '), { start: 21, end: 28 });
    assert.deepEqual(gluedTitleAtEnd('on the quays. NOWHERE 00000051 002 OF 002 Comment -------'), { start: 42, end: 49 });
  });

  it('the page stamp, caption and speaker patterns are tried only where they can match (STAMP_POST_MIN, startsCaption, namesSpeaker)', () => {
    const stampLike = fc.tuple(opt('U', 'u', 'X'), opt('.', ''), opt(' ', ''), opt('S', 's'), opt('.', ''), run(0, 2, ' ', '\t'), opt('Department', 'DEPARTMENT', 'Dept'), run(0, 2, ' '), opt('of', 'OF'), run(0, 2, ' '), opt('State', 'STATE', 'Stat'), from('x', ' ', 'Case')).map((p) => p.join(''));
    fc.assert(fc.property(stampLike, (post) => !STAMP_POST.test(post) || post.length >= STAMP_POST_MIN), { numRuns: 3000 });
    assert.ok(STAMP_POST.test('US Department of State') && 'US Department of State'.length === STAMP_POST_MIN);
    const captionLike = fc.tuple(opt(' ', 's', 'x'), fc.constantFrom('SENSITIVE', 'SBU', 'NOT FOR', 'NOT\tFOR', 'FOR OFFICIAL', 'LIMITED OFFICIAL', 'HANDLE', 'NOFORN', 'SIPDIS', 'UNCLAS', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET', 'TOP  SECRET', 'HARBOR', 'SECRETS'), from(' ', 'X', '-', 'BUT')).map((p) => p.join(''));
    fc.assert(fc.property(captionLike, (title) => startsCaption(title) === CAPTION_START.test(title)), { numRuns: 3000 });
    const speakerLike = fc.tuple(fc.constantFrom('The', 'He', 'Chun', 'Theo', 'It', 'Its', 'A', 'An', 'Ann', 'Officials', "O'Neil", 'Kim-Lee', ''), run(0, 2, ' ', '\t', '\u00a0', '\u2003'), opt('Chun', 'The', 'Park', 'minister'), run(0, 2, ' ', '\n'), fc.constantFrom('said', 'says', 'told', 'thought', 'saidx', 'Said', 'directed')).map((p) => p.join(''));
    const byPattern = (text: string) => {
      const m = SPEAKER.exec(text);
      return m !== null && !OPENERS.has(m[1]) && (m[2] === undefined || !OPENERS.has(m[2]));
    };
    fc.assert(fc.property(speakerLike, (text) => namesSpeaker(text) === byPattern(text)), { numRuns: 3000 });
    assert.deepEqual(['Chun said', 'The Chun said', 'Kim Chun said'].map(namesSpeaker), [true, false, true]);
  });

  it('mayEndTransmission lets through every line TRANSMISSION_END matches', () => {
    // "BT" and "NNNN" with white space of every kind around them, and their near misses.
    const spaces = run(0, 3, ' ', '\t', '\u00a0', '\u2003', '\ufeff');
    const endLike = fc.tuple(spaces, fc.constantFrom('BT', 'NNNN', 'NNN', 'NNNNN', 'B', 'BTT', 'NN NN', 'B T', 'bt', 'nnnn', 'BT x', 'TB'), spaces).map((p) => p.join(''));
    assertLetsThrough(TRANSMISSION_END, mayEndTransmission, fc.oneof(endLike, from('B', 'T', 'N', 'NN', 'b', 'x', ' ', '\t', '\u00a0')), 30, 'transmission ends');
  });

  it('mayBeEomSerial lets through every line EOM_SERIAL matches', () => {
    // "#0708" with white space of every kind around it, and its near misses.
    const spaces = run(0, 3, ' ', '\t', '\u00a0', '\u2003', '\ufeff');
    const serialLike = fc.tuple(spaces, fc.constantFrom('#', '#', '#', '##', '# ', ''), run(2, 6, '0', '7', '9', '٣'), fc.constantFrom('', '', '', '/01', 'x', ' 1'), spaces).map((p) => p.join(''));
    assertLetsThrough(EOM_SERIAL, mayBeEomSerial, fc.oneof(serialLike, from('#', '0', '8', ' ', '\t', 'x')), 30, 'end-of-message serials');
  });

  it('CBL035 reports exactly the characters of its pattern, each once', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      INVISIBLE.lastIndex = 0;
      const expected = INVISIBLE.test(ch);
      // The rule reads the text, its lines and what the text says of its classification (here nothing), which
      // decides whether Fix All may remove the character. "¶" after the character keeps the text Latin-1 where it can be.
      for (const text of ['a' + ch + '¶', 'a' + ch + '’']) {
        const found: number[] = [];
        const cable = { text, lines: splitLines(text), banners: [], paragraphs: [], itemMarkings: [], headings: [], caveats: [] } as unknown as Cable;
        cbl035.check(cable, (f) => found.push(f.range.start.character), {});
        assert.deepEqual(found, expected ? [1] : [], `U+${c.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
  });

  it('readMarker agrees with MARKER', () => {
    fc.assert(
      fc.property(fc.oneof(markerLike, from('¶', ' ', '\t', '1', '2', '0', '9', '.', '(', 'C', ')', 'a', ',', '\u00a0')), (text) => {
        const m = MARKER.exec(text);
        const r = readMarker(0, text, skipSpaces(text));
        if (!m) return assert.equal(r, undefined, JSON.stringify(text));
        assert.ok(r, JSON.stringify(text));
        assert.equal(r.marker.range.start.character, m[1].length);
        assert.equal(r.marker.range.end.character, m[0].length);
        assert.equal(r.numberToken.text, m[4] ?? m[6]);
        assert.equal(r.style, m[2] ? (m[3] ? 'pilcrow-space' : 'pilcrow') : 'bare');
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('trailingSerial and trailingPrecedence agree with the address-line patterns they replace', () => {
    fc.assert(
      fc.property(addressLike, fc.nat(40), (text, pos) => {
        const floor = Math.min(pos, text.length);
        const end = text.trimEnd().length;
        const serial = /\s(\d{4}(?:-\d{4})?)$/.exec(text.slice(0, end));
        const expectedSerial = serial && serial.index >= floor ? serial.index + 1 : -1;
        assert.equal(trailingSerial(text, floor, end), expectedSerial, JSON.stringify([text, floor]));
        const precedence = /\s(NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)$/.exec(text.slice(0, end));
        const expectedPrecedence = precedence && precedence.index >= floor ? precedence.index + 1 : -1;
        assert.equal(trailingPrecedence(text, floor, end), expectedPrecedence, JSON.stringify([text, floor]));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('startsHeader agrees with its patterns whatever the first character', () => {
    const patterns = [/^\s*VZCZC/, /^\s*DE\s+R[A-Z]{3,7}\s+#/, /^\s*([A-Z])(?:\s+([A-Z]))?\s+(\d{6}Z)\s+([A-Za-z]{3})\s+(\d{2,4})(?=\s|$).*$/, /^\s*(?:(?:INFO|ACTION)\s+[A-Z0-9]+-\d{2}\b|(?:Distribution|DISTRIBUTION):\s*$|-{5,}[A-Z0-9]*\s+\d{6}Z\s*\/\d+\s*$)/];
    fc.assert(
      fc.property(from(' ', 'VZCZC', 'DE ', 'RUEHFR', ' #', 'P', 'O', ' ', '280849Z', 'MAY', '09', 'INFO', 'LOG-00', '-----', '/38', 'Distribution:', 'DISTRIBUTION:'), (text) => {
        assert.equal(startsHeader(text), patterns.some((p) => p.test(text)), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('daysInMonth counts the days Date counts, years 0–99 read as 1900–1999 as Date.UTC reads them', () => {
    for (let year = 0; year <= 3000; year++) {
      for (let month = 1; month <= 12; month++) {
        assert.equal(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate(), `${year}-${month}`);
      }
    }
  });

  it('a portion marking read again from the reading cache equals the first reading, at its own position', () => {
    const inners = ['S', 'C//NF', 'SBU', 'S/REL NATO', 'N/SF', 'SNF', 'Iran', 'TS//SI//NF', 'C - ENTIRE TEXT', 'U//FOUO', ' s '];
    for (const inner of inners) {
      const first = parsePortionMarking(3, `¶1. (${inner}) text`, 4);
      const again = parsePortionMarking(7, `  (${inner})`, 2);
      assert.equal(again === undefined, first === undefined, inner);
      if (!first || !again) continue;
      assert.deepEqual({ ...again, token: undefined, inner: undefined }, { ...first, token: undefined, inner: undefined }, inner);
      assert.deepEqual(again.token, { text: `(${inner})`, range: { start: { line: 7, character: 2 }, end: { line: 7, character: 4 + inner.length } } });
      assert.ok(Object.isFrozen(again.controls), 'shared controls are frozen');
    }
  });

  it('the first letters each field keyword needs are checked before its pattern', () => {
    const fieldLike = from(' ', '\t', 'TAGS', 'Tags', 'tags', 'TAG', ':', 'SUBJECT', 'Subject', 'SUBJ', 'subj', 'REF', 'Ref', 'REFTEL', 'REFS', 'E.O.', 'EO', 'E0', 'e.o.', '12958', 'Classified By', 'CLASSIFIED  BY', 'Derived From', 'derived from', 'PREL', 'x', 'j', 'y', 'v', '¶1.', '(C)');
    fc.assert(
      fc.property(fieldLike, (text) => {
        const lead = skipSpaces(text);
        const [first, second] = [text.charCodeAt(lead) | 32, text.charCodeAt(lead + 1) | 32];
        if (AFTER_BANNER.test(text)) assert.ok(mayOpenField(text.charCodeAt(lead), text.charCodeAt(lead + 1)), JSON.stringify(text));
        if (TAGS_AT_START.test(text)) assert.ok(first === 116 && second === 97, JSON.stringify(text));
        if (SUBJECT_AT_START.test(text)) assert.ok(first === 115 && second === 117, JSON.stringify(text));
        if (REF_AT_START.test(text)) assert.ok(first === 114 && second === 101, JSON.stringify(text));
        SUBJECT_KW.lastIndex = lead + 1;
        if (SUBJECT_KW.test(text)) assert.ok(text.indexOf('j', lead + 1) >= 0 || text.indexOf('J', lead + 1) >= 0, JSON.stringify(text));
        CLBY_KW.lastIndex = 0;
        if (CLBY_KW.test(text)) assert.ok(mayHoldClassifiedBy(text), JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('continuesTags reads what the wrapped-TAGS pattern, word lengths and TAG-like codes read', () => {
    const known = new Set(tagData.codes);
    fc.assert(
      fc.property(from('VE', ', ', ' ', 'CO', 'PGOV', 'pgov', 'THE', 'Is', 'PR', 'X', 'UNESCO', '[MARR](#)', 'ABCDEFGHIJ', 'ABCDEFGHI', '(', ')', '[', ']', '#', '.', '1', '-', '\t', '\u00a0', ';'), (text) => {
        const shaped = /^[\s,;A-Za-z()[\]#.]+$/.test(text) && !text.split(/[\s,;]+/).some((w) => w.length > 9);
        // Outside a markdown link's brackets and a person's parentheses: the codes, and whether a comma or semicolon sets them off.
        const outside = text.replace(/\[[^\]\s]{1,24}\]\([^)\s]{0,40}\)|\([^)]{1,80}\)/g, ' ');
        const codes = outside.split(/[\s,;()[\]]+/).filter((w) => w !== '').map((w) => w.replace(/(?<=.)[.:]+$/, ''));
        const isKnown = (c: string) => known.has(c.toUpperCase());
        // The last code may be a known TAG's start, being typed.
        const started = (c: string) => [...known].some((k) => k.startsWith(c.toUpperCase()));
        const caps = (c: string) => /^[A-Z]{2,5}$/.test(c) || (c.length > 5 && known.has(c));
        const [init, last] = [codes.slice(0, -1), codes[codes.length - 1]];
        const tagLike = codes.length === 0 || (init.every(isKnown) && started(last)) || (/[,;]/.test(outside) && codes.every(caps));
        assert.equal(continuesTags(text), shaped && tagLike, JSON.stringify(text));
        // Under a field line that lists no TAG yet or ends with a separator, the shape alone decides.
        assert.equal(continuesTags(text, true), shaped, JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("continuesTags reads a user dictionary's codes as known TAGS, in words as long as its longest code", () => {
    const known = new Set(tagData.codes);
    const users = new Set(['KLOC', 'ZZQQ', 'KLOCALPROG']);
    fc.assert(
      fc.property(from('KLOC', 'kloc', 'KLO', 'ZZQQ', 'KLOCALPROG', 'KLOCALPROGS', 'PGOV', 'THE', 'X', ', ', ' ', '(', ')', '.', '1', ';'), (text) => {
        const shaped = /^[\s,;A-Za-z()[\]#.]+$/.test(text) && !text.split(/[\s,;]+/).some((w) => w.length > 10);
        const outside = text.replace(/\[[^\]\s]{1,24}\]\([^)\s]{0,40}\)|\([^)]{1,80}\)/g, ' ');
        const codes = outside.split(/[\s,;()[\]]+/).filter((w) => w !== '').map((w) => w.replace(/(?<=.)[.:]+$/, ''));
        const isKnown = (c: string) => known.has(c.toUpperCase()) || users.has(c.toUpperCase());
        const started = (c: string) => [...known, ...users].some((k) => k.startsWith(c.toUpperCase()));
        const caps = (c: string) => /^[A-Z]{2,5}$/.test(c) || (c.length > 5 && (known.has(c) || users.has(c)));
        const [init, last] = [codes.slice(0, -1), codes[codes.length - 1]];
        const tagLike = codes.length === 0 || (init.every(isKnown) && started(last)) || (/[,;]/.test(outside) && codes.every(caps));
        assert.equal(continuesTags(text, false, users), shaped && tagLike, JSON.stringify(text));
        assert.equal(continuesTags(text, true, users), shaped, JSON.stringify(text));
        // No codes, or none given: as without a dictionary.
        assert.equal(continuesTags(text, false, new Set()), continuesTags(text), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('isRoutingIndicator agrees with R[A-Z]{4,7}, and number tokens with the digits they hold', () => {
    fc.assert(
      fc.property(from('R', 'U', 'E', 'H', 'r', '1', '/', ' ', 'RUEHC', 'RUEHFR'), (text) => {
        assert.equal(isRoutingIndicator(text, 0, text.length), /^R[A-Z]{4,7}$/.test(text), JSON.stringify(text));
        assert.ok(Object.is(numberToken(0, text, 0, text.length).value, parseInt(text.replace(/\D+/g, ''), 10)), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('rule lines and old page headers are looked for only behind the characters they need', () => {
    fc.assert(
      fc.property(from(' ', '-', '- ', '=', '_', '*', '—', '–', 'x', 'PAGE ', 'PAG', 'PA', '02 ', 'HARARE ', '06677 ', '01 OF 03 ', '291400Z', 'RUEHFRA2440'), (text) => {
        const lead = skipSpaces(text);
        const last = text.trimEnd().slice(-1);
        if (RULE_LINE.test(text)) assert.ok('-=_*–—'.includes(text[lead]) && '-=_*–—'.includes(last), JSON.stringify(text));
        if (findOldPageHeader(0, text)) assert.ok(text.startsWith('PAG', lead), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('a portion marking read after another of the same length, from the last reading kept, is read as its own', () => {
    // Markings of one inner length met in turn, again, after prose and after a longer text: each must be read as the first time.
    const inners = ['S', 'C', 'S', 'U', 'x', 'C', 'S/NF', 'C/NF', 'Iran', 'S/NF', 'SBU', 'sbu', 'SBU', 'TS//SI//NF', 'C - ENTIRE TEXT', 'S'];
    const fresh = inners.map((inner) => JSON.stringify(parsePortionMarking(2, `¶1. (${inner}) text`, 4)));
    inners.forEach((inner, k) => assert.equal(JSON.stringify(parsePortionMarking(2, `¶1. (${inner}) text`, 4)), fresh[k], inner));
    const again = inners.map((inner) => JSON.stringify(parsePortionMarking(2, `¶1. (${inner}) text`, 4)));
    assert.deepEqual(again, fresh);
    assert.deepEqual(
      inners.map((inner) => parsePortionMarking(2, `¶1. (${inner}) text`, 4)?.level),
      ['SECRET', 'CONFIDENTIAL', 'SECRET', 'UNCLASSIFIED', undefined, 'CONFIDENTIAL', 'SECRET', 'CONFIDENTIAL', undefined, 'SECRET', 'UNCLASSIFIED', 'UNCLASSIFIED', 'UNCLASSIFIED', 'TOP SECRET', 'CONFIDENTIAL', 'SECRET'],
    );
  });

  it('collectRedactions reads the X-runs the redaction pattern reads', () => {
    fc.assert(
      fc.property(from('XXXX', 'X', 'XX', 'xxxxx', 'x', 'xx', 'a', 'Z', ' ', '.', '-', '1', 'é'), (text) => {
        const found: Token[] = [];
        collectRedactions(4, text, found);
        const expected = [...text.matchAll(/X{4,}|(?<![A-Za-z])x{5,}(?![A-Za-z])/g)].map((m) => ({ text: m[0], range: { start: { line: 4, character: m.index }, end: { line: 4, character: m.index + m[0].length } } }));
        assert.deepEqual(found, expected, JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('firstWords reads the words the general pattern reads, single-spaced', () => {
    const general = (text: string, from: number): string => {
      const start = skipSpaces(text, from);
      const limit = Math.min(text.length, from + 240);
      if (start >= limit) return '';
      const m = /\S+(?:\s+\S+){0,7}/y;
      const window = text.slice(start, limit);
      const found = m.exec(window)![0].replace(/\s+/g, ' ');
      return found.length > 80 ? `${found.slice(0, 79)}…` : found;
    };
    fc.assert(
      fc.property(from('word', ' ', '  ', '\t', '\u00a0', 'a', 'Summary:', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), fc.nat(6), (text, from) => {
        assert.equal(firstWords(text, Math.min(from, text.length)), general(text, Math.min(from, text.length)), JSON.stringify([text, from]));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('words, wordCount and wordEnd read the words a test of each character reads', () => {
    // The readers as they were, a call of isSpace for each character.
    const wordsByCharacter = (text: string, from: number) => {
      const result: { text: string; start: number; end: number }[] = [];
      let i = from;
      for (;;) {
        while (i < text.length && isSpace(text.charCodeAt(i))) i++;
        if (i >= text.length) return result;
        const start = i;
        while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
        result.push({ text: text.slice(start, i), start, end: i });
      }
    };
    const countByCharacter = (text: string) => {
      let count = 1;
      for (let k = 1; k < text.length; k++) if (isSpace(text.charCodeAt(k)) && !isSpace(text.charCodeAt(k - 1))) count++;
      return count;
    };
    // White space of every kind \s reads, and characters it does not ("\u200B", "\u0085").
    const text = from('RUEHC', 'WORD', 'a', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u200b', '\u0085', '(', '¶');
    fc.assert(
      fc.property(text, fc.nat(8), (line, at) => {
        const start = Math.min(at, line.length);
        assert.deepEqual(words(line, start), wordsByCharacter(line, start), JSON.stringify([line, start]));
        assert.equal(wordCount(line), countByCharacter(line), JSON.stringify(line));
        assert.equal(wordCount(line.trim()), line.trim().split(/\s+/).length, JSON.stringify(line));
        const end = wordEnd(line, start);
        assert.equal(end, start + /^\S*/.exec(line.slice(start))![0].length, JSON.stringify([line, start]));
      }),
      { numRuns: 5000, seed: 7 },
    );
    // A space at either end counts as wordCount always counted it: one more at the end, none at the start.
    assert.equal(wordCount(''), 1);
    assert.equal(wordCount('FERRY TALKS'), 2);
    assert.equal(wordCount('FERRY\u00a0 TALKS '), 3);
    assert.equal(wordCount(' FERRY'), 1);
    assert.deepEqual(words(' RUEHC\u2003RUEHFR\u200bX ', 1), [
      { text: 'RUEHC', start: 1, end: 6 },
      { text: 'RUEHFR\u200bX', start: 7, end: 15 },
    ]);
  });

  it("restOffsets places REST's and POST_SERIAL_JOINED's groups where the engine's match indices do", () => {
    // A banner's rest in its parts, each with its near misses: white space of several kinds, or none, between them.
    const gap = run(0, 2, ' ', ' ', '\t', '\u00a0', '\u2003');
    const section = fc.oneof(fc.constant(''), fc.tuple(fc.constantFrom('SECTION', 'SECTI0N', 'Section', 'SECT'), gap, fc.constantFrom('01', '0l', '1', 'x'), gap, fc.constantFrom('OF', '0F', 'of'), gap, fc.constantFrom('02', 'O2', '123'), gap).map((p) => p.join('')));
    const post = run(1, 3, 'PARIS', 'BUENOS AIRES', "ST. JOHN'S", 'x-y', 'Ankara', '12', ' ', '\t');
    const rest = fc
      .tuple(gap, section, post, gap, fc.constantFrom('000381', '00l565', 'OO7360', '004688', '1234567', '12', 'ABC', '00123A'), fc.constantFrom('', ' NOFORN', 'NOFORN', ' ', '//X', '\u2028 x'))
      .map((p) => p.join(''));
    const patterns = [REST, POST_SERIAL_JOINED].map((p) => ({ plain: p, indexed: new RegExp(p.source, `${p.flags}d`), matched: 0 }));
    fc.assert(
      fc.property(rest, (after) => {
        for (const p of patterns) {
          const match = p.plain.exec(after);
          const indexed = p.indexed.exec(after);
          assert.equal(match === null, indexed === null, JSON.stringify(after));
          if (!match || !indexed) continue;
          p.matched++;
          const places = restOffsets(after, match);
          for (let g = 1; g <= 7; g++) assert.equal(places[g], indexed.indices![g]?.[0] ?? -1, JSON.stringify([after, g]));
        }
      }),
      { numRuns: 10000, seed: 7 },
    );
    // The generator must reach both patterns' matches, with and without a section, for the check to mean anything.
    for (const p of patterns) assert.ok(p.matched > 50, `only ${p.matched} matches of ${p.plain.source.slice(0, 80)}`);
    const banner = parseBanner(0, 'SECRET SECTION 01 OF 02\u00a0 PARIS\t000381 NOFORN', { strict: false, repeated: false })!;
    assert.deepEqual(
      [banner.section!.token, banner.section!.number, banner.section!.total, banner.post!, banner.serial!, banner.trailing!].map((t) => [t.text, t.range.start.character, t.range.end.character]),
      [
        ['SECTION 01 OF 02', 7, 23],
        ['01', 15, 17],
        ['02', 21, 23],
        ['PARIS', 25, 30],
        ['000381', 31, 37],
        ['NOFORN', 38, 44],
      ],
    );
    const joined = parseBanner(0, 'S E C R E T  ANKARA004688', { strict: false, repeated: false })!;
    assert.deepEqual([joined.post!.text, joined.post!.range.start.character, joined.serial!.text, joined.serial!.range.start.character], ['ANKARA', 13, '004688', 19]);
  });

  it('afterSeparator ends where the separator pattern of an in-text list ends', () => {
    const separator = /\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*|[-\u2013]\s*|through\s+|thru\s+)/iy;
    fc.assert(
      fc.property(from(' ', '\t', '\u00a0', ',', 'and', 'AND', 'an', '&', '-', '\u2013', 'through', 'thru', 'thr', 'B', 'x'), fc.nat(4), (text, at) => {
        const i = Math.min(at, text.length);
        separator.lastIndex = i;
        const expected = separator.exec(text) ? separator.lastIndex : -1;
        assert.equal(afterSeparator(text, i), expected, JSON.stringify([text, i]));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('normalizePost keeps only the capitals of the upper-cased post, as a replacement did', () => {
    fc.assert(
      fc.property(from('PARIS', 'Buenos', ' ', 'Aires', "'", '.', '-', 'SECSTATE', 'WASHDC', 'é', '1'), (text) => {
        const letters = text.toUpperCase().replace(/[^A-Z]+/g, '');
        const expected = letters === 'SECSTATE' || letters === 'SECSTATEWASHDC' ? 'STATE' : letters;
        assert.equal(normalizePost(text), expected, JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('mayOpenBanner lets through every reading of a level, spaced or not, in either case', () => {
    for (const letters of READINGS.keys()) {
      const spaced = [...letters].join(' ');
      for (const level of [letters, spaced, letters.toLowerCase(), `  ${spaced}`]) {
        const text = `${level} NOWHERE 000001`;
        assert.ok(parseBanner(0, text, { strict: false, repeated: false }), JSON.stringify(text));
        assert.ok(mayOpenBanner(text, skipSpaces(text)), JSON.stringify(text));
      }
    }
  });

  it('parseBanner reads every reading of a level as that level, with its account, spaced or not, in either case', () => {
    // The lookup tries only runs of letters as long as a reading, longest first, and reads each word's letters from a
    // table: each reading must come out with its own level, form and account, digits read for letters included.
    for (const [letters, match] of READINGS) {
      const spaced = [...letters].join(' ');
      const forms: [string, string][] = [
        [letters, letters === 'UNCLAS' ? 'unclas' : 'unspaced'],
        [spaced, 'spaced'],
        [letters.toLowerCase(), 'mixed-case'],
        [letters[0].toLowerCase() + letters.slice(1), 'mixed-case'],
        [`  ${spaced}`, 'spaced'],
        [letters.replace(/O/g, '0'), ''],
        [spaced.replace(/S/g, '5'), ''],
      ];
      for (const [level, form] of forms) {
        if (form === '' && !/[05]/.test(level)) continue;
        const text = `${level} NOWHERE 000001`;
        const problems: ParseProblem[] = [];
        const banner = parseBanner(0, text, { strict: false, repeated: false, problems });
        assert.equal(banner?.level, match.level, JSON.stringify(text));
        assert.equal(banner.levelText.text, level.trim(), JSON.stringify(text));
        assert.equal(banner.post?.text, 'NOWHERE', JSON.stringify(text));
        const zero = level.includes('0');
        const five = level.includes('5');
        assert.equal(banner.misread === true, match.misread === true || five, JSON.stringify(text));
        if (match.damaged || zero || five) {
          assert.equal(banner.form, 'damaged', JSON.stringify(text));
          const message = problems.find((p) => p.rule === 'banner-malformed')?.message ?? '';
          if (match.how) assert.ok(message.includes(match.how), `${JSON.stringify(text)}: ${message}`);
          if (zero) assert.ok(message.includes('a zero for the letter O'), `${JSON.stringify(text)}: ${message}`);
          if (five) assert.ok(message.includes('the digit 5 for the letter S'), `${JSON.stringify(text)}: ${message}`);
        } else {
          assert.equal(banner.form, form, JSON.stringify(text));
          assert.deepEqual(problems, [], JSON.stringify(text));
        }
      }
    }
  });

  it('mayOpenBanner never turns away a line that reads as a banner', () => {
    let banners = 0;
    fc.assert(
      fc.property(bannerLike, fc.boolean(), (text, strict) => {
        const banner = parseBanner(0, text, { strict, repeated: strict });
        if (banner) banners++;
        if (banner) assert.ok(mayOpenBanner(text, skipSpaces(text)), JSON.stringify(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
    // The generator must reach real banners, damaged ones included, for the check to mean anything.
    assert.ok(banners > 500, `only ${banners} banners generated`);
  });

  it('the page hint finds a serial that follows a run of digits holding "00" on its line', () => {
    // The search passes over the rest of "2009" and goes on from its end: the serial right after it is still found.
    const text = 'Talks\nIn 2009 PARIS 00000305 002 OF 004\n0020 x 1000\nPARIS 00000305 003 OF 004';
    const split = splitShapes(text);
    const bits = scanHints(text, split.lines, split.shapes.offsets).bits;
    assert.deepEqual([...bits].map((b) => b & PAGE), [0, PAGE, 0, PAGE]);
  });

  it('the line hints hold every line their readers would find something on', () => {
    fc.assert(
      fc.property(
        fc.array(from(' ', 'PARIS', '00000305', '12345678', '2009', '0', ' 002 OF 004', 'XXXX', 'xxxxx', 'x', '(Note:', '(comment :', '(NOTE', '[Note:', '(Embassy ', '[post', 'End', 'end', 'END', ' summary', ' SUMMARY', ' Comment', '\t', 'note', '.', ':', 'Embassy ', 'Mission '), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (lines, eol) => {
          const text = lines.join(eol);
          const split = splitShapes(text);
          const capitals = Uint8Array.from(scanHints(text, split.lines, split.shapes.offsets, false).bits);
          const bits = scanHints(text, split.lines, split.shapes.offsets).bits;
          split.lines.forEach((line, i) => {
            const closer = new RegExp(CLOSER_PATTERN.source, 'i').exec(line);
            if (closer && closer[0][0] === 'E') assert.ok(capitals[i] & CLOSER, JSON.stringify(line));
            if (findPageLines(i, line).length > 0) assert.ok(bits[i] & PAGE, JSON.stringify(line));
            if (/X{4,}|(?<![A-Za-z])x{5,}(?![A-Za-z])/.test(line)) assert.ok(bits[i] & REDACTION, JSON.stringify(line));
            if (new RegExp(PAREN_OPENER_PATTERN.source, 'i').test(line)) assert.ok(bits[i] & PAREN_OPENER, JSON.stringify(line));
            // The glued paragraphs' search passes over the lines without "(": the bit is exact.
            assert.strictEqual((bits[i] & PAREN) !== 0, line.includes('('), JSON.stringify(line));
            if (new RegExp(CLOSER_PATTERN.source, 'i').test(line)) assert.ok(bits[i] & CLOSER, JSON.stringify(line));
            // A Summary only in capitals: "SUMMARY:" ("… said. summary:" is no opener).
            const inline = [...line.matchAll(INLINE_OPENER_PATTERN)].filter((m) => !/^summary$/i.test(m[1]) || m[1] === 'SUMMARY');
            if (inline.length > 0) assert.ok(bits[i] & INLINE_OPENER, JSON.stringify(line));
            if (inline.some((m) => /[ \t][A-Z]/.test(m[0]))) assert.ok(capitals[i] & INLINE_OPENER, JSON.stringify(line));
          });
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
