/**
 * The cable preview (server/src/features/preview.ts): the decoded card, the escaping, and the text, which comes back
 * exactly from the HTML over every fixture and corpus cable.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCable } from '../../server/src/core/parse';
import { defaultDictionaries } from '../../server/src/features/dictionaries';
import { escapeHtml, getPreview, getPreviewCard, type PreviewContext } from '../../server/src/features/preview';
import type { IndexedCable } from '../../server/src/features/types';
import { corpusFiles, ROOT } from '../helpers';

const ctx: PreviewContext = { dictionaries: defaultDictionaries() };

/** Every invented fixture cable (`.txt` and `.cable` under test/fixtures). */
function fixtureFiles(dir = path.join(ROOT, 'test', 'fixtures')): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureFiles(full));
    else if (/\.(txt|cable)$/.test(e.name) && !e.name.endsWith('.expected.txt')) out.push(full);
  }
  return out.sort();
}

/** The `<pre>`'s content with its tags stripped and its references resolved: what a reader of the preview sees as text. */
function shownText(html: string): string {
  const open = html.indexOf('<pre class="cable-text">');
  const close = html.lastIndexOf('</pre>');
  assert.ok(open >= 0 && close > open, 'the preview has a <pre>');
  const inner = html.slice(open + '<pre class="cable-text">'.length, close);
  // Every "<" of the text is escaped, so a "<" left is a tag's.
  assert.doesNotMatch(inner, /<(?!\/?span[ >])/, 'only span tags inside the <pre>');
  const refs: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
  return inner.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#\d+);/g, (_, name: string) => (name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : refs[name]));
}

const preview = (text: string, context: PreviewContext = ctx) => getPreview(parseCable(text).cable, context);

const CABLE = [
  'VZCZCXRO0001',
  'PP RUEHWEB',
  'DE RUEHVT #0412/01 1541322',
  'ZNY SSSSS ZZH',
  'P 031322Z JUN 09',
  'FM AMEMBASSY VALLETTA',
  'TO RUEHC/SECSTATE WASHDC PRIORITY 3187',
  'INFO RUEHRO/AMEMBASSY ROME PRIORITY 0551',
  '',
  'S E C R E T SECTION 01 OF 02 VALLETTA 000412',
  '',
  'NOFORN',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 06/03/2019',
  'TAGS: PREL MOPS ZZQQ MT',
  'SUBJECT: HARBOR <PATROLS> & "LIAISON" \'PLANS\'',
  '',
  'REF: A. VALLETTA 388',
  '¶B. STATE 51120',
  '',
  'Classified By: Ambassador Jane Roe for reasons 1.4 (b) and (d).',
  '',
  '¶1. (C) The director asked for a <liaison> & a "channel".',
  '',
  '¶2. (S/NF) He named XXXXXXXXXXXX as the contact.',
  'ROE',
  '',
].join('\n');

describe('preview: the card', () => {
  it('decodes the classification, id, date, precedence, addressees, section, E.O., DECL and reasons', () => {
    const card = getPreviewCard(parseCable(CABLE).cable, ctx);
    assert.equal(card.classification, 'SECRET NOFORN SIPDIS');
    assert.equal(card.level, 'SECRET');
    const facts = Object.fromEntries(card.facts.map((f) => [f.label, f.value]));
    assert.equal(facts.Id, '09VALLETTA412');
    assert.equal(facts.Date, '3 June 2009, 1322Z');
    assert.equal(facts.Precedence, 'PRIORITY');
    assert.equal(facts.From, 'AMEMBASSY VALLETTA · station RUEHVT (AMEMBASSY VALLETTA)');
    assert.equal(facts.To, 'SECSTATE WASHDC');
    assert.equal(facts.Info, 'AMEMBASSY ROME');
    assert.equal(facts.Section, '1 of 2');
    assert.equal(facts['E.O.'], 'E.O. 12958');
    assert.equal(facts['Declassify on'], '3 June 2019');
    assert.equal(facts['Classified by'], 'Ambassador Jane Roe');
    assert.match(facts.Reasons, /^1\.4\(b\): .+; 1\.4\(d\): .+$/);
    assert.equal(card.subject, 'HARBOR <PATROLS> & "LIAISON" \'PLANS\'');
  });

  it('gives each TAG its first meaning as completion shows it, "unverified" where the reference marks it so, and says when a code is unknown', () => {
    const tags = getPreviewCard(parseCable(CABLE).cable, ctx).tags;
    assert.deepEqual(
      tags.map((t) => [t.code, t.kind, t.meaning]),
      [
        ['PREL', 'known', 'Political Affairs--External Political…'],
        ['MOPS', 'unverified', 'unverified'],
        ['ZZQQ', 'unknown', 'not in the dictionary'],
        ['MT', 'known', 'Malta'],
      ],
    );
    assert.match(tags[0].full ?? '', /External Political Relations/);
  });

  it("links a REF item to the cited cable's file with its subject when the index holds it, and says when it does not", () => {
    const cited: IndexedCable = { uri: 'file:///ws/09VALLETTA388.txt', id: '09VALLETTA388', subject: 'EARLIER <TALKS>', tags: [], refs: [] };
    const context: PreviewContext = { ...ctx, citedCable: (item) => (item.letter === 'A' ? cited : undefined) };
    const { html } = preview(CABLE, context);
    assert.match(html, /<span class="ref-letter">A\.<\/span> <span class="citation">VALLETTA 388<\/span> \(<span class="ref-id">09VALLETTA388<\/span>\) — <a class="ref-link" href="file:\/\/\/ws\/09VALLETTA388\.txt" data-uri="file:\/\/\/ws\/09VALLETTA388\.txt">EARLIER &lt;TALKS&gt;<\/a>/);
    assert.match(html, /<span class="citation">STATE 51120<\/span> \(<span class="ref-id">09STATE51120<\/span>\) — <span class="absent">not in the workspace<\/span>/);
  });

  it('says "No banner" for a cable without one, never a level read from its markings', () => {
    const text = 'SUBJECT: NOTES\n\n¶1. (S) A marked paragraph.\n¶2. (C) Another.\n';
    const card = getPreviewCard(parseCable(text).cable, ctx);
    assert.equal(card.classification, 'No banner');
    assert.equal(card.level, undefined);
    const { html } = preview(text);
    assert.match(html, /<div class="bar no-banner">No banner<\/div>/);
    assert.doesNotMatch(html.slice(0, html.indexOf('<pre')), /level-/);
  });

  it("colors the bar and the banner by the banner's level, and each marking by its own", () => {
    const text = 'UNCLAS SECTION 01 OF 01 PARIS 000123\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: A TEST\n\n¶1. (S) Marked above the banner.\n';
    const { html } = preview(text);
    assert.match(html, /<div class="bar banner level-unclassified">UNCLASSIFIED<\/div>/);
    assert.match(html, /<span class="banner level-unclassified">UNCLAS SECTION 01 OF 01 PARIS 000123<\/span>/);
    assert.match(html, /<span class="para-number">¶1\.<\/span> <span class="marking level-secret">\(S\)<\/span>/);
    assert.doesNotMatch(html.slice(0, html.indexOf('<pre')), /level-secret/);
  });

  it('names the file when the text gives no id, and leaves out what the cable does not give', () => {
    const text = 'SUBJECT: NOTES\n\n¶1. (U) Text.\n';
    const card = getPreviewCard(parseCable(text).cable, { ...ctx, uri: 'file:///ws/05PARIS7360.txt' });
    assert.deepEqual(card.facts, [{ label: 'Id', value: '05PARIS7360 (from the file name)' }]);
    assert.deepEqual(card.tags, []);
    assert.deepEqual(card.refs, []);
  });
});

