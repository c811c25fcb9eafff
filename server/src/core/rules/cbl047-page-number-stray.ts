/**
 * CBL047 page-number-stray: A line holding only a page number of the paper copy ('- 2 -', 'Page 2 of 3') inside the text, left there by a transcription.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL047',
  name: 'page-number-stray',
  description: "A line holding only a page number of the paper copy ('- 2 -', 'Page 2 of 3') inside the text, left there by a transcription.",
  tags: ["pages", "text"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶3. (C) Gauci also raised the training offer described in\n- 2 -\nREF B.",
    good: "¶3. (C) Gauci also raised the training offer described in\nREF B.",
    rationale: "A cable's own page breaks are its continuation-page lines (`VALLETTA 00000412 002 OF 002`), which CBL033 and CBL034 check; a page number printed at the foot or head of a paper copy is no part of the cable, and one typed or scanned into the text splits a paragraph's sentence, or reads as a heading between blank lines. Its fix deletes the line, for you to choose.",
    source: "The project's review of typed and OCR transcriptions; corpus analysis of the released cables: none of the 200 cables of the corpus has such a line.",
  },
  check(cable, report) {
    const { lines, lineKinds: kinds } = cable;
    for (let i = 0; i < lines.length; i++) {
      const kind = kinds[i];
      if (kind !== 'text' && kind !== 'heading') continue;
      const text = lines[i];
      // Most lines fail on their length or their first character.
      if (text.length > MAX_LINE) continue;
      let lead = 0;
      while (lead < text.length && (text.charCodeAt(lead) === 32 || text.charCodeAt(lead) === 9)) lead++;
      const c = text.charCodeAt(lead);
      if (c !== 45 /* - */ && (c | 32) !== 112 /* p */) continue;
      if (!PAGE_NUMBER.test(text)) continue;
      const end = text.trimEnd().length;
      // The line and its line break go: the text around it joins as it was before the page turned.
      const removal = i + 1 < lines.length ? { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } } : i > 0 ? { start: { line: i - 1, character: lines[i - 1].length }, end: { line: i, character: text.length } } : { start: { line: i, character: 0 }, end: { line: i, character: text.length } };
      report({
        message: `Line '${text.slice(lead, end)}' is a page number of the paper copy, left in the text.`,
        range: { start: { line: i, character: lead }, end: { line: i, character: end } },
        fixes: [{ title: 'Delete the page number line', edits: [{ range: removal, newText: '' }], safe: false }],
      });
    }
  },
};

/** The longest line read as a page number: "Page 123 of 456" and white space around it. */
const MAX_LINE = 30;

// "- 2 -", "-2-", "Page 2", "PAGE 2 OF 3", "page 2 of 3": nothing else on the line.
const PAGE_NUMBER = /^\s*(?:-\s?\d{1,3}\s?-|(?:Page|PAGE|page)\s\d{1,3}(?:\s(?:of|OF|Of)\s\d{1,3})?)\s*$/;
