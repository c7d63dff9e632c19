import { ContractError } from '../../shared/contract/errors.ts';
import type { OptimiserRun, OptimiserStatus } from '../../shared/contract/optimiser.ts';
import { minimumReviewsToOptimise } from '../../shared/engine/optimiser-items.ts';
import { defaultWeights } from '../../shared/engine/scheduler.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { OptimiserFailure, type OptimiserOutcome, type Progress } from './optimiser-process.ts';
import { allParameterEvents, insertParameterEvent, storedTimeline } from './parameter-rows.ts';
import type { OptimiseRequest } from './protocol.ts';
import { readReviewColumns } from './review-columns.ts';

export type RunOptimiser = (
  request: OptimiseRequest,
  onProgress: (progress: Progress) => void,
) => Promise<OptimiserOutcome>;

export interface OptimiserServiceOptions {
  readonly storage: Storage;
  readonly now: () => Date;
  /** A fresh UUIDv7 for an event. */
  readonly newId: () => string;
  /** Runs the optimiser in its own process (runOptimiserProcess). */
  readonly run: RunOptimiser;
  /** Fewer reviews at a positive interval than this and no fit is tried (tests lower it). */
  readonly minimumReviews?: number;
}

type FittedRun = Extract<OptimiserRun, { state: 'fitted' }>;

/**
 * Settings › Optimise. One run at a time; its result is kept until the next run. Applying and
 * undoing write events to the append-only parameter log; the scheduler reads the weights in
 * effect from it (SettingsService.schedulerConfig), so the next answer uses them.
 */
export class OptimiserService {
  readonly #options: OptimiserServiceOptions;
  readonly #minimum: number;
  #run: OptimiserRun = { state: 'idle' };
  /** The weights the running or last run was compared against. */
  #baseWeights: readonly number[] = defaultWeights;
  #applicationId: string | undefined;
  #running: Promise<void> | undefined;

  constructor(options: OptimiserServiceOptions) {
    this.#options = options;
    this.#minimum = options.minimumReviews ?? minimumReviewsToOptimise;
  }

  status(): OptimiserStatus {
    const { storage, now } = this.#options;
    const application = storedTimeline(storage).applicationAt(now().getTime());
    const stored = application && allParameterEvents(storage).find((e) => e.id === application.id);
    const figures = stored?.figures;
    return {
      run: this.#run,
      inUse: {
        source: application ? 'fitted' : 'default',
        weights: [...(application?.weights ?? defaultWeights)],
        appliedAt: application ? new Date(application.occurredAt).toISOString() : null,
        figures: figures
          ? {
              reviewsUsed: figures.reviewsUsed,
              before: { logLoss: figures.logLossBefore, rmse: figures.rmseBefore },
              after: { logLoss: figures.logLossAfter, rmse: figures.rmseAfter },
            }
          : null,
      },
      minimumReviews: this.#minimum,
    };
  }

  /** Starts a run unless one is running, and answers at once. */
  start(): OptimiserStatus {
    if (!this.#running) {
      this.#run = { state: 'running', stage: 'reading', share: 0 };
      this.#running = this.#optimise().finally(() => {
        this.#running = undefined;
      });
    }
    return this.status();
  }

  /** Resolves when the run under way (if any) has ended. */
  async settled(): Promise<void> {
    await this.#running;
  }

  apply(runId: string): OptimiserStatus {
    const run = this.#run;
    if (run.state !== 'fitted' || run.runId !== runId) {
      throw new ContractError(
        'not-found',
        'That optimisation is no longer the latest: run it again.',
      );
    }
    if (run.applied) throw new ContractError('conflict', 'These parameters are already in use.');
    if (!run.better) {
      throw new ContractError(
        'conflict',
        'The fitted parameters predict your recall no better than the ones in use, so they are not applied.',
      );
    }
    const { storage, now, newId } = this.#options;
    const at = now().getTime();
    if (!sameWeights(this.#weightsAt(at), this.#baseWeights)) {
      throw new ContractError(
        'conflict',
        'The parameters in use changed since this optimisation: run it again.',
      );
    }
    const id = newId();
    withTransaction(storage.db(), () =>
      insertParameterEvent(storage, {
        id,
        deviceId: storage.deviceId,
        kind: 'apply',
        weights: run.weights,
        undoes: null,
        occurredAt: at,
        figures: {
          reviewsUsed: run.reviewsUsed,
          logLossBefore: run.current.logLoss,
          logLossAfter: run.fitted.logLoss,
          rmseBefore: run.current.rmse,
          rmseAfter: run.fitted.rmse,
        },
      }),
    );
    this.#applicationId = id;
    this.#run = { ...run, applied: true };
    return this.status();
  }

  /** Takes back the application in effect; the weights before it (or the defaults) apply again. */
  undo(): OptimiserStatus {
    const { storage, now, newId } = this.#options;
    const at = now().getTime();
    const application = storedTimeline(storage).applicationAt(at);
    if (!application) {
      throw new ContractError('conflict', 'No fitted parameters are in use: the defaults are.');
    }
    withTransaction(storage.db(), () =>
      insertParameterEvent(storage, {
        id: newId(),
        deviceId: storage.deviceId,
        kind: 'undo',
        weights: null,
        undoes: application.id,
        occurredAt: at,
        figures: null,
      }),
    );
    const run = this.#run;
    if (run.state === 'fitted' && this.#applicationId === application.id) {
      this.#run = { ...run, applied: false };
      this.#applicationId = undefined;
    }
    return this.status();
  }

  #weightsAt(at: number): readonly number[] {
    return storedTimeline(this.#options.storage).weightsAt(at) ?? defaultWeights;
  }

  async #optimise(): Promise<void> {
    const { storage, now } = this.#options;
    const started = now().getTime();
    try {
      const reviews = await readReviewColumns(storage);
      const currentWeights = this.#weightsAt(now().getTime());
      this.#baseWeights = currentWeights;
      const outcome = await this.#options.run(
        { reviews, currentWeights, minimumReviews: this.#minimum },
        (progress) => {
          this.#run = { state: 'running', ...progress };
        },
      );
      this.#applicationId = undefined;
      this.#run =
        outcome.kind === 'too-little'
          ? { state: 'too-little', ...outcome.used, minimum: this.#minimum }
          : fittedRun(outcome, now().getTime() - started, this.#options.newId());
    } catch (error) {
      this.#run = {
        state: 'failed',
        message:
          error instanceof OptimiserFailure
            ? error.message
            : `The optimiser failed: ${error instanceof Error ? error.message : String(error)}. Your parameters are unchanged.`,
      };
    }
  }
}

function fittedRun(
  outcome: Extract<OptimiserOutcome, { kind: 'fitted' }>,
  durationMs: number,
  runId: string,
): FittedRun {
  const { used, current, fitted } = outcome;
  return {
    state: 'fitted',
    runId,
    ...used,
    current,
    fitted,
    weights: [...outcome.weights],
    better: fitted.logLoss < current.logLoss && fitted.rmse < current.rmse,
    applied: false,
    durationMs,
  };
}

function sameWeights(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
