import { z } from 'zod';
import { packFiles, type PackFileName } from './schema.ts';

/**
 * JSON Schema for each pack file, generated from the zod schemas (the single definition), for
 * editor completion and inline errors while authoring. `npm run pack:schema` writes them into each
 * pack folder's `schema/`; a unit test fails when the committed copies are stale.
 */

export const schemaFolder = 'schema';

export function jsonSchemaFileName(file: PackFileName): string {
  return `${schemaFolder}/${file.replace(/\.json$/, '.schema.json')}`;
}

/** Path inside a pack folder → file text, for every pack file. */
export function packJsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [file, schema] of Object.entries(packFiles) as [PackFileName, z.ZodType][]) {
    const jsonSchema = z.toJSONSchema(schema, {
      target: 'draft-07',
      // Authors write the input: fields with defaults may be left out.
      io: 'input',
      unrepresentable: 'any',
    });
    const titled = { title: `Pathwise knowledge pack: ${file}`, ...jsonSchema };
    files[jsonSchemaFileName(file)] = `${JSON.stringify(titled, null, 2)}\n`;
  }
  return files;
}
