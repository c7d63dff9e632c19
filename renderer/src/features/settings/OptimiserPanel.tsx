import './optimiser.css';
import { useEffect } from 'react';
import type {
  Figures,
  OptimiserRun,
  OptimiserStatus,
} from '../../../../shared/contract/optimiser.ts';
import { Button } from '../../components/Button.tsx';
import { formatDateTime, formatDuration, plural } from '../../components/format.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useOptimiser } from './optimiser-store.ts';

type Fitted = Extract<OptimiserRun, { state: 'fitted' }>;

const stageText = {
  reading: 'Reading your reviews…',
  fitting: 'Fitting the parameters to your reviews…',
  evaluating: 'Checking how well they predict your recall…',
} as const;

const logLoss = (figures: Figures) => figures.logLoss.toFixed(3);
const rmse = (figures: Figures) => `${(figures.rmse * 100).toFixed(1)} %`;

function FiguresTable({
  before,
  after,
  caption,
  beforeLabel,
}: {
  readonly before: Figures;
  readonly after: Figures;
  readonly caption: string;
  readonly beforeLabel: string;
}) {
  return (
    <div className="table-scroll">
      <table className="optimiser-figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure (lower is better)</th>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">Fitted to you</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Log loss</th>
            <td data-testid="optimiser-logloss-current">{logLoss(before)}</td>
            <td data-testid="optimiser-logloss-fitted">{logLoss(after)}</td>
          </tr>
          <tr>
            <th scope="row">RMSE</th>
            <td data-testid="optimiser-rmse-current">{rmse(before)}</td>
            <td data-testid="optimiser-rmse-fitted">{rmse(after)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function used(run: { reviewsUsed: number; cardsUsed: number; cardsDropped: number }): string {
  const dropped =
    run.cardsDropped > 0
      ? ` ${plural(run.cardsDropped, 'card')} left out: never reviewed a day or more after the time before.`
      : '';
  return `Used: ${plural(run.reviewsUsed, 'review')} made a day or more after the card’s previous one, of ${plural(run.cardsUsed, 'card')}.${dropped}`;
}

function FittedResult({ run, busy }: { readonly run: Fitted; readonly busy: boolean }) {
  const apply = useOptimiser((s) => s.apply);
  return (
    <div className="optimiser-result">
      <FiguresTable
        before={run.current}
        after={run.fitted}
        caption={`Result, in ${formatDuration(run.durationMs)}`}
        beforeLabel={run.applied ? 'Parameters replaced' : 'Parameters in use'}
      />
      <p data-testid="optimiser-used">{used(run)}</p>
      <p className="field-help">
        The fitted parameters are tested on a time-series split: each part of your history is
        predicted by parameters fitted only on the reviews before it.
      </p>
      {run.applied ? (
        <p className="message-success">Applied: your next answers are scheduled with them.</p>
      ) : run.better ? (
        <Button variant="primary" disabled={busy} onClick={() => void apply(run.runId)}>
          Apply
        </Button>
      ) : (
        <p>
          The fitted parameters predict your recall no better than the ones in use, so they are not
          offered.
        </p>
      )}
    </div>
  );
}

function RunState({ status, busy }: { readonly status: OptimiserStatus; readonly busy: boolean }) {
  const { run } = status;
  switch (run.state) {
    case 'idle':
      return null;
    case 'running':
      return (
        <p className="operation-working">
          <progress
            aria-label="Optimising"
            max={1}
            value={run.stage === 'reading' ? undefined : run.share}
          />
          <span>{stageText[run.stage]}</span>
        </p>
      );
    case 'too-little':
      return (
        <p data-testid="optimiser-too-little">
          Too little history to optimise yet: {plural(run.reviewsUsed, 'review')} made a day or more
          after the card&rsquo;s previous one, of the {run.minimum} needed.
        </p>
      );
    case 'fitted':
      return <FittedResult run={run} busy={busy} />;
    case 'failed':
      return (
        <div role="alert" className="panel error-panel">
          <p className="message-error">{run.message}</p>
        </div>
      );
  }
}

function InUse({ status, busy }: { readonly status: OptimiserStatus; readonly busy: boolean }) {
  const undo = useOptimiser((s) => s.undo);
  const { inUse } = status;
  if (inUse.source === 'default' || inUse.appliedAt === null) {
    return <p data-testid="optimiser-in-use">In use: the FSRS defaults.</p>;
  }
  return (
    <div className="optimiser-in-use">
      <p data-testid="optimiser-in-use">
        In use: parameters fitted to your reviews, applied {formatDateTime(inUse.appliedAt)}
        {inUse.figures && ` from ${plural(inUse.figures.reviewsUsed, 'review')}`}.
      </p>
      <Button disabled={busy} onClick={() => void undo()}>
        Undo: back to the previous parameters
      </Button>
    </div>
  );
}

/** What the live region says as a run goes on; the panel shows the details. */
function announcement(run: OptimiserRun): string {
  switch (run.state) {
    case 'running':
      return stageText[run.stage];
    case 'too-little':
      return 'Too little history to optimise yet.';
    case 'fitted':
      return `Optimised: log loss ${logLoss(run.current)} with the parameters in use, ${logLoss(run.fitted)} fitted to you.`;
    default:
      return '';
  }
}

/** Settings › Optimise: FSRS fitted to the learner's own reviews, applied only when better. */
export function OptimiserPanel() {
  const status = useOptimiser((s) => s.status);
  const error = useOptimiser((s) => s.error);
  const busy = useOptimiser((s) => s.busy);
  const load = useOptimiser((s) => s.load);
  const optimise = useOptimiser((s) => s.optimise);
  useEffect(() => {
    void load();
  }, [load]);
  const running = status?.run.state === 'running';
  return (
    <section
      className="panel settings-section"
      aria-labelledby="settings-optimiser-title"
      aria-busy={running}
    >
      <div className="section-header">
        <h2 id="settings-optimiser-title">Scheduling fitted to you</h2>
        <div className="section-actions">
          <Button onClick={() => void optimise()} disabled={busy || running || !status}>
            Optimise
          </Button>
        </div>
      </div>
      <p className="field-help">
        FSRS predicts when you would forget each card. Optimise fits its parameters to your own
        reviews and shows how well the fitted and the current ones predict your answers; you apply
        them only if they do better, and can undo that. It needs at least{' '}
        {status?.minimumReviews ?? 400} reviews made a day or more after the card&rsquo;s previous
        one, and runs apart from the app, so you can keep studying.
      </p>
      {error && <ErrorMessage error={error} onRetry={() => void load()} />}
      {!status && !error && <Loading label="Loading the scheduling parameters…" />}
      {status && <InUse status={status} busy={busy} />}
      <p role="status" className="visually-hidden">
        {status && announcement(status.run)}
      </p>
      {status && <RunState status={status} busy={busy} />}
    </section>
  );
}
