import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../shared/pack/json-source.ts';
import type { PackProblem } from '../../shared/pack/problems.ts';
import { validatePack, type PackValidation } from '../../shared/pack/validate.ts';
import { readMiniPack, type PackTexts } from '../support/packs.ts';

/**
 * Property tests: whatever happens to a pack's files, the validator answers (never throws), and
 * every problem it reports names a file and a real position in it, plus a JSON path for anything
 * past the syntax level.
 */

const mini = readMiniPack();
const fileNames = Object.keys(mini);
const fileLevelRules = new Set(['missing-file', 'unknown-file', 'file-too-large', 'json-syntax']);

function validateSafely(files: PackTexts): PackValidation {
  let result: PackValidation | undefined;
  expect(() => (result = validatePack(files))).not.toThrow();
  if (!result) throw new Error('no result');
  return result;
}

/** Every problem is located inside the text it names, and nothing came from a validator crash. */
function expectWellLocated(files: PackTexts, problems: readonly PackProblem[]): void {
  for (const problem of problems) {
    expect(problem.rule).not.toBe('internal');
    expect(problem.message.length).toBeGreaterThan(0);
    const text = files[problem.file];
    if (text === undefined) {
      expect(['missing-file', 'unknown-file']).toContain(problem.rule);
      continue;
    }
    const lines = text.split(/\r\n|\r|\n/);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines.length);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeLessThanOrEqual((lines[problem.line - 1] ?? '').length + 1);
    if (!fileLevelRules.has(problem.rule)) expect(problem.path).toMatch(/^\$/);
  }
}

function expectAnswered(files: PackTexts): PackValidation {
  const result = validateSafely(files);
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    expectWellLocated(files, result.problems);
  }
  return result;
}

const significant = [
  ',',
  '"',
  '{',
  '}',
  '[',
  ']',
  ':',
  ' ',
  '\n',
  '\t',
  '\\',
  '/',
  'a',
  '1',
  '-',
  '\u0000',
  '\uFEFF',
  'é',
];
const textEdit = fc.record({
  file: fc.constantFrom(...fileNames),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  text: fc.oneof(fc.constantFrom(...significant), fc.string({ maxLength: 4 })),
});
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyTextEdit(files: PackTexts, change: TextEdit): PackTexts {
  const text = files[change.file] ?? '';
  const at = Math.floor(change.at * text.length);
  const next = {
    insert: () => text.slice(0, at) + change.text + text.slice(at),
    delete: () => text.slice(0, at) + text.slice(at + change.length),
    replace: () => text.slice(0, at) + change.text + text.slice(at + change.text.length),
    truncate: () => text.slice(0, at),
  }[change.kind]();
  return { ...files, [change.file]: next };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function parsedMini(): Record<string, Json> {
  return Object.fromEntries(fileNames.map((name) => [name, JSON.parse(mini[name] ?? '') as Json]));
}

/** Every path to a value inside a JSON document (the root excluded). */
function allPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index): [number, Json] => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [
    [...prefix, key],
    ...allPaths(child, [...prefix, key]),
  ]);
}

function getAt(root: Json, path: Path): Json | undefined {
  let value: Json | undefined = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[key as number] : value[key as string];
  }
  return value;
}

