import { useEffect, useId, useState } from 'react';
import type { PackSummary } from '../../../../shared/contract/pack.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { plural } from '../../components/format.ts';
import { usePacks } from '../../stores/packs.ts';
import { idle, messageOf, type Operation } from './operation.ts';
import { OperationMessage } from './OperationMessage.tsx';
import { importPack } from './pack-actions.ts';
import { PackList } from './PackList.tsx';

/** Installed knowledge packs: which one is studied, adding one, removing one the learner added. */
export function PacksPanel() {
  const id = useId();
  const packs = usePacks((s) => s.packs);
  const listError = usePacks((s) => s.error);
  const loadPacks = usePacks((s) => s.load);
  const choosePack = usePacks((s) => s.choose);
  const removePack = usePacks((s) => s.remove);
  const [operation, setOperation] = useState<Operation>(idle);
  const [switching, setSwitching] = useState<Operation>(idle);
  const [removing, setRemoving] = useState<PackSummary | undefined>(undefined);
  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);

  const study = async (pack: PackSummary) => {
    setSwitching({ kind: 'working', text: `Opening “${pack.title}”…` });
    try {
      await choosePack(pack.id);
      setSwitching({
        kind: 'done',
        text: `You are now studying “${pack.title}”. Your progress in each pack is kept apart.`,
      });
    } catch (error) {
      setSwitching({ kind: 'failed', text: `The pack was not opened: ${messageOf(error)}` });
    }
  };

  const remove = async (pack: PackSummary) => {
    setRemoving(undefined);
    setSwitching({ kind: 'working', text: `Removing “${pack.title}”…` });
    try {
      await removePack(pack.id);
      setSwitching({
        kind: 'done',
        text: `Removed “${pack.title}”. Its progress is kept: import the pack again to go on with it.`,
      });
    } catch (error) {
      setSwitching({ kind: 'failed', text: `The pack was not removed: ${messageOf(error)}` });
    }
  };

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
        <PackList
          packs={packs}
          busy={switching.kind === 'working'}
          onStudy={(pack) => void study(pack)}
          onRemove={setRemoving}
        />
      )}
      <OperationMessage operation={switching} label="Changing the pack studied" />
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove “${removing?.title ?? ''}”?`}
        confirmLabel="Remove the pack"
        danger
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
        onCancel={() => setRemoving(undefined)}
      >
        <p>
          The pack leaves the app, and its folder is kept aside in your data folder. Your progress
          in it (reviews, quizzes, statistics) is kept: import the same pack again and it is all
          back.
        </p>
      </ConfirmDialog>
      <h3>Add a knowledge pack</h3>
      <p className="field-help" id={`${id}-help`}>
        Pick a pack folder, its JSON files (manifest.json, entities.json, facts.json, pathways.json,
        references.json, teaching-points.json and optionally layout.json), or one zip file of
        either. Every file is checked before anything is saved.
      </p>
      <div className="field-inline pack-pickers">
        <div>
          <label htmlFor={`${id}-files`} className="file-label">
            Pack files or zip
          </label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".json,application/json,.zip,application/zip"
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
