/**
 * Every rule has a failing and a clean fixture in test/fixtures/rules with
 * its expected findings in a sidecar (`….expected.txt`, one finding a line,
 * `line:col-line:col ID severity message`, 1-based), and what it is linted with
 * besides its text, when that matters, in `….json` (CBL043's file name).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import data from '../../server/src/core/data/dictionary.json';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { classificationOf } from '../properties';
import { lintCable } from '../../server/src/core/lint';
import { INTERNAL_ERROR, parseCable } from '../../server/src/core/parse/index';
import { allRules } from '../../server/src/core/rules/index';
import type { Cable, Position, Range } from '../../server/src/core/model';
import type { Finding, LintContext, ParagraphCopy } from '../../server/src/core/rules/types';
import { paragraphCopy } from '../../server/src/core/rules/util';
import { UNESTABLISHED_GEOGRAPHIC } from '../../server/src/core/tagCodes';
import { idFromFileName } from '../../server/src/core/id';
import { skipSpaces } from '../../server/src/core/text';
import { getOnTypeFormattingEdits } from '../../server/src/features/onTypeFormatting';
import { expectBaseline, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test/fixtures/rules');

/** One finding as a sidecar line. */
export function formatFinding(f: Finding): string {
  const r = f.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.id} ${f.severity} ${f.message}`;
}

/**
 * What a fixture's optional `….json` says it is linted with besides its text: `{ "fileName": "09VALLETTA413.txt" }`,
 * `{ "userTags": ["GE"] }`, the TAG codes of the user dictionaries, and `{ "workspace": ["….cited.cable"] }`, the other
 * cables of the workspace, in the fixtures' folder, whose paragraphs CBL054 reads by their ids (the text's, else the file
 * name's) as the server reads them from its index.
 */
export function fixtureContext(file: string): LintContext | undefined {
  const options = file.replace(/\.cable$/, '.json');
  if (!fs.existsSync(options)) return undefined;
  const { workspace, userTags, ...rest } = JSON.parse(fs.readFileSync(options, 'utf8')) as Omit<LintContext, 'userTags'> & { workspace?: string[]; userTags?: string[] };
  const context: LintContext = userTags === undefined ? rest : { ...rest, userTags: new Set(userTags) };
  if (workspace === undefined) return context;
  const copies = new Map<string, ParagraphCopy>();
  for (const name of workspace) {
    const cable = parseCable(fs.readFileSync(path.join(path.dirname(file), name), 'utf8')).cable;
    const id = cable.id ?? idFromFileName(name);
    const copy = paragraphCopy(cable);
    if (id !== undefined && copy !== undefined) copies.set(id, copy);
  }
  return { ...context, citedParagraphs: (id) => copies.get(id) };
}

/** Lints a fixture, with what its optional `….json` says besides the text ({@link fixtureContext}). */
function check(file: string, ruleId: string): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  const context = fixtureContext(file);
  const findings = lintCable(parseCable(text).cable, undefined, undefined, context).filter((f) => f.id === ruleId);
  expectBaseline(file.replace(/\.cable$/, '.expected.txt'), findings.map(formatFinding).join('\n') + (findings.length ? '\n' : ''));
  return findings;
}

describe("rules on a cable with a scan's margin (parser58)", () => {
  // The failing fixtures of the rules that read what starts a line, each given a bar or a line number on every line: the
  // findings are the fixture's own, at the same places past the margin (a whole line's range from the text's first
  // character, not the margin's), but CBL047's note of the margin. Each lost its finding, or quoted the margin, where it
  // read a line from its first character; CBL001, CBL002, CBL010, CBL012, CBL017, CBL019 and CBL020 ranged a whole line
  // from the margin's first character.
  const fixtures = [
    'cbl001-header-line-malformed.bad', 'cbl002-header-order.bad', 'cbl010-banner-missing.bad', 'cbl012-eo-line-missing.bad', 'cbl017-tags-missing.bad', 'cbl027-block-unbalanced.bad', 'cbl027-block-unbalanced.bracket.bad', 'cbl027-block-unbalanced.bracket.good', 'cbl027-block-unbalanced.clearance.bad', 'cbl027-block-unbalanced.clearance.good', 'cbl027-block-unbalanced.continued.bad', 'cbl027-block-unbalanced.continued.good', 'cbl027-block-unbalanced.good', 'cbl027-block-unbalanced.inline.bad', 'cbl027-block-unbalanced.inline.good', 'cbl019-subject-missing.bad', 'cbl020-classified-by-missing.bad', 'cbl024-paragraph-number-sequence.blanked-words.bad', 'cbl026-pilcrow-artifact.bad',
    'cbl028-portion-marking-missing.bad', 'cbl031-banner-above-portions.blanked-title.bad', 'cbl031-banner-above-portions.blanked-words.bad',
    'cbl034-page-line-sequence.blanked-words.bad', 'cbl037-header-field-order.repeated-ref.bad', 'cbl037-header-field-order.repeated-verbatim.bad',
    'cbl047-page-number-stray.bad', 'cbl047-page-number-stray.case-stamp.bad', 'cbl047-page-number-stray.release-stamp.bad', 'cbl055-line-repeated.bad',
    'cbl024-paragraph-number-sequence.blanked-words.good', 'cbl031-banner-above-portions.blanked-title.good', 'cbl034-page-line-sequence.blanked-words.good',
  ];
  const margins: [string, (l: string, i: number) => string, number][] = [['a bar', (l) => `| ${l}`, 2], ['line numbers', (l, i) => `${String(i + 1).padStart(2, '0')} ${l}`, 3]];
  it('CBL020: the same findings with a margin on every line, a line of the margin alone blank (a text cut short in its fields)', () => {
    const texts = [
      // Cut short in its fields: no Classified By to report (CBL020), where the margin's last line was taken for text.
      'C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS MAY RESUME, BUT MUCH DEPENDS ON\nTHE HARBOR...\n\n',
    ];
    const ids = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL020').map((f) => `${f.id} ${f.message}`);
    for (const plain of texts) {
      for (const [kind, margin] of margins) {
        const text = plain.split('\n').map((l, i) => margin(l, i)).join('\n');
        assert.deepEqual(ids(text), ids(plain), `${kind}: ${plain.slice(-60)}`);
      }
    }
    assert.deepEqual(ids(texts[0]), []);
  });
  it('CBL018, CBL044: a TAG alone on a wrapped TAGS line is removed with its line, the margin with it', () => {
    // Invented: a TAG repeated (CBL018) and a TAG run on of two listed ones (CBL044: PRELPGOV) alone on the TAGS field's
    // second line (CBL051's removal of a misread copy reads the line alike). The fix read the margin as text before the
    // TAG and cut from the bar's space, leaving the bar or the line's number alone on a line inside the field.
    const plain = (tag: string) => `C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL, PGOV, MOPS,\n      ${tag}\nSUBJECT: FERRY DUES\n\n¶1. (C) The harbor board met.\n\nHALLORAN\n`;
    // The TAG's line goes, and the comma before it.
    const removed = (text: string) => {
      const lines = text.split('\n');
      lines[3] = lines[3].replace(/,$/, '');
      lines.splice(4, 1);
      return lines.join('\n');
    };
    for (const [id, tag] of [['CBL018', 'PREL'], ['CBL044', 'PRELPGOV']]) {
      const fixed = (text: string) => {
        const finding = lintCable(parseCable(text).cable).find((f) => f.id === id && f.range.start.line === 4);
        assert.ok(finding?.fixes?.[0], `${id} in ${text}`);
        return applyEdits(text, finding.fixes[0].edits);
      };
      assert.equal(fixed(plain(tag)), removed(plain(tag)), id);
      for (const [kind, margin] of margins) {
        const text = plain(tag).split('\n').map((l, i) => margin(l, i)).join('\n');
        assert.equal(fixed(text), removed(text), `${id}, ${kind}`);
      }
    }
  });
  for (const name of fixtures) {
    it(`${name}: the same findings with a bar or line numbers in the margin`, () => {
      const plain = fs.readFileSync(path.join(DIR, `${name}.cable`), 'utf8');
      const show = (text: string, width: number) => {
        // Every line has the margin: a finding starts past it, on the line's text (a whole line's too), never in it.
        const at = (c: number) => c - width;
        return lintCable(parseCable(text).cable)
          .filter((f) => !(f.id === 'CBL047' && f.message.includes("scan's margin")))
          .map((f) => `${f.range.start.line}:${at(f.range.start.character)}-${f.range.end.line}:${at(f.range.end.character)} ${f.id} ${f.message}`);
      };
      const expected = show(plain, 0);
      assert.ok(expected.length > 0 || name.endsWith('.good'), name);
      for (const [kind, margin, width] of margins) {
        const text = plain.split('\n').map((l, i) => margin(l, i)).join('\n');
        assert.ok(parseCable(text).cable.margin, kind);
        assert.deepEqual(show(text, width), expected, kind);
      }
    });
  }
});

describe('rules: fixtures with sidecars', () => {
  for (const rule of allRules) {
    const stem = path.join(DIR, `${rule.id.toLowerCase()}-${rule.name}`);
    it(`${rule.id} ${rule.name} fires on its bad fixture`, () => {
      assert.ok(fs.existsSync(`${stem}.bad.cable`), `missing ${stem}.bad.cable`);
      const findings = check(`${stem}.bad.cable`, rule.id);
      assert.ok(findings.length > 0, `${rule.id} found nothing in its bad fixture`);
      // What the rule page says of its fixes is what the rule does.
      const fixes = findings.flatMap((f) => f.fixes ?? []);
      assert.equal(fixes.length > 0, rule.fixable, `${rule.id} fixable is ${rule.fixable}, its bad fixture has ${fixes.length} fixes`);
      assert.equal(fixes.some((f) => f.safe), rule.safeFixes === true, `${rule.id} safeFixes is ${rule.safeFixes}`);
      if (rule.safeFixes) assert.ok(fixes.every((f) => f.safe), `${rule.id} mixes safe and unsafe fixes`);
    });
    it(`${rule.id} ${rule.name} is silent on its good fixture`, () => {
      assert.ok(fs.existsSync(`${stem}.good.cable`), `missing ${stem}.good.cable`);
      assert.deepEqual(check(`${stem}.good.cable`, rule.id), []);
    });
  }
});

describe('rules: variant fixtures with sidecars', () => {
  // `<id>-<name>.<variant>.{bad,good}.cable`: a rule's further pair for one kind of damage (a banner level scanned with a
  // look-alike letter, an E.O. order with a letter for a digit), checked as the rule's own pair is.
  const variants = fs.readdirSync(DIR).filter((f) => /^cbl\d{3}-[a-z-]+\.[a-z-]+\.bad\.cable$/.test(f));
  it('there are variant fixtures, each with its clean pair', () => {
    assert.ok(variants.length > 0);
    for (const f of variants) assert.ok(fs.existsSync(path.join(DIR, f.replace(/\.bad\.cable$/, '.good.cable'))), f);
  });
  for (const f of variants) {
    const id = f.slice(0, 6).toUpperCase();
    it(`${f}: ${id} fires on the failing one and is silent on the clean one`, () => {
      assert.ok(check(path.join(DIR, f), id).length > 0, `${id} found nothing in ${f}`);
      assert.deepEqual(check(path.join(DIR, f.replace(/\.bad\.cable$/, '.good.cable')), id), []);
    });
  }
});

describe('rules: metadata', () => {
  it('ids are unique, sequential and names kebab-case', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    allRules.forEach((r, i) => {
      assert.equal(r.id, `CBL${String(i + 1).padStart(3, '0')}`);
      assert.match(r.name, /^[a-z]+(?:-[a-z0-9]+)*$/);
      assert.ok(r.description.length > 10 && r.docs.rationale.length > 10 && r.docs.source.length > 5);
    });
  });

  it('has every rule name the validation issue requires', () => {
    const required = [
      'header-line-malformed', 'header-order', 'routing-indicator-malformed', 'dtg-invalid', 'de-serial-mismatch', 'julian-day-mismatch',
      'security-group-mismatch', 'precedence-mismatch', 'section-mismatch', 'banner-missing', 'banner-malformed', 'eo-line-missing',
      'eo-order-unknown', 'eo-na-on-classified', 'decl-invalid', 'decl-before-cable', 'tags-missing', 'tags-duplicate', 'subject-missing',
      'classified-by-missing', 'classified-by-on-unclassified', 'classification-reason-invalid', 'ref-letter-sequence',
      'paragraph-number-sequence', 'paragraph-number-duplicate', 'pilcrow-artifact', 'block-unbalanced', 'portion-marking-missing',
      'portion-marking-malformed', 'portion-marking-above-banner', 'banner-above-portions', 'noforn-caveat-missing', 'page-line-mismatch',
      'page-line-sequence', 'invisible-character',
    ];
    const names = new Set(allRules.map((r) => r.name));
    for (const name of required) assert.ok(names.has(name), `missing rule ${name}`);
  });

  it('the invented samples lint with no errors and no warnings', () => {
    const dir = path.join(ROOT, 'test/fixtures/samples');
    for (const f of fs.readdirSync(dir)) {
      const findings = lintCable(parseCable(fs.readFileSync(path.join(dir, f), 'utf8')).cable).filter((x) => x.severity === 'error' || x.severity === 'warning');
      assert.deepEqual(findings.map(formatFinding), [], f);
    }
  });
});

describe('rules: messages', () => {
  it('CBL026 reports a pilcrow before a number that goes on with the sentence above or before an initial inside a sentence, and no quoted item, REF item, item letter or paragraph', () => {
    const found = (body: string) => lintCable(parseCable(`C O N F I D E N T I A L NOWHERE 000123\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: 1. NOWHERE 100\n¶2. STATE 200\n\nClassified By: Jane Doe for reasons 1.4 (b) and (d).\n\n${body}\n\nDOE\n`).cable)
      .filter((f) => f.id === 'CBL026')
      .map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.severity} ${f.fixes?.[0].safe}`);
    // A year and a day wrapped to a line's start, under a word and under a comma.
    assert.deepEqual(found('¶1. (C) Spain takes over the EU presidency in January\n¶2010. After years of growth, it met on August 1,\n¶12. Text.'), ['12:0-1 info true', '13:0-1 info true']);
    // Under a sentence's end, a blank line (a quoted document's own items) or a clause's colon: no finding.
    assert.deepEqual(found('¶1. (C) The outcomes read as follows.\n¶2. (C) Text:\n\n¶1. We agreed to meet.\n\n¶2. We agreed to talk.'), []);
    // A name's initial inside a sentence, on a paragraph's first line or a line of its text; not an item's letter after a colon.
    assert.deepEqual(found('¶1. (C) He met with ¶W. Bruce Weinrod and\nlater with ¶J. Doe. The points were: ¶A. The first.'), ['11:20-21 info true', '12:11-12 info true']);
  });

  it('CBL023 says a repeated REF letter repeats, a skipped one what was expected, and one that goes back what it follows', () => {
    const text = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 10\nC. NOWHERE 12\nC. NOWHERE 13\nD. NOWHERE 14\n\n¶1. (U) Text.\n';
    const messages = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL023').map((f) => `${f.range.start.line}: ${f.message}`);
    assert.deepEqual(messages, ['6: REF item C where B is expected.', '7: REF item C repeats the letter of the item before it.']);
    // Two items swapped ("A, C, B"): B goes back after C.
    const swapped = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 10\nC. NOWHERE 12\nB. NOWHERE 11\n\n¶1. (U) Text.\n';
    assert.deepEqual(lintCable(parseCable(swapped).cable).filter((f) => f.id === 'CBL023').map((f) => `${f.range.start.line}: ${f.message}`), ['6: REF item C where B is expected.', '7: REF item B comes after C: the letters go back.']);
  });

  it('CBL017 and CBL019 report a TAGS or SUBJECT line left empty, at its keyword, and not one whose words wrap to the next line', () => {
    const found = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL017' || f.id === 'CBL019').map((f) => `${formatFinding(f)}`);
    const cable = (tags: string, subject: string) => `UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\n${tags}\n${subject}\n\n1. (U) Text.\n\nDOE\n`;
    assert.deepEqual(found(cable('TAGS:', 'SUBJECT:  ')), [
      '4:1-4:6 CBL017 error The TAGS line lists no TAG (for example "TAGS: PREL PGOV FR").',
      '5:1-5:9 CBL019 warning The SUBJECT line gives no subject.',
    ]);
    // A marking alone is no subject.
    assert.deepEqual(found(cable('TAGS: PREL', 'SUBJECT: (U)')), ['5:1-5:9 CBL019 warning The SUBJECT line gives no subject.']);
    assert.deepEqual(found(cable('TAGS:\nPREL NW', 'SUBJECT:\nFERRY FARES')), []);
    assert.deepEqual(found(cable('TAGS: PREL NW', 'SUBJECT: FERRY FARES')), []);
  });

  it('CBL033 quotes the banner\'s SECTION and points to it and to the banner serial', () => {
    const text = 'S E C R E T SECTION 01 OF 02 NOWHERE 000430\n\nE.O. 12958: DECL: 06/05/2019\nTAGS: PREL\nSUBJECT: X\n\n1. (S) Text.\n\nNOWHERE 00000431 002 OF 003\n\n2. (S) More.\n';
    const found = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL033');
    assert.deepEqual(found.map((f) => `${formatFinding(f)} | ${f.related?.map((r) => `${r.range.start.character}-${r.range.end.character} ${r.message}`).join(', ')}`), [
      '9:9-9:17 CBL033 error Page line serial 00000431 does not match banner serial 000430. | 37-43 Banner serial',
      '9:25-9:28 CBL033 error Page line total OF 003 does not match the banner\'s SECTION 01 OF 02. | 12-28 Banner section',
    ]);
  });

  it('CBL039 reports a later section\'s banner of the same cable whose level or total is not the first\'s, pointing to the first banner; not another cable\'s', () => {
    const head = (level: string, section: string, serial = '000430') => `${level} SECTION ${section} NOWHERE ${serial}\n\nE.O. 12958: DECL: 06/05/2019\nTAGS: PREL\nSUBJECT: X\n\n`;
    const found = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL039').map((f) => `${formatFinding(f)} | ${f.related?.map((r) => `${r.range.start.line + 1} ${r.message}`).join(', ')}`);
    assert.deepEqual(found(`${head('S E C R E T', '01 OF 02')}1. (S) Text.\n\n${head('C O N F I D E N T I A L', '02 OF 03')}2. (C) More.\n`), [
      "9:1-9:24 CBL039 error The SECTION 02 banner says CONFIDENTIAL, but the first banner says SECRET: every section of a cable carries the cable's level; correct the one that is wrong. | 1 First banner",
      '9:39-9:41 CBL039 error The SECTION 02 banner says OF 03, but the first banner says OF 02: every section of a cable gives the same total. | 1 First banner',
    ]);
    // The same level and total, however spelt, and a second cable in the same file, are fine.
    assert.deepEqual(found(`${head('S E C R E T', '01 OF 02')}1. (S) Text.\n\n${head('SECRET', '02 OF 02')}2. (S) More.\n`), []);
    assert.deepEqual(found(`${head('S E C R E T', '01 OF 02')}1. (S) Text.\n\n${head('C O N F I D E N T I A L', '01 OF 01', '000431')}1. (C) More.\n`), []);
  });

  it('CBL024 names the paragraphs a gap leaves out', () => {
    const text = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) One.\n\n¶3. (U) Three.\n\n¶7. (U) Seven.\n\n¶6. (U) Six.\n';
    const messages = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL024').map((f) => `${f.range.start.line}: ${f.message}`);
    assert.deepEqual(messages, ['7: Paragraph 3: a gap after 1 (paragraph 2 is missing).', '9: Paragraph 7: a gap after 3 (paragraphs 4 to 6 are missing).', '11: Paragraph 6: a step back after 7.']);
  });
});

describe('rules: CBL002 and a header being typed', () => {
  const cbl002 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL002').map(formatFinding);

  it('names the format lines a VZCZC header lacks in one finding, not one each', () => {
    assert.deepEqual(cbl002('VZCZCXRO5521\n'), [
      '1:1-1:13 CBL002 warning The transmission header lacks 6 format lines: the precedence and routing line, the DE line, the ZNY/ZNR security line, the precedence and DTG line, the FM line and the TO line.',
    ]);
    assert.deepEqual(cbl002('VZCZCXRO5521\nPP RUEHWEB\nDE RUEHVT #0412/01 1541322\nZNY CCCCC ZZH\nP 031322Z JUN 09\nFM AMEMBASSY VALLETTA\n'), [
      '1:1-1:13 CBL002 warning The transmission header has no TO line.',
    ]);
  });

  it('still reports a line out of order beside the lines missing', () => {
    assert.deepEqual(cbl002('VZCZCXRO5521\nDE RUEHVT #0412/01 1541322\nPP RUEHWEB\n'), [
      '1:1-1:13 CBL002 warning The transmission header lacks 4 format lines: the ZNY/ZNR security line, the precedence and DTG line, the FM line and the TO line.',
      '3:1-3:11 CBL002 warning The precedence and routing line comes after the DE line; format lines run VZCZC, routing, DE, ZNY/ZNR, DTG, FM, TO, INFO.',
    ]);
  });
});

describe('rules: CBL015 and values the release blanked', () => {
  const found = (eo: string) => {
    const text = `C O N F I D E N T I A L NOWHERE 000005\n\n${eo}\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL015').map((f) => `${f.severity} ${f.message}`);
  };
  it('does not report a DECL value blanked by the release, with or without DECL:', () => {
    assert.deepEqual(found('E.O. 12958: DECL: XXXXXXXXXXXX'), []);
    assert.deepEqual(found('EO 12958 XXXXXXXXXXXXX'), []);
  });
  it('still reports free text, and an X-run that is part of it', () => {
    assert.deepEqual(found('E.O. 12958: DECL: MR'), ["warning DECL value 'MR' is not a date."]);
    assert.deepEqual(found('E.O. 12958: DECL: XXXXXXXXXXXX 2019'), ["warning DECL value 'XXXXXXXXXXXX 2019' is not a date."]);
  });
  it('reports an impossible date as an error', () => {
    assert.deepEqual(found('E.O. 12958: DECL: 13/03/2019'), ["error DECL date '13/03/2019' does not exist."]);
  });
  it('reads a date with a letter l or I for the digit 1, or O for 0, as the date meant, names each letter, and fixes those characters alone', () => {
    const text = (eo: string) => `C O N F I D E N T I A L NOWHERE 000005\n\n${eo}\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    assert.deepEqual(found('E.O. 12958: DECL: 05/27/2O19'), ["warning DECL date '05/27/2O19' has the letter 'O' for the digit 0: read as 05/27/2019."]);
    assert.deepEqual(found('E.O. 12958: DECL: O3/12/2019'), ["warning DECL date 'O3/12/2019' has the letter 'O' for the digit 0: read as 03/12/2019."]);
    assert.deepEqual(found('E.O. 12958: DECL: I2/31/2014'), ["warning DECL date 'I2/31/2014' has the letter 'I' for the digit 1: read as 12/31/2014."]);
    assert.deepEqual(found('E.O. 12958: DECL: 2O1l/03/12'), ["warning DECL date '2O1l/03/12' has the letter 'O' for the digit 0 and the letter 'l' for the digit 1: read as 2011/03/12."]);
    const written = text('E.O. 12958: DECL: 2O1l-03-12');
    const cable = parseCable(written).cable;
    assert.deepEqual(cable.eo?.decl?.date, { year: 2011, month: 3, day: 12 });
    const [finding] = lintCable(cable).filter((f) => f.id === 'CBL015');
    assert.deepEqual(finding.fixes!.map((f) => [f.title, f.safe, f.edits.map((e) => `${e.range.start.character}-${e.range.end.character} ${e.newText}`)]), [["Write '2011-03-12'", true, ['19-20 0', '21-22 1']]]);
    assert.equal(applyEdits(written, finding.fixes![0].edits), text('E.O. 12958: DECL: 2011-03-12'));
    // A value that makes no real date even read so stays text: no guess at which digit was meant.
    assert.deepEqual(found('E.O. 12958: DECL: I3/27/2019'), ["warning DECL value 'I3/27/2019' is not a date."]);
    assert.equal(parseCable(text('E.O. 12958: DECL: I3/27/2019')).cable.eo?.decl?.date, undefined);
    // Letters that are no date's digits, or a date in words, are no misread date.
    assert.deepEqual(found('E.O. 12958: DECL: OADR'), ["info DECL value 'OADR' is a code, not a date (legitimate in older or declassified cables)."]);
    assert.equal(parseCable(text('E.O. 12958: DECL: lO YEARS')).cable.eo?.decl?.kind, 'text');
  });
  it('reads a date of ten characters with a slash typed or scanned as an l, I, | or 1 as the date meant, where one shape puts a slash there', () => {
    const text = (eo: string) => `C O N F I D E N T I A L NOWHERE 000005\n\n${eo}\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const fixes = (eo: string) => {
      const written = text(eo);
      const cable = parseCable(written).cable;
      const [finding] = lintCable(cable).filter((f) => f.id === 'CBL015');
      return [cable.eo?.decl?.date, finding?.message, finding?.fixes?.map((f) => [f.safe, applyEdits(written, f.edits) === text(eo.slice(0, 18) + finding.message.slice(finding.message.lastIndexOf(' ') + 1, -1))])];
    };
    // It was free text ("DECL value '12l31/2019' is not a date."), and the cable had no declassification date.
    assert.deepEqual(fixes('E.O. 12958: DECL: 12l31/2019'), [{ year: 2019, month: 12, day: 31 }, "DECL date '12l31/2019' has the letter 'l' for the slash: read as 12/31/2019.", [[true, true]]]);
    assert.deepEqual(fixes('E.O. 12958: DECL: 2015I03/12'), [{ year: 2015, month: 3, day: 12 }, "DECL date '2015I03/12' has the letter 'I' for the slash: read as 2015/03/12.", [[true, true]]]);
    assert.deepEqual(fixes('E.O. 12958: DECL: O3|12/2019'), [{ year: 2019, month: 3, day: 12 }, "DECL date 'O3|12/2019' has the letter 'O' for the digit 0 and a bar '|' for the slash: read as 03/12/2019.", [[true, true]]]);
    // The digit 1 for a slash is a reading the shape makes, never applied unseen.
    assert.deepEqual(fixes('E.O. 12958: DECL: 12131/2019'), [{ year: 2019, month: 12, day: 31 }, "DECL date '12131/2019' has the digit '1' for the slash: read as 12/31/2019.", [[false, true]]]);
    // Another length, no real date so read, or both shapes reading it, stay text.
    for (const value of ['2l31/2019', '12l32/2019', '1111111111', '12l31/19']) {
      assert.equal(parseCable(text(`E.O. 12958: DECL: ${value}`)).cable.eo?.decl?.kind, 'text', value);
    }
  });
  it('says that DECL gives no value, not that the empty value is no date', () => {
    // "DECL value '' is not a date." while "E.O. 12958: DECL" was typed, or left so.
    for (const eo of ['E.O. 12958: DECL', 'E.O. 12958: DECL:', 'E.O. 12958: DECL:   ']) assert.deepEqual(found(eo), ['warning DECL gives no date (for example "DECL: 05/27/2019").'], eo);
  });
  it('reports a value that names an event only as an info, since an event may stand for the date', () => {
    assert.deepEqual(found('E.O. 12958: DECL: WHEN THE FAIR CLOSES'), ["info DECL value 'WHEN THE FAIR CLOSES' names an event, not a date (allowed, but no machine can act on it)."]);
    assert.deepEqual(found('EO 12958 DECL: END OF THE FERRY TALKS'), ["info DECL value 'END OF THE FERRY TALKS' names an event, not a date (allowed, but no machine can act on it)."]);
  });
});

describe('rules: CBL017, CBL019 and CBL020 and fields written with nothing in them', () => {
  const found = (tags: string, subject: string, classifiedBy: string, banner = 'C O N F I D E N T I A L NOWHERE 000005') => {
    const text = `${banner}\n\nE.O. 12958: DECL: 05/27/2019\n${tags}\n${subject}\n\n${classifiedBy}\n\n¶1. (C) Text.\nSMITH\n`;
    return lintCable(parseCable(text).cable)
      .filter((f) => ['CBL017', 'CBL019', 'CBL020'].includes(f.id))
      .map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`);
  };
  it('reports a TAGS line naming no TAGS, a SUBJECT line without a subject and a Classified By line naming no one and no reasons, each on its line', () => {
    assert.deepEqual(found('TAGS:', 'SUBJECT: ', 'Classified By:'), [
      'CBL017 3:0-5 The TAGS line lists no TAG (for example "TAGS: PREL PGOV FR").',
      'CBL019 4:0-8 The SUBJECT line gives no subject.',
      'CBL020 6:0-14 The Classified By line names no classifier and no reasons.',
    ]);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: (C)', 'Classified By: Ambassador A. Smith, reasons 1.4 (b).'), ['CBL019 4:0-8 The SUBJECT line gives no subject.']);
  });
  it('leaves alone fields that go on below their keyword, blanked values, and reasons given alone', () => {
    assert.deepEqual(found('TAGS:\nPREL PGOV', 'SUBJECT:\nHARBOR PATROLS', 'Classified By:\nAmbassador A. Smith, reasons 1.4 (b).'), []);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: XXXXXXXXXXXX', 'Classified By: XXXXXXXXXXXX'), []);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Classified By: reasons 1.4 (b) and (d).'), []);
  });
  it('reports a Classified By line that names a classifier and gives no reasons as an info, but for one the release cut short', () => {
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', "Classified By: Ambassador A. Smith, Charge d'Affaires, a.i."), [
      'CBL020 6:0-59 The Classified By line gives no reasons for the classification (for example "for reasons 1.4 (b) and (d)").',
    ]);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Classified By: A...'), []);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Classified By: Ambassador XXXXXXXXXXXX'), []);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Classified By: Ambassador A. Smith, Acting Offic…'), []);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Derived from: Multiple Sources'), []);
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Classified By: Ambassador A. Smith,\nfor reasons 1.4 (b) and (d).'), []);
  });
  it('leaves alone a text the release cut short in its fields, before the Classified By line', () => {
    const cut = (rest: string) =>
      lintCable(parseCable(`C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\n${rest}`).cable)
        .filter((f) => f.id === 'CBL020')
        .map((f) => `${f.range.start.line} ${f.message}`);
    assert.deepEqual(cut('SUBJECT: FERRY TALKS MAY RESUME, BUT MUCH DEPENDS ON\nTHE HARBOR...\n'), []);
    assert.deepEqual(cut('SUBJECT: FERRY TALKS\n\nREF: NOWHERE 4…\n \n'), []);
    // Not cut: the subject ends whole, or paragraphs follow, or the ellipsis is not on the text's last line.
    assert.deepEqual(cut('SUBJECT: FERRY TALKS\n'), ['4 CONFIDENTIAL cable has no Classified By line.']);
    assert.deepEqual(cut('SUBJECT: FERRY TALKS...\n\n¶1. (C) Text.\n'), ['4 CONFIDENTIAL cable has no Classified By line.']);
    assert.deepEqual(cut('SUBJECT: FERRY TALKS...\n\nThe board met.\n'), ['4 CONFIDENTIAL cable has no Classified By line.']);
  });
  it('leaves an empty Classified By line on an unclassified cable to CBL021', () => {
    assert.deepEqual(found('TAGS: PREL', 'SUBJECT: X', 'Classified By:', 'UNCLAS NOWHERE 000005'), []);
  });
});

