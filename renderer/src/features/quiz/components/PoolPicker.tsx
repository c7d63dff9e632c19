import { quizPools, type QuizPool } from '../../../../../shared/contract/quiz-pools.ts';

const poolText: Readonly<Record<QuizPool, { label: string; hint: string }>> = {
  all: { label: 'All questions', hint: 'Every question that fits the choices below.' },
  unused: { label: 'Unused', hint: 'Questions you have never answered.' },
  incorrect: { label: 'Incorrect', hint: 'Questions you got wrong the last time.' },
  marked: { label: 'Marked', hint: 'Questions you marked during a quiz.' },
};

/** The question bank's pool: which of the learner's questions a quiz draws from. */
export function PoolPicker({
  pool,
  onChange,
}: {
  readonly pool: QuizPool;
  readonly onChange: (pool: QuizPool) => void;
}) {
  return (
    <fieldset className="qz-fieldset qz-pools">
      <legend>Question bank</legend>
      <ul className="qz-check-list qz-check-list-compact">
        {quizPools.map((value) => (
          <li key={value}>
            <label className="qz-check">
              <input
                type="radio"
                name="qz-pool"
                value={value}
                checked={pool === value}
                onChange={() => onChange(value)}
              />
              <span className="qz-check-text">
                <span className="qz-check-label">{poolText[value].label}</span>
                <span className="qz-check-description muted">{poolText[value].hint}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
