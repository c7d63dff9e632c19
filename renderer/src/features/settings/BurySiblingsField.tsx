import { useId, useState } from 'react';
import type { SettingsUpdate } from '../../../../shared/contract/settings.ts';

type Save = (update: SettingsUpdate, what: string) => Promise<string | undefined>;

/** Sibling burying: once a card is answered, the other cards from its fact wait a day. */
export function BurySiblingsField({
  value,
  save,
}: {
  readonly value: boolean;
  readonly save: Save;
}) {
  const id = useId();
  const [error, setError] = useState<string>();
  return (
    <div className="field">
      <label className="field-inline">
        <input
          type="checkbox"
          checked={value}
          aria-describedby={`${id}-help`}
          onChange={(e) =>
            void save(
              { burySiblings: e.target.checked },
              e.target.checked ? 'Sibling burying on' : 'Sibling burying off',
            ).then(setError)
          }
        />
        Bury siblings until the next day
      </label>
      <p id={`${id}-help`} className="field-help">
        Once you answer a card, other cards made from the same fact wait until the next study day,
        so one does not give the other away.
      </p>
      {error && (
        <p className="message-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
