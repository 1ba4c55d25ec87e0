/** All SQL on the postal tables (migration 0021): post offices and the units they serve, shipments and their steps. */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import { one, pathInScopes, rows } from '../../platform/db/query.ts';
import { periodBounds } from '../../platform/period.ts';
import type { UnitScope } from '../staff/index.ts';
import type { Direction, RecordableStatus, ShipmentStatus, Step } from './rules/legs.ts';

type Moment = Date | string;

export interface ShipmentRow {
  id: number;
  dossier_id: number;
  dossier_code: string;
  dossier_status: string;
  dossier_channel: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  unit_address: string | null;
  direction: Direction;
  post_office_unit_id: number;
  post_office_code: string;
  post_office_name: string;
  post_office_path: string;
  item_number: string | null;
  item_number_domestic: boolean;
  // PERSONAL DATA
  recipient_name: string;
  recipient_phone: string | null;
  recipient_address: string;
  fee_vnd: number | null;
  status: ShipmentStatus;
  failure_reason: string | null;
  picked_up_at: Moment | null;
  delivered_at: Moment | null;
  ended_at: Moment | null;
  created_at: Moment;
  updated_at: Moment;
  version: number;
}

export interface PostalEventRow {
  id: number;
  step: Step;
  status: ShipmentStatus;
  item_number: string | null;
  at: Moment;
  actor_label: string;
  actor_name: string | null;
  note: string | null;
}

const columns = sql`s.id, s.dossier_id, d.code AS dossier_code, d.status AS dossier_status, d.channel AS dossier_channel,
  s.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, u.address AS unit_address,
  s.direction, s.post_office_unit_id, po.code AS post_office_code, po.name AS post_office_name, po.path AS post_office_path,
  s.item_number, s.item_number_domestic, s.recipient_name, s.recipient_phone, s.recipient_address, s.fee_vnd::int AS fee_vnd,
  s.status, s.failure_reason, s.picked_up_at, s.delivered_at, s.ended_at, s.created_at, s.updated_at, s.version`;
const from = sql`postal_shipments s JOIN dossiers d ON d.id = s.dossier_id JOIN units u ON u.id = s.unit_id JOIN units po ON po.id = s.post_office_unit_id`;

export function findShipment(db: Db, id: number): Promise<ShipmentRow | null> {
  return one<ShipmentRow>(db, sql`SELECT ${columns} FROM ${from} WHERE s.id = ${id}`);
}

/** Loads and locks a shipment for the rest of the transaction. */
export function lockShipment(db: Db, id: number): Promise<ShipmentRow | null> {
  return one<ShipmentRow>(db, sql`SELECT ${columns} FROM ${from} WHERE s.id = ${id} FOR UPDATE OF s`);
}

/** A dossier's shipments, newest first. */
export function listShipmentsOfDossier(db: Db, dossierId: number): Promise<ShipmentRow[]> {
  return rows<ShipmentRow>(db, sql`SELECT ${columns} FROM ${from} WHERE s.dossier_id = ${dossierId} ORDER BY s.created_at DESC, s.id DESC`);
}

/** Shipments handed to the post offices in `scopes` (null: everywhere), open ones first, then newest. */
export async function listShipments(
  db: Db,
  f: { scopes: UnitScope[] | null; status?: ShipmentStatus; limit: number; offset: number },
): Promise<{ rows: ShipmentRow[]; total: number }> {
  const conds: SQL[] = [pathInScopes(sql`po.path`, f.scopes)];
  if (f.status) conds.push(sql`s.status = ${f.status}`);
  const where = sql.join(conds, sql` AND `);
  const [list, count] = await Promise.all([
    rows<ShipmentRow>(
      db,
      sql`SELECT ${columns} FROM ${from} WHERE ${where}
          ORDER BY (s.status IN ('delivered', 'returned')), s.created_at DESC, s.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`),
  ]);
  return { rows: list, total: count?.n ?? 0 };
}

export function listPostalEvents(db: Db, shipmentId: number): Promise<PostalEventRow[]> {
  return rows<PostalEventRow>(
    db,
    sql`SELECT e.id, e.step, e.status, e.item_number, e.at, e.actor_label, us.full_name AS actor_name, e.note
        FROM postal_events e LEFT JOIN users us ON us.id = e.actor_user_id
        WHERE e.shipment_id = ${shipmentId} ORDER BY e.at, e.id`,
  );
}

export interface PostOfficeRow {
  id: number;
  code: string;
  name: string;
  path: string;
}

/** The post offices (units of kind post_office, not merged away) linked to serve a unit. */
export function postOfficesServing(db: Db, unitId: number): Promise<PostOfficeRow[]> {
  return rows<PostOfficeRow>(
    db,
    sql`SELECT po.id, po.code, po.name, po.path FROM post_office_units l JOIN units po ON po.id = l.post_office_unit_id
        WHERE l.served_unit_id = ${unitId} AND po.kind = 'post_office' AND po.merged_into_id IS NULL ORDER BY po.name`,
  );
}

/** Links a post office to the units it serves; returns how many links are new. */
export async function insertPostOfficeLinks(db: Db, postOfficeId: number, servedIds: number[]): Promise<number> {
  if (servedIds.length === 0) return 0;
  const res = await db.execute(
    sql`INSERT INTO post_office_units (post_office_unit_id, served_unit_id)
        SELECT ${postOfficeId}, x FROM unnest(${`{${servedIds.join(',')}}`}::bigint[]) AS x
        ON CONFLICT DO NOTHING`,
  );
  return res.rowCount ?? 0;
}

