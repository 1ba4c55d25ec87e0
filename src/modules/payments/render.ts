import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Db } from '../../platform/db/pool.ts';
import { administrativeDocument, field, mm, nfc, paragraph, qrDataUrl, renderPdf, upper } from '../../platform/documents/index.ts';
import { ancestorsOf, placeNameOf, type UnitRow } from '../units/index.ts';
import { type FeeView, feeKindLabels, paidByLabels } from './present.ts';
import type { AccountRow, FeeRow, ReceiptRow } from './queries.ts';
import { amountInWords, formatVnd } from './rules/amount-in-words.ts';
import { bankNameOf } from './rules/reference.ts';
import { encodeVietQr } from './rules/vietqr.ts';

const bankOf = (a: AccountRow) => a.bank_name ?? bankNameOf(a.bank_bin) ?? `BIN ${a.bank_bin}`;
const vnd = (n: number) => `${formatVnd(n)} đồng`;

export interface DossierFacts {
  code: string;
  procedureName: string;
  /** PERSONAL DATA: printed on the slip handed to the applicant only. */
  applicantName: string;
}

async function placeOf(db: Db, unit: UnitRow): Promise<string> {
  return placeNameOf(unit, await ancestorsOf(db, unit));
}

/** One due fee: its QR (about 4 cm, scannable from paper) beside what to pay and where. */
async function dueFeeBlock(v: FeeView): Promise<Content> {
  const a = v.account as AccountRow;
  return {
    columns: [
      { width: 120, image: await qrDataUrl(v.vietqr as string, { scale: 8 }), fit: [115, 115] },
      {
        width: '*',
        stack: [
          { text: nfc(`${feeKindLabels[v.fee.kind].vi}: ${v.fee.name}`), bold: true },
          field('Số tiền', vnd(v.owedVnd), { boldValue: true }),
          field('Bằng chữ', amountInWords(v.owedVnd)),
          field('Ngân hàng', bankOf(a)),
          field('Số tài khoản', a.account_no, { boldValue: true }),
          field('Chủ tài khoản', a.account_name),
          field('Nội dung chuyển khoản', v.fee.reference, { boldValue: true }),
        ],
      },
    ],
    columnGap: 10,
    margin: [0, 6, 0, 6],
    unbreakable: true,
  } as Content;
}

/**
 * Giấy báo phí, lệ phí of a dossier: each due fee with its dynamic VietQR (amount and reference), paid and waived ones
 * listed as such. Administrative layout (NĐ 30/2020), handed to the applicant with the receipt slip.
 */
export async function renderFeeNotice(db: Db, unit: UnitRow, d: DossierFacts, views: FeeView[], now: Date): Promise<Buffer> {
  const due = views.filter((v) => v.fee.status === 'due');
  const body: Content[] = [
    field('Người nộp hồ sơ', d.applicantName),
    field('Thủ tục', d.procedureName),
    paragraph(
      `Ông/bà vui lòng nộp các khoản phí, lệ phí dưới đây bằng cách quét mã VietQR bằng ứng dụng ngân hàng (số tiền và nội dung đã điền sẵn, xin giữ nguyên nội dung chuyển khoản) hoặc nộp tiền mặt tại Bộ phận Một cửa.`,
    ),
  ];
  for (const v of due) {
    if (v.vietqr) body.push(await dueFeeBlock(v));
    else body.push(field(`${feeKindLabels[v.fee.kind].vi}: ${v.fee.name}`, `${vnd(v.owedVnd)} (nộp tiền mặt tại quầy; đơn vị chưa có tài khoản chuyên thu)`));
  }
  if (due.length === 0) body.push(paragraph('Hồ sơ không còn khoản phí, lệ phí nào phải nộp.', { indent: false }));
  const settled = views.filter((v) => v.fee.status === 'paid' || v.fee.status === 'waived');
  for (const v of settled) {
    const how = v.fee.status === 'paid' ? `đã nộp (${paidByLabels[v.fee.paid_by ?? 'cash'].vi.toLowerCase()})` : `được miễn: ${v.fee.waive_reason ?? ''}`;
    body.push(field(`${feeKindLabels[v.fee.kind].vi}: ${v.fee.name}`, `${vnd(v.fee.amount_vnd)}, ${how}`));
  }
  const total = due.reduce((s, v) => s + v.owedVnd, 0);
  if (due.length > 0) body.push(field('Tổng số tiền phải nộp', `${vnd(total)} (${amountInWords(total)})`, { boldValue: true }));
  const doc = administrativeDocument({
    issuer: unit.name,
    place: await placeOf(db, unit),
    date: now,
    documentType: 'Giấy báo phí, lệ phí',
    subtitle: [`Mã hồ sơ: ${d.code}`],
    body,
    signatures: [{ title: 'Người lập', note: '(Ký và ghi rõ họ tên)' }],
  });
  return renderPdf(doc, { creationDate: now, title: `Giấy báo phí, lệ phí ${d.code}`, author: unit.name });
}

