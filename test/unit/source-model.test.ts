import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactCoverage } from '../../shared/contract/progress.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import {
  coverageIndex,
  describeCoverage,
  factCoverage,
  levelForPercent,
  topicCoverage,
} from '../../renderer/src/features/source/model/coverage.ts';
import {
  contextLines,
  edgesByFact,
  formatCitation,
  groupByTopic,
  linkedFact,
  referenceDetails,
  referenceLinks,
} from '../../renderer/src/features/source/model/facts.ts';
import {
  buildSearchIndex,
  compactKey,
  foldText,
  matchEntities,
  entityKeys,
  nameKeys,
  passesFilters,
  resultSummary,
  search,
  type SearchIndex,
} from '../../renderer/src/features/source/model/search.ts';
import { bundledPackDir, readPackDir } from '../support/pack-dir.ts';

let pack: Pack;
let index: SearchIndex;

beforeAll(() => {
  pack = readPackDir(bundledPackDir);
  index = buildSearchIndex(Fuse, pack);
});

const factsAbout = (entityId: string) =>
  pack.facts
    .filter(
      (f) => f.subject === entityId || f.object === entityId || f.coSubjects.includes(entityId),
    )
    .map((f) => f.id);

describe('search normalisation', () => {
  it('spells Greek letters out and unifies spellings', () => {
    expect(foldText('IL-32γ')).toBe('il-32 gamma');
    expect(foldText('Interleukin-32γ')).toBe('interleukin-32 gamma');
    expect(foldText('γδ T cells')).toBe('gamma delta t cells');
    expect(foldText('NF-κB Signaling')).toBe('nf-kappab signalling');
    expect(compactKey('IL-32 gamma')).toBe('il32gamma');
    expect(compactKey('IL-32γ')).toBe('il32gamma');
  });

  it('gives each name its spelled-out and one-letter Greek keys', () => {
    expect(nameKeys('IL-32γ')).toEqual(['il32gamma', 'il32g']);
    expect(nameKeys('DKK-1')).toEqual(['dkk1']);
  });

  it('matches entities exactly by any alias, else by the start of one (three letters or more)', () => {
    const keys = entityKeys(pack.entities);
    expect(matchEntities('il32g', keys)).toEqual({ ids: ['il-32-gamma'], exact: true });
    expect(matchEntities('IL-32 gamma', keys)).toEqual({ ids: ['il-32-gamma'], exact: true });
    expect(matchEntities('interleukin-32γ', keys).ids).toEqual(['il-32-gamma']);
    expect(matchEntities('Dickkopf', keys)).toEqual({ ids: ['dkk-1'], exact: false });
    expect(matchEntities('dk', keys).ids).toEqual([]);
    expect(matchEntities('   ', keys).ids).toEqual([]);
  });
});

