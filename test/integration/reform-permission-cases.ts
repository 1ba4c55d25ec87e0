/**
 * Permission-matrix cases for the reform registry and inspections (see permissions.test.ts): reform.manage keeps the
 * models a unit issued; reform.register covers a unit's registrations and its corrections after an inspection;
 * reform.inspect covers the compliance view, planning inspections of the units below and recording and closing findings.
 * The inspection list and pages are for either side ('signed-in' routes asking for reform.inspect or reform.register).
 * The public catalogue (/mo-hinh, GET /api/v1/reform/models) needs no case. Spread into permission-cases.ts.
 */
import type { UnitRow } from '../../src/modules/units/index.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const q = async <T>(f: Fixtures, text: string, params: unknown[]): Promise<T> => (await f.sys.platform.pool.query(text, params)).rows[0] as T;

/** A fresh model issued by the unit (optional, same-day so registrations may list procedures). */
async function modelAt(f: Fixtures, unit: UnitRow): Promise<string> {
  const code = `thu-quyen-${f.n()}`;
  await q(
    f,
    `INSERT INTO reform_models (code, name, lead_agency, origin, issuer_unit_id, source, same_day, catalogue_code, starts_on)
     VALUES ($1, 'Mô hình thử quyền', 'UBND xã', 'local', $2, 'Kế hoạch thử', true, 'M2', '2024-01-01')`,
    [code, unit.id],
  );
  return code;
}

async function registrationAt(f: Fixtures, unit: UnitRow): Promise<number> {
  const code = await modelAt(f, unit);
  const r = await q<{ id: string }>(
    f,
    `INSERT INTO reform_registrations (unit_id, model_id, from_date) SELECT $1, id, '2024-01-01' FROM reform_models WHERE code = $2 RETURNING id`,
    [unit.id, code],
  );
  return Number(r.id);
}

/** An inspection by the unit of a fresh unit below it, with a finding and an open correction. */
async function inspectionOf(f: Fixtures, t: UnitRow): Promise<{ id: number; finding: number; correction: number; below: UnitRow }> {
  const below = await f.makeUnit(f.sys, { parent: t, kind: 'ward' });
  const i = await q<{ id: string }>(
    f,
    `INSERT INTO reform_inspections (inspecting_unit_id, inspected_unit_id, title, planned_on) VALUES ($1, $2, 'Kiểm tra thử quyền', '2026-10-01') RETURNING id`,
    [t.id, below.id],
  );
  await q(f, `INSERT INTO reform_inspection_members (inspection_id, name, title, role, position) VALUES ($1, 'Nguyễn Văn Thử', 'Trưởng đoàn', 'lead', 1)`, [
    i.id,
  ]);
  const fi = await q<{ id: string }>(
    f,
    `INSERT INTO reform_findings (inspection_id, index_group, severity, text) VALUES ($1, 'progress', 'major', 'Hồ sơ trễ hạn chưa có thư xin lỗi') RETURNING id`,
    [i.id],
  );
  const c = await q<{ id: string }>(
    f,
    `INSERT INTO reform_corrections (finding_id, action, owner, deadline) VALUES ($1, 'Gửi thư xin lỗi', 'Bộ phận Một cửa', '2026-12-31') RETURNING id`,
    [fi.id],
  );
  return { id: Number(i.id), finding: Number(fi.id), correction: Number(c.id), below };
}

const M = 'reform.manage';
const R = 'reform.register';
const I = 'reform.inspect';
const either = [I, R];

const modelForm = (code: string, issuer: string) => ({
  code,
  name: 'Mô hình mới thử quyền',
  leadAgency: 'UBND các xã, phường',
  origin: 'local',
  issuer,
  source: 'Kế hoạch số 1/KH-UBND',
  kind: 'optional',
  catalogueCode: 'M2',
  startsOn: '2026-01-01',
});

