import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress } from '../../renderer/src/commands/registry.ts';
import { backupBefore } from '../../renderer/src/app/restore-choice.ts';
import {
  barWidth,
  formatDueAt,
  formatDuration,
  formatStudyDay,
  humaniseInterval,
  intervalInWords,
  percent,
} from '../../renderer/src/components/format.ts';
import {
  flashcardCommands,
  shortcutFor,
  type FlashcardsContext,
} from '../../renderer/src/features/flashcards/commands.ts';
import { factLink, pathwayLink } from '../../renderer/src/features/flashcards/links.ts';
import {
  answerDuration,
  emptySession,
  nextSentence,
  summarise,
  withAnswer,
  withoutLast,
} from '../../renderer/src/features/flashcards/session.ts';
import { primaryAction, primaryStep } from '../../renderer/src/features/home/next-step.ts';
import { describeCounts, describeImport } from '../../renderer/src/features/settings/describe.ts';
import {
  maxPackFileChars,
  maxProgressFileBytes,
  packFileNames as rendererPackFileNames,
} from '../../renderer/src/features/settings/limits.ts';
import {
  problemLines,
  selectPackFiles,
  zipEntriesAsPicked,
} from '../../renderer/src/features/settings/pack-files.ts';
import {
  relativeInterval,
  retentionRange,
  retentionTradeOff,
} from '../../renderer/src/features/settings/retention.ts';
import type { BackupInfo } from '../../shared/contract/backup.ts';
import { maxImportBytes } from '../../shared/contract/data.ts';
import { maxImportFileChars } from '../../shared/contract/pack.ts';
import type { NextStep } from '../../shared/contract/progress.ts';
import type { QueueCounts } from '../../shared/contract/review.ts';
import { desiredRetentionRange } from '../../shared/contract/settings.ts';
import { elapsedPerStabilityAt } from '../../shared/engine/scheduler.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import { packFileNames } from '../../shared/pack/schema.ts';

const nbsp = '\u00a0';
const text = (value: string) => value.replaceAll(nbsp, ' ');
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('interval humanising', () => {
  it.each([
    [0, '<1 min'],
    [59_999, '<1 min'],
    [minute, '1 min'],
    [6 * minute, '6 min'],
    [10 * minute, '10 min'],
    [59 * minute, '59 min'],
    [hour, '1 h'],
    [23.6 * hour, '1 d'],
    [3 * day, '3 d'],
    [30 * day, '30 d'],
    [36 * day, '1.2 mo'],
    [61 * day, '2 mo'],
    [200 * day, '6.6 mo'],
    [365.25 * day, '1 y'],
    [548 * day, '1.5 y'],
    [Number.NaN, '<1 min'],
  ])('%d ms is "%s"', (ms, expected) => {
    expect(text(humaniseInterval(ms))).toBe(expected);
  });

  it('never breaks a line between number and unit', () => {
    expect(humaniseInterval(10 * minute)).toBe(`10${nbsp}min`);
  });

  it('spells intervals out for screen readers', () => {
    expect(intervalInWords(30_000)).toBe('less than a minute');
    expect(intervalInWords(minute)).toBe('1 minute');
    expect(intervalInWords(10 * minute)).toBe('10 minutes');
    expect(intervalInWords(3 * day)).toBe('3 days');
    expect(intervalInWords(36 * day)).toBe('1.2 months');
  });

  it('formats time spent, shares and bar widths', () => {
    expect(text(formatDuration(45_400))).toBe('45 s');
    expect(text(formatDuration(252_000))).toBe('4 min 12 s');
    expect(text(formatDuration(3_900_000))).toBe('1 h 5 min');
    expect(text(percent(0.804))).toBe('80 %');
    expect(text(percent(1.7))).toBe('100 %');
    expect(barWidth(0.4567)).toBe('45.7%');
    expect(barWidth(-1)).toBe('0%');
  });

  it('writes a study day in words without Intl (cheap at start)', () => {
    expect(formatStudyDay('2025-03-03')).toBe('Monday 3 March 2025');
    expect(formatStudyDay('2026-12-31')).toBe('Thursday 31 December 2026');
    expect(formatStudyDay('not a day')).toBe('not a day');
  });

  it('says when something is due, relative to now', () => {
    const now = new Date(2025, 2, 3, 9, 0);
    expect(formatDueAt(new Date(2025, 2, 3, 9, 8).toISOString(), now)).toBe('in 8 minutes');
    expect(formatDueAt(new Date(2025, 2, 3, 8, 0).toISOString(), now)).toBe('now');
    expect(formatDueAt(new Date(2025, 2, 3, 14, 30).toISOString(), now, 'en-GB')).toBe(
      'today at 14:30',
    );
    expect(formatDueAt(new Date(2025, 2, 4, 9, 10).toISOString(), now, 'en-GB')).toBe(
      'tomorrow at 09:10',
    );
    expect(formatDueAt(new Date(2025, 2, 10, 9, 10).toISOString(), now, 'en-GB')).toBe(
      'on Monday 10 March at 09:10',
    );
    expect(formatDueAt(new Date(2026, 0, 5, 9, 10).toISOString(), now, 'en-GB')).toBe(
      'on Monday, 5 January 2026 at 09:10',
    );
  });
});

