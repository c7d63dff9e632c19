import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import { idAfterRecordMs } from '../../services/storage/ids.ts';
import {
  idBeforeRecordMs,
  idTimeMismatch,
  studyDayMismatch,
  studyDaysOf,
} from '../../services/data/record-times.ts';

const zoneAtStart = process.env.TZ;
afterEach(() => {
  if (zoneAtStart === undefined) delete process.env.TZ;
  else process.env.TZ = zoneAtStart;
});

/** The time zones furthest apart, and some with odd offsets and summer time. */
const zones = [
  'Etc/GMT+12',
  'Pacific/Kiritimati',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Europe/London',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
];

function idAt(at: number): string {
  const time = at.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7000-8000-000000000001`;
}

describe('study days an imported record may carry', () => {
  it('accept the study day any device anywhere labels a moment with', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, at) => {
          process.env.TZ = zone;
          const [first, last] = studyDaysOf(at);
          const day = studyDayOf(at);
          expect(first <= day && day <= last).toBe(true);
          expect(studyDayMismatch(day, at)).toBeUndefined();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuse a study day no time zone gives the moment', () => {
    const at = Date.parse('2025-03-03T09:00:00.000Z');
    expect(studyDaysOf(at)).toEqual(['2025-03-02', '2025-03-03']);
    expect(studyDayMismatch('2025-03-01', at)).toMatch(/study day 2025-03-01 but is dated/);
    expect(studyDayMismatch('2025-03-04', at)).toMatch(/2025-03-02 to 2025-03-03/);
  });
});

describe('the time inside an imported id', () => {
  const at = Date.parse('2025-03-03T09:00:00.000Z');

  it('may lie a moment before its record, or ahead by as much as a clock was set back', () => {
    expect(idTimeMismatch(idAt(at), at)).toBeUndefined();
    expect(idTimeMismatch(idAt(at - idBeforeRecordMs), at)).toBeUndefined();
    expect(idTimeMismatch(idAt(at + idAfterRecordMs), at)).toBeUndefined();
  });

  it('may lie no further', () => {
    expect(idTimeMismatch(idAt(at - idBeforeRecordMs - 1), at)).toMatch(/1 min before/);
    expect(idTimeMismatch(idAt(at + idAfterRecordMs + 1), at)).toMatch(/31 days after/);
  });
});
