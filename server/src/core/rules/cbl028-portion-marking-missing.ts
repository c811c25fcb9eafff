/**
 * CBL028 portion-marking-missing: A numbered paragraph of a classified cable has no portion marking (info on an UNCLAS cable that marks other paragraphs), or has it on
 * the next line, its number alone on its line ('3.' ⏎ '(C) …'), or split over its line and the next ('2. (C' ⏎ ') …').
 */
import { linesAsRead } from '../parse/margin';
import { LEVELS, levelAbbreviation, levelRank } from '../levels';
import { isSpace, skipSpaces, trimEndOffset } from '../text';
import type { Cable, Level, Paragraph, PortionMarking, Token } from '../model';
import { MAX_SPLIT_MARKING } from '../parse/marking';
import { isClassified, markingOnNextLine } from './util';
import type { Fix, Rule } from './types';

export const rule: Rule = {
  id: 'CBL028',
  name: 'portion-marking-missing',
  description: "A numbered paragraph of a classified cable has no portion marking (info on an UNCLAS cable that marks other paragraphs), or has it on the next line, its number alone on its line ('3.' ⏎ '(C) …'), or split over its line and the next ('2. (C' ⏎ ') …').",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "C O N F I D E N T I A L VALLETTA 000412\n…\n¶3. Gauci also raised the training offer …",
    good: "C O N F I D E N T I A L VALLETTA 000412\n…\n¶3. (C) Gauci also raised the training offer …",
    rationale: "The handbook asks for a classification marking after every paragraph number, so that each portion can be handled on its own. An UNCLAS cable that marks no paragraph, no item and no heading at all (`(U) Background`, `BACKGROUND (U)`) is left alone, as unmarked UNCLAS cables are common; one that marks some paragraphs and not another gets an info for that one. A marking after a Summary or Comment label (`¶1. Summary: (C) …`) counts, and CBL029 reports its place; a title paragraph whose items carry the markings (`¶5. Financing Issues` over `¶A. (S/NF) …`), a numbered Classified By line, a paragraph whose text opens with a redaction (`¶3.  XXXXXXXXXXXX`, the marking may be under it), and the items of a document quoted in a marked paragraph that number themselves from 1 need none of their own. One marking for the whole text covers every paragraph: a paragraph marked `(C - ENTIRE TEXT)`, or a line above the first paragraph such as `Sensitive but unclassified - entire text.` A transcription also wraps a paragraph's opening, its number alone on a line and its marking opening the next (`3.` ⏎ `(C) Tavares added …`): a bare number there, the next number after a sentence's end inside the paragraph before, is read as no paragraph (a bare number needs its marking on its line), so CBL024 saw a gap and the text under it ran on in the paragraph before; a pilcrow's (`¶3.` ⏎ `(C) …`) is read as a paragraph with no marking. Both are reported as a marking not on its paragraph's line, with a fix for you to choose that joins the number and the marking with one space (`3. (C) Tavares added …`): the marking then becomes the paragraph's, where it was a line's. A marking split by a line break, opened at the end of the number's line and closed on the next (`2. (C` ⏎ `) The pier …`, `4. (` ⏎ `C) The pier …`), is read as the paragraph's marking, which the other marking rules count (CBL030, CBL031, CBL032), also where the number stands right under a line of text, as a number with its marking on its line does, and reported as split, with a fix for you to choose that joins its pieces (`2. (C) The pier …`); a marking begun and never closed, the line's last word (`2. (C` ⏎ `The pier …`), is where the fix writes the marking, in its place (`2. (C)`).",
    source: "FORMAT.md §6, from [FAH1-246]; corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): some paragraphs unmarked in 5.4% of C/S cables; UNCLAS cables often unmarked (17.5%), 'normal' there: on the 203 corpus cables, 26 of the rule's 27 infos were on three UNCLAS cables that mark no paragraph (09VLADIVOSTOK5, 09HARARE888, 08RIODEJANEIRO171), now left alone. No corpus cable writes a paragraph's number alone on its line with its marking opening the next (0 of 200).",
  },
  check(cable, report) {
    const banner = cable.banner;
    if (!banner) return;
    const paragraphs = cable.paragraphs;
    // What the fixes offer, worked out at the first unmarked paragraph: most cables mark them all.
    let markings: string[] | undefined;
    let classified = false;
    let isClassifiedCable: boolean | undefined;
    const classifiedCable = () => (isClassifiedCable ??= isClassified(cable));
    const classifiedBy = cable.classifiedBy;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const at = p.marker.range.end;
      const line = cable.lines[at.line];
      // "2. (C" ⏎ ") The harbor master …", "4. (" ⏎ "C) The pier …": the marking split by a line break, which the parser
      // reads as the paragraph's; a marking written after the number would leave its pieces behind ("2. (C) (C").
      const split = p.portion?.split;
      if (split) {
        const [first, second] = split;
        const marking = p.portion!.token.text;
        const written = `${line.slice(first.start.character, first.end.character)}' ⏎ '${cable.lines[second.start.line].slice(second.start.character, second.end.character)}`;
        report({
          message: `Paragraph ${p.readAs}'s marking '${marking}' is split over two lines ('${written}'): write it whole on the number's line.`,
          range: { start: p.marker.range.start, end: first.end },
          // A fix for you to choose, as the join of a marking on the next line is.
          fixes: [{ title: `Join it: '${p.marker.text} ${marking}'`, edits: [{ range: { start: first.end, end: second.start }, newText: '' }], safe: false }],
          severity: classifiedCable() ? undefined : 'info',
        });
        continue;
      }
      // A title paragraph ("¶5. Financing Issues") whose items carry the markings is marked through them.
      if (p.portion || p.itemPortion) continue;
      // "¶1. Classified by …": the Classified By line numbered as a paragraph is no portion.
      if (classifiedBy && classifiedBy.keyword.range.start.line === at.line && classifiedBy.keyword.range.start.character === skipSpaces(line, at.character)) continue;
      // "¶3.  XXXXXXXXXXXX": a redaction right after the number may hold the marking; the release blanked it, the cable did not leave it out.
      if (redactionAt(cable.redactions, at.line, skipSpaces(line, at.character))) continue;
      // "¶3." ⏎ "(C) Tavares added …": the marking opens the next line, a line break where the opening was (reported below).
      if (markingOnNextLine(cable, at.line, at.character)) continue;
      if (markings === undefined) {
        // "Sensitive but unclassified - entire text." above the first paragraph, or "¶1. (C - ENTIRE TEXT)", marks every portion at once.
        if (marksEntireText(cable)) return;
        markings = markingsUpTo(banner.level);
        classified = isClassified(cable);
        // An UNCLAS cable that marks no paragraph and no item (09VLADIVOSTOK5, 08RIODEJANEIRO171): unmarked throughout, as
        // 17.5% of UNCLAS cables are, which is normal there (CORPUS-FINDINGS, 'Warnings'); one paragraph left out of the
        // marked ones is still noted.
        if (!classified && !marksAny(cable)) return;
      }
      // A marking begun and left empty ("¶2. () The minister", as an editor closes the bracket, or "¶2. ( The
      // minister") is where the marking goes: the fix fills it in, or the paragraph reads "¶2. (C) () The minister".
      const empty = emptyMarkingEnd(line, at.character);
      const end = empty === undefined ? at : { line: at.line, character: empty };
      // A space before the marking; one after it too when text follows it at once.
      const after = end.character < line.length && !isSpace(line.charCodeAt(end.character)) ? ' ' : '';
      // One fix per level, the banner level first, then (SBU); never applied by Fix All, and none preferred: VS Code's Auto Fix
      // applies a preferred fix without showing it, and would write "(S)" after "¶16." with no level chosen.
      const fixes: Fix[] = [];
      for (const marking of markings) {
        fixes.push({
          title: `Mark paragraph ${p.readAs} (${marking})`,
          edits: [{ range: { start: at, end }, newText: ` (${marking})${after}` }],
          safe: false,
        });
      }
      report({ message: `Paragraph ${p.readAs} has no portion marking.`, range: p.marker.range, fixes, severity: classified ? undefined : 'info' });
    }
    for (let i = 0; i < paragraphs.length; i++) splitOpenings(cable, paragraphs[i], (written, n, line, start, end, opening) => {
      const next = linesAsRead(cable)[line + 1];
      const marking = opening.token.text;
      // A fix for you to choose: the marking becomes the paragraph's, where it was a line's.
      report({
        message: `Paragraph number '${written}' stands alone on its line, its marking '${marking}' opening the next: write them on one line as paragraph ${n} opens.`,
        range: { start: { line, character: start }, end: { line, character: end } },
        fixes: [{ title: `Join them: '${written} ${marking}'`, edits: [{ range: { start: { line, character: end }, end: { line: line + 1, character: skipSpaces(next) } }, newText: ' ' }], safe: false }],
        severity: classifiedCable() ? undefined : 'info',
      });
    });
  },
};

