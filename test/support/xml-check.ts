import { XMLValidator } from 'fast-xml-parser';

/**
 * Whether a document is well-formed XML, by fast-xml-parser's validator (independent of the code
 * that writes it): true, or the validator's error as text, so a failing test shows the place.
 * The validator is deprecated upstream in favour of a separate package we have not installed;
 * it still ships and works in the installed 5.x.
 */
export function wellFormed(xml: string): true | string {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  const result = XMLValidator.validate(xml);
  return result === true ? true : JSON.stringify(result.err);
}
