// A fast check for input a zod schema accepts, compiled once from that same schema into JavaScript: its
// structure as straight-line checks, zod's number bounds, whole-number and pattern checks as plain
// comparisons read from the schema, a list's length bounds as plain comparisons, `.refine` functions
// called directly, and any other check (a string's length, which zod counts in characters and JavaScript
// in UTF-16 units; superRefine) by zod's own check function. The same walk copies what it accepts into the fixed shape (fixed-shape.ts; parseSituation),
// so valid input is read once; anything it refuses goes to zod, which names the fields. For input shaped
// as JSON.parse gives it (own, enumerable data properties) it never accepts what zod would refuse, and
// its copy is fixedShape's (tests/core/accept.test.ts compares them on valid and broken input, and check
// by check on small schemas); it is not for objects with getters or hidden properties.
//
// Why generated code: a tree of small closures called each other through call sites that met dozens of
// different closures, which V8 cannot inline; one function per object, with a switch on each key, is
// about twice as quick (README, "Why a screening is fast").

import { z } from "zod";
import { blankOf } from "./blank.ts";
import type { Check, Node, Payload } from "./zod-nodes.ts";

/** True only when the schema would accept the value and give back an equal one. */
export type Accept = (value: unknown) => boolean;

/** What a compiled check gives for a value it refuses (every value it accepts comes back as a copy). */
export const REFUSED: unique symbol = Symbol("refused");

/** The whole check on one value: its shape, then the root's own checks, on the value itself. */
export function compileAccept(schema: z.ZodType): Accept {
  const { copy, refinements } = compileAcceptParts(schema);
  return (value) => copy(value) !== REFUSED && refinements(value);
}

/**
 * The same check in two parts. The first checks the value's shape (every field, every check below the
 * root) and, in the same walk, copies what it accepts into the fixed shape (see fixed-shape.ts: every
 * field present, in the schema's order), or gives REFUSED; the checks of the objects and lists below the
 * root run on the input's own objects, which hold the keys zod's output would (a copy holds every key).
 * The second is the root's own checks. A caller whose root checks read only field values — the
 * situation's cross-field refinements — may run them on the copy (parseSituation does), whose one layout
 * V8 reads directly where the input's thousands of layouts it cannot; any other runs them on the input.
 */
