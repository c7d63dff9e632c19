import { useEffect, useState, type KeyboardEvent } from 'react';
import {
  browseSortKeys,
  browseStates,
  difficultyFilters,
  dueFilters,
  type BrowseSortKey,
} from '../../../../shared/engine/browse.ts';
import { flagColours, type FlagColour } from '../../../../shared/engine/card-actions.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { BrowseDetailPane } from './BrowseDetailPane.tsx';
import { BrowseRows } from './BrowseRows.tsx';
import { difficultyLabels, dueLabels, flagLabels, stateLabels } from './labels.ts';
import { StudyThese } from './StudyThese.tsx';
import { useBrowse, type ActRequest, type Filters } from './store.ts';
import './browse.css';

const sortLabels: Record<BrowseSortKey, string> = {
  text: 'Text',
  kind: 'Kind',
  topic: 'Topic',
  state: 'State',
  due: 'Due',
  difficulty: 'Difficulty',
};

interface SelectProps {
  readonly label: string;
  readonly value: string | null;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  /** The label of the "no filter" choice, whose value is null. */
  readonly any?: string;
  readonly onChange: (value: string | null) => void;
}

function FilterSelect({ label, value, options, any = 'Any', onChange }: SelectProps) {
  return (
    <label className="browse-filter">
      <span>{label}</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const asOptions = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ id: value, label: labels[value] }));

