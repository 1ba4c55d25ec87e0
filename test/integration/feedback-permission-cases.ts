/**
 * Permission-matrix cases for staff handling of feedback (see permissions.test.ts): the list and an item are read
 * with feedback.receive or feedback.handle on the item's unit (routes declare 'signed-in' and check either); every
 * action and the sender's contact need feedback.handle; hotline entry needs feedback.receive; categories, routing
 * rules and hotline numbers need feedback.manage on their unit. Spread into permission-cases.ts.
 */
import { checkFeedback, receiveFeedback } from '../../src/modules/feedback/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { form } from '../helpers.ts';
import type { Fixtures, MatrixCase } from './permissions.test.ts';

const READ = ['feedback.receive', 'feedback.handle'];
// The 8-byte PNG signature is enough for a stored attachment here (content checks belong to the intake channels).
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A fresh item addressed to the unit (no rules or categories route it elsewhere in the matrix database). */
async function itemAt(f: Fixtures, t: UnitRow, withFile = false): Promise<{ code: string; fileId: number | null }> {
  const checked = checkFeedback(
    { description: `Phản ánh thử quyền số ${f.n()}: đèn đường hỏng`, name: 'Người Gửi Thử', phone: '0912345678', consent: 'on' },
    { channel: 'web' },
  );
  if (!checked.ok) throw new Error('bad fixture');
  const r = await receiveFeedback(f.sys.platform.db, systemActor('test'), {
    channel: 'web',
    item: checked.value,
    addressedUnitCode: t.code,
    attachments: withFile ? [{ name: 'anh.png', mime: 'image/png', content: png }] : [],
  });
  const file = withFile
    ? await f.sys.platform.pool.query<{ id: number }>('SELECT a.id FROM feedback_attachments a JOIN feedback f ON f.id = a.feedback_id WHERE f.code = $1', [
        r.code,
      ])
    : null;
  return { code: r.code, fileId: file?.rows[0]?.id ?? null };
}

async function categoryAt(f: Fixtures, t: UnitRow): Promise<number> {
  const r = await f.sys.platform.pool.query<{ id: number }>(
    "INSERT INTO feedback_categories (code, name, unit_id) VALUES ($1, 'Lĩnh vực thử quyền', $2) RETURNING id",
    [`lv-quyen-${f.n()}`, t.id],
  );
  return Number(r.rows[0]?.id);
}

const categoryForm = (f: Fixtures, t: UnitRow) =>
  form({ name: 'Giao thông', code: `giao-thong-${f.n()}`, unit: t.code, classifyDays: '3', answerDays: '10', warnDays: '2', active: 'on' });

