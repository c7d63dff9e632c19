import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFolder, packFolders, problemLines } from '../../services/packs/pack-folder.ts';
import { staleBuildOutputs } from '../../scripts/lib/pack-cli.ts';
import { repoRoot } from '../support/packs.ts';

const bundledDir = path.join(repoRoot, 'assets', 'packs');

describe('bundled packs', () => {
  it('include the default il32-gamma pack', () => {
    expect(packFolders(bundledDir)).toContain('il32-gamma');
  });

  it.each(packFolders(bundledDir))('%s validates, layout.json included', (folder) => {
    const result = loadPackFolder(path.join(bundledDir, folder));
    expect(result.ok ? [] : problemLines(result.problems)).toEqual([]);
    expect(result.ok && result.pack.layout).toBeTruthy();
  });

  it.each(packFolders(bundledDir))('%s has current layout.json and schema/', async (folder) => {
    const stale = await staleBuildOutputs(path.join(bundledDir, folder));
    expect(stale.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([]);
  });
});

describe('the il32-gamma pack', () => {
  const result = loadPackFolder(path.join(bundledDir, 'il32-gamma'));
  const pack = result.ok ? result.pack : undefined;
  const triple = (id: string) => {
    const fact = [...(pack?.facts ?? []), ...(pack?.background ?? [])].find((f) => f.id === id);
    return fact && [fact.subject, fact.subjectModifier ?? '', fact.relation, fact.object].join(' ');
  };

  it('states the facts that once inverted their text in the direction the text gives', () => {
    // Figure 2A/2B: DKK-1 brakes osteoblast differentiation; IL-32γ holds DKK-1 down.
    expect(triple('F106')).toBe('dkk-1  inhibits osteoblast-differentiation');
    expect(triple('F122')).toBe('il-32-gamma systemic decreases dkk-1');
    // Silencing IL-32γ lowers TNF-α-induced IL-6: the loss of function is in the triple.
    expect(triple('F067')).toBe('il-32-gamma silenced decreases il-6');
  });

  it('has a textbook background that names IL-32γ an isoform of IL-32', () => {
    expect(pack?.background.length).toBeGreaterThanOrEqual(40);
    expect(pack?.background.every((fact) => fact.tier === 'background')).toBe(true);
    const isoforms = pack?.background.filter(
      (f) => f.relation === 'isoform-of' && f.object === 'il-32',
    );
    expect(isoforms?.map((f) => f.subject).sort()).toEqual([
      'il-32-alpha',
      'il-32-beta',
      'il-32-delta',
      'il-32-epsilon',
      'il-32-gamma',
      'il-32-zeta',
    ]);
  });
});
