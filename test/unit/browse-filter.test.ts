import { describe, expect, it } from 'vitest';
import {
  buildBrowseIndex,
  filterBrowse,
  type BrowseFilters,
  type BrowseStatus,
} from '../../shared/engine/browse.ts';
import { foldText } from '../../shared/engine/normalize.ts';
import { textMatcher } from '../../shared/engine/text-match.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';

const all: BrowseFilters = {
  text: '',
  topic: null,
  pathway: null,
  kind: null,
  state: null,
  flag: null,
  due: 'any',
  difficulty: 'any',
  sort: 'text',
  descending: false,
};
const index = buildBrowseIndex(bundledPack, bundledBank.cards, bundledBank.quiz);
const fresh = (phase: BrowseStatus['phase']): BrowseStatus => ({
  phase,
  due: null,
  difficulty: null,
  suspended: false,
  buried: false,
  flag: null,
  reported: false,
});
const unstudied = (entry: { itemType: 'card' | 'quiz' }) =>
  fresh(entry.itemType === 'card' ? 'new' : null);
const times = { dayEnd: Date.parse('2025-03-04T04:00:00.000Z') };

describe('the search rule', () => {
  it('matches a short query as whole words only', () => {
    const as = textMatcher('AS');
    expect(as(foldText('In AS, serum IL-32 is raised'))).toBe(true);
    expect(as(foldText('It has been based on'))).toBe(false);
    expect(textMatcher('RANKL')(foldText('RANKL-induced osteoclast formation'))).toBe(true);
    expect(textMatcher('il-32γ')(foldText('IL-32 gamma raises'))).toBe(true);
  });
});

describe('filterBrowse over the bundled bank', () => {
  it('lists every card and quiz item without filters, sorted by text', () => {
    const rows = filterBrowse(index, unstudied, all, times);
    expect(rows).toHaveLength(bundledBank.cards.length + bundledBank.quiz.length);
    const reversed = filterBrowse(index, unstudied, { ...all, descending: true }, times);
    expect(reversed.map((row) => row.id)).not.toEqual(rows.map((row) => row.id));
  });

  it('finds RANKL by name and text, and AS as a word, not inside "has"', () => {
    const rankl = filterBrowse(index, unstudied, { ...all, text: 'RANKL' }, times);
    expect(rankl.length).toBeGreaterThan(0);
    expect(rankl.length).toBeLessThan(index.entries.length);
    const as = filterBrowse(index, unstudied, { ...all, text: 'AS' }, times);
    const entries = new Map(index.entries.map((entry) => [entry.id, entry]));
    for (const row of as) {
      const entry = entries.get(row.id);
      const named = entry?.entityIds.includes('as') ?? false;
      expect(named || /(^|[^a-z0-9])as([^a-z0-9]|$)/.test(entry?.folded ?? '')).toBe(true);
    }
  });

  it('filters by state, flag, kind and topic together', () => {
    const [first, second] = index.entries.filter((entry) => entry.itemType === 'card');
    const statusOf = (entry: { id: string; itemType: 'card' | 'quiz' }): BrowseStatus =>
      entry.id === first?.id
        ? { ...fresh('review'), flag: 'green', due: times.dayEnd - 1, difficulty: 8 }
        : entry.id === second?.id
          ? { ...fresh('new'), suspended: true }
          : unstudied(entry);
    const flagged = filterBrowse(index, statusOf, { ...all, flag: 'green' }, times);
    expect(flagged.map((row) => row.id)).toEqual([first?.id]);
    expect(filterBrowse(index, statusOf, { ...all, state: 'suspended' }, times)).toHaveLength(1);
    expect(
      filterBrowse(index, statusOf, { ...all, due: 'today', difficulty: 'high' }, times),
    ).toHaveLength(1);
    expect(filterBrowse(index, statusOf, { ...all, difficulty: 'low' }, times)).toHaveLength(0);
    const topic = first?.topic ?? '';
    const byTopic = filterBrowse(index, statusOf, { ...all, topic, kind: 'fact-cloze' }, times);
    expect(byTopic.every((row) => row.topic === topic && row.kind === 'fact-cloze')).toBe(true);
    const byState = filterBrowse(index, statusOf, { ...all, sort: 'state' }, times);
    expect(byState.at(-1)?.itemType).toBe('quiz');
  });
});
