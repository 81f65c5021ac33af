// The blank object each fixed-shape copy starts from (accept.ts's check, fixed-shape.ts's copy): every
// field present and undefined, in the schema's order.
//
// Made by a constructor, not an object literal: V8 tracks where each literal's objects are made and,
// where many of them seem to outlive a young-generation collection, makes the rest straight in the old
// generation. The copies of the bench's 5,000 situations were judged so: every copy then went to the
// old generation and was swept from there, and collection took 9 % of a validated screening instead of
// 3 % (README, "Why a screening is fast"). An object made with `new` is not tracked that way. One
// constructor per list of fields, shared by both copies, so that their objects have one layout.
// The prototype is Object.prototype: a copy is a plain object, to JSON and to tests alike.

const makers = new Map<string, new () => object>();

/** The constructor of a blank object with these fields. */
export function blankOf(fields: readonly string[]): new () => object {
  const key = JSON.stringify(fields);
  let maker = makers.get(key);
  if (maker === undefined) {
    // The source is built from the schema's own keys (JSON-quoted), never from input.
    const body = fields.map((f) => `this[${JSON.stringify(f)}] = undefined;`).join(" ");
    maker = new Function(`"use strict"; return function Blank() { ${body} };`)() as new () => object;
    maker.prototype = Object.prototype;
    makers.set(key, maker);
  }
  return maker;
}
