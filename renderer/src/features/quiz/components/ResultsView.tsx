import { useEffect, useId, useMemo, useRef } from 'react';
import { Button } from '../../../components/Button.tsx';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { Stat } from '../../../components/Stat.tsx';
import {
  asQuizResponse,
  describeResponse,
  formatDuration,
  formatPercent,
  formatPoints,
  mistakesOf,
  quizScore,
  timeTaken,
  topicScores,
  verdictOf,
  type QuizResult,
} from '../model/results.ts';
import { useQuizRunner } from '../stores/runner-store.ts';
import { useQuizSetup } from '../stores/setup-store.ts';
import { AnswerReview } from './AnswerReview.tsx';
import { formatWhen, PastQuizzes } from './PastQuizzes.tsx';
import { pathwayRef } from './RunnerView.tsx';

/** After a quiz: score, score by topic, time, every mistake explained, retry, past quizzes. */
export function ResultsView() {
  const results = useQuizRunner((s) => s.results);
  const from = useQuizRunner((s) => s.resultsFrom);
  const timeUp = useQuizRunner((s) => s.timeUp);
  const starting = useQuizRunner((s) => s.phase === 'starting');
  const { retryMistakes, reset, review } = useQuizRunner.getState();
  const options = useQuizSetup((s) => (s.options.status === 'ready' ? s.options.value : undefined));
  const history = useQuizSetup((s) => s.history);
  const heading = useRef<HTMLHeadingElement>(null);
  const topicsId = useId();

  useEffect(() => {
    heading.current?.focus();
  }, [results]);

  const rows = useMemo(
    () => (results ? topicScores(results.results, options?.topics ?? []) : []),
    [results, options],
  );
  if (!results) return null;
  const { summary } = results;
  const score = quizScore(results.results);
  const mistakes = mistakesOf(results.results);
  const taken = timeTaken(summary.startedAt, summary.finishedAt);
  const partial = score.points !== score.correct;

  return (
    <div className="qz-results">
      <div className="qz-results-head">
        <h2 ref={heading} tabIndex={-1}>
          {from === 'history'
            ? `Results of the quiz finished ${formatWhen(summary.finishedAt ?? summary.startedAt)}`
            : 'Results'}
        </h2>
        <div className="qz-results-actions">
          {mistakes.length > 0 && (
            <Button variant="primary" disabled={starting} onClick={() => void retryMistakes()}>
              Retry mistakes ({mistakes.length})
            </Button>
          )}
          <Button onClick={reset}>New quiz</Button>
        </div>
      </div>
      {timeUp && (
        <p className="qz-note" role="status">
          Time ran out. Questions left unanswered count as missed.
        </p>
      )}
      <div className="stat-row">
        <Stat
          label="Correct"
          value={`${score.correct} / ${score.total}`}
          hint={summary.mode === 'exam' ? 'Exam' : 'Practice'}
        />
        <Stat
          label={partial ? 'Score with part marks' : 'Score'}
          value={formatPercent(score.fraction)}
          hint={partial ? `${formatPoints(score.points)} of ${score.total} points` : undefined}
        />
        <Stat label="Time taken" value={taken === undefined ? '—' : formatDuration(taken)} />
        <Stat
          label="To review"
          value={mistakes.length}
          hint={mistakes.length === 1 ? 'question' : 'questions'}
        />
      </div>

      <section className="qz-topics panel" aria-labelledby={topicsId}>
        <h3 id={topicsId}>Score by topic</h3>
        <ul className="qz-topic-list">
          {rows.map((row) => (
            <li key={row.topic}>
              <span className="qz-topic-title">{row.title}</span>
              <ProgressBar
                label={`Score in ${row.title}`}
                value={Math.round(row.fraction * 100)}
                max={100}
                text={`${row.correct} of ${row.total} · ${formatPercent(row.fraction)}`}
              />
            </li>
          ))}
        </ul>
      </section>

      <section className="qz-mistakes" aria-labelledby="qz-mistakes-title">
        <h3 id="qz-mistakes-title">
          {mistakes.length === 0
            ? 'No mistakes — every answer was right'
            : `Mistakes (${mistakes.length})`}
        </h3>
        <ol className="qz-mistake-list">
          {mistakes.map((result) => (
            <li key={result.item.id}>
              <MistakeCard result={result} pathway={pathwayRef(options, result.item.pathwayId)} />
            </li>
          ))}
        </ol>
      </section>

      <details className="qz-all">
        <summary>All questions ({results.results.length})</summary>
        <ol className="qz-all-list">
          {results.results.map((result) => {
            const verdict = verdictOf(result);
            return (
              <li key={result.item.id} className={`qz-all-${verdict}`}>
                <span className="qz-all-verdict">
                  {verdict === 'correct'
                    ? result.feedback.claimedRight
                      ? '✓ Right, as you said'
                      : '✓ Right'
                    : verdict === 'partial'
                      ? `◐ ${formatPercent(result.feedback.score)}`
                      : verdict === 'wrong'
                        ? '✗ Wrong'
                        : '– Not answered'}
                </span>{' '}
                {result.item.prompt}
                <QuestionTime durationMs={result.durationMs} />
              </li>
            );
          })}
        </ol>
      </details>

      {history.status === 'ready' && (
        <PastQuizzes
          history={history.value}
          current={summary.sessionId}
          onReview={(id) => void review(id)}
        />
      )}
    </div>
  );
}

function MistakeCard({
  result,
  pathway,
}: {
  readonly result: QuizResult;
  readonly pathway: ReturnType<typeof pathwayRef>;
}) {
  const response = asQuizResponse(result.response);
  return (
    <article className="qz-mistake panel">
      <AnswerReview
        item={result.item}
        feedback={result.feedback}
        answered={result.answered}
        yourAnswer={describeResponse(result.item, response, result.answered)}
        pathway={pathway}
        headingLevel={4}
        title={result.item.prompt}
      />
      <QuestionTime durationMs={result.durationMs} />
    </article>
  );
}

/** How long the learner spent on a question before sending its answer. */
function QuestionTime({ durationMs }: { readonly durationMs: number | null }) {
  if (durationMs === null) return null;
  return <span className="qz-question-time muted"> · Time: {formatDuration(durationMs)}</span>;
}
