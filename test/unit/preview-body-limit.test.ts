import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { maxImportBytes } from '../../shared/contract/data.ts';
import { startPreviewServer } from '../../preview/server.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { onCleanup, tempDir } from '../support/test-scope.ts';
import { openTestServices } from '../support/test-services.ts';

// A faults test: it sends 128 MB through the real preview server and real services.

const token = 'test-token-0123456789';

describe('preview server: the body limit', () => {
  it('admits a progress file at the import limit however much its text grows when escaped', async () => {
    // A file of quotes: each takes two bytes once the renderer puts the file in a JSON string,
    // the most any valid JSON file can grow. The service, not the server, then answers for it.
    const services = openTestServices();
    const rendererDir = tempDir('renderer');
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const server = await startPreviewServer({
      rendererDir,
      dispatcher: createHandlerRegistry(services),
      token,
    });
    onCleanup(() => void server.close());
    const { port } = server.address() as { port: number };
    const chunk = '\\"'.repeat(1024 * 1024);
    const chunks = maxImportBytes / (1024 * 1024);
    const length = '{"content":"'.length + chunk.length * chunks + '"}'.length;
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/ipc/data.import',
          headers: { Authorization: `Bearer ${token}`, 'Content-Length': length },
        },
        (res) => {
          let body = '';
          res.on('data', (part: Buffer) => (body += part.toString()));
          res.on('end', () => resolve(`${res.statusCode} ${body}`));
        },
      );
      req.on('error', reject);
      req.write('{"content":"');
      for (let i = 0; i < chunks; i++) req.write(chunk);
      req.end('"}');
    });
    expect(length).toBeGreaterThan(2 * maxImportBytes);
    expect(answer).toMatch(/^200 .*"code":"import-rejected".*not valid JSON/);
  });
});
