/**
 * Grammar tests with VS Code's own tokenizer (vscode-textmate + vscode-oniguruma):
 * baselines in the TypeScript-TmLanguage style, scope suffixes, the generated
 * JSON, the corpus, a 16,000-character line, and the snippets.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import type { TextEdit } from 'vscode-languageserver';
import { newCableSnippet } from '../../client/src/newCable';
import { buildGrammar } from '../../scripts/build-grammar.mjs';
import { lintCable } from '../../server/src/core/lint';
import tagData from '../../server/src/core/data/tagCodes.json';
import { parseCable } from '../../server/src/core/parse/index';
import { continuesTags } from '../../server/src/core/parse/metadata';
import { getCompletions } from '../../server/src/features/completion';
import { getOnTypeFormattingEdits } from '../../server/src/features/onTypeFormatting';
import { defaultDictionaries } from '../../server/src/features/dictionaries';
import { orderInEffect } from '../../server/src/core/rules/cbl041-eo-order-after-cable';
import { assertLinearTime, corpusDir, corpusFiles, expectBaseline, JAN_1, MAY_14, ROOT, snippetVariables, type Clock } from '../helpers';
import { FIELDS, fieldDisagreements, type Field } from './fields';

const GRAMMAR = path.join(ROOT, 'syntaxes/cable.tmLanguage.json');
let grammar: vsctm.IGrammar;

/** Tokenizes a text line by line; returns tokens with their scopes (the root scope dropped). */
export function tokenize(g: vsctm.IGrammar, text: string): { line: string; tokens: { start: number; end: number; scopes: string[] }[] }[] {
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    return { line, tokens: r.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), scopes: t.scopes.slice(1) })) };
  });
}

/** Loads the grammar with the engine VS Code uses. */
export async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR),
  });
  const g = await registry.loadGrammar('text.cable');
  assert.ok(g);
  return g;
}

/** A baseline: each line, then a caret line and scopes under every scoped token. */
function baseline(source: string): string {
  let out = `original file\n-----------------------------------\n${source}\n-----------------------------------\n\nGrammar: cable.tmLanguage\n-----------------------------------\n`;
  for (const { line, tokens } of tokenize(grammar, source)) {
    out += `>${line}\n`;
    for (const t of tokens) {
      if (t.scopes.length === 0 || t.end <= t.start) continue;
      out += ` ${' '.repeat(t.start)}${'^'.repeat(t.end - t.start)}\n ${' '.repeat(t.start)}text.cable ${t.scopes.join(' ')}\n`;
    }
  }
  return out;
}

