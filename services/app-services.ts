import type { AppInfo } from '../shared/contract/app.ts';
import { HandlerRegistry } from './handlers/registry.ts';
import { appHandlers } from './handlers/app.ts';
import { NoticeBoard } from './notices.ts';

export interface AppServicesOptions {
  /** Where the learner's data lives; created if missing. */
  readonly dataDir: string;
  readonly dataDirKind: AppInfo['dataDirKind'];
  readonly transport: AppInfo['transport'];
  /** Folder holding the bundled packs (assets/packs). */
  readonly bundledPacksDir: string;
  readonly appVersion: string;
  /** Injected clock, so tests and benchmarks control time. */
  readonly now?: () => Date;
}

export interface AppServices {
  readonly options: AppServicesOptions;
  readonly now: () => Date;
  /** What services must tell the learner (skipped packs, recovered database…). */
  readonly notices: NoticeBoard;
  close(): void;
}

/** The composition root for every main-process service; both transports call it. */
export function openAppServices(options: AppServicesOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const notices = new NoticeBoard(now);
  return {
    options,
    now,
    notices,
    close() {},
  };
}

/** Every contract channel wired to its service; both transports dispatch through this. */
export function createHandlerRegistry(services: AppServices): HandlerRegistry {
  const registry = new HandlerRegistry();
  registry.registerAll(appHandlers(services));
  registry.assertComplete();
  return registry;
}
