import { generateBank } from '../../shared/engine/bank.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { quizKinds, type Bank, type QuizItem } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { bundledPackDir, fixturePackDir, readPackDir } from './pack-dir.ts';

/** Packs and banks built once per test file: generation is pure, so sharing them is safe. */
export const bundledPack: Pack = readPackDir(bundledPackDir);
export const fixturePack: Pack = readPackDir(fixturePackDir);
export const bundledBank: Bank = generateBank(bundledPack, { seed: 1 });
export const fixtureBank: Bank = generateBank(fixturePack, { seed: 1 });

/**
 * The bundled bank plus the items of kinds switched off after an audit (matching): learners never
 * see them, but their generator, checks and grading stay and are still tested.
 */
export const bundledBankAllKinds: Bank = {
  ...bundledBank,
  quiz: [
    ...bundledBank.quiz,
    ...quizKinds
      .filter((kind) => kinds[kind].switchedOff !== undefined)
      .flatMap((kind) =>
        kinds[kind].generate({ index: indexPack(bundledPack), seed: 1 }, new Set<string>()),
      ),
  ],
};

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
