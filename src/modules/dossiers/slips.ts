/**
 * The official one-stop slips of a dossier (biểu mẫu một cửa, Thông tư 03/2025/TT-VPCP Phụ lục I) filled from the
 * dossier's own records: which slips apply at which point of the lifecycle, and the SlipData each one prints. The
 * slips module renders them; it never reads dossier tables, so everything it prints is gathered here.
 */
import type { Db } from '../../platform/db/pool.ts';
import type { Text } from '../../platform/i18n/index.ts';
import { findVersionById } from '../procedures/index.ts';
import type { RegisterBookRow, SlipCode, SlipData } from '../slips/index.ts';
import { ancestorsOf, findUnitById, isTerritorial, placeNameOf, type UnitRow } from '../units/index.ts';
import { type DossierRow, type EventRow, type ExtensionRow, listEvents, listExtensions, listPauses } from './queries.ts';
import { parseDossierCode } from './rules/code.ts';
import { statusLabels } from './rules/lifecycle.ts';
import { moveDueMoment, vietnamDay } from './rules/pauses.ts';
import { findSigner, listRegister } from './slip-queries.ts';

/** The slips printed for one dossier (the register book covers many and is built by buildRegisterBook). */
export type DossierSlipCode = Exclude<SlipCode, 'register-book'>;

export interface SlipRef {
  /** URL segment: the template code, with `-<n>` for the n-th apology-and-extension document. */
  slug: string;
  code: DossierSlipCode;
  label: Text;
}

