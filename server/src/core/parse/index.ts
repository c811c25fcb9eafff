/**
 * `parseCable`: reads a cable's text into the typed {@link Cable} model.
 *
 * The parser never throws, runs in time linear in the input, keeps every
 * line it cannot place as body text, and records what it could not read as
 * {@link ParseProblem}s. A cable with no header, or a broken one, still
 * yields everything else.
 */
import { canonicalId, isRedactedPost } from '../id';
import type { Banner, CalendarDate, Cable, Caveat, LineKind, ParseProblem, Section } from '../model';
import { inCapitals, lineStarts, range, spanRange, splitLines, splitShapes } from '../text';
import { LONE_LEVEL, mayOpenBanner, parseBanner } from './banner';
import { parseBody } from './body';
import { headerDatesCable, parseHead, startsHeader } from './header';
import { readMargin } from './margin';
import { scanHints } from './hints';
import { AFTER_BANNER, mayOpenField, parseCaveatLine, parseMetadata, startsParagraph, type MetadataResult } from './metadata';

/** The result of {@link parseCable}: the model and the problems met (the same array as `cable.problems`). */
export interface ParseResult {
  readonly cable: Cable;
  readonly problems: readonly ParseProblem[];
}


/** How far down the banner is looked for: the longest transmission headers run to a few hundred addressees. */
export const BANNER_SEARCH = 600;

/**
 * The `rule` of the one problem a parser bug leaves: no rule reports it; `lintCable`
 * hands it on as a failure, which the server logs and `cablelint` reports as an error.
 */
export const INTERNAL_ERROR = 'internal-error';

/** What a parse knows besides the text: nothing by default. */
export interface ParseOptions {
  /**
   * The TAG codes of the user dictionaries in force (in capitals, as `loadUserDictionary` gives them): a line under TAGS
   * that lists them ("KLOC ZZQQ" under "TAGS: PREL PGOV") continues the field as one of built-in TAGS does. They decide
   * nothing else; without them (or with none) the parse is the same as without options.
   */
  readonly userTags?: ReadonlySet<string>;
}

/** Parses a cable. Never throws. */
export function parseCable(text: string, options?: ParseOptions): ParseResult {
  try {
    const cable = parseUnchecked(text, options?.userTags);
    return { cable, problems: cable.problems };
  } catch (error) {
    // A parser bug must not take the editor down: return the text as plain body lines.
    const lines = splitLines(text);
    const problems: ParseProblem[] = [
      { rule: INTERNAL_ERROR, message: `The cable parser failed: ${String(error)}`, range: range(0, 0, lines[0]?.length ?? 0) },
    ];
    const cable = emptyCable(text, lines, problems, /\r\n|\r|\n/.exec(text)?.[0] ?? '\n');
    return { cable, problems };
  }
}

/**
 * The first banner of `text`, as {@link parseCable} reads it (`Cable.banner`): it is looked for in the first
 * {@link BANNER_SEARCH} lines alone, so only they are parsed, whatever the text's length. A fix checks with it that the
 * text it leaves keeps its banner (CBL011, CBL026: a level alone on its line is the banner only at the banner's place).
 */
export function readFirstBanner(text: string): Banner | undefined {
  const starts = lineStarts(text, BANNER_SEARCH);
  return parseCable(starts.length > BANNER_SEARCH ? text.slice(0, starts[BANNER_SEARCH]) : text).cable.banner;
}

/**
 * True when a parsed text reads as a cable rather than as some other document: it has a
 * transmission header of at least two known lines (a `VZCZC…` line alone may be a line of
 * notes about headers) or a publisher's note ("This record is a partial extract…"), or at
 * least two of banner (not a level in one word alone on its line, nor a banner being typed, its serial not whole: `SECRET SANTA`, `SECRET SANTA 24`), E.O., TAGS and SUBJECT. `cablelint` takes a `.txt` file found in a
 * directory under any other name than a cable id's only when this holds, so that a
 * collection named by hashes is read whole and its README.txt is left alone.
 */
