import type { JsonSource } from './json-source.ts';
import type { PackFileName } from './schema.ts';
import { packFormatVersion } from './schema.ts';
import { speciesOfFormat1 } from './species.ts';

/**
 * Packs written in an earlier format are read, not refused: a pack a learner imported keeps
 * working after the app moves on. Each step rewrites the parsed values only (never the file), so
 * a problem found later still points at the author's line and column.
 *
 * 1 → 2: species named by four words ("human", "mouse", "human-and-mouse", "unspecified") become
 * lists of NCBI Taxonomy names.
 */
export function upgradeSources(sources: Map<PackFileName, JsonSource>): void {
  const manifest = sources.get('manifest.json');
  if (!isRecord(manifest?.value) || manifest.value['formatVersion'] !== 1) return;
  for (const file of ['facts.json', 'background.json'] as const) {
    const source = sources.get(file);
    if (source !== undefined && Array.isArray(source.value))
      sources.set(file, { ...source, value: source.value.map(upgradeFact) });
  }
  sources.set('manifest.json', {
    ...manifest,
    value: { ...manifest.value, formatVersion: packFormatVersion },
  });
}

function upgradeFact(fact: unknown): unknown {
  if (!isRecord(fact) || !isRecord(fact['context'])) return fact;
  const species = fact['context']['species'];
  if (typeof species !== 'string' || !Object.hasOwn(speciesOfFormat1, species)) return fact;
  return { ...fact, context: { ...fact['context'], species: speciesOfFormat1[species] } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
