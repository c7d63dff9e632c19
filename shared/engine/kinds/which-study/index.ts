import { checkWhichStudy as verifyWhichStudy } from '../../../verify/source-keys.ts';
import { choiceParts } from '../../items/choice-kind.ts';
import type { KindDef } from '../kind-def.ts';
import { checkWhichStudy } from './check.ts';

/**
 * Contested findings: which study reported this? None are generated: which reference found what
 * is trivia unless the review makes a point of it, and a contested finding is taught by its
 * cards, which give both sides. The kind, its checks and its grading remain for such items.
 */
export const whichStudyKind = {
  kind: 'which-study',
  label: 'Which study',
  description: 'Where sources disagree: which study reported what?',
  selectionStage: 0,
  framed: false,
  asksContested: true,
  ...choiceParts,
  generate: () => [],
  check: checkWhichStudy,
  verifyKey: verifyWhichStudy,
} satisfies KindDef<'which-study'>;
