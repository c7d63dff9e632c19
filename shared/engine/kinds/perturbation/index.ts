import { checkPerturbation as verifyPerturbation } from '../../../verify/pathway-keys.ts';
import { choiceParts } from '../../items/choice-kind.ts';
import type { KindDef } from '../kind-def.ts';
import { checkPerturbation } from './check.ts';
import { perturbationItems } from './generate.ts';

/** "If X is blocked/raised, what happens to Y?" computed by sign propagation on a pathway. */
export const perturbationKind = {
  kind: 'perturbation',
  label: 'Predict the effect',
  description: 'If one node is raised or blocked, what happens downstream?',
  selectionStage: 0,
  framed: true,
  asksContested: false,
  ...choiceParts,
  generate: perturbationItems,
  check: checkPerturbation,
  verifyKey: verifyPerturbation,
} satisfies KindDef<'perturbation'>;
