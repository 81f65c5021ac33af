// For admins: staff accounts. A new account or a reset gets a one-time password, shown once, that must
// be changed at the next login; a reset also ends the person's sessions.

import { Hono } from "hono";
import { StaffExists } from "../../../../db/staff.ts";
import type { AppDeps, AppEnv } from "../../deps.ts";
import { ApiError } from "../../errors.ts";
import { oneTimePassword } from "../../passwords.ts";
import { requireRole } from "../../staff-auth.ts";
import { newAccountSchema } from "../../staff-schemas.ts";
import { validate } from "../../validate.ts";

export function accountRoutes(deps: AppDeps) {
  const target = async (id: string) => {
    const account = Number.isInteger(Number(id)) ? await deps.staff.byId(Number(id)) : null;
    if (!account) throw new ApiError(404, "no_such_page");
    return account;
  };
  return new Hono<AppEnv>()
    .use("/accounts", requireRole("admin"))
    .use("/accounts/*", requireRole("admin"))
    .get("/accounts", async (c) => c.json({ accounts: await deps.staff.list() }))
    .post("/accounts", validate("json", newAccountSchema), async (c) => {
      const input = c.req.valid("json");
      const password = oneTimePassword();
      try {
        const account = await deps.staff.add({ ...input, passwordHash: await deps.passwords.hash(password) });
        await deps.staff.audit({
          kind: "account_created",
          staffId: c.var.session.staff.id,
          data: { account: account.id, role: account.role },
        });
        return c.json({ account, oneTimePassword: password }, 201);
      } catch (error) {
        if (error instanceof StaffExists) throw new ApiError(409, "staff_exists", "name");
        throw error;
      }
    })
    .post("/accounts/:id/reset", async (c) => {
      const account = await target(c.req.param("id"));
      const password = oneTimePassword();
      await deps.staff.setPassword(account.id, await deps.passwords.hash(password), true);
      const ended = await deps.staff.closeAllSessions(account.id);
      await deps.staff.audit({
        kind: "password_reset",
        staffId: c.var.session.staff.id,
        data: { account: account.id, ended },
      });
      return c.json({ oneTimePassword: password, sessionsEnded: ended });
    })
    .post("/accounts/:id/sessions/end", async (c) => {
      const account = await target(c.req.param("id"));
      const ended = await deps.staff.closeAllSessions(account.id);
      await deps.staff.audit({
        kind: "sessions_ended",
        staffId: c.var.session.staff.id,
        data: { account: account.id, ended },
      });
      return c.json({ sessionsEnded: ended });
    });
}
