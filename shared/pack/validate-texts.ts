import { relations, type RelationId } from './relations.ts';
import type { Entity, Fact } from './schema.ts';
import { modifierDef, modifiers } from './modifiers.ts';
import { isCultureSetting } from './settings.ts';
import { humanTaxon, taxa, type Taxon, type TaxonName } from './species.ts';
import type { FactFile, Item, Reporter } from './validate-context.ts';
import { normalise } from './validate-context.ts';

/**
 * Rules on fact texts. Each says something different from every other fact's text. And a fact's
 * sentence and its structured fields must say the same thing. Generators phrase items from
 * the structured fields, so a negation or a qualifier that only the sentence carries ("silencing
 * IL-32γ lowers IL-6", "in mice", "in bone marrow") is lost, and the item states something else.
 * Each rule pairs cue words in the text with the fields that can carry them; a context note or an
 * object detail that repeats the cue also counts, for what the fields cannot say (bone marrow as a
 * transplant source rather than the place measured).
 */

interface QualifierRule {
  /** What the text says, for the message ("a negation"). */
  readonly what: string;
  readonly cue: RegExp;
  /** What would carry it, for the message. */
  readonly carriers: string;
  readonly carried: (fact: Fact, namesOf: NamesOf) => boolean;
  /** Words that, in the object detail or the context note, carry the cue too. */
  readonly detail: RegExp;
  /** A cue this rule leaves to another (a mouse study with a human transgene is a mouse study). */
  readonly unless?: RegExp;
}

const negativeRelations: readonly RelationId[] = [
  'no-difference-in',
  'does-not-induce',
  'fails-to-inhibit',
  'lacks-homology-with',
  'absent-in',
];
const removes = (fact: Fact): boolean =>
  fact.subjectModifier !== undefined && modifierDef(fact.subjectModifier)?.removes === true;
const removingNames = Object.entries(modifiers)
  .filter(([, def]) => 'removes' in def)
  .map(([name]) => name)
  .join('/');
const causalRelations: readonly RelationId[] = [
  'increases',
  'decreases',
  'activates',
  'inhibits',
  'promotes',
  'suppresses',
  'targets',
  'disrupts',
  'induces-expression-of',
  'required-for',
  'synergizes-with',
];

const negation =
  /\bnot\b|\bno\b|n't\b|\bnever\b|\bneither\b|\bnor\b|\bunchanged\b|\bfail(?:s|ed)?\b/i;
const negationDetail =
  /\bnot\b|\bno\b|\bnever\b|\bwithout\b|\babsent\b|\bunchanged\b|\brather than\b|\bunlike\b|\bonly\b|\bfails?\b|\bcancels?\b/i;
const decrease =
  /\blow(?:s|er|ers|ered|ering)?\b|\breduc\w*|\bdecreas\w*|\bdiminish\w*|\bfewer\b|\bless\b|\bfall(?:s|en)?\b/i;
const knockDown =
  /\bsilenc\w*|\bknock(?:s|ed|ing)?(?:[- ]?(?:down|out)\b|\s+\w+\s+down\b)|\bknockouts?\b|\bdeficien\w*|\bblock(?:s|ed|ing|ade)?\b|\binactivat\w*|\bneutralis\w*|\bneutraliz\w*/i;
const overexpression = /\btransgen\w*|\boverexpress\w*/i;
const rodent = /\brodents?\b/i;

const animal = new RegExp(
  taxa
    .filter((taxon) => taxon.name !== humanTaxon)
    .map((taxon) => taxon.cue.source)
    .join('|'),
  'i',
);

/**
 * A species the text names is one the fact lists, or where its changed subject came from ("mice
 * carrying a human IL-32γ transgene": subjectSpecies "Homo sapiens"). People named beside
 * animals are left to the author, as format 1 left them: they are usually a molecule's source.
 */
function speciesRule(taxon: Taxon): QualifierRule {
  return {
    what: `a finding in ${taxon.plural}`,
    cue: taxon.cue,
    carriers: `"${taxon.name}" in context.species, or in subjectSpecies when the changed subject came from it`,
    carried: (fact) =>
      fact.context.species.includes(taxon.name as TaxonName) || fact.subjectSpecies === taxon.name,
    detail: taxon.cue,
    ...(taxon.name === humanTaxon ? { unless: animal } : {}),
  };
}
/** Systemic sclerosis and systemic lupus are diseases, not the circulation. */
const systemic = /\bserum\b|\bplasma\b|\bcirculat\w*|\bsystemic(?! sclerosis| lupus)\b/i;
const synovialFluid = /\bsynovial fluid\b/i;
const boneMarrow = /\bbone[- ]marrow\b/i;
const inVitro = /\bin vitro\b|\bcultur\w*|\bcell lines?\b/i;
const association = /\bassociat\w*|\bcorrelat\w*/i;

const polarity = (fact: Fact) => relations[fact.relation].polarity;
/** An entity's written forms (name and aliases); none for an unknown id. */
export type NamesOf = (entityId: string) => readonly string[];

export function entityNames(entities: readonly Item<Entity>[]): NamesOf {
  const names = new Map(entities.map(({ value }) => [value.id, [value.name, ...value.aliases]]));
  return (id) => names.get(id) ?? [];
}

/**
 * Whether one of the fact's compartments is the place the text names: a compartment entity whose
 * id, name or alias says it ("Systemic circulation (plasma/serum)" for "serum"). The pack names
 * its own compartments; the validator knows only the words.
 */
function hasCompartmentNamed(fact: Fact, place: RegExp, namesOf: NamesOf): boolean {
  return fact.context.compartments.some((id) =>
    [id.replaceAll('-', ' '), ...namesOf(id)].some((name) => place.test(name)),
  );
}

