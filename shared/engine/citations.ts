import { titleTellsSigns } from '../pack/edge-signs.ts';
import type { Fact, Pathway, Reference, Tier } from '../pack/schema.ts';
import { figureLabel, sectionById, sectionMention } from '../pack/sections.ts';
import type { PackIndex } from './pack-index.ts';
import { oncePerPack } from './per-pack.ts';
import type { Citation } from './types.ts';

/** Where in the review a fact stands, as a sentence names it ("Figure 1", "abstract"). */
function sectionOfFact(index: PackIndex, fact: Fact): string | undefined {
  const section = sectionById(index.pack.manifest, fact.section);
  return section === undefined ? undefined : sectionMention(section);
}

/** The review figure a pathway reproduces, as learners read it ("Figure 2A"). */
export function pathwayFigure(index: PackIndex, pathway: Pathway): string | undefined {
  return figureLabel(index.pack.manifest, pathway);
}

export function tierOf(reference: Reference): Tier {
  switch (reference.kind) {
    case 'target-review':
      return 'review';
    case 'companion-review':
      return 'companion-review';
    case 'primary':
      return 'primary';
    case 'secondary':
    case 'other':
      return 'other';
    case 'textbook':
      return 'background';
  }
}

/** "Kim YG" → surname "Kim", initials "YG"; "van Riel PL" → "van Riel"; "R&D Systems" stays whole. */
function splitAuthor(author: string): { surname: string; initials: string } {
  const parts = author.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && /^[A-Z](?:[A-Z-]*[A-Z])?\.?$/.test(last)) {
    return { surname: parts.slice(0, -1).join(' '), initials: last };
  }
  return { surname: author.trim(), initials: '' };
}

/**
 * Reviews by surname ("Lee et al. 2017"); studies with initials, which tell the many Kims apart
 * ("Kim YG et al. 2012", "Mabilleau and Sabokbar 2009").
 */
const labels = new WeakMap<Reference, string>();

export function referenceLabel(reference: Reference): string {
  let label = labels.get(reference);
  if (label === undefined) {
    label = computeLabel(reference);
    labels.set(reference, label);
  }
  return label;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** A source with neither authors nor a journal: its label is its descriptive title. */
function isNamedByTitle(reference: Reference): boolean {
  return anonymousLabel(reference) !== null && reference.journal === undefined;
}

/** Some sources' authors were never seen; name them by journal and year, else by title. */
function anonymousLabel(reference: Reference): string | null {
  const [only] = reference.authors;
  if (reference.authors.length !== 1 || !only || !/not obtained|unknown|anonymous/i.test(only)) {
    return null;
  }
  if (reference.journal)
    return `${reference.journal}${reference.year === undefined ? '' : ` ${reference.year}`}`;
  return reference.title.replace(/\s*\([^)]*\)\s*$/, '');
}

function computeLabel(reference: Reference): string {
  const anonymous = anonymousLabel(reference);
  if (anonymous !== null) return anonymous;
  const withInitials = reference.kind !== 'target-review' && reference.kind !== 'companion-review';
  const [first, second] = reference.authors.map(splitAuthor);
  // A lone first author whose co-authors were simply not recorded is still "et al.".
  const truncated = /(?:further|middle|other) authors not recorded/i.test(reference.note ?? '');
  const name = (a: { surname: string; initials: string } | undefined): string =>
    a ? (withInitials && a.initials ? `${a.surname} ${a.initials}` : a.surname) : '';
  let who: string;
  if (reference.authors.length >= 3 || truncated) who = `${name(first)} et al.`;
  else if (reference.authors.length === 2)
    who = `${first?.surname ?? ''} and ${second?.surname ?? ''}`;
  else who = name(first);
  return reference.year === undefined ? who : `${who} ${reference.year}`;
}

function reference(index: PackIndex, id: string): Reference {
  const found = index.referenceById.get(id);
  if (!found) throw new Error(`unknown reference "${id}"`);
  return found;
}

/**
 * A fact's citations, the one its stem is framed on first (so a stem "according to Kim YG et al.
 * 2012" is explained by Kim YG et al. 2012, not by a vendor page listed before it); a review-tier
 * fact says where it sits in the review: "Lee et al. 2017, Figure 1".
 */