describe('rules: CBL012 and an E.O. line with nothing after its order', () => {
  const found = (banner: string, eo: string) => {
    const text = `${banner}\n\n${eo}\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\n\nDOE\n`;
    return { text, findings: lintCable(parseCable(text).cable).filter((f) => ['CBL012', 'CBL013', 'CBL014', 'CBL015', 'CBL038'].includes(f.id)) };
  };
  const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join() ?? 'no fix'}`;
  it('reports it at the line, as an empty TAGS or SUBJECT line is, with the value the cable\'s level asks for as the example', () => {
    assert.deepEqual(found('C O N F I D E N T I A L NOWHERE 000005', 'E.O. 13526: ').findings.map(show), [
      '3:1-3:12 CBL012 error The E.O. line gives no DECL date or N/A (for example "E.O. 13526: DECL: 05/27/2019"). | no fix',
    ]);
    assert.deepEqual(found('', 'E.O. 12958').findings.map(show), ['3:1-3:11 CBL012 error The E.O. line gives no DECL date or N/A (for example "E.O. 12958: DECL: 05/27/2019"). | no fix']);
    // An order cut short is named as completion names it, by the cable's date, else today's (CBL013 reports the order).
    assert.match(found('C O N F I D E N T I A L NOWHERE 000005', 'E.O. 1295:').findings.find((f) => f.id === 'CBL012')!.message, /for example "E\.O\. 13526: DECL:/);
  });
  it('offers N/A on an UNCLASSIFIED cable, for you to choose, keeping a field that shares the line', () => {
    for (const [eo, fixed] of [['E.O. 13526: ', 'E.O. 13526: N/A'], ['E.O. 13526:', 'E.O. 13526: N/A'], ['E.O. 12958', 'E.O. 12958: N/A'], ['E.O. 12958:  TAGS: PREL', 'E.O. 12958: N/A TAGS: PREL']]) {
      const { text, findings } = found('UNCLAS NOWHERE 000005', eo);
      assert.deepEqual(findings.map((f) => `${f.id} ${f.message} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join()}`), [
        `CBL012 The E.O. line gives no DECL date or N/A (for example "${eo.slice(0, 10)}: N/A"). | Write '${eo.slice(0, 10)}: N/A' false`,
      ], eo);
      const after = applyEdits(text, findings[0].fixes![0].edits);
      assert.equal(after.split('\n')[2], fixed);
      assert.deepEqual(lintCable(parseCable(after).cable).filter((f) => ['CBL012', 'CBL014', 'CBL017', 'CBL038'].includes(f.id)), []);
    }
  });
  it('leaves a value, N/A, a redaction and an empty DECL to the other rules', () => {
    for (const eo of ['E.O. 12958: DECL: 06/03/2019', 'E.O. 12958: XXXXXXXXXXXX', 'E.O. 12958: DECL: XXXXXXXXXXXX']) assert.deepEqual(found('C O N F I D E N T I A L NOWHERE 000005', eo).findings, [], eo);
    assert.deepEqual(found('UNCLAS NOWHERE 000005', 'E.O. 12958: N/A').findings, []);
    assert.deepEqual(found('C O N F I D E N T I A L NOWHERE 000005', 'E.O. 12958: DECL:').findings.map((f) => f.id), ['CBL015']);
  });
  it('reads a DECL value the E.O. line wrapped onto the line under it, checked there, with the fields under it', () => {
    const classified = 'C O N F I D E N T I A L NOWHERE 000005';
    const all = (eo: string) => lintCable(parseCable(`${classified}\n\n${eo}\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\nDOE\n`).cable).map(formatFinding);
    assert.deepEqual(found(classified, 'E.O. 12958:\nDECL: 03/07/2019').findings, []);
    assert.deepEqual(all('E.O. 12958:\nDECL: 03/07/2019\nTAGS: PREL'), []);
    assert.deepEqual(all('E.O. 13526:\n  Declassify on: 03/07/2039  TAGS: PREL'), []);
    // The value is checked at its own place, on the second line, and its fix writes there.
    const { text, findings } = found(classified, 'E.O. 12958:\nDECL: 2O19/03/07');
    assert.deepEqual(findings.map(show), ["4:7-4:17 CBL015 warning DECL date '2O19/03/07' has the letter 'O' for the digit 0: read as 2019/03/07. | Write '2019/03/07' true"]);
    assert.equal(applyEdits(text, findings[0].fixes![0].edits).split('\n')[3], 'DECL: 2019/03/07');
    assert.deepEqual(found('UNCLAS NOWHERE 000005', 'E.O. 12958:\nDECL: 03/07/2019').findings.map(show), ['4:7-4:17 CBL038 warning UNCLASSIFIED cable carries a declassification instruction. | no fix']);
    // Only a line that opens with the DECL keyword, right under the line: prose, or a line after a blank, is none.
    assert.deepEqual(found(classified, 'E.O. 12958:\n\nDECL: 03/07/2019').findings.map((f) => f.id), ['CBL012']);
    assert.deepEqual(found(classified, 'E.O. 12958:\nDeclining fares: 2019').findings.map((f) => f.id), ['CBL012']);
  });
});

describe('rules: a DECL value alone under its keyword, and a stray line among the fields', () => {
  const head = (fields: string, banner = 'C O N F I D E N T I A L NOWHERE 000005') =>
    `${banner}\n\nSIPDIS\n\n${fields}\n\nClassified By: Ambassador A. Smith, reasons 1.4 (b).\n\n¶1. (C) The pier is closed.\n\n¶2. (C) The ferry runs.\n\nSMITH\n`;
  const read = (fields: string, banner?: string) => {
    const { cable } = parseCable(head(fields, banner));
    const decl = cable.eo?.decl;
    return {
      decl: decl && `${decl.keyword ? `${decl.keyword.range.start.line}:${decl.keyword.text} ` : ''}${decl.value.range.start.line}:${decl.value.range.start.character}-${decl.value.range.end.character} ${decl.value.text} ${decl.kind}`,
      fields: `${cable.tags?.tags.map((t) => t.code).join(' ')} | ${cable.subject?.text} | ${cable.classifiedBy ? 'Classified By' : ''} | ${cable.paragraphs.map((p) => p.number).join(',')}`,
      strays: cable.strayFieldLines.map((t) => `${t.range.start.line}:${t.text}`),
      findings: lintCable(cable).filter((f) => ['CBL012', 'CBL015', 'CBL017', 'CBL019', 'CBL020', 'CBL037', 'CBL038'].includes(f.id)).map(formatFinding),
    };
  };
  const whole = 'PREL | FERRY TALKS | Classified By | 1,2';
  it('reads a DECL value alone on the line under a DECL keyword that gives none, or under an E.O. line that gives nothing', () => {
    // The header ended at the value: TAGS, SUBJECT and Classified By were lost and reported missing.
    assert.deepEqual(read('E.O. 12958: DECL:\n05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'), { decl: '4:DECL: 5:0-10 05/14/2019 date', fields: whole, strays: [], findings: [] });
    assert.deepEqual(read('E.O. 12958:\nDECL:\n  05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'), { decl: '5:DECL: 6:2-12 05/14/2019 date', fields: whole, strays: [], findings: [] });
    assert.deepEqual(read('E.O. 12958:\n05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS').decl, '5:0-10 05/14/2019 date');
    assert.deepEqual(read('E.O. 12958: DECL:\n05/14/2019  TAGS: PREL\nSUBJECT: FERRY TALKS'), { decl: '4:DECL: 5:0-10 05/14/2019 date', fields: whole, strays: [], findings: [] });
    // Checked where it is written: a date that does not exist, and a value on an UNCLASSIFIED cable.
    assert.deepEqual(read('E.O. 12958: DECL:\n13/45/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS').findings, ["6:1-6:11 CBL015 error DECL date '13/45/2019' does not exist."]);
    assert.deepEqual(read('E.O. 12958:\nN/A\nTAGS: PREL\nSUBJECT: FERRY TALKS', 'UNCLASSIFIED NOWHERE 000005').decl, '5:0-3 N/A na');
  });
  it('reads the DECL keyword written again with its value under one that gives none, with that line\'s keyword and ranges', () => {
    // The value was lost: the line under the empty keyword was read as a stray line (CBL037) and CBL015 said DECL gives no date.
    assert.deepEqual(read('E.O. 12958: DECL:\nDECL: 12/31/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'), { decl: '5:DECL: 5:6-16 12/31/2019 date', fields: whole, strays: [], findings: [] });
    assert.deepEqual(read('E.O. 12958:\nDECL:\n  DECL: 12/31/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'), { decl: '6:DECL: 6:8-18 12/31/2019 date', fields: whole, strays: [], findings: [] });
    assert.deepEqual(read('E.O. 12958: DECL:\nDECL: 12/31/2019  TAGS: PREL\nSUBJECT: FERRY TALKS'), { decl: '5:DECL: 5:6-16 12/31/2019 date', fields: whole, strays: [], findings: [] });
    // Checked where it is written.
    assert.deepEqual(read('E.O. 12958: DECL:\nDECL: 13/45/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS').findings, ["6:7-6:17 CBL015 error DECL date '13/45/2019' does not exist."]);
    // Written again with no value, or under a DECL that gives one, it is a stray line as before.
    assert.deepEqual(read('E.O. 12958: DECL:\nDECL:\nTAGS: PREL\nSUBJECT: FERRY TALKS').strays, ['5:DECL:']);
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nDECL: 12/31/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'), {
      decl: '4:DECL: 4:18-28 05/14/2019 date',
      fields: whole,
      strays: ['5:DECL: 12/31/2019'],
      findings: ["6:1-6:17 CBL037 info Line 'DECL: 12/31/2019' between E.O. and TAGS is no header field nor part of one."],
    });
  });
  it('loses no text before TAGS on a DECL value\'s line: the value under a DECL that gives none, else a stray text CBL037 reports', () => {
    // Under a DECL keyword that gives none, or an E.O. line that gives nothing, free text before TAGS is the value (CBL015).
    assert.deepEqual(read('E.O. 12958: DECL:\n1.6X5 FERRY TAGS: PREL\nSUBJECT: FERRY TALKS'), {
      decl: '4:DECL: 5:0-11 1.6X5 FERRY text',
      fields: whole,
      strays: [],
      findings: ["6:1-6:12 CBL015 warning DECL value '1.6X5 FERRY' is not a date."],
    });
    assert.deepEqual(read('E.O. 12958:\n05/14/2019 FERRY TAGS: PREL\nSUBJECT: FERRY TALKS').decl, '5:0-16 05/14/2019 FERRY text');
    // Under a whole DECL, the text before the keyword is kept as a stray line's text and reported.
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nDECL: 1.6X5 FERRY TAGS: PREL\nSUBJECT: FERRY TALKS'), {
      decl: '4:DECL: 4:18-28 05/14/2019 date',
      fields: whole,
      strays: ['5:DECL: 1.6X5 FERRY'],
      findings: ["6:1-6:18 CBL037 info Text 'DECL: 1.6X5 FERRY' before TAGS on its line, under E.O., is no header field nor part of one."],
    });
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\n  FOR THE DESK SUBJECT: FERRY TALKS').findings, [
      "7:3-7:15 CBL037 info Text 'FOR THE DESK' before SUBJECT on its line, under TAGS, is no header field nor part of one.",
    ]);
    // Text before the keyword of a field read above is kept and reported too, where it was lost unsaid.
    for (const [fields, stray, finding, second] of [
      ['E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\nFOR THE HARBOR DESK SUBJECT: PIER TALKS', '7:FOR THE HARBOR DESK', "8:1-8:20 CBL037 info Text 'FOR THE HARBOR DESK' before a second SUBJECT on its line is no header field nor part of one.", "8:21-8:40 CBL037 info A second SUBJECT says 'PIER TALKS', where the first says 'FERRY TALKS'; the first is read."],
      // A field not read yet later on the line is not the one the text stands before.
      ['E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\nAS CLEARED SUBJECT: PIER TALKS REF: STATE 123', '7:AS CLEARED', "8:1-8:11 CBL037 info Text 'AS CLEARED' before a second SUBJECT on its line is no header field nor part of one.", "8:12-8:31 CBL037 info A second SUBJECT says 'PIER TALKS', where the first says 'FERRY TALKS'; the first is read."],
    ]) {
      // The second SUBJECT's own value is named too, where it was lost unsaid.
      const got = read(fields);
      assert.deepEqual([got.fields, got.strays, got.findings], [whole, [stray], [finding, second]], fields);
    }
  });
  it('quotes a long field cut after its last whole word, not inside one', () => {
    const quoted = (subject: string) => read(`E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nSUBJECT: ${subject}\nSUBJECT: PIER FEES`).findings.map((f) => /where the first says '([^']*)'/.exec(f)?.[1]);
    assert.deepEqual(quoted('HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS AND FERRIES'), ['HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME…']);
    // A word of more than 20 letters is cut inside, at 59 characters.
    assert.deepEqual(quoted(`HARBOR TALKS ${'X'.repeat(60)}`), [`HARBOR TALKS ${'X'.repeat(46)}…`]);
    assert.deepEqual(quoted('FERRY TALKS'), ['FERRY TALKS']);
  });
  it('quotes the first REF field under a second one as written, its wrapped lines joined, as it quotes the second', () => {
    const ref = (refs: string) => read(`E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\n${refs}`).findings;
    assert.deepEqual(ref('REF: A. STATE 12\n     B. ROME 3 (NOTAL)\nREF: A. PARIS 7\n     B. OSLO 4'), ["10:1-11:15 CBL037 info A second REF says 'A. PARIS 7 B. OSLO 4', where the first says 'A. STATE 12 B. ROME 3 (NOTAL)'; the first is read."]);
    // Items on the lines under a keyword that gives none; citations with no letter.
    assert.deepEqual(ref('REF:\nA. STATE 12\nB. ROME 3\nREF: A. PARIS 7'), ["11:1-11:16 CBL037 info A second REF says 'A. PARIS 7', where the first says 'A. STATE 12 B. ROME 3'; the first is read."]);
    assert.deepEqual(ref('REF: STATE 12\nREF: PARIS 7'), ["9:1-9:13 CBL037 info A second REF says 'PARIS 7', where the first says 'STATE 12'; the first is read."]);
    // A line doubled, whose wrapped lines go on with the first, is no part of what the first says.
    assert.deepEqual(ref('REF: A. STATE 12\nREF: A. STATE 12\nB. PARIS 7'), ["9:1-9:17 CBL037 info A second REF says 'A. STATE 12', where the first says 'A. STATE 12 B. PARIS 7'; the first is read."]);
    // A long first field is cut after its last whole word, as a SUBJECT is.
    assert.deepEqual(ref('REF: A. STATE 12 B. ROME 3 C. PARIS 7 D. OSLO 99 E. MADRID 1234 F. LONDON 456\nREF: A. PARIS 7'), ["9:1-9:16 CBL037 info A second REF says 'A. PARIS 7', where the first says 'A. STATE 12 B. ROME 3 C. PARIS 7 D. OSLO 99 E. MADRID 1234…'; the first is read."]);
  });
  it('says a second REF or SUBJECT that repeats the first word for word is the first written again, not that it says the same as itself (parser58)', () => {
    const head = 'E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\n';
    assert.deepEqual(read(`${head}SUBJECT: FERRY TALKS\nREF: A. STATE 12\nREF: A. STATE 12`).findings, ["9:1-9:17 CBL037 info The REF field is written twice, word for word: 'A. STATE 12'."]);
    assert.deepEqual(read(`${head}SUBJECT: FERRY TALKS\nSUBJECT: FERRY TALKS`).findings, ["8:1-8:21 CBL037 info The SUBJECT field is written twice, word for word: 'FERRY TALKS'."]);
    // Its items or words spaced apart otherwise, or wrapped otherwise, are the same words.
    assert.deepEqual(read(`${head}SUBJECT: FERRY TALKS\nREF: A. STATE 12\n     B. ROME 3\nREF: A.  STATE 12 B. ROME 3`).findings, ["10:1-10:28 CBL037 info The REF field is written twice, word for word: 'A.  STATE 12 B. ROME 3'."]);
    // A word changed, or the letter's case, is another value, quoted beside the first's.
    assert.deepEqual(read(`${head}SUBJECT: FERRY TALKS\nSUBJECT: Ferry Talks`).findings, ["8:1-8:21 CBL037 info A second SUBJECT says 'Ferry Talks', where the first says 'FERRY TALKS'; the first is read."]);
  });
  it('passes over one or two stray lines right under a field with a field still to read right under them, and reports each', () => {
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nFOR THE FERRY DESK\nTAGS: PREL\nSUBJECT: FERRY TALKS'), {
      decl: '4:DECL: 4:18-28 05/14/2019 date',
      fields: whole,
      strays: ['5:FOR THE FERRY DESK'],
      findings: ["6:1-6:19 CBL037 info Line 'FOR THE FERRY DESK' between E.O. and TAGS is no header field nor part of one."],
    });
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\n  PLEASE PASS TO THE\nFERRY DESK\nSUBJECT: FERRY TALKS').strays, ['6:PLEASE PASS TO THE', '7:FERRY DESK']);
    // Free text under an empty DECL is no value: the DECL stays empty (CBL015), the line a stray one.
    assert.deepEqual(read('E.O. 12958: DECL:\nSEE BELOW\nTAGS: PREL\nSUBJECT: FERRY TALKS').findings, [
      '5:1-5:18 CBL015 warning DECL gives no date (for example "DECL: 05/27/2019").',
      "6:1-6:10 CBL037 info Line 'SEE BELOW' between E.O. and TAGS is no header field nor part of one.",
    ]);
    // The E.O. line written twice.
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nE.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS').findings, [
      "6:1-6:29 CBL037 info Line 'E.O. 12958: DECL: 05/14/2019' between E.O. and TAGS writes the E.O. line again; the first is read.",
    ]);
    // The field under it spelt wrong, as the parser reads it.
    assert.deepEqual(read('E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nFOR THE FERRY DESK\nSUBIECT: FERRY TALKS').fields, whole);
  });
  it('ends the fields as before where no field still to read follows closely, so the body is never taken', () => {
    // A blank line above the line, three lines, a field already read under it, or a paragraph.
    for (const fields of [
      'E.O. 12958: DECL: 05/14/2019\n\nFOR THE FERRY DESK\nTAGS: PREL\nSUBJECT: FERRY TALKS',
      'E.O. 12958: DECL: 05/14/2019\nONE\nTWO\nTHREE\nTAGS: PREL\nSUBJECT: FERRY TALKS',
      'E.O. 12958: DECL: 05/14/2019\nFOR THE FERRY DESK\n\nTAGS: PREL\nSUBJECT: FERRY TALKS',
    ]) {
      const r = read(fields);
      assert.deepEqual([r.strays, r.fields], [[], 'undefined | undefined |  | 1,2'], fields);
    }
    const fields = 'E.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nTHE PIER IS CLOSED.\nTAGS: PGOV\nSUBJECT: FERRY TALKS';
    assert.deepEqual(read(fields).strays, []);
    assert.equal(parseCable(head(fields)).cable.bodyStartLine, 6);
  });
});

describe('rules: CBL022 and reason letters in lists', () => {
  const found = (reasons: string) => {
    const text = `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Ambassador A. Smith, reasons ${reasons}\n\n¶1. (C) Text.\nSMITH\n`;
    return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL022').map((f) => `${f.range.start.character} ${f.message}`);
  };
  it('reports a letter past h written in a list without brackets around it alone', () => {
    assert.deepEqual(found('1.4 (k,d).'), ['49 Reason (k) is not a category of section 1.4 (letters a–h).']);
    assert.deepEqual(found('1.4 K/D.'), ['48 Reason (k) is not a category of section 1.4 (letters a–h).']);
    assert.deepEqual(found('1.4 b and m.'), ['54 Reason (m) is not a category of section 1.4 (letters a–h).']);
  });
  it('leaves alone the words and letters that follow the reasons', () => {
    assert.deepEqual(found('1.4 (b) and (d). I concur.'), []);
    assert.deepEqual(found('1.4 b/d, s. 2'), []);
    assert.deepEqual(found('1.4 (b,d), i.e. foreign relations'), []);
  });
  it('reads a section with a letter l or I for the digit 1, checks its letters and writes the digit with a safe fix', () => {
    // "reasons l.4 (b) and (k)": the section was not read, so neither were its letters, and nothing was reported.
    assert.deepEqual(found('l.4 (b) and (k).'), ["44 Reason section 'l.4' has the letter 'l' for the digit 1: read as 1.4.", '57 Reason (k) is not a category of section 1.4 (letters a–h).']);
    assert.deepEqual(found('I.5 (d).'), ["44 Reason section 'I.5' has the letter 'I' for the digit 1: read as 1.5."]);
    const text = 'C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Ambassador A. Smith, reasons l.4 (b).\n\n¶1. (C) Text.\nSMITH\n';
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL022')!;
    assert.deepEqual([finding.fixes![0].title, finding.fixes![0].safe], ["Write '1.4'", true]);
    assert.equal(applyEdits(text, finding.fixes![0].edits), text.replace('l.4', '1.4'));
    // Only so written: not after a letter or digit, nor with a space.
    assert.deepEqual(found('Al.4 (b).'), []);
    assert.deepEqual(found('l. 4 (b).'), []);
  });
});

describe('rules: CBL028 and a paragraph number alone on its line', () => {
  const cable = (body: string) => `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Ambassador A. Smith, reasons 1.4 (b).\n\n${body}SMITH\n`;
  const lint = (body: string) => lintCable(parseCable(cable(body)).cable);
  const found = (body: string) => lint(body).map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character}`);
  it('reports the next number alone on a paragraph\'s line after a sentence, its marking opening the next line, and joins them', () => {
    // "3." inside paragraph 2 is no paragraph (a bare number needs its marking on its line): paragraph 4 read a gap after 2.
    const body = '¶1. (C) One.\n\n2. (C) Two said\nso.\n3.\n(C) Three.\n\n4. (C) Four.\n';
    const findings = lint(body);
    assert.deepEqual(findings.filter((f) => f.id === 'CBL028').map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
      "12:0-2 Paragraph number '3.' stands alone on its line, its marking '(C)' opening the next: write them on one line as paragraph 3 opens.",
    ]);
    const fix = findings.find((f) => f.id === 'CBL028')!.fixes![0];
    assert.deepEqual([fix.title, fix.safe, fix.preferred], ["Join them: '3. (C)'", false, undefined]);
    const fixed = applyEdits(cable(body), fix.edits);
    assert.ok(fixed.includes('so.\n3. (C) Three.\n'));
    assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL024' || f.id === 'CBL028').map((f) => f.id), []);
  });
  it('reports "¶3." read as a paragraph whose marking opens the next line, in place of its missing marking', () => {
    const body = '¶1. (C) One.\n\n¶2.\n  (C) Two.\n';
    assert.deepEqual(found(body).filter((f) => f.startsWith('CBL028')), ['CBL028 10:0']);
    assert.match(lint(body).find((f) => f.id === 'CBL028')!.message, /^Paragraph number '¶2\.' stands alone on its line/);
    const fix = lint(body).find((f) => f.id === 'CBL028')!.fixes![0];
    assert.ok(applyEdits(cable(body), fix.edits).includes('\n¶2. (C) Two.\n'));
  });
  it('leaves alone a number that is not the next, one under a line that ends no sentence, and one with no marking below', () => {
    assert.deepEqual(found('¶1. (C) One.\n\n¶2. (C) Two said so.\n5.\n(C) Five.\n').filter((f) => f.startsWith('CBL028')), []);
    assert.deepEqual(found('¶1. (C) One.\n\n¶2. (C) Two rose by\n3.\n(C) Three.\n').filter((f) => f.startsWith('CBL028')), []);
    assert.deepEqual(found('¶1. (C) One.\n\n¶2. (C) Two said so.\n3.\nThree.\n').filter((f) => f.startsWith('CBL028')), []);
  });
});

