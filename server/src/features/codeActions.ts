/**
 * Code actions: quick fixes from findings and `source.fixAll.cable` (safe fixes
 * only). "Disable this rule in this file" is made in server.ts, which knows the
 * configuration.
 */
import { CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { safeFixEdits } from '../core/fix';
import type { Cable } from '../core/model';
import type { Finding } from '../core/rules/types';
import { isBefore } from '../core/text';

/** The kind of the Fix All action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cable`;

function overlaps(a: Range, b: Range): boolean {
  return !isBefore(a.end, b.start) && !isBefore(b.end, a.start);
}

/**
 * The findings that touch `range`: those a quick fix, and a "disable this rule" action, is offered for.
 * The caret on "¶5." gets the paragraph-number finding, not the unclosed Comment found later on its line.
 */
export function findingsAt(findings: readonly Finding[], range: Range): Finding[] {
  return findings.filter((f) => overlaps(f.range, range));
}

/** The diagnostic the client sent for `finding`, if it sent one. */
export function diagnosticOf(finding: Finding, diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === finding.id && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character);
}

/** Quick fixes for the findings that touch `range`, each tied to its diagnostic. */
export function getQuickFixes(uri: string, findings: readonly Finding[], range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findingsAt(findings, range)) {
    const diagnostic = diagnosticOf(finding, diagnostics);
    for (const fix of finding.fixes ?? []) {
      const action = CodeAction.create(fix.title, { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } }, CodeActionKind.QuickFix);
      if (diagnostic) action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      actions.push(action);
    }
  }
  return actions;
}

/**
 * Fix All: the first safe fix of every finding, as separate non-overlapping edits that together keep the banner of
 * `cable`, the model the findings were read from ({@link safeFixEdits}, as `cablelint --fix` takes them).
 */
export function getFixAll(uri: string, findings: readonly Finding[], cable: Cable): CodeAction | undefined {
  const edits: LspTextEdit[] = safeFixEdits(findings, cable).map((e) => ({ range: e.range, newText: e.newText }));
  if (edits.length === 0) return undefined;
  return CodeAction.create('Fix all safe cable problems', { changes: { [uri]: edits } }, FIX_ALL_KIND);
}
