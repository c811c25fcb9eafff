/** The language server's host under Node: the file system, `path`, SHA-1 and `setImmediate`. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServerHost } from './host';

/** Node's file system, paths and process, for `server.ts`. */
export const nodeHost: ServerHost = {
  files: {
    exists: (p) => fs.existsSync(p),
    readText: (p) => fs.readFileSync(p, 'utf8'),
    stat: (p) => fs.statSync(p),
    readDirectory: (p) => fs.readdirSync(p, { withFileTypes: true }),
  },
  path,
  digest: (text) => createHash('sha1').update(text).digest('base64'),
  yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
  onUncaughtError: (handler) => void process.on('uncaughtException', handler),
};
