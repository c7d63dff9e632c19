import { useEffect, useRef } from 'react';
import { activatesOnKey, commandForKey, isMacPlatform, type Command } from './registry.ts';

/**
 * Binds a screen's commands to the keyboard while it is mounted. The context is read at key time
 * (through a ref), so the listener is attached once and always sees current state.
 */
export function useCommands<Ctx>(commands: readonly Command<Ctx>[], ctx: Ctx): void {
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  });
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(commands, event, ctxRef.current, isMac);
      if (!command) return;
      // Enter/Space on a focused button, link or summary already activates it; let it do the work.
      if ((event.key === 'Enter' || event.key === ' ') && activatesOnKey(event.target)) return;
      event.preventDefault();
      command.perform(ctxRef.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
}
