// Three-valued facts: a condition is met (true), failed (false) or undecided (undefined).

export type Tri = boolean | undefined;

export function and(...values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

export function or(...values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

export function not(value: Tri): Tri {
  return value === undefined ? undefined : !value;
}
