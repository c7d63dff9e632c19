import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packFolders } from '../../services/packs/pack-folder.ts';
import { jsonSchemaFileName, packJsonSchemaFiles } from '../../shared/pack/json-schema.ts';
import { relationIds } from '../../shared/pack/relations.ts';
import { packFileNames } from '../../shared/pack/schema.ts';
import { repoRoot } from '../support/packs.ts';

const bundledDir = path.join(repoRoot, 'assets', 'packs');
const generated = packJsonSchemaFiles();

interface ArraySchema {
  items: { properties: Record<string, { enum?: string[] }>; required: string[] };
}

describe('pack JSON Schema', () => {
  it('is generated for every pack file, from the zod schemas', () => {
    expect(Object.keys(generated).sort()).toEqual(packFileNames.map(jsonSchemaFileName).sort());
    const facts = JSON.parse(generated['schema/facts.schema.json'] ?? '{}') as ArraySchema;
    expect(facts.items.properties.relation?.enum).toEqual(relationIds);
    // Authors may leave out fields that have defaults: the schema describes the input.
    expect(facts.items.required).toContain('subject');
    expect(facts.items.required).not.toContain('coSubjects');
  });

  it('describes every property of every file, for editor hover', () => {
    const bare = Object.entries(generated).flatMap(([file, text]) =>
      undescribedProperties(JSON.parse(text) as unknown, file),
    );
    expect(bare).toEqual([]);
    // The walk itself finds properties: a schema with none would pass vacuously.
    expect(undescribedProperties({ properties: { a: {}, b: { description: 'b' } } }, 'x')).toEqual([
      'x: a',
    ]);
  });

  it.each(packFolders(bundledDir))(
    'is committed and current in assets/packs/%s/schema',
    (folder) => {
      for (const [file, text] of Object.entries(generated)) {
        const committed = path.join(bundledDir, folder, file);
        expect(existsSync(committed), `${committed} missing: run npm run pack:schema`).toBe(true);
        expect(readFileSync(committed, 'utf8'), `${committed} stale: run npm run pack:schema`).toBe(
          text,
        );
      }
    },
  );
});

/** Paths of the properties, at any depth, whose schema has no non-empty description. */
function undescribedProperties(node: unknown, at: string): string[] {
  if (node === null || typeof node !== 'object') return [];
  const bare: string[] = [];
  if ('properties' in node && node.properties !== null && typeof node.properties === 'object') {
    for (const [name, property] of Object.entries(node.properties as Record<string, unknown>)) {
      const description =
        property !== null && typeof property === 'object' && 'description' in property
          ? property.description
          : undefined;
      if (typeof description !== 'string' || description.trim() === '') {
        bare.push(`${at}: ${name}`);
      }
    }
  }
  for (const [key, child] of Object.entries(node)) {
    bare.push(...undescribedProperties(child, key === 'properties' ? at : `${at}.${key}`));
  }
  return bare;
}
