/**
 * Where the grammar's scopes for the metadata fields and what the parser reads as those fields disagree: for each field
 * (the E.O. keyword, DECL keyword and value, TAGS keyword and each TAG, SUBJECT keyword and text, REF keyword and item
 * letters, Classified By keyword and reason letters), the letters and digits the parser reads as it and those the grammar
 * scopes as it, compared line by line. Shared by the grammar tests and the scripts in bench/.tmp/.
 */
import type { Cable, Token } from '../../server/src/core/model';

/** A line as the grammar tokenized it (the root scope dropped), as `tokenize` in grammar.test.ts returns it. */
export interface TokenizedLine {
  line: string;
  tokens: { start: number; end: number; scopes: string[] }[];
}

/** A field: its name, the scopes the grammar gives it, and the tokens the parser reads as it. */
export interface Field {
  readonly name: string;
  readonly scopes: readonly string[];
  tokens(cable: Cable): readonly Token[];
}

export const FIELDS: readonly Field[] = [
  { name: 'E.O. keyword', scopes: ['keyword.other.field.eo.cable'], tokens: (c) => (c.eo ? [c.eo.keyword] : []) },
  { name: 'DECL keyword', scopes: ['keyword.other.field.decl.cable'], tokens: (c) => (c.eo?.decl?.keyword ? [c.eo.decl.keyword] : []) },
  { name: 'DECL value', scopes: ['constant.numeric.date.cable', 'constant.language.na.cable'], tokens: (c) => (c.eo?.decl ? [c.eo.decl.value] : []) },
  { name: 'TAGS keyword', scopes: ['keyword.other.field.tags.cable'], tokens: (c) => (c.tags ? [c.tags.keyword] : []) },
  { name: 'TAG', scopes: ['variable.other.tag.cable'], tokens: (c) => (c.tags?.tags ?? []).filter((t) => t.role === 'code').map((t) => t.token) },
  { name: 'SUBJECT keyword', scopes: ['keyword.other.field.subject.cable'], tokens: (c) => (c.subject ? [c.subject.keyword] : []) },
  { name: 'subject', scopes: ['entity.name.function.subject.cable'], tokens: (c) => [...(c.subject?.parts ?? []), ...(c.subject?.portion ? [c.subject.portion.token] : [])] },
  { name: 'REF keyword', scopes: ['keyword.other.field.ref.cable'], tokens: (c) => (c.refs ? [c.refs.keyword] : []) },
  {
    name: 'REF letter',
    scopes: ['constant.character.ref-letter.cable'],
    tokens: (c) => (c.refs?.items ?? []).flatMap((i) => [...(i.letterToken ? [i.letterToken] : []), ...(i.doubledLetter ? [i.doubledLetter] : [])]),
  },
  { name: 'Classified By keyword', scopes: ['keyword.other.field.classified-by.cable'], tokens: (c) => (c.classifiedBy ? [c.classifiedBy.keyword] : []) },
  { name: 'reason', scopes: ['constant.character.reason.cable'], tokens: (c) => c.classifiedBy?.reasons ?? [] },
];

/** A line where the two disagree: what the parser reads there and what the grammar scopes, as the letters and digits of each. */
export interface Disagreement {
  readonly field: string;
  /** 0-based. */
  readonly line: number;
  readonly text: string;
  /** The parser's reading on that line, its characters joined (`PREL MOPS`), and the grammar's. */
  readonly parser: string;
  readonly grammar: string;
}

const MISREAD = /\.misread\.cable$/;
const counted = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** The columns of the letters and digits of `tokens` on each line. */
function parserColumns(lines: readonly string[], tokens: readonly Token[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const t of tokens) {
    for (let l = t.range.start.line; l <= t.range.end.line && l < lines.length; l++) {
      const from = l === t.range.start.line ? t.range.start.character : 0;
      const to = l === t.range.end.line ? t.range.end.character : lines[l].length;
      for (let k = from; k < to; k++) {
        if (!counted(lines[l][k] ?? '')) continue;
        if (!out.has(l)) out.set(l, new Set());
        out.get(l)!.add(k);
      }
    }
  }
  return out;
}

/** The columns of the letters and digits the grammar scopes with one of `scopes`, on each line; a field the parser reads from
 * an OCR or transcription damage (`keyword.other.field.tags.misread.cable`, "TAG5:") counts as that field. */
function grammarColumns(lines: readonly TokenizedLine[], scopes: readonly string[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  lines.forEach(({ line, tokens }, l) => {
    for (const t of tokens) {
      if (!t.scopes.some((s) => scopes.includes(s.replace(MISREAD, '.cable')))) continue;
      for (let k = t.start; k < t.end; k++) {
        if (!counted(line[k] ?? '')) continue;
        if (!out.has(l)) out.set(l, new Set());
        out.get(l)!.add(k);
      }
    }
  });
  return out;
}

/** The characters of `line` at `columns`, runs separated by one space. */
function spell(line: string, columns: Set<number> | undefined): string {
  if (!columns) return '';
  const sorted = [...columns].sort((a, b) => a - b);
  let out = '';
  sorted.forEach((k, i) => {
    if (i > 0 && k !== sorted[i - 1] + 1) out += ' ';
    out += line[k];
  });
  return out;
}

/** Every line where the grammar's scopes for a field and the parser's reading of it differ. */
export function fieldDisagreements(cable: Cable, lines: readonly TokenizedLine[], fields: readonly Field[] = FIELDS): Disagreement[] {
  const out: Disagreement[] = [];
  for (const f of fields) {
    const read = parserColumns(cable.lines, f.tokens(cable));
    const scoped = grammarColumns(lines, f.scopes);
    for (const l of [...new Set([...read.keys(), ...scoped.keys()])].sort((a, b) => a - b)) {
      const a = read.get(l);
      const b = scoped.get(l);
      if (a && b && a.size === b.size && [...a].every((k) => b.has(k))) continue;
      const text = lines[l]?.line ?? cable.lines[l] ?? '';
      out.push({ field: f.name, line: l, text, parser: spell(text, a), grammar: spell(text, b) });
    }
  }
  return out;
}
