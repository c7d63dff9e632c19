import { sectionById } from '../../../../shared/pack/sections.ts';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Pack, Reference } from '../../../../shared/pack/schema.ts';
import { defineCommands } from '../../commands/registry.ts';
import { useCommands } from '../../commands/useCommands.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { CoverageMap } from './components/CoverageMap.tsx';
import { FactsPanel } from './components/FactsPanel.tsx';
import { ReportsPanel } from '../reports/ReportsPanel.tsx';
import type { FactLookups } from './components/FactCard.tsx';
import { LimitsPanel } from './components/LimitsPanel.tsx';
import { ReviewPanel } from './components/ReviewPanel.tsx';
import { TopicsPanel } from './components/TopicsPanel.tsx';
import { coverageIndex } from './model/coverage.ts';
import { referenceLabel } from '../../../../shared/engine/citations.ts';
import { edgesByFact, groupByTopic, linkedFact, sourceHref } from './model/facts.ts';
import { useSourceData, useSourceFilters } from './store.ts';
import { loadFuse, useFactSearch } from './useFactSearch.ts';
import './source.css';

interface CommandContext {
  readonly focusSearch: () => void;
}

const commands = defineCommands<CommandContext>([
  {
    id: 'source.focus-search',
    label: 'Search facts',
    bindings: [{ keys: ['/'] }],
    enabled: () => true,
    perform: (ctx) => ctx.focusSearch(),
  },
]);

export default function SourceScreen() {
  const pack = useSourceData((s) => s.pack);
  const loadPack = useSourceData((s) => s.loadPack);
  const loadProgress = useSourceData((s) => s.loadProgress);

  useEffect(() => {
    void loadPack();
    void loadProgress();
  }, [loadPack, loadProgress]);

  return (
    <section
      aria-labelledby="source-title"
      className="source-screen"
      data-screen-ready={pack.status === 'ready' ? 'source' : undefined}
    >
      <header className="screen-header">
        <h1 id="source-title">Source</h1>
      </header>
      {pack.status === 'loading' && <Loading label="Loading the review and its facts…" />}
      {pack.status === 'error' && (
        <ErrorMessage error={new Error(pack.message)} onRetry={() => void loadPack()} />
      )}
      {pack.status === 'ready' && <SourceContent pack={pack.value} />}
    </section>
  );
}

function SourceContent({ pack }: { readonly pack: Pack }) {
  const progress = useSourceData((s) => s.progress);
  const loadProgress = useSourceData((s) => s.loadProgress);
  const query = useSourceFilters((s) => s.query);
  const filters = useSourceFilters((s) => s.filters);
  const setQuery = useSourceFilters((s) => s.setQuery);
  const setFilters = useSourceFilters((s) => s.setFilters);
  const clear = useSourceFilters((s) => s.clear);
  const searchInputRef = useRef<HTMLInputElement>(null);

  const [location] = useLocation();
  const linkedFactId = linkedFact(location, useSearch());
  const search = useFactSearch(pack, query);

  const progressValue = progress.status === 'ready' ? progress.value : undefined;
  const coverage = useMemo(
    () => coverageIndex(pack.facts, progressValue?.mastery, progressValue?.coverage),
    [pack, progressValue],
  );
  const lookups = useMemo((): FactLookups => {
    const names = new Map(pack.entities.map((entity) => [entity.id, entity.name]));
    const references = new Map(pack.references.map((reference) => [reference.id, reference]));
    const edges = edgesByFact(pack);
    return {
      nameOf: (id) => names.get(id) ?? id,
      referenceOf: (id) => references.get(id),
      labelOf: (reference: Reference) => referenceLabel(reference),
      reviewReferenceId: pack.manifest.reviewReference,
      sectionOf: (id) => sectionById(pack.manifest, id),
      edgesOf: (id) => edges.get(id) ?? [],
      coverageOf: (id) => (progressValue ? coverage.get(id) : undefined),
    };
  }, [pack, coverage, progressValue]);
  const groups = useMemo(() => groupByTopic(pack), [pack]);

  useLinkedFact(linkedFactId, clear);

  const focusSearch = useCallback(() => searchInputRef.current?.focus(), []);
  useCommands(commands, { focusSearch });

  const showTopic = (topicId: string) => {
    setQuery('');
    setFilters({ topic: topicId, tier: 'any', highYieldOnly: false });
    requestAnimationFrame(() => jumpTo('source-facts'));
  };

  return (
    <>
      <p className="source-intro">
        The review this app teaches, what its sources could and could not tell us, and every fact
        with where it comes from and how well you know it.
      </p>
      <PageToc />
      <ReviewPanel pack={pack} />
      <LimitsPanel pack={pack} />
      <TopicsPanel
        groups={groups}
        mastery={progressValue?.mastery.topics}
        coverageOf={lookups.coverageOf}
        onShowTopic={showTopic}
      />
      {progress.status === 'error' && (
        <ErrorMessage
          error={new Error(`Your progress could not be read: ${progress.message}`)}
          onRetry={() => void loadProgress()}
        />
      )}
      {progress.status === 'loading' && <Loading label="Loading your coverage…" />}
      {progress.status === 'ready' && (
        <CoverageMap
          groups={groups}
          coverageOf={lookups.coverageOf}
          onOpenFact={(factId) => {
            window.location.hash = sourceHref(factId);
          }}
        />
      )}
      <FactsPanel
        pack={pack}
        query={query}
        filters={filters}
        search={search}
        lookups={lookups}
        linkedFactId={linkedFactId}
        searchInputRef={searchInputRef}
        onQueryChange={setQuery}
        onFiltersChange={setFilters}
        onClear={clear}
        onSearchFocus={() => void loadFuse()}
      />
      <ReportsPanel />
    </>
  );
}

const sections = [
  ['source-review', 'The review'],
  ['source-limits', 'Limits'],
  ['source-inferences', 'Inferences'],
  ['source-topics', 'Topics'],
  ['source-coverage', 'Coverage'],
  ['source-facts', 'Facts and search'],
  ['source-reports', 'Your reports'],
] as const;

/** Jumps within the page; buttons, since a `#id` link would change the hash route. */
function PageToc() {
  return (
    <nav className="page-toc" aria-label="On this page">
      <span className="muted">On this page:</span>
      <ul>
        {sections.map(([id, label]) => (
          <li key={id}>
            <button type="button" onClick={() => jumpTo(id)}>
              {label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function jumpTo(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
  heading.focus({ preventScroll: true });
}

function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ||
    document.documentElement.dataset.motion === 'reduce'
    ? 'auto'
    : 'smooth';
}

/**
 * A link to a fact (`#/source?fact=F099`) scrolls to it and moves focus there. If the search or
 * the filters hide it, they are cleared first: the learner came for that fact.
 */
function useLinkedFact(factId: string | undefined, clearFilters: () => void): void {
  const handled = useRef<string | undefined>(undefined);
  const cleared = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!factId || handled.current === factId) return;
    const element = document.getElementById(`fact-${factId}`);
    if (!element) {
      if (cleared.current !== factId) {
        cleared.current = factId;
        clearFilters();
      }
      return;
    }
    handled.current = factId;
    element.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    element.focus({ preventScroll: true });
  });
}
