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
    // One search of the whole text: clean cables (nearly all) need no line-by-line look.
    if (!INVISIBLE_ANYWHERE.test(cable.text)) return;
    cable.lines.forEach((line, n) => {
      INVISIBLE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = INVISIBLE.exec(line)) !== null) {
        // A byte-order mark at the very start of the file is an encoding signature, not text.
        if (n === 0 && m.index === 0 && m[0] === '\uFEFF') continue;
        const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        const r = { start: { line: n, character: m.index }, end: { line: n, character: m.index + m[0].length } };
        report({ message: `Invisible character U+${code}.`, range: r, fixes: [{ title: `Remove U+${code}`, edits: [{ range: r, newText: '' }], safe: true, preferred: true }] });
      }
    });
  },
};


// C0 controls except tab, DEL, zero-width and bidi marks, word joiner, BOM.
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this rule.
export const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2060\uFEFF]/g;
// The same characters, anywhere in the text, written as everything else excluded: V8 runs this
// negated class twice as fast over a whole cable (test/unit/scans.test.ts checks both sets agree).
export const INVISIBLE_ANYWHERE = /[^\t\n\r\u0020-\u007E\u0080-\u200A\u2010-\u205F\u2061-\uFEFE\uFF00-\uFFFF]/;
