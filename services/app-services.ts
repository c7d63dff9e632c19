import type { AppInfo } from '../shared/contract/app.ts';
import { generateBank } from '../shared/engine/bank.ts';
import { validatePack as validateHere, type PackValidation } from '../shared/pack/validate.ts';
import type { Bank } from '../shared/engine/types.ts';
import { appHandlers } from './app-handlers.ts';
import { BackupJobs } from './backup/backup-jobs.ts';
import { BrowseService } from './browse/browse-service.ts';
import { browseHandlers } from './browse/handlers.ts';
import { BackupService } from './backup/backup-service.ts';
import { takeDailyBackup } from './backup/daily-backup.ts';
import { backupHandlers } from './backup/handlers.ts';
import { DataService } from './data/data-service.ts';
import { dataHandlers } from './data/handlers.ts';
import { ProgressJobs } from './data/progress-jobs.ts';
import { exportHandlers, inlineExporter, jobExporter } from './export/handlers.ts';
import { exportSourceOf } from './export/export-source.ts';
import type { JobContext } from './jobs/job-context.ts';
import { runOnJobThread } from './jobs/run-job.ts';
import { RunningJobs } from './jobs/running-jobs.ts';
import { NoticeBoard } from './notices.ts';
import { packHandlers, type PackValidator } from './packs/handlers.ts';
import { PackLibrary } from './packs/pack-library.ts';
import { CustomStudyService } from './custom-study/custom-study-service.ts';
import { customStudyHandlers } from './custom-study/handlers.ts';
import { progressHandlers } from './progress/handlers.ts';
import { ProgressService } from './progress/progress-service.ts';
import { pathwayQuizHandlers } from './pathway-quiz/handlers.ts';
import { PathwayQuizService } from './pathway-quiz/pathway-quiz-service.ts';
import { quizHandlers } from './quiz/handlers.ts';
import { printHandlers } from './print/handlers.ts';
import { PrintExams } from './print/print-exam.ts';
import { QuizService } from './quiz/quiz-service.ts';
import { QuizRecordService } from './quiz-records/quiz-record-service.ts';
import { HandlerRegistry } from './registry.ts';
import { reportHandlers } from './reports/handlers.ts';
import { ReportService } from './reports/report-service.ts';
import { Catalog } from './review/catalog.ts';
import { reviewHandlers } from './review/handlers.ts';
import { ReviewService } from './review/review-service.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { SettingsService } from './settings/settings-service.ts';
import { DataFolderLock } from './storage/data-folder-lock.ts';
import { storageFailure } from './storage/storage-errors.ts';
import { checkIntegrityOnJobThread } from './storage/integrity-check.ts';
import { Storage } from './storage/storage.ts';
import { syncHandlers } from './sync/handlers.ts';
import { optimiserEntry } from './host/entries.ts';
import { optimiserHandlers } from './optimiser/handlers.ts';
import { forkOptimiser, runOptimiserProcess } from './optimiser/optimiser-process.ts';
import type { LaunchOptimiser } from './optimiser/optimiser-process.ts';
import { OptimiserService } from './optimiser/optimiser-service.ts';
import { runSyncRound } from './sync/sync-round.ts';
import { SyncService } from './sync/sync-service.ts';

