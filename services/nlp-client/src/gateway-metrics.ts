import { Counter } from 'prom-client';
import { createMetrics, type ServiceMetrics } from '@nlp-api/service-kit';

export interface GatewayMetrics extends ServiceMetrics {
  upstreamErrors: Counter<'upstream' | 'code'>;
  /** The failure hook for one backend's upstream client. */
  countFailures: (upstream: string) => (code: string) => void;
}

export function createGatewayMetrics(options: { processMetrics?: boolean } = {}): GatewayMetrics {
  const metrics = createMetrics('nlp-client', options);
  const upstreamErrors = new Counter({
    name: 'upstream_errors_total',
    help: 'Failed calls to a backend, by backend and error code',
    labelNames: ['upstream', 'code'],
    registers: [metrics.registry],
  });
  return { ...metrics, upstreamErrors, countFailures: (upstream) => (code) => upstreamErrors.inc({ upstream, code }) };
}
