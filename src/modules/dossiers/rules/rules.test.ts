import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanFileName, sniffMime } from './attachments.ts';
import { defaultAgencyCode, formatDossierCode, parseDossierCode } from './code.ts';
import { moveDueDate, moveDueMoment, pausedWorkingDays, vietnamDay, type WorkingDayCounter } from './pauses.ts';
import { checkMatches, lastFourDigits } from './tracking.ts';
import { urgencyOf } from './urgency.ts';

const codeCases: { agency: string; day: string; seq: number; code: string }[] = [
  { agency: '000.00.12.H19', day: '2026-02-13', seq: 1, code: '000.00.12.H19-260213-0001' },
  { agency: '30337', day: '2025-07-01', seq: 20, code: '30337-250701-0020' },
  { agency: 'XA.THU', day: '2026-12-31', seq: 9999, code: 'XA.THU-261231-9999' },
  { agency: '30337', day: '2026-01-05', seq: 10000, code: '30337-260105-10000' },
];
for (const c of codeCases) {
  test(`dossier code ${c.code}`, () => {
    assert.equal(formatDossierCode(c.agency, c.day, c.seq), c.code);
    assert.deepEqual(parseDossierCode(c.code), { agency: c.agency, receiptDay: c.day, sequence: c.seq });
  });
}
test('dossier code: bad inputs', () => {
  assert.throws(() => formatDossierCode('A', '2026-2-1', 1), RangeError);
  assert.throws(() => formatDossierCode('A', '2026-02-01', 0), RangeError);
  for (const bad of ['', 'ABC', 'A-261301-0001', 'A-260200-0001', 'A-260201-01', '-260201-0001', 'A B-260201-0001'])
    assert.equal(parseDossierCode(bad), null, bad);
});
test('agency identifier: the recorded admin code, else the unit code in capitals', () => {
  assert.equal(defaultAgencyCode({ code: 'phuong-1-cao-lanh', admin_code: '30337' }), '30337');
  assert.equal(defaultAgencyCode({ code: 'xa-thu', admin_code: null }), 'XA.THU');
});

// A toy calendar: Monday–Friday working, 2026-02-16..20 off (Tết 2026).
const off = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
const working = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !off.has(d);
};
const next = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86400_000).toISOString().slice(0, 10);
const cal: WorkingDayCounter = {
  workingDaysBetween(from, to) {
    let n = 0;
    for (let d = next(from); d <= to; d = next(d)) if (working(d)) n++;
    return n;
  },
  addWorkingDays(from, n) {
    let d = from;
    while (n > 0) {
      d = next(d);
      if (working(d)) n--;
    }
    return d;
  },
};
const pauseCases: { name: string; start: string; end: string; days: number; due: string; moved: string }[] = [
  { name: 'request and supplement the same day', start: '2026-03-02', end: '2026-03-02', days: 0, due: '2026-03-05', moved: '2026-03-05' },
  { name: 'Monday to Wednesday', start: '2026-03-02', end: '2026-03-04', days: 2, due: '2026-03-05', moved: '2026-03-09' },
  { name: 'Friday to Monday (weekend not counted)', start: '2026-03-06', end: '2026-03-09', days: 1, due: '2026-03-10', moved: '2026-03-11' },
  { name: 'across Tết 2026', start: '2026-02-13', end: '2026-02-23', days: 1, due: '2026-02-25', moved: '2026-02-26' },
  { name: 'supplement on a Saturday', start: '2026-03-05', end: '2026-03-07', days: 1, due: '2026-03-10', moved: '2026-03-11' },
];
for (const c of pauseCases) {
  test(`pause: ${c.name}`, () => {
    assert.equal(pausedWorkingDays(cal, c.start, c.end), c.days);
    assert.equal(moveDueDate(cal, c.due, c.days), c.moved);
  });
}
test('pause: cannot end before it starts', () => assert.throws(() => pausedWorkingDays(cal, '2026-03-04', '2026-03-02'), RangeError));
test('due moment keeps its local time on the new date', () => {
  assert.equal(moveDueMoment(new Date('2026-03-05T17:00:00+07:00'), '2026-03-09').toISOString(), '2026-03-09T10:00:00.000Z');
  assert.equal(vietnamDay(new Date('2026-03-05T18:30:00Z')), '2026-03-06');
});

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');
const sniffCases: { name: string; content: Buffer; mime: string | null }[] = [
  { name: 'PDF', content: pdf, mime: 'application/pdf' },
  { name: 'PNG', content: png, mime: 'image/png' },
  { name: 'JPEG', content: jpeg, mime: 'image/jpeg' },
  { name: 'Windows executable renamed .pdf', content: exe, mime: null },
  { name: 'ZIP (docx)', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), mime: null },
  { name: 'HTML', content: Buffer.from('<html><script>'), mime: null },
  { name: 'empty', content: Buffer.alloc(0), mime: null },
  { name: 'truncated PDF magic', content: Buffer.from('%PD'), mime: null },
];
for (const c of sniffCases) test(`sniff: ${c.name}`, () => assert.equal(sniffMime(c.content), c.mime));
test('file names lose paths and control characters', () => {
  assert.equal(cleanFileName('C:\\Users\\a\\CCCD mặt trước.jpg', 'image/jpeg'), 'CCCD mặt trước.jpg');
  assert.equal(cleanFileName('../../etc/"x"\n.pdf', 'application/pdf'), 'x.pdf');
  assert.equal(cleanFileName('', 'image/png'), 'anh.png');
});

