import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../support/prng';
import {
  aggregateCidrs, checkIpv4Cidr, cidrContains, cidrInterval, cidrSize, compareCidrs, fromInt, intervalToCidrs, toInt,
} from '../../lib/model/cidr';

describe('checkIpv4Cidr', () => {
  for (const [text, canonical] of [['10.0.1.0/24', '10.0.1.0/24'], [' 10.0.1.0/24 ', '10.0.1.0/24'], ['0.0.0.0/0', '0.0.0.0/0'], ['10.0.0.7/32', '10.0.0.7/32'], ['255.255.255.255/32', '255.255.255.255/32']]) {
    it(`accepts ${JSON.stringify(text)} as ${canonical}`, () => {
      // GIVEN a canonical IPv4 CIDR  WHEN checked  THEN ok with its canonical text
      assert.deepEqual(checkIpv4Cidr(text), { ok: true, cidr: canonical });
    });
  }

  for (const [text, suggestion] of [['10.0.0.1/24', '10.0.0.0/24'], ['10.0.1.7/16', '10.0.0.0/16'], ['10.0.0.0/0', '0.0.0.0/0'], ['192.168.1.129/25', '192.168.1.128/25']]) {
    it(`refuses non-canonical ${text} and suggests ${suggestion}`, () => {
      // GIVEN host bits set  WHEN checked  THEN notNetwork with the network that was meant
      assert.deepEqual(checkIpv4Cidr(text), { ok: false, reason: 'notNetwork', suggestion });
    });
  }

  it('refuses an address without prefix and suggests /32', () => {
    // GIVEN a bare address  WHEN checked  THEN noPrefix, suggesting the one-host block
    assert.deepEqual(checkIpv4Cidr('10.0.1.7'), { ok: false, reason: 'noPrefix', suggestion: '10.0.1.7/32' });
  });

  for (const text of ['fd00::/64', '::1', '2001:db8::1/128', '::ffff:10.0.0.1/128', 'fe80::1']) {
    it(`calls ${text} IPv6`, () => {
      // GIVEN IPv6 text  WHEN checked  THEN reason ipv6 (not "malformed")
      assert.deepEqual(checkIpv4Cidr(text), { ok: false, reason: 'ipv6' });
    });
  }

  for (const text of ['', 'abc', '10.0.0/24', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/-1', '256.0.0.0/8', '010.0.0.0/8', '10.0.0.0/8/', '10.0.0.0/8/5', '10.0.0.0/024', '10.0.0.0 /24', '0x0a.0.0.0/8', '10.0.0.0/24x']) {
    it(`calls ${JSON.stringify(text)} malformed`, () => {
      // GIVEN text that is no IPv4 CIDR  WHEN checked  THEN reason malformed
      assert.deepEqual(checkIpv4Cidr(text), { ok: false, reason: 'malformed' });
    });
  }
});

describe('CIDR arithmetic', () => {
  it('converts addresses to integers and back', () => {
    // GIVEN dotted quads  WHEN converted  THEN round-trips, including the top of the space
    assert.equal(toInt('10.0.1.0'), 167772416);
    assert.equal(fromInt(167772416), '10.0.1.0');
    assert.equal(fromInt(toInt('255.255.255.255')), '255.255.255.255');
  });

  it('gives intervals, sizes, containment and order', () => {
    // GIVEN blocks  WHEN measured  THEN inclusive intervals; /0 spans 2^32 addresses
    assert.deepEqual(cidrInterval('10.0.1.0/24'), { start: toInt('10.0.1.0'), end: toInt('10.0.1.255') });
    assert.equal(cidrSize('0.0.0.0/0'), 2 ** 32);
    assert.equal(cidrSize('10.0.0.7/32'), 1);
    assert.ok(cidrContains('10.0.0.0/16', '10.0.1.0/24'));
    assert.ok(!cidrContains('10.0.1.0/24', '10.0.0.0/16'));
    assert.deepEqual(['10.0.1.0/24', '10.0.0.0/16', '9.0.0.0/8'].sort(compareCidrs), ['9.0.0.0/8', '10.0.0.0/16', '10.0.1.0/24']);
  });

  it('splits an interval into the fewest aligned blocks', () => {
    // GIVEN unaligned intervals  WHEN split  THEN minimal aligned blocks in order
    assert.deepEqual(intervalToCidrs(toInt('10.0.0.128'), toInt('10.0.1.127')), ['10.0.0.128/25', '10.0.1.0/25']);
    assert.deepEqual(intervalToCidrs(0, 2 ** 32 - 1), ['0.0.0.0/0']);
    assert.deepEqual(intervalToCidrs(toInt('10.0.0.1'), toInt('10.0.0.6')), ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']);
  });
});

describe('aggregateCidrs', () => {
  it('merges aligned neighbours: two /25 make a /24', () => {
    // GIVEN the two halves of a /24  WHEN aggregated  THEN the /24
    assert.deepEqual(aggregateCidrs(['10.0.0.128/25', '10.0.0.0/25']), ['10.0.0.0/24']);
  });

  it('never widens unaligned neighbours: 10.0.1.0/24 + 10.0.2.0/24 stay two', () => {
    // GIVEN adjacent blocks that do not form a /23  WHEN aggregated  THEN unchanged (no 10.0.0.0/22)
    assert.deepEqual(aggregateCidrs(['10.0.2.0/24', '10.0.1.0/24']), ['10.0.1.0/24', '10.0.2.0/24']);
  });

  it('drops contained and duplicate blocks', () => {
    // GIVEN a /16, a /24 inside it and a duplicate  WHEN aggregated  THEN only the /16
    assert.deepEqual(aggregateCidrs(['10.0.1.0/24', '10.0.0.0/16', '10.0.0.0/16']), ['10.0.0.0/16']);
  });

  it('keeps disjoint blocks and orders them', () => {
    // GIVEN disjoint blocks  WHEN aggregated  THEN all kept, in address order
    assert.deepEqual(aggregateCidrs(['192.168.0.0/24', '10.0.0.0/8']), ['10.0.0.0/8', '192.168.0.0/24']);
    assert.deepEqual(aggregateCidrs([]), []);
  });

  it('covers exactly the union of its input (random sets, checked address by address)', () => {
    // GIVEN pseudo-random small blocks inside 10.0.0.0/22
    const rnd = prng(11);
    const base = toInt('10.0.0.0');
    for (let round = 0; round < 40; round++) {
      const input = Array.from({ length: 1 + rnd(8) }, () => {
        const prefix = 26 + rnd(7);
        const size = 2 ** (32 - prefix);
        return `${fromInt(base + Math.floor(rnd(1024) / size) * size)}/${prefix}`;
      });
      // WHEN aggregated
      const out = aggregateCidrs(input);
      // THEN each output is canonical, outputs are disjoint, and the address sets are equal
      for (const c of out) assert.deepEqual(checkIpv4Cidr(c), { ok: true, cidr: c });
      const inSet = (cs: string[], a: number): boolean => cs.some((c) => { const i = cidrInterval(c); return a >= i.start && a <= i.end; });
      for (let a = base - 1; a <= base + 1024; a++) assert.equal(inSet(out, a), inSet(input, a), `${fromInt(a)} in ${input} vs ${out}`);
      assert.equal(out.reduce((n, c) => n + cidrSize(c), 0), new Set(Array.from({ length: 1026 }, (_, k) => base - 1 + k).filter((a) => inSet(input, a))).size);
    }
  });
});
