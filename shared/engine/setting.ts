import type { Entity, FactContext } from '../pack/schema.ts';
import { mentionFinder, mentionsAny, viewOf, type TextView } from './normalize.ts';
import { entityOf, formsOf, type PackIndex } from './pack-index.ts';
import { listText, midSentenceName, plural, withoutParenthetical } from './names.ts';
import { perPack } from './per-pack.ts';
import { isCultureSetting } from '../pack/settings.ts';
import { animalsPhrase, humanTaxon, speciesAdjective, taxonOf } from '../pack/species.ts';

/**
 * Where a finding was made, as a natural prepositional phrase ("in human fibroblast-like
 * synoviocytes from RA synovium", "in the systemic circulation of patients with osteoporosis",
 * "in mice"), never a bracketed list. Provenance remarks ("known from the paper's title only")
 * are not settings: they belong to explanations, not to stems.
 */

export interface ContextLike {
  readonly compartments: readonly string[];
  readonly diseases: readonly string[];
  readonly cells?: readonly string[];
  readonly species?: readonly string[];
  readonly setting?: FactContext['setting'];
  readonly note?: string;
}

export interface SettingOptions {
  /** Entities that must not be named (the answer and its aliases). */
  readonly exclude?: ReadonlySet<string>;
  /** The sentence the setting goes with: entities it already names are not repeated. */
  readonly after?: string;
  /** Whether a short condition from the note ("without RANKL") may be added (default true). */
  readonly withNote?: boolean;
  /** Lead with the compartment rather than the cells (level findings are about a place). */
  readonly preferCompartment?: boolean;
  /** Whether the cells of the context are a setting for this claim (not for definitions, levels…). */
  readonly withCells?: boolean;
  /** Compartments the subject's own wording already places it in ("circulating IL-32γ"). */
  readonly skipSystemic?: boolean;
}

/** More items than this in one slot is a list of findings, not a setting: it is left out. */
const MAX_ITEMS = 3;

/** A note that reads as a condition of the experiment ("without RANKL", "in RANKL-stimulated cultures"). */
export function conditionNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const text = note.trim().replace(/\.$/, '');
  if (/[();]/.test(text) || text.split(/\s+/).length > 6) return undefined;
  if (!/^(?:with|without|in|after|under|during|on|compared with|versus|relative to)\b/i.test(text))
    return undefined;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Notes about how the pack was written (what the excerpt showed, where a claim was not found)
 * are for its authors, not for a student.
 */
const authoringNote = /\b(?:excerpt|cut off|not obtained|not a claim found|the pack)\b/i;

/** "contrast with F025", "see teaching point E6": an internal id the learner cannot follow. */
const internalId = /\bF\d{3}\b|\bteaching point E\d+|\b(?:model|pathway) D\d+/i;

const stopWords = new Set([
  'the',
  'and',
  'not',
  'with',
  'from',
  'for',
  'into',
  'within',
  'across',
  'its',
]);

/** A note's words that carry content, bracketed abbreviations left out ("Ovariectomy (OVX) model"). */
function contentWords(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !stopWords.has(w));
}

/**
 * Whether the fact's sentence already says most of a clause ("Viral infection." after "IL-32
 * contributes to antiviral host defence"): a word counts as said when the sentence contains it or
 * its first six letters ("prediction" in "predicted").
 */
function alreadySaid(clause: string, factText: string): boolean {
  const words = contentWords(clause);
  const text = factText.toLowerCase();
  const said = words.filter((w) => text.includes(w.length > 6 ? w.slice(0, 6) : w)).length;
  return words.length === 0 || said * 2 >= words.length;
}

/**
 * A note that is a remark for the explanation (a caveat for the student), not a condition. Its
 * clauses that point at internal ids, or that the fact's sentence already says, are left out; a
 * note about the authoring is no remark.
 */
export function remarkNote(note: string | undefined, factText = ''): string | undefined {
  if (note === undefined || conditionNote(note) !== undefined) return undefined;
  if (authoringNote.test(note)) return undefined;
  const text = note
    .trim()
    .split(/;\s*/)
    .filter((clause) => !internalId.test(clause) && !alreadySaid(clause, factText))
    .join('; ')
    .replace(/[.;\s]*$/, '');
  return text === '' ? undefined : `${text}.`;
}

