import { figureLabel } from '../../shared/pack/sections.ts';
import { closeSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PackImportResult, PackSummary } from '../../shared/contract/pack.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { problemCount } from '../../shared/pack/problems.ts';
import { packCounts } from '../../shared/pack/stats.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import {
  validatePack,
  type PackFileTexts,
  type PackValidation,
} from '../../shared/pack/validate.ts';
import type { NoticeBoard } from '../notices.ts';
import { legacyPackId } from '../storage/pack-scope.ts';
import { loadPackFolder, packFolderEntries, problemLines } from './pack-folder.ts';

/** The bundled pack studied until the learner chooses another: the one the app always taught. */
export const defaultPackId = legacyPackId;

export interface PackLibraryOptions {
  /** Folder of bundled packs, one sub-folder each (assets/packs). */
  readonly bundledDir: string;
  /** The learner's data folder; learner packs live in `<dataDir>/packs/<id>/`. */
  readonly dataDir: string;
  readonly notices: NoticeBoard;
  readonly now: () => Date;
  /** The bundled pack studied by default. */
  readonly defaultPackId?: string;
}

/** The bundled packs are part of the app: if one is broken or the default is missing, it must not start. */
export class PackStartupError extends Error {
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[]) {
    super([message, ...details].join('\n'));
    this.name = 'PackStartupError';
    this.details = details;
  }
}

interface LoadedPack {
  readonly pack: Pack;
  readonly source: PackSummary['source'];
}

/**
 * Every pack the app knows: the bundled ones (refusing to start if one is broken) and the learner's
 * own (a broken one is skipped and reported as a notice). Imports are validated with the same
 * validator and written atomically; an existing learner pack is moved aside, never deleted, and so
 * is a removed one.
 */
export class PackLibrary {
  readonly #packs = new Map<string, LoadedPack>();
  readonly #options: PackLibraryOptions;
  /** The bundled pack studied when no other is chosen, or the chosen one cannot be loaded. */
  readonly defaultId: string;
  #activeId: string;

  private constructor(options: PackLibraryOptions) {
    this.#options = options;
    this.defaultId = options.defaultPackId ?? defaultPackId;
    this.#activeId = this.defaultId;
  }

  /** The pack being studied. */
  get activeId(): string {
    return this.#activeId;
  }

  /** Marks a loaded pack as the one studied; throws `not-found` for a pack it does not have. */
  choose(id: string): Pack {
    const pack = this.get(id);
    this.#activeId = id;
    return pack;
  }

