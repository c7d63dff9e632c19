import type { PublicQuizItem, QuizFeedback } from '../../contract/quiz.ts';
import type { Fact, Pathway } from '../../pack/schema.ts';
import type { FactBase } from '../../verify/facts.ts';
import type { Finding } from '../../verify/statement-keys.ts';
import type { Report } from '../items/check-helpers.ts';
import type { GenContext } from '../items/common.ts';
import type { PackIndex } from '../pack-index.ts';
import type {
  DumpAnswer,
  Grade,
  QuizItem,
  QuizKind,
  QuizResponse,
  ResponseKind,
} from '../types.ts';

export type ItemOf<K extends QuizKind> = Extract<QuizItem, { readonly kind: K }>;

/** What a kind adds to the item the renderer sees before answering (the rest is common). */
export type PublicParts = Partial<
  Pick<PublicQuizItem, 'options' | 'matching' | 'steps' | 'diagram'>
>;

/** What a kind adds to the feedback after answering, beyond the options. */
export type SolutionParts = Partial<Pick<QuizFeedback, 'correctPairs' | 'correctOrder'>>;

/** The pack's pathways and node names, for kinds that draw a pathway fragment. */
export interface PublicViewContext {
  readonly pathways: ReadonlyMap<string, Pathway>;
  readonly nodeLabel: (node: Pathway['nodes'][number]) => string;
}

/**
 * Everything about one quiz kind, in one module (kinds/<kind>/index.ts), collected in the table
 * of kinds/index.ts: adding a kind is one new module and one row. Methods take the kind's own
 * item type; the table is only ever indexed by the item's own kind.
 */
export interface KindDef<K extends QuizKind = QuizKind> {
  readonly kind: K;
  /** How the quiz screen names and explains the kind. */
  readonly label: string;
  readonly description: string;
  /** The response shape the item takes. */
  readonly response: ResponseKind;
  /**
   * When the kind's items are selected (0 first): a later stage sees which facts the items of
   * earlier stages already teach, to prefer items that teach something new.
   */
  readonly selectionStage: number;
  /** Its stem must name its source or the pathway model it is framed on. */
  readonly framed: boolean;
  /** Its items ask about a contested finding (every other kind rests on uncontested facts only). */
  readonly asksContested: boolean;
  /** After a typed answer marked wrong, the learner may say "I was right". */
  readonly claimable: boolean;
  /**
   * Why no item of this kind is shown to learners for now, when a blind audit found the kind
   * unfair (above 10 % defective) and its rule is not fixed yet. Its generator, checks and grading
   * stay, so an item a learner already answered still grades, and the fix can be audited.
   */
  readonly switchedOff?: string;
  /**
   * Every item the pack supports, selected; `taught`: the facts and pathway links ("D4:edge-id")
   * earlier stages already ask (bank.ts `taughtBy`).
   */
  generate(ctx: GenContext, taught: ReadonlySet<string>): ItemOf<K>[];
  /** bank:check's rules for the kind (the rules every item obeys are in check.ts). */
  check(index: PackIndex, item: ItemOf<K>, report: Report): void;
  /**
   * The independent second opinion (shared/verify) on the item's key, re-derived from the raw
   * facts without the generators' rules; bank:check fails on any finding.
   */
  verifyKey(base: FactBase, item: ItemOf<K>, cited: readonly Fact[]): Finding[];
  /** Texts a learner reads as answers (options, matching columns, ordering steps). */
  answerTexts(item: ItemOf<K>): string[];
  /** Marks a response; throws ResponseShapeError when it does not fit the item. */
  grade(item: ItemOf<K>, response: QuizResponse): Grade;
  /** A well-formed response of the item's shape, used only to read the expected answer. */
  neutralResponse(item: ItemOf<K>): QuizResponse;
  /** The answer as content:dump shows it (see DumpAnswer). */
  dumpAnswer(item: ItemOf<K>): DumpAnswer;
  /** What the renderer may see before answering: never the key. */
  publicParts(item: ItemOf<K>, view: PublicViewContext): PublicParts;
  /** The key in the feedback's own fields (matching pairs, ordering steps). */
  solution(item: ItemOf<K>): SolutionParts;
}