describe('next step on Home', () => {
  const weak: NextStep = {
    kind: 'weak-topic',
    topicId: 'il-32-basics',
    title: 'IL-32',
    mastery: 0.42,
  };
  const caughtUp = (nextDueAt: string | null): NextStep => ({ kind: 'caught-up', nextDueAt });

  it('puts what fades fastest first, then due reviews, then new cards', () => {
    const steps: NextStep[] = [
      { kind: 'new-cards', count: 20 },
      weak,
      { kind: 'reviews-due', count: 7 },
      { kind: 'learning-due', count: 2 },
    ];
    expect(primaryStep(steps)?.kind).toBe('learning-due');
    expect(primaryStep(steps.slice(0, 3))?.kind).toBe('reviews-due');
    expect(primaryAction(steps.slice(0, 3))).toMatchObject({
      label: 'Review 7 due cards',
      href: '#/flashcards',
    });
    expect(primaryAction(steps.slice(0, 1))).toMatchObject({ label: 'Learn 20 new cards' });
    expect(primaryAction([{ kind: 'learning-due', count: 1 }]).label).toBe(
      'Continue learning: 1 card',
    );
  });

  it('when caught up, quizzes the weakest topic and says when the next card is due', () => {
    const now = new Date(2025, 2, 3, 9, 0);
    const due = new Date(2025, 2, 4, 9, 30).toISOString();
    const action = primaryAction([caughtUp(due), weak], now);
    expect(action).toMatchObject({
      kind: 'weak-topic',
      label: 'Quiz on IL-32',
      href: '#/quiz?topic=il-32-basics',
    });
    expect(text(action.detail)).toMatch(
      /^You are caught up on flashcards; the next card is due tomorrow at .+\. Your weakest topic is at 42 % mastery/,
    );
  });

  it('with nothing weak, offers a practice quiz; with no steps, still one button', () => {
    expect(primaryAction([caughtUp(null)])).toMatchObject({
      kind: 'caught-up',
      label: 'Take a practice quiz',
      href: '#/quiz',
      detail: 'You are caught up on flashcards; no card is scheduled yet.',
    });
    expect(primaryAction([]).href).toBe('#/flashcards');
  });

  it('escapes the topic id in the quiz link', () => {
    expect(primaryAction([{ ...weak, topicId: 'a b&c' }]).href).toBe('#/quiz?topic=a%20b%26c');
  });
});

