import type { Entity, Fact } from '../pack/schema.ts';
import { humanTaxon, taxonOf } from '../pack/species.ts';

/**
 * Whether the words a learner reads keep the fact's setting: a true statement that names no
 * compartment of its fact (IL-32γ in bone marrow stated without "bone marrow"), none of its
 * diseases, or a mouse finding without the mouse, says something the fact does not.
 */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Every way the entity may be written: id as words, name, name without its bracket, aliases. */
export function namesOf(entity: Entity): string[] {
  return [entity.id.replace(/-/g, ' '), entity.name, ...entity.aliases].map((n) => words(n).trim());
}

/** One-word forms match by their first six letters ("epithelium" ~ "epithelial cells"). */
function stem(word: string): string {
  return word.slice(0, 6);
}

function mentions(shown: string, form: string): boolean {
  if (form === '') return false;
  if (form.includes(' ')) return shown.includes(` ${form} `);
  return shown
    .split(' ')
    .some((w) => w !== '' && stem(w) === stem(form) && w.length >= Math.min(form.length, 6));
}

function named(
  text: string,
  ids: readonly string[],
  names: ReadonlyMap<string, string[]>,
): boolean {
  const shown = words(text);
  return ids.some((id) => (names.get(id) ?? [id]).some((form) => mentions(shown, form)));
}

/** An animal is named by its noun or adjective ("rats", "rat", "mice", "mouse"), or "murine". */
function animalNamed(text: string, name: string): boolean {
  const taxon = taxonOf(name);
  const shown = words(text);
  const forms = [taxon.adjective, taxon.plural, ...(name === 'Mus musculus' ? ['murine'] : [])];
  return forms.some((form) => shown.includes(` ${words(form).trim()} `));
}

/** What of the fact's setting the text leaves out, or undefined when it shows it all. */
export function settingNotShown(
  fact: Fact,
  text: string,
  names: ReadonlyMap<string, string[]>,
): string | undefined {
  const { compartments, diseases, species } = fact.context;
  if (compartments.length > 0 && !named(text, compartments, names)) {
    return `the text names none of ${fact.id}'s compartments (${compartments.join(', ')})`;
  }
  const diseasesOrObject = [...diseases, fact.object];
  if (diseases.length > 0 && !named(text, diseasesOrObject, names)) {
    return `the text names none of ${fact.id}'s diseases (${diseases.join(', ')})`;
  }
  const animals = species.includes(humanTaxon) ? [] : species;
  const unnamed = animals.find((name) => !animalNamed(text, name));
  if (unnamed !== undefined) {
    return `the text states ${fact.id}'s finding in ${taxonOf(unnamed).plural} without them`;
  }
  return undefined;
}
