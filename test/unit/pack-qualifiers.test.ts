import { describe, expect, it } from 'vitest';
import { formatProblem, type PackProblem } from '../../shared/pack/problems.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { edit, positionOf, readMiniPack, type PackTexts } from '../support/packs.ts';

const f003Context = '"object": "rankl",\n    "context": {}';

/** The mini pack's F003 ("IL-32γ raises the amount of RANKL that is produced.") with a new text. */
function withF003Text(text: string, fields: Record<string, string> = {}): PackTexts {
  let files = edit(
    readMiniPack(),
    'facts.json',
    '"IL-32γ raises the amount of RANKL that is produced."',
    JSON.stringify(text),
  );
  for (const [from, to] of Object.entries(fields)) files = edit(files, 'facts.json', from, to);
  return files;
}

function qualifierProblems(files: PackTexts): PackProblem[] {
  const result = validatePack(files);
  if (result.ok) return [];
  const others = result.problems.filter((p) => p.rule !== 'text-qualifier');
  expect(others.map((p) => formatProblem(p))).toEqual([]);
  return result.problems;
}

describe('text-qualifier: a qualifier in the text that the triple lost', () => {
  it('accepts the mini pack, whose texts and triples agree', () => {
    expect(validatePack(readMiniPack()).ok).toBe(true);
  });

  it('catches a negation, pointing at the word', () => {
    const files = withF003Text('IL-32γ does not raise the amount of RANKL that is produced.');
    const [problem, ...rest] = qualifierProblems(files);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('$[2].text');
    expect(problem?.message).toMatch(/"not" \(a negation\)/);
    const at = positionOf(files['facts.json'], 'not raise');
    expect({ line: problem?.line, column: problem?.column }).toEqual(at);
  });

  it('catches a silencing experiment stated as a plain effect', () => {
    const files = withF003Text('Silencing IL-32γ lowers the amount of RANKL that is produced.');
    const messages = qualifierProblems(files).map((p) => p.message);
    expect(messages.some((m) => /"Silencing" \(a loss-of-function experiment\)/.test(m))).toBe(
      true,
    );
    expect(messages.some((m) => /"lowers" \(a decrease\)/.test(m))).toBe(true);
  });

  it('passes the same text once the triple says "silenced"', () => {
    const files = withF003Text('Silencing IL-32γ lowers the amount of RANKL that is produced.', {
      '"relation": "increases",\n    "object": "rankl"':
        '"subjectModifier": "silenced",\n    "relation": "decreases",\n    "object": "rankl"',
    });
    expect(qualifierProblems(files)).toEqual([]);
  });

  it('catches species, compartment and setting the context lost, and passes them when kept', () => {
    const text = 'In mice, IL-32γ raises the amount of RANKL in serum and in cultured cells.';
    const rules = qualifierProblems(withF003Text(text)).map(
      (p) => /\((.+?)\)/.exec(p.message)?.[1],
    );
    expect(rules.sort()).toEqual([
      'a finding in mice',
      'a measurement in the circulation',
      'an in-vitro setting',
    ]);
    const kept = withF003Text(text, {
      [f003Context]:
        '"object": "rankl",\n    "context": { "species": ["Mus musculus"], "compartments": ["synovium"] }',
    });
    const left = qualifierProblems(kept).map((p) => /\((.+?)\)/.exec(p.message)?.[1]);
    expect(left.sort()).toEqual(['a measurement in the circulation', 'an in-vitro setting']);
  });

  it('does not read a disease name, or people named beside mice, as the species studied', () => {
    expect(
      qualifierProblems(withF003Text('In systemic sclerosis, IL-32γ raises the amount of RANKL.')),
    ).toEqual([]);
    const text = 'In mice carrying a human IL-32γ transgene, RANKL rises.';
    const inMice = '"object": "rankl",\n    "context": { "species": ["Mus musculus"] }';
    const unsaid = withF003Text(text, { [f003Context]: inMice });
    expect(qualifierProblems(unsaid).map((p) => p.message)).toEqual([
      expect.stringMatching(/"transgene" \(a transgene or overexpression\)/),
    ]);
    const said = withF003Text(text, {
      [f003Context]: inMice,
      '"relation": "increases",':
        '"subjectModifier": "transgenic",\n    "subjectSpecies": "Homo sapiens",\n    "relation": "increases",',
    });
    expect(qualifierProblems(said)).toEqual([]);
  });

  it('lets a context note carry what the fields cannot say', () => {
    const text = 'IL-32γ delivered by bone-marrow transplantation raises RANKL.';
    expect(qualifierProblems(withF003Text(text)).map((p) => p.message)).toEqual([
      expect.stringMatching(/"bone-marrow" \(bone marrow\)/),
    ]);
    const noted = withF003Text(text, {
      [f003Context]:
        '"object": "rankl",\n    "context": { "note": "Delivered by bone-marrow transplantation." }',
    });
    expect(qualifierProblems(noted)).toEqual([]);
  });

  it('catches an association stated as a cause', () => {
    const files = withF003Text('IL-32γ is associated with the amount of RANKL that is produced.');
    expect(qualifierProblems(files).map((p) => p.message)).toEqual([
      expect.stringMatching(/"associated" \(an association\)/),
    ]);
  });

  it('names a rat finding by its NCBI species, and holds "rats" in the text to it', () => {
    const text = 'In rats, IL-32γ raises the amount of RANKL that is produced.';
    expect(qualifierProblems(withF003Text(text)).map((p) => p.message)).toEqual([
      expect.stringMatching(
        /"rats" \(a finding in rats\).*"Rattus norvegicus" in context\.species/,
      ),
    ]);
    const kept = withF003Text(text, {
      [f003Context]: '"object": "rankl",\n    "context": { "species": ["Rattus norvegicus"] }',
    });
    expect(qualifierProblems(kept)).toEqual([]);
  });
});
