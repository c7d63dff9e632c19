import { describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { resetConfirmation } from '../../shared/contract/data.ts';
import {
  reviewNextSchema,
  reviewAnswerSchema,
  reviewUndoSchema,
  queueCountsSchema,
} from '../../shared/contract/review.ts';
import {
  progressChartsSchema,
  progressMasterySchema,
  progressSummarySchema,
} from '../../shared/contract/progress.ts';
import { settingsSchema } from '../../shared/contract/settings.ts';
import { syntheticCards, syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

function setup() {
  const services = openTestServices({ cards: syntheticCards(8), pack: syntheticPack() });
  return { services, registry: createHandlerRegistry(services) };
}

async function call(
  registry: ReturnType<typeof createHandlerRegistry>,
  channel: string,
  payload?: unknown,
) {
  return registry.dispatch(channel, payload);
}

describe('progress channels through the contract', () => {
  it('study flow: next → answer → undo → counts, answers matching their schemas', async () => {
    const { services, registry } = setup();
    const next = await call(registry, 'review.next');
    expect(next.ok).toBe(true);
    const value = reviewNextSchema.parse(next.ok ? next.value : undefined);
    const item = value.item;
    if (!item) throw new Error('no card');
    const answer = await call(registry, 'review.answer', {
      cardId: item.card.id,
      rating: 'good',
      durationMs: 4000,
      expectedVersion: item.stateVersion,
    });
    expect(reviewAnswerSchema.safeParse(answer.ok ? answer.value : undefined).success).toBe(true);
    const stale = await call(registry, 'review.answer', {
      cardId: item.card.id,
      rating: 'good',
      durationMs: 4000,
      expectedVersion: item.stateVersion,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale-state' } });
    const undo = await call(registry, 'review.undo');
    expect(undo).toMatchObject({ ok: true, value: { cardId: item.card.id } });
    const undone = reviewUndoSchema.parse(undo.ok ? undo.value : undefined);
    expect(undone.next.item?.card.id).toBe(item.card.id);
    const counts = await call(registry, 'review.counts');
    expect(queueCountsSchema.safeParse(counts.ok ? counts.value : undefined).success).toBe(true);
    for (const [channel, schema] of [
      ['progress.summary', progressSummarySchema],
      ['progress.charts', progressChartsSchema],
      ['progress.mastery', progressMasterySchema],
      ['settings.get', settingsSchema],
    ] as const) {
      const result = await call(registry, channel);
      expect(result.ok, channel).toBe(true);
      expect(schema.safeParse(result.ok ? result.value : undefined).success, channel).toBe(true);
    }
    services.close();
  });

  it('refuses hostile or malformed payloads before any service runs', async () => {
    const { services, registry } = setup();
    const bad: [string, unknown][] = [
      ['review.answer', { cardId: 'x', rating: 'perfect', durationMs: 1, expectedVersion: 'new' }],
      ['review.answer', { cardId: 'x', rating: 'good', durationMs: -5, expectedVersion: 'new' }],
      [
        'review.answer',
        { cardId: 'x'.repeat(201), rating: 'good', durationMs: 1, expectedVersion: 'new' },
      ],
      ['review.answer', { cardId: 'x', rating: 'good', durationMs: 1 }],
      [
        'review.answer',
        {
          cardId: 'x',
          rating: 'good',
          durationMs: 1,
          expectedVersion: 'new',
          sql: 'DROP TABLE card_state',
        },
      ],
      ['review.next', { limit: 1000 }],
      ['settings.update', {}],
      ['settings.update', { desiredRetention: 0.5 }],
      ['settings.update', { desiredRetention: 1 }],
      ['settings.update', { newCardsPerDay: 1.5 }],
      ['settings.update', { theme: 'neon' }],
      ['settings.update', { examDate: '2025-02-30' }],
      ['settings.update', { examDate: '../../etc' }],
      ['data.import', { content: 42 }],
      ['data.import', { path: '/etc/passwd' }],
      ['data.reset', {}],
      ['data.reset', { confirm: 'yes' }],
      ['backup.restore', { id: '../../pathwise.sqlite' }],
      ['backup.restore', { id: '/etc/passwd' }],
      ['progress.mastery', { pathwayId: 'D1; DROP' }],
    ];
    for (const [channel, payload] of bad) {
      const answer = await call(registry, channel, payload);
      expect(answer, `${channel} ${JSON.stringify(payload).slice(0, 60)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(services.review.counts().introducedToday).toBe(0);
    expect(services.backups.list()).toEqual([]);
    services.close();
  });

  it('settings.update answers the full settings; data.reset needs the confirmation token', async () => {
    const { services, registry } = setup();
    expect(
      await call(registry, 'settings.update', { desiredRetention: 0.85, reducedMotion: 'on' }),
    ).toMatchObject({
      ok: true,
      value: { desiredRetention: 0.85, reducedMotion: 'on', theme: 'system', newCardsPerDay: 20 },
    });
    const reset = await call(registry, 'data.reset', { confirm: resetConfirmation });
    expect(reset).toMatchObject({ ok: true, value: { backup: { reason: 'before-reset' } } });
    const exported = await call(registry, 'data.export');
    expect(exported).toMatchObject({
      ok: true,
      value: { fileName: expect.stringMatching(/\.json$/) as string },
    });
    const content = exported.ok ? (exported.value as { content: string }).content : '';
    expect(await call(registry, 'data.import', { content })).toMatchObject({ ok: true });
    expect(await call(registry, 'data.import', { content: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'import-rejected' },
    });
    const backups = await call(registry, 'backup.list');
    const list = backups.ok ? (backups.value as { backups: { id: string }[] }).backups : [];
    expect(list.length).toBe(2);
    expect(await call(registry, 'backup.create')).toMatchObject({
      ok: true,
      value: { reason: 'manual' },
    });
    expect(await call(registry, 'backup.restore', { id: list[0]?.id })).toMatchObject({
      ok: true,
      value: { safetyBackup: { reason: 'before-restore' } },
    });
    expect(
      await call(registry, 'backup.restore', { id: '2020-01-01T00-00-00-000Z-manual' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    services.close();
  });
});
