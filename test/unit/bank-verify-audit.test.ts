import { describe, expect, it } from 'vitest';
import type { ChoiceOption, QuizItem, Statement } from '../../shared/engine/types.ts';
import {
  auditCues,
  binomialAtMost,
  hasLoweringClaim,
  hasNegation,
  loneToneItems,
  positionTail,
  type CueResult,
} from '../../shared/verify/audit.ts';

/** Each cue of the test-wise audit, shown winning on a biased bank and losing on a fair one. */

const base = {
  explanation: 'Because.',
  factIds: ['F001'],
  citations: [],
  difficulty: 2,
  topic: 't',
  pathwayIds: [],
  diseaseIds: [],
  entityIds: [],
  edgeIds: [],
  inferenceIds: [],
  teachingPointIds: [],
  highYield: false,
  family: 'f',
} as const;

const claim: Statement = {
  subject: { entityId: 'a', coSubjects: [] },
  relation: 'increases',
  object: 'b',
  compartments: [],
  diseases: [],
};

function tf(i: number, answer: boolean, prompt: string): QuizItem {
  return { ...base, id: `tf${i}`, kind: 'true-false', prompt, statement: claim, answer };
}

function edge(i: number, options: ChoiceOption[]): QuizItem {
  return {
    ...base,
    id: `e${i}`,
    kind: 'diagram-edge',
    prompt: '?',
    pathwayId: 'D1',
    caption: 'Figure 1',
    hiddenEdgeId: 'x',
    options,
  };
}

const signs = ['+', '-', '0'];
/** Key `keyed` placed at position `at` among the three signs. */
function signOptions(keyed: string, at: number): ChoiceOption[] {
  const others = signs.filter((s) => s !== keyed);
  const order = [...others.slice(0, at), keyed, ...others.slice(at)];
  return order.map((id) => ({ id, text: id, correct: id === keyed }));
}

function cue(results: readonly CueResult[], kind: string, name: string): CueResult {
  const found = results.find((r) => r.kind.startsWith(kind) && r.cue.startsWith(name));
  if (found === undefined) throw new Error(`no cue ${kind} ${name}`);
  return found;
}

describe('true/false cues', () => {
  const balanced = Array.from({ length: 10 }, (_, i) =>
    tf(
      i,
      i % 2 === 0,
      i % 4 < 2 ? 'True or false? A raises B.' : 'True or false? A does not change B at all here.',
    ),
  );

  it('always-true wins at 70 % true and loses at 50 %', () => {
    const biased = Array.from({ length: 10 }, (_, i) => tf(i, i < 7, 'True or false? A raises B.'));
    expect(cue(auditCues(biased), 'true-false', 'always').wins).toBe(true);
    expect(cue(auditCues(balanced), 'true-false', 'always').wins).toBe(false);
  });

  it('"no negation word → true" wins when only false statements are negated', () => {
    const biased = Array.from({ length: 10 }, (_, i) =>
      tf(i, i % 2 === 0, i % 2 === 0 ? 'True or false? A raises B.' : 'True or false? A lowers B.'),
    );
    const result = cue(auditCues(biased), 'true-false', 'no negation');
    expect(result).toMatchObject({ wins: true, value: 1 });
    expect(cue(auditCues(balanced), 'true-false', 'no negation').wins).toBe(false);
  });

  it('"longer → true" wins when true statements are the long ones, and counts the reverse too', () => {
    const long = 'True or false? A raises B in human synovial fibroblasts of patients.';
    const short = 'True or false? A raises B.';
    const biased = Array.from({ length: 10 }, (_, i) =>
      tf(i, i % 2 === 0, i % 2 === 0 ? long : short),
    );
    expect(cue(auditCues(biased), 'true-false', 'longer').wins).toBe(true);
    const reversed = biased.map((q, i) => tf(i, !(q.kind === 'true-false' && q.answer), q.prompt));
    expect(cue(auditCues(reversed), 'true-false', 'shorter').wins).toBe(true);
    expect(cue(auditCues(balanced), 'true-false', 'longer').wins).toBe(false);
  });

  it('"no lowering claim → true" wins when the false statements lower and the true ones only say "without"', () => {
    const biased = Array.from({ length: 10 }, (_, i) =>
      tf(
        i,
        i % 2 === 0,
        i % 2 === 0
          ? 'True or false? According to Kim YG et al. 2012, without RANKL, A raises B.'
          : 'True or false? According to Kim YG et al. 2012, without RANKL, A lowers B.',
      ),
    );
    expect(cue(auditCues(biased), 'true-false', 'no negation').wins).toBe(false);
    expect(cue(auditCues(biased), 'true-false', 'no lowering')).toMatchObject({
      wins: true,
      value: 1,
    });
    expect(cue(auditCues(balanced), 'true-false', 'no lowering').wins).toBe(false);
  });

  it('reads the claim, not its framing, for a lowering verb', () => {
    expect(
      hasLoweringClaim('True or false? According to Lee et al. 2017, A protects against B.'),
    ).toBe(true);
    expect(
      hasLoweringClaim('True or false? In mice (Kim YG et al. 2012), A does not change B.'),
    ).toBe(true);
    expect(
      hasLoweringClaim('True or false? According to the review (Lee et al. 2017), A raises B.'),
    ).toBe(false);
  });

  it('finds negation words, not their look-alikes', () => {
    expect(hasNegation('IL-32 does not induce B')).toBe(true);
    expect(hasNegation('IL-32 inhibits B')).toBe(true);
    expect(hasNegation('IL-32 is noted in B')).toBe(false);
  });
});