describe('search over the real pack', () => {
  it('"Dickkopf" finds every fact about DKK-1, those first', () => {
    const hits = search(index, 'Dickkopf');
    const dkk = factsAbout('dkk-1');
    expect(dkk.length).toBeGreaterThan(3);
    expect(hits.facts.slice(0, dkk.length).toSorted()).toEqual(dkk.toSorted());
    expect(hits.entities[0]).toBe('dkk-1');
  });

  it('"il32g", "IL-32 gamma" and "IL-32γ" find the same IL-32γ facts first', () => {
    const about = factsAbout('il-32-gamma');
    for (const query of ['il32g', 'IL-32 gamma', 'IL-32γ', 'interleukin-32 gamma']) {
      const hits = search(index, query);
      expect(hits.facts.slice(0, about.length).toSorted(), query).toEqual(about.toSorted());
      expect(hits.entities[0], query).toBe('il-32-gamma');
    }
  });

  it('a named entity does not spread to facts that only share its words', () => {
    const hits = search(index, 'IL-32 gamma');
    for (const id of hits.facts) {
      const fact = pack.facts.find((f) => f.id === id);
      const mentions =
        fact?.text.includes('IL-32γ') ||
        [
          fact?.subject,
          fact?.object,
          ...(fact?.coSubjects ?? []),
          ...(fact ? Object.values(fact.context).flat() : []),
        ].includes('il-32-gamma');
      expect(mentions, id).toBe(true);
    }
  });

  it('fuzzy text finds words with a typo, and every word must match', () => {
    const typo = search(index, 'osteoclst');
    expect(typo.facts.length).toBeGreaterThan(0);
    const both = search(index, 'RANKL osteoclast');
    expect(both.facts.length).toBeGreaterThan(0);
    for (const id of both.facts.slice(0, 5)) {
      const text = pack.facts.find((f) => f.id === id)?.text.toLowerCase() ?? '';
      expect(text.includes('rankl') || text.includes('osteoclast'), id).toBe(true);
    }
    expect(search(index, 'xyzzy')).toEqual({ facts: [], entities: [] });
  });

  it('a fact number finds that fact first; an empty query finds nothing', () => {
    expect(search(index, 'f099').facts[0]).toBe('F099');
    expect(search(index, '  ')).toEqual({ facts: [], entities: [] });
  });

  it('filters by tier, high-yield and topic', () => {
    const fact = pack.facts.find((f) => f.highYield && f.tier === 'review');
    if (!fact) throw new Error('no high-yield review fact');
    expect(passesFilters(fact, { tier: 'review', highYieldOnly: true, topic: fact.topic })).toBe(
      true,
    );
    expect(passesFilters(fact, { tier: 'primary', highYieldOnly: false, topic: 'any' })).toBe(
      false,
    );
    expect(
      passesFilters(fact, { tier: 'any', highYieldOnly: false, topic: 'clinical-outlook-x' }),
    ).toBe(false);
  });

  it('summarises results for the live region', () => {
    expect(resultSummary('Dickkopf', 8, 1, false)).toBe('8 facts and 1 entity match “Dickkopf”');
    expect(resultSummary('F099', 1, 0, false)).toBe('1 fact matches “F099”');
    expect(resultSummary('x', 0, 0, true)).toBe('Nothing matches “x” with the filters');
    expect(resultSummary('', 139, 0, false)).toBe('139 facts');
    expect(resultSummary('', 30, 0, true)).toBe('30 facts match the filters');
  });
});

