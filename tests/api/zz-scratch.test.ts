import { expect, it, vi } from "vitest";
import { createPasswordHasher } from "../../portal/server/passwords.ts";

const ctl = vi.hoisted(() => ({ running: 0, peak: 0, pending: [] as (() => void)[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  function scrypt(_p: unknown, _s: unknown, keylen: number, _o: unknown, cb: (e: Error | null, k: Buffer) => void) {
    ctl.running++;
    ctl.peak = Math.max(ctl.peak, ctl.running);
    ctl.pending.push(() => { ctl.running--; cb(null, Buffer.alloc(keylen)); });
  }
  return { ...actual, scrypt };
});

it.each([0,1,2,3,4,5,6,7,8,9,10])("depth %i", async (depth) => {
  ctl.running = 0; ctl.peak = 0; ctl.pending = [];
  const hasher = createPasswordHasher({ logN: 10 });
  const all: Promise<string>[] = [hasher.hash("a"), hasher.hash("b"), hasher.hash("c")];
  await new Promise((r) => setTimeout(r, 5));
  expect(ctl.running).toBe(2);
  const done = ctl.pending.shift()!;
  done();
  let p: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < depth; i++) p = p.then(() => {});
  p.then(() => { all.push(hasher.hash("d")); });
  await new Promise((r) => setTimeout(r, 5));
  console.log(depth, "peak", ctl.peak, "running", ctl.running);
  while (ctl.pending.length) { ctl.pending.shift()!(); await new Promise((r) => setTimeout(r, 1)); }
});
