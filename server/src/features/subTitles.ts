/**
 * The titles a long paragraph lists its parts under, which the outline nests under it and folding folds: an outline of
 * Roman numerals, letters and numbers at the start of its lines ("¶3. (S/NF) Priority issues:" ⏎ "I. Regional Issues" ⏎
 * "A. Security" ⏎ "1) Terrorism (TERR)" ⏎ "B. Governance" ⏎ "II. Country Issues", 09STATE37566, 09STATE62393), and the
 * sections whose headings are labelled so ("I. HARBOR ISSUES" ⏎ "----" ⏎ … ⏎ "A. Ferry Fares" ⏎ "----").
 */
import type { Cable, Position, Range, Section } from '../core/model';
import { linesAsRead } from '../core/parse/margin';
import { isBefore, paragraphIndexAt, partitionPoint, trimEndOffset } from '../core/text';
import { blockRange, outlineSections } from './outlineSections';

/** A title inside a paragraph, with the titles of the next rank under it. */
export interface SubTitle {
  /** The label as the outline names it, without the release's pilcrow: `I.`, `A.`, `1)`, `(2)`. */
  readonly label: string;
  /** The title's words: `Regional Issues`, not the text after its sentence's end (`1) Energy (ESEC). Policies …`). */
  readonly words: string;
  /** From the label to the end of the paragraph's last line before the next title of its rank or above, or the paragraph's end. */
  readonly range: Range;
  /** The label and the words. */
  readonly selection: Range;
  readonly children: readonly SubTitle[];
}

// Ranks, outermost first: "I." over "A." over "1)" over "--Night Patrols".
const ROMAN = 0;
const LETTER = 1;
const NUMBER = 2;
const DASH = 3;

// "¶I.  Regional Issues", "A. Security", "B) Governance", "1) Terrorism", "(2) Drugs": the label, then the title. A letter's
// label is a capital and a full stop or bracket; a number's is one or two digits and a bracket ("1." numbers a paragraph).
const LABEL = /^([ \t]*)(?:\u00b6[ \t]*)?(?:([IVX]{1,4})\.|([A-Z])[.)]|(\(?)(\d{1,2})\))[ \t]+/;

/** The values of the Roman numerals up to 20 that an outline uses; 0 for others. */
function romanValue(text: string): number {
  const at = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'].indexOf(text);
  return at + 1;
}

const cache = new WeakMap<Cable, Map<number, readonly SubTitle[]>>();

/**
 * The titles of the paragraph at `index` of `cable.paragraphs`, nested by rank, in text order; none for most paragraphs.
 * A title opens a line of the paragraph's text after its first, under a blank line, a line that ends a sentence, a colon or
 * a bracket, or another title. Its words are short (80 characters, 12 words), start with a capital and are a title's
 * (no word of five letters or more in small letters: "GRPO can provide text" is an item, not a title), and carry no
 * portion marking ("¶A. (S/NF) The NHCD below …" is a lettered paragraph of prose). Each rank counts on in sequence under
 * the title above it ("B." after "A.", "II." after "I."; a series starts at "A.", "I." or "1)"), so that a name's initial
 * at a line's start ("… led by" ⏎ "J. Roe Smith") is no title. Read once for each paragraph asked.
 */
export function subTitles(cable: Cable, index: number): readonly SubTitle[] {
  let known = cache.get(cable);
  if (!known) cache.set(cable, (known = new Map()));
  let found = known.get(index);
  if (!found) known.set(index, (found = readSubTitles(cable, index)));
  return found;
}

interface Open {
  rank: number;
  label: string;
  words: string;
  start: Position;
  selection: Range;
  children: SubTitle[];
}

