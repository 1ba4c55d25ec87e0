/** One workflow step of a letter with its audit row, in the caller's transaction: the shared shape of the step commands. */
import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { type LetterRow, moveLetter } from '../queries.ts';
import type { LetterStatus } from '../rules/kinds.ts';
import { type LetterAction, mayDo } from '../rules/letter.ts';

/** Refuses an action the letter's status does not allow, with the clear refusal for sending or printing a draft. */
export function assertMay(action: LetterAction, l: Pick<LetterRow, 'status'>): void {
  if (mayDo(action, l.status)) return;
  if ((action === 'send' || action === 'print') && (l.status === 'draft' || l.status === 'submitted')) {
    throw new AppError('LETTER_NOT_APPROVED', {
      detail: {
        vi: 'Thư phải được lãnh đạo duyệt (có số, ký hiệu) trước khi gửi hoặc in bản chính thức. Bản dự thảo vẫn tải được.',
        en: 'A leader must approve the letter (giving it a number) before it is sent or printed as final. The draft can still be downloaded.',
      },
    });
  }
  throw new AppError('LETTER_ACTION_NOT_ALLOWED');
}

/** Moves the letter and writes the audit row; a concurrent move that won first is LETTER_ACTION_NOT_ALLOWED. */
export async function step(
  tx: Db,
  actor: Actor,
  l: LetterRow,
  action: LetterAction,
  to: LetterStatus,
  stamp: Parameters<typeof moveLetter>[4],
  at: Date,
  extra: Parameters<typeof moveLetter>[7] = {},
  audit: Record<string, unknown> = {},
): Promise<void> {
  assertMay(action, l);
  const from: LetterStatus[] = (['draft', 'submitted', 'approved', 'sent'] as const).filter((s) => mayDo(action, s));
  if (!(await moveLetter(tx, l.id, from, to, stamp, actor.userId, at, extra))) throw new AppError('LETTER_ACTION_NOT_ALLOWED');
  await recordAudit(tx, actor, {
    action: `letter.${action}`,
    entityType: 'letter',
    entityId: l.id,
    unitId: l.unit_id,
    before: { status: l.status },
    after: { status: to, ...audit },
  });
}
