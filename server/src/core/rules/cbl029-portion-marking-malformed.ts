/**
 * CBL029 portion-marking-malformed: A portion marking that is not a known form ('(N/SF)', '(SNF)', '(5)'), that lost its '(' ('C)') or its ')' ('(C Deputy …'), that has a brace or bracket for one ('(C}', '{C)') an 'I' for its ')' ('(CI'), an 'l' or 'I' for its '(' ('lC)') or an 'l', 'I' or '1' for its slash ('(CINF)', '(C1NF)'), a marking with stray spaces inside its parentheses ('( C )', '(S/ NF)'), a paragraph's marking written after a block's label ('¶1. Summary: (C) …', '¶2. (U) Comment: (C) …'), a paragraph or item marked twice in a row ('¶3. (C) (S) …'), or a heading marked at both ends of its title ('(C) BACKGROUND (S)', or a title wrapped over two lines).
 */
import type { Cable, Heading, Paragraph, PortionMarking, Position, Range } from '../model';
import type { Fix, Report, Rule } from './types';
import { levelRank } from '../levels';
import { malformedMarking, mayOpenBlock, OPENER } from '../parse/body';
import { isInvisible, isSpace, markingStart, skipSpaces, trimEndOffset } from '../text';
import { misspeltControl, parsePortionMarking, parseUnclosedMarking, SLASH_MISREAD_NF, standsForClose, standsForOpen } from '../parse/marking';
import { describeHeading, describeItem, reportParseProblems, subjectMarking } from './util';

