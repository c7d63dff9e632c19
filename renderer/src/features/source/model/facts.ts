import { figureLabel } from '../../../../../shared/pack/sections.ts';
import { isAllowedExternalUrl } from '../../../../../shared/security/csp.ts';
import { settings } from '../../../../../shared/pack/settings.ts';
import { animalsPhrase, taxonOf } from '../../../../../shared/pack/species.ts';
import type {
  Fact,
  FactContext,
  Manifest,
  Pack,
  Reference,
} from '../../../../../shared/pack/schema.ts';

/** What the Source screen shows about facts and their sources, computed from the pack. */

export function formatCitation(citation: Manifest['citation']): {
  readonly authors: string;
  readonly title: string;
  readonly journal: string;
  /** "2017;24(1):14-20" */
  readonly locator: string;
  readonly doiUrl: string;
} {
  return {
    authors: citation.authors.join(', '),
    title: citation.title,
    journal: citation.journal,
    locator: `${citation.year};${citation.volume}(${citation.issue}):${citation.pages}`,
    doiUrl: doiUrl(citation.doi),
  };
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

export interface ExternalLink {
  readonly href: string;
  readonly text: string;
}

/**
 * Where a reference can be read: its DOI, else its URL when the app may open it (the same check
 * Electron applies before handing a link to the system browser). Other URLs are shown as text.
 */
export function referenceLinks(reference: Reference): {
  readonly link: ExternalLink | undefined;
  readonly unlinkedUrl: string | undefined;
} {
  if (reference.doi) {
    return {
      link: { href: doiUrl(reference.doi), text: `doi:${reference.doi}` },
      unlinkedUrl: undefined,
    };
  }
  if (reference.url) {
    if (isAllowedExternalUrl(reference.url)) {
      return {
        link: { href: reference.url, text: new URL(reference.url).hostname },
        unlinkedUrl: undefined,
      };
    }
    return { link: undefined, unlinkedUrl: reference.url };
  }
  return { link: undefined, unlinkedUrl: undefined };
}

/** "J Immunol Res 2014;2014:263625" — whatever of journal, year, volume and pages is known. */
export function referenceDetails(reference: Reference): string {
  const where = [reference.journal, reference.year].filter((part) => part !== undefined).join(' ');
  const volume = reference.volume ? `;${reference.volume}` : '';
  const pages = reference.pages ? `:${reference.pages}` : '';
  return `${where}${where ? volume : (reference.volume ?? '')}${pages}`.trim();
}

/** "In rats (Rattus norvegicus)": the common name a student reads, the NCBI name it stands for. */
function speciesWords(species: FactContext['species']): string | undefined {
  if (species.length === 0) return undefined;
  return `In ${animalsPhrase(species.map(taxonOf))} (${species.join(', ')})`;
}

export interface ContextLine {
  readonly label: string;
  readonly text: string;
}

/** The fact's context in words; what is unspecified is left out. */
export function contextLines(
  context: FactContext,
  nameOf: (entityId: string) => string,
): ContextLine[] {
  const lines: ContextLine[] = [];
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  const species = speciesWords(context.species);
  const setting = settings[context.setting].label;
  if (species) lines.push({ label: 'Species', text: species });
  if (setting) lines.push({ label: 'Setting', text: setting });
  if (context.diseases.length > 0)
    lines.push({
      label: context.diseases.length === 1 ? 'Disease' : 'Diseases',
      text: names(context.diseases),
    });
  if (context.cells.length > 0)
    lines.push({
      label: context.cells.length === 1 ? 'Cell' : 'Cells',
      text: names(context.cells),
    });
  if (context.compartments.length > 0)
    lines.push({ label: 'Where', text: names(context.compartments) });
  if (context.note) lines.push({ label: 'Note', text: context.note });
  return lines;
}

export interface EdgeLink {
  readonly pathwayId: string;
  readonly pathwayTitle: string;
  readonly figure: string | undefined;
  readonly edgeId: string;
  /** The link as the diagram draws it, "TNF-α → IL-32": one fact often backs several links. */
  readonly step: string;
  /** The hash route of the Pathways screen with the edge selected. */
  readonly href: string;
}

/** Fact id → the pathway edges it supports, in pathway order. */
export function edgesByFact(pack: Pack): ReadonlyMap<string, readonly EdgeLink[]> {
  const result = new Map<string, EdgeLink[]>();
  const entityNames = new Map(pack.entities.map((entity) => [entity.id, entity.name]));
  for (const pathway of pack.pathways) {
    const nodeName = (id: string): string => {
      const node = pathway.nodes.find((n) => n.id === id);
      return node?.label ?? entityNames.get(node?.entity ?? id) ?? id;
    };
    for (const edge of pathway.edges) {
      for (const factId of new Set(edge.factIds)) {
        const list = result.get(factId) ?? [];
        list.push({
          pathwayId: pathway.id,
          pathwayTitle: pathway.title,
          figure: figureLabel(pack.manifest, pathway),
          edgeId: edge.id,
          step: `${nodeName(edge.from)} → ${nodeName(edge.to)}`,
          href: `#/pathways/${encodeURIComponent(pathway.id)}?edge=${encodeURIComponent(edge.id)}`,
        });
        result.set(factId, list);
      }
    }
  }
  return result;
}

export interface TopicGroup {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly facts: readonly Fact[];
}

/** Facts grouped by the manifest's topics in its order; facts of an unlisted topic go last. */
export function groupByTopic(pack: Pack, facts: readonly Fact[] = pack.facts): TopicGroup[] {
  const groups: TopicGroup[] = pack.manifest.topics.map((topic) => ({
    id: topic.id,
    title: topic.title,
    description: topic.description,
    facts: facts.filter((fact) => fact.topic === topic.id),
  }));
  const listed = new Set(groups.map((group) => group.id));
  const others = [...new Set(facts.map((fact) => fact.topic).filter((id) => !listed.has(id)))];
  for (const id of others) {
    groups.push({
      id,
      title: id,
      description: '',
      facts: facts.filter((fact) => fact.topic === id),
    });
  }
  return groups;
}

const factParam = /^F\d{3}$/;

/** The fact a link asks for: `#/source?fact=F099` (or `?fact=` in the page's own query). */
export function linkedFact(location: string, search = ''): string | undefined {
  const [, hashQuery = ''] = location.split('?');
  const value =
    new URLSearchParams(hashQuery).get('fact') ?? new URLSearchParams(search).get('fact');
  return value && factParam.test(value) ? value : undefined;
}

export function sourceHref(factId: string): string {
  return `#/source?fact=${encodeURIComponent(factId)}`;
}