const slipLabels: Record<DossierSlipCode, Text> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment' },
  'supplement-request': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request to supplement' },
  refusal: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal' },
  'apology-extension': { vi: 'Văn bản xin lỗi và đề nghị gia hạn', en: 'Apology and extension' },
  'stop-notice': { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Notice of stopping' },
  'control-sheet': { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Process control sheet' },
};

/** Số ký hiệu abbreviations (Nghị định 30/2020 Phụ lục III style), after the dossier's sequence of the day. */
const symbols: Record<DossierSlipCode, string> = {
  receipt: 'GTN',
  'supplement-request': 'PYCBS',
  refusal: 'PTC',
  'apology-extension': 'VBXL',
  'stop-notice': 'TB',
  'control-sheet': 'PKS',
};

/**
 * The slips that apply to a dossier now: the control sheet always; the receipt once accepted; the request to
 * supplement once one was issued (the latest); the refusal when refused; one apology-and-extension per extension;
 * the notice of stopping when withdrawn or stopped. Pure.
 */
export function applicableSlips(d: Pick<DossierRow, 'status' | 'accepted_at'>, x: { events: Pick<EventRow, 'action'>[]; extensions: unknown[] }): SlipRef[] {
  const out: SlipRef[] = [];
  const ref = (code: DossierSlipCode, slug: string = code, label = slipLabels[code]) => out.push({ slug, code, label });
  if (d.accepted_at) ref('receipt');
  if (x.events.some((e) => e.action === 'request_supplement')) ref('supplement-request');
  if (d.status === 'refused') ref('refusal');
  x.extensions.forEach((_, i) => {
    const base = slipLabels['apology-extension'];
    const label = x.extensions.length > 1 ? { vi: `${base.vi} (lần ${i + 1})`, en: `${base.en} (${i + 1})` } : base;
    ref('apology-extension', `apology-extension-${i + 1}`, label);
  });
  if (d.status === 'withdrawn' || d.status === 'stopped') ref('stop-notice');
  ref('control-sheet');
  return out;
}

/** The issuing body of a slip: the unit, its parent as the superior body, and the place of the date line. */
export async function slipUnit(db: Db, unit: UnitRow): Promise<SlipData['unit']> {
  const ancestors = await ancestorsOf(db, unit);
  const parent = ancestors.at(-1);
  return {
    superiorName: parent?.name,
    name: unit.name,
    placeName: placeNameOf(unit, ancestors),
    deskName: isTerritorial(unit.kind) ? `Bộ phận Một cửa ${unit.name}` : unit.name,
  };
}

/** The public tracking page of a dossier: the address every slip's QR code opens. */
export function trackingUrlOf(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

const documentKindLabels: Record<string, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  present_original: 'Bản chính để đối chiếu',
};

const lines = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const actorOf = (e: EventRow | undefined): string | undefined => (e ? (e.actor_name ?? e.actor_label) : undefined);
const lastOf = (events: EventRow[], ...actions: string[]) => [...events].reverse().find((e) => actions.includes(e.action));

function timeLimitText(value: number, unit: string): string {
  if (unit === 'working_hours') return `${String(value).padStart(2, '0')} giờ làm việc`;
  return Number.isInteger(value) ? `${String(value).padStart(2, '0')} ngày làm việc` : `${String(value).replace('.', ',')} ngày làm việc`;
}

/** "Trước hạn / Đúng hạn / Quá hạn" of a step done at `at` against the appointment in force then. */
function timeliness(at: Date, dueAt: Date): string {
  if (at.getTime() > dueAt.getTime()) return 'Quá hạn';
  return vietnamDay(at) === vietnamDay(dueAt) ? 'Đúng hạn' : 'Trước hạn';
}

/**
 * Rows of the process control sheet (Phiếu kiểm soát): each hand-over of the dossier or its result, with its
 * timeliness against the appointment in force at that moment. Once an extension was issued after the due moment had
 * passed, every later step stays "Quá hạn" (STANDARDS §1: a late extension still counts as late). Pure.
 */
export function handoversOf(d: DossierRow, events: EventRow[]): NonNullable<SlipData['dossier']['handovers']> {
  const currentDue = new Date(d.due_at);
  const desk = `Bộ phận Một cửa ${d.unit_name}`;
  const rows: NonNullable<SlipData['dossier']['handovers']> = [];
  let lateBefore = false;
  events.forEach((e, i) => {
    if (e.action === 'extend' && e.data?.lateWhenIssued === true) lateBefore = true;
    const at = new Date(e.at);
    const nextExtension = events.slice(i + 1).find((x) => x.action === 'extend');
    const previous = nextExtension?.data?.previousDueDate;
    const due = typeof previous === 'string' ? moveDueMoment(currentDue, previous) : currentDue;
    const result = lateBefore ? 'Quá hạn' : timeliness(at, due);
    const row = (from: string, to: string, note?: string) => rows.push({ from, to, at, giver: actorOf(e), result, note: note ?? e.public_note ?? undefined });
    const here = e.unit_name ?? d.unit_name;
    switch (e.action) {
      case 'start_processing':
        row(desk, e.to_unit_name ?? here);
        break;
      case 'hand_over':
        row(here, e.to_unit_name ?? here);
        break;
      case 'submit_for_approval':
        row(here, `Lãnh đạo ${here}`);
        break;
      case 'approve':
        row(`Lãnh đạo ${here}`, here, 'Đã phê duyệt');
        break;
      case 'send_back':
        row(`Lãnh đạo ${here}`, here, 'Trả lại để xử lý tiếp');
        break;
      case 'mark_result_ready':
        row(here, desk);
        break;
      case 'return_result':
        row(desk, `Ông/Bà ${d.applicant_name}`);
        break;
    }
  });
  return rows;
}

export interface BuiltSlip {
  code: DossierSlipCode;
  data: SlipData;
  /** The date the slip was issued: picks the template version in force and dates the slip. */
  on: Date;
}

/**
 * The SlipData of one slip of a dossier, or null when that slip does not apply (see applicableSlips). Facts come
 * from the procedure version the dossier was received under and the latest matching timeline events.
 */
export async function buildDossierSlip(db: Db, d: DossierRow, slug: string, opts: { publicUrl: string; now: Date }): Promise<BuiltSlip | null> {
  const [events, extensions, pauses] = await Promise.all([listEvents(db, d.id), listExtensions(db, d.id), listPauses(db, d.id)]);
  const ref = applicableSlips(d, { events, extensions }).find((s) => s.slug === slug || (slug === 'apology-extension' && s.code === slug));
  if (!ref) return null;
  const extIndex = ref.code === 'apology-extension' ? Number(ref.slug.split('-').pop()) - 1 : -1;
  const chosenSlug = slug === 'apology-extension' ? `apology-extension-${extensions.length}` : ref.slug;
  const extension: ExtensionRow | undefined = slug === 'apology-extension' ? extensions.at(-1) : extensions[extIndex];

  const version = await findVersionById(db, d.procedure_version_id);
  const issuingUnitId =
    (ref.code === 'apology-extension' || (ref.code === 'stop-notice' && d.status === 'stopped')) && d.processing_unit_id ? d.processing_unit_id : d.unit_id;
  const issuing = (await findUnitById(db, issuingUnitId)) as UnitRow;
  const receiving = issuingUnitId === d.unit_id ? issuing : ((await findUnitById(db, d.unit_id)) as UnitRow);
  const seq = parseDossierCode(d.code)?.sequence ?? d.id;

  const procDocs = version?.data.documents ?? [];
  const documents = (d.documents ?? []).map((name) => {
    const known = procDocs.find((p) => p.name.normalize('NFC') === name.normalize('NFC'));
    return known ? { name, kind: documentKindLabels[known.kind], copies: known.copies } : { name };
  });

  const data: SlipData = {
    unit: await slipUnit(db, issuing),
    documentNumber: `${String(seq).padStart(2, '0')}/${symbols[ref.code]}-BPMC`,
    dossier: {
      code: d.code,
      procedureName: d.procedure_name,
      applicant: {
        name: d.applicant_name,
        address: d.applicant_address ?? undefined,
        phone: d.applicant_phone ?? undefined,
        email: d.applicant_email ?? undefined,
      },
      receivedAt: new Date(d.received_at),
      appointmentAt: new Date(d.due_at),
      timeLimit: version ? timeLimitText(Number(version.time_limit_value), version.time_limit_unit) : undefined,
      sets: 1,
      documents,
      resultDelivery: (d.return_channel as SlipData['dossier']['resultDelivery']) ?? d.channel,
      processingUnit: d.processing_unit_name ?? undefined,
      submittedAt: `Bộ phận Một cửa ${receiving.name}`,
      resultAt: `Bộ phận Một cửa ${receiving.name}`,
    },
    signers: { receiver: actorOf(events.find((e) => e.action === 'receive')) },
    trackingUrl: trackingUrlOf(opts.publicUrl, d.code),
  };
  if (receiving.id !== issuing.id) data.unit.deskName = `Bộ phận Một cửa ${receiving.name}`;

  const head = async (e: EventRow | undefined) => {
    const signer = e?.actor_user_id ? await findSigner(db, e.actor_user_id) : null;
    data.signers.head = signer?.full_name ?? actorOf(e);
    data.signers.headTitle = signer?.title ?? 'Cán bộ thực hiện';
  };

  let on: Date;
  switch (ref.code) {
    case 'receipt': {
      on = new Date(d.accepted_at as Date | string);
      data.signers.receiver = actorOf(lastOf(events, 'accept')) ?? data.signers.receiver;
      break;
    }
    case 'supplement-request': {
      const e = lastOf(events, 'request_supplement') as EventRow;
      const pause = pauses.at(-1);
      on = new Date(e.at);
      data.signers.receiver = actorOf(e);
      data.dossier.supplement = {
        items: lines(pause?.missing ?? e.public_note),
        contactName: actorOf(e),
        contactPhone: receiving.phone ?? undefined,
      };
      break;
    }
    case 'refusal': {
      const e = lastOf(events, 'refuse') as EventRow;
      on = new Date(e.at);
      data.signers.receiver = actorOf(e);
      const basis = version?.data.legalBasis?.length ? version.data.legalBasis.join('; ') : `quy định của thủ tục ${d.procedure_name}`;
      data.dossier.refusal = { basis, reasons: lines((e.data?.reason as string | undefined) ?? e.public_note) };
      break;
    }
    case 'apology-extension': {
      const ext = extension as ExtensionRow;
      const e = events.filter((x) => x.action === 'extend')[slug === 'apology-extension' ? extensions.length - 1 : extIndex];
      on = new Date(ext.issued_at);
      data.documentNumber = `${String(seq).padStart(2, '0')}.${chosenSlug.split('-').pop()}/${symbols[ref.code]}-BPMC`;
      data.dossier.appointmentAt = moveDueMoment(new Date(d.due_at), ext.previous_due_date);
      data.dossier.delay = { reasons: lines(ext.reason), newDueAt: moveDueMoment(new Date(d.due_at), ext.new_due_date) };
      await head(e);
      break;
    }
    case 'stop-notice': {
      const e = lastOf(events, 'withdraw', 'stop') as EventRow;
      on = new Date(e.at);
      const reason = lines((e.data?.reason as string | undefined) ?? e.public_note).join('; ') || '-';
      data.dossier.stop = d.status === 'withdrawn' ? { basis: `đề nghị rút hồ sơ của Ông/Bà ${d.applicant_name}`, reason } : { reason };
      await head(e);
      break;
    }
    case 'control-sheet': {
      on = opts.now;
      data.dossier.handovers = handoversOf(d, events);
      break;
    }
  }
  data.issuedAt = on;
  return { code: ref.code, data, on };
}

const fmtDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The register book (Sổ theo dõi hồ sơ) of a receiving unit for the days `from`..`to`: one row per dossier
 * received, in order of receipt; refused, withdrawn and stopped dossiers say so in the note column.
 */
export async function buildRegisterBook(
  db: Db,
  unit: UnitRow,
  from: string,
  to: string,
): Promise<{ rows: RegisterBookRow[]; unit: SlipData['unit']; period: string }> {
  const found = await listRegister(db, unit.id, from, to);
  const rows: RegisterBookRow[] = found.map((r) => ({
    code: r.code,
    procedureName: r.procedure_name,
    sets: 1,
    applicantName: r.applicant_name,
    applicantAddress: r.applicant_address ?? undefined,
    applicantPhone: r.applicant_phone ?? undefined,
    processingUnit: r.processing_unit_name ?? undefined,
    receivedAt: new Date(r.received_at),
    appointmentAt: new Date(r.due_at),
    transferredAt: r.processing_started_at ? new Date(r.processing_started_at) : undefined,
    resultReceivedAt: r.result_at ? new Date(r.result_at) : undefined,
    returnedAt: r.returned_at ? new Date(r.returned_at) : undefined,
    note: ['refused', 'withdrawn', 'stopped'].includes(r.status) ? statusLabels[r.status].vi : undefined,
  }));
  return { rows, unit: await slipUnit(db, unit), period: `Từ ngày ${fmtDay(from)} đến ngày ${fmtDay(to)}` };
}
