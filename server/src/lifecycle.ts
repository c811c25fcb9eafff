/**
 * The LSP lifecycle, which vscode-languageserver leaves to the server: a request before `initialize` is answered with
 * `ServerNotInitialized` and a notification then dropped (but `exit`); after `shutdown`, a request is answered with
 * `InvalidRequest` and a notification dropped (but `exit`). The entries give {@link lifecycleStrategy} to
 * `createConnection`, which hands it each message the client sends before any handler sees it.
 */
import { ErrorCodes, type Message, type MessageStrategy, type RequestMessage } from 'vscode-languageserver';

/** The method a refused request is renamed to; the server answers it with the error its params carry. */
export const REFUSED_REQUEST = 'cable/refusedRequest';

/** The params of a {@link REFUSED_REQUEST}: the error to answer with. */
export interface RefusedRequestParams {
  code: number;
  message: string;
}

/** A message strategy that keeps the LSP lifecycle (see the module comment); one per connection. */
export function lifecycleStrategy(): MessageStrategy {
  let state: 'starting' | 'running' | 'shutDown' = 'starting';
  return {
    handleMessage(message: Message, next: (message: Message) => void): void {
      const { method, id } = message as Partial<RequestMessage>;
      // Responses to the server's own requests, and `exit` at any time, go through.
      if (typeof method !== 'string' || method === 'exit') return next(message);
      const isRequest = id !== undefined && id !== null;
      if (state === 'starting' && method === 'initialize') state = 'running';
      else if (state === 'running' && method === 'shutdown') state = 'shutDown';
      else if (state !== 'running') {
        if (!isRequest) return;
        const params: RefusedRequestParams =
          state === 'starting'
            ? { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: ${method} came before initialize.` }
            : { code: ErrorCodes.InvalidRequest, message: `The server is shut down: ${method} came after shutdown.` };
        const refused: RequestMessage = { ...(message as RequestMessage), method: REFUSED_REQUEST, params };
        return next(refused);
      }
      next(message);
    },
  };
}