describe('rules: CBL028 and a marking split over two lines', () => {
  const cable = (body: string, banner = 'C O N F I D E N T I A L NOWHERE 000005') => `${banner}\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Ambassador A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
  const cbl028 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL028');
  it('reads a marking opened at the end of the number\'s line and closed on the next as split, and joins it', () => {
    for (const [body, marking, written, joined] of [
      ['¶1. (C) One.\n\n2. (C\n) The pier is closed.\n', '(C)', "'(C' ⏎ ')'", '2. (C) The pier is closed.'],
      ['¶1. (C) One.\n\n¶2. (\nC) The pier is closed.\n', '(C)', "'(' ⏎ 'C)'", '¶2. (C) The pier is closed.'],
      ['¶1. (C) One.\n\n2.  (S/  \n   NF) The pier is closed.\n', '(S/NF)', "'(S/' ⏎ 'NF)'", '2.  (S/NF) The pier is closed.'],
    ]) {
      const text = cable(body);
      const findings = cbl028(text);
      assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.message}`), [
        `10:0 warning Paragraph 2's marking '${marking}' is split over two lines (${written}): write it whole on the number's line.`,
      ], body);
      const fix = findings[0].fixes![0];
      assert.deepEqual([fix.title, fix.safe, findings[0].fixes!.length], [`Join it: '${joined.slice(0, joined.indexOf(' '))} ${marking}'`, false, 1]);
      // The fix writes the marking whole, and nothing of it is left on the line below ("2. (C) (C" and a stray ")" were).
      const fixed = applyEdits(text, fix.edits);
      assert.equal(fixed.split('\n')[10], joined);
      assert.equal(parseCable(fixed).cable.paragraphs[1].portion?.token.text, marking);
      assert.deepEqual(cbl028(fixed), []);
    }
    // An info on an unclassified cable, as a missing marking is.
    assert.deepEqual(cbl028(cable('¶1. (U) One.\n\n2. (\nU) Two.\n', 'UNCLASSIFIED NOWHERE 000005')).map((f) => f.severity), ['info']);
  });
  it('puts the split marking in the model as the paragraph\'s: its level, controls, both pieces, and its first words after it', () => {
    const { cable: parsed, problems } = parseCable(cable('¶1. (C) One.\n\n¶2. (S/\n  NF) The pier is closed.\n'));
    const p = parsed.paragraphs[1];
    assert.deepEqual([p.portion?.token.text, p.portion?.inner.text, p.portion?.level, p.portion?.controls, p.portion?.wellFormed], ['(S/NF)', 'S/NF', 'SECRET', ['NF'], true]);
    assert.deepEqual(p.portion?.token.range, { start: { line: 10, character: 4 }, end: { line: 11, character: 5 } });
    assert.deepEqual(p.portion?.split, [{ start: { line: 10, character: 4 }, end: { line: 10, character: 7 } }, { start: { line: 11, character: 2 }, end: { line: 11, character: 5 } }]);
    assert.equal(p.firstWords, 'The pier is closed.');
    assert.deepEqual(problems.filter((q) => q.rule === 'portion-marking-malformed'), []);
    // "(" alone on the number's line: the level is on the next.
    const opened = parseCable(cable('¶1. (C) One.\n\n2. (\nC) Two.\n')).cable.paragraphs[1].portion!;
    assert.deepEqual([opened.inner.text, opened.inner.range.start, opened.inner.range.end], ['C', { line: 11, character: 0 }, { line: 11, character: 1 }]);
    // A marking on the number's line has no pieces; a "(" never closed below, or prose closed below, is no marking.
    assert.equal(parseCable(cable('¶1. (C) One.\n')).cable.paragraphs[0].portion?.split, undefined);
    assert.equal(parseCable(cable('¶1. (C) One.\n\n2. (C\nThe pier is closed.\n')).cable.paragraphs[1].portion, undefined);
    assert.equal(parseCable(cable('¶1. (C) One.\n\n2. (The\npier) is closed.\n')).cable.paragraphs[1].portion, undefined);
  });
  it('counts the split marking where the marking rules count paragraph markings (CBL030, CBL031, CBL032), CBL028 still reporting it', () => {
    const ids = (text: string, rules: string[]) => lintCable(parseCable(text).cable).filter((f) => rules.includes(f.id)).map((f) => `${f.id} ${f.range.start.line}-${f.range.end.line}`);
    // A SECRET paragraph under a CONFIDENTIAL banner.
    assert.deepEqual(ids(cable('¶1. (C) One.\n\n2. (S\n) Two.\n'), ['CBL028', 'CBL030']), ['CBL028 10-10', 'CBL030 10-11']);
    // A SECRET banner whose highest marking is the split one: no banner above its portions.
    const secret = 'S E C R E T NOWHERE 000005';
    assert.deepEqual(ids(cable('¶1. (C) One.\n\n2. (S\n) Two.\n', secret), ['CBL031']), []);
    assert.deepEqual(ids(cable('¶1. (C) One.\n\n2. (C) Two.\n', secret), ['CBL031']).map((f) => f.slice(0, 6)), ['CBL031']);
    // A NOFORN paragraph with no NOFORN caveat.
    assert.deepEqual(ids(cable('¶1. (S) One.\n\n2. (S/\nNF) Two.\n', secret), ['CBL032']), ['CBL032 10-11']);
    // The level fix of CBL030 writes the level in its piece, the marking left split for CBL028's join.
    const text = cable('¶1. (C) One.\n\n2. (S\n) Two.\n');
    const lower = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL030')!.fixes![0];
    assert.ok(applyEdits(text, lower.edits).includes('\n2. (C\n) Two.\n'));
  });
  it('offers the markings for a paragraph whose line ends in "(" or "(C" with no marking closed below it, in their place', () => {
    for (const body of ['¶1. (C) One.\n\n2. (\nThe pier (north) is closed.\n', '¶1. (C) One.\n\n2. (C\nThe pier is closed.\n', '¶1. (C) One.\n\n2. (C \nThe pier is closed.\n']) {
      const findings = cbl028(cable(body));
      assert.deepEqual(findings.map((f) => f.message), ['Paragraph 2 has no portion marking.'], body);
      assert.equal(applyEdits(cable(body), findings[0].fixes![0].edits).split('\n')[10].trimEnd(), '2. (C)', body);
    }
  });
});

describe('rules: CBL024 and what a copy lost', () => {
  const lint = (body: string) => {
    const text = `S E C R E T NOWHERE 000004\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
    return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL024');
  };
  const found = (body: string) => lint(body).map((f) => `${f.range.start.line}: ${f.message}`);
  it('takes a gap with a line of X\'s before it, or before the first paragraph, as paragraphs the release blanked', () => {
    assert.deepEqual(found('¶1. (S) One.\n\nXXXXXXXXXXXX\n\n¶5. (S) Five.\n\n¶6. (S) Six.\n'), []);
    assert.deepEqual(found('XXXXXXXXXXXX\n\nTHE FAIR\n\n¶7. (S) Seven.\n\n¶8. (S) Eight.\n'), []);
  });
  it('takes as blanked any line the parser takes so: small x\'s, several runs, punctuation, and the text of the paragraph before the gap', () => {
    for (const blanked of ['xxxxxxxxxxxx', 'XXXXXXXXXXXX XXXXXXXXXXXX', 'XXXXXXXXXXXX, xxxxxxxxxxxx.']) {
      assert.deepEqual(found(`¶1. (S) One.\n\n${blanked}\n\n¶5. (S) Five.\n`), [], blanked);
    }
    assert.deepEqual(found('¶1. (S) One.\n\n¶2. XXXXXXXXXXXX\n\n¶5. (S) Five.\n'), []);
    assert.deepEqual(found('¶1. (S) One.\n\n¶2. (S) xxxxxxxxxxxx\n\n¶5. (S) Five.\n'), []);
    // The paragraph before the gap blanked a name only: still a gap.
    assert.deepEqual(found('¶1. (S) One.\n\n¶2. (S) xxxxxxxxxxxx told us.\n\n¶5. (S) Five.\n'), ['12: Paragraph 5: a gap after 2 (paragraphs 3 to 4 are missing).']);
  });
  it('still reports a gap whose only redaction blanks words, a gap away from the redaction, and a step back after it', () => {
    assert.deepEqual(found('¶1. (S) The mayor told XXXXXXXXXXXX on May 4.\n\n¶3. (S) Three.\n'), ['10: Paragraph 3: a gap after 1 (paragraph 2 is missing).']);
    assert.deepEqual(found('¶1. (S) One.\n\nXXXXXXXXXXXX\n\n¶4. (S) Four.\n\n¶6. (S) Six.\n\n¶2. (S) Two.\n'), [
      '14: Paragraph 6: a gap after 4 (paragraph 5 is missing).',
      '16: Paragraph 2: a step back after 6.',
    ]);
  });
  it('excuses a gap behind a redaction after a sentence\'s end only where a sentence of its own follows the X\'s (noise56)', () => {
    // 09HARARE888's shape: the X's blanked the end of the line with paragraph 2's number.
    assert.deepEqual(found('¶1. (S) Topics of the week:\nFares... .XXXXXXXXXXXX The board met on May 4.\n¶3. (S) Three.\n'), []);
    // A name blanked, its verb after it (10CARACAS147), a closer after it, or the X's ending the line: the gap is the cable's.
    for (const line of ['We met XXXXXXXXXXXX. XXXXXXXXXXXX said the board met.', 'Summary: fares rose. XXXXXXXXXXXX End Summary.', 'We met the board. XXXXXXXXXXXX']) {
      assert.deepEqual(found(`¶1. (S) Topics of the week:\n${line}\n¶3. (S) Three.\n`), ['10: Paragraph 3: a gap after 1 (paragraph 2 is missing).'], line);
    }
    // A copy lowercased whole shows no capital to tell them apart by: the excuse stands, as before.
    assert.deepEqual(found('¶1. (s) topics of the week:\nfares... .xxxxxxxxxxxx the board met on may 4.\n¶3. (s) three.\n'), []);
  });
  it("reports a gap behind a redaction after a sentence's end where a surname and its verb follow the X's (rules57)", () => {
    // 10SEOUL272's shape: the X's blanked a title and given name, "Chun said" is no sentence of a paragraph of its own.
    for (const line of ['north of the line. XXXXXXXXXXXX Chun said the board met.', 'as the mayor said.XXXXXXXXXXXX Van Dorn claimed so.']) {
      assert.deepEqual(found(`¶1. (S) Topics of the week:\n${line}\n¶3. (S) Three.\n`), ['10: Paragraph 3: a gap after 1 (paragraph 2 is missing).'], line);
    }
    // A sentence's opening word before its verb ("He said", "The minister said"), or a capital without a verb of saying after
    // it ("The board met"): a sentence of its own, as before.
    for (const line of ['Fares... .XXXXXXXXXXXX He said the board met.', 'Fares... .XXXXXXXXXXXX The minister said so.', 'Fares... .XXXXXXXXXXXX Officials said so.', 'Fares... .XXXXXXXXXXXX Harbor fees rose.']) {
      assert.deepEqual(found(`¶1. (S) Topics of the week:\n${line}\n¶3. (S) Three.\n`), [], line);
    }
  });
  it('reports a gap whose only blanked line ends a sentence the line above leaves open, or a title over its rule (rules57)', () => {
    // 06VIENNA515's shape: "… transliterations of" ⏎ "xxxxx." blanked the sentence's last words.
    assert.deepEqual(found('¶1. (S) A search that included numerous transliterations of\nxxxxx.\n\n¶3. (S) Three.\n'), ['11: Paragraph 3: a gap after 1 (paragraph 2 is missing).']);
    assert.deepEqual(found('¶1. (S) They met the mayor,\nXXXXXXXXXXXX.\n\n¶3. (S) Three.\n'), ['11: Paragraph 3: a gap after 1 (paragraph 2 is missing).']);
    // 10SEOUL272's shape: a section's title blanked over its rule.
    assert.deepEqual(found('¶1. (S) One.\nXXXXXXXXXXXX\n-------------\n\n¶3. (S) Three.\n'), ['12: Paragraph 3: a gap after 1 (paragraph 2 is missing).']);
    // A sentence ended, a number, a redaction ending the line above, a blank line between, or a paragraph's own number: as before.
    for (const body of ['¶1. (S) They met the board.\nXXXXXXXXXXXX\n', '¶1. (S) See Harare 879\nXXXXXXXXXXXX\n', '¶1. (S) They met xxxxx\nxxxxx\n', '¶1. (S) They met the\n\nXXXXXXXXXXXX\n', '¶1. (S) They met the\n¶2. xxxxxxxxxxxx\n', '¶1. (S) One.\n¶2. (S) xxxxxxxxxxxx\n-------------\n'])
      assert.deepEqual(found(`${body}\n¶5. (S) Five.\n`), [], body);
  });
  it('takes marked text above a first paragraph numbered 2 as paragraph 1 without its number, and numbers it', () => {
    const [finding] = lint('(S) The talks went well.\n\n¶2. (S) Two.\n\n¶3. (S) Three.\n');
    assert.equal(finding.message, 'Paragraph 2: the first paragraph should be 1; the marked text above it reads as paragraph 1 without its number.');
    assert.deepEqual(finding.fixes!.map((f) => [f.title, f.edits.map((e) => `${e.range.start.line}:${e.range.start.character}:${e.newText}`)]), [['Number the paragraph above as ¶1.', ['8:0:¶1. ']]]);
    // Text above it without a marking, or a heading, is no paragraph that lost its number.
    assert.deepEqual(found('The talks went well.\n\n¶2. (S) Two.\n'), ['10: Paragraph 2: the first paragraph should be 1.']);
    assert.deepEqual(found('THE TALKS\n\n¶2. (S) Two.\n'), ['10: Paragraph 2: the first paragraph should be 1.']);
  });
  it('renumbers around a blanked gap, keeping the numbers after it', () => {
    const [finding] = lint('¶1. (S) One.\n\nXXXXXXXXXXXX\n\n¶4. (S) Four.\n\n¶6. (S) Six.\n');
    assert.deepEqual(finding.fixes!.map((f) => [f.title, f.edits.map((e) => `${e.range.start.line}:${e.newText}`)]), [['Renumber paragraph 6 as 5', ['14:5']]]);
  });

  it('names in its title the numbers the renumbering changes, not the whole run', () => {
    const titles = (body: string) => lint(body).flatMap((f) => f.fixes!.map((x) => x.title));
    // "Renumber paragraphs 1 to 6" swapped two numbers (08RIODEJANEIRO171's ¶6 above its ¶5).
    assert.deepEqual(titles('¶1. (S) One.\n\n¶2. (S) Two.\n\n¶4. (S) Four.\n'), ['Renumber paragraph 4 as 3']);
    assert.deepEqual([...new Set(titles('¶1. (S) One.\n\n¶3. (S) Three.\n\n¶2. (S) Two.\n'))], ['Renumber paragraphs 3 as 2 and 2 as 3']);
    // "Renumber paragraphs 1 to 7" for four numbers of seven (07KABUL185's ¶16 to ¶19 after its ¶19).
    assert.deepEqual(titles('¶1. (S) A.\n\n¶2. (S) B.\n\n¶3. (S) C.\n\n¶1. (S) D.\n\n¶2. (S) E.\n\n¶3. (S) F.\n\n¶4. (S) G.\n').slice(0, 1), ['Renumber 4 paragraphs, 1 as 4 to 4 as 7']);
  });
});

describe('rules: CBL031 and paragraphs the release blanked', () => {
  const found = (body: string) => {
    const text = `S E C R E T NOWHERE 000006\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
    return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL031').map((f) => f.message);
  };
  it('does not compare the banner with the markings left when whole paragraphs were blanked', () => {
    assert.deepEqual(found('XXXXXXXXXXXX\n\n¶4. (C) Four.\n'), []);
    assert.deepEqual(found('¶1. (C) One.\n\nXXXXXXXXXXXX\n\n¶3. (U) Three.\n'), []);
  });
  it('takes as blanked any line the parser takes so: small x\'s, several runs, punctuation, or a paragraph\'s text', () => {
    for (const blanked of ['xxxxxxxxxxxx', 'XXXXXXXXXXXX XXXXXXXXXXXX', 'XXXXXXXXXXXX; XXXXXXXXXXXX', '¶2. (C) XXXXXXXXXXXX']) {
      assert.deepEqual(found(`¶1. (C) One.\n\n${blanked}\n\n¶3. (U) Three.\n`), [], blanked);
    }
  });
  it('still compares them when only words were blanked', () => {
    assert.deepEqual(found('¶1. (C) The mayor told XXXXXXXXXXXX on May 4.\n\n¶2. (U) Two.\n'), ['Banner is SECRET but no portion is marked above CONFIDENTIAL.']);
  });
  it('still compares them when the only blanked line ends a sentence the line above leaves open, or is a title over its rule, as CBL024 reads them (marks58)', () => {
    const above = ['Banner is SECRET but no portion is marked above CONFIDENTIAL.'];
    // 06VIENNA515's shape ("transliterations of" ⏎ "xxxxx."): words of a sentence blanked, no paragraph and no marking with them.
    assert.deepEqual(found('¶1. (C) A search that included numerous transliterations of\nxxxxx.\n\n¶2. (U) Two.\n'), above);
    assert.deepEqual(found('¶1. (C) They met the mayor,\nXXXXXXXXXXXX.\n\n¶2. (U) Two.\n'), above);
    // 10SEOUL272's shape: a section's title blanked over its rule.
    assert.deepEqual(found('¶1. (C) One.\n\nXXXXXXXXXXXX\n-------------\n\n¶2. (U) Two.\n'), above);
    // A sentence ended above, a blank line between, or a paragraph's number opening the line, over a rule or not: paragraphs blanked.
    for (const body of ['¶1. (C) They met the board.\nXXXXXXXXXXXX\n', '¶1. (C) They met the\n\nXXXXXXXXXXXX\n', '¶1. (C) One.\n¶2. (C) xxxxxxxxxxxx\n-------------\n'])
      assert.deepEqual(found(`${body}\n¶3. (U) Three.\n`), [], body);
  });
});

describe('rules: CBL034 and pages the release blanked', () => {
  const found = (body: string) => {
    const text = `S E C R E T SECTION 01 OF 04 NOWHERE 000007\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
    return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL034').map((f) => `${f.range.start.line}: ${f.message}`);
  };
  const page = (n: number) => `NOWHERE 00000007 00${n} OF 004`;
  it('does not report pages missing where a line the release blanked stands between the page lines, or above the first, and paragraph numbers skip there', () => {
    // "XXXXXXXXXXXX" ⏎ "¶22. …" ⏎ "… 007 OF 008": the release blanked paragraphs 1 to 21 and the pages they filled.
    assert.deepEqual(found(`XXXXXXXXXXXX\n\n¶6. (S) Six.\n\n${page(3)}\n\n¶7. (S) Seven.\n`), []);
    assert.deepEqual(found(`¶1. (S) One.\n\n${page(2)}\n\n¶2. (S) Two.\n\nxxxxxxxxxxxx\n\n¶6. (S) Six.\n\n${page(4)}\n\n¶7. (S) Seven.\n`), []);
    assert.deepEqual(found(`¶1. (S) One.\n\n¶2. (S) XXXXXXXXXXXX\n\n¶6. (S) Six.\n\n${page(3)}\n\n¶7. (S) Seven.\n`), []);
  });
  it('still reports a gap whose only redaction blanks words, one where no paragraph number is missing, a gap away from the blanked line, and a page out of order after it', () => {
    // A line of X's alone where no number is missing blanked a name that began the line: no pages went with it.
    assert.deepEqual(found(`¶1. (S) One, as\nXXXXXXXXXXXX\n\n¶2. (S) Two.\n\n${page(3)}\n\n¶3. (S) Three.\n`), ['13: The first continuation page is 003; pages before it are missing.']);
    assert.deepEqual(found(`¶1. (S) One.\n\n${page(2)}\n\n¶2. (S) XXXXXXXXXXXX\n\n¶3. (S) Three.\n\n${page(4)}\n`), ['16: Page 004 follows page 002.']);
    // After a step back ("¶5." ⏎ "¶2. XXXXXXXXXXXX" ⏎ "¶6."), the next number misses none.
    assert.deepEqual(found(`¶4. (S) Four.\n\n${page(2)}\n\n¶5. (S) Five.\n\n¶2. (S) XXXXXXXXXXXX\n\n¶6. (S) Six.\n\n${page(4)}\n`), ['18: Page 004 follows page 002.']);
    assert.deepEqual(found(`¶1. (S) The mayor told XXXXXXXXXXXX on May 4.\n\n${page(3)}\n\n¶2. (S) Two.\n`), ['10: The first continuation page is 003; pages before it are missing.']);
    assert.deepEqual(found(`¶1. (S) One.\n\nXXXXXXXXXXXX\n\n${page(2)}\n\n¶4. (S) Four.\n\n${page(4)}\n\n¶5. (S) Five.\n`), ['16: Page 004 follows page 002.']);
    assert.deepEqual(found(`XXXXXXXXXXXX\n\n${page(3)}\n\n¶4. (S) Four.\n\n${page(2)}\n\n¶5. (S) Five.\n`), ['14: Page 002 follows page 003.']);
  });
  it('still reports a gap where paragraph numbers skip when the only blanked line ends a sentence the line above leaves open, or is a title over its rule, as CBL024 reads them (marks58)', () => {
    // A page lost with paragraph 2, and the X's blanked a sentence's last words ("transliterations of" ⏎ "xxxxx.", 06VIENNA515).
    assert.deepEqual(found(`¶1. (S) A search that included numerous transliterations of\nxxxxx.\n\n${page(3)}\n\n¶3. (S) Three.\n`), ['11: The first continuation page is 003; pages before it are missing.']);
    assert.deepEqual(found(`¶1. (S) One.\n\n${page(2)}\n\n¶2. (S) They met the mayor,\nXXXXXXXXXXXX.\n\n¶4. (S) Four.\n\n${page(4)}\n`), ['17: Page 004 follows page 002.']);
    // A section's title blanked over its rule (10SEOUL272's shape).
    assert.deepEqual(found(`¶1. (S) One.\n\nXXXXXXXXXXXX\n-------------\n\n${page(3)}\n\n¶3. (S) Three.\n`), ['13: The first continuation page is 003; pages before it are missing.']);
    // A sentence ended above, or a paragraph's number opening the line over a rule: paragraphs blanked, pages with them.
    assert.deepEqual(found(`¶1. (S) They met the board.\nXXXXXXXXXXXX\n\n${page(3)}\n\n¶3. (S) Three.\n`), []);
    assert.deepEqual(found(`¶1. (S) One.\n¶2. (S) xxxxxxxxxxxx\n-------------\n\n${page(3)}\n\n¶5. (S) Five.\n`), []);
  });
  it('checks the page numbers of a page line a scan damaged where they are readable, and takes an unreadable one for the next page', () => {
    // "OO4": a letter O for each zero, read as page 4, after page 2.
    assert.deepEqual(found(`¶1. (S) One.\n\n${page(2)}\n\n¶2. (S) Two.\n\nNOWHERE 00000007 OO4 OF 004\n\n¶3. (S) Three.\n`), ['14: Page OO4 follows page 002.']);
    // "0#3": the page the damage hid is the third, between the second and the fourth; as the first page line, the second.
    assert.deepEqual(found(`¶1. (S) One.\n\n${page(2)}\n\n¶2. (S) Two.\n\nNOWHERE 00000007 0#3 OF 004\n\n¶3. (S) Three.\n\n${page(4)}\n`), []);
    assert.deepEqual(found(`¶1. (S) One.\n\nNOWHERE 00000007 0#2 OF 004\n\n¶2. (S) Two.\n\n${page(3)}\n`), []);
    assert.deepEqual(found(`¶1. (S) One.\n\nNOWHERE 00000007 0#2 OF 004\n\n¶2. (S) Two.\n\n${page(4)}\n`), ['14: Page 004 follows page 002.']);
  });
});

