/**
 * Hover: what a code, marking or header field means, from the dictionaries
 * and from the cable itself, and what an in-text reference ("ref B", "para 5")
 * names. Meanings that are not established are said so.
 */
import { MarkupKind, type Hover, type MarkupContent, type Position } from 'vscode-languageserver';
import { hostTagOf, type HostTag } from '../core/hosts';
import { citedId, fileName, fullYear, serialFitsDate } from '../core/id';
import { allItemsNamed, findCitedParagraphsOnLine, findInTextReferencesOnLine, inTextTarget, paragraphsBetween, paragraphsNamed, rangeSeparatedAt, type InTextReference } from '../core/mentions';
import { serialDigits } from '../core/parse/banner';
import { headerDatesCable, MONTH_NAMES } from '../core/parse/header';
import { describeMarking, misspeltControl } from '../core/parse/marking';
import { linesAsRead } from '../core/parse/margin';
import { correctedCopyReason } from '../core/parse/metadata';
import { orderInEffect } from '../core/rules/cbl041-eo-order-after-cable';
import { misreadTag } from '../core/rules/cbl051-tag-misread';
import { compareDates, declNamesEvent } from '../core/rules/util';
import type { Addressee, Cable, CalendarDate, DateTimeGroup, Decl, NumberToken, Paragraph, Range, RefItem, Token, Trailer, TransmissionHeader } from '../core/model';
import { contains, isSpace, paragraphIndexAt, partitionPoint, WHITE_RUNS } from '../core/text';
import { markingEntry, markingMeaning, qualifier, tagEntries, unverifiedNote, type Dictionaries, type RoutingEntry, type TagEntry, type TermEntry } from './dictionaries';
import { labelsBegun } from './labelsTyped';
import { getCitedRangeAt } from './references';
import type { IndexedCable } from './types';

/** What {@link getHover} needs besides the cable. */
export interface HoverContext {
  readonly dictionaries: Dictionaries;
  readonly lookupCable?: (id: string) => IndexedCable | undefined;
  /** True while the workspace index is still being built: a cable {@link HoverContext.lookupCable} does not find may be one it has yet to read. */
  readonly indexBuilding?: boolean;
  /** The id the document's file name gives: the banner's id, and the year of REF citations, in a cable whose text gives no date. */
  readonly citingId?: string;
  /** Answer in plain text, for a client whose hover `contentFormat` does not put Markdown first (eglot without markdown-mode). */
  readonly plainText?: boolean;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A hover's Markdown: the title in bold, then each body line as a paragraph of its own, except that
 * list items ("- Station: RUEHFR") follow one another as one list; empty lines are left out.
 * Markdown runs lines that only a single line break separates into one paragraph
 * ("3 June 2009, 1322Z Wednesday, day 154 of 2009."), so paragraphs are separated by an empty line.
 * The sources, as {@link citeSource} and {@link citeDocuments} write them, close it in italics.
 */
export function md(title: string, body: string[], sources: readonly string[] = []): string {
  let value = `**${title}**`;
  let previous = '';
  for (const line of body) {
    if (line.length === 0) continue;
    value += (line.startsWith('- ') && previous.startsWith('- ') ? '\n' : '\n\n') + line;
    previous = line;
  }
  // One document cited twice, with a dictionary entry's words and FORMAT.md's, is named once.
  const byAddress = new Map<string, string>();
  for (const c of sources) if (c.length > 0 && !byAddress.has(linkAddress(c))) byAddress.set(linkAddress(c), c);
  const cited = mergeCorpus([...byAddress.values()]);
  if (cited.length === 0) return value;
  return `${value}\n\n---\n*${cited.length === 1 ? 'Source' : 'Sources'}: ${cited.join(' · ')}*`;
}

/**
 * The citations with corpus analysis named once, where it is first cited, with the details of each citation of it
 * joined: an entry whose sources name cables of the corpus for two things ("expansion from corpus cable 10MEXICO141 |
 * … | TAGS use: corpus cable 08BOGOTA683") cites "corpus analysis …: expansion from cable 10MEXICO141; TAGS use: cable
 * 08BOGOTA683", not corpus analysis twice. A list of cables every one of which another detail names is left out.
 */
function mergeCorpus(cited: readonly string[]): string[] {
  const at = cited.findIndex((c) => c.startsWith(CORPUS));
  if (at < 0 || cited.findIndex((c, i) => i > at && c.startsWith(CORPUS)) < 0) return [...cited];
  // Each citation's details stay together ("TAGS use: cable 08BOGOTA683; cable 10MEXICO141" is one), each once.
  const details: string[] = [];
  for (const c of cited) {
    const d = c.startsWith(CORPUS) && c.startsWith(': ', CORPUS.length) ? c.slice(CORPUS.length + 2) : '';
    if (d.length > 0 && !details.includes(d)) details.push(d);
  }
  // A bare list of cables that the others name every one of ("cables 06CARACAS1276, 06ISLAMABAD22174", UN's geographic
  // row, after its organization row's "TAGS use: cable 06CARACAS1276; cable 06ISLAMABAD22174") adds nothing.
  const kept = details.filter((d, i) => {
    const list = /^cables? (\w+(?:, \w+)*)$/.exec(d);
    if (!list) return true;
    const named = new Set(details.filter((_, j) => j !== i && !/^cables? \w/.test(details[j])).flatMap((o) => o.split(/\W+/)));
    return !list[1].split(', ').every((id) => named.has(id));
  });
  const merged = kept.length === 0 ? CORPUS : `${CORPUS}: ${kept.join('; ')}`;
  return cited.flatMap((c, i) => (i === at ? [merged] : c.startsWith(CORPUS) ? [] : [c]));
}

/** The address of the first link in a citation ("[tpub.com/…](http://tpub.com/…) — …"), or the citation when it has none. */
function linkAddress(cite: string): string {
  const middle = cite.indexOf('](');
  const end = middle < 0 ? -1 : cite.indexOf(')', middle + 2);
  return end < 0 ? cite : cite.slice(middle + 2, end);
}

/**
 * Text from the cable, escaped for Markdown: a `*`, `_` or `[` in a subject or an address is
 * shown as written, not as formatting or a link.
 */
export function esc(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>~|#]/g;

/**
 * The plain text of a hover's Markdown, as {@link md} and {@link esc} write it: "**TAG PREL**" and
 * "*Source: …*" lose their asterisks, "`09VALLETTA412`" its backticks, and "SMITH\_JONES" its backslash.
 * A link keeps its address: "[tpub.com/incco/5.htm](http://tpub.com/incco/5.htm)" is the address alone,
 * "[32 CFR Part 197](https://…)" is "32 CFR Part 197 (https://…)".
 * Every `*`, backtick and `[` left unescaped is formatting, since `esc` escapes those of the cable's text.
 */
export function toPlainText(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i];
    if (c === '\\' && i + 1 < markdown.length && '\\`*_[]<>~|#'.includes(markdown[i + 1])) out += markdown[++i];
    else if (c === '[' && linkEnd(markdown, i) > 0) {
      const middle = markdown.indexOf('](', i);
      const end = linkEnd(markdown, i);
      const label = toPlainText(markdown.slice(i + 1, middle));
      const url = markdown.slice(middle + 2, end);
      out += url.endsWith(label) ? url : `${label} (${url})`;
      i = end;
    } else if (c !== '*' && c !== '`') out += c;
  }
  return out;
}

/**
 * Where the link "[label](url)" that opens at `start` ends (its ")"), or -1 when no link opens there:
 * its label holds no "[" or line break, and its address no white space.
 */
