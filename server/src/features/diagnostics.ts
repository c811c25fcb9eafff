/**
 * Findings to LSP diagnostics.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Cable, Position, Range } from '../core/model';
import { linesAsRead } from '../core/parse/margin';
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
 * `Classified By: `, CBL015, CBL017, CBL019, CBL020); a paragraph typed as far as its number (`¶1. `, CBL028); TAGS
 * whose host country's TAG is still to come (`TAGS: PREL `, CBL050); a header line typed as far as its first words
 * (`DE RUEHLI`, `ZNY`, `R 141530Z`, CBL001); a banner whose level is typed as far as some of its letters
 * (`C O N F I D E N T I A`, CBL011), or whose section total is typed as far as its first digit (`SECTION 01 OF 0`,
 * CBL039); an order typed as far as some of its digits (`E.O. 1352`, CBL013). CBL018's comma after the last TAG
 * (`TAGS: PREL,`, the next TAG still to type) is held too, but not its repeated TAG, and so is CBL037's stray line among the
 * fields (`SUB` typed over `Classified By:`), but not its fields out of order ({@link shownWhileTyping}).
 */
export const HELD_WHILE_TYPING: ReadonlySet<string> = new Set(['CBL001', 'CBL010', 'CBL011', 'CBL012', 'CBL013', 'CBL015', 'CBL017', 'CBL019', 'CBL020', 'CBL028', 'CBL039', 'CBL050']);

/**
 * The parts a cable typed from the top is written in (`FORMAT.md` §1–§5): what a finding of a part missing waits for
 * while the writer types at the end of the text. A part is still to come while nothing written so far comes after it:
 * the transmission header's missing format lines (CBL002) before the banner; the banner (CBL010) before any field;
 * E.O. (CBL012) before TAGS and SUBJECT; TAGS (CBL017) before SUBJECT; SUBJECT (CBL019) before REF; and SUBJECT and
 * Classified By (CBL020) before the first paragraph. Classified By, which some cables write above E.O., waits for
 * nothing but the paragraphs.
 */
function stillToCome(f: Finding, cable: Cable): boolean {
  if (cable.paragraphs.length > 0) return false;
  switch (f.id) {
    case 'CBL002':
      // "The transmission header lacks 6 format lines: …", "… has no TO line.": not a line out of order.
      return !cable.banner && !cable.eo && !cable.tags && !cable.subject && f.kind !== 'out-of-order';
    case 'CBL010':
      return !cable.eo && !cable.tags && !cable.subject && !cable.refs && !cable.classifiedBy;
    case 'CBL012':
      // "No E.O. line", not an E.O. line written with nothing after its order, which is no part still to come.
      return !cable.eo && !cable.tags && !cable.subject && !cable.refs;
    case 'CBL017':
      return !cable.subject && !cable.refs;
    case 'CBL019':
      return !cable.refs;
    case 'CBL020':
      return true;
    default:
      return false;
  }
}

/** True when nothing but blank lines follows `line` (a line of a scan's margin alone is blank): the writer types at the end of the text. */
function atEnd(cable: Cable, line: number): boolean {
  const lines = linesAsRead(cable);
  for (let i = line + 1; i < lines.length; i++) if (lines[i].trim().length > 0) return false;
  return true;
}

/**
 * `findings` less those of {@link HELD_WHILE_TYPING} about `typingLine`, the line the writer's last edit left the caret
 * on: a finding starting on it, or on a line of the metadata field that spans it (a TAGS field wrapped over two lines).
 * They are shown again once an edit is made on another line, or the document is saved. `findings` as they are without
 * a line being typed (a document just opened, a closed file).
 *
 * A writer typing a cable from the top, at the end of the text, has not written its later parts yet: a part missing
 * that comes below everything written so far ({@link stillToCome}: no E.O. line while the header and banner are typed)
 * is held too, wherever it is reported, and so is a Summary or Comment left open (CBL027) while the last line, one word
 * so far, reads as the signature (`Ambassador ` typed on a paragraph's second line). `paused`: the writer has paused
 * on the line; only the parts still to come are held then, since the pause says nothing about them.
 *
 * `caret`, the caret's character on that line: a finding of the marking rules ({@link MARKING_RULES}) about a marking
 * the caret stands inside, before its `)`, is held too, since the marking is still being typed between the parentheses
 * the editor closed (`¶1. (S/|)`, `(S//REL TO |)`, `(S|)` on the way to `(SBU)` under a CONFIDENTIAL banner).
 */
