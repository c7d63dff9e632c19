import { describe, expect, it } from 'vitest';
import { maskForms } from '../../shared/engine/cloze-text.ts';
import { definitionQuestion } from '../../shared/engine/entity-cards.ts';
import { framedSetting } from '../../shared/engine/citations.ts';
import {
  capitalise,
  indefiniteArticle,
  isPluralName,
  listText,
  midSentenceName,
  plural,
  pluralVerb,
  withoutParenthetical,
} from '../../shared/engine/names.ts';
import { entityOf, factOf, indexPack } from '../../shared/engine/pack-index.ts';
import {
  factSetting,
  objectPhrase,
  sentence,
  subjectPhrase,
  subjectVerb,
} from '../../shared/engine/phrasing.ts';
import { proseProblems } from '../../shared/engine/prose.ts';
import { templatedCloze } from '../../shared/engine/questions.ts';
import { statementOf } from '../../shared/engine/semantics.ts';
import { conditionNote, remarkNote, settingPhrase } from '../../shared/engine/setting.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';

const index = indexPack(bundledPack);
const fact = (id: string) => factOf(index, id);

describe('sentence casing', () => {
  it('lower-cases common nouns mid-sentence and keeps names, symbols and acronyms', () => {
    expect(midSentenceName({ name: 'Rheumatic disease', type: 'category' })).toBe(
      'rheumatic disease',
    );
    expect(midSentenceName({ name: 'Proteinase 3', type: 'enzyme' })).toBe('proteinase 3');
    expect(midSentenceName({ name: 'Caspase-1', type: 'enzyme' })).toBe('caspase-1');
    expect(midSentenceName({ name: 'Mouse', type: 'species' })).toBe('mouse');
    expect(midSentenceName({ name: 'Wnt signalling', type: 'pathway' })).toBe('Wnt signalling');
    expect(midSentenceName({ name: 'Akt', type: 'kinase' })).toBe('Akt');
    expect(midSentenceName({ name: 'Toll-like receptors', type: 'receptor' })).toBe(
      'Toll-like receptors',
    );
    expect(midSentenceName({ name: "Crohn's disease", type: 'disease' })).toBe("Crohn's disease");
    expect(midSentenceName({ name: 'IL-32γ', type: 'isoform' })).toBe('IL-32γ');
  });

  it('capitalises a sentence start unless it is a name written in lower case', () => {
    expect(capitalise('osteoblast differentiation')).toBe('Osteoblast differentiation');
    expect(capitalise('miR-29a')).toBe('miR-29a');
    expect(capitalise('p38 MAPK')).toBe('p38 MAPK');
  });

  it('drops an aside in brackets from a name used in running text', () => {
    expect(withoutParenthetical('systemic circulation (plasma/serum)')).toBe(
      'systemic circulation',
    );
    expect(withoutParenthetical('IL-8')).toBe('IL-8');
  });
});

