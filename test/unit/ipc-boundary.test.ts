import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { z } from 'zod';
import { contract, type ChannelName } from '../../shared/contract/index.ts';
import { errorCodes } from '../../shared/contract/errors.ts';
import { openAppServices, type AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import type { HandlerRegistry } from '../../services/registry.ts';
import { tempDir } from '../support/test-scope.ts';

// Every contract channel, present and future, gets hostile payloads through the real handlers and
// services on a real (temporary) data directory: only typed envelopes may come back.

let services: AppServices;
let registry: HandlerRegistry;

beforeAll(() => {
  const dataDir = tempDir('fuzz');
  services = openAppServices({
    dataDir,
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir: path.resolve('assets/packs'),
    appVersion: '0.0.0-test',
  });
  registry = createHandlerRegistry(services);
});

afterAll(() => services.close());

const channels = Object.keys(contract) as ChannelName[];
const knownCodes = new Set<string>(errorCodes);

/** Values that are wrong in ways a confused or hostile caller produces. */
const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, 0, -1, 1e308, Number.NaN, '', 'x'.repeat(10_000), [], {}, true),
  fc.dictionary(
    fc.constantFrom(
      'id',
      'cardId',
      'rating',
      'content',
      'files',
      'path',
      'sql',
      '__proto__',
      'constructor',
    ),
    fc.anything(),
  ),
  fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant('../../etc/passwd')) }),
);

describe('every IPC channel under hostile payloads', () => {
  it.each(channels)(
    '%s answers only typed envelopes for 1,000 random payloads',
    async (channel) => {
      const responseSchema = contract[channel].response as z.ZodType;
      await fc.assert(
        fc.asyncProperty(hostile, async (payload) => {
          const answer = await registry.dispatch(channel, payload);
          if (answer.ok) {
            expect(responseSchema.safeParse(answer.value).success).toBe(true);
          } else {
            expect(knownCodes.has(answer.error.code)).toBe(true);
            expect(answer.error.message.length).toBeGreaterThan(0);
            expect(answer.error.code).not.toBe('internal');
          }
        }),
        { numRuns: 1000, seed: 20261127 },
      );
    },
  );

  it('answers a channel that does not exist with unknown-channel', async () => {
    for (const name of ['db.exec', 'fs.read', '__proto__', 'constructor', 'app.info.x', '']) {
      const answer = await registry.dispatch(name, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });
});

describe('no channel takes a path, SQL or code', () => {
  const forbidden =
    /(^|[_-])(path|paths|dir|directory|folder|sql|query|code|script|eval|exec|command|url|uri)$/i;

  function propertyNames(schema: unknown, found: string[] = []): string[] {
    if (Array.isArray(schema)) {
      for (const item of schema) propertyNames(item, found);
    } else if (schema && typeof schema === 'object') {
      for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
        if (key === 'properties' && value && typeof value === 'object')
          found.push(...Object.keys(value));
        propertyNames(value, found);
      }
    }
    return found;
  }

  it.each(channels)('%s request has no such field', (channel) => {
    const json = z.toJSONSchema(contract[channel].request as z.ZodType, {
      unrepresentable: 'any',
      io: 'input',
    });
    const names = propertyNames(json).map((n) => n.replace(/([a-z])([A-Z])/g, '$1_$2'));
    expect(names.filter((n) => forbidden.test(n))).toEqual([]);
  });
});
