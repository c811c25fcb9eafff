/**
 * Editor features as pure functions: outline, folding, selection ranges,
 * in-text references, hover and completion, on small invented fixtures with `|` carets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, DocumentSymbol, MarkupContent, Position, Range, TextEdit } from 'vscode-languageserver';
import { parseCable, type ParseOptions } from '../../server/src/core/parse/index';
import type { Cable } from '../../server/src/core/model';
import { getCompletions } from '../../server/src/features/completion';
import { rule as cbl045 } from '../../server/src/core/rules/cbl045-reference-unresolved';
import { lintCable } from '../../server/src/core/lint';
import { defaultDictionaries, loadUserDictionary, mergeDictionaries } from '../../server/src/features/dictionaries';
import { caretAfterEdit, shownWhileTyping } from '../../server/src/features/diagnostics';
import { getDocumentSymbols } from '../../server/src/features/documentSymbols';
import { getFoldingRanges } from '../../server/src/features/folding';
import { citeSource, getHover, shortenSubject, type HoverContext } from '../../server/src/features/hover';
import type { IndexedCable } from '../../server/src/features/types';
import { getInlayHints } from '../../server/src/features/inlayHints';
import { findCitedParagraphs, findCitedParagraphsOnLine, findInTextReferences, findInTextReferencesOnLine, paragraphsBetween, rangeSeparatedAt, resolveInText } from '../../server/src/core/mentions';
import { getCitedParagraphAt, getCitedRangeAt, getDocumentHighlights, getInTextDefinition } from '../../server/src/features/references';
import { paragraphMarkerRange, summarize } from '../../server/src/workspace/cableIndex';
import { getSelectionRanges } from '../../server/src/features/selectionRanges';
import { SymbolKind, type SelectionRange } from 'vscode-languageserver-types';
import { getSemanticTokens, getSemanticTokensInRange, SEMANTIC_LEGEND } from '../../server/src/features/semanticTokens';
import { assertLinearTime, caret, corpusFiles, decodeSemanticTokens, fixtureFiles, ROOT } from '../helpers';
import { trimEndOffset } from '../../server/src/core/text';

const VALLETTA = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
const dictionaries = defaultDictionaries();

/** Hover text at the `|` caret. */
function hoverAt(textWithCaret: string, ctx: HoverContext = { dictionaries }, options?: ParseOptions): string {
  const c = caret(textWithCaret);
  const h = getHover(parseCable(c.text, options).cable, { line: c.line, character: c.character }, ctx);
  return h ? (h.contents as MarkupContent).value : '';
}

/** Completion items at the `|` caret. */
function completionItemsAt(textWithCaret: string): CompletionItem[] {
  const c = caret(textWithCaret);
  return getCompletions(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries });
}

/** Completion labels at the `|` caret. */
function completionsAt(textWithCaret: string): string[] {
  return completionItemsAt(textWithCaret).map((i) => i.label);
}

/** The start and end columns every item replaces (one pair when they all agree). */
function replacedColumns(items: readonly CompletionItem[]): string[] {
  return [...new Set(items.map((i) => { const r = (i.textEdit as TextEdit).range; return `${r.start.character}-${r.end.character}`; }))];
}

/** A cable with a transmission header whose first address line is `line`. */
function withAddressLine(line: string): string {
  return `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\n${line}\nINFO RUEHLO/AMEMBASSY LONDON 0001\nBT\n\nS E C R E T PARIS 000001\n`;
}

/** Inserts a caret into VALLETTA before the first occurrence of `needle` (offset chars in). */
function inValletta(needle: string, offset = 0): string {
  const i = VALLETTA.indexOf(needle);
  assert.ok(i >= 0, needle);
  return VALLETTA.slice(0, i + offset) + '|' + VALLETTA.slice(i + offset);
}

describe('document symbols', () => {
  const symbols = getDocumentSymbols(parseCable(VALLETTA).cable);
  const names = (list: DocumentSymbol[] | undefined) => (list ?? []).map((s) => s.name);

  it("gives the banner the id of the file's name when the text gives none, and says so", () => {
    // 05MADRID2478's shape: a partial extract with no date line, so the text gives no year.
    const extract = 'This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nC O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 000123\n\nTAGS: PREL\nSUBJECT: X\n';
    const cable = parseCable(extract).cable;
    assert.equal(cable.id, undefined);
    assert.equal(getDocumentSymbols(cable)[0].detail, undefined);
    assert.equal(getDocumentSymbols(cable, '05NOWHERE123')[0].detail, '05NOWHERE123 (from the file name)');
    // The text's own id comes first.
    assert.equal(getDocumentSymbols(parseCable(VALLETTA).cable, '05NOWHERE123').find((s) => s.kind === SymbolKind.File)?.detail, '09VALLETTA412');
  });

  it("keeps an addressee's ZEN/ prefix in the outline's detail, as the metadata record does", () => {
    // Invented, 08STATE103511's shape: "ZEN/AMEMBASSY NOWHERE" read as an addressee with no indicator and no mark.
    const text = ['VZCZCXYZ0003', 'OO RUEHWEB', '', 'DE RUEHC #0042 0010100', 'ZNY SSSSS ZZH', 'O 010100Z JAN 09', 'FM SECSTATE WASHDC', 'TO ZEN/AMEMBASSY NOWHERE NIACT IMMEDIATE 1234-1237', 'RUEHVT/AMEMBASSY VALLETTA NIACT IMMEDIATE 5678', '', 'S E C R E T STATE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. (S) Text.'].join('\n');
    const to = getDocumentSymbols(parseCable(text).cable)[0].children!.find((s) => s.name === 'TO')!;
    assert.deepEqual(to.children!.map((s) => [s.name, s.detail]), [['AMEMBASSY NOWHERE', 'ZEN/'], ['AMEMBASSY VALLETTA', 'RUEHVT']]);
  });

  it('lets the section of a Summary or Comment heading left open stand for its block, and keeps a block that closes inside its section', () => {
    const text = ['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', 'SUMMARY', '-------', '', '¶2. (U) Two.', '', '¶3. (U) Three.', '', 'FERRIES', '-------', '', '¶4. (U) Four. Comment: We agree.', '', 'COMMENT', '-------', '', '¶5. (U) Five.', '', '¶6. (U) Six.', 'DOE'].join('\n');
    const outline = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(names(outline), ['UNCLAS NOWHERE 000001', '¶1 (U)', 'SUMMARY', 'FERRIES', 'COMMENT', 'Signature']);
    assert.deepEqual(names(outline[2].children), ['¶2 (U)', '¶3 (U)']);
    assert.deepEqual(names(outline[4].children), ['¶5 (U)', '¶6 (U)']);
    assert.deepEqual(names(outline[3].children![0].children), ['Comment']);
    // A Summary heading whose Summary closes before the section ends: the section ends where the Summary does, and the
    // paragraphs after it stand on their own. It kept a Summary symbol beside ¶2, overlapping it, and ¶3 under SUMMARY.
    const closed = getDocumentSymbols(parseCable(text.replace('¶2. (U) Two.', '¶2. (U) Two. End Summary.')).cable);
    assert.deepEqual(names(closed), ['UNCLAS NOWHERE 000001', '¶1 (U)', 'SUMMARY', '¶3 (U)', 'FERRIES', 'COMMENT', 'Signature']);
    assert.deepEqual(names(closed[2].children), ['¶2 (U)']);
    assert.deepEqual(closed[2].range.end, { line: 10, character: 25 });
  });

  it('ends a Summary or Comment heading\'s section with the paragraph its closer ends or stands in, and the paragraphs after stand on their own', () => {
    // "Summary" ⏎ "-------" ⏎ "¶1. … End Summary." ⏎ "¶2. …" (06MOSCOW9533): the Summary symbol ended a character before ¶1
    // ("End Summary" without its full stop) and overlapped it, and ¶2 was under "Summary".
    const text = ['C O N F I D E N T I A L NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: HARBOR FEES', '', 'Summary', '-------', '¶1. (C) The harbor board met on Monday', 'to set the fees. End Summary.', '¶2. (C) The board met in the town hall', 'for two hours.', 'Ferry Fares', '-----------', '¶3. (C) Fares rose.', '', '---------', 'COMMENT', '---------', '', '¶4. (C) The crews will strike', 'if the fees double. End comment.', '', 'This cable was cleared by the harbor office.', 'DOE'].join('\n');
    const cable = parseCable(text).cable;
    const outline = getDocumentSymbols(cable);
    assert.deepEqual(names(outline), ['C O N F I D E N T I A L NOWHERE 000001', 'Summary', '¶2 (C)', 'Ferry Fares', 'COMMENT', 'Signature']);
    assert.deepEqual(names(outline[1].children), ['¶1 (C)']);
    assert.deepEqual([outline[1].range.start, outline[1].range.end], [{ line: 5, character: 0 }, { line: 8, character: 29 }]);
    // "… End comment." ⏎ "" ⏎ "This cable was cleared …" (07LAPAZ597): the paragraph runs on past the closer, so the
    // section stands for the Comment to the paragraph's end; a Comment symbol from "COMMENT" to "End comment" crossed ¶4.
    assert.deepEqual(names(outline[4].children), ['¶4 (C)']);
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    // The Summary folds up to ¶1's end and hides none of ¶2, which folds on its own; the COMMENT section folds from its
    // title over ¶4, whose own fold is kept (the Comment's fold, 16-20, hid ¶4's first lines and made VS Code drop ¶4's).
    assert.deepEqual(folds.filter((f) => Number(f.split('-')[0]) >= 5), ['5-8', '7-8', '9-10', '11-13', '16-22', '19-22']);
    // Smart selection climbs from ¶2 to the whole cable: ¶2 is in no section; ¶1 is in the Summary's.
    const chain = (line: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line, character: 10 }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}-${s.range.end.line}`);
      return spans;
    };
    assert.deepEqual(chain(10).slice(-2), ['9-10', '0-23']);
    assert.deepEqual(chain(8).slice(-3), ['7-8', '5-8', '0-23']);
  });

  it('names a section whose title is wrapped over two lines by both lines', () => {
    const text = ['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', '-----------------------------------------', 'Ferry Fares: The Harbor Board Looks at a Rise', 'for the Summer', '-----------------------------------------', '', '¶2. (U) Two.', 'DOE'].join('\n');
    const outline = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(names(outline), ['UNCLAS NOWHERE 000001', '¶1 (U)', 'Ferry Fares: The Harbor Board Looks at a Rise for the Summer', 'Signature']);
    assert.deepEqual([outline[2].selectionRange.start.line, outline[2].selectionRange.end.line, outline[2].range.start.line], [8, 9, 7]);
    // Between slashes: "//LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO" ⏎ "THE SUMMER//", without the slashes.
    const slashes = getDocumentSymbols(parseCable(['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) One.', '', '//LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO', 'THE SUMMER//', '', '¶2. (U) Two.', 'DOE'].join('\n')).cable);
    assert.deepEqual(names(slashes), ['UNCLAS NOWHERE 000001', '¶1 (U)', 'LOOKING AHEAD - HARBOR TALKS LIKELY TO GO ON INTO THE SUMMER', 'Signature']);
    assert.deepEqual(names(slashes[2].children), ['¶2 (U)']);
    // A title between slashes opened by a marking in a form a plain title's is not read in (parser58): the marking is the detail.
    const rel = getDocumentSymbols(parseCable(['SECRET NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (S) One.', '', '//(S//REL TO USA, GBR) LOOKING AHEAD//', '', '¶2. (S) Two.', 'DOE'].join('\n')).cable);
    assert.deepEqual([rel[2].name, rel[2].detail], ['LOOKING AHEAD', '(S//REL TO USA, GBR)']);
  });

  it('names a section by its title\'s words, without the marking it opens with (kept as the detail) or the colon it ends with', () => {
    const text = ['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (SBU) One.', '', '(SBU) Ferry Fares (2009 rates):', '---------------------------------', '', '¶2. (SBU) Two.', '', 'Action Request:', '---------------', '', '¶3. (U) Three.', '', 'COMMENT:', '--------', '', '¶4. (SBU) Four.', '', 'DOE'].join('\n');
    const outline = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(names(outline), ['UNCLAS NOWHERE 000001', '¶1 (SBU)', 'Ferry Fares (2009 rates)', 'Action Request', 'COMMENT', 'Signature']);
    assert.deepEqual(outline.slice(2, 5).map((s) => s.detail), ['(SBU)', undefined, undefined]);
    // The selection still covers the title as written.
    assert.deepEqual([outline[2].selectionRange.start.character, outline[2].selectionRange.end.character], [0, 31]);
  });

  it('names a section by its title\'s words without the marking that ends it ("BACKGROUND (U)"), kept as the detail', () => {
    const text = ['CONFIDENTIAL NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (C) One.', '', 'BACKGROUND (U)', '--------------', '', '¶2. (U) Two.', '', 'HARBOR TALKS: ANNEX (C)', '-----------------------', '', '¶3. (C) Three.', '', 'DOE'].join('\n');
    const outline = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(names(outline), ['CONFIDENTIAL NOWHERE 000001', '¶1 (C)', 'BACKGROUND', 'HARBOR TALKS: ANNEX (C)', 'Signature']);
    assert.deepEqual(outline.slice(2, 4).map((s) => s.detail), ['(U)', undefined]);
    // Its hover is a marking's, as a paragraph's is.
    assert.match(hoverAt(text.replace('BACKGROUND (U)', 'BACKGROUND (|U)')), /Portion marking \(U\)[\s\S]*UNCLASSIFIED/);
    assert.doesNotMatch(hoverAt(text.replace('ANNEX (C)', 'ANNEX (|C)')), /Portion marking/);
  });

  it('lists header, banner with metadata, sections with paragraphs, summary and comment in their paragraphs, and signature', () => {
    assert.deepEqual(names(symbols), ['Transmission header', 'S E C R E T VALLETTA 000412', '¶1 (C)', 'HARBOR AUTHORITY REQUESTS', 'NEXT STEPS', 'Signature']);
    assert.deepEqual(names(symbols[2].children), ['Summary']);
    assert.deepEqual(names(symbols[4].children!.find((s) => s.name === '¶5 (C)')!.children), ['Comment']);
    const header = symbols[0];
    assert.deepEqual(names(header.children), ['VZCZC', 'Routing', 'DE', 'Security', 'DTG', 'FM', 'TO', 'INFO']);
    assert.deepEqual(names(header.children!.find((s) => s.name === 'TO')!.children), ['SECSTATE WASHDC', 'SECDEF WASHINGTON DC']);
    assert.deepEqual(names(symbols[1].children), ['E.O.', 'TAGS', 'SUBJECT', 'REF A', 'REF B', 'Classified By']);
    const harbor = symbols.find((s) => s.name === 'HARBOR AUTHORITY REQUESTS')!;
    assert.deepEqual(names(harbor.children), ['¶2 (S/NF)', '¶3 (C)']);
    assert.equal(harbor.children![0].detail, 'Director Anton Gauci said his patrol boats had');
  });

  it("gives the TAGS with a person named after an OVIP-style TAG in the person's parentheses, apart from the TAGS", () => {
    // 09SINGAPORE529's shape: bare, the name read as more TAGS ("OVIP ROE, JANE Q. PREL XX").
    const text = ['S E C R E T NOWHERE 000529', '', 'E.O. 12958: DECL: 06/04/2029', 'TAGS: OVIP (ROE, JANE Q.), PREL, XX,', 'OVIP (DOE, JOHN)', 'SUBJECT: FERRY TALKS', '', '¶1. (S) Text.', 'ROE'].join('\n');
    const banner = getDocumentSymbols(parseCable(text).cable)[0];
    assert.equal(banner.children!.find((s) => s.name === 'TAGS')!.detail, 'OVIP (ROE, JANE Q.) PREL XX OVIP (DOE, JOHN)');
  });

  it('lists a REF letter whose citation was never written as an item of its own, over its letter, between the items around it', () => {
    const text = ['C O N F I D E N T I A L NOWHERE 000012', '', 'E.O. 12958: DECL: 06/04/2029', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', 'REF: A. STATE 12', '(B)', '(C) STATE 4410', '', '¶1. (C) Text.'].join('\n');
    const metadata = getDocumentSymbols(parseCable(text).cable)[0];
    const refs = metadata.children!.filter((s) => s.name.startsWith('REF'));
    assert.deepEqual(refs.map((s) => [s.name, s.detail ?? '']), [['REF A', 'STATE 12'], ['REF B', ''], ['REF C', 'STATE 4410']]);
    assert.deepEqual(refs[1].range, { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } });
  });

  it('nests every child inside its parent', () => {
    const inside = (outer: DocumentSymbol, inner: DocumentSymbol) =>
      (inner.range.start.line > outer.range.start.line || (inner.range.start.line === outer.range.start.line && inner.range.start.character >= outer.range.start.character)) &&
      (inner.range.end.line < outer.range.end.line || (inner.range.end.line === outer.range.end.line && inner.range.end.character <= outer.range.end.character));
    const check = (s: DocumentSymbol) => {
      for (const c of s.children ?? []) {
        assert.ok(inside(s, c), `${c.name} is outside ${s.name}`);
        assert.ok(inside(c, { ...c, range: c.selectionRange }), `${c.name}: selection outside range`);
        check(c);
      }
    };
    symbols.forEach(check);
  });
});

describe('document symbols on odd shapes', () => {
  const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  // Each symbol as "name — detail [range]", indented by its depth; every child checked to lie in its parent.
  const outlineOf = (list: DocumentSymbol[], depth = 0): string[] =>
    list.flatMap((s) => {
      for (const c of s.children ?? []) assert.ok(inside(s.range, c.range), `${c.name} is outside ${s.name}`);
      assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside range`);
      const r = s.range;
      const line = `${'  '.repeat(depth)}${s.name}${s.detail && s.kind === 24 ? ` — ${s.detail}` : ''} [${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}]`;
      return [line, ...outlineOf(s.children ?? [], depth + 1)];
    });
  // Pairs of symbols on one level of which the second starts inside the first, at every level.
  const overlapping = (list: DocumentSymbol[]): string[] => [
    ...list.flatMap((a, i) => list.slice(i + 1).filter((b) => inside(a.range, { start: b.range.start, end: b.range.start }) && (b.range.start.line !== a.range.end.line || b.range.start.character !== a.range.end.character)).map((b) => `${a.name} / ${b.name}`)),
    ...list.flatMap((s) => overlapping(s.children ?? [])),
  ];

  it('lists a Summary whose title is glued to the Classified By after the fields, its part in ¶1 under ¶1', () => {
    // Invented, in the shape of 08STOCKHOLM51: the Summary crossed the banner's symbol, which ran to the line's end, and ¶1.
    const text = (after: string) => `C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: DCM Lena Orr for reasons\n1.4 (b) and (d). Summary ------- \n\n¶1. (C) The ferry talks went well. End Summary.${after}\n\n¶2. (C) Fares rose.\n\nORR\n`;
    const outline = (after: string) => {
      const symbols = getDocumentSymbols(parseCable(text(after)).cable);
      assert.deepEqual(overlapping(symbols), []);
      return outlineOf(symbols);
    };
    assert.deepEqual(outline(' Fares -----').slice(5), ['Summary [7:17-7:32]', '¶1 (C) [9:0-9:59]', '  Summary — continued [9:8-9:46]', '¶2 (C) [11:0-11:19]', 'Signature [13:0-13:3]']);
    assert.deepEqual(outlineOf(getDocumentSymbols(parseCable(text(' Fares -----')).cable))[0], 'C O N F I D E N T I A L NOWHERE 000051 [0:0-7:16]');
    // Closed at ¶1's end, it holds ¶1.
    assert.deepEqual(outline('').slice(5), ['Summary [7:17-9:47]', '  ¶1 (C) [9:0-9:47]', '¶2 (C) [11:0-11:19]', 'Signature [13:0-13:3]']);
  });

  it('lists and folds a block whose title is glued with its rule to a paragraph\'s end over the paragraphs after it', () => {
    // Invented, in the shape of 08STOCKHOLM51: the title had no symbol and no fold, and ¶2 and ¶3 stood on their own.
    const cable = parseCable('C O N F I D E N T I A L NOWHERE 000051\n\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n¶1. (C) The talks went well. Comment -------\n\n¶2. (C) Fares will rise.\n\n¶3. (C) The board meets in May. Action Request -----\n\n¶4. (C) Please advise.\n\nORR\n').cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(overlapping(symbols), []);
    // ¶1 ends before its title; the next title glued to ¶3's end ends the Comment.
    assert.deepEqual(outlineOf(symbols).slice(3), ['¶1 (C) [5:0-5:28]', 'Comment [5:29-9:52]', '  ¶2 (C) [7:0-7:24]', '  ¶3 (C) [9:0-9:52]', '¶4 (C) [11:0-11:22]', 'Signature [13:0-13:3]']);
    assert.deepEqual(getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`), ['0-3', '5-9']);
  });

  it('lists and folds a Summary glued to the Classified By with no closer over the paragraphs up to the next heading', () => {
    // Invented: it covered only its title, and ¶1 and ¶2 stood beside it.
    const cable = parseCable('C O N F I D E N T I A L NOWHERE 000051\n\nE.O. 12958: DECL: 12/12/2017\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\nClassified By: DCM Lena Orr for reasons 1.4 (b) and (d). Summary -------\n\n¶1. (C) The ferry talks went well.\n\n¶2. (C) Fares rose.\n\nQuays\n-----\n\n¶3. (C) The quays are full.\n\nORR\n').cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols).slice(5), ['Summary [6:57-10:19]', '  ¶1 (C) [8:0-8:34]', '  ¶2 (C) [10:0-10:19]', 'Quays [12:0-15:27]', '  ¶3 (C) [15:0-15:27]', 'Signature [17:0-17:3]']);
    assert.deepEqual(getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`), ['0-5', '6-10', '12-15']);
  });

  it('ends the last paragraph and its section before a signature glued to the paragraph\'s last line', () => {
    // "… with Embassy Nowhere. SMITH": the Signature overlapped ¶2 and the section holding it, both on the top level.
    const text = 'UNCLAS NOWHERE 000001 \n\nSUBJECT: HARBOR FEES \n\n1. (U) The harbor board met on Monday. \n\nNEXT STEPS \n---------- \n\n2. (U) The board meets again in May. This message was \ncoordinated with Embassy Nowhere. SMITH \n';
    const outline = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(outline.map((s) => s.name), ['UNCLAS NOWHERE 000001', '¶1 (U)', 'NEXT STEPS', 'Signature']);
    const [steps, signature] = outline.slice(2);
    const end = { line: 10, character: 33 };
    assert.deepEqual([steps.range.end, steps.children![0].range.end, signature.range], [end, end, { start: { line: 10, character: 34 }, end: { line: 10, character: 39 } }]);
    for (const s of outline.slice(0, -1)) assert.ok(!inside(s.range, signature.range), `${s.name} holds the signature`);
    // A Comment that nothing closes runs to the paragraph's end: it ends there too, and stays under the paragraph.
    const open = getDocumentSymbols(parseCable(text.replace('This message was', '(Comment: The fees')).cable);
    const paragraph = open.find((s) => s.name === 'NEXT STEPS')!.children![0];
    assert.deepEqual([paragraph.children?.map((s) => s.name), paragraph.children?.[0].range.end, open.map((s) => s.name)], [['Comment'], end, ['UNCLAS NOWHERE 000001', '¶1 (U)', 'NEXT STEPS', 'Signature']]);
  });

  it('shows a second REF in the outline and its hover with what it says, after the first REF\'s items', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\nREF: A. NOWHERE 12\nREF: A. STATE 4410\n\nClassified By: Jane Roe, reasons 1.4 (b).\n\n¶1. (C) Text.\n';
    const banner = getDocumentSymbols(parseCable(text).cable)[0];
    assert.deepEqual(banner.children?.map((s) => `${s.name}:${s.detail}`), ['E.O.:01/01/2019', 'TAGS:PREL', 'SUBJECT:HARBOR PATROLS', 'REF A:NOWHERE 12', 'Classified By:Jane Roe', 'REF (again):A. STATE 4410']);
    assert.match(hoverAt(text.replace('REF: A. STATE', 'RE|F: A. STATE')), /^\*\*REF, written again\*\*\n\nA second REF field: the first is the cable's, and this one is kept apart from it\.\n\nIt says: A\. STATE 4410$/);
  });

  it('shows a second SUBJECT or Classified By in the outline and its hover with what it says', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\nSUBJECT: PIER FEES\n\nClassified By: Jane Roe, reasons 1.4 (b).\nClassified By: John Doe, reasons 1.4 (d).\n\n¶1. (C) Text.\n';
    const banner = getDocumentSymbols(parseCable(text).cable)[0];
    assert.deepEqual(banner.children?.map((s) => `${s.name}:${s.detail}`), ['E.O.:01/01/2019', 'TAGS:PREL', 'SUBJECT:HARBOR PATROLS', 'Classified By:Jane Roe', 'SUBJECT (again):PIER FEES', 'Classified By (again):John Doe, reasons 1.4 (d).']);
    assert.match(hoverAt(text.replace('SUBJECT: PIER', 'SUB|JECT: PIER')), /^\*\*SUBJECT, written again\*\*\n\nA second SUBJECT field: the first is the cable's, and this one is kept apart from it\.\n\nIt says: PIER FEES$/);
    assert.match(hoverAt(text.replace('Classified By: John', 'Class|ified By: John')), /It says: John Doe, reasons 1\.4 \(d\)\.$/);
    // The first keeps its own hover.
    assert.match(hoverAt(text.replace('SUBJECT: HARBOR', 'SUB|JECT: HARBOR')), /^\*\*SUBJECT field\*\*/);
  });

  it('keeps a Classified By line found in the body out of the banner symbol, under the paragraph that holds it', () => {
    const text = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n¶1. (S) The harbor master met us.\n\n¶2. (U) Classified by Deputy Director Jan Novak, Reasons 1.4\n(b) and (d).\n\n¶3. (S) More text.\n';
    const cable = parseCable(text).cable;
    assert.ok(cable.classifiedBy, 'the parser reads the Classified By line in the body');
    const symbols = getDocumentSymbols(cable);
    const check = (s: DocumentSymbol) => (s.children ?? []).forEach((c) => { assert.ok(inside(s.range, c.range), `${c.name} is outside ${s.name}`); check(c); });
    symbols.forEach(check);
    // Still in the outline, under the paragraph that holds it: on the top level it overlapped ¶2 (08STATE103511).
    assert.deepEqual(symbols.find((s) => s.name === '¶2 (U)')?.children?.map((s) => s.name), ['Classified By']);
  });

  it('puts the paragraphs a Summary opens and closes under it, and keeps a block that opens or closes inside a paragraph\'s text on the level that holds it whole', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) Summary: The harbor master met us.\n\n¶2. (C) He asked for boats. End Summary.\n\n¶3. (C) Comment: We should help. End Comment.\n';
    const symbols = getDocumentSymbols(parseCable(text).cable);
    // "¶1. (C) Summary: …" ⏎ "¶2. (C) … End Summary.": the Summary stood beside ¶1 and ¶2, overlapping both (05MADRID171,
    // 07KUWAIT808 and 14 more real cables); it is the whole of both paragraphs, so it holds them.
    assert.deepEqual(symbols.map((s) => s.name), ['C O N F I D E N T I A L NOWHERE 000001', 'Summary', '¶3 (C)']);
    assert.deepEqual((symbols[1].children ?? []).map((s) => s.name), ['¶1 (C)', '¶2 (C)']);
    assert.deepEqual((symbols[2].children ?? []).map((s) => s.name), ['Comment']);
    assert.deepEqual(overlapping(symbols), []);
    // The rest of the closer's sentence is the closer's: "End Summary and Comment." still ends the Summary's paragraphs.
    const andComment = getDocumentSymbols(parseCable(text.replace('End Summary.', 'End Summary and Comment.')).cable);
    assert.deepEqual(andComment.map((s) => s.name), ['C O N F I D E N T I A L NOWHERE 000001', 'Summary', '¶3 (C)']);
    // A Summary closed inside ¶2's text, which goes on after it: the rest of ¶2 is none of the Summary's, so no symbol can
    // hold the Summary and ¶2 both. It stood beside ¶1 and ¶2, overlapping both (06BELGRADE1681); now ¶1 holds the
    // Summary from its opener, and ¶2 holds its part there, detailed "continued".
    const midway = getDocumentSymbols(parseCable(text.replace('End Summary.', 'End Summary. He left.')).cable);
    assert.deepEqual(overlapping(midway), []);
    assert.deepEqual(outlineOf(midway.slice(1)), ['¶1 (C) [6:0-6:42]', '  Summary [6:8-6:42]', '¶2 (C) [8:0-8:49]', '  Summary — continued [8:8-8:39]', '¶3 (C) [10:0-10:45]', '  Comment [10:8-10:44]']);
    // Over three paragraphs: the Summary holds the two it is the whole of.
    const three = getDocumentSymbols(parseCable(text.replace('He asked for boats. End Summary.', 'He asked for boats.\n\n¶3. (C) He left. End Summary. He came back.').replace('¶3. (C) Comment', '¶4. (C) Comment')).cable);
    assert.deepEqual(overlapping(three), []);
    assert.deepEqual(outlineOf(three.slice(1)).slice(0, 5), ['Summary [6:0-8:27]', '  ¶1 (C) [6:0-6:42]', '  ¶2 (C) [8:0-8:27]', '¶3 (C) [10:0-10:43]', '  Summary — continued [10:8-10:28]']);
  });

  it('ends a paragraph\'s symbol before a Comment that opens after its text and runs on over the next paragraph, which the Comment holds', () => {
    // "… for two hours. Comment: Harbor Boats" ⏎ "¶3. … End Comment." (10BRASILIA49): the Comment stood beside ¶2 and ¶3,
    // overlapping both.
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) The harbor master met us.\n\n¶2. (C) He asked for boats\nfor two hours. (Comment: Harbor Boats\n\n¶3. (C) We should help. End Comment.)\n\n¶4. (C) More text.\n';
    const symbols = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols.slice(1)), ['¶1 (C) [4:0-4:33]', '¶2 (C) [6:0-7:14]', 'Comment [7:16-9:37]', '  ¶3 (C) [9:0-9:37]', '¶4 (C) [11:0-11:18]']);
    // On a line of its own, the opener ends the paragraph on the line above.
    const own = getDocumentSymbols(parseCable(text.replace('two hours. (Comment', 'two hours.\n(Comment')).cable);
    assert.deepEqual(outlineOf(own.slice(1)).slice(1, 3), ['¶2 (C) [6:0-7:14]', 'Comment [8:1-10:37]']);
    // A Comment left open at ¶2's end, opened before the one that runs on into ¶3: ¶2 ends before the first, which holds the
    // second's part in ¶2 (¶2 ended before the second only, crossing the first).
    const nested = getDocumentSymbols(parseCable(text.replace('for two hours. (Comment: Harbor Boats', 'for two hours. Comment: The crews\nwill strike (Comment: Harbor Boats')).cable);
    assert.deepEqual(overlapping(nested), []);
    assert.deepEqual(outlineOf(nested.slice(1)).slice(1, 4), ['¶2 (C) [6:0-7:14]', 'Comment [7:15-8:34]', '  Comment [8:13-8:34]']);
  });

  it('ends a Summary where a Comment opened inside it ends when one closer ends both ("End summary and comment.")', () => {
    // The parser ends the Summary at "End summary" and the Comment at "and comment": they crossed, side by side under ¶1
    // (06KIEV1261).
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) Summary: The harbor master met us.\nHe asked for boats. Comment: We should\nhelp him. End summary and\ncomment.\n\n¶2. (C) More text.\n';
    const cable = parseCable(text).cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(outlineOf(symbols.slice(1)).slice(0, 3), ['¶1 (C) [4:0-7:8]', '  Summary [4:8-7:7]', '    Comment [5:20-7:7]']);
    // Smart selection grows from the Comment to the Summary, and folding keeps the Comment's fold inside ¶1's.
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line: 6, character: 2 }])[0]; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.ok(chain.includes('5:20-7:7') && chain.includes('4:8-7:7'), chain.join(' '));
    assert.deepEqual(getFoldingRanges(cable).filter((f) => f.startLine >= 4).map((f) => `${f.startLine}-${f.endLine}`), ['4-7', '5-7']);
  });

  it('ends a block that opens inside another and closes after it where the other ends, and lists the rest as its continuation', () => {
    // "Summary: … Comment: …" ⏎ "… End summary. He may ask" ⏎ "again. End comment.": the two stood side by side under ¶1,
    // overlapping.
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) Summary: The harbor master met us.\nHe asked for boats. Comment: We should\nhelp him. End summary. He may ask\nagain. End comment.\n\n¶2. (C) More text.\n';
    const symbols = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols.slice(1)).slice(0, 4), ['¶1 (C) [4:0-7:19]', '  Summary [4:8-6:21]', '    Comment [5:20-6:21]', '  Comment — continued [6:23-7:18]']);
  });

  it('nests the titles a long paragraph lists its parts under by rank (I. over A. over 1)), each inside its parent and none overlapping', () => {
    // A collection directive's outline of issues inside its numbered paragraphs (the shape of 09STATE37566 and 09STATE62393):
    // the outline listed ¶2 and ¶3 alone, with nothing under them.
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09STATE90001.cable'), 'utf8');
    const symbols = getDocumentSymbols(parseCable(text).cable);
    assert.deepEqual(overlapping(symbols), []);
    const under = (name: string) => outlineOf(symbols.find((s) => s.name === name)?.children ?? []);
    // "3) Staff can provide text of this issue." is an item of the series, not a title; "4)" still counts on after it.
    assert.deepEqual(under('¶2 (S/NF)'), [
      'I. Regional Issues [24:0-34:21]',
      '  A. Shipping [26:0-30:25]',
      '    1) Ferry Fares (FARE) [27:0-27:21]',
      '    2) Harbor Dues (DUES) [28:0-29:40]',
      '    4) Pilot Licensing (PILT) [30:0-30:25]',
      '  B. Governance [32:0-34:21]',
      '    1) Harbor Board (LEAD) [33:0-33:22]',
      '    2) Port Police (CRIM) [34:0-34:21]',
      'II. Country-Specific Issues [36:0-38:36]',
      '  A. Nowhere: Quay Disputes (QUAY-2) [38:0-38:36]',
    ]);
    // Each title runs over its part, up to the next title of its rank or above; a Note goes under the title that holds it; a
    // title is named by its words before the sentence's end ("1) Harbor Board (LEAD). Members, …").
    assert.deepEqual(under('¶3 (S/NF)'), [
      'I. Regional Issues [42:0-60:12]',
      '  A. Shipping [44:0-53:42]',
      '    1) Ferry Fares (FARE) [46:0-49:43]',
      '      Note [49:1-49:41]',
      '    2) Harbor Dues (DUES) [51:6-53:42]',
      '  B. Governance [55:0-60:12]',
      '    1) Harbor Board (LEAD) [57:0-58:47]',
      '    2) Port Police (CRIM) [59:0-60:12]',
      'II. Country-Specific Issues [62:0-65:34]',
      '  A. Nowhere: Quay Disputes (QUAY-2) [64:0-65:34]',
    ]);
    // "¶A. (S/NF) The directive below …" is a lettered paragraph of prose, and "J. Roe Smith" an initial wrapped to a line's start.
    assert.deepEqual(under('¶1 (S/NF)'), []);
  });

  it('lists every Summary, and folds a Comment over the paragraphs it opens and closes from the first one\'s line', () => {
    // A Summary in each section of a long cable: only the first was listed. "¶3. (C) Comment: …" ⏎ "¶4. (C) … End comment.":
    // the Comment had no fold, VS Code keeping only the first range that starts on a line, ¶3's.
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE66.cable'), 'utf8')).cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols.slice(1, 4)).filter((l) => !l.includes('-- ')), [
      '¶1 (C) [10:0-11:50]',
      '  Summary [10:8-11:49]',
      'FERRY FARES [13:0-24:23]',
      '  ¶2 (C) [17:0-18:14]',
      '  Comment [20:0-24:23]',
      '    ¶3 (C) [20:0-21:38]',
      '    ¶4 (C) [23:0-24:23]',
      'PORT POLICE [26:0-47:7]',
      '  ¶5 (C) [30:0-31:33]',
      '    Summary [30:8-31:32]',
      '  ¶6 (C) [33:0-41:36]',
      '  ¶7 (C) [43:0-47:7]',
    ]);
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    // The Comment's fold takes ¶3's line; ¶4 keeps its fold inside it.
    assert.deepEqual(folds.filter((f) => ['20', '23'].includes(f.split('-')[0])), ['20-24', '23-24']);
    // A block that is one paragraph's whole text leaves the paragraph its fold.
    assert.ok(folds.includes('30-31'), folds.join(' '));
    // Smart selection climbs from ¶3 and from ¶4 to the Comment over both, then the section.
    const chain = (line: number, character: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line, character }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
      return spans;
    };
    assert.deepEqual(chain(21, 5).slice(2, 5), ['20:0-21:38', '20:0-24:23', '13:0-24:23']);
    assert.deepEqual(chain(24, 3).slice(2, 6), ['23:0-24:23', '20:8-24:23', '20:0-24:23', '13:0-24:23']);
  });

  it('nests the titles a paragraph opens with two dashes (--Night Patrols) under it, but not a list of short dashed items', () => {
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE66.cable'), 'utf8')).cable;
    const symbols = getDocumentSymbols(cable);
    const police = symbols.find((s) => s.name === 'PORT POLICE')!;
    assert.deepEqual(outlineOf(police.children!.slice(1)), ['¶6 (C) [33:0-41:36]', '  -- Night Patrols [35:0-37:18]', '  -- Day Patrols [39:0-41:36]', '¶7 (C) [43:0-47:7]']);
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(folds.includes('35-37') && folds.includes('39-41'), folds.join(' '));
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line: 36, character: 5 }])[0]; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.deepEqual(chain.slice(1, 4), ['36:0-36:36', '35:0-37:18', '33:0-41:36']);
    // An item of prose after the dashes ("--Defense - Gen. Roe (Pashtun). He was …", 09KABUL4070's shape) is no title.
    const prose = getDocumentSymbols(parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE66.cable'), 'utf8').replace('--Night Patrols', '--Night Patrols. Two boats will go out.')).cable);
    assert.deepEqual(outlineOf(prose.find((s) => s.name === 'PORT POLICE')!.children!.slice(1, 2)), ['¶6 (C) [33:0-41:36]', '  -- Day Patrols [39:0-41:36]']);
  });

  it('lists the paragraphs of a section under the titles it opens with two dashes (--Ferry Fares), in the outline, folding and smart selection', () => {
    // "--Harbor Dues" under ¶3, which the parser runs over it: the outline listed ¶2, ¶3 and ¶4 flat under HARBOR ISSUES,
    // with no trace of the titles, and ¶3 folded over "--Harbor Dues".
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE55.cable'), 'utf8');
    const cable = parseCable(text).cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols.filter((s) => s.name === 'HARBOR ISSUES')), [
      'HARBOR ISSUES [11:0-25:40]',
      '  -- Ferry Fares [15:0-21:15]',
      '    ¶2 (C) [17:0-18:35]',
      '    ¶3 (C) [20:0-21:15]',
      '  -- Harbor Dues [23:0-25:40]',
      '    ¶4 (C) [25:0-25:40]',
    ]);
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.deepEqual(folds.filter((f) => Number(f.split('-')[0]) >= 12 && Number(f.split('-')[0]) <= 25), ['12-25', '15-21', '17-18', '20-21', '23-25']);
    const chain = (line: number, character: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line, character }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
      return spans;
    };
    assert.deepEqual(chain(20, 4).slice(2), ['20:0-21:15', '15:0-21:15', '11:0-25:40', '0:0-33:0']);
    // On the title's line, which the parser counts in ¶3: the title, not ¶3.
    assert.deepEqual(chain(23, 4).slice(2), ['23:0-25:40', '11:0-25:40', '0:0-33:0']);
    // A Comment from one title's part into the next could be held by neither: the section lists no titles.
    const crossing = getDocumentSymbols(parseCable(text.replace('¶3. (C) The crews', '¶3. (C) Comment: The crews').replace('fishing boats.', 'fishing boats. End comment.')).cable);
    assert.deepEqual(overlapping(crossing), []);
    assert.deepEqual(outlineOf(crossing.filter((s) => s.name === 'HARBOR ISSUES')).map((l) => l.replace(/ \[.*/, '')), ['HARBOR ISSUES', '  ¶2 (C)', '  Comment', '    ¶3 (C)', '    ¶4 (C)']);
  });

  it('nests a section under the labelled heading of a higher rank before it (A. under I.), which runs on over it, in the outline, folding and smart selection', () => {
    // "I. HARBOR ISSUES" stood empty beside "A. Ferry Fares" and "B. Harbor Dues", all on the top level.
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE99.cable'), 'utf8')).cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols.slice(2, -1)), [
      'I. HARBOR ISSUES [13:0-26:40]',
      '  ¶2 (C) [16:0-16:43]',
      '  A. Ferry Fares [18:0-21:33]',
      '    ¶3 (C) [21:0-21:33]',
      '  B. Harbor Dues [23:0-26:40]',
      '    ¶4 (C) [26:0-26:40]',
      'II. PORT POLICE [28:0-31:38]',
      '  ¶5 (C) [31:0-31:38]',
      'Comment [33:0-36:45]',
      '  ¶6 (C) [36:0-36:45]',
    ]);
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(folds.includes('13-26') && folds.includes('18-21') && folds.includes('23-26'), folds.join(' '));
    // From ¶3 to "A. Ferry Fares", then "I. HARBOR ISSUES", then the cable.
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line: 21, character: 12 }])[0]; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.deepEqual(chain.slice(-4), ['21:0-21:33', '18:0-21:33', '13:0-26:40', '0:0-38:0']);
  });

  it('lists the titles of a paragraph in the order written, and keeps a Comment that runs from one title into the next beside them', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR ISSUES\n\n¶1. (C) The issues:\n\nA. Ferry Fares\nThe fares rise.\n\nB. Harbor Dues\nThe dues fall.\n';
    const titled = outlineOf(getDocumentSymbols(parseCable(text).cable).slice(1));
    assert.deepEqual(titled, ['¶1 (C) [4:0-10:14]', '  A. Ferry Fares [6:0-7:15]', '  B. Harbor Dues [9:0-10:14]']);
    // A letter out of sequence (no "A." before it) is no title.
    assert.deepEqual(outlineOf(getDocumentSymbols(parseCable(text.replace('A. Ferry Fares', 'Ferry Fares')).cable).slice(1)), ['¶1 (C) [4:0-10:14]']);
    // A Comment from A.'s part into B.'s would overlap both: the paragraph keeps it and lists no titles.
    const crossing = getDocumentSymbols(parseCable(text.replace('The fares rise.', 'The fares rise. (Comment: Too fast.').replace('The dues fall.', 'The dues fall. End comment.)')).cable);
    assert.deepEqual(overlapping(crossing), []);
    assert.deepEqual(outlineOf(crossing.slice(1)), ['¶1 (C) [4:0-10:28]', '  Comment [7:17-10:26]']);
  });

  it('lists Notes as it lists Comments: under the paragraph that holds one, and holding the paragraphs one is the whole of', () => {
    // "(Note: …)" and "Note: … End note." blocks were left out of the outline, while Summary and Comment blocks were in it.
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE77.cable'), 'utf8')).cable;
    const symbols = getDocumentSymbols(cable);
    assert.deepEqual(overlapping(symbols), []);
    assert.deepEqual(outlineOf(symbols.slice(1)), [
      '¶1 (C) [10:0-11:30]',
      '  Summary [10:8-11:29]',
      '¶2 (C) [13:0-16:21]',
      '  Note [14:1-15:26]',
      'Note [18:0-21:60]',
      '  ¶3 (C) [18:0-19:5]',
      '  ¶4 (C) [21:0-21:60]',
      '¶5 (C) [23:0-23:51]',
      '  Comment [23:8-23:50]',
      'Signature [24:0-24:3]',
    ]);
    // A Note folds from its opener's line to its closer's, as a Comment does.
    assert.ok(getFoldingRanges(cable).some((f) => f.startLine === 14 && f.endLine === 15));
  });

  it('nests every symbol in its parent, with no two on a level overlapping, on the fixtures and the real cables', () => {
    // 06BELGRADE1681, 06KIEV1261 and 10BRASILIA49 each had a block symbol crossing its neighbours.
    const bad: string[] = [];
    const check = (label: string, text: string) => {
      const symbols = getDocumentSymbols(parseCable(text).cable);
      try {
        outlineOf(symbols);
      } catch (e) {
        bad.push(`${label}: ${(e as Error).message}`);
      }
      for (const pair of overlapping(symbols)) bad.push(`${label}: ${pair}`);
      return symbols;
    };
    for (const file of [...fixtureFiles(), ...corpusFiles()]) check(path.basename(file), fs.readFileSync(file, 'utf8'));
    // The fixtures with each paragraph's first line indented (`   ¶2. (C) …`), whose symbol starts at the line's start, before
    // its number, and with a scan's margin besides (`|    ¶2. (C) …`, `014    ¶2. (C) …`), where it starts at the margin's
    // first character: a Summary or Comment over whole paragraphs starts there too, to hold them.
    const margins: [string, (l: string, i: number) => string][] = [['indented', (l) => l], ['indented, a bar', (l) => (l === '' ? l : `| ${l}`)], ['indented, line numbers', (l, i) => `${String(i + 1).padStart(3, '0')} ${l}`]];
    let before = 0;
    const count = (list: readonly DocumentSymbol[]): void => {
      for (const s of list) {
        if (s.name.startsWith('¶') && s.range.start.character === 0 && s.selectionRange.start.character > 0) before++;
        count(s.children ?? []);
      }
    };
    for (const file of fixtureFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const firsts = new Set(parseCable(text).cable.paragraphs.filter((q) => q.range.start.character === 0).map((q) => q.range.start.line));
      if (firsts.size === 0) continue;
      const indented = text.split('\n').map((l, i) => (firsts.has(i) ? `   ${l}` : l));
      for (const [kind, margin] of margins) count(check(`${path.basename(file)}, ${kind}`, indented.map(margin).join('\n')));
    }
    assert.deepEqual(bad, []);
    // Paragraphs whose symbol starts before their number, on the fixtures so written (3,222).
    assert.ok(before >= 3000, `${before}`);
  });

  it('lists the metadata fields of a cable whose banner cannot be read', () => {
    const text = 'C O N F I D E N T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) The harbor master met us.\n';
    const cable = parseCable(text).cable;
    assert.equal(cable.banner, undefined, 'the damaged banner is not read');
    assert.deepEqual(getDocumentSymbols(cable).map((s) => s.name), ['E.O.', 'TAGS', 'SUBJECT', '¶1 (C)']);
  });

  it('names symbols with single spaces', () => {
    const text = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE  WASHDC 0001\nINFO RUEHLO/AMEMBASSY LONDON 0001\nBT\n\nS E C R E T PARIS 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n\nHARBOR:  PATROLS AT NIGHT\n-------------------------\n\n¶2. (S) Text.\n';
    const names: string[] = [];
    const walk = (s: DocumentSymbol) => { names.push(s.name); (s.children ?? []).forEach(walk); };
    getDocumentSymbols(parseCable(text).cable).forEach(walk);
    assert.ok(names.includes('HARBOR: PATROLS AT NIGHT'), names.join(' | '));
    assert.deepEqual(names.filter((n) => /\s{2}|^\s|\s$/.test(n)), []);
  });
});

