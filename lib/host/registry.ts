/** Registry value types the host configuration writes. */
export enum RegistryType {
  /** A list of strings (`Set-ItemProperty -Type MultiString`). */
  MULTI_SZ = 'REG_MULTI_SZ',
  /** One string (`Set-ItemProperty -Type String`). */
  SZ = 'REG_SZ',
}

/** What a registry value needs before it takes effect. */
export enum RestartKind {
  /** Restart one service. */
  SERVICE = 'service',
  /** Restart the computer. */
  REBOOT = 'reboot',
}

/** AppID of the "CertSrv Request" DCOM application (the CA's MS-WCCE endpoint). */
export const CERTSRV_REQUEST_APPID = '{D99E6E74-FC88-11D0-B498-00A0C90312F3}';

/**
 * Key of its `Endpoints` value (REG_MULTI_SZ `ncacn_ip_tcp,0,<port>`, port 1024-65535: Win32
 * "Endpoints" documentation, learn.microsoft.com/windows/win32/com/endpoints).
 */
export const CERTSRV_REQUEST_APPID_KEY = `HKLM\\SOFTWARE\\Classes\\AppID\\${CERTSRV_REQUEST_APPID}`;

/**
 * Key of the RPC port range values `Ports` (REG_MULTI_SZ), `PortsInternetAvailable` and
 * `UseInternetPorts` (REG_SZ `Y`): KB 154596 ("How to configure RPC dynamic port allocation to
 * work with firewalls"); the key does not exist by default.
 */
export const RPC_INTERNET_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Rpc\\Internet';
