import { warningText, withRuleId } from '../findings/text';
import { Protocol } from '../model/protocol';
import { HostConfig, HostFirewallRule, HostRestart } from './host-config';
import { HostMessages } from './messages';
import { oneLine, psArray, psQuote } from './quote';
import { RegistryType, RestartKind } from './registry';

/** The byte-order mark the script starts with: Windows PowerShell 5.1 reads a file without one in the ANSI code page. */
export const BOM = '\uFEFF';

/** The name of the registry value the script records its local writes in, beside the values it manages. */
export const RECORD_VALUE = 'adcs-firewall';
/** The name of the registry value a GPO run records its writes in (delivered to the hosts with the values). */
export const GPO_RECORD_VALUE = 'adcs-firewall (GPO)';
/** The key of the script's own records of predefined rules it disabled (one value per rule group). */
export const OWN_KEY = 'HKLM\\SOFTWARE\\adcs-firewall';

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

/** The script's name of a restart: the service, or `Reboot`. */
function psRestart(r: HostRestart): string {
  return r.kind === RestartKind.SERVICE ? r.service ?? '' : 'Reboot';
}

const psBool = (b: boolean): string => (b ? '$true' : '$false');

/**
 * What the script says as it runs: each a rule of HostMessages worded with PowerShell format
 * placeholders (`{0}`, filled with `-f` on the host), by the key the code reads from `$Text`.
 */
export const SCRIPT_TEXT: readonly (readonly [string, string])[] = [
  ['LocalRulesIgnored', withRuleId(HostMessages.localRulesIgnored('{0}'))],
  ['RuleInOtherGroup', withRuleId(HostMessages.ruleInOtherGroup('{0}', '{1}', '{2}'))],
  ['PortHeld', withRuleId(HostMessages.caPortHeld('{0}', '{1}', '{2}'))],
  ['PortExcluded', withRuleId(HostMessages.caPortExcluded('{0}', '{1}'))],
  ['PortInDynamicRange', withRuleId(HostMessages.caPortInDynamicRange('{0}', '{1}'))],
  ['KeyMissing', withRuleId(HostMessages.keyMissing('{0}', '{1}'))],
  ['RestartNotLocal', withRuleId(HostMessages.restartNotLocal())],
  ['PingFailed', withRuleId(HostMessages.caPingFailed('{0}', '{1}'))],
  ['NotListening', withRuleId(HostMessages.caNotListening('{0}'))],
  ['CertSvcRestartNeeded', withRuleId(HostMessages.certSvcRestartNeeded('{0}'))],
  ['RebootNeeded', withRuleId(HostMessages.rebootNeeded('{0}'))],
  ['NotOurs', withRuleId(HostMessages.valueNotOurs('{0}', '{1}', '{2}', '{3}'))],
  ['Replaced', withRuleId(HostMessages.valueReplaced('{0}', '{1}', '{2}', '{3}'))],
  ['Removed', withRuleId(HostMessages.valueRemoved('{0}', '{1}', '{2}'))],
  ['RpcRangeDiffers', withRuleId(HostMessages.rpcRangeDiffers('{0}', '{1}', '{2}', '{3}'))],
  ['PredefinedFromGpo', withRuleId(HostMessages.predefinedEnabled('{0}', '{1}', 'gpo'))],
  ['PredefinedDisabled', withRuleId(HostMessages.predefinedChanged('disabled', '{0}', '{1}'))],
  ['PredefinedEnabledAgain', withRuleId(HostMessages.predefinedChanged('enabled again', '{0}', '{1}'))],
  ['GpoHostSide', withRuleId(HostMessages.gpoHostSide())],
  ['GpoLeftOnHosts', withRuleId(HostMessages.gpoValueLeftOnHosts('{0}', '{1}', '{2}'))],
  ['GpoNotWritten', withRuleId(HostMessages.gpoRegistryNotWritten('{0}', '{1}'))],
  ['GpoWritten', withRuleId(HostMessages.gpoRegistryWritten('{0}', '{1}', '{2}', '{3}'))],
];

