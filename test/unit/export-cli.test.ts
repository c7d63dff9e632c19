import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { wellFormed } from '../support/xml-check.ts';
import { describe, expect, it } from 'vitest';
import { openAppServices } from '../../services/app-services.ts';
import { palettes } from '../../shared/diagram/palette.ts';
import { ratings } from '../../shared/engine/scheduler.ts';
import { bundledPackDir, readPackDir } from '../support/pack-dir.ts';
import { repoRoot } from '../support/packs.ts';
import { noPythonReason, python, readApkg, readCsv } from '../support/python-readers.ts';
import { tempDir } from '../support/test-scope.ts';
import { bundledPacksDir } from '../support/test-services.ts';

/** `npm run -s export`, run as npm runs it: Node 24 on the .ts file, from the repo root. */
function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'export.ts'), ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A data folder where 15 cards were studied, closed again so the script can take its lock. */
function studiedFolder(): string {
  const dataDir = tempDir('export-cli');
  const services = openAppServices({
    dataDir,
    dataDirKind: 'test',
    transport: 'http',
    bundledPacksDir,
    appVersion: '0.0.0-test',
    fuzz: false,
    dailyBackupDelayMs: null,
  });
  try {
    for (let step = 0; step < 15; step++) {
      const next = services.review.next();
      if (!next.item) break;
      services.review.answer({
        cardId: next.item.card.id,
        rating: ratings[step % 4] ?? 'good',
        durationMs: 3000,
        expectedVersion: next.item.stateVersion,
      });
    }
  } finally {
    services.close();
  }
  return dataDir;
}

describe('npm run -s export', () => {
  it('refuses bad arguments with the usage and exit code 2, and never a stack trace', () => {
    const dataDir = studiedFolder();
    const out = path.join(tempDir('export-out'), 'x.apkg');
    const cases: [string[], RegExp][] = [
      [['--data-dir', dataDir, '--out', out], /--format is required/],
      [
        ['--data-dir', dataDir, '--format', 'pdf', '--out', out],
        /Unknown format "pdf". Formats available: apkg, csv, json, sbgn, svg/,
      ],
      [['--data-dir', dataDir, '--format', 'sbgn', '--scheme', 'dark', '--out', out], /svg only/],
      [['--format', 'apkg', '--out', out], /--data-dir is required/],
      [
        ['--data-dir', path.join(dataDir, 'nope'), '--format', 'apkg', '--out', out],
        /No such folder/,
      ],
      [
        ['--data-dir', tempDir('empty'), '--format', 'apkg', '--out', out],
        /holds no Pathwise progress/,
      ],
      [
        ['--data-dir', dataDir, '--format', 'csv', '--what', 'decks', '--out', out],
        /--what must be cards or quiz/,
      ],
      [['--data-dir', dataDir, '--format', 'json', '--with-progress', '--out', out], /apkg only/],
      [
        ['--data-dir', dataDir, '--format', 'apkg', '--out', '/nonexistent-dir/x.apkg'],
        /No such folder for --out/,
      ],
      [['--data-dir', dataDir, '--format', 'apkg', '--out', out, '--colour'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(...args);
      expect(stderr, args.join(' ')).toMatch(message);
      expect(stderr).toContain('Usage: npm run -s export');
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(code, args.join(' ')).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  }, 120_000); // ten Node processes: 8 s at load 5 on the 2 cores

  it('writes every pathway as SBGN-ML and as SVG into a folder, replacing files only with --force', () => {
    const dataDir = studiedFolder();
    const outDir = path.join(tempDir('export-pathways'), 'sbgn');
    const made = run('--data-dir', dataDir, '--format', 'sbgn', '--out', outDir);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const summary = JSON.parse(made.stdout) as { files: { pathway: string; file: string }[] };
    const pathwayIds = readPackDir(bundledPackDir).pathways.map((pathway) => pathway.id);
    expect(summary.files.map((file) => file.pathway)).toEqual(pathwayIds);
    for (const { file } of summary.files) {
      const xml = readFileSync(file, 'utf8');
      expect(wellFormed(xml)).toBe(true);
      expect(xml).toContain('<map id="pathwise-');
      expect(xml).toContain('language="activity flow"');
    }
    const again = run('--data-dir', dataDir, '--format', 'sbgn', '--out', outDir);
    expect(again.stderr).toMatch(/exists \(and 7 more\): choose another folder, or add --force/);
    expect(again.code).toBe(2);

    const svgDir = path.join(path.dirname(outDir), 'svg');
    const svg = run('--data-dir', dataDir, '--format', 'svg', '--scheme', 'dark', '--out', svgDir);
    expect(svg.code).toBe(0);
    const first = readFileSync(path.join(svgDir, `pathwise-${pathwayIds[0] ?? ''}.svg`), 'utf8');
    expect(wellFormed(first)).toBe(true);
    expect(first).toContain(`fill="${palettes.dark.surface}"`);
    expect(first).not.toContain('foreignObject');
  }, 120_000); // four Node processes

  it.skipIf(!python)(
    `writes each format, and replaces a file only with --force (${python ? 'read by Python' : noPythonReason})`,
    () => {
      const dataDir = studiedFolder();
      const outDir = tempDir('export-out');
      const apkg = path.join(outDir, 'cards.apkg');
      const made = run('--data-dir', dataDir, '--format', 'apkg', '--with-progress', '--out', apkg);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      const summary = JSON.parse(made.stdout) as { counts: { cards: number; scheduled: number } };
      expect(summary.counts.scheduled).toBe(15);
      const contents = readApkg(apkg);
      expect(contents.cards.filter((card) => card.type !== 0)).toHaveLength(15);
      expect(contents.notes).toHaveLength(summary.counts.cards);

      const again = run('--data-dir', dataDir, '--format', 'apkg', '--out', apkg);
      expect(again.stderr).toMatch(/exists: choose another name, or add --force/);
      expect(again.code).toBe(2);
      writeFileSync(path.join(outDir, 'keep.txt'), 'mine');
      expect(run('--data-dir', dataDir, '--format', 'apkg', '--out', apkg, '--force').code).toBe(0);
      expect(readApkg(apkg).cards.every((card) => card.type === 0)).toBe(true);

      const quiz = path.join(outDir, 'quiz.csv');
      expect(
        run('--data-dir', dataDir, '--format', 'csv', '--what', 'quiz', '--out', quiz).code,
      ).toBe(0);
      expect(readCsv(quiz, ',').rows[0]?.[0]).toBe('id');
      const cards = path.join(outDir, 'cards.tsv');
      expect(run('--data-dir', dataDir, '--format', 'csv', '--out', cards).code).toBe(0);
      expect(readCsv(cards, '\t').rows.length).toBe(summary.counts.cards);
      const json = path.join(outDir, 'progress.json');
      expect(run('--data-dir', dataDir, '--format', 'json', '--out', json).code).toBe(0);
      expect((JSON.parse(readFileSync(json, 'utf8')) as { events: unknown[] }).events).toHaveLength(
        15,
      );
    },
    120_000, // seven Node processes and Python: 7-16 s on the 2 cores under a CI run's load
  );
});
