import './quiz.css';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { Loading } from '../../components/States.tsx';
import { ResultsView } from './components/ResultsView.tsx';
import { RunnerView } from './components/RunnerView.tsx';
import { SetupView } from './components/SetupView.tsx';
import { isEmptyPrefill, parsePrefill } from './model/prefill.ts';
import { useQuizRunner } from './stores/runner-store.ts';
import { useQuizSetup } from './stores/setup-store.ts';

/**
 * Applies a link's preset (`#/quiz?topic=…`) once the options are known, then takes the query out
 * of the address so going back or reloading does not reapply it over the learner's own choices.
 * A quiz in progress is never thrown away by a link; results give way to the new setup.
 */
function usePrefillFromLink(
  query: string,
  navigate: (to: string, o: { replace: boolean }) => void,
) {
  const ready = useQuizSetup((s) => s.options.status === 'ready');
  useEffect(() => {
    if (!ready || !query) return;
    const prefill = parsePrefill(query);
    if (!isEmptyPrefill(prefill)) {
      useQuizSetup.getState().applyPrefill(prefill);
      if (useQuizRunner.getState().phase === 'results') useQuizRunner.getState().reset();
    }
    navigate('/quiz', { replace: true });
  }, [ready, query, navigate]);
}

/** The Quiz screen (`#/quiz`): set up, answer question by question, then review the results. */
export default function QuizScreen() {
  const [location, navigate] = useLocation();
  const query = location.split('?')[1] ?? '';
  const phase = useQuizRunner((s) => s.phase);
  const optionsReady = useQuizSetup((s) => s.options.status === 'ready');

  useEffect(() => {
    void useQuizSetup.getState().loadOptions();
    void useQuizSetup.getState().loadHistory();
    void useQuizSetup.getState().loadUnfinished();
  }, []);
  usePrefillFromLink(query, navigate);

  const title =
    phase === 'running' || phase === 'finishing'
      ? 'Quiz in progress'
      : phase === 'results'
        ? 'Quiz results'
        : 'Quiz';
  return (
    <section
      aria-labelledby="quiz-title"
      className="qz-screen"
      data-screen-ready={optionsReady && !query ? `quiz-${phase}` : undefined}
    >
      <h1
        id="quiz-title"
        className={phase === 'idle' || phase === 'starting' ? undefined : 'visually-hidden'}
      >
        {title}
      </h1>
      {(phase === 'idle' || phase === 'starting') && <SetupView />}
      {(phase === 'running' || phase === 'finishing') && (
        <>
          <RunnerView />
          {phase === 'finishing' && <Loading label="Marking your answers…" />}
        </>
      )}
      {phase === 'results' && <ResultsView />}
    </section>
  );
}