describe('rules: markings on items, lines and sub-titles inside the text', () => {
  const found = (id: string, banner: string, caveat: string, body: string) => {
    const text = `${banner} NOWHERE 000008\n\n${caveat}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
    return lintCable(parseCable(text).cable).filter((f) => f.id === id).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`);
  };
  const CONFIDENTIAL = 'C O N F I D E N T I A L';
  it('CBL029 reports a paragraph\'s marking after a block\'s label, as info, with a fix for you to choose that writes the same characters with the marking first', () => {
    const lint29 = (body: string) => {
      const text = `C O N F I D E N T I A L NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029') };
    };
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join() ?? 'no fix'}`;
    for (const [body, moved] of [
      ['1. Summary: (C) The ministry said so. End Summary.', '1. (C) Summary: The ministry'],
      ['¶1.  Summary and Comment:  (C) The ministry said so.', '¶1.  (C)  Summary and Comment: The ministry'],
      ['¶1. Begin Summary. (C) The ministry said so.', '¶1. (C) Begin Summary. The ministry'],
    ]) {
      const { text, findings } = lint29(body);
      const label = body.slice(body.indexOf(' ') + 1, body.indexOf('(')).trim();
      assert.deepEqual(findings.map(show), [
        `9:${body.indexOf(label) + 1}-9:${body.indexOf(')') + 2} CBL029 info Paragraph 1's marking '(C)' comes after the '${label}' label; it belongs right after the paragraph number. | Write the marking '(C)' before '${label}' false`,
      ]);
      const fixed = applyEdits(text, findings[0].fixes![0].edits);
      assert.ok(fixed.includes(`\n${moved}`), fixed);
      assert.equal([...fixed].sort().join(''), [...text].sort().join(''));
      assert.equal(parseCable(fixed).cable.paragraphs[0].portion?.level, 'CONFIDENTIAL');
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL029'), []);
    }
    // "¶1. (C) Summary: …", the marking right after the number, is the shape asked for; a reference after the label is no marking.
    assert.deepEqual(lint29('¶1. (C) Summary: The ministry said so. End Summary.').findings, []);
    assert.deepEqual(lint29('¶1. (C) Summary: (REF A) The ministry said so.').findings, []);
    assert.deepEqual(lint29('¶1. (C) Comment: (S-300) missiles were shown.').findings, []);
  });

  it('CBL029 reports a second marking after the label that follows a paragraph\'s own: a warning when it is higher, a fix for you to choose when it repeats the first', () => {
    const lint29 = (body: string) => {
      const text = `S E C R E T NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\n${body}\nSMITH\n`;
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029') };
    };
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join() ?? 'no fix'}`;
    assert.deepEqual(lint29('¶2. (U) Comment: (C) The ministry said so. End Comment.').findings.map(show), [
      "11:18-11:21 CBL029 warning Paragraph 2 is marked '(U)' after its number but '(C)' after its 'Comment:' label: its marking is lower than its text's, and the one marking belongs right after the number. | no fix",
    ]);
    assert.deepEqual(lint29('¶2. (S) Comment: (C) The ministry said so. End Comment.').findings.map(show), [
      "11:18-11:21 CBL029 info Paragraph 2 is marked '(S)' after its number and '(C)' after its 'Comment:' label; the one marking belongs right after the number, for the highest level of the paragraph's text. | no fix",
    ]);
    const { text, findings } = lint29('¶2. (C) Comment: (C) The ministry said so. End Comment.');
    assert.deepEqual(findings.map(show), [
      "11:18-11:21 CBL029 info Paragraph 2's marking '(C)' is written again after its 'Comment:' label; the one marking belongs right after the paragraph number. | Delete the repeated '(C)' false",
    ]);
    assert.equal(applyEdits(text, findings[0].fixes![0].edits), lint29('¶2. (C) Comment: The ministry said so. End Comment.').text);
    assert.deepEqual(lint29('¶2. (C) Comment: The ministry said so. End Comment.').findings, []);
  });

  it('CBL029 reports a paragraph or an item marked twice in a row, with a fix for you to choose for each marking kept, and a copy with the one fix that deletes it', () => {
    const lint29 = (body: string) => {
      const text = `S E C R E T NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\n${body}\nSMITH\n`;
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029') };
    };
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe} ${x.preferred === true}`).join(', ') ?? 'no fix'}`;
    const { text, findings } = lint29('¶2. (C) (S) The ministry said so.');
    assert.deepEqual(findings.map(show), [
      "11:5-11:12 CBL029 warning Paragraph 2 is marked twice, '(C)' then '(S)', and is read as '(C)', the first; it takes one marking, for the highest level of its text. | Keep '(C)' and delete '(S)' false false, Keep '(S)' and delete '(C)' false false",
    ]);
    // Each fix leaves one marking right after the number, the paragraph's, and nothing for CBL029 to report.
    for (const [fix, level] of [[0, 'CONFIDENTIAL'], [1, 'SECRET']] as const) {
      const fixed = applyEdits(text, findings[0].fixes![fix].edits);
      assert.ok(fixed.includes(`\n¶2. (${level[0]}) The ministry said so.`), fixed);
      assert.equal(parseCable(fixed).cable.paragraphs[1].portion?.level, level);
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL029'), []);
    }
    // No space between them, a NOFORN marking, and an item's.
    assert.deepEqual(lint29('¶2. (S/NF)(C) Text.').findings.map((f) => `${f.range.start.character}-${f.range.end.character} ${f.severity}`), ['4-13 warning']);
    assert.deepEqual(lint29('¶2. (S) Points:\n-- (C) (S) One.').findings.map(show), [
      "12:4-12:11 CBL029 warning The item '--' in paragraph 2 is marked twice, '(C)' then '(S)', and is read as '(C)', the first; it takes one marking, for the highest level of its text. | Keep '(C)' and delete '(S)' false false, Keep '(S)' and delete '(C)' false false",
    ]);
    // A line opened by two markings, with no paragraph number or item label before them: the first is no list's label.
    const line = lint29('¶2. (S) Points:\n(C) (U) Two.');
    assert.deepEqual(line.findings.map(show), [
      "12:1-12:8 CBL029 warning Line 12, in paragraph 2, is marked twice, '(C)' then '(U)', and is read as '(C)', the first; it takes one marking, for the highest level of its text. | Keep '(C)' and delete '(U)' false false, Keep '(U)' and delete '(C)' false false",
    ]);
    assert.ok(applyEdits(line.text, line.findings[0].fixes![1].edits).includes('\n(U) Two.\n'));
    assert.deepEqual(lint29('¶2. (S) Points:\n(S) (S) Two.').findings.map((f) => `${formatFinding(f)}`), ["12:5-12:8 CBL029 info Line 12, in paragraph 2, repeats its marking '(S)'; one marking belongs there."]);
    // A list's labels stay labels: a letter that is no level's, or a level's letter under the list's letter before it.
    for (const body of ['¶2. (S) Points:\n(A) (U) One.', '¶2. (S) Points:\n(B) (U) One.\n(C) (U) Two.', '¶2. (S) Points:\n(1) (U) One.']) assert.deepEqual(lint29(body).findings, [], body);
    // The same marking twice: info, and the copy deleted.
    const copy = lint29('¶2. (C) (C) Text.');
    assert.deepEqual(copy.findings.map(show), ["11:9-11:12 CBL029 info Paragraph 2 repeats its marking '(C)'; one marking belongs there. | Delete the repeated '(C)' false false"]);
    assert.equal(applyEdits(copy.text, copy.findings[0].fixes![0].edits), lint29('¶2. (C) Text.').text);
    // Prose in parentheses after a marking names no level.
    for (const body of ['¶2. (C) (EU) officials said so.', '¶2. (C) (S-300) missiles were shown.', '¶2. (C) (REF A) The ministry said so.', '¶2. (C) (Note: none.) Text.']) assert.deepEqual(lint29(body).findings, [], body);
  });

  it('CBL029 reports a heading marked at the start and at the end of its title ("(C) HARBOR PATROLS (S)"), with a fix for each marking kept', () => {
    const lint29 = (title: string) => {
      const text = `S E C R E T NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\n${title}\n${'-'.repeat(title.length)}\n\n¶2. (S) Two.\nSMITH\n`;
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029') };
    };
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join(', ') ?? 'no fix'}`;
    const { text, findings } = lint29('(C) HARBOR PATROLS (S)');
    assert.deepEqual(findings.map(show), [
      "11:1-11:23 CBL029 warning The heading on line 11 is marked twice, '(C)' at the start of its title and '(S)' at its end; it takes one marking, for the highest level of its title. | Keep '(C)' and delete '(S)' false, Keep '(S)' and delete '(C)' false",
    ]);
    // Each fix leaves one marking, at the start or at the end, and nothing for CBL029 to report.
    for (const [fix, title] of [[0, '(C) HARBOR PATROLS'], [1, 'HARBOR PATROLS (S)']] as const) {
      const fixed = applyEdits(text, findings[0].fixes![fix].edits);
      assert.ok(fixed.includes(`\n${title}\n`), fixed);
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL029'), []);
    }
    // The same marking twice: info, and the one at the end deleted.
    const copy = lint29('(S) HARBOR PATROLS (S)');
    assert.deepEqual(copy.findings.map(show), ["11:20-11:23 CBL029 info The heading on line 11 repeats its marking '(S)' at the end of its title; one marking belongs there. | Delete the repeated '(S)' false"]);
    assert.ok(applyEdits(copy.text, copy.findings[0].fixes![0].edits).includes('\n(S) HARBOR PATROLS\n'));
    // One marking, at either end, and a list's letter after an opening marking, are no second marking.
    for (const title of ['(S) HARBOR PATROLS', 'HARBOR PATROLS (S)', '(S) HARBOR TALKS: ANNEX (C)']) assert.deepEqual(lint29(title).findings, [], title);
  });

  it('CBL029 reports a title wrapped over two lines marked at the start of its first line and the end of its last, as one on one line', () => {
    const lint29 = (first: string, last: string, gap = false) => {
      const text = `S E C R E T NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\n${first}\n${gap ? '\n' : ''}${last}\n${'-'.repeat(last.length)}\n\n¶2. (S) Two.\nSMITH\n`;
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029') };
    };
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join(', ') ?? 'no fix'}`;
    // Over its rule, and with a blank line between its lines (a double-spaced copy's, gappedTitle): the second names the line the title starts on.
    for (const gap of [false, true]) {
      const { text, findings } = lint29('(C) RELATIONS WITH THE HARBOR AUTHORITY OF THE', 'NORTHERN PORTS (S)', gap);
      const last = gap ? 13 : 12;
      assert.deepEqual(findings.map(show), [
        `11:1-${last}:19 CBL029 warning The heading on line ${last} is marked twice, '(C)' at the start of its title on line 11 and '(S)' at its end; it takes one marking, for the highest level of its title. | Keep '(C)' and delete '(S)' false, Keep '(S)' and delete '(C)' false`,
      ]);
      // Each fix changes one line, leaves one marking, the title still wrapped, and nothing for CBL029 to report.
      for (const [fix, first, second] of [[0, '(C) RELATIONS WITH THE HARBOR AUTHORITY OF THE', 'NORTHERN PORTS'], [1, 'RELATIONS WITH THE HARBOR AUTHORITY OF THE', 'NORTHERN PORTS (S)']] as const) {
        const edits = findings[0].fixes![fix].edits;
        assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.end.line]), [fix === 0 ? [last - 1, last - 1] : [10, 10]]);
        const fixed = applyEdits(text, edits);
        assert.ok(fixed.includes(`\n${first}\n${gap ? '\n' : ''}${second}\n`), fixed);
        const cable = parseCable(fixed).cable;
        assert.deepEqual(cable.headings.map((h) => [h.lead?.text, h.text.text, h.marking?.token.text]), [[first, 'NORTHERN PORTS', fix === 0 ? undefined : '(S)']]);
        assert.deepEqual(lintCable(cable).filter((f) => f.id === 'CBL029'), []);
      }
      // The same marking at both ends: info, and the one at the end deleted.
      const copy = lint29('(S) RELATIONS WITH THE HARBOR AUTHORITY OF THE', 'NORTHERN PORTS (S)', gap);
      assert.deepEqual(copy.findings.map(show), [`${last}:16-${last}:19 CBL029 info The heading on line ${last} repeats its marking '(S)' at the end of its title; one marking belongs there. | Delete the repeated '(S)' false`]);
      // One marking, at either end, is no second marking.
      for (const [first, second] of [['(S) RELATIONS WITH THE HARBOR AUTHORITY OF THE', 'NORTHERN PORTS'], ['RELATIONS WITH THE HARBOR AUTHORITY OF THE', 'NORTHERN PORTS (S)']]) assert.deepEqual(lint29(first, second, gap).findings, [], `${first} / ${second}`);
    }
  });

  it('reads a title between slashes marked at either end as a plain one ("//(C) LOOKING AHEAD (S/NF)//"): CBL029 reports it marked twice, CBL030 and CBL032 weigh both markings, on one line or wrapped (marks58)', () => {
    const lintTitle = (title: string, banner = 'C O N F I D E N T I A L', caveat = '') => {
      const text = `${banner} NOWHERE 000008\n\n${caveat}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\n${title}\n\n¶2. (C) Two.\nSMITH\n`;
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => ['CBL029', 'CBL030', 'CBL031', 'CBL032'].includes(f.id)) };
    };
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join(', ') ?? 'no fix'}`;
    const { text, findings } = lintTitle('//(C) LOOKING AHEAD (S/NF)//');
    assert.deepEqual(findings.map(show), [
      "11:3-11:27 CBL029 warning The heading on line 11 is marked twice, '(C)' at the start of its title and '(S/NF)' at its end; it takes one marking, for the highest level of its title. | Keep '(C)' and delete '(S/NF)' false, Keep '(S/NF)' and delete '(C)' false",
      "11:21-11:27 CBL030 error The heading on line 11 is marked SECRET above the banner level CONFIDENTIAL. | Lower the marking to the banner level: '(C/NF)' false",
      '11:21-11:27 CBL032 warning The heading on line 11 is marked NOFORN but the header has no NOFORN caveat. | Add a NOFORN caveat line after the banner false',
    ]);
    // Each CBL029 fix leaves one marking inside the slashes, and nothing for CBL029 to report.
    for (const [fix, title] of [[0, '//(C) LOOKING AHEAD//'], [1, '//LOOKING AHEAD (S/NF)//']] as const) {
      const fixed = applyEdits(text, findings[0].fixes![fix].edits);
      assert.ok(fixed.includes(`\n${title}\n`), fixed);
      assert.deepEqual(lintTitle(title).findings.filter((f) => f.id === 'CBL029'), []);
    }
    // The opening marking alone: above the banner (CBL030), counted as a portion (CBL031), its NOFORN first (CBL032).
    assert.deepEqual(lintTitle('//(S) LOOKING AHEAD//').findings.map(formatFinding), ['11:3-11:6 CBL030 error The heading on line 11 is marked SECRET above the banner level CONFIDENTIAL.']);
    assert.deepEqual(lintTitle('//(S) LOOKING AHEAD//', 'S E C R E T').findings, []);
    assert.deepEqual(lintTitle('//LOOKING AHEAD (S)//', 'S E C R E T').findings, []);
    assert.deepEqual(lintTitle('//LOOKING AHEAD//', 'S E C R E T').findings.map((f) => f.message), ['Banner is SECRET but no portion is marked above CONFIDENTIAL.']);
    assert.deepEqual(lintTitle('//(C/NF) LOOKING AHEAD//').findings.map((f) => f.message), ['The heading on line 11 is marked NOFORN but the header has no NOFORN caveat.']);
    // Wrapped over two lines: marked at the start of the first and the end of the second.
    const wrapped = lintTitle('//(C) LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO\nTHE SUMMER (S)//', 'S E C R E T');
    assert.deepEqual(wrapped.findings.map(show), [
      "11:3-12:15 CBL029 warning The heading on line 12 is marked twice, '(C)' at the start of its title on line 11 and '(S)' at its end; it takes one marking, for the highest level of its title. | Keep '(C)' and delete '(S)' false, Keep '(S)' and delete '(C)' false",
    ]);
    // The same marking at both ends: info, the one at the end deleted.
    const copy = lintTitle('//(C) LOOKING AHEAD (C)//');
    assert.deepEqual(copy.findings.map(show), ["11:21-11:24 CBL029 info The heading on line 11 repeats its marking '(C)' at the end of its title; one marking belongs there. | Delete the repeated '(C)' false"]);
    assert.ok(applyEdits(copy.text, copy.findings[0].fixes![0].edits).includes('\n//(C) LOOKING AHEAD//\n'));
  });

  it('reads the opening marking of a title between slashes in a form a plain title\'s is not read in ("//(S//REL TO USA, GBR) LOOKING AHEAD//"): CBL029 to CBL032 weigh it (parser58)', () => {
    const lintTitle = (title: string, banner = 'C O N F I D E N T I A L') => {
      const text = `${banner} NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n\n${title}\n\n¶2. (C) Two.\nSMITH\n`;
      return lintCable(parseCable(text).cable).filter((f) => ['CBL029', 'CBL030', 'CBL031', 'CBL032'].includes(f.id)).map(formatFinding);
    };
    // Above the banner (CBL030); with the title's other marking, marked twice (CBL029).
    assert.deepEqual(lintTitle('//(S//REL TO USA, GBR) LOOKING AHEAD//'), ['11:3-11:23 CBL030 error The heading on line 11 is marked SECRET above the banner level CONFIDENTIAL.']);
    assert.deepEqual(lintTitle('//(S//REL TO USA, GBR) LOOKING AHEAD (C)//', 'S E C R E T'), [
      "11:3-11:41 CBL029 warning The heading on line 11 is marked twice, '(S//REL TO USA, GBR)' at the start of its title and '(C)' at its end; it takes one marking, for the highest level of its title.",
    ]);
    // The portion marked SECRET that a SECRET banner asks for (CBL031, which a title marked CONFIDENTIAL leaves), and its NOFORN with no caveat line (CBL032).
    assert.deepEqual(lintTitle('//(S//REL TO USA, GBR) LOOKING AHEAD//', 'S E C R E T'), []);
    assert.deepEqual(lintTitle('//(C) LOOKING AHEAD//', 'S E C R E T'), ['1:1-1:12 CBL031 info Banner is SECRET but no portion is marked above CONFIDENTIAL.']);
    assert.deepEqual(lintTitle('//(S//NF//REL TO USA, GBR) LOOKING AHEAD//', 'S E C R E T'), ['11:3-11:27 CBL032 warning The heading on line 11 is marked NOFORN but the header has no NOFORN caveat.']);
    // Not well formed: CBL029.
    assert.deepEqual(lintTitle('//(C/NOFRN) LOOKING AHEAD//'), ["11:3-11:12 CBL029 warning Portion marking '(C/NOFRN)' is not a known form such as (S), (C//NF) or (S/REL NATO)."]);
  });

  it('CBL030 reports an item, a line and a sub-title marked above the banner, each named by where it is', () => {
    const body = '(S) A line before every paragraph.\n\n¶1. (C) Points:\n¶A. (S/NF) One.\n(S) Response: two.\n-- (C) Three.\n\n(S) Key Elements\n----------------\n\n¶2. (C) Two.';
    assert.deepEqual(found('CBL030', CONFIDENTIAL, '', body), [
      '8:0 Line 9 is marked SECRET above the banner level CONFIDENTIAL.',
      '11:4 The item \'¶A.\' in paragraph 1 is marked SECRET above the banner level CONFIDENTIAL.',
      '12:0 Line 13, in paragraph 1, is marked SECRET above the banner level CONFIDENTIAL.',
      '15:0 The heading on line 16 is marked SECRET above the banner level CONFIDENTIAL.',
    ]);
    // With the same related banner range as a paragraph's finding.
    const text = `${CONFIDENTIAL} NOWHERE 000008\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Points:\n-- (S) One.\n`;
    assert.deepEqual(lintCable(parseCable(text).cable).find((f) => f.id === 'CBL030')?.related, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } }, message: 'Banner level' }]);
    // A list's label in parentheses, a letter or a number, and the item's marking after it.
    assert.deepEqual(found('CBL030', CONFIDENTIAL, '', '¶1. (C) Points:\n(a) (S) One.\n(2) (S) Two.\n(12) (S) Twelve.'), [
      "9:4 The item '(a)' in paragraph 1 is marked SECRET above the banner level CONFIDENTIAL.",
      "10:4 The item '(2)' in paragraph 1 is marked SECRET above the banner level CONFIDENTIAL.",
      "11:5 The item '(12)' in paragraph 1 is marked SECRET above the banner level CONFIDENTIAL.",
    ]);
  });
  it('CBL031 counts an item\'s level among the portions\' levels', () => {
    assert.deepEqual(found('CBL031', 'S E C R E T', 'NOFORN\n\n', '¶1. (C) Points:\n-- (S/NF) One.\n\n¶2. (C) Two.'), []);
    assert.deepEqual(found('CBL031', 'S E C R E T', '', '¶1. (C) Points:\n-- (C) One.\n\n¶2. (U) Two.'), ['0:0 Banner is SECRET but no portion is marked above CONFIDENTIAL.']);
  });
  it('CBL032 reports the first NOFORN marking, a paragraph\'s or an item\'s', () => {
    const secret = (body: string) => found('CBL032', 'S E C R E T', '', body);
    assert.deepEqual(secret('¶1. (S/NF) One.\n-- (S/NF) An item.\n\n¶2. (C) Two.'), ['8:4 Paragraph 1 is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(secret('¶1. (C) One.\n-- (S/NF) An item.\n\n¶2. (S/NF) Two.'), ['9:3 The item \'--\' in paragraph 1 is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(found('CBL032', 'S E C R E T', 'NOFORN\n\n', '¶1. (C) One.\n-- (S/NF) An item.'), []);
  });
  it('CBL032 names a REL TO caveat a NOFORN portion contradicts, and offers NOFORN in its place; CBL036 reports NOFORN beside REL TO; a REL TO portion under NOFORN is no conflict', () => {
    const body = '¶1. (S/NF) One.\n\n¶2. (S) Two.';
    assert.deepEqual(found('CBL032', 'S E C R E T', 'REL TO USA, GBR\nSIPDIS\n\n', body), ['11:4 Paragraph 1 is marked NOFORN but the header releases the cable abroad (REL TO USA, GBR) and has no NOFORN caveat.']);
    const text = `S E C R E T NOWHERE 000008\n\nREL TO USA, GBR\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n${body}\nSMITH\n`;
    const [finding] = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL032');
    assert.deepEqual(finding.related?.map((r) => `${r.range.start.line}:${r.range.start.character} ${r.message}`), ['2:0 REL TO USA, GBR']);
    // The fix that added a NOFORN line would have left the header saying both; it waits for the user.
    assert.deepEqual(finding.fixes!.map((f) => [f.title, f.safe]), [["Replace the caveat 'REL TO USA, GBR' with NOFORN", false]]);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.equal(fixed.split('\n')[2], 'NOFORN');
    assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL032' || f.id === 'CBL036'), []);
    // "SECRET//REL SAU": the level and the release written as one marking on the caveat line, REL without TO.
    assert.deepEqual(found('CBL032', 'S E C R E T', 'SECRET//REL SAU\n\n', body), ['10:4 Paragraph 1 is marked NOFORN but the header releases the cable abroad (REL SAU) and has no NOFORN caveat.']);
    const saudi = text.replace('REL TO USA, GBR', 'SECRET//REL SAU');
    const [release] = lintCable(parseCable(saudi).cable).filter((f) => f.id === 'CBL032');
    assert.equal(applyEdits(saudi, release.fixes![0].edits).split('\n')[2], 'SECRET//NOFORN');
    // Both in the header: CBL036, at the REL TO caveat.
    assert.deepEqual(found('CBL036', 'S E C R E T', 'NOFORN\nREL TO USA, GBR\n\n', body), ['3:0 NOFORN together with REL TO USA, GBR: a cable not releasable to foreign nationals is released to the countries listed.']);
    // A REL TO portion under a NOFORN caveat: the header carries the most restrictive control (FORMAT.md §7 rule 15).
    for (const id of ['CBL032', 'CBL036']) assert.deepEqual(found(id, 'S E C R E T', 'NOFORN\n\n', '¶1. (S/REL NATO) One.\n\n¶2. (S//REL TO USA, FVEY) Two.'), [], id);
  });
  it('CBL036 reports a portion marking that gives both NOFORN and REL TO, a paragraph\'s, an item\'s or the subject\'s, with no fix', () => {
    const body = '¶1. (S/NF/REL NATO) One.\n-- (C//REL TO USA, GBR//NF) An item.\n\n¶2. (S//REL TO USA, FVEY) Two.\n\n¶3. (S/NF) Three.';
    assert.deepEqual(found('CBL036', 'S E C R E T', 'NOFORN\n\n', body), [
      "10:4 Paragraph 1 is marked both NOFORN and REL TO ('(S/NF/REL NATO)'): a portion not releasable to foreign nationals is released to the countries listed.",
      "11:3 The item '--' in paragraph 1 is marked both NOFORN and REL TO ('(C//REL TO USA, GBR//NF)'): a portion not releasable to foreign nationals is released to the countries listed.",
    ]);
    const text = `S E C R E T NOWHERE 000008\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: (S/NF/REL NATO) HARBOR TALKS\n\n¶1. (S/NF) One.\nSMITH\n`;
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL036');
    assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message.slice(0, 37)}`), ['5:9 The subject is marked both NOFORN and']);
    assert.equal(findings[0].fixes, undefined);
  });
  it('reads the subject\'s marking as a portion: CBL030 reports it above the banner, CBL031 counts its level, CBL032 reports its NOFORN first, CBL029 a malformed one; prose in brackets is none', () => {
    // found() writes "SUBJECT: X" on line 6: the subject's marking goes there.
    const withSubject = (id: string, banner: string, caveat: string, marking: string, body: string) => {
      const text = `${banner} NOWHERE 000008\n\n${caveat}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: ${marking} HARBOR TALKS\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
      return lintCable(parseCable(text).cable).filter((f) => f.id === id).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}${f.related ? ` | ${f.related.map((r) => r.message).join()}` : ''}`);
    };
    assert.deepEqual(withSubject('CBL030', CONFIDENTIAL, '', '(S)', '¶1. (C) One.'), ['4:9 The subject is marked SECRET above the banner level CONFIDENTIAL. | Banner level']);
    assert.deepEqual(withSubject('CBL030', CONFIDENTIAL, '', '(C)', '¶1. (C) One.'), []);
    assert.deepEqual(withSubject('CBL031', 'S E C R E T', '', '(S)', '¶1. (C) One.\n\n¶2. (U) Two.'), []);
    assert.deepEqual(withSubject('CBL031', 'S E C R E T', '', '(C)', '¶1. (C) One.\n\n¶2. (U) Two.'), ['0:0 Banner is SECRET but no portion is marked above CONFIDENTIAL.']);
    assert.deepEqual(withSubject('CBL032', 'S E C R E T', '', '(S/NF)', '¶1. (S/NF) One.'), ['4:9 The subject is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(withSubject('CBL032', 'S E C R E T', 'NOFORN\n\n', '(S/NF)', '¶1. (S) One.'), []);
    // A malformed subject marking is reported as a paragraph's is; prose in brackets opening the subject marks nothing.
    assert.deepEqual(withSubject('CBL029', CONFIDENTIAL, '', '(C/NOFRN)', '¶1. (C) One.'), ["4:9 Portion marking '(C/NOFRN)' is not a known form such as (S), (C//NF) or (S/REL NATO)."]);
    for (const prose of ['(S-300)', '(EU)', '(C-AB1-00123)']) {
      for (const id of ['CBL029', 'CBL030']) assert.deepEqual(withSubject(id, CONFIDENTIAL, '', prose, '¶1. (C) One.'), [], `${id} ${prose}`);
      assert.deepEqual(withSubject('CBL031', 'S E C R E T', '', prose, '¶1. (C) One.').length, 1, prose);
    }
  });
  it("reads a subject's marking in small letters as its marking, as the parser does ('Subject: (s) …', 08BERLIN1068's shape): a subject opens with no list", () => {
    const lowered = (banner: string, marking: string, body: string) => {
      const text = `${banner} nowhere 000008\n\nE.o. 12958: decl: 01/01/2019\nTags: prel\nSubject: ${marking} harbor talks\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSmith\n`;
      const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL030' || f.id === 'CBL031');
      return findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.id} ${f.message}${f.fixes ? ` | ${f.fixes.map((x) => `${x.title} ${x.safe}`).join()}` : ''}`);
    };
    // It was passed over as a list's label "(s)": no spill reported, and a SECRET banner over it read as above every portion.
    assert.deepEqual(lowered('C o n f i d e n t i a l', '(s)', '¶1. (c) one.'), ["4:9 CBL030 The subject is marked SECRET above the banner level CONFIDENTIAL. | Lower the marking to the banner level: '(c)' false"]);
    assert.deepEqual(lowered('S e c r e t', '(s)', '¶1. (c) one.'), []);
    assert.deepEqual(lowered('C o n f i d e n t i a l', '(c)', '¶1. (c) one.'), []);
  });
  it("reads the marking that ends a heading's title ('BACKGROUND (S)') as a portion: CBL030 reports it above the banner, CBL031 counts it, CBL032 reports its NOFORN where it comes first, CBL036 its NOFORN beside REL TO, CBL029 its stray spaces", () => {
    // found() puts the body on line 9: the heading's words on line 11 (13 under a caveat), its rule under them.
    const titled = (id: string, banner: string, caveat: string, title: string, paragraphs = ['(C)', '(C)']) =>
      found(id, banner, caveat, `¶1. ${paragraphs[0]} One.\n\n${title}\n${'-'.repeat(title.length)}\n\n¶2. ${paragraphs[1]} Two.`);
    assert.deepEqual(titled('CBL030', CONFIDENTIAL, '', 'HARBOR TALKS (S)'), ['10:13 The heading on line 11 is marked SECRET above the banner level CONFIDENTIAL.']);
    for (const title of ['HARBOR TALKS (C)', 'HARBOR TALKS: OPTION (S)', 'HARBOR TALKS (PHASE 2)']) assert.deepEqual(titled('CBL030', CONFIDENTIAL, '', title), [], title);
    // A SECRET heading under a SECRET banner: the banner is not above every portion.
    assert.deepEqual(titled('CBL031', 'S E C R E T', '', 'HARBOR TALKS (S)'), []);
    assert.deepEqual(titled('CBL031', 'S E C R E T', '', 'HARBOR TALKS (C)'), ['0:0 Banner is SECRET but no portion is marked above CONFIDENTIAL.']);
    assert.deepEqual(titled('CBL032', 'S E C R E T', '', 'Harbor Talks (S/NF)'), ['10:13 The heading on line 11 is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(titled('CBL032', 'S E C R E T', 'NOFORN\n\n', 'Harbor Talks (S/NF)'), []);
    // The first NOFORN marking is reported: a paragraph above the heading, or the heading above a paragraph or an item.
    assert.deepEqual(titled('CBL032', 'S E C R E T', '', 'Harbor Talks (S/NF)', ['(S/NF)', '(S/NF)']), ['8:4 Paragraph 1 is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(titled('CBL032', 'S E C R E T', '', 'Harbor Talks (S/NF)', ['(C)', '(S/NF)']), ['10:13 The heading on line 11 is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(found('CBL032', 'S E C R E T', '', '¶1. (C) One.\n\nHarbor Talks (S/NF)\n\n¶2. (C) Points:\n-- (S/NF) An item.'), ['10:13 The heading on line 11 is marked NOFORN but the header has no NOFORN caveat.']);
    assert.deepEqual(found('CBL032', 'S E C R E T', '', '¶1. (C) Points:\n-- (S/NF) An item.\n\nHarbor Talks (S/NF)\n\n¶2. (C) Two.'), ["9:3 The item '--' in paragraph 1 is marked NOFORN but the header has no NOFORN caveat."]);
    assert.deepEqual(titled('CBL036', 'S E C R E T', 'NOFORN\n\n', 'Harbor Talks (S/NF/REL NATO)'), [
      "12:13 The heading on line 13 is marked both NOFORN and REL TO ('(S/NF/REL NATO)'): a portion not releasable to foreign nationals is released to the countries listed.",
    ]);
    assert.deepEqual(titled('CBL036', 'S E C R E T', 'NOFORN\n\n', 'Harbor Talks (S//REL TO USA, GBR)'), []);
    assert.deepEqual(titled('CBL029', CONFIDENTIAL, '', 'HARBOR TALKS ( C )'), ["10:13 Portion marking '( C )' has stray spaces inside its parentheses: '(C)'."]);
  });
  it("offers to lower a heading's marking to the banner level, only when you choose it: the fix keeps its controls and the title's words", () => {
    const title = 'Harbor Talks (S/NF)';
    const text = `C O N F I D E N T I A L NOWHERE 000008\n\nNOFORN\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) One.\n\n${title}\n${'-'.repeat(title.length)}\n\n¶2. (C) Two.\nSMITH\n`;
    const [finding] = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL030');
    assert.deepEqual(finding.fixes?.map((f) => [f.title, f.safe]), [["Lower the marking to the banner level: '(C/NF)'", false]]);
    assert.deepEqual(finding.related?.map((r) => r.message), ['Banner level']);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.ok(fixed.includes('\nHarbor Talks (C/NF)\n'), fixed);
    assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL030'), []);
    // Fix All and `cablelint --fix` leave the classification as it is.
    assert.equal(fixAll(text).text, text);
  });
  it("leaves to you the removal of an invisible character that hides a heading's marking ('BACKGROUND (' U+200B 'S)'): it would make a SECRET portion appear", () => {
    const lint35 = (title: string) => {
      const text = `C O N F I D E N T I A L NOWHERE 000008\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) One.\n\n${title}\n${'-'.repeat(title.length)}\n\n¶2. (C) Two.\nSMITH\n`;
      return { text, fixes: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL035').flatMap((f) => f.fixes ?? []).map((f) => f.safe) };
    };
    const hidden = lint35('BACKGROUND (\u200BS)');
    assert.deepEqual(hidden.fixes, [false]);
    assert.equal(fixAll(hidden.text).text, hidden.text);
    // One in the title's words hides no marking: Fix All removes it.
    const words = lint35('BACK\u200BGROUND (S)');
    assert.deepEqual(words.fixes, [true]);
    assert.equal(fixAll(words.text).text, words.text.replace('\u200B', ''));
  });
  it('names the paragraph an item stands in when a paragraph is glued to the end of its line ("-- (S) … May. 2. (C) …")', () => {
    const body = '¶1. (C) The board listed its points:\n-- (S) The quays will close in May. 2. (C) Fares rose again in April.\n\n¶3. (C) Three.';
    assert.deepEqual(found('CBL030', CONFIDENTIAL, '', body), ["9:3 The item '--' in paragraph 1 is marked SECRET above the banner level CONFIDENTIAL."]);
  });
});

describe('rules: CBL028 and whole-text markings', () => {
  const cable = (banner: string, lead: string, body: string) => `${banner} NOWHERE 000003\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n${lead}${body}\nSMITH\n`;
  const found = (banner: string, lead: string, body: string) => lintCable(parseCable(cable(banner, lead, body)).cable).filter((f) => f.id === 'CBL028').map((f) => `${f.range.start.line} ${f.severity}`);
  const body = '¶1. The mayor of Farland opened the fair.\n\n¶2. (U) Two stalls sold out.\n\n¶3. The fair closes on Sunday.\n';
  it('takes a line above the first paragraph saying the entire text is marked as marking every paragraph', () => {
    assert.deepEqual(found('UNCLAS', 'Sensitive but unclassified - entire text. Please protect\naccordingly.\n\n', body), []);
    assert.deepEqual(found('C O N F I D E N T I A L', 'CONFIDENTIAL -- ENTIRE TEXT\n\n', body), []);
  });
  it('takes a paragraph marked "(C - ENTIRE TEXT)" as marking every paragraph', () => {
    assert.deepEqual(found('C O N F I D E N T I A L', '', '¶1. (C - ENTIRE TEXT) The mayor of Farland opened the fair.\n\n¶2. Two stalls sold out.\n'), []);
  });
  it('still reports unmarked paragraphs when "entire text" stands in the text, not as a marking', () => {
    assert.deepEqual(found('UNCLAS', 'The entire text of the decree follows.\n\n', body), ['8 info', '12 info']);
    assert.deepEqual(found('UNCLAS', '', body.replace('Two stalls', 'The decree (unclassified - entire text below) names two stalls').replace('¶3.', 'Sensitive but unclassified - entire text.\n\n¶3.')), ['6 info', '12 info']);
  });
});

describe('rules: CBL027 and headings', () => {
  const cable = (body: string) => `S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}\nSMITH\n`;
  const found = (body: string) => lintCable(parseCable(cable(body)).cable).filter((f) => f.id === 'CBL027').map((f) => `${f.severity} ${f.message}`);
  it('takes a block opened by a heading as closed by the next heading, and a Comment under the last one as running to the end', () => {
    assert.deepEqual(found('SUMMARY\n\n¶1. (S) The talks went well.\n\nTHE TALKS\n\n¶2. (S) Text.\n\nCOMMENT\n\n¶3. (S) We think so.\n'), []);
  });
  it('takes a Comment opening the last numbered paragraph, with only the signature after it, as running to the end', () => {
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. (S) Comment: We think so, and\nsay so.\n'), []);
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. (S) Embassy comment. We think so.\n\nNOWHERE 00000001 002 OF 002\n'), []);
    // A web-site footer before the signature is no text after it.
    assert.deepEqual(found("¶1. (S) The talks went well.\n\n¶2. (S) Comment: We think so.\n\n********* *****\nVisit Nowhere's Classified Website:\nhttp://www.example.invalid/p/nowhere/\n********* *****\n"), []);
    // A Comment left open earlier, and one with text or a paragraph after it, are still reported.
    const open = ["info Comment opened without 'End Comment'."];
    assert.deepEqual(found('¶1. (S) Comment: The talks went well.\n\n¶2. (S) Text.\n'), open);
    // One inside a paragraph's text, after a sentence of its own, is an aside that the paragraph's end closes (09RPODUBAI177's
    // round-up ends each item so), in the last paragraph or any other, on the paragraph's first line or a line under it; a Note too.
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. (S) We think so. Comment: and so on.\n'), []);
    assert.deepEqual(found('¶1. (S) The talks went well. Comment: The ferry\nrests.\n\n¶2. (S) Text.\n'), []);
    assert.deepEqual(found('¶1. (S) The talks went well.\n-- Fares rose.\nNote: The ferry rests.\n¶2. (S) Text.\n'), []);
    // Opening its paragraph, it may go on in the next; after a bracket that never closes, its end is unsaid: both are reported.
    assert.deepEqual(found('¶1. (S) Embassy comment: The talks went well.\n\n¶2. (S) Text.\n'), open);
    assert.deepEqual(found('¶1. (S) The talks went well (Comment: the ferry\nrests.\n\n¶2. (S) Text.\n'), open);
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. (S) Comment: We think so.\n\n--------\nThe ferries run late.\n'), open);
    assert.deepEqual(found('¶1. (S) Comment: The talks went well.\n\n¶2. (U) The ferries run late.\n'), open);
    // A last paragraph that only says who cleared the cable closes it as the signature does (09KABUL376); one of substance does not.
    assert.deepEqual(found('¶1. (S) Comment: The talks went well.\n\n¶2. (U) The Director cleared this cable.\n'), []);
    assert.deepEqual(found('¶1. (S) Comment: The talks went well.\n\n¶2. (U) The ferries run late.\n\n¶3. (U) The Director cleared this cable.\n'), open);
    // A Note opening the last paragraph is still reported: the figures say so only of Comment.
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. (S) Note: We think so.\n'), ["info Note opened without 'End Note'."]);
  });
  it('takes a Comment that the paragraphs after it continue ("Comment, continued:", "Comment cont\'d:") to the last as running to the end', () => {
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. (S) Comment: We think so.\n\n¶3. (U) Comment, continued: And say so.\n'), []);
    assert.deepEqual(found('¶1. (S) The talks went well.\n\n¶2. Comment: We think so.\n\n¶3. Comment cont\'d: And say so.\n\n¶4. (S) COMMENT (CONTINUED): Again.\n'), []);
    // A paragraph after it that does not say it continues the Comment ends it, unclosed.
    const open = ["info Comment opened without 'End Comment'."];
    assert.deepEqual(found('¶1. (S) Comment: We think so.\n\n¶2. (U) Comment, continued: And say so.\n\n¶3. (U) The ferries run late.\n'), open);
    assert.deepEqual(found('¶1. (S) Comment: We think so.\n\n¶2. (U) Comment, continued: And say so.\n\n¶3. (U) The Director cleared this cable.\n'), []);
    assert.deepEqual(found('¶1. (S) Comment: We think so.\n\n¶2. (U) Comments continued to arrive.\n'), open);
  });

  it('takes a Summary whose title is glued to the end of the Classified By field ("1.4 (b) and (d). Summary -------") as opened there', () => {
    // Invented, in the shape of 08STOCKHOLM51: the closer was reported as closing nothing.
    const text = (clby: string) => `C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nREF: NOWHERE 20 Classified By: DCM Lena Orr for reasons\n${clby}\n\n¶1. (C) The ferry talks went well. End Summary. Fares -----\n\n¶2. (C) Fares rose.\n\nORR\n`;
    const typed = (clby: string) => lintCable(parseCable(text(clby)).cable).filter((f) => f.id === 'CBL027').map((f) => `${f.range.start.line} ${f.severity} ${f.message}`);
    assert.deepEqual(typed('1.4 (b) and (d). Summary ------- '), []);
    // Without the title the closer still closes nothing.
    assert.deepEqual(typed('1.4 (b) and (d).'), ["9 info 'End Summary' without an opening Summary."]);
  });

  it('takes a boxed "COMMENT -- title" heading, the last, as a Comment running to the end', () => {
    const rule = '--------------------------------------';
    assert.deepEqual(found(`THE TALKS\n\n¶1. (S) The talks went well.\n\n${rule}\nCOMMENT -- WHAT THE TALKS MEAN FOR THE U.S.\n${rule}\n\n¶2. (S) We think so.\n`), []);
  });
  it('takes a Summary heading with no heading after it as closing the text when the cable\'s own Summary came before it', () => {
    assert.deepEqual(found('¶1. (S) Summary: The talks went well. End Summary.\n\nTHE TALKS\n\n¶2. (S) Text.\n\nSUMMARY\n\n¶3. (S) In short, they went well.\n'), []);
    // An earlier Summary left open is still reported; the closing one is not.
    assert.deepEqual(found('¶1. (S) Summary: The talks went well.\n\nTHE TALKS\n\n¶2. (S) Text.\n\nSUMMARY\n\n¶3. (S) In short, they went well.\n'), ["warning Summary opened without 'End Summary'."]);
  });
  it('leaves alone a block that runs to the end of a document still being typed, with no signature or trailer yet', () => {
    const draft = (body: string) => `S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}`;
    const typed = (body: string) => lintCable(parseCable(draft(body)).cable).filter((f) => f.id === 'CBL027').map((f) => `${f.severity} ${f.message}`);
    // The writer has not reached "End Summary." yet: the Summary warned at every keystroke.
    assert.deepEqual(typed('¶1. (S) Summary: The talks went well.'), []);
    assert.deepEqual(typed('¶1. (S) Summary: The talks went well, and\nthe ministry '), []);
    assert.deepEqual(typed('¶1. (S) Text.\n\n¶2. (S) Summary: The talks went well.\n\n'), []);
    assert.deepEqual(typed('SUMMARY\n-------\n\n¶1. (S) The talks went well.\n\n¶2. (S) So did the dinner.\n'), []);
    assert.deepEqual(typed('¶1. (S) The talks went well. (Note: The ministry '), []);
    // A paragraph or heading after it, a signature or a trailer says the block ended unclosed: still reported.
    const summary = ["warning Summary opened without 'End Summary'."];
    assert.deepEqual(typed('¶1. (S) Summary: The talks went well.\n\n¶2. (S) Text.\n'), summary);
    assert.deepEqual(typed('¶1. (S) Summary: The talks went well.\n\nTHE TALKS\n---------\n\nThe ferries run late.\n'), summary);
    assert.deepEqual(typed('¶1. (S) Summary: The talks went well.\nSMITH\n'), summary);
    assert.deepEqual(typed('¶1. (S) Summary: The talks went well.\n\nBT\n#0001\nNNNN\n'), summary);
  });
  it('reads a line of a scan\'s margin alone as blank: a block being typed, and where its closer goes', () => {
    // Invented: the drafts above with a bar on every line, a blank line a bar alone (`|`). The bars under the paragraph
    // being typed read as text, so the Summary warned; the Add 'End Summary.' fix went on the bar's line under a footer's link.
    const draft = (body: string) => `S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${body}`;
    const bar = (text: string) => text.split('\n').map((l) => (l === '' ? '|' : `| ${l}`)).join('\n');
    const typed = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL027').map((f) => [f.message, f.fixes?.[0].edits[0].range.start]);
    const typing = draft('¶1. (S) Text.\n\n¶2. (S) Summary: The talks went well.\n\n');
    assert.ok(parseCable(bar(typing)).cable.margin);
    assert.deepEqual([typed(typing), typed(bar(typing))], [[], []]);
    const footer = draft('¶1. (S) Summary: The talks.\n\nVisit our site at:\nhttp://x.y/z\n\nSMITH\n');
    const summary = "Summary opened without 'End Summary'.";
    assert.deepEqual([typed(footer), typed(bar(footer))], [[[summary, { line: 8, character: 27 }]], [[summary, { line: 8, character: 29 }]]]);
  });
  it('still reports a Summary heading that no heading ends, and an inline Comment without its closer', () => {
    assert.deepEqual(found('SUMMARY\n\n¶1. (S) The talks went well.\n\n¶2. (S) Text.\n'), ["warning Summary opened without 'End Summary'."]);
    assert.deepEqual(found('THE TALKS\n\n¶1. (S) Comment: we think so.\n\nNEXT STEPS\n\n¶2. (S) Text.\n'), ["info Comment opened without 'End Comment'."]);
    // Another Comment opens under the heading: the heading's Comment ends there, and no heading says so.
    assert.deepEqual(found('COMMENT\n\n¶1. (S) We think so.\n\n¶2. (S) Comment: and so on. End Comment.\n'), ["info Comment opened without 'End Comment'."]);
  });
});

describe('lintCable: failures', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');

  it('skips a rule that throws, keeps the others and hands the failure on', () => {
    const cable = parseCable(text).cable;
    const clean = lintCable(cable);
    // Every rule that reads the paragraphs throws; the rest must still run.
    const broken = new Proxy(cable, { get: (target, key, receiver) => (key === 'paragraphs' ? assert.fail('paragraphs unreadable') : Reflect.get(target, key, receiver)) });
    const failures: string[] = [];
    const findings = lintCable(broken, undefined, failures);
    assert.ok(failures.length > 0, 'some rule read the paragraphs');
    assert.ok(failures.every((f) => /^CBL\d{3} [a-z-]+: .*paragraphs unreadable/.test(f)), failures.join('\n'));
    const failed = new Set(failures.map((f) => f.slice(0, 6)));
    assert.ok(failed.size < allRules.length, 'not every rule failed');
    // The rules that did not fail report what they report on the intact cable.
    assert.deepEqual(findings.map(formatFinding), clean.filter((f) => !failed.has(f.id)).map(formatFinding));
  });

  it('hands on a parser failure, which no rule reports', () => {
    const cable = parseCable(text).cable;
    const failedParse = { ...cable, problems: [...cable.problems, { rule: INTERNAL_ERROR, message: 'The cable parser failed: boom', range: cable.problems[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] };
    const failures: string[] = [];
    lintCable(failedParse, undefined, failures);
    assert.deepEqual(failures, ['parser: The cable parser failed: boom']);
    const none: string[] = [];
    lintCable(cable, undefined, none);
    assert.deepEqual(none, []);
  });
});

describe('rules: CBL035 and Fix All', () => {
  const safety = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL035').map((f) => f.fixes![0].safe);
  const cable = (banner: string, paragraph: string) => `${banner}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n${paragraph}\nSMITH\n`;
  it('removes invisible characters in Fix All only when the text without them reads as the same classification', () => {
    assert.deepEqual(safety(cable('S E C R E T NOWHERE 000001', '¶1. (S) The min\u200bister said so.')), [true]);
    // The character hides the banner, a paragraph marker or a marking: removing it would add a classification.
    assert.deepEqual(safety(cable('\u200bS E C R E T NOWHERE 000001', '¶1. (S) The minister said so.')), [false]);
    assert.deepEqual(safety(cable('S E C R E T NOWHERE 000001', '\u0007¶1. (S) The minister said so.')), [false]);
    assert.deepEqual(safety(cable('S E C R E T NOWHERE 000001', '¶1. (\u200bC) The minister said so.')), [false]);
    // Inside the subject's marking or a marking that opens a line: removing it would mark the subject or the line.
    assert.deepEqual(safety(cable('S E C R E T NOWHERE 000001', '¶1. (S) The minister said so.').replace('SUBJECT: X', 'SUBJECT: (\u200bC) X')), [false]);
    assert.deepEqual(safety(cable('S E C R E T NOWHERE 000001', '¶1. (S) The minister said so:\n\n(\u200bS) Response: none.')), [false]);
  });
});

describe('rules: the cross-field checks of FORMAT.md §7 and CORPUS-FINDINGS C', () => {
  const found = (id: string, text: string, fileName?: string) =>
    lintCable(parseCable(text).cable, undefined, undefined, { fileName }).filter((f) => f.id === id).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.message}`);
  const header = (first: string, routing: string) => `${first}\n${routing}\nDE RUEHVT #0001 0011200\nZNR UUUUU ZZH\nP 011200Z JAN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nUNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\nSMITH\n`;

  it('CBL040 reports each routing indicator but RUEHWEB under VZCZCXYZ, on wrapped lines and in any case, and nothing under VZCZCXRO', () => {
    assert.deepEqual(found('CBL040', header('VZCZCXYZ0000', 'OO RUEHWEB')), []);
    assert.deepEqual(found('CBL040', header('VZCZCXRO1234', 'OO RUEHRO RUEHTRO')), []);
    assert.deepEqual(found('CBL040', header('VZCZCXYZ0000', 'OO RUEHRO\nRUEHWEB RUEHTRO')).map((f) => f.slice(0, 4)), ['1:3 ', '2:8 ']);
    assert.deepEqual(found('CBL040', header('vzczcxyz0000', 'oo ruehweb')), []);
  });

  describe('CBL041', () => {
    const cable = (dtg: string, eo: string) => `P ${dtg}\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nC O N F I D E N T I A L NOWHERE 000001\n\n${eo}\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    it('is an error before the order was signed and a warning before E.O. 13526 took full effect', () => {
      assert.deepEqual(found('CBL041', cable('281200Z DEC 09', 'E.O. 13526: DECL: 12/28/2019')), ["6:5 error E.O. 13526 was signed on 2009-12-29, after the cable's date (2009-12-28)."]);
      assert.deepEqual(found('CBL041', cable('291200Z DEC 09', 'E.O. 13526: DECL: 12/29/2019')), ["6:5 warning E.O. 13526 took effect on 2010-06-25, after the cable's date (2009-12-29)."]);
      assert.deepEqual(found('CBL041', cable('241200Z JUN 10', 'E.O. 13526: DECL: 06/24/2020')).length, 1);
      assert.deepEqual(found('CBL041', cable('251200Z JUN 10', 'E.O. 13526: DECL: 06/25/2020')), []);
      assert.deepEqual(found('CBL041', cable('161200Z APR 95', 'E.O. 12958: DECL: OADR')), ["6:5 error E.O. 12958 was signed on 1995-04-17, after the cable's date (1995-04-16)."]);
      assert.deepEqual(found('CBL041', cable('171200Z APR 95', 'E.O. 12958: DECL: 04/17/2005')), []);
      assert.deepEqual(found('CBL041', cable('241200Z MAR 03', 'E.O. 13292: DECL: 03/24/2013')).length, 1);
      assert.deepEqual(found('CBL041', cable('011200Z APR 82', 'E.O. 12356: DECL: OADR')).length, 1);
      assert.deepEqual(found('CBL041', cable('021200Z APR 82', 'E.O. 12356: DECL: OADR')), []);
      assert.deepEqual(found('CBL041', cable('301200Z NOV 78', 'E.O. 12065: GDS 11/30/84')).map((f) => f.split(' ')[1]), ['warning']);
    });
    it('leaves alone E.O. lines rewritten on declassification, E.O. 11652, and cables without a date', () => {
      assert.deepEqual(found('CBL041', cable('281200Z MAY 72', 'E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006')), []);
      assert.deepEqual(found('CBL041', cable('281200Z MAY 66', 'E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009')), []);
      assert.deepEqual(found('CBL041', cable('281200Z MAY 72', 'E.O. 11652: GDS')), []);
      assert.deepEqual(found('CBL041', 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 13526: DECL: 01/01/2020\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n'), []);
    });
    it('takes its dates from the order rows of eo-reasons.tsv', () => {
      const effective = (order: string) => data.eo.find((e) => e.kind === 'order' && e.order === order)!.effective;
      assert.match(effective('E.O. 12065'), /effective 1978-12-01/);
      assert.match(effective('E.O. 12356'), /dated 1982-04-02/);
      assert.match(effective('E.O. 12958'), /signed 1995-04-17/);
      assert.match(effective('E.O. 12958 as amended by E.O. 13292'), /signed 2003-03-25/);
      assert.match(effective('E.O. 13526'), /signed 2009-12-29;.*full effect 2010-06-25/);
    });
  });

  it('CBL048 reports a DECL date later than 25 years and a day after the cable date, and nothing without a cable date', () => {
    const decl = (dateLine: string, value: string) => `${dateLine}\nC O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: ${value}\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    assert.deepEqual(found('CBL048', decl('', '06/03/2091')), []);
    assert.deepEqual(found('CBL048', decl('Wednesday, 3 June 2009, 13:22', '06/03/2034')), []);
    // A day more: a post east of Greenwich dates the DECL from its own day.
    assert.deepEqual(found('CBL048', decl('Wednesday, 3 June 2009, 13:22', '06/04/2034')), []);
    assert.deepEqual(found('CBL048', decl('Wednesday, 3 June 2009, 13:22', '06/05/2034')), ["3:18 warning DECL date '06/05/2034' is more than 25 years after the cable date (2009-06-03)."]);
    assert.deepEqual(found('CBL048', decl('Wednesday, 3 June 2009, 13:22', '06/03/2091')).length, 1);
    assert.deepEqual(found('CBL048', decl('Wednesday, 31 December 2008, 23:00', '01/01/2034')), []);
    assert.deepEqual(found('CBL048', decl('Wednesday, 31 December 2008, 23:00', '01/02/2034')).length, 1);
  });

  it("CBL053 reports a REF citation whose year is after the cable's, reading two digits in the nearest century, and no citation without a year, law code or undated cable", () => {
    const cable = (dateLine: string, refs: string) => `${dateLine}\nUNCLAS NOWHERE 000412\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\nREF: ${refs}\n\n¶1. (U) Text.\nSMITH\n`;
    const in2009 = (refs: string) => found('CBL053', cable('Wednesday, 3 June 2009, 13:22', refs));
    assert.deepEqual(in2009('A. 10 STATE 1234'), ["7:8 warning REF citation '10 STATE 1234' is of 2010, after the cable's own year (2009): a cable cannot cite one sent later, so the citation's year or the cable's date is wrong."]);
    // Four digits, a canonical id, and a portion marking before the citation; the finding is on the year's digits.
    assert.deepEqual(in2009('A. 2010 STATE 6668\nB. 10STATE1234\nC. (C) 11 NOWHERE 5').map((f) => f.split(' is of')[0]), ["7:8 warning REF citation '2010 STATE 6668'", "8:3 warning REF citation '10STATE1234'", "9:7 warning REF citation '11 NOWHERE 5'"]);
    // The same year, an earlier one, no year (the cable's own post with a higher serial is of the year before), a code of law.
    assert.deepEqual(in2009('A. 09 STATE 1234\nB. 2008 STATE 6668\nC. NOWHERE 900\nD. 22 USC 2378\nE. 12 FAH 540'), []);
    // "49" in a cable of 1972 is 1949; "00" in a cable of 1999 is 2000.
    assert.deepEqual(found('CBL053', cable('Monday, 3 July 1972, 10:00', 'A. 49 STATE 120\nB. 71 STATE 5\nC. 73 STATE 6')).map((f) => f.slice(0, 4)), ['9:3 ']);
    assert.deepEqual(found('CBL053', cable('Friday, 31 December 1999, 10:00', 'A. 00 STATE 5')).map((f) => f.split(' is of')[1].slice(0, 5)), [' 2000']);
    // No date: nothing to compare with.
    assert.deepEqual(found('CBL053', cable('', 'A. 10 STATE 1234')), []);
  });

  it('CBL049 reports TAGS;, SUBJECT;, REF;, Classified By; and E.0. as the labels they are read as, and its fixes write only the colon or the O', () => {
    const cable = (eo: string, subject: string, ref: string, by: string) =>
      `C O N F I D E N T I A L NOWHERE 000005\n\n${eo} 12958: DECL: 06/03/2019\nTAGS${subject.endsWith(';') ? ';' : ':'} PREL\n${subject} FERRY TALKS\n${ref} NOWHERE 4\n\n${by} A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const lint51 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049');
    assert.deepEqual(lint51(cable('E.O.', 'SUBJECT:', 'REF:', 'Classified By:')), []);
    const text = cable('E.0.', 'SUBJECT;', 'REF;', 'Classified By;');
    const findings = lint51(text);
    assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes!.map((x) => `${x.title} ${x.safe} ${x.edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}=${e.newText}`).join()}`).join()}`), [
      "3:1-3:5 CBL049 warning The E.O. label 'E.0.' has a zero for the letter O. | Write 'E.O.' true 2:2-3=O",
      "4:1-4:6 CBL049 warning The TAGS label 'TAGS;' has a semicolon for its colon. | Write 'TAGS:' true 3:4-5=:",
      "5:1-5:9 CBL049 warning The SUBJECT label 'SUBJECT;' has a semicolon for its colon. | Write 'SUBJECT:' true 4:7-8=:",
      "6:1-6:5 CBL049 warning The REF label 'REF;' has a semicolon for its colon. | Write 'REF:' true 5:3-4=:",
      "8:1-8:15 CBL049 warning The Classified By label 'Classified By;' has a semicolon for its colon. | Write 'Classified By:' true 7:13-14=:",
    ]);
    let fixed = text;
    for (const f of [...findings].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
    assert.equal(fixed, cable('E.O.', 'SUBJECT:', 'REF:', 'Classified By:'));
    // In small letters, the O written is small too; "EO" and "E.O." written right are left alone.
    assert.deepEqual(lint51(cable('e.0.', 'SUBJECT:', 'REF:', 'Classified By:')).map((f) => f.fixes![0].title), ["Write 'e.o.'"]);
    assert.deepEqual(lint51(cable('EO', 'SUBJECT:', 'REF:', 'Classified By:')), []);
    // "SUBJECT; SUBJECT:": the keyword written twice, the first copy with a semicolon: both are reported, each fix in its own range.
    assert.deepEqual(lint51(cable('EO', 'SUBJECT; SUBJECT:', 'REF:', 'Classified By:')).map(formatFinding), [
      "5:1-5:9 CBL049 warning The SUBJECT label 'SUBJECT;' has a semicolon for its colon.",
      "5:9-5:18 CBL049 warning The SUBJECT label is written twice ('SUBJECT; SUBJECT:').",
    ]);
  });

  it('CBL049 reports a label read with a character wrong or lost, a full stop for its colon or a space inside E.O., and its safe fix writes the label right', () => {
    const cable = (eo: string, tags: string, subject: string, ref: string, by: string) =>
      `C O N F I D E N T I A L NOWHERE 000005\n\n${eo} 12958: DECL: 06/03/2019\n${tags} PREL\n${subject} FERRY TALKS\n${ref} NOWHERE 4\n\n${by} A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const lint49 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049');
    const text = cable('E. O.', 'TACS', 'SUBIECT:', 'REP:', 'Classifed By:');
    const findings = lint49(text);
    assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes!.map((x) => `${x.title} ${x.safe}`).join()}`), [
      "3:1-3:6 CBL049 warning The E.O. label 'E. O.' has a space inside it. | Write 'E.O.' true",
      "4:1-4:5 CBL049 warning The TAGS label 'TACS' is misspelt: read as TAGS. | Write 'TAGS' true",
      "5:1-5:8 CBL049 warning The SUBJECT label 'SUBIECT:' is misspelt: read as SUBJECT. | Write 'SUBJECT' true",
      "6:1-6:4 CBL049 warning The REF label 'REP:' is misspelt: read as REF. | Write 'REF' true",
      "8:1-8:13 CBL049 warning The Classified By label 'Classifed By:' is misspelt: read as Classified By. | Write 'Classified By' true",
    ]);
    let fixed = text;
    for (const f of [...findings].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
    assert.equal(fixed, cable('E.O.', 'TAGS', 'SUBJECT:', 'REF:', 'Classified By:'));
    // In small letters the label is written as a title; a full stop for the colon of TAGS and SUBJECT is reported as a semicolon is.
    assert.deepEqual(lint49(cable('E.O.', 'Tacs:', 'Subjcet:', 'REF:', 'Classified By:')).map((f) => f.fixes![0].title), ["Write 'Tags'", "Write 'Subject'"]);
    assert.deepEqual(lint49(cable('E.O.', 'TAGS.', 'SUBJECT.', 'REF:', 'Classified By:')).map((f) => `${f.message} ${f.fixes![0].title}`), [
      "The TAGS label 'TAGS.' has a full stop for its colon. Write 'TAGS:'",
      "The SUBJECT label 'SUBJECT.' has a full stop for its colon. Write 'SUBJECT:'",
    ]);
    assert.deepEqual(lint49(cable('EO', 'TAG:', 'SUBJ:', 'REFS:', 'Derived From:')), []);
  });

  it('CBL049 reports a label split by a stray space ("SUBJ ECT:", "Classi fied By:") or "TAG5:", and its safe fix writes the label right', () => {
    const cable = (tags: string, subject: string, by: string) =>
      `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 06/03/2019\n${tags} PREL\n${subject} FERRY TALKS\n\n${by} A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const text = cable('TAG5:', 'SUBJ ECT:', 'Classi fied By:');
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049');
    assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes!.map((x) => `${x.title} ${x.safe}`).join()}`), [
      "4:1-4:5 CBL049 warning The TAGS label 'TAG5:' is misspelt: read as TAGS. | Write 'TAGS' true",
      "5:1-5:9 CBL049 warning The SUBJECT label 'SUBJ ECT:' has a stray space inside it: read as SUBJECT. | Write 'SUBJECT' true",
      "7:1-7:15 CBL049 warning The Classified By label 'Classi fied By:' has a stray space inside it: read as Classified By. | Write 'Classified By' true",
    ]);
    let fixed = text;
    for (const f of [...findings].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
    assert.equal(fixed, cable('TAGS:', 'SUBJECT:', 'Classified By:'));
    assert.equal(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL049' || f.id === 'CBL017' || f.id === 'CBL019' || f.id === 'CBL020').length, 0);
  });

  it('CBL049 reports a label written twice (SUBJECT: SUBJECT:, REF: REF (A), TAGS: TAGS:), which is read as one or as the field\'s text, and its safe fix deletes the repeated copy alone', () => {
    const cable = (subject: string, ref: string) =>
      `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\n${subject} FERRY TALKS\n${ref} (A) NOWHERE 4 (B) NOWHERE 9\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text (REF A).\nSMITH\n`;
    const lint49 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049');
    assert.deepEqual(lint49(cable('SUBJECT:', 'REF:')), []);
    const text = cable('SUBJECT: SUBJECT:', 'REF: REF');
    const findings = lint49(text);
    assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes!.map((x) => `${x.title} ${x.safe}`).join()}`), [
      "5:9-5:18 CBL049 warning The SUBJECT label is written twice ('SUBJECT: SUBJECT:'). | Delete the repeated 'SUBJECT:' true",
      "6:5-6:9 CBL049 warning The REF label is written twice ('REF: REF'). | Delete the repeated 'REF' true",
    ]);
    let fixed = text;
    for (const f of [...findings].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
    assert.equal(fixed, cable('SUBJECT:', 'REF:'));
    // In small letters too; a subject that goes on with the label's word is no second label.
    assert.deepEqual(lint49(cable('Subject: Subject:', 'REF:')).map((f) => f.fixes![0].edits[0].range.start.character), [8]);
    assert.deepEqual(lint49(cable('SUBJECT: SUBJECT TO', 'REF:')), []);
    // "TAGS: TAGS:", "REF: REF:" and "Classified By: Classified By:", whose second label is read as the field's text (a TAG, a citation, the classifier).
    const others = `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: TAGS: PREL\nSUBJECT: FERRY TALKS\nREF: Ref: A. NOWHERE 4\n\nClassified By: Classified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const again = lint49(others);
    assert.deepEqual(again.map((f) => `${formatFinding(f)} | ${f.fixes![0].title}`), [
      "4:6-4:12 CBL049 warning The TAGS label is written twice ('TAGS: TAGS:'). | Delete the repeated 'TAGS:'",
      "6:5-6:10 CBL049 warning The REF label is written twice ('REF: Ref:'). | Delete the repeated 'Ref:'",
      "8:15-8:30 CBL049 warning The Classified By label is written twice ('Classified By: Classified By:'). | Delete the repeated 'Classified By:'",
    ]);
    let cleaned = others;
    for (const f of [...again].reverse()) cleaned = applyEdits(cleaned, f.fixes![0].edits);
    assert.equal(cleaned, others.replace(' TAGS:', '').replace(' Ref:', '').replace(' Classified By:', ''));
    assert.deepEqual(parseCable(cleaned).cable.refs!.items.map((i) => i.letter), ['A']);
  });

  it('CBL049 reports a Classified By label written again without its colon, which the parser leaves out of the classifier; its safe fix deletes the copy alone', () => {
    const cable = (by: string) => `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n${by} Deputy Consul Ruth Varga, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const lint49 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049');
    for (const [by, copy] of [['Classified By: Classified by', 'Classified by'], ['Classified By: CLASSIFIED BY', 'CLASSIFIED BY'], ['CLASSIFIED BY: Classified  By', 'Classified  By']]) {
      const text = cable(by);
      assert.equal(parseCable(text).cable.classifiedBy?.classifier?.text, 'Deputy Consul Ruth Varga');
      const findings = lint49(text);
      assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes![0].title} ${f.fixes![0].safe}`), [
        `7:15-7:${16 + copy.length} CBL049 warning The Classified By label is written twice ('${by}'). | Delete the repeated '${copy}' true`,
      ]);
      assert.equal(applyEdits(text, findings[0].fixes![0].edits), cable(by.slice(0, 14)));
    }
    // A classifier whose words only start as the label's do is no copy of it.
    assert.deepEqual(lint49(cable('Classified By: Classified Byways Office,')), []);
    assert.deepEqual(lint49(cable('Classified By:')), []);
  });

  it('CBL049 reports a REF item\'s letter written twice on its line as info; its safe fix deletes the second copy, but for a letter and full stop that may be an initial', () => {
    const cable = (ref: string) => `C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\n${ref}\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text (REF B).\nSMITH\n`;
    const lint49 = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049');
    const show = (f: Finding) => `${formatFinding(f)} | ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join() ?? 'no fix'}`;
    const text = cable('REF: A. (A) NOWHERE 388\n¶B. B) STATE 51120\n(C) C. NOWHERE 402');
    const findings = lint49(text);
    assert.deepEqual(findings.map(show), [
      "6:8-6:12 CBL049 info The letter of REF item A is written twice ('A. (A)'). | Delete the repeated '(A)' true",
      "7:4-7:7 CBL049 info The letter of REF item B is written twice ('¶B. B)'). | Delete the repeated 'B)' true",
      "8:4-8:7 CBL049 info The letter of REF item C is written twice ('(C) C.'). | Delete the repeated 'C.' true",
    ]);
    let fixed = text;
    for (const f of [...findings].reverse()) fixed = applyEdits(fixed, f.fixes![0].edits);
    assert.equal(fixed, cable('REF: A. NOWHERE 388\n¶B. STATE 51120\n(C) NOWHERE 402'));
    assert.deepEqual(parseCable(fixed).cable.refs!.items.map((i) => `${i.letter} ${i.citation.text}`), ['A NOWHERE 388', 'B STATE 51120', 'C NOWHERE 402']);
    assert.deepEqual(lint49(fixed), []);
    // "A. A. SMITH LETTER": the second "A." may be an initial, so no fix deletes it; "B. B. 07 NOWHERE 12" and a cable citation after it are the letter again.
    assert.deepEqual(lint49(cable('REF: A. A. SMITH LETTER OF MAY 3\nB. B. NOWHERE 12')).map(show), [
      "6:8-6:11 CBL049 info The letter of REF item A may be written twice ('A. A.'), unless 'A.' is a name's initial. | no fix",
      "7:3-7:6 CBL049 info The letter of REF item B is written twice ('B. B.'). | Delete the repeated 'B.' true",
    ]);
    assert.deepEqual(lint49(cable('REF: A. NOWHERE 388\nB. STATE 51120')), []);
    // "A. A. ROE - DOE EMAIL  B. B. COLE - LINT EMAIL" (06ISLAMABAD3705's shape): items listed on one line are the cable's own list, so
    // each second letter is an initial, not the release's lettering, which puts each item on its own line; a citation still takes the fix.
    assert.deepEqual(lint49(cable('REF: A. A. ROE - DOE EMAIL 06 MARCH 06  B. B. COLE - LINT EMAIL 21 FEB 06')).map(show), []);
    assert.deepEqual(lint49(cable('REF: A. A. NOWHERE 388  B. B. STATE 51120')).map(show), [
      "6:8-6:11 CBL049 info The letter of REF item A is written twice ('A. A.'). | Delete the repeated 'A.' true",
      "6:27-6:30 CBL049 info The letter of REF item B is written twice ('B. B.'). | Delete the repeated 'B.' true",
    ]);
  });

  it('CBL049 reports the E.O. label and order written again before the DECL value, which is read after the copy; its safe fix deletes the copy alone', () => {
    const cable = (eo: string) => `C O N F I D E N T I A L NOWHERE 000005\n\n${eo}\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\nSMITH\n`;
    const lint = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL049' || f.id === 'CBL015');
    const text = cable('E.O. 12958: E.O. 12958: DECL: 06/03/2019');
    const parsed = parseCable(text).cable;
    assert.equal(parsed.eo?.decl?.date?.year, 2019);
    assert.equal(parsed.eo?.repeated?.text, 'E.O. 12958:');
    const findings = lint(text);
    assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes![0].title} ${f.fixes![0].safe}`), [
      "3:12-3:24 CBL049 warning The E.O. label is written twice ('E.O. 12958: E.O. 12958:'). | Delete the repeated 'E.O. 12958:' true",
    ]);
    assert.equal(applyEdits(text, findings[0].fixes![0].edits), cable('E.O. 12958: DECL: 06/03/2019'));
    // Without colons and in small letters alike; a second order that differs is no copy, and its DECL value stays unread.
    assert.equal(parseCable(cable('EO 12958 e.o. 12958 DECL: 06/03/2019')).cable.eo?.decl?.date?.year, 2019);
    assert.deepEqual(lint(cable('E.O. 12958: E.O. 13526: DECL: 06/03/2019')).map((f) => f.id), ['CBL015']);
    assert.deepEqual(lint(cable('E.O. 12958: DECL: 06/03/2019')), []);
  });

  it("CBL050 knows an embassy under the other post its cables are written under, as the routing-indicator table spells it (KIEV for Kyiv)", () => {
    const cable = (post: string, tags: string) => `C O N F I D E N T I A L ${post} 000412\n\nE.O. 12958: DECL: 03/30/2016\nTAGS: ${tags}\nSUBJECT: HARBOR DUES\n\n¶1. (C) Text.\n`;
    const lacking = ['3:0 info TAGS lack UP (Ukraine), the host country\'s TAG, which 7 of 7 released cables from Embassy Kyiv carry.'];
    assert.deepEqual(found('CBL050', cable('KYIV', 'PREL PGOV')), lacking);
    // 06KIEV1261's banner writes KIEV: the check passed it over.
    assert.deepEqual(found('CBL050', cable('KIEV', 'PREL PGOV')), lacking);
    assert.deepEqual(found('CBL050', cable('Kiev', 'PREL PGOV UP')), []);
    // An embassy the reference did not check stays unknown (Kuwait: no host-country check in tags-geographic.tsv).
    assert.deepEqual(found('CBL050', cable('KUWAIT', 'PREL PGOV')), []);
  });

  it('CBL042 reports RICE from 2009-01-21 and CLINTON before it on Department cables only, in any case', () => {
    const cable = (dtg: string, post: string, name: string) => `O ${dtg}\nFM SECSTATE WASHDC\nTO RUEHXX/AMEMBASSY NOWHERE IMMEDIATE 0001\n\nUNCLAS ${post} 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\n${name}\n`;
    assert.deepEqual(found('CBL042', cable('201200Z JAN 09', 'STATE', 'RICE')), []);
    assert.deepEqual(found('CBL042', cable('210100Z JAN 09', 'STATE', 'RICE')), ['11:0 warning Signed RICE on 2009-01-21: Department cables from 2009-01-21 on are signed CLINTON.']);
    assert.deepEqual(found('CBL042', cable('201200Z JAN 09', 'STATE', 'Clinton')), ['11:0 warning Signed Clinton on 2009-01-20: Department cables signed CLINTON are dated from 2009-01-21 on.']);
    assert.deepEqual(found('CBL042', cable('210100Z JAN 09', 'STATE', 'CLINTON')), []);
    assert.deepEqual(found('CBL042', cable('011200Z MAR 09', 'NOWHERE', 'RICE')), []);
    assert.deepEqual(found('CBL042', cable('011200Z MAR 09', 'STATE', 'STEINBERG')), []);
  });

  it('CBL043 compares post and serial of a file name shaped like an id with the banner, not the year', () => {
    const text = 'UNCLAS RPO DUBAI 000012\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\n';
    assert.deepEqual(found('CBL043', text), []);
    assert.deepEqual(found('CBL043', text, 'file:///c/cables/09RPODUBAI12.txt'), []);
    assert.deepEqual(found('CBL043', text, '/c/cables/08DUBAIRPO12.cable'), []);
    assert.deepEqual(found('CBL043', text, 'C:\\cables\\09RPODUBAI13.txt'), ['0:7 info The file name says 09RPODUBAI13, the banner RPO DUBAI 000012: the text may belong to another cable.']);
    assert.deepEqual(found('CBL043', text, '09MOSCOW12.txt').length, 1);
    assert.deepEqual(found('CBL043', text, 'notes.txt'), []);
    assert.deepEqual(found('CBL043', text, 'untitled:Untitled-1'), []);
    assert.deepEqual(found('CBL043', text.replace('RPO DUBAI', 'XXXXXXXXXXXX'), '09RPODUBAI13.txt'), []);
  });

  describe('CBL047', () => {
    it('reports a paper copy\'s page number left on a line of its own in the text, with a fix that deletes the line', () => {
      const text = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) The minister\n- 2 -\nspoke.\n\nPage 2 of 3\n\n¶2. (U) Page 2 of the report\n-- 3 officials came.\n  -3-\nPAGE 4\n';
      const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL047');
      assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
        "6:0-5 Line '- 2 -' is a page number of the paper copy, left in the text.",
        "9:0-11 Line 'Page 2 of 3' is a page number of the paper copy, left in the text.",
        "13:2-5 Line '-3-' is a page number of the paper copy, left in the text.",
        "14:0-6 Line 'PAGE 4' is a page number of the paper copy, left in the text.",
      ]);
      const fix = findings[0].fixes![0];
      assert.equal(fix.safe, false);
      assert.equal(applyEdits(text, fix.edits), text.replace('- 2 -\n', ''));
      // The text's last line, with no line break after it, goes with the line break above it.
      const last = text.slice(0, -1);
      const end = lintCable(parseCable(last).cable).filter((f) => f.id === 'CBL047')[3];
      assert.equal(applyEdits(last, end.fixes![0].edits), last.replace('\nPAGE 4', ''));
    });
  });

  describe('CBL047 release stamps', () => {
    const lint = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL047');
    const cable = (top: string, inside: string) => `${top}C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The minister said the talks\n${inside}had stalled.\n\n¶2. (C) Text.\n`;
    it("reports a released copy's stamp line above the banner or inside the text, with a fix for the user that deletes the line alone", () => {
      for (const stamp of [
        'RELEASED IN FULL',
        'RELEASED IN PART B1,1.4(D)',
        'RELEASED IN PART B1, B6',
        'UNCLASSIFIED U.S. Department of State Case No. F-2031-05588 Doc No. C09876543 Date: 04/17/2032',
        'U.S. Department of State Case No. M-2030-00012 Doc No. C01010101 Date: 4/7/2031',
        'Declassified/Released US Department of State EO Systematic Review 30 JUN 2033',
      ]) {
        for (const text of [cable(`${stamp}\n`, ''), cable('', `${stamp}\n`), cable('', `  ${stamp}  \n`)]) {
          const found = lint(text);
          assert.deepEqual(found.map((f) => f.message), [`Line '${stamp}' is a release stamp printed on the released copy, left in the text.`], text);
          assert.deepEqual(found[0].fixes?.map((f) => [f.title, f.safe]), [['Delete the release stamp line', false]]);
          const fixed = applyEdits(text, found[0].fixes![0].edits);
          assert.equal(fixed, cable('', ''));
          assert.deepEqual(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable));
        }
      }
    });
    it('reads a case stamp a scan damaged (its case number\'s letter lost) as a stamp above the banner, never as the banner', () => {
      // "UNCLASSIFIED U.S. Department of State Case No. 2031-05588 …" read as an UNCLASSIFIED banner of the post "U.S. Department
      // of State Case No." and the serial 2031: every marking above it an error, the cable's id and level lost.
      for (const stamp of [
        'UNCLASSIFIED U.S. Department of State Case No. 2031-05588 Doc No. C09876543 Date: 04/17/2032',
        'UNCLASSIFIED US Department of State Case No 2031 05588 Doc No C09876543 Date 04 17 2032',
      ]) {
        const text = cable(`${stamp}\n`, '');
        const parsed = parseCable(text).cable;
        assert.deepEqual([parsed.banner?.level, parsed.banner?.post?.text, parsed.banner?.line], ['CONFIDENTIAL', 'NOWHERE', 1], stamp);
        const clean = lintCable(parseCable(cable('', '')).cable).map((f) => f.message);
        assert.deepEqual(lintCable(parsed).filter((f) => f.id !== 'CBL047').map((f) => f.message), clean, stamp);
        assert.deepEqual(lint(text).map((f) => f.message), [`Line '${stamp}' is a release stamp printed on the released copy, left in the text.`]);
      }
    });
    it("reports a scan's margin on every line once, with a fix for the user that deletes it from every line and nothing else", () => {
      const plain = cable('', '');
      // Line numbers at two widths ("9 " ⏎ "10 "): the fix deletes each line's own, or the widest where the text stands in a column.
      assert.ok(plain.split('\n').length > 10);
      for (const [margin, kind, width] of [[(l: string) => `| ${l}`, "a bar ('|')", 2], [(l: string, i: number) => `${String(i + 1).padStart(3, '0')} ${l}`, 'a line number', 4], [(l: string, i: number) => `${i + 1} ${l}`, 'a line number', 2], [(l: string, i: number) => `${String(i + 1).padEnd(2, ' ')} ${l}`, 'a line number', 3]] as const) {
        const text = plain.split('\n').map((l, i) => (l === '' ? '' : margin(l, i))).join('\n');
        const found = lint(text);
        const lines = plain.split('\n').filter((l) => l !== '').length;
        assert.deepEqual(found.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [`0:0-${width} ${lines} lines open with ${kind} of a scan's margin; the cable is read without it.`]);
        assert.deepEqual(found[0].fixes?.map((f) => [f.safe, applyEdits(text, f.edits) === plain]), [[false, true]]);
        // The cable is read as the one without the margin: the same findings but this one.
        const others = (t: string) => lintCable(parseCable(t).cable).filter((f) => f.id !== 'CBL047').map((f) => `${f.id} ${f.message}`);
        assert.deepEqual(others(text), others(plain));
      }
      // Lines typed without the margin (`-- `, as Enter leaves them) are read as they stand and counted out: the message
      // says how many lines open with it, where it said every line did.
      const lines = plain.split('\n');
      const typed = lines.map((l, i) => (l === '' ? '' : i === lines.length - 2 ? `-- ${l}` : `| ${l}`)).join('\n');
      const carried = lines.filter((l) => l !== '').length - 1;
      assert.deepEqual(lint(typed).map((f) => f.message), [`${carried} lines open with a bar ('|') of a scan's margin; the cable is read without it.`]);
    });
    it("deletes the margin Enter wrote as spaces on the lines typed without it too, each line's own indentation kept", () => {
      // Invented: Enter on a margined cable writes the next REF letter, dash item and paragraph number past the margin written
      // as spaces (`| ¶3. (C) …` ⏎ `  ¶4. `), and the editor's Enter keeps those spaces on the line typed under it. The fix
      // deleted the margin only from the lines that carry it, and these stayed indented by its width: the REF letter out of
      // its column, the paragraph and its item indented.
      const plain = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: HARBOR FEES\n\nREF: A. STATE 1234\n     B. PARIS 77\n\nClassified By: Ann Doe for reasons 1.4 (b).\n\n¶1. (C) The minister said the talks had stalled. The board\nwanted a standing channel with the port for the summer, and\nasked for training slots and a shared picture of small boat\ntraffic. He would send four officers in the autumn if the\ncourse dates are fixed by July. The harbor master agreed to\nthe request and named a liaison officer for the patrols, who\nwill meet the attache each month at the quay. Fees for the\nferries will be set by the board in its next session, which\nthe minister will chair. He said the board would publish\nthe fees in June, after a hearing for the ferry companies,\nand that the port would keep its night patrols through the\nsummer. The officers asked about the training dates and the\nlodging of the trainees, which the ministry would pay for.\nThe talks will resume next month.\n\n¶2. (C) He named three issues:\n-- fares will rise;\n-- dues will fall.\n\n¶3. (C) The board meets in May.\n';
      /** Enter at the end of the line holding `after` (twice: `gap`), what on-type formatting writes there, then `typed` after it. */
      const type = (text: string, after: string, typed: string, keepIndent = false, gap = false) => {
        const lines = text.split('\n');
        const at = lines.findIndex((l) => l.endsWith(after));
        assert.ok(at >= 0, after);
        // The editor's Enter keeps the line's indentation (spaces), never a margin's bar or number.
        const indent = keepIndent ? /^ */.exec(lines[at])![0] : '';
        const line = gap ? at + 2 : at + 1;
        const opened = [...lines.slice(0, at + 1), ...(gap ? [''] : []), indent, ...lines.slice(at + 1)].join('\n');
        const edits = getOnTypeFormattingEdits(parseCable(opened).cable, { line, character: indent.length }, '\n');
        const written = applyEdits(opened, edits).split('\n');
        written[line] += typed;
        return written.join('\n');
      };
      const session = (text: string) => {
        let t = type(text, 'PARIS 77', 'NOWHERE 9');
        t = type(t, 'fares will rise;', 'tolls stay;');
        t = type(t, 'meets in May.', '(C) Fees rise.', false, true);
        t = type(t, 'Fees rise.', 'It said so.', true);
        // A line typed at the first column, as it stands: no margin there.
        return t.replace('It said so.', 'It said so.\n-- typed by hand;');
      };
      const expected = session(plain);
      assert.ok(expected.includes('\n     C. NOWHERE 9\n') && expected.includes('\n-- tolls stay;\n') && expected.includes('\n\n¶4. (C) Fees rise.\nIt said so.\n'), expected);
      for (const [kind, margin, leads] of [['a bar', (l: string) => `| ${l}`, [7, 2, 2, 2]], ['line numbers', (l: string, i: number) => `${String(i + 1).padStart(3, '0')} ${l}`, [9, 4, 4, 4]], ['line numbers at two widths', (l: string, i: number) => `${i + 1} ${l}`, [7, 3, 3, 3]]] as const) {
        const text = session(plain.split('\n').map((l, i) => (l === '' ? '' : margin(l, i))).join('\n'));
        const cable = parseCable(text).cable;
        assert.ok(cable.margin, kind);
        // The lines Enter wrote open with the margin's width in spaces, which the fix left: where the numbers stand at two
        // widths, the width of the line whose column Enter read (`8      B. PARIS 77` for the letter, `31 ¶3. …` for the number).
        const lead = (typed: string) => text.split('\n').find((l) => l.trimStart() === typed)!.search(/\S/);
        assert.deepEqual(['C. NOWHERE 9', '-- tolls stay;', '¶4. (C) Fees rise.', 'It said so.'].map(lead), leads, kind);
        const found = lint(text);
        assert.equal(found.length, 1, kind);
        const fixed = applyEdits(text, found[0].fixes![0].edits);
        assert.equal(fixed, expected, kind);
        // Each edit deletes white space or the margin, within its own line.
        for (const e of found[0].fixes![0].edits) assert.equal(e.range.start.line, e.range.end.line, kind);
      }
    });
    it("reads the bar's width past the lines of the bar alone that open the text, and its fix gives the text without the margin", () => {
      // Invented: a cable opening with blank lines, each a line of the bar alone (`|` ⏎ `| C O N F I D E N T I A L …`): the
      // bar was read one character wide from its first line, the space after it on every other line read as the line's own,
      // and the fix left a space before every line's text (2 of the 203 real cables, so margined, by scripts/margin-damage.ts).
      const plain = `\n\n${cable('', '')}`;
      const text = plain.split('\n').map((l) => (l === '' ? '|' : `| ${l}`)).join('\n');
      const parsed = parseCable(text).cable;
      assert.equal(parsed.margin?.width, 2);
      const found = lint(text);
      assert.equal(applyEdits(text, found[0].fixes![0].edits), plain);
    });
    it('leaves a sentence that speaks of a release, and a stamp with more on its line, alone', () => {
      for (const prose of [
        'RELEASED IN FULL TO THE PRESS ON MONDAY',
        'released in full',
        'RELEASED IN PART BECAUSE OF',
        'The U.S. Department of State Case No. is pending.',
        'UNCLASSIFIED U.S. Department of State Case No. F-2031-05588 Doc No. C09876543 Date: 04/17/2032 and more',
        'Declassified/Released US Department of State EO Systematic Review next June',
      ]) {
        assert.deepEqual(lint(cable('', `${prose}\n`)).map((f) => f.message), [], prose);
      }
    });
  });

  describe('CBL055', () => {
    const lint = (text: string) => lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL055');
    it("reports a line that repeats the one above it with a 'Q' in front or for its first character, with a fix that deletes it", () => {
      // 08OTTAWA918's two shapes: "Qthat threaten …" under "that threaten …", "Q10.  (S/NF) …" under "¶10.  (S/NF) …".
      const text = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S/NF) The minister said the talks\nthat threaten the ferry route had stalled. \nQthat threaten the ferry route had stalled. \n\n¶2.  (S/NF) The harbor master agreed\nQ2.  (S/NF) The harbor master agreed\nwith him.\n';
      const findings = lint(text);
      assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message} | ${f.related![0].range.start.line}`), [
        "8:0-43 This line repeats the line above it with a 'Q' in front: an artifact of the copy, not part of the cable. | 7",
        "11:0-36 This line repeats the line above it with a 'Q' for its first character '¶': an artifact of the copy, not part of the cable. | 10",
      ]);
      assert.ok(findings.every((f) => f.unnecessary && f.fixes!.length === 1 && !f.fixes![0].safe));
      assert.equal(applyEdits(text, findings[0].fixes![0].edits), text.replace('Qthat threaten the ferry route had stalled. \n', ''));
      // Lines split as LSP splits them: a copy under a line ending with CRLF.
      assert.equal(lint(text.replace(/\n/g, '\r\n')).length, 2);
      // The text's last line, with no line break after it, goes with the line break above it.
      const last = 'UNCLAS NOWHERE 000001\n\n¶1. (U) The minister said the talks had stalled.\nQ1. (U) The minister said the talks had stalled.';
      assert.equal(applyEdits(last, lint(last)[0].fixes![0].edits), last.replace('\nQ1. (U) The minister said the talks had stalled.', ''));
    });
    it('leaves alone a Q line that copies no line right above it, or too little of one', () => {
      const cable = (body: string) => `UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n${body}\nSMITH\n`;
      // A word that opens with Q; a copy of the line two above; a copy with more than its first character changed; a short line.
      assert.deepEqual(lint(cable('¶1. (U) The minister met his colleague from\nQatar on June 2.')), []);
      assert.deepEqual(lint(cable('¶1. (U) The minister met his colleague\nfrom Doha on June 2.\nQ1. (U) The minister met his colleague')), []);
      assert.deepEqual(lint(cable('¶1. (U) The minister met his colleague\nQ 1. (U) The minister met his colleague')), []);
      assert.deepEqual(lint(cable('¶1. (U) They spoke of\nQatar\nQatar')), []);
      assert.deepEqual(lint(cable('¶1. (U) They met the\nQ emir')), []);
      // A line written twice that opens with a Q of its own: no Q put in front or for its first character.
      assert.deepEqual(lint(cable('¶1. (U) The answers follow.\nQuestion A about the ferries\nQuestion A about the ferries')), []);
    });
  });

  describe('CBL045', () => {
    const cable = (ref: string, body: string, banner = 'UNCLAS NOWHERE 000001', end = 'SMITH\n') =>
      `${banner}\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n${ref}\n\n¶1. (U) ${body}\n¶2. (U) Text.\n¶3. (U) Text.\n${end}`;
    const AB = 'REF: A. STATE 1 B. NOWHERE 2';
    it('reports a REF letter the REF field lacks, lettered or not, and a paragraph the cable lacks', () => {
      assert.deepEqual(found('CBL045', cable(AB, 'See refs B and C, para 4.')), [
        '7:23 info There is no REF item C: the REF field has items A and B.',
        '7:26 info There is no paragraph 4: the paragraphs are numbered 1 to 3.',
      ]);
      assert.deepEqual(found('CBL045', cable('REF: STATE 1', 'As ref C says.')), ['7:11 info There is no REF item C: the REF field has one item without a letter.']);
      assert.deepEqual(found('CBL045', cable(AB, 'See refs A and B, paras 1-3 and para 2 of this cable.')), []);
    });
    it('leaves out a paragraph of another document', () => {
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of ref A, ref B para 7, reftel para 5 and paragraph 6 of UNSCR 1540.')), []);
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of this cable.')).length, 1);
      // "of this" and "cable" split by a line break, a tab or several spaces: still the cable's own paragraph 9, which it lacks.
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of this\ncable.')), ['7:12 info There is no paragraph 9: the paragraphs are numbered 1 to 3.']);
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of\tthis\tcable.')).length, 1);
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of  this   cable.')).length, 1);
      // "this" alone, or as the start of a word, names no cable: "para 9 of this." and "of thistle growers" are another's.
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of this.')), []);
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9 of thistle growers.')), []);
    });
    it('does not report "reftel" alone under several REF items, which is ambiguous rather than dangling', () => {
      assert.deepEqual(found('CBL045', cable(AB, 'As reftel says.')), []);
      assert.deepEqual(found('CBL045', cable('REF: A. STATE 1', 'As reftel says (ref B).')).length, 1);
    });
    it('does not check REF letters in a cable without a REF field; a "ref:" line typed in small letters is one', () => {
      assert.deepEqual(found('CBL045', cable('', 'As reftel says (ref B).')), []);
      assert.deepEqual(found('CBL045', cable('ref: a. state 1', 'As ref A says.')), []);
      assert.deepEqual(found('CBL045', cable('ref: a. state 1', 'As ref B says.')), ['7:11 info There is no REF item B: the REF field has item A only.']);
    });
    it('does not check paragraph numbers in a cable without numbered paragraphs', () => {
      assert.deepEqual(found('CBL045', 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\nSee para 4.\n'), []);
      assert.deepEqual(found('CBL045', 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) See para 4.\n¶2. (U) Text.\nSMITH\n').length, 1);
    });
    it('does not check a paragraph past the last in a copy cut short, nor one before the first', () => {
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9.', undefined, '')), []);
      assert.deepEqual(found('CBL045', `UNCLAS NOWHERE 000001\n\nSUBJECT: X\n\n¶3. (U) See para 1.\n¶4. (U) Text.\nSMITH\n`), []);
      // A gap between the first and the last is reported without a signature.
      assert.deepEqual(found('CBL045', `UNCLAS NOWHERE 000001\n\nSUBJECT: X\n\n¶1. (U) See para 2.\n¶3. (U) Text.\n`).length, 1);
    });
    it('does not check paragraph numbers in a copy that may lack sections of its message', () => {
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9.', 'UNCLAS SECTION 02 OF 02 NOWHERE 000001')), []);
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9.', 'UNCLAS SECTION 01 OF 02 NOWHERE 000001')), []);
      // A continuation-page line shows the sections run on in the same copy.
      assert.deepEqual(found('CBL045', cable(AB, 'See para 9.\n\nNOWHERE 00000001  002 OF 002\n', 'UNCLAS SECTION 01 OF 02 NOWHERE 000001')).length, 1);
    });
  });

  describe('CBL018 and stray commas', () => {
    const tags = (lines: string) => `UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\n${lines}\nSUBJECT: X\n\n¶1. (U) Text.\n`;
    const stray = (lines: string) => found('CBL018', tags(lines));
    /** The TAGS lines once every safe fix has run, as `cablelint --fix` leaves them. */
    const fixed = (lines: string) => fixAll(tags(lines)).text.split('\n').slice(3, 3 + lines.split('\n').length).join('\n');
    it('reports a comma written twice between two TAGS, and one after the last TAG, each with a safe fix that removes only the stray comma', () => {
      assert.deepEqual(stray('TAGS: PREL,, PGOV'), ['3:11 info A comma is written twice between PREL and PGOV on the TAGS line.']);
      assert.deepEqual(stray('TAGS: PREL, PGOV,'), ['3:16 info A comma after PGOV, the last TAG, ends the TAGS line.']);
      assert.deepEqual(fixed('TAGS: PREL,, PGOV'), 'TAGS: PREL, PGOV');
      assert.deepEqual(fixed('TAGS: PREL, , PGOV, MT,'), 'TAGS: PREL, PGOV, MT');
      assert.deepEqual(fixed('TAGS PREL ,, PGOV , '), 'TAGS PREL , PGOV ');
      assert.deepEqual(fixed('TAGS: PREL,,, PGOV'), 'TAGS: PREL, PGOV');
      // On the line a wrapped field ends on, and with a repeated TAG whose removal takes the separators before it.
      assert.deepEqual(stray('TAGS: PREL, PGOV,\nMT, LY,').map((f) => f.split(' ')[0]), ['4:6']);
      assert.deepEqual(fixed('TAGS: PREL, PGOV,, PREL,'), 'TAGS: PREL, PGOV');
      const [finding] = lintCable(parseCable(tags('TAGS: PREL,, PGOV')).cable).filter((f) => f.id === 'CBL018');
      assert.deepEqual([finding.unnecessary, finding.fixes!.map((x) => [x.title, x.safe, x.preferred])], [true, [['Remove the stray comma', true, true]]]);
    });
    it('leaves alone a comma that ends a line the field wraps from, whether the parser reads the next line as the field\'s or not, and other separators', () => {
      assert.deepEqual(stray('TAGS: PREL, PGOV,\nMT, LY'), []);
      assert.deepEqual(stray('TAGS PREL, PGOV, PARM, MNUC,\nRS,JA, KS, ASEAN'), []);
      // "AU-1" holds a hyphen, so the parser does not read the line as the field's: the comma may still lead into it.
      assert.deepEqual(stray('TAGS: PREL, PGOV,\nAU-1, MT'), []);
      assert.deepEqual(stray('TAGS: PREL, PGOV; MT ; LY, KDEM ,AF'), []);
      assert.deepEqual(stray('TAGS: OVIP (CLINTON, HILLARY), PREL, PGOV'), []);
      assert.deepEqual(stray('TAGS: PREL [MARR](#), [PGOV](#),'), []);
    });
  });

  describe('CBL044', () => {
    const tags = (line: string) => `UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\n${line}\nSUBJECT: X\n\n¶1. (U) Text.\n`;
    const fixed = (line: string) => {
      const text = tags(line);
      return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL044').flatMap((f) => f.fixes!.map((x) => `${x.preferred ? '*' : ''}${applyEdits(text, x.edits).split('\n')[3]}`));
    };
    it('splits a run-on with the separator the field uses, and offers each split of an ambiguous one, none preferred', () => {
      assert.deepEqual(fixed('TAGS: PREL KDEMAF'), ['*TAGS: PREL KDEM AF']);
      assert.deepEqual(fixed('TAGS: PREL, KDEMAF, PGOV'), ['*TAGS: PREL, KDEM, AF, PGOV']);
      assert.deepEqual(fixed('Tags: kdemaf, pgov'), ['*Tags: kdem, af, pgov']);
      assert.deepEqual(fixed('TAGS: EINDETRD'), ['*TAGS: EIND ETRD']);
      assert.deepEqual(fixed('TAGS: AFSNAR'), ['TAGS: AF SNAR', 'TAGS: AFSN AR']);
      assert.deepEqual(found('CBL044', tags('TAGS: EINDETRD')), ['3:6 hint EINDETRD is no known TAG but reads as EIND ETRD run together.']);
      // Three TAGS run together: no cut leaves two known ones.
      assert.deepEqual(found('CBL044', tags('TAGS: PRELAFAF')), []);
    });
    it('adds only the parts the field does not list, and removes the run-on when it lists both, leaving nothing for CBL018', () => {
      assert.deepEqual(fixed('TAGS: KDEM KDEMAF'), ['*TAGS: KDEM AF']);
      assert.deepEqual(fixed('TAGS: PREL, KDEMAF, AF'), ['*TAGS: PREL, KDEM, AF']);
      assert.deepEqual(fixed('TAGS: KDEM, KDEMAF, AF'), ['*TAGS: KDEM, AF']);
      assert.deepEqual(fixed('TAGS: KDEMAF KDEM AF'), ['*TAGS: KDEM AF']);
      // First on the label's line: the separator after it goes, not the one before it, which would leave "TAGS:, KDEM".
      assert.deepEqual(fixed('TAGS: KDEMAF, KDEM, AF'), ['*TAGS: KDEM, AF']);
      assert.deepEqual(fixed('TAGS: AFSNAR SNAR'), ['TAGS: AF SNAR', 'TAGS: AFSN AR SNAR']);
      for (const line of ['TAGS: KDEM KDEMAF', 'TAGS: PREL, KDEMAF, AF', 'TAGS: KDEM, KDEMAF, AF', 'TAGS: KDEMAF KDEM AF', 'TAGS: KDEMAF, KDEM, AF']) {
        const text = tags(line);
        const [finding] = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL044');
        const token = finding.range;
        // Each edit stays within the token and the separator before it (after it, for the first TAG on its line).
        const lineText = text.split('\n')[3];
        let from = token.start.character;
        while (from > 0 && ', '.includes(lineText[from - 1])) from--;
        let to = token.end.character;
        while (to < lineText.length && ', '.includes(lineText[to])) to++;
        for (const edit of finding.fixes![0].edits) {
          assert.ok(edit.range.start.line === token.start.line && edit.range.start.character >= from && edit.range.end.character <= token.end.character || (lineText[from - 1] === ':' && edit.range.start.character === token.start.character && edit.range.end.character === to), line);
        }
        const after = applyEdits(text, finding.fixes![0].edits);
        assert.deepEqual(lintCable(parseCable(after).cable).filter((f) => f.id === 'CBL018' || f.id === 'CBL044'), [], after);
      }
      const titles = (line: string) => lintCable(parseCable(tags(line)).cable).filter((f) => f.id === 'CBL044').flatMap((f) => f.fixes!.map((x) => x.title));
      assert.deepEqual(titles('TAGS: KDEM KDEMAF'), ['Replace KDEMAF with AF (KDEM is listed already)']);
      assert.deepEqual(titles('TAGS: KDEMAF AF'), ['Replace KDEMAF with KDEM (AF is listed already)']);
      assert.deepEqual(titles('TAGS: AF KDEMAF KDEM'), ['Remove KDEMAF (KDEM and AF are listed already)']);
    });
    it('counts a TAG of a user dictionary as known, as a token and as a part', () => {
      const user = (line: string, codes: string[]) => lintCable(parseCable(tags(line)).cable, undefined, undefined, { userTags: new Set(codes) }).filter((f) => f.id === 'CBL044').map((f) => f.message);
      assert.deepEqual(user('TAGS: PREL KDEMAF', ['KDEMAF']), []);
      assert.deepEqual(user('TAGS: PREL KLOCAF', []), []);
      assert.deepEqual(user('TAGS: PREL KLOCAF', ['KLOC']), ['KLOCAF is no known TAG but reads as KLOC AF run together.']);
      assert.deepEqual(user('TAGS: PREL KLOCAF KLOC', ['KLOC']), ['KLOCAF is no known TAG but reads as KLOC AF run together.']);
      const fix = lintCable(parseCable(tags('TAGS: PREL KLOCAF KLOC')).cable, undefined, undefined, { userTags: new Set(['KLOC']) }).find((f) => f.id === 'CBL044')!.fixes![0];
      assert.equal(fix.title, 'Replace KLOCAF with AF (KLOC is listed already)');
    });
    it("reads a user dictionary's TAGS on a wrapped line when the parse is given the dictionary's codes", () => {
      const codes = new Set(['KLOC', 'ZZQQ', 'KLOCALPROG']);
      const read = (lines: string, userTags: ReadonlySet<string> | null = codes) => {
        const cable = (userTags === null ? parseCable(tags(lines)) : parseCable(tags(lines), { userTags })).cable;
        const findings = lintCable(cable, undefined, undefined, { userTags: codes });
        return `${cable.tags!.tags.map((t) => t.code).join(' ')}${findings.some((f) => f.id === 'CBL037') ? ' +CBL037' : ''}`;
      };
      // Set off by a comma, or under a line ending with one, a wrapped line of them is the field's, as any capitals are.
      assert.equal(read('TAGS: PREL PGOV\nKLOC, ZZQQ'), 'PREL PGOV KLOC ZZQQ');
      assert.equal(read('TAGS: PREL, PGOV,\nKLOC ZZQQ'), 'PREL PGOV KLOC ZZQQ');
      // Set off by spaces alone, they are known TAGS to a parse given the dictionary, as built-in ones are; in small letters too.
      assert.equal(read('TAGS: PREL PGOV\nKLOC ZZQQ'), 'PREL PGOV KLOC ZZQQ');
      assert.equal(read('TAGS: PREL PGOV\nPHUM KLOC'), 'PREL PGOV PHUM KLOC');
      assert.equal(read('TAGS: PREL PGOV\nkloc zzqq'), 'PREL PGOV KLOC ZZQQ');
      // The last perhaps a user code's start, being typed; a code of ten letters, as a dictionary allows, set off by commas too.
      assert.equal(read('TAGS: PREL PGOV\nKLOC ZZ'), 'PREL PGOV KLOC ZZ');
      assert.equal(read('TAGS: PREL PGOV\nKLOCALPROG ZZQQ'), 'PREL PGOV KLOCALPROG ZZQQ');
      assert.equal(read('TAGS: PREL PGOV\nPHUM, KLOCALPROG'), 'PREL PGOV PHUM KLOCALPROG');
      // Without the dictionary, or with codes that are not on the line, it is a stray line among the fields (CBL037).
      assert.equal(read('TAGS: PREL PGOV\nKLOC ZZQQ', null), 'PREL PGOV +CBL037');
      assert.equal(read('TAGS: PREL PGOV\nKLOC ZZQQ', new Set()), 'PREL PGOV +CBL037');
      assert.equal(read('TAGS: PREL PGOV\nKLOC ZZQQ', new Set(['KLOX'])), 'PREL PGOV +CBL037');
      assert.equal(read('TAGS: PREL PGOV\nKLOCALPROG ZZQQ', new Set(['ZZQQ'])), 'PREL PGOV +CBL037');
      // A word longer than the longest code is still no TAG, nor is prose under the field.
      assert.equal(read('TAGS: PREL PGOV\nKLOCALPROGS ZZQQ'), 'PREL PGOV +CBL037');
      assert.equal(read('TAGS: PREL PGOV\nKLOC TALKS RESUME'), 'PREL PGOV +CBL037');
    });
    it('leaves alone known TAGS, short tokens, tokens with other characters, words and person names', () => {
      assert.deepEqual(found('CBL044', tags('TAGS: PREL UNESCO INTERPOL ECOWAS')), []);
      assert.deepEqual(found('CBL044', tags('TAGS: PRELAF EUNFR')).map((f) => f.split(' ')[2]), ['PRELAF']);
      assert.deepEqual(found('CBL044', tags('TAGS: PREL AU-1 COUNTER TERRORISM')), []);
      assert.deepEqual(found('CBL044', tags('TAGS: PREL OVIP KDEMAF HILLARY')), []);
    });
  });
  describe('CBL050', () => {
    const cable = (banner: string, line: string) => `${banner}\n\nE.O. 12958: N/A\n${line}\nSUBJECT: X\n\n¶1. (U) Text.\n`;
    const fixed = (banner: string, line: string) => {
      const text = cable(banner, line);
      return lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL050').flatMap((f) => (f.fixes ?? []).map((x) => `${x.safe ? 'safe ' : ''}${x.title}: ${applyEdits(text, x.edits).split('\n')[3]}`));
    };
    it("reports an embassy's cable without its host country's TAG, with the reference's count for that post", () => {
      assert.deepEqual(found('CBL050', cable('UNCLAS PARIS 000708', 'TAGS: PREL MOPS')), ["3:0 info TAGS lack FR (France), the host country's TAG, which 103 of 105 released cables from Embassy Paris carry."]);
      // The post as a banner spells it, spaces and all; Belgrade's TAG is SR, not the FIPS code RI.
      assert.deepEqual(found('CBL050', cable('UNCLAS BUENOS AIRES 000012', 'TAGS: ECON')).map((f) => f.split(' ')[4]), ['AR']);
      assert.deepEqual(found('CBL050', cable('UNCLAS BELGRADE 000012', 'TAGS: PREL RI')).map((f) => f.split(' ')[4]), ['SR']);
    });
    it('names a geographic TAG the TAGS carry whose meaning the sources do not establish, and gives it no meaning', () => {
      // 05SANAA923's shape: YE where Embassy Sanaa's cables carry YM; the reference notes YE is not a FIPS 10-4 code.
      const [sanaa] = found('CBL050', cable('UNCLAS SANAA 000923', 'TAGS: PTER PGOV YE'));
      assert.match(sanaa, /^3:0 info TAGS lack YM \(Yemen\), the host country's TAG, which \d+ of \d+ released cables from Embassy Sanaa carry; the TAGS carry YE, whose meaning the sources do not establish\.$/);
      // Any post, each such code once, as the field writes them in capitals; small letters are the same code.
      assert.match(found('CBL050', cable('UNCLAS PARIS 000708', 'tags: prel, ru, ve, ru'))[0], /carry; the TAGS carry RU, whose meaning the sources do not establish\.$/);
      assert.match(found('CBL050', cable('UNCLAS PARIS 000708', 'TAGS: PREL VZ RU'))[0], /carry; the TAGS carry VZ and RU, whose meanings the sources do not establish\.$/);
      assert.match(found('CBL050', cable('UNCLAS PARIS 000708', 'TAGS: PREL GE JP VN'))[0], /carry; the TAGS carry GE, JP and VN, whose meanings/);
      // Not a regional TAG, an established organization (UN, EU), a known country or a subject TAG; a cable carrying its host's TAG is not reported.
      for (const line of ['TAGS: PREL XF', 'TAGS: PREL UN EU', 'TAGS: PREL IZ', 'TAGS: PREL PINS'])
        assert.match(found('CBL050', cable('UNCLAS PARIS 000708', line))[0], /carry\.$/, line);
      assert.deepEqual(found('CBL050', cable('UNCLAS SANAA 000923', 'TAGS: PTER YM YE')), []);
    });
    it("does not name a TAG a user dictionary defines, whose meaning is the team's entry", () => {
      const user = (banner: string, line: string, codes: string[]) =>
        lintCable(parseCable(cable(banner, line)).cable, undefined, undefined, { userTags: new Set(codes) }).filter((f) => f.id === 'CBL050').map((f) => f.message);
      assert.match(user('UNCLAS SANAA 000923', 'TAGS: PTER PGOV YE', ['YE'])[0], /Embassy Sanaa carry\.$/);
      // Only the codes the dictionary defines drop out of the clause; small letters in the field are the same code.
      assert.match(user('UNCLAS PARIS 000708', 'tags: prel, vz, ru', ['RU'])[0], /carry; the TAGS carry VZ, whose meaning the sources do not establish\.$/);
      assert.match(user('UNCLAS PARIS 000708', 'TAGS: PREL VZ RU', ['KLOC'])[0], /the TAGS carry VZ and RU, whose meanings/);
      // The host's TAG is still the reference's: a dictionary's code does not stand for it.
      assert.equal(user('UNCLAS SANAA 000923', 'TAGS: PTER YE', ['YE']).length, 1);
    });
    it('names only codes that no entry of the dictionary gives a meaning, none of them regional', () => {
      assert.ok(UNESTABLISHED_GEOGRAPHIC.size > 0);
      assert.ok(UNESTABLISHED_GEOGRAPHIC.has('YE'));
      for (const code of UNESTABLISHED_GEOGRAPHIC) {
        const entries = data.tags.filter((t) => t.code === code && t.family !== 'category');
        assert.ok(entries.some((t) => t.family === 'geographic'), code);
        assert.ok(entries.every((t) => !t.verified && !t.meaning.startsWith('regional TAG')), code);
      }
    });
    it('adds the TAG after the last one, as the field sets TAGS off, for you to choose', () => {
      assert.deepEqual(fixed('UNCLAS PARIS 000708', 'TAGS: PREL MOPS'), ['Add FR to TAGS: TAGS: PREL MOPS FR']);
      assert.deepEqual(fixed('UNCLAS PARIS 000708', 'TAGS: PREL, MOPS'), ['Add FR to TAGS: TAGS: PREL, MOPS, FR']);
      assert.deepEqual(fixed('UNCLAS PARIS 000708', 'tags: prel, mops'), ['Add fr to TAGS: tags: prel, mops, fr']);
      // Names end the field: a code after them would read as a name, so it goes first.
      assert.deepEqual(fixed('UNCLAS PARIS 000708', 'TAGS: PREL OVIP SARKOZY NICOLAS'), ['Add FR to TAGS: TAGS: FR PREL OVIP SARKOZY NICOLAS']);
      // The last TAG's text goes on past its code: no place to add one.
      assert.deepEqual(fixed('UNCLAS PARIS 000708', 'TAGS: PREL [MOPS](#)'), []);
      const text = cable('UNCLAS PARIS 000708', 'TAGS: PREL, MOPS');
      const added = applyEdits(text, lintCable(parseCable(text).cable).find((f) => f.id === 'CBL050')!.fixes![0].edits);
      assert.deepEqual(parseCable(added).cable.tags!.tags.map((t) => t.code), ['PREL', 'MOPS', 'FR']);
      assert.deepEqual(found('CBL050', added), []);
    });
    it("leaves alone a cable carrying the TAG, a post the reference did not check or found split, and a cable with no TAGS or banner", () => {
      assert.deepEqual(found('CBL050', cable('UNCLAS PARIS 000708', 'TAGS: PREL FR')), []);
      assert.deepEqual(found('CBL050', cable('UNCLAS PARIS 000708', 'TAGS: PREL,\n      MOPS FR')), []);
      // A consulate, the Department, a mission: not embassies in capitals the check counted.
      assert.deepEqual(found('CBL050', cable('UNCLAS MARSEILLE 000708', 'TAGS: PREL')), []);
      assert.deepEqual(found('CBL050', cable('UNCLAS STATE 000708', 'TAGS: PREL')), []);
      assert.deepEqual(found('CBL050', cable('UNCLAS USNATO 000708', 'TAGS: PREL')), []);
      // Brussels: 2 of 4 cables carried BE, which says nothing either way.
      assert.deepEqual(found('CBL050', cable('UNCLAS BRUSSELS 000708', 'TAGS: PREL')), []);
      assert.deepEqual(found('CBL050', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\n'), []);
      assert.deepEqual(found('CBL050', cable('UNCLAS PARIS 000708', 'SUBJECT: Y')), []);
    });
  });

  describe('CBL052', () => {
    const refs = (field: string) => `UNCLAS NOWHERE 000500\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n${field}\n\n¶1. (U) Text.\n`;
    const lint52 = (field: string) => {
      const text = refs(field);
      return { text, findings: lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL052') };
    };
    it('reports a serial with a letter for a digit, with a safe fix where each letter stands between digits and one for you to choose at an end', () => {
      const { text, findings } = lint52('REF: A. 09 NOWHERE 4l2 B. STATE 5ll2O\n¶C. OTHERTOWN I23 (NOTAL)');
      assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes!.map((x) => `${x.title} ${x.safe} ${x.preferred === true}`).join()}`), [
        "7:20-7:23 CBL052 warning REF citation '09 NOWHERE 4l2' has the letter 'l' for the digit 1 in its serial: read as 412. | Write '412' true true",
        "7:33-7:38 CBL052 warning REF citation 'STATE 5ll2O' has the letter 'l' for the digit 1 and the letter 'O' for the digit 0 in its serial: read as 51120. | Write '51120' false false",
        "8:15-8:18 CBL052 warning REF citation 'OTHERTOWN I23' has the letter 'I' for the digit 1 in its serial: read as 123. | Write '123' false false",
      ]);
      // The fixes write the digits and touch no other character; the citations then name the same cables, and nothing is reported.
      const fixed = applyEdits(text, findings.flatMap((f) => f.fixes![0].edits));
      assert.equal(fixed, refs('REF: A. 09 NOWHERE 412 B. STATE 51120\n¶C. OTHERTOWN 123 (NOTAL)'));
      assert.deepEqual(parseCable(fixed).cable.refs!.items.map((i) => i.id), parseCable(text).cable.refs!.items.map((i) => i.id));
      assert.deepEqual(lint52('REF: A. 09 NOWHERE 412 B. STATE 51120\n¶C. OTHERTOWN 123 (NOTAL)').findings, []);
      // Fix All applies the safe one alone.
      assert.equal(fixAll(text).text, refs('REF: A. 09 NOWHERE 412 B. STATE 5ll2O\n¶C. OTHERTOWN I23 (NOTAL)'));
    });
    it('reports a year with a letter for a digit, and a canonical id\'s year and serial, each with a safe fix where every letter stands for a digit', () => {
      const { text, findings } = lint52('REF: A. O9 NOWHERE 412 B. 2OO8 STATE 51120\n¶C. O9OTHERTOWN4l2 D. 1OSTATE2O');
      assert.deepEqual(findings.map((f) => `${formatFinding(f)} | ${f.fixes!.map((x) => `${x.title} ${x.safe} ${x.preferred === true}`).join()}`), [
        "7:9-7:11 CBL052 warning REF citation 'O9 NOWHERE 412' has the letter 'O' for the digit 0 in its year: read as 09. | Write '09' true true",
        "7:27-7:31 CBL052 warning REF citation '2OO8 STATE 51120' has the letter 'O' for the digit 0 in its year: read as 2008. | Write '2008' true true",
        "8:5-8:7 CBL052 warning REF citation 'O9OTHERTOWN4l2' has the letter 'O' for the digit 0 in its year: read as 09. | Write '09' true true",
        "8:16-8:19 CBL052 warning REF citation 'O9OTHERTOWN4l2' has the letter 'l' for the digit 1 in its serial: read as 412. | Write '412' true true",
        "8:23-8:25 CBL052 warning REF citation '1OSTATE2O' has the letter 'O' for the digit 0 in its year: read as 10. | Write '10' true true",
        "8:30-8:32 CBL052 warning REF citation '1OSTATE2O' has the letter 'O' for the digit 0 in its serial: read as 20. | Write '20' false false",
      ]);
      const items = parseCable(text).cable.refs!.items;
      assert.deepEqual(items.map((i) => i.id), ['09NOWHERE412', '08STATE51120', '09OTHERTOWN412', '10STATE20']);
      const fixed = applyEdits(text, findings.flatMap((f) => f.fixes![0].edits));
      assert.equal(fixed, refs('REF: A. 09 NOWHERE 412 B. 2008 STATE 51120\n¶C. 09OTHERTOWN412 D. 10STATE20'));
      assert.deepEqual(parseCable(fixed).cable.refs!.items.map((i) => i.id), items.map((i) => i.id));
      assert.deepEqual(lint52('REF: A. 09 NOWHERE 412 B. 2008 STATE 51120\n¶C. 09OTHERTOWN412 D. 10STATE20').findings, []);
      // A post's last letter is no serial's: TOKYO's 412.
      assert.deepEqual(parseCable(refs('REF: A. 09TOKYO4l2')).cable.refs!.items.map((i) => i.id), ['09TOKYO412']);
    });
    it('leaves alone letters alone, a year or post with such letters, and free text', () => {
      assert.deepEqual(lint52('REF: A. STATE IIO\nB. OSLO 412\nC. SMITH EMAIL OF MAY lO\nD. NOWHERE 4l2 AND PREVIOUS').findings, []);
      // A year of letters alone, a date, and a word with digits: no citation.
      assert.deepEqual(lint52('REF: A. IO NOWHERE 412\nB. 1O MAY 2009\nC. SMITH2l').findings, []);
    });
  });
  describe('CBL051', () => {
    const tags = (line: string) => `UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\n${line}\nSUBJECT: X\n\n¶1. (U) Text.\n`;
    const lint51 = (line: string, userTags?: string[]) =>
      lintCable(parseCable(tags(line)).cable, undefined, undefined, userTags ? { userTags: new Set(userTags) } : undefined).filter((f) => f.id === 'CBL051');
    it('reports a token with a zero for O, a one for I or L or a small l for I that reads as one known TAG, and fixes those characters alone', () => {
      assert.deepEqual(lint51('TAGS: PG0V, K1RF [PRE1](#) KlRF').map((f) => `${f.range.start.character}-${f.range.end.character} ${f.message}`), [
        "6-10 PG0V is no known TAG but reads as PGOV, with the digit '0' for the letter O.",
        "12-16 K1RF is no known TAG but reads as KIRF, with the digit '1' for the letter I.",
        "18-22 PRE1 is no known TAG but reads as PREL, with the digit '1' for the letter L.",
        "27-31 KlRF is no known TAG but reads as KIRF, with the small letter 'l' for the letter I.",
      ]);
      const text = tags('TAGS: PG0V, K1RF [PRE1](#) KlRF k0ly');
      const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL051');
      assert.deepEqual(findings.map((f) => f.fixes!.map((x) => `${x.title} ${x.safe} ${x.edits.map((e) => `${e.range.start.character}-${e.range.end.character}`).join(',')}`)), [
        ['Write PGOV true 8-9'], ['Write KIRF true 13-14'], ['Write PREL true 21-22'], ['Write KIRF true 28-29'], ['Write KOLY true 33-34'],
      ]);
      // A token in small letters gets the letter in small letters.
      assert.equal(applyEdits(text, findings.flatMap((f) => f.fixes![0].edits)), tags('TAGS: PGOV, KIRF [PREL](#) KIRF koly'));
      // Fix All removes a misread copy of a TAG the field lists already.
      assert.equal(fixAll(tags('TAGS: PGOV PG0V, PREL')).text, tags('TAGS: PGOV, PREL'));
    });
    it('removes the misread TAG with its separator, and nothing else, where the field lists the TAG meant already', () => {
      const removal = (line: string) => {
        const text = tags(line);
        const [finding] = lint51(line);
        const fix = finding.fixes![0];
        assert.equal(fix.edits.length, 1);
        return `${finding.message} | ${fix.title} | ${applyEdits(text, fix.edits).split('\n')[3]}`;
      };
      assert.equal(removal('TAGS: PGOV, PG0V'), "PG0V is no known TAG but reads as PGOV, with the digit '0' for the letter O; the field lists PGOV already. | Remove PG0V, a copy of PGOV | TAGS: PGOV");
      assert.equal(removal('TAGS: PREL, PG0V, PGOV, MT'), "PG0V is no known TAG but reads as PGOV, with the digit '0' for the letter O; the field lists PGOV already. | Remove PG0V, a copy of PGOV | TAGS: PREL, PGOV, MT");
      // First on its line: the separator after it goes, not the space after the label.
      assert.equal(removal('TAGS: PG0V, PGOV').split(' | ')[2], 'TAGS: PGOV');
      assert.equal(removal('TAGS PG0V PGOV').split(' | ')[2], 'TAGS PGOV');
      // Only the range removed changes: CBL018 then finds nothing to remove.
      const text = tags('TAGS: PGOV, PG0V, PREL');
      const fixed = applyEdits(text, lint51('TAGS: PGOV, PG0V, PREL')[0].fixes![0].edits);
      assert.equal(fixed, tags('TAGS: PGOV, PREL'));
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL018' || f.id === 'CBL051'), []);
    });
    it('leaves alone known TAGS, tokens that read as no TAG or as two, other digits, a small l among small letters and a user dictionary\'s TAGS', () => {
      assert.deepEqual(lint51('TAGS: PREL G-8 G8 AU-1 G20 P5 10 prel PREl'), []);
      // "N1" reads as NI and NL alike: which is meant is a guess.
      assert.deepEqual(lint51('TAGS: PREL N1'), []);
      assert.deepEqual(lint51('TAGS: PREL KL0C', ['KL0C']), []);
      assert.deepEqual(lint51('TAGS: PREL KL0C', ['KLOC']).map((f) => f.message), ["KL0C is no known TAG but reads as KLOC, with the digit '0' for the letter O."]);
      assert.deepEqual(lint51('TAGS: OVIP (CL1NTON, HILLARY)'), []);
    });
  });
});

