import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/**
 * `npm run lint:electron`: Electronegativity over electron/, failing on any finding that the
 * allow-list does not name with a reason. Runs offline: Electronegativity fetches translations and
 * Electron release data at start, so its HTTP client is answered "offline" at once, and the one
 * check that needs the network (AvailableSecurityFixesGlobalCheck) is excluded.
 */
const require = createRequire(import.meta.url);
const enegDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = createRequire(path.join(enegDir, 'dist', 'runner.js')).resolve('got');
const offline = () => Promise.reject(new Error('offline: no network in CI'));
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: Object.assign(offline, { default: offline }),
} as unknown as NodeJS.Module;

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample: string;
  description: string;
  severity: { name?: string } | string;
}
interface RunResult {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

const allowListSchema = z.array(
  z.object({ check: z.string(), file: z.string(), reason: z.string().min(20) }),
);
const allowList = allowListSchema.parse(
  JSON.parse(readFileSync('electron/electronegativity-allowlist.json', 'utf8')),
);
const electronVersion = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

type Runner = (options: object, forCli: boolean) => Promise<RunResult>;
const runnerModule = require(path.join(enegDir, 'dist', 'runner.js')) as
  Runner | { default: Runner };
const run = typeof runnerModule === 'function' ? runnerModule : runnerModule.default;
const result = await run(
  {
    input: path.resolve('electron'),
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const parseErrors = result.errors.filter((e) => !e.tolerable);
const unexplained: string[] = [];
for (const issue of result.issues) {
  const file = path.isAbsolute(issue.file)
    ? path.relative(path.resolve('electron'), issue.file)
    : issue.file;
  const allowed = allowList.find((a) => a.check === issue.id && a.file === file);
  const where = `electron/${file}:${issue.location.line}:${issue.location.column}`;
  if (allowed) {
    console.log(`allowed  ${issue.id}  ${where}  — ${allowed.reason}`);
  } else {
    unexplained.push(`${issue.id}  ${where}  ${issue.description}\n    ${issue.sample}`);
  }
}
for (const error of parseErrors)
  unexplained.push(`could not parse ${error.file}: ${error.message}`);

if (unexplained.length > 0) {
  console.error(
    `\nElectronegativity: ${unexplained.length} finding(s) not in electron/electronegativity-allowlist.json:`,
  );
  for (const line of unexplained) console.error(`  ${line}`);
  process.exit(1);
}
console.log(
  `Electronegativity (Electron ${electronVersion}): ${result.issues.length} finding(s), all allow-listed with a reason.`,
);
