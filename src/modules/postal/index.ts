// Public surface of the postal module: the post office as partner (M7, tiếp nhận hồ sơ và trả kết quả qua dịch vụ
// bưu chính công ích): post offices and the units they serve, shipments of dossiers each way with their steps.
import type { Db } from '../../platform/db/pool.ts';
import { type PostalActivity, postalActivityOf } from './queries.ts';

export { registerPostalApi } from './api.ts';
export { linkPostOffice } from './commands/link-post-office.ts';
export { loadDemoPostal } from './demo.ts';
export { registerPostalDeskPages } from './desk-pages.tsx';
export { registerPostalPages } from './pages.tsx';
export type { PostalActivity } from './queries.ts';
export { registerPostalReportPages } from './report-pages.tsx';
export { checkItemNumber, s10CheckDigit } from './rules/item-number.ts';

/**
 * Postal activity of the dossiers received at `unitIds` over a period of Vietnam dates (yyyy-mm-dd, both included), for
 * the indicators: dossiers received by post (channel 'post', by received_at), results returned by post
 * (return_channel 'post', by returned_at), shipments created in the period by direction and current status, and the
 * fees of those shipments in đồng.
 */
export function postalActivity(db: Db, f: { unitIds: number[]; from: string; to: string }): Promise<PostalActivity> {
  return postalActivityOf(db, f);
}