/** The most words a bare setting has ("Human PBMC subsets"); a longer note reads as a sentence. */
const SETTING_WORDS = 4;

/**
 * The remark as the explanation shows it: a short phrase is the study's setting ("Setting:
 * immune-mediated disease in general."), anything longer a note ("Note: In T cells the same rise
 * followed mitogen activation, not IL-2."). A bare "Note: Viral infection." read as an authoring
 * fragment (audit N).
 */
export function remarkLine(note: string | undefined, factText: string): string | undefined {
  const remark = remarkNote(note, factText);
  if (remark === undefined) return undefined;
  if (remark.split(/\s+/).length > SETTING_WORDS) return `Note: ${remark}`;
  const first = remark.split(/\s+/)[0] ?? '';
  const keepsCapital = /[A-Z].*[A-Z]|\d/.test(first);
  return `Setting: ${keepsCapital ? remark : remark.charAt(0).toLowerCase() + remark.slice(1)}`;
}

/** "RA", "AS", "COPD": the short form clinicians use inside a phrase, if the pack gives one. */
export function diseaseAbbreviation(index: PackIndex, id: string): string | undefined {
  const entity = entityOf(index, id);
  if (/^[A-Z0-9]{2,6}$/.test(entity.name)) return entity.name;
  return entity.aliases.find((a) => /^[A-Z]{2,5}$/.test(a));
}

function diseaseName(index: PackIndex, id: string): string {
  return withoutParenthetical(midSentenceName(entityOf(index, id)));
}

/** "synovial fluid", "the synovium", "the spinal joints", "bone marrow". */
export function compartmentPhrase(index: PackIndex, id: string, withArticle = true): string {
  const entity = entityOf(index, id);
  const bare = withoutParenthetical(midSentenceName(entity));
  const pluralForm = plural(bare);
  const usesPlural = pluralForm !== bare && entity.aliases.includes(pluralForm);
  const text = usesPlural ? pluralForm : bare;
  return withArticle && !usesPlural ? withPlaceArticle(text) : text;
}

/** "the synovium", "the inflamed ileum"; a mass noun goes bare ("synovial fluid", "bone marrow"). */
export function withPlaceArticle(place: string): string {
  return /(?:fluid|marrow|tissues?|bone|serum|plasma)$/.test(place) || /^the\b/.test(place)
    ? place
    : `the ${place}`;
}

export function cellsPhrase(index: PackIndex, ids: readonly string[]): string {
  return listText(
    ids.map((id) => plural(withoutParenthetical(midSentenceName(entityOf(index, id))))),
  );
}

/**
 * Cell lines studied within a study of a tissue ("Cell-line work within a study of the ileum in
 * AS"): the cells did not come from that tissue, so a setting cannot name both.
 */
export function isCellLineWork(context: ContextLike): boolean {
  return /cell[- ]lines?/i.test(context.note ?? '') && context.compartments.length > 0;
}

/**
 * The cells a process makes ("osteoclasts" for osteoclastogenesis): they are its product, not
 * where it happens ("promotes osteoclastogenesis in monocytes and osteoclasts", audit P).
 */
export function cellsItMakes(index: PackIndex, object: string): readonly string[] {
  let byObject = madeCells.get(index);
  if (byObject === undefined) {
    byObject = new Map();
    madeCells.set(index, byObject);
  }
  let found = byObject.get(object);
  if (found === undefined) {
    const name = index.entityById.get(object)?.name.toLowerCase();
    found = name === undefined ? [] : cellsNamedByPrefixOf(index, name, object);
    byObject.set(object, found);
  }
  return found;
}

/** Sentences are phrased many times per pack: what a pack determines is worked out once. */
const madeCells = new WeakMap<PackIndex, Map<string, readonly string[]>>();
interface CellAt {
  readonly id: string;
  readonly at: number;
}
/** Cell entities by lower-cased name, each with its place in the pack (the order answers keep). */
const cellsByName = perPack((index): ReadonlyMap<string, readonly CellAt[]> => {
  const byName = new Map<string, CellAt[]>();
  [...index.entityById.values()]
    .filter((e) => e.type === 'cell')
    .forEach((e, at) => {
      const name = e.name.toLowerCase();
      const list = byName.get(name);
      if (list) list.push({ id: e.id, at });
      else byName.set(name, [{ id: e.id, at }]);
    });
  return byName;
});