export interface AppServicesOptions {
  /** Where the learner's data lives; created if missing. */
  readonly dataDir: string;
  readonly dataDirKind: AppInfo['dataDirKind'];
  readonly transport: AppInfo['transport'];
  /** Folder holding the bundled packs (assets/packs). */
  readonly bundledPacksDir: string;
  /** The bundled pack studied by default; 'il32-gamma' unless a test says otherwise. */
  readonly defaultPackId?: string;
  readonly appVersion: string;
  /** Injected clock, so tests and benchmarks control time. */
  readonly now?: () => Date;
  /** Interval fuzz (default on); tests turn it off for exact intervals. */
  readonly fuzz?: boolean;
  /** How long to wait for a database lock held elsewhere (default 3 s). */
  readonly busyTimeoutMs?: number;
  /** Databases up to this size are integrity-checked while opening (default 64 MiB). */
  readonly quickCheckMaxBytes?: number;
  /**
   * When to take the day's automatic backup: after this many ms (default 10 s, so start-up stays
   * fast), at once with 0, or never with null.
   */
  readonly dailyBackupDelayMs?: number | null;
  /**
   * Run the heavy work (imports, exports, backups, a pack's validation) on job threads started
   * from this entry (services/jobs/job-worker.ts or its bundle), as the service host does; without
   * it, everything runs on the caller's thread.
   */
  readonly jobs?: URL;
  /** The folder to sync through (the preview's --sync-folder); kept for later starts. */
  readonly syncFolder?: string;
  /** A sync round this often (default 5 min), or never with null. */
  readonly syncIntervalMs?: number | null;
  /** A sync round once study pauses this long (default 2 min). */
  readonly syncQuietMs?: number;
  /**
   * The FSRS optimiser's process: how it starts (Node's fork by default; Electron's utility
   * process through the main process, services/optimiser/relayed-child.ts), its time limit (default 10 min), and its minimum of reviews.
   */
  readonly optimiser?: {
    readonly launch?: LaunchOptimiser;
    readonly timeoutMs?: number;
    readonly minimumReviews?: number;
  };
}

export interface AppServices {
  readonly options: AppServicesOptions;
  readonly now: () => Date;
  /** What services must tell the learner (skipped packs, recovered database…). */
  readonly notices: NoticeBoard;
  /** Bundled and learner knowledge packs, validated. */
  readonly packs: PackLibrary;
  readonly storage: Storage;
  readonly settings: SettingsService;
  readonly review: ReviewService;
  readonly quizRecords: QuizRecordService;
  /** Cards and quiz items generated from the active pack at start. */
  readonly bank: Bank;
  readonly quiz: QuizService;
  /** Practice exams for paper, from the same bank and quiz builder. */
  readonly printExams: PrintExams;
  readonly progress: ProgressService;
  /** Custom study: extra new cards, review ahead, cram sessions. */
  readonly customStudy: CustomStudyService;
  /** Quiz me on the Pathways screen: naming attempts, recorded as quiz answers. */
  readonly pathwayQuiz: PathwayQuizService;
  readonly backups: BackupService;
  /** Backups and restores with their copying on job threads (see `jobs` in the options). */
  readonly backupJobs: BackupJobs | undefined;
  readonly data: DataService;
  /** The learner's reports of faulty items and cards, which hide them until the pack changes. */
  readonly reports: ReportService;
  /** Sync through a folder: when rounds run, and what the last one did. */
  readonly sync: SyncService;
  /** Settings › Optimise: FSRS weights fitted to the learner, applied and undone as events. */
  readonly optimiser: OptimiserService;
  /** Jobs on other threads using the database file (see `jobs` in the options). */
  readonly running: RunningJobs;
  /** Where and when a job asked for now runs. */
  readonly jobContext: () => JobContext;
  /** What the start-up timer runs: a large database's deferred check, then the day's backup. */
  readonly dailyBackup: () => Promise<void>;
  close(): void;
}

/**
 * The composition root for every main-process service; both transports call it. Throws
 * DataFolderInUseError when another Pathwise (Electron or preview) holds the data folder, and a
 * PackStartupError, listing located problems, when a bundled pack is broken or missing: the app
 * has nothing to teach without it.
 */
