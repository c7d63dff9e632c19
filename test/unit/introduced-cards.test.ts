import { describe, expect, it } from 'vitest';
import { Catalog } from '../../services/review/catalog.ts';
import { IntroducedCards } from '../../services/review/introduced-cards.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';

describe('introduced cards', () => {
  // Teaching order is the reverse of id order (synthetic ranks count down).
  const cards = syntheticCards(5);
  const id = (index: number) => cards[index]?.id ?? '';

  it('counts unseen catalog cards and finds the first in teaching order', () => {
    const introduced = new IntroducedCards(new Catalog(cards), [id(4), id(2), 'gone:card']);
    expect(introduced.unseen).toBe(3);
    expect(introduced.firstUnseen()?.id).toBe(id(3));
    introduced.set(id(3), true);
    introduced.set(id(3), true);
    expect(introduced.unseen).toBe(2);
    expect(introduced.firstUnseen()?.id).toBe(id(1));
    // Undone back to new.
    introduced.set(id(4), false);
    expect(introduced.unseen).toBe(3);
    expect(introduced.firstUnseen()?.id).toBe(id(4));
    // Ids outside the catalog change nothing.
    introduced.set('gone:card', false);
    introduced.set('other:card', true);
    expect(introduced.unseen).toBe(3);
  });

  it('has no first unseen card once all are introduced, or in an empty catalog', () => {
    const all = new IntroducedCards(
      new Catalog(cards),
      cards.map((card) => card.id),
    );
    expect(all.unseen).toBe(0);
    expect(all.firstUnseen()).toBeUndefined();
    expect(new IntroducedCards(Catalog.empty(), []).firstUnseen()).toBeUndefined();
  });
});

describe('catalog', () => {
  it('ranks cards by teaching order and refuses a duplicate id', () => {
    const cards = syntheticCards(3);
    const catalog = new Catalog(cards);
    expect(cards.map((card) => catalog.rank(card.id))).toEqual([2, 1, 0]);
    expect(catalog.card(cards[1]?.id ?? '')).toBe(cards[1]);
    expect(catalog.rank('missing')).toBeUndefined();
    expect(catalog.card('missing')).toBeUndefined();
    expect(() => new Catalog([...cards, ...cards.slice(1, 2)])).toThrow(/appears twice/);
  });
});
