import { describe, expect, it } from 'vitest';
import {
  cardQuizEvidence,
  quizEvidenceByFact,
  quizEvidenceWindowMs,
  recallWithQuiz,
} from '../../shared/engine/quiz-evidence.ts';

const at = Date.parse('2025-03-10T12:00:00Z');
const answer = (factIds: string[], correct: boolean, minutesAgo: number) => ({
  factIds,
  correct,
  answeredAt: at - minutesAgo * 60_000,
});

describe('quiz answers as mastery evidence', () => {
  it('keeps the latest three answers per fact inside the window', () => {
    const evidence = quizEvidenceByFact(
      [
        answer(['F1'], false, 50),
        answer(['F1'], true, 40),
        answer(['F1'], true, 30),
        answer(['F1'], true, 20),
        answer(['F2'], true, quizEvidenceWindowMs / 60_000 + 1),
        answer(['F3'], true, -5),
      ],
      at,
    );
    expect(evidence.get('F1')).toEqual({ answers: 3, right: 3 });
    // Too old, and not yet given.
    expect(evidence.has('F2')).toBe(false);
    expect(evidence.has('F3')).toBe(false);
  });

  it('blames a wrong answer on few facts only, and credits a right one to all', () => {
    const many = ['F1', 'F2', 'F3', 'F4'];
    const evidence = quizEvidenceByFact(
      [answer(many, false, 10), answer(many, true, 5), answer(['F5', 'F6'], false, 5)],
      at,
    );
    expect(evidence.get('F1')).toEqual({ answers: 1, right: 1 });
    expect(evidence.get('F5')).toEqual({ answers: 1, right: 0 });
    expect(cardQuizEvidence(['F1', 'F5', 'F9'], evidence)).toEqual({ answers: 2, right: 1 });
    expect(cardQuizEvidence(['F9'], evidence)).toBeUndefined();
  });

  it('raises recall with right answers and lowers it with wrong ones, studied or not', () => {
    const right = { answers: 1, right: 1 };
    const wrong = { answers: 1, right: 0 };
    expect(recallWithQuiz(0.8, true, undefined)).toBe(0.8);
    expect(recallWithQuiz(0.8, true, right)).toBeGreaterThan(0.8);
    expect(recallWithQuiz(0.8, true, wrong)).toBeLessThan(0.8);
    expect(recallWithQuiz(0, false, right)).toBe(0.5);
    expect(recallWithQuiz(0, false, { answers: 3, right: 3 })).toBe(0.75);
    expect(recallWithQuiz(0, false, wrong)).toBe(0);
  });
});
