/**
 * Commands are data: one object per action, dispatched alike by buttons, keyboard shortcuts and
 * menus (Excalidraw's action registry pattern). A screen declares its commands once; the hook below
 * binds their keys, and its buttons call the same `perform`.
 */
export interface KeyBinding {
  /** `KeyboardEvent.key` values, e.g. " ", "Enter", "1", "z". */
  readonly keys: readonly string[];
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  /** Alt (Option on macOS), e.g. Alt+ArrowUp to move a list item. */
  readonly alt?: boolean;
  /** Also fire while focus is in a text field (default: no, so typing never triggers commands). */
  readonly inTextField?: boolean;
}

export interface Command<Ctx> {
  readonly id: string;
  readonly label: string;
  readonly bindings: readonly KeyBinding[];
  readonly enabled: (ctx: Ctx) => boolean;
  readonly perform: (ctx: Ctx) => void;
}

export function defineCommands<Ctx>(commands: readonly Command<Ctx>[]): readonly Command<Ctx>[] {
  const ids = new Set<string>();
  for (const command of commands) {
    if (ids.has(command.id)) throw new Error(`Command "${command.id}" defined twice.`);
    ids.add(command.id);
  }
  return commands;
}

/**
 * A key press as the bindings see it: `KeyboardEvent`'s fields, plus whether focus is in a text
 * field (found from the DOM in dom.ts). Plain data, so bindings are tested without a browser.
 */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly inTextField: boolean;
}

export function matches(binding: KeyBinding, event: KeyPress, isMac: boolean): boolean {
  if (!binding.keys.includes(event.key) && !binding.keys.includes(event.key.toLowerCase()))
    return false;
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (Boolean(binding.mod) !== mod) return false;
  if (binding.shift !== undefined && binding.shift !== event.shiftKey) return false;
  if (Boolean(binding.alt) !== event.altKey) return false;
  if (!binding.mod && (event.ctrlKey || event.metaKey)) return false;
  return binding.inTextField === true || !event.inTextField;
}

/** The command a key press triggers, if any (first enabled match wins). */
export function commandForKey<Ctx>(
  commands: readonly Command<Ctx>[],
  event: KeyPress,
  ctx: Ctx,
  isMac: boolean,
): Command<Ctx> | undefined {
  return commands.find((c) => c.bindings.some((b) => matches(b, event, isMac)) && c.enabled(ctx));
}

export function shortcutLabel(binding: KeyBinding | undefined, isMac: boolean): string {
  if (!binding) return '';
  const key = binding.keys[0] === ' ' ? 'Space' : (binding.keys[0] ?? '');
  const mod = binding.mod ? (isMac ? '⌘' : 'Ctrl+') : '';
  const alt = binding.alt ? (isMac ? '⌥' : 'Alt+') : '';
  return `${mod}${alt}${binding.shift ? 'Shift+' : ''}${key.length === 1 ? key.toUpperCase() : key}`;
}

export const isMacPlatform = (): boolean =>
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
