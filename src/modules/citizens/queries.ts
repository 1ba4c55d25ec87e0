import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one } from '../../platform/db/query.ts';
import type { CitizenClaims } from './rules/claims.ts';

/** A citizen's row. PERSONAL DATA: every field but id, issuer, subject, last_acr and the timestamps. */
export interface CitizenRow {
  id: number;
  issuer: string;
  subject: string;
  full_name: string;
  id_number: string;
  date_of_birth: string | null;
  sex: 'Nam' | 'Nữ' | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  last_acr: string | null;
  created_at: Date | string;
  last_sign_in_at: Date | string;
}

const columns = sql`id, issuer, subject, full_name, id_number, date_of_birth::text AS date_of_birth, sex, address, phone, email, last_acr,
  created_at, last_sign_in_at`;

/** Inserts or refreshes the citizen known at `issuer` as `subject` with the claims of this sign-in; `created` tells which. */
export async function upsertCitizen(db: Db, issuer: string, subject: string, c: CitizenClaims, acr: string | null): Promise<CitizenRow & { created: boolean }> {
  const row = await one<CitizenRow & { created: boolean }>(
    db,
    sql`INSERT INTO citizens (issuer, subject, full_name, id_number, date_of_birth, sex, address, phone, email, last_acr)
        VALUES (${issuer}, ${subject}, ${c.fullName}, ${c.idNumber}, ${c.dateOfBirth}::date, ${c.sex}, ${c.address}, ${c.phone}, ${c.email}, ${acr})
        ON CONFLICT (issuer, subject) DO UPDATE SET full_name = EXCLUDED.full_name, id_number = EXCLUDED.id_number,
          date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex, address = EXCLUDED.address, phone = EXCLUDED.phone,
          email = EXCLUDED.email, last_acr = EXCLUDED.last_acr, last_sign_in_at = now()
        RETURNING ${columns}, (xmax = 0) AS created`,
  );
  if (!row) throw new Error('citizen upsert returned no row');
  return row;
}

export function findCitizenById(db: Db, id: number): Promise<CitizenRow | null> {
  return one<CitizenRow>(db, sql`SELECT ${columns} FROM citizens WHERE id = ${id}`);
}
