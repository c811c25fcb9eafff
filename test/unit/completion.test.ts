/**
 * Completion edits: each test accepts an item the way a client does (the preselected or
 * first item that survives filtering, or one named by label), applies its edit and checks
 * the line that results: a client without insert-replace support, or one with it in insert
 * or replace mode. Invented fixtures with `|` carets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItemKind, type CompletionItem, type InsertReplaceEdit, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintCable } from '../../server/src/core/lint';
import { parseCable } from '../../server/src/core/parse/index';
import { citedId } from '../../server/src/core/id';
import { CableIndex, collectionEntry, idFromFileName, summarize } from '../../server/src/workspace/cableIndex';
import { citationPicks } from '../../client/src/collection';
import { getCompletionList, getCompletions, resolveCompletionItem, shortMeaning, type CompletionContext } from '../../server/src/features/completion';
import type { IndexedCable } from '../../server/src/features/types';
import { defaultDictionaries, mergeDictionaries } from '../../server/src/features/dictionaries';
import { caret, corpusDir, corpusFiles } from '../helpers';

const dictionaries = defaultDictionaries();
/** The time "now" for date-time groups: 3 December 2026, 0207Z (day 337). */
const NOW = new Date(Date.UTC(2026, 11, 3, 2, 7));

/**
 * How a client accepts an item: `plain` without insert-replace support (the client must get a plain
 * edit), `insert` or `replace` with it (VS Code's `editor.suggest.insertMode`, Enter and Shift+Enter).
 */
type Mode = 'plain' | 'insert' | 'replace';

/** The range an item's edit replaces in `mode` (a plain edit's range in every mode). */
function editRange(item: CompletionItem, mode: Mode = 'replace') {
  const edit = item.textEdit as TextEdit | InsertReplaceEdit;
  if (mode === 'plain') assert.ok('range' in edit, `a client without insert-replace support gets a plain edit: ${JSON.stringify(edit)}`);
  return 'range' in edit ? edit.range : mode === 'insert' ? edit.insert : edit.replace;
}

/** Completion items at the `|` caret for a client in `mode`, with the line and caret column they apply to. */
function completionsAt(textWithCaret: string, mode: Mode = 'plain', extra: Partial<CompletionContext> = {}) {
  const c = caret(textWithCaret);
  const line = c.text.split('\n')[c.line];
  // A client that shows label details, as VS Code does; the tests of one that does not say so.
  const ctx = { dictionaries, insertReplace: mode !== 'plain', now: NOW, labelDetails: true, ...extra };
  return { line, character: c.character, items: getCompletions(parseCable(c.text).cable, { line: c.line, character: c.character }, ctx) };
}

/** Completion labels at the `|` caret. */
function labelsAt(textWithCaret: string): string[] {
  return completionsAt(textWithCaret).items.map((i) => i.label);
}

/** The items a client still shows: those whose filter text starts with the text their edit replaces up to the caret. */
function visible(line: string, character: number, items: readonly CompletionItem[]): CompletionItem[] {
  return items.filter((i) => {
    const typed = line.slice(editRange(i).start.character, character).toUpperCase();
    return (i.filterText ?? i.label).toUpperCase().startsWith(typed);
  });
}

/**
 * Accepts an item at the `|` caret and returns the line that results: the item named `label`,
 * else the preselected or first item a client still shows. Undefined when there is no such item.
 */
function accept(textWithCaret: string, label?: string, mode: Mode = 'plain'): string | undefined {
  const { line, character, items } = completionsAt(textWithCaret, mode);
  const shown = visible(line, character, items);
  const item = label === undefined ? (shown.find((i) => i.preselect) ?? shown[0]) : items.find((i) => i.label === label);
  if (!item) return undefined;
  const edit = item.textEdit as TextEdit | InsertReplaceEdit;
  if (!('range' in edit)) {
    // LSP: both ranges on one line, starting together, the insert range a prefix of the replace range.
    assert.deepEqual(edit.insert.start, edit.replace.start, 'the insert and replace ranges start together');
    assert.ok(edit.insert.end.character <= edit.replace.end.character, 'the insert range is a prefix of the replace range');
  }
  const r = editRange(item, mode);
  assert.equal(r.start.line, r.end.line, 'an edit stays on its line');
  assert.ok(r.start.character <= character && character <= r.end.character, 'an edit contains the caret');
  return line.slice(0, r.start.character) + edit.newText + line.slice(r.end.character);
}

/** Checks the line after accepting an item (`undefined`: no item is shown). */
function check(textWithCaret: string, expected: string | undefined, label?: string): void {
  assert.equal(accept(textWithCaret, label), expected, textWithCaret);
}

/**
 * Checks the line after accepting an item in the middle of a word: `inserted` for a client without
 * insert-replace support and in insert mode (the rest of the word stays), `replaced` in replace mode.
 */
function checkModes(textWithCaret: string, inserted: string | undefined, replaced: string | undefined, label?: string): void {
  assert.equal(accept(textWithCaret, label, 'plain'), inserted, `${textWithCaret} (no insert-replace support)`);
  assert.equal(accept(textWithCaret, label, 'insert'), inserted, `${textWithCaret} (insert mode)`);
  assert.equal(accept(textWithCaret, label, 'replace'), replaced, `${textWithCaret} (replace mode)`);
}

