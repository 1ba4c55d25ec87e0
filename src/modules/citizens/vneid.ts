/**
 * VNeID as an OpenID Connect provider, seen from Gần Dân as the relying party, through panva's `openid-client` (v6):
 * discovery from the issuer, authorization code flow with PKCE (S256), `state` and `nonce`, client authentication with
 * the client secret (basic or post, as the provider's discovery document allows), ID-token validation by the library
 * (signature, issuer, audience, expiry, nonce), then the userinfo endpoint.
 *
 * Every failure becomes an AppError with a VNEID_* code; only the error's class and code are logged (responses carry
 * personal data).
 */
import type { FastifyBaseLogger } from 'fastify';
import * as oidc from 'openid-client';
import type { VneidConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import type { PendingFlow } from './rules/sign-in-flow.ts';

/** How long one request to VNeID may take. */
const TIMEOUT_SECONDS = 10;
/** Discovery is read again after this long (keys are fetched and cached by the library on their own). */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

/** What a completed sign-in tells us about the person. */
export interface VneidIdentity {
  issuer: string;
  subject: string;
  acr: string | null;
  /** ID-token claims with the userinfo claims over them. */
  claims: Record<string, unknown>;
}

/** Plain http is accepted only for a provider on this machine (the local stand-in used in development and tests). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
}

/** Network trouble (refused, reset, DNS, timeout) anywhere in the cause chain. */
function isNetworkError(err: unknown): boolean {
  for (let e = err as { name?: string; code?: string; message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_)/.test(e.code)) return true;
    if (e.name === 'TypeError' && e.message === 'fetch failed') return true;
  }
  return false;
}

export class VneidClient {
  private discovered: { at: number; config: Promise<oidc.Configuration> } | null = null;

  constructor(
    readonly settings: VneidConfig,
    private readonly log: FastifyBaseLogger,
  ) {}

  private fail(err: unknown, step: string): AppError {
    if (err instanceof AppError) return err;
    const e = err as { name?: string; code?: string; error?: string };
    this.log.warn({ step, errName: e.name, errCode: e.code, oauthError: e.error }, 'VNeID sign-in step failed');
    return new AppError(isNetworkError(err) ? 'VNEID_UNAVAILABLE' : 'VNEID_SIGN_IN_FAILED');
  }

  /** The provider's configuration, discovered once an hour; a failed discovery is not cached. */
  private configuration(now: number): Promise<oidc.Configuration> {
    if (this.discovered && now - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.config;
    const s = this.settings;
    const issuer = new URL(s.issuer);
    const insecure = isLoopback(issuer);
    const config = (async () => {
      const found = await oidc.discovery(issuer, s.clientId, s.clientSecret, undefined, {
        timeout: TIMEOUT_SECONDS,
        execute: insecure ? [oidc.allowInsecureRequests] : [],
      });
      const server = found.serverMetadata();
      // OpenID Connect Discovery: an absent list means client_secret_basic only.
      const methods = server.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
      const method = s.clientAuth ?? (methods.includes('client_secret_basic') ? 'client_secret_basic' : 'client_secret_post');
      const auth = method === 'client_secret_basic' ? oidc.ClientSecretBasic(s.clientSecret) : oidc.ClientSecretPost(s.clientSecret);
      const configured = new oidc.Configuration(server, s.clientId, { client_secret: s.clientSecret }, auth);
      configured.timeout = TIMEOUT_SECONDS;
      if (insecure) oidc.allowInsecureRequests(configured);
      return configured;
    })();
    this.discovered = { at: now, config };
    config.catch(() => {
      if (this.discovered?.config === config) this.discovered = null;
    });
    return config;
  }

  /** A fresh flow (state, nonce, PKCE verifier) and the provider URL to send the browser to. */
  async start(now: number): Promise<{ flow: PendingFlow; url: string }> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration(now);
    } catch (err) {
      throw this.fail(err, 'discovery');
    }
    const flow: PendingFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), startedAt: now };
    const params: Record<string, string> = {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      ui_locales: 'vi',
    };
    // Ask for the level we require; the ID token's `acr` is still checked on return (a request is only a wish).
    if (this.settings.requiredAcr.length) params.acr_values = this.settings.requiredAcr.join(' ');
    return { flow, url: oidc.buildAuthorizationUrl(config, params).href };
  }

  /**
   * Completes a sign-in from the callback's query string: exchanges the code with the PKCE verifier, lets the library
   * validate the response and the ID token (state, nonce, issuer, audience, signature, expiry), then reads userinfo.
   */
  async complete(query: string, flow: PendingFlow, now: number): Promise<VneidIdentity> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration(now);
    } catch (err) {
      throw this.fail(err, 'discovery');
    }
    // The URL VNeID redirected to, rebuilt from the registered redirect URI (not from Host headers behind a proxy).
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw this.fail(err, 'token');
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('VNEID_SIGN_IN_FAILED');
    let userinfo: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint) {
      try {
        userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      } catch (err) {
        throw this.fail(err, 'userinfo');
      }
    }
    return {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      acr: typeof idClaims.acr === 'string' ? idClaims.acr : null,
      claims: { ...idClaims, ...userinfo },
    };
  }
}
