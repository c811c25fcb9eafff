#!/usr/bin/env node
// Writes test/fixtures/rules/<id>-<name>.{bad,good}.cable from the invented samples:
// the good fixture is the clean sample (or a variant, where an entry says so), the bad one carries exactly one defect.
// Re-run after changing a mutation; then review the sidecars (`npm run accept` rewrites them).
// Usage: node scripts/make-rule-fixtures.mjs [--check]   (--check: fail if a committed fixture differs)
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test/fixtures/rules');
const sample = (name) => readFileSync(join(root, 'test/fixtures/samples', name), 'utf8');

/** Replaces one occurrence, and fails loudly if the text is not there. */
function sub(text, from, to) {
  if (!text.includes(from)) throw new Error(`mutation source not found: ${from}`);
  return text.replace(from, to);
}
const dropLine = (text, line) => sub(text, line + '\n', '');

const V = sample('09VALLETTA412.cable');
// The sample's last paragraph with "(ref" ending one line and `letter` starting the next, and "para" and `number` likewise;
// then a list whose "and" ends a line ("refs A and" / `letter`), and "REF A," ending a line before "para" `number`, a paragraph of REF A.
const brokenMentions = (t, letter, number) =>
  sub(
    t,
    'results before the summer season. A quick answer would build\ngoodwill.',
    `results before the summer season (ref\n${letter}). A quick answer, as para\n${number} says, would build goodwill (refs A and\n${letter}; REF A,\npara ${number}).`,
  );
// The sample's fourth paragraph going on with words a list reader could take for items: a count after "para 3,", a designation
// after "ref B,", an abbreviation after "ref A,", the word "A" after "REF A AND", and "Ref A" ending a line before "and B)".
const listProse = (t) =>
  sub(
    t,
    'confirm the course dates in para 3.',
    'confirm the course dates in para 3, 12\nofficers having applied (ref B, C-130 flights included). The\nagencies agree (ref A, D.C. staff said; REF A AND A NEW NOTE;\nRef A\nand B).',
  );
// The Lisbon fixtures are older than the sample's REF line (added for citations without a year, 8dbb492):
// they are made without it and the blank line after it, so that the lines in their sidecars stay where they are.
const L = sub(sample('08LISBON977.cable'), 'REF: A. LISBON 912 B. 07 LISBON 1540\n\n', '');
const Q = sample('09QUITO288.cable');
// An item under paragraph 2 marked by `lead` ("-- (S)"), then a line opened by a marking of its own.
const ministersItem = (t, lead) => sub(t, 'the governing program.\n', `the governing program.\n${lead} He named the three outgoing ministers in confidence.\n(U) He asked that the names be kept until the announcement.\n`);

// A Department cable: Quito's sample as if sent from the Department (CBL042's fixtures sign it RICE or CLINTON).
const D = (t) => sub(t, 'QUITO 000288', 'STATE 000288');

// The sample's third paragraph as a release blanks a whole paragraph: one line of X's in its place.
// An item under paragraph 2 marked `marking`, then a line that "(EU)" opens as prose.
const gaucisItem = (t, marking) => sub(t, 'through a single liaison officer.\n', `through a single liaison officer.\n-- ${marking} He named the officer he would send, whom the\n(EU) mission also knows.\n`);
// An item under paragraph 1, after its Summary, marked NOFORN.
const summaryItem = (t) => sub(t, 'boat traffic. End Summary.\n', 'boat traffic. End Summary.\n-- (S/NF) Gauci asked that his name not be used.\n');
// The sample's last paragraph with a year wrapped to a line's start, after `pilcrow` ("¶" as a release leaves it, or nothing).
const wrappedYear = (t, pilcrow) => sub(t, 'results before the summer season. A quick answer would build\ngoodwill. End Comment.', `results before the tourist season ends in September\n${pilcrow}2009. A quick answer would build goodwill. End Comment.`);
const blankedParagraph = (t) => sub(t, '¶3. (C) Gauci also raised the training offer described in REF B.\nHe would send four officers in the autumn if the course dates\nare fixed by July.', 'XXXXXXXXXXXX');

// Paragraph 3 of the sample gone, paragraph 2's last line written as `last` (one long line) and paragraph 4 right under it, as
// paragraph 3's number the release blanked with the end of the line would leave it; the paragraphs after it numbered on.
const redactedBreak = (t, last) =>
  sub(
    sub(sub(t, '¶5. (C) Comment', '¶6. (C) Comment'), '¶4. (S/NF) Post', '¶5. (S/NF) Post'),
    'Libyan coast at night (REF A). He asked whether the Sixth Fleet\ncould share position reports through a single liaison officer.\n\n¶3. (C) Gauci also raised the training offer described in REF B.\nHe would send four officers in the autumn if the course dates\nare fixed by July.\n',
    `Libyan coast at night (REF A). ${last}\n¶4. (C) Gauci also raised the training offer described in REF B.\n`,
  );
// The sample with its closing Comment left open before a last paragraph of clearance, which closes the cable (09KABUL376).
const clearance = (t) => sub(t, 'goodwill. End Comment.\n', 'goodwill.\n\n¶6. (U) Commander Roe cleared this cable.\n');
// A copy whose header lost its caveat, TAGS and SUBJECT lines, and the end of its Classified By line (seed 001).
const HEADER_CUT = "Cablegate: Readout of the May Harbor Talks with Malta\n\nDE RUEHC #1412/01 1541322\nP 031322Z JUN 09\n\nS E C R E T SECTION 01 OF 02 STATE 051412\n\n\nE.O. 12958: DECL: 6/3/19\n\nClassified By: Deputy Assistant Secretary Ruth Calloway for reasons 1.4(b,\n\n1. (S/NF) Summary. On May 28, 2009, Deputy Assistant Secretary\nRuth Calloway hosted the second round of harbor talks with the\ndirector of the Maltese harbor authority, Anton Gauci. The two\nsides agreed on a standing channel for night patrols. End\nSummary.\n\n2. (C) Gauci asked for four training slots in the autumn and for\na shared picture of small boat traffic south of the island.\n\n3. (S/NF) Calloway said the Department would confirm the course\ndates by July.\nCLINTON\n";