export const feedbackMatrixCases: MatrixCase[] = [
  {
    method: 'GET',
    route: '/quan-tri/phan-anh',
    permission: 'signed-in',
    anyOf: READ,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/phan-anh?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/phan-anh/:code',
    permission: 'signed-in',
    anyOf: READ,
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/phan-anh/${(await itemAt(f, t)).code}` }),
  },
  {
    method: 'GET',
    route: '/quan-tri/phan-anh/:code/tep/:id',
    permission: 'signed-in',
    anyOf: READ,
    scope: 'unit',
    make: async (f, t) => {
      const i = await itemAt(f, t, true);
      return { url: `/quan-tri/phan-anh/${i.code}/tep/${i.fileId}` };
    },
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/:code',
    permission: 'feedback.handle',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/phan-anh/${(await itemAt(f, t)).code}`, payload: form({ action: 'note', note: 'Ghi chú thử quyền' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/:code/lien-he',
    permission: 'feedback.handle',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/phan-anh/${(await itemAt(f, t)).code}/lien-he`, payload: form({}) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/phan-anh/tiep-nhan',
    permission: 'feedback.receive',
    scope: 'anywhere',
    make: async () => ({ url: '/quan-tri/phan-anh/tiep-nhan' }),
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/tiep-nhan',
    permission: 'feedback.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/phan-anh/tiep-nhan', payload: form({ unit: t.code, description: `Cuộc gọi thử quyền ${f.n()}` }) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/phan-anh/linh-vuc',
    permission: 'feedback.manage',
    scope: 'anywhere',
    make: async () => ({ url: '/quan-tri/phan-anh/linh-vuc' }),
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/linh-vuc',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/phan-anh/linh-vuc', payload: categoryForm(f, t) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/phan-anh/linh-vuc/:id',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/phan-anh/linh-vuc/${await categoryAt(f, t)}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/linh-vuc/:id',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: `/quan-tri/phan-anh/linh-vuc/${await categoryAt(f, t)}`, payload: categoryForm(f, t) }),
  },
  {
    method: 'GET',
    route: '/quan-tri/phan-anh/dieu-phoi',
    permission: 'feedback.manage',
    scope: 'anywhere',
    make: async () => ({ url: '/quan-tri/phan-anh/dieu-phoi' }),
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/dieu-phoi',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (f, t) => ({ url: '/quan-tri/phan-anh/dieu-phoi', payload: form({ target: t.code, keywords: `tu-khoa-thu-${f.n()}`, position: '900' }) }),
  },
  {
    method: 'POST',
    route: '/quan-tri/phan-anh/dieu-phoi/:id',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (f, t) => {
      const r = await f.sys.platform.pool.query<{ id: number }>(
        "INSERT INTO feedback_routing_rules (position, keywords, target_unit_id, active) VALUES (900, 'khong-bao-gio-khop', $1, false) RETURNING id",
        [t.id],
      );
      return { url: `/quan-tri/phan-anh/dieu-phoi/${r.rows[0]?.id}`, payload: form({ change: 'delete' }) };
    },
  },
  {
    method: 'GET',
    route: '/quan-tri/duong-day-nong',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (_f, t) => ({ url: `/quan-tri/duong-day-nong?unit=${t.code}` }),
  },
  {
    method: 'POST',
    route: '/quan-tri/duong-day-nong',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (_f, t) => ({
      url: '/quan-tri/duong-day-nong',
      payload: form({ unit: t.code, name: 'Nguyễn Văn Lãnh Đạo', title: 'Chủ tịch UBND', phone: '0277 3851 234' }),
    }),
  },
  {
    method: 'POST',
    route: '/quan-tri/duong-day-nong/:id',
    permission: 'feedback.manage',
    scope: 'unit',
    make: async (f, t) => {
      const r = await f.sys.platform.pool.query<{ id: number }>(
        "INSERT INTO unit_hotlines (unit_id, name, title, phone) VALUES ($1, 'Trần Thị Thử', 'Phó Chủ tịch', '0277 385 1235') RETURNING id",
        [t.id],
      );
      return { url: `/quan-tri/duong-day-nong/${r.rows[0]?.id}`, payload: form({ change: 'delete' }) };
    },
  },
  // JSON
  {
    method: 'GET',
    route: '/api/v1/feedback',
    permission: 'signed-in',
    anyOf: READ,
    scope: 'unit',
    make: async (_f, t) => ({ url: `/api/v1/feedback?unit=${t.code}` }),
  },
  {
    method: 'GET',
    route: '/api/v1/feedback/:code',
    permission: 'signed-in',
    anyOf: READ,
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/feedback/${(await itemAt(f, t)).code}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/feedback/:code/actions/:action',
    permission: 'feedback.handle',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/feedback/${(await itemAt(f, t)).code}/actions/note`, payload: { note: 'Ghi chú thử quyền' } }),
  },
  {
    method: 'POST',
    route: '/api/v1/feedback/:code/contact',
    permission: 'feedback.handle',
    scope: 'unit',
    make: async (f, t) => ({ url: `/api/v1/feedback/${(await itemAt(f, t)).code}/contact`, payload: {} }),
  },
  {
    method: 'POST',
    route: '/api/v1/feedback',
    permission: 'feedback.receive',
    scope: 'unit',
    make: async (f, t) => ({ url: '/api/v1/feedback', payload: { unit: t.code, description: `Cuộc gọi thử quyền ${f.n()}` } }),
  },
];
