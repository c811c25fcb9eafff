/**
 * CBL022 classification-reason-invalid: Classification reason letters not valid for the cited section (a–g under sec. 1.5 of E.O. 12958, a–h under sec. 1.4 after E.O. 13292); sec. 1.5 after 2003 is info; 1:4 or 1/4 notation is a warning.
 */
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL022',
  name: 'classification-reason-invalid',
  description: "Classification reason letters not valid for the cited section (a–g under sec. 1.5 of E.O. 12958, a–h under sec. 1.4 after E.O. 13292); sec. 1.5 after 2003 is info; 1:4 or 1/4 notation is a warning.",
  tags: ["metadata"],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    bad: "Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (k).",
    good: "Classified By: Ambassador Ruth Calloway for reasons 1.4 (b) and (d).",
    rationale: "Reasons cite categories of the order; a letter outside the list cites nothing. A letter past h is read in brackets ('(k)') and in a list with the others ('1.4 (k,d)', 'K/D', 'b and m.'), where a letter is mistyped as often as in brackets; alone and unbracketed ('1.4 k') it is not, nor is one that words follow ('b/d, i.e. …').",
    source: "FORMAT.md §7 rules 20–21, from [EO13292], [NITF] and [CFR197]; corpus analysis of the released cables (CORPUS-FINDINGS, 'Info only'): 1.5 after 2003 in 35 cables (info).",
  },
  check(cable, report) {
    const c = cable.classifiedBy;
    if (!c?.section) return;
    const written = c.section.text;
    // Only a section not written "1.4" or "1.5" needs its spaces taken out ("1. 4") and a closer look.
    if (written !== '1.4' && written !== '1.5' && !/^1\.[45]$/.test(written.replace(/\s+/g, ''))) {
      report({ message: `Reason section written '${written}'; write 1.4.`, range: c.section.range });
    }
    const allowed = c.sectionValue === '1.5' ? 'abcdefg' : 'abcdefgh';
    for (let i = 0; i < c.reasons.length; i++) {
      const letter = c.reasonLetters[i];
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