export interface NewShipment {
  dossierId: number;
  unitId: number;
  direction: Direction;
  postOfficeId: number;
  itemNumber: string | null;
  itemNumberDomestic: boolean;
  recipientName: string;
  recipientPhone: string | null;
  recipientAddress: string;
  feeVnd: number | null;
  createdBy: number | null;
  now: Date;
}

/** Inserts a shipment; null when the dossier already has a live shipment that way (the partial unique index). */
export async function insertShipment(db: Db, s: NewShipment): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO postal_shipments (dossier_id, unit_id, direction, post_office_unit_id, item_number, item_number_domestic,
          recipient_name, recipient_phone, recipient_address, fee_vnd, created_by, created_at, updated_at)
        VALUES (${s.dossierId}, ${s.unitId}, ${s.direction}, ${s.postOfficeId}, ${s.itemNumber}, ${s.itemNumberDomestic},
          ${s.recipientName}, ${s.recipientPhone}, ${s.recipientAddress}, ${s.feeVnd}, ${s.createdBy}, ${s.now.toISOString()}::timestamptz,
          ${s.now.toISOString()}::timestamptz)
        ON CONFLICT (dossier_id, direction) WHERE status <> 'returned' DO NOTHING
        RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export async function insertPostalEvent(
  db: Db,
  e: {
    shipmentId: number;
    step: Step;
    status: ShipmentStatus;
    itemNumber: string | null;
    at: Date;
    actorUserId: number | null;
    actorLabel: string;
    note: string | null;
  },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO postal_events (shipment_id, step, status, item_number, at, actor_user_id, actor_label, note)
        VALUES (${e.shipmentId}, ${e.step}, ${e.status}, ${e.itemNumber}, ${e.at.toISOString()}::timestamptz, ${e.actorUserId}, ${e.actorLabel}, ${e.note})`,
  );
}

/** Writes a recorded step onto the shipment (status, item number, fee, reason, milestones) and bumps its version. */
export async function updateShipmentStep(
  db: Db,
  id: number,
  u: { status: RecordableStatus; itemNumber: string | null; itemNumberDomestic: boolean; feeVnd: number | null; failureReason: string | null; now: Date },
): Promise<void> {
  const at = u.now.toISOString();
  await db.execute(
    sql`UPDATE postal_shipments SET status = ${u.status}, item_number = ${u.itemNumber}, item_number_domestic = ${u.itemNumberDomestic},
          fee_vnd = ${u.feeVnd}, failure_reason = ${u.failureReason},
          picked_up_at = CASE WHEN ${u.status}::text = 'picked_up' AND picked_up_at IS NULL THEN ${at}::timestamptz ELSE picked_up_at END,
          delivered_at = CASE WHEN ${u.status}::text = 'delivered' THEN ${at}::timestamptz ELSE delivered_at END,
          ended_at = CASE WHEN ${u.status}::text IN ('delivered', 'returned') THEN ${at}::timestamptz ELSE ended_at END,
          updated_at = ${at}::timestamptz, version = version + 1
        WHERE id = ${id}`,
  );
}

/** Postal activity of units over a period (Vietnam dates, both included); see index.ts postalActivity. */
export interface PostalActivity {
  /** Dossiers received through the post (dossiers.channel = 'post') in the period. */
  receivedByPost: number;
  /** Dossiers whose result was returned through the post (return_channel = 'post') in the period. */
  returnedByPost: number;
  /** Shipments created in the period, by direction and current status. */
  legs: Record<Direction, Record<ShipmentStatus, number>>;
  /** Postal fees (cước) of the shipments created in the period, in đồng. */
  feesVnd: number;
}

export async function postalActivityOf(db: Db, f: { unitIds: number[]; from: string; to: string; now?: Date }): Promise<PostalActivity> {
  const { start, end } = periodBounds(f.from, f.to, f.now ?? new Date());
  const ids = `{${f.unitIds.map((n) => Math.trunc(n)).join(',')}}`;
  const s = start.toISOString();
  const e = end.toISOString();
  const [dossiers, legs] = await Promise.all([
    one<{ received: number; returned: number }>(
      db,
      sql`SELECT
            (SELECT count(*)::int FROM dossiers WHERE unit_id = ANY(${ids}::bigint[]) AND channel = 'post'
               AND received_at >= ${s}::timestamptz AND received_at < ${e}::timestamptz) AS received,
            (SELECT count(*)::int FROM dossiers WHERE unit_id = ANY(${ids}::bigint[]) AND return_channel = 'post'
               AND returned_at >= ${s}::timestamptz AND returned_at < ${e}::timestamptz) AS returned`,
    ),
    rows<{ direction: Direction; status: ShipmentStatus; n: number; fees: number }>(
      db,
      sql`SELECT direction, status, count(*)::int AS n, coalesce(sum(fee_vnd), 0)::bigint::float8 AS fees FROM postal_shipments
          WHERE unit_id = ANY(${ids}::bigint[]) AND created_at >= ${s}::timestamptz AND created_at < ${e}::timestamptz
          GROUP BY direction, status`,
    ),
  ]);
  const zero = (): Record<ShipmentStatus, number> => ({ created: 0, picked_up: 0, in_transit: 0, delivered: 0, failed: 0, returned: 0 });
  const out: PostalActivity = {
    receivedByPost: dossiers?.received ?? 0,
    returnedByPost: dossiers?.returned ?? 0,
    legs: { inbound: zero(), outbound: zero() },
    feesVnd: 0,
  };
  for (const r of legs) {
    out.legs[r.direction][r.status] = r.n;
    out.feesVnd += Number(r.fees);
  }
  return out;
}
