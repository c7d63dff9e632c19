import type { ReportReason, ReportTarget } from '../../../../shared/contract/report.ts';

/** How each reason reads in the report form and in Source. */
export const reasonLabels: Readonly<Record<ReportReason, string>> = {
  'wrong-key': 'The marked answer is wrong',
  ambiguous: 'More than one answer fits',
  unclear: 'The wording is unclear',
  other: 'Something else',
};

export const targetNouns: Readonly<Record<ReportTarget, string>> = {
  'quiz-item': 'question',
  card: 'card',
};
