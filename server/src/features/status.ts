/**
 * The cable's status, for the VS Code client's language status item: its classification
 * as the banner and caveat lines give it, and its id, date and paragraph count.
 * Served as the custom request `cable/status`, which other clients never send and
 * nothing else depends on.
 */
import type { Range } from 'vscode-languageserver-types';
import { fileName, idFromFileName } from '../core/id';
import type { Cable, Level } from '../core/model';
import { readableDate } from './hover';

/** What the language status item shows. */
export interface CableStatus {
  /** The first banner's level; undefined for a cable without a banner. */
  readonly classification?: Level;
  /** The caveats and captions the banner and the lines under it give (`NOFORN`, `SIPDIS`), in order, once each. */
  readonly caveats: readonly string[];
  /** The cable's id; for a cable whose text gives none (a partial extract without a header), its file name's. */
  readonly id?: string;
  /** True when `id` is the file name's (`05PARIS7360.txt`), the text giving none: the client says so. */
  readonly idFromFileName?: true;
  /** The cable's date as a reader writes it ("28 May 2009"). */
  readonly date?: string;
  /** How many numbered paragraphs the cable has. */
  readonly paragraphs: number;
  /** The first banner's range, where "Go to Banner" goes. */
  readonly bannerRange?: Range;
}

/**
 * The status of a parsed cable, whose document is at `uri`. Nothing is inferred: a cable without a banner has no
 * classification here. A cable whose text gives no id shows its file name's, as the Cables view and the index do.
 */
export function getCableStatus(cable: Cable, uri?: string): CableStatus {
  const d = cable.date;
  const named = cable.id === undefined && uri !== undefined ? idFromFileName(fileName(uri)) : undefined;
  return {
    classification: cable.banner?.level,
    caveats: [...new Set(cable.caveats.map((c) => c.name))],
    id: cable.id ?? named,
    ...(named !== undefined ? { idFromFileName: true as const } : {}),
    date: d ? readableDate(d.year, d.month, d.day) : undefined,
    paragraphs: cable.paragraphs.length,
    bannerRange: cable.banner?.range,
  };
}
