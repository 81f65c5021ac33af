// Hono's CSRF check for the portal's form posts, aware of a TLS proxy in front: behind one the request
// reaches us as http://host:port while the browser's Origin is PUBLIC_URL's https origin, and an older
// browser may send no Sec-Fetch-Site. A post is accepted when its Origin is this request's own origin
// or PUBLIC_URL's; anything else (another site, no Origin and no Fetch-Metadata) is 403.

import { csrf } from "hono/csrf";
import type { AppDeps } from "./deps.ts";

export function formCsrf(deps: Pick<AppDeps, "publicUrl">) {
  const published = new URL(deps.publicUrl).origin;
  return csrf({ origin: (origin, c) => origin === published || origin === new URL(c.req.url).origin });
}
