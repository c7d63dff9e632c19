import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import type { PackProblem } from './problems.ts';

/**
 * One pack file parsed as strict JSON, keeping the syntax tree so any value can be traced back to
 * its line and column. jsonc-parser does the scanning and tree building; it is run with comments
 * and trailing commas disallowed, so what it accepts is plain JSON.
 */

export type JsonPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface JsonSource {
  readonly file: string;
  readonly value: unknown;
  /**
   * Where the value at `path` starts, or (when the path does not exist, e.g. a missing field)
   * where its nearest existing ancestor starts. `key` points at the property name instead of its
   * value, for problems about the key itself (an unknown or duplicate key).
   */
  locate(path: JsonPath, target?: 'value' | 'key'): Position;
  /** Whether a node exists at `path` (distinguishes a missing field from a wrong one). */
  has(path: JsonPath): boolean;
}

export type ParsedSource =
  | { readonly ok: true; readonly source: JsonSource; readonly problems: PackProblem[] }
  | { readonly ok: false; readonly problems: PackProblem[] };

const strictJson = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/**
 * Parses `text` as strict JSON. Syntax errors come back as located problems; a file that parses
 * may still carry problems that do not stop it being read (duplicate keys, a byte-order mark).
 */
export function parseJsonSource(file: string, rawText: string): ParsedSource {
  const lines = lineStarts(rawText);
  const at = (offset: number) => positionAt(lines, offset);
  const problems: PackProblem[] = [];

  // A BOM is not JSON; report it but keep reading, so the other problems still surface.
  let text = rawText;
  if (text.startsWith('\uFEFF')) {
    problems.push({
      file,
      ...at(0),
      rule: 'json-syntax',
      message: 'the file starts with a byte-order mark; save it as UTF-8 without BOM',
    });
    text = ` ${text.slice(1)}`;
  }

  const excess = firstExcess(text);
  if (excess !== undefined) {
    problems.push({ file, ...at(excess.offset), rule: 'json-syntax', message: excess.message });
    return { ok: false, problems };
  }

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, strictJson);
  const syntax = describeSyntaxErrors(text, errors);
  if (syntax.length > 0 || !tree) {
    for (const error of syntax) {
      problems.push({ file, ...at(error.offset), rule: 'json-syntax', message: error.message });
    }
    if (problems.length === 0) {
      problems.push({ file, line: 1, column: 1, rule: 'json-syntax', message: 'no JSON value' });
    }
    return { ok: false, problems };
  }

  // The tree is only used for positions; values come from JSON.parse, the reference reader.
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    problems.push({
      file,
      ...at(offset === undefined ? 0 : Number(offset)),
      rule: 'json-syntax',
      message: `not valid JSON: ${message}`,
    });
    return { ok: false, problems };
  }

  for (const duplicate of duplicateKeys(tree)) {
    problems.push({
      file,
      ...at(duplicate.node.offset),
      path: formatJsonPath(duplicate.path),
      rule: 'duplicate-key',
      message: `key "${duplicate.key}" appears more than once in this object; only the last one would count`,
    });
  }

  const nodeAt = (path: JsonPath): Node | undefined =>
    path.length === 0 ? tree : findNodeAtLocation(tree, [...path]);

  return {
    ok: true,
    problems,
    source: {
      file,
      value,
      has: (path) => nodeAt(path) !== undefined,
      locate(path, target = 'value') {
        for (let length = path.length; length >= 0; length--) {
          const node = nodeAt(path.slice(0, length));
          if (!node) continue;
          const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
          const exact = length === path.length;
          return at((exact && target === 'key' && keyNode ? keyNode : node).offset);
        }
        return at(0);
      },
    },
  };
}

/** Pack files nest about six levels; the bound keeps hostile input from exhausting the stack. */
const maxDepth = 64;

/**
 * The bundled pack's largest file holds about 3,000 values (objects, arrays, strings, numbers);
 * this allows packs eighty times larger, and refuses a file of a million tiny objects in one quick
 * scan instead of building a tree of it (gigabytes, minutes).
 */
export const maxJsonValues = 250_000;

/**
 * Where `text` first nests deeper than `maxDepth` or holds more than `maxJsonValues` values. Every
 * value but the root either follows a comma or opens a non-empty array or object, so counting
 * those outside strings counts the values without parsing them.
 */
