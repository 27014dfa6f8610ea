import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The service's configuration, read once from the environment at start. Every variable is
 * documented in the README; a bad value stops the start with a message naming it.
 */
export type Config = {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent → embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  dev: boolean;
  /** Base URL the service is reached at; dev tokens name it as their issuer. */
  publicUrl: string;
  auth: {
    jwksUrl: string | undefined;
    jwksFile: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  bodyLimitBytes: number;
  logLevel: string;
  /** PEM files to serve https with (Outlook loads add-ins over https only); absent → http. */
  tls: { certFile: string; keyFile: string } | undefined;
};

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  RAPPORT_DATA_DIR: z.string().min(1).default('./data'),
  RAPPORT_DEV: flag,
  RAPPORT_PUBLIC_URL: z.url().optional(),
  RAPPORT_AUTH_JWKS_URL: z.url().optional(),
  RAPPORT_AUTH_JWKS_FILE: z.string().min(1).optional(),
  RAPPORT_AUTH_ISSUER: z.string().min(1).optional(),
  RAPPORT_AUTH_AUDIENCE: z.string().min(1).optional(),
  RAPPORT_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  RAPPORT_TLS_CERT_FILE: z.string().min(1).optional(),
  RAPPORT_TLS_KEY_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) counts as unset, as shells and CI files often leave them.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const config: Config = {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.RAPPORT_DATA_DIR),
    dev: env.RAPPORT_DEV,
    publicUrl: env.RAPPORT_PUBLIC_URL ?? `${env.RAPPORT_TLS_CERT_FILE ? 'https' : 'http'}://localhost:${env.PORT}`,
    auth: {
      jwksUrl: env.RAPPORT_AUTH_JWKS_URL,
      jwksFile: env.RAPPORT_AUTH_JWKS_FILE,
      issuer: env.RAPPORT_AUTH_ISSUER,
      audience: env.RAPPORT_AUTH_AUDIENCE,
    },
    bodyLimitBytes: env.RAPPORT_BODY_LIMIT_BYTES,
    logLevel: env.LOG_LEVEL,
    tls: tlsFiles(env.RAPPORT_TLS_CERT_FILE, env.RAPPORT_TLS_KEY_FILE),
  };
  checkConfig(config);
  return config;
}

/** Both TLS files or neither, each one readable: a typo is found at the start, not at the first request. */
function tlsFiles(certFile: string | undefined, keyFile: string | undefined): Config['tls'] {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    throw new ConfigError('Set both RAPPORT_TLS_CERT_FILE and RAPPORT_TLS_KEY_FILE to serve https, or neither.');
  }
  for (const [variable, file] of [
    ['RAPPORT_TLS_CERT_FILE', certFile],
    ['RAPPORT_TLS_KEY_FILE', keyFile],
  ] as const) {
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch {
      throw new ConfigError(`${variable} names ${file}, which cannot be read.`);
    }
  }
  return { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOSTS.has(host) || host.startsWith('127.');

function checkConfig(config: Config): void {
  if (config.dev) {
    // Dev mode signs its own tokens for demo users: anyone who can reach it can sign in.
    if (!isLoopbackHost(config.host)) {
      throw new ConfigError(
        `RAPPORT_DEV=1 issues tokens for demo users, so it only listens on loopback; HOST is ${config.host}.`,
      );
    }
    return;
  }
  const { jwksUrl, jwksFile, issuer, audience } = config.auth;
  if (!jwksUrl && !jwksFile) {
    throw new ConfigError('Set RAPPORT_AUTH_JWKS_URL or RAPPORT_AUTH_JWKS_FILE (or RAPPORT_DEV=1 for local development).');
  }
  if (jwksUrl && jwksFile) throw new ConfigError('Set only one of RAPPORT_AUTH_JWKS_URL and RAPPORT_AUTH_JWKS_FILE.');
  if (!issuer) throw new ConfigError('Set RAPPORT_AUTH_ISSUER to the token issuer the service accepts.');
  if (!audience) throw new ConfigError('Set RAPPORT_AUTH_AUDIENCE to the API audience the service accepts.');
}
