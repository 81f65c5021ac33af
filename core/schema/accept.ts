// A fast yes/no for input a zod schema accepts, compiled once from that same schema into JavaScript: its
// structure as straight-line checks, zod's number bounds, whole-number and pattern checks as plain
// comparisons read from the schema, `.refine` functions called directly, and any other check (lengths,
// which zod counts in characters and JavaScript in UTF-16 units; superRefine) by zod's own check
// function. Input it accepts is copied once into the fixed shape (parseSituation); anything it does not
// accept goes to zod, which names the fields. For input shaped as JSON.parse gives it (own, enumerable data properties)
// it never accepts what zod would refuse (tests/core/accept.test.ts compares the two on valid and broken
// input, and check by check on small schemas); it is not for objects with getters or hidden properties.
//
// Why generated code: a tree of small closures called each other through call sites that met dozens of
// different closures, which V8 cannot inline; one function per object, with a switch on each key, is
// about twice as quick (README, "Why a screening is fast").

import type { z } from "zod";
import type { Check, Node, Payload } from "./zod-nodes.ts";

/** True only when the schema would accept the value and give back an equal one. */
export type Accept = (value: unknown) => boolean;

/** The whole check on one value: its shape, then the root's own checks (see compileAcceptParts). */
export function compileAccept(schema: z.ZodType): Accept {
  const { shape, refinements } = compileAcceptParts(schema);
  return (value) => shape(value) && refinements(value);
}

/**
 * The same check in two parts: the value's shape (every field, every check below the root), and the
 * root's own checks (the situation's cross-field refinements). The second part reads only field values,
 * so it may be run on a copy of the value with the same fields — the fixed-shape copy, whose one layout
 * V8 reads directly where the input's thousands of layouts it cannot.
 */
export function compileAcceptParts(schema: z.ZodType): { shape: Accept; refinements: Accept } {
  const g = new Generator();
  const node = schema as unknown as Node;
  const shape = g.structure(node, "x", "");
  const checks = g.checksOf(node, "x");
  const body =
    `"use strict";\n${g.functions.join("\n")}\n` +
    `return [function shape(x) { return ${shape}; }, function refinements(x) { return ${checks.length === 0 ? "true" : checks.join(" && ")}; }];`;
  // The source is built from the schema's own keys and values (JSON-quoted), never from input.
  const [shapeOf, refinementsOf] = new Function("K", body)(g.constants) as [Accept, Accept];
  return { shape: shapeOf, refinements: refinementsOf };
}

/** A check zod would run, run its own way on a value that has no issue yet (the refinements). */
function byZod(c: Check): (value: unknown) => boolean {
  return (value) => {
    const payload: Payload = { value, issues: [] };
    const when = c._zod.def.when;
    if (when && !when(payload)) return true;
    c._zod.check(payload);
    return payload.issues.length === 0;
  };
}

/** An enum's values as zod takes them: a numeric TypeScript enum's reverse mappings left out. */
function enumValues(entries: Record<string, string | number>): (string | number)[] {
  const numbers = Object.values(entries).filter((v) => typeof v === "number");
  return Object.entries(entries)
    .filter(([k]) => !numbers.includes(Number(k)))
    .map(([, v]) => v);
}

/** A `.refine` function's answer as zod reads it: truthy passes; a promise is zod's to await (so no here). */
function refined(fn: (value: unknown) => unknown): (value: unknown) => boolean {
  return (value) => {
    const answer = fn(value);
    return !(answer instanceof Promise) && Boolean(answer);
  };
}

/** Up to this many values an enum is checked by comparisons; more, by a set. */
const ENUM_BY_COMPARISON = 12;

