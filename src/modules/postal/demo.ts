import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/pool.ts';
import { rows } from '../../platform/db/query.ts';
import { findUnitByCode, type UnitRow } from '../units/index.ts';
import { linkPostOffice } from './commands/link-post-office.ts';

/** Demo data: Bưu điện thành phố Cao Lãnh serves the communes and wards of Cao Lãnh (and the city itself). */
export async function loadDemoPostal(tx: Db): Promise<{ postOfficeLinks: number }> {
  const office = await findUnitByCode(tx, 'cao-lanh-buu-dien');
  const city = await findUnitByCode(tx, 'cao-lanh');
  if (!office || !city) return { postOfficeLinks: 0 };
  const served = await rows<UnitRow>(
    tx,
    sql`SELECT * FROM units WHERE (parent_id = ${city.id} AND kind IN ('commune', 'ward')) OR id = ${city.id} ORDER BY id`,
  );
  return { postOfficeLinks: await linkPostOffice(tx, systemActor('demo'), office, served) };
}
