import { ContractError } from '../../shared/contract/errors.ts';
import type { ReportRequest, ReportTarget, ReportView } from '../../shared/contract/report.ts';
import type { Bank } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { publicItemId } from '../quiz/public-id.ts';
import { EventIdGenerator } from '../storage/ids.ts';
import {
  allReportEvents,
  insertReportEvent,
  reportEventById,
  type ReportEvent,
  type ReportFiled,
} from '../storage/report-rows.ts';
import type { Storage } from '../storage/storage.ts';

/** Quiz items and cards this learner reported for the pack version in use: not shown again. */
export interface HiddenItems {
  readonly quizItems: ReadonlySet<string>;
  readonly cards: ReadonlySet<string>;
}

const nothingHidden: HiddenItems = { quizItems: new Set(), cards: new Set() };

export interface ReportServiceOptions {
  readonly storage: Storage;
  readonly pack: Pack;
  readonly bank: Bank;
  readonly now: () => Date;
}

/**
 * The learner's reports of faulty quiz items and cards. A report is stored with the pack id and
 * version it was made against, and hides its item from this learner until the pack changes;
 * withdrawing appends an event and shows the item again. Nothing is ever rewritten.
 */
export class ReportService {
  readonly #storage: Storage;
  readonly #pack: Pack;
  readonly #now: () => Date;
  /** Public id → (internal id, prompt) for quiz items; card id → front for cards. */
  readonly #quizItems: ReadonlyMap<string, { readonly id: string; readonly text: string }>;
  readonly #cards: ReadonlyMap<string, string>;
  readonly #ids: EventIdGenerator;
  #idsSeededFor = -1;
  #writes = 0;
  #hidden: { readonly key: string; readonly value: HiddenItems } | undefined;

  constructor(options: ReportServiceOptions) {
    this.#storage = options.storage;
    this.#pack = options.pack;
    this.#now = options.now;
    this.#quizItems = new Map(
      options.bank.quiz.map((item) => [publicItemId(item.id), { id: item.id, text: item.prompt }]),
    );
    this.#cards = new Map(options.bank.cards.map((card) => [card.id, card.front]));
    this.#ids = new EventIdGenerator(() => this.#now().getTime());
  }

  create(request: ReportRequest): ReportView {
    const target = this.#resolve(request.target, request.id);
    const events = allReportEvents(this.#storage);
    const open = this.#views(events).find(
      (view) => view.hidden && view.target === request.target && view.targetId === target.id,
    );
    if (open) {
      throw new ContractError(
        'conflict',
        'You have already reported this; the report is listed in Source.',
      );
    }
    const note = request.note?.trim() ?? '';
    const event: ReportFiled = {
      kind: 'report',
      id: this.#newId(),
      deviceId: this.#storage.deviceId,
      target: request.target,
      targetId: target.id,
      packId: this.#pack.manifest.id,
      packVersion: this.#pack.manifest.version,
      shownText: target.text,
      reason: request.reason,
      note: note === '' ? null : note,
      occurredAt: this.#now().getTime(),
    };
    insertReportEvent(this.#storage, event);
    this.#writes += 1;
    return publicView(this.#view(event, undefined));
  }

  list(): { reports: ReportView[] } {
    const reports = this.#views(allReportEvents(this.#storage)).reverse().map(publicView);
    return { reports };
  }

  /** Withdraws a report; withdrawing one already withdrawn changes nothing. */
  withdraw(request: { readonly reportId: string }): ReportView {
    const report = reportEventById(this.#storage, request.reportId);
    if (report?.kind !== 'report') {
      throw new ContractError('not-found', 'There is no report with that id.');
    }
    const events = allReportEvents(this.#storage);
    const existing = events.find(
      (event) => event.kind === 'withdraw' && event.withdraws === report.id,
    );
    if (existing) return publicView(this.#view(report, existing));
    const withdrawal: ReportEvent = {
      kind: 'withdraw',
      id: this.#newId(),
      deviceId: this.#storage.deviceId,
      withdraws: report.id,
      occurredAt: Math.max(this.#now().getTime(), report.occurredAt),
    };
    insertReportEvent(this.#storage, withdrawal);
    this.#writes += 1;
    return publicView(this.#view(report, withdrawal));
  }

  /** What the quiz builder and the flashcard queue leave out; the same object until reports change. */
  hidden(): HiddenItems {
    if (!this.#storage.available) return nothingHidden;
    const key = `${this.#storage.generation}:${this.#writes}`;
    if (this.#hidden?.key === key) return this.#hidden.value;
    const quizItems = new Set<string>();
    const cards = new Set<string>();
    for (const view of this.#views(allReportEvents(this.#storage))) {
      if (!view.hidden) continue;
      (view.target === 'card' ? cards : quizItems).add(view.targetId);
    }
    const value = quizItems.size + cards.size === 0 ? nothingHidden : { quizItems, cards };
    this.#hidden = { key, value };
    return value;
  }

  #resolve(target: ReportTarget, id: string): { id: string; text: string } {
    if (target === 'quiz-item') {
      const item = this.#quizItems.get(id);
      if (item) return item;
      throw new ContractError('not-found', 'That question is not in the pack in use.');
    }
    const front = this.#cards.get(id);
    if (front !== undefined) return { id, text: front };
    throw new ContractError('not-found', 'That card is not in the pack in use.');
  }

  /** Reports in log order, each with its withdrawal (if any). */
  #views(events: readonly ReportEvent[]): (ReportView & { readonly targetId: string })[] {
    const withdrawals = new Map<string, ReportEvent>();
    for (const event of events) {
      if (event.kind === 'withdraw') withdrawals.set(event.withdraws, event);
    }
    return events.flatMap((event) =>
      event.kind === 'report' ? [this.#view(event, withdrawals.get(event.id))] : [],
    );
  }

  #view(
    report: ReportFiled,
    withdrawal: ReportEvent | undefined,
  ): ReportView & { readonly targetId: string } {
    const { id, version } = this.#pack.manifest;
    return {
      reportId: report.id,
      target: report.target,
      targetId: report.targetId,
      text: report.shownText,
      reason: report.reason,
      note: report.note,
      reportedAt: new Date(report.occurredAt).toISOString(),
      packVersion: report.packVersion,
      withdrawnAt: withdrawal ? new Date(withdrawal.occurredAt).toISOString() : null,
      hidden: !withdrawal && report.packId === id && report.packVersion === version,
    };
  }

  /** A fresh id after every report id stored (imports may bring later ones). */
  #newId(): string {
    if (this.#idsSeededFor !== this.#storage.generation) {
      const events = allReportEvents(this.#storage);
      this.#ids.continueAfter(
        events
          .map((event) => event.id)
          .sort()
          .at(-1) ?? null,
      );
      this.#idsSeededFor = this.#storage.generation;
    }
    return this.#ids.next();
  }
}

/** The view without the internal target id, which names the answer for some quiz items. */
function publicView({
  targetId: _internal,
  ...view
}: ReportView & { targetId: string }): ReportView {
  return view;
}
