import type { HandlerMap } from '../registry.ts';
import type { ReportService } from './report-service.ts';

export function reportHandlers(
  reports: ReportService,
): Pick<HandlerMap, 'report.create' | 'report.list' | 'report.withdraw'> {
  return {
    'report.create': (request) => reports.create(request),
    'report.list': () => reports.list(),
    'report.withdraw': (request) => reports.withdraw(request),
  };
}
