/**
 * What kind of evidence a check is: a golden value, a shape rule, an independent oracle, an algebraic law, a
 * gradient… Every property declares its family (properties/property.ts); reports group by it in this order.
 */
export const FAMILIES = [
  'golden', 'shape', 'definition', 'oracle', 'transposition', 'linearity', 'equivariance', 'decomposition',
  'invariants', 'numerics', 'gradient', 'errors',
] as const;

export type Family = (typeof FAMILIES)[number];