class Generator {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];

  private constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  /** A JavaScript expression, true when the variable `x` (an identifier) is accepted by the node. */
  private expr(node: Node, x: string, path: string): string {
    const shape = this.structure(node, x, path);
    const checks = this.checksOf(node, x);
    return checks.length === 0 ? shape : `(${shape} && ${checks.join(" && ")})`;
  }

  /** The node's own checks, each an expression on `x`. */
  checksOf(node: Node, x: string): string[] {
    return (node._zod.def.checks ?? []).map((c) => this.check(c, x));
  }

  private check(c: Check, x: string): string {
    const d = c._zod.def;
    if (d.when === undefined) {
      const bound = typeof d.value === "number" ? d.value : undefined;
      if (d.check === "greater_than" && bound !== undefined)
        return `${x} ${d.inclusive ? ">=" : ">"} ${bound}`;
      if (d.check === "less_than" && bound !== undefined) return `${x} ${d.inclusive ? "<=" : "<"} ${bound}`;
      if (d.check === "number_format" && d.format === "safeint") return `Number.isSafeInteger(${x})`;
      // A pattern that keeps no state between tests (no g or y flag).
      if (d.check === "string_format" && d.format === "regex" && d.pattern && !/[gy]/.test(d.pattern.flags))
        return `${this.constant(d.pattern)}.test(${x})`;
      // A refinement's own function, called as zod calls it, without zod's wrapper around it.
      if (d.check === "custom" && d.type === "custom" && typeof d.fn === "function")
        return `${this.constant(refined(d.fn))}(${x})`;
    }
    return `${this.constant(byZod(c))}(${x})`;
  }

  /** The node's shape alone, without its own checks (those of its parts included). */
  structure(node: Node, x: string, path: string): string {
    const def = node._zod.def;
    switch (def.type) {
      case "string":
        return `typeof ${x} === "string"`;
      case "number":
        return `(typeof ${x} === "number" && Number.isFinite(${x}))`;
      case "boolean":
        return `typeof ${x} === "boolean"`;
      case "literal":
        // zod requires the key of a literal that may be undefined; the walk below would not.
        if ((def.values ?? []).includes(undefined))
          throw new Error(`compileAccept: a literal undefined at ${path || "the root"} is not supported`);
        return this.oneOf(def.values ?? [], x);
      case "enum":
        return this.oneOf(enumValues(def.entries ?? {}), x);
      case "optional":
        return `(${x} === undefined || ${this.expr(def.innerType as Node, x, path)})`;
      case "nullable":
        return `(${x} === null || ${this.expr(def.innerType as Node, x, path)})`;
      case "array":
        return `${this.array(def.element as Node, path)}(${x})`;
      case "union":
        return `(${(def.options ?? []).map((o, k) => this.expr(o, x, `${path}|${k}`)).join(" || ")})`;
      case "object":
        return `${this.object(def.shape ?? {}, def.catchall, path)}(${x})`;
      default:
        // A schema that transforms, defaults or pipes would give back something other than its input.
        throw new Error(`compileAccept: zod type "${def.type}" at ${path || "the root"} is not supported`);
    }
  }

  private oneOf(values: readonly unknown[], x: string): string {
    const plain = values.every((v) => typeof v === "string" || typeof v === "boolean" || Number.isFinite(v));
    if (!plain) return `${this.constant(values)}.includes(${x})`;
    if (values.length > ENUM_BY_COMPARISON) return `${this.constant(new Set(values))}.has(${x})`;
    return values.length === 0
      ? "false"
      : `(${values.map((v) => `${x} === ${JSON.stringify(v)}`).join(" || ")})`;
  }

  /** A name for a function whose body is written once its parts (made first) have theirs. */
  private reserve(): number {
    this.functions.push("");
    return this.functions.length - 1;
  }

  private array(element: Node, path: string): string {
    const at = this.reserve();
    const each = this.expr(element, "x", `${path}[]`);
    this.functions[at] =
      `function f${at}(a) {\n  if (!Array.isArray(a)) return false;\n` +
      `  for (let i = 0; i < a.length; i++) { const x = a[i]; if (!${each}) return false; }\n  return true;\n}`;
    return `f${at}`;
  }

  private object(shape: Record<string, Node>, catchall: Node | undefined, path: string): string {
    if (catchall !== undefined && catchall._zod.def.type !== "never")
      throw new Error(
        `compileAccept: an object with other keys allowed at ${path || "the root"} is not supported`,
      );
    // Without a catch-all zod drops unknown keys: its output would differ from the input, so only a strict
    // object (catch-all "never") is accepted as it is.
    if (catchall === undefined)
      throw new Error(`compileAccept: a non-strict object at ${path || "the root"} is not supported`);
    const at = this.reserve();
    let required = 0;
    const cases: string[] = [];
    for (const [k, field] of Object.entries(shape)) {
      const test = this.expr(field, "x", `${path}.${k}`);
      // A field that refuses undefined must be there: asked of its own check, run once now.
      const mustBeThere = !this.evaluate(test, undefined);
      if (mustBeThere) required++;
      cases.push(
        `      case ${JSON.stringify(k)}: if (!${test}) return false; ${mustBeThere ? "present++; " : ""}break;`,
      );
    }
    // Walked by its own keys: V8 reads `o[k]` inside `for…in` by the object's layout, with no lookup.
    this.functions[at] =
      `function f${at}(o) {\n  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;\n` +
      `  let present = 0;\n  for (const k in o) {\n    const x = o[k];\n    switch (k) {\n${cases.join("\n")}\n` +
      `      default: return false;\n    }\n  }\n  return present === ${required};\n}`;
    return `f${at}`;
  }

  /** An expression's answer for one value, with the functions written so far. */
  private evaluate(test: string, value: unknown): boolean {
    const written = this.functions.filter((f) => f !== "").join("\n");
    return new Function("K", "x", `"use strict";\n${written}\nreturn ${test};`)(this.constants, value);
  }
}