describe('completion edits: caveats', () => {
  /** A secret cable whose line after the banner is `line`, before the E.O. line. */
  const caveatLine = (line: string) => `S E C R E T NOWHERE 000001\n\n${line}\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n`;

  it('replaces the words of a caveat phrase already typed, not only the last one', () => {
    // "NOT FOR INT" gave "NOT FOR NOT FOR INTERNET DISTRIBUTION".
    check(caveatLine('NOT FOR INT|'), 'NOT FOR INTERNET DISTRIBUTION', 'NOT FOR INTERNET DISTRIBUTION');
    check(caveatLine('NOT FOR INT|'), 'NOT FOR INTERNET DISTRIBUTION');
    check(caveatLine('NOT FOR |'), 'NOT FOR INTERNET DISTRIBUTION');
    check(caveatLine('  not for int|'), '  NOT FOR INTERNET DISTRIBUTION');
    check(caveatLine('SIPDIS, NOT FOR INT|'), 'SIPDIS, NOT FOR INTERNET DISTRIBUTION');
  });

  it('filters a caveat phrase by the text its edit replaces', () => {
    const { line, character, items } = completionsAt(caveatLine('not for int|'));
    const item = items.find((i) => i.label === 'NOT FOR INTERNET DISTRIBUTION')!;
    const replaced = line.slice(editRange(item).start.character, character);
    assert.equal(replaced, 'not for int');
    assert.ok(item.filterText!.startsWith(replaced), item.filterText);
  });

  it('still completes single words after other caveats', () => {
    check(caveatLine('NOFORN SIP|'), 'NOFORN SIPDIS');
    check(caveatLine('NO|'), 'NOFORN');
    check(caveatLine('NOFORN NOD|'), 'NOFORN NODIS');
  });

  it('offers no caveat after words that are not caveats', () => {
    check(caveatLine('NOT FOR |'), undefined, 'NOFORN');
    check(caveatLine('DEPARTMENT FOR |'), undefined);
  });

  it('offers no caveat the cable writes already, but for the one at the caret', () => {
    const labels = (text: string) => completionsAt(text).items.map((i) => i.label);
    // "NOFORN/|" offered NOFORN first, "NOFORN/NOFORN".
    assert.deepEqual(labels(caveatLine('NOFORN/|')), ['SIPDIS', 'SENSITIVE', 'NOT FOR INTERNET DISTRIBUTION', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS']);
    assert.ok(!labels(caveatLine('NOFORN\nSIPDIS\n|')).some((l) => l === 'NOFORN' || l === 'SIPDIS'));
    assert.ok(!labels(caveatLine('|\nNOFORN')).includes('NOFORN'));
    check(caveatLine('NOFORN|'), 'NOFORN');
    check(caveatLine('SIPDIS, NOF|'), 'SIPDIS, NOFORN');
  });

  it('under an UNCLAS banner, offers NOFORN last, after the caveats unclassified cables carry', () => {
    const unclas = (line: string) => `UNCLAS NOWHERE 000001\n\n${line}\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: X\n`;
    const ordered = (text: string) => {
      const items = completionsAt(text).items;
      return [...items].sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label)).map((i) => i.label);
    };
    // Under "UNCLAS NOWHERE 000001", NOFORN came first: Enter on an empty line there wrote it.
    assert.deepEqual(ordered(unclas('|')), ['SIPDIS', 'SENSITIVE', 'NOT FOR INTERNET DISTRIBUTION', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS', 'NOFORN']);
    check(unclas('|'), 'SIPDIS');
    // Still offered, and still found by its letters.
    check(unclas('NOF|'), 'NOFORN');
    assert.equal(ordered(caveatLine('|'))[0], 'NOFORN');
  });
});

describe('completion edits: precedence words', () => {
  it('replaces "NIACT" too when "NIACT IMMEDIATE" is chosen', () => {
    const header = (line: string) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\n${line}\nBT\n\nS E C R E T PARIS 000001\n`;
    // It gave "NIACT NIACT IMMEDIATE".
    check(header('TO RUEHC/SECSTATE WASHDC NIACT IMM|'), 'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE', 'NIACT IMMEDIATE');
    check(header('TO RUEHC/SECSTATE WASHDC NIACT IMM|'), 'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE');
    check(header('TO RUEHC/SECSTATE WASHDC IMM|'), 'TO RUEHC/SECSTATE WASHDC IMMEDIATE');
  });

  it('offers no precedence word while the address the dictionary gives the routing indicator is being typed', () => {
    const header = (line: string) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\n${line}\nBT\n\nS E C R E T PARIS 000001\n`;
    // RUEHC is SECSTATE WASHDC: every space in it opened the precedence list, and "W" was to be replaced by one.
    assert.deepEqual(labelsAt(header('TO RUEHC/SECSTATE |')), []);
    assert.deepEqual(labelsAt(header('TO RUEHC/SECSTATE W|')), []);
    assert.deepEqual(labelsAt(header('TO RUEHC/SECSTATE WASH|')), []);
    assert.deepEqual(labelsAt(header('INFO RUEHLO/AMEMBASSY |')), []);
    // Once it is complete, or written otherwise than the dictionary has it, the list is back, the DTG's "P" preselected.
    check(header('TO RUEHC/SECSTATE WASHDC |'), 'TO RUEHC/SECSTATE WASHDC PRIORITY');
    check(header('TO RUEHC/SECSTATE PRI|'), 'TO RUEHC/SECSTATE PRIORITY', 'PRIORITY');
    check(header('TO RUEHXQ/AMEMBASSY NOWHERE |'), 'TO RUEHXQ/AMEMBASSY NOWHERE PRIORITY');
  });

  it('offers no second precedence after the addressee\'s precedence or serial', () => {
    const header = (line: string) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\n${line}\nBT\n\nS E C R E T PARIS 000001\n`;
    // The space typed after "PRIORITY" or after the serial opened the precedence list again ("PRIORITY PRIORITY").
    for (const line of ['TO RUEHC/SECSTATE WASHDC PRIORITY |', 'TO RUEHC/SECSTATE WASHDC PRIORITY 0001 |', 'TO RUEHC/SECSTATE WASHDC 0001 |', 'INFO RUEHLO/AMEMBASSY LONDON NIACT IMMEDIATE |']) {
      assert.deepEqual(labelsAt(header(line)), [], line);
    }
    // The precedence at the caret is still replaced, and "NIACT" still goes on to "NIACT IMMEDIATE".
    check(header('TO RUEHC/SECSTATE WASHDC PRIORITY|'), 'TO RUEHC/SECSTATE WASHDC IMMEDIATE', 'IMMEDIATE');
    check(header('TO RUEHC/SECSTATE WASHDC NIACT |'), 'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE', 'NIACT IMMEDIATE');
  });

  it('offers the DTG\'s action precedence first on a TO line, the others by rank, never FLASH first', () => {
    const header = (dtg: string, ...lines: string[]) => `VZCZCXRO0001\nOO RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\n${dtg}\nFM AMEMBASSY PARIS\n${lines.join('\n')}\nBT\n\nS E C R E T PARIS 000001\n`;
    // As a client lists them: by sort text, else by label. Without a sort text, FLASH came first and Enter wrote it.
    const shown = (text: string) =>
      [...completionsAt(text).items].sort((x, y) => ((x.sortText ?? x.label) < (y.sortText ?? y.label) ? -1 : 1)).map((i) => `${i.label}${i.preselect ? '*' : ''}`);
    assert.deepEqual(shown(header('O 011200Z JAN 09', 'TO RUEHC/SECSTATE WASHDC |')), ['IMMEDIATE*', 'ROUTINE', 'PRIORITY', 'NIACT IMMEDIATE', 'FLASH']);
    // An addressee line under TO, wrapped, is a TO line too.
    assert.equal(shown(header('P 011200Z JAN 09', 'TO RUEHC/SECSTATE WASHDC PRIORITY 0001', 'RUEHLO/AMEMBASSY LONDON |'))[0], 'PRIORITY*');
    // Under INFO, where the released cables write a precedence at or below the action's, none is preselected.
    assert.deepEqual(shown(header('O 011200Z JAN 09', 'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0001', 'INFO RUEHLO/AMEMBASSY LONDON |')), ['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'NIACT IMMEDIATE', 'FLASH']);
  });
});

describe('completion on a typed "/"', () => {
  const labelsAt = (text: string, triggerCharacter?: string) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.endsWith('/'));
    return getCompletions(parseCable(text).cable, { line, character: lines[line].length }, { dictionaries, triggerCharacter }).map((i) => i.label);
  };
  const cable = (line: string) => `S E C R E T NOWHERE 000001\n\n${line}\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n\u00b61. (S) Text.\n`;

  it('opens a marking\'s controls and the caveats, and no TAGS, which commas and spaces separate', () => {
    assert.ok(labelsAt(cable('NOFORN/'), '/').includes('EXDIS'));
    assert.ok(labelsAt(cable('SIPDIS').replace('\u00b61. (S) Text.', '\u00b61. (C/'), '/').includes('(C/NF)'));
    const tags = cable('SIPDIS').replace('TAGS: PREL', 'TAGS: PREL/');
    assert.deepEqual(labelsAt(tags, '/'), []);
    // Asked for (Ctrl+Space) after the "/", the TAGS are there.
    assert.ok(labelsAt(tags).includes('PGOV'));
  });
});

describe('completion: TAGS separators', () => {
  const cable = (tags: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\n${tags}\nSUBJECT: X\n`;
  /** The TAGS lines after accepting `label` at the caret, its additional edits applied too, as a client does. */
  function accepted(textWithCaret: string, label: string): string {
    const c = caret(textWithCaret);
    const item = completionsAt(textWithCaret).items.find((i) => i.label === label);
    assert.ok(item, `${label} is offered`);
    const document = TextDocument.create('file:///ws/x.cable', 'cable', 1, c.text);
    const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
    for (const e of item.additionalTextEdits ?? []) assert.ok(e.range.start.line < c.line || e.range.end.character <= editRange(item).start.character, 'an added comma comes before the TAG');
    const lines = TextDocument.applyEdits(document, edits).split('\n');
    return lines.slice(lines.findIndex((l) => l.startsWith('TAGS')), lines.findIndex((l) => l.startsWith('SUBJECT'))).join('\n');
  }

  it('puts a comma (or semicolon) after the TAG before one inserted where commas (or semicolons) separate the TAGS', () => {
    // "PREL, PGOV PTER" mixed the two styles.
    assert.equal(accepted(cable('TAGS: PREL, PGOV |'), 'PTER'), 'TAGS: PREL, PGOV, PTER');
    assert.equal(accepted(cable('TAGS: PREL, PGOV PT|'), 'PTER'), 'TAGS: PREL, PGOV, PTER');
    // Semicolons, where they separate the TAGS.
    assert.equal(accepted(cable('TAGS: PREL; PGOV |'), 'PTER'), 'TAGS: PREL; PGOV; PTER');
    // On a wrapped line too, where the field still reads whole with it (it ended at the line with the semicolon).
    const wrapped = accepted(cable('TAGS: PREL; PGOV; ECON;\n      PTER |'), 'KDEM');
    assert.equal(wrapped, 'TAGS: PREL; PGOV; ECON;\n      PTER; KDEM');
    assert.deepEqual(parseCable(cable(wrapped)).cable.tags?.tags.map((t) => t.code), ['PREL', 'PGOV', 'ECON', 'PTER', 'KDEM']);
    // After a person's name, after the parenthesis that closes it ("OVIP (NOVAK, JAN) PTER" mixed the two styles).
    assert.equal(accepted(cable('TAGS: PREL, PGOV, OVIP (NOVAK, JAN) |'), 'PTER'), 'TAGS: PREL, PGOV, OVIP (NOVAK, JAN), PTER');
    assert.equal(accepted(cable('TAGS: PREL, PGOV, OVIP (NOVAK, JAN)\n      P|'), 'PTER'), 'TAGS: PREL, PGOV, OVIP (NOVAK, JAN),\n      PTER');
    // On the next line of a wrapped field, the comma ends the line above.
    assert.equal(accepted(cable('TAGS: PREL, PGOV, ECON, ETRD, EFIN,\nPTER KDEM\nM|'), 'MT'), 'TAGS: PREL, PGOV, ECON, ETRD, EFIN,\nPTER KDEM,\nMT');
  });

  it('adds nothing where spaces separate the TAGS, a comma is there already, or the field has one TAG', () => {
    assert.equal(accepted(cable('TAGS: PREL PGOV |'), 'PTER'), 'TAGS: PREL PGOV PTER');
    assert.equal(accepted(cable('TAGS: PREL, PGOV, |'), 'PTER'), 'TAGS: PREL, PGOV, PTER');
    assert.equal(accepted(cable('TAGS: PREL, PGOV, OVIP (NOVAK, JAN), |'), 'PTER'), 'TAGS: PREL, PGOV, OVIP (NOVAK, JAN), PTER');
    assert.equal(accepted(cable('TAGS: PREL, PGOV,|'), 'PTER'), 'TAGS: PREL, PGOV,PTER');
    assert.equal(accepted(cable('TAGS: PREL |'), 'PGOV'), 'TAGS: PREL PGOV');
    // A name after OVIP is no TAG to count or to follow.
    assert.equal(accepted(cable('TAGS: OVIP (NOVAK, JAN) PREL |'), 'PGOV'), 'TAGS: OVIP (NOVAK, JAN) PREL PGOV');
    // Replacing a TAG in the middle of the field.
    assert.equal(accepted(cable('TAGS: PREL, PG|, ECON'), 'PGOV'), 'TAGS: PREL, PGOV, ECON');
  });
});

describe('completion: TAGS in a person\'s parenthesis', () => {
  const tags = (line: string) => `S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\n${line}\nSUBJECT: X\n`;

  it('offers no TAG in the parenthesis that names a person after OVIP, on a typed "(" or space or asked for', () => {
    // The "(" and the space after the name's comma each opened the list of TAGS ("OVIP (CLINTON, PREL").
    for (const [line, triggerCharacter] of [['TAGS: OVIP (|', '('], ['TAGS: OVIP (|)', '('], ['TAGS: PREL, OVIP (CLINTON, |)', ' '], ['TAGS: OVIP (CLINTON, H|', undefined]] as const) {
      assert.deepEqual(completionsAt(tags(line), 'plain', { triggerCharacter }).items, [], line);
    }
    // After it, TAGS again.
    assert.equal(completionsAt(tags('TAGS: OVIP (CLINTON, HILLARY) |'), 'plain', { triggerCharacter: ' ' }).items.length > 0, true);
  });
});

describe('completion: label details for a client that does not show them', () => {
  // LSP 3.17 sends labelDetails only to a client that declares labelDetailsSupport: the description goes in the detail.
  const plain = { labelDetails: false };
  it('folds a TAG\'s meaning, a REF letter\'s citation and a paragraph\'s first words into the detail', () => {
    const tag = completionsAt('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL |\nSUBJECT: X\n', 'plain', plain).items.find((i) => i.label === 'PGOV');
    assert.equal(tag?.labelDetails, undefined);
    assert.equal(tag?.detail, 'subject TAG (P) — Internal Governmental Affairs');
    const text = 'C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\nREF: A. STATE 4567\n\n¶1. (C) The harbor board met.\n\n¶2. (C) As ref |';
    const letters = completionsAt(text, 'plain', plain).items;
    assert.deepEqual(letters.map((i) => [i.label, i.detail, i.labelDetails]), [['A', 'STATE 4567', undefined]]);
    const paras = completionsAt(text.replace('ref |', 'para |'), 'plain', plain).items;
    assert.deepEqual(paras.map((i) => [i.label, i.detail, i.labelDetails]), [['1', '(C) The harbor board met.', undefined]]);
  });
});

describe('completion: TAGS descriptions', () => {
  const items = completionsAt('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL |\nSUBJECT: X\n').items;
  const described = (label: string) => items.find((i) => i.label === label)?.labelDetails?.description;

  it('lists the TAGS the released cables use most first, and those a TAG already on the line leaves out after them', () => {
    const order = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    // PREL is on the line: not offered again.
    assert.deepEqual(order.slice(0, 4), ['PGOV', 'PTER', 'PINR', 'ECON']);
    // Typed "P": the common political TAGS before the rare ones (PARM before PBIO, which no cable here uses).
    const p = order.filter((l) => l.startsWith('P'));
    assert.deepEqual(p.slice(0, 4), ['PGOV', 'PTER', 'PINR', 'PHUM']);
    assert.ok(p.indexOf('PARM') < p.indexOf('PBIO'));
  });

  it('describes each TAG by its first meaning, cut after a whole word with an ellipsis, never inside a word', () => {
    // The dictionary's "Internal Governmental Affairs ; PlusD label: …" showed as "Internal Governmental Affairs ; PlusD la".
    assert.equal(described('PGOV'), 'Internal Governmental Affairs');
    assert.equal(described('ECON'), 'Economic Conditions');
    for (const item of items) {
      const d = item.labelDetails?.description ?? '';
      // A hedge the description ends with is kept whole, and may take it past 40 ("Islam; used for… (secondary sources only)").
      const hedge = /…( \([^()]*\))$/.exec(d)?.[1] ?? (d.length > 40 || d.endsWith(' (secondary)') ? (/ \([^()]*\)$/.exec(d)?.[0] ?? '') : '');
      assert.ok(d.length - hedge.length <= 40, `${item.label}: ${d}`);
      assert.ok(!d.includes(' ; ') && !d.startsWith('PlusD label:'), `${item.label}: ${d}`);
      const meaning = String(item.documentation);
      if (d === 'unverified') continue;
      // " (secondary)" is the short form of the documentation's " (secondary sources only)".
      assert.ok(meaning.includes(hedge === ' (secondary)' ? '(secondary sources only)' : hedge.trim()), `${item.label}: ${hedge}`);
      // Every word shown is a whole word of the meaning (of each family's, for a code two share: "Austria or African Union").
      for (const whole of item.label === 'AU' ? d.split(' or ') : [d]) {
        const part = whole.slice(0, whole.length - hedge.length);
        const words = part.replace(/…$/, '').split(' ');
        assert.ok(meaning.includes(part.replace(/…$/, '')), `${item.label}: ${part}`);
        const next = meaning.charAt(meaning.indexOf(words.join(' ')) + words.join(' ').length);
        assert.ok(part.endsWith('…') || !/[A-Za-z]/.test(next), `${item.label}: "${part}" cuts "${meaning}"`);
        assert.ok(!part.endsWith('…') || !/[A-Za-z]/.test(next), `${item.label}: "${part}" cuts a word of "${meaning}"`);
      }
    }
  });

  it('keeps the hedge a meaning ends with, and marks one from secondary sources only, in the short description', () => {
    // "International Information Programs (blog description)" showed as "International Information Programs" and
    // "operational TAG concerning an individual; … (expansion not stated)" as "operational TAG concerning an…".
    assert.equal(shortMeaning('International Information Programs (blog description)'), 'International… (blog description)');
    assert.equal(shortMeaning('operational TAG concerning an individual; name must accompany it on the TAGS line (expansion not stated)'), 'operational TAG… (expansion not stated)');
    // A last parenthesis that says what a thing is, not how sure the reference is of it, is cut as before.
    assert.equal(shortMeaning('Organization for Security Cooperation in Europe (spelling of header address RUCNOSC)'), 'Organization for Security Cooperation…');
    // From secondary sources only: the label says so (its blog hedge is in the documentation).
    assert.equal(described('OIIP'), 'International Information… (secondary)');
    assert.equal(described('PGOV'), 'Internal Governmental Affairs');
    assert.match(String(items.find((i) => i.label === 'KISL')?.documentation), /\(blog description\) \(secondary sources only\)$/);
    // A note that changes how the code reads goes with its meaning: RI is Serbia in FIPS 10-4, but Belgrade writes SR.
    assert.equal(items.find((i) => i.label === 'RI')?.documentation, 'Serbia\n\nIn the released cables: Embassy Belgrade cables never use RI; they use SR (8 of 8).');
  });

  it('gives every family\'s meaning of a code two families share, never "unverified" for one the reference establishes', () => {
    // UN and EU were "unverified" (their geographic rows establish no meaning), though the organization rows give
    // United Nations and European Union; AU was Austria alone, though it is the African Union's TAG too.
    assert.equal(described('UN'), 'United Nations');
    assert.equal(described('EU'), 'European Union');
    assert.equal(described('AU'), 'Austria or African Union');
    const au = items.find((i) => i.label === 'AU');
    assert.equal(au?.detail, 'geographic TAG or organization TAG');
    assert.equal(au?.documentation, 'geographic TAG: Austria\n\norganization TAG: African Union\n\nNote: also a FIPS geo code (Austria is AU in FIPS 10-4); context decides; African Union expansion from cable text.');
    assert.match(items.find((i) => i.label === 'UN')?.documentation as string, /^organization TAG: United Nations\n\ngeographic TAG: Meaning unverified/);
  });
});

describe("completion: what an unverified TAG's row notes", () => {
  it("gives it in the documentation as the hover does, said to be unverified, never as the meaning", () => {
    const doc = (label: string, extra: Partial<CompletionContext> = {}) => String(completionsAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL |\nSUBJECT: X\n', 'plain', extra).items.find((i) => i.label === label)?.documentation);
    // YE: the reference establishes no meaning, but its row says Yemen is YM; the documentation said only "Meaning unverified".
    assert.match(doc('YE'), /^Meaning unverified: the dictionary's sources do not establish it\.\n\nWhat the reference notes of it, unverified: not a FIPS 10-4 code; Yemen is YM, [^\n]*\.$/);
    // Its label says no more than "unverified": the row's words are no meaning.
    assert.equal(completionsAt('UNCLAS NOWHERE 000001\n\nTAGS: PREL |\nSUBJECT: X\n').items.find((i) => i.label === 'YE')?.labelDetails?.description, 'unverified');
    // An invented row: its words besides "meaning not established" are the note; a row with none gives no line.
    const tag = (code: string, meaning: string) => ({ code, family: 'geographic' as const, meaning, source: 'mine.json', verified: false });
    const user = mergeDictionaries(dictionaries, [{ tags: [tag('QQ', 'meaning not established (not a FIPS 10-4 code; Nowhere is QN)'), tag('QR', 'meaning not established from available sources (see usage context)')], routingIndicators: [] }]);
    assert.equal(doc('QQ', { dictionaries: user }), "Meaning unverified: the dictionary's sources do not establish it.\n\nWhat the reference notes of it, unverified: not a FIPS 10-4 code; Nowhere is QN.");
    assert.equal(doc('QR', { dictionaries: user }), "Meaning unverified: the dictionary's sources do not establish it.");
    // A code two families share: the unverified family's note under its own line (UN's geographic row).
    assert.match(doc('UN'), /\n\ngeographic TAG: Meaning unverified[^\n]*\n\nWhat the reference notes of it, unverified: UN\/UNO also appear as organization TAGS\./);
  });
});

describe("completion: the host country's TAG", () => {
  const sorted = (text: string) => [...completionsAt(text).items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));

  it("offers an embassy's host-country TAG first, saying why, and leaves the order alone elsewhere", () => {
    const paris = sorted('C O N F I D E N T I A L PARIS 000708\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL |\nSUBJECT: X\n');
    assert.equal(paris[0].label, 'FR');
    assert.match(String(paris[0].documentation), /\n\nThe host country's TAG of Embassy Paris: 103 of 105 of its released cables carry it\.$/);
    // Belgrade's cables carry SR, which the reference gives as the TAGS usage, not the FIPS code RI.
    assert.equal(sorted('UNCLAS BELGRADE 000012\n\nE.O. 12958: N/A\nTAGS: PGOV, |\n').at(0)?.label, 'SR');
    // The field's first TAG: the released cables' order, subject TAGS first, as 149 of the 150 corpus cables that carry
    // their host's TAG beside others write it after them; the host's TAG is still offered, saying why.
    const first = sorted('C O N F I D E N T I A L PARIS 000708\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: |\nSUBJECT: X\n');
    assert.deepEqual(first.slice(0, 2).map((i) => i.label), ['PREL', 'PGOV']);
    assert.match(String(first.find((i) => i.label === 'FR')?.documentation), /host country's TAG of Embassy Paris/);
    // A post the reference did not check, and a cable with no banner: the released cables' order.
    assert.deepEqual(sorted('UNCLAS MARSEILLE 000012\n\nE.O. 12958: N/A\nTAGS: PREL |\n').slice(0, 2).map((i) => i.label), ['PGOV', 'PTER']);
    assert.ok(!sorted('UNCLAS MARSEILLE 000012\n\nE.O. 12958: N/A\nTAGS: PREL |\n').some((i) => /host country/.test(String(i.documentation))));
    // Already on the line: not offered again.
    assert.ok(!sorted('C O N F I D E N T I A L PARIS 000708\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: FR |\n').some((i) => i.label === 'FR'));
  });

  it("keeps the host's TAG in the list over another country's TAG written at the caret, as the whole-cable snippet's FR", () => {
    // "TAGS: PREL FR|" from Embassy Rome, the snippet's TAG selected: a client filtering by "FR" hid IT.
    const rome = (tags: string) => `C O N F I D E N T I A L ROME 000708\n\nE.O. 12958: DECL: 01/01/2019\n${tags}\nSUBJECT: X\n`;
    const shown = (text: string) => {
      const { line, character, items } = completionsAt(text, 'replace');
      return [...visible(line, character, items)].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    };
    assert.deepEqual(shown(rome('TAGS: PREL FR|')).slice(0, 2), ['IT', 'FR']);
    assert.equal(accept(rome('TAGS: PREL FR|'), 'IT', 'replace'), 'TAGS: PREL IT');
    // Not while a TAG is typed ("PG" of PGOV), nor where the field has the host's TAG already.
    assert.ok(!shown(rome('TAGS: PREL PG|')).includes('IT'));
    assert.ok(!shown(rome('TAGS: PREL IT FR|')).includes('IT'));
  });
});

describe('completion edits: reason letters', () => {
  const clby = (line: string) => `S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n${line}\n`;

  it("describes each reason letter as its hover does, an unverified wording said to be so", () => {
    // 1.4 (g) and (h) in the 2003 wording are marked unverified in the reference; their detail stated them as fact.
    const details = new Map(completionsAt(clby('Classified By: Jan Novak, for reasons 1.4 (|')).items.map((i) => [i.label, i.detail]));
    // The 2003 wording's letters come from secondary sources only (eo-reasons.tsv): said so, as the hover says it.
    assert.equal(details.get('b'), 'foreign government information (secondary sources only)');
    assert.equal(details.get('h'), 'weapons of mass destruction (2003 wording not read) (unverified)');
    assert.match(details.get('g') ?? '', /^vulnerabilities or capabilities of systems.* \(unverified\)$/);
  });

  it('offers reason letters where a letter can go', () => {
    check(clby('Classified By: Jan Novak, for reasons 1.4 (|'), 'Classified By: Jan Novak, for reasons 1.4 (b');
    check(clby('Classified By: Jan Novak, for reasons 1.4 |'), 'Classified By: Jan Novak, for reasons 1.4 b');
    check(clby('Classified By: Jan Novak, for reasons 1.4 (d|'), 'Classified By: Jan Novak, for reasons 1.4 (d');
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b) and (|'), 'Classified By: Jan Novak, for reasons 1.4 (b) and (d');
  });

  it('offers the next letter after a reason and "and" or a comma, in parentheses where the reason has them', () => {
    // "1.4 (b) and |" offered nothing until "(" was typed.
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b) and |'), 'Classified By: Jan Novak, for reasons 1.4 (b) and (d)');
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b) and d|'), 'Classified By: Jan Novak, for reasons 1.4 (b) and (d)');
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b), |'), 'Classified By: Jan Novak, for reasons 1.4 (b), (d)');
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b) & |'), 'Classified By: Jan Novak, for reasons 1.4 (b) & (d)');
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b), (d), and |'), 'Classified By: Jan Novak, for reasons 1.4 (b), (d), and (c)');
    check(clby('Classified By: Jan Novak, for reasons 1.4 b and |'), 'Classified By: Jan Novak, for reasons 1.4 b and d');
    // Inside the reason's own parentheses, a bare letter.
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b, |'), 'Classified By: Jan Novak, for reasons 1.4 (b, d');
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) and (d), |')), ['(c)', '(a)', '(e)', '(f)', '(g)', '(h)']);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.5 (b) and |')), ['(d)', '(c)', '(a)', '(e)', '(f)', '(g)']);
    // No separator, or a word rather than a letter typed: nothing.
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) |')), []);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) and de|')), []);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) and the|')), []);
  });

  it('offers each letter once, in the wording of the order the E.O. line cites', () => {
    // Section 1.4 gave a to h twice: as amended in 2003 and in E.O. 13526.
    const items = completionsAt(clby('Classified By: Jan Novak, for reasons 1.4 (|')).items;
    assert.deepEqual(items.map((i) => i.label), ['b', 'd', 'c', 'a', 'e', 'f', 'g', 'h']);
    assert.match(String(items[2].detail), /special activities/);
    const under13526 = completionsAt(clby('Classified By: Jan Novak, for reasons 1.4 (|').replace('E.O. 12958', 'E.O. 13526')).items;
    assert.deepEqual(under13526.map((i) => i.label), ['b', 'd', 'c', 'a', 'e', 'f', 'g', 'h']);
    assert.match(String(under13526[2].detail), /covert action/);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.5 (|')), ['b', 'd', 'c', 'a', 'e', 'f', 'g']);
  });

  it('never replaces the digits of the order section', () => {
    // "reasons 1.4" gave "reasons 1.a".
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4|')), []);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.5|')), []);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.|')), []);
  });

  it('never glues a letter in front of one already written', () => {
    // "1.4 |(b)" gave "1.4 a(b)", and "1.4 (|b)" gave "1.4 (ab)".
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 |(b) and (d).')), []);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (|b) and (d).')), []);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) and (|d).')), []);
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b|) and (d).'), 'Classified By: Jan Novak, for reasons 1.4 (b) and (d).');
  });

  it('offers no letter the line gives already, but for the one at the caret', () => {
    // "1.4 (b) and (|" offered b first: "(b) and (b)".
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) and (|')), ['d', 'c', 'a', 'e', 'f', 'g', 'h']);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (B), (d) and (|)')), ['c', 'a', 'e', 'f', 'g', 'h']);
    assert.deepEqual(labelsAt(clby('Classified By: Jan Novak, for reasons 1.4 (|) and (d).')), ['b', 'c', 'a', 'e', 'f', 'g', 'h']);
    check(clby('Classified By: Jan Novak, for reasons 1.4 (b) and (|'), 'Classified By: Jan Novak, for reasons 1.4 (b) and (d');
  });

  it('offers the letters the corpus\'s lines give most first, the first of them preselected: (b), then (d)', () => {
    // Found writing a cable from an empty file: "1.4 (" offered a first, and "(b) and (" a, where b and d follow.
    const first = completionsAt(clby('Classified By: Jan Novak, for reasons 1.4 (|')).items[0];
    assert.deepEqual([first.label, first.preselect], ['b', true]);
    const second = completionsAt(clby('Classified By: Jan Novak, for reasons 1.4 (b) and |')).items[0];
    assert.deepEqual([second.label, second.preselect], ['(d)', true]);
  });
});

