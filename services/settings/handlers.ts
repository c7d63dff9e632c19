import type { HandlerMap } from '../registry.ts';
import type { SettingsService } from './settings-service.ts';

export function settingsHandlers(
  settings: SettingsService,
): Pick<HandlerMap, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (request) => settings.update(request),
  };
}
