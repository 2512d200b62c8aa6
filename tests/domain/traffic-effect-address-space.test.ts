import { describe, expect, it } from 'vitest';
import {
  addressValue,
  cidrRange,
  formatAddress,
  rangesToCidrs,
  spellRanges,
  type AddressRange,
} from '../../src/domain/address-space';

function range(from: string, to: string, family: 4 | 6 = 4): AddressRange {
  return { lo: addressValue(from, family) ?? -1n, hi: addressValue(to, family) ?? -1n };
}

describe('address sets for the traffic effect', () => {
  it('reads CIDRs as inclusive integer ranges and writes addresses back', () => {
    expect(cidrRange('10.0.0.0/8', 4)).toEqual(range('10.0.0.0', '10.255.255.255'));
    expect(cidrRange('2001:db8::/32', 6)).toEqual(
      range('2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 6),
    );
    expect(cidrRange('10.0.0.0/33', 4)).toBeNull();
    expect(formatAddress(addressValue('2001:db8::1', 6) ?? 0n, 6)).toBe('2001:db8::1');
    expect(addressValue('10.0.0.0/8', 4)).toBeNull();
  });

  it('covers a range with the fewest aligned CIDRs', () => {
    expect(rangesToCidrs([range('10.0.0.1', '10.0.0.6')], 4)).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
    expect(rangesToCidrs([range('0.0.0.0', '255.255.255.255')], 4)).toEqual(['0.0.0.0/0']);
    expect(rangesToCidrs([range('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 6)], 6)).toEqual([
      '::/0',
    ]);
  });

  it('writes "block except holes" when that is shorter, the plain cover otherwise', () => {
    const withoutPrivate = [
      range('0.0.0.0', '192.167.255.255'),
      range('192.169.0.0', '255.255.255.255'),
    ];
    expect(spellRanges(withoutPrivate, 4)).toEqual({
      include: ['0.0.0.0/0'],
      except: ['192.168.0.0/16'],
    });
    const twoBlocks = [range('10.0.0.0', '10.0.0.255'), range('10.0.2.0', '10.0.2.255')];
    expect(spellRanges(twoBlocks, 4)).toEqual({
      include: ['10.0.0.0/24', '10.0.2.0/24'],
      except: [],
    });
    const threeOfFour = [range('10.0.0.0', '10.0.1.255'), range('10.0.3.0', '10.0.3.255')];
    expect(spellRanges(threeOfFour, 4)).toEqual({
      include: ['10.0.0.0/23', '10.0.3.0/24'],
      except: [],
    });
  });
});
