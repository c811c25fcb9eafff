/**
 * `lintCable`: runs every rule over a parsed cable and returns findings.
 */
import type { Cable } from './model';
import { allRules } from './rules/index';
import type { Finding, Rule, Severity } from './rules/types';
import { isBefore } from './text';
import type { ResolvedConfig } from './config';

/**
 * Runs the enabled rules. A rule that throws is skipped, so one bug never
 * silences the others; its failure is returned in `failures` for logging.
 */
export function lintCable(cable: Cable, config?: ResolvedConfig, failures?: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const configured = config?.rules.get(rule.id) ?? rule.defaultSeverity;
    if (configured === 'off') continue;
    runRule(rule, cable, configured, findings, failures);
  }
  // Ids are ASCII ("CBL007"): a plain comparison orders them as localeCompare would, many times faster.
  findings.sort((a, b) => (isBefore(a.range.start, b.range.start) ? -1 : isBefore(b.range.start, a.range.start) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return findings;
}

function runRule(rule: Rule, cable: Cable, configured: Severity, out: Finding[], failures?: string[]): void {
  try {
    rule.check(cable, (f) => {
      // A finding's own severity ("1.5 after 2003 is info") holds while the rule keeps its default severity.
      const severity = f.severity && configured === rule.defaultSeverity ? f.severity : configured;
      out.push({ id: rule.id, name: rule.name, severity, message: f.message, range: f.range, fixes: f.fixes, related: f.related });
    });
  } catch (error) {
    failures?.push(`${rule.id} ${rule.name}: ${String(error)}`);
  }
}
