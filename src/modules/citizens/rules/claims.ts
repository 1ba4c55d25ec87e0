/**
 * From the claims VNeID returns (OpenID Connect Core 1.0 §5.1 standard claims, plus the personal ID number under a
 * claim named in the integration agreement) to the identity fields Gần Dân keeps. Pure module.
 *
 * VNeID publishes no public technical profile of its OpenID Connect interface: the ID-number claim name (VNEID_ID_CLAIM)
 * and the `acr` value of a level 2 account (tài khoản định danh điện tử mức độ 2, Nghị định 69/2024/NĐ-CP) are
 * settings, not constants.
 */

/**
 * What a citizen's row keeps from VNeID: the identity fields (the shape of the identity module's IdentityFields, which
 * the ID-card QR gives) and the contact claims. VNeID gives no date of issue nor an old 9-digit number, and the
 * standard claims may omit birth date, sex or address: those are null here.
 */
export interface CitizenClaims {
  /** Số định danh cá nhân: 12 digits. */
  idNumber: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  sex: 'Nam' | 'Nữ' | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export type ClaimsResult = { ok: true; citizen: CitizenClaims } | { ok: false; problem: 'no_name' | 'no_id_number' };

const text = (v: unknown, max: number): string | null => {
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t.length > 0 && t.length <= max ? t : null;
};

/** OIDC `birthdate` is YYYY-MM-DD (a year of 0000 when withheld, or YYYY alone): only a full, real date is kept. */
export function birthdateFrom(v: unknown): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || v.startsWith('0000')) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : null;
}

/** OIDC `gender` ('male' / 'female'; other values allowed by the spec map to null), or the Vietnamese words. */
export function sexFrom(v: unknown): 'Nam' | 'Nữ' | null {
  if (typeof v !== 'string') return null;
  const g = v.normalize('NFC').trim().toLowerCase();
  if (g === 'male' || g === 'nam') return 'Nam';
  if (g === 'female' || g === 'nữ') return 'Nữ';
  return null;
}

/** OIDC `address` is an object whose `formatted` member is the full address; without it, the parts joined. */
export function addressFrom(v: unknown): string | null {
  if (typeof v === 'string') return text(v, 500);
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  const formatted = text(a.formatted, 500);
  if (formatted) return formatted;
  const parts = [a.street_address, a.locality, a.region, a.country].map((p) => text(p, 200)).filter((p): p is string => p !== null);
  return parts.length ? text(parts.join(', '), 500) : null;
}

/** The 12-digit personal ID number, given as a string (spaces allowed) or a number. */
export function idNumberFrom(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v).padStart(12, '0') : typeof v === 'string' ? v.replace(/[\s.]/g, '') : '';
  return /^\d{12}$/.test(s) ? s : null;
}

/** `name`, or the parts in Vietnamese order (family, middle, given) when `name` is absent. */
function nameFrom(claims: Record<string, unknown>): string | null {
  const whole = text(claims.name, 200);
  if (whole) return whole;
  const parts = [claims.family_name, claims.middle_name, claims.given_name].map((p) => text(p, 100)).filter((p): p is string => p !== null);
  return parts.length ? text(parts.join(' '), 200) : null;
}

/** Maps the merged ID-token and userinfo claims; refuses when the full name or the ID number is missing. */
export function citizenFromClaims(claims: Record<string, unknown>, idClaim: string): ClaimsResult {
  const fullName = nameFrom(claims);
  if (!fullName) return { ok: false, problem: 'no_name' };
  const idNumber = idNumberFrom(claims[idClaim]);
  if (!idNumber) return { ok: false, problem: 'no_id_number' };
  const phone = typeof claims.phone_number === 'string' && /^[0-9 +().-]{8,20}$/.test(claims.phone_number.trim()) ? claims.phone_number.trim() : null;
  const email = typeof claims.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(claims.email.trim()) && claims.email.length <= 200 ? claims.email.trim() : null;
  return {
    ok: true,
    citizen: {
      idNumber,
      fullName,
      dateOfBirth: birthdateFrom(claims.birthdate),
      sex: sexFrom(claims.gender),
      address: addressFrom(claims.address),
      phone,
      email,
    },
  };
}

/** Whether the ID token's `acr` is one of the accepted values; an empty list accepts any (no level check configured). */
export function acrAccepted(acr: unknown, accepted: readonly string[]): boolean {
  return accepted.length === 0 || (typeof acr === 'string' && accepted.includes(acr));
}

/**
 * Sex from the personal ID number's fourth digit (the sex-and-century digit: even for men, odd for women; 0/1 born in
 * the 1900s, 2/3 in the 2000s …; Thông tư 07/2016/TT-BCA Điều 7, as the identity module reads it), for when VNeID sends
 * no `gender`.
 */
export function sexFromIdNumber(idNumber: string): 'Nam' | 'Nữ' | null {
  const d = /^\d{12}$/.test(idNumber) ? Number(idNumber[3]) : Number.NaN;
  return Number.isNaN(d) ? null : d % 2 === 0 ? 'Nam' : 'Nữ';
}
