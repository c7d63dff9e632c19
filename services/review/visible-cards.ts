import type { Pack } from '../../shared/pack/schema.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import { cardStateSql } from '../storage/card-states.ts';
import { text } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';
import { Catalog } from './catalog.ts';

/**
 * Which of the pack's cards the queue and Browse may show: reported cards are hidden from both,
 * and cards suspended or buried today (held out) from the queue.
 */
export class VisibleCards {
  readonly #storage: Storage;
  readonly #now: () => Date;
  /** Every card of the pack; `catalog` is this without the hidden and held-out ones. */
  #allCards: Catalog;
  readonly #hiddenCards: () => ReadonlySet<string>;
  #visible:
    | {
        readonly hidden: ReadonlySet<string>;
        readonly held: ReadonlySet<string>;
        readonly catalog: Catalog;
      }
    | undefined;
  /** Cards suspended or buried today, read again after a card action, an import or a new day. */
  #held: { readonly key: string; readonly ids: ReadonlySet<string> } | undefined;
  #actionsWritten = 0;

  constructor(options: {
    readonly storage: Storage;
    readonly now: () => Date;
    readonly catalog: Catalog;
    readonly hiddenCards: () => ReadonlySet<string>;
  }) {
    this.#storage = options.storage;
    this.#now = options.now;
    this.#allCards = options.catalog;
    this.#hiddenCards = options.hiddenCards;
  }

  /** Every card of the pack, hidden and held-out ones included. */
  get all(): Catalog {
    return this.#allCards;
  }

  setCatalog(cards: readonly StudyCard[], pack?: Pack): void {
    this.#allCards = new Catalog(cards, pack);
    this.#visible = undefined;
  }

  /** Card actions change which cards are held out: read them again. */
  actionWritten(): void {
    this.#actionsWritten += 1;
  }

  /**
   * The cards the queue may show: neither reported, nor suspended, nor buried today. Rebuilt only
   * when one of those sets changes.
   */
  get catalog(): Catalog {
    const hidden = this.#hiddenCards();
    const held = this.#heldOut();
    if (this.#visible?.hidden !== hidden || this.#visible.held !== held) {
      const out = held.size === 0 ? hidden : new Set([...hidden, ...held]);
      this.#visible = {
        hidden,
        held,
        catalog: out.size === 0 ? this.#allCards : this.#allCards.without(out),
      };
    }
    return this.#visible.catalog;
  }

  /** Every card of the pack the learner has not reported (suspended and buried ones included). */
  get browsable(): Catalog {
    const hidden = this.#hiddenCards();
    return hidden.size === 0 ? this.#allCards : this.#allCards.without(hidden);
  }

  #heldOut(): ReadonlySet<string> {
    const today = studyDayOf(this.#now().getTime());
    const key = `${this.#storage.generation}:${this.#actionsWritten}:${today}`;
    if (this.#held?.key !== key) {
      const rows = this.#storage.statement(cardStateSql.heldOutIds).all(today);
      const ids = new Set(rows.map((row) => text(row, 'card_id')));
      const same = this.#held && sameSet(this.#held.ids, ids);
      this.#held = { key, ids: same && this.#held ? this.#held.ids : ids };
    }
    return this.#held.ids;
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}
