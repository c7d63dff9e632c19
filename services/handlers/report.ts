import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

export function reportHandlers(
  services: AppServices,
): Pick<HandlerMap, 'report.create' | 'report.list' | 'report.withdraw'> {
  return {
    'report.create': (request) => services.reports.create(request),
    'report.list': () => services.reports.list(),
    'report.withdraw': (request) => services.reports.withdraw(request),
  };
}
