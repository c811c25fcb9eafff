/**
 * Helpers shared by the rules.
 */
import { linesAsRead, marginWidth } from '../parse/margin';
import { levelAbbreviation, levelRank } from '../levels';
import type { Cable, CalendarDate, Caveat, Heading, ItemMarking, Level, PortionMarking, Range, TagsField } from '../model';
import { findResolvableReferences } from '../mentions';
import { isItemMarking, RULE_LINE } from '../parse/body';
import { BANNER_SEARCH, bannerDecidedBy, readFirstBanner } from '../parse/index';
import { parsePortionMarking } from '../parse/marking';
import { headerDatesCable } from '../parse/header';
import { isBlankedLine, isSpace, lineStarts, markingStart, offsetAt, paragraphIndexAt, partitionPoint, range, skipSpaces, trimEndOffset } from '../text';
import { KNOWN_TAGS } from '../tagCodes';
import type { Fix, ParagraphCopy, Report, TextEdit } from './types';

/**
 * True when `cable`'s text with `newText` in place of `at` (on one line) keeps its banner: on the same line, of the same
 * level. A safe fix that rewrites a line where the banner is looked for asks it, since a level alone on its line
 * ("SECRET") is the banner only above the metadata and the first paragraph: a line that ends that search, or stops
 * ending it, or reads as a banner, gives or takes it. A line below where the search stopped ({@link bannerDecidedBy}: the
 * banner's line, or the field or paragraph that ended it) cannot, and the text is not read again (it was, for every stray
 * pilcrow CBL026 reports in the text).
 */
export function keepsBanner(cable: Cable, at: Range, newText: string): boolean {
  if (at.start.line >= BANNER_SEARCH || at.start.line > bannerDecidedBy(cable)) return true;
  return bannerKept(cable, (top) => {
    const starts = lineStarts(top, at.end.line + 1);
    return top.slice(0, offsetAt(top, starts, at.start)) + newText + top.slice(offsetAt(top, starts, at.end));
  });
}

/**
 * True when the lines of `cable`'s text where the banner is looked for ({@link BANNER_SEARCH}), rewritten by `rewrite`,
 * read the banner on the same line at the same level ({@link readFirstBanner}): only those lines are cut out, rewritten
 * and read again, whatever the text's length. One fix asks it ({@link keepsBanner}), and Fix All for its edits together.
 */
export function bannerKept(cable: Cable, rewrite: (top: string) => string): boolean {
  const text = cable.text;
  const starts = lineStarts(text, BANNER_SEARCH);
  const banner = readFirstBanner(rewrite(starts.length > BANNER_SEARCH ? text.slice(0, starts[BANNER_SEARCH]) : text));
  return banner?.line === cable.banner?.line && banner?.level === cable.banner?.level;
}

/** The range of a whole line without its terminator, from past a scan's margin (`| `, `07 `): the line's text, not its margin. */
function wholeLine(cable: Cable, line: number): Range {
  const length = cable.lines[line]?.length ?? 0;
  return range(line, Math.min(marginWidth(cable, line), length), length);
}

/**
 * `r` starting past a scan's margin (`| `, `07 `) where it starts inside it: a parse problem about a whole line
 * (`header-order`, `header-line-malformed`) is ranged from the line's first character of the text the parser read, where
 * the margin was blanked.
 */
export function pastMargin(cable: Cable, r: Range): Range {
  const width = marginWidth(cable, r.start.line);
  if (r.start.character >= width) return r;
  const start = { line: r.start.line, character: width };
  const end = r.end.line === r.start.line && r.end.character < width ? start : r.end;
  return { start, end };
}

/**
 * True when a line from `from` up to `to` (not included) is one the release blanked ({@link isBlankedLine}:
 * "XXXXXXXXXXXX", "xxxxxxxxxxxx", "¶6. XXXXXXXXXXXX"): there it blanked whole paragraphs, or the rest of one, where
 * a redaction inside a sentence ("told XXXXXXXXXXXX on May 4") blanks words. A blanked line that is part of a sentence or a
 * title ({@link blanksWords}: "transliterations of" ⏎ "xxxxx.", "XXXXXXXXXXXX" ⏎ "----------") blanked words too, and does not
 * count. Only the lines of the cable's redactions are read; `where`, if given, says which of the other blanked lines count.
 * CBL024 (paragraph numbers), CBL031 (the highest portion) and CBL034 (page numbers) read it alike.
 */
