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
