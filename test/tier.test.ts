/** The suite's tier switch (test/tier.ts): a misspelt tier is an error naming the variable, never a silent quick run. */
import { describe, expect, it } from 'vitest';
import { tierFromEnvironment } from './tier.js';

describe('CONVKIT_TESTS', () => {
  it('unset or empty is the quick tier; quick and full are themselves', () => {
    expect(tierFromEnvironment(undefined)).toBe('quick');
    expect(tierFromEnvironment('')).toBe('quick');
    expect(tierFromEnvironment('quick')).toBe('quick');
    expect(tierFromEnvironment('full')).toBe('full');
  });
  it('any other value is an error naming the variable, the value and the allowed tiers', () => {
    expect(() => tierFromEnvironment('Full')).toThrow('CONVKIT_TESTS="Full": the test tier must be one of quick, full');
    expect(() => tierFromEnvironment('1')).toThrow(/CONVKIT_TESTS="1"/);
  });
});
