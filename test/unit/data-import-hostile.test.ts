import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors.ts';
import { maxImportBytes } from '../../shared/contract/data.ts';
import { documentVersion } from '../../services/data/progress-document.ts';
import { content, device } from '../support/progress-devices.ts';

// Hostile progress files: each is refused with its reason, and the local data, its backups and
// Object.prototype stay untouched. Round trips and merges: data-import-merge.test.ts.

/** A UUIDv7 made at `at` (an ISO time or epoch ms), distinct per `serial`. */
function idAt(at: string | number, serial: number): string {
  const time = (typeof at === 'number' ? at : Date.parse(at)).toString(16).padStart(12, '0');
  const tail = serial.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7000-8000-${tail}`;
}

function rejection(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'accepted', message: '' };
}

describe('hostile imports are rejected with a reason, and local data stays untouched', () => {
  const local = device(8, 60);
  const valid = JSON.parse(local.data.exportDocument().content) as {
    events: Record<string, unknown>[];
    quizSessions: Record<string, unknown>[];
    quizAnswers: Record<string, unknown>[];
    settings: Record<string, unknown>[];
  } & Record<string, unknown>;
  const firstEvent = valid.events[0] ?? {};
  const lastEvent = valid.events.at(-1) ?? {};
  const undo = valid.events.find((e) => e.kind === 'undo');

  const cases: [string, () => string, string, RegExp][] = [
    [
      'malformed JSON',
      () => '{"format": "pathwise-progress", "version": 1,',
      'import-rejected',
      /not valid JSON/,
    ],
    ['a JSON array', () => '[]', 'import-rejected', /not a JSON object/],
    [
      'another format',
      () => JSON.stringify({ ...valid, format: 'anki-deck' }),
      'import-rejected',
      /not a Pathwise progress file.*anki-deck/,
    ],
    [
      'a newer format version',
      () => JSON.stringify({ ...valid, version: documentVersion + 1 }),
      'import-rejected',
      new RegExp(`format version ${documentVersion + 1}`),
    ],
    [
      'a rating out of range',
      () => JSON.stringify({ ...valid, events: [{ ...firstEvent, rating: 5 }] }),
      'import-rejected',
      /events\.0\.rating/,
    ],
    [
      'a number where a time belongs',
      () => JSON.stringify({ ...valid, events: [{ ...firstEvent, occurredAt: 1741000000000 }] }),
      'import-rejected',
      /events\.0\.occurredAt/,
    ],
    [
      'a string where a boolean belongs',
      () => JSON.stringify({ ...valid, events: [{ ...firstEvent, fuzz: 'no' }] }),
      'import-rejected',
      /events\.0\.fuzz/,
    ],
    [
      'an object where a list belongs',
      () => JSON.stringify({ ...valid, events: {} }),
      'import-rejected',
      /events/,
    ],
    [
      'a number for a card id',
      () => JSON.stringify({ ...valid, events: [{ ...firstEvent, cardId: 42 }] }),
      'import-rejected',
      /events\.0\.cardId/,
    ],
    [
      'an unknown field',
      () => JSON.stringify({ ...valid, sql: 'DROP TABLE review_event' }),
      'import-rejected',
      /sql/,
    ],
    [
      'a prototype-polluting key',
      () => JSON.stringify(valid).replace('{', '{"__proto__": {"polluted": true},'),
      'import-rejected',
      /__proto__/,
    ],
    [
      'a non-UUIDv7 id',
      () => JSON.stringify({ ...valid, events: [{ ...firstEvent, id: '1 OR 1=1' }] }),
      'import-rejected',
      /events\.0\.id/,
    ],
    [
      'an event id reused with other content',
      () => JSON.stringify({ ...valid, events: [{ ...firstEvent, durationMs: 999_999 }] }),
      'import-rejected',
      /differs from the one already stored/,
    ],
    [
      'two different events under one id',
      () =>
        JSON.stringify({ ...valid, events: [...valid.events, { ...firstEvent, durationMs: 1 }] }),
      'import-rejected',
      /two different events/,
    ],
    [
      'an event dated in the future',
      () =>
        JSON.stringify({
          ...valid,
          events: [
            {
              ...firstEvent,
              id: idAt('2099-01-01T12:00:00.000Z', 0xff),
              occurredAt: '2099-01-01T12:00:00.000Z',
              studyDay: '2099-01-01',
            },
          ],
        }),
      'import-rejected',
      /in the future/,
    ],
    [
      'an event id made an hour after our clock, though the event is in the past',
      () =>
        JSON.stringify({
          ...valid,
          events: [{ ...lastEvent, id: idAt(local.clock.ms() + 3_600_000, 1) }],
        }),
      'import-rejected',
      /Event \S+ has an id made at 2025-\d\d-\d\dT.*, in the future \(this device's clock reads/,
    ],
    [
      'a 300-year-old event filed under today',
      () =>
        JSON.stringify({
          ...valid,
          events: [{ ...firstEvent, id: idAt(0, 2), occurredAt: '1725-03-03T09:00:00.000Z' }],
        }),
      'import-rejected',
      /is filed under study day 2025-03-03 but is dated 1725-03-03T09:00:00.000Z, which is study day 1725-03-02 to 1725-03-03/,
    ],
    [
      'a quiz answer filed under the day before its time zone allows',
      () =>
        JSON.stringify({
          ...valid,
          quizAnswers: [
            {
              ...valid.quizAnswers[0],
              id: idAt(String(valid.quizAnswers[0]?.answeredAt), 4),
              studyDay: '2025-02-28',
            },
          ],
        }),
      'import-rejected',
      /Quiz answer \S+ is filed under study day 2025-02-28/,
    ],
    [
      'an event id with the largest UUIDv7 time',
      () =>
        JSON.stringify({
          ...valid,
          events: [{ ...firstEvent, id: 'ffffffff-ffff-7fff-bfff-ffffffffffff' }],
        }),
      'import-rejected',
      /has an id made at \+010889-.*days after its own time/,
    ],
    [
      'a quiz session id made long before the session',
      () =>
        JSON.stringify({
          ...valid,
          quizSessions: [{ ...valid.quizSessions[0], id: idAt('2020-01-01T00:00:00.000Z', 3) }],
          quizAnswers: [],
        }),
      'import-rejected',
      /Quiz session \S+ has an id made at 2020-01-01T00:00:00.000Z, \d+ days before its own time/,
    ],
    [
      'a lone surrogate in a card id',
      () =>
        JSON.stringify({ ...valid, events: [{ ...firstEvent, cardId: 'card-\uD800' }] }).replace(
          /card-[^"]*"/,
          'card-\\ud800"',
        ),
      'import-rejected',
      /events\.0\.cardId contains a lone surrogate \(U\+D800\), which is not Unicode text/,
    ],
    [
      'a NUL in a topic',
      () =>
        JSON.stringify({
          ...valid,
          quizAnswers: [{ ...valid.quizAnswers[0], topic: 'topic\u0000a' }],
        }),
      'import-rejected',
      /quizAnswers\.0\.topic contains a NUL character/,
    ],
    [
      'an undo of a missing event',
      () =>
        JSON.stringify({
          ...valid,
          events: [
            {
              ...(undo ?? firstEvent),
              id: idAt(String((undo ?? firstEvent).occurredAt), 0xfe),
              kind: 'undo',
              rating: null,
              undoes: '01955b40-0000-7000-8000-0000000000fd',
            },
          ],
        }),
      'import-rejected',
      /missing/,
    ],
    [
      'a quiz answer without its session',
      () =>
        JSON.stringify({
          ...valid,
          quizSessions: [],
          quizAnswers: [
            {
              ...valid.quizAnswers[0],
              id: idAt(String(valid.quizAnswers[0]?.answeredAt), 0xfc),
              sessionId: '01955b40-0000-7000-8000-0000000000fb',
            },
          ],
        }),
      'import-rejected',
      /session .* missing/,
    ],
    [
      'a quiz score above its total',
      () =>
        JSON.stringify({
          ...valid,
          quizSessions: valid.quizSessions.map((q) => ({
            ...q,
            score: { correct: 9, total: 1, byTopic: [] },
          })),
        }),
      'import-rejected',
      /quizSessions\.0\.score/,
    ],
    [
      'an unknown setting',
      () =>
        JSON.stringify({
          ...valid,
          settings: [{ key: 'shell', value: '"rm -rf"', updatedAt: '2025-01-01T00:00:00.000Z' }],
        }),
      'import-rejected',
      /unknown setting/,
    ],
    [
      'a setting out of range',
      () =>
        JSON.stringify({
          ...valid,
          settings: [
            { key: 'desiredRetention', value: '5', updatedAt: '2025-01-01T00:00:00.000Z' },
          ],
        }),
      'import-rejected',
      /desiredRetention/,
    ],
    [
      'an oversized file',
      () => `{"pad":"${'x'.repeat(maxImportBytes)}"}`,
      'payload-too-large',
      /limited to 64 MB/,
    ],
  ];

  const before = content(local);
  const backups = local.backups.list();

  for (const [name, build, code, message] of cases) {
    it(name, () => {
      const result = rejection(() => local.data.importDocument(build()));
      expect(result.code).toBe(code);
      expect(result.message).toMatch(message);
      expect(content(local)).toEqual(before);
      expect(local.backups.list()).toEqual(backups);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
