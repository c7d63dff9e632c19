import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/packs.ts';

/**
 * Nothing in the format, the validator or the engine names the bundled pack's content (issue 15):
 * every rule must hold for any review's pack. The code's strings, templates and regular
 * expressions (not its comments, which may cite the audits that led to a rule) are searched for
 * the bundled pack's ids and its distinctive wording; each hit fails with its file and line.
 */

const bundledDir = path.join(repoRoot, 'assets', 'packs', 'il32-gamma');
const readBundled = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(bundledDir, file), 'utf8'));

/** Where rules live, and where services and the renderer word what learners read. */
const ruleDirs = ['shared/engine', 'shared/pack', 'shared/verify', 'shared/diagram'];
const learnerTextDirs = ['services/quiz', 'services/export', 'renderer/src/features'];

/**
 * Entity ids that are also words of the format itself: `context.species` ("human", "mouse") and
 * the subject modifier "systemic". A literal with one of them is the format's, not the pack's.
 */
const formatWords = new Set(['human', 'mouse', 'systemic']);

/**
 * Files whose literals may equal an entity id: the standard nomenclature typed answers are
 * matched by ("RANKL" for receptor activator of NF-κB ligand, osteogenesis for bone formation),
 * which holds for any pack on bone or cytokines.
 */
const nomenclatureFiles = new Set(['shared/engine/spelling.ts']);

const entityIds = new Set((readBundled('entities.json') as { id: string }[]).map((e) => e.id));
const pathwayIds = (readBundled('pathways.json') as { id: string }[]).map((p) => p.id);
const manifest = readBundled('manifest.json') as {
  reviewReference: string;
  citation: { doi: string };
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The bundled pack's wording and ids. The first id of each series ("F001", "B001", "D1") is the
 * format's own example and any pack's first id, so only the later ones count.
 */
const packWording = new RegExp(
  [
    String.raw`\bil-?\s?32`,
    String.raw`\binterleukin[- ]?32`,
    String.raw`\bdkk-?1\b`,
    String.raw`\bmir-?29a\b`,
    String.raw`\bproteinase 3\b`,
    String.raw`\bF(?!001)\d{3}\b`,
    String.raw`\bB(?!001)\d{3}\b`,
    ...pathwayIds.filter((id) => id !== 'D1').map((id) => String.raw`\b${id}\b`),
    String.raw`\b${escape(manifest.reviewReference)}\b`,
    escape(manifest.citation.doi),
  ].join('|'),
  'i',
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

interface Hit {
  readonly where: string;
  readonly found: string;
  readonly literal: string;
}

/** Every string, template part, regular expression and JSX text of a file, with what in it names the pack. */
function hitsIn(file: string, checkIds: boolean): Hit[] {
  const relative = path.relative(repoRoot, file).split(path.sep).join('/');
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const hits: Hit[] = [];
  const visit = (node: ts.Node) => {
    // A regular expression is searched as words: "\\bF067\\b" names F067.
    const literal = ts.isRegularExpressionLiteral(node)
      ? node.text.replace(/\\[bBdDwWsS]/g, ' ')
      : ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)
        ? node.text
        : undefined;
    if (literal !== undefined) {
      const id =
        checkIds && entityIds.has(literal) && !formatWords.has(literal) ? literal : undefined;
      const found = id ?? packWording.exec(literal)?.[0];
      if (found !== undefined) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        hits.push({ where: `${relative}:${line + 1}`, found, literal: literal.slice(0, 80) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

function hitsUnder(dirs: readonly string[], checkIds: (file: string) => boolean): string[] {
  return dirs
    .flatMap((dir) => sourceFiles(path.join(repoRoot, dir)))
    .flatMap((file) => hitsIn(file, checkIds(path.relative(repoRoot, file))))
    .map((hit) => `${hit.where}  "${hit.found}" in ${JSON.stringify(hit.literal)}`);
}

describe('code that names no pack', () => {
  it('has no rule in the format, validator, engine or drawing that names the bundled pack', () => {
    expect(hitsUnder(ruleDirs, (file) => !nomenclatureFiles.has(file))).toEqual([]);
  });

  it('has no learner-facing wording in services or the renderer that names the bundled pack', () => {
    expect(hitsUnder(learnerTextDirs, () => false)).toEqual([]);
  });

  it('catches an id or a name of the bundled pack, at its line', () => {
    const probe = path.join(repoRoot, 'test', 'fixtures', 'neutral-code-probe.ts.txt');
    const hits = hitsIn(probe, true).map((hit) => `${hit.where} ${hit.found}`);
    expect(hits).toEqual([
      'test/fixtures/neutral-code-probe.ts.txt:5 bone-marrow',
      'test/fixtures/neutral-code-probe.ts.txt:6 IL-32',
      'test/fixtures/neutral-code-probe.ts.txt:7 F067',
      'test/fixtures/neutral-code-probe.ts.txt:8 D5',
    ]);
  });
});
