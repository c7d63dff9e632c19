import { cardStateSql, type CardStateRecord } from '../storage/card-states.ts';
import { text } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import type { Catalog } from './catalog.ts';
import { IntroducedCards } from './introduced-cards.ts';

/**
 * Catalog cards out of "new", read once per catalog and storage generation and kept current by
 * our writes.
 */
export class IntroducedIndex {
  readonly #storage: Storage;
  readonly #catalog: () => Catalog;
  #introduced: IntroducedCards | undefined;
  #generation = -1;

  constructor(storage: Storage, catalog: () => Catalog) {
    this.#storage = storage;
    this.#catalog = catalog;
  }

  cards(): IntroducedCards {
    if (this.#introduced && this.#isCurrent()) return this.#introduced;
    const ids = this.#storage
      .statement(cardStateSql.introducedIds)
      .all()
      .map((row) => text(row, 'card_id'));
    this.#introduced = new IntroducedCards(this.#catalog(), ids);
    this.#generation = this.#storage.generation;
    return this.#introduced;
  }

  /** A committed write of this card state. */
  note(record: CardStateRecord): void {
    if (this.#isCurrent()) {
      this.#introduced?.set(record.cardId, record.state.phase !== 'new');
    }
  }

  /** A rolled-back write: what we hold may be wrong, so read it again. */
  forget(): void {
    this.#introduced = undefined;
  }

  #isCurrent(): boolean {
    return (
      this.#introduced?.catalog === this.#catalog() && this.#generation === this.#storage.generation
    );
  }
}
