/**
 * The body: numbered paragraphs with portion markings, headings,
 * Summary/Comment/Note blocks, continuation-page lines, redactions and the
 * signature (FORMAT.md §6, CORPUS-FINDINGS.md §8–13).
 */
import type {
  Banner,
  Block,
  BlockMarker,
  Heading,
  LineKind,
  MarkerStyle,
  OldPageHeader,
  PageLine,
  Paragraph,
  ParseProblem,
  PortionMarking,
  Range,
  Signature,
  Token,
} from '../model';
import { range, spanRange, token } from '../text';
import { parsePortionMarking } from './marking';
import { findOldPageHeader, findPageLines } from './pages';

/** What {@link parseBody} reads from. */
export interface BodyInput {
  readonly lines: readonly string[];
  /** Pre-filled for lines before `startLine` and for repeated banners; body fills the rest. */
  readonly lineKinds: LineKind[];
  readonly startLine: number;
  readonly banner?: Banner;
  readonly problems: ParseProblem[];
}

/** What the body holds. */
export interface BodyResult {
  paragraphs: Paragraph[];
  headings: Heading[];
  blockMarkers: BlockMarker[];
  blocks: Block[];
  pageLines: PageLine[];
  oldPageHeaders: OldPageHeader[];
  redactions: Token[];
  signature?: Signature;
}

