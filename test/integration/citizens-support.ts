/**
 * Citizen sign-in for tests, through the real door: the local OpenID provider (test/stand-ins/oidc-provider.ts) on
 * 127.0.0.1, the app's start route, the provider's sign-in and consent pages over HTTP, and the app's callback. The app
 * side is reached through `AppFetch`, so the same walk serves an app listening on a port and one called in-process.
 */
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import type { System } from '../../src/compose.ts';
import { csrfFrom, type Session, sessionOf } from '../helpers.ts';
import { type StandIn, type StandInAccount, standInAccounts, startOidcProvider } from '../stand-ins/oidc-provider.ts';

export const TUYET = standInAccounts[0] as StandInAccount;
export const HUNG = standInAccounts[1] as StandInAccount;
export const LEVEL_ONE = standInAccounts[2] as StandInAccount;

export const CALLBACK_PATH = '/cong-dan/dang-nhap/vneid/callback';

/** Starts the stand-in for an app served at `publicUrl`; returns it with the app settings that point at it. */
export async function startVneidStandIn(
  publicUrl = 'http://localhost:3000',
  opts: { tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post'; requiredAcr?: string } = {},
): Promise<{ standIn: StandIn; env: Record<string, string> }> {
  const clientId = `gan-dan-test-${randomBytes(3).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const standIn = await startOidcProvider({
    clientId,
    clientSecret,
    redirectUris: [`${publicUrl}${CALLBACK_PATH}`],
    tokenEndpointAuthMethod: opts.tokenEndpointAuthMethod,
  });
  after(() => standIn.close());
  return {
    standIn,
    env: {
      PUBLIC_URL: publicUrl,
      VNEID_ISSUER: standIn.issuer,
      VNEID_CLIENT_ID: clientId,
      VNEID_CLIENT_SECRET: clientSecret,
      VNEID_SCOPES: 'openid profile address phone email',
      VNEID_REQUIRED_ACR: opts.requiredAcr ?? 'muc-do-2',
    },
  };
}

/** One answer from the app. */
export interface AppAnswer {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}
/** GETs or POSTs a path (with query) on the app with a cookie header. */
export type AppFetch = (path: string, cookie: string, init?: { method?: 'POST'; form?: Record<string, string> }) => Promise<AppAnswer>;

/** AppFetch for an app listening at `base`. */
export function httpApp(base: string): AppFetch {
  return async (path, cookie, init) => {
    const res = await fetch(`${base}${path}`, {
      method: init?.method ?? 'GET',
      redirect: 'manual',
      headers: { cookie, accept: 'text/html', ...(init?.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init?.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    return { status: res.status, location: res.headers.get('location'), setCookie: res.headers.getSetCookie(), body: await res.text() };
  };
}

/** AppFetch for the app in-process (light-my-request). */
export function injectApp(sys: System): AppFetch {
  return async (path, cookie, init) => {
    const res = await sys.app.inject({
      method: init?.method ?? 'GET',
      url: path,
      headers: { cookie, accept: 'text/html', ...(init?.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: init?.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const set = res.headers['set-cookie'];
    return {
      status: res.statusCode,
      location: (res.headers.location as string | undefined) ?? null,
      setCookie: Array.isArray(set) ? set : set ? [set] : [],
      body: res.body,
    };
  };
}

/** The app's session cookie (`gd_sid=…`) from a response, or the one we had. */
export function sessionCookie(answer: { setCookie: string[] }, previous = ''): string {
  const sid = answer.setCookie.find((c) => c.startsWith('gd_sid='));
  return sid ? (sid.split(';')[0] as string) : previous;
}

/** Cookies of the provider's origin (one host: path and domain ignored). */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = (pair as string).indexOf('=');
      const name = (pair as string).slice(0, i);
      const value = (pair as string).slice(i + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

type Walked = { callback: string } | { page: string; url: string; status: number };

/** Follows the provider's redirects until it shows a page, or sends the browser back to the app's callback. */
async function walk(url: string, jar: Jar, form?: Record<string, string>): Promise<Walked> {
  let next = url;
  let body = form;
  for (let i = 0; i < 12; i++) {
    const res = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
    });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location') as string, next);
      if (location.pathname === CALLBACK_PATH) return { callback: location.href };
      next = location.href;
      body = undefined;
      continue;
    }
    return { page: await res.text(), url: next, status: res.status };
  }
  throw new Error('too many redirects at the provider');
}

function formAction(page: string, url: string, contains: string): string {
  const actions = [...page.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1] as string);
  const action = actions.find((a) => a.includes(contains));
  if (!action) throw new Error(`no ${contains} form on the provider page: ${page.slice(0, 300)}`);
  return new URL(action, url).href;
}

/**
 * Starts a sign-in at the app and completes the provider's pages as `account`; returns the app cookie of the started
 * flow and the callback URL the provider sent the browser to (not yet visited).
 */
export async function loginAtProvider(
  app: AppFetch,
  opts: { account?: StandInAccount; consent?: 'accept' | 'refuse'; cookie?: string } = {},
): Promise<{ cookie: string; callback: string }> {
  const start = await app('/cong-dan/dang-nhap/vneid', opts.cookie ?? '');
  if (start.status !== 303 || !start.location) throw new Error(`sign-in start answered ${start.status}: ${start.body.slice(0, 300)}`);
  const cookie = sessionCookie(start, opts.cookie ?? '');
  const jar = new Jar();
  const login = await walk(start.location, jar);
  if ('callback' in login) throw new Error('the provider skipped its sign-in page');
  const consent = await walk(formAction(login.page, login.url, '/login'), jar, { account: (opts.account ?? TUYET).sub });
  if ('callback' in consent) return { cookie, callback: consent.callback };
  const done = await walk(formAction(consent.page, consent.url, opts.consent === 'refuse' ? '/abort' : '/confirm'), jar, {});
  if (!('callback' in done)) throw new Error(`the provider did not send the browser back: ${done.status} ${done.page.slice(0, 300)}`);
  return { cookie, callback: done.callback };
}

/** Path and query of a callback URL (the app may be reached in-process). */
export function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** Signs a citizen in all the way; returns their session cookie and a CSRF token from /cong-dan. */
export async function signInCitizen(app: AppFetch, account: StandInAccount = TUYET): Promise<{ cookie: string; csrf: string; before: string }> {
  const { cookie: before, callback } = await loginAtProvider(app, { account });
  const back = await app(pathOf(callback), before);
  if (back.status !== 303 || back.location !== '/cong-dan') throw new Error(`callback answered ${back.status}: ${back.body.slice(0, 500)}`);
  let cookie = sessionCookie(back, before);
  const home = await app('/cong-dan', cookie);
  if (home.status !== 200) throw new Error(`/cong-dan answered ${home.status}`);
  cookie = sessionCookie(home, cookie);
  return { cookie, csrf: csrfFrom(home.body), before };
}

/** A citizen's session in the shape of test/helpers.ts `Session` (in-process requests with cookie and CSRF token). */
export async function citizenSession(sys: System, account: StandInAccount = TUYET): Promise<Session> {
  const { cookie, csrf } = await signInCitizen(injectApp(sys), account);
  return sessionOf(sys, cookie, csrf);
}
