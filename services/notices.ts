import type { Notice } from '../shared/contract/app.ts';

export type NewNotice = Omit<Notice, 'id' | 'createdAt' | 'details'> & {
  details?: readonly string[];
};

/** Collects what services need to tell the learner; the UI reads it through `app.notices`. */
export class NoticeBoard {
  readonly #notices: Notice[] = [];
  #next = 1;
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  add(notice: NewNotice): Notice {
    const full: Notice = {
      ...notice,
      details: [...(notice.details ?? [])],
      id: `notice-${this.#next++}`,
      createdAt: this.#now().toISOString(),
    };
    this.#notices.push(full);
    return full;
  }

  list(): Notice[] {
    return [...this.#notices];
  }

  dismiss(id: string): Notice[] {
    const index = this.#notices.findIndex((n) => n.id === id);
    if (index >= 0) this.#notices.splice(index, 1);
    return this.list();
  }
}