export const citationsForFact = oncePerPack(
  (fact: Fact) => fact,
  (index, fact): readonly Citation[] => citationsOf(index, fact),
);

function citationsOf(index: PackIndex, fact: Fact): Citation[] {
  if (fact.references.length === 0) return [];
  const lead = leadReference(index, fact).id;
  const ids = [lead, ...fact.references.filter((id) => id !== lead)];
  return ids.map((id) => {
    const ref = reference(index, id);
    const base = referenceLabel(ref);
    const section = ref.kind === 'target-review' ? sectionOfFact(index, fact) : undefined;
    const label = section ? `${base}, ${section}` : base;
    return { referenceId: id, label, tier: tierOf(ref) };
  });
}

export function citationsForPathway(index: PackIndex, pathway: Pathway): Citation[] {
  return pathway.references.map((id) => {
    const ref = reference(index, id);
    const base = referenceLabel(ref);
    const figure = ref.kind === 'target-review' ? pathwayFigure(index, pathway) : undefined;
    const label = figure ? `${base}, ${figure}` : base;
    return { referenceId: id, label, tier: tierOf(ref) };
  });
}

/**
 * What a pathway item cites for its drawing: the review, where the pathway reproduces or builds on
 * it. The pathway's other references back links the item does not ask; its facts cite their own
 * (audit Y: the IL-32 → p38 MAPK link listed every study of its pathway).
 */
export const citationsForDrawing = oncePerPack(
  (pathway: Pathway) => pathway,
  (index, pathway): readonly Citation[] =>
    citationsForPathway(index, pathway).filter(
      (citation) => reference(index, citation.referenceId).kind === 'target-review',
    ),
);

/** Citations of several facts, each reference once (first label wins), in fact order. */
export function citationsForFacts(index: PackIndex, facts: readonly Fact[]): Citation[] {
  return citationsForItem(index, facts);
}

/** What an item cites: the drawing it shows, if any, then its facts; each label once, first wins. */
export function citationsForItem(
  index: PackIndex,
  facts: readonly Fact[],
  pathway?: Pathway,
): Citation[] {
  const seen = new Map<string, Citation>();
  const add = (c: Citation): void => {
    if (!seen.has(c.label)) seen.set(c.label, c);
  };
  if (pathway) citationsForDrawing(index, pathway).forEach(add);
  for (const fact of facts) citationsForFact(index, fact).forEach(add);
  return [...seen.values()];
}

export function mergeCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of citations) if (!seen.has(c.label)) seen.set(c.label, c);
  return [...seen.values()];
}

/**
 * The reference a fact is framed on: the review for review-tier facts, else its first study. A
 * vendor page or an encyclopedia leads only when nothing scholarly backs the fact: a lecturer
 * would not say "according to R&D Systems" (audit E).
 */
export const leadReference = oncePerPack(
  (fact: Fact) => fact,
  (index, fact): Reference => leadOf(index, fact),
);

function leadOf(index: PackIndex, fact: Fact): Reference {
  const refs = fact.references.map((id) => reference(index, id));
  const scholarly = refs.filter((r) => r.kind !== 'other');
  return (
    scholarly.find((r) => tierOf(r) === fact.tier) ??
    scholarly[0] ??
    refs[0] ??
    reference(index, index.reviewReferenceId)
  );
}

/** The citation of the reference a fact is framed on: the stem and the explanation name one source. */
export function leadCitation(index: PackIndex, fact: Fact): Citation | undefined {
  return citationsForFact(index, fact)[0];
}

/** The label a stem names its source by: "Lee et al. 2017", "Kim YG et al. 2012". */
export function sourceLabel(index: PackIndex, fact: Fact): string {
  return referenceLabel(leadReference(index, fact));
}

/**
 * "According to the review's Figure 1 (Lee et al. 2017)", "According to a later review (Kwon et
 * al. 2023)", "According to Kim YG et al. 2012".
 */
