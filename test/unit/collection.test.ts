/**
 * The Cables view's grouping and sorting (client/src/collection.ts), on invented entries as
 * `cable/collection` answers them.
 */
import * as assert from 'node:assert/strict';
import { cableLabel, cableTooltip, citationPicks, draggedUriList, groupCollection, isGrouping, type CollectionEntry, type CollectionNode, type Grouping } from '../../client/src/collection';

function entry(file: string, fields: Partial<CollectionEntry> = {}): CollectionEntry {
  return { uri: `file:///ws/${file}`, id: null, idFromFileName: false, subject: null, date: null, classification: null, tags: [], post: null, ...fields };
}

const ENTRIES: readonly CollectionEntry[] = [
  entry('a.cable', { id: '09NOWHERE708', subject: 'FERRY DUES', date: '2009-06-03T13:22:00Z', classification: 'SECRET', tags: ['ECON', 'PREL'], post: 'NOWHERE' }),
  entry('b.cable', { id: '09NOWHERE99', subject: 'HARBOR', date: '2009-06-03T13:22:00Z', classification: 'CONFIDENTIAL', tags: ['PREL'], post: 'NOWHERE' }),
  entry('c.cable', { id: '08ELSEWHERE5', subject: 'LIGHTHOUSE', date: '2008-12-01', classification: 'UNCLASSIFIED', tags: ['ECON'], post: 'ELSEWHERE' }),
  entry('d.cable', { id: '09ELSEWHERE7', date: '2009-01-15T08:00Z', classification: 'TOP SECRET', tags: ['MARR', 'MARR'], post: 'ELSEWHERE' }),
  entry('notes%20one.cable', { subject: 'NO DATE, NO BANNER' }),
];

/** The tree as text: a group as "label (count)" followed by its children indented, a cable as its label. */
function outline(nodes: readonly CollectionNode[], indent = ''): string[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? [`${indent}${n.label} (${n.count})`, ...outline(n.children, `${indent}  `)] : [`${indent}${cableLabel(n.entry)}`]));
}

function check(grouping: Grouping, expected: string[]): void {
  assert.deepEqual(outline(groupCollection(ENTRIES, grouping)), expected);
  // The order the entries come in does not matter.
  assert.deepEqual(outline(groupCollection([...ENTRIES].reverse(), grouping)), expected);
}