function readSubTitles(cable: Cable, index: number): readonly SubTitle[] {
  const paragraph = cable.paragraphs[index];
  if (!paragraph) return [];
  const { lineKinds } = cable;
  // Past a scan's margin (`| I. Regional Issues`, `07 -- Night Patrols`), as the parser reads the lines.
  const lines = linesAsRead(cable);
  const first = paragraph.range.start.line;
  const last = paragraph.range.end.line;
  const top: SubTitle[] = [];
  const open: Open[] = [];
  // The last ordinal read at each rank under the title above it; 0 when no series has started.
  const counts = [0, 0, 0, 0];
  // The last line of the paragraph's text read so far that is not blank: where an open title ends.
  let lastText = first;
  let previousTitle = -1;
  const close = (rank: number) => {
    while (open.length > 0 && open[open.length - 1].rank >= rank) {
      const o = open.pop()!;
      const endLine = lastText;
      const end = { line: endLine, character: endLine === last ? paragraph.range.end.character : trimEndOffset(lines[endLine]) };
      const title: SubTitle = { label: o.label, words: o.words, range: { start: o.start, end }, selection: o.selection, children: o.children };
      (open.length > 0 ? open[open.length - 1].children : top).push(title);
    }
  };
  for (let i = first + 1; i <= last; i++) {
    const text = lines[i];
    if (lineKinds[i] !== 'text') continue;
    const title = titleOn(text, lines[i - 1], lineKinds[i - 1], previousTitle === i - 1, counts) ?? dashTitleOn(cable, i, last);
    // "1) GRPO can provide text of this issue." ⏎ "2) Force Structure (FMCC)": an item that is no title still counts in its series.
    if (title && title.end === 0) counts[title.rank] = title.ordinal;
    else if (title) {
      close(title.rank);
      counts[title.rank] = title.ordinal;
      for (let r = title.rank + 1; r < counts.length; r++) counts[r] = 0;
      open.push({ rank: title.rank, label: title.label, words: title.words, start: { line: i, character: title.start }, selection: { start: { line: i, character: title.start }, end: { line: i, character: title.end } }, children: [] });
      previousTitle = i;
    }
    lastText = i;
  }
  close(ROMAN);
  return top;
}

interface TitleLine {
  rank: number;
  ordinal: number;
  label: string;
  words: string;
  /** Where the label starts and the words end on the line; 0 for an item of the series whose words are no title's. */
  start: number;
  end: number;
}