/**
 * "… a year (REF A)." ⏎ "3." ⏎ "(C) Tavares added …": the next paragraph's number alone on a line of `p`'s text, after a
 * sentence's end, its marking opening the line under it, as a transcription wraps a paragraph's opening; the parser reads
 * no paragraph there, a bare number needing its marking on its line. "¶3." ⏎ "(C) …", which the parser reads as a
 * paragraph with no marking, is `p` itself. Each is passed to `found`: the number as written, the paragraph it opens, and
 * where it stands, and the marking under it.
 */
function splitOpenings(cable: Cable, p: Paragraph, found: (written: string, n: number, line: number, start: number, end: number, marking: PortionMarking) => void): void {
  const lines = linesAsRead(cable);
  const marker = p.marker.range;
  const own = p.portion === undefined && p.itemPortion === undefined ? markingOnNextLine(cable, marker.end.line, marker.end.character) : undefined;
  if (own) found(p.marker.text, p.readAs, marker.start.line, marker.start.character, marker.end.character, own);
  const last = Math.min(p.range.end.line, lines.length - 1);
  for (let l = p.range.start.line + 1; l < last; l++) {
    const text = lines[l];
    const start = skipSpaces(text);
    // A blank line between the paragraph's blocks: a read past a line's end, first met after this function was optimized,
    // threw it out of its optimized code.
    if (start === text.length) continue;
    const c = text.charCodeAt(start);
    // A character test first: most lines open with a letter.
    if (c !== 182 /* ¶ */ && (c < 48 || c > 57)) continue;
    const end = trimEndOffset(text);
    const number = SPLIT_NUMBER.exec(text.slice(start, end));
    if (!number || Number(number[2]) !== p.readAs + 1) continue;
    const above = lines[l - 1];
    const aboveEnd = trimEndOffset(above);
    if (aboveEnd > 0 && !SENTENCE_END.test(above.slice(Math.max(0, aboveEnd - 2), aboveEnd))) continue;
    const marking = markingOnNextLine(cable, l, end);
    if (marking) found(number[0], p.readAs + 1, l, start, end, marking);
  }
}

