import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { administrativeDocument, checkbox, type DateInput, nfc, paragraph } from '../../../platform/documents/index.ts';
import type { Rating } from '../../dossiers/index.ts';
import { ratingLevels, type SurveyQuestion } from './survey.ts';

/**
 * The paper survey form (phiếu khảo sát sự hài lòng): A4, the administrative header of the unit, the survey's title,
 * a QR code opening the online form, then each question with four tick boxes or lines to write on, and an optional
 * contact box with its consent. Staff type the ticked forms in at /quan-tri/khao-sat/<id>/nhap. Pure: data and the QR
 * image in, a pdfmake definition out.
 */
export const FORM_TYPE = 'PHIẾU KHẢO SÁT SỰ HÀI LÒNG';
export const QR_CAPTION = 'Quét mã để trả lời trực tuyến';

export interface PaperFormInput {
  superiorBody: string | null;
  unitName: string;
  place: string;
  day: DateInput;
  survey: { id: number; title: string; intro: string | null; askOfficial: boolean; askProcedure: boolean };
  questions: SurveyQuestion[];
  url: string;
  qrImage: string;
  levelLabels: Record<Rating, string>;
}

const dotted = (width = 440): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 14, x2: width, y2: 14, lineWidth: 0.5, dash: { length: 1.5, space: 2 } }] });

/** Four boxes on two lines of two, so long labels fit on A4 beside the margins. */
function levelBoxes(labels: Record<Rating, string>): Content {
  const box = (l: Rating) => ({ width: '*', stack: [checkbox(false, labels[l])] }) as Content;
  const [a, b, c, d] = ratingLevels;
  return {
    stack: [
      { columns: [box(a), box(b)], columnGap: 8 },
      { columns: [box(c), box(d)], columnGap: 8 },
    ],
    margin: [14, 0, 0, 2],
  };
}

export function paperFormDocument(input: PaperFormInput): TDocumentDefinitions {
  const { survey } = input;
  const body: Content[] = [];
  body.push(
    paragraph(
      input.survey.intro ??
        'Để không ngừng nâng cao chất lượng phục vụ, cơ quan rất mong ông/bà cho biết ý kiến bằng cách đánh dấu (X) vào ô phù hợp. Phiếu không cần ghi họ tên.',
      { italics: true },
    ),
  );
  body.push({ text: 'Ông/bà là:', bold: true, margin: [0, 6, 0, 0] });
  body.push({ columns: [checkbox(false, 'Người dân'), checkbox(false, 'Doanh nghiệp, tổ chức')], margin: [14, 0, 0, 2] });
  if (survey.askProcedure) {
    body.push({ text: 'Thủ tục hành chính ông/bà đã thực hiện (không bắt buộc):', bold: true, margin: [0, 4, 0, 0] });
    body.push(dotted());
  }
  if (survey.askOfficial) {
    body.push({ text: 'Họ tên cán bộ đã tiếp ông/bà (không bắt buộc):', bold: true, margin: [0, 8, 0, 0] });
    body.push(dotted());
  }
  let n = 0;
  for (const q of input.questions) {
    n++;
    body.push({ text: `Câu ${n}. ${nfc(q.label)}`, bold: true, margin: [0, 5, 0, 1] });
    if (q.kind === 'rating') body.push(levelBoxes(input.levelLabels));
    else body.push({ stack: [dotted(), dotted()], margin: [0, 0, 0, 2] });
  }
  body.push({
    stack: [
      { text: 'Nếu muốn cơ quan liên hệ lại (không bắt buộc):', bold: true },
      { text: 'Họ tên: ............................................  Điện thoại hoặc thư điện tử: ...............................', margin: [0, 4, 0, 2] },
      checkbox(false, 'Tôi đồng ý để cơ quan dùng số điện thoại hoặc thư điện tử trên để liên hệ lại về ý kiến này.'),
    ],
    margin: [0, 8, 0, 0],
    unbreakable: true,
  });
  body.push({ text: nfc(`Trả lời trực tuyến: ${input.url}`), fontSize: 10, italics: true, margin: [0, 8, 0, 0] });
  body.push({ text: 'Xin trân trọng cảm ơn ông/bà!', bold: true, italics: true, alignment: 'center', margin: [0, 8, 0, 0] });
  const doc = administrativeDocument({
    superiorBody: input.superiorBody ?? undefined,
    issuer: input.unitName,
    place: input.place,
    date: input.day,
    documentType: FORM_TYPE,
    summary: survey.title,
    subtitle: [`Mã phiếu: KS-${survey.id}`],
    body,
    signatures: [],
    qr: { image: input.qrImage, caption: QR_CAPTION, size: 62 },
    title: `${FORM_TYPE}: ${survey.title}`,
  });
  // 12 pt and tight lines: a survey of five aspects and a written question fits one sheet of A4.
  return { ...doc, defaultStyle: { ...doc.defaultStyle, fontSize: 12, lineHeight: 1.05 } };
}
