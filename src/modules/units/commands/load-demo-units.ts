import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findUnitByCode, type UnitRow } from '../queries.ts';
import type { CreateUnitInput } from '../schema.ts';
import { createUnit } from './create-unit.ts';

interface DemoUnit {
  code: string;
  adminCode: string | null;
  name: string;
  kind: CreateUnitInput['kind'];
  parent: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  saturdayMorning?: boolean;
}

export const demoUnitsFile = path.resolve(import.meta.dirname, '../demo/units.json');

/** Loads the demo unit tree (Đồng Tháp and Bình Phước, from the seed plans); existing codes are skipped. */
export async function loadDemoUnits(tx: Db, actor: Actor): Promise<number> {
  const list = JSON.parse(fs.readFileSync(demoUnitsFile, 'utf8')) as DemoUnit[];
  const made = new Map<string, UnitRow>();
  let count = 0;
  for (const u of list) {
    if (await findUnitByCode(tx, u.code)) continue;
    const parent = u.parent ? (made.get(u.parent) ?? (await findUnitByCode(tx, u.parent))) : null;
    const hours = [
      { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
      { days: [1, 2, 3, 4, 5], open: '13:30', close: '17:00' },
      ...(u.saturdayMorning ? [{ days: [6], open: '07:00', close: '11:30' }] : []),
    ];
    const unit = await createUnit(
      tx,
      actor,
      {
        code: u.code,
        adminCode: u.adminCode,
        name: u.name,
        kind: u.kind,
        parent: u.parent,
        officeHours: hours,
        address: u.address ?? null,
        phone: u.phone ?? null,
        email: u.email ?? null,
      },
      parent,
    );
    made.set(u.code, unit);
    count++;
  }
  return count;
}
