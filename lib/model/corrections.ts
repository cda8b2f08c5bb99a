/** One error of the old seed table ("Firewall Rules for Active Directory Certificate Services"). */
export interface SeedCorrection {
  /** What the seed table says. */
  readonly seedSays: string;
  /** The fact, as this catalogue implements it. */
  readonly fact: string;
}

/** The corrections to the seed table that the catalogue makes; shown under every markdown matrix. */
export const SEED_CORRECTIONS: readonly SeedCorrection[] = [
  { seedSays: 'Kerberos = TCP 464', fact: 'Kerberos is TCP+UDP 88; 464 (TCP+UDP) is Kerberos password change. Both are emitted.' },
  { seedSays: 'no TCP 135', fact: 'TCP 135 is needed for every DCOM flow to the CA, also with a static port' },
  { seedSays: '"random port above 1023" for everything', fact: 'only toward a 2003-era server; toward 2008+ servers 49152-65535 is enough' },
  { seedSays: 'only XP clients use DCOM', fact: 'every client enrolling directly (autoenrollment, certreq, MMC) uses DCOM' },
  { seedSays: 'ports without protocol', fact: '88, 464, 389 and 53 need both TCP and UDP' },
  { seedSays: 'no static port option', fact: 'the CA can be pinned to one static DCOM port: TCP 135 + that port' },
];
