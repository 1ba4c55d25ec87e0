/**
 * Which settled dossiers mean which event, by national procedure code (mã thủ tục, Cổng Dịch vụ công quốc gia). Kept as
 * data: a province adds a code here (and in the docs) without touching the sweep. The codes are those of the demo
 * catalogue (src/modules/procedures/demo/procedures.json). Re-registrations (đăng ký lại) are left out on purpose: they
 * are not a new event in the family.
 */
import type { EventKind, LetterKind } from './kinds.ts';

export interface DossierEvent {
  event: Extract<EventKind, 'marriage' | 'birth' | 'death'>;
  kind: LetterKind;
  codes: readonly string[];
  /** {su_kien} of the proposed letter. */
  eventText: string;
}

export const dossierEvents: readonly DossierEvent[] = [
  {
    event: 'marriage',
    kind: 'congratulation_marriage',
    // Đăng ký kết hôn; Đăng ký kết hôn có yếu tố nước ngoài.
    codes: ['1.000894', '2.000806'],
    eventText: 'đăng ký kết hôn',
  },
  {
    event: 'birth',
    kind: 'congratulation_birth',
    // Đăng ký khai sinh; … kết hợp nhận cha, mẹ, con; … có yếu tố nước ngoài; liên thông khai sinh – thường trú – BHYT.
    codes: ['1.001193', '1.000689', '2.000528', '3.000722'],
    eventText: 'gia đình đón thành viên mới và đăng ký khai sinh cho cháu',
  },
  {
    event: 'death',
    kind: 'condolence',
    // Đăng ký khai tử; liên thông khai tử – xóa thường trú – mai táng phí.
    codes: ['1.000656', '2.002913'],
    eventText: 'gia đình có người thân qua đời',
  },
];

/** How far back the sweep looks for settled dossiers (a first run on old data proposes nothing older). */
export const LOOKBACK_DAYS = 60;

/** {su_kien} of an apology for a dossier settled late or extended (văn bản xin lỗi và gia hạn), around the procedure name and code. */
export const apologyText = {
  before: 'việc giải quyết hồ sơ ',
  middle: ' (mã hồ sơ ',
  after: ') của ông/bà không bảo đảm đúng ngày hẹn trả kết quả',
} as const;

/** The apology's {su_kien} for one dossier: "việc giải quyết hồ sơ Đăng ký khai sinh (mã hồ sơ …) của ông/bà …". */
export const apologyEventText = (procedureName: string, code: string): string =>
  `${apologyText.before}${procedureName}${apologyText.middle}${code}${apologyText.after}`;

/** The source reference of a dossier event: one letter per dossier and event, ever. */
export const dossierSourceRef = (dossierId: number, event: EventKind): string => `dossier:${dossierId}:${event}`;

/** The source reference of a business's good news: one letter per tax code and event date. */
export const businessSourceRef = (taxCode: string, day: string): string => `tax:${taxCode}:${day}`;
