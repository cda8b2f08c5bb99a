import { Protocol } from '../model/protocol';
import { HostConfig, HostFirewallRule } from './host-config';
import { oneLine, psArray, psQuote } from './quote';
import { RegistryType, RestartKind } from './registry';

/** `-Protocol` of New-NetFirewallRule for a host protocol. */
export function psProtocol(protocol: Protocol): string {
  return protocol === Protocol.ICMP ? 'ICMPv4' : protocol.toUpperCase();
}

/** One data line of the script's `$Rules` array. */
export function psRuleLine(rule: HostFirewallRule): string {
  const fields = [
    `Name = ${psQuote(rule.name)}`,
    `Protocol = ${psQuote(psProtocol(rule.protocol))}`,
    `LocalPort = ${psArray(rule.localPorts)}`,
    `RemoteAddress = ${psArray(rule.remoteAddresses)}`,
    ...(rule.program !== undefined ? [`Program = ${psQuote(rule.program)}`] : []),
    ...(rule.service !== undefined ? [`Service = ${psQuote(rule.service)}`] : []),
    `Description = ${psQuote(oneLine(rule.description))}`,
  ];
  return `  @{ ${fields.join('; ')} }`;
}

/** `-Type` of Set-ItemProperty / Set-GPRegistryValue for a registry type. */
export function psRegistryType(type: RegistryType): string {
  return type === RegistryType.MULTI_SZ ? 'MultiString' : 'String';
}

// The fixed part of the script. Only the data block between the markers varies; nothing of the
// estate is ever spliced into code, only into single-quoted literals (psQuote).
const HEADER = `#Requires -RunAsAdministrator
[CmdletBinding(SupportsShouldProcess)]
param(
    # Where the firewall rules go: PersistentStore (this computer; the default), or a GPO as
    # 'domain\\GPO name' (New-NetFirewallRule -PolicyStore).
    [string] $PolicyStore = 'PersistentStore',
    # With a GPO -PolicyStore: the GPO (name) whose registry settings receive the registry
    # values (Set-GPRegistryValue). Without it, a GPO run leaves them to a local run.
    [string] $RegistryGpo = ''
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
`;