export function blankedLineBetween(cable: Cable, from: number, to: number, where?: (line: number) => boolean): boolean {
  const redactions = cable.redactions;
  const lines = linesAsRead(cable);
  // The first redaction on or after line `from`; redactions are in text order.
  const lo = partitionPoint(redactions, (r) => r.range.start.line < from);
  let previous = -1;
  for (let k = lo; k < redactions.length; k++) {
    const line = redactions[k].range.start.line;
    if (line >= to) break;
    if (line !== previous && isBlankedLine(lines[line]) && !blanksWords(lines, line) && (!where || where(line))) return true;
    previous = line;
  }
  return false;
}

/**
 * True when a blanked line that opens with its X's blanked words, not paragraphs: it ends a sentence that the line right above
 * it leaves open, a word in small letters or a comma last on it ("a thorough search that included numerous transliterations
 * of" ⏎ "xxxxx.", 06VIENNA515), or it stands over a rule line, a section's title ("XXXXXXXXXXXX" ⏎ "----------", 10SEOUL272).
 * A line above that ends a sentence ("… the warthogs' fate." ⏎ "XXXXXXXXXXXX", 09HARARE888), a number ("See Harare 879"), a
 * redaction of its own, or a blank line between, leaves the blanked line standing for whole paragraphs, and so does a
 * paragraph's number opening it ("¶6. xxxxxxxxxxxx", over a rule or not).
 */
function blanksWords(lines: readonly string[], line: number): boolean {
  // "¶6. xxxxxxxxxxxx" opens a paragraph of its own, whatever the lines around it say.
  const first = lines[line].charCodeAt(skipSpaces(lines[line]));
  if (first !== 88 /* X */ && first !== 120 /* x */) return false;
  // "XXXXXXXXXXXX" ⏎ "-----------" (10SEOUL272): a section's title whose words the release blanked.
  if (line + 1 < lines.length && RULE_LINE.test(lines[line + 1])) return true;
  const above = line > 0 ? lines[line - 1] : '';
  const end = trimEndOffset(above);
  if (end === 0) return false;
  const last = above.charCodeAt(end - 1);
  if (last === 44 /* , */) return true;
  if (last < 97 /* a */ || last > 122 /* z */) return false;
  // "… said xxxxx" ⏎ "xxxxx": a redaction in small letters ending the line above is no word of the sentence.
  let start = end;
  while (start > 0 && !isSpace(above.charCodeAt(start - 1))) start--;
  return !/^[^A-Za-z]*x+$/.test(above.slice(start, end));
}

/**
 * True when a line from `from` up to `to` (not included) is one the release blanked ({@link isBlankedLine}) where
 * paragraph numbers skip: the numbered paragraph after it is more than one past every paragraph before it, or past 1
 * when none is ("¶3. (C) …" ⏎ "XXXXXXXXXXXX" ⏎ "¶9. (C) …", "¶3. XXXXXXXXXXXX" ⏎ "¶9. (C) …"). There the release blanked
 * whole paragraphs, and whatever stood among them; a line of X's where no number is missing blanked a name that began it,
 * and a number after a step back ("¶21." ⏎ "¶9. xxxx" ⏎ "¶22.") misses none.
 */
export function paragraphsBlankedBetween(cable: Cable, from: number, to: number): boolean {
  const paragraphs = cable.paragraphs;
  return blankedLineBetween(cable, from, to, (line) => {
    // The paragraph after the blanked line; the one before it, "¶3. XXXXXXXXXXXX" included, and all before that.
    const next = partitionPoint(paragraphs, (p) => p.marker.range.start.line <= line);
    return next < paragraphs.length && paragraphs[next].readAs > (next > 0 ? highestNumbers(cable)[next - 1] : 0) + 1;
  });
}

// The highest paragraph number read up to each paragraph, by cable: the model never changes once parsed.
const highestCache = new WeakMap<Cable, Float64Array>();

