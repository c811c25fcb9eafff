/**
 * CBL027 block-unbalanced: A Summary opened without End Summary (warning); Comment and Note blocks without their closer, or closers without openers (info).
 */
import type { Block, BlockMarker, Cable, Paragraph, Position, Section } from '../model';
import { linesAsRead } from '../parse/margin';
import { BLOCK_LABELS, COMMENT_CONTINUED, isBefore, isSpace, matchingBracket, openingBracket, paragraphIndexAt, paragraphTextStart, partitionPoint, trimEndOffset } from '../text';
import type { Fix, Rule } from './types';

export const rule: Rule = {
  id: 'CBL027',
  name: 'block-unbalanced',
  description: "A Summary opened without End Summary (warning); Comment and Note blocks without their closer, or closers without openers (info).",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶1. (C) Summary: The Director asked …\n¶2. (C) …",
    good: "¶1. (C) Summary: The Director asked … End Summary.\n¶2. (C) …",
    rationale: "End Summary tells readers where the summary stops; unclosed Comment and Note blocks are common and only noted. A block opened by a heading ('COMMENT', '//SUMMARY//') needs no closer when the next heading ends its section, nor a Comment or Note under the last heading, which runs to the end of the text, nor a Summary heading there after the cable's own Summary, which closes the text as a Comment does. A Comment that opens the last numbered paragraph ('¶9. (C) Comment: …') with nothing but the signature after it runs to the end of the text too, and needs no closer, as does one the paragraphs after it continue to the last ('¶10. (U) Comment, continued: …', 'Comment cont'd:', 'COMMENT (CONT):'), or one followed only by a last paragraph of clearance ('¶10. (U) Under Secretary Roe cleared this cable.'); a Comment left open earlier is still noted. Under a banner in capitals a closer opens with 'End' or 'END'; in cables written in small letters, under a mixed-case banner or with no banner, any case closes. 'End Summary and Comment' closes both blocks. 'Comment:' or 'Note:' after a sentence's end inside a paragraph opens a block, closed or not ('… ran late. Comment: If'); left unclosed, it is an aside on its paragraph, which the paragraph's end closes, and is not reported (`… ran late. Comment: If …` ⏎ `¶4. (C) …`, also on a line of the paragraph's own, `-- Fares rose.` ⏎ `Note: The ferry …`), unless it stands after a bracket that never closes; a closer with no opener looks back through its paragraph for one inside a line ('… ahead. Comment:', '(Embassy comment:', '[NOTE:', '(Note.'). A label may come before the word ('Embassy Note and Comment:', which opens a Comment, closed by 'End Embassy Comment'), so may an item's marking ('(S/NF) Embassy comment: …'); a Note or Comment written after '(' or '[' ('(Note:', '(Embassy Note:', '[Note:') that no 'End Note' closes ends at the bracket that closes it, which closes it as plainly, and is not reported ('(Note: Septel follows.)', '(note: polls close at eight), while …'); one whose bracket never closes runs to its paragraph's end, where its closer goes. A block left open in a document still being typed, which runs to its end (no signature, trailer or footer yet, no heading or numbered paragraph after the opener, as `¶1. (C) Summary: The Director asked …` as the last line typed), is not reported until the writer goes on past it: a paragraph, heading or signature written after it shows where it ended unclosed.",
    source: "FORMAT.md §6; corpus analysis of the released cables: Summary closed in 971 of 1,016 (FORMAT.md §7 rule 24), a hint-level warning at most (CORPUS-FINDINGS, 'Warnings'); Comment 13.3%, Note 7.5%: info (CORPUS-FINDINGS, 'Info only'); Comment closed in only 279 of the 439 files that open one (FORMAT.md §6), the common unclosed case being a final '¶9. (C) Comment: …' paragraph that runs to the signature (CORPUS-FINDINGS §12). A block running to the end of a document with no signature or trailer: 6 of the 203 corpus cables have neither, and none ends inside an open block, so the corpus findings are the same. A bracket closing a Note or Comment: of the bracketed asides in the corpus, about three in four write 'End Note' or 'End Comment' before the bracket (106 of 138 counted) and the rest do not, closed all the same; reported before, they were 31 of the rule's 46 corpus findings (now 15). The corpus findings' 7.5% of Notes without 'End note' counts such asides too ('(Note: …' among its examples); the rule departs from that count there, the bracket being a closer a reader sees. A closing Comment followed only by a clearance paragraph: 14 of the 203 corpus cables end with a clearance ('¶9. (U) Undersecretary … cleared this cable.'), three after a closed Comment and one (09KABUL376) after one left open, no longer reported (14 corpus findings left). A Comment or Note inside a paragraph's text, left unclosed to the paragraph's end: 7 of those 14 (09RPODUBAI177, a round-up whose items each end with `… Comment: …`, five times; 08MADRID678's and 10STATE8675's `… Note: …` at a paragraph's end), no longer reported (7 corpus findings left).",
  },
  check(cable, report) {
    const blocks = cable.blocks;
    let layout: Layout | undefined;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.open && !block.close) {
        // "(Note: Septel follows.)", "[Comment: …]": the bracket closes the aside as 'End Note' would. The document's lines,
        // a scan's margin and all (`| `, `07 `), give the answer the lines as read give: the bracket is looked for right
        // before the opener or before a label's word ("(Embassy Note:"), and a margin holds no bracket, word or label.
        if (closedByBracket(cable.lines, block, block.open)) continue;
        layout ??= layoutOf(cable);
        if (closedByHeadings(layout, block) || (block.kind === 'comment' && opensLastParagraph(cable, block.open)) || (block.kind !== 'summary' && endsItsParagraph(cable, block.open)) || runsToEnd(cable, layout, block.open)) continue;
        const name = blockName(block.kind);
        const end = closerPlace(cable, layout, block, block.open);
        let fixes: Fix[] | undefined;
        if (end) {
          const line = cable.lines[end.line];
          // "… the Director asked." gets " End Summary."; after a space ("asked. ") none is added.
          const before = Math.min(end.character, line.length);
          const spacer = before > 0 && isSpace(line.charCodeAt(before - 1)) ? '' : ' ';
          fixes = [{ title: `Add 'End ${name}.'`, edits: [{ range: { start: end, end }, newText: `${spacer}End ${name}.` }], safe: false }];
        }
        report({
          message: `${name} opened without 'End ${name}'.`,
          range: block.open.token.range,
          severity: block.kind === 'summary' ? undefined : 'info',
          fixes,
          kind: 'unclosed',
        });
      } else if (block.close && !block.open) {
        const name = blockName(block.kind);
        report({ message: `'${block.close.token.text}' without an opening ${name}.`, range: block.close.token.range, severity: 'info' });
      }
    }
  },
};


