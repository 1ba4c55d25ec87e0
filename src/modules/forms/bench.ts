import { parseCccdQr } from '../identity/index.ts';
import { renderDeclarationPdf } from './render.ts';
import { identityValues } from './rules/identity.ts';
import { mergeValues, normaliseValues } from './rules/values.ts';
import { birthRegistrationV1 } from './templates/birth-registration.ts';

/** A real-format ID-card QR payload (made-up person) and the boxes a clerk types for a birth registration. */
export const SAMPLE_QR = '001099012345||Nguyễn Thị Ánh Tuyết|15031990|Nữ|Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp|01072021';
export const SAMPLE_BIRTH_VALUES = {
  authority: 'Ủy ban nhân dân phường Cao Lãnh',
  'birth.relation': 'Mẹ',
  'child.fullName': 'Trần Ngọc Bảo Hân',
  'child.dateOfBirth': '2026-03-02',
  'child.sex': 'Nữ',
  'child.ethnicity': 'Kinh',
  'child.nationality': 'Việt Nam',
  'child.placeOfBirth': 'Bệnh viện Đa khoa Đồng Tháp',
  'mother.fullName': 'Nguyễn Thị Ánh Tuyết',
  'mother.yearOfBirth': '1990',
  'father.fullName': 'Trần Văn Đức',
  'father.yearOfBirth': '1988',
  'signing.place': 'Cao Lãnh',
  'signing.date': '2026-03-10',
};

/**
 * Times the desk's whole path `runs` times (after one warm-up): parse the ID-card QR, fill the birth-registration
 * boxes, merge the typed values and render the PDF; for bench/run.ts (aim: p95 under 300 ms).
 */
export async function timeDeclarationRendering(runs = 20): Promise<{ runs: number; p50Ms: number; p95Ms: number; maxMs: number; bytes: number }> {
  const once = async () => {
    const parsed = parseCccdQr(SAMPLE_QR, '2026-03-10');
    if (!parsed.ok) throw new Error(`sample QR refused: ${parsed.reason}`);
    const t = birthRegistrationV1;
    const values = mergeValues([t], identityValues([t], parsed.fields), normaliseValues([t], SAMPLE_BIRTH_VALUES), { replace: false });
    return (await renderDeclarationPdf(t, values, { creationDate: new Date('2026-03-10T02:00:00Z') })).length;
  };
  let bytes = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = await once();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { runs, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1] ?? 0, bytes };
}