export function shownWhileTyping(findings: readonly Finding[], cable: Cable, typingLine: number | undefined, paused = false, caret?: number): readonly Finding[] {
  if (typingLine === undefined) return findings;
  const fields: (Range | undefined)[] = [cable.eo?.range, cable.tags?.range, cable.subject?.range, cable.classifiedBy?.range];
  const spanning = fields.find((r) => r !== undefined && r.start.line <= typingLine && typingLine <= r.end.line);
  const labelled = labelTyped(cable, typingLine);
  let end: boolean | undefined;
  const typedAtEnd = () => (end ??= atEnd(cable, typingLine));
  const held = (f: Finding) => {
    if (f.id === 'CBL002' || f.id === 'CBL010' || f.id === 'CBL012' || f.id === 'CBL017' || f.id === 'CBL019' || f.id === 'CBL020') {
      if (f.range.start.line <= typingLine && stillToCome(f, cable) && typedAtEnd()) return true;
    }
    if (f.id === 'CBL031') return paragraphsToCome(cable, typingLine) && typedAtEnd();
    if (paused) return false;
    if (caret !== undefined && MARKING_RULES.has(f.id) && insideMarking(f.range, typingLine, caret)) return true;
    // Told apart by the kind the rule sets, never by the words of a message.
    if (f.id === 'CBL027') return f.kind === 'unclosed' && signatureTyped(cable, typingLine) && typedAtEnd();
    // "TAGS: PREL,": the comma typed before the next TAG.
    if (f.id === 'CBL018') return f.kind === 'trailing-comma' && f.range.start.line === typingLine;
    // "SUB" typed between TAGS and "Classified By:": a field's label begun, read as a stray line among the fields until whole.
    if (f.id === 'CBL037') return f.kind === 'stray-line' && f.range.start.line === typingLine;
    if (!HELD_WHILE_TYPING.has(f.id)) return false;
    if (f.id === labelled) return true;
    const line = f.range.start.line;
    return line === typingLine || (spanning !== undefined && spanning.start.line <= line && line <= spanning.end.line);
  };
  return findings.some(held) ? findings.filter((f) => !held(f)) : findings;
}

/**
 * The rules that report a portion marking at its parentheses: one not of a known form (CBL029), above the banner (CBL030),
 * NOFORN without the caveat (CBL032), NOFORN beside REL TO (CBL036). While its letters are typed between the parentheses
 * the editor closed, the marking reads as each of the forms on the way (`(S)`, `(S/)`, `(S//REL)`) to the one meant.
 */
const MARKING_RULES: ReadonlySet<string> = new Set(['CBL029', 'CBL030', 'CBL032', 'CBL036']);

/** True when `range`, on the line being typed, holds the caret after its first character and before its last (`(S/|)`). */
function insideMarking(range: Range, line: number, caret: number): boolean {
  return range.start.line === line && range.end.line === line && range.start.character < caret && caret < range.end.character;
}

/**
 * True when the paragraphs of the cable may still be to come: `line`, the line being typed, is the last paragraph's or
 * below it, and no signature stands under the paragraphs but on that line (a word alone there reads as one until the
 * next). CBL031's "no portion is marked above …" is then about the paragraphs written so far, such as a first
 * paragraph marked `(SBU)` under a CONFIDENTIAL banner, before the paragraphs that carry the banner's level.
 */
function paragraphsToCome(cable: Cable, line: number): boolean {
  const last = cable.paragraphs[cable.paragraphs.length - 1];
  if (!last || line < last.range.start.line) return false;
  const signature = cable.signature;
  return !signature || signature.token.range.start.line === line;
}

/**
 * True when `line`, the line being typed, reads as the signature alone on it: the first word of a paragraph's next
 * line (`Ambassador `) is read so until a second word follows, which ends the paragraph and its Summary above it.
 */
function signatureTyped(cable: Cable, line: number): boolean {
  const signature = cable.signature;
  return signature !== undefined && !signature.glued && signature.token.range.start.line === line;
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
  // Past a scan's margin (`05 E.O. 1`).
  return labelsBegun(linesAsRead(cable)[line] ?? '').find((f) => f.missing !== undefined)?.missing;
}

/** A change of a document's text, as `textDocument/didChange` gives it: a range's new text, or the whole new text. */
export type ContentChange = { readonly range: Range; readonly text: string } | { readonly text: string };

/**
 * Where the caret is after `changes` to `before`, the text they were made to: the end of the last change's new text
 * (after "⏎" typed at a line's end, the new line's start). For a change of the whole text (a client that syncs the whole
 * document), where the new text differs from `before`, the end of its last difference.
 */
export function caretAfterEdit(before: string, changes: readonly ContentChange[]): Position | undefined {
  const last = changes[changes.length - 1];
  if (!last) return undefined;
  // Line breaks as LSP counts them: "\r\n", "\r" and "\n" (most texts have no "\r", and are searched for "\n" alone).
  // The count of breaks before `to`, and where the line after the last of them starts.
  const breaks = (text: string, to: number): { n: number; lineStart: number } => {
    let n = 0;
    let lineStart = 0;
    if (text.indexOf('\r') < 0 || text.indexOf('\r') >= to) {
      for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
        n++;
        lineStart = i + 1;
      }
      return { n, lineStart };
    }
    for (let i = 0; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        n++;
        lineStart = i + 1;
      }
    }
    return { n, lineStart };
  };
  if ('range' in last) {
    const { n, lineStart } = breaks(last.text, last.text.length);
    return { line: last.range.start.line + n, character: n === 0 ? last.range.start.character + last.text.length : last.text.length - lineStart };
  }
  const after = last.text;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === before.length && start === after.length) return undefined;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const end = after.length - suffix;
  const { n, lineStart } = breaks(after, end);
  return { line: n, character: end - lineStart };
}