export const qualifierRules: readonly QualifierRule[] = [
  {
    what: 'a negation',
    cue: negation,
    carriers: `a negative relation (${negativeRelations.join(', ')}), "required-for", a subjectModifier ${removingNames}, or the negation in objectDetail or context.note`,
    carried: (fact) =>
      negativeRelations.includes(fact.relation) ||
      fact.relation === 'required-for' ||
      removes(fact),
    detail: negationDetail,
  },
  {
    what: 'a decrease',
    cue: decrease,
    carriers: `a relation of decreasing polarity, "required-for", a subjectModifier lowered/${removingNames}, or the decrease in objectDetail or context.note`,
    carried: (fact) =>
      polarity(fact) === 'decreases' ||
      fact.relation === 'required-for' ||
      negativeRelations.includes(fact.relation) ||
      fact.subjectModifier === 'lowered' ||
      removes(fact),
    detail: decrease,
  },
  {
    what: 'a loss-of-function experiment',
    cue: knockDown,
    carriers: `a subjectModifier ${removingNames}/lowered, "required-for", a relation of decreasing polarity or a negative one, or the experiment in objectDetail or context.note`,
    carried: (fact) =>
      removes(fact) ||
      fact.subjectModifier === 'lowered' ||
      fact.relation === 'required-for' ||
      polarity(fact) === 'decreases' ||
      negativeRelations.includes(fact.relation),
    detail: knockDown,
  },
  {
    what: 'a transgene or overexpression',
    cue: overexpression,
    carriers: 'a subjectModifier transgenic/overexpressed, or the transgene in context.note',
    carried: (fact) =>
      fact.subjectModifier === 'transgenic' || fact.subjectModifier === 'overexpressed',
    detail: overexpression,
  },
  ...taxa.map(speciesRule),
  {
    what: 'a finding in rodents',
    cue: rodent,
    carriers: 'context.species "Mus musculus" or "Rattus norvegicus"',
    carried: (fact) =>
      fact.context.species.some((name) => name === 'Mus musculus' || name === 'Rattus norvegicus'),
    detail: /(?!)/,
  },
  {
    what: 'a measurement in the circulation',
    cue: systemic,
    carriers:
      'a compartment whose name or alias says serum, plasma or the circulation, or the subjectModifier "systemic"',
    carried: (fact, namesOf) =>
      hasCompartmentNamed(fact, systemic, namesOf) || fact.subjectModifier === 'systemic',
    detail: systemic,
  },
  {
    what: 'a measurement in synovial fluid',
    cue: synovialFluid,
    carriers: 'a compartment whose name or alias says synovial fluid',
    carried: (fact, namesOf) => hasCompartmentNamed(fact, synovialFluid, namesOf),
    detail: /(?!)/,
  },
  {
    what: 'bone marrow',
    cue: boneMarrow,
    carriers: 'a compartment whose name or alias says bone marrow, or bone marrow in context.note',
    carried: (fact, namesOf) => hasCompartmentNamed(fact, boneMarrow, namesOf),
    detail: boneMarrow,
  },
  {
    what: 'an in-vitro setting',
    cue: inVitro,
    carriers: 'context.setting "in-vitro" or "cell-line"',
    carried: (fact) => isCultureSetting(fact.context.setting),
    detail: /(?!)/,
  },
  {
    what: 'an ex-vivo setting',
    cue: /\bex vivo\b/i,
    carriers: 'context.setting "ex-vivo"',
    carried: (fact) => fact.context.setting === 'ex-vivo',
    detail: /(?!)/,
  },
  {
    what: 'an association',
    cue: association,
    carriers:
      'a relation that does not claim cause (associated-with, correlates-…, elevated-in, …)',
    carried: (fact) => !causalRelations.includes(fact.relation),
    detail: association,
  },
];

/** One problem per rule a fact's text breaks, pointing at the cue word in the text. */
export function checkTextQualifiers(
  file: FactFile,
  facts: readonly Item<Fact>[],
  namesOf: NamesOf,
  reporter: Reporter,
): void {
  for (const { index, value: fact } of facts) {
    for (const rule of qualifierRules) {
      const match = rule.cue.exec(fact.text);
      if (!match || rule.carried(fact, namesOf)) continue;
      if (rule.unless?.test(fact.text)) continue;
      const details = [fact.objectDetail ?? '', fact.context.note ?? ''];
      if (details.some((detail) => rule.detail.test(detail))) continue;
      // The cue's column: the string's opening quote, then the text as JSON escapes it.
      const shift = 1 + JSON.stringify(fact.text.slice(0, match.index)).length - 2;
      reporter.report(
        file,
        [index, 'text'],
        'text-qualifier',
        `the text says "${match[0]}" (${rule.what}) but the structured fields do not carry it; give it ${rule.carriers}`,
        'value',
        shift,
      );
    }
  }
}

/** Facts and background facts together: no two may share a text. */
export function checkFactTexts(
  facts: readonly Item<Fact>[],
  background: readonly Item<Fact>[],
  reporter: Reporter,
): void {
  const first = new Map<string, { file: FactFile; item: Item<Fact> }>();
  const rows = [
    ...facts.map((item) => ({ file: 'facts.json' as const, item })),
    ...background.map((item) => ({ file: 'background.json' as const, item })),
  ];
  for (const row of rows) {
    const key = normalise(row.item.value.text);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, row);
      continue;
    }
    reporter.report(
      row.file,
      [row.item.index, 'text'],
      'duplicate-text',
      `same text as fact "${earlier.item.value.id}" (${reporter.where(earlier.file, [earlier.item.index, 'text'])}); each fact must say something different`,
    );
  }
}
