// npm start: migrations, then the service on HOST:PORT (see portal/server/config.ts for the settings).
// A bad setting stops the start with one line and exit code 2.

import { DataKeyError } from "../db/data-key.ts";
import { CalendarFileError } from "../portal/server/calendar-file.ts";
import { ConfigError, readConfig, storeLocation } from "../portal/server/config.ts";
import { ParamsFileError } from "../portal/server/params-file.ts";
import { StartError, startService } from "../portal/server/service.ts";

const log = (line: string) => console.log(line);

try {
  const config = readConfig(process.env);
  const service = await startService(config, { log });
  log(
    `Serving on ${service.url} (database ${storeLocation(config)}, migration ${service.migrations.latest ?? "none"}).`,
  );
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  const known = [ConfigError, StartError, ParamsFileError, CalendarFileError, DataKeyError].some(
    (kind) => error instanceof kind,
  );
  console.error(`Cannot start: ${known ? (error as Error).message : String(error).split("\n")[0]}`);
  process.exit(2);
}
