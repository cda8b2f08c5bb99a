import { defineRules, FindingLevel, rule } from '../findings/rule';

/** Why the script leaves an enabled predefined rule group as it is. */
export type PredefinedAdvice = 'option' | 'dc' | 'uncovered' | 'gpo';

const ADVICE: Record<PredefinedAdvice, string> = {
  option: 'set host.disablePredefinedRules: true in the spec to have this script disable them (it records what it disables and enables it again when the option is turned off)',
  dc: 'a DC serves far more than AD CS, so this script never disables its groups: review them by hand',
  uncovered: "the estate's rules do not open this group's port on this tier, so host.disablePredefinedRules leaves them",
  gpo: 'they come from a Group Policy, so this script cannot disable them here: disable them in that GPO',
};

/**
 * The messages of the host half: the notes written into a tier's script, and what the script
 * says when it runs. The script's messages are format strings (`{0}`, `{1}`: PowerShell's `-f`
 * operator fills them on the host), written into its data block with their rule id, so the
 * script's code holds no text of its own.
 */
export const HostMessages = defineRules({
  localRulesIgnored: rule('ADCS-E310', FindingLevel.ERROR, 'Local firewall rules are ignored on this host',
    'A domain GPO sets "Apply local firewall rules: No" (AllowLocalFirewallRules False in the active store): every local rule is inert. Run the script in GPO mode (-PolicyStore \'domain\\GPO name\') instead.',
    (profiles: string) =>
    `a Group Policy sets "Apply local firewall rules" to No for the ${profiles} profile (AllowLocalFirewallRules False in the active store): local rules such as this script's would be ignored, so nothing was changed; write the rules into a GPO instead: run this script with -PolicyStore 'domain\\GPO name' (GPO mode)`),
  ruleInOtherGroup: rule('ADCS-E311', FindingLevel.ERROR, 'A rule of the same name belongs to another group',
    'The script only changes rules of its own group; rename or remove the other rule.',
    (name: string, theirs: string, group: string) =>
    `firewall rule ${name} belongs to the group '${theirs}', not '${group}': this script changes only rules of its own group, so nothing was changed; rename or remove that rule, then run this script again`),
  caPortHeld: rule('ADCS-E312', FindingLevel.ERROR, 'The static DCOM port is held by another process',
    'Before pinning the CA, the port must be free or already held by certsrv.exe.',
    (port: string, process: string, pid: string) =>
    `TCP ${port} is held by ${process} (process ${pid}), not certsrv.exe: the CA could not listen there, so nothing was changed; free the port or choose another dcomPort`),
  caPortExcluded: rule('ADCS-E313', FindingLevel.ERROR, 'The static DCOM port lies in an excluded port range',
    'No process can listen on a port of an excluded range (netsh int ipv4 show excludedportrange protocol=tcp): choose another dcomPort.',
    (port: string, range: string) =>
    `TCP ${port} lies in the excluded port range ${range} (netsh int ipv4 show excludedportrange protocol=tcp): no process can listen there, so nothing was changed; choose another dcomPort`),
  keyMissing: rule('ADCS-E314', FindingLevel.ERROR, 'The registry key of the CA\'s DCOM application is missing',
    'Endpoints belongs under the CertSrv Request AppID, which exists only where CertSvc is installed: run the CA tier\'s script on the CA.',
    (key: string, value: string) =>
    `the key ${key} does not exist, so ${value} cannot be written: is this host the CA (is CertSvc installed)? nothing was changed`),
  restartNotLocal: rule('ADCS-E315', FindingLevel.ERROR, '-RestartCertSvc in GPO mode',
    'The restart runs on the CA itself; a GPO run changes the GPO only.',
    () =>
    '-RestartCertSvc restarts CertSvc on this host, but -PolicyStore names a GPO: nothing was changed; run this script on the CA without -PolicyStore to restart it'),
  caPingFailed: rule('ADCS-E316', FindingLevel.ERROR, 'The CA does not answer after the restart',
    'After CertSvc restarts, certutil -ping must answer; the message has its output.',
    (code: string, output: string) =>
    `CertSvc was restarted but certutil -ping does not answer (exit code ${code}: ${output}): check the CA (Event Viewer, Application log, source CertificationAuthority)`),
  caNotListening: rule('ADCS-E317', FindingLevel.ERROR, 'certsrv.exe does not listen on the static DCOM port',
    'After CertSvc restarts with Endpoints set, certsrv.exe must listen on the port.',
    (port: string) =>
    `CertSvc was restarted but certsrv.exe does not listen on TCP ${port}: check Endpoints under the CertSrv Request AppID and that nothing else holds the port (Get-NetTCPConnection -LocalPort ${port})`),

  listenerUndocumented: rule('ADCS-W314', FindingLevel.WARNING, 'Rule bound to no program: the listener is undocumented',
    'Where Microsoft does not document which process serves a flow, its rule has no program condition.',
    (flows: string, tier: string, name: string) =>
    `the process that serves ${flows} on the ${tier} hosts is not documented, so rule ${name} is bound to no program: it opens its ports to every program`),
  caPortInDynamicRange: rule('ADCS-W315', FindingLevel.WARNING, 'The static DCOM port lies in this host\'s dynamic range',
    'KB 154596 advises a static port outside the dynamic range, where no other program takes it first.',
    (port: string, range: string) =>
    `TCP ${port} lies in this host's dynamic port range ${range} (netsh int ipv4 show dynamicport tcp): another program may take it first (KB 154596 advises a port outside it); Endpoints is written anyway`),
  certSvcRestartNeeded: rule('ADCS-W316', FindingLevel.WARNING, 'CertSvc needs a restart',
    'CertSvc reads Endpoints only when it starts; -RestartCertSvc restarts it and checks the port before and the listener after.',
    (key: string) =>
    `${key} changed after CertSvc started, and CertSvc reads it only when it starts: run this script again with -RestartCertSvc (it checks that certsrv.exe then listens on the port and that certutil -ping answers); on a clustered CA, on every node`),
  rebootNeeded: rule('ADCS-W317', FindingLevel.WARNING, 'The computer needs a restart',
    'The RPC port range (KB 154596) takes effect when the computer starts.',
    (key: string) =>
    `${key} changed after this computer started, and the RPC port range takes effect only when it starts (KB 154596): restart the computer`),
  valueNotOurs: rule('ADCS-W318', FindingLevel.WARNING, 'A registry value adcs-firewall did not write',
    'The script removes only what its record says it wrote; anything else is reported, never deleted.',
    (path: string, name: string, data: string, where: string) =>
    `${path}\\${name} = ${data} (${where}) was not written by adcs-firewall (no record of that data beside it) and the estate does not ask for it: left in place; remove it by hand if it should go`),
  gpoHostSide: rule('ADCS-W319', FindingLevel.WARNING, 'GPO mode does not check the hosts',
    'The predefined rule groups, "Apply local firewall rules" and the RPC range are settings of each host.',
    () =>
    'GPO mode changes the GPO only: the predefined rule groups, "Apply local firewall rules" and the RPC range of each host are not checked from here; run this script with -WhatIf on a host of the tier to see them'),
  valueReplaced: rule('ADCS-W320', FindingLevel.WARNING, 'A registry value was replaced',
    'The estate asks for another value than the one found, which adcs-firewall did not write.',
    (path: string, name: string, old: string, wanted: string) =>
    `${path}\\${name} was ${old}, not written by adcs-firewall; it is now ${wanted}, as the estate asks`),
  valueRemoved: rule('ADCS-W321', FindingLevel.WARNING, 'A registry value adcs-firewall wrote was removed',
    'The estate no longer asks for a value the script recorded writing: it removes it (an old CA pin left behind breaks enrollment once the network rules stop opening it).',
    (path: string, name: string, data: string) =>
    `removed ${path}\\${name} = ${data}, which adcs-firewall wrote and the estate no longer asks for; the restart it needs is named next`),
  rpcRangeDiffers: rule('ADCS-W322', FindingLevel.WARNING, 'This host\'s RPC range differs from the spec',
    'The network rules open the tier\'s range from the spec; RPC servers of a host with another range get ports those rules do not open.',
    (actual: string, source: string, expected: string, from: string) =>
    `this host's RPC dynamic range is ${actual} (${source}) but the spec gives ${expected} (${from}), which the network rules open: RPC servers here may get ports the network drops; make the spec say what the hosts use (rpcDynamicPorts), or set the hosts' range`),
  predefinedEnabled: rule('ADCS-W323', FindingLevel.WARNING, 'Predefined rules are enabled',
    'Windows\' predefined rule groups open more than the flows (135, RPC and 445 from any address they allow), whatever the generated rules say.',
    (group: string, rules: string, advice: PredefinedAdvice) =>
    `the predefined rule group '${group}' has enabled inbound rules (${rules}): they let in what they allow from every address they allow, whatever this script's rules say; ${ADVICE[advice]}`),
  predefinedChanged: rule('ADCS-W324', FindingLevel.WARNING, 'Predefined rules disabled or enabled again',
    'host.disablePredefinedRules: the script disables the groups and records it, and enables what it disabled when the option is turned off.',
    (action: string, rules: string, group: string) =>
    `${action} the predefined rules ${rules} of '${group}' (host.disablePredefinedRules; recorded under HKLM\\SOFTWARE\\adcs-firewall)`),
  gpoValueLeftOnHosts: rule('ADCS-W326', FindingLevel.WARNING, 'A registry value stays on the hosts after the GPO stops setting it',
    'A GPO\'s registry value outside ...\\Policies tattoos the host: removing it from the GPO leaves it on the hosts. The script on each host removes it, as the GPO\'s record says adcs-firewall wrote it.',
    (path: string, name: string, gpo: string) =>
    `${path}\\${name} is no longer set by GPO '${gpo}', but the hosts keep it (outside \\Policies a GPO's registry value stays after the GPO stops setting it): run this script on each host without -PolicyStore to remove it`),
  gpoRegistryNotWritten: rule('ADCS-W327', FindingLevel.WARNING, 'GPO run without -RegistryGpo',
    'A GPO run writes the firewall rules; the registry values need -RegistryGpo or a local run.',
    (path: string, name: string) =>
    `${path}\\${name} is not written: give -RegistryGpo, or run this script on the host without -PolicyStore`),
  gpoRegistryWritten: rule('ADCS-W328', FindingLevel.WARNING, 'A registry value goes out through a GPO',
    'Once the GPO applies, each host needs the restart the value asks for.',
    (path: string, name: string, gpo: string, restart: string) =>
    `${path}\\${name} goes to GPO '${gpo}': once the GPO applies, each host needs a restart (${restart}: CertSvc, or Reboot for the computer)`),
});
