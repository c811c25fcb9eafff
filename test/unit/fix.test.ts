/**
 * Quick fixes and Fix All: each fix removes its finding and changes nothing
 * outside its edits; Fix All is idempotent, keeps line endings and never
 * changes a classification.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAll, safeFixEdits } from '../../server/src/core/fix';
import { lintCable } from '../../server/src/core/lint';
import { findInTextReferences, resolveInText } from '../../server/src/core/mentions';
import { parseCable } from '../../server/src/core/parse/index';
import { allRules } from '../../server/src/core/rules/index';
import { getFixAll } from '../../server/src/features/codeActions';
import { ROOT } from '../helpers';
import { assertOnlyEditsChanged, classificationOf } from '../properties';

const DIR = path.join(ROOT, 'test/fixtures/rules');

/**
 * A bad fixture with `from` replaced by `to`, the first finding of `ruleId` on it, and the text
 * its first fix leaves (undefined when the finding has no fix). Fails when there is no finding.
 */
function firstFix(fixture: string, from: string, to: string, ruleId: string, also = (t: string) => t): { variant: string; fixed?: string } {
  const text = fs.readFileSync(path.join(DIR, `${fixture}.bad.cable`), 'utf8');
  assert.ok(text.includes(from), from);
  const variant = also(text.replace(from, to));
  const finding = lintCable(parseCable(variant).cable).find((f) => f.id === ruleId && (ruleId !== 'CBL027' || f.severity === 'info'));
  assert.ok(finding, JSON.stringify(to));
  return { variant, fixed: finding.fixes ? applyEdits(variant, finding.fixes[0].edits) : undefined };
}

/** For each [paragraph start, text after CBL028's first fix], the fix on the CBL028 fixture with ¶3 written so gives that text. */
function expectMarkingFixes(cases: readonly (readonly [string, string])[]): void {
  for (const [before, after] of cases) {
    const { fixed } = firstFix('cbl028-portion-marking-missing', '¶3. Gauci', before, 'CBL028');
    assert.ok(fixed?.includes(after), `${JSON.stringify(before)} should become ${JSON.stringify(after)}, not ${JSON.stringify(fixed?.slice(fixed.indexOf('¶3'), fixed.indexOf('¶3') + 20))}`);
  }
}

