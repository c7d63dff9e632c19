/**
 * Messages between the service host and the optimiser's process (optimiser-child.ts), sent with
 * structured clone (Node's `serialization: 'advanced'`, Electron's ports), so the review columns
 * cross as typed arrays rather than as megabytes of JSON.
 */

/** Every review (`isReview`), column by column: row i is one review. */
export interface ReviewColumns {
  /** The card, numbered by the reader. */
  readonly card: Int32Array;
  /** 1 Again … 4 Easy. */
  readonly rating: Uint8Array;
  /** Study day, in days since 1970-01-01. */
  readonly day: Int32Array;
  readonly occurredAt: Float64Array;
}

export interface OptimiseRequest {
  readonly reviews: ReviewColumns;
  /** The weights in use now, evaluated on the same reviews as the fitted ones. */
  readonly currentWeights: readonly number[];
  /** Fewer reviews at a positive interval than this and no fit is tried. */
  readonly minimumReviews: number;
}

export interface Figures {
  readonly logLoss: number;
  readonly rmse: number;
}

export interface Used {
  readonly reviewsUsed: number;
  readonly cardsUsed: number;
  readonly cardsDropped: number;
}

export type ChildMessage =
  | { readonly type: 'progress'; readonly stage: 'fitting' | 'evaluating'; readonly share: number }
  | { readonly type: 'too-little'; readonly used: Used }
  | {
      readonly type: 'result';
      readonly used: Used;
      readonly weights: readonly number[];
      readonly current: Figures;
      readonly fitted: Figures;
    }
  | { readonly type: 'error'; readonly message: string };

export function isChildMessage(value: unknown): value is ChildMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return ['progress', 'too-little', 'result', 'error'].includes(String(value.type));
}
