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
 * lists of NCBI Taxonomy names; the review's sections, which format 1 took from a fixed list
 * and pathways named as "Figure 2A", become the manifest's own sections.
 */
export function upgradeSources(sources: Map<PackFileName, JsonSource>): void {
  const manifest = sources.get('manifest.json');
  if (!isRecord(manifest?.value) || manifest.value['formatVersion'] !== 1) return;
  for (const file of ['facts.json', 'background.json'] as const) {
    const source = sources.get(file);
    if (source !== undefined && Array.isArray(source.value))
      sources.set(file, { ...source, value: source.value.map(upgradeFact) });
  }
  const pathways = sources.get('pathways.json');
  const figures = Array.isArray(pathways?.value) ? pathways.value.flatMap(figureOfPathway) : [];
  if (pathways !== undefined && Array.isArray(pathways.value))
    sources.set('pathways.json', { ...pathways, value: pathways.value.map(pathwayOfFormat2) });
  const sections =
    manifest.value['sections'] ?? format1Sections(usedSections(sources.get('facts.json')), figures);
  sources.set('manifest.json', {
    ...manifest,
    value: { ...manifest.value, formatVersion: packFormatVersion, sections },
  });
}

/** Format 1's fixed section names, as the sections a format-2 manifest declares. */
const format1Titles: Readonly<Record<string, { kind: string; title: string }>> = {
  abstract: { kind: 'abstract', title: 'Abstract' },
  keywords: { kind: 'keywords', title: 'Keywords' },
  references: { kind: 'references', title: 'Reference list' },
};

interface Figure {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly caption: string;
}

/** "Figure 2A" → figure-2a, number 2A. */
function figureId(label: string): { id: string; number: string } | undefined {
  const match = /^Figure\s+([0-9]+[A-Za-z]?)$/.exec(label.trim());
  return match?.[1] === undefined
    ? undefined
    : { id: `figure-${match[1].toLowerCase()}`, number: match[1].toUpperCase() };
}

function figureOfPathway(pathway: unknown): Figure[] {
  if (!isRecord(pathway) || typeof pathway['figure'] !== 'string') return [];
  const figure = figureId(pathway['figure']);
  const title = typeof pathway['title'] === 'string' ? pathway['title'] : undefined;
  if (figure === undefined || title === undefined) return [];
  return [{ ...figure, title, caption: `The review's Figure ${figure.number}: ${title}.` }];
}

function pathwayOfFormat2(pathway: unknown): unknown {
  if (!isRecord(pathway) || typeof pathway['figure'] !== 'string') return pathway;
  const figure = figureId(pathway['figure']);
  if (figure === undefined) return pathway;
  // Format 2 writes a figure's title once, in its manifest section.
  const rest: Record<string, unknown> = { ...pathway, figure: figure.id };
  delete rest['title'];
  return rest;
}

function usedSections(facts: JsonSource | undefined): string[] {
  if (facts === undefined || !Array.isArray(facts.value)) return [];
  const used = facts.value.flatMap((fact) =>
    isRecord(fact) && typeof fact['section'] === 'string' ? [fact['section']] : [],
  );
  return [...new Set(used)];
}

function format1Sections(used: readonly string[], figures: readonly Figure[]): unknown[] {
  const sections: unknown[] = [];
  const ids = new Set<string>();
  for (const id of used) {
    const named = format1Titles[id];
    const figure = figures.find((f) => f.id === id) ?? figureFromId(id);
    if (named !== undefined) sections.push({ id, ...named });
    else if (figure !== undefined) sections.push({ kind: 'figure', ...figure });
    else continue;
    ids.add(id);
  }
  for (const figure of figures)
    if (!ids.has(figure.id)) sections.push({ kind: 'figure', ...figure });
  return sections;
}

function figureFromId(id: string): Figure | undefined {
  const match = /^figure-([0-9]+[a-z]?)$/.exec(id);
  if (match?.[1] === undefined) return undefined;
  const number = match[1].toUpperCase();
  return { id, number, title: `Figure ${number}`, caption: `The review's Figure ${number}.` };
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
