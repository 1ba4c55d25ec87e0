import type { Db } from '../../platform/db/pool.ts';
import { renderSlip } from './render.ts';
import type { SlipData } from './rules/slip-data.ts';

/** A realistic receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) for benchmarks and demos. */
export function sampleReceiptData(): SlipData {
  return {
    unit: {
      superiorName: 'UBND phường Cao Lãnh',
      name: 'Trung tâm Phục vụ hành chính công',
      placeName: 'Cao Lãnh',
      deskName: 'Trung tâm Phục vụ hành chính công phường Cao Lãnh',
    },
    documentNumber: '1254/GTN-TTPVHCC',
    dossier: {
      code: 'H22.45-261124-0001',
      procedureName: 'Đăng ký khai sinh',
      applicant: {
        name: 'Nguyễn Thị Ánh Tuyết',
        address: 'Số 12, đường Lê Lợi, phường Cao Lãnh, tỉnh Đồng Tháp',
        phone: '0912 345 678',
        email: 'anhtuyet@example.vn',
      },
      receivedAt: new Date('2026-11-24T07:30:00Z'),
      appointmentAt: new Date('2026-11-25T09:00:00Z'),
      timeLimit: '01 ngày làm việc',
      sets: 1,
      documents: [
        { name: 'Tờ khai đăng ký khai sinh', kind: 'Bản chính', copies: 1 },
        { name: 'Giấy chứng sinh', kind: 'Bản chính', copies: 1 },
        { name: 'Giấy chứng nhận kết hôn của cha mẹ', kind: 'Bản sao', copies: 1 },
      ],
      resultDelivery: 'desk',
      register: { book: '03/2026', entry: '1254' },
    },
    signers: { receiver: 'Trần Văn Đức' },
    trackingUrl: 'https://gandan.example.vn/tra-cuu/H22.45-261124-0001',
    issuedAt: new Date('2026-11-24T07:30:00Z'),
  };
}

/**
 * Times rendering the sample receipt `runs` times (after one warm-up) against seeded templates; for
 * bench/run.ts (aim: p95 under 300 ms).
 */
export async function timeReceiptRendering(db: Db, runs = 20): Promise<{ runs: number; p50Ms: number; p95Ms: number; maxMs: number; bytes: number }> {
  const data = sampleReceiptData();
  let bytes = (await renderSlip(db, 'receipt', data, { on: '2026-11-24' })).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = (await renderSlip(db, 'receipt', data, { on: '2026-11-24' })).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { runs, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1] ?? 0, bytes };
}
