import { Fragment } from 'react';

const blank = /_{3,}/;

/** The question's text; a cloze blank is drawn as a gap and read as "blank". */
export function Prompt({ id, text }: { readonly id: string; readonly text: string }) {
  const parts = text.split(blank);
  return (
    <p id={id} className="qz-prompt">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <span className="qz-blank">
              <span className="visually-hidden">blank</span>
            </span>
          )}
          {part}
        </Fragment>
      ))}
    </p>
  );
}
