/**
 * `lintCable`: runs every rule over a parsed cable and returns findings.
 */
import type { Cable } from './model';
import { INTERNAL_ERROR } from './parse/index';
import { allRules } from './rules/index';
import type { Finding, LintContext, Report, Rule, Severity } from './rules/types';
import { isBefore } from './text';
import type { ResolvedConfig } from './config';

/**
 * Runs the enabled rules. A rule that throws is skipped, so one bug never
 * silences the others; its failure is returned in `failures` for logging,
 * as is a parser failure ({@link INTERNAL_ERROR}), after which the rules see
 * the text as plain body lines. `context` says where the text came from (its file name),
 * for the rules that compare the two.
 */
export function lintCable(cable: Cable, config?: ResolvedConfig, failures?: string[], context: LintContext = NO_CONTEXT): Finding[] {
  if (failures) for (const p of cable.problems) if (p.rule === INTERNAL_ERROR) failures.push(`parser: ${p.message}`);
  const findings: Finding[] = [];
  // One report function for every rule: it reads the rule running and its configured severity from here.
  let rule: Rule = allRules[0];
  let configured: Severity = rule.defaultSeverity;
  const report: Report = (f) => {
    // A finding's own severity ("1.5 after 2003 is info") holds while the rule keeps its default severity.
    const severity = f.severity && configured === rule.defaultSeverity ? f.severity : configured;
    let finding: Finding = { id: rule.id, name: rule.name, severity, message: f.message, range: f.range, fixes: f.fixes, related: f.related };
    // Set only on the few findings that have them: a spread into every finding would copy its fields.
    if (f.unnecessary) finding = { ...finding, unnecessary: true };
    if (f.kind !== undefined) finding = { ...finding, kind: f.kind };
    findings.push(finding);
  };
  for (let i = 0; i < allRules.length; i++) {
    const r = allRules[i];
    const setting = config?.rules.get(r.id) ?? r.defaultSeverity;
    if (setting === 'off') continue;
    rule = r;
    configured = setting;
    try {
      r.check(cable, report, context);
    } catch (error) {
      failures?.push(`${r.id} ${r.name}: ${String(error)}`);
    }
  }
  if (findings.length > 1) findings.sort(byPositionThenId);
  return findings;
}

/** The context of a text that came from nowhere in particular. */
const NO_CONTEXT: LintContext = {};

/** Orders findings by where they start, then by rule id (`cablelint` orders CBL054's among a file's so: cli/cited.ts). */
export function byPositionThenId(a: Pick<Finding, 'id' | 'range'>, b: Pick<Finding, 'id' | 'range'>): number {
  // Ids are ASCII ("CBL007"): a plain comparison orders them as localeCompare would, many times faster.
  return isBefore(a.range.start, b.range.start) ? -1 : isBefore(b.range.start, a.range.start) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
