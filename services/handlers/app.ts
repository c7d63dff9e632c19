import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function appHandlers(
  services: AppServices,
): Pick<HandlerMap, 'app.info' | 'app.notices' | 'app.dismissNotice'> {
  return {
    'app.info': () => ({
      name: 'Pathwise',
      version: services.options.appVersion,
      transport: services.options.transport,
      dataDirKind: services.options.dataDirKind,
    }),
    'app.notices': () => services.notices.list(),
    'app.dismissNotice': ({ id }) => services.notices.dismiss(id),
  };
}
