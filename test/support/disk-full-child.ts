// TEST-ONLY child: run on a small file system of its own (a tmpfs in a user namespace). Opens
// the app's services in the data directory argv[2], fills the disk, answers reviews through the
// contract until one fails, frees the space, answers once more, and prints all of it as JSON.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openAppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import type { Envelope } from '../../shared/contract/errors.ts';
import { testHostOptions } from './test-services.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: disk-full-child.ts <data-dir>');
const services = openAppServices(testHostOptions(dataDir));
const registry = createHandlerRegistry(services);

async function answerNext(): Promise<Envelope<unknown>> {
  const next = (await registry.dispatch('review.next', undefined)) as Envelope<{
    item: { card: { id: string }; stateVersion: string } | null;
  }>;
  if (!next.ok || !next.value.item) return next;
  const { card, stateVersion } = next.value.item;
  return registry.dispatch('review.answer', {
    cardId: card.id,
    rating: 'good',
    durationMs: 1,
    expectedVersion: stateVersion,
  });
}

/** Writes until the file system refuses, in ever smaller pieces, so not a block is left. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 16, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const savedBeforeFull = (await answerNext()).ok;
const filler = path.join(dataDir, 'filler');
fill(filler);
let savedWhileFull = 0;
let failure: Envelope<unknown> | undefined;
for (let i = 0; i < 1000 && !failure; i++) {
  const answer = await answerNext();
  if (answer.ok) savedWhileFull++;
  else failure = answer;
}
rmSync(filler);
const afterFreeing = await answerNext();
const db = services.storage.db();
console.log(
  JSON.stringify({
    savedBeforeFull,
    savedWhileFull,
    failure,
    afterFreeing: afterFreeing.ok,
    events: db.prepare('SELECT COUNT(*) AS n FROM review_event').get()?.n,
    integrity: db.prepare('PRAGMA integrity_check').get()?.integrity_check,
    notices: services.notices.list(),
  }),
);
services.close();
