/**
 * Completion: TAGS by family (country names find their codes), portion
 * markings after a paragraph number, the next paragraph's marker at a body line's start and the next REF item's
 * letter under the REF field, caveats after the banner, routing
 * indicators with their addresses on TO/INFO lines, precedence words,
 * reason letters, DECL dates, the date-time group and the DE line's day of
 * year and time, the REF items' letters after "ref" and the paragraphs' numbers after "para" in the text, a new banner's
 * level, post and serial, the Classified By line's title and reasons, and the signature.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type InsertReplaceEdit, type Position, type TextEdit } from 'vscode-languageserver';
import { hostEmbassies, hostTagOf } from '../core/hosts';
import { citationOf, filedPost, idSortKey, idYear, normalizePost, parseCableId } from '../core/id';
import { levelAbbreviation, LEVELS, levelRank } from '../core/levels';
import type { Block, Cable, Level, MarkerStyle, NumberToken, Paragraph, PortionMarking, RefField, RefItem, Token } from '../core/model';
import { parseBracketMarking, parseMisclosedMarking, parsePortionMarking, parseUnclosedMarking } from '../core/parse/marking';
import { MONTHS } from '../core/parse/header';
import { linesAsRead } from '../core/parse/margin';
import { continuesRefField, parseCaveatLine, refLetterAt, refLetterOrdinal } from '../core/parse/metadata';
import { ORDER_DATES, orderInEffect } from '../core/rules/cbl041-eo-order-after-cable';
import { compareDates, dayOfYear, pad } from '../core/rules/util';
import { contains, isAlnum, isBefore, isBlank, isCapital, isDigit, isLetter, isSpace, partitionPoint, skipSpaces, WHITE_RUNS } from '../core/text';
import { markingMeaning, qualifier, tagEntries, tagListMeaning, unverifiedNote, type Dictionaries, type TagEntry, type TermEntry } from './dictionaries';
import { hostCountryLine, indexedCableMarkdown, otherAddresses, paragraphOpening, shortenSubject, tagNote, timesSeen } from './hover';
import type { IndexedCable } from './types';

/** What {@link getCompletions} needs besides the cable. */
export interface CompletionContext {
  readonly dictionaries: Dictionaries;
  /**
   * The client takes insert-replace edits (`textDocument.completion.completionItem.insertReplaceSupport`):
   * an item in the middle of a word then also says how to replace the rest of the word.
   */
  readonly insertReplace?: boolean;
  /** The time a date-time group "now" is written for (tests set it); the current time by default. */
  readonly now?: Date;
  /**
   * The client takes snippets (`textDocument.completion.completionItem.snippetSupport`): the next REF item is then also
   * offered with a citation to fill in (`B. 09 NOWHERE NNN`).
   */
  readonly snippets?: boolean;
  /** The character typed that asked for the list (`(`, a space or `/`), when one did; none when asked for (Ctrl+Space). */
  readonly triggerCharacter?: string;
  /** The cables of the workspace index, offered as REF citations, and whose signatures are offered; none without a workspace. */
  readonly workspaceCables?: () => Iterable<IndexedCable>;
  /**
   * The file of a cable filed more than once (`09NOWHERE12.cable` and a copy in another folder) that Go to Definition and a
   * REF citation's hover take: the one named after it, else the first by path (the index's `byId`). A REF citation
   * offered for such a cable shows that file's subject and date; without it, the first file by URI's.
   */
  readonly preferredCopy?: (id: string) => IndexedCable | undefined;
  /** The id the document's file name gives, for the year of REF citations in a cable whose text gives no date. */
  readonly citingId?: string;
  /** The document's URI, whose own entry in the workspace index offers no signature to itself. */
  readonly documentUri?: string;
  /**
   * The client resolves an item's documentation when it shows it (`completionItem.resolveSupport` lists `documentation`):
   * the workspace's cables offered as REF citations then come without theirs, each naming its cable in `data` for
   * {@link resolveCompletionItem}, so that a list of a thousand, asked again at each key typed, is a third smaller.
   */
  readonly lazyDocumentation?: boolean;
  /**
   * The client shows a label's details (`completionItem.labelDetailsSupport`, LSP 3.17): a TAG's meaning, a REF citation's
   * subject, a paragraph's first words beside the label. Without it they go in `detail`, which every client shows.
   */
  readonly labelDetails?: boolean;
  /**
   * The client runs VS Code's `editor.action.triggerSuggest` as an item's command (`initializationOptions.suggestAgain`,
   * which the VS Code client offers): an item after which another list follows (a banner's level, then its post, then
   * its serial; a field's keyword, then its value) opens that list once accepted, as Markdown's path completion does for a
   * folder. Other clients would send the command to the server, which knows none.
   */
  readonly suggestAgain?: boolean;
}

/** The command that opens the completion list again once an item is accepted (see `CompletionContext.suggestAgain`). */
const SUGGEST_AGAIN = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** What a REF citation item offered without its documentation carries, for {@link resolveCompletionItem}. */
interface CitationItemData {
  /** The URI of the cable the item cites, in the workspace index. */
  readonly citedUri: string;
}

/**
 * `item` with what was left for the client to resolve (`completionItem/resolve`): a REF citation's documentation, from the
 * cable of the workspace index that `lookup` finds by its URI. Unchanged when it has nothing to resolve, or its cable has
 * left the index since.
 */
export function resolveCompletionItem(item: CompletionItem, lookup: (uri: string) => IndexedCable | undefined): CompletionItem {
  const data = item.data as Partial<CitationItemData> | undefined;
  const cited = typeof data?.citedUri === 'string' ? lookup(data.citedUri) : undefined;
  return cited ? { ...item, documentation: { kind: 'markdown', value: indexedCableMarkdown(cited) } } : item;
}

/**
 * The text before the caret on a DTG line: one or two precedence prosigns, then the day and time of a date-time group
 * being typed, or a whole group. Not while the month or year is being typed, where each space would open the list again.
 */
const DTG_TYPED = /^\s*[ZOPR](?:\s+[ZOPR])?\s+(\d{0,6}Z?|\d{6}Z\s+[A-Z]{3}\s+\d{2})$/i;
/** The text before the caret on a DE line: the station serial and section, then the day of year and time being typed. */
const DE_TYPED = /\s#\d+(?:\/\d+)?\s+(\d{0,7})$/;

const pad2 = (n: number) => pad(n, 2);

/** `DDHHMMZ MON YY` of a UTC time. */
function dtgOf(t: Date): string {
  return `${pad2(t.getUTCDate())}${pad2(t.getUTCHours())}${pad2(t.getUTCMinutes())}Z ${MONTHS[t.getUTCMonth()]} ${pad2(t.getUTCFullYear() % 100)}`;
}

/** `DDDHHMM`, the DE line's day of year and time. */
function julianGroup(year: number, month: number, day: number, hour: number, minute: number): string {
  return `${pad(dayOfYear({ year, month, day }), 3)}${pad2(hour)}${pad2(minute)}`;
}

/** The end of `line` without trailing white space. */
function trimmedEnd(line: string): number {
  return line.length - trailingRun(line, isSpace);
}

/**
 * The date-time group items on the header's DTG line, or on the line under the security line being typed as one
 * ("P |", "O R 03|"): now, in UTC. The item replaces the whole group from its first character, so that an old
 * group is updated in place.
 */
function dtgItems(cable: Cable, position: Position, line: string, before: string, now: Date): CompletionItem[] | undefined {
  const header = cable.header;
  if (!header) return undefined;
  const dtgLine = header.dtg?.range.start.line === position.line;
  const underSecurity = header.security !== undefined && header.security.range.start.line === position.line - 1 && !header.lines.some((l) => l.line === position.line && l.kind !== 'unknown' && l.kind !== 'dtg');
  if (!dtgLine && !underSecurity) return undefined;
  const typed = DTG_TYPED.exec(before);
  if (!typed) return undefined;
  const start = position.character - typed[1].length;
  // The group is the rest of the line: the caret's word and what follows it are replaced, in either mode.
  const end = Math.max(position.character, trimmedEnd(line));
  const text = dtgOf(now);
  return [{
    label: text,
    kind: CompletionItemKind.Value,
    detail: 'Date-time group: now (UTC)',
    documentation: 'Day, hour and minute in UTC (Z), month and year. The DE line\'s day of year should follow it (CBL006).',
    // Always shown: whatever was typed of an old group, the item replaces it.
    filterText: line.slice(start, position.character),
    preselect: true,
    textEdit: { range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } }, newText: text },
  }];
}

/**
 * The day-of-year-and-time items on the DE line (`DE RUEHFR #0708/01 |`): that of the cable's DTG first, which
 * the day must match (CBL006), then now, in UTC. Each replaces the group written.
 */
function julianItems(cable: Cable, position: Position, line: string, before: string, now: Date): CompletionItem[] | undefined {
  const de = cable.header?.de;
  if (!de || de.range.start.line !== position.line) return undefined;
  const typed = DE_TYPED.exec(before);
  if (!typed) return undefined;
  const start = position.character - typed[1].length;
  const end = position.character + leadingRun(line, position.character, isDigit);
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  const filterText = line.slice(start, position.character);
  const items: CompletionItem[] = [];
  const dtg = cable.header?.dtg?.dtg;
  if (dtg?.valid) {
    const text = julianGroup(dtg.year, dtg.month, dtg.day, dtg.hour, dtg.minute);
    items.push({ label: text, kind: CompletionItemKind.Value, detail: `Day of year and time of the date-time group ${dtg.token.text}`, filterText, sortText: '0', preselect: true, textEdit: { range, newText: text } });
  }
  const text = julianGroup(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes());
  items.push({ label: text, kind: CompletionItemKind.Value, detail: 'Day of year and time: now (UTC)', filterText, sortText: '1', textEdit: { range, newText: text } });
  return items;
}

/** The text before the caret on a DE line while its station's routing indicator is typed: `DE `, `DE RUEH`. */
const DE_STATION_TYPED = /^\s*DE\s+([A-Za-z]{0,7})$/;
/** The text before the caret on an FM line while its address is typed: `FM `, `FM AMEMBASSY VAL`. */
const FM_ADDRESS_TYPED = /^(\s*FM\s+)([A-Za-z][A-Za-z .'-]{0,60})?$/;

/** The originator the FM line names (`AMEMBASSY VALLETTA`), else the embassy of the banner's post, in capitals, spaces single. */
function originatorAddress(cable: Cable): string | undefined {
  const written = cable.header?.from?.address?.text.trim();
  if (written) return written.toUpperCase().replace(WHITE_RUNS, ' ');
  const post = cable.banner?.post?.text.trim();
  return post ? `AMEMBASSY ${post.toUpperCase().replace(WHITE_RUNS, ' ')}` : undefined;
}

/**
 * The DE line's station (`DE |`, `DE RUEHFR|`): the routing indicator whose plain-language address the reference gives as
 * the FM line's originator (`FM AMEMBASSY VALLETTA` gives RUEHVT), else the banner's post's embassy, replacing the station
 * written. Nothing for an originator the reference pairs with no indicator.
 */
function stationItems(cable: Cable, position: Position, line: string, before: string, d: Dictionaries): CompletionItem[] | undefined {
  const de = cable.header?.de;
  if (!de || de.range.start.line !== position.line) return undefined;
  const typed = DE_STATION_TYPED.exec(before);
  const address = typed ? originatorAddress(cable) : undefined;
  if (!typed || !address) return undefined;
  const start = position.character - typed[1].length;
  const end = position.character + leadingRun(line, position.character, isLetter);
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  // An indicator the reference saw originate cables (on DE and FM lines) first: RUEHFR before RUEHFRA, both Paris's.
  const found = [...d.routingIndicators.values()].filter((r) => r.address.toUpperCase() === address);
  found.sort((a, b) => Number(!/originator/.test(a.role ?? '')) - Number(!/originator/.test(b.role ?? '')) || a.code.localeCompare(b.code));
  const source = cable.header?.from?.address ? 'FM line' : 'banner';
  // Always shown: the item replaces whatever station is written, as the FM line names another post.
  const items = found.map((r, i): CompletionItem => ({ label: r.code, kind: CompletionItemKind.Value, detail: `Routing indicator of ${r.address}`, documentation: `The station of the originator the ${source} names, as the reference pairs them.`, filterText: line.slice(start, position.character), sortText: `0${i}`, preselect: i === 0 || undefined, textEdit: { range, newText: r.code } }));
  return items.length > 0 ? items : undefined;
}

/**
 * The FM line's originator (`FM AMEMBASSY |`, `FM AMEMBASSY PARIS|`): the plain-language address the reference gives the
 * DE line's station (RUEHVT gives AMEMBASSY VALLETTA). Where the line writes the address's first word already
 * (`AMEMBASSY`), the item replaces what follows it (`VALLETTA`), else the whole address.
 */
function originatorItems(cable: Cable, position: Position, line: string, before: string, d: Dictionaries): CompletionItem[] | undefined {
  const from = cable.header?.from;
  if (!from || from.range.start.line !== position.line) return undefined;
  const typed = FM_ADDRESS_TYPED.exec(before);
  const station = cable.header?.de?.station?.text;
  const entry = typed && station ? d.routingIndicators.get(station.toUpperCase()) : undefined;
  if (!typed || !entry?.address) return undefined;
  const address = entry.address.toUpperCase();
  let start = typed[1].length;
  let newText = address;
  const first = address.split(' ')[0];
  const written = line.slice(start, position.character);
  // "FM AMEMBASSY PARIS PRI|": the address is written, and what follows it is no part of it.
  if (written.toUpperCase().startsWith(`${address} `)) return undefined;
  if (address.includes(' ') && written.toUpperCase().startsWith(`${first} `)) {
    start += first.length + 1;
    newText = address.slice(first.length + 1);
  }
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: Math.max(position.character, trimmedEnd(line)) } };
  return [{ label: newText, kind: CompletionItemKind.Value, detail: `${address}: the DE line's station, ${entry.code}`, filterText: line.slice(start, position.character), preselect: true, textEdit: { range, newText } }];
}

