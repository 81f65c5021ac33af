// The parts of zod's internals that the code generated from a schema reads (core/schema/accept.ts, the
// check; core/schema/fixed-shape.ts, the copy): a node's definition and its checks. Typed here, in one
// place, so an upgrade of zod that moves them shows up as a type error or a failing test in both.

interface CheckDef {
  check?: string;
  /** "custom" with `fn`: a `.refine(fn)`, which passes when `fn` gives a truthy answer. */
  type?: string;
  fn?: (value: unknown) => unknown;
  when?: (payload: Payload) => boolean;
  value?: unknown;
  /** A length check's bound ("min_length", "max_length"). */
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
export interface Check {
  _zod: { def: CheckDef; check: (payload: Payload) => unknown };
}
export interface Node {
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
export interface Payload {
  value: unknown;
  issues: unknown[];
}
