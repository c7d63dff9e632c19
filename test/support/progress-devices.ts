import { allCardStates } from '../../services/storage/card-states.ts';
import { runHistory } from './history.ts';
import { syntheticCards } from './synthetic-cards.ts';
import { openTestServices, testClock } from './test-services.ts';

/**
 * Devices with a seeded history of answers, undos, quizzes and settings, and what an import may
 * change on one: for the data-import-*.test.ts files.
 */

export type Services = ReturnType<typeof openTestServices>;

export const cards = syntheticCards(20, { facts: 10 });
const start = Date.parse('2025-03-03T09:00:00.000Z');

export function device(seed: number, steps = 120): Services {
  const services = openTestServices({ cards, clock: testClock(start + (seed % 7) * 60_000) });
  runHistory(services, seed, steps);
  return services;
}

/** Everything an import may change, in a comparable form (no export time, no device id). */
export function content(services: Services) {
  const document = JSON.parse(services.data.exportDocument().content) as Record<string, unknown[]>;
  const byId = (items: unknown[] | undefined) =>
    [...(items ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    events: byId(document.events),
    quizSessions: byId(document.quizSessions),
    quizAnswers: byId(document.quizAnswers),
    studySessions: byId(document.studySessions),
    settings: byId(document.settings),
    cardStates: allCardStates(services.storage),
  };
}