/** The highest number read (`readAs`) among the paragraphs up to each one, that one included. */
function highestNumbers(cable: Cable): Float64Array {
  let highest = highestCache.get(cable);
  if (!highest) {
    const paragraphs = cable.paragraphs;
    highest = new Float64Array(paragraphs.length);
    for (let i = 0; i < paragraphs.length; i++) highest[i] = Math.max(i > 0 ? highest[i - 1] : 0, paragraphs[i].readAs);
    highestCache.set(cable, highest);
  }
  return highest;
}

/** The start of the document, for findings about something missing. */
export function documentStart(cable: Cable): Range {
  if (cable.banner) return wholeLine(cable, cable.banner.line);
  // Where the banner belongs: the first non-blank line after the transmission header (a banner too
  // damaged to read, as often as not), else the first non-blank line.
  const after = cable.header ? cable.header.range.end.line + 1 : 0;
  // A line of a scan's margin alone ("07") is blank.
  const lines = linesAsRead(cable);
  let line = lines.findIndex((l, i) => i >= after && l.trim().length > 0);
  if (line < 0) line = lines.findIndex((l) => l.trim().length > 0);
  return wholeLine(cable, Math.max(line, 0));
}

/** The cable's classification, from the banner. */
function cableLevel(cable: Cable): Level | undefined {
  return cable.banner?.level;
}

/** True when the banner says CONFIDENTIAL or higher. */
export function isClassified(cable: Cable): boolean {
  const level = cableLevel(cable);
  return level !== undefined && levelRank(level) >= CONFIDENTIAL;
}

/** The rank of CONFIDENTIAL, the lowest classified level. */
const CONFIDENTIAL = levelRank('CONFIDENTIAL');

/**
 * True when the copy may hold only some sections of a message, so that a paragraph mention
 * may name a paragraph of a section that is not there: its first banner says a section after 01
 * ("SECTION 02 OF 03"), or no banner says the last section and no continuation-page line shows
 * the sections run on (the Cablegate copies join the sections under page lines, "MADRID 00000171 002 OF 003").
 */
export function sectionsMissing(cable: Cable): boolean {
  const section = cable.banner?.section;
  if (!section || section.total.value <= 1) return false;
  if (section.number.value !== 1) return true;
  return cable.pageLines.length === 0 && !cable.banners.some((b) => b.section?.number.value === section.total.value);
}

/**
 * What `cable`'s copy tells of its paragraph numbers for a mention of one in another cable (CBL054), as CBL045 reads its
 * own: undefined when it has no numbered paragraphs or may lack sections ({@link sectionsMissing}).
 */
export function paragraphCopy(cable: Cable): ParagraphCopy | undefined {
  if (cable.paragraphs.length === 0 || sectionsMissing(cable)) return undefined;
  return { numbers: cable.paragraphs.map((p) => p.readAs), ended: cable.signature !== undefined || cable.trailer !== undefined };
}

