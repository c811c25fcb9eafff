/**
 * The workspace index on its own: ids shared by several files, folders removed
 * at once, URIs written differently by different clients, and search.
 */
import * as assert from 'node:assert/strict';
import { parseCable } from '../../server/src/core/parse/index';
import { CableIndex, idFromFileName, summarize, tagRange, WORKSPACE_SYMBOL_LIMIT } from '../../server/src/workspace/cableIndex';

/** An invented cable of NOWHERE with `serial`, `subject` and REF citations. */
function cable(serial: number, subject: string, refs = ''): string {
  const padded = String(serial).padStart(6, '0');
  return `R 010800Z DEC 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nUNCLAS NOWHERE ${padded}\n\nE.O. 12958: N/A\nTAGS: ECON XX\nSUBJECT: ${subject}\n${refs ? `\nREF: ${refs}\n` : ''}\n1. (U) Text.\n`;
}

/** The id (or file name) that starts a workspace symbol's name, before its subject. */
function named(symbols: readonly { name: string }[]): string[] {
  return symbols.map((s) => s.name.split(/: | · /)[0]);
}

/** Adds the cable `text` at `uri` to `index`, as the server does. */
function add(index: CableIndex, uri: string, text: string): void {
  index.set(summarize(uri, parseCable(text).cable, idFromFileName(uri)));
}

describe('workspace index', () => {
  it('keeps an id while any file holding it remains, and prefers the file its name gives', () => {
    const index = new CableIndex();
    // The same cable filed twice, once under its own name, and once more in a third folder.
    add(index, 'file:///ws/a/09NOWHERE5.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/b/copy.cable', cable(5, 'QUINCE'));
    add(index, 'file:///ws/c/copy.cable', cable(5, 'QUINCE'));
    assert.equal(index.byId('09NOWHERE5')?.uri, 'file:///ws/a/09NOWHERE5.txt');
    // Go to Definition offers every copy, the preferred one first.
    assert.deepEqual(index.copiesOf('09NOWHERE5').map((e) => e.uri), ['file:///ws/a/09NOWHERE5.txt', 'file:///ws/b/copy.cable', 'file:///ws/c/copy.cable']);
    index.delete('file:///ws/a/09NOWHERE5.txt');
    assert.ok(index.byId('09NOWHERE5'), 'deleting one copy lost the id');
    index.delete('file:///ws/c/copy.cable');
    assert.equal(index.byId('09NOWHERE5')?.uri, 'file:///ws/b/copy.cable');
    index.delete('file:///ws/b/copy.cable');
    assert.equal(index.byId('09NOWHERE5'), undefined);
    assert.deepEqual(index.copiesOf('09NOWHERE5'), []);
  });

  it("dates a cable by its header's date-time group, else a partial extract's group alone with its time, else its date", () => {
    const uri = 'file:///ws/09NOWHERE5.txt';
    assert.equal(summarize(uri, parseCable(cable(5, 'QUINCE')).cable).dtg, '2009-12-01T08:00:00Z');
    const extract = 'This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n171719Z Nov 05\n\nUNCLAS NOWHERE 000005\n\nTAGS: ECON\nSUBJECT: QUINCE\n\n1. (U) Text.\n';
    assert.equal(summarize(uri, parseCable(extract).cable).dtg, '2005-11-17T17:19:00Z');
    const dated = 'Thursday, 17 November 2005, 17:19\nUNCLAS NOWHERE 000005\n\nTAGS: ECON\nSUBJECT: QUINCE\n\n1. (U) Text.\n';
    assert.equal(summarize(uri, parseCable(dated).cable).dtg, '2005-11-17');
  });

  it('gives the id back to the files that remain when a file is indexed again under another id', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/09NOWHERE5.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/draft.cable', cable(5, 'QUINCE'));
    add(index, 'file:///ws/draft.cable', cable(6, 'MEDLAR'));
    assert.equal(index.byId('09NOWHERE5')?.uri, 'file:///ws/09NOWHERE5.txt');
    assert.equal(index.byId('09NOWHERE6')?.uri, 'file:///ws/draft.cable');
  });

  it('drops every cable under a folder that is deleted, and nothing beside it', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/archive/09NOWHERE5.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/archive/2009/09NOWHERE6.txt', cable(6, 'MEDLAR'));
    add(index, 'file:///ws/archive2/09NOWHERE7.txt', cable(7, 'SLOE'));
    assert.equal(index.deleteUnder('file:///ws/archive'), 2);
    assert.deepEqual(named(index.search('')), ['09NOWHERE7']);
    assert.equal(index.byId('09NOWHERE5'), undefined);
  });

  it('takes a URI however the client escapes it, so an open file is not indexed twice', () => {
    const index = new CableIndex();
    // vscode-uri writes "(" as %28; Helix and others leave it as it is.
    add(index, 'file:///ws/odd%20%282009%29/09NOWHERE5.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/odd%20(2009)/09NOWHERE5.txt', cable(5, 'QUINCE'));
    assert.equal(index.size, 1);
    index.delete('file:///ws/odd%20(2009)/09NOWHERE5.txt');
    assert.equal(index.size, 0);
  });

  it('keeps where each TAG stands, a TAG wrapped to a second TAGS line too, for Find References on a TAG', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/09NOWHERE5.txt', 'UNCLAS NOWHERE 000005\n\nE.O. 12958: N/A\nTAGS: ECON PREL PGOV\n     MOPS, [marr](#) XX\nSUBJECT: QUINCE\n\n1. (U) Text.\n');
    const entry = index.get('file:///ws/09NOWHERE5.txt')!;
    const at = (code: string) => {
      const r = tagRange(entry, code);
      return r && `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    };
    assert.deepEqual(['ECON', 'PGOV', 'MOPS', 'MARR', 'XX'].map(at), ['3:6-3:10', '3:16-3:20', '4:5-4:9', '4:12-4:16', '4:21-4:23']);
    assert.equal(at('PTER'), undefined);
  });

  it('files a cable without a banner, or whose banner blanked its post, under the post the FM line spells, as the banners of that post do', () => {
    const index = new CableIndex();
    const body = '\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: QUINCE\n\n1. (U) Text.\n';
    // No banner: the id is the file name's, and its post is spelt "LASPALMAS" there but "LAS PALMAS" on the FM line and in the banners.
    add(index, 'file:///ws/09LASPALMAS7.txt', `R 010800Z DEC 09\nFM AMCONSUL LAS PALMAS\nTO SECSTATE WASHDC\n${body}`);
    add(index, 'file:///ws/09LASPALMAS8.txt', `R 020800Z DEC 09\nFM AMCONSUL LAS PALMAS\nTO SECSTATE WASHDC\n\nUNCLAS LAS PALMAS 000008\n${body}`);
    // The release blanked the banner's post: not a post of its own.
    add(index, 'file:///ws/10LASPALMAS4.txt', `R 070800Z JAN 10\nFM AMCONSUL LAS PALMAS\nTO SECSTATE WASHDC\n\nUNCLAS XXXXXXXXXXXX 000004\n${body}`);
    // No FM line to spell it: the id's post; and a blanked post with no id is none.
    add(index, 'file:///ws/09LASPALMAS9.txt', `UNCLAS\n${body}`);
    add(index, 'file:///ws/notes.cable', `UNCLAS XXXXXXXXXXXX 000004\n${body}`);
    const post = (name: string) => index.get(`file:///ws/${name}`)?.post;
    assert.deepEqual(['09LASPALMAS7.txt', '09LASPALMAS8.txt', '10LASPALMAS4.txt', '09LASPALMAS9.txt', 'notes.cable'].map(post), ['LAS PALMAS', 'LAS PALMAS', 'LAS PALMAS', 'LASPALMAS', undefined]);
  });
});

