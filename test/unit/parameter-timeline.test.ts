import { describe, expect, it } from 'vitest';
import { parameterTimeline, type ParameterEvent } from '../../shared/engine/parameter-timeline.ts';

const apply = (id: string, at: number, w: number): ParameterEvent => ({
  id,
  kind: 'apply',
  weights: [w],
  undoes: null,
  occurredAt: at,
});
const undo = (id: string, at: number, target: string): ParameterEvent => ({
  id,
  kind: 'undo',
  weights: null,
  undoes: target,
  occurredAt: at,
});

describe('parameter timeline', () => {
  it('gives the defaults (undefined) before any application and with no log', () => {
    expect(parameterTimeline([]).weightsAt(100)).toBeUndefined();
    expect(parameterTimeline([apply('a', 10, 1)]).weightsAt(9)).toBeUndefined();
  });

  it('keeps each rating with the weights in effect when it was given', () => {
    const timeline = parameterTimeline([
      undo('u', 30, 'b'),
      apply('a', 10, 1),
      apply('b', 20, 2),
      undo('v', 40, 'a'),
    ]);
    expect(timeline.weightsAt(10)).toEqual([1]);
    expect(timeline.weightsAt(25)).toEqual([2]);
    // Undoing the latest application restores the one before it, not the defaults.
    expect(timeline.weightsAt(35)).toEqual([1]);
    expect(timeline.applicationAt(35)?.id).toBe('a');
    expect(timeline.weightsAt(45)).toBeUndefined();
  });
});