/** Compares calendar dates: negative when `a` is earlier. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** A calendar date as ISO 8601, `2009-06-03`. */
export function isoDate(date: CalendarDate): string {
  return `${date.year}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The cable's date-time group as ISO 8601 UTC (`2009-05-28T08:49:00Z`): the header's where it dates the cable ({@link headerDatesCable}), else, with no header's to date it,
 * that of a partial extract's date-time group alone above the banner (`171719Z Nov 05`); else the cable's date alone
 * (`2009-07-31`, from a date line such as `Friday, 31 July 2009, 06:59`), or undefined when the text gives none.
 * `cablelint extract` and the workspace index both read it.
 */
export function cableDtgIso(cable: Cable): string | undefined {
  // A header of another cable (07PARIS2725's, over MOSCOW 005154's text) dates that cable, not this one.
  const iso = cable.header?.dtg?.dtg?.iso;
  if (iso !== undefined && headerDatesCable(cable)) return iso;
  if (cable.date === undefined) return undefined;
  // The date line that dates the cable is the first with a date (parseCable).
  return cable.preamble.find((p) => p.kind === 'date-line' && p.date)?.dtg ?? isoDate(cable.date);
}

/** Day of the year (1–366). */
export function dayOfYear(date: CalendarDate): number {
  const start = Date.UTC(date.year, 0, 1);
  return Math.round((Date.UTC(date.year, date.month - 1, date.day) - start) / 86400000) + 1;
}

/** A fix of one replacement. */
export function replaceFix(title: string, r: Range, newText: string, safe: boolean, preferred = false): Fix {
  const edits: TextEdit[] = [{ range: r, newText }];
  return { title, edits, safe, preferred };
}

/**
 * A renumbering (CBL024's, CBL025's) that also writes the new numbers into the text's references to the
 * paragraphs it renumbers ("para 6", "paras 5-6", "see paragraph" ⏎ "6"), as a rename of a paragraph number does;
 * undefined when no reference points at one of them. A reference points where Go to Definition sends it, the first
 * paragraph with its number, so after "¶3." written above the old ¶3, "para 3" stays with the new paragraph:
 * which of the two the writer meant, the text cannot say. `renumbered` maps a paragraph's index to its new number.
 * With `carried`, the references to paragraph `carried.from` go with paragraph `carried.with` instead, and `title`
 * ends the fix's title: CBL025's reading of a repeated number's first paragraph as the one written in.
 */
export function renumberingWithReferences(cable: Cable, fix: Fix, renumbered: ReadonlyMap<number, number>, carried?: CarriedReferences): Fix | undefined {
  const paragraphs = cable.paragraphs;
  return withReferences(fix, renumbered, referencesByParagraph(cable), (range, to) => ({ range, newText: String(to) }), (index) => `paragraph ${paragraphs[index].readAs}`, carried, (index, to) => to === paragraphs[index].readAs);
}

/** The references of a moved item that go with another (`with`), and the words that end the fix's title. */
export interface CarriedReferences {
  readonly from: number;
  readonly with: number;
  readonly title: string;
}

/**
 * `fix`, which numbers or letters items again (paragraphs, REF items; `moved` maps an item's index to its new number or
 * letter), with the new ones written into the text's references to them (`referencesTo`, by the item's index; `edit` writes
 * one), or undefined when none points at one moved. With `carried`, the references to item `carried.from` go with item
 * `carried.with`. `name` names an item for the title; `unmoved` leaves out an item whose number stays.
 */
export function withReferences<T, R>(fix: Fix, moved: ReadonlyMap<number, T>, referencesTo: ReadonlyMap<number, readonly R[]>, edit: (reference: R, to: T) => TextEdit, name: (index: number) => string, carried?: CarriedReferences, unmoved?: (index: number, to: T) => boolean): Fix | undefined {
  const edits: TextEdit[] = [];
  let last = -1;
  let count = 0;
  for (const [index, to] of moved) {
    const own = carried?.from === index ? undefined : referencesTo.get(index);
    const references = carried?.with === index ? [...(own ?? []), ...(referencesTo.get(carried.from) ?? [])] : own;
    if (references === undefined || references.length === 0 || unmoved?.(index, to)) continue;
    for (const r of references) edits.push(edit(r, to));
    last = index;
    count++;
  }
  if (edits.length === 0) return undefined;
  const which = edits.length === 1 ? 'the reference' : `the ${edits.length} references`;
  return { title: `${fix.title}, and update ${which} to ${count === 1 ? name(last) : 'them'}${carried ? carried.title : ''}`, edits: [...fix.edits, ...edits], safe: false };
}

/** True when a reference in the text points at the paragraph of index `index` (the first with its number). */
export function hasReferences(cable: Cable, index: number): boolean {
  return referencesByParagraph(cable).has(index);
}

/**
 * The ranges of the numbers of a cable's references to its paragraphs, by the index of the paragraph each points at (the
 * first with its number), made once a cable: CBL025 asks for each repeated number, and a concatenation of cables has
 * hundreds.
 */
function referencesByParagraph(cable: Cable): ReadonlyMap<number, readonly Range[]> {
  let byIndex = paragraphReferences.get(cable);
  if (byIndex !== undefined) return byIndex;
  // The paragraph `inTextTarget` gives (the first read as the number), looked up by number: finding it for each
  // reference would walk the paragraphs once a reference.
  const first = new Map<number, number>();
  for (let i = cable.paragraphs.length - 1; i >= 0; i--) first.set(cable.paragraphs[i].readAs, i);
  const made = new Map<number, Range[]>();
  for (const ref of findResolvableReferences(cable)) {
    if (ref.target.kind !== 'paragraph' || !ref.nameRange) continue;
    const index = first.get(ref.target.number);
    if (index === undefined) continue;
    const ranges = made.get(index);
    if (ranges) ranges.push(ref.nameRange);
    else made.set(index, [ref.nameRange]);
  }
  byIndex = made;
  paragraphReferences.set(cable, byIndex);
  return byIndex;
}

const paragraphReferences = new WeakMap<Cable, ReadonlyMap<number, readonly Range[]>>();

/** Pads a number with zeros to a width. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Reports the problems the parser recorded under a rule's name (it could not read those lines), each with the fixes `fixes` gives for its range. */
export function reportParseProblems(cable: Cable, name: string, report: Report, fixes?: (range: Range) => Fix[] | undefined): void {
  const problems = cable.problems;
  for (let i = 0; i < problems.length; i++) {
    const problem = problems[i];
    if (problem.rule !== name) continue;
    const at = pastMargin(cable, problem.range);
    report({ message: problem.message, range: at, fixes: fixes?.(at) });
  }
}

/**
 * The subject's marking when it marks the subject as a portion (`SUBJECT: (S) …`, `SUBJECT: (S/NOFRN) …`), for the marking
 * rules: one that names a level, read as a marking that opens a line is, so that a subject opening with prose in brackets,
 * `SUBJECT: (S-300) MISSILES` or `SUBJECT: (EU) LEADERS MEET`, marks nothing. A subject opens with no list, so its one small
 * letter is its marking, as the parser reads it (`Subject: (s) germany requests …` in a copy in small letters, 08BERLIN1068).
 */
export function subjectMarking(cable: Cable): PortionMarking | undefined {
  const portion = cable.subject?.portion;
  if (portion?.level === undefined) return undefined;
  return isItemMarking(portion, linesAsRead(cable)[portion.token.range.start.line], false) ? portion : undefined;
}

/** True for the characters the parser reads between TAGS: commas, semicolons and white space. */
export function isTagSeparator(c: number): boolean {
  return c === 44 /* , */ || c === 59 /* ; */ || isSpace(c);
}

/**
 * The text to remove with a TAG, for {@link fieldTagRemoval}: the separator before it ("PGOV, PREL" loses ", PREL";
 * commas, semicolons and white space, as the parser reads them between TAGS);
 * at the start of a wrapped line the separator after it ("      PREL, MOPS" keeps "      MOPS");
 * alone on its line, the line and the separator ending the line before.
 */
function tagRemoval(lines: readonly string[], tag: Range): Range {
  const n = tag.start.line;
  const line = lines[n];
  let start = tag.start.character;
  while (start > 0 && isTagSeparator(line.charCodeAt(start - 1))) start--;
  if (start > 0) return { start: { line: n, character: start }, end: tag.end };
  let end = tag.end.character;
  while (end < line.length && isTagSeparator(line.charCodeAt(end))) end++;
  if (end < line.length) return { start: tag.start, end: { line: n, character: end } };
  if (n === 0) return { start: { line: n, character: 0 }, end: { line: n, character: line.length } };
  const previous = lines[n - 1];
  let cut = previous.length;
  while (cut > 0 && isTagSeparator(previous.charCodeAt(cut - 1))) cut--;
  return { start: { line: n - 1, character: cut }, end: { line: n, character: line.length } };
}

/**
 * The text to remove with the field's `i`th TAG (CBL018's repeat, CBL044's run-on whose parts are listed, CBL051's misread copy): the
 * separator before it after a TAG on its line ("PGOV, PG0V" loses ", PG0V"); as the first TAG on its line, the separator
 * after it up to the next TAG there ("TAGS: PG0V, PGOV" keeps "TAGS: PGOV", where the separator before it runs into the
 * label); else as {@link tagRemoval} reads it.
 */
export function fieldTagRemoval(lines: readonly string[], field: TagsField, i: number): Range {
  const here = field.tags[i].token.range;
  const before = i > 0 ? field.tags[i - 1].token.range : undefined;
  const after = i + 1 < field.tags.length ? field.tags[i + 1].token.range : undefined;
  if (before?.end.line !== here.start.line && after?.start.line === here.end.line) return { start: here.start, end: after.start };
  return tagRemoval(lines, here);
}

/** Whether a code is a known TAG, or one of a user dictionary's (`userTags`, a rule's `LintContext.userTags`) (CBL044, CBL051). */
export function knownTag(userTags: ReadonlySet<string> | undefined): (code: string) => boolean {
  return (code) => KNOWN_TAGS.has(code) || userTags?.has(code) === true;
}

/**
 * What the field puts between TAGS at its `i`th: ", " when a neighbour on the same line is set off by a comma ("PGOV, KDEMAF"),
 * else a space (CBL044's split, CBL050's added TAG).
 */
export function tagSeparator(lines: readonly string[], field: TagsField, i: number): string {
  const tags = field.tags;
  const here = tags[i].token.range;
  const neighbour = i > 0 && tags[i - 1].token.range.end.line === here.start.line ? { from: tags[i - 1].token.range.end, to: here.start } : i + 1 < tags.length && tags[i + 1].token.range.start.line === here.end.line ? { from: here.end, to: tags[i + 1].token.range.start } : undefined;
  if (!neighbour) return ' ';
  return lines[here.start.line].slice(neighbour.from.character, neighbour.to.character).includes(',') ? ', ' : ' ';
}

/**
 * Names an item marking in a finding's message, as a paragraph's number names its marking: "The item '¶B.' in paragraph 2"
 * (an item's label), "The heading on line 94" ("(SBU) Key Elements of …" over its rule), "Line 86, in paragraph 3," (a
 * marking alone at a line's start: "(S/NF) Response: …"), "Line 30" outside every paragraph; each the subject of a sentence
 * ("Line 86, in paragraph 3, is marked …").
 */
export function describeItem(cable: Cable, item: ItemMarking): string {
  const line = item.portion.token.range.start.line;
  if (!item.label && cable.lineKinds[line] === 'heading') return `The heading on line ${line + 1}`;
  // "-- (S) … in May. 2. (C) Fares …": a paragraph glued into the item's line starts after the item, which is the paragraph's before.
  const p = paragraphIndexAt(cable.paragraphs, line, item.portion.token.range.start.character);
  const paragraph = p >= 0 ? cable.paragraphs[p].readAs : undefined;
  if (item.label) return `The item '${item.label.text}' ${paragraph !== undefined ? `in paragraph ${paragraph}` : `on line ${line + 1}`}`;
  return paragraph !== undefined ? `Line ${line + 1}, in paragraph ${paragraph},` : `Line ${line + 1}`;
}

/**
 * Names a heading's own marking, the one that ends its title (`BACKGROUND (U)`, `Heading.marking`), in a finding's message
 * as {@link describeItem} names one that opens a title: "The heading on line 16", the subject of a sentence.
 */
export function describeHeading(heading: Heading): string {
  return `The heading on line ${(heading.marking?.token.range.start.line ?? heading.text.range.start.line) + 1}`;
}

// A word of letters that is not a release's X-run: "CLOSURE", "OF", but not "XXXXXXXXXXXX".
const LETTER_WORD = /^[A-Za-z]{2,}$/;
const X_RUN = /^x+$/i;

/**
 * Whether a DECL value that is no date reads as an event ("CLOSURE OF ICTY", "TEN YEARS AFTER
 * KOREAN UNIFICATION"): two words of letters or more. "MR", "05/27/2O19" and "XXXXXXXXXXXX 2019" do not.
 */
export function declNamesEvent(value: string): boolean {
  let words = 0;
  for (const word of value.trim().split(/\s+/)) if (LETTER_WORD.test(word) && !X_RUN.test(word)) words++;
  return words >= 2;
}

/** How far below the banner (or the text's start) a field's label is looked for when the field is missing. */
const LABEL_SEARCH = 80;

/**
 * A line above the first paragraph that opens with `label` typed or scanned with one character wrong, or with a semicolon for
 * its colon ("5UBJECT:", "SUBJECl:", "Classifled By:", "TAG5:", "S UBJECT;"; the parser reads "SUBJECT;" itself): the field a rule finds missing, which the parser
 * could not read. Letters are compared in capitals with the spaces taken out (`label` "CLASSIFIEDBY"). Gives the range of the
 * label and its separator, and the label as written right (`spelled`, with its colon); undefined when no line reads so.
 */
export function misspelledLabel(cable: Cable, label: string, spelled: string): { range: Range; text: string } | undefined {
  const lines = linesAsRead(cable);
  const from = cable.banner ? cable.banner.line + 1 : 0;
  const to = Math.min(lines.length, cable.paragraphs.length > 0 ? cable.paragraphs[0].range.start.line : lines.length, from + LABEL_SEARCH);
  for (let i = from; i < to; i++) {
    const text = lines[i];
    let lead = 0;
    while (lead < text.length && isSpace(text.charCodeAt(lead))) lead++;
    // The separator within the label's length and a space or two more.
    let sep = -1;
    for (let k = lead; k < text.length && k - lead <= label.length + 3; k++) {
      const c = text.charCodeAt(k);
      if (c === 58 /* : */ || c === 59 /* ; */) {
        sep = k;
        break;
      }
    }
    if (sep < 0) continue;
    let letters = '';
    for (let k = lead; k < sep; k++) if (!isSpace(text.charCodeAt(k))) letters += text[k].toUpperCase();
    if (letters.length !== label.length) continue;
    let wrong = 0;
    for (let k = 0; k < label.length && wrong <= 1; k++) if (letters[k] !== label[k]) wrong++;
    const colon = text.charCodeAt(sep) === 58;
    // One character wrong with its colon, or the label right with a semicolon; the label right with its colon is the field's.
    if (wrong > 1 || (wrong === 1) !== colon) continue;
    return { range: range(i, lead, sep + 1), text: spelled };
  }
  return undefined;
}

/**
 * The first caveat that releases the cable to other countries (`REL TO USA, GBR` on a caveat line, `REL SAU` after the
 * level on one: `SECRET//REL SAU`), which says the opposite of NOFORN (CBL032 on a NOFORN portion, CBL036 beside a
 * NOFORN caveat).
 */
