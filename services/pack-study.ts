import { generateBank } from '../shared/engine/bank.ts';
import type { Bank } from '../shared/engine/types.ts';
import type { Pack } from '../shared/pack/schema.ts';
import { BrowseService } from './browse/browse-service.ts';
import { CustomStudyService } from './custom-study/custom-study-service.ts';
import { exportSourceOf } from './export/export-source.ts';
import { PathwayQuizService } from './pathway-quiz/pathway-quiz-service.ts';
import { PrintExams } from './print/print-exam.ts';
import { ProgressService } from './progress/progress-service.ts';
import { QuizService } from './quiz/quiz-service.ts';
import { QuizRecordService } from './quiz-records/quiz-record-service.ts';
import { ReportService } from './reports/report-service.ts';
import { Catalog } from './review/catalog.ts';
import { ReviewService } from './review/review-service.ts';
import type { SettingsService } from './settings/settings-service.ts';
import type { Storage } from './storage/storage.ts';

/**
 * Everything that depends on the pack being studied, built together from one pack: its bank,
 * the queue over its cards, its quizzes, practice exams, reports, progress, custom study, browse
 * and export source. Switching packs builds a new one and drops the old, so no service is left
 * holding a pack that is no longer studied. Its statements read the pack's records through the
 * storage's pack scope (storage/pack-scope.ts), which `open` sets.
 */
export class PackStudy {
  readonly pack: Pack;
  /** Cards and quiz items generated from the pack. */
  readonly bank: Bank;
  readonly reports: ReportService;
  readonly review: ReviewService;
  readonly quizRecords: QuizRecordService;
  readonly quiz: QuizService;
  /** Practice exams for paper, from the same bank and quiz builder. */
  readonly printExams: PrintExams;
  readonly progress: ProgressService;
  /** Custom study: extra new cards, review ahead, cram sessions. */
  readonly customStudy: CustomStudyService;
  /** Quiz me on the Pathways screen: naming attempts, recorded as quiz answers. */
  readonly pathwayQuiz: PathwayQuizService;
  /** Browse over the pack; its index of the pack is built on the first query. */
  readonly browse: BrowseService;

  readonly #storage: Storage;
  readonly #settings: SettingsService;

  private constructor(options: PackStudyOptions) {
    const { pack, storage, settings, now } = options;
    this.pack = pack;
    this.#storage = storage;
    this.#settings = settings;
    // The seed only orders options, so a pack version always yields the same items and card ids.
    const bank = generateBank(pack, { seed: `${pack.manifest.id}@${pack.manifest.version}` });
    this.bank = bank;
    const reports = new ReportService({ storage, pack, bank, now });
    this.reports = reports;
    const review = new ReviewService({
      storage,
      settings,
      now,
      catalog: new Catalog(bank.cards, pack),
      hiddenCards: () => reports.hidden().cards,
    });
    this.review = review;
    this.quizRecords = new QuizRecordService(storage, review, now);
    const hidden = () => reports.hidden().quizItems;
    this.quiz = new QuizService({ bank, pack, records: this.quizRecords, now, hidden });
    this.printExams = new PrintExams({ bank, pack, hidden });
    const progress = new ProgressService({ storage, review, settings, now });
    this.progress = progress;
    this.customStudy = new CustomStudyService({
      storage,
      review,
      settings,
      now,
      topicMastery: () => progress.mastery().topics,
    });
    this.pathwayQuiz = new PathwayQuizService(storage, review, now);
    this.browse = new BrowseService({
      storage,
      pack,
      bank,
      review,
      hidden: () => reports.hidden(),
      now,
    });
  }

  /** Builds the services of `pack`; nothing reads its records until it is activated. */
  static build(options: PackStudyOptions): PackStudy {
    return new PackStudy(options);
  }

  /** Scopes the storage's per-pack statements to this pack: from now on it is the one studied. */
  activate(): this {
    this.#storage.packId = this.packId;
    return this;
  }

  get packId(): string {
    return this.pack.manifest.id;
  }

  /** What an export of the pack reads: its cards and items, reports, retention. */
  exportSource() {
    return exportSourceOf({
      pack: this.pack,
      cards: this.bank.cards,
      quiz: this.bank.quiz,
      hidden: this.reports.hidden(),
      desiredRetention: this.#settings.get().desiredRetention,
    });
  }
}

export interface PackStudyOptions {
  readonly pack: Pack;
  readonly storage: Storage;
  readonly settings: SettingsService;
  readonly now: () => Date;
}
