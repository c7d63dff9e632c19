import { createHandlerRegistry, openAppServices, type AppServices } from '../app-services.ts';
import { bodyAnswer, type HandlerRegistry } from '../registry.ts';
import type { Envelope } from '../../shared/contract/index.ts';
import type { HostInbound, HostOpenOptions, HostOutbound, HostPort } from './protocol.ts';

type Call = Extract<HostInbound, { kind: 'call' }>;

/**
 * Channels answered at once while an import writes through its own connection: they only read,
 * and SQLite's WAL gives them the last committed state meanwhile. Every other call (each write)
 * waits until the import has finished, so nothing this connection writes can race the import's
 * plan or wait on its lock with this thread blocked.
 */
const servedDuringImport: ReadonlySet<string> = new Set([
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
]);

/** Calls that write through a connection of their own (see services/data/progress-job.ts). */
const exclusive: ReadonlySet<string> = new Set(['data.import']);

/** Calls that replace the database file: they wait until no job reads the old one. */
const replacesFile: ReadonlySet<string> = new Set(['data.reset', 'backup.restore']);

/**
 * The services, wherever they run (Electron's utility process, the preview's worker thread): opens
 * them, answers calls through the one HandlerRegistry, and closes them. Transport-agnostic: the
 * messages in and out are plain data (protocol.ts).
 */
export class ServiceHost {
  readonly #jobs: URL;
  #services: AppServices | undefined;
  #registry: HandlerRegistry | undefined;
  #import: Promise<unknown> | undefined;

  /** `jobs`: the entry of the job threads (imports, exports, backups, pack validation). */
  constructor(jobs: URL) {
    this.#jobs = jobs;
  }

  open(options: HostOpenOptions): HostOutbound {
    if (this.#services) return { kind: 'start-failed', message: 'The services are already open.' };
    try {
      this.#services = openAppServices({ ...options, jobs: this.#jobs });
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
    while (this.#import && !servedDuringImport.has(call.channel)) {
      await this.#import.catch(() => undefined);
    }
    if (replacesFile.has(call.channel)) await this.#services?.running.settled();
    const answer = this.#answer(call);
    if (exclusive.has(call.channel)) {
      this.#import = answer;
      void answer.finally(() => {
        if (this.#import === answer) this.#import = undefined;
      });
    }
    return answer;
  }

  /** Lets running jobs finish, then closes SQLite and releases the data folder's lock. */
  async close(): Promise<HostOutbound> {
    while (this.#import) await this.#import.catch(() => undefined);
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
      case 'close':
        void host.close().then((closed) => {
          port.post(closed);
          onClosed();
        });
        return;
    }
  });
}
