import type { PackFileName } from '../../../../shared/pack/schema.ts';

/**
 * Limits the renderer checks before sending, so the learner gets a clear message without a round
 * trip. Copied from the contract (which would pull zod into this chunk); a unit test keeps each
 * equal to its source.
 */

/** `maxImportBytes` in shared/contract/data.ts. */
export const maxProgressFileBytes = 64 * 1024 * 1024;

/** `maxImportFileChars` in shared/contract/pack.ts. */
export const maxPackFileChars = 4 * 1024 * 1024;

/** `packFileNames` in shared/pack/schema.ts; the check below fails to compile if one is missing. */
export const packFileNames = [
  'manifest.json',
  'entities.json',
  'facts.json',
  'background.json',
  'pathways.json',
  'references.json',
  'teaching-points.json',
  'layout.json',
] as const satisfies readonly PackFileName[];
type Missing = Exclude<PackFileName, (typeof packFileNames)[number]>;
export const everyPackFileListed: [Missing] extends [never] ? true : Missing = true;

export function isPackFileName(name: string): name is PackFileName {
  return (packFileNames as readonly string[]).includes(name);
}
