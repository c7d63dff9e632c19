import type { SyncRound, SyncStatus } from '../../shared/contract/sync.ts';
import { syncRoundSchema } from '../../shared/contract/sync.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import type { Handler, HandlerMap } from '../registry.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { checkFolder, type SyncRoundResult } from './sync-round.ts';
import { forgetFolderState, putSyncConfig, syncConfig } from './sync-state.ts';

export interface SyncServiceOptions {
  readonly storage: Storage;
  readonly now: () => Date;
  /** Runs one round through `folder` (on a job thread where there are job threads). */
  readonly runRound: (folder: string) => Promise<SyncRoundResult>;
  /** A round this often while the app runs (null: none). */
  readonly intervalMs: number | null;
  /** A round once the learner has paused this long after an answer or a finished quiz. */
  readonly quietMs: number;
  /** How the learner chooses the folder here (Electron's dialog, the preview's command line). */
  readonly setBy: SyncStatus['setBy'];
}

/**
 * When sync runs: at start, once a study session pauses, on a timer, and when the learner asks.
 * Never two rounds at once: asking while one runs waits for it. Each round records itself in the
 * database (sync-round.ts), so the last run is known after a restart too.
 */
export class SyncService {
  readonly #options: SyncServiceOptions;
  #current: Promise<void> | undefined;
  #lastError: { at: string; message: string } | null = null;
  #interval: NodeJS.Timeout | undefined;
  #quiet: NodeJS.Timeout | undefined;
  #closed = false;
  /** The folder set while this process runs (command line, dialog). */
  #chosen: string | null = null;
  /** Work no round may run beside (an import, a reset, a restore): rounds wait for it. */
  readonly #holds = new Set<Promise<unknown>>();

  constructor(options: SyncServiceOptions) {
    this.#options = options;
  }

  /** The folder this device syncs through, or null (also while storage is unavailable). */
  folder(): string | null {
    const { storage } = this.#options;
    if (!storage.available) return this.#chosen;
    return syncConfig(storage, 'folder') ?? this.#chosen;
  }

  /** A different folder starts afresh: nothing of it read, nothing sent to it yet. */
  setFolder(folder: string): void {
    // Also kept here: a reset or a restore replaces the database, and with it the stored folder.
    this.#chosen = folder;
    const { storage } = this.#options;
    if (!storage.available || syncConfig(storage, 'folder') === folder) return;
    withTransaction(storage.db(), () => {
      forgetFolderState(storage);
      putSyncConfig(storage, 'folder', folder);
    });
  }

  status(): SyncStatus {
    const { storage } = this.#options;
    const stored = storage.available ? syncConfig(storage, 'last-run') : undefined;
    return {
      folder: this.folder(),
      setBy: this.#options.setBy,
      running: this.#current !== undefined,
      lastRun: stored === undefined ? null : lastRunOf(stored),
      lastError: this.#lastError,
    };
  }

  /** Runs a round now, or waits for the one running, and answers the status after it. */
  async run(): Promise<SyncStatus> {
    const folder = this.folder();
    if (folder === null) {
      throw new ContractError(
        'not-found',
        'No sync folder is set. Start Pathwise with --sync-folder <folder> to sync through one.',
      );
    }
    this.#current ??= this.#round(folder).finally(() => {
      this.#current = undefined;
    });
    await this.#current;
    return this.status();
  }

  /** At start: a round, then one every `intervalMs`, when a folder is set. */
  start(): void {
    if (this.folder() === null) return;
    this.#background();
    this.#keepSyncing();
  }

  /**
   * The folder the learner picked in Electron's dialog (main asks for it; no channel carries a
   * path): checked, kept, and synced through at once and from then on.
   */
  async choose(folder: string): Promise<SyncStatus> {
    checkFolder(folder);
    this.setFolder(folder);
    this.#keepSyncing();
    return this.run();
  }

  /** After an answer or a finished quiz: a round once the learner pauses. */
  noteStudy(): void {
    if (this.#closed || this.folder() === null) return;
    if (this.#quiet) clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => this.#background(), this.#options.quietMs);
    this.#quiet.unref();
  }

  /** The same handlers, each noting study once it has answered (for `noteStudy`). */
  afterStudy<M extends Partial<HandlerMap>>(handlers: M, channels: readonly (keyof M)[]): M {
    const wrapped: Partial<HandlerMap> = { ...handlers };
    for (const name of channels) {
      const handler = handlers[name] as Handler<never> | undefined;
      if (!handler) continue;
      (wrapped as Record<string, Handler<never>>)[name as string] = async (request, form) => {
        const answer = await handler(request, form);
        this.noteStudy();
        return answer;
      };
    }
    return wrapped as M;
  }

  /** Resolves once no round runs (at once when none does). */
  async idle(): Promise<void> {
    await this.#current;
  }

  /** No round starts until `work` has settled; answers `work`. */
  holdWhile<T>(work: Promise<T>): Promise<T> {
    this.#holds.add(work);
    const release = () => this.#holds.delete(work);
    work.then(release, release);
    return work;
  }

  #keepSyncing(): void {
    const { intervalMs } = this.#options;
    if (intervalMs === null || this.#interval || this.#closed) return;
    this.#interval = setInterval(() => this.#background(), intervalMs);
    this.#interval.unref();
  }

  close(): void {
    this.#closed = true;
    if (this.#interval) clearInterval(this.#interval);
    if (this.#quiet) clearTimeout(this.#quiet);
  }

  #background(): void {
    if (this.#closed || this.#current) return;
    // A failed round is kept as the status's lastError; nothing else waits for it.
    this.run().catch(() => undefined);
  }

  async #round(folder: string): Promise<void> {
    while (this.#holds.size > 0) await Promise.allSettled([...this.#holds]);
    try {
      const result = await this.#options.runRound(folder);
      this.#lastError = null;
      // Written through another connection: this one's caches (the queue) reload.
      if (Object.values(result.received).some((count) => count > 0)) {
        this.#options.storage.markBulkChange();
      }
    } catch (error) {
      this.#lastError = {
        at: this.#options.now().toISOString(),
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

function lastRunOf(stored: string): SyncRound | null {
  try {
    const parsed = syncRoundSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
