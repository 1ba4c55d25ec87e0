/**
 * The post office as partner (M7) through the real pages and API: a result handed to the post and delivered to the
 * citizen (the dossier becomes returned by post), a dossier received by post carried to the desk, the S10 check digit,
 * a post office that sees only the items handed to it and never the dossier itself, steps in order, fees and counts.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { linkPostOffice, postalActivity } from '../../src/modules/postal/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { makeProcedure } from './dossiers-support.ts';

const sys = await startSystem();
after(() => dossierClock.set(null));
dossierClock.set('2026-03-02T09:00:00+07:00'); // a Monday
const DAY = '2026-03-02';

const province = await makeUnit(sys, { name: 'Tỉnh Bưu Chính' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Bưu Chính' });
const otherWard = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Khác' });
const office = await makeUnit(sys, { parent: province, kind: 'post_office', name: 'Bưu điện Thử' });
const otherOffice = await makeUnit(sys, { parent: province, kind: 'post_office', name: 'Bưu điện Khác' });
await inTransaction(sys.platform.db, async (tx) => {
  await linkPostOffice(tx, systemActor('test'), office, [ward]);
  await linkPostOffice(tx, systemActor('test'), otherOffice, [otherWard]);
});

const users = {
  admin: await makeUser(sys, 'system_admin', province, { subtree: true }),
  clerk: await makeUser(sys, 'one_stop_clerk', ward),
  postman: await makeUser(sys, 'post_office_staff', office),
  otherPostman: await makeUser(sys, 'post_office_staff', otherOffice),
  leader: await makeUser(sys, 'unit_leader', ward),
};
const s: Record<keyof typeof users, Session> = {} as never;
for (const [k, u] of Object.entries(users)) s[k as keyof typeof users] = await signIn(sys, u.username);

const procedure = await makeProcedure(sys, { days: 5, name: 'Chứng thực chữ ký (thử bưu chính)', documents: ['Giấy chứng sinh bí mật'] });

async function receive(channel: 'desk' | 'post') {
  return inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      ward,
      {
        unit: ward.code,
        procedure,
        channel,
        applicant: { name: 'Lê Thị Bưu', idNumber: '001203456789', phone: '0912344567', address: 'Số 5, đường Lý Thường Kiệt, Phường Bưu Chính' },
        documents: ['Giấy chứng sinh bí mật'],
      },
      dossierClock.now(),
      null,
    ),
  );
}

async function toResultReady(code: string) {
  for (const slug of ['accept', 'start-processing', 'submit', 'approve', 'result-ready']) {
    const d = (await s.admin.request({ url: `/api/v1/dossiers/${code}` })).json() as { version: number };
    const res = await s.admin.request({ method: 'POST', url: `/api/v1/dossiers/${code}/actions/${slug}`, payload: { version: d.version } });
    assert.equal(res.statusCode, 200, `${slug}: ${res.body}`);
  }
}

const handOver = (code: string, fields: Record<string, string>) =>
  s.clerk.request({
    method: 'POST',
    url: `/mot-cua/ho-so/${code}/buu-dien`,
    payload: form({
      postOffice: office.code,
      recipientName: 'Lê Thị Bưu',
      recipientPhone: '0912 344 567',
      recipientAddress: 'Số 5, đường Lý Thường Kiệt, Phường Bưu Chính',
      ...fields,
    }),
    headers: { accept: 'text/html' },
  });

const shipmentOf = async (code: string, direction: string) =>
  (
    await sys.platform.pool.query<{ id: string; status: string; fee_vnd: string | null; item_number: string | null }>(
      'SELECT s.id, s.status, s.fee_vnd, s.item_number FROM postal_shipments s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1 AND s.direction = $2',
      [code, direction],
    )
  ).rows[0];

const stepForm = (session: Session, id: string, fields: Record<string, string>) =>
  session.request({ method: 'POST', url: `/buu-dien/${id}/buoc`, payload: form(fields), headers: { accept: 'text/html' } });

let outboundCode = '';
let inboundCode = '';

test('outbound: the desk hands a ready result to the post; the post office records each step; delivered → returned by post', async () => {
  const d = await receive('desk');
  outboundCode = d.code;
  // Not before the result is ready.
  let res = await handOver(d.code, { direction: 'outbound', citizenAsked: 'on' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Chỉ gửi kết quả qua bưu điện khi hồ sơ đã có kết quả/);
  await toResultReady(d.code);
  // Not without the citizen's request.
  res = await handOver(d.code, { direction: 'outbound' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Người dân phải đề nghị nhận kết quả qua bưu điện/);
  // A post office that does not serve the ward is refused as a field error.
  res = await handOver(d.code, { direction: 'outbound', citizenAsked: 'on', postOffice: otherOffice.code });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Hãy chọn bưu điện phục vụ đơn vị/);

  const page = await s.clerk.request({ url: `/mot-cua/ho-so/${d.code}/buu-dien` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Bưu điện Thử/);
  res = await handOver(d.code, { direction: 'outbound', citizenAsked: 'on', feeVnd: '25.000' });
  assert.equal(res.statusCode, 303, res.body);
  const sh = await shipmentOf(d.code, 'outbound');
  assert.ok(sh);
  assert.equal(sh.status, 'created');
  assert.equal(Number(sh.fee_vnd), 25000);
  // A second live outbound shipment for the same dossier is refused.
  res = await handOver(d.code, { direction: 'outbound', citizenAsked: 'on' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /đã có một bưu gửi đang chuyển/);

  // The post office: its list, the item without the dossier's documents, and the steps.
  const list = await s.postman.request({ url: '/buu-dien' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(d.code));
  const detail = await s.postman.request({ url: `/buu-dien/${sh.id}` });
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Lê Thị Bưu/);
  assert.doesNotMatch(detail.body, /Giấy chứng sinh bí mật|Chứng thực chữ ký/, 'no documents, no procedure');
  const reads = await sys.platform.pool.query("SELECT 1 FROM audit_log WHERE action = 'postal_shipment.read' AND entity_id = $1 AND actor_user_id = $2", [
    sh.id,
    users.postman.id,
  ]);
  assert.equal(reads.rowCount, 1, 'reading the addressee is audited');

  // Picked up: the item number is required, and its check digit is checked and told clearly.
  res = await stepForm(s.postman, sh.id, { status: 'picked_up' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Hãy nhập số hiệu bưu gửi khi bưu điện nhận/);
  res = await stepForm(s.postman, sh.id, { status: 'picked_up', itemNumber: 'EB123456784VN' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /chữ số thứ 9 phải là 5, không phải 4/);
  assert.match(res.body, /value="EB123456784VN"/, 'the form keeps what was typed');
  res = await stepForm(s.postman, sh.id, { status: 'picked_up', itemNumber: 'eb 123456785 vn' });
  assert.equal(res.statusCode, 303, res.body);

  // In transit through the API, with the fee updated.
  const api = await s.postman.request({ method: 'POST', url: `/api/v1/postal/shipments/${sh.id}/steps`, payload: { status: 'in_transit', feeVnd: 27000 } });
  assert.equal(api.statusCode, 200, api.body);
  const body = api.json() as { status: string; itemNumber: string; feeVnd: number; events: { step: string; status: string }[]; nextStatuses: string[] };
  assert.equal(body.status, 'in_transit');
  assert.equal(body.itemNumber, 'EB123456785VN');
  assert.equal(body.feeVnd, 27000);
  assert.deepEqual(
    body.events.map((e) => `${e.step}:${e.status}`),
    ['result_to_post:created', 'result_to_post:picked_up', 'delivery_to_citizen:in_transit'],
  );
  assert.deepEqual(body.nextStatuses, ['delivered', 'failed']);

  res = await stepForm(s.postman, sh.id, { status: 'delivered', version: '3' });
  assert.equal(res.statusCode, 303, res.body);
  const dossier = (await s.admin.request({ url: `/api/v1/dossiers/${d.code}` })).json() as { status: string; returnChannel: string };
  assert.equal(dossier.status, 'returned');
  assert.equal(dossier.returnChannel, 'post');

  // A delivered leg never goes back.
  const back = await s.postman.request({ method: 'POST', url: `/api/v1/postal/shipments/${sh.id}/steps`, payload: { status: 'in_transit' } });
  assert.equal(back.statusCode, 409);
  assert.equal(back.json().code, 'POSTAL_STEP_NOT_ALLOWED');
  const page2 = await s.postman.request({ url: `/buu-dien/${sh.id}` });
  assert.match(page2.body, /Bưu gửi đã kết thúc/);

  // The citizen's tracking page: the 4 check digits are the key.
  const ask = await sys.app.inject({ url: `/tra-cuu/${d.code}/buu-dien` });
  assert.equal(ask.statusCode, 200);
  assert.match(ask.body, /4 số cuối/);
  assert.doesNotMatch(ask.body, /EB123456785VN/);
  const wrong = await sys.app.inject({ url: `/tra-cuu/${d.code}/buu-dien?check=1111` });
  assert.equal(wrong.statusCode, 404);
  assert.doesNotMatch(wrong.body, /EB123456785VN/);
  const track = await sys.app.inject({ url: `/tra-cuu/${d.code}/buu-dien?check=4567` });
  assert.equal(track.statusCode, 200);
  assert.match(track.body, /EB123456785VN/);
  assert.match(track.body, /Đã phát thành công/);
  assert.match(track.body, /Phát kết quả đến người dân/);
  assert.doesNotMatch(track.body, /Số 5, đường Lý Thường Kiệt/, 'no address on the public page');
  const tracking = await sys.app.inject({ url: `/tra-cuu?code=${d.code}&check=4567` });
  assert.match(tracking.body, new RegExp(`/tra-cuu/${d.code}/buu-dien\\?check=4567`), 'the tracking page links to the postal steps');
});

test('another post office sees neither the item nor the dossier; the post office never opens the dossier', async () => {
  const sh = await shipmentOf(outboundCode, 'outbound');
  assert.ok(sh);
  assert.equal((await s.otherPostman.request({ url: `/buu-dien/${sh.id}` })).statusCode, 403);
  assert.equal((await s.otherPostman.request({ url: `/api/v1/postal/shipments/${sh.id}` })).statusCode, 403);
  const step = await s.otherPostman.request({ method: 'POST', url: `/api/v1/postal/shipments/${sh.id}/steps`, payload: { status: 'returned' } });
  assert.equal(step.statusCode, 403);
  const list = await s.otherPostman.request({ url: '/api/v1/postal/shipments' });
  assert.equal(list.statusCode, 200);
  assert.equal((list.json() as { total: number }).total, 0);
  assert.doesNotMatch((await s.otherPostman.request({ url: '/buu-dien' })).body, new RegExp(outboundCode));
  assert.equal((await s.postman.request({ url: '/buu-dien/999999' })).statusCode, 404);
  assert.equal((await s.postman.request({ url: '/api/v1/postal/shipments/999999' })).statusCode, 404);
  // The post office's own staff cannot open the dossier, its desk postal page, or hand anything over.
  assert.equal((await s.postman.request({ url: `/mot-cua/ho-so/${outboundCode}` })).statusCode, 403);
  assert.equal((await s.postman.request({ url: `/api/v1/dossiers/${outboundCode}` })).statusCode, 403);
  assert.equal((await s.postman.request({ url: `/mot-cua/ho-so/${outboundCode}/buu-dien` })).statusCode, 403);
  // A leader reads the desk's postal page but does not hand over (no dossiers.receive).
  assert.equal((await s.leader.request({ url: `/mot-cua/ho-so/${outboundCode}/buu-dien` })).statusCode, 200);
  const leaderPost = await s.leader.request({ method: 'POST', url: `/mot-cua/ho-so/${outboundCode}/buu-dien`, payload: form({ direction: 'inbound' }) });
  assert.equal(leaderPost.statusCode, 403);
});

test('inbound: a dossier received by post is picked up, fails once, and is delivered to the desk; bad input is named', async () => {
  const desk = await receive('desk');
  let res = await handOver(desk.code, { direction: 'inbound' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /không được tiếp nhận qua bưu điện/);

  const d = await receive('post');
  inboundCode = d.code;
  // Bad input: a script as the name stays text; a bad phone, a negative fee and a wrong item number are each named.
  res = await handOver(d.code, { direction: 'inbound', recipientPhone: '12345', feeVnd: '-5', itemNumber: 'XX12', recipientAddress: 'x' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Số điện thoại 10 chữ số/);
  assert.match(res.body, /Cước là số đồng/);
  assert.match(res.body, /Số hiệu bưu gửi gồm 2 chữ cái/);
  assert.match(res.body, /Địa chỉ nhận từ 5 đến 500 ký tự/);
  res = await handOver(d.code, {
    direction: 'inbound',
    recipientName: '<script>alert("x")</script> Bưu',
    itemNumber: 'BD2026000123',
    domesticCode: 'on',
    feeVnd: '18000',
  });
  assert.equal(res.statusCode, 303, res.body);
  const sh = await shipmentOf(d.code, 'inbound');
  assert.ok(sh);
  assert.equal(sh.item_number, 'BD2026000123');
  const detail = await s.postman.request({ url: `/buu-dien/${sh.id}` });
  assert.doesNotMatch(detail.body, /<script>alert/);
  assert.match(detail.body, /&lt;script>alert/);

  assert.equal((await stepForm(s.postman, sh.id, { status: 'picked_up' })).statusCode, 303);
  // Failed needs a reason; the reason is kept and shown.
  res = await stepForm(s.postman, sh.id, { status: 'failed' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Hãy ghi lý do phát không thành công/);
  res = await stepForm(s.postman, sh.id, { status: 'failed', reason: 'Bộ phận Một cửa nghỉ <b>chiều</b>' });
  assert.equal(res.statusCode, 303);
  // A step out of order on the page is explained, not a crash.
  res = await stepForm(s.postman, sh.id, { status: 'picked_up' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Không chuyển được từ/);
  // A different item number from the one recorded is refused.
  res = await stepForm(s.postman, sh.id, { status: 'in_transit', itemNumber: 'EB123456785VN' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /đã có số hiệu BD2026000123/);
  assert.equal((await stepForm(s.postman, sh.id, { status: 'in_transit' })).statusCode, 303);
  assert.equal((await stepForm(s.postman, sh.id, { status: 'delivered' })).statusCode, 303);
  const events = await sys.platform.pool.query<{ step: string; status: string }>('SELECT step, status FROM postal_events WHERE shipment_id = $1 ORDER BY id', [
    sh.id,
  ]);
  assert.deepEqual(
    events.rows.map((e) => `${e.step}:${e.status}`),
    ['pickup:created', 'pickup:picked_up', 'delivery_to_desk:failed', 'delivery_to_desk:in_transit', 'delivery_to_desk:delivered'],
  );
  const deskPage = await s.clerk.request({ url: `/mot-cua/ho-so/${d.code}/buu-dien` });
  assert.match(deskPage.body, /Chuyển hồ sơ đến Bộ phận Một cửa/);
  assert.match(deskPage.body, /nghỉ &lt;b>chiều&lt;\/b>/);
  // A second inbound shipment while one is live (delivered) is refused.
  res = await handOver(d.code, { direction: 'inbound' });
  assert.equal(res.statusCode, 409);
});

test('JSON API: the list for the caller’s post office, filters, and a body with bad types', async () => {
  const all = await s.postman.request({ url: '/api/v1/postal/shipments' });
  assert.equal(all.statusCode, 200);
  const items = (all.json() as { items: { dossierCode: string; recipient: { name: string } }[]; total: number }).items;
  assert.deepEqual(items.map((i) => i.dossierCode).sort(), [outboundCode, inboundCode].sort());
  assert.ok(items.every((i) => !('documents' in i)));
  const delivered = await s.postman.request({ url: '/api/v1/postal/shipments?status=created' });
  assert.equal((delivered.json() as { total: number }).total, 0);
  assert.equal((await s.postman.request({ url: '/api/v1/postal/shipments?status=lost' })).statusCode, 400);
  const sh = await shipmentOf(outboundCode, 'outbound');
  const bad = await s.postman.request({
    method: 'POST',
    url: `/api/v1/postal/shipments/${sh?.id}/steps`,
    payload: { status: 'delivered', feeVnd: -1, extra: 1 },
  });
  assert.equal(bad.statusCode, 400);
});

test('counts: by post each way, legs by status, fees; the report page', async () => {
  const a = await postalActivity(sys.platform.db, { unitIds: [ward.id], from: DAY, to: DAY });
  assert.equal(a.receivedByPost, 1);
  assert.equal(a.returnedByPost, 1);
  assert.equal(a.legs.outbound.delivered, 1);
  assert.equal(a.legs.inbound.delivered, 1);
  assert.equal(a.legs.inbound.created, 0);
  assert.equal(a.feesVnd, 27000 + 18000);
  const none = await postalActivity(sys.platform.db, { unitIds: [otherWard.id], from: DAY, to: DAY });
  assert.equal(none.receivedByPost + none.returnedByPost + none.feesVnd, 0);
  const page = await s.leader.request({ url: `/bao-cao/buu-dien?unit=${ward.code}&from=${DAY}&to=${DAY}&subtree=0` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /45\.000 đ/);
  const badPeriod = await s.leader.request({ url: `/bao-cao/buu-dien?unit=${ward.code}&from=2026-03-05&to=${DAY}` });
  assert.equal(badPeriod.statusCode, 400);
  assert.equal((await s.postman.request({ url: `/bao-cao/buu-dien?unit=${ward.code}` })).statusCode, 403);
});

test('the postal JSON routes are in the OpenAPI document', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/postal/shipments'].get);
  assert.ok(doc.paths['/api/v1/postal/shipments/{id}'].get);
  assert.ok(doc.paths['/api/v1/postal/shipments/{id}/steps'].post.requestBody);
});
