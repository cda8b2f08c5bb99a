import type { ValueCheck } from '../validation-engine';
import { goLength } from '../validation-values';
import { hasHostBits, parseGoAddress, parseGoCidr } from '../../util/go-net';

/**
 * Checks of Azure values the azurerm provider leaves to Azure (ports, address prefixes, names)
 * or validates with helpers of its own (resource ids, resource group names). Each says what it
 * accepts in the words of its source; a value it cannot judge for sure (an address text Go does
 * not parse, which .NET might) is accepted.
 */

/** The resource ids the provider parses (go-azure-helpers `resourceids.Parser`, case-sensitive), segment by segment: `undefined` for a name. */
export const AZURE_IDS = {
  subnet: ['subscriptions', undefined, 'resourceGroups', undefined, 'providers', 'Microsoft.Network', 'virtualNetworks', undefined, 'subnets', undefined],
  networkSecurityGroup: ['subscriptions', undefined, 'resourceGroups', undefined, 'providers', 'Microsoft.Network', 'networkSecurityGroups', undefined],
  networkInterface: ['subscriptions', undefined, 'resourceGroups', undefined, 'providers', 'Microsoft.Network', 'networkInterfaces', undefined],
  applicationSecurityGroup: ['subscriptions', undefined, 'resourceGroups', undefined, 'providers', 'Microsoft.Network', 'applicationSecurityGroups', undefined],
} as const;

/** The text of an id shape for a rule: `/subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/networkSecurityGroups/{…}`. */
export function idShape(segments: readonly (string | undefined)[]): string {
  return segments.map((s) => `/${s ?? '{…}'}`).join('');
}

/**
 * `resourceids.Parser.Parse(input, false)`: one leading `/` is optional, the fixed segments must
 * match exactly (case-sensitive), every name is non-empty, and nothing follows the last segment
 * but one trailing `/`.
 */
export function azureId(segments: readonly (string | undefined)[]): ValueCheck {
  return {
    kind: 'value',
    accepts(v) {
      if (typeof v !== 'string' || v === '') return false;
      let rest = v.startsWith('/') ? v.slice(1) : v;
      const parts = rest.split('/');
      if (parts.length < segments.length) return false;
      for (let i = 0; i < segments.length; i++) {
        const fixed = segments[i];
        if (fixed !== undefined ? parts[i] !== fixed : parts[i] === '') return false;
        rest = rest.slice(parts[i].length);
        if (rest.startsWith('/')) rest = rest.slice(1);
      }
      return rest === '';
    },
  };
}

/** go-azure-helpers `resourcegroups.ValidateName`: 1-90 bytes of `[-\w._()]` (ASCII word characters), not ending in `.`. */
export const resourceGroupName: ValueCheck = {
  kind: 'value',
  accepts: (v) => typeof v === 'string' && goLength(v) <= 90 && !v.endsWith('.') && /^[-\w._()]+$/.test(v),
};

/**
 * Azure's names for network security groups and their rules: 1-80 characters, word characters,
 * `.`, `-` and `_`, beginning with a word character and ending with one (or `_`). Word
 * characters are read as Unicode letters, marks, digits and connectors (the overview's "word
 * character"; the naming-rules page says alphanumerics, which is narrower).
 */
export const azureName: ValueCheck = {
  kind: 'value',
  accepts: (v) => typeof v === 'string' && [...v].length <= 80
    && /^[\p{L}\p{M}\p{Nd}\p{Pc}](?:[\p{L}\p{M}\p{Nd}\p{Pc}.-]*[\p{L}\p{M}\p{Nd}\p{Pc}])?$/u.test(v),
};

/**
 * A port value the Network API accepts (`SecurityRuleInvalidPortRange`: "Value should be an
 * integer OR integer range with '-' delimiter. Valid range 0-65535."): `*`, `N` or `N-M` with
 * N and M in 0-65535. An empty string is what the provider sends for an unset port, not judged.
 */
export const azurePort: ValueCheck = {
  kind: 'value',
  accepts(v) {
    if (typeof v !== 'string') return false;
    if (v === '' || v === '*') return true;
    const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(v);
    return m !== null && Number(m[1]) <= 65535 && (m[2] === undefined || Number(m[2]) <= 65535);
  },
};

/**
 * An address prefix the Network API accepts as far as it can be judged: a CIDR whose address Go
 * parses must have a prefix length within the family's bits and no host bits
 * (`SecurityRuleInvalidAddressPrefix`). A value without `/` (an address, `*`, a service tag) and
 * a CIDR whose address is written in a form Go does not read are accepted.
 */
export const azureAddressPrefix: ValueCheck = {
  kind: 'value',
  accepts(v) {
    if (typeof v !== 'string') return false;
    const slash = v.indexOf('/');
    if (slash < 0) return true;
    const address = parseGoAddress(v.slice(0, slash));
    if (!address || address.embeddedIpv4) return true;
    const block = parseGoCidr(v);
    return block !== undefined && !hasHostBits(block);
  },
};

/**
 * An element of `*_address_prefixes` ("augmented" rules): an address or a range, never `*` or a
 * tag (`SecurityRuleParameterContainsUnsupportedValue`: "cannot specify existing VIRTUALNETWORK,
 * INTERNET, AZURELOADBALANCER, '*' or system tags"). A tag is read as a word of letters, digits
 * and dots that begins with a letter and is not an address (`Sql.WestEurope`, `Any`).
 */
export const azureListedPrefix: ValueCheck = {
  kind: 'value',
  accepts: (v) => typeof v === 'string' && v !== '*' && !/^[A-Za-z][A-Za-z0-9.]*$/.test(v),
};