describe('option cues', () => {
  it('the binomial tail is exact', () => {
    expect(binomialAtMost(1, 4, 0.5)).toBeCloseTo(5 / 16, 12);
    expect(positionTail(30, 30, 3)).toBeCloseTo(3 ** -30, 20);
  });

  it('key position wins when one position holds every key, not when keys rotate', () => {
    const stuck = Array.from({ length: 30 }, (_, i) =>
      edge(i, signOptions(signs[i % 3] ?? '+', 0)),
    );
    const rotating = Array.from({ length: 30 }, (_, i) =>
      edge(i, signOptions(signs[i % 3] ?? '+', i % 3)),
    );
    expect(cue(auditCues(stuck), 'diagram-edge', 'key position').wins).toBe(true);
    expect(cue(auditCues(rotating), 'diagram-edge', 'key position').wins).toBe(false);
  });

  it('one keyed value wins above 60 % of a kind, and needs five items to say anything', () => {
    const plus = (n: number, of: number) =>
      Array.from({ length: of }, (_, i) => edge(i, signOptions(i < n ? '+' : '-', i % 3)));
    expect(cue(auditCues(plus(7, 10)), 'diagram-edge', 'one option').wins).toBe(true);
    expect(cue(auditCues(plus(6, 10)), 'diagram-edge', 'one option').wins).toBe(false);
    expect(cue(auditCues(plus(4, 4)), 'diagram-edge', 'one option').wins).toBe(false);
  });

  it('a value offered on every item but never keyed wins; every value keyed somewhere does not', () => {
    const neverZero = Array.from({ length: 10 }, (_, i) =>
      edge(i, signOptions(i % 2 ? '+' : '-', i % 3)),
    );
    const zeroOnce = neverZero.map((item, i) => (i === 0 ? edge(0, signOptions('0', 0)) : item));
    const struck = cue(auditCues(neverZero), 'diagram-edge', 'strike out');
    expect(struck.wins).toBe(true);
    expect(struck.value).toBeCloseTo(0.5);
    expect(struck.limit).toBeCloseTo(1 / 3);
    expect(cue(auditCues(zeroOnce), 'diagram-edge', 'strike out').wins).toBe(false);
  });

  it('"the target follows the change" wins on perturbations above 60 %, either way round', () => {
    const perturbation = (i: number, change: 'raised' | 'blocked', key: string): QuizItem => ({
      ...base,
      id: `p${i}`,
      kind: 'perturbation',
      prompt: '?',
      pathwayId: 'D1',
      perturbation: { nodeId: 'a', change, targetNodeId: 'b' },
      options: ['up', 'down', 'unchanged'].map((id) => ({ id, text: id, correct: id === key })),
      routes: [],
    });
    // i < follow: the key moves the way the source was moved; the rest move against it.
    const bank = (follow: number, of: number) =>
      Array.from({ length: of }, (_, i) => {
        const change = i % 2 === 0 ? 'raised' : 'blocked';
        const same = change === 'raised' ? 'up' : 'down';
        const other = same === 'up' ? 'down' : 'up';
        return perturbation(i, change, i < follow ? same : other);
      });
    expect(cue(auditCues(bank(8, 10)), 'perturbation', 'the target follows').wins).toBe(true);
    expect(cue(auditCues(bank(2, 10)), 'perturbation', 'the target opposes').wins).toBe(true);
    expect(cue(auditCues(bank(6, 10)), 'perturbation', 'the target follows').wins).toBe(false);
  });

  it('a statement key may not be the only positive or the only negative statement', () => {
    const s = (relation: string): Statement => ({ ...claim, relation });
    const mcq = (id: string, relations: string[]): QuizItem => ({
      ...base,
      id,
      kind: 'mcq',
      prompt: 'Which of the following did X report?',
      claim: { kind: 'statement', referenceId: 'R1' },
      options: relations.map((relation, i) => ({
        id: `o${i}`,
        text: relation,
        correct: i === 0,
        statement: s(relation),
      })),
    });
    const lonePositive = mcq('lone+', ['increases', 'decreases', 'inhibits', 'no-difference-in']);
    const loneNegative = mcq('lone-', ['does-not-induce', 'increases', 'activates', 'promotes']);
    const mixed = mcq('mixed', ['increases', 'activates', 'decreases', 'inhibits']);
    expect(loneToneItems([lonePositive, loneNegative, mixed])).toEqual(['lone+', 'lone-']);
    expect(cue(auditCues([mixed]), 'statement options', 'key is').wins).toBe(false);
    expect(cue(auditCues([mixed, lonePositive]), 'statement options', 'key is').wins).toBe(true);
  });
});
