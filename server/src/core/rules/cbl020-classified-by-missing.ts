/**
 * CBL020 classified-by-missing: A CONFIDENTIAL or SECRET cable has no Classified By line, or one that names no one and no reasons;
 * one that gives no reasons is an info.
 */
import { linesAsRead } from '../parse/margin';
import { documentStart, fieldLineFix, isClassified, misspelledLabel, replaceFix } from './util';
import type { Cable } from '../model';
import type { Rule } from './types';

/**
 * Whether the release may have taken the reasons from the lines `from`–`to`: the last ends with an ellipsis, cut short
 * ("Classified By: A...", "Acting Offic…"), or one holds an X-run, blanked ("Classified By: XXXXXXXXXXXX").
 */
function releaseTookReasons(lines: readonly string[], from: number, to: number): boolean {
  const last = (lines[to] ?? '').trimEnd();
  if (last.endsWith('...') || last.endsWith('…')) return true;
  for (let l = from; l <= to; l++) if (/xxxxx/i.test(lines[l] ?? '')) return true;
  return false;
}

/**
 * Whether the release cut the text short in its metadata, before the place of the Classified By line: no paragraph
 * follows, and the text's last line is a field's and ends with an ellipsis ("SUBJECT: … BUT MUCH DEPENDS ON RESULT...").
 */
function cutInMetadata(cable: Cable): boolean {
  if (cable.paragraphs.length > 0) return false;
  // A line of a scan's margin alone ("07") is blank.
  const lines = linesAsRead(cable);
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  const fieldsEnd = Math.max(cable.eo?.range.end.line ?? -1, cable.tags?.range.end.line ?? -1, cable.subject?.range.end.line ?? -1, cable.refs?.range.end.line ?? -1);
  return last >= 0 && last === fieldsEnd && releaseTookReasons(lines, last, last);
}

export const rule: Rule = {
  id: 'CBL020',
  name: 'classified-by-missing',
  description: "A CONFIDENTIAL or SECRET cable has no Classified By line, or one that names no one and no reasons; one that gives no reasons is an info.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "C O N F I D E N T I A L VALLETTA 000412\n…\nSUBJECT: …\n\n¶1. (C) …",
    good: "C O N F I D E N T I A L VALLETTA 000412\n…\nSUBJECT: …\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).\n\n¶1. (C) …",
    rationale: "Classified cables name who classified them and why (5 FAH-1 H-246): the reasons are the categories of the order that allow the classification. A label with a character wrong and its colon (`Classifled By:`, as OCR and typing leave it), or with a semicolon for its colon (`Classified By;`), is read as the Classified By line itself, which CBL049 reports; a line above the first paragraph whose label the parser cannot read so (`Classi fied By;`) is named as the missing line, with a fix that writes the label; where no line reads so, a quick fix (never applied by Fix All or `--fix`) writes `Classified By: ` a blank line under SUBJECT (or REF), for you to fill in, and leaves the banner as it is. A text the release cut short in its fields, with no paragraph and a last line that is a field's and ends with an ellipsis (`SUBJECT: … DEPENDS ON RESULT...`), lost its Classified By line with the rest, and is left alone.",
    source: "Corpus analysis of the released cables: present on 1,152 of 1,172 classified cables (FORMAT.md §7 rule 17); missing on 18 of 1,186, 1.5% (CORPUS-FINDINGS, 'Warnings'). A line without reasons: 1,074 of the 1,152 give a reason that can be read (FORMAT.md §7 rule 20); on the 200 cables of the project's corpus, 3 of 179 give none, two of them cut short by the release (`Classified By: A...`), which the rule leaves alone; one (09BERLIN1273) ends in its subject, cut short, with no line after it.",
  },
  check(cable, report) {
    if (!isClassified(cable)) return;
    const by = cable.classifiedBy;
    if (by) {
      if (!by.classifier && !by.section && by.reasons.length === 0) {
        report({ message: 'The Classified By line names no classifier and no reasons.', range: by.range });
      } else if (!by.derived && !by.section && by.reasons.length === 0 && !releaseTookReasons(cable.lines, by.range.start.line, by.range.end.line)) {
        // A classifier and no reasons ("Classified By: Eric Wong, Charge d'Affaires"): an info, since a copy may have lost
        // them; a line the release cut short or blanked is left alone.
        report({ message: 'The Classified By line gives no reasons for the classification (for example "for reasons 1.4 (b) and (d)").', range: by.range, severity: 'info' });
      }
      return;
    }
    // "Classi fied By; Jane Roe, …": the line is there, its label misread past what the parser reads.
    const label = misspelledLabel(cable, 'CLASSIFIEDBY', 'Classified By:');
    if (label) {
      const written = cable.lines[label.range.start.line].slice(label.range.start.character, label.range.end.character);
      report({ message: `${cable.banner!.level} cable has no Classified By line: '${written}' reads as a misspelled Classified By label.`, range: label.range, fixes: [replaceFix(`Write '${label.text}'`, label.range, label.text, false, true)] });
      return;
    }
    // 09BERLIN1273 ends in its subject, cut short: its Classified By line went with the rest of the text.
    if (cutInMetadata(cable)) return;
    const fix = fieldLineFix(cable, 'classifiedBy', 'Classified By: ');
    report({ message: `${cable.banner!.level} cable has no Classified By line.`, range: cable.subject?.range ?? documentStart(cable), ...(fix && { fixes: [fix] }) });
  },
};