describe('document symbols on a large cable', () => {
  it('outlines 40,000 Comments in one paragraph in linear time (8 times as many in about 8 times as long; 7 s when each block searched the whole level for its holder)', () => {
    const big = (n: number) => parseCable(`S E C R E T NOWHERE 000001\n\nSUBJECT: X\n\n\u00b61. (C) The board met.\n${'The crews met. (Comment: They will strike. End comment.)\n'.repeat(n)}\n\u00b62. (C) More.\n`).cable;
    const symbols = assertLinearTime(big, getDocumentSymbols, 40_000);
    assert.equal(symbols.find((s) => s.name === '¶1 (C)')?.children?.length, 40_000);
  });

  it('outlines a paragraph of 20,000 titles each holding a Note in linear time (8 times as many in about 8 times as long)', () => {
    const big = (n: number) => parseCable(`S E C R E T NOWHERE 000001\n\nSUBJECT: X\n\n\u00b61. (C) The issues:\n${'1) Ferry Fares (FARE)\nThe crews met. (Note: They will strike. End note.)\n'.repeat(n)}\n\u00b62. (C) More.\n`).cable;
    const symbols = assertLinearTime(big, getDocumentSymbols, 20_000);
    const titles = symbols.find((s) => s.name === '¶1 (C)')?.children ?? [];
    assert.equal(titles.length, 20_000);
    assert.deepEqual(titles[0].children?.map((s) => s.name), ['Note']);
  });

  it('outlines 32,000 Comment headings that nothing closes in linear time (8 times as many in about 8 times as long; 27 s for 65,000 when each block looked its heading up in a list)', () => {
    const big = (n: number) => parseCable(`S E C R E T NOWHERE 000001\n\nSUBJECT: X\n\n${'COMMENT\n-------\n\n\u00b61. (C) The minister spoke.\n\n'.repeat(n)}`).cable;
    const symbols = assertLinearTime(big, getDocumentSymbols, 32_000);
    // Each heading's section stands for the Comment it opens: no second symbol over its paragraph.
    assert.equal(symbols.filter((s) => s.name === 'COMMENT').length, 32_000);
    assert.equal(symbols.filter((s) => s.name === 'Comment').length, 0);
  });
});

