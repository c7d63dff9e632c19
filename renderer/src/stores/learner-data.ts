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
