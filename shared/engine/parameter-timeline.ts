/**
 * Which FSRS weights were in effect when: fitted weights are applied, and undone, as events in an
 * append-only log. At a moment, the weights in effect are those of the latest application made
 * before it that no undo made before it took back; undefined (FSRS's defaults) when there is none.
 * A rating is scheduled, and replayed, with the weights in effect when it was given, so applying
 * or undoing weights never changes a past answer's schedule.
 */

export interface ParameterEvent {
  readonly id: string;
  readonly kind: 'apply' | 'undo';
  /** Set for an application. */
  readonly weights: readonly number[] | null;
  /** Set for an undo: the application it takes back. */
  readonly undoes: string | null;
  readonly occurredAt: number;
}

export interface ParameterTimeline {
  /** The weights in effect at `at`; undefined for FSRS's defaults. */
  readonly weightsAt: (at: number) => readonly number[] | undefined;
  /** The application in effect at `at`, if any: what an undo at `at` would take back. */
  readonly applicationAt: (at: number) => ParameterEvent | undefined;
}

export function parameterTimeline(events: readonly ParameterEvent[]): ParameterTimeline {
  const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt || compareIds(a, b));
  const applicationAt = (at: number): ParameterEvent | undefined => {
    const inEffect: ParameterEvent[] = [];
    for (const event of sorted) {
      if (event.occurredAt > at) break;
      if (event.kind === 'apply') inEffect.push(event);
      else {
        const index = inEffect.findIndex((applied) => applied.id === event.undoes);
        if (index >= 0) inEffect.splice(index, 1);
      }
    }
    return inEffect.at(-1);
  };
  return {
    applicationAt,
    weightsAt: (at) =>
      sorted.length === 0 ? undefined : (applicationAt(at)?.weights ?? undefined),
  };
}

function compareIds(a: ParameterEvent, b: ParameterEvent): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
