import type { PackFileName } from '../../../../shared/pack/schema.ts';
import { isPackFileName } from './limits.ts';

export interface PickedFile {
  readonly name: string;
  /** `webkitRelativePath` for a folder pick ("il32-gamma/facts.json"), else "". */
  readonly relativePath: string;
}

export interface PackSelection<F> {
  /** The pack's files by name, each at most once. */
  readonly files: ReadonlyMap<PackFileName, F>;
  /** Picked files that are not part of the pack format (a schema folder, a README…). */
  readonly ignored: readonly string[];
  /** Names picked twice (two folders, or a file in a subfolder as well): which one is meant? */
  readonly duplicates: readonly string[];
}

/** How deep a file sits inside the picked folder: 0 for the folder's own files. */
function depth(file: PickedFile): number {
  return file.relativePath ? file.relativePath.split('/').length - 2 : 0;
}

/**
 * Picks a pack's files from what the learner chose: a set of files, or a whole folder. In a
 * folder only its top level counts (the bundled format keeps JSON schemas in `schema/`).
 */
export function selectPackFiles<F extends PickedFile>(picked: readonly F[]): PackSelection<F> {
  const files = new Map<PackFileName, F>();
  const ignored: string[] = [];
  const duplicates = new Set<string>();
  for (const file of picked) {
    const shown = file.relativePath || file.name;
    if (!isPackFileName(file.name) || depth(file) > 0) {
      ignored.push(shown);
      continue;
    }
    if (files.has(file.name)) duplicates.add(file.name);
    else files.set(file.name, file);
  }
  return { files, ignored, duplicates: [...duplicates] };
}

/** The located problems of a refused pack: the message's lines after its first. */
export function problemLines(message: string): { summary: string; problems: string[] } {
  const [summary = '', ...problems] = message.split('\n').filter((line) => line.trim() !== '');
  return { summary, problems };
}

/**
 * Where the files of a zipped pack sit: at the archive's root, or in the one folder that holds
 * everything (a zipped pack folder). Each entry is then placed as a folder pick of that root
 * would place it, named after the archive, so `selectPackFiles` treats both alike.
 */
export function zipEntriesAsPicked(
  zipName: string,
  entries: readonly string[],
): (PickedFile & { readonly entry: string })[] {
  const files = entries.filter((entry) => !entry.endsWith('/'));
  const tops = new Set(files.map((entry) => (entry.includes('/') ? entry.split('/')[0] : '')));
  const [top] = tops;
  const root = tops.size === 1 && top ? `${top}/` : '';
  const folder = zipName.replace(/\.zip$/i, '');
  return files.map((entry) => {
    const inside = entry.startsWith(root) ? entry.slice(root.length) : entry;
    const name = inside.split('/').at(-1) ?? inside;
    return { name, relativePath: `${folder}/${inside}`, entry };
  });
}
