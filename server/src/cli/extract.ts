/**
 * `cablelint extract`: one metadata record per cable, for archivists.
 */
import { citedId, idFromFileName } from '../core/id';
import type { Addressee, Cable } from '../core/model';
import { cableDtgIso } from '../core/rules/util';

/** The record's fields, in output order. */
export const EXTRACT_FIELDS = ['file', 'id', 'dtg', 'classification', 'section', 'caveats', 'tags', 'persons', 'subject', 'refs', 'cites', 'classifiedBy', 'reasons', 'paragraphs', 'signature', 'header'];

/** The record for one cable. `id` falls back to a canonical-id file name (`09PARIS1039.txt`). */
export function extractRecord(file: string, cable: Cable): Record<string, unknown> {
  const h = cable.header;
  const id = cable.id ?? idFromFileName(file) ?? null;
  const dtg = cableDtgIso(cable) ?? null;
  // The labels after a citation as written, parentheses and all: `(NOTAL)`, `(EXDIS)`, a portion marking `(C/NF)`; and the
  // portion marking that opens the item as written, `(U)` of `A. (U) 09PARIS123`, or null.
  const refs = (cable.refs?.items ?? []).map((i) => ({ letter: i.letter ?? null, citation: i.citation.text, id: citedId(i, id ?? undefined) ?? null, labels: i.labels.map((l) => l.text), marking: i.marking?.token.text ?? null }));
  const section = cable.banner?.section;
  return {
    file,
    id,
    dtg,
    classification: cable.banner?.level ?? null,
    // The first banner's `SECTION 01 OF 04`, with or without a transmission header (whose DE line's `/01` is `header.section`).
    section: section ? { number: section.number.value, total: section.total.value } : null,
    // The caveats are the controls the cable is under, each named once: `SIPDIS` on two lines, as a quarter of the corpus
    // writes it, is one control. TAGS and persons are as the cable writes them, a repeat kept (06PARIS2242's KJUS written
    // twice, which CBL018 reports), each person after its own OVIP-style TAG (README, "extract").
    caveats: [...new Set(cable.caveats.map((c) => c.name))],
    tags: (cable.tags?.tags ?? []).filter((t) => t.role === 'code').map((t) => t.code),
    // The persons named after OVIP-style TAGS (`OVIP (CLINTON, HILLARY)`), as written: no TAG, but what a visit is filed by.
    persons: (cable.tags?.tags ?? []).filter((t) => t.role === 'person').map((t) => t.code),
    subject: cable.subject?.text ?? null,
    refs,
    // The cables cited, as plain ids (a CSV cell `04STATE274965;05MADRID156`, which a spreadsheet filters on, where
    // `refs` is JSON): once each, in REF order; an item citing no cable (an e-mail, a blanked post) gives none.
    cites: [...new Set(refs.flatMap((r) => (r.id === null ? [] : [r.id])))],
    classifiedBy: cable.classifiedBy?.classifier?.text ?? null,
    reasons: cable.classifiedBy ? cable.classifiedBy.reasonLetters.map((l) => `${cable.classifiedBy!.sectionValue ?? ''}(${l})`) : [],
    paragraphs: cable.paragraphs.length,
    signature: cable.signature?.token.text ?? null,
    header: h
      ? {
          station: h.de?.station?.text ?? null,
          serial: h.de?.serial?.text ?? null,
          section: h.de?.section?.value ?? null,
          julianDay: h.de?.julianDay?.value ?? null,
          time: h.de?.time?.text ?? null,
          securityGroup: h.security?.group?.text ?? null,
          // The level the group stands for (CCCCC: CONFIDENTIAL): the only level of a copy that lost its banner.
          securityLevel: h.security?.groupLevel ?? null,
          precedence: h.dtg?.precedences.filter(Boolean).join('/') || null,
          from: h.from?.address?.text ?? null,
          to: h.to.map(addresseeText),
          info: h.info.map(addresseeText),
          // The addressees of the XMT lines, under their keyword: what XMT marks, the reference's sources do not establish.
          xmt: h.xmt.map(addresseeText),
        }
      : null,
  };
}

/**
 * An addressee as its line writes it, without its precedence and number: `RUEHC/SECSTATE WASHDC`, and with its `ZEN/`
 * prefix, which marks an addressee this transmission does not serve (`ZEN/AMEMBASSY NOWHERE`, 08STATE103511's shape).
 */
function addresseeText(a: Addressee): string {
  return [a.zen?.text, a.routingIndicator?.text, a.address?.text].filter(Boolean).join('/');
}

/**
 * A CSV row: arrays joined with ";", objects as JSON, quoted where needed (RFC 4180). With `escapeFormulas`, a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` before it, as OWASP advises against CSV injection:
 * a spreadsheet reads such a cell as a formula (`=HYPERLINK(…)` in a subject), and shows the `'` nowhere but in the cell's
 * text. It changes the records, so it is asked for (`--escape-formulas`), never done unasked.
 */
export function toCsvRow(values: readonly unknown[], escapeFormulas = false): string {
  return values
    .map((v) => {
      let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(';') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      if (escapeFormulas && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/** The output format of extracted records: one JSON object or one CSV row per cable (CSV under a header row). */
export type ExtractFormat = 'jsonl' | 'csv';

/** The header row a CSV export starts with; none for JSON Lines. */
export function extractHeader(fields: readonly string[], format: ExtractFormat): string | undefined {
  return format === 'csv' ? toCsvRow(fields) : undefined;
}

/** One record as a line of `format`, with `fields` in their order; `escapeFormulas` as {@link toCsvRow}'s, for CSV. */
export function extractLine(record: Record<string, unknown>, fields: readonly string[], format: ExtractFormat, escapeFormulas = false): string {
  return format === 'csv' ? toCsvRow(fields.map((f) => record[f]), escapeFormulas) : JSON.stringify(Object.fromEntries(fields.map((f) => [f, record[f]])));
}
