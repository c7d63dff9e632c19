import { spawnSync } from 'node:child_process';

/**
 * Independent readers of the export files: Python's own sqlite3, zipfile and csv modules, none of
 * which shares code or assumptions with the exporters. Tests skip, saying why, without python3.
 */

export const python = (() => {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'python3' : undefined;
})();

export const noPythonReason = 'python3 is not installed: the independent readers need it';

function runPython(script: string, file: string, ...args: string[]): unknown {
  if (!python) throw new Error(noPythonReason);
  const run = spawnSync(python, ['-c', script, file, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

const apkgScript = String.raw`
import json, os, sqlite3, sys, tempfile, zipfile
path = sys.argv[1]
with zipfile.ZipFile(path) as z:
    names = sorted(z.namelist())
    media = z.read('media').decode('utf-8')
    with tempfile.TemporaryDirectory(prefix='pathwise-apkg-reader-') as d:
        z.extract('collection.anki21', d)
        db = sqlite3.connect(os.path.join(d, 'collection.anki21'))
        db.row_factory = sqlite3.Row
        col = dict(db.execute('select * from col').fetchone())
        notes = [dict(r) for r in db.execute('select * from notes order by id')]
        cards = [dict(r) for r in db.execute('select * from cards order by id')]
        revlog = [dict(r) for r in db.execute('select * from revlog order by id')]
        integrity = db.execute('pragma integrity_check').fetchone()[0]
        db.close()
for key in ('conf', 'models', 'decks', 'dconf'):
    col[key] = json.loads(col[key])
for n in notes:
    n['fields'] = n['flds'].split('\x1f')
    n['tagList'] = n['tags'].split()
for c in cards:
    c['dataJson'] = json.loads(c['data'])
print(json.dumps({'names': names, 'media': media, 'col': col, 'notes': notes,
                  'cards': cards, 'revlog': revlog, 'integrity': integrity}))
`;

export interface ApkgContents {
  readonly names: string[];
  readonly media: string;
  readonly integrity: string;
  readonly col: {
    readonly ver: number;
    readonly crt: number;
    readonly conf: Record<string, unknown>;
    readonly models: Record<string, { name: string; flds: { name: string; ord: number }[] }>;
    readonly decks: Record<string, { id: number; name: string }>;
    readonly dconf: Record<string, unknown>;
  };
  readonly notes: {
    id: number;
    guid: string;
    mid: number;
    fields: string[];
    tagList: string[];
    sfld: string;
    csum: number;
  }[];
  readonly cards: {
    id: number;
    nid: number;
    did: number;
    ord: number;
    type: number;
    queue: number;
    due: number;
    ivl: number;
    factor: number;
    reps: number;
    lapses: number;
    left: number;
    dataJson: { s?: number; d?: number; dr?: number };
  }[];
  readonly revlog: {
    id: number;
    cid: number;
    ease: number;
    ivl: number;
    lastIvl: number;
    time: number;
    type: number;
  }[];
}

/** An .apkg as Anki would see it: the zip's entries and the collection's rows. */
export function readApkg(file: string): ApkgContents {
  return runPython(apkgScript, file) as ApkgContents;
}

const csvScript = String.raw`
import csv, json, sys
path, delimiter = sys.argv[1], sys.argv[2]
with open(path, newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f, delimiter=delimiter, strict=True))
with open(path, 'rb') as f:
    raw = f.read()
print(json.dumps({'rows': rows, 'bom': raw.startswith(b'\xef\xbb\xbf')}))
`;

/** Rows as Python's csv module reads them (RFC 4180, strict), and whether a BOM leads the file. */
export function readCsv(file: string, delimiter: ',' | '\t'): { rows: string[][]; bom: boolean } {
  return runPython(csvScript, file, delimiter) as { rows: string[][]; bom: boolean };
}
