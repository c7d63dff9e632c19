import { describe, expect, it } from 'vitest';
import { envelopeJson, HandlerRegistry, SerializedEnvelope } from '../../services/registry.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { contract } from '../../shared/contract/index.ts';
import { channelNames } from '../../shared/contract/channel-names.ts';

const info = { name: 'Pathwise', version: '1', transport: 'http', dataDirKind: 'test' } as const;

describe('HandlerRegistry', () => {
  it('refuses a channel registered twice', () => {
    const registry = new HandlerRegistry();
    registry.register('app.info', () => info);
    expect(() => registry.register('app.info', () => info)).toThrow(/registered twice/);
  });

  it('refuses a channel the contract lacks', () => {
    const registry = new HandlerRegistry();
    expect(() => registry.register('nope.never' as 'app.info', () => info)).toThrow(/No channel/);
  });

  it('answers an unknown channel with a typed error', async () => {
    const registry = new HandlerRegistry();
    expect(await registry.dispatch('db.exec', { sql: 'DROP TABLE x' })).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: expect.stringContaining('db.exec') as string },
    });
  });

  it('validates the payload before the handler runs', async () => {
    const registry = new HandlerRegistry();
    let called = false;
    registry.register('app.info', () => {
      called = true;
      return info;
    });
    const answer = await registry.dispatch('app.info', { surprise: true });
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error.code).toBe('invalid-request');
    expect(called).toBe(false);
  });

  it('turns a ContractError into its code and any other throw into internal', async () => {
    const registry = new HandlerRegistry();
    registry.register('app.info', () => {
      throw new ContractError('not-found', 'gone');
    });
    expect(await registry.dispatch('app.info', undefined)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
    const other = new HandlerRegistry();
    other.register('app.info', () => {
      throw new TypeError('boom');
    });
    const answer = await other.dispatch('app.info', undefined);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: 'app.info failed: boom' },
    });
  });

  it('passes an answer serialised elsewhere on as it is, and only to a call answered as JSON', async () => {
    const registry = new HandlerRegistry();
    const forms: string[] = [];
    const json = envelopeJson({ ok: true, value: info });
    registry.register('app.info', (_request, form) => {
      forms.push(form);
      return form === 'json' ? new SerializedEnvelope(json) : info;
    });
    expect((await registry.dispatchBody('app.info', new Uint8Array())).json).toBe(json);
    expect(await registry.dispatch('app.info', undefined)).toEqual({ ok: true, value: info });
    expect(forms).toEqual(['json', 'value']);
    const wrong = new HandlerRegistry();
    wrong.register('app.info', () => new SerializedEnvelope(json));
    expect(await wrong.dispatch('app.info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/JSON bytes/) as unknown },
    });
  });

  it('reports channels without a handler', () => {
    expect(() => new HandlerRegistry().assertComplete()).toThrow(/No handler for: app\.info/);
  });
});

describe('contract', () => {
  it('lists exactly the contract channels for the preload', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort());
  });

  it('names every channel domain.verb', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });
});
