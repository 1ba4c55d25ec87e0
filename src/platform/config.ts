import path from 'node:path';

/** Runtime configuration, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded server is started under `dataDir`. */
  databaseUrl: string | null;
  /** A read replica (PostgreSQL streaming standby) for the reports, the service index and the dashboards; null: the primary. */
  readReplicaUrl: string | null;
  dataDir: string;
  production: boolean;
  /** Demo mode loads demo units, procedures and accounts; never in production. */
  demo: boolean;
  logLevel: string;
  /** Set cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Public base URL used in links and QR codes. */
  publicUrl: string;
  /** Run the background job worker in this process. */
  worker: boolean;
  /** Citizen sign-in through VNeID (OpenID Connect); null when VNEID_ISSUER is unset. */
  vneid: VneidConfig | null;
  /** Outgoing e-mail through SMTP; null when SMTP_URL is unset (e-mail notifications then wait, pending). */
  smtp: SmtpConfig | null;
  /** The brandname SMS gateway; null when SMS_URL is unset (SMS notifications then wait, pending). */
  sms: SmsConfig | null;
  /** Inbound feedback channels (Zalo OA, Facebook Page, e-mail relay); each null when its secret is unset. */
  channels: ChannelsConfig;
  /** Payment-notification gateways (src/modules/reconciliation); each null when its secret is unset. */
  paymentGateways: PaymentGatewaysConfig;
}

/** CASSO_CHECKSUM_KEY: the "Key bảo mật" (checksum key) of a Casso webhook v2, at least 32 characters. */
export interface PaymentGatewaysConfig {
  casso: { checksumKey: string } | null;
}

function paymentGatewaysFrom(env: NodeJS.ProcessEnv): PaymentGatewaysConfig {
  const casso = env.CASSO_CHECKSUM_KEY?.trim();
  if (casso && casso.length < 32) throw new Error('CASSO_CHECKSUM_KEY must be at least 32 characters');
  return { casso: casso ? { checksumKey: casso } : null };
}

/** SMTP_URL (smtp://user:pass@host:587 or smtps://…:465) and MAIL_FROM. */
export interface SmtpConfig {
  url: string;
  from: string;
}

/** A brandname SMS gateway with eSMS.vn's JSON API shape (SMS_URL, SMS_API_KEY, SMS_SECRET, SMS_BRANDNAME). */
export interface SmsConfig {
  url: string;
  apiKey: string;
  secret: string;
  brandname: string;
}

/** The webhook channels of feedback; account → unit maps are `{ "<OA id or page id>": "<unit code>" }`. */
export interface ChannelsConfig {
  zalo: { appId: string; oaSecret: string; units: Record<string, string> } | null;
  facebook: { appSecret: string; verifyToken: string; units: Record<string, string> } | null;
  email: { secret: string } | null;
}

/** The VNeID relying-party settings (the values come from the integration agreement with the VNeID operator). */
export interface VneidConfig {
  /** Issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered redirect URI: by default `<PUBLIC_URL>/cong-dan/dang-nhap/vneid/callback`. */
  redirectUri: string;
  scopes: string;
  /** Accepted `acr` values (any one); empty = no level check. */
  requiredAcr: string[];
  /** Claim carrying the 12-digit personal ID number. */
  idClaim: string;
  /** Client authentication at the token endpoint; null = chosen from the provider's discovery document. */
  clientAuth: 'client_secret_basic' | 'client_secret_post' | null;
  /** A citizen's session ends this many minutes after signing in, however active. */
  sessionMinutes: number;
}