export function readsAsCable(cable: Cable): boolean {
  if (cable.preamble.some((p) => p.kind === 'publisher-note')) return true;
  const h = cable.header;
  if (h && Number(!!h.transmissionId) + Number(!!h.routing) + Number(!!h.de) + Number(!!h.security) + Number(!!h.dtg) + Number(!!h.from) >= 2) return true;
  // A level in one word alone on its line ("SECRET") is the banner only where it stands, and a note may open so too: it
  // counts for nothing here, so that "SECRET" over "Subject: lunch" is no cable, and one typed so reads as one by its fields.
  // So does a banner being typed, its serial not whole ("SECRET SANTA" or "SECRET SANTA 24" over "Subject: lunch").
  const b = cable.banner;
  const banner = b !== undefined && !LONE_LEVEL.test(cable.lines[b.line]) && !b.typing;
  return Number(banner) + Number(!!cable.eo) + Number(!!cable.tags) + Number(!!cable.subject) >= 2;
}

function parseUnchecked(written: string, userTags: ReadonlySet<string> | undefined): Cable {
  // "| S E C R E T …", "01 VZCZC…": a scan's margin opening every line, read as blank (tried only where the text's first
  // character that is no white space is "|" or a digit).
  const margin = readMargin(written);
  const text = margin === undefined ? written : margin.text;
  const { lines, shapes } = splitShapes(text);
  const { indents, firsts } = shapes;
  const kinds = textKinds(lines.length);
  const problems: ParseProblem[] = [];

  // The first banner: before any metadata field or numbered paragraph.
  let banner: Banner | undefined;
  let zoneEnd = Math.min(lines.length, BANNER_SEARCH);
  // The first level alone on its line ("SECRET"), and whether a metadata field or a paragraph ends the search.
  let alone = -1;
  let ended = false;
  // The last line the choice of the banner reads: where the search stops, or the last line searched.
  let decidedBy = Math.min(lines.length, BANNER_SEARCH) - 1;
  for (let i = 0; i < Math.min(lines.length, BANNER_SEARCH); i++) {
    const lead = indents[i];
    if (lead < 0) continue;
    const line = lines[i];
    // Metadata fields open with "E." or "EO", "TA", "SU", "RE" or "CL" in either case; paragraph markers with "¶" or a digit.
    const c = firsts[i];
    if ((mayOpenField(c, shapes.seconds[i]) && AFTER_BANNER.test(line)) || startsParagraph(line, c)) {
      zoneEnd = i;
      decidedBy = i;
      ended = true;
      break;
    }
    if (!mayOpenBanner(line, lead) || startsHeader(line, lead)) continue;
    const found = parseBanner(i, line, { strict: false, repeated: false, problems });
    // "SECRET NOFORN": a level with caveats after it, no post being typed.
    if (found && found.post && !found.serial && parseCaveatLine(i, line, found.post.range.start.character)) continue;
    if (found) {
      banner = found;
      zoneEnd = i;
      decidedBy = i;
      break;
    }
    if (shapes.ends[i] - lead <= 12 && LONE_LEVEL.test(line)) alone = i;
  }
  // "SECRET" alone is the banner where no other line before the metadata reads as one (a cable typed by hand, or
  // "SECRE T" set right); of two, the lower, nearest the metadata, as the one above would echo it; above a banner it echoes the level (export metadata: "CONFIDENTIAL" over
  // "C O N F I D E N T I A L KHARTOUM 000881"), and later in the text it is a page-break line.
  if (!banner && alone >= 0 && ended) {
    banner = parseBanner(alone, lines[alone], { strict: false, repeated: false, alone: true, problems });
    if (banner) zoneEnd = alone;
  }
  // Without a banner the zone before the metadata ends at the first caveat line ("SIPDIS" first).
  if (!banner) {
    for (let i = 0; i < zoneEnd; i++) {
      if (parseCaveatLine(i, lines[i]) && !startsHeader(lines[i])) {
        zoneEnd = i;
        break;
      }
    }
  }
  const head = parseHead(lines, indents, 0, zoneEnd, kinds, problems);

  const banners: Banner[] = [];
  const caveats: Caveat[] = [];
  if (banner) {
    banners.push(banner);
    kinds[banner.line] = 'banner';
    // "S E C R E T BOGOTA 000243 SIPDIS NOFORN": caveats glued onto the banner line.
    // "SECRET//NOFORN PARIS 000708": caveats joined to the level.
    for (const t of [banner.joined, banner.trailing]) {
      const glued = t && parseCaveatLine(banner.line, lines[banner.line], t.range.start.character, t.range.end.character);
      if (glued) caveats.push(...glued);
    }
  }

  const dtg = head.header?.dtg?.dtg;
  const dateLine = head.preamble.find((p) => p.kind === 'date-line' && p.date)?.date;
  // A header of another cable (its DE serial not the banner's) does not date this text where a date line does (07PARIS2725).
  const date: CalendarDate | undefined = dtg?.valid && headerDatesCable({ header: head.header, banner, preamble: head.preamble }) ? { year: dtg.year, month: dtg.month, day: dtg.day } : dateLine;

  const metaStart = banner ? banner.line + 1 : zoneEnd;
  // A banner in capitals promises closers that open with a capital ("End Summary", "END NOTE").
  const capitals = banner !== undefined && banner.form !== 'mixed-case' && inCapitals(banner.levelText.text);
  const hints = scanHints(text, lines, shapes.offsets, !capitals);
  // Banners repeated for concatenated sections or duplicated blocks are read where the metadata and the body meet them.
  // A citation without a year is dated by the cable: its date, and its banner's post and serial ("NOWHERE 2950" in NOWHERE 000040).
  const citing = date ? { year: date.year, month: date.month, day: date.day, post: banner?.post?.text, serial: banner?.serial?.value } : undefined;
  const meta = parseMetadata(lines, shapes, hints, metaStart, kinds, citing, banner !== undefined, userTags);
  caveats.push(...meta.caveats);

  const body = parseBody({ lines, shapes, hints, lineKinds: kinds, startLine: meta.bodyStart, banner, problems, gluedBlockTitle: meta.gluedBlockTitle });
  if (banner) banners.push(...meta.repeatedBanners, ...body.repeatedBanners);

  const sections = buildSections(body.paragraphs, body.headings, lines, kinds, body.signature?.token.range.start.line);
  const serial = banner?.serial?.value ?? head.header?.de?.serial?.value;
  const post = banner?.post?.text;
  const id = date && post && serial !== undefined && !isRedactedPost(post) ? canonicalId(date.year, post, serial) : undefined;

  const cable: Cable = {
    // The document's text and lines, its margin too: the parse read them with the margin blanked, at the same offsets.
    text: written,
    lines: margin === undefined ? lines : splitLines(written),
    eol: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n',
    lineKinds: kinds,
    preamble: head.preamble,
    header: head.header,
    correctedCopy: meta.correctedCopy,
    banner,
    banners,
    caveats,
    passingLines: meta.passingLines,
    eo: meta.eo,
    tags: meta.tags,
    subject: meta.subject,
    refs: meta.refs,
    classifiedBy: meta.classifiedBy,
    strayFieldLines: meta.strayLines,
    repeatedFields: meta.repeatedFields,
    metadataRange: banner ? spanRange(banner.line, 0, Math.max(banner.line, meta.lastLine), metadataEnd(lines, Math.max(banner.line, meta.lastLine), meta)) : undefined,
    bodyStartLine: meta.bodyStart,
    paragraphs: body.paragraphs,
    itemMarkings: body.itemMarkings,
    headings: body.headings,
    tables: body.tables,
    sections,
    blockMarkers: body.blockMarkers,
    blocks: body.blocks,
    pageLines: body.pageLines,
    // "INFO PAGE 02 STATE 037566 161435Z": a printout's page header inside the transmission header comes first.
    oldPageHeaders: head.oldPageHeaders.length > 0 ? [...head.oldPageHeaders, ...body.oldPageHeaders] : body.oldPageHeaders,
    redactions: body.redactions,
    signature: body.signature,
    trailer: body.trailer,
    id,
    date,
    problems,
    ...(margin === undefined ? {} : { margin: margin.margin }),
  };
  // A margin's cable reads as one only while every line keeps the margin: an edit of any line may change its banner.
  bannerDecisions.set(cable, margin === undefined ? decidedBy : Infinity);
  return cable;
}

