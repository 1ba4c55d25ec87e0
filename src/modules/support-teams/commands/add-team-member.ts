import { type Actor, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { inTransaction } from '../../../platform/db/query.ts';
import { invalid } from '../../../platform/errors.ts';
import { findUserByUsername, roleHoldersOn } from '../../staff/index.ts';
import { insertMember, type TeamRow } from '../queries.ts';
import type { MemberDraft } from '../rules/roster.ts';

/**
 * Adds a member to a team, with its audit row (which keeps whether a phone was given and the consent, never the phone).
 * A member named by username must hold the support_volunteer role on the team's unit. The caller has checked
 * support-teams.manage on the team's unit.
 * @throws AppError VALIDATION_FAILED naming `username` when the account is unknown, not a volunteer there, or already a member
 */
export async function addTeamMember(db: Db, actor: Actor, team: TeamRow, m: MemberDraft): Promise<number> {
  return inTransaction(db, async (tx) => {
    let userId: number | null = null;
    if (m.username) {
      const user = await findUserByUsername(tx, m.username);
      if (!user?.active) throw invalid('username', 'Không có tài khoản với tên đăng nhập này', 'No account has this username');
      const volunteers = await roleHoldersOn(tx, { unitPath: team.unit_path, roles: ['support_volunteer'] });
      if (!volunteers.some((v) => v.userId === user.id))
        throw invalid(
          'username',
          'Tài khoản này chưa có vai trò Tình nguyện viên hỗ trợ tại đơn vị',
          'This account does not hold the support-team volunteer role at the unit',
        );
      userId = user.id;
    }
    const id = await insertMember(tx, team, m, userId);
    if (id === null) throw invalid('username', 'Tài khoản này đã là thành viên của đội', 'This account is already a member of the team');
    await recordAudit(tx, actor, {
      action: 'support-team.member.add',
      entityType: 'support_team',
      entityId: team.id,
      unitId: team.unit_id,
      after: { member: id, organisation: m.organisation, withPhone: m.phone !== null, publicPhoneConsent: m.publicPhoneConsent, userId },
    });
    return id;
  });
}