export const rule: Rule = {
  id: 'CBL029',
  name: 'portion-marking-malformed',
  description: "A portion marking that is not a known form ('(N/SF)', '(SNF)', '(5)'), that lost its '(' ('C)') or its ')' ('(C Deputy …'), that has a brace or bracket for one ('(C}', '{C)') an 'I' for its ')' ('(CI'), an 'l' or 'I' for its '(' ('lC)') or an 'l', 'I' or '1' for its slash ('(CINF)', '(C1NF)'), a marking with stray spaces inside its parentheses ('( C )', '(S/ NF)'), a paragraph's marking written after a block's label ('¶1. Summary: (C) …', '¶2. (U) Comment: (C) …'), a paragraph or item marked twice in a row ('¶3. (C) (S) …'), or a heading marked at both ends of its title ('(C) BACKGROUND (S)', or a title wrapped over two lines).",
  tags: ["markings"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶2. (N/SF) Director Anton Gauci said …",
    good: "¶2. (S/NF) Director Anton Gauci said …",
    rationale: "A marking that cannot be read cannot be checked against the banner. A marking that lost a parenthesis is read as the level it names, and its quick fix writes the parenthesis back (`(C Deputy …` becomes `(C) Deputy …`, `C)` becomes `(C)`), which keeps that level; so does a marking typed or scanned with a brace or square bracket for a parenthesis (`(C}`, `{C)`, `[S/NF]`), or with an `I`, `l`, `1` or `|` for its `)` (`(CI The ministry …`, where what stands before it reads as a marking and no `)` further on closes the `(`: `(SI units) are …` is prose), whose fix writes the parenthesis. These are read after a paragraph's number and at a line's start (`{C) The ministry …`, `-- (CI …`) alike. A paragraph's `(` scanned as an `l`, `I` or `|` before what reads as a marking that lost its `(` (`¶3. lC) Gauci …`, `¶4. IS/NF) …`; no level's letter is one of these) is read after a paragraph's number alone, and its fix writes the `(`. A slash, or two, before NF scanned as an `I`, `l`, `|` or the digit `1` (`(CINF)`, `(SIINF)`, `(C1NF)`) reads as that level and NOFORN, and its fix writes the slash (`(C/NF)`, `(S//NF)`); before, both were no marking at all (CBL028, with no fix). Only this form of one word is read so: `(CINC)`, `(CITES)` and other words in parentheses stay prose, and none of the 203 corpus cables has either damage or a word so read. A paragraph's `(5)` or `(5/NF)` reads as no level, since a 5 for the S of SECRET is a guess: its fix offers `(S)` or `(S/NF)` for you to choose, as every fix that writes a marking. A level that lost the slash before NF (`(SNF)`) reads as that level and NOFORN, and its fix writes the standard form, `(S/NF)`; an unknown control one letter lost, added or changed, or two letters swapped, away from a control's spelling (`(S/NOFRN)`, `(S//NOFRON)`, `(C/ORCN)`) gets a fix that writes that control (`(S/NOFORN)`), for you to choose, as every fix that writes a marking; an unknown level (`(N/SF)`), or a control near none or near two, gets none, since what it stands for is a guess. A marking whose last separator leads to nothing (`(S/NF/)`, `(C//)`, `(S-)`, a control cut off or a slash typed twice) is no known form either, though its level and controls are read; its fix writes it without that separator (`(S/NF)`, `(C)`), for you to choose. The marking that opens an item or a line inside the text (`¶B. (S/NOFRN) …`, `-- (S/NOFRN) …`) is checked too, when it names a level and its unknown controls are short words in capitals: `(EU) was …` or `(S-300) missiles` wrapped to a line's start is prose. The subject's marking is checked the same way (`SUBJECT: (SNF) …`; `SUBJECT: (S-300) MISSILES` is prose). A marking written with spaces right inside its parentheses or beside a slash (`( C )`, `(S/ NF)`, `(S//NF )`), a paragraph's, an item's or the subject's, or one that ends a heading's title (`BACKGROUND ( C )`), is read as the marking without them, and reported so that searches and indexes that match `(S/NF)` find it; its fix deletes those spaces and nothing else, which keeps the level and controls, and is offered for you to choose, as every fix of this rule; one that no known form reads only for such a space (`(S /NF)`, `(S // NF)`) gets the same fix. A space that separates (`(C NF)`) or stands inside a REL TO list (`(S/REL TO USA, GBR)`) is no stray one. A paragraph's marking belongs right after its number, before a Summary, Comment or Note label (`¶1. (C) Summary: …`): one written after the label (`¶1. Summary: (C) The ministry …`) is still read as the paragraph's, so nothing else reports it, and this is info, since the level is there to read; its fix, for you to choose, writes the same characters with the marking first (`¶1. (C) Summary: The ministry …`) and changes nothing else. A second marking after the label that follows the paragraph's own (`¶2. (U) Comment: (C) …`), which the parser does not read, is a warning where it is higher than the paragraph's, which then marks the paragraph below its text, and info otherwise; only a copy of the paragraph's own marking (`¶2. (C) Comment: (C) …`) gets a fix, for you to choose, that deletes it, since which marking the paragraph keeps is otherwise yours to decide. A paragraph or an item marked twice in a row (`¶3. (C) (S) Gauci …`, `-- (S/NF) (C) …`, as a transcription that marked the text once more may leave it), or a line opened by two markings (`(C) (U) Two.`, whose `(C)` is no list's label unless the list's `(B)` stands on one of the few lines above it; `(A) (U)` and `(1) (U)` are a list's label and its marking) is read as the first marking, and the second, which nothing else reads, may be the one meant: it is a warning, with two fixes for you to choose, one keeping each marking (`Keep '(C)' and delete '(S)'`, `Keep '(S)' and delete '(C)'`), since deleting either raises or lowers a classification; the same marking twice (`¶3. (C) (C) …`) is info, with a fix that deletes the copy. Prose in parentheses after a marking (`(C) (EU) officials`, `(C) (REF A)`) names no level and is no second marking. A heading's title marked at its start and at its end (`(C) BACKGROUND (S)`) is read with both markings, the first as a line's, the second as the heading's, so that CBL030, CBL031 and CBL032 weigh both; that it takes one marking is a warning, with two fixes for you to choose, one keeping each marking, and the same marking at both ends (`(S) BACKGROUND (S)`) is info, with a fix that deletes the one at the end. So is a title wrapped over two lines, marked at the start of its first line and at the end of its last (`(C) RELATIONS WITH THE HARBOR AUTHORITY OF THE` ⏎ `NORTHERN PORTS (S)`), over its rule, boxed, with a rule under each line or a blank line between them, with the same fixes, each of which changes one line; the message names the line the title starts on. A title between slashes is read the same way inside them (`//(C) LOOKING AHEAD (S/NF)//`, on one line or wrapped over two), its markings weighed by CBL030, CBL031 and CBL032 as a plain title's; the one that opens it may be of any form in capitals (`//(S//REL TO USA, GBR) LOOKING AHEAD//`), since the slashes set the title apart from prose. A list's letter after an opening marking (`(C) HARBOR TALKS: ANNEX (C)`) stays the title's words.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS §9): 34 spellings, typos (N/SF) and (SNF) once each; markings.tsv. A marking after a block's label: 1 of the 200 cables of the corpus (`¶1.  Summary:  (C) …`, 10KABUL62), no second marking after one. A paragraph or item marked twice in a row: none of the 200 cables. Stray spaces inside a marking's parentheses or beside its slash: none of the 200 cables (`(C NF)`, a space as the separator, 8 times, and `(C/Rel Aus)`, 9, are read as known forms and not reported).",
  },
  check(cable, report) {
    // The parser records what it could not read; this rule reports it.
    reportParseProblems(cable, 'portion-marking-malformed', report, (range) => parenthesisFix(cable, range));
    // "SUBJECT: (S/NOFRN) …": the subject's marking, which the metadata parser reads without reporting it, is checked as a line's is.
    const subject = subjectMarking(cable);
    if (subject && !subject.wellFormed) report({ message: malformedMarking(subject).message, range: subject.token.range, fixes: parenthesisFix(cable, subject.token.range) });
    for (const p of cable.paragraphs) {
      // "2. (C" ⏎ ") …": a marking split over two lines is CBL028's.
      if (!p.portion || p.portion.split) continue;
      markingAfterLabel(cable, p, p.portion, report);
      // "( C )", "(S/ NF)": a marking read well, with spaces inside its parentheses or beside a slash.
      if (p.portion.wellFormed) straySpaces(cable, p.portion, report);
    }
    for (const item of cable.itemMarkings) {
      if (item.portion.wellFormed) straySpaces(cable, item.portion, report);
      // "-- (S) (C) He named …": a second marking right after an item's.
      // The index tested before the read: a marking that ends its line would read past the end, which deoptimizes `check` in a cold run.
      const after = item.portion.token.range.end;
      const line = cable.lines[after.line];
      const next = skipSpaces(line, after.character);
      if (next < line.length && line.charCodeAt(next) === 40 /* ( */) markedTwice(cable, item.portion, describeItem(cable, item), report);
    }
    if (subject?.wellFormed) straySpaces(cable, subject, report);
    // "BACKGROUND ( C )": the marking that ends a heading's title, which the parser reads only when it is well formed.
    const headings = cable.headings;
    for (let i = 0; i < headings.length; i++) {
      const marking = headings[i].marking;
      if (!marking) continue;
      straySpaces(cable, marking, report);
      headingMarkedTwice(cable, headings[i], marking, report);
    }
  },
};

