/**
 * The cable preview (server/src/features/preview.ts): the decoded card, the escaping, and the text, which comes back
 * exactly from the HTML over every fixture and corpus cable.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCable } from '../../server/src/core/parse';
import { defaultDictionaries } from '../../server/src/features/dictionaries';
import type { Cable } from '../../server/src/core/model';
import { lineStarts } from '../../server/src/core/text';
import { escapeHtml, getPreview, getPreviewCard, PREVIEW_LARGE_LINES, renderText, type PreviewContext } from '../../server/src/features/preview';
import type { IndexedCable } from '../../server/src/features/types';
import { corpusFiles, fixtureFiles, ROOT } from '../helpers';

const ctx: PreviewContext = { dictionaries: defaultDictionaries() };

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

const REFS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * The `<pre>`'s children, which are the text's lines: the HTML of each, read by counting the span tags' depth (every
 * "<" of the text is escaped). Fails if the `<pre>` holds text outside them.
 */
function lineElements(html: string): string[] {
  const open = html.indexOf('<pre class="cable-text">') + '<pre class="cable-text">'.length;
  const inner = html.slice(open, html.lastIndexOf('</pre>'));
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of inner.matchAll(/<span[^>]*>|<\/span>|[^<]+/g)) {
    const at = m.index ?? 0;
    if (m[0].startsWith('<span')) {
      if (depth === 0) {
        assert.equal(m[0], '<span>', 'a line is a bare <span>');
        start = at + m[0].length;
      }
      depth++;
    } else if (m[0] === '</span>') {
      depth--;
      if (depth === 0) out.push(inner.slice(start, at));
    } else {
      assert.ok(depth > 0, `text outside the line spans: ${JSON.stringify(m[0].slice(0, 40))}`);
    }
  }
  assert.equal(depth, 0, 'the spans close');
  return out;
}

