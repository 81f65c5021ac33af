import { describe, expect, it } from "vitest";
import { JURISDICTIONS, type Jurisdiction } from "../../core/schema/enums.ts";
import { newReference, normalizeReference, REFERENCE_PATTERN, REFERENCE_PREFIX } from "../../db/reference.ts";

const expectedPrefix: Record<Jurisdiction, string> = {
  wuxi: "WX",
  jiangmen: "JM",
  puning: "PN",
  jilin: "JL",
  "neijiang-dongxing": "DX",
};

describe("newReference", () => {
  it("covers every jurisdiction with its own prefix", () => {
    expect(Object.keys(REFERENCE_PREFIX).sort()).toEqual([...JURISDICTIONS].sort());
    expect(REFERENCE_PREFIX).toEqual(expectedPrefix);
  });

  it.each(Object.entries(expectedPrefix) as [Jurisdiction, string][])(
    "gives %s a reference like %s-XXXX-XXXX",
    (jurisdiction, prefix) => {
      const ref = newReference(jurisdiction);
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref).toMatch(/^[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(ref.startsWith(`${prefix}-`)).toBe(true);
    },
  );

  it("never uses 0, O, 1 or I in the body over 2,000 draws", () => {
    const refs = Array.from({ length: 2000 }, (_, i) =>
      newReference(JURISDICTIONS[i % JURISDICTIONS.length] as Jurisdiction),
    );
    for (const ref of refs) {
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref.slice(3)).not.toMatch(/[0O1I]/);
    }
  });

  it("draws over the whole 32-character alphabet and does not repeat itself", () => {
    const refs = Array.from({ length: 2000 }, () => newReference("wuxi"));
    // 32^8 ≈ 10^12 possibilities: 2,000 draws should all differ.
    expect(new Set(refs).size).toBe(refs.length);
    const seen = new Set(refs.flatMap((r) => [...r.slice(3).replace("-", "")]));
    // 16,000 characters from 32 symbols: every symbol turns up.
    expect([...seen].sort().join("")).toBe("23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
  });

  it("round-trips through normalizeReference", () => {
    for (const jurisdiction of JURISDICTIONS) {
      const ref = newReference(jurisdiction);
      expect(normalizeReference(ref)).toBe(ref);
      expect(normalizeReference(ref.toLowerCase().replace(/-/g, " "))).toBe(ref);
    }
  });
});

describe("normalizeReference", () => {
  it("keeps a reference already in canonical form", () => {
    expect(normalizeReference("WX-7KQ4-9M2P")).toBe("WX-7KQ4-9M2P");
  });

  it("accepts lower case", () => {
    expect(normalizeReference("wx-7kq4-9m2p")).toBe("WX-7KQ4-9M2P");
    expect(normalizeReference("Dx-7kQ4-9M2p")).toBe("DX-7KQ4-9M2P");
  });

  it("accepts spaces in place of dashes, and extra spaces", () => {
    expect(normalizeReference("WX 7KQ4 9M2P")).toBe("WX-7KQ4-9M2P");
    expect(normalizeReference("  jm 7kq 4 9m 2p \n")).toBe("JM-7KQ4-9M2P");
  });

  it("accepts missing dashes", () => {
    expect(normalizeReference("PN7KQ49M2P")).toBe("PN-7KQ4-9M2P");
    expect(normalizeReference("jl7kq4-9m2p")).toBe("JL-7KQ4-9M2P");
  });

  it("accepts an en dash (and an em dash) as typed by a phone keyboard or word processor", () => {
    expect(normalizeReference("WX–7KQ4–9M2P")).toBe("WX-7KQ4-9M2P");
    expect(normalizeReference("WX—7KQ4—9M2P")).toBe("WX-7KQ4-9M2P");
  });

  it("refuses the wrong length", () => {
    expect(normalizeReference("")).toBeNull();
    expect(normalizeReference("WX-7KQ4-9M2")).toBeNull();
    expect(normalizeReference("WX-7KQ4-9M2PP")).toBeNull();
    expect(normalizeReference("WX")).toBeNull();
  });

  it("refuses an unknown prefix", () => {
    expect(normalizeReference("SH-7KQ4-9M2P")).toBeNull();
    expect(normalizeReference("XW-7KQ4-9M2P")).toBeNull();
  });

  it("refuses a body containing O, 0, I or 1", () => {
    expect(normalizeReference("WX-7KQ4-9M2P")).not.toBeNull(); // the same reference is valid without them
    expect(normalizeReference("WX-OKQ4-9M2P")).toBeNull();
    expect(normalizeReference("WX-0KQ4-9M2P")).toBeNull();
    expect(normalizeReference("WX-7KQ4-9MIP")).toBeNull();
    expect(normalizeReference("WX-7KQ4-9M1P")).toBeNull();
    expect(normalizeReference("wx-7kq4-9m2o")).toBeNull();
    expect(normalizeReference("wx-7kq4-9m2i")).toBeNull();
  });

  it("refuses other characters", () => {
    expect(normalizeReference("WX-7KQ4-9M2*")).toBeNull();
    expect(normalizeReference("WX.7KQ4.9M2P")).toBeNull();
  });

  it("accepts full-width characters typed on a Chinese keyboard", () => {
    expect(normalizeReference("ＷＸ－７ＫＱ４－９Ｍ２Ｐ")).toBe("WX-7KQ4-9M2P");
  });
});
