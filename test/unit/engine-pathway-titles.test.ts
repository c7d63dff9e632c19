import { describe, expect, it } from 'vitest';
import { titleTellsSigns } from '../../shared/pack/edge-signs.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { bundledPack } from '../support/engine.ts';

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
    // The bundled titles no longer tell signs (pack:check warns where one does), so two are
    // given such titles here: a figure's, and a pathway's that is no figure.
    const sections = bundledPack.manifest.sections.map((section) =>
      section.id === 'figure-1'
        ? { ...section, title: 'How IL-32γ drives both bone formation and bone resorption' }
        : section,
    );
    const pathways = bundledPack.pathways.map((pathway) =>
      pathway.id === 'D1'
        ? { ...pathway, title: 'How IL-32γ drives both bone formation and bone resorption' }
        : pathway.id === 'D4'
          ? { ...pathway, title: 'The IL-32 and TNF-α amplification loop in arthritis' }
          : pathway,
    );
    const pack = { ...bundledPack, manifest: { ...bundledPack.manifest, sections }, pathways };
    const telling = pack.pathways.filter((p) => titleTellsSigns(p.title));
    expect(telling.map((p) => p.id)).toEqual(['D1', 'D4']);
    const bank = generateBank(pack, { seed: 1 });
    const asked = bank.quiz.filter((item) =>
      ['diagram-edge', 'perturbation', 'diagram-node'].includes(item.kind),
    );
    expect(asked.filter((item) => item.pathwayIds.includes('D4')).length).toBeGreaterThan(0);
    for (const item of asked) {
      const caption = 'caption' in item ? item.caption : '';
      for (const pathway of telling) {
        expect(item.prompt, item.id).not.toContain(pathway.title);
        expect(caption, item.id).not.toContain(pathway.title);
      }
    }
  });
});
