import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { awsInvalidValues } from '../../../lib/platforms/aws/validation';
import { protocolForValue } from '../../../lib/platforms/aws/validation-checks';
import { TfReference, TfUnknown, type ArgumentValue } from '../../../lib/terraform/values';
import { libraryOutputs, lineOf } from '../../support/invalid-values';
import { configurationInstances, instance, planned } from '../../support/tf-instances';

const SG = 'aws_security_group';
const SGR = 'aws_security_group_rule';
const IN = 'aws_vpc_security_group_ingress_rule';
const OUT = 'aws_vpc_security_group_egress_rule';
const GROUP_REF = new TfReference('aws_security_group.ca.id');
const IPV4 = 'an IPv4 CIDR block that is its network address, no host bits ("10.0.0.1/8" is not a valid IPv4 CIDR block; did you mean "10.0.0.0/8"?)';
const IPV6 = 'an IPv6 CIDR block that is its network address, no host bits';

type Values = { readonly [key: string]: ArgumentValue | undefined };
const defined = (v: Values): { [key: string]: ArgumentValue } => Object.fromEntries(Object.entries(v).filter((e): e is [string, ArgumentValue] => e[1] !== undefined));

/** A valid VPC rule resource (ingress unless `type` says), with `over` replacing or (undefined) removing arguments. */
const vpcRule = (name: string, over: Values = {}, type = IN) => instance(type, name, defined({
  security_group_id: GROUP_REF, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/24', ...over,
}));

/** A valid legacy rule. */
const legacy = (name: string, over: Values = {}) => instance(SGR, name, defined({
  type: 'ingress', security_group_id: GROUP_REF, protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/24'], ...over,
}));

/** A complete inline ingress/egress object (all nine attributes; unused ones null). */
const inline = (over: Values = {}): { [key: string]: ArgumentValue } => defined({
  cidr_blocks: ['10.0.0.0/24'], description: null, from_port: 443, ipv6_cidr_blocks: null, prefix_list_ids: null,
  protocol: 'tcp', security_groups: null, self: null, to_port: 443, ...over,
});

const group = (name: string, over: Values = {}) => instance(SG, name, defined({ name: `pki-${name}`, vpc_id: 'vpc-0a1b2c3d', ...over }));
const lines = (...instances: Parameters<typeof awsInvalidValues>[0]) => awsInvalidValues(instances).map(lineOf);