describe('flashcard commands', () => {
  const performed: string[] = [];
  const ctx = (over: Partial<FlashcardsContext> = {}): FlashcardsContext => ({
    canReveal: false,
    canRate: false,
    canUndo: false,
    reveal: () => performed.push('reveal'),
    rate: (rating) => performed.push(rating),
    undo: () => performed.push('undo'),
    ...over,
  });
  const key = (value: string, mods: Partial<KeyPress> = {}): KeyPress => ({
    key: value,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    inTextField: false,
    ...mods,
  });
  const id = (event: KeyPress, context: FlashcardsContext, mac = false) =>
    commandForKey(flashcardCommands, event, context, mac)?.id;

  it('Space and Enter reveal the front; nothing else does', () => {
    expect(id(key(' '), ctx({ canReveal: true }))).toBe('flashcards.reveal');
    expect(id(key('Enter'), ctx({ canReveal: true }))).toBe('flashcards.reveal');
    expect(id(key(' '), ctx())).toBeUndefined();
    expect(id(key('3'), ctx({ canReveal: true }))).toBeUndefined();
  });

  it('1–4 rate Again, Hard, Good, Easy once revealed, without modifiers', () => {
    const revealed = ctx({ canRate: true });
    expect(['1', '2', '3', '4'].map((k) => id(key(k), revealed))).toEqual([
      'flashcards.rate.again',
      'flashcards.rate.hard',
      'flashcards.rate.good',
      'flashcards.rate.easy',
    ]);
    expect(id(key('3', { ctrlKey: true }), revealed)).toBeUndefined();
    expect(id(key('3', { altKey: true }), revealed)).toBeUndefined();
    performed.length = 0;
    commandForKey(flashcardCommands, key('4'), revealed, false)?.perform(revealed);
    expect(performed).toEqual(['easy']);
  });

  it('Ctrl+Z undoes (Cmd+Z on a Mac), not with Shift, not with nothing to undo', () => {
    const undoable = ctx({ canUndo: true });
    expect(id(key('z', { ctrlKey: true }), undoable)).toBe('flashcards.undo');
    expect(id(key('z', { metaKey: true }), undoable, true)).toBe('flashcards.undo');
    expect(id(key('z', { ctrlKey: true }), undoable, true)).toBeUndefined();
    expect(id(key('Z', { ctrlKey: true, shiftKey: true }), undoable)).toBeUndefined();
    expect(id(key('z'), undoable)).toBeUndefined();
    expect(id(key('z', { ctrlKey: true }), ctx())).toBeUndefined();
  });

  it('stays out of text fields, so typing never rates a card', () => {
    expect(id(key('3', { inTextField: true }), ctx({ canRate: true }))).toBeUndefined();
    expect(id(key(' ', { inTextField: true }), ctx({ canReveal: true }))).toBeUndefined();
  });

  it('labels each button with its key', () => {
    expect(shortcutFor('flashcards.reveal', false)).toBe('Space');
    expect(shortcutFor('flashcards.rate.good', false)).toBe('3');
    expect(shortcutFor('flashcards.undo', false)).toBe('Ctrl+Z');
    expect(shortcutFor('flashcards.undo', true)).toBe('⌘Z');
  });
});

describe('the review session', () => {
  it('counts answers, the again rate and time, and undo pops only its own card', () => {
    let session = emptySession;
    session = withAnswer(session, { cardId: 'a', rating: 'good', durationMs: 4000 });
    session = withAnswer(session, { cardId: 'b', rating: 'again', durationMs: 6000 });
    expect(summarise(session)).toEqual({ reviewed: 2, again: 1, againRate: 0.5, studyMs: 10_000 });
    expect(withoutLast(session, 'a')).toBe(session);
    expect(summarise(withoutLast(session, 'b')).reviewed).toBe(1);
    expect(summarise(emptySession).againRate).toBe(0);
  });

  it('caps the time on one card at a minute', () => {
    expect(answerDuration(1000, 4500.4)).toBe(3500);
    expect(answerDuration(0, 3_600_000)).toBe(60_000);
    expect(answerDuration(5000, 1000)).toBe(0);
  });

  it('says what is next when the queue is empty', () => {
    const now = new Date(2025, 2, 3, 9, 0);
    const counts = { new: 0, unseen: 600, introducedToday: 20 } as QueueCounts;
    expect(nextSentence(counts, new Date(2025, 2, 3, 9, 5).toISOString(), now)).toBe(
      'The next card is due in 5 minutes. Today’s 20 new cards are done; 600 more wait for the coming days (the daily limit is in Settings).',
    );
    expect(nextSentence({ ...counts, introducedToday: 0 }, null, now)).toBe(
      'No card is scheduled yet.',
    );
  });

  it('links a card to its fact in Source and to its pathway', () => {
    const card = { factIds: ['F099'], entityIds: [], pathwayIds: ['D1'] } as unknown as StudyCard;
    expect(factLink('F099')).toBe('#/source?fact=F099');
    expect(pathwayLink(card, 'D1')).toBe('#/pathways/D1?fact=F099');
    const entity = {
      factIds: [],
      entityIds: ['il-32'],
      pathwayIds: ['D4'],
    } as unknown as StudyCard;
    expect(pathwayLink(entity, 'D4')).toBe('#/pathways/D4?node=il-32');
  });
});

