import type { ChannelName } from './index.ts';

/**
 * The channel names as a plain list, so the preload can expose one named function per channel
 * without bundling zod and every schema. The two checks below make a missing or unknown name a
 * compile error.
 */
export const channelNames = [
  'app.info',
  'app.notices',
  'app.dismissNotice',
  'quiz.options',
  'quiz.count',
  'quiz.start',
  'quiz.answer',
  'quiz.claimRight',
  'quiz.finish',
  'quiz.history',
  'quiz.unfinished',
  'quiz.mark',
  'bank.cards',
  'pack.list',
  'pack.get',
  'pack.import',
  'review.next',
  'review.answer',
  'review.undo',
  'review.counts',
  'progress.summary',
  'progress.charts',
  'progress.mastery',
  'progress.coverage',
  'settings.get',
  'settings.update',
  'data.export',
  'data.import',
  'data.reset',
  'backup.list',
  'backup.create',
  'backup.restore',
  'report.create',
  'report.list',
  'report.withdraw',
  'export.file',
  'print.exam',
  'print.cards',
  'sync.status',
  'sync.run',
  'sync.chooseFolder',
  'custom.options',
  'custom.extraNew',
  'custom.start',
  'custom.cram',
  'browse.list',
  'browse.detail',
  'browse.act',
  'browse.study',
  'pathway.nameNode',
] as const satisfies readonly ChannelName[];

type Missing = Exclude<ChannelName, (typeof channelNames)[number]>;
export const everyChannelListed: [Missing] extends [never] ? true : Missing = true;
