import { checkContext as verifyContext } from '../../../verify/statement-keys.ts';
import { choiceParts } from '../../items/choice-kind.ts';
import { capKeyShare, spreadKeyPositions } from '../../items/key-balance.ts';
import type { ContextItem } from '../../types.ts';
import type { KindDef } from '../kind-def.ts';
import { checkContext } from './check.ts';
import { contextItems } from './generate.ts';

const keyId = (item: ContextItem): string => item.options.find((o) => o.correct)?.id ?? '';

/**
 * Local vs systemic, which finding in which disease: options are statuses or compartments. Of
 * the most keyed status, the items whose fact no other item teaches are kept first.
 */
export const contextKind = {
  kind: 'context',
  label: 'Context',
  description: 'Local or systemic? Which finding in which disease?',
  selectionStage: 1,
  framed: true,
  asksContested: false,
  ...choiceParts,
  generate: (ctx, taught) =>
    spreadKeyPositions(
      ctx,
      capKeyShare(contextItems(ctx), keyId, (item) => (taught.has(item.factIds[0] ?? '') ? 0 : 1)),
    ),
  check: checkContext,
  verifyKey: verifyContext,
} satisfies KindDef<'context'>;
