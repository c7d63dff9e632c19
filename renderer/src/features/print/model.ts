import { maxPrintSeed, type PrintExamRequest } from '../../../../shared/contract/print.ts';
import type { QuizOptionsInfo } from '../../../../shared/contract/quiz.ts';
import { maxQuizQuestions } from '../../../../shared/contract/quiz-limits.ts';
import { printedKinds } from '../../../../shared/engine/print-kinds.ts';
import type { QuizKind } from '../../../../shared/engine/types.ts';

/** The practice exam as the learner sets it up. No kinds or topics ticked means all of them. */
export interface ExamDraft {
  readonly kinds: readonly QuizKind[];
  readonly topics: readonly string[];
  readonly count: number;
  readonly seed: number;
}

/** A seed for a new exam; the learner sees it and can type it again to print the same exam. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

/** The kinds the quiz offers that paper can ask, with how each is printed. */
export function printableOptions(options: QuizOptionsInfo) {
  return options.kinds.filter((kind) => printedKinds[kind.id].printed && kind.count > 0);
}

export function clampWhole(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function examRequest(draft: ExamDraft, options: QuizOptionsInfo): PrintExamRequest {
  const offered = printableOptions(options).map((kind) => kind.id);
  const kinds = offered.filter((kind) => draft.kinds.includes(kind));
  return {
    count: clampWhole(draft.count, 1, maxQuizQuestions, 20),
    seed: clampWhole(draft.seed, 0, maxPrintSeed, 0),
    ...(kinds.length > 0 && kinds.length < offered.length ? { kinds } : {}),
    ...(draft.topics.length > 0 ? { topics: [...draft.topics] } : {}),
  };
}

/** "A", "B", … "Z", then "AA": the letter printed before an option. */
export function optionLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${optionLetter(Math.floor(index / 26) - 1)}${letter}`;
}

/** The name of a saved PDF: the document and, for an exam, its seed. */
export function pdfFileStem(kind: 'exam' | 'cards' | 'pathways', seed?: number): string {
  if (kind === 'exam') return `pathwise-exam-${seed ?? 0}`;
  return kind === 'cards' ? 'pathwise-cards' : 'pathwise-pathways';
}