const CAVEATS = ['NOFORN', 'SIPDIS', 'SENSITIVE', 'NOT FOR INTERNET DISTRIBUTION', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS'];
/** The caveats in the order offered under an UNCLAS banner: NOFORN, which no unclassified cable of the corpus carries, last. */
const UNCLASSIFIED_CAVEATS = [...CAVEATS.filter((c) => c !== 'NOFORN'), 'NOFORN'];
const PRECEDENCES = ['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'NIACT IMMEDIATE', 'FLASH'];
/** Header lines that hold addressees. */
const ADDRESS_LINE_KINDS: ReadonlySet<string> = new Set(['to', 'info', 'xmt', 'addressee']);

/**
 * Whether header line `line` may hold addressees: it reads as an address line, or it is a line not read yet
 * (one being typed) that opens with TO, INFO or XMT ("TO |") or stands under the FM line or an address line.
 * Above them it is a format line being typed ("O" of "OO RUEHWEB", "D" of "DE RUEHFR", "F" of "FM"), where no
 * addressee goes.
 */
function mayHoldAddressees(cable: Cable, line: number): boolean {
  const lines = cable.header?.lines ?? [];
  const here = lines.find((l) => l.line === line);
  if (here !== undefined && here.kind !== 'unknown') return ADDRESS_LINE_KINDS.has(here.kind);
  return ADDRESS_KEYWORD.test(linesAsRead(cable)[line] ?? '') || lines.some((l) => l.line < line && (l.kind === 'from' || ADDRESS_LINE_KINDS.has(l.kind)));
}

/** Whether header line `line` is a TO line or an addressee line under one, not under INFO or XMT. */
function onToLine(cable: Cable, line: number): boolean {
  const lines = cable.header?.lines ?? [];
  let kind: string | undefined;
  for (const l of lines) if (l.line <= line && (l.kind === 'to' || l.kind === 'info' || l.kind === 'xmt')) kind = l.kind;
  return kind === 'to';
}

// Hand-written scans from the end of the text: a regex ending in `[…]*$` is retried at
// every start position, which is quadratic on a long run of matching characters. Each
// scan gives exactly what the regex in its comment gives.

// Character classes work on UTF-16 codes; `isSpace` is exactly `\s`.
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 47; /* / */
/** "ref ", "(Refs ", "reftel ", "refs A and ", "refs A, B" before the caret: where a REF item's letter goes. */
const REF_KEYWORD_BEFORE = /\b(?:refs?|reftels?)\.?[ \t]+((?:[A-Z][ \t]*(?:,|and)[ \t]*)*)[A-Za-z]?$/i;

/** "para ", "(paras ", "paragraph ", "paras 3 and ", "paras 3-" before the caret: where a paragraph's number goes. */
const PARA_KEYWORD_BEFORE = /\b(?:paras?|paragraphs?)\.?[ \t]+((?:\d{1,3}[ \t]*(?:,|-|and|to)[ \t]*)*)\d{0,3}$/i;

/** What a portion marking's letters are typed of: letters and slashes ("S/NF"). */
const isMarkingChar = (c: number) => isLetter(c) || c === 47; /* / */

/** Length of the longest run at the end of `text` whose characters pass `ok` (what `/[…]*$/` matches). */
function trailingRun(text: string, ok: (c: number) => boolean): number {
  let i = text.length;
  while (i > 0 && ok(text.charCodeAt(i - 1))) i--;
  return text.length - i;
}

/** Length of the longest run from `from` in `text` whose characters pass `ok` (the characters of a word after the caret). */
function leadingRun(text: string, from: number, ok: (c: number) => boolean): number {
  let i = from;
  while (i < text.length && ok(text.charCodeAt(i))) i++;
  return i - from;
}

/**
 * Columns of the caret's line an item's edit covers: from `start` to `insertEnd` when the item is
 * inserted (the caret, or further where what follows must go, as the rest of a portion marking),
 * and to `replaceEnd` when it replaces (the rest of the word after the caret too).
 */
interface EditSpan {
  readonly start: number;
  readonly insertEnd: number;
  readonly replaceEnd: number;
}

/**
 * An item's edit over `span` on `line`: an insert-replace edit when the client takes one and the two
 * differ, else a plain edit over the insert range, which is what a client without support does with
 * the word after the caret ("PR|EL" accepted as PREL stays "PRELEL" there).
 */
function itemEdit(line: number, span: EditSpan, newText: string, insertReplace: boolean | undefined): TextEdit | InsertReplaceEdit {
  const insert = { start: { line, character: span.start }, end: { line, character: span.insertEnd } };
  if (!insertReplace || span.replaceEnd <= span.insertEnd) return { range: insert, newText };
  return { newText, insert, replace: { start: insert.start, end: { line, character: span.replaceEnd } } };
}

/**
 * Where an item that replaces from `start` ends in replace mode: after the rest of the word at the caret
 * ("NOF|ORN"), then after each following word as long as the text from `start` still spells the beginning
 * of `phrase` ("NOT FOR INT|ERNET DISTRIBUTION", "NIA|CT IMMEDIATE"). `inWord` tells a word's characters.
 */
function phraseEnd(line: string, start: number, caret: number, phrase: string, inWord: (c: number) => boolean): number {
  let end = caret + leadingRun(line, caret, inWord);
  for (;;) {
    let next = end;
    while (next < line.length && !inWord(line.charCodeAt(next))) next++;
    if (next === end || next === line.length) return end;
    const wordEnd = next + leadingRun(line, next, inWord);
    if (wordEnd - start > phrase.length || line.slice(start, wordEnd).toUpperCase() !== phrase.slice(0, wordEnd - start).toUpperCase()) return end;
    end = wordEnd;
  }
}

/**
 * Whether `text` ends with a slash, address characters, white space and an upper-case
 * word being typed, as in "TO RUEHC/SECSTATE WASHDC IMM": `/\/[A-Z0-9 ]+\s+[A-Z]*$/.test(text)`,
 * in one pass from the end.
 */
function endsWithAddressAndWord(text: string): boolean {
  let i = text.length - trailingRun(text, isCapital);
  // Reading backwards from "IMM": at least one white-space character, then address characters
  // ("SECSTATE WASHDC"), then the slash. A space may belong to either, so both are tracked.
  if (i === 0 || !isSpace(text.charCodeAt(i - 1))) return false;
  i--;
  let inSpace = true; // still in the white space (a space may also be the end of the address)
  let inAddress = false; // in the address, at least one character read
  while (i > 0 && (inSpace || inAddress)) {
    const c = text.charCodeAt(--i);
    if (inAddress && c === 47 /* / */) return true;
    const address = isCapital(c) || isDigit(c) || c === 32;
    inAddress = (inSpace || inAddress) && address;
    inSpace = inSpace && isSpace(c);
  }
  return false;
}

/**
 * Whether the caret is in the plain-language address the dictionary gives the routing indicator before the
 * last slash of `before`, before its last word is complete: in "TO RUEHC/SECSTATE |" and "TO RUEHC/SECSTATE W|"
 * (RUEHC is SECSTATE WASHDC) the address is still being typed, and no precedence word goes there yet.
 * `word` is the word being typed at the caret.
 */
function inKnownAddress(before: string, word: string, d: Dictionaries): boolean {
  const slash = before.lastIndexOf('/');
  let i = slash;
  while (i > 0 && isCapital(before.charCodeAt(i - 1))) i--;
  const entry = slash > 0 ? d.routingIndicators.get(before.slice(i, slash)) : undefined;
  if (!entry) return false;
  const written = before.slice(slash + 1, before.length - word.length).trim();
  const address = entry.address.split(' ');
  const typed = written.length === 0 ? [] : written.split(WHITE_RUNS);
  if (typed.length >= address.length || typed.some((w, k) => w !== address[k])) return false;
  return address[typed.length].startsWith(word.toUpperCase());
}

/** The precedence words an addressee's precedence ends with ("NIACT" opens "NIACT IMMEDIATE" and ends none). */
const PRECEDENCE_ENDS: ReadonlySet<string> = new Set(['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'FLASH']);

/**
 * Whether the addressee before the caret has its precedence or its serial written already, before `word`, the word being
 * typed: "TO RUEHC/SECSTATE WASHDC PRIORITY |" and "… PRIORITY 0001 |" take no second precedence (the space typed after
 * either opened the list of precedences again).
 */
function precedenceWritten(before: string, word: string): boolean {
  const words = before.slice(before.lastIndexOf('/') + 1, before.length - word.length).split(WHITE_RUNS);
  return words.some((w) => PRECEDENCE_ENDS.has(w) || (w.length > 0 && trailingRun(w, isDigit) === w.length));
}

/**
 * Length of the rest of a portion marking after the cursor, its ")" included ("/NF)" in "(S|/NF) Text"):
 * what `/^[A-Za-z/]*\)/` matches at `from`, or 0.
 */
function markingRest(line: string, from: number): number {
  let i = from;
  while (i < line.length && (isLetter(line.charCodeAt(i)) || line.charCodeAt(i) === 47 /* / */)) i++;
  return i < line.length && line.charCodeAt(i) === 41 /* ) */ ? i + 1 - from : 0;
}

/** White space or a separator between caveats: ",", ";" and "/" ("NOFORN, SIPDIS", "NOFORN/SIPDIS"). */
const isCaveatSeparator = (c: number) => c === 44 || c === 59 || c === 47 || isSpace(c);
const isCaveatChar = (c: number) => !isCaveatSeparator(c);

/**
 * Columns from `from` to the caret where a phrase may start, leftmost first: at the start of the line
 * or after a separator, and not on one. In "NOT FOR INT|" they are 0, 4 and 8; in "NOT FOR |" the caret is one.
 */
function phraseStarts(line: string, from: number, caret: number, isSeparator: (c: number) => boolean): number[] {
  const starts: number[] = [];
  for (let p = from; p <= caret; p++) {
    if ((p === 0 || isSeparator(line.charCodeAt(p - 1))) && (p === caret || !isSeparator(line.charCodeAt(p)))) starts.push(p);
  }
  return starts;
}

/**
 * The leftmost of `starts` from which the text before the caret is the beginning of `item` (case ignored),
 * or undefined. For "NOT FOR INTERNET DISTRIBUTION" in "NOT FOR INT|" it is 0, so that the words typed are
 * replaced with the last one: replacing only "INT" gave "NOT FOR NOT FOR INTERNET DISTRIBUTION".
 */
function typedStart(line: string, caret: number, item: string, starts: readonly number[]): number | undefined {
  return starts.find((s) => caret - s <= item.length && line.slice(s, caret).toUpperCase() === item.slice(0, caret - s).toUpperCase());
}

/**
 * A keyword item that replaces what of it is typed from column `start` to the caret, its filter text
 * starting with that text as typed, so that the client still shows it ("NOT FOR INT" → "NOT FOR INTERNET DISTRIBUTION").
 * In replace mode it also replaces the rest of the phrase after the caret, word by word ({@link phraseEnd}).
 */
function phraseItem(label: string, line: string, position: Position, start: number, inWord: (c: number) => boolean, insertReplace: boolean | undefined): CompletionItem {
  const typed = line.slice(start, position.character);
  const span = { start, insertEnd: position.character, replaceEnd: phraseEnd(line, start, position.character, label, inWord) };
  return { label, kind: CompletionItemKind.Keyword, filterText: typed + label.slice(typed.length), textEdit: itemEdit(position.line, span, label, insertReplace) };
}

/** Line kinds that may stand between the banner and the first metadata field. */
const CAVEAT_ZONE_KINDS: ReadonlySet<string> = new Set(['blank', 'caveat', 'passing', 'corrected-copy', 'banner', 'page']);

/**
 * Whether `line` is in the caveat zone after the banner, which ends at the first metadata field (E.O.,
 * TAGS, SUBJECT, REF, Classified By), the first numbered paragraph or the first line of body text. In a
 * draft with no E.O. line the parser reads prose after the banner as passing lines, so a passing line
 * above `line` that {@link readsAsProse} ends the zone too ("We met the minister …"). The line being
 * typed is judged by what it holds before the caret instead: "not for int" is no prose.
 */
function inCaveatZone(cable: Cable, line: number): boolean {
  const banner = cable.banner?.line;
  if (banner === undefined || line <= banner || line >= cable.bodyStartLine) return false;
  for (const field of [cable.eo, cable.tags, cable.subject, cable.refs, cable.classifiedBy, cable.paragraphs.find((p) => p.range.start.line > banner)]) {
    if (field && field.range.start.line > banner && line >= field.range.start.line) return false;
  }
  for (let l = banner + 1; l <= line; l++) {
    const kind = cable.lineKinds[l];
    if (!CAVEAT_ZONE_KINDS.has(kind) || (l < line && kind === 'passing' && readsAsProse(linesAsRead(cable)[l]))) return false;
  }
  return true;
}

/**
 * True when `line` is under the blank line or lines below a caveat's line (`NOFORN` ⏎ ⏎ `|`): in the corpus's cables the
 * E.O. line comes next there (99 cables) more often than another caveat (54; a passing line in 67).
 */
function pastCaveats(cable: Cable, line: number): boolean {
  let l = line - 1;
  if (cable.lineKinds[l] !== 'blank') return false;
  while (l > 0 && cable.lineKinds[l] === 'blank') l--;
  return cable.lineKinds[l] === 'caveat';
}

/**
 * Whether `text` has three lower-case words in a row ("met the minister"), as prose does and office
 * lines ("DEPARTMENT FOR EUR/CE", "Pass to Treasury") do not. A word may end in ",", ".", ";" or ":".
 */
function readsAsProse(text: string): boolean {
  let run = 0; // lower-case words in a row so far
  let letters = 0; // lower-case letters of the current word, or -1 once it holds anything else
  let ended = false; // the current word has had its closing punctuation
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isSpace(c)) {
      if (letters >= 2) {
        if (++run === 3) return true;
      } else if (letters !== 0) run = 0;
      letters = 0;
      ended = false;
    } else if (letters >= 0 && !ended && c >= 97 && c <= 122) letters++;
    else if (letters >= 2 && !ended && (c === 44 || c === 46 || c === 59 || c === 58)) ended = true;
    else letters = -1;
  }
  return false;
}

/** Whether a caveat may start at column `start`: after nothing but white space, or after caveats ("NOFORN, "). */
function afterCaveats(lineNumber: number, line: string, start: number): boolean {
  return skipSpaces(line) >= start || parseCaveatLine(lineNumber, line, 0, start) !== undefined;
}

/** "TO", "INFO" or "XMT" opening a line, with its indent: "TOKYO" is a word, not the keyword. */
const ADDRESS_KEYWORD = /^\s*(?:TO|INFO|XMT)(?=\s|$)/;
const ADDRESS_KEYWORDS = ['TO', 'INFO', 'XMT'];

/**
 * Whether a routing indicator can be typed at `character`: after the line's keyword and white space
 * ("TO RUEH|", "INFO |"), or on a line without one ("     RUEH|"), but never in or before the keyword
 * ("INF|O RUEHHE/…", "|TO …", "TO|") nor over a keyword being typed on a line of its own ("INF|").
 */
function atRoutingIndicator(line: string, character: number, before: string, word: string): boolean {
  const keyword = ADDRESS_KEYWORD.exec(line);
  if (keyword) return character > keyword[0].length && /^\s+[A-Z]*$/.test(line.slice(keyword[0].length, character));
  return /^\s*[A-Z]*$/.test(before) && !(word.length > 0 && ADDRESS_KEYWORDS.some((k) => k.startsWith(word)));
}

/**
 * The text before the caret where a paragraph's marker is being typed at a line's start: nothing, `¶`, `¶ 1`, `¶1` or `1`,
 * after white space. Not `¶4.`: with its full stop, the number is written and the portion markings follow (see below).
 */
const MARKER_TYPED = /^[ \t]*(?:¶[ \t]?\d{0,3}|\d{1,3})?$/;

/** The line kinds a new paragraph's line may have while its marker is typed: empty, or `¶`, `1` read as text. */
const NEW_PARAGRAPH_KINDS: ReadonlySet<string> = new Set(['blank', 'text']);

/**
 * The last line of the metadata block: the banner, caveats, passing lines, E.O., TAGS, SUBJECT, REF and Classified By
 * fields, whichever ends lowest; -1 when the cable has none of them. A field read below the first paragraph's line is
 * in the body ("¶2. (U) Classified by …" closing the text).
 */
export function metadataEnd(cable: Cable): number {
  const body = cable.paragraphs[0]?.range.start.line ?? Infinity;
  let end = -1;
  for (const r of [cable.banner?.range, cable.eo?.range, cable.tags?.range, cable.subject?.range, cable.refs?.range, cable.classifiedBy?.range, ...cable.caveats.map((c) => c.token.range), ...cable.passingLines.map((t) => t.range)]) {
    if (r && r.start.line < body && r.end.line > end) end = r.end.line;
  }
  return end;
}

/** The marker of paragraph `n` in `style`: `¶4.`, `¶ 4.`, `4.`. */
export function markerText(n: number, style: MarkerStyle): string {
  return `${style === 'pilcrow' ? '¶' : style === 'pilcrow-space' ? '¶ ' : ''}${n}.`;
}

/**
 * The marker style a new paragraph takes: the one most of the paragraphs down to the one above write, that one's where as
 * many write its own (`¶7.` ⏎ `¶8.` ⏎ `9.` goes on with `¶10.`, `¶1.` ⏎ `2.` with `3.`), `¶4.` in a cable with none above. A marker the release's pilcrow artifact made (`¶ 13.` for 3, whose number is not the
 * one it is read as) or a misread one (`18,` for `¶18.`, `l.` for `1.`) shows no style of the cable's.
 */
export function newMarkerStyle(paragraphs: readonly Paragraph[], above: Paragraph | undefined): MarkerStyle {
  const counts: Record<MarkerStyle, number> = { pilcrow: 0, 'pilcrow-space': 0, bare: 0 };
  for (const p of paragraphs) {
    if (above && p.range.start.line > above.range.start.line) break;
    if (p.number === p.readAs && p.misread === undefined) counts[p.style]++;
  }
  let best: MarkerStyle = above && above.number === above.readAs && above.misread === undefined ? above.style : 'pilcrow';
  for (const style of ['pilcrow', 'bare', 'pilcrow-space'] as const) if (counts[style] > counts[best]) best = style;
  return best;
}

/**
 * The white space a paragraph writes between its marker and its marking: none in `1.(C)`, one space in `¶1. (C)`;
 * one space when the marking is not right after the marker (`¶1. Summary: (C)`).
 */
function markingGap(cable: Cable, p: Paragraph, portion: PortionMarking): string {
  const marker = p.marker.range.end;
  const start = portion.token.range.start;
  if (start.line !== marker.line) return ' ';
  const gap = linesAsRead(cable)[marker.line].slice(marker.character, start.character);
  return gap.length <= 2 && trailingRun(gap, isSpace) === gap.length ? gap : ' ';
}

/** The white space between the marker and the marking of the nearest paragraph above `line` with a marking ({@link markingGap}), one space when none has one. */
function markingGapAbove(cable: Cable, line: number): string {
  const paragraphs = cable.paragraphs;
  for (let i = partitionPoint(paragraphs, (p) => p.range.start.line < line) - 1; i >= 0; i--) {
    const portion = paragraphs[i].portion;
    if (portion) return markingGap(cable, paragraphs[i], portion);
  }
  return ' ';
}

/** A portion marking completion offers, with its level, its detail and its place in the list. */
interface MarkingChoice {
  readonly marking: string;
  readonly level: Level;
  /** The level, said to be above the banner's when it is ("SECRET: above the banner level"). */
  readonly detail: string;
  /** Sorts the levels from `rankFrom` down, those above it last. */
  readonly sortText: string;
  /** `rankFrom`'s own marking without controls (`(C)`), which the list preselects. */
  readonly primary: boolean;
}

/**
 * The portion markings completion offers, each level's alone and with NOFORN (SBU for UNCLASSIFIED), ranked from
 * `rankFrom` (the banner's level, where there is one) down, the levels above it last. Only a cable with a banner has
 * markings "above the banner level": a partial extract without one gets the levels' names alone.
 */
function markingChoices(banner: Level | undefined, rankFrom: Level): MarkingChoice[] {
  const choices: MarkingChoice[] = [];
  for (const level of LEVELS) {
    const above = levelRank(level) > levelRank(rankFrom);
    const abbr = levelAbbreviation(level);
    const rank = above ? 9 : levelRank(rankFrom) - levelRank(level);
    for (const marking of [`(${abbr})`, ...(level === 'UNCLASSIFIED' ? ['(SBU)'] : [`(${abbr}/NF)`])]) {
      const aboveBanner = banner !== undefined && levelRank(level) > levelRank(banner);
      choices.push({ marking, level, detail: aboveBanner ? `${level}: above the banner level` : level, sortText: `${rank}${marking}`, primary: level === rankFrom && marking === `(${abbr})` });
    }
  }
  return choices;
}

/**
 * Whether `line` is in the body, where a writer starts a paragraph or a marked line: below the metadata block (whose last
 * line is `end`), above the signature and the trailer ("BT", "NNNN"). Under a draft's banner with no field yet, the
 * caveats go first ("NOFORN", "SIPDIS").
 */
export function inBody(cable: Cable, line: number, end = metadataEnd(cable)): boolean {
  if (end < 0 || line <= end || inCaveatZone(cable, line)) return false;
  for (const after of [cable.signature?.token.range, cable.trailer?.range]) if (after && line >= after.start.line) return false;
  return true;
}

/** A portion marking offered where a paragraph or a marked line starts: the marking, its detail and where it sorts. */
interface MarkingOffer {
  readonly marking: string;
  readonly detail: string;
  readonly sortText: string;
}

/**
 * The portion markings offered where a paragraph or a marked line starts, in their order, each once: the nearest marking
 * above as written (`previous`, "(C//REL TO USA, FVEY)", its detail saying it comes as `source`) unless it is misspelt
 * ("(N/SF)"), then the banner's level, then the other levels. The levels are ranked from the banner's; a cable without
 * one (a partial extract) ranks them from the marking above, and no detail speaks of a banner.
 */
function markingOffers(banner: Level | undefined, previous: PortionMarking | undefined, source: string): MarkingOffer[] {
  const offers: MarkingOffer[] = [];
  const seen = new Set<string>();
  const add = (marking: string, detail: string, sortText: string) => {
    if (seen.has(marking)) return;
    seen.add(marking);
    offers.push({ marking, detail, sortText });
  };
  if (previous?.level && previous.wellFormed) add(previous.token.text, `${previous.level}: as ${source}${banner && levelRank(previous.level) > levelRank(banner) ? ', above the banner level' : ''}`, '1');
  for (const c of markingChoices(banner, banner ?? previous?.level ?? 'SECRET')) add(c.marking, c.primary && banner ? `${c.level}: the banner's level` : c.detail, c.primary ? '2' : `3${c.sortText}`);
  return offers.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

/** A quoted document's item at a line's start: `¶2. We agreed …`, `2. …`, `15.UK and China …` (its full stop glued to the text). */
const QUOTED_ITEM = /^[ \t]*(¶ ?)?(\d{1,3})\.(?=[ \t]|[A-Z])/;

/**
 * The last item, up to line `end`, of a document quoted in paragraph `p` that numbers its own items from 1 (`¶9. (SBU) Text of
 * the outcomes:` ⏎ ⏎ `¶1. We agreed …` ⏎ ⏎ `¶2. …`), which the parser reads as the paragraph's text, not as paragraphs: its
 * number and the style most of the items write, the last one's where as many write two (`¶14.` ⏎ `15.UK …` goes on with
 * `¶16.`). The items stand at a line's start under a blank line or a page break's line, numbered 1, 2, 3 in turn; a number
 * out of turn is passed over. `line`: the line the last item opens on. Undefined where no item numbered 1 stands in the
 * paragraph below its first line.
 */
export function lastQuotedItem(cable: Cable, p: Paragraph, end: number): { number: number; style: MarkerStyle; line: number } | undefined {
  const lines = linesAsRead(cable);
  const counts: Record<MarkerStyle, number> = { pilcrow: 0, 'pilcrow-space': 0, bare: 0 };
  let number = 0;
  let line = 0;
  let style: MarkerStyle = 'pilcrow';
  for (let k = p.marker.range.start.line + 1; k <= end; k++) {
    const text = lines[k];
    // Only a line that opens with a digit or a pilcrow can hold an item: the expression is asked of those alone.
    const first = text.charCodeAt(skipSpaces(text));
    if (first !== 182 /* ¶ */ && !isDigit(first)) continue;
    if (!isBlank(lines[k - 1]) && cable.lineKinds[k - 1] !== 'page') continue;
    const m = QUOTED_ITEM.exec(text);
    if (!m || Number(m[2]) !== number + 1) continue;
    number++;
    line = k;
    style = m[1] === undefined ? 'bare' : m[1].length === 2 ? 'pilcrow-space' : 'pilcrow';
    counts[style]++;
  }
  if (number === 0) return undefined;
  for (const s of ['pilcrow', 'bare', 'pilcrow-space'] as const) if (counts[s] > counts[style]) style = s;
  return { number, style, line };
}

/**
 * The next paragraph's marker at the start of a body line, asked for with Ctrl+Space (never on a typed character, so
 * that no list opens while prose is typed): on an empty line, or where only the start of a marker is typed (`¶`, `¶1`,
 * `1`) and nothing follows. Its number follows the numbered paragraph above (1 when there is none), in the marker style
 * most paragraphs down to it write ({@link newMarkerStyle}); in a cable whose paragraphs are marked, it comes with each portion marking, one item each: the marking
 * of the nearest marked paragraph above first (preselected), then the banner's level, then the other levels. In a cable
 * whose paragraphs carry no marking, the number comes alone. The paragraphs below keep their numbers.
 */
function nextParagraphItems(cable: Cable, position: Position, line: string, ctx: CompletionContext): CompletionItem[] | undefined {
  if (ctx.triggerCharacter !== undefined || position.character > 16 || trimmedEnd(line) > position.character) return undefined;
  const before = line.slice(0, position.character);
  if (!MARKER_TYPED.test(before) || !NEW_PARAGRAPH_KINDS.has(cable.lineKinds[position.line])) return undefined;
  if (!inBody(cable, position.line)) return undefined;
  const paragraphs = cable.paragraphs;
  let index = paragraphs.length;
  while (index > 0 && paragraphs[index - 1].range.start.line >= position.line) index--;
  const above = index > 0 ? paragraphs[index - 1] : undefined;
  // Under a blank line inside, or right under, a paragraph quoting a document that numbers its own items from 1: that
  // document's next number, alone (its items carry no marking). A page break's line under the item, and the blank lines
  // above it, are passed over: the page's line is the printer's, not the writer's (09BEIJING1582's quoted ¶19).
  const lines = linesAsRead(cable);
  let textAbove = position.line - 2;
  if (textAbove >= 0 && cable.lineKinds[textAbove] === 'page') {
    textAbove--;
    while (textAbove > 0 && isBlank(lines[textAbove])) textAbove--;
  }
  const quoted = above && textAbove >= 0 && isBlank(lines[position.line - 1]) && textAbove <= above.range.end.line ? lastQuotedItem(cable, above, textAbove) : undefined;
  const number = quoted ? quoted.number + 1 : above ? above.readAs + 1 : 1;
  if (number > 999) return undefined;
  // The white space before the caret stays; on a line of white space ("|   "), so does the white space after it.
  const start = skipSpaces(before);
  const typed = line.slice(start, position.character);
  // "1" typed where 4 comes next is another number than the one offered.
  const digits = typed.replace(/^¶[ \t]?/, '');
  if (!String(number).startsWith(digits)) return undefined;
  let style = quoted ? quoted.style : newMarkerStyle(paragraphs, above);
  // "¶" typed in a cable numbered "4." asks for the pilcrow.
  if (typed.startsWith('¶') && style === 'bare') style = 'pilcrow';
  const marker = markerText(number, style);
  // A client filters by the text typed: "4" finds "¶4. (C)" by "4. (C)".
  const filter = (label: string) => (typed === '' || typed.startsWith('¶') ? label : label.replace(/^¶ ?/, ''));
  const below = paragraphs[index];
  const repeat =
    below && below.readAs <= number
      ? ` Paragraph ${below.readAs} below keeps its number: CBL025 reports the repeated number, and its quick fix renumbers it and the paragraphs after it.`
      : '';
  // Right under a line of the text ("… met." ⏎ "|"), a blank line goes in above the new paragraph, as between the cable's
  // paragraphs; not in a cable whose paragraphs follow each other with no blank line between.
  const lineAbove = position.line - 1;
  const blankAbove = above !== undefined && cable.lineKinds[lineAbove] !== 'blank' && !paragraphsPacked(cable);
  const spacing = blankAbove ? { additionalTextEdits: [{ range: { start: { line: lineAbove, character: linesAsRead(cable)[lineAbove].length }, end: { line: lineAbove, character: linesAsRead(cable)[lineAbove].length } }, newText: cable.eol }] } : {};
  const documentation = quoted
    ? `The number after item ${quoted.number} of the document quoted in paragraph ${above?.readAs}, in the style of its items.`
    : `${above ? `The number after paragraph ${above.readAs}` : 'The first paragraph\'s number'}, in the style of the cable's paragraphs${blankAbove ? ', a blank line above it' : ''}.${repeat}`;
  const range = { start: { line: position.line, character: start }, end: position };
  const numberAlone: CompletionItem = {
    label: marker,
    kind: CompletionItemKind.Value,
    detail: 'Next paragraph',
    documentation,
    filterText: filter(marker),
    sortText: '0',
    preselect: true,
    textEdit: { range, newText: `${marker} ` },
    ...spacing,
  };
  // The nearest paragraph above with a marking of its own, or a title paragraph's first item's ("¶5. Financing" ⏎ "¶A. (S) …").
  let marked: Paragraph | undefined;
  let previous: PortionMarking | undefined;
  for (let i = index - 1; i >= 0 && !marked; i--) {
    const marking = paragraphs[i].portion ?? paragraphs[i].itemPortion;
    if (marking?.level) [marked, previous] = [paragraphs[i], marking];
  }
  if (quoted) return [{ ...numberAlone, detail: 'Next quoted item' }];
  const markedCable = paragraphs.some((p) => p.portion !== undefined || p.itemPortion !== undefined);
  const banner = cable.banner?.level;
  // A cable whose paragraphs carry no marking (an unclassified or old one): the number alone.
  if (paragraphs.length > 0 && !markedCable) return [numberAlone];
  const gap = marked && previous ? markingGap(cable, marked, previous) : ' ';
  const items: CompletionItem[] = markingOffers(banner, previous, `paragraph ${marked?.readAs}`).map((offer) => {
    const label = `${marker}${gap}${offer.marking}`;
    return { label, kind: CompletionItemKind.Value, detail: offer.detail, documentation, filterText: filter(label), sortText: offer.sortText, textEdit: { range, newText: `${label} ` }, ...spacing };
  });
  // The first is preselected: the paragraph above's marking, else the banner's level. The others are choices in the list.
  items[0].preselect = true;
  // An unclassified cable with no paragraph yet: the number alone first, the markings after it.
  if (paragraphs.length === 0 && (banner === undefined || banner === 'UNCLASSIFIED')) {
    items[0].preselect = undefined;
    return [numberAlone, ...items];
  }
  return items;
}

/**
 * The next continuation-page line at the start of a body line, asked for with Ctrl+Space (never on a typed character) where
 * its first characters are typed (`N`, `NOWHERE 000`) and nothing follows: an empty line asks for the next paragraph's marker. A transcriber copying a paper
 * cable types one at each page break: the banner's post cut to ten characters, its serial padded to eight digits, the page
 * after the page line above (002 when there is none) and the total of the cable's page lines (the page itself when there is
 * none), as CBL033 and CBL034 check them. Nothing without a banner that gives a post and a serial.
 */
function nextPageLineItems(cable: Cable, position: Position, line: string, ctx: CompletionContext): CompletionItem[] | undefined {
  const banner = cable.banner;
  if (ctx.triggerCharacter !== undefined || !banner?.post || !banner.serial || banner.typing || trimmedEnd(line) > position.character) return undefined;
  if (!NEW_PARAGRAPH_KINDS.has(cable.lineKinds[position.line]) || !inBody(cable, position.line)) return undefined;
  const start = skipSpaces(line);
  if (start > position.character) return undefined;
  const typed = line.slice(start, position.character);
  if (typed === '') return undefined;
  const pageLines = cable.pageLines;
  // The last page line above whose page number is read: a damaged one may have lost it ("VALLETTA 00000412 0#2 OF 002").
  let above: { page: NumberToken; total?: NumberToken } | undefined;
  for (let i = 0; i < pageLines.length && pageLines[i].token.range.start.line < position.line; i++) {
    const { page, total } = pageLines[i];
    if (page) above = { page, total };
  }
  const page = (above ? above.page.value : 1) + 1;
  const total = Math.max(page, above?.total?.value ?? pageLines[pageLines.length - 1]?.total?.value ?? page);
  if (page > 999) return undefined;
  const post = banner.post.text.slice(0, 10).trimEnd();
  const label = `${post} ${String(banner.serial.value).padStart(8, '0')} ${String(page).padStart(3, '0')} OF ${String(total).padStart(3, '0')}`;
  if (!label.startsWith(typed)) return undefined;
  return [{
    label,
    kind: CompletionItemKind.Value,
    detail: 'Continuation-page line',
    documentation: `Page ${page} of ${total}${above ? `, after page ${above.page.value} above` : ''}: the banner's post and serial, as a continuation-page line writes them.`,
    sortText: '9',
    textEdit: { range: { start: { line: position.line, character: start }, end: position }, newText: label },
  }];
}

/** The text before the caret where a marking is being typed at a line's start: white space, `(`, then letters and slashes. */
const LINE_MARKING_TYPED = /^[ \t]*(?:--?[ \t]*)?\([A-Za-z/]*$/;

/** Where a line's marking starts: past white space, and a list item's one or two dashes and white space (`-- (C) …`). */
function lineMarkingStart(line: string): number {
  let k = skipSpaces(line);
  if (line.charCodeAt(k) !== 45 /* - */) return k;
  k++;
  if (line.charCodeAt(k) === 45 /* - */) k++;
  return skipSpaces(line, k);
}

/** The line kinds a body line may have while a marking is typed at its start: empty, `(` read as text, a title after it. */
const LINE_MARKING_KINDS: ReadonlySet<string> = new Set(['blank', 'text', 'heading']);

/** The end of a sentence or of a clause that a list or an item follows: `.`, `:`, `;`, `?`, `!`, with closing quotes or brackets after it. */
const CLAUSE_END = /[.:;!?]["”’')\]]*[ \t]*$/;

/**
 * Whether the text above `line` leaves off where a line may open with its own marking: a blank line, a heading, a rule or
 * the metadata above it (continuation-page lines passed over), or a line of text that ends a sentence or a clause. Not a
 * line whose sentence goes on from the line above, wrapped ("… the opposition Popular Party" ⏎ "(PP) said …"): on the
 * real cables, each of the 22 markings that open a line of the text comes after a blank line or such an end, while 106 of
 * the 134 other lines of text that start with "(" go on from a line that does not end so.
 */
function textBreaksAbove(cable: Cable, line: number): boolean {
  let n = line - 1;
  while (n >= 0 && cable.lineKinds[n] === 'page') n--;
  if (n < 0 || (cable.lineKinds[n] !== 'text' && cable.lineKinds[n] !== 'paragraph')) return true;
  return CLAUSE_END.test(linesAsRead(cable)[n]);
}

/**
 * The nearest marking that names a level above `line` in the body: a paragraph's (or its first item's), or one that opens
 * an unnumbered paragraph, an item or a sub-title (`(S/NF) Response: …`, `Cable.itemMarkings`), or one that ends a heading's
 * title (`BACKGROUND (S)`, `Heading.marking`), with the line it opens and the paragraph it is the marking of, if any.
 */
function markingAbove(cable: Cable, line: number): { marking: PortionMarking; paragraph?: Paragraph } | undefined {
  let best: { marking: PortionMarking; paragraph?: Paragraph } | undefined;
  const consider = (marking: PortionMarking | undefined, paragraph?: Paragraph) => {
    const at = marking?.token.range.start.line;
    if (marking?.level && at !== undefined && at < line && (!best || at > best.marking.token.range.start.line)) best = { marking, paragraph };
  };
  for (const p of cable.paragraphs) {
    if (p.range.start.line >= line) break;
    consider(p.portion ?? p.itemPortion, p);
  }
  for (const m of cable.itemMarkings) {
    if (m.portion.token.range.start.line >= line) break;
    consider(m.portion);
  }
  // "BACKGROUND (S)": a heading's marking at its title's end, as one that opens a title ("(S) Key Elements") is an item's.
  for (const h of cable.headings) {
    if (h.text.range.start.line >= line) break;
    consider(h.marking);
  }
  return best;
}

/** The offered markings' letters without their parentheses ("TS", "S/NF", "SBU"), for {@link restOfMarking}. */
let markingInners: readonly string[] | undefined;

/**
 * Whether the letters `rest` after the caret go on the marking letters `typed` before it (`S|/N`, `S|BU`, `C/N|F`), which
 * replace mode takes too, or begin a word the marking was typed in front of (`C|HARBOR PATROLS`, `S|ECRETARY Rice`), which
 * it leaves: a word in small letters, or capitals that with the letters typed neither hold a slash nor begin a marking.
 */
function restOfMarking(typed: string, rest: string): boolean {
  if (typed === '' || rest === '' || /[a-z]/.test(rest)) return false;
  const whole = (typed + rest).toUpperCase();
  markingInners ??= markingChoices(undefined, 'TOP SECRET').map((c) => c.marking.slice(1, -1));
  return whole.indexOf('/') >= 0 || markingInners.some((m) => m.startsWith(whole));
}

/**
 * The portion markings at the start of a body line (`(` typed, or `(S`, `(S/`, asked for or on a typed `(` or `/`): the
 * line's own marking, as unnumbered paragraphs open with one (`(C) The minister said …`) and numbered ones mark their
 * sub-titles and sub-paragraphs (`(S/NF) Response: …`). The nearest marking above comes first (preselected), then the
 * banner's level, then the other levels, as for the next paragraph. Each replaces the `(` and letters typed and a marking
 * written after them (its `)` included, or the `)` the editor closed the `(` with), and ends with a space unless white
 * space follows. Nothing in the metadata, after the signature, or in a cable whose text carries no marking (a `(` there
 * opens a note or a list item), and on a typed `(` or `/` nothing where the line goes on with a sentence wrapped from the
 * line above ({@link textBreaksAbove}).
 */
function lineMarkingItems(cable: Cable, position: Position, line: string, ctx: CompletionContext): CompletionItem[] | undefined {
  if (ctx.triggerCharacter === ' ' || position.character > 40) return undefined;
  const start = lineMarkingStart(line);
  // "-- (|": a list item's marking, after the dashes that open it.
  const item = start > skipSpaces(line);
  // "(S|/NF) The minister", "(C//REL TO |USA, FVEY)": the marking written is replaced whole.
  const written = line.charCodeAt(start) === 40 /* ( */ ? parsePortionMarking(position.line, line, start) : undefined;
  const inWritten = written !== undefined && position.character > start && position.character <= written.token.range.end.character;
  if (!(inWritten || LINE_MARKING_TYPED.test(line.slice(0, position.character))) || !LINE_MARKING_KINDS.has(cable.lineKinds[position.line])) return undefined;
  const end = metadataEnd(cable);
  if (!inBody(cable, position.line, end)) return undefined;
  // A "(" typed at the start of a wrapped line of prose opens no list; Ctrl+Space still does.
  if (ctx.triggerCharacter !== undefined && !inWritten && !item && !textBreaksAbove(cable, position.line)) return undefined;
  const above = markingAbove(cable, position.line);
  // A cable whose text carries no marking yet: only while no text stands above the caret (a draft's first line).
  if (!above && !cable.paragraphs.some((p) => p.portion || p.itemPortion) && !cable.itemMarkings.some((m) => m.portion.level) && !cable.headings.some((h) => h.marking)) {
    for (let l = end + 1; l < position.line; l++) if (cable.lineKinds[l] !== 'blank' && cable.lineKinds[l] !== 'page') return undefined;
  }
  // "(|)": the ")" the editor closed the "(" with is replaced too.
  const insertEnd = inWritten ? written.token.range.end.character : position.character + markingRest(line, position.character);
  // Replace mode also takes the rest of a marking's letters being typed ("(S|/N The minister"), not a word the "(" was
  // typed in front of ("(|The minister", "(|FERRY FARES", "(C|ommittee").
  const rest = leadingRun(line, position.character, isMarkingChar);
  const restIsMarking = restOfMarking(line.slice(start + 1, position.character), line.slice(position.character, position.character + rest));
  const span: EditSpan = { start, insertEnd, replaceEnd: Math.max(insertEnd, restIsMarking ? position.character + rest : 0) };
  const space = isSpace(line.charCodeAt(span.replaceEnd)) ? '' : ' ';
  const source = above?.paragraph ? `paragraph ${above.paragraph.readAs}` : `the marking on line ${(above?.marking.token.range.start.line ?? 0) + 1}`;
  const items: CompletionItem[] = markingOffers(cable.banner?.level, above?.marking, source).map((offer) => ({
    label: offer.marking,
    kind: CompletionItemKind.EnumMember,
    detail: offer.detail,
    sortText: offer.sortText,
    textEdit: itemEdit(position.line, span, `${offer.marking}${space}`, ctx.insertReplace),
  }));
  // "(Note" or "(a" is no marking being typed.
  const typed = line.slice(start, position.character).toUpperCase();
  if (!inWritten && !items.some((i) => i.label.toUpperCase().startsWith(typed))) return undefined;
  items[0].preselect = true;
  return items;
}

/** The reason letters the corpus's Classified By lines give most, most first: b (168 lists open with it), d (160 follow b with it), c (9). */
const REASON_RANK = ['b', 'd', 'c'];

/** The text before the caret where a subject's portion marking may be typed: `SUBJECT:` or `SUBJ:` (or `SUBJECT;`), then `(` and letters. */
const SUBJECT_MARKING_TYPED = /^\s*SUBJ(?:ECT)?\s?[:;]\s*\(?[A-Za-z/]*$/i;

/** The text before the caret where a REF item's letter is being typed: white space, then `(`, a letter, or both. */
const REF_LETTER_TYPED = /^[ \t]*\(?[A-Za-z]?$/;

/** How a REF field writes its letters: `A.`, `A)`, `(A)`, `a.`; the release's `¶B.` is `B.`. */
export function refLetter(upper: string, styleOf: RefItem | undefined): string {
  const written = styleOf?.letterToken?.text.replace(/^¶/, '') ?? '';
  // "f. 07 KUWAIT 12" ⏎ "g.": a field lettered in lower case goes on so.
  const letter = /[a-z]/.test(written) ? upper.toLowerCase() : upper;
  if (written.startsWith('(')) return `(${letter})`;
  if (written.endsWith(')')) return `${letter})`;
  return `${letter}.`;
}

/**
 * Whether the next REF item may go on `line`, one blank line under the last of `items` (the field's items above it):
 * where each item stands a blank line under the one before (`REF: A. STATE 1234` ⏎ `` ⏎ `B. PARIS 567` ⏎ `` ⏎ `C.`),
 * or where the metadata goes on below `line` (a Classified By line under the field), as real cables leave a blank line
 * after the first item and put `¶B.` under it. Not over the body's start under a field written without such gaps: a
 * paragraph's marker goes there.
 */
function refGapAllowed(cable: Cable, items: readonly RefItem[], line: number): boolean {
  const last = items.at(-1);
  if (!last || last.range.end.line !== line - 2 || cable.lineKinds[line - 1] !== 'blank') return false;
  if (metadataEnd(cable) > line) return true;
  return items.length >= 2 && items.every((item, i) => i === 0 || item.range.start.line === items[i - 1].range.end.line + 2);
}

/** Escapes `$`, `}` and `\` for a snippet's text. */
const snippetText = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/**
 * Where the next REF item goes with the caret at `position` on `line` (nothing after it but the `)` an editor closed a typed
 * `(` with, `(|)`): on the line right after the
 * field's last item, or after `REF:` (on its line or the next) when it has none, or a blank line under the last item where
 * the field's gaps allow it ({@link refGapAllowed}), with only the start of a letter typed before the caret (`B`, `(`,
 * `(B`) and white space. Its letter (the one after the last item's, `A` for the first) in the field's own style (`B.`,
 * `B)`, `(B)`), where what is typed of it starts and where its edit ends (past that `)`). Undefined when the last item has no letter, after `Z`, or when a
 * lettered item follows the caret's line (the letters would repeat).
 */
export function nextRefSlot(cable: Cable, position: Position, line: string): { label: string; start: number; end: number; onKeywordLine: boolean } | undefined {
  const refs = cable.refs;
  if (!refs) return undefined;
  // "(|)": the ")" the editor closed a typed "(" with is the only thing that may follow the caret, and the item replaces it.
  const closed = line.charCodeAt(position.character) === 41 /* ) */ ? position.character + 1 : position.character;
  if (trimmedEnd(line) > closed) return undefined;
  const keyword = refs.keyword.range.end;
  const onKeywordLine = position.line === keyword.line;
  if (onKeywordLine && position.character <= keyword.character) return undefined;
  const from = onKeywordLine ? keyword.character : 0;
  const rest = line.slice(from, position.character);
  // "REF:B" is no item's start: a letter after "REF:" needs white space before it.
  if (!REF_LETTER_TYPED.test(rest) || (onKeywordLine && !isSpace(line.charCodeAt(from)))) return undefined;
  const start = position.character - trailingRun(rest, (c) => !isSpace(c));
  // "B|)" is no "(" the editor closed.
  if (closed > position.character && line.charCodeAt(start) !== 40 /* ( */) return undefined;
  // The items before what is typed ("B" on the caret's line reads as an item of its own).
  const earlier = refs.items.filter((i) => i.range.start.line < position.line || (i.range.start.line === position.line && i.range.start.character < start));
  if (refs.items.some((i) => i.letter && i.range.start.line > position.line)) return undefined;
  const last = earlier.at(-1);
  // Right under the last item (a letter typed there may read as the rest of a wrapped citation), or under "REF:"; or a
  // blank line under the last item where the field's gaps allow it ({@link refGapAllowed}).
  if (last ? last.range.end.line < position.line - 1 && !refGapAllowed(cable, earlier, position.line) : !onKeywordLine && position.line !== keyword.line + 1) return undefined;
  // After Z, the letter written twice: "Z." ⏎ "AA.".
  const letter = last ? (last.letter ? refLetterAt(refLetterOrdinal(last.letter) + 1) : undefined) : 'A';
  if (letter === undefined) return undefined;
  return { label: refLetter(letter, last), start, end: closed, onKeywordLine };
}

/**
 * The next REF item under the REF field ({@link nextRefSlot}), when asked for, or on a typed `(` (`(B)`) or, after `REF:`,
 * a typed space. The letter alone, and for a client that takes snippets with a citation to fill in: the cable's year and
 * post, then the number (`B. 09 NOWHERE NNN`).
 */
function nextRefItems(cable: Cable, position: Position, line: string, ctx: CompletionContext): CompletionItem[] | undefined {
  if (ctx.triggerCharacter === '/') return undefined;
  const slot = nextRefSlot(cable, position, line);
  if (!slot) return undefined;
  // A space opens the list after "REF:" only: under the field a letter or "(" starts the item, not white space.
  if (ctx.triggerCharacter === ' ' && !slot.onKeywordLine) return undefined;
  const { label, start, end } = slot;
  const typed = line.slice(start, position.character);
  if (!label.toUpperCase().startsWith(typed.toUpperCase())) return undefined;
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  const items: CompletionItem[] = [
    { label, kind: CompletionItemKind.Reference, detail: 'Next REF item', filterText: label, sortText: '0', preselect: true, textEdit: { range, newText: `${label} ` } },
  ];
  const post = cable.banner?.post?.text;
  if (ctx.snippets && post) {
    const year = cable.date ? `${pad2(cable.date.year % 100)} ` : '';
    items.push({
      label: `${label} ${year}${post} NNN`,
      kind: CompletionItemKind.Snippet,
      detail: 'Next REF item, citing a cable of this post and year',
      documentation: 'A cable citation: year, post and number (`09 STATE 1234`). Tab moves from the year and post to the number.',
      filterText: label,
      sortText: '1',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${label} \${1:${snippetText(year + post)}} \${2:NNN}` },
    });
  }
  return items;
}

/** The text before the caret on a REF item's line where its citation is typed: its letter (`B.`, `B)`, `B:`, `(B)`, `¶B.`, as the parser reads them), white space, and the citation's start. */
const REF_CITATION_TYPED = /^[ \t]*(?:REF:?[ \t]*)?(?:¶?[A-Za-z][.):]|\([A-Za-z]\))[ \t]+([0-9A-Za-z][0-9A-Za-z .'-]*)?$/i;

/**
 * Whether line `n` (`text`), under blank lines right below the REF field, reads as the field's next item once its citation
 * is written (`REF: A. KIEV 1186` ⏎ ⏎ `¶B. `), by the parser's own rule ({@link continuesRefField}): until then the
 * parser reads it as the body's start, and the field as ending above it, unless it is the letter right after the last
 * item's with nothing but blank lines under it, which the parser reads as the field's already.
 */
function refItemToCite(cable: Cable, refs: RefField, n: number, text: string): boolean {
  const below = refs.range.end.line + 1;
  if (n <= below) return false;
  for (let l = below; l < n; l++) if (cable.lineKinds[l] !== 'blank') return false;
  return continuesRefField(refs.items, text, true);
}

/** The most cables a REF citation's list holds: the best matches of what is typed, the latest first among matches alike ({@link citationMatch}). */
const MOST_CITATIONS = 1000;

/**
 * After a REF item's letter (`B. `, `(B) `, `REF: A. `), asked for with Ctrl+Space and nothing after the caret: the
 * workspace's cables, latest first (then by id as people read it, `09PARIS99` before `09PARIS708`, then by file, so that
 * cables of one date come in one order whichever file was indexed first), each as this cable's REF field cites it, but
 * those its other items cite. Those that cannot match the citation typed
 * so far (its characters, spaces aside, not found in order in the citation, id and subject the editor filters on) are left
 * out before the list is cut to {@link MOST_CITATIONS}, and those whose id or subject holds it whole go first, so that an
 * older cable is found by typing its citation; a list cut short says it is incomplete, so that the editor asks again as
 * more is typed.
 */
function refCitations(cable: Cable, position: Position, line: string, ctx: CompletionContext): { items: CompletionItem[]; incomplete: boolean } | undefined {
  const refs = cable.refs;
  // Only when asked for (Ctrl+Space): opened by the space after the letter, the list would stay open while a citation
  // that is not in the workspace is typed ("B. PARIS 7"), and the Enter that ends the line would take "PARIS 708".
  if (!refs || !ctx.workspaceCables || ctx.triggerCharacter !== undefined || trimmedEnd(line) > position.character) return undefined;
  if (position.line < refs.range.start.line || (position.line > refs.range.end.line && !refItemToCite(cable, refs, position.line, line))) return undefined;
  const typed = REF_CITATION_TYPED.exec(line.slice(0, position.character));
  if (!typed) return undefined;
  const citingId = cable.id ?? ctx.citingId;
  // The cables the field's other items cite already are not offered again, as TAGS and caveats written are not.
  const cited = new Set<string>();
  for (const item of refs.items) if (item.id !== undefined && (position.line < item.range.start.line || position.line > item.range.end.line)) cited.add(item.id);
  const byId = new Map<string, IndexedCable>();
  // A cable filed twice is offered once, from the file Go to Definition takes, whichever was indexed first.
  const twice = new Set<string>();
  for (const c of ctx.workspaceCables()) {
    if (c.id === undefined || c.id === citingId || cited.has(c.id)) continue;
    const had = byId.get(c.id);
    if (had === undefined) byId.set(c.id, c);
    else {
      twice.add(c.id);
      if (c.uri < had.uri) byId.set(c.id, c);
    }
  }
  for (const id of twice) {
    const preferred = ctx.preferredCopy?.(id);
    if (preferred !== undefined) byId.set(id, preferred);
  }
  // A citation is its cable's id or the id without its year, spaces aside ("VALLETTA 1499", "08 PARIS 1234"), so the id
  // and subject answer for it: the citations are written only for the cables kept, the best matches first, each latest first.
  const pattern = (typed[1] ?? '').replace(/\s+/g, '').toUpperCase();
  // An undated cable (a partial extract) by its id's year, after that year's dated cables, as workspace symbols list it.
  const ranked: { cable: IndexedCable; rank: number; date: string; label: string }[] = [];
  for (const c of byId.values()) {
    const rank = citationMatch(pattern, c);
    if (rank !== undefined) ranked.push({ cable: c, rank, date: c.dtg ?? idYear(c.id) ?? '', label: idSortKey(c.id!) });
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  ranked.sort((a, b) => a.rank - b.rank || order(b.date, a.date) || order(a.label, b.label) || order(a.cable.uri, b.cable.uri));
  const matching = ranked.map((r) => r.cable);
  const written: { cable: IndexedCable; citation: string }[] = [];
  let k = 0;
  for (; k < matching.length && written.length < MOST_CITATIONS; k++) {
    const citation = citationOf(matching[k].id!, citingId, matching[k].post);
    if (citation !== undefined) written.push({ cable: matching[k], citation });
  }
  const range = { start: { line: position.line, character: position.character - (typed[1]?.length ?? 0) }, end: position };
  const items = written.map(({ cable: c, citation }, i): CompletionItem => ({
    label: citation,
    kind: CompletionItemKind.Reference,
    labelDetails: c.subject ? { description: shortenSubject(c.subject) } : undefined,
    detail: c.id,
    ...(ctx.lazyDocumentation ? { data: { citedUri: c.uri } satisfies CitationItemData } : { documentation: { kind: 'markdown', value: indexedCableMarkdown(c) } }),
    filterText: `${citation} ${c.id} ${c.subject ?? ''}`,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: citation },
  }));
  return { items, incomplete: k < matching.length };
}

/**
 * How well `pattern`, a REF citation typed (upper case, spaces aside), matches the workspace cable `c` (which has an
 * id), best first: 0 when its id holds it whole (`PARIS` or `PARIS47` in `05PARIS4760`), 1 when its subject does, spaces
 * aside (`FERRYDUES`), 2 when its characters only come in order in the id and subject (`PARIS` in `09KABUL467 POWERBROKER
 * AND GOVERNANCE ISSUES`), which an editor's fuzzy filter still matches; undefined when they do not. A list cut to
 * {@link MOST_CITATIONS} keeps the cables of the post typed before the latest of those it only scatters over.
 */
function citationMatch(pattern: string, c: IndexedCable): number | undefined {
  if (c.id!.includes(pattern)) return 0;
  const subject = (c.subject ?? '').toUpperCase();
  if (pattern.length > 0 && subject.replace(/\s+/g, '').includes(pattern)) return 1;
  return inOrder(pattern, `${c.id} ${subject}`) ? 2 : undefined;
}

/**
 * Whether the characters of `pattern` appear in `text` in order: what an editor's fuzzy filter needs of an item at the
 * least (VS Code's matches them in order, from a word's start), so that a list filtered by it holds every item the
 * editor would show for that pattern.
 */
function inOrder(pattern: string, text: string): boolean {
  let at = 0;
  for (let i = 0; i < pattern.length; i++) {
    at = text.indexOf(pattern[i], at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Completion at `position` as a list that says whether it is complete ({@link getCompletions} gives its items): only the
 * workspace's cables offered as a REF citation may be cut short, for a workspace of more than {@link MOST_CITATIONS}.
 */
export function getCompletionList(cable: Cable, position: Position, ctx: CompletionContext): CompletionList {
  const citations = refCitations(cable, position, linesAsRead(cable)[position.line] ?? '', ctx);
  return citations ? { isIncomplete: citations.incomplete, items: forClient(citations.items, ctx) } : { isIncomplete: false, items: getCompletions(cable, position, ctx) };
}

/**
 * `items` as the client takes them: for one that does not declare `labelDetailsSupport`, with no `labelDetails` (LSP
 * 3.17 sends them only to a client that does), their description after the detail instead (`subject TAG — Internal
 * Governmental Affairs`), or in its place where the detail says the same (a REF letter's citation).
 */
function forClient(items: CompletionItem[], ctx: CompletionContext): CompletionItem[] {
  if (ctx.labelDetails) return items;
  return items.map((item) => {
    if (!item.labelDetails) return item;
    const { labelDetails, ...rest } = item;
    const extra = [labelDetails.detail?.trim(), labelDetails.description].filter((t): t is string => !!t && t !== item.detail);
    return extra.length > 0 ? { ...rest, detail: [item.detail, ...extra].filter(Boolean).join(' — ') } : rest;
  });
}

/** A bound above any TAG's or routing indicator's count of uses, for sort texts of one width. */
const MOST_USES = 999_999;

/** The longest description beside a TAG in the completion list, in characters, "…" included. */
const SHORT_MEANING = 40;

/**
 * A TAG's meaning short enough for the completion list, beside the label: the first of the meanings the dictionary
 * joins with " ; " ("Internal Governmental Affairs ; PlusD label: Political Affairs--Government; …" → "Internal
 * Governmental Affairs"), without the "PlusD label: " it may open with, and cut after a whole word with "…" when it is
 * longer ("Communication Operations and Administrative …" → "Communication Operations and…"). A hedge the meaning ends
 * with stays, the words before it cut instead ("International Information Programs (blog description)" →
 * "International Information… (blog description)"): cut off, it let a blog's description read as fact. So does the
 * `hedge` added after the first meaning (" (secondary)", `labelQualifier` in `dictionaries.ts`). The item's
 * documentation keeps the whole meaning.
 */
export function shortMeaning(meaning: string, hedge = ''): string {
  const first = `${meaning.split(' ; ')[0].replace(/^PlusD label: /, '').trim()}${hedge}`;
  if (first.length <= SHORT_MEANING) return first;
  const kept = trailingHedge(first);
  const body = first.slice(0, first.length - kept.length);
  // At least a few words of the meaning before a long hedge: "operational TAG… (expansion not stated)".
  const room = Math.max(SHORT_MEANING - kept.length, MIN_BEFORE_HEDGE);
  if (body.length <= room) return first;
  const cut = body.slice(0, room - 1);
  // "Political Affairs--External Political Relations": a PlusD label's "--" parts words as a space does.
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('--'));
  let end = space > 0 ? space : cut.length;
  // "Military and Defense Affairs: armed …": no colon, comma, bracket or dash before the ellipsis.
  while (end > 0 && ' ,;:(-–'.includes(cut[end - 1])) end--;
  return `${cut.slice(0, end)}…${kept}`;
}

/** The fewest characters of a meaning kept before the hedge it ends with, its ellipsis included. */
const MIN_BEFORE_HEDGE = 16;

/**
 * The hedge a meaning ends with, with the space before it: " (blog description)", " (expansion not stated)",
 * " (energy; name cut off in the stored excerpt)"; "" when its last parenthesis says what a thing is ("(header address RUEHZS)").
 */
function trailingHedge(meaning: string): string {
  if (!meaning.endsWith(')')) return '';
  const open = meaning.lastIndexOf(' (');
  return open >= 0 && HEDGE_WORDS.test(meaning.slice(open)) ? meaning.slice(open) : '';
}

// What the reference's meanings say of their own footing: "(blog description)", "(unverified)", "(expansion not stated)".
const HEDGE_WORDS = /description|unverified|secondary|not (?:stated|established|confirmed)|cut off|truncated/i;

/** The text of `cable` from `from` to `to`, lines joined with `\n`. */
function textBetween(cable: Cable, from: Position, to: Position): string {
  if (from.line === to.line) return (linesAsRead(cable)[from.line] ?? '').slice(from.character, to.character);
  const parts = [(linesAsRead(cable)[from.line] ?? '').slice(from.character)];
  for (let l = from.line + 1; l < to.line; l++) parts.push(linesAsRead(cable)[l] ?? '');
  parts.push((linesAsRead(cable)[to.line] ?? '').slice(0, to.character));
  return parts.join('\n');
}

/**
 * The comma (or semicolon) a TAG inserted at `at` needs after the TAG before it, in a field whose TAGS commas (or
 * semicolons) separate ("TAGS: PREL, PGOV |" gives "PREL, PGOV, PTER", not "PREL, PGOV PTER"). None where spaces separate
 * them, as in most cables (and so in a field of one TAG), or where anything but white space is between the two already.
 */
function tagSeparatorEdit(cable: Cable, at: Position): TextEdit | undefined {
  const tags = cable.tags?.tags ?? [];
  // In the field or on the line under it: a TAGS line further down is another field's (a second cable's).
  if (!cable.tags || at.line > cable.tags.range.end.line + 1) return undefined;
  const before = (p: Position) => p.line < at.line || (p.line === at.line && p.character <= at.character);
  let previous = -1;
  while (previous + 1 < tags.length && before(tags[previous + 1].token.range.end)) previous++;
  if (previous < 0) return undefined;
  // After a person's name ("OVIP (CLINTON, HILLARY) |"), the separator goes after the parenthesis that closes it.
  const prior = tags[previous].token.range.end;
  const end = tags[previous].role !== 'code' && linesAsRead(cable)[prior.line]?.charCodeAt(prior.character) === 41 /* ) */ ? { line: prior.line, character: prior.character + 1 } : prior;
  if (!before(end) || !/^\s+$/.test(textBetween(cable, end, at))) return undefined;
  // The field's style: its gaps between two codes that only white space and one separator fill, but the one typed in.
  const gaps = { ',': 0, ';': 0, ' ': 0 };
  for (let i = 1; i < tags.length; i++) {
    if (i === previous + 1 || tags[i - 1].role !== 'code' || tags[i].role !== 'code') continue;
    const gap = textBetween(cable, tags[i - 1].token.range.end, tags[i].token.range.start);
    const mark = gap.trim();
    if (gap.length > 0 && (mark === '' || mark === ',' || mark === ';')) gaps[(mark || ' ') as keyof typeof gaps]++;
  }
  const separator = gaps[','] >= gaps[';'] ? ',' : ';';
  if (gaps[separator] <= gaps[' ']) return undefined;
  return { range: { start: end, end }, newText: separator };
}

/**
 * Completions at a position. Each item replaces what of it is already typed before the caret (and the rest
 * of a portion marking). For a client that takes insert-replace edits, an item in the middle of a word also
 * gives the range that replaces the rest of it: a TAG ("PR|EL"), a caveat or precedence phrase ("NOT FOR INT|ERNET
 * DISTRIBUTION"), an addressee's routing indicator and address ("RUE|HC/SECSTATE WASHDC"), a marking's letters
 * ("(S|/N"), a reason letter or a DECL date ("01/0|1/2019").
 */
export function getCompletions(cable: Cable, position: Position, ctx: CompletionContext): CompletionItem[] {
  const banner = bannerItems(cable, position, ctx);
  if (banner) return forClient(banner, ctx);
  const items = forClient(completionsBesideFields(cable, position, ctx), ctx);
  const fields = fieldItems(cable, position, ctx);
  if (!fields) return items;
  // The field still to write comes first ("E.O. 12958: …" ⏎ "|" offered "¶1." there, where TAGS goes next), but in the
  // caveat zone, where the caveats do, until a blank line under them (`NOFORN` ⏎ ⏎ `|`).
  // A field a cable may do without (REF) comes after everything else, and is never preselected.
  const required = fields.filter((f) => !f.optional);
  const first = (!inCaveatZone(cable, position.line) || pastCaveats(cable, position.line)) && required.length > 0;
  const others = items.map((i) => ({ ...i, preselect: first ? undefined : i.preselect, sortText: `1${i.sortText ?? i.label}` }));
  const own = required.map(({ optional: _, ...f }, i) => ({ ...f, preselect: (first && i === 0) || undefined, sortText: `${first ? '0' : '2'}${i}` }));
  const optional = fields.filter((f) => f.optional).map(({ optional: _, ...f }, i) => ({ ...f, sortText: `3${i}` }));
  return first ? [...own, ...others, ...optional] : [...others, ...own, ...optional];
}

/**
 * The banner's levels as cables write them, the released cables' most common first: UNCLAS (133,887 of Cablegate's
 * 251,287 cables are unclassified), then CONFIDENTIAL (97,070) and SECRET (11,322), letter-spaced.
 */
const BANNER_LEVELS = [
  { text: 'UNCLAS', level: 'UNCLASSIFIED' },
  { text: 'C O N F I D E N T I A L', level: 'CONFIDENTIAL' },
  { text: 'S E C R E T', level: 'SECRET' },
] as const;

/** A banner typed as far as its level and the post's first letters: `C O N F I D E N T I A L PA`. */
const BANNER_POST_TYPED = /^(UNCLAS|C O N F I D E N T I A L|S E C R E T) ([A-Z][A-Z ]*)?$/;

/**
 * The banner's first words where a cable has none yet, as the first line of an empty document is typed: its level
 * (`C O N F I D E N T I A L`) at a line holding nothing but capitals and spaces before the caret, then the post of an
 * embassy whose host-country TAG is known (`PARIS`, which TAGS completion and CBL050 then use). Only above every
 * field and the body, with no banner on another line and no transmission header (whose lines are typed in capitals too).
 */
function bannerItems(cable: Cable, position: Position, ctx: CompletionContext): CompletionItem[] | undefined {
  if (cable.banner && cable.banner.range.start.line !== position.line) return undefined;
  const firstField = Math.min(cable.eo?.range.start.line ?? Infinity, cable.tags?.range.start.line ?? Infinity, cable.subject?.range.start.line ?? Infinity, cable.paragraphs[0]?.range.start.line ?? Infinity);
  if (position.line >= firstField) return undefined;
  const serial = serialItems(cable, position, ctx);
  if (serial) return serial;
  if (cable.header) return undefined;
  const kind = cable.lineKinds[position.line];
  if (kind !== undefined && kind !== 'blank' && kind !== 'preamble' && kind !== 'banner') return undefined;
  const line = linesAsRead(cable)[position.line] ?? '';
  const before = line.slice(0, position.character);
  // Only at the line's end: a banner is not rewritten in front of text.
  if (line.slice(position.character).trim() !== '' || before.length > 40) return undefined;
  const postTyped = BANNER_POST_TYPED.exec(before);
  if (postTyped) {
    // The post as banners write it, its words apart (`BUENOS AIRES`, `ABU DHABI`).
    const posts = [...hostEmbassies()].map((h) => ({ ...h, written: h.embassy.toUpperCase() }));
    const typed = postTyped[2] ?? '';
    // A post written whole and a space after it: the serial comes next.
    if (typed.endsWith(' ') && posts.some((h) => h.written === typed.trimEnd())) return undefined;
    const start = position.character - typed.length;
    return posts.map((h) => ({
      label: h.written,
      kind: CompletionItemKind.Value,
      detail: `Embassy ${h.embassy}`,
      documentation: `The post: Embassy ${h.embassy} (${h.country}), whose cables carry the host country's TAG ${h.tag}. The serial follows, six digits (000412).`,
      filterText: h.written,
      textEdit: itemEdit(position.line, { start, insertEnd: position.character, replaceEnd: position.character }, `${h.written} `, ctx.insertReplace),
      // The serial next.
      ...(ctx.suggestAgain && { command: SUGGEST_AGAIN }),
    }));
  }
  if (!/^[A-Z ]*$/.test(before) || (before.trim() === '' && kind === 'preamble')) return undefined;
  // A level already typed whole, with something after it, is no level to complete.
  if (BANNER_LEVELS.some((b) => before.startsWith(`${b.text} `))) return undefined;
  return BANNER_LEVELS.map((b, i) => ({
    label: b.text,
    kind: CompletionItemKind.Keyword,
    detail: `Banner: ${b.level}`,
    documentation: 'The classification line: the level (letter-spaced when classified), the post and the serial, as in `C O N F I D E N T I A L PARIS 000412`.',
    // "CONF" finds the letter-spaced level.
    filterText: `${b.text} ${b.level}`,
    sortText: String(i),
    preselect: i === 0 || undefined,
    textEdit: itemEdit(position.line, { start: 0, insertEnd: position.character, replaceEnd: position.character }, `${b.text} `, ctx.insertReplace),
    // The post next.
    ...(ctx.suggestAgain && { command: SUGGEST_AGAIN }),
  }));
}

/**
 * A banner typed as far as its post and a space, and perhaps the serial's first digits: `C O N F I D E N T I A L PARIS 00`,
 * `S E C R E T SECTION 01 OF 02 PARIS `. The post is taken as written (a consulate's too, `MUMBAI`).
 */
const BANNER_SERIAL_TYPED = /^(?:UNCLAS|C O N F I D E N T I A L|S E C R E T) (?:SECTION \d{1,2} OF \d{1,2} )?([A-Z][A-Z .'-]{0,30}?) (\d{0,5})$/;

/** A serial as banners write it: six digits, `000708` (every banner of the project's corpus that gives one writes six). */
const bannerSerial = (n: number) => pad(n, 6);

/**
 * The serial after the banner's post and a space (`C O N F I D E N T I A L PARIS |`), where the banner of a new cable (or
 * one under its transmission header) is typed and nothing follows the caret: the serial the cable gives already, that of
 * the DE line (`DE RUEHFR #0708/01 …`, which CBL005 checks the banner's against) first, then the end-of-message line's
 * (`#0708` after `BT`) and a continuation-page line's of the same post (`PARIS 00000708 002 OF 003`), then that of the
 * file name's id when it names the same post (`09PARIS708.txt`); else `000001`, a placeholder to type over for a client that takes
 * snippets, since only the writer knows the number. Never one that disagrees with the DE line or the file name. Nothing
 * while the post is still being typed (`BUENOS |`, the start of `BUENOS AIRES`).
 */
function serialItems(cable: Cable, position: Position, ctx: CompletionContext): CompletionItem[] | undefined {
  const line = linesAsRead(cable)[position.line] ?? '';
  if (position.character > 80 || line.slice(position.character).trim() !== '') return undefined;
  const typed = BANNER_SERIAL_TYPED.exec(line.slice(0, position.character));
  if (!typed) return undefined;
  const header = cable.header;
  if (header && position.line <= header.range.end.line) return undefined;
  const post = typed[1];
  // "BUENOS |": the post goes on ("BUENOS AIRES"), which the posts' list offers.
  if ([...hostEmbassies()].some((h) => h.embassy.toUpperCase().startsWith(`${post} `))) return undefined;
  const digits = typed[2];
  const span = { start: position.character - digits.length, insertEnd: position.character, replaceEnd: position.character };
  const items: CompletionItem[] = [];
  const offer = (n: number, detail: string, documentation: string) => {
    const text = bannerSerial(n);
    if (n > 999_999 || items.some((i) => i.label === text)) return;
    items.push({ label: text, kind: CompletionItemKind.Value, detail, documentation, filterText: text, sortText: String(items.length), preselect: items.length === 0 || undefined, textEdit: itemEdit(position.line, span, text, ctx.insertReplace) });
  };
  const de = header?.de?.serial;
  if (de) offer(de.value, `Serial: the DE line's, #${de.text}`, 'The serial the DE line gives the cable (its station serial), six digits as banners write it; CBL005 reports a banner whose serial differs.');
  // "#0708" between BT and NNNN repeats the DE line's serial; a continuation-page line of the same post gives it too.
  const eom = cable.trailer?.eom?.serial;
  if (eom) offer(eom.value, `Serial: the end-of-message line's, #${eom.text}`, 'The serial the end-of-message line after BT gives the cable, six digits as banners write it.');
  const page = cable.pageLines.find((p) => p.serial && normalizePost(post).startsWith(normalizePost(p.post.text)));
  if (page?.serial) offer(page.serial.value, `Serial: the page line's, ${page.token.text}`, 'The serial the continuation-page lines give the cable, six digits as banners write it; CBL033 reports a page line whose serial differs.');
  const named = ctx.citingId ? parseCableId(ctx.citingId) : undefined;
  if (named && named.post === normalizePost(post)) offer(named.number, `Serial: the file name's, ${ctx.citingId}`, 'The serial the file name\'s id gives the cable, six digits as banners write it; CBL043 reports a banner that differs from it.');
  if (items.length > 0) return items;
  const placeholder = bannerSerial(1);
  const documentation = `The cable's serial at its post, six digits as banners write it (\`${post} 000412\`): a placeholder, since neither a DE line nor the file name gives it.`;
  return [{
    label: placeholder,
    kind: ctx.snippets ? CompletionItemKind.Snippet : CompletionItemKind.Value,
    detail: 'Serial: six digits',
    documentation,
    filterText: placeholder,
    ...(ctx.snippets && { insertTextFormat: InsertTextFormat.Snippet }),
    textEdit: itemEdit(position.line, span, ctx.snippets ? `\${1:${placeholder}}` : placeholder, ctx.insertReplace),
  }];
}

/**
 * The fields under the banner in the order cables write them (FORMAT.md §1), each with its keyword and what it holds:
 * E.O., TAGS and SUBJECT, which every cable writes; REF, which a cable may do without; and Classified By, which a
 * classified cable writes after them.
 */
const FIELDS = [
  { name: 'eo', text: 'E.O. 12958: ', about: 'The E.O. line: the executive order, then the declassification date (DECL: MM/DD/YYYY), or N/A on an unclassified cable.' },
  { name: 'tags', text: 'TAGS: ', about: 'The TAGS line: subject TAGS, then geographic TAGS (PREL PGOV FR).' },
  { name: 'subject', text: 'SUBJECT: ', about: 'The SUBJECT line, upper case by convention.' },
  { name: 'refs', text: 'REF: ', about: 'The REF field (optional): the cables and messages this one cites, lettered A., B., … (REF: A. STATE 4567).' },
  { name: 'classifiedBy', text: 'Classified By: ', about: 'The Classified By line of a classified cable: who classified it, and the reasons under section 1.4 of the order (for reasons 1.4 (b) and (d)).' },
] as const;

/** Where the SUBJECT field stands in {@link FIELDS}: REF and Classified By go after it. */
const SUBJECT_FIELD = FIELDS.findIndex((f) => f.name === 'subject');

/**
 * The keywords of the fields a cable still lacks, at the start of a line under the banner and above the body, with
 * nothing or the keyword's first letters typed ("|", "TA|", "E.O|", "Classified B|"): only those whose place lies
 * between the fields written above the line and those written below it; a field on the caret's line is the one being
 * typed. Classified By only under a classified banner, once SUBJECT is written above, under a blank line (listed last,
 * marked `optional`, where the next REF item may go); REF, which a cable may do without, only on the line right under
 * SUBJECT or under the blank line below it, marked `optional` (listed last). Undefined when there is none, or
 * when asked for by a trigger character.
 */
function fieldItems(cable: Cable, position: Position, ctx: CompletionContext): (CompletionItem & { optional?: boolean })[] | undefined {
  const banner = cable.banner;
  if (!banner || ctx.triggerCharacter !== undefined || position.line <= banner.line) return undefined;
  const line = linesAsRead(cable)[position.line] ?? '';
  const before = line.slice(0, position.character);
  if (trimmedEnd(line) > position.character || !FIELD_TYPED.test(before)) return undefined;
  // Above the body: no paragraph opens on or above the line, and no prose stands above it ("We met the minister on
  // Monday." under the banner, which the parser reads as a passing line, starts the text); an office's passing line
  // ("DEPARTMENT FOR EUR/CE") does not.
  const paragraph = cable.paragraphs[0];
  if (paragraph && paragraph.range.start.line <= position.line) return undefined;
  for (let l = Math.max(metadataEnd(cable), banner.line); l > banner.line && l < position.line; l--) {
    if (cable.lineKinds[l] === 'passing' && readsAsProse(linesAsRead(cable)[l])) return undefined;
  }
  for (let l = Math.max(metadataEnd(cable), banner.line) + 1; l < position.line; l++) if ((linesAsRead(cable)[l] ?? '').trim() !== '') return undefined;
  // The fields written above the line and below it: a field goes after the first and before the second.
  let last = -1;
  let next: number = FIELDS.length;
  FIELDS.forEach((f, i) => {
    const field = cable[f.name];
    if (!field || field.range.start.line === position.line) return;
    if (field.range.start.line < position.line) last = i;
    else if (next === FIELDS.length) next = i;
  });
  const start = skipSpaces(before);
  const typed = before.slice(start).toUpperCase();
  const items: (CompletionItem & { optional?: boolean })[] = [];
  for (let i = last + 1; i < next; i++) {
    const f = FIELDS[i];
    const field = cable[f.name];
    // "E.O. 13526: " in a cable of 25 June 2010 or later (by its date, else today's), when that order took effect.
    const text = f.name === 'eo' ? `E.O. ${orderInEffect(cable.date, ctx.now)}: ` : f.text;
    if ((field && field.range.start.line !== position.line) || !text.toUpperCase().startsWith(typed)) continue;
    // "SUBJECT: HARBOR DUES" ⏎ "|", or under the blank line below it ("SUBJECT: HARBOR DUES" ⏎ "" ⏎ "|"), where 90 of
    // the 108 REF fields of the corpus's cables that write one stand, and 16 right under the subject; further down, the
    // text or the Classified By line goes.
    let optional = f.name === 'refs';
    if (optional && (last !== SUBJECT_FIELD || !underSubject(cable, cable.subject!, position.line))) continue;
    if (f.name === 'classifiedBy') {
      // A classified cable's, after its SUBJECT (and REF), as FORMAT.md orders them (CBL020 reports it missing), under a
      // blank line, where 145 of the 161 Classified By lines of the corpus's cablegate cables stand; where the next REF
      // item may go too, after that item.
      if (last < SUBJECT_FIELD || banner.level === undefined || levelRank(banner.level) < levelRank('CONFIDENTIAL')) continue;
      if ((linesAsRead(cable)[position.line - 1] ?? '').trim() !== '') continue;
      optional = nextRefSlot(cable, position, line) !== undefined;
    }
    items.push({
      label: text.trimEnd(),
      kind: CompletionItemKind.Keyword,
      detail: optional ? 'optional field, not written' : 'field not written yet',
      optional,
      documentation: f.about,
      filterText: text,
      textEdit: itemEdit(position.line, { start, insertEnd: position.character, replaceEnd: position.character }, text, ctx.insertReplace),
      // The field's value next: the DECL dates, the TAGS, the classifier's title, the first item's letter; not a subject's
      // marking, which most subjects carry none of.
      ...(ctx.suggestAgain && f.name !== 'subject' && { command: SUGGEST_AGAIN }),
    });
  }
  return items.length > 0 ? items : undefined;
}

/** True when `line` is right under the SUBJECT field, or under the one blank line below it. */
function underSubject(cable: Cable, subject: NonNullable<Cable['subject']>, line: number): boolean {
  const below = line - subjectEnd(subject, line);
  return below === 1 || (below === 2 && (linesAsRead(cable)[line - 1] ?? '').trim() === '');
}

/** The last line of the SUBJECT field but for `caret`'s line, which a keyword typed under it may go on with. */
function subjectEnd(subject: NonNullable<Cable['subject']>, caret: number): number {
  const end = subject.range.end.line;
  return end === caret && subject.range.start.line < caret ? caret - 1 : end;
}

/** What a line holds before the caret while a field's keyword is typed: white space, then letters and full stops, and a second word's start ("Classified B"). */
const FIELD_TYPED = /^[ \t]*[A-Za-z.]{0,14}(?: [A-Za-z]{0,2})?$/;

/** The completions at `position` but for the keywords of the fields a cable still lacks. */
function completionsBesideFields(cable: Cable, position: Position, ctx: CompletionContext): CompletionItem[] {
  const line = linesAsRead(cable)[position.line] ?? '';
  // Only the end of the line before the cursor matters; long lines are not scanned whole.
  const before = line.slice(Math.max(0, position.character - 120), position.character);
  const word = before.slice(before.length - trailingRun(before, isWordChar));
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };
  // The word at the caret, its rest after the caret included: what replace mode replaces unless a kind of item says otherwise.
  const wordSpan: EditSpan = { start: range.start.character, insertEnd: position.character, replaceEnd: position.character + leadingRun(line, position.character, isWordChar) };
  const edit = (span: EditSpan, newText: string) => itemEdit(position.line, span, newText, ctx.insertReplace);
  const kind = cable.lineKinds[position.line];
  const d = ctx.dictionaries;

  // TAGS line (or its continuation).
  if (kind === 'tags' || /^\s*TAGS?\b/i.test(line)) {
    // Not in or before the keyword: a TAG typed there would replace "TAGS" or go in front of it.
    const keyword = cable.tags?.keyword.range;
    if (keyword && keyword.start.line === position.line && position.character <= keyword.end.character) return [];
    if (!keyword && /^\s*[A-Za-z]*$/.test(before)) return [];
    // "/" opens markings' controls and caveats; TAGS are separated by commas and spaces, so a "/" typed here asks for nothing.
    if (ctx.triggerCharacter === '/') return [];
    // "OVIP (CLINTON, |": a parenthesis after a TAG names a person, and no TAG goes in it; the "(" opening it, and the space
    // after the comma in it, opened the list of TAGS.
    const typedBefore = line.slice(0, position.character);
    if (typedBefore.lastIndexOf('(') > typedBefore.lastIndexOf(')')) return [];
    const items: CompletionItem[] = [];
    const present = new Set((cable.tags?.tags ?? []).map((t) => t.code));
    // The TAG at the caret, as written on both sides of it: "PR|EL" still offers PREL.
    const atCaret = line.slice(wordSpan.start, wordSpan.replaceEnd).toUpperCase();
    const separator = tagSeparatorEdit(cable, range.start);
    const order: Record<string, string> = { subject: '1', geographic: '2', program: '3', organization: '4' };
    // The TAGS the released cables use most come first ("P" lists PREL, PGOV, PTER, PINR before PARM or PBIO), then by
    // family and code; a user dictionary's TAGS, which no count covers, come after the counted ones.
    const rank = (t: { corpusCount?: number }) => String(MOST_USES - Math.min(t.corpusCount ?? 0, MOST_USES)).padStart(6, '0');
    // The embassy's own country's TAG, which an index by country files its cables under (CBL050), comes first once a TAG
    // is written before the caret: the corpus's cables that carry it with other TAGS put it first in 1 of 150, after the
    // subject TAGS, so at the field's first TAG the released cables' order stands (PREL first, not FR).
    const host = hostTagOf(cable);
    const tagBefore = (cable.tags?.tags ?? []).some((t) => t.role === 'code' && isBefore(t.token.range.start, range.start));
    // Another country's TAG at the caret where the field lacks the host's ("TAGS: PREL FR|" from Embassy Rome, as the
    // whole-cable snippet writes it before its post is typed): the host's TAG stays in the list to replace it.
    const overCountry = host !== undefined && !present.has(host.tag) && atCaret !== host.tag && d.tags.get(atCaret)?.family === 'geographic' ? line.slice(wordSpan.start, position.character) : undefined;
    for (const t of d.tags.values()) {
      if (present.has(t.code) && t.code !== atCaret) continue;
      // A code two families share (AU: Austria, the African Union) gives each family's meaning, as its hover does.
      const entries = tagEntries(d, t.code);
      // A meaning from secondary sources only is said to be so, and a note that changes how the code reads follows it (RI: Embassy Belgrade writes SR).
      // An unverified meaning keeps what its row notes, said to be unverified, as the hover gives it ("Yemen is YM" under YE).
      const about = (e: TagEntry) => {
        const noted = unverifiedNote(e);
        return `${e.verified ? `${e.meaning}${qualifier(e)}` : `Meaning unverified: the dictionary's sources do not establish it.${noted ? `\n\n${noted}` : ''}`}${e.note ? `\n\n${tagNote(e.note)}` : ''}`;
      };
      const isHost = host?.tag === t.code;
      const documentation = entries.length > 1 ? entries.map((e) => `${e.family} TAG: ${about(e)}`).join('\n\n') : about(t);
      items.push({
        label: t.code,
        kind: CompletionItemKind.Constant,
        detail: entries.map((e) => `${e.family} TAG${e.category ? ` (${e.category})` : ''}`).join(' or '),
        documentation: isHost ? `${documentation}\n\n${hostCountryLine(host)}` : documentation,
        // "France" finds FR: the name is part of the filter text.
        filterText: `${isHost && overCountry ? `${overCountry} ` : ''}${t.code} ${entries.filter((e) => e.verified).map((e) => e.meaning).join(' ')}`.trimEnd(),
        sortText: isHost && tagBefore ? '0' : `${rank(t)}${order[t.family] ?? '5'}${t.code}`,
        labelDetails: { description: tagListMeaning(entries, shortMeaning) },
        textEdit: edit(wordSpan, t.code),
        ...(separator && { additionalTextEdits: [separator] }),
      });
    }
    return items;
  }

  // After a REF item's letter: the workspace's cables to cite.
  const citations = refCitations(cable, position, line, ctx);
  if (citations) return citations.items;

  // Under the REF field: the next item's letter. At a body line's start: the next paragraph's marker. A blank line
  // under a field whose items are a blank line apart, the body may start too: the paragraph's markers follow the letter.
  const refItems = nextRefItems(cable, position, line, ctx);
  if (refItems && cable.lineKinds[position.line - 1] === 'blank') {
    const paragraphItems = nextParagraphItems(cable, position, line, ctx) ?? [];
    return [...refItems, ...paragraphItems.map((i) => ({ ...i, preselect: undefined, sortText: `2${i.sortText}` }))];
  }
  const marker = refItems ? undefined : nextParagraphItems(cable, position, line, ctx);
  // At the end of the text, under the last paragraph: the signatures after the next paragraph's markers.
  const signatures = refItems ? undefined : signatureItems(cable, position, line, ctx);
  const paragraphItems = marker && signatures ? [...marker, ...signatures] : marker;
  // On a line of its own under a Summary, Comment or Note left open ("… met." ⏎ "|"): its closer beside the next
  // paragraph's marker. Right under the block's text, where 12 of the 15 closers on a line of their own in real cables
  // stand, the closer comes first; a blank line below it, where a new paragraph starts, the markers do, and so they do
  // right under it in a cable whose paragraphs follow each other with no blank line between.
  const closer = paragraphItems && closerItem(cable, position, before, word, line.slice(wordSpan.replaceEnd));
  if (paragraphItems && closer) {
    const first = cable.lineKinds[position.line - 1] !== 'blank' && !paragraphsPacked(cable);
    const closerEntry: CompletionItem = { ...closer, preselect: first || undefined, sortText: first ? '0' : '2', textEdit: edit(wordSpan, closer.textEdit) };
    const markers = (marker ?? []).map((i) => ({ ...i, preselect: first ? undefined : i.preselect, sortText: `1${i.sortText ?? ''}` }));
    // The signatures after the closer: the block closes before the cable is signed.
    const signing = (signatures ?? []).map((i) => ({ ...i, sortText: `3${i.sortText ?? ''}` }));
    return first ? [closerEntry, ...markers, ...signing] : [...markers, closerEntry, ...signing];
  }
  // At a body line's start, a "(": the line's portion marking. A name typed at the signature's place: the signatures (and
  // the next page line, whose post's first letters it may be).
  if (signatures && !marker) {
    // "End" typed under a Comment left open: its closer first.
    const closer = closerItem(cable, position, before, word, line.slice(wordSpan.replaceEnd));
    return [...(closer ? [{ ...closer, sortText: '0', textEdit: edit(wordSpan, closer.textEdit) }] : []), ...signatures, ...(nextPageLineItems(cable, position, line, ctx) ?? [])];
  }
  const nextItems = refItems ?? paragraphItems ?? lineMarkingItems(cable, position, line, ctx) ?? nextPageLineItems(cable, position, line, ctx);
  if (nextItems) return nextItems;

  // After a paragraph number, or after SUBJECT: (not on a space typed there, as most subjects carry no marking):
  // portion markings, banner level first, levels above it last.
  const subjectMarking = SUBJECT_MARKING_TYPED.test(before) && cable.lineKinds[position.line] === 'subject' && ctx.triggerCharacter !== ' ';
  if (subjectMarking || /^\s*(?:¶\s?)?\d{1,3}\.\s*\(?[A-Za-z/]*$/.test(before)) {
    const banner = cable.banner?.level ?? 'SECRET';
    const open = before.slice(0, before.length - trailingRun(before, isMarkingChar)).endsWith('(');
    // Inside a marking already written ("¶1. (C|)", "¶2. (|C//REL TO USA, EST)") or right before one ("¶1. |(C)"):
    // replace it up to its ")", or the new marking and the old one run together ("(C)C//REL TO USA, EST)", "(C)(C)").
    const start = open ? range.start.character - 1 : range.start.character;
    const atMarking = open || (word === '' && line.charCodeAt(position.character) === 40 /* ( */);
    // "¶2. (|C} The minister", "¶2. (|CI The minister": a marking with a brace, a bracket or an "I" for its ")" is replaced whole too.
    const written = atMarking ? (parsePortionMarking(position.line, line, start) ?? parseBracketMarking(position.line, line, start) ?? parseMisclosedMarking(position.line, line, start)) : undefined;
    const insertEnd = written ? written.token.range.end.character : position.character + (open ? markingRest(line, position.character) : 0);
    // Replace mode also takes the rest of the letters typed ("(S|/N The minister"), not a word the marking goes in front
    // of ("¶2. |The minister", "SUBJECT: (|HARBOR PATROLS"), which it replaced.
    const rest = leadingRun(line, position.character, isMarkingChar);
    const restIsMarking = open && restOfMarking(before.slice(before.length - trailingRun(before, isMarkingChar)), line.slice(position.character, position.character + rest));
    let span: EditSpan = { start, insertEnd, replaceEnd: Math.max(insertEnd, restIsMarking ? position.character + rest : 0) };
    // A marking after white space ("¶1.| (C) The minister", "¶1. (| (C)", "¶1.| (C Deputy …", which lost its ")") is
    // replaced too, in either mode, or the two stand side by side ("¶1.(C) (C)"). Nothing typed before it but white
    // space: that white space stays, and the new marking takes the old one's place ("¶1. (S) The minister").
    const next = written ? -1 : skipSpaces(line, span.replaceEnd);
    // "¶2. |{C) The minister", "¶2. |[S/NF] …": one with a brace or bracket for a parenthesis, as the parser reads it.
    const nextChar = line.charCodeAt(next);
    const after =
      nextChar === 40 /* ( */
        ? (parsePortionMarking(position.line, line, next) ?? parseUnclosedMarking(position.line, line, next) ?? parseBracketMarking(position.line, line, next) ?? parseMisclosedMarking(position.line, line, next))
        : nextChar === 123 /* { */ || nextChar === 91 /* [ */
          ? parseBracketMarking(position.line, line, next)
          : undefined;
    let lead = '';
    if (after) {
      if (skipSpaces(line, start) === next) lead = line.slice(start, next);
      const end = after.token.range.end.character;
      span = { start, insertEnd: end, replaceEnd: end };
    } else if (!written && before.endsWith('.')) {
      // "3.|", asked for right after the marker's full stop: the marking comes after the white space the cable's marked
      // paragraphs write there ("¶3. (S)", or "3.(S)" where they write none); it gave "3.(S)" under "1. (S)".
      lead = markingGapAbove(cable, position.line);
    } else if (!written && before.endsWith(':')) {
      lead = ' ';
    }
    // "¶2. |The minister", "SUBJECT: |HARBOR PATROLS": a space parts the marking from the words it goes in front of; at
    // the line's end ("¶2. (|)", "SUBJECT: (|)"), from the words typed next, as the paragraph's marker and a line's marking
    // give it ("¶2. (C) ", "-- (C) "): "(C)" alone left the writer's next word glued to it, "(C)The minister".
    const space = !after && !isSpace(line.charCodeAt(span.replaceEnd)) ? ' ' : '';
    const items: CompletionItem[] = markingChoices(cable.banner?.level, banner).map((c) => ({
      label: c.marking,
      kind: CompletionItemKind.EnumMember,
      detail: c.detail,
      sortText: c.sortText,
      preselect: c.primary,
      textEdit: edit(span, lead + c.marking + space),
    }));
    return items.sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  }

  // The caveat zone between the banner and the first field or the body: a caveat at the start of the line
  // or after caveats already written ("NOFORN, NOT FOR INT"). Each item replaces the words of it already
  // typed, and its filter text starts with them, so that the client still shows it.
  if (inCaveatZone(cable, position.line)) {
    const from = position.character - before.length;
    const starts = phraseStarts(line, from, position.character, isCaveatSeparator).filter((s) => afterCaveats(position.line, line, s));
    // A caveat the cable writes already is not offered again ("NOFORN/|" gave "NOFORN/NOFORN"), but for the one at the caret.
    const written = new Set(cable.caveats.filter((c) => !contains(c.token.range, position)).map((c) => c.name));
    const items: CompletionItem[] = [];
    // Under an UNCLAS banner NOFORN comes last: no unclassified cable of the corpus carries it, and Enter on an empty line
    // under "UNCLAS NOWHERE 000001" wrote it, where SIPDIS and SENSITIVE are the caveats such cables write.
    const caveats = cable.banner?.level === 'UNCLASSIFIED' ? UNCLASSIFIED_CAVEATS : CAVEATS;
    caveats.forEach((c, i) => {
      const s = typedStart(line, position.character, c, starts);
      if (s === undefined || written.has(c)) return;
      // What the caveat means, as its hover gives it: the dictionary's kind and meaning, an unverified one said to be so.
      const entry = ctx.dictionaries.markings.get(c);
      const about = entry ? { detail: entry.kind, documentation: markingMeaning(entry) } : {};
      items.push({ ...phraseItem(c, line, position, s, isCaveatChar, ctx.insertReplace), ...about, sortText: String(i).padStart(2, '0') });
    });
    if (items.length > 0) return items;
  }

  // The DTG and DE lines: the date-time group, and the DE line's day of year and time. The DE line's station and the FM
  // line's address, each other's as the reference pairs them, only when asked for (Ctrl+Space): shown whatever is typed,
  // they would stay in a list opened by a space while another station is typed.
  if (kind === 'header') {
    const now = ctx.now ?? new Date();
    const asked = ctx.triggerCharacter === undefined;
    const items = dtgItems(cable, position, line, before, now) ?? julianItems(cable, position, line, before, now) ?? (asked ? (stationItems(cable, position, line, before, d) ?? originatorItems(cable, position, line, before, d)) : undefined);
    if (items) return items;
  }

  // Address lines: routing indicators with their plain-language addresses, then precedence words.
  // "TO RUEH" or "RUEH", never over the keyword: "INF|O RUEHHE/…" became "RBDHDZA/COMUSNAVCENTO RUEHHE/…".
  // Not on the format lines ("VZCZCXRO", "DE RUEHFR", "P 011200Z"), which hold no addressee.
  const addressLine = kind === 'header' && mayHoldAddressees(cable, position.line);
  if (addressLine && atRoutingIndicator(line, position.character, before, word)) {
    // Replace mode replaces the addressee's indicator and its address, which the item writes both of
    // ("TO RUE|HC/SECSTATE WASHDC PRIORITY 0001" keeps "PRIORITY 0001"), or else the indicator's letters.
    const header = cable.header;
    const addressee = header && [...header.to, ...header.info, ...header.xmt].find((a) => a.routingIndicator && contains(a.routingIndicator.range, position));
    const written = addressee?.address ?? addressee?.routingIndicator;
    const replaceEnd = written && written.range.end.line === position.line ? written.range.end.character : position.character + leadingRun(line, position.character, isAlnum);
    const span = { ...wordSpan, replaceEnd };
    // An indicator with no plain-language address (RUEHWEB, seen only on format line 2) is no addressee. The pairings the
    // released cables' headers hold most come first ("TO |" lists RUEHC/SECSTATE WASHDC first, not RBDHDZA/COMUSNAVCENT),
    // then by code; a user dictionary's, which no count covers, after the counted ones.
    // An indicator the headers pair with other addresses too (RHMFISS: CDR USCENTCOM, HQ USEUCOM, …) says so: the item
    // writes the one seen most, which may not be the addressee meant.
    return [...d.routingIndicators.values()].filter((r) => r.address.length > 0).map((r) => ({
      label: `${r.code}/${r.address}`,
      kind: CompletionItemKind.Reference,
      ...otherAddresses(r),
      filterText: `${r.code} ${r.address}`,
      sortText: `${String(MOST_USES - Math.min(timesSeen(r, r.address) ?? 0, MOST_USES)).padStart(6, '0')}${r.code}`,
      textEdit: edit(span, `${r.code}/${r.address}`),
    }));
  }
  if (addressLine && endsWithAddressAndWord(before) && !inKnownAddress(before, word, d) && !precedenceWritten(before, word)) {
    // "WASHDC NIACT IMM": "NIACT IMMEDIATE" replaces "NIACT" too; the other words replace the word typed.
    const from = position.character - before.length;
    const starts = phraseStarts(line, from, position.character, isSpace).filter((s) => endsWithAddressAndWord(before.slice(0, s - from)));
    // On a TO line, the DTG's action precedence first and preselected, as the released cables' action addressees carry it
    // ("O 030207Z DEC 26" … "TO RUEHC/SECSTATE WASHDC IMMEDIATE": 201 of the corpus's 207 TO addressees under a
    // PRIORITY or IMMEDIATE DTG; 5 write NIACT IMMEDIATE, 1 none; under ROUTINE none writes a word); the others by rank,
    // lowest first. The items had no sort text, so a client listed them by label: FLASH first, which Enter wrote.
    const action = onToLine(cable, position.line) ? cable.header?.dtg?.precedences[0] : undefined;
    // A precedence word is letters: the serial after it ("IMM|0001") is never replaced.
    return PRECEDENCES.map((p, i) => {
      const s = typedStart(line, position.character, p, starts);
      const order = { sortText: `${p === action ? '0' : '1'}${i}`, preselect: p === action || undefined };
      if (s !== undefined) return { ...phraseItem(p, line, position, s, isLetter, ctx.insertReplace), ...order };
      return { label: p, kind: CompletionItemKind.Keyword, textEdit: edit({ ...wordSpan, replaceEnd: position.character + leadingRun(line, position.character, isLetter) }, p), ...order };
    });
  }

  // After "Classified By: ": the classifier's title; after the classifier, the reasons.
  if (kind === 'classified-by' || CLASSIFIED_BY_KEYWORD.test(before)) {
    const items = classifiedByItems(cable, position, line, ctx);
    if (items) return items;
  }

  // Reason letters after "1.4 (" or "1.4 ", only where a letter can go: "1.4|" would become "1.a",
  // "1.4 |(b)" "1.4 a(b)" and "1.4 (|b)" "1.4 (ab)".
  const afterWord = before.charCodeAt(before.length - word.length - 1);
  const next = line.charCodeAt(position.character);
  const letterFits = (afterWord === 40 /* ( */ || isSpace(afterWord)) && (word === '' || isLetter(word.charCodeAt(0))) && !(isLetter(next) || isDigit(next) || next === 40); /* ( */
  // After a reason and "and" or a comma ("1.4 (b) and |", "1.4 b, |"): the next letter, in parentheses where the reason
  // before it has them.
  const listed = letterFits && kind === 'classified-by' ? reasonListGoesOn(cable, position, line, word) : undefined;
  if (letterFits && (listed !== undefined || /1\s?\.\s?[45]\s*\(?[a-h]?$/i.test(before) || (kind === 'classified-by' && /\(\s*[a-h]?$/.test(before)))) {
    const section = listed === undefined ? (/1\s?\.\s?5/.test(before) ? '1.5' : '1.4') : (cable.classifiedBy?.sectionValue ?? '1.4');
    // A reason is one letter, and no letter follows the caret: there is no rest of a word to replace.
    const span = { ...wordSpan, replaceEnd: position.character };
    // Section 1.4 has its letters twice, as amended in 2003 and in E.O. 13526: one item per letter, in the
    // wording of the order the E.O. line cites (E.O. 13526), else of the first listed.
    const cited = cable.eo?.order?.text;
    // The letters the Classified By line gives already ("1.4 (b) and (|" offered b again), but for the one at the caret.
    const given = new Set((cable.classifiedBy?.reasons ?? []).filter((r) => !contains(r.range, position)).map((r) => r.text.toLowerCase()));
    const reasons = new Map<string, TermEntry>();
    for (const e of d.eo) {
      if (e.kind !== 'reason' || e.section !== section || e.code === undefined || given.has(e.code.toLowerCase())) continue;
      if (!reasons.has(e.code) || (cited !== undefined && e.order?.includes(cited))) reasons.set(e.code, e);
    }
    // The letters the corpus's Classified By lines give most first, the first of them preselected: (b) opens 168 of its
    // 179 lists of reasons, and (d) follows it in 160; then the others in order.
    const rank = (code: string) => {
      const k = REASON_RANK.indexOf(code.toLowerCase());
      return `${k >= 0 ? k : REASON_RANK.length}${code.toLowerCase()}`;
    };
    const items = [...reasons.values()].map((e) => {
      const text = listed?.parenthesised ? `(${e.code!})` : e.code!;
      // As the reason's hover says it: 1.4 (g) and (h) of the 2003 wording are the reference's guesses, not its sources' words.
      return { label: text, kind: CompletionItemKind.EnumMember, detail: `${e.summary}${qualifier(e)}`, filterText: e.code!, sortText: rank(e.code!), textEdit: edit(span, text) } as CompletionItem;
    }).sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
    if (items.length > 0) items[0].preselect = true;
    return items;
  }

  // In the text, after "ref", "refs", "reftel" or "reftels" (and the letters of a list: "refs A and ", "refs A, "):
  // the REF items' letters, each with the citation it stands for, so that the writer need not scroll up to the REF field.
  const refList = (kind === 'paragraph' || kind === 'text') && ctx.triggerCharacter !== '/' ? REF_KEYWORD_BEFORE.exec(before) : null;
  if (refList) {
    // The letters the list names already ("refs A and |") are not offered again.
    const named = new Set(refList[1].toUpperCase().split(/[^A-Z]+/).filter((w) => w.length === 1));
    return (cable.refs?.items ?? []).flatMap((item) =>
      item.letter && !named.has(item.letter.toUpperCase())
        ? [
            // The citation beside every letter of the list, not only the selected one's detail.
            { label: item.letter, kind: CompletionItemKind.Reference, detail: item.citation.text, labelDetails: { description: item.citation.text }, sortText: item.letter, textEdit: edit(wordSpan, item.letter) },
          ]
        : [],
    );
  }

  // In the text, after "para", "paras" or "paragraph": the other paragraphs' numbers, each with its first words, once each.
  const paraList = (kind === 'paragraph' || kind === 'text') && ctx.triggerCharacter !== '/' ? PARA_KEYWORD_BEFORE.exec(before) : null;
  if (paraList) {
    // The numbers the list names already ("paras 3 and |", and those inside a range: "paras 2-4 and |" names 3) are not
    // offered again, and a range's end follows its start ("paras 3-|", "paras 3 to |": 4 and on).
    const named = (paraList[1].match(/\d+/g) ?? []).map(Number);
    const after = /(?:-|to)[ \t]*$/i.test(paraList[1]) ? named[named.length - 1] : 0;
    const seen = new Set<number>(named);
    // What stands between two numbers: "-" or "to" makes them a range (at most three digits each, so a thousand numbers).
    const between = paraList[1].split(/\d+/);
    for (let k = 1; k < named.length; k++) {
      const mark = between[k].trim().toLowerCase();
      if (mark === '-' || mark === 'to') for (let n = named[k - 1] + 1; n < named[k]; n++) seen.add(n);
    }
    const items: CompletionItem[] = [];
    for (const p of cable.paragraphs) {
      // Not the paragraph being written, whose opening would be the words typed so far ("(C) As noted (para").
      if (seen.has(p.readAs) || p.readAs <= after || (p.range.start.line <= position.line && position.line <= p.range.end.line)) continue;
      seen.add(p.readAs);
      const words = paragraphOpening(cable, p);
      items.push({ label: String(p.readAs), kind: CompletionItemKind.Reference, detail: words, labelDetails: { description: words }, sortText: String(p.readAs).padStart(3, '0'), textEdit: edit(wordSpan, String(p.readAs)) });
    }
    return items;
  }

  // DECL dates: ten years after the cable first; after today in a cable being written, whose text gives no date yet.
  if (/DECL\s*:\s*[\d/]*$/i.test(before)) {
    // "DECL:|": the date goes after a space, as the E.O. line writes it ("DECL: 06/03/2019").
    const space = before.charCodeAt(before.length - word.length - 1) === 58 /* : */ ? ' ' : '';
    return declItems(cable, ctx).map((d) => ({ ...d, textEdit: edit(wordSpan, space + d.label) }));
  }

  // After the E.O. line's order and colon, with nothing after the caret ("E.O. 12958: |", "E.O. 12958: DE|"): what the
  // line goes on with, "DECL: " and a date (ten years on first) under a classified banner, "N/A" under an UNCLAS one.
  const eoTyped = kind === 'eo' && line.slice(position.character).trim() === '' ? EO_ORDER_TYPED.exec(before) : null;
  if (eoTyped) {
    const span = { start: position.character - eoTyped[1].length, insertEnd: position.character, replaceEnd: position.character };
    // "E.O. 12958:|": a space after the colon, as the line writes it.
    const space = isSpace(before.charCodeAt(before.length - eoTyped[1].length - 1)) ? '' : ' ';
    // Only what the banner's level asks for: a classified cable's N/A is CBL014's error, an unclassified one's DECL CBL038's.
    const level = cable.banner?.level;
    const na: CompletionItem = { label: 'N/A', kind: CompletionItemKind.Value, detail: 'No declassification instruction: an unclassified cable', sortText: '9', preselect: level === 'UNCLASSIFIED' || undefined, textEdit: edit(span, `${space}N/A`) };
    const dates = level === 'UNCLASSIFIED' ? [] : declItems(cable, ctx).map((d) => ({ ...d, label: `DECL: ${d.label}`, sortText: `1${d.sortText}`, textEdit: edit(span, `${space}DECL: ${d.label}`) }));
    const items = level === undefined || level === 'UNCLASSIFIED' ? [...dates, na] : dates;
    return items.filter((i) => i.label.startsWith(eoTyped[1].toUpperCase()));
  }

  // In a Summary, Comment or Note left open, asked for after a sentence's end ("… met. |", "… met. En|"): its closer.
  if ((kind === 'paragraph' || kind === 'text') && ctx.triggerCharacter === undefined) {
    const closer = closerItem(cable, position, before, word, line.slice(wordSpan.replaceEnd));
    if (closer) return [{ ...closer, textEdit: edit(wordSpan, closer.textEdit) }];
  }
  return [];
}

/**
 * The classifiers' titles the Classified By lines of the project's corpus write, with how many of its 178 lines (seeds and
 * cablegate) name each, spelled out or abbreviated: Ambassador 53 (`Amb.` 3 of them), DCM 27 (`Deputy Chief of Mission` 5,
 * `ADCM` 1), Political Minister-Counselor 27 (`PolMinCouns`, `Pol M/C` and others 14), Charge d'Affaires 19 (`CDA` 6),
 * Political Counselor 11 (`Polcouns` 5), Consul General, Economic Counselor, Economic Minister-Counselor and Principal
 * Officer 3 each. 133 of the 149 lines that name one of them write it before the name (`DCM Kris Urs for reasons …`).
 */
const CLASSIFIER_TITLES = ['Ambassador', 'DCM', 'Political Minister-Counselor', "Charge d'Affaires", 'Political Counselor', 'Consul General', 'Economic Counselor', 'Economic Minister-Counselor', 'Principal Officer'];

/** The Classified By keyword and the white space after it, before the caret: `Classified By: `. */
const CLASSIFIED_BY_KEYWORD = /^[ \t]*Classified[ \t]+By[ \t]*[:;][ \t]+/i;

/**
 * On a Classified By line with nothing after the caret: right after its keyword and a space, or a title's first letters
 * (`Classified By: |`, `Classified By: Pol|`), the classifiers' titles the released cables write ({@link CLASSIFIER_TITLES}),
 * each with a name to fill in for a client that takes snippets (`Ambassador NAME`); asked for with Ctrl+Space after the
 * classifier on a line that gives no reasons (`Classified By: DCM Ann Doe |`), the reasons' tail, `for reasons 1.4 (b)
 * and (d).` (section 1.5 in a cable dated before E.O. 13292 of 25 March 2003): 38 of the 178 lines write it so, and b and
 * d are the letters most give. A space typed opens the titles only, never the tail, so that no list opens while a name
 * is typed.
 */
function classifiedByItems(cable: Cable, position: Position, line: string, ctx: CompletionContext): CompletionItem[] | undefined {
  if (position.character > 200 || line.slice(position.character).trim() !== '') return undefined;
  const before = line.slice(0, position.character);
  const keyword = CLASSIFIED_BY_KEYWORD.exec(before);
  if (!keyword || (ctx.triggerCharacter !== undefined && ctx.triggerCharacter !== ' ')) return undefined;
  const typed = before.slice(keyword[0].length);
  const upper = typed.toUpperCase();
  const span = { start: keyword[0].length, insertEnd: position.character, replaceEnd: position.character };
  if (CLASSIFIER_TITLES.some((t) => t.toUpperCase().startsWith(upper))) {
    return CLASSIFIER_TITLES.map((title, i) => ({
      label: ctx.snippets ? `${title} NAME` : title,
      kind: ctx.snippets ? CompletionItemKind.Snippet : CompletionItemKind.Value,
      detail: 'Classifier: title, then name',
      documentation: 'Who classified the cable, as the released cables write it: the title, then the name. The reasons follow (for reasons 1.4 (b) and (d)).',
      filterText: title,
      sortText: String(i),
      preselect: i === 0 || undefined,
      ...(ctx.snippets && { insertTextFormat: InsertTextFormat.Snippet }),
      textEdit: itemEdit(position.line, span, ctx.snippets ? `${snippetText(title)} \${1:NAME}` : `${title} `, ctx.insertReplace),
    }));
  }
  // The tail, on Ctrl+Space only, after a classifier on a line that gives no reasons.
  const by = cable.classifiedBy;
  if (ctx.triggerCharacter !== undefined || !by || by.range.start.line !== position.line || by.derived || by.section || by.reasons.length > 0 || typed.trim() === '') return undefined;
  // "… for reasons 1.|": the reasons are being written, which the parser reads no section of yet; a name holds no digit.
  if (/reason|\d/i.test(typed)) return undefined;
  const section = cable.date && compareDates(cable.date, ORDER_DATES.get('13292')!.signed!) < 0 ? '1.5' : '1.4';
  const tail = `for reasons ${section} (b) and (d).`;
  const space = isSpace(before.charCodeAt(before.length - 1)) ? '' : ' ';
  return [{
    label: tail,
    kind: CompletionItemKind.Value,
    detail: 'Reasons for the classification',
    documentation: `The categories of section ${section} of the order that allow the classification: (b) foreign government information, (d) foreign relations, the two most cables give. Change the letters to those that apply.`,
    preselect: true,
    textEdit: itemEdit(position.line, { start: position.character, insertEnd: position.character, replaceEnd: position.character }, `${space}${tail}`, ctx.insertReplace),
  }];
}

/**
 * A name being typed at a line's start: a word of letters, full stops, hyphens or apostrophes (`Cal`, `O'NEI`), or two in
 * capitals (`TIMKEN J`, `LA LI`), as the signatures of more than one word are written; not a sentence's words (`The board `).
 */
const SIGNATURE_TYPED = /^[ \t]*(?:[A-Za-z][A-Za-z.'’-]{0,39}|[A-Z][A-Z.'’-]{0,39} [A-Z.'’-]{0,39})?$/;

/** What may follow the caret on a signature's line: the rest of the name's word, then white space. */
const SIGNATURE_REST = /^[A-Za-z.'’-]*[ \t]*$/;

/**
 * The signatures at the signature's place, the last line of the text below the last paragraph, alone on its line under a
 * blank line, with nothing below it but the trailer ("BT", "NNNN"), asked for on no typed character: where the line is
 * empty (the next paragraph's marker is offered there too) or holds the name being typed (`CAL|`, which the parser may
 * read as the signature already). First the names that end the other workspace cables of the same post (the banner's, else
 * the id's: {@link workspaceSignatures}), the most used first, as Markdown offers the workspace's paths; then, for a client
 * that takes snippets and on an empty line, the signer's surname in capitals, as cables sign (`CALLOWAY`), a placeholder
 * to type over. Undefined elsewhere, or when there is nothing to offer: never for a name glued to the last sentence
 * (`… will follow. ROE`, `… will follow.ROE`), which released copies leave and the parser reads, since a writer types the
 * next sentence's first word at that place as often, and every word typed at the end of a draft would offer the names.
 */
function signatureItems(cable: Cable, position: Position, line: string, ctx: CompletionContext): CompletionItem[] | undefined {
  if (ctx.triggerCharacter !== undefined) return undefined;
  const before = line.slice(0, position.character);
  if (!SIGNATURE_TYPED.test(before) || !SIGNATURE_REST.test(line.slice(position.character))) return undefined;
  const start = skipSpaces(before);
  const signature = cable.signature;
  // The parser reads the name typed as the signature already ("CAL"), or not yet ("C", "TIMKEN J"), or nothing is typed.
  const signed = signature && signature.token.range.start.line === position.line && !signature.glued;
  const last = cable.paragraphs[cable.paragraphs.length - 1];
  if (!last || last.range.start.line >= position.line) return undefined;
  if (!signed) {
    if (signature || (linesAsRead(cable)[position.line - 1] ?? '').trim() !== '') return undefined;
    for (let l = position.line + 1; l < cable.lines.length; l++) if (linesAsRead(cable)[l].trim() !== '' && cable.lineKinds[l] !== 'trailer') return undefined;
  }
  const end = position.character + trailingSpaceless(line, position.character);
  const span: EditSpan = { start, insertEnd: position.character, replaceEnd: end };
  const items: CompletionItem[] = workspaceSignatures(cable, ctx).map(({ name, count, post }, i) => ({
    label: name,
    kind: CompletionItemKind.Value,
    detail: ctx.labelDetails ? 'Signature' : `Signature: ${signedCount(count, post)}`,
    documentation: `The signature of ${signedCount(count, post)} in the workspace.`,
    ...(ctx.labelDetails && { labelDetails: { description: signedCount(count, post) } }),
    sortText: `8${String(i).padStart(4, '0')}`,
    textEdit: itemEdit(position.line, span, name, ctx.insertReplace),
  }));
  if (ctx.snippets && before.trim() === '' && !signed) {
    items.push({
      label: 'SURNAME',
      kind: CompletionItemKind.Snippet,
      detail: 'Signature: the signer\'s surname in capitals',
      documentation: 'The cable\'s signature: the surname of whoever signs for the post (the ambassador, or the chargé), in capitals, on a line of its own under the text.',
      sortText: '9',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: '${1:SURNAME}' },
    });
  }
  return items.length > 0 ? items : undefined;
}

/** "12 cables of PARIS", "1 cable of PARIS". */
function signedCount(count: number, post: string): string {
  return `${count} ${count === 1 ? 'cable' : 'cables'} of ${post}`;
}

/** How many characters from `from` on are neither white space nor past the line: the rest of the word at the caret. */
function trailingSpaceless(line: string, from: number): number {
  let k = from;
  while (k < line.length && !isSpace(line.charCodeAt(k))) k++;
  return k - from;
}

/** A signature the workspace's cables of one post end with, and how many do. */
interface SignatureUse {
  readonly name: string;
  readonly count: number;
  /** The post as the cable being written names it (`PARIS`). */
  readonly post: string;
  /** The latest date of the cables it signs (ISO), for ties. */
  readonly latest: string;
}

/**
 * The signatures of the workspace's other cables (`CompletionContext.workspaceCables`, the document's own entry left out)
 * from the post of `cable`: its banner's post, else, with no banner or a blanked post, its id's or its file name's, as the
 * index files cables under a post (`BUENOS AIRES` and `BUENOSAIRES` one post). The most used first, then the latest used,
 * then by name; each spelling as written, at most {@link SIGNATURE_LIMIT}.
 */
function workspaceSignatures(cable: Cable, ctx: CompletionContext): SignatureUse[] {
  if (!ctx.workspaceCables) return [];
  const post = filedPost(cable, cable.id ?? ctx.citingId);
  if (post === undefined) return [];
  const key = normalizePost(post);
  const uses = new Map<string, { count: number; latest: string }>();
  // A workspace's cables come from a few posts: each spelling is read once.
  const keys = new Map<string, string>();
  for (const c of ctx.workspaceCables()) {
    if (c.signature === undefined || c.post === undefined || c.uri === ctx.documentUri) continue;
    let other = keys.get(c.post);
    if (other === undefined) keys.set(c.post, (other = normalizePost(c.post)));
    if (other !== key) continue;
    const use = uses.get(c.signature);
    const date = c.dtg ?? '';
    if (use) {
      use.count++;
      if (date > use.latest) use.latest = date;
    } else uses.set(c.signature, { count: 1, latest: date });
  }
  return [...uses]
    .map(([name, { count, latest }]) => ({ name, count, post, latest }))
    .sort((a, b) => b.count - a.count || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, SIGNATURE_LIMIT);
}

/** At most this many workspace signatures are offered: a post's cables are signed by a few names, and a typo by one cable. */
const SIGNATURE_LIMIT = 50;

/** What a block's closer item writes: its label and the text in place of the word typed. */
interface CloserItem {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail: string;
  readonly preselect: boolean;
  readonly textEdit: string;
}

/**
 * The closer of the innermost Summary, Comment or Note open at `position` that nothing closes (`End Summary.`, `END
 * COMMENT.` after an opener in capitals), where the text before the caret ends a sentence or is white space, the
 * word typed is the start of "End", and nothing but closing punctuation follows on the line (`after`, the text after the
 * word at the caret: "(Note: fares rose. |)."); undefined elsewhere. A closer glued to a sentence's end ("… met.|")
 * gets a space.
 */
function closerItem(cable: Cable, position: Position, before: string, word: string, after: string): CloserItem | undefined {
  if (word.length > 3 || !'end'.startsWith(word.toLowerCase())) return undefined;
  // "… met. |The minister left.", "|The minister left.": a closer there would cut the block's sentences in two.
  if (!CLOSING_ONLY.test(after)) return undefined;
  const rest = before.slice(0, before.length - word.length);
  const trimmed = rest.trimEnd();
  if (trimmed !== '' && !/[.?!"'”’)\]]$/.test(trimmed)) return undefined;
  const glued = trimmed !== '' && trimmed.length === rest.length;
  if (glued && word !== '') return undefined;
  let open: Block | undefined;
  for (const block of cable.blocks) {
    const opener = block.open;
    if (!opener || block.close || !isBefore(opener.token.range.end, position)) continue;
    const end = block.range.end;
    // The block runs to the end of its paragraph: white space typed after its last word is still in it. A line of its
    // own right under the block's last line, or one blank line below it, may close it too.
    if (position.line > end.line ? !closerLineUnder(cable, end.line, position.line, rest) : position.line === end.line && position.character > skipSpaces(linesAsRead(cable)[end.line], end.character)) continue;
    if (!open || isBefore(open.open!.token.range.start, opener.token.range.start)) open = block;
  }
  if (!open) return undefined;
  const name = open.kind === 'summary' ? 'Summary' : open.kind === 'comment' ? 'Comment' : 'Note';
  const written = open.open!.token.text;
  const text = written === written.toUpperCase() ? `END ${name.toUpperCase()}.` : `End ${name}.`;
  return { label: text, kind: CompletionItemKind.Keyword, detail: `Closes the ${name} opened on line ${open.open!.token.range.start.line + 1}`, preselect: true, textEdit: glued ? ` ${text}` : text };
}

/** What may stand after a closer on its line: white space and the punctuation that closes a sentence or a bracket. */
const CLOSING_ONLY = /^[\s)\]"'”’.,;:]*$/;

/**
 * Where the caret follows the Classified By line's last reason on its line, a separator after it and at most one letter
 * typed (`1.4 (b) and |`, `1.4 b, d|`, `1.4 (b, |`): whether the next letter takes parentheses, as the reason before it
 * has its own. Undefined elsewhere.
 */
function reasonListGoesOn(cable: Cable, position: Position, line: string, word: string): { parenthesised: boolean } | undefined {
  if (word.length > 1) return undefined;
  let last: Token | undefined;
  for (const r of cable.classifiedBy?.reasons ?? []) if (r.range.end.line === position.line && r.range.end.character <= position.character - word.length) last = r;
  if (!last) return undefined;
  const between = line.slice(last.range.end.character, position.character - word.length);
  const separator = between.slice(between.startsWith(')') ? 1 : 0).trim().toLowerCase();
  const joined = separator === 'and' || separator === '&' || REASON_COMMA_AND.test(separator);
  if (separator !== ',' && !(joined && isSpace(between.charCodeAt(between.length - 1)))) return undefined;
  // "(b) and |" closed its parenthesis; "(b, |" lists the letters inside it.
  return { parenthesised: between.startsWith(')') && line.charCodeAt(last.range.start.character - 1) === 40 /* ( */ };
}

/** A comma and a word joining two reasons: `, and`, `,&`. */
const REASON_COMMA_AND = /^,[ \t]*(?:and|&)$/;

/** Whether most of the cable's paragraphs after the first start right under a line that is not blank. */
export function paragraphsPacked(cable: Cable): boolean {
  let packed = 0;
  const paragraphs = cable.paragraphs;
  for (let i = 1; i < paragraphs.length; i++) if (cable.lineKinds[paragraphs[i].range.start.line - 1] !== 'blank') packed++;
  return packed * 2 > paragraphs.length - 1;
}

/**
 * Whether `line`, where only white space stands before the word typed (`rest`), is a closer's own line under a block
 * whose last line is `end`: the line right under it, or the one under a blank line below it.
 */
function closerLineUnder(cable: Cable, end: number, line: number, rest: string): boolean {
  if (rest.trim() !== '' || line - end > 2) return false;
  return line - end === 1 || cable.lineKinds[end + 1] === 'blank';
}

/** What the E.O. line holds up to the caret when nothing follows its order's colon but the letters typed ("DE"). */
const EO_ORDER_TYPED = /^\s*E\.?\s?[O0]\.?\s*\d{5}\s*[:;]\s*([A-Za-z/]{0,4})$/i;

/**
 * The DECL dates offered, without their edits: 10, 25, 20, 15 and 5 years after the cable's date, the first preselected;
 * after today in a cable being written, whose text gives no date yet.
 */
function declItems(cable: Cable, ctx: CompletionContext): (CompletionItem & { sortText: string })[] {
  const now = ctx.now ?? new Date();
  const { year, month, day } = cable.date ?? { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  const from = cable.date ? 'the cable' : 'today (the cable gives no date)';
  return [10, 25, 20, 15, 5].map((years, i) => ({
    label: declDate(year + years, month, day),
    kind: CompletionItemKind.Value,
    detail: `${years} years after ${from}${years === 10 ? ' (default)' : ''}`,
    sortText: String(i),
    preselect: i === 0,
  }));
}

/**
 * `MM/DD/YYYY` of `month` and `day` in `year`, 29 February falling on the 28th in a year that has no 29th: a cable of
 * 29 February 2008 is declassified on 02/28/2018 (CBL015 reports 02/29/2018 as a date that does not exist).
 */
function declDate(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad2(month)}/${pad2(Math.min(day, last))}/${year}`;
}
