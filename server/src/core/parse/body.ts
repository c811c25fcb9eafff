/**
 * The body: numbered paragraphs with portion markings, headings,
 * Summary/Comment/Note blocks, continuation-page lines, redactions, the
 * signature (FORMAT.md §6, CORPUS-FINDINGS.md §8–13) and the trailer that
 * closes the transmission ("BT", "#0708", "NNNN"; FORMAT.md §1).
 */
import type {
  Banner,
  Block,
  BlockMarker,
  Heading,
  ItemMarking,
  LineKind,
  MarkerStyle,
  OldPageHeader,
  PageLine,
  Paragraph,
  ParseProblem,
  PortionMarking,
  Position,
  Range,
  Signature,
  Token,
  Trailer,
} from '../model';
import type { LineShapes } from '../text';
import { BLOCK_LABEL_WORDS, BLOCK_LABELS, COMMENT_CONTINUED, digitsValue, inCapitals, isAlnum, isBlankedLine, isCapital, isDigit, isInvisible, isLetter, isSmall, isSpace, lineRange, markingStart, matchingBracket, numberToken, openingBracket, paragraphIndexAt, paragraphTextStart, partitionPoint, range, samePosition, skipSpaces, spanRange, OPENING_MARKING, token, trimEndOffset, upperCase, WHITE_RUNS, wordEnd } from '../text';
import * as Hint from './hints';
import type { LineHints } from './hints';
import { LONE_LEVEL, readRepeatedBanner } from './banner';
import { EOM_SERIAL, mayBeEomSerial, mayEndTransmission, TRANSMISSION_END } from './header';
import { endingMarking, parseBracketMarking, parseMisclosedMarking, parseMisopenedMarking, SLASH_MISREAD_NF, standsForClose, standsForOpen, parsePortionMarking, parseSplitMarking, parseUnclosedMarking, parseUnopenedMarking } from './marking';
import { findOldPageHeader, findPageLines, readDamagedPageLine } from './pages';

/** What {@link parseBody} reads from. */
export interface BodyInput {
  readonly lines: readonly string[];
  /** {@link splitShapes} of the lines. */
  readonly shapes: LineShapes;
  /** {@link scanHints} of the text. */
  readonly hints: LineHints;
  /** Pre-filled for lines before `startLine` and for repeated banners; body fills the rest. */
  readonly lineKinds: LineKind[];
  readonly startLine: number;
  readonly banner?: Banner;
  readonly problems: ParseProblem[];
  /** A block's title glued to the end of the Classified By field, before the body (the metadata's `gluedBlockTitle`). */
  readonly gluedBlockTitle?: Position;
}

/** What the body holds. */
export interface BodyResult {
  paragraphs: Paragraph[];
  /** The markings that open items and lines inside the body, in line order. */
  itemMarkings: ItemMarking[];
  headings: Heading[];
  /** The tables' ranges, in line order. */
  tables: Range[];
  blockMarkers: BlockMarker[];
  blocks: Block[];
  pageLines: PageLine[];
  oldPageHeaders: OldPageHeader[];
  redactions: Token[];
  signature?: Signature;
  /** "BT", "#0708" and "NNNN" after the text. */
  trailer?: Trailer;
  /** Banners repeated in the body, in line order (the first banner is not among them). */
  repeatedBanners: Banner[];
}

