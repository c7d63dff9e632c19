/**
 * The spelling rules typed-answer matching and search share (normalize.ts applies them). Every
 * rule maps variants onto one form; a rule must never join two different molecules, processes or
 * cells. Keys are lower case, letters and digits only, Greek letters spelled out.
 */

/** British and American spellings, and older forms, as [variant, canonical] substrings. */
export const spellingRules: readonly (readonly [RegExp, string])[] = [
  [/signaling/g, 'signalling'],
  [/tumor(?!u)/g, 'tumour'],
  [/(re)?modeling/g, '$1modelling'],
  [/labeled/g, 'labelled'],
  [/leucocyte/g, 'leukocyte'],
  [/defense/g, 'defence'],
  [/behavior(?!u)/g, 'behaviour'],
  [/fiber/g, 'fibre'],
  [/center/g, 'centre'],
  [/isation/g, 'ization'],
  [/aemia/g, 'emia'],
  [/haem/g, 'hem'],
  [/oedema/g, 'edema'],
  [/oestr/g, 'estr'],
  [/oesophag/g, 'esophag'],
  [/sulph/g, 'sulf'],
  [/ciclosporin/g, 'cyclosporin'],
];

/**
 * Standard abbreviations of words that open a name: "interleukin-6" is IL-6, "tumour necrosis
 * factor-α" is TNF-α. Applied after the spelling rules, as substrings of the key.
 */
export const abbreviationRules: readonly (readonly [RegExp, string])[] = [
  [/interleukin/g, 'il'],
  [/interferon/g, 'ifn'],
  [/tumournecrosisfactor/g, 'tnf'],
  [/nuclearfactorkappa/g, 'nfkappa'],
  [/microrna/g, 'mir'],
  [/mirna/g, 'mir'],
  [/dickkopf/g, 'dkk'],
  [/rankligand/g, 'rankl'],
  [/receptoractivatorofnfkappabligand/g, 'rankl'],
];

/**
 * Whole names that are one thing under standard usage. Only whole keys are joined, never parts:
 * "osteoclast formation" is osteoclastogenesis, but "osteoclast formation assay" is not rewritten.
 */
export const synonymSets: readonly (readonly string[])[] = [
  ['osteoclastogenesis', 'osteoclastformation', 'osteoclastdifferentiation'],
  ['osteoblastogenesis', 'osteoblastdifferentiation', 'osteoblastformation'],
  ['osteogenesis', 'boneformation'],
  // TNF is today's gene and protein name for TNF-α (TNF-β is lymphotoxin-α, written LTA).
  ['tnfalpha', 'tnf'],
  ['akt', 'pkb', 'proteinkinaseb'],
  ['p38mapk', 'p38', 'p38mitogenactivatedproteinkinase'],
  ['nfkappab', 'nfkb'],
];

/**
 * Words that may close a name without changing what it names: "Wnt", "Wnt signalling" and "the
 * Wnt pathway" are one answer. Dropped only at the end of a key, leaving at least two characters.
 */
export const genericEndings: readonly string[] = [
  'signallingpathway',
  'signallingcascade',
  'signalling',
  'pathway',
  'cascade',
];
