/**
 * `npm run cli -- <command> [options]`: administration from the shell, against the same
 * database as `npm start` (DATABASE_URL, or the embedded server under DATA_DIR, whether or
 * not the app is running).
 */
import { parseArgs } from 'node:util';
import { loadDemoData } from './demo.ts';
import {
  apiScopes,
  createApiKey,
  createUser,
  findApiKeyByIdOrPrefix,
  findUserByUsername,
  type Role,
  revokeApiKey,
  roles,
  updateUser,
} from './modules/staff/index.ts';
import { findUnitByCode } from './modules/units/index.ts';
import { systemActor } from './platform/audit/index.ts';
import { loadConfig } from './platform/config.ts';
import { openEmbeddedDatabase } from './platform/db/embedded.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/pool.ts';
import { inTransaction } from './platform/db/query.ts';

const usage = `Gần Dân CLI
  migrate                                   apply pending migrations
  demo:load                                 load the demo data (once per database)
  user:create --username U --name "Họ tên" --role ROLE --unit UNIT [--subtree] [--title T] [--email E]
  user:password --username U                set a new password (ends the user's sessions)
                                            the password is read from standard input (one line),
                                            or from --password P (visible to other users in ps)
  api-key:create --scope SCOPE [--scope …] [--unit UNIT] [--name NAME]
                                            prints the new key as the last line
  api-key:revoke --prefix gd_XXXXXXX        revokes a key at once
roles:  ${roles.join(', ')}
scopes: ${apiScopes.join(', ')}`;

class UsageError extends Error {}

/** The password from --password, or else the first line of standard input. */
async function readPassword(values: Record<string, unknown>): Promise<string> {
  if (typeof values.password === 'string' && values.password !== '') return values.password;
  if (process.stdin.isTTY) throw new UsageError('give the password on standard input, e.g. `read -rs P; printf "%s\\n" "$P" | npm run cli -- …`');
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  const line = data.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError('no password on standard input');
  return line;
}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`missing --${name}`);
  return v.trim();
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      subtree: { type: 'boolean', default: false },
      title: { type: 'string' },
      email: { type: 'string' },
      scope: { type: 'string', multiple: true },
      prefix: { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await openEmbeddedDatabase(config.dataDir, 'client');
  const database = openDatabase(config.databaseUrl ?? embedded!.url, 2);
  const actor = systemActor('cli');
  try {
    await migrate(database.pool);
    const p = { config, db: database.db, readDb: database.db, pool: database.pool, jobs: null };
    switch (command) {
      case 'migrate':
        process.stdout.write('migrations are current\n');
        break;
      case 'demo:load': {
        const s = await loadDemoData(p);
        process.stdout.write(s.loaded ? `demo data loaded: ${JSON.stringify(s)}\n` : 'demo data was already loaded\n');
        break;
      }
      case 'user:create': {
        const role = need(values, 'role');
        if (!roles.includes(role as Role)) throw new UsageError(`unknown role "${role}"`);
        const unitCode = need(values, 'unit');
        const password = await readPassword(values);
        if (password.length < 10) throw new UsageError('password must have at least 10 characters');
        const user = await inTransaction(database.db, async (tx) => {
          const unit = await findUnitByCode(tx, unitCode);
          if (!unit) throw new UsageError(`unknown unit "${unitCode}"`);
          return createUser(
            tx,
            actor,
            {
              username: need(values, 'username'),
              password,
              fullName: need(values, 'name'),
              title: values.title ?? null,
              email: values.email ?? null,
              grants: [{ role: role as Role, unit: unit.code, subtree: values.subtree ?? false }],
            },
            [unit],
          );
        });
        process.stdout.write(`user created: ${user.username}\n`);
        break;
      }
      case 'user:password': {
        const password = await readPassword(values);
        if (password.length < 10) throw new UsageError('password must have at least 10 characters');
        await inTransaction(database.db, async (tx) => {
          const user = await findUserByUsername(tx, need(values, 'username'));
          if (!user) throw new UsageError('unknown user');
          await updateUser(tx, actor, user, { fullName: user.full_name, title: user.title, email: user.email, phone: user.phone, password });
        });
        process.stdout.write('password changed\n');
        break;
      }
      case 'api-key:create': {
        const scopes = values.scope ?? [];
        if (scopes.length === 0) throw new UsageError('give at least one --scope');
        for (const s of scopes) if (!apiScopes.includes(s as never)) throw new UsageError(`unknown scope "${s}"`);
        const key = await inTransaction(database.db, async (tx) => {
          const unit = values.unit ? await findUnitByCode(tx, values.unit) : null;
          if (values.unit && !unit) throw new UsageError(`unknown unit "${values.unit}"`);
          return createApiKey(tx, actor, values.name ?? `cli ${scopes.join('+')}`, scopes, unit);
        });
        process.stdout.write(`API key ${key.prefix}… created with scopes ${scopes.join(', ')}; store it now, it is not shown again:\n${key.key}\n`);
        break;
      }
      case 'api-key:revoke': {
        const prefix = need(values, 'prefix');
        await inTransaction(database.db, async (tx) => {
          const key = await findApiKeyByIdOrPrefix(tx, { prefix });
          if (!key) throw new UsageError(`no API key with prefix "${prefix}"`);
          await revokeApiKey(tx, actor, key);
        });
        process.stdout.write(`API key ${prefix}… revoked\n`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