describe('Cables view grouping', () => {
  it('groups by year, then month, with the undated last; cables by date then id', () => {
    check('date', [
      '2008 (1)',
      '  December (1)',
      '    08ELSEWHERE5',
      '2009 (3)',
      '  January (1)',
      '    09ELSEWHERE7',
      '  June (2)',
      // Same DTG: by id, numbers read as numbers (99 before 708).
      '    09NOWHERE99',
      '    09NOWHERE708',
      'Undated (1)',
      // No id: the file name, unescaped.
      '  notes one.cable',
    ]);
  });

  it('groups by post, "No post" last', () => {
    check('post', ['ELSEWHERE (2)', '  08ELSEWHERE5', '  09ELSEWHERE7', 'NOWHERE (2)', '  09NOWHERE99', '  09NOWHERE708', 'No post (1)', '  notes one.cable']);
  });

  it('groups by classification from TOP SECRET down, "No banner" last', () => {
    check('classification', [
      'TOP SECRET (1)',
      '  09ELSEWHERE7',
      'SECRET (1)',
      '  09NOWHERE708',
      'CONFIDENTIAL (1)',
      '  09NOWHERE99',
      'UNCLASSIFIED (1)',
      '  08ELSEWHERE5',
      'No banner (1)',
      '  notes one.cable',
    ]);
  });

  it('puts a cable under each of its TAGS, once under a TAG listed twice', () => {
    check('tag', ['ECON (2)', '  08ELSEWHERE5', '  09NOWHERE708', 'MARR (1)', '  09ELSEWHERE7', 'PREL (2)', '  09NOWHERE99', '  09NOWHERE708', 'No TAGS (1)', '  notes one.cable']);
  });

  it('lists every cable flat with no grouping', () => {
    check('none', ['08ELSEWHERE5', '09ELSEWHERE7', '09NOWHERE99', '09NOWHERE708', 'notes one.cable']);
  });

  it('gives every node a key unique in the tree, so that VS Code keeps what was expanded', () => {
    for (const grouping of ['date', 'post', 'classification', 'tag', 'none'] as const) {
      const keys: string[] = [];
      const walk = (nodes: readonly CollectionNode[]) => nodes.forEach((n) => (keys.push(n.key), n.kind === 'group' && walk(n.children)));
      walk(groupCollection(ENTRIES, grouping));
      assert.equal(new Set(keys).size, keys.length, grouping);
    }
    // Refreshed, a group keeps its key.
    assert.equal(groupCollection(ENTRIES, 'date')[1].key, groupCollection(ENTRIES.slice(0, 2), 'date')[0].key);
  });

  it('shows the id, date, classification, TAGS and file in the tooltip, and says what is missing', () => {
    assert.equal(cableTooltip(ENTRIES[0]), '09NOWHERE708\nFERRY DUES\nDate: 2009-06-03T13:22:00Z\nClassification: SECRET\nTAGS: ECON PREL\nFile: a.cable');
    assert.equal(cableTooltip(ENTRIES[4]), 'No id\nNO DATE, NO BANNER\nDate: none\nClassification: No banner\nTAGS: none\nFile: notes one.cable');
  });

  it('says in the tooltip when the id is the file name\'s, the text giving none (a partial extract without a header)', () => {
    const extract = entry('05NOWHERE7360.txt', { id: '05NOWHERE7360', idFromFileName: true, classification: 'CONFIDENTIAL', post: 'NOWHERE' });
    assert.equal(cableLabel(extract), '05NOWHERE7360');
    assert.equal(cableTooltip(extract), '05NOWHERE7360 (from the file name)\nDate: none\nClassification: CONFIDENTIAL\nTAGS: none\nFile: 05NOWHERE7360.txt');
  });

  it('reads back only a grouping it knows', () => {
    assert.ok(isGrouping('tag'));
    assert.ok(!isGrouping('size'));
    assert.ok(!isGrouping(undefined));
  });

  it('groups 10,000 cables, every one counted once under each grouping but TAG (bench/collection.mjs times it)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      entry(`${i}.cable`, { id: `0${i % 10}NOWHERE${i}`, date: `200${i % 10}-${String((i % 12) + 1).padStart(2, '0')}-01`, classification: ['SECRET', 'CONFIDENTIAL', null][i % 3], tags: ['ECON', `T${i % 50}`], post: `P${i % 200}` }),
    );
    const cables = (nodes: readonly CollectionNode[]): number => nodes.reduce((n, c) => n + (c.kind === 'group' ? cables(c.children) : 1), 0);
    for (const grouping of ['date', 'post', 'classification', 'none'] as const) {
      const top = groupCollection(many, grouping);
      assert.equal(cables(top), 10_000, grouping);
      if (grouping !== 'none') assert.equal(top.reduce((n, g) => n + (g.kind === 'group' ? g.count : 0), 0), 10_000, grouping);
    }
    // Under TAG each cable appears under both of its TAGS.
    assert.equal(cables(groupCollection(many, 'tag')), 20_000);
  });

  it('shows the subject beside the id, and the file name first for a cable whose id another file has too', () => {
    const entries = [
      ...ENTRIES,
      entry('copy%20of%20a.cable', { id: '09NOWHERE708', subject: 'FERRY DUES', date: '2009-06-03T13:22:00Z', classification: 'SECRET', tags: ['ECON'], post: 'NOWHERE' }),
      entry('e.cable', { id: '09NOWHERE99', date: '2009-06-03T13:22:00Z' }),
    ];
    const rows = groupCollection(entries, 'none').map((n) => (n.kind === 'cable' ? `${cableLabel(n.entry)}: ${n.description}` : ''));
    assert.deepEqual(rows, [
      '08ELSEWHERE5: LIGHTHOUSE',
      '09ELSEWHERE7: ',
      '09NOWHERE99: b.cable · HARBOR',
      '09NOWHERE99: e.cable',
      '09NOWHERE708: a.cable · FERRY DUES',
      '09NOWHERE708: copy of a.cable · FERRY DUES',
      'notes one.cable: NO DATE, NO BANNER',
    ]);
    // Grouped, a copy is told apart under every group that lists it.
    const secret = groupCollection(entries, 'classification').find((g) => g.kind === 'group' && g.label === 'SECRET');
    assert.ok(secret?.kind === 'group');
    assert.deepEqual(secret.children.map((n) => (n.kind === 'cable' ? n.description : '')), ['a.cable · FERRY DUES', 'copy of a.cable · FERRY DUES']);
  });

  it('carries the files of the cables dragged from the view, each once, and none for a group', () => {
    const byTag = groupCollection(ENTRIES, 'tag');
    const prel = byTag.find((n) => n.kind === 'group' && n.label === 'PREL');
    const econ = byTag.find((n) => n.kind === 'group' && n.label === 'ECON');
    assert.ok(prel?.kind === 'group' && econ?.kind === 'group');
    // a.cable is under both TAGS: dragged from both, it is carried once, in the view's order; the groups themselves carry nothing.
    assert.equal(draggedUriList([...prel.children, ...econ.children, prel]), 'file:///ws/b.cable\r\nfile:///ws/a.cable\r\nfile:///ws/c.cable');
    assert.equal(draggedUriList([prel]), '');
  });
});

