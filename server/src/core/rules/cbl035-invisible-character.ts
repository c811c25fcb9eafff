/**
 * CBL035 invisible-character: A control or zero-width character in the text (tabs, no-break spaces, curly quotes and ¶ are fine).
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL035',
  name: 'invisible-character',
  description: "A control or zero-width character in the text (tabs, no-break spaces, curly quotes and ¶ are fine).",
  tags: ["text"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "¶3. (C) Gauci​ also raised …",
    good: "¶3. (C) Gauci also raised …",
    rationale: "Invisible characters break searches and matching of markings, and do not occur in clean cables.",
    source: "CORPUS-FINDINGS §13: no control characters in the corpus; one tab; curly quotes and NBSP are normal.",
  },
  check(cable, report) {
    const text = cable.text;
    // One search of the whole text per character: clean cables (nearly all) need no line-by-line look.
    let hits: number[] | undefined;
    for (let k = 0; k < INVISIBLE_CHARACTERS.length; k++) {
      const c = INVISIBLE_CHARACTERS[k];
      for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
        // A byte-order mark at the very start of the file is an encoding signature, not text.
        if (at === 0 && c === '\uFEFF') continue;
        (hits ??= []).push(at);
      }
    }
    if (hits === undefined) return;
    hits.sort((a, b) => a - b);
    const lines = cable.lines;
    // The line holding each hit, walking forward from the line before: line n starts at `start`.
    let n = 0;
    let start = 0;
    for (const at of hits) {
      while (at >= start + lines[n].length) {
        const end = start + lines[n].length;
        start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
        n++;
      }
      const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
      const r = { start: { line: n, character: at - start }, end: { line: n, character: at - start + 1 } };
      report({ message: `Invisible character U+${code}.`, range: r, fixes: [{ title: `Remove U+${code}`, edits: [{ range: r, newText: '' }], safe: true, preferred: true }] });
    }
  },
};


/**
 * The characters the rule reports: C0 controls except tab, line feed and carriage return, DEL,
 * the zero-width and bidi marks U+200B–U+200F, the word joiner and the BOM. `indexOf` finds a
 * single character far faster than a regular expression scans a whole cable, and gives up at
 * once when the character cannot occur in the string (U+200B in a text that is all Latin-1).
 */
export const INVISIBLE_CHARACTERS =
  '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F' +
  '\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F' +
  '\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF';

/** The same set as a pattern, for reading and for the test that checks the two agree (test/unit/scans.test.ts). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this rule.
export const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2060\uFEFF]/g;
