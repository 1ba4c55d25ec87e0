import type { Db } from '../../../platform/db/pool.ts';
import { qrDataUrl, renderPdf } from '../../../platform/documents/index.ts';
import { ratingLabels } from '../../dossiers/index.ts';
import { ancestorsOf, findUnitById, placeNameOf } from '../../units/index.ts';
import type { SurveyRow } from '../queries.ts';
import { questionsOf } from '../queries.ts';
import { paperFormDocument } from '../rules/paper-form.ts';

/** The public address of a survey's online form. */
export const surveyUrl = (publicUrl: string, id: number) => `${publicUrl.replace(/\/+$/, '')}/khao-sat/${id}`;

/**
 * The printable paper form of a survey (A4 PDF) with a QR code opening the online form. The creation date is the
 * day's midnight in Vietnam, so the same survey printed on the same day gives the same bytes.
 */
export async function renderSurveyForm(db: Db, survey: SurveyRow, publicUrl: string, day: string): Promise<Buffer> {
  const unit = await findUnitById(db, survey.unit_id);
  if (!unit) throw new Error(`unit ${survey.unit_id} of survey ${survey.id} is missing`);
  const [ancestors, questions] = await Promise.all([ancestorsOf(db, unit), questionsOf(db, survey.id)]);
  const parent = ancestors.at(-1);
  const url = surveyUrl(publicUrl, survey.id);
  const doc = paperFormDocument({
    superiorBody: parent ? parent.name : null,
    unitName: unit.name,
    place: placeNameOf(unit, ancestors),
    day,
    survey: { id: survey.id, title: survey.title, intro: survey.intro, askOfficial: survey.ask_official, askProcedure: survey.ask_procedure },
    questions,
    url,
    qrImage: await qrDataUrl(url, { scale: 8 }),
    levelLabels: {
      rat_hai_long: ratingLabels.rat_hai_long.vi,
      hai_long: ratingLabels.hai_long.vi,
      binh_thuong: ratingLabels.binh_thuong.vi,
      khong_hai_long: ratingLabels.khong_hai_long.vi,
    },
  });
  return renderPdf(doc, { creationDate: new Date(`${day}T00:00:00+07:00`), title: `Phiếu khảo sát: ${survey.title}` });
}
