import { createHash } from 'node:crypto';
import type { StudyCard } from '../../shared/engine/types.ts';
import type { MemoryState } from '../../shared/engine/scheduler.ts';
import { stableId, type DeckEntry } from './anki-collection.ts';
import type { ExportSource } from './export-source.ts';

const dayMs = 86_400_000;

/** Anki's tags are separated by spaces: a space inside a tag would split it in two. */
export function ankiTag(...levels: readonly string[]): string {
  return levels.map((level) => level.trim().replace(/\s+/g, '_')).join('::');
}

/** A level of a deck name: "::" would open a sub-deck. */
function deckLevel(title: string): string {
  return title.replaceAll('::', ':').trim();
}

/** Fields are HTML in Anki: the text is escaped, its line breaks kept. */
export function ankiField(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\n', '<br>');
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field, as a number. */
function checksum(sortField: string): number {
  return Number.parseInt(createHash('sha1').update(sortField).digest('hex').slice(0, 8), 16);
}

export interface NoteRow {
  readonly id: number;
  readonly guid: string;
  readonly mid: number;
  readonly mod: number;
  readonly tags: string;
  readonly flds: string;
  readonly sfld: string;
  readonly csum: number;
}

export interface CardRow {
  readonly id: number;
  readonly nid: number;
  readonly did: number;
  readonly mod: number;
  readonly type: number;
  readonly queue: number;
  readonly due: number;
  readonly ivl: number;
  readonly factor: number;
  readonly reps: number;
  readonly lapses: number;
  readonly left: number;
  readonly data: string;
}

/** A card's schedule in Anki's terms (type, queue, due, ivl, factor, left, data). */
type Schedule = Pick<
  CardRow,
  'type' | 'queue' | 'due' | 'ivl' | 'factor' | 'reps' | 'lapses' | 'left' | 'data'
>;

/** A card never studied, at its place in teaching order. */
export const newCard = (position: number): Schedule => ({
  type: 0,
  queue: 0,
  due: position,
  ivl: 0,
  factor: 0,
  reps: 0,
  lapses: 0,
  left: 0,
  data: '{}',
});

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Anki's form of a Pathwise memory state. Review cards are due on a day counted from the
 * collection's creation (`crtMs`), learning cards at a time (seconds), or on a day when their
 * step ends after today; FSRS stability and difficulty go in the card's `data` (`s`, `d`, `dr`).
 */
export function ankiSchedule(
  state: MemoryState,
  position: number,
  at: { readonly nowMs: number; readonly crtMs: number; readonly desiredRetention: number },
): Schedule {
  if (state.phase === 'new') return newCard(position);
  const dueDay = Math.max(0, Math.floor((state.due - at.crtMs) / dayMs));
  const memory =
    state.stability > 0
      ? JSON.stringify({
          s: round(state.stability, 3),
          d: round(state.difficulty, 3),
          dr: round(at.desiredRetention, 2),
        })
      : '{}';
  const common = { factor: 2500, reps: state.reps, lapses: state.lapses, data: memory };
  if (state.phase === 'review') {
    const ivl = Math.max(1, state.scheduledDays);
    return { ...common, type: 2, queue: 2, due: dueDay, ivl, left: 0 };
  }
  const type = state.phase === 'learning' ? 1 : 3;
  const ivl = state.phase === 'learning' ? 0 : Math.max(1, state.scheduledDays);
  // One step left, taken today (Anki's `left`: steps today × 1000 + steps remaining).
  const left = 1001;
  if (state.due - at.nowMs < dayMs) {
    return { ...common, type, queue: 1, due: Math.floor(state.due / 1000), ivl, left };
  }
  return { ...common, type, queue: 3, due: dueDay, ivl, left };
}

/** What decks the cards go in: `Pathwise::<pack title>::<topic title>`, parents first. */
export function deckTree(source: ExportSource): {
  decks: DeckEntry[];
  byTopic: Map<string, number>;
} {
  const root = 'Pathwise';
  const packDeck = `${root}::${deckLevel(source.pack.title)}`;
  const decks: DeckEntry[] = [
    { id: stableId(root), name: root },
    { id: stableId(packDeck), name: packDeck },
  ];
  const byTopic = new Map<string, number>();
  const used = new Set(source.cards.map((card) => card.topic));
  for (const topic of source.pack.topics) {
    if (!used.has(topic.id)) continue;
    const name = `${packDeck}::${deckLevel(topic.title)}`;
    const id = stableId(name);
    decks.push({ id, name });
    byTopic.set(topic.id, id);
  }
  return { decks, byTopic };
}

/** Front, Back, Source (each fact's sentence, then the citations) and the card's id. */
export function noteFieldValues(
  card: StudyCard,
  source: ExportSource,
): [front: string, back: string, source: string, id: string] {
  const sentences = card.factIds.flatMap((id) => source.factTexts[id] ?? []);
  const sourceText = [
    ...(sentences.length > 0 ? sentences : card.note ? [card.note] : []),
    ...new Set(card.citations.map((citation) => citation.label)),
  ].join('\n');
  // One value per field of `noteFields`, in its order.
  return [card.front, card.back, sourceText, card.id];
}

export function noteTags(card: StudyCard): string[] {
  const tiers = [...new Set(card.citations.map((citation) => citation.tier))].sort();
  return [
    ankiTag('Pathwise', 'topic', card.topic),
    ankiTag('Pathwise', 'kind', card.kind),
    ...tiers.map((tier) => ankiTag('Pathwise', 'tier', tier)),
    ...(card.highYield ? [ankiTag('Pathwise', 'high-yield')] : []),
  ];
}

export function noteRow(
  card: StudyCard,
  source: ExportSource,
  ids: { id: number; mid: number; modSecs: number },
): NoteRow {
  const values = noteFieldValues(card, source);
  const fields = values.map(ankiField);
  return {
    id: ids.id,
    // Stable, so importing a newer export updates these notes instead of adding copies.
    guid: `pathwise:${source.pack.id}:${card.id}`,
    mid: ids.mid,
    mod: ids.modSecs,
    tags: ` ${noteTags(card).join(' ')} `,
    flds: fields.join('\u001f'),
    sfld: values[0],
    csum: checksum(values[0]),
  };
}