/**
 * Where blocks stand among headings and paragraphs, worked out once per cable so that each
 * unclosed block costs a lookup, not a walk over every heading, block and paragraph (a 10 MB
 * document holds thousands of each).
 */
interface Layout {
  /** The heading on each line a heading covers, by index. */
  readonly headingOn: ReadonlyMap<number, number>;
  /** Where each heading starts, by index. */
  readonly headingStarts: readonly Position[];
  /** The section under each heading, by the heading's index. */
  readonly sectionOf: ReadonlyMap<number, Section>;
  /** Where each kind's openers start, in text order. */
  readonly openers: ReadonlyMap<Block['kind'], readonly Position[]>;
}

function layoutOf(cable: Cable): Layout {
  const headingOn = new Map<number, number>();
  cable.headings.forEach((h, k) => {
    for (let line = h.range.start.line; line <= h.range.end.line; line++) headingOn.set(line, k);
  });
  const sectionOf = new Map<number, Section>();
  for (const section of cable.sections) if (section.heading !== undefined) sectionOf.set(section.heading, section);
  const openers = new Map<Block['kind'], Position[]>();
  for (const block of cable.blocks) {
    const start = block.open?.token.range.start;
    if (!start) continue;
    const list = openers.get(block.kind);
    if (list) list.push(start);
    else openers.set(block.kind, [start]);
  }
  for (const list of openers.values()) list.sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
  return { headingOn, headingStarts: cable.headings.map((h) => h.range.start), sectionOf, openers };
}

