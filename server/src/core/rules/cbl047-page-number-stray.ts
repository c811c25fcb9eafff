/**
 * CBL047 page-number-stray: A line holding only a page number of the paper copy ('- 2 -', 'Page 2 of 3') inside the text, or a stamp of a released copy's page ('RELEASED IN FULL', 'U.S. Department of State Case No. … Doc No. … Date: …') above the banner or inside the text, left there by a transcription, or a scan's margin opening every line ('| ', '01 '), which the cable is read without.
 */
import { linesAsRead, typedMargins } from '../parse/margin';
import type { Cable } from '../model';
import type { Rule, TextEdit } from './types';

export const rule: Rule = {
  id: 'CBL047',
  name: 'page-number-stray',
  description: "A line holding only a page number of the paper copy ('- 2 -', 'Page 2 of 3') inside the text, or a stamp of a released copy's page ('RELEASED IN FULL', 'U.S. Department of State Case No. … Doc No. … Date: …') above the banner or inside the text, left there by a transcription, or a scan's margin opening every line ('| ', '01 '), which the cable is read without.",
  tags: ["pages", "text"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶3. (C) Gauci also raised the training offer described in\n- 2 -\nREF B.",
    good: "¶3. (C) Gauci also raised the training offer described in\nREF B.",
    rationale: "A cable's own page breaks are its continuation-page lines (`VALLETTA 00000412 002 OF 002`), which CBL033 and CBL034 check; a page number printed at the foot or head of a paper copy is no part of the cable, and one typed or scanned into the text splits a paragraph's sentence, or reads as a heading between blank lines. Its fix deletes the line, for you to choose. A copy scanned from the pages the Department of State released carries the stamps printed on each page: the release decision (`RELEASED IN FULL`, `RELEASED IN PART B1,1.4(D)`), the case, document number and date of the release (`UNCLASSIFIED U.S. Department of State Case No. F-2031-05588 Doc No. C09876543 Date: 04/17/2032`) or a review's (`Declassified/Released US Department of State EO Systematic Review 30 JUN 2033`). A case stamp a scan damaged (`Case No. 2031-05588`, its case number's letter lost; `Case No 2031 05588 Doc No C09876543 Date 04 17 2032`, its punctuation lost), whose opening `UNCLASSIFIED` and case number read as a banner's level and serial before (an UNCLASSIFIED cable of the post `U.S. Department of State Case No.`, every marking above it an error), is read as the stamp too, and no banner. They are no part of the cable either, above the banner or inside the text, and are reported the same way, with a fix that deletes the line and its line break and nothing else, for you to choose as a page number's is (Fix All keeps a cable's line breaks: it deletes no line). A scan's margin that opens every line, a bar at the same width (`| S E C R E T …`) or line numbers that rise from line to line (`01 VZCZC…`, right-aligned ` 9 PP …`, or at two widths, `9 PP …` then `10 DE …`), lost every field before (no banner, no E.O., TAGS or SUBJECT, no paragraph); the cable is read as though the margin were blank, every range where it is, and one finding on the first line says so, with a fix, for you to choose, that deletes the margin from every line: where the numbers stand at two widths, the widest number and its space where every line's text stands in one column after it, and otherwise each line's own number and space, so that no text is lost. A line without the margin, or numbers that do not rise, leave the text as it is. On a line typed without the margin that opens with at least the margin's width in spaces, as Enter writes the next paragraph's number, dash item or REF letter past the margin (`| ¶3. (C) …` ⏎ `  ¶4. (C) …`, `| REF: A. STATE 1234` ⏎ `       B. PARIS 77`) and keeps them on the lines typed under it, the fix deletes that width of spaces too (the width of the nearest line above that carries the margin), and the rest of the line's indentation stays (the REF letter in the column of the one above, a table's columns, a dash item's), so that the cable reads as one typed without a margin; a line typed at its first column is left as it is. Only a line that holds the stamp and nothing else, in the stamp's own words and shape, is read so (`RELEASED IN` with `FULL` or `PART` and at most a list of exemption codes such as `B1` and `1.4(D)`; the case stamp with its case and document numbers and date; the review stamp with its date): a sentence that speaks of a release is left alone. The stamp's `UNCLASSIFIED` is the release's, not the cable's: no banner is read from such a line.",
    source: "The project's review of typed and OCR transcriptions; corpus analysis of the released cables: none of the 200 cables of the corpus has such a line, nor a release stamp (the WikiLeaks texts carry no page stamps); the fixtures' case and document numbers are invented.",
  },
  check(cable, report) {
    const { lines, lineKinds: kinds } = cable;
    // "| S E C R E T …", "01 VZCZC…": a scan's margin on every line, which the parser read the cable without.
    const margin = cable.margin;
    if (margin) {
      const first = margin.lines[0];
      const width = Math.min(margin.widths[0], lines[first].length);
      report({
        // The lines that carry it: a blank line may carry none, and a line or two typed without it are read as they stand.
        message: `${margin.lines.length} lines open with ${margin.kind === 'bar' ? "a bar ('|')" : 'a line number'} of a scan's margin; the cable is read without it.`,
        range: { start: { line: first, character: 0 }, end: { line: first, character: width } },
        fixes: [{
          title: margin.kind === 'bar' ? "Delete the margin's bar from every line" : "Delete the margin's line number from every line",
          // Each line's margin, with the spaces after it that the parser read as the line's own (none on a line of the margin
          // alone), and on the lines typed without it the spaces Enter wrote in its place, the line's own indentation kept.
          edits: marginEdits(cable),
          safe: false,
        }],
      });
    }
    const read = linesAsRead(cable);
    for (let i = 0; i < lines.length; i++) {
      const kind = kinds[i];
      // A page number stands in the text; a release stamp above the banner too.
      if (kind !== 'text' && kind !== 'heading' && kind !== 'preamble') continue;
      // A scan's margin ("| - 2 -") is read as the parser read it, blank.
      const text = read[i];
      // Most lines fail on their length or their first character.
      if (text.length > MAX_STAMP) continue;
      let lead = 0;
      while (lead < text.length && (text.charCodeAt(lead) === 32 || text.charCodeAt(lead) === 9)) lead++;
      const c = text.charCodeAt(lead);
      let stamp = false;
      if (c === 45 /* - */ || (c | 32) === 112 /* p */) {
        if (kind === 'preamble' || text.length > MAX_LINE || !PAGE_NUMBER.test(text)) continue;
      } else if (c === 85 /* U */ || c === 82 /* R */ || c === 68 /* D */) {
        // "RELEASED IN FULL", "UNCLASSIFIED U.S. Department of State Case No. …": a released copy's page stamp. Each stamp's
        // pattern can match only after spaces and tabs and its own first letter, so a line is tried against one of them.
        if (text.length < MIN_STAMP || !(c === 82 ? RELEASED : c === 85 ? CASE_STAMP : REVIEW_STAMP).test(text)) continue;
        stamp = true;
      } else continue;
      const end = text.trimEnd().length;
      // The line and its line break go: the text around it joins as it was before the page turned.
      const removal = i + 1 < lines.length ? { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } } : i > 0 ? { start: { line: i - 1, character: lines[i - 1].length }, end: { line: i, character: text.length } } : { start: { line: i, character: 0 }, end: { line: i, character: text.length } };
      report({
        message: stamp ? `Line '${text.slice(lead, end)}' is a release stamp printed on the released copy, left in the text.` : `Line '${text.slice(lead, end)}' is a page number of the paper copy, left in the text.`,
        range: { start: { line: i, character: lead }, end: { line: i, character: end } },
        fixes: [{ title: stamp ? 'Delete the release stamp line' : 'Delete the page number line', edits: [{ range: removal, newText: '' }], safe: false }],
      });
    }
  },
};

