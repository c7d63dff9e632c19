import type { QuizItem, StudyCard } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';

/**
 * What an export is made from, taken on the thread that answers (it holds the pack and the bank)
 * and handed to the export's job thread as plain data: the job then needs only its own connection
 * to the progress database, for the card states.
 */
export interface ExportSource {
  readonly pack: {
    readonly id: string;
    readonly title: string;
    readonly version: string;
    readonly topics: readonly { readonly id: string; readonly title: string }[];
  };
  /** Each fact's sentence, for a card's Source field. */
  readonly factTexts: Readonly<Record<string, string>>;
  readonly cards: readonly StudyCard[];
  readonly quiz: readonly QuizItem[];
  /** Cards and items the learner reported as faulty: suspended in Anki, left out of CSV files. */
  readonly hiddenCards: readonly string[];
  readonly hiddenQuizItems: readonly string[];
  /** The learner's target recall, which Anki keeps per card beside the memory state. */
  readonly desiredRetention: number;
}

export function exportSourceOf(options: {
  readonly pack: Pack;
  readonly cards: readonly StudyCard[];
  readonly quiz: readonly QuizItem[];
  readonly hidden: { readonly cards: ReadonlySet<string>; readonly quizItems: ReadonlySet<string> };
  readonly desiredRetention: number;
}): ExportSource {
  const { pack } = options;
  const factTexts: Record<string, string> = {};
  for (const fact of [...pack.facts, ...pack.background]) factTexts[fact.id] = fact.text;
  return {
    pack: {
      id: pack.manifest.id,
      title: pack.manifest.title,
      version: pack.manifest.version,
      topics: pack.manifest.topics.map(({ id, title }) => ({ id, title })),
    },
    factTexts,
    cards: options.cards,
    quiz: options.quiz,
    hiddenCards: [...options.hidden.cards],
    hiddenQuizItems: [...options.hidden.quizItems],
    desiredRetention: options.desiredRetention,
  };
}
