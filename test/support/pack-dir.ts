import path from 'node:path';
import { loadPackFolder, problemLines } from '../../services/packs/pack-folder.ts';
import type { Pack } from '../../shared/pack/schema.ts';

/** A pack folder through the app's own loader and validator; a test fails loudly on any problem. */
export function readPackDir(dir: string): Pack {
  const result = loadPackFolder(dir);
  if (!result.ok)
    throw new Error(`${dir} is not a valid pack:\n${problemLines(result.problems).join('\n')}`);
  return result.pack;
}

export const fixturePackDir = path.resolve('test/fixtures/packs/il32-fixture');
export const bundledPackDir = path.resolve('assets/packs/il32-gamma');
