import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Content } from 'pdfmake/interfaces.js';
import {
  A4,
  ADMINISTRATIVE_MARGINS,
  administrativeDocument,
  formatPlaceDate,
  formatVnDate,
  formatVnDateTime,
  formatVnShortDate,
  formatVnTime,
  mm,
  nfcDeep,
  qrDataUrl,
  renderPdf,
  upper,
  vnIsoDate,
} from './index.ts';

describe('Vietnamese dates (NĐ 30/2020: leading zero for days < 10 and months 1, 2)', () => {
  const cases: [string, string][] = [
    ['2026-11-24', 'ngày 24 tháng 11 năm 2026'],
    ['2026-01-05', 'ngày 05 tháng 01 năm 2026'],
    ['2026-02-10', 'ngày 10 tháng 02 năm 2026'],
    ['2026-03-09', 'ngày 09 tháng 3 năm 2026'],
    ['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
  ];
  for (const [iso, text] of cases) test(`${iso} → ${text}`, () => assert.equal(formatVnDate(iso), text));

  test('instants are read in Vietnam time (UTC+7)', () => {
    // 17:30 UTC on the 23rd is 00:30 on the 24th in Vietnam.
    const late = new Date('2026-11-23T17:30:00Z');
    assert.equal(formatVnDate(late), 'ngày 24 tháng 11 năm 2026');
    assert.equal(formatVnTime(late), '0 giờ 30 phút');
    assert.equal(vnIsoDate(late), '2026-11-24');
    assert.equal(formatVnDateTime(new Date('2026-11-24T07:30:00Z')), '14 giờ 30 phút, ngày 24 tháng 11 năm 2026');
    assert.equal(formatVnTime(new Date('2026-11-24T00:05:00Z')), '7 giờ 05 phút');
    assert.equal(formatVnShortDate(new Date('2026-01-04T20:00:00Z')), '05/01/2026');
  });

  test('place and date line', () => assert.equal(formatPlaceDate('Cao Lãnh', '2026-11-24'), 'Cao Lãnh, ngày 24 tháng 11 năm 2026'));
  test('a bad date is refused', () => assert.throws(() => formatVnDate('24/11/2026'), RangeError));
});

describe('NFC normalisation', () => {
  test('composes strings deep inside objects and arrays, keys included', () => {
    const nfd = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    const out = nfcDeep({ a: [nfd, { [nfd]: nfd }], n: 3, d: new Date(0) });
    assert.equal(out.a[0], 'Nguyễn Thị Ánh Tuyết');
    assert.deepEqual(Object.keys(out.a[1] as object), ['Nguyễn Thị Ánh Tuyết']);
    assert.equal(out.n, 3);
    assert.ok(out.d instanceof Date);
  });
  test('upper case keeps Vietnamese letters', () => assert.equal(upper('ủy ban nhân dân phường đông'), 'ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG'));
});

/** Every text string in a pdfmake content tree, in order. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'stack', 'columns', 'table', 'body']) if (key in o) texts(o[key], out);
  }
  return out;
}

function find(node: unknown, pred: (o: Record<string, unknown>) => boolean): Record<string, unknown> | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = find(n, pred);
      if (f) return f;
    }
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (pred(o)) return o;
    for (const v of Object.values(o)) {
      const f = find(v, pred);
      if (f) return f;
    }
  }
  return null;
}

describe('administrative document builder (NĐ 30/2020, Phụ lục I)', () => {
  const base = {
    superiorBody: 'UBND phường Cao Lãnh',
    issuer: 'Trung tâm Phục vụ hành chính công',
    number: '12/TB-TTPVHCC',
    place: 'Cao Lãnh',
    date: '2026-11-24',
    documentType: 'Thông báo',
    summary: 'Về việc dừng giải quyết hồ sơ',
    body: [{ text: 'Nội dung.' } as Content],
    signatures: [{ title: 'Giám đốc', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: 'Lê Thị Hồng' }],
    recipients: ['- Như trên;', '- Lưu: VT.'],
  };

  test('A4 portrait with the decree margins, 13 pt body', () => {
    const def = administrativeDocument(base);
    assert.equal(def.pageSize, 'A4');
    assert.equal(def.pageOrientation, 'portrait');
    assert.deepEqual(def.pageMargins, ADMINISTRATIVE_MARGINS);
    const [left, top, right, bottom] = ADMINISTRATIVE_MARGINS;
    assert.ok(left >= mm(30) - 0.01 && left <= mm(35));
    assert.ok(top >= mm(20) - 0.01 && top <= mm(25) && bottom >= mm(20) - 0.01 && bottom <= mm(25));
    assert.ok(right >= mm(15) - 0.01 && right <= mm(20));
    assert.equal(def.defaultStyle?.fontSize, 13);
  });

  test('two-column header: issuer bold caps left, national title and underlined motto right, italic date', () => {
    const def = administrativeDocument(base);
    const header = (def.content as Content[])[0] as { table: { widths: string[]; body: unknown[][] } };
    assert.equal(header.table.body.length, 2);
    const [leftTop, rightTop] = header.table.body[0] as unknown[];
    assert.deepEqual(texts(leftTop), ['UBND PHƯỜNG CAO LÃNH', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', '', '']);
    assert.equal(find(leftTop, (o) => o.text === 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG')?.bold, true);
    assert.ok(
      find(leftTop, (o) => Array.isArray(o.canvas)),
      'a short rule under the issuer',
    );
    assert.equal(find(rightTop, (o) => o.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')?.bold, true);
    const motto = find(rightTop, (o) => o.text === 'Độc lập - Tự do - Hạnh phúc');
    assert.equal(motto?.bold, true);
    assert.equal(motto?.decoration, 'underline');
    const [numberCell, dateCell] = header.table.body[1] as unknown[];
    assert.deepEqual(texts(numberCell), ['Số: 12/TB-TTPVHCC']);
    assert.equal((dateCell as { italics: boolean }).italics, true);
    assert.deepEqual(texts(dateCell), ['Cao Lãnh, ngày 24 tháng 11 năm 2026']);
  });

  test('type and summary bold, then body, signature, recipients in bold italic', () => {
    const def = administrativeDocument(base);
    const all = texts(def.content);
    const order = ['THÔNG BÁO', 'Về việc dừng giải quyết hồ sơ', 'Nội dung.', 'Nơi nhận:', 'GIÁM ĐỐC', 'Lê Thị Hồng'];
    let at = -1;
    for (const t of order) {
      const i = all.indexOf(t, at + 1);
      assert.ok(i > at, `${t} comes after the previous part`);
      at = i;
    }
    assert.equal(find(def.content, (o) => o.text === 'Nơi nhận:')?.italics, true);
    assert.equal(find(def.content, (o) => o.text === 'Nơi nhận:')?.bold, true);
  });

  test('no superior body, no number: those lines are left out', () => {
    const def = administrativeDocument({ ...base, superiorBody: undefined, number: undefined });
    const all = texts(def.content);
    assert.ok(!all.some((t) => t.startsWith('Số:')));
    assert.ok(!all.includes('UBND PHƯỜNG CAO LÃNH'));
  });

  test('QR beside the title, or absolutely in a corner of page 1', async () => {
    const image = await qrDataUrl('https://gandan.example.vn/tra-cuu/ABC');
    const beside = administrativeDocument({ ...base, qr: { image, caption: 'Tra cứu' } });
    assert.ok(find(beside.content, (o) => o.image === image));
    assert.equal(
      find(beside.content, (o) => 'absolutePosition' in o),
      null,
    );
    const corner = administrativeDocument({ ...base, qr: { image, caption: 'Tra cứu', placement: 'bottom-right' } });
    const first = (corner.content as Content[])[0] as { absolutePosition: { x: number; y: number } };
    assert.ok(first.absolutePosition.x > A4.width / 2 && first.absolutePosition.y > A4.height / 2);
  });

  test('text is kept as text: markup-looking input is not interpreted', () => {
    const def = administrativeDocument({ ...base, issuer: '<b>Bộ phận</b> & "Một cửa"' });
    assert.ok(texts(def.content).includes('<B>BỘ PHẬN</B> & "MỘT CỬA"'));
  });
});

describe('PDF rendering', () => {
  test('renders A4, repeatably, with NFD input identical to NFC', async () => {
    const doc = (name: string) =>
      administrativeDocument({ issuer: 'Bộ phận Một cửa', place: 'Cao Lãnh', date: '2026-11-24', body: [{ text: name }], signatures: [] });
    const opts = { creationDate: new Date('2026-11-24T00:00:00+07:00') };
    const a = await renderPdf(doc('Nguyễn Thị Ánh Tuyết'), opts);
    const b = await renderPdf(doc('Nguyễn Thị Ánh Tuyết'), opts);
    const c = await renderPdf(doc('Nguyễn Thị Ánh Tuyết'.normalize('NFD')), opts);
    assert.ok(a.subarray(0, 5).toString() === '%PDF-');
    assert.ok(a.equals(b), 'same input, same bytes');
    assert.ok(a.equals(c), 'NFD input renders exactly as NFC');
    assert.match(a.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
  });
});
