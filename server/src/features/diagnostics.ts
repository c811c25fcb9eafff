/**
 * Findings to LSP diagnostics.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Cable, Range } from '../core/model';
import { ruleDocUrl } from '../core/rules/index';
import type { Finding, Severity } from '../core/rules/types';
import { labelsBegun } from './labelsTyped';

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

/**
 * The rules whose finding, on the line being typed, may only say that the line is not finished yet: no banner while
 * its first letters are typed (CBL010), no E.O., TAGS or SUBJECT line yet (CBL012, CBL017, CBL019) and no Classified By
 * (CBL020), each reported at the last line written; a field typed as far as its label (`TAGS: `, `DECL: `, `SUBJECT: `,
 * `Classified By: `, CBL015, CBL017, CBL019, CBL020); a paragraph typed as far as its number (`¶1. `, CBL028); and TAGS
 * whose host country's TAG is still to come (`TAGS: PREL `, CBL050).
 */
export const HELD_WHILE_TYPING: ReadonlySet<string> = new Set(['CBL010', 'CBL012', 'CBL015', 'CBL017', 'CBL019', 'CBL020', 'CBL028', 'CBL050']);

/**
 * `findings` less those of {@link HELD_WHILE_TYPING} about `typingLine`, the line the writer's last edit left the caret
 * on: a finding starting on it, or on a line of the metadata field that spans it (a TAGS field wrapped over two lines).
 * They are shown again once an edit is made on another line, or the document is saved. `findings` as they are without
 * a line being typed (a document just opened, a closed file).
 */
export function shownWhileTyping(findings: readonly Finding[], cable: Cable, typingLine: number | undefined): readonly Finding[] {
  if (typingLine === undefined) return findings;
  const fields: (Range | undefined)[] = [cable.eo?.range, cable.tags?.range, cable.subject?.range, cable.classifiedBy?.range];
  const spanning = fields.find((r) => r !== undefined && r.start.line <= typingLine && typingLine <= r.end.line);
  const labelled = labelTyped(cable, typingLine);
  const held = (f: Finding) => {
    if (!HELD_WHILE_TYPING.has(f.id)) return false;
    if (f.id === labelled) return true;
    const line = f.range.start.line;
    return line === typingLine || (spanning !== undefined && spanning.start.line <= line && line <= spanning.end.line);
  };
  return findings.some(held) ? findings.filter((f) => !held(f)) : findings;
}

/**
 * The rule reporting a field missing whose label `line` has begun to write, above the paragraphs, where the parser does not
 * read it as the field yet (`E.O. 1`, a passing line until the order's number is whole; `Classified`): CBL012's
 * "No E.O. line" is then about the line being typed, wherever it is reported.
 */
function labelTyped(cable: Cable, line: number): string | undefined {
  // Above the first paragraph; under SUBJECT, a word alone there reads as a signature until it is a field (`Class`).
  const kind = cable.lineKinds[line];
  if (line >= (cable.paragraphs[0]?.range.start.line ?? Infinity) || (kind !== 'passing' && kind !== 'preamble' && kind !== 'signature' && kind !== 'text')) return undefined;
  return labelsBegun(cable.lines[line] ?? '').find((f) => f.missing !== undefined)?.missing;
}

/** A change of a document's text, as `textDocument/didChange` gives it: a range's new text, or the whole new text. */
export type ContentChange = { readonly range: Range; readonly text: string } | { readonly text: string };

/**
 * The line the caret is on after `changes` to `before`, the text they were made to: the end of the last change's new
 * text (after "⏎" typed at a line's end, the new line). For a change of the whole text (a client that syncs the whole
 * document), where the new text differs from `before`, ended at its last difference.
 */
export function lineAfterEdit(before: string, changes: readonly ContentChange[]): number | undefined {
  const last = changes[changes.length - 1];
  if (!last) return undefined;
  // Line breaks as LSP counts them: "\r\n", "\r" and "\n" (most texts have no "\r", and are searched for "\n" alone).
  const newlines = (text: string, to: number) => {
    let n = 0;
    if (text.indexOf('\r') < 0 || text.indexOf('\r') >= to) {
      for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
      return n;
    }
    for (let i = 0; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
    }
    return n;
  };
  if ('range' in last) return last.range.start.line + newlines(last.text, last.text.length);
  const after = last.text;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === before.length && start === after.length) return undefined;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return newlines(after, after.length - suffix);
}
