import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentName, isAutomatic, textFromHtml, titleFromSubject, unitCodeFromAddress } from './email.ts';
import { fitDescription, readFacebookDelivery, readZaloEvent, unitForAccount } from './messages.ts';

test('Zalo events: text and image messages are read, other events ignored, broken ones malformed', () => {
  const base = { app_id: '1', timestamp: '1718000000000', sender: { id: 'u1' }, recipient: { id: 'oa1' } };
  const text = readZaloEvent({ ...base, event_name: 'user_send_text', message: { msg_id: 'm1', text: 'Xin chào' } });
  assert.deepEqual(text, {
    kind: 'messages',
    messages: [{ messageId: 'm1', timestampMs: 1718000000000, account: 'oa1', senderRef: 'u1', text: 'Xin chào', imageUrls: [] }],
    timestampsMs: [1718000000000],
  });
  const image = readZaloEvent({
    ...base,
    event_name: 'user_send_image',
    message: {
      msg_id: 'm2',
      attachments: [
        { type: 'image', payload: { url: 'https://a.zdn.vn/1.jpg' } },
        { type: 'image', payload: { url: 'javascript:alert(1)' } },
      ],
    },
  });
  assert.equal(image.kind === 'messages' && image.messages[0]?.imageUrls.join(), 'https://a.zdn.vn/1.jpg');
  assert.equal(readZaloEvent({ ...base, event_name: 'follow' }).kind, 'ignored');
  assert.equal(readZaloEvent({ ...base, event_name: 'user_send_text', message: { text: 'no id' } }).kind, 'malformed');
  assert.equal(readZaloEvent({ event_name: 'user_send_text' }).kind, 'malformed');
  assert.equal(readZaloEvent([]).kind, 'malformed');
});

test('Facebook deliveries: the page’s echoes, receipts and stickers are not feedback', () => {
  const delivery = {
    object: 'page',
    entry: [
      {
        id: 'p1',
        time: 1718000000500,
        messaging: [
          { sender: { id: 'psid' }, recipient: { id: 'p1' }, timestamp: 1718000000000, message: { mid: 'a', text: 'Hỏi về giấy phép' } },
          { sender: { id: 'p1' }, recipient: { id: 'psid' }, timestamp: 1718000000100, message: { mid: 'b', text: 'Đã nhận', is_echo: true } },
          { sender: { id: 'psid' }, recipient: { id: 'p1' }, timestamp: 1718000000200, delivery: { mids: ['b'] } },
          { sender: { id: 'psid' }, recipient: { id: 'p1' }, timestamp: 1718000000300, message: { mid: 'c', attachments: [{ type: 'sticker', payload: {} }] } },
        ],
      },
    ],
  };
  const r = readFacebookDelivery(delivery);
  assert.equal(r.kind, 'messages');
  assert.deepEqual(r.kind === 'messages' && r.messages.map((m) => [m.messageId, m.senderRef, m.account]), [['a', 'psid', 'p1']]);
  assert.equal(r.kind === 'messages' && r.timestampsMs.length, 5);
  assert.equal(readFacebookDelivery({ object: 'instagram', entry: [] }).kind, 'ignored');
  assert.equal(readFacebookDelivery({ object: 'page' }).kind, 'malformed');
});

test('accounts map to units, with "*" for any other account', () => {
  assert.equal(unitForAccount({ oa1: 'xa-a' }, 'oa1'), 'xa-a');
  assert.equal(unitForAccount({ oa1: 'xa-a' }, 'oa2'), null);
  assert.equal(unitForAccount({ oa1: 'xa-a', '*': 'tinh' }, 'oa2'), 'tinh');
});

test('long text is cut to 4,000 characters by characters, not code units', () => {
  const long = 'ệ'.repeat(5000);
  const r = fitDescription(long);
  assert.equal([...r.text].length, 4000);
  assert.equal(r.truncated, true);
  assert.deepEqual(fitDescription('ngắn'), { text: 'ngắn', truncated: false });
});

test('e-mail addresses name units by plus tag or local part', () => {
  const cases: [string, string | null][] = [
    ['phananh+xa-my-tra@gan-dan.vn', 'xa-my-tra'],
    ['PhuOng-1@caolanh.gov.vn', 'phuong-1'],
    ['phananh+@x.vn', null],
    ['a@x.vn', null],
    ['Nguyễn@x.vn', null],
    ['no-at-sign', null],
  ];
  for (const [address, code] of cases) assert.equal(unitCodeFromAddress(address), code, address);
});

test('machine-sent mail is recognised (RFC 3834)', () => {
  assert.equal(isAutomatic([{ key: 'auto-submitted', value: 'auto-replied' }]), true);
  assert.equal(isAutomatic([{ key: 'auto-submitted', value: 'no' }]), false);
  assert.equal(isAutomatic([{ key: 'precedence', value: 'bulk' }]), true);
  assert.equal(isAutomatic([{ key: 'return-path', value: '<>' }]), true);
  assert.equal(isAutomatic([{ key: 'subject', value: 'Xin chào' }]), false);
});

test('HTML mail becomes text; subjects and file names are made safe', () => {
  assert.equal(textFromHtml('<style>p{}</style><p>Một &amp; hai</p><script>x()</script>ba&#39;'), "Một & hai\n ba'");
  assert.equal(titleFromSubject('  Đề   nghị\tsửa đường '), 'Đề nghị sửa đường');
  assert.equal(titleFromSubject(''), null);
  assert.equal([...(titleFromSubject('ả'.repeat(300)) ?? '')].length, 200);
  assert.equal(attachmentName('C:\\Users\\a\\biên bản.pdf', 0, 'application/pdf'), 'biên bản.pdf');
  assert.equal(attachmentName(null, 1, 'image/png'), 'tep-dinh-kem-2.png');
});