/** The longest line read as a page number: "Page 123 of 456" and white space around it. */
const MAX_LINE = 30;

// "- 2 -", "-2-", "Page 2", "PAGE 2 OF 3", "page 2 of 3": nothing else on the line.
const PAGE_NUMBER = /^\s*(?:-\s?\d{1,3}\s?-|(?:Page|PAGE|page)\s\d{1,3}(?:\s(?:of|OF|Of)\s\d{1,3})?)\s*$/;

/** The shortest and longest lines read as a release stamp: "RELEASED IN FULL", and the case stamp with white space around it. */
const MIN_STAMP = 16;
const MAX_STAMP = 160;

// "RELEASED IN FULL", "RELEASED IN PART B1,1.4(D)", "RELEASED IN PART B1, B6": nothing else on the line.
const EXEMPTION = String.raw`(?:B\d|1\.4\s?\([A-H]\))`;
const RELEASED = new RegExp(String.raw`^\s*RELEASED IN (?:FULL|PART(?:\s+${EXEMPTION}(?:\s*,\s*${EXEMPTION})*)?)\s*$`);
// "UNCLASSIFIED U.S. Department of State Case No. F-2031-05588 Doc No. C09876543 Date: 04/17/2032", and one a scan damaged
// ("Case No. 2031-05588", the case number's letter lost, which read as the banner before; "Doc No C09876543 Date 04 17 2032",
// its punctuation lost); nothing else on the line.
const CASE_STAMP = /^\s*(?:UNCLASSIFIED\s+)?U\.?\s?S\.?\s+Department of State\s+Case No\.?\s?(?:[A-Z]-?)?\d{4}[-\s]\d{3,6}\s+Doc No\.?\s?[A-Z]?\d{6,10}\s+Date:?\s?\d{1,2}[/\s]\d{1,2}[/\s]\d{4}\s*$/i;
// "Declassified/Released US Department of State EO Systematic Review 30 JUN 2033".
const REVIEW_STAMP = /^\s*Declassified\/Released U\.?\s?S\.? Department of State E\.?O\.? Systematic Review \d{1,2} [A-Z]{3} \d{4}\s*$/i;

/**
 * The fix's edits, in line order: each line's margin (`| `, `07 `), and on each line typed without it the spaces that stand
 * for it ({@link typedMargins}: `  ¶5. (C) …` that Enter wrote under `| ¶4. (C) …`), so that the cable reads as one
 * without a margin, every line's own indentation kept.
 */
function marginEdits(cable: Cable): TextEdit[] {
  const margin = cable.margin!;
  const lines = cable.lines;
  const typed = typedMargins(cable);
  const edits: TextEdit[] = [];
  let t = 0;
  const add = (line: number, width: number) => edits.push({ range: { start: { line, character: 0 }, end: { line, character: Math.min(width, lines[line].length) } }, newText: '' });
  margin.lines.forEach((line, k) => {
    for (; t < typed.length && typed[t].line < line; t++) add(typed[t].line, typed[t].width);
    add(line, margin.widths[k]);
  });
  for (; t < typed.length; t++) add(typed[t].line, typed[t].width);
  return edits;
}
