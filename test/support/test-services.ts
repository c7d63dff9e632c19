import { fileURLToPath } from 'node:url';
import {
  openAppServices,
  type AppServices,
  type AppServicesOptions,
} from '../../services/app-services.ts';
import type { HostOpenOptions } from '../../services/host/protocol.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { onCleanup, tempDir } from './test-scope.ts';

/** The bundled packs folder, wherever the test runs from. */
export const bundledPacksDir = fileURLToPath(new URL('../../assets/packs', import.meta.url));

/**
 * What a test opens the services with when it runs them as the app does (a service host, a
 * child process): the bundled packs, fuzz off, no daily-backup timer, the real clock.
 */
export function testHostOptions(dataDir: string): HostOpenOptions {
  return {
    dataDir,
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir,
    appVersion: '0.0.0-test',
    fuzz: false,
    dailyBackupDelayMs: null,
  };
}

/** A clock the test moves by hand. */
export interface TestClock {
  readonly now: () => Date;
  readonly ms: () => number;
  advance(ms: number): void;
  set(at: number | Date): void;
}

export function testClock(
  start: number | Date = Date.parse('2025-03-03T09:00:00.000Z'),
): TestClock {
  let at = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => new Date(at),
    ms: () => at,
    advance(ms) {
      at += ms;
    },
    set(next) {
      at = typeof next === 'number' ? next : next.getTime();
    },
  };
}

export interface TestServicesOptions {
  readonly dataDir?: string;
  readonly clock?: TestClock;
  readonly cards?: readonly StudyCard[];
  readonly pack?: Pack;
  readonly busyTimeoutMs?: number;
  readonly fuzz?: boolean;
  readonly quickCheckMaxBytes?: number;
  readonly optimiser?: AppServicesOptions['optimiser'];
}

/**
 * Real services on a fresh data directory, with fuzz off, no daily-backup timer, a test clock;
 * closed (before their folder is removed) when the test, or the file, ends.
 */
export function openTestServices(
  options: TestServicesOptions = {},
): AppServices & { clock: TestClock } {
  const clock = options.clock ?? testClock();
  const services = openAppServices({
    dataDir: options.dataDir ?? tempDir(),
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir,
    appVersion: '0.0.0-test',
    now: clock.now,
    fuzz: options.fuzz ?? false,
    busyTimeoutMs: options.busyTimeoutMs ?? 200,
    dailyBackupDelayMs: null,
    ...(options.quickCheckMaxBytes === undefined
      ? {}
      : { quickCheckMaxBytes: options.quickCheckMaxBytes }),
    ...(options.optimiser === undefined ? {} : { optimiser: options.optimiser }),
  });
  onCleanup(() => services.close());
  if (options.cards) services.review.setCatalog(options.cards, options.pack);
  return Object.assign(services, { clock });
}
