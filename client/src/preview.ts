/**
 * "Cable: Open Preview" and "Open Preview to the Side": a webview that shows the cable an editor holds, decoded, as the
 * server renders it (`cable/preview`, server/src/features/preview.ts), and follows it as it is edited. As Markdown's
 * preview does, there is one preview, which follows the active cable editor; it is restored with the window and closes
 * with its document. It only reads text, so it works in Restricted Mode and in the browser alike, and it loads nothing:
 * its Content-Security-Policy allows only its own style and script, by nonce.
 *
 * As Markdown's preview does, it keeps its place with the editor: the editor's scrolling scrolls it to the same top line
 * (`cable.preview.scrollPreviewWithEditor`), its own scrolling reveals its top line at the editor's top
 * (`cable.preview.scrollEditorWithPreview`), and it marks the line holding the editor's cursor
 * (`cable.preview.markEditorSelection`). The settings are read each time they are used, so a change takes at once.
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

/**
 * Messages the preview's script sends: a click on a line (`reveal`) or a link (`open`), and the first line it shows after
 * the user scrolled it (`scrolled`; never after a scroll the editor caused).
 */
type FromWebview =
  | { readonly type: 'reveal'; readonly line: number }
  | { readonly type: 'open'; readonly uri: string }
  | { readonly type: 'scrolled'; readonly line: number };

/**
 * Messages the client sends the page: new HTML (`update`, keeping the scroll position), the editor's top line to scroll
 * to (`scroll`; the page does not post back the scroll it makes), and the cursor's line to mark (`select`, -1 for none).
 */
type ToWebview =
  | { readonly type: 'update'; readonly uri: string; readonly html: string }
  | { readonly type: 'scroll'; readonly line: number }
  | { readonly type: 'select'; readonly line: number };

/** How long typing must pause before the preview is rendered again, in milliseconds. */
const DEBOUNCE = 300;

/**
 * How long after the preview scrolled the editor (or a click in it revealed a line) the editor's scrolling is not sent
 * back to it, in milliseconds: the editor's visible ranges change because of the preview, and the page is already there.
 * Markdown's preview guards the same loop the same way.
 */
const SCROLL_ECHO = 300;

