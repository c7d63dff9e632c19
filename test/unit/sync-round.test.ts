import { appendFileSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCardStates } from '../../services/storage/card-states.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { maxLineBytes } from '../../services/sync/file-reader.ts';
import { encodeLine, syncFileName } from '../../services/sync/line-format.ts';
import { runSyncRound } from '../../services/sync/sync-round.ts';
import { syntheticCards } from '../support/synthetic-cards.ts';
import { openTestServices, testClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

type Services = ReturnType<typeof openTestServices>;

const cards = syntheticCards(12);

function device(clock = testClock()): Services {
  return openTestServices({ cards, clock });
}

function study(services: Services, answers: number): void {
  for (let i = 0; i < answers; i += 1) {
    const next = services.review.next();
    if (!next.item) return;
    services.review.answer({
      cardId: next.item.card.id,
      rating: i % 3 === 0 ? 'again' : 'good',
      durationMs: 2000,
      expectedVersion: next.item.stateVersion,
    });
    services.clock.advance(30_000);
  }
}

function sync(services: Services, folder: string) {
  return runSyncRound(services.storage, { folder, now: services.clock.ms });
}

const eventCount = (services: Services) =>
  Number(services.storage.statement(eventSql.count).get()?.n);

describe('a sync round', () => {
  it('brings a rating made on one device to another, and a second round changes nothing', () => {
    const folder = tempDir('sync-folder');
    const a = device();
    const b = device();
    study(a, 5);
    const sentA = sync(a, folder);
    expect(sentA.sent.events).toBe(5);
    expect(sentA.problems).toEqual([]);
    const gotB = sync(b, folder);
    expect(gotB.received.events).toBe(5);
    expect(gotB.problems).toEqual([]);
    expect(allCardStates(b.storage)).toEqual(allCardStates(a.storage));

    const again = [sync(a, folder), sync(b, folder)];
    for (const round of again) {
      expect(round.received.events + round.sent.events).toBe(0);
    }
    expect(readdirSync(folder).sort()).toEqual(
      [syncFileName(a.storage.deviceId), syncFileName(b.storage.deviceId)].sort(),
    );
  });

  it('merges quiz sessions and answers by id (a finished quiz arrives finished), and settings last-writer-wins', () => {
    const folder = tempDir('sync-folder');
    const a = device();
    const b = device();
    const { sessionId } = a.quizRecords.startQuizSession({ mode: 'practice', config: { size: 2 } });
    a.quizRecords.recordQuizAnswer({
      sessionId,
      itemId: 'item-1',
      kind: 'mcq',
      factIds: ['F001'],
      topic: 'topic-a',
      correct: true,
      response: { choice: 1 },
      durationMs: 4000,
    });
    a.settings.update({ newCardsPerDay: 7 });
    sync(a, folder);
    expect(sync(b, folder).received).toMatchObject({
      quizSessions: 1,
      quizAnswers: 1,
      settings: 1,
    });
    expect(b.quizRecords.unfinishedSince(0).map((session) => session.id)).toEqual([sessionId]);

    // Finished later on a; a newer setting on b wins over a's older one, on both.
    a.clock.advance(60_000);
    a.quizRecords.finishQuizSession({ sessionId });
    b.clock.advance(120_000);
    b.settings.update({ newCardsPerDay: 12 });
    sync(a, folder);
    sync(b, folder);
    sync(a, folder);
    expect(b.quizRecords.answers(sessionId)).toEqual(a.quizRecords.answers(sessionId));
    expect(b.quizRecords.session(sessionId)).toEqual(a.quizRecords.session(sessionId));
    expect(b.quizRecords.session(sessionId).finishedAt).not.toBeNull();
    expect(a.settings.get().newCardsPerDay).toBe(12);
    expect(b.settings.get().newCardsPerDay).toBe(12);
  });

  it('waits for a half-copied last line, and reports a damaged line in the middle by file and line', () => {
    const folder = tempDir('sync-folder');
    const a = device();
    study(a, 4);
    sync(a, folder);
    const name = syncFileName(a.storage.deviceId);
    const file = path.join(folder, name);
    const whole = readFileSync(file);

    // b sees a copy cut in the middle of the last line: three events now, the fourth later.
    const copy = tempDir('sync-copy');
    const copied = path.join(copy, name);
    writeFileSync(copied, whole);
    truncateSync(copied, whole.length - 40);
    const b = device();
    const first = sync(b, copy);
    expect(first.received.events).toBe(3);
    expect(first.problems).toEqual([]);
    writeFileSync(copied, whole);
    expect(sync(b, copy).received.events).toBe(1);
    expect(eventCount(b)).toBe(4);

    // Line 2 is the study session, 3 to 6 the events. A flipped byte in line 4 with lines after
    // it: reported, nothing after it guessed.
    const damaged = Buffer.from(whole);
    const lines = whole.toString('utf8').split('\n');
    const lineStart = Buffer.byteLength(lines.slice(0, 3).join('\n') + '\n');
    damaged[lineStart + 30] = damaged[lineStart + 30] === 0x61 ? 0x62 : 0x61;
    const other = tempDir('sync-damaged');
    writeFileSync(path.join(other, name), damaged);
    const c = device();
    const round = sync(c, other);
    expect(round.received.events).toBe(1);
    expect(round.problems).toHaveLength(1);
    expect(round.problems[0]).toMatchObject({ file: name, line: 4 });
    expect(round.problems[0]?.message).toMatch(/line 4 is damaged: its checksum is/);
  });

  it('reads a file that shrank or changed again from its start, and merging twice adds nothing', () => {
    const folder = tempDir('sync-folder');
    const a = device();
    study(a, 3);
    sync(a, folder);
    const file = path.join(folder, syncFileName(a.storage.deviceId));
    const whole = readFileSync(file);
    const b = device();
    expect(sync(b, folder).linesRead).toBe(5);

    // The sync service puts back an older copy (the header alone): read again from the start.
    // Then the whole file again: it continues after the header, which has not changed.
    truncateSync(file, whole.indexOf('\n') + 1);
    expect(sync(b, folder)).toMatchObject({ linesRead: 1, problems: [] });
    writeFileSync(file, whole);
    const again = sync(b, folder);
    expect(again).toMatchObject({ linesRead: 4, problems: [] });
    expect(again.received.events).toBe(0);
    expect(eventCount(b)).toBe(3);
  });

  it('reports a line longer than any record instead of holding it in memory', () => {
    const folder = tempDir('sync-folder');
    const deviceId = '0f0e0d0c-aaaa-4bbb-8ccc-123456789abd';
    const name = syncFileName(deviceId);
    writeFileSync(
      path.join(folder, name),
      encodeLine({ format: 'pathwise-sync', version: 1, deviceId }) + 'x'.repeat(maxLineBytes + 10),
    );
    const round = sync(device(), folder);
    expect(round.problems).toHaveLength(1);
    expect(round.problems[0]).toMatchObject({ file: name, line: 2 });
    expect(round.problems[0]?.message).toMatch(/line 2 is longer than 1 MiB/);
  });

  it('reports a file from a newer format version and reads nothing of it', () => {
    const folder = tempDir('sync-folder');
    const name = syncFileName('0f0e0d0c-aaaa-4bbb-8ccc-123456789abc');
    writeFileSync(
      path.join(folder, name),
      encodeLine({ format: 'pathwise-sync', version: 99, deviceId: name.split('.')[0] }),
    );
    appendFileSync(path.join(folder, name), encodeLine({ t: 'future-kind', r: {} }));
    const a = device();
    const round = sync(a, folder);
    expect(round.problems).toHaveLength(1);
    expect(round.problems[0]).toMatchObject({ file: name, line: 1 });
    expect(round.problems[0]?.message).toMatch(/written by a newer Pathwise \(sync format 99/);
    expect(round.received.events).toBe(0);
  });

  it('refuses a missing folder and a file given as the folder, saying which', () => {
    const a = device();
    const folder = tempDir('sync-folder');
    expect(() => sync(a, path.join(folder, 'not-there'))).toThrow(/not-there does not exist/);
    writeFileSync(path.join(folder, 'a-file'), 'x');
    expect(() => sync(a, path.join(folder, 'a-file'))).toThrow(/is a file, not a folder/);
  });
});