describe('pluralisation and agreement', () => {
  it('pluralises heads of noun phrases, irregulars included', () => {
    expect(plural('T cell')).toBe('T cells');
    expect(plural('fibroblast-like synoviocyte')).toBe('fibroblast-like synoviocytes');
    expect(plural('mouse')).toBe('mice');
    expect(plural('regulator of bone metabolism')).toBe('regulators of bone metabolism');
    expect(plural('process')).toBe('processes');
    expect(plural('body')).toBe('bodies');
  });

  it('leaves names that are already plural or mass nouns ending in s alone', () => {
    expect(plural('Toll-like receptors')).toBe('Toll-like receptors');
    expect(isPluralName('peripheral blood mononuclear cells')).toBe(true);
    expect(isPluralName('osteoporosis')).toBe(false);
    expect(isPluralName('bone mass')).toBe(false);
    expect(isPluralName('AS')).toBe(false);
  });

  it('makes verbs agree with plural subjects', () => {
    expect(pluralVerb('promotes')).toBe('promote');
    expect(pluralVerb('is required for')).toBe('are required for');
    expect(pluralVerb('fails to inhibit')).toBe('fail to inhibit');
    expect(pluralVerb('increases')).toBe('increase');
  });

  it('agrees subjects with their verbs in generated sentences', () => {
    expect(sentence(index, statementOf(fact('F045')), fact('F045').context)).toMatch(
      /^mitogens induce IL-32/,
    );
    expect(subjectPhrase(index, statementOf(fact('F103')).subject)).toBe(
      'osteoblasts and osteoclasts',
    );
    expect(subjectPhrase(index, statementOf(fact('F044')).subject)).toBe(
      'IL-12 and IL-18 together',
    );
  });

  it('picks "a" or "an" by sound, acronyms spelled out', () => {
    expect(indefiniteArticle('osteoblast')).toBe('an');
    expect(indefiniteArticle('NK cell')).toBe('an');
    expect(indefiniteArticle('T cell')).toBe('a');
    expect(indefiniteArticle('IL-32γ transgenic mouse')).toBe('an');
    expect(indefiniteArticle('CD14+ monocyte')).toBe('a');
    expect(indefiniteArticle('unique marker')).toBe('a');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('settings as natural clauses', () => {
  it('says where a finding was made in one phrase, never as a bracketed list', () => {
    expect(factSetting(index, fact('F048'))).toBe(
      'in cultured human fibroblast-like synoviocytes from RA synovium',
    );
    expect(factSetting(index, fact('F121'), { exclude: new Set(['osteoporosis']) })).toBe('');
    expect(factSetting(index, fact('F130'))).toBe('in patients with osteoporosis');
    expect(factSetting(index, fact('F027'), { exclude: new Set(['sepsis']) })).toBe('in mice');
    expect(factSetting(index, fact('F092'))).toBe('in cultured human preosteoclasts without RANKL');
    expect(settingPhrase(index, { compartments: ['synovial-fluid'], diseases: ['as'] }, {})).toBe(
      'in AS synovial fluid',
    );
    expect(
      settingPhrase(
        index,
        { compartments: ['systemic'], diseases: ['osteoporosis'], setting: 'clinical' },
        {},
      ),
    ).toBe('in the systemic circulation of patients with osteoporosis');
  });

  it('keeps out what the sentence or the answer already names', () => {
    expect(
      settingPhrase(
        index,
        { compartments: ['spinal-joint'], diseases: ['as'], cells: ['osteoblast'] },
        { after: 'low DKK-1 promotes osteoblast differentiation' },
      ),
    ).toBe('in AS spinal joints');
  });

  it('leaves provenance remarks to the explanation and keeps conditions', () => {
    expect(conditionNote('Without RANKL.')).toBe('without RANKL');
    expect(conditionNote("Known from the paper's title only.")).toBeUndefined();
    expect(remarkNote("Known from the paper's title only.")).toBe(
      "Known from the paper's title only.",
    );
    expect(factSetting(index, fact('F038'))).not.toMatch(/title/);
  });

  it('shows no note about the authoring and no internal id to the learner', () => {
    expect(
      remarkNote('The rest of the cell list was cut off in the excerpt read.'),
    ).toBeUndefined();
    expect(remarkNote('Not a claim found in the review itself.')).toBeUndefined();
    expect(remarkNote('Etanercept (a TNF antagonist) was protective; contrast with F025.')).toBe(
      'Etanercept (a TNF antagonist) was protective.',
    );
    for (const card of bundledBank.cards) {
      expect(card.note ?? '', card.id).not.toMatch(/excerpt|\bF\d{3}\b|\b[DI]\d\b/);
    }
  });

  it('keeps the qualifiers of its fact: compartment, species, the cells the subject acted on', () => {
    const said = (id: string) => sentence(index, statementOf(fact(id)), fact(id).context);
    // Bone marrow shows no difference (F124); the circulation is where IL-32γ is low (F121).
    expect(said('F124')).toMatch(/no difference .* in bone marrow$/);
    expect(said('F121')).toMatch(/circulating IL-32γ is reduced in osteoporosis/);
    // F131 rests on mouse and human data, not on patients alone.
    expect(said('F131')).toContain('in mouse and human studies of osteoporosis');
    // IL-2 acted on NK cells; the T cells were activated by mitogens (F012's note).
    expect(said('F012')).toMatch(/in human NK cells$/);
    // A mouse finding says so even when the pack calls its setting general.
    expect(
      settingPhrase(index, {
        diseases: [],
        compartments: [],
        species: ['Mus musculus'],
        setting: 'general',
      }),
    ).toBe('in mice');
    // Any species of the list reads as its animals: rats, rats with humans, a rat disease model.
    const inRats = (species: string[], diseases: string[] = []) =>
      settingPhrase(index, { diseases, compartments: [], species, setting: 'in-vivo' });
    expect(inRats(['Rattus norvegicus'])).toBe('in rats');
    expect(inRats(['Homo sapiens', 'Rattus norvegicus'])).toBe('in rats and humans');
    expect(inRats(['Rattus norvegicus'], ['osteoporosis'])).toBe('in rat models of osteoporosis');
    expect(
      settingPhrase(index, {
        diseases: [],
        compartments: [],
        species: ['Rattus norvegicus'],
        setting: 'in-vitro',
      }),
    ).toBe('in cultured rat cells');
    // A level's detail that names a place stands in for the compartment (F124 says "measured in
    // bone marrow" in its detail), so the setting does not say it twice; one that names none does not.
    expect(factSetting(index, fact('F124'))).not.toMatch(/bone marrow/);
    expect(factSetting(index, fact('F112'))).not.toMatch(/synovial fluid/);
  });

  it('puts a primary study’s setting first, with the study in brackets', () => {
    expect(
      framedSetting(index, fact('F048'), 'in cultured human fibroblast-like synoviocytes'),
    ).toBe('In cultured human fibroblast-like synoviocytes (Moon YM et al. 2012)');
    expect(framedSetting(index, fact('F105'), 'in AS spinal joints')).toBe(
      "According to the review's Figure 2A (Lee et al. 2017), in AS spinal joints",
    );
  });
});

describe('a changed subject (shared/pack/modifiers.ts)', () => {
  const said = (modifier: string, origin?: string) =>
    subjectPhrase(index, {
      entityId: 'il-32-gamma',
      modifier,
      coSubjects: [],
      ...(origin === undefined ? {} : { origin }),
    });

  it('names each manipulation the way a methods section would', () => {
    expect(said('knockout')).toBe('IL-32γ knockout');
    expect(said('loss-of-function')).toBe('loss-of-function mutations in the IL-32γ gene');
    expect(said('gain-of-function')).toBe('gain-of-function mutations in the IL-32γ gene');
    // Mutations are plural, and the verb agrees.
    const mutations = { entityId: 'il-32-gamma', modifier: 'loss-of-function', coSubjects: [] };
    expect(subjectVerb(index, mutations, 'increases')).toMatch(
      /mutations in the IL-32γ gene increase$/,
    );
    expect(said('antibody-blocked')).toBe('an antibody that blocks IL-32γ');
    expect(said('treated')).toBe('treatment with IL-32γ');
    expect(said('silenced')).toBe('silencing IL-32γ');
  });

  it('says where a transgene came from only when the pack says so, with the right article', () => {
    expect(said('transgenic')).toBe('an IL-32γ transgene');
    expect(said('transgenic', 'Homo sapiens')).toBe('a human IL-32γ transgene');
    expect(said('added', 'Homo sapiens')).toBe('exogenous human IL-32γ');
    // A level or a place is not a manipulation: it has no origin to say.
    expect(said('systemic', 'Homo sapiens')).toBe('circulating IL-32γ');
  });
});

describe('settings (shared/pack/settings.ts)', () => {
  const where = (setting: 'cell-line' | 'ex-vivo' | 'clinical', extra: object = {}) =>
    settingPhrase(index, {
      diseases: [],
      compartments: [],
      species: ['Homo sapiens'],
      setting,
      ...extra,
    });

  it('says a cell line is cultured, ex-vivo cells isolated, and a clinical finding in people', () => {
    expect(where('cell-line')).toBe('in cultured human cells');
    expect(where('ex-vivo', { cells: ['fls'], diseases: ['ra'] })).toBe(
      'in isolated human fibroblast-like synoviocytes in RA',
    );
    expect(where('clinical')).toBe('in people');
    // A clinical finding whose disease is the object names the disease instead.
    expect(where('clinical', { diseases: ['osteoporosis'] })).toBe('in patients with osteoporosis');
  });

  it('keeps a comparison from the note ("compared with alendronate")', () => {
    expect(conditionNote('Compared with alendronate.')).toBe('compared with alendronate');
    expect(conditionNote('Versus placebo')).toBe('versus placebo');
  });
});

describe('objects, questions and cards', () => {
  it('reads a detail as its own unit, a one-word qualifier in front, and asides behind', () => {
    const f031 = fact('F031');
    expect(objectPhrase(index, f031.relation, f031.object, f031.objectDetail)).toBe(
      '4 splice variants (2005 report)',
    );
    const f036 = fact('F036');
    expect(objectPhrase(index, f036.relation, f036.object, f036.objectDetail)).toBe(
      'activated T cells',
    );
    const f047 = fact('F047');
    expect(objectPhrase(index, f047.relation, f047.object, f047.objectDetail)).toBe(
      'IL-32γ (strongly)',
    );
    const f001 = fact('F001');
    expect(objectPhrase(index, f001.relation, f001.object)).toBe('a pro-inflammatory cytokine');
  });

  it('gives a gene its article wherever it is the subject', () => {
    expect(sentence(index, statementOf(fact('F015')), fact('F015').context)).toMatch(
      /^the IL32 gene was discovered/,
    );
  });

  it('asks definition cards with the right article and number', () => {
    expect(definitionQuestion(entityOf(index, 'rheumatic-disease'))).toBe(
      'What is rheumatic disease?',
    );
    expect(definitionQuestion(entityOf(index, 'osteoblast'))).toBe('What is an osteoblast?');
    expect(definitionQuestion(entityOf(index, 'tlr'))).toBe('What are Toll-like receptors?');
    expect(definitionQuestion(entityOf(index, 'osteoporosis'))).toBe('What is osteoporosis?');
    expect(definitionQuestion(entityOf(index, 'chronic-inflammation'))).toBe(
      'What is chronic inflammation?',
    );
  });

  it('narrows a fill-in sentence to one answer: by type, by source, by the source’s own list', () => {
    // A cause has effects the pack does not list: a primary paper's "IL-32 induces the chemokine
    // _____" has other true answers; the review's own figure model is closed.
    expect(templatedCloze(index, fact('F055'))).toBeNull();
    expect(templatedCloze(index, fact('F073'))?.text).toBe(
      'IL-32γ increases production of the ligand _____.',
    );
    // A source's list of associations is a sample ("such as"), open to more answers (audit Q).
    expect(templatedCloze(index, fact('F075'))).toBeNull();
    // What is said of IL-32γ holds for IL-32: the abstract's RA fits "IL-32 is associated with
    // infection, chronic inflammation, autoimmune disease and _____" as well as cancer (audit I).
    expect(templatedCloze(index, fact('F003'))).toBeNull();
    // No "name one": a student may name a true answer the pack does not hold.
    expect(templatedCloze(index, fact('F053'))).toBeNull();
    // "IL-32γ and RANKL together promote _____ (and osteoclast differentiation)": a list.
    expect(templatedCloze(index, fact('F088'))).toBeNull();
  });

  it('masks plurals and short acronyms by case, and a bracketed alias with its name', () => {
    expect(maskForms('Monocytes make it.', ['Monocyte'], '_')?.text).toBe('_ make it.');
    expect(maskForms('named as the cytokines of AS', ['AS'], '_')?.text).toBe(
      'named as the cytokines of _',
    );
    expect(maskForms('induces IL-8 (CXCL8) in cells', ['IL-8', 'CXCL8'], '_____')?.text).toBe(
      'induces _____ in cells',
    );
  });

  it('writes every card front as prose', () => {
    const problems = bundledBank.cards.flatMap((c) =>
      proseProblems(index, c.front).map((p) => `${c.id}: ${p.message}`),
    );
    expect(problems).toEqual([]);
  });
});
