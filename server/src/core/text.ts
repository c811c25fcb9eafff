/**
 * Text helpers shared by the parser, the rules and the features.
 *
 * Lines are split on `\r\n`, `\r` and `\n`, exactly as LSP and VS Code count
 * them, so a position computed here is a position in the editor.
 */
import type { NumberToken, Position, Range, Token } from './model';

/** Splits text into lines without their terminators. Never loses a character but the terminators. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The terminator that ends each line (`''` for the last one). Used by fixes that must keep line endings. */
export function lineTerminators(text: string): string[] {
  const result: string[] = [];
  const re = /\r\n|\r|\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) result.push(match[0]);
  result.push('');
  return result;
}

/** Offsets of the first character of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Converts a position to an offset, clamping to the text. */
export function offsetAt(text: string, starts: readonly number[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // The end of a line is before its terminator.
  let end = next;
  if (position.line + 1 < starts.length) {
    end = text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
  return Math.min(Math.max(start + position.character, start), end);
}

/** A position. */
export function pos(line: number, character: number): Position {
  return { line, character };
}

/** A range on one line. */
export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A range spanning lines. */
export function spanRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The range of a whole line, without its terminator. */
export function lineRange(lines: readonly string[], line: number): Range {
  return range(line, 0, lines[line]?.length ?? 0);
}

/** A token for `lineText.slice(start, end)` on line `line`. */
export function token(line: number, lineText: string, start: number, end: number): Token {
  return { text: lineText.slice(start, end), range: range(line, start, end) };
}

/** A number token; `value` defaults to the digits in the text. */
export function numberToken(line: number, lineText: string, start: number, end: number, value?: number): NumberToken {
  const text = lineText.slice(start, end);
  return { text, range: range(line, start, end), value: value ?? parseInt(text.replace(/\D+/g, ''), 10) };
}

/** True when `a` is before `b`. */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when `position` lies in `[range.start, range.end]` (the end is included, as editors expect for hovers). */
export function contains(r: Range, position: Position): boolean {
  return !isBefore(position, r.start) && !isBefore(r.end, position);
}

/** True when `inner` lies within `outer`. */
export function containsRange(outer: Range, inner: Range): boolean {
  return !isBefore(inner.start, outer.start) && !isBefore(outer.end, inner.end);
}

/** The smallest range covering both. */
export function union(a: Range, b: Range): Range {
  return { start: isBefore(a.start, b.start) ? a.start : b.start, end: isBefore(a.end, b.end) ? b.end : a.end };
}
