import { afterEach, describe, expect, it } from 'vitest';
import { type AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import type { PrintCardSheet, PrintExam } from '../../shared/contract/print.ts';
import { printedKinds } from '../../shared/engine/print-kinds.ts';
import { openTestServices, type TestClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

// The print channels over the real bank, storage and handlers: the exam comes from the quiz
// builder with its key, the card sheet from the studied cards.

let open: (AppServices & { clock: TestClock })[] = [];
afterEach(() => {
  for (const services of open) services.close();
  open = [];
});

function setup() {
  const services = openTestServices({ dataDir: tempDir() });
  open.push(services);
  const registry = createHandlerRegistry(services);
  const dispatch = (channel: string, payload: unknown) => registry.dispatch(channel, payload);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const answer = await dispatch(channel, payload);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };
  return { services, call, dispatch };
}

describe('print.exam', () => {
  it('draws the same questions for the same seed, others for another seed', async () => {
    const { call } = setup();
    const ids = async (seed: number) =>
      (await call<PrintExam>('print.exam', { count: 20, seed })).questions.map((q) => q.item.id);
    const first = await ids(7);
    expect(first).toHaveLength(20);
    expect(new Set(first).size).toBe(20);
    expect(await ids(7)).toEqual(first);
    expect(await ids(8)).not.toEqual(first);
  });

  it('keeps to the filters and to kinds paper can ask, each with its key', async () => {
    const { call, services } = setup();
    const topic = services.packs.get().manifest.topics[0]?.id ?? '';
    const exam = await call<PrintExam>('print.exam', { count: 30, seed: 1, topics: [topic] });
    const byPublicId = new Map(services.bank.quiz.map((q) => [publicItemId(q.id), q]));
    for (const { item, key } of exam.questions) {
      const full = byPublicId.get(item.id);
      expect(full?.topic).toBe(topic);
      expect(printedKinds[item.kind].printed).toBe(true);
      expect(key.itemId).toBe(item.id);
      expect(key.explanation).toBe(full?.explanation);
      expect(key.citations.length).toBeGreaterThan(0);
      if (item.options) {
        // The key's options are the printed options, in the printed order, exactly one right.
        expect(key.options?.map((o) => o.id)).toEqual(item.options.map((o) => o.id));
        expect(key.options?.filter((o) => o.correct)).toHaveLength(1);
      } else {
        expect(key.expected.length).toBeGreaterThan(0);
      }
    }
  });

  it('prints diagram items with their drawing', async () => {
    const { call } = setup();
    const exam = await call<PrintExam>('print.exam', {
      count: 5,
      seed: 3,
      kinds: ['diagram-node', 'diagram-edge'],
    });
    expect(exam.questions.length).toBeGreaterThan(0);
    for (const { item } of exam.questions) expect(item.diagram).not.toBeNull();
  });

  it('refuses kinds paper cannot ask, and says how many fewer questions there are', async () => {
    const { call, dispatch } = setup();
    const refused = await dispatch('print.exam', { count: 5, seed: 1, kinds: ['matching'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const exam = await call<PrintExam>('print.exam', { count: 100, seed: 1, kinds: ['cloze'] });
    expect(exam.shortfall).toBe(100 - exam.questions.length);
    expect(exam.shortfall).toBeGreaterThan(0);
  });
});

describe('print.cards', () => {
  it('gives every studied card once, grouped by topic in the pack order', async () => {
    const { call, services } = setup();
    const sheets = await call<PrintCardSheet>('print.cards', {});
    const topicOrder = services.packs.get().manifest.topics.map((t) => t.id);
    const printed = sheets.map((s) => s.topicId);
    expect(printed).toEqual(topicOrder.filter((id) => printed.includes(id)));
    const ids = sheets.flatMap((s) => s.cards.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(services.bank.cards.map((c) => c.id).sort());
  });

  it('leaves out what the learner reported, on paper as in study', async () => {
    const { call, services } = setup();
    const card = services.bank.cards[0];
    const sheets = await call<PrintCardSheet>('print.cards', {});
    const exam = await call<PrintExam>('print.exam', { count: 100, seed: 2 });
    const question = exam.questions[0]?.item;
    if (!card || !question) throw new Error('the bundled bank has no cards or questions');
    await call('report.create', { target: 'card', id: card.id, reason: 'unclear' });
    await call('report.create', { target: 'quiz-item', id: question.id, reason: 'unclear' });
    const ids = (s: PrintCardSheet) => s.flatMap((sheet) => sheet.cards.map((c) => c.id));
    const after = await call<PrintCardSheet>('print.cards', {});
    expect(ids(sheets)).toContain(card.id);
    expect(ids(after)).not.toContain(card.id);
    expect(ids(after)).toHaveLength(ids(sheets).length - 1);
    const again = await call<PrintExam>('print.exam', { count: 100, seed: 2 });
    expect(again.questions.map((q) => q.item.id)).not.toContain(question.id);
  });

  it('narrows to the chosen topics and refuses an unknown one', async () => {
    const { call, dispatch, services } = setup();
    const topic = services.packs.get().manifest.topics[1]?.id ?? '';
    const sheets = await call<PrintCardSheet>('print.cards', { topics: [topic] });
    expect(sheets.map((s) => s.topicId)).toEqual([topic]);
    expect(sheets[0]?.cards.length).toBe(
      services.bank.cards.filter((c) => c.topic === topic).length,
    );
    expect(await dispatch('print.cards', { topics: ['no-such-topic'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