describe('rules: an invisible character before a marking', () => {
  // Every fixture, with a zero-width space put before each marking that opens a paragraph (after its number) or a line (after
  // its label, if any): the cable reads as the same classification, each marking stands where its text is, and the findings
  // are the same, but for CBL035, which reports each character put in.
  const fixtures = ['rules', 'samples'].flatMap((dir) => fs.readdirSync(path.join(ROOT, 'test/fixtures', dir)).filter((f) => f.endsWith('.cable')).map((f) => path.join(ROOT, 'test/fixtures', dir, f)));
  /** Where the markings that open paragraphs and lines start, in text order. */
  const markingPlaces = (cable: Cable): Position[] => {
    const opening = cable.paragraphs.filter((p) => p.marker.range.start.character === skipSpaces(cable.lines[p.marker.range.start.line]) && p.portion?.token.text.startsWith('('));
    const places = [...opening.map((p) => p.portion!.token.range.start), ...cable.itemMarkings.map((m) => m.portion.token.range.start)];
    return places.sort((a, b) => a.line - b.line || a.character - b.character);
  };
  const reading = (c: Cable) => JSON.stringify([c.paragraphs.map((p) => [p.portion?.level, p.portion?.controls, p.itemPortion?.level]), c.itemMarkings.map((m) => [m.portion.level, m.portion.controls]), c.subject?.portion?.level]);
  const findings = (c: Cable) => lintCable(c).map((f) => `${f.id} ${f.range.start.line} ${f.severity} ${f.message}`);
  for (const file of fixtures) {
    it(path.relative(ROOT, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const before = parseCable(text).cable;
      const places = markingPlaces(before);
      const lines = text.split('\n');
      for (const p of [...places].reverse()) lines[p.line] = `${lines[p.line].slice(0, p.character)}\u200B${lines[p.line].slice(p.character)}`;
      const after = parseCable(lines.join('\n')).cable;
      assert.equal(reading(after), reading(before));
      assert.deepEqual(markingPlaces(after), places.map((p) => ({ line: p.line, character: p.character + 1 })));
      for (const m of [...after.paragraphs.map((p) => p.portion), ...after.itemMarkings.map((m) => m.portion)]) {
        // A marking split over two lines ("2. (C" ⏎ ") …") is its two pieces joined.
        const text = (r: Range) => after.lines[r.start.line].slice(r.start.character, r.end.character);
        if (m) assert.equal(m.split ? m.split.map(text).join('') : text(m.token.range), m.token.text);
      }
      const [was, is] = [findings(before), findings(after)];
      assert.deepEqual(is.filter((f) => !f.startsWith('CBL035')), was.filter((f) => !f.startsWith('CBL035')));
      assert.equal(is.length - was.length, places.length);
    });
  }
});

