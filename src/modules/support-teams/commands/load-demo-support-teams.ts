import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/pool.ts';
import { one } from '../../../platform/db/query.ts';
import { startOfVietnamDay } from '../../../platform/period.ts';
import { findUserByUsername } from '../../staff/index.ts';
import { linkMemberToUser } from '../queries.ts';
import { vietnamDay, weekOf } from '../rules/roster.ts';

const UNIT = 'cao-lanh-phuong-1';
const TEAM = 'Đội thanh niên tình nguyện hỗ trợ dịch vụ công';
/** Invented people and numbers; Đặng Ngọc Ánh is the demo account tinhnguyen.phuong1. */
const members = [
  { name: 'Đặng Ngọc Ánh', organisation: 'youth_union', phone: '0907111201', consent: true, username: 'tinhnguyen.phuong1' },
  { name: 'Lê Hoàng Nam', organisation: 'youth_union', phone: '0907111202', consent: false, username: null },
  { name: 'Trần Thị Mỹ Duyên', organisation: 'women_union', phone: '0907111203', consent: true, username: null },
] as const;

/** The shifts of each working day: [duty, start, end, members by index]. */
const dayPlan: [string, string, string, number[]][] = [
  ['desk', '07:00', '11:30', [0]],
  ['hotline', '07:00', '11:30', [2]],
  ['desk', '13:30', '17:00', [1]],
  ['online_chat', '13:30', '17:00', [0]],
  ['home_visit', '17:30', '19:30', [2]],
];

/**
 * A demo support team at Phường 1 (Cao Lãnh) with three members and a duty roster for every day of the current week
 * (Vietnam time) — Monday to Friday: desk, hotline, online chat and an evening home-visit round — so /ho-tro shows someone on duty during office hours. Skips everything when the team exists.
 */
export async function loadDemoSupportTeams(tx: Db, now: Date): Promise<{ supportTeams: number; supportShifts: number }> {
  const team = await one<{ id: number; unit_id: number }>(
    tx,
    sql`INSERT INTO support_teams (unit_id, name, organisation, description)
        SELECT u.id, ${TEAM}, 'youth_union', 'Đoàn viên Đoàn Thanh niên và hội viên Hội Liên hiệp Phụ nữ phường hỗ trợ miễn phí người dân tạo tài khoản VNeID, nộp hồ sơ và thanh toán trực tuyến.'
        FROM units u WHERE u.code = ${UNIT}
        ON CONFLICT (unit_id, name) DO NOTHING RETURNING id::int AS id, unit_id::int AS unit_id`,
  );
  if (!team) return { supportTeams: 0, supportShifts: 0 };
  const ids: number[] = [];
  for (const m of members) {
    const r = await one<{ id: number }>(
      tx,
      sql`INSERT INTO support_team_members (team_id, unit_id, full_name, organisation, phone, public_phone_consent)
          VALUES (${team.id}, ${team.unit_id}, ${m.name}, ${m.organisation}, ${m.phone}, ${m.consent}) RETURNING id::int AS id`,
    );
    ids.push((r as { id: number }).id);
  }
  const week = weekOf(vietnamDay(now));
  let shifts = 0;
  for (const [i, day] of week.days.entries()) {
    if (i > 4) continue;
    for (const [duty, start, end, who] of dayPlan) {
      const dayStart = startOfVietnamDay(day).getTime();
      const at = (hm: string) => new Date(dayStart + (Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5))) * 60_000).toISOString();
      await tx.execute(
        sql`WITH s AS (INSERT INTO support_shifts (unit_id, duty, starts_at, ends_at) VALUES (${team.unit_id}, ${duty}, ${at(start)}::timestamptz, ${at(end)}::timestamptz) RETURNING id)
            INSERT INTO support_shift_members (shift_id, member_id) SELECT s.id, x FROM s, unnest(${`{${who.map((w) => ids[w]).join(',')}}`}::bigint[]) x`,
      );
      shifts++;
    }
  }
  return { supportTeams: 1, supportShifts: shifts };
}

/** After the demo accounts exist: links the demo volunteer account to its member record. */
export async function linkDemoVolunteers(tx: Db): Promise<{ supportVolunteersLinked: number }> {
  let n = 0;
  for (const m of members) {
    if (!m.username) continue;
    const r = await one<{ id: number }>(
      tx,
      sql`SELECT m.id::int AS id FROM support_team_members m JOIN support_teams t ON t.id = m.team_id JOIN units u ON u.id = t.unit_id
          WHERE u.code = ${UNIT} AND t.name = ${TEAM} AND m.full_name = ${m.name} AND m.user_id IS NULL`,
    );
    const user = r ? await findUserByUsername(tx, m.username) : null;
    if (r && user && (await linkMemberToUser(tx, r.id, user.id))) n++;
  }
  return { supportVolunteersLinked: n };
}