// [name, base, bad, good, lint, companions]: `bad` makes the failing fixture from the base, `good` (by default the base itself) the clean one;
// `lint`, when given, holds what each is linted with besides its text (`{ bad: { fileName }, good: { fileName } }`, `{ workspace: [NAME] }`),
// written to `….json`; `companions`, the texts of the other cables a `workspace` names, by file name.
const fixtures = [
  ['cbl001-header-line-malformed', V, (t) => sub(sub(sub(t, '#0412/01 1541322', '#04Z2/01 1541322'), 'WASHINGTON DC PRIORITY', 'WASHINGTON DC PRIORTY'), 'TRIPOLI PRIORITY 0214', 'TRIPOLI PRIROITY 0214')],
  ['cbl002-header-order', V, (t) => sub(t, 'PP RUEHWEB\nDE RUEHVT #0412/01 1541322', 'DE RUEHVT #0412/01 1541322\nPP RUEHWEB')],
  ['cbl003-routing-indicator-malformed', V, (t) => sub(t, 'RUEHBS/USEU', 'RU3HBS/USEU')],
  ['cbl004-dtg-invalid', V, (t) => sub(t, 'P 031322Z JUN 09', 'P 032522Z JUN 09')],
  ['cbl005-de-serial-mismatch', V, (t) => sub(t, '#0412/01', '#0413/01')],
  ['cbl006-julian-day-mismatch', V, (t) => sub(t, '1541322', '1531322')],
  ['cbl007-security-group-mismatch', V, (t) => sub(t, 'ZNY SSSSS ZZH', 'ZNY CCCCC ZZH')],
  ['cbl008-precedence-mismatch', V, (t) => sub(t, 'PP RUEHWEB', 'OO RUEHWEB')],
  ['cbl009-section-mismatch', V, (t) => sub(t, '#0412/01', '#0412/02')],
  ['cbl010-banner-missing', L, (t) => dropLine(t, 'UNCLAS SECTION 01 OF 02 LISBON 000977')],
  ['cbl011-banner-malformed', V, (t) => sub(t, 'S E C R E T SECTION', 'SS E C R E T SECTION')],
  ['cbl012-eo-line-missing', V, (t) => dropLine(t, 'E.O. 12958: DECL: 06/03/2019')],
  ['cbl013-eo-order-unknown', V, (t) => sub(t, 'E.O. 12958', 'E.O. 12598')],
  ['cbl014-eo-na-on-classified', V, (t) => sub(t, 'E.O. 12958: DECL: 06/03/2019', 'E.O. 12958: N/A')],
  // The clean fixture's value is blanked by the release, as redacted copies have it.
  ['cbl015-decl-invalid', V, (t) => sub(t, 'DECL: 06/03/2019', 'DECL: 06/03/2O19'), (t) => sub(t, 'DECL: 06/03/2019', 'DECL: XXXXXXXXXXXX')],
  ['cbl016-decl-before-cable', V, (t) => sub(t, 'DECL: 06/03/2019', 'DECL: 06/03/2008')],
  ['cbl017-tags-missing', V, (t) => dropLine(t, 'TAGS: PREL PGOV MARR MOPS MT LY')],
  ['cbl018-tags-duplicate', V, (t) => sub(t, 'TAGS: PREL PGOV MARR MOPS MT LY', 'TAGS: PREL PGOV MARR MOPS MT LY PREL')],
  // A label misread, which the rule names with its fix; a line dropped is the recall test's.
  ['cbl019-subject-missing', Q, (t) => sub(t, 'SUBJECT: ECUADORIAN MINISTER', 'S UBJECT; ECUADORIAN MINISTER')],
  ['cbl020-classified-by-missing', Q, (t) => sub(t, 'Classified By: Ambassador Helen Marsh', 'Classi fied By; Ambassador Helen Marsh')],
  ['cbl021-classified-by-on-unclassified', L, (t) => sub(t, 'NEW CONTAINER TERMINAL\n', 'NEW CONTAINER TERMINAL\n\nClassified By: EconOff Dana Pires for reasons 1.4 (b).\n')],
  ['cbl022-classification-reason-invalid', Q, (t) => sub(t, '1.4 (b) and (d)', 'l.4 (b) and (k)')],
  // The clean one marks its REF items ("A. (C) …", "¶B. (S/NF) …"): a marking after the letter is no second letter.
  ['cbl023-ref-letter-sequence', V, (t) => sub(t, '¶B. STATE 51120', '¶C. STATE 51120'), (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120', 'REF: A. (C) VALLETTA 388\n¶B. (S/NF) STATE 51120')],
  // Both fixtures stand for a copy whose release blanked paragraph 3, leaving one line of X's: the gap it leaves is no finding.
  ['cbl024-paragraph-number-sequence', V, (t) => blankedParagraph(sub(t, '¶5. (C) Comment', '¶6. (C) Comment')), (t) => blankedParagraph(t)],
  ['cbl025-paragraph-number-duplicate', V, (t) => sub(t, '¶3. (C) Gauci', '¶2. (C) Gauci')],
  // Both fixtures wrap a year to a line's start; the failing one with the pilcrow the release put before it, a second artifact
  // of the rule's, which Fix All deletes with the first one's repair.
  ['cbl026-pilcrow-artifact', V, (t) => wrappedYear(sub(t, '¶3. (C) Gauci', '¶ 13. (C) Gauci'), '¶'), (t) => wrappedYear(t, '')],
  // The clean fixture also closes a Note with "End" and "Note.)" on two lines, one closer (5bdd1ec).
  ['cbl027-block-unbalanced', V, (t) => sub(t, 'boat traffic. End Summary.', 'boat traffic.'),
    // The clean fixture's last heading is a closing Summary after the cable's own, which runs to the end of the text;
    // so does the Comment that opens its last paragraph, left without "End Comment." before the signature.
    (t) => sub(sub(t, 'season. A quick answer would build\ngoodwill. End Comment.', 'season. (Note: his term runs to 2011. End\nNote.) A quick answer would build goodwill.'), 'NEXT STEPS\n----------', 'SUMMARY\n-------')],
  // The clean fixture leaves the same paragraph unmarked under a first paragraph marked for the entire text.
  ['cbl028-portion-marking-missing', V, (t) => sub(sub(sub(t, '¶3. (C) Gauci', '¶3. Gauci'), '¶5. (C) Comment', '¶5.\n(C) Comment'), 'goodwill. End Comment.\n', 'goodwill. End Comment.\n6.\n(U) Post will report the course dates once they are fixed.\n\n7. (C\n) The harbor master will call on the Ambassador.\n8. (U\n) Post will report on the call.\n'), (t) => sub(sub(t, '¶1. (C) Summary', '¶1. (S - ENTIRE TEXT) Summary'), '¶3. (C) Gauci', '¶3. Gauci')],
  // Both fixtures also mark an item under paragraph 2: the failing one with a control no one knows, the clean one well,
  // over a line that a parenthesis in capitals opens as prose ("(EU) mission").
  // The failing fixture also has a marking that lost its ")", which the rule's fix writes back, one after the Summary's label,
  // and a paragraph marked twice ("¶2. (S/NF) (C)").
  ['cbl029-portion-marking-malformed', V, (t) => sub(sub(sub(sub(sub(gaucisItem(t, '(S/NOFRN)'), '¶3. (C) Gauci', '¶3. (N/SC) Gauci'), '¶5. (C) Comment', '¶5. (C Comment'), '¶1. (C) Summary:', '¶1. Summary: (C)'), '¶4. (S/NF) Post', '¶4. ( S/ NF ) Post'), '¶2. (S/NF) Director', '¶2. (S/NF) (C) Director'), (t) => sub(gaucisItem(t, '(S/NF)'), '¶3. (C) Gauci', '¶3. (C NF) Gauci')],
  // The failing fixture marks an item under paragraph 2 above the banner too; the clean one marks two at or below it.
  // The clean one's subject ends with an item's letter, "OPTION (S)", which is no SECRET marking.
  ['cbl030-portion-marking-above-banner', Q, (t) => ministersItem(sub(t, '¶3. (U)', '¶3. (S)'), '-- (S)'), (t) => ministersItem(sub(t, 'PREVIEWS CABINET CHANGES\n', 'PREVIEWS CABINET CHANGES: OPTION (S)\n'), '-- (C)')],
  // The failing fixture blanks a name only; the clean one marks an item SECRET under paragraphs marked CONFIDENTIAL: the banner's level.
  ['cbl031-banner-above-portions', V, (t) => sub(t.replaceAll('(S/NF)', '(C/NF)'), 'Director Anton Gauci', 'Director XXXXXXXXXXXX'), (t) => gaucisItem(t.replaceAll('(S/NF)', '(C/NF)'), '(S)')],
  // Both fixtures mark an item under paragraph 1 NOFORN, above the paragraphs so marked: the failing one has no NOFORN caveat.
  ['cbl032-noforn-caveat-missing', V, (t) => summaryItem(sub(t, '\nNOFORN\n', '\n')), (t) => summaryItem(t)],
  ['cbl033-page-line-mismatch', V, (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 00000413 002 OF 002')],
  ['cbl034-page-line-sequence', V, (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 00000412 003 OF 002')],
  ['cbl035-invisible-character', V, (t) => sub(sub(t, 'Director Anton Gauci said', 'Director Anton\u200b Gauci said'), '¶3. (C) Gauci', '¶3. \u200b(C) Gauci')],
  ['cbl036-caveat-conflict', V, (t) => sub(t, '\nNOFORN\n', '\nNOFORN\nEXDIS\n')],
  // The failing fixture also opens the Classified By line with an office's words, which no field reads.
  ['cbl037-header-field-order', V, (t) => sub(sub(sub(t, 'E.O. 12958: DECL: 06/03/2019\nTAGS: PREL PGOV MARR MOPS MT LY', 'TAGS: PREL PGOV MARR MOPS MT LY\nE.O. 12958: DECL: 06/03/2019\nFOR THE HARBOR DESK'), '\nClassified By:', '\nFOR THE HARBOR DESK Classified By:'), 'MARITIME PATROLS\n', 'MARITIME PATROLS\nPLEASE PASS SUBJECT: HARBOR PATROLS\n')],
  ['cbl037-header-field-order.repeated', V, (t) => sub(sub(t, 'MARITIME PATROLS\n', 'MARITIME PATROLS\nSUBJECT: FERRY SCHEDULES FOR THE\nSUMMER SEASON\n'), 'Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).\n', 'Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).\nClassified By: DCM Piet Varga for reasons 1.4 (d).\n')],
  ['cbl038-decl-on-unclassified', L, (t) => sub(t, 'E.O. 12958: N/A', 'E.O. 12958: DECL: 11/12/2018')],
  // The clean one heads its second section with the banner again, as a concatenation of the sections does (00HARARE6677).
  ['cbl039-banner-section-invalid', V, (t) => sub(t, 'SECTION 01 OF 02', 'SECTION 03 OF 02'), (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'S E C R E T SECTION 02 OF 02 VALLETTA 000412')],
  ['cbl040-xyz-routing-mismatch', V, (t) => sub(t, 'VZCZCXRO5521\nPP RUEHWEB', 'VZCZCXYZ0000\nPP RUEHWEB RUEHRO'), (t) => sub(t, 'VZCZCXRO5521', 'VZCZCXYZ0000')],
  ['cbl041-eo-order-after-cable', V, (t) => sub(t, 'E.O. 12958', 'E.O. 13526')],
  ['cbl042-secretary-signature-date', Q, (t) => sub(D(t), '\nMARSH\n', '\nRICE\n'), (t) => sub(D(t), '\nMARSH\n', '\nCLINTON\n')],
  // The same text under two names: the defect is the file's name.
  ['cbl043-file-name-mismatch', V, (t) => t, (t) => t, { bad: { fileName: '09VALLETTA413.txt' }, good: { fileName: '09VALLETTA412.txt' } }],
  ['cbl044-tags-run-on', V, (t) => sub(t, 'MARR MOPS MT LY', 'MARR MOPSMT LY')],
  // Both fixtures also carry a REF letter and a paragraph number each on the line after its keyword ("(ref" / "B)").
  ['cbl045-reference-unresolved', V, (t) => brokenMentions(sub(t, 'described in REF B.', 'described in REF C.'), 'D', '9'), (t) => listProse(brokenMentions(t, 'B', '2'))],
  ['cbl046-paragraph-number-misread', V, (t) => sub(sub(sub(sub(t, '¶3. (C) Gauci', 'P3. (C) Gauci'), '¶1. (C) Summary', 'l. (C) Summary'), '¶4. (S/NF) Post', '¶4; (S/NF) Post'), '¶5. (C) Comment', '5: (C) Comment')],
  ['cbl047-page-number-stray', V, (t) => sub(t, 'He would send four officers in the autumn if the course dates\n', 'He would send four officers in the autumn if the course dates\n- 2 -\n')],
  // The year mistyped, 2091 for 2019; the clean fixture's DECL is 25 years after the cable to the day, the latest it may be.
  ['cbl048-decl-past-25-years', V, (t) => sub(t, 'DECL: 06/03/2019', 'DECL: 06/03/2091'), (t) => sub(t, 'DECL: 06/03/2019', 'DECL: 06/03/2034')],
  // A transcription's semicolons for colons and a zero for the O of E.O.; the Classified By label written twice, and a REF item's letter.
  ['cbl049-label-punctuation', V, (t) => sub(sub(sub(sub(sub(sub(t, 'E.O. 12958', 'E.0. 12958'), 'TAGS:', 'TAGS;'), 'SUBJECT:', 'SUBJECT;'), 'REF: A.', 'REP: A.'), 'Classified By:', 'Classified By; Classified by'), '¶B. STATE 51120', '¶B. (B) STATE 51120'),
    // The clean one marks its REF items, the third with the level its letter names ("¶C. (C) …"): a marking, not the letter written twice.
    (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120', 'REF: A. (S) VALLETTA 388\n¶B. (C) STATE 51120\n¶C. (C) STATE 51187')],
  // Portugal's TAG left out of a cable from Embassy Lisbon.
  ['cbl050-host-country-tag-missing', L, (t) => sub(t, 'EINV, PO', 'EINV')],
  // A zero for O, a one for L and a small l for I in TAGS; the clean fixture's G-8 is a known TAG, and N1 reads as both NI and NL.
  ['cbl051-tag-misread', V, (t) => sub(t, 'TAGS: PREL PGOV MARR MOPS MT LY', 'TAGS: PRE1 PG0V MARR MOPS MT LY KlRF, M0PS'), (t) => sub(t, 'TAGS: PREL PGOV MARR MOPS MT LY', 'TAGS: PREL PGOV MARR MOPS MT LY KIRF G-8 N1')],
  // A small l for the digit 1 in a REF citation's serial, between digits: read as STATE 51120.
  ['cbl052-ref-serial-misread', V, (t) => sub(t, '¶B. STATE 51120', '¶B. STATE 5l120')],
  // Citations of 2010 and 2011 in a cable of June 2009, one behind a portion marking; the clean one cites 2009 and 2008, its own
  // post's earlier serial with a year, and a code of law by title ("22 USC 2378"), whose "22" is no year.
  ['cbl053-ref-cites-later-cable', V,
    (t) => sub(sub(t, '¶B. STATE 51120\n', '¶B. 10 STATE 51120\n¶C. (C) 2011 VALLETTA 12\n¶D. 09 VALLETTA 390\n'), 'described in REF B.', 'described in REF B and REF C.'),
    (t) => sub(sub(t, '¶B. STATE 51120\n', '¶B. 09 STATE 51120\n¶C. (C) 2008 VALLETTA 12\n¶D. 09 VALLETTA 390\n¶E. 22 USC 2378\n'), 'described in REF B.', 'described in REF B and REF C.')],
  // Paragraphs of REF A, the cable VALLETTA 388 of 2009, named in the text: its copy in the workspace (the companion fixture,
  // Valletta's sample renumbered 388, paragraphs 1 to 5 and signed) has no paragraph 9, nor 6 in "paras 5 and 6", nor 6 or 7
  // in the range "paras 3-7" (6 between its ends); REF B's cable is not in the workspace, so its paragraph 4 is not checked.
  // The clean one names paragraphs 2 and 5 of REF A, and 2 to 5 by a range.
  ['cbl054-cited-paragraph-missing', V,
    (t) => sub(t, 'confirm the course dates in para 3.', 'confirm the course dates in para 3 (REF A para 9;\nREF B para 4; REF A, paras 5 and 6; REF A paras 3-7).'),
    (t) => sub(t, 'confirm the course dates in para 3.', 'confirm the course dates in para 3 (REF A para 2;\nREF B para 4; para 5 of ref A; REF A paras 2-5).'),
    { bad: { workspace: ['cbl054-cited-paragraph-missing.cited.cable'] }, good: { workspace: ['cbl054-cited-paragraph-missing.cited.cable'] } },
    { 'cbl054-cited-paragraph-missing.cited.cable': sub(sub(sub(V, '#0412/01', '#0388/01'), 'VALLETTA 000412', 'VALLETTA 000388'), 'VALLETTA 00000412', 'VALLETTA 00000388') }],
  // A paragraph's second line repeated under it with a 'Q' in front, and the fourth paragraph's opening line with a 'Q' for its
  // pilcrow, as released copies carry them (08OTTAWA918); the clean one has a line that opens with 'Qatar', which repeats nothing.
  ['cbl055-line-repeated', V,
    (t) => sub(sub(t, 'three unregistered vessels in May, each heading north from the\n', 'three unregistered vessels in May, each heading north from the\nQthree unregistered vessels in May, each heading north from the\n'), '¶4. (S/NF) Post recommends that EUCOM name a liaison officer and\n', '¶4. (S/NF) Post recommends that EUCOM name a liaison officer and\nQ4. (S/NF) Post recommends that EUCOM name a liaison officer and\n'),
    (t) => sub(t, 'Libyan coast at night (REF A). He asked whether the Sixth Fleet\n', 'Libyan coast at night (REF A), one flagged in\nQatar. He asked whether the Sixth Fleet\n')],
];

// A rule's further failing and clean fixtures for one kind of damage, `<id>-<name>.<variant>.{bad,good}.cable`, each with its
// sidecar, as the rule's own pair has them: [name, variant, base, bad, good]. Transcription damage (transcriber52): a letter
// scanned as a look-alike in the banner's level, a letter for a digit in the DTG, the DE line (transcriber53) and the E.O. order, a pilcrow scanned as the digit 9, a marking's slash or '(' and a reason's '(' scanned as an l or I, a reason's brace, a released copy's page stamps (transcriber53),
// a label split by a stray space or TAGS with a 5 for its S, a banner's post and serial run together, a DTG month one letter off one month, a marking's slash
// scanned as the digit 1, a DECL date's slash scanned as an l, a case stamp with its
// case number's letter lost above the banner, a scan's margin on every line (transcriber54). Not damage: a bracket that closes a Note or Comment, a clearance after a closing Comment, and an UNCLAS cable marked nowhere (noise54); REF items listed inline with initials, a paragraph number blanked with the end of the line above it, an inline Comment its paragraph closes, a header that lost its caveat, TAGS and SUBJECT lines (noise55).
// A heading of the Valletta sample (`HARBOR AUTHORITY REQUESTS`, `NEXT STEPS`) with `marking` ending its title, its rule as long as the line.
const markedHeading = (t, title, marking) => sub(t, `${title}\n${'-'.repeat(title.length)}\n`, `${title} ${marking}\n${'-'.repeat(title.length + marking.length + 1)}\n`);
// A heading of the Valletta sample written as `written`, its rule as long as the line.
// A ruled heading of the Valletta sample written between slashes instead (`//(C) NEXT STEPS//`), with no rule.
const slashTitle = (t, title, written) => sub(t, `${title}\n${'-'.repeat(title.length)}\n`, `${written}\n`);
const retitled = (t, title, written) => sub(t, `${title}\n${'-'.repeat(title.length)}\n`, `${written}\n${'-'.repeat(written.length)}\n`);
// A heading of the Valletta sample wrapped over two lines, `first` and `last`, over its rule as long as `last`; `gap` puts a blank line between them.
const wrappedHeading = (t, title, first, last, gap = false) => sub(t, `${title}\n${'-'.repeat(title.length)}\n`, `${first}\n${gap ? '\n' : ''}${last}\n${'-'.repeat(last.length)}\n`);
// The Valletta sample with its paragraphs marked `marking` where it marks them (S/NF).
const noSecretParagraphs = (t, marking) => sub(sub(t, '¶2. (S/NF) Director', `¶2. ${marking} Director`), '¶4. (S/NF) Post', `¶4. ${marking} Post`);
// The Valletta sample as a CONFIDENTIAL cable: its banner, security group and paragraphs.
const confidentialValletta = (t) => noSecretParagraphs(sub(sub(t, 'S E C R E T SECTION', 'C O N F I D E N T I A L SECTION'), 'ZNY SSSSS', 'ZNY CCCCC'), '(C/NF)');

// [name, variant, base, bad, good, lint]: as `fixtures`, a rule's further pair, `lint` written to `….<variant>.{bad,good}.json`.
const variants = [
  ['cbl001-header-line-malformed', 'dtg-misread', V, (t) => sub(t, 'P 031322Z JUN 09', 'P O3l322Z JUN O9')],
  // A REF item whose letter stands alone, its citation never written (items66): an item of its own, so the letter after it
  // keeps its place; the bad one letters the next item past it.
  ['cbl023-ref-letter-sequence', 'empty-item', V, (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120', 'REF: A. VALLETTA 388\n(B)\n(D) STATE 51120'),
    (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120', 'REF: A. VALLETTA 388\n(B)\n(C) STATE 51120')],
  ['cbl001-header-line-malformed', 'dtg-month-misread', V, (t) => sub(t, 'P 031322Z JUN 09', 'P 031322Z IUN 09')],
  ['cbl001-header-line-malformed', 'de-misread', V, (t) => sub(t, 'DE RUEHVT #0412/01 1541322', 'DE RUEHVT #O412/0l 154l322')],
  ['cbl046-paragraph-number-misread', 'pilcrow-nine', V, (t) => sub(t, '¶3. (C) Gauci', '93. (C) Gauci')],
  ['cbl011-banner-malformed', 'lookalike', V, (t) => sub(t, 'S E C R E T SECTION', 'S E C R F T SECTION')],
  ['cbl013-eo-order-unknown', 'misread', V, (t) => sub(t, 'E.O. 12958', 'E.O. l2958')],
  ['cbl022-classification-reason-invalid', 'paren-misread', V, (t) => sub(t, 'reasons 1.4 (b) and (d)', 'reasons 1.4 lb) and (d)')],
  ['cbl022-classification-reason-invalid', 'brace', V, (t) => sub(t, 'reasons 1.4 (b) and (d)', 'reasons 1.4 (b) and {d)')],
  ['cbl047-page-number-stray', 'release-stamp', V, (t) => sub(t, 'He would send four officers in the autumn if the course dates\n', 'He would send four officers in the autumn if the course dates\nRELEASED IN PART B1,1.4(D)\n'),
    (t) => sub(t, 'He would send four officers in the autumn if the course dates\n', 'He would send four officers in the autumn if the course dates\nreleased in full to the press\n')],
  ['cbl047-page-number-stray', 'case-stamp', V, (t) => sub(sub(t, 'VZCZCXRO5521\n', 'UNCLASSIFIED U.S. Department of State Case No. F-2031-05588 Doc No. C09876543 Date: 04/17/2032\nVZCZCXRO5521\n'), 'boat traffic. End Summary.\n', 'boat traffic. End Summary.\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2033\n')],
  // A Note opened after '(' whose ')' never comes (noise54); the clean one closes its Note with the ')' mid-sentence, wrapped,
  // and a Comment with a ']', neither with a closer: the bracket ends the aside (06PARIS2242, 06KIEV1261 write them so).
  ['cbl027-block-unbalanced', 'bracket', V, (t) => sub(t, 'are fixed by July.', 'are fixed by July (Note: the college sets them in\nJune.'),
    (t) => sub(t, 'are fixed by July.', 'are fixed by July (Note: the college sets them in\nJune). [Comment: The offer came unasked.]')],
  // An UNCLAS cable that leaves one paragraph out of its markings (noise54); the clean one marks none, as 17.5% of UNCLAS
  // cables do (09VLADIVOSTOK5, 08RIODEJANEIRO171).
  // A closing Comment left without "End Comment." before a paragraph of substance (noise54); the clean one has only a
  // paragraph of clearance after it, which closes the cable as the signature does (09KABUL376).
  ['cbl027-block-unbalanced', 'clearance', V, (t) => sub(t, 'goodwill. End Comment.\n', 'goodwill.\n\n¶6. (U) Post will report the course dates once they are fixed.\n\n¶7. (U) Commander Roe cleared this cable.\n'),
    (t) => sub(t, 'goodwill. End Comment.\n', 'goodwill.\n\n¶6. (U) Commander Roe cleared this cable.\n')],
  ['cbl028-portion-marking-missing', 'unclas', L, (t) => sub(t, '¶2. (U) The terminal', '¶2. The terminal'),
    (t) => sub(sub(sub(t, '¶1. (SBU) Summary', '¶1. Summary'), '¶2. (U) The terminal', '¶2. The terminal'), '¶3. (SBU) The operators', '¶3. The operators')],
  ['cbl029-portion-marking-malformed', 'slash-misread', V, (t) => sub(t, '¶4. (S/NF) Post', '¶4. (SINF) Post')],
  ['cbl029-portion-marking-malformed', 'open-misread', V, (t) => sub(t, '¶3. (C) Gauci', '¶3. lC) Gauci')],
  ['cbl011-banner-malformed', 'post-serial-joined', V, (t) => sub(t, 'SECTION 01 OF 02 VALLETTA 000412', 'SECTION 01 OF 02 VALLETTA000412')],
  ['cbl015-decl-invalid', 'slash-misread', V, (t) => sub(t, 'DECL: 06/03/2019', 'DECL: 06l03/2019')],
  ['cbl029-portion-marking-malformed', 'slash-digit', V, (t) => sub(t, '¶4. (S/NF) Post', '¶4. (S1NF) Post')],
  ['cbl047-page-number-stray', 'case-stamp-damaged', V, (t) => sub(t, 'RUEHBS/USEU BRUSSELS PRIORITY\n\n', 'RUEHBS/USEU BRUSSELS PRIORITY\n\nUNCLASSIFIED U.S. Department of State Case No. 2031-05588 Doc No. C09876543 Date: 04/17/2032\n')],
  ['cbl047-page-number-stray', 'margin', V, (t) => t.split('\n').map((l) => (l === '' ? '' : `| ${l}`)).join('\n')],
  ['cbl049-label-punctuation', 'split-label', V, (t) => sub(sub(sub(t, 'TAGS:', 'TAG5:'), 'SUBJECT:', 'SUBJ ECT:'), 'Classified By:', 'Classi fied By:')],
  // REF items listed on one line, each letter written again before a name (06ISLAMABAD3705's `A. A. MAIER - … B. B. LAMBERT - …`,
  // noise55): the second letter is the name's initial; the failing one writes the first item's letter again before a citation.
  ['cbl049-label-punctuation', 'initials', V, (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120', 'REF: A. A. VALLETTA 388  B. B. COLE - FARRUGIA EMAIL 21 APR 09'),
    (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120', 'REF: A. A. ROE - GAUCI EMAIL 02 MAY 09  B. B. COLE - FARRUGIA EMAIL 21 APR 09')],
  // Paragraph 3's number blanked with the end of the line above it, its text going on after the X's (09HARARE888, noise55); the
  // failing one has the redaction after a word, a name blanked, and the gap is reported.
  ['cbl024-paragraph-number-sequence', 'redacted', V, (t) => redactedBreak(t, "He listed the week's items for XXXXXXXXXXXX and asked whether the Sixth Fleet could share position reports through a single liaison officer."),
    (t) => redactedBreak(t, "He listed the week's items: Night Patrols... Training Slots... .XXXXXXXXXXXX He asked whether the Sixth Fleet could share position reports through a single liaison officer.")],
  // A name blanked after a sentence's end, its verb after the X's (10CARACAS147's `on XXXXXXXXXXXX. XXXXXXXXXXXX spoke`, noise56):
  // the failing one loses paragraph 3 under such a line, and the gap is reported; the clean one's X's blanked the end of the line
  // with paragraph 3's number, the sentence after them opening with a capital (09HARARE888).
  ['cbl024-paragraph-number-sequence', 'redacted-name', V, (t) => redactedBreak(t, "He met XXXXXXXXXXXX on XXXXXXXXXXXX. XXXXXXXXXXXX asked whether the Sixth Fleet could share position reports through a single liaison officer."),
    (t) => redactedBreak(t, "He listed the week's items: Night Patrols... Training Slots... .XXXXXXXXXXXX The Director asked whether the Sixth Fleet could share position reports through a single liaison officer.")],
  // A redacted sentence inside a Note, its closer after the X's (09ISTANBUL336's `results. XXXXXXXXXXXX End Summary.`, noise56): the
  // failing one loses paragraph 3 under it, and the gap is reported; the clean one's X's are followed by a sentence of its own.
  ['cbl024-paragraph-number-sequence', 'redacted-closer', V, (t) => redactedBreak(t, "He asked whether the Sixth Fleet could share position reports (Note: the items were agreed in May. XXXXXXXXXXXX End Note.)"),
    (t) => redactedBreak(t, "He asked whether the Sixth Fleet could share position reports. Training Slots... .XXXXXXXXXXXX The Director asked for a single liaison officer.")],
  // A given name blanked after a sentence's end, the surname and its verb after the X's (10SEOUL272's `DMZ. XXXXXXXXXXXX Chun
  // said`, rules57): the failing one loses paragraph 3 under such a line, and the gap is reported; the clean one's X's are
  // followed by a sentence of its own, opening with a pronoun and its verb.
  ['cbl024-paragraph-number-sequence', 'redacted-surname', V, (t) => redactedBreak(t, "He met the Director in May. XXXXXXXXXXXX Gauci said the Sixth Fleet could share position reports through a single liaison officer."),
    (t) => redactedBreak(t, "He listed the week's items: Night Patrols... Training Slots... .XXXXXXXXXXXX He said the Sixth Fleet could share position reports through a single liaison officer.")],
  // A blanked line ending a sentence the line above leaves open (06VIENNA515's `transliterations of` ⏎ `xxxxx.`, rules57): the
  // failing one loses paragraph 3 under it, and the gap is reported; the clean one's line above ends its sentence, the X's
  // standing for paragraphs the release blanked.
  ['cbl024-paragraph-number-sequence', 'blanked-words', V, (t) => redactedBreak(t, 'He asked whether the Sixth Fleet could share position reports with\nxxxxx.\n'),
    (t) => redactedBreak(t, 'He asked whether the Sixth Fleet could share position reports.\nxxxxx\n')],
  // A Comment opening a paragraph with paragraphs after it, left open (noise55); the clean one ends paragraph 3 with an inline
  // Comment that its paragraph's end closes (09RPODUBAI177's round-up).
  ['cbl027-block-unbalanced', 'inline', V, (t) => sub(clearance(t), '¶3. (C) Gauci also raised', '¶3. (C) Comment: Gauci also raised'),
    (t) => sub(clearance(t), 'are fixed by July.\n', 'are fixed by July. Comment: Gauci has asked for the same slots\ntwice before, and sent officers both times.\n')],
  // A header that lost its caveat, TAGS and SUBJECT lines (seed 001, noise55): the clean one; the failing one keeps its TAGS line,
  // and its missing caveat is reported.
  ['cbl032-noforn-caveat-missing', 'header-cut', HEADER_CUT, (t) => sub(t, 'E.O. 12958: DECL: 6/3/19\n', 'E.O. 12958: DECL: 6/3/19\nTAGS: PREL PGOV MARR MT\n')],
  // A closing Comment left open before a last paragraph of substance (noise56); the clean one's last paragraph says it continues
  // the Comment as 09RPODUBAI379 writes it, 'COMMENT (CONT):', and the Comment runs on to the end of the text.
  ['cbl027-block-unbalanced', 'continued', V, (t) => sub(t, 'goodwill. End Comment.\n', 'goodwill.\n\n¶6. (C) Gauci will press the point again in June.\n'),
    (t) => sub(t, 'goodwill. End Comment.\n', 'goodwill.\n\n¶6. (C) COMMENT (CONT): Gauci will press the point again in June.\n')],
  // A header with neither TAGS nor SUBJECT whose Classified By line ends whole (noise56): nothing shows that lines were lost, and
  // the missing caveat is reported; the clean one's Classified By line is cut after 'and', the header damaged as seed 001's is.
  ['cbl032-noforn-caveat-missing', 'header-whole', HEADER_CUT, (t) => sub(t, 'for reasons 1.4(b,\n', 'for reasons 1.4 (b) and (d).\n'),
    (t) => sub(t, 'for reasons 1.4(b,\n', 'for reasons 1.4 (b) and\n')],
  // The same whole header; the clean copy starts at its E.O. line, the banner and the lines above it cut away with the caveat.
  ['cbl032-noforn-caveat-missing', 'header-top', sub(HEADER_CUT, 'for reasons 1.4(b,\n', 'for reasons 1.4 (b) and (d).\n'), (t) => t,
    (t) => t.slice(t.indexOf('E.O. 12958'))],
  // A heading's marking at its title's end read as a portion (marking55): above the banner, the highest portion, NOFORN with no
  // caveat, NOFORN beside REL TO, stray spaces, an invisible character that hides it, and an UNCLAS cable whose only markings
  // are its headings'. No corpus heading ends with a marking; the clean CBL028 one ends with prose in parentheses. Not `NEXT STEPS`
// with one letter: `STEPS (C)` names a step by its letter (labelsItem).
  ['cbl030-portion-marking-above-banner', 'heading', confidentialValletta(V), (t) => markedHeading(t, 'NEXT STEPS', '(S/NF)'), (t) => markedHeading(t, 'NEXT STEPS', '(C/NF)')],
  ['cbl031-banner-above-portions', 'heading', noSecretParagraphs(V, '(C/NF)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(C/NF)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF)')],
  ['cbl032-noforn-caveat-missing', 'heading', noSecretParagraphs(sub(V, 'NOFORN\nSIPDIS', 'SIPDIS'), '(S)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S)')],
  ['cbl036-caveat-conflict', 'heading', V, (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF/REL NATO)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF)')],
  ['cbl029-portion-marking-malformed', 'heading', V, (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/ NF)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF)')],
  ['cbl035-invisible-character', 'heading', V, (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(\u200BC)'), (t) => markedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(C)')],
  ['cbl028-portion-marking-missing', 'heading', sub(sub(sub(L, '¶1. (SBU) Summary', '¶1. Summary'), '¶2. (U) The terminal', '¶2. The terminal'), '¶3. (SBU) The operators', '¶3. The operators'),
    (t) => sub(t, '¶2. The terminal', 'TERMINAL COSTS (SBU)\n--------------------\n\n¶2. The terminal'), (t) => sub(t, '¶2. The terminal', 'TERMINAL COSTS (PHASE 1)\n------------------------\n\n¶2. The terminal')],
  // A heading's title marked at its start and at its end (parser56): two markings that differ, and the same one twice; the
  // clean one marks each title once, at its start or at its end.
  ['cbl029-portion-marking-malformed', 'heading-twice', V, (t) => retitled(retitled(t, 'HARBOR AUTHORITY REQUESTS', '(C) HARBOR AUTHORITY REQUESTS (S/NF)'), 'NEXT STEPS', '(S/NF) PATROL PLANS (S/NF)'),
    (t) => retitled(retitled(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF) HARBOR AUTHORITY REQUESTS'), 'NEXT STEPS', 'PATROL PLANS (S/NF)')],
  // A title wrapped over two lines marked at the start of its first line and the end of its last (parser57): over its rule,
  // two markings that differ, and with a blank line between its lines, the same one twice; the clean one marks each title once.
  ['cbl029-portion-marking-malformed', 'heading-wrapped', V,
    (t) => wrappedHeading(wrappedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(C) HARBOR AUTHORITY REQUESTS FOR CLOSER TIES WITH', 'THE SIXTH FLEET (S/NF)'), 'NEXT STEPS', '(S/NF) PATROL PLANS AND A LIAISON OFFICER FOR THE', 'SIXTH FLEET (S/NF)', true),
    (t) => wrappedHeading(wrappedHeading(t, 'HARBOR AUTHORITY REQUESTS', '(S/NF) HARBOR AUTHORITY REQUESTS FOR CLOSER TIES WITH', 'THE SIXTH FLEET'), 'NEXT STEPS', 'PATROL PLANS AND A LIAISON OFFICER FOR THE', 'SIXTH FLEET (S/NF)', true)],
  // A title between slashes in place of a ruled one (marks58), its markings read as a plain title's: marked at both ends with
  // markings that differ (CBL029), and opened by a marking above the banner (CBL030); the clean ones mark each title once, at
  // or below the banner.
  ['cbl029-portion-marking-malformed', 'heading-slashes', V, (t) => slashTitle(t, 'HARBOR AUTHORITY REQUESTS', '//(C) HARBOR AUTHORITY REQUESTS (S/NF)//'),
    (t) => slashTitle(t, 'HARBOR AUTHORITY REQUESTS', '//(S/NF) HARBOR AUTHORITY REQUESTS//')],
  ['cbl030-portion-marking-above-banner', 'heading-slashes', confidentialValletta(V), (t) => slashTitle(t, 'NEXT STEPS', '//(S/NF) NEXT STEPS//'),
    (t) => slashTitle(t, 'NEXT STEPS', '//(C/NF) NEXT STEPS//')],
  // A page line whose numbers a scan damaged (parser56), read where the damage leaves them readable: a serial and a total that
  // differ from the banner's, and a page that skips the second; the clean ones give the banner's serial and the second page.
  ['cbl033-page-line-mismatch', 'damaged', V, (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 0000O413 002 OF 003'), (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 0000O412 002 OF 002')],
  // A blanked line ending a sentence the line above leaves open (06VIENNA515's `transliterations of` ⏎ `xxxxx.`), read as CBL024
  // reads it (marks58): words blanked, not paragraphs, so the markings left are all the cable's and the SECRET banner over
  // CONFIDENTIAL paragraphs is reported; the clean one's release blanked paragraph 3 whole, its marking with it.
  ['cbl031-banner-above-portions', 'blanked-words', noSecretParagraphs(V, '(C/NF)'), (t) => sub(t, 'could share position reports through a single liaison officer.', 'could share position reports with\nxxxxx.'), blankedParagraph],
  // A section's title blanked over its rule (10SEOUL272's shape), as CBL024 reads it (marks58): no paragraph blanked, and the
  // banner is reported; the clean one also blanks paragraph 3 whole.
  ['cbl031-banner-above-portions', 'blanked-title', noSecretParagraphs(V, '(C/NF)'), (t) => retitled(t, 'HARBOR AUTHORITY REQUESTS', 'XXXXXXXXXXXX'), (t) => blankedParagraph(retitled(t, 'HARBOR AUTHORITY REQUESTS', 'XXXXXXXXXXXX'))],
  // Paragraph 3 lost with the page after the first, the only blanked line ending a sentence the line above leaves open
  // (`with` ⏎ `xxxxx.`), as CBL024 reads it (marks58): words blanked, not pages, and the gap is reported; the clean one's line
  // above ends its sentence, the X's standing for the paragraphs and the page the release blanked.
  ['cbl034-page-line-sequence', 'blanked-words', sub(V, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 00000412 003 OF 003'), (t) => redactedBreak(t, 'He asked whether the Sixth Fleet could share position reports with\nxxxxx.\n'),
    (t) => redactedBreak(t, 'He asked whether the Sixth Fleet could share position reports.\nxxxxx\n')],
  ['cbl034-page-line-sequence', 'damaged', V, (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 00000412 OO3 OF 002'), (t) => sub(t, 'VALLETTA 00000412 002 OF 002', 'VALLETTA 00000412 OO2 OF 002')],
  // A REF field written a second time (parser56); the clean one writes the keyword again before the first list's next letter.
  // TAGS that lack the host country's TAG and carry a geographic TAG whose meaning the reference does not establish, in its
  // place (05SANAA923's YE for Yemen's YM): the finding names it without a meaning; the clean one carries both.
  ['cbl050-host-country-tag-missing', 'unestablished', L, (t) => sub(t, 'EINV, PO', 'EINV, GE'), (t) => sub(t, 'EINV, PO', 'EINV, PO, GE')],
  // The same TAGS where a user dictionary defines GE (`userTags`, as the editor and cablelint hand them over): the finding
  // names the missing host TAG alone, GE having the team's meaning; the clean one carries both.
  ['cbl050-host-country-tag-missing', 'user-dictionary', L, (t) => sub(t, 'EINV, PO', 'EINV, GE'), (t) => sub(t, 'EINV, PO', 'EINV, PO, GE'), { bad: { userTags: ['GE'] }, good: { userTags: ['GE'] } }],
  ['cbl037-header-field-order', 'repeated-ref', V, (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120\n', 'REF: A. VALLETTA 388\n¶B. STATE 51120\nREF: A. ROME 551\n¶B. TRIPOLI 214\n'),
    (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120\n', 'REF: A. VALLETTA 388\nREF: B. STATE 51120\n')],
  // A REF field written twice word for word (parser58), its second copy on one line; the clean one writes it once.
  ['cbl037-header-field-order', 'repeated-verbatim', V, (t) => sub(t, 'REF: A. VALLETTA 388\n¶B. STATE 51120\n', 'REF: A. VALLETTA 388\n¶B. STATE 51120\nREF: A. VALLETTA 388 ¶B. STATE 51120\n'), (t) => t],
];

/**
 * The text of every fixture, by file name (`cbl001-header-line-malformed.bad.cable`). An entry's `companions`, by file name,
 * are the other cables of the workspace its `lint` names (`{ workspace: [NAME] }`, CBL054's cited cable), written beside it.
 */
function ruleFixtures() {
  const files = new Map();
  for (const [name, base, bad, good = (t) => t, lint, companions = {}] of fixtures) {
    files.set(`${name}.bad.cable`, bad(base));
    files.set(`${name}.good.cable`, good(base));
    for (const kind of ['bad', 'good']) if (lint?.[kind]) files.set(`${name}.${kind}.json`, JSON.stringify(lint[kind], null, 2) + '\n');
    for (const [file, text] of Object.entries(companions)) files.set(file, text);
  }
  for (const [name, variant, base, bad, good = (t) => t, lint] of variants) {
    files.set(`${name}.${variant}.bad.cable`, bad(base));
    files.set(`${name}.${variant}.good.cable`, good(base));
    for (const kind of ['bad', 'good']) if (lint?.[kind]) files.set(`${name}.${variant}.${kind}.json`, JSON.stringify(lint[kind], null, 2) + '\n');
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = ruleFixtures();
  if (process.argv.includes('--check')) {
    // A fixture edited by hand, or made by hand, would be lost or left behind on the next run.
    const stale = [...files.keys()].filter((name) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== files.get(name));
    const extra = readdirSync(dir).filter((name) => (name.endsWith('.cable') || name.endsWith('.json')) && !files.has(name));
    for (const name of stale) console.error(`make-rule-fixtures: ${name} is not what the script writes`);
    for (const name of extra) console.error(`make-rule-fixtures: ${name} is not written by the script`);
    if (stale.length || extra.length) {
      console.error('make-rule-fixtures: the fixtures are out of date; change the script, run node scripts/make-rule-fixtures.mjs and review the diff');
      process.exit(1);
    }
  } else {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    console.log(`wrote ${files.size} fixtures`);
  }
}
