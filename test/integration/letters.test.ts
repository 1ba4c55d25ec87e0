/**
 * Letters of congratulation, condolence and apology (M11): drafts proposed from settled dossiers exactly once (marriage,
 * birth, death, late or extended), the opt-out list, letters by hand and businesses by tax code, the approval workflow
 * with register numbers taken safely under concurrency, the PDF (draft watermark, final number), e-mail with the PDF
 * attached through the SMTP stand-in, printing, the register and its Excel export, templates and bad input.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { dossierClock, receiveDossier } from '../../src/modules/dossiers/index.ts';
import { letterActivity, proposeLetters } from '../../src/modules/letters/index.ts';
import { loadDemoProcedures } from '../../src/modules/procedures/index.ts';
import type { UnitRow } from '../../src/modules/units/index.ts';
import { systemActor } from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/query.ts';
import { sendPendingNotifications } from '../../src/platform/notify/index.ts';
import { csrfFrom, form, makeUnit, makeUser, type Session, signIn, startSystem } from '../helpers.ts';
import { pdfInfo, pdfText } from '../pdf.ts';
import { startSmtpStandIn } from '../stand-ins/smtp.ts';

const smtp = await startSmtpStandIn();
after(() => smtp.close());
const sys = await startSystem({ SMTP_URL: smtp.url, MAIL_FROM: 'UBND Phường Mỹ Phú <no-reply@gan-dan.test>' });
const pool = sys.platform.pool;
const province = await makeUnit(sys, { name: 'Tỉnh Đồng Tháp' });
const commune = await makeUnit(sys, { parent: province, kind: 'commune', name: 'Xã Mỹ Thọ' });
const otherProvince = await makeUnit(sys, { name: 'Tỉnh Khác' });
const otherCommune = await makeUnit(sys, { parent: otherProvince, kind: 'commune', name: 'Xã Khác' });
await inTransaction(sys.platform.db, (tx) => loadDemoProcedures(tx, systemActor('test')));

const clerkUser = await makeUser(sys, 'one_stop_clerk', commune);
const clerk = await signIn(sys, clerkUser.username);
const specialist = await signIn(sys, (await makeUser(sys, 'specialist', commune)).username);
const leaderUser = await makeUser(sys, 'unit_leader', commune);
await pool.query(`UPDATE users SET full_name = 'Nguyễn Văn Chủ', title = 'Chủ tịch UBND xã' WHERE id = $1`, [leaderUser.id]);
const leader = await signIn(sys, leaderUser.username);
const otherLeader = await signIn(sys, (await makeUser(sys, 'unit_leader', otherCommune)).username);

const XSS = '<script>alert(1)</script><b>đậm</b>';
let idSeq = 100;

/** A dossier of `procedure` received at `unit` and settled now (result ready), optionally after its due moment. */
async function settled(procedure: string, opts: { unit?: UnitRow; phone?: string; idNumber?: string; late?: boolean; name?: string } = {}): Promise<number> {
  const unit = opts.unit ?? commune;
  const d = await inTransaction(sys.platform.db, (tx) =>
    receiveDossier(
      tx,
      systemActor('test'),
      unit,
      {
        unit: unit.code,
        procedure,
        channel: 'desk',
        applicant: {
          name: opts.name ?? 'Trần Thị Hạnh',
          idNumber: opts.idNumber ?? `0012030${String(idSeq++).padStart(5, '0')}`,
          phone: opts.phone ?? '0912 344 567',
          email: 'tran.thi.hanh@example.vn',
          address: 'Ấp Mỹ Hòa, xã Mỹ Thọ',
        },
      },
      dossierClock.now(),
      null,
    ),
  );
  await pool.query(
    `UPDATE dossiers SET status = 'result_ready', result_at = now(), due_at = CASE WHEN $2 THEN now() - interval '1 day' ELSE due_at END WHERE id = $1`,
    [d.id, opts.late ?? false],
  );
  return d.id;
}

async function lettersFor(dossierId: number) {
  const r = await pool.query(`SELECT id, kind, event_kind, source_ref, status, title, body, recipient_name FROM letters WHERE dossier_id = $1 ORDER BY id`, [
    dossierId,
  ]);
  return r.rows;
}

async function api(s: Session, method: string, url: string, payload?: unknown) {
  return s.request({ method, url, payload });
}

