import type { DateInput } from '../../../platform/documents/index.ts';

/**
 * Everything a slip can print, as plain data. The dossiers module fills it from its own records; this module
 * never reads another module's tables. Timestamps are instants (printed in Vietnam time) or 'YYYY-MM-DD'.
 */
export interface SlipData {
  unit: {
    /** Cơ quan chủ quản, e.g. "UBND phường Cao Lãnh" (NĐ 30/2020 lets common phrases be abbreviated here). */
    superiorName?: string;
    /** The issuing unit, e.g. "Trung tâm Phục vụ hành chính công". */
    name: string;
    /** Place name of the date line, e.g. "Cao Lãnh". */
    placeName: string;
    /** The desk as named in sentences ("Trung tâm Phục vụ hành chính công phường Cao Lãnh"); defaults to `name`. */
    deskName?: string;
  };
  /** Number and symbol without "Số:", e.g. "125/GTN-TTPVHCC". */
  documentNumber?: string;
  dossier: {
    code: string;
    procedureName: string;
    applicant: { name: string; address?: string; phone?: string; email?: string };
    receivedAt?: DateInput;
    appointmentAt?: DateInput;
    /** "05 ngày làm việc", as the procedure states it. */
    timeLimit?: string;
    /** Số lượng hồ sơ (bộ). */
    sets?: number;
    documents?: { name: string; kind?: string; copies?: number }[];
    /** Where the applicant takes the result: desk, post (bưu chính công ích), home, online. */
    resultDelivery?: 'desk' | 'post' | 'home' | 'online';
    /** Entry in the register book. */
    register?: { book: string; entry: string };
    submittedAt?: string;
    resultAt?: string;
    processingUnit?: string;
    supplement?: { items: string[]; reason?: string; contactName?: string; contactPhone?: string };
    refusal?: { basis?: string; reasons: string[] };
    delay?: { reasons: string[]; newDueAt: DateInput };
    stop?: { basis?: string; reason: string };
    /** Hand-overs for the process control sheet (phiếu kiểm soát). */
    handovers?: { from: string; to: string; at?: DateInput; giver?: string; receiver?: string; result?: string; note?: string }[];
  };
  signers: {
    /** Official who received the dossier (or who guides the supplement). */
    receiver?: string;
    /** Applicant's name under their signature; usually left for the applicant to write. */
    applicant?: string;
    /** Head of the unit, and their title ("Giám đốc", "KT. Chủ tịch"). */
    head?: string;
    headTitle?: string;
    headAuthority?: string;
  };
  /** Public tracking page of this dossier: printed as the QR code on every slip. */
  trackingUrl: string;
  /** Date of the slip's date line; defaults to the `on` date of the rendering. */
  issuedAt?: DateInput;
}

/** One line of the register book (Sổ theo dõi hồ sơ). */
export interface RegisterBookRow {
  code: string;
  procedureName: string;
  sets?: number;
  applicantName: string;
  applicantAddress?: string;
  applicantPhone?: string;
  processingUnit?: string;
  receivedAt: DateInput;
  appointmentAt?: DateInput;
  transferredAt?: DateInput;
  resultReceivedAt?: DateInput;
  returnedAt?: DateInput;
  note?: string;
}
