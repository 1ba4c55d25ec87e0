/**
 * Which figures stand behind each reform model in a report (MODELS.md M1 … M15), their Vietnamese labels and how they
 * are written. Pure data and formatting: the figures themselves are computed in figures.ts from the other modules.
 */

/** Every figure a report can carry, as a flat key. A value is null when the period has no data for it. */
export const figureKeys = [
  'dossiers.received',
  'dossiers.settled',
  'dossiers.onTimeRate',
  'dossiers.late',
  'dossiers.overdue',
  'dossiers.sameDay',
  'dossiers.sameDayRate',
  'dossiers.onlineShare',
  'dossiers.ratings',
  'dossiers.satisfiedShare',
  'feedback.received',
  'feedback.answered',
  'feedback.answeredOnTimeRate',
  'feedback.satisfiedShare',
  'dialogues.radio',
  'dialogues.businessCoffee',
  'commitments.open',
  'commitments.overdue',
  'commitments.kept',
  'commitments.keptOnTime',
  'support.total',
  'support.vneid',
  'support.onlineDossier',
  'support.payment',
  'homeVisits.requested',
  'homeVisits.done',
  'homeVisits.priority',
  'postal.receivedByPost',
  'postal.returnedByPost',
  'postal.shipments',
  'postal.delivered',
  'letters.total',
  'letters.sent',
  'letters.apologies',
  'payments.paid',
  'payments.transfer',
  'payments.cashlessRate',
  'conduct.officials',
  'conduct.signed',
  'conduct.surveyRatings',
  'conduct.surveySatisfiedShare',
  'index.total',
  'index.maxWithData',
] as const;
export type FigureKey = (typeof figureKeys)[number];
export type Figures = Record<FigureKey, number | null>;

type Format = 'count' | 'percent' | 'score';

