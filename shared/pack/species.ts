/**
 * The species a finding was made in, named as NCBI Taxonomy names them (scientific name and
 * taxonomy id), one home for how each reads in a sentence and which words in a fact's text name
 * it. A fact's `context.species` lists the taxa it holds for; an empty list is a general finding
 * or one whose species the source does not give.
 */
export interface Taxon {
  /** NCBI Taxonomy scientific name, the value a pack writes. */
  readonly name: string;
  readonly taxId: number;
  /** Before a noun: "human cells", "rat osteocytes". */
  readonly adjective: string;
  /** The animals themselves: "in rats", "in mouse models of…" takes the adjective. */
  readonly plural: string;
  /** Words in a fact's text that say the finding was made in this species. */
  readonly cue: RegExp;
}

export const taxa = [
  {
    name: 'Homo sapiens',
    taxId: 9606,
    adjective: 'human',
    plural: 'humans',
    cue: /\bhumans?\b|\bpatients?\b|\bpeople\b|\bwomen\b|\bvolunteers?\b/i,
  },
  {
    name: 'Mus musculus',
    taxId: 10090,
    adjective: 'mouse',
    plural: 'mice',
    cue: /\bmice\b|\bmouse\b|\bmurine\b/i,
  },
  { name: 'Rattus norvegicus', taxId: 10116, adjective: 'rat', plural: 'rats', cue: /\brats?\b/i },
  {
    name: 'Oryctolagus cuniculus',
    taxId: 9986,
    adjective: 'rabbit',
    plural: 'rabbits',
    cue: /\brabbits?\b/i,
  },
  {
    name: 'Sus scrofa',
    taxId: 9823,
    adjective: 'pig',
    plural: 'pigs',
    cue: /\bpigs?\b|\bporcine\b/i,
  },
  {
    name: 'Canis lupus familiaris',
    taxId: 9615,
    adjective: 'dog',
    plural: 'dogs',
    cue: /\bdogs?\b|\bcanine\b/i,
  },
  {
    name: 'Ovis aries',
    taxId: 9940,
    adjective: 'sheep',
    plural: 'sheep',
    cue: /\bsheep\b|\bovine\b/i,
  },
  {
    name: 'Bos taurus',
    taxId: 9913,
    adjective: 'bovine',
    plural: 'cattle',
    cue: /\bcattle\b|\bbovine\b|\bcows?\b/i,
  },
  {
    name: 'Macaca mulatta',
    taxId: 9544,
    adjective: 'rhesus macaque',
    plural: 'rhesus macaques',
    cue: /\brhesus\b/i,
  },
  {
    name: 'Macaca fascicularis',
    taxId: 9541,
    adjective: 'cynomolgus monkey',
    plural: 'cynomolgus monkeys',
    cue: /\bcynomolgus\b/i,
  },
  {
    name: 'Danio rerio',
    taxId: 7955,
    adjective: 'zebrafish',
    plural: 'zebrafish',
    cue: /\bzebrafish\b/i,
  },
  {
    name: 'Gallus gallus',
    taxId: 9031,
    adjective: 'chicken',
    plural: 'chickens',
    cue: /\bchick(?:en)?s?\b/i,
  },
  {
    name: 'Xenopus laevis',
    taxId: 8355,
    adjective: 'Xenopus',
    plural: 'Xenopus frogs',
    cue: /\bxenopus\b/i,
  },
  {
    name: 'Drosophila melanogaster',
    taxId: 7227,
    adjective: 'Drosophila',
    plural: 'fruit flies',
    cue: /\bdrosophila\b|\bfruit fl(?:y|ies)\b/i,
  },
  {
    name: 'Caenorhabditis elegans',
    taxId: 6239,
    adjective: 'C. elegans',
    plural: 'C. elegans worms',
    cue: /\bc\. elegans\b|\bnematodes?\b/i,
  },
] as const satisfies readonly Taxon[];

export type TaxonName = (typeof taxa)[number]['name'];
export const taxonNames = taxa.map((taxon) => taxon.name) as [TaxonName, ...TaxonName[]];
export const humanTaxon: TaxonName = 'Homo sapiens';

const byName: ReadonlyMap<string, Taxon> = new Map(taxa.map((taxon) => [taxon.name, taxon]));

export function taxonOf(name: string): Taxon {
  const taxon = byName.get(name);
  if (taxon === undefined) throw new Error(`unknown species "${name}"`);
  return taxon;
}

/** Format 1 named species with four words; format 2 with NCBI names (see upgrade.ts). */
export const speciesOfFormat1: Readonly<Record<string, readonly TaxonName[]>> = {
  human: ['Homo sapiens'],
  mouse: ['Mus musculus'],
  'human-and-mouse': ['Homo sapiens', 'Mus musculus'],
  unspecified: [],
};

/** Two findings cannot speak of one situation when each names species and they share none. */
export function speciesExclude(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((name) => b.includes(name));
}

/** The animals of a finding made in animals only (no humans): what its sentence must name. */
export function animalsOnly(species: readonly string[]): readonly Taxon[] {
  return species.includes(humanTaxon) ? [] : species.map(taxonOf);
}

/** "human ", "mouse ", "human and mouse ", "" before a noun such as "cells". */
export function speciesAdjective(species: readonly string[]): string {
  if (species.length === 0) return '';
  const words = species.map((name) => taxonOf(name).adjective);
  return `${words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`} `;
}

/** "mice", "rats and mice": the animals a finding was made in, as a noun. */
export function animalsPhrase(animals: readonly Taxon[]): string {
  const words = animals.map((taxon) => taxon.plural);
  return words.length === 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Whether a text names every one of these animals ("in rats", "murine"). */
export function namesEvery(text: string, animals: readonly Taxon[]): boolean {
  return animals.every((taxon) => taxon.cue.test(text));
}
