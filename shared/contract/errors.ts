// Zod-free on purpose: the renderer imports this at runtime and must not pull in every schema.

export const errorCodes = [
  'invalid-request',
  'unknown-channel',
  'forbidden',
  'not-found',
  'conflict',
  'stale-state',
  'payload-too-large',
  'import-rejected',
  'pack-invalid',
  'storage-unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ContractErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
}

/** Every answer crosses the boundary in this envelope; nothing is thrown raw. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

/** A failure the learner should read. Services throw it; the dispatcher and the client carry it. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
  }
}
