import { ContractError } from '../../../../shared/contract/errors.ts';
import type { PackSummary } from '../../../../shared/contract/pack.ts';
import type { PackFileName } from '../../../../shared/pack/schema.ts';
import { api } from '../../api.ts';
import { plural } from '../../components/format.ts';
import { isPackFileName, maxPackFileChars } from './limits.ts';
import { messageOf, type Operation } from './operation.ts';
import {
  problemLines,
  selectPackFiles,
  zipEntriesAsPicked,
  type PickedFile,
} from './pack-files.ts';

/** A picked file, or a file inside a picked zip, read only if it is one of the pack's. */
interface PickedEntry extends PickedFile {
  readonly text: () => Promise<string>;
}

export function describePack(pack: PackSummary): string {
  const { counts } = pack;
  return `${plural(counts.facts, 'fact')}, ${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.pathways, 'pathway')}`;
}

/**
 * Reads the picked files (a pack folder, its files, or one zip of either) and sends them to
 * `pack.import`; says what went wrong, where.
 */
export async function importPack(fileList: FileList): Promise<Operation> {
  const picked = await pickedEntries([...fileList]);
  if (typeof picked === 'string')
    return { kind: 'failed', text: `The pack was not imported: ${picked}` };
  const selection = selectPackFiles(picked);
  if (selection.duplicates.length > 0) {
    return {
      kind: 'failed',
      text: `The pack was not imported: ${selection.duplicates.join(', ')} picked more than once. Pick one pack folder, or each file once.`,
    };
  }
  if (selection.files.size === 0) {
    return {
      kind: 'failed',
      text: 'The pack was not imported: none of the picked files is a pack file (manifest.json, entities.json, facts.json, pathways.json, references.json, teaching-points.json, layout.json).',
    };
  }
  const files: Partial<Record<PackFileName, string>> = {};
  for (const [name, entry] of selection.files) {
    const text = await entry.text();
    if (text.length > maxPackFileChars) {
      return {
        kind: 'failed',
        text: `The pack was not imported: ${name} is larger than ${maxPackFileChars / 1024 / 1024} MB.`,
      };
    }
    files[name] = text;
  }
  try {
    const result = await api.pack.import({ files });
    const ignored =
      selection.ignored.length > 0
        ? [
            `Ignored (not pack files): ${selection.ignored.slice(0, 10).join(', ')}${selection.ignored.length > 10 ? '…' : ''}`,
          ]
        : [];
    return {
      kind: 'done',
      text: `Added “${result.pack.title}” ${result.pack.version}: ${describePack(result.pack)}.${result.replaced ? ' It replaces your earlier copy, which was kept aside.' : ''}`,
      details: ignored,
    };
  } catch (error) {
    if (error instanceof ContractError && error.code === 'pack-invalid') {
      const { summary, problems } = problemLines(error.message);
      return { kind: 'failed', text: summary, details: problems };
    }
    return { kind: 'failed', text: `The pack was not imported: ${messageOf(error)}` };
  }
}

async function pickedEntries(files: readonly File[]): Promise<PickedEntry[] | string> {
  const zips = files.filter((file) => /\.zip$/i.test(file.name));
  const [zip] = zips;
  if (!zip) {
    return files.map((file) => ({
      name: file.name,
      relativePath: file.webkitRelativePath,
      text: () => file.text(),
    }));
  }
  if (files.length > 1) return 'pick one zip file on its own, or the pack’s files without a zip.';
  return unzipped(zip);
}

/**
 * The entries of a zipped pack. Only the pack's own files are inflated, each refused before
 * inflating when it would be larger than a pack file may be (a zip can promise gigabytes).
 */
async function unzipped(zip: File): Promise<PickedEntry[] | string> {
  const { strFromU8, unzipSync } = await import('fflate');
  const names: string[] = [];
  let tooLarge: string | undefined;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(new Uint8Array(await zip.arrayBuffer()), {
      filter: (entry) => {
        names.push(entry.name);
        if (!isPackFileName(entry.name.split('/').at(-1) ?? '')) return false;
        // UTF-8 takes at most 3 bytes for a character JavaScript counts as one.
        if (entry.originalSize > maxPackFileChars * 3) tooLarge = entry.name;
        return tooLarge === undefined;
      },
    });
  } catch (error) {
    return `${zip.name} could not be read as a zip file (${messageOf(error)}).`;
  }
  if (tooLarge !== undefined) {
    return `${tooLarge} in ${zip.name} is larger than ${maxPackFileChars / 1024 / 1024} MB.`;
  }
  return zipEntriesAsPicked(zip.name, names).map((picked) => ({
    ...picked,
    text: () => {
      const bytes = inflated[picked.entry];
      return Promise.resolve(bytes ? strFromU8(bytes) : '');
    },
  }));
}
