import { ContractError } from '../../../../shared/contract/errors.ts';
import type { PackSummary } from '../../../../shared/contract/pack.ts';
import type { PackFileName } from '../../../../shared/pack/schema.ts';
import { api } from '../../api.ts';
import { plural } from '../../components/format.ts';
import { maxPackFileChars } from './limits.ts';
import { messageOf, type Operation } from './operation.ts';
import { problemLines, selectPackFiles } from './pack-files.ts';

export function describePack(pack: PackSummary): string {
  const { counts } = pack;
  return `${plural(counts.facts, 'fact')}, ${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.pathways, 'pathway')}`;
}

/** Reads the picked files and sends them to `pack.import`; says what went wrong, where. */
export async function importPack(fileList: FileList): Promise<Operation> {
  const picked = [...fileList].map((file) => ({
    file,
    name: file.name,
    relativePath: file.webkitRelativePath,
  }));
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
  for (const [name, { file }] of selection.files) {
    const text = await file.text();
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