// "¶1.", "¶ 13.", "¶12..", "1.(C)", "1. (S/NF)", "3.. (SBU)", indented markers; "¶2 (C)", a pilcrow's number that lost its full stop before a marking;
// "18, (SBU)" and "3 (S)", a bare number that lost its full stop or has a comma for it, before a marking, and "18.Our", a number
// glued to its text by the full stop (each a paragraph only as the next number: numberParagraphs).
export const MARKER = /^(\s*)(?:(\u00B6)(\s?)(\d{1,3})(?:\s?(\.{1,2})|(?=\s*\())|(\d{1,3})(?:(\.{1,2})|,?(?=\s*\()))(?=\s|\(|$|(?<=\.)[A-Z])/;
export const RULE_LINE = /^\s*(?:-{3,}(?: -+)*|(?:--? ){2,}(?:--?)?|={3,}|_{3,}|\*{3,}|[\u2013\u2014]{2,})\s*$/;
const BODY_FIELD = /^\s*(?:E\.?O\.?\s*\d{5}|TAGS?\b|SUBJECT\s*:|SUBJ\s*:|REF\s*:|Classified\s+By\b)/i;

// Openers at the start of a paragraph's text or a line: "Summary:", "SUMMARY -", "Begin Summary", "Embassy Comment:".
// "Embassy Note and Comment:" opens a Comment, which "End Embassy Comment" closes.
export const OPENER = new RegExp(String.raw`(?:BEGIN\s+)?(?:(?:${BLOCK_LABELS}|BEGIN)\s+)?(SUMMARY|COMMENTS?|NOTES?\s+AND\s+COMMENTS?|NOTES?)(?:\s+AND\s+(?:COMMENTS?|INTRODUCTION|ACTION\s+REQUEST|KEY\s+(?:THEMES|POINTS)))?(?:\s*[:.]|\s+-+(?=\s|$)|\s*--)`, 'iy');
// "(Note: …", "(Comment: …", "[Note: …" and "(Embassy Note: …" inside a line.
export const PAREN_OPENER = new RegExp(String.raw`[([](?:(?:${BLOCK_LABELS})\s+)?(NOTE|COMMENT)\s*:`, 'gi');

// "End Summary.", "END SUMMARY AND COMMENT", "End Comment", "End Note", "END NOTES", "End Embassy Comment".
export const CLOSER = new RegExp(String.raw`\bEND\s+(?:(?:${BLOCK_LABELS})\s+)?(SUMMARY|COMMENTS?|NOTES?)\b`, 'gi');

// The E.O./TAGS/SUBJECT block repeated after a per-section banner: which field a line opens.
const FIELD_TAGS = /^\s*TAGS?/i;
const FIELD_SUBJECT = /^\s*SUBJ/i;
// SIPDIS on its own line.
const SIPDIS_LINE = /^\s*SIPDIS\s*$/i;
// How a mixed-case heading may start.
const HEADING_START = /^[A-Z0-9"\u201C'(]/;
// Footers and links are not headings.
const LINK = /https?:|www\.|@/;
// Last lines that are not signed: elisions, quoted mail. A link is looked at where the name is. Read by notSigned.
export const NOT_SIGNED = /\.\.\.\s*$|\u2026\s*$|>\s*$/;
// An elision on a line of its own: a partial record's last line, after the signature.
const ELISION_LINE = /^\s*(?:\.{3,}|\u2026)\s*$/;
// The footer some posts put after the signature, and the line before a mail system's trailer.
const CLASSIFIED_WEBSITE = /\bclassified\s+web\s*site\b/i;
const FOOTER_START = /^\s*["\u201C]?(?:please\s+)?visit\b.{0,60}\bclassified\s+web\s*site\b/i;
const END_CABLE_TEXT = /^\s*end\s+cable\s+text\s*$/i;
// "… END SUMMARY" before a glued name: the name closes nothing.
const ENDS_WITH_END = /\bEND\s+\w+\s*$/i;
// "//COMMENT//" and "EMBASSY COMMENT" headings open a block, named by its word.
// "SUMMARY AND INTRODUCTION" and "Summary and Key Themes" headings open a Summary, as the same words do in a paragraph.
const HEADING_OPENER = /^(?:EMBASSY\s+)?(SUMMARY|COMMENTS?|NOTES?)(?:\s+AND\s+(?:COMMENTS?|INTRODUCTION|ACTION\s+REQUEST|KEY\s+(?:THEMES|POINTS)))?$/i;
const BLOCK_WORD = /(SUMMARY|COMMENTS?|NOTES?)/i;
const WHITE_SPACE = /\s+/;

/** What a line's first character lets it be, as bits of {@link FIRST_CHAR}. */
const enum First {
  /** "P": an old page header ("PAGE 02 HARARE …"). */
  Page = 1,
  /** "C", "S", "U", "s": a bare level ("CONFIDENTIAL") or SIPDIS on its own line. */
  Level = 2,
  /** "-", "=", "_", "*": a rule line. */
  Rule = 4,
  /** A digit or "¶": a paragraph marker. */
  Marker = 8,
  /** The first letter of an opener word (Begin, Embassy, Post, Department, USUN, Mission, Summary, Comment, Note). */
  Opener = 16,
  /** "C", "S", "U", "T": a banner repeated in the body. */
  Banner = 32,
  /** "l", "I", "P", "q", "¶" or a digit: a paragraph marker with a letter misread for a digit or the pilcrow ("l.", "P2."). */
  Misread = 64,
  /** An invisible character ({@link isInvisible}) but the BOM, beyond the table: a marking may stand after it. */
  Invisible = 128,
}

/**
 * {@link First} bits for the characters up to the word joiner U+2060 (see {@link firstBits} for the rest). One table read
 * for all of them, where the comparisons for the dashes and the invisible characters, first run after the optimizing
 * compiler had compiled `firstBits` and the functions that inline it, deoptimized them.
 */
const FIRST_CHAR = (() => {
  const table = new Uint8Array(0x2061);
  table[0x2013] = First.Rule;
  table[0x2014] = First.Rule;
  for (let c = 0x200b; c <= 0x200f; c++) table[c] = First.Invisible;
  table[0x2060] = First.Invisible;
  table[80] |= First.Page;
  for (const c of 'CSUs') table[c.charCodeAt(0)] |= First.Level;
  for (const c of '-=_*') table[c.charCodeAt(0)] |= First.Rule;
  for (const c of '0123456789\u00b6') table[c.charCodeAt(0)] |= First.Marker;
  for (const c of 'bepdumscnBEPDUMSCN') table[c.charCodeAt(0)] |= First.Opener;
  for (const c of 'CSUT') table[c.charCodeAt(0)] |= First.Banner;
  for (const c of '0123456789\u00b6lIPq') table[c.charCodeAt(0)] |= First.Misread;
  return table;
})();

/** The {@link First} bits of a line's first character: the table's up to the word joiner, and none above. */
function firstBits(c: number): number {
  return c < FIRST_CHAR.length ? FIRST_CHAR[c] : 0;
}

/** True for the first characters of a rule line: "-", "=", "_", "*", "–" and "—". */
export function isRuleChar(c: number): boolean {
  return (firstBits(c) & First.Rule) !== 0;
}

/**
 * What the first pass over the body lines finds for the later steps. Lines that may hold a block
 * marker, that may start a heading, and that end a paragraph early are listed in line order;
 * headings and the signature, found later, add theirs to the late lists (in line order too).
 */
interface BodyScan {
  readonly blockLines: number[];
  readonly lateBlockLines: number[];
  readonly headingCandidates: number[];
  readonly stops: number[];
  readonly lateStops: number[];
  readonly markerLines: number[];
  readonly markers: MarkerInfo[];
  /**
   * The markers in the bare style less those with a pilcrow, counting only those with a portion marking and nothing misread:
   * above 0, the bare style is the cable's own (see {@link numberParagraphs}).
   */
  bareOverPilcrow: number;
  /** The lines whose markers number paragraphs, and those markers. */
  readonly paragraphLines: number[];
  readonly paragraphMarkers: MarkerInfo[];
  /** The title and rule lines of the titles a paragraph lists items under (see {@link findItemTitles}), in line order. */
  readonly itemLines: number[];
  /** The lines of the paragraphs glued to the end of the line before them (see {@link gluedMarker}), and their markers, in text order. */
  readonly gluedLines: number[];
  readonly gluedMarkers: MarkerInfo[];
  /** True when a marker with a letter misread in it numbers a paragraph ({@link readMisreadMarker}): its label is no item's. */
  misreadTaken: boolean;
  /** Whether a body line opens with the Roman numeral "II." (an outline "I. (C) …", "II. (C) …"), looked for once when needed. */
  romanTwo?: boolean;
}

/**
 * Reads the body from `startLine`. Redactions and page lines are collected over the whole document.
 *
 * One pass classifies the lines and notes the few that later steps must look at: the lines a
 * heading can start on, the lines a Summary/Comment/Note marker can sit on, and the lines that
 * end a paragraph early. The later steps visit only those, so that prose is read once. Each
 * step is a function of its own: the engine compiles and optimizes them one at a time.
 */
export function parseBody(input: BodyInput): BodyResult {
  const result: BodyResult = {
    paragraphs: [],
    itemMarkings: [],
    headings: [],
    tables: [],
    blockMarkers: [],
    blocks: [],
    pageLines: [],
    oldPageHeaders: [],
    redactions: [],
    // Every field from the start: an object that gains one later changes its shape, and the optimized code reading it is thrown away.
    signature: undefined,
    trailer: undefined,
    repeatedBanners: [],
  };
  const scan: BodyScan = {
    blockLines: [],
    lateBlockLines: [],
    headingCandidates: [],
    stops: [],
    lateStops: [],
    markerLines: [],
    markers: [],
    bareOverPilcrow: 0,
    paragraphLines: [],
    paragraphMarkers: [],
    itemLines: [],
    gluedLines: [],
    gluedMarkers: [],
    misreadTaken: false,
  };
  // Redactions and continuation-page lines before the body, on the lines whose hints allow them.
  const { lines, lineKinds: kinds } = input;
  const hints = input.hints.bits;
  for (let i = 0; i < input.startLine && i < lines.length; i++) {
    if ((hints[i] & Hint.READ) !== 0) readHintedLine(i, lines[i], hints[i], result, kinds, false);
  }
  classifyLines(input, result, scan);
  numberParagraphs(input, scan);
  // "l. (C) …" read as an item's label and marking, and then as paragraph 1: the marking is the paragraph's.
  if (scan.misreadTaken) result.itemMarkings = result.itemMarkings.filter((item) => item.label === undefined || kinds[item.label.range.start.line] !== 'paragraph');
  findItemTitles(input, scan);
  readHeadingsAndSignature(input, result, scan);
  buildParagraphs(input, result, scan);
  // Block markers over the body, on the lines that can hold one.
  // The second words of closers that close two blocks: they close only a block that is open.
  const optional = new Set<BlockMarker>();
  // "… 1.4 (b) and (d). Summary -------": a title glued to the Classified By opens its block there, before the body's markers.
  const glued = input.gluedBlockTitle && openerAt(input.gluedBlockTitle.line, lines[input.gluedBlockTitle.line], input.gluedBlockTitle.character);
  if (glued) result.blockMarkers.push(glued);
  collectBlockMarkers(lines, input.shapes, input.hints, kinds, scan, result.blockMarkers, optional);
  // The openers that stand for a title over what follows, and run on over its paragraphs as a heading's do: the one glued to
  // the Classified By, and those glued with their rule to the end of a paragraph ("… in the region. Comment -------").
  const titles = new Set<BlockMarker>();
  if (glued) titles.add(glued);
  const markerCount = result.blockMarkers.length;
  const titled = gluedEndTitles(lines, input.shapes, result.paragraphs, result.blockMarkers, titles);
  if (result.blockMarkers.length > markerCount) result.blockMarkers.sort(byTokenStart);
  // Openers found late, looking back from a closer that had none.
  const late: BlockMarker[] = [];
  result.blocks = pairBlocks(result.blockMarkers, result.paragraphs, result.headings, lines, optional, late, titles, titled);
  // Those that closed nothing ("End summary and comment." with no Comment open) are no markers.
  if (optional.size > 0) result.blockMarkers = result.blockMarkers.filter((m) => !optional.has(m));
  if (late.length > 0) {
    result.blockMarkers.push(...late);
    result.blockMarkers.sort(byTokenStart);
  }
  return result;
}

/** Orders markers by where their tokens start. */
function byTokenStart(a: BlockMarker, b: BlockMarker): number {
  return a.token.range.start.line - b.token.range.start.line || a.token.range.start.character - b.token.range.start.character;
}

/**
 * The title glued with its rule to the end of `text`, after a sentence's end or a page line's numbers run into the line
 * ("… was agreed. Action Request --------", "… in Georgia. STOCKHOLM 00000051 002 OF 002 Comment -------", 08STOCKHOLM51,
 * whose copy lost the line breaks around its titles): where its words start and end, or undefined. The words open with a
 * capital and hold no sentence's end; the rule is three dashes or more, with nothing after it. Only a line that ends with
 * three dashes is searched, which few lines of the text do.
 */
export function gluedTitleAtEnd(text: string): { start: number; end: number } | undefined {
  let r = trimEndOffset(text);
  const dashes = r;
  while (r > 0 && text.charCodeAt(r - 1) === 45 /* - */) r--;
  if (dashes - r < 3) return undefined;
  while (r > 0 && (text.charCodeAt(r - 1) === 32 || text.charCodeAt(r - 1) === 9)) r--;
  const m = GLUED_TITLE_END.exec(text.slice(0, r));
  return m ? { start: m.index + m[0].length - m[1].length, end: r } : undefined;
}

/** The longest title {@link gluedTitleAtEnd} reads. */
const MAX_GLUED_TITLE = 60;
// A sentence's end (closing quotes or brackets after it) or a page line's "002 OF 002", then a title's words up to the end.
const GLUED_TITLE_END = new RegExp(String.raw`(?:[.!?]["\u201D\u2019')\]]*|\b\d{3} OF \d{3})[ \t]+([A-Z][A-Za-z'&/, -]{0,${MAX_GLUED_TITLE - 2}}[A-Za-z])$`);
// The words of a block's title, as a heading's ("Comment", "Embassy Comment", "SUMMARY"), its first letter a capital.
const GLUED_BLOCK_WORDS = new RegExp(String.raw`^(?:(?:${BLOCK_LABELS})[ \t]+)?(SUMMARY|COMMENTS?|NOTES?)$`, 'i');

/**
 * Adds to `out` and `titles` the openers of the blocks whose titles are glued with their rule to the end of a paragraph's last line
 * ({@link gluedTitleAtEnd}: "… in Georgia. Comment -------"), and returns the paragraphs' last lines that hold a title so
 * glued, whatever its words ("… was agreed. Action Request -----" too), or undefined for none: {@link pairBlocks} ends a
 * title's paragraphs at the next of them. Each paragraph's last line is read once, only when it ends with "-" (a few lines
 * of a few cables).
 */
function gluedEndTitles(lines: readonly string[], shapes: LineShapes, paragraphs: readonly Paragraph[], out: BlockMarker[], titles: Set<BlockMarker>): ReadonlySet<number> | undefined {
  let titled: Set<number> | undefined;
  let previous = -1;
  for (const p of paragraphs) {
    const line = p.range.end.line;
    if (line === previous || shapes.lasts[line] !== 45 /* - */) continue;
    previous = line;
    const text = lines[line];
    const title = gluedTitleAtEnd(text);
    if (!title) continue;
    (titled ??= new Set()).add(line);
    const words = GLUED_BLOCK_WORDS.exec(text.slice(title.start, title.end));
    if (!words) continue;
    const s = title.end - words[1].length;
    const opener: BlockMarker = { kind: kindOf(words[1]), role: 'open', token: token(line, text, s, title.end) };
    out.push(opener);
    titles.add(opener);
  }
  return titled;
}

/** "AG", the second and third characters of "PAGE", as classifyLines compares them: the second's code above the third's. */
const PAG = (65 << 16) | 71;

/** Classifies the body lines by their first character and lists the lines later steps visit. */
function classifyLines(input: BodyInput, result: BodyResult, scan: BodyScan): void {
  const { lines, lineKinds: kinds, startLine, shapes } = input;
  const { indents, ends, firsts, seconds, lasts } = shapes;
  const n = lines.length;
  const hints = input.hints.bits;
  const { blockLines, headingCandidates } = scan;
  let afterRepeatedBanner = false;
  const bannered = input.banner !== undefined;
  for (let i = startLine; i < n; i++) {
    const lead = indents[i];
    // Each line's first character and its bits, read once: each read from an array costs a call of the engine's generic
    // load until the function is optimized, which a one-shot `cablelint` run pays for its first cables.
    const c = firsts[i];
    const first = firstBits(c);
    if (bannered && (first & First.Banner) !== 0 && kinds[i] === 'text') markRepeatedBanner(i, lines[i], lead, c, seconds[i], result, kinds);
    const hint = hints[i];
    if ((hint & Hint.READ) !== 0) readHintedBodyLine(i, lines[i], hint, result, kinds, blockLines);
    const kind = kinds[i];
    if (kind !== 'text') {
      // A banner, a page line, or a line a hint read: none is read further.
      if (kind === 'banner') afterRepeatedBanner = true;
      passOver(kind, i, startLine, kinds, scan);
      continue;
    }
    if (lead < 0) {
      kinds[i] = 'blank';
      continue;
    }
    // The first character decides which readers can apply; most lines are prose and need none. The last and second
    // characters are read once too.
    const text = lines[i];
    const last = lasts[i];
    const second = seconds[i];
    // The E.O./TAGS/SUBJECT block repeated after a per-section banner.
    if (afterRepeatedBanner && markBodyField(i, text, c, kinds)) continue;
    // "VALLETTA 0000O412 002 OF 002": a page line a character of its numbers damaged is a page break all the same, no title's
    // first line; only a line that ends with a digit and opens with a letter is tried.
    if (isDigit(last) && isLetter(c) && markDamagedPageLine(i, text, lead, ends[i], startLine, result, kinds, headingCandidates)) continue;
    // "PAGE 02 …": the first three letters are enough to pass over "President" and "PARIS".
    // The third character read once for the block openers' test below too, and the two compared as one number: an addition
    // and a read made only for a line opening with "PA" were first met after the function was optimized, and deoptimized it.
    const third = (first & First.Opener) !== 0 && lead + 2 < text.length ? text.charCodeAt(lead + 2) : 0;
    if ((first & First.Page) !== 0 && ((second << 16) | third) === PAG && markOldPageHeader(i, text, startLine, result, kinds, headingCandidates)) continue;
    // A bare level on its own line is an old page break ("CONFIDENTIAL"), and SIPDIS on its own line a caveat. Both are short: a
    // length check spares the regular expressions on prose.
    if ((first & First.Level) !== 0 && ends[i] - lead >= 6 && ends[i] - lead <= 12 && markLevelLine(i, text, c, ends[i] - lead, startLine, kinds, headingCandidates)) continue;
    // A rule line also ends with a rule character: "-- The minister said …" is prose.
    // "- - - … - -" ⏎ "-": a rule wrapped so that its last dash or two fall on a line of their own is one rule line with it.
    // The kind of the line above, read and compared first for every line that gets here, and the dash line's own tests before
    // it (a line opening and closing with a dash, as rule lines do, is met in the first cables): a read, a compare or a width
    // made only for a dash line's tail under a rule line were first met after the function was optimized, and deoptimized it.
    const above = i > startLine ? kinds[i - 1] : 'text';
    const aboveRule = above === 'rule';
    const tail = c === 45 /* - */ && last === 45 && ends[i] - lead <= 2 && aboveRule;
    if (tail || ((first & First.Rule) !== 0 && isRuleChar(last) && RULE_LINE.test(text))) {
      markRuleLine(i, kinds, scan);
      continue;
    }
    // "(S/NF) GOA Response: …", "¶B. (S/NF) USG Concern: …", "-- (S) The King said …": a marking that opens an item or a line.
    // Most lines open with a word: its first two characters, from the shapes, rule out an item before any call. A line
    // itemMarkingAt takes is no paragraph's first ("1) (C) …" is no paragraph number), and the title over a rule that one
    // opens ("(SBU) Key Elements of …") is a heading.
    // "\u200B(S) …": an invisible character before the marking hides none; the line's marking is read from past it.
    // isInvisible(c) from the table's bit, and the BOM beyond it: a call of isInvisible made only for a character from U+200B
    // on was first met (a curly quote) after the function was optimized, and deoptimized it.
    const markAt = (first & First.Invisible) !== 0 || c === 0xfeff ? markingStart(text, lead) : lead;
    const markC = markAt === lead ? c : text.charCodeAt(markAt);
    // Read and kept by one call: a call of addItemMarking made here only for a line that holds an item's marking was first met
    // (cablegate's 29th cable) after the function was optimized, and deoptimized it.
    if (mayOpenItem(markC, markAt === lead ? second : text.charCodeAt(markAt + 1))) keepItemMarking(input, result, i, markAt, markC);
    let block = false;
    if (first & (First.Marker | First.Misread)) {
      // "l. (C) …", "P2. (C) …", "¶4, (C) …": read only where the marker as written is none, and the second character allows it;
      // "¶ l. (C) …" and "P 2. (C) …", the pilcrow's space after it, are ones too.
      // A line of one character and spaces ("1", "¶") is no marker, and is not read as one: the engine hands out such a line as
      // a string of its own kind (from its table of one-character strings), and meeting it made readMarker's reads of a line
      // megamorphic, a call of the engine's generic load for each (about 3% of a corpus pass).
      const marker = ((first & First.Marker) !== 0 && ends[i] >= 2 ? readMarker(i, text, lead) : undefined) ?? ((first & First.Misread) !== 0 && (mayBeMisread(second) || (second === 32 && (c === 182 || c === 80))) ? readMisreadMarker(i, text, lead) : undefined);
      if (marker) {
        keepMarker(i, marker, scan);
        block = true;
      }
    }
    if (c !== 40 /* ( */) afterRepeatedBanner = false;
    // What a text line needs to start a heading (see readHeading): slashes, trailing dashes,
    // a blank line (or the edge) before it, or a rule line under it.
    // A short line in capitals right under a sentence's end can be one too ("… world." ⏎ "DETAINEES" ⏎ ""), and a short title
    // under a paragraph written on one line ("… our support." ⏎ "Changing Mindsets"); tightHeading reads what follows it.
    // A line under a page line is read as if the page line were not there ("" ⏎ "NOWHERE 00000042 002 OF 005" ⏎ "Ferry Fares").
    if (c === 47 || last === 45 || i - 1 < startLine || indents[i - 1] < 0 || above === 'page' || (i + 1 < n && (isRuleChar(firsts[i + 1]) || (c >= 65 && c <= 90 && last !== 46 /* . */ && endsSentence(lasts[i - 1]) && tightLength(ends[i] - lead, !isSmall(second), ends[i - 1] - indents[i - 1] > MAX_WRAPPED))))) {
      headingCandidates.push(i);
    }
    // "(S/NF) Embassy Note and Comment: …": an item's marking before an opener (markedTextStart).
    if (block || ((first & First.Opener) !== 0 && mayOpenBlock(c, second, third)) || (markC === 40 /* ( */ && markedTextStart(i, text, markAt) >= 0)) {
      if (blockLines.length === 0 || blockLines[blockLines.length - 1] !== i) blockLines.push(i);
    }
  }
}

// classifyLines' rarer cases, each a function of its own: the loop the optimizing compiler compiles for every cable keeps
// only the reads and tests most lines need, and these are compiled, if ever, on their own (issue #7).

/** Reads a line that may be a banner repeated in the body ("CONFIDENTIAL" over a section), and marks it as one. */
function markRepeatedBanner(i: number, text: string, lead: number, c: number, second: number, result: BodyResult, kinds: LineKind[]): void {
  const repeated = readRepeatedBanner(i, text, lead, c, second);
  if (repeated) {
    kinds[i] = 'banner';
    result.repeatedBanners.push(repeated);
  }
}

/** Reads body line `i` as its hints ask ({@link readHintedLine}), and lists it among the lines that can hold a block marker if it can. */
function readHintedBodyLine(i: number, text: string, hint: number, result: BodyResult, kinds: LineKind[], blockLines: number[]): void {
  readHintedLine(i, text, hint, result, kinds, true);
  if (hint & (Hint.PAREN_OPENER | Hint.CLOSER | Hint.INLINE_OPENER)) blockLines.push(i);
}

/** Notes a body line of kind `kind` that is no text: a banner ends a paragraph, a page line may stand under a heading. */
function passOver(kind: LineKind, i: number, startLine: number, kinds: readonly LineKind[], scan: BodyScan): void {
  if (kind === 'banner') scan.stops.push(i);
  else if (kind === 'page') headingAbovePage(scan.headingCandidates, kinds, i, startLine);
}

/** Marks line `i` as the E.O., TAGS, SUBJECT or Classified By field it is, under a banner repeated in the body; false for any other. */
function markBodyField(i: number, text: string, c: number, kinds: LineKind[]): boolean {
  if (!BODY_FIELD.test(text)) return false;
  kinds[i] = FIELD_TAGS.test(text) ? 'tags' : FIELD_SUBJECT.test(text) ? 'subject' : (c | 32) === 101 /* e */ ? 'eo' : 'classified-by';
  return true;
}

/** Marks line `i` as a page line if it is one a character of its numbers damaged ({@link readDamagedPageLine}). */
function markDamagedPageLine(i: number, text: string, lead: number, end: number, startLine: number, result: BodyResult, kinds: LineKind[], candidates: number[]): boolean {
  const damaged = readDamagedPageLine(i, text, lead, end);
  if (!damaged) return false;
  // Its numbers, where the damage leaves them readable, are checked as a page line's (CBL033, CBL034).
  result.pageLines.push(damaged);
  kinds[i] = 'page';
  headingAbovePage(candidates, kinds, i, startLine);
  return true;
}

/** Marks line `i` as a page line if it is an old page header ("PAGE 02 HARARE …"). */
function markOldPageHeader(i: number, text: string, startLine: number, result: BodyResult, kinds: LineKind[], candidates: number[]): boolean {
  const old = findOldPageHeader(i, text);
  if (!old) return false;
  result.oldPageHeaders.push(old);
  kinds[i] = 'page';
  headingAbovePage(candidates, kinds, i, startLine);
  return true;
}

/**
 * Marks line `i`, `length` characters from its first to its last that is no white space, as an old page break if it is a bare
 * level ("CONFIDENTIAL"), or as a caveat if it is SIPDIS on its own.
 */
function markLevelLine(i: number, text: string, c: number, length: number, startLine: number, kinds: LineKind[], candidates: number[]): boolean {
  if (c !== 115 /* s */ && LONE_LEVEL.test(text)) {
    kinds[i] = 'page';
    headingAbovePage(candidates, kinds, i, startLine);
    return true;
  }
  if (length === 6 && SIPDIS_LINE.test(text)) {
    kinds[i] = 'caveat';
    return true;
  }
  return false;
}

/** Lists paragraph marker `marker`, on line `i`, and counts its style if it is marked (see {@link BodyScan.bareOverPilcrow}). */
function keepMarker(i: number, marker: MarkerInfo, scan: BodyScan): void {
  scan.markerLines.push(i);
  scan.markers.push(marker);
  if (marker.portionStart >= 0 && marker.misread === undefined) scan.bareOverPilcrow += marker.style === 'bare' ? 1 : -1;
}

/** Marks line `i` as a rule line: it ends a paragraph and can open a boxed heading. */
function markRuleLine(i: number, kinds: LineKind[], scan: BodyScan): void {
  kinds[i] = 'rule';
  scan.stops.push(i);
  scan.headingCandidates.push(i);
}

/**
 * A page line is a printing artifact, transparent to the structure around it: the text line right above page line `i`
 * may be a heading whose rule line or blank line is under the page line ("Ferries and Fares" ⏎ "NOWHERE 00000042 002 OF 002"
 * ⏎ "------"), so it is a candidate (see readHeading). Candidates stay in line order: every one listed so far is above `i`.
 */
function headingAbovePage(candidates: number[], kinds: readonly LineKind[], i: number, startLine: number): void {
  const above = i - 1;
  if (above >= startLine && kinds[above] === 'text' && candidates[candidates.length - 1] !== above) candidates.push(above);
}

/** The first line at or after `k` that is no page line: what stands under a line when page lines are passed over. */
function skipPageLines(kinds: readonly LineKind[], k: number): number {
  while (k < kinds.length && kinds[k] === 'page') k++;
  return k;
}

/** The last line at or before `k` that is no page line, or `floor - 1`: what stands above a line when page lines are passed over. */
function skipPageLinesBack(kinds: readonly LineKind[], k: number, floor: number): number {
  while (k >= floor && kinds[k] === 'page') k--;
  return k;
}

/**
 * The first line at or after `k` past a continuation-page break: the blank lines and page lines a page break puts between two
 * lines of text ("" ⏎ "NOWHERE 00000042 005 OF 007" ⏎ "" ⏎ ""), at least one page line among them; `k` when there is none.
 */
function pastPageBreak(indents: Int32Array, kinds: readonly LineKind[], k: number): number {
  let j = k;
  let page = false;
  for (; j < kinds.length && (indents[j] < 0 || kinds[j] === 'page' || kinds[j] === 'blank'); j++) if (kinds[j] === 'page') page = true;
  return page ? j : k;
}

/**
 * The last line at or before `k` above a continuation-page break, the blank lines and page lines between two lines of text, at
 * least one page line among them (`pastPageBreak` read upwards), not below `floor`; `k` when there is none.
 */
function pageBreakAbove(indents: Int32Array, kinds: readonly LineKind[], k: number, floor: number): number {
  let j = k;
  let page = false;
  for (; j >= floor && (indents[j] < 0 || kinds[j] === 'page' || kinds[j] === 'blank'); j--) if (kinds[j] === 'page') page = true;
  return page ? j : k;
}

/** Decides which markers number paragraphs, and what each is read as. */
function numberParagraphs(input: BodyInput, scan: BodyScan): void {
  const { lines, lineKinds: kinds, startLine, shapes } = input;
  const { indents, ends, lasts } = shapes;
  const { markerLines, markers, paragraphLines, paragraphMarkers } = scan;
  const hints = input.hints.bits;
  const normalStyle: MarkerStyle = scan.bareOverPilcrow > 0 ? 'bare' : 'pilcrow';

  let expected = 1;
  let artifactRun = false;
  // Whether the last paragraph was marked, and whether the markers now number a quoted document's items.
  let lastMarked = false;
  let quoting = false;
  // The line of the last paragraph or quoted item.
  let last = -1;
  // "… was working. 16. (C) On fares, …" ⏎ "17.Our …": the paragraphs glued into the last paragraph's lines count in the
  // sequence a loose or glued number must follow. They are looked for only when such a number is not the next, and each
  // line once: the search goes on from where it stopped (line `gluedLine` from `gluedFrom`) with the number after the
  // last one found (`gluedNext`), and starts again at each paragraph. A rule or banner line ends the paragraph, and the search.
  let gluedLine = -1;
  let gluedFrom = 0;
  let gluedNext = 1;
  for (let m = 0; m < markerLines.length; m++) {
    const i = markerLines[m];
    const mk = markers[m];
    const prev = previousNonBlank(indents, kinds, i, startLine);
    const prevBlank = prev < i - 1 || prev < 0;
    // A rule line, also one broken by a space ("--------- ------"), ends the text before it; so do a line too long
    // to have been wrapped (a paragraph written on one line: "… See Nowhere 123" ⏎ "¶3. …") and a line the release
    // blanked ("XXXXXXXXXXXX" ⏎ "¶8. …", "¶6. xxxxxxxxxxxx" ⏎ "¶7. …": see isBlankedLine).
    const prevEndsSentence =
      prev < 0 ||
      endsSentence(lasts[prev]) ||
      (kinds[prev] !== 'text' && kinds[prev] !== 'paragraph') ||
      ends[prev] - indents[prev] > MAX_WRAPPED ||
      ((hints[prev] & Hint.REDACTION) !== 0 && isBlankedLine(lines[prev]));
    // "… the pier." ⏎ "2. (C" ⏎ ") The harbor master …": a marking split by a line break marks the number as one on its line
    // does. Looked for only under a line of text, where a number with no marking of its own is in doubt, and only where
    // "(" follows the number and the line does not close it.
    const marked = mk.portionStart >= 0 || (!prevBlank && splitMarkingFollows(lines, shapes, i, mk));
    // "… in Lyon on November ⏎ ¶16. His aim …": a wrapped date, not a paragraph.
    if (!marked && !prevBlank && !prevEndsSentence) continue;
    // A bare "5." needs a marking or a fresh line to be a paragraph number.
    if (mk.style === 'bare' && !marked && !prevBlank) continue;
    // "18, (SBU)" after "¶17." and "3 (S)" after "¶2.": a number without its full stop numbers a paragraph only as the
    // next number, before a marking ("1 (Iran)" or "12 (C)" out of sequence at a wrapped line's start is text).
    if (mk.loose && !marked) continue;
    // "18.Our delegation approved …" after "¶17.": a number glued to its text by the full stop, too, numbers a paragraph
    // only as the next number ("15.Ports will open" in a quoted list numbered apart is text). After "… working. 16. (C) …"
    // glued into the paragraph before, the next number is 17.
    // "l. (C)" or "P2. (C)", a marker with a letter misread in it, numbers a paragraph only as the next number too.
    // "P1. Summary." with no marking numbers a paragraph as "¶1." does, on a fresh line or after a sentence's end.
    if (mk.misread !== undefined && mk.portionStart < 0 && !prevBlank && !prevEndsSentence) continue;
    // A digit misread ("l2. (C)") numbers a paragraph only as the next number; "I6. (C)" where ¶6 is expected is the pilcrow
    // artifact below, its "1" misread too. A pilcrow misread is looked at below, once a quoted document's items are told apart.
    // "I. (C) Introduction" above "II. (C) Background": an outline's Roman numerals, no misread "1." and "11.".
    if (mk.misreadDigit && (mk.numberToken.text === 'I' || mk.numberToken.text === 'II') && (scan.romanTwo ??= hasRomanTwo(lines, startLine))) continue;
    // "k. (C) …" ⏎ "l. (C) …", "H. (C) …" ⏎ "I. (C) …": a lettered list's next item, in a text with no numbered paragraph yet.
    if (mk.misreadDigit && (mk.numberToken.text === 'l' || mk.numberToken.text === 'I') && followsLetter(lines, kinds, i, startLine, mk.numberToken.text === 'l' ? 107 /* k */ : 72 /* H */)) continue;
    if ((mk.loose || mk.glued || mk.misreadDigit) && mk.number !== expected && !(mk.misreadDigit && expected <= 9 && mk.number === expected + 10)) {
      if (gluedLine < 0 || mk.number < gluedNext) continue;
      for (; gluedLine < i; gluedLine++, gluedFrom = -1) {
        if (gluedFrom < 0) {
          const kind = kinds[gluedLine];
          if (kind === 'rule' || kind === 'banner') gluedLine = kinds.length;
          if (kind !== 'text') continue;
          gluedFrom = indents[gluedLine];
        }
        // A glued paragraph's marking opens with "(": a line without one holds none.
        if ((hints[gluedLine] & Hint.PAREN) === 0) continue;
        for (let glued = gluedMarker(lines[gluedLine], gluedLine, gluedFrom, ends[gluedLine], gluedNext); glued; glued = gluedMarker(lines[gluedLine], gluedLine, gluedFrom, ends[gluedLine], gluedNext)) {
          gluedNext++;
          gluedFrom = glued.info.textStart;
        }
      }
      if (mk.number !== gluedNext) continue;
    }
    // "¶9. (SBU) Text of the outcomes" then "¶1. We agreed …": a document quoted in a marked paragraph
    // numbers its own items from 1, unmarked; they belong to that paragraph, up to the next marked one.
    // The quoting paragraph follows the one before it in sequence; a banner, a rule or a header
    // field between it and the items ends the quote (a second copy starts there).
    if (!marked) {
      const n = paragraphMarkers.length;
      if ((quoting || (lastMarked && mk.number === 1 && n >= 2 && paragraphMarkers[n - 2].readAs! + 2 === expected)) && onlyText(kinds, last + 1, i)) {
        quoting = true;
        last = i;
        continue;
      }
    }
    // "P12. (C)" numbers its paragraph as "¶12. (C)" does, whatever the number (the gap or step back CBL024's). "P3. Warthogs …"
    // with no marking, or "q3. (C)", after a blank line may skip numbers as "¶3." may; elsewhere they number the next paragraph
    // only: "q3. (C) Fares." under "Q2. (C) …" is a question's label in small letters.
    // "¶9 (C)", a pilcrow's number that lost its full stop before a marking, numbers its paragraph as "¶9. (C)" does too.
    if (mk.misread !== undefined && !mk.misreadDigit && (mk.portionStart < 0 || !markedByLetterOrPilcrow(mk)) && (prevBlank ? mk.number < expected : mk.number !== expected)) continue;
    // "92. (C)" where ¶2 is expected, in a cable that numbers its paragraphs "¶1.": a pilcrow scanned as the digit 9, which
    // read as paragraph 92 (CBL024's gap of 90 and step back). Read as "¶2." misread, before a marking only (CBL046).
    if (mk.misread === undefined && mk.style === 'bare' && mk.portionStart >= 0 && normalStyle === 'pilcrow' && mk.number !== expected && mk.numberToken.text.charCodeAt(0) === 57 /* 9 */ && mk.numberToken.text === `9${expected}`) {
      const digits = mk.numberToken.range;
      mk.misread = `¶${mk.marker.text.slice(1)}`;
      mk.number = expected;
      mk.numberToken = { text: mk.numberToken.text.slice(1), range: { start: { line: digits.start.line, character: digits.start.character + 1 }, end: digits.end }, value: expected };
    }
    quoting = false;
    lastMarked = marked;
    last = i;
    let readAs = mk.number;
    // "¶ 13." right after "¶2." is a typo for 3, not a new series; so are "14.", "15." after it.
    if (expected <= 9 && mk.number === expected + 10 && (mk.style !== normalStyle || mk.misread !== undefined)) {
      readAs = expected;
      artifactRun = true;
    } else if (artifactRun && mk.number === expected + 10 && expected <= 9) {
      readAs = expected;
    } else {
      artifactRun = false;
    }
    expected = readAs + 1;
    mk.readAs = readAs;
    if (mk.misread !== undefined) scan.misreadTaken = true;
    kinds[i] = 'paragraph';
    paragraphLines.push(i);
    paragraphMarkers.push(mk);
    gluedLine = i;
    gluedFrom = mk.textStart;
    gluedNext = expected;
  }
}

/**
 * True when the marker `mk` on line `i`, which has no marking on its line, is followed by a marking split by the line break
 * ("2. (C" ⏎ ") The harbor master …", {@link parseSplitMarking}): "(" after the number, and no ")" closing the line.
 */
function splitMarkingFollows(lines: readonly string[], shapes: LineShapes, i: number, mk: MarkerInfo): boolean {
  if (mk.portionStart >= 0 || shapes.lasts[i] === 41 /* ) */ || i + 1 >= lines.length || shapes.indents[i + 1] < 0) return false;
  const text = lines[i];
  const from = mk.marker.range.end.character;
  return text.charCodeAt(markingStart(text, skipSpaces(text, from))) === 40 /* ( */ && parseSplitMarking(lines, i, from) !== undefined;
}

/**
 * The longest line a cable's text wraps at, with room to spare: wrapped lines hold 70 characters at most, bar a few
 * with a page marker or a redaction glued in; a longer line holds a paragraph written on one line, which ends where it does.
 */
const MAX_WRAPPED = 100;

/** True when the lines from `from` up to `to` are all prose, blank or continuation-page lines. */
function onlyText(kinds: readonly LineKind[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (kinds[k] !== 'text' && kinds[k] !== 'blank' && kinds[k] !== 'page') return false;
  return true;
}

/**
 * Finds the titles a numbered paragraph lists its items under: "¶2. (SBU) Participants:" ⏎ "U.S." ⏎ "----" ⏎ "The Deputy
 * Secretary, …" ⏎ "PRC" ⏎ "---" ⏎ "State Councilor …" ⏎ "¶3. …". The first rule after the paragraph's start underlines a
 * title under the paragraph's text, which ends with a colon; that title and each one after it before the next paragraph
 * has text under its rule, not a paragraph: they are no sections' headings, and their rules do not end the paragraph.
 * One walk over the paragraphs with a pointer into the stops, which are in line order.
 */
function findItemTitles(input: BodyInput, scan: BodyScan): void {
  const { lines, lineKinds: kinds, shapes } = input;
  const { indents, ends, lasts } = shapes;
  const { stops, paragraphLines, itemLines } = scan;
  const n = lines.length;
  let s = 0;
  for (let p = 0; p < paragraphLines.length; p++) {
    const i = paragraphLines[p];
    const next = p + 1 < paragraphLines.length ? paragraphLines[p + 1] : n;
    while (s < stops.length && stops[s] <= i) s++;
    for (let listed = false; s < stops.length && stops[s] < next; s++) {
      const rule = stops[s];
      const title = rule - 1;
      // A short line of text right above the rule, below the paragraph's first line, with text (not a paragraph) under the rule.
      if (kinds[rule] !== 'rule' || title <= i || kinds[title] !== 'text' || ends[title] - indents[title] > MAX_TITLE) break;
      const under = nextNonBlank(indents, skipPageLines(kinds, rule + 1));
      if (under >= next || kinds[under] !== 'text') break;
      if (!listed) {
        const above = previousNonBlank(indents, kinds, title, i);
        if (above < i || lasts[above] !== 58 /* : */) break;
        listed = true;
      }
      itemLines.push(title, rule);
    }
  }
}

/**
 * True when plain title `i`, in the paragraph opened on line `opened`, stands in the text the paragraph quotes or lists: the
 * paragraph's line above it ends with a colon and text, not a paragraph, follows it ("¶8. (U) Text of the notice follows:" ⏎ ""
 * ⏎ "Begin Text:" ⏎ "" ⏎ "Kigali November 9, 2008" ⏎ "" ⏎ "The Government …"): no section's heading.
 */
function quotedTitle(shapes: LineShapes, kinds: readonly LineKind[], i: number, opened: number): boolean {
  const { indents, lasts } = shapes;
  const above = previousNonBlank(indents, kinds, i, opened);
  if (above < opened || lasts[above] !== 58 /* : */ || (kinds[above] !== 'text' && kinds[above] !== 'paragraph')) return false;
  const under = nextNonBlank(indents, skipPageLines(kinds, i + 1));
  return under < kinds.length && kinds[under] === 'text';
}

/** Reads the headings (they need paragraph starts to know what follows) and the signature. */
function readHeadingsAndSignature(input: BodyInput, result: BodyResult, scan: BodyScan): void {
  const { lines, lineKinds: kinds, startLine, shapes } = input;
  const { indents } = shapes;
  const { headingCandidates, lateStops, lateBlockLines, itemLines, stops, paragraphLines } = scan;
  // The cable's own text ends before a trailer ("BT", "#0708" and "NNNN", a web-site footer, "End Cable Text"
  // and what follows): no heading or signature is read after it.
  const last = lastNonBlank(indents, startLine);
  const untrailed = last > startLine ? readTrailer(input, result, last) : last;
  const lastLine = last > startLine ? beforeTrailer(lines, shapes, startLine, untrailed) : last;
  // Headings (they need paragraph starts to know what follows), on the lines that can start one.
  let skipTo = -1;
  // A pointer into the item titles and their rules, which are no headings.
  let item = 0;
  // Pointers into the paragraphs and the stops, and the last line of the last heading: which paragraph a plain title sits in.
  let paragraph = 0;
  let stop = 0;
  let headingEnd = -1;
  for (const i of headingCandidates) {
    if (i > lastLine) break;
    while (item < itemLines.length && itemLines[item] < i) item++;
    if (i <= skipTo || (kinds[i] !== 'text' && kinds[i] !== 'rule') || (item < itemLines.length && itemLines[item] === i)) continue;
    // A table's caption, column header and rows are no headings.
    if (kinds[i] === 'rule') {
      const table = tableRows(lines, kinds, indents, i);
      if (table >= 0) {
        skipTo = table;
        result.tables.push(spanRange(i, skipSpaces(lines[i]), table + 1, trimEndOffset(lines[table + 1])));
        continue;
      }
    }
    let heading = readHeading(lines, shapes, kinds, i, startLine);
    // "" ⏎ "XXXXXXXXXXXX" ⏎ "On the Harbor Front" ⏎ "-----" between "¶7." and "¶11.": a line the release blanked where paragraph
    // numbers are missing stands for those paragraphs, as the rules read it (isBlankedLine), not for a wrapped title's first line.
    if (heading?.leadLine !== undefined && heading.first === heading.leadLine && heading.heading.rules.length === 1 && isBlankedLine(lines[heading.leadLine])) {
      while (paragraph < paragraphLines.length && paragraphLines[paragraph] < i) paragraph++;
      if (paragraphsMissing(scan.paragraphMarkers, paragraph)) heading = span(lines, i, 'underlined', heading.heading.rules, i, heading.last);
    }
    // The last line of the cable's own text is never a title alone: what follows it is a footer or the transmission's
    // trailer ("Jeffrey" ⏎ "" ⏎ "\"Visit  Ankara's  Classified  Web  Site …", a footer typed with double spaces, long
    // enough to pass for the text a title stands over).
    if (heading && heading.heading.style === 'plain' && i === lastLine) continue;
    if (heading && heading.heading.style === 'plain') {
      while (paragraph < paragraphLines.length && paragraphLines[paragraph] < i) paragraph++;
      while (stop < stops.length && stops[stop] < i) stop++;
      const opened = paragraph > 0 ? paragraphLines[paragraph - 1] : -1;
      if (opened > headingEnd && (stop === 0 || stops[stop - 1] < opened) && quotedTitle(shapes, kinds, i, opened)) continue;
    }
    if (heading) {
      headingEnd = heading.last;
      result.headings.push(heading.heading);
      // "//(C) LOOKING AHEAD//": the marking after the slashes opens the title as "(C) LOOKING AHEAD" does a plain one's line, an
      // item marking kept in text order.
      if (heading.heading.style === 'slashes') {
        const opening = slashOpeningMarking(lines, (heading.heading.lead ?? heading.heading.text).range.start);
        if (opening) insertItemMarking(input, result, opening);
      }
      for (let k = heading.first; k <= heading.last; k++) {
        if (kinds[k] === 'text' || kinds[k] === 'rule') {
          kinds[k] = k === heading.textLine || k === heading.leadLine ? 'heading' : 'rule';
          lateStops.push(k);
        }
      }
      lateBlockLines.push(heading.textLine);
      skipTo = heading.last;
    }
  }

  // Signature: the last line of the cable's own text, or a name glued to it.
  // The line right above it, with no blank line between, a sentence runs on from: it ends with a word or a comma
  // ("… very well received in" ⏎ "Washington.").
  const above = shapes.lasts[lastLine - 1];
  const runsOn = lastLine > startLine && (kinds[lastLine - 1] === 'text' || kinds[lastLine - 1] === 'paragraph') && (isAlnum(above) || above === 44 /* , */);
  const sig = lastLine >= startLine ? readSignature(lastLine, lines[lastLine], kinds[lastLine], runsOn) : undefined;
  // "Visit Nowhere's Classified Website: http://…/index. cfm Halloran": the last line is a web-site footer, the name glued after its link.
  const signedFooter = sig?.glued === true && kinds[lastLine] === 'text' && FOOTER_START.test(lines[lastLine]);

  // A web-site footer between the text and the signature ("Please visit Paris' Classified Website at:" ⏎ link ⏎ "" ⏎ "PEKALA"),
  // or one that holds the signature, with the rule of asterisks and the "visit:" line above it, is no part of the last paragraph,
  // which ends before it.
  const footer = signedFooter ? footerLead(lines, shapes, kinds, startLine, lastLine) : footerAbove(lines, shapes, kinds, startLine, lastLine);
  for (let k = footer; k >= 0 && k < lastLine; k++) if (kinds[k] === 'text') kinds[k] = 'footer';

  if (sig) {
    result.signature = sig;
    if (!sig.glued) {
      // The signature is the last line: it comes after every heading.
      kinds[lastLine] = 'signature';
      lateStops.push(lastLine);
      lateBlockLines.push(lastLine);
      // "HALLORAN" ⏎ "" ⏎ "HALLORAN": the name written twice, alone between blank lines above the signature, signs too and is
      // no line of the last paragraph, which ends before it.
      const twice = lastNonBlank(indents, startLine, lastLine - 1);
      if (twice >= 0 && twice < lastLine - 1 && kinds[twice] === 'text' && isBlankOrEdge(indents, kinds, twice - 1, startLine) && lines[twice].trim() === sig.token.text) {
        kinds[twice] = 'signature';
        const at = lines[twice].indexOf(sig.token.text);
        // Its fields in the order every signature has them (no spread): one shape for the code that reads signatures.
        result.signature = { token: sig.token, glued: sig.glued, twice: token(twice, lines[twice], at, at + sig.token.text.length) };
      }
    } else if (signedFooter) {
      // So is the footer that holds it.
      kinds[lastLine] = 'footer';
      lateStops.push(lastLine);
    }
  }
  // "Jeffrey" ⏎ "" ⏎ "\"Visit Ankara's Classified Web Site at http://www.intelink.s" ⏎ "gov.gov/wiki/Portal:Turkey\"": a web-site
  // footer after the signature, its link wrapped (09ANKARA1725), is a footer, as one above the signature is, not body text.
  if (lastLine >= startLine && lastLine < untrailed) footerBelow(lines, shapes, kinds, lastLine, untrailed);
  // The trailer ends the last paragraph: it starts on the first non-blank line after the text, after every heading and the signature.
  if (lastLine >= startLine && lastLine < last) lateStops.push(nextNonBlank(indents, lastLine + 1));
}

/** True when the paragraph at index `p` of `markers` is numbered more than one past the one before it (or than 0): paragraphs are missing before it. */
function paragraphsMissing(markers: readonly MarkerInfo[], p: number): boolean {
  const before = p > 0 ? (markers[p - 1].readAs ?? markers[p - 1].number) : 0;
  return p < markers.length && (markers[p].readAs ?? markers[p].number) > before + 1;
}

/**
 * The last row of a table whose caption is boxed by rule line `i` and the rule under the caption, or -1: a column header right
 * under the box (no blank line between) over a rule of its own, then rows of text (no paragraph among them) down to a rule
 * line that closes the table ("-----" ⏎ "Harbor Dues 2009" ⏎ "-----" ⏎ "Port Owner Dues" ⏎ "-----" ⏎ "" ⏎ "Quay 1 Ann Quill 40"
 * ⏎ "Quay 2 Ben Rook 55" ⏎ "" ⏎ "-----"). A title boxed over an underlined title with nothing under that one but text closed
 * by a rule is no section's heading. Page lines are passed over; the walk over the rows stops at the first line that is no
 * text, blank or page line, and no rows are walked twice (the caller skips to the last).
 */
function tableRows(lines: readonly string[], kinds: readonly LineKind[], indents: Int32Array, i: number): number {
  const caption = skipPageLines(kinds, i + 1);
  const boxed = skipPageLines(kinds, caption + 1);
  const header = skipPageLines(kinds, boxed + 1);
  const ruled = skipPageLines(kinds, header + 1);
  if (ruled >= lines.length || kinds[caption] !== 'text' || kinds[boxed] !== 'rule' || kinds[header] !== 'text' || indents[header] < 0 || kinds[ruled] !== 'rule') return -1;
  let rows = 0;
  let k = ruled + 1;
  for (; k < lines.length && (kinds[k] === 'text' || kinds[k] === 'blank' || kinds[k] === 'page'); k++) if (kinds[k] === 'text' && indents[k] >= 0) rows++;
  return rows > 0 && k < lines.length && kinds[k] === 'rule' ? k - 1 : -1;
}

/** Builds the paragraphs: their ranges, the headings they sit under, their first words. */
function buildParagraphs(input: BodyInput, result: BodyResult, scan: BodyScan): void {
  const { lines, lineKinds: kinds, shapes } = input;
  const { ends } = shapes;
  const hints = input.hints.bits;
  const n = lines.length;
  const { lateStops, paragraphLines, paragraphMarkers, itemLines } = scan;
  // Paragraph ranges and the headings they sit under. A paragraph runs to its last text line
  // before the next paragraph, or before a heading, rule, banner, signature or trailer that comes first.
  // The titles a paragraph lists items under and their rules are no stops: they are taken out of the stops once, in one walk
  // (few cables have any), so that the loop tests no line for one.
  const stops = itemLines.length === 0 ? scan.stops : withoutLines(scan.stops, itemLines);
  let headingIndex = -1;
  let nextHeading = 0;
  let nextStop = 0;
  let nextLateStop = 0;
  // "¶8. (U) Minimize considered. SHANNON": a name glued to a paragraph's first line signs the cable and is none of its first words.
  const signature = result.signature?.glued ? result.signature.token.range.start : undefined;
  for (let p = 0; p < paragraphLines.length; p++) {
    const i = paragraphLines[p];
    while (nextHeading < result.headings.length && result.headings[nextHeading].text.range.start.line < i) {
      headingIndex = nextHeading;
      nextHeading++;
    }
    while (nextStop < stops.length && stops[nextStop] <= i) nextStop++;
    while (nextLateStop < lateStops.length && lateStops[nextLateStop] <= i) nextLateStop++;
    const mk = paragraphMarkers[p];
    let limit = p + 1 < paragraphLines.length ? paragraphLines[p + 1] : n;
    if (nextStop < stops.length && stops[nextStop] < limit) limit = stops[nextStop];
    if (nextLateStop < lateStops.length && lateStops[nextLateStop] < limit) limit = lateStops[nextLateStop];
    // "¶5. Financing Issues" ⏎ "-----" ⏎ "" ⏎ "¶A. (S/NF) USG Concern: …": the rule underlines the title, and the items under it are the paragraph's.
    if (limit === i + 1 && kinds[limit] === 'rule' && mk.portion === undefined && underlinesItems(input, i, mk.textStart)) {
      limit = p + 1 < paragraphLines.length ? paragraphLines[p + 1] : n;
      while (nextStop < stops.length && stops[nextStop] <= i + 1) nextStop++;
      if (nextStop < stops.length && stops[nextStop] < limit) limit = stops[nextStop];
      if (nextLateStop < lateStops.length && lateStops[nextLateStop] < limit) limit = lateStops[nextLateStop];
    }
    let last = limit - 1;
    while (last > i && kinds[last] !== 'text') last--;
    const heading = headingIndex >= 0 ? headingIndex : undefined;
    // "… the Policy Action Group was working. 16. (C) On corruption, …": paragraphs glued to the end of this one's lines, each
    // the next number after the one before it. Each ends the paragraph before it right before its marker.
    // -1 for none, never undefined: a paragraph number is never negative, and comparing a number with undefined deoptimized
    // this function.
    const nextReadAs = p + 1 < paragraphMarkers.length ? (paragraphMarkers[p + 1].readAs ?? -1) : -1;
    const want = (mk.readAs ?? mk.number) + 1;
    let glued: GluedMarker | undefined;
    let k = i;
    for (; k <= last; k++) {
      // A glued paragraph's marking opens with "(": a line without one holds none.
      if ((k !== i && kinds[k] !== 'text') || (hints[k] & Hint.PAREN) === 0) continue;
      glued = gluedMarker(lines[k], k, k === i ? mk.textStart : shapes.indents[k], signature?.line === k ? signature.character : ends[k], want);
      if (glued && glued.info.number !== nextReadAs) break;
    }
    if (k <= last) pushGluedParagraphs(input, result, scan, mk, p, i, k, glued as GluedMarker, last, heading, signature, nextReadAs);
    else pushParagraph(input, result, mk, i, { line: last, character: ends[last] }, heading, signature, p, scan);
  }
}

/**
 * True when the rule line under paragraph line `i` underlines a title whose items follow ("¶5. Financing Issues" ⏎ "-----" ⏎
 * "" ⏎ "¶A. (S/NF) USG Concern: …"): the items under it are the paragraph's, and the rule ends none. Out of buildParagraphs'
 * loop, as few paragraphs are followed by a rule line: the optimizing compiler compiles that loop without these reads.
 */
function underlinesItems(input: BodyInput, i: number, textStart: number): boolean {
  const { shapes } = input;
  return isTitle(input.lines[i], shapes, i, textStart) && input.lineKinds[nextNonBlank(shapes.indents, i + 2)] === 'text';
}

/**
 * Pushes the paragraph marker `mk` (the scan's `p`th) opens on line `i`, which `first` ends on line `k`, then the paragraphs glued
 * to the end of its lines from there to line `last` ("… the Policy Action Group was working. 16. (C) On corruption, …"), each
 * the next number after the one before it and ending the one before it right before its marker; `nextReadAs` is the number of
 * the next paragraph on a line of its own (-1 for none), where the glued ones stop. Out of buildParagraphs' loop, as few
 * paragraphs have one glued to them: the optimizing compiler compiles that loop without this walk.
 */
function pushGluedParagraphs(input: BodyInput, result: BodyResult, scan: BodyScan, mk: MarkerInfo, p: number, i: number, k: number, first: GluedMarker, last: number, heading: number | undefined, signature: Position | undefined, nextReadAs: number): void {
  const { lines, lineKinds: kinds, shapes } = input;
  const { ends } = shapes;
  const hints = input.hints.bits;
  let open = mk;
  let openLine = i;
  let readAs = mk.readAs ?? mk.number;
  for (let glued: GluedMarker | undefined = first; k <= last; k++) {
    // A glued paragraph's marking opens with "(": a line without one holds none.
    if ((k !== i && kinds[k] !== 'text') || (hints[k] & Hint.PAREN) === 0) continue;
    const stop = signature?.line === k ? signature.character : ends[k];
    let from = k === i ? mk.textStart : shapes.indents[k];
    for (glued ??= gluedMarker(lines[k], k, from, stop, readAs + 1); glued && glued.info.number !== nextReadAs; glued = gluedMarker(lines[k], k, from, stop, readAs + 1)) {
      pushParagraph(input, result, open, openLine, { line: k, character: glued.before }, heading, signature, open === mk ? p : -1, scan);
      scan.gluedLines.push(k);
      scan.gluedMarkers.push(glued.info);
      open = glued.info;
      openLine = k;
      readAs = glued.info.number;
      from = glued.info.textStart;
    }
    glued = undefined;
  }
  pushParagraph(input, result, open, openLine, { line: last, character: ends[last] }, heading, signature, open === mk ? p : -1, scan);
}

/**
 * Pushes the paragraph marker `mk` on line `i` opens, which ends at `end`, and the problem of a malformed marking. `p` is the
 * marker's index in the scan's paragraph markers, or -1 for a paragraph glued to the end of the one before it.
 */
function pushParagraph(input: BodyInput, result: BodyResult, mk: MarkerInfo, i: number, end: Position, heading: number | undefined, signature: Position | undefined, p: number, scan: BodyScan): void {
  const { lines, lineKinds: kinds, shapes } = input;
  const { paragraphLines } = scan;
  const text = lines[i];
  // "2. (C" ⏎ ") The pier …": a marking split by a line break is the paragraph's too (CBL028 reports the split). Looked for
  // only where the paragraph has no marking on its line and goes on to the next.
  const portion = mk.portion ?? (end.line > i ? parseSplitMarking(lines, i, mk.marker.range.end.character) : undefined);
  // The text up to the signature glued to it, or to the paragraph glued after it.
  const cut = Math.min(end.line === i ? end.character : text.length, signature?.line === i ? signature.character : text.length);
  result.paragraphs.push({
    // The paragraph starts where its marker starts: one position serves both.
    range: { start: mk.marker.range.start, end },
    marker: mk.marker,
    numberToken: mk.numberToken,
    number: mk.number,
    readAs: mk.readAs ?? mk.number,
    style: mk.style,
    portion,
    // Only paragraphs with no marking of their own are looked at: a few lines each, in few cables.
    itemPortion: portion || p < 0 ? undefined : itemPortion(lines, shapes, kinds, i, mk.textStart, p + 1 < paragraphLines.length ? paragraphLines[p + 1] : lines.length),
    // A split marking's words start after its piece on the next line.
    firstWords: portion?.split ? firstWords(lines[i + 1], portion.split[1].end.character) : firstWords(cut < text.length ? text.slice(0, cut) : text, mk.textStart),
    heading,
  });
  // "l. (C) …": the marker as meant, only where it was misread (CBL046).
  if (mk.misread !== undefined) (result.paragraphs[result.paragraphs.length - 1] as { misread?: string }).misread = mk.misread;
  if (portion && mk.portionStart >= 0 && !portion.wellFormed) input.problems.push(malformedMarking(portion));
}

/** The problem of a marking read but not well formed, a paragraph's, an item's or the subject's: a lost parenthesis, or an unknown form. */
export function malformedMarking(portion: PortionMarking): ParseProblem {
  const text = portion.token.text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  let slashed: RegExpExecArray | null = null;
  return {
    rule: 'portion-marking-malformed',
    message:
      first === 123 || first === 91 || last === 125 || last === 93 /* { [ } ] */
        ? `Portion marking '${text}' has a brace or bracket for a parenthesis; read as ${portion.level}.`
        : first !== 40 && standsForOpen(first)
        ? `Portion marking '${text}' has '${text[0]}' for its '('; read as ${portion.level}.`
        : first !== 40
        ? `Portion marking '${text}' has lost its '('; read as ${portion.level}.`
        : standsForClose(last) && portion.inner.range.end.character < portion.token.range.end.character
          ? `Portion marking '${text}' has '${text[text.length - 1]}' for its ')'; read as ${portion.level}.`
        : text.charCodeAt(text.length - 1) !== 41
          ? `Portion marking '${text}' has lost its ')'; read as ${portion.level}.`
          : last === 41 && (slashed = SLASH_MISREAD_NF.exec(portion.inner.text)) !== null
            ? `Portion marking '${text}' has '${slashed[2]}' for its '${'/'.repeat(slashed[2].length)}'; read as ${portion.level} NOFORN.`
          : text.charCodeAt(1) === 53 /* 5 */
            ? `Portion marking '${text}' is not a known form: its '5' may be a misread S, '(S${text.slice(2)}'.`
            : `Portion marking '${text}' is not a known form such as (S), (C//NF) or (S/REL NATO).`,
    range: portion.token.range,
  };
}

/** A paragraph marker glued into a line, and where the text of the paragraph before it ends. */
interface GluedMarker {
  readonly info: MarkerInfo;
  /** The offset right after the sentence's end before the marker. */
  readonly before: number;
}

/**
 * The marker of paragraph `want` glued into line `line` between `from` and `stop`, in a copy whose paragraphs are each one
 * long line: "… the Policy Action Group was working. 16. (C) On corruption, …". Only the dot style ("16.", "¶16.") is one,
 * after a sentence's end (".", "?", "!", or a closing quote or bracket after one) and white space, and before a marking
 * that names a level: "… in 2009. 14. (C)" out of sequence, "… see 16. (C)" with no sentence's end, "… working. 16. The
 * talks …" with no marking and "… working. 16. (EU) members …" whose marking names no level are prose. The line is searched
 * for the number's digits and a full stop, not tried at every offset.
 */
function gluedMarker(text: string, line: number, from: number, stop: number, want: number): GluedMarker | undefined {
  if (want > 999) return undefined;
  // The same needle serves every line of a paragraph and every cable: made once per number, not once per line.
  const digits = (GLUED_NEEDLES[want] ??= `${want}.`);
  for (let d = text.indexOf(digits, from); d >= 0 && d < stop; d = text.indexOf(digits, d + 1)) {
    const lead = text.charCodeAt(d - 1) === 182 /* ¶ */ ? d - 1 : d;
    // White space before the marker, and a sentence's end before that.
    let s = lead - 1;
    if (s <= from || !isSpace(text.charCodeAt(s))) continue;
    while (s > from && isSpace(text.charCodeAt(s))) s--;
    if (!endsSentenceAt(text, s, from)) continue;
    // One full stop, then white space and a marking that names a level.
    const dot = d + digits.length;
    if (dot >= stop || !isSpace(text.charCodeAt(dot))) continue;
    const info = readMarker(line, text, lead);
    if (!info || info.loose || info.glued || info.portion?.level === undefined || !info.portion.token.text.endsWith(')') || text.charCodeAt(info.portionStart) !== 40 /* ( */ || info.portionStart !== skipSpaces(text, dot)) continue;
    if (info.portion.token.range.end.character > stop) continue;
    info.readAs = want;
    return { info, before: s + 1 };
  }
  return undefined;
}

// "16.", by number: what gluedMarker searches a paragraph's lines for.
const GLUED_NEEDLES = new Array<string | undefined>(1000).fill(undefined);

/** True when the character at `s` (after `from`) ends a sentence: ".", "?", "!", or a closing quote or bracket right after one. */
function endsSentenceAt(text: string, s: number, from: number): boolean {
  let c = text.charCodeAt(s);
  if ((c === 34 /* " */ || c === 39 /* ' */ || c === 0x201d /* ” */ || c === 0x2019 /* ’ */ || c === 41 /* ) */ || c === 93) /* ] */ && s - 1 > from) c = text.charCodeAt(s - 1);
  return c === 46 /* . */ || c === 63 /* ? */ || c === 33 /* ! */;
}

/**
 * The marking the first item under a title paragraph opens with: "¶5. Financing Issues" (a line of
 * at most eight words that ends no sentence) then, past blank, rule and page lines and before the
 * next paragraph, "¶A. (S/NF) …", "A. (S) …", "(a) (C) …", "-- (S) …" or "(S) …". Undefined for
 * any other paragraph, and for a marking that names no level.
 */
function itemPortion(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], i: number, from: number, next: number): PortionMarking | undefined {
  if (!isTitle(lines[i], shapes, i, from)) return undefined;
  let k = i + 1;
  while (k < next && (kinds[k] === 'blank' || kinds[k] === 'rule' || kinds[k] === 'page')) k++;
  if (k >= next || kinds[k] !== 'text') return undefined;
  const item = lines[k];
  const lead = markingStart(item, shapes.indents[k]);
  let marking = parsePortionMarking(k, item, lead);
  if (marking?.level === undefined) {
    const after = afterItemLabel(item, lead);
    marking = after < 0 ? undefined : parsePortionMarking(k, item, markingStart(item, skipSpaces(item, after)));
  }
  return marking?.level === undefined ? undefined : marking;
}

/** True when a paragraph's first line from `from` is a title: at most eight words that end no sentence ("Financing Issues"). */
function isTitle(text: string, shapes: LineShapes, i: number, from: number): boolean {
  const start = skipSpaces(text, from);
  const end = shapes.ends[i];
  if (start >= end || end - start > MAX_TITLE || endsSentence(shapes.lasts[i]) || shapes.lasts[i] === 44 /* , */) return false;
  let spaces = 0;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 32 && ++spaces > 7) return false;
  return true;
}

/** The longest title {@link itemPortion} reads: "Money Laundering and Terrorist Financing Issues" fits. */
const MAX_TITLE = 80;

/**
 * The offset after an item's label at `at` ("¶A.", "A.", "a)", "(a)", "--", "-", "*", "•", "Q10.", "A3.") and the white space
 * it needs, or -1.
 */
function afterItemLabel(text: string, at: number): number {
  const c = text.charCodeAt(at);
  let k = at;
  if ((c === 81 /* Q */ || c === 65) /* A */ && isDigit(text.charCodeAt(at + 1))) {
    // "Q10. (S/NF) Does the ministry …", "A3. (C) …": a capital Q or A, one to three digits and one full stop.
    k++;
    while (k - at <= 3 && isDigit(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 46 /* . */) return -1;
    k++;
  } else if (c === 45 /* - */) {
    while (text.charCodeAt(k) === 45 && k - at < 3) k++;
  } else if (c === 42 /* * */ || c === 8226 /* • */) {
    k++;
  } else if (c === 40 /* ( */) {
    // "(a)", "(B)", and a number of one or two digits, "(1)", "(12)".
    k++;
    if (isLetter(text.charCodeAt(k))) k++;
    else while (k - at <= 2 && isDigit(text.charCodeAt(k))) k++;
    if (k === at + 1 || text.charCodeAt(k) !== 41 /* ) */) return -1;
    k++;
  } else {
    if (c === 182 /* ¶ */) k++;
    const dot = text.charCodeAt(k + 1);
    if (!isLetter(text.charCodeAt(k)) || (dot !== 46 /* . */ && dot !== 41 /* ) */)) return -1;
    k += 2;
  }
  return k < text.length && isSpace(text.charCodeAt(k)) ? k : -1;
}

/**
 * The marking that opens line `i` at `lead` (its first character `c`), after an item's label if there is one: "(S/NF) GOA Response: …",
 * "(SBU) Key Elements of …", "¶B. (S/NF) …", "A. (S/REL NATO) …", "-- (S) …", "(a) (C) …", "1) (U) …", "* (C) …", "Q10. (S/NF) …". Only a marking
 * that names a level, followed by white space, punctuation or the line's end, is one: "(EU) was more unified …" and "(CA) process"
 * wrapped to a line's start are prose, and so is a list's "(c) sense that …" (one small letter). A marking read with an unknown
 * control is one only when each such control is a short word in capitals ("(S/NOFRN)"): "(S-300) missiles" and "(C, D and E)" are prose.
 * A list's third item, "(C)" under a line that holds "(B)", is prose too.
 */
function itemMarkingAt(lines: readonly string[], i: number, lead: number, c: number, floor: number): ItemMarking | undefined {
  const text = lines[i];
  // One or two character checks before anything is read: a word's second character is a letter.
  let at = lead;
  let label: Token | undefined;
  const after = c === 40 /* ( */ || isItemLabelStart(c, text.charCodeAt(lead + 1)) ? itemLabelEnd(text, lead) : -1;
  if (after >= 0) {
    const start = markingStart(text, skipSpaces(text, after));
    const o = text.charCodeAt(start);
    if (o === 40 /* ( */ || o === 123 /* { */ || o === 91 /* [ */) {
      at = start;
      label = { text: text.slice(lead, after), range: range(i, lead, after) };
    }
  }
  if (label === undefined && c !== 40 && c !== 123 && c !== 91) return undefined;
  // "{C) The minister …", "(CI The minister …": a marking with a brace, a bracket or an "I" for a parenthesis, as after a
  // paragraph's number; never one that lost a parenthesis ("(C Deputy …"), which a line of prose may open with.
  let portion = (text.charCodeAt(at) === 40 ? parsePortionMarking(i, text, at) : undefined) ?? parseBracketMarking(i, text, at) ?? parseMisclosedMarking(i, text, at);
  // "(C) (U) Two.", "(S) (EU) officials …": a label that is a level's letter in parentheses is the line's marking, written
  // twice in the first case (which CBL029 reports), unless the list's letter before it stands above ("(B) …" ⏎ "(C) (U) …").
  if (label !== undefined && c === 40 && isLevelLetter(text.charCodeAt(lead + 1)) && !listLetterAbove(lines, i, text[lead + 1], floor)) {
    portion = parsePortionMarking(i, text, lead);
    label = undefined;
  }
  if (portion?.level === undefined || !isItemMarking(portion, text)) return undefined;
  if (label === undefined && portion.inner.text.length === 1 && listLetterAbove(lines, i, portion.inner.text, floor)) return undefined;
  return { portion, label };
}

/** True for a level's one capital letter, "C", "S" or "U", which a label "(C)" may stand for. */
function isLevelLetter(c: number): boolean {
  return c === 67 /* C */ || c === 83 /* S */ || c === 85 /* U */;
}

/** How many lines above an item's "(C)" {@link listLetterAbove} looks for the list's letter before it. */
const LIST_LOOKBACK = 4;

/**
 * True when one of the few lines above line `i` holds the letter before `letter` in parentheses: "(B) a new port." ⏎ "(C) new
 * fares." is a list's third item, not a CONFIDENTIAL line ("(S)" after "(R)", "(U)" after "(T)" likewise).
 */
function listLetterAbove(lines: readonly string[], i: number, letter: string, floor: number): boolean {
  const before = `(${String.fromCharCode(letter.charCodeAt(0) - 1)})`;
  for (let k = i - 1; k >= floor && k >= i - LIST_LOOKBACK; k--) if (lines[k].includes(before)) return true;
  return false;
}

/**
 * True when a line whose first two characters are `c` and `next` may open with an item's marking ({@link itemMarkingAt}): a
 * marking's "(", "{" or "[", or an item's label.
 */
function mayOpenItem(c: number, next: number): boolean {
  return c === 40 /* ( */ || c === 123 /* { */ || c === 91 /* [ */ || isItemLabelStart(c, next);
}

/** True when a line's first two characters may open an item's label: "¶A.", "A.", "a)", "1)", "--", "-", "*", "•", "Q10.", "A3.". */
function isItemLabelStart(c: number, next: number): boolean {
  if (c === 45 /* - */ || c === 42 /* * */ || c === 8226 /* • */ || c === 182 /* ¶ */) return true;
  return (isLetter(c) && (next === 46 /* . */ || next === 41 /* ) */)) || (isDigit(c) && (next === 41 || isDigit(next))) || ((c === 81 /* Q */ || c === 65) /* A */ && isDigit(next));
}

/** {@link afterItemLabel}, and a number's label, "1)" or "12)", with the white space it needs; -1 when there is none. */
function itemLabelEnd(text: string, at: number): number {
  if (!isDigit(text.charCodeAt(at))) return afterItemLabel(text, at);
  let k = at + 1;
  if (isDigit(text.charCodeAt(k))) k++;
  return text.charCodeAt(k) === 41 /* ) */ && isSpace(text.charCodeAt(k + 1)) ? k + 1 : -1;
}

/**
 * True when a marking read at a line's start (or the subject's, after its keyword) is one, not prose: see {@link itemMarkingAt}.
 * A letter in small letters alone, "(c)", is a list's label at a line's start; `listLabels` false takes it as a marking, as a
 * subject opens with no list (`subject: (c) …` in a copy in small letters).
 */
export function isItemMarking(portion: PortionMarking, text: string, listLabels = true): boolean {
  const inner = portion.inner.text;
  // "(c) sense that …": a list's label, not CONFIDENTIAL.
  if (listLabels && inner.length === 1 && inner.charCodeAt(0) >= 97) return false;
  const end = portion.token.range.end.character;
  if (end < text.length && isAlnum(text.charCodeAt(end))) return false;
  if (portion.wellFormed) return true;
  for (const control of portion.controls) if (!KNOWN_CONTROL_WORD.test(control)) return false;
  return true;
}

// A control word an item's malformed marking may hold: "(S/NOFRN)". Not digits or words ("(S-300)", "(C, D and E)").
const KNOWN_CONTROL_WORD = /^[A-Z]{2,6}$/;

/** Reads the item's marking at `at` of line `i` ({@link itemMarkingAt}) and keeps it ({@link addItemMarking}). */
function keepItemMarking(input: BodyInput, result: BodyResult, i: number, at: number, c: number): void {
  const item = itemMarkingAt(input.lines, i, at, c, input.startLine);
  if (item) addItemMarking(input, result, item);
}

/** Keeps an item's marking, and reports it as a paragraph's is reported when it is malformed ("-- (S/NOFRN) …"). */
function addItemMarking(input: BodyInput, result: BodyResult, item: ItemMarking): void {
  result.itemMarkings.push(item);
  if (!item.portion.wellFormed) input.problems.push(malformedMarking(item.portion));
}

/**
 * {@link addItemMarking} for a marking read after the line scan (a title's between slashes): kept where its line puts it among
 * the others, which the features and rules read in text order.
 */
function insertItemMarking(input: BodyInput, result: BodyResult, item: ItemMarking): void {
  const items = result.itemMarkings;
  const line = item.portion.token.range.start.line;
  items.splice(partitionPoint(items, (m) => m.portion.token.range.start.line <= line), 0, item);
  if (!item.portion.wellFormed) input.problems.push(malformedMarking(item.portion));
}

/** Reads the redactions and continuation-page markers a line's hints allow; a page marker alone on a body line makes it a page line. */
function readHintedLine(i: number, text: string, hint: number, result: BodyResult, kinds: LineKind[], inBody: boolean): void {
  if (hint & Hint.REDACTION) collectRedactions(i, text, result.redactions);
  if (!(hint & Hint.PAGE)) return;
  for (const page of findPageLines(i, text)) {
    result.pageLines.push(page);
    if (!page.inline && inBody && kinds[i] === 'text') kinds[i] = 'page';
  }
}

/** A paragraph marker read from the start of a line. */
export interface MarkerInfo {
  marker: Token;
  numberToken: Paragraph['numberToken'];
  number: number;
  style: MarkerStyle;
  portion?: PortionMarking;
  /** Offset of the marking's "(" (or of its first letter when the "(" is lost), or -1 when there is none. */
  portionStart: number;
  /** Where the paragraph's words start: after the marking, or after the marker when a label comes first ("¶1. Summary: (C) …"). */
  textStart: number;
  /** True for a bare number with a comma or nothing for its full stop ("18, (SBU)", "3 (S)"). */
  loose: boolean;
  /** True for a number glued to its text by the full stop ("18.Our …"). */
  glued: boolean;
  readAs?: number;
  /** The marker as meant, where a letter was misread for a digit or the pilcrow, or a comma for its full stop ("l." for "1."). */
  misread?: string;
  /** True when a letter was misread for one of the number's digits ("l.", "1O."), not only for the pilcrow or the full stop. */
  misreadDigit: boolean;
}

/**
 * Reads a paragraph marker at `lead`, as {@link MARKER} does: "¶", one optional space,
 * one to three digits, one optional space and one or two dots; or one to three digits and
 * one or two dots. White space, "(" or the end of the line must follow, or a capital right after the dots
 * ("18.Our …"). A number with no dots (and a bare number with a comma for them) needs a "(" after it.
 */
export function readMarker(line: number, text: string, lead: number): MarkerInfo | undefined {
  // The line's length read once: each read costs a call of the engine's generic load until the function is optimized.
  const length = text.length;
  const pilcrow = text.charCodeAt(lead) === 182;
  let k = pilcrow ? lead + 1 : lead;
  let spaced = false;
  if (pilcrow && isSpace(text.charCodeAt(k))) {
    spaced = true;
    k++;
  }
  const digitsStart = k;
  while (k < length && isDigit(text.charCodeAt(k))) k++;
  const digitsEnd = k;
  if (digitsEnd === digitsStart || digitsEnd - digitsStart > 3) return undefined;
  if (pilcrow && isSpace(text.charCodeAt(k))) k++;
  const dotsStart = k;
  while (k < length && text.charCodeAt(k) === 46 /* . */) k++;
  if (k - dotsStart > 2) return undefined;
  // "18, (SBU) …", "8: (C) …", "8; (C) …": a comma, colon or semicolon for the full stop after a bare number, which CBL046
  // reports as "18." and "8." misread.
  const comma = !pilcrow && k === dotsStart && standsForStop(text.charCodeAt(k));
  if (comma) k++;
  // "¶2 (C) …", "18, (SBU) …", "3 (S) …": a number before a marking still opens a paragraph when the full stop is lost.
  const loose = !pilcrow && (k === dotsStart || comma);
  // "8: \u200B(C) …": an invisible character (CBL035 reports it) before the marking hides it no more than after "8.".
  if ((k === dotsStart || loose) && text.charCodeAt(markingStart(text, skipSpaces(text, k))) !== 40 /* ( */) return undefined;
  const end = k === dotsStart ? digitsEnd : k;
  // "18.Our delegation approved …": the text glued to the full stop, opening with a capital.
  const glued = !loose && k > dotsStart && end < length && isCapital(text.charCodeAt(end));
  if (end < length && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 40 /* ( */ && !glued) return undefined;
  const number = digitsValue(text, digitsStart, digitsEnd);
  // "2" and "12", not "02": the number's own digits, kept once for every paragraph of that number.
  const canonical = digitsEnd - digitsStart === 1 || text.charCodeAt(digitsStart) !== 48 /* 0 */;
  const digits = canonical ? (NUMBER_TEXTS[number] ??= text.slice(digitsStart, digitsEnd)) : text.slice(digitsStart, digitsEnd);
  const style: MarkerStyle = pilcrow ? (spaced ? 'pilcrow-space' : 'pilcrow') : 'bare';
  let pos = end;
  // "¶2.\u00A0(C) …": a no-break space, as copies taken from web pages and OCR write it, parts them as a space does.
  while (pos < length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\u00a0')) pos++;
  // "¶2. \u200B(C) …": an invisible character (CBL035 reports it) hides no marking.
  pos = markingStart(text, pos);
  const c = text.charCodeAt(pos);
  // "(C)", or "C)" that lost its parenthesis: a level's first letter (C, S, T, U) before it.
  // "(C Deputy …": a marking that lost its ")".
  // "(C} …", "{C) …": a brace or square bracket for a parenthesis.
  // "(CI …": an "I" (or "l", "1", "|") for the ")"; "lC) …": an "l" (or "I", "|") for the "(".
  let portion =
    c === 40
      ? (parsePortionMarking(line, text, pos) ?? parseUnclosedMarking(line, text, pos) ?? parseBracketMarking(line, text, pos) ?? parseMisclosedMarking(line, text, pos))
      : c === 67 || c === 83 || c === 84 || c === 85
        ? parseUnopenedMarking(line, text, pos)
        : c === 123 || c === 91
          ? parseBracketMarking(line, text, pos)
          : c === 108 || c === 73 || c === 124
            ? parseMisopenedMarking(line, text, pos)
            : undefined;
  let portionStart = portion ? pos : -1;
  const textStart = portion ? portion.token.range.end.character : end;
  // "¶1.  Summary:  (C) President …": the marking comes after the block's label.
  if (!portion && mayOpenBlock(c, text.charCodeAt(pos + 1), text.charCodeAt(pos + 2))) {
    OPENER.lastIndex = pos;
    const label = OPENER.exec(text);
    if (label) {
      const at = markingStart(text, skipSpaces(text, pos + label[0].length));
      portion = parsePortionMarking(line, text, at);
      if (portion) portionStart = at;
    }
  }
  return {
    marker: { text: markerText(text, lead, end, pilcrow, digitsStart, digitsEnd, canonical ? number : -1), range: range(line, lead, end) },
    numberToken: { text: digits, range: range(line, digitsStart, digitsEnd), value: number },
    number,
    style,
    portion,
    portionStart,
    textStart,
    loose,
    glued,
    readAs: undefined,
    // "18, (SBU)", "8: (C)" and "3 (S)": a bare number with a comma, colon or semicolon for its full stop or none, which CBL046
    // reports as "18.", "8." and "3." misread; "¶2 (C)", a pilcrow's number with none, which no released cable writes, as "¶2.";
    // "3.. (SBU)", its full stop written twice, as "3." misread.
    misread: comma || k === dotsStart || (k - dotsStart === 2 && dotsStart === digitsEnd) ? `${text.slice(lead, digitsEnd)}.` : undefined,
    misreadDigit: false,
  };
}

/** True when a line from `from` on opens with the Roman numeral two, "II." ("II. (C) Background", "II.  Country Issues"). */
function hasRomanTwo(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i];
    const at = text.indexOf('II.');
    if (at >= 0 && text.slice(0, at).trim() === '') return true;
  }
  return false;
}

/** The most lines looked up from a misread "l." or "I." for the lettered item before it ({@link followsLetter}). */
const MAX_LETTER_LOOKBACK = 200;

/**
 * True when a line above line `i`, after the last paragraph, opens with the letter `letter` and a full stop or ")", as the
 * item before "l." or "I." of a lettered list does ("k. (C) …", "H) …"); looked for only for such a marker.
 */
function followsLetter(lines: readonly string[], kinds: readonly LineKind[], i: number, startLine: number, letter: number): boolean {
  for (let k = i - 1; k >= startLine && i - k <= MAX_LETTER_LOOKBACK; k--) {
    if (kinds[k] === 'paragraph') return false;
    const text = lines[k];
    let lead = 0;
    while (lead < text.length && isSpace(text.charCodeAt(lead))) lead++;
    const c = text.charCodeAt(lead + 1);
    if (text.charCodeAt(lead) === letter && (c === 46 /* . */ || c === 41) /* ) */) return true;
  }
  return false;
}

/** True for a comma, colon or semicolon, which a paragraph number may be typed with for its full stop ("18,", "8:", "8;"). */
function standsForStop(c: number): boolean {
  return c === 44 /* , */ || c === 58 /* : */ || c === 59; /* ; */
}

/** True for a marker "P12." read for "¶12.", or "¶9" that lost its full stop: each numbers its paragraph whatever the number. */
function markedByLetterOrPilcrow(mk: MarkerInfo): boolean {
  const first = mk.marker.text.charCodeAt(0);
  return first === 80 /* P */ || (first === 182 /* ¶ */ && mk.misread === `${mk.marker.text}.`);
}

/** True when a line's second character `c` may follow a misread marker's first: a digit, "l", "I", "O", a full stop or a comma. */
function mayBeMisread(c: number): boolean {
  return isDigit(c) || c === 108 /* l */ || c === 73 /* I */ || c === 79 /* O */ || c === 46 /* . */ || c === 44; /* , */
}

/**
 * Reads a paragraph marker typed or scanned with a letter for a digit or for the pilcrow, or a comma for its full stop after
 * a pilcrow: "l. (C)" and "I. (C)" for "1.", "1O. (C)" for "10.", "P2. (C)" and "q3. (C)" for "¶2.", "¶4, (C)" for "¶4.".
 * Each stands for one character, so the marker as meant is read by {@link readMarker} at the same offsets; only one followed
 * by a portion marking is one ("I. Background" is a title's numeral), and numberParagraphs takes it only as the next number.
 */
function readMisreadMarker(line: number, text: string, lead: number): MarkerInfo | undefined {
  let k = lead;
  let meant = '';
  let c = text.charCodeAt(k);
  if (c === 80 /* P */ || c === 113 /* q */) {
    meant = '¶';
    k++;
    // "P 2. (C)": the pilcrow's space after a P read for it.
    if (c === 80 && isSpace(text.charCodeAt(k))) meant += text[k++];
  } else if (c === 182 /* ¶ */) {
    meant = '¶';
    k++;
    if (isSpace(text.charCodeAt(k))) meant += text[k++];
  }
  const digitsStart = k;
  let digit = false;
  for (; k - digitsStart < 3; k++) {
    c = text.charCodeAt(k);
    if (isDigit(c)) meant += text[k];
    else if (c === 108 /* l */ || c === 73 /* I */) meant += '1';
    else if (c === 79 /* O */ && k > digitsStart) meant += '0';
    else break;
    if (!isDigit(c)) digit = true;
  }
  if (k === digitsStart) return undefined;
  // "¶4, (C)", "¶8: (C)": a comma, colon or semicolon for the full stop, after a pilcrow (a bare number's readMarker reads itself).
  if (standsForStop(text.charCodeAt(k)) && meant.charCodeAt(0) === 182) {
    meant += '.';
    k++;
  }
  // After the number, a marker goes on with white space, a full stop, a comma or its marking's "(", as readMarker reads it:
  // "Please visit …" ("Pl" read as "¶1") stops here, before the line is copied with the marker as meant.
  const next = text.charCodeAt(k);
  if (!(next === 46 /* . */ || next === 44 /* , */ || next === 40 /* ( */ || isSpace(next) || meant.charCodeAt(meant.length - 1) === 46)) return undefined;
  if (meant === text.slice(lead, k)) return undefined;
  // Joined, not added: `+` makes a rope of a long line, one string kind more for readMarker's reads (see classifyLines).
  const marker = readMarker(line, [text.slice(0, lead), meant, text.slice(k)].join(''), lead);
  // "P1. Summary." with no marking after it: only a pilcrow read as a letter, before a number and its full stop.
  const pilcrowOnly = !digit && meant.charCodeAt(0) === 182 && text.charCodeAt(lead) !== 182;
  if (!marker || marker.number === 0 || (marker.portionStart < 0 && (!pilcrowOnly || marker.loose || marker.glued || text.charCodeAt(marker.marker.range.end.character - 1) !== 46))) return undefined;
  const end = marker.marker.range.end.character;
  const written = text.slice(lead, end);
  const digits = marker.numberToken.range;
  return {
    ...marker,
    marker: { text: written, range: marker.marker.range },
    numberToken: { text: text.slice(digits.start.character, digits.end.character), range: digits, value: marker.number },
    misread: meant.length >= end - lead ? meant.slice(0, end - lead) : meant + text.slice(lead + meant.length, end),
    misreadDigit: digit,
  };
}

// The texts of the numbers and of the markers "¶2." and "2." read so far, by number: a large document repeats each
// number many times, and its model keeps one string for all of them instead of a copy each.
const NUMBER_TEXTS = new Array<string | undefined>(1000).fill(undefined);
const PILCROW_MARKERS = new Array<string | undefined>(1000).fill(undefined);
const BARE_MARKERS = new Array<string | undefined>(1000).fill(undefined);

/**
 * The text of a paragraph marker from `lead` to `end`: for "¶2." and "2." (the number's own digits, `number`, then one
 * full stop) the string kept for that number; for any other ("¶ 2.", "02.", "2..", `number` -1) a slice of its own.
 */
function markerText(text: string, lead: number, end: number, pilcrow: boolean, digitsStart: number, digitsEnd: number, number: number): string {
  const table = number < 0 || end !== digitsEnd + 1 || text.charCodeAt(digitsEnd) !== 46 /* . */ ? undefined : !pilcrow ? BARE_MARKERS : digitsStart === lead + 1 ? PILCROW_MARKERS : undefined;
  return table ? (table[number] ??= text.slice(lead, end)) : text.slice(lead, end);
}

function previousNonBlank(indents: Int32Array, kinds: readonly LineKind[], i: number, floor: number): number {
  for (let k = i - 1; k >= floor; k--) {
    if (kinds[k] === 'page' || kinds[k] === 'caveat') continue;
    if (indents[k] >= 0) return k;
  }
  return -1;
}

function lastNonBlank(indents: Int32Array, floor: number, from = indents.length - 1): number {
  for (let k = from; k >= floor; k--) if (indents[k] >= 0) return k;
  return -1;
}

/** The first non-blank line at or after `from`, or `indents.length` when there is none. */
function nextNonBlank(indents: Int32Array, from: number): number {
  let k = from;
  while (k < indents.length && indents[k] < 0) k++;
  return k;
}

/** True when a line's last non-space character `c` ends a sentence or a quotation. */
function endsSentence(c: number): boolean {
  // . ! ? : ; " ' ” ’ ) ]
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 39 || c === 8221 || c === 8217 || c === 41 || c === 93;
}

// Up to eight words and the white space between them; the same words one space apart.
const FIRST_WORDS = /\S+(?:\s+\S+){0,7}/y;
const FIRST_WORDS_SPACED = /\S+(?: \S+){0,7}/y;

/** The first eight words after offset `from` (within 240 characters), single-spaced, cut to 80 characters. */
export function firstWords(text: string, from: number): string {
  const start = skipSpaces(text, from);
  const limit = Math.min(text.length, from + 240);
  if (start >= limit) return '';
  // A pattern does the scan natively: many times faster than a loop over the characters.
  const window = limit < text.length ? text.slice(start, limit) : text;
  const at = window === text ? start : 0;
  // Words are nearly always one space apart: when they are, one pattern reads them as they stand.
  // `test` moves the sticky pattern's `lastIndex` to the match's end without making a match array (a paragraph's first
  // words are read once per paragraph): the words are then one slice. A word opens at `at`, so the pattern always matches.
  FIRST_WORDS_SPACED.lastIndex = at;
  FIRST_WORDS_SPACED.test(window);
  const end = FIRST_WORDS_SPACED.lastIndex;
  // It stopped at the limit, before white space with no word after it, or after eight words: then it read what FIRST_WORDS reads.
  const next = skipSpaces(window, end);
  let words: string;
  if (next < window.length && !(next === end + 1 && window.charCodeAt(end) === 32)) {
    FIRST_WORDS.lastIndex = at;
    FIRST_WORDS.test(window);
    words = window.slice(at, FIRST_WORDS.lastIndex).replace(WHITE_RUNS, ' ');
  } else words = window.slice(at, end);
  return words.length > 80 ? `${words.slice(0, 79)}…` : words;
}

/**
 * X-runs: "XXXXXXXXXXXX" (four or more), "xxxxx" (five or more, standing alone: no letter A-Z or a-z touches the run), in
 * text order, each token a whole run. `indexOf` finds each kind's runs (a search from a run's end finds the next run's
 * start), cheaper on a line than the pattern that reads the same, `/X{4,}|(?<![A-Za-z])x{5,}(?![A-Za-z])/g`. No read goes past
 * the line's end, where `charCodeAt` gives NaN and V8 drops the function's optimized code ("out of bounds") for a run that ends
 * the line.
 */
export function collectRedactions(line: number, text: string, out: Token[]): void {
  let big = text.indexOf('XXXX');
  let small = text.indexOf('xxxxx');
  while (big >= 0 || small >= 0) {
    if (big >= 0 && (small < 0 || big < small)) {
      let end = big + 4;
      while (end < text.length && text.charCodeAt(end) === 88 /* X */) end++;
      out.push(token(line, text, big, end));
      big = text.indexOf('XXXX', end);
    } else {
      let end = small + 5;
      while (end < text.length && text.charCodeAt(end) === 120 /* x */) end++;
      if ((small === 0 || !isAsciiLetter(text.charCodeAt(small - 1))) && (end === text.length || !isAsciiLetter(text.charCodeAt(end)))) out.push(token(line, text, small, end));
      small = text.indexOf('xxxxx', end);
    }
  }
}

/** A to Z and a to z. */
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A heading and the lines it spans. */
interface HeadingSpan {
  heading: Heading;
  first: number;
  last: number;
  textLine: number;
  /** The line of the title's first line, when the title is wrapped over two lines. */
  leadLine?: number;
}

function isBlankOrEdge(indents: Int32Array, kinds: readonly LineKind[], k: number, floor: number): boolean {
  return k < floor || k >= indents.length || indents[k] < 0 || kinds[k] === 'blank';
}

/** `//HEADING//`: the offsets of the heading text, or undefined. */
function slashHeading(text: string, lead: number): [number, number] | undefined {
  const end = trimEndOffset(text);
  if (end - lead < 5 || !text.startsWith('//', lead) || !text.startsWith('//', end - 2)) return undefined;
  const start = skipSpaces(text, lead + 2);
  if (start >= end - 2 || text[start] === '/') return undefined;
  return [start, trimEndOffset(text, end - 2, start)];
}

/**
 * `//HEADING` ⏎ `WORDS//`: a title between slashes wrapped over two lines ("//LOOKING AHEAD - TALKS LIKELY TO GO ON INTO" ⏎
 * "THE SUMMER//"), whose first line is line `i`, or undefined. The first line opens with the slashes and does not end with one,
 * the second line, right under it, ends with them and does not open with one, a blank line (or the body's edge) is above the
 * title and a blank line, a paragraph or the end under it. The heading keeps the first line's words in `lead` and the second's
 * in `text`, without the slashes.
 */
function wrappedSlashHeading(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], i: number, floor: number): HeadingSpan | undefined {
  const { indents, ends, firsts, lasts } = shapes;
  const j = i + 1;
  if (j >= lines.length || kinds[j] !== 'text' || lasts[i] === 47 || lasts[j] !== 47 || firsts[j] === 47) return undefined;
  if (!isBlankOrEdge(indents, kinds, i - 1, floor) || !(isBlankOrEdge(indents, kinds, j + 1, floor) || kinds[j + 1] === 'paragraph')) return undefined;
  const text = lines[i];
  const second = lines[j];
  const lead = indents[i];
  const end = ends[j];
  if (second.length > 120 || !text.startsWith('//', lead) || !second.startsWith('//', end - 2)) return undefined;
  const leadStart = skipSpaces(text, lead + 2);
  const leadEnd = ends[i];
  const wordsStart = indents[j];
  const wordsEnd = trimEndOffset(second, end - 2, wordsStart);
  if (leadStart >= leadEnd || wordsStart >= wordsEnd || opensWithEnd(text.slice(leadStart, leadEnd))) return undefined;
  // "//(C) LOOKING AHEAD - TALKS LIKELY TO GO ON INTO" ⏎ "THE SUMMER (S/NF)//": the marking that ends the second line is the heading's.
  const marking = slashEndingMarking(j, second, wordsStart, wordsEnd);
  const range = { start: { line: i, character: lead }, end: { line: j, character: end } };
  const words = token(j, second, wordsStart, marking ? trimEndOffset(second, marking.token.range.start.character, wordsStart) : wordsEnd);
  return {
    heading: marking
      ? { range, text: words, style: 'slashes', rules: [], lead: token(i, text, leadStart, leadEnd), marking }
      : { range, text: words, style: 'slashes', rules: [], lead: token(i, text, leadStart, leadEnd) },
    first: i,
    last: j,
    textLine: j,
    leadLine: i,
  };
}

/**
 * The portion marking that ends the words of a title between slashes, `s` to `e` on line `line` ("//(C) LOOKING AHEAD (S/NF)//",
 * the words without the slashes), read as a plain title's is ({@link endingMarking}, after the marking that opens the words,
 * {@link titleStart}): the heading's `marking`. Undefined where none ends them, or where a letter labels an item ("ANNEX (C)").
 */
function slashEndingMarking(line: number, text: string, s: number, e: number): PortionMarking | undefined {
  return text.charCodeAt(e - 1) === 41 /* ) */ ? endingMarking(line, text, titleStart(line, text, s), e)?.read : undefined;
}

// A marking that opens a title's words, with the white space after it: "(C) LOOKING AHEAD", not "(C)\u0000LOOKING AHEAD";
// between slashes, in any form of capitals, "(S//REL TO USA, GBR) LOOKING AHEAD" (parser58), not "(S/he said) …".
const OPENING_TITLE_MARKING = new RegExp(String.raw`^${OPENING_MARKING}\s`);

/**
 * The marking that opens the words of a title between slashes at `start` ("//(C) LOOKING AHEAD//", or the first line of one
 * wrapped), read as the marking that opens a marked plain title is (a marking in capitals and white space after it, in
 * {@link OPENING_MARKING}'s forms, as {@link titleWordsStart} reads a plain title's: "//(S//REL TO USA, GBR) LOOKING AHEAD//"; the semantic tokens leave it out of the heading's words): an item marking of its own
 * (`Cable.itemMarkings`), which the line scan, reading a line's marking from its first character, does not see after the slashes.
 */
function slashOpeningMarking(lines: readonly string[], start: Position): ItemMarking | undefined {
  const text = lines[start.line];
  // "//\u200B(C) LOOKING AHEAD//": an invisible character (CBL035 reports it) hides no marking.
  const at = markingStart(text, start.character);
  // "//A. (C) FIRST ITEM HERE//": a lettered item opened by its marking, as a ruled title's line opens with one ("A. (C) First
  // Item Here" ⏎ "-----"), is the title's, its label with it.
  const c = text.charCodeAt(at);
  if (c !== 40) {
    const lettered = letteredItemPortion(start.line, text, at, c);
    return lettered ? { portion: lettered, label: token(start.line, text, at, at + 2) } : undefined;
  }
  if (!OPENING_TITLE_MARKING.test(text.slice(at, at + 50))) return undefined;
  const portion = parsePortionMarking(start.line, text, at);
  return portion?.level !== undefined && isItemMarking(portion, text) ? { portion } : undefined;
}

/** `IRAN ------`: a heading followed by a run of four or more dashes; the offsets of the heading text, or undefined. */
function dashedInline(text: string, lead: number): [number, number] | undefined {
  const end = trimEndOffset(text);
  let dashes = end;
  while (dashes > lead && text.charCodeAt(dashes - 1) === 45) dashes--;
  if (end - dashes < 4 || dashes === lead || !isSpace(text.charCodeAt(dashes - 1))) return undefined;
  const textEnd = trimEndOffset(text, dashes, lead);
  if (textEnd - lead < 2 || textEnd - lead > 81 || !isLetter(text.charCodeAt(lead))) return undefined;
  const dash = text.indexOf('-', lead);
  if (dash >= 0 && dash < textEnd) return undefined;
  return [lead, textEnd];
}

/**
 * `- - - Ferry Fares - - -`: a heading between spaced dashes on its line, two or more on each side, each dash followed (on the
 * left) or preceded (on the right) by one space; the offsets of the heading text, or undefined. The words start with a letter:
 * a rule of spaced dashes is a rule line, read before this.
 */
function spacedDashes(text: string, lead: number): [number, number] | undefined {
  let start = lead;
  let left = 0;
  while (text.charCodeAt(start) === 45 && text.charCodeAt(start + 1) === 32) {
    start += 2;
    left++;
  }
  let end = trimEndOffset(text);
  let right = 0;
  while (end - 2 > start && text.charCodeAt(end - 1) === 45 && text.charCodeAt(end - 2) === 32) {
    end -= 2;
    right++;
  }
  if (left < 2 || right < 2) return undefined;
  start = skipSpaces(text, start);
  end = trimEndOffset(text, end, start);
  return start < end && isLetter(text.charCodeAt(start)) ? [start, end] : undefined;
}

/** Reads a heading whose text or upper rule is on line `i`. */
function readHeading(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], i: number, floor: number): HeadingSpan | undefined {
  const { indents, ends } = shapes;
  const text = lines[i];
  const isRule = kinds[i] === 'rule';
  // Page lines are passed over wherever the heading looks at the line under one ("IRAN" ⏎ "PARIS 00000305 002 OF 004" ⏎ "----").
  if (isRule) {
    // Boxed: "-----" / IRAN / "-----". A page break with its blank lines between the upper rule and the words is passed over
    // ("-----" ⏎ "" ⏎ "NOWHERE 00000042 002 OF 003" ⏎ "" ⏎ "" ⏎ "FERRY FARES" ⏎ "-----"): the break fell inside the box.
    const t = pastPageBreak(indents, kinds, i + 1);
    const lower = skipPageLines(kinds, t + 1);
    if (lower < lines.length && kinds[t] === 'text' && kinds[lower] === 'rule' && isHeadingText(lines[t], true)) {
      return span(lines, t, 'boxed', [lineRange(lines, i), lineRange(lines, lower)], i, lower);
    }
    return undefined;
  }
  // Headings are short: a long line of prose is never one (and is the common case).
  const lead = indents[i];
  const first = shapes.firsts[i];
  // "//HEADING//" opens with a slash, "IRAN ------" with a letter and ends with a dash, "- - - IRAN - - -" with a dash.
  if (first === 47 /* / */ || (shapes.lasts[i] === 45 /* - */ && (isLetter(first) || first === 45))) {
    if (text.length > 120) return undefined;
    const slash = first === 47 ? slashHeading(text, lead) : undefined;
    // "//END TEXT//", "- - - END TEXT - - -", "END TEXT ------": a closer between slashes or dashes is no heading of any style
    // ({@link opensWithEnd}, which isHeadingText asks for the others).
    if (slash && opensWithEnd(text.slice(slash[0], slash[1]))) return undefined;
    if (slash) {
      // "//(C) LOOKING AHEAD (S/NF)//": the marking that ends the title, before the slashes, is the heading's, as a plain title's.
      const marking = slashEndingMarking(i, text, slash[0], slash[1]);
      const words = token(i, text, slash[0], marking ? trimEndOffset(text, marking.token.range.start.character, slash[0]) : slash[1]);
      const heading: Heading = marking ? { range: lineRange(lines, i), text: words, style: 'slashes', rules: [], marking } : { range: lineRange(lines, i), text: words, style: 'slashes', rules: [] };
      return { heading, first: i, last: i, textLine: i };
    }
    const wrapped = first === 47 ? wrappedSlashHeading(lines, shapes, kinds, i, floor) : undefined;
    if (wrapped) return wrapped;
    const dashed = first === 45 ? spacedDashes(text, lead) : dashedInline(text, lead);
    if (dashed && opensWithEnd(text.slice(dashed[0], dashed[1]))) return undefined;
    if (dashed && isHeadingText(text.slice(dashed[0], dashed[1]))) {
      return { heading: { range: lineRange(lines, i), text: token(i, text, dashed[0], dashed[1]), style: 'dashed-inline', rules: [] }, first: i, last: i, textLine: i };
    }
  }
  // Cheap structure first: a rule line under it, or a blank line before and a blank line or paragraph after.
  // Page lines are passed over above the heading too ("" ⏎ "NOWHERE 00000042 002 OF 005" ⏎ "Ferry Fares" ⏎ "" ⏎ "¶2. …").
  const next = skipPageLines(kinds, i + 1);
  const above = skipPageLinesBack(kinds, i - 1, floor);
  const blankBefore = isBlankOrEdge(indents, kinds, above, floor);
  // A title with a blank line above it keeps its rule across a page break with the break's blank lines ("Minister of Harbors"
  // ⏎ "" ⏎ "NOWHERE 00000042 005 OF 007" ⏎ "" ⏎ "" ⏎ "-----"): the break fell between the title and its rule. The break hides
  // whether a blank line stood there, so the line must start as a title does: not "and confusing event. End Comment".
  const underline = blankBefore && next < lines.length && indents[next] < 0 && HEADING_START.test(text.charAt(lead)) ? pastPageBreak(indents, kinds, next) : next;
  const underlined = underline < lines.length && kinds[underline] === 'rule';
  const alone = blankBefore && next < lines.length && (indents[next] < 0 || kinds[next] === 'paragraph');
  // "A. (C) FIRST ITEM HERE", "A) (C) First item here": a lettered item opened by its marking is a paragraph's sub-item, read
  // once, as an item marking, and no title where no rule underlines it (alone between blank lines, or tight under a sentence).
  if (!underlined && opensLetteredItem(i, text, lead, first)) return undefined;
  if (!underlined && !alone) return tightHeading(lines, shapes, kinds, i, next, above);
  // An underlined line ending with "U.S." is a heading only with a blank line above it: a paragraph's last line
  // runs into the upper rule of a boxed heading where a copy lost the blank line between them.
  if (text.length > 120 || !(isHeadingText(text, underlined && blankBefore) || (underlined && isMarkedHeadingText(text)))) return undefined;
  // Underlined: the heading, then a rule line.
  if (underlined) return wrappedTitle(lines, kinds, indents, i, underline, floor) ?? gappedTitle(lines, shapes, kinds, i, underline, floor) ?? ruledLines(lines, kinds, indents, i, underline, floor) ?? span(lines, i, 'underlined', [lineRange(lines, underline)], i, underline);
  // "IRAN" ⏎ " " ⏎ "----" ⏎ "": the underline one blank line below, with a blank line or a paragraph under it
  // (a rule with text under it opens a boxed heading: "… the issue." ⏎ "" ⏎ "----" ⏎ "IRAN" ⏎ "----").
  const rule = blankBefore ? gapUnderline(indents, kinds, next) : -1;
  if (rule >= 0) return spacedTitle(lines, kinds, indents, i, rule, floor) ?? span(lines, i, 'underlined', [lineRange(lines, rule)], i, rule);
  // A short line alone is a heading only when a paragraph or a long line of text follows; never the last line.
  let followed = false;
  for (let k = next; k < lines.length && k < next + 4; k++) {
    if (kinds[k] === 'paragraph' || (kinds[k] === 'text' && indents[k] >= 0)) {
      followed = kinds[k] === 'paragraph' || ends[k] - indents[k] > 60;
      break;
    }
  }
  // A line the release blanked alone ("" ⏎ "XXXXXXXXXXXX" ⏎ "" ⏎ "¶16. …") stands for paragraphs, as the rules read it
  // (isBlankedLine), not for a heading; ruled, it is a heading whose words the release blanked.
  if (!followed || isBlankedLine(text)) return undefined;
  const trimmedText = text.trim();
  // Headings do not end like sentences; mixed-case ones start with a capital.
  const upper = inCapitals(trimmedText);
  if (!upper && !HEADING_START.test(trimmedText)) return undefined;
  return span(lines, i, 'plain', [], i, i);
}

/**
 * True when line `i`, whose first character at `lead` is `first`, opens with an item's letter, a full stop or parenthesis and a
 * marking that names a level, as {@link itemMarkingAt} reads one: "A. (C) FIRST ITEM HERE", "B) (S/NF) Harbor fees". Not
 * "A. FIRST ITEM" (no marking: a sub-title) nor "A. (S-300) MISSILES" (no marking either); "(A) (C)" and "¶A. (C)" open no
 * heading already ({@link isHeadingText}). Two character tests before the marking is read.
 */
function opensLetteredItem(i: number, text: string, lead: number, first: number): boolean {
  return letteredItemPortion(i, text, lead, first) !== undefined;
}

/**
 * The marking after the item's letter at `lead` of line `i` (its first character `first`), as {@link opensLetteredItem} reads
 * it: "(C)" of "A. (C) FIRST ITEM HERE"; undefined where the line does not open so.
 */
function letteredItemPortion(i: number, text: string, lead: number, first: number): PortionMarking | undefined {
  if (!isLetter(first)) return undefined;
  const dot = text.charCodeAt(lead + 1);
  if ((dot !== 46 /* . */ && dot !== 41) /* ) */ || !isSpace(text.charCodeAt(lead + 2))) return undefined;
  const at = skipSpaces(text, lead + 2);
  if (text.charCodeAt(at) !== 40 /* ( */) return undefined;
  const portion = parsePortionMarking(i, text, at);
  return portion?.level !== undefined && isItemMarking(portion, text) ? portion : undefined;
}

/**
 * A title wrapped over two lines above rule line `rule`, whose second line is line `i`: "Category 2: Accords related to, but
 * not exclusively" ⏎ "drug-focused" ⏎ "-----". The line above `i` is the title's first line when it reads as heading words
 * (no sentence's end) and a blank line, the body's edge (underlined) or a rule line (boxed) is above it; else undefined.
 * A page break with its blank lines between the two lines is passed over ("Ministry of Harbors:" ⏎ "" ⏎ "NOWHERE 00000042
 * 004 OF 007" ⏎ "" ⏎ "" ⏎ "Fares Will Rise" ⏎ "-----"), as between a title and its rule, under a blank line or a rule only.
 */
function wrappedTitle(lines: readonly string[], kinds: readonly LineKind[], indents: Int32Array, i: number, rule: number, floor: number): HeadingSpan | undefined {
  const lead = pageBreakAbove(indents, kinds, i - 1, floor);
  if (lead < floor || kinds[lead] !== 'text' || indents[lead] < 0 || lines[lead].length > 120) return undefined;
  // Over a page break the first line needs a line of the body above it: at the body's top it may be a field left unread
  // ("subject: ferry fares" under a banner in capitals).
  if (lead !== i - 1 && lead - 1 < floor) return undefined;
  const text = lines[lead];
  if (!isHeadingText(text) && !isMarkedHeadingText(text)) return undefined;
  // A line doubled ("Ferries" ⏎ "Ferries" ⏎ "----") and a heading that opens a block ("COMMENT" ⏎ "Ferries" ⏎ "----") are no first line of a title.
  const words = text.trim();
  if (words === lines[i].trim() || HEADING_OPENER.test(words)) return undefined;
  const boxed = lead - 1 >= floor && kinds[lead - 1] === 'rule';
  if (!boxed && !isBlankOrEdge(indents, kinds, lead - 1, floor)) return undefined;
  const first = boxed ? lead - 1 : lead;
  return withLead(lines, span(lines, i, boxed ? 'boxed' : 'underlined', boxed ? [lineRange(lines, first), lineRange(lines, rule)] : [lineRange(lines, rule)], first, rule), lead);
}

/**
 * A title wrapped over two lines in a double-spaced copy, whose second line is line `i` with its rule `rule` one blank line
 * under it: "POSSIBLE HARBOR WORK:" ⏎ "" ⏎ "FERRIES, PIERS AND QUAYS" ⏎ "" ⏎ "-----". The line two above `i`, over a blank
 * line, is the title's first line when it reads as heading words (no sentence's end), opens no block ("COMMENT") and has a
 * blank line (or the body's edge) above it, as a title's first line has in such a copy; else undefined. Read as a line of the
 * paragraph above, it would run that paragraph on over the title.
 */
function spacedTitle(lines: readonly string[], kinds: readonly LineKind[], indents: Int32Array, i: number, rule: number, floor: number): HeadingSpan | undefined {
  const lead = i - 2;
  if (lead < floor || indents[i - 1] >= 0 || kinds[lead] !== 'text' || indents[lead] < 0 || lines[lead].length > 120) return undefined;
  const text = lines[lead];
  if (!isHeadingText(text) && !isMarkedHeadingText(text)) return undefined;
  const words = text.trim();
  if (!HEADING_START.test(words) || words === lines[i].trim() || HEADING_OPENER.test(words) || isBlankedLine(text) || !isBlankOrEdge(indents, kinds, lead - 1, floor)) return undefined;
  return withLead(lines, span(lines, i, 'underlined', [lineRange(lines, rule)], lead, rule), lead);
}

// A caption or caveat line of the text's top, no title's first line: "SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY" over "SUMMARY".
export const CAPTION_START = /^(?:SENSITIVE|SBU\b|NOT\s+FOR\b|FOR\s+OFFICIAL|LIMITED\s+OFFICIAL|HANDLE\b|NOFORN|SIPDIS|UNCLAS|CONFIDENTIAL\b|SECRET\b|TOP\s+SECRET)/;

/**
 * True when `title` opens as a caption ({@link CAPTION_START}). The pattern is tried only on a title opening with one of its
 * first letters: a pattern never tried is never compiled (cablelint runs cold).
 */
export function startsCaption(title: string): boolean {
  return 'SNFLHUCT'.includes(title.charAt(0)) && CAPTION_START.test(title);
}

/**
 * True when `words` hold a serial's run of five digits or a control character: a page line a damaged copy left unread
 * ("VALLETTA 00000412 002 OF 002"), no title's first line.
 */
function holdsSerialOrControl(words: string): boolean {
  let digits = 0;
  for (let k = 0; k < words.length; k++) {
    const c = words.charCodeAt(k);
    if (c < 32 && c !== 9) return true;
    digits = c >= 48 && c <= 57 ? digits + 1 : 0;
    if (digits >= 5) return true;
  }
  return false;
}

/**
 * A title in capitals wrapped over two lines with a blank line between them, whose second line is line `i` right over its
 * rule `rule`: "IMPROVING U.S.-EU COOPERATION TO MEET THE &BASIC8" ⏎ "" ⏎ "CHALLENGE" ⏎ "-----" (10BRUSSELS183). The line two
 * above `i`, over the blank line, is the title's first line when both are in capitals and it reads as heading words after
 * the portion marking that may open it (no sentence's end, no block's opener or closer, not a caption such as "SENSITIVE BUT
 * UNCLASSIFIED -- HANDLE ACCORDINGLY", not a line the release blanked; the second line opens no block, "SUMMARY" being a
 * title of its own), and either a blank line
 * (or the body's edge) is above it or the line above it ends a sentence (not "Mr.") in a text that is not all in capitals
 * or in a paragraph written on one line, as a paragraph's last line over a title does: a line in capitals under prose in
 * mixed case, or under a line nothing wraps onto, is no line of that prose. Read
 * as a line of the paragraph above, it ran that paragraph on over the title. Else undefined.
 */
function gappedTitle(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], i: number, rule: number, floor: number): HeadingSpan | undefined {
  const { indents, lasts } = shapes;
  const lead = i - 2;
  if (lead < floor || indents[i - 1] >= 0 || kinds[i - 1] !== 'blank' || kinds[lead] !== 'text' || indents[lead] < 0 || lines[lead].length > 120) return undefined;
  const text = lines[lead];
  const words = text.trim();
  const second = lines[i].trim();
  // "\u200B(S) PATROL PLANS AND THE": an invisible character (CBL035 reports it) before the first line's marking hides none.
  if (!HEADING_START.test(text.charAt(markingStart(text, indents[lead]))) || !inCapitals(words) || !inCapitals(second)) return undefined;
  // "(C) RELATIONS WITH THE NEIGHBOURING" ⏎ "" ⏎ "PROVINCES (S)": a first line opened by a portion marking is one too, as over a
  // title's rule (wrappedTitle), read by its words after the marking; the marking stays the line's (`Cable.itemMarkings`), which
  // CBL029 weighs against one that ends the title.
  const marked = isHeadingText(text) ? -1 : titleWordsStart(text);
  if (marked < 0 && !isHeadingText(text)) return undefined;
  const title = marked >= 0 ? text.slice(marked).trim() : words;
  if (marked >= 0 && !isHeadingText(title)) return undefined;
  if (words === second || HEADING_OPENER.test(title) || HEADING_OPENER.test(second) || isBlankedLine(text) || isBlankedLine(title) || startsCaption(title) || holdsSerialOrControl(title)) return undefined;
  const above = lead - 1;
  if (!isBlankOrEdge(indents, kinds, above, floor)) {
    if ((kinds[above] !== 'text' && kinds[above] !== 'paragraph') || !endsSentence(lasts[above]) || endsWithAbbreviation(lines[above])) return undefined;
    // Under a paragraph written on one line (over MAX_WRAPPED characters), which nothing wraps onto, the line is no line of
    // that paragraph in any case: "¶5. (C) DISCUSSIONS CENTERED … THE HAITI EARTHQUAKE." ⏎ "IMPROVING U.S.-EU COOPERATION TO
    // MEET THE &BASIC8" (10BRUSSELS183 in capitals); under a wrapped line in capitals it may be.
    if (shapes.ends[above] - indents[above] <= MAX_WRAPPED && inCapitals(lines[above])) return undefined;
  }
  return withLead(lines, span(lines, i, 'underlined', [lineRange(lines, rule)], lead, rule), lead);
}

/**
 * `title` with the first line of a title wrapped over two lines, line `leadLine`, kept as its `lead`. Written out rather
 * than spread from the span: a spread copy costs a run-time call each time.
 */
function withLead(lines: readonly string[], title: HeadingSpan, leadLine: number): HeadingSpan {
  const { heading } = title;
  const text = lines[leadLine];
  return {
    heading: heading.marking
      ? { range: heading.range, text: heading.text, style: heading.style, rules: heading.rules, lead: token(leadLine, text, skipSpaces(text), trimEndOffset(text)), marking: heading.marking }
      : { range: heading.range, text: heading.text, style: heading.style, rules: heading.rules, lead: token(leadLine, text, skipSpaces(text), trimEndOffset(text)) },
    first: title.first,
    last: title.last,
    textLine: title.textLine,
    leadLine,
  };
}

/**
 * A title wrapped over two lines with a rule under each, whose first line is line `i` over rule line `rule`: "Minister of
 * Foreign and European" ⏎ "-----" ⏎ "Affairs ) Bernard Kouchner" ⏎ "-----" ⏎ "¶11. …". The second line stands right under the
 * first rule (no blank line between: two titles one over the other with nothing under the first are one title), its own
 * rule has a blank line, a paragraph or the end under it, and a blank line (or the body's edge) is above the first line, as
 * above a wrapped title; neither line opens a block ("COMMENT"). Else undefined. The heading keeps the first line in `lead`.
 * A page break with its blank lines between a line and its rule is passed over, as a page line alone is ("Minister of
 * Harbors" ⏎ "" ⏎ "NOWHERE 00000042 005 OF 007" ⏎ "" ⏎ "" ⏎ "-----" ⏎ "and Ferries ) Ann Quill" ⏎ "-----"); one between the
 * first rule and the second line is not: it hides whether a blank line stood there, under a title over a title of its own.
 */
function ruledLines(lines: readonly string[], kinds: readonly LineKind[], indents: Int32Array, i: number, rule: number, floor: number): HeadingSpan | undefined {
  const second = rule + 1;
  if (!isBlankOrEdge(indents, kinds, skipPageLinesBack(kinds, i - 1, floor), floor)) return undefined;
  if (second >= lines.length || kinds[second] !== 'text' || indents[second] < 0 || lines[second].length > 120) return undefined;
  const lower = pastPageBreak(indents, kinds, second + 1);
  if (lower >= lines.length || kinds[lower] !== 'rule') return undefined;
  const under = skipPageLines(kinds, lower + 1);
  if (under < lines.length && indents[under] >= 0 && kinds[under] !== 'paragraph') return undefined;
  const text = lines[i];
  const words = text.trim();
  // A heading that opens a block ("COMMENT" ⏎ "----" ⏎ "Ferries" ⏎ "----") and a line doubled are no first line of a title.
  if (!isHeadingText(lines[second]) || words === lines[second].trim() || HEADING_OPENER.test(words) || HEADING_OPENER.test(stripRules(lines[second]))) return undefined;
  return withLead(lines, span(lines, second, 'underlined', [lineRange(lines, rule), lineRange(lines, lower)], i, lower), i);
}

/**
 * Where the words of a title start after the portion marking that opens its line, with a space after it: "(U) Status of Host
 * Nation Laws:", "(SBU) Mission Efforts", and any marking in capitals the paragraphs' reader takes as well formed, controls
 * included, "(S//REL TO USA, GBR) LOOKING AHEAD", "(C/REL NATO) …" (parser59; it took only "(U)", "(SBU)", "(C)", "(S)", "(TS)"
 * with one control word, so such a title over its rule was no heading). -1 where no such marking opens the line: "(S-300) MISSILES", "(c) sense", "(S/he said)".
 */
function titleWordsStart(text: string): number {
  const at = skipSpaces(text);
  if (text.charCodeAt(at) !== 40 /* ( */) return -1;
  const portion = parsePortionMarking(0, text, at);
  if (!portion || portion.level === undefined || !portion.wellFormed || !isItemMarking(portion, text)) return -1;
  const end = portion.token.range.end.character;
  if (text.charCodeAt(end) !== 32 || upperCase(portion.token.text) !== portion.token.text) return -1;
  return skipSpaces(text, end);
}

/** True when `text` is a portion marking and heading words: an underlined title marked as a paragraph is. */
function isMarkedHeadingText(text: string): boolean {
  const start = titleWordsStart(text);
  return start >= 0 && isHeadingText(text.slice(start));
}

/**
 * True when a trimmed text opens with the word END in any case, alone or with a space or tab after it: a closer ("END
 * SUMMARY", "End Talking Points", "END TEXT"), which closes something and is never a heading; not "ENDGAME" nor "END-USE".
 */
function opensWithEnd(t: string): boolean {
  if (t.length < 3 || (t.charCodeAt(0) | 32) !== 101 /* e */ || (t.charCodeAt(1) | 32) !== 110 /* n */ || (t.charCodeAt(2) | 32) !== 100 /* d */) return false;
  const c = t.charCodeAt(3);
  return t.length === 3 || c === 32 || c === 9;
}

/** The longest heading {@link tightHeading} reads: "U.S. SAUDI RELATIONS" fits. */
const MAX_TIGHT = 40;

/** The longest mixed-case heading {@link tightHeading} reads under a paragraph written on one line. */
const MAX_TIGHT_UNWRAPPED = 60;

/** Whether a line of `length` characters is short enough for {@link tightHeading}: in capitals, or under a paragraph on one line. */
function tightLength(length: number, capitals: boolean, underUnwrapped: boolean): boolean {
  // One comparison with the longer limit that applies, not one for each: the second, made only for a mixed-case line under
  // a paragraph on one line, was first met after classifyLines (where this is inlined) was optimized, and deoptimized it.
  const limit = underUnwrapped ? MAX_TIGHT_UNWRAPPED : capitals ? MAX_TIGHT : -1;
  return length <= limit;
}

/**
 * A short heading in capitals with no blank line before it: "… the world.” ⏎ "DETAINEES" ⏎ "" ⏎ "¶6. (S) …".
 * The line above ends a sentence (not "Mr." or "John F."), a blank line or a continuation-page line follows, then a paragraph:
 * so the line is neither a wrapped word ("… of the" ⏎ "FAINA." ⏎ "") nor the signature, which nothing follows.
 * Under a paragraph written on one line (over {@link MAX_WRAPPED} characters), which nothing wraps onto, a mixed-case
 * title of a few words is one too: "… cannot survive without our support." ⏎ "Changing Mindsets" ⏎ "" ⏎ "¶9. (C) …".
 * The line `above` it is the first above that is no page line: a page line between is passed over.
 */
function tightHeading(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], i: number, next: number, above: number): HeadingSpan | undefined {
  const { indents, ends, lasts } = shapes;
  const lead = indents[i];
  const first = shapes.firsts[i];
  if (above < 0 || first < 65 || first > 90 || next >= lines.length || indents[next] >= 0) return undefined;
  if ((kinds[above] !== 'text' && kinds[above] !== 'paragraph') || !endsSentence(lasts[above]) || endsWithAbbreviation(lines[above])) return undefined;
  const unwrapped = ends[above] - indents[above] > MAX_WRAPPED;
  if (ends[i] - lead > (unwrapped ? MAX_TIGHT_UNWRAPPED : MAX_TIGHT)) return undefined;
  let k = next;
  while (k < lines.length && k < next + 4 && (indents[k] < 0 || kinds[k] === 'page')) k++;
  if (k >= lines.length || kinds[k] !== 'paragraph') return undefined;
  const text = lines[i];
  const t = text.slice(lead, ends[i]);
  // Capitals only (or a title under a paragraph on one line), a few words; not a redaction ("XXXXXXXXXXXX") nor a closer ("END COMMENT").
  if ((!unwrapped && !inCapitals(t)) || wordCount(t) > (unwrapped ? 8 : 4) || t.includes('XXXX') || !isHeadingText(t)) return undefined;
  return span(lines, i, 'plain', [], i, i);
}

