/**
 * Support teams (model M5, Đội hỗ trợ dịch vụ công miễn phí): teams and members (not staff; phone is personal data,
 * public only on duty and with consent), the duty roster (no past shifts, no overlapping shifts for one member), who is
 * on duty now (fixed clock), the public page and JSON, help records entered by volunteers for their own team or by the
 * desk, the counts per unit, team, member and kind, and bad input including markup.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onDutyNow, supportActivity } from '../../src/modules/support-teams/index.ts';
import { csrfFrom, form, makeUnit, makeUser, signIn, startSystem } from '../helpers.ts';

const sys = await startSystem();
const pool = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Hỗ Trợ' });
const ward = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Tình Nguyện' });
const otherWard = await makeUnit(sys, { parent: province, kind: 'ward', name: 'Phường Bên Cạnh' });
await pool.query("UPDATE units SET address = '12 Lý Thường Kiệt, Phường Tình Nguyện', phone = '0277 3853 999' WHERE id = $1", [ward.id]);

const leader = await signIn(sys, (await makeUser(sys, 'unit_leader', ward)).username);
const clerk = await signIn(sys, (await makeUser(sys, 'one_stop_clerk', ward)).username);
const volunteerUser = await makeUser(sys, 'support_volunteer', ward);
const volunteer = await signIn(sys, volunteerUser.username);
const outsider = await makeUser(sys, 'specialist', ward);
const otherLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', otherWard)).username);

const XSS = '<script>alert(1)</script>';
const HOUR = 3600_000;
const vnDay = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 10);
const tomorrow = vnDay(new Date(Date.now() + 24 * HOUR));

async function createTeam(name: string, unit = ward.code, s = leader) {
  return s.request({ method: 'POST', url: '/api/v1/support-teams', payload: { unit, name, organisation: 'youth_union', description: 'Đoàn viên hỗ trợ' } });
}
async function addMember(teamId: number, body: Record<string, unknown>, s = leader) {
  return s.request({ method: 'POST', url: `/api/v1/support-teams/${teamId}/members`, payload: { organisation: 'youth_union', ...body } });
}
type Team = { id: number; members: { id: number; fullName: string; phone: string | null; publicPhoneConsent: boolean; username: string | null }[] };

const teamRes = await createTeam('Đội thanh niên tình nguyện');
assert.equal(teamRes.statusCode, 201, teamRes.body);
const team = teamRes.json() as Team;
const otherTeam = (await createTeam('Chi hội Phụ nữ hỗ trợ')).json() as Team;
const memberOf = (t: Team, name: string) => t.members.find((m) => m.fullName === name)?.id as number;
let t1 = (
  await addMember(team.id, { fullName: 'Nguyễn Văn An', phone: '0907 111 222', publicPhoneConsent: true, username: volunteerUser.username })
).json() as Team;
t1 = (await addMember(team.id, { fullName: 'Trần Thị Bình', phone: '0907333444', publicPhoneConsent: false })).json() as Team;
const an = memberOf(t1, 'Nguyễn Văn An');
const binh = memberOf(t1, 'Trần Thị Bình');
const cuc = memberOf(
  (await addMember(otherTeam.id, { fullName: 'Lê Thị Cúc', organisation: 'women_union', phone: '0907555666', publicPhoneConsent: true })).json() as Team,
  'Lê Thị Cúc',
);

test('teams and members: listed for staff with phones, audit rows without the phone, names unique per unit', async () => {
  const list = await leader.request({ url: `/api/v1/support-teams?unit=${ward.code}` });
  assert.equal(list.statusCode, 200);
  const items = (list.json() as { items: Team[] }).items;
  assert.equal(items.length, 2);
  const a = items.flatMap((t) => t.members).find((m) => m.id === an);
  assert.equal(a?.phone, '0907111222');
  assert.equal(a?.publicPhoneConsent, true);
  assert.equal(a?.username, volunteerUser.username);
  const dup = await createTeam('Đội thanh niên tình nguyện');
  assert.equal(dup.statusCode, 400);
  assert.equal(dup.json().errors[0].field, 'name');
  const audit = await pool.query("SELECT after::text AS after FROM audit_log WHERE action = 'support-team.member.add'");
  assert.equal(audit.rows.length, 3);
  for (const r of audit.rows) assert.doesNotMatch(r.after, /0907/);
  // The teams page shows the members to the leader and records the read.
  const page = await leader.request({ url: `/quan-tri/doi-ho-tro/doi?unit=${ward.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Trần Thị Bình/);
  assert.ok((await pool.query("SELECT 1 FROM audit_log WHERE action = 'support-team.members.read'")).rows.length >= 1);
});

test('bad team and member input is refused field by field, markup included', async () => {
  const bad = await createTeam(XSS);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'name');
  const m = await addMember(team.id, { fullName: `An ${XSS}`, phone: '12345', publicPhoneConsent: false });
  assert.equal(m.statusCode, 400);
  const fields = (m.json().errors as { field: string }[]).map((e) => e.field).sort();
  assert.deepEqual(fields, ['fullName', 'phone']);
  const noPhone = await addMember(team.id, { fullName: 'Võ Văn Chưa', publicPhoneConsent: true });
  assert.equal(noPhone.statusCode, 400);
  assert.equal(noPhone.json().errors[0].field, 'publicPhoneConsent');
  const notVolunteer = await addMember(team.id, { fullName: 'Cán Bộ Khác', username: outsider.username });
  assert.equal(notVolunteer.statusCode, 400);
  assert.equal(notVolunteer.json().errors[0].field, 'username');
  // The page form re-renders with the input escaped and an error summary.
  const pageForm = await leader.request({
    method: 'POST',
    url: `/quan-tri/doi-ho-tro/doi/${team.id}/thanh-vien`,
    payload: form({ team: String(team.id), fullName: XSS, organisation: 'youth_union', phone: '' }),
  });
  assert.equal(pageForm.statusCode, 400);
  assert.match(pageForm.body, /error-summary/);
  assert.ok(!pageForm.body.includes(XSS));
  assert.match(pageForm.body, /&lt;script>/);
  // A team of another unit is not this leader's.
  assert.equal((await addMember(team.id, { fullName: 'Người Ngoài' }, otherLeader)).statusCode, 403);
});

test('shifts: the past is refused, one member cannot be on two overlapping shifts, back-to-back is fine', async () => {
  const post = (body: Record<string, unknown>) =>
    leader.request({ method: 'POST', url: '/api/v1/support-teams/shifts', payload: { unit: ward.code, ...body } });
  const yesterday = vnDay(new Date(Date.now() - 24 * HOUR));
  const past = await post({ duty: 'desk', date: yesterday, start: '07:00', end: '11:00', memberIds: [an] });
  assert.equal(past.statusCode, 400);
  assert.equal(past.json().errors[0].field, 'date');
  assert.match(past.json().errors[0].message ?? JSON.stringify(past.json()), /quá khứ|past/);
  const backwards = await post({ duty: 'desk', date: tomorrow, start: '11:00', end: '07:00', memberIds: [an] });
  assert.equal(backwards.statusCode, 400);
  assert.equal(backwards.json().errors[0].field, 'end');
  const first = await post({ duty: 'desk', date: tomorrow, start: '07:00', end: '11:00', memberIds: [an, binh] });
  assert.equal(first.statusCode, 201, first.body);
  assert.deepEqual(
    (first.json() as { members: { fullName: string }[] }).members.map((m) => m.fullName),
    ['Nguyễn Văn An', 'Trần Thị Bình'],
  );
  const clash = await post({ duty: 'hotline', date: tomorrow, start: '10:00', end: '12:00', memberIds: [cuc, binh] });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().code, 'SUPPORT_SHIFT_OVERLAP');
  assert.match(JSON.stringify(clash.json().errors), /Trần Thị Bình/);
  assert.doesNotMatch(JSON.stringify(clash.json().errors), /Lê Thị Cúc/);
  const next = await post({ duty: 'hotline', date: tomorrow, start: '11:00', end: '12:00', memberIds: [binh] });
  assert.equal(next.statusCode, 201);
  // Another unit's member cannot be put on this unit's shift.
  const foreign = await otherLeader.request({
    method: 'POST',
    url: '/api/v1/support-teams/shifts',
    payload: { unit: otherWard.code, duty: 'desk', date: tomorrow, start: '13:00', end: '14:00', memberIds: [an] },
  });
  assert.equal(foreign.statusCode, 400);
  // The page form shows the overlap clearly.
  const page = await clerk.request({
    method: 'POST',
    url: '/quan-tri/doi-ho-tro/ca',
    payload: `${form({ unit: ward.code, duty: 'online_chat', date: tomorrow, start: '08:00', end: '09:00' })}&memberIds=${an}`,
  });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Nguyễn Văn An đã có ca trực trùng giờ/);
  // The week view lists the shifts; a future shift can be removed.
  const week = await clerk.request({ url: `/quan-tri/doi-ho-tro?unit=${ward.code}&tuan=${tomorrow}` });
  assert.equal(week.statusCode, 200);
  assert.match(week.body, /07:00–11:00/);
  const listed = await leader.request({ url: `/api/v1/support-teams/shifts?unit=${ward.code}&from=${tomorrow}&to=${tomorrow}` });
  assert.equal((listed.json() as { items: unknown[] }).items.length, 2);
  const del = await leader.request({ method: 'DELETE', url: `/api/v1/support-teams/shifts/${next.json().id}` });
  assert.equal(del.statusCode, 204);
  assert.equal((await pool.query("SELECT 1 FROM audit_log WHERE action = 'support-shift.cancel'")).rows.length, 1);
});

test('on duty at a fixed moment: desk address and hours, a phone only with consent and only on duty, the rest of the day', async () => {
  const day = '2030-03-12';
  const at = (hm: string) => new Date(`${day}T${hm}:00+07:00`).toISOString();
  const shift = async (duty: string, start: string, end: string, members: number[]) => {
    const r = await pool.query<{ id: string }>('INSERT INTO support_shifts (unit_id, duty, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id', [
      ward.id,
      duty,
      at(start),
      at(end),
    ]);
    for (const m of members) await pool.query('INSERT INTO support_shift_members (shift_id, member_id) VALUES ($1, $2)', [r.rows[0]?.id, m]);
  };
  await shift('desk', '07:00', '11:30', [binh]);
  await shift('hotline', '07:00', '11:30', [binh]);
  await shift('online_chat', '08:00', '10:00', [an]);
  await shift('home_visit', '14:00', '16:00', [cuc]);
  const nine = new Date(at('09:00'));
  const [u] = await onDutyNow(sys.platform, ward.code, nine, 'vi');
  assert.ok(u);
  const duty = (k: string) => u.duties.find((d) => d.duty === k);
  assert.equal(duty('desk')?.onDuty, true);
  assert.equal(duty('desk')?.reach.address, '12 Lý Thường Kiệt, Phường Tình Nguyện');
  assert.match(duty('desk')?.reach.officeHours ?? '', /Thứ 2–Thứ 6: 07:00–11:30, 13:30–17:00/);
  // Bình did not agree: her name shows, her phone never; the unit's phone instead.
  assert.deepEqual(duty('hotline')?.members, [{ name: 'Trần Thị Bình', phone: null }]);
  assert.equal(duty('hotline')?.reach.phone, '0277 3853 999');
  // An agreed and is on duty: his phone shows.
  assert.deepEqual(duty('online_chat')?.members, [{ name: 'Nguyễn Văn An', phone: '0907111222' }]);
  assert.equal(duty('online_chat')?.until, at('10:00'));
  assert.equal(duty('home_visit')?.onDuty, false);
  assert.deepEqual(
    u.laterToday.map((s) => [s.duty, s.names]),
    [['home_visit', ['Lê Thị Cúc']]],
  );
  // At 10:30 An is off duty: no phone of his anywhere.
  const [later] = await onDutyNow(sys.platform, ward.code, new Date(at('10:30')), 'vi');
  assert.doesNotMatch(JSON.stringify(later), /0907111222/);
  assert.equal(later?.duties.find((d) => d.duty === 'online_chat')?.onDuty, false);
  // At 15:00 Cúc (agreed) is on a home-visit round.
  const [afternoon] = await onDutyNow(sys.platform, ward.code, new Date(at('15:00')), 'vi');
  assert.equal(afternoon?.duties.find((d) => d.duty === 'home_visit')?.reach.phone, '0907555666');
  assert.equal(afternoon?.laterToday.length, 0);
});

test('the public page and JSON show who is on duty now, phones only with consent', async () => {
  const now = Date.now();
  const r = await pool.query<{ id: string }>("INSERT INTO support_shifts (unit_id, duty, starts_at, ends_at) VALUES ($1, 'hotline', $2, $3) RETURNING id", [
    otherWard.id,
    new Date(now - HOUR).toISOString(),
    new Date(now + HOUR).toISOString(),
  ]);
  const team2 = (await createTeam('Đội Cựu chiến binh', otherWard.code, otherLeader)).json() as Team;
  const withConsent = memberOf(
    (
      await addMember(team2.id, { fullName: 'Phạm Văn Dũng', organisation: 'veterans', phone: '0912000111', publicPhoneConsent: true }, otherLeader)
    ).json() as Team,
    'Phạm Văn Dũng',
  );
  const without = memberOf(
    (await addMember(team2.id, { fullName: 'Hồ Thị Én', phone: '0912000222', publicPhoneConsent: false }, otherLeader)).json() as Team,
    'Hồ Thị Én',
  );
  for (const m of [withConsent, without]) await pool.query('INSERT INTO support_shift_members (shift_id, member_id) VALUES ($1, $2)', [r.rows[0]?.id, m]);
  const page = await sys.app.inject({ url: `/ho-tro/${otherWard.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Phạm Văn Dũng/);
  assert.match(page.body, /href="tel:0912000111"/);
  assert.match(page.body, /Hồ Thị Én/);
  assert.doesNotMatch(page.body, /0912000222/);
  const all = await sys.app.inject({ url: '/ho-tro' });
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /Phường Tình Nguyện/);
  assert.match(all.body, /Phường Bên Cạnh/);
  const filtered = await sys.app.inject({ url: `/ho-tro?unit=${otherWard.code}` });
  assert.doesNotMatch(filtered.body, /<h2[^>]*><a href="\/ho-tro\/[^"]+">Phường Tình Nguyện/);
  const json = await sys.app.inject({ url: `/api/v1/support-teams/on-duty?unit=${otherWard.code}` });
  assert.equal(json.statusCode, 200);
  assert.doesNotMatch(json.body, /0912000222/);
  const hotline = json.json().units[0].duties.find((d: { duty: string }) => d.duty === 'hotline');
  assert.equal(hotline.onDuty, true);
  assert.equal(hotline.reach.phone, '0912000111');
  assert.equal((await sys.app.inject({ url: '/api/v1/support-teams/on-duty?unit=khong-co-don-vi' })).statusCode, 404);
  assert.equal((await sys.app.inject({ url: '/ho-tro/khong-co-don-vi' })).statusCode, 404);
  assert.equal((await sys.app.inject({ url: '/api/v1/support-teams/on-duty?unit=%3Cscript%3E' })).statusCode, 400);
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/support-teams/on-duty'].get);
  assert.ok(doc.paths['/api/v1/support-teams/shifts'].post);
  assert.ok(doc.paths['/api/v1/support-teams/help'].post);
});

test('help records: a volunteer records for their own team on the quick form, once per key; not for another team', async () => {
  const page = await volunteer.request({ url: `/quan-tri/doi-ho-tro/ghi-nhan?unit=${ward.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Tạo tài khoản VNeID/);
  assert.match(page.body, new RegExp(`<option value="${an}" selected`));
  assert.doesNotMatch(page.body, /Lê Thị Cúc/);
  const key = /name="key" value="([^"]+)"/.exec(page.body)?.[1] as string;
  const csrf = csrfFrom(page.body);
  const send = (fields: Record<string, string>) =>
    volunteer.request({ method: 'POST', url: '/quan-tri/doi-ho-tro/ghi-nhan', payload: form({ _csrf: csrf, ...fields }) });
  const ok = await send({ memberId: String(an), kind: 'vneid_account', key });
  assert.equal(ok.statusCode, 303);
  const again = await send({ memberId: String(an), kind: 'vneid_account', key });
  assert.equal(again.statusCode, 303);
  assert.equal((await pool.query('SELECT count(*)::int AS n FROM support_help_records WHERE member_id = $1', [an])).rows[0].n, 1);
  // A teammate is fine; a member of another team is not.
  assert.equal((await send({ memberId: String(binh), kind: 'online_dossier', dossierCode: 'H12.34-250101-0001' })).statusCode, 303);
  assert.equal((await send({ memberId: String(cuc), kind: 'payment' })).statusCode, 403);
  // Bad input: no kind, a future day, markup as a dossier code.
  const bad = await send({ memberId: String(an), helpedOn: tomorrow, dossierCode: XSS });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  assert.match(bad.body, /Hãy chọn loại hỗ trợ/);
  assert.match(bad.body, /ngày chưa tới/);
  assert.ok(!bad.body.includes(XSS));
  // The desk records for any member of the unit (JSON), the same key twice answers duplicate.
  const body = { memberId: cuc, kind: 'payment', idempotencyKey: 'desk-key-0001' };
  const first = await clerk.request({ method: 'POST', url: '/api/v1/support-teams/help', payload: body });
  assert.equal(first.statusCode, 201, first.body);
  const dup = await clerk.request({ method: 'POST', url: '/api/v1/support-teams/help', payload: body });
  assert.equal(dup.statusCode, 200);
  assert.deepEqual(dup.json(), { id: first.json().id, duplicate: true });
  assert.equal((await volunteer.request({ method: 'POST', url: '/api/v1/support-teams/help', payload: { memberId: cuc, kind: 'guidance' } })).statusCode, 403);
  assert.equal((await otherLeader.request({ method: 'POST', url: '/api/v1/support-teams/help', payload: { memberId: an, kind: 'guidance' } })).statusCode, 403);
  const badJson = await clerk.request({
    method: 'POST',
    url: '/api/v1/support-teams/help',
    payload: { memberId: an, kind: 'vneid_account', dossierCode: XSS },
  });
  assert.equal(badJson.statusCode, 400);
  assert.equal(badJson.json().errors[0].field, 'dossierCode');
});

test('counts per unit, team, member and kind over a period', async () => {
  const today = vnDay(new Date());
  await clerk.request({ method: 'POST', url: '/api/v1/support-teams/help', payload: { memberId: an, kind: 'vneid_account' } });
  const a = await supportActivity(sys.platform.db, { unitIds: [ward.id, otherWard.id], from: today, to: today });
  assert.deepEqual(a.total, { vneid_account: 2, online_dossier: 1, payment: 1, guidance: 0, total: 4 });
  assert.deepEqual(
    a.teams.map((t) => [t.name, t.counts.total]),
    [
      ['Chi hội Phụ nữ hỗ trợ', 1],
      ['Đội thanh niên tình nguyện', 3],
    ],
  );
  assert.equal(a.members.find((m) => m.id === an)?.counts.vneid_account, 2);
  const none = await supportActivity(sys.platform.db, { unitIds: [ward.id], from: '2020-01-01', to: '2020-01-31' });
  assert.equal(none.total.total, 0);
  const api = await leader.request({ url: `/api/v1/support-teams/activity?unit=${ward.code}&from=${today}&to=${today}` });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().total.total, 4);
  assert.equal((await leader.request({ url: `/api/v1/support-teams/activity?unit=${ward.code}&from=${today}&to=2020-01-01` })).statusCode, 400);
  const page = await leader.request({ url: `/quan-tri/doi-ho-tro/ket-qua?unit=${ward.code}&from=${today}&to=${today}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /4 lượt hỗ trợ/);
  assert.equal((await otherLeader.request({ url: `/quan-tri/doi-ho-tro/ket-qua?unit=${ward.code}` })).statusCode, 403);
});