/**
 * True when a paragraph or an item carries a marking: on its line, split over two lines or on the line under its number
 * ("¶3." ⏎ "(U) …"), or under an item's label ("-- (SBU) …"); or a heading, at its title's end ("BACKGROUND (U)").
 */
function marksAny(cable: Cable): boolean {
  if (cable.itemMarkings.length > 0) return true;
  // "BACKGROUND (U)": a heading marked at the end of its title, as one marked at its start ("(U) Background") is an item marking.
  for (const h of cable.headings) if (h.marking) return true;
  for (const p of cable.paragraphs) if (p.portion || p.itemPortion || markingOnNextLine(cable, p.marker.range.end.line, p.marker.range.end.character)) return true;
  return false;
}

/** A paragraph number and nothing else: "3.", "¶3.", "¶ 3.". */
const SPLIT_NUMBER = /^(\u00B6 ?)?([0-9]{1,3})\.$/;

/** The end of a sentence, a closing quote or parenthesis after it: "year.", "(REF A).", "said.”". */
const SENTENCE_END = /[.!?]["'\u201D\u2019)\]]?$/;


// A whole-text marking as a line of its own says it: "Sensitive but unclassified - entire text.", "CONFIDENTIAL -- ENTIRE TEXT".
const ENTIRE_TEXT_LINE = /\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|SBU)\s*[-\u2013\u2014:]+\s*ENTIRE TEXT\b/i;

