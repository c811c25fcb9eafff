/**
 * "Cable: Open Preview" and "Open Preview to the Side": a webview that shows the cable an editor holds, decoded, as the
 * server renders it (`cable/preview`, server/src/features/preview.ts), and follows it as it is edited. As Markdown's
 * preview does, there is one preview, which follows the active cable editor; it is restored with the window and closes
 * with its document. It only reads text, so it works in Restricted Mode and in the browser alike, and it loads nothing:
 * its Content-Security-Policy allows only its own style and script, by nonce.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

/** The webview panel's type, which the serializer restores. */
export const PREVIEW_VIEW_TYPE = 'cable.preview';

/** What the server's `cable/preview` request answers. */
interface PreviewResult {
  readonly html: string;
  readonly lines: number;
  readonly shownLines: number;
}

/** Messages the preview's script sends. */
type FromWebview = { readonly type: 'reveal'; readonly line: number } | { readonly type: 'open'; readonly uri: string };

/** How long typing must pause before the preview is rendered again, in milliseconds. */
const DEBOUNCE = 300;

/**
 * The preview: one panel, following the active cable editor. The server is asked for the HTML of the document it shows
 * after each edit (debounced) and when it follows another editor; the panel's script takes the new HTML in place, so
 * that the scroll position stays while typing.
 */
