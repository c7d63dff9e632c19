/**
 * Moving through a quiz. Questions keep the number the quiz gave them (their place in the
 * session, which a reload restores): skipping or going back changes which one is shown, never
 * its number.
 */

/** The next unanswered position after `position`, wrapping round; undefined when all are done. */
export function nextOpenPosition(
  order: readonly string[],
  position: number,
  answered: Readonly<Record<string, true>>,
): number | undefined {
  for (let step = 1; step <= order.length; step++) {
    const candidate = (position + step) % order.length;
    const id = order[candidate];
    if (id !== undefined && !answered[id]) return candidate;
  }
  return undefined;
}

/** Time spent on each question so far, with the time on the one being left added. */
export function withTimeOn(
  spent: Readonly<Record<string, number>>,
  itemId: string | undefined,
  since: number,
  now: number,
): Record<string, number> {
  if (itemId === undefined) return { ...spent };
  return { ...spent, [itemId]: (spent[itemId] ?? 0) + Math.max(0, now - since) };
}

export type NavigatorState = 'current' | 'answered' | 'open';

/** One navigator button: the question's number, where it stands, and its accessible name. */
export interface NavigatorEntry {
  readonly position: number;
  readonly number: number;
  readonly state: NavigatorState;
  readonly marked: boolean;
  readonly label: string;
}

export function navigatorEntries(
  order: readonly string[],
  position: number,
  answered: Readonly<Record<string, true>>,
  marked: Readonly<Record<string, true>>,
): NavigatorEntry[] {
  return order.map((id, index) => {
    const state: NavigatorState =
      index === position ? 'current' : answered[id] ? 'answered' : 'open';
    const isMarked = marked[id] === true;
    const parts = [
      `Question ${index + 1}`,
      answered[id] ? 'answered' : 'not answered',
      ...(isMarked ? ['marked'] : []),
    ];
    return { position: index, number: index + 1, state, marked: isMarked, label: parts.join(', ') };
  });
}
