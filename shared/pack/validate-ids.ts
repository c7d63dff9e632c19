import type { JsonPath, JsonSource } from './json-source.ts';
import type { PackFileName } from './schema.ts';
import type { KnownIds, Reporter } from './validate-context.ts';
import { normalise } from './validate-context.ts';

/** Ids across a pack's files, read from the raw JSON: what is declared, and what is declared twice. */

/** Ids declared in the raw JSON of each readable file (see KnownIds). */
export function knownIds(sources: ReadonlyMap<PackFileName, JsonSource>): KnownIds {
  const rows = (file: PackFileName) => {
    const value = sources.get(file)?.value;
    return Array.isArray(value) ? value.filter(isRecord) : undefined;
  };
  const idsOf = (records: Record<string, unknown>[] | undefined) =>
    records && new Set(records.flatMap((row) => (typeof row.id === 'string' ? [row.id] : [])));

  const entityRows = rows('entities.json');
  const referenceRows = rows('references.json');
  const manifest = sources.get('manifest.json')?.value;
  const manifestList = (key: string) =>
    isRecord(manifest) && Array.isArray(manifest[key])
      ? manifest[key].filter(isRecord)
      : manifest === undefined
        ? undefined
        : [];

  return {
    entities: entityRows && mapById(entityRows, (row) => ({ type: row.type })),
    entityNames: entityRows && namesToIds(entityRows),
    facts: idsOf(rows('facts.json')),
    backgroundFacts: idsOf(rows('background.json')),
    references: referenceRows && mapById(referenceRows, (row) => ({ kind: row.kind })),
    pathways: idsOf(rows('pathways.json')),
    teachingPoints: idsOf(rows('teaching-points.json')),
    topics: idsOf(manifestList('topics')),
    inferences: idsOf(manifestList('inferences')),
  };
}

function mapById<T>(
  rows: Record<string, unknown>[],
  pick: (row: Record<string, unknown>) => T,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    if (typeof row.id === 'string' && !map.has(row.id)) map.set(row.id, pick(row));
  }
  return map;
}

function namesToIds(rows: Record<string, unknown>[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    if (typeof row.id !== 'string') continue;
    const aliases: unknown[] = Array.isArray(row.aliases) ? (row.aliases as unknown[]) : [];
    for (const name of [row.name, ...aliases]) {
      if (typeof name === 'string' && !map.has(normalise(name))) map.set(normalise(name), row.id);
    }
  }
  return map;
}

/** Duplicate ids, found in the raw JSON so that a duplicate is reported even in a broken item. */
export function reportDuplicateIds(
  sources: ReadonlyMap<PackFileName, JsonSource>,
  reporter: Reporter,
): void {
  const lists: [PackFileName, string][] = [
    ['entities.json', 'entity'],
    ['facts.json', 'fact'],
    ['background.json', 'background fact'],
    ['references.json', 'reference'],
    ['pathways.json', 'pathway'],
    ['teaching-points.json', 'teaching point'],
  ];
  for (const [file, what] of lists) {
    const value = sources.get(file)?.value;
    duplicatesIn(reporter, file, [], value, what);
    if (file !== 'pathways.json' || !Array.isArray(value)) continue;
    value.forEach((pathway: unknown, index) => {
      if (!isRecord(pathway)) return;
      duplicatesIn(reporter, file, [index, 'nodes'], pathway.nodes, 'node id in this pathway');
      duplicatesIn(reporter, file, [index, 'edges'], pathway.edges, 'edge id in this pathway');
      duplicatesIn(reporter, file, [index, 'contexts'], pathway.contexts, 'context id');
    });
  }
  duplicatesAcrossFactFiles(sources, reporter);
  const manifest = sources.get('manifest.json')?.value;
  if (isRecord(manifest)) {
    duplicatesIn(reporter, 'manifest.json', ['topics'], manifest.topics, 'topic');
    duplicatesIn(reporter, 'manifest.json', ['inferences'], manifest.inferences, 'inference');
  }
}

/** Facts and background facts share one id space: a citation link must name one of them. */
function duplicatesAcrossFactFiles(
  sources: ReadonlyMap<PackFileName, JsonSource>,
  reporter: Reporter,
): void {
  const facts = sources.get('facts.json')?.value;
  const background = sources.get('background.json')?.value;
  if (!Array.isArray(facts) || !Array.isArray(background)) return;
  const factIndex = new Map<string, number>();
  facts.forEach((row: unknown, index) => {
    if (isRecord(row) && typeof row.id === 'string' && !factIndex.has(row.id)) {
      factIndex.set(row.id, index);
    }
  });
  background.forEach((row: unknown, index) => {
    if (!isRecord(row) || typeof row.id !== 'string') return;
    const earlier = factIndex.get(row.id);
    if (earlier === undefined) return;
    reporter.report(
      'background.json',
      [index, 'id'],
      'duplicate-id',
      `duplicate fact id "${row.id}" (also a fact at ${reporter.where('facts.json', [earlier, 'id'])})`,
    );
  });
}

function duplicatesIn(
  reporter: Reporter,
  file: PackFileName,
  path: JsonPath,
  list: unknown,
  what: string,
): void {
  if (!Array.isArray(list)) return;
  const first = new Map<string, number>();
  list.forEach((row: unknown, index) => {
    if (!isRecord(row) || typeof row.id !== 'string') return;
    const earlier = first.get(row.id);
    if (earlier === undefined) {
      first.set(row.id, index);
      return;
    }
    reporter.report(
      file,
      [...path, index, 'id'],
      'duplicate-id',
      `duplicate ${what} "${row.id}" (first at ${reporter.where(file, [...path, earlier, 'id'])})`,
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
