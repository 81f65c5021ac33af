import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createVault, VaultError } from "../../db/crypto.ts";
import { DataKeyError, loadOrCreateKeyFile, parseDataKey } from "../../db/data-key.ts";

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.alloc(32, 0xb2);

const person = { name: "王秀英", phone: "13812345678", members: [{ relation: "self", age: 67 }] };

describe("seal and open", () => {
  it("round-trips a value under the same key and context", () => {
    const vault = createVault(keyA);
    const blob = vault.seal(person, "requests:WX-7KQ4-9M2P");
    expect(vault.open(blob, "requests:WX-7KQ4-9M2P")).toEqual(person);
  });

  it("round-trips with a second vault built from the same key bytes", () => {
    const blob = createVault(keyA).seal("13812345678", "contacts:1");
    expect(createVault(Buffer.from(keyA)).open<string>(blob, "contacts:1")).toBe("13812345678");
  });

  it("does not leave the plaintext in the sealed bytes", () => {
    const blob = createVault(keyA).seal(person, "requests:1");
    expect(blob.includes(Buffer.from("13812345678", "utf8"))).toBe(false);
    expect(blob.includes(Buffer.from("王秀英", "utf8"))).toBe(false);
    // Nor is the whole JSON text.
    expect(blob.includes(Buffer.from(JSON.stringify(person), "utf8"))).toBe(false);
  });

  it("uses a fresh IV: sealing the same value twice gives different bytes", () => {
    const vault = createVault(keyA);
    const one = vault.seal(person, "requests:1");
    const two = vault.seal(person, "requests:1");
    expect(one.equals(two)).toBe(false);
    expect(vault.open(one, "requests:1")).toEqual(vault.open(two, "requests:1"));
  });

  it("refuses to open under a different context (associated data)", () => {
    const vault = createVault(keyA);
    const blob = vault.seal(person, "requests:1");
    expect(() => vault.open(blob, "requests:2")).toThrow(VaultError);
    expect(() => vault.open(blob, "contacts:1")).toThrow(VaultError);
  });

  it("refuses to open with another key", () => {
    const blob = createVault(keyA).seal(person, "requests:1");
    expect(() => createVault(keyB).open(blob, "requests:1")).toThrow(VaultError);
  });

  it("refuses a blob with any single byte changed", () => {
    const vault = createVault(keyA);
    const blob = vault.seal(person, "requests:1");
    // One byte in each part: version (0), IV (1–12), tag (13–28), body (29 …) and the last byte.
    for (const at of [0, 1, 12, 13, 28, 29, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(() => vault.open(tampered, "requests:1"), `byte ${at}`).toThrow(VaultError);
    }
    // The untouched blob still opens, so the failures above come from the change.
    expect(vault.open(blob, "requests:1")).toEqual(person);
  });

  it("refuses a truncated blob of any length with a VaultError (a short tag is never accepted)", () => {
    const vault = createVault(keyA);
    const blob = vault.seal(person, "requests:1");
    for (let length = 0; length < blob.length; length++) {
      expect(() => vault.open(blob.subarray(0, length), "requests:1"), `length ${length}`).toThrow(
        VaultError,
      );
    }
  });
});

describe("hash", () => {
  it("is deterministic under one key", () => {
    expect(createVault(keyA).hash("phone", "13812345678")).toBe(
      createVault(keyA).hash("phone", "13812345678"),
    );
  });

  it("differs across values", () => {
    const vault = createVault(keyA);
    expect(vault.hash("phone", "13812345678")).not.toBe(vault.hash("phone", "13812345679"));
  });

  it("differs across keys", () => {
    expect(createVault(keyA).hash("phone", "13812345678")).not.toBe(
      createVault(keyB).hash("phone", "13812345678"),
    );
  });

  it("differs across purposes", () => {
    const vault = createVault(keyA);
    expect(vault.hash("phone", "13812345678")).not.toBe(vault.hash("id_number", "13812345678"));
  });

  it("does not contain the value in the clear", () => {
    expect(createVault(keyA).hash("phone", "13812345678")).not.toContain("13812345678");
  });
});

describe("keyCheck", () => {
  it("is stable for one key and differs across keys", () => {
    expect(createVault(keyA).keyCheck()).toBe(createVault(Buffer.from(keyA)).keyCheck());
    expect(createVault(keyA).keyCheck()).not.toBe(createVault(keyB).keyCheck());
    expect(createVault(keyA).keyCheck()).toHaveLength(16);
  });
});

describe("createVault", () => {
  it("refuses a key that is not 32 bytes", () => {
    expect(() => createVault(Buffer.alloc(31))).toThrow(VaultError);
    expect(() => createVault(Buffer.alloc(33))).toThrow(VaultError);
    expect(() => createVault(Buffer.alloc(0))).toThrow(VaultError);
  });
});

describe("parseDataKey", () => {
  const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 3));

  it("accepts 64 hex digits, in either case and with surrounding whitespace", () => {
    const hex = bytes.toString("hex");
    expect(parseDataKey(hex)?.equals(bytes)).toBe(true);
    expect(parseDataKey(hex.toUpperCase())?.equals(bytes)).toBe(true);
    expect(parseDataKey(`  ${hex}\n`)?.equals(bytes)).toBe(true);
  });

  it("accepts base64 of 32 bytes, padded or not, standard or url-safe", () => {
    const b64 = bytes.toString("base64");
    expect(b64).toHaveLength(44);
    expect(parseDataKey(b64)?.equals(bytes)).toBe(true);
    expect(parseDataKey(`${b64}\n`)?.equals(bytes)).toBe(true);
    expect(parseDataKey(b64.replace(/=$/, ""))?.equals(bytes)).toBe(true);
    // 0xfb 0xfb 0xfb encodes as "+/v7" in standard base64 and "-_v7" in the url-safe alphabet.
    const symbols = Buffer.alloc(32, 0xfb);
    expect(symbols.toString("base64")).toMatch(/\+\//);
    expect(parseDataKey(symbols.toString("base64"))?.equals(symbols)).toBe(true);
    const urlSafe = symbols.toString("base64url");
    expect(urlSafe).toMatch(/-_/);
    expect(parseDataKey(urlSafe)?.equals(symbols)).toBe(true);
  });

  it("refuses anything else", () => {
    const hex = bytes.toString("hex");
    expect(parseDataKey("")).toBeNull();
    expect(parseDataKey("not a key")).toBeNull();
    expect(parseDataKey(hex.slice(0, 62))).toBeNull(); // 31 bytes of hex
    expect(parseDataKey(`${hex}00`)).toBeNull(); // 33 bytes of hex
    expect(parseDataKey(`${hex.slice(0, 63)}g`)).toBeNull(); // not a hex digit
    expect(parseDataKey(bytes.subarray(0, 31).toString("base64"))).toBeNull();
    expect(parseDataKey(Buffer.concat([bytes, Buffer.from([1])]).toString("base64"))).toBeNull();
    expect(parseDataKey(bytes.subarray(0, 16).toString("hex"))).toBeNull();
  });
});