function firstExcess(text: string): { offset: number; message: string } | undefined {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92 /* \ */) i++;
      else if (char === 34 /* " */) inString = false;
      continue;
    }
    if (char === 34) inString = true;
    else if (char === 91 /* [ */ || char === 123 /* { */) {
      if (++depth > maxDepth) {
        return {
          offset: i,
          message: `nested more than ${maxDepth} levels deep; a pack file never needs that`,
        };
      }
      if (!closesAt(text, i + 1)) values++;
    } else if (char === 93 /* ] */ || char === 125 /* } */) depth--;
    else if (char === 44 /* , */) values++;
    if (values > maxJsonValues) {
      return {
        offset: i,
        message: `more than ${maxJsonValues} values (objects, arrays, strings, numbers); a pack file never needs that many`,
      };
    }
  }
  return undefined;
}

/** Whether only whitespace stands between `from` and a closing bracket (an empty array or object). */
function closesAt(text: string, from: number): boolean {
  let i = from;
  while (/\s/.test(text.charAt(i))) i++;
  const char = text.charAt(i);
  return char === ']' || char === '}';
}

/** `$[12].subject`, `$.topics[0].id`, `$.pathways.D1.all.nodes["il-32-gamma"]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'symbol') out += `[${String(segment)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

interface SyntaxError {
  readonly offset: number;
  readonly message: string;
}

function describeSyntaxErrors(text: string, errors: readonly ParseError[]): SyntaxError[] {
  const described: SyntaxError[] = [];
  let lastLineStart: number | undefined;
  for (const error of errors) {
    const lineStart = error.offset === 0 ? -1 : text.lastIndexOf('\n', error.offset - 1);
    // After an error the parser resynchronises and often trips again on the same line: one line,
    // one problem, or a single typo would be reported three times.
    if (lineStart === lastLineStart) continue;
    lastLineStart = lineStart;
    described.push(describeSyntaxError(text, error));
  }
  return described;
}

function describeSyntaxError(text: string, error: ParseError): SyntaxError {
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 24)));
  const shown = found.length === 0 ? 'the end of the file' : `\`${found.replace(/\s+/g, ' ')}\``;
  const trailingComma = precedingComma(text, error.offset);
  if (trailingComma !== undefined && (found.startsWith(']') || found.startsWith('}'))) {
    return { offset: trailingComma, message: 'trailing comma is not allowed in JSON' };
  }
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      return {
        offset: error.offset,
        message: found.startsWith("'")
          ? `unexpected ${shown}: JSON strings and keys need double quotes`
          : `unexpected ${shown}`,
      };
    case 'InvalidNumberFormat':
      return { offset: error.offset, message: `invalid number ${shown}` };
    case 'PropertyNameExpected':
      return {
        offset: error.offset,
        message: `expected a property name in double quotes, found ${shown}`,
      };
    case 'ValueExpected':
      return { offset: error.offset, message: `expected a value, found ${shown}` };
    case 'ColonExpected':
      return {
        offset: error.offset,
        message: `expected ":" after the property name, found ${shown}`,
      };
    case 'CommaExpected':
      return { offset: error.offset, message: `expected "," before ${shown}` };
    case 'CloseBraceExpected':
      return { offset: error.offset, message: `expected "}" to close the object, found ${shown}` };
    case 'CloseBracketExpected':
      return { offset: error.offset, message: `expected "]" to close the array, found ${shown}` };
    case 'EndOfFileExpected':
      return { offset: error.offset, message: `unexpected ${shown} after the JSON value` };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset: error.offset, message: 'comments are not allowed in JSON' };
    case 'UnexpectedEndOfString':
      return { offset: error.offset, message: 'unterminated string' };
    case 'UnexpectedEndOfNumber':
      return { offset: error.offset, message: `incomplete number ${shown}` };
    case 'InvalidUnicode':
      return { offset: error.offset, message: 'invalid \\u escape in a string' };
    case 'InvalidEscapeCharacter':
      return { offset: error.offset, message: 'invalid escape sequence in a string' };
    case 'InvalidCharacter':
      return {
        offset: error.offset,
        message: 'invalid character in a string (tabs and line breaks must be escaped)',
      };
    default:
      return { offset: error.offset, message: `syntax error at ${shown}` };
  }
}

/** The offset of a comma directly before `offset` (ignoring whitespace), if there is one. */
function precedingComma(text: string, offset: number): number | undefined {
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text.charAt(index))) index--;
  return text.charAt(index) === ',' ? index : undefined;
}

function duplicateKeys(root: Node): { node: Node; key: string; path: (string | number)[] }[] {
  const found: { node: Node; key: string; path: (string | number)[] }[] = [];
  const visit = (node: Node, path: (string | number)[]): void => {
    const children = node.children ?? [];
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of children) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (seen.has(key)) found.push({ node: keyNode, key, path: [...path, key] });
        seen.add(key);
        if (valueNode) visit(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      children.forEach((child, index) => {
        visit(child, [...path, index]);
      });
    }
  };
  visit(root, []);
  return found;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (char === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