// The fixed part of the script. Only the data block between the markers varies; nothing of the
// estate is ever spliced into code, only into single-quoted literals (psQuote). Written for
// Windows PowerShell 5.1 and PowerShell 7 (no ternaries, no null-coalescing), without
// backticks (String.raw keeps every backslash as PowerShell reads it).
const HEADER = String.raw`#Requires -RunAsAdministrator
[CmdletBinding(SupportsShouldProcess)]
param(
    # Where the firewall rules go: PersistentStore (this computer; the default), or a GPO as
    # 'domain\GPO name' (GPO mode: one Open-NetGPO session against the PDC emulator, saved once).
    [string] $PolicyStore = 'PersistentStore',
    # GPO mode: the GPO (name) whose registry settings receive the registry values
    # (Set-GPRegistryValue). Without it, a GPO run leaves them to a local run.
    [string] $RegistryGpo = '',
    # GPO mode: the domain controller to write the GPO on (default: the domain's PDC emulator).
    [string] $DomainController = '',
    # Local run on the CA: restart CertSvc when its Endpoints value changed since it started,
    # then check that certutil -ping answers and certsrv.exe listens on the static port.
    # Without it, the script says that a restart is needed.
    [switch] $RestartCertSvc
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
`;

const BODY = String.raw`
# What this script owns, and so may change or remove: the firewall rules of the group $Group;
# a registry value whose record says this script wrote that very data. The records are
# REG_MULTI_SZ values beside the values they describe: 'adcs-firewall' for a local run,
# 'adcs-firewall (GPO)' for a GPO run (delivered to the hosts with the values), with the lines
# 'value <estate>/<tier> <name>=<data>' (the lines of REG_MULTI_SZ data joined by '|'),
# 'key <estate>/<tier>' (the key was created here) and 'changed <UTC time>'. Predefined rules it
# disabled are recorded under HKLM\SOFTWARE\adcs-firewall, in a value named after $Group.
$Record = 'adcs-firewall'
$GpoRecord = 'adcs-firewall (GPO)'
$OwnKey = 'HKLM\SOFTWARE\adcs-firewall'
$RpcKey = 'HKLM\SOFTWARE\Microsoft\Rpc\Internet'
$local = $PolicyStore -eq 'PersistentStore'

function Stop-Run([string] $Message) {
    # A refusal or a failed check: the message on the error stream, and exit code 1.
    $Host.UI.WriteErrorLine($Message)
    exit 1
}

function Get-ProviderPath([string] $Path) {
    'Registry::' + ($Path -replace '^HKLM\\', 'HKEY_LOCAL_MACHINE\')
}

function Read-Lines([string] $Path, [string] $Name) {
    # The lines of a value (none when the key or the value is missing).
    $key = Get-ProviderPath $Path
    if (-not (Test-Path -LiteralPath $key)) { return }
    $item = Get-ItemProperty -LiteralPath $key
    if (@($item.PSObject.Properties.Name) -notcontains $Name) { return }
    foreach ($line in @($item.$Name)) { [string] $line }
}

function Read-Value([string] $Path, [string] $Name) {
    # A value's data as one string (the lines of a REG_MULTI_SZ joined by '|'), or $null.
    $key = Get-ProviderPath $Path
    if (-not (Test-Path -LiteralPath $key)) { return $null }
    $item = Get-ItemProperty -LiteralPath $key
    if (@($item.PSObject.Properties.Name) -notcontains $Name) { return $null }
    return (@(Read-Lines $Path $Name) -join '|')
}

function Get-DynamicRange {
    # This host's TCP dynamic port range, from 'netsh int ipv4 show dynamicport tcp' (the start
    # port and the number of ports, the two numbers after a colon in any language).
    $numbers = @([regex]::Matches((@(netsh int ipv4 show dynamicport tcp) -join ' '), ':\s*(\d+)') | ForEach-Object { [int] $_.Groups[1].Value })
    if ($numbers.Count -lt 2) { return $null }
    $last = $numbers[0] + $numbers[1] - 1
    return @{ Start = $numbers[0]; End = $last; Text = '' + $numbers[0] + '-' + $last }
}

function Test-CaPort([int] $Port) {
    # Before pinning the CA: the port is free or held by certsrv.exe, and not excluded; inside
    # the dynamic range is a warning.
    foreach ($c in @(Get-NetTCPConnection -LocalPort $Port -ErrorAction SilentlyContinue)) {
        if (@('Listen', 'Bound') -notcontains ('' + $c.State)) { continue }
        $p = Get-Process -Id $c.OwningProcess -ErrorAction SilentlyContinue
        $name = 'unknown'
        if ($null -ne $p) { $name = $p.ProcessName }
        if ($name -ne 'certsrv') { Stop-Run ($Text.PortHeld -f $Port, $name, $c.OwningProcess) }
    }
    foreach ($line in @(netsh int ipv4 show excludedportrange protocol=tcp)) {
        if ($line -match '^\s*(\d+)\s+(\d+)') {
            if ($Port -ge [int] $Matches[1] -and $Port -le [int] $Matches[2]) {
                Stop-Run ($Text.PortExcluded -f $Port, ($Matches[1] + '-' + $Matches[2]))
            }
        }
    }
    $dynamic = Get-DynamicRange
    if ($null -ne $dynamic -and $Port -ge $dynamic.Start -and $Port -le $dynamic.End) {
        Write-Warning ($Text.PortInDynamicRange -f $Port, $dynamic.Text)
    }
}

function Test-CertSvc {
    # After a restart: certutil -ping answers, and certsrv.exe listens on the static port.
    $config = Read-Value 'HKLM\SYSTEM\CurrentControlSet\Services\CertSvc\Configuration' 'Active'
    $deadline = (Get-Date).AddSeconds(90)
    $code = -1
    $answer = ''
    while ($code -ne 0 -and (Get-Date) -lt $deadline) {
        $ErrorActionPreference = 'Continue'
        $answer = (@(& certutil.exe -config ($env:COMPUTERNAME + '\' + $config) -ping) -join ' ')
        $code = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
        if ($code -ne 0) { Start-Sleep -Seconds 3 }
    }
    if ($code -ne 0) { Stop-Run ($Text.PingFailed -f $code, $answer) }
    if ($CaPort -eq '') { return }
    $listening = $false
    while (-not $listening -and (Get-Date) -lt $deadline) {
        foreach ($c in @(Get-NetTCPConnection -State Listen -LocalPort ([int] $CaPort) -ErrorAction SilentlyContinue)) {
            $p = Get-Process -Id $c.OwningProcess -ErrorAction SilentlyContinue
            if ($null -ne $p -and $p.ProcessName -eq 'certsrv') { $listening = $true }
        }
        if (-not $listening) { Start-Sleep -Seconds 3 }
    }
    if (-not $listening) { Stop-Run ($Text.NotListening -f $CaPort) }
}

function Test-Pending([string] $Restart, [string] $Since) {
    # True when the restart a change needs has not happened since the change (UTC, round-trip format).
    if ($Since -eq '') { return $false }
    $changed = [DateTime]::Parse($Since, $null, [Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime()
    if ($Restart -eq 'Reboot') {
        return (Get-CimInstance -ClassName Win32_OperatingSystem).LastBootUpTime.ToUniversalTime() -lt $changed
    }
    $p = Get-Process -Name certsrv -ErrorAction SilentlyContinue | Select-Object -First 1
    return ($null -eq $p) -or ($p.StartTime.ToUniversalTime() -lt $changed)
}

foreach ($note in $Notes) { Write-Warning $note }

# 1. Before anything changes: refusals stop the run here, with nothing changed.
if ($local) {
    $ignored = @(Get-NetFirewallProfile -PolicyStore ActiveStore | Where-Object { ('' + $_.AllowLocalFirewallRules) -eq 'False' } | ForEach-Object { $_.Name })
    if ($ignored.Count -gt 0) { Stop-Run ($Text.LocalRulesIgnored -f ($ignored -join ', ')) }
    $store = @{ PolicyStore = 'PersistentStore' }
} else {
    if ($RestartCertSvc) { Stop-Run $Text.RestartNotLocal }
    if ($DomainController -eq '') {
        $domain = ($PolicyStore -split '\\', 2)[0]
        $context = New-Object System.DirectoryServices.ActiveDirectory.DirectoryContext('Domain', $domain)
        $DomainController = [System.DirectoryServices.ActiveDirectory.Domain]::GetDomain($context).PdcRoleOwner.Name
    }
    $session = Open-NetGPO -PolicyStore $PolicyStore -DomainController $DomainController
    $store = @{ GPOSession = $session }
    Write-Warning $Text.GpoHostSide
}
$existing = @()
foreach ($r in $Rules) {
    $found = Get-NetFirewallRule @store -Name $r.Name -ErrorAction SilentlyContinue
    if ($null -ne $found) {
        if ($found.Group -ne $Group) { Stop-Run ($Text.RuleInOtherGroup -f $r.Name, $found.Group, $Group) }
        $existing += $r.Name
    }
}
if ($local) {
    foreach ($v in $Registry) {
        if ((Read-Value $v.Path $v.Name) -eq (@($v.Value) -join '|')) { continue }
        if (-not $v.CreateKey -and -not (Test-Path -LiteralPath (Get-ProviderPath $v.Path))) { Stop-Run ($Text.KeyMissing -f $v.Path, $v.Name) }
        if ($v.Name -eq 'Endpoints' -and $CaPort -ne '') { Test-CaPort ([int] $CaPort) }
    }
}

# 2. Firewall rules: create or update each rule of the group by its content-derived name, then
# remove the rules of the group that the estate no longer has. Nothing outside the group.
$wanted = @($Rules | ForEach-Object { $_.Name })
foreach ($r in $Rules) {
    $p = @{
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
    if ($existing -contains $r.Name) {
        Set-NetFirewallRule @store -Name $r.Name @p -WhatIf:$WhatIfPreference
    } else {
        New-NetFirewallRule @store -Name $r.Name -DisplayName $r.Name -Group $Group @p -WhatIf:$WhatIfPreference | Out-Null
    }
}
foreach ($old in @(Get-NetFirewallRule @store -Group $Group -ErrorAction SilentlyContinue)) {
    if ($wanted -notcontains $old.Name) { Remove-NetFirewallRule @store -Name $old.Name -WhatIf:$WhatIfPreference }
}
if (-not $local) {
    # Saved before the registry values: Save-NetGPO writes back the whole GPO it opened.
    # Under -WhatIf, ShouldProcess says what would be saved, and nothing is.
    if ($PSCmdlet.ShouldProcess($PolicyStore + ' on ' + $DomainController, 'Save-NetGPO')) { Save-NetGPO -GPOSession $session }
}

# 3. Registry values. A GPO run writes them into -RegistryGpo, records them there, and takes out
# of the GPO what its record says it wrote and the estate no longer asks for.
$paths = @(@($Registry) + @($Absent) | ForEach-Object { $_.Path } | Select-Object -Unique)
if (-not $local) {
    foreach ($path in $paths) {
        $values = @($Registry | Where-Object { $_.Path -eq $path })
        if ($RegistryGpo -eq '') {
            foreach ($v in $values) { Write-Warning ($Text.GpoNotWritten -f $v.Path, $v.Name) }
            continue
        }
        # What the GPO sets under the key: each value's data as one string, and its record's lines.
        $set = @{}
        $history = @()
        foreach ($s in @(Get-GPRegistryValue -Name $RegistryGpo -Server $DomainController -Key $path -ErrorAction SilentlyContinue)) {
            if (('' + $s.PolicyState) -ne 'Set' -or $null -eq $s.ValueName) { continue }
            $set[$s.ValueName] = (@($s.Value) | ForEach-Object { [string] $_ }) -join '|'
            if ($s.ValueName -eq $GpoRecord) { $history = @($s.Value | ForEach-Object { [string] $_ }) }
        }
        $before = $history -join '|'
        foreach ($v in $values) {
            $data = @($v.Value) -join '|'
            $line = 'value ' + $Owner + ' ' + $v.Name + '=' + $data
            if ($set.ContainsKey($v.Name) -and $set[$v.Name] -eq $data) { continue }
            $typed = $v.Value[0]
            if ($v.Type -eq 'MultiString') { $typed = [string[]] $v.Value }
            Set-GPRegistryValue -Name $RegistryGpo -Server $DomainController -Key $v.Path -ValueName $v.Name -Type $v.Type -Value $typed -WhatIf:$WhatIfPreference | Out-Null
            if ($history -notcontains $line) { $history += $line }
            Write-Warning ($Text.GpoWritten -f $v.Path, $v.Name, $RegistryGpo, $v.Restart)
        }
        foreach ($v in @($Absent | Where-Object { $_.Path -eq $path })) {
            if (-not $set.ContainsKey($v.Name)) { continue }
            if ($history -contains ('value ' + $Owner + ' ' + $v.Name + '=' + $set[$v.Name])) {
                Remove-GPRegistryValue -Name $RegistryGpo -Server $DomainController -Key $v.Path -ValueName $v.Name -WhatIf:$WhatIfPreference | Out-Null
                Write-Warning ($Text.GpoLeftOnHosts -f $v.Path, $v.Name, $RegistryGpo)
            } elseif ($v.IfNotRecorded -eq 'Report') {
                Write-Warning ($Text.NotOurs -f $v.Path, $v.Name, $set[$v.Name], ('GPO ' + $RegistryGpo))
            }
        }
        # The GPO's record keeps every value it ever wrote, so that a host still holding one
        # after the GPO stopped setting it knows it for this tool's.
        if (($history -join '|') -ne $before) {
            Set-GPRegistryValue -Name $RegistryGpo -Server $DomainController -Key $path -ValueName $GpoRecord -Type MultiString -Value ([string[]] $history) -WhatIf:$WhatIfPreference | Out-Null
        }
    }
    exit 0
}

# A local run writes what the estate asks for and records it, removes what its records say it
# wrote and the estate no longer asks for, and reports the rest.
$restarts = @{}
foreach ($path in $paths) {
    $key = Get-ProviderPath $path
    $lines = @(Read-Lines $path $Record)
    $delivered = @(Read-Lines $path $GpoRecord)
    $others = @($lines | Where-Object { -not $_.StartsWith('value ' + $Owner + ' ') -and $_ -ne ('key ' + $Owner) -and -not $_.StartsWith('changed ') })
    $keyLine = @($lines | Where-Object { $_ -eq ('key ' + $Owner) })
    $since = ''
    foreach ($l in $lines) { if ($l.StartsWith('changed ')) { $since = $l.Substring(8) } }
    $own = @()
    $changed = $false
    $restart = ''
    foreach ($v in @($Registry | Where-Object { $_.Path -eq $path })) {
        $restart = $v.Restart
        $data = @($v.Value) -join '|'
        $line = 'value ' + $Owner + ' ' + $v.Name + '=' + $data
        $current = Read-Value $path $v.Name
        if ($current -eq $data) {
            if ($lines -contains $line) { $own += $line }
            continue
        }
        if ($null -ne $current -and ($lines + $delivered) -notcontains ('value ' + $Owner + ' ' + $v.Name + '=' + $current)) {
            Write-Warning ($Text.Replaced -f $path, $v.Name, $current, $data)
        }
        if (-not (Test-Path -LiteralPath $key)) {
            New-Item -Path $key -Force -WhatIf:$WhatIfPreference | Out-Null
            $keyLine = @('key ' + $Owner)
        }
        $typed = $v.Value[0]
        if ($v.Type -eq 'MultiString') { $typed = [string[]] $v.Value }
        if (Test-Path -LiteralPath $key) {
            Set-ItemProperty -LiteralPath $key -Name $v.Name -Type $v.Type -Value $typed -WhatIf:$WhatIfPreference
        }
        $own += $line
        $changed = $true
    }
    foreach ($v in @($Absent | Where-Object { $_.Path -eq $path })) {
        $restart = $v.Restart
        $current = Read-Value $path $v.Name
        if ($null -eq $current) { continue }
        $mine = 'value ' + $Owner + ' ' + $v.Name + '=' + $current
        if (($lines + $delivered) -contains $mine) {
            # Still claimed by another tier or estate on this host (or by a GPO): theirs now.
            $claimed = @($others | Where-Object { $_.StartsWith('value ') -and $_.EndsWith(' ' + $v.Name + '=' + $current) })
            if ($claimed.Count -eq 0) {
                Remove-ItemProperty -LiteralPath $key -Name $v.Name -WhatIf:$WhatIfPreference
                Write-Warning ($Text.Removed -f $path, $v.Name, $current)
                $changed = $true
            }
        } elseif ($v.IfNotRecorded -eq 'Report' -or -not $RpcRange.ContainsKey('Range')) {
            # (An RPC value is compared with the spec's range in step 4 where the tier's rules open it.)
            Write-Warning ($Text.NotOurs -f $path, $v.Name, $current, $env:COMPUTERNAME)
        }
    }
    if ($changed) { $since = [DateTime]::UtcNow.ToString('o') }
    $pending = $changed -or ($restart -ne '' -and (Test-Pending $restart $since))
    if ($pending -and $restart -ne '') { $restarts[$restart] = $path }
    # The record: other owners' lines, this tier's key and value lines, and the last change while
    # its restart is pending or a value is recorded. Nothing left: no record, and a key this
    # script created goes when nothing else is in it.
    if ($own.Count -eq 0) { $keyLine = @() }
    $record = @($others) + @($keyLine) + @($own)
    if ($since -ne '' -and ($pending -or @($record | Where-Object { $_.StartsWith('value ') }).Count -gt 0)) { $record += 'changed ' + $since }
    if (-not (Test-Path -LiteralPath $key)) { continue }
    $item = Get-Item -LiteralPath $key
    $rest = @($item.GetValueNames() | Where-Object { $_ -ne $Record })
    if ($record.Count -eq 0 -and $lines -contains ('key ' + $Owner) -and $rest.Count -eq 0 -and $item.SubKeyCount -eq 0) {
        Remove-Item -LiteralPath $key -WhatIf:$WhatIfPreference
    } elseif ($record.Count -eq 0) {
        if ($lines.Count -gt 0) { Remove-ItemProperty -LiteralPath $key -Name $Record -WhatIf:$WhatIfPreference }
    } elseif (($record -join '|') -ne ($lines -join '|')) {
        Set-ItemProperty -LiteralPath $key -Name $Record -Type MultiString -Value ([string[]] $record) -WhatIf:$WhatIfPreference
    }
}

# 4. The machine-wide RPC range where this script does not write it: the host's against the spec's.
if ($RpcRange.ContainsKey('Range')) {
    $actual = Read-Value $RpcKey 'Ports'
    $source = $RpcKey + '\Ports'
    if ($null -eq $actual) {
        $dynamic = Get-DynamicRange
        if ($null -ne $dynamic) { $actual = $dynamic.Text; $source = 'netsh int ipv4 show dynamicport tcp' }
    }
    if ($null -ne $actual -and ($actual -replace '\s', '') -ne $RpcRange.Range) {
        Write-Warning ($Text.RpcRangeDiffers -f $actual, $source, $RpcRange.Range, $RpcRange.From)
    }
}

# 5. Predefined rule groups: report the enabled ones; under host.disablePredefinedRules disable
# the local ones of the groups marked Disable and record it; enable again what it disabled once
# the option is off. Rules from a Group Policy are the GPO's.
$disabledBefore = @(Read-Lines $OwnKey $Group)
$disabledNow = @()
$active = @(Get-NetFirewallRule -PolicyStore ActiveStore -Direction Inbound -ErrorAction SilentlyContinue)
foreach ($g in $Predefined) {
    $members = @($active | Where-Object { $_.DisplayGroup -eq $g.DisplayGroup -or ($g.Names -ne '' -and $_.Name -like $g.Names) })
    $names = @($members | ForEach-Object { $_.Name })
    $enabled = @($members | Where-Object { ('' + $_.Enabled) -eq 'True' })
    $fromGpo = @($enabled | Where-Object { ('' + $_.PolicyStoreSourceType) -ne 'Local' })
    $localOnes = @($enabled | Where-Object { ('' + $_.PolicyStoreSourceType) -eq 'Local' })
    if ($g.Disable) {
        foreach ($r in $localOnes) { Disable-NetFirewallRule -PolicyStore PersistentStore -Name $r.Name -WhatIf:$WhatIfPreference }
        if ($localOnes.Count -gt 0) { Write-Warning ($Text.PredefinedDisabled -f (@($localOnes | ForEach-Object { $_.Name }) -join ', '), $g.DisplayGroup) }
        $disabledNow += @($disabledBefore | Where-Object { $names -contains $_ }) + @($localOnes | ForEach-Object { $_.Name })
        if ($fromGpo.Count -gt 0) { Write-Warning ($Text.PredefinedFromGpo -f $g.DisplayGroup, (@($fromGpo | ForEach-Object { $_.Name }) -join ', ')) }
    } else {
        $again = @($disabledBefore | Where-Object { $names -contains $_ })
        foreach ($n in $again) { Enable-NetFirewallRule -PolicyStore PersistentStore -Name $n -WhatIf:$WhatIfPreference }
        if ($again.Count -gt 0) { Write-Warning ($Text.PredefinedEnabledAgain -f ($again -join ', '), $g.DisplayGroup) }
        $report = @($enabled | Where-Object { $again -notcontains $_.Name } | ForEach-Object { $_.Name })
        if ($report.Count -gt 0) { Write-Warning ($g.Report -f ($report -join ', ')) }
    }
}
$disabledNow = @($disabledNow | Select-Object -Unique)
if (($disabledNow -join '|') -ne ($disabledBefore -join '|')) {
    $ownPath = Get-ProviderPath $OwnKey
    if ($disabledNow.Count -gt 0) {
        if (-not (Test-Path -LiteralPath $ownPath)) { New-Item -Path $ownPath -Force -WhatIf:$WhatIfPreference | Out-Null }
        if (Test-Path -LiteralPath $ownPath) { Set-ItemProperty -LiteralPath $ownPath -Name $Group -Type MultiString -Value ([string[]] $disabledNow) -WhatIf:$WhatIfPreference }
    } else {
        Remove-ItemProperty -LiteralPath $ownPath -Name $Group -WhatIf:$WhatIfPreference
        if (-not $WhatIfPreference -and @((Get-Item -LiteralPath $ownPath).GetValueNames()).Count -eq 0) { Remove-Item -LiteralPath $ownPath }
    }
}

# 6. Restarts: CertSvc behind -RestartCertSvc, with the checks after it; a reboot is only named.
if ($restarts.ContainsKey('CertSvc')) {
    if ($RestartCertSvc) {
        Restart-Service -Name CertSvc -WhatIf:$WhatIfPreference
        if (-not $WhatIfPreference) { Test-CertSvc }
    } else {
        Write-Warning ($Text.CertSvcRestartNeeded -f $restarts['CertSvc'])
    }
}
if ($restarts.ContainsKey('Reboot')) { Write-Warning ($Text.RebootNeeded -f $restarts['Reboot']) }
`;

