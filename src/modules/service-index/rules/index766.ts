/**
 * The national service index (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong
 * thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử: Quyết định 766/QĐ-TTg of
 * 23 June 2022, STANDARDS §9): six groups, 100 points.
 *
 * Our reading (check the national portal's current formulas and targets before relying on the points; every
 * sub-indicator, its maximum and its target are data below, changed in one place):
 * - a sub-indicator with a target T scores its maximum when the ratio reaches T, else ratio × maximum ÷ T;
 * - a ratio whose denominator is 0 has no data: it scores nothing and the report says "no data", never 0 % or 100 %;
 *   the total is then out of the points that had data, and says so;
 * - inputs the system cannot know (publication on the national database of procedures) are entered by an
 *   administrator per unit and period, and the report marks them as entered by hand.
 *
 * Pure module: no I/O, no clock.
 */
import type { Text } from '../../../platform/i18n/index.ts';

export const indexGroups = [
  { group: 1, name: { vi: 'Công khai, minh bạch', en: 'Transparency' }, max: 18 },
  { group: 2, name: { vi: 'Tiến độ giải quyết', en: 'Processing progress' }, max: 20 },
  { group: 3, name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' }, max: 12 },
  { group: 4, name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' }, max: 10 },
  { group: 5, name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, max: 18 },
  { group: 6, name: { vi: 'Số hóa hồ sơ', en: 'Digitisation' }, max: 22 },
] as const;

/** The counts the index is computed from, for a set of units over a period. */
export interface IndexInputs {
  /** The units' procedures (unit_procedures) and those with a version published and in force. */
  procedures: { listed: number; publishedInForce: number };
  dossiers: {
    received: number;
    settled: { total: number; early: number; onTime: number; late: number };
    inProgress: { onTime: number; overdue: number };
    online: number;
    /** Received dossiers owing a fee (dossier_fees with an amount), and of those the ones paid online. */
    withFees: number;
    paidOnline: number;
    /** Received dossiers with an electronic result. */
    electronicResult: number;
    reusedDocuments: number;
    digitised: number;
    /** Received dossiers whose applicant is identified by the 12-digit personal number (population database). */
    personalNumber: number;
    ratings: { total: number; dissatisfied: number };
  };
  feedback: { answered: number; answeredOnTime: number; published: number };
  /** Ratios an administrator entered for the unit and period (0–1), by sub-indicator code. */
  manual: Record<string, number>;
}

export interface IndicatorDef {
  code: string;
  group: number;
  name: Text;
  max: number;
  /** Target ratio T (0–1). */
  target: number;
  source: 'system' | 'manual';
  formula: string;
  /** numerator/denominator from the inputs; manual ones read `manual[code]`. */
  ratio(i: IndexInputs): { numerator: number; denominator: number } | null;
}

const pair = (numerator: number, denominator: number) => ({ numerator, denominator });

export const indicatorDefs: readonly IndicatorDef[] = [
  {
    code: '1.1',
    group: 1,
    name: { vi: 'TTHC của đơn vị được công bố, công khai đầy đủ (đang có hiệu lực)', en: 'Procedures published and in force' },
    max: 6,
    target: 1,
    source: 'system',
    formula: 'TTHC có phiên bản đã công bố, đang hiệu lực ÷ TTHC thuộc thẩm quyền của đơn vị',
    ratio: (i) => pair(i.procedures.publishedInForce, i.procedures.listed),
  },
  {
    code: '1.2',
    group: 1,
    name: { vi: 'Công khai TTHC trên Cơ sở dữ liệu quốc gia về TTHC', en: 'Published on the national procedures database' },
    max: 6,
    target: 1,
    source: 'manual',
    formula: 'Tỷ lệ do quản trị viên nhập theo số liệu Cổng Dịch vụ công quốc gia (ngoài hệ thống)',
    ratio: () => null,
  },
  {
    code: '1.3',
    group: 1,
    name: { vi: 'Kết quả trả lời phản ánh, kiến nghị được công khai', en: 'Feedback answers published' },
    max: 6,
    target: 1,
    source: 'system',
    formula: 'Phản ánh, kiến nghị đã công khai câu trả lời trong kỳ ÷ phản ánh, kiến nghị đã trả lời trong kỳ',
    ratio: (i) => pair(Math.min(i.feedback.published, i.feedback.answered), i.feedback.answered),
  },
  {
    code: '2.1',
    group: 2,
    name: { vi: 'Hồ sơ giải quyết, đang giải quyết đúng hạn', en: 'Dossiers settled or in progress on time' },
    max: 20,
    target: 1,
    source: 'system',
    formula: '(Hồ sơ giải quyết trước hạn, đúng hạn + hồ sơ đang giải quyết trong hạn) ÷ (hồ sơ đã giải quyết + đang giải quyết trong kỳ)',
    ratio: (i) => {
      const d = i.dossiers;
      return pair(d.settled.early + d.settled.onTime + d.inProgress.onTime, d.settled.total + d.inProgress.onTime + d.inProgress.overdue);
    },
  },
  {
    code: '3.1',
    group: 3,
    name: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers filed online' },
    max: 12,
    target: 1,
    source: 'system',
    formula: 'Hồ sơ tiếp nhận trực tuyến trong kỳ ÷ hồ sơ tiếp nhận trong kỳ',
    ratio: (i) => pair(i.dossiers.online, i.dossiers.received),
  },
  {
    code: '4.1',
    group: 4,
    name: { vi: 'Hồ sơ thanh toán phí, lệ phí trực tuyến', en: 'Fees paid online' },
    max: 10,
    target: 1,
    source: 'system',
    formula: 'Hồ sơ có phí, lệ phí đã thanh toán trực tuyến ÷ hồ sơ có phí, lệ phí tiếp nhận trong kỳ',
    ratio: (i) => pair(i.dossiers.paidOnline, i.dossiers.withFees),
  },
  {
    code: '5.1',
    group: 5,
    name: { vi: 'Phản ánh, kiến nghị được xử lý đúng hạn', en: 'Feedback answered on time' },
    max: 6,
    target: 1,
    source: 'system',
    formula: 'Phản ánh, kiến nghị trả lời đúng hạn trong kỳ ÷ phản ánh, kiến nghị đã trả lời trong kỳ',
    ratio: (i) => pair(i.feedback.answeredOnTime, i.feedback.answered),
  },
  {
    code: '5.2',
    group: 5,
    name: { vi: 'Mức độ hài lòng: 100 % − (tỷ lệ hồ sơ trễ hạn + tỷ lệ đánh giá không hài lòng)', en: 'Satisfaction: 100 % − (late rate + dislike rate)' },
    max: 12,
    target: 1,
    source: 'system',
    formula: '1 − (hồ sơ giải quyết quá hạn ÷ hồ sơ đã giải quyết + đánh giá "không hài lòng" ÷ số đánh giá); không âm',
    ratio: (i) => {
      const d = i.dossiers;
      if (d.settled.total === 0 && d.ratings.total === 0) return null;
      const late = d.settled.total > 0 ? d.settled.late / d.settled.total : 0;
      const dislike = d.ratings.total > 0 ? d.ratings.dissatisfied / d.ratings.total : 0;
      // Expressed over 10,000 so the pair stays whole numbers for the table.
      return pair(Math.round(Math.max(0, 1 - (late + dislike)) * 10_000), 10_000);
    },
  },
  {
    code: '6.1',
    group: 6,
    name: { vi: 'Hồ sơ trả kết quả điện tử', en: 'Electronic results' },
    max: 8,
    target: 1,
    source: 'system',
    formula: 'Hồ sơ tiếp nhận trong kỳ được trả kết quả điện tử ÷ hồ sơ tiếp nhận trong kỳ',
    ratio: (i) => pair(i.dossiers.electronicResult, i.dossiers.received),
  },
  {
    code: '6.2',
    group: 6,
    name: { vi: 'Hồ sơ được số hóa, tái sử dụng giấy tờ đã số hóa', en: 'Digitised dossiers reusing documents' },
    max: 7,
    target: 1,
    source: 'system',
    formula: 'Hồ sơ tiếp nhận có tái sử dụng giấy tờ đã số hóa ÷ hồ sơ tiếp nhận trong kỳ',
    ratio: (i) => pair(i.dossiers.reusedDocuments, i.dossiers.received),
  },
  {
    code: '6.3',
    group: 6,
    name: { vi: 'Hồ sơ khai thác Cơ sở dữ liệu quốc gia về dân cư', en: 'Dossiers using the population database' },
    max: 7,
    target: 1,
    source: 'system',
    formula: 'Hồ sơ tiếp nhận có số định danh cá nhân 12 chữ số của người nộp ÷ hồ sơ tiếp nhận trong kỳ',
    ratio: (i) => pair(i.dossiers.personalNumber, i.dossiers.received),
  },
];

export interface IndicatorScore {
  code: string;
  group: number;
  name: Text;
  source: 'system' | 'manual';
  formula: string;
  max: number;
  target: number;
  numerator: number | null;
  denominator: number | null;
  /** null: no data (denominator 0, or a manual input not entered). */
  ratio: number | null;
  score: number | null;
}

export interface IndexResult {
  indicators: IndicatorScore[];
  groups: { group: number; name: Text; max: number; score: number; maxWithData: number }[];
  total: number;
  /** The points of the sub-indicators that had data: the total is out of this (100 when everything had data). */
  maxWithData: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Scores every sub-indicator, the six groups and the total. */
export function computeIndex(inputs: IndexInputs, defs: readonly IndicatorDef[] = indicatorDefs): IndexResult {
  const indicators = defs.map((d): IndicatorScore => {
    let numerator: number | null = null;
    let denominator: number | null = null;
    let ratio: number | null = null;
    if (d.source === 'manual') {
      const v = inputs.manual[d.code];
      if (v !== undefined && Number.isFinite(v)) ratio = Math.min(1, Math.max(0, v));
    } else {
      const p = d.ratio(inputs);
      if (p) {
        numerator = p.numerator;
        denominator = p.denominator;
        ratio = p.denominator > 0 ? p.numerator / p.denominator : null;
      }
    }
    const score = ratio === null ? null : round2(ratio >= d.target ? d.max : (ratio * d.max) / d.target);
    return {
      code: d.code,
      group: d.group,
      name: d.name,
      source: d.source,
      formula: d.formula,
      max: d.max,
      target: d.target,
      numerator,
      denominator,
      ratio,
      score,
    };
  });
  const groups = indexGroups.map((g) => {
    const mine = indicators.filter((x) => x.group === g.group);
    return {
      group: g.group,
      name: g.name,
      max: g.max,
      score: round2(mine.reduce((a, x) => a + (x.score ?? 0), 0)),
      maxWithData: mine.reduce((a, x) => a + (x.score === null ? 0 : x.max), 0),
    };
  });
  return {
    indicators,
    groups,
    total: round2(groups.reduce((a, g) => a + g.score, 0)),
    maxWithData: groups.reduce((a, g) => a + g.maxWithData, 0),
  };
}