  /**
   * Takes a learner pack out of the library: its folder is moved into `.removed/` (kept, as an
   * import's replacement is), so importing the same pack again finds its records in the log.
   * The pack studied falls back to the default when it was this one.
   */
  remove(id: string): void {
    const loaded = this.#packs.get(id);
    if (!loaded) throw new ContractError('not-found', `There is no pack "${id}".`);
    if (loaded.source === 'bundled') {
      throw new ContractError(
        'conflict',
        `"${loaded.pack.manifest.title}" comes with the app and cannot be removed.`,
      );
    }
    const aside = this.#asidePath(id, '.removed');
    try {
      mkdirSync(path.dirname(aside), { recursive: true });
      renameSync(path.join(this.#learnerDir(), id), aside);
    } catch (error) {
      throw new ContractError(
        'storage-unavailable',
        `The pack could not be removed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.#packs.delete(id);
    if (this.#activeId === id) this.#activeId = this.defaultId;
  }

  static open(options: PackLibraryOptions): PackLibrary {
    const library = new PackLibrary(options);
    library.#loadBundled();
    library.#loadLearnerPacks();
    return library;
  }

  list(): PackSummary[] {
    return [...this.#packs.values()]
      .sort((a, b) =>
        a.source === b.source
          ? a.pack.manifest.id.localeCompare(b.pack.manifest.id)
          : a.source === 'bundled'
            ? -1
            : 1,
      )
      .map((loaded) => this.#summary(loaded));
  }

  get(id: string = this.activeId): Pack {
    const loaded = this.#packs.get(id);
    if (!loaded) throw new ContractError('not-found', `There is no pack "${id}".`);
    return loaded.pack;
  }

  /** `result`: the files' validation, when it was done elsewhere (on a job thread). */
  import(files: PackFileTexts, result: PackValidation = validatePack(files)): PackImportResult {
    if (!result.ok) {
      const count = problemCount(result.problems);
      throw new ContractError(
        'pack-invalid',
        [
          `The pack was not imported: ${count} ${count === 1 ? 'problem' : 'problems'}.`,
          ...problemLines(result.problems, { max: 50 }),
        ].join('\n'),
      );
    }
    const id = result.pack.manifest.id;
    if (this.#packs.get(id)?.source === 'bundled') {
      throw new ContractError(
        'conflict',
        `"${id}" is the id of a pack that comes with the app; give your pack another "id" in manifest.json.`,
      );
    }
    const replaced = this.#writeLearnerPack(id, files);
    const loaded: LoadedPack = { pack: result.pack, source: 'learner' };
    this.#packs.set(id, loaded);
    return { pack: this.#summary(loaded), replaced };
  }

  #summary({ pack, source }: LoadedPack): PackSummary {
    const counts = packCounts(pack);
    return {
      id: pack.manifest.id,
      title: pack.manifest.title,
      version: pack.manifest.version,
      source,
      active: pack.manifest.id === this.activeId,
      hasLayout: pack.layout !== undefined,
      counts: {
        entities: counts.entities,
        facts: counts.facts,
        pathways: counts.pathways,
        edges: counts.edges,
        references: counts.references,
        teachingPoints: counts.teachingPoints,
      },
      pathways: pack.pathways.map((pathway) => {
        const figure = figureLabel(pack.manifest, pathway);
        return { id: pathway.id, title: pathway.title, ...(figure ? { figure } : {}) };
      }),
    };
  }

  #loadBundled(): void {
    const { bundledDir } = this.#options;
    const { folders, skipped } = packFolderEntries(bundledDir);
    const broken = skipped.map(({ name, reason }) => `${name}: ${reason}`);
    for (const folder of folders) {
      const result = loadPackFolder(path.join(bundledDir, folder));
      if (!result.ok) {
        for (const line of problemLines(result.problems, { prefix: `${folder}/` })) {
          broken.push(line);
        }
        continue;
      }
      const id = result.pack.manifest.id;
      if (this.#packs.has(id)) {
        broken.push(`${folder}/manifest.json:1:1 another bundled pack already has the id "${id}"`);
        continue;
      }
      this.#packs.set(id, { pack: result.pack, source: 'bundled' });
    }
    if (broken.length > 0) {
      throw new PackStartupError(
        `A pack that comes with Pathwise is broken (in ${bundledDir}):`,
        broken,
      );
    }
    if (!this.#packs.has(this.activeId)) {
      throw new PackStartupError(
        `The pack "${this.activeId}" that comes with Pathwise is missing from ${bundledDir}.`,
        [],
      );
    }
  }

  #loadLearnerPacks(): void {
    const dir = this.#learnerDir();
    const { folders, skipped } = packFolderEntries(dir);
    for (const { name, reason } of skipped) {
      this.#skip(
        name,
        `${path.join(dir, name)} was skipped: ${reason}. A pack must be a real folder there; ` +
          'copy the folder in instead of linking it.',
      );
    }
    for (const folder of folders) {
      const result = loadPackFolder(path.join(dir, folder));
      if (!result.ok) {
        this.#skip(
          folder,
          'It has problems, listed below; fix them and import it again.',
          problemLines(result.problems),
        );
        continue;
      }
      const id = result.pack.manifest.id;
      if (id !== folder) {
        this.#skip(folder, `Its manifest says id "${id}", but its folder is named "${folder}".`);
      } else if (this.#packs.get(id)?.source === 'bundled') {
        this.#skip(folder, `Its id "${id}" is the id of a pack that comes with the app.`);
      } else {
        this.#packs.set(id, { pack: result.pack, source: 'learner' });
      }
    }
  }

  #skip(folder: string, reason: string, details: string[] = []): void {
    this.#options.notices.add({
      severity: 'warning',
      source: 'packs',
      title: `Your pack "${folder}" was not loaded`,
      message: `${reason} The packs that come with the app still work.`,
      details,
    });
  }

  #learnerDir(): string {
    return path.join(this.#options.dataDir, 'packs');
  }

  /**
   * Writes into a staging folder, then renames it into place (one atomic step on one file
   * system). An existing pack with that id is first renamed into `.replaced/`, and put back if the
   * final rename fails. Returns whether an existing pack was moved aside.
   */
  #writeLearnerPack(id: string, files: PackFileTexts): boolean {
    const dir = this.#learnerDir();
    mkdirSync(dir, { recursive: true });
    const staging = mkdtempSync(path.join(dir, '.staging-'));
    const target = path.join(dir, id);
    try {
      for (const [name, text] of Object.entries(files)) {
        if (text !== undefined) writeDurably(path.join(staging, name), text);
      }
      const aside = existsSync(target) ? this.#asidePath(id, '.replaced') : undefined;
      if (aside) {
        mkdirSync(path.dirname(aside), { recursive: true });
        renameSync(target, aside);
      }
      try {
        renameSync(staging, target);
      } catch (error) {
        if (aside) renameSync(aside, target);
        throw error;
      }
      return aside !== undefined;
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new ContractError(
        'storage-unavailable',
        `The pack could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  #asidePath(id: string, folder: '.replaced' | '.removed'): string {
    const stamp = this.#options.now().toISOString().replace(/[:.]/g, '-');
    const base = path.join(this.#learnerDir(), folder, `${id}-${stamp}`);
    let candidate = base;
    for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}`;
    return candidate;
  }
}

function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'wx');
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