describe('rules: CBL013 and the orders a number may stand for', () => {
  const offered = (dtg: string, eo: string) => {
    const text = `${dtg}C O N F I D E N T I A L NOWHERE 000005\n\n${eo}\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n\nDOE\n`;
    const f = lintCable(parseCable(text).cable).find((x) => x.id === 'CBL013');
    return f && `${f.message} | ${f.fixes!.map((x) => `${x.title}${x.preferred ? ' (preferred)' : ''} ${x.safe}`).join(', ')}`;
  };
  it('offers the order in effect on the cable\'s date first, then the known orders one digit away that were signed by then', () => {
    assert.equal(offered('P 031322Z JUN 09\n\n', 'E.O. 12598: DECL: 06/03/2019'), 'E.O. 12598 is not a known classification order; did you mean 12958? | Change to E.O. 12958 (preferred) false');
    // A 2012 cable: 13526 was in effect; 12958, one swap away, is offered after it.
    assert.equal(offered('P 031322Z JUN 12\n\n', 'E.O. 12598: DECL: 06/03/2022'), 'E.O. 12598 is not a known classification order; did you mean 13526 or 12958? | Change to E.O. 13526 (preferred) false, Change to E.O. 12958 false');
    // "1352", a digit lost: 13526 in a cable of 2012, but not in one of 2005, before it was signed.
    assert.equal(offered('P 031322Z JUN 12\n\n', 'E.O. 1352: DECL: 06/03/2022'), 'E.O. 1352 is not a known classification order; did you mean 13526? | Change to E.O. 13526 (preferred) false');
    assert.equal(offered('P 031322Z JUN 05\n\n', 'E.O. 1352: DECL: 06/03/2015'), 'E.O. 1352 is not a known classification order; did you mean 12958? | Change to E.O. 12958 (preferred) false');
    // Two swaps away from 13526 and from 12356 alike.
    assert.equal(offered('P 031322Z JUN 12\n\n', 'E.O. 13256: DECL: 06/03/2022'), 'E.O. 13256 is not a known classification order; did you mean 13526 or 12356? | Change to E.O. 13526 (preferred) false, Change to E.O. 12356 false');
    // Near no known order: the one in effect.
    assert.equal(offered('P 031322Z JUN 07\n\n', 'E.O. 19523: DECL: 06/03/2017'), 'E.O. 19523 is not a known classification order; did you mean 12958? | Change to E.O. 12958 (preferred) false');
  });
  it('takes today\'s order for a cable not dated yet', () => {
    assert.match(offered('', 'E.O. 1352: DECL: 06/03/2035')!, /did you mean 13526\? \| Change to E\.O\. 13526 \(preferred\) false$/);
  });
});

