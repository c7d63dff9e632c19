import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** Shown as a keyboard hint; screen readers get it through aria-keyshortcuts. */
  readonly shortcut?: string;
  readonly children: ReactNode;
  readonly ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  shortcut,
  children,
  className,
  type = 'button',
  ...rest
}: Props) {
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      {...rest}
    >
      {children}
      {shortcut && (
        <kbd className="btn-kbd" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
    </button>
  );
}

function ariaShortcut(label: string): string {
  return label.replace('⌘', 'Meta+').replace('⌥', 'Alt+').replace('Ctrl+', 'Control+');
}