/**
 * A heading's title marked at its start and at its end ("(C) HARBOR PATROLS (S)"), or a title wrapped over two lines at the
 * start of its first line and the end of its last ("(C) RELATIONS WITH THE HARBOR" ⏎ "AUTHORITY (S)"): both are read, the
 * first as the marking that opens a line (`Cable.itemMarkings`), the second as the heading's (`Heading.marking`), so the
 * other marking rules weigh both; this reports that the title is marked twice, as a paragraph marked twice in a row is (markedTwice): a warning with one
 * fix for each marking kept, neither safe, or info with a fix that deletes the second where it copies the first.
 */
function headingMarkedTwice(cable: Cable, heading: Heading, ending: PortionMarking, report: Report): void {
  // "(C) RELATIONS WITH THE HARBOR" ⏎ "AUTHORITY (S)": a title wrapped over two lines opens on its first line, its lead.
  const opening = (heading.lead && openingMarking(cable, heading.lead.range.start)) ?? openingMarking(cable, heading.text.range.start);
  if (!opening) return;
  const start = opening.token.range.start;
  const text = cable.lines[start.line];
  const written = opening.token.text;
  const again = ending.token.text;
  // Keeping the first deletes the spaces before the ending marking and that marking; keeping the second deletes the opening one and the spaces after it.
  const keepFirst = { start: heading.text.range.end, end: ending.token.range.end };
  const keepSecond = { start: opening.token.range.start, end: { line: start.line, character: skipSpaces(text, opening.token.range.end.character) } };
  const what = describeHeading(heading);
  // A wrapped title's start is on another line than the one the heading is named by: "… at the start of its title on line 34 …".
  const where = start.line === ending.token.range.start.line ? '' : ` on line ${start.line + 1}`;
  if (again === written) {
    report({
      message: `${what} repeats its marking '${written}' at the end of its title; one marking belongs there.`,
      range: ending.token.range,
      severity: 'info',
      fixes: [{ title: `Delete the repeated '${again}'`, edits: [{ range: keepFirst, newText: '' }], safe: false }],
    });
    return;
  }
  report({
    message: `${what} is marked twice, '${written}' at the start of its title${where} and '${again}' at its end; it takes one marking, for the highest level of its title.`,
    range: { start: opening.token.range.start, end: ending.token.range.end },
    fixes: [
      { title: `Keep '${written}' and delete '${again}'`, edits: [{ range: keepFirst, newText: '' }], safe: false },
      { title: `Keep '${again}' and delete '${written}'`, edits: [{ range: keepSecond, newText: '' }], safe: false },
    ],
  });
}

