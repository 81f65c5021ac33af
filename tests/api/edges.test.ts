// What every caller meets at the edge: the contract's formats, clean refusals, headers, the OpenAPI.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screen } from "../../core/screen.ts";
import { forEachStore } from "../stores.ts";
import { type Harness, harness } from "./harness.ts";

forEachStore(() => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  const fixture = (id: string) =>
    JSON.parse(readFileSync(new URL(`../fixtures/${id}.json`, import.meta.url), "utf8"));

  describe("POST /api/screen", () => {
    it("answers a situation with its screening, the same as the core's", async () => {
      const situation = fixture("neijiang-dongxing");
      const res = await h.post("/api/screen", situation);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(screen(situation, { policies: h.deps.policies, today: "2026-11-27" }));
    });

    it("names an unknown field by its contract path, in the caller's language", async () => {
      const situation = { ...fixture("wuxi"), incme: 3 };
      const res = await h.post("/api/screen?lang=zh-Hant", situation);
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({
        code: "invalid",
        field: "incme",
        message: "「incme」不是可以填寫的項目。",
      });
    });

    // The harness's today is 2026-11-27.
    it.each([
      [
        "/api/screen",
        { schemaVersion: 1, jurisdiction: "jilin", asOf: "9999-01-01", members: [{ relation: "self" }] },
        "asOf",
        "date_out_of_range",
      ],
      [
        "/api/screen",
        { schemaVersion: 1, jurisdiction: "jilin", asOf: "2028-01-01", members: [{ relation: "self" }] },
        "asOf",
        "date_too_far",
      ],
      [
        "/api/screen",
        {
          schemaVersion: 1,
          jurisdiction: "jilin",
          povertyExitedOn: "9999-12-31",
          members: [{ relation: "self" }],
        },
        "povertyExitedOn",
        "date_out_of_range",
      ],
    ])("%s: a date out of bounds is 400 naming its field (%s)", async (path, situation, field, code) => {
      const res = await h.post(path, situation);
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.field).toBe(field);
      expect(error.issues[0].code).toBe(code);
    });

    it("/api/requests: an estimate dated 9999 is 400 naming situation.asOf, and nothing is filed", async () => {
      const res = await h.post("/api/requests", {
        situation: {
          schemaVersion: 1,
          jurisdiction: "jilin",
          asOf: "9999-01-01",
          members: [{ relation: "self" }],
        },
        contact: { phone: "13812345678" },
        applicant: { kind: "self" },
        consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe("situation.asOf");
      expect(await h.count("requests")).toBe(0);
    });
  });

  describe("refused cleanly", () => {
    it("malformed JSON: 400 invalid_json, no stack trace", async () => {
      const res = await h.post("/api/screen", '{"schemaVersion": 1,', { "accept-language": "en" });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: "invalid_json", message: "The request body is not valid JSON.", field: null },
      });
      expect(text).not.toMatch(/at .*\.ts/);
    });

    it("a body over 64 KB: 413", async () => {
      const res = await h.post("/api/screen", JSON.stringify({ pad: "x".repeat(70_000) }));
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("body_too_large");
    });

    it("a body just under 64 KB is read (and then judged on its fields)", async () => {
      const res = await h.post("/api/screen", JSON.stringify({ pad: "x".repeat(60_000) }));
      expect(res.status).toBe(422);
    });

    it("a form post to the API: 415", async () => {
      const res = await h.app.request("/api/screen", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "a=1",
      });
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe("unsupported_media_type");
    });

    it("an unknown API path: 404 JSON", async () => {
      const res = await h.app.request("/api/nothing-here");
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("no_such_page");
    });

    it("a failure inside a handler is a 500 in words, with nothing of the input in the log", async () => {
      const broken = await harness();
      await broken.deps.db.close(); // the database is gone mid-flight
      const errors: string[] = [];
      const original = console.error;
      console.error = (line: string) => errors.push(line);
      try {
        const res = await broken.app.request("/api/health", { headers: { "accept-language": "en" } });
        expect(res.status).toBe(500);
        expect((await res.json()).error.code).toBe("internal");
        expect(errors.join("\n")).not.toMatch(/13812345678/);
        expect(errors).toHaveLength(1);
      } finally {
        console.error = original;
      }
    });
  });

  describe("/api/staff", () => {
    it.each(["/api/staff/queue", "/api/staff/requests/WX-2222-2222", "/api/staff/export"])(
      "%s answers 401 without a staff session",
      async (path) => {
        const res = await h.app.request(path);
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe("unauthorized");
      },
    );
  });

  describe("headers", () => {
    it("every API answer, error or not, is no-store, nosniff and under a strict CSP", async () => {
      for (const res of [
        await h.app.request("/api/health"),
        await h.post("/api/requests/status", { reference: "WX-2222-2222", phone: "13812345678" }),
        await h.app.request("/api/nothing"),
      ]) {
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
        expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        expect(res.headers.get("permissions-policy")).toContain("camera=()");
        // Plain http (no PUBLIC_URL): no HSTS, which would lock a plain deployment out.
        expect(res.headers.get("strict-transport-security")).toBeNull();
      }
    });

    it("a name that looks like a time is left as written, and never breaks a staff view", async () => {
      const { staffClient, submission } = await import("./harness.ts");
      for (const name of ["2026-99-99T99:99:99Z", "2026-01-01T00:00:00Z"]) {
        const filed = await h.post(
          "/api/requests",
          submission({ person: { name }, contact: { phone: "13911112222" } }),
        );
        const { reference, slaDueAt } = await filed.json();
        expect(slaDueAt).toMatch(/\+08:00$/); // the real instant is converted
        const agent = await staffClient(h, `edge-${name.slice(5, 7)}`, "agent", "wuxi");
        const view = await agent.get(`/api/staff/requests/${reference}`);
        expect(view.status).toBe(200);
        expect((await view.json()).request.person.name).toBe(name);
      }
    });

    it("over https: HSTS with includeSubDomains", async () => {
      const secure = await harness({ PUBLIC_URL: "https://intake.example" });
      try {
        const res = await secure.app.request("/api/health");
        expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      } finally {
        await secure.close();
      }
    });

    it("a form's 303 that sets a cookie is no-store", async () => {
      const res = await h.app.request("http://localhost/prefs", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
        body: "lang=en&return=/",
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("set-cookie")).toContain("lang=en");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    });
  });

  describe("GET /api/health", () => {
    it("reports the database and the migration level", async () => {
      const body = await (await h.app.request("/api/health")).json();
      expect(body).toMatchObject({ status: "ok", database: "ok", migrations: { pending: 0 } });
      expect(body.migrations.applied).toBeGreaterThanOrEqual(2);
    });
  });

  describe("GET /api/openapi.json", () => {
    it("documents every public route with schemas from the validators", async () => {
      const doc = await (await h.app.request("/api/openapi.json")).json();
      expect(doc.openapi).toBe("3.1.0");
      for (const path of [
        "/api/screen",
        "/api/requests",
        "/api/requests/status",
        "/api/interviews",
        "/api/health",
      ]) {
        expect(doc.paths[path], path).toBeDefined();
      }
      const submit = doc.paths["/api/requests"].post.requestBody.content["application/json"].schema;
      expect(submit.required).toEqual(
        expect.arrayContaining(["situation", "contact", "applicant", "consent"]),
      );
      expect(submit.properties.situation.properties.jurisdiction.enum).toContain("neijiang-dongxing");
    });

    it("documents the household-first extensions with their meaning: householdIncome, ageBand, person.phone", async () => {
      const doc = await (await h.app.request("/api/openapi.json")).json();
      const submit = doc.paths["/api/requests"].post.requestBody.content["application/json"].schema;
      const situation = submit.properties.situation.properties;
      expect(situation.householdIncome.description).toMatch(/household tests use this total/);
      expect(Object.keys(situation.householdIncome.properties)).toEqual([
        "monthly",
        "pensionBasic",
        "povertyDividend",
      ]);
      const member = situation.members.items.properties;
      expect(member.ageBand.description).toMatch(/leaves that rule's age open/);
      expect(submit.properties.person.properties.phone.description).toMatch(/mainland mobile/);
      expect(submit.properties.contact.properties.phone.description).toMatch(/E\.164/);
    });
  });
});
