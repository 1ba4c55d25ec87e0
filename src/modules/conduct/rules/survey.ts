/**
 * Satisfaction surveys (khảo sát sự hài lòng, model M13): what a survey asks and what an answer may hold. Pure: no I/O,
 * no clock (`today` is a parameter). The scale is the dossiers module's four levels (rất hài lòng, hài lòng, bình
 * thường, không hài lòng), the one SIPAS and the national portal use.
 */
import type { FieldError } from '../../../platform/errors.ts';
import type { Text } from '../../../platform/i18n/index.ts';
import { checkContact, cleanText, isYes } from '../../../platform/text/index.ts';
import type { Rating } from '../../dossiers/index.ts';

/** The dossiers module's scale (its `ratings`, best first), restated here so that rules stay free of I/O imports. */
export const ratingLevels = ['rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long'] as const satisfies readonly Rating[];
export type RatingLevel = Rating;

/** What a rating question rates. */
export const aspects = ['service', 'official', 'facilities', 'time', 'information'] as const;
export type Aspect = (typeof aspects)[number];

/** The aspect's name in results, and the question a new survey asks about it (staff may reword it). */
export const aspectLabels: Record<Aspect, Text> = {
  service: { vi: 'Kết quả giải quyết thủ tục', en: 'The outcome of the procedure' },
  official: { vi: 'Thái độ, tinh thần phục vụ của cán bộ', en: 'The official’s attitude and helpfulness' },
  facilities: { vi: 'Cơ sở vật chất, nơi tiếp đón', en: 'Premises and waiting area' },
  time: { vi: 'Thời gian giải quyết', en: 'Time taken' },
  information: { vi: 'Công khai, hướng dẫn thủ tục', en: 'Information and guidance on the procedure' },
};

export const defaultQuestions: Record<Aspect, string> = {
  service: 'Ông/bà đánh giá thế nào về kết quả giải quyết thủ tục hành chính?',
  official: 'Ông/bà đánh giá thế nào về thái độ, tinh thần phục vụ của cán bộ, công chức tiếp nhận và giải quyết?',
  facilities: 'Ông/bà đánh giá thế nào về cơ sở vật chất, nơi ngồi chờ, trang thiết bị tại Bộ phận Một cửa?',
  time: 'Ông/bà đánh giá thế nào về thời gian giải quyết so với quy định?',
  information: 'Ông/bà đánh giá thế nào về việc công khai, hướng dẫn thủ tục hành chính?',
};
export const DEFAULT_TEXT_QUESTION = 'Ông/bà có góp ý gì để cơ quan phục vụ tốt hơn?';

export const respondentKinds = ['citizen', 'business'] as const;
export type RespondentKind = (typeof respondentKinds)[number];

export const TITLE_MIN = 5;
export const TITLE_MAX = 200;
export const LABEL_MAX = 500;
export const TEXT_ANSWER_MAX = 2000;
export const MAX_TEXT_QUESTIONS = 5;
/** A survey runs at most a year (one reporting year). */
export const MAX_SURVEY_DAYS = 366;

export interface SurveyQuestion {
  position: number;
  kind: 'rating' | 'text';
  aspect: Aspect | null;
  label: string;
}

export interface SurveyDraft {
  title: string;
  intro: string | null;
  opensOn: string;
  closesOn: string;
  askOfficial: boolean;
  askProcedure: boolean;
  questions: SurveyQuestion[];
}

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * Checks a new survey from the staff form: a title, a period of real dates (at most a year, not ended before it
 * starts), at least one aspect to rate, each chosen aspect's question (the default wording when left empty) and up to
 * five free-text questions. `aspectsChosen` lists the ticked aspects; `labels` the question texts by field name
 * (`q_<aspect>`, `text_1` … `text_5`). Every bad field is named.
 */