/** The well-formed marking naming a level that opens a heading's line at `start`, if one does. */
function openingMarking(cable: Cable, start: Position): PortionMarking | undefined {
  const text = cable.lines[start.line];
  // "\u200B(C) HARBOR PATROLS (S)": an invisible character before the opening marking hides none (CBL035's).
  const at = markingStart(text, start.character);
  if (text.charCodeAt(at) !== 40 /* ( */) return undefined;
  const opening = parsePortionMarking(start.line, text, at);
  return opening?.level && opening.wellFormed ? opening : undefined;
}

/**
 * A paragraph's marking written after a block's label on its first line: its only marking, after the label (`¶1. Summary: (C) …`,
 * which the parser reads as the paragraph's), or a second one after the label that follows its marking (`¶2. (U) Comment: (C) …`,
 * which it does not read). The one marking belongs right after the number (`¶1. (C) Summary: …`).
 */
function markingAfterLabel(cable: Cable, p: Paragraph, portion: PortionMarking, report: Report): void {
  const line = p.marker.range.end.line;
  const mark = portion.token.range;
  if (mark.start.line !== line) return;
  const text = cable.lines[line];
  const labelStart = markingStart(text, skipSpaces(text, p.marker.range.end.character));
  if (labelStart < mark.start.character) {
    // "¶1.  Summary:  (C) President …": the fix writes the same characters in another order, "(C)  Summary:", and nothing else.
    // The label ends at its last character before the spaces, and any invisible character, in front of the marking.
    let labelEnd = mark.start.character;
    while (labelEnd > labelStart && (isSpace(text.charCodeAt(labelEnd - 1)) || isInvisible(text.charCodeAt(labelEnd - 1)))) labelEnd--;
    const label = text.slice(labelStart, labelEnd);
    const at = { start: { line, character: labelStart }, end: mark.end };
    report({
      message: `Paragraph ${p.number}'s marking '${portion.token.text}' comes after the '${label}' label; it belongs right after the paragraph number.`,
      range: at,
      severity: 'info',
      fixes: [{ title: `Write the marking '${portion.token.text}' before '${label}'`, edits: [{ range: at, newText: `${portion.token.text}${text.slice(labelEnd, mark.start.character)}${label}` }], safe: false }],
    });
    return;
  }
  const pos = skipSpaces(text, mark.end.character);
  // "¶3. (C) (S) Gauci …": a second marking right after the paragraph's.
  if (text.charCodeAt(pos) === 40 /* ( */) return markedTwice(cable, portion, `Paragraph ${p.number}`, report);
  // "¶2. (U) Comment: (C) The ministry …": a second marking after the label that follows the paragraph's.
  if (!mayOpenBlock(text.charCodeAt(pos), text.charCodeAt(pos + 1), text.charCodeAt(pos + 2))) return;
  OPENER.lastIndex = pos;
  const opener = OPENER.exec(text);
  if (!opener) return;
  const labelEnd = pos + opener[0].length;
  const second = parsePortionMarking(line, text, markingStart(text, skipSpaces(text, labelEnd)));
  if (!second?.level || !second.wellFormed || !portion.level) return;
  const label = opener[0];
  const written = portion.token.text;
  const again = second.token.text;
  const higher = levelRank(second.level) > levelRank(portion.level);
  report({
    message:
      again === written
        ? `Paragraph ${p.number}'s marking '${written}' is written again after its '${label}' label; the one marking belongs right after the paragraph number.`
        : higher
          ? `Paragraph ${p.number} is marked '${written}' after its number but '${again}' after its '${label}' label: its marking is lower than its text's, and the one marking belongs right after the number.`
          : `Paragraph ${p.number} is marked '${written}' after its number and '${again}' after its '${label}' label; the one marking belongs right after the number, for the highest level of the paragraph's text.`,
    range: second.token.range,
    severity: higher ? 'warning' : 'info',
    // The copy alone is deleted; which marking a paragraph marked twice keeps otherwise is the user's to choose.
    fixes: again === written ? [{ title: `Delete the repeated '${again}'`, edits: [{ range: { start: { line, character: labelEnd }, end: second.token.range.end }, newText: '' }], safe: false }] : undefined,
  });
}