/** "… said Mr." or "… John F.": a line ending in a capitalised word of one to three letters and a full stop ("U.S." is none). */
function endsWithAbbreviation(text: string): boolean {
  const end = trimEndOffset(text);
  if (text.charCodeAt(end - 1) !== 46 /* . */) return false;
  const start = wordStart(text, end - 1, true);
  const c = text.charCodeAt(start);
  return end - 1 - start >= 1 && end - 1 - start <= 3 && c >= 65 && c <= 90 && text.charCodeAt(start - 1) !== 46;
}

/**
 * The rule line under blank line `gap` (the line under a heading, page lines passed over), with a blank line, a paragraph
 * or the end under it; -1 when there is none.
 */
function gapUnderline(indents: Int32Array, kinds: readonly LineKind[], gap: number): number {
  if (gap >= kinds.length || indents[gap] >= 0) return -1;
  const rule = skipPageLines(kinds, gap + 1);
  if (rule >= kinds.length || kinds[rule] !== 'rule') return -1;
  const under = skipPageLines(kinds, rule + 1);
  return under >= kinds.length || indents[under] < 0 || kinds[under] === 'paragraph' ? rule : -1;
}

/** The longest ruled heading, in characters and in words: a line alone over its rule reads as a title up to these. */
const RULED_HEADING_CHARS = 100;
const RULED_HEADING_WORDS = 16;

