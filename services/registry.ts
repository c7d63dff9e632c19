import type { z } from 'zod';
import type { ChannelName, Envelope, ResponseOf } from '../shared/contract/index.ts';
import { contract, isChannelName } from '../shared/contract/index.ts';
import { ContractError } from '../shared/contract/errors.ts';

/** How a call's answer leaves: as a value (Electron's structured clone) or as JSON bytes (HTTP). */
export type AnswerForm = 'value' | 'json';

/**
 * An answer already serialised, by whoever made it, as the whole envelope's JSON bytes (a job
 * thread does it for an export of tens of MB), so the thread answering only passes the bytes on.
 * A handler returns it only to a call answered as JSON.
 */
export class SerializedEnvelope {
  readonly json: Uint8Array;

  constructor(json: Uint8Array) {
    this.json = json;
  }
}

export type Handler<C extends ChannelName> = (
  request: z.output<(typeof contract)[C]['request']>,
  form: AnswerForm,
) => HandlerAnswer<C> | Promise<HandlerAnswer<C>>;

type HandlerAnswer<C extends ChannelName> = ResponseOf<C> | SerializedEnvelope;

/** What a transport sends back for a call that came as JSON bytes: the envelope, as JSON bytes. */
export interface BodyAnswer {
  /** The body was not JSON (the preview answers 400). */
  readonly malformed: boolean;
  readonly json: Uint8Array;
}

/** What a transport needs of the services: a registry here, or the client of a service host. */
export interface ContractDispatcher {
  dispatch(name: string, payload: unknown): Promise<Envelope<unknown>>;
  dispatchBody(name: string, body: Uint8Array): Promise<BodyAnswer>;
}

// As Buffer#toString: a byte-order mark stays (and is not JSON), bad bytes become U+FFFD.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export type HandlerMap = { [C in ChannelName]: Handler<C> };

/** Collects handlers per domain; refuses a channel twice, and a channel the contract lacks. */
export class HandlerRegistry implements ContractDispatcher {
  readonly #handlers = new Map<ChannelName, Handler<ChannelName>>();
  readonly #explain: (error: unknown) => ContractError | undefined;

  /**
   * `explain` turns a failure it recognises (a full disk) into an error for the learner; any
   * other failure is answered as `internal`.
   */
  constructor(explain: (error: unknown) => ContractError | undefined = () => undefined) {
    this.#explain = explain;
  }

  register<C extends ChannelName>(name: C, handler: Handler<C>): void {
    if (!isChannelName(name)) throw new Error(`No channel "${String(name)}" in the contract.`);
    if (this.#handlers.has(name)) throw new Error(`Channel "${name}" registered twice.`);
    this.#handlers.set(name, handler);
  }

  registerAll(handlers: Partial<HandlerMap>): void {
    for (const [name, handler] of Object.entries(handlers)) {
      this.register(name as ChannelName, handler);
    }
  }

  /** Throws when a contract channel has no handler: a gap found at start, not at first use. */
  assertComplete(): void {
    const missing = Object.keys(contract).filter(
      (name) => !this.#handlers.has(name as ChannelName),
    );
    if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  }

  /**
   * `dispatch` for a request that arrives as JSON bytes and wants its answer so (the preview's
   * HTTP body, handed to the service host untouched, so the thread answering the browser never
   * parses a 64 MB import or serialises a 64 MB export). An empty body is no payload; bytes that
   * are not JSON are `malformed`.
   */
  async dispatchBody(name: string, body: Uint8Array): Promise<BodyAnswer> {
    let payload: unknown = undefined;
    if (body.length > 0) {
      try {
        payload = JSON.parse(utf8.decode(body)) as unknown;
      } catch {
        return bodyAnswer(failure('invalid-request', 'The request body is not valid JSON.'), true);
      }
    }
    const answer = await this.#answer(name, payload, 'json');
    return answer instanceof SerializedEnvelope
      ? { malformed: false, json: answer.json }
      : bodyAnswer(answer);
  }

  /**
   * The single entry point for every transport. Parses the payload as unknown, runs the
   * handler, and answers with an envelope; never throws.
   */
  async dispatch(name: string, payload: unknown): Promise<Envelope<unknown>> {
    const answer = await this.#answer(name, payload, 'value');
    return answer instanceof SerializedEnvelope
      ? failure('internal', `${name} answered JSON bytes to a call that wants a value.`)
      : answer;
  }

  async #answer(
    name: string,
    payload: unknown,
    form: AnswerForm,
  ): Promise<Envelope<unknown> | SerializedEnvelope> {
    if (!isChannelName(name)) {
      return failure('unknown-channel', `There is no channel named "${name.slice(0, 80)}".`);
    }
    const handler = this.#handlers.get(name);
    if (!handler) return failure('unknown-channel', `Channel "${name}" has no handler.`);
    const parsed = contract[name].request.safeParse(payload);
    if (!parsed.success) {
      return failure(
        'invalid-request',
        `Invalid request for ${name}: ${describeIssues(parsed.error)}`,
      );
    }
    try {
      const value = await handler(parsed.data, form);
      return value instanceof SerializedEnvelope ? value : { ok: true, value };
    } catch (error) {
      if (error instanceof ContractError) return failure(error.code, error.message);
      const explained = this.#explain(error);
      if (explained) return failure(explained.code, explained.message);
      return failure(
        'internal',
        `${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** An envelope as the JSON bytes a transport sends on. */
export function bodyAnswer(envelope: Envelope<unknown>, malformed = false): BodyAnswer {
  return { malformed, json: envelopeJson(envelope) };
}

/** The JSON bytes of an envelope, as every transport that answers in JSON sends them. */
export function envelopeJson(envelope: Envelope<unknown>): Uint8Array {
  return utf8Encoder.encode(JSON.stringify(envelope));
}

const utf8Encoder = new TextEncoder();

function failure(code: ContractError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