/** The title or item of a series that opens a line of `text`, under the line `above`, or undefined. */
function titleOn(text: string, above: string, aboveKind: string, underTitle: boolean, counts: readonly number[]): TitleLine | undefined {
  // Ordinary lines pay a character test: a title opens with a pilcrow, a capital, a digit or a bracket after its indent.
  let c = 0;
  while (c < text.length && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
  const ch = text.charCodeAt(c);
  if (!(ch === 0xb6 || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 40)) return undefined;
  const m = LABEL.exec(text);
  if (!m) return undefined;
  // Under a blank line, a line that ends a sentence, a colon or a bracket, or another title: not a line wrapped from prose.
  const tail = above.trimEnd();
  if (!(underTitle || aboveKind === 'blank' || aboveKind === 'page' || aboveKind === 'paragraph' || tail.length === 0 || '.:;!?)"'.includes(tail[tail.length - 1]))) return undefined;
  let rank: number;
  let ordinal: number;
  let label: string;
  if (m[5] !== undefined) {
    rank = NUMBER;
    ordinal = Number(m[5]);
    label = `${m[4]}${m[5]})`;
  } else {
    const letter = m[3] ?? (m[2].length === 1 ? m[2] : undefined);
    const letterOrdinal = letter ? letter.charCodeAt(0) - 64 : 0;
    const roman = m[2] ? romanValue(m[2]) : 0;
    // "I." is the ninth letter after "H.", else the first numeral; "V." and "X." alike.
    if (letterOrdinal > 0 && (letterOrdinal === counts[LETTER] + 1 && (counts[LETTER] > 0 || letterOrdinal === 1))) {
      rank = LETTER;
      ordinal = letterOrdinal;
    } else if (roman > 0) {
      rank = ROMAN;
      ordinal = roman;
    } else {
      rank = LETTER;
      ordinal = letterOrdinal;
    }
    label = m[0].trim().replace(/^\u00b6\s*/, '');
  }
  // A series starts at its first and counts on by one.
  if (ordinal !== 1 && ordinal !== counts[rank] + 1) return undefined;
  const from = m[0].length;
  const words = titleWords(text, from);
  return { rank, ordinal, label, words: text.slice(from, words), start: m[1].length, end: words };
}

// "--Night Patrols", "-- Harbor Dues:": two dashes (not a rule's three), then the title and nothing after it.
const DASH_LABEL = /^([ \t]*)--(?!-)[ \t]*/;

/**
 * The title a line opens with two dashes ("The board met on Monday:" ⏎ "--Night Patrols" ⏎ "The police add one." ⏎ ⏎
 * "--Day Patrols" ⏎ …), of the lowest rank, under the titles of the others that hold it; or undefined. The title is the
 * whole line (a colon after it aside), under a line as other titles are, with a line of text right under it, or under one
 * blank line, that is no dashed item itself: "--Defense - Gen. Roe (Pashtun). He was …" is an item of prose, and
 * "-- Counterfeiting" ⏎ "-- Cybercrimes" a list of short items, not titles. A dash item counts in no series.
 */
function dashTitleOn(cable: Cable, i: number, last: number): TitleLine | undefined {
  const { lineKinds } = cable;
  // Past a scan's margin (`| I. Regional Issues`, `07 -- Night Patrols`), as the parser reads the lines.
  const lines = linesAsRead(cable);
  const text = lines[i];
  // Ordinary lines pay a character test: two dashes after the indent.
  let c = 0;
  while (c < text.length && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
  if (text.charCodeAt(c) !== 45 || text.charCodeAt(c + 1) !== 45) return undefined;
  const tail = lines[i - 1].trimEnd();
  if (!(lineKinds[i - 1] === 'blank' || lineKinds[i - 1] === 'paragraph' || tail.length === 0 || '.:;!?)"'.includes(tail[tail.length - 1]))) return undefined;
  const title = dashWords(text);
  if (!title) return undefined;
  // The text under it: the next line, or the one after a blank line, inside the paragraph.
  let under = i + 1;
  if (under <= last && lineKinds[under] === 'blank') under++;
  if (under > last || lineKinds[under] !== 'text' || lines[under].trimStart().startsWith('-')) return undefined;
  return { rank: DASH, ordinal: 1, label: '--', ...title };
}

/**
 * Where a title's words end after `from`, or 0 when the text there reads as no title: at a sentence's end after a small
 * letter, a digit or a bracket ("Energy Security (ESEC-3H). Policies …"; not "U.S. Military"), at a run of two spaces
 * ("Governance  1) Energy …", "Sanctions:  Dagan said …"), after a colon with prose after it, or at the line's end.
 */
function titleWords(text: string, from: number): number {
  const first = text.charCodeAt(from);
  // A capital: not a marking ("(S/NF) The NHCD …") or a quotation.
  if (!(first >= 65 && first <= 90)) return 0;
  let end = text.length;
  for (let k = from; k < text.length; k++) {
    const ch = text[k];
    if (ch === ' ' && text[k + 1] === ' ') {
      end = k;
      break;
    }
    if ((ch === '.' || ch === '?' || ch === '!') && (k + 1 === text.length || text[k + 1] === ' ') && /[a-z0-9)]/.test(text[k - 1])) {
      end = k;
      break;
    }
  }
  end = trimEndOffset(text, end, from);
  if (isTitle(text.slice(from, end))) return end;
  // "Covert Measures: The two agreed not": the words before a colon, when those after it are prose; "Chad: Darfur Issues" is
  // a title whole.
  const colon = text.indexOf(': ', from);
  return colon > from && colon < end && isTitle(text.slice(from, colon)) ? colon + 1 : 0;
}

/** True when `words` read as a title: 2 to 80 characters, 12 words at most, none of five letters or more in small letters. */
function isTitle(words: string): boolean {
  if (words.length < 2 || words.length > 80) return false;
  const list = words.split(/\s+/);
  return list.length <= 12 && list.every((w) => !/^[a-z]{5}/.test(w));
}

/** A section of {@link outlineSections} in the outline's tree of labelled headings. */
export interface SectionPlace {
  /** The index, in {@link outlineSections}, of the section whose heading's label is of a higher rank, or -1. */
  readonly parent: number;
  /** The section's range, run on over the sections under it. */
  readonly range: Range;
}

const placeCache = new WeakMap<Cable, readonly SectionPlace[]>();

/**
 * Where each section of {@link outlineSections} stands: under the section before it whose heading's label is of a higher
 * rank ("A. Ferry Fares" under "I. HARBOR ISSUES", up to "II. PORT POLICE"), each rank counted on in sequence under the
 * one above, as a paragraph's titles are; a section whose heading has no label, or none in sequence, and one without a
 * heading stand on the top level and end the labelled ones before them. The parser's sections were flat: "I. HARBOR ISSUES"
 * stood empty beside "A. Ferry Fares". Read once for each cable.
 */
export function sectionPlaces(cable: Cable): readonly SectionPlace[] {
  const known = placeCache.get(cable);
  if (known) return known;
  const sections = outlineSections(cable);
  const parents: number[] = [];
  const ends: Position[] = sections.map((s) => s.range.end);
  // The labelled sections open above the one read, outermost first, with their ranks.
  const open: { index: number; rank: number }[] = [];
  const counts = [0, 0, 0];
  for (let k = 0; k < sections.length; k++) {
    const label = headingLabel(cable, sections[k], counts);
    if (!label) {
      open.length = 0;
      counts.fill(0);
      parents.push(-1);
      continue;
    }
    while (open.length > 0 && open[open.length - 1].rank >= label.rank) open.pop();
    counts[label.rank] = label.ordinal;
    for (let r = label.rank + 1; r < counts.length; r++) counts[r] = 0;
    parents.push(open.length > 0 ? open[open.length - 1].index : -1);
    // Each section above it now runs on to its end.
    for (const o of open) ends[o.index] = sections[k].range.end;
    open.push({ index: k, rank: label.rank });
  }
  const places = sections.map((s, k) => ({ parent: parents[k], range: { start: s.range.start, end: ends[k] } }));
  placeCache.set(cable, places);
  return places;
}

/** The rank and ordinal of the label a section's heading opens with, when it counts on in its series; else undefined. */
function headingLabel(cable: Cable, section: Section, counts: readonly number[]): { rank: number; ordinal: number } | undefined {
  if (section.heading === undefined) return undefined;
  const heading = cable.headings[section.heading];
  const text = heading.lead?.text ?? heading.text.text;
  const title = titleOn(text, '', 'blank', true, counts);
  return title && title.end > 0 ? { rank: title.rank, ordinal: title.ordinal } : undefined;
}

/** The titles a section lists its paragraphs under, and where the paragraphs that run over them end before them. */
export interface SectionTitles {
  /** In text order, none holding another. */
  readonly titles: readonly SubTitle[];
  /** By the paragraph's index: where a paragraph whose text runs over the line of the title after it ends, before that line. */
  readonly cuts: ReadonlyMap<number, Position>;
}

const NO_TITLES: SectionTitles = { titles: [], cuts: new Map() };
const sectionTitleCache = new WeakMap<Cable, Map<number, SectionTitles>>();

/**
 * The titles a section under a heading lists its paragraphs under with two dashes, each alone on its line between a blank
 * line and the paragraph it heads ("-----" ⏎ "HARBOR ISSUES" ⏎ "-----" ⏎ ⏎ "--Ferry Fares" ⏎ ⏎ "¶2. …" ⏎ ⏎ "¶3. …" ⏎ ⏎
 * "--Harbor Dues" ⏎ ⏎ "¶4. …"), of `index` in {@link outlineSections}: each runs from its line to the end of the last
 * paragraph before the next (the last, to the section's end). The parser reads such a line as text of the paragraph above
 * it, if any, which ends before it here. Read once for each section asked; a character test before anything else.
 */
export function sectionTitles(cable: Cable, index: number): SectionTitles {
  let known = sectionTitleCache.get(cable);
  if (!known) sectionTitleCache.set(cable, (known = new Map()));
  let found = known.get(index);
  if (!found) known.set(index, (found = readSectionTitles(cable, index)));
  return found;
}

function readSectionTitles(cable: Cable, index: number): SectionTitles {
  const section = outlineSections(cable)[index];
  if (!section || section.heading === undefined || section.paragraphs.length === 0) return NO_TITLES;
  const { lineKinds, paragraphs } = cable;
  const lines = linesAsRead(cable);
  const from = cable.headings[section.heading].range.end.line + 1;
  const last = section.range.end.line;
  const found: { line: number; start: number; end: number; words: string }[] = [];
  for (let i = from + 1; i + 2 <= last; i++) {
    const text = lines[i];
    if (lineKinds[i] !== 'text' || lineKinds[i - 1] !== 'blank') continue;
    let c = 0;
    while (c < text.length && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
    if (text.charCodeAt(c) !== 45 || text.charCodeAt(c + 1) !== 45) continue;
    // A blank line, then the paragraph it heads.
    let under = i + 1;
    while (under <= last && lineKinds[under] === 'blank') under++;
    if (under === i + 1 || under > last || lineKinds[under] !== 'paragraph') continue;
    const title = dashWords(text);
    if (title) found.push({ line: i, ...title });
  }
  if (found.length === 0) return NO_TITLES;
  const cuts = new Map<number, Position>();
  for (const t of found) {
    const k = paragraphIndexAt(paragraphs, t.line);
    if (k < 0) continue;
    let above = t.line - 1;
    while (above > paragraphs[k].range.start.line && lineKinds[above] === 'blank') above--;
    cuts.set(k, { line: above, character: trimEndOffset(lines[above]) });
  }
  // The end of each paragraph as it ends here.
  const endOf = (k: number) => cuts.get(k) ?? paragraphs[k].range.end;
  // The section's paragraphs read once, with the titles in order: `p` is the first that starts after the title read.
  let p = 0;
  const titles: SubTitle[] = found.map((t, n) => {
    const next = found[n + 1];
    let end = section.range.end;
    if (next) {
      // The last paragraph of the section that starts before the next title.
      while (p < section.paragraphs.length && paragraphs[section.paragraphs[p]].range.start.line < next.line) p++;
      end = p > 0 ? endOf(section.paragraphs[p - 1]) : { line: t.line, character: t.end };
      if (isBefore(end, { line: t.line, character: t.end })) end = { line: t.line, character: t.end };
    }
    const start = { line: t.line, character: t.start };
    return { label: '--', words: t.words, range: { start, end }, selection: { start, end: { line: t.line, character: t.end } }, children: [] };
  });
  // A block that runs from one title's part into another's ("--Ferry Fares" ⏎ "¶2. (C) Comment: …" ⏎ "--Harbor Dues" ⏎
  // "¶3. … End comment.") could be held by no title, nor hold one: the section then lists none.
  if (cable.blocks.some((b) => crossesAny(titles, blockRange(cable, b)))) return NO_TITLES;
  return { titles, cuts };
}

/**
 * True when `range` runs from inside one of `titles` (in text order, none overlapping) to outside it, or from before one
 * into it; by binary search.
 */
function crossesAny(titles: readonly SubTitle[], range: Range): boolean {
  const k = partitionPoint(titles, (t) => !isBefore(range.start, t.range.start)) - 1;
  if (k >= 0 && isBefore(range.start, titles[k].range.end) && isBefore(titles[k].range.end, range.end)) return true;
  const j = partitionPoint(titles, (t) => isBefore(t.range.start, range.end)) - 1;
  return j >= 0 && j > k && isBefore(range.start, titles[j].range.start) && isBefore(range.end, titles[j].range.end);
}

/** The title of a line that is two dashes and a title (`--Ferry Fares`, `-- Harbor Dues:`), or undefined. */
function dashWords(text: string): { start: number; end: number; words: string } | undefined {
  const m = DASH_LABEL.exec(text);
  if (!m) return undefined;
  const from = m[0].length;
  const first = text.charCodeAt(from);
  if (!(first >= 65 && first <= 90)) return undefined;
  const end = trimEndOffset(text, text.length, from);
  const words = text.slice(from, text[end - 1] === ':' ? end - 1 : end).trimEnd();
  if (!isTitle(words) || /[.!?;,]$/.test(words)) return undefined;
  return { start: m[1].length, end, words: text.slice(from, end) };
}