export const figureDefs: Record<FigureKey, { vi: string; en: string; format: Format }> = {
  'dossiers.received': { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received', format: 'count' },
  'dossiers.settled': { vi: 'Hồ sơ đã giải quyết', en: 'Dossiers settled', format: 'count' },
  'dossiers.onTimeRate': { vi: 'Tỷ lệ giải quyết đúng và trước hạn', en: 'Settled on time', format: 'percent' },
  'dossiers.late': { vi: 'Hồ sơ giải quyết quá hạn', en: 'Settled late', format: 'count' },
  'dossiers.overdue': { vi: 'Hồ sơ đang quá hạn cuối kỳ', en: 'Overdue at the end of the period', format: 'count' },
  'dossiers.sameDay': { vi: 'Hồ sơ thuộc diện giải quyết trong ngày', en: 'Same-day dossiers', format: 'count' },
  'dossiers.sameDayRate': { vi: 'Tỷ lệ giải quyết trong ngày', en: 'Settled the same day', format: 'percent' },
  'dossiers.onlineShare': { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Filed online', format: 'percent' },
  'dossiers.ratings': { vi: 'Lượt đánh giá hồ sơ', en: 'Dossier ratings', format: 'count' },
  'dossiers.satisfiedShare': { vi: 'Tỷ lệ hài lòng (đánh giá hồ sơ)', en: 'Satisfied (dossier ratings)', format: 'percent' },
  'feedback.received': { vi: 'Phản ánh, kiến nghị tiếp nhận', en: 'Feedback received', format: 'count' },
  'feedback.answered': { vi: 'Phản ánh, kiến nghị đã trả lời', en: 'Feedback answered', format: 'count' },
  'feedback.answeredOnTimeRate': { vi: 'Tỷ lệ trả lời đúng hạn', en: 'Answered on time', format: 'percent' },
  'feedback.satisfiedShare': { vi: 'Tỷ lệ hài lòng với câu trả lời', en: 'Satisfied with the answers', format: 'percent' },
  'dialogues.radio': { vi: 'Chương trình đối thoại trên sóng phát thanh', en: 'Radio dialogues held', format: 'count' },
  'dialogues.businessCoffee': { vi: 'Buổi Cà phê Doanh nhân đã tổ chức', en: 'Business coffee meetings held', format: 'count' },
  'commitments.open': { vi: 'Cam kết đang thực hiện cuối kỳ', en: 'Commitments open', format: 'count' },
  'commitments.overdue': { vi: 'Cam kết quá hạn', en: 'Commitments overdue', format: 'count' },
  'commitments.kept': { vi: 'Cam kết hoàn thành trong kỳ', en: 'Commitments kept', format: 'count' },
  'commitments.keptOnTime': { vi: 'Cam kết hoàn thành đúng hạn', en: 'Commitments kept on time', format: 'count' },
  'support.total': { vi: 'Lượt người dân được đội hỗ trợ giúp', en: 'People helped by support teams', format: 'count' },
  'support.vneid': { vi: 'Tài khoản VNeID được hỗ trợ tạo', en: 'VNeID accounts created', format: 'count' },
  'support.onlineDossier': { vi: 'Hồ sơ trực tuyến được hỗ trợ nộp', en: 'Online dossiers helped', format: 'count' },
  'support.payment': { vi: 'Lượt hỗ trợ thanh toán trực tuyến', en: 'Online payments helped', format: 'count' },
  'homeVisits.requested': { vi: 'Yêu cầu hẹn tại nhà', en: 'Home-visit requests', format: 'count' },
  'homeVisits.done': { vi: 'Lượt đến tận nhà đã thực hiện', en: 'Home visits done', format: 'count' },
  'homeVisits.priority': { vi: 'Lượt thuộc đối tượng ưu tiên', en: 'Priority-group requests', format: 'count' },
  'postal.receivedByPost': { vi: 'Hồ sơ tiếp nhận qua bưu chính', en: 'Received by post', format: 'count' },
  'postal.returnedByPost': { vi: 'Kết quả trả qua bưu chính', en: 'Results returned by post', format: 'count' },
  'postal.shipments': { vi: 'Bưu gửi đã tạo', en: 'Postal shipments', format: 'count' },
  'postal.delivered': { vi: 'Bưu gửi đã phát thành công', en: 'Shipments delivered', format: 'count' },
  'letters.total': { vi: 'Thư đã lập', en: 'Letters written', format: 'count' },
  'letters.sent': { vi: 'Thư đã gửi', en: 'Letters sent', format: 'count' },
  'letters.apologies': { vi: 'Thư xin lỗi', en: 'Apology letters', format: 'count' },
  'payments.paid': { vi: 'Khoản phí, lệ phí đã thu', en: 'Fees paid', format: 'count' },
  'payments.transfer': { vi: 'Khoản thu không dùng tiền mặt', en: 'Paid cashless', format: 'count' },
  'payments.cashlessRate': { vi: 'Tỷ lệ thanh toán không dùng tiền mặt', en: 'Cashless rate', format: 'percent' },
  'conduct.officials': { vi: 'Cán bộ, công chức', en: 'Officials', format: 'count' },
  'conduct.signed': { vi: 'Đã ký cam kết "4 xin, 4 luôn, 5 không"', en: 'Signed the commitment', format: 'count' },
  'conduct.surveyRatings': { vi: 'Lượt đánh giá qua khảo sát', en: 'Survey ratings', format: 'count' },
  'conduct.surveySatisfiedShare': { vi: 'Tỷ lệ hài lòng (khảo sát)', en: 'Satisfied (surveys)', format: 'percent' },
  'index.total': { vi: 'Điểm Bộ chỉ số phục vụ (QĐ 766)', en: 'Service index score (Decision 766)', format: 'score' },
  'index.maxWithData': { vi: 'Điểm tối đa có dữ liệu', en: 'Points with data', format: 'score' },
};

export const catalogueCodes = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12', 'M13', 'M14', 'M15'] as const;
export type CatalogueCode = (typeof catalogueCodes)[number];

/** The rows of MODELS.md, for headings when a model's own name is not at hand. */
export const catalogueNames: Record<CatalogueCode, string> = {
  M1: 'Bộ phận Một cửa: tiếp nhận, giải quyết và trả kết quả',
  M2: 'Giải quyết trong ngày, không hẹn',
  M3: 'Niêm yết thủ tục hành chính điện tử, phiếu hướng dẫn bằng mã QR',
  M4: 'Công dân không viết',
  M5: 'Máy nhận – trả hồ sơ tự động và đội hỗ trợ dịch vụ công miễn phí',
  M6: 'Hẹn giờ thực hiện thủ tục hành chính tại nhà người dân',
  M7: 'Bưu điện tiếp nhận hồ sơ và trả kết quả',
  M8: 'Tổng đài 1022, tiếp nhận phản ánh, kiến nghị',
  M9: 'Chính quyền đồng hành cùng Nhân dân',
  M10: 'Cà phê Doanh nhân – Doanh nghiệp',
  M11: 'Thư chúc mừng, chia buồn, xin lỗi',
  M12: 'Thanh toán không dùng tiền mặt',
  M13: 'Chính quyền thân thiện: "4 xin, 4 luôn, 5 không", khảo sát sự hài lòng',
  M14: 'Công an hướng về cơ sở',
  M15: 'Quản lý cải cách hành chính: mô hình, báo cáo, chỉ số',
};

/** The figures that matter for each model, in the order the report prints them. */
export const modelFigures: Record<CatalogueCode, readonly FigureKey[]> = {
  M1: ['dossiers.received', 'dossiers.settled', 'dossiers.onTimeRate', 'dossiers.late', 'dossiers.overdue', 'dossiers.onlineShare', 'dossiers.satisfiedShare'],
  M2: ['dossiers.sameDay', 'dossiers.sameDayRate'],
  M3: ['dossiers.onlineShare', 'index.total'],
  M4: ['dossiers.received', 'dossiers.onlineShare', 'support.vneid'],
  M5: ['support.total', 'support.vneid', 'support.onlineDossier', 'support.payment'],
  M6: ['homeVisits.requested', 'homeVisits.done', 'homeVisits.priority'],
  M7: ['postal.receivedByPost', 'postal.returnedByPost', 'postal.shipments', 'postal.delivered'],
  M8: ['feedback.received', 'feedback.answered', 'feedback.answeredOnTimeRate', 'feedback.satisfiedShare'],
  M9: ['dialogues.radio', 'commitments.open', 'commitments.overdue', 'commitments.kept', 'commitments.keptOnTime'],
  M10: ['dialogues.businessCoffee', 'commitments.open', 'commitments.overdue', 'commitments.kept', 'commitments.keptOnTime'],
  M11: ['letters.total', 'letters.sent', 'letters.apologies'],
  M12: ['payments.paid', 'payments.transfer', 'payments.cashlessRate'],
  M13: ['conduct.officials', 'conduct.signed', 'conduct.surveyRatings', 'conduct.surveySatisfiedShare', 'dossiers.satisfiedShare'],
  M14: ['dossiers.received', 'dossiers.settled', 'dossiers.onTimeRate'],
  M15: [
    'index.total',
    'index.maxWithData',
    'dossiers.onTimeRate',
    'dossiers.onlineShare',
    'dossiers.sameDayRate',
    'payments.cashlessRate',
    'feedback.answeredOnTimeRate',
  ],
};

export function isCatalogueCode(s: string): s is CatalogueCode {
  return (catalogueCodes as readonly string[]).includes(s);
}

/** The figures of a model (none for an unknown code). */
export function figuresOf(code: string): readonly FigureKey[] {
  return isCatalogueCode(code) ? modelFigures[code] : [];
}

/** A figure as printed: "12", "87,5 %", "75,25 điểm"; "Không có dữ liệu" (never 0 % or 100 %) when null. */
export function formatFigure(key: FigureKey, value: number | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return lang === 'vi' ? 'Không có dữ liệu' : 'No data';
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const format = figureDefs[key].format;
  if (format === 'percent') return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
  if (format === 'score') return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  return value.toLocaleString(locale, { maximumFractionDigits: 0 });
}