describe('preview: the text', () => {
  it('escapes <, &, > and both quotes in the card and the text, and wraps the spans a reader looks for', () => {
    const { html } = preview(CABLE);
    assert.doesNotMatch(html, /<PATROLS>|<liaison>/);
    assert.match(html, /<h1 class="subject">HARBOR &lt;PATROLS&gt; &amp; &quot;LIAISON&quot; &#39;PLANS&#39;<\/h1>/);
    assert.match(html, /The director asked for a &lt;liaison&gt; &amp; a &quot;channel&quot;\./);
    assert.match(html, /<span class="banner level-secret">S E C R E T SECTION 01 OF 02 VALLETTA 000412<\/span>/);
    assert.match(html, /<span class="para-number">¶2\.<\/span> <span class="marking level-secret">\(S\/NF\)<\/span>/);
    assert.match(html, /<span class="marking level-confidential">\(C\)<\/span>/);
    assert.match(html, /<span class="redaction">XXXXXXXXXXXX<\/span>/);
    assert.match(html, /<span class="signature">ROE<\/span>/);
    assert.match(html, /<span class="ref-letter">¶B\.<\/span> STATE 51120/);
    assert.doesNotMatch(html, /style=|<script/i);
    assert.equal(escapeHtml(`<a href="x" title='y'>&\0</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#0;&lt;/a&gt;');
  });

  it('gives back every character of the text: CRLF, lone CR, tabs, a BOM, NUL and non-ASCII', () => {
    const texts = [
      `\uFEFF${CABLE.replace(/\n/g, '\r\n')}`,
      CABLE.replace(/\n/g, '\r'),
      `${CABLE}\tTabbed\there\0and NUL, Ünïcödé — “quotes” ¶ 😀 \uD800 lone surrogate`,
      '',
      '\n\n\n',
      '</pre><script>alert(1)</script>',
    ];
    for (const text of texts) assert.equal(shownText(preview(text).html), text, JSON.stringify(text.slice(0, 40)));
  });

  it('renders a cable with no header and a broken one', () => {
    for (const text of ['Just some notes.\n', 'S E C R E T\nTAGS:\nSUBJECT:\nREF: A.\n¶1. (S/NF\n¶3. (Q)\nClassified By: for reasons 1.4 (', 'VZCZC\nDE\nP 999999Z XXX 99\nFM\nTO /\n']) {
      const result = preview(text);
      assert.equal(shownText(result.html), text);
      assert.match(result.html, /^<header class="card">/);
    }
  });

  it('above the threshold shows the card whole and the first lines of the text, saying so', () => {
    const result = preview(CABLE, { ...ctx, maxLines: 10 });
    assert.equal(result.shownLines, 10);
    assert.equal(result.lines, parseCable(CABLE).cable.lines.length);
    assert.equal(shownText(result.html), `${CABLE.split('\n').slice(0, 10).join('\n')}\n`);
    assert.ok(result.html.includes(`the preview shows its first 10 of ${result.lines} lines`));
    assert.match(result.html, /<span class="ref-id">09VALLETTA388<\/span>/);
  });

  it('gives back the text of every fixture and corpus cable exactly', function () {
    this.timeout(120000);
    const files = [...fixtureFiles(), ...corpusFiles()];
    assert.ok(files.length > 100, `${files.length} files`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(shownText(preview(text, { ...ctx, uri: `file://${file}` }).html), text, path.relative(ROOT, file));
    }
  });
});
