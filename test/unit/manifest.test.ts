/**
 * The extension manifest: what VS Code reads before any code of ours runs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import picomatch from 'picomatch';
import { NEW_CABLE_SNIPPET, newCableSnippet } from '../../client/src/newCable';
import { fileNameKind } from '../../server/src/core/id';
import { allRules } from '../../server/src/core/rules/index';
import { SEMANTIC_LEGEND } from '../../server/src/features/semanticTokens';
import { MAY_14, ROOT, snippetVariables } from '../helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('starts in a workspace that holds any file the language claims, so that Go to Symbol in Workspace works before a cable is opened', () => {
    // A folder of Cablegate files ("09PARIS1039.txt") holds no ".cable": without its own activation event,
    // Ctrl+T found nothing until one of them was opened.
    const [language] = pkg.contributes.languages;
    const globs = [...language.extensions.map((e: string) => `**/*${e}`), ...language.filenamePatterns.map((p: string) => `**/${p}`)];
    assert.deepEqual(
      globs.filter((g) => !pkg.activationEvents.includes(`workspaceContains:${g}`)),
      [],
    );
    // The workspace index reads the same files by default.
    assert.deepEqual(pkg.contributes.configuration.properties['cable.index.include'].default, globs);
  });

  it('opens as a cable every .txt file named after a cable id, as the core reads names, PlusD\'s among them, and no other', () => {
    const [language] = pkg.contributes.languages;
    const claimed = (name: string) => language.filenamePatterns.some((p: string) => picomatch(p)(name));
    const named = ['09PARIS1039.txt', '2009PARIS1039.txt', '1974STATE150591.txt', '05STATE226504_a.txt', '1974STATE150591_b.txt'];
    assert.deepEqual(named.filter((n) => !claimed(n) || fileNameKind(n) !== 'cable'), []);
    assert.deepEqual(['notes.txt', '2009 notes.txt', 'PARIS1039.txt'].filter(claimed), []);
  });

  it('binds the preview commands as Markdown binds its own, for cables only, and restores the preview panel', () => {
    const client = fs.readFileSync(path.join(ROOT, 'client/src/preview.ts'), 'utf8');
    for (const command of ['cable.showPreview', 'cable.showPreviewToSide']) {
      assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === command), command);
      assert.ok(client.includes(`registerCommand('${command}'`), `${command} is registered`);
    }
    const bindings = pkg.contributes.keybindings.map((k: { command: string; key: string; mac: string; when: string }) => [k.command, k.key, k.mac, k.when.startsWith('editorLangId == cable')]);
    assert.deepEqual(bindings, [
      ['cable.showPreview', 'ctrl+shift+v', 'cmd+shift+v', true],
      ['cable.showPreviewToSide', 'ctrl+k v', 'cmd+k v', true],
    ]);
    assert.ok(pkg.contributes.menus['editor/title'].some((m: { command: string; when: string }) => m.command === 'cable.showPreviewToSide' && m.when.startsWith('editorLangId == cable')));
    // The serializer that restores the panel after a reload is registered for the type the client creates it with.
    assert.match(client, /PREVIEW_VIEW_TYPE = 'cable\.preview'/);
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:cable.preview'));
  });

  it('starts for a plain-text document too, so that a cable named by a hash is found by its text', () => {
    // A folder holding only "000_4e0f164468ec0923.txt" matches no workspaceContains event, and the first such file
    // opened stayed plain text. The server starts later, when a cable needs it (client/src/extension.ts).
    assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'));
  });

  it('declares every semantic token type and modifier the server sends, and maps every type to the grammar\'s scopes', () => {
    // A type or modifier the manifest does not declare is not one VS Code knows: themes cannot style it by name.
    const ids = (list: { id: string }[]) => list.map((t) => t.id);
    assert.deepEqual(SEMANTIC_LEGEND.tokenTypes.filter((t) => !ids(pkg.contributes.semanticTokenTypes).includes(t)), []);
    assert.deepEqual(SEMANTIC_LEGEND.tokenModifiers.filter((m) => !ids(pkg.contributes.semanticTokenModifiers).includes(m)), []);
    const selectors = Object.keys(pkg.contributes.semanticTokenScopes[0].scopes).map((s) => s.split('.')[0]);
    assert.deepEqual(SEMANTIC_LEGEND.tokenTypes.filter((t) => !selectors.includes(t)), []);
  });

  it('starts the line after a blank one at the margin when Enter is pressed, as the text under an indented REF list stands', () => {
    // VS Code keeps a line's indentation on Enter: under "REF: A. …" ⏎ "     B. STATE 4567" the blank line and every line
    // after it opened 5 spaces in, "     Classified By: …". The language's first onEnterRule whose beforeText and afterText
    // match the text around the caret gives the new line's indentation (VS Code's getEnterAction: the line's own, less
    // `removeText` characters); with none, the line's own is kept.
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, pkg.contributes.languages[0].configuration), 'utf8'));
    const enter = (line: string, caret = line.length) => {
      const [before, after] = [line.slice(0, caret), line.slice(caret)];
      const indentation = /^[ \t]*/.exec(line)![0].slice(0, caret);
      const rule = (config.onEnterRules ?? []).find((r: { beforeText: string; afterText?: string }) => new RegExp(r.beforeText).test(before) && (r.afterText === undefined || new RegExp(r.afterText).test(after)));
      if (!rule) return indentation;
      assert.equal(rule.action.indent, 'none');
      return indentation.slice(0, Math.max(0, indentation.length - (rule.action.removeText ?? 0)));
    };
    // Under an indented REF item, the next item's line keeps its place.
    assert.equal(enter('     B. STATE 4567'), '     ');
    // From the blank line under it, the next line starts at the margin, in spaces or a tab.
    assert.equal(enter('     '), '');
    assert.equal(enter('\t'), '');
    // Enter inside a line's indentation, before its text, keeps it.
    assert.equal(enter('     C. PARIS 12', 3), '   ');
    assert.equal(enter('¶1. (C) The board met.'), '');
  });

  it('sets the language\'s brackets to none in its defaults, so that the onEnterRules bring no bracket colors into prose', () => {
    // VS Code's OnEnterSupport writes the default brackets, (), [] and {}, into a language configuration with onEnterRules
    // and no brackets (brackets: [] counts as none), and bracket-pair colorization then colors prose parentheses and flags
    // "1)"; the editor.language.* settings, which VS Code puts over the extension's configuration, keep them off.
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, pkg.contributes.languages[0].configuration), 'utf8'));
    assert.ok(config.onEnterRules?.length > 0);
    const defaults = pkg.contributes.configurationDefaults['[cable]'];
    assert.deepEqual(defaults['editor.language.brackets'], []);
    assert.deepEqual(defaults['editor.language.colorizedBracketPairs'], []);
  });

  it('turns format on type on for cables, where Enter under a numbered paragraph, a REF item or a dash item writes the next number, letter or dashes, which their settings turn off', () => {
    // VS Code sends textDocument/onTypeFormatting only with editor.formatOnType on, which is off by default.
    assert.equal(pkg.contributes.configurationDefaults['[cable]']['editor.formatOnType'], true);
    assert.equal(pkg.contributes.configuration.properties['cable.paragraphNumbers.onEnter'].default, true);
    assert.equal(pkg.contributes.configuration.properties['cable.refLetters.onEnter'].default, true);
    assert.equal(pkg.contributes.configuration.properties['cable.dashItems.onEnter'].default, true);
  });

  describe('the README, ARCHITECTURE.md and docs/', () => {
    const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
    const docs = ['README.md', 'ARCHITECTURE.md', 'docs/features.md', 'docs/testing.md'];
    const properties: Record<string, { default: unknown }> = pkg.contributes.configuration.properties;

    it('names only the settings, commands and rules there are', () => {
      const commands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
      const titles: string[] = pkg.contributes.commands.map((c: { title: string }) => c.title);
      const ruleIds = new Set(allRules.map((r) => r.id));
      // Names the code uses that are no setting: the server's command, a context key, the preview's view type.
      const code = ['client/src', 'server/src'].flatMap((d) => fs.readdirSync(path.join(ROOT, d), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(ROOT, d, f), 'utf8'))).join('\n');
      for (const doc of docs) {
        const text = read(doc);
        for (const [, name] of text.matchAll(/`(cable\.[\w.]+)`/g)) assert.ok(name in properties || commands.includes(name) || code.includes(`'${name}'`), `${doc}: ${name}`);
        for (const [, title] of text.matchAll(/\*\*Cable: ([^*]+)\*\*/g)) assert.ok(titles.includes(title), `${doc}: command "Cable: ${title}"`);
        for (const [, id] of text.matchAll(/\b(CBL\d{3})\b/g)) assert.ok(ruleIds.has(id), `${doc}: rule ${id}`);
        for (const [, id, name] of text.matchAll(/\b(CBL\d{3})\/([a-z0-9-]+)/g)) assert.equal(allRules.find((r) => r.id === id)?.name, name, `${doc}: ${id}/${name}`);
      }
      const count = `${allRules.length} rules`;
      assert.match(read('README.md'), new RegExp(`\\*\\*Validation\\*\\*: ${count}`));
      assert.ok(pkg.contributes.walkthroughs[0].steps.some((s: { description: string }) => s.description.startsWith(count)));
    });

    it('gives each setting the README lists the default it says', () => {
      const list = read('README.md').split('\nSettings:\n\n')[1].split('\n\n')[0].split('\n');
      assert.deepEqual(Object.keys(properties).filter((k) => !list.some((l) => l.includes(`\`${k}\``))), [], 'every setting is listed');
      for (const line of list) {
        const named = [...line.matchAll(/`(cable\.[\w.]+)`/g)].map((m) => m[1]).filter((k) => k in properties);
        if (/default on\b/.test(line)) for (const k of named) assert.equal(properties[k].default, true, line);
        const number = /default (\d+)/.exec(line);
        if (number) assert.equal(properties[named[0]].default, Number(number[1]), line);
        const value = /`(\w+)`, the default/.exec(line);
        if (value) assert.equal(properties[named[0]].default, value[1], line);
      }
    });

    it('shows CI configurations that parse, with the actions and inputs they use, installing the package npm pack makes', () => {
      const blocks = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => yaml.load(m[1]) as unknown);
      assert.ok(blocks.length >= 3);
      const workflow = blocks[0] as { on: string[]; jobs: Record<string, { steps: { uses?: string; with?: object; run?: string }[] }> };
      assert.deepEqual(workflow.on, ['push', 'pull_request']);
      const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
      // The inputs each action takes (action.yml of actions/setup-node and github/codeql-action/upload-sarif).
      const inputs: Record<string, string[]> = { 'actions/checkout': [], 'actions/setup-node': ['node-version'], 'github/codeql-action/upload-sarif': ['sarif_file'] };
      for (const step of steps.filter((s) => s.uses)) {
        const [action, version] = step.uses!.split('@');
        assert.ok(action in inputs && /^v\d+$/.test(version), step.uses);
        for (const key of Object.keys(step.with ?? {})) assert.ok(inputs[action].includes(key), `${step.uses}: ${key}`);
      }
      // The SARIF step goes on whatever the findings (exit code 1), and the last step fails the job on an error.
      assert.match(steps.find((s) => s.run?.includes('sarif'))!.run!, /\|\| true$/);
      assert.match(steps.at(-1)!.run!, /^npx cablelint /);
      // vscode-cable is not on the npm registry: each install names the tarball npm pack makes of this version.
      const installs = read('README.md').split('\n').concat(read('docs/walkthrough/cli.md').split('\n')).filter((l) => /npm install\b/.test(l) && !/npm install -g`\)/.test(l));
      for (const line of installs) for (const [, what] of line.matchAll(/npm install (?:-g |--no-save )([^\s`]+)/g)) assert.match(what, new RegExp(`vscode-cable-${pkg.version.replace(/\./g, '\\.')}\\.tgz$`), line);
    });

    it('names in its code map only files there are', () => {
      const tracked = new Set(spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n'));
      assert.ok(tracked.has('ARCHITECTURE.md'));
      const basenames = new Set([...tracked].map((f) => f.split('/').at(-1)));
      // Files of the user's, of shared/reference and of a build.
      const elsewhere = ['.cablelint.json', 'cablelint-suppressions.json', 'FORMAT.md', 'markings.tsv', 'dist/cli-NAME.js'];
      const text = read('ARCHITECTURE.md');
      const named = new Set([...text.matchAll(/`([\w./-]+\.(?:ts|mjs|js|json|jsonc|yaml|md|el|lua|sh|tsv))`/g)].map((m) => m[1]));
      const missing = [...named].filter((f) => !elsewhere.includes(f) && !f.startsWith('dist/') && !(f.includes('/') ? tracked.has(f) || [...tracked].some((t) => t.endsWith(`/${f}`)) : basenames.has(f)));
      assert.deepEqual(missing, []);
    });
  });

  describe('the Get Started walkthrough', () => {
    interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[] }
    const steps: Step[] = pkg.contributes.walkthroughs.flatMap((w: { steps: Step[] }) => w.steps);
    const commands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    // VS Code's own commands that the steps' buttons run.
    const builtIn = ['workbench.actions.view.problems', 'workbench.action.showAllSymbols', 'workbench.action.openSettings'];
    const pages = steps.map((s) => s.media.markdown!);

    it('gives every step a page of its own that the package ships', () => {
      assert.ok(steps.length >= 5);
      assert.equal(new Set(pages).size, steps.length);
      for (const page of pages) {
        assert.ok(fs.existsSync(path.join(ROOT, page)), `${page} exists`);
        assert.ok(pkg.files.some((glob: string) => picomatch(glob)(page)), `${page} is in package.json files`);
      }
    });

    it('runs only commands that exist from its buttons, and completes a step on them', () => {
      for (const step of steps) {
        const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        for (const command of linked) assert.ok(commands.includes(command) || builtIn.includes(command), `${step.id}: ${command}`);
        const events = (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
        for (const command of events) assert.ok(commands.includes(command) || builtIn.includes(command), `${step.id}: ${command}`);
        // A step with a button is completed by it, not only by being looked at.
        for (const command of linked) assert.ok(events.includes(command), `${step.id} completes on ${command}`);
      }
    });

    it('writes its step descriptions as VS Code shows them: links for buttons, no code spans', () => {
      // The Welcome page renders a step's description as text with links; a backtick shows as one (seen in code-server).
      for (const step of steps) assert.ok(!step.description.includes('`'), `${step.id}: ${step.description}`);
    });

    it('names only the settings, rules, commands and configuration keys there are', () => {
      const settings = Object.keys(pkg.contributes.configuration.properties);
      const titles = pkg.contributes.commands.map((c: { title: string }) => c.title);
      const ruleNames = new Set(allRules.flatMap((r) => [r.id, r.name]));
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/cablelint.schema.json'), 'utf8'));
      for (const page of pages) {
        const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
        for (const [, setting] of text.matchAll(/`(cable\.[\w.]+)`/g)) assert.ok(settings.includes(setting), `${page}: setting ${setting}`);
        for (const [, title] of text.matchAll(/\*\*Cable: ([^*]+)\*\*/g)) assert.ok(titles.includes(title), `${page}: command "Cable: ${title}"`);
        for (const [, id] of text.matchAll(/\b(CBL\d{3})\b/g)) assert.ok(ruleNames.has(id), `${page}: rule ${id}`);
        // The configuration example: every key the schema knows, every rule named as the schema names them.
        for (const [, body] of text.matchAll(/```jsonc\n([\s\S]*?)```/g)) {
          if (!body.includes('"rules"') || body.includes('settings.json')) continue;
          const config = JSON.parse(body.replace(/\/\/.*$/gm, ''));
          for (const key of Object.keys(config)) assert.ok(key in schema.properties, `${page}: configuration key ${key}`);
          const named = [config.rules, ...(config.overrides ?? []).map((o: { rules: object }) => o.rules)].flatMap((r) => Object.keys(r));
          for (const rule of named) assert.ok(ruleNames.has(rule), `${page}: rule ${rule}`);
        }
      }
    });

    it('offers the Numbered paragraph snippet\'s markings in the order the released cables use them most', () => {
      // The snippet cannot read the banner (completion at a line's start offers its level first): its choices follow the
      // paragraphs' markings of the corpus findings (§9), the most used first; a form the table does not list comes last.
      const findings = path.resolve(ROOT, '..', 'shared', 'reference', 'CORPUS-FINDINGS.md');
      if (!fs.existsSync(findings)) return;
      const section = /\n## 9\. Portion markings\n([\s\S]*?)\n## /.exec(fs.readFileSync(findings, 'utf8'))![1];
      const counts = new Map([...section.matchAll(/^\| \(([^)]+)\) \| (\d+) \|/gm)].map(([, form, n]) => [form, Number(n)]));
      const body: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/cable.json'), 'utf8'))['Numbered paragraph'].body[0];
      const choices = /\(\$\{2\|([^|]+)\|\}\)/.exec(body)![1].split(',');
      assert.ok(choices.length >= 6 && choices.every((c) => counts.has(c) || c === 'TS'), choices.join());
      assert.deepEqual(choices, [...choices].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0)));
    });

    it('shows the cable Cable: New Cable inserts, the whole-cable snippet with each field at its first choice', () => {
      const snippet = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/cable.json'), 'utf8'))['Cable with transmission header'];
      // The snippet's names inside newCable (cableExtension.ts, newCable.ts) and the page that shows it.
      assert.equal(NEW_CABLE_SNIPPET, 'Cable with transmission header');
      assert.match(fs.readFileSync(path.join(ROOT, 'client/src/cableExtension.ts'), 'utf8'), /newCableSnippet\(snippets\[NEW_CABLE_SNIPPET\]\.body, new Date\(\)\)/);
      const page = fs.readFileSync(path.join(ROOT, 'docs/walkthrough/open.md'), 'utf8');
      const shown = /New Cable\*\*[^`]*```\n([\s\S]*?)```/.exec(page);
      assert.ok(shown, 'the page shows the cable New Cable makes');
      // As the command inserts it at the time the page shows, 14 May 2026, 15:30 UTC.
      assert.equal(shown[1], expandSnippet(newCableSnippet(snippet.body as string[], new Date(Date.UTC(2026, 4, 14, 15, 30)))) + '\n');
    });
  });
});

/**
 * A snippet once Tab has left each field with nothing typed: each placeholder its default, each choice its first, each
 * mirror (`00${6}`) its field's value and each transform (`${1/^(S)?.*$/${1:?SSSSS:CCCCC}/}`) applied to it.
 */
function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  // Innermost first, so that a default holding another placeholder is expanded before it; the clock's variables at the
  // time the page shows, 14 May 2026, 15:30.
  let text = snippetVariables(body, MAY_14);
  for (let again = true; again; ) {
    again = false;
    text = text.replace(/\$\{(\d+)(?::(?!\?)([^${}]*)|\|([^|}]*)\|)\}/g, (_, n: string, def?: string, choices?: string) => {
      again = true;
      const value = def ?? choices!.split(',')[0];
      values.set(n, value);
      return value;
    });
  }
  // A mirror (`00${6}`) writes its field's value.
  text = text.replace(/\$\{(\d+)\}/g, (_, n: string) => values.get(n) ?? '');
  text = text.replace(/\$\{(\d+)\/((?:[^/\\]|\\.)*)\/((?:\$\{[^}]*\}|[^/])*)\/\}/g, (_, n: string, pattern: string, format: string) => {
    const value = values.get(n) ?? '';
    const m = new RegExp(pattern).exec(value);
    if (!m) return value;
    return format.replace(/\$\{(\d+):\?([^:}]*):([^}]*)\}/g, (__, g: string, yes: string, no: string) => (m[Number(g)] !== undefined ? yes : no)).replace(/\$(\d+)/g, (__, g: string) => m[Number(g)] ?? '');
  });
  return text.replace(/\$0/g, '').trimEnd();
}
