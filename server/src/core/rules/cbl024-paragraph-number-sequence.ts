/**
 * CBL024 paragraph-number-sequence: Paragraph numbers skip, step back, or do not start at 1.
 */
import { linesAsRead } from '../parse/margin';
import type { Cable, Paragraph, Position } from '../model';
import { parsePortionMarking } from '../parse/marking';
import { isSpace, markingStart, partitionPoint, skipSpaces } from '../text';
import type { Fix, Rule, TextEdit } from './types';
import { blankedLineBetween, renumberingWithReferences } from './util';

export const rule: Rule = {
  id: 'CBL024',
  name: 'paragraph-number-sequence',
  description: "Paragraph numbers skip, step back, or do not start at 1.",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶1. (C) …\n¶2. (C) …\n¶4. (C) …",
    good: "¶1. (C) …\n¶2. (C) …\n¶3. (C) …",
    rationale: "Paragraphs are cited by number (\"para 3\"); gaps and restarts make those citations point at the wrong text. A gap after a line the release blanked (redactions and nothing else but white space and punctuation: `XXXXXXXXXXXX`, `xxxxxxxxxxxx`, `XXXXXXXXXXXX XXXXXXXXXXXX`, or the text of the paragraph before it: `¶3. XXXXXXXXXXXX`) is where a release blanked whole paragraphs: the cable numbered them, so it is not reported, and the renumbering keeps the numbers after it; so is a gap under a line whose last text goes on after a redaction that follows a sentence's end inside it (`… Training Slots... .XXXXXXXXXXXX He asked …` ⏎ `¶4. …`), where the release blanked the end of the line with the next paragraph's number, the rest of that paragraph's text following the X's as a sentence of its own, opening with a capital (a redaction after a word, `for XXXXXXXXXXXX and`, blanked a name, and so did one after a sentence's end that its verb follows, `on XXXXXXXXXXXX. XXXXXXXXXXXX said`, or that the block's closer follows, `XXXXXXXXXXXX End Summary.`, or that ends the line, or that a surname and its verb of saying follow, `DMZ. XXXXXXXXXXXX Chun said`: the gap is reported; a line with no capital letter at all, a copy lowercased whole, cannot tell them apart and keeps the excuse). A blanked line stands for paragraphs only where it is no part of a sentence or title: one that ends a sentence the line above leaves open, with a word in small letters or a comma (`transliterations of` ⏎ `xxxxx.`), blanked words, and one over a rule line (`XXXXXXXXXXXX` ⏎ `-----------`) a section's title, so the gap under either is reported. When the text above a first paragraph numbered 2 opens with a marking (`(SBU) In response …`), that text is paragraph 1 without its number: the fix numbers it, rather than renumbering the rest. A second renumbering fix also writes the new numbers into the references to the paragraphs it renumbers (\"para 6\" becomes \"para 5\" with ¶6), as renaming a paragraph number does; a reference to another document's paragraph (\"para 6 of ref A\") stays.",
    source: "FORMAT.md §6; corpus analysis of the released cables (CORPUS-FINDINGS, 'Warnings'): gaps 4.6%, backward steps 1.4%, first number not 1 1.2% (often paragraphs dropped in the release). A gap behind a redaction inside the line above: 09HARARE888's `… Arrival... .XXXXXXXXXXXX The Organ directed …` ⏎ `¶3. …`, reported before as paragraph 2 missing, the one such gap among the 200 corpus cables. A redacted name after a sentence's end is far more common: 10CARACAS147's `on XXXXXXXXXXXX. XXXXXXXXXXXX spoke`, where more than a hundred redactions after a sentence's end in the corpus cables are followed by a word in small letters, and four (09HARARE888's among them) by a capital; a copy that lost a paragraph's number under such a line had its gap hidden. A redacted given name before its surname and verb, 10SEOUL272's `DMZ. XXXXXXXXXXXX Chun said`, the one such line in the corpus cables. A blanked line ending a sentence, 06VIENNA515's `transliterations of` ⏎ `xxxxx.`, and a blanked title over its rule, 10SEOUL272's, each hid a lost paragraph number's gap in the recall test.",
  },
  check(cable, report) {
    const paragraphs = cable.paragraphs;
    if (paragraphs.length === 0) return;
    // The fix is built at the first finding, and shared by all of them: most cables number their paragraphs right.
    let fix: Fix[] | undefined;
    let expected = 1;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (p.readAs !== expected && p.readAs !== expected - 1) {
        // "XXXXXXXXXXXX" alone on a line before "¶11." after "¶3.", or "¶3. XXXXXXXXXXXX": the release blanked paragraphs 4 to 10, the cable numbered them.
        if (p.readAs > expected && releaseRemoved(cable, paragraphs, i)) {
          expected = p.readAs + 1;
          continue;
        }
        // "(SBU) In response …" above "¶2. (C) …": paragraph 1 lost its number; numbering it is the fix, not renumbering the rest.
        const unnumbered = i === 0 && p.readAs === 2 ? markedTextAbove(cable, p) : undefined;
        if (unnumbered) {
          const marker = p.marker.text.slice(0, p.numberToken.range.start.character - p.marker.range.start.character) + '1' + p.marker.text.slice(p.numberToken.range.end.character - p.marker.range.start.character);
          report({
            message: `Paragraph 2: the first paragraph should be 1; the marked text above it reads as paragraph 1 without its number.`,
            range: p.marker.range,
            fixes: [{ title: `Number the paragraph above as ${marker}`, edits: [{ range: { start: unnumbered, end: unnumbered }, newText: marker + ' ' }], safe: false }],
          });
          expected = p.readAs + 1;
          continue;
        }
        fix ??= renumbering(cable, paragraphs);
        const what = expected === 1 ? 'the first paragraph should be 1' : p.readAs < expected ? `a step back after ${expected - 1}` : `a gap after ${expected - 1} (${missing(expected, p.readAs - 1)})`;
        report({ message: `Paragraph ${p.readAs}: ${what}.`, range: p.marker.range, fixes: fix });
      }
      expected = p.readAs + 1;
    }
  },
};

