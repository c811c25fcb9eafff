/**
 * CBL018 tags-duplicate: The same TAG appears twice on the TAGS line.
 */
import type { Range } from '../model';
import { isSpace } from '../text';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL018',
  name: 'tags-duplicate',
  description: "The same TAG appears twice on the TAGS line.",
  tags: ["metadata"],
  defaultSeverity: 'info',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "TAGS: PREL MT PREL",
    good: "TAGS: PREL MT",
    rationale: "A repeated TAG adds nothing and usually marks a careless edit.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §5 and 'Info only'): 3 of 1,295.",
  },
  check(cable, report) {
    const tags = cable.tags?.tags;
    // "TAGS: PREL" alone cannot repeat itself.
    if (!tags || tags.length < 2) return;
    const seen = new Set<string>();
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      if (tag.role !== 'code') continue;
      if (seen.has(tag.code)) {
        const r = removal(cable.lines, tag.token.range);
        report({ message: `TAG ${tag.code} appears more than once.`, range: tag.token.range, fixes: [{ title: `Remove the repeated ${tag.code}`, edits: [{ range: r, newText: '' }], safe: true, preferred: true }] });
      }
      seen.add(tag.code);
    }
  },
};


/** Separators between tags: spaces and commas. */
const isSeparator = (c: number) => c === 44 /* , */ || isSpace(c);

/**
 * The text to remove with a repeated tag: the separator before it ("PGOV, PREL" loses ", PREL");
 * at the start of a wrapped line the separator after it ("      PREL, MOPS" keeps "      MOPS");
 * alone on its line, the line and the separator ending the line before.
 */
function removal(lines: readonly string[], tag: Range): Range {
  const n = tag.start.line;
  const line = lines[n];
  let start = tag.start.character;
  while (start > 0 && isSeparator(line.charCodeAt(start - 1))) start--;
  if (start > 0) return { start: { line: n, character: start }, end: tag.end };
  let end = tag.end.character;
  while (end < line.length && isSeparator(line.charCodeAt(end))) end++;
  if (end < line.length) return { start: tag.start, end: { line: n, character: end } };
  if (n === 0) return { start: { line: n, character: 0 }, end: { line: n, character: line.length } };
  const previous = lines[n - 1];
  let cut = previous.length;
  while (cut > 0 && isSeparator(previous.charCodeAt(cut - 1))) cut--;
  return { start: { line: n - 1, character: cut }, end: { line: n, character: line.length } };
}
