import type { PackFileTexts, PackValidation } from '../../shared/pack/validate.ts';
import type { HandlerMap } from '../registry.ts';
import type { PackLibrary } from './pack-library.ts';

/** Validates a pack's files: here, or on a job thread (the service host's choice). */
export type PackValidator = (files: PackFileTexts) => PackValidation | Promise<PackValidation>;

/** What switching packs needs of the composition root (app-services.ts). */
export interface PackSwitch {
  choosePack(id: string): unknown;
  removePack(id: string): string;
}

export function packHandlers(
  packs: PackLibrary,
  validate: PackValidator,
  study: PackSwitch,
): Pick<HandlerMap, 'pack.list' | 'pack.get' | 'pack.import' | 'pack.choose' | 'pack.remove'> {
  return {
    'pack.list': () => packs.list(),
    'pack.get': (request) => packs.get(request?.id),
    'pack.import': async ({ files }) => packs.import(files, await validate(files)),
    'pack.choose': ({ id }) => {
      study.choosePack(id);
      const chosen = packs.list().find((pack) => pack.id === id);
      if (!chosen) throw new Error(`The pack "${id}" was chosen but is not listed.`);
      return chosen;
    },
    'pack.remove': ({ id }) => ({ active: study.removePack(id) }),
  };
}
