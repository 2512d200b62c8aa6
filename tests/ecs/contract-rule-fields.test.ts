import { describe, expect, it } from 'vitest';
import { IDENTITY_FIELDS, NON_IDENTITY_FIELDS } from '../../src/domain/identity-fields';
import { ruleSchema } from '../../src/server/contract';

describe("the API contract's rule schema", () => {
  it('has exactly the identity fields plus priority, description and meta', () => {
    expect(Object.keys(ruleSchema.shape).sort()).toEqual(
      [...IDENTITY_FIELDS, ...NON_IDENTITY_FIELDS].sort(),
    );
    expect([...NON_IDENTITY_FIELDS].sort()).toEqual(['description', 'meta', 'priority']);
  });
});
