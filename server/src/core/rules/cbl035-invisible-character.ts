/**
 * CBL035 invisible-character: A control or zero-width character in the text (tabs, no-break spaces, curly quotes and ¶ are fine).
 */
import { parseCable } from '../parse/index';
import type { Cable } from '../model';
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
    rationale: "Invisible characters break searches and matching of markings, and do not occur in clean cables. One before a portion marking (`¶2. ` U+200B `(C) …`, a line's `(S) …`) hides nothing: the marking is read as it is without it. Fix All removes them unless the text without them reads as another classification (a banner, paragraph or marking they hid would appear, a heading's among them: `BACKGROUND (` U+200B `S)`): then the fix waits for you.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §13): no control characters; one tab; curly quotes and NBSP are normal.",
  },
  check(cable, report) {
    const text = cable.text;
    let hits: number[] | undefined;
    if (BEYOND_LATIN1.test(text)) {
      // A text with characters such as "’" or "—" may hold the zero-width marks too: one pattern reads past the run of
      // visible characters at `at`, and the character it stops at, if any, is one. V8 runs a greedy class as a tight loop,
      // about a tenth fewer instructions than a search for the class (bench/RESULTS.md, session 47).
      for (let at = 0; ; at++) {
        VISIBLE_RUN.lastIndex = at;
        VISIBLE_RUN.test(text);
        at = VISIBLE_RUN.lastIndex;
        if (at >= text.length) break;
        // A byte-order mark at the very start of the file is an encoding signature, not text.
        if (at === 0 && text.charCodeAt(0) === 0xfeff) continue;
        (hits ??= []).push(at);
      }
    } else {
      // Most cables are all Latin-1 ("¶" and "é" included): only the controls can occur, each found by indexOf.
      for (let k = 0; k < CONTROLS.length; k++) {
        const c = CONTROLS[k];
        for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) (hits ??= []).push(at);
      }
      if (hits !== undefined) hits.sort((a, b) => a - b);
    }
    if (hits === undefined) return;
    // Removing the characters may let the parser read what they hid: a banner ("\u200BS E C R E T …"), a paragraph
    // marker or a marking. Fix All may remove them only when the text without them reads as the same classification.
    const safe = sameClassification(cable, parseCable(withoutHits(text, hits)).cable);
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
      report({ message: `Invisible character U+${code}.`, range: r, fixes: [{ title: `Remove U+${code}`, edits: [{ range: r, newText: '' }], safe, preferred: true }] });
    }
  },
};

/** The text without the characters at `hits` (ascending offsets). */
function withoutHits(text: string, hits: readonly number[]): string {
  let out = '';
  let from = 0;
  for (const at of hits) {
    out += text.slice(from, at);
    from = at + 1;
  }
  return out + text.slice(from);
}

/** True when two readings give the same banners, markings (the paragraphs', the subject's, those that open lines, the headings'), security group and caveats. */
function sameClassification(a: Cable, b: Cable): boolean {
  return classification(a) === classification(b);
}

/** What a cable says of its classification, as one string. */
function classification(cable: Cable): string {
  return JSON.stringify([
    cable.banners.map((b) => b.level),
    cable.paragraphs.map((p) => [p.portion?.level, p.portion?.controls]),
    // "SUBJECT: (\u200BC) …", "(\u200BS) Response: …": a character inside these markings hides them too.
    [cable.subject?.portion?.level, cable.subject?.portion?.controls],
    cable.itemMarkings.map((m) => [m.portion.level, m.portion.controls]),
    // "BACKGROUND (\u200BS)": the marking that ends a heading's title, which the character keeps from being read; only the
    // headings that have one, so that a heading the character hid ("FERRY\u200B FARES" read as prose) changes nothing.
    cable.headings.flatMap((h) => (h.marking ? [[h.marking.level, h.marking.controls]] : [])),
    cable.header?.security?.group?.text,
    cable.caveats.map((c) => c.name),
  ]);
}


// C0 controls except tab, line feed and carriage return, DEL, zero-width and bidi marks, word joiner, BOM.
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this rule.
export const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2060\uFEFF]/g;

// The characters INVISIBLE does not match, as many as follow `lastIndex` (none is a match too: `test` is always true).
// eslint-disable-next-line no-control-regex -- as INVISIBLE.
const VISIBLE_RUN = /[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2060\uFEFF]*/y;

// The characters of INVISIBLE up to U+00FF, the only ones a Latin-1 text can hold. In such a text
// indexOf finds one character many times faster than a pattern reads the text (V8 runs memchr).
const CONTROLS = [
  '\u0000', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\u0008', '\u000B', '\u000C', '\u000E', '\u000F',
  '\u0010', '\u0011', '\u0012', '\u0013', '\u0014', '\u0015', '\u0016', '\u0017', '\u0018', '\u0019', '\u001A', '\u001B', '\u001C', '\u001D', '\u001E', '\u001F',
  '\u007F',
];

// Any character beyond U+00FF. V8 answers at once for a text it keeps one byte per character (all
// Latin-1), and stops at the first such character otherwise.
const BEYOND_LATIN1 = /[\u0100-\uFFFF]/;