/**
 * True when `text` reads as a heading's words (never a line that opens with the word END, {@link opensWithEnd}). `ruled` says that rule lines frame it (boxed) or underline it alone: then a
 * full stop after an initialism ("COMMENT -- IMPLICATIONS FOR THE U.S.", "Relations with the U.S.") ends no sentence, and a
 * news-style title may run longer ("Three Ferry Crews Strike Over Pay After the Port Authority Cancels Their Contract"):
 * the rule under a line that stands alone says it is a title, however long.
 */
function isHeadingText(text: string, ruled = false): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > (ruled ? RULED_HEADING_CHARS : 80)) return false;
  // "END TALKING POINTS", alone, under a rule or between rules: a closer, no heading (as the grammar reads it).
  if (opensWithEnd(t)) return false;
  if (!hasTwoLetters(t)) return false;
  // Headings do not end like sentences ("..." is not an end).
  const last = t.charCodeAt(t.length - 1);
  if ((last === 44 || last === 59 || (last === 46 && !(ruled && endsWithInitialism(t)))) && !t.endsWith('...')) return false;
  // "Bolivia. End note.)": a parenthesis closed and never opened ends an aside that runs on from the lines above.
  if (last === 41 /* ) */ && !opensParenthesis(t)) return false;
  const first = t.charCodeAt(0);
  if (first === 40 /* ( */ || first === 182 /* ¶ */ || (isDigit(first) && MARKER.test(text))) return false;
  if (wordCount(t) > (ruled ? RULED_HEADING_WORDS : 12)) return false;
  // Footers and links are not headings.
  if (LINK.test(t)) return false;
  return true;
}

