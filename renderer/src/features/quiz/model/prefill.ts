import { quizKinds, type QuizKind } from '../../../../../shared/engine/types.ts';
import type { QuizOptionsInfo } from '../../../../../shared/contract/quiz.ts';
import { defaultDraft, clampCount, type SetupDraft } from './setup.ts';

/**
 * What a link to the quiz may preset (`#/quiz?topic=osteoclasts-and-ra&kind=perturbation`):
 * Home, Pathways and Source link here with a topic, pathway, disease or kind in mind. Values may
 * repeat (`topic=a&topic=b`) or be comma-separated.
 */
export interface QuizPrefill {
  readonly topics: readonly string[];
  readonly pathwayId?: string;
  readonly diseaseId?: string;
  readonly kinds: readonly string[];
  readonly highYieldOnly?: boolean;
  readonly mode?: 'practice' | 'exam';
  readonly count?: number;
}

const maxValue = 100;
const maxValues = 20;

function values(params: URLSearchParams, ...names: string[]): string[] {
  const all = names.flatMap((name) => params.getAll(name)).flatMap((v) => v.split(','));
  return [...new Set(all.map((v) => v.trim()).filter((v) => v && v.length <= maxValue))].slice(
    0,
    maxValues,
  );
}

/** Reads the query of the hash route (the part after `?`); unknown parameters are ignored. */
export function parsePrefill(query: string): QuizPrefill {
  const params = new URLSearchParams(query);
  const [pathwayId] = values(params, 'pathway');
  const [diseaseId] = values(params, 'disease');
  const [highYield] = values(params, 'highYield', 'high-yield');
  const [mode] = values(params, 'mode');
  const [count] = values(params, 'count');
  const parsedCount = count === undefined ? Number.NaN : Number.parseInt(count, 10);
  return {
    topics: values(params, 'topic', 'topics'),
    kinds: values(params, 'kind', 'kinds'),
    ...(pathwayId ? { pathwayId } : {}),
    ...(diseaseId ? { diseaseId } : {}),
    ...(highYield !== undefined ? { highYieldOnly: ['1', 'true', 'yes'].includes(highYield) } : {}),
    ...(mode === 'practice' || mode === 'exam' ? { mode } : {}),
    ...(Number.isFinite(parsedCount) ? { count: parsedCount } : {}),
  };
}

export function isEmptyPrefill(prefill: QuizPrefill): boolean {
  return (
    prefill.topics.length === 0 &&
    prefill.kinds.length === 0 &&
    prefill.pathwayId === undefined &&
    prefill.diseaseId === undefined &&
    prefill.highYieldOnly === undefined &&
    prefill.mode === undefined &&
    prefill.count === undefined
  );
}

const isKind = (value: string): value is QuizKind =>
  (quizKinds as readonly string[]).includes(value);

/**
 * A fresh setup with the link's choices applied, checked against what the pack offers; what the
 * pack does not know is left out and listed, so the form can say the link asked for it.
 */
export function resolvePrefill(
  prefill: QuizPrefill,
  options: QuizOptionsInfo,
): { readonly draft: SetupDraft; readonly ignored: readonly string[] } {
  const ignored: string[] = [];
  const known = (list: readonly { readonly id: string }[], id: string, what: string): boolean => {
    if (list.some((entry) => entry.id === id)) return true;
    ignored.push(`${what} “${id}”`);
    return false;
  };
  const base = defaultDraft(options);
  const topics = prefill.topics.filter((id) => known(options.topics, id, 'topic'));
  const kinds = prefill.kinds.filter(
    (id): id is QuizKind => isKind(id) && known(options.kinds, id, 'kind'),
  );
  for (const id of prefill.kinds) if (!isKind(id)) ignored.push(`kind “${id}”`);
  const pathwayId =
    prefill.pathwayId && known(options.pathways, prefill.pathwayId, 'pathway')
      ? prefill.pathwayId
      : '';
  const diseaseId =
    prefill.diseaseId && known(options.diseases, prefill.diseaseId, 'disease')
      ? prefill.diseaseId
      : '';
  return {
    draft: {
      ...base,
      topics,
      kinds: kinds.length > 0 ? kinds : base.kinds,
      pathwayId,
      diseaseId,
      highYieldOnly: prefill.highYieldOnly ?? base.highYieldOnly,
      mode: prefill.mode ?? base.mode,
      count: prefill.count === undefined ? base.count : clampCount(prefill.count),
    },
    ignored,
  };
}