describe('Insert Citation quick pick', () => {
  it('offers the other cables with an id, latest first, an undated one by its id\'s year after that year\'s dated ones', () => {
    const undated = entry('e.cable', { id: '09NOWHERE12', subject: 'PIER' });
    // b.cable is the cable being written; notes one.cable has no id to cite it by. 09NOWHERE12 has no date: its id's year,
    // 2009, puts it after the last dated cable of 2009 and before 2008's, in whatever order the entries come.
    for (const entries of [[...ENTRIES, undated], [undated, ...ENTRIES].reverse()]) {
      assert.deepEqual(citationPicks(entries, 'file:///ws/b.cable').map((p) => p.label), ['09NOWHERE708', '09ELSEWHERE7', '09NOWHERE12', '08ELSEWHERE5']);
    }
    // Undated cables of one year by id as people read it, then by file.
    const extracts = [entry('f.cable', { id: '09NOWHERE100' }), entry('g.cable', { id: '09NOWHERE12' }), undated];
    assert.deepEqual(citationPicks([...ENTRIES, ...extracts], 'file:///ws/b.cable').map((p) => p.uri).slice(2, 5), ['file:///ws/e.cable', 'file:///ws/g.cable', 'file:///ws/f.cable']);
    const picks = citationPicks([...ENTRIES, undated], 'file:///ws/b.cable');
    assert.deepEqual(picks[0], { label: '09NOWHERE708', description: 'FERRY DUES', detail: '2009-06-03 · SECRET · a.cable', uri: 'file:///ws/a.cable' });
    assert.equal(picks[2].detail, 'Undated · No banner · e.cable');
  });

  it('offers the cables of one date by id as people read it, as REF citation completion does', () => {
    // a.cable (09NOWHERE708) and b.cable (09NOWHERE99) share a DTG: 99 first, where the latest-first order put 708 first.
    const picks = citationPicks(ENTRIES, 'file:///ws/c.cable');
    assert.deepEqual(picks.map((p) => p.label), ['09NOWHERE99', '09NOWHERE708', '09ELSEWHERE7']);
    // A copy of one date and id: by file.
    const copy = entry('z.cable', { id: '09NOWHERE708', date: '2009-06-03T13:22:00Z' });
    assert.deepEqual(citationPicks([copy, ...ENTRIES], 'file:///ws/c.cable').map((p) => p.uri).slice(0, 3), ['file:///ws/b.cable', 'file:///ws/a.cable', 'file:///ws/z.cable']);
  });

  it('names the file of a cable filed twice', () => {
    const copy = entry('copy.cable', { id: '09NOWHERE708', subject: 'FERRY DUES', date: '2009-06-03T13:22:00Z', classification: 'SECRET' });
    const picks = citationPicks([...ENTRIES, copy], 'file:///ws/b.cable').filter((p) => p.label === '09NOWHERE708');
    assert.deepEqual(picks.map((p) => p.description).sort(), ['a.cable · FERRY DUES', 'copy.cable · FERRY DUES']);
  });
});
