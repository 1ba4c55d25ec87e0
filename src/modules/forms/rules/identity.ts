/** Filling a declaration's boxes from the ID card read at the desk (pure: no I/O). */
import type { CardIdentity, FormTemplate, IdentitySource } from './template.ts';
import { type FormValues, shortDate } from './values.ts';

/** The day the chip ID card became the "thẻ căn cước" issued by the Ministry (Luật Căn cước 2023, in force 1 July 2024). */
const CAN_CUOC_FROM = '2024-07-01';

/**
 * The "Giấy tờ tùy thân" line as Thông tư 04/2024/TT-BTP's notes show it ("Căn cước công dân số 025188001010 do
 * Cục Cảnh sát QLHC về TTXH cấp ngày 20/11/2021"). Cards issued from 1 July 2024 are "thẻ căn cước" issued by
 * Bộ Công an. The issuer is not in the QR: it is inferred from the issue date (see SOURCES.md).
 */
export function idDocumentLine(card: CardIdentity): string {
  const on = shortDate(card.issueDate);
  return card.issueDate >= CAN_CUOC_FROM
    ? `Thẻ căn cước số ${card.idNumber} do Bộ Công an cấp ngày ${on}`
    : `Căn cước công dân số ${card.idNumber} do Cục Cảnh sát QLHC về TTXH cấp ngày ${on}`;
}

function cardValue(card: CardIdentity, from: IdentitySource): string {
  switch (from) {
    case 'idDocument':
      return idDocumentLine(card);
    default:
      return String(card[from]).normalize('NFC');
  }
}

/** The values a card fills in these templates (every mapping whose sex condition the holder meets). */
export function identityValues(templates: FormTemplate[], card: CardIdentity): FormValues {
  const out: FormValues = {};
  for (const t of templates) {
    for (const m of t.identity) {
      if (m.whenSex && m.whenSex !== card.sex) continue;
      out[m.field] ??= cardValue(card, m.from);
    }
  }
  return out;
}