export function compileAcceptParts(schema: z.ZodType): {
  copy: (value: unknown) => unknown;
  refinements: Accept;
} {
  const g = new Generator();
  const node = schema as unknown as Node;
  const copy = g.value(node, "x", "", false);
  const checks = g.checksOf(node, "x");
  const body =
    `"use strict";\nconst NO = K[0];\n${g.functions.join("\n")}\n` +
    `return [function copy(x) { return ${copy}; }, function refinements(x) { return ${checks.length === 0 ? "true" : checks.join(" && ")}; }];`;
  // The source is built from the schema's own keys and values (JSON-quoted), never from input.
  const [copyOf, refinementsOf] = new Function("K", body)(g.constants) as [
    (value: unknown) => unknown,
    Accept,
  ];
  return { copy: copyOf, refinements: refinementsOf };
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

/** zod's own `when` for length checks (run on anything with a length), read from a check zod makes. */
const LENGTH_WHEN = (z.array(z.unknown()).min(1)._zod.def.checks?.[0] as Check | undefined)?._zod.def.when;

/**
 * A list's length bound as a plain comparison on `a`, where zod's own `when` for lengths is the check's
 * (a list's length is counted as JavaScript counts it; a string's, zod counts in characters: by zod).
 */
function lengthCheck(c: Check, a: string): string | null {
  const d = c._zod.def;
  if (LENGTH_WHEN === undefined || d.when !== LENGTH_WHEN) return null;
  if (d.check === "min_length" && typeof d.minimum === "number") return `${a}.length >= ${d.minimum}`;
  if (d.check === "max_length" && typeof d.maximum === "number") return `${a}.length <= ${d.maximum}`;
  return null;
}

/** Up to this many values an enum is checked by comparisons; more, by a set. */
const ENUM_BY_COMPARISON = 12;

class Generator {
  readonly functions: string[] = [];
  // The first constant is REFUSED, named NO in the generated code.
  readonly constants: unknown[] = [REFUSED];

  private constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
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

  /**
   * A JavaScript expression giving the copy of the variable `x` (an identifier) where the node accepts it,
   * else NO. With `ownChecks` false the node's own checks are left to the caller (the root's refinements).
   */
  value(node: Node, x: string, path: string, ownChecks = true): string {
    const def = node._zod.def;
    const withChecks = ownChecks && (def.checks ?? []).length > 0;
    switch (def.type) {
      case "string":
      case "number":
      case "boolean":
      case "literal":
      case "enum": {
        // A plain value is its own copy.
        const test = [this.plainTest(node, x, path), ...(ownChecks ? this.checksOf(node, x) : [])];
        return `(${test.join(" && ")} ? ${x} : NO)`;
      }
      case "array":
        return `${this.array(def.element as Node, withChecks ? node : null, path)}(${x})`;
      case "object":
        return `${this.object(def.shape ?? {}, def.catchall, withChecks ? node : null, path)}(${x})`;
    }
    if (withChecks) return this.thenChecks(node, x, path);
    switch (def.type) {
      case "optional":
        return `(${x} === undefined ? undefined : ${this.value(def.innerType as Node, x, path)})`;
      case "nullable":
        return `(${x} === null ? null : ${this.value(def.innerType as Node, x, path)})`;
      case "union":
        return `${this.union(def.options ?? [], path)}(${x})`;
      default:
        // A schema that transforms, defaults or pipes would give back something other than its input.
        throw new Error(`compileAccept: zod type "${def.type}" at ${path || "the root"} is not supported`);
    }
  }

  /** A wrapper's (optional, nullable, union) own checks, run on the value once its parts are accepted. */
  private thenChecks(node: Node, x: string, path: string): string {
    const at = this.reserve();
    const copy = this.value(node, "v", path, false);
    this.functions[at] =
      `function f${at}(v) {\n  const c = ${copy};\n` +
      `  return c !== NO && ${this.checksOf(node, "v").join(" && ")} ? c : NO;\n}`;
    return `f${at}(${x})`;
  }

  /** A plain value's type test, without its own checks. */
  private plainTest(node: Node, x: string, path: string): string {
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
      default:
        return this.oneOf(enumValues(def.entries ?? {}), x);
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

  /**
   * The list copied item by item; `checked`, the list's node when it has checks of its own. Its length
   * bounds are read before any item (a list far too long is refused at once, as zod refuses it); any
   * other check of the list runs on the input once every item is accepted.
   */
  private array(element: Node, checked: Node | null, path: string): string {
    const at = this.reserve();
    const each = this.value(element, "x", `${path}[]`);
    const lengths: string[] = [];
    const rest: string[] = [];
    for (const c of checked?._zod.def.checks ?? []) {
      const length = lengthCheck(c, "a");
      if (length === null) rest.push(this.check(c, "a"));
      else lengths.push(length);
    }
    this.functions[at] =
      `function f${at}(a) {\n  if (!Array.isArray(a)) return NO;\n` +
      (lengths.length === 0 ? "" : `  if (!(${lengths.join(" && ")})) return NO;\n`) +
      `  const out = new Array(a.length);\n` +
      `  for (let i = 0; i < a.length; i++) { const x = a[i]; const c = ${each}; if (c === NO) return NO; out[i] = c; }\n` +
      `  return ${rest.length === 0 ? "out" : `${rest.join(" && ")} ? out : NO`};\n}`;
    return `f${at}`;
  }

  /** The first option that accepts the value gives its copy, as zod gives the first option's output. */
  private union(options: readonly Node[], path: string): string {
    const at = this.reserve();
    const tries = options.map(
      (o, k) => `  c = ${this.value(o, "x", `${path}|${k}`)};\n  if (c !== NO) return c;\n`,
    );
    this.functions[at] = `function f${at}(x) {\n  let c;\n${tries.join("")}  return NO;\n}`;
    return `f${at}`;
  }

  /**
   * Walked by its own keys: V8 reads `o[k]` inside `for…in` by the object's layout, with no lookup; each
   * field's copy is stored by name into an object made with every field at once (the fixed shape).
   */
  private object(
    shape: Record<string, Node>,
    catchall: Node | undefined,
    checked: Node | null,
    path: string,
  ): string {
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
    const fields = Object.entries(shape);
    for (const [k, field] of fields) {
      const copy = this.value(field, "x", `${path}.${k}`);
      // A field that refuses undefined must be there: asked of its own copy, run once now.
      const mustBeThere = this.evaluate(copy, undefined) === REFUSED;
      if (mustBeThere) required++;
      const key = JSON.stringify(k);
      cases.push(
        `      case ${key}: { const c = ${copy}; if (c === NO) return NO; out[${key}] = c; ${mustBeThere ? "present++; " : ""}break; }`,
      );
    }
    const blank = this.constant(blankOf(fields.map(([k]) => k)));
    const checks = checked ? this.checksOf(checked, "o") : [];
    this.functions[at] =
      `function f${at}(o) {\n  if (typeof o !== "object" || o === null || Array.isArray(o)) return NO;\n` +
      `  const out = new ${blank}();\n  let present = 0;\n  for (const k in o) {\n    const x = o[k];\n    switch (k) {\n${cases.join("\n")}\n` +
      `      default: return NO;\n    }\n  }\n  return present === ${required}${checks.length === 0 ? "" : ` && ${checks.join(" && ")}`} ? out : NO;\n}`;
    return `f${at}`;
  }

  /** An expression's value for one input, with the functions written so far. */
  private evaluate(expr: string, value: unknown): unknown {
    const written = this.functions.filter((f) => f !== "").join("\n");
    return new Function("K", "x", `"use strict";\nconst NO = K[0];\n${written}\nreturn ${expr};`)(
      this.constants,
      value,
    );
  }
}
