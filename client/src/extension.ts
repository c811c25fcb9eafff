/**
 * The VS Code side: activation, the LanguageClient that starts the bundled
 * server, and two commands. Everything a cable means is answered by the
 * server (lsp-sample layout); this file only connects the two.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The server is bundled next to this file by esbuild.mjs.
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Cable', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Any scheme: untitled documents and virtual workspaces work too, the server only reads text.
    documentSelector: [{ language: 'cable' }],
    synchronize: { configurationSection: 'cable' },
    outputChannel: output,
    errorHandler: new RestartOnce(),
  };
  client = new LanguageClient('cable', 'Cable', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('cable.goToParagraph', goToParagraph),
    vscode.commands.registerCommand('cable.showCitingCables', showCitingCables),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Flattens document symbols. */
function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

/** "Cable: Go to Paragraph…": a quick pick of the paragraphs in the outline. */
async function goToParagraph(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  const paragraphs = flatten(symbols).filter((s) => s.name.startsWith('¶'));
  // An empty quick pick would say only "0 Results".
  if (paragraphs.length === 0) {
    void vscode.window.showInformationMessage('This cable has no numbered paragraphs.');
    return;
  }
  const pick = await vscode.window.showQuickPick(
    paragraphs.map((p) => ({ label: p.name, description: p.detail, symbol: p })),
    { placeHolder: 'Go to paragraph', matchOnDescription: true },
  );
  if (!pick) return;
  const at = pick.symbol.selectionRange.start;
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(pick.symbol.range, vscode.TextEditorRevealType.AtTop);
}

/** "Cable: Show Cables Citing This One": references on the banner, in the references view. */
async function showCitingCables(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  const banner = symbols.find((s) => s.kind === vscode.SymbolKind.File);
  if (!banner) {
    void vscode.window.showInformationMessage('This cable has no banner, so it has no id to be cited by.');
    return;
  }
  const position = banner.selectionRange.start;
  const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, position)) ?? [];
  // The references view shows nothing at all for no locations: say so instead.
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`No cable in the workspace cites ${banner.detail || 'this one'}.`);
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, position, locations);
}