describe('grammar', function () {
  this.timeout(60000);
  before(async () => {
    grammar = await loadGrammar();
  });

  /**
   * The parser's headings (the line each title starts on) and the grammar's tokens of `text`, and whether line `n` holds a
   * token the grammar colors as a heading.
   */
  function headingsOf(text: string) {
    const { cable } = parseCable(text);
    const read = new Set(cable.headings.map((h) => h.text.range.start.line));
    const lines = tokenize(grammar, text);
    const heading = (n: number) => lines[n].tokens.some((t) => t.end > t.start && t.scopes.includes('markup.heading.cable'));
    return { cable, read, lines, heading };
  }

  /** Asserts that neither the parser nor the grammar reads a heading on any of the lines `numbers` of a text ({@link headingsOf}). */
  function assertNoHeading({ read, lines, heading }: ReturnType<typeof headingsOf>, numbers: readonly number[]): void {
    for (const n of numbers) {
      assert.ok(!read.has(n), `the parser reads ${lines[n].line} as a heading`);
      assert.ok(!heading(n), `${lines[n].line} colored as a heading`);
    }
  }

  /** Asserts that the parser reads a heading on each of the lines `numbers` of a text and the grammar colors it as one ({@link headingsOf}). */
  function assertHeading({ read, lines, heading }: ReturnType<typeof headingsOf>, numbers: readonly number[]): void {
    for (const n of numbers) {
      assert.ok(read.has(n), `the parser reads no heading on ${lines[n].line}`);
      assert.ok(heading(n), `${lines[n].line} not colored as a heading`);
    }
  }

  it('the JSON is generated from the YAML source', () => {
    assert.equal(fs.readFileSync(GRAMMAR, 'utf8'), buildGrammar(), 'run node scripts/build-grammar.mjs');
  });

  it('every scope in the grammar ends in .cable', () => {
    const bad: string[] = [];
    const visit = (v: unknown, key?: string) => {
      if (typeof v === 'string' && (key === 'name' || key === 'contentName') && !v.split(' ').every((s) => s.endsWith('.cable'))) bad.push(v);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) visit(c, k);
    };
    visit(JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')).repository);
    assert.deepEqual(bad, [], 'INCORRECT_SCOPE_EXTENSION');
  });

  const cases = fs.readdirSync(path.join(__dirname, 'cases')).filter((f) => f.endsWith('.txt'));
  for (const c of cases) {
    it(`matches its baseline: ${c}`, () => {
      const source = fs.readFileSync(path.join(__dirname, 'cases', c), 'utf8').replace(/\n$/, '');
      const out = baseline(source);
      for (const scope of out.match(/text\.cable [^\n]+/g) ?? []) {
        for (const s of scope.split(' ').slice(1)) assert.ok(s.endsWith('.cable'), `INCORRECT_SCOPE_EXTENSION ${s}`);
      }
      expectBaseline(path.join(__dirname, 'baselines', c.replace(/\.txt$/, '.baseline.txt')), out);
    });
  }

  it('scopes each banner level, marking level, control and TAG distinctly', () => {
    const lines = tokenize(grammar, 'S E C R E T AMMAN 000001\nC O N F I D E N T I A L AMMAN 000001\nUNCLAS AMMAN 000001\nTAGS: PREL JO\n¶1. (S/NF) Text.');
    const scopeAt = (line: number, text: string) => {
      const l = lines[line];
      const start = l.line.indexOf(text);
      return l.tokens.find((t) => t.start <= start && start < t.end)!.scopes.join(' ');
    };
    assert.match(scopeAt(0, 'S E C R E T'), /banner\.secret\.cable/);
    assert.match(scopeAt(1, 'C O N'), /banner\.confidential\.cable/);
    assert.match(scopeAt(2, 'UNCLAS'), /banner\.unclassified\.cable/);
    assert.match(scopeAt(3, 'PREL'), /variable\.other\.tag\.cable/);
    assert.match(scopeAt(4, '¶1.'), /constant\.numeric\.paragraph\.cable/);
    assert.match(scopeAt(4, 'S/'), /marking\.secret\.cable/);
    assert.match(scopeAt(4, 'NF'), /constant\.other\.control\.cable/);
    assert.doesNotMatch(scopeAt(4, 'Text'), /cable/);
  });

  /** The scopes at the first character of `text` on line `n` of `lines`, joined, or '' where none is. */
  const scopesAt = (lines: ReturnType<typeof tokenize>, n: number, text: string) => {
    const at = lines[n].line.indexOf(text);
    assert.ok(at >= 0, `${text} on line ${n}`);
    return lines[n].tokens.find((t) => t.start <= at && at < t.end)?.scopes.join(' ') ?? '';
  };

  it('colors a handling notice split over two lines on both lines, and no prose that only starts like one', () => {
    // "… NOT FOR INTERNET" ⏎ "DISTRIBUTION.": the notice's words on the second line were left uncolored.
    const lines = tokenize(grammar, [
      '¶2. (U) THIS MESSAGE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR INTERNET',
      'DISTRIBUTION.',
      '¶3. (SBU) This cable is sensitive but unclassified and not for internet',
      'distribution. Handle accordingly.',
      '(U) THIS CABLE IS SENSITIVE BUT',
      'UNCLASSIFIED AND NOT',
      'FOR INTERNET DISTRIBUTION.',
      '¶4. (U) We will not for',
      'now say more, and the unclassified draft goes to distribution.',
      'THE OFFER IS NOT FOR',
      'SALE.',
      '¶5. (U) THE OLD PIER WAS SENSITIVE BUT',
      'SAFE, AND THE OFFER WAS NOT FOR',
      'SALE.',
    ].join('\n'));
    const caveat = /storage\.modifier\.caveat\.cable/;
    assert.match(scopesAt(lines, 0, 'NOT FOR INTERNET'), caveat);
    assert.match(scopesAt(lines, 1, 'DISTRIBUTION'), caveat);
    assert.match(scopesAt(lines, 2, 'not for internet'), caveat);
    assert.match(scopesAt(lines, 3, 'distribution'), caveat);
    assert.doesNotMatch(scopesAt(lines, 3, 'Handle'), caveat);
    assert.match(scopesAt(lines, 4, 'SENSITIVE BUT'), caveat);
    assert.match(scopesAt(lines, 5, 'UNCLASSIFIED'), caveat);
    assert.match(scopesAt(lines, 5, 'NOT'), caveat);
    assert.match(scopesAt(lines, 6, 'FOR INTERNET DISTRIBUTION'), caveat);
    // Prose in small letters that ends a line with "not for", and a line that does not go on with the notice.
    assert.doesNotMatch(scopesAt(lines, 7, 'not for'), caveat);
    assert.doesNotMatch(scopesAt(lines, 8, 'distribution'), caveat);
    assert.doesNotMatch(scopesAt(lines, 10, 'SALE'), caveat);
    // Capitals prose that ends a line with "NOT FOR" was colored as a notice before the next line could say it was none.
    assert.doesNotMatch(scopesAt(lines, 11, 'SENSITIVE BUT'), caveat);
    assert.doesNotMatch(scopesAt(lines, 12, 'NOT FOR'), caveat);
    assert.doesNotMatch(scopesAt(lines, 12, 'SAFE'), /heading/);
  });

  it('colors the fields and markings the parser reads from OCR damage as what they are read as, with a misread scope, and no prose like them', () => {
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123',
      '',
      'E.O. 12958: DECL: 12l31/2019',
      'TAG5: PREL, PGOV',
      'SUBJ ECT: FERRY TALKS AT PORT NOWHERE',
      '',
      '¶1. (C1NF) The talks resumed.',
      '¶2. (SNF) The talks went on.',
      '¶3. (CIINF) The board met.',
      '¶4. (CINC) The talks ended.',
      'TASS: OTHERLAND SAYS THE FERRY WILL SAIL',
      'SUBJECTS: THE FERRY AND THE PIER',
    ].join('\n');
    const lines = tokenize(grammar, text);
    const { cable } = parseCable(text);
    assert.match(scopesAt(lines, 2, '12l31'), /constant\.numeric\.date\.misread\.cable/);
    assert.match(scopesAt(lines, 3, 'TAG5'), /keyword\.other\.field\.tags\.misread\.cable/);
    assert.match(scopesAt(lines, 3, 'PGOV'), /variable\.other\.tag\.cable/);
    assert.match(scopesAt(lines, 4, 'SUBJ ECT'), /keyword\.other\.field\.subject\.misread\.cable/);
    assert.match(scopesAt(lines, 4, 'FERRY'), /entity\.name\.function\.subject\.cable/);
    // The markings: the level and NOFORN as the parser reads them, the character read for the slash scoped as misread.
    assert.deepEqual(cable.paragraphs.slice(0, 3).map((p) => [p.portion?.level, p.portion?.controls.join()]), [['CONFIDENTIAL', 'NF'], ['SECRET', 'NF'], ['CONFIDENTIAL', 'NF']]);
    assert.match(scopesAt(lines, 6, 'C1NF'), /marking\.confidential\.cable/);
    assert.match(scopesAt(lines, 6, '1NF'), /punctuation\.separator\.marking\.misread\.cable/);
    assert.match(scopesAt(lines, 6, 'NF'), /constant\.other\.control\.cable/);
    assert.match(scopesAt(lines, 7, 'SNF'), /marking\.secret\.cable/);
    assert.match(scopesAt(lines, 7, 'NF)'), /constant\.other\.control\.cable/);
    assert.match(scopesAt(lines, 8, 'IINF'), /punctuation\.separator\.marking\.misread\.cable/);
    // "(CINC)" is prose to the parser; a label one letter off before no TAG code, or a longer word, is no field.
    assert.equal(cable.paragraphs[3].portion?.level, undefined);
    assert.doesNotMatch(scopesAt(lines, 9, 'CINC'), /marking/);
    assert.doesNotMatch(scopesAt(lines, 10, 'TASS'), /field/);
    assert.doesNotMatch(scopesAt(lines, 11, 'SUBJECTS'), /field/);
  });

  // A DTG typed or scanned with a letter for a digit (readMisreadDtg): colored as the DTG, with a misread scope, exactly where the
  // parser reads the group, and as no DTG (nor a heading) where it reads none (an L for the 1 in a copy in capitals, a year of
  // four, a group cut short).
  it('colors a DTG with a letter for a digit as the DTG, with a misread scope, where the parser reads it, and none where it does not', () => {
    const groups = [
      'P 11l453Z AUG O6', 'R 161417Z N0V 09', 'O R 1I1453Z AUG 06', 'P OOOOOOZ AUG OO', 'P 11l453Z AUG O6 ZDK', 'P 11l453Z 0CT 06', 'P 11l453Z SFP 09',
      'P 111453Z AUG 06', 'P 11L453Z AUG 06', 'P 11l453Z AUG 2006', 'P 11l453Z AUG O', 'P 11l453Z AUG O6,', 'P 11lx53Z AUG 06',
    ];
    let misread = 0;
    for (const group of groups) {
      for (const text of [group, group.toUpperCase()].map((g) => `${g}\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC 0412\nBT\nC O N F I D E N T I A L NOWHERE 000123\n`)) {
        const dtg = parseCable(text).cable.header?.dtg;
        const [first, from] = tokenize(grammar, text);
        const colored = first.tokens.filter((t) => t.scopes.some((s) => /^constant\.numeric\.dtg\./.test(s)));
        const line = JSON.stringify(first.line);
        assert.equal(colored.map((t) => first.line.slice(t.start, t.end)).join(''), dtg?.dtg?.token.text ?? '', line);
        assert.equal(colored.some((t) => t.scopes.includes('constant.numeric.dtg.misread.cable')), dtg?.misread !== undefined, line);
        if (dtg?.misread !== undefined) misread++;
        assert.ok(!first.tokens.some((t) => t.scopes.includes('markup.heading.cable')), `${line} colored as a heading`);
        // The FM line under a DTG the parser reads is the header's, as under one written right.
        if (dtg?.dtg) assert.match(from.tokens.map((t) => t.scopes.join(' ')).join(' '), /string\.unquoted\.address\.cable/);
      }
    }
    assert.ok(misread >= 8, `only ${misread} misread groups`);
  });

  // A REF or Classified By label one character off or split by a stray space (misspeltLabel): colored as the label, with a
  // misread scope, its field read on after it, where the parser reads it; none where it does not (no colon, the letters right
  // with no space, too far from the line's start). The field comparison below checks the fields letter for letter.
  it('colors a misspelt REF or Classified By label as the label, with a misread scope, where the parser reads it, and none where it does not', () => {
    const labels: [string, string][] = [
      ['REP: A. 09 NOWHERE 123', 'REP'], ['R EF: A. 09 NOWHERE 123', 'R EF'], ['RFE: 09 NOWHERE 123', 'RFE'], ['rep: a. 09 nowhere 123', 'rep'],
      ['RE: A. 09 NOWHERE 123', ''], ['REPORT: 09 NOWHERE 123', ''],
      ['CLASSIFIED B Y: JANE ROE, CONSUL, REASONS 1.4 (B)', 'CLASSIFIED B Y'], ['Classifed By: Jane Roe, reasons 1.4 (b)', 'Classifed By'],
      ['CLASSIFlED BY: JANE ROE, REASONS 1.4 (D)', 'CLASSIFlED BY'], ['Classified Bv: Jane Roe, reasons 1.4 (b)', 'Classified Bv'],
      ['CLASSIFlED BY JANE ROE, REASONS 1.4 (D)', ''], ['ClassifiedBy: Jane Roe, reasons 1.4 (b)', ''], ['C L A S S I F I E D BY: JANE ROE', ''],
    ];
    for (const [label, keyword] of labels) {
      const text = `C O N F I D E N T I A L NOWHERE 000123\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n${label}\n\n¶1. (C) The talks resumed.\n`;
      const { cable } = parseCable(text);
      const read = cable.refs?.keyword.range.start.line === 5 ? cable.refs.keyword : cable.classifiedBy?.keyword.range.start.line === 5 ? cable.classifiedBy.keyword : undefined;
      assert.equal(read?.text.replace(/[ \t]*[:;]$/, '') ?? '', keyword, `the parser's reading of ${label}`);
      const line = tokenize(grammar, text)[5];
      const scoped = line.tokens.filter((t) => t.scopes.some((s) => /^keyword\.other\.field\.(?:ref|classified-by)\.misread\.cable$/.test(s)));
      assert.equal(scoped.map((t) => line.line.slice(t.start, t.end)).join(''), keyword, label);
    }
  });

  // An address list goes on only over lines the parser reads as addressees: a line of capitals prose with no sign of an address
  // under an address line in the text ("INFO SECDEF WASHDC" ⏎ "THE MINISTER WILL RETURN"), a caveat right under the list in a
  // copy that lost its blank lines ("SIPDIS", 09LAPAZ96) and a rule are none.
  it('colors as addresses in an address list only the lines the parser reads as addressees, not prose, a caveat or a rule under it', () => {
    const texts = [
      ['P 221415Z JUL 09', 'FM AMEMBASSY NOWHERE', 'TO RUEHC/SECSTATE WASHDC 0412', 'INFO RUEHNO/USDELMC NOWHERE BE', 'WESTERN HARBOR AFFAIRS DIPL POSTS', 'HQ USHARBORCOM NOWHERE', 'SIPDIS', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS'],
      ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', '¶1. (C) THE MINISTER SAID HE HAD SENT A NOTE.', '', 'INFO SECDEF WASHDC', 'THE MINISTER WILL RETURN', 'HARBOR FEES', '', 'TO RUEHC/SECSTATE WASHDC 0412', '---', 'TO AMEMBASSY NOWHERE', 'ISSUES FOR THE BOARD'],
    ].map((l) => l.join('\n'));
    let addresses = 0;
    for (const text of texts) {
      const { cable } = parseCable(text);
      const read = new Set<number>();
      const h = cable.header;
      for (const a of [...(h?.to ?? []), ...(h?.info ?? []), ...(h?.xmt ?? [])]) read.add(a.range.start.line);
      if (h?.from) read.add(h.from.range.start.line);
      tokenize(grammar, text).forEach(({ line, tokens }, i) => {
        const address = tokens.some((t) => t.end > t.start && t.scopes.includes('string.unquoted.address.cable'));
        if (address) addresses++;
        // The lines in the text that give an address away ("INFO SECDEF WASHDC") stay addresses: a line grammar cannot see the header ended.
        if (/WASHDC|AMEMBASSY/.test(line) && !read.has(i)) return;
        assert.equal(address, read.has(i), `${JSON.stringify(line)}: parser ${read.has(i)}`);
      });
    }
    assert.ok(addresses >= 7, `only ${addresses} address lines`);
  });

  // An address ends no sentence: a line of capitals prose right under an address line ("INFO SECDEF WASHDC" ⏎ "THE MINISTER
  // WILL RETURN", "SECDEF WASHDC" ⏎ "LAST WEEK BY THE ATTACHE") goes on with it, no heading, as the parser reads it; the address
  // line's pattern took its line's end, so that no `continued` region opened under it. A title under a blank line stays one.
  it('colors no line of capitals prose right under an address line as a heading, and the address still as one', () => {
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶1. (C) THE BOARD SENT ITS NOTE ON.', '',
      'INFO SECDEF WASHDC', 'THE MINISTER WILL RETURN', '',
      'TO RUEHC/SECSTATE WASHDC PRIORITY 0412', 'BOARD MEETS ON MONDAY', '',
      'SECDEF WASHDC', 'LAST WEEK BY THE ATTACHE', '',
      'ZEN/AMCONSUL NOWHERE', 'THE FERRY BOARD MET', '',
      'GULF STATES COLLECTIVE', 'MET ON MONDAY AT THE PORT', '',
      'HARBOR FEES', '', '¶2. (C) The talks ended.',
    ].join('\n');
    const { cable } = parseCable(text);
    const read = new Set(cable.headings.map((h) => h.text.range.start.line));
    const lines = tokenize(grammar, text);
    const has = (n: number, scope: string) => lines[n].tokens.some((t) => t.end > t.start && t.scopes.includes(scope));
    for (const n of [9, 12, 15, 18, 21]) {
      assert.ok(has(n - 1, 'string.unquoted.address.cable'), `${lines[n - 1].line} not colored as an address`);
      assert.ok(!read.has(n), `the parser reads ${lines[n].line} as a heading`);
      assert.ok(!has(n, 'markup.heading.cable'), `${lines[n].line} colored as a heading`);
      assert.ok(!has(n, 'string.unquoted.address.cable'), `${lines[n].line} colored as an address`);
    }
    assert.ok(read.has(23) && has(23, 'markup.heading.cable'), 'HARBOR FEES');
  });

  // "P 28849Z MAY 09": a DTG line whose group lost or gained a digit or lost its Z, which the parser reads as the header's DTG line,
  // malformed (DTG_LOOSE); the grammar left it uncolored, or colored it as a heading. A group of three digits is none.
  it('colors a DTG line the parser reads in a loose shape as the DTG line, its group with a misread scope, and the FM line under it', () => {
    const lines = ['P 28849Z MAY 09', 'R 1614170Z DEC 09', 'O 280849 MAY 09', 'O R 2808Z', 'P 280849Z MAYY 09 ZDK', 'P 123Z MAY 09'];
    for (const dtgLine of lines) {
      const text = `RR RUEHWEB\nDE RUEHNO #0412/01 1601417\nZNY CCCCC ZZH\n${dtgLine}\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC 0412\nBT\nC O N F I D E N T I A L NOWHERE 000123\n`;
      const { cable } = parseCable(text);
      const loose = cable.header?.lines.find((l) => l.line === 3)?.kind === 'dtg' && cable.header.dtg?.dtg === undefined;
      assert.equal(loose, dtgLine !== 'P 123Z MAY 09', `the parser's reading of ${dtgLine}`);
      const [first, from] = tokenize(grammar, text).slice(3);
      const scoped = (re: RegExp) => first.tokens.filter((t) => t.end > t.start && t.scopes.some((s) => re.test(s))).map((t) => first.line.slice(t.start, t.end));
      if (!loose) {
        assert.deepEqual(scoped(/^constant\.numeric\.dtg\./), [], dtgLine);
        continue;
      }
      assert.equal(scoped(/^keyword\.control\.precedence\.cable$/).join(' '), dtgLine.startsWith('O R') ? 'O R' : dtgLine[0], dtgLine);
      assert.equal(scoped(/^constant\.numeric\.dtg\.misread\.cable$/).join(''), dtgLine.replace(/^(?:[OPR] )+/, '').replace(/ ZDK$/, '').replace(/ MAYY 09$/, ''), dtgLine);
      assert.deepEqual(scoped(/^markup\.heading\.cable$/), [], dtgLine);
      assert.match(from.tokens.map((t) => t.scopes.join(' ')).join(' '), /string\.unquoted\.address\.cable/, dtgLine);
    }
  });

  // The parser reads a DTG line only in the header: in the text, under the first numbered paragraph, a line of that loose shape
  // ("P 28849Z MAY 09", "O R 2808Z") is no DTG line, and the grammar colors neither its prosigns nor its group.
  it('colors no loose DTG line in the text, where the parser reads none', () => {
    const body = ['P 28849Z MAY 09', 'O R 2808Z', 'R 1614170Z DEC 09 THE BOARD MET'];
    const text = ['RR RUEHWEB', 'DE RUEHNO #0412/01 1601417', 'ZNY CCCCC ZZH', 'P 28849Z MAY 09', 'FM AMEMBASSY NOWHERE', 'TO RUEHC/SECSTATE WASHDC 0412', 'BT',
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', '¶1. (C) The talks resumed.', '', ...body, '', '¶2. (C) The talks ended.'].join('\n');
    const { cable } = parseCable(text);
    const lines = tokenize(grammar, text);
    const dtgScoped = (n: number) => lines[n].tokens.some((t) => t.end > t.start && t.scopes.some((sc) => /^constant\.numeric\.dtg\.|^keyword\.control\.precedence\./.test(sc)));
    assert.equal(cable.header?.lines.find((l) => l.line === 3)?.kind, 'dtg');
    assert.ok(dtgScoped(3), 'the header\'s loose DTG line not colored');
    for (let n = 15; n < 15 + body.length; n++) {
      assert.ok(!cable.header?.lines.some((l) => l.line === n), `the parser reads ${lines[n].line} in the header`);
      assert.ok(!dtgScoped(n), `${lines[n].line} colored as a DTG line`);
    }
  });

  // The parser reads a misspelt field label (misspeltLabel) only in the metadata: in the text, under the first numbered
  // paragraph, "TAG5:", "SUBJ ECT:", "REP:" or "CLASSIFIED B Y:" opens no field, and the grammar colors none as a label.
  it('colors no misspelt field label in the text, where the parser reads none', () => {
    const body = ['TAG5: PREL, PGOV', 'SUBJ ECT: FERRY TALKS AT PORT NOWHERE', 'REP: A. 09 NOWHERE 123', 'CLASSIFIED B Y: JANE ROE, CONSUL, REASONS 1.4 (B)', 'TACS PGOV, ECON'];
    const text = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', '¶1. (C) The talks resumed.', '', ...body.flatMap((l) => [l, '']), '¶2. (C) The talks ended.'].join('\n');
    const { cable } = parseCable(text);
    const lines = tokenize(grammar, text);
    const keywords = [cable.tags?.keyword, cable.subject?.keyword, cable.refs?.keyword, cable.classifiedBy?.keyword].filter((k) => k !== undefined);
    body.forEach((_, k) => {
      const n = 8 + 2 * k;
      assert.ok(!keywords.some((t) => t.range.start.line === n), `the parser reads a field on ${lines[n].line}`);
      assert.ok(!lines[n].tokens.some((t) => t.end > t.start && t.scopes.some((sc) => /^keyword\.other\.field\.[a-z-]+\.misread\.cable$/.test(sc))), `${lines[n].line} colored as a field's label`);
    });
  });

  // A subject broken by a blank line, a REF or Classified By field under it: the line of capitals under the blank one is the
  // subject's, as the parser reads it, no heading (`subject-gap`, parser59: 09BRASILIA1460, 10SHENYANG4); a subject wrapped with
  // no blank line goes on as before, and under the blank line a field, a misspelt label or "SUMMARY" is read as it was.
  it('colors the line of capitals under a blank line that breaks a subject as the subject, no heading, and what else stands there as before', () => {
    const head = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL'];
    const subjectText = (lines: ReturnType<typeof tokenize>, n: number) => lines[n].tokens.filter((t) => t.scopes.includes('entity.name.function.subject.cable')).map((t) => lines[n].line.slice(t.start, t.end)).join('').trim();
    const headingOn = (lines: ReturnType<typeof tokenize>, n: number) => lines[n].tokens.some((t) => t.end > t.start && t.scopes.includes('markup.heading.cable'));
    const text = [...head, 'SUBJECT: FERRY TALKS AND OTHER TALKS TO PROTECT THE', '', 'HARBOR - MAKING REAL PROGRESS', '', 'REF: NOWHERE 12', '', 'Classified By: Jane Roe, reasons 1.4 (b).', '', '¶1. (C) Text.', ''].join('\n');
    const { cable } = parseCable(text);
    const lines = tokenize(grammar, text);
    assert.equal(cable.subject?.text, 'FERRY TALKS AND OTHER TALKS TO PROTECT THE HARBOR - MAKING REAL PROGRESS');
    assert.equal(subjectText(lines, 6), 'HARBOR - MAKING REAL PROGRESS');
    assert.ok(!headingOn(lines, 6), 'colored as a heading');
    assert.match(lines[8].tokens.map((t) => t.scopes.join(' ')).join(' '), /keyword\.other\.field\.ref\.cable/);
    assert.match(lines[10].tokens.map((t) => t.scopes.join(' ')).join(' '), /keyword\.other\.field\.classified-by\.cable/);
    // Wrapped with no blank line, the subject goes on; under a blank line, "SUMMARY" and a misspelt label are no subject.
    const wrapped = tokenize(grammar, [...head, 'SUBJECT: FERRY TALKS AND', '2009 HARBOR FEES', '', 'SUMMARY', '', '¶1. (C) Text.'].join('\n'));
    assert.deepEqual([subjectText(wrapped, 5), subjectText(wrapped, 7)], ['2009 HARBOR FEES', '']);
    const misread = tokenize(grammar, [...head, 'SUBJECT: FERRY TALKS AND', '', 'SUBIECT: PIER FEES', '', '¶1. (C) Text.'].join('\n'));
    assert.match(misread[6].tokens.map((t) => t.scopes.join(' ')).join(' '), /keyword\.other\.field\.subject\.misread\.cable/);
  });

  // Under a subject broken by a blank line, a paragraph's number misread ("P2. (C)", "q3. (C)", "l. (C)", "l2. (C)") opens the
  // first paragraph, as the parser reads it (metadata.ts PARAGRAPH_START) though a REF field follows: the subject and the head
  // end there, so the line is no subject's and the line under it no REF item's ("L. (C) SUMMARY: …", an item in capitals), as
  // in the capitals copy of transcribed.txt. A line the parser reads as the subject's there ("Q3. (C)": it takes a small q
  // only) is colored as the subject, as before; and a subject wrapped with no blank line ends at such a number too.
  it('ends a subject broken by a blank line, and the head, at a misread paragraph number', () => {
    const head = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL'];
    const on = (lines: ReturnType<typeof tokenize>, n: number, scope: string) => lines[n].tokens.some((t) => t.end > t.start && t.scopes.includes(scope));
    const cable = (line: string, gap = ['']) => [...head, 'SUBJECT: FERRY TALKS AND OTHER TALKS TO PROTECT THE', ...gap, line, 'L. (C) SUMMARY: THE BOARD MET.', '', 'REF: NOWHERE 12', '', '¶3. (C) TEXT.', ''].join('\n');
    for (const [marker, gap] of [['P2.', ['']], ['q3.', ['', '']], ['l.', ['']], ['l2.', ['']], ['P2.', []]] as const) {
      const text = cable(`${marker} (C) THE MINISTRY AGREED.`, [...gap]);
      const n = 5 + gap.length;
      const { cable: c } = parseCable(text);
      assert.equal(c.bodyStartLine, n, `${marker} opens the body`);
      assert.equal(c.subject?.text, 'FERRY TALKS AND OTHER TALKS TO PROTECT THE', marker);
      assert.equal(c.refs, undefined, marker);
      const lines = tokenize(grammar, text);
      assert.ok(!on(lines, n, 'entity.name.function.subject.cable'), `${marker}: its line colored as the subject`);
      assert.ok(!on(lines, n + 1, 'constant.character.ref-letter.cable'), `${marker}: the line under it colored as a REF item`);
      // The parser numbers "l2." only as the next number; the grammar colors each before a marking (`paragraph`).
      assert.equal(scopesAt(lines, n, marker), 'constant.numeric.paragraph.cable', marker);
    }
    const text = cable('Q3. (C) THE MINISTRY AGREED');
    assert.equal(parseCable(text).cable.subject?.text, 'FERRY TALKS AND OTHER TALKS TO PROTECT THE Q3. (C) THE MINISTRY AGREED');
    assert.ok(on(tokenize(grammar, text), 6, 'entity.name.function.subject.cable'), 'Q3. (C) under the blank line');
  });

  // Every shape of a paragraph's number the parser reads, and only those: a P (with one space after it or none), a q, a pilcrow
  // or nothing before one to three digits, "l", "I" or "O" read for some, then a full stop, two, a space and one, a comma, a
  // colon, a semicolon or nothing before the marking. Each stands where the parser expects its number, after the paragraphs
  // before it, so that only its shape decides; an "II." further on makes "I." an outline's numeral to the parser, as the
  // grammar always reads it. "P 2. (C)", the pilcrow's space after a P read for it, was read by the parser only.
  // A marking in small letters ("l. (c)", "1O. (s)", "P2. (s//nf)", "¶ l. (sbu)"), which the parser reads after a misread number
  // as after any other (parsePortionMarking reads a level in any case), is colored as the marking and the number before it
  // too, as after "2. (c)"; a bare number with no full stop before it ("l2 (c)", "l, (c)", and "2 (c)", "2, (c)" unmisread) is
  // left uncolored, as "3 (c) of the act" is: the parser reads one only as the next number, which a line grammar cannot know.
  // Its marking after a brace ("l. {c)") the parser reads after no misread number, and the grammar colors none.
  it('colors as a paragraph number exactly the misread and damaged shapes the parser reads before a marking', () => {
    const before = (n: number) => Array.from({ length: n - 1 }, (_, k) => `¶${k + 1}. (C) Text ${k + 1}.\n\n`).join('');
    const numbers: [string, number][] = [['2', 2], ['l', 1], ['I', 1], ['II', 2], ['1O', 10], ['lO', 10], ['l2', 12], ['I2', 12], ['1l', 11], ['O2', 2], ['02', 2]];
    const disagreements: string[] = [];
    const markings: string[] = [];
    // The markings in small letters taken in turn, one for each shape, so that the shapes are not read four times over.
    const small = ['(c)', '(s//nf)', '( sbu )', '(Secret)'];
    let read = 0;
    let turn = 0;
    for (const lead of ['', 'P', 'P ', 'P\t', 'q', 'q ', 'Q', 'p', '¶', '¶ ']) {
      for (const [digits, n] of numbers) {
        for (const stop of ['.', '..', '...', ' .', ',', ':', ';', '', ' ,']) {
          for (const marking of ['(C)', '{C)', small[turn++ % small.length]]) {
            const line = `${lead}${digits}${stop} ${marking} The ministry agreed.`;
            const text = `S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n${before(n)}${line}\n\nII. (C) BACKGROUND\n`;
            const at = 5 + 2 * (n - 1);
            assert.equal(text.split('\n')[at], line);
            const paragraph = parseCable(text).cable.paragraphs.find((p) => p.range.start.line === at);
            const tokens = tokenize(grammar, text)[at].tokens;
            const colored = tokens.some((t) => t.scopes.includes('constant.numeric.paragraph.cable'));
            // A bare number with no full stop before a marking in small letters: uncolored whatever the parser reads.
            const parsed = paragraph !== undefined && !(lead === '' && !stop.includes('.') && marking !== marking.toUpperCase());
            if (parsed) read++;
            if (parsed !== colored) disagreements.push(`${JSON.stringify(line)}: the parser reads ${parsed ? 'a' : 'no'} paragraph, the grammar colors ${colored ? 'a' : 'no'} number`);
            // The marking the parser reads after the number is colored as its level, the level's letters as written.
            const level = tokens.filter((t) => t.scopes.some((sc) => sc.startsWith('constant.language.marking.'))).map((t) => line.slice(t.start, t.end)).join('');
            const want = parsed && paragraph.portion?.level !== undefined ? /[A-Za-z]+/.exec(paragraph.portion.token.text)![0] : '';
            if (colored && level !== want) markings.push(`${JSON.stringify(line)}: the parser reads the level ${JSON.stringify(want)}, the grammar colors ${JSON.stringify(level)}`);
          }
        }
      }
    }
    assert.deepEqual(disagreements, []);
    assert.deepEqual(markings, []);
    assert.ok(read > 850, `the parser reads only ${read} of the shapes`);
    const lines = tokenize(grammar, 'S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) One.\n\nP 2. (C) The ministry agreed.\n');
    assert.equal(scopesAt(lines, 7, 'P 2.'), 'constant.numeric.paragraph.cable');
    // Some 3,000 small cables parsed and tokenized: 20 s alone, half as long again under load.
  }).timeout(180000);

  // A cable copied from its first paragraph on, that paragraph's number misread: the parser reads no metadata and the
  // paragraph, and the grammar opens no head (`head`'s `\A` look-ahead knows `{{paragraphStartMisread}}`), so that the
  // number is colored and a misspelt label or a loose DTG under it is not, as under "1. (C) …". The head was opened there and
  // never ended, its number uncolored.
  it('opens no head at a misread paragraph number on the first line, as the parser reads no metadata there', () => {
    for (const marker of ['P1.', 'q1.', 'l.']) {
      const text = `${marker} (C) THE MINISTRY AGREED.\nTAG5: PREL\nP 28849Z MAY 09\n`;
      const { cable } = parseCable(text);
      assert.deepEqual(cable.paragraphs.map((p) => p.range.start.line), [0], marker);
      assert.equal(cable.tags, undefined, marker);
      const lines = tokenize(grammar, text);
      assert.equal(scopesAt(lines, 0, marker), 'constant.numeric.paragraph.cable', marker);
      for (const n of [1, 2]) {
        assert.ok(!lines[n].tokens.some((t) => t.scopes.some((sc) => sc.includes('misread') || sc.startsWith('keyword.'))), `${marker}: ${lines[n].line} colored as a field`);
      }
    }
  });

  // "II. (C) BACKGROUND" is an outline's title with its marking, a heading where a title stands (FORMAT.md: headings are
  // lines in capitals between paragraphs; the corpus numbers such titles "II.  Country-Specific Issues", 09STATE37566): the
  // parser reads it as one between blank lines over a paragraph, and its numeral as no paragraph's, and the grammar colors
  // it so ("I. (C) INTRODUCTION", one letter and a marking, is a lettered item to both since items66). Right under a sentence's end with text right under it, the parser reads no title of any shape ("HARBOR ISSUES"
  // there is none either), which a line grammar cannot see: transcribed.txt wrote its Roman numerals there, where the two
  // disagreed, and now writes them as headings stand. A numeral of two letters or more with its full stop ("II. (C)
  // BACKGROUND", "III. THE TALKS", "IV. NEXT STEPS") opens such a title too (`{{titleCapitalsFirst}}`), where it was capitals
  // prose (a full stop after a word), between blank lines and right under a sentence's end over a blank line; a line of
  // prose after one ("II. THE TALKS WENT WELL.") is still none, nor a title after letters that make no numeral ("VIX. TALKS").
  it('colors an outline\'s title with its marking as the heading the parser reads, and its numeral as no paragraph number', () => {
    const text = 'S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ferry runs.\n\nI. (C) INTRODUCTION\n\n¶2. (C) Text.\n\nII. (C) BACKGROUND\n\n¶3. (C) Text.\n'
      + '\nIII. THE TALKS\n\n¶4. (C) Text.\n\nIV. NEXT STEPS\n\n¶5. (C) Text.\n\nXII. (S/NF) THE FERRY\n\n¶6. (C) Text.\n';
    const read = headingsOf(text);
    // "I. (C) INTRODUCTION": a single letter and a marking open a lettered item since items66, for the parser and the grammar alike.
    assertNoHeading(read, [7]);
    assertHeading(read, [11, 15, 19, 23]);
    const prose = headingsOf('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ferry runs.\n\nII. THE TALKS WENT WELL.\n\n¶2. (C) Text.\n\nVIX. TALKS\n\n¶3. (C) Text.\n');
    assertNoHeading(prose, [7]);
    assert.ok(!prose.heading(11), 'VIX. TALKS colored as a heading');
    assertHeading(headingsOf('S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) THE FERRY RUNS.\nIII. THE TALKS\n\n¶2. (C) TEXT.\n'), [6]);
    for (const n of [7, 11, 15, 19, 23]) assert.ok(!read.lines[n].tokens.some((t) => t.scopes.includes('constant.numeric.paragraph.cable')), `${read.lines[n].line}: its numeral colored as a paragraph number`);
    const source = fs.readFileSync(path.join(__dirname, 'cases/transcribed.txt'), 'utf8');
    const fixture = headingsOf(source);
    const colored = fixture.lines.flatMap((_, n) => (fixture.heading(n) ? [n] : []));
    assert.ok(colored.length >= 1);
    assertHeading(fixture, colored);
  });

  // The same titles in mixed case ("II. Background", "IV. Comment", "III. (C) Next Steps"), which the parser reads as headings
  // between blank lines over a paragraph as it reads them in capitals (isHeadingText), are colored as headings too
  // (`{{titleMixedRoman}}`), a block's opener in one colored as an opener; a line of prose after a numeral ("II. The talks went
  // well.", "IV. Costs rose, fares fell,", "V. …" of more than 12 words), a parenthesis closing none, a link, and a title right
  // under a line that ends no sentence, where the parser reads none (`continued` and `continued-prose` take the numeral), are
  // not; right under a sentence's end, where the parser reads one under a paragraph written on one line (`tightHeading`), the
  // title is colored, as a title in capitals is (a line grammar cannot see the line above's length). The parser reads any short line in mixed case alone between blank lines over a paragraph as a heading; the
  // grammar, which sees no more than the line, leaves to the server a title after letters that make no numeral ("VIX.
  // Talks"), after one letter ("I. Introduction", as it leaves "A. Next Steps") and after two spaces ("II.  Country Issues",
  // the shape of 09STATE37566's outline, whose titles the parser reads as none over a lettered item's short line).
  it('colors an outline\'s title in mixed case after a Roman numeral as the heading the parser reads, and no prose after one', () => {
    const head = 'S E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The ferry runs.\n';
    const titles = ['II. Background', 'IV. Comment', 'III. (C) Next Steps', 'XII. Harbor Fees: The Way Ahead', 'VII. "Ferry Diplomacy"', 'IX. Background (Part 2)', 'IV. Comment: The Road Ahead', 'VI. Costs?', 'II.\tBackground'];
    const text = head + titles.map((t, k) => `\n${t}\n\n¶${k + 2}. (C) Text.\n`).join('');
    const read = headingsOf(text);
    assertHeading(read, titles.map((_, k) => 7 + 4 * k));
    for (const n of titles.map((_, k) => 7 + 4 * k)) assert.ok(!read.lines[n].tokens.some((t) => t.scopes.includes('constant.numeric.paragraph.cable')), `${read.lines[n].line}: its numeral colored as a paragraph number`);
    const opener = read.lines[7 + 4 * 6];
    assert.deepEqual(opener.tokens.filter((t) => t.scopes.includes('keyword.other.block.begin.cable')).map((t) => opener.line.slice(t.start, t.end)), ['Comment']);
    const others = ['II. The talks went well.', 'IV. Costs rose, fares fell,', 'III. Costs rose; fares fell;', 'V. The minister of harbors said the board would meet on the fares in May or June', 'IV. Background)', 'II. See http://example.gov/ferry'];
    const prose = headingsOf(head + others.map((t, k) => `\n${t}\n\n¶${k + 2}. (C) Text.\n`).join(''));
    assertNoHeading(prose, others.map((_, k) => 7 + 4 * k));
    // Titles the parser reads there as it reads any short line in mixed case, which the grammar leaves to the server.
    const left = ['I. Introduction', 'II.  Country Issues', 'VIX. Talks'];
    const loose = headingsOf(head + left.map((t, k) => `\n${t}\n\n¶${k + 2}. (C) Text.\n`).join(''));
    for (const n of left.map((_, k) => 7 + 4 * k)) {
      assert.ok(loose.read.has(n), `the parser reads no heading on ${loose.lines[n].line}`);
      assert.ok(!loose.heading(n), `${loose.lines[n].line} colored as a heading`);
    }
    // Right under a line that ends no sentence, no blank line between: one that ends in a small letter, a digit or a capital.
    const under = headingsOf(`${head}\nThe talks went\nIII. Background\n\n¶2. (C) Text.\n\nThe talks in 2009\nIV. Comment: The Road Ahead\n\n¶3. (C) Text.\n\nThe talks with the EU\nII. (C) Next Steps\n\n¶4. (C) Text.\n`);
    assertNoHeading(under, [8, 13, 18]);
    // Right under a sentence's end that closes a paragraph written on one line.
    assertHeading(headingsOf(`${head}\n¶2. (C) ${'The harbor board met the ferry operators on the fares and agreed on most of the points they raised.'}\nII. Background\n\n¶3. (C) Text.\n`), [8]);
  });

  // A meeting's participants under a paragraph's line ending with "PARTICIPANTS:": a side's title over its rule, an office
  // over the names under it and a name right under a rule are no headings, as the parser reads them (`participants`); a title
  // under the next paragraph is a heading again, and so is the same office's line outside such a list.
  it('colors no heading in a list of participants, and a title after the list as one', () => {
    const head = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', ''];
    const text = [
      ...head, '¶1. (C) THE TALKS WENT WELL.', '', '¶2. (U) MEETING PARTICIPANTS:', 'NOWHERE', '--------', 'HARBOR MASTER ALAN POE',
      'MARY POE, PORT CAPTAIN', '', 'UNITED STATES:', '', 'DEPARTMENT OF HARBORS', 'JANE ROE, DEPUTY SECRETARY FOR FERRIES', 'JOHN DOE, DESK OFFICER', '',
      'MINISTRY OF PIERS', 'RICHARD ROE, DIRECTOR OF QUAYS', '',
      '¶3. (C) THE MINISTER SPOKE FIRST.', '', 'FERRY FARES', '', '¶4. (C) THE FARES WILL RISE IN JUNE AND AGAIN IN SEPTEMBER, THE MINISTER SAID.', '',
    ].join('\n');
    const headings = headingsOf(text);
    assertNoHeading(headings, [9, 11, 16, 20]);
    const { lines, read, heading } = headings;
    assert.match(lines[8].tokens.map((t) => t.scopes.join(' ')).join(' '), /constant\.numeric\.paragraph\.cable/);
    assert.ok(read.has(25) && heading(25), 'FERRY FARES');
    // The office's line alone under a blank line, outside a list of participants, is a heading as before.
    const plain = tokenize(grammar, [...head, '¶1. (C) THE TALKS WENT WELL.', '', 'MINISTRY OF PIERS', '', '¶2. (C) THE MINISTER SPOKE FIRST, AND AT LENGTH, ABOUT THE FARES.'].join('\n'));
    assert.ok(plain[8].tokens.some((t) => t.end > t.start && t.scopes.includes('markup.heading.cable')), 'MINISTRY OF PIERS outside a list');
  });

  // items66: a paragraph's lettered sub-item opened by its marking ("A. (C) FIRST ITEM HERE", "A) (C) …") is an item, no heading,
  // for the parser and the grammar alike: alone between blank lines, under a blank line with text under it, at a paragraph's last
  // line and right under a sentence, in a cable in capitals; a title of capitals after it and a lettered title with no marking stay headings.
  it('colors no lettered item opened by its marking as a heading, as the parser reads none', () => {
    const head = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', ''];
    const text = [
      ...head, '¶1. (C) THE BOARD MET TODAY:', '', 'A. (C) FIRST ITEM HERE', '', 'B) (S/NF) SECOND ITEM HERE', '', 'C. (C) THIRD ITEM HERE', 'MORE TEXT.',
      'D. (C) FOURTH ITEM HERE', '', '¶2. (C) THE BOARD MET AGAIN.', 'E. (C) FIFTH ITEM', '', 'FERRY FARES', '', '¶3. (C) THE FARES WILL RISE IN JUNE AND AGAIN IN SEPTEMBER, THE MINISTER SAID.', '',
      'A. NEXT STEPS', '', '¶4. (C) THE BOARD WILL MEET IN JULY AND AGAIN IN THE AUTUMN, THE MINISTER SAID.', '',
    ].join('\n');
    const headings = headingsOf(text);
    assertNoHeading(headings, [8, 10, 12, 14, 17]);
    assert.deepEqual(headings.cable.itemMarkings.map((m) => m.portion.token.range.start.line), [8, 10, 12, 14, 17]);
    assertHeading(headings, [19, 23]);
  });

  // The head the REF tests below set their field under (the field on line 5), and the REF letters the grammar colors and the
  // parser reads (a letter written twice giving both copies) in a cable with `ref` for its field and one paragraph under it.
  const refHead = ['C O N F I D E N T I A L NOWHERE 000001', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL', 'SUBJECT: FERRY TALKS'];
  function refLetters(ref: string): [colored: string[], read: string[]] {
    const text = [...refHead, ref, '', '1. (C) The board met.', ''].join('\n');
    const { cable } = parseCable(text);
    const lines = tokenize(grammar, text);
    const colored = lines.slice(5, 5 + ref.split('\n').length).flatMap((l) => l.tokens.filter((t) => t.end > t.start && t.scopes.includes('constant.character.ref-letter.cable')).map((t) => l.line.slice(t.start, t.end)));
    return [colored, (cable.refs?.items ?? []).flatMap((i) => [i.doubledLetter, i.letterToken].flatMap((t) => (t ? [t.text] : [])))];
  }

  // A glued letter before words that are no citation ("B)SMITH SAID SO") opens no REF item for the parser, which reads the line
  // as a heading where the cable's text goes on under it, as the grammar colors it; a citation after the letter ("B)STATE
  // 4410", "B:STATE 4410", "C.STATE 4410" under one item) makes it the field's next item for both, and no heading.
  it('agrees with the parser on a glued REF letter\'s line under a blank line: an item before a citation, a heading before other capitals', () => {
    const cable = (ref: string, line: string) => [...refHead, ref, '', line, '', '1. (C) The board met.', ''].join('\n');
    for (const [ref, line] of [['REF: A) NOWHERE 12', 'B)SMITH SAID SO'], ['REF: A. NOWHERE 12', 'B)SMITH SAID SO']]) {
      const { read, heading, cable: c } = headingsOf(cable(ref, line));
      assert.ok(read.has(7) && heading(7), `${line}: a heading for both`);
      assert.equal(c.refs?.items.length, 1, line);
    }
    for (const [ref, line] of [['REF: A) NOWHERE 12', 'B)STATE 4410'], ['REF: A: NOWHERE 12', 'B:STATE 4410'], ['REF: OTHERTOWN 12', 'C.STATE 4410'], ['REF: (A) NOWHERE 12', '(B)STATE 4410']]) {
      const headings = headingsOf(cable(ref, line));
      assertNoHeading(headings, [7]);
      assert.equal(headings.cable.refs?.items.length, 2, line);
      assert.ok(headings.lines[7].tokens.some((t) => t.end > t.start && t.scopes.includes('constant.character.ref-letter.cable')), `${line}: its letter colored`);
    }
    // A spaced letter: the parser reads any text after it as the next item, a citation or not ("B) SMITH SAID SO"), and the
    // grammar colors its letter, not a heading; so with a colon ("B: STATE 4410").
    for (const [ref, line] of [['REF: A) NOWHERE 12', 'B) SMITH SAID SO'], ['REF: A. NOWHERE 12', 'B. MEMO OF TALKS'], ['REF: A: NOWHERE 12', 'B: SMITH SAID SO'], ['REF: A. NOWHERE 12', 'B: STATE 4410'], ['REF: (A) NOWHERE 12', '(B) NOTE TO FILE'], ['REF: A. NOWHERE 12', '¶B. SMITH SAID SO']]) {
      const headings = headingsOf(cable(ref, line));
      assertNoHeading(headings, [7]);
      assert.equal(headings.cable.refs?.items.length, 2, line);
      const letter = headings.lines[7].tokens.find((t) => t.end > t.start && t.scopes.includes('constant.character.ref-letter.cable'));
      assert.equal(letter && headings.lines[7].line.slice(letter.start, letter.end), line.slice(0, line.indexOf(' ')), `${line}: its letter colored`);
    }
  });

  // "REF:A.STATE 4410", "REF:A: STATE 4410": the first letter right after the field's colon, read by the parser and colored
  // by the grammar as after a space; not a letter past A there, as neither reads one.
  it('agrees with the parser on a block\'s title glued to a paragraph\'s end and on "SUMMARY:" after a sentence\'s end, and colors no prose like them', () => {
    // Invented. The parser's opener on line 5 and the grammar's block scope over the same characters; no heading.
    const cable = (text: string) => ['C O N F I D E N T I A L NOWHERE 000051', '', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', `¶1. (C) ${text}`, '', '¶2. (C) Fares will rise.', '', 'ORR', ''].join('\n');
    const begins = (text: string) => {
      const { cable: c, lines, heading } = headingsOf(cable(text));
      assert.ok(!heading(5), `${text}: colored as a heading`);
      const parsed = c.blockMarkers.filter((m) => m.role === 'open' && m.token.range.start.line === 5).map((m) => m.token.text);
      const colored = lines[5].tokens.filter((t) => t.end > t.start && t.scopes.includes('keyword.other.block.begin.cable')).map((t) => lines[5].line.slice(t.start, t.end));
      return [parsed, colored];
    };
    for (const [text, word] of [
      ['The talks went well. Comment -------', 'Comment'],
      ['The talks went well. NOWHERE 00000051 002 OF 002 Comment -------', 'Comment'],
      ['The talks went well. NOWHERE 00000051 002 OF 002 EMBASSY COMMENT ---------- ', 'COMMENT'],
      ['The talks went well. SUMMARY: The board agreed.', 'SUMMARY'],
    ]) {
      assert.deepEqual(begins(text), [[word], [word]], text);
    }
    for (const text of ['The talks went well, said the summary: the board agreed.', 'The talks went well. NOWHERE 00000051 002 OF 002 Comment --', 'The talks went well. NOWHERE 00000051 002 OF 002 Comment ------- The board met.']) {
      assert.deepEqual(begins(text), [[], []], text);
    }
  });

  it('agrees with the parser on a REF letter right after the field\'s colon', () => {
    for (const [ref, letters] of [
      ['REF:A.NOWHERE 12', ['A.']], ['REF:A:NOWHERE 12 B:STATE 4410', ['A:', 'B:']], ['REF:A. NOWHERE 12 B. STATE 4410', ['A.', 'B.']],
      ['REF:A: NOWHERE 12', ['A:']], ['REF:(A) NOWHERE 12', ['(A)']], ['REF:B.STATE 4410', []],
    ] as const) {
      assert.deepEqual(refLetters(ref), [letters, letters], ref);
    }
  });

  // "REF: A. A. ROE - DOE EMAIL … B. B. COLE - …" (06ISLAMABAD3705's shape): in items listed on one line, a letter and a full
  // stop right after the same letter, before a name, in an item that cites no cable, is the name's initial for the parser
  // (#initialsNotLetters), not colored; the letter written twice stays colored before a cable citation and in an item alone
  // on its line (the release's lettering).
  it('agrees with the parser on a REF letter written twice and on a name\'s initial after an item\'s letter', () => {
    for (const [ref, letters] of [
      ['REF: A. A. ROE - DOE EMAIL 06 MARCH 06  B. B. COLE - LINT EMAIL 21 FEB 06', ['A.', 'B.']],
      ['REF: A. A. NOWHERE 388  B. B. STATE 51120', ['A.', 'A.', 'B.', 'B.']],
      ['REF: A. A. SMITH LETTER OF MAY 3\nB. B. NOWHERE 12', ['A.', 'A.', 'B.', 'B.']],
      ['REF: A. A. ROE MEMO\n     B. B. COLE NOTE', ['A.', 'A.', 'B.', 'B.']],
      ['REF: A. A. ROE MEMO OF MAY 3  B. B. STATE 12', ['A.', 'B.', 'B.']],
      ['REF: A. A. STATE 12 AND PREVIOUS  B. B. ROE MEMO OF MAY 3', ['A.', 'A.', 'B.']],
      ['REF: OTHERTOWN 12  B. B. ROE MEMO', ['B.']],
      ['REF: A. A. ROE MEMO; OTHERTOWN 12', ['A.']],
      ['REF: (A) A. ROE MEMO (B) B. COLE NOTE', ['(A)', '(B)']],
      ['REF: (A) A. ROE MEMO', ['(A)', 'A.']],
      ['SUBJECT: FERRY REF: A. A. ROE MEMO B. B. COLE NOTE', ['A.', 'B.']],
    ] as const) {
      assert.deepEqual(refLetters(ref), [letters, letters], ref);
    }
  });

  // "STATE 12:B. PARIS 7", "NOTE:A.PARIS 7": a letter right after a colon other than the field's is none for the parser
  // (execPastColons), nor colored; nor one right after another character but white space, a semicolon or a comma ("12/B."). "REF: (C) STATE 12", "A. (S) PARIS 12": a level's letter in parentheses that opens the
  // field, or stands right after another letter, is the item's portion marking for the parser (#refMarking), not colored as
  // a letter; elsewhere ("(B) PARIS 2 (C) PARIS 3") and after the same letter where the letters are written twice ("C. (C)"
  // after "A. (A)") it is a letter, colored.
  it('agrees with the parser on REF letters after a colon and on level letters that are an item\'s marking', () => {
    for (const [ref, letters] of [
      ['REF: A. STATE 12:B. PARIS 7', ['A.']],
      ['REF: A. NOTE:A.PARIS 7', ['A.']],
      ['REF: STATE 12 NOTE:A.PARIS 7', []],
      ['REF: A. STATE 12: B. PARIS 7', ['A.', 'B.']],
      ['REF: A. STATE 12/B. PARIS 7', ['A.']],
      ['REF: A. STATE 12 -B. PARIS 7', ['A.']],
      ['REF: A. STATE 12;B. PARIS 7', ['A.', 'B.']],
      ['REF: (C) STATE 12', []],
      ['REF:(S) STATE 12', []],
      ['REF:\n(C) STATE 12', []],
      ['REF: A. (S) PARIS 12 B. (C) STATE 4', ['A.', 'B.']],
      ['REF: (A) STATE 1 (B) (U) PARIS 2', ['(A)', '(B)']],
      ['REF: A. STATE 1 (B) PARIS 2 (C) PARIS 3', ['A.', '(B)', '(C)']],
      ['REF: A. (A) STATE 1 B. (B) PARIS 2 C. (C) PARIS 3', ['A.', '(A)', 'B.', '(B)', 'C.', '(C)']],
    ] as const) {
      assert.deepEqual(refLetters(ref), [letters, letters], ref);
    }
  });

  // "REF: A: NOWHERE 12." ⏎ "B: SMITH SAID SO" ⏎ "C: Paris 7": items lettered with a colon, on lines at the margin under a
  // line that ends a sentence or in small letters, go on with the field as the parser reads them (the field's region ended there).
  // Under a REF field and a blank line, a line that opens with a letter is the field's next item to the parser only where its
  // letter is one of the three after the last item's (`continuesRefField`), and text otherwise; the field's region ends at the
  // blank line and keeps no letter, so the grammar colors such a line by its shape alone (ARCHITECTURE.md lists the limit).
  it('colors a lettered line under a REF field and a blank line by its shape, whatever the parser reads it as', () => {
    const head = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n';
    const letter = (text: string) => tokenize(grammar, text)[8].tokens.some((t) => t.scopes.includes('constant.character.ref-letter.cable'));
    const items = (text: string) => parseCable(text).cable.refs?.items.map((i) => i.letter);
    for (const line of ['(C) FERRY TALKS', 'B. The minister said the ferry runs.', 'B. THE MINISTER SAID SO']) {
      const after = (refs: string) => `${head}${refs}\n\n${line}\n\n¶1. (C) Text.\n`;
      const next = after('REF: A. NOWHERE 12');
      const past = after('REF: A. NOWHERE 12 D. NOWHERE 13 E. NOWHERE 14');
      assert.equal(items(next)?.length, 2, `${line} under item A: the parser reads the next item`);
      assert.equal(items(past)?.length, 3, `${line} under item E: the parser reads text`);
      // The grammar colors both alike, by the line's shape: an item in capitals, text in small letters or with a marking. A
      // TextMate grammar cannot follow the parser here at any sensible cost: `ref` ends at the blank line, and the rule stack
      // keeps nothing of it for the next line; an end or while pattern can name a begin's capture (a backreference) only as
      // the same text, never as the three letters after it; so the last letter could be carried over the blank lines only as
      // which region is open, one region for each letter (26, with a mark or in parentheses, in either case), each doing the
      // field's patterns and end itself, as only the innermost region's end is read (ARCHITECTURE.md lists the limit).
      assert.equal(letter(next), letter(past), line);
      assert.equal(letter(next), line === 'B. THE MINISTER SAID SO', line);
    }
  });

  it('goes on with a REF field over items lettered with a colon and a space', () => {
    for (const ref of [['REF: A: NOWHERE 12.', 'B: SMITH SAID SO', 'C: Paris 7'], ['REF: A: Nowhere 12', 'B: State 4410', 'C: Paris 7'], ['REF: A. NOWHERE 12 (NOTAL).', 'B: STATE 4410.', '¶C: Paris 7']]) {
      const text = [...refHead, ...ref, '', '1. (C) The board met.', ''].join('\n');
      const { cable } = parseCable(text);
      const lines = tokenize(grammar, text);
      assert.equal(cable.refs?.items.length, 3, ref.join(' / '));
      for (const n of [6, 7]) {
        const letter = lines[n].tokens.find((t) => t.end > t.start && t.scopes.includes('constant.character.ref-letter.cable'));
        assert.equal(letter && lines[n].line.slice(letter.start, letter.end), cable.refs!.items[n - 5].letterToken?.text, lines[n].line);
      }
      assert.ok(lines[7].tokens.some((t) => t.end > t.start && t.scopes.includes('support.constant.citation.cable')), `${lines[7].line}: its citation colored`);
    }
  });

  // A web page's copyright line where a scraped cable ends, and the page's matter under it: no text of the cable, as the parser
  // reads it (`beforeTrailer`), so no heading there (`scraped-page`); a paragraph's number, which the parser reads there, and the
  // cable's own lines above it as before.
  it('colors a scraped page\'s copyright line as a comment and no heading in the matter under it', () => {
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶1. (C) THE TALKS WENT WELL.', '', 'FERRY FARES', '', '¶2. (C) THE FARES WILL RISE IN JUNE AND AGAIN IN SEPTEMBER, THE MINISTER SAID.', '',
      'ROE', '', '© Harbor Daily', '', 'MORE HEADLINES', '', 'PIERS: NEW QUAYS OPEN IN THE SOUTH', 'THE BOARD OPENED TWO NEW QUAYS ON TUESDAY...', '',
      '3. (U) FERRY CREWS STRIKE', '',
    ].join('\n');
    const { cable } = parseCable(text);
    const read = new Set(cable.headings.map((h) => h.text.range.start.line));
    const lines = tokenize(grammar, text);
    const scopes = (n: number) => lines[n].tokens.filter((t) => t.end > t.start).map((t) => t.scopes.join(' ')).join(' ');
    assert.ok(read.has(8) && /markup\.heading\.cable/.test(scopes(8)), 'FERRY FARES');
    for (const n of [16, 18, 19]) {
      assert.ok(!read.has(n), `the parser reads ${lines[n].line} as a heading`);
      assert.doesNotMatch(scopes(n), /markup\.heading/, lines[n].line);
    }
    assert.match(scopes(14), /comment\.line\.copyright\.cable/);
    // A paragraph's number there is one the parser reads, and colored as one.
    assert.equal(cable.paragraphs.length, 3);
    assert.match(scopes(21), /constant\.numeric\.paragraph\.cable/);
  });

  // Lines the parser reads as no heading by the line above them: the first line of a quoted text under its "BEGIN TEXT:" line
  // (quotedTitle, with text under it), a line under one that ends with initials ("… ON U.S."), which goes on with the
  // sentence, and a block's word alone under a paragraph's line in capitals that ends no sentence ("… MADE THE FOLLOWING" ⏎
  // "COMMENTS:"). A title under a line ending with another colon, over a paragraph, stays a heading.
  it('colors no heading on the first line of a quoted text, under a line ending with initials or on a block\'s word going on with a sentence, and a title under a colon as one', () => {
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶1. (C) THE BOARD ISSUED THIS NOTICE:', '', 'BEGIN TEXT:', '', 'NOWHERE, MAY 9, 2009', '',
      'THE HARBOR BOARD OF NOWHERE WISHES TO INFORM THE TRAVELLING PUBLIC THAT THE', 'NEW FARES WILL HOLD FROM JUNE.', '', 'END TEXT.', '',
      'BEGIN EMBASSY PRESS RELEASE TEXT:', '', 'JANE ROE, DEPUTY ASSISTANT SECRETARY FOR HARBORS', 'VISITED NOWHERE ON MAY 16, 2009.', '',
      '¶2. (C) THE BOARD ANSWERED THE NOTE ON U.S.', 'FERRY POLICY IN THE REGION, THE MINISTER', 'SAID.', '',
      'POTENTIAL COOPERATION:', '', 'FERRY ROUTES', '', '¶3. (C) The talks ended.', '',
      '¶4. (C) THE MINISTER, WHO HAS LED THE BOARD FOR YEARS, MADE THE FOLLOWING', 'COMMENTS:', '',
      '--ON FARES, THE MINISTER SAID THE BOARD WOULD WAIT FOR THE NEW QUAYS.',
    ].join('\n');
    const headings = headingsOf(text);
    assertNoHeading(headings, [10, 19, 23, 33]);
    const { cable, lines, read, heading } = headings;
    assert.ok(read.has(28) && heading(28), 'FERRY ROUTES');
    // A block's word alone under a line of a paragraph in capitals that ends no sentence opens the block, no heading.
    assert.ok(cable.blockMarkers.some((m) => m.role === 'open' && m.token.range.start.line === 33), 'the parser reads no opener on COMMENTS:');
    assert.match(lines[33].tokens.map((t) => t.scopes.join(' ')).join(' '), /keyword\.other\.block\.begin\.cable/);
  });

  // A sentence of capitals prose cut by a blank line goes on under it (a copy that lost a line to a page break): the line under
  // the blank one is the sentence's, no heading, where the line above the blank one is a wrapped line of the text that ends no
  // sentence, as the parser reads it (the text goes on right under it). A title under a blank line stays a heading under a line
  // that ends a sentence, and under a paragraph's one line that ends none.
  it('colors no heading on a line of capitals prose that goes on with a sentence across a blank line, and the titles around it as headings', () => {
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶2. (C) A HARBOR OFFICIAL TOLD', 'POLOFF THAT THE BOARD IS WEARING AWAY AT THE FERRY OPERATORS\' ', '',
      'LEAD DESPITE THE MINISTRY\'S LARGE ADVANTAGE IN ', 'FARES BY LOWERING THE DUES AND "TELLING PEOPLE ON THE', 'QUAY THAT IT IS NOT IN THEIR BEST INTERESTS."', '',
      'FERRY ROUTES', '', '¶3. (C) THE BOARD SET THE NEW FARES FOR THE', '',
      'OUTLOOK', '', '¶4. (C) The talks ended.',
    ].join('\n');
    const headings = headingsOf(text);
    assertNoHeading(headings, [9]);
    assertHeading(headings, [13, 17]);
  });

  // A title right under a line that ends a sentence, no blank line between, is one the parser reads only when it is short
  // (`tightHeading`: 60 characters at most under a paragraph written on one line) or has a rule right under it: a longer line of
  // capitals there is the text's, and `after-sentence-text` takes it, no heading; the same line under a blank line, and a short
  // title right under the paragraph, stay headings.
  it('colors no heading on a line of capitals of more than 60 characters right under a sentence\'s end, and the titles around it as headings', () => {
    const long = 'SESSION TWO: FERRY SAFETY AND THE DEVELOPMENT OF THE HARBOR FRONT';
    assert.ok(long.length > 60 && long.length <= 72);
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶1. (C) THE BOARD AND THE MINISTRY AGREED TO DRAFT A NEW MEMORANDUM BETWEEN THE HARBOR OFFICE AND THE FERRY OPERATORS;',
      long, '',
      '¶2. (C) THE BOARD AND THE MINISTRY AGREED TO REVIEW THE FARES OF EVERY FERRY LINE THAT CALLS AT THE HARBOR EACH YEAR.',
      'FERRY SAFETY', '',
      '¶3. (C) THE BOARD AND THE MINISTRY AGREED TO MEET AGAIN IN MAY TO REVIEW THE FARES OF THE NIGHT FERRIES AT THE HARBOR.', '',
      long, '', '¶4. (C) The talks ended.',
    ].join('\n');
    const headings = headingsOf(text);
    assertNoHeading(headings, [7]);
    assertHeading(headings, [10, 14]);
    // The line taken is read as `continued` reads its lines: a redaction in it is still one.
    const redacted = tokenize(grammar, text.replace(`${long}\n\n¶2.`, `${long.replace('HARBOR', 'XXXXXXXXXXXX')}\n\n¶2.`));
    assert.ok(redacted[7].tokens.some((t) => t.scopes.includes('comment.other.redaction.cable')), 'the redaction is not colored');
    assert.ok(!redacted[7].tokens.some((t) => t.scopes.includes('markup.heading.cable')));
  });

  // A line that opens with the word END ("END TALKING POINTS", "END TEXT", "END" alone) closes something and is no heading, as
  // the parser reads it alone over a paragraph, right under a sentence's end or under a blank line over the signature (a line
  // grammar cannot see which); the closers of blocks keep their own scope, and titles that open with ENDGAME or END- stay
  // headings.
  it('colors as no heading a line of capitals that opens with the word END, the closers of blocks as closers, and titles around them as headings', () => {
    const text = [
      'UNCLAS NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶1. (U) THE BOARD GAVE ITS TALKING POINTS.', '', 'END TALKING POINTS', '', '¶2. (U) THE FARES WILL RISE.', '',
      'END TEXT', '', '¶3. (U) THE TALKS WENT ON.', '', 'END', '', '¶4. (U) THE CREWS RETURNED.', '',
      'END OF AN ERA', '', '¶5. (U) THE OLD FERRY WAS SOLD.', '', 'ENDGAME AT THE HARBOR', '', '¶6. (U) THE PORT CLOSED.', '',
      'END-USE CHECKS', '', '¶7. (U) THE CHECKS BEGAN.', '', 'END SUMMARY', '', '¶8. (U) THE BOARD MET.', '',
      'END TALKING POINTS', 'ROE',
    ].join('\n');
    const { cable } = parseCable(text);
    const read = new Set(cable.headings.flatMap((h) => [h.range.start.line, h.range.end.line]));
    const lines = tokenize(grammar, text);
    const heading = (n: number) => lines[n].tokens.some((t) => t.scopes.includes('markup.heading.cable'));
    for (const n of [8, 12, 16, 20, 32, 36]) {
      assert.ok(!read.has(n), `the parser reads ${lines[n].line} as a heading`);
      assert.ok(!heading(n), `${lines[n].line} colored as a heading`);
    }
    for (const n of [24, 28]) {
      assert.ok(read.has(n), `the parser reads no heading on ${lines[n].line}`);
      assert.ok(heading(n), `${lines[n].line} not colored as a heading`);
    }
    assert.match(scopesAt(lines, 32, 'SUMMARY'), /keyword\.other\.block\.end\.cable/);
    assert.equal(cable.signature?.token.text, 'ROE');
  });

  // A line that opens with the word END under a rule, between rules, between dashes or between slashes ("END TALKING POINTS"
  // ⏎ "----", "----" ⏎ "END TEXT" ⏎ "----", "- - - END TEXT - - -", "END TEXT ------", "//END TEXT//") is a closer, no heading,
  // for the parser and the grammar alike, as alone; titles that open with ENDGAME or END- stay headings in those styles.
  it('colors as no heading a line that opens with the word END under or between rules, dashes or slashes, as the parser reads it', () => {
    const shapes = [
      ['END TALKING POINTS', '------------------'], ['------------------', 'END TEXT', '------------------'], ['END TEXT', '', '--------'],
      ['(U) END OF THE TALKS', '--------------------'], ['- - - END TEXT - - -'], ['- - - End Text - - -'], ['END TEXT ------'], ['End Text ------'],
      ['//END TEXT//'], ['// End Text //'], ['//END OF THE TALKS ON', 'THE FERRIES//'],
    ];
    const titles = [['//ENDGAME AT THE HARBOR//'], ['- - - END-USE CHECKS - - -'], ['ENDLESS TALKS ------'], ['ENDGAME AT THE HARBOR']];
    const body: string[] = [];
    const closers: number[] = [];
    const headings: number[] = [];
    let n = 1;
    for (const [lines, out] of [...shapes.map((l) => [l, closers] as const), ...titles.map((l) => [l, headings] as const)]) {
      body.push(`¶${n++}. (U) THE BOARD MET.`, '');
      out.push(6 + body.length + lines.findIndex((l) => /^\W*(?:end|ENDGAME|END-USE|ENDLESS)/i.test(l)));
      body.push(...lines, '');
    }
    const text = ['UNCLAS NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', ...body, `¶${n}. (U) THE FARES WILL RISE.`, '', 'ROE'].join('\n');
    const read = headingsOf(text);
    assertNoHeading(read, closers);
    assertHeading(read, headings);
  });

  // Lines of capitals in a shape no title of the corpus takes (`notTitle`): the parser reads each as text where its text goes on
  // under it, as the corpus writes them, and the grammar colors none as a heading (over a blank line and a numbered paragraph the
  // parser would read a heading, which a line grammar cannot see: the server's semantic tokens color it); the titles around
  // them stay headings.
  it('colors as no heading the lines of capitals in a shape no title takes, and the titles around them as headings', () => {
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      '¶1. (C) THE BOARD GAVE ITS TALKING POINTS.', '', 'FERRY TALKS (PART ONE)', '',
      'THE SECOND VOTE MAY MATCH THE ELECTION OF LAST AUGUST (I.E. 58', 'PERCENT OR MORE).', '',
      'A) HARBOR APPROACH: ROE PRAISED THE BOARD FOR ITS WORK ON', 'THE FERRY FARES.', '',
      'HUMINT PRIORITY FOR HRBR', 'NOWHERE: 2, OTHERLAND: 3', '',
      'NIPF PRIORITY FOR HARBOR ACTORS FOR HRBR', 'NOWHERE: 1', '',
      'HARBOR FEES (IN', 'NOWHERE AND OTHERLAND)', '', 'CLOSE OF AN ERA', '', '¶2. (C) The talks ended.',
    ].join('\n');
    const { cable } = parseCable(text);
    const read = new Set(cable.headings.flatMap((h) => [h.range.start.line, h.range.end.line]));
    const lines = tokenize(grammar, text);
    const heading = (n: number) => lines[n].tokens.some((t) => t.scopes.includes('markup.heading.cable'));
    for (const n of [10, 13, 16, 19, 22]) {
      assert.ok(!read.has(n), `the parser reads ${lines[n].line} as a heading`);
      assert.ok(!heading(n), `${lines[n].line} colored as a heading`);
    }
    for (const n of [8, 25]) {
      assert.ok(read.has(n), `the parser reads no heading on ${lines[n].line}`);
      assert.ok(heading(n), `${lines[n].line} not colored as a heading`);
    }
  });

  it('colors no prose of a journey as an address, no long line of capitals prose as a heading, and no title after an office code as a passing line', () => {
    const lines = tokenize(grammar, [
      '¶4. (C) THE MINISTER SAID THAT HE HOPED',
      '',
      'TO VISIT WASHINGTON DC',
      '',
      'INFO RETURNED TO WASHDC',
      '',
      'TO CIA WASHINGTON DC',
      '',
      'THE HARBOR BOARD OF OTHERLAND BELIEVES THAT THIS IS A POLITICAL',
      'GAME DESIGNED TO DELAY THE FERRY TALKS.',
      '',
      'FERRY TALKS: THE BOARD WILL MEET AGAIN IN THE SPRING',
      '',
      '-----------------',
      'CT/CP COOPERATION',
      '-----------------',
      '',
      'EUR/SE JOHN Q. ROE',
    ].join('\n'));
    const address = /string\.unquoted\.address\.cable/;
    assert.doesNotMatch(scopesAt(lines, 2, 'VISIT'), address);
    assert.doesNotMatch(scopesAt(lines, 4, 'RETURNED'), address);
    assert.match(scopesAt(lines, 6, 'CIA'), address);
    assert.doesNotMatch(scopesAt(lines, 8, 'BELIEVES'), /heading/);
    assert.match(scopesAt(lines, 11, 'FERRY TALKS'), /heading/);
    assert.match(scopesAt(lines, 14, 'CT/CP'), /markup\.heading\.cable/);
    assert.match(scopesAt(lines, 17, 'EUR/SE'), /string\.unquoted\.passing\.cable/);
  });

  it('colors Classified By and Derived From as the field only where the field stands, not in the text', () => {
    const lines = tokenize(grammar, [
      '¶3. (U) The minister said the figures were Derived From the budget and',
      'Classified by the ministry as secret. The list was Classified By rank.',
      'Classified by Ambassador Jane Doe, reasons 1.4 (b) and (d).',
      '(U) Classified by Jane Doe, reasons 1.4 (b).',
      '¶1. (U) Classified by Acting DAS Jane Doe, reason 1.4 (b).',
      'REF: NOWHERE 20 Classified By: DCM Jane Doe, reasons 1.4 (b).',
      'Derived From Multiple Sources',
      'Derived From: DSCG 05-1',
      '¶1. Classified by Acting DAS Jane Doe. Reason: 1.4 (d)',
    ].join('\n'));
    const field = /keyword\.other\.field\.classified-by\.cable/;
    // The words in a paragraph's text were colored as the field's keyword.
    assert.doesNotMatch(scopesAt(lines, 0, 'Derived From'), field);
    assert.doesNotMatch(scopesAt(lines, 1, 'Classified by'), field);
    assert.doesNotMatch(scopesAt(lines, 1, 'Classified By'), field);
    for (const [n, text] of [[2, 'Classified by'], [3, 'Classified by'], [4, 'Classified by'], [5, 'Classified By'], [6, 'Derived From'], [7, 'Derived From'], [8, 'Classified by']] as const) {
      assert.match(scopesAt(lines, n, text), field, lines[n].line);
    }
  });

  it('starts the tokens of header, banner and corrected-copy lines at their words, not at the space before them', () => {
    // "ZNY CCCCC ZZH": the operating signal's token was " ZZH"; "FM AMEMBASSY LA PAZ": the post's was " LA PAZ".
    for (const text of [
      'ZNY CCCCC ZZH',
      'ZNR UUUUU   ZZH ZDK',
      'R 010000Z JAN 10  ZDK',
      'FM AMEMBASSY LA PAZ',
      'FM USMISSION  GENEVA',
      'S E C R E T NOWHERE 000412  SIPDIS NOFORN',
      'SECRET//NOFORN NOWHERE 000412 SIPDIS',
      'C O N F I D E N T I A L ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDE 000412',
      'UNCLAS SECTION 01 OF 02 NOWHERE 000412 SIPDIS',
      'C O R R E C T E D C O P Y (ADDED TAGS)',
    ]) {
      const [{ line, tokens }] = tokenize(grammar, text);
      for (const t of tokens) {
        const token = line.slice(t.start, t.end);
        if (t.scopes.length > 0 && token.trim() !== '') assert.doesNotMatch(token, /^\s/, `${JSON.stringify(text)}: ${JSON.stringify(token)} ${t.scopes.join(' ')}`);
      }
    }
  });

  it('gives no caveat scope to the white space a banner line ends with', () => {
    const cases: [string, string | undefined][] = [
      ['S E C R E T SECTION 01 OF 02 NOWHERE 000412   ', undefined],
      ['C O N F I D E N T I A L NOWHERE 000412\t', undefined],
      ['UNCLAS NOWHERE 000412 ', undefined],
      ['S E C R E T NOWHERE 000412 NOFORN  ', 'NOFORN'],
      ['SECRET//NOFORN NOWHERE 000412 ', undefined],
      ['SECRET ', undefined],
      ['SECRET NOFORN ', 'NOFORN'],
    ];
    for (const [text, caveat] of cases) {
      const [{ line, tokens }] = tokenize(grammar, text);
      const trailing = line.trimEnd().length;
      for (const t of tokens) {
        if (t.end > trailing && t.start >= trailing) assert.ok(!t.scopes.some((s) => s.startsWith('storage.modifier.caveat')), `${JSON.stringify(text)}: trailing white space scoped ${t.scopes.join(' ')}`);
      }
      if (caveat) {
        const at = line.indexOf(caveat);
        assert.match(tokens.find((t) => t.start <= at && at < t.end)!.scopes.join(' '), /storage\.modifier\.caveat\.cable/, text);
      }
    }
  });

  // Lines the parser reads as a construct, with the scope the grammar must give `at` (on the last line) and
  // the scopes it must not give there.
  const reads: { text: string; at: string; scope?: RegExp; not?: RegExp }[] = [
    // A paragraph number typed with a colon or semicolon for its full stop before a marking (CBL046), read as the parser reads
    // it: the number whole as the paragraph's, the marking after it as a marking.
    { text: '8: (C) The harbor board met.', at: '8:', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: '8: (C) The harbor board met.', at: 'C)', scope: /constant\.language\.marking\.confidential\.cable/ },
    { text: '¶8; (S/NF) The harbor board met.', at: '¶8;', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: '¶8; (S/NF) The harbor board met.', at: 'NF', scope: /constant\.other\.control\.cable/ },
    { text: '¶8: (C) The harbor board met.', at: 'C)', scope: /constant\.language\.marking\.confidential\.cable/ },
    { text: 'The meeting at 8: (C) stays text.', at: '8:', not: /paragraph/ },
    // A marking with stray spaces inside its parentheses or beside a slash (CBL029), read as the marking without them.
    { text: '¶2. ( C ) The ministry agreed.', at: 'C )', scope: /constant\.language\.marking\.confidential\.cable/ },
    { text: '¶2. ( C ) The ministry agreed.', at: ')', scope: /punctuation\.definition\.marking\.end\.cable/ },
    { text: '¶2. (SBU ) The ministry agreed.', at: 'SBU', scope: /constant\.language\.marking\.unclassified\.cable/ },
    { text: '17: ( S ) The ministry agreed.', at: '17:', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: '17: ( S ) The ministry agreed.', at: 'S )', scope: /constant\.language\.marking\.secret\.cable/ },
    { text: 'SUBJECT: ( C ) HARBOR PATROLS', at: 'C )', scope: /constant\.language\.marking\.confidential\.cable/ },
    { text: 'SUBJECT: (S/ NF) HARBOR PATROLS', at: 'NF', scope: /constant\.other\.control\.cable/ },
    { text: '¶2. ( see below ) is text.', at: 'see', not: /marking/ },
    // What a corrected copy corrected, on the line under a notice that says nothing more, is the notice's, as the parser reads
    // it; only that one line, and not a passing line under a notice.
    { text: 'C O R R E C T E D COPY\nCLASSIFICATION MISMATCH ERROR IN PARAGRAPH 4', at: 'MISMATCH', scope: /comment\.line\.corrected-copy\.cable/, not: /heading/ },
    { text: 'CORRECTED COPY -\nTAGS ADDED', at: 'TAGS', scope: /comment\.line\.corrected-copy\.cable/, not: /field/ },
    { text: 'C O R R E C T E D COPY\nCLASSIFICATION ERROR IN PARAGRAPH 4\nPARAGRAPH 5 MISSING', at: 'PARAGRAPH 5', not: /corrected-copy/ },
    { text: 'CORRECTED COPY\nDEPT FOR EUR/WE', at: 'DEPT', scope: /string\.unquoted\.passing\.cable/, not: /corrected-copy/ },
    { text: 'CORRECTED COPY (ADDED TAGS)\nDEPT FOR EUR/WE ADDED', at: 'DEPT', not: /corrected-copy/ },
    // A corrected copy's line with "CORRECTED" spelt short or spaced and run on (the parser reads them all), not a heading.
    { text: 'C O R R E C T COPY - ADDRESSEES ADDED', at: 'C O R', scope: /keyword\.other\.corrected-copy\.cable/, not: /heading/ },
    { text: 'C O R R E C T COPY - ADDRESSEES ADDED', at: 'ADDRESSEES', scope: /comment\.line\.corrected-copy\.cable/, not: /heading/ },
    { text: 'CORRECT COPY (TEXT)', at: 'CORRECT', scope: /keyword\.other\.corrected-copy\.cable/ },
    { text: 'CORRECTED COPYRIGHT NOTICE', at: 'CORRECTED', not: /corrected-copy/ },
    // Page lines with two or three spaces between their parts, as the parser reads them.
    { text: 'VALLETTA 00000412  002 OF 003', at: 'VALLETTA', scope: /comment\.line\.page\.cable/, not: /heading/ },
    { text: 'RIO DE JAN 00000329 002  Of  003', at: 'RIO', scope: /comment\.line\.page\.cable/ },
    // An inline page marker takes only its post, at most ten characters, not the words before it.
    { text: 'the talks with Iran went VALLETTA 00000412 002 OF 003 on', at: 'went', not: /page/ },
    { text: 'the talks with Iran went VALLETTA 00000412 002 OF 003 on', at: 'VALLETTA', scope: /comment\.line\.page\.cable/ },
    { text: 'the talks ended. Valletta 00000412 002 OF 003 on', at: 'ended', not: /page/ },
    { text: 'the Talks With Iran VALLETTA 00000412 002 OF 003 on', at: 'Talks', not: /page/ },
    { text: 'the talks ended. Valletta 00000412 002 OF 003 on', at: 'Valletta', scope: /comment\.line\.page\.cable/ },
    { text: 'in Rio De Jan 00000329 002 OF 003 on', at: 'Rio', scope: /comment\.line\.page\.cable/ },
    // Routing indicators wrapped onto a line of their own, and a ZEN/ addressee with no routing indicator.
    { text: 'RUEHAB RUEHCD RUEHEF', at: 'RUEHCD', scope: /routing-indicator\.cable/, not: /heading/ },
    { text: 'ZEN/AMEMBASSY VALLETTA IMMEDIATE 0412-0415', at: 'ZEN', scope: /keyword\.other\.zen\.cable/ },
    // One routing indicator wrapped onto a line of its own under the routing line (09BRASILIA1460: "RR RUEHAST … RUEHTM" ⏎
    // "RUEHTRO"), as the parser reads it; alone elsewhere, a word of that shape is a surname or a heading.
    { text: 'RR RUEHAB RUEHCD RUEHEF\nRUEHGHI', at: 'RUEHGHI', scope: /routing-indicator\.cable/, not: /heading/ },
    { text: 'RR RUEHAB RUEHCD RUEHEF\nRUEHGH RUEHIJ\nRUEHKL', at: 'RUEHKL', scope: /routing-indicator\.cable/, not: /heading/ },
    { text: 'RR RUEHAB RUEHCD RUEHEF\nRUEHGHI\nDE RUEHAB #0412/01 2031415', at: 'DE', scope: /keyword\.other\.prosign\.cable/ },
    { text: '¶4. (U) Fares rose.\nROBERTS', at: 'ROBERTS', not: /routing/ },
    { text: 'ZEN/AMEMBASSY VALLETTA IMMEDIATE 0412-0415', at: 'VALLETTA', scope: /string\.unquoted\.address\.cable/, not: /heading/ },
    { text: 'ZEN/AMEMBASSY VALLETTA IMMEDIATE 0412-0415', at: 'IMMEDIATE', scope: /keyword\.control\.precedence\.cable/ },
    { text: 'ZEN/AMEMBASSY VALLETTA IMMEDIATE 0412-0415', at: '0412', scope: /constant\.numeric\.serial\.cable/ },
    // Prose that opens with a level word is no banner: the parser wants a post and serial after it.
    { text: 'secret talks between the two ministers were held', at: 'secret', not: /banner/ },
    { text: 'Confidential sources told the embassy on 12 May', at: 'Confidential', not: /banner/ },
    { text: 'S E C R E T AMMAN 000243 SIPDIS NOFORN', at: 'SIPDIS', scope: /storage\.modifier\.caveat\.cable/ },
    // A level with its last letter doubled: the letter belongs to the level, not to the post.
    { text: 'C O N F I D E N T I A L L TALLINN 000233', at: 'L TALLINN', scope: /banner\.confidential\.cable/, not: /post/ },
    { text: 'S E C R E T T TUNIS 000233', at: 'T TUNIS', scope: /banner\.secret\.cable/, not: /post/ },
    { text: 'S E C R E T TUNIS 000233', at: 'TUNIS', scope: /entity\.name\.section\.post\.cable/ },
    { text: 'UNCLASS NOWHERE 000017', at: 'UNCLASS', scope: /banner\.unclassified\.cable/ },
    { text: 'UNCLASSIFIEDD NOWHERE 000017', at: 'NOWHERE', scope: /entity\.name\.section\.post\.cable/ },
    // A redacted name on a line of its own is a redaction, not a heading.
    { text: 'XXXXXXXXXXXX', at: 'X', scope: /comment\.other\.redaction\.cable/, not: /heading/ },
    { text: 'XXXXX AND THE MINISTRY', at: 'AND', scope: /markup\.heading\.cable/ },
    // REF items on lines of their own, and lettered body lines and portion markings that are none.
    { text: 'B. 08 VALLETTA 412', at: 'B.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: '¶C. EMBASSY VALLETTA E-MAIL OF MAY 14', at: '¶C.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: '(D) STATE 12345 (NOTAL)', at: '(D)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: '¶B. (B) VALLETTA 412', at: '(B)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: '¶A. (C) Item 7 of the review agenda', at: '(C)', not: /ref-letter/ },
    // A letter written twice is a REF item's only before capitals and a digit: a marking before small letters opens an item.
    { text: '¶C. (C) 09 VALLETTA 412', at: '¶C.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: '¶C. (C) Ferry Review 18 - Harbor Board', at: '¶C.', not: /ref-letter/ },
    { text: '¶C. (C) Ferry Review 18 - Harbor Board', at: 'Review', not: /citation/ },
    { text: '¶A. (S/NF) Background: In 2004 the firm xxxxx opened a branch', at: '¶A.', not: /ref-letter/ },
    { text: '¶A. (S/NF) Background: In 2004 the firm xxxxx opened a branch', at: 'xxxxx', scope: /comment\.other\.redaction\.cable/ },
    { text: 'B) Trade: the minister welcomed the plan', at: 'B)', not: /ref-letter/ },
    { text: '(C) Status of the talks in Valletta since May 2008', at: '(C)', not: /ref-letter/ },
    { text: '(C) Status of the talks in Valletta since May 2008', at: 'May 2008', not: /citation/ },
    // A REF item's letter glued to its citation ("B.STATE 4410"), as the parser reads it: where an item opens and a citation's
    // shape follows; an abbreviation or initials are no letter.
    { text: 'REF: A. NOWHERE 12\nB.STATE 4410', at: 'B.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A. NOWHERE 12\n¶B.STATE 4410', at: '¶B.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A. NOWHERE 12\n¶B.STATE 4410', at: 'STATE', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A.NOWHERE 12 B.08 STATE 4410; c.PARIS 77 (NOTAL) D.09NOWHERE12', at: 'A.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A.NOWHERE 12 B.08 STATE 4410; c.PARIS 77 (NOTAL) D.09NOWHERE12', at: 'B.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A.NOWHERE 12 B.08 STATE 4410; c.PARIS 77 (NOTAL) D.09NOWHERE12', at: 'c.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A.NOWHERE 12 B.08 STATE 4410; c.PARIS 77 (NOTAL) D.09NOWHERE12', at: 'D.', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A. NOWHERE 12\n    B.STATE 4410\n\n¶1. (C) Text.', at: '¶1.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'REF: A. MEMO TO J.SMITH 12', at: 'J.', not: /ref-letter/ },
    { text: 'REF: A. NOWHERE 12\nB.O. 12958', at: 'B.', not: /ref-letter/ },
    { text: 'REF: A. NOWHERE 12 B. REPORT OF U.S.-', at: 'S.', not: /ref-letter/ },
    { text: 'REF: A. NOWHERE 12 B. REPORT OF U.S.-', at: 'U.', not: /ref-letter/ },
    { text: 'REF: B.STATE 4410', at: 'B.', not: /ref-letter/ },
    // The same letter glued by a parenthesis ("B)STATE 4410"), as the parser reads it too, on the field's line and the lines under it.
    { text: 'REF: A) NOWHERE 12\nB)STATE 4410', at: 'B)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A) NOWHERE 12\n¶B)STATE 4410', at: '¶B)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A) NOWHERE 12\n¶B)STATE 4410', at: 'STATE', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A)OTHERTOWN 12 B)08 STATE 4410', at: 'A)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A)OTHERTOWN 12 B)08 STATE 4410', at: 'B)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: OTHERTOWN 12 B)STATE 4410', at: 'B)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A) NOWHERE 12\n    B)STATE 4410\nC)PARIS 77', at: 'C)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A) NOWHERE 12\n    B)STATE 4410\n\n¶1. (C) Text.', at: '¶1.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'REF: A) NOWHERE 12\nB)SMITH SAID SO', at: 'B)', not: /ref-letter/ },
    { text: 'REF: B)STATE 4410', at: 'B)', not: /ref-letter/ },
    // Such a letter opening a line after a blank line under the field, which the parser reads as its next item (after items
    // without letters, the letter right after them): a REF letter, not a heading in capitals.
    { text: 'REF: A) NOWHERE 12\n\nB)STATE 4410', at: 'B)', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    { text: 'REF: A) NOWHERE 12\n\nB)STATE 4410', at: 'STATE', scope: /support\.constant\.citation\.cable/, not: /heading/ },
    { text: 'REF: A. NOWHERE 12\n\n¶B.STATE 4410', at: '¶B.', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    { text: 'REF: OTHERTOWN 12\n\nB.STATE 4410', at: 'B.', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    { text: 'REF: OTHERTOWN 12\n\nA.STATE 4410', at: 'A.', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    { text: 'REF: A) NOWHERE 12\n\nB)STATE 4410\n\n¶1. (C) Text.', at: '¶1.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'REF: A. NOWHERE 12\n\nB.O. 12958', at: 'B.', not: /ref-letter/ },
    { text: '¶1. (C) Text.\n\nB.STATE 4410', at: 'B.', not: /ref-letter/ },
    // Glued by a colon ("B:STATE 4410") or in parentheses ("(B)STATE 4410"), as the parser reads them; "(C)", "(S)", "(U)"
    // glued, a portion marking's shape that the parser reads as a letter only right after a letter in parentheses, never.
    { text: 'REF: A: NOWHERE 12 B:STATE 4410', at: 'B:', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A:NOWHERE 12 B:08 STATE 4410', at: 'A:', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: A. NOWHERE 12\n\nB:STATE 4410', at: 'B:', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    { text: 'REF: A. NOWHERE 12\n\nB:STATE 4410', at: 'STATE', scope: /support\.constant\.citation\.cable/, not: /heading/ },
    { text: 'REF: (A)NOWHERE 12 (B)08 STATE 4410', at: '(A)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: (A)NOWHERE 12 (B)08 STATE 4410', at: '(B)', scope: /constant\.character\.ref-letter\.cable/ },
    { text: 'REF: (A) NOWHERE 12\n\n(B)STATE 4410', at: '(B)', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    { text: 'REF: (C)STATE 4410', at: '(C)', not: /ref-letter/ },
    { text: 'REF: (A) NOWHERE 12\n\n(C)STATE 4410', at: '(C)', not: /ref-letter/ },
    { text: 'REF: A. NOWHERE 12 B. MEMO B:NOTE TO FILE', at: 'B:', not: /ref-letter/ },
    // "C.STATE 4410" under one item without a letter: item C (B missing), which the parser reads as it reads "C. STATE 4410".
    { text: 'REF: OTHERTOWN 12\n\nC.STATE 4410', at: 'C.', scope: /constant\.character\.ref-letter\.cable/, not: /heading/ },
    // A citation is a post and a number, as the parser reads it: not a word of "E-MAIL", not a date's day or month, not a
    // number that a date, a slash or another number goes on from.
    // A serial with a letter for a digit is the citation's, as the parser reads it; letters alone are not.
    { text: 'REF: A. 09 VALLETTA 4l2', at: '4l2', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A. STATE 1O5 (NOTAL)', at: '1O5', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A. VALLETTA IIO', at: 'VALLETTA', not: /citation/ },
    { text: 'REF: A. ROE/DOE E-MAIL 3/5/08', at: 'MAIL', not: /citation/ },
    { text: 'REF: A. VALLETTA NOTES 14 OCTOBER 2008', at: 'NOTES', not: /citation/ },
    { text: 'REF: A. VALLETTA NOTES 14 OCTOBER 2008', at: 'OCTOBER', not: /citation/ },
    { text: 'REF: A. ROE EMAIL DATED 21-MAY-2008', at: 'DATED', not: /citation/ },
    { text: 'REF: A. DAO VALLETTA IIR 6 812 0042 08', at: 'IIR', not: /citation/ },
    { text: 'REF: A. NOWHERE 1350  B. STATE-NOWHERE SVTC MAY 9  C. ROE-DOE EMAIL APRIL 16', at: 'SVTC', not: /citation/ },
    { text: 'REF: A. NOWHERE 1350  B. STATE-NOWHERE SVTC MAY 9  C. ROE-DOE EMAIL APRIL 16', at: 'EMAIL', not: /citation/ },
    { text: 'REF: A. NOWHERE 1350  B. STATE-NOWHERE SVTC MAY 9  C. ROE-DOE EMAIL APRIL 16', at: 'NOWHERE 1350', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A. 08 RIO DE JAN 138', at: 'RIO', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A. STATE 1234 B. 2008 VALLETTA 412.', at: 'VALLETTA', scope: /support\.constant\.citation\.cable/ },
    // A REF list wrapped onto a line that is not indented, whose citation opens with its year, as the parser reads it.
    { text: 'REF: 08 VALLETTA 412; 08 VALLETTA 415\n08 VALLETTA 433; 2009 VALLETTA 17', at: 'VALLETTA 433', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: 08 VALLETTA 412; 08 VALLETTA 415\n2009 VALLETTA 17', at: 'VALLETTA', scope: /support\.constant\.citation\.cable/, not: /heading/ },
    // An item's letter left at the line's end, its citation on the next line, not indented (06VIENNA515: "Ref: a) vienna 350 …
    // d)" ⏎ "05 state 220738"), as the parser reads it; the line after the citation is read as before.
    { text: 'Ref: a) nowhere 350 b) nowhere 309 c)\n05 state 220738', at: 'state', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A. STATE 1234 B.\nVALLETTA 412', at: 'VALLETTA', scope: /support\.constant\.citation\.cable/, not: /heading/ },
    { text: 'REF: (A) STATE 1234 (B)\n08 VALLETTA 412 (NOTAL)', at: 'NOTAL', scope: /storage\.modifier\.caveat\.cable/ },
    { text: 'REF: A. STATE 1234 B.\nVALLETTA 412\n\nClassified By: Ann Roe for reasons 1.4 (b).', at: 'Classified', scope: /keyword\.other\.field\.classified-by\.cable/ },
    // After a REF line ending with a semicolon, the list goes on.
    { text: 'REF: 08 VALLETTA 412; 08 VALLETTA 415;\n08 VALLETTA 433', at: 'VALLETTA', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF: A. STATE 1234; B. STATE 5678;\nC. GOZO FERRY BOARD MINUTES', at: 'GOZO', not: /heading/ },
    // The REF keyword wants a colon, or capitals and a letter, as the parser reads it.
    { text: 'REF A. VALLETTA 412', at: 'REF', scope: /keyword\.other\.field\.ref\.cable/ },
    { text: 'Reftel : VALLETTA 412', at: 'Reftel', scope: /keyword\.other\.field\.ref\.cable/ },
    { text: 'Ref B, the ministry may wish to reply', at: 'Ref', not: /field\.ref/ },
    { text: 'REFTEL gives the background). The minister', at: 'REFTEL', not: /field\.ref/ },
    // "REF A" without a colon is a field's keyword before its item's mark or citation, not before prose that names the item.
    { text: 'We learned that at the time the\nREF A points were given, the board met', at: 'REF', not: /field\.ref/ },
    { text: 'REF B notes that the port will open.', at: 'REF', not: /field\.ref/ },
    { text: 'REF A VALLETTA 412', at: 'REF', scope: /keyword\.other\.field\.ref\.cable/ },
    { text: 'REF A 08 VALLETTA 412', at: 'VALLETTA', scope: /support\.constant\.citation\.cable/ },
    { text: 'REF B RIO DE JAN 138', at: 'REF', scope: /keyword\.other\.field\.ref\.cable/ },
    // Passing lines under the banner are no headings; headings in capitals with FOR stay headings.
    { text: 'DEPARTMENT FOR EUR/SE AND EUR/ERA', at: 'EUR/SE', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'NSC FOR NSA SMITH', at: 'NSC', scope: /string\.unquoted\.passing\.cable/ },
    // An office and a military rank before a name, with no FOR: a passing line, not a heading in capitals.
    { text: 'NOFORN\n\nOSD COL JOHN Q. ROE', at: 'JOHN', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'NOFORN\n\nCENTCOM GEN ANN ROE', at: 'CENTCOM', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: '¶4. (C) Fares rose.\n\nSTATE OF THE FERRIES', at: 'STATE', scope: /markup\.heading\.cable/, not: /passing/ },
    { text: 'DEPT OF ENERGY FOR IE', at: 'IE', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'USEU ALSO FOR ECON', at: 'ECON', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'STATE PASS TO EEB/TPP', at: 'EEB', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'THE HUNT FOR NEW PARTNERS', at: 'HUNT', scope: /markup\.heading\.cable/ },
    { text: 'FOR EUR/SE JOHN ROE', at: 'JOHN', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'FOR THE MINISTER FROM THE AMBASSADOR', at: 'MINISTER', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'PASS TO JOHN ROE OF EUR/SE', at: 'ROE', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'EUR/SE FOR ROE', at: 'ROE', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'NEA/ARP, S/CT, EUR/SE', at: 'S/CT', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'WHA FOR A/S ROE', at: 'ROE', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    // A line of capitals prose that opens with an office code (09STATE40423: "INR/B OFFICERS WERE …") is no passing line, nor a
    // heading: the parser reads it as the paragraph's text. An office code before a name alone still opens a passing line.
    { text: 'THE BOARD MET IN MAY.\nEUR/SE OFFICERS WERE ABLE TO USE THE FIGURES IN THEIR', at: 'OFFICERS', not: /passing|heading/ },
    { text: 'THE BOARD MET IN MAY.\nEUR/SE OFFICERS WERE ABLE TO USE THE FIGURES IN THEIR', at: 'EUR/SE', not: /passing|heading/ },
    { text: 'EUR/SE OFFICERS AGREED.', at: 'OFFICERS', not: /passing/ },
    // The same in the text, under the head, where `after-sentence-text` reads it (and a long title in capitals, which it takes).
    { text: '¶1. (U) THE BOARD MET IN MAY.\nEUR/SE OFFICERS WERE ABLE TO USE THE FIGURES IN THEIR', at: 'EUR/SE', not: /passing|heading/ },
    { text: '¶1. (U) THE BOARD MET IN MAY.\nEUR/SE OFFICERS WERE ABLE TO USE THE FIGURES IN THEIR', at: 'OFFICERS', not: /passing|heading/ },
    { text: '¶1. (U) THE BOARD MET IN MAY.\nSESSION TWO: FERRY SAFETY AND THE DEVELOPMENT OF THE HARBOR FRONT', at: 'SESSION', not: /heading/ },
    { text: '¶1. (U) THE BOARD MET IN MAY.\nSESSION TWO: FERRY SAFETY AND THE DEVELOPMENT OF THE XXXXXXXXXXXX', at: 'XXXX', scope: /comment\.other\.redaction\.cable/, not: /heading/ },
    // A title of 60 characters there may be a short one the parser reads over a blank line and a paragraph: it stays a heading.
    { text: '¶1. (U) THE BOARD MET IN MAY.\nSESSION TWO: FERRY SAFETY AND THE DEVELOPMENT OF THE HARBORS', at: 'SESSION', scope: /markup\.heading\.cable/ },
    // A heading in capitals that opens with an office code, under a blank line or at the text's start, as the parser reads
    // one: the rule that kept the prose line above from being a heading left every such line uncolored.
    { text: 'S/CT VIEWS ON THE FERRY TALKS', at: 'VIEWS', scope: /markup\.heading\.cable/ },
    { text: 'THE BOARD MET IN MAY.\n\nS/CT VIEWS ON THE FERRY TALKS', at: 'S/CT', scope: /markup\.heading\.cable/ },
    // Under a line that ends a sentence, a code before a name or FOR still opens a passing line.
    { text: 'NEA/ARP (ROE)\nEUR/SE FOR ROE AND DOE', at: 'ROE AND', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'NEA/ARP (ROE)\nEUR/SE JOHN Q. ROE', at: 'JOHN', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'NEA/ARP JROE', at: 'JROE', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'EUR/SE JOHN Q. ROE', at: 'ROE', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'INR/IAA (ROE), EUR/CE (DOE, ROE)', at: 'DOE', scope: /string\.unquoted\.passing\.cable/ },
    // An office with a colon, then names or offices: a passing line, which the parser reads under the banner.
    { text: 'DRL: JROE, S/WCI: ASMITH', at: 'JROE', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    { text: 'STATE:NEA/MAG (JROE, ASMITH)', at: 'NEA', scope: /string\.unquoted\.passing\.cable/, not: /heading/ },
    // A heading in capitals with a colon after a word that is no office stays a heading.
    { text: 'IRAN: THE NEXT ROUND', at: 'NEXT', scope: /markup\.heading\.cable/ },
    { text: 'State for EUR/SE - JRoe, JDoe', at: 'JRoe', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'For EUR/SE (Roe), EUR/PPD (Doe)', at: 'Roe', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'For EU leaders the talks were a success', at: 'leaders', not: /passing/ },
    { text: 'THE SEARCH FOR NEW QUAYS', at: 'SEARCH', scope: /markup\.heading\.cable/ },
    // Office distribution lines of old printouts.
    { text: 'INFO  LOG-00   ABC-00   DEF-00   G-00', at: 'ABC', scope: /comment\.line\.distribution\.cable/, not: /heading|address/ },
    { text: 'INFO  LOG-00   ABC-00   DEF-00   G-00', at: 'INFO', scope: /keyword\.other\.distribution\.cable/ },
    { text: 'ACTION XYZ-00', at: 'XYZ', scope: /comment\.line\.distribution\.cable/, not: /heading/ },
    // A printout's distribution block, as the parser reads it: the code line under "Distribution:" and the line of dashes
    // with its group, time and count that closes the block.
    { text: 'Distribution:\n\nXYZ4021', at: 'XYZ4021', scope: /comment\.line\.distribution\.cable/, not: /heading/ },
    { text: 'Distribution:', at: 'Distribution', scope: /keyword\.other\.distribution\.cable/ },
    { text: 'Distribution:\n\nXYZ4021\nACTION EUR-00', at: 'EUR', scope: /comment\.line\.distribution\.cable/ },
    { text: 'COP15', at: 'COP15', scope: /markup\.heading\.cable/ },
    { text: '                  ------------------AB12CD  240653Z /38', at: 'AB12CD', scope: /comment\.line\.distribution\.cable/ },
    { text: '      HIJ-00   KL-00    MNO-01   /000W', at: '/000W', scope: /comment\.line\.distribution\.cable/ },
    // A caveat line that repeats the level with one slash.
    { text: 'SECRET/NOFORN', at: 'NOFORN', scope: /storage\.modifier\.caveat\.cable/, not: /heading/ },
    { text: 'SECRET//NOFORN', at: 'SECRET', scope: /storage\.modifier\.caveat\.cable/, not: /banner/ },
    // A banner with caveats joined to the level, as a portion marking writes them.
    { text: 'SECRET//NOFORN VALLETTA 000412', at: 'SECRET', scope: /keyword\.control\.banner\.secret\.cable/ },
    { text: 'C O N F I D E N T I A L/NF SECTION 01 OF 02 VALLETTA 000412', at: 'NF', scope: /storage\.modifier\.caveat\.cable/ },
    { text: 'C O N F I D E N T I A L/NF SECTION 01 OF 02 VALLETTA 000412', at: 'VALLETTA', scope: /entity\.name\.section\.post\.cable/ },
    { text: 'UNCLAS//SBU VALLETTA 000412', at: '000412', scope: /constant\.numeric\.serial\.cable/ },
    // Addressees that continue a TO or INFO list with no routing indicator.
    { text: 'AMEMBASSY VALLETTA PRIORITY', at: 'VALLETTA', scope: /string\.unquoted\.address\.cable/, not: /heading/ },
    { text: 'AMEMBASSY VALLETTA PRIORITY', at: 'PRIORITY', scope: /keyword\.control\.precedence\.cable/ },
    { text: 'SECDEF WASHINGTON DC IMMEDIATE 0412', at: '0412', scope: /constant\.numeric\.serial\.cable/ },
    { text: 'GULF STATES COLLECTIVE', at: 'GULF', scope: /string\.unquoted\.address\.cable/, not: /heading/ },
    { text: 'CDR ANYCOM PATRICK AFB FL', at: 'CDR', scope: /string\.unquoted\.address\.cable/ },
    { text: 'AMEMBASSY VALLETTA PASS TO AMCONSUL GOZO', at: 'GOZO', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'TALKS ON THE FUTURE OF THE COLLECTIVE FARMS', at: 'TALKS', scope: /markup\.heading\.cable/ },
    // A line of capitals prose that opens with TO or INFO is no addressee: an address holds no apostrophe or small letter and
    // ends no sentence.
    { text: 'THE BOARD WILL ASK THE MINISTRY\nTO REOPEN THE FERRY LINE TO GOZO\'S PORT', at: 'REOPEN', not: /address/ },
    { text: 'THE BOARD WILL ASK THE MINISTRY\nTO GOZO AND COMINO IN MAY.', at: 'TO', not: /address/ },
    { text: 'TO VALLETTA COLLECTIVE', at: 'TO', scope: /keyword\.other\.address\.cable/ },
    { text: 'INFO SECDEF WASHINGTON DC//ABC-1//', at: 'SECDEF', scope: /string\.unquoted\.address\.cable/ },
    // The lines under an address line are addressees, whatever their shape, up to a blank line or another line of the header,
    // as the parser reads them.
    { text: 'INFO VALLETTA COLLECTIVE\nNORTHERN HARBOR DIPL POSTS', at: 'NORTHERN', scope: /string\.unquoted\.address\.cable/, not: /heading/ },
    { text: 'TO RUEHC/SECSTATE WASHDC 0412\nRU3HBS/USEU BRUSSELS PRIORITY', at: 'PRIORITY', scope: /keyword\.control\.precedence\.cable/ },
    { text: 'INFO VALLETTA COLLECTIVE\n\nNORTHERN HARBOR TALKS', at: 'NORTHERN', not: /address/ },
    { text: 'TO RUEHC/SECSTATE WASHDC 0412\nBT', at: 'BT', scope: /keyword\.other\.prosign\.cable/ },
    { text: 'TO RUEHC/SECSTATE WASHDC 0412\nC O N F I D E N T I A L VALLETTA 000412', at: '000412', scope: /constant\.numeric\.serial\.cable/, not: /address/ },
    { text: 'TO RUEHC/SECSTATE WASHDC 0412\nR 221415Z JUL 09', at: '221415Z', scope: /constant\.numeric\.dtg\.cable/ },
    // Headings in capitals with a title's punctuation, as the parser reads them; capitals prose and lists are none.
    { text: 'VALLETTA: THE PORT "OPEN FOR BUSINESS"', at: 'PORT', scope: /markup\.heading\.cable/ },
    { text: 'U.S. AID TO THE ISLANDS', at: 'AID', scope: /markup\.heading\.cable/ },
    { text: 'WHO PAYS FOR THE QUAYS?', at: 'PAYS', scope: /markup\.heading\.cable/ },
    { text: '...AND THEN THE FERRY LEFT', at: 'FERRY', scope: /markup\.heading\.cable/ },
    { text: 'THE QUAYS.  WHO WILL PAY FOR', at: 'QUAYS', not: /heading/ },
    // A row of a table in capitals, its columns two spaces or more or a tab apart after a word (a caption, a column header),
    // is no heading, as the parser reads it; a title's double space after its colon or full stop is one.
    { text: '¶2. (C) The board set the fares.\n\nFERRY LINES OF THE ISLANDS  2010 FARES', at: 'FERRY', not: /heading/ },
    { text: '¶2. (C) The board set the fares.\n\nLINE OPERATOR AND OWNER  FARE  SUBSIDY', at: 'LINE', not: /heading/ },
    { text: '¶2. (C) The board set the fares.\n\nLINE\tOPERATOR\tFARE', at: 'LINE', not: /heading/ },
    { text: '¶2. (C) The board set the fares.\n\n  FERRY LINES   2010 FARES', at: 'FERRY', not: /heading/ },
    { text: '¶2. (C) The board set the fares.\n\nGOZO:  FARES GO UP', at: 'GOZO', scope: /markup\.heading\.cable/ },
    { text: '¶2. (C) The board set the fares.\n\nHARBOR TALKS:   FARES GO UP', at: 'HARBOR', scope: /markup\.heading\.cable/ },
    { text: '¶2. (C) The board set the fares.\n\nAID TO THE U.S.  FERRY LINES', at: 'AID', scope: /markup\.heading\.cable/ },
    { text: '¶2. (C) The board set the fares.\n\nFERRY FARES GO UP  ', at: 'FERRY', scope: /markup\.heading\.cable/ },
    // A table's first row in capitals under its column header's rule and a blank line (09RANGOON355 in capitals) is no
    // heading, as the parser reads it (the table's text), in a box with a caption over the header too; a title under the rows
    // and a blank line, and one under a rule and a blank line with no table's row over the rule, are headings.
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\nLINE OWNER AND FIRM  SUBSIDY\n------------------ ----\n\nGOZO STAR JANE ROE/GOZO BANK NO', at: 'GOZO', not: /heading/ },
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\n------------------ ----\n NOWHERE FERRY LEAGUE  2009 LINES\n------------------ ----\nLINE OWNER AND FIRM  SUBSIDY\n------------------ ----\n\n\nGOZO STAR JANE ROE/GOZO BANK NO', at: 'GOZO', not: /heading/ },
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\nLINE OWNER AND FIRM  SUBSIDY\n------------------ ----\n\nGOZO STAR JANE ROE/GOZO BANK NO\nHARBOR UNITED JOHN DOE/PIER CO. YES', at: 'HARBOR', not: /heading/ },
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\nLINE OWNER AND FIRM  SUBSIDY\n------------------ ----\n\nGOZO STAR JANE ROE/GOZO BANK NO\n\nTHE NEW FERRY LINES', at: 'THE NEW', scope: /markup\.heading\.cable/ },
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\n------------------------------\n\nTHE NEW FERRY LINES', at: 'THE NEW', scope: /markup\.heading\.cable/ },
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\nLINE OWNER AND FIRM  SUBSIDY\n\nTHE NEW FERRY LINES', at: 'THE NEW', scope: /markup\.heading\.cable/ },
    { text: '¶2. (C) THE BOARD SET THE FARES.\n\nLINE OWNER AND FIRM  SUBSIDY\nTHE NEW FERRY LINES', at: 'THE NEW', not: /heading/ },
    // A line of capitals under a line that ends no sentence is a wrapped line, no heading, as the parser reads it; under a
    // sentence's end or a blank line it can be one.
    { text: 'The minister said that the\nGOVERNMENT WOULD NOT YIELD', at: 'GOVERNMENT', not: /heading/ },
    { text: 'The minister said that the  \nGOVERNMENT WOULD NOT YIELD', at: 'GOVERNMENT', not: /heading/ },
    { text: 'THE MINISTER SAID THAT THE\nGOVERNMENT WOULD NOT YIELD, AND\nTHE BOARD AGREED', at: 'BOARD', not: /heading/ },
    { text: 'The minister said that the\nNOWHERE 00000042 002 OF 003\nGOVERNMENT WOULD NOT YIELD', at: 'GOVERNMENT', not: /heading/ },
    { text: 'The minister said that the\nNOWHERE 00000042 002 OF 003', at: 'NOWHERE', scope: /comment\.line\.page\.cable/ },
    { text: 'DEPARTMENT FOR EUR/SE, EUR/ERA, \nAND EB', at: 'EB', not: /heading/ },
    { text: 'REF: A. STATE 1234: NOTES OF THE U.S.-\nGOZO FERRY TALKS', at: 'GOZO', not: /heading/ },
    { text: 'The board met again in June and\nROE', at: 'ROE', not: /heading/ },
    // A pilcrow number with no marking after it, under a line that ends in a small letter or a comma, is the release's pilcrow
    // before a date's day ("on June" ⏎ "¶12. In the talks, …"), no paragraph's, as the parser reads it (nor under a title in
    // small letters with no blank line between); with a marking, or under a sentence's end or a rule, it opens one.
    { text: 'The board met again on June\n¶12. In the talks, the minister spoke.', at: '¶12.', not: /paragraph/ },
    { text: 'The board met again on June 3, at noon,\n¶14. The minister spoke.', at: '¶14.', not: /paragraph/ },
    { text: 'The board met again in June and\n¶3. (C) The minister spoke.', at: '¶3.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'The board met again in June.\n¶3. The minister spoke.', at: '¶3.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'FERRY FARES\n-----------\n¶3. The minister spoke.', at: '¶3.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'Ferry Fares\n¶3. The minister spoke.', at: '¶3.', not: /paragraph/ },
    // A block's word in small letters opening a line under a line that ends in a small letter or a comma goes on with the
    // sentence ("… made the following" ⏎ "comments: …"), no opener, as the parser reads it; after a sentence's end, or
    // with a capital, it opens the block.
    { text: 'The minister made the following \ncomments: the fares will rise.', at: 'comments', not: /block/ },
    { text: 'The minister asked for our views, and our\nembassy comment: was brief.', at: 'comment', not: /block/ },
    { text: 'The minister spoke.\ncomments: the fares will rise.', at: 'comments', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'The minister spoke, and then\nComment: The fares will rise.', at: 'Comment', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'The board met again in June and\nSIPDIS', at: 'SIPDIS', scope: /storage\.modifier\.caveat\.cable/ },
    { text: 'The board met again in June and\nCOMMENT', at: 'COMMENT', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'The board met again in June and\nTHE QUAYS\n\nFERRY FARES', at: 'FERRY', scope: /markup\.heading\.cable/ },
    { text: 'The fares rose in May, the board said.\nNEW QUAYS', at: 'NEW', scope: /markup\.heading\.cable/ },
    { text: 'The board met again in June and\nthe fares rose.\nNEW QUAYS', at: 'NEW', scope: /markup\.heading\.cable/ },
    { text: 'THE NEW QUAYS:', at: 'QUAYS', not: /heading/ },
    { text: 'VALLETTA FOR SMITH; GOZO FOR JONES', at: 'SMITH', not: /heading/ },
    { text: 'SUMMARY AND INTRODUCTION', at: 'SUMMARY', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: 'EMBASSY COMMENT', at: 'COMMENT', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'EMBASSY COMMENT', at: 'EMBASSY', scope: /markup\.heading\.cable/, not: /block/ },
    // A block opener alone on a line, or as a //HEADING//.
    { text: 'COMMENT ', at: 'COMMENT', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: 'Summary', at: 'Summary', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: '//COMMENT//', at: 'COMMENT', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: '//BORDER SECURITY//', at: 'BORDER', scope: /markup\.heading\.cable/, not: /block/ },
    // A title between slashes wrapped over two lines is a heading on both, as the parser reads it.
    { text: '\n//LOOKING AHEAD - FERRY TALKS LIKELY TO GO ON INTO', at: 'LOOKING', scope: /markup\.heading\.cable/ },
    { text: '\n//LOOKING AHEAD - FERRY TALKS LIKELY TO GO ON INTO', at: '//', scope: /punctuation\.definition\.heading\.cable/ },
    { text: '\n//LOOKING AHEAD - FERRY TALKS LIKELY TO GO ON INTO\nTHE SUMMER//', at: 'SUMMER', scope: /markup\.heading\.cable/ },
    { text: '\n//LOOKING AHEAD - FERRY TALKS LIKELY TO GO ON INTO\nTHE SUMMER//', at: '//', scope: /punctuation\.definition\.heading\.cable/ },
    { text: 'SECDEF WASHINGTON DC//AB-1C/DEF//', at: 'SECDEF', not: /heading/ },
    { text: '//the talks went on', at: 'talks', not: /heading/ },
    // A closer split over two lines, and a closer in capitals on a line of its own.
    { text: 'Summary: the ministers met again. End\nsummary.', at: 'summary', scope: /keyword\.other\.block\.end\.cable/, not: /begin/ },
    { text: 'COMMENT: the ministers met again.  END\nCOMMENT. The minister', at: 'COMMENT', scope: /keyword\.other\.block\.end\.cable/, not: /begin/ },
    { text: 'the ministers met again. End\nThe minister said: Comment', at: 'Comment', not: /block\.end/ },
    { text: 'we will go on until the end', at: 'end', not: /block/ },
    { text: 'END COMMENT)', at: 'END', scope: /keyword\.other\.block\.end\.cable/, not: /heading/ },
    // Openers and closers with a label word, words after them, a bracket or a quote before them, as the parser reads them.
    { text: '¶5. (C) Embassy comment: The port will open.', at: 'comment', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: '(S/NF) Embassy Note and Comment: The port will open.', at: 'Note', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'The port will open. End Embassy Comment.', at: 'Comment', scope: /keyword\.other\.block\.end\.cable/ },
    { text: 'The port will open. End Summary and Comment.', at: 'and Comment', scope: /keyword\.other\.block\.end\.cable/ },
    { text: 'The fleet left. [Note: the ferry stayed.]', at: 'Note', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'The fleet left (Embassy Note: the ferry stayed.)', at: 'Note', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'The quays were full. (Comment. The port will open.)', at: 'Comment', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: '¶2. (S) Summary and Action Request. The port will open.', at: 'Action', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'the ferry will sail, he said." Comment: The port', at: 'Comment', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'COMMENT -- The port will open.', at: 'COMMENT', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'COMMENT: CANDID WORDS FROM A FRIEND', at: 'COMMENT', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: 'COMMENT: CANDID WORDS FROM A FRIEND', at: 'CANDID', scope: /markup\.heading\.cable/, not: /block/ },
    { text: 'COMMENTS ON THE TALKS', at: 'COMMENTS', scope: /markup\.heading\.cable/, not: /block/ },
    { text: 'Summary and Key Themes', at: 'Summary', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: 'Summary and Key Themes', at: 'Key', scope: /markup\.heading\.cable/, not: /block/ },
    { text: 'Summary: the ministers met again. End summary and\ncomment.', at: 'comment', scope: /keyword\.other\.block\.end\.cable/, not: /begin/ },
    { text: 'The ministers met. End summary and\nthe talks went on.', at: 'talks', not: /block/ },
    { text: 'The notes of the meeting (Notes follow) were sent.', at: 'Notes', not: /block/ },
    { text: 'the post office. Comments from the minister were', at: 'Comments', not: /block/ },
    // The order keyword in any case the parser reads.
    { text: 'E.o. 12958: decl: 07/22/2019', at: 'E.o.', scope: /keyword\.other\.field\.eo\.cable/ },
    // The E.O. field opens a line; an order cited in prose is no field.
    { text: 'the firm was named in 2006 pursuant to E.O. 13224.', at: 'E.O.', not: /field\.eo/ },
    { text: '(named by the USG under E.O. 13382) to open a branch', at: '13382', not: /order/ },
    { text: '  EO 12958 DECL: OADR', at: 'EO', scope: /keyword\.other\.field\.eo\.cable/ },
    { text: 'E.O.12356: DECL:OADR', at: '12356', scope: /constant\.numeric\.order\.cable/ },
    // N/A right after the order, with or without a colon, as the parser reads it.
    { text: 'EO 12958 N/A', at: 'N/A', scope: /constant\.language\.na\.cable/ },
    { text: 'E.O. 12958: N/A', at: 'N/A', scope: /constant\.language\.na\.cable/ },
    // Classified By / Derived From open a field only with a capital.
    { text: 'DERIVED FROM: DSCG 05-1', at: 'DERIVED', scope: /keyword\.other\.field\.classified-by\.cable/ },
    { text: 'the figures were derived from the budget of 2008', at: 'derived', not: /classified-by/ },
    { text: 'papers classified by the ministry as (b) secret', at: 'b) secret', not: /reason/ },
    // A subject's marking comes right after the keyword; a letter or a document number in parentheses later is text.
    { text: 'SUBJECT: (S) TALKS ON THE BORDER', at: 'S)', scope: /marking\.secret\.cable/ },
    { text: 'SUBJECT: VISITS BY THE MINISTER AND HIS DEPUTY (s)', at: 's)', not: /marking/ },
    { text: 'SUBJECT: THE PORT EXTENDS ITS QUAYS (C-AB1-00123)', at: 'C-', not: /marking/ },
    { text: 'SUBJECT: THE PORT EXTENDS\nITS QUAYS (C)', at: 'C)', not: /marking/ },
    // A rule line under the subject ends it, as the parser reads it: the rule boxes the heading under it.
    { text: 'SUBJECT: HARBOR NOTES 11-09-2009\n-----------', at: '---', scope: /heading\.rule\.cable/, not: /subject/ },
    { text: 'SUBJECT: HARBOR NOTES\n-----------\nSUMMARY', at: 'SUMMARY', scope: /markup\.heading\.cable/, not: /subject/ },
    // The reasons of a Classified By line that wrapped.
    { text: 'Classified By: Ambassador Jane Doe for\nreasons 1.4 (b) and (d).', at: '1.4', scope: /constant\.numeric\.reason-section\.cable/ },
    { text: 'Classified By: Ambassador Jane Doe for\nreasons 1.4 (b) and (d).', at: 'd)', scope: /constant\.character\.reason\.cable/ },
    { text: 'Classified By: Ambassador Jane Doe, for reasons\n1.4 b & d', at: 'd', scope: /constant\.character\.reason\.cable/ },
    { text: '1.4 (b) and (d). A meeting was held', at: 'meeting', not: /reason/ },
    // Reasons cut after the section, a comma, "and" or an open parenthesis go on at the next line's start, as the parser reads them.
    { text: 'Classified By: Consul Ann Roe for reasons 1.4\n(b) and (d).', at: 'd)', scope: /constant\.character\.reason\.cable/ },
    { text: 'Classified By: Consul Ann Roe, Reasons 1.4 (b, \nc, & d).', at: 'c,', scope: /constant\.character\.reason\.cable/ },
    { text: 'Classified By: CONSUL ANN ROE, REASON 1.4(B) and\n(D)', at: 'D)', scope: /constant\.character\.reason\.cable/ },
    { text: 'Classified By: Consul Ann Roe for reasons 1.4 (B) and (\nD)', at: 'D)', scope: /constant\.character\.reason\.cable/ },
    // Reasons that end their line end there: a marking under them is no reason, and a paragraph under cut ones opens.
    { text: 'Classified By: Consul Ann Roe for reasons 1.4 (b) and (d)\n(C) The port reopened.', at: 'C)', not: /reason/ },
    { text: 'Classified By: Consul Ann Roe for reasons 1.4 (\n¶1. (C) The port reopened.', at: '¶1.', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: 'Classified By: Consul Ann Roe for reasons 1.4\n\n¶1. (C) The port reopened.', at: 'C)', scope: /marking\.confidential\.cable/, not: /reason/ },
    // Reason letters come after the section, "reasons" or a guide; a classifier's initials are none.
    { text: 'Classified By: Ambassador Jane C. Doe for reasons 1.4 (b) and (d).', at: 'C.', not: /reason/ },
    { text: 'Classified By: Ambassador Jane C. Doe for reasons 1.4 (b) and (d).', at: 'd)', scope: /constant\.character\.reason\.cable/ },
    { text: 'Classified By: A/DCM John Roe, reasons 1.4 (b)', at: 'A/', not: /reason/ },
    { text: "CLASSIFIED BY: JOHN ROE, CHARGE D'AFFAIRES, REASON: 1.4(B), (D)", at: "D'", not: /reason/ },
    { text: "CLASSIFIED BY: JOHN ROE, CHARGE D'AFFAIRES, REASON: 1.4(B), (D)", at: 'B)', scope: /constant\.character\.reason\.cable/ },
    { text: 'Classified By: Ambassador Jane Doe, Reasons: b and d', at: 'b and', scope: /constant\.character\.reason\.cable/ },
    { text: 'DERIVED FROM: DSCG 05-1 B, D', at: 'B,', scope: /constant\.character\.reason\.cable/ },
    { text: 'The economy grew 1.4 percent in May and June', at: '1.4', not: /reason/ },
    // A TAGS field wrapped onto lines of codes, and the line after it.
    { text: 'TAGS: PREL PTER MARR\nMT, IT, FR ', at: 'IT', scope: /variable\.other\.tag\.cable/, not: /heading/ },
    { text: 'TAGS: PREL PTER MARR\nKPAL', at: 'KPAL', scope: /variable\.other\.tag\.cable/ },
    { text: 'TAGS: PREL PTER MARR\nMT, IT\nSUBJECT: TALKS', at: 'SUBJECT', scope: /keyword\.other\.field\.subject\.cable/ },
    { text: 'TAGS: PREL PTER MARR\nTAGS PREL, PGOV', at: 'TAGS', scope: /keyword\.other\.field\.tags\.cable/ },
    { text: 'TAGS: PREL PTER MARR\nTHE MINISTER SAID NO', at: 'MINISTER', not: /tag/ },
    // The word in prose is no TAGS field: the parser reads the keyword only in the metadata, at a line's start or after an
    // E.O. field on its line.
    { text: '¶1. (U) The new ferries carry price tags of two million euros each,', at: 'tags', not: /tag/ },
    { text: '¶1. (U) The new ferries carry price tags of two million euros each,', at: 'euros', not: /tag/ },
    { text: '¶1. (U) The ferries carry price tags of two million euros each\nROE', at: 'ROE', not: /tag/ },
    { text: '¶2. (U) Tags on the luggage were lost at the quay.', at: 'luggage', not: /tag/ },
    { text: 'Tags PREL, PGOV, XX', at: 'PGOV', scope: /variable\.other\.tag\.cable/ },
    // A block's word alone with its colon over or between rules is a heading that opens the block, as the parser reads it
    // (and as the word alone is: "COMMENT"); the server's semantic tokens color no heading that opens a block.
    { text: '¶4. (C) Fares rose.\n\n--------\nCOMMENT:', at: 'COMMENT', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: '¶4. (C) Fares rose.\n\n---------\nComment: ', at: 'Comment', scope: /markup\.heading\.cable keyword\.other\.block\.begin\.cable/ },
    { text: '¶4. (C) Fares rose.\n\nEMBASSY COMMENT:', at: 'EMBASSY', scope: /markup\.heading\.cable/ },
    { text: '¶4. (C) Fares rose.\n\nEmbassy Comment', at: 'Embassy', scope: /markup\.heading\.cable/ },
    { text: '¶4. (C) Fares rose.\n\nEMBASSY COMMENT:', at: 'COMMENT', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: 'Comment: the board met.', at: 'board', not: /heading/ },
    { text: 'Carvalho made the following\ncomments:', at: 'comments', not: /heading|block/ },
    // A marking that lost its '(', and a marking after a block's label, as the parser reads them.
    { text: '¶1. C) Summary: The minister spoke.', at: 'C)', scope: /constant\.language\.marking\.confidential\.cable/ },
    { text: '¶12. S/NF) The minister spoke.', at: 'NF', scope: /constant\.other\.control\.cable/ },
    { text: '4. SBU) The minister spoke.', at: 'SBU', scope: /constant\.language\.marking\.unclassified\.cable/ },
    { text: '¶3. CIA) The agency spoke.', at: 'CIA', not: /marking/ },
    { text: '¶1.  Summary:  (C) President Smith spoke.', at: 'C)', scope: /constant\.language\.marking\.confidential\.cable/ },
    { text: '¶1.  Summary:  (C) President Smith spoke.', at: 'Summary', scope: /keyword\.other\.block\.begin\.cable/ },
    { text: '¶5. Comment -- (S//NF) The minister spoke.', at: 'NF', scope: /constant\.other\.control\.cable/ },
    { text: '¶4. Summary: the talks (C) went on.', at: 'C)', not: /marking/ },
    // A bare number with a comma or nothing for its full stop, before a marking.
    { text: '18, (SBU) The minister spoke.', at: '18,', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: '18, (SBU) The minister spoke.', at: 'SBU', scope: /constant\.language\.marking\.unclassified\.cable/ },
    { text: '3 (S) The minister spoke.', at: '3', scope: /constant\.numeric\.paragraph\.cable/ },
    { text: '3 (S//NF) The minister spoke.', at: 'NF', scope: /constant\.other\.control\.cable/ },
    { text: '1 (Iran) and 2 (Syria) were named.', at: '1', not: /paragraph/ },
    { text: '3 (c) of the act applies.', at: '3', not: /paragraph/ },
    // An addressee with an office between double slashes before the serial.
    { text: 'CIA WASHINGTON DC//NHTC// 0412', at: 'CIA', scope: /string\.unquoted\.address\.cable/, not: /heading/ },
    { text: 'CIA WASHINGTON DC//NHTC// 0412', at: '0412', scope: /constant\.numeric\.serial\.cable/ },
    { text: 'DIA WASHINGTON DC//AB-1C/DEF//GH//', at: 'DIA', scope: /string\.unquoted\.address\.cable/ },
    { text: 'JOINT STAFF WASHINGTON DC//J-5// PRIORITY', at: 'PRIORITY', scope: /keyword\.control\.precedence\.cable/ },
    // Redactions in a banner's post and in a REF citation.
    { text: 'S E C R E T SECTION 01 OF 02 XXXXXXXXXXXX 000412', at: 'XXXX', scope: /entity\.name\.section\.post\.cable comment\.other\.redaction\.cable/ },
    { text: 'SECRET//NOFORN XXXXXXXXXXXX 000412', at: 'XXXX', scope: /comment\.other\.redaction\.cable/ },
    { text: 'REF: 08 XXXXXXXXXXXX 412', at: 'XXXX', scope: /support\.constant\.citation\.cable comment\.other\.redaction\.cable/ },
    { text: 'Ref: Valletta XXXXXXXXXXXX', at: 'XXXX', scope: /comment\.other\.redaction\.cable/ },
    { text: 'B. XXXXXXXXXXXX 412', at: 'XXXX', scope: /comment\.other\.redaction\.cable/ },
    // N/A right after the order's colon, with no space (09TELAVIV1098: "E.O. 12958:N/A"), as the parser reads it; a number in
    // prose before N/A is no order.
    { text: 'E.O. 12958:N/A', at: 'N/A', scope: /constant\.language\.na\.cable/ },
    { text: 'E.O. 12958: N/A', at: 'N/A', scope: /constant\.language\.na\.cable/ },
    { text: '¶3. (U) Ferry line 7 N/A in the survey.', at: 'N/A', not: /\.na\./ },
    // "Declassify on" is the DECL keyword before its value, as the parser reads it on the E.O. line; in prose it is text.
    { text: 'E.O. 12958: Declassify on: 05/27/2019', at: 'Declassify', scope: /keyword\.other\.field\.decl\.cable/ },
    { text: 'E.O. 12958: Declassify on: 05/27/2019', at: '05/27', scope: /constant\.numeric\.date\.cable/ },
    { text: 'E.O. 12958: DECLASSIFY ON OADR', at: 'OADR', scope: /constant\.numeric\.date\.cable/ },
    { text: '¶3. (U) The ministry will declassify on request the old harbor plans.', at: 'declassify', not: /decl/ },
    // A DECL value in words is colored whole, as the parser reads it, up to a field's keyword sharing its line.
    { text: 'E.O. 12958: DECL: TEN YEARS AFTER THE FERRY TREATY ', at: 'TREATY', scope: /constant\.numeric\.date\.cable/ },
    { text: 'E.O. 12958: DECL: OADR TAGS: PREL', at: 'OADR', scope: /constant\.numeric\.date\.cable/ },
    { text: 'E.O. 12958: DECL: OADR TAGS: PREL', at: 'TAGS', scope: /keyword\.other\.field\.tags\.cable/ },
    // A web-site footer's lines above and below its "Visit … Classified Website" line: its rule of asterisks broken where the
    // release wrapped it, the line ending "visit:" and the link under it, and a link to a classified-network site alone.
    { text: '¶12. (U) Fares rose.\n\n********************************************* *****', at: '*', scope: /comment\.line\.footer\.cable/, not: /heading/ },
    { text: '*****', at: '*', scope: /punctuation\.definition\.heading\.rule\.cable/, not: /footer/ },
    { text: 'For more reporting from Embassy Nowhere, visit:', at: 'reporting', scope: /comment\.line\.footer\.cable/ },
    { text: 'For more reporting from Embassy Nowhere, visit:\nhttp://www.example.sgov.gov/p/nea/nowhere/?cable s', at: 'cable s', scope: /comment\.line\.footer\.cable/ },
    { text: 'For more on this, the minister urged us to visit:', at: 'minister', not: /footer/ },
    { text: 'Visit Nowhere\'s Classified Website at:\n\nhttp://www.example.sgov.gov/wiki/Portal:Nowh ere', at: 'Portal', scope: /comment\.line\.footer\.cable/ },
    { text: 'http://www.example.gov/communities/nowh ere', at: 'example', not: /footer/ },
    // The same footer in a cable written all in capitals, as the parser reads it in any case: its lines are no passing line or
    // heading, under a rule of asterisks too.
    { text: '¶2. (U) THE BOARD WILL MEET AGAIN IN JUNE.\n\nVISIT EMBASSY NOWHERE\'S CLASSIFIED WEBSITE:', at: 'NOWHERE', scope: /comment\.line\.footer\.cable/ },
    { text: 'VISIT EMBASSY NOWHERE\'S CLASSIFIED WEBSITE:\nHTTP://WWW.EXAMPLE.SGOV.GOV/P/EUR/NOWHERE/INDEX.C', at: 'EXAMPLE', scope: /comment\.line\.footer\.cable/ },
    { text: '********************************************* *****\nPLEASE VISIT NOWHERE\'S CLASSIFIED WEBSITE AT:', at: 'NOWHERE', scope: /comment\.line\.footer\.cable/ },
    { text: 'FOR MORE REPORTING FROM EMBASSY NOWHERE, VISIT:', at: 'REPORTING', scope: /comment\.line\.footer\.cable/, not: /passing/ },
    { text: 'HTTP://WWW.EXAMPLE.SGOV.GOV/WIKI/PORTAL:NOWH ERE', at: 'EXAMPLE', scope: /comment\.line\.footer\.cable/ },
    // A footer's lines end no sentence: a surname in capitals under its rule of asterisks or its link is colored as the
    // signature is elsewhere (07TELAVIV2652, 10KUWAIT142), not left as a line that goes on with a sentence.
    { text: 'VISIT EMBASSY NOWHERE\'S CLASSIFIED WEBSITE:\nHTTP://WWW.EXAMPLE.SGOV.GOV/P/EUR/NOWHERE\n********************************************* *****\nROE', at: 'ROE', scope: /markup\.heading\.cable/ },
    { text: 'Visit Nowhere\'s Classified Website at:\n\nhttp://www.example.sgov.gov/wiki/Portal:Nowh ere\nROE', at: 'ROE', scope: /markup\.heading\.cable/ },
    { text: 'VISITORS SAID THE CLASSIFIED WEBSITE WAS SLOW.', at: 'SAID', not: /footer/ },
    // A footer's note on its site under its link (07TELAVIV2652), which the parser reads as the footer's, up to "website".
    { text: 'You can also access this site through the Department\'s', at: 'through', scope: /comment\.line\.footer\.cable/ },
    { text: 'You can also access this site through the Department\'s\nClassified SIPRNET website.', at: 'SIPRNET', scope: /comment\.line\.footer\.cable/ },
    { text: 'You can also access this site through the Department\'s classified website.\nThe ferry runs.', at: 'ferry', not: /footer/ },
    { text: 'You can also access this site through the Department\'s\nThe ferry runs.', at: 'ferry', not: /footer/ },
    // The release's title line above the header (seed 001), which the parser reads as the preamble's title: no heading.
    { text: 'Cablegate: Ferry Talks Resume at the Old Pier', at: 'Ferry', scope: /comment\.line\.publisher-note\.cable/ },
    { text: 'CABLEGATE: FERRY TALKS RESUME AT THE OLD PIER', at: 'FERRY', scope: /comment\.line\.publisher-note\.cable/, not: /heading/ },
    // A line of capitals prose that opens with FOR, as a cable in capitals wraps its text, is no passing line; a passing line is.
    { text: 'THE BOARD WILL ASK\nFOR THE COMBAT OF SMUGGLING.', at: 'COMBAT', not: /passing/ },
    { text: 'FOR OUTREACH TO THE ISLANDERS, THE RADIO IS NOW', at: 'OUTREACH', not: /passing/ },
    { text: 'FOR THE OLD FARES THE BOARD WOULD WAIT', at: 'OLD', not: /passing/ },
    { text: 'FOR JOHN Q. ROE AND EUR/WE', at: 'JOHN', scope: /string\.unquoted\.passing\.cable/ },
    { text: 'FOR THE SECRETARY FROM THE AMBASSADOR', at: 'SECRETARY', scope: /string\.unquoted\.passing\.cable/ },
    // A DECL value alone under an E.O. line that gives none is the value, as the parser reads it, no heading.
    { text: 'E.O. 12958:\nN/A', at: 'N/A', scope: /constant\.language\.na\.cable/, not: /heading/ },
    // A rule of dashes whose last dash the release wrapped onto a line of its own, and the title under it.
    { text: '¶4. (C) Fares rose.\n\n- - - - - - - - - - - - - - - - - - - - - -\n- ', at: '-', scope: /punctuation\.definition\.heading\.rule\.cable/ },
    { text: '¶4. (C) Fares rose.\n\n--------------------------------------------\n-', at: '-', scope: /punctuation\.definition\.heading\.rule\.cable/ },
    { text: '¶4. (C) Fares rose.\n\n- - - - - - - - - - - - - - - - - - - - - -\n-\nFERRY FARES RISE AGAIN', at: 'FERRY', scope: /markup\.heading\.cable/, not: /rule/ },
    // A title of capitals whose quoted phrase ends with its own question or exclamation mark.
    { text: '¶4. (C) Fares rose.\n\n"WILL IT FLOAT?" SCENARIOS', at: 'SCENARIOS', scope: /markup\.heading\.cable/ },
    { text: '¶4. (C) Fares rose.\n\nTHE MINISTER\'S "NEVER AGAIN!" PLEDGE', at: 'PLEDGE', scope: /markup\.heading\.cable/ },
    // A paragraph in capitals, as older cables and copies in capitals write the text: its lines are text, as the parser reads
    // them, under a line that ends a sentence, across a page break and past the SIPDIS line the release put in it; a line there
    // that opens with TO, FM, FOR or a level word is no address, passing line or banner.
    { text: '¶1. (C) THE HARBOR BOARD MET ON MARCH 10 AND AGREED ON FARES.\nFERRY OPERATORS TOLD THE AMBASSADOR THAT THE NEW QUAYS WOULD', at: 'FERRY', not: /heading/ },
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\nTO THE DISMAY OF THE MINISTER CLOSED UNTIL MAY, WHILE THE', at: 'DISMAY', not: /address/ },
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\nCLOSED UNTIL MAY, WHILE THE\nFM HAD ASKED THAT THEY OPEN AT ONCE', at: 'HAD', not: /address/ },
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\nCLOSED UNTIL MAY.  IT ALSO PASSED A\nFOR THE FERRY COMPANIES', at: 'FERRY', not: /passing/ },
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\nCLOSED UNTIL MAY.  THE\nSECRET TALKS WITH THE UNIONS WOULD GO ON', at: 'SECRET', not: /banner|caveat/ },
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\n\nNOWHERE 00000412  002 OF 003\n\n\nCLOSED UNTIL MAY AND', at: 'CLOSED', not: /heading/ },
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\n\nSIPDIS\nCLOSED UNTIL MAY AND', at: 'CLOSED', not: /heading/ },
    // A paragraph's end and a blank line still leave a heading in capitals one; so does a paragraph of the usual mixed case.
    { text: '¶1. (C) THE HARBOR BOARD SAID THAT THE NEW QUAYS WOULD STAY\nCLOSED UNTIL MAY.\n\nOUTLOOK FOR THE SUMMER', at: 'OUTLOOK', scope: /markup\.heading\.cable/ },
    { text: '¶1. (C) The harbor board said that the new quays would stay\nclosed until May.\nOUTLOOK FOR THE SUMMER', at: 'OUTLOOK', scope: /markup\.heading\.cable/ },
    // A line of capitals that ends with an article, a conjunction or an auxiliary is prose cut mid-sentence, no heading.
    { text: 'THE FERRY OPERATORS SAID THEY WOULD WAIT.\nIN THE MEANTIME THEY WOULD KEEP THE OLD FARES FOR THE', at: 'MEANTIME', not: /heading/ },
    { text: 'THE FERRY OPERATORS SAID THEY WOULD WAIT.\nPLAN A', at: 'PLAN', scope: /markup\.heading\.cable/ },
    // A line of capitals prose that opens with TO or FM is no address: an address is a few words or names a mission.
    { text: 'TO FERRY OPERATORS REPORTEDLY WAITED OUTSIDE THE HARBOR OFFICE WHILE', at: 'FERRY', not: /address/ },
    { text: 'FM LAVROV, DURING WHICH THE MINISTER SAID', at: 'LAVROV', not: /address/ },
    { text: 'FM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC IMMEDIATE 0412\nINFO WESTERN HARBOR AFFAIRS DIPL POSTS', at: 'WESTERN', scope: /string\.unquoted\.address\.cable/ },
    { text: 'INFO ALL US CONSULATES IN THE HARBOR REGION COLLECTIVE', at: 'ALL', scope: /string\.unquoted\.address\.cable/ },
    // Nor is a short one ("TO JUSTICE" at a wrapped line's start, 08STATE103511 in capitals), or one with a word of prose after a
    // mission ("USDEL SHOULD …", 09STATE93327) or the keyword (09STATE16285): away from the header's DTG and FM lines, an address
    // line needs what gives an address away (a mission, Washington, a collective, the posts of a region, a base, a precedence).
    { text: 'THE BOARD VOWED TO BRING THOSE WHO SANK THE FERRY\nTO JUSTICE', at: 'JUSTICE', not: /address/ },
    { text: 'THE BOARD VOWED TO BRING THOSE WHO SANK THE FERRY.\n\nTO JUSTICE NOW', at: 'JUSTICE', not: /address/ },
    { text: 'THE MINISTER URGED THE GOVERNMENT\nTO IMPLEMENT ITS HARBOR OBLIGATIONS', at: 'IMPLEMENT', not: /address/ },
    { text: 'THE FERRY TALKS WENT WELL.\nUSDEL SHOULD STRESS THAT THE FARES CAN', at: 'STRESS', not: /address/ },
    { text: 'THE HARBOR BOARD MET.\nFM ROE TOLD THE AMBASSADOR', at: 'ROE', not: /address/ },
    { text: 'THE HARBOR BOARD MET.\nFM ROE', at: 'ROE', not: /address/ },
    { text: 'TO SECSTATE WASHDC IMMEDIATE 0412', at: 'SECSTATE', scope: /string\.unquoted\.address\.cable/ },
    { text: 'INFO HARBOR STATES COLLECTIVE', at: 'HARBOR', scope: /string\.unquoted\.address\.cable/ },
    { text: 'INFO USDAO NOWHERE PRIORITY', at: 'USDAO', scope: /string\.unquoted\.address\.cable/ },
    { text: 'INFO CDR USHARBORCOM NOWHERE AFB FL', at: 'CDR', scope: /string\.unquoted\.address\.cable/ },
    { text: 'FM AMEMBASSY NOWHERE', at: 'NOWHERE', scope: /string\.unquoted\.address\.cable/ },
    { text: 'AMEMBASSY THE HAGUE PRIORITY', at: 'HAGUE', scope: /string\.unquoted\.address\.cable/ },
    // Right under the DTG line, the FM line and the TO line under it are the header's whatever their address, as every header
    // writes them.
    { text: 'P 121430Z MAR 09\nFM RPO NOWHERE', at: 'RPO', scope: /string\.unquoted\.address\.cable/ },
    { text: 'P 121430Z MAR 09\nFM RPO NOWHERE\nTO HARBOR OFFICE NOWHERE', at: 'HARBOR', scope: /string\.unquoted\.address\.cable/ },
    { text: 'P 121430Z MAR 09\nFM RPO NOWHERE\nTO HARBOR OFFICE NOWHERE\nINFO PORT OFFICE ELSEWHERE', at: 'PORT', scope: /string\.unquoted\.address\.cable/ },
    // A line of capitals prose that opens with FOR and holds an adverb of manner is no passing line (09KABUL1239 in capitals).
    { text: 'FOR HARBOR WORKS AND DREDGING (HWD) FOR URGENTLY NEEDED', at: 'HARBOR', not: /passing/ },
    { text: 'FOR THE HARBOR MASTER, DIRECTLY', at: 'HARBOR', not: /passing/ },
    { text: 'FOR EUR/WE AND THE HARBOR MASTER ONLY', at: 'EUR', scope: /string\.unquoted\.passing\.cable/ },
    // The publisher's date line in capitals, or with more than one space between its parts, as in small letters.
    { text: 'FRIDAY, 13 MARCH 2009, 14:30', at: 'MARCH', scope: /comment\.line\.date-line\.cable/ },
    { text: 'Friday,  13 March 2009,\t14:30', at: 'March', scope: /comment\.line\.date-line\.cable/ },
    { text: 'FRIDAY, THE HARBOR BOARD MET AT 14:30', at: 'HARBOR', not: /date-line/ },
    // In a text in capitals, CLASSIFIED BY or DERIVED FROM with an article after it, at the start of a line under one that ends
    // no sentence or in a paragraph in capitals, goes on with the text (09STATE37566 in capitals); in the metadata it is the field.
    { text: '-- FIGURES ON THE HARBOR GROUPS\' INCOME\nDERIVED FROM THE FERRY TRADE, INCLUDING FARES AND', at: 'DERIVED', not: /classified-by/ },
    { text: '¶4. (C) THE BOARD KEPT THE OLD LIST OF FERRY OPERATORS AND THEIR INCOME\nCLASSIFIED BY THE MINISTRY AS SECRET UNTIL THE NEW QUAYS OPEN', at: 'CLASSIFIED', not: /classified-by/ },
    { text: 'SUBJECT: FERRY TALKS\n\nCLASSIFIED BY THE AMBASSADOR FOR REASONS 1.4 (B) AND (D)', at: 'CLASSIFIED', scope: /keyword\.other\.field\.classified-by\.cable/ },
    { text: '-- FIGURES ON THE HARBOR GROUPS\' INCOME\nDERIVED FROM MULTIPLE SOURCES', at: 'DERIVED', scope: /keyword\.other\.field\.classified-by\.cable/ },
    // A printout's distribution keyword in capitals, as a copy in capitals writes it, is the keyword as in mixed case, and the
    // code under it a distribution line, no heading; the keyword with words after it is none.
    { text: 'NOWHERE WASHDC\n\nDISTRIBUTION:', at: 'DISTRIBUTION', scope: /keyword\.other\.distribution\.cable/ },
    { text: 'DISTRIBUTION:\n\nHRB1207', at: 'HRB1207', scope: /comment\.line\.distribution\.cable/, not: /heading/ },
    { text: 'DISTRIBUTION: THE BOARD SENT THE FARES TO EVERY PORT', at: 'DISTRIBUTION', not: /distribution/ },
  ];
  for (const c of reads) {
    it(`scopes ${JSON.stringify(c.at)} in ${JSON.stringify(c.text)} as the parser reads it`, () => {
      const lines = tokenize(grammar, c.text);
      const { line, tokens } = lines[lines.length - 1];
      const at = line.indexOf(c.at);
      assert.ok(at >= 0, `${c.at} not in ${line}`);
      const scopes = tokens.find((t) => t.start <= at && at < t.end)?.scopes.join(' ') ?? '';
      if (c.scope) assert.match(scopes, c.scope);
      if (c.not) assert.doesNotMatch(scopes, c.not);
    });
  }

  it('never leaks a broken construct onto the next line', () => {
    const lines = tokenize(grammar, fs.readFileSync(path.join(__dirname, 'cases/broken.txt'), 'utf8'));
    const scopesOf = (i: number) => lines[i].tokens.flatMap((t) => t.scopes).join(' ');
    assert.doesNotMatch(scopesOf(2), /subject/, 'subject ran into the body');
    assert.doesNotMatch(scopesOf(6), /marking|tag|paragraph/, 'a broken marking leaked');
    assert.match(scopesOf(9), /constant\.numeric\.paragraph\.cable/);
  });

  it('tokenizes a 16,000-character line in linear time (a line 8 times as long in about 8 times as long), and fast', () => {
    // Processor time, which a loaded machine's waits leave out (a wall-clock limit of 500 ms failed under load).
    const line = (n: number) => ('¶1. (C) ' + 'The minister (who spoke at length) said XXXXXXXXXXXX was here. '.repeat(Math.ceil(n / 64))).slice(0, n);
    assertLinearTime(line, (text) => tokenize(grammar, text), 16000);
    const { user, system } = process.cpuUsage();
    tokenize(grammar, line(16000));
    const used = process.cpuUsage({ user, system });
    assert.ok((used.user + used.system) / 1000 < 500, 'tokenizing took too long');
  });

  // recheck's verdict on `ref-item`'s third rule (a glued item letter after an item's end) once ran out of its 30 s under a
  // loaded machine; the rule has no super-linear backtracking: its look-ahead runs only after an item's letter and reads
  // letters, digits and single spaces, up to the first full stop or parenthesis, where the next such letter stands. Items
  // packed on a REF line, in each shape its look-behind takes, tokenize in linear time.
  it('tokenizes a REF line of many glued and spaced items in linear time', () => {
    const items = ['1 A.aa aa aa aa ', ') (a) aa aa aa aa', ';A.', '1 ¶ B.', ', ¶ c) 19aa aa aa aa a', '12 D.08 STATE 4410; '];
    const line = (n: number) => ('REF: A.NOWHERE 12 ' + items.join('').repeat(Math.ceil(n / 80))).slice(0, n);
    assertLinearTime(line, (text) => tokenize(grammar, text), 16000);
  });

  it('tokenizes a long line of spaces before its text in linear time, in the text, a TAGS field, the header and an address list', () => {
    // A pattern that opens with `^\s*` (or `[ \t]*`) and then a look-ahead scanning the line read the rest of the line again
    // at each count of the spaces it gave back: a line of 16,000 spaces and a word took 1-3 s in the heading in capitals,
    // the TAGS field's end, the addressee's pattern and the test for an address list's line (80 ms and more there). Each
    // now stops giving the spaces back (`(?!\s)` or `(?![ \t])` after them).
    // So do the spaces between a line's words where a pattern reads them word by word: an address's shape (`{{addressShape}}`,
    // which the header's FM line under its DTG line, `header-from`, and the end of every address list test: "FM", 16,000 spaces
    // and "x COLLECTIVE" took 1 s) and a passing line's bureau code before a name ("INR/B", 16,000 spaces and "X PRIORITY:": 1 s).
    const usual = ['x', 'A(', 'A A A A A A A A'];
    // Each line's start, the tails after its spaces and the spaces' count: an address list's quadratic part shows past the
    // linear cost of the patterns every line tries only at 32,000 spaces (old grammar: 29 times as long for 8 times the input).
    const where: [string, string[], number][] = [
      ['¶1. (U) The board met.\n\n', usual, 16000],
      ['E.O. 12958: N/A\nTAGS: PREL, PGOV\n', usual, 16000],
      ['FM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC PRIORITY 0001\n', usual, 16000],
      ['P 121430Z MAR 09\nFM', ['x COLLECTIVE'], 16000],
      ['P 121430Z MAR 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC PRIORITY 0001\nUSDAO', ['X PRIORITY:'], 32000],
      ['TO RUEHC/SECSTATE WASHDC PRIORITY 0001\nUSDAO', ['X PRIORITY:'], 32000],
      ['¶1. (U) The board met.\n\nINR/B', ['X PRIORITY:'], 16000],
      // Right under a line that ends a sentence, where `after-sentence-text` looks for a long title in capitals at the line's start.
      ['¶1. (U) THE BOARD MET.\n', ['SESSION TWO: FERRY SAFETY AND THE DEVELOPMENT OF THE HARBOR FRONT'], 16000],
      // A table's row, its rule and the blank line under it (`table-row`), and a row whose columns stand that far apart.
      ['¶1. (U) THE BOARD MET.\n\nLINE OWNER  FARE\n------ ----\n\n', usual, 16000],
      ['¶1. (U) THE BOARD MET.\n\nLINE', ['FARE', 'FARE\n------ ----\n\nGOZO STAR'], 16000],
    ];
    for (const [head, tails, n] of where) {
      for (const tail of tails) {
        assertLinearTime((k) => head + ' '.repeat(k) + tail, (text) => tokenize(grammar, text), n);
      }
    }
    // The limit is wall-clock time, no assertion on speed (each ratio above is one of processor time): a run under a load of 16
    // on two cores took over 180 s.
  }).timeout(360000);

  /** Each real cable's file name, text and lines as the grammar tokenizes them. */
  function* tokenizedCorpus(): Generator<{ name: string; text: string; lines: ReturnType<typeof tokenize> }> {
    for (const f of corpusFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      yield { name: path.basename(f), text, lines: tokenize(grammar, text) };
    }
  }

  it('scopes the block markers the parser reads on real cables as openers and closers', function () {
    if (!corpusDir()) this.skip();
    let total = 0;
    const misses: string[] = [];
    for (const { name, text, lines } of tokenizedCorpus()) {
      for (const m of parseCable(text).cable.blockMarkers) {
        total++;
        const { line, character } = m.token.range.start;
        const scopes = lines[line].tokens.find((t) => t.start <= character && character < t.end)?.scopes.join(' ') ?? '';
        if (!(m.role === 'open' ? /block\.begin/ : /block\.end/).test(scopes)) misses.push(`${name}:${line + 1} ${m.role} ${JSON.stringify(m.token.text)}`);
      }
    }
    assert.ok(total > 500, `only ${total} markers read`);
    assert.ok(misses.length <= total * 0.005, `${misses.length} of ${total} markers not scoped as read:\n${misses.join('\n')}`);
  });

  // The other direction: a line the grammar colors as a heading is one the parser reads as a heading (or as the signature,
  // which the server's semantic token colors as one: a line grammar cannot tell a surname from a one-word heading).
  it('scopes as headings on real cables only lines the parser reads as headings or the signature, but for a few', function () {
    if (!corpusDir()) this.skip();
    let total = 0;
    const misses: string[] = [];
    for (const { name, text, lines } of tokenizedCorpus()) {
      const { cable } = parseCable(text);
      const read = new Set<number>();
      for (const h of cable.headings) for (let k = h.range.start.line; k <= h.range.end.line; k++) read.add(k);
      // The name written twice above the signature ("ROE" ⏎ "" ⏎ "ROE") signs too, as the semantic tokens color it (09BAMAKO776).
      for (const name of [cable.signature?.token, cable.signature?.twice]) if (name) read.add(name.range.start.line);
      lines.forEach(({ line, tokens }, i) => {
        if (!tokens.some((t) => t.end > t.start && line.slice(t.start, t.end).trim() !== '' && t.scopes.includes('markup.heading.cable'))) return;
        total++;
        if (!read.has(i)) misses.push(`${name}:${i + 1} [${cable.lineKinds[i]}] ${JSON.stringify(line.trim())}`);
      });
    }
    assert.ok(total > 300, `only ${total} lines scoped as headings`);
    assert.ok(misses.length <= total * 0.04, `${misses.length} of ${total} lines scoped as headings that the parser reads as none:\n${misses.join('\n')}`);
  });

  // The same on copies of the real cables in capitals (the differential script's `capitals` damage, and the cables the corpus
  // holds in capitals): a line colored as a heading is one the parser reads, but for a few (a line grammar cannot see that a
  // short line of capitals under a blank one has the paragraph's text right under it, "MINISTRY OF DEFENSE" over a
  // participant's name, "MEDIUM TERM" with a list's items right under it, 09ISLAMABAD2185, a title over an item of a quoted document numbered anew, 09BEIJING1582, an outline's title over a blank line and a lettered item's short line, "II.  COUNTRY-SPECIFIC ISSUES", 09STATE37566, twice; 5 of 816 lines, were 3 of 814 before `{{titleCapitalsFirst}}` read a Roman numeral of two letters or more and its full stop as a title's start, 4 before the parser read a title in capitals gapped over a blank line right under a paragraph written on one line, 10BRUSSELS183, 5 of 815 before `heading-capitals` read a line that opens with the word END as no title ("END TALKING POINTS" under a blank line over the signature, 09STATE14577), 6 of 816 before `after-sentence-text` read a title in capitals of more than 60 characters right under a sentence's end as text (09BEIJING1582), 7 of 817 before `table-row` read a table's first row under its column header's rule and a blank line as no title (09RANGOON355), 8 counting the signature written twice (09BAMAKO776), which the parser reads
  // as the signature (`Signature.twice`), 10 of 819 before `{{notTitle}}` read a table's row with its columns two
  // spaces or a tab apart as no title, 12 of 821 before `scraped-page` read a web page's matter after its "©" line with no heading, 18 of 827 before `participants` read a list of participants as no headings, 21 of 830 before `subject-gap` read a subject on across a blank line, 28 of 837 before `continued-long` read a sentence on across a blank line, 29 of 838 before the capitals `DISTRIBUTION:` keyword, 33 of 842 before `quoted-text`, `{{initialsAtEnd}}` and `continued-gap`'s block word and 75 of 884 before
  // `notTitle`, the 809 the parser reads kept), and a line
  // colored as an address or a passing line is one the parser reads in the header, above the banner or among the passing
  // lines ("CT/CP COOPERATION" between rules, 09ABUDHABI862, is a heading).
  it('scopes the lines of copies of real cables in capitals as the parser reads them: headings but for a few, addresses and passing lines all', function () {
    if (!corpusDir()) this.skip();
    let total = 0;
    const misses: string[] = [];
    const stray: string[] = [];
    for (const f of corpusFiles()) {
      const text = fs.readFileSync(f, 'utf8').toUpperCase();
      const { cable } = parseCable(text);
      const read = new Set<number>();
      for (const h of cable.headings) for (let k = h.range.start.line; k <= h.range.end.line; k++) read.add(k);
      // The name written twice above the signature ("ROE" ⏎ "" ⏎ "ROE") signs too, as the semantic tokens color it (09BAMAKO776).
      for (const name of [cable.signature?.token, cable.signature?.twice]) if (name) read.add(name.range.start.line);
      tokenize(grammar, text).forEach(({ line, tokens }, i) => {
        const scoped = tokens.filter((t) => t.end > t.start && line.slice(t.start, t.end).trim() !== '');
        if (scoped.some((t) => t.scopes.includes('markup.heading.cable'))) {
          total++;
          if (!read.has(i)) misses.push(`${path.basename(f)}:${i + 1} [${cable.lineKinds[i]}] ${JSON.stringify(line.trim())}`);
        }
        const kind = cable.lineKinds[i];
        if (scoped.some((t) => t.scopes.some((sc) => /^string\.unquoted\.(?:address|passing)\.cable$/.test(sc))) && !['header', 'passing', 'preamble', 'distribution'].includes(kind)) {
          stray.push(`${path.basename(f)}:${i + 1} [${kind}] ${JSON.stringify(line.trim())}`);
        }
      });
    }
    assert.ok(total > 500, `only ${total} lines scoped as headings`);
    assert.ok(misses.length <= total * 0.03, `${misses.length} of ${total} lines scoped as headings that the parser reads as none:\n${misses.join('\n')}`);
    assert.deepEqual(stray, []);
  });

  // And for paragraph numbers: a number the grammar colors at a line's start is one the parser reads as a paragraph's, but for
  // a few (a document quoted in a paragraph numbers its own items, 09BEIJING1582).
  it('scopes as paragraph numbers on real cables only lines the parser reads as paragraphs, but for a few', function () {
    if (!corpusDir()) this.skip();
    let total = 0;
    const misses: string[] = [];
    for (const { name, text, lines } of tokenizedCorpus()) {
      const read = new Set(parseCable(text).cable.paragraphs.map((p) => p.range.start.line));
      lines.forEach(({ line, tokens }, i) => {
        if (!tokens.some((t) => t.scopes.includes('constant.numeric.paragraph.cable'))) return;
        total++;
        if (!read.has(i)) misses.push(`${name}:${i + 1} ${JSON.stringify(line.trim().slice(0, 60))}`);
      });
    }
    assert.ok(total > 2000, `only ${total} lines scoped as paragraph numbers`);
    assert.ok(misses.length <= total * 0.0105, `${misses.length} of ${total} lines scoped as paragraph numbers that the parser reads as none:\n${misses.join('\n')}`);
  });

  // The metadata fields: what the grammar scopes as the E.O. and DECL keywords and value, the TAGS keyword and each TAG, the
  // SUBJECT keyword and text, the REF keyword and item letters, and the Classified By keyword and reason letters is what the
  // parser reads as those fields, letter for letter, on every real cable. A line grammar cannot see the next lines: a subject
  // broken by a blank line goes on under it only when a REF or Classified By field follows (the parser looks ahead), so the
  // grammar reads a line of capitals under the blank one as the subject (`subject-gap`: 09BRASILIA1460, 10SHENYANG4) and leaves a
  // line in mixed case uncolored (09STATE30049; the server colors it with a semantic token).
  const subjectOverBlank = new Set(['09STATE30049.txt:22']);
  it('scopes the metadata fields on real cables as the parser reads them', function () {
    if (!corpusDir()) this.skip();
    const read = new Map<string, number>();
    const misses: string[] = [];
    for (const { name, text, lines } of tokenizedCorpus()) {
      const { cable } = parseCable(text);
      for (const f of FIELDS) read.set(f.name, (read.get(f.name) ?? 0) + f.tokens(cable).length);
      for (const d of fieldDisagreements(cable, lines)) {
        if (d.field === 'subject' && d.grammar === '' && subjectOverBlank.has(`${name}:${d.line + 1}`)) continue;
        misses.push(`${name}:${d.line + 1} ${d.field}: parser ${JSON.stringify(d.parser)}, grammar ${JSON.stringify(d.grammar)}`);
      }
    }
    for (const f of FIELDS) assert.ok((read.get(f.name) ?? 0) >= 20, `only ${read.get(f.name)} of ${f.name} read`);
    assert.deepEqual(misses, []);
  });

  // Invented heads in the shapes damage gives real ones (lines swapped or joined, a copy in small letters, a letter typed for
  // a digit): each field colored as the parser reads it, and the reasons of a prose line left uncolored as the parser reads none.
  const damagedHeads: [string, string][] = [
    ['a subject line swapped under TAGS', 'SUBJECT: FERRY TALKS AT PORT NOWHERE\nTAGS: PREL PGOV\nRESUME WITH OTHERLAND OFFICIALS'],
    ['a short subject line swapped under TAGS', 'SUBJECT: MINISTER PLANS\nTAGS: PREL PGOV\nVISIT TO ROME'],
    ['TAGS wrapped: known codes', 'TAGS: PREL PGOV\nKPAL\nSUBJECT: FERRY TALKS'],
    ['TAGS wrapped: short codes set off by commas', 'TAGS: PREL, PGOV,\nQQXZ, KJUS; SP\nSUBJECT: FERRY TALKS'],
    ['TAGS wrapped: a TAG being typed', 'TAGS: PREL PGOV\nKPAL MO\nSUBJECT: FERRY TALKS'],
    ['TAGS wrapped: a long known code among short capitals', 'TAGS: PREL PGOV\nQQXZ, KPAL, UNESCO\nSUBJECT: FERRY TALKS'],
    ['Tags swapped under the subject', 'Subject: ferry talks resume\nTags: prel, pgov, kv\nat port nowhere'],
    ['E.O. and TAGS joined', 'E.O. 12958: DECL: 12/20/2017  TAGS PREL, PGOV, XX\nSUBJECT: FERRY TALKS'],
    ['E.O. and TAGS joined, N/A', 'E.O. 12958: N/A  TAGS PREL, PGOV\nSUBJECT: FERRY TALKS'],
    ['TAGS and Classified By joined', 'E.O. 12958: DECL: 12/20/2017\nTAGS: PREL PGOV XX Classified By: Ambassador Ruth Kane. Reasons: 1.4 (b) and (d).'],
    ['TAGS in small letters', 'e.o. 12958: decl: 12/20/2017\ntags prel, pgov, kv\nsubject: ferry talks'],
    ['TAGS in small letters with a colon', 'e.o. 12958: decl: 12/20/2017\ntags: prel pgov\nsubject: ferry talks'],
    ['TAGS in small letters with a person', 'e.o. 12958: decl: 12/20/2017\ntags ovip (roe, jane), prel\nsubject: ferry talks'],
    ['a DECL value in small letters', 'e.o. 12958: decl: ten years after the treaty\ntags: prel\nsubject: ferry talks'],
    ['a DECL date with a letter for a digit', 'E.O. 12958: DECL: 2O15/03/12\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a DECL date with l for 1', 'E.O. 12958: DECL: 05/27/20l9\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a redacted DECL value in small letters', 'eo 12958 xxxxxxxxxxxx\ntags: prel\nsubject: ferry talks'],
    ['an E.O. line wrapped before DECL', 'E.O. 12958:\nDECL: 03/07/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['an E.O. line wrapped before DECL, TAGS on its line', 'E.O. 12958:\nDECL: 03/07/2019 TAGS: PREL, PGOV\nSUBJECT: FERRY TALKS'],
    ['an E.O. line wrapped before DECL, in small letters', 'e.o. 12958:\ndecl: 03/07/2019\ntags: prel\nsubject: ferry talks'],
    ['reasons cut at REAS', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: Ambassador Ruth Kane for REAS\nONS 1.4 B/D'],
    ['reasons after a name cut with its full stop', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: Deputy Chief of Mission Ida\nLund.  Reasons 1.4 (b) and (d).'],
    ['reasons two lines down', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nCLASSIFIED BY: Ida Lund, Consul, Regional Office\nDepartment of State.\nREASON: 1.4 (b), (d)'],
    // A DECL value alone on the line under a DECL keyword or an E.O. line that gives none, as the parser reads it (eoDeclBelow),
    // and free text there, which it reads as no value.
    ['a DECL value alone under an empty DECL', 'E.O. 12958: DECL:\n05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a DECL value alone under DECL alone under E.O.', 'E.O. 12958:\nDECL:\n  05/14/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a DECL value alone under E.O., TAGS on its line', 'E.O. 12958: DECL:\n05/14/2019  TAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a date alone under E.O.', 'e.o. 12958\n05/14/2019\ntags: prel\nsubject: ferry talks'],
    ['N/A alone under E.O.', 'E.O. 12958:\nN/A\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['OADR alone under an empty DECL', 'E.O. 12958: DECL:\nOADR\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['X codes alone under an empty DECL', 'E.O. 12958: DECL:\nX1, X6\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a downgrade alone under an empty DECL', 'E.O. 12958: DECL:\nDNG: CO 12/31/2012\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a redaction alone under E.O.', 'E.O. 12958:\nXXXXXXXXXXXX\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['free text under an empty DECL', 'E.O. 12958: DECL:\nSEE BELOW\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    // OCR and transcription damage the parser reads as the field meant (misspeltLabel, misreadSlashes; CBL049, CBL015).
    ['a TAGS label with a 5 for its S', 'E.O. 12958: DECL: 12/20/2017\nTAG5: PREL, PGOV\nSUBJECT: FERRY TALKS'],
    ['a TAGS label split by a space', 'E.O. 12958: DECL: 12/20/2017\nTAG S: PREL PGOV\nSUBJECT: FERRY TALKS'],
    ['a TAGS label split after its T', 'E.O. 12958: DECL: 12/20/2017\nT AGS: PREL PGOV\nSUBJECT: FERRY TALKS'],
    ['a TAGS label one letter off, no colon', 'E.O. 12958: DECL: 12/20/2017\nTACS PGOV, ECON\nSUBJECT: FERRY TALKS'],
    ['a SUBJECT label split by a space', 'E.O. 12958: DECL: 12/20/2017\nTAGS: PREL\nSUBJ ECT: FERRY TALKS AT PORT NOWHERE\nRESUME IN MAY'],
    ['a SUBJECT label one letter off', 'E.O. 12958: DECL: 12/20/2017\nTAGS: PREL\nSUBIECT: (C) FERRY TALKS'],
    ['a SUBJECT label with two letters swapped', 'E.O. 12958: DECL: 12/20/2017\nTAGS: PREL\nSUBJCET: FERRY TALKS'],
    ['a DECL date with an l for a slash', 'E.O. 12958: DECL: 12l31/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a DECL date with a 1 for a slash', 'E.O. 12958: DECL: 05/27120l9\nTAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a DECL date, year first, with an I for a slash', 'E.O. 12958: DECL: 2015I03/12 TAGS: PREL\nSUBJECT: FERRY TALKS'],
    ['a REF label one letter off', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\nREP: A. 09 NOWHERE 123\n     B. 09 NOWHERE 456'],
    ['a REF label split by a space, in small letters', 'e.o. 12958: n/a\ntags: prel\nsubject: ferry talks\nr ef: a. 09 nowhere 123'],
    ['a Classified By label split by a space', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nCLASSIFIED B Y: JANE ROE, CONSUL, REASONS 1.4 (B) AND (D)'],
    ['a Classified By label with an l for its I', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nCLASSIFlED BY: JANE ROE, CONSUL, FOR REASONS' + '\n1.4 (B) AND (D)'],
    ['a Classified By label with a letter lost, under the subject', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\nClassifed By: Jane Roe, Consul, reasons 1.4 (b) and (d)'],
    ['a Classified By label with a space before its colon', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By : Jane Roe, Consul, reasons 1.4 (b)'],
    ['a Classified By label misspelt with no colon', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nCLASSIFlED BY JANE ROE, CONSUL, REASONS 1.4 (B)'],
    // Reasons on the line under a Classified By line that ends with four spaces or tabs or more.
    ['reasons under trailing spaces', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: Ambassador Ruth Kane for reasons    \n1.4 (b) and (d).'],
    ['reasons under a name and trailing spaces', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: Ambassador Ruth Kane, Ambassador      \nReasons 1.4 (b) and (d).'],
    ['reasons under trailing tabs', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nCLASSIFIED BY: IDA LUND, CONSUL\t\t\t\t\n1.4 (B), (D)'],
    ['reasons after a prose line', 'E.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: Ambassador Ruth Kane, reasons 1.4 (b) and (d).\n\n¶1. (C) The harbor board cited section\n1.4 (b) of its charter; the minister said\nreasons 1.4 (d) did not apply.'],
  ];
  it('reads every known TAG of letters, and no word that is none, on a wrapped TAGS line, as the parser does', () => {
    const codes = tagData.codes.filter((c) => /^[A-Z]+$/.test(c));
    for (const word of [...codes, ...codes.map((c) => c.toLowerCase()), 'THE', 'VISIT', 'PRE', 'PRELL', 'KPA', 'PR', 'kd', 'XYZ']) {
      const text = `TAGS: PREL\n${word}`;
      const colored = scopesAt(tokenize(grammar, text), 1, word).includes('variable.other.tag.cable');
      assert.equal(colored, continuesTags(word), word);
    }
  });

  for (const [name, fields] of damagedHeads) {
    it(`scopes the metadata fields as the parser reads them: ${name}`, () => {
      const text = `C O N F I D E N T I A L NOWHERE 000123\n\n${fields}\n\n¶2. (C) The talks resumed.\n`;
      const { cable } = parseCable(text);
      const lines = tokenize(grammar, text);
      assert.deepEqual(fieldDisagreements(cable, lines).map((d) => `${d.line + 1} ${d.field}: parser ${JSON.stringify(d.parser)}, grammar ${JSON.stringify(d.grammar)}`), []);
      // Each field the head writes is read.
      assert.ok(FIELDS.some((f) => f.tokens(cable).length > 0));
    });
  }

  // A REF item's citation is colored whole as a citation where the parser reads one (CBL052's year or serial with a letter l or
  // I for 1, or O for 0, included), and not at all where it reads none (a date after such a year, a year of four before a post
  // with no space, a PlusD copy's letter after a misread serial).
  it('colors a REF citation where the parser reads one, a year or serial with a letter for a digit included, and none where it reads none', () => {
    const read = ['O9 OTHERTOWN 412', '2OO9 OTHERTOWN 412', 'O9OTHERTOWN4l2', '09OTHERTOWN4l2', '2009OTHERTOWN4l2', '09TOKYO4l2', 'O9 OTHERTOWN 4l2',
      '1O STATE 1O5', '1l STATE 5', 'I9 STATE 1234', 'O9 RIO DE JAN 138', 'O9OTHERTOWN412_a', '09 OTHERTOWN 4l2', '09OTHERTOWN412'];
    const unread = ['O9 MAY 12', '2OO9 MAY 12', '2OO9OTHERTOWN412', '09OTHERTOWN4l2_a'];
    const items = [...read, ...unread];
    const text = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: DECL: 03/07/2019', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '',
      ...items.map((t, k) => `${k === 0 ? 'REF:' : '    '} ${String.fromCharCode(65 + k)}. ${t}`), '', '¶1. (C) The talks resumed.', ''].join('\n');
    const lines = tokenize(grammar, text);
    const got = (parseCable(text).cable.refs?.items ?? []).map((item) => {
      const { line, character } = item.citation.range.start;
      const { tokens } = lines[line];
      const scoped = tokens.filter((t) => t.scopes.includes('support.constant.citation.cable'));
      const colored = scoped.map((t) => lines[line].line.slice(t.start, t.end)).join('');
      const grammarReads = colored === '' ? 'none' : colored === item.citation.text && scoped[0].start === character ? 'whole' : JSON.stringify(colored);
      return `${item.citation.text}: parser ${item.cable ? 'reads' : 'none'}, grammar ${grammarReads}`;
    });
    assert.deepEqual(got, [...read.map((t) => `${t}: parser reads, grammar whole`), ...unread.map((t) => `${t}: parser none, grammar none`)]);
  });

  // And on copies of each cable's head (its lines up to the body's first) damaged as the differential script damages them
  // (scripts/differential.ts): indented, a space after each pilcrow ("¶ B. 08 NOWHERE 412"), in capitals, with CRLF line
  // ends, with no blank lines (the header run into the metadata), with the E.O. line and the TAGS line under it joined ("… DECL:
  // 12/20/2017  TAGS PREL, PGOV"), and in small letters (the E.O., DECL and TAGS fields: the other fields' labels in small letters
  // are read by the parser in shapes the grammar does not take). None disagrees today; a few are allowed, as damage may make a
  // shape only the parser's look-ahead tells apart.
  it('scopes the metadata fields on damaged copies of real cables as the parser reads them, but for a few', function () {
    if (!corpusDir()) this.skip();
    const eoAndTags = FIELDS.filter((f) => /^(?:E\.O\.|DECL|TAG)/.test(f.name));
    const damages: [string, (t: string) => string, (readonly Field[])?][] = [
      ['indented', (t) => t.replace(/^/gm, '  ')],
      ['pilcrow', (t) => t.replace(/¶/g, '¶ ')],
      ['capitals', (t) => t.toUpperCase()],
      ['crlf', (t) => t.replace(/\n/g, '\r\n')],
      ['no blank lines', (t) => t.replace(/\n(?:[ \t]*\n)+/g, '\n')],
      ['E.O. and TAGS joined', (t) => t.replace(/^([ \t]*E\.?[O0]\.?[^\n]*?)[ \t]*\n([ \t]*TAGS)/m, '$1  $2')],
      ['small letters', (t) => t.toLowerCase(), eoAndTags],
    ];
    let total = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const head = text.split('\n').slice(0, parseCable(text).cable.bodyStartLine + 1).join('\n');
      for (const [kind, damage, fields = FIELDS] of damages) {
        const damaged = damage(head);
        const { cable } = parseCable(damaged);
        total += fields.reduce((n, field) => n + field.tokens(cable).length, 0);
        for (const d of fieldDisagreements(cable, tokenize(grammar, damaged), fields)) {
          if (d.field === 'subject' && d.grammar === '' && subjectOverBlank.has(`${path.basename(f)}:${d.line + 1}`)) continue;
          misses.push(`${path.basename(f)} ${kind}:${d.line + 1} ${d.field}: parser ${JSON.stringify(d.parser)}, grammar ${JSON.stringify(d.grammar)}`);
        }
      }
    }
    assert.ok(total > 5000, `only ${total} fields read`);
    assert.ok(misses.length <= total * 0.001, `${misses.length} of ${total} fields scoped otherwise than read:\n${misses.join('\n')}`);
  });

  it('scopes paragraph numbers, markings, banners and TAGS on every real cable, in bounded time', function () {
    if (!corpusDir()) this.skip();
    let slowest = 0;
    for (const f of corpusFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const start = performance.now();
      const lines = tokenize(grammar, text);
      slowest = Math.max(slowest, performance.now() - start);
      lines.forEach(({ line, tokens }, i) => {
        const scopes = (at: number) => tokens.find((t) => t.start <= at && at < t.end)?.scopes.join(' ') ?? '';
        const para = /^¶(\d{1,3})\. \(([A-Z/]{1,6})\)/.exec(line);
        if (para) {
          assert.match(scopes(0), /paragraph\.cable/, `${path.basename(f)}:${i + 1}`);
          assert.match(scopes(line.indexOf('(') + 1), /marking\.[a-z-]+\.cable/, `${path.basename(f)}:${i + 1}`);
        }
        if (/^(S E C R E T|C O N F I D E N T I A L|UNCLAS) (SECTION \d\d OF \d\d )?[A-Z ]+ \d{6}\s*$/.test(line)) {
          assert.match(scopes(0), /banner\.(secret|confidential|unclassified)\.cable/, `${path.basename(f)}:${i + 1}`);
        }
        const tags = /^TAGS: ([A-Z]{2,5})\b/.exec(line);
        if (tags) assert.match(scopes(6), /variable\.other\.tag\.cable/, `${path.basename(f)}:${i + 1}`);
      });
    }
    assert.ok(slowest < 2000, `slowest file took ${slowest.toFixed(0)} ms`);
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/cable.json'), 'utf8')) as Record<string, { prefix: string | string[]; body: string[]; description: string }>;

  it('every snippet has a prefix, a body and a description', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix && s.prefix.length > 0, name);
      assert.ok(Array.isArray(s.body) && s.body.length > 0, name);
      assert.ok(s.description.length > 15, name);
    }
  });

  it('no prefix holds white space, so that none matches text across a space', () => {
    // "banner section" was offered after "… NO BR " on a TAGS line, where Enter would have inserted a banner.
    for (const [name, s] of Object.entries(snippets)) for (const prefix of [s.prefix].flat()) assert.doesNotMatch(prefix, /\s/, name);
  });

  /**
   * Expands placeholders to their defaults and choices to their first option, or to the option `picks` names for
   * the tabstop; a transform of a tabstop (`${16/^(S)?.*$/${1:?SSSSS:CCCCC}/}`) becomes what VS Code writes for that
   * tabstop's value (a regular expression, then `$n` and `${n:?if:else}` in the format).
   */
  function expand(body: string[], picks: Record<number, string> = {}, selection?: string, clock: Clock = MAY_14): string {
    // The selected text, or the variable's default without one (`${TM_SELECTED_TEXT:Text.}`), as VS Code writes it.
    let text = snippetVariables(body.join('\n'), clock).replace(/\$\{TM_SELECTED_TEXT(?::([^{}$]*))?\}/g, (_, fallback: string | undefined) => selection ?? fallback ?? '');
    const values = new Map<number, string>();
    for (const m of text.matchAll(/\$\{(\d+)\|([^}]*)\|\}/g)) values.set(Number(m[1]), picks[Number(m[1])] ?? m[2].split(',')[0]);
    // Not a transform's format, whose `${1:?SSSSS:CCCCC}` names its regular expression's group 1.
    for (const m of text.matchAll(/\$\{(\d+):(?!\?)([^{}$]*)\}/g)) values.set(Number(m[1]), m[2]);
    // A mirror (`00${6}`) writes its field's value.
    text = text.replace(/\$\{(\d+)\}/g, (_, n: string) => values.get(Number(n)) ?? '');
    text = text.replace(/\$\{(\d+)\/((?:[^/\\]|\\.)*)\/((?:\$\{[^}]*\}|[^/])*)\/\}/g, (_, n: string, regex: string, format: string) => {
      const value = values.get(Number(n)) ?? '';
      const match = new RegExp(regex).exec(value);
      if (!match) return value;
      return format
        .replace(/\$\{(\d+):\?([^:}]*):([^}]*)\}/g, (__, g: string, yes: string, no: string) => (match[Number(g)] ? yes : no))
        .replace(/\$(\d+)/g, (__, g: string) => match[Number(g)] ?? '');
    });
    for (const [n, v] of Object.entries(picks)) text = text.replace(new RegExp(`\\$\\{${n}\\|[^}]*\\|\\}`, 'g'), v);
    for (let i = 0; i < 5; i++) {
      text = text
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^{}]*)\}/g, '$1');
    }
    return text.replace(/\$\d+/g, '');
  }

  it('the REF list writes its second item where Enter at the end of the first writes the next letter, under the first letter', () => {
    // Each line after the first is written as VS Code writes a snippet's lines, after the indentation of the line it is typed on.
    const body = snippets['REF list'].body;
    for (const indent of ['', '  ']) {
      const [first, second] = expand(body).split('\n').map((line) => `${indent}${line}`);
      // Enter at the end of the first item: the new line holds the indentation the editor kept.
      const text = `UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY DUES\n${first}\n${indent}`;
      const line = 6;
      const edits = getOnTypeFormattingEdits(parseCable(text).cable, { line, character: indent.length }, '\n');
      assert.equal(edits.length, 1, indent);
      assert.ok(second.startsWith(edits[0].newText), `${JSON.stringify(second)} does not start with what Enter writes, ${JSON.stringify(edits[0].newText)}`);
      assert.equal(second.indexOf('B.'), first.indexOf('A.'));
    }
  });

  it('the Summary, Comment and Note blocks and the paragraph wrap the selected text (Surround With), and stand alone without it', () => {
    const selected = 'The board met in May.\nFares rose by a tenth.';
    const cable = (body: string) => parseCable(`UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FARES\n\n${body}\n`).cable;
    for (const [name, kind] of [['Summary block', 'summary'], ['Comment block', 'comment'], ['Note block', 'note']] as const) {
      for (const selection of [selected, undefined]) {
        const text = expand(snippets[name].body, {}, selection);
        assert.ok(text.includes(selection ?? 'Text.'), `${name}: ${text}`);
        const c = cable(`1. (U) ${text}`);
        assert.deepEqual(c.blocks.map((b) => `${b.kind} ${b.open?.role} ${b.close?.role}`), [`${kind} open close`], name);
        assert.equal(c.paragraphs.length, 1, name);
      }
    }
    const paragraph = cable(expand(snippets['Numbered paragraph'].body, {}, selected)).paragraphs;
    assert.deepEqual(paragraph.map((p) => `${p.marker.text} ${p.portion?.token.text}`), ['¶1. (C)']);
  });

  /**
   * `text` with the DE line's day of year and time as completion offers them first there, the DTG's (CBL006 checks the
   * day), as a writer takes them with Ctrl+Space at the group's tab stop.
   */
  function dayOfYearAccepted(text: string): string {
    const lines = text.split('\n');
    const de = lines.findIndex((l) => l.startsWith('DE '));
    // The caret at the group's end, as VS Code leaves it with the tab stop's text selected.
    const character = /^DE \S+ #\d+\/\d+ \d+/.exec(lines[de])![0].length;
    const item = getCompletions(parseCable(text).cable, { line: de, character }, { dictionaries: defaultDictionaries() })[0];
    assert.match(String(item.detail), /date-time group/, 'the DTG\'s day first');
    const edit = item.textEdit as TextEdit;
    lines[de] = lines[de].slice(0, edit.range.start.character) + edit.newText + lines[de].slice(edit.range.end.character);
    return lines.join('\n');
  }

  it('the full cable skeleton parses with no problems and, its DE line\'s day of year taken from completion, lints clean', () => {
    const text = expand(snippets['Cable with transmission header'].body);
    const { cable, problems } = parseCable(text);
    assert.deepEqual(problems, []);
    // The defaults agree with one another: a CONFIDENTIAL banner, security group CCCCC and a (C) paragraph.
    assert.equal(cable.banner?.level, 'CONFIDENTIAL');
    assert.ok(cable.tags && cable.subject && cable.classifiedBy && cable.paragraphs.length === 1);
    // The DTG is now, by VS Code's clock variables (it read "011200Z JAN 26", whatever the day); the DE line's time too.
    assert.equal(cable.header?.dtg?.dtg?.token.text, '141530Z MAY 26');
    assert.ok(cable.header?.dtg?.dtg?.valid);
    assert.match(text, /^DE RUEHFR #0001\/01 0011530$/m);
    // No snippet variable gives the day of year: the DE line's day reads 001 until completion gives the DTG's (day 134
    // on 14 May), which CBL006's quick fix does too; on 1 January the skeleton lints clean as inserted.
    assert.deepEqual(lintCable(cable).map((f) => `${f.id} ${f.message}`), ['CBL006 DE Julian day 001 does not match the DTG date 141530Z MAY 26 (day 134).']);
    const taken = dayOfYearAccepted(text);
    assert.match(taken, /^DE RUEHFR #0001\/01 1341530$/m);
    assert.deepEqual(lintCable(parseCable(taken).cable).map((f) => `${f.id} ${f.message}`), []);
    const newYear = parseCable(expand(snippets['Cable with transmission header'].body, {}, undefined, JAN_1)).cable;
    assert.equal(newYear.header?.dtg?.dtg?.token.text, '010805Z JAN 27');
    assert.deepEqual(lintCable(newYear).map((f) => `${f.id} ${f.message}`), []);
  });

  it('Cable: New Cable dates the skeleton now in UTC and gives the DE line that day of year, so that it lints clean as inserted', () => {
    // client/src/newCable.ts: the snippet's own clock variables are local and give no day of year (CBL006 until filled in).
    const body = snippets['Cable with transmission header'].body;
    const cases: [Date, string, string][] = [
      [new Date(Date.UTC(2026, 4, 14, 23, 30)), '142330Z MAY 26', '1342330'],
      [new Date(Date.UTC(2028, 11, 31, 0, 5)), '310005Z DEC 28', '3660005'],
      [new Date(Date.UTC(2027, 0, 1, 8, 5)), '010805Z JAN 27', '0010805'],
    ];
    for (const [now, dtg, de] of cases) {
      const inserted = newCableSnippet(body, now);
      assert.doesNotMatch(inserted, /CURRENT_/);
      const text = expand(inserted.split('\n'));
      const { cable } = parseCable(text);
      assert.equal(cable.header?.dtg?.dtg?.token.text, dtg);
      assert.match(text, new RegExp(`^DE RUEHFR #0001/01 ${de}$`, 'm'));
      assert.deepEqual(lintCable(cable).map((f) => `${f.id} ${f.message}`), []);
    }
  });

  it('the skeleton\'s and the E.O. snippet\'s DECL date is ten years after today, so that the skeleton lints clean in any year', () => {
    // Both wrote 2036 whatever the date (the skeleton 01/01/2036): 9 years on in 2027, and from 2036 on a date before the
    // cable's own, CBL016's error. Ten years is the default most cables take (FORMAT.md §7, rule 19) and completion's first.
    const skeleton = snippets['Cable with transmission header'].body;
    const clocks: [Clock, string][] = [
      [MAY_14, '05/14/2036'],
      [JAN_1, '01/01/2037'],
      [{ ...MAY_14, CURRENT_YEAR: '2036', CURRENT_YEAR_SHORT: '36' }, '05/14/2046'],
      [{ ...MAY_14, CURRENT_YEAR: '2049', CURRENT_YEAR_SHORT: '49', CURRENT_MONTH: '12', CURRENT_DATE: '31' }, '12/31/2059'],
      [{ ...MAY_14, CURRENT_YEAR: '2095', CURRENT_YEAR_SHORT: '95' }, '05/14/2105'],
    ];
    for (const [clock, decl] of clocks) {
      assert.equal(expand(snippets['E.O. line'].body, {}, undefined, clock), `E.O. 13526: DECL: ${decl}\n`, clock.CURRENT_YEAR);
      const text = expand(skeleton, {}, undefined, clock);
      assert.match(text, new RegExp(`^E\\.O\\. 13526: DECL: ${decl}$`, 'm'), clock.CURRENT_YEAR);
      // A two-digit DTG year of the 2090s reads as the 1990s': only the date is asked of it.
      if (clock.CURRENT_YEAR === '2095') continue;
      assert.deepEqual(lintCable(parseCable(dayOfYearAccepted(text)).cable).map((f) => `${f.id} ${f.message}`), [], clock.CURRENT_YEAR);
    }
    // Cable: New Cable on 29 February: ten years on has no 29th, and the date falls on the 28th, as completion's does.
    for (const [now, decl] of [[new Date(Date.UTC(2028, 1, 29, 9, 0)), '02/28/2038'], [new Date(Date.UTC(2026, 1, 28, 9, 0)), '02/28/2036'], [new Date(Date.UTC(2030, 1, 28, 9, 0)), '02/28/2040']] as const) {
      const text = expand(newCableSnippet(skeleton, now).split('\n'));
      assert.match(text, new RegExp(`^E\\.O\\. 13526: DECL: ${decl}$`, 'm'), now.toISOString());
      assert.deepEqual(lintCable(parseCable(text).cable).map((f) => `${f.id} ${f.message}`), [], now.toISOString());
    }
  });

  it('the skeleton\'s month is the DTG\'s three capitals in every month, whatever language VS Code shows its month names in', () => {
    // $CURRENT_MONTH_NAME_SHORT is localized ("janv." in French); the skeleton maps $CURRENT_MONTH instead.
    const body = snippets['Cable with transmission header'].body;
    assert.doesNotMatch(body.join('\n'), /CURRENT_MONTH_NAME/);
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    months.forEach((month, i) => {
      const dtg = parseCable(expand(body, {}, undefined, { ...MAY_14, CURRENT_MONTH: String(i + 1).padStart(2, '0'), CURRENT_DATE: '28' })).cable.header?.dtg?.dtg;
      assert.equal(dtg?.token.text, `281530Z ${month} 26`);
      assert.ok(dtg?.valid, month);
    });
  });

  it('every snippet, written where it goes as inserted, lints clean with cablelint (dist/cli.js)', function () {
    this.timeout(60000);
    // Each snippet's defaults, and each banner's level with the paragraph marked at it: the text a writer gets by accepting
    // them in order, banner → E.O. → TAGS → SUBJECT → REF → Classified By → paragraphs and blocks → page line → signature.
    // The skeleton's DE line takes the DTG's day of year from completion.
    const one = (name: string, picks: Record<number, string> = {}) => {
      used.add(name);
      return expand(snippets[name].body, picks).replace(/\n$/, '');
    };
    const used = new Set<string>();
    const classified = (banner: string, marking: string) => [one(banner), '', one('E.O. line'), one('TAGS line'), one('SUBJECT line'), '', one('REF list'), '', one('Classified By'), '', one('Numbered paragraph', { 2: marking }), '', one('Summary block'), '', one('Comment block'), '', one('Note block'), '', 'SURNAME', ''].join('\n');
    const files: Record<string, string> = {
      'confidential.cable': classified('Banner CONFIDENTIAL', 'C'),
      'secret.cable': classified('Banner SECRET', 'S'),
      'unclas.cable': [one('Banner UNCLAS'), '', one('E.O. line, unclassified'), one('TAGS line'), one('SUBJECT line'), '', one('Numbered paragraph', { 2: 'U' }), '', 'SURNAME', ''].join('\n'),
      'sections.cable': [one('Banner with sections', { 1: 'C O N F I D E N T I A L' }), '', one('E.O. line'), one('TAGS line'), one('SUBJECT line'), '', one('Classified By'), '', one('Numbered paragraph'), '', one('Continuation page line'), '', '¶2. (C) Text.', '', 'SURNAME', ''].join('\n'),
    };
    const body = snippets['Cable with transmission header'].body;
    const level = Number(/\$\{(\d+)\|C O N F I D E N T I A L,/.exec(body.join('\n'))![1]);
    for (const choice of /\|(C O N F I D E N T I A L,[^}]*)\|\}/.exec(body.join('\n'))![1].split(',')) {
      files[`skeleton ${choice.replace(/ /g, '')}.cable`] = dayOfYearAccepted(expand(body, { [level]: choice }));
      used.add('Cable with transmission header');
    }
    assert.deepEqual(Object.keys(snippets).filter((name) => !used.has(name)), [], 'every snippet is written somewhere');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-snippets-'));
    try {
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
      const results = JSON.parse(r.stdout) as { file: string; diagnostics: { code?: string; message: string }[] }[];
      assert.deepEqual(results.map((f) => f.file).sort(), Object.keys(files).sort());
      assert.deepEqual(results.flatMap((f) => f.diagnostics.map((d) => `${f.file}: ${d.code} ${d.message}`)), []);
      assert.equal(r.status, 0, r.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every snippet that writes an E.O. line names the order completion offers a new cable, E.O. 13526, and the skeleton\'s date agrees with it', () => {
    // The skeleton wrote "E.O. 12958" under a DTG of January 2009, where completion offers "E.O. 13526: " to an undated draft.
    const undated = orderInEffect(undefined, new Date(Date.UTC(2026, 0, 15)));
    const written = Object.entries(snippets).flatMap(([name, s]) => [...s.body.join('\n').matchAll(/E\.O\. (\d{5})/g)].map((m) => `${name}: ${m[1]}`));
    assert.ok(written.length >= 3, written.join(', '));
    assert.deepEqual(written.filter((w) => !w.endsWith(`: ${undated}`)), []);
    const cable = parseCable(expand(snippets['Cable with transmission header'].body)).cable;
    assert.equal(orderInEffect(cable.date), cable.eo?.order?.text);
  });

  it('the skeleton\'s security group follows the banner level chosen, so that picking SECRET leaves no CBL007 error', () => {
    // The group was a choice of its own (CCCCC first), above the banner: "S E C R E T" picked for the banner left
    // "ZNY CCCCC ZZH" and an error on a cable just inserted.
    const body = snippets['Cable with transmission header'].body;
    const banner = /\$\{(\d+)\|C O N F I D E N T I A L,[^}]*\|\}/.exec(body.join('\n'));
    assert.ok(banner, 'the banner is a choice');
    const tabstop = Number(banner[1]);
    const choices = /\|([^}]*)\|\}/.exec(banner[0])![1].split(',');
    for (const level of choices) {
      const text: string = dayOfYearAccepted(expand(body, { [tabstop]: level }));
      const cable = parseCable(text).cable;
      assert.equal(cable.header?.security?.group?.text, level.startsWith('S') ? 'SSSSS' : 'CCCCC', level);
      assert.deepEqual(lintCable(cable).filter((f) => f.severity === 'error').map((f) => `${f.id} ${f.message}`), [], level);
    }
  });

  /**
   * The whole-cable snippet as VS Code fills it in its tab order: each field's value typed in turn (`typed` gives it from
   * the field's default or first choice and the line the field stands on, or undefined to leave the default), a mirror
   * (`${6}`) following its field at once, and a transform of a field written only when Tab leaves that field; until then
   * it holds the field's text as it is ("Placeholder-Transform … changing the inserted text for the placeholder when
   * moving to the next tab stop", VS Code's snippet.md). The text once Tab has left each field, in order, with the
   * field's default.
   */
  function fillInTabOrder(body: string[], typed: (value: string, line: string) => string | undefined, clock: Clock = MAY_14): { field: string; text: string }[] {
    type Part = string | { n: number; value: string; transform?: { regex: RegExp; format: string }; mirror?: boolean; line: string };
    const parts: Part[] = [];
    for (const line of snippetVariables(body.join('\n'), clock).split('\n')) {
      let last = 0;
      for (const m of line.matchAll(/\$\{(\d+)\|([^|}]*)\|\}|\$\{(\d+):([^{}$]*)\}|\$\{(\d+)\/((?:[^/\\]|\\.)*)\/((?:\$\{[^}]*\}|[^/])*)\/\}|\$\{(\d+)\}|\$(\d+)/g)) {
        parts.push(line.slice(last, m.index));
        last = m.index + m[0].length;
        if (m[1]) parts.push({ n: Number(m[1]), value: m[2].split(',')[0], line });
        else if (m[3]) parts.push({ n: Number(m[3]), value: m[4], line });
        else if (m[5]) parts.push({ n: Number(m[5]), value: '', transform: { regex: new RegExp(m[6]), format: m[7] }, line });
        // A mirror: its field's value, as typed, at once.
        else if (m[8]) parts.push({ n: Number(m[8]), value: '', mirror: true, line });
      }
      parts.push(`${line.slice(last)}\n`);
    }
    const fields = parts.filter((p): p is Exclude<Part, string> => typeof p !== 'string' && !p.transform && !p.mirror);
    // Each field holds its default until Tab reaches it and the writer types over it.
    const values = new Map(fields.map((f) => [f.n, f.value]));
    const left = new Set<number>();
    const transformed = (value: string, t: { regex: RegExp; format: string }) => {
      const m = t.regex.exec(value);
      if (!m) return value;
      return t.format.replace(/\$\{(\d+):\?([^:}]*):([^}]*)\}/g, (_, g: string, yes: string, no: string) => (m[Number(g)] !== undefined ? yes : no)).replace(/\$(\d+)/g, (_, g: string) => m[Number(g)] ?? '');
    };
    const render = () => parts.map((p) => (typeof p === 'string' ? p : p.transform ? (left.has(p.n) ? transformed(values.get(p.n) ?? '', p.transform) : (values.get(p.n) ?? '')) : values.get(p.n))).join('');
    const order = [...new Set(fields.map((f) => f.n))].filter((n) => n > 0).sort((a, b) => a - b);
    return order.map((n) => {
      const field = fields.find((f) => f.n === n)!;
      values.set(n, typed(field.value, field.line) ?? field.value);
      left.add(n);
      return { field: field.value, text: render() };
    });
  }

  it('the skeleton, filled in its tab order as VS Code writes it, shows no error or warning once Tab has left the banner\'s level', () => {
    // The security group and the paragraph's marking follow the level by a transform, which VS Code writes only when Tab
    // leaves the level: at tab stop 16 of 28, "ZNY C O N F I D E N T I A L ZZH" (CBL001) and "¶1. (C O N F I D E N T I A L)"
    // (CBL029) stood through the header's 13 fields. The banner's serial, a field of its own, disagreed with the DE serial
    // typed at stop 5 until stop 18 (CBL005); it is the DE serial's mirror now, "00" before it.
    // The DE line's day of year stood before the DTG it is checked against (CBL006), both typed; the DTG is now by default,
    // and completion gives the DE line its day when Tab reaches it.
    const body = snippets['Cable with transmission header'].body;
    // A SECRET cable from Embassy Valletta, as a writer types it over the defaults: the DTG left as inserted, 14 May.
    const values: Record<string, string> = { 'C O N F I D E N T I A L': 'S E C R E T', PARIS: 'VALLETTA', RUEHFR: 'RUEHVT', '0011530': '1341530', FR: 'MT', 'SUBJECT OF THE CABLE': 'LIGHTHOUSE KEEPERS STRIKE', 'Ambassador Name': 'Ambassador Jane Roe', 'Text.': 'The keepers walked out.', SURNAME: 'ROE' };
    const steps = fillInTabOrder(body, (value, line) => {
      // The serials: the DE line's (the banner's mirrors it) and the TO line's.
      if (value === '0001' && line.startsWith('DE ')) return '0412';
      if (value === '0001' && line.startsWith('TO ')) return '3187';
      return values[value];
    });
    const shown = steps.map(({ field, text }) => lintCable(parseCable(text).cable).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `after ${field}: ${f.id} ${f.message}`));
    // CBL006 until Tab leaves the DE line's group (stop 7), and nothing else at any stop.
    const de = steps.findIndex((s) => s.field === '0011530');
    assert.equal(de, 6);
    assert.deepEqual(shown.flat().filter((f) => !/: CBL006 /.test(f)), []);
    assert.deepEqual(shown.slice(de).flat(), []);
    assert.equal(steps[0].field, 'C O N F I D E N T I A L', 'Tab starts at the banner\'s level');
    const done = parseCable(steps[steps.length - 1].text).cable;
    assert.equal(done.header?.security?.group?.text, 'SSSSS');
    assert.deepEqual(lintCable(done).map((f) => f.id), []);
  });

  it('the skeleton\'s post is one field, which the FM line and the banner both write as it is typed', () => {
    // "FM AMEMBASSY PARIS" and the banner's "PARIS" were two fields: a Valletta writer typed the post twice, and the banner
    // named Paris under "FM AMEMBASSY VALLETTA" for the three fields between them.
    const body = snippets['Cable with transmission header'].body;
    const steps = fillInTabOrder(body, (value) => (value === 'PARIS' ? 'VALLETTA' : value === 'RUEHFR' ? 'RUEHVT' : undefined));
    // Tab reaches the post after the DE line's station: completion there (the field selected, the caret at its end)
    // offers the station's post first, RUEHVT's VALLETTA, replacing the field's text alone.
    const station = steps.findIndex((s) => s.field === 'RUEHFR');
    const beforePost = steps[station].text.split('\n');
    const fm = beforePost.findIndex((l) => l.startsWith('FM '));
    const offered = getCompletions(parseCable(steps[station].text).cable, { line: fm, character: beforePost[fm].length }, { dictionaries: defaultDictionaries() })[0];
    assert.deepEqual([offered.label, (offered.textEdit as TextEdit).range.start.character], ['VALLETTA', 'FM AMEMBASSY '.length]);
    assert.ok(station < steps.findIndex((s) => s.field === 'PARIS'), 'the station before the post');
    assert.deepEqual(steps.filter((s) => /PARIS/.test(s.field)).map((s) => s.field), ['PARIS'], 'one field names the post');
    const typed = parseCable(steps.find((s) => s.field === 'PARIS')!.text).cable;
    assert.equal(typed.banner?.post?.text, 'VALLETTA');
    assert.match(steps.find((s) => s.field === 'PARIS')!.text, /^FM AMEMBASSY VALLETTA$/m);
    // A mirror follows its field at once (VS Code writes the copies as the field is typed), a transform only once Tab leaves it.
    assert.ok(!/\$\{\d+\/[^}]*\}/.test(body.find((l) => l.startsWith('FM '))!) && body.some((l) => /^\$\{1\|[^}]*\|\} \$\{\d+\} /.test(l)), 'the banner\'s post is a plain mirror');
  });

  it('the skeleton\'s first paragraph is marked at the banner level chosen, so that picking SECRET lints clean', () => {
    // The marking was a choice of its own, (C) first: "S E C R E T" picked for the banner left "¶1. (C)" and CBL031's
    // finding (no paragraph marked at the banner's level), and "(S)" could be picked under a CONFIDENTIAL banner.
    const body = snippets['Cable with transmission header'].body;
    const banner = /\$\{(\d+)\|(C O N F I D E N T I A L,[^}]*)\|\}/.exec(body.join('\n'))!;
    for (const level of banner[2].split(',')) {
      const cable = parseCable(dayOfYearAccepted(expand(body, { [Number(banner[1])]: level }))).cable;
      assert.deepEqual(cable.paragraphs.map((p) => p.portion?.level), [cable.banner?.level], level);
      assert.deepEqual(lintCable(cable).map((f) => `${f.id} ${f.message}`), [], level);
    }
    // No snippet that writes a banner offers a portion marking above it: its markings are a choice only where no banner is.
    for (const [name, s] of Object.entries(snippets)) {
      const text = s.body.join('\n');
      if (/C O N F I D E N T I A L|S E C R E T|UNCLAS /.test(text)) assert.doesNotMatch(text, /\(\$\{\d+\|(?:[^,|}]*,)*(?:C|S|TS|U)(?:\/NF)?[,|]/, name);
    }
  });
});