/**
 * Where the body's first text starts when it opens with a portion marking ("(SBU) In response …") above
 * paragraph `p`, the first numbered one: a paragraph that lost its number. Undefined otherwise.
 */
function markedTextAbove(cable: Cable, p: Paragraph): Position | undefined {
  const lines = linesAsRead(cable);
  for (let n = cable.bodyStartLine; n < p.marker.range.start.line; n++) {
    const line = lines[n];
    const start = skipSpaces(line);
    if (start === line.length) continue;
    const marking = parsePortionMarking(n, line, markingStart(line, start));
    return marking?.level !== undefined && marking.wellFormed ? { line: n, character: start } : undefined;
  }
  return undefined;
}

/** The paragraphs a gap leaves out, `from` to `to`: "paragraph 5 is missing", "paragraphs 5 to 7 are missing". */
function missing(from: number, to: number): string {
  return from === to ? `paragraph ${from} is missing` : `paragraphs ${from} to ${to} are missing`;
}

/**
 * Renumbers the paragraphs 1, 2, 3…, touching only the numbers that are wrong (minimal edits); a gap the
 * release left where it blanked paragraphs stays, since the paragraphs after it keep their numbers. A second
 * fix also updates the references in the text to the paragraphs it renumbers ("para 6" to "para 5").
 */
function renumbering(cable: Cable, paragraphs: readonly Paragraph[]): Fix[] | undefined {
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  const renumbered = new Map<number, number>();
  let want = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    want = p.readAs > want + 1 && releaseRemoved(cable, paragraphs, i) ? p.readAs : want + 1;
    if (p.readAs !== want || p.number !== want) {
      edits.push({ range: p.numberToken.range, newText: String(want) });
      changes.push(`${p.number} as ${want}`);
      renumbered.set(i, want);
    }
  }
  if (edits.length === 0) return undefined;
  const fix: Fix = { title: renumberingTitle(changes), edits, safe: false };
  const withReferences = renumberingWithReferences(cable, fix, renumbered);
  return withReferences ? [fix, withReferences] : [fix];
}

/**
 * What a renumbering changes, as the light bulb names it: "Renumber paragraph 6 as 5", "Renumber paragraphs 6 as 5
 * and 5 as 6", "Renumber 4 paragraphs, 16 as 20 to 19 as 23". It was "Renumber paragraphs 1 to 23", which read as
 * though every number would be written again.
 */
function renumberingTitle(changes: readonly string[]): string {
  if (changes.length === 1) return `Renumber paragraph ${changes[0]}`;
  if (changes.length <= 3) return `Renumber paragraphs ${changes.slice(0, -1).join(', ')} and ${changes[changes.length - 1]}`;
  return `Renumber ${changes.length} paragraphs, ${changes[0]} to ${changes[changes.length - 1]}`;
}

/**
 * True when the release blanked a line between paragraph `i` and the one before it, that paragraph's own line
 * included ("¶3. XXXXXXXXXXXX"), or, for the first, anywhere above it: where the release blanked whole paragraphs,
 * it left such a line ({@link blankedLineBetween}).
 */
function releaseRemoved(cable: Cable, paragraphs: readonly Paragraph[], i: number): boolean {
  const from = i > 0 ? paragraphs[i - 1].marker.range.start.line : 0;
  const to = paragraphs[i].marker.range.start.line;
  return blankedLineBetween(cable, from, to) || redactedAcrossBreak(cable, from, to);
}

