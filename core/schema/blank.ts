// The blank object each fixed-shape copy starts from (accept.ts's check, fixed-shape.ts's copy): every
// field present and undefined, in the schema's order.
//
// Made by a constructor, not an object literal: V8 tracks where each literal's objects are made and may
// decide to make them straight in the old generation (allocation-site pretenuring). With a literal, every
// copy of a validated situation was made or kept there and swept from there: collection took 9 % of a
// validated screening instead of 3 %, and `node --no-allocation-site-pretenuring` made the difference
// vanish (README, "Why a screening is fast"). Objects made with `new` are not tracked that way. One
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
