// A fast yes/no for input a zod schema accepts, compiled once from that same schema: its structure as
// plain checks, its refinements by zod's own check functions. Input it accepts is used as it is, with
// no copy built; anything it does not accept goes to zod, which names the fields. It never accepts what
// zod would refuse (tests/core/accept.test.ts compares the two on valid and broken input).

import type { z } from "zod";

/** True only when the schema would accept the value and give back an equal one. */
export type Accept = (value: unknown) => boolean;

/** The parts of zod's internals this reads: a node's definition and its checks. */
interface Check {
  _zod: {
    def: { when?: (payload: Payload) => boolean };
    check: (payload: Payload) => unknown;
  };
}
interface Node {
  _zod: {
    def: {
      type: string;
      checks?: Check[];
      shape?: Record<string, Node>;
      catchall?: Node;
      element?: Node;
      options?: Node[];
      innerType?: Node;
      entries?: Record<string, string | number>;
      values?: unknown[];
    };
  };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

export function compileAccept(schema: z.ZodType): Accept {
  return compile(schema as unknown as Node, "");
}

function compile(node: Node, path: string): Accept {
  const def = node._zod.def;
  const shape = structure(node, path);
  const checks = def.checks ?? [];
  if (checks.length === 0) return shape;
  return (value) => shape(value) && passes(checks, value);
}

/** zod's own refinements and bounds, run as zod runs them on a value that has no issue yet. */
function passes(checks: Check[], value: unknown): boolean {
  const payload: Payload = { value, issues: [] };
  for (const c of checks) {
    const when = c._zod.def.when;
    if (when && !when(payload)) continue;
    c._zod.check(payload);
    if (payload.issues.length > 0) return false;
  }
  return true;
}

function structure(node: Node, path: string): Accept {
  const def = node._zod.def;
  switch (def.type) {
    case "string":
      return (v) => typeof v === "string";
    case "number":
      return (v) => typeof v === "number" && Number.isFinite(v);
    case "boolean":
      return (v) => typeof v === "boolean";
    case "literal": {
      const values = def.values ?? [];
      return (v) => values.includes(v);
    }
    case "enum": {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v as string);
    }
    case "optional": {
      const inner = compile(def.innerType as Node, path);
      return (v) => v === undefined || inner(v);
    }
    case "nullable": {
      const inner = compile(def.innerType as Node, path);
      return (v) => v === null || inner(v);
    }
    case "array": {
      const element = compile(def.element as Node, `${path}[]`);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const item of v) if (!element(item)) return false;
        return true;
      };
    }
    case "union": {
      const options = (def.options ?? []).map((o, k) => compile(o, `${path}|${k}`));
      return (v) => options.some((accept) => accept(v));
    }
    case "object":
      return object(def.shape ?? {}, def.catchall, path);
    default:
      // A schema that transforms, defaults or pipes would give back something other than its input.
      throw new Error(`compileAccept: zod type "${def.type}" at ${path || "the root"} is not supported`);
  }
}

function object(shape: Record<string, Node>, catchall: Node | undefined, path: string): Accept {
  if (catchall !== undefined && catchall._zod.def.type !== "never")
    throw new Error(
      `compileAccept: an object with other keys allowed at ${path || "the root"} is not supported`,
    );
  // Without a catch-all zod drops unknown keys: its output would differ from the input, so only a strict
  // object (catch-all "never") is accepted as it is.
  if (catchall === undefined)
    throw new Error(`compileAccept: a non-strict object at ${path || "the root"} is not supported`);
  const fields = new Map<string, Accept>();
  const required = new Set<string>();
  for (const [k, field] of Object.entries(shape)) {
    const accept = compile(field, `${path}.${k}`);
    fields.set(k, accept);
    // A field that refuses undefined must be there.
    if (!accept(undefined)) required.add(k);
  }
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const record = v as Record<string, unknown>;
    let present = 0;
    // Walked by its own keys: V8 reads `record[k]` inside `for…in` by the object's layout, with no lookup.
    for (const k in record) {
      const accept = fields.get(k);
      if (accept === undefined || !accept(record[k])) return false;
      if (required.has(k)) present++;
    }
    return present === required.size;
  };
}
