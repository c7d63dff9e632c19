import { useEffect, useId, useState } from 'react';
import { plural } from '../../components/format.ts';
import { idle, type Operation } from './operation.ts';
import { OperationMessage } from './OperationMessage.tsx';
import { describePack, importPack } from './pack-actions.ts';
import { usePacks } from './packs-store.ts';

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
