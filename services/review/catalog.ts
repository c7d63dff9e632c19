import type { StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';

/**
 * The cards the learner can study (from the generators) and the pack they came from, indexed for
 * the queue: teaching order for new cards, and fact → cards for quiz-informed scheduling.
 */
export class Catalog {
  readonly cards: readonly StudyCard[];
  readonly pack: Pack | undefined;
  readonly inTeachingOrder: readonly StudyCard[];
  /** Each card's place in `inTeachingOrder`. */
  readonly #rankById = new Map<string, number>();
  readonly #byFact = new Map<string, StudyCard[]>();

  constructor(cards: readonly StudyCard[], pack?: Pack) {
    this.cards = cards;
    this.pack = pack;
    this.inTeachingOrder = [...cards].sort(
      (a, b) => a.teachingRank - b.teachingRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    this.inTeachingOrder.forEach((card, rank) => {
      if (this.#rankById.has(card.id))
        throw new Error(`Card id "${card.id}" appears twice in the catalog.`);
      this.#rankById.set(card.id, rank);
    });
    for (const card of cards) {
      for (const factId of new Set(card.factIds)) {
        const list = this.#byFact.get(factId);
        if (list) list.push(card);
        else this.#byFact.set(factId, [card]);
      }
    }
  }

  /** The same catalog without the given cards (those the learner reported). */
  without(hidden: ReadonlySet<string>): Catalog {
    return new Catalog(
      this.cards.filter((card) => !hidden.has(card.id)),
      this.pack,
    );
  }

  static empty(): Catalog {
    return new Catalog([]);
  }

  get size(): number {
    return this.cards.length;
  }

  card(id: string): StudyCard | undefined {
    const rank = this.#rankById.get(id);
    return rank === undefined ? undefined : this.inTeachingOrder[rank];
  }

  #idsJson: string | undefined;

  /** The card ids as a JSON array, for SQLite's `json_each`: worked out once per catalog. */
  get idsJson(): string {
    this.#idsJson ??= JSON.stringify(this.cards.map((card) => card.id));
    return this.#idsJson;
  }

  has(id: string): boolean {
    return this.#rankById.has(id);
  }

  /** The card's place in teaching order (its index in `inTeachingOrder`), if it is in the catalog. */
  rank(id: string): number | undefined {
    return this.#rankById.get(id);
  }

  /** Cards testing any of the facts, each once. */
  cardsForFacts(factIds: readonly string[]): StudyCard[] {
    const found = new Map<string, StudyCard>();
    for (const factId of factIds) {
      for (const card of this.#byFact.get(factId) ?? []) found.set(card.id, card);
    }
    return [...found.values()];
  }

  topicTitle(topicId: string): string {
    return this.pack?.manifest.topics.find((topic) => topic.id === topicId)?.title ?? topicId;
  }
}
