import { format, type Lang, type Text } from './i18n/index.ts';

/** One invalid input: where it is (a JSON pointer or a form field name) and what is wrong. */
export interface FieldError {
  field: string;
  message: Text;
}

/**
 * The catalogue of stable error codes. Each becomes an RFC 9457 problem with this status
 * and title; the code is part of the API contract (documented in docs/errors.md).
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, title: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid' } },
  MALFORMED_REQUEST: { status: 400, title: { vi: 'Không đọc được nội dung yêu cầu', en: 'The request body could not be read' } },
  UNAUTHENTICATED: { status: 401, title: { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' } },
  INVALID_CREDENTIALS: { status: 401, title: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' } },
  ACCOUNT_LOCKED: {
    status: 401,
    title: {
      vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần, hãy thử lại sau 15 phút',
      en: 'Account locked after repeated failed sign-ins; try again in 15 minutes',
    },
  },
  DEMO_ACCOUNT_REFUSED: {
    status: 401,
    title: { vi: 'Tài khoản trình diễn không được dùng khi chạy chính thức', en: 'Demo accounts are refused in production' },
  },
  FORBIDDEN: { status: 403, title: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' } },
  CSRF_INVALID: {
    status: 403,
    title: { vi: 'Phiên biểu mẫu đã hết hạn, hãy tải lại trang và gửi lại', en: 'The form expired; reload the page and submit again' },
  },
  NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  UNIT_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' } },
  USER_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy người dùng', en: 'User not found' } },
  PROCEDURE_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy thủ tục hành chính', en: 'Procedure not found' } },
  PROCEDURE_FIELD_NOT_FOUND: {
    status: 404,
    title: { vi: 'Không tìm thấy lĩnh vực thủ tục hành chính tại đơn vị', en: 'No such field of procedures at this unit' },
  },
  DECLARATION_SET_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy bộ tờ khai', en: 'Declaration set not found' } },
  FORM_TEMPLATE_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy mẫu tờ khai', en: 'Form template not found' } },
  QUESTION_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy câu hỏi', en: 'Question not found' } },
  SAMPLE_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy hồ sơ mẫu', en: 'Sample dossier not found' } },
  FEEDBACK_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy phản ánh, kiến nghị', en: 'Feedback not found' } },
  FEEDBACK_NOT_ANSWERED: {
    status: 409,
    title: { vi: 'Phản ánh chưa được trả lời nên chưa đánh giá được', en: 'The feedback has not been answered yet, so it cannot be rated' },
  },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    status: 409,
    title: { vi: 'Trạng thái hiện tại của phản ánh không cho phép thao tác này', en: 'The feedback’s current status does not allow this action' },
  },
  FEEDBACK_ALREADY_RATED: { status: 409, title: { vi: 'Câu trả lời này đã được đánh giá', en: 'This answer has already been rated' } },
  FEEDBACK_REOPEN_REFUSED: {
    status: 409,
    title: {
      vi: 'Không đề nghị xem xét lại được: chỉ được một lần, khi không hài lòng với câu trả lời',
      en: 'Cannot ask for a review: only once, when not satisfied with the answer',
    },
  },
  DECLARATION_SET_ALREADY_RECEIVED: {
    status: 409,
    title: { vi: 'Bộ tờ khai đã được tiếp nhận thành hồ sơ', en: 'The declaration set has already been received as a dossier' },
  },
  CONFLICT: { status: 409, title: { vi: 'Dữ liệu đã bị thay đổi hoặc đã tồn tại', en: 'Conflict with the current data' } },
  UNIT_CODE_TAKEN: { status: 409, title: { vi: 'Mã đơn vị đã tồn tại', en: 'The unit code is already used' } },
  USERNAME_TAKEN: { status: 409, title: { vi: 'Tên đăng nhập đã tồn tại', en: 'The username is already used' } },
  PROCEDURE_CODE_TAKEN: { status: 409, title: { vi: 'Mã thủ tục đã tồn tại', en: 'The procedure code is already used' } },
  UNIT_ALREADY_MERGED: { status: 409, title: { vi: 'Đơn vị đã được sáp nhập', en: 'The unit has already been merged' } },
  UNIT_MERGE_INVALID: {
    status: 409,
    title: { vi: 'Không thể sáp nhập đơn vị vào chính nó hoặc đơn vị cấp dưới của nó', en: 'A unit cannot be merged into itself or its own subtree' },
  },
  UNIT_MOVE_INVALID: {
    status: 409,
    title: { vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó', en: 'A unit cannot be moved under itself' },
  },
  VERSION_NOT_EDITABLE: { status: 409, title: { vi: 'Chỉ sửa được phiên bản nháp', en: 'Only draft versions can be edited' } },
  PAYLOAD_TOO_LARGE: { status: 413, title: { vi: 'Tệp hoặc nội dung gửi lên quá lớn', en: 'The upload is too large' } },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: { vi: 'Định dạng tệp không được hỗ trợ', en: 'Unsupported file type' } },
  UNPROCESSABLE: { status: 422, title: { vi: 'Không xử lý được dữ liệu', en: 'The data cannot be processed' } },
  IMPORT_INVALID: { status: 422, title: { vi: 'Tệp nhập có dòng không hợp lệ; chưa có gì được ghi', en: 'The import has invalid rows; nothing was applied' } },
  CCCD_QR_INVALID: {
    status: 422,
    title: { vi: 'Không đọc được mã QR trên thẻ căn cước', en: 'The ID card QR code could not be read' },
  },
  RATE_LIMITED: { status: 429, title: { vi: 'Quá nhiều yêu cầu, hãy thử lại sau ít phút', en: 'Too many requests; try again shortly' } },
  INTERNAL: { status: 500, title: { vi: 'Hệ thống gặp sự cố, xin thử lại sau', en: 'Something went wrong on our side; please try again' } },
  NOT_READY: { status: 503, title: { vi: 'Hệ thống chưa sẵn sàng', en: 'Not ready' } },
  // Citizen sign-in through VNeID (src/modules/citizens).
  VNEID_NOT_CONFIGURED: {
    status: 503,
    title: { vi: 'Chưa cấu hình đăng nhập bằng tài khoản VNeID', en: 'Sign-in with VNeID is not configured' },
  },
  VNEID_UNAVAILABLE: {
    status: 502,
    title: { vi: 'Không kết nối được với hệ thống VNeID, xin thử lại sau ít phút', en: 'VNeID cannot be reached; please try again in a few minutes' },
  },
  VNEID_SIGN_IN_INVALID: {
    status: 400,
    title: {
      vi: 'Phiên đăng nhập VNeID không hợp lệ hoặc đã được dùng, hãy đăng nhập lại',
      en: 'This VNeID sign-in is not valid or was already used; please sign in again',
    },
  },
  VNEID_SIGN_IN_EXPIRED: {
    status: 400,
    title: { vi: 'Phiên đăng nhập VNeID đã quá 10 phút, hãy đăng nhập lại', en: 'The VNeID sign-in took longer than 10 minutes; please sign in again' },
  },
  VNEID_SIGN_IN_CANCELLED: {
    status: 400,
    title: { vi: 'Đăng nhập VNeID đã bị hủy hoặc bị từ chối', en: 'The VNeID sign-in was cancelled or refused' },
  },
  VNEID_SIGN_IN_FAILED: {
    status: 502,
    title: { vi: 'VNeID trả về kết quả không hợp lệ, chưa đăng nhập được', en: 'VNeID returned an invalid answer; you are not signed in' },
  },
  VNEID_LEVEL_TOO_LOW: {
    status: 403,
    title: {
      vi: 'Cần tài khoản định danh điện tử mức độ 2 để đăng nhập',
      en: 'A level 2 electronic identification account is needed to sign in',
    },
  },
  VNEID_IDENTITY_INCOMPLETE: {
    status: 502,
    title: {
      vi: 'VNeID không cung cấp đủ họ tên và số định danh cá nhân, chưa đăng nhập được',
      en: 'VNeID did not provide the full name and personal ID number; you are not signed in',
    },
  },
  // Inbound webhooks of the feedback channels (src/modules/feedback-channels): `reason` says which check failed.
  WEBHOOK_SIGNATURE_INVALID: {
    status: 401,
    title: { vi: 'Chữ ký của yêu cầu webhook thiếu hoặc không đúng', en: 'The webhook signature is missing or wrong' },
  },
  WEBHOOK_REJECTED: {
    status: 403,
    title: { vi: 'Yêu cầu webhook đã quá hạn hoặc đã được nhận trước đó', en: 'The webhook delivery is stale or was already taken' },
  },
  WEBHOOK_NOT_CONFIGURED: {
    status: 404,
    title: { vi: 'Kênh tiếp nhận này chưa được cấu hình', en: 'This channel is not configured' },
  },
  // Home appointments (src/modules/appointments): `reason` says which slot rule refused.
  APPOINTMENT_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy lịch hẹn tại nhà', en: 'Home appointment not found' } },
  APPOINTMENT_SLOT_REFUSED: {
    status: 422,
    title: { vi: 'Không hẹn được vào thời điểm này', en: 'A visit cannot be booked at this time' },
  },
  APPOINTMENT_ACTION_NOT_ALLOWED: {
    status: 409,
    title: { vi: 'Trạng thái hiện tại của lịch hẹn không cho phép thao tác này', en: 'The appointment’s current status does not allow this action' },
  },
  // Post office as partner (src/modules/postal).
  POSTAL_SHIPMENT_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy bưu gửi', en: 'Postal shipment not found' } },
  POSTAL_SHIPMENT_REFUSED: {
    status: 409,
    title: { vi: 'Hồ sơ chưa gửi qua bưu điện được theo chiều này', en: 'The dossier cannot be sent by post this way now' },
  },
  POSTAL_STEP_NOT_ALLOWED: {
    status: 409,
    title: { vi: 'Bước chuyển phát này không hợp lệ ở trạng thái hiện tại của bưu gửi', en: 'This postal step is not allowed at the item’s current status' },
  },
  // Letters of congratulation, condolence and apology (src/modules/letters).
  LETTER_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy thư', en: 'Letter not found' } },
  LETTER_NOT_APPROVED: {
    status: 409,
    title: {
      vi: 'Thư chưa được lãnh đạo duyệt nên chưa gửi hay in bản chính thức được',
      en: 'The letter is not approved yet, so it cannot be sent or printed as final',
    },
  },
  LETTER_ACTION_NOT_ALLOWED: {
    status: 409,
    title: { vi: 'Trạng thái hiện tại của thư không cho phép thao tác này', en: 'The letter’s current status does not allow this action' },
  },
  LETTER_ALREADY_PROPOSED: { status: 409, title: { vi: 'Sự kiện này đã có thư đề xuất', en: 'A letter was already proposed for this event' } },
  // Fees and charges paid by VietQR or cash (src/modules/payments).
  PAYMENT_FEE_NOT_DUE: {
    status: 409,
    title: { vi: 'Khoản phí, lệ phí không còn chờ nộp', en: 'The fee is no longer due' },
  },
  PAYMENT_FEE_NOT_PAID: { status: 409, title: { vi: 'Khoản phí, lệ phí chưa được nộp đủ', en: 'The fee has not been paid in full' } },
  // Bank statements, gateway notifications and their exceptions (src/modules/reconciliation).
  STATEMENT_INVALID: {
    status: 422,
    title: { vi: 'Sao kê có dòng không hợp lệ; chưa có gì được ghi', en: 'The statement has invalid lines; nothing was applied' },
  },
  STATEMENT_ALREADY_IMPORTED: { status: 409, title: { vi: 'Tệp sao kê này đã được nhập trước đó', en: 'This statement file was already imported' } },
  PAYMENT_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy giao dịch chuyển khoản', en: 'Payment not found' } },
  PAYMENT_ALREADY_RESOLVED: {
    status: 409,
    title: { vi: 'Giao dịch đã được xử lý, không cần đối soát nữa', en: 'The payment needs no resolving any more' },
  },
  // Support teams' duty roster (src/modules/support-teams).
  SUPPORT_SHIFT_OVERLAP: {
    status: 409,
    title: { vi: 'Thành viên đã có ca trực khác trùng giờ', en: 'A member is already on another shift at that time' },
  },
  SUPPORT_SHIFT_STARTED: {
    status: 409,
    title: { vi: 'Ca trực đã bắt đầu nên không hủy được', en: 'The shift has started and cannot be removed' },
  },
  // Friendly conduct: the commitment "4 xin, 4 luôn, 5 không" and satisfaction surveys (src/modules/conduct).
  COMMITMENT_VERSION_CHANGED: {
    status: 409,
    title: { vi: 'Bản cam kết đã có phiên bản mới, hãy đọc lại rồi ký', en: 'The commitment has a new version; read it again, then sign' },
  },
  SURVEY_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy cuộc khảo sát', en: 'Survey not found' } },
  SURVEY_CLOSED: { status: 409, title: { vi: 'Cuộc khảo sát không nhận ý kiến vào lúc này', en: 'The survey is not taking answers now' } },
  // Reform models, registrations and inspections (src/modules/reform).
  REFORM_MODEL_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy mô hình cải cách hành chính', en: 'Reform model not found' } },
  REFORM_REGISTRATION_OVERLAP: {
    status: 409,
    title: { vi: 'Đơn vị đã đăng ký mô hình này trong khoảng thời gian trùng', en: 'The unit already runs this model in an overlapping period' },
  },
  REFORM_INSPECTION_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy đợt kiểm tra', en: 'Inspection not found' } },
  REFORM_FINDING_CLOSED: { status: 409, title: { vi: 'Kết luận kiểm tra đã được đóng', en: 'The finding is closed' } },
  REFORM_FINDING_NOT_CLOSABLE: {
    status: 409,
    title: {
      vi: 'Chưa đóng được kết luận: đơn vị chưa hoàn thành mọi biện pháp khắc phục',
      en: 'The finding cannot be closed until every correction is done',
    },
  },
  // Reports on carrying out the reform models (src/modules/reform-reports).
  REFORM_REPORT_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy báo cáo mô hình cải cách hành chính', en: 'Reform report not found' } },
  REFORM_REPORT_CHANGED: {
    status: 409,
    title: { vi: 'Đã có người khác sửa báo cáo này; hãy tải lại', en: 'Someone else changed this report; reload it' },
  },
  REFORM_REPORT_SUBMITTED: { status: 409, title: { vi: 'Báo cáo đã gửi lên cấp trên, không sửa được nữa', en: 'The report has been submitted' } },
} as const satisfies Record<string, { status: number; title: Text }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** An expected failure with a stable code; turned into problem+json or an error page in one place. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: Text | undefined;
  readonly errors: FieldError[];
  /** Extra problem members (e.g. import row errors). */
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, opts: { detail?: Text; errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(code);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.detail = opts.detail;
    this.errors = opts.errors ?? [];
    this.extra = opts.extra ?? {};
  }
}

/** Shorthand for a single-field validation failure. */
export function invalid(field: string, vi: string, en: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', {
    errors: [{ field, message: { vi: format(vi, params), en: format(en, params) } }],
  });
}

export function titleOf(code: ErrorCode, lang: Lang): string {
  return errorCatalogue[code].title[lang];
}
