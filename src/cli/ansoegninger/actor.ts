/**
 * Who runs the case team's command, for the audit trail: the operating-system
 * user of the process (`os.userInfo()`, looked up from the process's user id,
 * so it cannot be typed in), and, when the command was started through sudo,
 * `SUDO_USER`: who typed it. sudo sets SUDO_USER, but anyone can set it
 * themselves, so the trail keeps it beside the user, never instead of it.
 * Where the user id has no name (a container's arbitrary uid), the id itself.
 */
import { userInfo } from 'node:os';
import type { AuditActor } from '../../server/store/types.ts';

export function commandActor(env: Record<string, string | undefined>, username: () => string = () => userInfo().username): AuditActor {
  let user: string;
  try {
    user = username();
  } catch {
    user = `uid ${process.getuid?.() ?? 'ukendt'}`;
  }
  return { user, sudoUser: env.SUDO_USER?.trim() || null };
}
