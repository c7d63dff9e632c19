import type { AppInfo } from '../shared/contract/app.ts';
import { HandlerRegistry } from './handlers/registry.ts';
import { appHandlers } from './handlers/app.ts';
import { packHandlers } from './handlers/pack.ts';
import { NoticeBoard } from './notices.ts';
import { PackLibrary } from './packs/pack-library.ts';

export interface AppServicesOptions {
  /** Where the learner's data lives; created if missing. */
  readonly dataDir: string;
  readonly dataDirKind: AppInfo['dataDirKind'];
  readonly transport: AppInfo['transport'];
  /** Folder holding the bundled packs (assets/packs). */
  readonly bundledPacksDir: string;
  /** The bundled pack studied by default; 'il32-gamma' unless a test says otherwise. */
  readonly defaultPackId?: string;
  readonly appVersion: string;
  /** Injected clock, so tests and benchmarks control time. */
  readonly now?: () => Date;
}

export interface AppServices {
  readonly options: AppServicesOptions;
  readonly now: () => Date;
  /** What services must tell the learner (skipped packs, recovered database…). */
  readonly notices: NoticeBoard;
  /** Bundled and learner knowledge packs, validated. */
  readonly packs: PackLibrary;
  close(): void;
}

/**
 * The composition root for every main-process service; both transports call it. Throws a
 * PackStartupError, listing located problems, when a bundled pack is broken or missing: the app
 * has nothing to teach without it.
 */
export function openAppServices(options: AppServicesOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const notices = new NoticeBoard(now);
  const packs = PackLibrary.open({
    bundledDir: options.bundledPacksDir,
    dataDir: options.dataDir,
    notices,
    now,
    defaultPackId: options.defaultPackId,
  });
  return {
    options,
    now,
    notices,
    packs,
    close() {},
  };
}

/** Every contract channel wired to its service; both transports dispatch through this. */
export function createHandlerRegistry(services: AppServices): HandlerRegistry {
  const registry = new HandlerRegistry();
  registry.registerAll(appHandlers(services));
  registry.registerAll(packHandlers(services));
  registry.assertComplete();
  return registry;
}
