import { describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { maxJsonValues } from '../../shared/pack/json-source.ts';
import { maxProblemsPerFile } from '../../shared/pack/problems.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { readMiniPack } from '../support/packs.ts';
import { openTestServices } from '../support/test-services.ts';

/** Bounds that keep a hostile pack from costing unbounded time, memory or stack. */

const mini = readMiniPack();

function withFacts(facts: string) {
  return { ...mini, 'facts.json': facts };
}

function problemsOf(files: Record<string, string>) {
  const result = validatePack(files);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('pack limits', () => {
  it(`lists at most ${maxProblemsPerFile} problems a file, then counts the rest`, () => {
    // 20,000 empty facts: each fails its schema several times over.
    const problems = problemsOf(withFacts(`[${Array(20_000).fill('{}').join(',')}]`));
    const facts = problems.filter((p) => p.file === 'facts.json');
    expect(facts).toHaveLength(maxProblemsPerFile + 1);
    const more = facts.filter((p) => p.rule === 'more-problems');
    expect(more).toHaveLength(1);
    // Checking stops once a file has problems enough, and the summary says how much went unchecked.
    expect(more[0]?.message).toMatch(
      /^…and at least \d+ more problems in this file \(its last \d+ elements were not checked\)/,
    );
    // The first ones listed are the first in the file.
    expect(facts[0]?.path).toMatch(/^\$\[0\]/);
  });

  it('refuses a file of more values than any pack needs, at the value past the limit', () => {
    const problems = problemsOf(withFacts(`[${Array(maxJsonValues).fill('1').join(',')}]`));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'facts.json',
        rule: 'json-syntax',
        message: expect.stringContaining(`more than ${maxJsonValues} values`) as unknown,
      }),
    ]);
    // One value fewer is read (and fails its schema instead).
    const justUnder = problemsOf(
      withFacts(
        `[${Array(maxJsonValues - 1)
          .fill('1')
          .join(',')}]`,
      ),
    );
    expect(justUnder.some((p) => p.message.includes('values ('))).toBe(false);
  });

  it('answers a 250 kB pack.import of tiny objects as pack-invalid, not a stack overflow', async () => {
    const services = openTestServices();
    const facts = `[${Array(80_000).fill('{}').join(',')}]`;
    expect(facts.length).toBeGreaterThan(240_000);
    const answer = await createHandlerRegistry(services).dispatch('pack.import', {
      files: withFacts(facts),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'pack-invalid' } });
    const message = answer.ok ? '' : answer.error.message;
    expect(message).not.toMatch(/call stack/);
    expect(message).toMatch(/^The pack was not imported: \d{3,} problems/);
    expect(message).toMatch(/…and \d+ more problems$/);
  });
});