const BODY = `
$local = $PolicyStore -eq 'PersistentStore'
$wanted = @($Rules | ForEach-Object { $_.Name })

# Firewall rules: create or update each rule of the group, by its content-derived name.
foreach ($r in $Rules) {
    $p = @{
        PolicyStore   = $PolicyStore
        Description   = $r.Description
        Direction     = 'Inbound'
        Action        = 'Allow'
        Enabled       = 'True'
        Profile       = 'Any'
        Protocol      = $r.Protocol
        RemoteAddress = [string[]] $r.RemoteAddress
    }
    if ($r.LocalPort.Count -gt 0) { $p.LocalPort = [string[]] $r.LocalPort }
    if ($r.Protocol -eq 'ICMPv4') { $p.IcmpType = 'Any' }
    if ($r.ContainsKey('Program')) { $p.Program = $r.Program }
    if ($r.ContainsKey('Service')) { $p.Service = $r.Service }
    $existing = Get-NetFirewallRule -PolicyStore $PolicyStore -Name $r.Name -ErrorAction SilentlyContinue
    if ($null -eq $existing) {
        New-NetFirewallRule -Name $r.Name -DisplayName $r.Name -Group $Group @p -WhatIf:$WhatIfPreference | Out-Null
    } elseif ($existing.Group -ne $Group) {
        throw "Firewall rule $($r.Name) belongs to group '$($existing.Group)', not '$Group'; rename or remove it, then run this script again."
    } else {
        Set-NetFirewallRule -Name $r.Name @p -WhatIf:$WhatIfPreference
    }
}

# Rules of this group that the estate no longer has.
foreach ($old in @(Get-NetFirewallRule -PolicyStore $PolicyStore -Group $Group -ErrorAction SilentlyContinue)) {
    if ($wanted -notcontains $old.Name) {
        Remove-NetFirewallRule -PolicyStore $PolicyStore -Name $old.Name -WhatIf:$WhatIfPreference
    }
}

# Registry values: written here on a local run, into -RegistryGpo on a GPO run.
$services = @{}
$reboot = $false
foreach ($v in $Registry) {
    $data = if ($v.Type -eq 'MultiString') { [string[]] $v.Value } else { [string] $v.Value[0] }
    $needs = if ($v.Restart -eq 'Reboot') { 'a restart of the computer' } else { 'a restart of ' + $v.Restart }
    if (-not $local) {
        if ($RegistryGpo -ne '') {
            Set-GPRegistryValue -Name $RegistryGpo -Key $v.Path -ValueName $v.Name -Type $v.Type -Value $data -WhatIf:$WhatIfPreference | Out-Null
            Write-Warning "$($v.Path)\\$($v.Name) goes to GPO '$RegistryGpo'; once the GPO applies, each host needs $needs."
        } else {
            Write-Warning "$($v.Path)\\$($v.Name) is not written: give -RegistryGpo, or run this script on the host without -PolicyStore."
        }
        continue
    }
    $key = 'Registry::' + ($v.Path -replace '^HKLM\\\\', 'HKEY_LOCAL_MACHINE\\')
    # Only a missing key is created: New-Item -Force on an existing key would replace it.
    if (-not (Test-Path -LiteralPath $key)) { New-Item -Path $key -Force -WhatIf:$WhatIfPreference | Out-Null }
    $current = $null
    if (Test-Path -LiteralPath $key) {
        $item = Get-ItemProperty -LiteralPath $key
        if (@($item.PSObject.Properties.Name) -contains $v.Name) { $current = @($item.($v.Name)) -join "\`n" }
    }
    if ($current -ne (@($data) -join "\`n")) {
        if (Test-Path -LiteralPath $key) {
            Set-ItemProperty -LiteralPath $key -Name $v.Name -Type $v.Type -Value $data -WhatIf:$WhatIfPreference
        } else {
            # -WhatIf run on a host without the key: say what would be written under it.
            Write-Host "What if: Set-ItemProperty $($v.Path) $($v.Name) = $(@($data) -join ', ') ($($v.Type))"
        }
        if ($v.Restart -eq 'Reboot') { $reboot = $true } else { $services[$v.Restart] = $true }
    }
}
foreach ($s in @($services.Keys)) { Restart-Service -Name $s -WhatIf:$WhatIfPreference }
if ($reboot) { Write-Warning 'The RPC port range takes effect when the computer restarts (KB 154596): restart it.' }
`;

/**
 * The idempotent PowerShell script of a tier's host configuration: a fixed template (NetSecurity
 * cmdlets, `-WhatIf` passed on, stale rules of the group removed, registry values written
 * locally or into a GPO) around a data block of single-quoted literals. Cmdlets as documented
 * on Microsoft Learn (powershell/module/netsecurity: New-NetFirewallRule, Set-NetFirewallRule,
 * Get-NetFirewallRule, Remove-NetFirewallRule with -PolicyStore, -Group, -Program, -Service,
 * -LocalPort, -RemoteAddress, -Protocol ICMPv4, -IcmpType; grouppolicy: Set-GPRegistryValue).
 */
export function renderPowerShell(config: HostConfig): string {
  const registryLines = config.registry.map((v) => {
    const needs = v.needs.kind === RestartKind.SERVICE ? v.needs.service ?? '' : 'Reboot';
    return `  @{ Path = ${psQuote(v.path)}; Name = ${psQuote(v.name)}; Type = ${psQuote(psRegistryType(v.type))}; Value = ${psArray(v.value)}; Restart = ${psQuote(needs)} }`;
  });
  const lines = [
    `# adcs-firewall host configuration of tier ${oneLine(config.tier)} in estate ${oneLine(config.estate)}.`,
    '# Generated by `adcs-firewall host`: change the spec and generate it again rather than editing it.',
    '# Run it elevated on each host of the tier (-WhatIf shows every change), or with -PolicyStore for a GPO.',
    HEADER,
    '# --- data (generated) ---',
    `$Group = ${psQuote(config.group)}`,
    '$Rules = @(',
    ...config.firewallRules.map(psRuleLine),
    ')',
    '$Registry = @(',
    ...registryLines,
    ')',
    '# --- end of data ---',
    BODY,
  ];
  return `${lines.join('\n')}`;
}