export class CablePreview implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #document: vscode.Uri | undefined;
  /** True once the panel's page holds the script, which then takes updates by message. */
  #loaded = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;
  #pending: vscode.CancellationTokenSource | undefined;
  readonly #server: () => Promise<LanguageClient>;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(server: () => Promise<LanguageClient>) {
    this.#server = server;
    this.#subscriptions.push(
      vscode.commands.registerCommand('cable.showPreview', (uri?: unknown) => this.show(uri, false)),
      vscode.commands.registerCommand('cable.showPreviewToSide', (uri?: unknown) => this.show(uri, true)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const uri = typeof (state as { uri?: unknown } | undefined)?.uri === 'string' ? (state as { uri: string }).uri : undefined;
          if (!uri) {
            panel.dispose();
            return;
          }
          this.#adopt(panel);
          try {
            await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
          } catch {
            // The file is gone: nothing to preview.
            panel.dispose();
            return;
          }
          this.#follow(vscode.Uri.parse(uri));
        },
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.uri.toString() === this.#document?.toString()) this.#renderSoon();
      }),
      // As Markdown's preview does, it follows the active editor when that shows a cable.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor?.document.languageId === 'cable' && editor.document.uri.toString() !== this.#document?.toString()) this.#follow(editor.document.uri);
      }),
      // A language change closes and opens the document in one go: the preview closes only if it stays closed.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        if (key !== this.#document?.toString()) return;
        setTimeout(() => {
          if (key === this.#document?.toString() && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.#panel?.dispose();
        }, 0);
      }),
    );
  }

  /** Opens the preview of the cable at `uri` (the editor title's and the Explorer's argument) or in the active editor. */
  async show(uri: unknown, toSide: boolean): Promise<void> {
    // From the palette with the preview focused there is no active editor: the preview's own document stays.
    const active = vscode.window.activeTextEditor?.document;
    const target = uri instanceof vscode.Uri ? uri : active?.languageId === 'cable' ? active.uri : this.#document;
    if (!target) {
      void vscode.window.showInformationMessage('Open a cable to preview it.');
      return;
    }
    const editorColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const column = toSide ? vscode.ViewColumn.Beside : editorColumn;
    if (this.#panel) this.#panel.reveal(column, toSide);
    else this.#adopt(vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Cable Preview', { viewColumn: column, preserveFocus: toSide }, webviewOptions()));
    this.#follow(target);
  }

  /** Takes a panel, new or restored: its options, its messages, and its end. */
  #adopt(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    this.#loaded = false;
    panel.webview.options = webviewOptions();
    panel.webview.onDidReceiveMessage((m: FromWebview) => void this.#receive(m));
    // A hidden webview loses its page (no retainContextWhenHidden): shown again, it loads the page last set, so the
    // text is rendered afresh.
    panel.onDidChangeViewState(() => {
      if (panel.visible) {
        this.#loaded = false;
        void this.#render();
      }
    });
    panel.onDidDispose(() => {
      if (this.#panel !== panel) return;
      this.#panel = undefined;
      this.#document = undefined;
      if (this.#timer) clearTimeout(this.#timer);
    });
  }

  /** Shows the cable at `uri`. */
  #follow(uri: vscode.Uri): void {
    if (!this.#panel) return;
    this.#document = uri;
    this.#loaded = false;
    this.#panel.title = `Preview ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`;
    void this.#render();
  }

  #renderSoon(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#render();
    }, DEBOUNCE);
  }

  /** Asks the server for the document's preview and puts it in the panel. */
  async #render(): Promise<void> {
    const panel = this.#panel;
    const uri = this.#document;
    if (!panel || !uri) return;
    const ask = ++this.#asked;
    // A request still running for an older version is cancelled: its answer would be dropped.
    this.#pending?.cancel();
    const pending = new vscode.CancellationTokenSource();
    this.#pending = pending;
    let result: PreviewResult | null = null;
    try {
      const client = await this.#server();
      result = await client.sendRequest<PreviewResult | null>('cable/preview', { uri: uri.toString() }, pending.token);
    } catch {
      // The server restarting: the next edit asks again.
    }
    pending.dispose();
    if (this.#pending === pending) this.#pending = undefined;
    // A newer request has been sent meanwhile, or the panel has gone.
    if (ask !== this.#asked || panel !== this.#panel) return;
    const html = result ? result.html : '<p class="absent">No preview: the language server does not hold this document as a cable.</p>';
    if (this.#loaded && panel.visible) {
      void panel.webview.postMessage({ type: 'update', uri: uri.toString(), html });
      return;
    }
    panel.webview.html = page(panel.webview, uri.toString(), html);
    this.#loaded = true;
  }

  /** A click in the preview: the line clicked is revealed in the editor, a REF link opens the cited cable. */
  async #receive(message: FromWebview): Promise<void> {
    if (message?.type === 'open' && typeof message.uri === 'string') {
      const target = vscode.Uri.parse(message.uri);
      // Only a file the server linked, never a command.
      if (target.scheme === 'command') return;
      await vscode.window.showTextDocument(target, { viewColumn: this.#editorColumn() });
      return;
    }
    if (message?.type === 'reveal' && Number.isInteger(message.line) && this.#document) {
      const doc = await vscode.workspace.openTextDocument(this.#document);
      const line = Math.min(Math.max(message.line, 0), doc.lineCount - 1);
      const at = new vscode.Position(line, 0);
      // The focus stays in the preview, which the user is reading.
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.#editorColumn(), selection: new vscode.Range(at, at), preserveFocus: true });
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  /** The column of a visible editor showing the previewed document, else the first. */
  #editorColumn(): vscode.ViewColumn {
    const key = this.#document?.toString();
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key)?.viewColumn ?? vscode.ViewColumn.One;
  }

  /** The panel shown, for the test-electron suite. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#panel?.dispose();
    for (const s of this.#subscriptions) s.dispose();
  }
}

/** Scripts for the click handler only; no local resources at all (the page loads nothing). */
function webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [], enableFindWidget: true };
}

/** A nonce for the page's style and script. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An attribute value's escapes. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page around the server's HTML: the policy, the stylesheet (the theme's colors) and the click script. */
function page(webview: vscode.Webview, uri: string, html: string): string {
  const n = nonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">${STYLE}</style>
</head>
<body data-uri="${attribute(uri)}">
<main id="root">${html}</main>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>`;
}

/** The preview's colors: the theme's variables, so that it reads like the editor. */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
.card { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding-bottom: 8px; margin-bottom: 12px; }
.bar { font-weight: bold; letter-spacing: 0.1em; text-align: center; padding: 4px 8px; margin: 0 -16px 8px; color: var(--vscode-editor-background); }
.bar.level-top-secret { background: var(--vscode-charts-orange); }
.bar.level-secret { background: var(--vscode-charts-red); }
.bar.level-confidential { background: var(--vscode-charts-blue); }
.bar.level-unclassified { background: var(--vscode-charts-green); }
.bar.no-banner { background: var(--vscode-editorWidget-background); color: var(--vscode-descriptionForeground); font-weight: normal; }
h1.subject { font-size: 1.3em; margin: 8px 0; }
h2 { font-size: 1em; margin: 10px 0 4px; color: var(--vscode-descriptionForeground); }
.absent { color: var(--vscode-descriptionForeground); font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0; }
dl.facts dt { color: var(--vscode-descriptionForeground); }
dl.facts dd { margin: 0; }
ul.tags, ul.refs { list-style: none; padding: 0; margin: 0; }
.tag code, .ref-id { font-family: var(--vscode-editor-font-family); color: var(--vscode-symbolIcon-constantForeground, var(--vscode-foreground)); }
.tag.unverified .meaning, .tag.unknown .meaning { color: var(--vscode-descriptionForeground); font-style: italic; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
.truncated { color: var(--vscode-editorWarning-foreground); }
pre.cable-text { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 8; cursor: text; }
.banner { font-weight: bold; }
.level-top-secret:not(.bar) { color: var(--vscode-charts-orange); }
.level-secret:not(.bar) { color: var(--vscode-charts-red); }
.level-confidential:not(.bar) { color: var(--vscode-charts-blue); }
.level-unclassified:not(.bar) { color: var(--vscode-charts-green); }
.para-number { color: var(--vscode-editorLineNumber-activeForeground, var(--vscode-foreground)); font-weight: bold; }
.heading { font-weight: bold; color: var(--vscode-symbolIcon-classForeground, var(--vscode-foreground)); }
.keyword { color: var(--vscode-symbolIcon-keywordForeground, var(--vscode-foreground)); }
.ref-letter { color: var(--vscode-symbolIcon-enumeratorMemberForeground, var(--vscode-foreground)); font-weight: bold; }
.redaction { color: var(--vscode-disabledForeground); background: var(--vscode-editorWidget-background); }
.signature { font-style: italic; color: var(--vscode-symbolIcon-constantForeground, var(--vscode-foreground)); }
`;

/**
 * The page's script: takes new HTML by message (keeping the scroll position), keeps the document's URI as the panel's
 * state (for the serializer), opens a REF link's cable, and reveals the line clicked in the text, counted as the
 * line breaks before it (the page's parser turns "\\r\\n" and "\\r" into "\\n", so a line of the page is one of the editor).
 */
const SCRIPT = `
(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  vscode.setState({ uri: document.body.dataset.uri });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'update') {
      root.innerHTML = m.html;
      vscode.setState({ uri: m.uri });
    }
  });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('a[data-uri]');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', uri: link.dataset.uri });
      return;
    }
    const pre = target && target.closest('pre.cable-text');
    // A click that ends a selection leaves the editor alone: the user is copying text.
    const selection = window.getSelection();
    if (!pre || !document.caretRangeFromPoint || (selection && !selection.isCollapsed)) return;
    const caret = document.caretRangeFromPoint(event.clientX, event.clientY);
    if (!caret || !pre.contains(caret.startContainer)) return;
    const before = document.createRange();
    before.setStart(pre, 0);
    before.setEnd(caret.startContainer, caret.startOffset);
    const line = before.toString().split('\\n').length - 1;
    vscode.postMessage({ type: 'reveal', line });
  });
})();
`;
