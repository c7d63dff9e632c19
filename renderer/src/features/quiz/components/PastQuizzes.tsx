import type { QuizSessionSummary } from '../../../../../shared/contract/quiz-records.ts';
import { formatDuration, formatPercent, timeTaken } from '../model/results.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

const modeName = (mode: string) =>
  mode === 'exam' ? 'Exam' : mode === 'practice' ? 'Practice' : mode;

/** Finished quizzes, newest first, each openable to review its answers. */
export function PastQuizzes({
  history,
  current,
  onReview,
}: {
  readonly history: readonly QuizSessionSummary[];
  /** The quiz on screen, marked rather than offered again. */
  readonly current?: string;
  readonly onReview: (sessionId: string) => void;
}) {
  return (
    <section className="qz-history" aria-labelledby="qz-history-title">
      <h2 id="qz-history-title">Past quizzes</h2>
      {history.length === 0 ? (
        <p className="muted">No finished quizzes yet. Your results will be listed here.</p>
      ) : (
        <ul className="qz-history-list">
          {history.map((quiz) => {
            const taken = timeTaken(quiz.startedAt, quiz.finishedAt);
            const when = formatWhen(quiz.finishedAt ?? quiz.startedAt);
            return (
              <li key={quiz.sessionId} className="qz-history-item">
                <span className="qz-history-when">{when}</span>
                <span className="badge qz-kind-badge">{modeName(quiz.mode)}</span>
                <span>
                  {quiz.correct} of {quiz.total} correct
                </span>
                <span className="qz-history-score">
                  {quiz.score === null ? '—' : formatPercent(quiz.score)}
                </span>
                {taken !== undefined && <span className="muted">in {formatDuration(taken)}</span>}
                <span className="qz-history-action">
                  {quiz.sessionId === current ? (
                    <span className="muted">Shown above</span>
                  ) : (
                    <button
                      type="button"
                      className="qz-link-button"
                      aria-label={`Review the quiz finished ${when}`}
                      onClick={() => onReview(quiz.sessionId)}
                    >
                      Review
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
