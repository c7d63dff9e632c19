import { Button } from '../../components/Button.tsx';
import { formatDuration, percent, plural } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';
import type { SessionSummary as Summary } from './session.ts';

interface SummaryProps {
  readonly summary: Summary;
  readonly next: string;
  readonly onContinue: () => void;
}

/** The end of a sitting: how it went and where to go. */
export function SessionSummary({ summary, next, onContinue }: SummaryProps) {
  return (
    <section className="panel fc-summary" aria-labelledby="fc-summary-title">
      <h2 id="fc-summary-title" tabIndex={-1} data-autofocus="">
        Session complete
      </h2>
      <div className="stat-row">
        <Stat label="Cards reviewed" value={summary.reviewed} />
        <Stat
          label="Again rate"
          value={percent(summary.againRate)}
          hint={`${plural(summary.again, 'card')} forgotten`}
        />
        <Stat label="Time" value={formatDuration(summary.studyMs)} />
      </div>
      <h3>What’s next</h3>
      <p>{next}</p>
      <div className="fc-end-actions">
        <Button variant="primary" onClick={onContinue}>
          Continue studying
        </Button>
        <a className="btn" href="#/quiz">
          Take a quiz
        </a>
        <a className="btn" href="#/">
          Home
        </a>
      </div>
    </section>
  );
}

/** Nothing due and nothing answered in this sitting. */
export function CaughtUp({ next }: { readonly next: string }) {
  return (
    <section className="panel empty-state fc-caught-up" aria-labelledby="fc-caught-up-title">
      <h2 id="fc-caught-up-title" tabIndex={-1} data-autofocus="">
        You are caught up
      </h2>
      <p>{next}</p>
      <div className="fc-end-actions">
        <a className="btn btn-primary" href="#/quiz">
          Take a quiz
        </a>
        <a className="btn" href="#/">
          Home
        </a>
      </div>
    </section>
  );
}