/**
 * A second marking right after `first`, a paragraph's or an item's (`¶3. (C) (S) Gauci …`, `-- (S) (C) He named …`), which
 * the parser does not read: the text is marked twice, and read as the first. `what` names the paragraph or item, as the
 * subject of the message's sentence. Which marking the text keeps is the user's to choose, since keeping one raises or lowers
 * the other: one fix for each marking kept, neither safe nor preferred; a copy of the first gets the one fix that deletes it.
 */
function markedTwice(cable: Cable, first: PortionMarking, what: string, report: Report): void {
  if (!first.level) return;
  const mark = first.token.range;
  const line = mark.end.line;
  const text = cable.lines[line];
  const second = parsePortionMarking(line, text, skipSpaces(text, mark.end.character));
  // "(C) (EU) officials", "(C) (S-300) missiles": prose in parentheses names no level, or no known form.
  if (!second?.level || !second.wellFormed) return;
  const written = first.token.text;
  const again = second.token.text;
  // Keeping the first deletes the spaces before the second and the second; keeping the second deletes the first and the spaces after it.
  const keepFirst = { start: mark.end, end: second.token.range.end };
  const keepSecond = { start: mark.start, end: second.token.range.start };
  if (again === written) {
    report({
      message: `${what} repeats its marking '${written}'; one marking belongs there.`,
      range: second.token.range,
      severity: 'info',
      fixes: [{ title: `Delete the repeated '${again}'`, edits: [{ range: keepFirst, newText: '' }], safe: false }],
    });
    return;
  }
  report({
    message: `${what} is marked twice, '${written}' then '${again}', and is read as '${written}', the first; it takes one marking, for the highest level of its text.`,
    range: { start: mark.start, end: second.token.range.end },
    fixes: [
      { title: `Keep '${written}' and delete '${again}'`, edits: [{ range: keepFirst, newText: '' }], safe: false },
      { title: `Keep '${again}' and delete '${written}'`, edits: [{ range: keepSecond, newText: '' }], safe: false },
    ],
  });
}