export function sourceFraming(index: PackIndex, fact: Fact): string {
  const ref = leadReference(index, fact);
  const label = referenceLabel(ref);
  switch (ref.kind) {
    case 'target-review': {
      const section = sectionOfFact(index, fact);
      return section
        ? `According to the review's ${section} (${label})`
        : `According to the review (${label})`;
    }
    case 'companion-review':
      return `According to a later review (${label})`;
    case 'primary':
    case 'secondary':
    case 'other':
    case 'textbook':
      // A source known only by a descriptive title reads "according to a review of …" (audit K);
      // one known by its journal is no author: "according to a 2023 review in Turk J Pharm Sci"
      // (audit X).
      if (isNamedByTitle(ref)) return `According to a ${lowerFirst(label)}`;
      if (anonymousLabel(ref) !== null) return `According to ${anonymousBySource(ref)}`;
      return `According to ${label}`;
  }
}

const anonymousNoun: Record<Reference['kind'], string> = {
  'target-review': 'review',
  'companion-review': 'review',
  secondary: 'review',
  primary: 'study',
  textbook: 'textbook',
  other: 'source',
};

/** "a 2023 review in Turk J Pharm Sci": an anonymous source named by what and where it is. */
function anonymousBySource(ref: Reference): string {
  const noun = anonymousNoun[ref.kind];
  const year = ref.year === undefined ? '' : `${ref.year} `;
  return `${/^[aeiou8]/i.test(year || noun) ? 'an' : 'a'} ${year}${noun} in ${ref.journal ?? ''}`.trim();
}

/**
 * A stem's opening: the setting and its source together. A primary study leads with where it
 * looked ("In human preosteoclasts (Kim YG et al. 2012)"); reviews lead with the review and then
 * the setting ("According to the review's Figure 2A (Lee et al. 2017), in AS spinal joints").
 */
export function framedSetting(index: PackIndex, fact: Fact, setting: string): string {
  const ref = leadReference(index, fact);
  if (setting === '') return sourceFraming(index, fact);
  if (ref.kind === 'primary' && /^in /.test(setting) && !setting.includes(',')) {
    return `In ${setting.slice(3)} (${referenceLabel(ref)})`;
  }
  return `${sourceFraming(index, fact)}, ${setting}`;
}

/**
 * A pathway as a student knows it: by the review's figure it reproduces ("Figure 1"), else by its
 * title ("the model “IL-32 signalling and processing”"), never by its id in the pack.
 */
export function pathwayName(index: PackIndex, pathway: Pathway): string {
  return pathwayFigure(index, pathway) ?? `the model “${pathway.title}”`;
}

/**
 * "In the review's Figure 1 model (Lee et al. 2017)", "In the ankylosing spondylitis panel of the
 * review's Figure 2A model (Lee et al. 2017)", "In the model “IL-32 signalling and processing”";
 * a title that would give the answer away gives way to the model's source ("In the pathway model
 * drawn from Kwon et al. 2023").
 */
export function pathwayFraming(
  index: PackIndex,
  pathway: Pathway,
  titleGivesAway: (title: string) => boolean = () => false,
  panel?: string,
): string {
  const review = index.referenceById.get(index.reviewReferenceId);
  const panelText = panel === undefined ? '' : `the ${panel} panel of `;
  const figure = pathwayFigure(index, pathway);
  if (figure && pathway.references.includes(index.reviewReferenceId) && review) {
    return `In ${panelText}the review's ${figure} model (${referenceLabel(review)})`;
  }
  if (!titleGivesAway(pathway.title) && !titleTellsSigns(pathway.title))
    return `In ${panelText}the model “${pathway.title}”`;
  return `In ${panelText}${pathwayBySource(index, pathway)}`;
}

/**
 * "the pathway model drawn from Joosten LAB et al. 2006 and other sources": a pathway named
 * without its title, never crediting one source with what others found (audit Q).
 */
export function pathwayBySource(index: PackIndex, pathway: Pathway): string {
  const [source, ...others] = pathway.references;
  const label = source === undefined ? undefined : index.referenceById.get(source);
  if (label === undefined) return 'the pathway model drawn from the sources';
  return `the pathway model drawn from ${referenceLabel(label)}${others.length > 0 ? ' and other sources' : ''}`;
}
