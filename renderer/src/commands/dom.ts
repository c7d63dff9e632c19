/** What a key press means for the focused element: the DOM half of the command registry. */

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type)
  );
}

/**
 * Whether a focused control handles this key itself, so a screen's command must leave it alone:
 * Enter or Space on a button-like control, Space on a checkbox, radio or switch (Enter on those
 * does nothing natively, so a screen may bind it, e.g. to submit a chosen option), Enter on a link.
 */
export function keyActivatesTarget(key: string, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (key !== 'Enter' && key !== ' ') return false;
  const pressable =
    'button, summary, [role="button"], [role="tab"], [role="menuitem"], [role="option"]';
  if (target.closest(pressable)) return true;
  const toggles =
    'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="radio"], [role="switch"]';
  if (key === ' ' && target.closest(toggles)) return true;
  return key === 'Enter' && target.closest('a[href], [role="link"]') !== null;
}
