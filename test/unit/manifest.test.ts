/**
 * The extension manifest: what VS Code reads before any code of ours runs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { fileNameKind } from '../../server/src/core/id';
import { allRules } from '../../server/src/core/rules/index';
import { SEMANTIC_LEGEND } from '../../server/src/features/semanticTokens';
import { ROOT } from '../helpers';

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
  });
});