describe('completion edits: routing indicators', () => {
  /** A header whose address lines are `lines`. */
  const header = (...lines: string[]) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\n${lines.join('\n')}\nBT\n\nS E C R E T PARIS 000001\n`;

  it('offers nothing in or before the TO, INFO or XMT keyword', () => {
    // "INF|O RUEHHE/…" gave "RBDHDZA/COMUSNAVCENTO RUEHHE/…".
    for (const line of ['INF|O RUEHHE/AMEMBASSY HELSINKI 0001', '|TO RUEHC/SECSTATE WASHDC 0001', 'TO|', 'T|O RUEHC/SECSTATE WASHDC', '  |INFO RUEHHE/AMEMBASSY HELSINKI', 'XMT|', 'INF|']) {
      assert.deepEqual(labelsAt(header('TO RUEHLO/AMEMBASSY LONDON 0001', line)), [], line);
    }
  });

  it('offers no addressee on a format line being typed above the address lines', () => {
    // Typing a header from the top: the "O" of "OO RUEHWEB", the "D" of "DE", the "Z" of "ZNY", the "F" of "FM"
    // each opened a list of 353 addressees.
    const lines = ['VZCZCXRO0001', 'PP RUEHWEB', 'DE RUEHFR #0001/01 0011200', 'ZNY SSSSS ZZH', 'P 011200Z JAN 09', 'FM AMEMBASSY PARIS'];
    for (let n = 1; n < lines.length; n++) {
      const typing = [...lines.slice(0, n), `${lines[n][0]}|`].join('\n');
      assert.deepEqual(labelsAt(typing), [], typing);
    }
    // Under a TO line, a line being typed is a continuation addressee.
    assert.ok(labelsAt(header('TO RUEHLO/AMEMBASSY LONDON 0001', 'R|')).includes('RUEHHE/AMEMBASSY HELSINKI'));
  });

  it('lists first the addressees the released cables\' headers hold most, a user dictionary\'s after the counted ones', () => {
    // "TO |" listed RBDHDZA/COMUSNAVCENT first, by code, and SECSTATE WASHDC far below.
    const byRank = (text: string, extra: Partial<CompletionContext> = {}) => [...completionsAt(text, 'plain', extra).items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(byRank(header('TO |')).slice(0, 3), ['RUEHC/SECSTATE WASHDC', 'RHEHNSC/NSC WASHDC', 'RUEAIIA/CIA WASHDC']);
    const withUser = { dictionaries: mergeDictionaries(dictionaries, [{ tags: [], routingIndicators: [{ code: 'RUEHZZZ', address: 'AMEMBASSY NOWHERE', source: 'user' }] }]) };
    const ranked = byRank(header('TO |'), withUser);
    assert.equal(ranked[0], 'RUEHC/SECSTATE WASHDC');
    assert.ok(ranked.indexOf('RUEHZZZ/AMEMBASSY NOWHERE') > ranked.indexOf('RUEHLO/AMEMBASSY LONDON'));
  });

  it("says when the headers pair an indicator with other addresses than the one the item writes", () => {
    // RHMFISS/CDR USCENTCOM MACDILL AFB FL was offered as if it were the indicator's only station.
    const byLabel = new Map(completionsAt(header('TO |')).items.map((i) => [i.label, i.documentation]));
    const rhmfiss = String(byLabel.get('RHMFISS/CDR USCENTCOM MACDILL AFB FL'));
    assert.match(rhmfiss, /^The headers of the released cables pair RHMFISS with \d+ addresses as written \(spelling variants among them\); this one 54 times\. Others: HQ USEUCOM VAIHINGEN GE \(53\), HQ USCENTCOM MACDILL AFB FL \(41\), [^\n]*, and \d+ more\.$/);
    assert.match(String(byLabel.get('RUEHC/SECSTATE WASHDC')), /pair RUEHC with 9 addresses [^\n]*this one 1103 times\. Others: DEPARTMENT OF LABOR WASHDC \(7\), DEPT OF LABOR WASHINGTON DC \(7\), [^\n]*, and 3 more\.$/);
    // One address seen: nothing to add.
    assert.equal(byLabel.get('RBDHDZA/COMUSNAVCENT'), undefined);
  });

  it('offers routing indicators after the keyword and a space, and on continuation lines', () => {
    check(header('TO RUEHLO/AMEMBASSY LONDON 0001', 'INFO RUEHH|'), 'INFO RUEHHE/AMEMBASSY HELSINKI', 'RUEHHE/AMEMBASSY HELSINKI');
    check(header('TO |'), 'TO RUEHC/SECSTATE WASHDC', 'RUEHC/SECSTATE WASHDC');
    check(header('INFO RUEHLO/AMEMBASSY LONDON 0001', '     RUEHH|'), '     RUEHHE/AMEMBASSY HELSINKI', 'RUEHHE/AMEMBASSY HELSINKI');
  });
});

describe('completion edits: portion markings', () => {
  const confidential = (line: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n${line}\n`;

  it('replaces a marking with words and commas already written up to its parenthesis', () => {
    // "¶2. (|C//REL TO USA, EST)" gave "¶2. (C)C//REL TO USA, EST)".
    check(confidential('¶2. (|C//REL TO USA, EST)'), '¶2. (C) ');
    check(confidential('¶2. (|C//REL TO USA, EST) The minister agreed.'), '¶2. (C) The minister agreed.');
    check(confidential('¶2. (C|//REL TO USA, EST) The minister agreed.'), '¶2. (C) The minister agreed.');
    check(confidential('¶2. (S|//REL TO USA, EST) The minister agreed.'), '¶2. (S/NF) The minister agreed.', '(S/NF)');
    check(confidential('2. (|SBU) The minister agreed.'), '2. (C) The minister agreed.');
    // Right before a marking: "(C)(C//REL TO USA, EST)".
    check(confidential('¶2. |(C//REL TO USA, EST) The minister agreed.'), '¶2. (C) The minister agreed.');
    check(confidential('¶2.|(C) The minister agreed.'), '¶2.(C) The minister agreed.');
  });

  it('puts a space between the marking and the words after it, which replace mode leaves in place', () => {
    // "¶2. |The minister" gave "¶2. (C)The minister", and in replace mode "¶2. (C) minister".
    checkModes(confidential('¶2. |The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    checkModes(confidential('¶2. (|The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    checkModes(confidential('¶2. (|FERRY FARES'), '¶2. (C) FERRY FARES', '¶2. (C) FERRY FARES');
    // A letter typed after the "(": replace mode took the capitals after it for the marking's rest ("¶2. (C) FARES").
    checkModes(confidential('¶2. (C|FERRY FARES'), '¶2. (C) FERRY FARES', '¶2. (C) FERRY FARES', '(C)');
    // Letters typed after the "(" and the rest of a marking's letters: replace mode takes them.
    checkModes(confidential('¶2. (S|/N The minister agreed.'), '¶2. (S/NF)/N The minister agreed.', '¶2. (S/NF) The minister agreed.', '(S/NF)');
  });

  it('replaces a marking written with a brace or bracket for a parenthesis, as the parser reads it', () => {
    // "¶2. |{C) The minister" gave "¶2. (C) {C) The minister": two markings, as CBL028's fix wrote before the parser read them.
    checkModes(confidential('¶2. |{C) The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    checkModes(confidential('¶2. |[S/NF] The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    checkModes(confidential('¶2. (|C} The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    // An "I" for the ")": "¶2. (C) (CI The minister".
    checkModes(confidential('¶2. |(CI The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    checkModes(confidential('¶2. (|CI The minister agreed.'), '¶2. (C) The minister agreed.', '¶2. (C) The minister agreed.');
    // Prose in brackets stays.
    check(confidential('¶2. |[Text follows] The minister agreed.'), '¶2. (C) [Text follows] The minister agreed.');
  });

  it('leaves prose in parentheses after the caret alone', () => {
    check(confidential('¶2. (| The minister (of finance) agreed.'), '¶2. (C) The minister (of finance) agreed.');
    check(confidential('¶2.| (of finance) The minister agreed.'), '¶2. (C) (of finance) The minister agreed.');
    check(confidential('¶2.| Summary: (C) The minister agreed.'), '¶2. (C) Summary: (C) The minister agreed.');
  });

  it('puts the marking asked for right after the marker\'s full stop where the cable\'s marked paragraphs put theirs', () => {
    // "2.|" under "1. (C)" gave "2.(C)".
    // At the line's end, a space after the marking, for the words typed next.
    check(confidential('1. (C) The board met.\n\n2.|'), '2. (C) ');
    check(confidential('¶1. (C) The board met.\n\n¶2.|'), '¶2. (C) ');
    check(confidential('¶1. (C) The board met.\n\n¶2.|'), '¶2. (S/NF) ', '(S/NF)');
    check(confidential('1.(C) The board met.\n\n2.|'), '2.(C) ');
    check(confidential('1.|'), '1. (C) ');
    // A "(" typed there is the writer's own choice.
    check(confidential('1. (C) The board met.\n\n2.(|'), '2.(C) ');
  });

  it('replaces a marking after white space, keeping the white space when nothing else stands before it', () => {
    // "¶1.| (C) The minister said" gave "¶1.(C) (C) The minister said".
    checkModes(confidential('¶1.| (C) The minister said.'), '¶1. (C) The minister said.', '¶1. (C) The minister said.');
    checkModes(confidential('1.| (C) The minister said.'), '1. (C) The minister said.', '1. (C) The minister said.');
    checkModes(confidential('¶1.| (C) The minister said.'), '¶1. (S/NF) The minister said.', '¶1. (S/NF) The minister said.', '(S/NF)');
    check(confidential('¶1.\t| (C//REL TO USA, EST) The minister said.'), '¶1.\t (C) The minister said.');
    check(confidential('¶1.| (C Deputy chief of mission Ana Vidal said.'), '¶1. (C) Deputy chief of mission Ana Vidal said.');
    // Something typed before it: the typed marking replaces both ("¶1. (C)(C)", "¶1. (S) (C)").
    check(confidential('¶1. (|(C) The minister said.'), '¶1. (C) The minister said.');
    check(confidential('¶1. (| (C) The minister said.'), '¶1. (C) The minister said.');
    check(confidential('¶1. S| (C) The minister said.'), '¶1. (S) The minister said.', '(S)');
  });
});

describe('completion edits: a subject\'s portion marking', () => {
  const subject = (line: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\n${line}\n\n¶1. (C) Text.\n`;
  const itemsAt = (line: string, trigger?: string) => completionsAt(subject(line), 'plain', { triggerCharacter: trigger }).items.map((i) => i.label);

  it('offers the markings after SUBJECT: or SUBJ:, the banner\'s level preselected, on a "(" typed or when asked', () => {
    // A space after the marking, for the subject typed next: "(C)" alone left it glued, "SUBJECT: (C)HARBOR PATROLS".
    check(subject('SUBJECT: (|'), 'SUBJECT: (C) ');
    check(subject('SUBJECT: (S|'), 'SUBJECT: (S/NF) ', '(S/NF)');
    check(subject('Subject: (|'), 'Subject: (C) ');
    check(subject('SUBJ: (|'), 'SUBJ: (C) ');
    // "SUBJECT;", with a semicolon for its colon, is the subject's keyword too: it offered nothing.
    check(subject('SUBJECT; (|'), 'SUBJECT; (C) ');
    check(subject('SUBJECT:|'), 'SUBJECT: (C) ');
    assert.deepEqual(itemsAt('SUBJECT: (|', '(').slice(0, 2), ['(C)', '(C/NF)']);
  });

  it('puts a space between the marking and the subject written after it, and replaces a marking written there', () => {
    checkModes(subject('SUBJECT: |HARBOR PATROLS'), 'SUBJECT: (C) HARBOR PATROLS', 'SUBJECT: (C) HARBOR PATROLS');
    checkModes(subject('SUBJECT: (|HARBOR PATROLS'), 'SUBJECT: (C) HARBOR PATROLS', 'SUBJECT: (C) HARBOR PATROLS');
    check(subject('SUBJECT: (|S) HARBOR PATROLS'), 'SUBJECT: (C) HARBOR PATROLS');
    // "SUBJECT: (C|HARBOR PATROLS" gave "SUBJECT: (C) PATROLS" in replace mode, and "(C)HARBOR" in the others.
    checkModes(subject('SUBJECT: (C|HARBOR PATROLS'), 'SUBJECT: (C) HARBOR PATROLS', 'SUBJECT: (C) HARBOR PATROLS', '(C)');
    check(subject('SUBJECT: |(S//REL TO USA, EST) HARBOR PATROLS'), 'SUBJECT: (C) HARBOR PATROLS');
  });

  it('offers nothing on a space typed after the keyword, in the subject\'s words, or on a line of the text', () => {
    assert.deepEqual(itemsAt('SUBJECT: |', ' '), []);
    assert.deepEqual(itemsAt('SUBJECT: HARBOR |'), []);
    assert.deepEqual(itemsAt('SUBJECT: HARBOR (|', '('), []);
    assert.deepEqual(labelsAt('C O N F I D E N T I A L NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) The subject: (|'), []);
  });
});

describe('completion edits: a block\'s closer', () => {
  const body = (text: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: HARBOR DUES\n\n${text}\n`;
  const itemsAt = (text: string, trigger?: string) => completionsAt(body(text), 'plain', { triggerCharacter: trigger }).items.map((i) => i.label);

  it('offers the closer of a Summary, Comment or Note left open, asked for after a sentence\'s end', () => {
    check(body('¶1. (C) Summary: The harbor board met. |'), '¶1. (C) Summary: The harbor board met. End Summary.');
    check(body('¶1. (C) Summary: The harbor board met. En|'), '¶1. (C) Summary: The harbor board met. End Summary.');
    check(body('¶1. (C) Summary: The harbor board met.|'), '¶1. (C) Summary: The harbor board met. End Summary.');
    // In capitals after an opener in capitals; on a line of its own under the paragraph's text.
    check(body('¶1. (C) SUMMARY: The harbor board met.\nE|'), 'END SUMMARY.');
    check(body('¶2. (C) The board met (Note: fares rose. |).'), '¶2. (C) The board met (Note: fares rose. End Note.).');
    // The innermost block left open: a Note inside a Comment.
    check(body('¶2. (C) Comment: Fares rose. Note: Twice. End Note. The |'), undefined);
    check(body('¶2. (C) Comment: Fares rose. Note: Twice. End Note. |'), '¶2. (C) Comment: Fares rose. Note: Twice. End Note. End Comment.');
    check(body('¶2. (C) Comment: Fares rose. Note: Twice. |'), '¶2. (C) Comment: Fares rose. Note: Twice. End Note.');
  });

  it('offers no closer in the middle of a sentence, on a space typed, for a block closed or outside any block', () => {
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met. |', ' '), []);
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor |'), []);
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met. S|'), []);
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met. End Summary. |'), []);
    assert.deepEqual(itemsAt('¶1. (C) The harbor board met. |'), []);
    assert.deepEqual(itemsAt('¶1. (C) Summary: The board met. End Summary.\n\n¶2. (C) Fares rose. |'), []);
  });

  it('offers no closer with text after the caret on its line, but for the punctuation that closes a sentence or a bracket', () => {
    // "… met. |Fares rose." offered "End Summary.", which cut the Summary's sentences in two.
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met. |Fares rose.'), []);
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met.|Fares rose.'), []);
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met. E|Fares rose.'), []);
    // On a line of its own under the block, before the words written there.
    assert.ok(!itemsAt('¶1. (C) Summary: The harbor board met.\n|Fares rose.').includes('End Summary.'));
    assert.ok(!itemsAt('¶1. (C) Summary: The harbor board met.\n\n|Fares rose.').includes('End Summary.'));
    // White space or closing punctuation after the caret still takes it.
    check(body('¶1. (C) Summary: The harbor board met. |  '), '¶1. (C) Summary: The harbor board met. End Summary.  ');
    check(body('¶2. (C) The board met [Note: fares rose. |]'), '¶2. (C) The board met [Note: fares rose. End Note.]');
  });

  it('offers the closer on a line of its own under the block, first right under its text and after the markers a blank line below', () => {
    // A new line under an open Summary offered only the next paragraph's marker.
    check(body('¶1. (C) SUMMARY: The harbor board met.\n|'), 'END SUMMARY.');
    check(body('¶1. (C) Summary: The harbor board met.\n  |'), '  End Summary.');
    assert.deepEqual(itemsAt('¶1. (C) Summary: The harbor board met.\n|').slice(0, 2), ['End Summary.', '¶2. (C)']);
    // A blank line below, where a new paragraph starts: the marker first, the closer after the markers.
    check(body('¶1. (C) Summary: The harbor board met.\n\n|'), '¶2. (C) ');
    const below = completionsAt(body('¶1. (C) Summary: The harbor board met.\n\n|'), 'plain').items;
    assert.equal(below[below.length - 1].label, 'End Summary.');
    assert.ok(below.findIndex((i) => i.label === 'End Summary.') > 0 && !below[below.length - 1].preselect);
    check(body('¶1. (C) Summary: The harbor board met.\n\nE|'), 'End Summary.');
    // Right under it too in a cable whose paragraphs follow each other with no blank line between.
    const packed = '¶1. (C) The board met.\n¶2. (C) Fares rose.\n¶3. (C) Comment: Dues will rise.\n|';
    check(body(packed), '¶4. (C) ');
    assert.equal(itemsAt(packed).at(-1), 'End Comment.');
    // Two blank lines below, a closed block, or a paragraph in between: no closer.
    assert.ok(!itemsAt('¶1. (C) Summary: The harbor board met.\n\n\n|').includes('End Summary.'));
    assert.ok(!itemsAt('¶1. (C) Summary: The harbor board met. End Summary.\n|').includes('End Summary.'));
    assert.ok(!itemsAt('¶1. (C) Summary: The harbor board met.\n\n¶2. (C) Fares rose.\n|').includes('End Summary.'));
  });
});

describe('completion edits: the fields a draft lacks under its banner', () => {
  const banner = 'C O N F I D E N T I A L NOWHERE 000012\n\nSIPDIS\n\n';
  const offered = (text: string) => completionsAt(text).items.map((i) => `${i.label}${i.preselect ? '*' : ''}`);

  it('offers the next of E.O., TAGS and SUBJECT first at a line\'s start, where the first paragraph\'s marker came first', () => {
    // "E.O. …" ⏎ "|" offered "¶1. (C)" first: Enter wrote a paragraph where the TAGS line goes.
    check(`${banner}E.O. 12958: DECL: 01/01/2019\n|`, 'TAGS: ');
    check(`${banner}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\n|`, 'SUBJECT: ');
    assert.deepEqual(offered(`${banner}E.O. 12958: DECL: 01/01/2019\n|`).slice(0, 3), ['TAGS:*', 'SUBJECT:', '¶1. (C)']);
    // The keyword's first letters, in capitals or not.
    check(`${banner}E.O. 12958: DECL: 01/01/2019\nTA|`, 'TAGS: ');
    check(`${banner}E.O. 12958: DECL: 01/01/2019\ntags: PREL\nsu|`, 'SUBJECT: ');
    // The order in effect on the cable's date, else today's: E.O. 13526 from 25 June 2010, E.O. 12958 before.
    check(`${banner}E.O|`, 'E.O. 13526: ');
    const dated = (dtg: string) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY CCCCC ZZH\n${dtg}\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\n${banner}|`;
    check(dated('P 011200Z JAN 09'), 'E.O. 12958: ', 'E.O. 12958:');
    check(dated('P 011200Z JUL 10'), 'E.O. 13526: ', 'E.O. 13526:');
  });

  it('offers Classified By under a classified banner after SUBJECT, and REF, last, only on the line right under SUBJECT or the blank line below it', () => {
    const head = `${banner}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n`;
    // A CONFIDENTIAL cable with no Classified By line was offered only the first paragraph's markers there.
    check(`${head}\n|`, 'Classified By: ');
    check(`${head}\nCl|`, 'Classified By: ');
    check(`${head}\nclassified b|`, 'Classified By: ');
    assert.equal(offered(`${head}\n|`)[0], 'Classified By:*');
    // Right under SUBJECT, REF, after every other item and never preselected: a cable may cite nothing. Classified By
    // stands under a blank line.
    const under = offered(`${head}|`);
    assert.equal(under[0], '¶1. (C)*');
    assert.equal(under.at(-1), 'REF:');
    assert.ok(!under.includes('Classified By:'));
    check(`${head}RE|`, 'REF: ');
    // Under REF and a blank line, Classified By.
    check(`${head}REF: STATE 4567\n\n|`, 'Classified By: ');
    // Under the blank line below SUBJECT, where most REF fields stand, REF too, last, after Classified By; not under two.
    const spacedRef = offered(`${head}\n|`);
    assert.deepEqual([spacedRef[0], spacedRef.at(-1)], ['Classified By:*', 'REF:']);
    check(`${head}\nRE|`, 'REF: ');
    assert.ok(!offered(`${head}\n\n|`).includes('REF:'));
    assert.ok(!offered(`${head}\nREF: A. STATE 1234\n\n|`).includes('REF:'));
    // Where the next REF item may go too, the item's letter first, Classified By last.
    const spaced = offered(`${head}\nREF: A. STATE 1234\n\nB. NOWHERE 567\n\n|`);
    assert.equal(spaced[0], 'C.*');
    assert.equal(spaced.at(-1), 'Classified By:');
    assert.ok(!offered(`${head}\nREF: A. STATE 1234\n|`).includes('Classified By:'));
    // Under an UNCLAS banner no Classified By, but REF under SUBJECT; under a cable that has one, none.
    const unclas = `UNCLAS NOWHERE 000012\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY DUES\n`;
    assert.ok(!offered(`${unclas}\n|`).some((l) => l.startsWith('Classified')));
    assert.equal(offered(`${unclas}|`).at(-1), 'REF:');
    assert.ok(!offered(`${unclas}|`).some((l) => l.endsWith('*') && l.startsWith('REF')));
    assert.ok(!offered(`${head}|\nClassified By: Ruth Calloway for reasons 1.4 (b).\n`).some((l) => l.startsWith('Classified')));
    assert.ok(!offered(`${head}\nClassified By: Ruth Calloway for reasons 1.4 (b).\n\n|`).some((l) => l.startsWith('Classified')));
    // Not before SUBJECT is written, where the E.O., TAGS and SUBJECT keywords go.
    assert.ok(!offered(`${banner}E.O. 12958: DECL: 01/01/2019\n|`).some((l) => l.startsWith('Classified') || l.startsWith('REF')));
  });

  it('offers no field written already, none out of its place, and none in the body or on a typed character', () => {
    const full = `${banner}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n`;
    assert.ok(!offered(`${full}|`).some((l) => /^(E\.O\.|TAGS|SUBJECT)/.test(l)));
    // Between TAGS and SUBJECT written, nothing goes; above TAGS, no SUBJECT.
    assert.deepEqual(offered(`${banner}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\n|\nSUBJECT: X\n`), []);
    assert.ok(!offered(`${banner}|\nTAGS: PREL\n`).includes('SUBJECT:'));
    // Nor above a REF field or a Classified By line written below it, nor under one.
    assert.ok(!offered(`${banner}E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nREF: STATE 1\n|`).includes('SUBJECT:'));
    assert.deepEqual(offered(`${banner}E.O. 12958: DECL: 01/01/2019\n|\nClassified By: Ruth Calloway for reasons 1.4 (b).\n`).slice(0, 2), ['TAGS:*', 'SUBJECT:']);
    // Under the first paragraph, or under prose, the text has started.
    assert.ok(!offered(`${banner}E.O. 12958: DECL: 01/01/2019\n\n¶1. (C) The board met.\n\n|`).some((l) => l.startsWith('TAGS')));
    assert.ok(!offered('C O N F I D E N T I A L NOWHERE 000012\n\nWe met the minister on Monday.\n\n|').some((l) => l.startsWith('E.O.')));
    assert.deepEqual(completionsAt(`${banner}E.O. 12958: DECL: 01/01/2019\n|`, 'plain', { triggerCharacter: ' ' }).items, []);
    // A caveat's letters typed: no field.
    assert.ok(!offered(`${banner}NO|`).some((l) => l.startsWith('E.O.')));
  });

  it('opens the field\'s values once its keyword is accepted, for a client that runs editor.action.triggerSuggest', () => {
    // Found writing a cable from an empty file: "TAGS: " accepted, the TAGS needed Ctrl+Space (Markdown opens a folder's files).
    const commands = (text: string, extra: Partial<CompletionContext> = {}) => completionsAt(text, 'plain', extra).items.map((i) => `${i.label} ${i.command?.command ?? '-'}`);
    const again = { suggestAgain: true };
    assert.deepEqual(commands(`${banner}E.O. 13526: DECL: 01/01/2036\n|`, again).filter((l) => /^(TAGS|SUBJECT)/.test(l)), ['TAGS: editor.action.triggerSuggest', 'SUBJECT: -']);
    assert.ok(commands(`${banner}|`, again).includes('E.O. 13526: editor.action.triggerSuggest'));
    const clby = `${banner}E.O. 13526: DECL: 01/01/2036\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n|`;
    assert.ok(commands(clby, again).includes('Classified By: editor.action.triggerSuggest'));
    assert.ok(commands(clby.replace('\n\n|', '\n|'), again).includes('REF: editor.action.triggerSuggest'));
    // The banner's level, then its post, open the next list; its serial is the line's last word.
    assert.ok(commands('|', again).every((l) => l.endsWith(' editor.action.triggerSuggest')));
    assert.ok(commands('S E C R E T |', again).every((l) => l.endsWith(' editor.action.triggerSuggest')));
    assert.deepEqual(commands('S E C R E T PARIS |', again), ['000001 -']);
    // No command for another client, nor on items that end a line or a value (a caveat, a paragraph's marker).
    assert.ok(commands(`${banner}|`).every((l) => l.endsWith(' -')));
    assert.ok(commands(`${banner}|`, again).filter((l) => /^(NOFORN|¶)/.test(l)).every((l) => l.endsWith(' -')));
  });

  it('offers the fields after the caveats in the caveat zone, and first under a blank line below the caveats', () => {
    // Right under the banner's blank line, and right under a caveat, the caveats come first.
    const top = 'C O N F I D E N T I A L NOWHERE 000012\n\n';
    assert.deepEqual(offered(`${top}|`).slice(-3), ['E.O. 13526:', 'TAGS:', 'SUBJECT:']);
    assert.equal(offered(`${top}|`)[0], 'NOFORN');
    assert.equal(offered(`${top}SIPDIS\n|`)[0], 'NOFORN');
    // Under a blank line below them ("SIPDIS" ⏎ ⏎ "|"), where the corpus's cables write the E.O. line more often than
    // another caveat (99 to 54), the E.O. line first and preselected, the caveats after it: Enter wrote NOFORN there.
    const below = offered(`${banner}|`);
    assert.deepEqual(below.slice(0, 3), ['E.O. 13526:*', 'TAGS:', 'SUBJECT:']);
    assert.ok(below.includes('NOFORN'), below.join());
  });
});

describe('completion edits: the caveat zone in a draft', () => {
  it('offers no caveats in body prose when there is no E.O. line', () => {
    // "cover about a" gave "cover about NOFORN", and every space opened the list.
    const draft = 'S E C R E T NOWHERE 000001\n\nNOFORN\n\n';
    assert.deepEqual(labelsAt(`${draft}We met the minister to discuss cover about a|`), []);
    assert.deepEqual(labelsAt(`${draft}We met the minister to discuss cover about |`), []);
    assert.deepEqual(labelsAt(`${draft}We met the minister to discuss the matter.\nNO|`), []);
    assert.deepEqual(labelsAt(`${draft}1. (S) We met the minister to discuss\ncover about a|`), []);
    assert.deepEqual(labelsAt(`${draft}1. (S) We met the minister to discuss\nNO|`), []);
  });

  it('ends the caveat zone at the first metadata field', () => {
    const draft = 'S E C R E T NOWHERE 000001\nNOFORN\nTAGS: PREL\nSUBJECT: X\n\n';
    assert.deepEqual(labelsAt(`${draft}NO|`), []);
    assert.deepEqual(labelsAt(`${draft}The visit went well about |`), []);
  });

  it('still offers caveats between the banner and the body of a draft', () => {
    check('S E C R E T NOWHERE 000001\n\nNO|', 'NOFORN');
    check('S E C R E T NOWHERE 000001\n\nSIPDIS\nNOF|\n\n1. (S) We met the minister.\n', 'NOFORN');
    check('S E C R E T NOWHERE 000001\n\nDEPARTMENT FOR EUR/CE\nSIP|\n\nWe met the minister.\n', 'SIPDIS');
  });
});

describe('completion edits: in the middle of a word', () => {
  const cable = (...lines: string[]) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 01/01/2019\n${lines.join('\n')}\n`;
  const header = (...lines: string[]) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHFR #0001/01 0011200\nZNY SSSSS ZZH\nP 011200Z JAN 09\nFM AMEMBASSY PARIS\n${lines.join('\n')}\nBT\n\nS E C R E T PARIS 000001\n`;

  it('replaces the rest of a TAG, which is still offered though it is present', () => {
    // "PR|EL" accepted as PREL gave "PRELEL".
    checkModes(cable('TAGS: PR|EL, PGOV'), 'TAGS: PRELEL, PGOV', 'TAGS: PREL, PGOV', 'PREL');
    checkModes(cable('TAGS: PREL, PG|OV'), 'TAGS: PREL, PGOVOV', 'TAGS: PREL, PGOV', 'PGOV');
    checkModes(cable('TAGS: PREL |PGOV'), 'TAGS: PREL FRPGOV', 'TAGS: PREL FR', 'FR');
    // At the end of a word nothing changes.
    checkModes(cable('TAGS: PREL, PG|'), 'TAGS: PREL, PGOV', 'TAGS: PREL, PGOV', 'PGOV');
  });

  it('replaces the rest of a caveat, word by word while the words spell it, never the next caveat', () => {
    const caveats = (line: string) => `S E C R E T NOWHERE 000001\n\n${line}\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n`;
    checkModes(caveats('NOF|ORN, SIPDIS'), 'NOFORNORN, SIPDIS', 'NOFORN, SIPDIS', 'NOFORN');
    checkModes(caveats('NOFORN/SIP|DIS'), 'NOFORN/SIPDISDIS', 'NOFORN/SIPDIS', 'SIPDIS');
    checkModes(caveats('NOT FOR INT|ERNET DISTRIBUTION'), 'NOT FOR INTERNET DISTRIBUTIONERNET DISTRIBUTION', 'NOT FOR INTERNET DISTRIBUTION', 'NOT FOR INTERNET DISTRIBUTION');
    checkModes(caveats('NOT FOR INT|ERNET DISTRIB, SIPDIS'), 'NOT FOR INTERNET DISTRIBUTIONERNET DISTRIB, SIPDIS', 'NOT FOR INTERNET DISTRIBUTION, SIPDIS', 'NOT FOR INTERNET DISTRIBUTION');
  });

  it('replaces the rest of a precedence phrase, never the serial after it', () => {
    checkModes(header('TO RUEHC/SECSTATE WASHDC IMM|EDIATE 0001'), 'TO RUEHC/SECSTATE WASHDC IMMEDIATEEDIATE 0001', 'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0001', 'IMMEDIATE');
    checkModes(header('TO RUEHC/SECSTATE WASHDC NIA|CT IMMEDIATE 0001'), 'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATECT IMMEDIATE 0001', 'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 0001', 'NIACT IMMEDIATE');
    checkModes(header('TO RUEHC/SECSTATE WASHDC PRI|0001'), 'TO RUEHC/SECSTATE WASHDC PRIORITY0001', 'TO RUEHC/SECSTATE WASHDC PRIORITY0001', 'PRIORITY');
  });

  it('replaces an addressee\'s routing indicator and address, not its precedence and serial', () => {
    const helsinki = 'RUEHHE/AMEMBASSY HELSINKI';
    checkModes(header('TO RUEH|C/SECSTATE WASHDC PRIORITY 0001'), `TO ${helsinki}C/SECSTATE WASHDC PRIORITY 0001`, `TO ${helsinki} PRIORITY 0001`, helsinki);
    checkModes(header('TO RUEHC/SECSTATE WASHDC 0001', 'INFO RUEHL|O/AMEMBASSY LONDON 0002'), `INFO ${helsinki}O/AMEMBASSY LONDON 0002`, `INFO ${helsinki} 0002`, helsinki);
    checkModes(header('INFO RUEHLO/AMEMBASSY LONDON 0001', '     RUE|HX'), `     ${helsinki}HX`, `     ${helsinki}`, helsinki);
  });

  it('replaces the rest of the letters of a marking without its parenthesis', () => {
    checkModes(cable('TAGS: PREL', 'SUBJECT: X', '', '¶1. (S|/N The minister agreed.'), '¶1. (S/NF)/N The minister agreed.', '¶1. (S/NF) The minister agreed.', '(S/NF)');
    // A whole marking is replaced in every mode (completion edits: portion markings).
    checkModes(cable('TAGS: PREL', 'SUBJECT: X', '', '¶1. (S|/NF) The minister agreed.'), '¶1. (C) The minister agreed.', '¶1. (C) The minister agreed.', '(C)');
  });

  it('replaces the rest of a DECL date', () => {
    const dated = (line: string) => `P 031322Z JUN 09\nFM AMEMBASSY X\n\nS E C R E T NOWHERE 000001\n\n${line}\nTAGS: PREL\n`;
    checkModes(dated('E.O. 12958: DECL: 06/0|3/2019'), 'E.O. 12958: DECL: 06/03/20193/2019', 'E.O. 12958: DECL: 06/03/2019');
  });

  it('offers DECL dates that exist, after today in a cable that gives no date, after a space', () => {
    // A cable of 29 February: the 28th in a year without a 29th, which CBL015 would report.
    const leap = (line: string) => `P 291322Z FEB 08\nFM AMEMBASSY X\n\nS E C R E T NOWHERE 000001\n\n${line}\nTAGS: PREL\n`;
    assert.deepEqual(completionsAt(leap('E.O. 12958: DECL: |')).items.map((i) => i.label), ['02/28/2018', '02/28/2033', '02/29/2028', '02/28/2023', '02/28/2013']);
    // A cable being written, with no header or date line yet: ten years after today (NOW, 3 December 2026).
    const undated = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: |\nTAGS: PREL\n';
    const items = completionsAt(undated).items;
    assert.deepEqual([items[0].label, items[0].detail], ['12/03/2036', '10 years after today (the cable gives no date) (default)']);
    check(undated, 'E.O. 12958: DECL: 12/03/2036');
    // Right after the colon, the date comes after a space.
    check('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL:|\nTAGS: PREL\n', 'E.O. 12958: DECL: 12/03/2036');
    check('S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL:1|\nTAGS: PREL\n', 'E.O. 12958: DECL: 12/03/2036');
  });

  it('offers what the E.O. line goes on with after its order: DECL and a date under a classified banner, N/A under UNCLAS', () => {
    const eo = (banner: string, line: string) => `${banner}\n\n${line}\nTAGS: PREL\n`;
    const secret = 'S E C R E T NOWHERE 000001';
    check(eo(secret, 'E.O. 12958: |'), 'E.O. 12958: DECL: 12/03/2036');
    check(eo(secret, 'E.O. 12958: DE|'), 'E.O. 12958: DECL: 12/03/2036');
    check(eo(secret, 'E.O. 12958:|'), 'E.O. 12958: DECL: 12/03/2036');
    check(eo(secret, 'E.O. 13526: |'), 'E.O. 13526: DECL: 12/03/2051', 'DECL: 12/03/2051');
    // N/A would be CBL014's error under a classified banner, a DECL date CBL038's finding under UNCLAS.
    assert.deepEqual(labelsAt(eo(secret, 'E.O. 12958: |')).filter((l) => !l.startsWith('DECL: ')), []);
    assert.deepEqual(labelsAt(eo('UNCLAS NOWHERE 000001', 'E.O. 12958: |')), ['N/A']);
    check(eo('UNCLAS NOWHERE 000001', 'E.O. 12958: |'), 'E.O. 12958: N/A');
    // Nothing before the order's colon, or where the line goes on after the caret.
    assert.deepEqual(labelsAt(eo(secret, 'E.O. 12958 |')), []);
    assert.deepEqual(labelsAt(eo(secret, 'E.O. 1295|')), []);
    assert.deepEqual(labelsAt(eo(secret, 'E.O. 12958: |DECL: 01/01/2019')), []);
  });

  it('sends plain edits when there is nothing after the caret to replace', () => {
    const { items } = completionsAt(cable('TAGS: PREL, PG|'), 'replace');
    assert.ok(items.every((i) => 'range' in i.textEdit!));
    const letters = completionsAt(cable('TAGS: PREL', 'SUBJECT: X', '', 'Classified By: Jan Novak, for reasons 1.4 (b|).'), 'replace');
    assert.ok(letters.items.length > 0 && letters.items.every((i) => 'range' in i.textEdit!));
  });
});

describe('completion edits: date-time group and DE day of year', () => {
  /** An invented cable's header with `dtg` as its DTG line and `de` as its DE line. */
  const header = (dtg: string, de = 'DE RUEHVT #0412/01 1541322') =>
    `VZCZCXRO0412\nPP RUEHWEB\n${de}\nZNY CCCCC ZZH\n${dtg}\nFM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\nBT\nC O N F I D E N T I A L VALLETTA 000412\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n1. (C) Text.\n`;

  it('offers the date-time group of now, in UTC, after the precedence prosigns', () => {
    checkModes(header('P |'), 'P 030207Z DEC 26', 'P 030207Z DEC 26');
    check(header('O R |'), 'O R 030207Z DEC 26');
  });

  it('replaces a whole group written, from anywhere in its day and time, and after it when asked', () => {
    checkModes(header('O R 28|0849Z MAY 09'), 'O R 030207Z DEC 26', 'O R 030207Z DEC 26');
    check(header('P 280849Z MAY 09|'), 'P 030207Z DEC 26');
  });

  it('offers nothing before the prosigns, or while the month and year are typed', () => {
    assert.deepEqual(labelsAt(header('|P 280849Z MAY 09')), []);
    assert.deepEqual(labelsAt(header('P|')), []);
    assert.deepEqual(labelsAt(header('P 280849Z |')), []);
    assert.deepEqual(labelsAt(header('P 280849Z MAY |')), []);
    assert.deepEqual(labelsAt(header('P 280849Z MAY 0|')), []);
  });

  it('offers no group on a line of the text that reads like prosigns', () => {
    assert.deepEqual(labelsAt('UNCLAS NOWHERE 000040\n\nTAGS: ECON\nSUBJECT: FERRY DUES\n\n1. Text.\nP |\n'), []);
  });

  it("offers the DE line the day of year and time of the cable's DTG first, then now, each replacing the group written", () => {
    assert.deepEqual(labelsAt(header('P 031322Z JUN 09', 'DE RUEHVT #0412/01 |')), ['1541322', '3370207']);
    checkModes(header('P 031322Z JUN 09', 'DE RUEHVT #0412/01 15|31322'), 'DE RUEHVT #0412/01 1541322', 'DE RUEHVT #0412/01 1541322');
    check(header('P 031322Z JUN 09', 'DE RUEHVT #0412/01 |'), 'DE RUEHVT #0412/01 3370207', '3370207');
    // The last day of a leap year is day 366.
    assert.deepEqual(labelsAt(header('P 311200Z DEC 08', 'DE RUEHVT #0412 |')), ['3661200', '3370207']);
  });

  it("offers the DE line's station the routing indicator of the FM line's originator, and the FM line the DE station's address", () => {
    // The whole-cable snippet wrote RUEHFR and AMEMBASSY PARIS: a Valletta writer typed each, and nothing offered either.
    const paris = (de: string, fm: string) => header('P 031322Z JUN 09', de).replace('FM AMEMBASSY VALLETTA', fm);
    checkModes(paris('DE RUEHFR| #0412/01 1541322', 'FM AMEMBASSY VALLETTA'), 'DE RUEHVT #0412/01 1541322', 'DE RUEHVT #0412/01 1541322');
    check(paris('DE | #0412/01 1541322', 'FM AMEMBASSY VALLETTA'), 'DE RUEHVT #0412/01 1541322');
    // Two indicators the reference saw originate Paris's cables, RUEHFR first; with no FM line, the banner's post's embassy.
    assert.deepEqual(labelsAt(paris('DE RUEH| #0412/01 1541322', 'FM AMEMBASSY PARIS')), ['RUEHFR', 'RUEHFRA']);
    assert.deepEqual(labelsAt(header('P 031322Z JUN 09', 'DE RUEHFR| #0412/01 1541322').replace('FM AMEMBASSY VALLETTA\n', '')), ['RUEHVT']);
    // The FM line: the post after the address's first word written, as the snippet's post field holds it, else the whole address.
    checkModes(paris('DE RUEHVT #0412/01 1541322', 'FM AMEMBASSY PARIS|'), 'FM AMEMBASSY VALLETTA', 'FM AMEMBASSY VALLETTA');
    check(paris('DE RUEHVT #0412/01 1541322', 'FM AMEMBASSY |'), 'FM AMEMBASSY VALLETTA');
    check(paris('DE RUEHVT #0412/01 1541322', 'FM AMEMB|'), 'FM AMEMBASSY VALLETTA');
    // Only when asked for: not on the space typed after "DE" or "FM AMEMBASSY".
    assert.deepEqual(completionsAt(paris('DE | #0412/01 1541322', 'FM AMEMBASSY VALLETTA'), 'plain', { triggerCharacter: ' ' }).items, []);
    assert.deepEqual(completionsAt(paris('DE RUEHVT #0412/01 1541322', 'FM AMEMBASSY |'), 'plain', { triggerCharacter: ' ' }).items, []);
    // The address written whole, and a word after it: nothing.
    assert.deepEqual(labelsAt(paris('DE RUEHVT #0412/01 1541322', 'FM AMEMBASSY VALLETTA PRI|')), []);
    // A station or originator the reference pairs with nothing: nothing offered.
    assert.deepEqual(labelsAt(paris('DE RUEHFR| #0412/01 1541322', 'FM AMCONSUL NOWHERE')), []);
    assert.deepEqual(labelsAt(paris('DE RUEHZZQ #0412/01 1541322', 'FM AMEMBASSY PARIS|')), []);
  });

  it('offers the DE line only now when the DTG is missing or impossible', () => {
    assert.deepEqual(labelsAt(header('P |', 'DE RUEHVT #0412/01 |')), ['3370207']);
    assert.deepEqual(labelsAt(header('P 311200Z JUN 09', 'DE RUEHVT #0412/01 |')), ['3370207']);
  });
});

describe('completion: REF letters in the text', () => {
  // Invented: a REF field of three items, the third without a letter's full stop, and a body that cites them.
  const cable = (body: string) =>
    `C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\nREF: A. NOWHERE 7\nB. STATE 4567\nC. 08 NOWHERE 99\n\n¶1. (C) The harbor board met.\n${body}\n`;

  it('offers the REF items\' letters after "ref", "refs", "reftel" and in a list, each with its citation', () => {
    for (const typed of ['As reported (ref |', 'As reported in reftel |', 'See refs |', 'Fares rose, as REF |']) {
      const items = completionsAt(cable(typed)).items;
      assert.deepEqual(items.map((i) => `${i.label} ${i.detail}`), ['A NOWHERE 7', 'B STATE 4567', 'C 08 NOWHERE 99'], typed);
      // VS Code shows an item's detail only when it is selected; the description shows on every row.
      assert.deepEqual(items.map((i) => i.labelDetails?.description), ['NOWHERE 7', 'STATE 4567', '08 NOWHERE 99'], typed);
    }
    check(cable('As reported (ref |'), 'As reported (ref A');
    check(cable('As reported (ref b|'), 'As reported (ref B', 'B');
  });

  it('offers a list the letters it does not name yet', () => {
    // "refs A and |" offered A first: "refs A and A".
    for (const typed of ['See Refs A and |', 'See refs A, |', 'See refs a and |']) assert.deepEqual(labelsAt(cable(typed)), ['B', 'C'], typed);
    assert.deepEqual(labelsAt(cable('See refs C, A and |')), ['B']);
    check(cable('See refs A and |'), 'See refs A and B');
    // The letter at the caret is offered, as typed so far.
    assert.deepEqual(labelsAt(cable('See refs A and B|')), ['B', 'C']);
  });

  it('offers nothing after other words, on the REF field itself, or in a cable without lettered REF items', () => {
    for (const typed of ['The referee |', 'A reference |', 'Prefs |', 'The ferry |']) assert.deepEqual(labelsAt(cable(typed)), [], typed);
    assert.deepEqual(labelsAt(cable('x').replace('B. STATE 4567', 'B. STATE 4567 ref |')), []);
    assert.deepEqual(labelsAt(cable('See ref |').replace(/REF: A\. NOWHERE 7\nB\. STATE 4567\nC\. 08 NOWHERE 99/, 'REF: NOWHERE 7')), []);
  });
});

describe('completion: paragraph numbers in the text', () => {
  // Invented: four paragraphs, the others cited from the third.
  const cable = (typed: string) =>
    `C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n¶1. (C) The harbor board met on Monday to set the summer fares for every ferry line.\n\n¶2. (U) Fares rise in May.\n\n¶3. (C) ${typed}\n\n¶4. (C) Ferries run.\n`;

  it('offers the paragraphs\' numbers after "para", "paras" and "paragraph", each with its first words', () => {
    for (const typed of ['As noted (para |', 'See paras |', 'As paragraph |']) {
      const items = completionsAt(cable(typed)).items;
      assert.deepEqual(items.map((i) => `${i.label} ${i.labelDetails?.description}`), ['1 (C) The harbor board met on Monday to…', '2 (U) Fares rise in May.', '4 (C) Ferries run.'], typed);
    }
    check(cable('As noted (para |'), '¶3. (C) As noted (para 1');
  });

  it('leaves out the paragraph the caret is in, and parts a marking written glued to the words from them', () => {
    // "(para |" offered 3, the paragraph being written, with its half-typed text, "(C) As noted (para", as its description.
    assert.deepEqual(labelsAt(cable('As noted (para |')), ['1', '2', '4']);
    // On a wrapped line of the paragraph too.
    assert.deepEqual(labelsAt(cable('Fares were set.\nAs noted (para |')), ['1', '2', '4']);
    // "(C)Summary: …" written so read "(C)Summary: …" in the list.
    const glued = cable('See para |').replace('¶1. (C) The harbor board', '¶1. (C)The harbor board').replace('¶2. (U) Fares', '2.(U)Fares');
    assert.deepEqual(completionsAt(glued).items.map((i) => `${i.label} ${i.labelDetails?.description}`), ['1 (C) The harbor board met on Monday to…', '2 (U) Fares rise in May.', '4 (C) Ferries run.']);
  });

  it('offers a list the numbers it does not name yet, and a range the numbers after its start', () => {
    // "paras 1 and |" offered 1 first, "paras 1-|" gave "paras 1-1".
    for (const typed of ['See paras 1 and |', 'See paras 1, |', 'See paras 1-|', 'See paras 1 to |']) assert.deepEqual(labelsAt(cable(typed)), ['2', '4'], typed);
    assert.deepEqual(labelsAt(cable('See paras 2-|')), ['4']);
    assert.deepEqual(labelsAt(cable('See paras 4, 1 and |')), ['2']);
    // The numbers inside a range are named too: "paras 1-4 and |" offered 2.
    assert.deepEqual(labelsAt(cable('See paras 1-4 and |')), []);
    assert.deepEqual(labelsAt(cable('See paras 1 to 4, |')), []);
    check(cable('See paras 1-|'), '¶3. (C) See paras 1-2');
  });

  it('offers nothing after other words or a paragraph of another document\'s letter', () => {
    for (const typed of ['The parade |', 'A paragon |', 'Spara |', 'See ref |']) assert.deepEqual(labelsAt(cable(typed)), [], typed);
  });
});

describe('completion: the next paragraph\'s marker', () => {
  // Invented: a confidential cable's metadata, then `body`.
  const cable = (body: string, banner = 'C O N F I D E N T I A L NOWHERE 000012') => `${banner}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${body}\n`;
  /** The labels at the caret, the preselected one marked with a star. */
  const offered = (text: string, extra: Partial<CompletionContext> = {}) => completionsAt(text, 'plain', extra).items.map((i) => `${i.label}${i.preselect ? '*' : ''}`);

  it('numbers the next paragraph in the style of the cable\'s paragraphs, the marking as written before it', () => {
    const cases: [body: string, accepted: string][] = [
      ['¶1. (C) The harbor board met.\n\n¶2. (C) Fares rise.\n\n|', '¶3. (C) '],
      ['¶ 1. (C) The harbor board met.\n\n¶ 2. (C) Fares rise.\n\n|', '¶ 3. (C) '],
      ['1. (C) The harbor board met.\n\n2. (C) Fares rise.\n\n|', '3. (C) '],
      // "1.(C)": no space between the marker and the marking, as the release left bare numbers.
      ['1.(C) The harbor board met.\n\n2.(C) Fares rise.\n\n|', '3.(C) '],
      // The marking as the paragraph above writes it, controls included.
      ['¶1. (C//REL TO USA, FVEY) The harbor board met.\n\n|', '¶2. (C//REL TO USA, FVEY) '],
      // Indented: the indent stays.
      ['  ¶1. (C) The harbor board met.\n\n  |', '  ¶2. (C) '],
    ];
    for (const [body, accepted] of cases) check(cable(body), accepted);
  });

  it('numbers the next item of a document quoted in a paragraph that numbers its own items from 1, with no marking', () => {
    // Invented: a marked paragraph quoting a text numbered from 1, unmarked; the parser reads the items as the paragraph's text.
    const quote = '¶1. (C) The harbor board met.\n\n¶2. (SBU) Text of the board\'s decisions:\n\n¶1. Fares rise in May.\n\n';
    assert.deepEqual(offered(cable(`${quote}¶2. Piers close.\n\n|`)), ['¶3.*']);
    check(cable(`${quote}|`), '¶2. ');
    // Between two items, and in the items' own style, bare numbers in a cable of pilcrows.
    check(cable(`${quote}|\n\n¶3. Ferries run.`), '¶2. ');
    check(cable('¶1. (C) The board met.\n\n¶2. (SBU) Text:\n\n1. Fares rise.\n\n|'), '2. ');
    // Before the first item, and under the quoting paragraph's own line, the cable's next paragraph with its marking.
    check(cable('¶1. (C) The board met.\n\n¶2. (SBU) Text of the decisions:\n\n|'), '¶3. (SBU) ');
    // Under a page break's line under an item (glued to it, or a blank line apart) and its blank line, the next item: the page's
    // line is the printer's. Outside a quotation, the cable's next paragraph as before.
    check(cable(`${quote}¶2. Piers close.\nNOWHERE 00000012 002 OF 002\n\n|`), '¶3. ');
    check(cable(`${quote}¶2. Piers close.\n\nNOWHERE 00000012 002 OF 002\n\n|`), '¶3. ');
    check(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\nNOWHERE 00000012 002 OF 002\n\n|'), '¶3. (C) ');
    // Under an item whose text ends with a colon, where Enter writes nothing (its list most often follows), asked for, the next item.
    check(cable(`${quote}¶2. The board will study:\n\n|`), '¶3. ');
  });

  it('takes the style most paragraphs down to the one above write, that one\'s where as many write it, never the pilcrow artifact\'s', () => {
    check(cable('¶1. (C) The board met.\n\n2. (C) Fares rise.\n\n|'), '3. (C) ');
    // "¶ 13." is paragraph 3 written with the artifact: its "¶ " is no style of the cable's.
    check(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n¶ 13. (C) Ferries run.\n\n|'), '¶4. (C) ');
    // One marker written otherwise among the paragraphs above: the style most of them write.
    check(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n3. (C) Ferries run.\n\n|'), '¶4. (C) ');
  });

  it('offers 1 for the first paragraph, the banner\'s level preselected, the levels above it last', () => {
    // Under the SUBJECT of a cable with no Classified By line, that line's keyword first (and REF, which may go there, last).
    assert.deepEqual(offered(cable('|')), ['Classified By:*', '¶1. (C)', '¶1. (C/NF)', '¶1. (SBU)', '¶1. (U)', '¶1. (S)', '¶1. (S/NF)', '¶1. (TS)', '¶1. (TS/NF)', 'REF:']);
    const detail = (label: string) => completionsAt(cable('|')).items.find((i) => i.label === label)?.detail;
    assert.equal(detail('¶1. (C)'), "CONFIDENTIAL: the banner's level");
    assert.equal(detail('¶1. (S)'), 'SECRET: above the banner level');
  });

  it('offers the marking of the paragraph above first, then the banner\'s level, never choosing another for the writer', () => {
    // Lower than the banner: (U) stays first and preselected; (C) is a choice after it.
    assert.deepEqual(offered(cable('¶1. (C) The board met.\n\n¶2. (U) Fares rise.\n\n|')).slice(0, 3), ['¶3. (U)*', '¶3. (C)', '¶3. (C/NF)']);
    // Higher than the banner: (S/NF) is first, and its detail says it is above the banner.
    const items = completionsAt(cable('¶1. (S/NF) The board met.\n\n|')).items;
    assert.deepEqual(items.slice(0, 2).map((i) => `${i.label}${i.preselect ? '*' : ''} ${i.detail}`), ['¶2. (S/NF)* SECRET: as paragraph 1, above the banner level', "¶2. (C) CONFIDENTIAL: the banner's level"]);
    assert.equal(items.filter((i) => i.preselect).length, 1);
  });

  it('speaks of no banner in a cable without one, ranking the levels from the marking above', () => {
    // A partial extract: no banner. The details used to call SECRET "the banner's level" and TOP SECRET "above" it.
    const extract = 'TAGS: PREL\nSUBJECT: FERRY DUES\n\n1. (C) The board met.\n\n';
    const c = caret(extract + '|');
    const items = getCompletions(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries });
    assert.deepEqual(items.slice(0, 2).map((i) => `${i.label}${i.preselect ? '*' : ''} ${i.detail}`), ['2. (C)* CONFIDENTIAL: as paragraph 1', '2. (C/NF) CONFIDENTIAL']);
    assert.ok(items.every((i) => !/banner/.test(String(i.detail))), items.map((i) => i.detail).join(', '));
    // Nor does the marking list after a paragraph number written there, which shares the levels' ranking.
    const typed = caret(extract + '2. (|');
    const markings = getCompletions(parseCable(typed.text).cable, { line: typed.line, character: typed.character }, { dictionaries });
    assert.ok(markings.some((i) => i.label === '(TS)'));
    assert.ok(markings.every((i) => !/banner/.test(String(i.detail))), markings.map((i) => i.detail).join(', '));
  });

  it('after a paragraph without a marking, offers the marking of the nearest marked one above', () => {
    assert.deepEqual(offered(cable('¶1. (S) The board met.\n\n¶2. Fares rise.\n\n|')).slice(0, 2), ['¶3. (S)*', '¶3. (C)']);
  });

  it('offers the number alone in a cable whose paragraphs carry no marking', () => {
    const unclas = (body: string) => cable(body, 'UNCLAS NOWHERE 000012').replace('DECL: 01/01/2019', 'N/A');
    assert.deepEqual(offered(unclas('1. The harbor board met.\n\n2. Fares rise.\n\n|')), ['3.*']);
    check(unclas('1. The harbor board met.\n\n|'), '2. ');
    // An unclassified cable with no paragraph yet: the number alone first, the markings after it.
    assert.deepEqual(offered(unclas('|')).slice(0, 3), ['¶1.*', '¶1. (U)', '¶1. (SBU)']);
  });

  it('completes a marker whose start is typed, in the cable\'s style, and nothing for another number', () => {
    const body = (typed: string) => cable(`¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n${typed}`);
    check(body('¶|'), '¶3. (C) ');
    check(body('¶3|'), '¶3. (C) ');
    // A digit typed in a cable that writes "¶3.": the item keeps the cable's pilcrow, and is found by the digit.
    check(body('3|'), '¶3. (C) ');
    check(body('1|'), undefined);
    check(body('¶4|'), undefined);
  });

  it('right under a paragraph\'s last line, puts a blank line above the next paragraph, as between the cable\'s paragraphs', () => {
    // "… met." ⏎ "|" gave "¶2. (C) " right under the text: two paragraphs with no blank line between.
    const written = (textWithCaret: string, label?: string) => {
      const c = caret(textWithCaret);
      const items = completionsAt(textWithCaret).items;
      const item = label === undefined ? items.find((i) => i.preselect)! : items.find((i) => i.label === label)!;
      return TextDocument.applyEdits(TextDocument.create('file:///ws/x.cable', 'cable', 1, c.text), [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
    };
    assert.match(written(cable('¶1. (C) The board met.\n|')), /^¶1\. \(C\) The board met\.\n\n¶2\. \(C\) \n$/m);
    assert.match(written(cable('¶1. (C) The board met\non Monday.\n|'), '¶2. (S)'), /^on Monday\.\n\n¶2\. \(S\) \n$/m);
    assert.match(written(cable('¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n¶|')), /^¶2\. \(C\) Fares rise\.\n\n¶3\. \(C\) \n$/m);
    // An unmarked cable's number alone too; a CRLF file gets CRLF.
    assert.match(written(cable('1. The board met.\n|', 'UNCLAS NOWHERE 000012').replace('DECL: 01/01/2019', 'N/A')), /^1\. The board met\.\n\n2\. \n$/m);
    assert.match(written(cable('¶1. (C) The board met.\n|').replace(/\n/g, '\r\n')), /The board met\.\r\n\r\n¶2\. \(C\) /);
    // Under a blank line, or in a cable whose paragraphs follow each other with no blank line between, nothing more.
    assert.match(written(cable('¶1. (C) The board met.\n\n|')), /^¶1\. \(C\) The board met\.\n\n¶2\. \(C\) \n$/m);
    assert.match(written(cable('¶1. (C) The board met.\n¶2. (C) Fares rise.\n|')), /^¶2\. \(C\) Fares rise\.\n¶3\. \(C\) \n$/m);
    assert.match(String(completionsAt(cable('¶1. (C) The board met.\n|')).items[0].documentation), /, a blank line above it\./);
  });

  it('inserts the marker at the caret on a line of white space, keeping the white space after it', () => {
    // The edit used to start after the line's white space, past the caret: a reversed range ({ start: 3, end: 0 }).
    const body = (line: string) => cable(`¶1. (C) The board met.\n\n${line}`);
    check(body('|   '), '¶2. (C)    ');
    check(body('  |\t'), '  ¶2. (C) \t');
    // U+2028 is white space to a pattern's \s, though no line break to LSP.
    check(body('|\u2028'), '¶2. (C) \u2028');
  });

  it('says that the paragraphs below keep their numbers, which CBL025\'s quick fix renumbers', () => {
    const items = completionsAt(cable('¶1. (C) The board met.\n\n|\n\n¶2. (C) Fares rise.')).items;
    assert.equal(items[0].label, '¶2. (C)');
    assert.match(String(items[0].documentation), /Paragraph 2 below keeps its number: CBL025/);
    assert.doesNotMatch(String(completionsAt(cable('¶1. (C) The board met.\n\n|')).items[0].documentation), /CBL025/);
  });

  it('offers nothing in the header or the metadata, at a line with text, after the signature, or on a typed character', () => {
    const body = '¶1. (C) The board met.\n\n¶2. (C) Fares rise.';
    // Between the banner and the E.O. line, the caveats only.
    assert.deepEqual(labelsAt(`C O N F I D E N T I A L NOWHERE 000012\n|\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${body}\n`).filter((l) => /\d/.test(l)), []);
    assert.deepEqual(labelsAt(`C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\n|\nSUBJECT: FERRY DUES\n\n${body}\n`), []);
    // Under a draft's banner with no field yet, the caveats as before, not the first paragraph.
    const drafts: [draft: string, caveats: string[]][] = [
      ['C O N F I D E N T I A L NOWHERE 000012\n\n|\n', ['NOFORN', 'SIPDIS']],
      ['C O N F I D E N T I A L NOWHERE 000012\n\nNOFORN\n|\n', ['SIPDIS', 'SENSITIVE']],
    ];
    for (const [draft, caveats] of drafts) assert.deepEqual(labelsAt(draft).slice(0, 2), caveats, draft);
    // After prose under the banner the caveat zone is over: the first paragraph.
    check('C O N F I D E N T I A L NOWHERE 000012\n\nWe met the minister on Monday.\n\n|\n', '¶1. (C) ');
    assert.deepEqual(labelsAt(`VZCZCXRO0001\nPP RUEHWEB\n|\nDE RUEHFR #0001/01 0011200\n\n${cable(body)}`), []);
    for (const line of ['|The ferries run.', '¶|3. (C) The ferries run.', 'The ferries |', '| The ferries run.']) assert.deepEqual(labelsAt(cable(`${body}\n\n${line}`)), [], line);
    assert.deepEqual(labelsAt(cable(`${body}\n\nSMITH\n|`)), []);
    for (const triggerCharacter of [' ', '(']) assert.deepEqual(completionsAt(cable(`${body}\n\n|`), 'plain', { triggerCharacter }).items, [], triggerCharacter);
  });

  it('offers the marker above a Classified By line read in a paragraph below, which is body, not metadata', () => {
    check(cable('¶1. (C) The board met.\n\n|\n\n¶2. (U) Classified by Ana Vidal, Consul, for reasons 1.4 (b) and (d).'), '¶2. (C) ');
  });

  it('offers the portion markings after a typed number, not the next marker again', () => {
    // After the marker's full stop, the marking alone, after the space the paragraph above writes there.
    check(cable('¶1. (C) The board met.\n\n¶2.|'), '¶2. (C) ');
    assert.ok(completionsAt(cable('¶1. (C) The board met.\n\n¶2.|')).items.every((i) => !i.label.startsWith('¶')));
  });
});

describe('completion: the next continuation-page line', () => {
  const cable = (body: string, banner = 'C O N F I D E N T I A L SECTION 01 OF 02 BUENOS AIRES 000012') => `${banner}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${body}\n`;
  const offered = (text: string, extra: Partial<CompletionContext> = {}) =>
    completionsAt(text, 'plain', extra).items.filter((i) => i.detail === 'Continuation-page line').map((i) => `${i.label} @${editRange(i).start.character}`);

  it('writes the banner\'s post cut to ten characters and its serial padded to eight digits, the page after the one above', () => {
    // A transcriber at a page break types the post's first letters: the page line the cable's own page lines follow.
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nB|')), ['BUENOS AIR 00000012 002 OF 002 @0']);
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nBUENOS AIR 00000012 002 OF 003\nmet.\n\n¶2. (C) Fares rise\n  BUENOS AIR 000|')), ['BUENOS AIR 00000012 003 OF 003 @2']);
    // A page line below gives the total.
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nBU|\nmet.\n\n¶2. (C) Fares rise\nBUENOS AIR 00000012 003 OF 004\nagain.')), ['BUENOS AIR 00000012 002 OF 004 @0']);
  });

  it('offers nothing on an empty line, on a typed character, for other words, in the metadata or without a serial', () => {
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\n|')), []);
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nB|'), { triggerCharacter: ' ' }), []);
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nThe|')), []);
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nB| met.')), []);
    assert.deepEqual(offered(`C O N F I D E N T I A L NOWHERE 000012\n\nN|\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n`), []);
    assert.deepEqual(offered(cable('¶1. (C) The harbor board\nN|', 'C O N F I D E N T I A L NOWHERE')), []);
  });
});

describe('completion: a portion marking at a body line\'s start', () => {
  // Invented: a confidential cable's metadata, then `body`.
  const cable = (body: string, banner = 'C O N F I D E N T I A L NOWHERE 000012') => `${banner}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${body}\n`;
  /** Unnumbered paragraphs, each opened by its marking. */
  const unnumbered = '(C) The harbor board met on Monday.\n\n(U) Fares rise in May.';
  /** The labels on a typed `(` (or `/`, or asked for: null), the preselected one marked with a star. */
  const offered = (text: string, triggerCharacter: string | null = '(') => completionsAt(text, 'plain', { triggerCharacter: triggerCharacter ?? undefined }).items.map((i) => `${i.label}${i.preselect ? '*' : ''}`);

  it('offers the markings on a "(" typed at a line\'s start, the marking above first, then the banner\'s level', () => {
    assert.deepEqual(offered(cable(`${unnumbered}\n\n(|`)), ['(U)*', '(C)', '(C/NF)', '(SBU)', '(S)', '(S/NF)', '(TS)', '(TS/NF)']);
    const items = completionsAt(cable(`${unnumbered}\n\n(|`), 'plain', { triggerCharacter: '(' }).items;
    assert.deepEqual(items.slice(0, 2).map((i) => i.detail), ['UNCLASSIFIED: as the marking on line 9', "CONFIDENTIAL: the banner's level"]);
    // Asked for with Ctrl+Space, or on the "/" of a marking being typed, the same list.
    assert.deepEqual(offered(cable(`${unnumbered}\n\n(|`), null), offered(cable(`${unnumbered}\n\n(|`)));
    // A marking written with controls is offered as written.
    assert.equal(offered(cable('(C//REL TO USA, FVEY) The harbor board met.\n\n(|'))[0], '(C//REL TO USA, FVEY)*');
    // No marking above yet: the banner's level first.
    assert.equal(offered(cable('(|'))[0], '(C)*');
    // A heading's marking at its title's end is the nearest above, as one that opens a title is.
    const titled = cable('(C) The harbor board met on Monday.\n\nFERRY FARES (U)\n-----------\n\n(|');
    assert.deepEqual(offered(titled).slice(0, 2), ['(U)*', '(C)']);
    assert.equal(completionsAt(titled, 'plain', { triggerCharacter: '(' }).items[0].detail, 'UNCLASSIFIED: as the marking on line 9');
    // In a cable whose only marking is a heading's, a "(" under it is a marking's too, not a note's or a list's.
    assert.equal(offered(cable('The harbor board met on Monday.\n\nFERRY FARES (C)\n-----------\n\n(|'))[0], '(C)*');
  });

  it('offers a list item\'s marking on a "(" typed after the dashes that open it, "-- (|"', () => {
    // Found writing a cable from an empty file: "-- (" under "The minister said:" offered nothing.
    const listed = '¶2. (C) The minister said:\n-- (S) fares will rise;\n';
    assert.deepEqual(offered(cable(`${listed}-- (|`)).slice(0, 2), ['(S)*', '(C)']);
    assert.equal(offered(cable(`${listed}- (|`))[0], '(S)*');
    assert.equal(offered(cable(`${listed}--(|`))[0], '(S)*');
    // Under a line that goes on with a sentence too: the dashes open an item.
    assert.equal(offered(cable('¶2. (C) The minister said that the\n-- (|'))[0], '(C)*');
    const { line, character, items } = completionsAt(cable(`${listed}-- (|`), 'plain', { triggerCharacter: '(' });
    const r = editRange(items[0]);
    assert.equal(line.slice(0, r.start.character) + (items[0].textEdit as TextEdit).newText + line.slice(r.end.character), '-- (S) ');
    assert.equal(character, 4);
    // "-- (a" opens a list's letter, no marking.
    assert.deepEqual(offered(cable(`${listed}-- (a|`)), []);
  });

  it('completes to the marking, its ")" and a space, replacing what was typed, never a second "("', () => {
    const cases: [line: string, accepted: string, label?: string][] = [
      ['(|', '(U) '],
      // The ")" the editor closes the "(" with is replaced too.
      ['(|)', '(U) '],
      ['(S/|', '(S/NF) ', '(S/NF)'],
      ['(S|', '(S) ', '(S)'],
      ['  (|', '  (U) '],
      // A line written before its marking: the marking goes in front of it, with one space.
      ['(|The ferries run.', '(U) The ferries run.'],
      ['(| The ferries run.', '(U) The ferries run.'],
      // A marking already written is replaced whole.
      ['(S|/NF) The ferries run.', '(C) The ferries run.', '(C)'],
      ['(C//REL TO |USA, FVEY) The ferries run.', '(U) The ferries run.', '(U)'],
    ];
    for (const [line, accepted, label] of cases) check(cable(`${unnumbered}\n\n${line}`), accepted, label);
    // In the middle of a marking's letters: insert mode keeps the rest of them, as it keeps the rest of any word.
    checkModes(cable(`${unnumbered}\n\n(S|/N The ferries run.`), '(S/NF)/N The ferries run.', '(S/NF) The ferries run.', '(S/NF)');
    checkModes(cable(`${unnumbered}\n\n(|FERRY FARES`), '(U) FERRY FARES', '(U) FERRY FARES');
    // A letter typed after the "(" in front of a word in capitals: replace mode took the word for the marking's rest
    // ("(U) FARES"); letters that go on a marking ("(S|BU", "(S|/N") it still takes.
    checkModes(cable(`${unnumbered}\n\n(U|FERRY FARES`), '(U) FERRY FARES', '(U) FERRY FARES', '(U)');
    checkModes(cable(`${unnumbered}\n\n(S|BU The ferries run.`), '(SBU)BU The ferries run.', '(SBU) The ferries run.', '(SBU)');
  });

  it('offers them in a numbered cable too, for a marked line under a paragraph, the nearest marking above first', () => {
    // A marked sub-title or sub-paragraph under a paragraph's text ("(S/NF) Response: …"), right under it or a blank line down.
    const numbered = '¶1. (C) The harbor board met.\n\n¶2. (S) The board asked three questions.';
    assert.equal(offered(cable(`${numbered}\n(|`))[0], '(S)*');
    assert.equal(offered(cable(`${numbered}\n\n(S/NF) Response: the board agreed.\n\n(|`))[0], '(S/NF)*');
    assert.equal(offered(cable(`${numbered}\n\n(|\n\n¶3. (C) Fares rise.`))[0], '(S)*');
    // A line above the first paragraph, as the release has a lead line marked before "¶1.".
    assert.equal(offered(cable(`(|\n\n${numbered}`))[0], '(C)*');
  });

  it('offers nothing on a "(" typed where a sentence wrapped from the line above goes on, unless asked for', () => {
    const wrapped = '¶1. (C) The harbor board met the leaders of the opposition Popular Party';
    assert.deepEqual(offered(cable(`${wrapped}\n(|`)), []);
    assert.deepEqual(offered(cable(`${wrapped}\n(S/|`), '/'), []);
    // Ctrl+Space still lists them, and a marking written there is still one to change.
    assert.equal(offered(cable(`${wrapped}\n(|`), null)[0], '(C)*');
    assert.equal(offered(cable(`${wrapped}\n(S|/NF) Response: none.`), '/')[0], '(C)*');
    // After a sentence or a clause ends, a blank line, a heading's rule, or a page line after such an end: a marked line may start.
    for (const above of [`${wrapped}.`, `${wrapped}:`, `${wrapped} (REF A).`, `${wrapped}."`, `${wrapped}\n`, `${wrapped}.\n\nBOARD MEETING\n-------------`, `${wrapped}.\nNOWHERE 00000012 002 OF 002`]) {
      assert.equal(offered(cable(`${above}\n(|`))[0], '(C)*', above);
    }
    assert.deepEqual(offered(cable(`${wrapped}\nNOWHERE 00000012 002 OF 002\n(|`)), []);
  });

  it('offers nothing in the metadata, after text on the line, or where the cable marks nothing', () => {
    assert.deepEqual(offered(cable(`(|\n\nClassified By: Jan Novak, Consul, for reasons 1.4 (b).\n\n${unnumbered}`)), []);
    assert.deepEqual(offered(cable(`${unnumbered}\n\nThe board (|`)), []);
    // A typed space or a parenthesis after a word is no marking's start.
    assert.deepEqual(offered(cable(`${unnumbered}\n\n(|`), ' '), []);
    assert.deepEqual(offered(cable(`${unnumbered}\n\n(Note|`), null), []);
    // An unclassified cable whose paragraphs carry no marking: a "(" opens a note or a list item, not a marking.
    const unclas = (body: string) => cable(body, 'UNCLAS NOWHERE 000012').replace('DECL: 01/01/2019', 'N/A');
    assert.deepEqual(offered(unclas('1. The harbor board met.\n\n(|')), []);
    assert.deepEqual(offered(unclas('The harbor board met.\n\n(|')), []);
    // The marking after a paragraph's number, with the space a line's marking gets too.
    check(cable('¶1. (C) The board met.\n\n¶2. (|'), '¶2. (C) ');
  });
});

describe('completion: the next REF item', () => {
  // Invented: a confidential cable of 14 May 2009 from NOWHERE whose REF field is `refs`.
  const cable = (refs: string, body = '¶1. (C) The harbor board met.') =>
    `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHNW #0012/01 1341200\nZNY CCCCC ZZH\nP 141200Z MAY 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nC O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 05/14/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${refs}\n\n${body}\n`;

  it('offers the next letter in the field\'s own style', () => {
    const cases: [refs: string, accepted: string][] = [
      ['REF: A. NOWHERE 7\n|', 'B. '],
      ['REF: A. NOWHERE 7\nB. STATE 4567\n|', 'C. '],
      ['REF: A) NOWHERE 7\n|', 'B) '],
      ['REF: (A) NOWHERE 7\n|', '(B) '],
      ['REF: (A) NOWHERE 7\n(|', '(B) '],
      ['REF: (A) NOWHERE 7\n(b|', '(B) '],
      // The ")" the editor closed the typed "(" with is replaced too.
      ['REF: (A) NOWHERE 7\n(|)', '(B) '],
      ['REF: (A) NOWHERE 7\n(B|)', '(B) '],
      // The release's pilcrow before a line's letter ("¶B.") is no style of the field's.
      ['REF: A. NOWHERE 7\n¶B. STATE 4567\n|', 'C. '],
      // A citation wrapped onto a second line: the next item goes under it.
      ['REF: A. 08 NOWHERE\n1234\n|', 'B. '],
      ['REF: |', 'REF: A. '],
      ['REF:\n|', 'A. '],
      // A field lettered in lower case.
      ['REF: a. NOWHERE 7\nb. STATE 4567\n|', 'c. '],
      // Past Z, the letter written twice, as the parser reads it: "Z." ⏎ "AA." ⏎ "BB.".
      [`REF: ${Array.from({ length: 26 }, (_, k) => `${String.fromCharCode(65 + k)}. NOWHERE ${k + 1}`).join('\n')}\n|`, 'AA. '],
      [`REF: ${Array.from({ length: 26 }, (_, k) => `${String.fromCharCode(65 + k)}. NOWHERE ${k + 1}`).join('\n')}\nAA. NOWHERE 27\n|`, 'BB. '],
    ];
    for (const [refs, accepted] of cases) check(cable(refs), accepted);
  });

  it('offers the next letter one blank line under the last item where the field leaves blank lines or the metadata goes on', () => {
    const clby = 'Classified By: Jan Novak, Consul, for reasons 1.4 (b).\n\n¶1. (C) The harbor board met.';
    const cases: [refs: string, body: string | undefined, accepted: string | undefined][] = [
      // Every item a blank line apart: the next one goes a blank line under the last.
      ['REF: A. STATE 1234\n\nB. NOWHERE 567\n\n|', undefined, 'C. '],
      ['REF: A. STATE 1234\n\nB. NOWHERE 567\n\nC|', undefined, 'C. '],
      ['REF: (A) STATE 1234\n\n(B) NOWHERE 567\n\n(|', undefined, '(C) '],
      // A blank line after the first item, the metadata below: the next item goes in the gap, as real cables put "¶B." there.
      ['REF: A. STATE 1234\n\n|', clby, 'B. '],
      ['REF: A. STATE 1234\nB. NOWHERE 567\n\n|', clby, 'C. '],
      // Two blank lines, or an item wrapped over its next line, are no item's gap.
      ['REF: A. STATE 1234\n\nB. NOWHERE 567\n\n\n|', undefined, undefined],
    ];
    for (const [refs, body, accepted] of cases) {
      if (accepted !== undefined) check(cable(refs, body), accepted);
      // The paragraph's markers, and the Classified By line's keyword this cable lacks, go there (a blank line above).
      else assert.deepEqual(labelsAt(cable(refs, body)).filter((l) => !l.startsWith('¶') && l !== 'Classified By:'), [], refs);
    }
    // Under a field whose items are a blank line apart, the body may start there too: the first paragraph's markers
    // follow the letter, which stays preselected.
    const offered = completionsAt(cable('REF: A. STATE 1234\n\nB. NOWHERE 567\n\n|')).items;
    assert.deepEqual(offered.slice(0, 3).map((i) => `${i.label}${i.preselect ? '*' : ''}`), ['C.*', '¶1. (C)', '¶1. (C/NF)']);
    assert.equal(offered.filter((i) => i.preselect).length, 1);
  });

  it('also offers a citation of the cable\'s year and post to fill in, to a client that takes snippets', () => {
    const items = completionsAt(cable('REF: A. NOWHERE 7\n|'), 'plain', { snippets: true }).items;
    assert.deepEqual(items.map((i) => [i.label, (i.textEdit as TextEdit).newText, i.preselect ?? false]), [
      ['B.', 'B. ', true],
      ['B. 09 NOWHERE NNN', 'B. ${1:09 NOWHERE} ${2:NNN}', false],
    ]);
    assert.equal(items[1].insertTextFormat, 2);
    assert.deepEqual(labelsAt(cable('REF: A. NOWHERE 7\n|')), ['B.']);
  });

  it('offers nothing in the body, away from the field\'s end, after an item with no letter, or for another style', () => {
    assert.deepEqual(labelsAt(cable('REF: A. NOWHERE 7\n\n|')).filter((l) => !l.startsWith('¶') && l !== 'Classified By:'), []);
    assert.deepEqual(labelsAt(cable('REF: A. NOWHERE 7', '¶1. (C) The harbor board met.\n|')).filter((l) => /^\(?[A-Z][.)]/.test(l)), []);
    // An item with no letter: no letter is offered (the paragraph's marker is, under the field).
    assert.deepEqual(labelsAt(cable('REF: NOWHERE 7\n|')).filter((l) => !l.startsWith('¶')), []);
    assert.deepEqual(labelsAt(cable('REF: A. NOWHERE 7\n(|')), []);
    assert.deepEqual(labelsAt(cable('REF: A. NOWHERE 7\nB. STATE 4567 |')), []);
    // A ")" after the caret is one the editor closed a "(" with only after that "(".
    assert.deepEqual(labelsAt(cable('REF: A) NOWHERE 7\nB|)')), []);
    assert.deepEqual(labelsAt(cable('REF: (A) NOWHERE 7\n(|) STATE')), []);
    assert.deepEqual(labelsAt(cable('REF:|')), []);
    assert.deepEqual(completionsAt(cable('REF: A. NOWHERE 7\n|'), 'plain', { triggerCharacter: '/' }).items, []);
    // A typed space opens the list after "REF:", not under the field, where a letter or "(" starts an item.
    assert.deepEqual(completionsAt(cable('REF: A. NOWHERE 7\n |'), 'plain', { triggerCharacter: ' ' }).items, []);
    assert.deepEqual(completionsAt(cable('REF: |'), 'plain', { triggerCharacter: ' ' }).items.map((i) => i.label), ['A.']);
    assert.deepEqual(completionsAt(cable('REF: (A) NOWHERE 7\n(|'), 'plain', { triggerCharacter: '(' }).items.map((i) => i.label), ['(B)']);
    assert.deepEqual(completionsAt(cable('REF: (A) NOWHERE 7\n(|)'), 'plain', { triggerCharacter: '(' }).items.map((i) => i.label), ['(B)']);
  });
});

describe('completion: a REF item\'s citation from the workspace', () => {
  // Invented: a confidential cable of 3 June 2009 from Valletta whose REF field is `refs`.
  const cable = (refs: string) =>
    `VZCZCXRO5521\nPP RUEHWEB\nDE RUEHVT #0412/01 1541322\nZNY CCCCC ZZH\nP 031322Z JUN 09\nFM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nC O N F I D E N T I A L VALLETTA 000412\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n${refs}\n\nClassified By: Ruth Calloway for reasons 1.4 (b).\n\n¶1. (C) The harbor board met.\n`;
  const indexed = (id: string | undefined, dtg: string, post: string, subject: string, file = `${id}.cable`): IndexedCable =>
    ({ uri: `file:///ws/${file}`, id, dtg, classification: 'CONFIDENTIAL', post, subject, tags: ['PREL', 'MT'], refs: [] });
  const workspace: IndexedCable[] = [
    indexed('09VALLETTA388', '2009-05-20T09:00:00Z', 'VALLETTA', 'HARBOR AUTHORITY NAMES A NEW DIRECTOR'),
    indexed('08PARIS1234', '2008-11-02T10:00:00Z', 'PARIS', 'MINISTER ON FERRY SUBSIDIES'),
    indexed('08PARIS1234', '2008-11-02T10:00:00Z', 'PARIS', 'MINISTER ON FERRY SUBSIDIES', 'copy/08PARIS1234.cable'),
    indexed('09BUENOSAIRES55', '2009-01-15T12:00:00Z', 'BUENOS AIRES', 'PORT STRIKE ENDS'),
    // This cable, and a file with no id: never offered.
    indexed('09VALLETTA412', '2009-06-03T13:22:00Z', 'VALLETTA', 'FERRY DUES'),
    indexed(undefined, '2009-02-01', 'VALLETTA', 'NOTES', 'notes.cable'),
  ];
  const at = (text: string, extra: Partial<CompletionContext> = {}) => completionsAt(text, 'plain', { workspaceCables: () => workspace, ...extra });
  const labels = (text: string, extra: Partial<CompletionContext> = {}) => at(text, extra).items.filter((i) => i.kind === CompletionItemKind.Reference && /^\d{2}[A-Z]+\d+$/.test(i.detail ?? '')).map((i) => i.label);
  // (The next REF item's letter, `B.`, is a reference item too, with no id beside it.)

  it('offers the workspace\'s cables after a REF item\'s letter when asked, latest first, each as this cable would cite it', () => {
    const { items } = at(cable('REF: A. STATE 4567\nB. |'));
    // A cable of this year without its year; another year's with it; a post of two words as its banner writes it.
    assert.deepEqual(items.map((i) => i.label), ['VALLETTA 388', 'BUENOS AIRES 55', '08 PARIS 1234']);
    assert.deepEqual(items.map((i) => i.labelDetails?.description), ['HARBOR AUTHORITY NAMES A NEW DIRECTOR', 'PORT STRIKE ENDS', 'MINISTER ON FERRY SUBSIDIES']);
    // A client that shows no label details gets the subject after the id.
    const plain = at(cable('REF: A. STATE 4567\nB. |'), { labelDetails: false }).items;
    assert.deepEqual(plain.map((i) => [i.detail, i.labelDetails]), [['09VALLETTA388 — HARBOR AUTHORITY NAMES A NEW DIRECTOR', undefined], ['09BUENOSAIRES55 — PORT STRIKE ENDS', undefined], ['08PARIS1234 — MINISTER ON FERRY SUBSIDIES', undefined]]);
    assert.equal(items[0].detail, '09VALLETTA388');
    // As the REF citation's subject hint's tooltip shows it: subject, date and classification, TAGS, file.
    const documentation = (items[0].documentation as { value: string }).value;
    assert.match(documentation, /\*\*HARBOR AUTHORITY NAMES A NEW DIRECTOR\*\*/);
    assert.match(documentation, /20 May 2009, 0900Z · CONFIDENTIAL/);
    assert.match(documentation, /TAGS: PREL MT/);
    // A subject's word finds the cable too.
    assert.match(items[2].filterText!, /FERRY SUBSIDIES/);
    // Each, accepted, reads back as the cable it names.
    for (const item of items) {
      const text = cable('REF: A. STATE 4567\nB. ').replace('B. \n', `B. ${(item.textEdit as TextEdit).newText}\n`);
      const parsed = parseCable(text).cable;
      assert.equal(citedId(parsed.refs!.items[1], parsed.id), item.detail, item.label);
    }
  });

  it('lists the cables of one date by id as people read it, then by file, whichever file was indexed first', () => {
    // Four cables of one DTG, one filed twice with another subject in its copy, and one a day older.
    const day = '2009-05-28T08:00:00Z';
    const files = [
      indexed('09NOWHERE708', day, 'NOWHERE', 'PIER LEASES'),
      indexed('09NOWHERE99', day, 'NOWHERE', 'QUAY LIGHTS'),
      indexed('09NOWHERE99', day, 'NOWHERE', 'QUAY LIGHTS (DRAFT COPY)', '08drafts/quay.cable'),
      indexed('09ELSEWHERE5', day, 'ELSEWHERE', 'CUSTOMS SHED'),
      indexed('09NOWHERE1000', day, 'NOWHERE', 'FERRY TIMES'),
      indexed('09NOWHERE3', '2009-05-27T08:00:00Z', 'NOWHERE', 'BUOYS'),
    ];
    const offered = (cables: readonly IndexedCable[], extra: Partial<CompletionContext> = {}) =>
      at(cable('REF: A. STATE 4567\nB. |'), { workspaceCables: () => cables, ...extra }).items.filter((i) => i.detail !== undefined).map((i) => `${i.detail} ${i.labelDetails?.description}`);
    const expected = ['09ELSEWHERE5 CUSTOMS SHED', '09NOWHERE99 QUAY LIGHTS (DRAFT COPY)', '09NOWHERE708 PIER LEASES', '09NOWHERE1000 FERRY TIMES', '09NOWHERE3 BUOYS'];
    // Without the index's preference, a cable filed twice is offered from its first file by URI.
    assert.deepEqual(offered(files), expected);
    assert.deepEqual(offered([...files].reverse()), expected);
    // From the workspace index, filled in either order: the file named after the cable, which Go to Definition takes.
    const fromIndex = (order: readonly IndexedCable[]) => {
      const index = new CableIndex();
      for (const c of order) index.set(c);
      return offered([...index.all()], { preferredCopy: (id) => index.peek(id) });
    };
    const preferred = expected.map((e) => e.replace(' (DRAFT COPY)', ''));
    assert.deepEqual(fromIndex(files), preferred);
    assert.deepEqual(fromIndex([...files].reverse()), preferred);
  });

  it('places an undated cable by its id\'s year, after that year\'s dated cables, as workspace symbols and Insert Citation do', () => {
    // Two partial extracts with no DTG (the shape of 04MADRID1731) among dated cables of their year, the year after and
    // the year before: each after the last dated cable of 2004, before the first of 2003, the two by id.
    const undated = (id: string): IndexedCable => ({ ...indexed(id, '', 'NOWHERE', `EXTRACT ${id}`), dtg: undefined });
    const files = [
      indexed('03NOWHERE900', '2003-12-30T23:00:00Z', 'NOWHERE', 'YEAR-END BUOYS'),
      undated('04NOWHERE31'),
      indexed('04NOWHERE7', '2004-01-05T08:00:00Z', 'NOWHERE', 'NEW PILOTS'),
      indexed('05NOWHERE10', '2005-03-01', 'NOWHERE', 'SPRING TIDES'),
      undated('04ELSEWHERE2'),
      indexed('04NOWHERE50', '2004-12-31T23:59:00Z', 'NOWHERE', 'LAST FERRY OF THE YEAR'),
    ];
    const expected = ['05NOWHERE10', '04NOWHERE50', '04NOWHERE7', '04ELSEWHERE2', '04NOWHERE31', '03NOWHERE900'];
    for (const order of [files, [...files].reverse()]) {
      const offered = at(cable('REF: A. STATE 4567\nB. |'), { workspaceCables: () => order }).items.filter((i) => i.detail !== undefined).map((i) => i.detail);
      assert.deepEqual(offered, expected, 'REF citation completion');
      const index = new CableIndex();
      for (const c of order) index.set(c);
      assert.deepEqual(index.search('').map((s) => s.name.split(':')[0]), expected, 'workspace symbols');
      const picks = citationPicks(order.map(collectionEntry), 'file:///ws/elsewhere.cable');
      assert.deepEqual(picks.map((p) => p.label), expected, 'Insert Citation');
      // The pick still says it is undated.
      assert.equal(picks.find((p) => p.label === '04NOWHERE31')?.detail, 'Undated · CONFIDENTIAL · 04NOWHERE31.cable');
    }
  });

  it('leaves out the cables the field\'s other items cite, above and below, but not the one the item being written cites', () => {
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nB. 08 PARIS 1234\nC. |')), ['BUENOS AIRES 55']);
    assert.deepEqual(labels(cable('REF: A. |\nB. 08 PARIS 1234')), ['VALLETTA 388', 'BUENOS AIRES 55']);
    // Asked for again on an item whose citation is being typed: its own cable stays.
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nB. 08 PARIS |')), ['08 PARIS 1234']);
  });

  it('leaves each cable\'s documentation for the client to resolve when it says it does, and resolves it as it would have been', () => {
    const text = cable('REF: A. STATE 4567\nB. |');
    const eager = at(text).items;
    const lazy = at(text, { lazyDocumentation: true }).items;
    assert.deepEqual(lazy.map((i) => i.label), eager.map((i) => i.label));
    const cited = lazy.filter((i) => i.detail !== undefined && /^\d{2}[A-Z]+\d+$/.test(i.detail));
    assert.equal(cited.length, 3);
    for (const item of cited) {
      assert.equal(item.documentation, undefined, item.label);
      const resolved = resolveCompletionItem(item, (uri) => workspace.find((c) => c.uri === uri));
      assert.deepEqual(resolved.documentation, eager.find((i) => i.label === item.label)?.documentation, item.label);
      // Its cable gone from the index meanwhile: the item as it was.
      assert.deepEqual(resolveCompletionItem(item, () => undefined), item);
    }
    // Other items have nothing to resolve.
    const tag = completionsAt('S E C R E T NOWHERE 000001\n\nTAGS: PREL |\n').items[0];
    assert.deepEqual(resolveCompletionItem(tag, () => workspace[0]), tag);
  });

  it('finds an older cable of a large workspace by the citation typed, where the latest thousand are offered, and says a list cut short is incomplete', () => {
    // 1,500 cables of Valletta from 2008 (numbers 1 to 1,500, later ones later), and one of Kiev from 2005: the oldest.
    const many = Array.from({ length: 1500 }, (_, k) => indexed(`08VALLETTA${k + 1}`, `2008-01-01T00:00:00Z`.replace('01T', `${String(1 + (k % 28)).padStart(2, '0')}T`).replace('-01-', `-${String(1 + Math.floor(k / 125)).padStart(2, '0')}-`), 'VALLETTA', `HARBOR NOTE ${k + 1}`));
    const kiev = indexed('05KIEV4590', '2005-03-01T00:00:00Z', 'KIEV', 'GRAIN EXPORTS');
    const list = (text: string) => {
      const c = caret(text);
      return getCompletionList(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries, insertReplace: false, now: NOW, labelDetails: true, workspaceCables: () => [...many, kiev] });
    };
    // Nothing typed: the latest thousand, and the list says it is cut short, so that the editor asks again as the user types.
    const all = list(cable('REF: A. VALLETTA 388\nB. |'));
    assert.equal(all.items.length, 1000);
    assert.equal(all.isIncomplete, true);
    assert.ok(!all.items.some((i) => i.detail === '05KIEV4590'));
    // The citation's start typed: the Kiev cable is found, as is a subject's word, and the list is whole.
    for (const typed of ['05 KIEV', '05 K', 'KIEV 45', 'GRAIN']) {
      const found = list(cable(`REF: A. VALLETTA 388\nB. ${typed}|`));
      assert.deepEqual([found.items.map((i) => i.label), found.isIncomplete], [['05 KIEV 4590'], false], typed);
    }
    // A cable the characters typed cannot match is left out before the list is cut; one they match stays, latest first.
    const valletta = list(cable('REF: A. VALLETTA 388\nB. 08 VALLETTA 149|'));
    const offered = new Set(valletta.items.map((i) => i.label));
    // VALLETTA 1499 is cited without its year (a higher number than this cable's own is of the year before), and found by it.
    assert.ok(offered.has('08 VALLETTA 149') && offered.has('VALLETTA 1499'));
    assert.ok(!offered.has('08 VALLETTA 1') && !offered.has('08 VALLETTA 250') && !offered.has('05 KIEV 4590'));
    assert.equal(valletta.isIncomplete, false);
    // Elsewhere, the list is complete: getCompletions's items.
    assert.equal(list(cable('REF: A. VALLETTA 388\n|')).isIncomplete, false);
  });

  it('keeps the cables whose id or subject holds what is typed whole before later ones it only scatters over, when the list is cut', () => {
    // 1,500 later cables of Valletta whose subjects hold the letters of KIEV and GRAIN in order, and 20 older ones of Kiev.
    const valletta = Array.from({ length: 1500 }, (_, k) => indexed(`09VALLETTA${k + 1}`, '2009-05-01T00:00:00Z', 'VALLETTA', `HARBOR KEEPERS INVITE VESSELS; GREAT RAINS, NOTE ${k + 1}`));
    const kiev = Array.from({ length: 20 }, (_, k) => indexed(`05KIEV${k + 100}`, '2005-03-01T00:00:00Z', 'KIEV', `GRAIN EXPORTS, PART ${k + 1}`));
    const grain = indexed('04MOSCOW77', '2004-01-01T00:00:00Z', 'MOSCOW', 'GRAIN EXPORT QUOTAS');
    const list = (text: string) => {
      const c = caret(text);
      return getCompletionList(parseCable(c.text).cable, { line: c.line, character: c.character }, { dictionaries, insertReplace: false, now: NOW, labelDetails: true, workspaceCables: () => [...valletta, ...kiev, grain] });
    };
    const kievOffered = list(cable('REF: A. VALLETTA 388\nB. KIEV|'));
    assert.equal(kievOffered.isIncomplete, true);
    // Every Kiev cable, first; then the latest Valletta ones.
    assert.deepEqual(kievOffered.items.slice(0, 20).map((i) => i.detail), kiev.map((c) => c.id));
    assert.equal(kievOffered.items[20].detail?.startsWith('09VALLETTA'), true);
    // A subject's word typed: the cables whose subject holds it, latest first, before those it scatters over.
    const byWord = list(cable('REF: A. VALLETTA 388\nB. GRAIN|'));
    assert.deepEqual(byWord.items.slice(0, 21).map((i) => i.detail), [...kiev.map((c) => c.id), grain.id]);
    assert.equal(byWord.items.length, 1000);
  });

  it('replaces the citation typed after the letter, in every letter style, and on the REF line', () => {
    const typed = at(cable('REF: A. VALLETTA 388\nB. 08 PAR|'));
    // Only the cables the characters typed can match: 08 PARIS 1234.
    assert.deepEqual(typed.items.map((i) => i.label), ['08 PARIS 1234']);
    assert.deepEqual(editRange(typed.items[0], 'plain'), { start: { line: 15, character: 3 }, end: { line: 15, character: 9 } });
    assert.deepEqual(labels(cable('REF: (A) STATE 4567\n(B) |')), ['VALLETTA 388', 'BUENOS AIRES 55', '08 PARIS 1234']);
    assert.deepEqual(labels(cable('REF: A) STATE 4567\nB) |')), ['VALLETTA 388', 'BUENOS AIRES 55', '08 PARIS 1234']);
    assert.deepEqual(labels(cable('REF: A: STATE 4567\nB: |')), ['VALLETTA 388', 'BUENOS AIRES 55', '08 PARIS 1234']);
    assert.deepEqual(labels(cable('REF: A. |')), ['VALLETTA 388', 'BUENOS AIRES 55', '08 PARIS 1234']);
  });

  it('offers them on the next item\'s line after a blank line under the REF field, which reads as the item once cited', () => {
    // Real cables leave a blank line after "REF: A. …" and put "¶B. …" under it: the parser reads "¶B. " as REF item B
    // only once it has its citation, and as the start of the body until then.
    const all = ['VALLETTA 388', 'BUENOS AIRES 55', '08 PARIS 1234'];
    for (const letter of ['¶B. ', 'B. ', 'b. ', '(B) ', 'B: ', '¶C. ', 'D) ']) {
      const text = cable(`REF: A. STATE 4567\n\n${letter}|`);
      assert.deepEqual(labels(text), all, letter);
      // Accepted, the line reads as the REF field's next item, citing the cable offered.
      const item = at(text).items.find((i) => i.detail === '09VALLETTA388')!;
      const parsed = parseCable(text.replace('|', (item.textEdit as TextEdit).newText)).cable;
      assert.equal(citedId(parsed.refs!.items.at(-1)!, parsed.id), '09VALLETTA388', letter);
    }
    // Over two blank lines, and under a field whose items stand a blank line apart.
    assert.deepEqual(labels(cable('REF: A. STATE 4567\n\n\n¶B. |')), all);
    // (Item B cites 08PARIS1234 already.)
    assert.deepEqual(labels(cable('REF: A. STATE 4567\n\n¶B. 08 PARIS 1234\n\n¶C. |')), ['VALLETTA 388', 'BUENOS AIRES 55']);
    // Not a letter the parser would read there: one before or the same as the last item's, or more than three after it.
    for (const letter of ['¶A. ', '¶E. ']) assert.deepEqual(labels(cable(`REF: A. VALLETTA 388\n\n${letter}|`)), [], letter);
    // Not after a blank line under another field: the REF field has ended.
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nClassified By: Ruth Calloway for reasons 1.4 (b).\n\n¶B. |')), []);
  });

  it('offers no citation with text after the caret, before a letter, outside the REF field, on a typed character, or without a workspace', () => {
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nB. | PARIS 12')), []);
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nB|')), []);
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388').replace('¶1. (C) The harbor board met.', 'B. |')), []);
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\n(B) |'), { triggerCharacter: '(' }), []);
    // Not on the space typed after the letter: the list would stay open while "PARIS 7" is typed, and Enter take "PARIS 708".
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nB. |'), { triggerCharacter: ' ' }), []);
    assert.deepEqual(labels(cable('REF: A. VALLETTA 388\nB. |'), { workspaceCables: undefined }), []);
  });
});

describe('completion: the next paragraph and REF item on the real cables', function () {
  // Each real cable's own numbering is the oracle: with a paragraph's (or a REF item's) line emptied, the item offered
  // there should be that paragraph's number and marker style (that item's letter and style).
  before(function () {
    if (!corpusDir()) this.skip();
  });
  this.timeout(120_000);

  /** The items at the start of line `n` of `lines` emptied to its indent. */
  const emptied = (lines: readonly string[], n: number, upTo = n) => {
    const indent = /^[ \t]*/.exec(lines[n])![0];
    const text = [...lines.slice(0, n), indent, ...lines.slice(upTo + 1)].join('\n');
    return getCompletions(parseCable(text).cable, { line: n, character: indent.length }, { dictionaries });
  };

  it('offers each paragraph\'s own number, in its style, at its line\'s start', () => {
    let total = 0;
    let numbered = 0;
    let styled = 0;
    let marked = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      if (cable.paragraphs.length < 2) continue;
      for (const p of cable.paragraphs) {
        const start = p.range.start;
        // A paragraph glued mid-line ("… was working. 16. (C) On fares") has no line of its own to empty.
        if (start.character !== /^[ \t]*/.exec(cable.lines[start.line])![0].length) continue;
        total++;
        const items = emptied(cable.lines, start.line);
        const first = items.find((i) => i.preselect) ?? items[0];
        const marker = /^(¶ ?)?(\d+)\./.exec(first?.label ?? '');
        // The pilcrow artifact ("¶ 13." for 3) is read as its number, and shows no style to follow.
        const style = marker ? (marker[1] === '¶' ? 'pilcrow' : marker[1] === '¶ ' ? 'pilcrow-space' : 'bare') : undefined;
        const numberOk = marker !== null && Number(marker[2]) === p.readAs;
        const styleOk = p.number !== p.readAs || style === p.style;
        if (numberOk) numbered++;
        if (numberOk && styleOk) styled++;
        else misses.push(`${path.basename(f)}:${start.line + 1} ${cable.lines[start.line].slice(0, 24)} -> ${first?.label ?? 'nothing'}`);
        if (p.portion && first?.label.endsWith(p.portion.token.text)) marked++;
      }
    }
    console.log(`      ${styled} of ${total} paragraphs offered their own number and style (${numbered} their number); ${marked} their own marking first. Others:\n${misses.map((m) => `        ${m}`).join('\n')}`);
    assert.ok(total > 1000, `${total}`);
    assert.ok(styled / total >= 0.95, `${styled} of ${total}`);
  });

  it('offers each marking that opens a line of the text on a "(" typed in its place, most often first', () => {
    let total = 0;
    let first = 0;
    let listed = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      for (const m of cable.itemMarkings) {
        const start = m.portion.token.range.start;
        const line = cable.lines[start.line];
        // A marking at the line's start, after its indent ("(S/NF) Response: …"), not after an item's label ("A. (S) …").
        if (m.label || start.character !== /^[ \t]*/.exec(line)![0].length) continue;
        total++;
        const lines = [...cable.lines];
        lines[start.line] = `${line.slice(0, start.character)}(`;
        const items = getCompletions(parseCable(lines.join('\n')).cable, { line: start.line, character: start.character + 1 }, { dictionaries, triggerCharacter: '(' });
        if (items[0]?.label === m.portion.token.text) first++;
        if (items.some((i) => i.label === m.portion.token.text)) listed++;
        else misses.push(`${path.basename(f)}:${start.line + 1} ${m.portion.token.text} -> ${items[0]?.label ?? 'nothing'}`);
      }
    }
    console.log(`      ${listed} of ${total} line markings offered (${first} first). Others:\n${misses.map((m) => `        ${m}`).join('\n')}`);
    // The misses carry controls no level's choices hold ("(S/REL NATO)" under a "(C)" paragraph), and none was above.
    assert.ok(total >= 20, `${total}`);
    assert.ok(listed / total >= 0.9 && first / total >= 0.6, `${listed} and ${first} of ${total}`);
  });

  it('opens no list on a "(" typed at the start of most lines of prose that start with one', () => {
    // Lines of the text that start with "(" and open no paragraph, item or sub-title: "(PP) said …", "(Note: …", "(REF A).".
    let total = 0;
    let offeredThere = 0;
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      const marked = new Set(cable.itemMarkings.map((m) => m.portion.token.range.start.line));
      for (let n = cable.bodyStartLine; n < cable.lines.length; n++) {
        const line = cable.lines[n];
        const indent = /^[ \t]*/.exec(line)![0];
        if (line[indent.length] !== '(' || marked.has(n) || cable.lineKinds[n] !== 'text') continue;
        total++;
        const lines = [...cable.lines];
        lines[n] = `${indent}(`;
        if (getCompletions(parseCable(lines.join('\n')).cable, { line: n, character: indent.length + 1 }, { dictionaries, triggerCharacter: '(' }).length > 0) offeredThere++;
      }
    }
    console.log(`      a "(" typed at the start of ${offeredThere} of ${total} lines of prose that start with one opens the list`);
    assert.ok(total >= 100, `${total}`);
    assert.ok(offeredThere / total <= 0.25, `${offeredThere} of ${total}`);
  });

  it('offers each REF item\'s own letter, in the field\'s style, on its line', () => {
    let total = 0;
    let right = 0;
    const misses: string[] = [];
    for (const f of corpusFiles()) {
      const { cable } = parseCable(fs.readFileSync(f, 'utf8'));
      const refs = cable.refs;
      if (!refs || refs.items.filter((i) => i.letter).length < 2) continue;
      for (const item of refs.items.slice(1)) {
        const start = item.range.start;
        const token = item.letterToken;
        if (!token || start.line === refs.items[0].range.start.line || start.character !== /^[ \t]*/.exec(cable.lines[start.line])![0].length) continue;
        total++;
        // The item's line and the rest of the field emptied: the writer is typing this item as the field's last.
        const items = emptied(cable.lines, start.line, refs.range.end.line);
        const expected = token.text.replace(/^¶/, '');
        if (items[0]?.label === expected) right++;
        else misses.push(`${path.basename(f)}:${start.line + 1} ${token.text} -> ${items[0]?.label ?? 'nothing'}`);
      }
    }
    console.log(`      ${right} of ${total} REF items offered their own letter and style. Others:\n${misses.map((m) => `        ${m}`).join('\n')}`);
    // A field that leaves a blank line after its first item ("REF: A. …" ⏎ "" ⏎ "¶B. …") gets the letter in that gap,
    // the Classified By line below. The misses are a field that letters twice ("A. (A) …") and one that turns to lower
    // case halfway ("¶E. …" ⏎ "f. …"), whose last item above gives the style.
    assert.ok(total > 80, `${total}`);
    assert.ok(right / total >= 0.95, `${right} of ${total}`);
  });
});

describe('completion edits: the Classified By line and the signature', () => {
  const head = 'C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 13526: DECL: 01/01/2036\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n';

  it('offers the classifiers\' titles the released cables write after "Classified By: ", Ambassador first', () => {
    const labels = labelsAt(`${head}Classified By: |`);
    assert.deepEqual(labels.slice(0, 4), ['Ambassador', 'DCM', 'Political Minister-Counselor', "Charge d'Affaires"]);
    check(`${head}Classified By: |`, 'Classified By: Ambassador ');
    // On the space typed after the keyword, and as a title is typed ("Pol" finds both political titles).
    assert.deepEqual(completionsAt(`${head}Classified By: |`, 'plain', { triggerCharacter: ' ' }).items.length, labels.length);
    const { line, character, items } = completionsAt(`${head}Classified By: Pol|`);
    assert.deepEqual(visible(line, character, items).map((i) => i.label), ['Political Minister-Counselor', 'Political Counselor']);
    check(`${head}Classified By: Pol|`, 'Classified By: Political Counselor ', 'Political Counselor');
    // A client that takes snippets gets the name to fill in.
    const snippet = completionsAt(`${head}Classified By: |`, 'plain', { snippets: true }).items[0];
    assert.deepEqual([snippet.label, snippet.insertTextFormat, (snippet.textEdit as TextEdit).newText], ['Ambassador NAME', 2, 'Ambassador ${1:NAME}']);
  });

  it('offers the reasons\' tail after the classifier on Ctrl+Space only, where the line gives none', () => {
    check(`${head}Classified By: DCM Ann Doe |`, 'Classified By: DCM Ann Doe for reasons 1.4 (b) and (d).');
    check(`${head}Classified By: DCM Ann Doe|`, 'Classified By: DCM Ann Doe for reasons 1.4 (b) and (d).');
    // A space typed while the name is written opens no list.
    assert.deepEqual(completionsAt(`${head}Classified By: DCM Ann |`, 'plain', { triggerCharacter: ' ' }).items, []);
    // Reasons given already, or text after the caret: no tail.
    assert.ok(!labelsAt(`${head}Classified By: DCM Ann Doe for reasons 1.4 (b) |`).some((l) => l.startsWith('for reasons')));
    assert.deepEqual(labelsAt(`${head}Classified By: DCM Ann| Doe`), []);
    // A cable of 2002, before E.O. 13292 moved the reasons to section 1.4.
    const old = `Friday, 12 July 2002, 06:59\n${head.replace('13526: DECL: 01/01/2036', '12958: DECL: 07/12/2012')}Classified By: DCM Ann Doe |`;
    check(old, 'Classified By: DCM Ann Doe for reasons 1.5 (b) and (d).');
  });

  it('offers the signature, a surname placeholder, at the end of the text of an unsigned cable to a client that takes snippets', () => {
    const text = `${head}Classified By: DCM Ann Doe for reasons 1.4 (b) and (d).\n\n¶1. (C) The harbor board met.\n\n|`;
    const items = completionsAt(text, 'plain', { snippets: true }).items;
    const signature = items.find((i) => i.label === 'SURNAME');
    assert.ok(signature, items.map((i) => i.label).join());
    assert.equal((signature.textEdit as TextEdit).newText, '${1:SURNAME}');
    assert.equal(items[items.length - 1], signature, 'after the next paragraph\'s markers');
    assert.ok(items[0].preselect);
    // Not without snippets, not once signed, not above more text, not right under the text, not on a typed character.
    assert.ok(!labelsAt(text).includes('SURNAME'));
    const none = (t: string, extra: Partial<CompletionContext> = {}) => assert.ok(!completionsAt(t, 'plain', { snippets: true, ...extra }).items.some((i) => i.label === 'SURNAME'), t);
    none(text.replace('met.\n\n|', 'met.\n\n|\n\nDOE\n'));
    none(text.replace('met.\n\n|', 'met.\n\n|\n\n¶2. (C) Fares rose.\n'));
    none(text.replace('met.\n\n|', 'met.\n|'));
    none(text, { triggerCharacter: '(' });
  });
});

describe('completion: the signatures of the post\'s other cables', () => {
  // A fixture workspace of invented cables, summarized as the index summarizes them: four from Nowhere, three signed
  // CALLOWAY (the latest in 2010), one PEKALA; one from Elsewhere signed TUTTLE; one of Nowhere that is unsigned.
  const made = (post: string, serial: string, date: string, signature: string) =>
    `C O N F I D E N T I A L ${post} ${serial}\n\nE.O. 13526: DECL: ${date}\nTAGS: PREL\nSUBJECT: HARBOR DUES\n\nClassified By: DCM Ann Doe for reasons 1.4 (b).\n\n¶1. (C) The harbor board met on ${date}.\n${signature === '' ? '' : `\n${signature}\n`}`;
  const file = (name: string, text: string) => summarize(`file:///ws/${name}`, parseCable(text).cable, idFromFileName(`file:///ws/${name}`));
  const workspace: IndexedCable[] = [
    file('a.cable', made('NOWHERE', '000101', '01/05/2019', 'CALLOWAY')),
    file('b.cable', made('NOWHERE', '000102', '02/05/2019', 'PEKALA')),
    file('c.cable', made('NOWHERE', '000103', '03/05/2019', 'CALLOWAY')),
    file('d.cable', made('NOWHERE', '000104', '04/05/2020', 'CALLOWAY')),
    file('e.cable', made('ELSEWHERE', '000105', '05/05/2019', 'TUTTLE')),
    file('f.cable', made('NOWHERE', '000106', '06/05/2019', '')),
    // The document being written, as the index holds it while it is typed: never offered to itself.
    file('draft.cable', made('NOWHERE', '000107', '07/05/2019', 'CALLAGHAN')),
  ];
  const ctx = { workspaceCables: () => workspace, documentUri: 'file:///ws/draft.cable' };
  const draft = (end: string, post = 'NOWHERE') => made(post, '000107', '07/05/2019', '').replace(/\n$/, `\n\n${end}`);
  const signatures = (text: string, extra: Partial<CompletionContext> = {}) => completionsAt(text, 'plain', { ...ctx, ...extra }).items.filter((i) => i.detail?.startsWith('Signature') && i.label !== 'SURNAME');

  it('keeps each cable\'s signature in the index, one string for each spelling', () => {
    assert.deepEqual(workspace.map((c) => c.signature), ['CALLOWAY', 'PEKALA', 'CALLOWAY', 'CALLOWAY', 'TUTTLE', undefined, 'CALLAGHAN']);
    // A name glued to the last sentence signs too.
    assert.equal(file('g.cable', made('NOWHERE', '000108', '08/05/2019', '').replace(/met on 08\/05\/2019\.\n$/, 'met. End comment. HALLORAN\n')).signature, 'HALLORAN');
  });

  it('offers the names that sign the workspace\'s cables of the same post at the signature\'s place, the most used first', () => {
    const items = signatures(draft('|'));
    assert.deepEqual(items.map((i) => [i.label, i.labelDetails?.description]), [['CALLOWAY', '3 cables of NOWHERE'], ['PEKALA', '1 cable of NOWHERE']]);
    // On an empty line they come after the next paragraph's markers, the marker preselected, and before the placeholder.
    const all = completionsAt(draft('|'), 'plain', { ...ctx, snippets: true }).items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.deepEqual(all.slice(-3).map((i) => i.label), ['CALLOWAY', 'PEKALA', 'SURNAME']);
    assert.ok(all[0].preselect && all[0].label.startsWith('¶2.'));
    // A client that shows no label details gets the count in the detail.
    assert.equal(signatures(draft('|'), { labelDetails: false })[0].detail, 'Signature: 3 cables of NOWHERE');
    // Under a Comment left open, its closer comes before them: the block closes before the cable is signed.
    const open = completionsAt(draft('|').replace('(C) The harbor', '(C) Comment: The harbor'), 'plain', { ...ctx, snippets: true }).items;
    const sorted = open.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    assert.deepEqual(sorted.slice(-4), ['End Comment.', 'CALLOWAY', 'PEKALA', 'SURNAME']);
  });

  it('offers them as the name is typed, replacing what is typed, whether or not the parser reads it as the signature yet', () => {
    for (const typed of ['C', 'CAL', 'Cal', 'PEK']) {
      const { line, character, items } = completionsAt(draft(`${typed}|`), 'plain', ctx);
      assert.deepEqual(items.map((i) => i.label), ['CALLOWAY', 'PEKALA'], typed);
      // The client still shows the name the letters typed start, and accepting it writes the name alone on the line.
      const shown = visible(line, character, items);
      assert.deepEqual(shown.map((i) => i.label), [typed === 'PEK' ? 'PEKALA' : 'CALLOWAY'], typed);
      const r = editRange(shown[0]);
      assert.equal(line.slice(0, r.start.character) + (shown[0].textEdit as TextEdit).newText + line.slice(r.end.character), shown[0].label, typed);
    }
    // Two words: the whole name typed is replaced; in replace mode, the rest of the word after the caret too.
    const two = completionsAt(draft('TIMKEN J|'), 'plain', ctx).items[0];
    assert.deepEqual(editRange(two), { start: { line: 10, character: 0 }, end: { line: 10, character: 8 } });
    const middle = completionsAt(draft('CA|LLOW'), 'replace', ctx).items[0];
    assert.deepEqual([editRange(middle, 'insert').end.character, editRange(middle, 'replace').end.character], [2, 6]);
  });

  it('reads the post from the id where the banner blanks it or is missing, and offers none from other posts', () => {
    assert.deepEqual(signatures(draft('|', 'XXXXXXXXXXXX')).map((i) => i.label), []);
    assert.deepEqual(signatures(draft('|', 'XXXXXXXXXXXX'), { citingId: '19NOWHERE107' }).map((i) => i.label), ['CALLOWAY', 'PEKALA']);
    assert.deepEqual(signatures(draft('|', 'ELSEWHERE')).map((i) => i.label), ['TUTTLE']);
    assert.deepEqual(signatures(draft('|', 'FARAWAY')).map((i) => i.label), []);
  });

  it('offers none off the signature\'s place, on a typed character, or without a workspace', () => {
    const none = (text: string, extra: Partial<CompletionContext> = {}) => assert.deepEqual(signatures(text, extra).map((i) => i.label), [], text);
    // Right under the text, above more text, after a sentence's words, on a "(" or a space typed.
    none(draft('|').replace('\n\n|', '\n|'));
    none(draft('|\n\n¶2. (C) Fares rose.\n'));
    none(draft('The board |'));
    // A name glued to the last sentence, as released copies sign ("… met. CAL", "… met.CAL"): a writer types the next
    // sentence's first word there as often, and every word typed at the end of a draft would offer the names.
    for (const glued of [' CAL|', 'CAL|', ' C|']) none(draft('|').replace(/07\/05\/2019\.\n\n\|$/, `07/05/2019.${glued}`));
    none(draft('|'), { triggerCharacter: '(' });
    none(draft('|'), { workspaceCables: undefined });
    // Above the body: the metadata's lines.
    none(made('NOWHERE', '000107', '07/05/2019', '').replace('TAGS: PREL', 'TAGS: PREL\nC|'));
    // Below the trailer's lines it still is the signature's place.
    assert.deepEqual(signatures(draft('|\n\nBT\n#0107\n\nNNNN\n')).map((i) => i.label), ['CALLOWAY', 'PEKALA']);
  });
});

describe('completion: a cable written from an empty file', () => {
  // A writer's walk (banner → caveat → E.O. → TAGS → SUBJECT → Classified By → paragraphs → signature): each step types
  // text at the end of the document or accepts an item there, as VS Code does, and the cable that results lints clean.
  const workspace: IndexedCable[] = [1, 2, 3].map((n) =>
    summarize(`file:///ws/26PARIS40${n}.cable`, parseCable(`C O N F I D E N T I A L PARIS 00040${n}\n\nE.O. 13526: DECL: 11/0${n}/2036\nTAGS: PREL FR\nSUBJECT: PORT DUES\n\nClassified By: DCM Ann Doe for reasons 1.4 (b).\n\n¶1. (C) The board met.\n\nCALLOWAY\n`).cable),
  );
  const ctx: Partial<CompletionContext> = { citingId: '26PARIS412', documentUri: 'file:///ws/26PARIS412.cable', workspaceCables: () => workspace, suggestAgain: true };

  /** The document after accepting at its end the item named `label`, else the preselected or first one the client shows; and whether it asks for the next list. */
  function acceptAtEnd(text: string, label?: string): { text: string; again: boolean } {
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const items = getCompletions(parseCable(text).cable, position, { dictionaries, now: NOW, labelDetails: true, ...ctx });
    const line = lines[position.line];
    const shown = visible(line, position.character, items).sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
    const item = label === undefined ? (shown.find((i) => i.preselect) ?? shown[0]) : shown.find((i) => i.label === label);
    assert.ok(item, `${JSON.stringify(line)}: ${label ?? 'the first item'} among ${shown.map((i) => i.label).join(', ')}`);
    const edit = item.textEdit as TextEdit;
    lines[position.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    return { text: lines.join('\n'), again: item.command?.command === 'editor.action.triggerSuggest' };
  }

  it('takes the preselected or first item at each step but for the level, the post, a caveat, the title and the signature, and lints clean', () => {
    let text = '';
    const steps: [kind: 'type' | 'accept', what?: string][] = [
      ['accept', 'C O N F I D E N T I A L'], ['type', 'PAR'], ['accept', 'PARIS'], ['accept'],
      ['type', '\n'], ['accept', 'SIPDIS'],
      ['type', '\n\n'], ['accept'], ['accept'],
      ['type', '\n'], ['accept'], ['accept'], ['type', ' '], ['accept'],
      ['type', '\n'], ['accept'], ['type', 'FERRY DUES'],
      ['type', '\n\n'], ['accept'], ['accept', 'DCM'], ['type', 'Ann Doe'], ['accept'],
      ['type', '\n\n'], ['accept'], ['type', 'The harbor board met.'],
      ['type', '\n\n'], ['accept'], ['type', 'Fares rose.'],
      ['type', '\n\n'], ['accept', 'CALLOWAY'], ['type', '\n'],
    ];
    const again: string[] = [];
    for (const [kind, what] of steps) {
      if (kind === 'type') text += what;
      else {
        const accepted = acceptAtEnd(text, what);
        if (accepted.again) again.push(accepted.text.split('\n').at(-1)!);
        text = accepted.text;
      }
    }
    assert.equal(
      text,
      'C O N F I D E N T I A L PARIS 000412\nSIPDIS\n\nE.O. 13526: DECL: 12/03/2036\nTAGS: PREL FR\nSUBJECT: FERRY DUES\n\nClassified By: DCM Ann Doe for reasons 1.4 (b) and (d).\n\n¶1. (C) The harbor board met.\n\n¶2. (C) Fares rose.\n\nCALLOWAY\n',
    );
    // The lists that followed an item accepted without a key pressed: the posts, the serial, the DECL dates, the TAGS, the titles.
    assert.deepEqual(again, ['C O N F I D E N T I A L ', 'C O N F I D E N T I A L PARIS ', 'E.O. 13526: ', 'TAGS: ', 'Classified By: ']);
    assert.deepEqual(lintCable(parseCable(text).cable).map((f) => `${f.id} ${f.message}`), []);
  });
});

describe('completion edits: the banner of a new cable', () => {
  it('offers the banner levels on the first line of an empty document, the commonest first', () => {
    assert.deepEqual(labelsAt('|'), ['UNCLAS', 'C O N F I D E N T I A L', 'S E C R E T']);
    check('|', 'UNCLAS ');
    check('|\n', 'UNCLAS ');
    check('C O N|', 'C O N F I D E N T I A L ');
    check('S E|', 'S E C R E T ');
  });

  it('offers the posts of the embassies whose host-country TAG is known after the level', () => {
    const labels = labelsAt('C O N F I D E N T I A L |');
    assert.ok(labels.includes('PARIS') && labels.includes('MOSCOW'), labels.slice(0, 5).join());
    check('C O N F I D E N T I A L PA|', 'C O N F I D E N T I A L PARIS ', 'PARIS');
    const { line, character, items } = completionsAt('S E C R E T MOS|');
    assert.deepEqual(visible(line, character, items).map((i) => i.label), ['MOSCOW']);
    // The post as banners write it, its words apart, typed as far as its second word.
    check('UNCLAS BUENOS A|', 'UNCLAS BUENOS AIRES ', 'BUENOS AIRES');
    // A post written whole: the serial comes next.
    assert.ok(!labelsAt('C O N F I D E N T I A L PARIS |').includes('PARIS'));
  });

  it('offers the serial after the post and a space: the DE line\'s or the file name\'s, else 000001, a placeholder for a client with snippets', () => {
    // Nothing gives the serial: six digits, as banners write it, and a placeholder to type over.
    check('C O N F I D E N T I A L PARIS |', 'C O N F I D E N T I A L PARIS 000001');
    check('UNCLAS NOWHERE 00|', 'UNCLAS NOWHERE 000001');
    const snippet = completionsAt('S E C R E T PARIS |', 'plain', { snippets: true }).items;
    assert.deepEqual(snippet.map((i) => [i.label, i.insertTextFormat, (i.textEdit as TextEdit).newText]), [['000001', 2, '${1:000001}']]);
    // The DE line under the transmission header gives it (CBL005 checks the two agree), and the placeholder is not offered.
    const header = 'VZCZCXRO4411\nPP RUEHWEB\nDE RUEHFR #0708/01 0011200\nZNY CCCCC ZZH\nP 011200Z JAN 26\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\n';
    assert.deepEqual(labelsAt(`${header}C O N F I D E N T I A L PARIS |`), ['000708']);
    check(`${header}C O N F I D E N T I A L PARIS 0|`, 'C O N F I D E N T I A L PARIS 000708');
    // A section's banner too.
    assert.deepEqual(labelsAt(`${header}C O N F I D E N T I A L SECTION 01 OF 02 PARIS |`), ['000708']);
    // The file name's id, when it names the banner's post; another post's number is not this cable's.
    const named = (text: string, citingId: string) => completionsAt(text, 'plain', { citingId }).items.map((i) => `${i.label} ${i.detail}`);
    assert.deepEqual(named('C O N F I D E N T I A L PARIS |', '26PARIS412'), ['000412 Serial: the file name\'s, 26PARIS412']);
    assert.deepEqual(named('C O N F I D E N T I A L PARIS |', '26MOSCOW412'), ['000001 Serial: six digits']);
    assert.deepEqual(named(`${header}C O N F I D E N T I A L PARIS |`, '26PARIS412'), ['000708 Serial: the DE line\'s, #0708', '000412 Serial: the file name\'s, 26PARIS412']);
    // The end-of-message line after BT, and a continuation-page line of the same post, give it too.
    assert.deepEqual(labelsAt('C O N F I D E N T I A L PARIS |\n\nE.O. 13526: DECL: 01/01/2036\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n\nDOE\n\nBT\n#0415\n\nNNNN\n'), ['000415']);
    assert.deepEqual(labelsAt('C O N F I D E N T I A L PARIS |\n\nE.O. 13526: DECL: 01/01/2036\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text\nPARIS 00000416 002 OF 002\ngoes on.\n'), ['000416']);
    // A post still being typed ("BUENOS" of "BUENOS AIRES") gets the posts, not a serial; text after the caret, nothing.
    assert.ok(labelsAt('UNCLAS BUENOS |').includes('BUENOS AIRES'));
    assert.deepEqual(labelsAt('UNCLAS PARIS | 000412'), []);
    // Not in the transmission header's lines, nor under a field.
    assert.deepEqual(labelsAt('E.O. 12958: DECL: 03/14/2019\nS E C R E T PARIS |'), []);
  });

  it('offers no banner under a banner, in a transmission header, after a field, after the serial or before text', () => {
    const levels = (text: string) => labelsAt(text).filter((l) => l === 'S E C R E T' || l === 'PARIS');
    assert.deepEqual(levels('C O N F I D E N T I A L PARIS 000412\n\n|'), []);
    assert.deepEqual(levels('VZCZCXRO1234\nPP RUEHWEB\n|'), []);
    assert.deepEqual(levels('E.O. 12958: DECL: 03/14/2019\nTAGS: PREL FR\n\n|'), []);
    assert.deepEqual(levels('C O N F I D E N T I A L PARIS 0004|'), []);
    assert.deepEqual(levels('|PARIS'), []);
  });
});

describe("completion on a cable with a scan's margin on every line", () => {
  it('offers at a line past the margin what it offers without one, each edit past the margin', () => {
    // Invented: a cable being written with a bar (`| `, `|` alone) or a line number (`07 `, `07` alone) opening every line,
    // the caret (`^`, the bar being `|`) past it. The line was read with its margin: no field keyword, no next paragraph's
    // marker, since "| " and "07" are not blank and no keyword starts "07 ".
    const base = (meta: string, body: string) => `C O N F I D E N T I A L NOWHERE 000012\n\nE.O. 12958: DECL: 01/01/2019\n${meta}\n\n${body}\n`;
    const fixtures = [
      base('TAGS: PREL\nSUBJECT: FERRY DUES\n\n^', '¶1. (C) The board met.'),
      base('TAGS: PREL\nSUBJECT: FERRY DUES\n\nREF: A. STATE 1234\n\n^', '¶1. (C) The board met.'),
      base('TAGS: PREL\nSUBJECT: FERRY DUES', '¶1. (C) The board met.\n\n¶2. (C) Fares rise.\n\n^'),
      base('TAGS: PREL\n^', '¶1. (C) The board met.'),
      base('TAGS: PR^\nSUBJECT: FERRY DUES', '¶1. (C) The board met.'),
    ];
    const margins: [string, (l: string, i: number) => string, number][] = [
      ['none', (l) => l, 0],
      ['a bar', (l) => `| ${l}`, 2],
      ['a bar, a blank line the bar alone', (l) => (l === '' ? '|' : `| ${l}`), 2],
      ['line numbers', (l, i) => `${String(i + 1).padStart(2, '0')} ${l}`, 3],
      ['line numbers, a blank line the number alone', (l, i) => `${String(i + 1).padStart(2, '0')}${l === '' ? '' : ` ${l}`}`, 3],
    ];
    for (const plain of fixtures) {
      const offered = (margin: (l: string, i: number) => string, width: number) => {
        const lines = plain.split('\n').map((l, i) => margin(l, i));
        const line = lines.findIndex((l) => l.includes('^'));
        const character = lines[line].indexOf('^');
        lines[line] = lines[line].replace('^', '');
        // A blank caret line of the margin alone: the caret after it, where the text goes.
        const parsed = parseCable(lines.join('\n')).cable;
        assert.ok(width === 0 || parsed.margin);
        const items = getCompletions(parsed, { line, character }, { dictionaries, now: NOW, labelDetails: true, insertReplace: false });
        return items.map((i) => `${i.label} @${editRange(i).start.character - width}-${editRange(i).end.character - width}`);
      };
      const expected = offered((l) => l, 0);
      assert.ok(expected.length > 0, plain);
      for (const [kind, margin, width] of margins) assert.deepEqual(offered(margin, width), expected, `${kind}: ${plain}`);
    }
  });
});