/**
 * True when one marking covers the whole text: a paragraph marked "(C - ENTIRE TEXT)", or a line between the
 * banner and the first paragraph saying "Sensitive but unclassified - entire text."
 */
function marksEntireText(cable: Cable): boolean {
  const paragraphs = cable.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) if (paragraphs[i].portion?.controls.includes('ENTIRE TEXT')) return true;
  const lines = linesAsRead(cable);
  const end = paragraphs.length > 0 ? paragraphs[0].range.start.line : lines.length;
  for (let n = cable.banner ? cable.banner.line + 1 : 0; n < end; n++) {
    // Cheap first: the words are rare, and most lines are shorter than the statement.
    const line = lines[n];
    if (line.length >= 16 && ENTIRE_TEXT_LINE.test(line)) return true;
  }
  return false;
}

/** True when a redaction starts at `character` of line `line`. */
function redactionAt(redactions: readonly Token[], line: number, character: number): boolean {
  for (const r of redactions) {
    const start = r.range.start;
    if (start.line > line) return false;
    if (start.line === line && start.character === character) return true;
  }
  return false;
}

/**
 * Where an empty marking after the paragraph number ends, or undefined: white space, "(", white space, then ")"
 * (its end is after the ")") or white space up to the end of the line ("(" alone: its end is after the "("); or "(" and a
 * marking's letters with no ")", up to the end of the line ("(C", "(S/N": its end is after them).
 * "¶2. (Note: …)" holds no empty marking.
 */
function emptyMarkingEnd(line: string, from: number): number | undefined {
  const open = skipSpaces(line, from);
  if (line.charCodeAt(open) !== 40 /* ( */) return undefined;
  const next = skipSpaces(line, open + 1);
  if (line.charCodeAt(next) === 41 /* ) */) return next + 1;
  if (next > open + 1 || next === line.length) return open + 1;
  // "2. (C" ⏎ "The pier …": a marking begun and never closed, the line's last word, is where the marking goes too; the fix
  // writes "(C)" in its place, where it wrote "2. (C) (C".
  const end = trimEndOffset(line);
  for (let k = open + 1; k < end; k++) if (!UNCLOSED_MARKING_CHAR.test(line[k])) return undefined;
  return end - open <= MAX_SPLIT_MARKING ? end : undefined;
}

/** A character of a marking begun: a letter, a slash, a hyphen or a space ("(C", "(S/N", "(SBU"). */
const UNCLOSED_MARKING_CHAR = /^[A-Za-z/ -]$/;

/**
 * The markings of the level and of every level below it, highest first, then `SBU`: `S`, `C`, `U`, `SBU` for SECRET.
 * An unclassified portion is marked `(SBU)` about as often as `(U)` in the released cables (1,433 paragraphs of 407 cables,
 * 1,053 of 435), as completion offers both.
 */
function markingsUpTo(level: Level): string[] {
  const markings = [levelAbbreviation(level)];
  for (let k = LEVELS.length - 1; k >= 0; k--) {
    const l = LEVELS[k];
    if (l !== level && levelRank(l) <= levelRank(level)) markings.push(levelAbbreviation(l));
  }
  markings.push('SBU');
  return markings;
}
