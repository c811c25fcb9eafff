/**
 * CBL010 banner-missing: No classification banner was found before the metadata.
 */
import { documentStart } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL010',
  name: 'banner-missing',
  description: "No classification banner was found before the metadata.",
  tags: ["banner"],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    bad: "SIPDIS\nE.O. 12958: DECL: 06/03/2019",
    good: "S E C R E T VALLETTA 000412\nSIPDIS\nE.O. 12958: DECL: 06/03/2019",
    rationale: "Every cable opens with its classification line; without it the level of the text is unknown. A level alone on its line at the banner's place is a banner, and so is one being typed whose serial is not written yet (`C O N F I D E N T I A L NOWHERE`, a post in capitals and at most two digits of the serial, or `S E C R E T SECTION 01 OF`): the level is known, and the writer typing the banner is not told that there is none.",
    source: "FORMAT.md §3; corpus analysis of the released cables (CORPUS-FINDINGS, 'Safe as errors'): fires on 6 of 1,295 (0.5%), all damaged extractions.",
  },
  check(cable, report) {
    if (!cable.banner) {
      report({ message: 'No classification banner (for example "S E C R E T PARIS 000708") before the metadata.', range: documentStart(cable) });
    }
  },
};
