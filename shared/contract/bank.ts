import { z } from 'zod';
import { factIdSchema } from '../pack/schema.ts';
import { channel } from './define.ts';

export const bankCardSchema = z.object({
  id: z.string(),
  kind: z.string(),
  front: z.string(),
  back: z.string(),
  factIds: z.array(z.string()),
  topic: z.string(),
});
export type BankCard = z.infer<typeof bankCardSchema>;

export const bankChannels = {
  /** The flashcards that test the given facts (for a pathway edge's or a fact's details). */
  'bank.cards': channel(
    z.strictObject({ factIds: z.array(factIdSchema).min(1).max(200) }),
    z.array(bankCardSchema),
  ),
};
