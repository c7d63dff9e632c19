import { useId, useMemo, type RefObject } from 'react';
import type { Entity, Fact, Pack } from '../../../../../shared/pack/schema.ts';
import { tierOrder as tiers } from '../model/tiers.ts';
import { tierLabel } from '../../../components/TierBadge.tsx';
import { groupByTopic } from '../model/facts.ts';
import { filtersActive, passesFilters, resultSummary, type FactFilters } from '../model/search.ts';
import type { SearchState } from '../useFactSearch.ts';
import { FactCard, type FactLookups } from './FactCard.tsx';

interface Props {
  readonly pack: Pack;
  readonly query: string;
  readonly filters: FactFilters;
  readonly search: SearchState;
  readonly lookups: FactLookups;
  readonly linkedFactId: string | undefined;
  readonly searchInputRef: RefObject<HTMLInputElement | null>;
  readonly onQueryChange: (query: string) => void;
  readonly onFiltersChange: (change: Partial<FactFilters>) => void;
  readonly onClear: () => void;
  readonly onSearchFocus: () => void;
}

export function FactsPanel(props: Props) {
  const { pack, filters, search, lookups, linkedFactId } = props;
  const factById = useMemo(() => new Map(pack.facts.map((fact) => [fact.id, fact])), [pack]);
  const entityById = useMemo(
    () => new Map(pack.entities.map((entity) => [entity.id, entity])),
    [pack],
  );

  const filtered = filtersActive(filters);
  const searching = search.status === 'done';
  const facts: Fact[] = searching
    ? search.hits.facts.flatMap((id) => {
        const fact = factById.get(id);
        return fact && passesFilters(fact, filters) ? [fact] : [];
      })
    : pack.facts.filter((fact) => passesFilters(fact, filters));
  const entities: Entity[] = searching
    ? search.hits.entities.flatMap((id) => {
        const entity = entityById.get(id);
        return entity ? [entity] : [];
      })
    : [];

  const summary =
    search.status === 'searching'
      ? 'Searching…'
      : search.status === 'error'
        ? search.message
        : resultSummary(searching ? search.query : '', facts.length, entities.length, filtered);

  return (
    <section className="panel source-section" aria-labelledby="source-facts">
      <h2 id="source-facts" tabIndex={-1}>
        Facts
      </h2>
      <SearchForm {...props} filtered={filtered} />
      <p className="search-summary" role="status" aria-live="polite" aria-atomic="true">
        {summary}
      </p>
      {entities.length > 0 && <EntityResults entities={entities} />}
      {searching
        ? facts.length > 0 && (
            <div className="fact-results">
              <h3>Matching facts</h3>
              <ol className="fact-list">
                {facts.map((fact) => (
                  <li key={fact.id}>
                    <FactCard
                      fact={fact}
                      lookups={lookups}
                      headingLevel={4}
                      linked={fact.id === linkedFactId}
                    />
                  </li>
                ))}
              </ol>
            </div>
          )
        : groupByTopic(pack, facts)
            .filter((group) => group.facts.length > 0)
            .map((group) => (
              <section key={group.id} className="fact-group" aria-labelledby={`facts-${group.id}`}>
                <h3 id={`facts-${group.id}`}>
                  {group.title} <span className="muted group-count">({group.facts.length})</span>
                </h3>
                <ol className="fact-list">
                  {group.facts.map((fact) => (
                    <li key={fact.id}>
                      <FactCard
                        fact={fact}
                        lookups={lookups}
                        headingLevel={4}
                        linked={fact.id === linkedFactId}
                      />
                    </li>
                  ))}
                </ol>
              </section>
            ))}
    </section>
  );
}

function SearchForm({
  pack,
  query,
  filters,
  filtered,
  searchInputRef,
  onQueryChange,
  onFiltersChange,
  onClear,
  onSearchFocus,
}: Props & { readonly filtered: boolean }) {
  const id = useId();
  return (
    <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
      <div className="search-field">
        <label htmlFor={`${id}-q`}>Search facts and entities</label>
        <input
          ref={searchInputRef}
          id={`${id}-q`}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onFocus={onSearchFocus}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.preventDefault();
              onQueryChange('');
            }
          }}
        />
        <p id={`${id}-hint`} className="muted search-hint">
          Names, aliases or any words of a fact, or a fact number such as F001. Press <kbd>/</kbd>{' '}
          to come back here.
        </p>
      </div>
      <div className="search-filters">
        <div className="filter">
          <label htmlFor={`${id}-tier`}>Source tier</label>
          <select
            id={`${id}-tier`}
            value={filters.tier}
            onChange={(event) => onFiltersChange({ tier: tierValue(event.target.value) })}
          >
            <option value="any">Any tier</option>
            {tiers.map((tier) => (
              <option key={tier} value={tier}>
                {tierLabel(tier)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-topic`}>Topic</label>
          <select
            id={`${id}-topic`}
            value={filters.topic}
            onChange={(event) => onFiltersChange({ topic: event.target.value })}
          >
            <option value="any">Every topic</option>
            {pack.manifest.topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter filter-check">
          <input
            id={`${id}-hy`}
            type="checkbox"
            checked={filters.highYieldOnly}
            onChange={(event) => onFiltersChange({ highYieldOnly: event.target.checked })}
          />
          <label htmlFor={`${id}-hy`}>High-yield only</label>
        </div>
        <button
          type="button"
          className="btn"
          onClick={onClear}
          disabled={!filtered && query.length === 0}
        >
          Clear search and filters
        </button>
      </div>
    </form>
  );
}

function tierValue(value: string): FactFilters['tier'] {
  return tiers.find((tier) => tier === value) ?? 'any';
}

function EntityResults({ entities }: { readonly entities: readonly Entity[] }) {
  return (
    <div className="entity-results">
      <h3>Matching entities</h3>
      <ul className="entity-list">
        {entities.map((entity) => (
          <li key={entity.id} className="entity-card">
            <p className="entity-name">
              <strong>{entity.name}</strong>{' '}
              <span className="muted">{entity.type.replaceAll('-', ' ')}</span>
            </p>
            {entity.aliases.length > 0 && (
              <p className="entity-aliases">Also: {entity.aliases.join(', ')}</p>
            )}
            <p className="entity-definition">{entity.definition}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