describe('workspace symbol search', () => {
  it('finds a cable by the id its file name gives when its text gives another, and a file that is no cable by its name', () => {
    const index = new CableIndex();
    // A copy filed under another cable's name: the text says NOWHERE 5.
    add(index, 'file:///ws/09NOWHERE12.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/reading%20notes.cable', 'Notes on the collection.\n');
    for (const query of ['09NOWHERE12', 'NOWHERE 12', '09 NOWHERE 12']) assert.deepEqual(named(index.search(query)), ['09NOWHERE5'], query);
    assert.deepEqual(index.search('09NOWHERE5').map((s) => s.location.uri), ['file:///ws/09NOWHERE12.txt']);
    assert.deepEqual(named(index.search('notes')), ['reading notes.cable']);
    // The extension is no part of the name searched, or "txt" would find every file.
    assert.deepEqual(named(index.search('txt')), []);
    // A "%" that starts no escape, as some clients leave it, is read as it is.
    add(index, 'file:///ws/100%.cable', cable(6, 'MEDLAR'));
    assert.deepEqual(named(index.search('100%')), ['09NOWHERE6']);
  });

  it('names a symbol by id and subject, and adds what else the query was found in, since VS Code matches names only', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/archive/09NOWHERE12.txt', cable(5, 'QUINCE HARVEST'));
    add(index, 'file:///ws/reading%20notes.cable', 'Notes on the collection.\n');
    const [found] = index.search('quince');
    assert.equal(found.name, '09NOWHERE5: QUINCE HARVEST');
    assert.equal(found.containerName, '2009-12-01 · UNCLASSIFIED · ECON XX');
    // A TAG, a date or a file name that the id and subject do not show is added, each field once.
    assert.equal(index.search('econ')[0].name, '09NOWHERE5: QUINCE HARVEST · TAGS ECON XX');
    assert.equal(index.search('econ xx 2009-12')[0].name, '09NOWHERE5: QUINCE HARVEST · TAGS ECON XX · 2009-12-01');
    assert.equal(index.search('08:00')[0].name, '09NOWHERE5: QUINCE HARVEST · 2009-12-01T08:00:00Z');
    assert.equal(index.search('NOWHERE 12')[0].name, '09NOWHERE5: QUINCE HARVEST · 09NOWHERE12.txt');
    assert.equal(index.search('notes')[0].name, 'reading notes.cable');
  });

  it('finds a cable by its file name pasted whole, with its extension, and names the file', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/archive/09NOWHERE12.txt', cable(5, 'QUINCE HARVEST'));
    add(index, 'file:///ws/09NOWHERE7.txt', cable(7, 'MEDLAR'));
    add(index, 'file:///ws/reading%20notes.cable', 'Notes on the collection.\n');
    // VS Code keeps a symbol whose name matches what was typed: the file name is added to it.
    assert.deepEqual(index.search('09NOWHERE12.txt').map((s) => s.name), ['09NOWHERE5: QUINCE HARVEST · 09NOWHERE12.txt']);
    assert.deepEqual(index.search('09nowhere7.TXT').map((s) => s.name), ['09NOWHERE7: MEDLAR · 09NOWHERE7.txt']);
    assert.deepEqual(named(index.search('reading notes.cable')), ['reading notes.cable']);
    // The extension alone still finds no file.
    assert.deepEqual(named(index.search('.txt')), []);
  });

  it('finds a cable by a person its TAGS name after an OVIP-style TAG, and names the person', () => {
    const index = new CableIndex();
    // Invented: the visitor is named in the TAGS only, not in the subject.
    add(index, 'file:///ws/09NOWHERE5.txt', cable(5, 'SECRETARY VISITS THE HARBOR').replace('TAGS: ECON XX', 'TAGS: OVIP (ROE, JANE Q.), PREL, XX'));
    add(index, 'file:///ws/09NOWHERE6.txt', cable(6, 'ROE DEER SURVEY'));
    assert.deepEqual(index.search('jane').map((s) => s.name), ['09NOWHERE5: SECRETARY VISITS THE HARBOR · ROE, JANE Q.']);
    // A word of the subject ranks first, as the search ranks the subject over the other fields.
    assert.deepEqual(index.search('roe').map((s) => s.name), ['09NOWHERE6: ROE DEER SURVEY', '09NOWHERE5: SECRETARY VISITS THE HARBOR · ROE, JANE Q.']);
    assert.deepEqual(index.search('ovip jane').map((s) => s.name), ['09NOWHERE5: SECRETARY VISITS THE HARBOR · TAGS OVIP PREL XX · ROE, JANE Q.']);
    // The person is no TAG: Find References on a TAG and the Cables view's groups read the codes only.
    assert.deepEqual(index.get('file:///ws/09NOWHERE5.txt')?.tags, ['OVIP', 'PREL', 'XX']);
  });

  it('finds the cables a name signed, and names the signature, since VS Code matches names only', () => {
    const index = new CableIndex();
    // Invented: two cables signed QUILLFEATHER, one whose subject holds the name, and one signed by another.
    add(index, 'file:///ws/09NOWHERE5.txt', `${cable(5, 'QUINCE HARVEST')}\nQUILLFEATHER\n`);
    add(index, 'file:///ws/09NOWHERE6.txt', `${cable(6, 'MEDLAR PRICES')}\nROE\n`);
    add(index, 'file:///ws/09NOWHERE7.txt', `${cable(7, 'QUILLFEATHER ON THE PIER')}\nQUILLFEATHER\n`);
    assert.equal(index.get('file:///ws/09NOWHERE5.txt')?.signature, 'QUILLFEATHER');
    // The subject's word ranks first; the name the cable shows only as its signature is added to its symbol's name.
    assert.deepEqual(index.search('quillfeather').map((s) => s.name), ['09NOWHERE7: QUILLFEATHER ON THE PIER', '09NOWHERE5: QUINCE HARVEST · signed QUILLFEATHER']);
    assert.deepEqual(index.search('roe').map((s) => s.name), ['09NOWHERE6: MEDLAR PRICES · signed ROE']);
  });

  it('finds the cables a name classified, and names the classifier; not a blanked name, nor the source of a derived classification', () => {
    const index = new CableIndex();
    // Invented: cables of a classified level, each with its Classified By line (or Derived From) before its text.
    const classified = (serial: number, subject: string, line: string) =>
      cable(serial, subject).replace('UNCLAS', 'CONFIDENTIAL').replace('E.O. 12958: N/A', 'E.O. 12958: DECL: 12/01/2019').replace('\n1. (U) Text.', `\n${line}\n\n1. (C) Text.`);
    add(index, 'file:///ws/09NOWHERE5.txt', classified(5, 'QUINCE HARVEST', 'Classified By: Ambassador Odile Fernbrake for reasons 1.4 (b) and (d).'));
    add(index, 'file:///ws/09NOWHERE6.txt', classified(6, 'MEDLAR PRICES', 'Classified By: XXXXXXXXXXXX for reasons 1.4 (b).'));
    add(index, 'file:///ws/09NOWHERE7.txt', classified(7, 'LOQUAT SALES', 'Derived From: Harbor Guide 09-1'));
    assert.equal(index.get('file:///ws/09NOWHERE5.txt')?.classifier, 'Ambassador Odile Fernbrake');
    assert.equal(index.get('file:///ws/09NOWHERE6.txt')?.classifier, undefined);
    assert.equal(index.get('file:///ws/09NOWHERE7.txt')?.classifier, undefined);
    assert.deepEqual(index.search('fernbrake').map((s) => s.name), ['09NOWHERE5: QUINCE HARVEST · classified by Ambassador Odile Fernbrake']);
    assert.deepEqual(index.search('odile fernbrake').map((s) => s.name), ['09NOWHERE5: QUINCE HARVEST · classified by Ambassador Odile Fernbrake']);
    assert.deepEqual(index.search('xxxxxxxxxxxx'), []);
    assert.deepEqual(index.search('guide'), []);
  });

  it('lists the cables citing a cable, filed under a TAG or holding a cable by URI, whichever was indexed again last', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/b/09NOWHERE6.txt', cable(6, 'MEDLAR', '09 NOWHERE 5'));
    add(index, 'file:///ws/a/09NOWHERE7.txt', cable(7, 'LOQUAT', '09 NOWHERE 5'));
    add(index, 'file:///ws/c/copy.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/b/copy.txt', cable(5, 'QUINCE'));
    const uris = (entries: readonly { uri: string }[]) => entries.map((e) => e.uri);
    const lists = () => [uris(index.citing('09NOWHERE5')), uris(index.tagged('ECON')), uris(index.copiesOf('09NOWHERE5')), index.byId('09NOWHERE5')?.uri];
    const expected = [
      ['file:///ws/a/09NOWHERE7.txt', 'file:///ws/b/09NOWHERE6.txt'],
      ['file:///ws/a/09NOWHERE7.txt', 'file:///ws/b/09NOWHERE6.txt', 'file:///ws/b/copy.txt', 'file:///ws/c/copy.txt'],
      ['file:///ws/b/copy.txt', 'file:///ws/c/copy.txt'],
      'file:///ws/b/copy.txt',
    ];
    assert.deepEqual(lists(), expected);
    // Opened in the editor, each is indexed again: nothing moves.
    for (const uri of ['file:///ws/a/09NOWHERE7.txt', 'file:///ws/b/copy.txt']) add(index, uri, index.get(uri)!.subject === 'LOQUAT' ? cable(7, 'LOQUAT', '09 NOWHERE 5') : cable(5, 'QUINCE'));
    assert.deepEqual(lists(), expected);
  });

  it('finds the cable of the year typed, and no cable of that post from another year whose date holds the year\'s digits', () => {
    const index = new CableIndex();
    // Invented: NOWHERE 13750 of December 2009, and NOWHERE 13750 of 9 January 2010, whose date holds "09".
    add(index, 'file:///ws/09NOWHERE13750.txt', cable(13750, 'QUINCE'));
    add(index, 'file:///ws/10NOWHERE13750.txt', cable(13750, 'MEDLAR').replace('R 010800Z DEC 09', 'R 090800Z JAN 10'));
    add(index, 'file:///ws/09NOWHERE137501.txt', cable(137501, 'SLOE'));
    for (const query of ['09 NOWHERE 13750', '2009 NOWHERE 13750', '09NOWHERE13750']) assert.deepEqual(named(index.search(query)), ['09NOWHERE13750', '09NOWHERE137501'], query);
    assert.deepEqual(named(index.search('10 NOWHERE 13750')), ['10NOWHERE13750']);
    // Without a year, both years' cables are the one typed.
    assert.deepEqual(named(index.search('NOWHERE 13750')), ['09NOWHERE13750', '10NOWHERE13750', '09NOWHERE137501']);
    // A subject search shaped like no id still reads the date.
    assert.deepEqual(named(index.search('medlar 09')), ['10NOWHERE13750']);
  });

  it('reads PlusD\'s file names and ids ("2009NOWHERE5.txt", "09NOWHERE5_a.txt"), and prefers the file named after the id itself', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/plusd/09NOWHERE5_a.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/09NOWHERE5.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/plusd/2009NOWHERE6.txt', 'Notes, no cable text.\n');
    assert.equal(index.byId('09NOWHERE5')?.uri, 'file:///ws/09NOWHERE5.txt');
    assert.equal(index.get('file:///ws/plusd/2009NOWHERE6.txt')?.id, '09NOWHERE6');
    for (const query of ['2009NOWHERE6', '09 NOWHERE 6', '09NOWHERE5_a']) assert.equal(index.search(query).length > 0, true, query);
    assert.deepEqual(named(index.search('2009NOWHERE6')), ['09NOWHERE6']);
    assert.deepEqual(index.search('09NOWHERE5_a').map((s) => s.location.uri).sort(), ['file:///ws/09NOWHERE5.txt', 'file:///ws/plusd/09NOWHERE5_a.txt']);
  });

  it('lists the cables where each word typed is a whole word (a TAG) before those where it is part of a longer one, even past the limit', () => {
    const index = new CableIndex();
    // Invented: "KN" is a TAG of 09NOWHERE3 only; the others hold it inside KNNP and ACKNOWLEDGES.
    add(index, 'file:///ws/09NOWHERE1.txt', cable(1, 'QUINCE').replace('TAGS: ECON XX', 'TAGS: KNNP XX'));
    add(index, 'file:///ws/09NOWHERE2.txt', cable(2, 'MINISTER ACKNOWLEDGES DUES'));
    add(index, 'file:///ws/09NOWHERE3.txt', cable(3, 'MEDLAR').replace('TAGS: ECON XX', 'TAGS: PREL KN'));
    assert.deepEqual(named(index.search('kn')), ['09NOWHERE3', '09NOWHERE1', '09NOWHERE2']);
    assert.deepEqual(named(index.search('kn', 1)), ['09NOWHERE3']);
    // Every word whole, or the cable goes after: "DUES" whole but "ACK" not.
    assert.deepEqual(named(index.search('ack dues')), ['09NOWHERE2']);
    assert.deepEqual(named(index.search('medlar kn')), ['09NOWHERE3']);
  });

  it('reads the post as a whole word, so that a post typed lists its cables before those holding it inside a word', () => {
    const index = new CableIndex();
    // Invented: a cable of ELSEWHERE whose subject holds "NOWHERE" in a longer word, indexed first.
    add(index, 'file:///ws/09ELSEWHERE1.txt', cable(1, 'NOWHERESVILLE FERRY').replace(/NOWHERE 0/, 'ELSEWHERE 0').replace('AMEMBASSY NOWHERE', 'AMEMBASSY ELSEWHERE'));
    add(index, 'file:///ws/09NOWHERE3.txt', cable(3, 'QUINCE'));
    assert.deepEqual(named(index.search('nowhere')), ['09NOWHERE3', '09ELSEWHERE1']);
    // The name shows the id, which holds the post: nothing is added to it.
    assert.equal(index.search('nowhere')[0].name, '09NOWHERE3: QUINCE');
    // A cable with no id (no date, a file name that gives none) has the post added, which VS Code matches the name against.
    add(index, 'file:///ws/notes.cable', 'UNCLAS NOWHERE 000009\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: LIGHTHOUSES\n\n1. (U) Text.\n');
    assert.deepEqual(index.search('nowhere').map((s) => s.name), ['09NOWHERE3: QUINCE', 'notes.cable: LIGHTHOUSES · NOWHERE', '09ELSEWHERE1: NOWHERESVILLE FERRY']);
  });

  it('lists the files of a cable whose id was typed in one order whichever was opened last: the file named as typed, then the one named after the id, then by URI', () => {
    const index = new CableIndex();
    add(index, 'file:///ws/09NOWHERE5.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/plusd/2009NOWHERE5.txt', cable(5, 'QUINCE'));
    // Opened, the copy is indexed again, last.
    add(index, 'file:///ws/plusd/09NOWHERE5_a.txt', cable(5, 'QUINCE'));
    add(index, 'file:///ws/09NOWHERE5.txt', cable(5, 'QUINCE'));
    const uris = (query: string) => index.search(query).map((s) => s.location.uri);
    // The one named after the id, then the others by URI.
    const order = ['file:///ws/09NOWHERE5.txt', 'file:///ws/plusd/09NOWHERE5_a.txt', 'file:///ws/plusd/2009NOWHERE5.txt'];
    for (const query of ['NOWHERE 5', '09NOWHERE5', '09 nowhere 5']) assert.deepEqual(uris(query), order, query);
    // Another copy opened: the same order.
    add(index, 'file:///ws/plusd/2009NOWHERE5.txt', cable(5, 'QUINCE'));
    assert.deepEqual(uris('NOWHERE 5'), order);
    assert.deepEqual(uris('09NOWHERE5_a'), ['file:///ws/plusd/09NOWHERE5_a.txt', 'file:///ws/09NOWHERE5.txt', 'file:///ws/plusd/2009NOWHERE5.txt']);
    assert.deepEqual(uris('2009NOWHERE5')[0], 'file:///ws/plusd/2009NOWHERE5.txt');
  });

  it("finds an undated cable by the year its id gives, and names the year, which VS Code matches the name against", () => {
    const index = new CableIndex();
    // Invented partial extract: no date in the text; the file name gives 04NOWHERE5.
    add(index, 'file:///ws/04NOWHERE5.txt', 'This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nUNCLAS NOWHERE 000005\n\nTAGS: ECON\nSUBJECT: QUINCE\n\n1. (U) Text.\n');
    add(index, 'file:///ws/04NOWHERE6.txt', cable(6, 'MEDLAR').replace('DEC 09', 'DEC 04'));
    // The dated cable of 2004 first: the undated one stands after the dated cables of its id's year.
    assert.deepEqual(index.search('2004').map((s) => s.name), ['04NOWHERE6: MEDLAR · 2004-12-01', '04NOWHERE5: QUINCE · 2004']);
  });

  it('lists the cables of one rank latest first, then by id and path, whichever was read or opened first, and cuts the oldest', () => {
    // Invented cables of NOWHERE, all holding QUINCE in their subject (one rank), read in an order of no use.
    const dated = (serial: number, dtg: string) => cable(serial, 'QUINCE').replace('R 010800Z DEC 09', dtg);
    const files: [string, string][] = [
      ['file:///ws/b/09NOWHERE30.txt', dated(30, 'R 150900Z MAR 09')],
      ['file:///ws/undated.txt', 'UNCLAS NOWHERE 000040\n\nTAGS: ECON\nSUBJECT: QUINCE\n\n1. (U) Text.\n'],
      ['file:///ws/09NOWHERE708.txt', dated(708, 'R 010800Z JUN 09')],
      ['file:///ws/a/09NOWHERE30.txt', dated(30, 'R 150900Z MAR 09')],
      ['file:///ws/09NOWHERE99.txt', dated(99, 'R 010800Z JUN 09')],
      ['file:///ws/08NOWHERE5.txt', dated(5, 'R 311200Z DEC 08')],
      ['file:///ws/09NOWHERE800.txt', dated(800, 'R 021100Z JUN 09')],
    ];
    const index = new CableIndex();
    for (const [uri, text] of files) add(index, uri, text);
    const listed = (query: string, limit?: number) => index.search(query, limit).map((s) => `${s.name.split(':')[0]} ${s.location.uri.slice('file:///ws/'.length)}`);
    // Latest first; the same DTG by id, read as people do (99 before 708); one cable's two files by path; the undated last.
    const order = ['09NOWHERE800 09NOWHERE800.txt', '09NOWHERE99 09NOWHERE99.txt', '09NOWHERE708 09NOWHERE708.txt', '09NOWHERE30 a/09NOWHERE30.txt', '09NOWHERE30 b/09NOWHERE30.txt', '08NOWHERE5 08NOWHERE5.txt', 'undated.txt undated.txt'];
    assert.deepEqual(listed('quince'), order);
    assert.deepEqual(listed(''), order);
    // A rank cut by the limit keeps the latest.
    assert.deepEqual(listed('quince', 3), order.slice(0, 3));
    // Opened and edited, a cable is indexed again: nothing moves, and an edit of its date moves it to its place.
    add(index, 'file:///ws/08NOWHERE5.txt', files[5][1]);
    add(index, 'file:///ws/b/09NOWHERE30.txt', files[0][1]);
    assert.deepEqual(listed('quince'), order);
    add(index, 'file:///ws/b/09NOWHERE30.txt', dated(30, 'R 010900Z JUL 09'));
    assert.deepEqual(listed('quince'), ['09NOWHERE30 b/09NOWHERE30.txt', ...order.filter((l) => !l.includes('b/'))]);
    // Dropped, added: as a new index of the same files lists them.
    index.delete('file:///ws/09NOWHERE99.txt');
    add(index, 'file:///ws/09NOWHERE1.txt', dated(1, 'R 010800Z JAN 09'));
    const fresh = new CableIndex();
    for (const uri of ['file:///ws/09NOWHERE1.txt', ...files.map(([u]) => u).filter((u) => u !== 'file:///ws/09NOWHERE99.txt')]) fresh.set(index.get(uri)!);
    assert.deepEqual(listed('quince'), fresh.search('quince').map((s) => `${s.name.split(':')[0]} ${s.location.uri.slice('file:///ws/'.length)}`));
    assert.deepEqual(listed('quince').slice(-3), ['09NOWHERE1 09NOWHERE1.txt', '08NOWHERE5 08NOWHERE5.txt', 'undated.txt undated.txt']);
    // A folder read at once (more changes than are taken in one at a time), some dropped again: the same as a new index.
    for (let n = 100; n < 140; n++) add(index, `file:///ws/c/09NOWHERE${n}.txt`, dated(n, `R ${String(n - 90).padStart(2, '0')}0800Z APR 09`));
    for (let n = 100; n < 140; n += 3) index.delete(`file:///ws/c/09NOWHERE${n}.txt`);
    add(index, 'file:///ws/09NOWHERE708.txt', dated(708, 'R 010800Z JAN 09'));
    const again = new CableIndex();
    for (const entry of [...index.all()].reverse()) again.set(entry);
    const all = (i: CableIndex) => i.search('quince').map((s) => s.location.uri);
    assert.equal(all(index).length, 7 + 40 - 14);
    assert.deepEqual(all(index), all(again));
  });

  it('ranks the cables of a large collection so that the limit cuts the least useful: id, then subject word, then other whole words, then parts of words', () => {
    // A generated collection of 2,000 cables, indexed worst first: 1,200 of ELSEWHERE whose subject names NOWHERE, 100
    // whose subject holds it inside a longer word, then 700 of NOWHERE. VS Code sends only the first word typed (`nowhere`
    // of `nowhere fares`) and filters the answer on its side: the 200 answered were the first 200 whole-word matches in the
    // order indexed, all of ELSEWHERE, and no cable of NOWHERE.
    const index = new CableIndex();
    const entry = (uri: string, id: string, post: string, subject: string) => ({ uri, id, post, subject, dtg: '2009-12-01T08:00:00Z', classification: 'UNCLASSIFIED', tags: ['ECON'], refs: [] });
    for (let n = 1; n <= 1200; n++) index.set(entry(`file:///ws/e/09ELSEWHERE${n}.txt`, `09ELSEWHERE${n}`, 'ELSEWHERE', `VIEWS ON NOWHERE FERRY FARES ${n}`));
    for (let n = 1201; n <= 1300; n++) index.set(entry(`file:///ws/e/09ELSEWHERE${n}.txt`, `09ELSEWHERE${n}`, 'ELSEWHERE', `NOWHERESVILLE QUAYS ${n}`));
    for (let n = 1; n <= 700; n++) index.set(entry(`file:///ws/n/09NOWHERE${n}.txt`, `09NOWHERE${n}`, 'NOWHERE', `HARBOR DUES ${n}`));
    const found = named(index.search('nowhere'));
    assert.equal(found.length, WORKSPACE_SYMBOL_LIMIT);
    // Every cable of NOWHERE first, then those whose subject names it, and none that holds it inside a word.
    assert.ok(found.slice(0, 700).every((id) => id.startsWith('09NOWHERE')), found.slice(0, 3).join(' '));
    assert.ok(found.slice(700).every((id) => Number(id.slice('09ELSEWHERE'.length)) <= 1200));
    // An id's start (`09NOWHERE12`) lists the cable of that id, then those whose id goes on from it.
    assert.deepEqual(named(index.search('09NOWHERE12')).slice(0, 4), ['09NOWHERE12', '09NOWHERE120', '09NOWHERE121', '09NOWHERE122']);
    assert.deepEqual(named(index.search('NOWHERE12')), ['09NOWHERE12', ...Array.from({ length: 10 }, (_, k) => `09NOWHERE${120 + k}`)]);
  });

  it('puts the cable whose id was typed first, even past the limit of other matches', () => {
    const index = new CableIndex();
    for (const serial of [17, 27, 37, 47, 7]) add(index, `file:///ws/09NOWHERE${serial}.txt`, cable(serial, 'QUINCE'));
    assert.deepEqual(named(index.search('NOWHERE 7', 3)), ['09NOWHERE7', '09NOWHERE17', '09NOWHERE27']);
    assert.deepEqual(named(index.search('09NOWHERE7', 3))[0], '09NOWHERE7');
  });
});

