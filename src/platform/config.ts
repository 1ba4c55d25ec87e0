import path from 'node:path';

/** Runtime configuration, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded server is started under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  production: boolean;
  /** Demo mode loads demo units, procedures and accounts; never in production. */
  demo: boolean;
  logLevel: string;
  /** Set cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Public base URL used in links and QR codes. */
  publicUrl: string;
  /** Run the background job worker in this process. */
  worker: boolean;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be an integer 0–65535, got "${value}"`);
  return n;
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const demoFlag = env.DEMO;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    production,
    demo: production ? false : demoFlag !== '0' && demoFlag !== 'false',
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    secureCookies: env.SECURE_COOKIES === '1' || (production && env.SECURE_COOKIES !== '0'),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    worker: env.WORKER !== '0',
  };
}
