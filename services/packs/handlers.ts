import {
  validatePack,
  type PackFileTexts,
  type PackValidation,
} from '../../shared/pack/validate.ts';
import type { HandlerMap } from '../registry.ts';
import type { PackLibrary } from './pack-library.ts';

/** Validates a pack's files: here, or on a job thread (the service host's choice). */
export type PackValidator = (files: PackFileTexts) => PackValidation | Promise<PackValidation>;

export function packHandlers(
  packs: PackLibrary,
  validate: PackValidator = validatePack,
): Pick<HandlerMap, 'pack.list' | 'pack.get' | 'pack.import'> {
  return {
    'pack.list': () => packs.list(),
    'pack.get': (request) => packs.get(request?.id),
    'pack.import': async ({ files }) => packs.import(files, await validate(files)),
  };
}
