/**
 * The cable's status, for the VS Code client's language status item: its classification
 * as the banner and caveat lines give it, and its id, date and paragraph count.
 * Served as the custom request `cable/status`, which other clients never send and
 * nothing else depends on.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Cable, Level } from '../core/model';
import { readableDate } from './hover';

/** What the language status item shows. */
export interface CableStatus {
  /** The first banner's level; undefined for a cable without a banner. */
  readonly classification?: Level;
  /** The caveats and captions the banner and the lines under it give (`NOFORN`, `SIPDIS`), in order, once each. */
  readonly caveats: readonly string[];
  readonly id?: string;
  /** The cable's date as a reader writes it ("28 May 2009"). */
  readonly date?: string;
  /** How many numbered paragraphs the cable has. */
  readonly paragraphs: number;
  /** The first banner's range, where "Go to Banner" goes. */
  readonly bannerRange?: Range;
}

/** The status of a parsed cable. Nothing is inferred: a cable without a banner has no classification here. */
export function getCableStatus(cable: Cable): CableStatus {
  const d = cable.date;
  return {
    classification: cable.banner?.level,
    caveats: [...new Set(cable.caveats.map((c) => c.name))],
    id: cable.id,
    date: d ? readableDate(d.year, d.month, d.day) : undefined,
    paragraphs: cable.paragraphs.length,
    bannerRange: cable.banner?.range,
  };
}
