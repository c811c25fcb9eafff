/**
 * Parser tests over invented cables: every construct of FORMAT.md and the
 * tolerances of CORPUS-FINDINGS.md section D, with exact ranges.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver';
import { extractRecord } from '../../server/src/cli/extract';
import { defaultDictionaries } from '../../server/src/features/dictionaries';
import { getHover } from '../../server/src/features/hover';
import { getPreviewCard } from '../../server/src/features/preview';
import { canonicalId, citationOf, citedId, fileNameKind, idFromFileName, idSortKey, parseCableId } from '../../server/src/core/id';
import type { Cable, NumberToken, Range, RefItem } from '../../server/src/core/model';
import { parseBanner } from '../../server/src/core/parse/banner';
import { lintCable } from '../../server/src/core/lint';
import { bannerDecidedBy, parseCable, readFirstBanner, readsAsCable } from '../../server/src/core/parse/index';
import { parsePortionMarking } from '../../server/src/core/parse/marking';
import { findPageLines } from '../../server/src/core/parse/pages';
import { findInTextReferences, resolveInText } from '../../server/src/core/mentions';
import { assertLinearTime, corpusFiles, fixtureFiles, ROOT } from '../helpers';
import { assertRangesInside } from '../properties';

const sample = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/samples', name), 'utf8');
const parse = (text: string): Cable => parseCable(text).cable;
const at = (r: Range | undefined) => (r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : 'none');

describe('parser: transmission header', () => {
  it('reads a page header glued to INFO as a page header, no addressee, and the short page header in the body', () => {
    const text = ['R 161435Z APR 09', 'FM SECSTATE WASHDC', 'TO AMEMBASSY NOWHERE', 'INFO PAGE 02        STATE   037566  161435Z', 'AMEMBASSY ELSEWHERE', 'AMEMBASSY OTHERTOWN', '', 'UNCLAS STATE 037566', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. Text.', 'PAGE 03        STATE   037566  161435Z', '2. More text.', ''].join('\n');
    const c = parse(text);
    assert.deepEqual(c.header?.info.map((a) => a.address?.text), ['AMEMBASSY ELSEWHERE', 'AMEMBASSY OTHERTOWN']);
    // The first addressee after it takes the keyword, on the line before its own, and the next none.
    assert.deepEqual(c.header?.info.map((a) => at(a.keyword?.range)), ['3:0-3:4', 'none']);
    assert.deepEqual(c.oldPageHeaders.map((p) => [p.page, at(p.token.range)]), [[2, '3:5-3:43'], [3, '13:0-13:38']]);
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2]);
  });

  it('ends an address list at a blank line: a banner too damaged to read after it is no addressee', () => {
    const header = ['VZCZCXRO0001', 'PP RUEHWEB', 'DE RUEHTL #0233/01 0761200', 'ZNY CCCCC ZZH', 'P 171200Z MAR 09', 'FM AMEMBASSY TALLINN', 'TO RUEHC/SECSTATE WASHDC PRIORITY 0233', 'INFO RUEHHE/AMEMBASSY HELSINKI 0101', 'RUEHRA/AMEMBASSY RIGA 0102', ''];
    const rest = ['', 'E.O. 12958: DECL: 03/17/2019', 'TAGS: PREL EN', 'SUBJECT: X', '', '¶1. (C) Text.', ''];
    // Two letters lost: one lost ("C O N F I D E N T I A") is a damaged banner CBL011 reads.
    const c = parse([...header, 'C O N F I D E N T TALLINN 000233', ...rest].join('\n'));
    assert.equal(c.banner, undefined);
    assert.deepEqual(c.header?.info.map((a) => a.address?.text), ['AMEMBASSY HELSINKI', 'AMEMBASSY RIGA']);
    assert.equal(at(c.header!.range), '0:0-8:26');
    // The banner missing is reported where it belongs, on that line, not on VZCZC.
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL010').map((f) => at(f.range)), ['10:0-10:32']);
    // A blank line inside a list is not seen in real headers, but an addressee with its routing indicator, or INFO, still goes on.
    const resumed = parse([...header, 'RUEHVL/AMEMBASSY VILNIUS 0103', '', 'INFO RUEHSM/AMEMBASSY STOCKHOLM 0104', '', 'C O N F I D E N T I A L TALLINN 000233', ...rest].join('\n'));
    assert.deepEqual(resumed.header?.info.map((a) => a.address?.text), ['AMEMBASSY HELSINKI', 'AMEMBASSY RIGA', 'AMEMBASSY VILNIUS', 'AMEMBASSY STOCKHOLM']);
    assert.equal(resumed.banner?.post?.text, 'TALLINN');
  });

  const cable = parse(sample('09VALLETTA412.cable'));
  const h = cable.header!;

  it('reads every format line with exact ranges', () => {
    assert.equal(h.transmissionId?.text, 'VZCZCXRO5521');
    assert.equal(h.routing?.pair.text, 'PP');
    assert.equal(h.routing?.precedence, 'PRIORITY');
    assert.deepEqual(h.routing?.routingIndicators.map((t) => t.text), ['RUEHWEB']);
    assert.equal(h.de?.station?.text, 'RUEHVT');
    assert.equal(at(h.de?.serial?.range), '2:11-2:15');
    assert.equal(h.de?.serial?.value, 412);
    assert.equal(h.de?.section?.value, 1);
    assert.equal(h.de?.julianDay?.value, 154);
    assert.equal(h.de?.time?.text, '1322');
    assert.equal(h.security?.prosign.text, 'ZNY');
    assert.equal(h.security?.group?.text, 'SSSSS');
    assert.equal(h.security?.groupLevel, 'SECRET');
    assert.deepEqual(h.security?.trailing.map((t) => t.text), ['ZZH']);
    assert.equal(h.dtg?.dtg?.iso, '2009-06-03T13:22:00Z');
    assert.deepEqual(h.dtg?.precedences, ['PRIORITY']);
    assert.equal(h.from?.address?.text, 'AMEMBASSY VALLETTA');
  });

  it('reads addressees under TO and INFO with RI, address, precedence and serial', () => {
    assert.deepEqual(h.to.map((a) => [a.routingIndicator?.text, a.address?.text, a.precedence?.text, a.serial?.text]), [
      ['RUEHC', 'SECSTATE WASHDC', 'PRIORITY', '3187'],
      ['RUEKJCS', 'SECDEF WASHINGTON DC', 'PRIORITY', undefined],
    ]);
    assert.deepEqual(h.info.map((a) => a.routingIndicator?.text), ['RUEHRO', 'RUEHTRO', 'RUEHBS']);
    assert.equal(h.info[0].keyword?.text, 'INFO');
    assert.equal(h.info[1].keyword, undefined);
  });

  it('reads dual precedence, trailing operating signals, PLADs without RI, ZEN, NIACT and serial ranges', () => {
    const c = parse(
      [
        'O R 161415Z DEC 09 ZDK',
        'FM AMEMBASSY NOWHERE',
        'TO SECSTATE WASHDC NIACT IMMEDIATE 0140-0141',
        'INFO IGAD COLLECTIVE',
        'ZEN/AMCONSUL ELSEWHERE ROUTINE',
        '',
        'C O N F I D E N T I A L NOWHERE 000017',
      ].join('\n'),
    );
    const hh = c.header!;
    assert.deepEqual(hh.dtg?.precedences, ['IMMEDIATE', 'ROUTINE']);
    assert.equal(hh.dtg?.dtg?.token.text, '161415Z DEC 09');
    assert.deepEqual([hh.to[0].address?.text, hh.to[0].precedence?.text, hh.to[0].serial?.text], ['SECSTATE WASHDC', 'NIACT IMMEDIATE', '0140-0141']);
    assert.equal(hh.info[0].address?.text, 'IGAD COLLECTIVE');
    assert.equal(hh.info[1].zen?.text, 'ZEN');
    assert.equal(hh.info[1].address?.text, 'AMCONSUL ELSEWHERE');
    assert.equal(c.banner?.level, 'CONFIDENTIAL');
    assert.equal(c.id, '09NOWHERE17');
    assert.deepEqual(hh.dtg?.trailing?.map((t) => t.text), ['ZDK']);
  });

  it('makes every addressee and every signature with the same fields in the same order, absent ones undefined', () => {
    // One shape for the code that reads them (CBL001, the hovers): fields set one at a time as read gave addressees many.
    const c = parse(
      [
        'O R 161415Z DEC 09 ZDK',
        'FM AMEMBASSY NOWHERE',
        'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 0140-0141',
        'INFO IGAD COLLECTIVE',
        'ZEN/AMCONSUL ELSEWHERE ROUTINE',
        'RUEHXX/AMEMBASSY YONDER PRIORITY',
        'AMCONSUL FARAWAY 6320',
        '',
        'C O N F I D E N T I A L NOWHERE 000017',
        '',
        '1. (C) Text of the cable.',
        '',
        'TUTTLE',
        '',
        'TUTTLE',
      ].join('\n'),
    );
    const addressees = [...c.header!.to, ...c.header!.info, ...c.header!.xmt];
    assert.equal(addressees.length, 5);
    for (const a of addressees) assert.deepEqual(Object.keys(a), ['range', 'keyword', 'zen', 'routingIndicator', 'serial', 'precedence', 'address'], a.address?.text);
    assert.equal(c.signature?.twice?.range.start.line, 12);
    assert.deepEqual(Object.keys(c.signature!), ['token', 'glued', 'twice']);
    const once = parse(['C O N F I D E N T I A L NOWHERE 000017', '', '1. (C) Text of the cable.', '', 'TUTTLE'].join('\n'));
    assert.equal(once.signature?.token.text, 'TUTTLE');
    assert.deepEqual(Object.keys(once.signature!), ['token', 'glued', 'twice']);
  });

  it('reads a parenthesis after the security group as one annotation, glued or not, and the groups after the DTG', () => {
    const groups = (security: string, dtg: string) => {
      const h = parse(['VZCZCXRO0001', 'PP RUEHWEB', 'DE RUEHFR #0001 0011200', security, dtg, 'FM AMEMBASSY NOWHERE', 'TO RUEHC/SECSTATE WASHDC 0001', '', 'S E C R E T NOWHERE 000001'].join('\n')).header!;
      return [h.security?.trailing.map((t) => t.text), h.dtg?.trailing?.map((t) => t.text)];
    };
    assert.deepEqual(groups('ZNY SSSSS ZZH (QRX12 AB34 567B)', 'O 011200Z JAN 09'), [['ZZH', '(QRX12 AB34 567B)'], undefined]);
    assert.deepEqual(groups('ZNY SSSSS ZZH(QRT AB1-2)', 'O R 011200Z JAN 09 ZDS'), [['ZZH', '(QRT AB1-2)'], ['ZDS']]);
    // A parenthesis cut off at the line's end runs to it; groups after one that closes are groups of their own.
    assert.deepEqual(groups('ZNY SSSSS ZZH (QRX12 AB34', 'P 011200Z JAN 09 ZDK QRT #00123'), [['ZZH', '(QRX12 AB34'], ['ZDK', 'QRT', '#00123']]);
    assert.deepEqual(groups('ZNR UUUUU ZZH (QRX) ZUI', 'P 011200Z JAN 09 (QRX AB12)'), [['ZZH', '(QRX)', 'ZUI'], ['(QRX AB12)']]);
  });

  it('keeps a partial header (DE and DTG only, after a title line) and reads BT and NNNN', () => {
    const c = parse(['Cablegate: Readout of a meeting', 'DE RUEHC #3750/01 0480313', 'P 170309Z FEB 10', 'BT', '', 'S E C R E T STATE 013750', 'NNNN'].join('\n'));
    assert.equal(c.preamble[0].kind, 'title');
    assert.equal(c.header?.de?.serial?.value, 3750);
    assert.equal(c.header?.bt.length, 1);
    assert.equal(c.problems.filter((p) => p.rule === 'header-order').length, 0);
    assert.equal(c.id, '10STATE13750');
  });

  it('reads old printout distribution lines as part of the header', () => {
    const c = parse(['Distribution:', 'TED1302', 'ACTION NEA-00', '', 'INFO  LOG-00   CIAE-00  INL-00', '      EAP-00   DHSE-00', '                  ------------------EE9C66  240653Z /38', 'P 240645Z OCT 08', 'FM AMEMBASSY NOWHERE', '', 'C O N F I D E N T I A L NOWHERE 000044'].join('\n'));
    assert.equal(c.lineKinds.filter((k) => k === 'distribution').length, 6);
    assert.equal(c.header?.dtg?.dtg?.valid, true);
    assert.equal(c.problems.length, 0);
  });

  it('reads the printout distribution keyword in capitals ("DISTRIBUTION:") as the mixed-case one (parser58)', () => {
    const lines = (keyword: string) => [keyword, 'TED1302', 'ACTION NEA-00', '', 'INFO  LOG-00   CIAE-00  INL-00', '                  ------------------EE9C66  240653Z /38', 'P 240645Z OCT 08', 'FM AMEMBASSY NOWHERE', '', 'C O N F I D E N T I A L NOWHERE 000044'];
    const mixed = parse(lines('Distribution:').join('\n'));
    const capitals = parse(lines('DISTRIBUTION:').join('\n'));
    assert.deepEqual(capitals.lineKinds, mixed.lineKinds);
    assert.deepEqual(capitals.header?.lines.map((l) => `${l.kind} ${l.parsed}`), mixed.header?.lines.map((l) => `${l.kind} ${l.parsed}`));
    assert.deepEqual([capitals.lineKinds[0], capitals.lineKinds[1], capitals.problems], ['distribution', 'distribution', []]);
    // With words after it, it is no keyword alone on its line.
    assert.notEqual(parse(lines('DISTRIBUTION: LIMITED').join('\n')).lineKinds[0], 'distribution');
  });

  it('reads a distribution line ending with a count and a letter as one', () => {
    // "/001R" as well as "/000W" closes the last line of codes.
    for (const count of ['/001R', '/000W']) {
      const c = parse(['INFO  LOG-00   EEB-00   AF-00', `      SAS-00   DTT-00   FA-00      ${count}`, '', 'R 161417Z APR 09', 'FM SECSTATE WASHDC', 'TO AMEMBASSY NOWHERE', '', 'S E C R E T STATE 000001'].join('\n'));
      assert.deepEqual(c.header?.lines.slice(0, 2).map((l) => `${l.kind} ${l.parsed}`), ['distribution true', 'distribution true'], count);
    }
  });

  it('records malformed format lines, out-of-order lines and malformed routing indicators', () => {
    const c = parse(['VZCZCXRO12', 'DE RUEHVT #04Z2/01 1541322', 'PP RUEHWEB RU3HX', 'ZNY SSSSS ZZH', 'P 031322Z JUN 09', 'FM AMEMBASSY VALLETTA', 'TO RUEHC/SECSTATE WASHDC PRIORITY 3187', '', 'S E C R E T VALLETTA 000412'].join('\n'));
    const rules = c.problems.map((p) => `${p.rule}@${p.range.start.line}`);
    assert.deepEqual(rules.sort(), ['header-line-malformed@0', 'header-line-malformed@1', 'header-order@2', 'routing-indicator-malformed@2'].sort());
  });

  it('records a security group of four letters as malformed and still reads its level', () => {
    const header = (group: string) => ['DE RUEHXX #0017/01 0761405', `ZNY ${group} ZZH`, 'O 171405Z MAR 09', 'FM AMEMBASSY NOWHERE', '', 'C O N F I D E N T I A L NOWHERE 000017'].join('\n');
    for (const [group, level, specat, malformed] of [
      ['CCCC', 'CONFIDENTIAL', undefined, true],
      ['SSSS', 'SECRET', undefined, true],
      ['CCCCC/AAAA', 'CONFIDENTIAL', '/AAAA', true],
      ['CCCCC', 'CONFIDENTIAL', undefined, false],
      ['CCCCC/AAAAA', 'CONFIDENTIAL', '/AAAAA', false],
    ] as const) {
      const c = parse(header(group));
      assert.deepEqual([c.header?.security?.groupLevel, c.header?.security?.specat?.text], [level, specat], group);
      assert.deepEqual(c.header?.security?.trailing.map((t) => t.text), ['ZZH'], group);
      assert.deepEqual(
        c.problems.map((p) => `${p.rule}@${at(p.range)}`),
        malformed ? [`header-line-malformed@1:0-1:${8 + group.length}`] : [],
        group,
      );
    }
    // The level read still meets the banner's: SSSS under a CONFIDENTIAL banner is a mismatch too (the header checks are CBL001-CBL009).
    assert.deepEqual(lintCable(parse(header('SSSS'))).map((f) => f.id).filter((id) => id < 'CBL010'), ['CBL001', 'CBL007']);
  });

  it('does not take prose "FM Lavrov said" in the body for a header line', () => {
    const c = parse(sample('09QUITO288.cable').replace('¶3. (U)', 'FM Lavrov said nothing new.\n¶3. (U)'));
    assert.equal(c.header, undefined);
    assert.equal(c.paragraphs.length, 3);
  });
});

describe('parser: banner', () => {
  /** A Tallinn cable under `banner`: the level read, the id and the parser's problems. */
  const readTallinn = (banner: string) => {
    const c = parse(`O 171405Z MAR 09\nFM AMEMBASSY TALLINN\n\n${banner}\n\nE.O. 12958: DECL: 03/17/2019\nTAGS: PREL EN\nSUBJECT: X\n\n¶1. (C) Text.\n`);
    return `${c.banner?.level} ${c.id} ${c.problems.map((p) => `${p.rule}@${at(p.range)} ${p.message}`).join('; ')}`;
  };
  const cases: [string, string, string, string | undefined, number | undefined][] = [
    ['S E C R E T PARIS 000708', 'SECRET', 'spaced', 'PARIS', 708],
    ['C O N F I D E N T I A L SECTION 01 OF 04 ANKARA 000348', 'CONFIDENTIAL', 'spaced', 'ANKARA', 348],
    ['UNCLAS SECTION 01 OF 03 MADRID 002164', 'UNCLASSIFIED', 'unclas', 'MADRID', 2164],
    ['UNCLASSIFIED TEHRAN 5055', 'UNCLASSIFIED', 'unspaced', 'TEHRAN', 5055],
    ['CONFIDENTIAL ISLAMABAD 003418', 'CONFIDENTIAL', 'unspaced', 'ISLAMABAD', 3418],
    ['S e c r e t berlin 001068', 'SECRET', 'mixed-case', 'berlin', 1068],
    ['C o n f i d e n t i a l section 01 of 04 ankara 000348', 'CONFIDENTIAL', 'mixed-case', 'ankara', 348],
    ['SS E C R E T SECTION 01 OF 02 PARIS 001699', 'SECRET', 'damaged', 'PARIS', 1699],
    ['UUNCLAS MANAGUA 001002', 'UNCLASSIFIED', 'damaged', 'MANAGUA', 1002],
    ['E C R E T SANAA 000473', 'SECRET', 'damaged', 'SANAA', 473],
    ['O N F I D E N T I A L BAGHDAD 000290', 'CONFIDENTIAL', 'damaged', 'BAGHDAD', 290],
    ['CO N F I D E N T I A L SECTION 01 OF 06 PARIS 001501', 'CONFIDENTIAL', 'damaged', 'PARIS', 1501],
    ['C ONFIDENTIAL SECTION 01 of 03 BAKU 000744', 'CONFIDENTIAL', 'damaged', 'BAKU', 744],
    ['CSE C R E T SECTION 01 OF 02 SHENYANG 000004', 'SECRET', 'damaged', 'SHENYANG', 4],
    ['SE C R E T SECTION 01 OF 02 XXXXXXXXXXXX 000004', 'SECRET', 'damaged', 'XXXXXXXXXXXX', 4],
    ['C O N F I D E N T I A L BUENOS AIRES 000235   ', 'CONFIDENTIAL', 'spaced', 'BUENOS AIRES', 235],
    ['T O P  S E C R E T NOWHERE 000001', 'TOP SECRET', 'spaced', 'NOWHERE', 1],
    // The last letter doubled is damage too, not a one-letter word in front of the post.
    ['C O N F I D E N T I A L L TALLINN 000233', 'CONFIDENTIAL', 'damaged', 'TALLINN', 233],
    ['S E C R E T T PARIS 000001', 'SECRET', 'damaged', 'PARIS', 1],
    ['CONFIDENTIALL NOWHERE 000017', 'CONFIDENTIAL', 'damaged', 'NOWHERE', 17],
    ['UNCLASS NOWHERE 000017', 'UNCLASSIFIED', 'damaged', 'NOWHERE', 17],
    // Two neighbouring letters swapped, in one word or spelled out.
    ['CONFIDENTAIL SECTION 01 OF 02 NOWHERE 000017', 'CONFIDENTIAL', 'damaged', 'NOWHERE', 17],
    ['S E C E R T NOWHERE 000017', 'SECRET', 'damaged', 'NOWHERE', 17],
    ['UNCLSA NOWHERE 000017', 'UNCLASSIFIED', 'damaged', 'NOWHERE', 17],
    // A zero typed or scanned for the letter O, in one word, spelled out, or with other damage.
    ['C0NFIDENTIAL SECTION 01 OF 02 NOWHERE 000017', 'CONFIDENTIAL', 'damaged', 'NOWHERE', 17],
    ['C 0 N F I D E N T I A L NOWHERE 000017', 'CONFIDENTIAL', 'damaged', 'NOWHERE', 17],
    ['T0P SECRET NOWHERE 000017', 'TOP SECRET', 'damaged', 'NOWHERE', 17],
    ['C0NFIDENTAIL NOWHERE 000017', 'CONFIDENTIAL', 'damaged', 'NOWHERE', 17],
    // A longer reading wins only when it reads as a level: spaced UNCLASSIFIED passes "UNCLASS" on its way.
    ['U N C L A S S I F I E D NOWHERE 000017', 'UNCLASSIFIED', 'spaced', 'NOWHERE', 17],
  ];
  for (const [text, level, form, post, serial] of cases) {
    it(`reads "${text.trim()}"`, () => {
      const problems: { rule: string }[] = [];
      const b = parseBanner(0, text, { strict: false, repeated: false, problems: problems as never })!;
      assert.ok(b, 'no banner');
      assert.deepEqual([b.level, b.form, b.post?.text, b.serial?.value], [level, form, post, serial]);
      assert.equal(problems.length > 0, form === 'damaged');
    });
  }

  it('reads a level with its last letter doubled as a damaged banner, with the post and id it names', () => {
    const c = parse('O 171405Z MAR 09\nFM AMEMBASSY TALLINN\n\nC O N F I D E N T I A L L SECTION 01 OF 02 TALLINN 000233\n\nE.O. 12958: DECL: 03/17/2019\nTAGS: PREL EN\nSUBJECT: X\n\n¶1. (C) Text.\n');
    assert.equal(c.banner?.post?.text, 'TALLINN');
    assert.equal(c.id, '09TALLINN233');
    assert.deepEqual(
      c.problems.map((p) => `${p.rule}@${at(p.range)} ${p.message}`),
      ["banner-malformed@3:0-3:25 Banner level is misspelled 'C O N F I D E N T I A L L' (last letter doubled); read as CONFIDENTIAL."],
    );
  });

  it('reads a level with its last letter lost as a damaged banner, with the post and id it names; the whole word still wins', () => {
    assert.equal(readTallinn('S E C R E TALLINN 000233'), "SECRET 09TALLINN233 banner-malformed@3:0-3:9 Banner level is misspelled 'S E C R E' (last letter lost); read as SECRET.");
    assert.equal(readTallinn('CONFIDENTIA SECTION 01 OF 02 TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:0-3:11 Banner level is misspelled 'CONFIDENTIA' (last letter lost); read as CONFIDENTIAL.");
    assert.equal(readTallinn('UNCLA TALLINN 000233'), "UNCLASSIFIED 09TALLINN233 banner-malformed@3:0-3:5 Banner level is misspelled 'UNCLA' (last letter lost); read as UNCLASSIFIED.");
    assert.equal(readTallinn('S E C R E T TALLINN 000233'), 'SECRET 09TALLINN233 ');
  });

  it('reads a serial or section number with a letter l or I for the digit 1, or O for 0, as the digits meant, where it read no banner or a cut serial', () => {
    // The banner was lost (CBL010 said there was none), or its serial cut at the letter ("000" and "l04" after it).
    assert.equal(readTallinn('C O N F I D E N T I A L TALLINN 00l233'), "CONFIDENTIAL 09TALLINN1233 banner-malformed@3:32-3:38 Banner serial '00l233' has the letter 'l' for the digit 1; read as 001233.");
    assert.equal(readTallinn('S E C R E T TALLINN 000I04'), "SECRET 09TALLINN104 banner-malformed@3:20-3:26 Banner serial '000I04' has the letter 'I' for the digit 1; read as 000104.");
    assert.equal(readTallinn('S E C R E T TALLINN O00233'), "SECRET 09TALLINN233 banner-malformed@3:20-3:26 Banner serial 'O00233' has the letter 'O' for the digit 0; read as 000233.");
    assert.equal(readTallinn('S E C R E T SECTION 0l OF 02 TALLINN 000233'), "SECRET 09TALLINN233 banner-malformed@3:12-3:28 Banner section 'SECTION 0l OF 02' has a letter for a digit; read as SECTION 01 OF 02.");
    // A serial of digits with text glued after it is read as before; letters alone are no serial.
    assert.equal(parseBanner(0, 'S E C R E T TALLINN 000233NOFORN', { strict: false, repeated: false })?.serial?.text, '000233');
    assert.equal(parseBanner(0, 'S E C R E T TALLINN OIl', { strict: false, repeated: false })?.serial, undefined);
  });

  it('reads a post and serial run together ("TALLINN000233") as the two meant, where it read no banner (CBL010)', () => {
    assert.equal(readTallinn('S E C R E T TALLINN000233'), "SECRET 09TALLINN233 banner-malformed@3:12-3:25 Banner runs the post and the serial together ('TALLINN000233'); read as TALLINN 000233.");
    assert.equal(readTallinn('CONFIDENTIAL SECTION 01 OF 02 TALLINN000233 NOFORN'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:30-3:43 Banner runs the post and the serial together ('TALLINN000233'); read as TALLINN 000233.");
    const two = parseBanner(0, 'UNCLAS BUENOS AIRES000233', { strict: false, repeated: false });
    assert.deepEqual([two?.post?.text, two?.serial?.text], ['BUENOS AIRES', '000233']);
    // Not inside a body (a repeated banner), nor a post in small letters, nor a number of another width.
    for (const [text, strict] of [['S E C R E T TALLINN000233', true], ['SECRET Tallinn000233', false], ['SECRET TALLINN00233', false], ['SECRET TALLINN0002331', false]] as const) {
      assert.equal(parseBanner(0, text, { strict, repeated: strict }), undefined, text);
    }
  });

  it('reads no banner in a released copy\'s case stamp whose case number lost its letter ("UNCLASSIFIED U.S. Department of State Case No. 2031-05588 …")', () => {
    // It read as an UNCLASSIFIED banner of the post "U.S. Department of State Case No." and the serial 2031.
    for (const stamp of ['UNCLASSIFIED U.S. Department of State Case No. 2031-05588 Doc No. C09876543 Date: 04/17/2032', 'UNCLASSIFIED US Department of State Case No 2031 05588']) {
      assert.equal(parseBanner(0, stamp, { strict: false, repeated: false }), undefined, stamp);
    }
    assert.equal(readTallinn('UNCLASSIFIED U.S. Department of State Case No. 2031-05588 Doc No. C09876543 Date: 04/17/2032\nS E C R E T TALLINN 000233'), 'SECRET 09TALLINN233 ');
  });

  it('reads a level with one letter scanned as a look-alike as a damaged banner, where it read none (CBL010)', () => {
    assert.equal(readTallinn('S E C R F T TALLINN 000233'), "SECRET 09TALLINN233 banner-malformed@3:0-3:11 Banner level is misspelled 'S E C R F T' (the letter F for E); read as SECRET.");
    assert.equal(readTallinn('5 E C R E T SECTION 01 OF 02 TALLINN 000233'), "SECRET 09TALLINN233 banner-malformed@3:0-3:11 Banner level is misspelled '5 E C R E T' (the digit 5 for the letter S); read as SECRET.");
    assert.equal(readTallinn('G O N F I D E N T I A L TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:0-3:23 Banner level is misspelled 'G O N F I D E N T I A L' (the letter G for C); read as CONFIDENTIAL.");
    assert.equal(readTallinn('CONFIDENTIA1 TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:0-3:12 Banner level is misspelled 'CONFIDENTIA1' (the digit 1 for the letter L); read as CONFIDENTIAL.");
    assert.equal(readTallinn('UNCLA5 TALLINN 000233'), "UNCLASSIFIED 09TALLINN233 banner-malformed@3:0-3:6 Banner level is misspelled 'UNCLA5' (the digit 5 for the letter S); read as UNCLASSIFIED.");
    assert.equal(parseBanner(0, 'S E C R F T TALLINN 000233', { strict: false, repeated: false })?.misread, true);
    // A spelling another reading explains keeps its account, and is no look-alike: a zero for O, a letter lost.
    assert.equal(parseBanner(0, 'C0NFIDENTIAL TALLINN 000233', { strict: false, repeated: false })?.misread, undefined);
    assert.equal(parseBanner(0, 'E C R E T TALLINN 000233', { strict: false, repeated: false })?.misread, undefined);
    // Only look-alikes stand in: a letter no scan confuses with the one meant reads as no level, nor do words and numbers.
    for (const text of ['S E C R A T TALLINN 000233', 'SECRXT TALLINN 000233', 'SECTOR TALLINN 000233', 'SECRETARY TALLINN 000233', '15 TALLINN 000233']) {
      assert.equal(parseBanner(0, text, { strict: false, repeated: false }), undefined, text);
    }
    // Inside a body a look-alike is no repeated banner.
    assert.equal(parseBanner(0, 'S E C R F T TALLINN 000233', { strict: true, repeated: true }), undefined);
  });

  it('reads a level with a zero for the letter O as a damaged banner, where it read none (CBL010)', () => {
    assert.equal(readTallinn('C0NFIDENTIAL TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:0-3:12 Banner level is misspelled 'C0NFIDENTIAL' (a zero for the letter O); read as CONFIDENTIAL.");
    assert.equal(readTallinn('C 0 N F I D E N T I A L SECTION 01 OF 02 TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:0-3:23 Banner level is misspelled 'C 0 N F I D E N T I A L' (a zero for the letter O); read as CONFIDENTIAL.");
    assert.equal(readTallinn('C0NFIDENTAIL TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:0-3:12 Banner level is misspelled 'C0NFIDENTAIL' (a zero for the letter O, two letters swapped); read as CONFIDENTIAL.");
    // The SECTION words with a zero for O: the banner was lost with them.
    assert.equal(readTallinn('C O N F I D E N T I A L SECTI0N 01 0F 02 TALLINN 000233'), "CONFIDENTIAL 09TALLINN233 banner-malformed@3:24-3:40 Banner section 'SECTI0N 01 0F 02' has a zero for the letter O; read as SECTION 01 OF 02.");
    assert.equal(readTallinn('SECRET SECTION 01 0F 02 TALLINN 000233'), "SECRET 09TALLINN233 banner-malformed@3:7-3:23 Banner section 'SECTION 01 0F 02' has a zero for the letter O; read as SECTION 01 OF 02.");
    // Zeros elsewhere are no level: a serial of zeros, a word with a zero that reads as no level.
    assert.equal(readTallinn('S E C R E T TALLINN 000000'), 'SECRET 09TALLINN0 ');
    assert.equal(parseBanner(0, 'B0MB SQUAD 000017', { strict: false, repeated: false }), undefined);
    // Inside a body a damaged banner is no repeated banner, zero or not.
    assert.equal(parseBanner(0, 'C0NFIDENTIAL TALLINN 000233', { strict: true, repeated: true }), undefined);
  });


  it('reads EFTO after an unclassified level as its designation, not as the post', () => {
    assert.equal(readTallinn('UNCLAS EFTO TALLINN 000233'), 'UNCLASSIFIED 09TALLINN233 ');
    assert.equal(readTallinn('UNCLAS EFTO SECTION 01 OF 02 TALLINN 000233'), 'UNCLASSIFIED 09TALLINN233 ');
    const banner = parseBanner(0, 'UNCLASSIFIED EFTO SECTION 01 OF 02 TALLINN 000233', { strict: false, repeated: false });
    assert.deepEqual([banner?.efto?.text, banner?.efto?.range.start.character, banner?.section?.token.text, banner?.post?.text], ['EFTO', 13, 'SECTION 01 OF 02', 'TALLINN']);
    // Only after an unclassified level, and only the word in capitals: a post named so after another level stays the post.
    assert.equal(parseBanner(0, 'SECRET EFTO 000233', { strict: false, repeated: false })?.post?.text, 'EFTO');
    assert.equal(parseBanner(0, 'UNCLAS Efto TALLINN 000233', { strict: false, repeated: false })?.efto, undefined);
  });
  it('reads a banner being typed, its serial not written yet, as the banner of its level, outside a body only', () => {
    const read = (banner: string) => {
      const b = parse(`${banner}\n\nE.O. 12958: DECL: 03/17/2019\nTAGS: PREL EN\nSUBJECT: X\n\n¶1. (C) Text.\n`).banner;
      return b && `${b.level} ${b.post?.text} ${b.serial?.text} ${b.section?.token.text} ${at(b.range)}`;
    };
    // "C O N F I D E N T I A L NOWHERE" was no banner until three digits of the serial were typed: CBL010 said there was none.
    assert.equal(read('C O N F I D E N T I A L NOWHERE'), 'CONFIDENTIAL NOWHERE undefined undefined 0:0-0:31');
    assert.deepEqual(lintCable(parse('C O N F I D E N T I A L NOWHERE\n\nE.O. 12958: DECL: 03/17/2019\n')).filter((f) => f.id === 'CBL010'), []);
    assert.equal(read('C O N F I D E N T I A L BUENOS AIRES 00'), 'CONFIDENTIAL BUENOS AIRES 00 undefined 0:0-0:39');
    assert.equal(read('UNCLAS NOWHERE'), 'UNCLASSIFIED NOWHERE undefined undefined 0:0-0:14');
    assert.equal(read('S E C R E T SECTION 01 OF 02 NOWHERE '), 'SECRET NOWHERE undefined SECTION 01 OF 02 0:0-0:36');
    // The section being typed: the level alone.
    for (const typed of ['SECTION', 'SECTION 01', 'SECTION 01 O', 'SECTION 01 OF']) assert.equal(read(`S E C R E T ${typed}`), 'SECRET undefined undefined undefined 0:0-0:11', typed);
    // Caveats after the level, a post in small letters and prose are no banner; nor is a banner being typed inside a body.
    assert.equal(read('S E C R E T NOFORN'), undefined);
    assert.equal(read('SECRET NOFORN SIPDIS'), undefined);
    assert.equal(read('S E C R E T Nowhere'), undefined);
    assert.equal(read('Secret police arrested people'), undefined);
    assert.equal(parseBanner(0, 'S E C R E T NOWHERE', { strict: true, repeated: true }), undefined);
  });

  it('reads caveats joined to the level with slashes as a damaged banner, with its caveats, post and id', () => {
    const c = parse('SECRET//NOFORN SECTION 01 OF 02 NOWHERE 000243 SIPDIS\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL CO\nSUBJECT: X\n');
    assert.deepEqual([c.banner?.level, c.banner?.form, c.banner?.joined?.text, c.banner?.post?.text, c.banner?.serial?.value], ['SECRET', 'unspaced', '//NOFORN', 'NOWHERE', 243]);
    assert.deepEqual(c.caveats.map((x) => `${x.name}@${at(x.token.range)}`), ['NOFORN@0:8-0:14', 'SIPDIS@0:47-0:53']);
    assert.deepEqual(
      c.problems.map((p) => `${p.rule}@${at(p.range)}`),
      ['banner-malformed@0:6-0:14'],
    );
    // Without a post and serial after them it is a caveat line, and inside a body no banner at all.
    assert.equal(parse('SECRET//NOFORN\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL\n').banner, undefined);
    assert.equal(parseBanner(0, 'SECRET//NOFORN NOWHERE 000243', { strict: true, repeated: true }), undefined);
    // A word that meets a slash after the level is no joined caveat.
    assert.equal(parseBanner(0, 'SECRET NOWHERE/X 000243', { strict: false, repeated: false })?.joined, undefined);
  });

  it('reads SECTION with exact ranges and caveats glued after the serial', () => {
    const c = parse('S E C R E T SECTION 01 OF 02 BOGOTA 000243 SIPDIS NOFORN\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL CO\nSUBJECT: X\n');
    assert.equal(at(c.banner?.section?.number.range), '0:20-0:22');
    assert.equal(c.banner?.section?.total.value, 2);
    assert.equal(c.banner?.trailing?.text, 'SIPDIS NOFORN');
    assert.deepEqual(c.caveats.map((x) => x.name), ['SIPDIS', 'NOFORN']);
  });

  it('reads a caveat line that repeats the level with one slash or two ("SECRET/NOFORN")', () => {
    for (const line of ['SECRET/NOFORN', 'SECRET//NOFORN', 'SECRET / NOFORN']) {
      const c = parse(`S E C R E T NOWHERE 000243\n\nSIPDIS\n${line}\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL CO\nSUBJECT: X\n`);
      assert.deepEqual(c.caveats.map((x) => `${x.name}@${at(x.token.range)}`), ['SIPDIS@2:0-2:6', `NOFORN@3:${line.length - 6}-3:${line.length}`], line);
      assert.deepEqual(c.passingLines, [], line);
    }
  });

  it('reads banners repeated for concatenated sections, not prose or bare levels', () => {
    const c = parse(sample('09VALLETTA412.cable').replace('NEXT STEPS', 'S E C R E T SECTION 02 OF 02 VALLETTA 000412\n\nSecret police arrested 120 people in the harbor.\n\nCONFIDENTIAL\n\nNEXT STEPS'));
    assert.equal(c.banners.length, 2);
    assert.equal(c.banners[1].repeated, true);
    assert.equal(c.banners[1].section?.number.value, 2);
  });

  it('reads a banner holding U+2028 or U+2029, no line break to LSP, as one holding a space', () => {
    // The parse used to fail whole ("Cannot read properties of null"): a pattern's "." stops at these two characters.
    const read = (line: string) => {
      const { cable, problems } = parseCable(`${line}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n¶1. (S) The board met.\n`);
      const b = cable.banner;
      return JSON.stringify([problems.map((p) => p.rule), b?.level, b?.post?.text, b?.serial?.value, b?.section?.total.value, b?.trailing?.text.replace(/[\u2028\u2029]/g, ' '), cable.paragraphs.length]);
    };
    for (const line of ['SECRET SECTION 01 OF 0_', 'SECRET SECTION 01 OF 02_', 'S E C R E T NOWHERE 000017_', 'SECRET NOWHERE 000017 SIPDIS_NOFORN', 'SECRET_SECTION 01 OF 02 NOWHERE 000017']) {
      for (const separator of ['\u2028', '\u2029']) assert.equal(read(line.replace('_', separator)), read(line.replace('_', ' ')), `${line} with U+${separator.charCodeAt(0).toString(16)}`);
    }
  });

  it('reads "SECTION 01 Of 02" without a post, its OF in mixed case, as "SECTION 01 OF 02"', () => {
    // The parse used to fail whole: the section's numbers were looked for again with "OF" or "of" only.
    for (const of of ['Of', 'oF', 'OF', 'of']) {
      const { cable, problems } = parseCable(`SECRET SECTION 01 ${of} 02\n\nTAGS: PREL\nSUBJECT: FERRY DUES\n`);
      const section = cable.banner?.section;
      assert.deepEqual([problems.map((p) => p.rule), at(section?.token.range), at(section?.number.range), section?.total.value, at(section?.total.range)], [[], '0:7-0:23', '0:15-0:17', 2, '0:21-0:23'], of);
    }
  });

  it('reads the corrected-copy line before the banner', () => {
    const c = parse('C O R R E C T E D C O P Y (ADDED TAGS)\nC O N F I D E N T I A L NOWHERE 000009\n');
    assert.equal(c.preamble[0]?.token.text ?? c.correctedCopy[0]?.text, 'C O R R E C T E D C O P Y (ADDED TAGS)');
    assert.equal(c.banner?.line, 1);
  });

  it('reads a corrected-copy notice under the banner, "CORRECTED" spelt short ("C O R R E C T COPY - ADDRESSEES ADDED") too', () => {
    for (const notice of ['C O R R E C T E D C O P Y (ADDED TAGS)', 'CORRECTED COPY -TEXT', 'C O R R E C T COPY - FERRY ADDRESSEES ADDED']) {
      const c = parse(`CONFIDENTIAL NOWHERE 000009\n\nSIPDIS\n${notice}\n\nTAGS: PREL\nSUBJECT: X\n`);
      assert.deepEqual([c.correctedCopy.map((t) => t.text), c.lineKinds[3], c.passingLines.length], [[notice], 'corrected-copy', 0], notice);
    }
    // A word that only starts the same is no notice.
    assert.deepEqual(parse('CONFIDENTIAL NOWHERE 000009\n\nCORRECTIONS COPY DESK\n\nTAGS: PREL\n').correctedCopy, []);
  });

  it('reads what a notice that says nothing more was corrected on the line under it, not as a passing line', () => {
    const c = parse('CONFIDENTIAL NOWHERE 000009\nC O R R E C T E D COPY\nMARKING ERROR IN PARAGRAPHS 4 AND 5\n\nSIPDIS\n\nTAGS: PREL\nSUBJECT: X\n');
    assert.deepEqual([c.correctedCopy.map((t) => t.text), c.lineKinds.slice(1, 3), c.passingLines.length], [['C O R R E C T E D COPY', 'MARKING ERROR IN PARAGRAPHS 4 AND 5'], ['corrected-copy', 'corrected-copy'], 0]);
    // An office's passing line under it stays one, as does a line under a notice that gives its reason, or one a blank line apart.
    for (const lines of [['CORRECTED COPY', 'DEPT FOR EUR/WE AND EB'], ['CORRECTED COPY (TEXT)', 'FERRY DESK: ADDED TAGS'], ['CORRECTED COPY', '', 'MISSING TAGS DESK FOR SMITH']]) {
      const p = parse(['CONFIDENTIAL NOWHERE 000009', ...lines, '', 'TAGS: PREL', 'SUBJECT: X', ''].join('\n'));
      assert.deepEqual([p.correctedCopy.length, p.passingLines.map((t) => t.text)], [1, [lines[lines.length - 1]]], lines.join(' / '));
    }
  });
});

describe('parser: a level alone on its line', () => {
  it('reads "SECRET" alone as the banner where no other line before the metadata is one, and as a page-break line after it', () => {
    const c = parse(['SECRET', '', 'E.O. 12958: DECL: 06/03/2019', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) Text.', '', 'SECRET', '', '¶2. (S) More.', 'SMITH'].join('\n'));
    assert.deepEqual([c.banner?.level, c.banner?.line, at(c.banner?.levelText.range), c.banner?.post], ['SECRET', 0, '0:0-0:6', undefined]);
    assert.deepEqual(c.banners.map((b) => b.line), [0]);
    assert.deepEqual([c.lineKinds[0], c.lineKinds[8]], ['banner', 'page']);
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL010'), []);
    // Under a header, with a caveat line under it: "CONFIDENTIAL" and "UNCLAS" too.
    const header = ['VZCZCXRO0001', 'PP RUEHWEB', 'DE RUEHTL #0233/01 0761200', 'ZNY CCCCC ZZH', 'P 171200Z MAR 09', 'FM AMEMBASSY NOWHERE', 'TO RUEHC/SECSTATE WASHDC PRIORITY 0233', ''];
    const d = parse([...header, 'CONFIDENTIAL', '', 'SIPDIS', '', 'E.O. 12958: DECL: 03/17/2019', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) Text.'].join('\n'));
    assert.deepEqual([d.banner?.level, d.banner?.line, d.header?.from?.address?.text, d.caveats.map((k) => k.name)], ['CONFIDENTIAL', 8, 'AMEMBASSY NOWHERE', ['SIPDIS']]);
    assert.equal(parse('UNCLAS\n\nTAGS: PREL\nSUBJECT: X\n\n1. Text.\n').banner?.level, 'UNCLASSIFIED');
  });
  it('keeps the banner below a level echoed above it alone ("CONFIDENTIAL" over the banner, as export metadata writes it), and reads no lone level after the metadata or in a text with none', () => {
    const c = parse(['CONFIDENTIAL', '', 'C O N F I D E N T I A L NOWHERE 000881', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) Text.'].join('\n'));
    assert.deepEqual([c.banner?.line, c.banner?.post?.text, c.banners.length], [2, 'NOWHERE', 1]);
    // "SECRET" in a wrapped subject, and in a text with no metadata or paragraph, is no banner.
    assert.equal(parse('TAGS: PREL\nSUBJECT: FERRY\nSECRET\nTALKS\n\n¶1. (S) Text.\n').banner, undefined);
    assert.equal(parse('Notes for the meeting\nSECRET\nBring the ferry plans.\n').banner, undefined);
  });
  it('reads the lower of two levels alone before the metadata as the banner, nearest the metadata, as a level above a banner echoes it', () => {
    const c = parse(['UNCLASSIFIED', '', 'SECRET', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) Text.'].join('\n'));
    assert.deepEqual([c.banner?.level, c.banner?.line, c.banners.length], ['SECRET', 2, 1]);
  });
});

describe('parser: preamble', () => {
  it("keeps an addressee's ZEN/ prefix in the extracted record's TO and INFO lists, as the line writes it", () => {
    // Invented, 08STATE103511's shape: "ZEN/" marks an addressee this transmission does not serve; the record wrote
    // "AMEMBASSY NOWHERE" for it, as if it were an addressee without a routing indicator.
    const c = parse(['VZCZCXYZ0003', 'OO RUEHWEB', '', 'DE RUEHC #0042 0010100', 'ZNY SSSSS ZZH', 'O 010100Z JAN 09', 'FM SECSTATE WASHDC', 'TO ZEN/AMEMBASSY NOWHERE NIACT IMMEDIATE 1234-1237', 'RUEHVT/AMEMBASSY VALLETTA NIACT IMMEDIATE 5678', 'INFO ZEN/HARBOR COLLECTIVE IMMEDIATE', 'AMCONSUL ELSEWHERE IMMEDIATE', '', 'S E C R E T STATE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. (S) Text.'].join('\n'));
    const header = extractRecord('x.txt', c).header as { to: string[]; info: string[] };
    assert.deepEqual(header.to, ['ZEN/AMEMBASSY NOWHERE', 'RUEHVT/AMEMBASSY VALLETTA']);
    assert.deepEqual(header.info, ['ZEN/HARBOR COLLECTIVE', 'AMCONSUL ELSEWHERE']);
  });
  it('reads date lines, publisher notes and export metadata before the banner', () => {
    const c = parse(['This record is a partial extract of the original cable.', '', 'Friday, 31 July 2009, 06:59', 'ID: 123456', 'CLASSIFICATION: SECRET//NOFORN', 'S E C R E T NOWHERE 000031'].join('\n'));
    assert.deepEqual(c.preamble.map((p) => p.kind), ['publisher-note', 'date-line', 'export-metadata', 'export-metadata']);
    assert.deepEqual(c.preamble[1].date, { year: 2009, month: 7, day: 31 });
    assert.equal(c.banner?.line, 5);
    assert.equal(c.id, '09NOWHERE31');
  });
  it('reads a date line in capitals as one in mixed case ("FRIDAY, 31 JULY 2009, 06:59")', () => {
    const lines = (date: string) => ['This record is a partial extract of the original cable.', '', date, '', 'S E C R E T NOWHERE 000031', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.'].join('\n');
    for (const date of ['FRIDAY, 31 JULY 2009, 06:59', 'SUNDAY, 2 AUGUST 2009, 11:05', 'THURSDAY, 30 JULY 2009, 23:59']) {
      const c = parse(lines(date));
      assert.deepEqual(c.preamble.map((p) => p.kind), ['publisher-note', 'date-line'], date);
      assert.equal(c.preamble[1].token.text, date);
    }
    assert.deepEqual(parse(lines('FRIDAY, 31 JULY 2009, 06:59')).preamble[1].date, { year: 2009, month: 7, day: 31 });
    // A line of capitals that only opens as a day does is none.
    assert.ok(!parse(lines('SATURDAY MEETING, 1 AUGUST 2009')).preamble.some((p) => p.kind === 'date-line'));
  });
  it('reads a date-time group alone under a partial extract\'s publisher note as the cable\'s date ("030915Z Mar 06")', () => {
    const lines = (group: string) => ['This record is a partial extract of the original cable. The full text of the original cable is not available.', '', group, '', 'C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', 'DOE'].join('\n');
    const c = parse(lines('030915Z Mar 06'));
    assert.deepEqual(c.preamble.map((p) => p.kind), ['publisher-note', 'date-line']);
    assert.deepEqual(c.preamble[1].date, { year: 2006, month: 3, day: 3 });
    assert.equal(c.id, '06NOWHERE42');
    // The group's time is the cable's date-time group's, as a header's would give it.
    assert.equal(c.preamble[1].dtg, '2006-03-03T09:15:00Z');
    assert.equal(extractRecord('x.txt', c).dtg, '2006-03-03T09:15:00Z');
    // A time the clock lacks leaves the date alone.
    const late = parse(lines('037915Z Mar 06'));
    assert.deepEqual([late.preamble[1].date, late.preamble[1].dtg], [{ year: 2006, month: 3, day: 3 }, undefined]);
    assert.equal(extractRecord('x.txt', late).dtg, '2006-03-03');
    // A day the month does not have gives no date.
    const bad = parse(lines('310915Z Feb 06'));
    assert.deepEqual(bad.preamble.map((p) => p.kind), ['publisher-note', 'date-line']);
    assert.equal(bad.preamble[1].date, undefined);
    assert.equal(bad.id, undefined);
  });
});

describe("parser: a header of another cable over a dated text", () => {
  // Invented, 07PARIS2725's shape: the header is one post's (DE #0271, 26 June 2006), the date line and the text another's
  // (ELSEWHERE 005154, 26 October 2007); the record paired the text's id with the header's date, and the id took the header's year.
  const text = (deSerial: string, dateLine = 'Friday, 26 October 2007, 02:25') =>
    ['VZCZCXRO0271', 'OO RUEHDBU', `DE RUEHVT #${deSerial}/01 1770754`, 'ZNY CCCCC ZZH', 'O 260754Z JUN 06', 'FM AMEMBASSY NOWHERE', 'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0001', '', ...(dateLine ? [dateLine] : []), 'C O N F I D E N T I A L ELSEWHERE 005154', '', 'EO 12958 DECL: 10/09/2017', 'TAGS PREL', 'SUBJECT: FERRY FARES', 'REF: ELSEWHERE 3207', '', '¶1. (C) Text.', 'ROE'].join('\n');

  it('dates the text by its date line, and its id and citations by that date, where the DE serial is not the banner\'s', () => {
    const c = parse(text('0271'));
    assert.deepEqual(c.date, { year: 2007, month: 10, day: 26 });
    assert.equal(c.id, '07ELSEWHERE5154');
    const record = extractRecord('x.txt', c);
    assert.equal(record.dtg, '2007-10-26');
    // A citation without a year takes the text's.
    assert.deepEqual(record.cites, ['07ELSEWHERE3207']);
    // The header's own fields stay as it writes them.
    assert.equal((record.header as { serial: string }).serial, '0271');
  });

  it("keeps the header's date where its DE serial is the banner's, or where no date line dates the text", () => {
    const own = parse(text('5154'));
    assert.deepEqual([own.date, own.id, extractRecord('x.txt', own).dtg], [{ year: 2006, month: 6, day: 26 }, '06ELSEWHERE5154', '2006-06-26T07:54:00Z']);
    const undated = parse(text('0271', ''));
    assert.deepEqual([undated.date, undated.id, extractRecord('x.txt', undated).dtg], [{ year: 2006, month: 6, day: 26 }, '06ELSEWHERE5154', '2006-06-26T07:54:00Z']);
  });

  it('says so in the hovers of the date line and the date-time group, and the preview card gives the date line\'s date', () => {
    const c = parse(text('0271'));
    const hoverAt = (line: number, character: number) => (getHover(c, { line, character }, { dictionaries: defaultDictionaries() })?.contents as MarkupContent).value;
    assert.match(hoverAt(8, 3), /It dates this cable: .*The transmission header's DE serial is not the banner's: the header belongs to another cable/);
    assert.match(hoverAt(4, 4), /this header belongs to another cable, and the date line above the banner dates this cable's text/);
    const own = parse(text('5154'));
    assert.doesNotMatch((getHover(own, { line: 4, character: 4 }, { dictionaries: defaultDictionaries() })?.contents as MarkupContent).value, /another cable/);
    const facts = Object.fromEntries(getPreviewCard(c, { dictionaries: defaultDictionaries() }).facts.map((f) => [f.label, f.value]));
    assert.equal(facts.Date, '26 October 2007');
  });
});

/** An invented cable whose REF field is `ref` (its lines under SUBJECT), a paragraph under it, parsed. */
const withRef = (ref: string): Cable => parseCable(`P 010101Z JUL 09\nFM AMEMBASSY NOWHERE\n\nC O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n${ref}\n\n¶1. (C) Text.\n`).cable;
/** A REF item as its letter's token and range, its citation and its cable id: `B.@9:0-9:2 STATE 4410 09STATE4410`, `-` for none. */
const refItem = (i: RefItem): string => `${i.letterToken ? `${i.letterToken.text}@${at(i.letterToken.range)}` : '-'} ${i.citation.text} ${i.id ?? '-'}`;
/** The REF items of {@link withRef}'s cable ({@link refItem}) and the line its body starts on. */
const refsAndBodyStart = (ref: string): [string[] | undefined, number] => {
  const c = withRef(ref);
  return [c.refs?.items.map(refItem), c.bodyStartLine];
};

describe('parser: metadata', () => {
  const c = parse(sample('09VALLETTA412.cable'));

  it('gives a subject its text single-spaced: every run of white space one space, a single space kept', () => {
    const text = (subject: string) => ['CONFIDENTIAL NOWHERE 000042', '', 'E.O. 12958: DECL: 06/03/2019', 'TAGS: PREL', `SUBJECT: ${subject}`, '', '¶1. (C) Text.', '', 'ROE', ''].join('\n');
    const cases: Array<[string, string]> = [
      ['FERRY TALKS AND THE QUAYS', 'FERRY TALKS AND THE QUAYS'],
      ['FERRY  TALKS\tAND \t THE\u00A0QUAYS  ', 'FERRY TALKS AND THE QUAYS'],
      ['FERRY\u2003TALKS', 'FERRY TALKS'],
      ['F', 'F'],
    ];
    for (const [written, meant] of cases) assert.equal(parse(text(written)).subject?.text, meant, JSON.stringify(written));
  });

  it('keeps a second SUBJECT or Classified By apart from the first, with the lines it wraps onto, where the first is the cable\'s', () => {
    const text = ['CONFIDENTIAL NOWHERE 000042', '', 'E.O. 12958: DECL: 06/03/2019', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', 'SUBJECT: PIER FEES AND', 'THE QUAYS', '', 'Classified By: Jane Roe, reasons 1.4 (b).', 'Classified By: John Doe,', 'reasons 1.4 (d).', '', '¶1. (C) Text.', '', 'ROE', ''].join('\n');
    const d = parse(text);
    // The second's wrapped line ran into the first subject ("FERRY TALKS THE QUAYS"), and its own value was lost.
    assert.deepEqual([d.subject?.text, d.classifiedBy?.classifier?.text, d.classifiedBy?.reasonLetters], ['FERRY TALKS', 'Jane Roe', ['b']]);
    assert.deepEqual(d.repeatedFields.map((r) => `${r.field}|${r.keyword.text}|${r.text}|${at(r.range)}`), ['SUBJECT|SUBJECT:|PIER FEES AND THE QUAYS|5:0-6:9', 'Classified By|Classified By:|John Doe, reasons 1.4 (d).|9:0-10:16']);
    assert.deepEqual([5, 6, 9, 10, 12].map((k) => d.lineKinds[k]), ['subject', 'subject', 'classified-by', 'classified-by', 'paragraph']);
    assert.deepEqual(parse(text.replace(/\nSUBJECT: PIER FEES AND\nTHE QUAYS/, '').replace(/\nClassified By: John Doe,\nreasons 1.4 \(d\)\./, '')).repeatedFields, []);
    // A line doubled: the lines under it go on with the first, as they did, and the second is kept as written.
    const doubled = parse(text.replace('SUBJECT: FERRY TALKS\nSUBJECT: PIER FEES AND\nTHE QUAYS', 'SUBJECT: FERRY TALKS AND\nSUBJECT: FERRY TALKS AND\nTHE QUAYS'));
    assert.deepEqual([doubled.subject?.text, doubled.repeatedFields[0]?.text], ['FERRY TALKS AND THE QUAYS', 'FERRY TALKS AND']);
    // A blank line breaking the second, Classified By still to come: its line under the blank goes on with the second, not the first.
    const broken = parse(text.replace('SUBJECT: PIER FEES AND\nTHE QUAYS', 'SUBJECT: PIER FEES AND\n\nTHE QUAYS'));
    assert.deepEqual([broken.subject?.text, broken.repeatedFields.map((r) => `${r.field}|${r.text}|${at(r.range)}`), broken.lineKinds[7]], ['FERRY TALKS', ['SUBJECT|PIER FEES AND THE QUAYS|5:0-7:9', 'Classified By|John Doe, reasons 1.4 (d).|10:0-11:16'], 'subject']);
    // The first broken so, with no second, is as it was; and the line under a doubled line's blank goes on with the first.
    assert.equal(parse(text.replace('SUBJECT: FERRY TALKS\nSUBJECT: PIER FEES AND\nTHE QUAYS', 'SUBJECT: FERRY TALKS AND\n\nTHE QUAYS')).subject?.text, 'FERRY TALKS AND THE QUAYS');
    const doubledBroken = parse(text.replace('SUBJECT: FERRY TALKS\nSUBJECT: PIER FEES AND\nTHE QUAYS', 'SUBJECT: FERRY TALKS AND\nSUBJECT: FERRY TALKS AND\n\nTHE QUAYS'));
    assert.deepEqual([doubledBroken.subject?.text, doubledBroken.repeatedFields[0]?.text], ['FERRY TALKS AND THE QUAYS', 'FERRY TALKS AND']);
    // The whole field written again with the same wrapping: the first had wrapped, so the second keeps its own wrapped line,
    // which ran on in the first's text ("FERRY TALKS AND MARITIME PATROLS MARITIME PATROLS"); CBL037 says it is written twice.
    const twice = parse(text.replace('SUBJECT: FERRY TALKS\nSUBJECT: PIER FEES AND\nTHE QUAYS', 'SUBJECT: FERRY TALKS AND\nMARITIME PATROLS\nSUBJECT: FERRY TALKS AND\nMARITIME PATROLS'));
    assert.deepEqual([twice.subject?.text, twice.repeatedFields.map((r) => `${r.field}|${r.text}|${at(r.range)}`)[0], twice.lineKinds[7]], ['FERRY TALKS AND MARITIME PATROLS', 'SUBJECT|FERRY TALKS AND MARITIME PATROLS|6:0-7:16', 'subject']);
    assert.deepEqual(lintCable(twice).filter((f) => f.id === 'CBL037' && /SUBJECT/.test(f.message)).map((f) => f.message), ["The SUBJECT field is written twice, word for word: 'FERRY TALKS AND MARITIME PATROLS'."]);
  });

  it('keeps a second REF apart from the first, with the lines it wraps onto, where the REF keyword written before the next letter goes on with the first', () => {
    const text = ['CONFIDENTIAL NOWHERE 000042', '', 'E.O. 12958: DECL: 06/03/2019', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', 'REF: A. NOWHERE 12', 'B. STATE 4410', 'REF: A. ELSEWHERE 77', 'B. STATE 9120', '', 'Classified By: Jane Roe, reasons 1.4 (b).', '', '¶1. (C) Text (REF B).', '', 'ROE', ''].join('\n');
    const d = parse(text);
    // The second's items ran on in the first's list, A, B, A, B.
    assert.deepEqual(d.refs?.items.map((item) => `${item.letter}:${item.citation.text}`), ['A:NOWHERE 12', 'B:STATE 4410']);
    assert.deepEqual(d.repeatedFields.map((r) => `${r.field}|${r.keyword.text}|${r.text}|${at(r.range)}`), ['REF|REF:|A. ELSEWHERE 77 B. STATE 9120|8:0-9:13']);
    assert.deepEqual([6, 7, 8, 9, 11].map((k) => d.lineKinds[k]), ['ref', 'ref', 'ref', 'ref', 'classified-by']);
    // "REF: A. …" ⏎ "REF: B. …": the keyword written again before the next letter goes on with the list; so after items with no letter, a second REF is one.
    const goesOn = parse(text.replace('B. STATE 4410\nREF: A. ELSEWHERE 77\nB. STATE 9120', 'REF: B. STATE 4410\nC. STATE 9120'));
    assert.deepEqual([goesOn.refs?.items.map((item) => item.letter), goesOn.repeatedFields], [['A', 'B', 'C'], []]);
    const unlettered = parse(text.replace('REF: A. NOWHERE 12\nB. STATE 4410', 'REF: NOWHERE 12'));
    assert.deepEqual([unlettered.refs?.items.map((item) => item.citation.text), unlettered.repeatedFields.map((r) => r.text)], [['NOWHERE 12'], ['A. ELSEWHERE 77 B. STATE 9120']]);
    // The list written again with the same wrapping: its item B is the second's, not a third item of the first's (A, B, B).
    const twice = parse(text.replace('REF: A. ELSEWHERE 77\nB. STATE 9120', 'REF: A. NOWHERE 12\nB. STATE 4410'));
    assert.deepEqual([twice.refs?.items.map((item) => `${item.letter}:${item.citation.text}`), twice.repeatedFields.map((r) => `${r.text}|${at(r.range)}`)], [['A:NOWHERE 12', 'B:STATE 4410'], ['A. NOWHERE 12 B. STATE 4410|8:0-9:13']]);
  });

  it('reads caveats, E.O., TAGS with their own ranges, wrapped SUBJECT, lettered REF items and Classified By', () => {
    assert.deepEqual(c.caveats.map((x) => x.name), ['NOFORN', 'SIPDIS']);
    assert.equal(c.eo?.order?.text, '12958');
    assert.equal(c.eo?.decl?.kind, 'date');
    assert.deepEqual(c.eo?.decl?.date, { year: 2019, month: 6, day: 3 });
    assert.deepEqual(c.tags?.tags.map((t) => `${t.code}@${at(t.token.range)}`), ['PREL@18:6-18:10', 'PGOV@18:11-18:15', 'MARR@18:16-18:20', 'MOPS@18:21-18:25', 'MT@18:26-18:28', 'LY@18:29-18:31']);
    assert.equal(c.subject?.text, 'MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS');
    assert.equal(c.subject?.parts.length, 2);
    assert.deepEqual(c.refs?.items.map((i) => [i.letter, i.letterToken?.text, i.citation.text, i.id]), [
      ['A', 'A.', 'VALLETTA 388', '09VALLETTA388'],
      ['B', '¶B.', 'STATE 51120', '09STATE51120'],
    ]);
    assert.equal(c.classifiedBy?.classifier?.text, 'Ambassador Ruth Calloway');
    assert.equal(c.classifiedBy?.sectionValue, '1.4');
    assert.deepEqual(c.classifiedBy?.reasonLetters, ['b', 'd']);
  });

  const decls: [string, string, string | undefined][] = [
    ['05/27/2019', 'date', '2019-5-27'],
    ['2019/12/17', 'date', '2019-12-17'],
    ['2/19/2016', 'date', '2016-2-19'],
    ['6/3/2017', 'date', '2017-6-3'],
    ['11/29/10', 'date', '2010-11-29'],
    ['2019-02-12', 'date', '2019-2-12'],
    ['1/26/20', 'date', '2020-1-26'],
    ['N/A', 'na', undefined],
    ['OADR', 'oadr', undefined],
    ['GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P', 'gds', '1985-8-12'],
    ['DNG: CO 01/26/2021', 'downgrade', '2021-1-26'],
    ['DNG: CO 13/45/2021', 'downgrade', undefined],
    ['GDS 2/30/85', 'gds', undefined],
    ['25X1', 'x-code', undefined],
    ['AS AMENDED; DECLASSIFIED JUNE 21, 2006', 'declassified', undefined],
    ['XXXXXXXXXXXXX', 'redacted', undefined],
    ['CLOSURE OF ICTY', 'text', undefined],
    ['13/45/2019', 'date', undefined],
  ];
  for (const [value, kind, date] of decls) {
    it(`reads DECL value "${value}" as ${kind}`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: ${value}\nTAGS: PREL\n`);
      assert.equal(cc.eo?.decl?.kind, kind);
      const d = cc.eo?.decl?.date;
      assert.equal(d ? `${d.year}-${d.month}-${d.day}` : undefined, date);
    });
  }

  const eoForms = ['E.O. 12958: DECL: 05/27/2019', 'EO 12958 DECL: 05/27/2019', 'E.o. 12958: decl: 05/27/2019', 'E.0. 12958: DECL: 05/27/2019', 'E.O 12958:  DECL:  05/27/2019', 'E.O.12958: DECL:05/27/2019', 'E.O. 12958: DECLl: 05/27/2019', 'E.O. 12958: Declassify on 5/27/2019', 'E.O. 12958 05/27/2019', 'DEPT FOR WHA/BSC E.O. 12958: DECL: 05/27/2019', 'EO\t12958 DECL: 05/27/2019', 'E.O.\t12958:\tDECL: 05/27/2019'];
  for (const form of eoForms) {
    it(`reads the E.O. line "${form}"`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\n${form}\nTAGS: PREL\n`);
      assert.equal(cc.eo?.order?.text, '12958');
      assert.deepEqual(cc.eo?.decl?.date, { year: 2019, month: 5, day: 27 });
    });
  }

  it('reads the DECL value an E.O. line wrapped onto the line under it, with its ranges there, and the fields under it', () => {
    const cc = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958:\n  DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n');
    assert.deepEqual([cc.eo?.order?.text, at(cc.eo?.range), at(cc.eo?.decl?.keyword?.range), at(cc.eo?.decl?.value.range), cc.eo?.decl?.date], ['12958', '2:0-3:18', '3:2-3:7', '3:8-3:18', { year: 2019, month: 5, day: 27 }]);
    assert.deepEqual([cc.lineKinds[3], cc.tags?.tags.map((t) => t.code), cc.subject?.text], ['eo', ['PREL'], 'X']);
    // A TAGS field sharing the wrapped line ends the value.
    const shared = parse('C O N F I D E N T I A L NOWHERE 000001\n\nEO 12958\nDECL: 05/27/2019  TAGS: PREL, PGOV\nSUBJECT: X\n');
    assert.deepEqual([shared.eo?.decl?.value.text, shared.tags?.tags.map((t) => t.code), shared.subject?.text], ['05/27/2019', ['PREL', 'PGOV'], 'X']);
    // In small letters, on the E.O. line or the line under it, with its colon; "tags" without one is a word of the value.
    for (const eo of ['e.o. 12958: decl: 05/27/2019 tags: prel, pgov', 'e.o. 12958:\ndecl: 05/27/2019 tags: prel, pgov']) {
      const small = parse(`confidential\n\n${eo}\nsubject: x\n`);
      assert.deepEqual([small.eo?.decl?.value.text, small.eo?.decl?.date, small.tags?.tags.map((t) => t.code)], ['05/27/2019', { year: 2019, month: 5, day: 27 }, ['PREL', 'PGOV']], eo);
    }
    assert.equal(parse('CONFIDENTIAL\n\nE.O. 12958: DECL: the price tags of ferries\n').eo?.decl?.value.text, 'the price tags of ferries');
    // Not after a value on the E.O. line, a blank line, or a line of prose.
    for (const eo of ['E.O. 12958: N/A\nDECL: 05/27/2019', 'E.O. 12958:\n\nDECL: 05/27/2019', 'E.O. 12958:\nDeclining fares 2019']) {
      const other = parse(`C O N F I D E N T I A L NOWHERE 000001\n\n${eo}\nTAGS: PREL\n`);
      assert.ok(other.eo?.range.end.line === 2 && other.eo.decl?.value.range.start.line !== 3, eo);
    }
  });

  const tagForms: [string, string[]][] = [
    ['TAGS: PREL PGOV FR', ['PREL', 'PGOV', 'FR']],
    ['TAGS PGOV, PREL, ECON, ZI', ['PGOV', 'PREL', 'ECON', 'ZI']],
    ['Tags: prel, pgov, pins, tu', ['PREL', 'PGOV', 'PINS', 'TU']],
    ['TAGS EINV,EFIN, KTFN, AF', ['EINV', 'EFIN', 'KTFN', 'AF']],
    ['TAGS: [MARR](#) [MOPS](#) NATO', ['MARR', 'MOPS', 'NATO']],
    ['TAGS OVIP (STEINBERG, JAMES B.), PREL, CH', ['OVIP', 'STEINBERG, JAMES B.*', 'PREL', 'CH']],
    ['TAGS: OVIP CLINTON HILLARY PREL MNUC', ['OVIP', 'CLINTON HILLARY*', 'PREL', 'MNUC']],
  ];
  for (const [line, expected] of tagForms) {
    it(`reads TAGS "${line}"`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\n${line}\nSUBJECT: X\n`);
      assert.deepEqual(cc.tags?.tags.map((t) => t.code + (t.role === 'person' ? '*' : '')), expected);
      for (const t of cc.tags!.tags) assert.equal(cc.lines[t.token.range.start.line].slice(t.token.range.start.character, t.token.range.end.character), t.token.text);
    });
  }

  it('reads TAGS wrapped onto a continuation line, and E.O., TAGS and SUBJECT sharing one line', () => {
    const wrapped = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL FR EUN NATO\nYI, UNO, IR\nSUBJECT: X\n');
    assert.deepEqual(wrapped.tags?.tags.map((t) => t.code), ['PREL', 'FR', 'EUN', 'NATO', 'YI', 'UNO', 'IR']);
    // Semicolons separate TAGS on the wrapped line as on the first: the line and the SUBJECT under it were lost.
    const semicolons = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL; PGOV; ECON;\n      PTER; KDEM\nSUBJECT: X\n');
    assert.deepEqual(semicolons.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'ECON', 'PTER', 'KDEM']);
    assert.equal(semicolons.subject?.text, 'X');
    const flat = parse('C o n f i d e n t i a l nowhere 000348\n\nE.o. 12958: decl: 01/07/2014 Tags: prel, pgov, tu Subject: turkish officials meet\n');
    assert.equal(flat.eo?.decl?.value.text, '01/07/2014');
    assert.deepEqual(flat.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'TU']);
    assert.equal(flat.subject?.text, 'turkish officials meet');
  });

  // Lines swapped by damage put a subject's wrapped line under TAGS (the shape the differential script's swapped copies of
  // 07PARIS3733 and 09LONDON2303 make): it is no TAGS, as it holds words that are no TAG, set off by no comma.
  const underTags: [string, string[]][] = [
    ['SUBJECT: FERRY TALKS AT PORT NOWHERE\nTAGS: PREL PGOV\nRESUME WITH OTHERLAND OFFICIALS', ['PREL', 'PGOV']],
    ['TAGS: PREL PGOV\nVISIT TO OTHERTOWN\nSUBJECT: MINISTER PLANS', ['PREL', 'PGOV']],
    ['TAGS: PREL PGOV\nTHE HARBOR\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV']],
    ['tags: prel, pgov\nresume in may\nsubject: ferry talks', ['PREL', 'PGOV']],
    ['TAGS: PREL PGOV\nBUT NOT THE HARBOR, SAYS MINISTER\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV']],
    // TAGS wrapped, as the real cables wrap them: known codes alone, or short codes in capitals set off by commas.
    ['TAGS: PREL PGOV\nKPAL\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV', 'KPAL']],
    ['TAGS: PREL PGOV\nECON UNESCO IS\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV', 'ECON', 'UNESCO', 'IS']],
    ['tags: prel, pgov,\nkpal, is\nsubject: ferry talks', ['PREL', 'PGOV', 'KPAL', 'IS']],
    ['TAGS: PREL, PGOV,\nQQXZ, KJUS; SP\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV', 'QQXZ', 'KJUS', 'SP']],
    ['TAGS: PREL, OVIP\n(SMITH, JOHN)\nSUBJECT: FERRY TALKS', ['PREL', 'OVIP', 'SMITH, JOHN*']],
    // The last code may be a known TAG's start, being typed; under a line that ends with a separator or lists no TAG yet,
    // the field is to go on, and the line is read whatever its codes.
    ['TAGS: PREL PGOV\nKPAL MO\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV', 'KPAL', 'MO']],
    ['TAGS: PREL, PGOV,\nECON QQXZ\nSUBJECT: FERRY TALKS', ['PREL', 'PGOV', 'ECON', 'QQXZ']],
    ['TAGS:\nPREL QQXZ\nSUBJECT: FERRY TALKS', ['PREL', 'QQXZ']],
  ];
  for (const [fields, expected] of underTags) {
    it(`reads a line under TAGS as TAGS only when it looks like TAGS: ${JSON.stringify(/\n(.*)/.exec(fields.slice(fields.search(/tags/i)))![1])}`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\n${fields}\n\n1. (C) Text.\n`);
      assert.deepEqual(cc.tags?.tags.map((t) => t.code + (t.role === 'person' ? '*' : '')), expected);
    });
  }

  const refForms: [string, string[]][] = [
    ['REF: A. 99 PRETORIA 12315  B. 99 PRETORIA 12316  C. 00 CAPE TOWN 2150', ['A 99PRETORIA12315', 'B 99PRETORIA12316', 'C 00CAPETOWN2150']],
    ['REF: A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL', ['A 09MADRID3552', 'B 09BRUSSELS4080', 'C -']],
    ['REF: (A) STATE 165022 (B) MOSCOW 11500', ['A 09STATE165022', 'B 09MOSCOW11500']],
    ['REF: BRASILIA 347; BRASILIA 278', ['- 09BRASILIA347', '- 09BRASILIA278']],
    ['REFS: SAO PAULO 273, SAO PAULO 90', ['- 09SAOPAULO273', '- 09SAOPAULO90']],
    ['REFTEL: 2005 BUCHAREST 2550', ['- 05BUCHAREST2550']],
    ['Ref: a) vienna 350 b) 05 vienna 1760', ['A 09VIENNA350', 'B 05VIENNA1760']],
    ['REF: A) PARIS 2208 (NOTAL) B) SECSTATE 2743', ['A 09PARIS2208', 'B 09STATE2743']],
    ['REF: A. OTHERTOWN 1817 AND PREVIOUS B. 08 NOWHERE 1137 and previous', ['A 09OTHERTOWN1817', 'B 08NOWHERE1137']],
    ['REF: A. OTHERTOWN 2409 B. STATE 81957: REPORT OF THE TALKS', ['A 09OTHERTOWN2409', 'B 09STATE81957']],
    // Citations run together without a separator; a month or a one-letter word is not a post.
    ['REF: SAO PAULO 329; SAO PAULO 353 SAO PAULO 311', ['- 09SAOPAULO329', '- 09SAOPAULO353', '- 09SAOPAULO311']],
    ['REF: A. NOWHERE POINTS 20 SEPTEMBER 2007', ['A -']],
    ['REF: A. C 08 NOWHERE 4039', ['A -']],
    // A month before the number makes it a day, and a redacted post names no cable.
    ['REF: A. OTHERTOWN 1205  B. NOWHERE-OTHERTOWN VIDEO CALL JUNE 3  C. SMITH-JONES EMAIL OCTOBER 21', ['A 09OTHERTOWN1205', 'B -', 'C -']],
    ['REF: 08 XXXXXXXX 52', ['- -']],
    ['REF: NONE', []],
  ];
  for (const [line, expected] of refForms) {
    it(`reads REF "${line}"`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n${line}\n\nP 010101Z JAN 09\n`);
      // Dated in July: by then a post may have numbered the Department's six-digit citations of the same year.
      const withDate = parse(`P 010101Z JUL 09\nFM AMEMBASSY NOWHERE\n\n${cc.lines.join('\n')}`);
      assert.deepEqual(withDate.refs?.items.map((i) => `${i.letter ?? '-'} ${i.id ?? '-'}`), expected);
    });
  }

  it('ends a SUBJECT at a dashed line under it, which frames the heading that opens the body', () => {
    const cc = parse('UNCLAS NOWHERE 000077\n\nE.O. 12958: N/A\nTAGS: PGOV ECON\nSUBJECT: NOWHERE WEEKLY NOTES 03-02-2009\n-----------\n¶1. SUMMARY\n-----------\nTopics of the week follow.\n\n¶2. (U) Text.\n');
    assert.equal(cc.subject?.text, 'NOWHERE WEEKLY NOTES 03-02-2009');
    assert.equal(cc.bodyStartLine, 5);
    assert.deepEqual(cc.paragraphs.map((p) => p.readAs), [1, 2]);
  });

  it('dates a citation of the same post with a higher number, given without a year, to the year before', () => {
    // NOWHERE 000040 of January 2010 cannot cite NOWHERE 2950 of 2010: the post numbers its cables from 1 each year.
    const cc = parse('P 140930Z JAN 10\nFM AMEMBASSY NOWHERE\n\nC O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 01/14/2020\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 2950 B. NOWHERE 12 C. OTHERTOWN 2950 D. 10 NOWHERE 2950\n\n¶1. (C) Text.\n');
    assert.deepEqual(cc.refs?.items.map((i) => i.id), ['09NOWHERE2950', '10NOWHERE12', '10OTHERTOWN2950', '10NOWHERE2950']);
    // Undated, the file name's id stands in, and so do its post and serial.
    const undated = parse('UNCLAS NOWHERE 000040\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 2950 B. NOWHERE 12\n\n¶1. (U) Text.\n');
    assert.deepEqual(undated.refs?.items.map((i) => citedId(i, '00NOWHERE40')), ['99NOWHERE2950', '00NOWHERE12']);
  });

  it("dates a citation given without a year to the year before when no post reaches its number by the cable's date", () => {
    // NOWHERE 000040 of 12 January 2010: no post numbers 203,879 cables in 12 days, nor 19,001 (1,000 a day and a week's grace).
    const january = parse('P 120930Z JAN 10\nFM AMEMBASSY NOWHERE\n\nC O N F I D E N T I A L NOWHERE 000040\n\nE.O. 12958: DECL: 01/12/2020\nTAGS: PREL\nSUBJECT: X\n\nREF: A. STATE 203879 B. STATE 4134 C. OTHERTOWN 19000 D. OTHERTOWN 19001 E. 10 STATE 203879\n\n¶1. (C) Text.\n');
    assert.deepEqual(january.refs?.items.map((i) => i.id), ['09STATE203879', '10STATE4134', '10OTHERTOWN19000', '09OTHERTOWN19001', '10STATE203879']);
    // In December the Department has numbered that many of the year.
    const december = parse('P 120930Z DEC 10\nFM AMEMBASSY NOWHERE\n\nC O N F I D E N T I A L NOWHERE 002040\n\nE.O. 12958: DECL: 12/12/2020\nTAGS: PREL\nSUBJECT: X\n\nREF: A. STATE 203879\n\n¶1. (C) Text.\n');
    assert.deepEqual(december.refs?.items.map((i) => i.id), ['10STATE203879']);
    // With no date in the text, the file name's year stands in, and nothing tells the day.
    const undated = parse('UNCLAS NOWHERE 000040\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. STATE 203879\n\n¶1. (U) Text.\n');
    assert.deepEqual(undated.refs?.items.map((i) => citedId(i, '10NOWHERE40')), ['10STATE203879']);
  });

  it('reads lettered REF items on continuation lines, after a blank line, and the label (EXDIS)', () => {
    const cc = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: A. KIEV 1186\n\n¶B. 05 KIEV 4590\n¶C. ANKARA 1516 (EXDIS)\n\nClassified By: Ambassador, reason 1.4 (b,d)\n');
    assert.deepEqual(cc.refs?.items.map((i) => i.letter), ['A', 'B', 'C']);
    assert.deepEqual(cc.refs?.items[2].labels.map((l) => l.text), ['(EXDIS)']);
    assert.deepEqual(cc.classifiedBy?.reasonLetters, ['b', 'd']);
  });

  it('reads a REF item\'s letter with no space after its full stop ("B.STATE 4410", "¶B.STATE 4410") where a citation follows it and the letter comes next', () => {
    const read = (ref: string) => {
      const c = withRef(ref);
      return c.refs?.items.map(refItem);
    };
    // Invented. The letter's token is the letter, its full stop and the pilcrow before it, as with a space after it.
    assert.deepEqual(read('REF: A. OTHERTOWN 12\nB.STATE 4410'), ['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B.@9:0-9:2 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\n¶B.STATE 4410'), ['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '¶B.@9:0-9:3 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: A.OTHERTOWN 12 B.08 STATE 4410; c.PARIS 77 (NOTAL)'), ['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B.@8:20-8:22 08 STATE 4410 08STATE4410', 'c.@8:37-8:39 PARIS 77 09PARIS77']);
    // As with a space: one of the three letters after the one before; "A" for the first.
    assert.deepEqual(read('REF: A. OTHERTOWN 12\n¶D.STATE 4410'), ['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '¶D.@9:0-9:3 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\nF.STATE 4410'), ['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '- F.STATE 4410 -']);
    assert.deepEqual(read('REF: B.STATE 4410'), ['- B.STATE 4410 -']);
    // After items without letters, A to C, as a spaced letter there (C after one item: B is missing), as after a blank line.
    assert.deepEqual(read('REF: OTHERTOWN 12 B.STATE 4410'), ['- OTHERTOWN 12 09OTHERTOWN12', 'B.@8:18-8:20 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: OTHERTOWN 12\nB.STATE 4410'), ['- OTHERTOWN 12 09OTHERTOWN12', 'B.@9:0-9:2 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: OTHERTOWN 12; PARIS 7 C.STATE 4410'), ['- OTHERTOWN 12 09OTHERTOWN12', '- PARIS 7 09PARIS7', 'C.@8:27-8:29 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: OTHERTOWN 12 C.STATE 4410'), ['- OTHERTOWN 12 09OTHERTOWN12', 'C.@8:18-8:20 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF: OTHERTOWN 12 D.STATE 4410'), ['- OTHERTOWN 12 D.STATE 4410 -']);
    // No citation after it: an abbreviation or initials in free text are no letter.
    assert.deepEqual(read('REF: A. BOGOTA 2409 B. STATE 81957: REPORT OF U.S.-'), ['A.@8:5-8:7 BOGOTA 2409 09BOGOTA2409', 'B.@8:20-8:22 STATE 81957: REPORT OF U.S.- 09STATE81957']);
    assert.deepEqual(read('REF: A. MEMO TO J.SMITH 12'), ['A.@8:5-8:7 MEMO TO J.SMITH 12 -']);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\nB.O. 12958'), ['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '- B.O. 12958 -']);
  });

  it('reads a REF item\'s letter glued to its citation after a blank line under the field ("¶B.STATE 4410") as the field\'s next item, with the same limits', () => {
    const read = refsAndBodyStart;
    // Invented. The field goes on over the blank line, as with a space after the letter; the body starts at the paragraph.
    assert.deepEqual(read('REF: A. OTHERTOWN 12\n\n¶B.STATE 4410'), [['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '¶B.@10:0-10:3 STATE 4410 09STATE4410'], 12]);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\n\nB.STATE 4410 (NOTAL)\nC.PARIS 77'), [['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B.@10:0-10:2 STATE 4410 09STATE4410', 'C.@11:0-11:2 PARIS 77 09PARIS77'], 13]);
    assert.deepEqual(read('REF: OTHERTOWN 12\n\nA.08 STATE 4410'), [['- OTHERTOWN 12 09OTHERTOWN12', 'A.@10:0-10:2 08 STATE 4410 08STATE4410'], 12]);
    // Not one of the three letters after the last (A for the first), or no citation after it: the body's first line.
    for (const line of ['F.STATE 4410', 'B.O. 12958: DECL: 05/27/2019', 'U.S.-RUSSIA TALKS GO ON', 'B.SMITH SAID SO']) {
      assert.deepEqual(read(`REF: A. OTHERTOWN 12\n\n${line}`), [['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12'], 10], line);
    }
    // After items without letters: A to C, as a spaced letter there (`C.STATE 4410` under one item, B missing, which the
    // grammar colors as a letter too), never past C.
    assert.deepEqual(read('REF: OTHERTOWN 12\n\nB.STATE 4410'), [['- OTHERTOWN 12 09OTHERTOWN12', 'B.@10:0-10:2 STATE 4410 09STATE4410'], 12]);
    assert.deepEqual(read('REF: OTHERTOWN 12; PARIS 7\n\n¶C.STATE 4410'), [['- OTHERTOWN 12 09OTHERTOWN12', '- PARIS 7 09PARIS7', '¶C.@10:0-10:3 STATE 4410 09STATE4410'], 12]);
    assert.deepEqual(read('REF: OTHERTOWN 12\n\nC.STATE 4410'), [['- OTHERTOWN 12 09OTHERTOWN12', 'C.@10:0-10:2 STATE 4410 09STATE4410'], 12]);
    assert.deepEqual(read('REF: OTHERTOWN 12; PARIS 7\n\nB.STATE 4410'), [['- OTHERTOWN 12 09OTHERTOWN12', '- PARIS 7 09PARIS7', 'B.@10:0-10:2 STATE 4410 09STATE4410'], 12]);
    for (const [ref, line] of [
      ['OTHERTOWN 12', 'D.STATE 4410'],
      ['OTHERTOWN 12; PARIS 7; PARIS 8', 'D.STATE 4410'],
      ['OTHERTOWN 12', 'B.SMITH SAID SO'],
      ['OTHERTOWN 12', 'B.O. 12958'],
    ]) {
      const items = ref.split('; ').map((c) => `- ${c} 09${c.replace(' ', '')}`);
      assert.deepEqual(read(`REF: ${ref}\n\n${line}`), [items, 10], line);
    }
  });

  it('reads a REF item\'s letter glued to its citation by a parenthesis ("B)STATE 4410"), as the spaced "B) STATE 4410" is read, with the full stop\'s limits', () => {
    const read = refsAndBodyStart;
    // Invented. Spaced, as the parser has read it all along.
    assert.deepEqual(read('REF: A) OTHERTOWN 12 B) STATE 4410'), [['A)@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B)@8:21-8:23 STATE 4410 09STATE4410'], 10]);
    // Glued, on the field's line, on the line under it and after a blank line.
    assert.deepEqual(read('REF: A)OTHERTOWN 12 B)08 STATE 4410'), [['A)@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B)@8:20-8:22 08 STATE 4410 08STATE4410'], 10]);
    assert.deepEqual(read('REF: A) OTHERTOWN 12\n¶B)STATE 4410'), [['A)@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '¶B)@9:0-9:3 STATE 4410 09STATE4410'], 11]);
    assert.deepEqual(read('REF: A) OTHERTOWN 12\n\nB)STATE 4410 (NOTAL)\nC)PARIS 77'), [['A)@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B)@10:0-10:2 STATE 4410 09STATE4410', 'C)@11:0-11:2 PARIS 77 09PARIS77'], 13]);
    // Not the letter that comes next, no citation after it, or a letter in parentheses glued to its text: no item.
    assert.deepEqual(read('REF: A) OTHERTOWN 12\n\nF)STATE 4410'), [['A)@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12'], 10]);
    assert.deepEqual(read('REF: A) OTHERTOWN 12\n\nB)SMITH SAID SO'), [['A)@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12'], 10]);
    assert.deepEqual(read('REF: B)STATE 4410'), [['- B)STATE 4410 -'], 10]);
    assert.deepEqual(read('REF: A) MEMO TO J)SMITH 12'), [['A)@8:5-8:7 MEMO TO J)SMITH 12 -'], 10]);
  });

  it('reads a REF item\'s letter glued to its citation by a colon ("B:STATE 4410") as the spaced "B: STATE 4410", with the full stop\'s limits', () => {
    const read = refsAndBodyStart;
    // Invented. Spaced, as the parser has read it all along; glued, on the field's line, the line under it and after a blank line.
    assert.deepEqual(read('REF: A: OTHERTOWN 12 B: STATE 4410'), [['A:@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B:@8:21-8:23 STATE 4410 09STATE4410'], 10]);
    assert.deepEqual(read('REF: A:OTHERTOWN 12 B:08 STATE 4410'), [['A:@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B:@8:20-8:22 08 STATE 4410 08STATE4410'], 10]);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\n¶B:STATE 4410'), [['A.@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', '¶B:@9:0-9:3 STATE 4410 09STATE4410'], 11]);
    assert.deepEqual(read('REF: A: OTHERTOWN 12\n\nB:STATE 4410 (NOTAL)\nC:PARIS 77'), [['A:@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12', 'B:@10:0-10:2 STATE 4410 09STATE4410', 'C:@11:0-11:2 PARIS 77 09PARIS77'], 13]);
    // Not a letter that comes next, no cable citation after it (a label, a time), or the first letter past A: no item.
    assert.deepEqual(read('REF: A: OTHERTOWN 12\n\nF:STATE 4410'), [['A:@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12'], 10]);
    assert.deepEqual(read('REF: A: OTHERTOWN 12\n\nB:SMITH SAID SO'), [['A:@8:5-8:7 OTHERTOWN 12 09OTHERTOWN12'], 10]);
    assert.deepEqual(read('REF: A. MEMO B:NOTE TO FILE'), [['A.@8:5-8:7 MEMO B:NOTE TO FILE -'], 10]);
    assert.deepEqual(read('REF: B:STATE 4410'), [['- B:STATE 4410 -'], 10]);
  });

  it('reads the first REF letter right after the field\'s colon ("REF:A.STATE 4410", "REF:A: STATE 4410") as after a space, and a colon before a letter nowhere else', () => {
    const read = (ref: string) => withRef(ref).refs?.items.map((i) => `${refItem(i)}${i.marking ? ` marked ${i.marking.token.text}` : ''}`);
    // Invented. Glued and spaced after the letter, each shape of letter; the items after it as after "REF: A. …".
    assert.deepEqual(read('REF:A.OTHERTOWN 12'), ['A.@8:4-8:6 OTHERTOWN 12 09OTHERTOWN12']);
    assert.deepEqual(read('REF:A:OTHERTOWN 12 B:08 STATE 4410'), ['A:@8:4-8:6 OTHERTOWN 12 09OTHERTOWN12', 'B:@8:19-8:21 08 STATE 4410 08STATE4410']);
    assert.deepEqual(read('REF:A. OTHERTOWN 12 B. STATE 4410'), ['A.@8:4-8:6 OTHERTOWN 12 09OTHERTOWN12', 'B.@8:20-8:22 STATE 4410 09STATE4410']);
    assert.deepEqual(read('REF:(A) OTHERTOWN 12'), ['(A)@8:4-8:7 OTHERTOWN 12 09OTHERTOWN12']);
    assert.deepEqual(read('REF:¶A.OTHERTOWN 12'), ['¶A.@8:4-8:7 OTHERTOWN 12 09OTHERTOWN12']);
    assert.deepEqual(read('SUBJECT: X REF:A.OTHERTOWN 12'), ['A.@8:15-8:17 OTHERTOWN 12 09OTHERTOWN12']);
    // The limits of a glued letter: the first is A; a marking's shape is a marking, as after "REF: ".
    assert.deepEqual(read('REF:B.STATE 4410'), ['- B.STATE 4410 -']);
    assert.deepEqual(read('REF:U.S.-RUSSIA TALKS'), ['- U.S.-RUSSIA TALKS -']);
    assert.deepEqual(read('REF:(C) STATE 4410'), ['- STATE 4410 09STATE4410 marked (C)']);
    // A colon elsewhere in the field before a letter opens no item.
    assert.deepEqual(read('REF: A. OTHERTOWN 12:B. STATE 4410'), ['A.@8:5-8:7 OTHERTOWN 12:B. STATE 4410 -']);
    assert.deepEqual(read('REF: A. MEMO B:NOTE TO FILE'), ['A.@8:5-8:7 MEMO B:NOTE TO FILE -']);
  });

  it('reads a REF item\'s letter in parentheses glued to its citation ("(C)STATE 4410") only where the list makes it a letter, never where it may be a portion marking', () => {
    const read = (ref: string) => {
      const c = withRef(ref);
      const items = c.refs?.items.map((i) => `${i.letterToken ? `${i.letterToken.text}@${at(i.letterToken.range)}` : '-'} ${i.citation.text}${i.marking ? ` marked ${i.marking.token.text}` : ''}`);
      return [items, c.bodyStartLine];
    };
    // Invented. After "(A)" and "(B)", "(C)" is the next letter: on the field's line, the line under it, after a blank line.
    assert.deepEqual(read('REF: (A) OTHERTOWN 12 (B) PARIS 7 (C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@8:22-8:25 PARIS 7', '(C)@8:34-8:37 STATE 4410'], 10]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12\n(B) PARIS 7\n(C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@9:0-9:3 PARIS 7', '(C)@10:0-10:3 STATE 4410'], 12]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12\n(B) PARIS 7\n\n¶(C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@9:0-9:3 PARIS 7', '¶(C)@11:0-11:4 STATE 4410'], 13]);
    // A letter in parentheses with no marking's shape reads as the other glued letters do, the first included.
    assert.deepEqual(read('REF: (A)OTHERTOWN 12 (B)08 STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@8:21-8:24 08 STATE 4410'], 10]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12\n\n(B)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@10:0-10:3 STATE 4410'], 12]);
    // Where it may be a marking, a marking, as before: first in the field, right after a letter (on its line or left at the
    // end of the line above), after items without letters, after a letter not in parentheses, or not the letter right after.
    assert.deepEqual(read('REF: (C)STATE 4410'), [['- STATE 4410 marked (C)'], 10]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12 (B) (C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@8:22-8:25 STATE 4410 marked (C)'], 10]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12 (B)\n(C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@8:22-8:25 STATE 4410 marked (C)'], 11]);
    assert.deepEqual(read('REF: OTHERTOWN 12; PARIS 7\n(C)STATE 4410'), [['- OTHERTOWN 12', '- PARIS 7', '- STATE 4410 marked (C)'], 11]);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\nB. PARIS 7\n(C)STATE 4410'), [['A.@8:5-8:7 OTHERTOWN 12', 'B.@9:0-9:2 PARIS 7', '- STATE 4410 marked (C)'], 12]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12\n(C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12', '- STATE 4410 marked (C)'], 11]);
    assert.deepEqual(read('REF: (R) OTHERTOWN 12\n(T) PARIS 7\n(U)STATE 4410'), [['(R)@8:5-8:8 OTHERTOWN 12', '(T)@9:0-9:3 PARIS 7', '(U)@10:0-10:3 STATE 4410'], 12]);
    // After a blank line, the same: "(C)" right after "(B)" goes on with the field; elsewhere the line is the text's.
    assert.deepEqual(read('REF: (A) OTHERTOWN 12\n\n(C)STATE 4410'), [['(A)@8:5-8:8 OTHERTOWN 12'], 10]);
    assert.deepEqual(read('REF: A. OTHERTOWN 12\nB. PARIS 7\n\n(C)STATE 4410'), [['A.@8:5-8:7 OTHERTOWN 12', 'B.@9:0-9:2 PARIS 7'], 11]);
    assert.deepEqual(read('REF: (A) OTHERTOWN 12\n(B) PARIS 7\n\n(C)SMITH SAID SO'), [['(A)@8:5-8:8 OTHERTOWN 12', '(B)@9:0-9:3 PARIS 7'], 11]);
  });

  it('reads a REF item\'s letter alone after a blank line, the next after the last item\'s, as the field\'s (a copy cut under "¶B.", parser58), and no lettered body under the field', () => {
    const head = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n';
    const read = (ref: string) => {
      const c = parseCable(head + ref).cable;
      return [c.refs?.items.map((i) => `${i.letter}:${i.citation.text}`).join(' '), at(c.refs?.range), c.bodyStartLine, c.lineKinds.slice(6).join(',')];
    };
    // Cut right under the letter, or with the blank lines of a copy under it: the field goes on over it, as it does with no
    // blank line above it; the body starts under it. It was the body's first line, and the field ended above the blank line.
    // The letter is an item of its own whose citation is empty (items66: the field took it, and no item held it).
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶B.'), ['A:KIEV 1186 B:', '6:0-8:3', 9, 'ref,blank,ref']);
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶B. \n\n'), ['A:KIEV 1186 B:', '6:0-8:3', 11, 'ref,blank,ref,blank,blank']);
    assert.deepEqual(read('REF: A. STATE 53274\n¶B. 06 STATE 146295\n\nc.'), ['A:STATE 53274 B:06 STATE 146295 C:', '6:0-9:2', 10, 'ref,ref,blank,ref']);
    assert.deepEqual(read('REF: A. KIEV 1186\n¶B.'), ['A:KIEV 1186 B:', '6:0-7:3', 8, 'ref,ref']);
    // Not the next letter, a letter with text under it (a lettered list opening the body), or a letter a paragraph's number
    // comes before, stays the body's.
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶C.'), ['A:KIEV 1186', '6:0-6:17', 8, 'ref,blank,text']);
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶A.'), ['A:KIEV 1186', '6:0-6:17', 8, 'ref,blank,text']);
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶B.\nThe minister said the harbor would close.'), ['A:KIEV 1186', '6:0-6:17', 8, 'ref,blank,text,text']);
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶1. (C) The minister said:\n\n¶B.\n'), ['A:KIEV 1186', '6:0-6:17', 8, 'ref,blank,paragraph,blank,text,blank']);
    // A lettered list opening the body under a REF field, its letters from A: the body's.
    assert.deepEqual(read('REF: A. KIEV 1186\n\n¶A. (C) The minister said the harbor would close.\n¶B. (C) The ferries run.\n'), ['A:KIEV 1186', '6:0-6:17', 8, 'ref,blank,text,text,blank']);
  });

  it('reads a citation written as a canonical id ("09PARIS708", "09paris708") as the cable it names, and no other run of letters and digits', () => {
    const refs = (ref: string) =>
      parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\nREF: ${ref}\n\n¶1. (C) Text.\n`).refs?.items.map((i) => [i.letter, i.citation.text, i.id]);
    // Each was free text, with no id: no link, definition or hover of the cable it names.
    assert.deepEqual(refs('A. 09PARIS708, B. 08state1234'), [['A', '09PARIS708', '09PARIS708'], ['B', '08state1234', '08STATE1234']]);
    assert.deepEqual(refs('09paris708'), [[undefined, '09paris708', '09PARIS708']]);
    assert.deepEqual(refs('09XXXXXXXXXX708'), [[undefined, '09XXXXXXXXXX708', undefined]]);
  });

  it('reads a citation written as PlusD writes ids ("2009PARIS708", "1974STATE150591", "05STATE226504_a") as the cable it copies', () => {
    const refs = (ref: string) =>
      parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\nREF: ${ref}\n\n¶1. (C) Text.\n`).refs?.items.map((i) => [i.letter, i.citation.text, i.id]);
    // A four-digit year is the id's two; a second copy's letter after an underscore names the cable it copies.
    assert.deepEqual(refs('A. 2009PARIS708, B. 1974STATE150591, C. 05STATE226504_a'), [['A', '2009PARIS708', '09PARIS708'], ['B', '1974STATE150591', '74STATE150591'], ['C', '05STATE226504_a', '05STATE226504']]);
    // No year of another century, no suffix of two letters, no three-digit year.
    for (const text of ['3009PARIS708', '09PARIS708_ab', '09PARIS708_1', '209PARIS708']) assert.deepEqual(refs(text), [[undefined, text, undefined]], text);
  });

  it('reads a citation wrapped onto the next line as one item, and a caption after REF as no item', () => {
    const head = 'C O N F I D E N T I A L NOWHERE 000500\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n';
    // Dated in July, when STATE 81957 of the same year may be cited.
    const refs = (ref: string) => parse(`P 010101Z JUL 09\nFM AMEMBASSY NOWHERE\n\n${head}${ref}\n\nClassified By: Ambassador, reason 1.4 (b,d)\n\n¶1. (C) Text.\n`).refs;
    // Wrapped after the year, after "-" in a title and after "U.S.-".
    const year = refs('REF: (A) OTHERTOWN 1516 (B) NOWHERE 421 (C) 2008\n     NOWHERE 146 (D) OTHERTOWN 425');
    assert.deepEqual(year?.items.map((i) => `${i.letter} ${i.id ?? i.citation.text}`), ['A 09OTHERTOWN1516', 'B 09NOWHERE421', 'C 08NOWHERE146', 'D 09OTHERTOWN425']);
    const c = year!.items[2];
    assert.equal(c.citation.text, '2008 NOWHERE 146');
    assert.deepEqual([c.citation.range.start, c.citation.range.end], [{ line: 8, character: 44 }, { line: 9, character: 16 }]);
    const title = refs('REF: A. EMBASSY NOWHERE DAILY REPORT FOR MAY 2 -\nMAY 16 (NOWHERE SITE)\nB. STATE 81957: REPORT OF U.S.-\nFRENCH TALKS');
    assert.deepEqual(title?.items.map((i) => `${i.letter} ${i.citation.text}`), ['A EMBASSY NOWHERE DAILY REPORT FOR MAY 2 - MAY 16', 'B STATE 81957: REPORT OF U.S.-FRENCH TALKS']);
    assert.deepEqual(title?.items[0].labels.map((l) => l.text), ['(NOWHERE SITE)']);
    assert.equal(title?.items[1].id, '09STATE81957');
    // A whole citation is not continued by the next one, nor by a stray line.
    assert.deepEqual(refs('REF: A. KIEV 1186\nKIEV 1190')?.items.map((i) => `${i.letter ?? '-'} ${i.citation.text}`), ['A KIEV 1186', '- KIEV 1190']);
    // A caption run on after REF ends it.
    const caption = refs('REF: Othertown 002808\nSensitive but unclassified; not for Internet Distribution.');
    assert.deepEqual(caption?.items.map((i) => i.citation.text), ['Othertown 002808']);
    assert.equal(caption?.range.end.line, 8);
  });

  it('reads a REF citation whose serial has a letter l or I for the digit 1, or O for 0, as the serial meant, and nothing else so', () => {
    const head = 'P 010101Z JUL 09\nFM AMEMBASSY NOWHERE\n\nUNCLAS NOWHERE 000500\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n';
    const items = (ref: string) => parse(`${head}${ref}\n\n¶1. (U) Text.\n`).refs!.items.map((i) => `${i.letter ?? '-'} ${i.citation.text} ${i.id ?? '-'} ${i.cable?.misread ?? '-'}`);
    assert.deepEqual(items('REF: A. 08 NOWHERE 4l2 B. STATE 1O5\n¶C. OTHERTOWN I23 (NOTAL)\nD. NOWHERE 12O'), [
      'A 08 NOWHERE 4l2 08NOWHERE412 4l2',
      'B STATE 1O5 09STATE105 1O5',
      'C OTHERTOWN I23 09OTHERTOWN123 I23',
      'D NOWHERE 12O 09NOWHERE120 12O',
    ]);
    // Run together with a comma, each read so.
    assert.deepEqual(items('REF: NOWHERE 4I2, STATE 1O5'), ['- NOWHERE 4I2 09NOWHERE412 4I2', '- STATE 1O5 09STATE105 1O5']);
    // Letters alone, a month's day, words after the serial and a serial read as it is are not misread.
    assert.deepEqual(items('REF: A. STATE IIO\nB. SMITH EMAIL OF MAY lO\nC. NOWHERE 4l2 AND PREVIOUS\nD. NOWHERE 412'), ['A STATE IIO - -', 'B SMITH EMAIL OF MAY lO - -', 'C NOWHERE 4l2 AND PREVIOUS - -', 'D NOWHERE 412 09NOWHERE412 -']);
  });

  it('takes the letter written twice into its REF item ("A. (A) …", "¶B. B) …"), the cable\'s own second', () => {
    const cc = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: A. (A) OTHERTOWN 76 AND PREVIOUS\n¶B. B) 08 NOWHERE 217\n¶C. C. HARBOR BOARD REPORT OF MAY 2\n\nClassified By: Ambassador, reason 1.4 (b,d)\n');
    const items = cc.refs!.items;
    assert.deepEqual(items.map((i) => `${i.doubledLetter?.text ?? '-'} ${i.letterToken?.text} ${i.letter} ${i.citation.text}`), ['A. (A) A OTHERTOWN 76 AND PREVIOUS', '¶B. B) B 08 NOWHERE 217', '¶C. C. C HARBOR BOARD REPORT OF MAY 2']);
    // The item starts at the first letter, so that its hover and outline entry cover it.
    assert.deepEqual(items.map((i) => i.range.start), [{ line: 6, character: 5 }, { line: 7, character: 0 }, { line: 8, character: 0 }]);
    // Two letters that differ are two items, and a letter at a line's end waits for its citation on the next line, alone.
    const two = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 12 B.\nB. NOWHERE 14\n\nClassified By: Ambassador, reason 1.4 (b,d)\n').refs!.items;
    assert.deepEqual(two.map((i) => `${i.doubledLetter?.text ?? '-'} ${i.letter} ${i.citation.text}`), ['- A NOWHERE 12', '- B NOWHERE 14']);
  });

  // items66: a letter whose citation never came was dropped where the next letter or the field's end came first ("REF: A. STATE
  // 12" ⏎ "(B)" ⏎ "(C) STATE 4410" gave items A and C, and CBL023 said C stood where B was expected).
  it('keeps a REF letter with no citation before the next letter or the field\'s end as an item of its own, its citation empty', () => {
    const head = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n';
    const tail = '\n\nClassified By: Ambassador, reason 1.4 (b,d)\n\n1. (C) Per refs A and C, the board met.\n';
    const show = (field: string) => {
      const cable = parse(`${head}${field}${tail}`);
      const items = cable.refs!.items.map((i) => `${i.letter ?? '-'} ${at(i.letterToken?.range)} '${i.citation.text}' ${at(i.citation.range)} ${at(i.range)}${i.marking ? ` ${i.marking.token.text}` : ''}`);
      return { items, cbl023: lintCable(cable).filter((f) => f.id === 'CBL023').length, refs: extractRecord('x.txt', cable).refs };
    };
    // A middle item alone on its line, in each style of letter: the empty citation at the letter's end, the letters after it in place.
    for (const [b, c] of [['(B)', '(C)'], ['B.', 'C.'], ['B)', 'C.'], ['¶B.', '¶C.']]) {
      const { items, cbl023 } = show(`REF: A. STATE 12\n${b}\n${c} STATE 4410`);
      const w = b.length;
      assert.deepEqual(items, ['A 6:5-6:7 \'STATE 12\' 6:8-6:16 6:5-6:16', `B 7:0-7:${w} '' 7:${w}-7:${w} 7:0-7:${w}`, `C 8:0-8:${c.length} 'STATE 4410' 8:${c.length + 1}-8:${c.length + 11} 8:0-8:${c.length + 11}`], b);
      assert.equal(cbl023, 0, b);
    }
    // On one line; a marking after the letter, kept as the item's, the citation after it; the first and the last item.
    assert.deepEqual(show('REF: A. STATE 12 B. C. STATE 4410').items, ['A 6:5-6:7 \'STATE 12\' 6:8-6:16 6:5-6:16', "B 6:17-6:19 '' 6:19-6:19 6:17-6:19", "C 6:20-6:22 'STATE 4410' 6:23-6:33 6:20-6:33"]);
    assert.deepEqual(show('REF: A. STATE 12\nB. (C)\nC. STATE 4410').items[1], "B 7:0-7:2 '' 7:6-7:6 7:0-7:6 (C)");
    assert.deepEqual(show('REF: A.\nB. STATE 12').items, ["A 6:5-6:7 '' 6:7-6:7 6:5-6:7", "B 7:0-7:2 'STATE 12' 7:3-7:11 7:0-7:11"]);
    assert.deepEqual(show('REF: A. STATE 12\nB. STATE 4410\nC.').items[2], "C 8:0-8:2 '' 8:2-8:2 8:0-8:2");
    // A letter ending a line of other text where the field ends is left unread, as before ("… reasons 1.4 (b) and (d)" run into it).
    assert.deepEqual(show('REF: A. STATE 12 B. PARIS 7 C.').items.map((i) => i.split(' ')[0]), ['A', 'B']);
    // Its hover says no citation follows the letter.
    const empty = parse(`${head}REF: A. STATE 12\n(B)\n(C) STATE 4410${tail}`);
    assert.match((getHover(empty, { line: 7, character: 1 }, { dictionaries: defaultDictionaries() })?.contents as MarkupContent).value, /REF B[\s\S]*No citation written after the letter/);
    // `cablelint extract` gives the item with its letter and an empty citation.
    assert.deepEqual(show('REF: A. STATE 12\n(B)\n(C) STATE 4410').refs, [
      { letter: 'A', citation: 'STATE 12', id: null, labels: [], marking: null },
      { letter: 'B', citation: '', id: null, labels: [], marking: null },
      { letter: 'C', citation: 'STATE 4410', id: null, labels: [], marking: null },
    ]);
    // A letter whose citation is on the next line still takes it, and the same letter again on the next line is the one item.
    assert.deepEqual(show('REF: A. STATE 12 B)\nPARIS 7').items.map((i) => i.split(' ').slice(0, 3).join(' ')), ["A 6:5-6:7 'STATE", "B 6:17-6:19 'PARIS"]);
    assert.deepEqual(show('REF: A. NOWHERE 12 B.\nB. NOWHERE 14').items.map((i) => i.split(' ')[0]), ['A', 'B']);
  });

  it('reads a letter and a full stop before a name, in REF items listed on one line, as the name\'s initial, not the letter written twice (06ISLAMABAD3705\'s shape)', () => {
    const head = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n';
    const tail = '\n\nClassified By: Ambassador, reason 1.4 (b,d)\n';
    const show = (field: string) => parse(`${head}${field}${tail}`).refs!.items.map((i) => `${i.doubledLetter?.text ?? '-'} ${i.letter} ${at(i.letterToken!.range)} ${i.citation.text} ${at(i.citation.range)} ${at(i.range)}`);
    // The release's lettering puts each item on a line of its own: two items on one line are the cable's own list.
    assert.deepEqual(show('REF: A. A. ROE - DOE EMAIL 06 MARCH 06  B. B. COLE - LINT EMAIL 21 FEB 06'), [
      '- A 6:5-6:7 A. ROE - DOE EMAIL 06 MARCH 06 6:8-6:38 6:5-6:38',
      '- B 6:40-6:42 B. COLE - LINT EMAIL 21 FEB 06 6:43-6:73 6:40-6:73',
    ]);
    // Its neighbours stay the letter written twice: a cable citation after it, and an item on a line of its own.
    assert.deepEqual(show('REF: A. A. NOWHERE 388  B. B. STATE 51120'), ['A. A 6:8-6:10 NOWHERE 388 6:11-6:22 6:5-6:22', 'B. B 6:27-6:29 STATE 51120 6:30-6:41 6:24-6:41']);
    assert.deepEqual(show('REF: A. A. SMITH LETTER OF MAY 3\nB. B. NOWHERE 12'), ['A. A 6:8-6:10 SMITH LETTER OF MAY 3 6:11-6:32 6:5-6:32', 'B. B 7:3-7:5 NOWHERE 12 7:6-7:16 7:0-7:16']);
  });

  it('reads a portion marking after a REF item\'s letter, opening the field or after the citation as no letter and no part of the citation', () => {
    const head = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n';
    const tail = '\n\nClassified By: Ambassador, reason 1.4 (b,d)\n';
    const items = parse(`${head}REF: A. (S) NOWHERE 488\n¶B. (TS) STATE 30122\nC. (C) STATE 30123\nD. (U) STATE 30124 E. (S/NF) STATE 30125${tail}`).refs!.items;
    // "C. (C)" under items marked so is a marking too, not the letter written twice, which CBL049's Fix All would delete.
    assert.deepEqual(items.map((i) => `${i.doubledLetter?.text ?? '-'} ${i.letter} ${i.citation.text}`), ['- A NOWHERE 488', '- B STATE 30122', '- C STATE 30123', '- D STATE 30124', '- E STATE 30125']);
    // Under items whose letters are written twice, as the released cables write them (05PARIS7835), it is the letter again.
    for (const field of ['REF: A. (A) NOWHERE 12\n¶B. (B) NOWHERE 14\n¶C. (C) NOWHERE 16', 'REF: A. (A) NOWHERE 12 B. (B) NOWHERE 14 C. (C) NOWHERE 16']) {
      const doubled = parse(`${head}${field}${tail}`).refs!.items;
      assert.deepEqual(doubled.map((i) => `${i.doubledLetter?.text ?? '-'} ${i.letter} ${i.citation.text}`), ['A. A NOWHERE 12', `${field.includes('¶') ? '¶B.' : 'B.'} B NOWHERE 14`, `${field.includes('¶') ? '¶C.' : 'C.'} C NOWHERE 16`]);
    }
    assert.deepEqual(items.map((i) => i.cable && `${i.cable.post} ${i.cable.number}`), ['NOWHERE 488', 'STATE 30122', 'STATE 30123', 'STATE 30124', 'STATE 30125']);
    // A marking after the citation ends it as a label does, and the citation names its cable.
    const after = parse(`${head}REF: A. NOWHERE 488 (C/NF)\nB. STATE 30122 (S//NF) (NOTAL)${tail}`).refs!.items;
    assert.deepEqual(after.map((i) => `${i.citation.text} ${i.cable?.number} ${i.labels.map((l) => l.text).join(' ')}`), ['NOWHERE 488 488 (C/NF)', 'STATE 30122 30122 (S//NF) (NOTAL)']);
    const alone = parse(`${head}REF: (S) NOWHERE 488${tail}`).refs!.items;
    assert.deepEqual(alone.map((i) => `${i.letter ?? '-'} ${i.citation.text}`), ['- NOWHERE 488']);
    // A letter in parentheses that is not a level's, or comes where the next item's letter is due after a citation, is a letter.
    const letters = parse(`${head}REF: (A) NOWHERE 12 (B) NOWHERE 14 (C) NOWHERE 16${tail}`).refs!.items;
    assert.deepEqual(letters.map((i) => `${i.letter} ${i.citation.text}`), ['A NOWHERE 12', 'B NOWHERE 14', 'C NOWHERE 16']);
  });

  it('keeps the portion marking that opens a REF item as the item\'s, with its level and range, the citation without it', () => {
    const cable = parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/cli/header-fields.cable'), 'utf8'));
    const marking = (i: RefItem) =>
      i.marking ? `${i.marking.token.text} ${i.marking.level} ${i.marking.controls.join('/') || '-'} ${at(i.marking.token.range)}` : '-';
    assert.deepEqual(cable.refs!.items.map((i) => `${i.letter} ${i.citation.text} ${marking(i)}`), [
      'A 09NOWHERE123 (U) UNCLASSIFIED - 17:8-17:11',
      'B STATE 1234 (C) CONFIDENTIAL - 18:3-18:6',
      'C 08 NOWHERE 4567 (S/NF) SECRET NF 19:4-19:10',
      'D NOWHERE 188 -',
    ]);
    // The fixture's DECL keyword written again with its value under one that gives none is its value, no stray line.
    assert.deepEqual([cable.eo?.decl?.value.text, at(cable.eo?.decl?.value.range), cable.strayFieldLines.length], ['12/31/2019', '13:6-13:16', 0]);
    // Opening the field, and after a letter whose citation is on the next line; the item's range starts at the marking where it has no letter.
    const head = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n';
    const tail = '\n\nClassified By: Ambassador, reason 1.4 (b,d)\n';
    for (const [field, expected] of [
      ['REF: (C) STATE 1234', ['- STATE 1234 (C) CONFIDENTIAL - 6:5-6:8 6:5']],
      ['REF: (S/NF) STATE 1234; NOWHERE 12', ['- STATE 1234 (S/NF) SECRET NF 6:5-6:11 6:5', '- NOWHERE 12 - 6:24']],
      ['REF: A) (C)\nNOWHERE 488', ['A NOWHERE 488 (C) CONFIDENTIAL - 6:8-6:11 6:5']],
      ['REF: A. (A) NOWHERE 12\n¶B. (B) NOWHERE 14', ['A NOWHERE 12 - 6:5', 'B NOWHERE 14 - 7:0']],
      ['REF: A. NOWHERE 488 (C/NF)', ['A NOWHERE 488 - 6:5']],
    ] as const) {
      const items = parse(`${head}${field}${tail}`).refs!.items;
      assert.deepEqual(items.map((i) => `${i.letter ?? '-'} ${i.citation.text} ${marking(i)} ${i.range.start.line}:${i.range.start.character}`), expected, field);
    }
  });

  it('reads REF letters past Z written twice (Z. ⏎ AA. ⏎ BB.) as the items\' letters, only after Z, and in-text "ref AA" names its item', () => {
    const lettered = Array.from({ length: 26 }, (_, k) => `${String.fromCharCode(65 + k)}. NOWHERE ${101 + k}`).join('\n');
    const text = `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: ${lettered} AA. NOWHERE 127\n(BB) NOWHERE 128\n\nDD. NOWHERE 130\n\nClassified By: Ambassador, reason 1.4 (b,d)\n\n¶1. (C) As ref AA said (refs Z and BB), ref DD and ref EE.\n`;
    const cable = parse(text);
    assert.deepEqual(cable.refs!.items.slice(24).map((i) => `${i.letterToken?.text} ${i.letter} ${i.citation.text}`), ['Y. Y NOWHERE 125', 'Z. Z NOWHERE 126', 'AA. AA NOWHERE 127', '(BB) BB NOWHERE 128', 'DD. DD NOWHERE 130']);
    assert.deepEqual(lintCable(cable).filter((f) => f.id === 'CBL023').map((f) => `${f.range.start.line}: ${f.message}`), ['34: REF item DD where CC is expected.']);
    // "ref AA" names the item AA, "refs Z and BB" both; "ref EE", with no such item, names nothing.
    const refs = findInTextReferences(cable);
    assert.deepEqual(refs.map((r) => `${text.split('\n')[r.range.start.line].slice(r.range.start.character, r.range.end.character)} ${r.target.kind === 'ref' ? r.target.letter : ''} ${resolveInText(cable, r)?.start.line}`), ['ref AA AA 31', 'refs Z Z 31', 'BB BB 32', 'ref DD DD 34']);
    // Before Z, a letter written twice is a citation's text, as it was: "REF: A. NOWHERE 1" ⏎ "AA. NOWHERE 2".
    const early = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 1\nAA. NOWHERE 2\n\n¶1. (C) Text.\n');
    assert.deepEqual(early.refs!.items.map((i) => `${i.letter ?? '-'} ${i.citation.text}`), ['A NOWHERE 1', '- AA. NOWHERE 2']);
  });

  it('takes a lettered line after a blank line into REF only when its letter can come next', () => {
    const head = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n';
    const items = (ref: string) => parse(`${head}${ref}\n\nClassified By: Ambassador, reason 1.4 (b,d)\n\n¶1. (C) Text.\n`).refs?.items.map((i) => i.letter ?? '-');
    // A marked line after a REF without letters, or a letter that went before: not items.
    assert.deepEqual(items('REF: 08 NOWHERE 1159\n\n(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.'), ['-']);
    assert.deepEqual(items('REF: A. KIEV 1186 B. KIEV 1190 C. KIEV 1200\n\n(b) and (d) apply.'), ['A', 'B', 'C']);
    assert.deepEqual(items('REF: A. KIEV 1186\n\n(S) A marked line.'), ['A']);
    // The next letter, or one after a missing item.
    assert.deepEqual(items('REF: A. KIEV 1186\n\nB. KIEV 1190'), ['A', 'B']);
    assert.deepEqual(items('REF: A. KIEV 1186\n\nC. KIEV 1200'), ['A', 'C']);
    assert.deepEqual(items('REF: KIEV 1186\n\nB. KIEV 1190'), ['-', 'B']);
  });

  const reasons: [string, string | undefined, string][] = [
    ['Classified By: Ambassador X for reasons 1.4 (b) and (d).', '1.4', 'bd'],
    ['CLASSIFIED BY: POLOFF X FOR REASONS 1.5(b) AND (d).', '1.5', 'bd'],
    ['Classified By: DCM X, reasons 1.4 (b,d)', '1.4', 'bd'],
    ['Classified By: X. Reasons: 1.4 (B)(D).', '1.4', 'bd'],
    ['Classified By: X for reasons 1.4 b and d', '1.4', 'bd'],
    ['Classified By: X, reasons 1.4 (b/d).', '1.4', 'bd'],
    ['Classified By: X for reasons 1.4 (B & D).', '1.4', 'bd'],
    ['Classified By: X; reasons 1.4 (b) and (d )', '1.4', 'bd'],
    ['Classified By: X for Reasons 1.4 (b) and ( c)', '1.4', 'bc'],
    ['CLASSIFIED BY: Name, Title, Office; REASON: 1.4(B), (D)', '1.4', 'bd'],
    ['Classified By: X for Reasons 1:4 b,d', '1.4', 'bd'],
    ['Classified By: DCM Tom Keller for reasons b, d.', undefined, 'bd'],
    ['DERIVED FROM: DSCG 05-1 B, D', undefined, 'bd'],
    ['(U) Classified by Ambassador X; reasons: 1.5 (b,d).', '1.5', 'bd'],
    // A letter past h in a list with one of a–h is read too, so that CBL022 reports it; alone and unbracketed it is not.
    ['Classified By: DCM X, reasons 1.4 (k,d)', '1.4', 'kd'],
    ['Classified By: X for reasons 1.4 k and d.', '1.4', 'kd'],
    ['Classified By: X, reasons 1.4 K/D', '1.4', 'kd'],
    ['Classified By: X for reasons 1.4 (b, c, & m).', '1.4', 'bcm'],
    ['Classified By: X for reasons 1.4 (b+k)', '1.4', 'bk'],
    ['Classified By: X for reasons 1.4 b d', '1.4', 'bd'],
    ['Classified By: X for reasons 1.4 b. I agree.', '1.4', 'b'],
  ];
  for (const [line, section, letters] of reasons) {
    it(`reads Classified By "${line}"`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n${line}\n\n¶1. (C) Text.\n`);
      assert.equal(cc.classifiedBy?.sectionValue, section);
      assert.equal(cc.classifiedBy?.reasonLetters.join(''), letters);
      assert.equal(cc.paragraphs.length, 1);
    });
  }

  it('reads a classification guide as the classifier, without the reason letters after it', () => {
    const classifier = (line: string) => parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n${line}\n\n¶1. (C) Text.\n`).classifiedBy?.classifier?.text;
    assert.equal(classifier('DERIVED FROM: DSCG 05-1 B, D'), 'DSCG 05-1');
    assert.equal(classifier('Classified By: Derived from DSCG 05-01, b and d'), 'Derived from DSCG 05-01');
  });

  it('keeps the full stop of an initialism that ends the classifier, and drops a sentence\'s', () => {
    const classifier = (line: string) => parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n${line}\n¶1. (C) Text.\n`).classifiedBy?.classifier?.text;
    assert.equal(classifier('Classified By: JANE X, CHARGE D’AFFAIRES, A.I.'), 'JANE X, CHARGE D’AFFAIRES, A.I.');
    assert.equal(classifier('Classified By: Ambassador Jane X. Reasons 1.4 (b)'), 'Ambassador Jane X');
    assert.equal(classifier('Classified By: Jane X, Embassy Nowhere, U.S. Reasons 1.4 (b)'), 'Jane X, Embassy Nowhere, U.S.');
    // "Jr." and "Sr." keep their full stop too; a surname ending in "jr" or "sr" does not.
    assert.equal(classifier('Classified By: Ambassador Jon Quill Jr. for reasons 1.4 (b) and (d)'), 'Ambassador Jon Quill Jr.');
    assert.equal(classifier('CLASSIFIED BY: AMBASSADOR JON QUILL, SR. REASONS 1.4 (B)'), 'AMBASSADOR JON QUILL, SR.');
    assert.equal(classifier('Classified By: Consul Ana Vamsr. Reasons 1.4 (b)'), 'Consul Ana Vamsr');
  });

  it('keeps the ellipsis of a classifier the release cut off, and drops a sentence\'s full stops', () => {
    // 10MADRID49 ends with "Classified By: A...": the classifier was read as "A", a name the cable never gave.
    const cut = (line: string, after = '\n') => {
      const cc = parse(`C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 000017\n\nE.O. 12958: DECL: 03/04/2021\nTAGS: PREL XX\nSUBJECT: TALKS ON THE FERRY\n\n${line}${after}`);
      return [cc.classifiedBy?.classifier?.text, at(cc.classifiedBy?.classifier?.range)];
    };
    assert.deepEqual(cut('Classified By: B...'), ['B...', '6:15-6:19']);
    assert.deepEqual(cut('Classified By: B... '), ['B...', '6:15-6:19']);
    assert.deepEqual(cut('Classified by: Lena Orr, Deputy Harbor Offic...', '\n\n\nXXXXXXXXXXXX\n'), ['Lena Orr, Deputy Harbor Offic...', '6:15-6:47']);
    // A full stop, or two, after a name is a sentence's, not a cut.
    assert.deepEqual(cut('Classified By: Ambassador Lena Orr.', '\n\n¶1. (C) Text.\n'), ['Ambassador Lena Orr', '6:15-6:34']);
    assert.deepEqual(cut('Classified By: Ambassador Lena Orr.. Reasons 1.4 (b)', '\n\n¶1. (C) Text.\n'), ['Ambassador Lena Orr', '6:15-6:34']);
    assert.deepEqual(cut('Classified By: Ambassador Lena Orr.... Reasons 1.4 (b)', '\n\n¶1. (C) Text.\n'), ['Ambassador Lena Orr', '6:15-6:34']);
  });

  it('reads a letter past h that opens a list wrapped onto the next line ("1.4 (k," ⏎ "d)")', () => {
    const cc = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Ambassador X for reasons 1.4 (k,\nd).\n\n¶1. (C) Text.\n');
    assert.equal(cc.classifiedBy?.reasonLetters.join(''), 'kd');
  });

  it('reads a reason wrapped onto the next line, and Classified By inside paragraph 1', () => {
    const wrapped = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: POLITICAL COUNSELOR X FOR REASONS\n1.4 (B) and (D)\n\n¶1. (C) Text.\n');
    assert.deepEqual(wrapped.classifiedBy?.reasonLetters, ['b', 'd']);
    const inside = parse('C O N F I D E N T I A L NOWHERE 000001\n\nEO 12958 DECL: 06/03/08\nTAGS PREL\nSUBJECT: X\n¶1. (U) Classified by Ambassador X for reasons 1.5 (B) and (D).\n¶2. (C) Text.\n');
    assert.equal(inside.classifiedBy?.classifier?.text, 'Ambassador X');
    assert.deepEqual(inside.paragraphs.map((p) => p.number), [1, 2]);
    // Its letters wrapped onto the paragraph's next line; a line of prose there gives none.
    const inParagraph = (next: string) => parse(`C O N F I D E N T I A L NOWHERE 000001\n\nEO 12958 DECL: 06/03/08\nTAGS PREL\nSUBJECT: X\n¶1. (U) This is an action request.\n¶2. (U) Classified by Acting DAS Y, Reasons 1.4\n${next}\n¶3. (C) Text.\n`);
    const letters = inParagraph('(b) and (d).');
    assert.deepEqual([letters.classifiedBy?.sectionValue, letters.classifiedBy?.reasonLetters], ['1.4', ['b', 'd']]);
    assert.deepEqual(letters.paragraphs.map((p) => p.number), [1, 2, 3]);
    assert.deepEqual(inParagraph('a plan was agreed.').classifiedBy?.reasonLetters, []);
  });

  it('ends a Classified By before a block title glued after its reasons ("1.4 (b) and (d). Summary -------"), where the block opens', () => {
    // Invented, in the shape of a copy that ran the field's last line into the Summary's title and rule (08STOCKHOLM51).
    const glued = (clby: string) => parse(`C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nREF: NOWHERE 20 Classified By: DCM Lena Orr for reasons\n${clby}\n\n¶1. (C) The ferry talks went well. End Summary. Fares -----\n\n¶2. (C) Fares rose.\n\nORR\n`);
    const read = (cc: Cable) => [at(cc.classifiedBy?.range), cc.classifiedBy?.classifier?.text, cc.classifiedBy?.sectionValue, cc.classifiedBy?.reasonLetters.join(''), cc.classifiedBy?.reasons.map((r) => at(r.range)), cc.blocks.map((b) => `${b.kind} ${at(b.range)} ${b.open?.token.text ?? '-'}@${at(b.open?.token.range)} ${b.close?.token.text ?? '-'}`)];
    assert.deepEqual(read(glued('1.4 (b) and (d). Summary ------- ')), ['6:16-7:16', 'DCM Lena Orr', '1.4', 'bd', ['7:5-7:6', '7:13-7:14'], ['summary 7:17-9:46 Summary@7:17-7:24 End Summary']]);
    assert.deepEqual(read(glued('1.4 (b,d). Embassy Comment:')).slice(0, 4), ['6:16-7:10', 'DCM Lena Orr', '1.4', 'bd']);
    assert.deepEqual(glued('1.4 (b,d). Embassy Comment:').blockMarkers.map((m) => `${m.kind} ${m.role} ${at(m.token.range)}`), ['comment open 7:19-7:26', 'summary close 9:35-9:46']);
    // On the field's first line too.
    const one = parse('C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: DCM Lena Orr for reasons 1.4 (b) and (d). Summary -------\n\n¶1. (C) The ferry talks went well. End Summary.\n\nORR\n');
    assert.deepEqual(read(one), ['6:0-6:56', 'DCM Lena Orr', '1.4', 'bd', ['6:45-6:46', '6:53-6:54'], ['summary 6:57-8:46 Summary@6:57-6:64 End Summary']]);
  });

  it('runs a Summary glued to the Classified By with no closer over the paragraphs after it, as a Summary heading does', () => {
    // Invented. With no "End Summary", the glued title stands over the paragraphs up to the next heading, as "Summary" ⏎
    // "-------" does on lines of its own; it covered only its title's line.
    const head = 'C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n';
    const body = '¶1. (C) The ferry talks went well.\n\n¶2. (C) Fares rose.\n\nQuays\n-----\n\n¶3. (C) The quays are full.\n\nORR\n';
    const blocks = (cc: Cable) => cc.blocks.map((b) => `${b.kind} ${at(b.range)}`);
    const glued = parse(`${head}Classified By: DCM Lena Orr for reasons 1.4 (b) and (d). Summary -------\n\n${body}`);
    assert.deepEqual(blocks(glued), ['summary 6:57-10:19']);
    const apart = parse(`${head}Classified By: DCM Lena Orr for reasons 1.4 (b) and (d).\n\nSummary\n-------\n\n${body}`);
    assert.deepEqual(blocks(apart), ['summary 8:0-13:19']);
    // Its colon, as a heading "Summary:" on a line of its own.
    assert.deepEqual(blocks(parse(`${head}Classified By: DCM Lena Orr for reasons 1.4 (b) and (d). Summary:\n\n${body}`)), ['summary 6:57-10:19']);
    // A Summary opened again before the next heading ends the first at its title, as a heading's does.
    assert.deepEqual(blocks(parse(`${head}Classified By: DCM Lena Orr for reasons 1.4 (b) and (d). Summary -------\n\n¶1. (C) Summary: Fares rose.\n\nORR\n`)), ['summary 6:57-6:72', 'summary 8:8-8:28']);
  });

  it('opens a block at its title glued with its rule to the end of a paragraph, over the paragraphs after it', () => {
    // Invented, in the shape of a copy that lost the line breaks around its titles (08STOCKHOLM51).
    const cable = (tail: string, more = '') => parse(`C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n¶1. (C) The ferry talks went well.${tail}\n\n¶2. (C) We think fares will rise.\n\n¶3. (C) The board meets in May.${more}\n\nORR\n`);
    const read = (cc: Cable) => [cc.blockMarkers.map((m) => `${m.kind} ${m.role} ${m.token.text}@${at(m.token.range)}`), cc.blocks.map((b) => `${b.kind} ${at(b.range)}`)];
    assert.deepEqual(read(cable(' Comment -------')), [['comment open Comment@6:35-6:42'], ['comment 6:35-10:31']]);
    // After a page line's numbers run into the line, in capitals, with a label.
    assert.deepEqual(read(cable(' NOWHERE 00000051 002 OF 002 COMMENT -------')), [['comment open COMMENT@6:63-6:70'], ['comment 6:63-10:31']]);
    assert.deepEqual(read(cable(' Embassy Comment ---------- ')), [['comment open Comment@6:43-6:50'], ['comment 6:43-10:31']]);
    // The next title glued to a paragraph's end ends it there, as the next heading does; its closer closes it.
    const bounded = parse('C O N F I D E N T I A L NOWHERE 000051\n\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n¶1. (C) The talks went well. Comment -------\n\n¶2. (C) Fares will rise. Action Request -----\n\n¶3. (C) Please advise.\n\nORR\n');
    assert.deepEqual(read(bounded)[1], ['comment 5:29-7:45']);
    const closed = parse('C O N F I D E N T I A L NOWHERE 000051\n\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n¶1. (C) The talks went well. Note -------\n\n¶2. (C) Fares will rise. End Note.\n\n¶3. (C) Please advise.\n\nORR\n');
    assert.deepEqual(read(closed)[1], ['note 5:29-7:33']);
    // No title: in small letters, with two dashes, in prose, with words after its rule, on a line the paragraph goes on under.
    for (const tail of [' comment -------', ' Comment --', ' They read the summary -------', ' Comment ------- The board met.', ' Comment -------\nand the board met.']) {
      assert.deepEqual(read(cable(tail)), [[], []], tail);
    }
  });

  it('opens a Summary at "SUMMARY:" in capitals after a sentence\'s end, never at "summary:" in prose', () => {
    // Invented. As "… ran late. Comment: If …" opens a Comment; "Summary:" after a sentence is read only in capitals.
    const cable = (text: string) => parse(`C O N F I D E N T I A L NOWHERE 000051\n\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n¶1. (C) ${text}\n\n¶2. (C) Fares rose. End Summary.\n\nORR\n`);
    const read = (cc: Cable) => cc.blocks.map((b) => `${b.kind} ${at(b.range)} ${b.open?.token.text ?? '-'}`);
    assert.deepEqual(read(cable('The talks went on. SUMMARY: The board agreed.')), ['summary 5:27-7:31 SUMMARY']);
    for (const text of ['The talks went on, said the summary: the board agreed.', 'The talks went on. Summary: The board agreed.', 'The talks went on. summary: the board agreed.']) {
      assert.deepEqual(read(cable(text)).map((b) => b.split(' ')[2]), ['-'], text);
    }
  });

  it('keeps in the Classified By a title word after its reasons that opens no block there, and one before their end', () => {
    const glued = (clby: string) => parse(`C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: DCM Lena Orr for reasons\n${clby}\n\n¶1. (C) The ferry talks went well.\n\nORR\n`);
    const read = (cc: Cable) => [at(cc.classifiedBy?.range), cc.classifiedBy?.reasonLetters.join(''), cc.blockMarkers.length];
    // A bare word, with no rule or colon, is no title; one with its text after it on the line is not cut either.
    assert.deepEqual(read(glued('1.4 (b) and (d). Summary')), ['6:0-7:24', 'bd', 0]);
    assert.deepEqual(read(glued('1.4 (b) and (d). Summary: The talks went well.')), ['6:0-7:46', 'bd', 0]);
    // "Note:" before the reasons' section is the field's own.
    assert.deepEqual(read(glued('Note: 1.4 (b) and (d).')), ['6:0-7:22', 'bd', 0]);
    // After a comma, with no full stop ending the reasons, it stays too.
    assert.deepEqual(read(glued('1.4 (b), Note --')), ['6:0-7:16', 'b', 0]);
  });

  const classifiers: [string, string, string, string][] = [
    ['Classified By: Political Counselor Nora Vance for rea\nsons 1.4 (b) and (d).', 'Political Counselor Nora Vance', '6:15-6:45', 'bd'],
    ['CLASSIFIED BY: DCM PETER LOWRY, FOR REAS\nONS 1.4 B/D', 'DCM PETER LOWRY', '6:15-6:30', 'bd'],
    ["Classified By: Charge d'Affaires Ian Prior for\nreasons 1.4 (b) and (d)", "Charge d'Affaires Ian Prior", '6:15-6:42', 'bd'],
    ['Classified By: Deputy Officer Lena Ruiz; Rea\nson 1.5 (d).', 'Deputy Officer Lena Ruiz', '6:15-6:39', 'd'],
    ['Classified By: Economic Unit Chief Tom\nHalloran.  Reasons 1.4 (b) and (d).', 'Economic Unit Chief Tom Halloran', '6:15-7:8', 'bd'],
    ['CLASSIFIED BY: Ann Cole, Director, Regional\nOffice, Department of State.\nREASON: 1.4 (b), (d)', 'Ann Cole, Director, Regional Office, Department of State', '6:15-7:27', 'bd'],
    ['Classified By: Classified by Ambassador Ruth Calloway for reasons 1.4 (b)', 'Ambassador Ruth Calloway', '6:29-6:53', 'b'],
    ['Classified By: DCM Hal Rusk for reaons 1.4 (b) and (d).', 'DCM Hal Rusk', '6:15-6:27', 'bd'],
    ['Classified By: Counselor Jo Pike. Rea sons 1.4 (b/d).', 'Counselor Jo Pike', '6:15-6:32', 'bd'],
    ['Classified By: POLITICAL COUNSELOR X FOR REASONS\n1.4 (B) and (D)', 'POLITICAL COUNSELOR X', '6:15-6:36', 'bd'],
  ];
  for (const [lines, classifier, where, letters] of classifiers) {
    it(`reads the classifier of ${JSON.stringify(lines)}`, () => {
      const cc = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n${lines}\n\n¶1. (C) Text.\n`);
      assert.equal(cc.classifiedBy?.classifier?.text, classifier);
      assert.equal(at(cc.classifiedBy?.classifier?.range), where);
      assert.equal(cc.classifiedBy?.reasonLetters.join(''), letters);
      assert.equal(cc.paragraphs.length, 1);
    });
  }

  it('skips a page line between SUBJECT and Classified By', () => {
    const cc = parse('C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 000085\n\nEO 12958 DECL: 12/19/2016\nTAGS KCRM, PTER\nSUBJECT: POLICE TRACK A TRAIL\n\nNOWHERE 00000085 001.2 OF 002\n\nCLASSIFIED BY: X, Consul General. REASON: 1.4 (b)\n\n¶1. (C) Text.\n');
    assert.deepEqual(cc.classifiedBy?.reasonLetters, ['b']);
    assert.equal(cc.pageLines[0].subpage, 2);
  });
});

describe('parser: body', () => {
  // items66: "A. (C) FIRST ITEM HERE" alone between blank lines, or tight under a sentence in capitals, was read both as a
  // section's heading and as an item marking; it is a paragraph's lettered sub-item, read once.
  it('reads a lettered item opened by its marking as an item, no heading, where no rule underlines it; a ruled one stays a title', () => {
    const head = ['C O N F I D E N T I A L NOWHERE 000001', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL', 'SUBJECT: X', ''];
    const read = (body: string[]) => {
      const c = parse([...head, ...body, '', 'DOE', ''].join('\n'));
      return { headings: c.headings.map((h) => `${h.text.text} ${at(h.range)}`), items: c.itemMarkings.map((m) => `${m.label?.text} ${m.portion.token.text} ${at(m.portion.token.range)}`), paragraphs: c.paragraphs.map((p) => `${p.number} ${at(p.range)}`) };
    };
    const layouts: [string, string[], string[], string][] = [
      // Alone between blank lines, over the next paragraph: was a plain heading.
      ['alone', ['1. (C) The board met:', '', 'A. (C) FIRST ITEM HERE', '', '2. (C) End.'], ['A. (C) 8:3-8:6'], '1 6:0-8:22'],
      ['alone, mixed case', ['1. (C) The board met:', '', 'A. (C) First item here', '', '2. (C) End.'], ['A. (C) 8:3-8:6'], '1 6:0-8:22'],
      ['alone, A)', ['1. (C) THE BOARD MET:', '', 'A) (C) FIRST ITEM HERE', '', '2. (C) END.'], ['A) (C) 8:3-8:6'], '1 6:0-8:22'],
      ['alone, marking with controls', ['1. (S) The board met:', '', 'B. (S/NF) SECOND ITEM HERE', '', '2. (S) End.'], ['B. (S/NF) 8:3-8:9'], '1 6:0-8:26'],
      // Right under a sentence in capitals, over a blank line and the next paragraph: was a tight heading.
      ['tight', ['1. (C) THE BOARD MET TODAY.', 'A. (C) FIRST ITEM', '', '2. (C) END.'], ['A. (C) 7:3-7:6'], '1 6:0-7:17'],
      ['tight, A)', ['1. (C) THE BOARD MET TODAY.', 'A) (C) FIRST ITEM', '', '2. (C) END.'], ['A) (C) 7:3-7:6'], '1 6:0-7:17'],
      // Never read as headings, and still not: under a blank line with text under it, at a paragraph's last line, "(A) (C)".
      ['text under it', ['1. (C) The board met.', '', 'A. (C) FIRST ITEM HERE', 'more text.', '', '2. (C) End.'], ['A. (C) 8:3-8:6'], '1 6:0-9:10'],
      ['last line', ['1. (C) THE BOARD MET:', 'A. (C) FIRST ITEM HERE', '', '2. (C) END.'], ['A. (C) 7:3-7:6'], '1 6:0-7:22'],
      ['(A) (C)', ['1. (C) The board met:', '', '(A) (C) FIRST ITEM HERE', '', '2. (C) End.'], ['(A) (C) 8:4-8:7'], '1 6:0-8:23'],
    ];
    for (const [name, body, items, first] of layouts) {
      const r = read(body);
      assert.deepEqual(r.headings, [], name);
      assert.deepEqual(r.items, items, name);
      // The item stays in its paragraph's text, which runs over it.
      assert.equal(r.paragraphs[0], first, name);
      assert.equal(r.paragraphs.length, 2, name);
    }
    // A rule under it says it is a title, as under "(C) BACKGROUND": a heading whose opening marking is an item marking.
    const ruled = read(['1. (C) The board met.', '', 'A. (C) First Item Here', '-----', '', '2. (C) End.']);
    assert.deepEqual([ruled.headings, ruled.items], [['A. (C) First Item Here 8:0-9:5'], ['A. (C) 8:3-8:6']]);
    // Without a marking, or with a parenthesis that names no marking, the line alone is a title as before.
    assert.deepEqual(read(['1. (C) The board met:', '', 'A. FIRST ITEM HERE', '', '2. (C) End.']).headings, ['A. FIRST ITEM HERE 8:0-8:18']);
    assert.deepEqual(read(['1. (C) The board met:', '', 'A. (S-300) MISSILES', '', '2. (C) End.']).headings, ['A. (S-300) MISSILES 8:0-8:19']);
  });

  // parser52: between slashes, "//A. (C) FIRST ITEM HERE//" was a title with no item marking, where the same line over a rule
  // was a title whose opening marking, after its letter, is an item marking.
  it('reads the marking after an item\'s letter that opens a title between slashes as an item marking, as over a rule', () => {
    const head = ['C O N F I D E N T I A L NOWHERE 000001', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL', 'SUBJECT: X', ''];
    const read = (body: string[]) => {
      const c = parse([...head, '1. (C) The board met:', '', ...body, '', '2. (C) End.', '', 'DOE', ''].join('\n'));
      return { headings: c.headings.map((h) => `${h.style} ${h.text.text} ${at(h.range)}`), items: c.itemMarkings.map((m) => `${m.label?.text} ${at(m.label?.range)} ${m.portion.token.text} ${at(m.portion.token.range)}`) };
    };
    assert.deepEqual(read(['//A. (C) FIRST ITEM HERE//']), { headings: ['slashes A. (C) FIRST ITEM HERE 8:0-8:26'], items: ['A. 8:2-8:4 (C) 8:5-8:8'] });
    assert.deepEqual(read(['// B) (S/NF) Second Item//']), { headings: ['slashes B) (S/NF) Second Item 8:0-8:26'], items: ['B) 8:3-8:5 (S/NF) 8:6-8:12'] });
    // Wrapped, the marking opens the first line, the title's lead.
    assert.deepEqual(read(['//A. (C) FIRST ITEM', 'HERE//']), { headings: ['slashes HERE 8:0-9:6'], items: ['A. 8:2-8:4 (C) 8:5-8:8'] });
    // The same as over a rule, where the line scan reads it.
    assert.deepEqual(read(['A. (C) FIRST ITEM HERE', '-----']), { headings: ['underlined A. (C) FIRST ITEM HERE 8:0-9:5'], items: ['A. 8:0-8:2 (C) 8:3-8:6'] });
    // Right under a title between slashes, the item is read as under a blank line: an item marking, no heading.
    assert.deepEqual(read(['//FERRY TALKS//', 'A. (C) FIRST ITEM HERE']), { headings: ['slashes FERRY TALKS 8:0-8:15'], items: ['A. 9:0-9:2 (C) 9:3-9:6'] });
    assert.deepEqual(read(['//FERRY TALKS//', '', 'A. (C) FIRST ITEM HERE']), { headings: ['slashes FERRY TALKS 8:0-8:15'], items: ['A. 10:0-10:2 (C) 10:3-10:6'] });
    // No marking, or a parenthesis that names none: the title's words alone, as before.
    for (const title of ['//A. FIRST ITEM HERE//', '//A. (S-300) MISSILES//', '//A.(C) FIRST ITEM//', '//AB. (C) FIRST ITEM//']) assert.deepEqual(read([title]).items, [], title);
  });

  it('reads numbered paragraphs with marker style, portion marking and the pilcrow artifact', () => {
    const seedLike = ['S E C R E T NOWHERE 000001', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C/NF) One.', '', '¶2. (S/NF) Two.', '', '¶ 13. (C/NF) Three.', '', '¶ 14. (C/NF) Four.', '', '¶5. (S) Five.'].join('\n');
    const c = parse(seedLike);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}>${p.readAs}:${p.style}`), ['1>1:pilcrow', '2>2:pilcrow', '13>3:pilcrow-space', '14>4:pilcrow-space', '5>5:pilcrow']);
    const bare = parse(seedLike.replace('¶ 13.', '13.').replace('¶ 14.', '14.'));
    assert.deepEqual(bare.paragraphs.map((p) => p.readAs), [1, 2, 3, 4, 5]);
  });

  it('reads a pilcrow and number that lost the full stop before a marking ("¶2 (C)"), not a pilcrow and number in prose', () => {
    const c = parse(['C O N F I D E N T I A L NOWHERE 000001', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', '¶2 (C) Two, as ¶3 of the', 'note said.', '', '¶3. (C) Three.'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.portion?.level}`), ['1:CONFIDENTIAL', '2:CONFIDENTIAL', '3:CONFIDENTIAL']);
    assert.equal(at(c.paragraphs[1].marker.range), '8:0-8:2');
    // Without a marking after it, "¶2" alone stays prose.
    assert.equal(parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '¶2 Two.'].join('\n')).paragraphs.length, 1);
  });

  it('reads a marker with a damaged marking right under a dash line broken by a space', () => {
    const c = parse(['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. C) One.', 'Harbor Works Resume', '--------------------------------------------- ------', '¶2. C) Two.', 'DOE'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2]);
  });

  it('reads bare "1.(C)", "3.. (SBU)", indented and two-space markers; not list items or wrapped dates', () => {
    const c = parse(['C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '1.(C) One.', '', '  ¶2.  (C) Two talks began in Lyon on November', '¶16. His aim was to convince.', '1) a list item', '(2) another', '', '3.. (SBU) Three.'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2, 3]);
    assert.equal(c.paragraphs[1].portion?.level, 'CONFIDENTIAL');
    assert.equal(at(c.paragraphs[1].marker.range), '7:2-7:5');
    assert.equal(c.paragraphs[1].range.end.line, 10);
  });

  it('reads an unmarked marker after a line too long to be wrapped, and after a blanked paragraph, as a paragraph', () => {
    // Each paragraph on one line, as some copies have them: the line before "¶3." ends with a citation, not a full stop,
    // and the release blanked paragraphs 4 to 7, leaving a line of X's before "¶8.".
    const long = 'Harbor Works Resume... The port authority said on Monday that the dredging of the outer basin would resume after the rains. See Nowhere 123';
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. Summary of the week.', long, '¶3. Ferry Fares Rise... The ferry company raised its fares by a third.', 'XXXXXXXXXXXX', '¶8. Schools Reopen... The schools reopened after the holiday.', '', 'DOE'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => [p.number, p.range.start.line]), [[1, 5], [3, 7], [8, 9]]);
    // A wrapped line ending without a full stop, a redaction inside it or not, still keeps a date's day from numbering a paragraph.
    const wrapped = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. The talks with XXXXXXXXXXXX began on November', '¶16. His aim was to convince.'].join('\n'));
    assert.deepEqual(wrapped.paragraphs.map((p) => p.number), [1]);
  });

  it('numbers a paragraph after any line the release blanked: small x\'s, several runs, punctuation, or after a paragraph\'s number', () => {
    const numbers = (blanked: string) =>
      parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. Ferry Fares Rise... The ferry company raised its fares by a third.', blanked, '¶8. Schools Reopen... The schools reopened after the holiday.', '', 'DOE'].join('\n')).paragraphs.map((p) => p.number);
    for (const blanked of ['XXXXXXXXXXXX', 'xxxxxxxxxxxx', 'XXXXXXXXXXXX XXXXXXXXXXXX', 'XXXXXXXXXXXX, xxxxxxxxxxxx --', '  XXXXXXXXXXXX  ']) assert.deepEqual(numbers(blanked), [1, 8], blanked);
    assert.deepEqual(numbers('¶6. xxxxxxxxxxxx'), [1, 6, 8]);
    assert.deepEqual(numbers('¶6. (C) XXXXXXXXXXXX'), [1, 6, 8]);
    // A redaction among words keeps a wrapped date's day from numbering a paragraph, as any wrapped line does.
    assert.deepEqual(numbers('The talks with XXXXXXXXXXXX began on November'), [1]);
    assert.deepEqual(numbers('¶6. (C) The talks with XXXXXXXXXXXX began on'), [1, 6]);
  });

  const markings: [string, string | undefined, string[], boolean][] = [
    ['(U)', 'UNCLASSIFIED', [], true],
    ['(SBU)', 'UNCLASSIFIED', [], true],
    ['(C)', 'CONFIDENTIAL', [], true],
    ['(S)', 'SECRET', [], true],
    ['(TS)', 'TOP SECRET', [], true],
    ['(S/NF)', 'SECRET', ['NF'], true],
    ['(C//NF)', 'CONFIDENTIAL', ['NF'], true],
    ['(SBU/NF)', 'UNCLASSIFIED', ['NF'], true],
    ['(U//FOUO)', 'UNCLASSIFIED', ['FOUO'], true],
    ['(S//FGI//NF)', 'SECRET', ['FGI', 'NF'], true],
    ['(S/REL NATO)', 'SECRET', ['REL NATO'], true],
    ['(S//REL TO USA, FVEY)', 'SECRET', ['REL USA, FVEY'], true],
    ['(C/NOFORN)', 'CONFIDENTIAL', ['NF'], true],
    ['(S-NF)', 'SECRET', ['NF'], true],
    ['(C NF)', 'CONFIDENTIAL', ['NF'], true],
    ['(c)', 'CONFIDENTIAL', [], true],
    ['(s/nf)', 'SECRET', ['NF'], true],
    ['(Secret/Rel Armenia)', 'SECRET', ['REL ARMENIA'], true],
    ['(C - ENTIRE TEXT)', 'CONFIDENTIAL', ['ENTIRE TEXT'], true],
    ['(SNF)', 'SECRET', ['NF'], false],
    ['(N/SF)', undefined, [], false],
  ];
  for (const [text, level, controls, wellFormed] of markings) {
    it(`reads portion marking ${text}`, () => {
      const m = parsePortionMarking(0, `¶1. ${text} Text`, 4)!;
      assert.ok(m);
      assert.deepEqual([m.level, m.controls, m.wellFormed], [level, controls, wellFormed]);
      assert.equal(m.token.text, text);
    });
  }
  /** Each paragraph's number and marking as read, and the CBL028 and CBL029 findings as "ID line:column message". */
  const markingsRead = (c: ReturnType<typeof parse>) => ({
    portions: c.paragraphs.map((p) => [p.number, p.portion?.token.text, p.portion?.level, p.portion?.wellFormed]),
    findings: lintCable(c)
      .filter((f) => f.id === 'CBL029' || f.id === 'CBL028')
      .map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character} ${f.message}`),
  });

  it('reads a marking that lost its "(" after a paragraph number, as malformed', () => {
    const { portions, findings } = markingsRead(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. C) Text one.\n\n¶2. S/NF) Text two.\n\n¶3. A) Not a marking.\n\n¶4. C)Glued.\n\n¶5. CONFIDENTIAL) No.\n'));
    assert.deepEqual(portions, [
      [1, 'C)', 'CONFIDENTIAL', false],
      [2, 'S/NF)', 'SECRET', false],
      [3, undefined, undefined, undefined],
      [4, undefined, undefined, undefined],
      [5, undefined, undefined, undefined],
    ]);
    assert.deepEqual(findings, [
      "CBL029 5:4 Portion marking 'C)' has lost its '('; read as CONFIDENTIAL.",
      "CBL029 7:4 Portion marking 'S/NF)' has lost its '('; read as SECRET.",
      'CBL028 9:0 Paragraph 3 has no portion marking.',
      'CBL028 11:0 Paragraph 4 has no portion marking.',
      'CBL028 13:0 Paragraph 5 has no portion marking.',
    ]);
  });
  it('reads a marking that lost its ")" before the text, as malformed, and no other parenthesis', () => {
    const { portions, findings } = markingsRead(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C Text one.\n\n¶2. (S/NF Text two.\n\n¶3. (Ministry of Trade) said.\n\n¶4. (C\n'));
    assert.deepEqual(portions, [
      [1, '(C', 'CONFIDENTIAL', false],
      [2, '(S/NF', 'SECRET', false],
      [3, undefined, undefined, undefined],
      [4, undefined, undefined, undefined],
    ]);
    // Reported as what it is, not as a missing marking whose fixes would write "(C) (C Text one.".
    assert.deepEqual(findings.slice(0, 2), [
      "CBL029 5:4 Portion marking '(C' has lost its ')'; read as CONFIDENTIAL.",
      "CBL029 7:4 Portion marking '(S/NF' has lost its ')'; read as SECRET.",
    ]);
  });

  it('reads a paragraph\'s marking typed or scanned with a brace or bracket for a parenthesis, or a 5 for its S, as malformed', () => {
    const { portions, findings } = markingsRead(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C} Text one.\n\n¶2. {C) Text two.\n\n¶3. [S/NF] Text three.\n\n¶4. (5) Text four.\n\n¶5. (5//NF) Text five.\n\n¶6. {Ministry} said.\n\n¶7. (5 officials) met.\n'));
    assert.deepEqual(portions, [
      [1, '(C}', 'CONFIDENTIAL', false],
      [2, '{C)', 'CONFIDENTIAL', false],
      [3, '[S/NF]', 'SECRET', false],
      [4, '(5)', undefined, false],
      [5, '(5//NF)', undefined, false],
      [6, undefined, undefined, undefined],
      [7, undefined, undefined, undefined],
    ]);
    // Each was "Paragraph N has no portion marking", whose fixes would write "(C) (C} Text one.".
    assert.deepEqual(findings.slice(0, 5), [
      "CBL029 5:4 Portion marking '(C}' has a brace or bracket for a parenthesis; read as CONFIDENTIAL.",
      "CBL029 7:4 Portion marking '{C)' has a brace or bracket for a parenthesis; read as CONFIDENTIAL.",
      "CBL029 9:4 Portion marking '[S/NF]' has a brace or bracket for a parenthesis; read as SECRET.",
      "CBL029 11:4 Portion marking '(5)' is not a known form: its '5' may be a misread S, '(S)'.",
      "CBL029 13:4 Portion marking '(5//NF)' is not a known form: its '5' may be a misread S, '(S//NF)'.",
    ]);
    // A list's "(5)" at a line's start is no item's marking.
    assert.deepEqual(parse('UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Points:\n(5) Iran is slow.\n').itemMarkings, []);
  });

  it('reads a marking typed or scanned with an I, l, 1 or | for its ")" as malformed, where what stands before it is a marking', () => {
    const { portions, findings } = markingsRead(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (CI Text one.\n\n¶2. (S/NFl Text two.\n\n¶3. (C1 Text (as planned) three.\n\n¶4. (SI units) are four.\n\n¶5. (C/FGI Text five.\n\n¶6. (CIA officers said.\n\n¶7. (CI\n'));
    assert.deepEqual(portions, [
      [1, '(CI', 'CONFIDENTIAL', false],
      [2, '(S/NFl', 'SECRET', false],
      [3, '(C1', 'CONFIDENTIAL', false],
      [4, undefined, undefined, undefined],
      // An unclosed "(C/FGI", not "(C/FG" with an I for its ")".
      [5, '(C/FGI', 'CONFIDENTIAL', false],
      [6, undefined, undefined, undefined],
      [7, undefined, undefined, undefined],
    ]);
    // Each was "Paragraph N has no portion marking", whose fixes would write "(C) (CI Text one.".
    assert.deepEqual(findings.filter((f) => f.startsWith('CBL029')), [
      "CBL029 5:4 Portion marking '(CI' has 'I' for its ')'; read as CONFIDENTIAL.",
      "CBL029 7:4 Portion marking '(S/NFl' has 'l' for its ')'; read as SECRET.",
      "CBL029 9:4 Portion marking '(C1' has '1' for its ')'; read as CONFIDENTIAL.",
      "CBL029 13:4 Portion marking '(C/FGI' has lost its ')'; read as CONFIDENTIAL.",
    ]);
  });

  it('reads a line\'s marking with a brace, a bracket or an I for a parenthesis as an item\'s, and prose as none', () => {
    const c = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n{C) The harbor talks went well.\n\n(CI The ministry agreed.\n\n-- [C] Ferry operators asked for time.\n-- (S/NFl Ferry operators asked for time.\n\n(SI units) are used.\n\n(C Deputy Minister Gauci said.\n\n{Ministry} said.\n');
    assert.deepEqual(c.itemMarkings.map((m) => [m.portion.token.range.start.line, m.label?.text, m.portion.token.text, m.portion.level]), [
      [5, undefined, '{C)', 'CONFIDENTIAL'],
      [7, undefined, '(CI', 'CONFIDENTIAL'],
      [9, '--', '[C]', 'CONFIDENTIAL'],
      [10, '--', '(S/NFl', 'SECRET'],
    ]);
  });

  it('does not read (Iran) or (China) as markings', () => {
    assert.equal(parsePortionMarking(0, '(Iran) New protests', 0), undefined);
    assert.equal(parsePortionMarking(0, '(IRAN) New protests', 0), undefined);
  });

  const portionFindings = (c: Cable) =>
    lintCable(c).filter((f) => f.id === 'CBL028' || f.id === 'CBL024').map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character} ${f.message}`);
  it('reads a marking after a Summary or Comment label ("¶1. Summary: (C) …") as the paragraph\'s, and still opens the block', () => {
    const c = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1.  Summary:  (C) The minister left early. End Summary.\n\n¶2. Comment -- (S) He will return.\n\n¶3. Background: (C) Not a block label.\n');
    assert.deepEqual(c.paragraphs.map((p) => [p.number, p.portion?.token.text, at(p.portion?.token.range), p.firstWords]), [
      [1, '(C)', '5:15-5:18', 'Summary: (C) The minister left early. End Summary.'],
      [2, '(S)', '7:15-7:18', 'Comment -- (S) He will return.'],
      [3, undefined, 'none', 'Background: (C) Not a block label.'],
    ]);
    assert.deepEqual(c.blockMarkers.map((m) => [m.kind, m.role, at(m.token.range)]), [
      ['summary', 'open', '5:5-5:12'],
      ['summary', 'close', '5:44-5:55'],
      ['comment', 'open', '7:4-7:11'],
    ]);
    assert.deepEqual(portionFindings(c), ['CBL028 9:0 Paragraph 3 has no portion marking.']);
  });
  it('reads "18, (SBU)" and "3 (S)" as paragraph numbers when they are the next number, before a marking', () => {
    const numbers = (c: Cable) => c.paragraphs.map((p) => [p.number, p.marker.text, p.portion?.token.text]);
    const sequence = (c: Cable) =>
      lintCable(c).filter((f) => f.id === 'CBL024' || f.id === 'CBL025').map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character} ${f.message}`);
    const comma = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The talks went well.\n\n2, (SBU) Accompanying the minister were:\n-- His deputy\n\n¶3. (U) The delegation cleared this message.\n');
    assert.deepEqual(numbers(comma), [[1, '¶1.', '(C)'], [2, '2,', '(SBU)'], [3, '¶3.', '(U)']]);
    assert.deepEqual(sequence(comma), []);
    // "3 (S)" then "¶3.": the number is read, and the next one repeats it.
    const stopless = parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) One.\n\n¶2. (S) Two.\n\n3 (S) The director approved it.\n\n¶3. (S) Therefore we ask.\n');
    assert.deepEqual(numbers(stopless), [[1, '¶1.', '(S)'], [2, '¶2.', '(S)'], [3, '3', '(S)'], [3, '¶3.', '(S)']]);
    assert.deepEqual(sequence(stopless), ['CBL025 11:0 Paragraph number 3 repeats the one before it.']);
    // Out of sequence, or before no marking, such a number is text.
    const text = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ministers of\n12 (C) countries met.\n\n2 (Iran) and others.\n\n¶2. (C) Two.\n');
    assert.deepEqual(numbers(text), [[1, '¶1.', '(C)'], [2, '¶2.', '(C)']]);
  });
  it('reads a number glued to its text by the full stop ("3.Our …") as a paragraph number when it is the next number, on a fresh line', () => {
    const numbers = (c: Cable) => c.paragraphs.map((p) => [p.number, p.marker.text, p.firstWords]);
    const glued = parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. (S) The talks went well.\n\n2. (U) Participants:\n\nMinistry of Harbors\nAda Quill, Director\n\n3.Our delegation approved the text.\n');
    assert.deepEqual(numbers(glued), [
      [1, '1.', 'The talks went well.'],
      [2, '2.', 'Participants:'],
      [3, '3.', 'Our delegation approved the text.'],
    ]);
    assert.equal(at(glued.paragraphs[2].marker.range), '12:0-12:2');
    const pilcrow = parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) One.\n\n¶2.Two was glued.\n');
    assert.deepEqual(numbers(pilcrow).map((n) => n[0]), [1, 2]);
    // Out of sequence, in a small letter, or carrying on a sentence, a glued number is text.
    const text = parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. (S) One.\n\n5.Five is out of sequence.\n\n2.two is in small letters.\n\n2. (S) The fleet of\n3.The ships sailed.\n');
    assert.deepEqual(numbers(text).map((n) => n[0]), [1, 2]);
  });
  it('reads "92. (C)" where ¶2 is expected, in a cable numbering its paragraphs "¶1.", as a pilcrow scanned as the digit 9', () => {
    const numbers = (c: Cable) => c.paragraphs.map((p) => `${p.readAs} ${p.number} ${p.marker.text} ${p.numberToken.text} ${p.misread ?? '-'}`);
    const cable = (markers: readonly string[]) => parse(`C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n${markers.map((m, k) => `${m} (C) Line ${k + 1}.\n`).join('\n')}`);
    // Read as paragraph 92 before: a gap of 90 and a step back (CBL024).
    const c = cable(['¶1.', '92.', '¶3.', '¶4.']);
    assert.deepEqual(numbers(c), ['1 1 ¶1. 1 -', '2 2 92. 2 ¶2.', '3 3 ¶3. 3 -', '4 4 ¶4. 4 -']);
    assert.equal(at(c.paragraphs[1].numberToken.range), '7:1-7:2');
    const findings = lintCable(c).filter((f) => f.id === 'CBL024' || f.id === 'CBL046');
    assert.deepEqual(findings.map((f) => `${f.id} ${f.message}`), ["CBL046 Paragraph number '92.' has '9' for the pilcrow ¶: read as '¶2.'."]);
    // Not in a cable numbering its paragraphs bare, nor where the number after the 9 is not the one expected, nor before no marking.
    assert.deepEqual(numbers(cable(['1.', '92.', '3.', '4.'])).map((n) => n.split(' ')[0]), ['1', '92', '3', '4']);
    assert.deepEqual(numbers(cable(['¶1.', '95.', '¶3.', '¶4.'])).map((n) => n.split(' ')[0]), ['1', '95', '3', '4']);
    assert.deepEqual(numbers(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) One.\n\n92. Two.\n\n¶3. (C) Three.\n')).map((n) => n.split(' ')[0]), ['1', '92', '3']);
  });

  it('reads a paragraph number with a letter misread for a digit or the pilcrow ("l. (C)", "P2. (C)", "¶4, (C)") as the paragraph it stands for', () => {
    const numbers = (c: Cable) => c.paragraphs.map((p) => `${p.readAs} ${p.marker.text} ${p.numberToken.text} ${p.misread ?? '-'} ${p.portion?.token.text} ${p.firstWords}`);
    // These paragraphs were lost: the first was read as a lettered list's item, the others as prose of the paragraph above.
    const c = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nl. (C) Summary: the ferry runs.\n\nP2. (C) The port opens.\nq3. (C) The pier closes.\n\n¶4, (C) Fares rise.\n\n1O. (U) Or fall.\n');
    assert.deepEqual(numbers(c).slice(0, 4), [
      '1 l. l 1. (C) Summary: the ferry runs.',
      '2 P2. 2 ¶2. (C) The port opens.',
      '3 q3. 3 ¶3. (C) The pier closes.',
      '4 ¶4, 4 ¶4. (C) Fares rise.',
    ]);
    // "¶2 (C)": a pilcrow's number that lost its full stop is read as "¶2." misread, as a bare "3 (S)" is (CBL046 reports it).
    assert.deepEqual(numbers(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ferry runs.\n\n¶2 (C) The port opens.\n')).slice(1), ['2 ¶2 2 ¶2. (C) The port opens.']);
    // Out of sequence too, as "¶9. (C)" would be: the pilcrow says it is a paragraph's number.
    assert.deepEqual(numbers(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ferry runs.\n¶9 (C) The port opens.\n')).slice(1), ['9 ¶9 9 ¶9. (C) The port opens.']);
    // "¶ l. (C)": the pilcrow with its space before the letter was read as no marker, and the paragraph was lost.
    assert.deepEqual(numbers(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶ l. (C) The ferry runs.\n\n¶ 2. (C) The port opens.\n')), [
      '1 ¶ l. l ¶ 1. (C) The ferry runs.',
      '2 ¶ 2. 2 - (C) The port opens.',
    ]);
    // "P 2. (C)": a P read for the pilcrow, its space kept, was read as prose of the paragraph above.
    assert.deepEqual(numbers(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶ 1. (C) The ferry runs.\n\nP 2. (C) The port opens.\n')).slice(1), ['2 P 2. 2 ¶ 2. (C) The port opens.']);
    // The marking is the paragraph's, not also an item's under a label "l.".
    assert.deepEqual(c.itemMarkings, []);
    assert.equal(c.blocks[0]?.kind, 'summary');
    assert.equal(at(c.paragraphs[0].marker.range), '5:0-5:2');
    // Only before a marking and as the next number: "I. Background" is a title's numeral, "l. (C)" after ¶3 a list's item,
    // "P5. (C)" after a blank line is paragraph 5 as "¶5." is (CBL024 reports the gap); "I6. (C)" where 6 is expected is the
    // pilcrow artifact, read as 6.
    const other = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nI. Background\n\n¶1. (C) One.\n\nP5. (C) Five.\n\n¶2. (C) Two:\nk. (C) An item.\nl. (C) Another item.\n\n¶3. (C) Three.\n¶4. (C) Four.\n¶5. (C) Five.\n\nI6. (C) Six.\n');
    assert.deepEqual(other.paragraphs.map((p) => `${p.number}>${p.readAs}`), ['1>1', '5>5', '2>2', '3>3', '4>4', '5>5', '16>6']);
    assert.deepEqual(other.itemMarkings.map((m) => m.label?.text), ['k.', 'l.']);    // "I. (C) …" above "II. (C) …" is an outline's Roman numeral, no misread "1.": it was read as paragraph 1 (CBL046 said so).
    const roman = parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nI. (C) INTRODUCTION: The ferry runs.\n\nII. (S) BACKGROUND: The port opens.\n');
    assert.deepEqual(roman.paragraphs.map((p) => p.marker.text), []);
    assert.deepEqual(parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nI. (C) The ferry runs.\n\n2. (S) The port opens.\n').paragraphs.map((p) => p.readAs), [1, 2]);
    // A lettered list's twelfth item "l." under "k.", or ninth "I." under "H.", in a text with no numbered paragraph: it
    // was read as paragraph 1 (CBL046 said so).
    const letters = (from: string, to: string) => { let out = ''; for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out += `${String.fromCharCode(c)}. (C) An item.\n\n`; return out; };
    assert.deepEqual(parse(`S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n(S) The list:\n\n${letters('a', 'm')}`).paragraphs.map((p) => p.marker.text), []);
    assert.deepEqual(parse(`S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n(S) The list:\n\n${letters('A', 'J')}`).paragraphs.map((p) => p.marker.text), []);
  });
  it('reads a misread pilcrow as a pilcrow also before no marking, out of sequence after a marked paragraph, and under the metadata', () => {
    const numbers = (c: Cable) => c.paragraphs.map((p) => `${p.readAs} ${p.marker.text}${p.portion ? ` ${p.portion.token.text}` : ''}`);
    // Right under the Classified By line, which ran on over "P1. (S) …" as its wrapped text; "P3." after a gap as "¶3." is.
    const c = parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\nClassified By: Jane Roe, reasons 1.4 (b) and (d).\nP1. (S) Summary. The ferry runs. End Summary.\n\nP3. (S) The port opens.\n\nP4. The pier closes.\nP5. Fares rise.\n');
    assert.deepEqual(numbers(c), ['1 P1. (S)', '3 P3. (S)', '4 P4.', '5 P5.']);
    assert.equal(c.classifiedBy?.range.end.line, 4);
    // Unmarked, out of sequence and with no blank line above, it is text; a quoted document's items stay the quoting paragraph's.
    const quoted = parse('UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) One.\n\n¶2. (U) The text follows:\n\nq1. We agreed.\n\nq2. We met.\n\nq3. We wrote.\n\n¶3. (U) Three.\nP9. Nine.\n');
    assert.deepEqual(numbers(quoted), ['1 ¶1. (U)', '2 ¶2. (U)', '3 ¶3. (U)']);
    // "P2. (U) Classified by …": the Classified By a paragraph near the top carries.
    assert.equal(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nP1. (C) Text.\nP2. (U) Classified by Jane Roe, reasons 1.4 (b).\n').classifiedBy?.range.start.line, 6);
    assert.equal(parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\nP1. Classified by Jane Roe, reasons 1.4 (b).\n\nP2. (C) Text.\n').classifiedBy?.range.start.line, 4);
    // "P12. (C)" numbers its paragraph as "¶12. (C)" would, right after a sentence too; "q3. (C)" there is a question's label.
    const gap = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶10. (C) Ten.\nP12. (C) Twelve.\nQ2. (C) A question?\nq3. (C) Another?\n');
    assert.deepEqual(numbers(gap), ['10 ¶10. (C)', '12 P12. (C)']);
  });

  it('reads a semicolon typed or scanned for the colon of SUBJECT and REF as the keyword\'s ("SUBJECT; …", "REF; A. …")', () => {
    const c = parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT; FERRY TALKS\n\nREF; A. STATE 1234\nB. NOWHERE 56\n\nClassified By: Jane Roe, reasons 1.4 (b) and (d).\n\n¶1. (C) Text.\n');
    // The subject ran on over the REF field, and the Classified By line under it was read as a heading.
    assert.equal(c.subject?.text, 'FERRY TALKS');
    assert.deepEqual(c.refs?.items.map((r) => `${r.letter} ${r.citation?.text}`), ['A STATE 1234', 'B NOWHERE 56']);
    assert.equal(c.classifiedBy?.range.start.line, 9);
    assert.deepEqual(c.headings, []);
  });

  it('reads a label typed or scanned with a character wrong or lost, or a full stop for its colon, as the field it names ("SUBIECT:", "TACS PREL", "E. O.", "SUBJECT.")', () => {
    const cable = (eo: string, tags: string, subject: string, ref: string, by: string) =>
      parse(`C O N F I D E N T I A L NOWHERE 000001\n\n${eo} 12958: DECL: 05/27/2019\n${tags} PREL PGOV\n${subject} FERRY TALKS\n\n${ref} A. STATE 1234\nB. NOWHERE 56\n\n${by} Jane Roe, reasons 1.4 (b) and (d).\n\n¶1. (C) Text.\n`);
    const read = (c: ReturnType<typeof parse>) => [c.eo?.keyword.text, c.tags?.keyword.text, c.tags?.tags.map((t) => t.code).join(' '), c.subject?.text, c.refs?.items.length, c.classifiedBy?.range.start.line, c.paragraphs.length];
    // A label read as none ended the metadata: the fields under it were lost, the body started there.
    assert.deepEqual(read(cable('E. O.', 'TACS:', 'SUBIECT:', 'REP:', 'Classifed By:')), ['E. O.', 'TACS:', 'PREL PGOV', 'FERRY TALKS', 2, 9, 1]);
    assert.deepEqual(read(cable('E.O.', 'TACS', 'SUBJCET:', 'REF:', 'CLASSIFIED BV:')), ['E.O.', 'TACS', 'PREL PGOV', 'FERRY TALKS', 2, 9, 1]);
    // A full stop for the colon of TAGS and SUBJECT is the label's, not a TAG or the subject's first character.
    assert.deepEqual(read(cable('E.O.', 'TAGS.', 'SUBJECT.', 'REF:', 'Classified By:')), ['E.O.', 'TAGS.', 'PREL PGOV', 'FERRY TALKS', 2, 9, 1]);
    // Two characters wrong, or a word one off TAGS without its colon and no TAG after it, is no label.
    assert.equal(parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBIEKT: FERRY TALKS\n\n¶1. (C) Text.\n').subject, undefined);
    assert.equal(parse('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTACO night\nSUBJECT: FERRY TALKS\n\n¶1. (C) Text.\n').tags, undefined);
  });

  it('reads a label split by a stray space ("SUBJ ECT:", "T AGS:", "Classi fied By:") or TAGS with a 5 for its S ("TAG5:") as the field it names', () => {
    const cable = (tags: string, subject: string, by: string) =>
      parse(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\n${tags} PREL PGOV\n${subject} FERRY TALKS\n\n${by} Jane Roe, reasons 1.4 (b) and (d).\n\n¶1. (C) Text.\n`);
    const read = (c: ReturnType<typeof parse>) => [c.tags?.keyword.text, c.tags?.tags.map((t) => t.code).join(' '), c.subject?.keyword.text, c.subject?.text, c.classifiedBy?.range.start.line];
    // "SUBJ ECT:" was the keyword "SUBJ" with the subject "ECT: FERRY TALKS", "TAG S:" and "TAG5:" the keyword "TAG" with a TAG
    // "S:" or "5:", "T AGS:" a stray line that lost the TAGS field, and "Classi fied By:" no Classified By.
    assert.deepEqual(read(cable('T AGS:', 'SUBJ ECT:', 'Classi fied By:')), ['T AGS:', 'PREL PGOV', 'SUBJ ECT:', 'FERRY TALKS', 6]);
    assert.deepEqual(read(cable('TAG S:', 'Sub ject:', 'Classified B y:')), ['TAG S:', 'PREL PGOV', 'Sub ject:', 'FERRY TALKS', 6]);
    assert.deepEqual(read(cable('TAG5:', 'SUBJ:', 'Classified By:')), ['TAG5:', 'PREL PGOV', 'SUBJ:', 'FERRY TALKS', 6]);
    // Letters joined with no space ("ClassifiedBy:") or a space and two other slips ("S UBIEKT:") stay unread.
    assert.deepEqual(read(cable('TAGS:', 'S UBIEKT:', 'ClassifiedBy:')), ['TAGS:', 'PREL PGOV', undefined, undefined, undefined]);
  });

  it('reads field labels typed in small letters ("e.o. 12958:", "subject:", "ref:", "classified by:"), each with its colon', () => {
    const c = parse('S E C R E T NOWHERE 000001\n\ne.o. 12958: decl: 05/27/2019\ntags: prel pgov\nsubject: ferry talks\nref: a. state 1234\n\nclassified by: Jane Roe, reasons 1.4 (b) and (d).\n\n¶1. (S) Text.\n');
    // Only TAGS was read: CBL012 said there was no E.O. line, CBL019 no SUBJECT and CBL020 no Classified By.
    assert.deepEqual([c.eo?.range.start.line, c.subject?.text, c.refs?.items.length, c.classifiedBy?.range.start.line], [2, 'ferry talks', 1, 7]);
    assert.deepEqual(lintCable(c).filter((f) => ['CBL012', 'CBL019', 'CBL020'].includes(f.id)), []);
    // Without its colon a word in small letters is the subject's wrapped text, not a keyword.
    assert.equal(parse('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: TALKS ON FERRIES\nsubject to change\n\n¶1. (S) Text.\n').subject?.text, 'TALKS ON FERRIES subject to change');
  });

  it('reads a marking ending the subject ("… of proliferation concern (s)", 09STATE4134) as its marking, not its text, for rules and export', () => {
    const cable = (subject: string, banner = 'C O N F I D E N T I A L NOWHERE 000001') => parse(`${banner}\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\n${subject}\n\nClassified By: A. Roe, reasons 1.4 (b).\n\n¶1. (C) Text.\n`);
    const c = cable('Subject: harbor dues rise for foreign\nvessels in the free port (s)');
    assert.deepEqual([c.subject?.text, c.subject?.portion?.token.text, c.subject?.portion?.level, c.subject?.portion?.token.range, c.subject?.parts.map((p) => p.text)], [
      'harbor dues rise for foreign vessels in the free port',
      '(s)',
      'SECRET',
      { start: { line: 5, character: 25 }, end: { line: 5, character: 28 } },
      ['harbor dues rise for foreign', 'vessels in the free port'],
    ]);
    // The marking rules count it: a SECRET subject under a CONFIDENTIAL banner; the export's subject leaves it out.
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL030').map((f) => f.message), ['The subject is marked SECRET above the banner level CONFIDENTIAL.']);
    assert.equal(extractRecord('09NOWHERE1.txt', c).subject, 'harbor dues rise for foreign vessels in the free port');
    // On one line, with controls, and alone on the subject's last line.
    assert.deepEqual([cable('SUBJECT: FERRY TALKS (S/NF)').subject?.portion?.controls, cable('SUBJECT: FERRY TALKS (S/NF)').subject?.text], [['NF'], 'FERRY TALKS']);
    assert.deepEqual([cable('SUBJECT: FERRY TALKS ON THE\n(C)').subject?.portion?.token.text, cable('SUBJECT: FERRY TALKS ON THE\n(C)').subject?.text], ['(C)', 'FERRY TALKS ON THE']);
    // A word that is no item's name before a level's letter, and "(s)" on a line in small letters, stay markings.
    assert.deepEqual([cable('SUBJECT: HARBOR FERRIES (S)').subject?.portion?.token.text, cable('Subject: visit of the harbor commissioner (s)').subject?.portion?.level], ['(S)', 'SECRET']);
    // A leading marking stays the subject's; prose in brackets, a list's labels, a plural's "(s)" and a number's letter stay its text.
    for (const [subject, text] of [
      ['SUBJECT: (C) FERRY TALKS (S)', 'FERRY TALKS (S)'],
      ['SUBJECT: FERRY TALKS (EU)', 'FERRY TALKS (EU)'],
      ['SUBJECT: UNSCR 1540 REASONS (b) and (c)', 'UNSCR 1540 REASONS (b) and (c)'],
      ['SUBJECT: request for new candidate(s)', 'request for new candidate(s)'],
      ['SUBJECT: SECTION 1.4 (C)', 'SECTION 1.4 (C)'],
      ['SUBJECT: FERRY TALKS (S-300)', 'FERRY TALKS (S-300)'],
      // A word that names an item or a part by its letter, and a plural's ending spelt apart on a line with capitals.
      ['SUBJECT: HARBOR TALKS: ANNEX (C)', 'HARBOR TALKS: ANNEX (C)'],
      ['SUBJECT: FERRY FARES, OPTION (S)', 'FERRY FARES, OPTION (S)'],
      ['SUBJECT: RESPONSE TO REF (C)', 'RESPONSE TO REF (C)'],
      ['SUBJECT: Visit of the Harbor Commissioner (s)', 'Visit of the Harbor Commissioner (s)'],
    ]) {
      const read = cable(subject).subject!;
      assert.equal(read.text, text, subject);
      assert.ok(read.portion === undefined || read.portion.token.range.start.character === 9, subject);
    }
  });

  it('reads a paragraph\'s marking after a no-break space ("¶2.\\u00A0(C)"), as copies from web pages and OCR write it', () => {
    const c = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1.\u00a0(C) One.\n¶2.\u00a0(C) Two.\n');
    assert.deepEqual(c.paragraphs.map((p) => `${p.readAs} ${p.portion?.token.text}`), ['1 (C)', '2 (C)']);
  });

  it('reports no missing marking on a paragraph whose text opens with a redaction ("¶3.  XXXXXXXXXXXX": the marking may be under it)', () => {
    const c = parse(
      'C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The minister left early.\n\n¶2.  XXXXXXXXXXXX\n\n¶3. xxxxxxxxxxxx told us more.\n\n¶4. He said XXXXXXXXXXXX would come.\n',
    );
    assert.deepEqual(portionFindings(c), ['CBL028 11:0 Paragraph 4 has no portion marking.']);
  });
  it('reads a quoted document\'s own unmarked items numbered from 1 as part of the marked paragraph that quotes them', () => {
    const c = parse(
      'C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The two sides met.\n\n¶2. (SBU) Text of the joint list\nPart one: trade\n\n' +
        '¶1. Both sides agree to talk.\n\n¶2. Both sides agree to meet.\n\n¶4. They will write.\n\n¶3. (C) Comment: a modest list.\n\n¶4. The list is unmarked.\n',
    );
    assert.deepEqual(c.paragraphs.map((p) => [p.number, p.portion?.token.text, p.range.start.line, p.range.end.line]), [
      [1, '(C)', 5, 5],
      [2, '(SBU)', 7, 14],
      [3, '(C)', 16, 16],
      [4, undefined, 18, 18],
    ]);
    assert.deepEqual(portionFindings(c), ['CBL028 18:0 Paragraph 4 has no portion marking.']);
    // A second copy after a repeated banner starts again at 1: its unmarked paragraphs are still reported.
    const twice = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) One.\n\n¶2. (C) Two.\n\nC O N F I D E N T I A L NOWHERE 000001\n\n¶1. Again.\n');
    assert.deepEqual(portionFindings(twice), ['CBL024 11:0 Paragraph 1: a step back after 2.', 'CBL028 11:0 Paragraph 1 has no portion marking.']);
    // Unmarked paragraphs that start again at 1 after an unmarked one are the cable's own: still reported.
    const plain = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) One.\n\n¶2. Two.\n\n¶1. Again.\n');
    assert.deepEqual(portionFindings(plain), ['CBL028 7:0 Paragraph 2 has no portion marking.', 'CBL024 9:0 Paragraph 1: a step back after 2.', 'CBL028 9:0 Paragraph 1 has no portion marking.']);
  });
  it('reads the marking of the first item under a title paragraph that has none ("¶5. Financing Issues" over "¶A. (S/NF) …")', () => {
    const c = parse(
      'S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. KEY POINTS\n-- (S) The minister left early.\n-- (C) He will return.\n\n' +
        '¶2. Financing Issues\n------------------\n\n¶A. (S/NF) First concern.\n\n¶B. (S/NF) Second concern.\n\n' +
        '¶3. Other Issues\n\n¶A. An unmarked item.\n\n¶4. A sentence that is no title.\n-- (S) An item.\n',
    );
    assert.deepEqual(c.paragraphs.map((p) => [p.number, p.portion?.token.text, p.itemPortion?.token.text, at(p.itemPortion?.token.range)]), [
      [1, undefined, '(S)', '6:3-6:6'],
      [2, undefined, '(S/NF)', '12:4-12:10'],
      [3, undefined, undefined, 'none'],
      [4, undefined, undefined, 'none'],
    ]);
    assert.deepEqual(portionFindings(c), ['CBL028 16:0 Paragraph 3 has no portion marking.', 'CBL028 20:0 Paragraph 4 has no portion marking.']);
  });
  it('reads the markings that open items, lines and sub-titles inside the text, in line order, and no prose that looks like one', () => {
    const c = parse(
      [
        'C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: (C) FERRY TALKS', '',
        '(U) This cable is sensitive but unclassified.', '',
        '¶1. (C) The port raised three concerns.', '',
        '¶A. (S/NF) Patrols: the harbor master asked for a liaison.', '(S/NF) Response: the Embassy agreed to pass it on.',
        'B. (C) Fares: ferry owners want a hearing.', '-- (S) The minister said he would resign.', '- (C) A second point.',
        '(a) (U) A lettered point.', 'b) (U) Another.', '1) (C) A numbered point.', '* (C) A starred point.',
        'Officials of the European Union', '(EU) was more unified than before, as seen in', '(c) sense that the port is safe, and the',
        '(S-300) missiles, and (C) a marking mid-line.', '', '(SBU) Key Elements of the Ferry Law', '-----------------------------------', '',
        '¶2. (U) Two.', 'SMITH',
      ].join('\n'),
    );
    assert.deepEqual(
      c.itemMarkings.map((m) => [m.label?.text, m.portion.token.text, m.portion.level, at(m.portion.token.range)]),
      [
        [undefined, '(U)', 'UNCLASSIFIED', '5:0-5:3'],
        ['¶A.', '(S/NF)', 'SECRET', '9:4-9:10'],
        [undefined, '(S/NF)', 'SECRET', '10:0-10:6'],
        ['B.', '(C)', 'CONFIDENTIAL', '11:3-11:6'],
        ['--', '(S)', 'SECRET', '12:3-12:6'],
        ['-', '(C)', 'CONFIDENTIAL', '13:2-13:5'],
        ['(a)', '(U)', 'UNCLASSIFIED', '14:4-14:7'],
        ['b)', '(U)', 'UNCLASSIFIED', '15:3-15:6'],
        ['1)', '(C)', 'CONFIDENTIAL', '16:3-16:6'],
        ['*', '(C)', 'CONFIDENTIAL', '17:2-17:5'],
        // The sub-title over its rule is a heading: its marking is read as an item's.
        [undefined, '(SBU)', 'UNCLASSIFIED', '23:0-23:5'],
      ],
    );
    assert.equal(c.lineKinds[23], 'heading');
    // The paragraphs' and the subject's markings are theirs alone.
    assert.deepEqual(c.paragraphs.map((p) => p.portion?.token.text), ['(C)', '(U)']);
    assert.equal(c.subject?.portion?.token.text, '(C)');
  });
  it("reads a subject's parenthesis as its marking only when it is one, a level alone or with control words ('(TS)', not '(S-300)')", () => {
    const subject = (s: string) => {
      const c = parse(`C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: ${s}\n\n¶1. (C) Text.\n`).subject!;
      return [c.portion?.token.text, c.portion?.level, c.text];
    };
    // "(S-300)" was read as a SECRET marking with a control "300", and the subject lost it: "MISSILES FOR THE HARBOR".
    assert.deepEqual(subject('(S-300) MISSILES FOR THE HARBOR'), [undefined, undefined, '(S-300) MISSILES FOR THE HARBOR']);
    assert.deepEqual(subject('(EU) LEADERS MEET'), [undefined, undefined, '(EU) LEADERS MEET']);
    assert.deepEqual(subject('(C-AB1-00123) FERRY FARES'), [undefined, undefined, '(C-AB1-00123) FERRY FARES']);
    assert.deepEqual(subject('(TS) TEMPORARY MOORINGS'), ['(TS)', 'TOP SECRET', 'TEMPORARY MOORINGS']);
    assert.deepEqual(subject('(S//REL TO USA, FVEY) HARBOR PATROLS'), ['(S//REL TO USA, FVEY)', 'SECRET', 'HARBOR PATROLS']);
    // A malformed marking that names a level is still the subject's, for CBL029 to report.
    assert.deepEqual(subject('(C/NOFRN) HARBOR PATROLS'), ['(C/NOFRN)', 'CONFIDENTIAL', 'HARBOR PATROLS']);
  });
  it("reads a list's lettered items at line starts as no markings: '(C)' after '(B)' is the third item", () => {
    const c = parse(
      [
        'UNCLASSIFIED NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
        '¶1. (U) The port asked for three things: (A) a new pier,', '(B) a second ferry, and', '(C) lower fares for residents.', '',
        '¶2. (U) The owners replied:', '(R) a rise in fares,', '', '(S) a new schedule.', '',
        '¶3. (U) Quoted: (A) yes.', '(C) A marking, no list item: no (B) above it.', 'SMITH',
      ].join('\n'),
    );
    assert.deepEqual(c.itemMarkings.map((m) => [m.portion.token.text, m.portion.token.range.start.line]), [['(C)', 15]]);
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL030').map((f) => f.range.start.line), [15]);
  });

  it("reads the marking after a question's or an answer's number ('Q10. (S/NF) …', 'A3. (C) …') as an item's, and no paragraph number as one", () => {
    const c = parse(
      [
        'C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: FERRY QUESTIONS', '',
        '¶1. (C) The harbor board sent its questions.', '',
        'Q1. (C) Will the ferry run in winter?', 'A1. (U) Only on weekdays.', 'Q10. (S/NF) Does the board know the fares?', 'A123. (C) Not yet.',
        // No white space, no full stop, four digits, another letter, a small letter, a marking that names no level: prose.
        'Q2.(C) Fares.', 'Q2 (C) Fares.', 'Q1234. (C) Fares.', 'B10. (C) Fares.', 'q3. (C) Fares.', 'Q3. (EU) members asked.', '',
        '¶2. (C) Two.', '3. (C) Three.', 'SMITH',
      ].join('\n'),
    );
    assert.deepEqual(
      c.itemMarkings.map((m) => [m.label?.text, at(m.label?.range), m.portion.token.text, at(m.portion.token.range)]),
      [
        ['Q1.', '7:0-7:3', '(C)', '7:4-7:7'],
        ['A1.', '8:0-8:3', '(U)', '8:4-8:7'],
        ['Q10.', '9:0-9:4', '(S/NF)', '9:5-9:11'],
        ['A123.', '10:0-10:5', '(C)', '10:6-10:9'],
      ],
    );
    // The paragraphs keep their numbers and markings: "¶2." and "3." are no items, "Q1." and "Q10." no paragraphs.
    assert.deepEqual(c.paragraphs.map((p) => `${p.marker.text}:${p.portion?.token.text}`), ['¶1.:(C)', '¶2.:(C)', '3.:(C)']);
    // The SECRET answer is a spill above the CONFIDENTIAL banner, as a paragraph's would be.
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL030').map((f) => at(f.range)), ['9:5-9:11']);
  });

  it('reads a marking behind an invisible character (U+200B, U+200D, U+2060, a BOM) as it reads it without one, at its own place', () => {
    const c = parse(
      [
        'C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: \u200B(C) FERRY TALKS', '',
        '¶1. \u200B(C) The port raised three concerns.', '',
        '2. \u200D \u2060(S//NF) The minister said he would resign.', '',
        '¶3. Summary: \uFEFF(C) Fares will rise. End Summary.', '',
        '¶4. Ferry Fares', '', '\u200B(C) Owners want a hearing.', '', '-- \u200B(U) A second point.', '',
        '¶5. (C) Five.', 'SMITH',
      ].join('\n'),
    );
    assert.deepEqual(c.paragraphs.map((p) => [p.number, p.portion?.token.text ?? p.itemPortion?.token.text, at((p.portion ?? p.itemPortion)?.token.range)]), [
      [1, '(C)', '5:5-5:8'],
      [2, '(S//NF)', '7:6-7:13'],
      [3, '(C)', '9:14-9:17'],
      [4, '(C)', '13:1-13:4'],
      [5, '(C)', '17:4-17:7'],
    ]);
    assert.deepEqual(c.itemMarkings.map((m) => [m.label?.text, m.portion.token.text, at(m.portion.token.range)]), [
      [undefined, '(C)', '13:1-13:4'],
      ['--', '(U)', '15:4-15:7'],
    ]);
    assert.equal(c.subject?.portion?.token.text, '(C)');
    assert.equal(c.subject?.text, 'FERRY TALKS');
    // The model keeps every character: CBL035 reports each one, and CBL030 the SECRET paragraph above the banner, as without them.
    const findings = lintCable(c);
    assert.deepEqual(portionFindings(c), []);
    assert.deepEqual(findings.filter((f) => f.id === 'CBL035').map((f) => at(f.range)), ['3:9-3:10', '5:4-5:5', '7:3-7:4', '7:5-7:6', '9:13-9:14', '13:0-13:1', '15:3-15:4']);
    assert.deepEqual(findings.filter((f) => f.id === 'CBL030').map((f) => at(f.range)), ['7:6-7:13']);
  });
  it('reads a malformed marking on an item as a problem, and a prose parenthesis at a line\'s start as none', () => {
    const { cable, problems } = parseCable('S E C R E T NOWHERE 000001\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Points:\n-- (S/NOFRN) One.\n(C, D and E) are the options.\n(N/SF) Two.\n\n¶2. (S) Two.\nSMITH\n');
    assert.deepEqual(cable.itemMarkings.map((m) => [m.portion.token.text, m.portion.wellFormed]), [['(S/NOFRN)', false]]);
    assert.deepEqual(problems.filter((p) => p.rule === 'portion-marking-malformed').map((p) => `${at(p.range)} ${p.message}`), [
      "8:3-8:12 Portion marking '(S/NOFRN)' is not a known form such as (S), (C//NF) or (S/REL NATO).",
    ]);
  });
  it('does not ask for a marking on the Classified By line when it is numbered ("¶1. Classified by …")', () => {
    const c = parse('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. Classified by Ambassador Jane Roe. Reason: 1.4 (d)\n\n¶2. (C) Text.\n\n¶3. Unmarked text.\n');
    assert.equal(c.classifiedBy?.range.start.line, 5);
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2, 3]);
    assert.deepEqual(portionFindings(c), ['CBL028 9:0 Paragraph 3 has no portion marking.']);
  });
  it('reads headings of every style with their rules', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'OVERVIEW', '', '¶2. (U) Two.', '', 'Harbor Authority Requests', '-------------------------', '', '¶3. (U) Three.', '', '----', 'IRAN', '----', '', '¶4. (U) Four.', '', '//CUBAN RESOLUTION//', '', '¶5. (U) Five.', '', 'SUMMARY -------', '', '¶6. (U) Six.', '', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}`), ['plain:OVERVIEW', 'underlined:Harbor Authority Requests', 'boxed:IRAN', 'slashes:CUBAN RESOLUTION', 'dashed-inline:SUMMARY']);
    assert.equal(c.headings[2].rules.length, 2);
    assert.deepEqual(c.sections.map((s) => s.paragraphs.length), [1, 1, 1, 1, 1, 1]);
    assert.equal(c.paragraphs[4].heading, 3);
  });

  it('reads a dash rule broken by a space, as the release wraps long rules, as a rule line', () => {
    const broken = '--------------------------------------------- ------';
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary: One. End Summary.', '', broken, 'TALKS ON THE HARBOR', broken, '', '¶2. (U) Two.', '', 'Ferry Fares', broken, '¶3. (U) Three.', '', '-- (U) A dash item, no rule.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${h.rules.length}`), ['boxed:TALKS ON THE HARBOR:2', 'underlined:Ferry Fares:1']);
    assert.deepEqual(c.headings.map((h) => at(h.range)), ['7:0-9:52', '13:0-14:52']);
    assert.deepEqual(c.sections.map((s) => s.paragraphs.length), [1, 1, 1]);
  });

  it('reads a dash rule whose wrapped tail is one or two dashes ("------ -", "------ --") as a rule line, and an unmarked marker under it as a paragraph', () => {
    const c = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', 'Ferry Fares', '--------------------------------------------- --', '¶2. Two.', '', 'QUAYS', '--------------------------------------------- -', '', '¶3. (C) Three.', '', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${h.rules.length}`), ['underlined:Ferry Fares:1', 'underlined:QUAYS:1']);
    assert.deepEqual(c.paragraphs.map((p) => p.readAs), [1, 2, 3]);
    assert.deepEqual(lintCable(c).filter((f) => f.id === 'CBL028').map((f) => f.message), ['Paragraph 2 has no portion marking.']);
  });

  it('reads a boxed or underlined heading ending with an initialism ("THE U.S.") as a heading, and its "COMMENT --" as the opener of a Comment', () => {
    const rule = '------------------------------------';
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', rule, 'COMMENT -- WHAT THE FERRIES MEAN FOR THE U.S.', rule, '', '¶2. (U) Two.', '', 'Harbor Talks with the U.K.', '--------------------------', '', '¶3. (U) Three.', '', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}`), ['boxed:COMMENT -- WHAT THE FERRIES MEAN FOR THE U.S.', 'underlined:Harbor Talks with the U.K.']);
    assert.deepEqual(c.blockMarkers.map((m) => `${m.kind} ${m.role} ${at(m.token.range)}`), ['comment open 8:0-8:7']);
    // "etc." ends a sentence, and "Comment -- text" inside a paragraph opens a Comment, as before.
    const d = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'Fares, quays, ferries, etc.', '---------------------------', '', '¶2. (U) Comment -- The ferries run late.', '', 'DOE'].join('\n'));
    assert.deepEqual(d.headings.length, 0);
    assert.deepEqual(d.blockMarkers.map((m) => `${m.kind} ${m.role} ${at(m.token.range)}`), ['comment open 10:8-10:15']);
    // A heading opened after a label word or "Begin": the opener is its block's word, where it stands.
    for (const [heading, word] of [['Embassy Comment: Harbor Dues', 'Comment'], ['Post Comment -- Harbor Dues', 'Comment'], ['Begin Comment: Harbor Dues', 'Comment'], ['Department Note: Harbor Fees', 'Note']]) {
      const h = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', heading, '-'.repeat(heading.length), '', '¶2. (U) Two.', '', 'DOE'].join('\n'));
      assert.deepEqual(h.headings.map((x) => x.text.text), [heading]);
      const start = heading.indexOf(word);
      assert.deepEqual(h.blockMarkers.map((m) => `${m.role} ${m.token.text} ${at(m.token.range)}`), [`open ${word} 7:${start}-7:${start + word.length}`], heading);
    }
    // A paragraph's last line ending with "U.S." right above a boxed heading (the blank line between lost) is no underlined heading.
    const e = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry talks went on with', 'the U.S.', rule, 'QUAYS', rule, '', '¶2. (U) Two.', '', 'DOE'].join('\n'));
    assert.deepEqual(e.headings.map((h) => `${h.style}:${h.text.text}`), ['boxed:QUAYS']);
  });

  it('reads a long news-style title alone over its rule (up to 100 characters, 16 words) as a heading, and a long unruled line or a ruled sentence as none', () => {
    const title = 'Three Ferry Crews Walk Off the Job After the Harbor Board Cancels Their Pay Deal';
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', 'Summary', '-------', '', '¶1. One.', '', title, '----------', '', '¶2. Two.', '', '----------', title, '----------', '', '¶3. Three.', '', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}`), ['underlined:Summary', `underlined:${title}`, `boxed:${title}`]);
    assert.deepEqual(c.lineKinds.slice(10, 12), ['heading', 'rule']);
    assert.deepEqual(c.sections.map((s) => s.paragraphs.length), [1, 1, 1]);
    // Unruled, the same line is prose; ruled, a line ending like a sentence or running past 100 characters is no title.
    const d = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. One.', '', title, '', '¶2. Two.', '', `${title} today.`, '----------', '', '¶3. Three.', '', `${title} and Then Two More Crews Join the Strike`, '----------', '', '¶4. Four.', '', 'DOE'].join('\n'));
    assert.deepEqual(d.headings.length, 0);
  });

  it('reads a heading whose underline sits one blank line below it as underlined, and a rule that opens a boxed heading as no underline', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'HARBOR', ' ', '------', ' ', ' ', ' ', '¶2. (U) Two.', '', 'Ferry Fares', '', '-----------', '', '¶3. (U) Three.', '', 'The ferries run late.', '', '-----', 'QUAYS', '-----', '', '¶4. (U) Four.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${h.rules.length}`), ['underlined:HARBOR:1', 'underlined:Ferry Fares:1', 'boxed:QUAYS:2']);
    assert.deepEqual(c.headings.map((h) => at(h.range)), ['7:0-9:6', '15:0-17:11', '23:0-25:5']);
    assert.equal(c.lineKinds[21], 'text');
    assert.deepEqual(c.paragraphs.map((p) => p.heading), [undefined, 0, 1, 2]);
  });

  it('reads a line the release blanked, alone between blank lines, as blanked paragraphs and not a heading; under a rule line, as a heading whose words were blanked', () => {
    for (const blanked of ['XXXXXXXXXXXX', 'xxxxxxxxxxxx', 'XXXXXXXXXXXX XXXXXXXXXXXX']) {
      const c = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', 'THE HARBOR', '', '¶1. (S) One.', '', blanked, '', '¶5. (S) Five.', '', '------------', blanked, '------------', '', '¶9. (S) Nine.', '', 'DOE'].join('\n'));
      assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:THE HARBOR@5', `boxed:${blanked}@14`], blanked);
      assert.deepEqual(c.paragraphs.map((p) => p.heading), [0, 0, 1], blanked);
    }
  });

  it('reads a line opening with the word END, alone between blank lines over a paragraph, as no heading: a closer, in any case; a title opening with ENDGAME or END- as one', () => {
    for (const closer of ['END TALKING POINTS', 'End Talking Points', 'end text', 'END', 'END\tQUOTE', '   END OF POINTS']) {
      const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', 'THE HARBOR', '', '¶1. (U) The ferry board met on Tuesday.', '', closer, '', '¶2. (U) The fares will rise in the spring.', '', 'DOE'].join('\n'));
      assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:THE HARBOR@5'], closer);
      assert.equal(c.lineKinds[9], 'text', closer);
      assert.deepEqual(c.paragraphs.map((p) => p.heading), [0, 0], closer);
    }
    for (const title of ['ENDGAME AT THE HARBOR', 'END-USE CHECKS', 'Endless Ferry Talks']) {
      const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry board met on Tuesday.', '', title, '', '¶2. (U) The fares will rise in the spring.', '', 'DOE'].join('\n'));
      assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), [`plain:${title}@7`], title);
    }
  });

  it('reads a line opening with the word END as no heading under or between rules, with dashes or between slashes either: a closer in every heading style; ENDGAME and END- titles stay headings', () => {
    const closers: readonly (readonly string[])[] = [
      ['END TALKING POINTS', '------------------'],
      ['End Talking Points', '------------------'],
      ['------------------', 'END TEXT', '------------------'],
      ['-----', 'End', '-----'],
      ['END TEXT', '', '--------'],
      ['(U) END OF THE TALKS', '--------------------'],
      ['END OF THE', 'FERRY TALKS', '-----------'],
      ['END TEXT ------'],
      ['- - - END TEXT - - -'],
      ['//END TEXT//'],
      ['//END OF THE TALKS ON', 'THE FERRIES//'],
    ];
    for (const closer of closers) {
      const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', 'THE HARBOR', '', '¶1. (U) The ferry board met on Tuesday.', '', ...closer, '', '¶2. (U) The fares will rise in the spring.', '', 'DOE'].join('\n'));
      // The END line is no heading's, nor part of one ("FERRY TALKS" under "END OF THE" is a title of its own over its rule).
      const end = 9 + closer.findIndex((l) => /^\W*end\b/i.test(l));
      assert.deepEqual(c.headings.filter((h) => h.range.start.line <= end && end <= h.range.end.line).map((h) => h.text.text), [], closer.join(' / '));
      assert.equal(c.headings[0].text.text, 'THE HARBOR', closer.join(' / '));
    }
    for (const [title, style] of [[['ENDGAME AT THE HARBOR', '---------------------'], 'underlined'], [['-----', 'END-USE CHECKS', '-----'], 'boxed'], [['//ENDGAME AT THE HARBOR//'], 'slashes'], [['ENDLESS TALKS ------'], 'dashed-inline']] as const) {
      const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry board met on Tuesday.', '', ...title, '', '¶2. (U) The fares will rise in the spring.', '', 'DOE'].join('\n'));
      assert.deepEqual(c.headings.map((h) => h.style), [style], title.join(' / '));
    }
  });

  it('passes over a page line under a heading or between it and its rule line, in every heading style, as over a page line anywhere in the body', () => {
    // "Ferries and Fares" ⏎ page line ⏎ rule: the shape of a real cable, whose heading was read as the last line of the paragraph above.
    const c = parse([
      'UNCLAS NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '',
      '¶1. (U) The ferry crews returned to work after the holiday.', 'Ferries and Fares', 'NOWHERE 00000042 002 OF 006', '-----------------', '¶2. (U) Two.', '',
      '-----', 'NOWHERE 00000042 003 OF 006', 'QUAYS', '-----', '', '¶3. (U) Three.', '',
      '------', 'HARBOR', 'NOWHERE 00000042 004 OF 006', '------', '', '¶4. (U) Four.', '',
      'OVERVIEW', 'NOWHERE 00000042 005 OF 006', '', '¶5. (U) The talks went well for both sides.', 'DETAINEES', 'NOWHERE 00000042 006 OF 006', '', '¶6. (U) Six.', '',
      'Ferry Schedules', 'PAGE 02 NOWHERE 00042 01 OF 02 031200Z', '---------------', '¶7. (U) Seven.', '',
      'Quay Fees', ' ', 'NOWHERE 00000042 007 OF 007', '---------', '', '¶8. (U) Eight.', '', 'DOE',
    ].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${at(h.range)}:${h.rules.map(at).join(',')}`), [
      'underlined:Ferries and Fares:6:0-8:17:8:0-8:17',
      'boxed:QUAYS:11:0-14:5:11:0-11:5,14:0-14:5',
      'boxed:HARBOR:18:0-21:6:18:0-18:6,21:0-21:6',
      'plain:OVERVIEW:25:0-25:8:',
      'plain:DETAINEES:29:0-29:9:',
      'underlined:Ferry Schedules:34:0-36:15:36:0-36:15',
      'underlined:Quay Fees:39:0-42:9:42:0-42:9',
    ]);
    // The paragraph above the heading ends before it, each paragraph sits under its heading, and the page lines stay page lines.
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${at(p.range)}:${p.heading}`), ['1:5:0-5:59:undefined', '2:9:0-9:12:0', '3:16:0-16:14:1', '4:23:0-23:13:2', '5:28:0-28:43:3', '6:32:0-32:12:4', '7:37:0-37:14:5', '8:44:0-44:14:6']);
    assert.deepEqual([7, 12, 20, 26, 30, 35, 41].map((k) => c.lineKinds[k]), ['page', 'page', 'page', 'page', 'page', 'page', 'page']);
    assert.deepEqual(c.sections.map((s) => s.paragraphs.length), [1, 1, 1, 1, 1, 1, 1, 1]);
    // Prose over a page line is still prose: a wrapped line, and a paragraph's last line over a page line and a rule line that opens a boxed heading.
    const d = parse(['UNCLAS NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry crews returned to work after', 'the holiday, the board said on', 'NOWHERE 00000042 002 OF 002', 'Monday.', '', '¶2. (U) The ferries run late.', 'NOWHERE 00000042 002 OF 002', '-----', 'QUAYS', '-----', '', '¶3. (U) Three.', '', 'DOE'].join('\n'));
    assert.deepEqual(d.headings.map((h) => `${h.style}:${h.text.text}`), ['boxed:QUAYS']);
    assert.deepEqual(d.paragraphs.map((p) => at(p.range)), ['5:0-8:7', '10:0-10:29', '16:0-16:14']);
  });

  it('reads a page line a character of its numbers damaged as a page break, never a title\'s first line nor a paragraph\'s line', () => {
    const cable = (page: string) => ['UNCLAS NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry crews returned to work after', 'the holiday, the board said on', page, 'Monday.', '', page, '', 'NEXT STEPS', '----------', '', '¶2. (U) Two.', '', 'DOE'].join('\n');
    for (const page of ['NOWHERE 0000O042 002 OF 003', 'NOWHERE 0000#042 002 OF 003', 'NOWHERE 00,00042 002 OF 003', 'NOWHERE 000.0042 002 OF 003', 'NOWHERE 00000042 OO2 OF 003', 'NOWHERE 00000042 002 0F 003', 'NOWHERE 0000042 002 OF 003', 'RIO DE JAN 0000O042 002.2 OF 003']) {
      const c = parse(cable(page));
      // The title is its own line, not the page line over it; the paragraph runs on over the page line to "Monday.".
      assert.deepEqual(c.headings.map((h) => `${h.text.text}:${h.lead?.text}`), ['NEXT STEPS:undefined'], page);
      assert.deepEqual([c.lineKinds[7], c.lineKinds[10], c.paragraphs.map((p) => at(p.range))], ['page', 'page', ['5:0-8:7', '15:0-15:12']], page);
    }
    // Prose that ends with numbers, and a page line with three characters damaged, are no page lines.
    for (const text of ['NOWHERE 0OOO0042 002 OF 003', 'The vote was 00000042 002 OF 003', 'NOWHERE 00000042 002 TO 003']) {
      assert.notEqual(parse(cable(text)).lineKinds[10], 'page', text);
    }
  });

  it('reads the numbers of a page line a character of its numbers damaged where the damage leaves them readable', () => {
    const cable = (page: string) => ['UNCLAS NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry crews returned to work after', 'the holiday, the board said on', page, 'Monday.', '', '¶2. (U) Two.', '', 'DOE'].join('\n');
    const read = (n: NumberToken | undefined) => (n ? `${n.text}=${n.value}@${at(n.range)}` : '-');
    const rows = ['NOWHERE 0000O042 002 OF 003', 'NOWHERE 0000#042 002 OF 003', 'NOWHERE 00000042 OO2 OF 003', 'NOWHERE 00000042 0#2 0F 003', 'NOWHERE 0000042 002 OF 0l3', 'RIO DE JAN 0000O042 002.2 OF 003'].map((page) => {
      const [p] = parse(cable(page)).pageLines;
      return [p.post.text, read(p.serial), read(p.page), p.subpage, read(p.total), p.damaged, at(p.token.range)];
    });
    assert.deepEqual(rows, [
      ['NOWHERE', '0000O042=42@7:8-7:16', '002=2@7:17-7:20', undefined, '003=3@7:24-7:27', true, '7:0-7:27'],
      ['NOWHERE', '-', '002=2@7:17-7:20', undefined, '003=3@7:24-7:27', true, '7:0-7:27'],
      ['NOWHERE', '00000042=42@7:8-7:16', 'OO2=2@7:17-7:20', undefined, '003=3@7:24-7:27', true, '7:0-7:27'],
      ['NOWHERE', '00000042=42@7:8-7:16', '-', undefined, '003=3@7:24-7:27', true, '7:0-7:27'],
      ['NOWHERE', '0000042=42@7:8-7:15', '002=2@7:16-7:19', undefined, '0l3=13@7:23-7:26', true, '7:0-7:26'],
      ['RIO DE JAN', '0000O042=42@7:11-7:19', '002=2@7:20-7:23', 2, '003=3@7:29-7:32', true, '7:0-7:32'],
    ]);
    // A page line the pattern reads is no damaged one.
    assert.equal(parse(cable('NOWHERE 00000042 002 OF 003')).pageLines[0].damaged, undefined);
  });

  it('passes over a page line above a heading, as over one under it: a blank line or a sentence\'s end above the page line', () => {
    const c = parse([
      'UNCLAS NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '',
      '¶1. (U) The talks ended.', '', 'NOWHERE 00000042 002 OF 005', 'Ferry Fares', '', '¶2. (U) Two.', '',
      '¶3. (U) The ferries run late.', 'NOWHERE 00000042 003 OF 005', 'DETAINEES', '', '¶4. (U) Four.', '',
      '¶5. (U) The ferry board met the pilots, the harbor master and the mayor on Monday and agreed to lower the fares for the summer.', 'NOWHERE 00000042 004 OF 005', 'Changing Mindsets', '', '¶6. (U) Six.', '',
      '¶7. (U) The quays are old.', '', 'NOWHERE 00000042 005 OF 005', 'Relations with the U.S.', '-----------------------', '¶8. (U) Eight.', '', 'DOE',
    ].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${at(h.range)}`), ['plain:Ferry Fares:8:0-8:11', 'plain:DETAINEES:14:0-14:9', 'plain:Changing Mindsets:20:0-20:17', 'underlined:Relations with the U.S.:27:0-28:23']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${at(p.range)}:${p.heading}`), ['1:5:0-5:24:undefined', '2:10:0-10:12:0', '3:12:0-12:29:0', '4:16:0-16:13:1', '5:18:0-18:127:1', '6:22:0-22:12:2', '7:24:0-24:26:2', '8:29:0-29:14:3']);
    // A wrapped line under a page line is still prose: no sentence ends above the page line.
    const d = parse(['UNCLAS NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The ferry crews returned to work after', 'NOWHERE 00000042 002 OF 002', 'The Holiday', '', '¶2. (U) Two.', 'DOE'].join('\n'));
    assert.deepEqual(d.headings, []);
  });

  it('reads a short line in capitals right under a sentence\'s end, before a blank line and a paragraph, as a heading; not a wrapped word, a name after "Mr.", a redaction or the signature', () => {
    const c = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶5. (C) The minister said the ferry talks went well for both sides.', 'DETAINEES', '', '¶6. (S) The harbor master spoke of the U.S.', 'FERRY TALKS', '', '¶7. (S) He named the ship as the', 'MARLIN.', '', '¶8. (S) The talks were led by Mr.', 'SMITH', '', '¶9. (S) The source was XXXXXXXXXXXX', 'XXXXXXXXXXXX', '', '¶10. (S) The talks ended.', 'END COMMENT', '', '¶11. (S) All went well.', 'JONES'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:DETAINEES@6', 'plain:FERRY TALKS@9']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${at(p.range)}`).slice(0, 2), ['5:5:0-5:67', '6:8:0-8:43']);
    assert.deepEqual(c.paragraphs.map((p) => p.heading), [undefined, 0, 1, 1, 1, 1, 1]);
    assert.equal(c.signature?.token.text, 'JONES');
  });

  it('reads a short title right under a paragraph written on one line, before a blank or continuation-page line and a paragraph, as a heading', () => {
    // Paragraphs on one line (over 100 characters) are never wrapped, so the short line under one is no wrapped text.
    const tail = ' The ferry board met on Monday and agreed to raise fares for cars and lorries on every crossing of the bay.';
    const c = parse(['C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', `¶1. (C) Harbor talks.${tail}`, '', `¶2. (C) The port reopened.${tail}`, 'Ferry Fares and Harbor Dues', 'NOWHERE 00000001 002 OF 002', '', `¶3. (C) The minister spoke.${tail}`, '', `¶4. (C) The pilots returned.${tail}`, 'Changing Tides', '', `¶5. (C) Ships waited.${tail}`, 'End Comment', '', `¶6. (C) Boats came.${tail}`, 'Dock Workers Said', 'they would strike.', '', '¶7. (C) The board met.', 'Harbor Fees', '', `¶8. (C) The harbor master said the ferry board had not yet met and that the fares would stay as they are until`, 'Monday Next', '', '¶9. (C) Fares rose.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:Ferry Fares and Harbor Dues@8', 'plain:Changing Tides@14']);
    assert.deepEqual(c.paragraphs.slice(0, 5).map((p) => `${p.number}:${at(p.range)}:${p.heading}`), ['1:5:0-5:128:undefined', '2:7:0-7:133:undefined', '3:11:0-11:134:0', '4:13:0-13:135:0', '5:16:0-17:11:1']);
    // Not a closer ("End Comment"), a line that text follows, a title under a wrapped line, nor one under a sentence left open.
    assert.deepEqual(['End Comment', 'Dock Workers Said', 'Harbor Fees', 'Monday Next'].map((t) => c.lineKinds[c.lines.indexOf(t)]), ['text', 'text', 'text', 'text']);
  });

  it('reads a line that closes a parenthesis it never opened ("March. End note.)") after a page break as the paragraph\'s text, not a heading', () => {
    const c = parse(['C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) The harbor master met us on Monday and spoke of the', 'ferry fares. (Note: He later told the press that the board would meet in', '', 'NOWHERE 00000001 002 OF 002', '', '', 'March. End note.)', '', '¶2. (C) The pilots returned to work.', '', 'Ferry Fares (Part 2)', '', '¶3. (C) Fares rose.', 'DOE'].join('\n'));
    // A heading whose own parenthesis closes it stays one.
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:Ferry Fares (Part 2)@15']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}:${p.heading}`), ['1:5-11:undefined', '2:13-13:undefined', '3:17-17:0']);
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.range.start.line}-${b.range.end.line}:${b.close ? 'closed' : 'open'}`), ['note:6-11:closed']);
  });

  it('runs a title paragraph with an underlined title ("¶5. Harbor Finance Issues" over a rule) over the items under it', () => {
    const c = parse(['S E C R E T NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶4. (S) The talks went well.', '', '¶5. Harbor Finance Issues', '-------------------------', '', '¶A. (S) Concern: the ferry board owes the bank.', '', '(S) Response: the board will pay.', '', '¶6. Ferry Issues', '----------------', '', '¶A. (S) Concern: fares.', '', '¶7. Quay Repairs', '----------------', 'QUAYS', '-----', '', '¶8. (S) The quays need work.', 'DOE'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['4:5-5', '5:7-12', '6:14-17', '7:19-19', '8:24-24']);
    // The rule that opens a boxed heading under a title still ends the paragraph.
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}`), ['boxed:QUAYS']);
  });

  it('runs a block that a heading opens and nothing closes over the heading\'s section, and over its paragraph one opened in text', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'SUMMARY', '-------', '', '¶2. (U) Two.', '', '¶3. (U) Three.', '', 'FERRIES', '-------', '', '¶4. (U) Four. Comment: We agree.', '', 'COMMENT', '-------', '', '¶5. (U) Five.', '', '¶6. (U) Six.', 'DOE'].join('\n'));
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${at(b.range)}:${b.close ? 'closed' : 'open'}`), ['summary:7:0-12:14:open', 'comment:17:14-17:32:open', 'comment:19:0-24:12:open']);
    // A heading with no paragraph under it keeps its own line; one closed keeps its closer.
    const bare = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'SUMMARY', '-------', '', 'FERRIES', '-------', '', '¶2. (U) Two. End Summary.', 'DOE'].join('\n'));
    assert.deepEqual(bare.blocks.map((b) => `${b.kind}:${at(b.range)}`), ['summary:7:0-13:24']);
  });

  it('reads a title wrapped over two lines above its rule as one heading, boxed or underlined', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', '-----------------------------------------', 'Ferry Fares: The Harbor Board Looks at a Rise', 'for the Summer', '-----------------------------------------', '', '¶2. (U) Two.', '', 'Pilots and Port Workers Who Went on Strike', 'in May', '--------------------', '', '¶3. (U) Three.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), ['boxed:Ferry Fares: The Harbor Board Looks at a Rise|for the Summer:7:0-10:41', 'underlined:Pilots and Port Workers Who Went on Strike|in May:14:0-16:20']);
    assert.deepEqual([c.lineKinds[8], c.lineKinds[9], c.lineKinds[14], c.lineKinds[15]], ['heading', 'heading', 'heading', 'heading']);
    assert.deepEqual(c.sections.map((s) => s.paragraphs.length), [1, 1, 1]);
    // Rules wrapped so that their last dash falls on a line of its own ("- - - … -" ⏎ "-") frame the title too.
    const wrapped = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', '- - - - - - - - - - - - - - - - - - - - - - -', '-', 'Ferry Fares: The Harbor Board Looks at a Rise', 'for the Summer', '- - - - - - - - - - - - - - - - - - - - - - -', '-', '', '¶2. (U) Two.', 'DOE'].join('\n'));
    assert.deepEqual(wrapped.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}`), ['boxed:Ferry Fares: The Harbor Board Looks at a Rise|for the Summer']);
    assert.deepEqual([wrapped.lineKinds[8], wrapped.lineKinds[12]], ['rule', 'rule']);
    assert.deepEqual(wrapped.sections.map((s) => s.paragraphs.length), [1, 1]);
    // A rule of spaced dashes with one dash typed twice among them ("- - -- - -") underlines its title as one without it does.
    const doubled = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'Harbor Pilots Ask for a Night Allowance', '- - - - - - - - - -- - - - - - - - -', '', '¶2. (U) Two.', 'DOE'].join('\n'));
    assert.deepEqual(doubled.headings.map((h) => `${h.style}:${h.text.text}:${at(h.range)}`), ['underlined:Harbor Pilots Ask for a Night Allowance:7:0-8:36']);
    assert.deepEqual(doubled.sections.map((s) => s.paragraphs.length), [1, 1]);
    // A sentence above an underlined heading stays text: it ends with a full stop.
    const prose = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'The board met on Monday.', 'Ferry Fares', '-----------', '', '¶2. (U) Two.', 'DOE'].join('\n'));
    assert.deepEqual(prose.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|Ferry Fares']);
    // A blanked line right above the title, with the paragraphs around it in sequence, is the title's first line, whose words the
    // release blanked (its rule is as long as that line was): no paragraph is missing for it to stand for.
    const blanked = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.', '', 'xxxxxxxxxxxx', 'Ferry Pilots Still Cross at Night', '--------------------------------------- -----', '', '¶2. (S) Two.', 'DOE'].join('\n'));
    assert.deepEqual(blanked.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), ['underlined:xxxxxxxxxxxx|Ferry Pilots Still Cross at Night:7:0-9:45']);
  });

  it('reads a title wrapped over two lines in a double-spaced copy ("HARBOR WORK:" ⏎ "" ⏎ "FERRIES, PIERS" ⏎ "" ⏎ rule) as one heading, which ends the paragraph above', () => {
    const lines = ['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One. End Summary.', '', '', 'POSSIBLE HARBOR WORK:', '', 'FERRIES, PIERS AND QUAYS', '', '------------------------', '', '¶2. (S) Two.', '', 'PILOTS', '', '------', '', '¶3. (S) Three.', 'DOE'];
    const c = parse(lines.join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), ['underlined:POSSIBLE HARBOR WORK:|FERRIES, PIERS AND QUAYS:8:0-12:24', 'underlined:|PILOTS:16:0-18:6']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-5', '2:14-14', '3:20-20']);
    assert.deepEqual([c.lineKinds[8], c.lineKinds[9], c.lineKinds[10]], ['heading', 'blank', 'heading']);
    // A sentence two lines above stays the paragraph's, and so does a line that opens a block ("COMMENT").
    for (const above of ['The board met on Monday.', 'COMMENT']) {
      const d = parse(lines.map((l, k) => (k === 8 ? above : l)).join('\n'));
      assert.deepEqual(d.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`).slice(0, 1), ['|FERRIES, PIERS AND QUAYS'], above);
    }
    // A line right under the paragraph (no blank line between) is its last line, not a title's.
    const tight = parse(lines.filter((_, k) => k !== 6 && k !== 7).join('\n'));
    assert.deepEqual(tight.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`).slice(0, 1), ['|FERRIES, PIERS AND QUAYS']);
  });

  // 10BRUSSELS183's shape: paragraph 1 (`prose`) on line 5, right under it a title in capitals wrapped over two lines with a
  // blank line between them (6 and 8) over its rule (9), and paragraph 2 (`two`) on line 11.
  const wrappedTitle = (prose: string, two: string) => ['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', prose, 'RAISING FERRY FARES TO MEET THE HARBOR', '', 'CHALLENGE', '---------', '', two, 'DOE'];
  // The title read as one heading, its first line no longer paragraph 1's text.
  const assertWrappedTitle = (c: Cable) => {
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), ['underlined:RAISING FERRY FARES TO MEET THE HARBOR|CHALLENGE:6:0-9:9']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-5', '2:11-11']);
  };
  // With line 5 `above` and line 6 `lead`, no first line: "CHALLENGE" is a title alone.
  const assertTitleAlone = (lines: readonly string[], above: string, lead: string) => {
    const c = parse(lines.map((l, k) => (k === 5 ? above : k === 6 ? lead : l)).join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|CHALLENGE'], lead);
  };

  it('reads a title in capitals wrapped over two lines with a blank line between them, right over its rule, as one heading (10BRUSSELS183\'s shape)', () => {
    const prose = '¶1. (C) The harbor master met the ferry crews on the quay and heard their demands for higher fares, which the board will weigh this spring.';
    const lines = wrappedTitle(prose, '¶2. (C) Two.');
    const c = parse(lines.join('\n'));
    assertWrappedTitle(c);
    assert.deepEqual(c.lineKinds.slice(6, 10), ['heading', 'blank', 'heading', 'rule']);
    // With a blank line above it too.
    const spaced = parse([...lines.slice(0, 6), '', ...lines.slice(6)].join('\n'));
    assert.deepEqual(spaced.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['RAISING FERRY FARES TO MEET THE HARBOR|CHALLENGE']);
    // Not a line in mixed case, a sentence's end, a closer, a line under a line that ends no sentence, nor one in a text all in capitals.
    for (const [above, lead] of [
      [prose, 'Raising ferry fares to meet the harbor'],
      [prose, 'THE BOARD WILL MEET IN MAY.'],
      ['¶1. (C) The harbor master met the crews. End Summary.', 'END SUMMARY'],
      ['¶1. (C) The harbor master met the ferry crews on the', 'QUAY AND HEARD THEIR DEMANDS'],
      ['¶1. (C) THE HARBOR MASTER MET THE FERRY CREWS ON THE QUAY.', 'THE BOARD WILL MEET IN MAY'],
      ['¶1. (C) The harbor master met Mr.', 'SMITH AND THE CREWS'],
      // A page line a damaged copy left unread.
      [prose, 'NOWHERE 00000001 002 OF\u0000 003'],
    ]) {
      assertTitleAlone(lines, above, lead);
    }
    // A caption over a block's opening title, a blank line above it, is neither's first line: "SUMMARY" is a title alone.
    const caption = parse([...lines.slice(0, 5), '', 'SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY', '', 'SUMMARY', '-------', '', '¶1. (SBU) One.', 'DOE'].join('\n'));
    assert.deepEqual(caption.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|SUMMARY']);
    const opener = parse([...lines.slice(0, 5), '', 'HARBOR TALKS', '', 'SUMMARY', '-------', '', '¶1. (SBU) One.', 'DOE'].join('\n'));
    assert.deepEqual(opener.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|SUMMARY']);
    // A first line opened by a portion marking is one too, its words read after the marking, which stays the line's marking;
    // the title's ending marking is the heading's, so that both are kept (CBL029 weighs them).
    const marked = parse(lines.map((l, k) => (k === 6 ? '(C) RAISING FERRY FARES TO MEET THE HARBOR' : k === 8 ? 'CHALLENGE (S)' : k === 9 ? '-------------' : l)).join('\n'));
    assert.deepEqual(marked.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}|${h.marking?.token.text}:${at(h.range)}`), ['(C) RAISING FERRY FARES TO MEET THE HARBOR|CHALLENGE|(S):6:0-9:13']);
    assert.deepEqual(marked.itemMarkings.map((m) => [m.portion.token.text, at(m.portion.token.range)]), [['(C)', '6:0-6:3']]);
    assert.deepEqual(marked.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-5', '2:11-11']);
    // After a marking, a caption, a block's opener or closer and a blanked line are still no first line.
    for (const lead of ['(U) SENSITIVE BUT UNCLASSIFIED', '(C) END SUMMARY', '(C) COMMENT', '(C) XXXXXXXXXXXX']) {
      const d = parse([...lines.slice(0, 5), '', lead, '', 'CHALLENGE', '---------', '', '¶1. (C) One.', 'DOE'].join('\n'));
      assert.deepEqual(d.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|CHALLENGE'], lead);
    }
  });

  it('reads the same title in a copy all in capitals as one heading under a paragraph written on one line, not under a wrapped line (10BRUSSELS183 in capitals)', () => {
    // A paragraph on one line (over 100 characters) is never wrapped: the line of capitals under its sentence's end is no line of it.
    const prose = '¶1. (C) THE HARBOR MASTER MET THE FERRY CREWS ON THE QUAY AND HEARD THEIR DEMANDS FOR HIGHER FARES, WHICH THE BOARD WILL WEIGH THIS SPRING.';
    const lines = wrappedTitle(prose, '¶2. (C) TWO.');
    assertWrappedTitle(parse(lines.join('\n')));
    // Its neighbour: under a wrapped line in capitals (70 characters at most) the line may be the paragraph's, which it stays.
    const wrapped = ['¶1. (C) THE HARBOR MASTER MET THE FERRY CREWS ON THE QUAY AND HEARD', 'THEIR DEMANDS FOR HIGHER FARES. THE BOARD WILL WEIGH THEM.'];
    const d = parse([...lines.slice(0, 5), ...wrapped, ...lines.slice(6)].join('\n'));
    assert.deepEqual(d.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|CHALLENGE']);
    assert.deepEqual(d.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-7', '2:12-12']);
    // Nor is a sentence's end under the long line a title's first line, nor a line under a long line that ends no sentence.
    for (const [above, lead] of [
      [prose, 'THE BOARD WILL MEET IN MAY.'],
      [prose.slice(0, -1) + ' AND', 'THE BOARD WILL MEET IN MAY'],
      [prose, 'END SUMMARY'],
    ]) {
      assertTitleAlone(lines, above, lead);
    }
  });

  it('reads no heading in capitals over a list whose items stand right under it; one with a blank line and a paragraph under it is a heading (09ISLAMABAD2185\'s shape)', () => {
    // "… AS FOLLOWS:" ⏎ "" ⏎ "NEAR TERM:" ⏎ "-- …" ⏎ "" ⏎ "LATER STEPS" ⏎ "-- …": captions of the paragraph's list, no section's title.
    const lines = ['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) THE HARBOR BOARD PROPOSES TO MEND THE QUAYS IN THREE STEPS AS FOLLOWS:', '', 'NEAR TERM:', '-- PILOTS: ASK THE PILOTS TO KEEP THE NIGHT CROSSINGS.', '-- FARES: HOLD THE FARES WHERE THEY ARE.', '', 'LATER STEPS', '-- QUAYS: MEND THE NORTH QUAY.', '', 'LAST STEPS', '-- PIERS: BUILD A NEW PIER.', '', '¶2. (S) COMMENT: THE BOARD MEANS IT.', 'DOE'];
    const c = parse(lines.join('\n'));
    assert.deepEqual(c.headings, []);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-15', '2:17-17']);
    assert.deepEqual([c.lineKinds[11], c.lineKinds[14]], ['text', 'text']);
    // The true heading beside it: the same line with a blank line and a paragraph under it.
    const titled = parse([...lines.slice(0, 11), 'LATER STEPS', '', '¶2. (S) THE QUAYS WILL BE MENDED.', 'DOE'].join('\n'));
    assert.deepEqual(titled.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:LATER STEPS@11']);
  });

  it('reads no heading in capitals in a document a paragraph quotes with its own numbers, right over the next item; one over the cable\'s next paragraph is a heading (09BEIJING1582\'s shape)', () => {
    // The quoted document numbers its items from 1 again inside paragraph 2: they are its text, and so is the title between them.
    const item = (n: string) => `${n}. THE HARBOR BOARD AND THE FERRY OWNERS AGREE TO SHARE WHAT THEY KNOW OF THE BAY'S TIDES AND CURRENTS.`;
    const lines = ['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) THE BOARD PUBLISHED ITS PLAN.', '', '¶2. (U) THE PLAN READS:', '', `¶${item('1')}`, '', item('2'), 'PART II: FARES AND DUES', '', `¶${item('3')}`, 'DOE'];
    const c = parse(lines.join('\n'));
    assert.deepEqual(c.headings, []);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-5', '2:7-14']);
    // The true heading beside it: the same title over the cable's own next paragraph.
    const own = parse([...lines.slice(0, 7), `¶${item('2')}`, 'PART II: FARES AND DUES', '', `¶${item('3')}`, 'DOE'].join('\n'));
    assert.deepEqual(own.headings.map((h) => `${h.style}:${h.text.text}@${h.text.range.start.line}`), ['plain:PART II: FARES AND DUES@8']);
    assert.deepEqual(own.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}:${p.heading}`), ['1:5-5:undefined', '2:7-7:undefined', '3:10-10:0']);
  });

  it('reads a marking that ends a heading\'s words ("BACKGROUND (U)") as the heading\'s marking, not its text', () => {
    const lines = ['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', 'BACKGROUND (U)', '--------------', '', '¶2. (U) The pier closed in May.', '', 'Harbor Talks (C/NF)', '', '¶3. (C) The crews asked for higher fares and will meet the harbor board again next week.', '', 'RAISING FERRY FARES TO MEET THE HARBOR', '', 'CHALLENGE (C)', '-------------', '', '¶4. (C) Four.', 'DOE'];
    const c = parse(lines.join('\n'));
    assert.deepEqual(c.headings.map((h) => [h.style, h.lead?.text, h.text.text, at(h.text.range), h.marking?.token.text, h.marking?.level, h.marking?.controls, at(h.marking?.token.range)]), [
      ['underlined', undefined, 'BACKGROUND', '7:0-7:10', '(U)', 'UNCLASSIFIED', [], '7:11-7:14'],
      ['plain', undefined, 'Harbor Talks', '12:0-12:12', '(C/NF)', 'CONFIDENTIAL', ['NF'], '12:13-12:19'],
      ['underlined', 'RAISING FERRY FARES TO MEET THE HARBOR', 'CHALLENGE', '18:0-18:9', '(C)', 'CONFIDENTIAL', [], '18:10-18:13'],
    ]);
    // The heading's range still spans the marking.
    assert.equal(at(c.headings[0].range), '7:0-8:14');
    // An item's letter, prose in parentheses, a marking glued to the word and one not well formed stay the heading's words.
    for (const title of ['HARBOR TALKS: ANNEX (C)', 'IRAN (PART 2)', 'FERRY FARES(C)', 'FERRY FARES (C/NOFRN)', 'OPTIONS (A) AND (C)']) {
      const d = parse(lines.map((l, k) => (k === 7 ? title : k === 8 ? '-'.repeat(title.length) : l)).join('\n'));
      assert.deepEqual([d.headings[0].text.text, d.headings[0].marking], [title, undefined], title);
    }
  });

  it('reads the marking that ends a heading\'s title after one that opens it ("(C) BACKGROUND (S)"): both are read, the first as a line\'s', () => {
    const lines = ['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', '(C) HARBOR PATROLS (S)', '----------------------', '', '¶2. (U) The pier closed in May.', '', '(U) Ferry Fares (C/NF)', '----------------------', '', '¶3. (C) Three.', 'DOE'];
    const c = parse(lines.join('\n'));
    assert.deepEqual(c.headings.map((h) => [h.style, h.text.text, at(h.text.range), h.marking?.token.text, h.marking?.level, h.marking?.controls, at(h.marking?.token.range)]), [
      ['underlined', '(C) HARBOR PATROLS', '7:0-7:18', '(S)', 'SECRET', [], '7:19-7:22'],
      ['underlined', '(U) Ferry Fares', '12:0-12:15', '(C/NF)', 'CONFIDENTIAL', ['NF'], '12:16-12:22'],
    ]);
    // The opening markings stay the markings that open those lines, as a title marked at its start alone has.
    assert.deepEqual(c.itemMarkings.map((m) => [m.portion.token.text, at(m.portion.token.range)]), [['(C)', '7:0-7:3'], ['(U)', '12:0-12:3']]);
    // After an opening marking, an item's letter and prose in parentheses still stay the title's words.
    for (const title of ['(C) HARBOR TALKS: ANNEX (C)', '(C) IRAN (PART 2)', '(C) OPTIONS (A) AND (C)']) {
      const d = parse(lines.map((l, k) => (k === 7 ? title : k === 8 ? '-'.repeat(title.length) : l)).join('\n'));
      assert.deepEqual([d.headings[0]?.text.text, d.headings[0]?.marking], [title, undefined], title);
    }
  });

  it('reads a title between slashes wrapped over two lines as one heading ("//LOOKING AHEAD - TALKS LIKELY TO GO ON INTO" ⏎ "THE SUMMER//")', () => {
    const c = parse(['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', '//FERRIES//', '', '¶2. (C) Two.', '', '//LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO', 'THE SUMMER//', '', '¶3. (C) Three.', '', '¶4. (C) Four.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), ['slashes:|FERRIES:7:0-7:11', 'slashes:LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO|THE SUMMER:11:0-12:12']);
    assert.deepEqual(c.lineKinds.slice(11, 13), ['heading', 'heading']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.end.line}:${p.heading ?? '-'}`), ['1:5:-', '2:9:0', '3:14:1', '4:16:1']);
    // Slashes that open a line of a paragraph's text, or a second line that runs on into text, make no heading.
    const prose = parse(['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) The board said:', '//the harbor is closed', 'until May//', '¶2. (C) Two.', '', '//HARBOR TALKS', 'IN MAY//', 'the board said.', '', '¶3. (C) Three.', 'DOE'].join('\n'));
    assert.deepEqual(prose.headings, []);
  });

  it('reads the markings of a title between slashes as a plain title\'s ("//(C) LOOKING AHEAD (S/NF)//"), on one line or wrapped (marks58)', () => {
    const lines = ['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', '//(C) LOOKING AHEAD (S/NF)//', '', '¶2. (C) Two.', '', '//(U) FERRIES//', '', '¶3. (C) Three.', '', '// (S) LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO', 'THE SUMMER (C)//', '', '¶4. (C) Four.', '', '//PIERS (S)//', '', '¶5. (C) Five.', 'DOE'];
    const c = parse(lines.join('\n'));
    // The ending marking is the heading's, out of its words; the opening one stays in them (or the wrapped title's lead).
    assert.deepEqual(c.headings.map((h) => [h.style, h.lead?.text, h.text.text, at(h.text.range), h.marking?.token.text, h.marking?.level, h.marking?.controls, at(h.marking?.token.range)]), [
      ['slashes', undefined, '(C) LOOKING AHEAD', '7:2-7:19', '(S/NF)', 'SECRET', ['NF'], '7:20-7:26'],
      ['slashes', undefined, '(U) FERRIES', '11:2-11:13', undefined, undefined, undefined, 'none'],
      ['slashes', '(S) LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO', 'THE SUMMER', '16:0-16:10', '(C)', 'CONFIDENTIAL', [], '16:11-16:14'],
      ['slashes', undefined, 'PIERS', '20:2-20:7', '(S)', 'SECRET', [], '20:8-20:11'],
    ]);
    // The opening ones are the markings that open those titles, in text order among the others.
    assert.deepEqual(c.itemMarkings.map((m) => [m.portion.token.text, at(m.portion.token.range)]), [['(C)', '7:2-7:5'], ['(U)', '11:2-11:5'], ['(S)', '15:3-15:6']]);
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5]);
    // An item's letter, prose in parentheses and a list's letter stay the words; a title that is prose in parentheses opens with no marking.
    // Nor is a marking with no white space after it, or one not in capitals (`OPENING_MARKING`), as "(S/he said)".
    for (const title of ['//HARBOR TALKS: ANNEX (C)//', '//IRAN (PART 2)//', '//(EU) FERRY FARES//', '//(A) FERRY FARES//', '//(C)\u0000FERRY FARES//', '//(S//REL TO USA, GBR)FERRY FARES//', '//(S/he said) FERRY FARES//']) {
      const d = parse(lines.map((l, k) => (k === 7 ? title : l)).join('\n'));
      assert.deepEqual([d.headings[0].text.text, d.headings[0].marking, d.itemMarkings.filter((m) => m.portion.token.range.start.line === 7)], [title.slice(2, -2), undefined, []], title);
    }
  });

  it('reads the markings of a title between slashes in the forms a plain title\'s opening one is not read in ("//(S//REL TO USA, GBR) LOOKING AHEAD//", parser58)', () => {
    const lines = ['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.', '', '//(S//REL TO USA, GBR) LOOKING AHEAD//', '', '¶2. (S) Two.', '', '//(C, NF) FERRIES (S//NF//REL TO USA, GBR)//', '', '¶3. (S) Three.', '', '//(S/REL NATO) HARBOR TALKS LIKELY TO GO ON INTO', 'THE SUMMER (C/REL NATO)//', '', '¶4. (S) Four.', '', '//(S/NOFRN) PIERS//', '', '¶5. (S) Five.', 'DOE'];
    const c = parse(lines.join('\n'));
    assert.deepEqual(c.headings.map((h) => [h.lead?.text, h.text.text, h.marking?.token.text, h.marking?.level, h.marking?.controls]), [
      [undefined, '(S//REL TO USA, GBR) LOOKING AHEAD', undefined, undefined, undefined],
      [undefined, '(C, NF) FERRIES', '(S//NF//REL TO USA, GBR)', 'SECRET', ['NF', 'REL USA, GBR']],
      ['(S/REL NATO) HARBOR TALKS LIKELY TO GO ON INTO', 'THE SUMMER', '(C/REL NATO)', 'CONFIDENTIAL', ['REL NATO']],
      [undefined, '(S/NOFRN) PIERS', undefined, undefined, undefined],
    ]);
    // The opening ones are item markings, in text order; one not well formed is read for CBL029 to report.
    assert.deepEqual(c.itemMarkings.map((m) => [m.portion.token.text, at(m.portion.token.range), m.portion.level, m.portion.controls, m.portion.wellFormed]), [
      ['(S//REL TO USA, GBR)', '7:2-7:22', 'SECRET', ['REL USA, GBR'], true],
      ['(C, NF)', '11:2-11:9', 'CONFIDENTIAL', ['NF'], true],
      ['(S/REL NATO)', '15:2-15:14', 'SECRET', ['REL NATO'], true],
      ['(S/NOFRN)', '20:2-20:11', 'SECRET', ['NOFRN'], false],
    ]);
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5]);
  });

  it('reads an underlined title opened by a portion marking with controls as a heading ("(S//REL TO USA, GBR) LOOKING AHEAD" ⏎ rule, parser59)', () => {
    const lines = ['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.', '', '(S//REL TO USA, GBR) LOOKING AHEAD', '----------------------------------', '', '¶2. (S) Two.', '', '(C/REL NATO) FERRIES AND', '(S//NF//REL TO USA, GBR) PIERS', '________________________', '', '¶3. (S) Three.', '', '(S/NOFRN) QUAYS', '---------------', '', '¶4. (S) Four.', '', '(S-300) MISSILES', '----------------', '', '¶5. (S) Five.', 'DOE'];
    const c = parse(lines.join('\n'));
    // Well-formed markings in any form open a title over its rule, wrapped or not; one not well formed ("(S/NOFRN)") or prose
    // in brackets ("(S-300)") does not, as before.
    assert.deepEqual(c.headings.map((h) => [h.lead?.text, h.text.text, h.style, at(h.range)]), [
      [undefined, '(S//REL TO USA, GBR) LOOKING AHEAD', 'underlined', '7:0-8:34'],
      ['(C/REL NATO) FERRIES AND', '(S//NF//REL TO USA, GBR) PIERS', 'underlined', '12:0-14:24'],
    ]);
    assert.deepEqual(c.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5]);
    assert.deepEqual(c.itemMarkings.map((m) => m.portion.token.text).slice(0, 3), ['(S//REL TO USA, GBR)', '(C/REL NATO)', '(S//NF//REL TO USA, GBR)']);
  });

  it('reads a title wrapped over two lines, each underlined, as one heading ("Minister of Harbors and" ⏎ rule ⏎ "Ferries ) Ann Quill" ⏎ rule)', () => {
    const c = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.', '', 'Minister of Harbors and', '-----------------------', 'Ferries ) Ann Quill', '-------------------', '¶2. (S) Two.', '', 'Quays', '-----', '', 'Piers', '-----', '¶3. (S) Three.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}:${h.rules.length}`), ['underlined:Minister of Harbors and|Ferries ) Ann Quill:7:0-10:19:2', 'underlined:|Quays:13:0-14:5:1', 'underlined:|Piers:16:0-17:5:1']);
    assert.deepEqual(c.lineKinds.slice(7, 11), ['heading', 'rule', 'heading', 'rule']);
    assert.deepEqual(c.sections.map((s) => s.paragraphs.length), [1, 1, 0, 1]);
    // Text right above the first line (a copy that lost the blank line over a box), or a box around an opener, is no wrapped title.
    const d = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) The talks went well,', 'the minister said "for both sides"', '-------', 'Harbors', '-------', '¶2. (S) Two.', '', 'Quays', '-------', 'Comment', '-------', '¶3. (S) Three.', 'DOE'].join('\n'));
    assert.ok(d.headings.every((h) => h.lead === undefined), JSON.stringify(d.headings.map((h) => h.text.text)));
    assert.deepEqual(d.blocks.map((b) => b.kind), ['comment']);
  });

  it('gives a heading with text but no numbered paragraph under it a section over that text, up to the next heading or the signature', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The board met.', '', '--------------', 'Word of the Week', '--------------', '"The ferries will run," the mayor said.', '-- Mayor Ann Quill, on May 3.', '', 'Quays', '-----', 'The quays reopen in June.', '', '¶2. (U) Two.', '', '-----------', 'Last Words', '-----------', 'The board adjourned.', '', 'DOE'].join('\n'));
    assert.deepEqual(c.sections.map((s) => `${s.heading === undefined ? '' : c.headings[s.heading].text.text}:${at(s.range)}:${s.paragraphs.join(',')}`), [':5:0-5:22:0', 'Word of the Week:7:0-11:29:', 'Quays:13:0-17:12:1', 'Last Words:19:0-22:20:']);
  });

  it('reads a boxed title whose upper rule a page break with its blank lines parts from it as one boxed heading', () => {
    const page = ['', 'NOWHERE 00000001 002 OF 003', '', ''];
    const c = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) The board met.', '', '-----------', ...page, 'FERRY FARES', '-----------', '', '¶2. (S) Two.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}|${h.text.text}:${at(h.range)}:${h.rules.map((r) => r.start.line).join(',')}`), ['boxed|FERRY FARES:7:0-13:11:7,13']);
    assert.deepEqual(c.sections.map((s) => `${s.range.start.line}:${s.paragraphs.join(',')}`), ['5:0', '7:1']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.range.start.line}-${p.range.end.line}`), ['5-5', '15-15']);
    // The page line stays a page line between the heading's rule and its words.
    assert.deepEqual(c.lineKinds.slice(7, 14), ['rule', 'blank', 'page', 'blank', 'blank', 'heading', 'rule']);
  });

  it('reads a title that lost its rule at a page break, with the break\'s blank lines, as a heading, also the first line of a title wrapped over two ruled lines', () => {
    const page = (n: number) => ['', `NOWHERE 00000001 00${n} OF 009`, '', ''];
    const c = parse([
      'SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) The board met.', '',
      // The break between the first line and its rule, and between the second line and its rule.
      'Minister of Harbors, Quays', ...page(2), '--------------------------', 'and Ferries -- Ann Quill', '------------------------', '¶2. (S) Two.', '',
      'Minister of Tugs and', '--------------------', 'Pilots -- Cy Moss', ...page(3), '-----------------', '¶3. (S) Three.', '',
      'FERRY FARES', ...page(4), '-----------', '', '¶4. (S) Four.', '',
      // Between the first rule and the second line the break hides whether a blank line stood there: two titles.
      'HARBORS', '-------', ...page(5), 'Piers and Docks', '---------------', '¶5. (S) Five.', '',
      // A line with text above it, or one that starts as no title does, is no title over a page break and a box.
      '¶6. (S) The board named', 'Harbor Master Ann Quill', ...page(6), '-----', 'QUAYS', '-----', '¶7. (S) Seven.', '',
      'and confusing talks. End Comment', ...page(7), '-----', 'PIERS', '-----', '¶8. (S) Eight.', 'DOE',
    ].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}:${h.rules.length}`), [
      'underlined:Minister of Harbors, Quays|and Ferries -- Ann Quill:7:0-14:24:2',
      'underlined:Minister of Tugs and|Pilots -- Cy Moss:17:0-24:17:2',
      'underlined:|FERRY FARES:27:0-32:11:1',
      'underlined:|HARBORS:36:0-37:7:1',
      'underlined:|Piers and Docks:42:0-43:15:1',
      'boxed:|QUAYS:52:0-54:5:2',
      'boxed:|PIERS:62:0-64:5:2',
    ]);
    assert.deepEqual([7, 13, 17, 19, 27].map((k) => c.lineKinds[k]), ['heading', 'heading', 'heading', 'heading', 'heading']);
    // The title's first line is no longer the last line of the paragraph above it.
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}:${p.heading}`), ['1:5-5:undefined', '2:15-15:0', '3:25-25:1', '4:34-34:2', '5:44-44:4', '6:46-47:4', '7:55-57:5', '8:65-65:6']);
  });

  it('reads a title wrapped over two lines whose first line a page break with its blank lines parts from the second as one heading', () => {
    const page = ['', 'NOWHERE 00000001 002 OF 003', '', ''];
    const c = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) The board met.', '', 'Ministry of Harbors and Docks:', ...page, 'Fares Will Rise in May', '----------------------', '', '¶2. (S) Two.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), ['underlined:Ministry of Harbors and Docks:|Fares Will Rise in May:7:0-13:22']);
    // The title's first line is no longer the last line of the paragraph above it; the page line stays a page line.
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-5', '2:15-15']);
    assert.deepEqual(c.lineKinds.slice(7, 14), ['heading', 'blank', 'page', 'blank', 'blank', 'heading', 'rule']);
    // A sentence, or a line with text right above it, is no first line of a title over a page break.
    const prose = parse(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.', '', 'The board met on Monday.', ...page, 'Fares Will Rise', '---------------', '', '¶2. (S) The board named', 'Harbor Master Ann Quill', ...page, 'Fares Will Fall', '---------------', '', '¶3. (S) Three.', 'DOE'].join('\n'));
    assert.deepEqual(prose.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|Fares Will Rise', '|Fares Will Fall']);
    assert.deepEqual(prose.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:5-7', '2:15-16', '3:24-24']);
    // Nor is the body's first line, which may be a field left unread (a subject in small letters under a banner in capitals).
    const top = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'subject: ferry fares in may', ...page, 'Harbors', '-------', '', '¶1. (U) One.', 'DOE'].join('\n'));
    assert.deepEqual(top.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['|Harbors']);
  });

  it('reads a title between spaced dashes on its line as a heading ("- - - Ferry Fares - - -")', () => {
    const c = parse(['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One. End summary.', '', '- - - Ferry Fares Rise, with a Pier Sub-Text - - -', '', '¶2. (C) Two.', '', '¶3. (C) Three.', '', '- - - A Dissenting View - - -', '', '¶4. (C) Four.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${at(h.range)}:${at(h.text.range)}`), ['dashed-inline:Ferry Fares Rise, with a Pier Sub-Text:7:0-7:50:7:6-7:44', 'dashed-inline:A Dissenting View:13:0-13:29:13:6-13:23']);
    assert.deepEqual([c.lineKinds[7], c.lineKinds[13]], ['heading', 'heading']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}:${p.heading ?? '-'}`), ['1:5-5:-', '2:9-9:0', '3:11-11:0', '4:15-15:1']);
    // A list item between single dashes and a sentence between spaced dashes are no such headings.
    const d = parse(['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One:', '', '- Ferries: the board met -', '', '- - Fares will rise in May. - -', '', '¶2. (C) Two.', 'DOE'].join('\n'));
    assert.deepEqual(d.headings, []);
  });

  it('reads a table (a boxed caption over an underlined column header, rows and a rule closing them) as no headings', () => {
    const c = parse([
      'C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '',
      'Harbor Owners', '-------------', '',
      '¶1. (C) The harbor board listed the ferry owners (below).', '',
      '--------------------------------------------- ------', ' Ferry Lines of the Bay  2009', '--------------------------------------------- ------',
      'Ferry  Owner and Company  Fined', '--------------------------------------------- ------', '',
      'Gull Star  Ann Quill/Quill Lines  No', 'Tern  Ben Rook/Rook Shipping  Yes', 'NOWHERE 00000001 002 OF 002', 'Petrel  Cy Moss/Moss Co.  No', '',
      '--------------------------------------------- ------', '',
      '¶2. (C) The owners pay for the quays.', '', '¶3. (C) Fares rise in May.', '',
      'Quays and Piers', '---------------', '', '¶4. (C) Four.', 'DOE',
    ].join('\n'));
    assert.deepEqual(c.headings.map((h) => h.text.text), ['Harbor Owners', 'Quays and Piers']);
    assert.deepEqual(c.sections.map((s) => `${s.heading === undefined ? '' : c.headings[s.heading].text.text}:${s.paragraphs.map((k) => c.paragraphs[k].number).join(',')}`), ['Harbor Owners:1,2,3', 'Quays and Piers:4']);
    assert.deepEqual(c.lineKinds.slice(10, 17), ['rule', 'text', 'rule', 'text', 'rule', 'blank', 'text']);
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:8-8', '2:23-23', '3:25-25', '4:30-30']);
    // A box over an underlined title with a paragraph under it, or rows that no rule closes, are still headings.
    const d = parse([
      'C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '',
      '-----', 'QUAYS', '-----', 'Pier Fees', '---------', '', '¶2. (C) Two.', '',
      '-----', 'PIERS', '-----', 'Dock Fees', '---------', '', 'Gull Star  Ann Quill  No', 'Tern  Ben Rook  Yes', '', '¶3. (C) Three.', 'DOE',
    ].join('\n'));
    assert.deepEqual(d.headings.map((h) => `${h.style}:${h.text.text}`), ['boxed:QUAYS', 'underlined:Pier Fees', 'boxed:PIERS', 'underlined:Dock Fees']);
  });

  it('reads a line the release blanked over an underlined title, where paragraph numbers are missing, as the blanked paragraphs, not the title\'s first line', () => {
    const blanked = (lines: string[]) => parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', ...lines, 'DOE'].join('\n'));
    // Paragraphs 8 to 10 blanked: the line stands for them, under a blank line as under text.
    for (const above of [[''], []]) {
      const c = blanked(['¶7. Ferry Fares Rise... The ferry board raised its fares by a third on Monday.', ...above, 'XXXXXXXXXXXX', 'On the Harbor Front', 'NOWHERE 00000001 002 OF 002', '-------------------', '¶11. Quays Reopen... The quays reopened.']);
      assert.deepEqual(c.headings.map((h) => `${h.style}:${h.lead?.text ?? ''}|${h.text.text}:${at(h.range)}`), [`underlined:|On the Harbor Front:${7 + above.length}:0-${9 + above.length}:19`], JSON.stringify(above));
      assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}:${p.heading}`), [`7:5-${6 + above.length}:undefined`, `11:${10 + above.length}-${10 + above.length}:0`]);
    }
    // No paragraph missing (the words of the title's first line were blanked): the line is the title's first.
    const c = blanked(['¶7. Ferry Fares Rise... The ferry board raised its fares by a third on Monday.', '', 'XXXXXXXXXXXX', 'On the Harbor Front', '-------------------------------', '¶8. Quays Reopen... The quays reopened.']);
    assert.deepEqual(c.headings.map((h) => `${h.lead?.text ?? ''}|${h.text.text}`), ['XXXXXXXXXXXX|On the Harbor Front']);
  });

  it('reads an underlined title that opens with a portion marking as a heading', () => {
    const c = parse(['C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', '(U) Status of the Harbor Law:', '-----------------------------', '', '-- The law is old.', '', '(SBU) Ferry Fares', '-----------------', '', '-- Fares rose.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}`), ['underlined:(U) Status of the Harbor Law:', 'underlined:(SBU) Ferry Fares']);
    assert.equal(c.paragraphs[0].range.end.line, 5);
  });

  it('runs a paragraph that lists items under underlined titles ("¶2. (U) Participants:" ⏎ "Nowhere" ⏎ "-------" ⏎ names) over them, with no heading', () => {
    const c = parse(['SECRET NOWHERE 000412', 'E.O. 12958: DECL: 01/01/2019', 'TAGS: PREL', 'SUBJECT: FERRIES', '¶1. (U) June 2, 2009; 10:00 a.m.; the harbor office.', '¶2. (U) Participants:', 'Nowhere', '-------', 'Harbor Master Ann Quill, Pilot Ben Rook', 'U.S.', '----', 'The Ambassador, Econoff (notetaker)', '¶3. (S) The talks went well.', 'Ferry Fares', '-----------', '¶4. (S) Fares rise in May.', '', '¶5. (S) The board listed two points:', '', 'Quays', '-----', '', '¶6. (S) The quays need work.', '', '¶7. (S) Answers follow.', '', 'Status of Laws', '--------------', '', '-- The law is new.', '', '¶8. (S) Text.', 'DOE'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['1:4-4', '2:5-11', '3:12-12', '4:15-15', '5:17-17', '6:22-22', '7:24-24', '8:31-31']);
    // A title with a paragraph under it, or under a paragraph that ends no list, is still a section's heading.
    assert.deepEqual(c.headings.map((h) => h.text.text), ['Ferry Fares', 'Quays', 'Status of Laws']);
    assert.deepEqual(c.lineKinds.slice(6, 11), ['text', 'rule', 'text', 'text', 'rule']);
    assert.deepEqual(c.sections.map((s) => `${s.heading === undefined ? '' : c.headings[s.heading].text.text}:${s.paragraphs.map((k) => c.paragraphs[k].number).join(',')}`), [':1,2,3', 'Ferry Fares:4,5', 'Quays:6,7', 'Status of Laws:8']);
  });

  it('reads no plain heading in a paragraph\'s quoted text ("¶8. (U) The notice follows:" ⏎ "Begin Text:" ⏎ "" ⏎ "Nowhere June 2, 2009" ⏎ "" ⏎ text)', () => {
    const text = 'The harbor board wishes to inform the public that the ferries will sail again on Monday.';
    const c = parse(['UNCLAS NOWHERE 000412', '', 'TAGS: PREL', 'SUBJECT: FERRIES', '', '¶7. (U) The board met.', '', '¶8. (U) Text of the board notice follows:', '', 'Begin Text:', '', 'Nowhere June 2, 2009', '', text, '', 'End Text.', '', '¶9. (U) The minister listed two points:', '', 'FERRY FARES', '', '¶10. (U) Fares rise.', '', 'Quays and Piers', '', text, 'DOE'].join('\n'));
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['7:5-5', '8:7-15', '9:17-17', '10:21-21']);
    // A paragraph after the title, or no colon above it, leaves it a heading.
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}`), ['plain:FERRY FARES', 'plain:Quays and Piers']);
  });

  it('reads 10,000 paragraphs listing items under underlined titles, quoting a titled text, with page lines above titles and titles wrapped under two rules, in linear time (8 times as many in about 8 times as long)', () => {
    const shape = [
      '¶2. (U) Participants:', 'Nowhere', '-------', 'Harbor Master Ann Quill', 'U.S.', '----', 'The Ambassador', '¶3. (S) The talks went well.', 'Ferry Fares', '-----------',
      '¶4. (U) The notice follows:', '', 'Begin Text:', '', 'Nowhere June 2, 2009', '', 'The harbor board wishes to inform the public that the ferries sail on Monday.', '', 'End Text.',
      '', 'NOWHERE 00000412 002 OF 002', 'Quays', '', '¶5. (U) Five.', '', 'Minister of Harbors and', '-----------------------', 'Ferries ) Ann Quill', '-------------------', '',
    ].join('\n');
    const c = assertLinearTime((n) => `SECRET NOWHERE 000412\nTAGS: PREL\nSUBJECT: FERRIES\n${`${shape}\n`.repeat(n)}DOE\n`, parse, 10_000);
    assert.equal(c.headings.length, 30_000);
    assert.deepEqual(c.paragraphs.slice(4, 8).map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['2:33-39', '3:40-40', '4:43-51', '5:56-56']);
  });

  it('reads 20,000 titles across page breaks, tables and blanked lines over titles in linear time (8 times as many in about 8 times as long)', () => {
    const shape = [
      'Minister of Tugs and', '', 'NOWHERE 00000412 003 OF 009', '', '', '--------------------', 'Pilots -- Cy Moss', '-----------------', '¶6. (U) Six.', '',
      '-----', 'Ferry Lines', '-----', 'Ferry  Owner', '-----', '', 'Gull Star  Ann Quill', 'Tern  Ben Rook', '', '-----', '',
      '¶7. (U) Seven.', '', 'XXXXXXXXXXXX', 'Harbor Front', '------------', '¶11. (U) Eleven.', '',
    ].join('\n');
    const c = assertLinearTime((n) => `SECRET NOWHERE 000412\nTAGS: PREL\nSUBJECT: FERRIES\n${`${shape}\n`.repeat(n)}DOE\n`, parse, 10_000);
    assert.equal(c.headings.length, 20_000);
    assert.deepEqual(c.headings.slice(2, 4).map((h) => `${h.lead?.text ?? ''}|${h.text.text}@${h.range.start.line}`), ['Minister of Tugs and|Pilots -- Cy Moss@31', '|Harbor Front@55']);
    assert.deepEqual(c.paragraphs.slice(3, 6).map((p) => `${p.number}:${p.range.start.line}-${p.range.end.line}`), ['6:39-39', '7:52-54', '11:57-57']);
  });

  it('reads a line of em or en dashes under a heading as a rule, and the heading as opening its block', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'Comment', '——', '', '¶2. (U) Two. End Comment.', '', 'Ferry Fares', '–––', '¶3. (U) Three.', 'DOE'].join('\n'));
    assert.deepEqual(c.headings.map((h) => `${h.style}:${h.text.text}:${h.rules.length}`), ['underlined:Comment:1', 'underlined:Ferry Fares:1']);
    assert.deepEqual([c.lineKinds[8], c.lineKinds[13]], ['rule', 'rule']);
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`), ['comment:oc']);
  });

  it('pairs Summary, Comment and Note blocks and keeps unpaired ones', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary: One. End Summary.', '', '¶2. (U) He declined to comment on it. (Note: an aside. End Note.)', '', '¶3. (U) Comment: runs to the end.', 'DOE'].join('\n'));
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`), ['summary:oc', 'note:oc', 'comment:o']);
  });

  it('opens a Summary at a "Summary and Key Themes" heading and at "Summary and Key Points."', () => {
    const heading = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', 'SUMMARY AND INTRODUCTION', '------------------------', '', '¶1. (U) One. END SUMMARY AND INTRODUCTION.', '', 'Summary and Key Themes', '----------------------', '', '¶2. (U) Two. End Summary.', 'DOE'].join('\n'));
    assert.deepEqual(heading.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`), ['summary:oc', 'summary:oc']);
    const paragraph = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary and Key Points. The harbor reopens. End Summary and Key Points.', 'DOE'].join('\n'));
    assert.deepEqual(paragraph.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`), ['summary:oc']);
  });

  it('reads "End Summary and Comment" as closing both blocks, and its second word only when that block is open', () => {
    const kinds = (c: Cable) => c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`);
    const both = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary. The port reopened.', '', '¶2. (U) Comment. A good sign. End Summary and Comment.', '', '¶3. (U) Text.', 'DOE'].join('\n'));
    assert.deepEqual(kinds(both), ['summary:oc', 'comment:oc']);
    assert.deepEqual(both.blockMarkers.map((m) => `${m.role}:${m.token.text}@${at(m.token.range)}`), ['open:Summary@5:8-5:15', 'open:Comment@7:8-7:15', 'close:End Summary@7:30-7:41', 'close:and Comment@7:42-7:53']);
    // Split after "AND": the word opening the next line is no opener.
    const split = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary: The port reopened. End summary and', 'comment.', '', '¶2. (U) Text.', 'DOE'].join('\n'));
    assert.deepEqual(kinds(split), ['summary:oc']);
    assert.deepEqual(split.blockMarkers.map((m) => m.role), ['open', 'close']);
    const tail = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary. The port reopened. Comment: a good sign. END COMMENT AND', 'SUMMARY.', '', '¶2. (U) Text.', 'DOE'].join('\n'));
    assert.deepEqual(kinds(tail), ['summary:oc', 'comment:oc']);
    assert.equal(at(tail.blocks[0].close?.token.range), '5:70-6:7');
  });

  it('ends a Note or Comment opened after "(" with no closer at the ")" that closes it, not at its paragraph\'s end', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The harbor board met on Monday. (Note: The board', 'has five members (two named by the mayor) and meets', 'monthly.) The chairman said fares would rise in May.', 'Ferry pilots are unhappy.', '', '¶2. (U) Talks resume. (Comment: We doubt it.) More text.', '', '¶3. (U) A strike looms. (Note: The union', 'is small.', '', '¶4. (U) Text.', 'DOE'].join('\n'));
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}@${at(b.range)}`), ['note:o@5:41-7:9', 'comment:o@10:23-10:45', 'note:o@12:25-13:9']);
  });

  it('runs a Comment left open over the paragraphs right after it that continue it', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', '¶2. (U) Comment: The board will act.', 'It meets in May.', '', "¶3. (U) Comment cont'd: The pilots wait.", '', '¶4. (U) COMMENT (CONTINUED): Fares rise.', '', '¶5. (U) The ferries sail.', 'DOE'].join('\n'));
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}@${at(b.range)}`), ['comment:o@7:8-12:40']);
    // A paragraph that does not say so ends it.
    const plain = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Comment: The board will act.', '', '¶2. (U) The ferries sail.', 'DOE'].join('\n'));
    assert.deepEqual(plain.blocks.map((b) => at(b.range)), ['5:8-5:36']);
  });

  it('looks back from a closer without an opener for one inside its paragraph', () => {
    const kinds = (c: Cable) => c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`);
    for (const [inside, word] of [['The talks went ahead. Comment: We doubt it. End Comment.', 'Comment'], ['Talks resume. (Embassy comment: We doubt it. End Comment.)', 'comment'], ['Talks resume. (Note. The port is shut.', 'Note'], ['Talks resume. [NOTE: The port is shut. END NOTE] More.', 'NOTE']]) {
      const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', `¶1. (U) ${inside}`, inside.includes('End Comment') || inside.includes('END NOTE') ? 'Then more.' : 'End Note.) Then more.', '', '¶2. (U) Text.', 'DOE'].join('\n'));
      assert.deepEqual(kinds(c), [`${word.toLowerCase()}:oc`], inside);
      assert.equal(c.blockMarkers[0].token.text, word, inside);
    }
    // A damaged marking "C)" before the opener.
    const marking = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. C) Summary: The port reopened. End Summary.', 'DOE'].join('\n'));
    assert.deepEqual(kinds(marking), ['summary:oc']);
    // Not past a block of the same kind already closed, nor from another paragraph, nor prose "a note.".
    for (const body of [['¶1. (U) Comment: one. End Comment. Two. End Comment.'], ['¶1. (U) Text; Comment: one.', '', '¶2. (U) Two. End Comment.'], ['¶1. (U) He took note. End Note.']]) {
      const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', ...body, 'DOE'].join('\n'));
      assert.ok(kinds(c).some((k) => k.endsWith(':c')), body.join(' '));
    }
  });

  it('reads the openers a label, a marking or a bracket comes before: "(S/NF) Embassy Note and Comment:", "(Embassy Note:", "[Note:", and "End Embassy Comment"', () => {
    const c = parse(['SECRET NOWHERE 000412', '', 'E.O. 12958: DECL: 01/01/2019', 'TAGS: PREL', 'SUBJECT: FERRIES', '', '¶1. (S) Ferry Finance', '', '(S) Board Response: the board will pay the bank.', '', '(S/NF) Embassy Note and Comment: The harbor police have', 'watched the board since May. End Embassy Comment.', '', '¶2. (S) The quays reopened. (Embassy Note: The mayor', 'paid for them.) Fares rise.', '', '¶3. (S) Pilots wait. [Note: Septel covers the pilots.]', 'More text.', '', '¶4. (S) Post Note and Comment: The talks stall. End Post Comment.', '', '¶5. (S) Text.', 'DOE'].join('\n'));
    assert.deepEqual(c.blockMarkers.map((m) => `${m.role}:${m.kind}:${m.token.text}@${at(m.token.range)}`), [
      'open:comment:Note and Comment@10:15-10:31',
      'close:comment:End Embassy Comment@11:29-11:48',
      'open:note:Note@13:37-13:41',
      'open:note:Note@16:22-16:26',
      'open:comment:Note and Comment@19:13-19:29',
      'close:comment:End Post Comment@19:48-19:64',
    ]);
    // The bracketed Notes end at the bracket that closes them, the Comments at their closers.
    assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}@${at(b.range)}`), ['comment:oc@10:15-11:48', 'note:o@13:37-14:15', 'note:o@16:22-16:54', 'comment:oc@19:13-19:64']);
    // A marking before prose opens nothing; "End of the comment period" closes nothing.
    const none = parse(['SECRET NOWHERE 000412', '', 'TAGS: PREL', 'SUBJECT: FERRIES', '', '¶1. (S) Ferry Finance', '', '(S) Notes were taken. The end of the comment period nears.', '', '¶2. (S) Text.', 'DOE'].join('\n'));
    assert.deepEqual(none.blocks, []);
  });

  it('reads "Comment:" and "Note:" after a sentence\'s end inside a paragraph as openers, with or without their closer', () => {
    const kinds = (c: Cable) => c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`);
    const head = ['SECRET NOWHERE 000412', '', 'E.O. 12958: DECL: 01/01/2019', 'TAGS: PREL', 'SUBJECT: TALKS', ''];
    const c = parse([...head, '¶1. (S/NF) Quays. The port grew, according to the economist. Comment: If these gains hold, the port will need new quays. End Comment.', '', '¶2. (S/NF) Ferries. The ferry ran late, according to the captain. Comment: If this goes on, the line will close.', '', '¶3. (S/NF) Text.', 'DOE'].join('\n'));
    assert.deepEqual(c.blockMarkers.map((m) => `${m.role}:${m.token.text}@${at(m.token.range)}`), ['open:Comment@6:61-6:68', 'close:End Comment@6:121-6:132', 'open:Comment@8:66-8:73']);
    assert.deepEqual(kinds(c), ['comment:oc', 'comment:o']);
    assert.equal(at(c.blocks[1].range), '8:66-8:112');
    // Quotes or a bracket after the sentence's end, more than one space, "Embassy comment", a wrapped paragraph.
    for (const inside of ['He said "enough." Note: The port is shut.', 'The port is shut.)  NOTE: It reopens soon.', 'The port is shut. Embassy comment: It reopens soon.', 'The port is shut!\tComment: It reopens soon.']) {
      const opened = parse([...head, `¶1. (S) ${inside}`, 'The ferries wait.', '', '¶2. (S) Text.', 'DOE'].join('\n'));
      assert.deepEqual(kinds(opened), [/note/i.test(inside) ? 'note:o' : 'comment:o'], inside);
      assert.deepEqual(opened.blocks[0].range.end, { line: 7, character: 17 }, inside);
    }
    // A closer in a later paragraph closes it, as it closes an opener at a paragraph's start.
    const later = parse([...head, '¶1. (S) The port grew. Comment: The Ferries', '', '¶2. (S) They run late. End Comment.', 'DOE'].join('\n'));
    assert.deepEqual(kinds(later), ['comment:oc']);
    // No sentence's end before it, no colon, a word in small letters under a banner in capitals, Summary, a plural: no opener.
    for (const inside of ['He made one comment: the port is shut.', 'The port is shut. Comment - it reopens.', 'The port is shut. comment: it reopens.', 'The port is shut. Summary: it reopens.', 'The port is shut. Notes: it reopens.', 'The port is shut. The note: it reopens.']) {
      const none = parse([...head, `¶1. (S) ${inside}`, '', '¶2. (S) Text.', 'DOE'].join('\n'));
      assert.deepEqual(kinds(none), [], inside);
    }
    // In a cable in small letters any case opens; the paragraph's own opener is read once.
    const small = parse(['Secret nowhere 000412', '', 'subject: talks', '', '¶1. (s) the port is shut. comment: it reopens soon.', '', '¶2. Note: The ferries wait.', 'DOE'].join('\n'));
    assert.deepEqual(small.blockMarkers.map((m) => `${m.role}:${m.token.text}@${at(m.token.range)}`), ['open:comment@4:26-4:33', 'open:Note@6:4-6:8']);
  });

  it('reads no opener in a word in small letters carrying on the sentence of the line before', () => {
    const c = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The adviser made the following', 'comments:', '', '--On trade, he was upbeat.', '', '¶2. (U) Text.', 'DOE'].join('\n'));
    assert.deepEqual(c.blocks, []);
    // After a full stop, or written with a capital, the word still opens.
    for (const [before, word] of [['¶1. (U) The talks ended.', 'comment: they will resume.'], ['¶1. (U) The talks ended and', 'Comment: they will resume.']]) {
      const opened = parse(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', before, word, 'DOE'].join('\n'));
      assert.deepEqual(opened.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}`), ['comment:o'], word);
    }
  });

  it('reads closers in any case in cables in small letters, and only after "End" or "END" under a banner in capitals', () => {
    const body = ['', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary: One. end summary.', '', '¶2. (U) Summary: Two. End Summary.', 'DOE'];
    const capitals = parse(['UNCLAS NOWHERE 000001', ...body].join('\n'));
    assert.deepEqual(capitals.blockMarkers.map((m) => `${m.role}:${m.token.text}`), ['open:Summary', 'open:Summary', 'close:End Summary']);
    const small = parse(['Unclas nowhere 000001', ...body].join('\n'));
    assert.deepEqual(small.blockMarkers.map((m) => `${m.role}:${m.token.text}`), ['open:Summary', 'close:end summary', 'open:Summary', 'close:End Summary']);
  });

  it('reads a closer split across two lines as one closer, and its second word as no opener', () => {
    for (const eol of ['\n', '\r\n']) {
      for (const [caps, second] of [['UNCLAS NOWHERE 000001', 'summary. Then more.'], ['Unclas nowhere 000001', 'SUMMARY.'], ['UNCLAS NOWHERE 000001', '  Summary)']]) {
        const c = parse([caps, '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) Summary: One thing happened. End ', second, '', '¶2. (U) Text.', 'DOE'].join(eol));
        assert.deepEqual(c.blockMarkers.map((m) => `${m.role}:${m.token.text}@${at(m.token.range)}`), ['open:Summary@5:8-5:15', `close:End ${second.trim().slice(0, 7)}@5:37-6:${second.toLowerCase().indexOf('summary') + 7}`], `${caps} ${JSON.stringify(second)} ${JSON.stringify(eol)}`);
        assert.deepEqual(c.blocks.map((b) => `${b.kind}:${b.open ? 'o' : ''}${b.close ? 'c' : ''}`), ['summary:oc']);
      }
    }
    // "End" closing a line before anything else is no closer.
    const other = parse(['UNCLAS NOWHERE 000001', '', 'SUBJECT: X', '', '¶1. (U) Summary: the talks will not End', 'soon.', 'DOE'].join('\n'));
    assert.deepEqual(other.blockMarkers.map((m) => m.role), ['open']);
  });

  it('reads continuation-page lines on their own line and inside text, with sub-pages and abbreviated posts', () => {
    const own = findPageLines(0, 'PARIS 00000305 002 OF 002');
    assert.deepEqual(own.map((p) => [p.post.text, p.serial?.value, p.page?.value, p.total?.value, p.inline]), [['PARIS', 305, 2, 2, false]]);
    const inline = findPageLines(0, 'rose 52 percent in RIO DE JAN 00000329 003 OF 004 robberies');
    assert.deepEqual(inline.map((p) => [p.post.text, p.inline, at(p.token.range)]), [['RIO DE JAN', true, '0:19-0:49']]);
    assert.equal(findPageLines(0, 'MADRID 00000766 001.2 OF 003')[0].subpage, 2);
    assert.equal(findPageLines(0, 'Moscow 00003579 002 of 005')[0].total?.value, 5);
    assert.equal(findPageLines(0, 'BUENOS AIR 00001462 002 OF 003')[0].post.text, 'BUENOS AIR');
    // Serials have at most six digits: an eight-digit number that does not open with "00" is not a padded serial.
    assert.deepEqual(findPageLines(0, 'PARIS 12345678 002 OF 002'), []);
  });

  it('reads redactions with exact ranges', () => {
    const c = parse('UNCLAS NOWHERE 000001\n\nSUBJECT: XXXXXXXXXXXX ON TRADE\n\n¶1. (U) A lawyer.XXXXXXXXXXXX met xxxxx here; XXL is not one.\n');
    assert.deepEqual(c.redactions.map((r) => at(r.range)), ['2:9-2:21', '4:17-4:29', '4:34-4:39']);
  });

  it('reads each run of redaction letters whole, a small one only where no letter touches it, in line order', () => {
    // "xxxxxxb" and "axxxxx" are words; "XXXXxxxxx": the capitals' run, then small letters touched by a capital; "XXX" too short.
    const c = parse('UNCLAS NOWHERE 000001\n\n¶1. (U) xxxxxxx met XXXXX,xxxxx. xxxxxxb axxxxx XXXXxxxxx XXX (xxxxxx) xXXXXXXx\n');
    assert.deepEqual(c.redactions.map((r) => `${at(r.range)} ${r.text}`), ['2:8-2:15 xxxxxxx', '2:20-2:25 XXXXX', '2:26-2:31 xxxxx', '2:48-2:52 XXXX', '2:63-2:69 xxxxxx', '2:72-2:78 XXXXXX']);
  });

  it('reads a run of redaction letters that ends its line to the line\'s end', () => {
    // The search for the run's end stops at the line's end (no read past it, where V8 would drop the optimized code).
    const c = parse('UNCLAS NOWHERE 000001\n\n¶1. (U) The guard was XXXXXXXX\nand the clerk xxxxxxx\nbut not axxxxx\n');
    assert.deepEqual(c.redactions.map((r) => `${at(r.range)} ${r.text}`), ['2:22-2:30 XXXXXXXX', '3:14-3:21 xxxxxxx']);
  });

  const signatures: [string, string | undefined, boolean][] = [
    ['KESTREL', 'KESTREL', false],
    ['Ostrander', 'Ostrander', false],
    ['ASHCOMBE JR', 'ASHCOMBE JR', false],
    // The name written twice on its line signs once, as the last copy; two names are one signature.
    ['HALLORAN HALLORAN', 'HALLORAN', false],
    ['ANNE HALLORAN', 'ANNE HALLORAN', false],
    ['VILLALBA .', 'VILLALBA', false],
    ['jones', 'jones', false],
    // The last words of a sentence wrapped onto their own line, right under a line that ends with a word or a comma, full
    // stop and all: the end of the paragraph (a paragraph being typed ends so), no signature. A name with no full stop, or
    // with a stray one, or under a sentence's end, a footer's rule or a blank line, signs.
    ['The ferry board will take the matter to\nWashington.', undefined, false],
    ['The ferry board will take the matter to its chairman,\nPresident Halloran. ', undefined, false],
    ['The pier is used to unload illegal\ncargo', 'cargo', false],
    ['The ferry board will take the matter to\nHALLORAN .', 'HALLORAN', false],
    ['*****  *****\nHalloran.', 'Halloran', false],
    ['The ferry board will push ahead\nHALLORAN', 'HALLORAN', false],
    ['The ferry board will take the matter to\nWashington', 'Washington', false],
    ['The ferry board met.\nHALLORAN.', 'HALLORAN', false],
    ['The ferry board will take the matter to\n\nWashington.', 'Washington', false],
    // So is a name glued after a sentence's end with its full stop right after it: the sentence's last word.
    ['We spoke with the U.S. Administration.', undefined, false],
    ['¶9. (C) Comment: we will follow up. End comment. THORNBURY', 'THORNBURY', true],
    ['that is all we know...', undefined, false],
    // A line the release blanked ("XXXXXXXXXXXX" alone, or glued after a sentence's end) is no name: the signature is not known.
    ['XXXXXXXXXXXX', undefined, false],
    ['\nXXXXXXXXXXXX', undefined, false],
    ['¶9. (C) We will follow up. XXXXXXXXXXXX', undefined, false],
    ['<http://www.example.invalid/classified>', undefined, false],
    ['RUSK\n    ...', 'RUSK', false],
    ['and more by shared\ninterests.', undefined, false],
    ['See http://www.example.invalid/page for the text of “The Report.” Halloran', 'Halloran', true],
    ['Visit our site: http://www.example.invalid/index.” Halloran', undefined, false],
    // A web-site footer after the signature, its link wrapped; the signature after a footer; a name after the footer's broken link.
    ['HALLORAN\n\n"Visit Nowhere\'s Classified Web Site at http://www.example.s\ninvalid/wiki/Portal:Nowhere"', 'HALLORAN', false],
    ['Visit Nowhere\'s Classified Web Site at\nhttp://www.example.invalid/p/nowhere\n\nHALLORAN', 'HALLORAN', false],
    ['Visit Nowhere’s Classified Website: http://www.example.invalid/nowhere/index. cfm Halloran', 'Halloran', true],
    ['VISIT NOWHERE’S CLASSIFIED WEBSITE: HTTP://WWW.EXAMPLE.INVALID/PORTAL:UNIT ED_NOWHERE HALLORAN', 'HALLORAN', true],
    // The same lines in capitals read as they do as written: the piece of the link after its full stop ("INDEX. CFM") is
    // no first name, and a link in capitals that runs into the sentence's end ends none.
    ['VISIT NOWHERE’S CLASSIFIED WEBSITE: HTTP://WWW.EXAMPLE.INVALID/NOWHERE/INDEX. CFM HALLORAN', 'HALLORAN', true],
    ['SEE HTTP://WWW.EXAMPLE.INVALID/PAGE FOR THE TEXT OF “THE REPORT.” HALLORAN', 'HALLORAN', true],
    ['VISIT OUR SITE: HTTP://WWW.EXAMPLE.INVALID/INDEX.” HALLORAN', undefined, false],
    ['VISIT OUR SITE: WWW.EXAMPLE.INVALID/INDEX.” HALLORAN', undefined, false],
    // "End Cable Text" and a mail system's trailer after it.
    ['HALLORAN\nEnd Cable Text\nJane X Doe 07/30/2008 04:04:14 PM From DB/Inbox: TRANS\n.', 'HALLORAN', false],
    // "BT" and "NNNN" closing the transmission, with or without blank lines, after a signature, a glued one, a footer or an elision.
    ['HALLORAN\nBT\nNNNN', 'HALLORAN', false],
    ['HALLORAN\n\nBT\n\nNNNN\n\n', 'HALLORAN', false],
    ['HALLORAN\n  BT  \nNNNN\nBT', 'HALLORAN', false],
    ['¶9. (C) Comment: we will follow up. End comment. THORNBURY\nBT\nNNNN', 'THORNBURY', true],
    ['HALLORAN\n\n"Visit Nowhere\'s Classified Web Site at http://www.example.s\ninvalid/wiki/Portal:Nowhere"\nBT\nNNNN', 'HALLORAN', false],
    ['RUSK\n    ...\nBT\nNNNN', 'RUSK', false],
    ['we will follow up.\nBT\nNNNN', undefined, false],
    // The end-of-message serial between "BT" and "NNNN".
    ['HALLORAN\nBT\n#0001\nNNNN', 'HALLORAN', false],
    ['¶9. (C) Comment: we will follow up. End comment. THORNBURY\n\nBT\n\n  #0001 \n\nNNNN\n', 'THORNBURY', true],
    // A parenthesis closed inside its word ("USD(P)") ends no sentence: the name after it is the sentence's; an aside's does.
    ['¶2. (U) This cable was cleared by USD(P) Ostrander.', undefined, false],
    ['¶2. (U) The fares rose (see ref A) KESTREL', 'KESTREL', true],
    // A scraped page's copyright line, and its teasers of other articles: no signature, no heading.
    ['¶2. (U) This cable was cleared by Ostrander.\n\n© Harbor Wire\n\nWorld Headlines\n\n\nFerry Board Raises Fares On All Crossings Of The Bay\nThe ferry board met on Monday and agreed to raise fares for cars on every crossing.\n\nMore>>', undefined, false],
  ];
  it('leaves a signature glued to the last paragraph\'s first line out of the paragraph\'s first words, which the outline shows', () => {
    const c = parse('UNCLAS NOWHERE 000001\n\nSUBJECT: X\n\n¶1. (U) Text.\n\n¶2. (U) Minimize considered. HALLORAN\n');
    assert.deepEqual([c.signature?.token.text, c.signature?.glued], ['HALLORAN', true]);
    assert.deepEqual(c.paragraphs.map((p) => p.firstWords), ['Text.', 'Minimize considered.']);
    // On a later line of the paragraph the name is past its first words anyway.
    const later = parse('UNCLAS NOWHERE 000001\n\nSUBJECT: X\n\n¶1. (U) The ferries\nran late. HALLORAN\n');
    assert.deepEqual(later.paragraphs.map((p) => p.firstWords), ['The ferries']);
  });

  it('keeps the last words of a sentence wrapped onto the last line in the last paragraph, which ends there', () => {
    const c = parse('UNCLAS NOWHERE 000001\n\nSUBJECT: X\n\n¶1. (U) Text.\n\n¶2. (U) The ferry board will take the matter to\nWashington.\n');
    assert.equal(c.signature, undefined);
    assert.deepEqual([at(c.paragraphs[1].range), c.lineKinds[7]], ['6:0-7:11', 'text']);
  });

  for (const [last, name, glued] of signatures) {
    it(`reads the signature in "${last}"`, () => {
      const c = parse(`UNCLAS NOWHERE 000001\n\nSUBJECT: X\n\n¶1. (U) Text.\n${last}\n`);
      assert.equal(c.signature?.token.text, name);
      if (name) assert.equal(c.signature?.glued, glued);
    });
  }
});

describe('parser: a paragraph number over a marking split by the line break', () => {
  const cable = (body: string[]) => parse(['C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', ...body, 'DOE'].join('\n'));
  it('reads a bare number whose marking the line break splits as a paragraph, right under a line of text too ("2. (C" ⏎ ") …")', () => {
    for (const above of ['quay.', 'quay', '']) {
      const c = cable(['1. (C) The harbor master met the crews on the', ...(above ? [above] : []), '2. (C', ') The crews asked for higher fares.', '', '3. (S/', 'NF) The pier will close.']);
      assert.deepEqual(c.paragraphs.map((p) => [p.number, p.portion?.token.text, p.portion?.split !== undefined, p.firstWords]), [
        [1, '(C)', false, 'The harbor master met the crews on the'],
        [2, '(C)', true, 'The crews asked for higher fares.'],
        [3, '(S/NF)', true, 'The pier will close.'],
      ], above);
      // Paragraph 1 ends before it.
      assert.equal(c.paragraphs[0].range.end.line, above ? 6 : 5, above);
    }
  });
  it('leaves a number under a line of text as text where what opens after it is no marking naming a level', () => {
    for (const [second, third] of [['2. (see', ') the pier.'], ['2. (C', 'the pier.'], ['2. (Q', ') The pier.']]) {
      const c = cable(['1. (C) The harbor master met the crews.', second, third]);
      assert.deepEqual(c.paragraphs.map((p) => p.number), [1], second);
    }
  });
});

describe('parser: a paragraph glued to the end of the line before it', () => {
  const head = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: DECL: 03/02/2019', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', ''];
  const long = 'The harbor board met twice in March and agreed on nothing but the date of the next meeting, which the minister set';
  const glued = (line: string) => parse([...head, '¶8. (C) The ferry talks resumed.', '', `¶9. (C) ${long}.${line}`, '', '¶11. (C) The mayor closed the port.', ''].join('\n'));

  it('reads "… set. 10. (C) …" as paragraph 10, the one before ending right before its marker', () => {
    const c = glued(' 10. (SBU) Fares rose again in April.');
    assert.deepEqual(c.paragraphs.map((p) => `${p.number}>${p.readAs}:${p.portion?.token.text}:${p.firstWords}`), ['8>8:(C):The ferry talks resumed.', '9>9:(C):The harbor board met twice in March and', '10>10:(SBU):Fares rose again in April.', '11>11:(C):The mayor closed the port.']);
    const start = 8 + long.length + 1;
    assert.equal(at(c.paragraphs[1].range), `8:0-8:${start}`);
    assert.equal(at(c.paragraphs[2].marker.range), `8:${start + 1}-8:${start + 4}`);
    assert.equal(at(c.paragraphs[2].numberToken.range), `8:${start + 1}-8:${start + 3}`);
    assert.equal(at(c.paragraphs[2].portion?.token.range), `8:${start + 5}-8:${start + 10}`);
    assert.equal(at(c.paragraphs[2].range), `8:${start + 1}-8:${c.lines[8].length}`);
    assert.equal(c.paragraphs[2].style, 'bare');
    // CBL024 sees 8, 9, 10, 11: no paragraph is missing (the excerpt starts at 8).
    const sequence = (cable: Cable) => lintCable(cable).filter((f) => f.id === 'CBL024').map((f) => f.message);
    assert.deepEqual(sequence(c), ['Paragraph 8: the first paragraph should be 1.']);
    assert.deepEqual(sequence(glued(' The board rose.')), ['Paragraph 8: the first paragraph should be 1.', 'Paragraph 11: a gap after 9 (paragraph 10 is missing).']);
  });

  it('checks the marking of a glued paragraph: a CONFIDENTIAL one in an UNCLASSIFIED cable is a spill (CBL030)', () => {
    const text = ['UNCLASSIFIED NOWHERE 000123', '', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', '¶1. (U) The ferry talks resumed.', '', `¶2. (U) ${long}. 3. (C) Fares rose again in April.`, '', '¶4. (U) The mayor closed the port.', ''].join('\n');
    const spills = lintCable(parse(text)).filter((f) => f.id === 'CBL030');
    assert.deepEqual(spills.map((f) => `${at(f.range)} ${f.message}`), [`7:${8 + long.length + 5}-7:${8 + long.length + 8} Paragraph 3 is marked CONFIDENTIAL above the banner level UNCLASSIFIED.`]);
  });

  it('reads "¶10.", one after a closing quote or "?", two in one line, and one on a wrapped line after a page line', () => {
    assert.deepEqual(glued(' ¶10. (C) Fares rose.').paragraphs.map((p) => `${p.marker.text}:${p.style}`), ['¶8.:pilcrow', '¶9.:pilcrow', '¶10.:pilcrow', '¶11.:pilcrow']);
    assert.deepEqual(glued('” 10. (C) Fares rose.').paragraphs.map((p) => p.readAs), [8, 9, 10, 11]);
    const two = parse([...head, '¶8. (C) The ferry talks resumed.', '', '¶9. (C) Who pays? 10. (C) Fares rose. 11. (S) The mayor closed the port.', '', '¶12. (C) Done.'].join('\n'));
    assert.deepEqual(two.paragraphs.map((p) => `${p.readAs}:${at(p.range)}`), ['8:6:0-6:32', '9:8:0-8:17', '10:8:18-8:37', '11:8:38-8:72', '12:10:0-10:14']);
    // The first words of each stop where the next one's marker starts.
    assert.deepEqual(two.paragraphs.map((p) => p.firstWords).slice(1, 3), ['Who pays?', 'Fares rose.']);
    const wrapped = parse([...head, '¶9. (C) The ferry talks resumed.', 'NOWHERE 00000123 002 OF 002', `${long}. 10. (C) Fares rose.`, '¶11. (C) Done.'].join('\n'));
    assert.deepEqual(wrapped.paragraphs.map((p) => `${p.readAs}:${at(p.range)}`), ['9:6:0-8:' + (long.length + 1), `10:8:${long.length + 2}-8:${long.length + 21}`, '11:9:0-9:14']);
  });

  it('reads no prose as a glued paragraph', () => {
    const numbers = (c: Cable) => c.paragraphs.map((p) => p.readAs);
    assert.deepEqual(numbers(glued(' 10. (C) Fares rose.')), [8, 9, 10, 11]);
    // Not the next number, no sentence's end or no white space before it, no marking after it, a marking that names no level
    // or lost a parenthesis, two full stops or none, no white space after the full stop.
    for (const line of [' 14. (C) Fares rose.', ' in 10. (C) Fares rose.', ', 10. (C) Fares rose.', '.10. (C) Fares rose.', ' 10. Fares rose.', ' 10. (EU) members agreed.', ' 10. (C Fares rose.', ' 10. C) Fares rose.', ' 10.. (C) Fares rose.', ' 10 (C) Fares rose.', ' 10.(C) Fares rose.', ' 110. (C) Fares rose.']) {
      assert.deepEqual(numbers(glued(line)), [8, 9, 11], line);
    }
    // A list item in the middle of a paragraph: "1. (C)" after ¶9 is no paragraph.
    assert.deepEqual(numbers(glued(': 1. (C) fares; 2. (C) quays.')), [8, 9, 11]);
    // The next paragraph at a line's start already numbers 10: the glued number would be its duplicate.
    assert.deepEqual(numbers(parse([...head, `¶9. (C) ${long}. 10. (C) Fares rose.`, '', '¶10. (C) Done.'].join('\n'))), [9, 10]);
  });

  it('counts a glued paragraph in the sequence that a loose number after it must follow ("11.The …", "11 (C) …" after a glued 10)', () => {
    const after = (nine: string, next: string, last = 12) => parse([...head, '¶8. (C) The ferry talks resumed.', '', `¶9. (C) ${long}.${nine}`, '', next, '', `¶${last}. (C) The mayor closed the port.`, 'DOE'].join('\n'));
    const numbers = (c: Cable) => c.paragraphs.map((p) => `${p.readAs}:${p.range.start.line}`);
    const sequence = (c: Cable) => lintCable(c).filter((f) => f.id === 'CBL024' && !f.message.includes('first paragraph')).map((f) => f.message);
    for (const next of ['11.The harbor board met again.', '11 (C) The harbor board met again.', '11, (C) The harbor board met again.']) {
      const c = after(' 10. (C) Fares rose again in April.', next);
      assert.deepEqual(numbers(c), ['8:6', '9:8', '10:8', '11:10', '12:12'], next);
      assert.deepEqual(sequence(c), [], next);
      // Without the glued 10, 11 is no next number: the line is text of ¶9, as before.
      assert.deepEqual(numbers(after('', next)), ['8:6', '9:8', '12:12'], next);
    }
    // Two glued (10 and 11) before "12.The …"; a loose 12 after a glued 10 alone is text; a glued 10 that the
    // paragraph before misses (no sentence's end before it) counts for nothing.
    assert.deepEqual(numbers(after(' 10. (C) Fares rose. 11. (S) Quays closed.', '12.The harbor board met again.', 13)).slice(2), ['10:8', '11:8', '12:10', '13:12']);
    assert.deepEqual(numbers(after(' 10. (C) Fares rose.', '12 (C) The harbor board met again.')), ['8:6', '9:8', '10:8', '12:12']);
    assert.deepEqual(numbers(after(', 10. (C) Fares rose.', '11 (C) The harbor board met again.')), ['8:6', '9:8', '12:12']);
    // A rule line ends ¶9: a glued 10 under it is in no paragraph, and counts for nothing either.
    const ruled = parse([...head, '¶9. (C) The ferry talks resumed.', '-----', `${long}. 10. (C) Fares rose.`, '11 (C) The harbor board met again.', '', '¶12. (C) Done.'].join('\n'));
    assert.deepEqual(numbers(ruled), ['9:6', '12:11']);
  });

  it('opens a Summary, Comment or Note at a glued paragraph\'s start as at a line\'s, with its closer and CBL027 alike', () => {
    // Each case as written with ¶10 glued to the end of ¶9's line, and with ¶10 at a line's start.
    const both = (nine: string, ten: string, after: string[]) => [`¶9. (C) ${nine} 10. (C) ${ten}`, `¶9. (C) ${nine}\n\n¶10. (C) ${ten}`].map((body) => parse([...head, '¶8. (C) The ferry talks resumed.', '', body, ...after].join('\n')));
    // Each block: its kind, whether it is closed, and the paragraphs its start and its end stand in.
    const holder = (c: Cable, p: Range['start']) => c.paragraphs.filter((q) => q.range.start.line < p.line || (q.range.start.line === p.line && q.range.start.character <= p.character)).pop()?.readAs;
    const blocks = (c: Cable) => c.blocks.map((b) => `${b.kind}:${b.open ? 'open' : '-'}:${b.close ? 'closed' : '-'}:${holder(c, b.range.start)}-${holder(c, b.range.end)}`);
    const unbalanced = (c: Cable) => lintCable(c).filter((f) => f.id === 'CBL027').map((f) => f.message);
    const last = ['', 'DOE'];
    const more = ['', '¶11. (C) The mayor closed the port.', 'DOE'];
    for (const [nine, ten, after, expected, findings] of [
      // Left open in a paragraph with one after it: the block is that paragraph's, and noted.
      [`${long}.`, 'Comment: The board will not agree before the fares are known.', more, ['comment:open:-:10-10'], ["Comment opened without 'End Comment'."]],
      [`${long}.`, 'Summary: The board met. End Summary. The fares rose.', more, ['summary:open:closed:10-10'], []],
      [`${long}.`, 'Note: The board met in April.', more, ['note:open:-:10-10'], ["Note opened without 'End Note'."]],
      // The last paragraph, with the signature after it: a closing Comment needs no closer.
      [`${long}.`, 'Comment: The board will not agree before the fares are known.', last, ['comment:open:-:10-10'], []],
      // A Comment that opens ¶9 ends with ¶9, or runs over ¶10 when ¶10 says it continues it (to the last paragraph: no closer needed).
      [`Comment: ${long}.`, 'Fares rose again in April.', more, ['comment:open:-:9-9'], ["Comment opened without 'End Comment'."]],
      [`Comment: ${long}.`, "Comment cont'd: Fares rose again in April.", more, ['comment:open:-:9-10'], ["Comment opened without 'End Comment'."]],
      [`Comment: ${long}.`, "Comment cont'd: Fares rose again in April.", last, ['comment:open:-:9-10'], []],
    ] as const) {
      const [glued, lineStart] = both(nine, ten, [...after]);
      assert.deepEqual(glued.paragraphs.map((p) => p.readAs), lineStart.paragraphs.map((p) => p.readAs), ten);
      assert.equal(glued.paragraphs[2].range.start.line, glued.paragraphs[1].range.start.line, ten);
      assert.deepEqual(blocks(glued), [...expected], `${nine} ${ten}`);
      assert.deepEqual(blocks(lineStart), [...expected], `${nine} ${ten} at a line's start`);
      assert.deepEqual(unbalanced(glued), [...findings], `${nine} ${ten}`);
      assert.deepEqual(unbalanced(lineStart), [...findings], `${nine} ${ten} at a line's start`);
    }
    // The opener's token is the word after the glued paragraph's marking.
    const [glued] = both(`${long}.`, 'Comment: The board will not agree.', more);
    // '¶9. (C) ', the long text, '. ' and '10. (C) ' before it.
    const start = 8 + long.length + 2 + 8;
    assert.equal(at(glued.blocks[0].open?.token.range), `8:${start}-8:${start + 7}`);
  });
});

describe('parser: trailer', () => {
  const body = ['UNCLAS NOWHERE 000001', '', 'SUBJECT: X', '', '¶1. (U) Text.', '', '¶2. (U) Comment: more text', 'ends here.'];

  it('ends the last paragraph and an open block before "BT" and "NNNN", signed or not', () => {
    for (const tail of [['HALLORAN', 'BT', 'NNNN'], ['HALLORAN', '', 'BT', '', 'NNNN', ''], ['BT', 'NNNN']]) {
      const c = parse([...body, ...tail].join('\n'));
      const last = c.paragraphs[c.paragraphs.length - 1];
      assert.equal(at(last.range), '6:0-7:10', tail.join('|'));
      assert.deepEqual(c.blocks.map((b) => [b.kind, at(b.range)]), [['comment', '6:8-7:10']], tail.join('|'));
      assert.equal(c.signature?.token.text, tail[0] === 'BT' ? undefined : 'HALLORAN', tail.join('|'));
    }
  });

  it('ends the last paragraph and an open block before "BT", the end-of-message serial and "NNNN", and reads them as the trailer', () => {
    for (const tail of [['HALLORAN', 'BT', '#0001', 'NNNN'], ['HALLORAN', '', 'BT', '', '#0001', '', 'NNNN', ''], ['BT', '  #0001\t', 'NNNN']]) {
      const c = parse([...body, ...tail].join('\n'));
      const last = c.paragraphs[c.paragraphs.length - 1];
      assert.equal(at(last.range), '6:0-7:10', tail.join('|'));
      assert.deepEqual(c.blocks.map((b) => [b.kind, at(b.range)]), [['comment', '6:8-7:10']], tail.join('|'));
      assert.equal(c.signature?.token.text, tail[0] === 'BT' ? undefined : 'HALLORAN', tail.join('|'));
      const t = c.trailer!;
      const lines = [...body, ...tail];
      const bt = lines.lastIndexOf('BT');
      const serial = lines.findIndex((l) => l.includes('#'));
      assert.deepEqual([t.bt.map((b) => at(b.range)), t.nnnn.map((n) => at(n.range))], [[`${bt}:0-${bt}:2`], [`${lines.indexOf('NNNN')}:0-${lines.indexOf('NNNN')}:4`]], tail.join('|'));
      assert.equal(at(t.range), `${bt}:0-${lines.indexOf('NNNN')}:4`, tail.join('|'));
      assert.equal(t.eom?.token.text, '#0001', tail.join('|'));
      assert.deepEqual([t.eom?.serial.text, t.eom?.serial.value, t.eom?.serial.range.start.line], ['0001', 1, serial], tail.join('|'));
      assert.deepEqual(c.lineKinds.slice(bt).filter((k) => k !== 'blank'), ['trailer', 'trailer', 'trailer'], tail.join('|'));
    }
  });

  it('reads the end-of-message serial only between "BT" and "NNNN": elsewhere it is text', () => {
    // No "BT" above it, no "NNNN" below it, or two of them: the last text line is the serial, and no name is read.
    for (const [tail, bt, nnnn] of [
      [['HALLORAN', '#0001', 'NNNN'], 0, 1],
      [['HALLORAN', 'BT', '#0001'], 0, 0],
      [['HALLORAN', 'BT', '#0001', '#0001', 'NNNN'], 0, 1],
      [['HALLORAN', 'BT', '#0001', 'BT', 'NNNN'], 1, 1],
      [['HALLORAN', 'BT', '#01', 'NNNN'], 0, 1],
      [['HALLORAN', 'BT', '#0001/01', 'NNNN'], 0, 1],
    ] as const) {
      const c = parse([...body, ...tail].join('\n'));
      assert.equal(c.signature, undefined, tail.join('|'));
      assert.equal(c.trailer?.eom, undefined, tail.join('|'));
      assert.deepEqual([c.trailer?.bt.length ?? 0, c.trailer?.nnnn.length ?? 0], [bt, nnnn], tail.join('|'));
    }
    assert.equal(parse([...body, 'HALLORAN'].join('\n')).trailer, undefined);
  });

  it('ends the text before a scraped page\'s copyright line ("© Harbor Wire") and the page matter after it', () => {
    const c = parse([...body, '', '© Harbor Wire', '', 'World Headlines', '', '', 'Ferry Board Raises Fares On All Crossings', 'The ferry board met on Monday and agreed to raise fares for cars on every crossing of the bay.', '', 'More>>'].join('\n'));
    assert.deepEqual(c.headings, []);
    assert.equal(at(c.paragraphs[c.paragraphs.length - 1].range), '6:0-7:10');
    assert.deepEqual(c.blocks.map((b) => [b.kind, at(b.range)]), [['comment', '6:8-7:10']]);
    assert.equal(c.signature, undefined);
  });

  it('reads a name over a web-site footer longer than 60 characters as the signature, not as a title over text', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ferry runs.\n\nRoe\n\n"Visit  Nowhere\'s  Classified  Web  Site  at  http://www.example.s\ngov.gov/wiki/Portal:Nowhere"\n';
    const c = parse(text);
    // "Roe" was read as a plain title over the footer's first line, and the cable had no signature.
    assert.deepEqual([c.signature?.token.text, c.headings.length], ['Roe', 0]);
  });

  it('ends the last paragraph before a web-site footer above the signature, and reads the footer\'s lines as such', () => {
    const footer = ['', '****************** *****', 'For more reporting from Embassy Nowhere, visit:', 'http://www.example.invalid/p/nowhere/?cable s', '', "Visit Nowhere's Classified Website:", 'http://www.example.invalid/p/nowhere/', 'You can also reach it through the', 'Classified website of the Department.', '****************** *****', '', 'HALLORAN'];
    const c = parse([...body, ...footer].join('\n'));
    assert.equal(at(c.paragraphs[c.paragraphs.length - 1].range), '6:0-7:10');
    assert.deepEqual(c.blocks.map((b) => [b.kind, at(b.range)]), [['comment', '6:8-7:10']]);
    assert.deepEqual(c.lineKinds.slice(8), ['blank', 'footer', 'footer', 'footer', 'blank', 'footer', 'footer', 'footer', 'footer', 'footer', 'blank', 'signature']);
    assert.equal(c.signature?.token.text, 'HALLORAN');
    // A paragraph that opens with the footer's words stays a paragraph; text before a footer line that is not the footer's stays the paragraph's.
    const own = parse([...body.slice(0, 6), "¶2. (U) Visit Nowhere's Classified Website at:", 'http://www.example.invalid/p/nowhere/', '', 'HALLORAN'].join('\n'));
    assert.deepEqual(own.paragraphs.map((p) => at(p.range)), ['4:0-4:13', '6:0-7:37']);
    const text = parse([...body, 'The ferries run late.', "Visit Nowhere's Classified Website:", 'http://www.example.invalid/p/nowhere/', '', 'HALLORAN'].join('\n'));
    assert.equal(at(text.paragraphs[1].range), '6:0-8:21');
  });

  it('ends the last paragraph before a web-site footer whose line ends with the signature, and reads that line as the footer', () => {
    // "Visit Nowhere’s Classified Website: http://…/index. cfm Halloran": the name glued after the footer's link signs the cable.
    // In capitals too ("…/INDEX. CFM HALLORAN"), where the piece of the link after its full stop read as a first name.
    const tails = [['Visit Nowhere’s Classified Website: http://www.example.invalid/nowhere/index. cfm Halloran'], ['', '****************** *****', 'Visit Nowhere’s Classified Website: http://www.example.invalid/nowhere/index. cfm Halloran']];
    for (const tail of [...tails, ...tails.map((t) => t.map((l) => l.toUpperCase()))]) {
      const c = parse([...body, ...tail].join('\n'));
      assert.equal(at(c.paragraphs[c.paragraphs.length - 1].range), '6:0-7:10', tail.join('|'));
      assert.deepEqual(c.blocks.map((b) => [b.kind, at(b.range)]), [['comment', '6:8-7:10']], tail.join('|'));
      assert.deepEqual(c.lineKinds.slice(8).filter((k) => k !== 'blank'), tail.filter((l) => l !== '').map(() => 'footer'), tail.join('|'));
      const name = tail[tail.length - 1].slice(-8);
      assert.deepEqual([c.signature?.token.text, c.signature?.glued, c.signature?.token.range.start.line], [name, true, 7 + tail.length], tail.join('|'));
    }
    // A paragraph's own line that ends with the footer and the name stays the paragraph's.
    const own = parse([...body.slice(0, 6), '¶2. (U) Visit Nowhere’s Classified Website: http://www.example.invalid/nowhere/index. cfm Halloran'].join('\n'));
    assert.equal(at(own.paragraphs[1].range), '6:0-6:98');
    assert.equal(own.signature?.token.text, 'Halloran');
  });

  it('reads a web-site footer after the signature, its link wrapped, as a footer and not as text (09ANKARA1725\'s shape)', () => {
    const tail = ['', 'Halloran', '', '"Visit Nowhere\'s Classified Web Site at http://www.example.s', 'gov.gov/wiki/Portal:Nowhere"', ''];
    const c = parse([...body, ...tail].join('\n'));
    assert.equal(c.signature?.token.text, 'Halloran');
    assert.equal(at(c.paragraphs[c.paragraphs.length - 1].range), '6:0-7:10');
    assert.deepEqual(c.lineKinds.slice(8), ['blank', 'signature', 'blank', 'footer', 'footer', 'blank']);
    // In capitals, its link too ("HTTP://…"), and above the signature, the link's line opening with "HTTP" belongs to the footer.
    const upper = parse([...body, '', 'VISIT NOWHERE\'S CLASSIFIED WEBSITE:', 'HTTP://WWW.EXAMPLE.INVALID/P/NOWHERE/', '', 'HALLORAN'].join('\n'));
    assert.deepEqual(upper.lineKinds.slice(8), ['blank', 'footer', 'footer', 'blank', 'signature']);
    const lead = parse([...body, '', 'For more reporting from Embassy Nowhere, visit:', 'HTTP://WWW.EXAMPLE.INVALID/P/NOWHERE/?CABLES', '', 'Visit Nowhere\'s Classified Website:', 'http://www.example.invalid/p/nowhere/', '', 'HALLORAN'].join('\n'));
    assert.deepEqual(lead.lineKinds.slice(8), ['blank', 'footer', 'footer', 'blank', 'footer', 'footer', 'blank', 'signature']);
    // Text after the signature that is no footer stays as it was.
    const other = parse([...body, '', 'Halloran', '', 'End Cable Text'].join('\n'));
    assert.ok(!other.lineKinds.includes('footer'));
  });

  it('ends the last paragraph before a signature written twice, a blank line apart ("HALLORAN" ⏎ "" ⏎ "HALLORAN")', () => {
    const c = parse([...body, '', 'HALLORAN ', '', 'HALLORAN'].join('\n'));
    assert.equal(at(c.paragraphs[c.paragraphs.length - 1].range), '6:0-7:10');
    assert.deepEqual(c.lineKinds.slice(8), ['blank', 'signature', 'blank', 'signature']);
    assert.deepEqual([c.signature?.token.text, c.signature?.token.range.start.line], ['HALLORAN', 11]);
    assert.deepEqual(c.signature?.twice, { text: 'HALLORAN', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 8 } } });
    // Another name, or the name right under the paragraph's last line, stays the paragraph's.
    const other = parse([...body, '', 'QUILL', '', 'HALLORAN'].join('\n'));
    assert.equal(at(other.paragraphs[other.paragraphs.length - 1].range), '6:0-9:5');
    const under = parse([...body, 'HALLORAN', '', 'HALLORAN'].join('\n'));
    assert.equal(at(under.paragraphs[under.paragraphs.length - 1].range), '6:0-8:8');
  });

  it('leaves "BT" and "NNNN" before the end of the text to the text', () => {
    const c = parse([...body.slice(0, 5), 'BT', 'NNNN', ...body.slice(5), 'HALLORAN'].join('\n'));
    assert.equal(at(c.paragraphs[0].range), '4:0-6:4');
    assert.equal(c.signature?.token.text, 'HALLORAN');
  });
});

describe('parser: canonical ids', () => {
  it('orders ids as people read them, not character by character', () => {
    const ids = ['09NOWHERE708', '10ELSEWHERE3', '09NOWHERE99', '09NOWHERE1200', '9NOWHERE5'];
    assert.deepEqual([...ids].sort((a, b) => (idSortKey(a) < idSortKey(b) ? -1 : 1)), ['9NOWHERE5', '09NOWHERE99', '09NOWHERE708', '09NOWHERE1200', '10ELSEWHERE3']);
  });
  it('builds and reads ids in every typed form', () => {
    assert.equal(canonicalId(2009, 'Buenos Aires', 1462), '09BUENOSAIRES1462');
    assert.equal(canonicalId(9, 'SECSTATE', 2743), '09STATE2743');
    assert.equal(canonicalId(2009, 'DUBAI RPO', 12), '09RPODUBAI12');
    assert.equal(canonicalId(2009, 'RPO DUBAI', 12), '09RPODUBAI12');
    for (const typed of ['09PARIS708', 'PARIS 708', '09 PARIS 708', '2009 PARIS 000708']) assert.equal(parseCableId(typed)?.number, 708, typed);
    assert.equal(parseCableId('09 PARIS 708')?.year, 2009);
    assert.equal(parseCableId('PARIS 708')?.year, undefined);
    assert.equal(parseCableId('no id here'), undefined);
    // As PlusD writes ids: the year's four digits, and a second copy's letter after an underscore.
    assert.deepEqual(parseCableId('2009PARIS708'), { year: 2009, post: 'PARIS', number: 708 });
    assert.deepEqual(parseCableId('1974STATE150591'), { year: 1974, post: 'STATE', number: 150591 });
    assert.deepEqual(parseCableId('05STATE226504_a'), { year: 2005, post: 'STATE', number: 226504 });
    for (const text of ['3009PARIS708', '09PARIS708_ab', '209PARIS708']) assert.equal(parseCableId(text), undefined, text);
  });

  it('writes the citation a REF field gives a cable, with its year only where the citing cable\'s would not do', () => {
    assert.equal(citationOf('09PARIS708', '09NOWHERE12'), 'PARIS 708');
    assert.equal(citationOf('08PARIS708', '09NOWHERE12'), '08 PARIS 708');
    assert.equal(citationOf('09BUENOSAIRES55', '09NOWHERE12', 'BUENOS AIRES'), 'BUENOS AIRES 55');
    // A post as another banner writes it is not the id's: the id's.
    assert.equal(citationOf('09BUENOSAIRES55', '09NOWHERE12', 'MONTEVIDEO'), 'BUENOSAIRES 55');
    // In January, the post's own higher numbers are last year's: "NOWHERE 2950" in NOWHERE 40 of 2010 is 09NOWHERE2950.
    assert.equal(citationOf('09NOWHERE2950', '10NOWHERE40'), 'NOWHERE 2950');
    assert.equal(citationOf('10NOWHERE2950', '10NOWHERE40'), '10 NOWHERE 2950');
    assert.equal(citationOf('10NOWHERE12', '10NOWHERE40'), 'NOWHERE 12');
    // Without the citing cable's year, every citation has its own.
    assert.equal(citationOf('09PARIS708', undefined), '09 PARIS 708');
    assert.equal(citationOf('PARIS 708', '09NOWHERE12'), undefined);
  });

  it('reads ids from file names, and lends a file name\'s year to citations in an undated cable', () => {
    for (const name of ['09PARIS1039.txt', 'archive/09PARIS1039.cable', 'C:\\cables\\09PARIS1039.TXT', 'file:///w/09PARIS1039.txt']) assert.equal(idFromFileName(name), '09PARIS1039', name);
    for (const name of ['notes.txt', '09paris1039.txt', '09PARIS1039.md', '3009PARIS1039.txt', '09PARIS1039_ab.txt', '09PARIS1039_A.txt']) assert.equal(idFromFileName(name), undefined, name);
    // PlusD's names give the id of the cable: its year in four digits, a second copy's letter after an underscore.
    assert.deepEqual(['2009PARIS1039.txt', '1974STATE150591.txt', 'plusd/05STATE226504_a.txt'].map(idFromFileName), ['09PARIS1039', '74STATE150591', '05STATE226504']);
    assert.deepEqual(['2009PARIS1039.txt', '05STATE226504_a.txt', '2009paris1039.txt'].map(fileNameKind), ['cable', 'cable', 'txt']);
    const undated = parse('UNCLAS NOWHERE 000012\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 11 B. 07 NOWHERE 5 C. SAINZ E-MAIL\n\n¶1. (U) Text.\n');
    assert.deepEqual(undated.refs?.items.map((i) => i.id), [undefined, '07NOWHERE5', undefined]);
    assert.deepEqual(undated.refs?.items.map((i) => citedId(i, '09NOWHERE12')), ['09NOWHERE11', '07NOWHERE5', undefined]);
    assert.deepEqual(undated.refs?.items.map((i) => citedId(i, undefined)), [undefined, '07NOWHERE5', undefined]);
  });
});

describe('parser: readsAsCable', () => {
  const reads = (text: string) => readsAsCable(parseCable(text).cable);
  it('takes a transmission header, a publisher note, or two of banner, E.O., TAGS and SUBJECT', () => {
    assert.ok(reads('VZCZCXRO1234\nPP RUEHWEB\nDE RUEHFR #0708/01 1480849\nZNY SSSSS ZZH\nP 280849Z MAY 09\n'));
    assert.ok(reads('This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nSome text.\n'));
    assert.ok(reads('C O N F I D E N T I A L ROME 000123\n\nSUBJECT: A VISIT\n'));
    assert.ok(reads('TAGS: PREL, IT\nSUBJECT: A VISIT\n\n1. Text.\n'));
  });
  it('leaves prose, lists and fragments alone', () => {
    assert.ok(!reads(''));
    assert.ok(!reads('Reading notes\n\nSUBJECT: what to read next\n'));
    assert.ok(!reads('CONFIDENTIAL\n\nA list of levels: SECRET, CONFIDENTIAL.\n'));
    assert.ok(!reads('1. First point.\n2. Second point.\n'));
    // A header line alone, in notes about headers: one known header line is not a header.
    assert.ok(!reads('Reading notes\n\nThe copies open with a transmission header, and a\nVZCZCXYZ0003 line like this one starts it; the\nprecedence and routing lines follow.\n'));
  });
  it('takes a header of two known lines, as a scraped copy has it without the VZCZC line', () => {
    assert.ok(reads('\n\nVZCZCXYZ0003\nRR RUEHWEB\n\nA text.\n'));
    assert.ok(reads('A scraped title\n\nDE RUEHFR #0708/01 1480849\nZNY CCCCC ZZH\n'));
  });
});

describe("parser: a scan's margin on every line", () => {
  const plain = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHXX #0001/01 1541322\nZNY CCCCC ZZH\nP 031322Z JUN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nC O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: Jane Roe, reasons 1.4 (b).\n\n¶1. (C) Text.\n';
  const withMargin = (margin: (line: string, index: number) => string) => plain.split('\n').map((l, i) => margin(l, i)).join('\n');
  const read = (text: string) => {
    const c = parseCable(text).cable;
    return [c.id, c.banner?.level, c.banner?.range.start.character, c.eo?.decl?.value.text, c.tags?.tags.map((t) => t.code).join(' '), c.subject?.text, c.classifiedBy?.range.start.line, c.paragraphs.length, c.margin?.kind, c.margin?.width];
  };

  it('reads a cable whose every line opens with a bar or a line number at the same width as the cable without it, every range where it was', () => {
    // Every field was lost: no banner (CBL010), no E.O., TAGS or SUBJECT, no paragraph.
    assert.deepEqual(read(withMargin((l) => (l === '' ? '' : `| ${l}`))), ['09NOWHERE1', 'CONFIDENTIAL', 2, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, 'bar', 2]);
    assert.deepEqual(read(withMargin((l) => `|${l}`)), ['09NOWHERE1', 'CONFIDENTIAL', 1, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, 'bar', 1]);
    // Numbered from 01, blank lines numbered too; right-aligned from 1 to 17.
    assert.deepEqual(read(withMargin((l, i) => `${String(i + 1).padStart(2, '0')} ${l}`.trimEnd())), ['09NOWHERE1', 'CONFIDENTIAL', 3, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, 'numbers', 3]);
    assert.deepEqual(read(withMargin((l, i) => (l === '' ? '' : `${String(i + 1).padStart(2, ' ')} ${l}`))), ['09NOWHERE1', 'CONFIDENTIAL', 3, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, 'numbers', 3]);
    // With CRLF line ends, the text keeps its length and its line ends.
    const crlf = withMargin((l) => (l === '' ? '' : `| ${l}`)).replace(/\n/g, '\r\n');
    const c = parseCable(crlf).cable;
    assert.deepEqual([c.text.length, c.eol, c.margin?.lines.length], [crlf.length, '\r\n', 13]);
    // The text and lines are the document's, the margin in them (as Cable.text says), though the parse read them without it.
    assert.deepEqual([c.text === crlf, c.lines[8]], [true, '| C O N F I D E N T I A L NOWHERE 000001']);
  });

  it('reads line numbers at two widths, aligned or not, each line without its own number and nothing of its text', () => {
    // Left-aligned with the text after one space ("9 PP" ⏎ "10 DE"): each line's number and space is its margin.
    const unaligned = withMargin((l, i) => (l === '' ? '' : `${i + 1} ${l}`));
    assert.deepEqual(read(unaligned).slice(0, 8), ['09NOWHERE1', 'CONFIDENTIAL', 2, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1]);
    const m = parseCable(unaligned).cable.margin;
    assert.deepEqual([m?.kind, m?.width, m?.widths.slice(0, 2), m?.widths.slice(-2)], ['numbers', 3, [2, 2], [3, 3]]);
    // Left-aligned with the text in one column ("9  PP" ⏎ "10 DE"), and numbered blank lines among them: one width.
    const padded = withMargin((l, i) => `${String(i + 1).padEnd(2, ' ')} ${l}`.trimEnd());
    assert.deepEqual(read(padded), ['09NOWHERE1', 'CONFIDENTIAL', 3, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, 'numbers', 3]);
    const p = parseCable(padded).cable;
    assert.ok(p.margin?.widths.every((w, k) => w === (p.lines[p.margin!.lines[k]].length < 3 ? p.lines[p.margin!.lines[k]].length : 3)));
    // Numbered from 8, so that "9" ⏎ "10" ⏎ … "24" come after "8", right-aligned or not, the text in a column.
    assert.deepEqual(read(withMargin((l, i) => `${String(i + 8).padStart(2, ' ')} ${l}`)).slice(8), ['numbers', 3]);
    assert.deepEqual(read(withMargin((l, i) => `${String(i + 8).padEnd(2, ' ')} ${l}`)).slice(8), ['numbers', 3]);
  });

  it('reads no margin where a line lacks it, too many lines lack it, they stand at another width, or too few lines have one', () => {
    const none = (text: string) => parseCable(text).cable.margin;
    assert.equal(none(plain), undefined);
    assert.equal(none('| a\n| b\n| c\n'), undefined);
    // A text opening with a number that is no line number ("2 May 2009") reads as before.
    assert.equal(none(`2 May 2009\n${plain}`), undefined);
    // A line that opens with the bar but not at its width is no stray line.
    assert.equal(none(withMargin((l, i) => (l === '' ? '' : i === 12 ? `|${l}` : `| ${l}`))), undefined);
    // Numbers that do not rise on more than one line in six.
    assert.equal(none(withMargin((l, i) => `${String(i % 3 === 0 ? 1 : i + 1).padStart(2, '0')} ${l}`.trimEnd())), undefined);
  });

  it('reads the margin past a line opening with a number that does not rise, or with one that rose too far, as typed without it', () => {
    // Invented: the SUBJECT line typed over its number as `03 SUBJECT: …` or `12 SUBJECT: …` (no rise after 12), or as
    // `99 SUBJECT: …`, above `14`; each dropped the margin, and every field with it.
    for (const number of ['03', '12', '99']) {
      const text = withMargin((l, i) => (i === 12 ? `${number} ${l}` : `${String(i + 1).padStart(2, '0')} ${l}`.trimEnd()));
      const c = parseCable(text).cable;
      assert.ok(c.margin && !c.margin.lines.includes(12) && c.margin.lines.includes(11) && c.margin.lines.includes(13), number);
      // The line is read as it stands, the rest past the margin, where no field was read at all.
      assert.deepEqual(read(text), ['09NOWHERE1', 'CONFIDENTIAL', 3, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, 'numbers', 3], number);
    }
  });

  it('reads the margin past lines typed without it (Enter writes none), one to five with it at most', () => {
    // Invented: the cable with the margin on every line but SUBJECT's (and TAGS's), as a writer types it under Enter.
    const bar = (skip: number[]) => withMargin((l, i) => (l === '' || skip.includes(i) ? l : `| ${l}`));
    const numbers = (skip: number[]) => withMargin((l, i) => (skip.includes(i) ? l : `${String(i + 1).padStart(2, '0')} ${l}`.trimEnd()));
    for (const [kind, text, width] of [['bar', bar, 2], ['numbers', numbers, 3]] as const) {
      // The stray lines are read as they stand, from column 0, the others past the margin.
      for (const skip of [[12], [11, 12]]) {
        assert.deepEqual(read(text(skip)), ['09NOWHERE1', 'CONFIDENTIAL', width, '06/03/2019', 'PREL', 'FERRY TALKS', 14, 1, kind, width], `${kind} ${skip}`);
        const c = parseCable(text(skip)).cable;
        assert.ok(skip.every((l) => !c.margin!.lines.includes(l)) && c.subject!.keyword.range.start.character === 0, `${kind} ${skip}`);
      }
      // Three lines too, where the cable has five times as many with the margin (the numbered one, whose blank lines are
      // numbered too), and not where it has fewer (the barred one, whose blank lines have no bar).
      const three = parseCable(text([10, 11, 12])).cable.margin;
      assert.equal(three?.lines.length, kind === 'numbers' ? 15 : undefined, kind);
    }
    // Many lines typed at the end of a long scan: read as they stand, the rest past the margin.
    const long = `${plain.split('\n').map((l) => (l === '' ? '' : `| ${l}`)).join('\n')}${'| ¶2. (C) More text.\n|\n'.repeat(10)}¶12. (C) Typed.\n-- one;\n-- two;\n-- three.\n`;
    const c = parseCable(long).cable;
    assert.deepEqual([c.margin?.kind, c.paragraphs.length, c.paragraphs[c.paragraphs.length - 1].marker.range.start.character], ['bar', 12, 0]);
    // One stray line to five with the margin, two to ten: no fewer.
    assert.equal(parseCable('| a\n| b\n| c\n| d\n| e\nf\n').cable.margin?.lines.length, 5);
    assert.equal(parseCable('| a\n| b\n| c\n| d\n| e\nf\ng\n').cable.margin, undefined);
    assert.equal(parseCable(`${'| a\n'.repeat(10)}f\ng\n`).cable.margin?.lines.length, 10);
    assert.equal(parseCable(`${'| a\n'.repeat(9)}f\ng\n`).cable.margin, undefined);
    // A text without a margin whose first lines open with rising numbers (a numbered list) reads none.
    assert.equal(parseCable(`1 apple\n2 pear\n3 plum\n4 fig\n5 lime\n${plain}`).cable.margin, undefined);
  });
});

describe('parser: robustness', () => {
  const base = sample('09VALLETTA412.cable');
  const variants: [string, string][] = [
    ['CRLF', base.replace(/\n/g, '\r\n')],
    ['CR', base.replace(/\n/g, '\r')],
    ['mixed line endings', base.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('')],
    ['BOM', '\uFEFF' + base],
    ['tabs', base.replace(/ /g, '\t')],
    ['curly quotes and NBSP', base.replace(/'/g, '’').replace(/ said/g, '\u00a0said')],
    ['truncated', base.slice(0, 700)],
    ['binary junk', base.slice(0, 400) + '\u0000\u0001\u0002\uFFFD\u0007'.repeat(50) + base.slice(400)],
    ['20,000-character line', base.replace('¶3. (C) Gauci', '¶3. (C) ' + 'word '.repeat(4000) + 'Gauci')],
    ['empty', ''],
    ['only blank lines', '\n\n\n'],
    ['no banner, no header', 'Just a line of text.\nAnd another.'],
  ];
  for (const [name, text] of variants) {
    it(`never throws and keeps ranges inside the document: ${name}`, () => {
      const { cable, problems } = parseCable(text);
      assert.equal(problems.some((p) => p.rule === 'internal-error'), false);
      assertRangesInside(cable);
      assert.equal(cable.lines.join(''), text.replace(/\r\n|\r|\n/g, ''));
    });
  }

  it('reads the same model whatever the line endings', () => {
    const lf = parse(base);
    for (const eol of ['\r\n', '\r']) {
      const other = parse(base.replace(/\n/g, eol));
      assert.equal(other.paragraphs.length, lf.paragraphs.length);
      assert.equal(other.id, lf.id);
      assert.deepEqual(other.tags?.tags.map((t) => t.code), lf.tags?.tags.map((t) => t.code));
      assert.equal(other.eol, eol);
    }
  });

  it('reads a cable whose header is broken as well as one without', () => {
    const broken = parse(base.replace('DE RUEHVT #0412/01 1541322', 'DE RUEH?? garbage').replace('P 031322Z JUN 09', 'P 03'));
    assert.equal(broken.banner?.level, 'SECRET');
    assert.equal(broken.paragraphs.length, 5);
    assert.equal(broken.tags?.tags.length, 6);
  });

  it('reads 1.5 MB of Comment headings that nothing closes in linear time (8 times as many in about 8 times as long; 20 s for 65,000 when each looked its heading up in a list)', () => {
    // Each heading opens a Comment that runs over its section: finding the heading of each was a walk over all of them.
    const c = assertLinearTime((n) => `S E C R E T NOWHERE 000001\n\nSUBJECT: X\n\n${'COMMENT\n-------\n\n\u00b61. (C) The minister spoke.\n\n'.repeat(n)}`, parse, 32_000);
    assert.equal(c.blocks.length, 32_000);
    assert.deepEqual(c.blocks[1].range, { start: { line: 9, character: 0 }, end: { line: 12, character: 27 } });
  });

  it('reads a Classified By line of 256,000 reason letters in linear time (8 times as many in about 8 times as long; 21 s when each letter past h searched the letters taken and the rest of the line)', () => {
    const text = (n: number) => `S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Person, reasons 1.4 (${'b, k, '.repeat(n)}d).\n\n\u00b61. (S) Text.\n`;
    const c = assertLinearTime(text, parse, 128_000);
    // Each "k" in a list with "b" is read, so that CBL022 can report it.
    assert.equal(c.classifiedBy?.reasons.length, 256_001);
  });

  it('parses 5 MB in linear time (8 times as much in about 8 times as long)', () => {
    const c = assertLinearTime((n) => base.repeat(n), parse, Math.ceil(5_000_000 / base.length));
    assert.ok(c.paragraphs.length > 1000);
  });
});

describe('the line that decides the banner', () => {
  it('is one below which no line, rewritten, changes which line is the banner or its level, on the fixtures and the real cables', () => {
    // keepsBanner trusts it, so that a safe fix there (a stray pilcrow CBL026 deletes) does not read the text again: a
    // level alone ("SECRET"), a paragraph's number, a field or a blank line written below it keeps the banner.
    const rewrites = ['SECRET', 'C O N F I D E N T I A L NOWHERE 000001', '¶1. (S) Text.', 'TAGS: PREL', ''];
    let checked = 0;
    for (const file of [...fixtureFiles(), ...corpusFiles()]) {
      const text = fs.readFileSync(file, 'utf8');
      if (text.includes('\0')) continue;
      const cable = parseCable(text).cable;
      const from = bannerDecidedBy(cable) + 1;
      if (!Number.isFinite(from)) continue;
      const lines = text.split(/\r\n|\r|\n/);
      // The first lines below it, where a rewrite would matter most, and one further down.
      for (const line of [from, from + 1, from + 2, from + 9].filter((l) => l < lines.length)) {
        for (const written of rewrites) {
          const edited = [...lines.slice(0, line), written, ...lines.slice(line + 1)].join('\n');
          const banner = readFirstBanner(edited);
          assert.deepEqual([banner?.line, banner?.level], [cable.banner?.line, cable.banner?.level], `${path.basename(file)}: line ${line + 1} as '${written}'`);
          checked++;
        }
      }
    }
    assert.ok(checked > 1000, `${checked} rewrites checked`);
  });
});
