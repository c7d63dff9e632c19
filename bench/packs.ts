import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ELK from 'elkjs';
import { readPackFolder } from '../services/packs/pack-folder.ts';
import { layoutPack } from '../shared/pack/layout.ts';
import type { Pack } from '../shared/pack/schema.ts';
import { validatePack } from '../shared/pack/validate.ts';
import { atMost, median, report, timeRuns, type Results } from './lib.ts';

const packDir = path.join(import.meta.dirname, '..', 'assets', 'packs', 'il32-gamma');

/**
 * The bundled pack is validated at every start and a learner pack on import (while the learner
 * waits); a pack without layout.json is laid out in a renderer worker before its diagrams show.
 */
export async function measurePacks(): Promise<Results> {
  const { files } = readPackFolder(packDir);
  const validate = (): Pack => {
    const result = validatePack(files);
    if (!result.ok) throw new Error('the bundled pack is invalid: run npm run pack:check');
    return result.pack;
  };
  const coldStart = performance.now();
  const pack = validate();
  const cold = performance.now() - coldStart;
  const warm = await timeRuns(25, validate);
  const layouts = await timeRuns(5, () => layoutPack(new ELK(), pack));
  return {
    'packs.validateBundled': atMost(median(warm), 100, 'ms', 'median of 25, il32-gamma'),
    'packs.validateBundledFirst': report(cold, 'ms', 'first call in a fresh process'),
    'packs.layoutBundled': atMost(median(layouts), 1500, 'ms', 'median of 5, all 8 pathways'),
  };
}
