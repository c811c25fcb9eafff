/**
 * The cable preview: a reading view of the cable, decoded. A card at the top says what the header and the metadata
 * block give (classification, id, date, precedence, originator and addressees, E.O. and DECL, the reasons, TAGS with
 * their meanings, the subject, the REF items with the subjects of the cited cables the workspace holds), and the whole
 * text follows in a `<pre>`, every character of it, escaped, with class names on the spans a reader looks for (banners,
 * portion markings, paragraph numbers, headings, REF letters, redactions, the signature). Nothing is inferred: what
 * the cable does not give is left out, and a cable without a banner says "No banner".
 *
 * Served as the custom request `cable/preview` (`{ uri }` → {@link PreviewResult}); the HTML uses class names only,
 * no inline styles and no scripts, so a client brings its own stylesheet (the VS Code client's colors them with the
 * theme's variables) and its own Content-Security-Policy.
 */
import { citedId, fileName, idFromFileName } from '../core/id';
import { headerDatesCable } from '../core/parse/header';
import type { Addressee, Cable, Level, Range, RefItem, Token } from '../core/model';
import { describeMarking } from '../core/parse/marking';
import { lineStarts, offsetAt } from '../core/text';
import { shortMeaning } from './completion';
import { qualifier, tagEntries, tagListMeaning, unverifiedNote, type Dictionaries } from './dictionaries';
import { declEntry, readableDate, readableDtg, reasonEntry } from './hover';
import type { IndexedCable } from './types';

/** How many lines of a document above `cable.largeFileThreshold` the preview's text shows (the card is whole). */
export const PREVIEW_LARGE_LINES = 5000;

/** What {@link getPreview} needs besides the cable. */
export interface PreviewContext {
  readonly dictionaries: Dictionaries;
  /** The document's URI: a cable whose text gives no id shows its file name's, as the language status does. */
  readonly uri?: string;
  /** The workspace cable a REF item cites (the one links and inlay hints resolve it to), if the index holds it. */
  readonly citedCable?: (item: RefItem) => IndexedCable | undefined;
  /** Render only the text's first this many lines (a document above `cable.largeFileThreshold`); the card is whole. */
  readonly maxLines?: number;
}

/** One decoded fact of the card: a label and its value, with the value's longer form for a tooltip. */
export interface PreviewFact {
  readonly label: string;
  readonly value: string;
  readonly title?: string;
}

/** A TAG of the card with its meaning: the first the dictionary gives, as the completion list shows it. */
export interface PreviewTag {
  readonly code: string;
  /** The short meaning, "unverified" when the reference marks the entry so, or what is known of an unknown code. */
  readonly meaning: string;
  /** The dictionary's whole meaning, when it says more than {@link meaning}. */
  readonly full?: string;
  /**
   * For a code whose meaning no family establishes, what the reference's rows note of it, said to be unverified, as the
   * hover and completion give it ({@link unverifiedNote}: "What the reference notes of it, unverified: not a FIPS 10-4 code; Yemen is YM, …." under YE).
   */
  readonly context?: string;
  readonly kind: 'known' | 'unverified' | 'unknown' | 'person';
}

/** A REF item of the card. */
export interface PreviewRef {
  /** The letter as read (`A`). */
  readonly letter?: string;
  /** The citation as written (`VALLETTA 388`). */
  readonly citation: string;
  /** The id of the cited cable (`09VALLETTA388`), when the citation is a cable's. */
  readonly id?: string;
  /** The cited cable's file in the workspace and its subject, when the index holds it. */
  readonly cited?: { readonly uri: string; readonly subject?: string };
  /** The marking the item opens with (`(S/NF)` of `¶B. (S/NF) STATE 30122`), its level read and spelt out (`SECRET, NOFORN`). */
  readonly marking?: { readonly text: string; readonly level?: Level; readonly spelt: string };
}

