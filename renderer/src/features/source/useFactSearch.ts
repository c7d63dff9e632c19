import { useEffect, useMemo, useState } from 'react';
import type { Pack } from '../../../../shared/pack/schema.ts';
import { buildSearchIndex, search, type FuseConstructor, type SearchHits } from './model/search.ts';

let fuseModule: Promise<FuseConstructor> | undefined;

/** Fuse is loaded on first use (its own chunk), not with the screen. */
export function loadFuse(): Promise<FuseConstructor> {
  fuseModule ??= import('fuse.js').then((module) => module.default);
  return fuseModule;
}

const debounceMs = 120;

export type SearchState =
  | { readonly status: 'idle' }
  /** Fuse is loading, or the first query waits for the debounce. */
  | { readonly status: 'searching' }
  /** `pending`: the learner typed on; these hits are for `query` and stay shown until the next. */
  | {
      readonly status: 'done';
      readonly query: string;
      readonly hits: SearchHits;
      readonly pending: boolean;
    }
  | { readonly status: 'error'; readonly message: string };

/** The hits for the query, debounced; 'idle' while the query is empty. */
export function useFactSearch(pack: Pack | undefined, query: string): SearchState {
  const [Fuse, setFuse] = useState<FuseConstructor | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [debounced, setDebounced] = useState(query);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed.length === 0 || Fuse) return;
    let live = true;
    loadFuse().then(
      (constructor) => {
        if (live) setFuse(() => constructor);
      },
      (error: unknown) => {
        if (live) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [trimmed, Fuse]);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), debounceMs);
    return () => clearTimeout(timer);
  }, [query]);

  const index = useMemo(
    () => (Fuse && pack ? buildSearchIndex(Fuse, pack) : undefined),
    [Fuse, pack],
  );
  const hits = useMemo(
    () => (index && debounced.trim() ? search(index, debounced) : undefined),
    [index, debounced],
  );

  if (trimmed.length === 0) return { status: 'idle' };
  if (loadError) return { status: 'error', message: `Search could not start: ${loadError}` };
  if (!hits) return { status: 'searching' };
  return { status: 'done', query: debounced, hits, pending: debounced !== query };
}
