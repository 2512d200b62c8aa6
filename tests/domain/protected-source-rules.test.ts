import { describe, expect, it } from 'vitest';
import { labelFault, labelProblem, protectedCidr } from '../../src/domain/protected-source-rules';

describe('protected-source rules', () => {
  it('canonicalises addresses and CIDRs of both families and refuses the rest', () => {
    expect(protectedCidr(' 198.51.100.7 ')).toBe('198.51.100.7/32');
    expect(protectedCidr('203.0.113.9/24')).toBe('203.0.113.0/24');
    expect(protectedCidr('2001:DB8::1')).toBe('2001:db8::1/128');
    for (const bad of ['', '10.0.0.256', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0 /8', 'office'])
      expect(protectedCidr(bad)).toBeNull();
  });

  it('names what is wrong with a label, as a code and as the server says it', () => {
    expect(labelFault('office')).toBeNull();
    expect([labelFault(' '), labelProblem(' ')]).toEqual(['empty', 'must not be empty']);
    expect([labelFault('x'.repeat(65)), labelProblem('x'.repeat(65))]).toEqual([
      'long',
      'must be at most 64 characters',
    ]);
    expect([labelFault('a\tb'), labelProblem('a\u007fb')]).toEqual([
      'control',
      'must not contain control characters',
    ]);
  });
});
