/**
 * CBL034 page-line-sequence: Continuation-page numbers are not consecutive (a page missing or out of order).
 */
import type { Rule } from './types';
import { paragraphsBlankedBetween } from './util';

export const rule: Rule = {
  id: 'CBL034',
  name: 'page-line-sequence',
  description: "Continuation-page numbers are not consecutive (a page missing or out of order).",
  tags: ["pages"],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: "VALLETTA 00000412 002 OF 003\n…\nVALLETTA 00000412 004 OF 003",
    good: "VALLETTA 00000412 002 OF 003\n…\nVALLETTA 00000412 003 OF 003",
    rationale: "A gap in page numbers usually means a page was lost in copying. A gap with a line the release blanked between the page lines, or above the first (`XXXXXXXXXXXX`, `¶3. XXXXXXXXXXXX`), where paragraph numbers are missing too, is where a release blanked whole paragraphs and the page lines among them: the cable had those pages, so it is not reported, as CBL024 does not report the paragraph numbers blanked there. A line of X's where no paragraph number is missing blanked a name, not a page, and the gap is reported. So does a blanked line that is part of a sentence or a title, as CBL024 reads it: one that ends a sentence the line above leaves open, with a word in small letters or a comma (`transliterations of` ⏎ `xxxxx.`), or one over a rule line (`XXXXXXXXXXXX` ⏎ `-----------`, a section's title), where paragraph numbers are missing too: a page lost with them is reported, as CBL024 reports the paragraphs. A page line whose numbers a scan damaged is checked too: its page read with a letter O as 0 and an l or I as 1 (`OO4` is page 4), or, where the damage left it unreadable (`0#3`), taken for the page after the one before it (the second, when it is the first page line), so that neither it nor the next one is reported for it.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rule 11; CORPUS-FINDINGS, 'Info only'): 609 of 621 (gaps in partial copies).",
  },
  check(cable, report) {
    let previous: number | undefined;
    const pages = cable.pageLines;
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i];
      const number = page.page;
      // "VALLETTA 00000412 0#2 OF 003": a damaged page line whose page number cannot be read stands for the page after the one
      // before it (the second page, first), so that neither it nor the page line after it is reported.
      if (!number) {
        previous = (previous ?? 1) + 1;
        continue;
      }
      const n = number.value;
      // "XXXXXXXXXXXX" ⏎ "¶22. (C) …" ⏎ "VALLETTA 00000412 007 OF 008": the release blanked paragraphs 1 to 21 there, and the page lines among them.
      const blanked = () => paragraphsBlankedBetween(cable, i > 0 ? pages[i - 1].token.range.start.line + 1 : cable.bodyStartLine, page.token.range.start.line);
      if (previous !== undefined && n !== previous && (n < previous || (n > previous + 1 && !blanked()))) {
        report({ message: `Page ${number.text} follows page ${String(previous).padStart(3, '0')}.`, range: number.range });
      }
      if (previous === undefined && n > 2 && !blanked()) {
        report({ message: `The first continuation page is ${number.text}; pages before it are missing.`, range: number.range });
      }
      previous = n;
    }
  },
};
