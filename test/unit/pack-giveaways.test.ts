import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { titleGiveaways } from '../../shared/engine/giveaways.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { repoRoot, runPackScript } from '../support/packs.ts';
import { tempDir } from '../support/test-scope.ts';

/** Learner-facing names that give an item's answer away are warned about, never refused. */

const sclerostinDir = path.join(repoRoot, 'test', 'fixtures', 'packs', 'sclerostin-wnt');
const bundledDir = path.join(repoRoot, 'assets', 'packs', 'il32-gamma');

function load(dir: string): Pack {
  const result = loadPackFolder(dir);
  if (!result.ok) throw new Error(`${dir} is not a valid pack`);
  return result.pack;
}

const giveawaysOf = (pack: Pack) => titleGiveaways(pack, generateBank(pack, { seed: 1 }));

const sclerostin = load(sclerostinDir);
const bundled = load(bundledDir);

function withPathway(pack: Pack, change: (p: Pack['pathways'][number]) => object): Pack {
  return { ...pack, pathways: pack.pathways.map((p, i) => (i === 0 ? { ...p, ...change(p) } : p)) };
}

describe('names that give an answer away', () => {
  it('finds none in the bundled pack or the worked example', () => {
    expect(giveawaysOf(bundled)).toEqual([]);
    expect(giveawaysOf(sclerostin)).toEqual([]);
  });

  it('warns at a pathway title that names the direction its sign items ask', () => {
    const pack = withPathway(sclerostin, () => ({
      title: 'Sclerostin brakes Wnt signalling and bone formation',
    }));
    expect(giveawaysOf(pack)).toEqual([
      {
        file: 'pathways.json',
        path: [0, 'title'],
        message: expect.stringMatching(
          /^the title of pathway D1 says "brakes", which names the direction of a link, and \d+ items built from the pathway ask those directions/,
        ) as string,
      },
    ]);
  });

  it('warns at a node label that states a direction, but not at a name that carries one', () => {
    const labelled = (label: string) =>
      withPathway(sclerostin, (p) => ({
        nodes: p.nodes.map((node) => (node.entity === 'sclerostin' ? { ...node, label } : node)),
      }));
    const [warning] = giveawaysOf(labelled('Sclerostin (inhibits Wnt)'));
    expect(warning?.path).toEqual([0, 'nodes', 0, 'label']);
    expect(warning?.message).toMatch(/the label "Sclerostin \(inhibits Wnt\)" of node sclerostin/);
    expect(giveawaysOf(labelled('SOST'))).toEqual([]);
  });

  it('warns at a figure caption that names the node a hidden-node item hides', () => {
    const sections = bundled.manifest.sections.map((section) =>
      section.id === 'figure-2b'
        ? { ...section, caption: 'Low systemic IL-32γ lets DKK-1 rise and bone mass fall.' }
        : section,
    );
    const warnings = giveawaysOf({ ...bundled, manifest: { ...bundled.manifest, sections } });
    const at = bundled.manifest.sections.findIndex((section) => section.id === 'figure-2b');
    expect(warnings).toContainEqual({
      file: 'manifest.json',
      path: ['sections', at, 'caption'],
      message:
        'the figure caption (section "figure-2b") of pathway D3 names DKK-1, which a hidden-node item of the pathway asks learners to name',
    });
  });

  it('is printed by pack:check as a located warning, and the check still passes', () => {
    const dir = path.join(tempDir('pack'), 'sclerostin-wnt');
    cpSync(sclerostinDir, dir, { recursive: true });
    const file = path.join(dir, 'pathways.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace('"Sclerostin, Wnt and bone formation"', '"Sclerostin brakes Wnt signalling"'),
    );
    const { code, stdout } = runPackScript('pack-check.ts', dir);
    expect(stdout).toMatch(
      /^⚠ \S*pathways\.json:4:14 {2}\$\[0\]\.title: the title of pathway D1 says "brakes"/m,
    );
    expect(stdout).toMatch(/no problems/);
    expect(code).toBe(0);
  });
});