describe('fact presentation', () => {
  it('formats the review citation with its DOI link', () => {
    expect(formatCitation(pack.manifest.citation)).toEqual({
      authors: 'Lee E-J, Choi B, Hwang E-S, Chang E-J',
      title: 'Interleukin-32 Gamma as a New Face in Inflammatory Bone Diseases',
      journal: 'J Rheum Dis',
      locator: '2017;24(1):14-20',
      doiUrl: 'https://doi.org/10.4078/jrd.2017.24.1.14',
    });
  });

  it('links a reference by DOI, else by an allowed https URL; other URLs stay text', () => {
    const byId = (id: string) => {
      const ref = pack.references.find((r) => r.id === id);
      if (!ref) throw new Error(id);
      return ref;
    };
    expect(referenceLinks(byId('R23')).link?.href).toBe(
      'https://doi.org/10.3389/fimmu.2023.1140373',
    );
    expect(referenceLinks(byId('P:Shoda2006')).link).toEqual({
      href: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1794509',
      text: 'pmc.ncbi.nlm.nih.gov',
    });
    expect(referenceLinks(byId('P:Choi2009'))).toEqual({
      link: undefined,
      unlinkedUrl: 'https://core.ac.uk/display/8281364',
    });
    expect(referenceLinks(byId('P:Novick2006'))).toEqual({
      link: undefined,
      unlinkedUrl: undefined,
    });
    expect(referenceDetails(byId('Jung2014'))).toBe('J Immunol Res 2014;2014:263625');
  });

  it('says the context in words and leaves out what is unspecified', () => {
    const names = new Map(pack.entities.map((e) => [e.id, e.name]));
    const lines = contextLines(
      {
        diseases: ['ra'],
        compartments: [],
        cells: ['osteoblast'],
        species: ['Mus musculus'],
        setting: 'in-vitro',
        note: 'A note.',
      },
      (id) => names.get(id) ?? id,
    );
    expect(lines).toEqual([
      { label: 'Species', text: 'In mice (Mus musculus)' },
      { label: 'Setting', text: 'In cells or tissue in the lab (in vitro)' },
      { label: 'Disease', text: 'Rheumatoid arthritis' },
      { label: 'Cell', text: 'Osteoblast' },
      { label: 'Note', text: 'A note.' },
    ]);
    expect(
      contextLines(
        { diseases: [], compartments: [], cells: [], species: [], setting: 'general' },
        String,
      ),
    ).toEqual([]);
  });

  it('links facts to the pathway edges they support', () => {
    const edges = edgesByFact(pack);
    const expected = pack.pathways.flatMap((p) =>
      p.edges
        .filter((e) => e.factIds.includes('F099'))
        .map((e) => `#/pathways/${p.id}?edge=${e.id}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(edges.get('F099')?.map((e) => e.href)).toEqual(expected);
  });

  it('groups every fact under the manifest topics, in their order', () => {
    const groups = groupByTopic(pack);
    expect(groups.map((g) => g.id)).toEqual(pack.manifest.topics.map((t) => t.id));
    expect(groups.reduce((n, g) => n + g.facts.length, 0)).toBe(pack.facts.length);
  });

  it('reads the linked fact from the hash route or the query string, refusing anything else', () => {
    expect(linkedFact('/source?fact=F099')).toBe('F099');
    expect(linkedFact('/source', '?fact=F012')).toBe('F012');
    expect(linkedFact('/source?fact=<script>')).toBeUndefined();
    expect(linkedFact('/source')).toBeUndefined();
  });
});

describe('coverage', () => {
  const tested = (over: Partial<FactCoverage>): FactCoverage => ({
    factId: 'F001',
    reviews: 0,
    again: 0,
    quizAnswers: 0,
    quizCorrect: 0,
    lastTestedAt: null,
    ...over,
  });

  it('buckets percentages into levels at 40, 70 and 90', () => {
    expect([0, 39, 40, 69, 70, 89, 90, 100].map(levelForPercent)).toEqual([
      'weak',
      'weak',
      'fair',
      'fair',
      'good',
      'good',
      'strong',
      'strong',
    ]);
  });

  it('reads mastery when the fact has cards that were tested, quiz accuracy when it has none', () => {
    expect(
      factCoverage(
        'F001',
        { id: 'F001', mastery: 0.78, cards: 2, seen: 1 },
        tested({ reviews: 3 }),
      ),
    ).toMatchObject({
      level: 'good',
      percent: 78,
      measure: 'mastery',
      reviews: 3,
    });
    expect(
      factCoverage('F001', undefined, tested({ quizAnswers: 4, quizCorrect: 1 })),
    ).toMatchObject({
      level: 'weak',
      percent: 25,
      measure: 'quiz accuracy',
    });
    expect(
      factCoverage('F001', { id: 'F001', mastery: 0, cards: 3, seen: 0 }, undefined),
    ).toMatchObject({
      level: 'untested',
      percent: null,
      cards: 3,
    });
  });

  it('describes a fact for screen readers and counts a topic', () => {
    const views = [
      ...coverageIndex(
        pack.facts.slice(0, 3),
        {
          facts: [{ id: pack.facts[0]?.id ?? '', mastery: 0.95, cards: 1, seen: 1 }],
          entities: [],
          topics: [],
          nodes: [],
          edges: [],
        },
        [tested({ factId: pack.facts[0]?.id ?? '', reviews: 2, quizAnswers: 1, quizCorrect: 1 })],
      ).values(),
    ];
    expect(describeCoverage(views[0] ?? factCoverage('x', undefined, undefined))).toBe(
      `${pack.facts[0]?.id}: Strong, mastery 95 %, 2 reviews, quiz 1 of 1 correct`,
    );
    expect(topicCoverage(views)).toEqual({
      facts: 3,
      tested: 1,
      byLevel: { untested: 2, weak: 0, fair: 0, good: 0, strong: 1 },
    });
  });
});