export function releaseCaveat(caveats: readonly Caveat[]): Caveat | undefined {
  for (let i = 0; i < caveats.length; i++) if (caveats[i].name.startsWith('REL ')) return caveats[i];
  return undefined;
}

// The level a marking opens with, as the parser reads it ("S" of "(S/NF)", "SECRET" of "(SECRET/REL FRANCE)"), in any case.
const MARKING_LEVEL = /^(TOP SECRET|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|SBU|TS|U|C|S)(?=$|[\s/\-,])/i;

/**
 * A fix that writes `level` for the level `portion` opens with, written as it was, a letter or a word, in its case ("(S/NF)"
 * at CONFIDENTIAL gives "(C/NF)", "(SECRET/REL FRANCE)" "(CONFIDENTIAL/REL FRANCE)", "(s)" "(c)"), its controls kept; its
 * edit covers the level's letters alone. It changes a classification, so it is never safe or preferred: the user chooses
 * it. Undefined when the marking does not open with a level so written ("(SNF)").
 */
export function markingAtLevelFix(portion: PortionMarking, level: Level, title: (marking: string) => string): Fix | undefined {
  const inner = portion.inner;
  if (inner.range.start.line !== inner.range.end.line) return undefined;
  const lead = inner.text.length - inner.text.trimStart().length;
  const m = MARKING_LEVEL.exec(inner.text.slice(lead));
  if (!m) return undefined;
  const written = m[1];
  const word = written.length > 3 && written.toUpperCase() !== 'UNCLAS' ? level : levelAbbreviation(level);
  const newText = written === written.toLowerCase() ? word.toLowerCase() : word;
  const start = inner.range.start.character + lead;
  const at = start - portion.token.range.start.character;
  const marking = portion.token.text.slice(0, at) + newText + portion.token.text.slice(at + written.length);
  const line = inner.range.start.line;
  return { title: title(marking), edits: [{ range: range(line, start, start + written.length), newText }], safe: false };
}

