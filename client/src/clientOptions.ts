/**
 * What the desktop and the browser language clients share: the options and the error handler that restarts the
 * server when it dies. Nothing here imports a Node module.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions } from 'vscode-languageclient';

/** Restarts the server when it dies, and tells the user the first time only. */
class RestartOnce implements ErrorHandler {
  #told = false;
  #restarts: number[] = [];

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.#restarts = this.#restarts.filter((t) => now - t < 3 * 60_000);
    this.#restarts.push(now);
    if (!this.#told) {
      this.#told = true;
      void vscode.window.showWarningMessage('The cable language server stopped unexpectedly and was restarted.');
    }
    // Give up at the fifth crash in three minutes, as the default handler does (it restarts four times).
    return this.#restarts.length >= 5 ? { action: CloseAction.DoNotRestart } : { action: CloseAction.Restart };
  }
}

/** The language client's options, with a new "Cable" output channel that the extension disposes of with it. */
export function cableClientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
  const output = vscode.window.createOutputChannel('Cable', { log: true });
  context.subscriptions.push(output);
  return {
    // Any scheme: untitled documents and virtual workspaces work too, the server only reads text.
    documentSelector: [{ language: 'cable' }],
    synchronize: { configurationSection: 'cable' },
    outputChannel: output,
    errorHandler: new RestartOnce(),
  };
}
