import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { maxImportBytes } from '../shared/contract/data.ts';
import type { Envelope } from '../shared/contract/index.ts';
import { contentSecurityPolicy } from '../shared/security/csp.ts';
import type { ContractDispatcher } from '../services/registry.ts';

export interface PreviewServerOptions {
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** The services: the service host's client (the preview), or a registry in this thread (tests). */
  readonly dispatcher: ContractDispatcher;
  /** Random per run; every contract call must carry it as a bearer token. */
  readonly token: string;
  /** Largest accepted request body; bigger calls get 413 before they are read. */
  readonly maxBodyBytes?: number;
}

/** How long a client may take and how many may connect; see `defaultConnectionLimits`. */
export interface ConnectionLimits {
  /** To send a request's headers (which carry the token). */
  readonly headersTimeoutMs: number;
  /** To send a whole request, body included. */
  readonly requestTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  readonly maxConnections: number;
}

/**
 * Node's defaults (60 s for headers, 300 s per request, checked every 30 s, no cap) let a client
 * without the token hold a connection for minutes. The renderer sends its largest request, a
 * progress file, over loopback in well under a second, and a browser opens six connections per
 * host; these leave it room on a loaded machine and nobody else much.
 */
export const defaultConnectionLimits: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  maxConnections: 32,
};

/**
 * The renderer sends a progress file as a JSON string inside the request envelope. Escaping at
 * most doubles a valid JSON file (`"`, `\` and the whitespace control characters take two bytes;
 * everything else, multi-byte text included, stays as it is), so this admits every file
 * `data.import` admits, with room for the envelope. It also covers `pack.import` (eight files of up to
 * 4 M characters).
 */
export const defaultMaxBodyBytes = 2 * maxImportBytes + 64 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
} as const;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * The request handler, separate from the listener so a test can serve it on a non-loopback
 * interface and watch it refuse.
 */
export function createPreviewHandler(options: PreviewServerOptions) {
  const expectedToken = Buffer.from(options.token, 'utf8');
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const rendererRoot = path.resolve(options.rendererDir);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      sendJson(res, 403, refusal('forbidden', 'The preview answers loopback clients only.'));
      return;
    }
    const port = req.socket.localPort;
    if (!isAllowedHost(req.headers.host, port)) {
      sendJson(res, 403, refusal('forbidden', 'Unexpected Host header.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port ?? 0}`);
    const pathname = decodePath(url.pathname);
    if (pathname === undefined) {
      sendJson(res, 400, refusal('invalid-request', 'The address has malformed %-encoding.'));
      return;
    }
    if (pathname.startsWith('/ipc/')) {
      return handleContractCall(req, res, pathname.slice('/ipc/'.length), port);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, refusal('forbidden', 'Method not allowed.'));
      return;
    }
    return serveStatic(res, pathname, req.method === 'HEAD');
  };

  async function handleContractCall(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
    port: number | undefined,
  ): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, refusal('forbidden', 'Contract calls are POST.'));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, port)) {
      sendJson(res, 403, refusal('forbidden', 'Cross-origin contract calls are refused.'));
      return;
    }
    if (!hasToken(req.headers.authorization)) {
      sendJson(res, 401, refusal('forbidden', 'Missing or wrong preview token.'));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) {
      req.resume();
      sendJson(res, 413, refusal('payload-too-large', tooLarge(maxBodyBytes)));
      return;
    }
    const body = await readBody(req, maxBodyBytes, declared);
    if (body === 'too-large') {
      sendJson(res, 413, refusal('payload-too-large', tooLarge(maxBodyBytes)));
      return;
    }
    // Parsed where the services run, never here: a 64 MB file would stall every other call.
    const answer = await options.dispatcher.dispatchBody(channel, body);
    res.writeHead(answer.malformed ? 400 : 200, jsonHeaders(answer.malformed));
    res.end(answer.json);
  }

  function hasToken(header: string | undefined): boolean {
    if (!header?.startsWith('Bearer ')) return false;
    const given = Buffer.from(header.slice('Bearer '.length), 'utf8');
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  }

  async function serveStatic(
    res: ServerResponse,
    pathname: string,
    headOnly: boolean,
  ): Promise<void> {
    const relative = staticAliases[pathname] ?? pathname;
    const filePath = path.resolve(rendererRoot, `.${relative}`);
    const inside = filePath.startsWith(rendererRoot + path.sep);
    const file = inside ? await stat(filePath).catch(() => undefined) : undefined;
    if (!file?.isFile()) {
      res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const type = contentTypes[path.extname(filePath)] ?? 'application/octet-stream';
    res.writeHead(200, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-cache' });
    res.end(headOnly ? undefined : await readFile(filePath));
  }
}

/** Paths the browser asks for by convention, served from the files that hold them. */
const staticAliases: Readonly<Record<string, string>> = {
  '/': '/index.html',
  // Browsers ask for it on their own; an SVG favicon (linked from index.html) answers it too.
  '/favicon.ico': '/favicon.svg',
};

function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

export function startPreviewServer(
  options: PreviewServerOptions & { port?: number; limits?: ConnectionLimits },
): Promise<Server> {
  const handle = createPreviewHandler(options);
  const limits = options.limits ?? defaultConnectionLimits;
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks both timeouts this often (30 s by default, which would stretch them).
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  });
  server.maxConnections = limits.maxConnections;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      sendJson(
        res,
        500,
        refusal('internal', error instanceof Error ? error.message : 'Internal error'),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function isAllowedHost(host: string | undefined, port: number | undefined): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isAllowedOrigin(origin: string, port: number | undefined): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function tooLarge(max: number): string {
  return `The request is larger than the ${Math.round(max / (1024 * 1024))} MB limit.`;
}

function refusal(
  code: 'forbidden' | 'payload-too-large' | 'invalid-request' | 'internal',
  message: string,
): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, jsonHeaders(status >= 400));
  res.end(JSON.stringify(body));
}

function jsonHeaders(refused: boolean) {
  return {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    // A refused request's body may not have been read: close rather than wait for the rest of it.
    ...(refused ? { Connection: 'close' } : {}),
  };
}

/**
 * The body, in a buffer of its own when its length was declared (filled as it arrives, so there
 * is no copy of the whole at the end, and it can be handed to another thread without one).
 */
function readBody(
  req: IncomingMessage,
  max: number,
  declared: number,
): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const whole =
      Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafeSlow(declared) : undefined;
    let filled = 0;
    const rest: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        rest.length = 0;
      } else if (whole && rest.length === 0 && filled + chunk.length <= whole.length) {
        chunk.copy(whole, filled);
        filled += chunk.length;
      } else {
        rest.push(chunk);
      }
    });
    req.on('end', () => {
      if (size > max) resolve('too-large');
      else if (!whole) resolve(Buffer.concat(rest));
      else if (rest.length === 0)
        resolve(filled === whole.length ? whole : whole.subarray(0, filled));
      else resolve(Buffer.concat([whole.subarray(0, filled), ...rest]));
    });
    req.on('error', reject);
  });
}
