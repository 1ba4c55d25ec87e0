import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleReceiptData } from '../bench.ts';
import { buildSlip } from './build-slip.ts';
import { assertDefinition, type SlipTemplateDefinition } from './definition.ts';
import { placeholdersOf } from './placeholders.ts';
import { SLIP_CODES, slipTemplatesTt03of2025 } from './templates-tt03-2025.ts';

function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'stack', 'columns', 'table', 'body']) if (key in o) texts(o[key], out);
  }
  return out;
}

const qrImage = 'data:image/png;base64,iVBORw0KGgo=';
const def = (code: string): SlipTemplateDefinition => {
  const found = slipTemplatesTt03of2025.find((t) => t.code === code);
  assert.ok(found);
  return found.definition;
};

describe('seed templates (Thông tư 03/2025/TT-VPCP, Mẫu 01–07)', () => {
  test('one template per code, each structurally valid and JSON-safe', () => {
    assert.deepEqual(
      slipTemplatesTt03of2025.map((t) => t.code),
      [...SLIP_CODES],
    );
    for (const t of slipTemplatesTt03of2025) {
      const roundTrip = JSON.parse(JSON.stringify(t.definition));
      assert.deepEqual(roundTrip, t.definition, `${t.code} survives jsonb`);
      assertDefinition(roundTrip, t.code);
      assert.equal(t.definition.qr === null, t.code === 'register-book', 'every slip about a dossier carries the QR');
    }
  });

  test('templates only refer to fields SlipData has (no typo placeholders)', () => {
    const known = /^(unit|dossier|signers|on|item|index|rows|period|trackingUrl|documentNumber|issuedAt)(\.|$)/;
    for (const t of slipTemplatesTt03of2025) {
      for (const p of placeholdersOf(JSON.stringify(t.definition))) assert.match(p, known, `${t.code}: {{${p}}}`);
    }
  });

  test('the receipt lists the documents, the appointment and the ticked delivery choice', () => {
    const doc = buildSlip(def('receipt'), sampleReceiptData(), { on: '2026-11-24', qrImage });
    const all = texts(doc.content);
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: H22.45-261124-0001',
      'Nguyễn Thị Ánh Tuyết',
      'Giấy chứng sinh',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 25 tháng 11 năm 2026',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Đức',
    ])
      assert.ok(all.includes(expected), expected);
  });

  test('a slip without its QR image is refused (the QR is on every slip)', () => {
    assert.throws(() => buildSlip(def('receipt'), sampleReceiptData(), { on: '2026-11-24' }), /qrImage/);
  });

  test('when/unless: the stop notice prints the legal basis only when given', () => {
    const data = sampleReceiptData();
    const withBasis = texts(
      buildSlip(
        def('stop-notice'),
        {
          ...data,
          dossier: { ...data.dossier, stop: { reason: 'Rút hồ sơ', basis: 'Điều 20 Nghị định 118/2025/NĐ-CP' } },
          signers: { head: 'Lê Thị Hồng', headTitle: 'Giám đốc' },
        },
        { on: '2026-11-24', qrImage },
      ).content,
    );
    assert.ok(withBasis.some((t) => t.startsWith('Căn cứ Điều 20')));
    const without = texts(
      buildSlip(
        def('stop-notice'),
        { ...data, dossier: { ...data.dossier, stop: { reason: 'Rút hồ sơ' } }, signers: { head: 'Lê Thị Hồng', headTitle: 'Giám đốc' } },
        { on: '2026-11-24', qrImage },
      ).content,
    );
    assert.ok(!without.some((t) => t.startsWith('Căn cứ')));
    assert.ok(without.includes('Trung tâm Phục vụ hành chính công thông báo dừng giải quyết hồ sơ nêu trên.'));
  });
});
