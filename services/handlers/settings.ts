import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function settingsHandlers(
  services: AppServices,
): Pick<HandlerMap, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => services.settings.get(),
    'settings.update': (request) => services.settings.update(request),
  };
}
