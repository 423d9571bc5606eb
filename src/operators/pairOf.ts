/** True when an int-or-pair option is absent or equals n on both axes (a default that needs no feature). */
export const isPairOf = (v: unknown, n: number): boolean => v === undefined || v === n || (Array.isArray(v) && v.every((x) => x === n));