function setAt(
  root: Json,
  path: Path,
  change: (parent: Json[] | Record<string, Json>, key: string | number) => void,
): Json {
  const copy = structuredClone(root);
  const parent = getAt(copy, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') change(parent, path.at(-1) ?? 0);
  return copy;
}

function serialise(docs: Record<string, Json>): PackTexts {
  return Object.fromEntries(
    Object.entries(docs).map(([name, doc]) => [name, JSON.stringify(doc, null, 2)]),
  );
}

describe('validator under corruption', () => {
  it('answers any run of random character edits and truncations with located problems', () => {
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        expectAnswered(edits.reduce(applyTextEdit, mini));
      }),
      { numRuns: 300 },
    );
  });

  it('answers deleted, retyped and replaced fields anywhere with located problems', () => {
    const docs = parsedMini();
    const sites = fileNames.flatMap((file) =>
      allPaths(docs[file] ?? null).map((path) => ({ file, path })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...sites),
        fc.oneof(
          fc.constant<'delete'>('delete'),
          fc.jsonValue().map((value) => ({ value: value as Json })),
        ),
        ({ file, path }, change) => {
          const doc = setAt(docs[file] ?? null, path, (parent, key) => {
            if (change === 'delete') {
              if (Array.isArray(parent)) parent.splice(key as number, 1);
              else Reflect.deleteProperty(parent, key);
            } else if (Array.isArray(parent)) parent[key as number] = change.value;
            else parent[key as string] = change.value;
          });
          expectAnswered(serialise({ ...docs, [file]: doc }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a dangling id at exactly the place it was written', () => {
    const docs = parsedMini();
    const referenceSites = fileNames.flatMap((file) =>
      allPaths(docs[file] ?? null)
        .filter((path) => isReferenceSite(file, path, docs))
        .map((path) => ({ file, path })),
    );
    expect(referenceSites.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(
        fc.constantFrom(...referenceSites),
        fc
          .stringMatching(/^[a-z]{2,6}-[a-z0-9]{1,6}$/)
          .filter(
            (candidate) => !Object.values(mini).some((text) => text.includes(`"${candidate}"`)),
          ),
        ({ file, path }, dangling) => {
          const doc = setAt(docs[file] ?? null, path, (parent, key) => {
            if (Array.isArray(parent)) parent[key as number] = dangling;
            else parent[key as string] = dangling;
          });
          const files = serialise({ ...docs, [file]: doc });
          const result = expectAnswered(files);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.problems.map((p) => `${p.file} ${p.path ?? ''}`)).toContain(
            `${file} ${formatJsonPath(path)}`,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports a duplicated item at the copy', () => {
    const docs = parsedMini();
    const lists: { file: string; path: Path }[] = [
      { file: 'entities.json', path: [] },
      { file: 'facts.json', path: [] },
      { file: 'references.json', path: [] },
      { file: 'teaching-points.json', path: [] },
      { file: 'pathways.json', path: [] },
      { file: 'pathways.json', path: [0, 'nodes'] },
      { file: 'pathways.json', path: [0, 'edges'] },
      { file: 'manifest.json', path: ['topics'] },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.nat(), ({ file, path }, pick) => {
        const doc = structuredClone(docs[file] ?? null);
        const list = getAt(doc, path) as Json[];
        const index = pick % list.length;
        list.push(structuredClone(list[index] ?? null));
        const files = serialise({ ...docs, [file]: doc });
        const result = expectAnswered(files);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toContainEqual(
          expect.objectContaining({
            file,
            rule: 'duplicate-id',
            path: formatJsonPath([...path, list.length - 1, 'id']),
          }),
        );
      }),
      { numRuns: 100 },
    );
  });
});

/** Places whose string value is an id of something declared elsewhere. */
function isReferenceSite(file: string, path: Path, docs: Record<string, Json>): boolean {
  const value = getAt(docs[file] ?? null, path);
  if (typeof value !== 'string') return false;
  const key = path.at(-1);
  const parentKey = path.at(-2);
  if (typeof key === 'number') {
    return [
      'coSubjects',
      'references',
      'factIds',
      'pathwayIds',
      'with',
      'diseases',
      'compartments',
      'cells',
      'contexts',
    ].includes(String(parentKey));
  }
  if (file === 'facts.json' && key === 'object') {
    return getAt(docs[file] ?? null, [...path.slice(0, -1), 'relation']) !== 'has-isoform-count';
  }
  return [
    'subject',
    'topic',
    'teachingPoint',
    'entity',
    'compartment',
    'from',
    'to',
    'inference',
    'reviewReference',
  ].includes(String(key));
}