describe('quick fixes', () => {
  for (const rule of allRules.filter((r) => r.fixable)) {
    it(`${rule.id} ${rule.name}: each fix removes the finding and touches only its range`, () => {
      const text = fs.readFileSync(path.join(DIR, `${rule.id.toLowerCase()}-${rule.name}.bad.cable`), 'utf8');
      const findings = lintCable(parseCable(text).cable).filter((f) => f.id === rule.id && f.fixes && f.fixes.length > 0);
      assert.ok(findings.length > 0, `${rule.id} offers no fix on its bad fixture`);
      for (const finding of findings) {
        for (const fix of finding.fixes!) {
          const fixed = applyEdits(text, fix.edits);
          assertOnlyEditsChanged(text, fixed, fix.edits);
          const again = lintCable(parseCable(fixed).cable).filter((f) => f.id === rule.id && f.range.start.line === finding.range.start.line && f.message === finding.message);
          assert.deepEqual(again.map((f) => f.message), [], `${fix.title} left the finding in place`);
          if (fix.safe) assert.equal(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable), `${fix.title} changed a classification`);
          // VS Code's Auto Fix (Shift+Alt+.) applies a preferred fix without showing it: the user never chose that level.
          if (fix.preferred) assert.equal(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable), `${fix.title} is preferred and changes a classification`);
        }
      }
    });
  }

  it('offers one missing-marking fix per level, banner level first, none of them safe or preferred', () => {
    const text = fs.readFileSync(path.join(DIR, 'cbl028-portion-marking-missing.bad.cable'), 'utf8');
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL028')!;
    assert.deepEqual(finding.fixes!.map((f) => f.title), ['Mark paragraph 3 (S)', 'Mark paragraph 3 (C)', 'Mark paragraph 3 (U)', 'Mark paragraph 3 (SBU)']);
    assert.ok(finding.fixes!.every((f) => !f.safe));
    // A preferred fix is what Auto Fix applies unseen (on 07KABUL185's unmarked ¶16. it wrote "(S)"), and the light bulb
    // lists it above the other findings' fixes, splitting the three levels: the user picks the level from the list.
    assert.ok(finding.fixes!.every((f) => !f.preferred));
  });

  it('offers (SBU) beside (U) for a paragraph left unmarked, as the released cables mark an unclassified portion either way', () => {
    // "¶2. Two." in an UNCLAS cable under a SENSITIVE BUT UNCLASSIFIED notice was offered (U) alone, though its other
    // paragraphs are marked (SBU), as 1,433 paragraphs of 407 released cables are.
    const text = 'UNCLAS NOWHERE 002027\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: THE HARBOR BOARD NAMED\n\nSENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY\n\n¶1. (SBU) One.\n\n¶2. Two.\n\n¶3. (U) Three.\n';
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL028')!;
    assert.deepEqual(finding.fixes!.map((f) => `${f.title}: ${f.edits[0].newText} ${f.safe}`), ['Mark paragraph 2 (U):  (U) false', 'Mark paragraph 2 (SBU):  (SBU) false']);
    const fixed = applyEdits(text, finding.fixes![1].edits);
    assertOnlyEditsChanged(text, fixed, finding.fixes![1].edits);
    const portion = parseCable(fixed).cable.paragraphs[1].portion!;
    assert.deepEqual([portion.level, portion.sbu], ['UNCLASSIFIED', true]);
    assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL028'), []);
    assert.equal(fixAll(text).text, text);
  });

  it('puts the missing marking one space after the paragraph number, whatever follows it', () => {
    const cases: [string, string][] = [
      ['¶3. Gauci', '¶3. (S) Gauci'],
      ['3.  Gauci', '3. (S)  Gauci'],
      ['¶ 3.\tGauci', '¶ 3. (S)\tGauci'],
      ['¶3.\nGauci', '¶3. (S)\nGauci'],
    ];
    expectMarkingFixes(cases);
  });

  it('fills in a marking begun and left empty rather than writing a second one before it', () => {
    const cases: [string, string][] = [
      // VS Code closes the bracket typed after the number.
      ['¶3. () Gauci', '¶3. (S) Gauci'],
      ['¶3.() Gauci', '¶3. (S) Gauci'],
      ['¶3. (  ) Gauci', '¶3. (S) Gauci'],
      ['¶3. ( Gauci', '¶3. (S) Gauci'],
      ['¶3. (\nGauci', '¶3. (S)\nGauci'],
      // A parenthesis that opens text is no marking.
      ['¶3. (Gauci', '¶3. (S) (Gauci'],
    ];
    expectMarkingFixes(cases);
  });

  it('renumbers a repeated paragraph number with the paragraphs that follow it in sequence, so that no number repeats after the fix', () => {
    // A paragraph written as ¶2 after ¶2, above the old ¶3 and ¶4 ("¶1, ¶2, ¶2, ¶3, ¶4").
    const shifted = (t: string) => t.replace('¶4. (S/NF) Post', '¶3. (S/NF) Post').replace('¶5. (C) Comment', '¶4. (C) Comment');
    const text = shifted(fs.readFileSync(path.join(DIR, 'cbl025-paragraph-number-duplicate.bad.cable'), 'utf8'));
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL025')!;
    // "the course dates in para 3" points at the old ¶3 ("Post recommends …"), which the fix makes ¶4.
    assert.deepEqual(finding.fixes!.map((f) => f.title), ['Renumber as 3, and the next 2 paragraphs up to 5', 'Renumber as 3, and the next 2 paragraphs up to 5, and update the reference to paragraph 3']);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.deepEqual(parseCable(fixed).cable.paragraphs.map((p) => p.readAs), [1, 2, 3, 4, 5]);
    assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL024' || f.id === 'CBL025'), []);
    assert.match(fixed, /course dates in para 3\./);
    const followed = applyEdits(text, finding.fixes![1].edits);
    assertOnlyEditsChanged(text, followed, finding.fixes![1].edits);
    assert.equal(followed, fixed.replace('course dates in para 3.', 'course dates in para 4.'));
    // One paragraph after it in sequence ("¶1, ¶2, ¶2, ¶3, ¶5") is named as one, not as "the next 1 paragraph up to 4".
    const one = text.replace('¶4. (C) Comment', '¶5. (C) Comment');
    assert.deepEqual(lintCable(parseCable(one).cable).find((f) => f.id === 'CBL025')!.fixes!.map((f) => f.title)[0], 'Renumber as 3, and the next paragraph as 4');
    // When the number after the repeated one is free ("¶2, ¶2, ¶4"), only the repeated one changes.
    const { fixed: alone } = firstFix('cbl025-paragraph-number-duplicate', '¶2. (C) Gauci', '¶2. (C) Gauci', 'CBL025');
    assert.deepEqual(parseCable(alone!).cable.paragraphs.map((p) => p.readAs), [1, 2, 3, 4, 5]);
  });

  it("puts a missing closer where the block ends: at its paragraph's end when its bracket never closes, under its heading, before the footer and signature", () => {
    // [replace in the fixture, by; the text the first CBL027 fix leaves (undefined: no fix offered)].
    const P5 = '¶5. (C) Comment: Gauci is new to the post and eager to show\nresults before the summer season. A quick answer would build\n';
    const NOTE5 = P5.replace('Comment:', 'Note:');
    const cases: [string, string, string | undefined][] = [
      // "(Note: …" whose ")" never comes runs to its paragraph's end, where the closer goes.
      ['night (REF A). He asked', 'night. (Note: The boats fly no flag. He asked', 'single liaison officer. End Note.\n'],
      // A "//COMMENT//" heading: the closer ends the last paragraph under it, not the heading line.
      ['NEXT STEPS\n----------', '//COMMENT//', 'course dates in para 3. End Comment.\n\n¶5.'],
      // The last paragraph takes in the footer link and a glued signature: the closer goes before them.
      // A Note opens it: a Comment opening the last paragraph runs to the end of the text and needs no closer.
      [`${P5}goodwill. End Comment.\nCALLOWAY`, `${NOTE5}goodwill.\n\nVisit our classified website at:\nhttp://www.example.sgov.gov/valletta CALLOWAY`, 'goodwill. End Note.\n\nVisit'],
      // A continuation-page line and the asterisk lines framing a footer are no text: the closer goes before them.
      [
        `${P5}goodwill. End Comment.\nCALLOWAY`,
        `${NOTE5}goodwill.\n\nVALLETTA 00000412 003 OF 003\n\n**************** *****\nVisit our classified website at:\nhttp://www.example.sgov.gov/valletta\n**************** *****\nCALLOWAY`,
        'goodwill. End Note.\n\nVALLETTA',
      ],
    ];
    for (const [from, to, expected] of cases) {
      const { fixed } = firstFix('cbl027-block-unbalanced', from, to, 'CBL027', (t) => t.replace('boat traffic.\n', 'boat traffic. End Summary.\n'));
      if (expected === undefined || fixed === undefined) {
        assert.equal(fixed, expected, JSON.stringify(to));
        continue;
      }
      assert.ok(fixed.includes(expected), `${JSON.stringify(to)} gave ${JSON.stringify(fixed.slice(fixed.indexOf('¶4.')))}`);
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL027').map((f) => f.message), [], JSON.stringify(to));
    }
  });

  it("reports no Note or Comment that its bracket closes, at a sentence's end or inside one", () => {
    // "(Note: …)", "(Embassy Note: …)", "[Note: …]" and "(note: …)." end at their bracket as at "End Note." (06PARIS2242, 06KIEV1261).
    const text = fs.readFileSync(path.join(DIR, 'cbl027-block-unbalanced.bad.cable'), 'utf8').replace('boat traffic.\n', 'boat traffic. End Summary.\n');
    for (const aside of ['. (Note: The boats fly no flag.) He asked', '. (Embassy Note: The boats fly no flag.) He asked', '. [Note: The boats fly no flag.] He asked', ' (note: three in all). He asked', '. (Comment: We doubt\nit.) He asked']) {
      const variant = text.replace(' (REF A). He asked', aside);
      assert.notEqual(variant, text);
      assert.deepEqual(lintCable(parseCable(variant).cable).filter((f) => f.id === 'CBL027').map((f) => f.message), [], JSON.stringify(aside));
    }
  });

  it('removes a repeated TAG with one separator, also at the start of a wrapped line or alone on it', () => {
    const cases: [string, string][] = [
      ['TAGS: PREL, PGOV, PREL, MARR', 'TAGS: PREL, PGOV, MARR\n'],
      ['TAGS: PREL, PGOV, MARR,\n      PREL, MOPS', 'TAGS: PREL, PGOV, MARR,\n      MOPS\n'],
      ['TAGS: PREL, PGOV, MARR,\nPREL', 'TAGS: PREL, PGOV, MARR\nSUBJECT:'],
      ['TAGS: PREL PGOV\r\n  PREL', 'TAGS: PREL PGOV\nSUBJECT:'],
      // Semicolons separate TAGS as commas do: "PREL; PREL; PGOV" gave "PREL;; PGOV".
      ['TAGS: PREL; PREL; PGOV', 'TAGS: PREL; PGOV\n'],
      ['TAGS: PREL;PGOV;PREL', 'TAGS: PREL;PGOV\n'],
    ];
    for (const [tags, expected] of cases) {
      const { fixed: withFix } = firstFix('cbl018-tags-duplicate', 'TAGS: PREL PGOV MARR MOPS MT LY PREL', tags, 'CBL018');
      const fixed = withFix!;
      assert.ok(fixed.includes(expected), `${JSON.stringify(tags)} gave ${JSON.stringify(fixed.slice(fixed.indexOf('TAGS'), fixed.indexOf('MARITIME')))}`);
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL018'), [], JSON.stringify(tags));
    }
  });

  it('writes back the parenthesis a portion marking lost, keeping the level read, offers the control a misspelt one stands for, and nothing for an unknown level', () => {
    // CBL029 had no fix: a marking typed without its ")" ("¶5. (C Comment: …") was only reported.
    const cases: [string, string][] = [
      ['¶5. (C Comment:', '¶5. (C) Comment:'],
      ['¶5. (S/NF Comment:', '¶5. (S/NF) Comment:'],
      ['¶5. C) Comment:', '¶5. (C) Comment:'],
    ];
    for (const [to, expected] of cases) {
      const { fixed } = firstFix('cbl029-portion-marking-malformed', '¶5. (C Comment:', to, 'CBL029', (t) => t.replace('(S/NOFRN)', '(S/NF)').replace('(N/SC)', '(C)').replace('¶1. Summary: (C)', '¶1. (C) Summary:').replace('( S/ NF )', '(S/NF)').replace('¶2. (S/NF) (C)', '¶2. (S/NF)'));
      assert.ok(fixed?.includes(`${expected} Gauci`), `${to} gave ${JSON.stringify(fixed?.slice(fixed.indexOf('¶5.'), fixed.indexOf('¶5.') + 20))}`);
      assert.deepEqual(lintCable(parseCable(fixed!).cable).filter((f) => f.id === 'CBL029'), [], to);
    }
    const unknown = lintCable(parseCable(fs.readFileSync(path.join(DIR, 'cbl029-portion-marking-malformed.bad.cable'), 'utf8')).cable).filter((f) => f.id === 'CBL029');
    assert.deepEqual(unknown.map((f) => f.fixes?.map((x) => x.title) ?? []), [["Write the marking '(C)' before 'Summary:'"], ["Keep '(S/NF)' and delete '(C)'", "Keep '(C)' and delete '(S/NF)'"], ["Write the marking '(S/NOFORN)'"], [], ["Write the marking '(S/NF)'"], ["Write the marking '(C)'"]]);
  });

  it('respells a damaged banner level in the form it was written in', () => {
    const cases: [string, string][] = [
      ['SS E C R E T', 'S E C R E T'],
      ['Ssecret', 'SECRET'],
      ['SSECRET', 'SECRET'],
      ['S ECRET', 'SECRET'],
      ['NCLASSIFIED', 'UNCLASSIFIED'],
      ['NCLAS', 'UNCLAS'],
      ['CONFIDENTAIL', 'CONFIDENTIAL'],
      ['S E C E R T', 'S E C R E T'],
      ['C0NFIDENTIAL', 'CONFIDENTIAL'],
      ['C 0 N F I D E N T I A L', 'C O N F I D E N T I A L'],
    ];
    for (const [damaged, spelled] of cases) {
      const finding = lintCable(parseCable(`${damaged} NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\n`).cable).find((f) => f.id === 'CBL011');
      assert.equal(finding?.fixes?.[0].edits[0].newText, spelled, damaged);
    }
  });

  it('offers to lower a marking above the banner to the banner level, written as it was with its controls, only when the user chooses it (CBL030)', () => {
    // CBL030 had no fix: the user had to retype each spilled marking.
    const text = 'C O N F I D E N T I A L NOWHERE 000100\n\nTAGS: PREL\nSUBJECT: (S) X\n\n¶1. (S/NF) One.\n\n¶2. (SECRET/REL FRANCE) Two.\n-- (S) An item.\n\n¶3. (TS//FGI//NF) Three.\n';
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL030');
    assert.deepEqual(
      findings.map((f) => f.fixes?.map((x) => `${x.title} ${x.safe} ${x.preferred ?? false}`)),
      [
        ["Lower the marking to the banner level: '(C)' false false"],
        ["Lower the marking to the banner level: '(C/NF)' false false"],
        ["Lower the marking to the banner level: '(CONFIDENTIAL/REL FRANCE)' false false"],
        ["Lower the marking to the banner level: '(C)' false false"],
        ["Lower the marking to the banner level: '(C//FGI//NF)' false false"],
      ],
    );
    const lines = text.split('\n');
    for (const f of findings) {
      const fixed = applyEdits(text, f.fixes![0].edits);
      assertOnlyEditsChanged(text, fixed, f.fixes![0].edits);
      // Only the level's letters change; the finding goes.
      assert.equal(fixed.split('\n').filter((l, i) => l !== lines[i]).length, 1);
      assert.ok(!lintCable(parseCable(fixed).cable).some((x) => x.id === 'CBL030' && x.range.start.line === f.range.start.line), f.message);
    }
    // A marking in small letters keeps them.
    const small = 'C O N F I D E N T I A L NOWHERE 000100\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (s/nf) One.\n';
    assert.deepEqual(lintCable(parseCable(small).cable).find((f) => f.id === 'CBL030')?.fixes?.map((x) => x.edits[0].newText), ['c']);
    // A spill is never mended unasked.
    assert.equal(fixAll(text).text, text);
  });

  it('offers the standard form of a marking whose level lost the slash before NF, and the control an unknown one is a letter from, unsafe (CBL029)', () => {
    // "(SNF)" reads as SECRET NOFORN, the level certain, but CBL029 offered no fix for it.
    const text = 'S E C R E T NOWHERE 000100\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: (SNF) X\n\n¶1. (SNF) One.\n\n¶2. (CNF) Two.\n-- (SNF) An item.\n\n¶3. (S/NOFRN) Three.\n';
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029');
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line} ${f.fixes?.map((x) => `${x.edits[0].newText} ${x.safe} ${x.preferred ?? false}`).join() ?? 'none'}`),
      ['5 (S/NF) false false', '7 (S/NF) false false', '9 (C/NF) false false', '10 (S/NF) false false', '12 (S/NOFORN) false false'],
    );
    for (const f of findings.filter((x) => x.fixes)) {
      const fixed = applyEdits(text, f.fixes![0].edits);
      assertOnlyEditsChanged(text, fixed, f.fixes![0].edits);
      const again = lintCable(parseCable(fixed).cable);
      assert.ok(!again.some((x) => x.id === 'CBL029' && x.range.start.line === f.range.start.line), f.message);
      if (f.range.start.line !== 12) {
        // The same level and controls, now in a known form.
        assert.equal(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable));
      } else {
        // The control the misspelt one stands for, the level kept: a guess, which the user makes by choosing the fix.
        const portion = parseCable(fixed).cable.paragraphs[2].portion!;
        assert.deepEqual([portion.level, portion.controls], ['SECRET', ['NF']]);
      }
    }
    assert.equal(fixAll(text).text, text);
  });

  it('offers the control a misspelt one stands for only when it is one edit from a single control, keeping the rest of the marking (CBL029)', () => {
    const marks = ['(S//NOFRON)', '(C/ORCN)', '(s/nofrn)', '(S/FOUOO)', '(S/NOFRN//REL TO USA, GBR)', '(S/NOFRN/XYZ)', '(S/NOFRN/ORCN)', '(S/NFR)', '(N/SF)'];
    const text = `S E C R E T NOWHERE 000100\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: X\n\n${marks.map((m, i) => `¶${i + 1}. ${m} Text.\n`).join('\n')}`;
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029');
    assert.deepEqual(
      findings.map((f) => f.fixes?.map((x) => `${x.edits[0].newText} ${x.safe} ${x.preferred ?? false}`).join() ?? 'none'),
      ['(S//NOFORN) false false', '(C/ORCON) false false', '(s/noforn) false false', '(S/FOUO) false false', '(S/NOFORN//REL TO USA, GBR) false false', 'none', 'none', 'none', 'none'],
    );
    for (const f of findings.filter((x) => x.fixes)) assertOnlyEditsChanged(text, applyEdits(text, f.fixes![0].edits), f.fixes![0].edits);
    // A control is never written unasked.
    assert.equal(fixAll(text).text, text);
  });

  it('reports a marking whose separator has nothing after it, and offers it without the separator, unsafe (CBL029)', () => {
    // "(S/NF/)", "(C//)" and "(S/)" read as well-formed (S/NF), (C) and (S): a control cut off or a slash typed twice went unreported.
    const marks = ['(S/NF/)', '(C//)', '(S/)', '(S//NF//)', '(S/REL TO USA, GBR/)', '(s/nf/)', '(S-)', '(S,)'];
    const text = `S E C R E T NOWHERE 000100\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: (S/) X\n\n${marks.map((m, i) => `¶${i + 1}. ${m} Text.\n`).join('\n')}\n-- (C/NF/) An item.\n`;
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029');
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line} ${f.message} ${f.fixes?.map((x) => `${x.edits[0].newText} ${x.safe} ${x.preferred ?? false}`).join() ?? 'none'}`),
      [
        "5 Portion marking '(S/)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S) false false",
        "7 Portion marking '(S/NF/)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S/NF) false false",
        "9 Portion marking '(C//)' is not a known form such as (S), (C//NF) or (S/REL NATO). (C) false false",
        "11 Portion marking '(S/)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S) false false",
        "13 Portion marking '(S//NF//)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S//NF) false false",
        "15 Portion marking '(S/REL TO USA, GBR/)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S/REL TO USA, GBR) false false",
        "17 Portion marking '(s/nf/)' is not a known form such as (S), (C//NF) or (S/REL NATO). (s/nf) false false",
        "19 Portion marking '(S-)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S) false false",
        "21 Portion marking '(S,)' is not a known form such as (S), (C//NF) or (S/REL NATO). (S) false false",
        "23 Portion marking '(C/NF/)' is not a known form such as (S), (C//NF) or (S/REL NATO). (C/NF) false false",
      ],
    );
    for (const f of findings) {
      const fixed = applyEdits(text, f.fixes![0].edits);
      assertOnlyEditsChanged(text, fixed, f.fixes![0].edits);
      assert.ok(!lintCable(parseCable(fixed).cable).some((x) => x.id === 'CBL029' && x.range.start.line === f.range.start.line), f.message);
      // The level and controls stay those read from the marking.
      assert.equal(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable));
    }
    // The markings keep their levels: the paragraphs still count against the banner.
    assert.deepEqual(parseCable(text).cable.paragraphs.map((p) => `${p.portion?.level} ${p.portion?.controls.join('/')}`), [
      'SECRET NF', 'CONFIDENTIAL ', 'SECRET ', 'SECRET NF', 'SECRET REL USA, GBR', 'SECRET NF', 'SECRET ', 'SECRET ',
    ]);
    // A space after the separator ("(S/ NF)") is no separator leading to nothing: it is reported for its stray space alone (below).
    assert.deepEqual(lintCable(parseCable(text.replace(/\(S\/NF\/\)/, '(S/ NF)')).cable).filter((f) => f.id === 'CBL029' && f.range.start.line === 7).map((f) => f.fixes?.[0].title), ["Write the marking '(S/NF)'"]);
    assert.equal(fixAll(text).text, text);
  });

  it('reports a marking with stray spaces inside its parentheses or beside a slash, and offers it without them, unsafe (CBL029)', () => {
    // "( C )" and "(S/ NF)" were read as (C) and (S/NF) and went unreported; "(S /NF)" was "not a known form", with no fix.
    const marks = ['( C )', '(S/ NF)', '(S /NF)', '(S // NF)', '( SBU)', '(S//NF )', '(s/ nf)', '(C NF)', '(C/Rel Aus)', '(S/REL TO USA, GBR)'];
    const text = `S E C R E T NOWHERE 000100\n\nNOFORN\n\nTAGS: PREL\nSUBJECT: ( S ) X\n\n${marks.map((m, i) => `¶${i + 1}. ${m} Text.\n`).join('\n')}\n-- (C/ NF) An item.\n`;
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029');
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line} ${f.severity} ${f.message} ${f.fixes?.map((x) => `${x.title} ${x.safe} ${x.preferred ?? false}`).join() ?? 'none'}`),
      [
        "5 warning Portion marking '( S )' has stray spaces inside its parentheses: '(S)'. Write the marking '(S)' false false",
        "7 warning Portion marking '( C )' has stray spaces inside its parentheses: '(C)'. Write the marking '(C)' false false",
        "9 warning Portion marking '(S/ NF)' has stray spaces inside its parentheses: '(S/NF)'. Write the marking '(S/NF)' false false",
        "11 warning Portion marking '(S /NF)' is not a known form such as (S), (C//NF) or (S/REL NATO). Write the marking '(S/NF)' false false",
        "13 warning Portion marking '(S // NF)' is not a known form such as (S), (C//NF) or (S/REL NATO). Write the marking '(S//NF)' false false",
        "15 warning Portion marking '( SBU)' has stray spaces inside its parentheses: '(SBU)'. Write the marking '(SBU)' false false",
        "17 warning Portion marking '(S//NF )' has stray spaces inside its parentheses: '(S//NF)'. Write the marking '(S//NF)' false false",
        "19 warning Portion marking '(s/ nf)' has stray spaces inside its parentheses: '(s/nf)'. Write the marking '(s/nf)' false false",
        "27 warning Portion marking '(C/ NF)' has stray spaces inside its parentheses: '(C/NF)'. Write the marking '(C/NF)' false false",
      ],
    );
    for (const f of findings) {
      const edits = f.fixes![0].edits;
      // Each edit deletes white space and nothing else.
      for (const e of edits) {
        assert.equal(e.newText, '');
        assert.match(text.split('\n')[e.range.start.line].slice(e.range.start.character, e.range.end.character), /^[ \t]+$/);
      }
      const fixed = applyEdits(text, edits);
      assertOnlyEditsChanged(text, fixed, edits);
      assert.ok(!lintCable(parseCable(fixed).cable).some((x) => x.id === 'CBL029' && x.range.start.line === f.range.start.line), f.message);
      // The levels stay those read from the markings; a marking read well keeps its controls too ("(S /NF)" read "/NF" as an unknown control).
      assert.deepEqual(parseCable(fixed).cable.paragraphs.map((p) => p.portion?.level), parseCable(text).cable.paragraphs.map((p) => p.portion?.level));
      if (f.message.includes('stray spaces')) assert.equal(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable));
    }
    assert.equal(fixAll(text).text, text);
  });

  it('reports a misspelt precedence word at the end of an addressee line, and offers the word meant, unsafe (CBL001)', () => {
    // "PRIORTY" was read as part of the address, with no precedence, and passed silently.
    const header = (to: string, info: string) => `VZCZCXRO5521\nPP RUEHWEB\nDE RUEHVT #0412 1541322\nZNY CCCCC ZZH\nP 031322Z JUN 09\nFM AMEMBASSY VALLETTA\nTO ${to}\nINFO ${info}\n\nC O N F I D E N T I A L VALLETTA 000412\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n`;
    const text = header('RUEHC/SECSTATE WASHDC PRIORTY 3187', 'RUEHRO/AMEMBASSY ROME IMEDIATE');
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL001');
    assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message} ${f.fixes?.map((x) => `${x.title} ${x.safe}`).join()}`), [
      "6:25-32 'PRIORTY' at the end of the address reads as the precedence PRIORITY misspelt. Write 'PRIORITY' false",
      "7:27-35 'IMEDIATE' at the end of the address reads as the precedence IMMEDIATE misspelt. Write 'IMMEDIATE' false",
    ]);
    for (const f of findings) {
      const fixed = applyEdits(text, f.fixes![0].edits);
      assertOnlyEditsChanged(text, fixed, f.fixes![0].edits);
      assert.ok(!lintCable(parseCable(fixed).cable).some((x) => x.id === 'CBL001' && x.range.start.line === f.range.start.line), f.message);
    }
    assert.equal(parseCable(applyEdits(text, findings[0].fixes![0].edits)).cable.header?.to[0].precedence?.text, 'PRIORITY');
    assert.equal(fixAll(text).text, text);
    // A precedence spelt right, a word near none ("WASHDC", "ROME") and a short word two letters from FLASH ("FLAG") are
    // left alone.
    for (const [to, info] of [['RUEHC/SECSTATE WASHDC PRIORITY 3187', 'RUEHRO/AMEMBASSY ROME'], ['RUEHC/SECSTATE WASHDC', 'RUEHRO/AMEMBASSY FLAG'], ['RUEHC/SECSTATE WASHDC NIACT IMMEDIATE', 'RUEHRO/AMEMBASSY ROME ROUTINE 0551']]) {
      assert.deepEqual(lintCable(parseCable(header(to, info)).cable).filter((f) => f.id === 'CBL001').map((f) => f.message), [], to);
    }
    // "NIACT IMEDIATE": the misspelt word alone is rewritten.
    const niact = header('RUEHC/SECSTATE WASHDC NIACT IMEDIATE', 'RUEHRO/AMEMBASSY ROME');
    assert.deepEqual(lintCable(parseCable(niact).cable).filter((f) => f.id === 'CBL001').map((f) => f.fixes?.[0].edits[0].newText), ['IMMEDIATE']);
  });

  it('writes the parenthesis a brace or bracket stands for in a marking, and offers the S a 5 stands for, unsafe (CBL029)', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000100\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C} One.\n\n¶2. [S/NF] Two.\n\n¶3. (5/NF) Three.\n';
    const fixes = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029').map((f) => f.fixes?.map((x) => `${x.edits[0].range.start.line} ${x.edits[0].newText} ${x.safe} ${x.preferred ?? false}`));
    assert.deepEqual(fixes, [['5 (C) false false'], ['7 (S/NF) false false'], ['9 (S/NF) false false']]);
    // Nothing is written unasked: a marking is never a safe fix.
    assert.equal(fixAll(text).text, text);
  });

  it('writes the parenthesis an I, l, 1 or | stands for in a marking, and the one an unclosed marking lost, unsafe (CBL029)', () => {
    const text = 'C O N F I D E N T I A L NOWHERE 000100\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (CI One.\n\n¶2. (C/FGI Two.\n\n{C) Three.\n\n-- (C| Four.\n';
    const fixes = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL029').map((f) => f.fixes?.map((x) => `${x.edits[0].range.start.line} ${x.edits[0].newText} ${x.safe} ${x.preferred ?? false}`));
    assert.deepEqual(fixes.sort(), [['11 (C) false false'], ['5 (C) false false'], ['7 (C/FGI) false false'], ['9 (C) false false']]);
    assert.equal(fixAll(text).text, text);
  });

  it('names a SUBJECT or Classified By label the parser cannot read as the missing field (CBL019, CBL020), with a fix that writes the label', () => {
    const text = 'S E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nS UBJECT; FERRY TALKS\n\nClassi fied By; Jane Roe, reasons 1.4 (b) and (d).\n\n¶1. (S) Text.\n';
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL019' || f.id === 'CBL020');
    assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message} ${f.fixes?.[0].title}`), [
      "4:0-9 No SUBJECT line: 'S UBJECT;' reads as a misspelled SUBJECT label. Write 'SUBJECT:'",
      "6:0-15 SECRET cable has no Classified By line: 'Classi fied By;' reads as a misspelled Classified By label. Write 'Classified By:'",
    ]);
    const fixed = applyEdits(text, findings.flatMap((f) => f.fixes![0].edits));
    const cable = parseCable(fixed).cable;
    assert.deepEqual([cable.subject?.text, cable.classifiedBy?.range.start.line], ['FERRY TALKS', 6]);
    // A line whose label reads as no field's, or is two characters off, is not named.
    const other = lintCable(parseCable(text.replace('S UBJECT;', 'SUMMARY:').replace('Classi fied By;', 'Clossifled By:')).cable).filter((f) => f.id === 'CBL019' || f.id === 'CBL020');
    assert.deepEqual(other.map((f) => f.message).sort(), ['No SUBJECT line.', 'SECRET cable has no Classified By line.']);
  });

  it('writes a label the parser read with a character wrong, and Fix All writes it (CBL049)', () => {
    const text = 'S E C R E T NOWHERE 000001\n\nE. O. 12958: DECL: 05/27/2019\nTACS: PREL\n5UBJECT: FERRY TALKS\n\nClassifled By: Jane Roe, reasons 1.4 (b) and (d).\n\n¶1. (S) Text.\n';
    assert.equal(fixAll(text).text, text.replace('E. O.', 'E.O.').replace('TACS', 'TAGS').replace('5UBJECT', 'SUBJECT').replace('Classifled', 'Classified'));
  });

  it('writes the digits a letter stands for in a banner\'s serial and section numbers, and nothing else (CBL011)', () => {
    const text = 'C O N F I D E N T I A L SECTI0N 0l OF 02 NOWHERE 00OI00\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n';
    assert.equal(fixAll(text).text.split('\n')[0], 'C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 000100');
  });

  it('writes back the space between a banner\'s post and serial run together, and nothing else (CBL011)', () => {
    const text = 'C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE000100\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n';
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL011');
    assert.deepEqual(finding?.fixes?.map((f) => [f.title, f.safe, f.edits]), [["Write 'NOWHERE 000100'", true, [{ range: { start: { line: 0, character: 48 }, end: { line: 0, character: 48 } }, newText: ' ' }]]]);
    assert.equal(fixAll(text).text, text.replace('NOWHERE000100', 'NOWHERE 000100'));
  });

  it('writes the O of a banner\'s SECTION words read with a zero, and nothing else', () => {
    const text = 'C O N F I D E N T I A L SECTI0N 01 0F 02 NOWHERE 000100\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.\n';
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL011');
    assert.deepEqual(finding?.fixes?.[0].edits, [{ range: { start: { line: 0, character: 24 }, end: { line: 0, character: 40 } }, newText: 'SECTION 01 OF 02' }]);
    assert.equal(fixAll(text).text.split('\n')[0], 'C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 000100');
  });

  it('respells a level scanned with a look-alike letter only when the user chooses it: never in Fix All, never preferred', () => {
    const cable = (banner: string) => `${banner}\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n`;
    for (const [damaged, spelled] of [['S E C R F T NOWHERE 000001', 'S E C R E T'], ['5ECRET NOWHERE 000001', 'SECRET'], ['G O N F I D E N T I A L NOWHERE 000001', 'C O N F I D E N T I A L'], ['CONFIDENTIA1 NOWHERE 000001', 'CONFIDENTIAL']]) {
      const text = cable(damaged);
      const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL011');
      assert.deepEqual(finding?.fixes?.map((f) => [f.title, f.safe, f.preferred ?? false, f.edits[0].newText]), [[`Spell the level '${spelled}'`, false, false, spelled]], damaged);
      assert.equal(fixAll(text).text, text, damaged);
      assert.equal(parseCable(applyEdits(text, finding!.fixes![0].edits)).cable.banner?.level, parseCable(text).cable.banner?.level, damaged);
    }
  });

  it('reads a DTG with a letter for a digit, or a month one letter off one month alone (SFP), as the group meant, and writes it with a quick fix; the DTG line is read, not missing', () => {
    const header = (dtg: string) => `VZCZCXRO0001\nPP RUEHWEB\nDE RUEHXX #0001/01 1541322\nZNY SSSSS ZZH\n${dtg}\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nS E C R E T NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n`;
    for (const [damaged, meant, what] of [
      ['P O3l322Z JUN O9', '031322Z JUN 09', "the letter 'O' for the digit 0 and the letter 'l' for the digit 1"],
      ['P 03I322Z JUN 09', '031322Z JUN 09', "the letter 'I' for the digit 1"],
      ['P 061436Z N0V 09', '061436Z NOV 09', 'a zero for the letter O'],
      // A month one letter off one month alone, as a scan reads an F for E, and with a letter for a digit besides.
      ['P 031322Z SFP 09', '031322Z SEP 09', "the letter 'F' for the letter E"],
      ['P 0313l2Z AUC O9', '031312Z AUG 09', "the letter 'l' for the digit 1 and the letter 'C' for the letter G and the letter 'O' for the digit 0"],
    ]) {
      const text = header(damaged);
      const cable = parseCable(text).cable;
      const findings = lintCable(cable);
      assert.deepEqual(findings.filter((f) => f.id === 'CBL002' || f.id === 'CBL004').map((f) => f.message), [], damaged);
      const finding = findings.find((f) => f.id === 'CBL001');
      assert.equal(finding?.message, `Date-time group '${damaged.slice(2)}' has ${what}: read as ${meant}.`);
      assert.deepEqual(finding?.fixes?.map((f) => [f.title, f.safe, f.preferred]), [[`Write '${meant}'`, false, true]]);
      assert.equal(applyEdits(text, finding!.fixes![0].edits).split('\n')[4], `P ${meant}`);
      assert.equal(cable.header?.dtg?.dtg?.iso, parseCable(header(`P ${meant}`)).cable.header?.dtg?.dtg?.iso);
      assert.equal(cable.header?.dtg?.dtg?.token.text, damaged.slice(2));
    }
    // A group no reading mends keeps its report: letters other than l, I and O, or too few digits.
    assert.equal(parseCable(header('P 03X322Z JUN 09')).cable.header?.dtg?.misread, undefined);
    // A month one letter off two months ("JUM": JUN and JUL; "JVN": JUN and JAN), or off one whose date is no real one
    // ("311322Z FFB 09", the 31st of February), or in small letters, is left as written, and CBL004 says it is no real date.
    for (const damaged of ['P 031322Z JUM 09', 'P 031322Z JVN 09', 'P O3l322Z JVN O9', 'P 311322Z FFB 09', 'P 031322Z Sfp 09']) {
      const findings = lintCable(parseCable(header(damaged)).cable);
      assert.ok(!findings.some((f) => f.id === 'CBL001' && f.message.includes('for the letter')), damaged);
      assert.ok(findings.some((f) => f.id === 'CBL004'), damaged);
    }
  });

  it('reads a DE line with a letter for a digit in its serial, section or time as the digits meant, and writes them with a quick fix', () => {
    const header = (de: string) => `VZCZCXRO0001\nPP RUEHWEB\n${de}\nZNY SSSSS ZZH\nP 031322Z JUN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\nS E C R E T SECTION 01 OF 02 NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n`;
    for (const [damaged, meant, what] of [
      ['#OOOl/0l 154l322', '#0001/01 1541322', "the letter 'O' for the digit 0 and the letter 'l' for the digit 1"],
      ['#0001/01 I541322', '#0001/01 1541322', "the letter 'I' for the digit 1"],
    ]) {
      const text = header(`DE RUEHXX ${damaged}`);
      const cable = parseCable(text).cable;
      const findings = lintCable(cable);
      const finding = findings.filter((f) => f.id === 'CBL001');
      assert.deepEqual(finding.map((f) => f.message), [`DE line '${damaged}' has ${what}: read as ${meant}.`]);
      assert.deepEqual(finding[0].fixes?.map((f) => [f.title, f.safe, f.preferred]), [[`Write '${meant}'`, false, true]]);
      assert.equal(applyEdits(text, finding[0].fixes![0].edits).split('\n')[2], `DE RUEHXX ${meant}`);
      const de = cable.header?.de;
      assert.deepEqual([de?.serial?.value, de?.section?.value, de?.julianDay?.value, de?.time?.value], [1, 1, 154, 1322]);
      assert.equal(de?.serial?.text, damaged.slice(1, 5));
    }
    // The values read are checked: a serial and a section that differ from the banner's are reported (CBL005, CBL009).
    const ids = lintCable(parseCable(header('DE RUEHXX #OOO2/O2 154l322')).cable).map((f) => f.id);
    assert.ok(ids.includes('CBL005') && ids.includes('CBL009'), ids.join(' '));
    // A word no reading mends keeps its report, and reads nothing: letters other than l, I and O.
    // Nor a letter put in rather than one for a digit ('/I01' read as section 101): a serial of four digits and a section of two, as every corpus DE line.
    for (const de of ['DE RUEHXX #0X01/01 1541322', 'DE RUEHXX #0001/I01 1541322', 'DE RUEHXX #I0001/01 1541322']) {
      const kept = parseCable(header(de)).cable;
      assert.equal(kept.header?.de?.misread, undefined, de);
      assert.equal(kept.header?.de?.serial, undefined, de);
    }
  });

  it("reads a marking with an 'I', 'l' or '1' for its slash or an 'I' or 'l' for its '(' as the marking meant, with a fix that writes it, for the user to choose", () => {
    const cable = (marking: string) => `S E C R E T NOWHERE 000001\nNOFORN\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n\n¶2. ${marking} Text two.\n`;
    for (const [damaged, meant, what, level] of [
      ['(CINF)', '(C/NF)', "has 'I' for its '/'; read as CONFIDENTIAL NOFORN", 'CONFIDENTIAL'],
      ['(SlNF)', '(S/NF)', "has 'l' for its '/'; read as SECRET NOFORN", 'SECRET'],
      ['(SIINF)', '(S//NF)', "has 'II' for its '//'; read as SECRET NOFORN", 'SECRET'],
      ['(C1NF)', '(C/NF)', "has '1' for its '/'; read as CONFIDENTIAL NOFORN", 'CONFIDENTIAL'],
      ['(S11NF)', '(S//NF)', "has '11' for its '//'; read as SECRET NOFORN", 'SECRET'],
      ['lC)', '(C)', "has 'l' for its '('; read as CONFIDENTIAL", 'CONFIDENTIAL'],
      ['IS/NF)', '(S/NF)', "has 'I' for its '('; read as SECRET", 'SECRET'],
    ]) {
      const text = cable(damaged);
      const parsed = parseCable(text).cable;
      assert.equal(parsed.paragraphs[1].portion?.level, level, damaged);
      const findings = lintCable(parsed);
      assert.deepEqual(findings.filter((f) => f.id === 'CBL028').map((f) => f.message), [], damaged);
      const finding = findings.filter((f) => f.id === 'CBL029');
      assert.deepEqual(finding.map((f) => f.message), [`Portion marking '${damaged}' ${what}.`]);
      assert.deepEqual(finding[0].fixes?.map((f) => [f.title, f.safe, f.preferred]), [[`Write the marking '${meant}'`, false, undefined]]);
      assert.equal(applyEdits(text, finding[0].fixes![0].edits), cable(meant));
    }
    // Prose in parentheses, and a letter before a parenthesis that names no level, stay prose: the paragraph has no marking.
    for (const prose of ['(CINC) Text', '(CITES) Text', '(CNNF) Text', '(C1NC) Text', '(S111NF) Text', 'I) Text', 'lX) Text', 'l C) Text']) {
      const parsed = parseCable(cable(prose)).cable;
      assert.equal(parsed.paragraphs[1].portion?.level, undefined, prose);
    }
  });

  it("reads a reason letter after an 'l' or 'I' scanned for its '(' and reports it, and a reason's brace, each with a safe fix; '[b]' is left alone", () => {
    const cable = (reasons: string) => `C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: Ambassador Jane Roe for reasons ${reasons}.\n\n¶1. (C) Text.\n`;
    for (const [damaged, meant, letters, messages] of [
      ['1.4 lb) and ld)', '1.4 (b) and (d)', ['b', 'd'], ["warning Reason 'lb)' has the letter 'l' for its '(': read as (b).", "warning Reason 'ld)' has the letter 'l' for its '(': read as (d)."]],
      ['1.4 Ib)', '1.4 (b)', ['b'], ["warning Reason 'Ib)' has the letter 'I' for its '(': read as (b)."]],
      ['1.4 {b) and (d]', '1.4 (b) and (d)', ['b', 'd'], ["info Reason '{b)' has a brace or bracket for a parenthesis: write (b).", "info Reason '(d]' has a brace or bracket for a parenthesis: write (d)."]],
    ] as const) {
      const text = cable(damaged);
      const parsed = parseCable(text).cable;
      assert.deepEqual(parsed.classifiedBy?.reasonLetters, letters, damaged);
      const findings = lintCable(parsed).filter((f) => f.id === 'CBL022');
      assert.deepEqual(findings.map((f) => `${f.severity} ${f.message}`), messages);
      assert.ok(findings.every((f) => f.fixes?.length === 1 && f.fixes[0].safe), damaged);
      assert.equal(applyEdits(text, findings.flatMap((f) => f.fixes![0].edits)), cable(meant));
    }
    // A reason wholly in square brackets or braces is a spelling, not damage; a word before a letter is no "(".
    for (const kept of ['1.4 [b] and [d]', '1.4 {b}', '1.4 b and d', '1.4 (b) and (d)']) {
      assert.deepEqual(lintCable(parseCable(cable(kept)).cable).filter((f) => f.id === 'CBL022').map((f) => f.message), [], kept);
    }
    assert.deepEqual(parseCable(cable('1.4 (b), all b)')).cable.classifiedBy?.reasonLetters, ['b', 'b']);
    assert.deepEqual(lintCable(parseCable(cable('1.4 (b), all b)')).cable).filter((f) => f.id === 'CBL022').map((f) => f.message), []);
  });

  it('writes the digits meant in an E.O. order with a letter for a digit, as a quick fix; the E.O. line is read, not missing', () => {
    const text = 'S E C R E T NOWHERE 000001\n\nE.O. l2958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n';
    const findings = lintCable(parseCable(text).cable);
    assert.equal(findings.filter((f) => f.id === 'CBL012').length, 0);
    const finding = findings.find((f) => f.id === 'CBL013');
    assert.equal(finding?.message, "E.O. l2958 has the letter 'l' for the digit 1: read as E.O. 12958.");
    assert.deepEqual(finding?.fixes?.map((f) => [f.title, f.safe, f.preferred]), [["Write '12958'", false, true]]);
    assert.equal(applyEdits(text, finding!.fixes![0].edits).split('\n')[2], 'E.O. 12958: DECL: 05/27/2019');
    assert.equal(parseCable(text).cable.eo?.decl?.value.text, '05/27/2019');
  });

  it('respells a damaged level alone on its line, which reads as the banner there, but not where a banner below would take its place', () => {
    // "SECRE T" alone is a damaged banner, and "SECRET" alone at the banner's place reads as the banner too.
    const cable = (banner: string) => `${banner}\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n`;
    for (const [damaged, spelled] of [['SECRE T', 'SECRET'], ['SECRET T', 'SECRET'], ['S ECRET', 'SECRET'], ['UNCLAS S', 'UNCLAS'], ['CONFIDENTIA L', 'CONFIDENTIAL'], ['SECRE T SECTION 01 OF 02', 'SECRET SECTION 01 OF 02'], ['S E C R E TT', 'S E C R E T']]) {
      const finding = lintCable(parseCable(cable(damaged)).cable).find((f) => f.id === 'CBL011');
      assert.equal(finding?.fixes?.[0].edits[0].newText, spelled.split(' SECTION')[0], damaged);
      const fixed = fixAll(cable(damaged)).text;
      assert.equal(fixed.split('\n')[0], spelled);
      assert.equal(parseCable(fixed).cable.banner?.level, parseCable(cable(damaged)).cable.banner?.level, damaged);
    }
    // A line below that reads as a banner once the damaged one is a lone level: the respelling would hand it the banner.
    const above = 'SECRE T\nS E C R E T NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n';
    const finding = lintCable(parseCable(above).cable).find((f) => f.id === 'CBL011');
    assert.ok(finding);
    assert.equal(finding.fixes, undefined);
  });

  it('takes no two safe fixes together that would take the banner, each keeping it alone, in Fix All and the editor\'s Fix All', () => {
    // "SECRE T" respelled keeps the banner over "¶ 11.", and "¶ 11." rewritten "1." keeps it under "SECRE T"; together they
    // leave "SECRET" alone over "1.", which ends no search for a banner: no banner.
    const text = 'SECRE T\n\nThe minister met us.\n\n¶ 11. Text one.\n\n2. Text two.\n\n3. Text three.\n';
    const cable = parseCable(text).cable;
    const findings = lintCable(cable);
    const both = safeFixEdits(findings);
    assert.deepEqual(both.map((e) => e.newText), ['SECRET', '1.']);
    assert.equal(parseCable(applyEdits(text, both)).cable.banner, undefined);
    // With the model, the edits keep the banner: the first is taken, the second waits for a pass that sees the first.
    assert.deepEqual(safeFixEdits(findings, cable).map((e) => e.newText), ['SECRET']);
    const editor = getFixAll('file:///x.cable', findings, cable)!.edit!.changes!['file:///x.cable'];
    assert.deepEqual(editor.map((e) => e.newText), ['SECRET']);
    const fixed = fixAll(text).text;
    assert.equal(fixed, text.replace('SECRE T', 'SECRET'));
    assert.equal(parseCable(fixed).cable.banner?.level, 'SECRET');
  });

  it('rewrites no pilcrow artifact in Fix All where the number written would take the banner from a level alone on its line', () => {
    // "SECRET" alone is the banner only above the metadata or the first paragraph; "¶ 11." ends its search, "1." alone does not.
    const text = 'SECRET\n\nThe minister met us.\n\n¶ 11. Text one.\n\n2. Text two.\n\n3. Text three.\n';
    assert.equal(parseCable(text).cable.banner?.level, 'SECRET');
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL026');
    assert.equal(finding?.fixes?.[0].edits[0].newText, '1.');
    assert.equal(finding.fixes[0].safe, false);
    assert.equal(parseCable(fixAll(text).text).cable.banner?.level, 'SECRET');
    // Under a banner that reads as one wherever it stands, the same rewrite is safe.
    const banner = text.replace('SECRET\n', 'S E C R E T NOWHERE 000001\n');
    assert.equal(lintCable(parseCable(banner).cable).find((f) => f.id === 'CBL026')?.fixes?.[0].safe, true);
  });

  it('writes a misread paragraph number as meant (CBL046), touching only the marker, in Fix All too', () => {
    const text = 'C0NFIDENTIAL NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\nl. (C) Summary: the ferry runs. End Summary.\n\nP2. (C) The port opens.\n\n¶3, (C) Fares rise.\n\nI4. (C) Fares fall.\n';
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL046');
    assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message} ${f.fixes?.[0].title} ${f.fixes?.[0].safe}`), [
      "6:0-2 Paragraph number 'l.' has the letter 'l' for the digit 1: read as '1.'. Write '1.' true",
      "8:0-3 Paragraph number 'P2.' has 'P' for the pilcrow ¶: read as '¶2.'. Write '¶2.' true",
      "10:0-3 Paragraph number '¶3,' has a comma for the full stop: read as '¶3.'. Write '¶3.' true",
    ]);
    // "I4." where ¶4 is expected is CBL026's: the pilcrow turned into a 1, read as I.
    assert.deepEqual(lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL026').map((f) => f.fixes?.[0].edits[0].newText), ['¶4.']);
    assert.equal(
      fixAll(text).text,
      'CONFIDENTIAL NOWHERE 000001\n\nE.O. 12958: DECL: 05/27/2019\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Summary: the ferry runs. End Summary.\n\n¶2. (C) The port opens.\n\n¶3. (C) Fares rise.\n\n¶4. (C) Fares fall.\n',
    );
    // A bare number with a comma for its full stop ("18, (SBU) …") is reported as "¶3," is, and written with its full stop.
    const bare = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n1. (SBU) One.\n\n2, (SBU) Two.\n\n3. (SBU) Three.\n';
    assert.deepEqual(lintCable(parseCable(bare).cable).map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
      "CBL046 8:0-2 Paragraph number '2,' has a comma for the full stop: read as '2.'.",
    ]);
    assert.equal(fixAll(bare).text, bare.replace('2, (SBU)', '2. (SBU)'));
    // One with no full stop ("3 (S) …") likewise; its fix writes the full stop alone.
    const bareless = bare.replace('2, (SBU)', '2 (SBU)');
    const lost = lintCable(parseCable(bareless).cable);
    assert.deepEqual(lost.map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
      "CBL046 8:0-1 Paragraph number '2' has no full stop: read as '2.'.",
    ]);
    assert.equal(fixAll(bareless).text, bare.replace('2, (SBU)', '2. (SBU)'));
    // One with its full stop written twice ("3.. (SBU) …", as 05PARIS4760 writes one) was read as paragraph 3 and went
    // unreported; its fix writes one full stop, after a pilcrow too.
    for (const [written, meant] of [['2..', '2.'], ['¶2..', '¶2.']]) {
      const doubled = bare.replace('2, (SBU)', `${written} (SBU)`);
      assert.deepEqual(lintCable(parseCable(doubled).cable).map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
        `CBL046 8:0-${written.length} Paragraph number '${written}' has its full stop twice: read as '${meant}'.`,
      ]);
      assert.equal(fixAll(doubled).text, bare.replace('2, (SBU)', `${meant} (SBU)`));
    }
    // A colon or semicolon for the full stop ("8: (C)", "¶8; (C)") among paragraphs numbered "8." was read as no paragraph
    // (CBL024 saw a gap instead); it is read as the paragraph meant, and its fix writes the full stop.
    for (const [written, meant, word] of [['2:', '2.', 'a colon'], ['2;', '2.', 'a semicolon'], ['¶2:', '¶2.', 'a colon']]) {
      const slipped = bare.replace('2, (SBU)', `${written} (SBU)`);
      assert.deepEqual(lintCable(parseCable(slipped).cable).map((f) => `${f.id} ${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`), [
        `CBL046 8:0-${written.length} Paragraph number '${written}' has ${word} for the full stop: read as '${meant}'.`,
      ]);
      assert.equal(fixAll(slipped).text, bare.replace('2, (SBU)', `${meant} (SBU)`));
    }
    // A cable that numbers its paragraphs "1:", "2:", … writes its own style: the paragraphs are read, and none is reported.
    const colons = bare.replace('1. (SBU)', '1: (SBU)').replace('2, (SBU)', '2: (SBU)').replace('3. (SBU)', '3: (SBU)');
    assert.equal(parseCable(colons).cable.paragraphs.length, 3);
    assert.deepEqual(lintCable(parseCable(colons).cable).filter((f) => f.id === 'CBL046' || f.id === 'CBL024'), []);
  });

  it('moves caveats joined to the banner level after the serial, and respells a damaged level beside them', () => {
    const text = 'SECERT//NOFORN/ORCON NOWHERE 000001 SIPDIS\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S) Text.\n';
    const findings = lintCable(parseCable(text).cable).filter((f) => f.id === 'CBL011');
    assert.deepEqual(findings.map((f) => f.fixes?.map((x) => x.title)), [["Spell the level 'SECRET'"], ["Move 'NOFORN ORCON' after the serial"]]);
    // Both are safe (the level read is the same), so Fix All applies them together.
    const fixed = fixAll(text).text;
    assert.equal(fixed.split('\n')[0], 'SECRET NOWHERE 000001 SIPDIS NOFORN ORCON');
    assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL011'), []);
    // A caveat the cable gives already, on a caveat line under the banner or after the serial, is not written twice.
    const given = (banner: string) => {
      const t = `${banner}\n\nNOFORN\nSIPDIS\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (S/NF) Text.\n`;
      const finding = lintCable(parseCable(t).cable).find((f) => f.id === 'CBL011')!;
      return [finding.fixes![0].title, fixAll(t).text.split('\n')[0]];
    };
    assert.deepEqual(given('S E C R E T//NOFORN NOWHERE 000001'), ["Remove '//NOFORN', which the cable's caveats give", 'S E C R E T NOWHERE 000001']);
    assert.deepEqual(given('S E C R E T//NOFORN/ORCON NOWHERE 000001'), ["Move 'ORCON' after the serial", 'S E C R E T NOWHERE 000001 ORCON']);
    assert.deepEqual(given('S E C R E T//ORCON NOWHERE 000001 ORCON'), ["Remove '//ORCON', which the cable's caveats give", 'S E C R E T NOWHERE 000001 ORCON']);
  });

  it('sets the security group with the warning that goes with it, so the fix leaves no new finding', () => {
    // An UNCLAS banner under "ZNY CCCCC": UUUUU goes with ZNR, not ZNY.
    const down = firstFix('cbl007-security-group-mismatch', 'S E C R E T SECTION 01 OF 02', 'UNCLAS SECTION 01 OF 02', 'CBL007');
    assert.match(down.fixed!, /^ZNR UUUUU ZZH$/m);
    // A SECRET banner under "ZNR UUUUU": SSSSS goes with ZNY.
    const up = firstFix('cbl007-security-group-mismatch', 'ZNY CCCCC', 'ZNR UUUUU', 'CBL007');
    assert.match(up.fixed!, /^ZNY SSSSS ZZH$/m);
    for (const fixed of [down.fixed!, up.fixed!]) assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === 'CBL007'), []);
    // Where the warning already fits, only the group changes.
    assert.match(firstFix('cbl007-security-group-mismatch', 'ZZH', 'ZZH', 'CBL007').fixed!, /^ZNY SSSSS ZZH$/m);
  });

  it('checks an UNCLAS EFTO banner against EEEEE with ZNY, and EEEEE against a banner without EFTO', () => {
    // "UNCLAS EFTO" under "ZNR UUUUU", and "UNCLAS" under "ZNY EEEEE", passed unseen.
    const efto = (security: string, banner: string) => {
      const t = fs.readFileSync(path.join(DIR, 'cbl007-security-group-mismatch.bad.cable'), 'utf8').replace('ZNY CCCCC', security).replace('S E C R E T SECTION 01 OF 02', banner).replace(/\((?:C|S)\/?(?:NF)?\)/g, '(SBU)');
      return lintCable(parseCable(t).cable).filter((f) => f.id === 'CBL007').map((f) => [f.message, f.fixes?.map((x) => x.title), f.fixes?.some((x) => x.safe)]);
    };
    assert.deepEqual(efto('ZNR UUUUU', 'UNCLAS EFTO SECTION 01 OF 02'), [["Security group UUUUU (UNCLASSIFIED) does not match the banner's EFTO, which goes with ZNY EEEEE.", ['Set security line to ZNY EEEEE'], false]]);
    assert.deepEqual(efto('ZNY EEEEE', 'UNCLAS SECTION 01 OF 02'), [['Security group EEEEE (EFTO) does not match the banner, which has no EFTO: an unclassified cable without it goes with ZNR UUUUU.', ['Set security line to ZNR UUUUU'], false]]);
    assert.deepEqual(efto('ZNY CCCCC', 'UNCLAS EFTO SECTION 01 OF 02'), [['Security group CCCCC (CONFIDENTIAL) does not match the banner level UNCLASSIFIED.', ['Set security group to EEEEE'], false]]);
    assert.deepEqual(efto('ZNY EEEEE', 'UNCLAS EFTO SECTION 01 OF 02'), []);
    assert.deepEqual(efto('ZNR UUUUU', 'UNCLAS SECTION 01 OF 02'), []);
  });

  it('offers a renumbering that also updates the references to the paragraphs it renumbers, and only to them', () => {
    const fixes = (t: string) => lintCable(parseCable(t).cable).find((f) => f.id === 'CBL024' || f.id === 'CBL025')!.fixes!;
    // CBL024: ¶1, ¶2, a blanked line, ¶4, ¶6; the fix makes ¶6 ¶5. "para 3" points nowhere and "para 1" at a paragraph that keeps its number.
    const gap = fs.readFileSync(path.join(DIR, 'cbl024-paragraph-number-sequence.bad.cable'), 'utf8')
      .replace('course dates in para 3.', 'course dates in para 3, the comment in para 6\nand the summary in para 1 (see also paras 4-6).');
    const [plain, followed] = fixes(gap);
    assert.deepEqual([plain.title, followed.title], ['Renumber paragraph 6 as 5', 'Renumber paragraph 6 as 5, and update the 2 references to paragraph 6']);
    assert.equal(followed.safe, false);
    const after = applyEdits(gap, followed.edits);
    assertOnlyEditsChanged(gap, after, followed.edits);
    assert.match(after, /para 3, the comment in para 5\nand the summary in para 1 \(see also paras 4-5\)\./);
    assert.match(after, /^¶5\. \(C\) Comment/m);
    // Read again, every reference points where it pointed before the fix: at the same paragraph, by its new number.
    const targets = (t: string) => findInTextReferences(parseCable(t).cable).map((r) => resolveInText(parseCable(t).cable, r)?.start.line);
    assert.deepEqual(targets(after), targets(gap));
    // Two paragraphs move (no blanked line above ¶5 this time: ¶1, ¶2, ¶5, ¶7): each number in a list follows its own paragraph.
    const two = gap.replace('XXXXXXXXXXXX\n\n', '').replace('¶4. (S/NF) Post', '¶5. (S/NF) Post').replace('¶6. (C) Comment', '¶7. (C) Comment')
      .replace('para 6\n', 'para 7\n').replace('paras 4-6', 'paras 2, 5 and 7');
    const [, both] = fixes(two);
    assert.equal(both.title, 'Renumber paragraphs 5 as 3 and 7 as 4, and update the 3 references to them');
    assert.match(applyEdits(two, both.edits), /comment in para 4\nand the summary in para 1 \(see also paras 2, 3 and 4\)/);
    // No reference to a renumbered paragraph: the one fix.
    assert.deepEqual(fixes(gap.replace(/para 6\n/, 'para 2\n').replace('paras 4-6', 'paras 1-2')).map((f) => f.title), ['Renumber paragraph 6 as 5']);
    // A paragraph of another document is not this cable's ("para 6 of ref A"), and stays as written.
    const other = gap.replace('para 6\n', 'para 6 of REF A\n').replace(' (see also paras 4-6)', '');
    assert.deepEqual(fixes(other).map((f) => f.title), ['Renumber paragraph 6 as 5']);
  });

  it('offers a renumbering of a repeated number that takes its references with the paragraph it renumbers, the first being the one written in', () => {
    // "¶3." written in above the old ¶3, as completion numbers a paragraph written between two: "paras 3 and 4" and
    // "(para 3)" were written to the old ¶3 and ¶4, which the fix makes ¶4 and ¶5.
    const text = [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: DECL: 12/03/2036', 'TAGS: PREL, PGOV', 'SUBJECT: FERRY TALKS', '',
      'Classified By: Ambassador Jane Roe for reasons 1.4 (b) and (d).', '',
      '¶1. (C) Summary: The harbor board met. See paras 3 and 4. End Summary.', '',
      '¶2. (C) The ministry said fares would rise (para 3).', '',
      '¶3. (C) A paragraph written in.', '',
      '¶3. (U) The board meets again in March.', '',
      '¶4. (C) Comment: As para 2 shows, the pilots wait. End Comment.', '', 'ROE', '',
    ].join('\n');
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL025')!;
    assert.deepEqual(finding.fixes!.map((f) => f.title), [
      'Renumber as 4, and the next paragraph as 5',
      'Renumber as 4, and the next paragraph as 5, and update the reference to paragraph 4',
      'Renumber as 4, and the next paragraph as 5, and update the 3 references to them, taking the first paragraph 3 as the new one',
    ]);
    // The references to 3 stay with the paragraph written in, as Go to Definition reads them now ("paras 3 and 5")…
    assert.match(applyEdits(text, finding.fixes![1].edits), /See paras 3 and 5\. .*\n\n.*\(para 3\)\./);
    // … or go with the old ¶3 to its new number, each number of the list with its own paragraph.
    const carried = finding.fixes![2];
    assert.equal(carried.safe, false);
    const after = applyEdits(text, carried.edits);
    assertOnlyEditsChanged(text, after, carried.edits);
    assert.match(after, /See paras 4 and 5\. .*\n\n.*\(para 4\)\.\n\n¶3\. \(C\) A paragraph written in\.\n\n¶4\. \(U\) The board/);
    assert.match(after, /As para 2 shows/);
    assert.deepEqual(lintCable(parseCable(after).cable).map((f) => f.id), []);
    // No reference to the repeated number: no such fix.
    const none = text.replace(' (para 3)', '').replace('See paras 3 and 4', 'See para 4');
    assert.equal(lintCable(parseCable(none).cable).find((f) => f.id === 'CBL025')!.fixes!.length, 2);
  });

  it('letters REF items again after an item deleted or written in, in their style and case, with their references when chosen (CBL023)', () => {
    const cable = (refs: string, text = 'Per ref C and refs A-C, fares rise. Reftel D says no.') => [
      'C O N F I D E N T I A L NOWHERE 000123', '', 'E.O. 12958: DECL: 12/03/2036', 'TAGS: PREL, PGOV', 'SUBJECT: FERRY TALKS', '',
      `REF: ${refs}`, '', 'Classified By: Ambassador Jane Roe for reasons 1.4 (b) and (d).', '', `¶1. (C) ${text}`, '', 'ROE', '',
    ].join('\n');
    const cbl023 = (t: string) => lintCable(parseCable(t).cable).find((f) => f.id === 'CBL023');
    // Item B deleted: C and D move up, the letters alone or with "ref C", the C of "refs A-C" and "Reftel D".
    const gap = cable('A. 09 NOWHERE 1234\nC. 09 STATE 4567\nD. 08 NOWHERE 88');
    const fixes = cbl023(gap)!.fixes!;
    assert.deepEqual(fixes.map((f) => [f.title, f.safe]), [
      ['Reletter REF items C as B and D as C', false],
      ['Reletter REF items C as B and D as C, and update the 3 references to them', false],
    ]);
    assert.match(applyEdits(gap, fixes[0].edits), /REF: A\. 09 NOWHERE 1234\nB\. 09 STATE 4567\nC\. 08 NOWHERE 88\n[^]*Per ref C and refs A-C, fares rise\. Reftel D says no\./);
    const followed = applyEdits(gap, fixes[1].edits);
    assertOnlyEditsChanged(gap, followed, fixes[1].edits);
    assert.match(followed, /Per ref B and refs A-B, fares rise\. Reftel C says no\./);
    assert.deepEqual(lintCable(parseCable(followed).cable).map((f) => f.id), []);
    // In the field's style and case: "(c)" as "(b)", "¶C." as "¶B.".
    assert.match(applyEdits(cable('(a) 09 NOWHERE 1234 (c) 09 STATE 4567'), cbl023(cable('(a) 09 NOWHERE 1234 (c) 09 STATE 4567'))!.fixes![0].edits), /REF: \(a\) 09 NOWHERE 1234 \(b\) 09 STATE 4567/);
    assert.match(applyEdits(cable('A. 09 NOWHERE 1234\n¶C. 09 STATE 4567'), cbl023(cable('A. 09 NOWHERE 1234\n¶C. 09 STATE 4567'))!.fixes![0].edits), /\n¶B\. 09 STATE 4567\n/);
    // An item written in as B above the old B: the old B and C move down; "ref B" stays with the first B, or goes with
    // the old one when the first is taken as the new item.
    const repeat = cable('A. 09 NOWHERE 1234\nB. 09 NOWHERE 55\nB. 09 STATE 4567\nC. 08 NOWHERE 88', 'Per ref B and refs A-C, fares rise.');
    const three = cbl023(repeat)!.fixes!;
    assert.deepEqual(three.map((f) => f.title), [
      'Reletter REF items B as C and C as D',
      'Reletter REF items B as C and C as D, and update the reference to REF C',
      'Reletter REF items B as C and C as D, and update the 2 references to them, taking the first REF item B as the new one',
    ]);
    assert.match(applyEdits(repeat, three[1].edits), /Per ref B and refs A-D, fares rise\./);
    assert.match(applyEdits(repeat, three[2].edits), /B\. 09 NOWHERE 55\nC\. 09 STATE 4567\nD\. 08 NOWHERE 88\n[^]*Per ref C and refs A-D, fares rise\./);
    // No fix where the letters go back, or where lettering again would repeat the letter of the item after the run.
    const back = cbl023(cable('A. 09 NOWHERE 1234\nC. 09 STATE 4567\nB. 08 NOWHERE 88'))!;
    assert.equal(back.fixes, undefined);
  });

  it('reads the text\'s references once a cable, for CBL045 and every renumbering alike', () => {
    // A concatenation of cables repeats paragraph numbers hundreds of times: each CBL025 finding reading the whole text's
    // references again took a 10 MB document's diagnostics from about 0.5 to 1.1 s (bench/latency.mjs).
    const one = fs.readFileSync(path.join(DIR, 'cbl025-paragraph-number-duplicate.bad.cable'), 'utf8');
    const cable = parseCable(Array.from({ length: 20 }, () => one).join('\n')).cable;
    assert.equal(findInTextReferences(cable), findInTextReferences(cable));
    const findings = lintCable(cable).filter((f) => f.id === 'CBL025');
    assert.ok(findings.length >= 20);
    // The fixture's "para 3" names no paragraph (¶2 repeats, then comes ¶4), so no finding has a second fix.
    assert.ok(findings.every((f) => f.fixes!.length === 1), findings.map((f) => f.fixes!.map((x) => x.title).join(' | ')).join('\n'));
  });

  it('renumbers paragraphs with minimal edits (only the wrong digits)', () => {
    const text = fs.readFileSync(path.join(DIR, 'cbl024-paragraph-number-sequence.bad.cable'), 'utf8');
    const fix = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL024')!.fixes![0];
    assert.equal(fix.edits.length, 1);
    assert.equal(fix.edits[0].newText, '5');
  });
});

describe('quick fixes: a missing field\'s line', () => {
  /** The text the first fix of `ruleId`'s finding leaves, checked to change only its edit's range and leave the classification. */
  function insertLine(text: string, ruleId: string): string {
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === ruleId);
    assert.ok(finding?.fixes?.length, `${ruleId} offers no fix`);
    const fix = finding.fixes[0];
    assert.equal(fix.safe, false, 'a line to fill in is never written by Fix All or --fix');
    assert.equal(fix.edits.length, 1);
    assert.deepEqual(fix.edits[0].range.start, fix.edits[0].range.end, 'the fix inserts, replacing nothing');
    const fixed = applyEdits(text, fix.edits);
    assertOnlyEditsChanged(text, fixed, fix.edits);
    assert.equal(classificationOf(parseCable(fixed).cable), classificationOf(parseCable(text).cable));
    assert.equal(fixAll(text).text.includes(fix.edits[0].newText.trim()) && !text.includes(fix.edits[0].newText.trim()), false);
    return fixed;
  }
  const banner = 'C O N F I D E N T I A L NOWHERE 000123\n\nSIPDIS\n\n';
  const by = 'Classified By: Consul Ann Doe for reasons 1.4 (b) and (d).\n\n';
  const body = '¶1. (C) The harbor board met.\n\nDOE\n';

  it('CBL012: writes the E.O. line above TAGS, naming the order completion offers by the cable\'s date', () => {
    const text = `${banner}TAGS: PREL\nSUBJECT: HARBOR BOARD\n\n${by}${body}`;
    assert.equal(insertLine(text, 'CBL012'), text.replace('TAGS:', 'E.O. 13526: \nTAGS:'));
    // A cable of 2009, dated by its date line, cites the order then in effect.
    const dated = `Friday, 31 July 2009, 06:59\n${text}`;
    assert.equal(insertLine(dated, 'CBL012'), dated.replace('TAGS:', 'E.O. 12958: \nTAGS:'));
  });

  it('CBL012: with no field written, puts the E.O. line a blank line under the last caveat', () => {
    const text = `${banner}${body}`;
    const fixed = insertLine(text, 'CBL012');
    assert.equal(fixed, text.replace('SIPDIS\n', 'SIPDIS\n\nE.O. 13526: \n'));
    assert.equal(parseCable(fixed).cable.eo?.range.start.line, 4);
  });

  it('CBL017 and CBL019: write TAGS above SUBJECT and SUBJECT under TAGS, keeping CRLF line ends', () => {
    const noTags = `${banner}E.O. 13526: DECL: 01/01/2036\nSUBJECT: HARBOR BOARD\n\n${by}${body}`;
    assert.equal(insertLine(noTags, 'CBL017'), noTags.replace('SUBJECT:', 'TAGS: \nSUBJECT:'));
    const noSubject = `${banner}E.O. 13526: DECL: 01/01/2036\nTAGS: PREL\n\n${by}${body}`.replace(/\n/g, '\r\n');
    const fixed = insertLine(noSubject, 'CBL019');
    assert.equal(fixed, noSubject.replace('TAGS: PREL\r\n', 'TAGS: PREL\r\nSUBJECT: \r\n'));
    assert.ok(parseCable(fixed).cable.subject);
  });

  it('CBL020: writes Classified By a blank line under SUBJECT, or under the REF field, and leaves the banner as it is', () => {
    const text = `${banner}E.O. 13526: DECL: 01/01/2036\nTAGS: PREL\nSUBJECT: HARBOR BOARD\n\n${body}`;
    const fixed = insertLine(text, 'CBL020');
    assert.equal(fixed, text.replace('BOARD\n', 'BOARD\n\nClassified By: \n'));
    assert.equal(parseCable(fixed).cable.classifiedBy?.range.start.line, 8);
    const refs = text.replace('BOARD\n', 'BOARD\n\nREF: A. NOWHERE 7\nB. STATE 4567\n');
    assert.equal(insertLine(refs, 'CBL020'), refs.replace('4567\n', '4567\n\nClassified By: \n'));
  });

  it('offers no line where the field next to its place shares its line with other text', () => {
    const text = `${banner}E.O. 13526: DECL: 01/01/2036 SUBJECT: HARBOR BOARD\n\n${by}${body}`;
    const finding = lintCable(parseCable(text).cable).find((f) => f.id === 'CBL017');
    assert.ok(finding);
    assert.equal(finding.fixes, undefined);
  });
});

describe('Fix All', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.cable'));
  it('never changes a classification, is idempotent, and keeps line endings', () => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) {
        const once = fixAll(variant).text;
        assert.equal(classificationOf(parseCable(once).cable), classificationOf(parseCable(variant).cable), `${f}: Fix All changed a classification`);
        assert.equal(fixAll(once).text, once, `${f}: Fix All is not idempotent`);
        const eols = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).join(',');
        assert.equal(eols(once), eols(variant), `${f}: Fix All changed line endings`);
      }
    }
  });

  it('repairs the safe problems: pilcrow artifact, repeated TAG, invisible character, banner spelling', () => {
    for (const [name, id] of [['cbl026-pilcrow-artifact', 'CBL026'], ['cbl018-tags-duplicate', 'CBL018'], ['cbl035-invisible-character', 'CBL035'], ['cbl011-banner-malformed', 'CBL011']]) {
      const text = fs.readFileSync(path.join(DIR, `${name}.bad.cable`), 'utf8');
      const { text: fixed, applied } = fixAll(text);
      assert.ok(applied > 0, name);
      assert.deepEqual(lintCable(parseCable(fixed).cable).filter((f) => f.id === id), [], name);
      // The repaired cable is the clean sample it was made from.
      assert.equal(fixed, fs.readFileSync(path.join(DIR, `${name}.good.cable`), 'utf8'), name);
    }
  });

  it('lints with the file\'s name and the user\'s TAGS when given them, as the editor\'s Fix All does', () => {
    // No safe fix reads them today; the rules that do (CBL043, CBL044) must still see what the editor's lint sees.
    const text = fs.readFileSync(path.join(DIR, 'cbl018-tags-duplicate.bad.cable'), 'utf8');
    const seen: string[] = [];
    const context = {
      get fileName() { seen.push('fileName'); return '09VALLETTA412.cable'; },
      get userTags() { seen.push('userTags'); return new Set(['KLOCAL']); },
    };
    const fixed = fixAll(text, undefined, undefined, context);
    assert.ok(fixed.applied > 0);
    // Every pass lints with them: the first, which finds the repeated TAG, and the one after the fix, which finds nothing.
    assert.ok(seen.filter((s) => s === 'fileName').length >= 2 && seen.includes('userTags'), seen.join(', '));
    assert.equal(fixed.text, fixAll(text).text);
  });

  it('takes adjoining edits in one pass, as the editor applies it once, and gives what cablelint --fix gives', () => {
    const text = fs.readFileSync(path.join(DIR, 'cbl018-tags-duplicate.good.cable'), 'utf8');
    const tags = /^TAGS: .*$/m.exec(text)![0];
    const first = /^TAGS: (\w+)/.exec(tags)![1];
    // "TAGS: PREL, PREL, PREL, …": the two removals of ", PREL" meet end to start.
    const variant = text.replace(tags, tags.replace(first, `${first}, ${first}, ${first}`));
    const findings = lintCable(parseCable(variant).cable);
    const edits = safeFixEdits(findings.filter((f) => f.id === 'CBL018'));
    assert.equal(edits.length, 2);
    const once = applyEdits(variant, edits);
    assert.equal(once, text);
    assert.equal(fixAll(variant).text, once);
    // Two insertions at one place do conflict: only the first is taken.
    const at = { line: 0, character: 0 };
    const insert = (newText: string) => ({ id: 'X', name: 'x', severity: 'warning' as const, message: '', range: { start: at, end: at }, fixes: [{ title: '', safe: true, edits: [{ range: { start: at, end: at }, newText }] }] });
    assert.deepEqual(safeFixEdits([insert('a'), insert('b')]).map((e) => e.newText), ['a']);
  });

  it('leaves unsafe problems alone (missing marking, spillage, header mismatches)', () => {
    for (const name of ['cbl028-portion-marking-missing', 'cbl030-portion-marking-above-banner', 'cbl005-de-serial-mismatch', 'cbl007-security-group-mismatch']) {
      const text = fs.readFileSync(path.join(DIR, `${name}.bad.cable`), 'utf8');
      assert.equal(fixAll(text).text, text, name);
    }
  });
});
