import path from 'node:path';
import ELK from 'elkjs';
import { loadPackFolder } from '../services/packs/pack-folder.ts';
import { generateBank } from '../shared/engine/bank.ts';
import { layoutPathway } from '../shared/pack/layout.ts';
import type { Entity, Pack, Pathway } from '../shared/pack/schema.ts';
import { replicatePack } from '../test/support/synthetic-pack.ts';
import { atMost, median, report, timeRuns, type Results } from './lib.ts';

const packDir = path.join(import.meta.dirname, '..', 'assets', 'packs', 'il32-gamma');

function bundledPack(): Pack {
  const loaded = loadPackFolder(packDir);
  if (!loaded.ok) throw new Error('the bundled pack is invalid: run npm run pack:check');
  return loaded.pack;
}

/**
 * Item-bank generation for the bundled pack and for packs 10× and 100× larger. Growth is reported
 * as the exponent k in time ∝ n^k over the two decades, next to the exponent n·log n would give
 * over the same range (the target: no worse).
 */
export async function measureGeneration(): Promise<Results> {
  const pack = bundledPack();
  const seed = 'bench';
  const bundled = await timeRuns(15, () => generateBank(pack, { seed }), 2);
  const ten = replicatePack(pack, 10);
  const tenTimes = await timeRuns(5, () => generateBank(ten, { seed }), 1);
  const hundred = replicatePack(pack, 100);
  const hundredTimes = await timeRuns(3, () => generateBank(hundred, { seed }), 1);

  const n = pack.facts.length;
  const t1 = median(bundled);
  const t100 = median(hundredTimes);
  const exponent = Math.log(t100 / t1) / Math.log(100);
  const nLogN = Math.log((100 * n * Math.log(100 * n)) / (n * Math.log(n))) / Math.log(100);
  return {
    'generation.bundledBank': atMost(t1, 50, 'ms', `median of 15, ${n} facts`),
    'generation.pack10x': report(median(tenTimes), 'ms', `${ten.facts.length} facts, median of 5`),
    'generation.pack100x': report(t100, 'ms', `${hundred.facts.length} facts, median of 3`),
    'generation.growthExponent': atMost(
      exponent,
      nLogN,
      '',
      `time ∝ n^k from 1× to 100×; n·log n gives ${nLogN.toFixed(2)}`,
    ),
  };
}

/** A layered graph of `size` nodes in ten compartments, each node feeding one or two later ones. */
function syntheticPathway(size: number): { pathway: Pathway; entities: Map<string, Entity> } {
  const entities = new Map<string, Entity>();
  const nodes: Pathway['nodes'] = [];
  const edges: Pathway['edges'] = [];
  for (let i = 0; i < size; i++) {
    const id = `n${i}`;
    entities.set(id, {
      id,
      name: `Node ${i}`,
      type: 'protein',
      glossary: false,
      aliases: [],
      definition: 'synthetic',
      background: false,
    });
    nodes.push({ id, entity: id, compartment: `c${i % 10}`, contexts: [] });
    for (const step of [7, 13]) {
      const to = i + step;
      if (to < size && (step === 7 || i % 3 === 0)) {
        edges.push({
          id: `e${i}-${to}`,
          from: id,
          to: `n${to}`,
          sign: i % 2 ? 'inhibits' : 'stimulates',
          factIds: ['F001'],
          inferred: false,
          contexts: [],
        });
      }
    }
  }
  const pathway: Pathway = {
    id: 'D500',
    title: 'synthetic',
    summary: 'synthetic',
    tier: 'review',
    references: ['R17'],
    contexts: [],
    nodes,
    edges,
    annotations: [],
  };
  return { pathway, entities };
}

export async function measureLayout(): Promise<Results> {
  const pack = bundledPack();
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const results: Results = {};
  for (const pathway of pack.pathways) {
    const times = await timeRuns(5, () => layoutPathway(new ELK(), pathway, entities), 1);
    results[`layout.${pathway.id}`] = report(
      median(times),
      'ms',
      `${pathway.nodes.length} nodes, ${pathway.edges.length} edges, median of 5`,
    );
  }
  const synthetic = syntheticPathway(500);
  const times = await timeRuns(
    3,
    () => layoutPathway(new ELK(), synthetic.pathway, synthetic.entities),
    0,
  );
  results['layout.synthetic500'] = report(
    median(times),
    'ms',
    `500 nodes, ${synthetic.pathway.edges.length} edges, median of 3`,
  );
  return results;
}
