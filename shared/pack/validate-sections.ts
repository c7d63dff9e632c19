import type { Manifest, PathwayFile, ReviewSection } from './schema.ts';
import { numberedSectionKinds } from './schema.ts';
import { sectionLabel } from './sections.ts';
import { closestMatch } from './suggest.ts';
import type { FactFile, Item, ParsedPack, Reporter } from './validate-context.ts';

/**
 * The review's sections (manifest.json) and what names them: a fact's `section` and a pathway's
 * `figure`. Checked only when the manifest passed its schema, so one manifest typo is one problem.
 */
export function checkSections(parsed: ParsedPack, reporter: Reporter): void {
  const manifest = parsed.manifest;
  if (!manifest) return;
  checkDeclaredSections(manifest, reporter);
  const files: [FactFile, ParsedPack['facts']][] = [
    ['facts.json', parsed.facts],
    ['background.json', parsed.background],
  ];
  for (const [file, items] of files) {
    for (const { index, value: fact } of items ?? []) {
      if (fact.section === undefined || sectionOf(manifest, fact.section)) continue;
      reporter.report(
        file,
        [index, 'section'],
        'unknown-id',
        `fact ${fact.id} names section "${fact.section}", which the manifest does not declare${hint(manifest, fact.section)}; declared sections: ${declared(manifest)}`,
      );
    }
  }
  for (const item of parsed.pathways ?? []) checkPathwayFigure(manifest, item, reporter);
}

function checkDeclaredSections(manifest: Manifest, reporter: Reporter): void {
  const seenIds = new Set<string>();
  const seenLabels = new Set<string>();
  manifest.sections.forEach((section, i) => {
    const path = ['sections', i];
    if (seenIds.has(section.id)) {
      reporter.report(
        'manifest.json',
        [...path, 'id'],
        'duplicate-id',
        `section "${section.id}" is declared twice`,
      );
    }
    seenIds.add(section.id);
    const numbered = numberedSectionKinds.includes(section.kind);
    for (const field of ['number', 'caption'] as const) {
      if (numbered && section[field] === undefined) {
        reporter.report(
          'manifest.json',
          path,
          'schema',
          `section "${section.id}" is a ${section.kind} and needs "${field}"`,
        );
      } else if (!numbered && section[field] !== undefined) {
        reporter.report(
          'manifest.json',
          [...path, field],
          'schema',
          `section "${section.id}" is of kind "${section.kind}"; only figures and tables take "${field}"`,
        );
      }
    }
    if (numbered && section.number !== undefined) {
      const label = sectionLabel(section);
      if (seenLabels.has(label)) {
        reporter.report(
          'manifest.json',
          [...path, 'number'],
          'duplicate-id',
          `${label} is declared twice`,
        );
      }
      seenLabels.add(label);
    }
  });
}

/** A figure pathway names a figure section and takes its title from it; any other has its own. */
function checkPathwayFigure(
  manifest: Manifest,
  { index, value: pathway }: Item<PathwayFile>,
  reporter: Reporter,
): void {
  const file = 'pathways.json';
  if (pathway.figure === undefined) {
    if (pathway.title === undefined) {
      reporter.report(
        file,
        [index],
        'schema',
        `pathway ${pathway.id} needs a "title" (or a "figure" naming the figure section it reproduces)`,
      );
    }
    return;
  }
  const section = sectionOf(manifest, pathway.figure);
  if (!section) {
    reporter.report(
      file,
      [index, 'figure'],
      'unknown-id',
      `pathway ${pathway.id} names figure "${pathway.figure}", which the manifest does not declare${hint(manifest, pathway.figure)}; declared figures: ${declared(manifest, 'figure')}`,
    );
  } else if (section.kind !== 'figure') {
    reporter.report(
      file,
      [index, 'figure'],
      'schema',
      `pathway ${pathway.id} names section "${pathway.figure}" as its figure, but that section is of kind "${section.kind}"; declared figures: ${declared(manifest, 'figure')}`,
    );
  }
  if (pathway.title !== undefined) {
    reporter.report(
      file,
      [index, 'title'],
      'schema',
      `pathway ${pathway.id} reproduces "${pathway.figure}" and takes its title from that section of the manifest; remove "title" here`,
    );
  }
}

function sectionOf(manifest: Manifest, id: string): ReviewSection | undefined {
  return manifest.sections.find((section) => section.id === id);
}

function hint(manifest: Manifest, id: string): string {
  const near = closestMatch(
    id,
    manifest.sections.map((section) => section.id),
  );
  return near ? ` (did you mean "${near}"?)` : '';
}

function declared(manifest: Manifest, kind?: ReviewSection['kind']): string {
  const ids = manifest.sections
    .filter((section) => kind === undefined || section.kind === kind)
    .map((section) => `"${section.id}"`);
  return ids.length > 0 ? ids.join(', ') : 'none';
}
