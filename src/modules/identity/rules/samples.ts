/**
 * Invented people in the real layout of the chip ID card's QR code, for tests and the bench (no real person's data).
 * `sample()` builds a payload from its seven fields and any extras, so a test changes one field and keeps the rest.
 */
export interface SampleCard {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: string;
  address: string;
  issueDate: string;
  extras?: string[];
}

export const CARDS = {
  /** Woman born 1990 in Đồng Tháp, no old ID card. */
  tuyet: {
    idNumber: '087190001234',
    oldIdNumber: '',
    fullName: 'Nguyễn Thị Ánh Tuyết',
    dateOfBirth: '12031990',
    sex: 'Nữ',
    address: 'Số 12, Tổ 3, Phường 1, Cao Lãnh, Đồng Tháp',
    issueDate: '15042021',
  },
  /** Man born 1985 in Hồ Chí Minh City who had a 9-digit CMND. */
  binh: {
    idNumber: '079085012345',
    oldIdNumber: '024681357',
    fullName: 'Trần Văn Bình',
    dateOfBirth: '05071985',
    sex: 'Nam',
    address: '123 Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ Chí Minh',
    issueDate: '20102022',
  },
  /** Young man born 2005 in Hà Nội with a 2024 thẻ căn cước: extra fields after the issue date. */
  khoi: {
    idNumber: '001205004321',
    oldIdNumber: '',
    fullName: 'Lê Minh Khôi',
    dateOfBirth: '09092005',
    sex: 'Nam',
    address: 'Thôn Đông, Xã Yên Viên, Gia Lâm, Hà Nội',
    issueDate: '01082024',
    extras: ['', 'Lê Văn Hùng', 'Phạm Thị Lan'],
  },
  /** Girl born 2012 in Cần Thơ. */
  ngoc: {
    idNumber: '092312000777',
    oldIdNumber: '',
    fullName: 'Đặng Bảo Ngọc',
    dateOfBirth: '29022012',
    sex: 'Nữ',
    address: 'Ấp Thới Hòa, Xã Thới Lai, Cần Thơ',
    issueDate: '03032025',
  },
} satisfies Record<string, SampleCard>;

/** The QR payload of a card, with fields overridden. */
export function sample(card: SampleCard, change: Partial<SampleCard> = {}): string {
  const c = { ...card, ...change };
  return [c.idNumber, c.oldIdNumber, c.fullName, c.dateOfBirth, c.sex, c.address, c.issueDate, ...(c.extras ?? [])].join('|');
}