/**
 * True when the last line of text above line `to`, below the previous paragraph's marker line `from`, holds a redaction after
 * a sentence's end, inside the line ("… Arrival... .XXXXXXXXXXXX The Organ directed …" ⏎ "¶3. …", 09HARARE888): the release
 * blanked the end of the line with the paragraph after it, its marker included, and the rest of that paragraph's text goes
 * on after the X's, a sentence of its own ("The Organ directed"). A redaction that opens the line, or follows a word ("told
 * XXXXXXXXXXXX that"), blanked a name, and so did one after a sentence's end that its verb follows ("… on XXXXXXXXXXXX.
 * XXXXXXXXXXXX spoke freely", 10CARACAS147), or that ends the line: the gap under either is the cable's.
 */
function redactedAcrossBreak(cable: Cable, from: number, to: number): boolean {
  const lines = linesAsRead(cable);
  let n = to - 1;
  while (n > from && lines[n].trim() === '') n--;
  if (n <= from) return false;
  const line = lines[n];
  const redactions = cable.redactions;
  for (let k = partitionPoint(redactions, (r) => r.range.start.line < n); k < redactions.length; k++) {
    const r = redactions[k].range;
    if (r.start.line !== n) break;
    let c = r.start.character - 1;
    while (c >= 0 && isSpace(line.charCodeAt(c))) c--;
    const before = c >= 0 ? line.charCodeAt(c) : -1;
    // ".XXXXXXXXXXXX", "? XXXXXXXXXXXX": a sentence ended, and text went before it on the line.
    if ((before === 46 /* . */ || before === 33 /* ! */ || before === 63 /* ? */) && c > skipSpaces(line) && opensSentence(line, r.end.character)) return true;
  }
  return false;
}

/** Words in capitals that open a sentence whose subject they are or introduce, never a surname ("He said", "The minister said"). */
export const OPENERS = new Set(['A', 'An', 'The', 'This', 'That', 'These', 'Those', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'One', 'Both', 'All', 'Each', 'Many', 'Most', 'Some', 'Several', 'Others', 'Officials', 'Contacts', 'Sources', 'His', 'Her', 'Their', 'Our', 'Its']);

/** One or two words with a capital, then a verb of saying in small letters ({@link namesSpeaker}). */
export const SPEAKER = /^([A-Z][A-Za-z'\u2019-]*)(?:\s+([A-Z][A-Za-z'\u2019-]*))?\s+(said|says|told|tells|noted|notes|added|adds|stated|states|claimed|claims|explained|explains|stressed|stresses|emphasized|emphasizes|commented|comments|asserted|asserts|argued|argues|replied|responded|remarked|insisted|confirmed|agreed|opined|observed|acknowledged|admitted|complained|lamented|suggested|warned|reported|indicated|related|recalled|cautioned|predicted|speculated|believes|believed|thinks|thought)\b/;

/**
 * True when the text after X's is a surname and the verb it says ("XXXXXXXXXXXX Chun said", "XXXXXXXXXXXX Chun claimed",
 * 10SEOUL272's redacted title and given name): one or two words with a capital, none of them a word that opens a sentence
 * ({@link OPENERS}), then a verb of saying in small letters. The redaction blanked the first part of a name, not a paragraph's
 * number.
 */
export function namesSpeaker(text: string): boolean {
  // The pattern's first word runs to the first white space: an opener there ("The Organ directed") fails without the
  // pattern, which, never tried, is never compiled (cablelint runs cold).
  let space = 0;
  while (space < text.length && !isSpace(text.charCodeAt(space))) space++;
  if (OPENERS.has(text.slice(0, space))) return false;
  const m = SPEAKER.exec(text);
  return m !== null && !OPENERS.has(m[1]) && (m[2] === undefined || !OPENERS.has(m[2]));
}

/**
 * True when the text after a redaction ending at `from` opens a sentence: its first character past white space is a capital
 * letter ("XXXXXXXXXXXX The Organ directed"). A redacted name as a sentence's subject is followed by its verb in small letters
 * ("XXXXXXXXXXXX said"), a redacted given name by the surname and its verb ("XXXXXXXXXXXX Chun said", {@link namesSpeaker}),
 * a redacted sentence inside a block by its closer ("XXXXXXXXXXXX End Summary.", 09ISTANBUL336), and a
 * redaction that ends the line leaves nothing to go on with. A line with no capital at all, a copy
 * lowercased whole, cannot tell the two apart, and is read as before.
 */
function opensSentence(line: string, from: number): boolean {
  const at = skipSpaces(line, from);
  const code = line.charCodeAt(at);
  // "XXXXXXXXXXXX End Summary.": a closer goes on with the block the redacted sentence stood in, not with a paragraph of its own.
  if (code >= 65 /* A */ && code <= 90 /* Z */) return !/^End\s+(?:summary|comment|note)\b/i.test(line.slice(at)) && !namesSpeaker(line.slice(at));
  // A line in small letters throughout (a copy lowercased whole) shows no capitals to tell a sentence's start by: as before.
  return code >= 97 /* a */ && code <= 122 /* z */ && !/[A-Z]/.test(line);
}
