/**
 * The payment reference of a fee (nội dung chuyển khoản): 'GD' and 10 characters of the short-code alphabet (no
 * look-alikes: 0/O, 1/I/L), upper-case ASCII so every bank app keeps it. Written in the VietQR's purpose (62/08) and
 * looked for in the description a bank statement brings back. Pure: the caller draws the random bytes.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERENCE_LENGTH = 12;
/** Finds a reference inside a statement description (banks add their own words and may lower-case it). */
export const REFERENCE_IN_TEXT = /GD[A-HJKMNP-Z2-9]{10}/g;

/** A reference from at least 10 random bytes. */
export function referenceFrom(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error('need 10 random bytes');
  let out = 'GD';
  for (let i = 0; i < 10; i++) out += ALPHABET[(bytes[i] as number) % ALPHABET.length];
  return out;
}

/** The references found in a transfer description, upper-cased, spaces kept as separators, each once. */
export function findReferences(description: string): string[] {
  const text = description.normalize('NFC').toUpperCase();
  return [...new Set(text.match(REFERENCE_IN_TEXT) ?? [])];
}

export const BANKS: readonly { bin: string; name: string }[] = [
  // NAPAS BINs, checked against the NAPAS member list as copied in github.com/thanhtinhpas1/vietqr-parser
  // (pkg/constants/bankbin.go) and neopayvn/neopay-library (defined/bank.js).
  { bin: '970405', name: 'Agribank (Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam)' },
  { bin: '970436', name: 'Vietcombank (Ngân hàng TMCP Ngoại thương Việt Nam)' },
  { bin: '970415', name: 'VietinBank (Ngân hàng TMCP Công thương Việt Nam)' },
  { bin: '970418', name: 'BIDV (Ngân hàng TMCP Đầu tư và Phát triển Việt Nam)' },
  { bin: '970422', name: 'MB (Ngân hàng TMCP Quân đội)' },
  { bin: '970407', name: 'Techcombank (Ngân hàng TMCP Kỹ thương Việt Nam)' },
  { bin: '970416', name: 'ACB (Ngân hàng TMCP Á Châu)' },
  { bin: '970403', name: 'Sacombank (Ngân hàng TMCP Sài Gòn Thương Tín)' },
  { bin: '970432', name: 'VPBank (Ngân hàng TMCP Việt Nam Thịnh Vượng)' },
  { bin: '970449', name: 'LPBank (Ngân hàng TMCP Lộc Phát Việt Nam)' },
];

/** The bank's name for a BIN from the short list, or null. */
export function bankNameOf(bin: string): string | null {
  return BANKS.find((b) => b.bin === bin)?.name ?? null;
}
