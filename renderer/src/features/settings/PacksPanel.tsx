import { useEffect, useId, useState } from 'react';
import { ContractError } from '../../../../shared/contract/errors.ts';
import type { PackSummary } from '../../../../shared/contract/pack.ts';
import type { PackFileName } from '../../../../shared/pack/schema.ts';
import { api } from '../../api.ts';
import { plural } from '../../components/format.ts';
import { maxPackFileChars } from './limits.ts';
import { idle, OperationMessage, type Operation } from './OperationMessage.tsx';
import { problemLines, selectPackFiles } from './pack-files.ts';
import { usePacks } from './packs-store.ts';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

function describePack(pack: PackSummary): string {
  const { counts } = pack;
  return `${plural(counts.facts, 'fact')}, ${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.pathways, 'pathway')}`;
}

/** Reads the picked files and sends them to `pack.import`; says what went wrong, where. */
async function importPack(fileList: FileList): Promise<Operation> {
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

/** Installed knowledge packs, and adding one from files or a folder. */
export function PacksPanel() {
  const id = useId();
  const packs = usePacks((s) => s.packs);
  const listError = usePacks((s) => s.error);
  const loadPacks = usePacks((s) => s.load);
  const [operation, setOperation] = useState<Operation>(idle);
  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);

  const onPick = async (input: HTMLInputElement) => {
    const list = input.files;
    if (!list || list.length === 0) return;
    setOperation({ kind: 'working', text: `Checking ${plural(list.length, 'file')}…` });
    const result = await importPack(list);
    input.value = '';
    setOperation(result);
    if (result.kind === 'done') await loadPacks();
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-packs-title">
      <h2 id="settings-packs-title">Knowledge packs</h2>
      {listError && <p className="message-error">{listError}</p>}
      {packs && (
        <ul className="pack-list">
          {packs.map((pack) => (
            <li key={pack.id}>
              <strong>{pack.title}</strong> <span className="muted">{pack.version}</span>
              <span className="badge">
                {pack.source === 'bundled' ? 'Comes with the app' : 'Added by you'}
              </span>
              {pack.active && <span className="badge tier-review">Studying</span>}
              <div className="muted small">{describePack(pack)}</div>
            </li>
          ))}
        </ul>
      )}
      <h3>Add a knowledge pack</h3>
      <p className="field-help" id={`${id}-help`}>
        Pick a pack folder, or its JSON files (manifest.json, entities.json, facts.json,
        pathways.json, references.json, teaching-points.json and optionally layout.json). Every file
        is checked before anything is saved.
      </p>
      <div className="field-inline pack-pickers">
        <div>
          <label htmlFor={`${id}-files`} className="file-label">
            Pack files
          </label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".json,application/json"
            aria-describedby={`${id}-help`}
            disabled={operation.kind === 'working'}
            onChange={(e) => void onPick(e.currentTarget)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-folder`} className="file-label">
            Pack folder
          </label>
          <input
            // Not in React's types; makes the picker choose a whole folder.
            ref={(element) => element?.setAttribute('webkitdirectory', '')}
            id={`${id}-folder`}
            type="file"
            aria-describedby={`${id}-help`}
            disabled={operation.kind === 'working'}
            onChange={(e) => void onPick(e.currentTarget)}
          />
        </div>
      </div>
      <OperationMessage operation={operation} label="Checking the pack" />
    </section>
  );
}
