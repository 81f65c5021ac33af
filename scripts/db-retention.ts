// npm run db:retention: anonymizes requests closed more than RETENTION_DAYS ago (default 3 years),
// leaving only what the counts need. Run it daily (cron, a systemd timer).

import { anonymizeClosedBefore } from "../db/retention.ts";
import { ConfigError, readConfig } from "../portal/server/config.ts";
import { buildDeps, StartError } from "../portal/server/service.ts";

try {
  const config = readConfig(process.env);
  const { deps } = await buildDeps(config, { log: (line) => console.log(line) });
  const now = deps.now();
  const cutoff = new Date(now.getTime() - config.RETENTION_DAYS * 86_400_000);
  const n = await anonymizeClosedBefore(deps.db, cutoff, now);
  await deps.db.close();
  console.log(
    `Anonymized ${n} request(s) closed before ${cutoff.toISOString()} (RETENTION_DAYS=${config.RETENTION_DAYS}).`,
  );
} catch (error) {
  const known = error instanceof ConfigError || error instanceof StartError;
  console.error(`Cannot apply retention: ${known ? error.message : String(error).split("\n")[0]}`);
  process.exit(2);
}
