import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { contentSecurityPolicy, isAllowedExternalUrl } from '../../shared/security/csp.ts';

// Electron cannot start here, so these read the shell's source the way Electronegativity does.
// test/e2e/electron/ checks the same things at runtime wherever an Electron binary exists.

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function findAll<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (n: ts.Node) => {
    if (test(n)) found.push(n);
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

function literalValue(expression: ts.Expression): unknown {
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(expression)) return expression.text;
  return expression.getText();
}

function webPreferencesOf(file: string): Record<string, unknown> {
  const windows = findAll(sourceOf(file), ts.isNewExpression).filter(
    (n) => n.expression.getText() === 'BrowserWindow',
  );
  expect(windows).toHaveLength(1);
  const options = windows[0]?.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options))
    throw new Error('BrowserWindow options must be a literal');
  const prefs = options.properties.find((p) => p.name?.getText() === 'webPreferences');
  if (
    !prefs ||
    !ts.isPropertyAssignment(prefs) ||
    !ts.isObjectLiteralExpression(prefs.initializer)
  ) {
    throw new Error('webPreferences must be an object literal');
  }
  return Object.fromEntries(
    prefs.initializer.properties
      .filter(ts.isPropertyAssignment)
      .map((p) => [p.name.getText(), literalValue(p.initializer)]),
  );
}

describe('Electron window', () => {
  it('writes the secure webPreferences as a literal', () => {
    expect(webPreferencesOf('electron/window.ts')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads the renderer from app://, never file://', () => {
    const sources = ['electron/window.ts', 'electron/protocol.ts', 'electron/main.ts'].map((f) =>
      readFileSync(f, 'utf8'),
    );
    expect(sources.join('\n')).not.toMatch(/file:\/\/|loadFile\(/);
    expect(readFileSync('electron/protocol.ts', 'utf8')).toMatch(/registerSchemesAsPrivileged/);
  });

  it('denies navigation, redirects, webviews, window.open and permissions', () => {
    const security = readFileSync('electron/security.ts', 'utf8');
    expect(security).toMatch(/'will-navigate'[\s\S]*preventDefault/);
    expect(security).toMatch(/'will-redirect'[\s\S]*preventDefault/);
    expect(security).toMatch(/'will-attach-webview'[\s\S]*preventDefault/);
    expect(security).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
    expect(security).toMatch(/setPermissionRequestHandler[\s\S]*callback\(false\)/);
    expect(security).toMatch(/onHeadersReceived[\s\S]*Content-Security-Policy/);
  });

  it('checks the sender of every IPC call and holds a single-instance lock', () => {
    expect(readFileSync('electron/ipc.main.ts', 'utf8')).toMatch(/isTrustedSender\(frame\.url\)/);
    expect(readFileSync('electron/main.ts', 'utf8')).toMatch(/requestSingleInstanceLock\(\)/);
  });

  it('checks the sender and the payload of the window channel (Save as PDF)', () => {
    const pdf = readFileSync('electron/pdf.main.ts', 'utf8');
    expect(pdf).toMatch(/if \(!isTrustedEvent\(event\)\)/);
    expect(pdf).toMatch(/savePdfRequest\.safeParse\(payload\)/);
    // The renderer names a file stem; where it goes is the save dialog's answer.
    expect(pdf).toMatch(/writeFile\(choice\.filePath, pdf\)/);
  });

  it('exposes only the named API through contextBridge', () => {
    const preload = readFileSync('electron/preload.ts', 'utf8');
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('pathwise', api\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('electron-builder fuses', () => {
  it('turns off RunAsNode and NODE_OPTIONS and turns on cookie encryption and asar integrity', () => {
    const config = parseYaml(readFileSync('electron-builder.yml', 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows only the app itself to run script, with no eval or inline script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('opens only known https hosts externally', () => {
    expect(isAllowedExternalUrl('https://doi.org/10.4078/jrd.2017.24.1.14')).toBe(true);
    expect(isAllowedExternalUrl('http://doi.org/x')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user@doi.org/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});