/** True when a text holds more "(" than ")" before its last character: "IRAN (PART 2)" does, "Bolivia. End note.)" does not. */
function opensParenthesis(t: string): boolean {
  let depth = 0;
  for (let k = 0; k < t.length - 1; k++) {
    const c = t.charCodeAt(k);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && depth > 0) depth--;
  }
  return depth > 0;
}

/** True when a trimmed text ends with a word of two or more letters each followed by a full stop: "U.S.", "U.K.", not "etc.". */
function endsWithInitialism(t: string): boolean {
  let k = t.length;
  let letters = 0;
  while (k >= 2 && t.charCodeAt(k - 1) === 46 /* . */ && isLetter(t.charCodeAt(k - 2))) {
    letters++;
    k -= 2;
  }
  return letters >= 2 && (k === 0 || isSpace(t.charCodeAt(k - 1)));
}

/** True when two ASCII letters follow each other somewhere in `text`. */
function hasTwoLetters(text: string): boolean {
  for (let k = 1; k < text.length; k++) if (isLetter(text.charCodeAt(k)) && isLetter(text.charCodeAt(k - 1))) return true;
  return false;
}

/** The number of words of a trimmed text: `text.split(/\s+/).length`. */
export function wordCount(text: string): number {
  // One more for each word that white space follows: a call for each run of white space and each word, not for each
  // character (cablelint runs without inlining).
  let words = 1;
  let k = skipSpaces(text);
  while (k < text.length) {
    k = wordEnd(text, k);
    if (k === text.length) break;
    words++;
    k = skipSpaces(text, k);
  }
  return words;
}

