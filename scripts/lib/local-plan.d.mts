export const ROOT: string;

export interface LocalService {
  name: 'rake-app' | 'prose-app' | 'nlp-client';
  /** Where it listens, on loopback. */
  url: string;
  /** Its compiled server.js. */
  entry: string;
  /** Its own variables, set over `shared`. */
  env: Record<string, string>;
}

export interface LocalPlan {
  generatedKey: boolean;
  key: string | undefined;
  gatewayUrl: string;
  /** The environment all three get: the caller's, with HOST and the generated key. */
  shared: Record<string, string | undefined>;
  services: LocalService[];
}

/** The services npm start runs, configured from `env` as npm start configures them. */
export function localPlan(env: Record<string, string | undefined>): Promise<LocalPlan>;