/** Where the metadata ends on its last line: at the line's end, or before a block's title glued to the Classified By there. */
function metadataEnd(lines: readonly string[], line: number, meta: MetadataResult): number {
  const title = meta.gluedBlockTitle;
  return title && title.line === line && meta.classifiedBy ? meta.classifiedBy.range.end.character : lines[line].length;
}

/**
 * `n` line kinds, each 'text', in a new packed array: a copy of the first `n` of {@link allText}, which grows to the longest
 * text met up to {@link KINDS_KEPT} lines. `new Array(n).fill('text')` called into the runtime for every cable and made a
 * holey array. A longer text's kinds are that copy doubled up to its length, and nothing of them is kept: a 10 MB
 * document's 130,000 lines would keep a megabyte alive after its parse.
 */
function textKinds(n: number): LineKind[] {
  const kept = Math.min(n, KINDS_KEPT);
  if (allText.length < kept) {
    const more = Math.min(Math.max(kept, 2 * allText.length, 1024), KINDS_KEPT);
    while (allText.length < more) allText.push('text');
  }
  let kinds = allText.slice(0, kept);
  while (kinds.length < n) kinds = kinds.concat(kinds.slice(0, n - kinds.length));
  return kinds;
}
const allText: LineKind[] = [];
/** The most line kinds {@link allText} keeps: more than the longest cable of the corpus (672 lines) has. */
const KINDS_KEPT = 4096;