/** Where the first opener of `kind` after `at` starts, or undefined. */
function nextOpener(layout: Layout, kind: Block['kind'], at: Position): Position | undefined {
  const list = layout.openers.get(kind);
  if (!list) return undefined;
  return list[partitionPoint(list, (p) => !isBefore(at, p))];
}

/**
 * True when a heading opens the block ("COMMENT", "//SUMMARY//") and the headings end it: the next
 * heading ends its section, and a Comment or Note under the last heading runs to the end of the text,
 * as closing comments do. A Summary heading with no heading after it ends nowhere, and is reported, unless
 * a Summary opened before it: the cable's summary came first, and this one closes the text, as a Comment does;
 * so is a block with another opener of its kind in its section ("¶5. (C) Comment: …" under "COMMENT"),
 * which ends it where no heading does.
 */
function closedByHeadings(layout: Layout, block: Block): boolean {
  const at = block.open!.token.range.start;
  const h = layout.headingOn.get(at.line);
  if (h === undefined) return false;
  const next = layout.headingStarts[h + 1];
  const opener = nextOpener(layout, block.kind, at);
  const opened = opener !== undefined && (!next || isBefore(opener, next));
  return !opened && (next !== undefined || block.kind !== 'summary' || isBefore(layout.openers.get('summary')![0], at));
}

// The words an opener may put before "Comment": "Embassy comment:", "BEGIN COMMENT:".
const LABEL_BEFORE = new RegExp(String.raw`^(?:(?:BEGIN|${BLOCK_LABELS})\s+){1,2}$`, 'i');


/**
 * True when the opener opens a numbered paragraph ("¶9. (C) Comment: …", right after the marker and its marking)
 * that is the cable's last, or that the paragraphs after it continue to the last ("¶10. (U) Comment, continued: …") or to a
 * last paragraph of clearance ("¶10. (U) Under Secretary Roe cleared this cable."), and nothing but blank, continuation-page, rule and web-site footer lines comes between the last paragraph and the signature (or the
 * trailer, or the end): the Comment runs to the end of the text, as closing comments do (CORPUS-FINDINGS §12).
 */
function opensLastParagraph(cable: Cable, open: BlockMarker): boolean {
  const paragraphs = cable.paragraphs;
  const at = open.token.range.start;
  // The last paragraph starting before the opener (a binary search: a long concatenation has thousands); on a line a
  // paragraph is glued into ("… set. 3. (C) Comment: …"), the one the opener stands in.
  const i = partitionPoint(paragraphs, (p) => !isBefore(at, p.range.start)) - 1;
  const opening = paragraphs[i];
  if (!opening || at.line !== opening.range.start.line) return false;
  const line = cable.lines[at.line];
  const start = paragraphTextStart(cable.lines, opening);
  if (at.character !== start && (at.character < start || !LABEL_BEFORE.test(line.slice(start, at.character)))) return false;
  for (let k = i + 1; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    if (COMMENT_CONTINUED.test(cable.lines[p.range.start.line].slice(paragraphTextStart(cable.lines, p)))) continue;
    // "¶9. (U) Under Secretary Roe cleared this cable.": the clearance, last, closes the cable as its signature does (09KABUL376).
    if (k === paragraphs.length - 1 && isClearance(cable, p)) continue;
    return false;
  }
  const kinds = cable.lineKinds;
  const stop = cable.signature && !cable.signature.glued ? cable.signature.token.range.start.line : kinds.length;
  for (let k = paragraphs[paragraphs.length - 1].range.end.line + 1; k < stop; k++) {
    const kind = kinds[k];
    if (kind !== 'blank' && kind !== 'page' && kind !== 'rule' && kind !== 'footer' && kind !== 'trailer') return false;
  }
  return true;
}