describe("loadOrCreateKeyFile", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), "data-key-"));
    dirs.push(dir);
    return dir;
  }

  it("creates an owner-only key file in a folder that does not exist yet, then reads the same key back", () => {
    const file = join(tempDir(), "not-yet", "data.key");
    expect(existsSync(file)).toBe(false);

    const first = loadOrCreateKeyFile(file);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseDataKey(readFileSync(file, "utf8"))?.equals(first.key)).toBe(true);

    const second = loadOrCreateKeyFile(file);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("gives different keys for different files", () => {
    const dir = tempDir();
    const one = loadOrCreateKeyFile(join(dir, "one.key")).key;
    const two = loadOrCreateKeyFile(join(dir, "two.key")).key;
    expect(one.equals(two)).toBe(false);
  });

  it("reads a key written by an operator in hex", () => {
    const file = join(tempDir(), "data.key");
    const key = randomBytes(32);
    writeFileSync(file, `${key.toString("hex")}\n`);
    const loaded = loadOrCreateKeyFile(file);
    expect(loaded.created).toBe(false);
    expect(loaded.key.equals(key)).toBe(true);
  });

  it("refuses a file holding garbage, naming the file, and leaves it as it was", () => {
    const file = join(tempDir(), "data.key");
    writeFileSync(file, "garbage\n");
    expect(() => loadOrCreateKeyFile(file)).toThrow(DataKeyError);
    expect(() => loadOrCreateKeyFile(file)).toThrow(file);
    expect(readFileSync(file, "utf8")).toBe("garbage\n");
  });
});
