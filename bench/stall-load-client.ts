import { request, Agent } from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * The renderer's side of bench/stall.ts, in a process of its own so its work never shows in the
 * server's figures: posts one call on `channel` with the bytes of `body-file` (or none) and,
 * until it is answered, calls `review.next` every ~20 ms, timing each (and counting those that
 * fail); times 25 such calls before it too. Prints `start` when it begins, then one JSON line.
 * Usage: node bench/stall-load-client.ts <port> <token> <channel> [body-file]
 */
const [port, token, channel, file] = process.argv.slice(2);
if (!port || !token || !channel) {
  throw new Error('usage: stall-load-client.ts <port> <token> <channel> [body-file]');
}
const agent = new Agent({ keepAlive: true });
const intervalMs = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts one call; keeps the answer's first `keep` bytes only, so a 50 MB export's answer is not
 * decoded here, where it would hold up the timing of the review.next calls beside it.
 */
function post(
  name: string,
  body?: Buffer,
  keep = Number.POSITIVE_INFINITY,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: `/ipc/${name}`,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Length': body?.length ?? 0,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept >= keep) return;
          chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const body = file === undefined ? undefined : readFileSync(file);
await post('review.next'); // warm: the first call pays for the day's queue
// The same calls with nothing else running, for comparison: on a loaded machine they are not free.
const idle: number[] = [];
for (let i = 0; i < 25; i++) {
  const sent = performance.now();
  await post('review.next');
  idle.push(performance.now() - sent);
  await sleep(Math.max(0, intervalMs - (performance.now() - sent)));
}
process.stdout.write('start\n');
const started = performance.now();
let answer: { status: number; text: string } | undefined;
const called = post(channel, body, 300).then((reply) => {
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
const callMs = await called;
const ok = answer.status === 200 && answer.text.startsWith('{"ok":true');
if (!ok) throw new Error(`${channel} failed: ${answer.text.slice(0, 300)}`);
process.stdout.write(`${JSON.stringify({ callMs, latencies, idle, failed })}\n`);
agent.destroy();
