import type { AppInfo } from '../shared/contract/app.ts';
import type { NoticeBoard } from './notices.ts';
import type { HandlerMap } from './registry.ts';

export function appHandlers(
  info: AppInfo,
  notices: NoticeBoard,
): Pick<HandlerMap, 'app.info' | 'app.notices' | 'app.dismissNotice'> {
  return {
    'app.info': () => info,
    'app.notices': () => notices.list(),
    'app.dismissNotice': ({ id }) => notices.dismiss(id),
  };
}
