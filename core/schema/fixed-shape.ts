// A situation copied into one fixed shape: every field present, in the schema's order, undefined where
// unknown. Input objects each carry their own set of fields (the bench's members come in 2,303 key
// orders), so the engine would meet thousands of object shapes and read every field the slow, generic
// way; in one shape each read is direct. The copy is the same situation (tests/core/fixed-shape.test.ts
// checks it against the schema's own fields, field by field).
//
// Generated from the schema, like the check in accept.ts, so the schema stays the one list of fields:
// one function per object, which walks the input's own keys (V8 reads `o[k]` inside `for…in` by the
// object's layout) and stores each field by name into an object made with every field at once (blank.ts;
// a named store is direct; a keyed one, or a lookup in a set of field names, is about 3× slower per
// member).
// Only the schema's fields are copied: a stray key, "__proto__" above all, never is. A situation is
// plain data (parsed JSON, or literals): its fields are its own enumerable ones, not getters.

import type { z } from "zod";
import { blankOf } from "./blank.ts";
import { type Situation, situationSchema } from "./situation.ts";
import type { Node } from "./zod-nodes.ts";

export const fixedShape = compileCopy(situationSchema) as (s: Situation) => Situation;

/** A copier for values the schema accepts (it checks nothing: validate first). */
export function compileCopy(schema: z.ZodType): (value: unknown) => unknown {
  const functions: string[] = [];
  const constants: unknown[] = [];

  /** A JavaScript expression for the copy of the variable `x` (an identifier). */
  const copy = (node: Node, x: string, path: string): string => {
    const def = node._zod.def;
    switch (def.type) {
      case "string":
      case "number":
      case "boolean":
      case "literal":
      case "enum":
        return x;
      case "optional":
        return `(${x} === undefined ? undefined : ${copy(def.innerType as Node, x, path)})`;
      case "nullable":
        return `(${x} === null ? null : ${copy(def.innerType as Node, x, path)})`;
      case "array": {
        const at = reserve();
        const each = copy(def.element as Node, "x", `${path}[]`);
        functions[at] =
          `function f${at}(a) {\n  const out = new Array(a.length);\n` +
          `  for (let i = 0; i < a.length; i++) { const x = a[i]; out[i] = ${each}; }\n  return out;\n}`;
        return `f${at}(${x})`;
      }
      case "union": {
        // Told apart by kind: at most one option an object, the rest plain values (a parent: a status,
        // or a status with its date).
        const options = def.options ?? [];
        const objects = options.filter((o) => o._zod.def.type === "object");
        const plain = options.every((o) => ["object", "string", "enum", "literal"].includes(o._zod.def.type));
        if (objects.length > 1 || !plain)
          throw new Error(`compileCopy: a union at ${path || "the root"} is not supported`);
        const object = objects[0];
        return object === undefined
          ? x
          : `(typeof ${x} === "object" && ${x} !== null ? ${copy(object, x, path)} : ${x})`;
      }
      case "object": {
        const at = reserve();
        const fields = Object.entries(def.shape ?? {});
        const blank = constants.push(blankOf(fields.map(([k]) => k))) - 1;
        const cases = fields.map(
          ([k, field]) =>
            `      case ${JSON.stringify(k)}: out[${JSON.stringify(k)}] = ${copy(field, "x", `${path}.${k}`)}; break;`,
        );
        functions[at] =
          `function f${at}(o) {\n  const out = new K[${blank}]();\n  for (const k in o) {\n    const x = o[k];\n` +
          `    switch (k) {\n${cases.join("\n")}\n    }\n  }\n  return out;\n}`;
        return `f${at}(${x})`;
      }
      default:
        throw new Error(`compileCopy: zod type "${def.type}" at ${path || "the root"} is not supported`);
    }
  };
  /** A name for a function whose body is written once its parts (made first) have theirs. */
  const reserve = (): number => functions.push("") - 1;

  const root = copy(schema as unknown as Node, "x", "");
  // The source is built from the schema's own keys (JSON-quoted), never from input.
  return new Function(
    "K",
    `"use strict";\n${functions.join("\n")}\nreturn function copy(x) { return ${root}; };`,
  )(constants);
}
