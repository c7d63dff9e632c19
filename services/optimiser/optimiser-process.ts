import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  isChildMessage,
  type ChildMessage,
  type Figures,
  type OptimiseRequest,
  type Used,
} from './protocol.ts';
import { keepTail } from './relay-protocol.ts';

/**
 * Runs the optimiser in a process of its own and survives it: a crash (fsrs-rs aborts on an item
 * it cannot train on, or the process is killed) or a run past its time rejects with an
 * OptimiserFailure that says what happened, and the services carry on.
 */

/** The optimiser's process as the runner needs it: Node's child process, or Electron's utility process. */
export interface OptimiserChild {
  send(request: OptimiseRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once the process has ended and its last messages and output are read: `signal SIGABRT`. */
  onExit(listener: (how: string) => void): void;
  /** What the process wrote to stderr last (a panic's reason), for the failure's message. */
  stderrTail(): string;
  kill(): void;
}

export type LaunchOptimiser = (entry: URL) => OptimiserChild;

export type OptimiserOutcome =
  | { readonly kind: 'too-little'; readonly used: Used }
  | {
      readonly kind: 'fitted';
      readonly used: Used;
      readonly weights: readonly number[];
      readonly current: Figures;
      readonly fitted: Figures;
    };

export interface Progress {
  readonly stage: 'fitting' | 'evaluating';
  readonly share: number;
}

export class OptimiserFailure extends Error {}

/** Node's child_process.fork, at a lower priority than the threads that answer the learner. */
export const forkOptimiser: LaunchOptimiser = (entry) => {
  const child = fork(fileURLToPath(entry), [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    execArgv: [],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = keepTail(stderr, chunk);
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, 10);
    } catch {
      // Not permitted here: the optimiser runs at the services' priority.
    }
  }
  return {
    send: (request) => child.send(request),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.once('close', (code, signal) =>
        listener(signal === null ? `exit code ${code}` : `signal ${signal}`),
      ),
    stderrTail: () => stderr,
    kill: () => child.kill('SIGKILL'),
  };
};

export function runOptimiserProcess(
  launch: LaunchOptimiser,
  entry: URL,
  request: OptimiseRequest,
  options: { readonly timeoutMs: number; readonly onProgress?: (progress: Progress) => void },
): Promise<OptimiserOutcome> {
  return new Promise((resolve, reject) => {
    const child = launch(entry);
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          new OptimiserFailure(
            `The optimiser did not finish within ${Math.round(options.timeoutMs / 1000)} s and ` +
              'was stopped. Your parameters are unchanged.',
          ),
        ),
      );
      child.kill();
    }, options.timeoutMs);
    child.onMessage((message) => {
      if (!isChildMessage(message)) return;
      handle(message);
    });
    const handle = (message: ChildMessage): void => {
      if (message.type === 'progress') {
        if (!settled) options.onProgress?.({ stage: message.stage, share: message.share });
      } else if (message.type === 'too-little') {
        settle(() => resolve({ kind: 'too-little', used: message.used }));
      } else if (message.type === 'result') {
        const { used, weights, current, fitted } = message;
        settle(() => resolve({ kind: 'fitted', used, weights, current, fitted }));
      } else {
        settle(() =>
          reject(
            new OptimiserFailure(
              `The optimiser could not fit your reviews: ${message.message}. ` +
                'Your parameters are unchanged.',
            ),
          ),
        );
      }
    };
    child.onExit((how) => {
      const reason = panicReason(child.stderrTail());
      settle(() =>
        reject(
          new OptimiserFailure(
            `The optimiser stopped unexpectedly (${how})${reason ? `: ${reason}` : ''}. ` +
              'Your parameters are unchanged.',
          ),
        ),
      );
    });
    child.send(request);
  });
}

/** The first line after Rust's "panicked at …:" line: the reason the native code gave. */
function panicReason(stderr: string): string | undefined {
  const lines = stderr.split('\n');
  const at = lines.findIndex((line) => line.includes('panicked at'));
  const reason = at >= 0 ? lines[at + 1]?.trim() : undefined;
  return reason ? reason.slice(0, 200) : undefined;
}
