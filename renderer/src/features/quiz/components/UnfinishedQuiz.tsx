import { useState } from 'react';
import type { QuizResume } from '../../../../../shared/contract/quiz.ts';
import { Button } from '../../../components/Button.tsx';
import { formatWhen } from './PastQuizzes.tsx';

/**
 * A quiz left unfinished by a reload or a restart: every answer given is already saved, so the
 * learner carries on where they were, or has it marked as it stands.
 */
export function UnfinishedQuiz({
  unfinished,
  onResume,
  onFinish,
}: {
  readonly unfinished: QuizResume;
  readonly onResume: () => void;
  readonly onFinish: () => void;
}) {
  const { session, answered } = unfinished;
  // When the offer was first shown: an exam whose time runs out later is closed by its countdown.
  const [now] = useState(() => Date.now());
  const mode = session.mode === 'exam' ? 'exam' : 'practice quiz';
  const timeIsUp = session.deadline !== null && Date.parse(session.deadline) <= now;
  return (
    <section className="qz-resume" aria-labelledby="qz-resume-title">
      <h2 id="qz-resume-title">Unfinished {mode}</h2>
      <p>
        Started {formatWhen(session.startedAt)}: {answered.length} of {session.items.length}{' '}
        answered, each one saved.
        {timeIsUp && ' Its time ran out; what was answered can still be marked.'}
      </p>
      <div className="qz-resume-actions">
        {!timeIsUp && (
          <Button variant="primary" onClick={onResume}>
            Resume {mode}
          </Button>
        )}
        <Button variant={timeIsUp ? 'primary' : 'secondary'} onClick={onFinish}>
          Finish and see results
        </Button>
      </div>
    </section>
  );
}
