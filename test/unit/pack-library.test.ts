import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { NoticeBoard } from '../../services/notices.ts';
import { PackLibrary, PackStartupError } from '../../services/packs/pack-library.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { edit, miniPackDir, positionOf, readMiniPack } from '../support/packs.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';

const now = () => new Date('2026-03-01T10:00:00.000Z');
const brokenFacts = edit(readMiniPack(), 'facts.json', '"id": "F004",', '"id": "F004"');
const commaAt = positionOf(brokenFacts['facts.json'], '"text": "RANKL that');

let bundledDir: string;
let dataDir: string;
let notices: NoticeBoard;

beforeEach(() => {
  const root = tempDir('packs');
  bundledDir = path.join(root, 'bundled');
  dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
  cpSync(miniPackDir, path.join(bundledDir, 'mini'), { recursive: true });
  notices = new NoticeBoard(now);
});

function open(): PackLibrary {
  return PackLibrary.open({ bundledDir, dataDir, notices, now, defaultPackId: 'mini' });
}

/** A learner pack folder `<dataDir>/packs/<folder>` holding the mini pack with edits applied. */
function writeLearnerPack(folder: string, files: Record<string, string>): string {
  const dir = path.join(dataDir, 'packs', folder);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function renamed(id: string, title = 'Renamed pack'): Record<string, string> {
  return edit(
    edit(readMiniPack(), 'manifest.json', '"id": "mini"', `"id": "${id}"`),
    'manifest.json',
    '"title": "Mini IL-32γ pack (test fixture)"',
    `"title": "${title}"`,
  );
}

function contractError(run: () => unknown): ContractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected a ContractError');
}

describe('PackLibrary at start', () => {
  it('loads the bundled pack as the active one', () => {
    const library = open();
    expect(library.list()).toEqual([
      {
        id: 'mini',
        title: 'Mini IL-32γ pack (test fixture)',
        version: '0.1.0',
        source: 'bundled',
        active: true,
        hasLayout: false,
        counts: {
          entities: 11,
          facts: 10,
          pathways: 1,
          edges: 5,
          references: 4,
          teachingPoints: 2,
        },
        pathways: [
          {
            id: 'D1',
            title: 'IL-32γ in the spine: normal versus ankylosing spondylitis',
            figure: 'Figure 2A',
          },
        ],
      },
    ]);
    expect(library.get().manifest.id).toBe('mini');
    expect(notices.list()).toEqual([]);
  });

  it('skips a broken learner pack with a located notice, and the bundled pack still works', () => {
    writeLearnerPack('broken', {
      ...brokenFacts,
      'manifest.json': renamed('broken')['manifest.json'] ?? '',
    });
    writeLearnerPack('good', renamed('good'));
    const library = open();
    expect(library.list().map((pack) => [pack.id, pack.source])).toEqual([
      ['mini', 'bundled'],
      ['good', 'learner'],
    ]);
    expect(library.get().manifest.id).toBe('mini');
    const [notice] = notices.list();
    expect(notices.list()).toHaveLength(1);
    expect(notice).toMatchObject({ source: 'packs', severity: 'warning' });
    expect(notice?.title).toContain('"broken"');
    expect(notice?.details).toEqual([
      expect.stringMatching(
        new RegExp(`^facts\\.json:${commaAt.line}:${commaAt.column} expected ","`),
      ),
    ]);
  });

  it('skips a learner pack whose folder and id differ, or whose id is a bundled one', () => {
    writeLearnerPack('other-name', renamed('not-other-name'));
    writeLearnerPack('mini', readMiniPack());
    const library = open();
    expect(library.list().map((pack) => pack.id)).toEqual(['mini']);
    expect(library.get('mini').manifest.title).toBe('Mini IL-32γ pack (test fixture)');
    expect(notices.list().map((notice) => notice.message)).toEqual([
      expect.stringContaining('is the id of a pack that comes with the app'),
      expect.stringContaining('its folder is named "other-name"'),
    ]);
  });

  it('refuses to start when a bundled pack is broken, listing located problems', () => {
    writeFileSync(path.join(bundledDir, 'mini', 'facts.json'), brokenFacts['facts.json'] ?? '');
    const start = () =>
      openAppServices({
        dataDir,
        dataDirKind: 'test',
        transport: 'http',
        bundledPacksDir: bundledDir,
        defaultPackId: 'mini',
        appVersion: '0.0.0',
      });
    expect(start).toThrow(PackStartupError);
    expect(start).toThrow(`mini/facts.json:${commaAt.line}:${commaAt.column} expected ","`);
  });

  it('refuses to start without the default pack', () => {
    expect(() =>
      PackLibrary.open({ bundledDir, dataDir, notices, now, defaultPackId: 'il32-gamma' }),
    ).toThrow(/"il32-gamma" that comes with Pathwise is missing/);
    expect(() =>
      PackLibrary.open({ bundledDir: path.join(bundledDir, 'nope'), dataDir, notices, now }),
    ).toThrow(PackStartupError);
  });
});

