/**
 * Findings to LSP diagnostics.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../core/rules/index';
import type { Finding, Severity } from '../core/rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The one diagnostic of a document that looks binary (`looksBinary` in `core/text.ts`), at its start,
 * in place of the rules' findings: no rule runs on it, as `cablelint` skips such a file.
 */
export function binaryDiagnostic(): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: 'cable',
    message: 'This file looks binary (it contains NUL bytes): cable checks are skipped.',
  };
}

/**
 * A diagnostic with `code`, `source: 'cable'` and a link to the rule's page; text that adds nothing (a repeated TAG)
 * is tagged `Unnecessary`, which the editor fades.
 */
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
    ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}
