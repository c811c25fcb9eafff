/**
 * What a `cablelint` run says besides findings: a file it could not check, or a problem of the run itself. Each is a
 * record from where it happens (the walk, a read, a worker thread, the configuration) to every output format, so that
 * no output has to find a file's name in a message's text. Any of them makes the exit code 2.
 */

/** A problem the run met, said on stderr as `cablelint: FILE: MESSAGE` (or `cablelint: MESSAGE` without a file). */
export interface RunMessage {
  /**
   * The file the run was to check and could not (unreadable, binary, empty, too large, missing, a directory that
   * cannot be read, a parser or rule failure, a fix that cannot be written), by the path it was read by: as given or
   * as the walk joined it. None for a message about the run: its configuration, dictionaries, cache or suppressions file.
   */
  readonly file?: string;
  /** What is wrong; with a file, without its name: `cannot be read (EACCES)`. */
  readonly message: string;
}

/** A message about `file`, one of the files the run was to check. */
export function fileMessage(file: string, message: string): RunMessage {
  return { file, message };
}

/** A message about the run, which names whatever it is about in its text. */
export function runMessage(message: string): RunMessage {
  return { message };
}

/** The text said on stderr after `cablelint: `. */
export function messageText(m: RunMessage): string {
  return m.file === undefined ? m.message : `${m.file}: ${m.message}`;
}
