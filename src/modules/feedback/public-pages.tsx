/**
 * The public side of feedback (phản ánh, kiến nghị; models M8): the web form with photos and place, the digital
 * suggestion box (hộp thư góp ý, seed 004), tracking by code with the sender's rating and one request for review, the
 * published answers (searchable, with an Atom feed) and the leaders' hotline numbers. Every page works without
 * JavaScript and at 320 px; /static/feedback-form.js only fills the coordinates from the device and checks photos
 * before upload. Public pages never show the sender's description, contact, address or coordinates: only the
 * official's public text and the answer.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { sniffScanMime } from '../../platform/documents/file-type.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/server.ts';
import type { Text } from '../../platform/i18n/index.ts';
import { cleanText, normaliseShortCode } from '../../platform/text/index.ts';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors, Pagination, RobotTrap, Select, TextArea } from '../../web/components.tsx';
import { type PageContext, tr } from '../../web/context.ts';
import { Layout, renderPage } from '../../web/layout.tsx';
import { formErrors, html, pageContext, redirectWithFlash } from '../../web/page.ts';
import { type Rating, ratingLabels, ratings } from '../dossiers/index.ts';
import { findUnitByCode, isTerritorial, listUnits } from '../units/index.ts';
import { atomFeed } from './atom.ts';
import { rateFeedback } from './commands/rate-feedback.ts';
import { receiveFeedback } from './commands/receive-feedback.ts';
import { REOPEN_REASON_MAX, reopenFeedback } from './commands/reopen-feedback.ts';
import { FEEDBACK_BASE, FORM_RATE_LIMIT, LOOKUP_RATE_LIMIT, mustTrack, publicActor, SENDER_RATE_LIMIT, trackPath } from './public-api.ts';
import {
  findPublished,
  type HotlineRow,
  latestPublished,
  listHotlines,
  type PublicEvent,
  type PublishedFeedback,
  publicEventsOf,
  publishedFacets,
  searchPublished,
  type TrackedFeedback,
  unitsWithHotlines,
} from './public-queries.ts';
import { listCategories } from './queries.ts';
import { checkFeedback, DESCRIPTION_MAX, type FeedbackInput } from './rules/intake.ts';
import { type FeedbackChannel, feedbackKinds, feedbackStatusLabels, kindLabels, mayReopen } from './rules/lifecycle.ts';

export const SEND_PATH = `${FEEDBACK_BASE}/gui`;
export const BOX_PATH = '/hop-thu-gop-y';
export const HOTLINE_PATH = '/duong-day-nong';
export const LOOKUP_PATH = `${FEEDBACK_BASE}/tra-cuu`;
const SENT_PATH = `${FEEDBACK_BASE}/da-gui`;
const FEED_PATH = `${FEEDBACK_BASE}/atom.xml`;

/** Photos and documents sent with feedback: JPEG, PNG or PDF by content, each at most 5 MB, at most 3. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 3;
const PAGE_SIZE = 20;
const FEED_SIZE = 50;
const KEY_RE = /^[A-Za-z0-9_-]{8,200}$/;
const UNIT_RE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const LIST_RATE_LIMIT = { max: 60, timeWindow: 60 * 1000 };

const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().normalize('NFC').slice(0, max) : '');
const pageOf = (v: unknown): number => Math.min(10_000, Math.max(1, Number.parseInt(str(v), 10) || 1));
const t = (ctx: PageContext, text: Text) => tr(ctx, text.vi, text.en);

/** A moment as a Vietnamese calendar date, dd/mm/yyyy (Vietnam time, UTC+7). */
export function fmtDate(v: Date | string | null): string {
  if (!v) return '';
  const local = new Date(new Date(v).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/** The search box's text: NFC, punctuation made spaces, at most 100 characters; null when nothing is left. */
function searchText(raw: string): string | null {
  const text = raw
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return text || null;
}

const categoryName = (ctx: PageContext, c: { category_name: string | null; category_name_en: string | null }) =>
  ctx.lang === 'en' && c.category_name_en ? c.category_name_en : c.category_name;

// ---------- the form (web and suggestion box) ----------

interface FormValues {
  kind: string;
  category: string;
  title: string;
  description: string;
  place: string;
  address: string;
  lat: string;
  lng: string;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
  key: string;
  /** The unit the sender addressed (?unit=<code>), kept in a hidden field. */
  unit: string;
}

interface FormOptions {
  categories: { code: string; label: string }[];
  places: { code: string; label: string }[];
  addressed: { code: string; name: string } | null;
  box: boolean;
}

function photoMessages(ctx: PageContext) {
  return {
    size: tr(ctx, 'Tệp lớn hơn 5 MB', 'The file is larger than 5 MB'),
    type: tr(ctx, 'Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF', 'Only JPEG or PNG photos or PDF files'),
    count: tr(ctx, `Chỉ gửi tối đa ${PHOTO_MAX_COUNT} tệp`, `At most ${PHOTO_MAX_COUNT} files`),
    empty: tr(ctx, 'Tệp rỗng', 'The file is empty'),
  };
}

function FeedbackFormPage(props: { ctx: PageContext; values: FormValues; errors: FormErrors; options: FormOptions }) {
  const { ctx, values: v, errors, options } = props;
  const action = options.box ? BOX_PATH : SEND_PATH;
  const heading = options.box ? tr(ctx, 'Hộp thư góp ý điện tử', 'Digital suggestion box') : tr(ctx, 'Gửi phản ánh, kiến nghị', 'Send feedback');
  const msgs = photoMessages(ctx);
  const photoErr = errors.photos;
  return (
    <Layout ctx={ctx} title={heading}>
      <p class="muted">
        <a href={FEEDBACK_BASE}>{tr(ctx, '← Phản ánh, kiến nghị', '← Feedback')}</a>
      </p>
      <h1>{heading}</h1>
      {options.box ? (
        <p>
          {tr(
            ctx,
            'Góp ý của ông/bà về thái độ phục vụ, thủ tục, cách làm việc của cơ quan được chuyển đến lãnh đạo đơn vị. Không cần đăng nhập, có thể gửi ẩn danh.',
            'Your suggestions about service, procedures and the way the office works go to the unit’s leaders. No sign-in needed; you may stay anonymous.',
          )}
        </p>
      ) : (
        <p>
          {tr(
            ctx,
            'Phản ánh về việc ở địa phương (đường hư, rác thải, chiếu sáng, trật tự…) hoặc kiến nghị về quy định hành chính. Không cần đăng nhập, có thể gửi ẩn danh. Sau khi gửi, ông/bà nhận một mã để theo dõi và đánh giá câu trả lời.',
            'Report a local problem (damaged road, rubbish, street lights, public order…) or propose a change to an administrative rule. No sign-in needed; you may stay anonymous. You get a code to follow the answer and rate it.',
          )}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={`${action}?_csrf=${encodeURIComponent(ctx.csrf)}`}
        enctype="multipart/form-data"
        novalidate
        class="fb-form"
        data-max-file={String(PHOTO_MAX_BYTES)}
        data-max-count={String(PHOTO_MAX_COUNT)}
        data-msg-size={msgs.size}
        data-msg-type={msgs.type}
        data-msg-count={msgs.count}
        data-msg-empty={msgs.empty}
        data-msg-summary={tr(ctx, 'Có lỗi cần sửa', 'There is a problem')}
        data-msg-locating={tr(ctx, 'Đang lấy vị trí…', 'Finding your position…')}
        data-msg-located={tr(ctx, 'Đã điền vĩ độ và kinh độ theo vị trí hiện tại.', 'Latitude and longitude filled in from your position.')}
        data-msg-geo-error={tr(
          ctx,
          'Không lấy được vị trí: hãy cho phép trình duyệt dùng vị trí, hoặc nhập địa chỉ.',
          'Could not get your position: allow location access, or type the address.',
        )}
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="key" value={v.key} />
        {options.addressed && <input type="hidden" name="unit" value={options.addressed.code} />}
        {options.addressed && (
          <p>
            {tr(ctx, 'Gửi đến', 'To')}: <strong>{options.addressed.name}</strong>
          </p>
        )}
        <Select
          name="kind"
          label={tr(ctx, 'Loại', 'Kind')}
          value={v.kind}
          errors={errors}
          options={feedbackKinds.map((k) => ({ value: k, label: t(ctx, kindLabels[k]) }))}
        />
        <Select
          name="category"
          label={tr(ctx, 'Lĩnh vực', 'Category')}
          value={v.category}
          errors={errors}
          options={[
            { value: '', label: tr(ctx, '— Không rõ hoặc lĩnh vực khác —', '— Not sure, or other —') },
            ...options.categories.map((c) => ({ value: c.code, label: c.label })),
          ]}
        />
        <Field name="title" label={tr(ctx, 'Tiêu đề (không bắt buộc)', 'Title (optional)')} value={v.title} errors={errors} maxLength={200} />
        <TextArea
          name="description"
          label={tr(ctx, 'Nội dung', 'What it is about')}
          hint={tr(
            ctx,
            `Từ 10 đến ${DESCRIPTION_MAX} ký tự. Nội dung này chỉ cơ quan xử lý xem được, không công khai.`,
            `10 to ${DESCRIPTION_MAX} characters. Only the office handling it sees this text; it is not published.`,
          )}
          value={v.description}
          errors={errors}
          rows={7}
          required
        />
        <fieldset class="qa-contact">
          <legend>{tr(ctx, 'Nơi xảy ra sự việc (không bắt buộc)', 'Where it is (optional)')}</legend>
          <Select
            name="place"
            label={tr(ctx, 'Xã, phường', 'Commune or ward')}
            value={v.place}
            errors={errors}
            options={[{ value: '', label: tr(ctx, '— Chọn xã, phường —', '— Choose —') }, ...options.places.map((u) => ({ value: u.code, label: u.label }))]}
          />
          <Field
            name="address"
            label={tr(ctx, 'Địa chỉ, địa điểm', 'Address or place')}
            hint={tr(ctx, 'vd. trước số 12 đường Lê Lợi, khóm 3', 'e.g. in front of 12 Lê Lợi street, block 3')}
            value={v.address}
            errors={errors}
            maxLength={300}
          />
          <Field
            name="lat"
            label={tr(ctx, 'Vĩ độ', 'Latitude')}
            hint={tr(ctx, 'vd. 10.4602', 'e.g. 10.4602')}
            value={v.lat}
            errors={errors}
            inputmode="decimal"
            maxLength={20}
          />
          <Field
            name="lng"
            label={tr(ctx, 'Kinh độ', 'Longitude')}
            hint={tr(ctx, 'vd. 105.6329', 'e.g. 105.6329')}
            value={v.lng}
            errors={errors}
            inputmode="decimal"
            maxLength={20}
          />
          <p>
            <button type="button" class="secondary" id="fb-locate" hidden>
              {tr(ctx, 'Dùng vị trí hiện tại', 'Use my current position')}
            </button>
          </p>
          <p class="hint" id="fb-locate-status" role="status" aria-live="polite"></p>
        </fieldset>
        <div class={`field${photoErr ? ' has-error' : ''}`}>
          <label for="f-photos">{tr(ctx, 'Ảnh, tài liệu kèm theo (không bắt buộc)', 'Photos or documents (optional)')}</label>
          <p class="hint" id="f-photos-hint">
            {tr(
              ctx,
              `Tối đa ${PHOTO_MAX_COUNT} tệp ảnh JPEG, PNG hoặc PDF, mỗi tệp tối đa 5 MB.`,
              `Up to ${PHOTO_MAX_COUNT} JPEG or PNG photos or PDF files, at most 5 MB each.`,
            )}
            {Object.keys(errors).length > 0 &&
              tr(ctx, ' Trình duyệt không gửi lại tệp đã chọn: hãy chọn lại.', ' Browsers do not send chosen files again: choose them again.')}
          </p>
          {photoErr && (
            <p class="error" id="f-photos-error">
              {photoErr}
            </p>
          )}
          <input
            type="file"
            id="f-photos"
            name="photos"
            multiple
            accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
            aria-invalid={photoErr ? 'true' : undefined}
            aria-describedby={['f-photos-hint', photoErr ? 'f-photos-error' : ''].filter(Boolean).join(' ')}
          />
        </div>
        <fieldset class="qa-contact">
          <legend>{tr(ctx, 'Thông tin liên hệ (không bắt buộc)', 'Your contact details (optional)')}</legend>
          <p class="hint">
            {tr(
              ctx,
              'Để trống để gửi ẩn danh. Nếu ghi, họ tên, số điện thoại và thư điện tử chỉ cán bộ xử lý xem được, chỉ để xử lý và báo câu trả lời, không bao giờ công khai.',
              'Leave empty to stay anonymous. If given, your name, phone and e-mail are seen only by the staff handling this, used only to handle it and send you the answer, and never published.',
            )}
          </p>
          <Field name="name" label={tr(ctx, 'Họ và tên', 'Full name')} value={v.name} errors={errors} autocomplete="name" maxLength={200} />
          <Field
            name="phone"
            label={tr(ctx, 'Số điện thoại', 'Phone')}
            hint={tr(ctx, 'vd. 0912 345 678', 'e.g. 0912 345 678')}
            value={v.phone}
            errors={errors}
            type="tel"
            autocomplete="tel"
            maxLength={30}
          />
          <Field name="email" label={tr(ctx, 'Thư điện tử', 'E-mail')} value={v.email} errors={errors} type="email" autocomplete="email" maxLength={254} />
          <Checkbox
            name="consent"
            checked={v.consent}
            errors={errors}
            label={tr(
              ctx,
              'Tôi đồng ý để cơ quan dùng họ tên, số điện thoại, thư điện tử trên để xử lý và trả lời phản ánh này (Luật Bảo vệ dữ liệu cá nhân).',
              'I agree that the office uses the name, phone and e-mail above to handle and answer this feedback (Personal Data Protection Law).',
            )}
          />
        </fieldset>
        <RobotTrap ctx={ctx} />
        <button type="submit" class="large">
          {options.box ? tr(ctx, 'Gửi góp ý', 'Send the suggestion') : tr(ctx, 'Gửi phản ánh', 'Send')}
        </button>
      </form>
      <script src="/static/feedback-form.js" defer />
    </Layout>
  );
}

function DroppedPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đã nhận', 'Received')}>
      <h1>{tr(ctx, 'Đã nhận', 'Received')}</h1>
      <p>{tr(ctx, 'Cảm ơn ông/bà.', 'Thank you.')}</p>
    </Layout>
  );
}

function SentPage(props: { ctx: PageContext; item: TrackedFeedback }) {
  const { ctx, item } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Đã gửi phản ánh ${item.code}`, `Feedback ${item.code} sent`)}>
      <div class="sub-done" role="status">
        <h1>{tr(ctx, 'Đã gửi thành công', 'Sent')}</h1>
        <p>{tr(ctx, 'Mã phản ánh của ông/bà', 'Your feedback code')}</p>
        <p class="sub-code fb-code">{item.code}</p>
      </div>
      <p>
        {tr(
          ctx,
          'Hãy ghi lại mã này: chỉ người giữ mã mới xem được tiến độ, đánh giá câu trả lời và đề nghị xem xét lại.',
          'Note this code: only its holder can follow the progress, rate the answer and ask for a review.',
        )}
      </p>
      <dl class="facts">
        <dt>{tr(ctx, 'Đơn vị xử lý', 'Handled by')}</dt>
        <dd class="fb-unit">{item.unit_name}</dd>
        <dt>{tr(ctx, 'Ngày tiếp nhận', 'Received on')}</dt>
        <dd>{fmtDate(item.received_at)}</dd>
        <dt>{tr(ctx, 'Hạn trả lời', 'Answer due by')}</dt>
        <dd>
          <strong class="fb-due">{fmtDate(item.answer_due_at)}</strong>
        </dd>
        {item.attachment_count > 0 && (
          <>
            <dt>{tr(ctx, 'Tệp kèm theo', 'Files attached')}</dt>
            <dd>{item.attachment_count}</dd>
          </>
        )}
      </dl>
      <p>
        <a class="button" href={trackPath(item.code)}>
          {tr(ctx, 'Theo dõi phản ánh này', 'Follow this feedback')}
        </a>
      </p>
    </Layout>
  );
}

// ---------- tracking ----------

const eventLabels: Record<string, Text> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã phân loại', en: 'Classified' },
  assigned: { vi: 'Đã giao cán bộ xử lý', en: 'Assigned to an official' },
  started: { vi: 'Bắt đầu xử lý', en: 'Handling started' },
  transferred: { vi: 'Chuyển đơn vị có thẩm quyền xử lý', en: 'Passed to the competent unit' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Kết thúc', en: 'Closed' },
  rejected: { vi: 'Không thuộc phạm vi xử lý', en: 'Out of scope' },
  merged: { vi: 'Gộp với phản ánh trùng', en: 'Merged with a duplicate' },
  reopened: { vi: 'Người gửi đề nghị xem xét lại', en: 'The sender asked for a review' },
  escalated: { vi: 'Báo cáo cấp trên do quá hạn', en: 'Reported to the higher level as late' },
  published: { vi: 'Câu trả lời được công khai', en: 'The answer was published' },
  unpublished: { vi: 'Thôi công khai câu trả lời', en: 'The answer was withdrawn from publication' },
  notified: { vi: 'Đã gửi thông báo cho người gửi', en: 'The sender was notified' },
};

/** Events the sender may see: public ones, never notes; a transfer shows without its text (its reason is internal). */
function visibleEvents(events: PublicEvent[]): { at: Date | string; label: Text; text: string | null }[] {
  return events
    .filter((e) => e.kind !== 'note' && e.kind !== 'rated' && e.kind !== 'warned')
    .map((e) => ({
      at: e.at,
      label: eventLabels[e.kind] ?? { vi: e.kind, en: e.kind },
      text: e.kind === 'transferred' ? null : e.public_text,
    }));
}

interface TrackExtras {
  errors: FormErrors;
  reason: string;
}

function TrackPage(props: { ctx: PageContext; item: TrackedFeedback; events: PublicEvent[]; extras: TrackExtras }) {
  const { ctx, item, extras } = props;
  const answered = item.status === 'answered' || item.status === 'closed';
  const canRate = answered && item.rating === null;
  const canReopen = mayReopen({ status: item.status, reopenCount: item.reopen_count }) && item.rating === 'khong_hai_long';
  const cat = categoryName(ctx, item);
  const errors = extras.errors;
  return (
    <Layout ctx={ctx} title={tr(ctx, `Phản ánh ${item.code}`, `Feedback ${item.code}`)}>
      <p class="muted">
        <a href={FEEDBACK_BASE}>{tr(ctx, '← Phản ánh, kiến nghị', '← Feedback')}</a>
      </p>
      <h1>{tr(ctx, 'Theo dõi phản ánh, kiến nghị', 'Follow your feedback')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="facts">
        <dt>{tr(ctx, 'Mã phản ánh', 'Code')}</dt>
        <dd>
          <span class="qa-code">{item.code}</span>
        </dd>
        <dt>{tr(ctx, 'Loại', 'Kind')}</dt>
        <dd>
          {t(ctx, kindLabels[item.kind])}
          {cat ? ` · ${cat}` : ''}
        </dd>
        <dt>{tr(ctx, 'Tình trạng', 'Status')}</dt>
        <dd class="fb-status">{t(ctx, feedbackStatusLabels[item.status])}</dd>
        <dt>{tr(ctx, 'Đơn vị xử lý', 'Handled by')}</dt>
        <dd>{item.unit_name}</dd>
        <dt>{tr(ctx, 'Ngày tiếp nhận', 'Received on')}</dt>
        <dd>{fmtDate(item.received_at)}</dd>
        <dt>{tr(ctx, 'Hạn trả lời', 'Answer due by')}</dt>
        <dd class="fb-due">{fmtDate(item.answer_due_at)}</dd>
      </dl>
      {answered && item.answer && (
        <section class="qa-answer" aria-labelledby="tra-loi">
          <h2 id="tra-loi">{tr(ctx, 'Trả lời của cơ quan', 'Answer from the office')}</h2>
          <p class="qa-text fb-answer">{item.answer}</p>
          <p class="muted">
            {item.unit_name} · {fmtDate(item.answered_at)}
          </p>
        </section>
      )}
      {canRate && (
        <section aria-labelledby="danh-gia">
          <h2 id="danh-gia">{tr(ctx, 'Đánh giá câu trả lời', 'Rate the answer')}</h2>
          <form method="post" action={`${trackPath(item.code)}/danh-gia`}>
            <CsrfField ctx={ctx} />
            <fieldset class={`qa-contact${errors.rating ? ' has-error' : ''}`} id="f-rating" aria-describedby={errors.rating ? 'f-rating-error' : undefined}>
              <legend>{tr(ctx, 'Ông/bà có hài lòng với câu trả lời không?', 'Are you satisfied with the answer?')}</legend>
              {errors.rating && (
                <p class="error" id="f-rating-error">
                  {errors.rating}
                </p>
              )}
              {ratings.map((r) => (
                <p key={r}>
                  <input type="radio" id={`r-${r}`} name="rating" value={r} /> <label for={`r-${r}`}>{t(ctx, ratingLabels[r])}</label>
                </p>
              ))}
            </fieldset>
            <button type="submit">{tr(ctx, 'Gửi đánh giá', 'Send the rating')}</button>
          </form>
        </section>
      )}
      {item.rating && (
        <p class="fb-rating">
          {tr(ctx, 'Ông/bà đã đánh giá', 'Your rating')}: <strong>{t(ctx, ratingLabels[item.rating as Rating] ?? { vi: item.rating, en: item.rating })}</strong>
        </p>
      )}
      {canReopen && (
        <section aria-labelledby="xem-xet-lai">
          <h2 id="xem-xet-lai">{tr(ctx, 'Đề nghị xem xét lại', 'Ask for a review')}</h2>
          <p>
            {tr(
              ctx,
              'Nếu chưa hài lòng, ông/bà được đề nghị cơ quan xem xét lại một lần. Phản ánh sẽ được xử lý tiếp với hạn trả lời mới.',
              'If not satisfied, you may ask the office once to review it. It is then handled again with a new answer deadline.',
            )}
          </p>
          <form method="post" action={`${trackPath(item.code)}/xem-xet-lai`}>
            <CsrfField ctx={ctx} />
            <TextArea
              name="reason"
              label={tr(ctx, 'Lý do chưa hài lòng', 'Why you are not satisfied')}
              hint={tr(ctx, `Từ 10 đến ${REOPEN_REASON_MAX} ký tự. Không công khai.`, `10 to ${REOPEN_REASON_MAX} characters. Not published.`)}
              value={extras.reason}
              errors={errors}
              rows={4}
              required
            />
            <button type="submit">{tr(ctx, 'Đề nghị xem xét lại', 'Ask for a review')}</button>
          </form>
        </section>
      )}
      {item.reopen_count > 0 && (
        <p class="muted">{tr(ctx, 'Phản ánh này đã được đề nghị xem xét lại một lần.', 'A review of this feedback has been asked for once.')}</p>
      )}
      <h2>{tr(ctx, 'Quá trình xử lý', 'History')}</h2>
      <ol class="timeline">
        {visibleEvents(props.events).map((e, i) => (
          <li key={i}>
            <strong>{t(ctx, e.label)}</strong> <span class="muted">{fmtDate(e.at)}</span>
            {e.text && <p class="qa-text">{e.text}</p>}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

function LookupPage(props: { ctx: PageContext; value: string; error: string | null }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Tra cứu phản ánh', 'Look up feedback')}>
      <p class="muted">
        <a href={FEEDBACK_BASE}>{tr(ctx, '← Phản ánh, kiến nghị', '← Feedback')}</a>
      </p>
      <h1>{tr(ctx, 'Tra cứu phản ánh, kiến nghị đã gửi', 'Look up feedback you sent')}</h1>
      <ErrorSummary ctx={ctx} errors={props.error ? { ma: props.error } : {}} />
      <form class="search qa-lookup" method="get" action={LOOKUP_PATH}>
        <Field
          name="ma"
          label={tr(ctx, 'Mã phản ánh (8 ký tự)', 'Feedback code (8 characters)')}
          value={props.value}
          errors={props.error ? { ma: props.error } : {}}
          autocomplete="off"
        />
        <button type="submit" class="large">
          {tr(ctx, 'Xem', 'Open')}
        </button>
      </form>
    </Layout>
  );
}

// ---------- publication ----------

function PublishedItem(props: { ctx: PageContext; item: PublishedFeedback; heading: 'h2' | 'h3'; link: boolean }) {
  const { ctx, item } = props;
  const H = props.heading;
  const cat = categoryName(ctx, item);
  return (
    <article class="fb-item">
      <H class="qa-title">{props.link ? <a href={`${FEEDBACK_BASE}/p/${item.code}`}>{item.public_title}</a> : item.public_title}</H>
      <p class="muted">
        {item.unit_name}
        {cat ? ` · ${cat}` : ''} · {tr(ctx, 'Nhận', 'Received')} {fmtDate(item.received_at)} · {tr(ctx, 'Trả lời', 'Answered')} {fmtDate(item.answered_at)}
      </p>
      <p class="qa-text">{item.public_summary}</p>
      <div class="qa-answer">
        <p>
          <strong>{tr(ctx, 'Trả lời', 'Answer')}:</strong>
        </p>
        <p class="qa-text">{item.answer}</p>
      </div>
    </article>
  );
}

function ListPage(props: {
  ctx: PageContext;
  query: Record<string, string>;
  items: PublishedFeedback[];
  total: number;
  page: number;
  facets: Awaited<ReturnType<typeof publishedFacets>>;
}) {
  const { ctx, query } = props;
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Phản ánh, kiến nghị', 'Feedback')}>
      <h1>{tr(ctx, 'Phản ánh, kiến nghị', 'Feedback from the public')}</h1>
      <p>
        {tr(
          ctx,
          'Người dân, doanh nghiệp phản ánh việc ở địa phương và kiến nghị về quy định hành chính; cơ quan trả lời đúng hạn và công khai câu trả lời.',
          'People and businesses report local problems and propose changes to administrative rules; the offices answer on time and publish the answers.',
        )}
      </p>
      <p>
        <a class="button large" href={SEND_PATH}>
          {tr(ctx, 'Gửi phản ánh, kiến nghị', 'Send feedback')}
        </a>
      </p>
      <ul class="fb-links">
        <li>
          <a href={LOOKUP_PATH}>{tr(ctx, 'Tra cứu phản ánh đã gửi', 'Look up feedback you sent')}</a>
        </li>
        <li>
          <a href={BOX_PATH}>{tr(ctx, 'Hộp thư góp ý điện tử', 'Digital suggestion box')}</a>
        </li>
        <li>
          <a href={HOTLINE_PATH}>{tr(ctx, 'Đường dây nóng của lãnh đạo', 'Leaders’ hotline numbers')}</a>
        </li>
        <li>
          <a href={query.unit ? `${FEED_PATH}?unit=${encodeURIComponent(query.unit)}` : FEED_PATH} type="application/atom+xml">
            {tr(ctx, 'Nhận tin câu trả lời mới (Atom)', 'New answers feed (Atom)')}
          </a>
        </li>
      </ul>
      <form class="search" method="get" action={FEEDBACK_BASE}>
        <Field name="q" label={tr(ctx, 'Tìm (gõ có dấu hoặc không dấu)', 'Search (with or without diacritics)')} value={query.q ?? ''} />
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={query.unit ?? ''}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...props.facets.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <Select
          name="category"
          label={tr(ctx, 'Lĩnh vực', 'Category')}
          value={query.category ?? ''}
          options={[
            { value: '', label: tr(ctx, 'Tất cả', 'All') },
            ...props.facets.categories.map((c) => ({ value: c.code, label: ctx.lang === 'en' && c.name_en ? c.name_en : c.name })),
          ]}
        />
        <button type="submit" class="large">
          {tr(ctx, 'Tìm', 'Search')}
        </button>
      </form>
      <h2>
        {query.q || query.unit || query.category
          ? tr(ctx, `Kết quả: ${props.total} câu trả lời`, `Results: ${props.total}`)
          : tr(ctx, 'Câu trả lời đã công khai', 'Published answers')}
      </h2>
      {props.items.length === 0 ? (
        <p>{tr(ctx, 'Chưa có câu trả lời nào phù hợp.', 'No answer matches yet.')}</p>
      ) : (
        <ul class="qa-list">
          {props.items.map((item) => (
            <li key={item.code}>
              <PublishedItem ctx={ctx} item={item} heading="h3" link />
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={PAGE_SIZE} total={props.total} base={FEEDBACK_BASE} query={query} />
    </Layout>
  );
}

// ---------- leaders' hotline numbers ----------

function HotlinePage(props: { ctx: PageContext; rows: HotlineRow[]; units: { code: string; name: string }[]; unit: string }) {
  const { ctx } = props;
  const groups: { code: string; name: string; rows: HotlineRow[] }[] = [];
  for (const r of props.rows) {
    const last = groups[groups.length - 1];
    if (last && last.code === r.unit_code) last.rows.push(r);
    else groups.push({ code: r.unit_code, name: r.unit_name, rows: [r] });
  }
  return (
    <Layout ctx={ctx} title={tr(ctx, 'Đường dây nóng', 'Hotline numbers')}>
      <h1>{tr(ctx, 'Đường dây nóng của lãnh đạo', 'Leaders’ hotline numbers')}</h1>
      <p>
        {tr(
          ctx,
          'Số điện thoại của lãnh đạo các đơn vị để người dân, doanh nghiệp phản ánh khi gặp khó khăn trong giải quyết thủ tục hành chính. Có thể gửi phản ánh trực tuyến hoặc góp ý qua hộp thư góp ý điện tử.',
          'Phone numbers of each unit’s leaders, for people and businesses meeting difficulties with administrative procedures. You may also send feedback online or use the digital suggestion box.',
        )}
      </p>
      <p>
        <a href={SEND_PATH}>{tr(ctx, 'Gửi phản ánh, kiến nghị', 'Send feedback')}</a> · <a href={BOX_PATH}>{tr(ctx, 'Hộp thư góp ý', 'Suggestion box')}</a>
      </p>
      <form class="search" method="get" action={HOTLINE_PATH}>
        <Select
          name="unit"
          label={tr(ctx, 'Đơn vị', 'Unit')}
          value={props.unit}
          options={[{ value: '', label: tr(ctx, 'Tất cả', 'All') }, ...props.units.map((u) => ({ value: u.code, label: u.name }))]}
        />
        <button type="submit" class="large">
          {tr(ctx, 'Xem', 'Show')}
        </button>
      </form>
      {groups.length === 0 && <p>{tr(ctx, 'Chưa có số điện thoại nào được công bố.', 'No number has been published yet.')}</p>}
      {groups.map((g) => (
        <section key={g.code} aria-labelledby={`hl-${g.code}`}>
          <h2 id={`hl-${g.code}`}>{g.name}</h2>
          <ul class="qa-list">
            {g.rows.map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong>, {r.title}
                <br />
                <a href={`tel:${r.phone.replace(/[^0-9+]/g, '')}`}>{r.phone}</a>
                {r.email && (
                  <>
                    {' · '}
                    <a href={`mailto:${r.email}`}>{r.email}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

// ---------- handlers ----------

interface UploadedPhoto {
  name: string;
  content: Buffer;
  truncated: boolean;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png' | null;
}

const TEXT_FIELDS = new Set([
  'kind',
  'category',
  'title',
  'description',
  'place',
  'address',
  'lat',
  'lng',
  'name',
  'phone',
  'email',
  'consent',
  'website',
  'key',
  'unit',
]);

/**
 * Reads the form: multipart with photos (the usual case), or a plain urlencoded post (a browser that sends no file).
 * A file over 5 MB is read only up to the limit and marked truncated, so the form comes back with every typed box.
 * More than 6 files stop the request (413): the page says 3 and the script checks before upload.
 */
async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; photos: UploadedPhoto[] }> {
  const fields: Record<string, string> = {};
  const photos: UploadedPhoto[] = [];
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    for (const k of TEXT_FIELDS) if (typeof body[k] === 'string') fields[k] = (body[k] as string).slice(0, DESCRIPTION_MAX + 200);
    return { fields, photos };
  }
  const parts = req.parts({
    limits: { fileSize: PHOTO_MAX_BYTES, files: PHOTO_MAX_COUNT * 2, fields: TEXT_FIELDS.size + 5, parts: TEXT_FIELDS.size + PHOTO_MAX_COUNT * 2 + 5 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0]);
  for await (const part of parts) {
    if (part.type === 'field') {
      if (TEXT_FIELDS.has(part.fieldname) && typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, DESCRIPTION_MAX + 200);
      continue;
    }
    const content = await part.toBuffer();
    if (part.fieldname !== 'photos' || (!part.filename && content.length === 0)) continue;
    const name = cleanText(part.filename ?? '')
      .replace(/^.*[\\/]/, '')
      .slice(0, 200);
    photos.push({ name: name || `tep-${photos.length + 1}`, content, truncated: part.file.truncated, mime: sniffScanMime(content) });
  }
  return { fields, photos };
}

function checkPhotos(photos: UploadedPhoto[]): FieldError[] {
  if (photos.length > PHOTO_MAX_COUNT) {
    return [{ field: 'photos', message: { vi: `Chỉ gửi tối đa ${PHOTO_MAX_COUNT} tệp`, en: `At most ${PHOTO_MAX_COUNT} files` } }];
  }
  for (const f of photos) {
    if (f.truncated) return [{ field: 'photos', message: { vi: `Tệp “${f.name}” lớn hơn 5 MB`, en: `“${f.name}” is larger than 5 MB` } }];
    if (f.content.length === 0) return [{ field: 'photos', message: { vi: `Tệp “${f.name}” rỗng`, en: `“${f.name}” is empty` } }];
    if (!f.mime) {
      return [
        {
          field: 'photos',
          message: { vi: `Tệp “${f.name}” không phải ảnh JPEG, PNG hoặc tệp PDF`, en: `“${f.name}” is not a JPEG or PNG photo or a PDF file` },
        },
      ];
    }
  }
  return [];
}

function valuesFrom(fields: Record<string, string>, box: boolean): FormValues {
  const s = (k: string, max = 300) => (fields[k] ?? '').normalize('NFC').slice(0, max);
  const key = s('key', 200).trim();
  return {
    kind: s('kind', 20).trim() || (box ? 'suggestion' : 'report'),
    category: s('category', 64).trim(),
    title: s('title', 300),
    description: s('description', DESCRIPTION_MAX + 100),
    place: s('place', 64).trim(),
    address: s('address', 400),
    lat: s('lat', 30).trim(),
    lng: s('lng', 30).trim(),
    name: s('name', 300),
    phone: s('phone', 50),
    email: s('email', 300),
    consent: fields.consent === 'on',
    key: KEY_RE.test(key) ? key : randomUUID(),
    unit: UNIT_RE.test(s('unit', 64).trim()) ? s('unit', 64).trim() : '',
  };
}

async function formOptions(p: Platform, req: FastifyRequest, unitCode: string, box: boolean): Promise<FormOptions> {
  const [all, categories, addressed] = await Promise.all([
    listUnits(p.db),
    listCategories(p.db),
    unitCode ? findUnitByCode(p.db, unitCode) : Promise.resolve(null),
  ]);
  const names = new Map(all.map((u) => [u.id, u.name]));
  const places = all
    .filter((u) => isTerritorial(u.kind) && u.merged_into_id === null)
    .map((u) => ({ code: u.code, label: u.parent_id && names.get(u.parent_id) ? `${u.name} (${names.get(u.parent_id)})` : u.name }));
  return {
    categories: categories.map((c) => ({ code: c.code, label: req.lang === 'en' && c.name_en ? c.name_en : c.name })),
    places,
    addressed: addressed && addressed.merged_into_id === null ? { code: addressed.code, name: addressed.name } : null,
    box,
  };
}

async function renderForm(p: Platform, req: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormErrors, box: boolean, status: number) {
  const options = await formOptions(p, req, values.unit, box);
  if (!options.addressed) values.unit = '';
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<FeedbackFormPage ctx={ctx} values={values} errors={errors} options={options} />), status);
}

function emptyValues(box: boolean, unit: string): FormValues {
  return {
    kind: box ? 'suggestion' : 'report',
    category: '',
    title: '',
    description: '',
    place: '',
    address: '',
    lat: '',
    lng: '',
    name: '',
    phone: '',
    email: '',
    consent: false,
    key: randomUUID(),
    unit: UNIT_RE.test(unit) ? unit : '',
  };
}

async function renderTrack(p: Platform, req: FastifyRequest, reply: FastifyReply, item: TrackedFeedback, extras: TrackExtras, status = 200) {
  const events = await publicEventsOf(p.db, item.id);
  const ctx = pageContext(req, reply);
  return html(reply, renderPage(<TrackPage ctx={ctx} item={item} events={events} extras={extras} />), status);
}

const codeParam = (req: FastifyRequest) => String((req.params as { code: string }).code ?? '');

/** Public routes of feedback; /phan-anh/gui, /hop-thu-gop-y and /phan-anh/c/<code> are stable addresses to link to. */
export function registerFeedbackPublicPages(app: App, p: Platform): void {
  const showForm = (box: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const unit = str((req.query as Record<string, unknown>).unit, 64).toLowerCase();
    const values = emptyValues(box, unit);
    const options = await formOptions(p, req, values.unit, box);
    // A unit page linking here with its own code: that unit is addressed, and a commune or ward is also the place.
    if (options.addressed) {
      if (options.places.some((u) => u.code === options.addressed?.code)) values.place = options.addressed.code;
    } else values.unit = '';
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<FeedbackFormPage ctx={ctx} values={values} errors={{}} options={options} />));
  };

  const sendForm = (box: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields, photos } = await readForm(req);
    // The honeypot: a filled trap box means a robot. Answer as if all went well and keep nothing.
    if ((fields.website ?? '').trim() !== '') return html(reply, renderPage(<DroppedPage ctx={pageContext(req, reply)} />));
    const values = valuesFrom(fields, box);
    const input: FeedbackInput = { ...values, consent: values.consent };
    const checked = checkFeedback(input, { channel: box ? 'suggestion_box' : 'web' });
    const photoErrors = checkPhotos(photos);
    if (!checked.ok || photoErrors.length) {
      const errors = { ...(checked.ok ? {} : formErrors(checked.errors, req.lang)), ...formErrors(photoErrors, req.lang) };
      const status = photos.some((f) => f.truncated) ? 413 : photos.some((f) => f.content.length > 0 && !f.mime) ? 415 : 400;
      return renderForm(p, req, reply, values, errors, box, status);
    }
    const channel: FeedbackChannel = box && checked.value.kind === 'suggestion' ? 'suggestion_box' : 'web';
    let code: string;
    try {
      ({ code } = await receiveFeedback(p.db, publicActor(req, channel), {
        channel,
        item: checked.value,
        addressedUnitCode: values.unit || null,
        idempotencyKey: values.key,
        attachments: photos.map((f) => ({ name: f.name, mime: f.mime as string, content: f.content })),
      }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && err.errors.length) {
        return renderForm(p, req, reply, values, formErrors(err.errors, req.lang), box, 400);
      }
      if (err instanceof AppError && err.code === 'UNIT_NOT_FOUND') {
        values.unit = '';
        const message = tr(
          req,
          'Đơn vị nhận không còn tồn tại: hãy gửi lại, hệ thống sẽ tự chuyển đến đơn vị phù hợp.',
          'The addressed unit no longer exists: send again and it will be routed automatically.',
        );
        return renderForm(p, req, reply, values, { form: message }, box, 400);
      }
      throw err;
    }
    return reply.redirect(`${SENT_PATH}/${code}`, 303);
  };

  app.get(SEND_PATH, { config: { permission: 'public', rateLimit: LIST_RATE_LIMIT } }, showForm(false));
  app.post(SEND_PATH, { config: { permission: 'public', rateLimit: FORM_RATE_LIMIT } }, sendForm(false));
  app.get(BOX_PATH, { config: { permission: 'public', rateLimit: LIST_RATE_LIMIT } }, showForm(true));
  app.post(BOX_PATH, { config: { permission: 'public', rateLimit: FORM_RATE_LIMIT } }, sendForm(true));

  // The confirmation shows no more than tracking does (code, unit, dates): holding the code is enough to see it.
  app.get(`${SENT_PATH}/:code`, { config: { permission: 'public', rateLimit: LOOKUP_RATE_LIMIT } }, async (req, reply) => {
    const item = await mustTrack(p, codeParam(req));
    return html(reply, renderPage(<SentPage ctx={pageContext(req, reply)} item={item} />));
  });

  app.get(LOOKUP_PATH, { config: { permission: 'public', rateLimit: LOOKUP_RATE_LIMIT } }, async (req, reply) => {
    const raw = str((req.query as Record<string, unknown>).ma, 40);
    if (raw) {
      const code = normaliseShortCode(raw);
      if (code) return reply.redirect(trackPath(code), 303);
    }
    const error = raw ? tr(req, 'Mã phản ánh gồm 8 chữ cái và chữ số, vd. K7M29QRT', 'A feedback code has 8 letters and digits, e.g. K7M29QRT') : null;
    return html(reply, renderPage(<LookupPage ctx={pageContext(req, reply)} value={raw} error={error} />), error ? 400 : 200);
  });

  app.get(`${FEEDBACK_BASE}/c/:code`, { config: { permission: 'public', rateLimit: LOOKUP_RATE_LIMIT } }, async (req, reply) => {
    const item = await mustTrack(p, codeParam(req));
    return renderTrack(p, req, reply, item, { errors: {}, reason: '' });
  });

  app.post(`${FEEDBACK_BASE}/c/:code/danh-gia`, { config: { permission: 'public', rateLimit: SENDER_RATE_LIMIT } }, async (req, reply) => {
    const item = await mustTrack(p, codeParam(req));
    const rating = str(((req.body ?? {}) as Record<string, unknown>).rating, 30);
    if (!(ratings as readonly string[]).includes(rating)) {
      const errors = { rating: tr(req, 'Hãy chọn một mức đánh giá', 'Choose one of the levels') };
      return renderTrack(p, req, reply, item, { errors, reason: '' }, 400);
    }
    await rateFeedback(p.db, publicActor(req, 'tracking'), { code: item.code, rating: rating as Rating });
    const flash =
      rating === 'khong_hai_long'
        ? tr(req, 'Đã ghi nhận đánh giá. Ông/bà có thể đề nghị xem xét lại ở dưới.', 'Rating recorded. You may ask for a review below.')
        : tr(req, 'Cảm ơn ông/bà đã đánh giá.', 'Thank you for your rating.');
    return redirectWithFlash(req, reply, trackPath(item.code), flash);
  });

  app.post(`${FEEDBACK_BASE}/c/:code/xem-xet-lai`, { config: { permission: 'public', rateLimit: SENDER_RATE_LIMIT } }, async (req, reply) => {
    const item = await mustTrack(p, codeParam(req));
    const reason = str(((req.body ?? {}) as Record<string, unknown>).reason, REOPEN_REASON_MAX + 100);
    try {
      const r = await reopenFeedback(p.db, publicActor(req, 'tracking'), { code: item.code, reason });
      return redirectWithFlash(
        req,
        reply,
        trackPath(item.code),
        tr(req, `Đã gửi đề nghị xem xét lại. Hạn trả lời mới: ${fmtDate(r.answerDueAt)}.`, `Review asked for. New answer deadline: ${fmtDate(r.answerDueAt)}.`),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return renderTrack(p, req, reply, item, { errors: formErrors(err.errors, req.lang), reason }, 400);
      }
      throw err;
    }
  });

  app.get(FEEDBACK_BASE, { config: { permission: 'public', rateLimit: LIST_RATE_LIMIT } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const query: Record<string, string> = {};
    for (const k of ['q', 'unit', 'category']) if (str(raw[k], 100)) query[k] = str(raw[k], 100);
    const page = pageOf(raw.page);
    const [found, facets] = await Promise.all([
      searchPublished(p.db, {
        text: searchText(query.q ?? ''),
        unitCode: query.unit ?? null,
        categoryCode: query.category ?? null,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      publishedFacets(p.db),
    ]);
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<ListPage ctx={ctx} query={query} items={found.rows} total={found.total} page={page} facets={facets} />));
  });

  app.get(`${FEEDBACK_BASE}/p/:code`, { config: { permission: 'public', rateLimit: LIST_RATE_LIMIT } }, async (req, reply) => {
    const code = normaliseShortCode(codeParam(req).slice(0, 40));
    const item = code ? await findPublished(p.db, code) : null;
    if (!item) {
      throw new AppError('FEEDBACK_NOT_FOUND', {
        detail: { vi: 'Không có câu trả lời công khai nào với mã này.', en: 'No published answer has this code.' },
      });
    }
    const ctx = pageContext(req, reply);
    return html(
      reply,
      renderPage(
        <Layout ctx={ctx} title={item.public_title}>
          <p class="muted">
            <a href={FEEDBACK_BASE}>{tr(ctx, '← Phản ánh, kiến nghị', '← Feedback')}</a>
          </p>
          <PublishedItem ctx={ctx} item={item} heading="h2" link={false} />
        </Layout>,
      ),
    );
  });

  app.get(FEED_PATH, { config: { permission: 'public', rateLimit: LIST_RATE_LIMIT } }, async (req, reply) => {
    const unitCode = str((req.query as Record<string, unknown>).unit, 64).toLowerCase() || null;
    const unit = unitCode && UNIT_RE.test(unitCode) ? await findUnitByCode(p.db, unitCode) : null;
    if (unitCode && !unit) throw new AppError('UNIT_NOT_FOUND');
    const items = await latestPublished(p.db, unit?.code ?? null, FEED_SIZE);
    const base = p.config.publicUrl;
    const xml = atomFeed({
      baseUrl: base,
      selfUrl: `${base}${FEED_PATH}${unit ? `?unit=${encodeURIComponent(unit.code)}` : ''}`,
      title: unit ? `Trả lời phản ánh, kiến nghị: ${unit.name}` : 'Trả lời phản ánh, kiến nghị',
      author: unit?.name ?? 'Gần Dân',
      items,
      now: new Date(),
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  app.get(HOTLINE_PATH, { config: { permission: 'public', rateLimit: LIST_RATE_LIMIT } }, async (req, reply) => {
    const unit = str((req.query as Record<string, unknown>).unit, 64).toLowerCase();
    const [list, units] = await Promise.all([listHotlines(p.db, UNIT_RE.test(unit) ? unit : null), unitsWithHotlines(p.db)]);
    const ctx = pageContext(req, reply);
    return html(reply, renderPage(<HotlinePage ctx={ctx} rows={list} units={units} unit={unit} />));
  });
}
