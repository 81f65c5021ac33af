// Three-valued facts: a condition is met (true), failed (false) or undecided (undefined).

export type Tri = boolean | undefined;