/**
 * True when a Comment or Note opens inside a numbered paragraph, after text of its own (`… after careful preparation. Comment:
 * Mousavi's plan …`, or `Comment: …` opening a line under the paragraph's first): an aside on that paragraph, which its end
 * closes as plainly as a bracket does, as 09RPODUBAI177 ends each item of its round-up and 10STATE8675 its eighth paragraph
 * (`… seriously.` ⏎ `¶9. (U) …`). One that opens its paragraph (`¶5. (C) Comment: …`) may go on in the paragraphs after it, and
 * is noted unless it opens the last ({@link opensLastParagraph}); so is one after a bracket that never closes ({@link closedByBracket}).
 */
function endsItsParagraph(cable: Cable, open: BlockMarker): boolean {
  const paragraphs = cable.paragraphs;
  const at = open.token.range.start;
  const i = paragraphIndexAt(paragraphs, at.line, at.character);
  if (i < 0) return false;
  const p = paragraphs[i];
  // "… by July (Note: the college sets them in" ⏎ "June." ⏎ "¶4.": a bracket that never closes leaves the aside's end unsaid.
  if (at.character > 0 && openingBracket(cable.lines[at.line], at.character) >= 0) return false;
  if (at.line !== p.range.start.line) return true;
  const start = paragraphTextStart(cable.lines, p);
  return at.character > start && !LABEL_BEFORE.test(cable.lines[at.line].slice(start, at.character));
}

/**
 * True when a paragraph of at most three lines says who cleared the cable: "¶9. (U) Under Secretary Roe cleared this cable.",
 * "¶12. (U) A/S Cohen has cleared this message." (14 of the 203 corpus cables end with one, three after a closing Comment).
 */
function isClearance(cable: Cable, p: Paragraph): boolean {
  const first = p.range.start.line;
  const last = Math.min(p.range.end.line, first + 2);
  if (p.range.end.line > last) return false;
  for (let n = first; n <= last; n++) if (CLEARED.test(cable.lines[n])) return true;
  return false;
}

// A clearance's words: "cleared this cable", "has cleared this message". Found anywhere on a line, not at its start, so
// a scan's margin (`| `, `07 `: digits, a bar and spaces, no word) changes no answer and the document's lines are read.
const CLEARED = /\bcleared\s+this\s+(?:cable|message|telegram)\b/i;

/**
 * True when a block left open runs to the end of a document still being typed: the document has no signature and no trailer
 * yet, no heading starts after the opener, no numbered paragraph starts after the one it opens in (a block a heading
 * opens, "SUMMARY" ⏎ "----", takes the paragraphs under it), and only blank lines follow the last paragraph. The writer
 * has not reached the closer: "¶1. (C) Summary: The Director asked …" as the last line typed.
 */
function runsToEnd(cable: Cable, layout: Layout, open: BlockMarker): boolean {
  const paragraphs = cable.paragraphs;
  const last = paragraphs[paragraphs.length - 1];
  if (cable.signature || cable.trailer || !last) return false;
  const at = open.token.range.start;
  const headings = layout.headingStarts;
  if (partitionPoint(headings, (p) => !isBefore(at, p)) < headings.length) return false;
  if (!layout.headingOn.has(at.line) && isBefore(at, last.range.start)) return false;
  // Nothing but blank lines after the last paragraph, and no web-site footer in it ("Visit our classified website at: …",
  // which the last paragraph takes in with a signature glued to its link): text after them ends the document. Blank as
  // read: a line of a scan's margin alone (`|`, `07`) is blank.
  const lines = linesAsRead(cable);
  for (let k = last.range.end.line + 1; k < lines.length; k++) if (lines[k].trim() !== '') return false;
  const kinds = cable.lineKinds;
  for (let k = at.line + 1; k < kinds.length; k++) if (kinds[k] === 'footer') return false;
  return true;
}

/**
 * True when the opener stands after "(" or "[" ("(Note:", "(Embassy Note:", "[NOTE:") and the bracket that closes it comes
 * before the block's end: "(Note: Septel follows.)" ends at its ")", which the reader sees as plainly as "End Note."
 * (about three in four bracketed Notes and Comments in the corpus also write the closer; the rest are closed all the same).
 */
