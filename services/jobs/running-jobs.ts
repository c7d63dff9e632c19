/**
 * The jobs running on other threads through connections of their own, so that replacing the
 * database file (a reset, a restore, moving a damaged file aside) or closing waits until none of
 * them still reads or writes it.
 */
export class RunningJobs {
  readonly #running = new Set<Promise<unknown>>();

  /** Tracks `job` until `until` settles: its thread may still write after it answered. */
  track<T>(job: Promise<T>, until: Promise<unknown> = job): Promise<T> {
    this.#running.add(until);
    void until.then(
      () => this.#running.delete(until),
      () => this.#running.delete(until),
    );
    return job;
  }

  /** Resolves once no job runs, including jobs started while waiting. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /**
   * Runs `replace` once no job runs, in the same turn as that check: no job started meanwhile
   * (an export asked for while a restore's backup was taken) can still hold the file it replaces.
   */
  async whenIdle<T>(replace: () => T): Promise<T> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
    return replace();
  }
}
