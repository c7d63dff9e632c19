import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function dataHandlers(
  services: AppServices,
): Pick<HandlerMap, 'data.export' | 'data.import' | 'data.reset'> {
  return {
    'data.export': () => services.data.exportDocument(),
    'data.import': ({ content }) => services.data.importDocument(content),
    // The request schema already demands the confirmation token.
    'data.reset': () => services.data.reset(),
  };
}