/** Cells whose name begins `name`, found by its prefixes rather than by scanning every cell. */
function cellsNamedByPrefixOf(index: PackIndex, name: string, except: string): string[] {
  const byName = cellsByName(index);
  const found: CellAt[] = [];
  for (let end = 0; end <= name.length; end++) {
    for (const cell of byName.get(name.slice(0, end)) ?? []) {
      if (cell.id !== except) found.push(cell);
    }
  }
  return found.sort((a, b) => a.at - b.at).map((cell) => cell.id);
}

/** Whether the sentence already says the finding is in mice. */
/** The sentence already says which animals ("IL-32γ transgenic mice…"): not said twice. */
function namesAnimals(said: TextView | undefined, species: readonly string[]): boolean {
  if (said === undefined) return false;
  let text: string | undefined;
  return species.some(
    (name) => name !== humanTaxon && taxonOf(name).cue.test((text ??= said.rawTokens.join(' '))),
  );
}

/** Who a finding in animals was made in: "mice", "rats and humans"; undefined for other findings. */
function creaturesOf(
  species: readonly string[],
): { plural: string; adjective: string } | undefined {
  const animals = species.filter((name) => name !== humanTaxon).map(taxonOf);
  if (animals.length === 0) return undefined;
  const withHumans = animals.length < species.length;
  const plural = animalsPhrase(animals);
  const adjective = speciesAdjective(animals.map((taxon) => taxon.name)).trim();
  return withHumans
    ? { plural: `${plural} and humans`, adjective: `${adjective} and human` }
    : { plural, adjective };
}

/**
 * Cells a note gives to another stimulus ("Mitogen activation of T cells had the same effect"):
 * they are not where this fact's subject acted.
 */
function cellsOfAnotherAgent(index: PackIndex, note: string | undefined): string[] {
  const clause = note?.split(/;\s*/).find((c) => /\bsame effect\b/i.test(c));
  if (clause === undefined) return [];
  return cellsNamedIn(index)(clause).map((e) => e.id);
}

const cellFinders = new WeakMap<PackIndex, (text: string) => readonly Entity[]>();

function cellsNamedIn(index: PackIndex): (text: string) => readonly Entity[] {
  let finder = cellFinders.get(index);
  if (!finder) {
    const cells = [...index.entityById.values()].filter((e) => e.type === 'cell');
    finder = mentionFinder(cells, (e) => formsOf(index, e.id));
    cellFinders.set(index, finder);
  }
  return finder;
}

/** The cells where the fact's own subject acted: the context's cells less another stimulus's. */
export function settingCells(index: PackIndex, context: ContextLike): string[] {
  const others = cellsOfAnotherAgent(index, context.note);
  return (context.cells ?? []).filter((id) => !others.includes(id));
}

/** Context entities that may still be named: not excluded, not already said, not a long list. */
function kept(
  index: PackIndex,
  ids: readonly string[],
  exclude: ReadonlySet<string>,
  said: TextView | undefined,
): string[] {
  const out = ids.filter(
    (id) => !exclude.has(id) && !(said !== undefined && mentionsAny(said, formsOf(index, id))),
  );
  return ids.length > MAX_ITEMS ? [] : out;
}

/**
 * The setting as one prepositional phrase, or '' when there is none worth saying. At most one
 * place (cells, or a compartment with its disease, or a disease, or the animal model) and one
 * short condition.
 */
