import { EstateProps } from './props';

/**
 * The estate `matrix` shows without `--spec`: the core tiers plus CES and CEP with Kerberos,
 * modern Windows, direct enrollment on, documentation addresses (RFC 5737 style private ranges).
 */
export const DEFAULT_ESTATE: EstateProps = {
  name: 'adcs',
  tiers: {
    clients: { cidrs: ['10.20.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'] },
    ces: { cidrs: ['10.0.2.0/24'] },
    cep: { cidrs: ['10.0.2.0/24'] },
    dc: { cidrs: ['10.0.0.0/24'] },
  },
};
