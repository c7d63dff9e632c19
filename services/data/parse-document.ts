import { ContractError } from '../../shared/contract/errors.ts';
import { maxImportBytes } from '../../shared/contract/data.ts';
import { settingFields } from '../../shared/contract/settings.ts';
import { isSettingKey } from '../settings/settings-service.ts';
import type { QuizAnswerRecord, QuizSessionRecord } from '../storage/quiz-rows.ts';
import type { ReportEvent } from '../storage/report-rows.ts';
import type { ReviewEvent } from '../storage/review-events.ts';
import type { SettingRecord } from '../storage/setting-rows.ts';
import type { StudySessionRecord } from '../storage/study-session-rows.ts';
import {
  documentFormat,
  documentVersion,
  readableDocumentVersions,
  eventFromDocument,
  progressDocumentSchema,
  quizAnswerFromDocument,
  quizSessionFromDocument,
  settingFromDocument,
  studySessionFromDocument,
} from './progress-document.ts';
import { reportFromDocument } from './report-merge.ts';

/** The records of a progress document, checked on their own (no local data involved). */
export interface Incoming {
  readonly events: ReviewEvent[];
  readonly quizSessions: QuizSessionRecord[];
  readonly quizAnswers: QuizAnswerRecord[];
  readonly studySessions: StudySessionRecord[];
  readonly settings: SettingRecord[];
  readonly reports: ReportEvent[];
}

const byteOrderMark = '\uFEFF';

/** Parses and checks a document on its own; throws `import-rejected` with the first reason. */
export function parseDocument(content: string): Incoming {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > maxImportBytes) {
    throw new ContractError(
      'payload-too-large',
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; progress files are limited to ${maxImportBytes / 1024 / 1024} MB.`,
    );
  }
  // Editors on Windows often save UTF-8 with a byte-order mark; JSON.parse refuses one.
  const text = content.startsWith(byteOrderMark) ? content.slice(1) : content;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    reject(
      `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    reject('The file is not a Pathwise progress file (it is not a JSON object).');
  }
  const header = json as { format?: unknown; version?: unknown };
  if (header.format !== documentFormat) {
    reject(
      `The file is not a Pathwise progress file (its format is ${JSON.stringify(header.format ?? null).slice(0, 60)}, expected "${documentFormat}").`,
    );
  }
  if (typeof header.version !== 'number' || !readableDocumentVersions.includes(header.version)) {
    reject(
      `The file has progress format version ${JSON.stringify(header.version ?? null).slice(0, 20)}; this version of Pathwise reads versions 1 to ${documentVersion}.`,
    );
  }
  const parsed = progressDocumentSchema.safeParse(json);
  if (!parsed.success) reject(`The file has invalid fields: ${describeIssues(parsed.error)}.`);
  const document = parsed.data;
  const badText = findBadText(document);
  if (badText) reject(`The file has invalid text: ${badText}.`);

  const incoming: Incoming = {
    events: dedupe('event', document.events.map(eventFromDocument)),
    quizSessions: dedupe('quiz session', document.quizSessions.map(quizSessionFromDocument)),
    quizAnswers: dedupe('quiz answer', document.quizAnswers.map(quizAnswerFromDocument)),
    studySessions: dedupe('study session', document.studySessions.map(studySessionFromDocument)),
    settings: dedupeSettings(document.settings.map(settingFromDocument)),
    reports: dedupe('report', (document.reports ?? []).map(reportFromDocument)),
  };
  checkOrder(incoming);
  return incoming;
}

/** Sessions end after they start. */
export function checkOrder(incoming: Incoming): void {
  for (const session of incoming.quizSessions) {
    if (session.finishedAt !== null && session.finishedAt < session.startedAt) {
      reject(`Quiz session ${session.id} finishes before it starts.`);
    }
  }
  for (const session of incoming.studySessions) {
    if (session.lastActivityAt < session.startedAt) {
      reject(`Study session ${session.id} ends before it starts.`);
    }
  }
}

/**
 * Where the document holds text SQLite would not store as given: a lone surrogate (stored as
 * U+FFFD, so the same file would later "differ" from itself) or a NUL (which ends text in C).
 */
export function findBadText(document: unknown): string | undefined {
  const stack: { readonly value: unknown; readonly path: string }[] = [
    { value: document, path: '' },
  ];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { value, path } = entry;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `${path || '(root)'} ${problem}`;
    } else if (typeof value === 'object' && value !== null) {
      // Pushed last to first, so the first bad string in the file is the one reported.
      for (const [key, inner] of Object.entries(value).reverse()) {
        stack.push({ value: inner, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return undefined;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why SQLite would not store `text` as given (see `findBadText`), or undefined. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'contains a NUL character (U+0000)';
  const surrogate = loneSurrogate.exec(text)?.[0];
  if (surrogate === undefined) return undefined;
  const code = surrogate.charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone surrogate (U+${code}), which is not Unicode text`;
}

function dedupe<T extends { readonly id: string }>(what: string, records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (seen && !same(seen, record))
      reject(`The file holds two different ${what}s with id ${record.id}.`);
    byId.set(record.id, record);
  }
  return [...byId.values()];
}

function dedupeSettings(settings: readonly SettingRecord[]): SettingRecord[] {
  const byKey = new Map<string, SettingRecord>();
  for (const setting of settings) {
    if (!isSettingKey(setting.key)) reject(`The file holds an unknown setting "${setting.key}".`);
    const value: unknown = JSON.parse(setting.value);
    const check = settingFields[setting.key].safeParse(value);
    if (!check.success) {
      reject(`The setting ${setting.key} has an invalid value: ${describeIssues(check.error)}.`);
    }
    const seen = byKey.get(setting.key);
    if (!seen || compareSettings(setting, seen) > 0) byKey.set(setting.key, setting);
  }
  return [...byKey.values()];
}

/** Last writer wins; equal times fall back to the value, so merging never depends on order. */
export function compareSettings(a: SettingRecord, b: SettingRecord): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function same(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function describeIssues(error: {
  readonly issues: readonly { path: PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`,
    )
    .join('; ');
}

export function reject(message: string): never {
  throw new ContractError('import-rejected', message);
}
