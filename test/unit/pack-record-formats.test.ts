import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../services/data/parse-document.ts';
import { allEventsByTime } from '../../services/storage/review-events.ts';
import { checkHeader, syncFormat } from '../../services/sync/line-format.ts';
import { parseSyncRecord, recordToLine } from '../../services/sync/sync-records.ts';
import type { PackFileTexts } from '../../shared/pack/validate.ts';
import { repoRoot } from '../support/packs.ts';
import { openTestServices } from '../support/test-services.ts';

function wntBoneFiles(): PackFileTexts {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'packs', 'wnt-bone');
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json')) files[name] = readFileSync(path.join(dir, name), 'utf8');
  }
  return files;
}

/** Progress in both packs: one rating and one quiz answer in each. */
function studiedBoth() {
  const services = openTestServices();
  services.packs.import(wntBoneFiles());
  const studyOne = () => {
    const card = services.bank.cards[0];
    const queued = card && services.review.queuedCard(card.id);
    if (!card || !queued) throw new Error('no card to study');
    services.review.answer({
      cardId: card.id,
      rating: 'good',
      durationMs: 3000,
      expectedVersion: queued.stateVersion,
    });
    const { sessionId } = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    services.quizRecords.recordQuizAnswer({
      sessionId,
      itemId: 'item-1',
      kind: 'true-false',
      factIds: [],
      topic: 'topic',
      correct: true,
      response: { value: true },
      durationMs: 2000,
    });
  };
  studyOne();
  services.choosePack('wnt-bone');
  studyOne();
  return services;
}

describe('records naming their pack in files', () => {
  it('a progress document names each record’s pack, and reads back the same', () => {
    const services = studiedBoth();
    const { content } = services.data.exportDocument();
    const document = JSON.parse(content) as {
      version: number;
      events: { packId?: string }[];
      quizSessions: { packId?: string }[];
      quizAnswers: { packId?: string }[];
    };
    expect(document.version).toBe(2);
    // The legacy pack's records read as they always did; the others name their pack.
    expect(document.events.map((event) => event.packId)).toEqual([undefined, 'wnt-bone']);
    expect(document.quizSessions.map((session) => session.packId)).toEqual([undefined, 'wnt-bone']);
    expect(document.quizAnswers.map((answer) => answer.packId)).toEqual([undefined, 'wnt-bone']);
    const incoming = parseDocument(content);
    expect(incoming.events.map((event) => event.packId)).toEqual(['il32-gamma', 'wnt-bone']);
    expect(incoming.events).toEqual([...allEventsByTime(services.storage)]);
    expect(incoming.quizAnswers.map((answer) => answer.packId)).toEqual(['il32-gamma', 'wnt-bone']);
  });

  it('reads a version-1 document, which names no pack, as the legacy pack’s', () => {
    const services = studiedBoth();
    const document = JSON.parse(services.data.exportDocument().content) as Record<
      string,
      unknown[]
    >;
    const legacyOnly = (records: unknown[] | undefined) =>
      (records ?? []).filter((record) => !(record as { packId?: string }).packId);
    const v1 = {
      ...document,
      version: 1,
      events: legacyOnly(document.events),
      quizSessions: legacyOnly(document.quizSessions),
      quizAnswers: legacyOnly(document.quizAnswers),
    };
    const incoming = parseDocument(JSON.stringify(v1));
    expect(incoming.events).toHaveLength(1);
    expect(incoming.events[0]?.packId).toBe('il32-gamma');
    expect(incoming.quizSessions[0]?.packId).toBe('il32-gamma');
    expect(() => parseDocument(JSON.stringify({ ...v1, version: 3 }))).toThrow(
      /reads versions 1 to 2/,
    );
  });

  it('reads sync lines with and without a pack, and format-1 files', () => {
    const services = studiedBoth();
    const [legacy, wnt] = [...allEventsByTime(services.storage)];
    if (!legacy || !wnt) throw new Error('two events expected');
    const device = legacy.deviceId;
    const read = (line: unknown) => {
      const parsed = parseSyncRecord(JSON.parse(JSON.stringify(line)), device);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.record.r as { packId: string };
    };
    expect(read(recordToLine({ t: 'event', r: legacy })).packId).toBe('il32-gamma');
    expect(read(recordToLine({ t: 'event', r: wnt })).packId).toBe('wnt-bone');
    expect(checkHeader({ format: syncFormat, version: 1, deviceId: device }, device).ok).toBe(true);
    expect(checkHeader({ format: syncFormat, version: 2, deviceId: device }, device).ok).toBe(true);
    const newer = checkHeader({ format: syncFormat, version: 3, deviceId: device }, device);
    expect(newer).toMatchObject({ ok: false, newer: true });
  });
});