/** The fields under the banner in the order cables write them (FORMAT.md §1). */
const FIELD_ORDER = ['eo', 'tags', 'subject', 'refs', 'classifiedBy'] as const;

/** A field whose line a rule finds missing and {@link fieldLineFix} writes. */
export type MissingField = 'eo' | 'tags' | 'subject' | 'classifiedBy';

/**
 * A quick fix that writes a missing field's keyword (`keyword`, `TAGS: `) on a line of its own at the field's place, and
 * changes nothing else: under the field before it written above the first paragraph (`SUBJECT: ` under TAGS,
 * `Classified By: ` a blank line under SUBJECT or REF, where cables write it), else above the next one (`E.O. 13526: `
 * above TAGS), else, for the E.O. line, a blank line under the banner or its last caveat. Never safe: Fix All and `--fix` leave a line to fill in to the writer.
 * Undefined when the cable gives no such place, or the field next to it shares its line with other text.
 */
export function fieldLineFix(cable: Cable, field: MissingField, keyword: string): Fix | undefined {
  const { lines, eol } = cable;
  const body = cable.paragraphs[0]?.range.start.line ?? Infinity;
  const written = (name: (typeof FIELD_ORDER)[number]): Range | undefined => {
    const f = cable[name];
    return f && f.range.start.line < body ? f.range : undefined;
  };
  const at = FIELD_ORDER.indexOf(field);
  const insert = (line: number, character: number, newText: string): Fix => ({
    title: `Insert the line '${keyword.trimEnd()}'`,
    edits: [{ range: range(line, character, character), newText }],
    safe: false,
  });
  // Under the field before it ("TAGS: PREL" ⏎ "SUBJECT: "): the end of that line.
  let after: number | undefined;
  for (let i = at - 1; i >= 0 && after === undefined; i--) {
    const prev = written(FIELD_ORDER[i]);
    if (!prev) continue;
    if (lines[prev.end.line].slice(prev.end.character).trim() !== '') return undefined;
    after = prev.end.line;
  }
  // A blank line above Classified By, where cables write one.
  let gap = field === 'classifiedBy';
  if (after === undefined) {
    // The first field of those written: above the next one ("TAGS: …" under the caveats takes "E.O. 13526: " above it).
    for (let i = at + 1; i < FIELD_ORDER.length; i++) {
      const next = written(FIELD_ORDER[i]);
      if (!next) continue;
      if (lines[next.start.line].slice(0, next.start.character).trim() !== '') return undefined;
      return insert(next.start.line, 0, `${keyword}${eol}`);
    }
    // No field yet: the E.O. line a blank line under the banner or its last caveat ("SIPDIS" ⏎ ⏎ "E.O. …").
    if (field === 'eo' && cable.banner && cable.banner.line < body) {
      after = cable.banner.line;
      for (const c of cable.caveats) if (c.token.range.end.line > after && c.token.range.end.line < body) after = c.token.range.end.line;
      gap = true;
    }
  }
  if (after === undefined) return undefined;
  return insert(after, lines[after].length, `${gap ? eol + eol : eol}${keyword}`);
}

/**
 * The marking that opens the line under `line` when nothing but white space follows `from` on `line`: a paragraph's
 * number alone on its line with its marking on the next (`3.` ⏎ `(C) Tavares added …`), as a transcription wraps a
 * paragraph's opening. Undefined when the next line opens with no marking that names a level.
 */
export function markingOnNextLine(cable: Cable, line: number, from: number): PortionMarking | undefined {
  const lines = linesAsRead(cable);
  const text = lines[line];
  const next = lines[line + 1];
  if (text === undefined || next === undefined || trimEndOffset(text) > from) return undefined;
  // "\u200B(C) …": an invisible character (CBL035 reports it) hides no marking.
  const marking = parsePortionMarking(line + 1, next, markingStart(next, skipSpaces(next)));
  return marking?.level === undefined ? undefined : marking;
}
