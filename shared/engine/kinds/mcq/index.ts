import { checkChoice } from '../../../verify/statement-keys.ts';
import { choiceParts } from '../../items/choice-kind.ts';
import { spreadKeyPositions } from '../../items/key-balance.ts';
import type { KindDef } from '../kind-def.ts';
import { checkMcq } from './check.ts';
import { mcqItems } from './entity-mcq.ts';
import { modelStatementMcqItems } from './model-mcq.ts';
import { statementMcqItems } from './statement-mcq.ts';

/** Single best answer: four options, one correct, three distractors the pack proves wrong. */
export const mcqKind = {
  kind: 'mcq',
  label: 'Single best answer',
  description: 'Four options; exactly one is right.',
  selectionStage: 0,
  framed: true,
  asksContested: false,
  ...choiceParts,
  generate: (ctx) =>
    spreadKeyPositions(ctx, [
      ...mcqItems(ctx),
      ...statementMcqItems(ctx),
      ...modelStatementMcqItems(ctx),
    ]),
  check: checkMcq,
  verifyKey: checkChoice,
} satisfies KindDef<'mcq'>;