async function createManual(s: Session, over: Record<string, unknown> = {}) {
  const res = await api(s, 'POST', '/api/v1/letters', {
    unit: commune.code,
    kind: 'other',
    recipientName: 'Lê Văn Tâm',
    recipientAddress: 'Ấp Mỹ Lợi, xã Mỹ Thọ',
    recipientEmail: 'le.van.tam@example.vn',
    eventText: 'gia đình ông vừa khánh thành ngôi nhà mới sau trận lũ',
    eventDate: '2026-03-02',
    ...over,
  });
  return res;
}

test('settled marriage, birth and death registrations and late or extended dossiers are proposed exactly once, even with two sweeps at once', async () => {
  const marriage = await settled('1.000894', { name: 'Phạm Văn Lộc' });
  const birth = await settled('1.001193');
  const death = await settled('1.000656');
  const late = await settled('2.000815', { late: true });
  const extended = await settled('1.004873');
  await pool.query(
    `INSERT INTO dossier_extensions (dossier_id, previous_due_date, new_due_date, reason, issued_at, late_when_issued)
     SELECT id, due_date, due_date + 3, 'Cần xác minh thêm', now(), false FROM dossiers WHERE id = $1`,
    [extended],
  );
  const onTime = await settled('2.000815');
  // Not settled yet: nothing.
  await pool.query(`UPDATE dossiers SET status = 'in_processing', result_at = NULL WHERE id = $1`, [await settled('1.001193')]);

  const now = new Date();
  const [a, b] = await Promise.all([proposeLetters(sys.platform.db, now), proposeLetters(sys.platform.db, now)]);
  const total = (r: typeof a) => r.marriage + r.birth + r.death + r.apology;
  assert.equal(total(a) + total(b), 5, JSON.stringify([a, b]));
  assert.equal(total(await proposeLetters(sys.platform.db, now)), 0, 'a third run proposes nothing new');

  const m = await lettersFor(marriage);
  assert.equal(m.length, 1);
  assert.equal(m[0].kind, 'congratulation_marriage');
  assert.equal(m[0].source_ref, `dossier:${marriage}:marriage`);
  assert.equal(m[0].status, 'draft');
  assert.equal(m[0].recipient_name, 'Phạm Văn Lộc');
  assert.equal((await lettersFor(birth))[0]?.kind, 'congratulation_birth');
  assert.equal((await lettersFor(death))[0]?.kind, 'condolence');
  assert.equal((await lettersFor(late))[0]?.kind, 'apology');
  assert.equal((await lettersFor(extended))[0]?.kind, 'apology');
  assert.deepEqual(await lettersFor(onTime), []);
  // The database itself refuses a second letter for one event.
  await assert.rejects(
    pool.query(
      `INSERT INTO letters (unit_id, kind, status, origin, event_kind, source_ref, recipient_name, event_text, event_date, title, body)
       VALUES ($1, 'congratulation_birth', 'draft', 'proposal', 'birth', $2, 'Ai Đó', 'sinh con', '2026-01-01', 'Thư chúc mừng', 'Nội dung thư thử')`,
      [commune.id, `dossier:${birth}:birth`],
    ),
    /letters_event_uq/,
  );
  const audit = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'letter.propose'`);
  assert.equal(audit.rows[0].n, 5);

  // The apology names the dossier and the procedure; its text prints with the merge fields filled.
  const apology = (await lettersFor(late))[0];
  const got = await api(clerk, 'GET', `/api/v1/letters/${apology.id}`);
  assert.equal(got.statusCode, 200);
  const code = (await pool.query('SELECT code FROM dossiers WHERE id = $1', [late])).rows[0].code;
  assert.match(got.json().text, new RegExp(`Chứng thực bản sao.*mã hồ sơ ${code}`));
  assert.match(got.json().text, /Ủy ban nhân dân xã Mỹ Thọ chân thành xin lỗi/);
  assert.doesNotMatch(got.json().text, /\{[a-z_]+\}/);
});

test('a citizen who opted out (public page or staff) gets no congratulation, but still gets condolences', async () => {
  // Public page: phone and consent.
  const page = await sys.app.inject({ url: '/thu-chuc-mung/tu-choi', headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Không nhận thư chúc mừng/);
  const cookie = String([page.headers['set-cookie']].flat().find((c) => String(c).startsWith('gd_sid='))).split(';')[0] as string;
  const post = (fields: Record<string, string>) =>
    sys.app.inject({
      method: 'POST',
      url: '/thu-chuc-mung/tu-choi',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form({ _csrf: csrfFrom(page.body), ...fields }),
    });
  const noConsent = await post({ phone: '0987 111 222' });
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /Hãy đánh dấu xác nhận/);
  assert.match(noConsent.body, /value="0987 111 222"/);
  const badPhone = await post({ phone: '12345', consent: 'on' });
  assert.equal(badPhone.statusCode, 400);
  assert.match(badPhone.body, /Số điện thoại không đúng/);
  const ok = await post({ phone: '+84 987 111 222', consent: 'on' });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /Đã ghi nhận/);
  const stored = await pool.query('SELECT kind, value_hash, source FROM letter_opt_outs');
  assert.equal(stored.rowCount, 1);
  assert.doesNotMatch(JSON.stringify(stored.rows), /987/, 'only a hash is kept');

  // Staff record an ID number.
  const staffPage = await clerk.request({ url: `/quan-tri/thu/tu-choi?unit=${commune.code}` });
  assert.equal(staffPage.statusCode, 200);
  const staffOk = await clerk.request({
    method: 'POST',
    url: '/quan-tri/thu/tu-choi',
    payload: form({ unit: commune.code, kind: 'id_number', value: '001203999888' }),
  });
  assert.equal(staffOk.statusCode, 303);
  const staffBad = await clerk.request({ method: 'POST', url: '/quan-tri/thu/tu-choi', payload: form({ unit: commune.code, kind: 'id_number', value: '12' }) });
  assert.equal(staffBad.statusCode, 400);
  assert.match(staffBad.body, /12 chữ số/);

  const byPhone = await settled('1.001193', { phone: '0987111222' });
  const byId = await settled('1.000894', { idNumber: '001203999888', phone: '0911000111' });
  const deathOfOptedOut = await settled('1.000656', { phone: '0987.111.222' });
  await proposeLetters(sys.platform.db, new Date());
  assert.deepEqual(await lettersFor(byPhone), []);
  assert.deepEqual(await lettersFor(byId), []);
  assert.equal((await lettersFor(deathOfOptedOut))[0]?.kind, 'condolence');
});

test('staff write a letter by hand; the workflow refuses sending and final printing before approval; a leader approves and it gets its number', async () => {
  const created = await createManual(clerk);
  assert.equal(created.statusCode, 201, created.body);
  const l = created.json();
  assert.equal(l.status, 'draft');
  assert.equal(l.origin, 'manual');
  assert.equal(l.title, 'Thư thăm hỏi');
  assert.match(l.text, /Kính gửi: Ông\/Bà Lê Văn Tâm/);
  assert.match(l.text, /khánh thành ngôi nhà mới sau trận lũ \(ngày 02\/03\/2026\)/);
  assert.equal(l.number, null);

  // Not approved: no e-mail, no final print — a clear refusal.
  const early = await api(clerk, 'POST', `/api/v1/letters/${l.id}/send`, {});
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, 'LETTER_NOT_APPROVED');
  const earlyPrint = await clerk.request({ method: 'POST', url: `/quan-tri/thu/${l.id}/in`, headers: { accept: 'text/html' } });
  assert.equal(earlyPrint.statusCode, 409);
  assert.match(earlyPrint.body, /chưa được lãnh đạo duyệt/);
  // The draft PDF is watermarked and has no number.
  const draftPdf = await clerk.request({ url: `/quan-tri/thu/${l.id}/du-thao.pdf` });
  assert.equal(draftPdf.statusCode, 200);
  assert.equal(draftPdf.headers['content-type'], 'application/pdf');
  const draftText = pdfText(draftPdf.rawPayload);
  // The watermark is drawn across the page (pdftotext reads it letter by letter): check the title and the signature note.
  assert.match(pdfInfo(draftPdf.rawPayload).Title ?? '', /^DỰ THẢO Thư thăm hỏi/);
  assert.match(draftText, /\(Dự thảo: chưa ký\)/);
  assert.match(draftText, /THƯ THĂM HỎI/);
  assert.doesNotMatch(draftText, /TTH-UBND/);

  // A clerk cannot approve; a leader cannot approve a draft that was not submitted.
  assert.equal((await api(leader, 'POST', `/api/v1/letters/${l.id}/approve`, {})).json().code, 'LETTER_ACTION_NOT_ALLOWED');
  const submitted = await api(clerk, 'POST', `/api/v1/letters/${l.id}/submit`);
  assert.equal(submitted.statusCode, 200);
  assert.equal(submitted.json().status, 'submitted');
  assert.equal((await api(clerk, 'POST', `/api/v1/letters/${l.id}/approve`, {})).statusCode, 403);
  assert.equal((await api(otherLeader, 'POST', `/api/v1/letters/${l.id}/approve`, {})).statusCode, 403);
  assert.equal((await api(clerk, 'POST', `/api/v1/letters/${l.id}/submit`)).json().code, 'LETTER_ACTION_NOT_ALLOWED');

  const approved = await api(leader, 'POST', `/api/v1/letters/${l.id}/approve`, {});
  assert.equal(approved.statusCode, 200, approved.body);
  const a = approved.json();
  assert.equal(a.status, 'approved');
  assert.match(a.number, /^\d+\/TTH-UBND$/);
  assert.equal(a.signer.name, 'Nguyễn Văn Chủ');
  assert.equal(a.signer.title, 'Chủ tịch UBND xã');
  // Approving twice does not take a second number.
  assert.equal((await api(leader, 'POST', `/api/v1/letters/${l.id}/approve`, {})).json().code, 'LETTER_ACTION_NOT_ALLOWED');

  // The final PDF: administrative format, the number, diacritics intact; printing is recorded.
  const printed = await clerk.request({ method: 'POST', url: `/quan-tri/thu/${l.id}/in` });
  assert.equal(printed.statusCode, 200);
  const text = pdfText(printed.rawPayload);
  assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
  assert.match(text, /ỦY BAN NHÂN DÂN XÃ MỸ THỌ/);
  assert.match(text, /UBND TỈNH ĐỒNG THÁP/);
  assert.ok(text.includes(`Số: ${a.number}`), text);
  assert.match(text, /Mỹ Thọ, ngày \d+ tháng \d+ năm \d{4}/);
  assert.match(text, /THƯ THĂM HỎI/);
  assert.match(text, /Lê Văn Tâm/);
  assert.match(text, /TM\. ỦY BAN NHÂN DÂN/);
  assert.match(text, /CHỦ TỊCH/);
  assert.match(text, /Nguyễn Văn Chủ/);
  assert.doesNotMatch(text, /Dự thảo/);
  assert.doesNotMatch(pdfInfo(printed.rawPayload).Title ?? '', /DỰ THẢO/);
  const row = (await pool.query('SELECT status, sent_channel, printed_at, printed_by FROM letters WHERE id = $1', [l.id])).rows[0];
  assert.equal(row.status, 'sent');
  assert.equal(row.sent_channel, 'print');
  assert.ok(row.printed_at);
  assert.equal(Number(row.printed_by), clerkUser.id);
  const actions = (await pool.query(`SELECT action FROM audit_log WHERE entity_type = 'letter' AND entity_id = $1 ORDER BY id`, [String(l.id)])).rows.map(
    (r) => r.action,
  );
  assert.deepEqual(
    actions.filter((x) => x !== 'letter.read'),
    ['letter.create', 'letter.submit', 'letter.approve', 'letter.print'],
  );
});

test('register numbers are taken without gaps or duplicates when a leader approves many letters at once', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 8; i++) {
    const c = await createManual(specialist, { kind: i % 2 ? 'condolence' : 'apology', recipientName: `Người Nhận ${i + 1}` });
    assert.equal(c.statusCode, 201, c.body);
    ids.push(c.json().id);
    assert.equal((await api(specialist, 'POST', `/api/v1/letters/${c.json().id}/submit`)).statusCode, 200);
  }
  const before = (await pool.query('SELECT COALESCE(max(number), 0)::int AS n FROM letters WHERE unit_id = $1', [commune.id])).rows[0].n;
  const results = await Promise.all(
    ids.flatMap((id) => [api(leader, 'POST', `/api/v1/letters/${id}/approve`, {}), api(leader, 'POST', `/api/v1/letters/${id}/approve`, {})]),
  );
  assert.equal(results.filter((r) => r.statusCode === 200).length, 8);
  assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409));
  const numbers = (await pool.query('SELECT number, symbol, kind FROM letters WHERE id = ANY($1::bigint[]) ORDER BY number', [ids])).rows;
  assert.deepEqual(
    numbers.map((r) => r.number),
    Array.from({ length: 8 }, (_, i) => before + i + 1),
  );
  for (const r of numbers) assert.equal(r.symbol, `${r.number}/${r.kind === 'condolence' ? 'TCB' : 'TXL'}-UBND`);
});

test('an approved letter goes by e-mail with its PDF attached, through the outbox and the SMTP stand-in', async () => {
  const c = (await createManual(clerk, { kind: 'condolence', recipientName: 'Gia đình ông Võ Văn Ba', eventText: 'cụ Võ Văn Bốn từ trần' })).json();
  await api(clerk, 'POST', `/api/v1/letters/${c.id}/submit`);
  const number = (await api(leader, 'POST', `/api/v1/letters/${c.id}/approve`, {})).json().number as string;
  const bad = await api(clerk, 'POST', `/api/v1/letters/${c.id}/send`, { email: 'khong-phai-thu' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'email');
  const sent = await api(clerk, 'POST', `/api/v1/letters/${c.id}/send`, {});
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().status, 'sent');
  assert.equal(sent.json().sentChannel, 'email');

  const before = smtp.messages.length;
  // A second later: the row was queued at PostgreSQL's now() (microseconds), a Date is whole milliseconds.
  const r = await sendPendingNotifications(sys.platform, new Date(Date.now() + 1000));
  assert.equal(r.sent, 1);
  const mail = smtp.messages[before];
  assert.ok(mail);
  assert.deepEqual(mail.to, ['le.van.tam@example.vn']);
  assert.equal(mail.parsed.subject, 'Thư chia buồn của Ủy ban nhân dân xã Mỹ Thọ');
  assert.match(mail.parsed.text ?? '', new RegExp(`số ${number.replace('/', '\\/')}`));
  const att = mail.parsed.attachments[0];
  assert.ok(att, 'the PDF is attached');
  assert.equal(att.mimeType, 'application/pdf');
  assert.equal(att.filename, `thu-${number.replace('/', '-')}.pdf`);
  const pdf = Buffer.from(att.content as ArrayBuffer);
  const text = pdfText(pdf);
  assert.match(text, /THƯ CHIA BUỒN/);
  assert.ok(text.includes(number));
  assert.match(text, /cụ Võ Văn Bốn từ trần/);
  assert.match(text, /Thành kính phân ưu!/);
  // Sent: the attachment and the address are no longer kept in the outbox.
  const n = (await pool.query(`SELECT attachment, recipient FROM notifications WHERE about = $1`, [`letter:${c.id}`])).rows[0];
  assert.equal(n.attachment, null);
  assert.equal(n.recipient, 'l***@example.vn');
});

test('a business is congratulated by tax code once per event; a bad tax code is refused', async () => {
  const body = {
    kind: 'congratulation_business',
    recipientName: 'Công ty TNHH Sen Hồng',
    eventText: 'khánh thành nhà máy chế biến xoài',
    eventDate: '2026-04-10',
    recipientEmail: null,
  };
  const bad = await createManual(clerk, { ...body, taxCode: '0100109107' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'taxCode');
  const missing = await createManual(clerk, body);
  assert.equal(missing.statusCode, 400);
  const ok = await createManual(clerk, { ...body, taxCode: '0100109106' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().origin, 'proposal');
  assert.equal(ok.json().taxCode, '0100109106');
  assert.match(ok.json().text, /Công ty TNHH Sen Hồng nhân dịp khánh thành nhà máy chế biến xoài/);
  const again = await createManual(clerk, { ...body, taxCode: '0100 109 106' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'LETTER_ALREADY_PROPOSED');
  // The page form re-renders with the input and names the field.
  const page = await clerk.request({
    method: 'POST',
    url: '/quan-tri/thu',
    headers: { accept: 'text/html' },
    payload: form({
      unit: commune.code,
      kind: 'congratulation_business',
      taxCode: '0100109106',
      recipientName: 'Công ty TNHH Sen Hồng',
      eventText: 'khánh thành nhà máy chế biến xoài',
      eventDate: '2026-04-10',
      title: 'Thư chúc mừng',
      body: 'Kính gửi: {ten}\n\nChúc mừng.',
    }),
  });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /đã có thư chúc mừng/);
  assert.match(page.body, /value="Công ty TNHH Sen Hồng"/);
});

test('bad input: script and HTML stay text, unknown merge fields are refused by name, decomposed Vietnamese prints composed', async () => {
  const unknown = await createManual(clerk, { body: 'Kính gửi: {ten}\n\nChúc mừng {ho_ten} và {ngay_sinh}.' });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().errors[0].field, 'body');
  assert.match(unknown.json().errors[0].message, /\{ho_ten\}, \{ngay_sinh\}/);
  const tmpl = await leader.request({
    method: 'POST',
    url: '/quan-tri/thu/mau',
    headers: { accept: 'text/html' },
    payload: form({ unit: commune.code, kind: 'congratulation_birth', title: 'Thư chúc mừng', body: 'Kính gửi: {ten}\n\n{xin_chao} bé.' }),
  });
  assert.equal(tmpl.statusCode, 400);
  assert.match(tmpl.body, /Trường trộn không có: \{xin_chao\}/);
  assert.equal(
    (await clerk.request({ method: 'POST', url: '/quan-tri/thu/mau', payload: form({ unit: commune.code, kind: 'apology', title: 'x', body: 'y' }) }))
      .statusCode,
    403,
  );
  const bad = await createManual(clerk, { recipientName: 'A', eventDate: '2026-02-30' });
  assert.equal(bad.statusCode, 400);
  const fields = bad
    .json()
    .errors.map((e: { field: string }) => e.field)
    .join(' ');
  assert.match(fields, /recipientName/);
  assert.match(fields, /eventDate/);
  const badEmail = await createManual(clerk, { recipientEmail: 'abc' });
  assert.equal(badEmail.statusCode, 400);
  assert.equal(badEmail.json().errors[0].field, 'recipientEmail');

  const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
  const c = await createManual(clerk, { recipientName: `${XSS} ${nfd}`, eventText: `${XSS} cháy nhà {ten}` });
  assert.equal(c.statusCode, 201, c.body);
  const l = c.json();
  // A value is never expanded again: "{ten}" typed in the event stays as typed.
  assert.match(l.text, /cháy nhà \{ten\}/);
  assert.ok(l.recipient.name.includes('Nguyễn Thị Ánh'.normalize('NFC')));
  const page = await clerk.request({ url: `/quan-tri/thu/${l.id}` });
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('<script>alert(1)'));
  assert.ok(page.body.includes('&lt;script>alert(1)&lt;/script>&lt;b>đậm&lt;/b>'));
  const pdf = await clerk.request({ url: `/quan-tri/thu/${l.id}/du-thao.pdf` });
  const text = pdfText(pdf.rawPayload);
  assert.ok(text.includes('<script>alert(1)</script>'));
  assert.ok(text.includes('Nguyễn Thị Ánh'.normalize('NFC')));
});

test('drafts are edited, returned and cancelled; proposals keep their kind', async () => {
  const c = (await createManual(clerk)).json();
  const page = await clerk.request({ url: `/quan-tri/thu/${c.id}` });
  const saved = await clerk.request({
    method: 'POST',
    url: `/quan-tri/thu/${c.id}`,
    payload: form({
      version: String(c.version),
      kind: 'other',
      recipientName: 'Lê Văn Tâm',
      eventText: 'nhà ông bị cháy',
      eventDate: '2026-03-05',
      title: 'Thư thăm hỏi',
      body: 'Kính gửi: {ten}\n\n{don_vi} xin gửi lời thăm hỏi.',
    }),
  });
  assert.equal(saved.statusCode, 303, saved.body);
  assert.match(page.body, /Trình lãnh đạo duyệt/);
  // A stale version is refused.
  const stale = await clerk.request({
    method: 'POST',
    url: `/quan-tri/thu/${c.id}`,
    headers: { accept: 'text/html' },
    payload: form({
      version: String(c.version),
      kind: 'other',
      recipientName: 'Lê Văn Tâm',
      eventText: 'nhà ông bị cháy',
      eventDate: '2026-03-05',
      title: 'Thư thăm hỏi',
      body: 'Kính gửi: {ten}\n\nNội dung khác.',
    }),
  });
  assert.equal(stale.statusCode, 409);
  await clerk.request({ method: 'POST', url: `/quan-tri/thu/${c.id}/trinh` });
  assert.equal((await leader.request({ method: 'POST', url: `/quan-tri/thu/${c.id}/tra-lai` })).statusCode, 303);
  assert.equal((await pool.query('SELECT status FROM letters WHERE id = $1', [c.id])).rows[0].status, 'draft');
  assert.equal((await clerk.request({ method: 'POST', url: `/quan-tri/thu/${c.id}/huy` })).statusCode, 303);
  assert.equal((await pool.query('SELECT status FROM letters WHERE id = $1', [c.id])).rows[0].status, 'cancelled');
  assert.equal((await api(clerk, 'POST', `/api/v1/letters/${c.id}/submit`)).json().code, 'LETTER_ACTION_NOT_ALLOWED');
});

test('the register lists letters by number with filters and pages, exports to Excel, and letterActivity counts by kind and status', async () => {
  const list = await api(clerk, 'GET', `/api/v1/letters?unit=${commune.code}&status=sent`);
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().items.every((i: { status: string }) => i.status === 'sent'));
  assert.ok(list.json().total >= 2, list.body);
  const paged = await api(clerk, 'GET', `/api/v1/letters?unit=${commune.code}&pageSize=2&page=2`);
  assert.equal(paged.json().items.length, 2);
  assert.equal((await api(otherLeader, 'GET', `/api/v1/letters?unit=${commune.code}`)).statusCode, 403);

  const page = await clerk.request({ url: `/quan-tri/thu?unit=${commune.code}&kind=condolence` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /\d+\/TCB-UBND/);
  assert.doesNotMatch(page.body, /TXL-UBND/);
  const found = await clerk.request({ url: `/quan-tri/thu?unit=${commune.code}&q=vo van ba` });
  assert.match(found.body, /Gia đình ông Võ Văn Ba/);

  const xlsx = await clerk.request({ url: `/quan-tri/thu/so.xlsx?unit=${commune.code}` });
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  const cells: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
  assert.ok(cells.includes('SỔ ĐĂNG KÝ THƯ CHÚC MỪNG, THƯ CHIA BUỒN, THƯ XIN LỖI'));
  assert.ok(cells.some((c) => /^\d+\/TCB-UBND$/.test(c)));
  assert.ok(cells.includes('Gia đình ông Võ Văn Ba'));

  const activity = await letterActivity(sys.platform.db, { unitIds: [commune.id], from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) });
  const count = (kind: string, status: string) => activity.find((a) => a.kind === kind && a.status === status)?.count ?? 0;
  assert.equal(count('condolence', 'sent'), 1);
  assert.ok(count('congratulation_marriage', 'draft') >= 1);
  assert.deepEqual(await letterActivity(sys.platform.db, { unitIds: [otherCommune.id], from: new Date(0), to: new Date() }), []);
});

test('a unit template is used for later proposals; letters written before keep their text', async () => {
  const before = await settled('1.001193');
  await proposeLetters(sys.platform.db, new Date());
  const saved = await leader.request({
    method: 'POST',
    url: '/quan-tri/thu/mau',
    payload: form({
      unit: commune.code,
      kind: 'congratulation_birth',
      title: 'Thư chúc mừng bé yêu',
      body: 'Kính gửi: {ten}\n\n{don_vi} chúc mừng gia đình đón bé ngày {ngay}.',
    }),
  });
  assert.equal(saved.statusCode, 303);
  const later = await settled('1.001193');
  await proposeLetters(sys.platform.db, new Date());
  assert.equal((await lettersFor(before))[0]?.title, 'Thư chúc mừng');
  assert.equal((await lettersFor(later))[0]?.title, 'Thư chúc mừng bé yêu');
  const templates = await leader.request({ url: `/quan-tri/thu/mau?unit=${commune.code}` });
  assert.match(templates.body, /Thư chúc mừng bé yêu/);
});

test('the letters API is in the OpenAPI document', async () => {
  const doc = (await sys.app.inject({ url: '/api/v1/openapi.json' })).json();
  for (const path of ['/api/v1/letters', '/api/v1/letters/{id}', '/api/v1/letters/{id}/submit', '/api/v1/letters/{id}/approve', '/api/v1/letters/{id}/send']) {
    assert.ok(doc.paths[path], path);
  }
  assert.ok(doc.paths['/api/v1/letters'].post.requestBody);
});
