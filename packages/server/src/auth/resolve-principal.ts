import type { Platform, Principal, SessionRecord } from '@darcha/core';

/** Who a session is: a platform user or a staff member, or nobody when they are gone. */
export async function principalOfSession(
  platform: Platform,
  session: SessionRecord,
): Promise<Principal | undefined> {
  if (session.kind === 'platform_user') {
    const user = await platform.identity.getPlatformUser(session.userId);
    if (!user?.active) return undefined;
    return {
      kind: 'platform_user',
      userId: user.id,
      displayName: user.displayName,
      roles: user.roles,
      sessionId: session.id,
    };
  }
  if (session.tenantId === null) return undefined;
  const member = await platform.staff.get(session.tenantId, session.userId).catch(() => undefined);
  if (!member?.active) return undefined;
  return {
    kind: 'staff',
    tenantId: member.tenantId,
    staffId: member.id,
    displayName: member.displayName,
    roles: member.roles,
    agencyCodes: member.agencyCodes,
    deskCodes: member.deskCodes,
    sessionId: session.id,
  };
}
