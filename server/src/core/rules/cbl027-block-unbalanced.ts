/**
 * CBL027 block-unbalanced: A Summary opened without End Summary (warning); Comment and Note blocks without their closer, or closers without openers (info).
 */
import type { Block } from '../model';
import { isSpace } from '../text';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL027',
  name: 'block-unbalanced',
  description: "A Summary opened without End Summary (warning); Comment and Note blocks without their closer, or closers without openers (info).",
  tags: ["paragraphs"],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    bad: "¶1. (C) Summary: The Director asked …\n¶2. (C) …",
    good: "¶1. (C) Summary: The Director asked … End Summary.\n¶2. (C) …",
    rationale: "End Summary tells readers where the summary stops; unclosed Comment and Note blocks are common and only noted. Under a banner in capitals a closer opens with 'End' or 'END'; in cables written in small letters, under a mixed-case banner or with no banner, any case closes.",
    source: "FORMAT.md §6 and §7 rule 24 (971 of 1,016); CORPUS-FINDINGS B (Summary, hint-level warning) and C (Comment 13.3%, Note 7.5%: info).",
  },
  check(cable, report) {
    const blocks = cable.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.open && !block.close) {
        const name = blockName(block.kind);
        const end = block.range.end;
        const line = cable.lines[end.line];
        // "… the Director asked." gets " End Summary."; after a space ("asked. ") none is added.
        const before = Math.min(end.character, line.length);
        const spacer = before > 0 && isSpace(line.charCodeAt(before - 1)) ? '' : ' ';
        report({
          message: `${name} opened without 'End ${name}'.`,
          range: block.open.token.range,
          severity: block.kind === 'summary' ? undefined : 'info',
          fixes: [{ title: `Add 'End ${name}.'`, edits: [{ range: { start: end, end }, newText: `${spacer}End ${name}.` }], safe: false }],
        });
      } else if (block.close && !block.open) {
        const name = blockName(block.kind);
        report({ message: `'${block.close.token.text}' without an opening ${name}.`, range: block.close.token.range, severity: 'info' });
      }
    }
  },
};


/** The block's name as a closer spells it: `summary` is "Summary". */
function blockName(kind: Block['kind']): string {
  return kind[0].toUpperCase() + kind.slice(1);
}
