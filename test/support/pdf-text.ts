import { inflateSync } from 'node:zlib';

/**
 * A small reader of the PDFs Chromium writes (Skia's PDF backend): the pages in order, each
 * page's size and the text drawn on it. It reads what was written, independently of the page
 * that printed it: object by object, the page tree from the catalog, each page's content
 * streams (inflated), and its fonts' ToUnicode maps. It knows only what Chromium's PDFs use —
 * plain (not compressed) objects, FlateDecode streams with a direct length, Identity-H fonts
 * drawn with hex strings — and throws on anything else rather than guess.
 */

export interface PdfPage {
  /** Width and height in points (1/72 inch). */
  readonly width: number;
  readonly height: number;
  /** Every glyph drawn on the page, in drawing order; a space between text objects. */
  readonly text: string;
}

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | undefined;
}

export function readPdf(bytes: Uint8Array): PdfPage[] {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('Not a PDF.');
  const objects = parseObjects(buffer);
  const get = (id: number): PdfObject => {
    const found = objects.get(id);
    if (!found) throw new Error(`PDF object ${id} is missing.`);
    return found;
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  if (!catalog) throw new Error('The PDF has no catalog.');
  const pages = pageIds(get, ref(catalog.dict, 'Pages'));
  const fonts = new Map<number, Map<number, string>>();
  const unicodeOf = (fontId: number): Map<number, string> => {
    let map = fonts.get(fontId);
    if (!map) {
      map = parseToUnicode(streamOf(get(ref(get(fontId).dict, 'ToUnicode'))));
      fonts.set(fontId, map);
    }
    return map;
  };
  return pages.map((id) => {
    const page = get(id);
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(
      page.dict,
    );
    if (!box) throw new Error(`Page ${id} has no MediaBox.`);
    const fontRefs = fontResources(page.dict, get);
    const contents = refs(page.dict, 'Contents').map((c) => streamOf(get(c)).toString('latin1'));
    return {
      width: Number(box[3]) - Number(box[1]),
      height: Number(box[4]) - Number(box[2]),
      text: contents.map((c) => drawnText(c, fontRefs, unicodeOf)).join(' '),
    };
  });
}

function parseObjects(buffer: Buffer): Map<number, PdfObject> {
  const text = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) throw new Error(`PDF object ${match[1]} does not end.`);
    const body = text.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    let stream: Buffer | undefined;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
      if (!length) throw new Error(`PDF object ${match[1]}: a stream without a direct length.`);
      const dataStart = start + streamAt + (/stream\r\n/.test(body) ? 8 : 7);
      const raw = buffer.subarray(dataStart, dataStart + Number(length[1]));
      if (/\/Filter\s*\/FlateDecode/.test(dict)) stream = inflateSync(raw);
      else if (/\/Filter/.test(dict)) throw new Error(`PDF object ${match[1]}: unknown filter.`);
      else stream = raw;
    }
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

function ref(dict: string, key: string): number {
  const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  if (!found) throw new Error(`No /${key} reference in ${dict.slice(0, 80)}`);
  return Number(found[1]);
}

/** `/Key 5 0 R` or `/Key [5 0 R 7 0 R]`. */
function refs(dict: string, key: string): number[] {
  const list = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict);
  if (list) return [...(list[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return [ref(dict, key)];
}

function pageIds(get: (id: number) => PdfObject, id: number): number[] {
  const node = get(id);
  if (/\/Type\s*\/Pages\b/.test(node.dict))
    return refs(node.dict, 'Kids').flatMap((kid) => pageIds(get, kid));
  if (/\/Type\s*\/Page\b/.test(node.dict)) return [id];
  throw new Error(`PDF object ${id} is in the page tree but is no page.`);
}

function streamOf(object: PdfObject): Buffer {
  if (!object.stream) throw new Error('A stream was expected.');
  return object.stream;
}

/** The page's font names (`F5`) and their objects. */
function fontResources(dict: string, get: (id: number) => PdfObject): Map<string, number> {
  let fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1];
  if (fontDict === undefined) {
    const resources = /\/Resources\s+(\d+) 0 R/.exec(dict);
    fontDict = resources ? /\/Font\s*<<([^>]*)>>/.exec(get(Number(resources[1])).dict)?.[1] : '';
  }
  return new Map(
    [...(fontDict ?? '').matchAll(/\/([A-Za-z0-9_]+)\s+(\d+) 0 R/g)].map((m) => [
      m[1] ?? '',
      Number(m[2]),
    ]),
  );
}

const utf16 = (hex: string): string => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

/** A ToUnicode CMap's bfchar and bfrange entries: glyph code → text. */
function parseToUnicode(cmap: Buffer): Map<number, string> {
  const text = cmap.toString('latin1');
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(m[1] ?? '', 16), utf16(m[2] ?? ''));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entries = (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    );
    for (const m of entries) {
      const from = parseInt(m[1] ?? '', 16);
      const to = parseInt(m[2] ?? '', 16);
      if (m[3] !== undefined) {
        const base = utf16(m[3]);
        const last = base.charCodeAt(base.length - 1);
        for (let code = from; code <= to; code++)
          map.set(code, base.slice(0, -1) + String.fromCharCode(last + code - from));
      } else {
        const targets = [...(m[4] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((t) =>
          utf16(t[1] ?? ''),
        );
        targets.forEach((target, i) => map.set(from + i, target));
      }
    }
  }
  return map;
}

/** The text of a content stream: each hex string shown with Tj or TJ, read with its font. */
function drawnText(
  content: string,
  fonts: ReadonlyMap<string, number>,
  unicodeOf: (fontId: number) => Map<number, string>,
): string {
  let font: Map<number, string> | undefined;
  let out = '';
  const show = (hex: string) => {
    if (!font) throw new Error('Text shown before a font was set.');
    for (let i = 0; i + 4 <= hex.length; i += 4)
      out += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  };
  const ops =
    /\/([A-Za-z0-9_]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\bBT\b|\(((?:[^()\\]|\\.)*)\)\s*Tj/g;
  for (const m of content.matchAll(ops)) {
    if (m[1] !== undefined) {
      const id = fonts.get(m[1]);
      if (id === undefined) throw new Error(`Font /${m[1]} is not in the page's resources.`);
      font = unicodeOf(id);
    } else if (m[2] !== undefined) show(m[2]);
    else if (m[3] !== undefined)
      for (const h of m[3].matchAll(/<([0-9A-Fa-f]*)>/g)) show(h[1] ?? '');
    else if (m[4] !== undefined)
      throw new Error('A literal text string: not what Chromium writes.');
    else out += ' ';
  }
  return out;
}