describe('rules: CBL054 and the paragraphs of cited cables', () => {
  // A cable of 2009 citing NOWHERE 100 (09NOWHERE100) and STATE 200; `body` names their paragraphs.
  const cable = (refs: string, body: string, dated = true) =>
    `${dated ? 'Wednesday, 3 June 2009, 13:22\n' : ''}C O N F I D E N T I A L NOWHERE 000123\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: X\n\nREF: ${refs}\n\nClassified By: Jane Doe for reasons 1.4 (b) and (d).\n\n${body}\n\nDOE\n`;
  const copies = new Map<string, ParagraphCopy>([
    ['09NOWHERE100', { numbers: [1, 2, 3, 5], ended: true }],
    ['09STATE200', { numbers: [2, 3, 4], ended: false }],
  ]);
  const found = (text: string, context: LintContext = { citedParagraphs: (id) => copies.get(id) }) =>
    lintCable(parseCable(text).cable, undefined, undefined, context).filter((f) => f.id === 'CBL054').map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.message}`);

  it('reports a paragraph the cited cable lacks, in every form Go to Definition reads, and none it has', () => {
    assert.deepEqual(found(cable('A. NOWHERE 100\nB. STATE 200', '¶1. (C) As REF A para 9 said, and para 4 of ref A;\nREF A, paras 2 and 6; REF A para 5.')), [
      '12:17 info REF A cites 09NOWHERE100, which has no paragraph 9: its paragraphs are numbered 1 to 5.',
      '12:34 info REF A cites 09NOWHERE100, which has no paragraph 4: its paragraphs are numbered 1 to 5.',
      '13:19 info REF A cites 09NOWHERE100, which has no paragraph 6: its paragraphs are numbered 1 to 5.',
    ]);
    // "reftel para 2" under one item, which has no letter to name.
    assert.deepEqual(found(cable('NOWHERE 100', '¶1. (C) As reftel para 7 said.')), ['11:18 info The REF item cites 09NOWHERE100, which has no paragraph 7: its paragraphs are numbered 1 to 5.']);
  });

  it('reports a paragraph named by "para 9 of" ending a line and "ref A" starting the next, as on one line', () => {
    assert.deepEqual(found(cable('A. NOWHERE 100\nB. STATE 200', '¶1. (C) As para 9 of\nref A said, and paras 2 and 4 of\nREF B.')), [
      '12:11 info REF A cites 09NOWHERE100, which has no paragraph 9: its paragraphs are numbered 1 to 5.',
    ]);
    assert.deepEqual(found(cable('A. NOWHERE 100\nB. STATE 200', '¶1. (C) As para 4 of\nref A said.')), ['12:11 info REF A cites 09NOWHERE100, which has no paragraph 4: its paragraphs are numbered 1 to 5.']);
    // Not the cable's own paragraph either (CBL045 says nothing of paragraph 9), nor a mention when "ref A" is under a blank line.
    assert.deepEqual(lintCable(parseCable(cable('A. NOWHERE 100', '¶1. (C) As para 9 of\nref A said.')).cable).filter((f) => f.id === 'CBL045'), []);
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As para 9 of\n\nref A said.')), []);
  });

  it('reports a paragraph named by "para 9" ending a line and "of ref A" starting the next, as on one line', () => {
    assert.deepEqual(found(cable('A. NOWHERE 100\nB. STATE 200', '¶1. (C) As para 9\nof ref A said, and paras 2 and 4\nof REF B.')), [
      '12:11 info REF A cites 09NOWHERE100, which has no paragraph 9: its paragraphs are numbered 1 to 5.',
    ]);
    // Not the cable's own paragraph either (CBL045 says nothing of paragraph 9); under a blank line it is the cable's own.
    assert.deepEqual(lintCable(parseCable(cable('A. NOWHERE 100', '¶1. (C) As para 9\nof ref A said.')).cable).filter((f) => f.id === 'CBL045'), []);
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As para 9\n\nof ref A said.')), []);
    assert.equal(lintCable(parseCable(cable('A. NOWHERE 100', '¶1. (C) As para 9\n\nof ref A said.')).cable).filter((f) => f.id === 'CBL045').length, 1);
  });

  it('reports the paragraphs between the ends of a rising range the cited cable lacks, once a range, at the range', () => {
    // 09NOWHERE100 has 1, 2, 3 and 5: "paras 2-5" names 4, which it lacks; "paras 1 through 3" names 2, which it has.
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As REF A paras 2-5 and REF A paras 1 through 3 said.')), [
      '11:23 info REF A cites 09NOWHERE100, which has no paragraph 4, named by the range 2-5: its paragraphs are numbered 1 to 5.',
    ]);
    // Several lacked, and a range running onto the next line, reported from its first number.
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As REF A paras 1-\n5 said.')), ['11:23 info REF A cites 09NOWHERE100, which has no paragraph 4, named by the range 1-5: its paragraphs are numbered 1 to 5.']);
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As REF A paras 1 to 9 said.')), [
      '11:23 info REF A cites 09NOWHERE100, which has no paragraphs 4, 6, 7 and 8, named by the range 1-9: its paragraphs are numbered 1 to 5.',
      '11:28 info REF A cites 09NOWHERE100, which has no paragraph 9: its paragraphs are numbered 1 to 5.',
    ]);
    // A range past the last paragraph of a copy that may be cut short names what may be in its missing part; a range that
    // falls or rises by more than 100 names its ends alone.
    assert.deepEqual(found(cable('A. STATE 200', '¶1. (C) As REF A paras 2-9 said.')), []);
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As REF A paras 5-1 and REF A paras 1-200 said.')), [
      '11:45 info REF A cites 09NOWHERE100, which has no paragraph 200: its paragraphs are numbered 1 to 5.',
    ]);
  });

  it('says nothing of a cable the workspace does not hold, a paragraph before the first or after the last of a copy that may be cut short, or without a workspace', () => {
    assert.deepEqual(found(cable('A. NOWHERE 99\nB. STATE 200', '¶1. (C) As REF A para 9 said, and REF B para 1 and REF B para 8.')), []);
    // A gap in a copy that may be cut short is still no paragraph of it.
    assert.deepEqual(found(cable('A. NOWHERE 99\nB. STATE 200', '¶1. (C) REF B para 3 and REF B para 5.')), []);
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As REF A para 9 said.'), {}), []);
    // The cable's own paragraphs ("see para 9") are CBL045's.
    assert.deepEqual(found(cable('A. NOWHERE 100', '¶1. (C) As para 9 says.')), []);
  });

  it('asks the workspace of the cables the REF items cite, and reads the text for mentions only when it holds one', () => {
    const asked: string[] = [];
    const context: LintContext = { citedParagraphs: (id) => (asked.push(id), copies.get(id)) };
    assert.deepEqual(found(cable('A. NOWHERE 99\nB. STATE 300', '¶1. (C) As REF A para 9 said, and REF B para 2.'), context), []);
    assert.deepEqual(asked, ['09NOWHERE99', '09STATE300']);
    // One cited cable known: the mentions are read, and each is looked up.
    asked.length = 0;
    assert.equal(found(cable('A. NOWHERE 99\nB. NOWHERE 100', '¶1. (C) As REF A para 9 said, and REF B para 9.'), context).length, 1);
    assert.deepEqual(asked, ['09NOWHERE99', '09NOWHERE100', '09NOWHERE99', '09NOWHERE100']);
  });

  it('reads the citing cable\'s year from its file name when its text gives no date, as links do', () => {
    const text = cable('A. NOWHERE 100', '¶1. (C) As REF A para 9 said.', false);
    assert.deepEqual(found(text), []);
    assert.equal(found(text, { fileName: '/cables/09NOWHERE123.txt', citedParagraphs: (id) => copies.get(id) }).length, 1);
  });

  it('reads a cited copy as CBL045 reads its own paragraphs: none when it may lack sections or has no numbered paragraphs', () => {
    const of = (text: string) => paragraphCopy(parseCable(text).cable);
    const head = (banner: string) => `${banner}\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: X\n\n`;
    assert.deepEqual(of(`${head('C O N F I D E N T I A L NOWHERE 000100')}¶1. (C) One.\n\n¶2. (C) Two.\n\nDOE\n`), { numbers: [1, 2], ended: true });
    assert.deepEqual(of(`${head('C O N F I D E N T I A L NOWHERE 000100')}¶1. (C) One.\n\n¶3. (C) The talks went on into the night.\n`), { numbers: [1, 3], ended: false });
    assert.equal(of(`${head('C O N F I D E N T I A L SECTION 02 OF 03 NOWHERE 000100')}¶4. (C) Four.\n\nDOE\n`), undefined);
    assert.equal(of(`${head('C O N F I D E N T I A L NOWHERE 000100')}Text without numbers.\n\nDOE\n`), undefined);
  });
});
