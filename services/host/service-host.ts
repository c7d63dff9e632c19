import { openAppServices, type AppServices } from '../app-services.ts';
import { createHandlerRegistry } from '../service-registry.ts';
import { bodyAnswer, type HandlerRegistry } from '../registry.ts';
import type { Envelope } from '../../shared/contract/index.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import type { LaunchOptimiser } from '../optimiser/optimiser-process.ts';
import type { HostInbound, HostOpenOptions, HostOutbound, HostPort } from './protocol.ts';

type Call = Extract<HostInbound, { kind: 'call' }>;

/**
 * Channels answered at once while an exclusive call (below) runs: they only read, and SQLite's WAL
 * gives them the last committed state meanwhile. Every other call (each write) waits until it
 * has finished, so nothing this connection writes can race an import's plan or wait on its lock
 * with this thread blocked, nor be written after a reset's or a restore's safety backup and then
 * replaced with the file.
 */
const servedDuringExclusive: ReadonlySet<string> = new Set([
  'app.info',
  'app.notices',
  'app.dismissNotice',
  'review.next',
  'review.counts',
  'bank.cards',
  'progress.summary',
  'progress.charts',
  'progress.mastery',
  'progress.coverage',
  'settings.get',
  'pack.list',
  'pack.get',
  'quiz.options',
  'quiz.count',
  'quiz.history',
  'backup.list',
  'report.list',
  'data.export',
  'print.exam',
  'print.cards',
  'sync.status',
  'optimiser.status',
]);

/**
 * Calls that write through a connection of their own (an import), or take a safety backup on a
 * job thread and then replace the database file (a reset, a restore: the swap itself waits until
 * no job uses the file, RunningJobs.whenIdle).
 */
const exclusive: ReadonlySet<string> = new Set(['data.import', 'data.reset', 'backup.restore']);

/**
 * The services, wherever they run (Electron's utility process, the preview's worker thread): opens
 * them, answers calls through the one HandlerRegistry, and closes them. Transport-agnostic: the
 * messages in and out are plain data (protocol.ts).
 */
export class ServiceHost {
  readonly #jobs: URL;
  readonly #launchOptimiser: LaunchOptimiser;
  #services: AppServices | undefined;
  #registry: HandlerRegistry | undefined;
  /** The import, reset or restore running, if any. */
  #exclusive: Promise<unknown> | undefined;

  /**
   * `jobs`: the entry of the job threads (imports, exports, backups, pack validation);
   * `launchOptimiser`: how the FSRS optimiser's process starts where the host runs.
   */
  constructor(jobs: URL, launchOptimiser: LaunchOptimiser) {
    this.#jobs = jobs;
    this.#launchOptimiser = launchOptimiser;
  }

  open(options: HostOpenOptions): HostOutbound {
    if (this.#services) return { kind: 'start-failed', message: 'The services are already open.' };
    try {
      this.#services = openAppServices({
        ...options,
        jobs: this.#jobs,
        optimiser: { ...options.optimiser, launch: this.#launchOptimiser },
      });
      this.#registry = createHandlerRegistry(this.#services);
      return { kind: 'ready' };
    } catch (error) {
      return {
        kind: 'start-failed',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async call(call: Call): Promise<HostOutbound> {
    while (this.#exclusive && !servedDuringExclusive.has(call.channel)) {
      await this.#exclusive.catch(() => undefined);
    }
    // No await from the check above to here: two exclusive calls never overlap.
    if (!exclusive.has(call.channel)) return this.#answer(call);
    // A sync round writes through a job thread too: the exclusive call starts once a running
    // round has ended, and no round starts until the call has ended.
    const sync = this.#services?.sync;
    const answer = sync
      ? sync.holdWhile(sync.idle().then(() => this.#answer(call)))
      : this.#answer(call);
    this.#exclusive = answer;
    void answer.finally(() => {
      if (this.#exclusive === answer) this.#exclusive = undefined;
    });
    return answer;
  }

  /** The sync folder picked in Electron's dialog; waits, as a write does, for an import. */
  async setSyncFolder(id: number, folder: string): Promise<HostOutbound> {
    while (this.#exclusive) await this.#exclusive.catch(() => undefined);
    const services = this.#services;
    if (!services) return { kind: 'reply', id, envelope: notOpen };
    try {
      return {
        kind: 'reply',
        id,
        envelope: { ok: true, value: await services.sync.choose(folder) },
      };
    } catch (error) {
      const known = error instanceof ContractError;
      const message = error instanceof Error ? error.message : String(error);
      return {
        kind: 'reply',
        id,
        envelope: { ok: false, error: { code: known ? error.code : 'internal', message } },
      };
    }
  }

  /** Lets running jobs finish, then closes SQLite and releases the data folder's lock. */
  async close(): Promise<HostOutbound> {
    while (this.#exclusive) await this.#exclusive.catch(() => undefined);
    await this.#services?.running.settled();
    this.#services?.close();
    this.#services = undefined;
    this.#registry = undefined;
    return { kind: 'closed' };
  }

  async #answer(call: Call): Promise<HostOutbound> {
    const registry = this.#registry;
    if (call.body) {
      const answer = registry
        ? await registry.dispatchBody(call.channel, call.body)
        : bodyAnswer(notOpen);
      return { kind: 'reply-json', id: call.id, ...answer };
    }
    const envelope = registry ? await registry.dispatch(call.channel, call.payload) : notOpen;
    return { kind: 'reply', id: call.id, envelope };
  }
}

const notOpen: Envelope<never> = {
  ok: false,
  error: { code: 'storage-unavailable', message: 'The services are not open.' },
};

/** Serves a ServiceHost on a port; `onClosed` ends the thread or process once it has closed. */
export function serveHost(
  port: HostPort<HostInbound, HostOutbound>,
  host: ServiceHost,
  onClosed: () => void,
): void {
  port.onMessage((message) => {
    switch (message.kind) {
      case 'open':
        port.post(host.open(message.options));
        return;
      case 'call':
        void host
          .call(message)
          .then((reply) =>
            port.post(reply, reply.kind === 'reply-json' ? [reply.json.buffer as ArrayBuffer] : []),
          );
        return;
      case 'set-sync-folder':
        void host.setSyncFolder(message.id, message.folder).then((reply) => port.post(reply));
        return;
      case 'close':
        void host.close().then((closed) => {
          port.post(closed);
          onClosed();
        });
        return;
    }
  });
}