describe('aws validation (issue 19, principle 4)', () => {
  it("finds nothing in the library's own output (the golden and the upgrade baselines)", () => {
    const outputs = libraryOutputs('aws');
    assert.ok(outputs.size >= 7);
    for (const [file, json] of outputs) {
      const instances = configurationInstances(json);
      assert.ok(instances.some((i) => i.type === IN), file);
      assert.deepEqual(awsInvalidValues(instances).map(lineOf), [], file);
    }
  });

  it('reads protocols as the provider does', () => {
    assert.deepEqual(['TCP', '6', '+17', '1', '58', 'ALL', '-1', '-01', '50', 'gre'].map(protocolForValue),
      ['tcp', 'tcp', 'udp', 'icmp', 'icmpv6', '-1', '-1', 'all', '50', 'gre']);
  });

  it("checks a group's name and name_prefix (ConflictsWith on a configuration only: a plan computes both)", () => {
    assert.deepEqual(lines(
      group('a', { name: 'sg-ca', name_prefix: 'pki-' }),
      group('b', { name: undefined, name_prefix: 'x'.repeat(230), description: 'd'.repeat(256) }),
      planned(group('c', { name_prefix: 'pki-' })),
    ), [
      `${SG}.a name = "sg-ca": cannot begin with sg-`,
      `${SG}.a name_prefix = "pki-": conflicts with name (ConflictsWith) (name is also set)`,
      `${SG}.b description = "${'d'.repeat(256)}": at most 255 characters (StringLenBetween(0, 255))`,
      `${SG}.b name_prefix = "${'x'.repeat(230)}": at most 229 characters (StringLenBetween(0, 255-id.UniqueIDSuffixLength))`,
    ]);
  });

  it('holds inline ingress/egress objects to all their attributes, network CIDRs, descriptions and the -1 protocol', () => {
    const { self: _s, ...partial } = inline();
    assert.deepEqual(lines(group('ca', {
      ingress: [
        partial,
        inline({ cidr_blocks: ['10.0.0.5/24', '10.0.0.0/24', '10.0.0/24'], ipv6_cidr_blocks: ['2001:db8::1/32', '10.0.0.0/8'] }),
        inline({ protocol: '-1', from_port: 0, to_port: 65535, description: 'tier ca → dc' }),
        { ...inline({ protocol: 'icmp', from_port: -1, to_port: 0 }), port: 1 },
      ],
      egress: [inline({ protocol: 'all', from_port: 0, to_port: 0 }), inline({ from_port: '443', to_port: 'https' })],
    })), [
      `${SG}.ca egress[1].to_port = "https": a number (Incorrect attribute value type)`,
      `${SG}.ca ingress[0].self = (unset): present in every ingress object, null when unused (attributes as blocks are list-of-object expressions in JSON)`,
      `${SG}.ca ingress[1].cidr_blocks[0] = "10.0.0.5/24": each ${IPV4}`,
      `${SG}.ca ingress[1].cidr_blocks[2] = "10.0.0/24": each ${IPV4}`,
      `${SG}.ca ingress[1].ipv6_cidr_blocks[0] = "2001:db8::1/32": each ${IPV6}`,
      `${SG}.ca ingress[1].ipv6_cidr_blocks[1] = "10.0.0.0/8": each ${IPV6}`,
      `${SG}.ca ingress[2].description = "tier ca → dc": at most 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*`,
      `${SG}.ca ingress[2].to_port = 65535: from_port and to_port both 0 with the protocol "-1" (expandIPPerms, at apply) (protocol is "-1")`,
      `${SG}.ca ingress[3].port = 1: an argument of ingress: cidr_blocks, description, from_port, ipv6_cidr_blocks, prefix_list_ids, protocol, security_groups, self, to_port (Unsupported argument)`,
      `${SG}.ca ingress[3].to_port = 0: to_port -1 (all ICMP codes) when from_port is -1 (all ICMP types) (from_port is -1)`,
    ]);
    // AND a plan's objects (SDKv2 writes "" and [] for unset fields) are not held to the JSON form
    const fromPlan = { cidr_blocks: ['10.0.0.0/24'], description: '', from_port: 443, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: 443 };
    assert.deepEqual(lines(planned(group('db', { ingress: [fromPlan], egress: [] }))), []);
  });

  it('checks the legacy rule: type, sources (ConflictsWith on a configuration, AtLeastOneOf), CIDRs, prefix lists, ICMP', () => {
    assert.deepEqual(lines(
      legacy('a', { type: 'Ingress', self: true }),
      legacy('b', { cidr_blocks: undefined, from_port: undefined }),
      legacy('c', { cidr_blocks: ['10.1.2.3/16'], prefix_list_ids: ['pl-0123', ''], self: false, source_security_group_id: 'sg-0123456789abcdef0' }),
      legacy('d', { protocol: '1', from_port: -1, to_port: 3, description: 'ok (icmp)' }),
      legacy('e', { cidr_blocks: new TfUnknown('known after apply'), source_security_group_id: GROUP_REF }),
    ), [
      `${SGR}.a self = true: conflicts with cidr_blocks (ConflictsWith) (cidr_blocks is also set)`,
      `${SGR}.a type = "Ingress": one of ingress, egress (case-sensitive)`,
      `${SGR}.b cidr_blocks = (unset): one of cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, self, source_security_group_id at least (AtLeastOneOf) (none is set)`,
      `${SGR}.b from_port = (unset): required (Missing required argument)`,
      `${SGR}.c cidr_blocks[0] = "10.1.2.3/16": each ${IPV4}`,
      `${SGR}.c prefix_list_ids[1] = "": each not empty (NoZeroValues)`,
      `${SGR}.c self = false: conflicts with cidr_blocks (ConflictsWith) (cidr_blocks is also set)`,
      `${SGR}.c source_security_group_id = "sg-0123456789abcdef0": conflicts with cidr_blocks (ConflictsWith) (cidr_blocks is also set)`,
      `${SGR}.c source_security_group_id = "sg-0123456789abcdef0": conflicts with self (ConflictsWith) (self is also set)`,
      `${SGR}.d to_port = 3: to_port -1 (all ICMP codes) when from_port is -1 (all ICMP types) (from_port is -1)`,
      `${SGR}.e source_security_group_id = "\${aws_security_group.ca.id}": conflicts with cidr_blocks (ConflictsWith) (cidr_blocks is also set)`,
    ]);
    // AND in a plan self (default false) and source_security_group_id (computed) carry values nobody configured
    assert.deepEqual(lines(planned(legacy('f', { self: false, source_security_group_id: new TfUnknown('known after apply') }))), []);
  });

  it('checks the VPC rule resources: exactly one peer, ports -1..65535, the ports tcp, udp and icmp need, ICMP codes, CIDRs', () => {
    assert.deepEqual(lines(
      vpcRule('a', { cidr_ipv4: undefined }),
      vpcRule('b', { referenced_security_group_id: GROUP_REF }),
      vpcRule('c', { from_port: 65536, to_port: -2 }, OUT),
      vpcRule('d', { ip_protocol: 'udp', from_port: undefined, to_port: undefined }),
      vpcRule('e', { ip_protocol: 'icmp', from_port: -1, to_port: 8 }),
      vpcRule('f', { cidr_ipv4: undefined, cidr_ipv6: '2001:DB8::/32', ip_protocol: '6', to_port: undefined }),
      vpcRule('g', { cidr_ipv4: '0.0.0.0/1', description: 'ca <- dc' }, OUT),
    ), [
      `${OUT}.c from_port = 65536: an integer from -1 to 65535 (int64validator.Between(-1, 65535))`,
      `${OUT}.c to_port = -2: an integer from -1 to 65535 (int64validator.Between(-1, 65535))`,
      `${OUT}.g description = "ca <- dc": at most 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*`,
      `${IN}.a cidr_ipv4 = (unset): exactly one of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id (resourcevalidator.ExactlyOneOf) (none is set)`,
      `${IN}.b referenced_security_group_id = "\${aws_security_group.ca.id}": exactly one of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id (resourcevalidator.ExactlyOneOf) (cidr_ipv4 is also set)`,
      `${IN}.d from_port = (unset): from_port and to_port set for tcp, udp and icmp ("For tcp, udp, and icmp, you must specify a port range") (ip_protocol is "udp")`,
      `${IN}.d to_port = (unset): from_port and to_port set for tcp, udp and icmp ("For tcp, udp, and icmp, you must specify a port range") (ip_protocol is "udp")`,
      `${IN}.e to_port = 8: to_port -1 (all ICMP codes) when from_port is -1 (all ICMP types) (from_port is -1)`,
      `${IN}.f to_port = (unset): from_port and to_port set for tcp, udp and icmp ("For tcp, udp, and icmp, you must specify a port range") (ip_protocol is "6")`,
    ]);
    // AND -1, icmpv6 and other protocol numbers need no ports; an unknown protocol or peer is not judged alone
    assert.deepEqual(lines(
      vpcRule('h', { ip_protocol: '-1', from_port: undefined, to_port: undefined }),
      vpcRule('i', { ip_protocol: 'icmpv6', from_port: undefined, to_port: undefined, cidr_ipv4: undefined, cidr_ipv6: '::/0' }),
      vpcRule('j', { ip_protocol: '50', from_port: undefined, to_port: undefined }),
      vpcRule('k', { ip_protocol: new TfUnknown('var.protocol'), from_port: undefined, cidr_ipv4: new TfUnknown('known after apply') }),
      vpcRule('l', { cidr_ipv4: undefined, prefix_list_id: new TfReference('aws_ec2_managed_prefix_list.pki.id') }),
    ), []);
  });

  it('checks interface attachments and managed prefix lists (their entries may have host bits: IsCIDR)', () => {
    assert.deepEqual(lines(
      instance('aws_network_interface_sg_attachment', 'a', { security_group_id: GROUP_REF }),
      instance('aws_ec2_managed_prefix_list', 'b', { name: '', address_family: 'ipv4', max_entries: 0, entry: [{ cidr: '10.0.0.5/24' }, { cidr: '10.0.0.0/40', description: 'x' }, { description: 'no cidr' }] }),
      instance('aws_ec2_managed_prefix_list', 'c', { name: 'pki', address_family: 'IPv6', max_entries: 5, entry: { cidr: '2001:db8::/32' } }),
      instance('aws_ec2_managed_prefix_list_entry', 'd', { prefix_list_id: new TfReference('aws_ec2_managed_prefix_list.c.id'), cidr: '10.0.0.1' }),
    ), [
      'aws_ec2_managed_prefix_list.b address_family = "ipv4": one of IPv4, IPv6 (case-sensitive)',
      'aws_ec2_managed_prefix_list.b entry[1].cidr = "10.0.0.0/40": a CIDR block Go parses (IsCIDR; host bits allowed)',
      'aws_ec2_managed_prefix_list.b entry[2].cidr = (unset): required (Missing required argument)',
      'aws_ec2_managed_prefix_list.b max_entries = 0: at least 1 (IntAtLeast(1))',
      'aws_ec2_managed_prefix_list.b name = "": 1 to 255 characters (StringLenBetween(1, 255))',
      'aws_ec2_managed_prefix_list_entry.d cidr = "10.0.0.1": a CIDR block Go parses (IsCIDR; host bits allowed)',
      'aws_network_interface_sg_attachment.a network_interface_id = (unset): required (Missing required argument)',
    ]);
  });

  it('reports values of the wrong type: text for numbers, a string for a list, an unknown word for a bool', () => {
    assert.deepEqual(lines(
      legacy('a', { from_port: 'eighty', cidr_blocks: '10.0.0.0/24', self: 'yes', description: ['x'] }),
      legacy('b', { from_port: '80', to_port: 80.0, self: '0', description: 42 }),
    ), [
      `${SGR}.a cidr_blocks = "10.0.0.0/24": a list of strings (Incorrect attribute value type)`,
      `${SGR}.a description = ["x"]: a string (Incorrect attribute value type)`,
      `${SGR}.a from_port = "eighty": a number (Incorrect attribute value type)`,
      `${SGR}.a self = "yes": a bool (Incorrect attribute value type)`,
      // a self of the wrong type, or false, is still set: SDKv2 counts any value but null (hashicorp/terraform-provider-aws#19179)
      `${SGR}.a self = "yes": conflicts with cidr_blocks (ConflictsWith) (cidr_blocks is also set)`,
      `${SGR}.b self = "0": conflicts with cidr_blocks (ConflictsWith) (cidr_blocks is also set)`,
    ]);
  });
});
