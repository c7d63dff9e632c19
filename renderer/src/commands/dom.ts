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
 * Whether a focused control handles this key itself (Enter or Space on a button, Enter on a
 * link, Space on a checkbox), so a screen's command must leave it alone.
 */
export function keyActivatesTarget(key: string, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (key !== 'Enter' && key !== ' ') return false;
  const buttonLike =
    'button, summary, [role="button"], [role="checkbox"], [role="radio"], [role="switch"], ' +
    '[role="tab"], [role="menuitem"], [role="option"], input[type="checkbox"], input[type="radio"]';
  if (target.closest(buttonLike)) return true;
  return key === 'Enter' && target.closest('a[href], [role="link"]') !== null;
}
