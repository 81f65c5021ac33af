// Who may do what under /api/staff: role × jurisdiction × endpoint, written out as tables so the policy
// reads at a glance. Each row runs on a fresh app with one request filed in 无锡 and one in 吉林.

import { afterEach, describe, expect, it } from "vitest";
import { forEachStore } from "../stores.ts";
import {
  fileOne,
  type Harness,
  harness,
  STAFF_PASSWORD,
  type StaffClient,
  staffClient,
  urgentSituation,
} from "./harness.ts";

forEachStore(() => {
  const STAFF = {
    "agent-wuxi": ["agent", "wuxi"],
    "agent-jilin": ["agent", "jilin"],
    "supervisor-wuxi": ["supervisor", "wuxi"],
    "supervisor-all": ["supervisor", "all"],
    "admin-all": ["admin", "all"],
  } as const;
  type Who = keyof typeof STAFF;
  const EVERYONE = Object.keys(STAFF) as Who[];
  type Place = "wuxi" | "jilin";
  const PLACES: Place[] = ["wuxi", "jilin"];

  const inScope = (who: Who, place: Place) => STAFF[who][1] === "all" || STAFF[who][1] === place;

  interface World {
    h: Harness;
    me: StaffClient;
    refs: Record<Place, string>;
  }

  const opened: Harness[] = [];
  afterEach(async () => {
    for (const h of opened.splice(0)) await h.close();
  });

  /** A fresh app: the caller signed in, one request filed in each place. */
  async function world(who: Who): Promise<World> {
    const h = await harness();
    opened.push(h);
    const [role, jurisdiction] = STAFF[who];
    const me = await staffClient(h, who, role, jurisdiction);
    const refs = {
      wuxi: await fileOne(h),
      jilin: await fileOne(h, { situation: { ...urgentSituation(), jurisdiction: "jilin" } }),
    };
    return { h, me, refs };
  }

  // ---------------------------------------------------------------------------------------------------
  // One request's endpoints.

  const ENDPOINTS = {
    view: { method: "GET", path: "", event: "viewed" },
    phone: { method: "POST", path: "/phone", event: "phone_revealed" },
    claim: { method: "POST", path: "/claim", event: "claimed" },
    notes: { method: "POST", path: "/notes", event: "note" },
    amend: { method: "POST", path: "/amend", event: "amended" },
    status: { method: "POST", path: "/status", event: "status_changed" },
    release: { method: "POST", path: "/release", event: "released" },
    reopen: { method: "POST", path: "/reopen", event: "reopened" },
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;

  function bodyFor(endpoint: Endpoint, place: Place): unknown {
    switch (endpoint) {
      case "notes":
        return { text: "回电：无人接听" };
      case "amend":
        return { situation: { ...urgentSituation(), jurisdiction: place } };
      case "status":
        return { to: "contacted" };
      default:
        return undefined;
    }
  }

  function call(client: StaffClient, endpoint: Endpoint, ref: string, place: Place): Promise<Response> {
    const { method, path } = ENDPOINTS[endpoint];
    const url = `/api/staff/requests/${ref}${path}`;
    return method === "GET" ? client.get(url) : client.post(url, bodyFor(endpoint, place));
  }

  // What each caller gets on a new (unclaimed) request. 403: outside the caller's jurisdiction (or, for
  // reopen, below supervisor). Anything else is the workflow's answer: 409 where the move does not apply
  // to a new request (a status change before a claim, releasing what nobody holds, reopening an open one).
  //
  // Each row: [agent-wuxi, agent-jilin, supervisor-wuxi, supervisor-all, admin-all] (the order of STAFF).
  type Row = [number, number, number, number, number];
  const MATRIX: Record<Endpoint, Record<Place, Row>> = {
    view: { wuxi: [200, 403, 200, 200, 200], jilin: [403, 200, 403, 200, 200] },
    phone: { wuxi: [200, 403, 200, 200, 200], jilin: [403, 200, 403, 200, 200] },
    claim: { wuxi: [200, 403, 200, 200, 200], jilin: [403, 200, 403, 200, 200] },
    notes: { wuxi: [204, 403, 204, 204, 204], jilin: [403, 204, 403, 204, 204] },
    amend: { wuxi: [200, 403, 200, 200, 200], jilin: [403, 200, 403, 200, 200] },
    status: { wuxi: [409, 403, 409, 409, 409], jilin: [403, 409, 403, 409, 409] },
    release: { wuxi: [409, 403, 409, 409, 409], jilin: [403, 409, 403, 409, 409] },
    reopen: { wuxi: [403, 403, 409, 409, 409], jilin: [403, 403, 403, 409, 409] },
  };

  const MATRIX_ROWS = (Object.keys(MATRIX) as Endpoint[]).flatMap((endpoint) =>
    PLACES.flatMap((place) =>
      EVERYONE.map((who, i) => ({ endpoint, who, place, expected: MATRIX[endpoint][place][i] as number })),
    ),
  );

  describe("a request's endpoints: role × jurisdiction", () => {
    it("the table agrees with the rule: out of the caller's jurisdiction is always 403", () => {
      for (const { who, place, expected } of MATRIX_ROWS) {
        if (!inScope(who, place)) expect(expected).toBe(403);
      }
    });

    it.each(MATRIX_ROWS)(
      "$endpoint by $who on the $place request → $expected",
      async ({ endpoint, who, place, expected }) => {
        const { h, me, refs } = await world(who);
        const ref = refs[place];
        const other = refs[place === "wuxi" ? "jilin" : "wuxi"];
        const before = await h.deps.requests.events(ref);
        const otherBefore = await h.deps.requests.events(other);
        const stateBefore = await h.deps.requests.byReference(ref);

        const res = await call(me, endpoint, ref, place);
        expect(res.status).toBe(expected);

        const after = await h.deps.requests.events(ref);
        if (expected === 403) {
          expect((await res.json()).error.code).toBe("forbidden");
          // Refused: the trail gains nothing, and nothing about the request moves.
          expect(after).toEqual(before);
          const stateAfter = await h.deps.requests.byReference(ref);
          expect(stateAfter?.status).toBe(stateBefore?.status);
          expect(stateAfter?.assigneeId).toBe(stateBefore?.assigneeId);
          expect(stateAfter?.version).toBe(stateBefore?.version);
        } else if (expected < 300) {
          // Allowed: exactly one event, by this caller.
          expect(after.slice(0, before.length)).toEqual(before);
          expect(after.slice(before.length)).toEqual([
            expect.objectContaining({ kind: ENDPOINTS[endpoint].event, actor: `staff:${me.id}` }),
          ]);
        } else {
          // Allowed through the checks, refused by the workflow: nothing recorded.
          expect((await res.json()).error.code).toBe("not_allowed");
          expect(after).toEqual(before);
        }
        // The other place's request is never touched.
        expect(await h.deps.requests.events(other)).toEqual(otherBefore);
      },
    );
  });

  // In scope, a move the workflow allows succeeds: claim, release, claim, contacted, closed, reopen.
  // Reopening needs a supervisor; an agent is refused and the request stays closed.
  const LIFECYCLE: { who: Who; place: Place; reopen: number }[] = [
    { who: "agent-wuxi", place: "wuxi", reopen: 403 },
    { who: "agent-jilin", place: "jilin", reopen: 403 },
    { who: "supervisor-wuxi", place: "wuxi", reopen: 200 },
    { who: "supervisor-all", place: "wuxi", reopen: 200 },
    { who: "supervisor-all", place: "jilin", reopen: 200 },
    { who: "admin-all", place: "wuxi", reopen: 200 },
    { who: "admin-all", place: "jilin", reopen: 200 },
  ];

  describe("the workflow, for callers within scope", () => {
    it("the table lists exactly the in-scope pairs", () => {
      const pairs = EVERYONE.flatMap((who) =>
        PLACES.filter((p) => inScope(who, p)).map((p) => `${who}/${p}`),
      );
      expect(LIFECYCLE.map((r) => `${r.who}/${r.place}`).sort()).toEqual(pairs.sort());
    });

    it.each(LIFECYCLE)(
      "$who on the $place request: every move works, reopen → $reopen",
      async ({ who, place, reopen }) => {
        const { h, me, refs } = await world(who);
        const ref = refs[place];
        const base = `/api/staff/requests/${ref}`;
        const steps: [string, unknown, number, string][] = [
          ["/claim", undefined, 200, "claimed"],
          ["/release", undefined, 200, "new"],
          ["/claim", undefined, 200, "claimed"],
          ["/status", { to: "contacted" }, 200, "contacted"],
          ["/status", { to: "closed", outcome: "not_eligible" }, 200, "closed"],
        ];
        for (const [path, body, status, after] of steps) {
          const res = await me.post(`${base}${path}`, body);
          expect(res.status, path).toBe(status);
          expect((await h.deps.requests.byReference(ref))?.status, path).toBe(after);
        }
        const res = await me.post(`${base}/reopen`);
        expect(res.status).toBe(reopen);
        expect((await h.deps.requests.byReference(ref))?.status).toBe(reopen === 200 ? "new" : "closed");
        const kinds = (await h.deps.requests.events(ref)).map((e) => e.kind);
        expect(kinds).toEqual([
          "created",
          "claimed",
          "released",
          "claimed",
          "status_changed",
          "status_changed",
          ...(reopen === 200 ? ["reopened"] : []),
        ]);
        for (const e of (await h.deps.requests.events(ref)).slice(1)) expect(e.actor).toBe(`staff:${me.id}`);
      },
    );
  });

  describe("scope beats a supervisor's override", () => {
    // A 吉林 request held by a 吉林 agent: a 无锡 supervisor may not move it, though a supervisor may
    // release or move requests other people hold within their own jurisdiction.
    it.each([
      ["release", "/release", undefined],
      ["status", "/status", { to: "referred" }],
      ["notes", "/notes", { text: "不该出现" }],
    ] as const)("%s on a held 吉林 request by supervisor-wuxi → 403", async (_name, path, body) => {
      const { h, me, refs } = await world("supervisor-wuxi");
      const holder = await staffClient(h, "jilin-holder", "agent", "jilin");
      expect((await holder.post(`/api/staff/requests/${refs.jilin}/claim`)).status).toBe(200);
      expect(
        (await holder.post(`/api/staff/requests/${refs.jilin}/status`, { to: "contacted" })).status,
      ).toBe(200);
      const before = await h.deps.requests.events(refs.jilin);

      const res = await me.post(`/api/staff/requests/${refs.jilin}${path}`, body);
      expect(res.status).toBe(403);
      expect(await h.deps.requests.events(refs.jilin)).toEqual(before);
      expect((await h.deps.requests.byReference(refs.jilin))?.status).toBe("contacted");
    });

    it("reopen of a closed 吉林 request by supervisor-wuxi → 403, while supervisor-all may", async () => {
      const { h, me, refs } = await world("supervisor-wuxi");
      const all = await staffClient(h, "sup-all", "supervisor", "all");
      const base = `/api/staff/requests/${refs.jilin}`;
      expect((await all.post(`${base}/claim`)).status).toBe(200);
      expect((await all.post(`${base}/status`, { to: "contacted" })).status).toBe(200);
      expect((await all.post(`${base}/status`, { to: "closed", outcome: "not_eligible" })).status).toBe(200);
      const before = await h.deps.requests.events(refs.jilin);
      expect((await me.post(`${base}/reopen`)).status).toBe(403);
      expect(await h.deps.requests.events(refs.jilin)).toEqual(before);
      expect((await h.deps.requests.byReference(refs.jilin))?.status).toBe("closed");
      expect((await all.post(`${base}/reopen`)).status).toBe(200);
      expect((await h.deps.requests.byReference(refs.jilin))?.status).toBe("new");
    });

    it("a supervisor within scope may release a request another person holds; an agent may not", async () => {
      const { h, me, refs } = await world("supervisor-wuxi");
      const holder = await staffClient(h, "wuxi-holder", "agent", "wuxi");
      const peer = await staffClient(h, "wuxi-peer", "agent", "wuxi");
      const base = `/api/staff/requests/${refs.wuxi}`;
      expect((await holder.post(`${base}/claim`)).status).toBe(200);
      const refused = await peer.post(`${base}/release`);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe("not_assignee");
      expect((await h.deps.requests.byReference(refs.wuxi))?.status).toBe("claimed");
      expect((await me.post(`${base}/release`)).status).toBe(200);
      expect((await h.deps.requests.byReference(refs.wuxi))?.status).toBe("new");
    });
  });

  // ---------------------------------------------------------------------------------------------------
  // The queue, reports and accounts.

  // Which requests each caller's queue lists, asked without a filter and with each jurisdiction.
  // 403: the caller asked for a jurisdiction outside their own.
  const QUEUE: { who: Who; ask: Place | null; expected: number; lists: Place[] }[] = [
    { who: "agent-wuxi", ask: null, expected: 200, lists: ["wuxi"] },
    { who: "agent-wuxi", ask: "wuxi", expected: 200, lists: ["wuxi"] },
    { who: "agent-wuxi", ask: "jilin", expected: 403, lists: [] },
    { who: "agent-jilin", ask: null, expected: 200, lists: ["jilin"] },
    { who: "agent-jilin", ask: "jilin", expected: 200, lists: ["jilin"] },
    { who: "agent-jilin", ask: "wuxi", expected: 403, lists: [] },
    { who: "supervisor-wuxi", ask: null, expected: 200, lists: ["wuxi"] },
    { who: "supervisor-wuxi", ask: "wuxi", expected: 200, lists: ["wuxi"] },
    { who: "supervisor-wuxi", ask: "jilin", expected: 403, lists: [] },
    { who: "supervisor-all", ask: null, expected: 200, lists: ["wuxi", "jilin"] },
    { who: "supervisor-all", ask: "wuxi", expected: 200, lists: ["wuxi"] },
    { who: "supervisor-all", ask: "jilin", expected: 200, lists: ["jilin"] },
    { who: "admin-all", ask: null, expected: 200, lists: ["wuxi", "jilin"] },
    { who: "admin-all", ask: "wuxi", expected: 200, lists: ["wuxi"] },
    { who: "admin-all", ask: "jilin", expected: 200, lists: ["jilin"] },
  ];

  describe("GET /api/staff/queue", () => {
    it.each(QUEUE)(
      "$who asking for $ask → $expected, lists $lists",
      async ({ who, ask, expected, lists }) => {
        const { me, refs } = await world(who);
        const res = await me.get(`/api/staff/queue${ask ? `?jurisdiction=${ask}` : ""}`);
        expect(res.status).toBe(expected);
        const body = await res.json();
        if (expected === 403) {
          expect(body.error).toMatchObject({ code: "forbidden", field: "jurisdiction" });
          return;
        }
        const listed = body.items.map((i: { reference: string }) => i.reference).sort();
        expect(listed).toEqual(lists.map((p) => refs[p]).sort());
      },
    );

    it("an out-of-scope request never shows, whatever the filters or paging", async () => {
      const { h, me, refs } = await world("agent-wuxi");
      for (let i = 0; i < 3; i++)
        await fileOne(h, { situation: { ...urgentSituation(), jurisdiction: "jilin" } });
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res: Response = await me.get(`/api/staff/queue?limit=1${after ? `&after=${after}` : ""}`);
        expect(res.status).toBe(200);
        const page: { items: { reference: string; jurisdiction: string }[]; next: string | null } =
          await res.json();
        for (const item of page.items) {
          expect(item.jurisdiction).toBe("wuxi");
          seen.push(item.reference);
        }
        after = page.next;
      } while (after);
      expect(seen).toEqual([refs.wuxi]);
      for (const status of ["new", "claimed", "closed"]) {
        const body = await (await me.get(`/api/staff/queue?status=${status}&channel=portal`)).json();
        expect(body.items.every((i: { jurisdiction: string }) => i.jurisdiction === "wuxi")).toBe(true);
      }
    });
  });

  const PERIOD = "from=2026-11-01&to=2026-11-30";

  // Reports need a supervisor and cover only the caller's jurisdictions; accounts need an admin.
  // Each row: [agent-wuxi, agent-jilin, supervisor-wuxi, supervisor-all, admin-all].
  const REPORTS: Record<"stats" | "export" | "accounts", Row> = {
    stats: [403, 403, 200, 200, 200],
    export: [403, 403, 200, 200, 200],
    accounts: [403, 403, 403, 403, 200],
  };
  const REPORT_PATHS = {
    stats: `/api/staff/stats?${PERIOD}`,
    export: `/api/staff/export?${PERIOD}&format=json`,
    accounts: "/api/staff/accounts",
  };
  const REPORT_ROWS = (Object.keys(REPORTS) as (keyof typeof REPORTS)[]).flatMap((what) =>
    EVERYONE.map((who, i) => ({ what, who, expected: REPORTS[what][i] as number })),
  );

  describe("stats, export and accounts", () => {
    it.each(REPORT_ROWS)("$what by $who → $expected", async ({ what, who, expected }) => {
      const { h, me, refs } = await world(who);
      const res = await me.get(REPORT_PATHS[what]);
      expect(res.status).toBe(expected);
      const body = await res.json();
      const exports = (await h.deps.staff.auditLog()).filter((r) => r.kind === "export");
      if (expected === 403) {
        expect(body.error.code).toBe("forbidden");
        expect(exports).toEqual([]);
        return;
      }
      const visible = PLACES.filter((p) => inScope(who, p));
      if (what === "stats") {
        const total = body.statuses.reduce((n: number, s: { n: number }) => n + s.n, 0);
        expect(total).toBe(visible.length);
      } else if (what === "export") {
        const listed = body.workOrders.map((w: { reference: string }) => w.reference);
        expect(listed).toEqual(visible.map((p) => refs[p]));
        expect(exports).toEqual([expect.objectContaining({ staffId: me.id })]);
      } else {
        expect(body.accounts.map((a: { name: string }) => a.name)).toEqual([who]);
      }
    });

    it("an export as CSV keeps to the same scope", async () => {
      const { me, refs } = await world("supervisor-wuxi");
      const res = await me.get(`/api/staff/export?${PERIOD}&format=csv`);
      expect(res.status).toBe(200);
      const csv = await res.text();
      expect(csv).toContain(refs.wuxi);
      expect(csv).not.toContain(refs.jilin);
    });
  });

  // ---------------------------------------------------------------------------------------------------
  // Without a session, and an unknown reference.

  describe("without a session", () => {
    const routes: [string, "GET" | "POST", string, unknown][] = [
      ["view", "GET", "/api/staff/requests/{ref}", undefined],
      ["phone", "POST", "/api/staff/requests/{ref}/phone", undefined],
      ["claim", "POST", "/api/staff/requests/{ref}/claim", undefined],
      ["notes", "POST", "/api/staff/requests/{ref}/notes", { text: "x" }],
      ["amend", "POST", "/api/staff/requests/{ref}/amend", { situation: urgentSituation() }],
      ["status", "POST", "/api/staff/requests/{ref}/status", { to: "contacted" }],
      ["release", "POST", "/api/staff/requests/{ref}/release", undefined],
      ["reopen", "POST", "/api/staff/requests/{ref}/reopen", undefined],
      ["file", "POST", "/api/staff/requests", {}],
      ["queue", "GET", "/api/staff/queue?jurisdiction=wuxi", undefined],
      ["stats", "GET", `/api/staff/stats?${PERIOD}`, undefined],
      ["export", "GET", `/api/staff/export?${PERIOD}&format=json`, undefined],
      ["accounts", "GET", "/api/staff/accounts", undefined],
      ["new account", "POST", "/api/staff/accounts", { name: "x", role: "admin", jurisdiction: "all" }],
      ["reset", "POST", "/api/staff/accounts/1/reset", undefined],
      ["end sessions", "POST", "/api/staff/accounts/1/sessions/end", undefined],
      ["session", "GET", "/api/staff/session", undefined],
      ["password", "POST", "/api/staff/password", { current: STAFF_PASSWORD, next: "another password" }],
      ["logout", "POST", "/api/staff/logout", undefined],
    ];
    const cookies: [string, Record<string, string>][] = [
      ["no cookie", {}],
      ["a made-up cookie", { cookie: "staff_session=made-up", "x-csrf-token": "made-up" }],
    ];

    it.each(
      routes.flatMap(([name, method, path, body]) =>
        cookies.map(([how, headers]) => ({ name, method, path, body, how, headers })),
      ),
    )("$name with $how → 401", async ({ method, path, body, headers }) => {
      const { h, me, refs } = await world("admin-all");
      const url = path.replace("{ref}", refs.wuxi);
      const before = await h.deps.requests.events(refs.wuxi);
      const res = await h.app.request(url, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
      expect(await h.deps.requests.events(refs.wuxi)).toEqual(before);
      expect((await h.deps.requests.byReference(refs.wuxi))?.status).toBe("new");
      expect((await h.deps.staff.list()).map((s) => s.name)).toEqual(["admin-all"]);
      // The admin's own session is unaffected.
      expect((await me.get("/api/staff/session")).status).toBe(200);
    });
  });

  describe("an unknown reference", () => {
    const rows = (Object.keys(ENDPOINTS) as Endpoint[]).flatMap((endpoint) =>
      EVERYONE.map((who) => ({ endpoint, who })),
    );

    it.each(rows)("$endpoint by $who → 404", async ({ endpoint, who }) => {
      const { me } = await world(who);
      for (const ref of ["WX-2222-2222", "JL-2222-2222"]) {
        const res = await call(me, endpoint, ref, ref.startsWith("WX") ? "wuxi" : "jilin");
        expect(res.status, ref).toBe(404);
        expect((await res.json()).error.code, ref).toBe("request_not_found");
      }
    });
  });

  // ---------------------------------------------------------------------------------------------------
  // Views and phone reveals are on the record.

  describe("the record of who looked", () => {
    it("every full view and every phone reveal adds an event naming the viewer", async () => {
      const { h, me, refs } = await world("agent-wuxi");
      const sup = await staffClient(h, "supervisor-all", "supervisor", "all");
      const ref = refs.wuxi;

      const view = await me.get(`/api/staff/requests/${ref}`);
      expect(view.status).toBe(200);
      const text = await view.text();
      // The full record leaves the numbers out; they come only through a reveal.
      expect(text).not.toContain("13812345678");
      expect(text).not.toContain("13900001111");
      expect(JSON.parse(text).request.applicant.phone).toBe("hidden");

      expect((await sup.get(`/api/staff/requests/${ref}`)).status).toBe(200);
      const phone = await sup.post(`/api/staff/requests/${ref}/phone`);
      expect(await phone.json()).toEqual({ contact: "13812345678", helper: "13900001111", person: null });
      expect((await me.post(`/api/staff/requests/${ref}/phone`)).status).toBe(200);
      expect((await me.get(`/api/staff/requests/${ref}`)).status).toBe(200);

      expect((await h.deps.requests.events(ref)).map((e) => [e.kind, e.actor])).toEqual([
        ["created", "resident"],
        ["viewed", `staff:${me.id}`],
        ["viewed", `staff:${sup.id}`],
        ["phone_revealed", `staff:${sup.id}`],
        ["phone_revealed", `staff:${me.id}`],
        ["viewed", `staff:${me.id}`],
      ]);
      // The numbers are in no event.
      expect(JSON.stringify(await h.deps.requests.events(ref))).not.toContain("13812345678");
      // The jilin request saw none of it.
      expect((await h.deps.requests.events(refs.jilin)).map((e) => e.kind)).toEqual(["created"]);

      // The record shows the trail with names, its own view included.
      const last = await (await sup.get(`/api/staff/requests/${ref}`)).json();
      expect(last.events.slice(-2).map((e: { kind: string; actor: string }) => [e.kind, e.actor])).toEqual([
        ["viewed", "agent-wuxi"],
        ["viewed", "supervisor-all"],
      ]);
    });
  });

  describe("POST /api/staff/requests (filing for a caller)", () => {
    it.each([
      { who: "agent-wuxi", place: "wuxi", expected: 201 },
      { who: "agent-wuxi", place: "jilin", expected: 403 },
      { who: "supervisor-wuxi", place: "jilin", expected: 403 },
      { who: "supervisor-all", place: "jilin", expected: 201 },
    ] as const)("$who filing in $place → $expected", async ({ who, place, expected }) => {
      const { h, me } = await world(who);
      const before = (await h.deps.queue.list({ scope: "all" }, null, 100)).items.length;
      const res = await me.post("/api/staff/requests", {
        situation: { ...urgentSituation(), jurisdiction: place },
        contact: { phone: "13712345678" },
        applicant: { kind: "self", name: "陈静" },
        consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
        lang: "zh-CN",
      });
      expect(res.status).toBe(expected);
      const after = (await h.deps.queue.list({ scope: "all" }, null, 100)).items;
      if (expected === 403) {
        expect(after).toHaveLength(before);
      } else {
        const { reference } = await res.json();
        expect(await h.deps.requests.byReference(reference)).toMatchObject({
          channel: "staff",
          jurisdiction: place,
        });
      }
    });
  });
});
