import type { PackFileTexts } from '../../shared/pack/validate.ts';
import type { ProgressJob } from '../data/progress-job.ts';

/** Every kind of job a job thread (job-worker.ts) runs. */
export type Job = ProgressJob | { readonly kind: 'validate-pack'; readonly files: PackFileTexts };