/** The script's text of a rule: the message with its id. */
function noteLine(text: string): string {
  return `  ${psQuote(oneLine(text))}`;
}

/**
 * The idempotent PowerShell script of a tier's host configuration: a fixed template (NetSecurity
 * cmdlets, `-WhatIf` passed on, the records of what it wrote, the checks around a CertSvc
 * restart, GPO mode in one Open-NetGPO session) around a data block of single-quoted literals.
 * Starts with a byte-order mark: written as UTF-8, Windows PowerShell 5.1 reads it as UTF-8.
 * Cmdlets as documented on Microsoft Learn (powershell/module/netsecurity: New-NetFirewallRule,
 * Set-NetFirewallRule, Get-NetFirewallRule, Remove-NetFirewallRule, Disable-/Enable-NetFirewallRule,
 * Get-NetFirewallProfile, Open-NetGPO, Save-NetGPO; grouppolicy: Set-GPRegistryValue,
 * Get-GPRegistryValue, Remove-GPRegistryValue; nettcpip: Get-NetTCPConnection).
 */
export function renderPowerShell(config: HostConfig): string {
  const registryLines = config.registry.map((v) => `  @{ Path = ${psQuote(v.path)}; Name = ${psQuote(v.name)}; Type = ${psQuote(psRegistryType(v.type))}; `
    + `Value = ${psArray(v.value)}; Restart = ${psQuote(psRestart(v.needs))}; CreateKey = ${psBool(v.createKey)} }`);
  const absentLines = config.registryAbsent.map((v) => `  @{ Path = ${psQuote(v.path)}; Name = ${psQuote(v.name)}; Restart = ${psQuote(psRestart(v.needs))}; `
    + `IfNotRecorded = ${psQuote(v.ifNotRecorded === 'report' ? 'Report' : 'CompareRange')} }`);
  const predefinedLines = config.predefinedGroups.map((g) => `  @{ DisplayGroup = ${psQuote(g.displayGroup)}; Names = ${psQuote(g.names)}; Disable = ${psBool(g.disable)}; `
    + `Report = ${psQuote(oneLine(withRuleId(HostMessages.predefinedEnabled(g.displayGroup, '{0}', g.advice ?? 'option'))))} }`);
  const rpc = config.rpcRangeCheck;
  const lines = [
    `${BOM}# adcs-firewall host configuration of tier ${oneLine(config.tier)} in estate ${oneLine(config.estate)}.`,
    '# Generated by `adcs-firewall host`: change the spec and generate it again rather than editing it.',
    '# Run it elevated on each host of the tier (-WhatIf shows every change), or with -PolicyStore for a GPO.',
    HEADER,
    '# --- data (generated) ---',
    `$Group = ${psQuote(config.group)}`,
    `$Owner = ${psQuote(config.owner)}`,
    `$CaPort = ${psQuote(config.pinnedPort === undefined ? '' : String(config.pinnedPort))}`,
    `$RpcRange = ${rpc ? `@{ Range = ${psQuote(rpc.range)}; From = ${psQuote(rpc.from)} }` : '@{}'}`,
    '$Rules = @(',
    ...config.firewallRules.map(psRuleLine),
    ')',
    '$Registry = @(',
    ...registryLines,
    ')',
    '$Absent = @(',
    ...absentLines,
    ')',
    '$Predefined = @(',
    ...predefinedLines,
    ')',
    '$Notes = @(',
    ...config.notes.map((n) => noteLine(warningText(n))),
    ')',
    '$Text = @{',
    ...SCRIPT_TEXT.map(([k, t]) => `  ${k} = ${psQuote(oneLine(t))}`),
    '}',
    '# --- end of data ---',
    BODY,
  ];
  return lines.join('\n');
}
