/**
 * What the learner can do to a card besides rating it (Browse, issue 12). Each is an event in the
 * review log, so it syncs, exports and replays like a rating, but none is a review.
 */

export const cardActionKinds = [
  'suspend',
  'unsuspend',
  'bury',
  'flag',
  'unflag',
  'forget',
] as const;
export type CardActionKind = (typeof cardActionKinds)[number];

/** Anki's flag colours, in Anki's order. */
export const flagColours = [
  'red',
  'orange',
  'green',
  'blue',
  'pink',
  'turquoise',
  'purple',
] as const;
export type FlagColour = (typeof flagColours)[number];

/** Each flag as the learner reads it. */
export const flagNames: Record<FlagColour, string> = {
  red: 'Red',
  orange: 'Orange',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  turquoise: 'Turquoise',
  purple: 'Purple',
};

export function isFlagColour(value: unknown): value is FlagColour {
  return (flagColours as readonly unknown[]).includes(value);
}

export function isCardActionKind(kind: string): kind is CardActionKind {
  return (cardActionKinds as readonly string[]).includes(kind);
}

/** What the actions leave on a card, apart from its memory state. */
export interface CardMarks {
  readonly suspended: boolean;
  /** The study day a bury holds the card out for; it is back the next study day. */
  readonly buriedDay: string | null;
  readonly flag: FlagColour | null;
}

export const noMarks: CardMarks = { suspended: false, buriedDay: null, flag: null };

/** The marks after one action; `forget` leaves them as they are (it resets the memory state). */
export function applyAction(
  marks: CardMarks,
  action: {
    readonly kind: CardActionKind;
    readonly flag: FlagColour | null;
    readonly studyDay: string;
  },
): CardMarks {
  switch (action.kind) {
    case 'suspend':
      return { ...marks, suspended: true };
    case 'unsuspend':
      return { ...marks, suspended: false };
    case 'bury':
      return { ...marks, buriedDay: action.studyDay };
    case 'flag':
      return { ...marks, flag: action.flag };
    case 'unflag':
      return { ...marks, flag: null };
    case 'forget':
      return marks;
  }
}

/** Held out of the flashcard queue today: suspended, or buried for today. */
export function isHeldOut(marks: CardMarks, today: string): boolean {
  return marks.suspended || marks.buriedDay === today;
}
