/**
 * The portal's report routes (docs/dvcqg.md): a centre's service-quality indicators and its DVCQG
 * export. Paths are relative to the authenticated API prefix; the CLI and the portal share them.
 */
export const REPORT_PATHS = { indicators: '/reports/indicators', dvcqg: '/reports/dvcqg' } as const;
