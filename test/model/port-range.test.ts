import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../support/prng';
import { countPorts, normalizePortRanges, PortRange } from '../../lib/model/port-range';
import { Protocol } from '../../lib/model/protocol';

const labels = (rs: readonly PortRange[]): string[] => rs.map((r) => r.toLabel());

describe('PortRange factories', () => {
  it('builds single ports and ranges of each protocol', () => {
    // GIVEN the factories  WHEN each builds a range  THEN protocol and ends are as asked
    assert.deepEqual([PortRange.tcp(135).protocol, PortRange.tcp(135).from, PortRange.tcp(135).to], ['tcp', 135, 135]);
    assert.deepEqual([PortRange.udp(88).protocol, PortRange.udp(88).from, PortRange.udp(88).to], ['udp', 88, 88]);
    assert.equal(PortRange.tcpRange(49152, 65535).toLabel(), 'TCP 49152-65535');
    assert.equal(PortRange.udpRange(161, 162).toLabel(), 'UDP 161-162');
    assert.equal(PortRange.of(Protocol.UDP, 53).toLabel(), 'UDP 53');
    assert.equal(PortRange.of(Protocol.TCP, 3268, 3269).toString(), '3268-3269');
  });

  it('accepts the extremes 0 and 65535', () => {
    // GIVEN the bounds of the port space  WHEN built  THEN accepted, with the right size
    assert.equal(PortRange.tcpRange(0, 65535).size, 65536);
    assert.equal(PortRange.tcp(65535).size, 1);
  });

  for (const [from, to, why] of [[-1, 5, 'negative'], [1, 65536, 'above 65535'], [10, 5, 'reversed'], [1.5, 2, 'fractional'], [Number.NaN, 2, 'NaN']] as const) {
    it(`refuses a ${why} range (${from}-${to})`, () => {
      // GIVEN a bad range  WHEN built  THEN a RangeError names the range and the rule
      assert.throws(() => PortRange.tcpRange(from, to), (e: Error) => e instanceof RangeError && /0-65535, low end first/.test(e.message));
    });
  }
});

describe('PortRange.parse', () => {
  const ok: [string, string][] = [['3389', '3389'], ['5985-5986', '5985-5986'], [' 5000 - 5200 ', '5000-5200'], ['0', '0'], ['65535', '65535'], ['88-88', '88']];
  for (const [text, expected] of ok) {
    it(`parses ${JSON.stringify(text)} as ${expected}`, () => {
      // GIVEN port text  WHEN parsed  THEN the range is as written, protocol kept
      const r = PortRange.parse(Protocol.UDP, text);
      assert.equal(r?.toString(), expected);
      assert.equal(r?.protocol, 'udp');
    });
  }
  for (const text of ['', 'x', '65536', '1-65536', '10-5', '-5', '5-', '1,2', '1 2', '123456', '3389/tcp', '1.5', '0x10']) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      // GIVEN malformed, out-of-range or reversed text  WHEN parsed  THEN undefined
      assert.equal(PortRange.parse(Protocol.TCP, text), undefined);
    });
  }
});

describe('PortRange predicates', () => {
  it('contains, covers, overlaps and equals respect protocol and ends', () => {
    // GIVEN TCP 100-200  WHEN compared  THEN only same-protocol ports inside count
    const r = PortRange.tcpRange(100, 200);
    assert.ok(r.contains(100) && r.contains(200) && !r.contains(99) && !r.contains(201));
    assert.ok(r.covers(PortRange.tcpRange(150, 200)));
    assert.ok(!r.covers(PortRange.tcpRange(150, 201)));
    assert.ok(!r.covers(PortRange.udpRange(150, 160)));
    assert.ok(r.overlaps(PortRange.tcpRange(200, 300)));
    assert.ok(!r.overlaps(PortRange.tcpRange(201, 300)));
    assert.ok(!r.overlaps(PortRange.udpRange(100, 200)));
    assert.ok(r.equals(PortRange.tcpRange(100, 200)));
    assert.ok(!r.equals(PortRange.udpRange(100, 200)));
  });

  it('orders by protocol, then low port, then high port', () => {
    // GIVEN shuffled ranges  WHEN sorted with compare  THEN TCP first, by ends
    const sorted = [PortRange.udp(53), PortRange.tcpRange(80, 90), PortRange.tcp(80), PortRange.tcp(53)].sort(PortRange.compare);
    assert.deepEqual(labels(sorted), ['TCP 53', 'TCP 80', 'TCP 80-90', 'UDP 53']);
  });
});

describe('normalizePortRanges', () => {
  it('merges touching ports exactly: 88 and 89 give 88-89', () => {
    // GIVEN two adjacent ports  WHEN normalized  THEN one range of exactly those two
    assert.deepEqual(labels(normalizePortRanges([PortRange.tcp(89), PortRange.tcp(88)])), ['TCP 88-89']);
  });

  it('never widens: 88 and 90 stay apart (89 is not opened)', () => {
    // GIVEN ports with a gap  WHEN normalized  THEN the gap stays closed
    assert.deepEqual(labels(normalizePortRanges([PortRange.tcp(90), PortRange.tcp(88)])), ['TCP 88', 'TCP 90']);
  });

  it('folds overlapping, contained and duplicate ranges', () => {
    // GIVEN overlaps, a contained range and a duplicate  WHEN normalized  THEN their exact union
    const out = normalizePortRanges([
      PortRange.tcpRange(100, 200), PortRange.tcpRange(150, 250), PortRange.tcpRange(120, 130),
      PortRange.tcp(135), PortRange.tcp(135), PortRange.tcpRange(49152, 65535),
    ]);
    assert.deepEqual(labels(out), ['TCP 100-250', 'TCP 49152-65535']);
  });

  it('keeps protocols apart and sorted', () => {
    // GIVEN TCP and UDP on the same numbers  WHEN normalized  THEN not merged across protocols
    const out = normalizePortRanges([PortRange.udp(89), PortRange.tcp(88), PortRange.udp(88), PortRange.tcp(89)]);
    assert.deepEqual(labels(out), ['TCP 88-89', 'UDP 88-89']);
  });

  it('does not mutate its input and handles an empty list', () => {
    // GIVEN an input array  WHEN normalized  THEN the input order is unchanged; [] gives []
    const input = [PortRange.tcp(2), PortRange.tcp(1)];
    normalizePortRanges(input);
    assert.deepEqual(labels(input), ['TCP 2', 'TCP 1']);
    assert.deepEqual(normalizePortRanges([]), []);
  });

  it('covers exactly the same ports as its input (exhaustive check on a small space)', () => {
    // GIVEN pseudo-random ranges within 0-300  WHEN normalized
    const rnd = prng(7);
    for (let round = 0; round < 50; round++) {
      const input = Array.from({ length: 1 + rnd(6) }, () => { const a = rnd(300); return PortRange.tcpRange(a, a + rnd(20)); });
      const out = normalizePortRanges(input);
      // THEN every port is in the output iff it is in the input, and outputs neither overlap nor touch
      for (let p = 0; p <= 330; p++) assert.equal(out.some((r) => r.contains(p)), input.some((r) => r.contains(p)), `port ${p}`);
      for (let i = 1; i < out.length; i++) assert.ok(out[i].from > out[i - 1].to + 1);
      assert.equal(countPorts(input), out.reduce((n, r) => n + r.size, 0));
    }
  });

  it('countPorts counts each port once', () => {
    // GIVEN overlapping ranges  WHEN counted  THEN the union's size
    assert.equal(countPorts([PortRange.tcpRange(1, 10), PortRange.tcpRange(5, 14), PortRange.udp(1)]), 15);
  });
});