function linkEnd(markdown: string, start: number): number {
  const middle = markdown.indexOf('](', start);
  if (middle < 0 || /[[\n]/.test(markdown.slice(start + 1, middle))) return -1;
  const end = markdown.indexOf(')', middle + 2);
  return end < 0 || /\s/.test(markdown.slice(middle + 2, end)) ? -1 : end;
}

function at(t: Token | undefined, p: Position): t is Token {
  return t !== undefined && contains(t.range, p);
}

function hover(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** What a hover cites for a fact read off the released cables alone (FORMAT.md's "[corpus]"). */
const CORPUS = 'corpus analysis of released cables (Cablegate)';

/**
 * The documents behind a dictionary entry, from its source text, in Markdown a user can follow.
 * The text names them with " | " between, as docs/sources.md reads it: an address becomes a link
 * ("http://tpub.com/incco/5.htm (Navy …)" → "[tpub.com/incco/5.htm](http://tpub.com/incco/5.htm) (Navy …)"),
 * a document without one is named by its first words ("32 CFR Part 197 Appendix A"), and cables of the
 * corpus are corpus analysis ("corpus cable 06KABUL3934" → "…: cable 06KABUL3934").
 */
export function citeSource(source: string): string[] {
  return source.split(' | ').map(citePart);
}

/**
 * The documents FORMAT.md §8 names under `keys` ("TPUB5"), as {@link citeSource} writes them;
 * "corpus" is corpus analysis. The format facts the hovers state come with these keys in FORMAT.md.
 */
function citeDocuments(keys: readonly string[], d: Dictionaries): string[] {
  return keys.map((key) => (key === 'corpus' ? CORPUS : citePart(d.documents.get(key) ?? '')));
}

const ADDRESS = /https?:\/\/[^\s|;,)]+/;

/** One document of a source text ({@link citeSource}). */
function citePart(part: string): string {
  const text = part.trim();
  if (text.length === 0) return '';
  if (/^none\b/i.test(text)) return 'none given';
  if (/\b(?:corpus|seed cable)\b/i.test(text)) return citeCorpus(text);
  const url = ADDRESS.exec(text)?.[0].replace(/\.$/, '');
  if (url && text.startsWith(url)) {
    const rest = text.slice(url.length).trim();
    return `[${shortAddress(url)}](${url})${rest ? ` ${esc(rest)}` : ''}`;
  }
  // "GeoNames countryInfo.txt, fips column (https://download…; copy read at https://github.com/…)" → the document's name
  // linked to its address, and the copy the reference read, which is the source it had the codes from.
  const name = esc(text.split(/[(;]/)[0].trim().replace(/,$/, ''));
  const copy = COPY_READ.exec(text)?.[1].replace(/\.$/, '');
  const read = copy && copy !== url ? ` (copy read at [${shortAddress(copy)}](${copy}))` : '';
  return url ? `[${name}](${url})${read}` : name;
}

/** "copy read at https://…" in a source's text: where the reference read a document another address publishes. */
const COPY_READ = /\bcopy read at (https?:\/\/[^\s|;,)]+)/;

/** An address as a link's label: without its scheme and `www.`, escaped for Markdown. */
function shortAddress(url: string): string {
  return esc(url.replace(/^https?:\/\/(?:www\.)?/, ''));
}

/**
 * A source that is cables of the corpus, as corpus analysis with the released cables' ids:
 * "corpus cable 06BAKU1835; corpus cable 06KABUL3934" → "…: cables 06BAKU1835, 06KABUL3934",
 * "expansion from corpus cable 04MADRID960" → "…: expansion from cable 04MADRID960".
 */
function citeCorpus(text: string): string {
  const details: string[] = [];
  const ids: string[] = [];
  for (const piece of text.split(';')) {
    // "seed cable 000_4e0f164468ec0923.txt (DE line only)": the name of a file of the reference's own, which tells a user nothing.
    if (/^\s*seed cable\b/i.test(piece)) continue;
    const id = /^\s*corpus cable (\w+)\s*$/i.exec(piece);
    if (id) {
      ids.push(id[1]);
      continue;
    }
    let detail = piece.trim().replace(/^corpus\b/i, '').replace(/\bcorpus cable\b/gi, 'cable').trim();
    // "corpus (1,1xx classified cables)" → "1,1xx classified cables".
    if (detail.startsWith('(') && detail.endsWith(')')) detail = detail.slice(1, -1);
    if (detail.length > 0) details.push(esc(detail));
  }
  if (ids.length > 0) details.push(`${ids.length === 1 ? 'cable' : 'cables'} ${ids.join(', ')}`);
  return details.length === 0 ? CORPUS : `${CORPUS}: ${details.join('; ')}`;
}

/**
 * The most characters a shortened subject shows (an inlay hint, a paragraph's opening), its ellipsis included;
 * VS Code cuts a line's hints at 43 (`editor.inlayHints.maximumLength`).
 */
const SUBJECT_HINT_LENGTH = 40;

/**
 * A subject cut to {@link SUBJECT_HINT_LENGTH} characters at a space where there is one in its second half,
 * with an ellipsis: "MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS" → "MALTESE HARBOR AUTHORITY SEEKS CLOSER…".
 */
export function shortenSubject(subject: string, max = SUBJECT_HINT_LENGTH): string {
  const text = subject.trim();
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  const cut = space > max / 2 ? space : max - 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * What follows a paragraph's marker on its first line, cut as a subject is ({@link shortenSubject}): its marking as written
 * and its first words, "(U) Fares rise in May.", a space between them where the paragraph writes none; the detail of a paragraph's number that completion offers after "para",
 * and the hover of a "para 5" that names the paragraph.
 */
export function paragraphOpening(cable: Cable, p: Paragraph): string {
  const start = p.marker.range.end;
  const text = cable.lines[start.line].slice(start.character, start.line === p.range.end.line ? p.range.end.character : undefined);
  // "(C)Summary: …", as a paragraph may write it: the marking apart from the words after it, "(C) Summary: …".
  const marking = p.portion?.token.range.end;
  const at = marking && marking.line === start.line ? marking.character - start.character : -1;
  if (at > 0 && at < text.length && !isSpace(text.charCodeAt(at))) return shortenSubject(`${text.slice(0, at)} ${text.slice(at)}`);
  return shortenSubject(text);
}

/**
 * A workspace cable as the index knows it, in Markdown: its id, subject, date as the hovers write it, classification,
 * TAGS and file name; the tooltip of a REF citation's subject hint, and the documentation of a citation completion offers.
 */
export function indexedCableMarkdown(cited: IndexedCable): string {
  const lines = [
    `**${esc(cited.subject ?? '(no subject)')}**`,
    [cited.dtg ? readableIso(cited.dtg) : '', cited.classification ?? ''].filter((s) => s.length > 0).join(' · '),
    cited.tags.length > 0 ? `TAGS: ${esc(cited.tags.join(' '))}` : '',
    `File: ${esc(fileName(cited.uri))}`,
  ];
  return md(`Cable ${esc(cited.id ?? fileName(cited.uri))}`, lines);
}

/** A date as a reader of cables writes it: "20 May 2009". */
export function readableDate(year: number, month: number, day: number): string {
  const name = MONTH_NAMES[month - 1];
  return `${day} ${name[0]}${name.slice(1).toLowerCase()} ${year}`;
}

/** A valid date-time group as a reader of cables writes it: "3 June 2009, 1322Z" (the hover of the DTG and the preview's card). */
export function readableDtg(g: DateTimeGroup): string {
  return `${readableDate(g.year, g.month, g.day)}, ${String(g.hour).padStart(2, '0')}${String(g.minute).padStart(2, '0')}Z`;
}

/**
 * An ISO date or date-time of the workspace index ("2009-05-20T09:00:00Z", "2009-05-20") as a reader
 * of cables writes it: "20 May 2009, 0900Z", "20 May 2009"; anything else as it is.
 */
export function readableIso(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):\d{2}Z)?$/.exec(iso);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) return esc(iso);
  return `${readableDate(Number(m[1]), month, Number(m[3]))}${m[4] ? `, ${m[4]}${m[5]}Z` : ''}`;
}

/**
 * Describes a TAG, saying so when its meaning is not in the dictionary: a line, and the meanings as a list when the
 * dictionary gives several (`Internal Governmental Affairs ; PlusD label: Political Affairs--Government; …`).
 */
function describeTag(code: string, dicts: Dictionaries): { text: string; meanings?: readonly string[]; context?: string; also?: readonly string[]; notes?: readonly string[]; sources?: string } {
  const [entry, ...others] = tagEntries(dicts, code);
  if (entry) {
    // A code two families share (AU: Austria and the African Union) says each: which one a cable means, its context decides.
    const also = others.flatMap((o) => {
      const { text, meanings, context } = describeTagEntry(code, o, dicts);
      return [`Also ${text.slice(code.length + 2)}${meanings ? ` ${meanings.join('; ')}` : ''}`, ...(context ? [context] : [])];
    });
    const sources = [entry, ...others].map((e) => e.source).join(' | ');
    const own = describeTagEntry(code, entry, dicts);
    // Two established meanings (AU): the reference says the context decides between them.
    const decides = others.some((o) => o.verified) && entry.verified ? ['Which one a cable means, its context decides.'] : [];
    // The reference's notes that change how the code reads: RI is Serbia in FIPS 10-4, but Embassy Belgrade writes SR.
    const notes = [entry, ...others].filter((e) => e.note !== undefined).map((e) => `${others.length > 0 ? `${e.family} TAG: ` : ''}${tagNote(e.note!)}`);
    return { ...own, ...(also.length > 0 && { also: [...also, ...decides] }), ...(notes.length > 0 && { notes }), sources };
  }
  // An unknown four-letter code still tells its family by its first letter.
  if (/^K[A-Z]{3}$/.test(code)) return { text: `${code}: program TAG (K…); meaning not in the dictionary.` };
  if (/^[A-Z]{4}$/.test(code) && dicts.categories.has(code[0])) {
    return { text: `${code}: subject TAG, category ${code[0]} (${categoryName(code[0], dicts)}); meaning not in the dictionary.` };
  }
  if (/^[A-Z]{2}$/.test(code)) return { text: `${code}: geographic TAG; code not in the dictionary.` };
  return { text: `${code}: not in the dictionary.` };
}

/** What the reference found of an embassy's host-country TAG, as a sentence of its hover and completion. */
export function hostCountryLine(host: HostTag): string {
  return `The host country's TAG of Embassy ${host.embassy}: ${host.carried} of ${host.of} of its released cables carry it.`;
}

/** A TAG's note as a sentence: one read off the released cables says so ("corpus: Embassy Belgrade …" → "In the released cables: Embassy Belgrade …"). */
export function tagNote(note: string): string {
  return note.startsWith('corpus: ') ? corpusNote(note.slice(8)) : `Note: ${note}.`;
}

/** What the corpus analysis adds to an entry (`note`, escaped for Markdown where it goes in as it is), as a sentence of the hover. */
function corpusNote(note: string): string {
  return `In the released cables: ${note}.`;
}

/** One entry's line: its family, and its meaning or that none is established; several meanings as a list. */
function describeTagEntry(code: string, entry: TagEntry, dicts: Dictionaries): { text: string; meanings?: readonly string[]; context?: string } {
  const family = entry.family === 'subject' ? `subject TAG, category ${entry.category} (${categoryName(entry.category, dicts)})` : `${entry.family} TAG`;
  if (!entry.verified) {
    const context = unverifiedNote(entry);
    return { text: `${code}: ${family}; meaning unverified: the dictionary's sources do not establish it.`, ...(context && { context }) };
  }
  // The reference joins the meanings its sources give with " ; " (a PlusD label holds a ";" of its own, without the
  // space before it): one line read as one sentence, so each is an item of its own.
  // A meaning only secondary sources give (PREL's PlusD label, KISL's blog description) is said to be so.
  const meanings = entry.meaning.split(' ; ').map((m) => m.trim()).filter((m) => m.length > 0);
  if (meanings.length > 1) return { text: `${code}: ${family}. The sources give these meanings${entry.secondary ? ' (secondary sources only)' : ''}:`, meanings };
  return { text: `${code}: ${family}. ${entry.meaning}${qualifier(entry)}` };
}

function categoryName(letter: string | undefined, dicts: Dictionaries): string {
  const c = letter ? dicts.categories.get(letter) : undefined;
  // "Political Affairs (example members PGOV, …): …" → "Political Affairs".
  // S, whose name the reference does not establish, says so in its row's words: "category name not established from sources".
  return c ? beforeParenthesis(c.meaning.split(':')[0]) : 'unknown category';
}

/**
 * The text before its first parenthesis, without the white space in front of it
 * ("Political Affairs (example members …)" → "Political Affairs"): what
 * `text.replace(/\s*\(.*$/, '')` gives, without the regex's quadratic retries.
 * (`.` stops at line breaks, so only a parenthesis after the last one counts.)
 */
function beforeParenthesis(text: string): string {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029'));
  const open = text.indexOf('(', lastBreak + 1);
  return open < 0 ? text : text.slice(0, open).trimEnd();
}