/**
 * A marking read well but written with spaces inside its parentheses or beside a slash ("( C )", "(S/ NF)", "(S//NF )"):
 * reported with a fix that deletes those spaces alone, which reads as the same level and controls.
 */
function straySpaces(cable: Cable, portion: PortionMarking, report: Report): void {
  const fix = spacesFix(cable, portion.token.range);
  if (fix) report({ message: `Portion marking '${portion.token.text}' has stray spaces inside its parentheses: '${fix.marking}'.`, range: portion.token.range, fixes: [fix.fix] });
}

/**
 * The fix of a marking with stray spaces ("( C )", "(S/ NF)", "(S /NF)"): each run of white space right after its "(",
 * right before its ")" or beside a slash deleted, and nothing else ("(C NF)", whose space separates, and "(S/REL TO USA, GBR)"
 * keep theirs). Only where the marking without them reads as a known form with the same level, so that the fix never changes
 * it. Undefined when there are no such spaces; `marking` is the marking it writes.
 */
function spacesFix(cable: Cable, at: Range): { readonly fix: Fix; readonly marking: string } | undefined {
  if (at.start.line !== at.end.line) return undefined;
  const line = at.start.line;
  const text = cable.lines[line].slice(at.start.character, at.end.character);
  const last = text.length - 1;
  if (text.charCodeAt(0) !== 40 /* ( */ || text.charCodeAt(last) !== 41 /* ) */) return undefined;
  const runs: [number, number][] = [];
  for (let k = 1; k < last; ) {
    if (!isSpace(text.charCodeAt(k))) {
      k++;
      continue;
    }
    let end = k;
    while (end < last && isSpace(text.charCodeAt(end))) end++;
    if (k === 1 || end === last || text.charCodeAt(k - 1) === 47 /* / */ || text.charCodeAt(end) === 47) runs.push([k, end]);
    k = end;
  }
  if (runs.length === 0) return undefined;
  let marking = '';
  let from = 0;
  for (const [start, end] of runs) {
    marking += text.slice(from, start);
    from = end;
  }
  marking += text.slice(from);
  const before = parsePortionMarking(0, text, 0);
  const after = parsePortionMarking(0, marking, 0);
  if (!before || !after?.wellFormed || after.level !== before.level || after.sbu !== before.sbu) return undefined;
  const edits = runs.map(([start, end]) => ({ range: { start: { line, character: at.start.character + start }, end: { line, character: at.start.character + end } }, newText: '' }));
  // Not safe, as no fix of this rule is: Fix All applies the fixes of a rule that are all safe.
  return { fix: { title: `Write the marking '${marking}'`, edits, safe: false }, marking };
}

// A marking whose level lost the slash before NF, as the parser reads it: "(SNF)", "(CNF)".
const GLUED_NF = /^\((TS|S|C|U)NF\)$/;

/**
 * The fix of a marking that lost its "(" or its ")" ("C)", "(C Deputy …"): the parenthesis written back, which keeps the
 * level read from it; of one that lost the slash before NF ("(SNF)"), the standard form of the same reading ("(S/NF)");
 * of one whose only unknown control is one edit from a control ("(S/NOFRN)"), that control, for the user to choose;
 * none for a marking of an unknown form ("(N/SF)"), whose level is a guess.
 */
