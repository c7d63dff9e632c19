import { generateBank } from '../../shared/engine/bank.ts';
import type { Bank, QuizItem } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { bundledPackDir, fixturePackDir, readPackDir } from './pack-dir.ts';

/** Packs and banks built once per test file: generation is pure, so sharing them is safe. */
export const bundledPack: Pack = readPackDir(bundledPackDir);
export const fixturePack: Pack = readPackDir(fixturePackDir);
export const bundledBank: Bank = generateBank(bundledPack, { seed: 1 });
export const fixtureBank: Bank = generateBank(fixturePack, { seed: 1 });

export function itemOf<K extends QuizItem['kind']>(
  bank: Bank,
  kind: K,
  where: (item: Extract<QuizItem, { kind: K }>) => boolean = () => true,
): Extract<QuizItem, { kind: K }> {
  const found = bank.quiz.find(
    (item): item is Extract<QuizItem, { kind: K }> =>
      item.kind === kind && where(item as Extract<QuizItem, { kind: K }>),
  );
  if (!found) throw new Error(`no ${kind} item matches`);
  return found;
}
