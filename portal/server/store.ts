// The store, opened: the data key (INTAKE_DATA_KEY, or the key file beside the database), the
// database with its migrations applied, and the check that the key is the one the database was
// written with. The service and the commands that only need the store (npm run staff) open it here,
// so a command does not load the whole app to add an account.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createVault, type Vault } from "../../db/crypto.ts";
import { checkKeyMatches, loadOrCreateKeyFile, parseDataKey } from "../../db/data-key.ts";
import { openDb } from "../../db/open.ts";
import { holdsData } from "../../db/sqlite.ts";
import type { MigrationLevel, Store } from "../../db/store.ts";
import { type Config, storeLocation } from "./config.ts";

/** A start that cannot go on, in one line for the operator (exit 2). */
export class StartError extends Error {}

export interface OpenStore {
  db: Store;
  vault: Vault;
  migrations: MigrationLevel;
}

export async function openStore(config: Config, log: (line: string) => void): Promise<OpenStore> {
  let key: Buffer;
  if (config.INTAKE_DATA_KEY) {
    const parsed = parseDataKey(config.INTAKE_DATA_KEY);
    if (!parsed) throw new StartError("INTAKE_DATA_KEY: must be 32 bytes, as 64 hex digits or base64");
    key = parsed;
  } else {
    // Only for the SQLite file (config.ts requires the key with DATABASE_URL).
    const file = join(dirname(config.DATABASE_PATH), "intake.key");
    // A database without its key file: refuse before writing a new key beside data it cannot read.
    if (!existsSync(file) && holdsData(config.DATABASE_PATH)) {
      throw new StartError(
        `${file} is missing but ${config.DATABASE_PATH} holds data: restore the key file (or set INTAKE_DATA_KEY); no new key was written`,
      );
    }
    const loaded = loadOrCreateKeyFile(file);
    if (loaded.created) {
      log(
        `Generated a new data key in ${file}: back it up with the database, which cannot be read without it.`,
      );
    }
    key = loaded.key;
  }
  const vault = createVault(key);
  const where = storeLocation(config);
  const db = openDb(config.DATABASE_URL ?? config.DATABASE_PATH, {
    poolSize: config.DATABASE_POOL_SIZE,
    log,
  });
  try {
    const migrations = await db.migrate();
    if (!(await checkKeyMatches(db, vault.keyCheck()))) {
      throw new StartError(`the data key does not match the one ${where} was written with`);
    }
    return { db, vault, migrations };
  } catch (error) {
    await db.close();
    if (error instanceof StartError) throw error;
    // A server that does not answer, a refused login, a missing database: one line, no stack.
    const reason = (error as { code?: string }).code ?? (error as Error).message.split("\n")[0];
    throw new StartError(`cannot open the store at ${where} (${reason})`);
  }
}
