import { describe, expect, it } from 'vitest';
import { titleTellsSigns } from '../../shared/pack/edge-signs.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';

/** A pathway title that names a direction gives away the signs items hide (audit L, issue 15). */
describe('pathway titles that tell signs', () => {
  it('knows a title that names a direction from one that does not', () => {
    expect(titleTellsSigns('The IL-32 and TNF-α amplification loop in arthritis')).toBe(true);
    expect(titleTellsSigns('Brakes on bone formation')).toBe(true);
    expect(titleTellsSigns('How IL-32γ drives both bone formation and bone resorption')).toBe(true);
    expect(titleTellsSigns('IL-32 signalling and processing')).toBe(false);
    expect(titleTellsSigns('IL-32 and the RANKL/OPG balance in RA synovium')).toBe(false);
  });

  it('no item that hides a sign or a direction shows such a title', () => {
    const telling = bundledPack.pathways.filter((p) => titleTellsSigns(p.title));
    expect(telling.length).toBeGreaterThan(0);
    for (const item of bundledBank.quiz) {
      if (!['diagram-edge', 'perturbation', 'diagram-node'].includes(item.kind)) continue;
      const caption = 'caption' in item ? item.caption : '';
      for (const pathway of telling) {
        expect(item.prompt, item.id).not.toContain(pathway.title);
        expect(caption, item.id).not.toContain(pathway.title);
      }
    }
  });
});
