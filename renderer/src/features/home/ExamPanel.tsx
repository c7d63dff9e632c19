import type { ProgressSummary } from '../../../../shared/contract/progress.ts';
import { barWidth, formatStudyDay, percent, plural } from '../../components/format.ts';

type Exam = NonNullable<ProgressSummary['exam']>;

function countdown(daysLeft: number): string {
  if (daysLeft <= 0) return 'Exam today';
  if (daysLeft === 1) return 'Exam tomorrow';
  return `Exam in ${daysLeft} days`;
}

function ForecastBar({ label, value }: { readonly label: string; readonly value: number }) {
  return (
    <div className="forecast-row">
      <dt>{label}</dt>
      <dd>
        <span className="bar" aria-hidden="true">
          <span className="bar-fill" style={{ width: barWidth(value) }} />
        </span>
        <span className="bar-value">{percent(value)}</span>
      </dd>
    </div>
  );
}

/** The exam countdown and what study between now and then is expected to buy. */
export function ExamPanel({ exam }: { readonly exam: Exam }) {
  const { forecast } = exam;
  return (
    <section className="panel home-exam" aria-labelledby="home-exam-title">
      <h2 id="home-exam-title">{countdown(exam.daysLeft)}</h2>
      <p className="muted">{formatStudyDay(exam.date)}</p>
      <h3>Expected recall on exam day</h3>
      <dl className="forecast">
        <ForecastBar label="If you stop now" value={forecast.ifYouStopNow} />
        <ForecastBar label="If you keep up" value={forecast.ifYouKeepUp} />
      </dl>
      <p className="muted small">
        The share of all {forecast.cards} cards you are predicted to recall that day.
        {forecast.unseen > 0
          ? ` ${plural(forecast.unseen, 'card')} you have not seen yet count as forgotten if you stop.`
          : ''}{' '}
        Keeping up means doing every due review and the new cards below.
      </p>
      {exam.pace !== null && (
        <p className="home-pace">
          <strong>{plural(exam.pace, 'new card')} a day</strong> to see every card before the exam.
        </p>
      )}
    </section>
  );
}
