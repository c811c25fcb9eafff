#!/usr/bin/env node
// Builds server/src/core/data/dictionary.json, server/src/core/data/tagCodes.json and docs/sources.md from ../shared/reference/*.tsv
// and the list of sources in ../shared/reference/FORMAT.md §8.
// Every entry keeps its source and its confidence; rows whose meaning is not
// established are marked `verified: false` and are never shown as fact.
// Usage: node scripts/build-data.mjs [--check]   (--check: fail if a committed file differs)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = resolve(root, '..', 'shared', 'reference');
const out = join(root, 'server', 'src', 'core', 'data', 'dictionary.json');
const tagCodesOut = join(root, 'server', 'src', 'core', 'data', 'tagCodes.json');
const sourcesOut = join(root, 'docs', 'sources.md');

/** Reads a TSV into objects keyed by its header row. */
function readTsv(name) {
  const text = readFileSync(join(reference, name), 'utf8');
  const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const keys = head.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((v, i) => [keys[i], unquote(v.trim())])));
}

/** A cell as written: a few cells are quoted as in CSV (`"""from"": introduces …"` is `"from": introduces …`). */
function unquote(cell) {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

/**
 * The documents FORMAT.md §8 "Sources" names, keyed as its text cites them ("[TPUB5]"), for the hovers
 * that state its format facts. A line reads "* [TPUB5] http://tpub.com/incco/5.htm — security warning …";
 * "[corpus]" and "[seed]" name the reference's own cable files, which hovers call corpus analysis.
 */
export function readDocuments() {
  const text = readFileSync(join(reference, 'FORMAT.md'), 'utf8');
  const start = text.indexOf('\n## 8. Sources');
  if (start < 0) throw new Error('FORMAT.md has no "## 8. Sources"');
  const documents = [];
  for (const line of text.slice(start + 1).split(/\r?\n/).slice(1)) {
    if (line.startsWith('## ')) break;
    const m = /^\* \[([A-Za-z0-9-]+)\] (.+)$/.exec(line);
    if (m && m[1] !== 'corpus' && m[1] !== 'seed') documents.push({ key: m[1], text: m[2].trim() });
  }
  return [...documents, ...PROJECT_DOCUMENTS];
}

/**
 * Documents the project cites that FORMAT.md §8 does not name, each for a fact a rule page states.
 * Their texts say so, in docs/sources.md and wherever a hover or rule page cites them.
 */
const PROJECT_DOCUMENTS = [
  {
    key: 'CFR2001',
    text: 'http://edocket.access.gpo.gov/cfr_2004/julqtr/32cfr2001.12.htm — 32 CFR 2001.12(a)(1), the directive carrying out E.O. 12958 as of July 2004; found by the project, not in the reference',
  },
];

/** How many released cables' TAGS lines use a code, as the TSV counts them (`corpus_count`), for the order of completions; none when it gives no number. */
const corpusCount = (r) => (/^\d+$/.test(r.corpus_count ?? '') ? { corpusCount: Number(r.corpus_count) } : {});

const unverified = (r) => r.confidence === 'unverified' || /meaning not established/i.test(r.description ?? r.name ?? r.meaning ?? '');

/** A row the reference gives from secondary sources only (a blog, a glossary, a vocabulary's copy): said so wherever its meaning is shown. */
const secondary = (r) => (r.confidence === 'secondary' ? { secondary: true } : {});

/**
 * A row's note, where it changes what a user reads the code as ("corpus: Embassy Belgrade cables never use RI; they use
 * SR (8 of 8)"); not the example subjects some geographic rows keep there ("06BELGRADE1681: ICTY ACTION PLAN …").
 */
const note = (text) => (text && !/^\d{2}[A-Z]+\d+: /.test(text) ? { note: text } : {});

/**
 * What a header code's corpus check adds that a user needs: a part that says a meaning is not established or a code
 * not seen ("meaning of XRO/XYZ not established", "ZZ not observed"), not the counts that confirm the meaning, nor "absent from
 * corpus/seed copies" (BT, NNNN), which a hover on a BT the text holds would contradict.
 */
const headerNote = (verification) => note((verification ?? '').split('; ').filter((p) => /not (?:established|observed)/i.test(p)).join('; '));

/**
 * A geographic TAG's note: its row's, and a status that says the code is not the FIPS 10-4 one or names a former
 * country ("TAGS-specific: differs from GeoNames FIPS (RI)" for SR, whose sources say geo TAGS use FIPS codes).
 */
const geoNote = (r) => note([/differs|historical/.test(r.status) ? r.status : '', note(r.notes).note ?? ''].filter((t) => t.length > 0).join('; '));

/**
 * What the released cables show of a DECL value (eo-reasons.tsv's corpus_evidence: "corpus: 96 of 102 unclassified
 * cables; never on a classified cable"), which its source, a summary of the order, does not; "not observed" where
 * none carries it.
 */
const declNote = (r) => (r.kind !== 'decl-value' || !r.corpus_evidence ? {} : { note: r.corpus_evidence === 'not observed in corpus' ? 'not observed' : r.corpus_evidence.replace(/^corpus: /, '') });

/**
 * A routing indicator's note, but the count of its addresses every such row repeats, which `seen` lists, and what it
 * says of the reference's own seed files ("…; seed 000 has the same pattern"), which tell a user nothing.
 */
const routingNote = (text) => note(/distinct address strings seen/.test(text ?? '') ? '' : (text ?? '').replace(/; seed \d+ .*$/, ''));

/**
 * The rows of the reference that are no entry of the dictionary, by table and kind, and why: docs/sources.md lists them
 * with their counts, so that a reader of the tables knows each row is either an entry or left out on purpose.
 */
export const LEFT_OUT = [
  {
    file: 'tags-program.tsv',
    kind: 'general',
    why: 'what the program TAG family is (four letters opening with K), not a code; the hover of the `TAGS:` keyword says what each family is, citing FORMAT.md §8 [FAM-TAGS] and [FAH3-612]',
  },
  {
    file: 'tags-geographic.tsv',
    kind: 'rule',
    why: 'what the geographic TAG family is (FIPS 10-4 codes and regional TAGS) and that FIPS 10-4 was withdrawn, not a code; the hover of the `TAGS:` keyword says what each family is, though not that withdrawal',
  },
  {
    file: 'tags-organization.tsv',
    kind: 'rule',
    why: 'what the organization TAG family is, not a code; the hover of the `TAGS:` keyword says what each family is',
  },
  {
    file: 'eo-reasons.tsv',
    kind: 'note',
    why: "a remark that a secondary page (the CIA reading room's) numbers E.O. 13526's categories 1.5 (b)-(d), where the order puts them in sec. 1.4; no reason or code, and the reason hovers read the letters under the order's own sec. 1.4",
  },
];

/** Whether a row of `file` is one {@link LEFT_OUT} names. */
const leftOut = (file, r) => LEFT_OUT.some((l) => l.file === file && l.kind === r.kind);

/** Builds the dictionary object. */
export function buildDictionary() {
  const tags = [];
  for (const r of readTsv('tags-subject.tsv')) {
    // A category's row gives no confidence; S says its name is not established, and is marked so.
    if (r.kind === 'category') tags.push({ code: r.code, family: 'category', meaning: r.description, source: r.source, verified: !/\bnot established\b/i.test(r.description) });
    else if (r.kind === 'tag') tags.push({ code: r.code, family: 'subject', category: r.category, meaning: r.description, status: r.status, source: r.source, verified: !unverified(r), ...secondary(r), ...corpusCount(r) });
  }
  for (const r of readTsv('tags-program.tsv')) {
    if (r.kind === 'tag' && !leftOut('tags-program.tsv', r)) tags.push({ code: r.code, family: 'program', meaning: r.description, status: r.status, source: r.source, verified: !unverified(r), ...secondary(r), ...corpusCount(r) });
  }
  for (const r of readTsv('tags-geographic.tsv')) {
    if (leftOut('tags-geographic.tsv', r)) continue;
    tags.push({ code: r.code, family: 'geographic', meaning: r.name, status: r.status || r.kind, source: r.source, verified: !unverified(r), ...secondary(r), ...geoNote(r), ...corpusCount(r) });
  }
  for (const r of readTsv('tags-organization.tsv')) {
    if (r.kind !== 'org' || leftOut('tags-organization.tsv', r)) continue;
    tags.push({ code: r.code, family: 'organization', meaning: r.name, status: r.status, source: r.source, verified: !unverified(r), ...secondary(r), ...note(r.notes), ...corpusCount(r) });
  }
  const routingIndicators = readTsv('routing-indicators.tsv').map((r) => ({
    code: r.routing_indicator,
    address: r.primary_plain_language_address,
    seen: r['all_addresses_seen(count)'],
    role: r.role,
    ...routingNote(r.notes),
    source: r.source,
  }));
  // A note is what the corpus analysis adds ("… its presence is not a date indicator"), shown on the caveat hovers.
  const markings = readTsv('markings.tsv').map((r) => ({ term: r.term, kind: r.kind, meaning: r.meaning, ...(r.notes ? { note: r.notes } : {}), source: r.source, verified: r.confidence !== 'unverified', ...secondary(r) }));
  const headerCodes = readTsv('header-codes.tsv').map((r) => ({ code: r.code, kind: r.kind, position: r.position, meaning: r.meaning, ...headerNote(r.verification), source: r.source, verified: r.confidence !== 'unverified', ...secondary(r) }));
  const eo = readTsv('eo-reasons.tsv').filter((r) => !leftOut('eo-reasons.tsv', r)).map((r) => ({
    kind: r.kind,
    order: r.order,
    section: r.section,
    code: r.code,
    summary: r.summary,
    effective: r.effective,
    ...declNote(r),
    source: r.source,
    verified: r.confidence !== 'unverified',
    ...secondary(r),
  }));
  return {
    about: 'Generated by scripts/build-data.mjs from ../shared/reference/*.tsv (tags-subject, tags-program, tags-geographic, tags-organization, routing-indicators, markings, header-codes, eo-reasons) and FORMAT.md §8 (documents). Each entry keeps the source given in its TSV row; docs/sources.md lists them with the entries each gives, and the documents the format hovers cite.',
    documents: readDocuments(),
    tags,
    routingIndicators,
    markings,
    headerCodes,
    eo,
  };
}

/**
 * The TAG codes alone, for the rules (CBL044 tags-run-on): the dictionary's meanings and sources
 * would triple the size of the `cablelint` bundle, which never shows them. Categories (`P`, `E`)
 * are letters of the subject codes, not codes of their own.
 */
export function buildTagCodes(dictionary) {
  const codes = [...new Set(dictionary.tags.filter((t) => t.family !== 'category').map((t) => t.code))].sort();
  return {
    about: 'Generated by scripts/build-data.mjs: the TAG codes of server/src/core/data/dictionary.json (subject, program, geographic and organization TAGS, without the category letters), whose entries give their sources; and, for CBL050, the host-country TAG of each embassy that tags-geographic.tsv checked on the released cables (its verification column, "host-country check: 103 of 105 corpus cables from Embassy Paris carry FR"), where more than half of them carry it, with the other posts its cables are written under (spellings: the other AMEMBASSY addresses routing-indicators.tsv sees under the embassy\'s routing indicator, KIEV for Kyiv); and the two-letter geographic TAGS whose meaning no entry establishes, not the regional ones (unestablished: YE), which CBL050 names without a meaning.',
    codes,
    hostTags: buildHostTags(),
    unestablished: unestablishedGeographic(dictionary),
  };
}

/**
 * The two-letter geographic TAGS whose meaning no family's entry establishes (YE: "meaning not established (not a FIPS 10-4
 * code; …)"), for CBL050, which says that the TAGS carry one without giving it a meaning. Not the regional TAGS (XF), which
 * the reference says are regional, nor UN and EU, whose meaning as organization TAGS is established.
 */
function unestablishedGeographic(dictionary) {
  const established = new Set(dictionary.tags.filter((t) => t.verified).map((t) => t.code));
  const codes = dictionary.tags
    .filter((t) => t.family === 'geographic' && !t.verified && /^[A-Z]{2}$/.test(t.code) && !established.has(t.code) && !/^regional TAG\b/.test(t.meaning))
    .map((t) => t.code);
  return [...new Set(codes)].sort();
}

/** "host-country check: 103 of 105 corpus cables from Embassy Paris carry FR" in a geographic row's verification column. */
const HOST_CHECK = /host-country check: (\d+) of (\d+) corpus cables from Embassy (.+?) carry ([A-Z]{2})\b/;

/**
 * The embassies whose host-country TAG (FORMAT.md §7 rule 23) the reference checked, with what it found, keyed by the post
 * as a cable id writes it (`BUENOSAIRES`). A post where half or fewer of its cables carry the TAG is left out: the check
 * says nothing of it (Embassy Brussels, 2 of 4; Chisinau, 0 of 1, whose one file holds another cable's body).
 */
function buildHostTags() {
  const hosts = [];
  for (const r of readTsv('tags-geographic.tsv')) {
    const m = HOST_CHECK.exec(r.verification ?? '');
    if (!m || m[4] !== r.code) continue;
    const carried = Number(m[1]);
    const of = Number(m[2]);
    if (carried * 2 <= of) continue;
    const post = postOf(m[3]);
    const spellings = otherSpellings.get(post);
    hosts.push({ post, ...(spellings && { spellings }), embassy: m[3], tag: r.code, country: r.name.replace(/ \(.*\)$/, ''), carried, of });
  }
  return hosts.sort((a, b) => (a.post < b.post ? -1 : a.post > b.post ? 1 : 0));
}

/** A post as a cable id writes it: `Buenos Aires` → `BUENOSAIRES`. */
const postOf = (name) => name.toUpperCase().replace(/[^A-Z]+/g, '');

/**
 * The other posts an embassy's cables are written under, by the post its row names: the other `AMEMBASSY` addresses
 * routing-indicators.tsv sees under the routing indicator of that embassy's address (RUEHKV: `AMEMBASSY KYIV (14) |
 * AMEMBASSY KIEV (1)`, so Embassy Kyiv's cables are also KIEV's, as 06KIEV1261 is, which the UP row cites).
 */
const otherSpellings = (() => {
  const byPost = new Map();
  for (const r of readTsv('routing-indicators.tsv')) {
    const primary = /^AMEMBASSY (.+)$/.exec(r.primary_plain_language_address ?? '');
    if (!primary) continue;
    const post = postOf(primary[1]);
    const others = (r['all_addresses_seen(count)'] ?? '').split(' | ').flatMap((a) => {
      const m = /^AMEMBASSY (.+?) \(\d+\)$/.exec(a.trim());
      return m && postOf(m[1]) !== post ? [postOf(m[1])] : [];
    });
    if (others.length > 0) byPost.set(post, others);
  }
  return byPost;
})();

const SECTIONS = [
  ['tags', 'TAGS'],
  ['routingIndicators', 'routing indicators'],
  ['markings', 'markings'],
  ['headerCodes', 'header codes'],
  ['eo', 'E.O. entries'],
];

/**
 * The documents a source text names. It lists them with " | " between; each part names the
 * addresses in it, "the corpus" when it cites corpus or seed cables, or else its first words
 * ("32 CFR Part 197 Appendix A"); "none (not observed …)" names none.
 */
function sourceDocuments(source) {
  const docs = new Set();
  for (const part of source.split(' | ')) {
    const urls = part.match(/https?:\/\/[^\s|;,)]+/g);
    if (/^none\b/i.test(part.trim())) docs.add('none given');
    else if (urls) for (const url of urls) docs.add(url.replace(/\.$/, ''));
    else if (/\b(?:corpus|seed cable)\b/i.test(part)) docs.add('the corpus (`../shared/corpus`): read off real cables');
    else docs.add(part.split(/[(;]/)[0].replace(/,/g, '').trim() || 'none given');
  }
  return docs;
}

/** docs/sources.md: every source the dictionary cites, with how many entries of each kind it gives. */
export function buildSources(dictionary) {
  const counts = new Map();
  for (const [section] of SECTIONS) {
    for (const entry of dictionary[section]) {
      for (const doc of sourceDocuments(entry.source ?? '')) {
        const row = counts.get(doc) ?? {};
        row[section] = (row[section] ?? 0) + 1;
        counts.set(doc, row);
      }
    }
  }
  const rows = [...counts].sort((a, b) => a[0].localeCompare(b[0], 'en'));
  return [
    '# Sources of the built-in dictionary',
    '',
    '<!-- Generated by scripts/build-data.mjs from ../shared/reference/*.tsv; do not edit. -->',
    '',
    'Hovers, completion and the rules take TAGS, routing indicators, markings, header codes and E.O. reasons from `server/src/core/data/dictionary.json` (the rules read the TAG codes from `tagCodes.json`, made from it).',
    'Each entry there keeps the full source text of its row in `../shared/reference/*.tsv`; this page lists the documents those texts name, with the number of entries each gives (an entry that names several counts under each).',
    'Entries whose meaning the sources do not establish are marked `verified: false`, and hovers say so instead of stating them as fact; entries whose meaning only secondary sources give (a glossary, a blog, PlusD labels, a copy of a vocabulary) are marked `secondary`, and hovers, completion and the preview say "(secondary sources only)" after it.',
    '',
    `| source | ${SECTIONS.map(([, name]) => name).join(' | ')} |`,
    `|---|${SECTIONS.map(() => '---:').join('|')}|`,
    ...rows.map(([doc, row]) => `| ${doc.startsWith('http') ? `<${doc}>` : doc} | ${SECTIONS.map(([section]) => row[section] ?? '').join(' | ')} |`),
    '',
    '## Rows of the reference left out',
    '',
    'Every row of `../shared/reference/*.tsv` is an entry of `dictionary.json` but these, which describe a table rather than give a code or a reason:',
    '',
    ...LEFT_OUT.map((l) => {
      const n = readTsv(l.file).filter((r) => r.kind === l.kind).length;
      return `- \`${l.file}\`, ${n} \`${l.kind}\` ${n === 1 ? 'row' : 'rows'}: ${l.why}.`;
    }),
    '',
    '## Documents behind the format hovers',
    '',
    'Hovers on the transmission header, the trailer, the banner, portion markings, DECL values and page lines state facts of the cable format that `../shared/reference/FORMAT.md` gives with these sources (its §8, `documents` in `dictionary.json`); facts read off the released cables alone are cited as corpus analysis. The rule pages in `docs/rules/` link the documents they cite by these keys the same way (`ruleSource` in `scripts/generate.ts`).',
    '',
    '| key | document |',
    '|---|---|',
    ...dictionary.documents.map((d) => `| ${d.key} | ${d.text.replace(/https?:\/\/[^\s|;,)]+/g, (url) => `<${url}>`).replace(/\|/g, '\\|')} |`),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(reference)) {
    console.error(`build-data: ${reference} not found`);
    process.exit(2);
  }
  const dictionary = buildDictionary();
  const files = [
    [out, JSON.stringify(dictionary, null, 1) + '\n'],
    [tagCodesOut, JSON.stringify(buildTagCodes(dictionary), null, 1) + '\n'],
    [sourcesOut, buildSources(dictionary)],
  ];
  for (const [file, text] of files) {
    if (process.argv.includes('--check')) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (current !== text) {
        console.error(`build-data: ${file} is out of date; run node scripts/build-data.mjs`);
        process.exit(1);
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
}