export function openAppServices(options: AppServicesOptions): AppServices {
  // First of all: a second instance must not read, let alone write, a folder another one owns.
  const lock = DataFolderLock.acquire(options.dataDir);
  try {
    return openLocked(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function openLocked(options: AppServicesOptions, lock: DataFolderLock): AppServices {
  const now = options.now ?? (() => new Date());
  const notices = new NoticeBoard(now);
  const packs = PackLibrary.open({
    bundledDir: options.bundledPacksDir,
    dataDir: options.dataDir,
    notices,
    now,
    defaultPackId: options.defaultPackId,
  });
  const storage = new Storage({
    dataDir: options.dataDir,
    notices,
    now,
    lock,
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    ...(options.quickCheckMaxBytes === undefined
      ? {}
      : { quickCheckMaxBytes: options.quickCheckMaxBytes }),
  });
  storage.open();
  const settings = new SettingsService(storage, now, { fuzz: options.fuzz ?? true });
  // Generated once per start from the active pack; the seed only orders options, so a pack
  // version always yields the same items and card ids.
  const pack = packs.get();
  const bank = generateBank(pack, { seed: `${pack.manifest.id}@${pack.manifest.version}` });
  const reports = new ReportService({ storage, pack, bank, now });
  const review = new ReviewService({
    storage,
    settings,
    now,
    catalog: new Catalog(bank.cards, pack),
    hiddenCards: () => reports.hidden().cards,
  });
  const quizRecords = new QuizRecordService(storage, review, now);
  const quiz = new QuizService({
    bank,
    pack,
    records: quizRecords,
    now,
    hidden: () => reports.hidden().quizItems,
  });
  const printExams = new PrintExams({ bank, pack, hidden: () => reports.hidden().quizItems });
  const progress = new ProgressService({ storage, review, settings, now });
  const customStudy = new CustomStudyService({
    storage,
    review,
    settings,
    now,
    topicMastery: () => progress.mastery().topics,
  });
  const pathwayQuiz = new PathwayQuizService(storage, review, now);
  const backups = new BackupService({ storage, now });
  const data = new DataService({ storage, backups, now, appVersion: options.appVersion });

  const running = new RunningJobs();
  const jobContext = (): JobContext => ({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    now: now().getTime(),
    packId: storage.packId,
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });

  const { jobs } = options;
  const backupJobs =
    jobs && new BackupJobs({ entry: jobs, storage, backups, context: jobContext, running });
  const checkIntegrity =
    jobs &&
    (() =>
      checkIntegrityOnJobThread(
        storage,
        (job) => runOnJobThread<string | null>(jobs, job),
        running,
        options.busyTimeoutMs,
      ));
  // Start-up maintenance, deferred so start stays fast (see daily-backup.ts).
  const daily = () =>
    takeDailyBackup({
      storage,
      backups,
      notices,
      jobs: backupJobs && checkIntegrity && { backups: backupJobs, checkIntegrity },
    });
  const sync = new SyncService({
    storage,
    now,
    runRound: (folder) =>
      jobs
        ? running.track(runOnJobThread(jobs, { kind: 'sync', folder, context: jobContext() }))
        : Promise.resolve().then(() =>
            runSyncRound(storage, { folder, now: () => now().getTime() }),
          ),
    intervalMs: options.syncIntervalMs === undefined ? 5 * 60_000 : options.syncIntervalMs,
    quietMs: options.syncQuietMs ?? 2 * 60_000,
    setBy: options.transport === 'electron' ? 'dialog' : 'command-line',
  });
  if (options.syncFolder !== undefined) sync.setFolder(options.syncFolder);
  sync.start();
  const optimiser = new OptimiserService({
    storage,
    now,
    newId: () => review.newId(),
    run: (request, onProgress) => {
      // Electron's utility process cannot fork itself: its host passes the relayed launcher.
      const launch = options.optimiser?.launch ?? forkOptimiser;
      return runOptimiserProcess(launch, optimiserEntry, request, {
        timeoutMs: options.optimiser?.timeoutMs ?? 10 * 60_000,
        onProgress,
      });
    },
    ...(options.optimiser?.minimumReviews === undefined
      ? {}
      : { minimumReviews: options.optimiser.minimumReviews }),
  });
  const delay = options.dailyBackupDelayMs === undefined ? 10_000 : options.dailyBackupDelayMs;
  let timer: NodeJS.Timeout | undefined;
  if (delay === 0) void daily();
  else if (delay !== null) {
    timer = setTimeout(() => void daily(), delay);
    timer.unref();
  }

  return {
    options,
    now,
    notices,
    packs,
    storage,
    settings,
    review,
    quizRecords,
    bank,
    quiz,
    printExams,
    progress,
    customStudy,
    pathwayQuiz,
    backups,
    backupJobs,
    data,
    reports,
    sync,
    optimiser,
    running,
    jobContext,
    dailyBackup: daily,
    close() {
      if (timer) clearTimeout(timer);
      sync.close();
      storage.close();
      lock.release();
    },
  };
}

/**
 * Every contract channel wired to its service; both transports dispatch through this. Each
 * domain's handlers get only their own service.
 */
export function createHandlerRegistry(services: AppServices): HandlerRegistry {
  const { options: app, notices, running, jobContext } = services;
  const info: AppInfo = {
    name: 'Pathwise',
    version: app.appVersion,
    transport: app.transport,
    dataDirKind: app.dataDirKind,
  };
  const { jobs } = app;
  const { backupJobs } = services;
  const data =
    jobs && backupJobs
      ? new ProgressJobs({
          entry: jobs,
          storage: services.storage,
          data: services.data,
          backups: backupJobs,
          context: jobContext,
          running,
        })
      : services.data;
  const validatePack: PackValidator = jobs
    ? (files) => runOnJobThread<PackValidation>(jobs, { kind: 'validate-pack', files })
    : validateHere;
  const registry = new HandlerRegistry((error) => explainStorageFailure(services, error));
  registry.registerAll(appHandlers(info, notices));
  registry.registerAll(packHandlers(services.packs, validatePack));
  // A round of sync follows once study pauses (services/sync/sync-service.ts).
  registry.registerAll(services.sync.afterStudy(quizHandlers(services.quiz), ['quiz.finish']));
  registry.registerAll(
    services.sync.afterStudy(reviewHandlers(services.review), ['review.answer']),
  );
  registry.registerAll(progressHandlers(services.progress));
  registry.registerAll(
    services.sync.afterStudy(pathwayQuizHandlers(services.pathwayQuiz), ['pathway.nameNode']),
  );
  registry.registerAll(settingsHandlers(services.settings));
  registry.registerAll(dataHandlers(data));
  registry.registerAll(backupHandlers(backupJobs ?? services.backups));
  registry.registerAll(reportHandlers(services.reports));
  registry.registerAll(exportHandlers(fileExporter(services)));
  registry.registerAll(printHandlers(services.printExams, services.review));
  registry.registerAll(syncHandlers(services.sync));
  registry.registerAll(
    services.sync.afterStudy(customStudyHandlers(services.customStudy), ['custom.cram']),
  );
  registry.registerAll(browseHandlers(browseServiceFor(services), services.review));
  registry.registerAll(optimiserHandlers(services.optimiser));
  registry.assertComplete();
  return registry;
}

/** Browse over the pack in use; its index of the pack is built on the first query. */
export function browseServiceFor(services: AppServices): BrowseService {
  return new BrowseService({
    storage: services.storage,
    pack: services.packs.get(),
    bank: services.bank,
    review: services.review,
    hidden: () => services.reports.hidden(),
    now: services.now,
  });
}

/** What an export of the pack in use reads: its cards and items, reports, retention. */
export function exportSourceFor(services: AppServices) {
  return exportSourceOf({
    pack: services.packs.get(),
    cards: services.bank.cards,
    quiz: services.bank.quiz,
    hidden: services.reports.hidden(),
    desiredRetention: services.settings.get().desiredRetention,
  });
}

/** Export files of the pack in use, on job threads when the services have them. */
export function fileExporter(services: AppServices) {
  const { storage, running, jobContext, now } = services;
  const source = () => exportSourceFor(services);
  const { jobs } = services.options;
  return jobs
    ? jobExporter({ entry: jobs, storage, source, context: jobContext, running })
    : inlineExporter({ storage, source, now });
}

/** A full or failing disk answers `storage-unavailable` and leaves one notice saying what to do. */
function explainStorageFailure(services: AppServices, error: unknown) {
  const explained = storageFailure(error, services.options.dataDir);
  const title = 'Progress could not be saved';
  if (explained && !services.notices.list().some((notice) => notice.title === title)) {
    services.notices.add({
      source: 'storage',
      severity: 'error',
      title,
      message: explained.message,
    });
  }
  return explained;
}
