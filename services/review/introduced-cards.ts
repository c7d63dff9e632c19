import type { StudyCard } from '../../shared/engine/types.ts';
import type { Catalog } from './catalog.ts';

/**
 * Which catalog cards are out of "new" (learning, review or relearning), as one flag per place in
 * teaching order, with their count. The queue needs the number of unseen cards and the first one
 * in teaching order on every call; with a flag array both cost nothing per card. Ids outside the
 * catalog are ignored: they never count as unseen or come up as new.
 */
export class IntroducedCards {
  readonly catalog: Catalog;
  readonly #flags: Uint8Array;
  #introduced = 0;

  constructor(catalog: Catalog, introducedIds: Iterable<string>) {
    this.catalog = catalog;
    this.#flags = new Uint8Array(catalog.size);
    for (const id of introducedIds) this.set(id, true);
  }

  /** Catalog cards still new. */
  get unseen(): number {
    return this.catalog.size - this.#introduced;
  }

  set(cardId: string, introduced: boolean): void {
    const rank = this.catalog.rank(cardId);
    if (rank === undefined || this.#flags[rank] === (introduced ? 1 : 0)) return;
    this.#flags[rank] = introduced ? 1 : 0;
    this.#introduced += introduced ? 1 : -1;
  }

  /** The first card in teaching order not yet introduced (and not left out). */
  firstUnseen(leaveOut: (card: StudyCard) => boolean = () => false): StudyCard | undefined {
    let rank = this.#flags.indexOf(0);
    while (rank !== -1) {
      const card = this.catalog.inTeachingOrder[rank];
      if (card && !leaveOut(card)) return card;
      rank = this.#flags.indexOf(0, rank + 1);
    }
    return undefined;
  }
}
