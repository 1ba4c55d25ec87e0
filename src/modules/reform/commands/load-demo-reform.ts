import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/pool.ts';
import { one, rows } from '../../../platform/db/query.ts';
import { demoModels } from '../demo/models.ts';
import { demoRegistrations } from '../demo/registrations.ts';
import { insertInspection, insertModel, insertRegistration, proceduresByCode, setRegistrationProcedures } from '../queries.ts';

/**
 * Loads the seed plans' models, the units' registrations (with seed 004's same-day procedures that the demo catalogue
 * holds) and one inspection of Cao Lãnh's Phường 6 with an overdue correction. Skips models whose code exists and units
 * the demo tree lacks; returns counts, with the seed procedures the catalogue lacks as `reformProceduresMissing`.
 */
export async function loadDemoReform(tx: Db): Promise<Record<string, number>> {
  const units = new Map((await rows<{ id: number; code: string }>(tx, sql`SELECT id::int AS id, code FROM units`)).map((u) => [u.code, u.id]));
  const models = new Map<string, number>();
  let made = 0;
  for (const m of demoModels) {
    const issuer = units.get(m.issuer);
    if (!issuer) continue;
    const id = await insertModel(tx, m, issuer, null);
    if (id) made++;
    const row = await one<{ id: number }>(tx, sql`SELECT id::int AS id FROM reform_models WHERE code = ${m.code}`);
    if (row) models.set(m.code, row.id);
  }
  if (made === 0) return { reformModels: 0, reformRegistrations: 0, reformProcedures: 0, reformProceduresMissing: 0 };
  let regs = 0;
  let procs = 0;
  let missing = 0;
  for (const r of demoRegistrations) {
    const unitId = units.get(r.unit);
    const modelId = models.get(r.model);
    if (!unitId || !modelId) continue;
    const wanted = (r.procedures ?? []).filter((p) => p.code !== null).map((p) => p.code as string);
    const found = await proceduresByCode(tx, wanted);
    const absent = (r.procedures ?? []).filter((p) => p.code === null || !found.some((f) => f.code === p.code)).map((p) => p.name);
    missing += absent.length;
    const note = [r.note, absent.length ? `Chưa có trong danh mục thủ tục: ${absent.join('; ')}` : null].filter(Boolean).join('. ') || null;
    const id = await insertRegistration(tx, { unitId, modelId, fromDate: r.from, toDate: r.to ?? null, note }, null);
    await setRegistrationProcedures(
      tx,
      id,
      found.map((f) => f.id),
    );
    regs++;
    procs += found.length;
  }
  const inspecting = units.get('cao-lanh');
  const inspected = units.get('cao-lanh-phuong-6');
  const cashless = models.get('cl-khong-dung-tien-mat');
  if (inspecting && inspected && cashless) {
    const id = await insertInspection(
      tx,
      inspecting,
      inspected,
      {
        title: 'Kiểm tra công tác cải cách hành chính năm 2026',
        plannedOn: '2026-10-15',
        notes: 'Theo kế hoạch kiểm tra CCHC hằng năm (dữ liệu trình diễn).',
        indexGroups: ['online_payment', 'progress'],
        members: [
          { name: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ Thành phố (tên trình diễn)', role: 'lead' },
          { name: 'Trần Thị Bình', title: 'Chuyên viên Phòng Nội vụ (tên trình diễn)', role: 'member' },
          { name: 'Lê Văn Cường', title: 'Chuyên viên Văn phòng HĐND và UBND Thành phố (tên trình diễn)', role: 'member' },
        ],
      },
      [cashless, models.get('cl-niem-yet-dien-tu')].filter((x): x is number => x !== undefined),
      null,
    );
    const f = await one<{ id: number }>(
      tx,
      sql`INSERT INTO reform_findings (inspection_id, model_id, severity, text)
          VALUES (${id}, ${cashless}, 'major', 'Chưa đăng ký thực hiện mô hình bắt buộc "Phát triển không dùng tiền mặt"; quầy thu phí chưa niêm yết mã QR.')
          RETURNING id::int AS id`,
    );
    if (f) {
      await tx.execute(sql`INSERT INTO reform_corrections (finding_id, action, owner, deadline)
        VALUES (${f.id}, 'Đăng ký mô hình, niêm yết mã QR thanh toán tại quầy thu phí, lệ phí', 'Văn phòng UBND Phường 6', '2026-11-15')`);
    }
  }
  return { reformModels: made, reformRegistrations: regs, reformProcedures: procs, reformProceduresMissing: missing };
}
