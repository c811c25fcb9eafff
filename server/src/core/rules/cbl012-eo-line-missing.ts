/**
 * CBL012 eo-line-missing: No E.O. line (E.O. 12958: DECL: …) after the banner, or an E.O. line that gives nothing after its order ('E.O. 13526:' left empty).
 */
import { orderInEffect } from './cbl041-eo-order-after-cable';
import { documentStart, fieldLineFix } from './util';
import type { Fix, Report, Rule } from './types';
import type { Cable, EoLine } from '../model';
import { isSpace } from '../text';

export const rule: Rule = {
  id: 'CBL012',
  name: 'eo-line-missing',
  description: "No E.O. line (E.O. 12958: DECL: …) after the banner, or an E.O. line that gives nothing after its order ('E.O. 13526:' left empty).",
  tags: ["metadata"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "SIPDIS\nTAGS: PREL MT",
    good: "SIPDIS\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL MT",
    rationale: "The E.O. line states the classification authority and when the cable is declassified. A quick fix (never applied by Fix All or `--fix`) writes the line's keyword at its place, above TAGS or under the banner's caveats, naming the order in effect on the cable's date (`E.O. 13526: `, or `E.O. 12958: ` before 25 June 2010), for you to go on with the DECL date or N/A. An E.O. line left with nothing after its order (`E.O. 13526:`, a template's field never filled in, or that quick fix's line not gone on with) declassifies the cable on no date, as no E.O. line does, and is reported at the line, as an empty TAGS or SUBJECT line is (CBL017, CBL019; `E.O. 13526: DECL:` with no date is CBL015's); on an UNCLASSIFIED cable, where the value can only be N/A, a quick fix for you to choose writes it (`E.O. 13526: N/A`). A DECL value that the line wrapped onto the line under it (`E.O. 12958:` ⏎ `DECL: 03/07/2019`, the line under it opening with the DECL keyword, or `E.O. 12958:` ⏎ `N/A`, a value alone that the DECL reader knows, as under a DECL keyword that gives none, `E.O. 12958: DECL:` ⏎ `03/07/2019`) is the line's, read and checked where it is written (CBL015), and the fields under it are read as ever.",
    source: "FORMAT.md §5; corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): missing in 1 of 1,295 (a truncated file); no E.O. line of the 200 cables of the corpus is left with nothing after its order.",
  },
  check(cable, report) {
    const eo = cable.eo;
    if (eo) {
      // "E.O. 13526:" with nothing after it: no DECL date, no N/A.
      if (!eo.decl) reportEmpty(cable, eo, report);
      return;
    }
    // The order completion offers too: E.O. 13526 from 25 June 2010, by the cable's date, else today's.
    const fix = fieldLineFix(cable, 'eo', `E.O. ${orderInEffect(cable.date)}: `);
    report({ message: 'No E.O. line (for example "E.O. 12958: DECL: 05/27/2019").', range: documentStart(cable), ...(fix && { fixes: [fix] }) });
  },
};

/**
 * An E.O. line that gives nothing after its order ("E.O. 13526:", "E.O. 12958"), reported at the line. On an UNCLASSIFIED
 * cable, whose value can only be N/A, with a fix for the user to choose that writes it after the colon, which it writes too
 * where the line has none ("E.O. 12958" becomes "E.O. 12958: N/A").
 */
function reportEmpty(cable: Cable, eo: EoLine, report: Report): void {
  // The order as written, but for one cut short ("E.O. 1295"), which the example names as completion would.
  const label = `E.O. ${eo.order?.text.length === 5 ? eo.order.text : orderInEffect(cable.date)}`;
  const unclassified = cable.banner?.level === 'UNCLASSIFIED';
  const example = unclassified ? `${label}: N/A` : `${label}: DECL: 05/27/2019`;
  let fix: Fix | undefined;
  if (unclassified) {
    const text = cable.lines[eo.line];
    const end = eo.range.end;
    // The white space after the line's last character, up to the line's end, is replaced; a field sharing the line is kept.
    let to = end.character;
    while (to < text.length && isSpace(text.charCodeAt(to))) to++;
    const colon = text.charCodeAt(end.character - 1) === 58; /* : */
    const newText = `${colon ? ' ' : ': '}N/A${to < text.length ? ' ' : ''}`;
    fix = { title: `Write '${label}: N/A'`, edits: [{ range: { start: end, end: { line: end.line, character: to } }, newText }], safe: false };
  }
  report({ message: `The E.O. line gives no DECL date or N/A (for example "${example}").`, range: eo.range, ...(fix && { fixes: [fix] }) });
}