describe('PackLibrary.import', () => {
  it('validates, writes into <dataDir>/packs/<id>/ and lists the pack', () => {
    const library = open();
    const files = renamed('mine');
    const result = library.import(files);
    expect(result).toMatchObject({
      replaced: false,
      pack: { id: 'mine', source: 'learner', active: false },
    });
    const dir = path.join(dataDir, 'packs', 'mine');
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
    }
    expect(readdirSync(path.join(dataDir, 'packs'))).toEqual(['mine']);
    expect(open().get('mine').manifest.title).toBe('Renamed pack');
  });

  it('moves an existing learner pack with the same id aside, never deleting it', () => {
    const library = open();
    library.import(renamed('mine', 'First version'));
    const second = library.import(renamed('mine', 'Second version'));
    expect(second.replaced).toBe(true);
    expect(library.get('mine').manifest.title).toBe('Second version');
    const replacedDir = path.join(dataDir, 'packs', '.replaced');
    const [aside] = readdirSync(replacedDir);
    expect(aside).toBe('mine-2026-03-01T10-00-00-000Z');
    const kept = readFileSync(path.join(replacedDir, aside ?? '', 'manifest.json'), 'utf8');
    expect(kept).toContain('"title": "First version"');

    library.import(renamed('mine', 'Third version'));
    expect(readdirSync(replacedDir).sort()).toEqual([
      'mine-2026-03-01T10-00-00-000Z',
      'mine-2026-03-01T10-00-00-000Z-2',
    ]);
    expect(open().get('mine').manifest.title).toBe('Third version');
  });

  it('refuses an invalid pack with its located problems and writes nothing', () => {
    const library = open();
    const error = contractError(() =>
      library.import({ ...brokenFacts, ...{ 'manifest.json': renamed('mine')['manifest.json'] } }),
    );
    expect(error.code).toBe('pack-invalid');
    expect(error.message).toContain('1 problem');
    expect(error.message).toContain(`facts.json:${commaAt.line}:${commaAt.column} expected ","`);
    expect(
      readdirSync(path.join(dataDir)).includes('packs')
        ? readdirSync(path.join(dataDir, 'packs'))
        : [],
    ).toEqual([]);
  });

  it('refuses to shadow a bundled pack', () => {
    const error = contractError(() => open().import(readMiniPack()));
    expect(error.code).toBe('conflict');
  });

  it('keeps the existing pack when writing the new one fails', () => {
    const library = open();
    library.import(renamed('mine', 'Kept version'));
    // `.replaced` as a file makes moving the old pack aside impossible.
    writeFileSync(path.join(dataDir, 'packs', '.replaced'), 'not a folder');
    const error = contractError(() => library.import(renamed('mine', 'Lost version')));
    expect(error.code).toBe('storage-unavailable');
    const manifest = readFileSync(path.join(dataDir, 'packs', 'mine', 'manifest.json'), 'utf8');
    expect(manifest).toContain('"title": "Kept version"');
    expect(readdirSync(path.join(dataDir, 'packs')).sort()).toEqual(['.replaced', 'mine']);
    expect(library.get('mine').manifest.title).toBe('Kept version');
  });
});

describe('pack channels', () => {
  function registry() {
    const services = openAppServices({
      dataDir,
      dataDirKind: 'test',
      transport: 'http',
      bundledPacksDir: bundledDir,
      defaultPackId: 'mini',
      appVersion: '0.0.0',
    });
    onCleanup(() => services.close());
    return createHandlerRegistry(services);
  }

  it('lists packs and gets the active one by default', async () => {
    const channels = registry();
    const list = await channels.dispatch('pack.list', undefined);
    expect(list.ok && list.value).toEqual([expect.objectContaining({ id: 'mini', active: true })]);
    const pack = await channels.dispatch('pack.get', undefined);
    expect(pack.ok && (pack.value as { manifest: { id: string } }).manifest.id).toBe('mini');
    expect(await channels.dispatch('pack.get', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no pack "nope".' },
    });
  });

  it('imports through the channel and answers problems as pack-invalid', async () => {
    const channels = registry();
    const imported = await channels.dispatch('pack.import', { files: renamed('mine') });
    expect(imported).toMatchObject({ ok: true, value: { pack: { id: 'mine' }, replaced: false } });
    const invalid = await channels.dispatch('pack.import', { files: brokenFacts });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'pack-invalid' } });
  });

  it('refuses file names outside the pack format and oversized files before the service runs', async () => {
    const channels = registry();
    const traversal = await channels.dispatch('pack.import', {
      files: { ...renamed('mine'), '../../evil.json': '[]' },
    });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const huge = await channels.dispatch('pack.import', {
      files: { ...renamed('mine'), 'facts.json': 'x'.repeat(4 * 1024 * 1024 + 1) },
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // The progress database and the folder's lock live there too; no pack folder may appear.
    expect(readdirSync(dataDir).filter((name) => !name.startsWith('pathwise.'))).toEqual([]);
  });
});