// "¶1.", "¶ 13.", "¶12..", "1.(C)", "1. (S/NF)", "3.. (SBU)", indented markers.
const MARKER = /^(\s*)(?:(¶)(\s?)(\d{1,3})\s?(\.{1,2})|(\d{1,3})(\.{1,2}))(?=\s|\(|$)/;
const RULE_LINE = /^\s*(?:-{3,}|(?:- ){2,}-?|={3,}|_{3,}|\*{3,})\s*$/;
const SLASH_HEADING = /^\s*\/\/\s*([^/].*?)\s*\/\/\s*$/;
const DASHED_INLINE = /^\s*([A-Za-z][^-]{1,80}?)\s+-{4,}\s*$/;
const BODY_FIELD = /^\s*(?:E\.?O\.?\s*\d{5}|TAGS?\b|SUBJECT\s*:|SUBJ\s*:|REF\s*:|Classified\s+By\b)/i;

// Openers at the start of a paragraph's text or a line: "Summary:", "SUMMARY -", "Begin Summary", "Embassy Comment:".
const OPENER = /^(?:BEGIN\s+)?(?:(?:EMBASSY|POST|DEPARTMENT|USUN|USNATO|MISSION|BEGIN)\s+)?(SUMMARY|COMMENTS?|NOTES?)(?:\s+AND\s+(?:COMMENTS?|INTRODUCTION|ACTION\s+REQUEST|KEY\s+THEMES))?(?:\s*[:.]|\s+-+(?=\s|$)|\s*--)/i;
// "(Note: …" and "(Comment: …" inside a line.
const PAREN_OPENER = /\((NOTE|COMMENT)\s*:/gi;
const SUMMARY_WORDS = /summ|comm|note/i;
// "End Summary.", "END SUMMARY AND COMMENT", "End Comment", "End Note", "END NOTES".
const CLOSER = /\bEND\s+(SUMMARY|COMMENTS?|NOTES?)\b/gi;

/** Reads the body from `startLine`. Redactions and page lines are collected over the whole document. */
export function parseBody(input: BodyInput): BodyResult {
  const { lines, lineKinds: kinds, startLine } = input;
  const result: BodyResult = {
    paragraphs: [],
    headings: [],
    blockMarkers: [],
    blocks: [],
    pageLines: [],
    oldPageHeaders: [],
    redactions: [],
  };

  // Whole-document scans: redactions and continuation-page lines.
  for (let i = 0; i < lines.length; i++) {
    collectRedactions(i, lines[i], result.redactions);
    for (const page of findPageLines(i, lines[i])) {
      result.pageLines.push(page);
      if (!page.inline && i >= startLine && kinds[i] === 'text') kinds[i] = 'page';
    }
  }

  // Pass 1: classify lines.
  const markers: (MarkerInfo | undefined)[] = new Array(lines.length);
  let afterRepeatedBanner = false;
  for (let i = startLine; i < lines.length; i++) {
    const text = lines[i];
    if (kinds[i] === 'banner') {
      afterRepeatedBanner = true;
      continue;
    }
    if (kinds[i] !== 'text') continue;
    if (text.trim().length === 0) {
      kinds[i] = 'blank';
      continue;
    }
    // The E.O./TAGS/SUBJECT block repeated after a per-section banner.
    if (afterRepeatedBanner && BODY_FIELD.test(text)) {
      kinds[i] = /^\s*TAGS?/i.test(text) ? 'tags' : /^\s*SUBJ/i.test(text) ? 'subject' : /^\s*E/i.test(text) ? 'eo' : 'classified-by';
      continue;
    }
    const old = findOldPageHeader(i, text);
    if (old) {
      result.oldPageHeaders.push(old);
      kinds[i] = 'page';
      continue;
    }
    // A bare level on its own line is an old page break ("CONFIDENTIAL").
    if (/^\s*(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS)\s*$/.test(text)) {
      kinds[i] = 'page';
      continue;
    }
    if (/^\s*SIPDIS\s*$/i.test(text)) {
      kinds[i] = 'caveat';
      continue;
    }
    if (RULE_LINE.test(text)) {
      kinds[i] = 'rule';
      continue;
    }
    const marker = readMarker(i, text);
    if (marker) markers[i] = marker;
    if (!PAREN_HEAD.test(text)) afterRepeatedBanner = false;
  }

  // Pass 2: decide which markers number paragraphs.
  const styleCounts = { pilcrow: 0, 'pilcrow-space': 0, bare: 0 };
  for (let i = startLine; i < lines.length; i++) {
    const mk = markers[i];
    if (mk && mk.portionStart >= 0) styleCounts[mk.style]++;
  }
  const normalStyle: MarkerStyle =
    styleCounts.bare > styleCounts.pilcrow + styleCounts['pilcrow-space'] ? 'bare' : 'pilcrow';

  let expected = 1;
  let artifactRun = false;
  const paragraphLines: number[] = [];
  for (let i = startLine; i < lines.length; i++) {
    const mk = markers[i];
    if (!mk) continue;
    const prev = previousNonBlank(lines, kinds, i, startLine);
    const prevText = prev >= 0 ? lines[prev] : '';
    const prevBlank = prev < i - 1 || prev < 0;
    const prevEndsSentence = prev < 0 || /[.!?:;"'”’)\]]\s*$/.test(prevText) || (kinds[prev] !== 'text' && kinds[prev] !== 'paragraph');
    // "… in Lyon on November ⏎ ¶16. His aim …": a wrapped date, not a paragraph.
    if (mk.portionStart < 0 && !prevBlank && !prevEndsSentence) continue;
    // A bare "5." needs a marking or a fresh line to be a paragraph number.
    if (mk.style === 'bare' && mk.portionStart < 0 && !prevBlank) continue;
    let readAs = mk.number;
    // "¶ 13." right after "¶2." is a typo for 3, not a new series; so are "14.", "15." after it.
    if (expected <= 9 && mk.number === expected + 10 && mk.style !== normalStyle) {
      readAs = expected;
      artifactRun = true;
    } else if (artifactRun && mk.number === expected + 10 && expected <= 9) {
      readAs = expected;
    } else {
      artifactRun = false;
    }
    expected = readAs + 1;
    mk.readAs = readAs;
    kinds[i] = 'paragraph';
    paragraphLines.push(i);
  }

  // Pass 3: headings (need paragraph starts to know what follows).
  for (let i = startLine; i < lines.length; i++) {
    if (kinds[i] !== 'text' && kinds[i] !== 'rule') continue;
    const heading = readHeading(lines, kinds, i, startLine);
    if (heading) {
      result.headings.push(heading.heading);
      for (let k = heading.first; k <= heading.last; k++) {
        if (kinds[k] === 'text' || kinds[k] === 'rule') kinds[k] = k === heading.textLine ? 'heading' : 'rule';
      }
      i = heading.last;
    }
  }

  // Signature: the last non-empty line, or a name glued to it.
  const lastLine = lastNonBlank(lines, startLine);
  if (lastLine >= startLine) {
    const sig = readSignature(lastLine, lines[lastLine], kinds[lastLine]);
    if (sig) {
      result.signature = sig;
      if (!sig.glued) kinds[lastLine] = 'signature';
    }
  }

  // Paragraph ranges and the headings they sit under.
  let headingIndex = -1;
  let nextHeading = 0;
  for (let p = 0; p < paragraphLines.length; p++) {
    const i = paragraphLines[p];
    while (nextHeading < result.headings.length && result.headings[nextHeading].text.range.start.line < i) {
      headingIndex = nextHeading;
      nextHeading++;
    }
    const mk = markers[i]!;
    const limit = p + 1 < paragraphLines.length ? paragraphLines[p + 1] : lines.length;
    let last = i;
    for (let k = i + 1; k < limit; k++) {
      const kind = kinds[k];
      if (kind === 'heading' || kind === 'signature' || kind === 'banner' || kind === 'rule') break;
      if (kind === 'text') last = k;
    }
    const text = lines[i];
    const portion = mk.portion;
    const after = portion ? portion.token.range.end.character : mk.marker.range.end.character;
    result.paragraphs.push({
      range: spanRange(i, mk.marker.range.start.character, last, trimmedEnd(lines[last])),
      marker: mk.marker,
      numberToken: mk.numberToken,
      number: mk.number,
      readAs: mk.readAs ?? mk.number,
      style: mk.style,
      portion,
      firstWords: firstWords(text.slice(after)),
      heading: headingIndex >= 0 ? headingIndex : undefined,
    });
    if (portion && mk.portionStart >= 0 && !portion.wellFormed) {
      input.problems.push({
        rule: 'portion-marking-malformed',
        message: `Portion marking '${portion.token.text}' is not a known form such as (S), (C//NF) or (S/REL NATO).`,
        range: portion.token.range,
      });
    }
  }

  // Block markers over the body.
  collectBlockMarkers(lines, kinds, startLine, markers, result.blockMarkers);
  result.blocks = pairBlocks(result.blockMarkers, result.paragraphs, lines);
  return result;
}

/** A paragraph marker read from the start of a line. */
interface MarkerInfo {
  marker: Token;
  numberToken: Paragraph['numberToken'];
  number: number;
  style: MarkerStyle;
  portion?: PortionMarking;
  /** Offset of the marking's "(", or -1 when there is none. */
  portionStart: number;
  readAs?: number;
}

const PAREN_HEAD = /^\s*\(/;

function readMarker(line: number, text: string): MarkerInfo | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const start = m[1].length;
  const end = m[0].length;
  const digits = m[4] ?? m[6];
  const digitsStart = text.indexOf(digits, start);
  const style: MarkerStyle = m[2] ? (m[3] ? 'pilcrow-space' : 'pilcrow') : 'bare';
  let pos = end;
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  const portion = text[pos] === '(' ? parsePortionMarking(line, text, pos) : undefined;
  return {
    marker: token(line, text, start, end),
    numberToken: { text: digits, range: range(line, digitsStart, digitsStart + digits.length), value: parseInt(digits, 10) },
    number: parseInt(digits, 10),
    style,
    portion,
    portionStart: portion ? pos : -1,
  };
}

function previousNonBlank(lines: readonly string[], kinds: readonly LineKind[], i: number, floor: number): number {
  for (let k = i - 1; k >= floor; k--) {
    if (kinds[k] === 'page' || kinds[k] === 'caveat') continue;
    if (lines[k].trim().length > 0) return k;
  }
  return -1;
}

function lastNonBlank(lines: readonly string[], floor: number): number {
  for (let k = lines.length - 1; k >= floor; k--) if (lines[k].trim().length > 0) return k;
  return -1;
}

function trimmedEnd(text: string): number {
  return text.trimEnd().length;
}

function firstWords(text: string): string {
  const words = text.slice(0, 240).trim().split(/\s+/).slice(0, 8).join(' ');
  return words.length > 80 ? `${words.slice(0, 79)}…` : words;
}

/** X-runs: "XXXXXXXXXXXX" (four or more), "xxxxx" (five or more, standing alone). */
function collectRedactions(line: number, text: string, out: Token[]): void {
  if (text.indexOf('XXXX') < 0 && text.indexOf('xxxxx') < 0) return;
  const re = /X{4,}|(?<![A-Za-z])x{5,}(?![A-Za-z])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(token(line, text, m.index, m.index + m[0].length));
}

/** A heading and the lines it spans. */
interface HeadingSpan {
  heading: Heading;
  first: number;
  last: number;
  textLine: number;
}

function isBlankOrEdge(lines: readonly string[], kinds: readonly LineKind[], k: number, floor: number): boolean {
  return k < floor || k >= lines.length || lines[k].trim().length === 0 || kinds[k] === 'blank';
}

/** Reads a heading whose text or upper rule is on line `i`. */
function readHeading(lines: readonly string[], kinds: readonly LineKind[], i: number, floor: number): HeadingSpan | undefined {
  const text = lines[i];
  const isRule = kinds[i] === 'rule';
  if (isRule) {
    // Boxed: "-----" / IRAN / "-----".
    const t = i + 1;
    if (t + 1 < lines.length && kinds[t] === 'text' && kinds[t + 1] === 'rule' && isHeadingText(lines[t])) {
      return span(lines, t, 'boxed', [lineRangeOf(lines, i), lineRangeOf(lines, t + 1)], i, t + 1);
    }
    return undefined;
  }
  // Headings are short: a long line of prose is never one (and is the common case).
  if (text.length > 120) return undefined;
  const slash = text.includes('//') ? SLASH_HEADING.exec(text) : null;
  if (slash) {
    const s = text.indexOf(slash[1]);
    return { heading: { range: lineRangeOf(lines, i), text: token(i, text, s, s + slash[1].length), style: 'slashes', rules: [] }, first: i, last: i, textLine: i };
  }
  const dashed = text.includes('----') ? DASHED_INLINE.exec(text) : null;
  if (dashed && isHeadingText(dashed[1])) {
    const s = text.indexOf(dashed[1]);
    return { heading: { range: lineRangeOf(lines, i), text: token(i, text, s, s + dashed[1].length), style: 'dashed-inline', rules: [] }, first: i, last: i, textLine: i };
  }
  // Cheap structure first: a rule line under it, or a blank line before and a blank line or paragraph after.
  const underlined = i + 1 < lines.length && kinds[i + 1] === 'rule';
  const next = i + 1;
  const alone = isBlankOrEdge(lines, kinds, i - 1, floor) && next < lines.length && (lines[next].trim().length === 0 || kinds[next] === 'paragraph');
  if (!underlined && !alone) return undefined;
  if (!isHeadingText(text)) return undefined;
  // Underlined: the heading, then a rule line.
  if (underlined) return span(lines, i, 'underlined', [lineRangeOf(lines, i + 1)], i, i + 1);
  // A short line alone is a heading only when a paragraph or a long line of text follows; never the last line.
  let followed = false;
  for (let k = next; k < lines.length && k < next + 4; k++) {
    if (kinds[k] === 'paragraph' || (kinds[k] === 'text' && lines[k].trim().length > 0)) {
      followed = kinds[k] === 'paragraph' || lines[k].trim().length > 60;
      break;
    }
  }
  if (!followed) return undefined;
  const trimmedText = text.trim();
  // Headings do not end like sentences; mixed-case ones start with a capital.
  const upper = trimmedText === trimmedText.toUpperCase();
  if (!upper && !/^[A-Z0-9"“'(]/.test(trimmedText)) return undefined;
  return span(lines, i, 'plain', [], i, i);
}

function isHeadingText(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 80) return false;
  if (!/[A-Za-z]{2}/.test(t)) return false;
  if (/[.,;]$/.test(t) && !/\.\.\.$/.test(t)) return false;
  if (MARKER.test(text) || /^[(¶]/.test(t)) return false;
  if (t.split(/\s+/).length > 12) return false;
  // Footers and links are not headings.
  if (/https?:|www\.|@/.test(t)) return false;
  return true;
}

function span(lines: readonly string[], textLine: number, style: Heading['style'], rules: Range[], first: number, last: number): HeadingSpan {
  const text = lines[textLine];
  const s = text.length - text.trimStart().length;
  return {
    heading: {
      range: spanRange(first, 0, last, lines[last].length),
      text: token(textLine, text, s, text.trimEnd().length),
      style,
      rules,
    },
    first,
    last,
    textLine,
  };
}

function lineRangeOf(lines: readonly string[], line: number): Range {
  return range(line, 0, lines[line].length);
}

// Surnames: "PEKALA", "Beyrle", "TIMKEN JR", "LA LIME", "KUBISKE KUBISKE", "MANZANARES .", "jones".
const SIGNATURE_LINE = /^\s*(?:([A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2})|([a-z]{3,20}))\s*\.?\s*$/;
const SIGNATURE_GLUED = /[.!?)"”]\s+([A-Z][A-Z'’-]{2,}(?:\s+(?:JR|SR|III|[A-Z][A-Z'’-]{2,}))?|[A-Z][a-z'’-]{2,})\s*\.?\s*$/;
const NOT_NAMES = /^(?:END|BT|NNNN|SIPDIS|NOFORN|SUMMARY|COMMENT|NOTE|TEXT|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|MORE|THANKS|ENDS)$/i;

function readSignature(line: number, text: string, kind: LineKind): Signature | undefined {
  if (kind === 'heading' || kind === 'rule' || kind === 'page' || kind === 'banner') return undefined;
  if (/https?:|www\.|\.\.\.\s*$|…\s*$|>\s*$/.test(text)) return undefined;
  const alone = text.length <= 80 ? SIGNATURE_LINE.exec(text) : null;
  if (alone && kind !== 'paragraph') {
    const name = (alone[1] ?? alone[2]).trim();
    if (name.split(/\s+/).every((w) => !NOT_NAMES.test(w))) {
      const s = text.indexOf(name);
      return { token: token(line, text, s, s + name.length), glued: false };
    }
  }
  // Only the end of the line can hold a glued name; a 16,000-character line is not scanned whole.
  const tailStart = Math.max(0, text.length - 80);
  const tail = text.slice(tailStart);
  const glued = SIGNATURE_GLUED.exec(tail);
  if (glued && !NOT_NAMES.test(glued[1]) && !/\bEND\s+\w+\s*$/i.test(text.slice(0, text.trimEnd().length - glued[1].length).trimEnd() + ' ' + glued[1])) {
    const s = tailStart + glued.index + glued[0].indexOf(glued[1]);
    return { token: token(line, text, s, s + glued[1].length), glued: true };
  }
  return undefined;
}

function collectBlockMarkers(
  lines: readonly string[],
  kinds: readonly LineKind[],
  startLine: number,
  markers: readonly (MarkerInfo | undefined)[],
  out: BlockMarker[],
): void {
  for (let i = startLine; i < lines.length; i++) {
    const kind = kinds[i];
    if (kind !== 'paragraph' && kind !== 'text' && kind !== 'heading' && kind !== 'signature') continue;
    const text = lines[i];
    if (!SUMMARY_WORDS.test(text)) continue;
    // Openers at the start of a paragraph's text (after the marker and marking) or of a line.
    let textStart = text.length - text.trimStart().length;
    const mk = kind === 'paragraph' ? markers[i] : undefined;
    if (mk) textStart = (mk.portion ? mk.portion.token.range.end.character : mk.marker.range.end.character);
    while (textStart < text.length && /\s/.test(text[textStart])) textStart++;
    // "//COMMENT//" headings open a comment too.
    const headingText = kind === 'heading' ? text.replace(/[/\-\s]+$/, '').replace(/^[/\-\s]+/, '') : undefined;
    const opener = headingText !== undefined && /^(?:EMBASSY\s+)?(SUMMARY|COMMENTS?|NOTES?)$/i.test(headingText)
      ? /(SUMMARY|COMMENTS?|NOTES?)/i.exec(text)
      : OPENER.exec(text.slice(textStart));
    const found: BlockMarker[] = [];
    if (opener) {
      const word = opener[1];
      const s = (headingText !== undefined ? opener.index : textStart + opener[0].toUpperCase().indexOf(word.toUpperCase()));
      found.push({ kind: kindOf(word), role: 'open', token: token(i, text, s, s + word.length) });
    }
    PAREN_OPENER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PAREN_OPENER.exec(text)) !== null) {
      found.push({ kind: kindOf(m[1]), role: 'open', token: token(i, text, m.index + 1, m.index + 1 + m[1].length) });
    }
    CLOSER.lastIndex = 0;
    while ((m = CLOSER.exec(text)) !== null) {
      found.push({ kind: kindOf(m[1]), role: 'close', token: token(i, text, m.index, m.index + m[0].length) });
    }
    found.sort((a, b) => a.token.range.start.character - b.token.range.start.character);
    out.push(...found);
  }
}

function kindOf(word: string): BlockMarker['kind'] {
  const w = word.toUpperCase();
  return w.startsWith('SUMMARY') ? 'summary' : w.startsWith('COMMENT') ? 'comment' : 'note';
}

/** Pairs openers with the next closer of the same kind; unpaired ones still make a block. */
function pairBlocks(markers: readonly BlockMarker[], paragraphs: readonly Paragraph[], lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  const open: Partial<Record<BlockMarker['kind'], BlockMarker>> = {};
  const paragraphEnd = (line: number): Range['end'] => {
    const p = paragraphs.find((q) => q.range.start.line <= line && q.range.end.line >= line);
    return p ? p.range.end : { line, character: lines[line].trimEnd().length };
  };
  const paragraphStart = (line: number): Range['start'] => {
    const p = paragraphs.find((q) => q.range.start.line <= line && q.range.end.line >= line);
    return p ? p.range.start : { line, character: 0 };
  };
  for (const marker of markers) {
    if (marker.role === 'open') {
      const previous = open[marker.kind];
      if (previous) blocks.push({ kind: marker.kind, open: previous, range: { start: previous.token.range.start, end: paragraphEnd(previous.token.range.start.line) } });
      open[marker.kind] = marker;
      continue;
    }
    const opener = open[marker.kind];
    if (opener) {
      blocks.push({ kind: marker.kind, open: opener, close: marker, range: { start: opener.token.range.start, end: marker.token.range.end } });
      open[marker.kind] = undefined;
    } else {
      blocks.push({ kind: marker.kind, close: marker, range: { start: paragraphStart(marker.token.range.start.line), end: marker.token.range.end } });
    }
  }
  for (const kind of ['summary', 'comment', 'note'] as const) {
    const opener = open[kind];
    if (opener) blocks.push({ kind, open: opener, range: { start: opener.token.range.start, end: paragraphEnd(opener.token.range.start.line) } });
  }
  blocks.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return blocks;
}
