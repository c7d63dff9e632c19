import type { AppInfo } from '../shared/contract/app.ts';
import type { Bank } from '../shared/engine/types.ts';
import { BackupJobs } from './backup/backup-jobs.ts';
import { BackupService } from './backup/backup-service.ts';
import { takeDailyBackup } from './backup/daily-backup.ts';
import type { CustomStudyService } from './custom-study/custom-study-service.ts';
import { DataService } from './data/data-service.ts';
import { optimiserEntry } from './host/entries.ts';
import type { JobContext } from './jobs/job-context.ts';
import { runOnJobThread, startJobThread } from './jobs/run-job.ts';
import { RunningJobs } from './jobs/running-jobs.ts';
import { NoticeBoard } from './notices.ts';
import { forkOptimiser, runOptimiserProcess } from './optimiser/optimiser-process.ts';
import type { LaunchOptimiser } from './optimiser/optimiser-process.ts';
import { OptimiserService } from './optimiser/optimiser-service.ts';
import { PackStudy } from './pack-study.ts';
import { PackLibrary } from './packs/pack-library.ts';
import type { PathwayQuizService } from './pathway-quiz/pathway-quiz-service.ts';
import type { PrintExams } from './print/print-exam.ts';
import type { ProgressService } from './progress/progress-service.ts';
import type { QuizRecordService } from './quiz-records/quiz-record-service.ts';
import type { QuizService } from './quiz/quiz-service.ts';
import type { ReportService } from './reports/report-service.ts';
import type { ReviewService } from './review/review-service.ts';
import { SettingsService } from './settings/settings-service.ts';
import { DataFolderLock } from './storage/data-folder-lock.ts';
import { checkIntegrityOnJobThread } from './storage/integrity-check.ts';
import { Storage } from './storage/storage.ts';
import type { SyncJob } from './sync/sync-job.ts';
import { runSyncRound, settleAfterRound, type SyncRoundResult } from './sync/sync-round.ts';
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
  /** The services of the pack being studied, replaced whole when another pack is chosen. */
  readonly study: PackStudy;
  /** The current study's services (each read anew, so a caller never keeps a stale one). */
  readonly review: ReviewService;
  readonly quizRecords: QuizRecordService;
  readonly bank: Bank;
  readonly quiz: QuizService;
  readonly printExams: PrintExams;
  readonly progress: ProgressService;
  readonly customStudy: CustomStudyService;
  readonly pathwayQuiz: PathwayQuizService;
  readonly reports: ReportService;
  readonly backups: BackupService;
  /** Backups and restores with their copying on job threads (see `jobs` in the options). */
  readonly backupJobs: BackupJobs | undefined;
  readonly data: DataService;
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
  /** Studies another installed pack from now on; the choice is a setting, kept for later starts. */
  choosePack(id: string): PackStudy;
  /** Removes a learner pack (kept aside, its records kept); returns the pack studied after. */
  removePack(id: string): string;
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
  let study = startStudy(packs, { storage, settings, now, notices });
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
  // The round's thread copies its WAL back after it answered: tracked until it ends.
  const syncOnJobThread = (entry: URL, job: SyncJob) => {
    const thread = startJobThread<SyncRoundResult>(entry, job);
    return running.track(thread.answer, thread.ended);
  };
  const sync = new SyncService({
    storage,
    now,
    runRound: (folder) =>
      jobs
        ? syncOnJobThread(jobs, { kind: 'sync', folder, context: jobContext() })
        : Promise.resolve().then(() => {
            const result = runSyncRound(storage, { folder, now: () => now().getTime() });
            settleAfterRound(storage);
            return result;
          }),
    intervalMs: options.syncIntervalMs === undefined ? 5 * 60_000 : options.syncIntervalMs,
    quietMs: options.syncQuietMs ?? 2 * 60_000,
    setBy: options.transport === 'electron' ? 'dialog' : 'command-line',
  });
  if (options.syncFolder !== undefined) sync.setFolder(options.syncFolder);
  sync.start();
  const optimiser = new OptimiserService({
    storage,
    now,
    newId: () => study.review.newId(),
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
    get study() {
      return study;
    },
    get review() {
      return study.review;
    },
    get quizRecords() {
      return study.quizRecords;
    },
    get bank() {
      return study.bank;
    },
    get quiz() {
      return study.quiz;
    },
    get printExams() {
      return study.printExams;
    },
    get progress() {
      return study.progress;
    },
    get customStudy() {
      return study.customStudy;
    },
    get pathwayQuiz() {
      return study.pathwayQuiz;
    },
    get reports() {
      return study.reports;
    },
    backups,
    backupJobs,
    data,
    sync,
    optimiser,
    running,
    jobContext,
    dailyBackup: daily,
    choosePack(id) {
      const next = PackStudy.build({ pack: packs.get(id), storage, settings, now });
      settings.update({ studyPack: id });
      packs.choose(id);
      study = next.activate();
      return study;
    },
    removePack(id) {
      const studied = packs.activeId === id;
      packs.remove(id);
      if (studied) this.choosePack(packs.defaultId);
      return packs.activeId;
    },
    close() {
      if (timer) clearTimeout(timer);
      sync.close();
      storage.close();
      lock.release();
    },
  };
}

/**
 * The study of the pack chosen in Settings, or of the default pack with a notice when the chosen
 * one is gone or cannot be loaded (its records stay in the log for when it is back).
 */
function startStudy(
  packs: PackLibrary,
  options: { storage: Storage; settings: SettingsService; now: () => Date; notices: NoticeBoard },
): PackStudy {
  const { storage, settings, now, notices } = options;
  const chosen =
    storage.available && settings.isSet('studyPack') ? settings.get().studyPack : packs.defaultId;
  if (chosen !== packs.defaultId) {
    try {
      const study = PackStudy.build({ pack: packs.choose(chosen), storage, settings, now });
      return study.activate();
    } catch (error) {
      packs.choose(packs.defaultId);
      notices.add({
        source: 'packs',
        severity: 'warning',
        title: `The pack "${chosen}" could not be opened`,
        message:
          `You were studying "${chosen}", which is missing or could not be loaded, so ` +
          `"${packs.get().manifest.title}" is studied instead. The progress you made in ` +
          `"${chosen}" is kept and returns when you import that pack again.`,
        details: [error instanceof Error ? error.message : String(error)],
      });
    }
  }
  return PackStudy.build({ pack: packs.get(packs.defaultId), storage, settings, now }).activate();
}