function span(lines: readonly string[], textLine: number, style: Heading['style'], rules: readonly Range[], first: number, last: number): HeadingSpan {
  const text = lines[textLine];
  const s = skipSpaces(text);
  const e = trimEndOffset(text);
  // "BACKGROUND (U)", "Harbor Talks (S/NF)": a marking that ends the title is the heading's, not its words; not "ANNEX (C)",
  // "IRAN (PART 2)" nor "Security Cooperation: All Talk, (Almost) No Action" (endingMarking).
  const marking = text.charCodeAt(e - 1) === 41 /* ) */ ? endingMarking(textLine, text, titleStart(textLine, text, s), e)?.read : undefined;
  const words = token(textLine, text, s, marking ? trimEndOffset(text, marking.token.range.start.character) : e);
  // The heading starts and ends where its upper and lower rules do, or where its words do: those positions serve both.
  const upper = rules.length > 0 && rules[0].start.line === first ? rules[0].start : first === textLine && s === 0 ? words.range.start : { line: first, character: 0 };
  const lower = rules.length > 0 && rules[rules.length - 1].end.line === last ? rules[rules.length - 1].end : last === textLine && words.range.end.character === text.length ? words.range.end : { line: last, character: lines[last].length };
  const heading: Heading = marking ? { range: { start: upper, end: lower }, text: words, style, rules, marking } : { range: { start: upper, end: lower }, text: words, style, rules };
  return { heading, first, last, textLine };
}


/**
 * Where a heading's title starts after the portion marking that opens it, "(C) BACKGROUND (S)" at "BACKGROUND", so that the
 * marking that ends it is read after the one that opens it, as a marking of its own and not a list's label after another
 * parenthesis (endingMarking); `s`, the text's start, when none opens it. The opening marking stays in the heading's words,
 * an item marking of its own (`Cable.itemMarkings`).
 */
