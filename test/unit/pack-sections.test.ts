import { describe, expect, it } from 'vitest';
import {
  citationsForFact,
  citationsForPathway,
  sourceFraming,
} from '../../shared/engine/citations.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { formatProblem, type PackProblem } from '../../shared/pack/problems.ts';
import { figureLabel, sectionLabel, sectionMention } from '../../shared/pack/sections.ts';
import type { ReviewSection } from '../../shared/pack/schema.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { edit, readMiniPack, type PackTexts } from '../support/packs.ts';

/** The review described by its manifest: sections, what names them, and how learners read them. */

const mini = readMiniPack();

function problemsOf(files: PackTexts): string[] {
  const result = validatePack(files);
  if (result.ok) throw new Error('expected the pack to be invalid');
  return result.problems.map((p: PackProblem) => formatProblem(p));
}

const figure2a = '"id": "figure-2a",';

describe('manifest sections', () => {
  it('gives a figure pathway the title of its figure section, stated once', () => {
    const result = validatePack(mini);
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
    const [pathway] = result.pack.pathways;
    expect(pathway?.figure).toBe('figure-2a');
    expect(pathway?.title).toBe('IL-32γ in the spine: normal versus ankylosing spondylitis');
    expect(figureLabel(result.pack.manifest, pathway ?? {})).toBe('Figure 2A');
  });

  it('names the fact, the unknown id and the declared ids when a fact cites an undeclared section', () => {
    const files = edit(mini, 'facts.json', '"section": "abstract"', '"section": "figure-3"');
    const problems = problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^facts\.json:\d+:\d+ \$\[\d+\]\.section: fact F\d{3} names section "figure-3", which the manifest does not declare \(did you mean "figure-1"\?\); declared sections: "abstract", "figure-1", "figure-2a"$/,
    );
  });

  it('refuses a pathway figure that is undeclared, or a section that is not a figure', () => {
    const unknown = edit(mini, 'pathways.json', '"figure": "figure-2a"', '"figure": "figure-9"');
    expect(problemsOf(unknown).join('\n')).toMatch(
      /pathway D1 names figure "figure-9", which the manifest does not declare.*declared figures: "figure-1", "figure-2a"/,
    );
    const notFigure = edit(mini, 'pathways.json', '"figure": "figure-2a"', '"figure": "abstract"');
    expect(problemsOf(notFigure).join('\n')).toMatch(
      /pathway D1 names section "abstract" as its figure, but that section is of kind "abstract"/,
    );
  });

  it("keeps a figure pathway's title in one place, and needs one on any other pathway", () => {
    const twice = edit(
      mini,
      'pathways.json',
      '"figure": "figure-2a"',
      '"title": "A second title", "figure": "figure-2a"',
    );
    expect(problemsOf(twice).join('\n')).toMatch(
      /\$\[0\]\.title: pathway D1 reproduces "figure-2a" and takes its title from that section of the manifest; remove "title" here/,
    );
    const none = edit(mini, 'pathways.json', '"figure": "figure-2a",', '');
    expect(problemsOf(none).join('\n')).toMatch(/pathway D1 needs a "title"/);
  });

  it('needs a number and a caption on figures and tables, and allows them nowhere else', () => {
    const noCaption = {
      ...mini,
      'manifest.json': (mini['manifest.json'] ?? '').replace(
        /,\s*"caption": "Two panels[^"]*"/,
        '',
      ),
    };
    expect(problemsOf(noCaption).join('\n')).toMatch(
      /section "figure-2a" is a figure and needs "caption"/,
    );
    const numberedAbstract = edit(
      mini,
      'manifest.json',
      '"kind": "abstract",',
      '"kind": "abstract", "number": "1",',
    );
    expect(problemsOf(numberedAbstract).join('\n')).toMatch(
      /section "abstract" is of kind "abstract"; only figures and tables take "number"/,
    );
  });

  it('refuses a section declared twice', () => {
    const twice = edit(mini, 'manifest.json', figure2a, '"id": "figure-1",');
    const problems = problemsOf(twice).join('\n');
    expect(problems).toMatch(/section "figure-1" is declared twice/);
  });
});

describe('section names as learners read them', () => {
  const section = (part: Partial<ReviewSection> & Pick<ReviewSection, 'kind'>): ReviewSection => ({
    id: 'x',
    title: 'Untitled',
    ...part,
  });

  it('numbers figures and tables, and reads other sections by their titles', () => {
    expect(sectionLabel(section({ kind: 'figure', number: '2B', title: 'Bone loss' }))).toBe(
      'Figure 2B',
    );
    expect(sectionLabel(section({ kind: 'table', number: '1' }))).toBe('Table 1');
    expect(sectionLabel(section({ kind: 'body', title: 'Sclerostin in bone' }))).toBe(
      'Sclerostin in bone',
    );
  });

  it('names a section inside a sentence, after "the review\'s"', () => {
    expect(sectionMention(section({ kind: 'abstract', title: 'Abstract' }))).toBe('abstract');
    expect(sectionMention(section({ kind: 'references', title: 'Reference list' }))).toBe(
      'reference list',
    );
    expect(sectionMention(section({ kind: 'body', title: 'Sclerostin in bone' }))).toBe(
      'section “Sclerostin in bone”',
    );
    expect(sectionMention(section({ kind: 'keywords', title: 'MeSH terms' }))).toBe('MeSH terms');
  });
});

describe('the engine reads section names from the manifest', () => {
  const bodySection =
    '{ "id": "bone-cells", "kind": "body", "title": "IL-32γ and bone cells" },\n    ';
  const files = edit(
    edit(
      mini,
      'manifest.json',
      '{\n      "id": "abstract"',
      `${bodySection}{\n      "id": "abstract"`,
    ),
    'facts.json',
    '"section": "abstract"',
    '"section": "bone-cells"',
  );
  const result = validatePack(files);
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
  const index = indexPack(result.pack);
  const fact = result.pack.facts.find((f) => f.section === 'bone-cells');
  const figured = result.pack.facts.find((f) => f.section === 'figure-1');

  it('frames and cites a fact by the body section it stands in', () => {
    if (!fact || !figured) throw new Error('the fixture has no such facts');
    expect(sourceFraming(index, fact)).toBe(
      "According to the review's section “IL-32γ and bone cells” (Lee et al. 2017)",
    );
    expect(citationsForFact(index, fact)[0]?.label).toBe(
      'Lee et al. 2017, section “IL-32γ and bone cells”',
    );
    expect(citationsForFact(index, figured)[0]?.label).toBe('Lee et al. 2017, Figure 1');
  });

  it('cites a figure pathway by the figure its manifest section numbers', () => {
    const [pathway] = result.pack.pathways;
    if (!pathway) throw new Error('the fixture has no pathway');
    expect(citationsForPathway(index, pathway).map((c) => c.label)).toContain(
      'Lee et al. 2017, Figure 2A',
    );
  });
});
