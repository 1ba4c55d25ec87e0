import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHelp } from './help.ts';
import { officeHoursText, onDutyAt } from './on-duty.ts';
import { checkMember, checkShift, checkTeam, overlaps, publicPhoneOf, vietnamMoment, weekOf } from './roster.ts';

const at = (s: string) => new Date(`${s}:00+07:00`);

test('Vietnam wall-clock times and weeks', () => {
  assert.equal(vietnamMoment('2026-10-15', '07:30')?.toISOString(), '2026-10-15T00:30:00.000Z');
  assert.equal(vietnamMoment('2026-01-01', '00:15')?.toISOString(), '2025-12-31T17:15:00.000Z');
  for (const [d, t] of [
    ['2026-02-30', '07:00'],
    ['2026-10-15', '24:00'],
    ['2026-10-15', '7:30'],
    ['15/10/2026', '07:30'],
  ])
    assert.equal(vietnamMoment(d as string, t as string), null, `${d} ${t}`);
  assert.deepEqual(weekOf('2026-10-15').days, ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18']);
  assert.equal(weekOf('2026-10-18').monday, '2026-10-12', 'Sunday belongs to the week that began on Monday');
});

test('a shift: not in the past, end after start, at most 12 hours, someone on it; each bad field named', () => {
  const now = at('2026-10-15T09:00');
  const ok = checkShift({ duty: 'desk', date: '2026-10-15', start: '13:30', end: '17:00', memberIds: ['3', '3', '4'] }, now);
  assert.ok(ok.ok);
  assert.deepEqual(ok.value.memberIds, [3, 4]);
  assert.equal(ok.value.startsAt.toISOString(), '2026-10-15T06:30:00.000Z');
  const cases: [Record<string, unknown>, string[]][] = [
    [{ duty: 'desk', date: '2026-10-15', start: '07:00', end: '11:00', memberIds: [1] }, ['date']],
    [{ duty: 'desk', date: '2026-10-16', start: '11:00', end: '07:00', memberIds: [1] }, ['end']],
    [{ duty: 'desk', date: '2026-10-16', start: '06:00', end: '19:00', memberIds: [1] }, ['end']],
    [{ duty: 'nap', date: '2026-10-16', start: '07:00', end: '08:00', memberIds: [] }, ['duty', 'memberIds']],
    [{ duty: 'desk', date: 'mai', start: '07:00', end: '08:00', memberIds: [1] }, ['date']],
    [{ duty: 'desk', date: '2026-10-16', start: '7h', end: '08:00', memberIds: ['x'] }, ['start', 'memberIds']],
  ];
  for (const [input, fields] of cases) {
    const r = checkShift(input, now);
    assert.ok(!r.ok, JSON.stringify(input));
    assert.deepEqual(r.errors.map((e) => e.field).sort(), fields.sort(), JSON.stringify(input));
  }
});

test('overlap: sharing any minute; back to back is not an overlap', () => {
  const s = (a: string, b: string) => ({ startsAt: at(`2026-10-15T${a}`), endsAt: at(`2026-10-15T${b}`) });
  assert.equal(overlaps(s('07:00', '11:00'), s('10:59', '12:00')), true);
  assert.equal(overlaps(s('07:00', '11:00'), s('11:00', '12:00')), false);
  assert.equal(overlaps(s('08:00', '09:00'), s('07:00', '11:00')), true);
  assert.equal(overlaps(s('12:00', '13:00'), s('07:00', '11:00')), false);
});

test('teams and members: names without markup, phones normalised, consent only with a phone', () => {
  assert.ok(checkTeam({ name: 'Đội thanh niên', organisation: 'youth_union' }).ok);
  assert.ok(!checkTeam({ name: '<b>Đội</b>', organisation: 'youth_union' }).ok);
  assert.ok(!checkTeam({ name: 'Đội', organisation: 'club' }).ok);
  const m = checkMember({ fullName: 'Nguyễn Văn An', organisation: 'veterans', phone: '+84 907 111 222', publicPhoneConsent: true });
  assert.ok(m.ok);
  assert.equal(m.value.phone, '0907111222');
  assert.ok(!checkMember({ fullName: 'An', organisation: 'veterans', publicPhoneConsent: true }).ok);
  assert.ok(!checkMember({ fullName: 'An', organisation: 'veterans', phone: 'an@x.vn' }).ok);
});

test('a phone is public only on duty and with consent', () => {
  assert.equal(publicPhoneOf({ phone: '0907111222', publicPhoneConsent: true }, true), '0907111222');
  assert.equal(publicPhoneOf({ phone: '0907111222', publicPhoneConsent: true }, false), null);
  assert.equal(publicPhoneOf({ phone: '0907111222', publicPhoneConsent: false }, true), null);
  assert.equal(publicPhoneOf({ phone: null, publicPhoneConsent: true }, true), null);
});

test('on duty now: per kind, the unit phone when no member agreed, the rest of the day', () => {
  const shift = (duty: 'desk' | 'hotline', a: string, b: string, phone: string | null, consent: boolean) => ({
    duty,
    startsAt: at(`2026-10-15T${a}`),
    endsAt: at(`2026-10-15T${b}`),
    members: [{ fullName: `TNV ${a}`, phone, publicPhoneConsent: consent }],
  });
  const unit = { address: 'Số 1', phone: '0277 000' };
  const shifts = [
    shift('hotline', '07:00', '11:00', '0901', false),
    shift('hotline', '08:00', '10:00', '0902', true),
    shift('desk', '13:30', '17:00', null, false),
  ];
  const v = onDutyAt(unit, shifts, at('2026-10-15T09:00'));
  const hotline = v.duties.find((d) => d.duty === 'hotline');
  assert.deepEqual(hotline?.members, [
    { name: 'TNV 07:00', phone: null },
    { name: 'TNV 08:00', phone: '0902' },
  ]);
  assert.equal(hotline?.reach.phone, '0902');
  assert.equal(hotline?.until?.toISOString(), at('2026-10-15T11:00').toISOString());
  assert.equal(v.duties.find((d) => d.duty === 'desk')?.onDuty, false);
  assert.equal(v.laterToday.length, 1);
  const late = onDutyAt(unit, shifts, at('2026-10-15T10:30'));
  assert.equal(late.duties.find((d) => d.duty === 'hotline')?.reach.phone, '0277 000');
  assert.equal(
    officeHoursText(
      [
        { days: [1, 2, 3, 4, 5], open: '07:00', close: '11:30' },
        { days: [6], open: '07:00', close: '11:00' },
      ],
      'vi',
    ),
    'Thứ 2–Thứ 6: 07:00–11:30; Thứ 7: 07:00–11:00',
  );
});

test('a help record: a kind, a member, a day not in the future nor over a month back, a clean dossier code', () => {
  const today = '2026-10-15';
  const ok = checkHelp({ kind: 'payment', memberId: '7', dossierCode: 'H12.34-251015-0001' }, today);
  assert.ok(ok.ok);
  assert.equal(ok.value.helpedOn, today);
  const fields = (input: Record<string, unknown>) => {
    const r = checkHelp(input, today);
    return r.ok ? [] : r.errors.map((e) => e.field);
  };
  assert.deepEqual(fields({ kind: 'x', memberId: 7 }), ['kind']);
  assert.deepEqual(fields({ kind: 'payment', memberId: 0 }), ['memberId']);
  assert.deepEqual(fields({ kind: 'payment', memberId: 7, helpedOn: '2026-10-16' }), ['helpedOn']);
  assert.deepEqual(fields({ kind: 'payment', memberId: 7, helpedOn: '2026-09-01' }), ['helpedOn']);
  assert.deepEqual(fields({ kind: 'payment', memberId: 7, dossierCode: '<script>' }), ['dossierCode']);
});
