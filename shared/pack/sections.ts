import type { Manifest, ReviewSection } from './schema.ts';

/** How learners read a review's sections, named from the manifest and from nowhere else. */

export function sectionById(
  manifest: Pick<Manifest, 'sections'>,
  id: string | undefined,
): ReviewSection | undefined {
  return id === undefined ? undefined : manifest.sections.find((section) => section.id === id);
}

/** "Figure 2B", "Table 1", "Abstract", "Sclerostin in bone": the section as a heading names it. */
export function sectionLabel(section: ReviewSection): string {
  switch (section.kind) {
    case 'figure':
      return `Figure ${section.number ?? ''}`.trim();
    case 'table':
      return `Table ${section.number ?? ''}`.trim();
    case 'abstract':
    case 'keywords':
    case 'body':
    case 'references':
      return section.title;
  }
}

/**
 * The section inside a sentence, after "the review's": "Figure 2B", "abstract", "reference list",
 * "section “Sclerostin in bone”".
 */
export function sectionMention(section: ReviewSection): string {
  switch (section.kind) {
    case 'figure':
    case 'table':
      return sectionLabel(section);
    case 'abstract':
    case 'keywords':
    case 'references':
      return lowerFirst(section.title);
    case 'body':
      return `section “${section.title}”`;
  }
}

/** The figure a pathway reproduces, as learners read it ("Figure 2A"), if it reproduces one. */
export function figureLabel(
  manifest: Pick<Manifest, 'sections'>,
  pathway: { readonly figure?: string | undefined },
): string | undefined {
  const section = sectionById(manifest, pathway.figure);
  return section?.kind === 'figure' ? sectionLabel(section) : undefined;
}

/** Whether a section id names one of the review's figures. */
export function isFigureSection(
  manifest: Pick<Manifest, 'sections'>,
  id: string | undefined,
): boolean {
  return sectionById(manifest, id)?.kind === 'figure';
}

function lowerFirst(text: string): string {
  // "Abstract" → "abstract", but a first word with other capitals ("MeSH terms", "RANKL") keeps them.
  return /^[A-Z][a-z]*(?![A-Za-z])/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}