/** The last line the choice of each parsed cable's banner read ({@link bannerDecidedBy}). */
const bannerDecisions = new WeakMap<Cable, number>();

/**
 * The last line of `cable` that the choice of its banner reads: the banner's line, or the first metadata field or
 * paragraph that ends the search for one, or the last line searched. The choice is made line by line from the top and
 * stops there, so no edit below that line can change which line is the banner or its level (a fix need not read the
 * text again to know it keeps the banner). Infinity for a cable read otherwise (an empty or binary text).
 */
export function bannerDecidedBy(cable: Cable): number {
  return bannerDecisions.get(cable) ?? Infinity;
}

/**
 * Groups paragraphs under the headings they follow. Paragraphs come in line order and a
 * paragraph's heading is the last one before it, so each heading's paragraphs follow each other.
 * A heading with no numbered paragraph under it covers the text under it, up to the next heading or the signature.
 */
function buildSections(paragraphs: Cable['paragraphs'], headings: Cable['headings'], lines: readonly string[], kinds: readonly LineKind[], signatureLine: number | undefined): Section[] {
  const sections: Section[] = [];
  let p = 0;
  while (p < paragraphs.length && paragraphs[p].heading === undefined) p++;
  if (p > 0) sections.push({ heading: undefined, range: { start: paragraphs[0].range.start, end: paragraphs[p - 1].range.end }, paragraphs: indices(0, p) });
  for (let index = 0; index < headings.length; index++) {
    const h = headings[index];
    const from = p;
    while (p < paragraphs.length && paragraphs[p].heading === index) p++;
    const members = indices(from, p);
    const nextStart = index + 1 < headings.length ? headings[index + 1].range.start.line : lines.length;
    let end = h.range.end;
    if (members.length > 0) end = paragraphs[members[members.length - 1]].range.end;
    else {
      // "-----" ⏎ "Quote of the Week" ⏎ "-----" ⏎ "“The countries …” -- the President" ⏎ "RAY": the section ends at the last line
      // of text under its heading, before the next heading or the signature; each line between two headings is looked at once.
      const limit = signatureLine !== undefined && signatureLine > h.range.end.line && signatureLine < nextStart ? signatureLine : nextStart;
      for (let k = limit - 1; k > h.range.end.line; k--) {
        if (kinds[k] === 'text') {
          end = { line: k, character: lines[k].length };
          break;
        }
      }
    }
    if (end.line >= nextStart) end = { line: Math.max(h.range.end.line, nextStart - 1), character: lines[Math.max(h.range.end.line, nextStart - 1)].length };
    sections.push({ heading: index, range: { start: h.range.start, end }, paragraphs: members });
  }
  return sections;
}

/**
 * The numbers from `from` to `to` (not included). A short list is made at its length: an array grown by `push` keeps
 * room for 17 numbers or more, which a large document's thousands of sections would carry through every collection.
 * A long one grows as it is filled (V8 makes `new Array(n)` of many thousands slow to fill).
 */
function indices(from: number, to: number): number[] {
  const out = to - from <= 16 ? new Array<number>(to - from) : [];
  for (let k = from; k < to; k++) out[k - from] = k;
  return out;
}

/** A cable with nothing recognised: every line is body text. */
function emptyCable(text: string, lines: string[], problems: ParseProblem[], eol: string): Cable {
  return {
    text,
    lines,
    eol,
    lineKinds: lines.map((l) => (l.trim().length === 0 ? 'blank' : 'text')),
    preamble: [],
    correctedCopy: [],
    banners: [],
    caveats: [],
    passingLines: [],
    strayFieldLines: [],
    repeatedFields: [],
    bodyStartLine: 0,
    paragraphs: [],
    itemMarkings: [],
    headings: [],
    tables: [],
    sections: [],
    blockMarkers: [],
    blocks: [],
    pageLines: [],
    oldPageHeaders: [],
    redactions: [],
    problems,
  };
}
