/** Shared set-up for the procedure integration tests: demo data, catalogue managers, uploads. */
import { randomBytes } from 'node:crypto';
import type { System } from '../../src/compose.ts';
import { loadDemoProcedures } from '../../src/modules/procedures/index.ts';
import { loadDemoUnits } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { makeUnit, makeUser, signIn } from '../helpers.ts';

/** Loads the demo units and the 54 demo procedures (published from 2025-07-01). */
export async function loadDemo(sys: System) {
  return inTransaction(sys.platform.db, async (tx) => {
    await loadDemoUnits(tx, systemActor('test'));
    return loadDemoProcedures(tx, systemActor('test'));
  });
}

/** A province-wide catalogue manager (Home Affairs officer over the province subtree), a commune clerk and a commune officer. */
export async function makeStaff(sys: System) {
  const province = await makeUnit(sys, { kind: 'province', name: 'Tỉnh Thử' });
  const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Thử' });
  const manager = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', province, { subtree: true })).username);
  const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', commune)).username);
  const communeOfficer = await signIn(sys, (await makeUser(sys, 'home_affairs_officer', commune)).username);
  return { province, commune, manager, clerk, communeOfficer };
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----gandan${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  chunks.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
