import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function packHandlers(
  services: AppServices,
): Pick<HandlerMap, 'pack.list' | 'pack.get' | 'pack.import'> {
  return {
    'pack.list': () => services.packs.list(),
    'pack.get': (request) => services.packs.get(request?.id),
    'pack.import': ({ files }) => services.packs.import(files),
  };
}
