/** Windows generation of a tier's servers: decides its RPC dynamic port range. */
export enum OsGeneration {
  /** Windows Server 2008 / Vista and later: TCP 49152-65535 (KB 929851). */
  MODERN = 'modern',
  /** Windows Server 2003 / XP: TCP 1024-65535 (KB 832017). */
  LEGACY = 'legacy',
}

/** How clients authenticate to CES and CEP (one setting for both). */
export enum CesAuthentication {
  /** Windows integrated (Kerberos): clients then need the DIRECTORY flows. */
  KERBEROS = 'kerberos',
  /** Username and password over HTTPS. */
  USERNAME_PASSWORD = 'usernamePassword',
  /** Client certificate over HTTPS. */
  CERTIFICATE = 'certificate',
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