function closedByBracket(lines: readonly string[], block: Block, open: BlockMarker): boolean {
  const at = open.token.range.start;
  if (at.character === 0) return false;
  const line = lines[at.line];
  const bracket = openingBracket(line, at.character);
  return bracket >= 0 && matchingBracket(lines, open.token.range.end, block.range.end, line.charCodeAt(bracket)) !== undefined;
}

/**
 * Where the missing closer goes, or undefined when the block's end is unknown.
 * A bracketed Note or Comment closed by its bracket is not reported (closedByBracket); one whose bracket is never closed
 * ("(Note: The port … season." to the paragraph's end) runs to its paragraph's end, as a Note with no bracket does.
 * A "//COMMENT//" heading opens a block over the paragraphs under it, up to the next opener of its kind.
 * Inside a paragraph the block runs to the paragraph's end.
 */
function closerPlace(cable: Cable, layout: Layout, block: Block, open: BlockMarker): Position | undefined {
  const at = open.token.range.start;
  const h = layout.headingOn.get(at.line);
  if (h !== undefined) {
    const section = layout.sectionOf.get(h);
    if (!section) return undefined;
    // The next opener of the same kind ends the block: "¶5. (C) Comment: …" under a "COMMENT" heading opens its own.
    const next = nextOpener(layout, block.kind, at);
    let end: Position | undefined;
    for (const k of section.paragraphs) {
      const p = cable.paragraphs[k];
      if (next && !isBefore(p.range.end, next)) break;
      end = p.range.end;
    }
    return end && textEnd(cable, at, end);
  }
  // Outside a paragraph and a heading, where the block stops is not known.
  return paragraphIndexAt(cable.paragraphs, at.line) >= 0 ? textEnd(cable, at, block.range.end) : undefined;
}


/**
 * The end of a block's own text, before the signature and a footer link the last paragraph
 * takes in: "… to the table. HALLORAN", "Visit our classified website: http://…", and before
 * the continuation-page and rule lines around them.
 */
function textEnd(cable: Cable, from: Position, end: Position): Position {
  // As read: a line of a scan's margin alone (`|`, `07`) is blank, and a rule or link line opens past the margin.
  const lines = linesAsRead(cable);
  const signature = cable.signature?.token.range.start;
  if (signature && isBefore(from, signature) && !isBefore(end, signature)) {
    end = cable.signature!.glued ? { line: signature.line, character: trimEndOffset(lines[signature.line], signature.character) } : lineEnd(lines, signature.line - 1);
  }
  let n = end.line;
  // Skip the footer's link lines and the line leading into them ("… Website at:").
  let link = false;
  // A paragraph's own line ("¶9. (U) Please see: http://…") is text.
  const paragraphs = cable.paragraphs;
  const starts = (k: number) => {
    const i = partitionPoint(paragraphs, (p) => p.range.start.line < k);
    return i < paragraphs.length && paragraphs[i].range.start.line === k;
  };
  // Continuation-page lines and rule lines ("*********** *****" framing the footer) are no text either.
  const kinds = cable.lineKinds;
  while (n > from.line && (lines[n].trim() === '' || kinds[n] === 'page' || kinds[n] === 'rule' || kinds[n] === 'footer' || STARS.test(lines[n]) || ((LINK.test(lines[n]) || (link && LEAD_IN.test(lines[n]))) && !starts(n)))) {
    link ||= LINK.test(lines[n]);
    n--;
  }
  return n === end.line ? end : lineEnd(lines, n);
}

/** The end of line `n`'s text, trailing spaces left out. */
function lineEnd(lines: readonly string[], n: number): Position {
  return { line: n, character: trimEndOffset(lines[n]) };
}

// A footer link, never the text of a block.
const LINK = /https?:|www\./;
// The line before a footer link: "Visit our classified website at:".
const LEAD_IN = /:\s*$/;
// A line of asterisks, also broken by spaces, as footers are framed: "************ *****".
const STARS = /^\s*\*{3,}(?: +\*{3,})*\s*$/;

/** The block's name as a closer spells it: `summary` is "Summary". */
function blockName(kind: Block['kind']): string {
  return kind[0].toUpperCase() + kind.slice(1);
}
