/**
 * Whether a text file reads as a cable, for the client to open a plain-text `.txt` document as one.
 * It is the core's `readsAsCable`, the check `cablelint`'s walk and the workspace index make on `.txt`
 * files, run here on the document's start: the client answers without a language server, so that
 * none starts for a text file that is no cable. Nothing here imports `vscode`; mocha tests it as it is.
 */
import { parseCable, readsAsCable } from '../../server/src/core/parse/index';
import { looksBinary } from '../../server/src/core/text';

/** How much of a text file's start is read: a cable's header, banner and fields come first. */
export const DETECTION_PREFIX = 65_536;

/**
 * True when the first {@link DETECTION_PREFIX} characters of `text` read as a cable: a transmission header of two
 * known lines, a publisher's note, or two of banner, E.O., TAGS and SUBJECT; never for a binary file.
 */
export function textReadsAsCable(text: string): boolean {
  const start = text.slice(0, DETECTION_PREFIX);
  return !looksBinary(start) && readsAsCable(parseCable(start).cable);
}
