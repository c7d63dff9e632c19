import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { layoutSchema, packFiles, type Pack } from '../../shared/pack/schema.ts';

/**
 * Reads a pack folder with the pack schemas, for engine tests and fixtures. The app's loader
 * (services/packs) also cross-checks ids; the engine itself reports dangling ids when it indexes.
 */
export function readPackDir(dir: string): Pack {
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const parse = <K extends keyof typeof packFiles>(name: K) => {
    const result = packFiles[name].safeParse(read(name));
    if (!result.success) throw new Error(`${path.join(dir, name)}: ${result.error.message}`);
    return result.data as ReturnType<(typeof packFiles)[K]['parse']>;
  };
  const layout = existsSync(path.join(dir, 'layout.json'))
    ? layoutSchema.parse(read('layout.json'))
    : undefined;
  return {
    manifest: parse('manifest.json'),
    entities: parse('entities.json'),
    facts: parse('facts.json'),
    pathways: parse('pathways.json'),
    references: parse('references.json'),
    teachingPoints: parse('teaching-points.json'),
    ...(layout ? { layout } : {}),
  };
}

export const fixturePackDir = path.resolve('test/fixtures/packs/il32-fixture');
