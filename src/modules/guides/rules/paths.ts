/** The public addresses the guide sheets print as QR codes: short, stable, no query strings. Pure. */

export const PUBLIC_CATALOGUE = '/thu-tuc';
export const STAFF_BASE = '/quan-tri/huong-dan-qr';

export const unitPagePath = (unit: string) => `${PUBLIC_CATALOGUE}/don-vi/${unit}`;
export const fieldPagePath = (unit: string, field: string) => `${unitPagePath(unit)}/linh-vuc/${field}`;
export const sheetPath = (unit: string, field: string) => `${fieldPagePath(unit, field)}/phieu-huong-dan.pdf`;
export const setPath = (unit: string) => `${STAFF_BASE}/${unit}/bo-phieu.pdf`;
export const procedurePagePath = (code: string) => `${PUBLIC_CATALOGUE}/${encodeURIComponent(code)}`;
/** A procedure's blank forms and the units' sample filled dossiers (hồ sơ mẫu): what each row's QR opens. */
export const samplesPagePath = (code: string) => `${procedurePagePath(code)}/ho-so-mau`;

/** An absolute URL on the public site (PUBLIC_URL has no trailing slash, but be safe). */
export const absolute = (publicUrl: string, path: string) => `${publicUrl.replace(/\/+$/, '')}${path}`;
