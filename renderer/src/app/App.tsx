import { lazy, Suspense, useEffect } from 'react';
import { Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Nav } from './Nav.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { screenForPath } from './routes.ts';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { useHome } from '../features/home/store.ts';
import { Loading } from '../components/States.tsx';

// Screens with heavy dependencies (React Flow, charts, search) load on first visit, not with the app.
const PathwaysScreen = lazy(() => import('../features/pathways/PathwaysScreen.tsx'));
const SourceScreen = lazy(() => import('../features/source/SourceScreen.tsx'));
const ProgressScreen = lazy(() => import('../features/progress/ProgressScreen.tsx'));
const QuizScreen = lazy(() => import('../features/quiz/QuizScreen.tsx'));
// Home is in the first bundle; the other study screens load on demand, Flashcards ahead of time
// (below), because Home's main button usually leads there.
const loadFlashcards = () => import('../features/flashcards/FlashcardsScreen.tsx');
const FlashcardsScreen = lazy(loadFlashcards);
const CustomStudyScreen = lazy(() => import('../features/custom-study/CustomStudyScreen.tsx'));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen.tsx'));
const PrintScreen = lazy(() => import('../features/print/PrintScreen.tsx'));
const BrowseScreen = lazy(() => import('../features/browse/BrowseScreen.tsx'));

/** Fetches the Flashcards chunk when the browser is idle after Home has its data, not before. */
function usePreloadFlashcards() {
  const homeShown = useHome((s) => s.summary !== undefined || s.error !== undefined);
  useEffect(() => {
    if (!homeShown) return;
    const idle = window.requestIdleCallback(() => void loadFlashcards(), { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, [homeShown]);
}

function ScreenTitle() {
  const [location] = useLocation();
  const name = screenForPath(location);
  useEffect(() => {
    document.title = `${name} · Pathwise`;
  }, [name]);
  return null;
}

export function App() {
  usePreloadFlashcards();
  return (
    <Router hook={useHashLocation}>
      <ScreenTitle />
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <div className="layout">
        <Nav />
        <main id="main" tabIndex={-1}>
          <NoticeBanner />
          <ErrorBoundary>
            <Switch>
              <Route path="/" component={HomeScreen} />
              <Route path={/^\/flashcards\/custom(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading Custom study…" />}>
                  <CustomStudyScreen />
                </Suspense>
              </Route>
              <Route path={/^\/flashcards(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Flashcards screen…" />}>
                  <FlashcardsScreen />
                </Suspense>
              </Route>
              <Route path={/^\/settings(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Settings screen…" />}>
                  <SettingsScreen />
                </Suspense>
              </Route>
              <Route path={/^\/pathways(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Pathways screen…" />}>
                  <PathwaysScreen />
                </Suspense>
              </Route>
              <Route path={/^\/source(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Source screen…" />}>
                  <SourceScreen />
                </Suspense>
              </Route>
              <Route path={/^\/progress(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Progress screen…" />}>
                  <ProgressScreen />
                </Suspense>
              </Route>
              <Route path={/^\/print(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Print screen…" />}>
                  <PrintScreen />
                </Suspense>
              </Route>
              <Route path={/^\/browse(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Browse screen…" />}>
                  <BrowseScreen />
                </Suspense>
              </Route>
              <Route path={/^\/quiz(?:[/?].*)?$/}>
                <Suspense fallback={<Loading label="Loading the Quiz screen…" />}>
                  <QuizScreen />
                </Suspense>
              </Route>
              <Route>
                <HomeScreen />
              </Route>
            </Switch>
          </ErrorBoundary>
        </main>
      </div>
    </Router>
  );
}
