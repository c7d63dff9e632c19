import { describe, expect, it } from 'vitest';
import {
  edgeAriaLabel,
  edgeGlyph,
  edgeSentence,
  markerId,
  nodeAriaLabel,
} from '../../renderer/src/features/pathways/model/notation.ts';
import {
  cascadeSources,
  cascadesFrom,
  chainPolarity,
} from '../../renderer/src/features/pathways/model/cascade.ts';
import { matchesAnswer } from '../../shared/engine/normalize.ts';
import { namesMatch } from '../../shared/engine/node-names.ts';
import {
  parsePathwaysLink,
  pathwaysHref,
  resolveLink,
} from '../../renderer/src/features/pathways/model/deep-link.ts';
import { edgeSigns, type Pathway } from '../../shared/pack/schema.ts';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { repoRoot } from '../support/packs.ts';
import path from 'node:path';

const loaded = loadPackFolder(path.join(repoRoot, 'assets', 'packs', 'il32-gamma'));
if (!loaded.ok) throw new Error('bundled pack does not load');
const pack = loaded.pack;
const pathway = (id: string): Pathway => {
  const found = pack.pathways.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('notation', () => {
  it('gives every sign a distinct look that does not rest on colour', () => {
    const looks = edgeSigns.map((sign) => {
      const g = edgeGlyph(sign);
      return `${g.marker}/${g.pattern}/${g.cue ?? ''}`;
    });
    expect(new Set(looks).size).toBe(edgeSigns.length);
  });

  it('ends positive influence in an arrow, negative in a bar, no difference in nothing', () => {
    expect(edgeGlyph('stimulates').marker).toBe('arrow');
    expect(edgeGlyph('increases-level')).toMatchObject({ marker: 'arrow', cue: '↑' });
    expect(edgeGlyph('inhibits').marker).toBe('bar');
    expect(edgeGlyph('decreases-level')).toMatchObject({ marker: 'bar', cue: '↓' });
    expect(edgeGlyph('no-difference')).toMatchObject({
      marker: 'none',
      pattern: 'dotted',
      cue: '=',
    });
    expect(markerId('none', 'neutral')).toBeUndefined();
    expect(markerId('bar', 'inhib')).toBe('pw-marker-bar-inhib');
  });

  it('reads edges and nodes as sentences', () => {
    expect(edgeSentence('IL-32γ', 'increases-level', 'miR-29a')).toBe(
      'IL-32γ increases the level of miR-29a',
    );
    expect(
      edgeAriaLabel({ from: 'Wnt signalling', to: 'X', sign: 'stimulates', inferred: true }),
    ).toBe('Wnt signalling stimulates X, inferred, not stated by a source');
    expect(nodeAriaLabel({ name: 'IL-32γ', compartment: 'Spinal joint', level: 'raised' })).toBe(
      'IL-32γ, in spinal joint, raised',
    );
  });
});

describe('cascades', () => {
  it('starts Figure 1 at IL-32γ and prefers the stated double-negative chain', () => {
    const d1 = pathway('D1');
    expect(
      cascadeSources(
        d1.nodes.map((n) => n.id),
        d1.edges,
      )[0],
    ).toBe('il-32-gamma');
    const paths = cascadesFrom(d1.edges, 'il-32-gamma');
    expect(paths[0]?.nodeIds).toEqual([
      'il-32-gamma',
      'mir-29a',
      'dkk-1',
      'osteoblast-differentiation',
      'osteogenesis',
    ]);
    expect(paths.map((p) => p.inferredSteps)).toEqual([0, 1, 1]);
    expect(chainPolarity(paths[0]?.edges.map((e) => e.sign) ?? [])).toBe('positive');
  });

  it('walks loops once (D4 has TNF-α ⇄ IL-32)', () => {
    const d4 = pathway('D4');
    for (const cascade of cascadesFrom(d4.edges, 'tnf-alpha'))
      expect(new Set(cascade.nodeIds).size).toBe(cascade.nodeIds.length);
  });

  it('reads a chain with one inhibition as negative and a no-difference link as none', () => {
    expect(chainPolarity(['increases-level', 'inhibits'])).toBe('negative');
    expect(chainPolarity(['stimulates', 'no-difference'])).toBe('none');
  });
});

describe('names', () => {
  const il32g = { name: 'IL-32γ', aliases: ['interleukin-32γ', 'IL-32 gamma'] };
  it('accepts aliases, spelled-out Greek letters and loose punctuation', () => {
    for (const answer of ['il-32γ', 'IL32 gamma', 'Interleukin 32 gamma', ' il-32-γ '])
      expect(namesMatch(answer, il32g)).toBe(true);
    expect(namesMatch('IL-32', il32g)).toBe(false);
    expect(namesMatch('', il32g)).toBe(false);
    const wnt = { name: 'Wnt signalling', aliases: ['Wnt pathway'] };
    for (const answer of ['Wnt signaling', 'wnt', 'the Wnt pathway'])
      expect(namesMatch(answer, wnt)).toBe(true);
  });

  it('accepts what a quiz blank accepts: "IL-32g" names IL-32γ in both', () => {
    expect(namesMatch('IL-32g', il32g)).toBe(true);
    expect(matchesAnswer('IL-32g', [il32g.name, ...il32g.aliases])).toBe(true);
  });

  it('accepts a diagram label with or without its parenthetical', () => {
    const rankl = { name: 'RANKL', aliases: [], label: 'RANKL (producing cell not stated)' };
    expect(namesMatch('rankl', rankl)).toBe(true);
    const formation = { name: 'Osteogenesis', aliases: [], label: 'Bone formation' };
    expect(namesMatch('bone formation', formation)).toBe(true);
  });
});

describe('deep links', () => {
  it('parses the hash route and round-trips', () => {
    const link = parsePathwaysLink('/pathways/D2?context=as-local&node=dkk-1');
    expect(link).toEqual({ pathwayId: 'D2', context: 'as-local', node: 'dkk-1' });
    expect(pathwaysHref(link)).toBe('/pathways/D2?context=as-local&node=dkk-1');
    expect(parsePathwaysLink('/pathways', '?fact=F099')).toEqual({ fact: 'F099' });
  });

  it('opens Figure 1 by default and finds the pathway and context of a node or fact', () => {
    expect(resolveLink(pack.pathways, {})?.pathway.id).toBe('D1');
    const ankylosis = resolveLink(pack.pathways, { node: 'ankylosis' });
    expect(ankylosis?.pathway.id).toBe('D2');
    expect(ankylosis?.context).toBe('as-local');
    expect(ankylosis?.selection).toEqual({ kind: 'node', id: 'ankylosis' });
    const marrow = resolveLink(pack.pathways, { pathwayId: 'D3', fact: 'F124' });
    expect(marrow?.context).toBe('osteoporosis-bone-marrow');
    expect(resolveLink(pack.pathways, { pathwayId: 'D2', node: 'nope' })?.selection).toBe(
      undefined,
    );
  });
});