/** The decoded card, as data: what {@link renderCard} writes as HTML. */
export interface PreviewCard {
  /** The banner's level, or undefined for a cable without a banner (never inferred from the markings). */
  readonly level?: Level;
  /** "SECRET NOFORN SIPDIS", or "No banner". */
  readonly classification: string;
  readonly subject?: string;
  readonly facts: readonly PreviewFact[];
  readonly tags: readonly PreviewTag[];
  readonly refs: readonly PreviewRef[];
}

/** What `cable/preview` answers. */
export interface PreviewResult {
  /**
   * The card and the text, as an HTML fragment (a `<header>` and a `<pre>` whose children are the text's lines, one
   * `<span>` each), without styles or scripts.
   */
  readonly html: string;
  /** The document's number of lines. */
  readonly lines: number;
  /** How many of them the `<pre>` holds: fewer than {@link lines} above `cable.largeFileThreshold`. */
  readonly shownLines: number;
}

/** The class name of a level (`level-top-secret`), for the banner, the card's bar and the markings. */
export function levelClass(level: Level): string {
  return `level-${level.toLowerCase().replace(' ', '-')}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\0': '&#0;' };
const SPECIAL = /[&<>"'\0]/g;

/**
 * Text escaped for HTML, in element content and in quoted attribute values alike: `&`, `<`, `>`, both quotes, and NUL
 * (which a browser's parser drops or replaces), as references; every other character as it is.
 */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITIES[c]);
}

/** The preview of a parsed cable: its card and text as HTML. */
export function getPreview(cable: Cable, ctx: PreviewContext): PreviewResult {
  const card = getPreviewCard(cable, ctx);
  const lines = cable.lines.length;
  const shownLines = ctx.maxLines !== undefined && ctx.maxLines < lines ? Math.max(0, ctx.maxLines) : lines;
  const note =
    shownLines < lines
      ? `<p class="truncated">This document is larger than cable.largeFileThreshold: the preview shows its first ${shownLines} of ${lines} lines.</p>\n`
      : '';
  // At the end too: the page stays there when the editor shows a line past those the preview holds.
  const end = shownLines < lines ? `<p class="truncated end">The preview stops here, after line ${shownLines}; lines ${shownLines + 1} to ${lines} are in the editor only.</p>\n` : '';
  return { html: `${renderCard(card)}${note}${renderText(cable, shownLines)}${end}`, lines, shownLines };
}

/** The decoded facts of a cable, from its model and the dictionaries the hovers read. */
export function getPreviewCard(cable: Cable, ctx: PreviewContext): PreviewCard {
  const d = ctx.dictionaries;
  const banner = cable.banner;
  const caveats = [...new Set(cable.caveats.map((c) => c.name))];
  const facts: PreviewFact[] = [];
  const fact = (label: string, value: string | undefined, title?: string) => {
    if (value !== undefined && value.length > 0) facts.push(title === undefined ? { label, value } : { label, value, title });
  };
  // A partial extract without a header gives no id: the file name's, said to be (and its REF items cite from it).
  const named = cable.id === undefined && ctx.uri !== undefined ? idFromFileName(fileName(ctx.uri)) : undefined;
  fact('Id', cable.id ?? (named && `${named} (from the file name)`));
  const header = cable.header;
  const g = header?.dtg?.dtg;
  // A header of another cable (07PARIS2725's) dates that cable: the date line dates this one.
  fact('Date', g?.valid && headerDatesCable(cable) ? readableDtg(g) : cable.date && readableDate(cable.date.year, cable.date.month, cable.date.day));
  const precedences = header?.dtg?.precedences ?? [];
  if (precedences.length === 2 && precedences[0] && precedences[1]) fact('Precedence', `${precedences[0]} (action), ${precedences[1]} (information)`);
  else fact('Precedence', precedences[0] ?? header?.routing?.precedence);
  const from: string[] = [];
  if (header?.from?.address) from.push(header.from.address.text);
  else if (banner?.post) from.push(banner.post.text);
  const station = header?.de?.station;
  if (station) {
    const entry = d.routingIndicators.get(station.text);
    from.push(`station ${station.text}${entry && entry.address.length > 0 ? ` (${entry.address})` : ''}`);
  }
  fact('From', from.join(' · '));
  fact('To', addresses(header?.to));
  fact('Info', addresses(header?.info));
  fact('Xmt', addresses(header?.xmt));
  if (banner?.section) fact('Section', `${banner.section.number.value} of ${banner.section.total.value}`);
  const eo = cable.eo;
  if (eo) {
    fact('E.O.', eo.order ? `E.O. ${eo.order.text}` : undefined);
    const decl = eo.decl;
    if (decl) {
      const entry = declEntry(decl, d);
      const value = decl.value.text.trim();
      if (decl.kind === 'date') fact('Declassify on', decl.date ? readableDate(decl.date.year, decl.date.month, decl.date.day) : `${value} (not a real date)`);
      else if (entry) fact('Declassify on', `${value}: ${entry.summary}${qualifier(entry)}`);
      else fact('Declassify on', value);
    }
  }
  const clby = cable.classifiedBy;
  if (clby) {
    fact(clby.derived ? 'Derived from' : 'Classified by', clby.classifier?.text);
    const reasons = clby.reasonLetters.map((letter) => {
      const { section, entry, assumed } = reasonEntry(cable, letter, d);
      const meaning = entry ? `${entry.summary}${qualifier(entry)}` : 'not a category of this section';
      // "DSCG 05-1 B, D": the line names no section, so the letter is given as written, and its meaning as a reading.
      return assumed ? `(${letter}), if read under sec. ${section}: ${meaning}` : `${section}(${letter}): ${meaning}`;
    });
    fact('Reasons', reasons.join('; '));
  }
  const tags: PreviewTag[] = (cable.tags?.tags ?? []).map((tag) => {
    if (tag.role === 'person') return { code: tag.code, meaning: 'person named after an OVIP-style TAG', kind: 'person' };
    const entries = tagEntries(d, tag.code);
    if (entries.length === 0) return { code: tag.code, meaning: 'not in the dictionary', kind: 'unknown' };
    // A code two families share gives each one's established meaning (AU: "Austria or African Union"), as completion does.
    const meaning = tagListMeaning(entries, shortMeaning);
    if (!entries.some((e) => e.verified)) {
      // What the rows note besides their unestablished meaning, each family's named where the code has several.
      const notes = entries.flatMap((e) => {
        const noted = unverifiedNote(e);
        return noted === undefined ? [] : [entries.length > 1 ? `${e.family} TAG: ${noted}` : noted];
      });
      return { code: tag.code, meaning, kind: 'unverified', ...(notes.length > 0 && { context: notes.join(' ') }) };
    }
    const full = tagListMeaning(entries, (m, hedge) => `${m}${hedge}`, qualifier);
    return meaning === full ? { code: tag.code, meaning, kind: 'known' } : { code: tag.code, meaning, full, kind: 'known' };
  });
  const refs: PreviewRef[] = (cable.refs?.items ?? []).map((item) => {
    const id = item.cable ? citedId(item, cable.id ?? named) : undefined;
    const found = ctx.citedCable?.(item);
    return {
      ...(item.letter !== undefined ? { letter: item.letter } : {}),
      citation: item.citation.text,
      ...(id !== undefined ? { id } : {}),
      ...(found ? { cited: { uri: found.uri, ...(found.subject !== undefined ? { subject: found.subject } : {}) } } : {}),
      ...(item.marking ? { marking: { text: item.marking.token.text, ...(item.marking.level ? { level: item.marking.level } : {}), spelt: describeMarking(item.marking) } } : {}),
    };
  });
  return {
    ...(banner ? { level: banner.level } : {}),
    classification: banner ? [banner.level, ...caveats].join(' ') : 'No banner',
    ...(cable.subject ? { subject: cable.subject.text } : {}),
    facts,
    tags,
    refs,
  };
}

/** Plain-language addresses of addressee lines, in order, once each ("SECSTATE WASHDC, SECDEF WASHINGTON DC"). */
function addresses(list: readonly Addressee[] | undefined): string | undefined {
  const out: string[] = [];
  for (const a of list ?? []) {
    // "INFO IGAD COLLECTIVE" has no indicator; an addressee with an indicator and no address shows the indicator.
    // "ZEN/AMEMBASSY NOWHERE" keeps its prefix, which marks an addressee the transmission does not serve.
    const name = a.address?.text ?? a.routingIndicator?.text;
    const text = name !== undefined && a.zen ? `${a.zen.text}/${name}` : name;
    if (text !== undefined && !out.includes(text)) out.push(text);
  }
  return out.length > 0 ? out.join(', ') : undefined;
}

/** The card as HTML: the classification bar, the subject, the facts, the TAGS and the REF items. */
export function renderCard(card: PreviewCard): string {
  const e = escapeHtml;
  let html = '<header class="card">\n';
  html += `<div class="bar ${card.level ? `banner ${levelClass(card.level)}` : 'no-banner'}">${e(card.classification)}</div>\n`;
  html += card.subject !== undefined ? `<h1 class="subject">${e(card.subject)}</h1>\n` : '<h1 class="subject absent">No subject</h1>\n';
  if (card.facts.length > 0) {
    html += '<dl class="facts">\n';
    for (const f of card.facts) html += `<dt>${e(f.label)}</dt><dd${f.title !== undefined ? ` title="${e(f.title)}"` : ''}>${e(f.value)}</dd>\n`;
    html += '</dl>\n';
  }
  if (card.tags.length > 0) {
    html += '<h2>TAGS</h2>\n<ul class="tags">\n';
    for (const t of card.tags) {
      const title = t.full !== undefined ? ` title="${e(t.full)}"` : '';
      const context = t.context !== undefined ? ` <span class="context">${e(t.context)}</span>` : '';
      html += `<li class="tag ${t.kind}"><code>${e(t.code)}</code> <span class="meaning"${title}>${e(t.meaning)}</span>${context}</li>\n`;
    }
    html += '</ul>\n';
  }
  if (card.refs.length > 0) {
    html += '<h2>REF</h2>\n<ul class="refs">\n';
    for (const r of card.refs) {
      const letter = r.letter !== undefined ? `<span class="ref-letter">${e(r.letter)}.</span> ` : '';
      // "VALLETTA 388 (09VALLETTA388)": the id read from the citation, set apart from it.
      const id = r.id !== undefined && r.id !== r.citation ? ` (<span class="ref-id">${e(r.id)}</span>)` : '';
      let cited = '';
      if (r.cited) cited = ` — <a class="ref-link" href="${e(r.cited.uri)}" data-uri="${e(r.cited.uri)}">${e(r.cited.subject ?? r.id ?? r.citation)}</a>`;
      else if (r.id !== undefined) cited = ' — <span class="absent">not in the workspace</span>';
      // "B. (S/NF) STATE 30122": the item's marking as the REF field writes it, coloured by its level, spelt out on hover.
      const m = r.marking;
      const marking = m ? `<span class="marking${m.level ? ` ${levelClass(m.level)}` : ''}" title="${e(m.spelt)}">${e(m.text)}</span> ` : '';
      html += `<li>${letter}${marking}<span class="citation">${e(r.citation)}</span>${id}${cited}</li>\n`;
    }
    html += '</ul>\n';
  }
  return `${html}</header>\n`;
}

/** A span of the text to wrap: offsets into the text and its class names. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly className: string;
}

/**
 * The cable's text as a `<pre>`, its first `shownLines` lines with their line breaks (all of it when that is every line),
 * each character escaped, with spans around what the model reads. Where two spans would overlap, the one starting first
 * (the longer of two starting together) is kept whole and the other left out, so tags always nest.
 *
 * The `<pre>`'s children are its lines, one `<span>` each, in order, holding the line's text and its line break (the
 * last line of a text ending in one is an empty span): the page finds line `n` as the pre's `n`th child, to scroll to
 * it and to mark it. A span of the model that runs over a line break is closed before it and opened again after it.
 * Only the lines shown are read, and only the model's parts that start on them (its lists are in the text's order).
 */
export function renderText(cable: Cable, shownLines = cable.lines.length): string {
  const text = cable.text;
  const starts = lineStarts(text, shownLines);
  // Every line is shown when the text has no more than shownLines: the last one ends with the text.
  const whole = starts.length <= shownLines;
  const lineCount = whole ? starts.length : shownLines;
  const end = whole ? text.length : starts[shownLines];
  const spans: Span[] = [];
  const offset = (p: Range['start']) => offsetAt(text, starts, p);
  const add = (range: Range | undefined, className: string) => {
    if (!range || range.start.line >= lineCount) return;
    const s = offset(range.start);
    const t = Math.min(offset(range.end), end);
    if (t > s) spans.push({ start: s, end: t, className });
  };
  const addToken = (t: Token | undefined, className: string) => add(t?.range, className);
  /** Whether the model's part starting at `range` is past the lines shown, which ends the walk of its list. */
  const past = (range: Range) => range.start.line >= lineCount;
  for (const b of cable.banners) {
    if (past(b.range)) break;
    add(b.range, `banner ${levelClass(b.level)}`);
  }
  // "2. (C" ⏎ ") …": a marking split over two lines is shown as its two pieces.
  const marking = (m: { token: Token; level?: Level; split?: readonly [Range, Range] } | undefined) => {
    if (!m) return;
    const className = m.level ? `marking ${levelClass(m.level)}` : 'marking';
    if (m.split) for (const piece of m.split) add(piece, className);
    else addToken(m.token, className);
  };
  marking(cable.subject?.portion);
  for (const p of cable.paragraphs) {
    if (past(p.range)) break;
    addToken(p.marker, 'para-number');
    marking(p.portion);
  }
  for (const m of cable.itemMarkings) {
    if (past(m.portion.token.range)) break;
    marking(m.portion);
  }
  for (const h of cable.headings) {
    if (past(h.range)) break;
    addToken(h.lead, 'heading');
    addToken(h.text, 'heading');
    marking(h.marking);
  }
  for (const keyword of [cable.eo?.keyword, cable.tags?.keyword, cable.subject?.keyword, cable.refs?.keyword, cable.classifiedBy?.keyword]) addToken(keyword, 'keyword');
  for (const item of cable.refs?.items ?? []) {
    addToken(item.doubledLetter, 'ref-letter');
    addToken(item.letterToken, 'ref-letter');
    marking(item.marking);
  }
  for (const r of cable.redactions) {
    if (past(r.range)) break;
    addToken(r, 'redaction');
  }
  addToken(cable.signature?.twice, 'signature');
  addToken(cable.signature?.token, 'signature');
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let html = lineCount > 0 ? '<pre class="cable-text"><span>' : '<pre class="cable-text">';
  let at = 0;
  let line = 0;
  let next = lineCount > 1 ? starts[1] : Infinity;
  // The text from `at` to `to`, inside `open` and `close` (a span of the model), line by line.
  const write = (to: number, open = '', close = '') => {
    while (next <= to) {
      html += `${open}${escapeHtml(text.slice(at, next))}${close}</span><span>`;
      at = next;
      line++;
      next = line + 1 < lineCount ? starts[line + 1] : Infinity;
    }
    if (to > at) {
      html += `${open}${escapeHtml(text.slice(at, to))}${close}`;
      at = to;
    }
  };
  for (const s of spans) {
    if (s.start < at) continue;
    write(s.start);
    write(s.end, `<span class="${s.className}">`, '</span>');
  }
  write(end);
  return `${html}${lineCount > 0 ? '</span>' : ''}</pre>\n`;
}