describe("the index's reading of mentions of cited paragraphs (CBL054)", () => {
  it("reads an open document's text for mentions of cited paragraphs not at all, and a closed file's only when it cites a cable; the closed files citingParagraphsOf gives are the same", () => {
    // 09NOWHERE20 names paragraph 3 of the cable it cites; 21 cites it and names none; 22's REF item cites no cable.
    const withText = (serial: number, ref: string, line: string) => cable(serial, 'FERRY DUES', ref).replace('1. (U) Text.', `1. (U) ${line}`);
    const texts: Record<string, string> = {
      '09NOWHERE20.cable': withText(20, 'A. 09 NOWHERE 19', 'As ref A para 3 says.'),
      '09NOWHERE21.cable': withText(21, 'A. 09 NOWHERE 19', 'As ref A says.'),
      '09NOWHERE22.cable': withText(22, 'A. YOUR EMAIL OF MAY 3', 'As ref A para 2 says.'),
    };
    const uri = (name: string) => `file:///ws/${name}`;
    const entry = (name: string, open: boolean) => summarize(uri(name), parseCable(texts[name]).cable, idFromFileName(uri(name)), open);
    const says = (open: boolean) => Object.keys(texts).map((name) => entry(name, open).citesParagraphs ?? false);
    // Closed, each as its text reads: 22 names a paragraph of no cable it cites, and CBL054 has nothing to check.
    assert.deepEqual(says(false), [true, false, false]);
    // Open, each that cites a cable may name a paragraph: 21's text was not read, else it would say it names none.
    assert.deepEqual(says(true), [true, true, false]);
    // Closed, where each names a paragraph of a cited cable, as six numbers (the cited id's index in refs, the lowest and
    // highest number named, line, start, end: Find References on that paragraph's marker lists it); open, nothing.
    const line = parseCable(texts['09NOWHERE20.cable']).cable.lines.findIndex((l) => l.includes('para 3'));
    const at = parseCable(texts['09NOWHERE20.cable']).cable.lines[line].indexOf('para 3');
    assert.deepEqual(entry('09NOWHERE20.cable', false).paragraphMentions, [0, 3, 3, line, at, at + 6]);
    assert.deepEqual(Object.keys(texts).map((name) => entry(name, true).paragraphMentions), [undefined, undefined, undefined]);
    // A range's last number is kept as itself and, over the whole range's text, as the numbers between; a range that
    // falls, as its ends alone.
    const ranges = summarize(uri('09NOWHERE23.cable'), parseCable(withText(23, 'A. 09 NOWHERE 19', 'REF A paras 3-9 and REF A paras 5-3 agree.')).cable, '09NOWHERE23');
    const c = parseCable(withText(23, 'A. 09 NOWHERE 19', 'REF A paras 3-9 and REF A paras 5-3 agree.')).cable;
    const l23 = c.lines.findIndex((l) => l.includes('paras 3-9'));
    const k = c.lines[l23].indexOf('paras 3-9');
    const k2 = c.lines[l23].indexOf('paras 5-3');
    assert.deepEqual(ranges.paragraphMentions, [0, 3, 3, l23, k, k + 7, 0, 9, 9, l23, k + 8, k + 9, 0, 4, 8, l23, k + 6, k + 9, 0, 5, 5, l23, k2, k2 + 7, 0, 3, 3, l23, k2 + 8, k2 + 9]);
    // A range running onto the next line ("REF A paras 3-" / "6 agree"): each end where it stands, and the numbers between
    // at the last (an entry's mention is on one line).
    const across = parseCable(withText(24, 'A. 09 NOWHERE 19', 'REF A paras 3-\n6 agree.')).cable;
    const l24 = across.lines.findIndex((l) => l.includes('paras 3-'));
    const k24 = across.lines[l24].indexOf('paras 3');
    assert.deepEqual(summarize(uri('09NOWHERE24.cable'), across, '09NOWHERE24').paragraphMentions, [0, 3, 3, l24, k24, k24 + 7, 0, 6, 6, l24 + 1, 0, 1, 0, 4, 5, l24 + 1, 0, 1]);
    // The rest of an entry is the same either way.
    for (const name of Object.keys(texts)) {
      const { citesParagraphs: _closed, paragraphMentions: _mentions, ...closed } = entry(name, false);
      const { citesParagraphs: _open, ...open } = entry(name, true);
      assert.deepEqual(open, closed, name);
    }
    // The server asks for the closed files citing a cable whose paragraphs changed: the open document among them it
    // leaves out, and once closed, the file is indexed from disk again, and answers as it reads.
    const index = new CableIndex();
    for (const name of Object.keys(texts)) index.set(entry(name, false));
    const citing = () => index.citingParagraphsOf(new Set(['09NOWHERE19'])).map((e) => e.uri);
    assert.deepEqual(citing(), [uri('09NOWHERE20.cable')]);
    index.set(entry('09NOWHERE21.cable', true));
    assert.deepEqual(citing().sort(), [uri('09NOWHERE20.cable'), uri('09NOWHERE21.cable')]);
    index.set(entry('09NOWHERE21.cable', false));
    assert.deepEqual(citing(), [uri('09NOWHERE20.cable')]);
  });
});
