import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/pool.ts';
import { one } from '../../../platform/db/query.ts';
import { DEFAULT_ANSWER_DAYS, DEFAULT_CLASSIFY_DAYS } from './receive-feedback.ts';

/**
 * Demo feedback categories (time limits of Nghị định 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP: classify within 3
 * working days, answer within 10, warn 2 ahead; no responsible unit: the commune of the place answers) and leaders'
 * hotline numbers of a few demo units (invented names and numbers). Skips what exists.
 */
const categories = [
  { code: 'moi-truong', name: 'Môi trường', nameEn: 'Environment', keywords: 'rác, nước thải, ô nhiễm, tiếng ồn, khói bụi' },
  { code: 'dat-dai', name: 'Đất đai', nameEn: 'Land', keywords: 'đất, lấn chiếm, ranh giới, sổ đỏ' },
  { code: 'giao-thong', name: 'Giao thông', nameEn: 'Roads and traffic', keywords: 'đường, ổ gà, đèn đường, cầu, đèn tín hiệu' },
  { code: 'trat-tu-do-thi', name: 'Trật tự đô thị', nameEn: 'Urban order', keywords: 'vỉa hè, lấn chiếm lòng đường, xây dựng trái phép, quảng cáo' },
  { code: 'thu-tuc-hanh-chinh', name: 'Thủ tục hành chính', nameEn: 'Administrative procedures', keywords: 'hồ sơ, thủ tục, một cửa, trễ hẹn' },
];

const hotlines = [
  { unit: 'dong-thap', name: 'Lê Minh Hoàng', title: 'Chủ tịch UBND tỉnh (số trình diễn)', phone: '0277 3851 001', email: null },
  { unit: 'dong-thap', name: 'Phan Thị Kim Liên', title: 'Chánh Văn phòng UBND tỉnh (số trình diễn)', phone: '0277 3851 002', email: null },
  { unit: 'cao-lanh', name: 'Trần Văn Phúc', title: 'Phó Chủ tịch UBND thành phố (số trình diễn)', phone: '0277 3852 101', email: null },
  { unit: 'cao-lanh-phuong-1', name: 'Nguyễn Thị Bích Vân', title: 'Chủ tịch UBND Phường 1 (số trình diễn)', phone: '0277 3853 201', email: null },
];

export async function loadDemoFeedback(tx: Db): Promise<{ feedbackCategories: number; hotlines: number }> {
  let made = 0;
  for (const [i, c] of categories.entries()) {
    const r = await one(
      tx,
      sql`INSERT INTO feedback_categories (code, name, name_en, keywords, classify_days, answer_days, warn_days, position)
          VALUES (${c.code}, ${c.name}, ${c.nameEn}, ${c.keywords}, ${DEFAULT_CLASSIFY_DAYS}, ${DEFAULT_ANSWER_DAYS}, 2, ${(i + 1) * 10})
          ON CONFLICT (code) DO NOTHING RETURNING id`,
    );
    if (r) made++;
  }
  let lines = 0;
  for (const [i, h] of hotlines.entries()) {
    const r = await one(
      tx,
      sql`INSERT INTO unit_hotlines (unit_id, name, title, phone, email, position)
          SELECT u.id, ${h.name}, ${h.title}, ${h.phone}, ${h.email}::text, ${i} FROM units u
          WHERE u.code = ${h.unit} AND NOT EXISTS (SELECT 1 FROM unit_hotlines x WHERE x.unit_id = u.id AND x.phone = ${h.phone})
          RETURNING id`,
    );
    if (r) lines++;
  }
  return { feedbackCategories: made, hotlines: lines };
}
