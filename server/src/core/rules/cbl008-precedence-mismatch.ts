/**
 * CBL008 precedence-mismatch: The line-2 precedence pair differs from the DTG action precedence, or the info precedence is higher than the action precedence.
 */
import { precedenceRank } from '../levels';
import { replaceFix } from './util';
import type { Rule } from './types';

export const rule: Rule = {
  id: 'CBL008',
  name: 'precedence-mismatch',
  description: "The line-2 precedence pair differs from the DTG action precedence, or the info precedence is higher than the action precedence.",
  tags: ["header"],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    bad: "OO RUEHWEB\n…\nP 031322Z JUN 09",
    good: "PP RUEHWEB\n…\nP 031322Z JUN 09",
    rationale: "Line 2 repeats the action precedence; with dual precedence the information precedence is never higher than the action precedence.",
    source: "Corpus analysis of the released cables (FORMAT.md §7 rules 6 and 7): 1,072 of 1,072 and 44 of 44 headers; [ARMY], [RM].",
  },
  check(cable, report) {
    const header = cable.header;
    const dtg = header?.dtg;
    if (!dtg || dtg.prosigns.length === 0) return;
    const action = dtg.prosigns[0];
    const pair = header.routing?.pair;
    if (pair && isLetterPair(pair.text) && pair.text[0] !== action.text) {
      report({
        message: `Precedence pair ${pair.text} does not match the DTG action precedence ${action.text}.`,
        range: pair.range,
        related: [{ range: action.range, message: 'DTG precedence' }],
        fixes: [replaceFix(`Set the pair to ${action.text}${action.text}`, pair.range, action.text + action.text, false)],
      });
    }
    const a = dtg.precedences[0];
    const i = dtg.precedences[1];
    if (a && i && precedenceRank(i) > precedenceRank(a)) {
      report({ message: `Information precedence ${i} is higher than action precedence ${a}.`, range: dtg.prosigns[1].range });
    }
  },
};


/** True for two capital letters, "PP" or "OO" (what `/^[A-Z]{2}$/` accepts). */
function isLetterPair(text: string): boolean {
  if (text.length !== 2) return false;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
}
