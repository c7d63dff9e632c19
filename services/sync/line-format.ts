import { crc32 } from 'node:zlib';

/**
 * The line format of a device's sync file, `<deviceId>.pathwise-sync.jsonl`: UTF-8 lines, each
 * `<crc32 of the JSON, 8 hex digits> <JSON>\n`. The first line is the header (format, version,
 * device id); every other line is one record. Lines are only ever appended, so a reader that has
 * read a prefix only needs what follows it. A sync service may deliver a file while it is still
 * copying it: its last line can lack its newline or hold bytes not yet filled in, which is why
 * every line carries its own checksum.
 */

export const syncFormat = 'pathwise-sync';
/**
 * 2: records may name their pack (progress-document.ts, version 2); a format-1 file names none and
 * is still read, every record of it in the legacy pack.
 */
export const syncFormatVersion = 2;
export const syncFileSuffix = '.pathwise-sync.jsonl';

const deviceIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const newline = 0x0a;
const checksumDigits = 8;

export interface SyncHeader {
  readonly format: typeof syncFormat;
  readonly version: number;
  readonly deviceId: string;
}

export function isSyncDeviceId(deviceId: string): boolean {
  return deviceIdPattern.test(deviceId);
}

export function syncFileName(deviceId: string): string {
  if (!isSyncDeviceId(deviceId)) throw new Error(`Device id ${deviceId} cannot name a sync file.`);
  return `${deviceId}${syncFileSuffix}`;
}

/** The device a file name belongs to, or undefined for a file that is not a sync file. */
export function deviceOfSyncFile(name: string): string | undefined {
  if (!name.endsWith(syncFileSuffix)) return undefined;
  const deviceId = name.slice(0, -syncFileSuffix.length);
  return isSyncDeviceId(deviceId) ? deviceId : undefined;
}

export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  const checksum = crc32(json).toString(16).padStart(checksumDigits, '0');
  return `${checksum} ${json}\n`;
}

export function encodeHeader(deviceId: string): string {
  const header: SyncHeader = { format: syncFormat, version: syncFormatVersion, deviceId };
  return encodeLine(header);
}

export type DecodedLine =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Decodes one line's bytes, `start` to `end` (its newline excluded). */
export function decodeLine(bytes: Uint8Array, start: number, end: number): DecodedLine {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (end - start < checksumDigits + 2 || buffer[start + checksumDigits] !== 0x20) {
    return { ok: false, reason: 'it does not start with an 8-digit checksum and a space' };
  }
  const json = buffer.subarray(start + checksumDigits + 1, end);
  // Compared as numbers: a million lines made two strings each only to compare them.
  const sum = crc32(json);
  if (writtenChecksum(buffer, start) !== sum) {
    const written = buffer.toString('latin1', start, start + checksumDigits);
    const actual = sum.toString(16).padStart(checksumDigits, '0');
    return { ok: false, reason: `its checksum is ${written} but its content gives ${actual}` };
  }
  try {
    return { ok: true, value: JSON.parse(json.toString('utf8')) };
  } catch (error) {
    return { ok: false, reason: `its JSON does not parse (${String(error)})` };
  }
}

/** The 8 lowercase hex digits at `start` as a number (as `encodeLine` writes them); -1 if not. */
function writtenChecksum(buffer: Buffer, start: number): number {
  let value = 0;
  for (let at = start; at < start + checksumDigits; at += 1) {
    const c = buffer[at] ?? 0;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

export type HeaderCheck =
  | { readonly ok: true; readonly header: SyncHeader }
  | { readonly ok: false; readonly newer: boolean; readonly reason: string };

/** Whether a decoded first line is a header this version reads, for the device named by the file. */
export function checkHeader(value: unknown, fileDeviceId: string): HeaderCheck {
  if (typeof value !== 'object' || value === null) {
    return { ok: false, newer: false, reason: 'its first line is not a sync header' };
  }
  const header = value as Partial<Record<keyof SyncHeader, unknown>>;
  if (header.format !== syncFormat) {
    return { ok: false, newer: false, reason: `its format is not "${syncFormat}"` };
  }
  if (typeof header.version !== 'number' || !Number.isInteger(header.version)) {
    return { ok: false, newer: false, reason: 'its header has no version number' };
  }
  if (header.version > syncFormatVersion) {
    return {
      ok: false,
      newer: true,
      reason:
        `it was written by a newer Pathwise (sync format ${header.version}; this version reads ` +
        `formats 1 to ${syncFormatVersion}). Update Pathwise on this device to read it`,
    };
  }
  if (header.version < 1) {
    return { ok: false, newer: false, reason: `its format version ${header.version} is unknown` };
  }
  if (header.deviceId !== fileDeviceId) {
    return {
      ok: false,
      newer: false,
      reason: 'its header names another device than its file name',
    };
  }
  return {
    ok: true,
    header: { format: syncFormat, version: header.version, deviceId: fileDeviceId },
  };
}

/** A whole line found in a chunk of a file: its bytes without the newline, and where it ends. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
  /** Just past its newline. */
  readonly next: number;
}

/** The whole lines of `bytes` from `from`; bytes after the last newline are not yet a line. */
export function* wholeLines(bytes: Uint8Array, from = 0): Generator<LineSpan> {
  let start = from;
  for (;;) {
    const end = bytes.indexOf(newline, start);
    if (end < 0) return;
    yield { start, end, next: end + 1 };
    start = end + 1;
  }
}