/** How far `to` lies from `from` in whole years and months: "10 years after the cable", "6 months before the cable". */
function distance(from: CalendarDate, to: CalendarDate): string {
  const sign = compareDates(to, from) >= 0 ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  const unit = (n: number, word: string) => (n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`);
  const span = [unit(Math.floor(months / 12), 'year'), unit(months % 12, 'month')].filter((s) => s).join(' and ');
  if (span.length === 0) return sign > 0 ? 'Less than a month after the cable' : 'Less than a month before the cable';
  return `${span} ${sign > 0 ? 'after' : 'before'} the cable`;
}

/** The header-code entry written `code` ("ZNY", "SSSSS", "BT"), if the dictionary has one. */
function headerCode(code: string, d: Dictionaries): TermEntry | undefined {
  return d.headerCodes.find((e) => e.code === code);
}

/** A header code's meaning from the dictionary, flagged when the dictionary does not establish it or has it from secondary sources only. */
function codeMeaning(entry: TermEntry): string {
  return `${esc(entry.meaning ?? '')}${qualifier(entry)}.`;
}

/**
 * The hover of a header code the dictionary lists: its kind as the title's tail, its meaning, what the corpus check says
 * the sources leave open ("meaning of XRO/XYZ not established" for VZCZCXRO…, "not observed in corpus") and its sources.
 */
function codeHover(token: Token, entry: TermEntry | undefined, fallback: string): Hover {
  if (!entry) return hover(md(esc(token.text), [fallback]), token.range);
  const note = entry.note ? corpusNote(esc(entry.note)) : '';
  return hover(md(`${esc(token.text)}: ${esc(entry.kind)}`, [codeMeaning(entry), note], [...citeSource(entry.source), ...(note ? [CORPUS] : [])]), token.range);
}

/** The hover of the BT or NNNN at `position` among `tokens`, from the dictionary's header codes, or null. */
function prosignHover(tokens: readonly Token[], position: Position, d: Dictionaries): Hover | null {
  for (const t of tokens) if (at(t, position)) return codeHover(t, headerCode(t.text.toUpperCase(), d), 'Format prosign.');
  return null;
}

/**
 * Hovers on the transmission header's format codes: VZCZC, DE, FM, TO, INFO, XMT, ZEN/, an addressee's number, BT,
 * NNNN and the security line's parts, each from the dictionary's header codes.
 */
function headerCodeHover(header: TransmissionHeader, position: Position, d: Dictionaries): Hover | null {
  const id = header.transmissionId;
  if (at(id, position)) return codeHover(id, headerCode('VZCZC', d), 'Transmission identification.');
  if (at(header.de?.prosign, position)) return codeHover(header.de.prosign, headerCode('DE', d), 'Prosign of the originating station.');
  if (at(header.from?.keyword, position)) return codeHover(header.from.keyword, headerCode('FM', d), 'Originator.');
  for (const a of [...header.to, ...header.info, ...header.xmt]) {
    if (at(a.keyword, position)) return codeHover(a.keyword, headerCode(a.keyword.text.toUpperCase(), d), 'Address prosign.');
    if (at(a.zen, position)) return codeHover(a.zen, headerCode('ZEN/', d), 'Address prefix.');
    // "TO RUEHC/SECSTATE WASHDC PRIORITY 6320": the number after the precedence, whose meaning the dictionary does not establish.
    if (at(a.serial, position)) return codeHover(a.serial, headerCode('nnnn / nnnn-nnnn', d), 'Number after the address.');
  }
  const prosign = prosignHover([...header.bt, ...(header.nnnn ? [header.nnnn] : [])], position, d);
  if (prosign) return prosign;
  for (const t of header.dtg?.trailing ?? []) if (at(t, position)) return codeHover(t, trailingCode(t, d), 'Group after the date-time group; not in the dictionary.');
  const sec = header.security;
  if (!sec) return null;
  if (at(sec.prosign, position)) return codeHover(sec.prosign, headerCode(sec.prosign.text, d), 'Security warning operating signal.');
  if (at(sec.group, position)) return codeHover(sec.group, headerCode(sec.group.text, d), `Security group: ${sec.groupLevel ?? 'unknown level'}.`);
  if (at(sec.specat, position)) return codeHover(sec.specat, headerCode('/AAAAA  /BBBBB', d), 'SPECAT suffix.');
  for (const t of sec.trailing) if (at(t, position)) return codeHover(t, trailingCode(t, d), 'Operating signal; not in the dictionary.');
  return null;
}

/** The dictionary's entry for a group after the security group or the DTG: a parenthesis is an annotation (`(CCY …)`), whatever it holds. */
function trailingCode(t: Token, d: Dictionaries): TermEntry | undefined {
  return headerCode(t.text.startsWith('(') ? '(CCY ...)' : t.text, d);
}

/**
 * Hovers on the trailer that closes the transmission: BT and NNNN, and the end-of-message serial, which
 * repeats the DE line's station serial (the dictionary's `#nnnn`); a DE serial that differs is shown.
 */
function trailerHover(trailer: Trailer, cable: Cable, position: Position, d: Dictionaries): Hover | null {
  const prosign = prosignHover([...trailer.bt, ...trailer.nnnn], position, d);
  if (prosign) return prosign;
  const eom = trailer.eom;
  if (!eom || !at(eom.token, position)) return null;
  const entry = headerCode('#nnnn', d);
  const de = cable.header?.de?.serial;
  const repeats = 'End-of-message validation line: it repeats the station serial number of the DE line';
  const lines = [
    de === undefined ? `${repeats}.` : de.value === eom.serial.value ? `${repeats} (${esc(`#${de.text}`)}).` : `${repeats}, but the DE line has ${esc(`#${de.text}`)}.`,
    entry ? codeMeaning(entry) : '',
  ];
  return hover(md(`${esc(eom.token.text)}: ${esc(entry?.kind ?? 'station serial number')}`, lines, entry ? citeSource(entry.source) : citeDocuments(['W16', 'TALK16', 'TPUB5'], d)), eom.token.range);
}

/** Hover at a position, or null: Markdown, or plain text when `ctx.plainText` says so. */
export function getHover(cable: Cable, position: Position, ctx: HoverContext): Hover | null {
  const h = markdownHover(cable, position, ctx);
  if (!h || !ctx.plainText) return h;
  return { contents: { kind: MarkupKind.PlainText, value: toPlainText((h.contents as MarkupContent).value) }, range: h.range };
}

/**
 * True when `position` is on the "(" that opens the reason letter at `letter`: right before it ("(b)"), or the last
 * character of the line above when the line wraps between them ("… 1.4 (b) and (" over "d)."). `lines` are as the parser
 * read them (`linesAsRead`), where the letter may open its line past a scan's margin ("07 d).").
 */
function isOpeningParen(lines: readonly string[], letter: Position, position: Position): boolean {
  const text = lines[position.line] ?? '';
  if (text.charCodeAt(position.character) !== 40 /* ( */) return false;
  if (position.line === letter.line) return position.character === letter.character - 1;
  return position.line === letter.line - 1 && text.trimEnd().length === position.character + 1 && (lines[letter.line] ?? '').slice(0, letter.character).trim() === '';
}

/** Hover at a position in Markdown, or null. */
function markdownHover(cable: Cable, position: Position, ctx: HoverContext): Hover | null {
  const d = ctx.dictionaries;
  // TAGS.
  for (const tag of cable.tags?.tags ?? []) {
    if (!at(tag.token, position)) continue;
    if (tag.role === 'person') return hover(md(esc(tag.code), ['Person named after an OVIP-style TAG (visitor, official).']), tag.token.range);
    // An unverified meaning keeps its row's context, said to be unverified ("Yemen is YM" under YE).
    const { text, meanings, context, also, notes, sources } = describeTag(tag.code, d);
    // "PG0V": a zero for O, a one for I or L, that reads as one known TAG, as CBL051's fix offers it.
    const meant = tagEntries(d, tag.code).length === 0 ? misreadTag(tag, (c) => tagEntries(d, c).length > 0) : undefined;
    const misread = meant === undefined ? [] : [`\`${esc(tag.token.text)}\` may be ${meant} misread: ${esc(describeTag(meant, d).text)}`];
    const cited = sources ? citeSource(sources) : [];
    // The embassy's own country (FORMAT.md §7 rule 23): the TAG an index by country files the cable under.
    const host = hostTagOf(cable);
    const hostLine = host?.tag === tag.code ? [hostCountryLine(host)] : [];
    // A note read off the released cables ("corpus: Embassy Belgrade cables never use RI") is corpus analysis.
    if ((hostLine.length > 0 || notes?.some((n) => /\b(?:corpus|released cables)\b/.test(n))) && !cited.some((c) => c.startsWith(CORPUS))) cited.push(CORPUS);
    return hover(md(`TAG ${esc(tag.code)}`, [esc(text), ...(meanings ?? []).map((m) => `- ${esc(m)}`), ...(context ? [esc(context)] : []), ...(also ?? []).map(esc), ...(notes ?? []).map(esc), ...misread, ...hostLine], cited), tag.token.range);
  }
  // A released copy's date line ("Friday, 31 July 2009, 06:59", or a date-time group alone: "080857Z Jul 05").
  for (const p of cable.preamble) {
    if (p.kind !== 'date-line' || !at(p.token, position)) continue;
    // A header of another cable (its DE serial not the banner's, 07PARIS2725's) leaves the date line to date the text.
    const dated = headerDatesCable(cable)
      ? 'The date-time group of the transmission header dates this cable.'
      : `It dates this cable: the cable's id and the dates the rules and hovers measure from.${cable.header?.dtg?.dtg?.valid ? " The transmission header's DE serial is not the banner's: the header belongs to another cable, whose date its date-time group gives." : ''}`;
    // A partial extract's date-time group gives its time too: "17 November 2005, 1719Z".
    const lines = p.date ? [p.dtg ? readableIso(p.dtg) : readableDate(p.date.year, p.date.month, p.date.day), dated] : ['Not a real date.'];
    return hover(md('Date line', lines, citeDocuments(['corpus'], d)), p.token.range);
  }
  const header = cable.header;
  if (header) {
    const code = headerCodeHover(header, position, d);
    if (code) return code;
    // "INFO  LOG-00   EEB-00 …": a printout's office distribution (FORMAT.md §1), which nothing else in its lines explains.
    for (const l of header.lines) {
      if (l.kind !== 'distribution' || !contains(l.range, position)) continue;
      const lines = ['A line of the office distribution block a printout of this cable carries (`Distribution:`, office symbols under ACTION and INFO, each with a number after a hyphen, `LOG-00`). What the numbers and the block\'s other groups (`TED1302`, `/000W`, `EE9C66  240653Z /38`) count is not established (unverified).'];
      return hover(md('Printout distribution', lines, citeDocuments(['corpus'], d)), l.range);
    }
    // Routing indicators: the dictionary's station and this cable's own pairing.
    const addressees = [...header.to, ...header.info, ...header.xmt];
    const ris: Token[] = [...(header.routing?.routingIndicators ?? []), ...(header.de?.station ? [header.de.station] : [])];
    for (const ri of ris) {
      if (!at(ri, position)) continue;
      return hover(describeRi(ri.text, cable, d), ri.range);
    }
    // An addressee's indicator is paired with its own address: "RUEKJCS/SECDEF WASHDC" under TO and
    // "RUEKJCS/JOINT STAFF WASHDC" under INFO are two pairings.
    for (const a of addressees) {
      if (a.routingIndicator && at(a.routingIndicator, position)) return hover(describeRi(a.routingIndicator.text, cable, d, a), a.routingIndicator.range);
    }
    // "FM AMEMBASSY NOWHERE": the originator, with the station the DE line sends from, as the preview's card gives them.
    const from = header.from?.address;
    if (from && at(from, position)) {
      const station = header.de?.station;
      const entry = station && d.routingIndicators.get(station.text);
      const lines = ['Plain-language address of the originator.'];
      if (station) lines.push(`Sent from station ${esc(station.text)} (the DE line)${entry && entry.address.length > 0 ? `, which the routing-indicator dictionary names ${esc(entry.address)}` : ''}.`);
      const fm = headerCode('FM', d);
      return hover(md(esc(from.text), lines, fm ? citeSource(fm.source) : []), from.range);
    }
    for (const a of addressees) {
      if (at(a.address, position)) {
        const lines = [`Plain-language address${a.routingIndicator ? ` paired with ${esc(a.routingIndicator.text)} in this cable` : ''}.`];
        if (a.precedence) lines.push(`Precedence: ${esc(a.precedence.text)}.`);
        // "PRIORITY 3187": the number's own hover says its meaning is not established, and so does this one.
        if (a.serial) lines.push(`Number after the ${a.precedence ? 'precedence' : 'address'}: ${esc(a.serial.text)}; what it counts is not established (unverified).`);
        return hover(md(esc(a.address!.text), lines), a.address!.range);
      }
      if (at(a.precedence, position)) return hover(md(esc(a.precedence!.text), ['Precedence of the message for this addressee.'], citeDocuments(['FAH2-230', 'corpus'], d)), a.precedence!.range);
    }
    if (header.routing && at(header.routing.pair, position)) {
      const p = header.routing.precedence;
      const prosign = headerCode(header.routing.pair.text[0], d);
      // "OO" over "P 031322Z JUN 09" repeats no precedence of the DTG line (CBL008): said so, not that they are equal.
      const action = header.dtg?.prosigns[0];
      const differs = action !== undefined && action.text !== header.routing.pair.text[0];
      const repeats = differs
        ? `${p ?? 'Unknown'} precedence, written twice. The DTG line's action precedence is ${esc(action.text)} (${header.dtg!.precedences[0] ?? 'unknown'}), which it should equal.`
        : action === undefined
          ? `${p ?? 'Unknown'} precedence, written twice; it repeats the action precedence of the DTG line, which this header does not give.`
          : `${p ?? 'Unknown'} precedence, written twice; equals the action precedence of the DTG line.`;
      // The prosign's words when they say more than the precedence's name, with their sources: "PRIORITY (used in 2000s
      // cables; the current FAM list of designators omits it)" was cited to the precedence pair's document alone.
      const more = prosign && prosign.meaning !== p ? codeMeaning(prosign) : '';
      return hover(md(`Precedence pair ${esc(header.routing.pair.text)}`, [repeats, more], [...citeDocuments(['ARMY'], d), ...(more ? citeSource(prosign!.source) : [])]), header.routing.pair.range);
    }
    const dtg = header.dtg;
    if (dtg) {
      for (const [i, p] of dtg.prosigns.entries()) {
        if (!at(p, position)) continue;
        const entry = headerCode(p.text, d);
        // The dictionary's words when they say more than the precedence's name ("FLASH: highest normal precedence, …", not "IMMEDIATE").
        const more = entry && entry.meaning !== dtg.precedences[i] ? codeMeaning(entry) : '';
        return hover(md(`Prosign ${esc(p.text)}`, [`${dtg.precedences[i] ?? 'Unknown'} precedence${dtg.prosigns.length === 2 ? (p === dtg.prosigns[0] ? ' (action)' : ' (information)') : ''}.`, more], entry ? citeSource(entry.source) : citeDocuments(['PREC'], d)), p.range);
      }
      if (dtg.dtg && at(dtg.dtg.token, position)) {
        const g = dtg.dtg;
        const lines = g.valid
          ? [
              readableDtg(g),
              `${WEEKDAYS[new Date(Date.UTC(g.year, g.month - 1, g.day)).getUTCDay()]}, day ${dayOfYear(g.year, g.month, g.day)} of ${g.year}.`,
            ]
          : ['Not a real date and time.'];
        // 07PARIS2725: a Paris header over MOSCOW 005154's text, which its date line dates.
        if (g.valid && !headerDatesCable(cable)) lines.push("The DE serial is not the banner's: this header belongs to another cable, and the date line above the banner dates this cable's text.");
        return hover(md(`Date-time group ${esc(g.token.text)}`, lines, citeDocuments(['PREC', 'RM', 'W16'], d)), g.token.range);
      }
    }
    const de = header.de;
    if (de && contains(de.range, position)) {
      const lines: string[] = [];
      if (de.station) lines.push(`Station: ${esc(de.station.text)}${d.routingIndicators.get(de.station.text) ? ` (${d.routingIndicators.get(de.station.text)!.address})` : ''}`);
      if (de.serial) lines.push(`Station serial: ${esc(de.serial.text)}`);
      if (de.section) lines.push(`Section: ${de.section.value}`);
      if (de.julianDay) {
        const year = dtg?.dtg?.year;
        lines.push(`Julian day ${esc(de.julianDay.text)}${year ? ` = ${calendarFromJulian(year, de.julianDay.value)}` : ''}`);
      }
      if (de.time) lines.push(`Time ${esc(de.time.text)}Z`);
      return hover(md('DE line', lines.map((l) => `- ${l}`), citeDocuments(['W16', 'TALK16', 'TPUB5'], d)), de.range);
    }
    const sec = header.security;
    if (sec && contains(sec.range, position)) {
      const lines = [sec.prosign.text === 'ZNY' ? 'ZNY: classified or EFTO traffic follows.' : 'ZNR: unclassified traffic follows.'];
      if (sec.group) lines.push(`Group ${esc(sec.group.text)}: ${sec.groupLevel ?? 'unknown level'}.`);
      if (sec.trailing.some((t) => t.text === 'ZZH')) lines.push('ZZH follows the group in State cables (meaning not established).');
      return hover(md('Security line', lines, citeDocuments(['TPUB5', 'corpus'], d)), sec.range);
    }
  }
  const trailer = cable.trailer;
  if (trailer && contains(trailer.range, position)) {
    const code = trailerHover(trailer, cable, position, d);
    if (code) return code;
  }
  // Caveats first: one on the banner line ("… 000243 NOFORN", "SECRET//NOFORN …") explains itself.
  for (const c of cable.caveats) {
    if (!at(c.token, position)) continue;
    const entry = markingEntry(d, c.name);
    if (!entry) return hover(md(c.name, ['Caveat or caption; meaning not in the dictionary.']), c.token.range);
    const meaning = markingMeaning(entry);
    // The corpus analysis's note keeps a meaning from being over-read: SIPDIS came in December 2005, but earlier cables carry the word too.
    const note = entry.note ? corpusNote(esc(entry.note)) : '';
    // "SENSITIVE" under a SECRET banner: the caption of SBU telegrams, which are sent as UNCLASSIFIED, does not make this one so.
    const level = cable.banner?.level;
    const classified = c.name === 'SENSITIVE' && level !== undefined && level !== 'UNCLASSIFIED'
      ? `This cable's banner is ${level}, not UNCLASSIFIED: the released cables carry SENSITIVE on CONFIDENTIAL and SECRET cables too (32 of the 96 that carry it).`
      : '';
    return hover(md(c.name, [meaning, classified, note], [...citeSource(entry.source), ...(note || classified ? [CORPUS] : [])]), c.token.range);
  }
  // Banner.
  for (const b of cable.banners) {
    if (!contains(b.range, position)) continue;
    // What the level means (markings.tsv's classification-level rows), and the hedge of a spelling the reference reads only
    // by analogy: `T O P S E C R E T` is no released cable's, and its row is unverified, so the level is not stated bare
    // (its row's source is "none (not observed …)", which names no document to cite).
    const level = d.markings.get(b.level);
    const meaning = level?.kind === 'classification level' ? level : undefined;
    const spelling = d.markings.get(b.levelText.text.toUpperCase());
    const guessed = spelling?.kind === 'banner spelling' && !spelling.verified ? spelling : undefined;
    const lines = [`Level: **${b.level}**${guessed ? ', if this spelling is a banner' : ''}${meaning ? `: ${esc(markingMeaning(meaning))}` : ''}`];
    if (guessed) lines.push(`Spelling '${esc(b.levelText.text)}': ${esc(markingMeaning(guessed))}`);
    const efto = b.efto && d.markings.get('UNCLAS EFTO');
    if (efto) lines.push(`EFTO: ${esc(markingMeaning(efto))}`);
    if (b.section) lines.push(`Section ${b.section.number.value} of ${b.section.total.value}`);
    if (b.post) lines.push(`Post: ${esc(b.post.text)}`);
    if (b.serial) lines.push(`Serial: ${esc(b.serial.text)}`);
    if (cable.id && !b.repeated) lines.push(`Canonical id: \`${cable.id}\``);
    else if (ctx.citingId && !b.repeated) lines.push(`Canonical id: \`${ctx.citingId}\` (from the file name)`);
    if (b.form === 'damaged') lines.push(`Spelling is damaged: '${esc(b.levelText.text)}'.`);
    if (b.joined) lines.push(`Caveats joined to the level: '${esc(b.joined.text)}'.`);
    const sources = [...(meaning ? citeSource(meaning.source) : []), ...(guessed ? citeSource(guessed.source).filter((c) => c !== 'none given') : []), ...(efto ? citeSource(efto.source) : []), ...citeDocuments(['corpus'], d)];
    return hover(md('Classification banner', lines.map((l) => `- ${l}`), sources), b.range);
  }
  // A corrected-copy notice under the banner ("C O R R E C T E D C O P Y (PRIMARY TAG)") or above it, and what it says was corrected.
  // A notice that says nothing more may have what was corrected on the line under it, which hovers as the notice.
  const notices = [...cable.correctedCopy, ...cable.preamble.filter((p) => p.kind === 'editorial').map((p) => p.token)];
  for (let k = 0; k < notices.length; k++) {
    const notice = notices[k];
    let reason = correctedCopyReason(notice.text);
    if (reason === undefined) continue;
    const under = reason === '' && k + 1 < notices.length && notices[k + 1].range.start.line === notice.range.end.line + 1 && correctedCopyReason(notices[k + 1].text) === undefined ? notices[k + 1] : undefined;
    if (!contains(notice.range, position) && !(under && contains(under.range, position))) continue;
    if (under) reason = under.text.trim();
    const lines = ['The notice of a corrected retransmission: the cable was sent again with a correction.', reason ? `What was corrected, as ${under ? 'the line under it gives' : 'the line gives'} it: ${esc(reason)}.` : 'The line does not say what was corrected.'];
    return hover(md('Corrected copy', lines, citeDocuments(['corpus'], d)), under ? { start: notice.range.start, end: under.range.end } : notice.range);
  }
  // Portion markings: a paragraph's, the subject's, those that open an item or a line inside the text ("¶B. (S/NF) …", "(C) Status of …"),
  // and a heading's ("BACKGROUND (U)").
  // Only those that may hold the position: the paragraph's there (its marking stands after its number, on its line),
  // found by binary search, and the item markings on its line, so that a hover reads no list of a long document whole.
  const { paragraphs, itemMarkings } = cable;
  const markings = [paragraphs[paragraphIndexAt(paragraphs, position.line, position.character)]?.portion, cable.subject?.portion];
  for (let i = partitionPoint(itemMarkings, (m) => m.portion.inner.range.start.line < position.line); i < itemMarkings.length && itemMarkings[i].portion.inner.range.start.line === position.line; i++) markings.push(itemMarkings[i].portion);
  // "BACKGROUND (U)": a heading's marking, on the line of the heading's words, found by binary search as well.
  const { headings } = cable;
  for (let i = partitionPoint(headings, (h) => h.text.range.start.line < position.line); i < headings.length && headings[i].text.range.start.line === position.line; i++) markings.push(headings[i].marking);
  for (const m of markings) {
    if (!m) continue;
    if (!at(m.token, position)) continue;
    const lines = [describeMarking(m) + (m.controls.includes('NF') ? ': not releasable to foreign nationals' : '')];
    // A release list's control, as the caveat's hover gives it: "(C/Rel Aus)", "(S//REL TO USA, FVEY)".
    const rel = m.controls.find((c) => c.startsWith('REL '));
    const relEntry = rel === undefined ? undefined : markingEntry(d, rel);
    if (relEntry?.meaning) lines.push(`REL TO ${esc(rel!.slice(4))}: ${esc(markingMeaning(relEntry))}.`);
    if (!m.wellFormed) {
      // "(S/NOFRN)": the control an unknown word is one letter from, as CBL029's fix offers it.
      const slip = misspeltControl(m);
      const guess = slip ? ` \`${esc(slip.word)}\` may be ${slip.control} misspelt.` : '';
      lines.push(`This spelling is not a known form.${guess}`);
    }
    return hover(md(`Portion marking ${esc(m.token.text)}`, lines, citeDocuments(['FAH1-246', 'ISM', 'corpus'], d)), m.token.range);
  }
  // E.O. line.
  const eo = cable.eo;
  if (eo && contains(eo.range, position)) {
    if (eo.decl && contains(eo.decl.value.range, position)) return hover(describeDecl(cable, d), eo.decl.value.range);
    const order = d.eo.find((e) => e.kind === 'order' && e.order !== undefined && beforeParenthesis(e.order).endsWith(eo.order?.text ?? '#'));
    const lines = [order ? `${order.summary}` : 'Not a known classification order.', // The reference's dates column holds what the sources date, signed, effective or superseded ("effective 1978-12-01").
    order?.effective ? `Dates: ${order.effective}` : ''];
    const sources = order ? citeSource(order.source) : [];
    if (eo.order?.text === '12958') {
      // Only what the sources date: when each later order was signed, and what it did. When the amendment took
      // effect is not established, so the hover does not say which text governed the cable.
      const amended = amendment(cable, d);
      if (amended) {
        lines.push(`${amended.why}: ${amended.entry.summary}.`, amended.entry.effective ? `Amendment: ${amended.entry.effective}` : '');
        sources.push(...citeSource(amended.entry.source));
      }
      const revoked = revocation(cable, d);
      if (revoked) {
        lines.push(`This cable is dated after E.O. 13526 was signed: ${revoked.summary}.`, revoked.effective ? `E.O. 13526: ${revoked.effective}` : '');
        sources.push(...citeSource(revoked.source));
      }
    }
    return hover(md(`E.O. ${esc(eo.order?.text ?? '')}`, lines, sources), eo.range);
  }
  // Classification reasons.
  const clby = cable.classifiedBy;
  if (clby) {
    // The section number before the letters ("1.4 (b) and (d)", "1.5(d)"): which order's list the letters are read in.
    if (clby.section && at(clby.section, position)) {
      const { section, order, entry } = reasonEntry(cable, clby.reasonLetters[0] ?? '', d);
      const lines = [`The section of the classification order that lists the reasons for classifying: ${order}.`];
      if (clby.reasonLetters.length > 0) lines.push(`This line gives ${count(clby.reasonLetters.length, 'reason', 'reasons')} under sec. ${section}: (${clby.reasonLetters.join('), (')}); each letter's hover gives its meaning.`);
      // The source the reasons' hovers cite for this order, or the amended order's text.
      return hover(md(`Section ${section}`, lines, entry ? citeSource(entry.source) : citeDocuments(['EO13292'], d)), clby.section.range);
    }
    for (let i = 0; i < clby.reasons.length; i++) {
      const r = clby.reasons[i];
      // "(b)": the "(" before the letter is the reason's too, as its ")" is (the range's end).
      if (!isOpeningParen(linesAsRead(cable), r.range.start, position) && !at(r, position)) continue;
      const letter = clby.reasonLetters[i];
      const { section, order, entry, assumed } = reasonEntry(cable, letter, d);
      const meaning = entry ? `${entry.summary}${qualifier(entry)}.` : 'Not a category of this section.';
      // A letter the line gives without a section ("DSCG 05-1 B, D"): what it means under sec. 1.4, said to be a reading.
      const under = assumed ? `The line names no section of the order: this is the letter's meaning if it is read under ${order}.` : `Under ${order}.`;
      return hover(md(`Reason ${assumed ? '' : section}(${letter})`, [meaning, under], entry ? citeSource(entry.source) : []), r.range);
    }
  }
  // REF items, resolved to workspace cables.
  for (const item of cable.refs?.items ?? []) {
    if (contains(item.range, position)) return hover(md(refTitle(item), [...refMarkingLines(item), ...(item.cable ? citedCableLines(cable, item, ctx) : [item.citation.text === '' ? 'No citation written after the letter' : `Reference: ${esc(item.citation.text)}`])]), item.range);
  }
  for (const page of cable.pageLines) {
    if (!contains(page.token.range, position)) continue;
    // "001.4 OF 002": the page is the part before the dot; what the suffix counts (a revision?) is not established.
    const suffix = page.subpage === undefined ? '' : `The suffix .${page.subpage} after the page number is not part of it; what it counts is not established (unverified).`;
    // "VALLETTA 0000#412 002 OF 002": a damaged page line gives the numbers it still reads, and says which it lost.
    const read = (n: NumberToken | undefined) => (n ? String(n.value) : 'unreadable');
    const damaged = page.damaged ? 'Its numbers are damaged: a letter O is read as 0 and l or I as 1, and a number the damage left unreadable is not checked.' : '';
    return hover(md('Continuation page', [`Page ${read(page.page)} of ${read(page.total)} of ${esc(page.post.text)} ${read(page.serial)}.`, suffix, damaged], citeDocuments(['corpus'], d)), page.token.range);
  }
  // A 2000-era printout's page header (FORMAT.md §1): what it is, since nothing else in the line says so.
  for (const header of cable.oldPageHeaders) {
    if (!contains(header.token.range, position)) continue;
    return hover(md('Printout page header', [`Page ${header.page} of a printout of this cable: 2000-era printouts head each page after the first with a line like this one.`], citeDocuments(['corpus'], d)), header.token.range);
  }
  return fieldHover(cable, position, d) ?? inTextHover(cable, position, ctx) ?? handlingNoticeHover(cable, position, d) ?? passingLineHover(cable, position, d);
}

/** "¶ 13." for paragraph 3: the number as the release's copy writes it, and the one it is read as. */
function pilcrowNote(p: Paragraph): string {
  return `Written ${p.number}, read as ${p.readAs} (the release's pilcrow artifact).`;
}

/** A count with its noun: "1 TAG", "3 TAGS". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What a field's keyword (`TAGS:`, `SUBJECT:`, `REF:`, `Classified By:`), a paragraph's number or the signature is, as
 * FORMAT.md §5 and §6 describe it, and what this cable gives there: for a writer who meets the field for the first time.
 */
function fieldHover(cable: Cable, position: Position, d: Dictionaries): Hover | null {
  const { tags, subject, refs, classifiedBy } = cable;
  if (tags && at(tags.keyword, position)) {
    const lines = [
      'Filing terms: subject TAGS (four letters, the first naming the category, `PREL`), program TAGS (`K…`), geo-political TAGS (two letters, based on FIPS 10-4), organization acronyms, and personal names after operational TAGS (`OVIP`). Their order is free.',
      `This cable gives ${count(tags.tags.filter((t) => t.role !== 'person').length, 'TAG', 'TAGS')}.`,
    ];
    return hover(md('TAGS field', lines, citeDocuments(['FAM-TAGS', 'FAH3-612', 'corpus'], d)), tags.keyword.range);
  }
  if (subject && at(subject.keyword, position)) {
    const lines = ['The subject line: it may wrap over several lines, and may open with its own portion marking (`SUBJECT: (C) …`).'];
    if (subject.portion) lines.push(`This subject is marked ${esc(subject.portion.token.text)}.`);
    return hover(md('SUBJECT field', lines, citeDocuments(['corpus'], d)), subject.keyword.range);
  }
  if (refs && at(refs.keyword, position)) {
    const letters = refs.items.map((i) => i.letter).filter((l) => l !== undefined);
    const lines = [
      'The references: the cables and other documents this cable cites, lettered `A.`, `B.` … when there are several. The text names them as `ref A` or `reftel`.',
      `This cable gives ${count(refs.items.length, 'item', 'items')}${letters.length > 0 ? `: ${letters.join(', ')}` : ''}.`,
    ];
    return hover(md('REF field', lines, citeDocuments(['corpus'], d)), refs.keyword.range);
  }
  if (classifiedBy && at(classifiedBy.keyword, position)) {
    const lines = ['Who classified the cable, with the reasons: the section of the classification order that lists them (1.4, or 1.5 in E.O. 12958 before its 2003 amendment) and their letters. A derivative classification reads `Derived from …`.'];
    // "DERIVED FROM: DSCG 05-1 B, D" names no section of the order: its letters are reasons, not a section's name.
    if (classifiedBy.reasonLetters.length > 0) lines.push(`This line gives ${classifiedBy.sectionValue ?? 'reasons'} (${classifiedBy.reasonLetters.join('), (')}).`);
    return hover(md('Classified By', lines, citeDocuments(['FAH1-246', 'EO13292', 'corpus'], d)), classifiedBy.keyword.range);
  }
  // "SUBJECT: FERRY TALKS" ⏎ "SUBJECT: PIER FEES": the second of a field written twice, which the cable's reading leaves aside.
  for (const repeat of cable.repeatedFields) {
    if (!at(repeat.keyword, position)) continue;
    const lines = [`A second ${repeat.field} field: the first is the cable's, and this one is kept apart from it.`, repeat.text === '' ? 'It gives nothing.' : `It says: ${esc(repeat.text)}`];
    return hover(md(`${repeat.field}, written again`, lines), repeat.keyword.range);
  }
  const { paragraphs } = cable;
  const p = paragraphs[paragraphIndexAt(paragraphs, position.line, position.character)];
  if (p && at(p.marker, position)) {
    const lines = [`This cable numbers ${count(paragraphs.length, 'paragraph', 'paragraphs')}. The handbook asks for a portion marking after every paragraph number.`];
    if (p.portion) lines.push(`Marked ${esc(p.portion.token.text)}: ${describeMarking(p.portion)}.`);
    else lines.push('It has no portion marking.');
    if (p.readAs !== p.number) lines.push(pilcrowNote(p));
    return hover(md(`Paragraph ${p.readAs}`, lines, citeDocuments(['FAH1-246'], d)), p.marker.range);
  }
  const signature = cable.signature;
  for (const name of [signature?.token, signature?.twice]) {
    if (!name || !at(name, position)) continue;
    const lines = ["The signature: usually the chief of mission's surname, or the Secretary's on Department cables."];
    return hover(md(`Signature ${esc(name.text)}`, lines, citeDocuments(['corpus'], d)), name.range);
  }
  return null;
}

/**
 * An office or passing line above the E.O. line ("DEPARTMENT FOR EUR/WE", "STATE PASS TO USAID"; FORMAT.md §3,
 * item 4), which nothing else explains; a handling notice written there keeps its own hover.
 */
function passingLineHover(cable: Cable, position: Position, d: Dictionaries): Hover | null {
  const l = cable.passingLines.find((t) => contains(t.range, position));
  // "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.": a handling notice, which passes the cable to no one.
  // (`search` reads the global expression from the line's start and leaves it as it was.)
  if (!l || l.text.search(HANDLING_NOTICE) >= 0) return null;
  // "E.O. 1", "Classified": a field's label being typed, which reads as a passing line until it is whole.
  const candidates = labelsBegun(l.text);
  // "E.O." may go on with either order: the one in effect on the cable's date, else today's, as completion offers it.
  const order = orderInEffect(cable.date);
  const label = candidates.find((f) => !f.label.startsWith('E.O.') || f.label.includes(order)) ?? candidates[0];
  if (label) return hover(md(`${label.field}, being typed`, [`\`${esc(l.text.trim())}\` begins the ${label.field}'s label, which is read as that field once it is whole: \`${label.example}\`.`]), l.range);
  const lines = [
    'A line above the E.O. line that names, as it is written, the offices or people of an addressee the cable is for (`DEPARTMENT FOR EUR/WE`, `NSC FOR …`) or whom an addressee is asked to pass it to (`STATE PASS TO USAID`).',
    'In the released cables: such lines in 593 (46.0%), often wrapped over several lines.',
  ];
  return hover(md('Office passing line', lines, citeDocuments(['corpus'], d)), l.range);
}

// A handling notice written out in a line of its own or of the text: "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.",
// "(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR INTERNET DISTRIBUTION."
const HANDLING_NOTICE = /\b(?:SENSITIVE\s+BUT\s+UNCLASSIFIED|NOT\s+FOR\s+INTERNET\s+DISTRIBUTION)\b/gi;

/**
 * The marking a handling notice's words name, hovered where no caveat line reads them. The words may wrap
 * ("… NOT FOR INTERNET" ⏎ "DISTRIBUTION."), so the position's line is read with the lines on either side, and no more.
 */
function handlingNoticeHover(cable: Cable, position: Position, d: Dictionaries): Hover | null {
  const first = Math.max(0, position.line - 1);
  const lines = cable.lines.slice(first, position.line + 2);
  const text = lines.join('\n');
  // Where each line starts in the joined text, to turn an offset back into a position.
  const starts: number[] = [];
  for (let i = 0, n = 0; i < lines.length; n += lines[i].length + 1, i++) starts.push(n);
  const positionOf = (offset: number) => {
    let i = starts.length - 1;
    while (starts[i] > offset) i--;
    return { line: first + i, character: offset - starts[i] };
  };
  for (const m of text.matchAll(HANDLING_NOTICE)) {
    const r = { start: positionOf(m.index), end: positionOf(m.index + m[0].length) };
    if (!contains(r, position)) continue;
    const name = m[0].toUpperCase().replace(/\s+/g, ' ');
    const entry = markingEntry(d, name);
    if (!entry) return null;
    const meaning = markingMeaning(entry);
    const where = 'Written as a handling notice in the text, not as a caveat line under the banner; the banner gives the classification.';
    return hover(md(name, [meaning, where], citeSource(entry.source)), r);
  }
  return null;
}

/**
 * The marking a REF item opens with (`(S/NF)` of `¶B. (S/NF) STATE 30122`), spelt out, as the REF field gives it: the
 * handbook and the reference say nothing of what it marks (the item's words, or the cable cited), so the hover says
 * only what is written. None for an item without one.
 */
function refMarkingLines(item: RefItem): string[] {
  const m = item.marking;
  return m ? [`Marking on this item: \`${esc(m.token.text)}\` (${esc(describeMarking(m))})`] : [];
}

/** A REF item's hover title: "REF B", or "REF" for an item the field gives no letter. */
function refTitle(item: RefItem): string {
  return `REF ${item.letter ?? ''}`.trim();
}

/**
 * What the hovers of a REF item that cites a cable say of that cable, on the item in the REF field and on an in-text
 * reference to it alike: its canonical id, where the year of a citation that gives none comes from, and the workspace
 * cable's subject, date and classification, or that no workspace file holds it (or none read so far, while the index
 * is still being built).
 */
function citedCableLines(cable: Cable, item: RefItem, ctx: HoverContext): string[] {
  const citing = cable.id ?? ctx.citingId;
  const id = citedId(item, citing);
  const found = id ? ctx.lookupCable?.(id) : undefined;
  const lines = [`Cable ${esc(id ?? item.citation.text)}`];
  // "O9 LISBON 412", "09 LISBON 4l2": a year or serial with a letter for a digit, read as the one meant (CBL052 reports it).
  if (item.cable?.misreadYear !== undefined) lines.push(`The year \`${esc(item.cable.misreadYear)}\` is read as ${serialDigits(item.cable.misreadYear)}, a letter typed or scanned for a digit.`);
  if (item.cable?.misread !== undefined) lines.push(`The serial \`${esc(item.cable.misread)}\` is read as ${serialDigits(item.cable.misread)}, a letter typed or scanned for a digit.`);
  if (item.cable && item.cable.year === undefined && id && citing) lines.push(yearNote(id, citing, item.cable.number, cable.date));
  if (found) lines.push(`**${esc(found.subject ?? '(no subject)')}**`, [found.dtg ? readableIso(found.dtg) : '', found.classification].filter((s) => s).join(' · '));
  else if (id) lines.push(ctx.indexBuilding ? 'Not in the workspace index yet: the workspace is still being read.' : 'Not in this workspace.');
  return lines;
}

/**
 * The hover of an in-text reference ("ref B", "(ref C)", each letter of "refs A and B", "reftel", "para 5", each number
 * of "paras 3-4"): the REF item it names, as the REF field writes it and as the item's own hover tells its cable, or the
 * paragraph it names, by its marker, marking and first words and the line it starts on; one line when it names nothing.
 * Only the references of the line hovered are read ({@link findInTextReferencesOnLine}), not the whole text's, so that a
 * hover costs as little in a 10 MB concatenation of cables as in one cable.
 */
function inTextHover(cable: Cable, position: Position, ctx: HoverContext): Hover | null {
  // A list's first item is hovered on its letter or number alone, as the items after it are: its range takes in the
  // keyword ("refs A" in "refs A and B"), which names every item of the list, and a hover on "refs" showing A alone
  // would read as if "refs" meant A. A reference alone ("ref B", "para 5", "reftel") is hovered on all its text.
  const rangeOf = (r: InTextReference) => (r.opensList && r.nameRange ? r.nameRange : r.range);
  const refs = findInTextReferencesOnLine(cable, position.line);
  const ref = refs.find((r) => contains(rangeOf(r), position));
  if (!ref) {
    // The "-" or "through" of "paras 3-5": the paragraphs between the ends, which no number of the text names alone; of
    // "paras 3 -" / "5" too, from the first line.
    const end = rangeSeparatedAt(cable, position, refs);
    if (end?.rangeFrom && end.target.kind === 'paragraph') {
      const from = end.rangeFrom.number;
      return hover(md(`Paragraphs ${from} to ${end.target.number}`, rangeLines(cable, end, `The range names the paragraphs between ${from} and ${end.target.number} too:`)), end.rangeFrom.range);
    }
    return citedParagraphHover(cable, position, ctx) ?? citedRangeHover(cable, position, ctx);
  }
  const range = rangeOf(ref);
  const named = inTextTarget(cable, ref);
  const t = ref.target;
  if (t.kind === 'paragraph') {
    // "5" of "paras 3-5": what the range names between its ends, after what the number names.
    const between = ref.rangeFrom === undefined ? [] : rangeLines(cable, ref, `From ${ref.rangeFrom.number}, the range also names the paragraphs between:`);
    if (!named || !('marker' in named)) return hover(between.length > 0 ? md(`Paragraph ${t.number}`, [`No paragraph ${t.number} in this cable.`, ...between]) : `No paragraph ${t.number} in this cable.`, range);
    // Two paragraphs numbered 3 (CBL025): the number names either, and the hover shows both.
    const all = paragraphsNamed(cable, ref);
    if (all.length > 0) {
      const each = all.map((p) => paragraphListed(cable, p));
      return hover(md(`Paragraph ${t.number}`, [`${all.length} paragraphs are numbered ${t.number}, and the number names either:`, ...each, ...between]), range);
    }
    const lines = [`${esc(named.marker.text)} ${esc(paragraphOpening(cable, named))}`];
    // "¶ 13." for paragraph 3: the number as the release's copy writes it.
    if (named.number !== named.readAs) lines.push(pilcrowNote(named));
    lines.push(`Starts on line ${named.marker.range.start.line + 1}.`, ...between);
    return hover(md(`Paragraph ${t.number}`, lines), range);
  }
  if (!named || 'marker' in named) {
    const items = cable.refs?.items.length ?? 0;
    if (t.letter !== undefined) return hover(`No REF item ${t.letter} in this cable.`, range);
    // "(refs)", "see reftels": a plural keyword alone names every item.
    const all = allItemsNamed(cable, ref);
    if (all.length > 0) return hover(md(`All ${all.length} REF items`, ['The REF field:', ...all.map((i) => `- ${esc(refItemWritten(i))}`)]), range);
    // "reftel" alone under several items: ambiguous rather than dangling, which CBL045 leaves alone too.
    return hover(items > 1 ? `No single REF item: the REF field has ${items}, and no letter says which.` : 'No REF item in this cable.', range);
  }
  return hover(md(refTitle(named), [`REF field: ${esc(refItemWritten(named))}`, ...refMarkingLines(named), ...(named.cable ? citedCableLines(cable, named, ctx) : [])]), range);
}

/** A paragraph as a hover lists it among others: its line, marker and first words. */
function paragraphListed(cable: Cable, p: Paragraph): string {
  return `- Line ${p.marker.range.start.line + 1}: ${esc(p.marker.text)} ${esc(paragraphOpening(cable, p))}`;
}

/** How many of the paragraphs between a range's ends its hover lists, each on a line; the rest are counted. */
const RANGE_LISTED = 10;

/**
 * The lines of a hover that list the paragraphs between the ends of the range `end` ends ("4" of "paras 3-5"), under
 * `intro`: each by its line, marker and first words, at most {@link RANGE_LISTED}, or a line saying the cable has none.
 */
function rangeLines(cable: Cable, end: InTextReference, intro: string): string[] {
  const between = paragraphsBetween(cable, end);
  if (between.length === 0) return ['The range names no paragraph of this cable between its ends.'];
  const each = between.slice(0, RANGE_LISTED).map((p) => paragraphListed(cable, p));
  if (between.length > RANGE_LISTED) each.push(`- and ${between.length - RANGE_LISTED} more`);
  return [intro, ...each];
}

/**
 * The hover of a paragraph of a cited cable the text names ("para 3" of "REF A para 3", "para 5 of ref A", "reftel para
 * 2"), where Go to Definition goes to that paragraph of the cited cable: which item cites it, and what the item's hover
 * says of that cable. Only the mentions of the line hovered are read.
 */
function citedParagraphHover(cable: Cable, position: Position, ctx: HoverContext): Hover | null {
  const mention = findCitedParagraphsOnLine(cable, position.line).find((m) => contains(m.range, position));
  if (!mention) return null;
  const { item, number } = mention;
  const lines = [`A paragraph of the document ${item.letter === undefined ? 'the REF item cites' : `REF ${item.letter} cites`}, not of this cable.`, `REF field: ${esc(refItemWritten(item))}`];
  return hover(md(`Paragraph ${number} of ${item.letter === undefined ? 'reftel' : refTitle(item)}`, [...lines, ...(item.cable ? citedCableLines(cable, item, ctx) : [])]), mention.range);
}

/**
 * The hover of the separator of a range of a cited cable's paragraphs (the "-", "through" or "to" of "REF A paras 3-5",
 * "paras 3-5 of ref A", on one line or ending the first of two, {@link getCitedRangeAt}), where Go to Definition goes to
 * the cited cable's paragraphs between its ends: the range, which item cites it, the paragraphs between that the
 * workspace's copy of the cited cable numbers (by line, at most {@link RANGE_LISTED}), and what the item's hover says of
 * that cable. Its range is the whole range's text, as a range of the cable's own paragraphs is hovered.
 */
function citedRangeHover(cable: Cable, position: Position, ctx: HoverContext): Hover | null {
  const mention = getCitedRangeAt(cable, position);
  if (!mention?.rangeFrom) return null;
  const { item, number: to, rangeFrom: from } = mention;
  const title = item.letter === undefined ? 'reftel' : refTitle(item);
  const lines = [`The range names the paragraphs between ${from.number} and ${to} too, of the document ${item.letter === undefined ? 'the REF item cites' : `REF ${item.letter} cites`}, not of this cable.`];
  const id = citedId(item, cable.id ?? ctx.citingId);
  const found = id ? ctx.lookupCable?.(id) : undefined;
  if (found) {
    // The index keeps each paragraph's number, line, start and end; the first paragraph read as a number is the one Go to Definition goes to.
    const packed = found.paragraphMarkers ?? [];
    const lineOf = new Map<number, number>();
    for (let i = 0; i + 3 < packed.length; i += 4) if (packed[i] > from.number && packed[i] < to && !lineOf.has(packed[i])) lineOf.set(packed[i], packed[i + 1]);
    const numbers = [...lineOf.keys()].sort((a, b) => a - b);
    const name = esc(found.id ?? fileName(found.uri));
    if (numbers.length === 0) lines.push(`${name} numbers no paragraph between them.`);
    else {
      lines.push(`Between them, ${name} numbers:`, ...numbers.slice(0, RANGE_LISTED).map((n) => `- Paragraph ${n}, line ${lineOf.get(n)! + 1}`));
      if (numbers.length > RANGE_LISTED) lines.push(`- and ${numbers.length - RANGE_LISTED} more`);
    }
  }
  lines.push(`REF field: ${esc(refItemWritten(item))}`);
  return hover(md(`Paragraphs ${from.number} to ${to} of ${title}`, [...lines, ...(item.cable ? citedCableLines(cable, item, ctx) : [])]), from.range);
}

/**
 * A REF item as the REF field writes it: its letter (written twice where it is), marking, citation and labels
 * ("B. (C) 09 NOWHERE 22 (NOTAL)").
 */
function refItemWritten(item: RefItem): string {
  return [item.doubledLetter?.text, item.letterToken?.text, item.marking?.token.text, item.citation.text, ...item.labels.map((l) => l.text)].filter((s) => s !== undefined).join(' ');
}

/**
 * What a routing indicator stands for, in Markdown: the dictionary's plain-language address, the address this cable
 * pairs it with, and its sources; the hover of the indicator, and the tooltip of the DE line's inlay hint.
 * The pairing is `addressee`'s own address when the indicator is an addressee's, else every addressee line's with it.
 */
export function describeRi(code: string, cable: Cable, d: Dictionaries, addressee?: Addressee): string {
  const entry = d.routingIndicators.get(code);
  // The addressee lines that pair the indicator with an address, and their fields: on the DE line the indicator is the
  // sending station, so the hover says which line addresses it rather than implying it names the sender. An addressee's
  // own line pairs it; elsewhere (line 2, the DE line, an inlay hint) every line that names it, one address once.
  const header = cable.header;
  const fields = [['TO', header?.to], ['INFO', header?.info], ['XMT', header?.xmt]] as const;
  const pairings: { field: string; address: string }[] = [];
  for (const [field, list] of fields) {
    for (const line of addressee ? (list?.includes(addressee) ? [addressee] : []) : (list ?? []).filter((a) => a.routingIndicator?.text === code)) {
      const address = line.address?.text;
      if (address !== undefined && !pairings.some((p) => sameAddress(p.address, address))) pairings.push({ field, address });
    }
  }
  const lines: string[] = [];
  // RUEHWEB has no plain-language address in any header: it is only seen on format line 2.
  if (entry && entry.address.length === 0) lines.push(`In the dictionary with no plain-language address${entry.role ? ` (${entry.role})` : ''}`);
  else if (entry) lines.push(...dictionaryAddress(entry));
  else lines.push('Station not in the dictionary.');
  // What the corpus analysis adds (RUEHWEB: seen only after a precedence pair on line 2 of VZCZCXYZ headers).
  if (entry?.note) lines.push(`In the released cables: ${esc(entry.note)}`);
  for (const { field, address } of pairings) {
    lines.push(`This cable's ${field} line pairs it with: ${esc(address)}`);
    if (entry && entry.address.length > 0 && !sameAddress(entry.address, address)) {
      // "SECDEF WASHINGTON DC" or "JOINT STAFF WASHDC" with RUEKJCS: the reference saw it with that address too, which no one disputes.
      const times = timesSeen(entry, address);
      lines.push(times === undefined ? 'The dictionary and this cable disagree; both are shown.' : seenToo(times));
    }
  }
  // The letters' structure is FORMAT.md's [TPUB4] fact, cited beside the entry's own source, which gives only the address.
  const structure = [...(code[0] === 'R' ? ['R: tape-relay network'] : []), ...(code[1] === 'U' ? ['U: United States'] : [])].join('; ');
  lines.push(structure);
  const sources = entry ? [...citeSource(entry.source), ...(structure ? citeDocuments(['TPUB4'], d) : [])] : citeDocuments(['TPUB4', 'corpus'], d);
  return md(`Routing indicator ${esc(code)}`, lines.filter((l) => l.length > 0).map((l) => `- ${l}`), sources);
}

/**
 * The entry of E.O. 12958 as amended by E.O. 13292, when the cable was written under the amendment, and why that is known:
 * a cable dated on or after the day the amendment was signed (its entry's first date, 2003-03-25), or an undated one
 * whose Classified By line cites the amended order's sec. 1.4 (the 1995 order put the categories in sec. 1.5).
 */
function amendment(cable: Cable, d: Dictionaries): { entry: TermEntry; why: string } | undefined {
  const entry = d.eo.find((e) => e.kind === 'order' && e.order === 'E.O. 12958 as amended by E.O. 13292');
  const signed = entry && signedOn(entry);
  if (!entry || !signed) return undefined;
  if (cable.date) {
    const when = readableDate(cable.date.year, cable.date.month, cable.date.day);
    return compareDates(cable.date, signed) >= 0 ? { entry, why: `This cable is dated ${when}, after E.O. 13292 amended the order` } : undefined;
  }
  return cable.classifiedBy?.sectionValue === '1.4' ? { entry, why: "This cable cites sec. 1.4 for its reasons, the numbering of the order as amended by E.O. 13292" } : undefined;
}

/** The entry of E.O. 13526, which revoked E.O. 12958, when the cable is dated on or after the day it was signed (2009-12-29). */
function revocation(cable: Cable, d: Dictionaries): TermEntry | undefined {
  const entry = d.eo.find((e) => e.kind === 'order' && e.order === 'E.O. 13526');
  const signed = entry && signedOn(entry);
  return entry && signed && cable.date && compareDates(cable.date, signed) >= 0 ? entry : undefined;
}

/** The first date an order's `effective` text gives ("signed 2003-03-25; published …"): the day it was signed. */
function signedOn(entry: TermEntry): CalendarDate | undefined {
  const m = entry.effective ? /(\d{4})-(\d{2})-(\d{2})/.exec(entry.effective) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/**
 * Where the year of a REF citation that gives none (`A. VALLETTA 388`) comes from, since the id shown
 * is read, not written: the citing cable's year, or the year before when the citation names the
 * citing cable's own post with a number above its serial, or a number no post reaches by the citing cable's date
 * (see `citedYear`). A cable of another post cited in the first weeks of a year under a lower number may be from the
 * year before even so, which nothing in the text tells.
 */
function yearNote(citedId: string, citingId: string, number: number, date: CalendarDate | undefined): string {
  const year = fullYear(parseInt(citedId.slice(0, 2), 10));
  if (year === fullYear(parseInt(citingId.slice(0, 2), 10))) return `The citation gives no year: read as ${year}, this cable's year.`;
  // The date's reason first: it holds for any post. Without a date in the text, the year is the file name's.
  if (date && !serialFitsDate(number, date.month, date.day)) {
    const on = readableDate(date.year, date.month, date.day);
    return `The citation gives no year: read as ${year}, the year before this cable's, since no post has numbered ${number.toLocaleString('en-US')} cables of a year by ${on.slice(0, on.lastIndexOf(' '))} (the Department, the busiest sender, numbers a few hundred a day).`;
  }
  return `The citation gives no year: read as ${year}, the year before this cable's, since it names this cable's post with a number above this cable's serial.`;
}

/** Whether two plain-language addresses are one spelling, in any case and spacing. */
function sameAddress(a: string, b: string): boolean {
  return a.replace(WHITE_RUNS, ' ').trim().toUpperCase() === b.replace(WHITE_RUNS, ' ').trim().toUpperCase();
}

/**
 * What the corpus analysis says of a pairing it saw `times` times. Its count is over the headers of every released cable, and
 * the reference does not say in which ones it saw the pairing: the cable hovered may be one of them (RUEHC with DEPT OF
 * AGRICULTURE WASHINGTON DC, seen once, in 09BRASILIA1460 itself), so the count is not told as other cables' word.
 */
function seenToo(times: number): string {
  return times === 1
    ? "The corpus analysis saw it with this address too, once in the headers of the released cables it read: that may be this cable's own line."
    : `The corpus analysis saw it with this address too, ${times} times in the headers of the released cables it read (this cable's own line may be one of them).`;
}

/**
 * How many times the reference saw `address` with the entry's indicator, from its `seen` list
 * ("SECDEF WASHDC (173) | SECDEF WASHINGTON DC (169) | …"), or undefined when it never did.
 */
export function timesSeen(entry: RoutingEntry, address: string): number | undefined {
  return sightings(entry).find((s) => sameAddress(s.address, address))?.times;
}

/** The addresses the corpus analysis saw an indicator with (`seen`: `SECDEF WASHDC (173) | JOINT STAFF WASHDC (87)`), as listed: most often first. */
function sightings(entry: RoutingEntry): { address: string; times: number }[] {
  const seen: { address: string; times: number }[] = [];
  for (const part of entry.seen?.split(' | ') ?? []) {
    const open = part.lastIndexOf(' (');
    const times = open > 0 && part.endsWith(')') ? Number(part.slice(open + 2, -1)) : NaN;
    if (times > 0) seen.push({ address: part.slice(0, open), times });
  }
  return seen;
}

/** The most other addresses {@link otherAddresses} names; it counts the rest. */
const OTHER_ADDRESSES_NAMED = 5;

/**
 * The documentation of a routing indicator's completion item, when the headers of the released cables pair it with other
 * addresses than the one it writes (the dictionary's, seen most): how many, and the first few with their counts, so
 * that "RHMFISS/CDR USCENTCOM MACDILL AFB FL" does not read as the indicator's only station. Nothing for one address.
 */
export function otherAddresses(entry: RoutingEntry): { documentation?: string } {
  const others = sightings(entry).filter((s) => !sameAddress(s.address, entry.address));
  if (others.length === 0) return {};
  const named = others.slice(0, OTHER_ADDRESSES_NAMED).map((s) => `${s.address} (${s.times})`).join(', ');
  const rest = others.length - OTHER_ADDRESSES_NAMED;
  const own = timesSeen(entry, entry.address);
  return {
    documentation: `The headers of the released cables pair ${entry.code} with ${others.length + 1} addresses as written (spelling variants among them)${own === undefined ? '' : `; this one ${own} times`}. Others: ${named}${rest > 0 ? `, and ${rest} more` : ''}.`,
  };
}

/**
 * The hover's line on the dictionary's address of an indicator: its station, or, where the headers of the released cables
 * pair the indicator with many addresses and the dictionary's (the one seen most) with under half of them (RHMFISS: CDR
 * USCENTCOM 54 times of 486, HQ USEUCOM 53, …), that address with its share and the next ones, so that it does not read as
 * the station of a cable addressed to another.
 */
function dictionaryAddress(entry: RoutingEntry): string[] {
  const seen = sightings(entry);
  const total = seen.reduce((sum, s) => sum + s.times, 0);
  if (seen.length < 3 || seen[0].times * 2 >= total || !sameAddress(seen[0].address, entry.address)) return [`Station (dictionary): ${entry.address}`];
  const next = seen.slice(1, 3).map((s) => `${esc(s.address)} (${s.times})`).join(', ');
  return [
    `Address (dictionary): ${esc(entry.address)}, the one the headers of the released cables pair it with most often, ${seen[0].times} of ${total} times`,
    `They pair it with ${seen.length} different addresses as written (spelling variants among them); next most often: ${next}`,
  ];
}

/**
 * The order section a reason letter of the Classified By line is read under, the order's name, and the eo-reasons.tsv
 * entry of that letter, if the section has one: the hover of a reason and the preview's card both show it.
 */
export function reasonEntry(cable: Cable, letter: string, d: Dictionaries): { section: string; order: string; entry?: TermEntry; assumed?: true } {
  // "DERIVED FROM: DSCG 05-1 B, D" names no section: its letters are read under sec. 1.4, which the line does not say
  // (`assumed`), so that the hover and the card say so rather than give "1.4(b)" as written.
  const assumed = cable.classifiedBy?.sectionValue === undefined ? { assumed: true as const } : {};
  const section = cable.classifiedBy?.sectionValue ?? '1.4';
  // "E.O. 13526" on the E.O. line: the 2009 order's own sec. 1.4, not the 2003 wording of E.O. 12958's.
  const eo13526 = section === '1.4' && cable.eo?.order?.text === '13526';
  const orderKey = section === '1.5' ? 'E.O. 12958 (1995)' : eo13526 ? 'E.O. 13526 (2009)' : 'E.O. 12958 as amended (2003)';
  const entry = d.eo.find((e) => e.kind === 'reason' && e.order === orderKey && e.section === section && e.code === letter);
  const order = section === '1.5' ? 'E.O. 12958 (1995), sec. 1.5' : eo13526 ? 'E.O. 13526, sec. 1.4' : 'E.O. 12958 as amended by E.O. 13292, sec. 1.4';
  return { section, order, entry, ...assumed };
}

/** The `decl-value` entry of eo-reasons.tsv that a DECL code stands for ("OADR", "25X1 ... 25X9"). */
export function declEntry(decl: Decl, d: Dictionaries): TermEntry | undefined {
  const value = decl.value.text.trim().toUpperCase();
  let code: string | undefined;
  if (decl.kind === 'na') code = 'N/A';
  else if (decl.kind === 'oadr') code = 'OADR';
  else if (decl.kind === 'gds') code = 'GDS';
  else if (decl.kind === 'downgrade') code = 'DNG: CO <date>';
  else if (decl.kind === 'x-code') code = value.startsWith('25X') ? '25X1 ... 25X9' : 'X1 ... X8';
  // Values the parser reads as text that the dictionary lists all the same: "DECL: MR", "50X1-HUM". (Its "1.6X..." row
  // gives the form and no meaning, "form named in the brief", which would tell a user nothing: the DECL hover says what
  // such a value is shaped like instead, `sectionXCode`.)
  else if (decl.kind === 'text') code = value === 'MR' ? 'MR' : /^50X\d/.test(value) ? '50X1-HUM, 50X2-WMD' : undefined;
  return code === undefined ? undefined : d.eo.find((e) => e.kind === 'decl-value' && e.code === code);
}

/** "1.6X1", "1.6 X6", "1.6X1, X6": a DECL value in the form `1.6X…` the reference lists (eo-reasons.tsv). */
function sectionXCode(value: string): boolean {
  return /^\s*1\.6 ?X\d/i.test(value);
}

function describeDecl(cable: Cable, d: Dictionaries): string {
  const decl = cable.eo!.decl!;
  const lines: string[] = [];
  const entry = declEntry(decl, d);
  switch (decl.kind) {
    case 'date':
      if (decl.date) {
        lines.push(`Declassify on ${readableDate(decl.date.year, decl.date.month, decl.date.day)}.`);
        if (cable.date) lines.push(`${distance(cable.date, decl.date)} (the default is 10 years).`);
      } else lines.push('Not a real date.');
      break;
    case 'na':
    case 'oadr':
    case 'gds':
    case 'x-code':
    case 'downgrade':
      // The dictionary's words, flagged when the dictionary does not establish them:
      // "OADR" and "GDS" are seen in cables, but what they stand for is not in the sources read.
      lines.push(entry ? `${esc(decl.value.text.trim())}: ${entry.summary}${qualifier(entry)}.` : 'A declassification code not in the dictionary.');
      // What the released cables show of it, which its source does not: "N/A" on 96 of 102 unclassified cables.
      if (entry?.note) lines.push(corpusNote(esc(entry.note)));
      break;
    case 'redacted':
      lines.push('Redacted.');
      break;
    default:
      // "DECL: 1.6X1": the form the reference lists with no meaning; what it is shaped like, and no more.
      if (sectionXCode(decl.value.text)) {
        lines.push(`${esc(decl.value.text.trim())}: written as a section number, 1.6, then X and a digit. E.O. 12958 sec. 1.6 sets the 10-year default and its limited exceptions; what this code stands for is not established from the sources read (unverified).`);
        break;
      }
      // "DECL: MR": in the dictionary, its meaning not established; "Not a known code" said the reference did not list it.
      if (entry) {
        lines.push(`${esc(decl.value.text.trim())}: ${entry.summary}${qualifier(entry)}.`);
        if (entry.note) lines.push(corpusNote(esc(entry.note)));
        break;
      }
      // "DECL: CLOSURE OF ICTY": the directive carrying out E.O. 12958 lets an event stand for the date.
      lines.push(declNamesEvent(decl.value.text) ? 'An event in place of a date, which the directive carrying out E.O. 12958 allows; no machine can act on it.' : 'Not a date or a known code.');
  }
  // The 10-year default is E.O. 12958's (FORMAT.md §5 [CUFON]); a code's meaning is its own entry's. The 1.6X… row cites
  // "corpus" for a form no released cable shows: its hover states only sec. 1.6's default and exceptions, [CUFON]'s.
  if (decl.kind === 'text' && sectionXCode(decl.value.text)) return md(`DECL ${esc(decl.value.text)}`, lines, citeDocuments(['CUFON'], d));
  const documents = decl.kind === 'date' ? ['CUFON', 'corpus'] : decl.kind === 'text' && declNamesEvent(decl.value.text) ? ['CFR2001', 'corpus'] : ['corpus'];
  return md(`DECL ${esc(decl.value.text)}`, lines, entry ? [...citeSource(entry.source), ...(entry.note ? [CORPUS] : [])] : citeDocuments(documents, d));
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

function calendarFromJulian(year: number, day: number): string {
  const date = new Date(Date.UTC(year, 0, day));
  return readableDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
