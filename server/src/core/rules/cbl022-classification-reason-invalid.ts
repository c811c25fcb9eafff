/**
 * CBL022 classification-reason-invalid: Classification reason letters not valid for the cited section (a–g under sec. 1.5 of E.O. 12958, a–h under sec. 1.4 after E.O. 13292); sec. 1.5 after 2003 is info; 1:4 or 1/4 notation is a warning, a letter l or I for the digit 1 ('l.4') or for a reason's '(' ('lb)') too, with a safe fix; a brace or bracket for one of a reason's parentheses ('{b)') is info, with a safe fix.
 */
import type { Range } from '../model';
import { isAlnum } from '../text';
import type { Report, Rule } from './types';

export const rule: Rule = {
  id: 'CBL022',
  name: 'classification-reason-invalid',
  description: "Classification reason letters not valid for the cited section (a–g under sec. 1.5 of E.O. 12958, a–h under sec. 1.4 after E.O. 13292); sec. 1.5 after 2003 is info; 1:4 or 1/4 notation is a warning, a letter l or I for the digit 1 ('l.4') or for a reason's '(' ('lb)') too, with a safe fix; a brace or bracket for one of a reason's parentheses ('{b)') is info, with a safe fix.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  safeFixes: true,
  docs: {
    bad: "Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (k).",
    good: "Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).",
    rationale: "Reasons cite categories of the order; a letter outside the list cites nothing. A letter past h is read in brackets ('(k)') and in a list with the others ('1.4 (k,d)', 'K/D', 'b and m.'), where a letter is mistyped as often as in brackets; alone and unbracketed ('1.4 k') it is not, nor is one that words follow ('b/d, i.e. …'). A section written with a letter l or I for the digit 1 ('for reasons l.4 (b)', 'I.5'), as a typed or scanned copy leaves it, is read as the section meant, so its letters are checked, and reported with a safe fix that writes the digit alone; only so written, not after a letter or digit. A reason letter after an `l` or `I` typed or scanned for its `(` (`1.4 lb) and ld)`), which lost the reasons before (nothing was reported, and the cable read as giving none), is read as the letter meant and reported, with a safe fix that writes the `(`; a reason with a brace or bracket for one of its parentheses (`1.4 {b)`, `(d]`) reads, and is info, with a safe fix that writes the parenthesis. A reason wholly in square brackets or braces (`[b]`, `{b}`) is a spelling, not damage, and is left alone, as `b and d` is. None of the 203 corpus cables writes a reason's bracket other than `(` and `)`.",
    source: "FORMAT.md §7 rules 20–21, from [EO13292], [NITF] and [CFR197]; corpus analysis of the released cables (CORPUS-FINDINGS, 'Info only'): 1.5 after 2003 in 35 cables (info). No released cable of the corpus writes a letter for the section's 1 (0 of 200); the reading is the one CBL015 gives a DECL date, for typed and scanned copies.",
  },
  check(cable, report) {
    const c = cable.classifiedBy;
    if (!c?.section) return;
    const written = c.section.text;
    // Only a section not written "1.4" or "1.5" needs its spaces taken out ("1. 4") and a closer look.
    const first = written.charCodeAt(0);
    if (first === 0x6c || first === 0x49) {
      // "for reasons l.4 (b)": a letter l or I for the digit 1, as a typed or scanned copy leaves it; the fix writes the digit alone.
      const meant = `1${written.slice(1)}`;
      const at = c.section.range.start;
      report({
        message: `Reason section '${written}' has the letter '${written[0]}' for the digit 1: read as ${meant}.`,
        range: c.section.range,
        fixes: [{ title: `Write '${meant}'`, edits: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '1' }], safe: true, preferred: true }],
      });
    } else if (written !== '1.4' && written !== '1.5' && !/^1\.[45]$/.test(written.replace(/\s+/g, ''))) {
      report({ message: `Reason section written '${written}'; write 1.4.`, range: c.section.range });
    }
    const allowed = c.sectionValue === '1.5' ? 'abcdefg' : 'abcdefgh';
    for (let i = 0; i < c.reasons.length; i++) {
      const letter = c.reasonLetters[i];
      bracketed(cable.lines, c.reasons[i].range, report);
      if (!allowed.includes(letter)) {
        report({ message: `Reason (${letter}) is not a category of section ${c.sectionValue} (letters ${allowed[0]}–${allowed[allowed.length - 1]}).`, range: c.reasons[i].range });
      }
    }
    // E.O. 13292 (2003) renumbered the categories to section 1.4.
    if (c.sectionValue === '1.5' && cable.date && cable.date.year >= 2004) {
      report({ message: `Section 1.5 cited on a ${cable.date.year} cable; since E.O. 13292 (2003) the reasons are in section 1.4.`, range: c.section.range, severity: 'info' });
    }
  },
};

/**
 * The brackets around a reason letter at `at`, one space inside each allowed: "lb)" or "Ib)", an "l" or "I" typed or
 * scanned for the "(", which lost the reason before, is a warning; "{b)", "(b]", a brace or bracket for one parenthesis,
 * is info, since the letter reads. Each fix writes the parentheses and nothing else. "[b]", "{b}" and "b" are left alone.
 */
function bracketed(lines: readonly string[], at: Range, report: Report): void {
  const text = lines[at.start.line];
  if (text === undefined) return;
  let open = at.start.character - 1;
  if (open >= 0 && text.charCodeAt(open) === 32) open--;
  let close = at.end.character;
  if (close < text.length && text.charCodeAt(close) === 32) close++;
  if (open < 0 || close >= text.length) return;
  const o = text[open];
  const c = text[close];
  const line = at.start.line;
  const edit = (k: number, newText: string) => ({ range: { start: { line, character: k }, end: { line, character: k + 1 } }, newText });
  const written = text.slice(open, close + 1);
  const meant = `(${text.slice(open + 1, close)})`;
  if ((o === 'l' || o === 'I') && c === ')' && (open === 0 || (!isAlnum(text.charCodeAt(open - 1)) && text[open - 1] !== "'"))) {
    // "l b)": the space after the "l" goes with it.
    const read = `(${text.slice(at.start.character, close + 1)}`;
    report({
      message: `Reason '${written}' has the letter '${o}' for its '(': read as ${read}.`,
      range: { start: { line, character: open }, end: { line, character: close + 1 } },
      fixes: [{ title: `Write '${read}'`, edits: [{ range: { start: { line, character: open }, end: at.start }, newText: '(' }], safe: true, preferred: true }],
    });
    return;
  }
  const opens = o === '(' || o === '[' || o === '{';
  const closes = c === ')' || c === ']' || c === '}';
  if (!opens || !closes || (o === '(' && c === ')') || (o === '[' && c === ']') || (o === '{' && c === '}')) return;
  report({
    message: `Reason '${written}' has a brace or bracket for a parenthesis: write ${meant}.`,
    range: { start: { line, character: open }, end: { line, character: close + 1 } },
    severity: 'info',
    fixes: [{ title: `Write '${meant}'`, edits: [...(o === '(' ? [] : [edit(open, '(')]), ...(c === ')' ? [] : [edit(close, ')')])], safe: true, preferred: true }],
  });
}
