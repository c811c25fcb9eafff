/**
 * CBL044 tags-run-on: A TAGS token of six or more letters that is no known TAG but two known TAGS run together (KDEMAF for KDEM AF).
 */
import { onlyCapitals } from '../id';
import type { TagsField } from '../model';
import type { Fix, Rule } from './types';
import { fieldTagRemoval, knownTag, tagSeparator } from './util';
import { linesAsRead } from '../parse/margin';

export const rule: Rule = {
  id: 'CBL044',
  name: 'tags-run-on',
  description: "A TAGS token of six or more letters that is no known TAG but two known TAGS run together (KDEMAF for KDEM AF).",
  tags: ["metadata"],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    bad: "TAGS: PREL PGOV KDEMAF",
    good: "TAGS: PREL PGOV KDEM AF",
    rationale: "A missing space joins two TAGS into a token no index files under. The TAG lists are not closed (the corpus has hundreds of tokens they lack), so only tokens longer than a TAG that split into two listed ones are flagged, as a hint, and the split waits for you to choose it. A TAG of a user dictionary counts as listed, as a token and as a part; a part the field has already is not added again (KDEMAF beside KDEM becomes AF, and is removed beside KDEM and AF).",
    source: "Corpus analysis of the released cables (CORPUS-FINDINGS, 'Info only', 'Unknown TAGS token'): flag only obvious run-ons (KDEMAF) as a hint; tokens of 6 or more characters are 22 of 7,455 (KDEMAF, EINDETRD; the rest words or organizations; CORPUS-FINDINGS §5). TAG codes from tags-subject.tsv, tags-program.tsv, tags-geographic.tsv and tags-organization.tsv.",
  },
  check(cable, report, context) {
    const field = cable.tags;
    if (!field) return;
    const tags = field.tags;
    // A TAG of a user dictionary is known too, both as a token ("KLOCAL") and as a part of one ("KLOCAF").
    const known = knownTag(context.userTags);
    let listed: Set<string> | undefined;
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i];
      const code = tag.code;
      if (tag.role !== 'code' || code.length < MIN_LENGTH || known(code) || !onlyCapitals(code)) continue;
      // "AU-1" and "G-8" are not run-ons. Each place the token splits into two known TAGS ("KDEM|AF"), each part at least two letters.
      const cuts: number[] = [];
      for (let k = 2; k <= code.length - 2; k++) if (known(code.slice(0, k)) && known(code.slice(k))) cuts.push(k);
      if (cuts.length === 0) continue;
      listed ??= new Set(tags.flatMap((t) => (t.role === 'code' ? [t.code] : [])));
      const separator = tagSeparator(cable.lines, field, i);
      const fixes = tag.token.text.length === code.length ? cuts.map((k) => splitFix(linesAsRead(cable), field, i, k, separator, listed!, cuts.length === 1)) : undefined;
      // Written by a loop, not `map` then `join`: the array `map` makes in optimized code can have another map than the one it
      // makes in the interpreter, and `join` on it deoptimized `check` at the first run-on met after its optimization.
      let parts = '';
      for (let j = 0; j < cuts.length; j++) parts += `${j === 0 ? '' : ' or '}${code.slice(0, cuts[j])} ${code.slice(cuts[j])}`;
      report({ message: `${tag.token.text} is no known TAG but reads as ${parts} run together.`, range: tag.token.range, fixes });
    }
  },
};

/** Tokens shorter than this are left alone: TAGS have two to five letters but a few organizations (ECOWAS, UNESCO, INTERPOL). */
const MIN_LENGTH = 6;

/**
 * Splits the token `k` letters in: inserts the separator ("KDEM AF"), or, when a part is listed in the field
 * already, leaves only the other ("KDEMAF" beside "KDEM" becomes "AF"), or removes the token when both are,
 * so that the split makes no duplicate for CBL018. Each edit stays within the token and the separator before it.
 */
function splitFix(lines: readonly string[], field: TagsField, i: number, k: number, separator: string, listed: ReadonlySet<string>, preferred: boolean): Fix {
  const tag = field.tags[i];
  const { start, end } = tag.token.range;
  const at = { line: start.line, character: start.character + k };
  const code = tag.code;
  const first = code.slice(0, k);
  const second = code.slice(k);
  if (listed.has(first) && listed.has(second)) return { title: `Remove ${tag.token.text} (${first} and ${second} are listed already)`, edits: [{ range: fieldTagRemoval(lines, field, i), newText: '' }], safe: false, preferred };
  if (listed.has(first)) return { title: `Replace ${tag.token.text} with ${second} (${first} is listed already)`, edits: [{ range: { start, end: at }, newText: '' }], safe: false, preferred };
  if (listed.has(second)) return { title: `Replace ${tag.token.text} with ${first} (${second} is listed already)`, edits: [{ range: { start: at, end }, newText: '' }], safe: false, preferred };
  return { title: `Split ${tag.token.text} into ${first} and ${second}`, edits: [{ range: { start: at, end: at }, newText: separator }], safe: false, preferred };
}