function vneidFrom(env: NodeJS.ProcessEnv, publicUrl: string): VneidConfig | null {
  const issuer = env.VNEID_ISSUER?.trim();
  if (!issuer) return null;
  for (const name of ['VNEID_CLIENT_ID', 'VNEID_CLIENT_SECRET'] as const) {
    if (!env[name]?.trim()) throw new Error(`${name} must be set when VNEID_ISSUER is set`);
  }
  const clientAuth = env.VNEID_CLIENT_AUTH?.trim() || null;
  if (clientAuth !== null && clientAuth !== 'client_secret_basic' && clientAuth !== 'client_secret_post') {
    throw new Error(`VNEID_CLIENT_AUTH must be client_secret_basic or client_secret_post, got "${clientAuth}"`);
  }
  const minutes = env.VNEID_SESSION_MINUTES ? Number(env.VNEID_SESSION_MINUTES) : 120;
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) {
    throw new Error(`VNEID_SESSION_MINUTES must be 5–1440, got "${env.VNEID_SESSION_MINUTES}"`);
  }
  return {
    issuer,
    clientId: (env.VNEID_CLIENT_ID as string).trim(),
    clientSecret: (env.VNEID_CLIENT_SECRET as string).trim(),
    redirectUri: env.VNEID_REDIRECT_URI?.trim() || `${publicUrl}/cong-dan/dang-nhap/vneid/callback`,
    scopes: env.VNEID_SCOPES?.trim() || 'openid profile',
    requiredAcr: (env.VNEID_REQUIRED_ACR ?? '').split(/[\s,]+/).filter(Boolean),
    idClaim: env.VNEID_ID_CLAIM?.trim() || 'citizen_id',
    clientAuth,
    sessionMinutes: minutes,
  };
}

function unitMapFrom(value: string | undefined, name: string): Record<string, string> {
  if (!value?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(`${name} must be a JSON object like {"<account id>":"<unit code>"}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new Error(`${name} must be a JSON object like {"<account id>":"<unit code>"}`);
  }
  return parsed as Record<string, string>;
}

function required(env: NodeJS.ProcessEnv, names: string[], because: string): void {
  for (const name of names) if (!env[name]?.trim()) throw new Error(`${name} must be set when ${because} is set`);
}

/** Notification transports and inbound channels from the environment (docs/notifications.md, docs/feedback.md). */
function channelsFrom(env: NodeJS.ProcessEnv, publicUrl: string): Pick<Config, 'smtp' | 'sms' | 'channels'> {
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const smsUrl = env.SMS_URL?.trim();
  if (smsUrl) required(env, ['SMS_API_KEY', 'SMS_SECRET', 'SMS_BRANDNAME'], 'SMS_URL');
  const zaloSecret = env.ZALO_OA_SECRET?.trim();
  if (zaloSecret) required(env, ['ZALO_APP_ID'], 'ZALO_OA_SECRET');
  const fbSecret = env.FACEBOOK_APP_SECRET?.trim();
  if (fbSecret) required(env, ['FACEBOOK_VERIFY_TOKEN'], 'FACEBOOK_APP_SECRET');
  const mailSecret = env.INBOUND_EMAIL_SECRET?.trim();
  if (mailSecret && mailSecret.length < 32) throw new Error('INBOUND_EMAIL_SECRET must be at least 32 characters');
  return {
    smtp: smtpUrl ? { url: smtpUrl, from: env.MAIL_FROM?.trim() || `Gần Dân <no-reply@${new URL(publicUrl).hostname}>` } : null,
    sms: smsUrl
      ? { url: smsUrl, apiKey: (env.SMS_API_KEY as string).trim(), secret: (env.SMS_SECRET as string).trim(), brandname: (env.SMS_BRANDNAME as string).trim() }
      : null,
    channels: {
      zalo: zaloSecret ? { appId: (env.ZALO_APP_ID as string).trim(), oaSecret: zaloSecret, units: unitMapFrom(env.ZALO_OA_UNITS, 'ZALO_OA_UNITS') } : null,
      facebook: fbSecret
        ? { appSecret: fbSecret, verifyToken: (env.FACEBOOK_VERIFY_TOKEN as string).trim(), units: unitMapFrom(env.FACEBOOK_PAGE_UNITS, 'FACEBOOK_PAGE_UNITS') }
        : null,
      email: mailSecret ? { secret: mailSecret } : null,
    },
  };
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be an integer 0–65535, got "${value}"`);
  return n;
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const demoFlag = env.DEMO;
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || null,
    readReplicaUrl: env.DATABASE_READ_URL || null,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    production,
    demo: production ? false : demoFlag !== '0' && demoFlag !== 'false',
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    secureCookies: env.SECURE_COOKIES === '1' || (production && env.SECURE_COOKIES !== '0'),
    publicUrl,
    worker: env.WORKER !== '0',
    vneid: vneidFrom(env, publicUrl),
    ...channelsFrom(env, publicUrl),
    paymentGateways: paymentGatewaysFrom(env),
  };
}