function titleStart(line: number, text: string, s: number): number {
  // "\u200B(C) BACKGROUND (S)": an invisible character (CBL035 reports it) hides no opening marking.
  const at = markingStart(text, s);
  if (text.charCodeAt(at) !== 40 /* ( */) return s;
  const opening = parsePortionMarking(line, text, at);
  return opening?.level !== undefined && opening.wellFormed ? skipSpaces(text, opening.token.range.end.character) : s;
}

/**
 * True when `text` ends, before trailing white space, with "...", "…" or ">": what {@link NOT_SIGNED} reads, read at the
 * end instead of searching the line (a cable's last line, which may be a whole paragraph).
 */
export function notSigned(text: string): boolean {
  const end = trimEndOffset(text);
  const last = text.charCodeAt(end - 1);
  return last === 0x2026 /* … */ || last === 62 /* > */ || (last === 46 /* . */ && end >= 3 && text.charCodeAt(end - 2) === 46 && text.charCodeAt(end - 3) === 46);
}

// Words that end a cable but sign nothing; "XXXXXXXXXXXX" is a line the release blanked, which names no one.
const NOT_NAMES = /^(?:END|BT|NNNN|SIPDIS|NOFORN|SUMMARY|COMMENT|NOTE|TEXT|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|MORE|THANKS|ENDS|X{4,})$/i;

/**
 * The signature on the cable's last line `text`, alone on it or glued after the last sentence, or undefined. `runsOn`: the
 * line right above is text that ends with a word or a comma, so that the last line may end its sentence, the last words of
 * a paragraph wrapped onto a line of their own.
 */
function readSignature(line: number, text: string, kind: LineKind, runsOn: boolean): Signature | undefined {
  if (kind === 'heading' || kind === 'rule' || kind === 'page' || kind === 'banner') return undefined;
  if (notSigned(text)) return undefined;
  const end = nameEnd(text);
  const alone = kind !== 'paragraph' && text.length <= 80 ? signatureLine(text, end) : undefined;
  // "… very well received in" ⏎ "Washington.": the end of the sentence above, with its full stop right after the words (a
  // stray one stands apart, "VILLALBA ."), as a paragraph being typed ends; "… push ahead" ⏎ "GOLDBERG" signs.
  // The name's end is tested against the line's length first: a read past it (NaN) deoptimized this function.
  if (alone && runsOn && alone[1] < text.length && text.charCodeAt(alone[1]) === 46 /* . */) return undefined;
  if (alone) {
    const name = text.slice(alone[0], alone[1]);
    const words = name.split(WHITE_SPACE);
    // "KUBISKE KUBISKE": the name written twice on its line signs once, as the last copy, as when it is written twice a line apart.
    const start = words.length === 2 && words[0] === words[1] ? alone[1] - words[1].length : alone[0];
    if (words.every((w) => !NOT_NAMES.test(w))) return { token: token(line, text, start, alone[1]), glued: false, twice: undefined };
  }
  // A name after a web-site footer's link is asked for where a name glued after a sentence's end is not, or is not taken:
  // "…/INDEX. CFM TUTTLE", in capitals, reads as two names after the link's full stop, which runs into it.
  return gluedName(line, text, gluedSignature(text, end)) ?? gluedName(line, text, nameAfterFooterLink(text, end));
}

/** The signature glued to the end of line `line` at offsets `glued`, where they hold one. */
function gluedName(line: number, text: string, glued: [number, number] | undefined): Signature | undefined {
  // A name glued after a link is part of it ("…/index. cfm Halloran" is not told apart): the sentence before the name must end after the link.
  // "… in dealing with the U.S. Administration.": a name with a full stop right after it ends the sentence it is in.
  if (glued && (glued[1] >= text.length || text.charCodeAt(glued[1]) !== 46 /* . */) && !linkRunsInto(text, glued[0])) {
    const name = text.slice(glued[0], glued[1]);
    if (!NOT_NAMES.test(name) && !ENDS_WITH_END.test(text.slice(0, trimEndOffset(text, glued[0])) + ' ' + name)) {
      return { token: token(line, text, glued[0], glued[1]), glued: true, twice: undefined };
    }
  }
  return undefined;
}

/**
 * Reads the lines that close the transmission, up from `last`, the last non-blank line: "BT" and
 * "NNNN" in any order and with blank lines around them, and the end-of-message serial ("#0708")
 * between a "BT" above it and an "NNNN" below it. Marks them as the trailer and returns the last
 * line before them (`last` when there are none). The first body line is never part of it.
 */
function readTrailer(input: BodyInput, result: BodyResult, last: number): number {
  const { lines, lineKinds: kinds, startLine, shapes } = input;
  const { indents, ends, firsts } = shapes;
  const end = last;
  let first = -1;
  // The first character of the trailer line below the one looked at: "N" for "NNNN".
  let below = 0;
  let bt: Token[] | undefined;
  let nnnn: Token[] | undefined;
  let eom: Trailer['eom'];
  while (last > startLine) {
    const c = firsts[last];
    const text = lines[last];
    const length = ends[last] - indents[last];
    let above = -1;
    if (endsTransmission(lines, shapes, last)) {
      const t = token(last, text, indents[last], ends[last]);
      if (c === 66 /* B */) (bt ??= []).push(t);
      else (nnnn ??= []).push(t);
    } else if (eom === undefined && below === 78 /* N */ && mayBeEomSerial(c, length) && EOM_SERIAL.test(text)) {
      // "BT" ⏎ "#0708" ⏎ "NNNN": the serial is read only between the two.
      above = lastNonBlank(indents, startLine, last - 1);
      if (above <= startLine || firsts[above] !== 66 /* B */ || !endsTransmission(lines, shapes, above)) break;
      eom = { token: token(last, text, indents[last], ends[last]), serial: numberToken(last, text, indents[last] + 1, ends[last]) };
    } else {
      break;
    }
    kinds[last] = 'trailer';
    below = c;
    first = last;
    last = above >= 0 ? above : lastNonBlank(indents, startLine, last - 1);
  }
  if (first >= 0) {
    result.trailer = {
      range: spanRange(first, indents[first], end, ends[end]),
      bt: bt ? bt.reverse() : [],
      eom,
      nnnn: nnnn ? nnnn.reverse() : [],
    };
  }
  return last;
}

/** True when line `k` is "BT" or "NNNN" ({@link TRANSMISSION_END}). */
function endsTransmission(lines: readonly string[], shapes: LineShapes, k: number): boolean {
  return mayEndTransmission(shapes.firsts[k], shapes.ends[k] - shapes.indents[k]) && TRANSMISSION_END.test(lines[k]);
}

/** How many non-blank lines above the last one {@link footerAbove} looks through for a web-site footer. */
const MAX_FOOTER_LINES = 12;

/** "For more reporting from Embassy Nowhere, visit:": a trimmed line that ends with the word "visit", a colon after it or not, and leads to a footer's link. */
function endsWithVisit(text: string): boolean {
  const end = trimEndOffset(text, text.endsWith(':') ? text.length - 1 : text.length);
  return end >= 5 && text.slice(end - 5, end).toLowerCase() === 'visit' && (end === 5 || !isLetter(text.charCodeAt(end - 6)));
}

/**
 * The first line of a web-site footer that stands above the text's last line `lastLine` (the signature), or -1:
 * a text line opening "Visit … Classified Website" among the last lines, with what belongs to it above it, past
 * blank lines: a rule of asterisks ("*****  *****"), a line ending "visit:" and a link ("http://…").
 */
function footerAbove(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], startLine: number, lastLine: number): number {
  const { indents, firsts } = shapes;
  let start = -1;
  for (let k = lastLine - 1, seen = 0; k > startLine && seen < MAX_FOOTER_LINES; k--) {
    if (indents[k] < 0) continue;
    seen++;
    if (kinds[k] === 'text' && mayOpenFooter(firsts[k]) && FOOTER_START.test(lines[k])) {
      start = k;
      break;
    }
  }
  return start < 0 ? -1 : footerLead(lines, shapes, kinds, startLine, start);
}

/**
 * The first line of the web-site footer whose "Visit … Classified Website" line is `start`: that line, or the first of what belongs
 * to it above it, past blank lines: a rule of asterisks ("*****  *****"), a line ending "visit:" and a link ("http://…").
 */
function footerLead(lines: readonly string[], shapes: LineShapes, kinds: readonly LineKind[], startLine: number, start: number): number {
  const { indents } = shapes;
  for (let k = start - 1; k > startLine; k--) {
    if (indents[k] < 0) continue;
    const text = lines[k].trim();
    if (kinds[k] !== 'text' || !(isAsteriskRule(text) || endsWithVisit(text) || opensWithHttp(text))) break;
    start = k;
  }
  return start;
}

/**
 * Marks as footer lines the web-site footer that follows the text's last line `lastLine` (the signature), up to line `end`,
 * the last before the transmission's trailer: the first line under it that opens "Visit … Classified Website", and the pieces
 * of its link wrapped under it, as {@link beforeTrailer} reads them. A first line of another kind leaves them all as they are.
 */
function footerBelow(lines: readonly string[], shapes: LineShapes, kinds: LineKind[], lastLine: number, end: number): void {
  const { indents, firsts } = shapes;
  const k = nextNonBlank(indents, lastLine + 1);
  if (k > end || kinds[k] !== 'text' || !mayOpenFooter(firsts[k]) || !FOOTER_START.test(lines[k])) return;
  for (let f = k; f <= end; f++) if (kinds[f] === 'text') kinds[f] = 'footer';
}

/** True when `c`, a line's first character, may open a footer's "Visit" line: V, P ("Please visit"), or a quotation mark. */
function mayOpenFooter(c: number): boolean {
  return c === 86 /* V */ || c === 118 /* v */ || c === 80 /* P */ || c === 112 /* p */ || c === 34 /* " */ || c === 8220 /* “ */;
}

/** True when a trimmed line opens with "http" in either case: a footer's link ("http://…", "HTTP://…"). */
function opensWithHttp(text: string): boolean {
  return (text.charCodeAt(0) | 32) === 104 /* h */ && text.length >= 4 && text.slice(0, 4).toLowerCase() === 'http';
}

/** True when a trimmed line is asterisks, with spaces between runs: "********* *****". */
function isAsteriskRule(text: string): boolean {
  if (text.length < 4) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== 42 && text.charCodeAt(k) !== 32) return false;
  return true;
}

/** How many non-blank lines from the end {@link beforeTrailer} looks through for a web page's copyright line. */
const MAX_PAGE_TAIL = 60;

/**
 * The last line of the cable's own text, at or before `last`, the last line before the transmission's
 * trailer ({@link readTrailer}): the line before a partial record's "...", before a web-site footer that
 * follows the signature ("Visit Ankara's Classified Web Site at http://www.intelink.s" ⏎
 * "gov.gov/wiki/Portal:Turkey\""), before "End Cable Text" and a mail system's trailer, or before a scraped
 * page's copyright line ("© Scoop Media") and what follows it.
 */
function beforeTrailer(lines: readonly string[], shapes: LineShapes, startLine: number, last: number): number {
  const { indents, firsts } = shapes;
  // "© Scoop Media" ⏎ "" ⏎ "World Headlines" ⏎ …: a scraped page's copyright line ends the cable's text, and the page's
  // own matter (teasers of other articles) follows it. No cable writes "©"; the last lines of a page are looked at only.
  for (let k = last, seen = 0; k > startLine && seen < MAX_PAGE_TAIL; k--) {
    if (indents[k] < 0) continue;
    seen++;
    if (firsts[k] === 169 /* © */) {
      last = lastNonBlank(indents, startLine, k - 1);
      break;
    }
  }
  if (last > startLine && ELISION_LINE.test(lines[last])) last = lastNonBlank(indents, startLine, last - 1);
  // The footer's link may wrap: the lines after its first are pieces of a link, without spaces.
  let linkPieces = true;
  for (let k = last, seen = 0; k > startLine && seen < 4; k--) {
    if (indents[k] < 0) continue;
    seen++;
    const text = lines[k];
    if (END_CABLE_TEXT.test(text)) return lastNonBlank(indents, startLine, k - 1);
    // "Visit London's Classified Website: http://…/index. cfm Halloran" ends with the signature.
    if (linkPieces && FOOTER_START.test(text)) return nameAfterFooterLink(text, nameEnd(text)) ? k : lastNonBlank(indents, startLine, k - 1);
    if (!isLinkPiece(text, indents[k])) linkPieces = false;
  }
  return last;
}

/** A piece of a link wrapped over lines (`gov.gov/wiki/Portal:Turkey"`): no space, and a "/" or "." in it. */
function isLinkPiece(text: string, lead: number): boolean {
  const end = trimEndOffset(text);
  const space = text.indexOf(' ', lead);
  if (space >= 0 && space < end) return false;
  const slash = text.indexOf('/', lead);
  const dot = text.indexOf('.', lead);
  return (slash >= 0 && slash < end) || (dot >= 0 && dot < end);
}

/** "… Classified Website: http://www.state.sgov.gov/p/eur/london/index. cfm Halloran": a name after a web-site footer's link. */
function nameAfterFooterLink(text: string, end: number): [number, number] | undefined {
  const start = wordStart(text, end, true);
  if (start === end || start === 0 || !isSpace(text.charCodeAt(start - 1)) || !(isUpperName(text, start, end) || isMixedName(text, start, end))) return undefined;
  // The footer's keyword, link and name sit within a few hundred characters: look no further back.
  const from = Math.max(0, start - 300);
  const lower = text.slice(from, start).toLowerCase();
  const link = Math.max(lower.lastIndexOf('http'), lower.lastIndexOf('www.'));
  return link >= 0 && CLASSIFIED_WEBSITE.test(lower.slice(Math.max(0, link - 60), link)) ? [start, end] : undefined;
}

/**
 * True when the last link before `name` (`http`, `www.`, in any case: `HTTP://…` in a cable in capitals) reaches the
 * sentence end just before it, with no space between: when one starts in the last word before the name, or at the name.
 */
function linkRunsInto(text: string, name: number): boolean {
  let word = trimEndOffset(text, name);
  while (word > 0 && !isSpace(text.charCodeAt(word - 1))) word--;
  // Only the last word is lowered, and the name's first four characters, where a link the name starts with would be.
  const lower = text.slice(word, name + 4).toLowerCase();
  return lower.lastIndexOf('http', name - word) >= 0 || lower.lastIndexOf('www.', name - word) >= 0;
}

/** Where a signature would end: before trailing spaces and one optional full stop ("VILLALBA ."). */
function nameEnd(text: string): number {
  let end = trimEndOffset(text);
  if (text.charCodeAt(end - 1) === 46 /* . */) end = trimEndOffset(text, end - 1);
  return end;
}

/** Letters, apostrophes and hyphens: the characters of a surname. */
function isNameChar(c: number, lower: boolean): boolean {
  return (c >= 65 && c <= 90) || (lower && c >= 97 && c <= 122) || c === 39 || c === 8217 || c === 45;
}

/** Start of the word of name characters ending at `end`. */
function wordStart(text: string, end: number, lower: boolean): number {
  let s = end;
  while (s > 0 && isNameChar(text.charCodeAt(s - 1), lower)) s--;
  return s;
}

/** "KESTREL", "O'NEILL": an upper-case word of three or more characters. */
function isUpperName(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (end - start < 3 || c < 65 || c > 90) return false;
  for (let k = start + 1; k < end; k++) if (!isNameChar(text.charCodeAt(k), false)) return false;
  return true;
}

/** "Ostrander": a capital, then two or more small letters, apostrophes or hyphens. */
function isMixedName(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (end - start < 3 || c < 65 || c > 90) return false;
  for (let k = start + 1; k < end; k++) {
    const d = text.charCodeAt(k);
    if (!((d >= 97 && d <= 122) || d === 39 || d === 8217 || d === 45)) return false;
  }
  return true;
}

/**
 * A line that is only a surname: one to three capitalised words ("KESTREL", "Ostrander",
 * "ASHCOMBE JR", "LA FORGE") or one lower-case word of 3–20 letters ("jones").
 */
function signatureLine(text: string, end: number): [number, number] | undefined {
  const start = skipSpaces(text);
  if (start >= end) return undefined;
  const first = text.charCodeAt(start);
  if (first >= 97 && first <= 122) {
    // "jones", but not "interests." ending a wrapped sentence.
    if (end < trimEndOffset(text)) return undefined;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c < 97 || c > 122) return undefined;
    }
    return end - start >= 3 && end - start <= 20 ? [start, end] : undefined;
  }
  let words = 0;
  let k = start;
  while (k < end) {
    let w = k;
    while (w < end && isNameChar(text.charCodeAt(w), true)) w++;
    const c = text.charCodeAt(k);
    if (w - k < 2 || c < 65 || c > 90 || ++words > 3) return undefined;
    k = skipSpaces(text, w);
    // Words are separated by spaces only.
    if (k < end && k === w) return undefined;
  }
  return [start, end];
}

/**
 * A surname glued to the end of the last line after a sentence ends:
 * "… for Washington. KESTREL", "… soon. ASHCOMBE JR", "… ends) Ostrander".
 * Returns the offsets of the name, or undefined.
 */
function gluedSignature(text: string, end: number): [number, number] | undefined {
  const lastStart = wordStart(text, end, true);
  if (lastStart === end) return undefined;
  // Two words: an upper-case name, then JR, SR, III or another upper-case name.
  const last = text.slice(lastStart, end);
  const gap = trimEndOffset(text, lastStart);
  if (gap < lastStart && (isUpperName(text, lastStart, end) || last === 'JR' || last === 'SR')) {
    const firstStart = wordStart(text, gap, true);
    if (isUpperName(text, firstStart, gap) && endsSentenceBefore(text, firstStart)) return [firstStart, end];
  }
  const single = isUpperName(text, lastStart, end) || isMixedName(text, lastStart, end);
  return single && endsSentenceBefore(text, lastStart) ? [lastStart, end] : undefined;
}

/**
 * Spaces, then a character that ends a sentence, just before `start`. A parenthesis closed inside its word
 * ("… cleared by USD(P) Flournoy.") is part of an abbreviation, not the end of an aside.
 */
function endsSentenceBefore(text: string, start: number): boolean {
  const before = trimEndOffset(text, start);
  if (before >= start || before <= 0 || !'.!?)"”'.includes(text[before - 1])) return false;
  return text.charCodeAt(before - 1) !== 41 /* ) */ || !closesInWord(text, before - 1);
}

/** True when the ")" at `close` closes a "(" of its own word that follows a letter: "USD(P)", not "(Note: …)" or "(P)". */
function closesInWord(text: string, close: number): boolean {
  for (let k = close - 1; k > 0 && close - k <= 12; k--) {
    const c = text.charCodeAt(k);
    if (isSpace(c)) return false;
    if (c === 40 /* ( */) return isLetter(text.charCodeAt(k - 1));
  }
  return false;
}

/** The text without leading and trailing slashes, hyphens and spaces: "//COMMENT//" → "COMMENT". */
function stripRules(text: string): string {
  const isRuleChar = (c: number) => c === 47 || c === 45 || isSpace(c);
  let start = 0;
  let end = text.length;
  while (start < end && isRuleChar(text.charCodeAt(start))) start++;
  while (end > start && isRuleChar(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * Pushes the block markers of the body's lines onto `out` in line order, and the second words of joined closers
 * ("END COMMENT AND SUMMARY") into `optional` too. The loop over the lines keeps the common case, a line's opener at its
 * start; each rarer marker is read by a helper of its own (`pushGluedOpeners`, `pushInlineOpeners`, `pushParenOpeners`,
 * `pushClosers`, `pushInLineOrder`), so that the code TurboFan compiles for the loop is less than half what it was
 * (bench/RESULTS.md, session 51).
 */
function collectBlockMarkers(lines: readonly string[], shapes: LineShapes, lineHints: LineHints, kinds: readonly LineKind[], scan: BodyScan, out: BlockMarker[], optional: Set<BlockMarker>): void {
  const { lateBlockLines, paragraphLines, paragraphMarkers, gluedLines, gluedMarkers } = scan;
  // "… was working. 16. (C) Comment: The board …": the lines that paragraphs are glued into are visited too (few, in few cables).
  const blockLines = gluedLines.length === 0 ? scan.blockLines : mergeLines(scan.blockLines, gluedLines);
  let p = 0;
  let g = 0;
  // Both lists are in line order: take the lower line of the two each time, and each line once.
  let previous = -1;
  // The line that opens with the second word of a closer split across lines ("End ⏎ summary."): no opener.
  let splitTail = -1;
  const { bits: hints, anyCase } = lineHints;
  for (let b = 0, l = 0; b < blockLines.length || l < lateBlockLines.length; ) {
    const i = l >= lateBlockLines.length || (b < blockLines.length && blockLines[b] <= lateBlockLines[l]) ? blockLines[b++] : lateBlockLines[l++];
    if (i === previous) continue;
    previous = i;
    const kind = kinds[i];
    if (kind !== 'paragraph' && kind !== 'text' && kind !== 'heading' && kind !== 'signature') continue;
    // Openers at the start of a paragraph's text (after the marker and marking) or of a line.
    while (p < paragraphLines.length && paragraphLines[p] < i) p++;
    const mk = kind === 'paragraph' ? paragraphMarkers[p] : undefined;
    // The paragraphs glued into this line: gluedMarkers[glued] up to gluedMarkers[g].
    while (g < gluedLines.length && gluedLines[g] < i) g++;
    const glued = g;
    while (g < gluedLines.length && gluedLines[g] === i) g++;
    let textStart = shapes.indents[i];
    let first = shapes.firsts[i];
    let second = shapes.seconds[i];
    const text = lines[i];
    // "\u200B(S/NF) Embassy Note and Comment: …" as without the invisible character.
    const marked = !mk && kind === 'text' && (first === 40 /* ( */ || (first >= 0x200b && isInvisible(first))) ? markedTextStart(i, text, markingStart(text, textStart)) : -1;
    if (mk || marked >= 0) {
      textStart = mk ? skipSpaces(text, mk.textStart) : marked;
      first = text.charCodeAt(textStart);
      second = text.charCodeAt(textStart + 1);
    }
    // Openers start with one of the words Begin, Embassy, Post, Department, USUN/USNATO, Mission,
    // Summary, Comment, Note: their first three letters decide whether the pattern is worth trying.
    const mayOpen = mayOpenBlock(first, second, text.charCodeAt(textStart + 2));
    const hint = hints[i];
    const paren = (hint & Hint.PAREN_OPENER) !== 0;
    const closer = (hint & Hint.CLOSER) !== 0;
    const inline = (hint & Hint.INLINE_OPENER) !== 0;
    if (!mayOpen && !paren && !closer && !inline && kind !== 'heading' && glued === g) continue;
    // "//COMMENT//" headings open a comment too.
    const headingText = kind === 'heading' ? stripRules(text) : undefined;
    OPENER.lastIndex = textStart;
    const headingOpener = headingText !== undefined && HEADING_OPENER.test(headingText);
    const opener = headingOpener
      ? BLOCK_WORD.exec(text)
      : mayOpen && i !== splitTail && !continuesSentence(shapes, i, mk !== undefined, first) ? OPENER.exec(text) : null;
    const found: BlockMarker[] = [];
    if (opener) {
      const word = opener[1];
      // The word where it stands: a heading's opener read by OPENER ("Embassy Comment: Harbor Dues") is placed as a paragraph's is.
      const s = (headingOpener ? opener.index : textStart + upperCase(opener[0]).indexOf(upperCase(word)));
      found.push({ kind: kindOf(word), role: 'open', token: token(i, text, s, s + word.length) });
    }
    // "… was working. 16. (C) Comment: The board …": a paragraph glued into the line opens a block as one at a line's start does.
    if (glued < g) pushGluedOpeners(found, i, text, gluedMarkers, glued, g);
    // "¶1. Comment:" is the paragraph's own opener, read above, as is a glued paragraph's.
    if (inline) pushInlineOpeners(found, i, text, textStart, anyCase);
    if (paren) pushParenOpeners(found, i, text);
    if (closer && pushClosers(found, optional, i, text, i + 1 < lines.length ? lines[i + 1] : undefined)) splitTail = i + 1;
    if (found.length === 1) out.push(found[0]);
    else if (found.length > 1) pushInLineOrder(out, found);
  }
}

/**
 * Pushes the openers of the paragraphs glued into line `line`, `markers[from]` up to `markers[to]`:
 * "… was working. 16. (C) Comment: The board …". Out of {@link collectBlockMarkers}' loop, as the rest of a line's
 * rarer markers are, so that the loop TurboFan compiles stays small.
 */
function pushGluedOpeners(found: BlockMarker[], line: number, text: string, markers: readonly MarkerInfo[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const at = skipSpaces(text, markers[k].textStart);
    if (!mayOpenBlock(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2))) continue;
    const own = openerAt(line, text, at);
    if (own) found.push(own);
  }
}

/**
 * Pushes the openers after a sentence's end on line `line`, with or without their closers: "… ran late. Comment: If this
 * goes on". Those found already, the line's paragraphs' own, are not pushed again; none starts at or before `textStart`.
 */
function pushInlineOpeners(found: BlockMarker[], line: number, text: string, textStart: number, anyCase: boolean): void {
  const owned = found.length;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    const s = Hint.inlineOpenerAt(text, at, anyCase);
    if (s > textStart && !ownOpener(found, owned, s)) found.push({ kind: kindOf(text.slice(s, at)), role: 'open', token: token(line, text, s, at) });
  }
}

/** Pushes the openers inside parentheses on line `line`: "(Embassy Note: …", "(Comment: …". */
function pushParenOpeners(found: BlockMarker[], line: number, text: string): void {
  PAREN_OPENER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAREN_OPENER.exec(text)) !== null) {
    // The word ends before the colon and any spaces: "(Embassy Note:" gives "Note".
    const end = trimEndOffset(text, m.index + m[0].length - 1, m.index);
    found.push({ kind: kindOf(m[1]), role: 'open', token: token(line, text, end - m[1].length, end) });
  }
}