export function checkSurveyDraft(input: Record<string, unknown>): Result<SurveyDraft> {
  const errors: FieldError[] = [];
  const title = cleanText(input.title);
  if ([...title].length < TITLE_MIN || [...title].length > TITLE_MAX) {
    errors.push({
      field: 'title',
      message: { vi: `Tên cuộc khảo sát dài ${TITLE_MIN}–${TITLE_MAX} ký tự`, en: `The title is ${TITLE_MIN}–${TITLE_MAX} characters` },
    });
  }
  const intro = cleanText(input.intro);
  if ([...intro].length > 2000)
    errors.push({ field: 'intro', message: { vi: 'Lời giới thiệu dài tối đa 2000 ký tự', en: 'The introduction is at most 2000 characters' } });
  const opensOn = cleanText(input.opensOn);
  const closesOn = cleanText(input.closesOn);
  if (!isIsoDate(opensOn))
    errors.push({ field: 'opensOn', message: { vi: 'Ngày bắt đầu không hợp lệ (yyyy-mm-dd)', en: 'The first day is not a valid date' } });
  if (!isIsoDate(closesOn))
    errors.push({ field: 'closesOn', message: { vi: 'Ngày kết thúc không hợp lệ (yyyy-mm-dd)', en: 'The last day is not a valid date' } });
  else if (isIsoDate(opensOn) && closesOn < opensOn) {
    errors.push({ field: 'closesOn', message: { vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu', en: 'The last day must not be before the first day' } });
  } else if (isIsoDate(opensOn) && days(opensOn, closesOn) > MAX_SURVEY_DAYS) {
    errors.push({
      field: 'closesOn',
      message: { vi: `Một cuộc khảo sát kéo dài tối đa ${MAX_SURVEY_DAYS} ngày`, en: `A survey runs at most ${MAX_SURVEY_DAYS} days` },
    });
  }
  const chosen = [input.aspects].flat().filter((a): a is Aspect => aspects.includes(a as Aspect));
  const questions: SurveyQuestion[] = [];
  if (chosen.length === 0)
    errors.push({ field: 'aspects', message: { vi: 'Hãy chọn ít nhất một nội dung đánh giá', en: 'Choose at least one aspect to rate' } });
  for (const aspect of aspects) {
    if (!chosen.includes(aspect)) continue;
    const label = cleanText(input[`q_${aspect}`]) || defaultQuestions[aspect];
    if ([...label].length > LABEL_MAX)
      errors.push({ field: `q_${aspect}`, message: { vi: `Câu hỏi dài tối đa ${LABEL_MAX} ký tự`, en: `At most ${LABEL_MAX} characters` } });
    questions.push({ position: questions.length + 1, kind: 'rating', aspect, label });
  }
  for (let i = 1; i <= MAX_TEXT_QUESTIONS; i++) {
    const label = cleanText(input[`text_${i}`]);
    if (!label) continue;
    if ([...label].length < 3 || [...label].length > LABEL_MAX) {
      errors.push({ field: `text_${i}`, message: { vi: `Câu hỏi dài 3–${LABEL_MAX} ký tự`, en: `3–${LABEL_MAX} characters` } });
    }
    questions.push({ position: questions.length + 1, kind: 'text', aspect: null, label });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { title, intro: intro || null, opensOn, closesOn, askOfficial: isYes(input.askOfficial), askProcedure: isYes(input.askProcedure), questions },
  };
}

/** Whether a survey takes online answers on `today` (both days included). */
export function isOpen(s: { opens_on: string; closes_on: string }, today: string): boolean {
  return s.opens_on <= today && today <= s.closes_on;
}

export interface CheckedResponse {
  answers: { position: number; rating: RatingLevel | null; text: string | null }[];
  respondentKind: RespondentKind | null;
  /** The official and the procedure as picked (ids checked against the allowed lists by the caller). */
  officialId: number | null;
  procedureCode: string | null;
  name: string | null;
  contact: { kind: 'phone' | 'email'; value: string } | null;
  consent: boolean;
}

/**
 * Checks one filled survey form (online or typed in from paper): each rating question `r_<position>` one of the four
 * levels or unanswered, each text question `t_<position>` up to 2000 characters kept as typed (shown as text, never as
 * HTML), at least one question answered; an optional name, and an optional phone or e-mail that needs the consent box.
 */
export function checkResponse(questions: SurveyQuestion[], input: Record<string, unknown>): Result<CheckedResponse> {
  const errors: FieldError[] = [];
  const answers: CheckedResponse['answers'] = [];
  for (const q of questions) {
    if (q.kind === 'rating') {
      const raw = cleanText(input[`r_${q.position}`]);
      if (!raw) continue;
      if (!ratingLevels.includes(raw as RatingLevel)) {
        errors.push({ field: `r_${q.position}`, message: { vi: 'Hãy chọn một trong bốn mức đánh giá', en: 'Choose one of the four levels' } });
        continue;
      }
      answers.push({ position: q.position, rating: raw as RatingLevel, text: null });
    } else {
      const text = cleanText(input[`t_${q.position}`]);
      if (!text) continue;
      if ([...text].length > TEXT_ANSWER_MAX) {
        errors.push({
          field: `t_${q.position}`,
          message: { vi: `Câu trả lời dài tối đa ${TEXT_ANSWER_MAX} ký tự`, en: `At most ${TEXT_ANSWER_MAX} characters` },
        });
        continue;
      }
      answers.push({ position: q.position, rating: null, text });
    }
  }
  if (answers.length === 0 && errors.length === 0) {
    const first = questions[0];
    errors.push({
      field: first ? `${first.kind === 'rating' ? 'r' : 't'}_${first.position}` : 'form',
      message: { vi: 'Hãy trả lời ít nhất một câu hỏi', en: 'Answer at least one question' },
    });
  }
  const kindRaw = cleanText(input.respondentKind);
  const respondentKind = respondentKinds.includes(kindRaw as RespondentKind) ? (kindRaw as RespondentKind) : null;
  if (kindRaw && !respondentKind)
    errors.push({ field: 'respondentKind', message: { vi: 'Chọn người dân hoặc doanh nghiệp', en: 'Choose citizen or business' } });
  const officialRaw = cleanText(input.official);
  const officialId = /^[1-9][0-9]{0,15}$/.test(officialRaw) ? Number(officialRaw) : null;
  if (officialRaw && officialId === null)
    errors.push({ field: 'official', message: { vi: 'Hãy chọn cán bộ trong danh sách', en: 'Choose an official from the list' } });
  const procedureRaw = cleanText(input.procedure);
  const procedureCode = /^[0-9]{1,2}\.[0-9]{5,6}$/.test(procedureRaw) ? procedureRaw : null;
  if (procedureRaw && !procedureCode)
    errors.push({ field: 'procedure', message: { vi: 'Hãy chọn thủ tục trong danh sách', en: 'Choose a procedure from the list' } });
  const name = cleanText(input.name);
  if ([...name].length > 200) errors.push({ field: 'name', message: { vi: 'Họ tên dài tối đa 200 ký tự', en: 'The name is at most 200 characters' } });
  const contactText = cleanText(input.contact);
  const consent = isYes(input.consent);
  let contact: CheckedResponse['contact'] = null;
  if (contactText) {
    const c = checkContact(contactText);
    if (c.ok) contact = { kind: c.kind, value: c.value };
    else errors.push({ field: 'contact', message: c.message });
    if (!consent) {
      errors.push({
        field: 'consent',
        message: {
          vi: 'Hãy đánh dấu đồng ý để cơ quan dùng số điện thoại hoặc thư điện tử liên hệ lại về ý kiến của ông/bà',
          en: 'Tick the box to let the office use your phone or e-mail to contact you about your answers',
        },
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { answers, respondentKind, officialId, procedureCode, name: name || null, contact, consent: contact ? consent : false } };
}

export type LevelCounts = Record<RatingLevel, number>;

export interface Satisfaction {
  /** Ratings given (each rating question answered counts once). */
  ratings: number;
  levels: LevelCounts;
  /** (rất hài lòng + hài lòng) ÷ all ratings; null when there is none (shown as "no data", never 0 %). */
  satisfiedShare: number | null;
}

/** Satisfaction figures from the count of each level. */
export function satisfactionOf(levels: Partial<LevelCounts>): Satisfaction {
  const full: LevelCounts = { rat_hai_long: 0, hai_long: 0, binh_thuong: 0, khong_hai_long: 0 };
  for (const l of ratingLevels) full[l] = Number(levels[l] ?? 0);
  const ratings = ratingLevels.reduce((n, l) => n + full[l], 0);
  return { ratings, levels: full, satisfiedShare: ratings > 0 ? (full.rat_hai_long + full.hai_long) / ratings : null };
}

/** A share as Vietnamese people write it ("83,3 %"), or "Không có dữ liệu". */
export function formatShare(share: number | null, lang: 'vi' | 'en' = 'vi'): string {
  if (share === null) return lang === 'en' ? 'No data' : 'Không có dữ liệu';
  const pct = Math.round(share * 1000) / 10;
  return `${lang === 'en' ? pct.toFixed(1) : pct.toFixed(1).replace('.', ',')} %`;
}
