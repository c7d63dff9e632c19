import { createHash } from 'node:crypto';

/**
 * The id a quiz item carries outside main. Internal ids are descriptive and stable
 * ("tf-flip:F012", "diagram-node:D1:dkk-1", "ordering:D1:a>b>c"), so they would give answers away;
 * the renderer sees a digest instead, stable for the same item so drafts and results line up.
 */
export function publicItemId(itemId: string): string {
  return `q-${createHash('sha256').update(itemId).digest('base64url').slice(0, 16)}`;
}
