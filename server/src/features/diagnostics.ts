/**
 * Findings to LSP diagnostics.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../core/rules/index';
import type { Finding, Severity } from '../core/rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A diagnostic with `code`, `source: 'cable'` and a link to the rule's page. */
export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.id,
    codeDescription: { href: ruleDocUrl(finding.id) },
    source: 'cable',
    message: finding.message,
    data: { name: finding.name },
    relatedInformation: finding.related?.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
  };
}
