import { ContractError } from '../../shared/contract/errors.ts';
import type { BrowseAct, BrowseDetail, BrowseList } from '../../shared/contract/browse.ts';
import {
  buildBrowseIndex,
  type BrowseFilters,
  filterBrowse,
  type BrowseEntry,
  type BrowseIndex,
  type BrowseStatus,
} from '../../shared/engine/browse.ts';
import { flagColours } from '../../shared/engine/card-actions.ts';
import { phases } from '../../shared/engine/scheduler.ts';
import { studyDayEnd, studyDayOf } from '../../shared/engine/study-day.ts';
import type { Bank, StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import type { HiddenItems } from '../reports/report-service.ts';
import { cardStateSql, getCardState } from '../storage/card-states.ts';
import { oneOf } from '../storage/sqlite.ts';
import { eventsForCard } from '../storage/review-events.ts';
import type { Storage } from '../storage/storage.ts';
import type { ReviewService } from '../review/review-service.ts';
import { stateView } from '../review/review-service.ts';

const unstudied: BrowseStatus = {
  phase: 'new',
  due: null,
  difficulty: null,
  suspended: false,
  buried: false,
  flag: null,
  reported: false,
};

export interface BrowseServiceOptions {
  readonly storage: Storage;
  readonly pack: Pack;
  readonly bank: Bank;
  readonly review: ReviewService;
  readonly hidden: () => HiddenItems;
  readonly now: () => Date;
}

/**
 * Browse: lists every card and quiz item of the pack in use with what the learner's data says of
 * each, filtered by the pure `filterBrowse` over an index built once; writes card actions through
 * the review service, so the queue follows at once.
 */
export class BrowseService {
  readonly #options: BrowseServiceOptions;
  #index: BrowseIndex | undefined;
  readonly #cards: ReadonlyMap<string, StudyCard>;
  #statuses:
    | {
        readonly key: string;
        readonly hidden: HiddenItems;
        readonly value: ReadonlyMap<string, BrowseStatus>;
      }
    | undefined;

  constructor(options: BrowseServiceOptions) {
    this.#options = options;
    this.#cards = new Map(options.bank.cards.map((card) => [card.id, card]));
  }

  get #browseIndex(): BrowseIndex {
    this.#index ??= buildBrowseIndex(
      this.#options.pack,
      this.#options.bank.cards,
      this.#options.bank.quiz,
    );
    return this.#index;
  }

  list(filters: BrowseFilters): BrowseList {
    const now = this.#options.now().getTime();
    const statusOf = this.#statusReader(now);
    const index = this.#browseIndex;
    const rows = filterBrowse(index, statusOf, filters, { dayEnd: studyDayEnd(now) });
    const { pack } = this.#options;
    const kinds = [...new Set(index.entries.map((entry) => entry.kind))];
    return {
      rows,
      total: index.entries.length,
      topics: pack.manifest.topics.map((topic) => ({ id: topic.id, label: topic.title })),
      pathways: pack.pathways.map((pathway) => ({ id: pathway.id, label: pathway.title })),
      kinds: kinds.map((kind) => ({ id: kind, label: kind })),
    };
  }

  detail(id: string): BrowseDetail {
    const entry = this.#browseIndex.entries.find((candidate) => candidate.id === id);
    if (!entry) throw new ContractError('not-found', `There is no card or quiz item "${id}".`);
    const now = this.#options.now().getTime();
    const status = this.#statusReader(now)(entry);
    const factById = new Map(this.#options.pack.facts.map((fact) => [fact.id, fact]));
    const card = this.#cards.get(id);
    const item = card ? undefined : this.#options.bank.quiz.find((quiz) => quiz.id === id);
    const factIds = card?.factIds ?? item?.factIds ?? [];
    const record = card ? getCardState(this.#options.storage, id) : undefined;
    const events = card ? eventsForCard(this.#options.storage, id) : [];
    const undone = new Set(events.flatMap((event) => (event.undoes ? [event.undoes] : [])));
    return {
      id,
      itemType: entry.itemType,
      kind: entry.kind,
      topicTitle: entry.topicTitle,
      front: card?.front ?? item?.prompt ?? entry.text,
      back: card?.back ?? item?.explanation ?? '',
      facts: factIds.map((factId) => ({ id: factId, text: factById.get(factId)?.text ?? '' })),
      state: record && record.state.phase !== 'new' ? stateView(record.state, now) : null,
      suspended: status.suspended,
      buried: status.buried,
      flag: status.flag,
      events: events.map((event) => ({
        id: event.id,
        kind: event.kind,
        source: event.source,
        rating: event.rating,
        flag: event.flag,
        occurredAt: new Date(event.occurredAt).toISOString(),
        undone: undone.has(event.id),
        phaseAfter: event.phaseAfter,
        stabilityAfter: event.stabilityAfter,
        difficultyAfter: event.difficultyAfter,
      })),
    };
  }

  act(request: BrowseAct): { changed: number } {
    const quizIds = request.cardIds.filter((id) => !this.#cards.has(id));
    if (quizIds.length > 0) {
      throw new ContractError(
        'invalid-request',
        `Only cards can be suspended, buried, flagged or forgotten; "${quizIds[0]}" is not a card.`,
      );
    }
    const action =
      request.action === 'flag'
        ? { kind: 'flag' as const, flag: request.flag }
        : { kind: request.action };
    return { changed: this.#options.review.act(request.cardIds, action).length };
  }

  /**
   * What the learner's data says of each row now. The card states are read once per change of
   * the data (a write, an import or sync, a report, a new day), not once per query.
   */
  #statusReader(now: number): (entry: BrowseEntry) => BrowseStatus {
    const statuses = this.#cardStatuses(now);
    const hidden = this.#options.hidden();
    return (entry) =>
      statuses.get(entry.id) ?? {
        ...unstudied,
        phase: entry.itemType === 'quiz' ? null : 'new',
        reported: (entry.itemType === 'quiz' ? hidden.quizItems : hidden.cards).has(entry.id),
      };
  }

  #cardStatuses(now: number): ReadonlyMap<string, BrowseStatus> {
    const { storage, review } = this.#options;
    const hidden = this.#options.hidden();
    const today = studyDayOf(now);
    const siblings = review.siblingsBuriedToday();
    const key = `${storage.generation}:${review.writes}:${today}:${siblings.empty}`;
    if (this.#statuses?.key === key && this.#statuses.hidden === hidden) {
      return this.#statuses.value;
    }
    const value = new Map<string, BrowseStatus>();
    for (const row of storage.statement(cardStateSql.browseColumns).all()) {
      const id = String(row.card_id);
      const phase = oneOf(row, 'phase', phases);
      const card = this.#cards.get(id);
      const siblingBuried =
        !siblings.empty &&
        card !== undefined &&
        (phase === 'new' || phase === 'review') &&
        siblings.buries(card);
      const flag = row.flag === null ? null : oneOf(row, 'flag', flagColours);
      value.set(id, {
        phase,
        due: Number(row.due),
        difficulty: phase === 'new' ? null : Number(row.difficulty),
        suspended: row.suspended === 1,
        buried: row.buried_day === today || siblingBuried,
        flag,
        reported: hidden.cards.has(id),
      });
    }
    if (!siblings.empty) {
      // Cards never rated have no state row, but a sibling answered today buries them too.
      for (const card of this.#options.bank.cards) {
        if (!value.has(card.id) && siblings.buries(card)) {
          value.set(card.id, {
            ...unstudied,
            phase: 'new',
            buried: true,
            reported: hidden.cards.has(card.id),
          });
        }
      }
    }
    this.#statuses = { key, hidden, value };
    return value;
  }
}
