/** Windows generation of a tier's servers: decides its RPC dynamic port range. */
export enum OsGeneration {
  /** Windows Server 2008 / Vista and later: TCP 49152-65535 (KB 929851). */
  MODERN = 'modern',
  /**
   * Windows Server 2003 / XP: TCP 1024-65535, the server-port range of KB 179442's pre-2008 table
   * (a superset of the 2003 default 1025-5000, KB 929851).
   */
  LEGACY = 'legacy',
}

/** How clients authenticate to a CES or CEP instance (`-AuthenticationType` of its install cmdlet). */
export enum CesAuthentication {
  /** Windows integrated (Kerberos): clients then need the CLIENT-DIRECTORY flows. */
  KERBEROS = 'kerberos',
  /** Username and password over HTTPS. */
  USERNAME_PASSWORD = 'usernamePassword',
  /** Client certificate over HTTPS: the tier then fetches CRLs (`server-crl`). */
  CERTIFICATE = 'certificate',
}

/** Which directory ports clients get toward the DCs (`client-directory` only). */
export enum ClientDirectory {
  /** DIRECTORY: Kerberos, password change, LDAP, LDAPS, Global Catalog (and over TLS), DNS. */
  FULL = 'full',
  /** DIRECTORY-MINIMAL: DIRECTORY without LDAPS 636 and GC over TLS 3269 (KB 179442). */
  MINIMAL = 'minimal',
}

/** How the CA publishes its CRLs to the CDP tier. */
export enum CrlPublishing {
  /** The CA does not write to the CDP hosts (someone else copies the CRLs). */
  NONE = 'none',
  /** The CA writes CRLs to a UNC share on the CDP hosts (TCP 445). */
  SMB = 'smb',
}

/** The cloud a spec renders to. */
export enum Platform {
  /** Azure network security groups. */
  AZURE = 'azure',
  /** AWS security groups. */
  AWS = 'aws',
}