describe('folding and selection', () => {
  const cable = parseCable(VALLETTA).cable;
  it('folds the header, the address lists, the metadata, sections, paragraphs and blocks', () => {
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    for (const expected of ['0-10', '6-7', '8-10', '12-25', '33-43', '47-55', '27-31', '36-39']) assert.ok(folds.includes(expected), `${expected} not in ${folds.join(' ')}`);
  });

  it('folds the titles a paragraph lists its parts under, each over its part', () => {
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09STATE90001.cable'), 'utf8')).cable;
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    // ¶2's "I. Regional Issues", its "A. Shipping" and "B. Governance", ¶3's "1) Ferry Fares (FARE)" over its bullets.
    for (const fold of ['24-34', '26-30', '32-34', '42-60', '46-49']) assert.ok(folds.includes(fold), `${fold} in ${folds.join(' ')}`);
  });

  it('climbs from a line through the titles that hold it, innermost first, to the paragraph', () => {
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09STATE90001.cable'), 'utf8')).cable;
    const chain: string[] = [];
    // "--  Views of the ferry crews on the new fares." under ¶3's "1) Ferry Fares (FARE)", under "A. Shipping", under "I. Regional Issues".
    for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line: 48, character: 8 }])[0]; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.deepEqual(chain.slice(1, 6), ['48:0-48:46', '46:0-49:43', '44:0-53:42', '42:0-60:12', '40:0-65:34']);
  });

  it('folds a table whole, from the rule over its caption to the rule under its rows, and reads no row as a heading', () => {
    // The shape of 09RANGOON355: a boxed caption, a column header over a rule, rows, a closing rule, inside a section.
    const cable = parseCable(fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE88.cable'), 'utf8')).cable;
    assert.deepEqual(cable.headings.map((h) => h.text.text), ['Summary', 'The Owners Line Up', 'Early Success']);
    assert.deepEqual(getDocumentSymbols(cable).slice(1).map((s) => s.name), ['Summary', 'The Owners Line Up', 'Early Success', 'Signature']);
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(folds.includes('22-33'), folds.join(' '));
    // Inside the section's fold, after ¶2's.
    assert.ok(folds.includes('16-35') && folds.includes('19-20'), folds.join(' '));
  });

  it('folds a section from its title\'s line, so that a folded boxed heading still shows its words', () => {
    // "-----" ⏎ "FERRY FARES" ⏎ "-----": the section folded from the upper rule, and Fold All showed a column of dashes
    // (07PARIS2725's boxed headings).
    const text = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) The port reopened.\n\n-----------\nFERRY FARES\n-----------\n¶2. (S) Fares rose.\nThey rose again.\n\nHARBOR DUES\n-----------\n¶3. (S) Dues fell.\nThey fell again.\n';
    const folds = getFoldingRanges(parseCable(text).cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(folds.includes('9-12'), `the boxed heading's section folds from "FERRY FARES": ${folds.join(' ')}`);
    assert.ok(!folds.some((f) => f.startsWith('8-')), `nothing folds from the upper rule: ${folds.join(' ')}`);
    // An underlined heading's section folds from its words, as before.
    assert.ok(folds.includes('14-17'), `the underlined heading's section folds from "HARBOR DUES": ${folds.join(' ')}`);
  });

  it('folds a heading with text but no numbered paragraph under it over that text, and the outline spans it', () => {
    // "-----" ⏎ "Quote of the Week" ⏎ "-----" ⏎ "“…” -- the President" ⏎ "RAY": the section stopped at the lower rule (09HARARE888).
    const text = ['UNCLAS NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '¶1. (U) The board met.', '', '--------------', 'Word of the Week', '--------------', '"The ferries will run," the mayor said.', '-- Mayor Ann Quill, on May 3.', '', 'DOE'].join('\n');
    const cable = parseCable(text).cable;
    const folds = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(folds.includes('8-11'), `the section folds from "Word of the Week" over the quote: ${folds.join(' ')}`);
    const symbol = getDocumentSymbols(cable).find((s) => s.name === 'Word of the Week');
    assert.deepEqual([symbol?.range.start.line, symbol?.range.end.line], [7, 11]);
  });

  it('returns ranges that nest, so the editor drops none', () => {
    // The summary closes on ¶2's first line: its range used to end there, crossing ¶2's,
    // and VS Code ignored ¶2's range.
    const text = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) SUMMARY: The port reopened on Monday after the strike ended.\n\n¶2. (S) Pilots returned to work. END SUMMARY. The harbor master\nsaid the backlog would clear\nwithin a week.\n\n¶3. (S) Summary: Ships waited.\nMore ships came.\nEnd summary.\n';
    const folds = getFoldingRanges(parseCable(text).cable);
    const spans = folds.map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(spans.includes('8-10'), `¶2 folds: ${spans.join(' ')}`);
    assert.ok(spans.includes('6-7'), `the summary folds up to the line before ¶2: ${spans.join(' ')}`);
    for (const a of folds) {
      for (const b of folds) {
        if (a === b) continue;
        assert.notEqual(a.startLine, b.startLine, `${a.startLine}-${a.endLine} and ${b.startLine}-${b.endLine} start on one line`);
        assert.ok(!(a.startLine < b.startLine && b.startLine <= a.endLine && b.endLine > a.endLine), `${a.startLine}-${a.endLine} and ${b.startLine}-${b.endLine} cross`);
      }
    }
  });

  it('folds a boxed COMMENT or SUMMARY heading\'s section once: the section stands for the block it opens, as in the outline', () => {
    const text = ['S E C R E T NOWHERE 000001', '', 'TAGS: PREL', 'SUBJECT: X', '', '-------', 'SUMMARY', '-------', '', '¶1. (S) The port reopened.', 'End Summary.', '', '-------', 'FERRIES', '-------', '', '¶2. (S) Fares rose.', '', '-------', 'COMMENT', '-------', '', '¶3. (S) We agree.', 'More ferries.', 'DOE'].join('\n');
    const spans = getFoldingRanges(parseCable(text).cable).map((f) => `${f.startLine}-${f.endLine}${f.kind ? ':' + f.kind : ''}`);
    // The sections from their titles' lines (a folded one shows its words, not its upper rule); no second region from
    // the heading's words to the same end.
    assert.deepEqual(spans.filter((s) => s.endsWith(':region')), ['6-10:region', '13-16:region', '19-23:region']);
    // A Summary that closes before its paragraph's end ("End Summary." ⏎ "" ⏎ "The ferries ran.", ¶1's last line): the
    // section still stands for it, folding from its title over the whole paragraph, and ¶1 folds too. The Summary's own
    // fold (6-10) hid ¶1's first line and crossed ¶1's fold, which VS Code then dropped, and the section folded from its
    // upper rule, showing a rule of dashes.
    const closedEarly = text.replace('End Summary.', 'End Summary.\n\nThe ferries ran.');
    const early = getFoldingRanges(parseCable(closedEarly).cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.deepEqual(early.filter((f) => ['5', '6', '9'].includes(f.split('-')[0])), ['6-12', '9-12']);
  });

  it('folds the last paragraph and its section up to the line above a signature glued to the paragraph\'s last line', () => {
    // "… with Embassy Nowhere. SMITH" (09RIODEJANEIRO440, 09BELGRADE841): the section's fold ran to the signature's line and
    // hid the name, which the outline lists after the section.
    const text = 'UNCLAS NOWHERE 000001 \n\nSUBJECT: HARBOR FEES \n\n1. (U) The harbor board met on Monday. \n\nNEXT STEPS \n---------- \n\n2. (U) The board meets again in May. This message was \nwritten by the harbor office and \ncoordinated with Embassy Nowhere. SMITH \n';
    const folds = getFoldingRanges(parseCable(text).cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.deepEqual(folds.filter((f) => Number(f.split('-')[0]) >= 6), ['6-10', '9-10']);
    // The signature on a line of its own: the folds end with the text, as before.
    const own = getFoldingRanges(parseCable(text.replace('Nowhere. SMITH', 'Nowhere.\nSMITH')).cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.deepEqual(own.filter((f) => Number(f.split('-')[0]) >= 6), ['6-11', '9-11']);
  });

  it('folds an inline Comment up to the line above its closer when text that is not the Comment\'s follows the closer', () => {
    const text = ['C O N F I D E N T I A L NOWHERE 000001', '', 'SUBJECT: HARBOR FEES', '', '1. (C) The board set the fees.', '(Comment: The ferry crews', 'will not like the new fees,', 'which double. End comment.) It meets', 'again in May.', '', '2. (C) The board met. (Note: The', 'mayor came. End note.) He spoke.', '', '3. (C) The board left.', '(Comment: The fees will', 'double. End comment.)', '', 'SMITH'].join('\n');
    const folds = getFoldingRanges(parseCable(text).cable).map((f) => `${f.startLine}-${f.endLine}`);
    // "(Comment: …" ⏎ … ⏎ "which double. End comment.) It meets": the fold hid "It meets", ¶1's text after the Comment; it
    // now ends on the line above, and the closer's line stays in view.
    assert.ok(folds.includes('5-6'), folds.join(' '));
    assert.ok(!folds.includes('5-7'), folds.join(' '));
    // A Comment whose closer's line is the line under its opener's, with text after it, would fold one line: it does not fold.
    assert.ok(!folds.some((f) => f.startsWith('10-') && f !== '10-11'), folds.join(' '));
    // Nothing but the closer's full stop and bracket after it: the fold keeps the closer's line.
    assert.ok(folds.includes('14-15'), folds.join(' '));
  });

  it('expands selection word → marking → line → paragraph → section → cable', () => {
    const c = caret(inValletta('S/NF) Director', 0));
    let r = getSelectionRanges(parseCable(c.text).cable, [{ line: c.line, character: c.character }])[0];
    const spans: string[] = [];
    for (let s: typeof r | undefined = r; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    assert.deepEqual(spans, ['36:5-36:9', '36:4-36:10', '36:0-36:61', '36:0-39:62', '33:0-43:18', '0:0-57:0']);
    r = r!;
  });

  /** The selection chain at the `|` caret, each range as the text it spans (lines joined with ⏎). */
  function selections(textWithCaret: string): string[] {
    const c = caret(textWithCaret);
    const cable = parseCable(c.text).cable;
    const spans: string[] = [];
    for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line: c.line, character: c.character }])[0]; s; s = s.parent) {
      const { start, end } = s.range;
      spans.push(start.line === end.line ? cable.lines[start.line].slice(start.character, end.character) : `${cable.lines[start.line].slice(start.character)}⏎…(${end.line - start.line + 1} lines)`);
    }
    return spans;
  }

  it('selects an in-text reference whole, and the REF field around its item, before the line and the block', () => {
    // "(REF A)" in ¶2: "A", then "REF A", then the line; it went from "A" to the line.
    assert.deepEqual(selections(inValletta('REF A)', 4)).slice(0, 3), ['A', 'REF A', 'Libyan coast at night (REF A). He asked whether the Sixth Fleet']);
    // A REF item, its line, then the REF field (all its items), then the metadata; it went from the line to the metadata.
    assert.deepEqual(selections(inValletta('VALLETTA 388', 0)).slice(0, 5), ['VALLETTA', 'A. VALLETTA 388', 'REF: A. VALLETTA 388', 'REF: A. VALLETTA 388⏎…(2 lines)', 'S E C R E T SECTION 01 OF 02 VALLETTA 000412⏎…(14 lines)']);
  });
  it('climbs from the line to a Comment or Summary block inside the paragraph, then the paragraph', () => {
    // "(Comment: … End comment.)" inside ¶1: the block, between the line and the paragraph; the line went to the paragraph.
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR FEES\n\n1. (C) Summary: The harbor board met\non Monday to set the fees.\nEnd summary.\n\n2. (C) The board set the fees. (Comment: The\nferry crews will not like the new fees,\nwhich double. End comment.) It meets again in May.\n\nSMITH\n';
    assert.deepEqual(selections(text.replace('crews', 'cr|ews')).slice(0, 4), ['crews', 'ferry crews will not like the new fees,', 'Comment: The⏎…(3 lines)', '2. (C) The board set the fees. (Comment: The⏎…(3 lines)']);
    // A summary opened after the marking: its text, then the paragraph with its number.
    assert.deepEqual(selections(text.replace('Monday', 'Mon|day')).slice(0, 4), ['Monday', 'on Monday to set the fees.', 'Summary: The harbor board met⏎…(3 lines)', '1. (C) Summary: The harbor board met⏎…(3 lines)']);
  });

  it('climbs from a word on a block\'s opener or closer line to the line\'s part in the block, then the block, when the paragraph\'s text shares the line', () => {
    // "2. (C) The board set the fees. (Comment: The": the line holds ¶2's text before the Comment, so it lay outside the
    // Comment and the chain went from the line to the paragraph, never selecting the Comment (09BAGHDAD3316's "(Comment:").
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR FEES\n\n1. (C) Summary: The harbor board met\non Monday to set the fees.\nEnd summary.\n\n2. (C) The board set the fees. (Comment: The\nferry crews will not like the new fees,\nwhich double. End comment.) It meets again in May.\n\nSMITH\n';
    const paragraph = '2. (C) The board set the fees. (Comment: The⏎…(3 lines)';
    assert.deepEqual(selections(text.replace('(Comment: The', '(Comment: Th|e')).slice(0, 4), ['The', 'Comment: The', 'Comment: The⏎…(3 lines)', paragraph]);
    assert.deepEqual(selections(text.replace('which double', 'which dou|ble')).slice(0, 4), ['double.', 'which double. End comment', 'Comment: The⏎…(3 lines)', paragraph]);
    // A Summary that opens the paragraph's text keeps the whole line, which the paragraph holds; one that closes with only
    // its full stop after it keeps the line too, and the block takes the full stop in, so that it still holds the line.
    assert.deepEqual(selections(text.replace('harbor board', 'har|bor board')).slice(0, 3), ['harbor', '1. (C) Summary: The harbor board met', '1. (C) Summary: The harbor board met⏎…(3 lines)']);
    assert.deepEqual(selections(text.replace('End summary.', 'End sum|mary.')).slice(0, 4), ['summary.', 'End summary.', 'Summary: The harbor board met⏎…(3 lines)', '1. (C) Summary: The harbor board met⏎…(3 lines)']);
    // "(Comment: The fees will" opening its line: the line is the block's, which takes its bracket in and follows the line.
    const bracketed = text.replace('\n\nSMITH', '\n\n3. (C) The board left.\n(Comment: The fees will\ndouble. End comment.)\n\nSMITH');
    assert.deepEqual(selections(bracketed.replace('fees will', 'fe|es will')).slice(0, 4), ['fees', '(Comment: The fees will', '(Comment: The fees will⏎…(2 lines)', '3. (C) The board left.⏎…(3 lines)']);
  });

  it('climbs from a paragraph to the paragraphs a Summary is the whole of, as the outline\'s Summary holds them', () => {
    // "1. (C) Summary: …" ⏎ "2. (C) … End summary.": from ¶1 or ¶2 the chain went to the paragraphs before any heading,
    // all three, past the Summary, whose own range starts after ¶1's number and holds neither paragraph whole.
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nSUBJECT: HARBOR FEES\n\n1. (C) Summary: The harbor board met\non Monday.\n\n2. (C) It set the fees for the quay\nand the pier. End summary.\n\n3. (C) The board meets again in May.\n\nSMITH\n';
    const summary = '1. (C) Summary: The harbor board met⏎…(5 lines)';
    assert.deepEqual(selections(text.replace('Monday', 'Mon|day')).slice(1), ['on Monday.', '1. (C) Summary: The harbor board met⏎…(2 lines)', summary, '1. (C) Summary: The harbor board met⏎…(7 lines)', 'C O N F I D E N T I A L NOWHERE 000001⏎…(14 lines)']);
    // On the closer's line, the Summary's own text (from its opener) comes between ¶2 and the paragraphs.
    assert.deepEqual(selections(text.replace('the pier', 'the pi|er')).slice(1), ['and the pier. End summary.', '2. (C) It set the fees for the quay⏎…(2 lines)', 'Summary: The harbor board met⏎…(5 lines)', summary, '1. (C) Summary: The harbor board met⏎…(7 lines)', 'C O N F I D E N T I A L NOWHERE 000001⏎…(14 lines)']);
  });

  it('ends the paragraph, its section and the line before a signature glued to the last line, as the outline does', () => {
    // "… with Embassy Nowhere. SMITH" (08RANGOON44, 06ISLAMABAD3705): the line, the paragraph and its section ran over the
    // signature, which the outline lists on its own, after the section.
    const text = 'UNCLAS NOWHERE 000001 \n\nSUBJECT: HARBOR FEES \n\n1. (U) The harbor board met on Monday. \n\nNEXT STEPS \n---------- \n\n2. (U) The board meets again in May. This message was \ncoordinated with Embassy Nowhere. SMITH \n';
    const chain = (textWithCaret: string) => {
      const c = caret(textWithCaret);
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(parseCable(c.text).cable, [{ line: c.line, character: c.character }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
      return spans;
    };
    assert.deepEqual(chain(text.replace('Embassy', 'Emb|assy')), ['10:17-10:24', '10:0-10:33', '9:0-10:33', '6:0-10:33', '0:0-11:0']);
    // On the signature: the name, its line, the cable; no paragraph holds it.
    assert.deepEqual(chain(text.replace('SMITH', 'SM|ITH')), ['10:34-10:39', '10:0-10:39', '0:0-11:0']);
  });

  it('climbs to the paragraph and its section from the last line of a paragraph that ends in spaces', () => {
    // "…the quay. " with a space after it, as most released cables end their lines: the line ran past the paragraph's end,
    // so the paragraph, which ends at the full stop, was left out (and its section, when it ends there too).
    const text = 'C O N F I D E N T I A L NOWHERE 000001 \n\nSUBJECT: HARBOR FEES \n\n-------- \nSUMMARY \n-------- \n\n1. (C) The harbor board met on Monday \nto set the fees for the quay. \n\n2. (U) The board meets again in May. \n\nSMITH\n';
    assert.deepEqual(selections(text.replace('the quay', 'the qu|ay')), ['quay.', 'to set the fees for the quay.', '1. (C) The harbor board met on Monday ⏎…(2 lines)', 'SUMMARY ⏎…(7 lines)', '-------- ⏎…(8 lines)', 'C O N F I D E N T I A L NOWHERE 000001 ⏎…(15 lines)']);
    // The last line of the section too: both were left out.
    assert.deepEqual(selections(text.replace('in May', 'in M|ay')), ['May.', '2. (U) The board meets again in May.', 'SUMMARY ⏎…(7 lines)', '-------- ⏎…(8 lines)', 'C O N F I D E N T I A L NOWHERE 000001 ⏎…(15 lines)']);
    // In the spaces after the text, outside the paragraph, the line still holds the cursor.
    assert.deepEqual(selections(text.replace('in May. ', 'in May. |')), ['2. (U) The board meets again in May. ', 'C O N F I D E N T I A L NOWHERE 000001 ⏎…(15 lines)']);
  });
});

/** Where Go to Definition selects from an in-text reference: each target's selection, as a client that takes no links gets them. */
const definedAt = (cable: Cable, uri: string, position: Position) => getInTextDefinition(cable, uri, position)?.targets.map((t) => t.selection);

describe('in-text references', () => {
  const cable = parseCable(VALLETTA).cable;
  it('goes from "(REF A)" to the REF item and from "para 3" to paragraph 3', () => {
    const refA = caret(inValletta('REF A)', 2));
    assert.deepEqual(definedAt(parseCable(refA.text).cable, 'file:///x', { line: refA.line, character: refA.character }), [cable.refs!.items[0].range]);
    const para = caret(inValletta('para 3', 1));
    assert.deepEqual(definedAt(parseCable(para.text).cable, 'file:///x', { line: para.line, character: para.character }), [cable.paragraphs[2].marker.range]);
  });

  it('answers from the reference\'s text, with the whole REF item or paragraph as the target around what it selects', () => {
    // A link's origin is what the editor underlines: "REF A" and "para 3", not the word under the caret.
    const refA = caret(inValletta('REF A)', 2));
    const fromRef = getInTextDefinition(parseCable(refA.text).cable, 'file:///x', refA)!;
    const refLine = parseCable(refA.text).cable.lines[refA.line];
    assert.equal(refLine.slice(fromRef.origin.start.character, fromRef.origin.end.character), 'REF A');
    assert.deepEqual(fromRef.targets, [{ uri: 'file:///x', range: cable.refs!.items[0].range, selection: cable.refs!.items[0].range }]);
    const para = caret(inValletta('para 3', 1));
    const fromPara = getInTextDefinition(parseCable(para.text).cable, 'file:///x', para)!;
    assert.equal(parseCable(para.text).cable.lines[para.line].slice(fromPara.origin.start.character, fromPara.origin.end.character), 'para 3');
    // The paragraph whole, which a peek or Ctrl+hover shows; its marker is selected.
    assert.deepEqual(fromPara.targets, [{ uri: 'file:///x', range: cable.paragraphs[2].range, selection: cable.paragraphs[2].marker.range }]);
    assert.ok(cable.paragraphs[2].range.end.line > cable.paragraphs[2].marker.range.end.line || cable.paragraphs[2].range.end.character > cable.paragraphs[2].marker.range.end.character);
  });

  describe('paragraphs of cited cables', () => {
    const text = (ref: string, body: string) => `C O N F I D E N T I A L NOWHERE 000044\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: ${ref}\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) ${body}\n2. (C) The patrols go on.\n`;
    const twoItems = 'A. 09 NOWHERE 12 B. 09 STATE 3456';
    // What each mention names: its text, the number and the letter of the REF item.
    const named = (ref: string, body: string) => {
      const cable = parseCable(text(ref, body)).cable;
      const line = cable.paragraphs[0].marker.range.start.line;
      return findCitedParagraphsOnLine(cable, line).map((m) => `${cable.lines[line].slice(m.range.start.character, m.range.end.character)}=${m.number}@${m.item.letter ?? '-'}`);
    };

    it('reads "para 5 of ref A", "REF B para 3", "reftel para 2" and a list as paragraphs of the cited cable', () => {
      assert.deepEqual(named(twoItems, 'As para 5 of ref A said, the quay is shut.'), ['para 5=5@A']);
      assert.deepEqual(named(twoItems, 'REF B para 3 reported the same.'), ['para 3=3@B']);
      assert.deepEqual(named(twoItems, 'See REF B, paras 3 and 4, on fees.'), ['paras 3=3@B', '4=4@B']);
      assert.deepEqual(named(twoItems, 'As paragraph 2 of ref. B put it, fees rose.'), ['paragraph 2=2@B']);
      // "reftel" names the only item, and nothing where there are two.
      assert.deepEqual(named('09 NOWHERE 12', "Reftel's para 2 gave the figures."), ['para 2=2@-']);
      assert.deepEqual(named('09 NOWHERE 12', 'Para 2 of reftel gave the figures.'), ['Para 2=2@-']);
      assert.deepEqual(named(twoItems, 'Reftel para 2 gave the figures.'), []);
    });

    it('reads a mention that runs onto the next line: a range or list going on there, or "para" ending the line', () => {
      // Each line's mentions, as `named` gives them, the number that ends a range with the range's start.
      const lines = (body: string) => {
        const cable = parseCable(text(twoItems, body)).cable;
        const first = cable.paragraphs[0].marker.range.start.line;
        const on = (line: number) => findCitedParagraphsOnLine(cable, line).map((m) => `${cable.lines[line].slice(m.range.start.character, m.range.end.character)}=${m.number}@${m.item.letter}${m.rangeFrom ? ` from ${m.rangeFrom.number}` : ''}`);
        const whole = findCitedParagraphs(cable).map((m) => `${m.range.start.line - first}:${m.number}`);
        return { first: on(first), second: on(first + 1), whole };
      };
      assert.deepEqual(lines('See REF B paras 3-\n5 on fees.'), { first: ['paras 3=3@B'], second: ['5=5@B from 3'], whole: ['0:3', '1:5'] });
      assert.deepEqual(lines('See REF B, paras 3 and\n4 on fees.'), { first: ['paras 3=3@B'], second: ['4=4@B'], whole: ['0:3', '1:4'] });
      assert.deepEqual(lines('As REF B para\n5 said, fees rose.'), { first: [], second: ['5=5@B'], whole: ['1:5'] });
      assert.deepEqual(lines('As REF A paras\n3 through 5 said, fees rose.'), { first: [], second: ['3=3@A', '5=5@A from 3'], whole: ['1:3', '1:5'] });
      // The cable's own paragraph, another document's, and a count are none, as on one line.
      assert.deepEqual(lines('As para\n2 says, fees rose.'), { first: [], second: [], whole: [] });
      assert.deepEqual(lines('We add a para\n2 more officers.'), { first: [], second: [], whole: [] });
      assert.deepEqual(lines('As REF B para 3,\n10 officials said, fees rose.'), { first: ['para 3=3@B'], second: [], whole: ['0:3'] });
      // Go to Definition finds the number on the next line.
      const at = caret(text(twoItems, 'See REF B paras 3-\n|5 on fees.'));
      assert.equal(getCitedParagraphAt(parseCable(at.text).cable, at)?.number, 5);
    });

    it('finds at the separator of a cited range ("-", "through", "to") the range, its paragraphs between its ends for Go to Definition', () => {
      const rangeAt = (body: string) => {
        const at = caret(text(twoItems, body));
        const cable = parseCable(at.text).cable;
        const m = getCitedRangeAt(cable, at);
        if (!m) return undefined;
        const r = m.rangeFrom!.range;
        return `${cable.lines[r.start.line].slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined)} ${m.rangeFrom!.number}-${m.number}@${m.item.letter}`;
      };
      assert.equal(rangeAt('REF A paras 3 |- 5 agree.'), '3 - 5 3-5@A');
      assert.equal(rangeAt('REF A paras 3 thr|ough 5 agree.'), '3 through 5 3-5@A');
      assert.equal(rangeAt('REF B paras 3 |to 6 agree.'), '3 to 6 3-6@B');
      assert.equal(rangeAt('See paras 3 and 4 of ref A; REF B paras 2 \u2013| 9.'), '2 \u2013 9 2-9@B');
      // Across a line break, from the separator ending the first line.
      assert.equal(rangeAt('REF A paras 3 |-\n5 agree.'), '3 - 3-5@A');
      // On either number, the number's own mention (a caret beside a bare dash touches one); a range of two, one that falls or rises by more than 100, the cable's own
      // range, and a list have no paragraphs between to go to.
      assert.equal(rangeAt('REF A paras |3-5 agree.'), undefined);
      assert.equal(rangeAt('REF A paras 3-|5 agree.'), undefined);
      assert.equal(rangeAt('REF A paras 3 |- 4 agree.'), undefined);
      assert.equal(rangeAt('REF A paras 5 |- 3 agree.'), undefined);
      assert.equal(rangeAt('REF A paras 1 |- 200 agree.'), undefined);
      assert.equal(rangeAt('See paras 1 |- 3.'), undefined);
      assert.equal(rangeAt('REF A paras 3 |and 5 agree.'), undefined);
    });

    it('reads "para 5 of" ending a line and "ref A" starting the next as a paragraph of the cited cable, not of this one', () => {
      const lines = (body: string) => {
        const cable = parseCable(text(twoItems, body)).cable;
        const first = cable.paragraphs[0].marker.range.start.line;
        const on = (line: number) => findCitedParagraphsOnLine(cable, line).map((m) => `${cable.lines[line].slice(m.range.start.character, m.range.end.character)}=${m.number}@${m.item.letter ?? '-'}`);
        const own = findInTextReferences(cable).filter((r) => r.target.kind === 'paragraph').map((r) => cable.lines[r.range.start.line].slice(r.range.start.character, r.range.end.character));
        return { first: on(first), second: on(first + 1), whole: findCitedParagraphs(cable).map((m) => `${m.range.start.line - first}:${m.number}@${m.item.letter}`), own };
      };
      assert.deepEqual(lines('As para 5 of\nref A said, fees rose.'), { first: ['para 5=5@A'], second: [], whole: ['0:5@A'], own: [] });
      assert.deepEqual(lines('See paras 3 and 4 of \nREF B on fees.'), { first: ['paras 3=3@B', '4=4@B'], second: [], whole: ['0:3@B', '0:4@B'], own: [] });
      assert.deepEqual(lines('See paras 3 and\n4 of\nref. B on fees.'), { first: ['paras 3=3@B'], second: ['4=4@B'], whole: ['0:3@B', '1:4@B'], own: [] });
      // The article, a letter no item has, and another word after "of" name no item, as on one line.
      assert.deepEqual(lines('Para 3 of\nref a new note repeats it.').whole, []);
      assert.deepEqual(lines('Para 3 of\nref C repeats it.').whole, []);
      assert.deepEqual(lines('Para 3 of\nthe treaty applies.').whole, []);
      // "reftel" names the only item; under a blank line the paragraph ends, and "ref A" starts no mention.
      const one = parseCable(text('09 NOWHERE 12', 'As para 2 of\nreftel put it, fees rose.')).cable;
      assert.deepEqual(findCitedParagraphs(one).map((m) => `${m.number}@${m.item.citation.text}`), ['2@09 NOWHERE 12']);
      assert.deepEqual(lines('As para 5 of\n\nref A said, fees rose.').whole, []);
      // Go to Definition and its hover find it on the first line.
      const at = caret(text(twoItems, 'As para |5 of\nref A said, fees rose.'));
      assert.equal(getCitedParagraphAt(parseCable(at.text).cable, at)?.item.letter, 'A');
      assert.match(hoverAt(text(twoItems, 'As para |5 of\nref A said, fees rose.')), /^\*\*Paragraph 5 of REF A\*\*/);
    });

    it('reads "para 5" ending a line and "of ref A" starting the next as a paragraph of the cited cable, not of this one', () => {
      const lines = (body: string) => {
        const cable = parseCable(text(twoItems, body)).cable;
        const first = cable.paragraphs[0].marker.range.start.line;
        const own = findInTextReferences(cable).filter((r) => r.target.kind === 'paragraph').map((r) => `${r.range.start.line - first}:${cable.lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)}`);
        return { on: findCitedParagraphsOnLine(cable, first).map((m) => `${m.number}@${m.item.letter}`), whole: findCitedParagraphs(cable).map((m) => `${m.range.start.line - first}:${m.number}@${m.item.letter}`), own };
      };
      assert.deepEqual(lines('As para 5\nof ref A said, fees rose.'), { on: ['5@A'], whole: ['0:5@A'], own: [] });
      assert.deepEqual(lines('See paras 3 and 4 \n of REF B on fees.'), { on: ['3@B', '4@B'], whole: ['0:3@B', '0:4@B'], own: [] });
      assert.deepEqual(lines('See paras 3 and\n4\nof ref. B on fees.').whole, ['0:3@B', '1:4@B']);
      assert.deepEqual(lines('See para\n2\nof ref B on fees.'), { on: [], whole: ['1:2@B'], own: [] });
      // Another document after "of" is not this cable's either; "of this cable" and a blank line between keep it its own.
      assert.deepEqual(lines('Para 2\nof the treaty applies.'), { on: [], whole: [], own: [] });
      assert.deepEqual(lines('Para 2\nof this cable applies.'), { on: [], whole: [], own: ['0:Para 2'] });
      assert.deepEqual(lines('Para 2 of\nthis cable applies.').own, ['0:Para 2']);
      // "of this" ending the line and "cable" starting the next, and tabs or several spaces between the words: its own too.
      assert.deepEqual(lines('Para 2 of this\ncable applies.'), { on: [], whole: [], own: ['0:Para 2'] });
      assert.deepEqual(lines('Para 2 of  this \n cable applies.').own, ['0:Para 2']);
      assert.deepEqual(lines('Para 2 of\tthis\tcable applies.').own, ['0:Para 2']);
      assert.deepEqual(lines('Para 2 of this\n\ncable applies.').own, []);
      assert.deepEqual(lines('As para 2\n\nof ref A said.'), { on: [], whole: [], own: ['0:para 2'] });
      assert.deepEqual(lines('As para 2\nnotes, ref A said.').own, ['0:para 2']);
      // Go to Definition finds it on the first line, not this cable's paragraph 2.
      const at = caret(text(twoItems, 'As para |2\nof ref A said, fees rose.'));
      const c = parseCable(at.text).cable;
      assert.equal(getCitedParagraphAt(c, at)?.item.letter, 'A');
      assert.equal(getInTextDefinition(c, 'file:///x', at), undefined);
      assert.match(hoverAt(text(twoItems, 'As para |2\nof ref A said, fees rose.')), /^\*\*Paragraph 2 of REF A\*\*/);
    });

    it('hovers the separator of a cited range as Go to Definition reads it: the range, its item, the paragraphs between that the cited cable numbers', () => {
      // 09NOWHERE12 numbers paragraphs 1, 4 and 5 (the index packs number, line, start, end).
      const quay = { uri: 'file:///ws/09NOWHERE12.cable', id: '09NOWHERE12', subject: 'QUAY FEES', classification: 'CONFIDENTIAL', tags: [], refs: [], paragraphMarkers: [1, 12, 0, 3, 4, 14, 0, 3, 5, 16, 0, 3] } as unknown as IndexedCable;
      const ctx: HoverContext = { dictionaries, lookupCable: (id) => (id === '09NOWHERE12' ? quay : undefined) };
      const expected = '**Paragraphs 3 to 6 of REF A**\n\nThe range names the paragraphs between 3 and 6 too, of the document REF A cites, not of this cable.\n\nBetween them, 09NOWHERE12 numbers:\n\n- Paragraph 4, line 15\n- Paragraph 5, line 17\n\nREF field: A. 09 NOWHERE 12\n\nCable 09NOWHERE12\n\n**QUAY FEES**\n\nCONFIDENTIAL';
      for (const body of ['REF A paras 3 |- 6 agree.', 'REF A paras 3 thr|ough 6 agree.', 'Paras 3 |to 6 of ref A agree.', 'REF A paras 3 |-\n6 agree.']) assert.equal(hoverAt(text(twoItems, body), ctx), expected, body);
      // One the cited cable numbers none between, and one the workspace lacks.
      assert.match(hoverAt(text(twoItems, 'REF A paras 1 |- 4 agree.'), ctx), /\n\n09NOWHERE12 numbers no paragraph between them\.\n\nREF field/);
      assert.match(hoverAt(text(twoItems, 'REF B paras 1 |- 4 agree.'), ctx), /^\*\*Paragraphs 1 to 4 of REF B\*\*\n\nThe range names[^]*REF field: B\. 09 STATE 3456\n\nCable 09STATE3456\n\nNot in this workspace\.$/);
      // The hover spans the whole range, as Go to Definition's origin does.
      const at = caret(text(twoItems, 'REF A paras 3 |- 6 agree.'));
      const h = getHover(parseCable(at.text).cable, at, ctx)!;
      const line = parseCable(at.text).cable.lines[at.line];
      assert.equal(line.slice(h.range!.start.character, h.range!.end.character), '3 - 6');
      // A range of two names none between, and a number is hovered as its own mention.
      assert.equal(hoverAt(text(twoItems, 'REF A paras 3 |- 4 agree.'), ctx), '');
    });

    it('reads the cable\'s own paragraphs, another document\'s and a letter no item has as none', () => {
      assert.deepEqual(named(twoItems, 'As para 2 says, the quay is shut.'), []);
      assert.deepEqual(named(twoItems, 'Article 5 paragraph 2 of the treaty applies.'), []);
      assert.deepEqual(named(twoItems, 'REF C para 3 reported the same.'), []);
      assert.deepEqual(named(twoItems, 'Para 3 of ref a new note repeats it.'), []);
      assert.deepEqual(named('', 'REF A para 3 reported the same.'), []);
    });

    it('finds the mention at a position, and the cited cable\'s paragraph marker from its index entry', () => {
      const at = caret(text(twoItems, 'REF B para 3| reported the same.'));
      const mention = getCitedParagraphAt(parseCable(at.text).cable, at)!;
      assert.equal(mention.number, 3);
      assert.equal(mention.item.letter, 'B');
      // Beside the number, on "REF B", the in-text reference to the item is Go to Definition's, not this.
      assert.equal(getCitedParagraphAt(parseCable(at.text).cable, { line: at.line, character: at.character - 11 }), undefined);
      const cited = parseCable(VALLETTA).cable;
      const entry = summarize('file:///09VALLETTA388.cable', cited);
      assert.deepEqual(paragraphMarkerRange(entry, 3), cited.paragraphs.find((p) => p.readAs === 3)!.marker.range);
      assert.equal(paragraphMarkerRange(entry, 99), undefined);
    });

    it('hovers the paragraph Go to Definition goes to: which REF item cites its cable, and that cable as the item\'s hover shows it', () => {
      const quay = { uri: 'file:///ws/09NOWHERE12.cable', id: '09NOWHERE12', dtg: '2009-06-05T08:00:00Z', classification: 'CONFIDENTIAL', subject: 'QUAY FEES', tags: [], refs: [] } as IndexedCable;
      const ctx: HoverContext = { dictionaries, lookupCable: (id) => (id === '09NOWHERE12' ? quay : undefined) };
      const expected = '**Paragraph 5 of REF A**\n\nA paragraph of the document REF A cites, not of this cable.\n\nREF field: A. 09 NOWHERE 12\n\nCable 09NOWHERE12\n\n**QUAY FEES**\n\n5 June 2009, 0800Z · CONFIDENTIAL';
      for (const body of ['As para |5 of ref A said, the quay is shut.', 'As REF A para |5 said, the quay is shut.', 'As REF A pa|ra 5 said, the quay is shut.']) assert.equal(hoverAt(text(twoItems, body), ctx), expected, body);
      // "REF B, paras 3 and 4": the 4 too; a cited cable the workspace lacks says so, as the item's hover does.
      assert.match(hoverAt(text(twoItems, 'See REF B, paras 3 and |4, on fees.'), ctx), /^\*\*Paragraph 4 of REF B\*\*[^]*Cable 09STATE3456\n\nNot in this workspace\.$/);
      // "reftel" under one item; an item that cites no cable shows no cable.
      assert.match(hoverAt(text('09 NOWHERE 12', 'Reftel para |2 gave the figures.'), ctx), /^\*\*Paragraph 2 of reftel\*\*\n\nA paragraph of the document the REF item cites/);
      assert.equal(hoverAt(text('A. MEMORANDUM ON THE QUAY', 'REF A para |2 gave the figures.'), ctx), '**Paragraph 2 of REF A**\n\nA paragraph of the document REF A cites, not of this cable.\n\nREF field: A. MEMORANDUM ON THE QUAY');
      // The cable's own paragraph is hovered as before.
      assert.match(hoverAt(text(twoItems, 'As para |2 says, the quay is shut.'), ctx), /^\*\*Paragraph 2\*\*/);
    });
  });

  it('reads "refs" and "reftels" alone as every REF item: Go to Definition lists them all, the hover shows them', () => {
    const text = (ref: string, body: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: ${ref}\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) ${body}\n`;
    const abc = 'A. STATE 1111 B. NOWHERE 22 C. NOWHERE 33';
    const at = (ref: string, body: string, word: string) => {
      const t = text(ref, body);
      const c = parseCable(t).cable;
      const line = c.lines.findIndex((l) => l.includes(word));
      return { c, t, position: { line, character: c.lines[line].indexOf(word) + 1 } };
    };
    for (const [body, word] of [['The fares rose (refs).', 'refs'], ['The fares rose (reftels).', 'reftels'], ['See refs for the figures.', 'refs'], ['The board met (see\nrefs).', 'refs']]) {
      const { c, position } = at(abc, body, word);
      assert.deepEqual(definedAt(c, 'file:///x', position), c.refs!.items.map((i) => i.range), body);
    }
    // The REF field's keyword goes where "(refs)" goes, from its first letter to its colon, its origin the keyword;
    // under a single item, to that item.
    for (const [ref, body] of [[abc, 'Text.'], ['STATE 1111', 'Text.']]) {
      const { c } = at(ref, body, 'REF:');
      const line = c.refs!.keyword.range.start.line;
      for (const character of [0, 3]) {
        const found = getInTextDefinition(c, 'file:///x', { line, character })!;
        assert.deepEqual(found?.targets.map((t) => t.selection), c.refs!.items.map((i) => i.range), `${ref} at ${character}`);
        assert.deepEqual(found.origin, c.refs!.keyword.range);
      }
    }
    const { t, position } = at(abc, 'The fares rose (refs).', 'refs');
    const lines = t.split('\n');
    lines[position.line] = `${lines[position.line].slice(0, position.character)}|${lines[position.line].slice(position.character)}`;
    assert.equal(hoverAt(lines.join('\n')), '**All 3 REF items**\n\nThe REF field:\n\n- A. STATE 1111\n- B. NOWHERE 22\n- C. NOWHERE 33');
    // Under a single item, "refs" names it, as "reftel" does; "reftel" alone under several names none, and CBL045 says nothing.
    const one = at('STATE 1111', 'The fares rose (refs).', 'refs');
    assert.deepEqual(definedAt(one.c, 'file:///x', one.position), [one.c.refs!.items[0].range]);
    const single = at(abc, 'The fares rose (reftel).', 'reftel');
    assert.equal(getInTextDefinition(single.c, 'file:///x', single.position), undefined);
    assert.deepEqual(lintCable(at(abc, 'The fares rose (refs); see reftels and reftel.', 'refs').c).filter((f) => f.id === 'CBL045'), []);
  });

  it('goes from a number two paragraphs share to both, and hovers both', () => {
    // "para 2" in a cable that numbers two paragraphs 2 (CBL025) went to the first alone.
    const t = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n1. (C) See para 2 and para 3.\n2. (C) The fares rose.\n2. (U) The board met.\n3. (U) End.\n';
    const c = parseCable(t).cable;
    const line = c.lines.findIndex((l) => l.includes('See para'));
    assert.deepEqual(definedAt(c, 'file:///x', { line, character: c.lines[line].indexOf('para 2') + 5 }), [c.paragraphs[1].marker.range, c.paragraphs[2].marker.range]);
    // A number one paragraph has goes to it alone.
    assert.deepEqual(definedAt(c, 'file:///x', { line, character: c.lines[line].indexOf('para 3') + 5 }), [c.paragraphs[3].marker.range]);
    const lines = t.split('\n');
    lines[line] = lines[line].replace('para 2', 'para |2');
    assert.equal(hoverAt(lines.join('\n')), '**Paragraph 2**\n\n2 paragraphs are numbered 2, and the number names either:\n\n- Line 8: 2. (C) The fares rose.\n- Line 9: 2. (U) The board met.');
  });

  it('highlights from a REF item or a paragraph\'s marker every reference Go to Definition goes there from, and from a reference what it goes to', () => {
    // Invented: three REF items, "(refs)" naming them all, and two paragraphs numbered 2 (CBL025).
    const t = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: A. STATE 1111\nB. NOWHERE 22\nC. NOWHERE 33\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) The fares rose (refs), as ref B said; see para 2.\n2. (C) The fares rose.\n2. (U) The board met.\n';
    const c = parseCable(t).cable;
    const line = c.lines.findIndex((l) => l.includes('(refs)'));
    const on = (word: string, offset = 1) => ({ line, character: c.lines[line].indexOf(word) + offset });
    const shown = (position: Position) => getDocumentHighlights(c, position).map((h) => `${c.lines[h.range.start.line].slice(h.range.start.character, h.range.end.character)}/${h.kind}`);
    const item = (k: number) => `${['A. STATE 1111', 'B. NOWHERE 22', 'C. NOWHERE 33'][k]}/3`;
    // Every item is among the places "(refs)" goes to, so each item's highlights hold it; B's hold "ref B" too.
    const definedFromRefs = definedAt(c, 'file:///x', on('refs'))!;
    assert.deepEqual(definedFromRefs, c.refs!.items.map((i) => i.range));
    assert.deepEqual(shown(c.refs!.items[0].range.start), [item(0), 'refs/2']);
    assert.deepEqual(shown(c.refs!.items[1].range.start), [item(1), 'refs/2', 'ref B/2']);
    // From "(refs)": every item, and every reference to one of them.
    assert.deepEqual(shown(on('refs')), [item(0), item(1), item(2), 'refs/2', 'ref B/2']);
    assert.deepEqual(shown(on('ref B')), [item(1), 'refs/2', 'ref B/2']);
    // "para 2" goes to both paragraphs numbered 2: from it both markers, and from either marker the reference.
    assert.deepEqual(definedAt(c, 'file:///x', on('para 2', 5)), [c.paragraphs[1].marker.range, c.paragraphs[2].marker.range]);
    assert.deepEqual(shown(on('para 2', 5)), ['2./3', '2./3', 'para 2/2']);
    for (const p of [c.paragraphs[1], c.paragraphs[2]]) {
      const marks = getDocumentHighlights(c, p.marker.range.start);
      assert.deepEqual(marks.map((h) => [h.range, h.kind]), [[p.marker.range, 3], [{ start: on('para 2', 0), end: { line, character: on('para 2', 6).character } }, 2]]);
    }
  });

  it('reads a range of paragraphs as naming every paragraph in it: highlights, Go to Definition and hover, capped and never for a falling range', () => {
    // Invented: paragraphs 1 to 7, and ranges written every way, with a falling one and an absurd one.
    const paras = ['1. (C) See paras 3-5, paragraphs 2 through 4, paras 5 to 7 and paras 5\u20133.', '2. (C) Per paras 1-999 and paras 2-', '6 here.', '3. (U) Three.', '4. (U) Four.', '5. (U) Five.', '6. (U) Six.', '7. (U) Seven.'];
    const t = `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n${paras.join('\n')}\n`;
    const c = parseCable(t).cable;
    const text = (r: Range) => (r.start.line === r.end.line ? c.lines[r.start.line].slice(r.start.character, r.end.character) : `${c.lines[r.start.line].slice(r.start.character)}/${c.lines[r.end.line].slice(0, r.end.character)}`);
    const marker = (n: number) => c.paragraphs.find((p) => p.readAs === n)!.marker.range.start;
    const read = (position: Position) => getDocumentHighlights(c, position).filter((h) => h.kind === 2).map((h) => text(h.range));
    // The marker of 4: "paras 3-5", "paragraphs 2 through 4" (its end), "paras 2-" / "6"; not "5–3", falling, nor "1-999".
    assert.deepEqual(read(marker(4)).sort(), ['2-/6', '3-5', '4'].sort());
    // 6: "5 to 7" and "2-" / "6" (its end); 3: "3" of "paras 3-5", "2 through 4", "3" of "5–3", "2-/6".
    assert.deepEqual(read(marker(6)).sort(), ['5 to 7', '6'].sort());
    assert.deepEqual(read(marker(3)).sort(), ['2 through 4', '2-/6', '3', 'paras 3'].sort());
    // 2 is an end of two ranges, inside none; 1 only the start of the absurd one, whose end names nothing.
    assert.deepEqual(read(marker(2)).sort(), ['paragraphs 2', 'paras 2'].sort());
    assert.deepEqual(read(marker(1)), ['paras 1']);
    // From the "through" of "2 through 4" (a caret beside a "-" touches a number): the paragraphs between, and every
    // reference that names one of them, as from a marker.
    const line = c.lines.findIndex((l) => l.includes('paras 3-5'));
    const through = { line, character: c.lines[line].indexOf('through') + 3 };
    assert.deepEqual(getDocumentHighlights(c, through).map((h) => `${text(h.range)}/${h.kind}`), ['3./3', 'paras 3/2', '2 through 4/2', '3/2', '2-/6/2']);
    assert.deepEqual(definedAt(c, 'file:///x', through), [c.paragraphs[2].marker.range]);
    // "5" goes to 5 alone, as before; its hover lists what the range names between.
    assert.deepEqual(definedAt(c, 'file:///x', { line, character: c.lines[line].indexOf('3-5') + 2 }), [c.paragraphs[4].marker.range]);
    const caretAt = (needle: string, offset: number) => {
      const lines = t.split('\n');
      const l = lines.findIndex((x) => x.includes(needle));
      const k = lines[l].indexOf(needle) + offset;
      lines[l] = `${lines[l].slice(0, k)}|${lines[l].slice(k)}`;
      return lines.join('\n');
    };
    assert.equal(hoverAt(caretAt('3-5', 2)), '**Paragraph 5**\n\n5. (U) Five.\n\nStarts on line 12.\n\nFrom 3, the range also names the paragraphs between:\n\n- Line 11: 4. (U) Four.');
    assert.equal(hoverAt(caretAt('2 through 4', 3)), '**Paragraphs 2 to 4**\n\nThe range names the paragraphs between 2 and 4 too:\n\n- Line 10: 3. (U) Three.');
    // "paras 5–3" falls: its ends alone, and the hover of its "3" names no range.
    assert.equal(hoverAt(caretAt('5\u20133', 2)), '**Paragraph 3**\n\n3. (U) Three.\n\nStarts on line 10.');
    // The cap: "paras 1-99" names what lies between; "paras 1-102" its ends alone.
    for (const [range, between] of [['1-99', 6], ['1-101', 6], ['1-102', 0], ['2-102', 5]] as const) {
      const c2 = parseCable(t.replace('paras 1-999', `paras ${range}`)).cable;
      const end = findInTextReferences(c2).find((r) => r.range.start.line === c2.paragraphs[1].marker.range.start.line && r.target.kind === 'paragraph' && r.target.number === Number(range.split('-')[1]))!;
      assert.equal(paragraphsBetween(c2, end).length, between, range);
    }
  });

  it('goes from the separator of a range of the cable\'s own paragraphs that runs onto the next line to the paragraphs between, as on one line', () => {
    const paras = ['1. (C) See paras 2 -', '5 and paragraphs 1 through', '3 here; paras 4-', '6 too.', '2. (U) Two.', '3. (U) Three.', '4. (U) Four.', '5. (U) Five.', '6. (U) Six.'];
    const t = `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n${paras.join('\n')}\n`;
    const c = parseCable(t).cable;
    const first = c.paragraphs[0].marker.range.start.line;
    const markers = (...numbers: number[]) => numbers.map((n) => c.paragraphs.find((p) => p.readAs === n)!.marker.range);
    // The "-" ending the first line, the spaces around it, and the "through" ending the second: 3 and 4, then 2; the
    // "-" of "paras 4-", a caret after it at the line's end: 5.
    for (const character of ['See paras 2 -'.length + 6, 'See paras 2 -'.length + 7, 'See paras 2 '.length + 7]) assert.deepEqual(definedAt(c, 'file:///x', { line: first, character }), markers(3, 4), `${character}`);
    assert.deepEqual(definedAt(c, 'file:///x', { line: first + 1, character: c.lines[first + 1].indexOf('through') + 2 }), markers(2));
    assert.deepEqual(definedAt(c, 'file:///x', { line: first + 2, character: c.lines[first + 2].length }), markers(5));
    // The core reads the range from the line below: its last number, where it starts, and the whole range's text.
    const end = rangeSeparatedAt(c, { line: first, character: 'See paras 2 -'.length + 6 }, findInTextReferencesOnLine(c, first))!;
    assert.equal(end.target.kind === 'paragraph' && end.target.number, 5);
    assert.deepEqual(end.rangeFrom, { number: 2, range: { start: { line: first, character: 17 }, end: { line: first + 1, character: 1 } } });
    // Its hover, as on one line; and a number is its own reference still.
    assert.equal(hoverAt(t.replace('See paras 2 -', 'See paras 2 |-')), '**Paragraphs 2 to 5**\n\nThe range names the paragraphs between 2 and 5 too:\n\n- Line 12: 3. (U) Three.\n- Line 13: 4. (U) Four.');
    assert.deepEqual(definedAt(c, 'file:///x', { line: first + 1, character: 0 }), markers(5));
    // A line that ends with no separator reads no range below ("paras 2" / "5" is no range).
    const apart = parseCable(t.replace('paras 2 -', 'paras 2,')).cable;
    assert.equal(rangeSeparatedAt(apart, { line: first, character: 'See paras 2,'.length + 6 }, findInTextReferencesOnLine(apart, first)), undefined);
  });

  it('highlights a REF item and every mention of it', () => {
    const line = cable.refs!.items[1].range.start.line;
    const highlights = getDocumentHighlights(cable, { line, character: 5 });
    assert.equal(highlights.length, 2);
  });

  /** Each in-text reference in ¶1 (`body`) under the REF field `ref`, as "linked text → REF citation or ¶N". */
  function links(ref: string, body: string): string[] {
    const text = `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: ${ref}\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) ${body}\n2. (U) Second.\n3. (U) Third.\n`;
    const c = parseCable(text).cable;
    const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character;
    return findInTextReferences(c).map((r) => {
      const linked = c.lines[r.range.start.line].slice(r.range.start.character, r.range.end.character);
      const t = resolveInText(c, r);
      const item = t && c.refs?.items.find((i) => same(i.range, t));
      const para = t && c.paragraphs.find((p) => same(p.marker.range, t));
      return `${linked} → ${item ? item.citation.text : para ? `¶${para.readAs}` : 'nothing'}`;
    });
  }
  const ABC = 'A. STATE 1111 B. NOWHERE 22 C. NOWHERE 33';

  it('links each letter of a list of REFs to its own item', () => {
    assert.deepEqual(links(ABC, 'As refs A and B say.'), ['refs A → STATE 1111', 'B → NOWHERE 22']);
    assert.deepEqual(links(ABC, 'REFS B AND C AGREE.'), ['REFS B → NOWHERE 22', 'C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'Refs A, B, and C agree.'), ['Refs A → STATE 1111', 'B → NOWHERE 22', 'C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'As refs C, B & A say.'), ['refs C → NOWHERE 33', 'B → NOWHERE 22', 'A → STATE 1111']);
    // A range links the letters written; the one between has no text to link.
    assert.deepEqual(links(ABC, 'As refs A-C say.'), ['refs A → STATE 1111', 'C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'As reftels B and C say.'), ['reftels B → NOWHERE 22', 'C → NOWHERE 33']);
    // "a" after "refs" or before ")" is a letter; a list goes on only in the first letter's case.
    assert.deepEqual(links(ABC, 'As refs a and b say (ref a).'), ['refs a → STATE 1111', 'b → NOWHERE 22', 'ref a → STATE 1111']);
    assert.deepEqual(links(ABC, 'Ref A and a second note agree; ref C, Ed said.'), ['Ref A → STATE 1111', 'ref C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'We read ref a while ago.'), []);
    // A reporting verb after it, which no article goes before: "ref a demonstrates" went unread.
    assert.deepEqual(links(ABC, 'As ref a demonstrates, and as ref a reported, ref a says more.'), ['ref a → STATE 1111', 'ref a → STATE 1111', 'ref a → STATE 1111']);
    assert.deepEqual(links(ABC, 'We read ref a report on trade.'), []);
    // The article is never followed by a full stop, comma, semicolon or colon: "ref a." ends with a letter.
    assert.deepEqual(links(ABC, 'He gave the points of ref a. As ref a, the note, says; see ref a: it agrees.'), ['ref a → STATE 1111', 'ref a → STATE 1111', 'ref a → STATE 1111']);
    assert.deepEqual(links(ABC, 'He gave the points of ref\na. Then he left.'), ['a → STATE 1111']);
    // The full stop of an abbreviation is no such mark: "ref a.m." is prose.
    assert.deepEqual(links(ABC, 'We sent the ref a.m. today.'), []);
  });

  it('links a letter to a REF item whose letter is glued to its citation by a colon or in parentheses ("B:NOWHERE 22", "(C)NOWHERE 33")', () => {
    // Invented. Go to Definition from "ref B" and "ref C" reaches the glued items, as it reaches spaced ones.
    assert.deepEqual(links('A: STATE 1111 B:NOWHERE 22 C:NOWHERE 33', 'As refs B and C say.'), ['refs B → NOWHERE 22', 'C → NOWHERE 33']);
    assert.deepEqual(links('(A) STATE 1111\n(B) NOWHERE 22\n(C)NOWHERE 33', 'As ref C says (ref B).'), ['ref C → NOWHERE 33', 'ref B → NOWHERE 22']);
    // "C.NOWHERE 33" after a blank line under one item without a letter: item C (B missing), as "C. NOWHERE 33" is.
    assert.deepEqual(links('STATE 1111\n\nC.NOWHERE 33', 'As ref C says.'), ['ref C → NOWHERE 33']);
    // "(C)" where it may be a marking (right after "(B)" with no citation between) is the item's marking: no item C.
    assert.deepEqual(links('(A) STATE 1111 (B) (C)NOWHERE 33', 'As ref C says (ref B).'), ['ref C → nothing', 'ref B → NOWHERE 33']);
  });

  it('highlights a glued item\'s letter with every mention of it ("(C)NOWHERE 33")', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: (A) STATE 1111 (B) NOWHERE 22\n(C)NOWHERE 33\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) As ref C says, and REF C.\n';
    const c = parseCable(text).cable;
    const highlights = getDocumentHighlights(c, { line: 7, character: 1 });
    assert.deepEqual(highlights.map((h) => `${h.range.start.line}:${h.range.start.character}`).sort(), ['11:10', '11:26', '7:0']);
  });

  it('reads the letter after "reftel"', () => {
    assert.deepEqual(links(ABC, 'As Reftel C says (reftel B).'), ['Reftel C → NOWHERE 33', 'reftel B → NOWHERE 22']);
  });

  it('resolves "reftel" to a single REF item, and "ref A" to the first of unlettered items', () => {
    assert.deepEqual(links('STATE 1111', 'As reftel says.'), ['reftel → STATE 1111']);
    assert.deepEqual(links('A. STATE 1111', 'As reftel says.'), ['reftel → STATE 1111']);
    assert.deepEqual(links(ABC, 'As reftel says.'), ['reftel → nothing']);
    // With no letters written, the letters count the items in order.
    assert.deepEqual(links('STATE 1111', 'As ref A says (ref B).'), ['ref A → STATE 1111', 'ref B → nothing']);
    assert.deepEqual(links('STATE 1111; NOWHERE 22', 'As ref B says (reftel A).'), ['ref B → NOWHERE 22', 'reftel A → STATE 1111']);
    // Once any item has a letter, a letter names that item only.
    assert.deepEqual(links('A. STATE 1111', 'As ref B says.'), ['ref B → nothing']);
  });

  it('links each number of a list of paragraphs to its own paragraph', () => {
    assert.deepEqual(links(ABC, 'See para 2.'), ['para 2 → ¶2']);
    assert.deepEqual(links(ABC, 'See paras 2 and 3.'), ['paras 2 → ¶2', '3 → ¶3']);
    assert.deepEqual(links(ABC, 'See paragraphs 1-3.'), ['paragraphs 1 → ¶1', '3 → ¶3']);
    assert.deepEqual(links(ABC, 'See PARAGRAPH 1, 2, 3.'), ['PARAGRAPH 1 → ¶1', '2 → ¶2', '3 → ¶3']);
    assert.deepEqual(links(ABC, 'See paras 1 through 3, 2009 figures.'), ['paras 1 → ¶1', '3 → ¶3']);
  });

  it('leaves out a paragraph followed by "of" and another document', () => {
    assert.deepEqual(links(ABC, 'See para 2 of ref A.'), ['ref A → STATE 1111']);
    assert.deepEqual(links(ABC, 'See paras 2 and 3 of the agreement.'), []);
    // "of" at the end of the line goes on on the next one; "of this cable" is the cable's own.
    assert.deepEqual(links(ABC, 'See paragraph 3 of'), []);
    assert.deepEqual(links(ABC, 'See para 2 of this cable, para 3 often.'), ['para 2 → ¶2', 'para 3 → ¶3']);
  });

  it('leaves out a paragraph that follows a REF mention', () => {
    assert.deepEqual(links(ABC, 'See REF A para 3 and reftel para 2.'), ['REF A → STATE 1111', 'reftel → nothing']);
    assert.deepEqual(links(ABC, "See ref B, paras 2-3 (reftel's para 2)."), ['ref B → NOWHERE 22', 'reftel → nothing']);
    // A letter in another sense is no REF mention: "Option A para 2" is the cable's own.
    assert.deepEqual(links(ABC, '(ref A). Para 2 and Option A para 3.'), ['ref A → STATE 1111', 'Para 2 → ¶2', 'para 3 → ¶3']);
  });

  it('leaves out a numbered paragraph of an article, resolution or section', () => {
    assert.deepEqual(links(ABC, 'Article 5 paragraph 2, UNSCR 1540 para 3, operative paragraph 2.'), []);
  });

  it('reads a letter past H when a REF item has it, and only then', () => {
    const AK = 'A. STATE 1111 B. NOWHERE 22 C. NOWHERE 33 D. NOWHERE 44 E. NOWHERE 55 F. NOWHERE 66 G. NOWHERE 77 H. NOWHERE 88 I. NOWHERE 99 J. NOWHERE 100 K. NOWHERE 111';
    assert.deepEqual(links(AK, 'As ref K says (refs I and J).'), ['ref K → NOWHERE 111', 'refs I → NOWHERE 99', 'J → NOWHERE 100']);
    // Without an item K, "ref K" is nothing and "reftel K" is "reftel" alone; the search goes on at the letter.
    assert.deepEqual(links(ABC, 'As ref K says (reftel K); ref Reftel B.'), ['reftel → nothing', 'Reftel B → NOWHERE 22']);
  });

  it('reads a reference broken over two lines, the keyword ending one and the letter or number starting the next', () => {
    assert.deepEqual(links(ABC, 'As reported in (Ref\nB) the minister agreed.'), ['B → NOWHERE 22']);
    assert.deepEqual(links(ABC, 'As reported in (ref.  \n  c), see para\n3 and 2.'), ['c → NOWHERE 33', '3 → ¶3', '2 → ¶2']);
    assert.deepEqual(links(ABC, 'See refs\nA and B; paragraphs\n1-2.'), ['A → STATE 1111', 'B → NOWHERE 22', '1 → ¶1', '2 → ¶2']);
    // "Reftel" then a letter is that letter, not "reftel" alone; a letter no item has leaves "reftel" alone, as on one line.
    assert.deepEqual(links(ABC, 'As noted (Reftel\nC), and reftel\nK says.'), ['C → NOWHERE 33', 'reftel → nothing']);
    // "ref a" in prose is still the word "a"; a paragraph of another document is still none of the cable's own.
    assert.deepEqual(links(ABC, 'We read the ref\na while ago, para\n2 of the agreement, REF A para\n3.'), ['REF A → STATE 1111']);
    // The next line must go on with the text: a paragraph's first line, a heading or a blank line ends the reference.
    assert.deepEqual(links(ABC, 'We add a para'), []);
    assert.deepEqual(links(ABC, 'We add a para\n\n2 more.'), []);
    // A keyword left open in a parenthesis goes on past the blank lines and the page line of a page break, as in
    // "(Reftel" / blank / "A)."; a full stop after it, or a parenthesis closed before it, ends it there.
    assert.deepEqual(links(ABC, 'As the minister said (Reftel\n\nB).  The port reopened.'), ['B → NOWHERE 22']);
    assert.deepEqual(links(ABC, 'As the minister said (see para\n\nNOWHERE 00000001  002 OF 002\n\n3), the port reopened.'), ['3 → ¶3']);
    assert.deepEqual(links(ABC, 'As the minister said (see para.\n\n3 ships), the port reopened.'), []);
    assert.deepEqual(links(ABC, 'The minister (Smith) read the ref\n\nA day later, the port reopened.'), []);
  });

  it('reads a list whose separator ends a line on the letter or number that starts the next line of text', () => {
    assert.deepEqual(links(ABC, 'As refs A and\nB say.'), ['refs A → STATE 1111', 'B → NOWHERE 22']);
    assert.deepEqual(links(ABC, 'As refs A,\nB and C say.'), ['refs A → STATE 1111', 'B → NOWHERE 22', 'C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'As REFS A &\n  C SAY.'), ['REFS A → STATE 1111', 'C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'See paras 2 and\n3.'), ['paras 2 → ¶2', '3 → ¶3']);
    assert.deepEqual(links(ABC, 'See paras 1-\n3 and paragraphs 1, 2,\n3.'), ['paras 1 → ¶1', '3 → ¶3', 'paragraphs 1 → ¶1', '2 → ¶2', '3 → ¶3']);
    // Over three lines, and after a keyword that ends a line.
    assert.deepEqual(links(ABC, 'As refs\nA and\nB say; see para\n1 through\n3.'), ['A → STATE 1111', 'B → NOWHERE 22', '1 → ¶1', '3 → ¶3']);
    // A list goes on only in its first letter's case: "a second note" is no letter.
    assert.deepEqual(links(ABC, 'Ref A and\na second note agree, as refs a and\nb say.'), ['Ref A → STATE 1111', 'refs a → STATE 1111', 'b → NOWHERE 22']);
    // A paragraph of another document is still none of the cable's own.
    assert.deepEqual(links(ABC, 'See paras 2 and\n3 of the agreement; REF A, paras 1 and\n2.'), ['REF A → STATE 1111']);
    // Nothing on the next line starts the list again: "stressing" is no letter, "2009" no paragraph number.
    assert.deepEqual(links(ABC, 'As ref C,\nstressing paras 1-\n2009 figures.'), ['ref C → NOWHERE 33', 'paras 1 → ¶1']);
  });

  it('reads a list whose item ends a line on the "and", "&" or "through" that starts the next line of text', () => {
    assert.deepEqual(links(ABC, 'As noted (Ref A\nand B), see para 1\n  & 2, refs A\nthrough C.'), ['Ref A → STATE 1111', 'B → NOWHERE 22', 'para 1 → ¶1', '2 → ¶2', 'refs A → STATE 1111', 'C → NOWHERE 33']);
    assert.deepEqual(links(ABC, 'As noted in the (Ref\nA\nand B).'), ['A → STATE 1111', 'B → NOWHERE 22']);
    // A comma or a dash starting the next line goes on with no list, and "and" then a word or another case is no item.
    assert.deepEqual(links(ABC, 'As refs A\n- B say, ref A\n, C, ref B\nand the minister, Ref A\nand a note.'), ['refs A → STATE 1111', 'ref A → STATE 1111', 'ref B → NOWHERE 22', 'Ref A → STATE 1111']);
    // Nor past a blank line or a paragraph's first line.
    assert.deepEqual(links(ABC, 'As ref A\n\nand B say.'), ['ref A → STATE 1111']);
  });

  it('reads no letter twice in a list: the second is the word "a"', () => {
    assert.deepEqual(links(ABC, 'REF A AND A NEW NOTE, REFS A, C AND A MEMO, REF A\nAND A NOTE.'), ['REF A → STATE 1111', 'REFS A → STATE 1111', 'C → NOWHERE 33', 'REF A → STATE 1111']);
    // FIXME: after another letter, the word "A" is read as one: "REFS B AND A" reads the same.
    assert.deepEqual(links(ABC, 'REF B AND A NEW NOTE.'), ['REF B → NOWHERE 22', 'A → STATE 1111']);
  });

  it('reads no letter of a list that starts a title, an abbreviation or a designation', () => {
    assert.deepEqual(links(ABC, 'As ref B, A/S Smith said, ref C and E.U. envoys, ref A, F-16 sales.'), ['ref B → NOWHERE 22', 'ref C → NOWHERE 33', 'ref A → STATE 1111']);
    assert.deepEqual(links(ABC, 'As ref B,\nA/S Smith and the D.C. office said (Ref\nA/SY staff).'), ['ref B → NOWHERE 22']);
    // A range, a list that ends a sentence and a letter before a parenthesis are still letters.
    assert.deepEqual(links(ABC, 'As refs A-C say; refs A and B. The minister (refs A, B).'), ['refs A → STATE 1111', 'C → NOWHERE 33', 'refs A → STATE 1111', 'B → NOWHERE 22', 'refs A → STATE 1111', 'B → NOWHERE 22']);
  });

  it('ends a list before a number or letter after a comma that a word follows: a count or an article', () => {
    assert.deepEqual(links(ABC, 'See para 3, 10 officials said; paras 1 and 2, 3 days later.'), ['para 3 → ¶3', 'paras 1 → ¶1', '2 → ¶2']);
    assert.deepEqual(links(ABC, 'See paras 1-2, 40 ministers came. REF B, A SENIOR OFFICIAL SAID.'), ['REF B → NOWHERE 22', 'paras 1 → ¶1', '2 → ¶2']);
    // Split after the comma, before the word, or after the keyword.
    assert.deepEqual(links(ABC, 'See para 3,\n10 officials said, para 2, 12\nministers, see para\n1, 5 days on.'), ['para 3 → ¶3', 'para 2 → ¶2', '1 → ¶1']);
    // A word that goes on with the list or the reference keeps the item, and so does punctuation.
    assert.deepEqual(links(ABC, 'See para 1, 2 and 3, paras 2, 3 below, para 1, 3 or so, para 1, 2.'), ['para 1 → ¶1', '2 → ¶2', '3 → ¶3', 'paras 2 → ¶2', '3 → ¶3', 'para 1 → ¶1', '3 → ¶3', 'para 1 → ¶1', '2 → ¶2']);
    assert.deepEqual(links(ABC, 'See para 2, 3 of the agreement (ref A, C).'), ['ref A → STATE 1111', 'C → NOWHERE 33']);
    // A plural keyword's second item and a list of items after commas alone are items.
    assert.deepEqual(links(ABC, 'As paras 2, 3 show, para 1, 2, 3 say and REFS A, C REPORT.'), ['REFS A → STATE 1111', 'C → NOWHERE 33', 'paras 2 → ¶2', '3 → ¶3', 'para 1 → ¶1', '2 → ¶2', '3 → ¶3']);
    // "and", a dash and "through" keep the item whatever follows.
    assert.deepEqual(links(ABC, 'As paras 2 and 3 show, paras 1-3 say, refs A and B report.'), ['refs A → STATE 1111', 'B → NOWHERE 22', 'paras 2 → ¶2', '3 → ¶3', 'paras 1 → ¶1', '3 → ¶3']);
  });

  it('reads no list on past a blank line, a heading, a page line or a paragraph\'s first line', () => {
    assert.deepEqual(links(ABC, 'As refs A and\n\nB said.'), ['refs A → STATE 1111']);
    assert.deepEqual(links(ABC, 'As refs A and\n//NEXT STEPS//\nB said.'), ['refs A → STATE 1111']);
    assert.deepEqual(links(ABC, 'See paras 2 and\nIRAN ------\n3 on this.'), ['paras 2 → ¶2']);
    assert.deepEqual(links(ABC, 'As refs A and\nNOWHERE 00000001 002 OF 003\nB said.'), ['refs A → STATE 1111']);
    // "2. (U) Second." starts paragraph 2: its number is no item of the list.
    assert.deepEqual(links(ABC, 'See paras 1 and'), ['paras 1 → ¶1']);
  });

  it('leaves out a paragraph starting a line after the citation of another document that ends the line before', () => {
    assert.deepEqual(links(ABC, 'As REF\nA para 3 says.'), ['A → STATE 1111']);
    assert.deepEqual(links(ABC, 'As REF A,\npara 3 says, and reftel\npara 2 and Article 5\n  paragraph 2, UNSCR 1540\npara 3.'), ['REF A → STATE 1111', 'reftel → nothing']);
    assert.deepEqual(links(ABC, "As reftel's\npara 2 says."), ['reftel → nothing']);
    // The look-back stops at a blank line and a heading, and a letter in another sense is no REF mention.
    assert.deepEqual(links(ABC, 'As REF A,\n\npara 3 says.'), ['REF A → STATE 1111', 'para 3 → ¶3']);
    assert.deepEqual(links(ABC, 'As REF A\n//NEXT STEPS//\npara 3 says.'), ['REF A → STATE 1111', 'para 3 → ¶3']);
    assert.deepEqual(links(ABC, 'Option A\npara 3 says.'), ['para 3 → ¶3']);
  });

  it('gives each item of a list that goes on on the next line the range of its letter or number, once', () => {
    const c = parseCable(`C O N F I D E N T I A L NOWHERE 000001\n\nREF: ${ABC}\n\n1. (C) Étienne 😀 cites refs A,\n\tB and\n  C; (Ref\nA and\nB), see paras 1 and\n  2 (para\n3-\n2).\n2. (U) Second.\n3. (U) Third.\n`).cable;
    const refs = findInTextReferences(c);
    const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    assert.deepEqual(refs.map((r) => `${at(r.range)} ${c.lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)}`), [
      '4:24-4:30 refs A',
      '5:1-5:2 B',
      '6:2-6:3 C',
      '7:0-7:1 A',
      '8:0-8:1 B',
      '8:8-8:15 paras 1',
      '9:2-9:3 2',
      '10:0-10:1 3',
      '11:0-11:1 2',
    ]);
    // Each item on a line of its own covers its letter or number alone; no range is given twice.
    const alone = refs.filter((r) => r.range.end.character - r.range.start.character === 1);
    assert.equal(alone.length, 7);
    assert.deepEqual(alone.map((r) => r.nameRange), alone.map((r) => r.range));
    assert.equal(new Set(refs.map((r) => at(r.range))).size, refs.length);
    // Go to Definition from a letter on the next line, and highlights from the REF item.
    assert.deepEqual(definedAt(c, 'file:///x', { line: 6, character: 3 }), [c.refs!.items[2].range]);
    const b = c.refs!.items[1].range;
    assert.deepEqual(getDocumentHighlights(c, b.start).map((h) => at(h.range)), [`2:${b.start.character}-2:${b.end.character}`, '5:1-5:2', '8:0-8:1']);
  });

  it("reads the references of a cable with a scan's margin on every line as the cable without it, at columns past the margin", () => {
    // Cable.lines keep the margin ("| ", "07 "), which the parse read blanked: a reference that starts a line, or one whose
    // citation ends the line above, is read past the margin, not at the line's first character.
    const ref = 'A. STATE 1111 B. NOWHERE 22 C. NOWHERE 33';
    const bodies = [
      'As reported in (Ref\nB) the minister agreed, see para\n3 and 2.',
      'As refs A and\nB say; see paras 1-\n3, refs A,\nB and C.',
      'As noted (Ref A\nand B), see para 1\n  & 2, refs A\nthrough C.',
      'As REF\nA para 3 says, and reftel\npara 2 and Article 5\n  paragraph 2, UNSCR 1540\npara 3; REF A,\npara 1 too.',
      'See para 3,\n10 officials said, para 2, 12\nministers, see para\n1, 5 days on.',
      'As ref C,\nstressing paras 1-\n2009 figures; (Reftel\n\nB).',
    ];
    const text = (body: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: ${ref}\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n1. (C) ${body}\n2. (U) Second.\n3. (U) Third.\n`;
    const margins: [string, (line: string, i: number) => string][] = [
      ['bar', (l) => `| ${l}`],
      ['numbers', (l, i) => `${String(i + 1).padStart(2, '0')} ${l}`],
      // At two widths, each line's number and one space ("9 As REF" ⏎ "10 A para 3").
      ['numbers at two widths', (l, i) => `${i + 1} ${l}`],
    ];
    const at = (c: Cable, r: Range, width: (line: number) => number) => `${r.start.line}:${r.start.character - width(r.start.line)}-${r.end.line}:${r.end.character - width(r.end.line)} ${c.lines[r.start.line].slice(r.start.character, r.end.character)}`;
    const read = (c: Cable, width: (line: number) => number) => [
      findInTextReferences(c).map((r) => `${at(c, r.range, width)} ${JSON.stringify(r.target)} ${resolveInText(c, r)?.start.line}`),
      c.lines.flatMap((_, line) => findInTextReferencesOnLine(c, line).map((r) => at(c, r.range, width))),
      c.lines.flatMap((_, line) => findCitedParagraphsOnLine(c, line).map((m) => `${at(c, m.range, width)} ${m.number} ${m.item.letter}`)),
    ];
    for (const body of bodies) {
      const plain = text(body);
      const expected = read(parseCable(plain).cable, () => 0);
      assert.ok(expected[0].length > 0, body);
      for (const [name, margin] of margins) {
        const prefixes = plain.split('\n').map((l, i) => (l === '' ? '' : margin(l, i).slice(0, -l.length || undefined)));
        const c = parseCable(plain.split('\n').map((l, i) => (l === '' ? '' : margin(l, i))).join('\n')).cable;
        assert.ok(c.margin, name);
        assert.deepEqual(read(c, (line) => prefixes[line].length), expected, `${name}: ${body}`);
      }
    }
  });

  it('gives a reference broken over two lines the range of its letter or number, on the second line', () => {
    const c = parseCable(`C O N F I D E N T I A L NOWHERE 000001\n\nREF: ${ABC}\n\n1. (C) As reported in (Ref \nB) the minister, see para\n  2.\n2. (U) Second.\n`).cable;
    const refs = findInTextReferences(c);
    assert.deepEqual(refs.map((r) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`), ['5:0-5:1', '6:2-6:3']);
    assert.deepEqual(refs.map((r) => r.nameRange), refs.map((r) => r.range));
    // Go to Definition from the letter and from the number, and highlights from the REF item.
    assert.deepEqual(definedAt(c, 'file:///x', { line: 5, character: 0 }), [c.refs!.items[1].range]);
    assert.deepEqual(definedAt(c, 'file:///x', { line: 6, character: 3 }), [c.paragraphs[1].marker.range]);
    assert.equal(getInTextDefinition(c, 'file:///x', { line: 4, character: c.lines[4].indexOf('Ref') + 1 }), undefined);
    const b = c.refs!.items[1].range;
    assert.deepEqual(getDocumentHighlights(c, b.start).map((h) => `${h.range.start.line}:${h.range.start.character}`), [`2:${b.start.character}`, '5:0']);
  });

  it('gives the range of each letter and number alone', () => {
    const text = `C O N F I D E N T I A L NOWHERE 000001\n\nREF: ${ABC}\n\n1. (C) As refs A and B say (REFTEL C; reftel), see paras 2-3 and Para. 2.\n2. (U) Second.\n3. (U) Third.\n`;
    const c = parseCable(text).cable;
    const named = findInTextReferences(c).map((r) => (r.nameRange ? `${r.nameRange.start.character}-${r.nameRange.end.character} ${c.lines[4].slice(r.nameRange.start.character, r.nameRange.end.character)}` : 'none'));
    assert.deepEqual(named, ['15-16 A', '21-22 B', '35-36 C', 'none', '57-58 2', '59-60 3', '71-72 2']);
  });

  it('finds the same references whatever the line endings, after a BOM, in any case', () => {
    // The reader looks for "ref" and "para" in the whole text and maps where they stand to lines.
    const lines = ['\uFEFFC O N F I D E N T I A L NOWHERE 000001', '', `REF: ${ABC}`, '', '1. (C) As rEfS A and b say, see PARA 2.', 'No mention here.', '2. (U) Per reftel B; paRa. 3 too.', '3. (U) Third.', ''];
    const read = (text: string) => {
      const c = parseCable(text).cable;
      return findInTextReferences(c).map((r) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`);
    };
    const lf = read(lines.join('\n'));
    assert.deepEqual(lf, ['4:10-16', '4:32-38', '6:11-19', '6:21-28']);
    for (const eol of ['\r\n', '\r']) assert.deepEqual(read(lines.join(eol)), lf, JSON.stringify(eol));
    // Mixed: each line keeps its own terminator.
    const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join('');
    assert.deepEqual(read(mixed), lf, 'mixed');
  });

  it('reads the references of one line as the reader of the whole text does, from the lines above that run on to it', () => {
    const lists = `C O N F I D E N T I A L NOWHERE 000001\n\nREF: ${ABC}\n\n1. (C) Étienne cites refs A,\n\tB and\n  C; (Ref\nA and\nB), see paras 1 and\n  2 (para\n3-\n2).\n2. (U) Second.\n3. (U) Third.\n`;
    const texts = [lists, VALLETTA, ...[...fixtureFiles(), ...corpusFiles()].map((f) => fs.readFileSync(f, 'utf8'))];
    let found = 0;
    for (const text of texts) {
      const c = parseCable(text).cable;
      const all = findInTextReferences(c);
      for (let line = 0; line < c.lines.length; line++) assert.deepEqual(findInTextReferencesOnLine(c, line), all.filter((r) => r.range.start.line === line), `${c.lines[0]}, line ${line}`);
      found += all.length;
    }
    assert.ok(found > 20, `${found} references`);
    // A list read from two lines up ("refs A," / "B and" / "C") is found on its last line.
    const c = parseCable(lists).cable;
    assert.deepEqual(findInTextReferencesOnLine(c, 6).map((r) => c.lines[6].slice(r.range.start.character, r.range.end.character)), ['C']);
  });

  it('reads the references of one line as the whole text\'s reader does on lines of keywords, items and separators run together', () => {
    // Lines of running text made of the words references are built of, at random (a fixed seed): lists and keywords split
    // over lines every way, with prose between; no blank line, so that every line runs on to the next.
    const words = ['refs', 'ref', 'Ref', 'REFS', 'reftel', 'para', 'paras', 'paragraph', 'A', 'B', 'C', 'a', 'K', '\u017f', 'and', 'AND', ',', ', and', '&', '-', '\u2013', 'through', 'thru', '3', '4', '12', '1000', 'the', 'minister', '(Ref', 'C)', '.', 'of', 'this', 'see', 'ref.', 'para.', '10', 'officials', '\u00a0', '\t', '\u000b'];
    // mulberry32: every bit of its output varies (the low bits of a power-of-two linear congruential generator repeat in a short cycle).
    let seed = 1;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    let crossing = 0;
    for (let t = 0; t < 600; t++) {
      const lines = Array.from({ length: 2 + next(10) }, () => Array.from({ length: 1 + next(6) }, () => words[next(words.length)]).join(next(4) === 0 ? '' : ' '));
      const c = parseCable(`UNCLAS NOWHERE 000001\n\nSUBJECT: NOTES\n\nREF: A. STATE 1\nB. STATE 2\nC. STATE 3\nK. STATE 4\n\n1. (U) ${lines.join('\n')}\n`).cable;
      const all = findInTextReferences(c);
      for (let line = 0; line < c.lines.length; line++) assert.deepEqual(findInTextReferencesOnLine(c, line), all.filter((r) => r.range.start.line === line), `${c.lines.join('\n')}\nline ${line}`);
      // An item alone (no keyword in its range) with no keyword before it on its line comes from a line above.
      crossing += all.filter((r) => r.nameRange?.start.character === r.range.start.character && !/ref|para/i.test(c.lines[r.range.start.line].slice(0, r.range.start.character))).length;
    }
    // Many of them are items read from a line above.
    assert.ok(crossing > 15, `${crossing} references on a line below their keyword`);
  });

  it('reads the references of one line as the whole text\'s reader does across white space other than spaces and tabs, and lines of a separator alone', () => {
    // A no-break space or a vertical tab ends the line or stands between item and separator ("refs A\u00a0and" / "B"), as
    // the reader of the whole text skips them; "&" or "and " alone on a line carries "(Ref A" on to "B)".
    for (const lines of [
      ['(Ref A\u00a0', 'and B) the minister'],
      ['see refs A and\u00a0', 'B today'],
      ['see refs A\u00a0and', 'B today'],
      ['see paras 3,\u00a0', '4 today'],
      ['see refs A,\u000b', 'B today'],
      ['see (Ref A', '&', 'B) today'],
      ['see (Ref A', 'and ', 'B) today'],
      ['see (Ref A', 'through\t', 'C) today'],
    ]) {
      const c = parseCable(`UNCLAS NOWHERE 000001\n\nSUBJECT: NOTES\n\nREF: A. STATE 1\nB. STATE 2\nC. STATE 3\n\n1. (U) ${lines.join('\n')}\n`).cable;
      const all = findInTextReferences(c);
      const last = c.lines.length - 2;
      assert.equal(all.filter((r) => r.range.start.line === last).length, 1, JSON.stringify(lines));
      for (let line = 0; line < c.lines.length; line++) assert.deepEqual(findInTextReferencesOnLine(c, line), all.filter((r) => r.range.start.line === line), `${JSON.stringify(lines)}, line ${line}`);
    }
  });

  it('reads no letter other than A to Z as a REF item\'s, though its capital is one (the long s, the dotless i)', () => {
    const c = parseCable('UNCLAS NOWHERE 000001\n\nSUBJECT: NOTES\n\nREF: A. STATE 1\nB. STATE 2\nI. STATE 3\nS. STATE 4\n\n1. (U) See refs b and \u017f, (Ref\n\u0131) and (Ref A\nand \u017f).\n').cable;
    const all = findInTextReferences(c);
    assert.deepEqual(all.map((r) => c.lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)), ['refs b', 'Ref A']);
    for (let line = 0; line < c.lines.length; line++) assert.deepEqual(findInTextReferencesOnLine(c, line), all.filter((r) => r.range.start.line === line), `line ${line}`);
  });

  it('highlights the one letter of a list that names an item', () => {
    const c = parseCable(`C O N F I D E N T I A L NOWHERE 000001\n\nREF: ${ABC}\n\n1. (C) As refs A and B say.\n`).cable;
    const b = c.refs!.items[1].range;
    const highlights = getDocumentHighlights(c, b.start).map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character}`);
    assert.deepEqual(highlights, [`2:${b.start.character}-${b.end.character}`, '4:21-22']);
  });

  it('highlights a TAG wherever the TAGS field has it, on its wrapped line too, and nothing on the keyword or a person', () => {
    const c = parseCable('UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL ECON OVIP (ROE, JANE) XX\nPREL\nSUBJECT: PREL TALKS\n\n1. (U) Text.\n').cable;
    const at = (line: number, character: number) => getDocumentHighlights(c, { line, character }).map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character} ${h.kind}`);
    assert.deepEqual(at(3, 7), ['3:6-10 1', '4:0-4 1']);
    assert.deepEqual(at(4, 2), ['3:6-10 1', '4:0-4 1']);
    assert.deepEqual(at(3, 12), ['3:11-15 1']);
    // "TAGS:" itself, a person after OVIP, and the subject's PREL, which is no TAG.
    assert.deepEqual(at(3, 1), []);
    assert.deepEqual(at(3, c.lines[3].indexOf('ROE') + 1), []);
    assert.deepEqual(at(5, 10), []);
  });
});

