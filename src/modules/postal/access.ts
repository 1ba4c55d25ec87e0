/** Loading and checking shared by the JSON routes and the pages: one place for 404s, scope checks and input rules. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { isYes } from '../../platform/text/index.ts';
import type { DossierRow } from '../dossiers/index.ts';
import { scopesFor, type UnitScope } from '../staff/index.ts';
import type { ShipmentInput } from './commands/create-shipment.ts';
import type { StepInput } from './commands/record-postal-step.ts';
import { findShipment, postOfficesServing, type ShipmentRow } from './queries.ts';
import { directions, type RecordableStatus, recordableStatuses } from './rules/legs.ts';
import { checkRecipient, optionalFee, optionalItemNumber, optionalText } from './rules/shipment.ts';

export const PERMISSION = 'postal.handle';

const notFound = () =>
  new AppError('POSTAL_SHIPMENT_NOT_FOUND', { detail: { vi: 'Không có bưu gửi này. Hãy kiểm tra lại đường dẫn.', en: 'No such item. Check the address.' } });

/** A shipment by the id in an address; anything that is not one is the same 404. */
export async function mustFindShipment(p: Platform, raw: unknown): Promise<ShipmentRow> {
  const text = String(raw ?? '');
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
  const s = id !== null && Number.isSafeInteger(id) ? await findShipment(p.db, id) : null;
  if (!s) throw notFound();
  return s;
}

/** A shipment handed to a post office where the caller holds postal.handle: 404 when there is none, 403 otherwise. */
export async function loadForPostOffice(p: Platform, req: FastifyRequest, raw: unknown): Promise<ShipmentRow> {
  const s = await mustFindShipment(p, raw);
  req.requireOn(PERMISSION, s.post_office_path);
  return s;
}

/** The post offices whose shipments the caller sees (null: everywhere, a system administrator). */
export function postOfficeScopes(req: FastifyRequest): UnitScope[] | null {
  const pr = req.principal;
  if (!pr || pr.kind === 'citizen') return [];
  return scopesFor(pr, PERMISSION);
}

const collect = <T>(errors: FieldError[], r: { value: T } | { error: FieldError }): T | null => {
  if ('error' in r) {
    errors.push(r.error);
    return null;
  }
  return r.value;
};

/** A step from a form or JSON body, every bad field named. */
export function stepInputFrom(body: Record<string, unknown>): StepInput {
  const errors: FieldError[] = [];
  const status = body.status;
  if (typeof status !== 'string' || !(recordableStatuses as readonly string[]).includes(status)) {
    errors.push({ field: 'status', message: { vi: 'Hãy chọn bước cần ghi', en: 'Choose the step to record' } });
  }
  const domestic = isYes(body.domesticCode);
  const itemNumber = collect(errors, optionalItemNumber(body.itemNumber, domestic));
  const feeVnd = collect(errors, optionalFee(body.feeVnd));
  const reason = collect(errors, optionalText(body.reason, 'reason'));
  const note = collect(errors, optionalText(body.note, 'note'));
  let version: number | undefined;
  if (body.version !== undefined && body.version !== '') {
    const v = Number(body.version);
    if (!Number.isSafeInteger(v) || v < 1) errors.push({ field: 'version', message: { vi: 'Phiên bản không hợp lệ', en: 'Invalid version' } });
    else version = v;
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  return { status: status as RecordableStatus, itemNumber, itemNumberDomestic: domestic, feeVnd, reason, note, ...(version !== undefined ? { version } : {}) };
}

/** A new shipment from the desk's form: the post office must serve the dossier's unit. Every bad field named. */
export async function shipmentInputFrom(p: Platform, d: DossierRow, body: Record<string, unknown>): Promise<ShipmentInput> {
  const errors: FieldError[] = [];
  const direction = body.direction;
  if (typeof direction !== 'string' || !(directions as readonly string[]).includes(direction)) {
    errors.push({ field: 'direction', message: { vi: 'Hãy chọn chiều gửi', en: 'Choose the direction' } });
  }
  const offices = await postOfficesServing(p.db, d.unit_id);
  const office = offices.find((o) => o.code === body.postOffice);
  if (!office) {
    errors.push({
      field: 'postOffice',
      message: offices.length
        ? { vi: 'Hãy chọn bưu điện phục vụ đơn vị', en: 'Choose a post office serving the unit' }
        : { vi: 'Chưa có bưu điện nào được liên kết phục vụ đơn vị này', en: 'No post office is linked to serve this unit yet' },
    });
  }
  const recipient = checkRecipient({ name: body.recipientName, phone: body.recipientPhone, address: body.recipientAddress });
  if (!recipient.ok) errors.push(...recipient.errors);
  const domestic = isYes(body.domesticCode);
  const itemNumber = collect(errors, optionalItemNumber(body.itemNumber, domestic));
  const feeVnd = collect(errors, optionalFee(body.feeVnd));
  const note = collect(errors, optionalText(body.note, 'note'));
  if (errors.length || !office || !recipient.ok) throw new AppError('VALIDATION_FAILED', { errors });
  return {
    direction: direction as ShipmentInput['direction'],
    postOfficeId: office.id,
    recipient: recipient.value,
    itemNumber,
    itemNumberDomestic: domestic,
    feeVnd,
    citizenAsked: isYes(body.citizenAsked),
    note,
  };
}
