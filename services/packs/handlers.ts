import type { HandlerMap } from '../registry.ts';
import type { PackLibrary } from './pack-library.ts';

export function packHandlers(
  packs: PackLibrary,
): Pick<HandlerMap, 'pack.list' | 'pack.get' | 'pack.import'> {
  return {
    'pack.list': () => packs.list(),
    'pack.get': (request) => packs.get(request?.id),
    'pack.import': ({ files }) => packs.import(files),
  };
}