describe('hover', () => {
  it('shows text from the cable as written, not as Markdown', () => {
    const ref = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. SMITH_JONES *DRAFT* [NOTES] E-|MAIL\n\n¶1. (U) Text.\n');
    assert.ok(ref.includes('Reference: SMITH\\_JONES \\*DRAFT\\* \\[NOTES\\] E-MAIL'), ref);
    const found = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. NOWHERE 9|9\n\n¶1. (U) Text.\n', {
      dictionaries,
      citingId: '09NOWHERE1',
      lookupCable: () => ({ uri: 'file:///w/09NOWHERE99.cable', id: '09NOWHERE99', subject: 'TALKS ON *FISH* QUOTAS_2009', tags: [], refs: [] }),
    } as Parameters<typeof getHover>[2]);
    assert.ok(found.includes('**TALKS ON \\*FISH\\* QUOTAS\\_2009**'), found);
  });

  it('explains a subject TAG with its category and source', () => {
    const text = hoverAt(inValletta('PREL PGOV', 1));
    assert.match(text, /TAG PREL/);
    assert.match(text, /category P/);
    assert.match(text, /\n---\n\*Sources: [^\n]*\[github\.com\/heuer\/cablemap\/[^\]]*\]\(https:\/\/github\.com\/heuer\/cablemap\//);
  });

  it('lists a TAG\'s several meanings one per line, not joined with the dictionary\'s " ; ", and still cites the sources', () => {
    const dictionary = { ...dictionaries, tags: new Map(dictionaries.tags) };
    const pgov = dictionaries.tags.get('PGOV');
    assert.ok(pgov);
    // Invented meanings in the shape the reference gives them: two sources' words, the second holding a ";" of its own.
    dictionary.tags.set('PGOV', { ...pgov, meaning: 'Harbor Affairs ; PlusD label: Ferry Affairs--Harbors; Harbor Affairs' });
    const text = hoverAt(inValletta('PREL PGOV', 6), { dictionaries: dictionary });
    assert.match(text, /^\*\*TAG PGOV\*\*\n\nPGOV: subject TAG, category P \(Political Affairs\)\. The sources give these meanings:\n\n- Harbor Affairs\n- PlusD label: Ferry Affairs--Harbors; Harbor Affairs\n\n---\n\*Sources: /);
    assert.ok(!text.includes(' ; '), text);
    // One meaning stays on the TAG's line.
    dictionary.tags.set('PGOV', { ...pgov, meaning: 'Harbor Affairs' });
    assert.match(hoverAt(inValletta('PREL PGOV', 6), { dictionaries: dictionary }), /^\*\*TAG PGOV\*\*\n\nPGOV: subject TAG, category P \(Political Affairs\)\. Harbor Affairs\n\n---\n/);
  });

  it('cites the documents behind a fact, linked, and corpus analysis in words, never the reference files', () => {
    const footer = (value: string) => value.slice(value.indexOf('\n---\n') + 5);
    // The DE line's format is FORMAT.md §2 line 3's, which cites [W16][TALK16][TPUB5].
    const de = hoverAt(inValletta('#0412', 1));
    assert.equal(
      footer(de),
      '*Sources: [en.wikipedia.org/wiki/16-line\\_message\\_format](https://en.wikipedia.org/wiki/16-line_message_format) · [en.Wikipedia.org/wiki/Talk:16-line\\_message\\_format](https://en.Wikipedia.org/wiki/Talk:16-line_message_format) (sample ACP 126/127/127-supplement messages) · [tpub.com/incco/5.htm](http://tpub.com/incco/5.htm) — security warning (format line 4), EOM lines 15–16, SSN*',
    );
    // The pair's hover gives the prosign's words ("PRIORITY (used in 2000s cables; …)") with their sources, which it left uncited.
    assert.match(footer(hoverAt(inValletta('PP ', 1))), /^\*Sources: \[armycommunications\.tpub\.com\/Ss0656\/Ss06560035\.htm\]\(https:\/\/armycommunications\.tpub\.com\/Ss0656\/Ss06560035\.htm\) — precedence written twice[^*]* · \[en-academic\.com\/dic\.nsf\/enwiki\/587643\][^*]* · \[fam\.state\.gov\/fam\/05fah02\/05fah020420\.html\]/);
    assert.match(footer(hoverAt(inValletta('031322Z', 2))), /^\*Sources: \[en-academic\.com\/dic\.nsf\/enwiki\/587643\]\(https:\/\/en-academic\.com\/dic\.nsf\/enwiki\/587643\) — Message precedence/);
    assert.match(footer(hoverAt(VALLETTA.replace('ZNY SSSSS', 'ZNY | SSSSS'))), /^\*Sources: \[tpub\.com\/incco\/5\.htm\]\(http:\/\/tpub\.com\/incco\/5\.htm\)[^*]* · corpus analysis of released cables \(Cablegate\)\*$/);
    assert.equal(footer(hoverAt(inValletta('PRIORITY 3187', 2))), '*Sources: [statedepartment.oxd2.com/bureau-of-african-affairs1/policies1/5-fah2-h230-telegraphic-address-and-precedences-832](https://statedepartment.oxd2.com/bureau-of-african-affairs1/policies1/5-fah2-h230-telegraphic-address-and-precedences-832) — PLADs, RIs · corpus analysis of released cables (Cablegate)*');
    assert.match(footer(hoverAt(inValletta('S/NF) Director', 0))), /^\*Sources: \[mwitty\.com\/content\.php\?id=5766902\]\(https:\/\/mwitty\.com\/content\.php\?id=5766902\) — copy of 5 FAH-1 H-240 \(2004\)[^*]* · ODNI IC-ISM vocabularies CVEnumISMDissem \/ CVEnumISM25X · corpus analysis/);
    // What only the released cables show is corpus analysis: the banner (but its level's meaning, 5 FAH-2 H-222's), page lines,
    // a routing indicator seen in cables.
    assert.equal(footer(hoverAt(inValletta('VALLETTA 000412', 2))), '*Sources: [fam.state.gov/fam/05fah02/05fah020220.html](https://fam.state.gov/fam/05fah02/05fah020220.html) (5 FAH-2 H-222, classification line of outgoing telegrams) · corpus analysis of released cables (Cablegate)*');
    // A seed file's name ("seed cable 001_fad128cd828938bb.txt (DE line only)") tells a user nothing: the released cables' ids stand.
    assert.equal(footer(hoverAt(inValletta('RUEHC/', 2))), '*Sources: corpus analysis of released cables (Cablegate): cables 03ABUDHABI2641, 06PARIS5974, 07LAPAZ2400, 06BUENOSAIRES1462, 09BRASILIA1540 · [tpub.com/incco/4.htm](http://www.tpub.com/incco/4.htm) — routing indicators, format line 1*');
    assert.equal(footer(hoverAt(withAddressLine('TO RUEHC/SECSTATE WASHDC 0001').replace('PP RUEHWEB', 'PP RUEH|WEB'))), '*Sources: corpus analysis of released cables (Cablegate): cable 06ASUNCION589 · [tpub.com/incco/4.htm](http://www.tpub.com/incco/4.htm) — routing indicators, format line 1*');
    // An entry and FORMAT.md citing the same document name it once; a date's DECL cites the 10-year default's source.
    assert.equal(footer(hoverAt(inValletta('06/03/2019', 1))), '*Sources: [cufon.org/cufon/eo12958.htm](http://cufon.org/cufon/eo12958.htm) — E.O. 12958 highlights (10-year default) · corpus analysis of released cables (Cablegate)*');
    assert.equal((footer(hoverAt('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: X|1\n')).match(/cufon\.org\/cufon\/eo12958\.htm\)/g) ?? []).length, 1);
    // In plain text a link is its address.
    const c = caret(inValletta('#0412', 1));
    const plain = getHover(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries, plainText: true })!;
    assert.match((plain.contents as MarkupContent).value, /\n---\nSources: https:\/\/en\.wikipedia\.org\/wiki\/16-line_message_format · https:\/\/en\.Wikipedia\.org\/wiki\/Talk:16-line_message_format \(sample ACP 126\/127\/127-supplement messages\) · http:\/\/tpub\.com\/incco\/5\.htm — security/);
  });

  it('cites sources a user can follow on every other hover that has one, and when the dictionary has no entry', () => {
    const footer = (value: string) => value.slice(value.indexOf('\n---\n') + 5);
    assert.equal(footer(hoverAt(inValletta('00000412 002', 3))), '*Source: corpus analysis of released cables (Cablegate)*');
    assert.match(footer(hoverAt(inValletta('NOFORN', 2))), /^\*Sources: \[forum\.wikileaks\.org\/plusd\/cables\/05STATE226504\\_a\.html\]\(https:\/\/forum\.wikileaks\.org\/plusd\/cables\/05STATE226504_a\.html\)/);
    assert.match(footer(hoverAt(inValletta('(b) and (d).', 1))), /^\*Sources: \[virtualbiosecuritycenter\.org\/library\/778\/\]\(https:\/\/virtualbiosecuritycenter\.org\/library\/778\/\)/);
    assert.match(footer(hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 12|958: DECL: 01/01/2019\n')), /^\*Sources: \[api\.fdsys\.gov\/[^\]]*\]\(http:\/\/api\.fdsys\.gov\//);
    assert.equal(footer(hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 12958: DECL: [RED|ACTED]\n')), '*Source: corpus analysis of released cables (Cablegate)*');
    // A DECL that names an event: the directive that lets an event stand for the date.
    const event = hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: END OF THE FE|RRY TALKS\n');
    assert.match(event, /An event in place of a date, which the directive carrying out E\.O\. 12958 allows; no machine can act on it\./);
    assert.match(footer(event), /^\*Sources: \[edocket\.access\.gpo\.gov\/cfr\\_2004\/julqtr\/32cfr2001\.12\.htm\]\(http:\/\/edocket\.access\.gpo\.gov\/cfr_2004\/julqtr\/32cfr2001\.12\.htm\) — 32 CFR 2001\.12\(a\)\(1\)/);
    // MR and 50X1-HUM are in the dictionary: "Not a date or a known code" said the reference did not list them.
    assert.match(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: M|R\n'), /MR: seen as DECL: MR and as a \/\/MR suffix; meaning not established \(unverified\)\./);
    assert.match(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 13526: DECL: 50X1-H|UM\n'), /50X1-HUM: E\.O\. 13526-era 50-year exemptions for human-source identity and key WMD design concepts \(secondary sources only\)\.\n[\s\S]*ODNI IC-ISM/);
    assert.match(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: MR|X\n'), /Not a date or a known code\./);
    // A DECL value the E.O. line wrapped onto the line under it has the hover of one on the line.
    assert.equal(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958:\nDECL: M|R\n'), hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: M|R\n'));
    // Without the dictionary's entry, the hover cites FORMAT.md's sources for the fact: [TPUB5] for the serial, [PREC] for the prosign, [TPUB4] for a routing indicator.
    const bare = { dictionaries: { ...dictionaries, headerCodes: [], routingIndicators: new Map() } };
    const cable = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 0001\nBT\n\nS E C R E T PARIS 000001\n\n¶1. (S) Text.\nHALLORAN\nBT\n#0001\nNNNN\n';
    assert.match(footer(hoverAt(cable.replace('#0001\nNNNN', '#00|01\nNNNN'), bare)), /^\*Sources: \[en\.wikipedia\.org\/wiki\/16-line\\_message\\_format\][^*]*\[tpub\.com\/incco\/5\.htm\]\(http:\/\/tpub\.com\/incco\/5\.htm\)/);
    assert.match(footer(hoverAt(cable.replace('P 011200Z', '|P 011200Z'), bare)), /^\*Source: \[en-academic\.com\/dic\.nsf\/enwiki\/587643\]\(https:\/\/en-academic\.com\/dic\.nsf\/enwiki\/587643\) — Message precedence \(Z\/O\/P\/R\)\*$/);
    assert.equal(footer(hoverAt(cable.replace('RUEHC/', 'RU|EHC/'), bare)), '*Sources: [tpub.com/incco/4.htm](http://www.tpub.com/incco/4.htm) — routing indicators, format line 1 · corpus analysis of released cables (Cablegate)*');
  });

  it('names for every dictionary entry and FORMAT.md source a document of docs/sources.md, or corpus analysis', () => {
    const listed = new Set(fs.readFileSync(path.join(ROOT, 'docs/sources.md'), 'utf8').match(/<https?:\/\/[^>]+>/g)!.map((u) => u.slice(1, -1)));
    const texts = [...dictionaries.tags.values(), ...dictionaries.categories.values(), ...dictionaries.routingIndicators.values(), ...dictionaries.markings.values(), ...dictionaries.headerCodes, ...dictionaries.eo].map((e) => e.source);
    assert.ok(dictionaries.documents.size > 20);
    for (const text of [...texts, ...dictionaries.documents.values()]) {
      for (const cite of citeSource(text)) {
        assert.doesNotMatch(cite, /FORMAT\.md|\.tsv\b|seed|[0-9]{3}_[0-9a-f]{16}|code-search/i, text);
        for (const [, url] of cite.matchAll(/\]\(([^)]+)\)/g)) assert.ok(listed.has(url), `${url} (${text}) is not in docs/sources.md`);
      }
    }
    assert.deepEqual(citeSource('expansion from corpus cable 08BEIJING4687; corpus cable 07TELAVIV2280'), ['corpus analysis of released cables (Cablegate): expansion from cable 08BEIJING4687; cable 07TELAVIV2280']);
    assert.deepEqual(citeSource('corpus (1,1xx classified cables)'), ['corpus analysis of released cables (Cablegate): 1,1xx classified cables']);
    assert.deepEqual(citeSource('none (not observed in corpus or seeds)'), ['none given']);
    assert.deepEqual(citeSource('mine.json'), ['mine.json']);
    // A document named with its address and the copy the reference read it in (the geographic TAGS' GeoNames list): both
    // are cited, where the copy, the source the codes were read from, was left out.
    assert.deepEqual(citeSource('Harbor List, code column (https://example.org/harbors.txt; copy read at https://mirror.example.net/harbors.txt)'), [
      '[Harbor List, code column](https://example.org/harbors.txt) (copy read at [mirror.example.net/harbors.txt](https://mirror.example.net/harbors.txt))',
    ]);
  });

  it('says what a DECL value of the form 1.6X… is shaped like, without a meaning the reference does not give', () => {
    // "DECL: 1.6X1" said "Not a date or a known code", though the reference lists the form; it gives no meaning for it.
    for (const value of ['1.6X|1', '1.6X|6', '1.6 X|6']) {
      const text = hoverAt(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: ${value}\n`);
      assert.match(text, /: written as a section number, 1\.6, then X and a digit\. E\.O\. 12958 sec\. 1\.6 sets the 10-year default and its limited exceptions; what this code stands for is not established from the sources read \(unverified\)\./, value);
      assert.doesNotMatch(text, /Not a date or a known code|form named in the brief/, value);
      assert.match(text, /\n---\n\*Source: \[cufon\.org\/cufon\/eo12958\.htm\]/, value);
    }
    assert.match(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 1.6|Y1\n'), /Not a date or a known code\./);
  });

  it('qualifies a meaning the reference has from secondary sources only, and shows the notes that change how a code reads', () => {
    // PREL's meanings are PlusD's labels and a secondary site's words; NODIS's is PlusD's glossary: they read as fact.
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PR|EL\n'), /PREL: subject TAG, category P \(Political Affairs\)\. The sources give these meanings \(secondary sources only\):\n/);
    // A TAG with a zero for O reads as the one known TAG meant, as CBL051 reports it; a token no misreading explains does not.
    const misread = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL PG|0V\n');
    assert.match(misread, /PG0V: not in the dictionary\.\n\n`PG0V` may be PGOV misread: PGOV: subject TAG, category P/);
    assert.doesNotMatch(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL XQ|ZZ\n'), /misread/);
    assert.doesNotMatch(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL G2|0\n'), /misread/);
    // The embassy's own country's TAG says so, with what the reference found; another TAG, or another post's FR, does not.
    const paris = hoverAt('C O N F I D E N T I A L PARIS 000708\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL F|R\nSUBJECT: X\n');
    assert.match(paris, /The host country's TAG of Embassy Paris: 103 of 105 of its released cables carry it\./);
    assert.match(paris, /corpus/i);
    assert.doesNotMatch(hoverAt('C O N F I D E N T I A L PARIS 000708\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PR|EL FR\nSUBJECT: X\n'), /host country/);
    assert.doesNotMatch(hoverAt('C O N F I D E N T I A L MADRID 000708\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL F|R\nSUBJECT: X\n'), /host country/);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: KI|SL\n'), /KISL: program TAG\. Islam; used for engagement with Islamic communities \(blog description\) \(secondary sources only\)\n/);
    assert.match(hoverAt('S E C R E T NOWHERE 000001\n\nNO|DIS\n\nE.O. 12958: DECL: 01/01/2019\n'), /^\*\*NODIS\*\*\n\nno distribution other than to persons indicated \(secondary sources only\)\n/);
    assert.match(hoverAt('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Jan Novak, for reasons 1.4 (|b)\n'), /^\*\*Reason 1\.4\(b\)\*\*\n\nforeign government information \(secondary sources only\)\.\n/);
    assert.match(hoverAt('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 25|X1\n'), /25X1: 25-year exemption codes: [^\n]* \(secondary sources only\)\.\n/);
    // A primary meaning stays as it was.
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: F|R\n'), /FR: geographic TAG\. France\n/);
    // The reference's notes: RI is Serbia in FIPS 10-4, but Embassy Belgrade writes SR; NPT is a treaty.
    const ri = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: R|I\n');
    assert.match(ri, /RI: geographic TAG\. Serbia\n\nIn the released cables: Embassy Belgrade cables never use RI; they use SR \(8 of 8\)\.\n/);
    assert.match(ri, /\n---\n\*Sources: [^\n]*corpus analysis of released cables \(Cablegate\)\*$/);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: N|PT\n'), /NPT: organization TAG\. Nuclear Nonproliferation Treaty\n\nNote: a treaty rather than an organization; used on TAGS lines\.\n/);
    // A TAG row's example subjects are not a note.
    assert.doesNotMatch(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: S|R\n'), /ICTY/);
    // A header code's corpus check where it leaves the meaning open: XRO in VZCZCXRO.
    assert.match(hoverAt(withAddressLine('TO RUEHC/SECSTATE WASHDC 0001').replace('VZCZCXRO0001', 'VZCZC|XRO0001')), /\n\nIn the released cables: meaning of XRO\/XYZ not established\.\n/);
  });

  it('shows what the reference adds to SR, RUEHWEB and a DECL code, which the audit of the corpus hovers found missing', () => {
    // SR's status: its sources say geo TAGS use FIPS codes, which give Serbia RI.
    const sr = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: S|R\n');
    assert.match(sr, /SR: geographic TAG\. Serbia \(TAGS usage\)\n\nNote: TAGS-specific: differs from GeoNames FIPS \(RI\)\.\n/);
    // RUEHWEB's note, and what the released cables show of a DECL code its source (a summary of the order) does not.
    assert.match(hoverAt(withAddressLine('TO RUEHC/SECSTATE WASHDC 0001').replace('PP RUEHWEB', 'PP RUEH|WEB')), /\n- In the released cables: in all 310 corpus headers whose line 1 is VZCZCXYZnnnn, line 2 is exactly a precedence pair followed by RUEHWEB\n/);
    const na = hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 12958: N/|A\n');
    assert.match(na, /N\/A: used on unclassified cables: E\.O\. 12958: N\/A\.\n\nIn the released cables: 96 of 102 unclassified cables; never on a classified cable\.\n/);
    assert.match(na, /\n---\n\*Sources: \[cufon\.org[^*]* · corpus analysis of released cables \(Cablegate\)\*$/);
  });

  it('says so when a TAG is unverified or unknown, and never shows a guess as fact', () => {
    // An entry whose meaning the dictionary marks unverified is in the dictionary: the hover says its meaning is unverified, not absent.
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: KA|CT\n'), /KACT: program TAG; meaning unverified: the dictionary's sources do not establish it\./);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PZ|ZZ\n'), /PZZZ: subject TAG, category P \(Political Affairs\); meaning not in the dictionary\./);
  });

  it("shows what an unverified TAG's row notes, said to be unverified, never as the meaning", () => {
    // YE: the reference establishes no meaning, but its row says Yemen is YM; the hover said only "meaning unverified".
    const ye = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: Y|E\n');
    assert.match(ye, /YE: geographic TAG; meaning unverified: the dictionary's sources do not establish it\.\n\nWhat the reference notes of it, unverified: not a FIPS 10-4 code; Yemen is YM, [^\n]*\.\n/);
    // An invented row: its words besides "meaning not established" are the context; a row with none gives no line.
    const tag = (code: string, meaning: string) => ({ code, family: 'geographic' as const, meaning, source: 'mine.json', verified: false });
    const user = mergeDictionaries(dictionaries, [{ tags: [tag('QQ', 'meaning not established (not a FIPS 10-4 code; Nowhere is QN)'), tag('QR', 'meaning not established from available sources (see usage context)')], routingIndicators: [] }]);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: Q|Q\n', { dictionaries: user }), /\n\nWhat the reference notes of it, unverified: not a FIPS 10-4 code; Nowhere is QN\.\n/);
    assert.doesNotMatch(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: Q|R\n', { dictionaries: user }), /reference notes|usage context/);
    // A code two families share gives the unverified family's context under its own line (UN's geographic row).
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: U|N\n'), /\n\nAlso geographic TAG; meaning unverified[^\n]*\n\nWhat the reference notes of it, unverified: UN\/UNO also appear as organization TAGS\.\n/);
  });

  it('names corpus analysis once in a TAG\'s sources, with what each part of the entry has from it', () => {
    const footer = (hover: string) => hover.slice(hover.indexOf('\n---\n') + 5);
    for (const code of ['O|AS', 'N|ATO', 'O|SCE', 'U|N']) {
      const sources = footer(hoverAt(`UNCLAS NOWHERE 000001\n\nTAGS: ${code}\n`));
      assert.equal(sources.split('corpus analysis').length, 2, sources);
    }
    // Invented: the expansion and the TAGS use both from the corpus, a list of codes between them.
    const source = 'expansion from corpus cable 01NOWHERE1 | https://example.invalid/list.txt (code list only) | TAGS use: corpus cable 02NOWHERE2; corpus cable 01NOWHERE1';
    const user = mergeDictionaries(dictionaries, [{ tags: [{ code: 'QQQ', family: 'organization', meaning: 'Quiet Quay Quorum', source, verified: true }], routingIndicators: [] }]);
    assert.equal(
      footer(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: Q|QQ\n', { dictionaries: user })),
      '*Sources: corpus analysis of released cables (Cablegate): expansion from cable 01NOWHERE1; TAGS use: cable 02NOWHERE2; cable 01NOWHERE1 · [example.invalid/list.txt](https://example.invalid/list.txt) (code list only)*',
    );
  });

  it("gives each family's meaning of a TAG code two families share, with each one's sources", () => {
    // UN said "meaning unverified" (its geographic row establishes none), though its organization row gives United Nations.
    const un = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: U|N\n');
    assert.match(un, /UN: organization TAG\. United Nations\n\nAlso geographic TAG; meaning unverified: the dictionary's sources do not establish it\.\n/);
    assert.doesNotMatch(un, /context decides/);
    assert.match(un, /cable 08RABAT727/);
    // AU said Austria alone; the reference also gives the African Union, and says the context decides.
    const au = hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: A|U\n');
    assert.match(au, /AU: geographic TAG\. Austria\n\nAlso organization TAG\. African Union\n\nWhich one a cable means, its context decides\./);
    assert.match(au, /GeoNames[\s\S]*expansion from cable 10RABAT8/);
    // A user's entry of the code is its meaning alone.
    const user = mergeDictionaries(dictionaries, [{ tags: [{ code: 'AU', family: 'organization', meaning: 'Our Union', source: 'mine.json', verified: true }], routingIndicators: [] }]);
    assert.doesNotMatch(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: A|U\n', { dictionaries: user }), /Austria|African/);
  });

  it('explains the format codes of the header from the dictionary, flagging what it does not establish', () => {
    const header = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY TTTTT/AAAAA ZZH\nZ R 011200Z JAN 09\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 0001\nINFO ZEN/AMEMBASSY LONDON 0001\nBT\n\nT O P S E C R E T PARIS 000001\n';
    const at = (needle: string, offset = 1) => hoverAt(header.slice(0, header.indexOf(needle) + offset) + '|' + header.slice(header.indexOf(needle) + offset));
    assert.match(at('VZCZC'), /^\*\*VZCZCXRO0001: transmission identification\*\*\n\nstart of the transmission identification line[\s\S]*Sources: \[en\.Wikipedia\.org\/wiki\/Talk:16-line\\_message\\_format\]\(https:\/\/en\.Wikipedia\.org\/wiki\/Talk:16-line_message_format\)/);
    assert.match(at('DE RUEHFR', 0), /^\*\*DE: prosign\*\*\n\n"from": introduces the originating station/);
    assert.match(at('ZNY', 0), /ZNY: operating signal \(security warning\)[\s\S]*TTTTT \(classified\)\./);
    assert.match(at('TTTTT'), /TTTTT: security group[\s\S]*TOP SECRET\./);
    assert.match(at('/AAAAA'), /AAAAA: SPECAT suffix/);
    // The dictionary does not establish what ZZH and ZEN/ mean: the hover says so rather than guess.
    assert.match(at('ZZH'), /ZZH: operating signal\*\*\n\nmeaning not established[^\n]*\(unverified\)\./);
    assert.match(at('ZEN/'), /address prefix[\s\S]*\(unverified\)\./);
    assert.match(at('FM '), /FM: prosign[\s\S]*originator plain-language address/);
    assert.match(at('TO '), /TO: prosign[\s\S]*action addressees/);
    assert.match(at('INFO'), /INFO: prosign[\s\S]*information addressees/);
    assert.match(at('BT'), /BT: prosign[\s\S]*break/);
    // A prosign's hover adds the dictionary's words when they say more than its name.
    assert.match(at('Z R', 0), /FLASH precedence \(action\)\.\n\nFLASH: highest normal precedence/);
    assert.doesNotMatch(at('R 011200Z', 0), /ROUTINE\.\n/);
  });

  it('explains the groups after the security group and after the DTG as the dictionary has them, a parenthesis as one annotation', () => {
    const header = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH (QRX12 AB34 567B)\nP 011200Z JAN 09 ZDK QRT\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 0001\n\nS E C R E T PARIS 000001\n';
    const at = (needle: string, offset = 1) => hoverAt(header.slice(0, header.indexOf(needle) + offset) + '|' + header.slice(header.indexOf(needle) + offset));
    // The dictionary has a parenthesis there as an annotation whose meaning is not established, not as an operating signal.
    const annotation = /^\*\*\(QRX12 AB34 567B\): annotation\*\*\n\nmeaning not established \(unverified\)\./;
    assert.match(at('(QRX'), annotation);
    assert.match(at('AB34'), annotation);
    assert.match(at('567B'), annotation);
    assert.match(at('ZDK'), /^\*\*ZDK: operating signal\*\*\n\nmeaning not established \(unverified\)\./);
    assert.match(at('QRT'), /^\*\*QRT\*\*\n\nGroup after the date-time group; not in the dictionary\./);
  });

  it('explains the trailer: BT and NNNN, and the end-of-message serial as the station serial repeated', () => {
    const cable = (de: string, tail: string) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR ${de} 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 0001\nBT\n\nS E C R E T PARIS 000001\n\n¶1. (S) Text.\nHALLORAN\n${tail}`;
    assert.match(hoverAt(cable('#0001/01', 'B|T\n#0001\nNNNN')), /^\*\*BT: prosign\*\*\n\nbreak/);
    assert.match(hoverAt(cable('#0001/01', 'BT\n#0001\nNN|NN\n')), /^\*\*NNNN: end of message\*\*/);
    const serial = hoverAt(cable('#0001/01', 'BT\n\n  #00|01\n\nNNNN'));
    assert.match(serial, /^\*\*\\#0001: station serial number\*\*\n\nEnd-of-message validation line: it repeats the station serial number of the DE line \(\\#0001\)\.\n\nfour-digit station serial number[\s\S]*Sources?: \[[^\]]+\]\(https?:\/\//);
    assert.match(hoverAt(cable('#0002/01', 'BT\n|#0001\nNNNN')), /repeats the station serial number of the DE line, but the DE line has \\#0002\./);
    assert.match(hoverAt(cable('', 'BT\n#00|01\nNNNN').replace('DE RUEHFR  0011200\n', '')), /repeats the station serial number of the DE line\.\n/);
    // Not between BT and NNNN, the line is text: no hover.
    assert.equal(hoverAt(cable('#0001/01', 'BT\n#00|01')), '');
  });

  it("decodes the DTG, the DE line, the FM line's address, the security group and the banner", () => {
    // Dates as a reader of cables writes them, not ISO 8601.
    assert.match(hoverAt(inValletta('031322Z', 2)), /\n\n3 June 2009, 1322Z\n\nWednesday, day 154 of 2009\./);
    assert.match(hoverAt(inValletta('#0412', 1)), /Julian day 154 = 3 June 2009\n/);
    assert.match(hoverAt(inValletta('SSSSS', 1)), /SSSSS: security group[\s\S]*repeated five times: SECRET/);
    // Line 2's precedence pair repeats the DTG's action precedence: said so only where it does (CBL008 reports the others).
    const header = withAddressLine('TO RUEHC/SECSTATE WASHDC PRIORITY 0001');
    assert.match(hoverAt(header.replace('PP RUEHWEB', 'P|P RUEHWEB')), /^\*\*Precedence pair PP\*\*\n\nPRIORITY precedence, written twice; equals the action precedence of the DTG line\.\n/);
    const differs = hoverAt(header.replace('PP RUEHWEB', 'O|O RUEHWEB'));
    assert.match(differs, /^\*\*Precedence pair OO\*\*\n\nIMMEDIATE precedence, written twice\. The DTG line's action precedence is P \(PRIORITY\), which it should equal\.\n/);
    assert.doesNotMatch(differs, /equals/);
    assert.match(hoverAt(header.replace('PP RUEHWEB', 'P|P RUEHWEB').replace('P 011200Z JAN 09\n', '')), /^\*\*Precedence pair PP\*\*\n\nPRIORITY precedence, written twice; it repeats the action precedence of the DTG line, which this header does not give\.\n/);
    // The originator's address on the FM line, with the station the DE line sends from, as the preview's card gives them.
    assert.match(hoverAt(header.replace('FM AMEMBASSY PARIS', 'FM AMEMBASSY PA|RIS')), /^\*\*AMEMBASSY PARIS\*\*\n\nPlain-language address of the originator\.\n\nSent from station RUEHFR \(the DE line\), which the routing-indicator dictionary names AMEMBASSY PARIS\.\n\n---\n\*Sources: /);
    assert.match(hoverAt(header.replace('FM AMEMBASSY PARIS', 'FM |AMEMBASSY PARIS').replace(/^DE .*\n/m, '')), /^\*\*AMEMBASSY PARIS\*\*\n\nPlain-language address of the originator\.\n\n---\n/);
    assert.match(hoverAt(inValletta('VALLETTA 000412', 2)), /Section 1 of 2[\s\S]*09VALLETTA412/);
    // A partial extract gives no date, so no id: the file's name gives it, and says so (05MADRID2478's shape).
    const extract = 'This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nC O N F I D E N T I A L SECTION 01 OF 02 NOW|HERE 000123\n\nTAGS: PREL\nSUBJECT: X\n';
    assert.doesNotMatch(hoverAt(extract), /Canonical id/);
    assert.match(hoverAt(extract, { dictionaries, citingId: '05NOWHERE123' }), /- Canonical id: `05NOWHERE123` \(from the file name\)\n/);
    // A caveat on the banner line explains itself; the banner's hover names the caveats joined to its level.
    const joined = 'SECRET//NOFORN NOWHERE 000001 SIPDIS\n\nTAGS: PREL\nSUBJECT: X\n';
    assert.match(hoverAt(joined.replace('NOFORN', 'NOF|ORN')), /^\*\*NOFORN\*\*/);
    assert.match(hoverAt(joined.replace('SIPDIS', 'SIP|DIS')), /^\*\*SIPDIS\*\*/);
    assert.match(hoverAt(joined.replace('NOWHERE', 'NOW|HERE')), /Level: \*\*SECRET\*\*[\s\S]*Caveats joined to the level: '\/\/NOFORN'/);
    // EFTO after an unclassified level: what the designation means, with its sources, and the post after it.
    const efto = hoverAt('UNCLAS EF|TO NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n');
    assert.match(efto, /^\*\*Classification banner\*\*\n\n- Level: \*\*UNCLASSIFIED\*\*: information that is not classified .*\n- EFTO: unclassified, but must be encrypted before transmission .*\n- Post: NOWHERE\n/);
    assert.match(efto, /Sources: \[fam\.state\.gov\/fam\/05fah02\/05fah020220\.html\]/);
    // As every marking's meaning: one the dictionary marks unverified is said to be so (the banner stated it bare).
    const markings = new Map(dictionaries.markings);
    markings.set('UNCLAS EFTO', { ...dictionaries.markings.get('UNCLAS EFTO')!, verified: false });
    assert.match(hoverAt('UNCLAS EF|TO NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n', { dictionaries: { ...dictionaries, markings } }), /- EFTO: unclassified, but must be encrypted before transmission .* \(unverified\)\n/);
  });

  it("gives the banner level's meaning, and hedges a spelling the reference reads only by analogy", () => {
    // markings.tsv lists SECRET both as a classification level and as a banner spelling; the level's meaning, which no
    // hover showed, comes with its source (5 FAH-2 H-222), and the spelling's row no longer hides it.
    const secret = hoverAt('S E C R E T NOW|HERE 000001\n\nTAGS: PREL\nSUBJECT: X\n');
    assert.match(secret, /- Level: \*\*SECRET\*\*: unauthorized disclosure could reasonably be expected to cause serious damage to national security\n/);
    assert.match(secret, /Sources: \[fam\.state\.gov\/fam\/05fah02\/05fah020220\.html\]/);
    assert.match(hoverAt('CONFIDENTIAL NOW|HERE 000001\n\nTAGS: PREL\nSUBJECT: X\n'), /- Level: \*\*CONFIDENTIAL\*\*: unauthorized disclosure could reasonably be expected to cause damage .* identify or describe\n/);
    // `T O P S E C R E T`: the reference's row for the letter-spaced spelling is unverified (no released cable writes it),
    // so the hover says the level holds only if the spelling is a banner, and gives the row's words with "(unverified)".
    const top = hoverAt('T O P S E C R E T NOW|HERE 000001\n\nTAGS: PREL\nSUBJECT: X\n');
    assert.match(top, /- Level: \*\*TOP SECRET\*\*, if this spelling is a banner: highest level; /);
    assert.match(top, /- Spelling 'T O P S E C R E T': banner for TOP SECRET \(letter-spaced form by analogy with S E C R E T; not observed\) \(unverified\)\n/);
    assert.doesNotMatch(top, /none given/);
    // Written unspaced, TOP SECRET is a spelling the reference establishes: no hedge.
    const plain = hoverAt('TOP SECRET NOW|HERE 000001\n\nTAGS: PREL\nSUBJECT: X\n');
    assert.match(plain, /- Level: \*\*TOP SECRET\*\*: highest level; /);
    assert.doesNotMatch(plain, /unverified|if this spelling/);
  });

  it("explains a released copy's date line and says whether it dates the cable", () => {
    const body = '\nC O N F I D E N T I A L NOWHERE 000042\n\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n';
    const dateLine = hoverAt(`Fri|day, 31 July 2009, 06:59${body}`);
    assert.match(dateLine, /^\*\*Date line\*\*\n\n31 July 2009\n\nIt dates this cable: /);
    assert.match(dateLine, /\n---\n\*Source: corpus analysis of released cables \(Cablegate\)\*$/);
    // A partial extract's date-time group alone on a line is a date line too; a day the month lacks is no date.
    assert.match(hoverAt(`This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n0808|57Z Jul 05${body}`), /^\*\*Date line\*\*\n\n8 July 2005, 0857Z\n/);
    assert.match(hoverAt(`This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n3108|57Z Jun 05${body}`), /^\*\*Date line\*\*\n\nNot a real date\./);
    // Above a transmission header of this cable (its DE serial the banner's), the header's date-time group dates the cable;
    // one of another cable's does not (the parser's tests of 07PARIS2725's shape).
    const headed = `Fri|day, 31 July 2009, 06:59\nVZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0042/01 2121200\nZNY CCCCC ZZH\nP 311200Z JUL 09\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\nBT${body}`;
    assert.match(hoverAt(headed), /\n\nThe date-time group of the transmission header dates this cable\.\n/);
  });

  it('explains the office distribution lines of a printout, which had no hover', () => {
    // "INFO  LOG-00   EEB-00 …" above the DTG line, as 09ABUDHABI862 and 09STATE37566 carry them: nothing said what they are.
    const text = ['ACTION NEA-00', '', 'INFO  LOG-00   EEB-00   AF-00    AID-00', '      INL-00   LAB-01     /000W', '', 'O 311005Z AUG 09', 'FM AMEMBASSY NOWHERE', 'TO SECSTATE WASHDC IMMEDIATE 2881', '', 'S E C R E T NOWHERE 000862', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. (S) Text.', ''].join('\n');
    const expected = /^\*\*Printout distribution\*\*\n\nA line of the office distribution block a printout of this cable carries \(`Distribution:`, office symbols under ACTION and INFO, each with a number after a hyphen, `LOG-00`\)\. What the numbers and the block's other groups \(`TED1302`, `\/000W`, `EE9C66 {2}240653Z \/38`\) count is not established \(unverified\)\.\n\n---\n\*Source: corpus analysis of released cables \(Cablegate\)\*$/;
    for (const needle of ['NEA-00', 'LOG-00', 'INFO  LOG', 'LAB-01', '/000W']) assert.match(hoverAt(text.replace(needle, `${needle.slice(0, 1)}|${needle.slice(1)}`)), expected, needle);
    // The header's lines after it keep their own hovers.
    assert.match(hoverAt(text.replace('FM AMEMBASSY', 'F|M AMEMBASSY')), /^\*\*FM: prosign\*\*/);
    assert.match(hoverAt(text.replace('O 311005Z', 'O 31|1005Z')), /^\*\*Date-time group 311005Z AUG 09\*\*/);
  });

  it('explains an office passing line above the E.O. line, which had no hover', () => {
    // "STATE FOR S/WCI", "DOJ FOR ALEXANDRE" (06BELGRADE1681), "CA/FPP: PLEASE PASS TO …" (09TELAVIV1098): nothing said what they are.
    const text = ['C O N F I D E N T I A L NOWHERE 000017', '', 'SIPDIS', '', 'DEPARTMENT FOR EUR/WE AND EUR/ERA', 'NSC FOR ROE', 'STATE PLEASE PASS TO USTR', '', 'E.O. 12958: DECL: 05/27/2019', 'TAGS: PREL', 'SUBJECT: HARBOR', '', '¶1. (C) Text.', ''].join('\n');
    const expected = /^\*\*Office passing line\*\*\n\nA line above the E\.O\. line that names, as it is written, the offices or people of an addressee the cable is for [^\n]*\n\nIn the released cables: such lines in 593 \(46\.0%\), often wrapped over several lines\.\n\n---\n\*Source: corpus analysis of released cables \(Cablegate\)\*$/;
    for (const needle of ['DEPARTMENT FOR', 'EUR/ERA', 'NSC FOR', 'PASS TO USTR']) assert.match(hoverAt(text.replace(needle, `${needle.slice(0, 2)}|${needle.slice(2)}`)), expected, needle);
    // The caveat and the E.O. line around them keep their own hovers.
    assert.match(hoverAt(text.replace('SIPDIS', 'SIP|DIS')), /^\*\*SIPDIS\*\*/);
    assert.match(hoverAt(text.replace('E.O. 12958', 'E.|O. 12958')), /^\*\*E\.O\. 12958\*\*/);
  });

  it('says a field label being typed above the E.O. line is that field, not an office passing line', () => {
    // "E.O. 1" reads as a passing line until the order's number is whole; its hover called it an office passing line.
    const draft = (typed: string) => `C O N F I D E N T I A L NOWHERE 000412\n\nSIPDIS\n\n${typed}\n`;
    assert.match(hoverAt(draft('E.|O. 1')), /^\*\*E\.O\. line, being typed\*\*\n\n`E\.O\. 1` begins the E\.O\. line's label, which is read as that field once it is whole: `E\.O\. 13526: DECL: 03\/14\/2036`\.$/);
    // The order in effect on the cable's date, else today's, as completion offers it: E.O. 13526 for a draft with no date.
    assert.match(hoverAt(draft('E.|O.')), /: `E\.O\. 13526: DECL: /);
    assert.match(hoverAt(`R 010800Z JUL 09\n${draft('E.|O.')}`), /: `E\.O\. 12958: DECL: /);
    assert.match(hoverAt(draft('Classi|fied')), /^\*\*Classified By line, being typed\*\*/);
    assert.match(hoverAt(draft('NSC F|OR')), /^\*\*Office passing line\*\*/);
  });

  it("gives an order's dates under the reference's own words, not as the date it took effect", () => {
    // The reference's dates say "effective 1978-12-01", "superseded … by E.O. 12065", "signed 1995-04-17; …": none is a bare date.
    const order = (eo: string) => hoverAt(`C O N F I D E N T I A L NOWHERE 000017\n\nE.|O. ${eo}: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: HARBOR\n`);
    assert.match(order('12065'), /\nDates: effective 1978-12-01\n/);
    assert.match(order('11652'), /\nDates: superseded 1978-12-01 by E\.O\. 12065\n/);
    assert.doesNotMatch(order('12958'), /Effective:/);
  });

  it('explains a continuation-page line and an old printout page header', () => {
    const text = ['CONFIDENTIAL NOWHERE 000042', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. (C) Text.', 'NOWHERE 00000042 002 OF 003', '', '2. (C) More text.', 'PAGE 03        NOWHERE   00042  161435Z', '3. (C) Last text.', ''].join('\n');
    const page = hoverAt(text.replace('00000042 002', '00000042 0|02'));
    assert.match(page, /^\*\*Continuation page\*\*\n\nPage 2 of 3 of NOWHERE 42\.\n/);
    // The page is the part before the dot ("001.4" is page 1): the suffix is no page number, and what it counts is not established.
    const suffixed = hoverAt(text.replace('00000042 002 OF 003', '00000042 00|1.4 OF 003'));
    assert.match(suffixed, /^\*\*Continuation page\*\*\n\nPage 1 of 3 of NOWHERE 42\.\n\nThe suffix \.4 after the page number is not part of it; what it counts is not established \(unverified\)\.\n/);
    // A page line a scan damaged: the numbers it reads, a letter O as 0, and one the damage hid.
    assert.match(hoverAt(text.replace('00000042 002 OF 003', '0000O042 0|02 OF 003')), /^\*\*Continuation page\*\*\n\nPage 2 of 3 of NOWHERE 42\.\n\nIts numbers are damaged: a letter O is read as 0 and l or I as 1, and a number the damage left unreadable is not checked\.\n/);
    assert.match(hoverAt(text.replace('00000042 002 OF 003', '0000#042 0|02 OF 003')), /^\*\*Continuation page\*\*\n\nPage 2 of 3 of NOWHERE unreadable\.\n/);
    const header = hoverAt(text.replace('PAGE 03', 'PA|GE 03'));
    assert.match(header, /^\*\*Printout page header\*\*\n\nPage 3 of a printout of this cable: /);
    assert.match(header, /\n---\n\*Source: corpus analysis of released cables \(Cablegate\)\*$/);
    // The text around it has no such hover.
    assert.doesNotMatch(hoverAt(text.replace('Last text', 'Last te|xt')), /page/i);
    // One after an address keyword in the transmission header ("INFO PAGE 02 …"), where the keyword keeps its own hover.
    const info = ['R 161435Z APR 09', 'FM SECSTATE WASHDC', 'TO AMEMBASSY NOWHERE', 'INFO PAGE 02        STATE   037566  161435Z', 'AMEMBASSY ELSEWHERE', '', 'UNCLAS STATE 037566', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. Text.', ''].join('\n');
    assert.match(hoverAt(info.replace('PAGE 02', 'PAGE |02')), /^\*\*Printout page header\*\*\n\nPage 2 of a printout of this cable: /);
    assert.match(hoverAt(info.replace('INFO PAGE', 'IN|FO PAGE')), /^\*\*INFO: prosign\*\*/);
  });

  it('explains a corrected-copy notice under the banner or above it, with what the line says was corrected', () => {
    const text = (notice: string) => ['CONFIDENTIAL NOWHERE 000042', '', 'SIPDIS', '', notice, '', 'E.O. 12958: DECL: 01/01/2019', 'TAGS: PREL', 'SUBJECT: X', '', '1. (C) Text.', ''].join('\n');
    const spaced = hoverAt(text('C O R R E C T E D C |O P Y (HARBOR TAG)'));
    assert.match(spaced, /^\*\*Corrected copy\*\*\n\n[^\n]*corrected retransmission[^\n]*\n\nWhat was corrected, as the line gives it: HARBOR TAG\.\n/);
    assert.match(spaced, /\n---\n\*Source: corpus analysis of released cables \(Cablegate\)\*$/);
    // The reason between slashes or after a dash is read without them; a notice with none says so.
    assert.match(hoverAt(text('C O R R E C T E D COPY//FERRY LINE///////|///')), /What was corrected, as the line gives it: FERRY LINE\./);
    assert.match(hoverAt(text('CORRECTED COPY -T|EXT')), /What was corrected, as the line gives it: TEXT\./);
    assert.match(hoverAt(text('CORRECTED CO|PY')), /The line does not say what was corrected\./);
    assert.match(hoverAt(text('C O R R E C T COPY - FERRY ADDRESSEES A|DDED')), /What was corrected, as the line gives it: FERRY ADDRESSEES ADDED\./);
    // A notice that says nothing more with what was corrected on the line under it: either line hovers, with both.
    const wrapped = (at: string) => hoverAt(['CONFIDENTIAL NOWHERE 000042', 'C O R R E C T E D COPY', 'MARKING ERROR IN PARAGRAPH 4', '', 'SIPDIS', '', 'TAGS: PREL', 'SUBJECT: X', '', '1. (C) Text.', ''].join('\n').replace(at, at.slice(0, 2) + '|' + at.slice(2)));
    for (const at of ['COPY', 'ERROR']) assert.match(wrapped(at), /What was corrected, as the line under it gives it: MARKING ERROR IN PARAGRAPH 4\./, at);
    // Above the banner, where the parser reads it as a preamble line, too.
    assert.match(hoverAt('C O R R E C T E D C O P Y (ADDED TA|GS)\nCONFIDENTIAL NOWHERE 000042\n\nTAGS: PREL\n'), /^\*\*Corrected copy\*\*[\s\S]*: ADDED TAGS\.\n/);
  });

  it("adds the corpus analysis's note to a caveat's meaning, so that the meaning is not over-read", () => {
    // SIPDIS came in with a December 2005 instruction, but earlier cables carry the word: it dates nothing.
    const sipdis = hoverAt('CONFIDENTIAL NOWHERE 000001\n\nSIP|DIS\n\nE.O. 12958: DECL: 01/01/2014\n');
    assert.match(sipdis, /introduced Dec 2005[\s\S]*\n\nIn the released cables: 78 corpus cables dated before Dec 2005 also contain the word, sometimes mid-sentence; its presence is not a date indicator\.\n/);
    assert.match(sipdis, /\n---\n\*Sources: [\s\S]* · corpus analysis of released cables \(Cablegate\)\*$/);
    // A caveat whose entry has no note keeps its documents alone.
    assert.doesNotMatch(hoverAt('CONFIDENTIAL NOWHERE 000001\n\nNO|DIS\n'), /In the released cables|corpus analysis/);
    // SENSITIVE is the caption of SBU telegrams, sent as UNCLASSIFIED; under a classified banner the hover says that this
    // cable is not one, as the released cables carry the word on classified cables too.
    const sbu = hoverAt('UNCLASSIFIED NOWHERE 000001\n\nSENSI|TIVE\nSIPDIS\n\nE.O. 12958: N/A\n');
    assert.match(sbu, /caption placed on SBU telegrams, which are sent as UNCLASSIFIED/);
    assert.doesNotMatch(sbu, /This cable/);
    const classified = hoverAt('S E C R E T NOWHERE 000001\n\nNOFORN\nSENSI|TIVE\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\n');
    assert.match(classified, /caption placed on SBU telegrams, which are sent as UNCLASSIFIED\n\nThis cable's banner is SECRET, not UNCLASSIFIED: the released cables carry SENSITIVE on CONFIDENTIAL and SECRET cables too \(32 of the 96 that carry it\)\.\n\n---\n\*Sources: [\s\S]* · corpus analysis of released cables \(Cablegate\)\*$/);
  });

  it('explains a caveat the dictionary files under another of its names', () => {
    const caveat = (line: string) => hoverAt(`UNCLASSIFIED NOWHERE 000001\n\n${line}\nSIPDIS\n\nE.O. 12958: N/A\n`);
    // "SENSITIVE BUT UNCLASSIFIED (SBU)" is one entry for both names; "ONLY / EYES ONLY" one for both; FOUO abbreviates FOR OFFICIAL USE ONLY.
    for (const line of ['SENSITIVE BUT UNCLAS|SIFIED', 'S|BU']) assert.match(caveat(line), /needs administrative control and protection from public disclosure/, line);
    assert.match(caveat('EYES O|NLY'), /for the named addressee\(s\) only/);
    assert.match(caveat('FOR OFFICIAL USE O|NLY'), /^\*\*FOR OFFICIAL USE ONLY\*\*\n\nfor official use only \(secondary sources only\)\n/);
    // REL TO with its list, or with TO lost ("SECRET//REL SAU"), is the REL TO control.
    for (const line of ['REL TO USA, G|BR', 'SECRET//REL S|AU']) assert.match(caveat(line), /\n\nauthorized for release to the listed countries\/organizations \(secondary sources only\)\n/, line);
    // A caveat the dictionary has no entry for still says so.
    assert.match(caveat('PRO|PIN'), /meaning not in the dictionary/);
  });

  it("explains each field's keyword, a paragraph's number and the signature, with what this cable gives there", () => {
    const text = 'CONFIDENTIAL NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL, OVIP (ROE, JANE), MT\nSUBJECT: (C) HARBOR DUES\n\nREF: A. NOWHERE 12\nB. STATE 345\n\nClassified By: Ambassador Jane Roe for reasons 1.4 (b) and (d).\n\n¶1. (C) The board met.\n\n¶ 12. Fares rose.\n\nROE\n';
    const at = (needle: string, offset = 1) => {
      const i = text.indexOf(needle) + offset;
      return hoverAt(`${text.slice(0, i)}|${text.slice(i)}`);
    };
    // The person after OVIP is no TAG.
    assert.match(at('TAGS:'), /^\*\*TAGS field\*\*\n\nFiling terms: subject TAGS [\s\S]*\n\nThis cable gives 3 TAGS\.\n\n---\n\*Sources: \[fam\.state\.gov\/FAM\/05FAH03/);
    assert.match(at('SUBJECT:'), /^\*\*SUBJECT field\*\*\n\nThe subject line[\s\S]*\n\nThis subject is marked \(C\)\.\n/);
    assert.match(at('REF:'), /^\*\*REF field\*\*\n\nThe references: [\s\S]*\n\nThis cable gives 2 items: A, B\.\n/);
    assert.match(at('Classified By:'), /^\*\*Classified By\*\*\n\nWho classified the cable[\s\S]*\n\nThis line gives 1\.4 \(b\), \(d\)\.\n/);
    // A classification guide's letters name no section of the order: "This line gives section (b), (d)." misread them.
    const derived = 'CONFIDENTIAL NOWHERE 000001\n\nSUBJECT: HARBOR DUES\nDERIVED FROM: DSCG 05-1 B, D\n\n¶1. (C) The board met.\n';
    assert.match(hoverAt(derived.replace('DERIVED', 'D|ERIVED')), /\n\nThis line gives reasons \(b\), \(d\)\.\n/);
    // Nor do its letters' hovers give a section the line does not write: "Reason 1.4(b)", "Under … sec. 1.4" stated one.
    const letter = hoverAt(derived.replace('05-1 B', '05-1 |B'));
    assert.match(letter, /^\*\*Reason \(b\)\*\*\n\nforeign government information[^\n]*\n\nThe line names no section of the order: this is the letter's meaning if it is read under E\.O\. 12958 as amended by E\.O\. 13292, sec\. 1\.4\.\n/);
    assert.doesNotMatch(letter, /1\.4\(b\)|\nUnder /);
    assert.match(at('¶1.'), /^\*\*Paragraph 1\*\*\n\nThis cable numbers 2 paragraphs\. The handbook asks for a portion marking after every paragraph number\.\n\nMarked \(C\): CONFIDENTIAL\.\n/);
    // The pilcrow artifact ("¶ 12." for 2) is read as the paragraph it stands for, and said to be so.
    assert.match(at('¶ 12.'), /^\*\*Paragraph 2\*\*[\s\S]*It has no portion marking\.\n\nWritten 12, read as 2 \(the release's pilcrow artifact\)\./);
    assert.match(at('ROE\n', 1), /^\*\*Signature ROE\*\*\n\nThe signature: usually the chief of mission's surname/);
    // Words of the fields and of the paragraphs are not their keywords.
    assert.equal(at('HARBOR DUES'), '');
    assert.equal(at('The board'), '');
    assert.equal(at('Ambassador'), '');
  });

  it('explains a handling notice written in the text, wrapped or not', () => {
    const text = 'UNCLASSIFIED NOWHERE 000001\n\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n1. (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR INTERNET\nDISTRIBUTION. Other words.\n';
    const at = (needle: string, offset: number) => {
      const i = text.indexOf(needle) + offset;
      return hoverAt(`${text.slice(0, i)}|${text.slice(i)}`);
    };
    assert.match(at('SENSITIVE BUT UNCLASSIFIED - ', 3), /^\*\*SENSITIVE BUT UNCLASSIFIED\*\*\n\nnot classified for national security[\s\S]*Written as a handling notice in the text/);
    assert.match(at('SENSITIVE BUT UNCLASSIFIED AND', 10), /^\*\*SENSITIVE BUT UNCLASSIFIED\*\*/);
    // The words wrapped over two lines are one notice, hovered on either line; its meaning is unverified and says so.
    for (const [needle, offset] of [['INTERNET', 2], ['DISTRIBUTION.', 4]] as const) {
      assert.match(at(needle, offset), /^\*\*NOT FOR INTERNET DISTRIBUTION\*\*\n\nobserved handling phrase on SBU cables \(no definition in sources read\) \(unverified\)/, needle);
    }
    // Words around the notice, and the paragraph's own marking, are not it.
    assert.equal(at('PLEASE PROTECT', 2), '');
    assert.equal(at('Other words', 2), '');
    assert.match(at('(U) THIS', 1), /^\*\*Portion marking \(U\)\*\*/);
  });

  it('shows the dictionary station and this cable pairing of a routing indicator', () => {
    assert.match(hoverAt(inValletta('RUEHC/', 2)), /Station \(dictionary\): SECSTATE WASHDC[\s\S]*This cable's TO line pairs it with: SECSTATE WASHDC/);
    assert.match(hoverAt(inValletta('SECSTATE WASHDC PRIORITY', 3)), /paired with RUEHC in this cable/);
    assert.match(hoverAt(inValletta('RUEHRO/', 2)), /This cable's INFO line pairs it with: AMEMBASSY ROME/);
    // On the DE line the indicator is the sending station: an addressee line naming it is said to be that line, not the sender.
    const relayed = VALLETTA.replace('INFO RUEHRO/AMEMBASSY ROME', 'INFO RUEHVT/USDAO VALLETTA MT').replace('DE RUEHVT', 'DE RUEH|VT');
    assert.match(hoverAt(relayed), /This cable's INFO line pairs it with: USDAO VALLETTA MT/);
  });

  it("cites the routing indicator's letter structure to its document, beside the entry's source", () => {
    // "R: tape-relay network; U: United States" is FORMAT.md's [TPUB4] fact; the hover cited the entry's corpus cables alone.
    const ri = hoverAt(inValletta('RUEHC/', 2));
    assert.match(ri, /- R: tape-relay network; U: United States\n/);
    assert.match(ri.slice(ri.indexOf('\n---\n')), /^\n---\n\*Sources: corpus analysis of released cables \(Cablegate\): [^*]* · \[tpub\.com\/incco\/4\.htm\]\(http:\/\/www\.tpub\.com\/incco\/4\.htm\) — routing indicators, format line 1\*$/);
  });

  it('calls a pairing the corpus has seen a pairing, not a disagreement with the dictionary', () => {
    // RUEKJCS: "SECDEF WASHDC" first, "SECDEF WASHINGTON DC" and "JOINT STAFF WASHDC" seen with it too (routing-indicators.tsv).
    const at = (line: string) => hoverAt(withAddressLine(line).replace('TO RUEKJCS', 'TO RUEK|JCS'));
    const variant = at('TO RUEKJCS/SECDEF WASHINGTON DC');
    assert.match(variant, /Address \(dictionary\): SECDEF WASHDC, the one the headers of the released cables pair it with most often, 173 of \d+ times[\s\S]*This cable's TO line pairs it with: SECDEF WASHINGTON DC[\s\S]*The corpus analysis saw it with this address too, 169 times in the headers of the released cables it read \(this cable's own line may be one of them\)\./);
    assert.doesNotMatch(variant, /disagree/);
    assert.match(at('TO RUEKJCS/JOINT  STAFF WASHDC'), /The corpus analysis saw it with this address too, 87 times in the headers of the released cables it read \(this cable's own line may be one of them\)\./);
    assert.doesNotMatch(at('TO RUEKJCS/SECDEF WASHDC'), /disagree|with this address too/);
    // An address never seen with the indicator is still a disagreement.
    assert.match(at('TO RUEKJCS/AMEMBASSY NOWHERE'), /The dictionary and this cable disagree; both are shown\./);
  });

  it('gives an indicator that the released cables pair with many addresses its most seen ones, not a station', () => {
    // RHMFISS (routing-indicators.tsv): CDR USCENTCOM MACDILL AFB FL 54 times, HQ USEUCOM VAIHINGEN GE 53, … of 486.
    const shared = hoverAt(withAddressLine('TO RHMFISS/HQ USEUCOM VAIHINGEN GE').replace('TO RHMFISS', 'TO RHMF|ISS'));
    assert.match(shared, /- Address \(dictionary\): CDR USCENTCOM MACDILL AFB FL, the one the headers of the released cables pair it with most often, 54 of \d+ times\n- They pair it with \d+ different addresses as written \(spelling variants among them\); next most often: HQ USEUCOM VAIHINGEN GE \(53\), HQ USCENTCOM MACDILL AFB FL \(41\)\n- This cable's TO line pairs it with: HQ USEUCOM VAIHINGEN GE\n- The corpus analysis saw it with this address too, 53 times/);
    assert.doesNotMatch(shared, /Station/);
    // An indicator the released cables pair with one address nearly always keeps its station.
    assert.match(hoverAt(inValletta('RUEHC/', 2)), /- Station \(dictionary\): SECSTATE WASHDC\n/);
  });

  it('tells a pairing the corpus analysis saw once as possibly this cable\'s own, not as another cable\'s', () => {
    // RUEHC with "DEPT OF AGRICULTURE WASHINGTON DC": seen once (routing-indicators.tsv), which the reference does not place.
    const once = hoverAt(withAddressLine('TO RUEHC/DEPT OF AGRICULTURE WASHINGTON DC').replace('TO RUEHC', 'TO RUE|HC'));
    assert.match(once, /This cable's TO line pairs it with: DEPT OF AGRICULTURE WASHINGTON DC\n- The corpus analysis saw it with this address too, once in the headers of the released cables it read: that may be this cable's own line\./);
    assert.doesNotMatch(once, /1 time|pairs it with this address too/);
    // The sources line still names the corpus analysis the count comes from.
    assert.match(once, /Sources?: corpus analysis of released cables \(Cablegate\)/);
  });

  it('pairs an addressee\'s routing indicator with its own address when the cable names the indicator twice', () => {
    // RUEKJCS under TO with "SECDEF WASHDC", then under INFO with "JOINT STAFF WASHDC": the second is its own pairing.
    const text = withAddressLine('TO RUEKJCS/SECDEF WASHDC').replace('INFO RUEHLO/AMEMBASSY LONDON 0001', 'INFO RUEKJCS/JOINT STAFF WASHDC\nRUEHLO/AMEMBASSY LONDON 0001');
    const second = hoverAt(text.replace('INFO RUEKJCS', 'INFO RUEK|JCS'));
    assert.match(second, /This cable's INFO line pairs it with: JOINT STAFF WASHDC[\s\S]*The corpus analysis saw it with this address too, 87 times in the headers of the released cables it read \(this cable's own line may be one of them\)\./);
    assert.doesNotMatch(second, /pairs it with: SECDEF/);
    assert.match(hoverAt(text.replace('TO RUEKJCS', 'TO RUEK|JCS')), /This cable's TO line pairs it with: SECDEF WASHDC/);
    // On format line 2, which is no addressee's, both lines' pairings, each with what the corpus says of it.
    const routed = hoverAt(text.replace('PP RUEHWEB', 'PP RUEK|JCS'));
    assert.match(routed, /- This cable's TO line pairs it with: SECDEF WASHDC\n- This cable's INFO line pairs it with: JOINT STAFF WASHDC\n- The corpus analysis saw it with this address too, 87 times in the headers of the released cables it read \(this cable's own line may be one of them\)\./);
    // One address on two lines is one pairing.
    const twice = text.replace('INFO RUEKJCS/JOINT STAFF WASHDC', 'INFO RUEKJCS/SECDEF  WASHDC').replace('PP RUEHWEB', 'PP RUEK|JCS');
    assert.equal((hoverAt(twice).match(/pairs it with:/g) ?? []).length, 1);
  });

  it('explains an INFO whose line a printout\'s page header fills', () => {
    const text = ['R 161435Z APR 09', 'FM SECSTATE WASHDC', 'TO AMEMBASSY NOWHERE', 'IN|FO PAGE 02        STATE   037566  161435Z', 'AMEMBASSY ELSEWHERE', '', 'UNCLAS STATE 037566', '', 'TAGS: PREL', 'SUBJECT: X', ''].join('\n');
    assert.match(hoverAt(text), /INFO: prosign[\s\S]*information addressees/);
  });

  it('says so when a routing indicator has no plain-language address in the dictionary', () => {
    const text = hoverAt(withAddressLine('TO RUEHC/SECSTATE WASHDC 0001').replace('PP RUEHWEB', 'PP RUEH|WEB'));
    assert.match(text, /In the dictionary with no plain-language address \(format-line-2 routing only\)/);
    assert.doesNotMatch(text, /Station \(dictionary\): \n/);
  });

  it('spells out portion markings and reasons', () => {
    assert.match(hoverAt(inValletta('S/NF) Director', 0)), /SECRET, NOFORN: not releasable to foreign nationals/);
    // A release list is explained as NOFORN is, with TO written or lost ("(C/Rel Aus)").
    const released = (marking: string) => hoverAt(`CONFIDENTIAL NOWHERE 000001\n\nSUBJECT: HARBOR\n\n¶1. (|${marking}) The board met.\n`);
    // Spelt out with its TO, as the reference names the control: "CONFIDENTIAL, REL USA, AUS" read as three controls.
    assert.match(released('C/Rel Aus'), /\n\nCONFIDENTIAL, REL TO AUS\n\nREL TO AUS: authorized for release to the listed countries\/organizations \(secondary sources only\)\.\n/);
    assert.match(released('C//REL TO USA, AUS'), /\n\nCONFIDENTIAL, REL TO USA, AUS\n\nREL TO USA, AUS: authorized for release to the listed countries\/organizations \(secondary sources only\)\.\n/);
    assert.doesNotMatch(released('C/NF'), /authorized for release/);
    assert.match(hoverAt(inValletta('(b) and (d).', 1)), /Reason 1\.4\(b\)[\s\S]*foreign government information/);
    // On the parenthesis before the letter too, as on the one after it.
    assert.match(hoverAt(inValletta('(b) and (d).', 0)), /Reason 1\.4\(b\)[\s\S]*foreign government information/);
    assert.match(hoverAt(inValletta('(b) and (d).', 8)), /Reason 1\.4\(d\)/);
    // A line that wraps between the "(" and its letter: the "(" ending the line above hovers the letter below.
    const wrapped = (caretLine: string, next: string) => hoverAt(`CONFIDENTIAL NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR\n\n${caretLine}\n${next}\n\n¶1. (C) The board met.\n`);
    assert.match(wrapped('Classified By: Jane Roe for reasons 1.4 (b) and |(', 'd).'), /Reason 1\.4\(d\)/);
    assert.match(wrapped('Classified By: Jane Roe for reasons 1.4 (b) and |( ', 'D)'), /Reason 1\.4\(d\)/);
    // A "(" not right before a letter, on the same line or the next, is no reason's.
    assert.doesNotMatch(wrapped('Classified By: Jane Roe (acting) |(for reasons', '1.4 (b) and (d).'), /Reason/);
    // The section number before the letters says which order's list they are read in.
    const section = (line: string) => hoverAt(`CONFIDENTIAL NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR\n\n${line}\n\n¶1. (C) The board met.\n`);
    assert.match(section('Classified By: Jane Roe for reasons 1|.4 (b) and (d).'), /^\*\*Section 1\.4\*\*\n\nThe section of the classification order that lists the reasons for classifying: E\.O\. 12958 as amended by E\.O\. 13292, sec\. 1\.4\.\n\nThis line gives 2 reasons under sec\. 1\.4: \(b\), \(d\);/);
    assert.match(section('Classified By: Jane Roe, reason |1.5 (d).'), /^\*\*Section 1\.5\*\*\n\n[^\n]*E\.O\. 12958 \(1995\), sec\. 1\.5\.\n\nThis line gives 1 reason under sec\. 1\.5: \(d\);/);
    assert.match(hoverAt(inValletta('06/03/2019', 1)), /Declassify on 3 June 2019\.\n\n10 years after the cable/);
    // The span in whole years and months, either way: "-1 years after the cable" was shown for a date six months before it.
    const declOn = (value: string) => hoverAt(inValletta('06/03/2019', 1).replace('0|6/03/2019', value));
    assert.match(declOn('1|2/03/2008'), /6 months before the cable \(the default is 10 years\)\./);
    assert.match(declOn('1|2/04/2019'), /10 years and 6 months after the cable/);
    assert.match(declOn('0|6/20/2009'), /Less than a month after the cable/);
  });

  it('explains a marking that opens an item, a line or a sub-title inside the text as a paragraph\'s', () => {
    const cable = (body: string) => `S E C R E T NOWHERE 000007\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Two requests:\n\n${body}\n\n¶2. (U) Two.\nSMITH\n`;
    const paragraph = hoverAt(cable('¶A. (S/NF) Patrols.').replace('¶1. (', '¶1. (|'));
    // A marking past an invisible character (CBL035 reports it) is explained as it is without one.
    for (const body of ['¶A. (|S/NF) Patrols.', '(S/N|F) Response: agreed.', '-- (S|/NF) The minister left.', '1) (|S/NF) A point.', '\u200B(S/N|F) Response: agreed.', '-- \u2060(S|/NF) The minister left.']) {
      const text = hoverAt(cable(body));
      assert.match(text, /^\*\*Portion marking \(S\/NF\)\*\*[\s\S]*SECRET, NOFORN: not releasable to foreign nationals/, body);
      // The same explanation as a paragraph's, with the same sources.
      assert.equal(text.split('\n').slice(1).join('\n'), hoverAt(cable(body.replace('|', '')).replace('¶1. (C)', '¶1. (|S/NF)')).split('\n').slice(1).join('\n'), body);
    }
    assert.match(paragraph, /CONFIDENTIAL/);
    assert.equal(hoverAt(cable('¶A. (S/NF) Patrols.').replace('¶1. (', '¶1. \u200B(|')), paragraph);
    assert.match(hoverAt(cable('(S|BU) Key Elements of the Law\n----------------------------')), /SENSITIVE BUT UNCLASSIFIED/);
    assert.match(hoverAt(cable('-- (S/NOF|RN) A point.')), /SECRET, NOFRN[\s\S]*This spelling is not a known form\. `NOFRN` may be NOFORN misspelt\./);
    assert.match(hoverAt(cable('-- (S/NOF|RN/XYZ) A point.')), /This spelling is not a known form\.\n/);
    // A list's "(c)" and a parenthesis in the middle of a line are prose.
    assert.equal(hoverAt(cable('the port and the\n(|c) sense that it is safe.')), '');
    assert.equal(hoverAt(cable('The port, and (|S) a point.')), '');
  });

  it('resolves a REF item to a workspace cable', () => {
    const text = hoverAt(inValletta('VALLETTA 388', 2), {
      dictionaries,
      lookupCable: (id: string) => (id === '09VALLETTA388' ? { uri: 'file:///a', id, subject: 'AN EARLIER CABLE', dtg: '2009-05-20', classification: 'CONFIDENTIAL', tags: [], refs: [] } : undefined),
    } as never);
    assert.match(text, /\*\*AN EARLIER CABLE\*\*\n\n20 May 2009 · CONFIDENTIAL$/);
    // The index's DTG, as a reader of cables writes it; a date it cannot read is shown as it is.
    const dated = (dtg: string) => hoverAt(inValletta('VALLETTA 388', 2), { dictionaries, lookupCable: (id: string) => ({ uri: 'file:///a', id, subject: 'X', dtg, classification: 'CONFIDENTIAL', tags: [], refs: [] }) } as never);
    assert.match(dated('2009-05-20T09:00:00Z'), /\n\n20 May 2009, 0900Z · CONFIDENTIAL$/);
    assert.match(dated('2009-13-20T09:00:00Z'), /\n\n2009-13-20T09:00:00Z · CONFIDENTIAL$/);
    // A workspace cable with no date: no stray separator before its classification.
    const undated = hoverAt(inValletta('VALLETTA 388', 2), { dictionaries, lookupCable: (id: string) => ({ uri: 'file:///a', id, subject: 'AN UNDATED CABLE', classification: 'UNCLASSIFIED', tags: [], refs: [] }) } as never);
    assert.match(undated, /\*\*AN UNDATED CABLE\*\*\n\nUNCLASSIFIED/);
  });

  it('says a REF citation\'s serial with a letter for a digit is read as the serial meant', () => {
    // "VALLETTA 3O8": the letter O for 0, as CBL052 reports it; the cable is 09VALLETTA308.
    assert.match(hoverAt(inValletta('VALLETTA 388', 2).replace('LLETTA 388', 'LLETTA 3O8')), /^Cable 09VALLETTA308\n\nThe serial `3O8` is read as 308, a letter typed or scanned for a digit\.\n\nThe citation gives no year/m);
    assert.doesNotMatch(hoverAt(inValletta('VALLETTA 388', 2)), /The serial/);
    // A year so written, in a canonical id with a serial so written: both are named.
    assert.match(hoverAt(inValletta('VALLETTA 388', 2).replace(/(\S*)LLETTA 388/, 'O9$1LLETTA3O8')), /^Cable 09VALLETTA308\n\nThe year `O9` is read as 09, a letter typed or scanned for a digit\.\n\nThe serial `3O8` is read as 308, /m);
  });

  it('says where the year of a REF citation that gives none comes from', () => {
    // VALLETTA 412 of 2009 cites "VALLETTA 388": this cable's year.
    assert.match(hoverAt(inValletta('VALLETTA 388', 2)), /^Cable 09VALLETTA388\n\nThe citation gives no year: read as 2009, this cable's year\.\n\nNot in this workspace\.$/m);
    // While the workspace index is still being built, a cable it has not found may be one it has yet to read.
    assert.match(hoverAt(inValletta('VALLETTA 388', 2), { dictionaries, lookupCable: () => undefined, indexBuilding: true }), /\n\nNot in the workspace index yet: the workspace is still being read\.$/);
    // "VALLETTA 2950" is above this cable's own serial, 412: the post's numbering began again in January, so it is the year before.
    const higher = VALLETTA.replace('REF: A. VALLETTA 388', 'REF: A. VALLETTA 2950');
    const at = higher.indexOf('VALLETTA 2950') + 2;
    assert.match(hoverAt(higher.slice(0, at) + '|' + higher.slice(at)), /Cable 08VALLETTA2950\n\nThe citation gives no year: read as 2008, the year before this cable's, since it names this cable's post with a number above this cable's serial\./);
    // "STATE 203879" cited on 3 June: no post has numbered that many cables of a year by then.
    const busy = VALLETTA.replace('REF: A. VALLETTA 388', 'REF: A. STATE 203879');
    const atBusy = busy.indexOf('STATE 203879') + 2;
    assert.match(hoverAt(busy.slice(0, atBusy) + '|' + busy.slice(atBusy)), /Cable 08STATE203879\n\nThe citation gives no year: read as 2008, the year before this cable's, since no post has numbered 203,879 cables of a year by 3 June \(the Department, the busiest sender, numbers a few hundred a day\)\./);
    // A citation that gives its year needs no such note.
    const dated = VALLETTA.replace('REF: A. VALLETTA 388', 'REF: A. 08 VALLETTA 388');
    const atDated = dated.indexOf('VALLETTA 388') + 2;
    assert.doesNotMatch(hoverAt(dated.slice(0, atDated) + '|' + dated.slice(atDated)), /gives no year/);
  });

  describe('on in-text references', () => {
    const REFS = 'A. STATE 1111 B. 09 NOWHERE 22 (NOTAL) C. EMBASSY MEMO OF MAY 3';
    const BODY = '1. (C) As refs A and B say, the ferry (ref C) runs.\n2. (U) Fares rise in May, the harbor board said.\n3. (U) See paras 1-2, paragraph 2 and para 7.\n4. (U) Fourth: REF B agrees.';
    const cable = (body = BODY, refs = REFS) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\nREF: ${refs}\n\nClassified By: Someone for reasons 1.4 (b) and (d).\n\n${body}\n`;
    // The workspace knows 09NOWHERE22, the cable REF B cites; this cable's id comes from its file name.
    const lookupCable = (id: string) => (id === '09NOWHERE22' ? { uri: 'file:///w/09NOWHERE22.cable', id, subject: 'FERRY *FARES*', dtg: '2009-05-20', classification: 'CONFIDENTIAL', tags: [], refs: [] } : undefined);
    /** The hover at the `|` caret, "line:start-end" of its range then its text, or '' for none. */
    const at = (textWithCaret: string, plainText = false) => {
      const c = caret(textWithCaret);
      const h = getHover(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries, citingId: '09NOWHERE1', lookupCable, plainText });
      if (!h) return '';
      assert.equal((h.contents as MarkupContent).kind, plainText ? 'plaintext' : 'markdown');
      return `${h.range!.start.line}:${h.range!.start.character}-${h.range!.end.character}\n${(h.contents as MarkupContent).value}`;
    };
    const REF_B = 'REF B\n\nREF field: B. 09 NOWHERE 22 (NOTAL)\n\nCable 09NOWHERE22';

    it('shows the REF item "ref B" names, as the REF field writes it, with the cable the index knows, over the keyword and the letter', () => {
      assert.equal(at(cable(BODY.replace('REF B', 'R|EF B'))), `13:15-20\n**REF B**\n\nREF field: B. 09 NOWHERE 22 (NOTAL)\n\nCable 09NOWHERE22\n\n**FERRY \\*FARES\\***\n\n20 May 2009 · CONFIDENTIAL`);
      assert.equal(at(cable(BODY.replace('REF B', 'REF |B')), true), `13:15-20\n${REF_B}\n\nFERRY *FARES*\n\n20 May 2009 · CONFIDENTIAL`);
      // What it says of the cable is what the item's own hover in the REF field says.
      const field = at(cable().replace('B. 09 NOWHERE', 'B. 09 NOWH|ERE'));
      assert.equal(field.split('\n').slice(1).join('\n'), `**REF B**\n\nCable 09NOWHERE22\n\n**FERRY \\*FARES\\***\n\n20 May 2009 · CONFIDENTIAL`);
      assert.ok(at(cable(BODY.replace('REF B', 'REF |B'))).endsWith(field.slice(field.indexOf('Cable 09NOWHERE22'))));
    });

    it('shows each letter of "refs A and B" on the letter alone, and "(ref C)" and "reftel" over their words', () => {
      assert.equal(at(cable(BODY.replace('refs A', 'refs |A')), true), '10:15-16\nREF A\n\nREF field: A. STATE 1111\n\nCable 09STATE1111\n\nThe citation gives no year: read as 2009, this cable\'s year.\n\nNot in this workspace.');
      assert.equal(at(cable(BODY.replace('and B', 'and |B')), true), `10:21-22\n${REF_B}\n\nFERRY *FARES*\n\n20 May 2009 · CONFIDENTIAL`);
      // "refs" names both letters: a hover there would read as if it meant A alone.
      assert.equal(at(cable(BODY.replace('refs A', 're|fs A'))), '');
      assert.equal(at(cable(BODY.replace('ref C', 'r|ef C'))), '10:39-44\n**REF C**\n\nREF field: C. EMBASSY MEMO OF MAY 3');
      assert.equal(at(cable('1. (C) As re|ftel says.', '09 STATE 1111 (EXDIS)')), '10:10-16\n**REF**\n\nREF field: 09 STATE 1111 (EXDIS)\n\nCable 09STATE1111\n\nNot in this workspace.');
    });

    it('shows the REF item of a letter written twice ("¶B. (B) …") on either letter, and writes both in an in-text reference\'s hover', () => {
      const twice = 'A. (A) STATE 1111\n¶B. (B) 09 NOWHERE 22 (NOTAL)';
      const item = `**REF B**\n\nCable 09NOWHERE22\n\n**FERRY \\*FARES\\***\n\n20 May 2009 · CONFIDENTIAL`;
      assert.equal(at(cable(BODY, twice.replace('¶B.', '¶|B.'))), `7:0-29\n${item}`);
      assert.equal(at(cable(BODY, twice.replace('(B)', '(|B)'))), `7:0-29\n${item}`);
      assert.equal(at(cable(BODY.replace('REF B', 'REF |B'), twice), true), '14:15-20\nREF B\n\nREF field: ¶B. (B) 09 NOWHERE 22 (NOTAL)\n\nCable 09NOWHERE22\n\nFERRY *FARES*\n\n20 May 2009 · CONFIDENTIAL');
    });

    it('shows the paragraph "para 2" names: its marker, marking and first words as completion writes them, and its line', () => {
      const two = 'Paragraph 2\n\n2. (U) Fares rise in May, the harbor board…\n\nStarts on line 12.';
      assert.equal(at(cable(BODY.replace('paragraph 2', 'paragr|aph 2')), true), `12:22-33\n${two}`);
      assert.equal(at(cable(BODY.replace('paras 1-2', 'paras 1-|2')), true), `12:19-20\n${two}`);
      // The words completion shows beside the number after "para ".
      assert.equal(completionItemsAt(cable(BODY.replace('para 7', 'para |'))).find((i) => i.label === '2')?.detail, '(U) Fares rise in May, the harbor board…');
      assert.equal(at(cable(BODY.replace('paras 1', 'paras |1'))), '12:17-18\n**Paragraph 1**\n\n1. (C) As refs A and B say, the ferry (ref…\n\nStarts on line 11.');
      assert.equal(at(cable(BODY.replace('paras 1', 'pa|ras 1'))), '');
      assert.equal(at(cable('1. (C) Ferries.\n¶ 12. (U) Fares rise in May. See para |2.')), '11:33-39\n**Paragraph 2**\n\n¶ 12. (U) Fares rise in May. See para 2.\n\nWritten 12, read as 2 (the release\'s pilcrow artifact).\n\nStarts on line 12.');
    });

    it('says in one line that a reference names nothing in the cable', () => {
      assert.equal(at(cable(BODY.replace('para 7', 'para |7'))), '12:38-44\nNo paragraph 7 in this cable.');
      assert.equal(at(cable(BODY.replace('para 7', 'para |7')), true), '12:38-44\nNo paragraph 7 in this cable.');
      assert.equal(at(cable('1. (C) See ref |D.')), '10:11-16\nNo REF item D in this cable.');
      assert.equal(at(cable('1. (C) See re|ftel.')), '10:11-17\nNo single REF item: the REF field has 3, and no letter says which.');
    });

    it('says so on every reference CBL045 reports, and on none that the text does not read as a reference', () => {
      /** Each CBL045 finding's text, then the hover on its letter or number (the list's item), its first line. */
      const reported = (text: string) => {
        const c = parseCable(text).cable;
        const found: string[] = [];
        cbl045.check(c, ({ range }) => {
          const ref = findInTextReferences(c).find((r) => r.range.start.line === range.start.line && r.range.start.character === range.start.character)!;
          const h = getHover(c, (ref.nameRange ?? ref.range).start, { dictionaries });
          found.push(`${c.lines[range.start.line].slice(range.start.character, range.end.character)}: ${h ? (h.contents as MarkupContent).value.split('\n')[0] : 'no hover'}`);
        }, {});
        return found;
      };
      const TWO = 'A. STATE 1111\nB. PARIS 22';
      // A letter past the items, in lower case, in a list (first or not), a range, "reftel D", split over two lines.
      assert.deepEqual(reported(cable('1. (C) See ref d, refs D and A, refs A, C, E, refs A-C, and reftel F.', TWO)), [
        'ref d: No REF item D in this cable.',
        'refs D: No REF item D in this cable.',
        'C: No REF item C in this cable.',
        'E: No REF item E in this cable.',
        'C: No REF item C in this cable.',
        'reftel F: No REF item F in this cable.',
      ]);
      assert.deepEqual(reported(cable('1. (C) As noted (Ref\nD) and refs a and\nc, the minister left.', TWO)), ['D: No REF item D in this cable.', 'c: No REF item C in this cable.']);
      // Items without letters: the letters count them.
      assert.deepEqual(reported(cable('1. (C) As ref C says.', 'STATE 1111; PARIS 22')), ['ref C: No REF item C in this cable.']);
      assert.deepEqual(reported(cable('1. (C) As paras 1 and 4 say.\n2. (U) Text.\nSMITH')), ['4: No paragraph 4 in this cable.']);
      // What CBL045 leaves alone still says so on hover: "reftel" under several items, a letter with no REF field.
      assert.deepEqual(reported(cable('1. (C) As reftel says.')), []);
      assert.equal(at(cable('1. (C) As ref |D says.').replace(/\nREF: .*\n/, '\n')), '9:10-15\nNo REF item D in this cable.');
      // A letter past H that no REF item has ("ref K", "ref L") is no reference: no link, no CBL045 and no hover.
      assert.deepEqual(reported(cable('1. (C) As ref K says.')), []);
      assert.equal(at(cable('1. (C) As ref |K says.')), '');
      assert.match(at(cable('1. (C) As ref |K says.', 'A. STATE 1111\nK. PARIS 22')), /^11:10-15\n\*\*REF K\*\*/);
    });

    it('shows nothing in plain prose, and the portion marking right before a reference keeps its hover', () => {
      assert.equal(at(cable(BODY.replace('Fares', 'Fa|res'))), '');
      assert.equal(at(cable(BODY.replace('harbor', 'harb|or'))), '');
      assert.match(at(cable('¶1. (C)|Ref A says so.')), /^10:4-7\n\*\*Portion marking \(C\)\*\*/);
      assert.match(at(cable('¶1. (C)R|ef A says so.')), /^10:7-12\n\*\*REF A\*\*\n\nREF field: A\. STATE 1111\n/);
    });

    it("says nothing of a subject's parenthesis of prose ('(S-300)'), and names the marking of one that is ('(TS)')", () => {
      // "(S-300)" hovered as "Portion marking (S-300)", "SECRET, 300".
      assert.equal(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: (S-3|00) MISSILES FOR THE HARBOR\n\n¶1. (C) Text.\n'), '');
      assert.match(hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: (T|S) TEMPORARY MOORINGS\n\n¶1. (C) Text.\n'), /^\*\*Portion marking \(TS\)\*\*\n\nTOP SECRET/);
      // In a copy in small letters the subject's "(c)" is its marking, as the paragraphs' "(c)" are: a subject opens with no list.
      assert.match(hoverAt('c o n f i d e n t i a l nowhere 000001\n\ntags: prel\nsubject: (|c) harbor dues\n\n1. (c) text.\n'), /^\*\*Portion marking \(c\)\*\*\n\nCONFIDENTIAL/);
    });
  });

  it('puts each line of a hover in a paragraph or list item of its own, which Markdown does not run together', () => {
    // Markdown joins lines that only a single line break separates into one paragraph: "3 June 2009, 1322Z Wednesday, …".
    // Consecutive list items and the line after a rule ("---" after an empty line) stand apart.
    const runTogether = (value: string) =>
      value.split('\n').flatMap((line, i, all) => (i > 0 && line.trim() !== '' && all[i - 1].trim() !== '' && !(line.startsWith('- ') && all[i - 1].startsWith('- ')) && all[i - 1] !== '---' ? [`${all[i - 1]} ⏎ ${line}`] : []));
    const lookupCable = (id: string) => ({ uri: 'file:///a', id, subject: 'AN EARLIER CABLE', dtg: '2009-05-20', classification: 'CONFIDENTIAL', tags: [], refs: [] });
    const hovers = {
      dtg: hoverAt(inValletta('031322Z', 2)),
      address: hoverAt(inValletta('SECSTATE WASHDC PRIORITY', 3)),
      precedence: hoverAt(inValletta('PRIORITY 3187', 2)),
      de: hoverAt(inValletta('#0412', 1)),
      security: hoverAt(inValletta('SSSSS', 1)),
      securityCode: hoverAt(inValletta('ZZH', 1)),
      prosign: hoverAt(inValletta('DE RUEH', 1)),
      banner: hoverAt(inValletta('VALLETTA 000412', 2)),
      routing: hoverAt(inValletta('RUEHC/', 2)),
      marking: hoverAt(inValletta('S/NF) Director', 0)),
      reason: hoverAt(inValletta('(b) and (d).', 1)),
      decl: hoverAt(inValletta('06/03/2019', 1)),
      ref: hoverAt(inValletta('VALLETTA 388', 2), { dictionaries, lookupCable } as never),
      order: hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 12|958: DECL: 01/01/2019\n'),
      tag: hoverAt(inValletta('PREL PGOV', 1)),
    };
    for (const [name, value] of Object.entries(hovers)) {
      assert.notEqual(value, '', name);
      assert.deepEqual(runTogether(value), [], name);
    }
    assert.match(hovers.dtg, /3 June 2009, 1322Z\n\nWednesday, day 154/);
    // The number after the precedence is not called a serial: what it counts is not established, as its own hover says.
    assert.match(hovers.address, /in this cable\.\n\nPrecedence: PRIORITY\.\n\nNumber after the precedence: 3187; what it counts is not established \(unverified\)\./);
    assert.doesNotMatch(hovers.address, /Serial/);
  });

  it('explains the number after an addressee, which the dictionary does not establish', () => {
    // "TO RUEHC/SECSTATE WASHDC PRIORITY 3187": the number had no hover of its own, though the address's names it.
    const header = 'VZCZCXYZ0000\nRR RUEHWEB\nDE RUEHNW #0007/01 0011200\nZNR UUUUU ZZH\nR 011200Z JAN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 3187\nINFO RUEHFR/AMEMBASSY PARIS 0412-0413\nSECDEF WASHDC 0055\n\nUNCLAS NOWHERE 000007\n';
    const at = (needle: string, offset: number) => hoverAt(header.slice(0, header.indexOf(needle) + offset) + '|' + header.slice(header.indexOf(needle) + offset));
    for (const [needle, offset] of [['3187', 0], ['3187', 4], ['0412-0413', 6], ['0055', 2]] as const) {
      assert.match(at(needle, offset), new RegExp(`^\\*\\*${needle}: address line suffix\\*\\*\\n\\nfour-digit number \\(sometimes a range\\) after the precedence; meaning not established \\(unverified\\)\\.`), needle);
    }
    // The precedence before it keeps its own hover.
    assert.match(at('PRIORITY 3187', 2), /^\*\*PRIORITY\*\*/);
    // The address's hover names the number as after the address where no precedence comes between, and as no serial.
    assert.match(at('AMEMBASSY PARIS', 3), /\n\nNumber after the address: 0412-0413; what it counts is not established \(unverified\)\.$/);
  });

  it('takes entries from user dictionaries, and rejects bad ones with JSON paths', () => {
    const { dictionary, errors } = loadUserDictionary('{"tags":[{"code":"ZZLOCAL","meaning":"A local program"}]}', 'mine.json');
    assert.deepEqual(errors, []);
    const merged = mergeDictionaries(dictionaries, [dictionary!]);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: ZZLO|CAL\n', { dictionaries: merged }), /A local program/);
    // On the field's wrapped line too, where the parser reads it as TAGS: under a line ending with a separator.
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL, PGOV,\nZZLO|CAL KDEM\n', { dictionaries: merged }), /A local program/);
    // Set off by spaces alone, or by commas where the code is longer than five capitals, a user dictionary's code is a
    // known TAG to a parse given the dictionary's codes, as the editor's is: the line is TAGS, and the hover tells of it.
    const userTags = new Set(dictionary!.tags.map((t) => t.code));
    for (const wrapped of ['KDEM ZZLO|CAL', 'KDEM, ZZLO|CAL', 'ZZLO|CAL']) {
      assert.match(hoverAt(`UNCLAS NOWHERE 000001\n\nTAGS: PREL PGOV\n${wrapped}\n`, { dictionaries: merged }, { userTags }), /A local program/, wrapped);
      // A parse without them reads no TAGS there.
      assert.doesNotMatch(hoverAt(`UNCLAS NOWHERE 000001\n\nTAGS: PREL PGOV\n${wrapped}\n`, { dictionaries: merged }), /A local program/, wrapped);
    }
    assert.deepEqual(loadUserDictionary('{"tags":[{"code":7}],"extra":1}', 'bad.json').errors, ['bad.json: /extra is not a known section (tags, routingIndicators)', 'bad.json: /tags/0/code must be a string of 2 to 10 letters']);
    assert.match(loadUserDictionary('{not json', 'broken.json').errors[0], /broken\.json: not valid JSON/);
    // Unknown keys inside an entry, as the schema forbids them: reported, and the entry still loads.
    const extra = loadUserDictionary('{"tags":[{"code":"ZZLOCAL","meaning":"A local program","meanig":"typo"}],"routingIndicators":[{"code":"RUEHZZZ","address":"AMEMBASSY NOWHERE","seen":1}]}', 'extra.json');
    assert.deepEqual(extra.errors, ['extra.json: /tags/0/meanig is not a known key (code, meaning, family)', 'extra.json: /routingIndicators/0/seen is not a known key (code, address)']);
    assert.deepEqual([extra.dictionary!.tags.length, extra.dictionary!.routingIndicators.length], [1, 1]);
  });

  it('names a category by the text before its parenthesis', () => {
    // "Technology and Science (named as one of the subject subtypes)" → "Technology and Science".
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: TZ|ZZ\n'), /TZZZ: subject TAG, category T \(Technology and Science\); meaning/);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nTAGS: SO|CI\n'), /category S \(category name not established from sources\);/);
  });

  it('flags DECL codes whose meaning the dictionary does not establish, and never expands them', () => {
    // "OADR", "GDS" and "DNG" are seen in cables, but what they stand for is not in the sources read.
    const oadr = hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12356: DECL: OA|DR\n');
    assert.match(oadr, /OADR: used with E\.O\. 12356; meaning not established from sources read \(unverified\)\./);
    assert.doesNotMatch(oadr, /Originating Agency/);
    const gds = hoverAt('C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12065: DECL: G|DS\n');
    assert.match(gds, /\(unverified\)/);
    assert.doesNotMatch(gds, /General Declassification Schedule/);
    // "X1" is an exemption from the 10-year default, not from automatic declassification at 25 years.
    const x1 = hoverAt('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: X|1\n');
    assert.match(x1, /10-year default[\s\S]*\(unverified\)/);
    // The meaning, not the source's description of its document ("25-year automatic declassification").
    assert.doesNotMatch(x1.split('\n---\n')[0], /automatic declassification/);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 12958: DECL: N/|A\n'), /N\/A: used on unclassified cables/);
  });

  it('reads a reason letter under the order on the E.O. line, and flags an unverified category', () => {
    const clby = (order: string, letter: string) => `S E C R E T NOWHERE 000001\n\nE.O. ${order}: DECL: 01/01/2020\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Person, reasons 1.4 (|${letter}).\n`;
    const amended = hoverAt(clby('12958', 'h'));
    assert.match(amended, /weapons of mass destruction \(2003 wording not read\) \(unverified\)\.[\s\S]*E\.O\. 12958 as amended/);
    const current = hoverAt(clby('13526', 'h'));
    assert.match(current, /development, production, or use of weapons of mass destruction\.\n/);
    assert.match(current, /Under E\.O\. 13526, sec\. 1\.4\./);
    assert.doesNotMatch(current, /unverified|13292/);
  });

  it('flags a caveat whose meaning the dictionary does not establish', () => {
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nNOT FOR INTERNET DIST|RIBUTION\n\nE.O. 12958: N/A\n'), /\(unverified\)/);
    assert.doesNotMatch(hoverAt('UNCLAS NOWHERE 000001\n\nSIP|DIS\n\nE.O. 12958: N/A\n'), /unverified/);
  });

  it('explains the classification order on the E.O. line, and says so when it is unknown', () => {
    // "E.O. 12958" is the 1995 order, not "E.O. 12958 as amended by E.O. 13292".
    const text = hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 12|958: DECL: 01/01/2019\n');
    assert.match(text, /\*\*E\.O\. 12958\*\*[\s\S]*original 1995 order/);
    assert.doesNotMatch(text, /2003 amendment/);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 13|526: DECL: 01/01/2019\n'), /2009 order that revoked and replaced E\.O\. 12958/);
    assert.match(hoverAt('UNCLAS NOWHERE 000001\n\nE.O. 99|999: DECL: 01/01/2019\n'), /Not a known classification order\./);
  });

  it('names the 2003 amendment of E.O. 12958 for a cable written under it', () => {
    const dated = (dtg: string) => `P ${dtg}\nFM AMEMBASSY NOWHERE\n\nS E C R E T NOWHERE 000001\n\nE.O. 12|958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n`;
    const after = hoverAt(dated('031322Z JUN 09'));
    assert.match(after, /original 1995 order[\s\S]*This cable is dated 3 June 2009, after E\.O\. 13292 amended the order: 2003 amendment; categories renumbered to sec\. 1\.4/);
    // When the amendment took effect is not established: the hover does not say which text governed the cable.
    assert.doesNotMatch(after, /applies|revoked/);
    assert.match(after, /Amendment: signed 2003-03-25/);
    assert.match(after, /virtualbiosecuritycenter\.org/);
    // The day it was signed counts; a cable of the day before, or of 2001, is under the 1995 order alone.
    assert.match(hoverAt(dated('251200Z MAR 03')), /after E\.O\. 13292 amended the order/);
    assert.doesNotMatch(hoverAt(dated('241200Z MAR 03')), /2003 amendment/);
    assert.doesNotMatch(hoverAt(dated('011200Z MAY 01')), /2003 amendment/);
    // Undated (a partial extract): the Classified By line's sec. 1.4 tells the amended order; sec. 1.5 the 1995 one.
    const undated = (section: string) => `S E C R E T NOWHERE 000001\n\nE.O. 12|958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: A. Person, reasons ${section} (b) and (d).\n`;
    assert.match(hoverAt(undated('1.4')), /This cable cites sec\. 1\.4 for its reasons, the numbering of the order as amended by E\.O\. 13292: 2003 amendment/);
    assert.doesNotMatch(hoverAt(undated('1.5')), /2003 amendment/);
    // Another order is left alone.
    assert.doesNotMatch(hoverAt(dated('031322Z JUN 09').replace('12|958', '13|526')), /2003 amendment/);
  });

  it('names E.O. 13526, which revoked E.O. 12958, for a cable dated on or after the day it was signed', () => {
    const dated = (dtg: string) => `P ${dtg}\nFM AMEMBASSY NOWHERE\n\nS E C R E T NOWHERE 000001\n\nE.O. 12|958: DECL: 01/01/2020\nTAGS: PREL\nSUBJECT: X\n`;
    const after = hoverAt(dated('051200Z JAN 10'));
    assert.match(after, /This cable is dated after E\.O\. 13526 was signed: 2009 order that revoked and replaced E\.O\. 12958 and E\.O\. 13292/);
    assert.match(after, /E\.O\. 13526: signed 2009-12-29; .*full effect 2010-06-25/);
    assert.match(hoverAt(dated('291200Z DEC 09')), /E\.O\. 13526 was signed/);
    assert.doesNotMatch(hoverAt(dated('281200Z DEC 09')), /13526/);
  });
});

describe('inlay hints', () => {
  /** The labels of the DE line's hints, with `dicts`, on a header whose station is `station`. */
  const stationHints = (station: string, dicts = dictionaries) => {
    const cable = parseCable(withAddressLine('TO RUEHC/SECSTATE WASHDC 0001').replace('DE RUEHFR', `DE ${station}`)).cable;
    const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    return getInlayHints(cable, range, { dictionaries: dicts, citedCable: () => undefined, refSubjects: true, routingIndicators: true }).map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`);
  };

  it('gives the DE line station the address the dictionaries know, user dictionaries included, and nothing else', () => {
    assert.deepEqual(stationHints('RUEHFR'), ['2:9 AMEMBASSY PARIS']);
    // Not in the built-in dictionary, then in a user dictionary.
    assert.deepEqual(stationHints('RUEHZZZ'), []);
    const { dictionary } = loadUserDictionary('{"routingIndicators":[{"code":"RUEHZZZ","address":"AMEMBASSY NOWHERE"}]}', 'mine.json');
    assert.deepEqual(stationHints('RUEHZZZ', mergeDictionaries(dictionaries, [dictionary!])), ['2:10 AMEMBASSY NOWHERE']);
    // In the dictionary with no plain-language address.
    assert.deepEqual(stationHints('RUEHWEB'), []);
  });

  it('shortens a subject at a word within 40 characters, with an ellipsis', () => {
    assert.equal(shortenSubject('FERRY DUES'), 'FERRY DUES');
    assert.equal(shortenSubject('A'.repeat(40)), 'A'.repeat(40));
    assert.equal(shortenSubject('MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS'), 'MALTESE HARBOR AUTHORITY SEEKS CLOSER…');
    // No space in its second half: cut within the word.
    assert.equal(shortenSubject('B'.repeat(50)), `${'B'.repeat(39)}…`);
    assert.equal(shortenSubject(`SHORT ${'C'.repeat(45)}`), `SHORT ${'C'.repeat(33)}…`);
  });
});

/** The tokens as `line:character text type`, decoded from LSP's relative encoding. */
const tokensOf = (text: string): string[] => {
  const lines = text.split('\n');
  const { data } = getSemanticTokens(parseCable(text).cable);
  return decodeSemanticTokens(data).map(([line, character, length, type, bits]) => {
    const modifiers = SEMANTIC_LEGEND.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0);
    return `${line}:${character} ${lines[line].slice(character, character + length)} ${[SEMANTIC_LEGEND.tokenTypes[type], ...modifiers].join('.')}`;
  });
};

describe('semantic tokens', () => {
  // An invented unclassified cable's metadata and first paragraph, for the heading tests to go on from.
  const HEADED_PARAGRAPH = ['UNCLAS NOWHERE 000125', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'SUBJECT: FERRY DUES', '', '\u00b61. (U) The harbor authority said dues would rise.', ''];

  it('marks the level of a marking ending the subject ("… in the free port (s)"), which the grammar reads as its words', () => {
    const text = ['CONFIDENTIAL NOWHERE 000125', '', 'E.O. 12958: N/A', 'TAGS: PREL', 'Subject: harbor dues rise for foreign', 'vessels in the free port (s)', '', '\u00b61. (C) The harbor authority said dues would rise.', ''].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => t.includes('portionMarking')), ['5:26 s portionMarking.secret']);
  });

  it('marks the level of a marking ending a heading ("BACKGROUND (U)"), which the heading\'s words leave out', () => {
    const text = [...HEADED_PARAGRAPH, 'BACKGROUND (S/NF)', '-----------------', '', '\u00b62. (U) The pier closed.', ''].join('\n');
    const tokens = tokensOf(text);
    assert.deepEqual(tokens.filter((t) => t.startsWith('8:')), ['8:0 BACKGROUND heading', '8:12 S portionMarking.secret', '8:14 NF markingControl']);
  });

  it('marks the level of a paragraph\'s marking split over two lines, in the piece that holds it, whole and by range', () => {
    for (const [split, expected] of [['2. (C\n) The pier.', '10:4 C portionMarking.confidential'], ['2. (\nC) The pier.', '11:0 C portionMarking.confidential']] as const) {
      const text = [...HEADED_PARAGRAPH.slice(0, 6).map((l) => (l === 'UNCLAS NOWHERE 000125' ? 'CONFIDENTIAL NOWHERE 000125' : l)), '\u00b61. (C) The harbor authority said dues would rise.', '', '', '', split, ''].join('\n');
      assert.deepEqual(tokensOf(text).filter((t) => t.includes('portionMarking')), [expected], split);
      // The outline names the paragraph with it, and its first words are those after it.
      const symbols = getDocumentSymbols(parseCable(text).cable).flatMap((s) => [s, ...(s.children ?? [])]);
      assert.ok(symbols.some((s) => s.name === '¶2 (C)' && s.detail === 'The pier.'), JSON.stringify(symbols.map((s) => [s.name, s.detail])));
      const line = Number(expected.slice(0, 2));
      assert.deepEqual(decodeSemanticTokens(getSemanticTokensInRange(parseCable(text).cable, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).data).filter(([, , , type]) => SEMANTIC_LEGEND.tokenTypes[type] === 'portionMarking').map(([l, c]) => `${l}:${c}`), [expected.split(' ')[0]]);
    }
  });

  it('marks both lines of a signature written twice ("HALLORAN" ⏎ "" ⏎ "HALLORAN"), the first of which the grammar colors as a heading', () => {
    const text = [...HEADED_PARAGRAPH, 'HALLORAN ', '', 'HALLORAN', ''].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => t.endsWith(' signature')), ['8:0 HALLORAN signature', '10:0 HALLORAN signature']);
    assert.deepEqual(decodeSemanticTokens(getSemanticTokensInRange(parseCable(text).cable, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }).data).map(([line, character]) => `${line}:${character}`), ['8:0']);
    // Another name above the signature is a line of text.
    assert.deepEqual(tokensOf(text.replace('HALLORAN ', 'QUILL')).filter((t) => t.endsWith(' signature')), ['10:0 HALLORAN signature']);
  });

  it('marks every passing line the parser reads above the E.O. line, wrapped or opening with a post, and no such line below it', () => {
    const text = [
      'UNCLAS NOWHERE 000125',
      '',
      'DEPARTMENT FOR EUR/WE',
      'AND EB',
      'VALLETTA FOR ROE',
      'SIPDIS',
      '',
      'E.O. 12958: N/A',
      'TAGS: PREL',
      'SUBJECT: FERRY DUES',
      '',
      'VALLETTA FOR ROE',
      '',
      '\u00b61. (U) The harbor authority said dues would rise.',
      '',
    ].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => t.endsWith(' passingLine')), ['2:0 DEPARTMENT FOR EUR/WE passingLine', '3:0 AND EB passingLine', '4:0 VALLETTA FOR ROE passingLine']);
    // In a range, those on its lines only.
    assert.deepEqual(decodeSemanticTokens(getSemanticTokensInRange(parseCable(text).cable, { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } }).data).map(([line, character]) => `${line}:${character}`), ['3:0']);
  });

  it('marks a line of the subject under a blank line, which the grammar would color as a heading, and no other subject line', () => {
    const text = [
      'UNCLAS NOWHERE 000125',
      '',
      'E.O. 12958: N/A',
      'TAGS: PREL',
      'SUBJECT: HARBOR BOARD: NEW FERRY DUES AND OTHER FEES TO FUND THE',
      '',
      'QUAYS - A SLOW START',
      '',
      'REF: 09 NOWHERE 17',
      '',
      '\u00b61. (U) The board met.',
      '',
    ].join('\n');
    assert.equal(parseCable(text).cable.subject?.text, 'HARBOR BOARD: NEW FERRY DUES AND OTHER FEES TO FUND THE QUAYS - A SLOW START');
    assert.deepEqual(tokensOf(text).filter((t) => t.endsWith(' subject')), ['6:0 QUAYS - A SLOW START subject']);
    // Wrapped with no blank line, the grammar colors it: no token.
    assert.deepEqual(tokensOf(text.replace('THE\n\nQUAYS', 'THE\nQUAYS')).filter((t) => t.endsWith(' subject')), []);
  });

  it('marks every paragraph number the parser reads (those a line grammar cannot tell from a list item included) and the signature', () => {
    const text = [
      'UNCLAS NOWHERE 000123',
      '',
      'E.O. 12958: N/A',
      'TAGS: PREL, PGOV',
      'SUBJECT: FERRY DUES RAISED',
      '',
      // No marking after the number: the grammar leaves it uncolored.
      '1. The harbor authority said on Monday that dues would rise',
      'for every ferry line.  The port gave three reasons:',
      '',
      // A list inside the paragraph: no paragraph numbers.
      '-- 1. fuel costs;',
      '-- 2. wages.',
      '',
      '2. Officials expect complaints.',
      '',
      // Glued to its text by the full stop.
      '3.Our contacts see no protest.',
      '',
      // A signature glued to the last line, after a marker on the same line.
      '\u00b6 4. (U) Traders said little. JONES',
      '',
    ].join('\n');
    assert.deepEqual(tokensOf(text), [
      '0:0 UNCLAS bannerLevel.unclassified',
      '0:7 NOWHERE bannerPost',
      '0:15 000123 bannerSerial',
      '6:0 1. paragraphNumber',
      '12:0 2. paragraphNumber',
      '14:0 3. paragraphNumber',
      '16:0 \u00b6 4. paragraphNumber',
      '16:30 JONES signature',
    ]);
  });

  it('colors a banner the parser reads from a damaged spelling as the level it stands for, repeated banners too', () => {
    const text = [
      'CONFIDENTAIL SECTION 01 OF 02 NOWHERE 000124',
      '',
      'E.O. 12958: DECL: 01/01/2019',
      'TAGS: PREL',
      'SUBJECT: FERRY DUES',
      '',
      '\u00b61. (C) The harbor authority said dues would rise.',
      '',
      'S E C R E PARIS 000479',
      '',
      'TOP SECRET SECTION 02 OF 02 NOWHERE 000124',
      '',
      '\u00b62. (C) Traders said little.',
      '',
    ].join('\n');
    const banners = tokensOf(text).filter((t) => t.includes(' banner'));
    assert.deepEqual(banners.filter((t) => t.includes('bannerLevel')), ['0:0 CONFIDENTAIL bannerLevel.confidential', '10:0 TOP SECRET bannerLevel.secret']);
    assert.ok(banners.includes('0:30 NOWHERE bannerPost') && banners.includes('0:38 000124 bannerSerial'), banners.join(', '));
  });

  it('marks the words of every heading the parser reads, mixed-case titles a line grammar cannot see included, but not a heading that opens a block', () => {
    const text = [
      ...HEADED_PARAGRAPH,
      // Mixed case and underlined: only the rule tells it from a line of text.
      'Ferry Fares',
      '-----------',
      '',
      '\u00b62. (U) Fares rose by a tenth.',
      '',
      // Marked and underlined: the marking keeps its own color.
      '(U) Status of the Quays:',
      '------------------------',
      '',
      '\u00b63. (U) Two quays are closed.',
      '',
      // Wrapped over two lines above its rule: both lines.
      'Category 2: Dues related to, but not only',
      'cargo-focused',
      '-------------',
      '',
      '\u00b64. (U) Cargo dues stay.',
      '',
      '//PORT SECURITY//',
      '',
      '\u00b65. (U) Patrols go on.',
      '',
      // Dashes after it are no words; a hyphen inside is.
      'Cross-Harbor Outlook ----',
      '',
      '\u00b66. (U) Ferries will run.',
      '',
      // A heading that opens a block: the grammar colors it as both.
      'COMMENT',
      '-------',
      '',
      '\u00b67. (U) The port will gain.',
      '',
    ].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => t.endsWith(' heading')), [
      '8:0 Ferry Fares heading',
      '13:4 Status of the Quays: heading',
      '18:0 Category 2: Dues related to, but not only heading',
      '19:0 cargo-focused heading',
      '24:2 PORT SECURITY heading',
      '28:0 Cross-Harbor Outlook heading',
    ]);
  });

  it('marks the words of a heading that opens a block after its opener, which the grammar colors as the opener alone', () => {
    const text = [
      ...HEADED_PARAGRAPH,
      // "Comment:" and a title after it, underlined: the grammar colors "Comment" as an opener and leaves the title plain.
      'Comment: Harbor Dues and the Quays',
      '',
      '----------------------------------',
      '',
      '\u00b62. (U) The port will gain.',
      '',
      '------------------------------',
      'COMMENT -- OUTLOOK FOR THE PORT',
      '------------------------------',
      '',
      '\u00b63. (U) Ferries will run.',
      '',
      // The opener alone, or with its colon: no words are left.
      'Comment:',
      '--------',
      '',
      '\u00b64. (U) Fares will rise.',
      '',
      // An opener after a label word, and one of several words: the title after the whole opener.
      'Embassy Comment: Quay Fees',
      '--------------------------',
      '',
      '\u00b65. (U) Fees will rise.',
      '',
      'Summary and Action Request: Quay Fees',
      '-------------------------------------',
      '',
      '\u00b66. (U) Fees will rise.',
      '',
    ].join('\n');
    const cable = parseCable(text).cable;
    assert.deepEqual(cable.headings.map((h) => h.text.text), ['Comment: Harbor Dues and the Quays', 'COMMENT -- OUTLOOK FOR THE PORT', 'Comment:', 'Embassy Comment: Quay Fees', 'Summary and Action Request: Quay Fees']);
    assert.deepEqual(tokensOf(text).filter((t) => t.endsWith(' heading')), ['8:9 Harbor Dues and the Quays heading', '15:11 OUTLOOK FOR THE PORT heading', '25:17 Quay Fees heading', '30:28 Quay Fees heading']);
  });

  it('colors the level and controls of a marking that opens an item, a line or a sub-title, and no prose that looks like one', () => {
    const text = [
      'S E C R E T NOWHERE 000009',
      '',
      'TAGS: PREL',
      'SUBJECT: X',
      '',
      '\u00b61. (S) Points:',
      '\u00b6A. (S/NF) Patrols.',
      '(C) Response: agreed.',
      '-- (TS//REL TO USA, GBR) A point.',
      '1) (SBU) Another.',
      // A list's "(c)" and a parenthesis in capitals wrapped to a line's start are prose.
      '(c) sense that it is safe, and the',
      '(EU) mission agreed.',
      '',
      '(U) Key Elements of the Law',
      '---------------------------',
      '',
      '\u00b62. (U) Two.',
      'SMITH',
    ].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => !/ (bannerLevel|bannerPost|bannerSerial|paragraphNumber|signature)(\.|$)/.test(t)), [
      '6:5 S portionMarking.secret',
      '6:7 NF markingControl',
      '7:1 C portionMarking.confidential',
      '8:4 TS portionMarking.topSecret',
      '8:8 REL TO USA, GBR markingControl',
      '9:4 SBU portionMarking.unclassified',
      '13:1 U portionMarking.unclassified',
      '13:4 Key Elements of the Law heading',
    ]);
  });

  it('colors the first of two markings that open a line, as a paragraph\'s, and the marking after a list\'s label, as the parser reads them', () => {
    // "(C) (U) Two.": read as marked (C) twice (CBL029), colored as "¶1. (C) (U)" is (its first marking alone, which the grammar
    // colors after the number); under the list's letter before it, "(C)" is a label and "(U)" the item's marking, as after
    // "(A)". The grammar colors no marking at a line's start: it cannot see the line above.
    const text = ['S E C R E T NOWHERE 000009', '', 'TAGS: PREL', 'SUBJECT: X', '', '\u00b61. (C) (U) One.', '(C) (U) Two.', '(A) (U) Three.', '(B) (U) Four.', '(C) (U) Five.', 'SMITH'].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => / (portionMarking|markingControl)/.test(t)), [
      '6:1 C portionMarking.confidential',
      '7:5 U portionMarking.unclassified',
      '8:5 U portionMarking.unclassified',
      '9:5 U portionMarking.unclassified',
    ]);
  });

  it('colors a marking past an invisible character as the parser reads it, which the grammar does not pass over, and no other paragraph marking', () => {
    const text = ['S E C R E T NOWHERE 000009', '', 'TAGS: PREL', 'SUBJECT: X', '', '\u00b61. \u200B(S) One.', '2. \u2060 (C//NF) Two.', '\u00b63. \uFEFF(C) Three.', '\u00b64. (C) Four.', '\u200B(U) A line.', 'SMITH'].join('\n');
    assert.deepEqual(tokensOf(text).filter((t) => / (portionMarking|markingControl)/.test(t)), [
      '5:6 S portionMarking.secret',
      '6:6 C portionMarking.confidential',
      '6:9 NF markingControl',
      '7:6 C portionMarking.confidential',
      '9:2 U portionMarking.unclassified',
    ]);
    // The subject's, which the grammar reads only right after the keyword; one written there is the grammar's.
    assert.deepEqual(tokensOf(text.replace('SUBJECT: X', 'SUBJECT: \u200B(C) X')).filter((t) => t.startsWith('3:')), ['3:11 C portionMarking.confidential']);
    assert.deepEqual(tokensOf(text.replace('SUBJECT: X', 'SUBJECT: (C) X')).filter((t) => t.startsWith('3:')), []);
  });

  it('gives a text with no paragraphs and no signature no tokens, and never throws on junk', () => {
    assert.deepEqual(tokensOf(''), []);
    assert.deepEqual(tokensOf('\u0000\u0001 1.\r\n(S) \uffff'), []);
  });
});

describe('completion', () => {
  it('offers TAGS on the TAGS line, and a country name finds its code', () => {
    const c = caret('UNCLAS NOWHERE 000001\n\nTAGS: PREL |\n');
    const items = getCompletions(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries });
    const fr = items.find((i) => i.label === 'FR')!;
    assert.ok(fr.filterText!.includes('France'));
    assert.ok(!items.some((i) => i.label === 'PREL'), 'a TAG already present is not offered again');
  });

  it('offers portion markings after a paragraph number, the banner level first and higher levels last', () => {
    const labels = completionsAt('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (|');
    assert.equal(labels[0], '(C)');
    const c = caret('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (|');
    const items = getCompletions(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries });
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.equal(sorted[0], '(C)');
    assert.equal(sorted[sorted.length - 1].startsWith('(S') || sorted[sorted.length - 1].startsWith('(TS'), true);
    assert.ok(items.find((i) => i.label === '(S)')!.detail!.includes('above the banner level'));
  });

  it('offers caveats after the banner, reason letters after 1.4 ( and DECL dates ten years on first', () => {
    assert.ok(completionsAt('S E C R E T NOWHERE 000001\n\nNO|\nE.O. 12958: DECL: 01/01/2019\n').includes('NOFORN'));
    // Each caveat comes with what its hover says of it; an unverified meaning is said to be so.
    const caveats = completionItemsAt('S E C R E T NOWHERE 000001\n\n|\nE.O. 12958: DECL: 01/01/2019\n');
    const item = (label: string) => caveats.find((i) => i.label === label);
    assert.equal(item('NOFORN')?.detail, 'dissemination control');
    assert.match(String(item('SIPDIS')?.documentation), /^SIPRNet distribution/);
    assert.match(String(item('NOT FOR INTERNET DISTRIBUTION')?.documentation), /^observed handling phrase on SBU cables .*\(unverified\)$/);
    // The letters the corpus's Classified By lines give most first.
    assert.deepEqual(completionsAt('S E C R E T NOWHERE 000001\n\nClassified By: X for reasons 1.4 (|').slice(0, 8), ['b', 'd', 'c', 'a', 'e', 'f', 'g', 'h']);
    assert.equal(completionsAt('P 031322Z JUN 09\nFM AMEMBASSY X\n\nS E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: |')[0], '06/03/2019');
  });

  it('offers routing indicators with their addresses on TO lines', () => {
    const labels = completionsAt('VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\nTO RUEH|\n\nS E C R E T PARIS 000001\n');
    assert.ok(labels.includes('RUEHC/SECSTATE WASHDC'));
  });

  it('offers routing indicators on INFO and XMT lines, replacing only the indicator being typed', () => {
    for (const line of ['INFO |', 'XMT RUE|', 'TO  RUEH|']) assert.ok(completionsAt(withAddressLine(line)).includes('RUEHC/SECSTATE WASHDC'), line);
    assert.deepEqual(replacedColumns(completionItemsAt(withAddressLine('TO  RUEH|'))), ['4-8']);
    assert.deepEqual(replacedColumns(completionItemsAt(withAddressLine('INFO |'))), ['5-5']);
  });

  it('offers precedence words after an address, replacing only the word being typed', () => {
    const precedences = ['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'NIACT IMMEDIATE', 'FLASH'];
    // "TO RUEHC/SECSTATE WASHDC IMM": the address, white space, then the word.
    const items = completionItemsAt(withAddressLine('TO RUEHC/SECSTATE WASHDC IMM|'));
    assert.deepEqual(items.map((i) => i.label), precedences);
    assert.deepEqual(replacedColumns(items), ['25-28']);
    assert.deepEqual(completionsAt(withAddressLine('TO RUEHC/SECSTATE WASHDC\t|')), precedences);
    assert.deepEqual(completionsAt(withAddressLine('RUEHC/SECSTATE WASHDC PRI|')), precedences);
    // Right after the slash there is no address yet.
    assert.deepEqual(completionsAt(withAddressLine('TO RUEHC/|')), []);
  });

  it('offers portion markings after "1. (" without a pilcrow, replacing the parenthesis too', () => {
    const cable = 'C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n';
    const open = completionItemsAt(`${cable}1. (|`);
    assert.equal(open[0].label, '(C)');
    assert.deepEqual(replacedColumns(open), ['3-4']);
    assert.deepEqual(replacedColumns(completionItemsAt(`${cable}1. |`)), ['3-3']);
    // "¶1. (S/": the parenthesis and the letters typed after it.
    assert.deepEqual(replacedColumns(completionItemsAt(`${cable}¶1. (S/|`)), ['4-7']);
  });

  it('offers routing indicators only on address lines, and never one without an address', () => {
    // "RUEHWEB" has no plain-language address: offering it wrote "RUEHWEB/".
    assert.ok(!completionsAt(withAddressLine('TO RUEHW|')).some((l) => /^[A-Z]+\/$/.test(l)));
    // On the format lines, "VZCZCX" or "DE" would have been replaced by "RBDHDZA/COMUSNAVCENT".
    const header = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 0001\nBT\n\nS E C R E T PARIS 000001\n';
    for (const needle of ['VZCZCX', 'DE', 'FM', 'ZNY']) {
      const i = header.indexOf(needle) + needle.length;
      assert.deepEqual(completionsAt(header.slice(0, i) + '|' + header.slice(i)), [], needle);
    }
    assert.deepEqual(completionsAt(header.replace('FM AMEMBASSY PARIS', 'FM AMEMBASSY PARIS PRI|')), []);
  });

  it('offers TAGS after the keyword only', () => {
    assert.deepEqual(completionsAt('UNCLAS NOWHERE 000001\n\nTA|GS: PREL\nSUBJECT: X\n'), []);
    assert.deepEqual(completionsAt('UNCLAS NOWHERE 000001\n\n|TAGS: PREL\nSUBJECT: X\n'), []);
    assert.ok(completionsAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL |\nSUBJECT: X\n').includes('FR'));
  });

  it('replaces a portion marking already written up to its parenthesis', () => {
    const cable = 'C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n';
    // "¶1. (C|) Text": accepting "(C/NF)" must not leave "(C/NF))".
    assert.deepEqual(replacedColumns(completionItemsAt(`${cable}¶1. (C|) Text`)), ['4-7']);
    assert.deepEqual(replacedColumns(completionItemsAt(`${cable}¶1. (S|/NF) Text`)), ['4-10']);
    assert.deepEqual(replacedColumns(completionItemsAt(`${cable}¶1. (S| Text`)), ['4-6']);
  });

  it('offers caveats for a word with spaces or after white space, and not after a digit', () => {
    const secret = (line: string) => `S E C R E T NOWHERE 000001\n\n${line}\nE.O. 12958: DECL: 01/01/2019\n`;
    const items = completionItemsAt(secret('NOT FOR INT|'));
    assert.ok(items.some((i) => i.label === 'NOT FOR INTERNET DISTRIBUTION'));
    // The phrase replaces the words already typed, not only "INT" (completion.test.ts checks the result).
    assert.deepEqual(replacedColumns(items), ['0-11']);
    assert.ok(completionsAt(secret('  NO|')).includes('NOFORN'));
    assert.deepEqual(completionsAt(secret('NO1|')), []);
  });
});

describe('a paragraph glued to the end of the line before it', () => {
  // "¶2." wraps onto a line where "3." is glued after a sentence's end, and "3." wraps on.
  const text = ['C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: DECL: 03/02/2019', 'TAGS: PREL', 'SUBJECT: FERRY TALKS', '', '¶1. (C) The ferry talks resumed.', '¶2. (C) The harbor board met twice in March and agreed on nothing but', 'the date of the next meeting. ¶3. (S) Fares rose again in April, and the', 'ferry line blamed the fuel.', '', '¶4. (C) The mayor closed the port.', 'DOE'].join('\n');
  const cable = parseCable(text).cable;

  it('lists it in the outline, with its marker as the selection', () => {
    const outline = getDocumentSymbols(cable);
    assert.deepEqual(outline.map((s) => s.name), ['C O N F I D E N T I A L NOWHERE 000123', '¶1 (C)', '¶2 (C)', '¶3 (S)', '¶4 (C)', 'Signature']);
    const three = outline[3];
    assert.deepEqual([three.detail, three.range.start, three.range.end, three.selectionRange.end], ['Fares rose again in April, and the', { line: 8, character: 30 }, { line: 9, character: 27 }, { line: 8, character: 33 }]);
    assert.deepEqual(outline[2].range.end, { line: 8, character: 29 });
  });

  it('folds it from its line, and the paragraph before up to the line above', () => {
    const spans = getFoldingRanges(cable).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(spans.includes('8-9'), `¶3 folds: ${spans.join(' ')}`);
    assert.ok(!spans.includes('7-8'), `¶2 does not cross ¶3: ${spans.join(' ')}`);
  });

  it('marks its number and its marking as semantic tokens', () => {
    assert.deepEqual(tokensOf(text).filter((t) => t.startsWith('8:')), ['8:30 ¶3. paragraphNumber', '8:35 S portionMarking.secret']);
  });

  it('lists the Comment it opens under it in the outline, as for a paragraph at a line\'s start', () => {
    const commented = parseCable(text.replace('¶3. (S) Fares', '¶3. (S) Comment: Fares')).cable;
    const three = getDocumentSymbols(commented)[3];
    assert.deepEqual([three.name, three.children?.map((c) => `${c.name} ${c.range.start.line}:${c.range.start.character}-${c.range.end.line}:${c.range.end.character}`)], ['¶3 (S)', ['Comment 8:38-9:27']]);
  });
});

describe("outline and smart selection on a cable with a scan's margin on every line", () => {
  // Invented: the outline fixtures and a block on a paragraph's second line, with a bar (`| `) or a line number (`007 `)
  // opening every line. The titles inside a paragraph (`I. Regional Issues`, `-- Night Patrols`) were read from the line's
  // first character, the margin, and were lost; a line opening with a block's bracket (`| (Comment: …`) was read as text
  // of the paragraph's before the block, which smart selection left out of the chain.
  const margins: [string, (l: string, i: number) => string, number][] = [['a bar', (l) => `| ${l}`, 2], ['line numbers', (l, i) => `${String(i + 1).padStart(3, '0')} ${l}`, 4]];
  const marginal = (plain: string, margin: (l: string, i: number) => string) => {
    const cable = parseCable(plain.split('\n').map((l, i) => margin(l, i)).join('\n')).cable;
    assert.ok(cable.margin);
    return cable;
  };

  it('lists the titles inside the paragraphs as without the margin, each named past it', () => {
    // Each symbol's name, range and name's columns (past the margin). A symbol of whole lines (the banner's metadata, a
    // section, a paragraph) starts at its first line's first character, the margin's, as it does without the margin, so that
    // the breadcrumbs show it with the cursor in the margin; its name is past the margin.
    const column = (c: number, width: number) => (c === 0 ? 0 : c - width);
    const outline = (list: readonly DocumentSymbol[], width: number, depth = ''): string[] =>
      list.flatMap((s) => [`${depth}${s.name} ${s.range.start.line}:${column(s.range.start.character, width)}-${s.range.end.line}:${s.range.end.character - width} ${s.selectionRange.start.line}:${s.selectionRange.start.character - width}-${s.selectionRange.end.character - width}`, ...outline(s.children ?? [], width, `${depth}  `)]);
    for (const name of ['09STATE90001', '09NOWHERE66', '09NOWHERE55', '09NOWHERE99']) {
      const plain = fs.readFileSync(path.join(ROOT, `test/fixtures/outline/${name}.cable`), 'utf8');
      const expected = outline(getDocumentSymbols(parseCable(plain).cable), 0);
      for (const [kind, margin, width] of margins) assert.deepEqual(outline(getDocumentSymbols(marginal(plain, margin)), width), expected, `${name}, ${kind}`);
    }
  });

  it('names the transmission header past the margin, as its lines, every name where it is without the margin', () => {
    // A cable with a transmission header (the rules' fixture): the header's name started at its first line's margin.
    const plain = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/cbl027-block-unbalanced.bad.cable'), 'utf8');
    const names = (list: readonly DocumentSymbol[], width: number): string[] => list.flatMap((s) => [`${s.name} ${s.selectionRange.start.line}:${s.selectionRange.start.character - width}`, ...names(s.children ?? [], width)]);
    const expected = names(getDocumentSymbols(parseCable(plain).cable), 0);
    assert.equal(expected[0], 'Transmission header 0:0');
    for (const [kind, margin, width] of margins) {
      const symbols = getDocumentSymbols(marginal(plain, margin));
      assert.deepEqual(names(symbols, width), expected, kind);
      // Its name starts at its first line's text, and its range at the line's start, the margin's, as the breadcrumbs read it.
      assert.deepEqual([symbols[0].range.start, symbols[0].selectionRange.start], [{ line: 0, character: 0 }, { line: 0, character: width }], kind);
    }
  });

  it('climbs from a word on a line opening with a block\'s bracket to the line, the block and the paragraph, each past the margin', () => {
    const plain = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR PATROLS\n\n¶1. (C) The harbor master met us.\n(Comment: We should help him\nwith boats. End comment.)\n\n¶2. (C) More text.\n';
    const chain = (cable: Cable, width: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line: 7, character: 3 + width }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character - width}-${s.range.end.line}:${s.range.end.character - width}`);
      // The whole document from its first character, the margin's.
      return spans.slice(0, -1);
    };
    const expected = chain(parseCable(plain).cable, 0);
    assert.deepEqual(expected, ['7:1-7:8', '7:0-7:28', '7:0-8:23', '6:0-8:25', '6:0-10:18']);
    for (const [kind, margin, width] of margins) assert.deepEqual(chain(marginal(plain, margin), width), expected, kind);
  });

  it('climbs through the header, the banner metadata and the sections from their first line\'s text, past the margin, and folds the same lines', () => {
    // From each line's first character of text and its end, the chain is the one without the margin, moved by its width:
    // the transmission header, the banner's metadata and a section under a heading (`| ---------------` over
    // `| HARBOR ISSUES`, and `I. HARBOR ISSUES` over `A. Ferry Fares`) started at the margin's first character.
    const chain = (cable: Cable, line: number, character: number, width: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line, character: character + width }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character - width}-${s.range.end.line}:${s.range.end.character - width}`);
      // The whole document from its first character, the margin's.
      return spans.slice(0, -1);
    };
    const files = ['outline/09STATE90001', 'outline/09NOWHERE55', 'outline/09NOWHERE66', 'outline/09NOWHERE88', 'outline/09NOWHERE99', 'rules/cbl027-block-unbalanced.bad'];
    let climbed = 0;
    for (const name of files) {
      const plain = fs.readFileSync(path.join(ROOT, `test/fixtures/${name}.cable`), 'utf8');
      const cable = parseCable(plain).cable;
      const lines = plain.split('\n');
      for (const [kind, margin, width] of margins) {
        const marked = marginal(plain, margin);
        // Folding ranges are whole lines: the same as without the margin.
        assert.deepEqual(getFoldingRanges(marked), getFoldingRanges(cable), `${name}, ${kind}`);
        for (let line = 0; line < lines.length; line++) {
          const from = lines[line].search(/\S/);
          if (from < 0) continue;
          for (const character of [from, lines[line].length]) {
            const expected = chain(cable, line, character, 0);
            if (expected.some((s) => /^(\d+):0-(?!\1:)/.test(s))) climbed++;
            assert.deepEqual(chain(marked, line, character, width), expected, `${name}, ${kind}, ${line}:${character}`);
          }
        }
      }
    }
    // Chains climbing through a range over several lines from a line's first character were read (the header, the
    // metadata, the sections, the paragraphs): 760 of the positions read.
    assert.ok(climbed > 500, String(climbed));
    // The cursor in the margin of a heading's first line: the section still holds it, from the cursor, as the line does.
    const plain = fs.readFileSync(path.join(ROOT, 'test/fixtures/outline/09NOWHERE55.cable'), 'utf8');
    const rule = plain.split('\n').indexOf('---------------');
    const section = chain(parseCable(plain).cable, rule, 0, 0).find((s) => s.startsWith(`${rule}:0-`) && !s.startsWith(`${rule}:0-${rule}:`));
    assert.ok(section);
    for (const [kind, margin, width] of margins) assert.ok(chain(marginal(plain, margin), rule, -width, width).includes(section.replace(`${rule}:0-`, `${rule}:${-width}-`)), kind);
  });

  it('climbs from the margin of a paragraph\'s first line to the paragraph, from the cursor, as from the line\'s first character', () => {
    // The cursor at column 0, in the margin (`| ¶2. (C) …`): the chain went from the line to the section, the paragraph
    // left out, as no paragraph was found there. Each range from the line's first character now starts at the cursor.
    const chain = (cable: Cable, line: number, character: number, width: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line, character: character + width }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character - width}-${s.range.end.line}:${s.range.end.character - width}`);
      return spans.slice(0, -1);
    };
    let read = 0;
    let whole = 0;
    for (const name of ['09STATE90001', '09NOWHERE55', '09NOWHERE66', '09NOWHERE99']) {
      const plain = fs.readFileSync(path.join(ROOT, `test/fixtures/outline/${name}.cable`), 'utf8');
      const cable = parseCable(plain).cable;
      for (const paragraph of cable.paragraphs) {
        const { line, character } = paragraph.range.start;
        if (character !== 0) continue;
        // Without the margin, from the line's first character, the word under it aside.
        const expected = chain(cable, line, 0, 0).filter((s) => !s.startsWith(`${line}:0-${line}:`) || s === `${line}:0-${line}:${trimEndOffset(cable.lines[line])}`);
        // The paragraph (cut before a title it lists its parts under), between the line and the section.
        const own = `${line}:0-${paragraph.range.end.line}:`;
        if (expected.some((s) => s.startsWith(own))) whole++;
        for (const [kind, margin, width] of margins) {
          const actual = chain(marginal(plain, margin), line, -width, width).filter((s) => !s.startsWith(`${line}:${-width}-${line}:`) || s === `${line}:${-width}-${line}:${trimEndOffset(cable.lines[line])}`);
          assert.deepEqual(actual, expected.map((s) => s.replace(new RegExp(`^${line}:0-`), `${line}:${-width}-`)), `${name}, ${kind}, ${line}`);
        }
        read++;
      }
    }
    // 21 paragraphs' first lines read, 20 of them with the paragraph whole in the chain (one is cut before a title).
    assert.ok(read > 15 && whole > 15, `${read} ${whole}`);
  });
  it("climbs from the white space before a paragraph's number to the paragraph, from the cursor, as from its first character, with a margin or none", () => {
    // Invented: the outline fixtures with each paragraph's first line indented (`   ¶2. (C) …`), with no margin, a bar or line
    // numbers. With the cursor in that white space, no paragraph was found (it starts at its number), and from its number on,
    // the line's range ran from the line's first character, outside the paragraph: the chain went from the line to the section.
    // In a margin of line numbers, the number under the cursor (`014`) was a word no other range held: the chain went from it
    // to the whole document.
    const chain = (cable: Cable, line: number, character: number) => {
      const spans: string[] = [];
      for (let s: SelectionRange | undefined = getSelectionRanges(cable, [{ line, character }])[0]; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
      return spans.slice(0, -1);
    };
    const indent = 3;
    let read = 0;
    let whole = 0;
    for (const name of ['09STATE90001', '09NOWHERE55', '09NOWHERE66', '09NOWHERE99']) {
      const original = fs.readFileSync(path.join(ROOT, `test/fixtures/outline/${name}.cable`), 'utf8');
      const firsts = new Set(parseCable(original).cable.paragraphs.filter((q) => q.range.start.character === 0).map((q) => q.range.start.line));
      const plain = original.split('\n').map((l, i) => (firsts.has(i) ? `${' '.repeat(indent)}${l}` : l)).join('\n');
      for (const [kind, margin, width] of [['no margin', (l: string) => l, 0], ...margins] as const) {
        const cable = kind === 'no margin' ? parseCable(plain).cable : marginal(plain, margin);
        for (const paragraph of cable.paragraphs) {
          const { line, character } = paragraph.range.start;
          if (!firsts.has(line)) continue;
          assert.equal(character, width + indent, `${name}, ${kind}, ${line}`);
          // From the paragraph's first character, the word under it aside: the line's text, the paragraph, and on.
          const from = chain(cable, line, character).filter((s) => !s.startsWith(`${line}:${character}-${line}:`) || s === `${line}:${character}-${line}:${trimEndOffset(cable.lines[line])}`);
          if (from.some((s) => s.startsWith(`${line}:${character}-${paragraph.range.end.line}:`))) whole++;
          // From each column of the white space, and of the margin, the same ranges, each from the cursor.
          for (let cursor = 0; cursor < character; cursor++) {
            const expected = from.map((s) => s.replace(new RegExp(`^${line}:${character}-`), `${line}:${cursor}-`));
            assert.deepEqual(chain(cable, line, cursor), expected, `${name}, ${kind}, ${line}:${cursor}`);
          }
          read++;
        }
      }
    }
    // 21 paragraphs' first lines read three ways, the paragraph whole in the chain but where it is cut before a title.
    assert.ok(read >= 60 && whole >= 57, `${read} ${whole}`);
  });

  it("holds the white space and the margin before an indented paragraph's number in its symbol, as the breadcrumbs read it, named at the number", () => {
    // Invented: the outline fixtures with each paragraph's first line indented (`   ¶2. (C) …`), with no margin, a bar or line
    // numbers. A paragraph's symbol started at its number: with the cursor in the white space or the margin before it, the
    // breadcrumbs (the innermost symbol whose range holds the cursor) showed the section, or nothing above the banner.
    const holds = (r: Range, p: Position) => (r.start.line < p.line || (r.start.line === p.line && r.start.character <= p.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));
    const innermost = (list: readonly DocumentSymbol[], p: Position): DocumentSymbol | undefined => {
      for (const s of list) if (holds(s.range, p)) return innermost(s.children ?? [], p) ?? s;
      return undefined;
    };
    const flat = (list: readonly DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
    const indent = 3;
    let read = 0;
    for (const name of ['09STATE90001', '09NOWHERE55', '09NOWHERE66', '09NOWHERE77', '09NOWHERE99']) {
      const original = fs.readFileSync(path.join(ROOT, `test/fixtures/outline/${name}.cable`), 'utf8');
      const plainCable = parseCable(original).cable;
      const firsts = new Set(plainCable.paragraphs.filter((q) => q.range.start.character === 0).map((q) => q.range.start.line));
      const plain = original.split('\n').map((l, i) => (firsts.has(i) ? `${' '.repeat(indent)}${l}` : l)).join('\n');
      for (const [kind, margin, width] of [['no margin', (l: string) => l, 0], ...margins] as const) {
        const cable = kind === 'no margin' ? parseCable(plain).cable : marginal(plain, margin);
        const symbols = getDocumentSymbols(cable);
        const all = flat(symbols);
        for (const paragraph of cable.paragraphs) {
          const { line, character } = paragraph.range.start;
          if (!firsts.has(line)) continue;
          assert.equal(character, width + indent, `${name}, ${kind}, ${line}`);
          const s = all.find((x) => x.name.startsWith('¶') && x.selectionRange.start.line === line);
          assert.ok(s, `${name}, ${kind}, ${line}`);
          // From the line's first character, the margin's; named at the number.
          assert.deepEqual([s.range.start, s.selectionRange], [{ line, character: 0 }, paragraph.marker.range], `${name}, ${kind}, ${line}`);
          for (let cursor = 0; cursor <= character; cursor++) assert.equal(innermost(symbols, { line, character: cursor }), s, `${name}, ${kind}, ${line}:${cursor}`);
          read++;
        }
        // Folding folds whole lines: the same as without the indentation.
        if (kind === 'no margin') assert.deepEqual(getFoldingRanges(cable), getFoldingRanges(plainCable), name);
      }
    }
    // 26 paragraphs, each read three ways.
    assert.ok(read >= 75, `${read}`);
  });
});

describe("hover on a cable with a scan's margin on every line", () => {
  it('gives a reason letter\'s hover on its "(" at the end of the line above, the letter opening its line past the margin', () => {
    // Invented: "… 1.4 (b) and (" over "d).", with a bar or a line number opening every line; the "(" was read as no
    // reason's, the letter's line opening with the margin, not with white space.
    const plain = 'C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\nClassified By: Ann Doe for reasons 1.4 (b) and (\nd).\n\n¶1. (C) The board met.\n\nHALLORAN\n';
    // On the "(" that ends line 6 (the caret helper's `|` would be the bar).
    const paren = (lines: readonly string[]) => {
      const h = getHover(parseCable(lines.join('\n')).cable, { line: 6, character: lines[6].length - 1 }, { dictionaries });
      return h ? (h.contents as MarkupContent).value : '';
    };
    const expected = paren(plain.split('\n'));
    assert.match(expected, /Reason 1\.4\(d\)/);
    for (const margin of [(l: string) => `| ${l}`, (l: string, i: number) => `${String(i + 1).padStart(2, '0')} ${l}`]) {
      const lines = plain.split('\n').map((l, i) => (l === '' ? '' : margin(l, i)));
      assert.ok(parseCable(lines.join('\n')).cable.margin);
      assert.equal(paren(lines), expected);
    }
  });
});

describe('diagnostics while a line is being typed', () => {
  const DRAFT = 'C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL \n';
  const ids = (text: string, line: number | undefined) => {
    const { cable } = parseCable(text);
    return shownWhileTyping(lintCable(cable), cable, line).map((f) => `${f.range.start.line} ${f.id}`);
  };

  it('holds back the findings that say the line being typed is unfinished, and no other', () => {
    // Embassy Paris's TAGS half written: no FR yet (CBL050) and no SUBJECT below (CBL019, reported at the TAGS line).
    const text = DRAFT.replace('NOWHERE', 'PARIS');
    const all = ids(text, undefined);
    assert.ok(all.includes('3 CBL050') && all.includes('3 CBL019'), all.join());
    const typing = ids(text, 3);
    assert.ok(!typing.includes('3 CBL050') && !typing.includes('3 CBL019'), typing.join());
    // The missing Classified By, reported at the banner, is still to come below the end of the text: held too.
    assert.deepEqual(typing, all.filter((f) => !f.startsWith('3 ') && f !== '0 CBL020'));
    // With a paragraph below, the caret is not at the end, and the banner's finding shows.
    const above = `${text}\n¶1. (C) Text.\n`;
    assert.ok(ids(above, 3).includes('0 CBL020') && !ids(above, 3).includes('3 CBL050'), ids(above, 3).join());
    // The caret on the blank line under the banner: every finding shows.
    assert.deepEqual(ids(text, 1), all);
  });

  it('holds back a stray line among the fields while it is the line being typed, a label begun between two fields', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL\nSUB\nClassified By: A. Smith, reasons 1.4 (b).\n\n¶1. (C) Text.\n';
    assert.ok(ids(text, undefined).includes('4 CBL037'));
    assert.ok(!ids(text, 4).includes('4 CBL037'));
    assert.ok(ids(text, 7).includes('4 CBL037'));
    // A field out of order is no line being typed: it shows.
    const order = 'C O N F I D E N T I A L NOWHERE 000412\n\nTAGS: PREL\nE.O. 12958: DECL: 03/14/2019\nSUBJECT: PIERS\n\n¶1. (C) Text.\n';
    assert.ok(ids(order, 2).includes('2 CBL037'));
  });

  it('holds back a finding on any line of the field that spans the line being typed', () => {
    // TAGS wrapped over two lines, the second being typed: CBL050 is reported at the keyword, a line above.
    const text = 'C O N F I D E N T I A L PARIS 000412\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL PGOV ECON ETRD EFIN\nEAID \nSUBJECT: FERRIES\n';
    assert.ok(ids(text, undefined).includes('3 CBL050'));
    assert.ok(!ids(text, 4).includes('3 CBL050'));
  });

  it('holds back a missing field reported elsewhere while its label is being typed', () => {
    // "E.O. 1" is an office passing line until the order's number is whole: "No E.O. line" is reported at the banner.
    const eo = 'C O N F I D E N T I A L NOWHERE 000412\n\nSIPDIS\n\nE.O. 1\n';
    assert.ok(ids(eo, undefined).includes('0 CBL012'));
    assert.ok(!ids(eo, 4).includes('0 CBL012'));
    assert.ok(ids(eo, 2).includes('0 CBL012'));
    // "Class" under SUBJECT, a signature until it is the field: "no Classified By line" is reported at the SUBJECT line.
    const clby = 'C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL\nSUBJECT: PIERS\n\nClass\n';
    assert.ok(ids(clby, undefined).includes('4 CBL020'));
    assert.deepEqual(ids(clby, 6), ids(clby, undefined).filter((f) => f !== '4 CBL020'));
    // A paragraph's text that starts like a label holds nothing back.
    const body = `${clby.replace('Class\n', '¶1. (C) Text.\n\n¶2. (C) Tags on the piers.\n')}`;
    assert.deepEqual(ids(body, 8), ids(body, undefined).filter((f) => !f.startsWith('8 ')));
  });

  it("holds back the same findings in a cable with a scan's margin on every line, a line of the margin alone blank", () => {
    // Invented: the drafts above with a bar (`| `, `|` alone) or a line number (`05 `, `06` alone) opening every line, and
    // lines of the margin alone under the text, as a scan's page goes on. The caret at the end of the text and a label
    // begun were read with the margin: a line of it alone was text below the caret, and `05 E.O. 1` began no label.
    const margins: [string, (l: string, i: number) => string][] = [
      ['a bar', (l) => (l === '' ? '|' : `| ${l}`)],
      ['line numbers', (l, i) => `${String(i + 1).padStart(2, '0')}${l === '' ? '' : ` ${l}`}`],
    ];
    const shown = (text: string, line: number | undefined) => ids(text, line).filter((f) => !f.endsWith('CBL047'));
    const drafts: [string, number][] = [[`${DRAFT.replace('NOWHERE', 'PARIS')}\n\n`, 3], ['C O N F I D E N T I A L NOWHERE 000412\n\nSIPDIS\n\nE.O. 1\n\n', 4]];
    // The label begun with a paragraph under it: not at the end of the text.
    drafts.push(['C O N F I D E N T I A L NOWHERE 000412\n\nSIPDIS\n\nE.O. 1\n\n¶1. (C) Text.\n', 4]);
    for (const [plain, line] of drafts) {
      const expected = shown(plain, line);
      // Each holds a finding back: the missing Classified By, still to come; the missing E.O. line, its label begun.
      assert.ok(expected.length < shown(plain, undefined).length, plain);
      for (const [kind, margin] of margins) {
        const lines = plain.split('\n');
        const text = lines.map((l, i) => (i === lines.length - 1 ? l : margin(l, i))).join('\n');
        assert.ok(parseCable(text).cable.margin, kind);
        assert.deepEqual(shown(text, undefined), shown(plain, undefined), kind);
        assert.deepEqual(shown(text, line), expected, `${kind}: ${plain}`);
      }
    }
  });

  it('holds back a header or banner line\'s misreading while the line is typed, and shows it once the line is left', () => {
    // "DE RUEHLI" typed as far as its station: not yet a DE line (CBL001); a banner's level typed as far as its eleventh letter (CBL011).
    const de = 'VZCZCXRO7788\nRR RUEHWEB\nDE RUEHLI \n';
    assert.ok(ids(de, undefined).includes('2 CBL001'));
    assert.ok(!ids(de, 2).includes('2 CBL001'));
    const banner = 'C O N F I D E N T I A \n';
    assert.ok(ids(banner, undefined).includes('0 CBL011'));
    assert.ok(!ids(banner, 0).includes('0 CBL011'));
    // The caret on another line: the line is done, and its finding shows.
    assert.ok(ids(`${banner}\nSIPDIS\n`, 2).includes('0 CBL011'));
  });

  it('holds back a section total, an order\'s number and a TAG\'s comma typed as far as their first characters', () => {
    // Found by typing a cable from the top, a character at a time: each flickered on and went with the next character.
    const typed = (text: string, id: string) => {
      const line = text.split('\n').length - 2;
      assert.ok(ids(text, undefined).includes(`${line} ${id}`), `${text}: ${ids(text, undefined).join()}`);
      assert.ok(!ids(text, line).includes(`${line} ${id}`), text);
      // Left for the line under it, the line is done: the finding shows.
      assert.ok(ids(`${text}\n`, line + 1).includes(`${line} ${id}`), text);
    };
    typed('S E C R E T SECTION 01 OF 0\n', 'CBL039');
    typed('C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 1352\n', 'CBL013');
    typed('C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 13526: DECL: 03/14/2036\nTAGS: PREL,\n', 'CBL018');
  });

  it('holds back the parts still to come while a cable is typed from the top at the end of the text', () => {
    // The header typed as far as its DTG line: its FM and TO lines, the banner and the fields are below the caret.
    const header = 'VZCZCXRO7788\nRR RUEHWEB\nDE RUEHLI #0708/01 0731530\nZNY CCCCC ZZH\nR 141530Z MAR 09\n';
    assert.deepEqual(ids(header, undefined).sort(), ['0 CBL002', '0 CBL010', '0 CBL012', '0 CBL017', '0 CBL019']);
    assert.deepEqual(ids(header, 5), []);
    // The banner and SIPDIS typed: no E.O., TAGS, SUBJECT or Classified By yet, all to come.
    const banner = 'C O N F I D E N T I A L LISBON 000708\n\nSIPDIS\n';
    assert.deepEqual(ids(banner, 3), []);
    // SUBJECT typed with no E.O. line above it: E.O. was skipped, not still to come; Classified By is.
    const skipped = 'C O N F I D E N T I A L LISBON 000708\n\nTAGS: PREL PO\nSUBJECT: FERRIES\n';
    assert.deepEqual(ids(skipped, 4), ['0 CBL012']);
    // Once a paragraph is written every missing part shows, the line typed being the paragraph's.
    const body = `${banner}\n¶1. (C) The board met.\n`;
    assert.ok(['0 CBL012', '0 CBL017', '0 CBL019', '0 CBL020'].every((f) => ids(body, 4).includes(f)), ids(body, 4).join());
    // Text below the caret: the writer is not at the end, so nothing is still to come.
    assert.deepEqual(ids(`${banner}\nSIPDIS\n`, 2).sort(), ids(`${banner}\nSIPDIS\n`, undefined).sort());
    // A header line out of order is no part to come.
    const order = 'VZCZCXRO7788\nRR RUEHWEB\nZNY CCCCC ZZH\nDE RUEHLI #0708/01 0731530\n';
    assert.ok(ids(order, 4).includes('3 CBL002'), ids(order, 4).join());
  });

  it('holds back an E.O. line left with nothing after its order while it is typed, and not once the writer types below it', () => {
    // "E.O. 13526: " just typed: CBL012 on the line itself waits; on the next line it is no part still to come, and shows.
    const text = 'C O N F I D E N T I A L LISBON 000708\n\nE.O. 13526: \n';
    assert.ok(ids(text, undefined).includes('2 CBL012'));
    assert.ok(!ids(text, 2).includes('2 CBL012'));
    assert.ok(ids(text, 3).includes('2 CBL012'), ids(text, 3).join());
  });

  it('keeps the parts still to come held when the writer pauses, and shows the line\'s own held findings', () => {
    // Embassy Paris's TAGS typed at the end: FR missing (CBL050, the line's own) and SUBJECT still to come (CBL019).
    const text = 'C O N F I D E N T I A L PARIS 000412\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL \n';
    const { cable } = parseCable(text);
    const paused = shownWhileTyping(lintCable(cable), cable, 3, true).map((f) => `${f.range.start.line} ${f.id}`);
    assert.ok(paused.includes('3 CBL050') && !paused.includes('3 CBL019') && !paused.includes('0 CBL020'), paused.join());
  });

  it('holds back an open Summary while the next line\'s first word reads as the signature', () => {
    // "Ambassador " typed under the Summary's first line: one word alone at the end reads as the signature until the next.
    const draft = 'C O N F I D E N T I A L LISBON 000708\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL PO\nSUBJECT: FERRIES\n\nClassified By: Ambassador Irene Vasko for reasons 1.4 (b).\n\n¶1. (C) Summary: The chair of the board told the\nAmbassador \n';
    assert.ok(ids(draft, undefined).includes('8 CBL027'));
    assert.ok(!ids(draft, 9).includes('8 CBL027'));
    // The signature written and left (the caret on the line under it): the Summary was never closed.
    assert.ok(ids(`${draft}\n`, 10).includes('8 CBL027'));
  });

  it('tells the findings it holds by the kind their rule sets, not by their message\'s words', () => {
    // The rules set the kind on those findings alone.
    const comma = parseCable('C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 13526: DECL: 03/14/2036\nTAGS: PREL, PREL,\n').cable;
    assert.deepEqual(lintCable(comma).filter((f) => f.id === 'CBL018').map((f) => `${f.range.start.character} ${f.kind}`), ['12 undefined', '16 trailing-comma']);
    const summary = parseCable('C O N F I D E N T I A L LISBON 000708\n\nE.O. 12958: DECL: 03/14/2019\nTAGS: PREL PO\nSUBJECT: FERRIES\n\n¶1. (C) Summary: The chair met.\nAmbassador \n').cable;
    assert.deepEqual(lintCable(summary).filter((f) => f.id === 'CBL027').map((f) => f.kind), ['unclosed']);
    // Reworded, a finding of the kind is held all the same; the same words without the kind are not.
    for (const [cable, line] of [[comma, 3], [summary, 7]] as const) {
      const findings = lintCable(cable).filter((f) => f.id === 'CBL018' || f.id === 'CBL027');
      const reworded = findings.map((f) => ({ ...f, message: 'Reworded.' }));
      assert.deepEqual(shownWhileTyping(reworded, cable, line).map((f) => f.kind), findings.filter((f) => f.kind === undefined).map(() => undefined));
      const unkinded = findings.map((f) => ({ ...f, kind: undefined }));
      assert.equal(shownWhileTyping(unkinded, cable, line).length, findings.length);
    }
    // CBL002's line out of order is shown while typed, reworded too; its lines missing, reworded, are still to come.
    const order = parseCable('VZCZCXRO7788\nRR RUEHWEB\nZNY CCCCC ZZH\nDE RUEHLI #0708/01 0731530\n').cable;
    const header = lintCable(order).filter((f) => f.id === 'CBL002').map((f) => ({ ...f, message: 'Reworded.' }));
    assert.deepEqual(header.map((f) => `${f.range.start.line} ${f.kind}`), ['0 undefined', '3 out-of-order']);
    assert.deepEqual(shownWhileTyping(header, order, 4).map((f) => `${f.range.start.line} ${f.kind}`), ['3 out-of-order']);
  });

  it('keeps a finding of another kind on the line being typed (a repeated TAG)', () => {
    const text = DRAFT.replace('PREL ', 'PREL PREL FR');
    assert.ok(ids(text, 3).includes('3 CBL018'), ids(text, 3).join());
  });

  it('finds where a change leaves the caret', () => {
    const before = 'A\nTAGS: PREL\nC\n';
    const at = (b: string, changes: Parameters<typeof caretAfterEdit>[1]) => {
      const p = caretAfterEdit(b, changes);
      return p && `${p.line}:${p.character}`;
    };
    assert.equal(at(before, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, text: ' ' }]), '1:11');
    // "⏎" typed at a line's end leaves the caret at the new line's start; a paste of two lines, after its second.
    assert.equal(at(before, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, text: '\n' }]), '2:0');
    assert.equal(at(before, [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, text: ' PGOV\r\nECON' }]), '2:4');
    // A client that sends the whole text: the end of what differs.
    assert.equal(at(before, [{ text: 'A\nTAGS: PREL PGOV\nC\n' }]), '1:15');
    assert.equal(at(before, [{ text: 'A\nTAGS: PREL\nCD\n' }]), '2:2');
    assert.equal(at('A\r\nB\rC', [{ text: 'A\r\nB\rCD' }]), '2:2');
    assert.equal(at(before, [{ text: before }]), undefined);
    assert.equal(at(before, []), undefined);
  });

  it('holds back a marking\'s findings while the caret is inside its parentheses, and shows them once it has left', () => {
    // Typed a character at a time inside the "()" the editor closed: each form on the way to "(S//REL TO USA, FVEY)" or
    // "(SBU)" flickered in: '(S/)' not a known form (CBL029), "(S)" above a CONFIDENTIAL banner (CBL030), "(C/N)" NOFORN
    // without the caveat (CBL032).
    const head = 'C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 13526: DECL: 03/14/2036\nTAGS: PREL\nSUBJECT: PIERS\n\nClassified By: Irene Vasko for reasons 1.4 (b).\n\n';
    const typed = (line: string, caret: number, id: string) => {
      const { cable } = parseCable(`${head}${line}\n`);
      const at = (character: number | undefined, paused = false) => shownWhileTyping(lintCable(cable), cable, 8, paused, character).map((f) => `${f.range.start.line} ${f.id}`);
      assert.ok(at(undefined).includes(`8 ${id}`), `${line}: ${at(undefined).join()}`);
      assert.ok(!at(caret).includes(`8 ${id}`), line);
      // Past the ")", or paused, the marking is done: its finding shows.
      assert.ok(at(line.indexOf(')') + 2).includes(`8 ${id}`), line);
      assert.ok(at(caret, true).includes(`8 ${id}`), line);
    };
    typed('¶1. (S/) The board met.', 7, 'CBL029');
    typed('¶1. (S//REL TO ) The board met.', 15, 'CBL029');
    typed('¶1. (S) The board met.', 6, 'CBL030');
    typed('¶1. (C/N) The board met.', 8, 'CBL032');
    // A list item's marking, as a paragraph's.
    typed('-- (S/) the board met.', 6, 'CBL029');
    // Another rule's finding on the line is not held for the caret (a paragraph with no marking: CBL028 is the line's).
    const { cable } = parseCable(`${head}¶1. The board met (S/).\n`);
    assert.deepEqual(shownWhileTyping(lintCable(cable), cable, 8, true, 21).map((f) => f.id), lintCable(cable).map((f) => f.id));
  });

  it('holds back an over-classified banner while the paragraphs are typed at the end of the text', () => {
    // A first paragraph marked (SBU) under a CONFIDENTIAL banner: the paragraphs that carry the banner's level are to come.
    const text = 'C O N F I D E N T I A L NOWHERE 000412\n\nE.O. 13526: DECL: 03/14/2036\nTAGS: PREL\nSUBJECT: PIERS\n\nClassified By: Irene Vasko for reasons 1.4 (b).\n\n¶1. (SBU) The board met.\n';
    const { cable } = parseCable(text);
    const at = (c: Cable, line: number, paused = false) => shownWhileTyping(lintCable(c), c, line, paused).map((f) => `${f.range.start.line} ${f.id}`);
    assert.ok(shownWhileTyping(lintCable(cable), cable, undefined).some((f) => f.id === 'CBL031'));
    assert.ok(!at(cable, 8).includes('0 CBL031'));
    // On the line under it, and through a pause, still to come.
    const next = parseCable(`${text}\n`).cable;
    assert.ok(!at(next, 10).includes('0 CBL031') && !at(next, 10, true).includes('0 CBL031'));
    // Signed: the paragraphs are written, and it shows; so it does with text below the caret.
    const signed = parseCable(`${text}\nROE\n`).cable;
    assert.ok(at(signed, 11).includes('0 CBL031'), at(signed, 11).join());
    assert.ok(at(cable, 7).includes('0 CBL031'));
  });
});
