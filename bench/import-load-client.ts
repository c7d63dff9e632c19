import { request, Agent } from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * The renderer's side of bench/import-stall.ts, in a process of its own so its work never shows
 * in the server's figures: posts one `data.import` of the given file and, until it is answered,
 * calls `review.next` every ~20 ms, timing each (and counting those that fail). Prints `start` when it begins, then one JSON line.
 * Usage: node bench/import-load-client.ts <port> <token> <progress-file>
 */
const [port, token, file] = process.argv.slice(2);
if (!port || !token || !file) throw new Error('usage: import-load-client.ts <port> <token> <file>');
const agent = new Agent({ keepAlive: true });
const intervalMs = 20;

function post(channel: string, body?: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: `/ipc/${channel}`,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Length': body?.length ?? 0,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const body = Buffer.from(JSON.stringify({ content: readFileSync(file, 'utf8') }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
await post('review.next'); // warm: the first call pays for the day's queue
process.stdout.write('start\n');
const started = performance.now();
let answer: { status: number; text: string } | undefined;
const imported = post('data.import', body).then((reply) => {
  answer = reply;
  return performance.now() - started;
});
const latencies: number[] = [];
let failed = 0;
while (!answer) {
  const sent = performance.now();
  // A server that stalls past its own headers timeout drops the calls waiting on it: count them.
  const next = await post('review.next').catch(() => undefined);
  if (!next?.text.startsWith('{"ok":true')) failed += 1;
  latencies.push(performance.now() - sent);
  await sleep(Math.max(0, intervalMs - (performance.now() - sent)));
}
const importMs = await imported;
const ok = answer.status === 200 && answer.text.startsWith('{"ok":true');
if (!ok) throw new Error(`data.import failed: ${answer.text.slice(0, 300)}`);
process.stdout.write(`${JSON.stringify({ importMs, latencies, failed })}\n`);
agent.destroy();