/**
 * Pushes the closers on line `line` ("End Comment.", "END COMMENT AND SUMMARY"), each second word of a joined closer also
 * into `optional`, and a closer the line's last word begins ("End ⏎ comment."), read with `next`, the line below, if any.
 * Returns true when a closer runs onto the line below, whose first word then opens nothing.
 */
function pushClosers(found: BlockMarker[], optional: Set<BlockMarker>, line: number, text: string, next: string | undefined): boolean {
  let intoNext = false;
  CLOSER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLOSER.exec(text)) !== null) {
    found.push({ kind: kindOf(m[1]), role: 'close', token: token(line, text, m.index, m.index + m[0].length) });
    // "END COMMENT AND SUMMARY", "End summary and ⏎ comment.": the second word closes its block too, if one is open.
    const joined = joinedCloser(line, text, m.index + m[0].length, next);
    if (joined) {
      found.push(joined);
      optional.add(joined);
      if (joined.token.range.end.line > line) intoNext = true;
    }
  }
  // "… in the region. End ⏎ comment.)": the hint saw the closer across the line break.
  const split = next !== undefined ? splitCloser(line, text, next) : undefined;
  if (split) {
    found.push(split);
    intoNext = true;
  }
  return intoNext;
}

/**
 * Pushes the markers found on one line onto `out` in the order they stand on it (a line rarely holds two): each is inserted
 * after those pushed before it that start no later, as a stable sort puts them, without a comparator to call.
 */
function pushInLineOrder(out: BlockMarker[], found: readonly BlockMarker[]): void {
  const from = out.length;
  for (const marker of found) {
    const at = marker.token.range.start.character;
    let k = out.length;
    out.push(marker);
    for (; k > from && out[k - 1].token.range.start.character > at; k--) out[k] = out[k - 1];
    out[k] = marker;
  }
}

/**
 * The opener {@link OPENER} reads at offset `at` of line `line`, its token the block's word where it stands: a paragraph's
 * glued into a line ("… was working. 16. (C) Comment: …"), or a block's title glued to the end of the Classified By field.
 */
function openerAt(line: number, text: string, at: number): BlockMarker | undefined {
  OPENER.lastIndex = at;
  const opener = OPENER.exec(text);
  if (!opener) return undefined;
  const s = at + upperCase(opener[0]).indexOf(upperCase(opener[1]));
  return { kind: kindOf(opener[1]), role: 'open', token: token(line, text, s, s + opener[1].length) };
}

/** The lines of `lines` not in `out`, both lists in line order: one walk over each. */
function withoutLines(lines: readonly number[], out: readonly number[]): number[] {
  const kept: number[] = [];
  for (let i = 0, j = 0; i < lines.length; i++) {
    while (j < out.length && out[j] < lines[i]) j++;
    if (j >= out.length || out[j] !== lines[i]) kept.push(lines[i]);
  }
  return kept;
}

/** Two lists of numbers in ascending order (lines, offsets), merged in ascending order (a number in both comes twice). */
export function mergeLines(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  for (let i = 0, j = 0, k = 0; k < out.length; k++) out[k] = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
  return out;
}

/** True when one of the first `count` markers found on a line, the openers of its paragraphs, starts at `s`. */
function ownOpener(found: readonly BlockMarker[], count: number, s: number): boolean {
  for (let k = 0; k < count; k++) if (found[k].token.range.start.character === s) return true;
  return false;
}

/**
 * Where the words start after the portion marking that opens an unnumbered line at `lead`, when an opener's first letters
 * follow it ("(S/NF) Embassy Note and Comment: …", an item of a paragraph); else -1. The marking must name a level.
 */
function markedTextStart(i: number, text: string, lead: number): number {
  const marking = parsePortionMarking(i, text, lead);
  if (marking?.level === undefined) return -1;
  const at = skipSpaces(text, marking.token.range.end.character);
  return at > marking.token.range.end.character && mayOpenBlock(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2)) ? at : -1;
}

/**
 * True when line `i` carries on a sentence of the line before in small letters, so that its first
 * word is no opener: "… made the following ⏎ comments:". A paragraph's own text never does.
 */
function continuesSentence(shapes: LineShapes, i: number, ownParagraph: boolean, first: number): boolean {
  if (ownParagraph || first < 97 || first > 122 || i === 0 || shapes.indents[i - 1] < 0) return false;
  // The line before ends in a word or a comma: a full stop, a colon or a rule line ends it.
  const last = shapes.lasts[i - 1];
  return isLetter(last) || last === 44 /* , */;
}

// The word after "END COMMENT AND", read at a given offset.
const JOINED_WORD = /(SUMMARY|COMMENTS?|NOTES?)\b/iy;

/**
 * The second word of a closer that closes two blocks ("END COMMENT AND SUMMARY", "End summary
 * and ⏎ comment."), read from `from` just after the first; its token runs from "AND" to the word.
 */
function joinedCloser(line: number, text: string, from: number, next: string | undefined): BlockMarker | undefined {
  const start = skipSpaces(text, from);
  if (start === from || (text.charCodeAt(start) | 32) !== 97 || (text.charCodeAt(start + 1) | 32) !== 110 || (text.charCodeAt(start + 2) | 32) !== 100) return undefined;
  const after = skipSpaces(text, start + 3);
  if (after < text.length) {
    if (after === start + 3) return undefined;
    JOINED_WORD.lastIndex = after;
    const same = JOINED_WORD.exec(text);
    return same ? { kind: kindOf(same[1]), role: 'close', token: token(line, text, start, after + same[0].length) } : undefined;
  }
  // "AND" closing the line: the word opens the next.
  const word = next === undefined ? null : CLOSER_WORD_AT_START.exec(next);
  if (!word) return undefined;
  return {
    kind: kindOf(word[1]),
    role: 'close',
    token: { text: `${text.slice(start, start + 3)} ${word[1]}`, range: spanRange(line, start, line + 1, word.index + word[0].length) },
  };
}

// "End" closing a line, and the closer's word opening the next.
export const END_AT_LINE_END = /\bEND\s*$/i;
const CLOSER_WORD_AT_START = /^\s*(SUMMARY|COMMENTS?|NOTES?)\b/i;

/**
 * Where "End" closing `text` starts, in any case, or -1: what {@link END_AT_LINE_END} finds. It can stand only right
 * before the line's trailing white space, so three letters are read there instead of a search of the whole line.
 */
export function endAtLineEnd(text: string): number {
  const at = trimEndOffset(text) - 3;
  if (at < 0 || (text.charCodeAt(at) | 32) !== 101 /* e */ || (text.charCodeAt(at + 1) | 32) !== 110 /* n */ || (text.charCodeAt(at + 2) | 32) !== 100 /* d */) return -1;
  // "\b": no letter, digit or "_" before it.
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  return isAlnum(before) || before === 95 ? -1 : at;
}

/**
 * A closer whose "End" closes line `line` and whose word opens the next: its token spans
 * both lines, and its text is the two words one space apart ("End comment").
 */
function splitCloser(line: number, text: string, next: string): BlockMarker | undefined {
  const end = endAtLineEnd(text);
  const word = end >= 0 ? CLOSER_WORD_AT_START.exec(next) : null;
  if (!word) return undefined;
  const wordEnd = word.index + word[0].length;
  return {
    kind: kindOf(word[1]),
    role: 'close',
    token: { text: `${text.slice(end, end + 3)} ${word[1]}`, range: spanRange(line, end, line + 1, wordEnd) },
  };
}

/** The first three letters of each word an opener can start with, in small letters. */
const OPENER_PREFIXES = ['beg', ...BLOCK_LABEL_WORDS.map((w) => w.slice(0, 3).toLowerCase()), 'sum', 'com', 'not'];

/** Five bits for each of three small letters. */
const letters3 = (a: number, b: number, c: number) => ((a & 31) << 10) | ((b & 31) << 5) | (c & 31);

/** {@link OPENER_PREFIXES} as a table indexed by {@link letters3}: a lookup costs less than hashing. */
const OPENER_TABLE = (() => {
  const table = new Uint8Array(1 << 15);
  for (const w of OPENER_PREFIXES) table[letters3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2))] = 1;
  return table;
})();

/**
 * True when the characters `first`, `second` and `third` can open an opener word, in either case.
 * Case-insensitive patterns without the `u` flag match ASCII letters only to ASCII letters, so
 * folding with `| 32` is exact: it turns only A–Z (and a–z) into a–z.
 */
export function mayOpenBlock(first: number, second: number, third: number): boolean {
  const a = first | 32;
  const b = second | 32;
  const c = third | 32;
  return isSmall(a) && isSmall(b) && isSmall(c) && OPENER_TABLE[letters3(a, b, c)] === 1;
}

/** The kind of block a marker's word names; "Note and Comment" names a Comment. */
function kindOf(word: string): BlockMarker['kind'] {
  // The words are read in either case without asking the engine for capitals (about 500 calls a corpus pass); a word with
  // a character beyond ASCII is upper-cased by the engine, as before.
  for (let k = 0; k < word.length; k++) {
    if (word.charCodeAt(k) > 127) {
      const w = word.toUpperCase();
      return w.startsWith('SUMMARY') ? 'summary' : w.startsWith('COMMENT') || w.endsWith('COMMENT') || w.endsWith('COMMENTS') ? 'comment' : 'note';
    }
  }
  const n = word.length;
  return lettersAt(word, 0, 'summary') ? 'summary' : lettersAt(word, 0, 'comment') || lettersAt(word, n - 7, 'comment') || lettersAt(word, n - 8, 'comments') ? 'comment' : 'note';
}

/** True when the ASCII letters of `small` (small letters) stand in `text` at `at`, in either case. */
function lettersAt(text: string, at: number, small: string): boolean {
  if (at < 0 || at + small.length > text.length) return false;
  for (let k = 0; k < small.length; k++) if ((text.charCodeAt(at + k) | 32) !== small.charCodeAt(k)) return false;
  return true;
}

/**
 * Pairs openers with the next closer of the same kind; unpaired ones still make a block.
 * An `optional` closer (the second word of "END COMMENT AND SUMMARY") closes only an open block,
 * and leaves `optional` when it does.
 */
function pairBlocks(
  markers: readonly BlockMarker[],
  paragraphs: readonly Paragraph[],
  headings: readonly Heading[],
  lines: readonly string[],
  optional: Set<BlockMarker>,
  late: BlockMarker[],
  titles: ReadonlySet<BlockMarker>,
  titled: ReadonlySet<number> | undefined,
): Block[] {
  const blocks: Block[] = [];
  const open: Partial<Record<BlockMarker['kind'], BlockMarker>> = {};
  // Where the last marker of each kind ends: an opener found late for a closer comes after it.
  const last: Partial<Record<BlockMarker['kind'], Range['end']>> = {};
  // Paragraphs are in text order and do not overlap: a binary search finds the one holding a position. A line can hold two
  // ("… set. 3. (C) Comment: …"), and a marker belongs to the one it stands in.
  const paragraphAt = (at: Position): Paragraph | undefined => {
    const k = paragraphIndexAt(paragraphs, at.line, at.character);
    return k < 0 ? undefined : paragraphs[k];
  };
  // The index of the heading whose text is on `line`, or -1 (headings come in line order: a binary search).
  const headingOn = (line: number): number => {
    const lo = partitionPoint(headings, (h) => h.text.range.start.line < line);
    return lo < headings.length && headings[lo].text.range.start.line === line ? lo : -1;
  };
  const paragraphEnd = (at: Position): Range['end'] => paragraphAt(at)?.range.end ?? { line: at.line, character: trimEndOffset(lines[at.line]) };
  // Where the marker after each opener written after "(" or "[" starts ("(Note:", "[NOTE:", "(Embassy Note:"): the bracket
  // that closes it is looked for before that marker. The opening bracket is kept with it.
  const following = new Map<BlockMarker, { next: Range['start']; open: number }>();
  for (let k = 0; k < markers.length; k++) {
    const start = markers[k].token.range.start;
    const bracket = markers[k].role === 'open' && start.character > 0 ? openingBracket(lines[start.line], start.character) : -1;
    if (bracket >= 0) {
      following.set(markers[k], { next: k + 1 < markers.length ? markers[k + 1].token.range.start : { line: lines.length, character: 0 }, open: lines[start.line].charCodeAt(bracket) });
    }
  }
  // "(Note: The French … since arrival.) Padilla saw …": an opener written after "(" that no closer closes ends at the ")"
  // matching that "(" (one written after "[" at its "]"), when one comes before `end` and the next marker; else undefined. Each opener walks only the text up
  // to the next marker, so the walks never overlap.
  const parenthesisEnd = (opener: BlockMarker, end: Range['end']): Range['end'] | undefined => {
    const after = following.get(opener);
    if (!after) return undefined;
    const { next } = after;
    const to = next.line < end.line || (next.line === end.line && next.character < end.character) ? next : end;
    const close = matchingBracket(lines, opener.token.range.end, to, after.open);
    return close && { line: close.line, character: close.character + 1 };
  };
  const paragraphStart = (at: Position): Range['start'] => paragraphAt(at)?.range.start ?? { line: at.line, character: 0 };
  // The end of the last paragraph a title glued on `line` stands over: those starting on the lines after it, up to the next
  // heading or the paragraph with the next title glued to its end ("… was agreed. Action Request -----", one of the lines
  // `titled` that gluedEndTitles read); undefined for none.
  const titleEnd = (line: number): Range['end'] | undefined => {
    const next = partitionPoint(headings, (h) => h.range.start.line <= line);
    const until = next < headings.length ? headings[next].range.start.line : lines.length;
    let end: Range['end'] | undefined;
    for (let k = partitionPoint(paragraphs, (p) => p.range.start.line <= line); k < paragraphs.length && paragraphs[k].range.start.line < until; k++) {
      end = paragraphs[k].range.end;
      if (titled?.has(end.line)) break;
    }
    return end;
  };
  // Where an opener left open ends: with its paragraph, or with the section of the heading that opens it ("Comment" ⏎
  // "-------" ⏎ "¶8. (C) …" ⏎ "¶9. (C) …": the Comment runs over ¶8 and ¶9), but before a later opener of its kind.
  const openEnd = (opener: BlockMarker, next?: BlockMarker): Range['end'] => {
    const at = opener.token.range.start;
    const line = at.line;
    const own = paragraphEnd(at);
    if (titles.has(opener)) {
      // A title glued to the Classified By or to a paragraph's end, as a heading: over the paragraphs after it.
      const end = titleEnd(line) ?? own;
      return next && next.token.range.start.line <= end.line ? own : end;
    }
    const heading = paragraphAt(at) ? -1 : headingOn(line);
    if (heading < 0) return parenthesisEnd(opener, own) ?? own;
    // The section's last paragraph: the last one starting before the next heading (a binary search), if it starts after this one.
    const until = heading + 1 < headings.length ? headings[heading + 1].range.start.line : lines.length;
    const last = paragraphs[partitionPoint(paragraphs, (p) => p.range.start.line < until) - 1];
    const end = last && last.range.start.line > line ? last.range.end : own;
    return next && next.token.range.start.line <= end.line ? own : end;
  };
  for (const marker of markers) {
    const after = last[marker.kind];
    last[marker.kind] = marker.token.range.end;
    if (marker.role === 'open') {
      const previous = open[marker.kind];
      if (previous) blocks.push({ kind: marker.kind, open: previous, range: { start: previous.token.range.start, end: openEnd(previous, marker) } });
      open[marker.kind] = marker;
      continue;
    }
    let opener = open[marker.kind];
    // "… go ahead. Comment: While … End Comment.", "(Embassy comment: … End Comment.)", "[NOTE: … END NOTE]":
    // a closer with no opener looks back through its paragraph for one where the first pass looks for none.
    if (!opener && !optional.has(marker)) {
      const start = marker.token.range.start;
      const paragraph = paragraphAt(start);
      opener = findLateOpener(lines, marker.kind, paragraph ? paragraph.range.start : { line: start.line, character: 0 }, start, after);
      if (opener) late.push(opener);
    }
    if (opener) {
      blocks.push({ kind: marker.kind, open: opener, close: marker, range: { start: opener.token.range.start, end: marker.token.range.end } });
      open[marker.kind] = undefined;
      optional.delete(marker);
    } else if (!optional.has(marker)) {
      blocks.push({ kind: marker.kind, close: marker, range: { start: paragraphStart(marker.token.range.start), end: marker.token.range.end } });
    }
  }
  for (const kind of ['summary', 'comment', 'note'] as const) {
    const opener = open[kind];
    if (opener) blocks.push({ kind, open: opener, range: { start: opener.token.range.start, end: openEnd(opener) } });
  }
  // "¶15. (C) Comment: …" ⏎ "¶16. (C) Comment cont'd: …": a Comment left open at its paragraph's end runs on over the
  // paragraphs right after it that say they continue it. Each paragraph is looked at for the block before it only.
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind !== 'comment' || block.close) continue;
    let k = paragraphIndexAt(paragraphs, block.range.end.line, block.range.end.character);
    if (k < 0 || !samePosition(paragraphs[k].range.end, block.range.end)) continue;
    let end = block.range.end;
    while (++k < paragraphs.length && COMMENT_CONTINUED.test(lines[paragraphs[k].range.start.line].slice(paragraphTextStart(lines, paragraphs[k])))) end = paragraphs[k].range.end;
    if (end !== block.range.end) blocks[b] = { ...block, range: { start: block.range.start, end } };
  }
  // Blocks are nearly always paired in text order already: `sort` would copy the list and make a comparator each time.
  for (let b = 1; b < blocks.length; b++) {
    if (byStart(blocks[b - 1], blocks[b]) > 0) {
      blocks.sort(byStart);
      break;
    }
  }
  return blocks;
}

/** Orders blocks by where they start. */
function byStart(a: Block, b: Block): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

// An opener inside a line, after a sentence, a bracket or a marking: "… ahead. Comment: While",
// "(Note. This", "(Embassy comment: We", "[NOTE: During", "¶1. C) Summary: The".
const LATE_OPENER = new RegExp(String.raw`(?:^|[([]|[.!?;:)"\u201D\u2019']\s+)(?:(?:${BLOCK_LABELS})\s+)?(SUMMARY|COMMENTS?|NOTES?)(?=\s*(?:[:.]|--))`, 'gi');

/**
 * The last opener of `kind` between `from` and the closer at `to`, and after `after` (the end of
 * the kind's previous marker): only closers that found no opener look, so only their paragraphs are read.
 */
function findLateOpener(lines: readonly string[], kind: BlockMarker['kind'], from: Range['start'], to: Range['start'], after: Range['end'] | undefined): BlockMarker | undefined {
  let found: BlockMarker | undefined;
  const first = after && after.line > from.line ? after.line : from.line;
  for (let n = first; n <= to.line; n++) {
    const text = lines[n];
    const low = after && after.line === n ? after.character : 0;
    const high = n === to.line ? to.character : text.length;
    LATE_OPENER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LATE_OPENER.exec(text)) !== null) {
      const end = m.index + m[0].length;
      const start = end - m[1].length;
      if (end > high) break;
      if (start >= low && kindOf(m[1]) === kind) found = { kind, role: 'open', token: token(n, text, start, end) };
    }
  }
  return found;
}
