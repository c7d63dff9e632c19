import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { encodeHeader } from './line-format.ts';

/**
 * Appends lines to this device's own file and makes them durable (fsync) before returning, so
 * the state that says "sent" is stored only after the lines are on disk. Only this device writes
 * its file, and whole lines are never rewritten. The one thing cut away is what follows
 * `validBytes`, the lines this device read back whole: a last line its own crash left torn
 * (without its newline, or with bytes never written). No reader took it, as every reader waits
 * for a damaged last line to become whole, and appending after it would make it a damaged line in
 * the middle, which stops every reader.
 */
export function appendOwnLines(
  file: string,
  deviceId: string,
  lines: readonly string[],
  validBytes: number,
): number {
  const fd = openSync(file, 'a+');
  try {
    const created = fstatSync(fd).size === 0;
    if (fstatSync(fd).size > validBytes) ftruncateSync(fd, validBytes);
    const text = (fstatSync(fd).size === 0 ? encodeHeader(deviceId) : '') + lines.join('');
    writeAll(fd, Buffer.from(text, 'utf8'));
    fsyncSync(fd);
    if (created) syncDirectory(path.dirname(file));
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

/** A new file's name is durable only once its folder is synced too (not possible on Windows). */
function syncDirectory(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; its file systems journal the name themselves.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
