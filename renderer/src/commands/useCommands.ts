import { useEffect, useLayoutEffect, useRef } from 'react';
import { isTextField, keyActivatesTarget } from './dom.ts';
import { commandForKey, isMacPlatform, type Command } from './registry.ts';

/**
 * Binds a screen's commands to the keyboard while it is mounted. The context is read at key time
 * (through a ref), so the listener is attached once and always sees current state.
 */
export function useCommands<Ctx>(commands: readonly Command<Ctx>[], ctx: Ctx): void {
  const ctxRef = useRef(ctx);
  // Before the browser handles the next input event, not after the next paint.
  useLayoutEffect(() => {
    ctxRef.current = ctx;
  });
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const press = {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        inTextField: isTextField(event.target),
      };
      const command = commandForKey(commands, press, ctxRef.current, isMac);
      if (!command) return;
      // Enter/Space on a focused button (or Enter on a link) already activates it; let it.
      if (keyActivatesTarget(event.key, event.target)) return;
      event.preventDefault();
      command.perform(ctxRef.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
}
