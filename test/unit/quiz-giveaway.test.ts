import { describe, expect, it } from 'vitest';
import type { PublicQuizItem } from '../../shared/contract/quiz.ts';
import {
  answerCandidates,
  withheldUntilAnswered,
} from '../../renderer/src/features/quiz/model/giveaway.ts';

const hiddenNode: PublicQuizItem = {
  id: 'q1',
  kind: 'diagram-node',
  response: 'choice',
  prompt: 'One node is hidden: systemic IL-32γ lowers ?. Which entity is “?”',
  difficulty: 2,
  topic: 'osteoporosis',
  pathwayId: 'D3',
  highYield: false,
  options: [
    { id: 'a', text: 'miR-29a' },
    { id: 'b', text: 'DKK-1' },
    { id: 'c', text: 'IL-32γ (systemic)' },
  ],
  matching: null,
  steps: null,
  diagram: {
    pathwayId: 'D3',
    caption: 'Figure 2B · IL-32γ, … and fracture risk in osteoporosis',
    nodes: [
      { id: 'il-32-gamma', label: 'IL-32γ (systemic)' },
      { id: 'hidden', label: null },
    ],
    edges: [],
  },
};

describe('giveaway guard', () => {
  it('counts every option as a possible answer except one the drawing already shows', () => {
    expect(answerCandidates(hiddenNode)).toEqual(['miR-29a', 'DKK-1']);
  });

  it('withholds a caption naming a candidate until the item is answered', () => {
    const caption = 'Pathway: Figure 2B · IL-32γ, DKK-1 and fracture risk in osteoporosis';
    expect(withheldUntilAnswered(caption, hiddenNode, false, 'withheld')).toBe('withheld');
    expect(withheldUntilAnswered('Pathway: Figure 2B · Dkk1 levels', hiddenNode, false, 'w')).toBe(
      'w',
    );
    expect(withheldUntilAnswered(caption, hiddenNode, true, 'withheld')).toBe(caption);
  });

  it('keeps a caption that names only what is on show', () => {
    const caption = 'Pathway: Figure 2B · IL-32γ in osteoporosis';
    expect(withheldUntilAnswered(caption, hiddenNode, false, 'withheld')).toBe(caption);
  });
});
