/** Variable names and defaults, apart from config.ts so the health check can use them without loading express. */
export const PROSE_ENV = { port: 'PROSE_PORT' } as const;
export const PROSE_DEFAULTS = { port: 8082 } as const;
