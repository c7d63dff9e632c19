import { useEffect, useState } from 'react';
import type { StudyCard } from '../../../../shared/engine/types.ts';
import type { Pack } from '../../../../shared/pack/schema.ts';

/**
 * The flashcards that test given facts, from the same generator the study queue uses. Generated
 * once per pack, on first need, in a lazily loaded chunk (the generator is not needed to draw).
 */
const byPack = new WeakMap<Pack, Promise<ReadonlyMap<string, readonly StudyCard[]>>>();

function cardsByFact(pack: Pack): Promise<ReadonlyMap<string, readonly StudyCard[]>> {
  let cached = byPack.get(pack);
  if (!cached) {
    cached = Promise.all([
      import('../../../../shared/engine/cards.ts'),
      import('../../../../shared/engine/pack-index.ts'),
    ]).then(([{ generateCards }, { indexPack }]) => {
      const index = new Map<string, StudyCard[]>();
      for (const card of generateCards(indexPack(pack)))
        for (const factId of new Set(card.factIds)) {
          const list = index.get(factId);
          if (list) list.push(card);
          else index.set(factId, [card]);
        }
      return index;
    });
    byPack.set(pack, cached);
  }
  return cached;
}

export type CardsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly cards: readonly StudyCard[] }
  | { readonly status: 'error'; readonly message: string };

export function useCardsForFacts(pack: Pack, factIds: readonly string[]): CardsState {
  const key = factIds.join(',');
  const [state, setState] = useState<{ key: string; value: CardsState }>({
    key: '',
    value: { status: 'loading' },
  });
  useEffect(() => {
    let live = true;
    cardsByFact(pack)
      .then((index) => {
        if (!live) return;
        const found = new Map<string, StudyCard>();
        for (const id of key.split(','))
          for (const card of index.get(id) ?? []) found.set(card.id, card);
        setState({ key, value: { status: 'ready', cards: [...found.values()] } });
      })
      .catch((error: unknown) => {
        if (live)
          setState({
            key,
            value: {
              status: 'error',
              message: error instanceof Error ? error.message : String(error),
            },
          });
      });
    return () => {
      live = false;
    };
  }, [pack, key]);
  return state.key === key ? state.value : { status: 'loading' };
}
