import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasHostBits, networkText, parseGoAddress, parseGoCidr } from '../../lib/util/go-net';

describe("Go's net.ParseCIDR, as the providers' validators read CIDRs", () => {
  it('accepts what Go accepts and says where the host bits are', () => {
    const read = (t: string): string => {
      const c = parseGoCidr(t);
      return c ? `${networkText(c)}${hasHostBits(c) ? ' host' : ''}${c.embeddedIpv4 ? ' embedded' : ''}` : 'refused';
    };
    assert.deepEqual(Object.fromEntries(['10.0.0.0/8', '10.0.0.5/8', '0.0.0.0/0', '10.0.0.0/08', '255.255.255.255/32',
      '2001:db8::/32', '2001:DB8::1/32', '::/0', '1::2:3:4:5:6:7/64', '1:0:0:2::/64', '::ffff:10.0.0.0/104'].map((t) => [t, read(t)])), {
      '10.0.0.0/8': '10.0.0.0/8', '10.0.0.5/8': '10.0.0.0/8 host', '0.0.0.0/0': '0.0.0.0/0', '10.0.0.0/08': '10.0.0.0/8',
      '255.255.255.255/32': '255.255.255.255/32', '2001:db8::/32': '2001:db8::/32', '2001:DB8::1/32': '2001:db8::/32 host', '::/0': '::/0',
      '1::2:3:4:5:6:7/64': '1:0:2:3::/64 host', '1:0:0:2::/64': '1:0:0:2::/64', '::ffff:10.0.0.0/104': '::ffff:a00:0/104 embedded',
    });
  });

  it('refuses what Go refuses: leading zeros, bad lengths, zones, a :: for no group, missing parts', () => {
    for (const t of ['010.0.0.0/8', '10.0.0.0/33', '10.0.0/24', '10.0.0.0', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/ 8', '2001:db8::/129',
      'fe80::1%eth0/64', '1:2:3:4:5:6:7:8::/64', '1::2::3/64', ':1::/64', '1:2:3:4:5:6:7/64', '12345::/16', '', 'any', '/8']) {
      assert.equal(parseGoCidr(t), undefined, t);
    }
    assert.equal(parseGoAddress('1.2.3.4::'), undefined);
    assert.deepEqual(parseGoAddress('::1')?.bytes, [...Array(15).fill(0), 1]);
  });
});
