/** Page geometry of administrative documents (no I/O: safe to import from pure rules). */

/** Millimetres to PDF points. */
export function mm(millimetres: number): number {
  return (millimetres * 72) / 25.4;
}

/**
 * Page margins of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục I.4: top and bottom
 * 20–25 mm, left 30–35 mm, right 15–20 mm), as pdfmake's [left, top, right, bottom] in points.
 */
export const ADMINISTRATIVE_MARGINS: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];

/** Body text size (NĐ 30/2020: 13–14 pt). */
export const BODY_FONT_SIZE = 13;

/** A4 in points, portrait (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;
