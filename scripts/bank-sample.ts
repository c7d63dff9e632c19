import { parseArgs } from 'node:util';
import { generateBank } from '../shared/engine/bank.ts';
import { toDump } from '../shared/engine/dump.ts';
import { rngFor, shuffled } from '../shared/engine/rng.ts';
import { CliError, loadOnePack, runCli } from './lib/pack-cli.ts';

/**
 * `npm run -s bank:sample -- --seed S [--per-kind 8] [--total 100] [--kinds a,b] [dir]`: a seeded random sample
 * of the bank for a blind audit (shared/content/item-review-rubric.md), stratified by kind, as
 * Markdown: each item as the learner sees it, then its key and the facts it cites. The reviewer
 * gets this and the pack, never the generators' code.
 */
interface SampledItem {
  readonly id: string;
  readonly kind: string;
  readonly [field: string]: unknown;
}

function stratified(items: readonly SampledItem[], seed: string, perKind: number, total: number) {
  const byKind = new Map<string, SampledItem[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const picked: SampledItem[] = [];
  const rest: SampledItem[] = [];
  for (const [kind, group] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const order = shuffled(group, rngFor(seed, `sample:${kind}`));
    picked.push(...order.slice(0, perKind));
    rest.push(...order.slice(perKind));
  }
  const fill = shuffled(rest, rngFor(seed, 'sample:fill'));
  return [...picked, ...fill.slice(0, Math.max(0, total - picked.length))];
}

/** What a diagram item draws beside its text: its caption and the nodes drawn. */
function drawingLine(
  raw: Record<string, unknown> | undefined,
  names: (id: string) => string,
  edgeEnds: (pathwayId: string, edgeId: string) => readonly string[],
): string | undefined {
  if (typeof raw?.caption !== 'string') return undefined;
  const { hiddenNodeId, hiddenEdgeId, pathwayId } = raw;
  if (typeof hiddenEdgeId === 'string' && typeof pathwayId === 'string') {
    const ends = edgeEnds(pathwayId, hiddenEdgeId).map(names).join(' and ');
    return `Drawing: captioned “${raw.caption}”; nodes drawn: ${ends}, joined by the asked link without its sign`;
  }
  const nodes = Array.isArray(raw.visibleNodeIds)
    ? raw.visibleNodeIds.map((id: string) => (id === hiddenNodeId ? '“?”' : names(id))).join(', ')
    : 'the whole pathway';
  return `Drawing: captioned “${raw.caption}”; nodes drawn: ${nodes}, with the links between them and their signs, as the stem states them`;
}

function render(item: SampledItem, n: number, drawing: string | undefined): string {
  const { id, kind, factIds, citations, ...shown } = item;
  const lines = [`### ${n}. \`${id}\` (${kind})`, '', '```json', JSON.stringify(shown, null, 2)];
  lines.push('```', '');
  if (drawing) lines.push(drawing);
  lines.push(`Cites: ${JSON.stringify(factIds ?? [])}`);
  if (Array.isArray(citations)) {
    lines.push(`Sources: ${citations.map((c: { label?: string }) => c.label).join('; ')}`);
  }
  return lines.join('\n');
}

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      'per-kind': { type: 'string', default: '8' },
      total: { type: 'string', default: '100' },
      kinds: { type: 'string' },
    },
  });
  const perKind = Number(values['per-kind']);
  const total = Number(values.total);
  if (!values.seed || !Number.isInteger(perKind) || !Number.isInteger(total) || perKind < 1) {
    throw new CliError(
      'Usage: npm run -s bank:sample -- --seed S [--per-kind 8] [--total 100] [--kinds a,b]',
    );
  }
  const { pack } = loadOnePack(positionals[0]);
  const generated = generateBank(pack, { seed: values.seed });
  const bank = toDump(generated);
  const raw = new Map<string, Record<string, unknown>>(
    generated.quiz.map((item) => [item.id, item as unknown as Record<string, unknown>]),
  );
  const entityName = new Map(pack.entities.map((e) => [e.id, e.name]));
  const nodeEntity = new Map(pack.pathways.flatMap((p) => p.nodes.map((n) => [n.id, n.entity])));
  const names = (id: string) => entityName.get(nodeEntity.get(id) ?? id) ?? id;
  const edgeEnds = (pathwayId: string, edgeId: string) => {
    const edge = pack.pathways.find((p) => p.id === pathwayId)?.edges.find((e) => e.id === edgeId);
    return edge ? [edge.from, edge.to] : [];
  };
  const kinds = values.kinds?.split(',');
  const all = ([...bank.cards, ...bank.quiz] as unknown as SampledItem[]).filter(
    (item) => kinds === undefined || kinds.includes(item.kind),
  );
  const sample = stratified(all, values.seed, perKind, total);
  const header = `# Audit sample: seed ${values.seed}, ${sample.length} of ${all.length} items\n`;
  process.stdout.write(
    `${header}\n${sample.map((item, i) => render(item, i + 1, drawingLine(raw.get(item.id), names, edgeEnds))).join('\n\n')}\n`,
  );
  return 0;
});
