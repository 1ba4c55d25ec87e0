import type { Actor } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { findUnitByCode, type UnitRow } from '../../units/index.ts';
import type { Role } from '../permissions.ts';
import { findUserByUsername } from '../queries.ts';
import { createUser } from './create-user.ts';

/** The demo password of every demo account (demo mode only; refused in production). */
export const DEMO_PASSWORD = 'GanDan@2026';

/** Demo accounts, one per role, listed in the README. */
export const demoAccounts: { username: string; fullName: string; title: string; role: Role; unit: string; subtree: boolean }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', title: 'Quản trị viên', role: 'system_admin', unit: 'dong-thap', subtree: true },
  { username: 'noivu.dongthap', fullName: 'Nguyễn Thị Hồng', title: 'Chuyên viên Sở Nội vụ', role: 'home_affairs_officer', unit: 'dong-thap', subtree: true },
  { username: 'lanhdao.caolanh', fullName: 'Trần Văn Phúc', title: 'Phó Chủ tịch UBND thành phố', role: 'unit_leader', unit: 'cao-lanh', subtree: true },
  { username: 'noivu.caolanh', fullName: 'Lê Thị Mai', title: 'Chuyên viên Phòng Nội vụ', role: 'home_affairs_officer', unit: 'cao-lanh', subtree: true },
  { username: 'motcua.phuong1', fullName: 'Phạm Minh Đức', title: 'Công chức Một cửa', role: 'one_stop_clerk', unit: 'cao-lanh-phuong-1', subtree: false },
  {
    username: 'chuyenvien.phuong1',
    fullName: 'Võ Thị Thu Trang',
    title: 'Công chức Tư pháp – Hộ tịch',
    role: 'specialist',
    unit: 'cao-lanh-phuong-1',
    subtree: false,
  },
  { username: 'buudien.caolanh', fullName: 'Huỳnh Văn Lộc', title: 'Nhân viên Bưu điện', role: 'post_office_staff', unit: 'cao-lanh-buu-dien', subtree: false },
  {
    username: 'tinhnguyen.phuong1',
    fullName: 'Đặng Ngọc Ánh',
    title: 'Đoàn viên thanh niên',
    role: 'support_volunteer',
    unit: 'cao-lanh-phuong-1',
    subtree: false,
  },
  { username: 'tongdai.dongthap', fullName: 'Ngô Thị Thanh Tâm', title: 'Tổng đài viên 1022', role: 'hotline_operator', unit: 'dong-thap', subtree: true },
  { username: 'lanhdao.phuoclong', fullName: 'Bùi Quốc Khánh', title: 'Chủ tịch UBND thị xã', role: 'unit_leader', unit: 'phuoc-long', subtree: true },
];

/** Creates the demo accounts whose units exist; returns how many were created. */
export async function loadDemoAccounts(tx: Db, actor: Actor): Promise<number> {
  let n = 0;
  for (const a of demoAccounts) {
    if (await findUserByUsername(tx, a.username)) continue;
    const unit: UnitRow | null = await findUnitByCode(tx, a.unit);
    if (!unit) throw new Error(`demo unit ${a.unit} is missing for account ${a.username}`);
    await createUser(
      tx,
      actor,
      { username: a.username, password: DEMO_PASSWORD, fullName: a.fullName, title: a.title, grants: [{ role: a.role, unit: a.unit, subtree: a.subtree }] },
      [unit],
      { isDemo: true },
    );
    n++;
  }
  return n;
}