/**
 * Biên lai thu phí, lệ phí for a paid fee: the unit's number for the year, payer, amount in figures and in words,
 * how it was paid (chuyển khoản / tiền mặt) and the reference.
 */
export async function renderFeeReceipt(db: Db, unit: UnitRow, d: DossierFacts, fee: FeeRow, receipt: ReceiptRow): Promise<Buffer> {
  const issued = new Date(receipt.issued_at);
  const doc = administrativeDocument({
    issuer: unit.name,
    number: `${String(receipt.number).padStart(7, '0')}/${receipt.year}/BLP`,
    place: await placeOf(db, unit),
    date: issued,
    documentType: 'Biên lai thu phí, lệ phí',
    subtitle: [`Mã hồ sơ: ${d.code}`],
    body: [
      field('Tên đơn vị thu', unit.name),
      field('Người nộp tiền', receipt.payer_name ?? d.applicantName),
      field('Thủ tục', d.procedureName),
      field(`Tên khoản thu (${feeKindLabels[fee.kind].vi.toLowerCase()})`, fee.name),
      field('Số tiền', vnd(fee.amount_vnd), { boldValue: true }),
      field('Viết bằng chữ', amountInWords(fee.amount_vnd)),
      field('Hình thức thanh toán', paidByLabels[fee.paid_by ?? 'cash'].vi),
      field('Mã thanh toán', fee.reference),
    ],
    signatures: [
      { title: 'Người nộp tiền', note: '(Ký, ghi rõ họ tên)' },
      { title: 'Người thu tiền', note: '(Ký, ghi rõ họ tên)' },
    ],
  });
  return renderPdf(doc, { creationDate: issued, title: `Biên lai ${receipt.number}/${receipt.year}`, author: unit.name });
}

export interface CounterCard {
  counter: string;
  account: AccountRow;
}

/**
 * The QR cards for the counters of a unit (seed 000: a QR at every counter), one A6 page each: unit, counter, account
 * holder, bank and a STATIC VietQR (no amount, no reference: the payer types them).
 */
export async function renderCounterCards(unit: UnitRow, cards: CounterCard[], now: Date): Promise<Buffer> {
  const content: Content[] = [];
  for (const [i, c] of cards.entries()) {
    const payload = encodeVietQr({ bankBin: c.account.bank_bin, accountNo: c.account.account_no, target: c.account.target, amountVnd: null, purpose: null });
    content.push({
      stack: [
        { text: upper(unit.name), bold: true, fontSize: 13, alignment: 'center' },
        { text: nfc(c.counter), bold: true, fontSize: 16, alignment: 'center', margin: [0, 4, 0, 2] },
        { text: 'THANH TOÁN PHÍ, LỆ PHÍ BẰNG VIETQR', fontSize: 10, alignment: 'center' },
        { image: await qrDataUrl(payload, { scale: 8 }), fit: [190, 190], alignment: 'center', margin: [0, 6, 0, 6] },
        { text: nfc(c.account.account_name), bold: true, fontSize: 12, alignment: 'center' },
        { text: nfc(bankOf(c.account)), fontSize: 10, alignment: 'center' },
        { text: `Số tài khoản: ${c.account.account_no}`, fontSize: 12, alignment: 'center', margin: [0, 2, 0, 4] },
        {
          text: 'Quét mã bằng ứng dụng ngân hàng, nhập số tiền và ghi nội dung chuyển khoản theo mã trên giấy báo phí.',
          fontSize: 9,
          italics: true,
          alignment: 'center',
        },
      ],
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
  }
  const doc: TDocumentDefinitions = { pageSize: 'A6', pageOrientation: 'portrait', pageMargins: [mm(10), mm(10), mm(10), mm(10)], content };
  return renderPdf(doc, { creationDate: now, title: `Thẻ QR tại quầy - ${unit.name}`, author: unit.name });
}
