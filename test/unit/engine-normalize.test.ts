import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueForAnswer } from '../../shared/engine/blank.ts';
import {
  answerKey,
  matchesAnswer,
  mentionFinder,
  mentionsAny,
} from '../../shared/engine/normalize.ts';
import { bundledPack } from '../support/engine.ts';

const formsOf = (id: string): string[] => {
  const entity = bundledPack.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`no entity ${id}`);
  return [entity.name, ...entity.aliases];
};

describe('typed answers', () => {
  it.each([
    ['il32 gamma', 'il-32-gamma'],
    ['IL 32-Gamma', 'il-32-gamma'],
    ['il-32γ', 'il-32-gamma'],
    ['IL32g', 'il-32-gamma'],
    ['DKK1', 'dkk-1'],
    ['dickkopf 1', 'dkk-1'],
    ['nf-kb', 'nf-kb'],
    ['NFkappaB', 'nf-kb'],
    ['tnf alpha', 'tnf-alpha'],
    ['TNFa', 'tnf-alpha'],
    ['mir29a', 'mir-29a'],
    ['  MicroRNA-29a ', 'mir-29a'],
    ['TNF-alpha', 'tnf-alpha'],
    ['tumor necrosis factor alpha', 'tnf-alpha'],
    ['TNF', 'tnf-alpha'],
    ['NF-kappaB', 'nf-kb'],
    ['nuclear factor kappa B', 'nf-kb'],
    ['NFκB', 'nf-kb'],
    ['Wnt', 'wnt-signalling'],
    ['Wnt signaling pathway', 'wnt-signalling'],
    ['osteoclastogenesis', 'osteoclast-differentiation'],
    ['osteoclast formation', 'osteoclastogenesis'],
    ['Interleukin 6', 'il-6'],
    ['IL-1b', 'il-1beta'],
    ['interleukin-1 beta', 'il-1beta'],
    ['IFN-g', 'ifn-gamma'],
    ['interferon gamma', 'ifn-gamma'],
    ['Dickkopf 1', 'dkk-1'],
    ['bone remodeling', 'bone-remodeling'],
    ['endotoxemia', 'sepsis'],
    ['RANK ligand', 'rankl'],
    ['PKB', 'akt'],
    ['p38', 'p38-mapk'],
    ['Toll-like receptor', 'tlr'],
    ['osteoclasts', 'osteoclast'],
  ])('accepts "%s" for %s', (typed, id) => {
    expect(matchesAnswer(typed, formsOf(id))).toBe(true);
  });

  it.each([
    ['IL-32β', 'il-32-gamma'],
    ['IL-32', 'il-32-gamma'],
    ['DKK2', 'dkk-1'],
    ['', 'dkk-1'],
    ['IL-32γ', 'il-32'],
    ['IL-32g', 'il-32'],
    ['IL-32 gamma signalling', 'il-32'],
    ['IL-1', 'il-1beta'],
    ['IL-18', 'il-1beta'],
    ['IL-1α', 'il-1beta'],
    ['IL-17', 'il-1beta'],
    ['TNF antagonists', 'tnf-alpha'],
    ['TNF-β', 'tnf-alpha'],
    ['IFN-α', 'ifn-gamma'],
    ['NFATc1', 'nf-kb'],
    ['osteoclast fusion', 'osteoclastogenesis'],
    ['osteoblast differentiation', 'osteogenesis'],
    ['osteoclast differentiation', 'osteoblast-differentiation'],
    ['signalling', 'wnt-signalling'],
    ['IL-32α', 'il-32-gamma'],
    ['IL-32a', 'il-32-gamma'],
    ['miR-29b', 'mir-29a'],
  ])('refuses "%s" for %s', (typed, id) => {
    expect(matchesAnswer(typed, formsOf(id))).toBe(false);
  });

  it('accepts a lower-case acronym as a typed answer', () => {
    expect(matchesAnswer('as', formsOf('as'))).toBe(true);
  });

  it('accepts numbers in words or digits, and singular for plural', () => {
    expect(matchesAnswer('9', ['nine'])).toBe(true);
    expect(matchesAnswer('T cells', ['T cell'])).toBe(true);
    expect(matchesAnswer('the osteoclasts', ['Osteoclast'])).toBe(true);
  });

  it('ignores case, spaces and hyphens in any answer', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{1,8}(?:[- ][A-Za-z0-9]{1,8}){0,3}$/),
        fc.func(fc.constantFrom(' ', '-', '  ', ' - ', '–')),
        (form, separator) => {
          const rewritten = form
            .split(/[- ]/)
            .map((part, i) => (i % 2 === 0 ? part.toUpperCase() : part.toLowerCase()))
            .reduce((text, part, i) => (i === 0 ? part : `${text}${separator(i)}${part}`), '');
          expect(answerKey(rewritten)).toBe(answerKey(form));
        },
      ),
    );
  });
});

describe('mentions', () => {
  it('finds a name under any written form, on whole words', () => {
    expect(mentionsAny('Dickkopf-1 is lowered.', formsOf('dkk-1'))).toBe(true);
    expect(mentionsAny('IL-32 gamma raises it.', formsOf('il-32-gamma'))).toBe(true);
    expect(mentionsAny('DKK-10 is unrelated.', ['DKK-1'])).toBe(false);
  });

  it('matches short acronyms by case, so the word "as" is not ankylosing spondylitis', () => {
    expect(mentionsAny('as high as before', ['AS'])).toBe(false);
    expect(mentionsAny('raised in AS joints', ['AS'])).toBe(true);
  });
});

describe('finding which of many things a text names', () => {
  const pack = bundledPack;
  const forms = (e: (typeof pack.entities)[number]): string[] => [e.name, ...e.aliases];
  const find = mentionFinder(pack.entities, forms);
  const everyName = pack.entities.flatMap(forms);

  it('finds exactly what checking every entity finds, in the pack order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...everyName),
            fc.constantFrom('and', 'in', 'as', 'cells', 'the'),
          ),
          { maxLength: 8 },
        ),
        (words) => {
          const text = words.join(' ');
          const everyOne = pack.entities.filter((e) => mentionsAny(text, forms(e)));
          expect(find(text)).toEqual(everyOne);
        },
      ),
    );
  });
});

describe('a blank that something beside it gives away', () => {
  it('sees a name that begins with the answer', () => {
    expect(cueForAnswer('IL-32α is an isoform of _____.', ['IL-32'], 'IL-32')).toBe(true);
    expect(cueForAnswer('pre-IL-32 and _____', ['IL-32'], 'IL-32')).toBe(false);
    expect(cueForAnswer('IL-32 is raised; _____ too.', ['IL-32'], 'IL-32')).toBe(false);
  });

  it("sees the answer's head word written elsewhere, in any case, where a word begins", () => {
    expect(cueForAnswer('Given at the Fusion stage, _____ rose.', [], 'osteoclast fusion')).toBe(
      true,
    );
    expect(cueForAnswer('Given at the confusion stage, _____ rose.', [], 'osteoclast fusion')).toBe(
      false,
    );
    expect(cueForAnswer('Healthy remodelling needs _____.', [], 'bone-remodelling disorder')).toBe(
      true,
    );
  });
});
