import type { HandlerMap } from '../registry.ts';
import type { CustomStudyService } from './custom-study-service.ts';

type CustomStudyChannels = 'custom.options' | 'custom.extraNew' | 'custom.start' | 'custom.cram';

export function customStudyHandlers(
  custom: CustomStudyService,
): Pick<HandlerMap, CustomStudyChannels> {
  return {
    'custom.options': () => custom.options(),
    'custom.extraNew': ({ count }) => custom.addExtraNew(count),
    'custom.start': (request) => custom.start(request),
    'custom.cram': (request) => custom.cram(request),
  };
}