describe('settings helpers', () => {
  it('keeps the renderer’s copies of contract limits equal to their sources', () => {
    expect(maxProgressFileBytes).toBe(maxImportBytes);
    expect(maxPackFileChars).toBe(maxImportFileChars);
    expect([...rendererPackFileNames].sort()).toEqual([...packFileNames].sort());
    expect(retentionRange).toEqual(desiredRetentionRange);
  });

  it('explains retention with the scheduler’s own forgetting curve', () => {
    for (const r of [0.7, 0.8, 0.85, 0.95, 0.99]) {
      expect(relativeInterval(r)).toBeCloseTo(
        elapsedPerStabilityAt(r) / elapsedPerStabilityAt(0.9),
        6,
      );
    }
    expect(text(retentionTradeOff(0.9))).toMatch(/about 90 in 100 cards.*balanced default/);
    expect(text(retentionTradeOff(0.95))).toMatch(/2\.\d× shorter than at 90 %/);
    expect(text(retentionTradeOff(0.8))).toMatch(/\d\.\d× longer than at 90 %: fewer reviews/);
  });

  it('describes exports and imports, and what an import skipped', () => {
    const none = {
      events: 0,
      quizSessions: 0,
      quizAnswers: 0,
      studySessions: 0,
      settings: 0,
      reports: 0,
    };
    expect(describeCounts({ ...none, events: 12, quizSessions: 1, settings: 3 })).toBe(
      '12 review events, 1 quiz session and 3 settings',
    );
    expect(describeCounts(none)).toBe('no records');
    expect(describeImport({ ...none, events: 3 }, { ...none, settings: 2 })).toBe(
      'Added 3 review events. 2 records were already here and were skipped.',
    );
    expect(describeImport(none, { ...none, events: 3, studySessions: 1 })).toBe(
      'Nothing new: all 4 records in this file were already here, so nothing was added.',
    );
  });

  it('places a zipped pack’s files as a folder pick would, its own folder or not', () => {
    const folder = zipEntriesAsPicked('wnt.zip', ['wnt/', 'wnt/facts.json', 'wnt/a/b.json']);
    expect(folder.map((file) => [file.name, file.relativePath, file.entry])).toEqual([
      ['facts.json', 'wnt/facts.json', 'wnt/facts.json'],
      ['b.json', 'wnt/a/b.json', 'wnt/a/b.json'],
    ]);
    const atRoot = selectPackFiles(zipEntriesAsPicked('P.ZIP', ['manifest.json', 'o/facts.json']));
    expect([...atRoot.files.keys()]).toEqual(['manifest.json']);
    expect(atRoot.ignored).toEqual(['P/o/facts.json']);
  });

  it('picks a pack’s files from a folder or a set of files', () => {
    const folder = selectPackFiles([
      { name: 'manifest.json', relativePath: 'my-pack/manifest.json' },
      { name: 'facts.json', relativePath: 'my-pack/facts.json' },
      { name: 'facts.schema.json', relativePath: 'my-pack/schema/facts.schema.json' },
      { name: 'manifest.json', relativePath: 'my-pack/old/manifest.json' },
      { name: 'README.md', relativePath: 'my-pack/README.md' },
    ]);
    expect([...folder.files.keys()]).toEqual(['manifest.json', 'facts.json']);
    expect(folder.ignored).toEqual([
      'my-pack/schema/facts.schema.json',
      'my-pack/old/manifest.json',
      'my-pack/README.md',
    ]);
    expect(folder.duplicates).toEqual([]);
    const twice = selectPackFiles([
      { name: 'facts.json', relativePath: '' },
      { name: 'facts.json', relativePath: '' },
    ]);
    expect(twice.duplicates).toEqual(['facts.json']);
    expect(
      problemLines(
        'The pack was not imported: 2 problems.\nfacts.json:3:5 x\n\nmanifest.json:1:1 y',
      ),
    ).toEqual({
      summary: 'The pack was not imported: 2 problems.',
      problems: ['facts.json:3:5 x', 'manifest.json:1:1 y'],
    });
  });

  it('restores the newest backup from before the damage, not one of the fresh database', () => {
    const backup = (createdAt: string, reason: BackupInfo['reason']): BackupInfo => ({
      id: createdAt,
      createdAt,
      reason,
      sizeBytes: 1,
    });
    const backups = [
      backup('2025-03-03T10:00:00.000Z', 'daily'),
      backup('2025-03-02T18:00:00.000Z', 'manual'),
      backup('2025-03-01T09:00:00.000Z', 'daily'),
    ];
    expect(backupBefore(backups, '2025-03-03T09:59:00.000Z')?.reason).toBe('manual');
    expect(backupBefore(backups, '2025-03-01T08:00:00.000Z')).toBeUndefined();
  });
});
