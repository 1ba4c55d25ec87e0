const TERRITORIAL = new Set(['province', 'city', 'town', 'district', 'commune', 'ward']);

/** Whether a unit of this kind is an administrative territory (not the police, a department, a post office …). */
export const isTerritorial = (kind: string): boolean => TERRITORIAL.has(kind);
const KIND_WORDS = /^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn|đặc khu)\s+/iu;

/**
 * The place name of a document's date line (địa danh, Nghị định 30/2020 Phụ lục I): the administrative unit where
 * the body sits, without its kind word ("Xã Tân Hòa" → "Tân Hòa"), except names that are numbers, which keep it
 * ("Phường 1"). A body that is no territorial unit (the police, a department) takes its nearest territorial ancestor.
 * Pure; used by the one-stop slips and the QR guide sheets.
 */
export function placeNameOf(unit: { name: string; kind: string }, ancestorsNearestLast: readonly { name: string; kind: string }[]): string {
  const place = [unit, ...[...ancestorsNearestLast].reverse()].find((u) => TERRITORIAL.has(u.kind)) ?? unit;
  const name = place.name.normalize('NFC').trim();
  const m = KIND_WORDS.exec(name);
  if (!m) return name;
  const rest = name.slice(m[0].length);
  return /^\d/.test(rest) ? name.replace(/^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, '') : rest;
}