/** A `cable.preview` setting of the document's folder (each defaults to true, as Markdown's do). */
function previewSetting(name: 'scrollPreviewWithEditor' | 'scrollEditorWithPreview' | 'markEditorSelection', uri: vscode.Uri | undefined): boolean {
  return vscode.workspace.getConfiguration('cable.preview', uri).get<boolean>(name, true);
}

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
  /** The previewed document's editor's first visible line and cursor line, last seen: where a new page starts. */
  #topLine = 0;
  #cursorLine = 0;
  /** Until when (Date.now()) the editor's scrolling is the preview's doing, not sent back to it. */
  #editorScrolledByPreview = 0;
  /** The line the page was last told to show at its top, or said it shows: an editor already there is not sent again. */
  #previewTop = -1;
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
          this.#place(this.#editorOf(uri));
          this.#follow(vscode.Uri.parse(uri));
        },
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.uri.toString() === this.#document?.toString()) this.#renderSoon();
      }),
      // As Markdown's preview does, it follows the active editor when that shows a cable.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor?.document.languageId === 'cable' && editor.document.uri.toString() !== this.#document?.toString()) {
          this.#place(editor);
          this.#follow(editor.document.uri);
        }
      }),
      // Scrolling the editor scrolls the preview to the same top line, unless the preview caused it.
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.#panel || e.textEditor.document.uri.toString() !== this.#document?.toString()) return;
        const top = e.visibleRanges[0]?.start.line;
        if (top === undefined) return;
        this.#topLine = top;
        if (top === this.#previewTop || Date.now() < this.#editorScrolledByPreview || !previewSetting('scrollPreviewWithEditor', this.#document)) return;
        this.#previewTop = top;
        this.#post({ type: 'scroll', line: top });
      }),
      // The cursor's line is marked in the preview.
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.#panel || e.textEditor.document.uri.toString() !== this.#document?.toString()) return;
        const line = e.selections[0]?.active.line;
        if (line === undefined || line === this.#cursorLine) return;
        this.#cursorLine = line;
        this.#postSelection();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.#panel && e.affectsConfiguration('cable.preview.markEditorSelection', this.#document)) this.#postSelection();
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
    // The preview starts where the editor is, which it may replace (Open Preview) and so hide.
    this.#place(vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor : undefined);
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
    // A hidden webview loses its page (no retainContextWhenHidden): shown again, or moved to another group, it loads
    // the page last set, so the text is rendered afresh. Only then: the panel's focus coming and going leaves its page,
    // and its place in the text, as they are.
    let shown = panel.visible;
    let column = panel.viewColumn;
    panel.onDidChangeViewState(() => {
      const reloaded = panel.visible && (!shown || panel.viewColumn !== column);
      shown = panel.visible;
      column = panel.viewColumn;
      if (reloaded) {
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

  /** Takes the top line and the cursor's line of the editor the preview is to follow, where its page will start. */
  #place(editor: vscode.TextEditor | undefined): void {
    this.#topLine = editor?.visibleRanges[0]?.start.line ?? 0;
    this.#cursorLine = editor?.selection.active.line ?? 0;
  }

  /** The visible editor showing the document at `uri` (the active one first), if any. */
  #editorOf(uri: string): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === uri) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }

  /** Sends the page a message, once it holds the script and is shown (a hidden page is loaded afresh when shown). */
  #post(message: ToWebview): void {
    if (this.#panel && this.#loaded && this.#panel.visible) void this.#panel.webview.postMessage(message);
  }

  /** The line to mark: the cursor's, or none when `cable.preview.markEditorSelection` is off. */
  #selection(): number {
    return previewSetting('markEditorSelection', this.#document) ? this.#cursorLine : -1;
  }

  #postSelection(): void {
    this.#post({ type: 'select', line: this.#selection() });
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
    // A new page starts at the editor's top line, unless the editor is not to scroll the preview.
    const top = previewSetting('scrollPreviewWithEditor', uri) ? this.#topLine : 0;
    this.#previewTop = top;
    panel.webview.html = page(panel.webview, uri.toString(), html, top, this.#selection());
    this.#loaded = true;
  }

  /**
   * A click in the preview: the line clicked is revealed in the editor, a REF link opens the cited cable. The preview
   * scrolled by the user: its first line is revealed at the top of the editors showing the document.
   */
  async #receive(message: FromWebview): Promise<void> {
    if (message?.type === 'scrolled' && Number.isInteger(message.line) && this.#document) {
      this.#previewTop = message.line;
      if (!previewSetting('scrollEditorWithPreview', this.#document)) return;
      const key = this.#document.toString();
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document.uri.toString() !== key) continue;
        const at = new vscode.Position(Math.min(Math.max(message.line, 0), editor.document.lineCount - 1), 0);
        this.#editorScrolledByPreview = Date.now() + SCROLL_ECHO;
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
      }
      return;
    }
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
      this.#editorScrolledByPreview = Date.now() + SCROLL_ECHO;
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.#editorColumn(), selection: new vscode.Range(at, at), preserveFocus: true });
      this.#editorScrolledByPreview = Date.now() + SCROLL_ECHO;
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

/**
 * The page around the server's HTML: the policy, the stylesheet (the theme's colors) and the script, with the line the
 * page starts at (`data-line`) and the line it marks (`data-selected`, -1 for none).
 */
function page(webview: vscode.Webview, uri: string, html: string, line: number, selected: number): string {
  const n = nonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">${STYLE}</style>
</head>
<body data-uri="${attribute(uri)}" data-line="${line}" data-selected="${selected}">
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
.tag.unverified .meaning, .tag.unknown .meaning, .tag .context { color: var(--vscode-descriptionForeground); font-style: italic; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
.truncated { color: var(--vscode-editorWarning-foreground); }
pre.cable-text { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 8; cursor: text; }
pre.cable-text > span { display: block; }
pre.cable-text > span.active-line { background: var(--vscode-editor-lineHighlightBackground, transparent); box-shadow: -6px 0 0 var(--vscode-editorLineNumber-activeForeground, var(--vscode-foreground)); }
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
 * state (for the serializer), opens a REF link's cable, and reveals the line clicked in the text.
 * The `<pre>`'s children are the text's lines (server/src/features/preview.ts): a click on the nth reveals line n, and
 * the page scrolls line n's to the top when the editor scrolls (a line past those shown scrolls to the end, which says
 * where the preview stops), posts its first visible line when the user scrolls it (not after a scroll it was told to
 * make), and marks the cursor's line.
 */
const SCRIPT = `
(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  vscode.setState({ uri: document.body.dataset.uri });
  const lines = () => root.querySelector('pre.cable-text')?.children ?? [];
  let selected = Number(document.body.dataset.selected);
  // Where the page scrolled when told to (or when new HTML moved it): a scroll that ends there is not the user's and is
  // not posted. A user's scroll that ends elsewhere is, even if it began in the same frame.
  let toldY = -1;
  const scrollToLine = (line) => {
    const all = lines();
    let y = 0;
    if (line >= all.length && all.length > 0) y = document.documentElement.scrollHeight;
    else if (line > 0) y = all[line].getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, y);
    toldY = window.scrollY;
  };
  // The line at the top of the view: the first whose bottom is below it (0 while the card shows).
  const firstVisibleLine = () => {
    const all = lines();
    if (all.length === 0 || all[0].getBoundingClientRect().top >= 0) return 0;
    let low = 0;
    let high = all.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (all[mid].getBoundingClientRect().bottom <= 1) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const mark = (line) => {
    selected = line;
    for (const old of root.querySelectorAll('pre.cable-text > .active-line')) old.classList.remove('active-line');
    const all = lines();
    if (line >= 0 && line < all.length) all[line].classList.add('active-line');
  };
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'update') {
      // A shorter text may move the view: that scroll is not the user's either.
      root.innerHTML = m.html;
      toldY = window.scrollY;
      vscode.setState({ uri: m.uri });
      mark(selected);
    } else if (m && m.type === 'scroll' && Number.isInteger(m.line)) {
      scrollToLine(m.line);
    } else if (m && m.type === 'select' && Number.isInteger(m.line)) {
      mark(m.line);
    }
  });
  let frame = 0;
  window.addEventListener('scroll', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (window.scrollY === toldY) return;
      toldY = -1;
      vscode.postMessage({ type: 'scrolled', line: firstVisibleLine() });
    });
  });
  mark(selected);
  scrollToLine(Number(document.body.dataset.line));
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('a[data-uri]');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', uri: link.dataset.uri });
      return;
    }
    // The line clicked: its index among the pre's children, one a line.
    const row = target && target.closest('pre.cable-text > span');
    // A click that ends a selection leaves the editor alone: the user is copying text.
    const selection = window.getSelection();
    if (!row || (selection && !selection.isCollapsed)) return;
    vscode.postMessage({ type: 'reveal', line: Array.prototype.indexOf.call(row.parentElement.children, row) });
  });
})();
`;
