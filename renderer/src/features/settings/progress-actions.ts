import { api } from '../../api.ts';
import { formatDateTime } from '../../components/format.ts';
import { learnerDataReplaced } from '../../stores/learner-data.ts';
import { describeCounts, describeImport } from './describe.ts';
import { download } from './download.ts';
import { maxProgressFileBytes } from './limits.ts';
import { messageOf, type Report } from './operation.ts';

/** `data.export`, saved where the browser saves downloads. */
export async function exportProgress(report: Report): Promise<void> {
  report({ kind: 'working', text: 'Preparing your progress file…' });
  try {
    const { fileName, content, counts } = await api.data.export();
    download(fileName, new Blob([content], { type: 'application/json' }));
    report({ kind: 'done', text: `Saved ${fileName}: ${describeCounts(counts)}.` });
  } catch (error) {
    report({ kind: 'failed', text: `The export failed: ${messageOf(error)}` });
  }
}

/** Reads a progress file and merges it (`data.import`); every store reloads afterwards. */
export async function importProgress(file: File, report: Report): Promise<void> {
  if (file.size > maxProgressFileBytes) {
    report({
      kind: 'failed',
      text: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; progress files are limited to ${maxProgressFileBytes / 1024 / 1024} MB. Nothing was changed.`,
    });
    return;
  }
  report({ kind: 'working', text: `Reading ${file.name}…` });
  try {
    const content = await file.text();
    report({ kind: 'working', text: `Merging ${file.name} into your progress…` });
    const result = await api.data.import({ content });
    await learnerDataReplaced();
    report({
      kind: 'done',
      text: describeImport(result.added, result.alreadyPresent),
      details: [`A backup was made first (${formatDateTime(result.backup.createdAt)}).`],
    });
  } catch (error) {
    report({
      kind: 'failed',
      text: `${file.name} was not imported: ${messageOf(error)} Nothing was changed.`,
    });
  }
}

/** `data.reset`, which backs up first; every store reloads afterwards. */
export async function resetProgress(report: Report): Promise<void> {
  report({ kind: 'working', text: 'Backing up, then erasing your progress…' });
  try {
    const { backup } = await api.data.reset({ confirm: 'erase-all-progress' });
    await learnerDataReplaced();
    report({
      kind: 'done',
      text: `All progress was erased. The backup made first (${formatDateTime(backup.createdAt)}) is in the list above if you want it back.`,
    });
  } catch (error) {
    report({ kind: 'failed', text: `Nothing was erased: ${messageOf(error)}` });
  }
}
