/** Variable names and defaults, apart from config.ts so the health check can use them without loading express. */
export const RAKE_ENV = { port: 'RAKE_PORT' } as const;
export const RAKE_DEFAULTS = { port: 8081 } as const;
