import type { KeyCheckOf } from '../../verify/keys.ts';
import type { QuizKind } from '../types.ts';
import { clozeKind } from './cloze/index.ts';
import { contextKind } from './context/index.ts';
import { diagramEdgeKind } from './diagram-edge/index.ts';
import { diagramNodeKind } from './diagram-node/index.ts';
import type { KindDef } from './kind-def.ts';
import { matchingKind } from './matching/index.ts';
import { mcqKind } from './mcq/index.ts';
import { orderingKind } from './ordering/index.ts';
import { perturbationKind } from './perturbation/index.ts';
import { trueFalseKind } from './true-false/index.ts';
import { whichStudyKind } from './which-study/index.ts';

export type { ItemOf, KindDef, PublicParts, PublicViewContext, SolutionParts } from './kind-def.ts';

/**
 * Every quiz kind and where it lives: one module per kind, one row here. Code that treats items
 * by kind looks the kind up here instead of switching on it.
 */
const table = {
  mcq: mcqKind,
  'true-false': trueFalseKind,
  cloze: clozeKind,
  matching: matchingKind,
  ordering: orderingKind,
  perturbation: perturbationKind,
  context: contextKind,
  'diagram-node': diagramNodeKind,
  'diagram-edge': diagramEdgeKind,
  'which-study': whichStudyKind,
} satisfies { readonly [K in QuizKind]: KindDef<K> } satisfies Record<QuizKind, KindDef>;

export const kinds: Readonly<Record<QuizKind, KindDef>> = table;

/** Which independent key check (shared/verify) re-derives the keys of each kind. */
export const keyCheckOf: KeyCheckOf = (kind) => (base, item, cited) =>
  kinds[kind].verifyKey(base, item, cited);
