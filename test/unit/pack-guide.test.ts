import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { checkBank } from '../../shared/engine/check.ts';
import { keyCheckOf } from '../../shared/engine/kinds/index.ts';
import { jsonSchemaFileName, packJsonSchemaFiles } from '../../shared/pack/json-schema.ts';
import { relationIds } from '../../shared/pack/relations.ts';
import type { PackFileName } from '../../shared/pack/schema.ts';
import { verifyBank } from '../../shared/verify/index.ts';
import { repoRoot } from '../support/packs.ts';

/**
 * docs/packs.md stays true to the code: its worked example is the fixture pack
 * test/fixtures/packs/sclerostin-wnt (real files, so pack:check runs on them), every field it
 * documents exists in the schema and every field of the schema is documented.
 */
const guide = readFileSync(path.join(repoRoot, 'docs', 'packs.md'), 'utf8');
const exampleDir = path.join(repoRoot, 'test', 'fixtures', 'packs', 'sclerostin-wnt');
const schemas = packJsonSchemaFiles();

interface JsonSchemaNode {
  readonly type?: string;
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly items?: JsonSchemaNode;
}

/** Field paths as the guide writes them: `citation.doi`, `nodes[].entity`. */
function schemaFieldPaths(file: PackFileName): string[] {
  const schema = JSON.parse(schemas[jsonSchemaFileName(file)] ?? '{}') as JsonSchemaNode;
  const paths: string[] = [];
  const walk = (node: JsonSchemaNode, prefix: string) => {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      paths.push(`${prefix}${name}`);
      if (property.type === 'array' && property.items?.type === 'object') {
        walk(property.items, `${prefix}${name}[].`);
      } else if (property.type === 'object') {
        walk(property, `${prefix}${name}.`);
      }
    }
  };
  walk(schema.type === 'array' && schema.items ? schema.items : schema, '');
  return paths.sort();
}

/** The field names in the first column of the tables under the guide's `### <file>` heading. */
function documentedFields(file: string): string[] {
  const start = guide.indexOf(`\n### ${file}`);
  expect(start, `the guide has a section "### ${file}"`).toBeGreaterThan(-1);
  const end = guide.indexOf('\n### ', start + 1);
  const section = guide.slice(start, end < 0 ? undefined : end);
  const beforeRelations = section.split('\n#### Relations')[0] ?? '';
  return [...beforeRelations.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1] ?? '').sort();
}

function jsonBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map(
    (m) => JSON.parse(m[1] ?? '') as unknown,
  );
}

function readExample(file: string): { id: string }[] {
  return JSON.parse(readFileSync(path.join(exampleDir, file), 'utf8')) as { id: string }[];
}

describe('the pack guide (docs/packs.md)', () => {
  it.each<PackFileName>([
    'manifest.json',
    'entities.json',
    'facts.json',
    'references.json',
    'pathways.json',
    'teaching-points.json',
  ])('documents exactly the fields of %s', (file) => {
    expect(documentedFields(file)).toEqual(schemaFieldPaths(file));
  });

  it('documents the fields by which background.json differs, and only real ones', () => {
    const documented = documentedFields('background.json');
    expect(documented).toEqual(['id', 'tier']);
    for (const field of documented) expect(schemaFieldPaths('background.json')).toContain(field);
  });

  it('lists every relation of the vocabulary, and no other', () => {
    const start = guide.indexOf('| Relation');
    const table = guide.slice(start, guide.indexOf('\n\n', start));
    const listed = [...table.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
    expect(listed).toEqual(relationIds);
  });

  it('shows the worked example exactly as its fixture files hold it', () => {
    const example = [
      ...readExample('entities.json'),
      ...readExample('facts.json'),
      ...readExample('references.json'),
      ...readExample('pathways.json'),
      ...readExample('teaching-points.json'),
    ];
    const shown = jsonBlocks(guide.slice(guide.indexOf('## A worked example')))
      .flatMap((block): unknown[] => (Array.isArray(block) ? (block as unknown[]) : [block]))
      .filter((item): item is { id: string } => typeof item === 'object' && item !== null);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    for (const item of shown) {
      expect(item).toEqual(example.find((candidate) => candidate.id === item.id));
    }
  });

  it('has a worked example that passes pack:check, and whose bank keeps its rules', () => {
    const loaded = loadPackFolder(exampleDir);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.pack.facts).toHaveLength(4);
    const bank = generateBank(loaded.pack, { seed: 1 });
    expect(bank.quiz.length).toBeGreaterThan(0);
    expect(checkBank(loaded.pack, bank)).toEqual([]);
    expect(verifyBank(loaded.pack, bank.quiz, keyCheckOf).disagreements).toEqual([]);
  });
});
