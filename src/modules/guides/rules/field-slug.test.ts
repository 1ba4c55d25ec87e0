import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignFieldSlugs, fieldForSlug, MAX_SLUG_LENGTH, nameSuffix, slugifyField, suffixedSlug } from './field-slug.ts';

const cases: [string, string][] = [
  // the fields of the demo catalogue
  ['Hộ tịch', 'ho-tich'],
  ['Hộ tịch (liên thông)', 'ho-tich-lien-thong'],
  ['Chứng thực', 'chung-thuc'],
  ['Hộ kinh doanh', 'ho-kinh-doanh'],
  ['Hoạt động xây dựng', 'hoat-dong-xay-dung'],
  ['Bảo trợ xã hội', 'bao-tro-xa-hoi'],
  ['Người có công', 'nguoi-co-cong'],
  ['Đất đai', 'dat-dai'],
  ['Đăng ký, quản lý cư trú', 'dang-ky-quan-ly-cu-tru'],
  ['Căn cước', 'can-cuoc'],
  ['Lý lịch tư pháp', 'ly-lich-tu-phap'],
  ['Giao thông đường bộ (quản lý người lái xe)', 'giao-thong-duong-bo-quan-ly-nguoi-lai-xe'],
  // typing accidents and odd input
  ['Ho\u0302\u0323 ti\u0323ch', 'ho-tich'], // NFD from some keyboards
  ['  ĐẤT   ĐAI  ', 'dat-dai'],
  ['Thủy sản – Nông nghiệp', 'thuy-san-nong-nghiep'],
  ['Tôn giáo/Tín ngưỡng', 'ton-giao-tin-nguong'],
  ['Lĩnh vực 2025', 'linh-vuc-2025'],
  ['Ưu đãi ỷ ỹ ỵ', 'uu-dai-y-y-y'],
  ['---', 'linh-vuc'],
  ['中文', 'linh-vuc'],
  ['', 'linh-vuc'],
];

for (const [name, slug] of cases) {
  test(`field slug: ${JSON.stringify(name)} → ${slug}`, () => {
    assert.equal(slugifyField(name), slug);
  });
}

test('field slug: a long name is cut at a word boundary, never mid-word or with a trailing hyphen', () => {
  const name = 'Thành lập và hoạt động của doanh nghiệp xã hội, hợp tác xã, liên hiệp hợp tác xã và tổ hợp tác';
  const slug = slugifyField(name);
  assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
  assert.ok(`${slugifyField(name.replace(/,/g, ''))}-`.startsWith(`${slug}-`), slug);
  assert.doesNotMatch(slug, /-$/);
  assert.equal(slugifyField('a'.repeat(100)), 'a'.repeat(MAX_SLUG_LENGTH));
});

test('field slugs: distinct names never share a slug; the first in code-point order keeps the plain one', () => {
  const names = ['Hộ tịch', 'Hộ  tịch', 'Ho tich', 'hộ tịch', 'Đất đai', 'Dat dai', 'Chứng thực'];
  const slugs = assignFieldSlugs(names);
  assert.equal(new Set(slugs.values()).size, names.length);
  assert.equal(slugs.get('Chứng thực'), 'chung-thuc');
  assert.equal(slugs.get('Ho tich'), 'ho-tich'); // 'H','o' sorts before 'H','ộ'
  assert.equal(slugs.get('Hộ tịch'), `ho-tich-${nameSuffix('Hộ tịch')}`);
  assert.equal(slugs.get('Dat dai'), 'dat-dai'); // 'D' (U+0044) before 'Đ' (U+0110)
  assert.match(slugs.get('Đất đai') ?? '', /^dat-dai-[0-9a-z]{6}$/);
});

test('field slugs: the same names in any order give the same slugs; NFD and NFC are one name', () => {
  const a = assignFieldSlugs(['Hộ tịch', 'Hộ  tịch', 'Căn cước']);
  const b = assignFieldSlugs(['Căn cước', 'Ho\u0302\u0323  ti\u0323ch', 'Hộ tịch', 'Hộ tịch']);
  assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
  assert.equal(b.size, 3);
});

test('field slugs: a suffixed slug stays the same when other fields come and go', () => {
  const suffix = suffixedSlug('Hộ tịch.');
  assert.equal(assignFieldSlugs(['Hộ tịch', 'Hộ tịch.']).get('Hộ tịch.'), suffix);
  assert.equal(assignFieldSlugs(['Hộ tịch', 'Hộ tịch.', 'Hộ tịch!', 'Căn cước']).get('Hộ tịch.'), suffix);
  // without the collision the plain slug is used, and the suffixed one still opens the field
  assert.equal(fieldForSlug(['Hộ tịch.'], 'ho-tich'), 'Hộ tịch.');
  assert.equal(fieldForSlug(['Hộ tịch.'], suffix), 'Hộ tịch.');
});

test('field slugs: even a name built to hit another name’s suffixed slug gets a unique one', () => {
  const trap = `Hộ tịch ${nameSuffix('Hộ tịch')}`;
  const slugs = assignFieldSlugs(['Ho tich', 'Hộ tịch', trap]);
  assert.equal(new Set(slugs.values()).size, 3);
});

test('field for slug: unknown slugs and other units’ fields are null', () => {
  const names = ['Hộ tịch', 'Chứng thực'];
  assert.equal(fieldForSlug(names, 'chung-thuc'), 'Chứng thực');
  assert.equal(fieldForSlug(names, 'dat-dai'), null);
  assert.equal(fieldForSlug(names, ''), null);
  assert.equal(fieldForSlug([], 'ho-tich'), null);
});