export default function BrowseScreen() {
  const filters = useBrowse((s) => s.filters);
  const list = useBrowse((s) => s.list);
  const now = useBrowse((s) => s.loadedAt);
  const error = useBrowse((s) => s.error);
  const selected = useBrowse((s) => s.selected);
  const activeId = useBrowse((s) => s.activeId);
  const detail = useBrowse((s) => s.detail);
  const status = useBrowse((s) => s.status);
  const session = useBrowse((s) => s.session);
  const { setFilters, load, setActive, toggle, selectOnly, act, study } = useBrowse.getState();
  const [flag, setFlag] = useState<FlagColour>('red');
  const [confirmForget, setConfirmForget] = useState(false);
  const [text, setText] = useState(filters.text);

  useEffect(() => {
    void load();
  }, [load]);

  // Typing filters after a short pause, so a fast typist sends one query, not one per key.
  useEffect(() => {
    if (text === useBrowse.getState().filters.text) return;
    const timer = setTimeout(() => setFilters({ text }), 150);
    return () => clearTimeout(timer);
  }, [text, setFilters]);

  if (session) return <StudyThese session={session} />;
  if (error && !list) return <ErrorMessage error={error} onRetry={() => void load()} />;
  if (!list) return <Loading label="Loading every card and quiz item…" />;

  const set = (change: Partial<Filters>) => setFilters(change);
  const count = selected.size;
  const run = (request: ActRequest) => void act(request);
  const actions: {
    key: string;
    label: string;
    shortcut: string;
    perform: () => void;
  }[] = [
    { key: 's', label: 'Suspend', shortcut: 'S', perform: () => run({ action: 'suspend' }) },
    { key: 'u', label: 'Unsuspend', shortcut: 'U', perform: () => run({ action: 'unsuspend' }) },
    { key: 'b', label: 'Bury', shortcut: 'B', perform: () => run({ action: 'bury' }) },
    { key: 'f', label: 'Flag', shortcut: 'F', perform: () => run({ action: 'flag', flag }) },
    { key: 'F', label: 'Unflag', shortcut: 'Shift+F', perform: () => run({ action: 'unflag' }) },
    { key: 'Delete', label: 'Forget…', shortcut: 'Del', perform: () => setConfirmForget(true) },
    { key: 't', label: 'Study these', shortcut: 'T', perform: () => void study() },
  ];
  const onShortcut = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const action = actions.find((candidate) => candidate.key === event.key);
    action?.perform();
    return action !== undefined;
  };

  return (
    <section className="browse-screen" aria-labelledby="browse-title" data-screen-ready="browse">
      <header className="screen-header">
        <h1 id="browse-title">Browse</h1>
        <p className="muted">
          Every card and quiz item. In the list: ↑ ↓ move, Space selects, Ctrl+A selects all; the
          action keys are on the buttons.
        </p>
      </header>
      <div className="browse-filters" role="search">
        <label className="browse-filter browse-search">
          <span>Search</span>
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="A name, a word, an abbreviation…"
          />
        </label>
        <FilterSelect
          label="Topic"
          value={filters.topic}
          options={list.topics}
          onChange={(topic) => set({ topic })}
        />
        <FilterSelect
          label="Pathway"
          value={filters.pathway}
          options={list.pathways}
          onChange={(pathway) => set({ pathway })}
        />
        <FilterSelect
          label="Kind"
          value={filters.kind}
          options={list.kinds}
          onChange={(kind) => set({ kind })}
        />
        <FilterSelect
          label="State"
          value={filters.state}
          options={asOptions(browseStates, stateLabels)}
          onChange={(state) => set({ state: browseStates.find((s) => s === state) ?? null })}
        />
        <FilterSelect
          label="Flag"
          value={filters.flag}
          options={asOptions(flagColours, flagLabels)}
          onChange={(value) => set({ flag: flagColours.find((f) => f === value) ?? null })}
        />
        <FilterSelect
          label="Due"
          value={filters.due === 'any' ? null : filters.due}
          options={asOptions(dueFilters.slice(1), dueLabels)}
          onChange={(value) => set({ due: dueFilters.find((d) => d === value) ?? 'any' })}
        />
        <FilterSelect
          label="Difficulty"
          value={filters.difficulty === 'any' ? null : filters.difficulty}
          options={asOptions(difficultyFilters.slice(1), difficultyLabels)}
          onChange={(value) =>
            set({ difficulty: difficultyFilters.find((d) => d === value) ?? 'any' })
          }
        />
      </div>

      <div className="browse-toolbar" role="toolbar" aria-label="Card actions">
        <span className="browse-count" role="status">
          {list.rows.length} of {list.total} shown · {count} selected
        </span>
        {actions.map((action) =>
          action.label === 'Flag' ? (
            <span key="flag" className="browse-flag-action">
              <label>
                <span className="visually-hidden">Flag colour</span>
                <select
                  value={flag}
                  onChange={(event) =>
                    setFlag(flagColours.find((f) => f === event.target.value) ?? 'red')
                  }
                >
                  {flagColours.map((colour) => (
                    <option key={colour} value={colour}>
                      {flagLabels[colour]}
                    </option>
                  ))}
                </select>
              </label>
              <Button shortcut={action.shortcut} onClick={action.perform}>
                Flag
              </Button>
            </span>
          ) : (
            <Button
              key={action.key}
              shortcut={action.shortcut}
              variant={action.label === 'Study these' ? 'primary' : 'secondary'}
              onClick={action.perform}
            >
              {action.label}
            </Button>
          ),
        )}
      </div>
      <p className="browse-status" aria-live="polite">
        {status}
      </p>

      <div className="browse-body">
        <div className="browse-table">
          <div className="browse-head" role="group" aria-label="Sort by">
            <span className="browse-check">
              <input
                type="checkbox"
                aria-label="Select every row shown"
                checked={list.rows.length > 0 && count === list.rows.length}
                onChange={(event) =>
                  selectOnly(event.target.checked ? list.rows.map((row) => row.id) : [])
                }
              />
            </span>
            {browseSortKeys.map((key) => {
              const active = filters.sort === key;
              const direction = filters.descending ? 'descending' : 'ascending';
              return (
                <button
                  key={key}
                  type="button"
                  className={`browse-sort browse-${key}${active ? ' is-active' : ''}`}
                  aria-label={`${sortLabels[key]}${active ? `, sorted ${direction}` : ''}`}
                  onClick={() =>
                    set({ sort: key, descending: active ? !filters.descending : false })
                  }
                >
                  {sortLabels[key]}
                  {active && <span aria-hidden="true">{filters.descending ? ' ▼' : ' ▲'}</span>}
                </button>
              );
            })}
            <span className="browse-flag">Flag</span>
          </div>
          {list.rows.length === 0 ? (
            <p className="muted browse-empty">Nothing matches these filters.</p>
          ) : (
            <BrowseRows
              rows={list.rows}
              selected={selected}
              activeId={activeId}
              now={now}
              onActivate={setActive}
              onToggle={toggle}
              onSelectAll={() => selectOnly(list.rows.map((row) => row.id))}
              onShortcut={onShortcut}
            />
          )}
        </div>
        <BrowseDetailPane detail={detail} />
      </div>

      <ConfirmDialog
        open={confirmForget}
        title="Forget these cards?"
        confirmLabel="Forget"
        danger
        onConfirm={() => {
          setConfirmForget(false);
          run({ action: 'forget' });
        }}
        onCancel={() => setConfirmForget(false)}
      >
        <p>The chosen cards go back to new, as if never studied. Their history stays in the log.</p>
      </ConfirmDialog>
    </section>
  );
}