export const reformMatrixCases: MatrixCase[] = [
  { method: 'GET', route: '/quan-tri/mo-hinh', permission: M, scope: 'anywhere', make: async () => ({ url: '/quan-tri/mo-hinh' }) },
  { method: 'GET', route: '/quan-tri/mo-hinh/moi', permission: M, scope: 'anywhere', make: async () => ({ url: '/quan-tri/mo-hinh/moi' }) },
  {
    method: 'POST',
    route: '/quan-tri/mo-hinh',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/mo-hinh', payload: form(modelForm(`moi-${f.n()}`, t.code)) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/mo-hinh/:code/sua',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/mo-hinh/${await modelAt(f, t)}/sua` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/mo-hinh/:code',
    permission: M,
    scope: 'unit',
    make: async (f, t) => {
      const code = await modelAt(f, t);
      return { url: `/quan-tri/mo-hinh/${code}`, payload: form(modelForm(code, t.code)) };
    },
  },
  {
    method: 'GET',
    route: '/quan-tri/mo-hinh/don-vi',
    permission: R,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/mo-hinh/don-vi?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/mo-hinh/don-vi',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/mo-hinh/don-vi', payload: form({ unit: t.code, model: await modelAt(f, t), fromDate: '2026-01-05' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/mo-hinh/don-vi/:id',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/mo-hinh/don-vi/${await registrationAt(f, t)}`, payload: form({ fromDate: '2024-01-01', toDate: '2026-06-30' }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/mo-hinh/tuan-thu',
    permission: I,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/mo-hinh/tuan-thu?unit=${t.code}&year=2025` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/kiem-tra',
    permission: 'signed-in',
    anyOf: either,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/kiem-tra?unit=${t.code}` }),
  },
  { method: 'GET', route: '/quan-tri/kiem-tra/moi', permission: I, scope: 'unit', make: async (_f, t) => ({ url: `/quan-tri/kiem-tra/moi?unit=${t.code}` }) },
  {
    method: 'POST',
    route: '/quan-tri/kiem-tra',
    permission: I,
    scope: 'unit',
    make: async (f, t) => {
      const below = await f.makeUnit(f.sys, { parent: t, kind: 'ward' });
      return {
        url: '/quan-tri/kiem-tra',
        payload: form({
          inspectingUnit: t.code,
          inspectedUnit: below.code,
          title: 'Kiểm tra CCHC',
          plannedOn: '2026-12-01',
          members: 'Lê Văn A – Trưởng phòng',
        }),
      };
    },
  },
  {
    method: 'GET',
    route: '/quan-tri/kiem-tra/:id',
    permission: 'signed-in',
    anyOf: either,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/kiem-tra/${(await inspectionOf(f, t)).id}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/kiem-tra/:id/ket-luan',
    permission: I,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/quan-tri/kiem-tra/${(await inspectionOf(f, t)).id}/ket-luan`,
      payload: form({ indexGroup: 'transparency', severity: 'minor', text: 'Niêm yết chưa đầy đủ' }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/kiem-tra/:id/ket-luan/:findingId/khac-phuc',
    permission: R,
    scope: 'unit',
    make: async (f, t) => {
      const i = await inspectionOf(f, t);
      const k = `f${i.finding}-`;
      return {
        url: `/quan-tri/kiem-tra/${i.id}/ket-luan/${i.finding}/khac-phuc`,
        payload: form({ [`${k}action`]: 'Bổ sung niêm yết', [`${k}owner`]: 'Công chức Tư pháp', [`${k}deadline`]: '2026-12-20' }),
      };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/kiem-tra/:id/khac-phuc/:correctionId',
    permission: R,
    scope: 'unit',
    make: async (f, t) => {
      const i = await inspectionOf(f, t);
      const k = `c${i.correction}-`;
      return {
        url: `/quan-tri/kiem-tra/${i.id}/khac-phuc/${i.correction}`,
        payload: form({
          [`${k}action`]: 'Gửi thư xin lỗi',
          [`${k}owner`]: 'Bộ phận Một cửa',
          [`${k}deadline`]: '2026-12-31',
          [`${k}status`]: 'done',
          [`${k}evidence`]: 'Thư số 12',
        }),
      };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/kiem-tra/:id/ket-luan/:findingId/dong',
    permission: I,
    scope: 'unit',
    make: async (f, t) => {
      const i = await inspectionOf(f, t);
      await f.sys.platform.pool.query(`UPDATE reform_corrections SET status = 'done', done_on = current_date, evidence = 'Đã gửi' WHERE id = $1`, [
        i.correction,
      ]);
      return { url: `/quan-tri/kiem-tra/${i.id}/ket-luan/${i.finding}/dong`, payload: form({}) };
    },
  },
  // JSON API
  {
    method: 'POST',
    route: '/api/v1/reform/models',
    permission: M,
    scope: 'unit',
    make: async (f, t) => ({ url: '/api/v1/reform/models', payload: { ...modelForm(`api-${f.n()}`, t.code), kind: undefined, mandatory: false } }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/reform/models/:code',
    permission: M,
    scope: 'unit',
    make: async (f, t) => {
      const code = await modelAt(f, t);
      const { code: _c, kind: _k, ...rest } = modelForm(code, t.code);
      return { url: `/api/v1/reform/models/${code}`, payload: { ...rest, sameDay: true } };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/reform/units/:code/registrations',
    permission: R,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/reform/units/${t.code}/registrations` }),
  },
  {
    method: 'POST',
    route: '/api/v1/reform/units/:code/registrations',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/reform/units/${t.code}/registrations`, payload: { model: await modelAt(f, t), fromDate: '2026-02-01' } }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/reform/registrations/:id',
    permission: R,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/reform/registrations/${await registrationAt(f, t)}`, payload: { note: 'Ghi chú' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/reform/compliance',
    permission: I,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/reform/compliance?unit=${t.code}&year=2025` }),
  },
  {
    method: 'POST',
    route: '/api/v1/reform/inspections',
    permission: I,
    scope: 'unit',
    make: async (f, t) => {
      const below = await f.makeUnit(f.sys, { parent: t, kind: 'ward' });
      return {
        url: '/api/v1/reform/inspections',
        payload: {
          inspectingUnit: t.code,
          inspectedUnit: below.code,
          title: 'Kiểm tra CCHC',
          plannedOn: '2026-12-01',
          members: [{ name: 'Lê Văn A', title: 'Trưởng phòng' }],
        },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/reform/inspections/:id',
    permission: 'signed-in',
    anyOf: either,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/reform/inspections/${(await inspectionOf(f, t)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/reform/inspections/:id/findings',
    permission: I,
    scope: 'unit',
    make: async (f, t) => ({
      url: `/api/v1/reform/inspections/${(await inspectionOf(f, t)).id}/findings`,
      payload: { indexGroup: 'satisfaction', severity: 'minor', text: 'Chưa khảo sát đủ' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/reform/inspections/:id/findings/:findingId/corrections',
    permission: R,
    scope: 'unit',
    make: async (f, t) => {
      const i = await inspectionOf(f, t);
      return {
        url: `/api/v1/reform/inspections/${i.id}/findings/${i.finding}/corrections`,
        payload: { action: 'Khảo sát bổ sung', owner: 'Văn phòng', deadline: '2026-12-31' },
      };
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/reform/inspections/:id/corrections/:correctionId',
    permission: R,
    scope: 'unit',
    make: async (f, t) => {
      const i = await inspectionOf(f, t);
      return { url: `/api/v1/reform/inspections/${i.id}/corrections/${i.correction}`, payload: { status: 'done', evidence: 'Biên bản số 3' } };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/reform/inspections/:id/findings/:findingId/close',
    permission: I,
    scope: 'unit',
    make: async (f, t) => {
      const i = await inspectionOf(f, t);
      await f.sys.platform.pool.query(`UPDATE reform_corrections SET status = 'done', done_on = current_date, evidence = 'Đã gửi' WHERE id = $1`, [
        i.correction,
      ]);
      return { url: `/api/v1/reform/inspections/${i.id}/findings/${i.finding}/close`, payload: { note: 'Đạt' } };
    },
  },
];
