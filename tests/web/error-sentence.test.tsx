import { render, screen } from '@testing-library/react';
import { ErrorDetails } from '../../src/web/components/error-sentence';
import { ADVISED_CODES, errorAdvice } from '../../src/web/i18n/error-advice';
import { AppProviders } from '../../src/web/app/providers';
import { createQueryClient } from '../../src/web/lib/query-client';

/** Every code ECS-API.md lists under "Error codes", and ours. */
const CODES = [
  'Throttling',
  'Throttling.User',
  'MissingParameter.RegionId',
  'InvalidParameter.Direction',
  'InvalidParam.SecurityGroupRuleId',
  'InvalidPortRange.Malformed',
  'InvalidIpProtocol.ValueNotSupported',
  'InvalidPriority.Malformed',
  'InvalidPolicy.Malformed',
  'InvalidNicType.Mismatch',
  'InvalidSecurityGroupId.Malformed',
  'IdempotentParameterMismatch',
  'Forbidden.RAM',
  'AuthorizationLimitExceed',
  'InvalidNetworkType.Conflict',
  'InvalidOperation.ResourceManagedByCloudProduct',
  'InvalidRegionId.NotFound',
  'InvalidSecurityGroupId.NotFound',
  'InvalidSourceGroupId.NotFound',
  'InvalidPrefixListId.NotFound',
  'OperationConflict',
  'InternalError',
  'ServiceUnavailable',
  'StalePreview',
  'RestoreInProgress',
  'PreflightFailed',
  'NetworkError',
  'ValidationError',
  'VerificationFailed',
];

describe('error sentences', () => {
  it('say what to do about every known code, in both languages', () => {
    for (const code of CODES) {
      expect(errorAdvice('en-US', code, undefined, 'x'), code).toMatch(/\.$/);
      expect(errorAdvice('zh-CN', code, undefined, 'x'), code).toMatch(/。$/);
    }
    expect(errorAdvice('en-US', 'SomethingElse', undefined, 'x')).toBeUndefined();
    expect(ADVISED_CODES.length).toBeGreaterThanOrEqual(CODES.length);
  });

  it('name the refused RAM action and point at the README’s policy', () => {
    const error = {
      code: 'Forbidden.RAM',
      message: 'User not authorized to operate on the specified resource.',
      requestId: 'REQ-1',
      details: { ramAction: 'ecs:RevokeSecurityGroupEgress' },
    };
    const { unmount } = render(
      <AppProviders queryClient={createQueryClient({ retry: false })}>
        <ErrorDetails error={error} />
      </AppProviders>,
    );
    expect(
      screen.getByText(
        'RAM refused ecs:RevokeSecurityGroupEgress. Grant ecs:RevokeSecurityGroupEgress to the console’s RAM user or role (see the least-privilege policy in the README), then retry.',
      ),
    ).toBeInTheDocument();
    // The RequestId is an element of its own, kept whole, after the code.
    expect(screen.getByText(/^Code: Forbidden\.RAM · RequestId:$/)).toHaveTextContent(
      'Code: Forbidden.RAM · RequestId: REQ-1',
    );
    expect(screen.getByText('REQ-1')).toHaveClass('rr-request-id');
    unmount();
  });
});
