import path from 'node:path';
import { z } from 'zod';
import { ssoConfigFrom, ssoEnvSchema, type SsoConfig } from './features/auth/sso/sso-config.js';
import { isIsoDay } from './shared/clock.js';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const envSchema = ssoEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  STYR_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Demo mode creates demo users; on by default for the embedded database, off for DATABASE_URL. */
  STYR_DEMO: booleanFlag.optional(),
  STYR_SESSION_IDLE_HOURS: z.coerce.number().positive().default(8),
  STYR_SESSION_MAX_HOURS: z.coerce.number().positive().default(24),
  STYR_COOKIE_SECURE: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** E-mail through this SMTP server, e.g. smtp://user:pass@smtp.example:587; no mail without it. */
  SMTP_URL: z.string().url().optional(),
  STYR_MAIL_FROM: z.string().min(3).default('Styringsportalen <noreply@styringsportalen.no>'),
  /** The portal's address as users reach it: links in e-mails and calendar feeds. */
  STYR_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** How often the mail outbox and the secretariat's jobs (invitations, overdue actions) run. */
  STYR_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Which proxies may set X-Forwarded-For: `loopback` (a proxy on this host), `true`, `false` or addresses/CIDRs. */
  STYR_TRUST_PROXY: z.string().min(1).default('loopback'),
  /** Requests per minute per client address: any route, the public routes, and the login route. */
  STYR_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  STYR_PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  STYR_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  STYR_NETWORK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30_000),
  /** Failed logins in the window before further attempts are refused (429), per username and per address. */
  STYR_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  STYR_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  STYR_LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** Offentleglova § 32: the body that decides appeals on access requests, and where they are sent. */
  STYR_APPEAL_BODY: z.string().min(3).default('klageinstansen for innsynssaker'),
  STYR_APPEAL_BODY_EMAIL: z.string().email().optional(),
  /** Pins the clock to a day (YYYY-MM-DD) for a demo: the portal starts on that day and runs on from there. */
  STYR_TODAY: z
    .string()
    .refine(isIsoDay, 'a date written YYYY-MM-DD')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  sessionIdleHours: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  jobIntervalSeconds: number;
  trustProxy: boolean | string;
  rateLimits: {
    perMinute: number;
    publicPerMinute: number;
    loginPerMinute: number;
    networkPerMinute: number;
  };
  loginThrottle: { maxFailuresPerUser: number; maxFailuresPerAddress: number; windowMinutes: number };
  appealBody: string;
  appealBodyEmail: string | undefined;
  /** STYR_TODAY: the day the clock is pinned to (demo), or undefined for the system clock. */
  today: string | undefined;
  /** Single sign-on through the organisation's OpenID Connect provider; null when not configured. */
  sso: SsoConfig | null;
  /** False when STYR_LOCAL_PASSWORDS=false: the password login is refused and only single sign-on remains. */
  localPasswords: boolean;
}

function parseTrustProxy(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  const publicUrl = e.STYR_PUBLIC_URL.replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.STYR_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.STYR_DEMO ?? e.DATABASE_URL === undefined,
    sessionIdleHours: e.STYR_SESSION_IDLE_HOURS,
    sessionMaxHours: e.STYR_SESSION_MAX_HOURS,
    cookieSecure: e.STYR_COOKIE_SECURE,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.STYR_MAIL_FROM,
    publicUrl,
    jobIntervalSeconds: e.STYR_JOB_INTERVAL_SECONDS,
    trustProxy: parseTrustProxy(e.STYR_TRUST_PROXY),
    rateLimits: {
      perMinute: e.STYR_RATE_LIMIT_PER_MINUTE,
      publicPerMinute: e.STYR_PUBLIC_RATE_LIMIT_PER_MINUTE,
      loginPerMinute: e.STYR_LOGIN_RATE_LIMIT_PER_MINUTE,
      networkPerMinute: e.STYR_NETWORK_RATE_LIMIT_PER_MINUTE,
    },
    loginThrottle: {
      maxFailuresPerUser: e.STYR_LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: e.STYR_LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: e.STYR_LOGIN_WINDOW_MINUTES,
    },
    appealBody: e.STYR_APPEAL_BODY,
    appealBodyEmail: e.STYR_APPEAL_BODY_EMAIL,
    today: e.STYR_TODAY,
    ...ssoConfigFrom(e, publicUrl),
  };
}
