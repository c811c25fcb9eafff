/**
 * CBL043 file-name-mismatch: The file is named after a cable id (07PARIS2725.txt) whose post or serial differs from the banner's.
 */
import { idFromFileName, isRedactedPost, normalizePost, parseCableId } from '../id';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL043',
  name: 'file-name-mismatch',
  description: "The file is named after a cable id (07PARIS2725.txt) whose post or serial differs from the banner's.",
  tags: ["banner"],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    bad: "(file 09VALLETTA413.txt)\nS E C R E T SECTION 01 OF 02 VALLETTA 000412",
    good: "(file 09VALLETTA412.txt)\nS E C R E T SECTION 01 OF 02 VALLETTA 000412",
    rationale: "A file named after one cable that holds another is a mix-up of the release (or of the collection): links, citations and the workspace index read the two ids differently. Only names shaped like a canonical id count, and the year is not compared.",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Info only', 'File name office/serial ≠ banner'): 6 of 1,295 (release mix-ups such as 07PARIS2725.txt holding MOSCOW 005154; FORMAT.md names three in §7). Info, as those findings recommend.",
  },
  check(cable, report, context) {
    const fileId = context.fileName === undefined ? undefined : idFromFileName(context.fileName);
    const post = cable.banner?.post;
    const serial = cable.banner?.serial;
    // A banner whose post is redacted ("XXXXXXXXXXXX 000004") names no cable to compare.
    if (!fileId || !post || !serial || isRedactedPost(post.text)) return;
    const named = parseCableId(fileId);
    if (!named || (named.post === normalizePost(post.text) && named.number === serial.value)) return;
    report({
      message: `The file name says ${fileId}, the banner ${post.text} ${serial.text}: the text may belong to another cable.`,
      range: { start: post.range.start, end: serial.range.end },
    });
  },
};
