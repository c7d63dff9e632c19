import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { strToU8, zipSync } from 'fflate';
import type { MemoryState } from '../../shared/engine/scheduler.ts';
import type { ReviewEvent } from '../storage/review-events.ts';
import { revlogRows, type RevlogRow } from './anki-revlog.ts';
import { collectionRow, collectionSchemaSql, stableId } from './anki-collection.ts';
import {
  ankiSchedule,
  deckTree,
  newCard,
  noteRow,
  type CardRow,
  type NoteRow,
} from './anki-notes.ts';
import type { ExportSource } from './export-source.ts';

const dayMs = 86_400_000;

export interface AnkiPackage {
  readonly bytes: Uint8Array;
  readonly cards: number;
  /** Cards that carry a schedule (not new). */
  readonly scheduled: number;
  /** Answers in the review log. */
  readonly reviews: number;
  readonly suspended: number;
}

export interface AnkiProgress {
  /** Each studied card's memory state, by card id; a card not in it is new. */
  readonly states: ReadonlyMap<string, MemoryState>;
  /** Every review event, in time order: the ratings that count become Anki's review log. */
  readonly events: Iterable<ReviewEvent>;
}

/**
 * The pack's cards as an Anki package (.apkg): a zip of the collection (`collection.anki21`, see
 * anki-collection.ts) and an empty media list. With `progress`, each card keeps its schedule and
 * FSRS memory state, its answers go in the review log, and the cards the learner reported are
 * suspended; without it every card is new.
 */
export function ankiPackage(
  source: ExportSource,
  options: { readonly nowMs: number; readonly progress?: AnkiProgress },
): AnkiPackage {
  const { nowMs, progress } = options;
  // Created at the start of the export's day (UTC): review cards' due days count from here.
  const crtMs = Math.floor(nowMs / dayMs) * dayMs;
  const modSecs = Math.floor(nowMs / 1000);
  const mid = stableId(`Pathwise card:${source.pack.id}`);
  const { decks, byTopic } = deckTree(source);
  const hidden = new Set(progress ? source.hiddenCards : []);
  const inOrder = [...source.cards].sort(
    (a, b) => a.teachingRank - b.teachingRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const notes: NoteRow[] = [];
  const cards: CardRow[] = [];
  inOrder.forEach((card, index) => {
    const id = nowMs + index;
    const position = index + 1;
    const state = progress?.states.get(card.id);
    const at = { nowMs, crtMs, desiredRetention: source.desiredRetention };
    const schedule = state ? ankiSchedule(state, position, at) : newCard(position);
    const did = byTopic.get(card.topic);
    if (did === undefined)
      throw new Error(`Card ${card.id} has topic "${card.topic}", not in the pack.`);
    notes.push(noteRow(card, source, { id, mid, modSecs }));
    cards.push({
      id,
      nid: id,
      did,
      mod: modSecs,
      ...schedule,
      // Suspended keeps the card's type and schedule; only its queue says "do not show".
      queue: hidden.has(card.id) ? -1 : schedule.queue,
    });
  });
  const col = collectionRow({
    nowMs,
    crt: Math.floor(crtMs / 1000),
    noteTypeId: mid,
    decks,
    newCardCount: inOrder.length,
    desiredRetention: source.desiredRetention,
  });
  const exportedIds = new Map(inOrder.map((card, index) => [card.id, nowMs + index]));
  const revlog = progress ? revlogRows(progress.events, exportedIds) : [];
  const collection = writeCollection(col, { notes, cards, revlog });
  const bytes = zipSync({ 'collection.anki21': collection, media: strToU8('{}') }, { level: 6 });
  return {
    bytes,
    cards: cards.length,
    scheduled: cards.filter((card) => card.type !== 0).length,
    reviews: revlog.length,
    suspended: cards.filter((card) => card.queue === -1).length,
  };
}

/** Writes the collection with node:sqlite in a temporary folder, removed whatever happens. */
function writeCollection(
  col: ReturnType<typeof collectionRow>,
  rows: {
    readonly notes: readonly NoteRow[];
    readonly cards: readonly CardRow[];
    readonly revlog: readonly RevlogRow[];
  },
): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'pathwise-export-'));
  try {
    const file = path.join(dir, 'collection.anki21');
    const db = new DatabaseSync(file);
    try {
      // A scratch file read back at once: no journal and no syncing, one transaction.
      db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF');
      db.exec('BEGIN');
      db.exec(collectionSchemaSql);
      db.prepare(
        `insert into col values (1, :crt, :mod, :mod, 11, 0, 0, 0, :conf, :models, :decks,
          :dconf, '{}')`,
      ).run({ ...col });
      const insertNote = db.prepare(
        `insert into notes values (:id, :guid, :mid, :mod, -1, :tags, :flds, :sfld, :csum, 0, '')`,
      );
      for (const note of rows.notes) insertNote.run({ ...note });
      const insertCard = db.prepare(
        `insert into cards values (:id, :nid, :did, 0, :mod, -1, :type, :queue, :due, :ivl,
          :factor, :reps, :lapses, :left, 0, 0, 0, :data)`,
      );
      for (const card of rows.cards) insertCard.run({ ...card });
      const insertReview = db.prepare(
        `insert into revlog values (:id, :cid, -1, :ease, :ivl, :lastIvl, :factor, :time, :type)`,
      );
      for (const review of rows.revlog) insertReview.run({ ...review });
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