const trackCases: { check: string; id: string | null; phone: string | null; ok: boolean }[] = [
  { check: '6789', id: '001203456789', phone: null, ok: true },
  { check: '4567', id: '001203456789', phone: '0912 34 4567', ok: true },
  { check: '4567', id: null, phone: '+84 912.344.567', ok: true },
  { check: '6780', id: '001203456789', phone: '0912344567', ok: false },
  { check: '678', id: '001203456789', phone: null, ok: false },
  { check: 'abcd', id: '001203456789', phone: null, ok: false },
  { check: '0000', id: null, phone: null, ok: false },
  { check: '0123', id: '123', phone: null, ok: false },
];
for (const c of trackCases) test(`tracking check ${c.check} vs ${c.id}/${c.phone}`, () => assert.equal(checkMatches(c.check, c.id, c.phone), c.ok));
test('last four digits', () => {
  assert.equal(lastFourDigits('0912-344-567'), '4567');
  assert.equal(lastFourDigits('12'), null);
});

const now = new Date('2026-03-05T03:00:00Z'); // 10:00 in Vietnam, Thursday
const urgencyCases: { name: string; status: string; dueAt: string; dueDate: string; want: string }[] = [
  { name: 'past due', status: 'in_processing', dueAt: '2026-03-04T10:00:00Z', dueDate: '2026-03-04', want: 'late' },
  { name: 'due this afternoon', status: 'accepted', dueAt: '2026-03-05T10:00:00Z', dueDate: '2026-03-05', want: 'due_today' },
  { name: 'due tomorrow', status: 'received', dueAt: '2026-03-06T10:00:00Z', dueDate: '2026-03-06', want: 'due_soon' },
  { name: 'due next week', status: 'pending_approval', dueAt: '2026-03-12T10:00:00Z', dueDate: '2026-03-12', want: 'normal' },
  { name: 'paused and past due', status: 'supplement_requested', dueAt: '2026-03-01T10:00:00Z', dueDate: '2026-03-01', want: 'paused' },
  { name: 'result ready', status: 'result_ready', dueAt: '2026-03-01T10:00:00Z', dueDate: '2026-03-01', want: 'done' },
];
for (const c of urgencyCases) {
  test(`urgency: ${c.name}`, () => {
    const u = urgencyOf({ status: c.status as never, dueAt: new Date(c.dueAt), dueDate: c.dueDate }, now, '2026-03-05', '2026-03-09');
    assert.equal(u, c.want);
  });
}