export function settingPhrase(
  index: PackIndex,
  context: ContextLike,
  options: SettingOptions = {},
): string {
  const exclude = options.exclude ?? new Set<string>();
  const said = options.after === undefined ? undefined : viewOf(options.after);
  const excludesDisease = [...exclude].some((id) => index.entityById.get(id)?.type === 'disease');
  // When the answer is a disease, the other diseases listed are comparators or co-findings.
  const diseases = excludesDisease ? [] : kept(index, context.diseases, exclude, said);
  const compartments = kept(index, context.compartments, exclude, said).filter(
    (id) =>
      !(
        options.skipSystemic === true &&
        mentionsAny(entityOf(index, id).name, ['systemic', 'circulation'])
      ),
  );
  const inVivo = context.setting === 'in-vivo';
  const cells =
    options.withCells === false || inVivo
      ? []
      : kept(index, settingCells(index, context), exclude, said);
  const speciesList = context.species ?? [];
  const species = speciesAdjective(speciesList);
  // A finding in animals stays one, whatever the setting; cultured cells say so by their adjective.
  const creatures =
    isCultureSetting(context.setting) || namesAnimals(said, speciesList)
      ? undefined
      : creaturesOf(speciesList);
  const abbreviation =
    diseases.length === 1 && diseases[0] !== undefined
      ? diseaseAbbreviation(index, diseases[0])
      : undefined;
  const diseaseText = listText(diseases.map((id) => diseaseName(index, id)));
  const compartmentList = (article: boolean): string =>
    listText(compartments.map((c) => compartmentPhrase(index, c, article)));
  const compartmentText = (): string =>
    abbreviation !== undefined
      ? `${abbreviation} ${compartmentList(false)}`
      : compartmentList(true);
  const place = (): string => {
    if (cells.length > 0 && !(options.preferCompartment === true && compartments.length > 0)) {
      const cultured = isCultureSetting(context.setting)
        ? 'cultured '
        : context.setting === 'ex-vivo'
          ? 'isolated '
          : '';
      // "human and mouse macrophages and PBMC" would give each cell both species; the pack does
      // not say which cells were whose, so the cells give way to the species (audit N).
      const cellText =
        speciesList.length > 1 && cells.length > 1
          ? `${cultured}${species}cells`
          : `${cultured}${species}${cellsPhrase(index, cells)}`;
      if (diseases.length === 0) return `in ${cellText}`;
      if (compartments.length > 0 && !isCellLineWork(context))
        return `in ${cellText} from ${compartmentText()}`;
      // Cultured cells are not "in" a disease; the disease was the study's setting, not theirs.
      if (isCultureSetting(context.setting)) return `in ${cellText}`;
      return `in ${cellText} in ${abbreviation ?? diseaseText}`;
    }
    if (compartments.length > 0) {
      if (diseases.length === 0) {
        if (creatures) return `in the ${compartmentList(false)} of ${creatures.plural}`;
        return `in ${compartmentText()}`;
      }
      if (abbreviation !== undefined) return `in ${compartmentText()}`;
      return context.setting === 'clinical' || context.setting === 'ex-vivo'
        ? `in ${compartmentList(true)} of patients with ${diseaseText}`
        : `in ${compartmentList(true)} in ${diseaseText}`;
    }
    if (diseases.length > 0) {
      if (creatures?.plural.endsWith('humans') === true)
        return `in ${creatures.adjective} studies of ${diseaseText}`;
      if (creatures) return `in ${creatures.adjective} models of ${diseaseText}`;
      return context.setting === 'clinical'
        ? `in patients with ${diseaseText}`
        : `in ${diseaseText}`;
    }
    if (creatures) return `in ${creatures.plural}`;
    // Work in cultured cells stays so even when the pack names no cell type: "sclerostin
    // inhibits Wnt signalling" said plainly would drop the in-vitro qualifier.
    const saysCulture = said !== undefined && mentionsAny(said, ['cultured', 'in vitro']);
    if (isCultureSetting(context.setting) && !saysCulture) return `in cultured ${species}cells`;
    // A finding in people that names no disease or place still says it was made in people.
    const inPeople =
      context.setting === 'clinical' &&
      speciesList.length === 1 &&
      speciesList[0] === humanTaxon &&
      context.diseases.length === 0 &&
      context.compartments.length === 0;
    return inPeople ? 'in people' : '';
  };
  const where = place();
  const condition = options.withNote === false ? undefined : conditionNote(context.note);
  return [where, condition].filter((p): p is string => p !== undefined && p !== '').join(' ');
}
