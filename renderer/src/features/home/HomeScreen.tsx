import './home.css';
import { useEffect } from 'react';
import { formatStudyDay } from '../../components/format.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useAppInfo } from '../../stores/app-info.ts';
import { ExamPanel } from './ExamPanel.tsx';
import { primaryAction } from './next-step.ts';
import { NextStepPanel } from './NextStepPanel.tsx';
import { useHome } from './store.ts';
import { TodayStats } from './TodayStats.tsx';
import { TopicMasteryList } from './TopicMasteryList.tsx';

/** Home (`#/`): today's work, the streak, the exam forecast, mastery, and one thing to do next. */
export function HomeScreen() {
  const summary = useHome((s) => s.summary);
  const error = useHome((s) => s.error);
  const load = useHome((s) => s.load);
  const info = useAppInfo((s) => s.info);

  // Fresh figures on every visit; the first load started in main.tsx is joined, not repeated.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section
      aria-labelledby="home-title"
      className="home"
      data-screen-ready={summary ? 'home' : undefined}
    >
      <header className="screen-header">
        <h1 id="home-title">Home</h1>
        {summary && <p className="muted">{formatStudyDay(summary.today.studyDay)}</p>}
        <a className="btn" href="#/flashcards/custom">
          Custom study
        </a>
      </header>
      {error && <ErrorMessage error={error} onRetry={() => void load()} />}
      {!summary && !error && <Loading label="Loading today’s study…" />}
      {summary && (
        <div className="home-grid">
          <NextStepPanel action={primaryAction(summary.nextSteps)} />
          <TodayStats today={summary.today} streak={summary.streak} totals={summary.totals} />
          {summary.exam && <ExamPanel exam={summary.exam} />}
          <TopicMasteryList topics={summary.masteryByTopic} />
        </div>
      )}
      {info && (
        <p className="muted small home-footer">
          {info.name} {info.version} · {info.transport}
        </p>
      )}
    </section>
  );
}
