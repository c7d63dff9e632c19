import { afterEach } from 'vitest';
import { type AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import type { QuizItem } from '../../shared/engine/types.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { openTestServices, type TestClock } from './test-services.ts';
import { tempDir } from './test-scope.ts';

/**
 * The quiz channels end to end over the real bank (generated from the bundled pack at start), the
 * real storage and the real handlers, for the quiz-service-*.test.ts files. `setup` opens the
 * services on a data folder (a fresh one unless given) and calls their channels; whatever it
 * opened is closed after each test, except what `forget` is told the test closed itself.
 */
export function quizChannels() {
  let open: (AppServices & { clock: TestClock })[] = [];
  afterEach(() => {
    for (const services of open) services.close();
    open = [];
  });

  function setup(dataDir = tempDir()) {
    const services = openTestServices({ dataDir });
    open.push(services);
    const registry = createHandlerRegistry(services);
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const answer = await registry.dispatch(channel, payload);
      if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      return answer.value as T;
    };
    const fail = async (channel: string, payload: unknown) => {
      const answer = await registry.dispatch(channel, payload);
      if (answer.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return answer.error;
    };
    const byPublicId = new Map(services.bank.quiz.map((q) => [publicItemId(q.id), q]));
    const full = (id: string): QuizItem => {
      const item = byPublicId.get(id);
      if (!item) throw new Error(`no item ${id}`);
      return item;
    };
    return { services, call, fail, full, dataDir };
  }

  const forget = (services: AppServices) => {
    open = open.filter((s) => s !== services);
  };
  return { setup, forget };
}
