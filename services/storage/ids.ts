import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ContractError } from '../../shared/contract/errors.ts';

const dayMs = 86_400_000;

/**
 * How far an id may run ahead of its record's time. Ids on a device stay after every id it stores,
 * so when its clock is set back an id runs ahead of its record's time by as much as the clock went
 * back. A month covers a wrong date, month or time zone put right later; an import refuses an id
 * further ahead (forged or edited, and once stored it would hold every later local id behind it),
 * so a device whose clock is further back than that refuses to write rather than make a record
 * its own export could not bring back.
 */
export const idAfterRecordMs = 31 * dayMs;

/**
 * UUIDv7 ids that sort in creation order on this device, even when the clock stands still (tests)
 * or steps back (the learner changes it): the log's tie-break on equal timestamps relies on it.
 * `uuid`'s own v7 is monotonic only on the real clock, so the state lives here.
 */
export class EventIdGenerator {
  readonly #now: () => number;
  #msecs = Number.NEGATIVE_INFINITY;
  #seq = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Continue after an id already stored, so new ids sort after it. */
  continueAfter(id: string | null | undefined): void {
    if (!id) return;
    const msecs = timeOfUuidv7(id);
    if (msecs === undefined || msecs < this.#msecs) return;
    this.#msecs = msecs;
    this.#seq = sequenceOfUuidv7(id);
  }

  next(): string {
    const now = this.#now();
    if (this.#msecs - now > idAfterRecordMs) throw clockBehind(now, this.#msecs);
    if (now > this.#msecs) {
      this.#msecs = now;
      // Start low in the 31-bit counter so thousands of ids can follow within one millisecond.
      this.#seq = randomInt(0, 2 ** 24);
    } else {
      this.#seq += 1;
      if (this.#seq >= 2 ** 31) {
        this.#msecs += 1;
        this.#seq = 0;
      }
    }
    return uuidv7({ msecs: this.#msecs, seq: this.#seq });
  }
}

function clockBehind(now: number, newest: number): ContractError {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return new ContractError(
    'conflict',
    `This computer's clock says ${day(now)}, more than ${idAfterRecordMs / dayMs} days before ` +
      `your latest saved study (${day(newest)}). Nothing was saved: set the date right, then try again.`,
  );
}

const uuidv7Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidv7(id: string): boolean {
  return uuidv7Pattern.test(id);
}

/** The creation time (epoch milliseconds) a UUIDv7 carries in its first 48 bits. */
export function timeOfUuidv7(id: string): number | undefined {
  if (!isUuidv7(id)) return undefined;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** The counter `uuid` packs after the timestamp: 12 bits, 6 after the variant, 8, then 6. */
function sequenceOfUuidv7(id: string): number {
  const bits = BigInt(`0x${id.replace(/-/g, '')}`);
  const part = (shift: bigint, mask: bigint) => Number((bits >> shift) & mask);
  return (
    (part(64n, 0xfffn) << 20) |
    (part(56n, 0x3fn) << 14) |
    (part(48n, 0xffn) << 6) |
    part(42n, 0x3fn)
  );
}
