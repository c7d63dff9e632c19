/**
 * "The learner's data was replaced wholesale" (a backup restored, progress imported or reset):
 * every store holding progress or settings subscribes and reloads, instead of each action
 * knowing every store. Writes that change one card say so in their own answer (OpChanges).
 */
type Listener = () => void | Promise<void>;

const listeners = new Set<Listener>();

export function onLearnerDataReplaced(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every subscriber; resolves once all have reloaded (a failed reload shows in its store). */
export async function learnerDataReplaced(): Promise<void> {
  await Promise.allSettled([...listeners].map(async (listener) => listener()));
}

const packListeners = new Set<() => void>();

/**
 * A store holding what the pack being studied says (its pathways, facts, quiz options, items)
 * registers how to forget it; it loads the new pack's when its screen next asks.
 */
export function onStudyPackChanged(reset: () => void): () => void {
  packListeners.add(reset);
  return () => packListeners.delete(reset);
}

/**
 * Another pack is studied (`pack.choose`, or a removal that falls back to the default): every
 * pack store forgets its pack, and every store of progress reloads, as after a restore.
 */
export async function studyPackChanged(): Promise<void> {
  for (const reset of packListeners) reset();
  await learnerDataReplaced();
}
