/**
 * The runner's number keys: 1–5 choose the option shown with that number. True/false items also
 * take T and F, and list True first (1) and False second (2).
 */
export const optionKeys = ['1', '2', '3', '4', '5'] as const;

/** The option a number key chooses (0-based), or undefined when the item has no such option. */
export function optionIndexForKey(key: string, optionCount: number): number | undefined {
  const index = optionKeys.indexOf(key as (typeof optionKeys)[number]);
  return index >= 0 && index < optionCount ? index : undefined;
}

/** The number shown on an option's button, or undefined past the last key. */
export function optionKeyLabel(index: number): string | undefined {
  return optionKeys[index];
}

/** True/false in the order they are shown and numbered. */
export const trueFalseChoices = [
  { value: true, label: 'True', letter: 'T' },
  { value: false, label: 'False', letter: 'F' },
] as const;

/** Letters that name the right-hand column of a matching item (A, B, C…). */
export function columnLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}
