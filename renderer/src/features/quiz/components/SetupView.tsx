import { useEffect, useMemo } from 'react';
import { ErrorMessage, Loading } from '../../../components/States.tsx';
import { draftFilter, filterKey, startRequest } from '../model/setup.ts';
import { useQuizRunner } from '../stores/runner-store.ts';
import { useQuizSetup } from '../stores/setup-store.ts';
import { PastQuizzes } from './PastQuizzes.tsx';
import { SetupForm } from './SetupForm.tsx';
import { UnfinishedQuiz } from './UnfinishedQuiz.tsx';

/** Setup: reads the stores, keeps the live count current, starts the quiz. */
export function SetupView() {
  const options = useQuizSetup((s) => s.options);
  const draft = useQuizSetup((s) => s.draft);
  const count = useQuizSetup((s) => s.count);
  const history = useQuizSetup((s) => s.history);
  const unfinished = useQuizSetup((s) => s.unfinished);
  const ignoredPrefill = useQuizSetup((s) => s.ignoredPrefill);
  const { update, loadCount, loadOptions, loadHistory, loadUnfinished } = useQuizSetup.getState();
  const phase = useQuizRunner((s) => s.phase);
  const startError = useQuizRunner((s) => s.error);
  const { start, review, resume } = useQuizRunner.getState();

  const info = options.status === 'ready' ? options.value : undefined;
  const filter = useMemo(
    () => (info && draft ? draftFilter(draft, info) : undefined),
    [info, draft],
  );
  const key = filter ? filterKey(filter) : '';
  useEffect(() => {
    if (filter && useQuizSetup.getState().count.key !== key) void loadCount(filter);
  }, [filter, key, loadCount]);

  if (options.status === 'error')
    return <ErrorMessage error={options.message} onRetry={() => void loadOptions()} />;
  if (!info || !draft) return <Loading label="Loading the question bank…" />;

  return (
    <>
      {unfinished.status === 'ready' && unfinished.value && (
        <UnfinishedQuiz
          unfinished={unfinished.value}
          onResume={() => unfinished.value && void resume(unfinished.value)}
          onFinish={() => {
            const sessionId = unfinished.value?.session.sessionId;
            if (!sessionId) return;
            void review(sessionId).then(() => Promise.all([loadHistory(), loadUnfinished()]));
          }}
        />
      )}
      <p className="qz-intro muted">
        {info.total} questions, all generated from the review&apos;s facts and pathways. Choose what
        to practise; the count below updates as you go.
      </p>
      <SetupForm
        options={info}
        draft={draft}
        count={count.key === key ? count.value : undefined}
        countError={count.key === key ? count.error : undefined}
        starting={phase === 'starting'}
        startError={startError}
        ignoredPrefill={ignoredPrefill}
        onChange={update}
        onStart={() => void start(startRequest(draft, info))}
      />
      {history.status === 'ready' && (
        <PastQuizzes history={history.value} onReview={(id) => void review(id)} />
      )}
      {history.status === 'error' && (
        <ErrorMessage error={history.message} onRetry={() => void loadHistory()} />
      )}
    </>
  );
}
