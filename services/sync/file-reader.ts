import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { checkHeader, decodeLine, wholeLines } from './line-format.ts';
import { parseSyncRecord, type SyncRecord } from './sync-records.ts';
import type { FileProgress } from './sync-state.ts';

/** Something in a device's file this device cannot read; reported, never guessed around. */
export interface SyncProblem {
  readonly file: string;
  /** 1-based; the header is line 1. */
  readonly line?: number;
  readonly message: string;
}

export interface ReadOutcome {
  /** Whole lines read this time (header included). */
  readonly lines: number;
  /** The file shrank or its read part changed: it was read again from its start. */
  readonly restarted: boolean;
  readonly problem?: SyncProblem;
}

export interface ReadOptions {
  readonly path: string;
  readonly name: string;
  readonly deviceId: string;
  readonly progress: FileProgress | undefined;
  /** Records per batch handed to `onBatch`. */
  readonly batchSize: number;
  /** Merges a batch and stores `after`; answers false to stop reading this file for this round. */
  readonly onBatch: (records: readonly SyncRecord[], after: FileProgress) => boolean;
}

const chunkBytes = 4 * 1024 * 1024;
/** The longest line read: records are at most a few tens of KB (a quiz's configuration, 32 KB). */
export const maxLineBytes = 1024 * 1024;
const checkWindow = 4096;

/**
 * Reads what is new in one device's file, in whole lines, from where `progress` says. A last line
 * that is not whole yet (no newline, or its checksum does not match while the copy is under way)
 * is left for a later round. A bad line with more lines after it, a bad record or a header this
 * version cannot read stops the file there, with the file and line in the problem.
 */
export function readDeviceFile(options: ReadOptions): ReadOutcome {
  const fd = openSync(options.path, 'r');
  try {
    return readOpen(fd, options);
  } finally {
    closeSync(fd);
  }
}

function readOpen(fd: number, options: ReadOptions): ReadOutcome {
  const size = fstatSync(fd).size;
  let progress = options.progress;
  let restarted = false;
  if (
    progress &&
    (size < progress.readBytes || prefixCheck(fd, progress.readBytes) !== progress.prefixCheck)
  ) {
    progress = undefined;
    restarted = true;
  }
  let offset = progress?.readBytes ?? 0;
  let line = progress?.readLines ?? 0;
  const startLine = line;
  let batch: SyncRecord[] = [];
  let flushedAt = offset;
  const flush = (): boolean => {
    if (offset === flushedAt) return true;
    flushedAt = offset;
    const after = { readBytes: offset, readLines: line, prefixCheck: prefixCheck(fd, offset) };
    const go = options.onBatch(batch, after);
    batch = [];
    return go;
  };
  const problemAt = (at: number, message: string): ReadOutcome => {
    flush();
    return {
      lines: line - startLine,
      restarted,
      problem: { file: options.name, line: at, message },
    };
  };

  let carry = Buffer.alloc(0);
  let position = offset;
  while (position < size) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, size - position));
    const got = readSync(fd, chunk, 0, chunk.length, position);
    if (got === 0) break;
    position += got;
    const bytes =
      carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, got)]) : chunk.subarray(0, got);
    let consumed = 0;
    for (const span of wholeLines(bytes)) {
      const decoded = decodeLine(bytes, span.start, span.end);
      const lineNumber = line + 1;
      if (!decoded.ok) {
        // The last line of the file may still be arriving: wait for it instead of reporting it.
        const isLast = position === size && span.next === bytes.length;
        if (isLast) {
          flush();
          return outcome();
        }
        return problemAt(lineNumber, `line ${lineNumber} is damaged: ${decoded.reason}.`);
      }
      if (lineNumber === 1) {
        const header = checkHeader(decoded.value, options.deviceId);
        if (!header.ok) return problemAt(1, `The file is not read: ${header.reason}.`);
      } else {
        const parsed = parseSyncRecord(decoded.value, options.deviceId);
        if (!parsed.ok)
          return problemAt(lineNumber, `line ${lineNumber} is refused: ${parsed.reason}.`);
        batch.push(parsed.record);
      }
      line = lineNumber;
      offset += span.next - consumed;
      consumed = span.next;
      if (batch.length >= options.batchSize && !flush()) return outcome();
    }
    carry = bytes.subarray(consumed);
    // No record comes near this: a file with no newline for this long is not a sync file, and
    // holding all of it in memory waiting for one would let any file exhaust it.
    if (carry.length > maxLineBytes) {
      return problemAt(
        line + 1,
        `line ${line + 1} is longer than ${maxLineBytes / 1024 / 1024} MiB.`,
      );
    }
  }
  flush();
  return outcome();

  function outcome(): ReadOutcome {
    return { lines: line - startLine, restarted };
  }
}

/** Checksums of the first and the last few KiB of a file's first `length` bytes. */
export function prefixCheck(fd: number, length: number): string {
  const head = Buffer.alloc(Math.min(checkWindow, length));
  readSync(fd, head, 0, head.length, 0);
  const tail = Buffer.alloc(Math.min(checkWindow, length));
  readSync(fd, tail, 0, tail.length, length - tail.length);
  const hex = (value: number) => value.toString(16).padStart(8, '0');
  return `${length}:${hex(crc32(head))}:${hex(crc32(tail))}`;
}
