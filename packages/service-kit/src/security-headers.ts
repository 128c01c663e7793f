import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Headers for a JSON API: nothing may be sniffed, framed, cached or embedded elsewhere, and no
 * referrer leaks. Routes that serve HTML (a docs page) set their own Content-Security-Policy.
 *
 * helmet's other defaults are off: they speak to HTML pages and old browsers (COOP, Origin-Agent-
 * Cluster, DNS prefetch, IE8 downloads, Flash policies, the XSS auditor), and all of them together
 * doubled the CPU this step took on every request. Strict-Transport-Security is left to whatever
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

/** Runs the middleware once against a recorder: with fixed options its headers never change. */
function headersSetBy(middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name] = String(value);
    },
    removeHeader: () => {},
  };
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

/** The headers every answer carries, computed once. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({ ...headersSetBy(setHelmetHeaders), 'Cache-Control': 'no-store' });

const SECURITY_HEADER_LIST = Object.entries(SECURITY_HEADERS);

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADER_LIST) res.setHeader(name, value);
}
