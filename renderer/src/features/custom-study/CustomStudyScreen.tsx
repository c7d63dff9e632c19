import '../flashcards/flashcards.css';
import { useLocation } from 'wouter';
import { CustomSession } from './CustomSession.tsx';
import { CustomStudyPanel } from './CustomStudyPanel.tsx';
import { useCustomStudy } from './store.ts';

/** Custom study (`#/flashcards/custom`): choose a session, then study it here. */
export default function CustomStudyScreen() {
  const run = useCustomStudy((s) => s.run);
  const options = useCustomStudy((s) => s.options);
  const optionsError = useCustomStudy((s) => s.optionsError);
  const [, navigate] = useLocation();
  const ready = run !== undefined || options !== undefined || optionsError !== undefined;
  return (
    <section
      aria-labelledby="custom-study-title"
      className="cs-screen"
      data-screen-ready={ready ? 'custom-study' : undefined}
    >
      <header className="screen-header">
        <h1 id="custom-study-title">Custom study</h1>
        <a className="btn btn-ghost" href="#/flashcards">
          Back to today’s cards
        </a>
      </header>
      {run ? (
        <CustomSession run={run} />
      ) : (
        <CustomStudyPanel
          title="Choose a session"
          onExtraNew={() => navigate('/flashcards')}
          onStarted={() => undefined}
        />
      )}
    </section>
  );
}
