/** What the bench scripts share: a free port, waiting for an app to be ready, percentiles. */
import net from 'node:net';

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until the app on `port` answers /readyz (at most two minutes). */
export async function waitReady(port: number): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      // not yet
    }
    if (performance.now() - t0 > 120_000) throw new Error('not ready in 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The p-th percentile of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
