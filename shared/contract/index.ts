import type { z } from 'zod';
import { appChannels } from './app.ts';
import { bankChannels } from './bank.ts';
import { browseChannels } from './browse.ts';
import { quizChannels } from './quiz.ts';
import { packChannels } from './pack.ts';
import { printChannels } from './print.ts';
import { backupChannels } from './backup.ts';
import { dataChannels } from './data.ts';
import { exportChannels } from './export.ts';
import { progressChannels } from './progress.ts';
import { pathwayChannels } from './pathway.ts';
import { reportChannels } from './report.ts';
import { reviewChannels } from './review.ts';
import { settingsChannels } from './settings.ts';
import { syncChannels } from './sync.ts';
import { customStudyChannels } from './custom-study.ts';
import { optimiserChannels } from './optimiser.ts';
import type { ChannelDef } from './define.ts';
import type { Envelope } from './errors.ts';

/**
 * The whole IPC contract: channel name (`domain.verb`) -> request and response schema.
 * Main validates against it, the preload exposes one function per entry, and the
 * renderer's client is typed from it.
 */
export const contract = {
  ...appChannels,
  ...quizChannels,
  ...bankChannels,
  ...packChannels,
  ...reviewChannels,
  ...progressChannels,
  ...settingsChannels,
  ...dataChannels,
  ...backupChannels,
  ...reportChannels,
  ...exportChannels,
  ...printChannels,
  ...syncChannels,
  ...customStudyChannels,
  ...browseChannels,
  ...optimiserChannels,
  ...pathwayChannels,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

type Domain<C extends string> = C extends `${infer D}.${string}` ? D : never;
type Args<C extends ChannelName> =
  undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

/** `api.review.answer(request)`: one named function per channel, grouped by domain. */
type ApiOf<Answer extends 'envelope' | 'value'> = {
  [D in Domain<ChannelName>]: {
    [C in ChannelName as C extends `${D}.${infer V}` ? V : never]: (
      ...args: Args<C>
    ) => Promise<Answer extends 'envelope' ? Envelope<ResponseOf<C>> : ResponseOf<C>>;
  };
};

/** What the preload exposes: envelopes, because Error objects lose their fields across contextBridge. */
export type PreloadApi = ApiOf<'envelope'>;
/** What renderer code calls: plain values; failures reject with a ContractError. */
export type ClientApi = ApiOf<'value'>;

export * from './define.ts';