/** HTML's text: its tags stripped, its references resolved. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#\d+);/g, (_, name: string) => (name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : REFS[name]));

/** The text's lines with their line breaks, as the editor counts them ("\r\n", "\r", "\n"). */
function linesOf(text: string): string[] {
  const starts = lineStarts(text);
  return starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length));
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
    // A ZEN addressee keeps its prefix: the transmission does not serve it (08STATE103511's shape), as the record says too.
    const zen = getPreviewCard(parseCable(CABLE.replace('INFO RUEHRO/AMEMBASSY ROME', 'INFO ZEN/AMEMBASSY ROME')).cable, ctx);
    assert.equal(Object.fromEntries(zen.facts.map((f) => [f.label, f.value])).Info, 'ZEN/AMEMBASSY ROME');
    assert.equal(facts.Section, '1 of 2');
    assert.equal(facts['E.O.'], 'E.O. 12958');
    assert.equal(facts['Declassify on'], '3 June 2019');
    assert.equal(facts['Classified by'], 'Ambassador Jane Roe');
    assert.match(facts.Reasons, /^1\.4\(b\): .+; 1\.4\(d\): .+$/);
    // A classification guide's letters name no section: the card gives them as written, their meaning as a reading.
    const derived = getPreviewCard(parseCable('CONFIDENTIAL NOWHERE 000001\n\nSUBJECT: HARBOR DUES\nDERIVED FROM: DSCG 05-1 B, D\n\n¶1. (C) The board met.\n').cable, ctx);
    assert.match(Object.fromEntries(derived.facts.map((f) => [f.label, f.value])).Reasons, /^\(b\), if read under sec\. 1\.4: foreign government information.*; \(d\), if read under sec\. 1\.4: .+$/);
    assert.equal(card.subject, 'HARBOR <PATROLS> & "LIAISON" \'PLANS\'');
  });

  it('gives each TAG its first meaning as completion shows it, "unverified" where the reference marks it so, and says when a code is unknown', () => {
    const tags = getPreviewCard(parseCable(CABLE).cable, ctx).tags;
    assert.deepEqual(
      tags.map((t) => [t.code, t.kind, t.meaning]),
      [
        ['PREL', 'known', 'Political Affairs… (secondary)'],
        ['MOPS', 'unverified', 'unverified'],
        ['ZZQQ', 'unknown', 'not in the dictionary'],
        ['MT', 'known', 'Malta'],
      ],
    );
    assert.match(tags[0].full ?? '', /External Political Relations/);
    // PREL's meanings come from secondary sources only (PlusD's labels): the card says so, short and in full.
    assert.match(tags[0].full ?? '', / \(secondary sources only\)$/);
  });

  it("gives what an unverified TAG's row notes, said to be unverified, as the hover does", () => {
    // YE: the card said only "unverified"; its row says Yemen is YM, which the hover gives as the reference's note.
    const card = getPreviewCard(parseCable('UNCLAS NOWHERE 000001\n\nTAGS: PREL, YE, MOPS\nSUBJECT: X\n').cable, ctx);
    const ye = card.tags.find((t) => t.code === 'YE');
    assert.equal(ye?.kind, 'unverified');
    assert.equal(ye?.meaning, 'unverified');
    assert.match(ye?.context ?? '', /^What the reference notes of it, unverified: not a FIPS 10-4 code; Yemen is YM, .*\.$/);
    // A row that notes nothing gives no note; an established meaning none.
    assert.equal(card.tags.find((t) => t.code === 'MOPS')?.context, undefined);
    assert.equal(card.tags.find((t) => t.code === 'PREL')?.context, undefined);
    // The page shows it beside the meaning, escaped.
    const { html } = getPreview(parseCable('UNCLAS NOWHERE 000001\n\nTAGS: YE\nSUBJECT: X\n').cable, ctx);
    assert.match(html, /<li class="tag unverified"><code>YE<\/code> <span class="meaning">unverified<\/span> <span class="context">What the reference notes of it, unverified: not a FIPS 10-4 code; Yemen is YM, [^<]*<\/span><\/li>/);
  });

  it('gives each family\'s established meaning of a code two families share', () => {
    // UN was "unverified" and AU "Austria" alone: the organization rows give United Nations and the African Union.
    const card = getPreviewCard(parseCable('UNCLAS NOWHERE 000001\n\nTAGS: UN, AU, EU\nSUBJECT: X\n').cable, ctx);
    assert.deepEqual(card.tags.map((t) => [t.code, t.kind, t.meaning]), [['UN', 'known', 'United Nations'], ['AU', 'known', 'Austria or African Union'], ['EU', 'known', 'European Union']]);
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
    // A signature written twice, a blank line apart: both names are set apart.
    assert.equal(preview(CABLE.replace('contact.\nROE\n', 'contact.\n\nROE\n\nROE\n')).html.match(/<span class="signature">ROE<\/span>/g)?.length, 2);
    assert.match(html, /<span class="ref-letter">¶B\.<\/span> STATE 51120/);
    // A letter written twice ("¶C. (C) …" under "¶B. (B) …", as the release letters a whole field): both letters are set apart.
    assert.match(preview(CABLE.replace('¶B. STATE 51120', '¶B. (B) STATE 51120\n¶C. (C) STATE 51121')).html, /<span class="ref-letter">¶C\.<\/span> <span class="ref-letter">\(C\)<\/span> STATE 51121/);
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
  it('puts each line of the text in a span of its own, the <pre>\'s children in order, over every fixture and corpus cable', function () {
    this.timeout(120000);
    const edge = ['', '\n', '\nSUBJECT: A BLANK LINE FIRST\n', `\uFEFF${CABLE.replace(/\n/g, '\r\n')}`, CABLE.replace(/\n/g, '\r'), 'no line break at the end', 'mixed\r\nbreaks\rhere\n\n'];
    const files = [...fixtureFiles(), ...corpusFiles()];
    for (const [name, text] of [...edge.map((t) => [JSON.stringify(t.slice(0, 30)), t]), ...files.map((f) => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')])]) {
      const result = preview(text);
      const lines = lineElements(result.html);
      assert.equal(lines.length, result.lines, name);
      assert.deepEqual(lines.map(textOf), linesOf(text), name);
    }
    // A blank first line is a span's, not the "\n" an HTML parser drops right after "<pre>".
    assert.ok(preview('\nSUBJECT: A BLANK LINE FIRST\n').html.includes('<pre class="cable-text"><span>\n</span><span>'));
  });

  it('closes a span of the model before a line break it runs over and opens it again on the next line', () => {
    const cable = parseCable(CABLE).cable;
    // The signature "ROE" is made to run on over the blank line after it.
    const last = cable.lines.length - 1;
    const signature = { token: { text: 'ROE\n', range: { start: { line: last - 1, character: 0 }, end: { line: last, character: 0 } } } };
    const html = renderText({ ...cable, signature } as unknown as Cable);
    assert.ok(html.endsWith('<span><span class="signature">ROE\n</span></span><span></span></pre>\n'), html.slice(-120));
    assert.deepEqual(lineElements(html).map(textOf), linesOf(CABLE));
  });

  it('above the threshold renders the lines it shows as the whole preview renders them, and says at the end where it stops', function () {
    this.timeout(60000);
    const joined = corpusFiles().map((f) => fs.readFileSync(f, 'utf8')).join('\n\n');
    const cable = parseCable(joined).cable;
    const whole = lineElements(getPreview(cable, ctx).html);
    assert.ok(whole.length > PREVIEW_LARGE_LINES * 2, `${whole.length} lines`);
    for (const shown of [0, 1, 2, 77, 1000, PREVIEW_LARGE_LINES, whole.length - 1]) {
      const result = getPreview(cable, { ...ctx, maxLines: shown });
      assert.equal(result.shownLines, shown);
      assert.deepEqual(lineElements(result.html), whole.slice(0, shown), `${shown} lines`);
      assert.ok(result.html.endsWith(`</pre>\n<p class="truncated end">The preview stops here, after line ${shown}; lines ${shown + 1} to ${whole.length} are in the editor only.</p>\n`), result.html.slice(-200));
    }
    assert.doesNotMatch(getPreview(cable, ctx).html, /truncated/);
  });

  it('above the threshold reads only the paragraphs, markings, headings, banners and redactions on the lines it shows', () => {
    const joined = corpusFiles().map((f) => fs.readFileSync(f, 'utf8')).join('\n\n');
    const cable = parseCable(joined).cable;
    const shown = PREVIEW_LARGE_LINES;
    const read: Record<string, number> = {};
    /** The list, counting how far it is read. */
    const watched = <T,>(name: string, list: readonly T[]) =>
      new Proxy(list, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) read[name] = Math.max(read[name] ?? -1, Number(key));
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const lists = { paragraphs: cable.paragraphs, itemMarkings: cable.itemMarkings, headings: cable.headings, banners: cable.banners, redactions: cable.redactions };
    const spy = { ...cable, ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, watched(k, v as readonly unknown[])])) } as unknown as Cable;
    const html = renderText(spy, shown);
    assert.equal(html, renderText(cable, shown));
    const lineOf: Record<string, (x: never) => number> = {
      paragraphs: (p: Cable['paragraphs'][number]) => p.range.start.line,
      itemMarkings: (m: Cable['itemMarkings'][number]) => m.portion.token.range.start.line,
      headings: (h: Cable['headings'][number]) => h.range.start.line,
      banners: (b: Cable['banners'][number]) => b.range.start.line,
      redactions: (r: Cable['redactions'][number]) => r.range.start.line,
    };
    for (const [name, list] of Object.entries(lists) as [string, readonly never[]][]) {
      // Each list is read up to its first item past the lines shown, which ends the walk, and no further.
      const firstPast = list.findIndex((x) => lineOf[name](x) >= shown);
      assert.ok(firstPast > 0 && firstPast < list.length - 10, `${name}: ${firstPast} of ${list.length}`);
      assert.equal(read[name], firstPast, name);
    }
  });
});
