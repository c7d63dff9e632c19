import type { AppInfo } from '../shared/contract/app.ts';
import { validatePack as validateHere, type PackValidation } from '../shared/pack/validate.ts';
import type { AppServices } from './app-services.ts';
import { appHandlers } from './app-handlers.ts';
import { backupHandlers } from './backup/handlers.ts';
import { browseHandlers } from './browse/handlers.ts';
import { customStudyHandlers } from './custom-study/handlers.ts';
import { dataHandlers } from './data/handlers.ts';
import { ProgressJobs } from './data/progress-jobs.ts';
import { exportHandlers, inlineExporter, jobExporter } from './export/handlers.ts';
import { runOnJobThread } from './jobs/run-job.ts';
import { optimiserHandlers } from './optimiser/handlers.ts';
import type { PackStudy } from './pack-study.ts';
import { packHandlers, type PackValidator } from './packs/handlers.ts';
import { pathwayQuizHandlers } from './pathway-quiz/handlers.ts';
import { printHandlers } from './print/handlers.ts';
import { progressHandlers } from './progress/handlers.ts';
import { quizHandlers } from './quiz/handlers.ts';
import { HandlerRegistry, type Handler, type HandlerMap } from './registry.ts';
import { reportHandlers } from './reports/handlers.ts';
import { reviewHandlers } from './review/handlers.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { storageFailure } from './storage/storage-errors.ts';
import { syncHandlers } from './sync/handlers.ts';

/**
 * Every contract channel wired to its service; both transports dispatch through this. Each
 * domain's handlers get only their own service; those of the pack being studied are looked up
 * at each call (`perStudy`), so a call after a switch never reaches the previous pack's services.
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
  registry.registerAll(packHandlers(services.packs, validatePack, services));
  const study = <K extends keyof HandlerMap>(build: (study: PackStudy) => Pick<HandlerMap, K>) =>
    perStudy(() => services.study, build);
  const { sync } = services;
  // A round of sync follows once study pauses (services/sync/sync-service.ts).
  registry.registerAll(
    sync.afterStudy(
      study((s) => quizHandlers(s.quiz)),
      ['quiz.finish'],
    ),
  );
  registry.registerAll(
    sync.afterStudy(
      study((s) => reviewHandlers(s.review)),
      ['review.answer'],
    ),
  );
  registry.registerAll(study((s) => progressHandlers(s.progress)));
  registry.registerAll(
    sync.afterStudy(
      study((s) => pathwayQuizHandlers(s.pathwayQuiz)),
      ['pathway.nameNode'],
    ),
  );
  registry.registerAll(settingsHandlers(services.settings));
  registry.registerAll(dataHandlers(data));
  registry.registerAll(backupHandlers(backupJobs ?? services.backups));
  registry.registerAll(study((s) => reportHandlers(s.reports)));
  registry.registerAll(exportHandlers(fileExporter(services)));
  registry.registerAll(study((s) => printHandlers(s.printExams, s.review)));
  registry.registerAll(syncHandlers(sync));
  registry.registerAll(
    sync.afterStudy(
      study((s) => customStudyHandlers(s.customStudy)),
      ['custom.cram'],
    ),
  );
  registry.registerAll(study((s) => browseHandlers(s.browse, s.review)));
  registry.registerAll(optimiserHandlers(services.optimiser));
  registry.assertComplete();
  return registry;
}

/**
 * Handlers of the pack being studied: built once per study, and each call is answered by those of
 * the study current when it arrives.
 */
function perStudy<K extends keyof HandlerMap>(
  current: () => PackStudy,
  build: (study: PackStudy) => Pick<HandlerMap, K>,
): Pick<HandlerMap, K> {
  const built = new WeakMap<PackStudy, Pick<HandlerMap, K>>();
  const handlersOf = (study: PackStudy): Pick<HandlerMap, K> => {
    let handlers = built.get(study);
    if (!handlers) {
      handlers = build(study);
      built.set(study, handlers);
    }
    return handlers;
  };
  const names = Object.keys(handlersOf(current())) as K[];
  const delegating: Partial<Record<K, Handler<never>>> = {};
  for (const name of names) {
    delegating[name] = (request, form) =>
      (handlersOf(current())[name] as Handler<never>)(request, form);
  }
  return delegating as unknown as Pick<HandlerMap, K>;
}

/** What an export of the pack being studied reads: its cards and items, reports, retention. */
export function exportSourceFor(services: AppServices) {
  return services.study.exportSource();
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
