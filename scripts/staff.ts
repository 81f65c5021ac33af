// npm run staff -- add NAME --role agent|supervisor|admin --jurisdiction ID|all
// npm run staff -- reset NAME        (new one-time password; ends the person's sessions)
// npm run staff -- list
// Prints a one-time password once; it must be changed at the first login. Exit 2 with a message on
// bad input.

import { parseArgs } from "node:util";
import { JURISDICTIONS } from "../core/schema/enums.ts";
import { createStaffStore, ROLES, type Role, StaffExists } from "../db/staff.ts";
import { ConfigError, readConfig } from "../portal/server/config.ts";
import { createPasswordHasher, oneTimePassword } from "../portal/server/passwords.ts";
import { newAccountSchema } from "../portal/server/staff-schemas.ts";
import { type OpenStore, openStore, StartError } from "../portal/server/store.ts";

const USAGE =
  "Usage: npm run staff -- add NAME --role agent|supervisor|admin --jurisdiction <id>|all\n" +
  "       npm run staff -- reset NAME\n" +
  "       npm run staff -- list\n" +
  `Jurisdictions: ${JURISDICTIONS.join(", ")}, all`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let parsed: ReturnType<
  typeof parseArgs<{
    options: { role: { type: "string" }; jurisdiction: { type: "string" } };
    allowPositionals: true;
  }>
>;
try {
  parsed = parseArgs({
    options: { role: { type: "string" }, jurisdiction: { type: "string" } },
    allowPositionals: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [command, rawName, ...rest] = parsed.positionals;
if (rest.length > 0 || !command) fail(USAGE);
// The same rule as the login form and the admin API: trimmed, 1–60 characters.
const checkedName = rawName === undefined ? undefined : newAccountSchema.shape.name.safeParse(rawName);
if (checkedName && !checkedName.success) fail("NAME must be 1–60 characters (spaces around it are dropped).");
const name = checkedName?.data;

let opened: OpenStore;
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
  opened = await openStore(config, (line) => console.log(line));
} catch (error) {
  fail(
    error instanceof ConfigError || error instanceof StartError
      ? `Cannot open the store: ${error.message}`
      : String(error),
  );
}
const store = createStaffStore({ db: opened.db, vault: opened.vault, now: () => new Date() });
const passwords = createPasswordHasher({ logN: config.SCRYPT_LOG_N });

switch (command) {
  case "add": {
    const role = parsed.values.role as Role | undefined;
    const jurisdiction = parsed.values.jurisdiction;
    if (!name) fail(`add needs a NAME\n${USAGE}`);
    if (!role || !(ROLES as readonly string[]).includes(role))
      fail(`--role must be one of ${ROLES.join(", ")}`);
    if (!jurisdiction || ![...JURISDICTIONS, "all"].includes(jurisdiction)) {
      fail(`--jurisdiction must be one of ${[...JURISDICTIONS, "all"].join(", ")}`);
    }
    const password = oneTimePassword();
    try {
      const account = await store.add({
        name,
        role,
        jurisdiction,
        passwordHash: await passwords.hash(password),
      });
      await store.audit({ kind: "account_created", name: "cli", data: { account: account.id, role } });
      console.log(
        `Created ${role} ${name} for ${jurisdiction}. One-time password (change it at first login):`,
      );
      console.log(password);
    } catch (error) {
      if (error instanceof StaffExists) fail(`A staff account named ${name} exists already.`);
      throw error;
    }
    break;
  }
  case "reset": {
    if (!name) fail(`reset needs a NAME\n${USAGE}`);
    const account = await store.byName(name);
    if (!account) fail(`No staff account named ${name}.`);
    const password = oneTimePassword();
    await store.setPassword(account.id, await passwords.hash(password), true);
    const ended = await store.closeAllSessions(account.id);
    await store.audit({ kind: "password_reset", name: "cli", data: { account: account.id, ended } });
    console.log(`New one-time password for ${name} (${ended} session(s) ended):`);
    console.log(password);
    break;
  }
  case "list":
    for (const a of await store.list()) {
      console.log(
        `${a.name}\t${a.role}\t${a.jurisdiction}${a.mustChangePassword ? "\tmust change password" : ""}${a.disabled ? "\tdisabled" : ""}`,
      );
    }
    break;
  default:
    fail(USAGE);
}
await opened.db.close();
