/**
 * A letter as an administrative document (Nghị định 30/2020/NĐ-CP, STANDARDS §5): issuing body, number and symbol,
 * national title and motto, place and date in italics, the title (THƯ CHÚC MỪNG …), the body with its merge fields
 * filled, the signature block with position and name, Nơi nhận. Before approval only a draft: no number, no date of
 * issue, the signer left blank and "DỰ THẢO" across the page.
 */
import type { Db } from '../../platform/db/pool.ts';
import { administrativeDocument, paragraph, renderPdf } from '../../platform/documents/index.ts';
import { ancestorsOf, findUnitById, isTerritorial, placeNameOf } from '../units/index.ts';
import type { LetterRow } from './queries.ts';
import { isFinal } from './rules/letter.ts';
import { fillMergeFields, type MergeField, paragraphsOf } from './rules/templates.ts';

export interface LetterIssuer {
  superiorBody?: string;
  issuer: string;
  /** The unit's name as {don_vi} reads in a sentence ("Ủy ban nhân dân Phường 1"). */
  unitName: string;
  place: string;
  territorial: boolean;
}

const fmtDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The issuing body of a unit's letters: a territorial unit writes as its people's committee. */
export async function issuerOf(db: Db, unitId: number): Promise<LetterIssuer> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new Error(`unit ${unitId} is missing`);
  const ancestors = await ancestorsOf(db, unit);
  const parent = ancestors.at(-1);
  const territorial = isTerritorial(unit.kind);
  // In a sentence the kind word is lower case ("Ủy ban nhân dân xã Mỹ Thọ"), except before a number ("Phường 1").
  const committee = (name: string) =>
    /^(ubnd|ủy ban|uỷ ban)/iu.test(name)
      ? name
      : `Ủy ban nhân dân ${name.replace(/^(Xã|Phường|Thị trấn|Thị xã|Thành phố|Huyện|Quận|Tỉnh|Đặc khu)(?= \D)/u, (w) => w.toLocaleLowerCase('vi'))}`;
  return {
    // The superior body in its usual short form ("UBND tỉnh Đồng Tháp"), so it fits the header's left column.
    superiorBody: parent ? (isTerritorial(parent.kind) ? committee(parent.name).replace(/^Ủy ban nhân dân /u, 'UBND ') : parent.name) : undefined,
    issuer: territorial ? committee(unit.name) : unit.name,
    unitName: territorial ? committee(unit.name) : unit.name,
    place: placeNameOf(unit, ancestors),
    territorial,
  };
}

/** The values of the merge fields for one letter. */
export function mergeValuesOf(l: LetterRow, issuer: LetterIssuer): Record<MergeField, string | null> {
  return {
    ten: l.recipient_name,
    dia_chi: l.recipient_address,
    su_kien: l.event_text,
    ngay: fmtDay(l.event_date),
    don_vi: issuer.unitName,
    nguoi_ky: l.signer_name,
    chuc_vu: l.signer_title,
  };
}

/** The letter's text as it will print: merge fields filled, NFC. */
export function filledBody(l: LetterRow, issuer: LetterIssuer): string {
  return fillMergeFields(l.body, mergeValuesOf(l, issuer));
}

/**
 * The signature block's authority line and position (Nghị định 30/2020 Phụ lục I, mục II.8): a chairman signs "TM. Ủy
 * ban nhân dân / Chủ tịch", a vice-chairman "KT. Chủ tịch / Phó Chủ tịch"; any other position is printed as given.
 * "Phó Chủ tịch UBND thành phố" (an account's title) keeps only the position. Pure.
 */
export function signatureOf(title: string | null, territorial: boolean): { authority?: string; title: string } {
  const t = (title ?? '').normalize('NFC').trim();
  if (/^phó chủ tịch/iu.test(t)) return { authority: 'KT. Chủ tịch', title: 'Phó Chủ tịch' };
  if (/^chủ tịch/iu.test(t) || (!t && territorial)) return { authority: territorial ? 'TM. Ủy ban nhân dân' : undefined, title: 'Chủ tịch' };
  return { title: t || 'Thủ trưởng đơn vị' };
}

export const DRAFT_MARK = 'DỰ THẢO';

/** Renders the letter: final (numbered, dated at approval) once approved; before that the watermarked draft. */
export async function renderLetterPdf(l: LetterRow, issuer: LetterIssuer, now: Date): Promise<Buffer> {
  const final = isFinal(l.status);
  const body = paragraphsOf(filledBody(l, issuer)).map((p, i) =>
    // "Kính gửi" and "Địa chỉ" lines sit at the margin; the rest are indented paragraphs.
    i < 2 && /^(Kính gửi|Địa chỉ)/u.test(p) ? paragraph(p, { indent: false, alignment: 'left', bold: p.startsWith('Kính gửi') }) : paragraph(p),
  );
  const sig = signatureOf(l.signer_title, issuer.territorial);
  const definition = administrativeDocument({
    superiorBody: issuer.superiorBody,
    issuer: issuer.issuer,
    number: final && l.number && l.symbol ? l.symbol : final ? undefined : '      /      ',
    place: issuer.place,
    date: final && l.approved_at ? l.approved_at : now,
    documentType: l.title,
    body,
    signatures: [
      {
        authority: sig.authority,
        title: sig.title,
        note: final ? undefined : '(Dự thảo: chưa ký)',
        name: final ? (l.signer_name ?? l.approved_by_name ?? undefined) : (l.signer_name ?? undefined),
      },
    ],
    recipients: ['- Như trên;', '- Lưu: VT.'],
    title: final ? `${l.title} ${l.symbol ?? ''}`.trim() : `${DRAFT_MARK} ${l.title}`,
  });
  if (!final) definition.watermark = { text: DRAFT_MARK, opacity: 0.15, bold: true, angle: -40 };
  return renderPdf(definition, { creationDate: final && l.approved_at ? new Date(l.approved_at) : now, author: issuer.issuer });
}
