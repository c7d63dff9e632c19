import fc from 'fast-check';
import {
  eventKinds,
  eventSources,
  type ReviewEvent,
} from '../../services/storage/review-events.ts';
import { flagColours } from '../../shared/engine/card-actions.ts';
import { phases, ratings } from '../../shared/engine/scheduler.ts';

/** Random review events for property tests: every kind, with the fields its kind requires. */

const uuid7 = fc.uuid({ version: 7 });
const nullableUuid7 = fc.option(uuid7, { nil: null });
/** Years 0 to 9999, the range a four-digit ISO year holds. */
const instant = fc.integer({
  min: Date.parse('0000-01-01T00:00:00.000Z'),
  max: Date.parse('9999-12-31T23:59:59.999Z'),
});
const studyDay = fc
  .date({
    min: new Date(Date.UTC(1970, 0, 1)),
    max: new Date(Date.UTC(2999, 11, 31)),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Any event the app could write: every kind, with the fields its kind requires. */
export const validEvent: fc.Arbitrary<ReviewEvent> = fc
  .record({
    id: uuid7,
    deviceId: fc.string({ minLength: 1, maxLength: 64 }),
    packId: fc.constantFrom('il32-gamma', 'wnt-bone'),
    cardId: fc.string({ minLength: 1, maxLength: 200 }),
    kind: fc.constantFrom(...eventKinds),
    source: fc.constantFrom(...eventSources),
    rating: fc.constantFrom(...ratings),
    undoes: uuid7,
    quizAnswerId: nullableUuid7,
    studySessionId: nullableUuid7,
    occurredAt: instant,
    studyDay,
    durationMs: fc.integer({ min: 0, max: 86_400_000 }),
    desiredRetention: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
    fuzz: fc.boolean(),
    phaseBefore: fc.constantFrom(...phases),
    phaseAfter: fc.constantFrom(...phases),
    dueAfter: instant,
    stabilityAfter: fc.double({ min: 0, max: 1e6, noNaN: true }),
    difficultyAfter: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    recordedAt: instant,
    flag: fc.constantFrom(...flagColours),
  })
  .map((event): ReviewEvent => {
    const cram = event.kind === 'cram';
    return {
      ...event,
      rating: event.kind === 'rating' || cram ? event.rating : null,
      undoes: event.kind === 'undo' ? event.undoes : null,
      flag: event.kind === 'flag' ? event.flag : null,
      source: cram ? 'review' : event.source,
      quizAnswerId: cram ? null : event.quizAnswerId,
      phaseAfter: cram ? event.phaseBefore : event.phaseAfter,
    };
  });
