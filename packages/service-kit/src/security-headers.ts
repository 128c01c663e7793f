import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Headers for a JSON API: nothing may be sniffed, framed, cached or embedded elsewhere, and no
 * referrer leaks. Routes that serve HTML (a docs page) set their own Content-Security-Policy.
 *
 * helmet's other defaults are off: they speak to HTML pages and old browsers (COOP, Origin-Agent-
 * Cluster, DNS prefetch, IE8 downloads, Flash policies, the XSS auditor), and all of them together
 * doubled the CPU this step takes on every request. Strict-Transport-Security is left to whatever
 * terminates TLS in front of the service.
 */
const setHelmetHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  xContentTypeOptions: true,
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

const ignore = (): void => {};

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  setHelmetHeaders(req, res, ignore);
  res.setHeader('Cache-Control', 'no-store');
}