function parenthesisFix(cable: Cable, at: Range): Fix[] | undefined {
  if (at.start.line !== at.end.line) return undefined;
  const text = cable.lines[at.start.line].slice(at.start.character, at.end.character);
  const open = text.charCodeAt(0) === 40; /* ( */
  const close = text.charCodeAt(text.length - 1) === 41; /* ) */
  // "(5)", "(5/NF)": the S a 5 stands for, which only the user may choose: a level is never written unasked.
  if (open && close && text.charCodeAt(1) === 53 /* 5 */) {
    const marking = `(S${text.slice(2)}`;
    return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
  }
  // "(SNF)": a level that lost its slash before NF, read as that level and NOFORN, whose standard form is certain.
  const glued = open && close ? GLUED_NF.exec(text) : null;
  if (glued) {
    const marking = `(${glued[1]}/NF)`;
    return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
  }
  // "(S /NF)", "(S // NF)": a marking no known form only for the spaces beside its slash, whose fix deletes them.
  // "(CINF)", "(C1NF)": the "I" (or "l", "|", "1") written as the slash it stands for, "(C/NF)"; "(CIINF)" as "(C//NF)".
  const slashed = open && close ? SLASH_MISREAD_NF.exec(text.slice(1, -1)) : null;
  if (slashed) {
    const marking = `(${slashed[1]}${'/'.repeat(slashed[2].length)}NF)`;
    return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
  }
  // "lC)": the "l" (or "I", "|") written as the "(" it stands for.
  if (!open && close && standsForOpen(text.charCodeAt(0))) {
    const marking = `(${text.slice(1)}`;
    return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
  }
  const spaces = open && close ? spacesFix(cable, at) : undefined;
  if (spaces) return [spaces.fix];
  if (open && close) return danglingFix(at, text) ?? nearControlFix(cable, at, text);
  // "(CI The …": the "I" (or "l", "1", "|") written as the ")" it stands for; "(C/FGI The …" lost its ")" after FGI.
  if (open && standsForClose(text.charCodeAt(text.length - 1)) && !parseUnclosedMarking(at.start.line, cable.lines[at.start.line], at.start.character)) {
    const marking = `${text.slice(0, -1)})`;
    return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
  }
  // "{C)", "(C}": the brace or bracket written as the parenthesis it stands for.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const opened = first === 123 || first === 91 ? `(${text.slice(1)}` : open ? text : `(${text}`;
  const marking = last === 125 || last === 93 ? `${opened.slice(0, -1)})` : close ? opened : `${opened})`;
  // Not preferred, as no fix that writes a marking is: Auto Fix applies a preferred fix unseen.
  return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
}

/**
 * "(S/NF/)", "(C//)", "(S-)": a marking whose last separator (a slash or two, a dash or a comma) has nothing after it; the
 * fix writes it without that separator, which keeps the level and controls read from it. Not safe, as no fix that writes
 * a marking is. Undefined when the marking ends otherwise, or reads as no known form once the separator is gone.
 */
function danglingFix(at: Range, text: string): Fix[] | undefined {
  let end = trimEndOffset(text, text.length - 1, 1);
  const last = text.charCodeAt(end - 1);
  if (last !== 47 /* / */ && last !== 45 /* - */ && last !== 44 /* , */) return undefined;
  end--;
  if (last === 47 && text.charCodeAt(end - 1) === 47) end--;
  const marking = `${text.slice(0, trimEndOffset(text, end, 1))})`;
  const reading = parsePortionMarking(0, marking, 0);
  if (!reading?.wellFormed || reading.token.text !== marking) return undefined;
  return [{ title: `Write the marking '${marking}'`, edits: [{ range: at, newText: marking }], safe: false }];
}

/**
 * "(S/NOFRN)", "(C//ORCN)": a marking whose level is read and whose one unknown control is a letter away from a control's
 * spelling; the fix writes that control in its place and keeps the rest, level included. Not safe: the control is a guess.
 */
function nearControlFix(cable: Cable, at: Range, text: string): Fix[] | undefined {
  const marking = parsePortionMarking(at.start.line, cable.lines[at.start.line], at.start.character);
  const slip = marking?.level && marking.token.text === text ? misspeltControl(marking) : undefined;
  const offset = slip ? text.toUpperCase().indexOf(slip.word, 1) : -1;
  if (!slip || offset < 0) return undefined;
  const written = text.slice(offset, offset + slip.word.length);
  const spelled = written === written.toLowerCase() ? slip.control.toLowerCase() : slip.control;
  const fixed = `${text.slice(0, offset)}${spelled}${text.slice(offset + slip.word.length)}`;
  return [{ title: `Write the marking '${fixed}'`, edits: [{ range: at, newText: fixed }], safe: false }];
}
