/**
 * A real OpenID provider on 127.0.0.1 standing in for VNeID, for tests and local development. Not product code: nothing
 * under src/ may import it.
 *
 * It is panva's certified `oidc-provider` (v9; it warns "Unsupported runtime" on Node 20 and works) with one confidential
 * client, PKCE (S256) required, RS256-signed ID tokens, a userinfo endpoint, and a minimal interaction of our own: a
 * sign-in page where the tester picks a test account, then a consent page. Claims are the standard OpenID Connect ones
 * (`name`, `birthdate`, `gender`, `address`, `phone_number`, `email`) plus the personal ID number under `idClaim`. Each
 * account signs in with an `acr` standing for its VNeID level ("muc-do-1" / "muc-do-2": our own labels, VNeID publishes
 * none).
 *
 * Run it beside `npm start` (it prints the settings to give the app):
 *
 *   npx tsx test/stand-ins/oidc-provider.ts            # port 4400, app at PUBLIC_URL or http://localhost:3000
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

export interface StandInAccount {
  /** The provider's subject identifier for the person. */
  sub: string;
  /** `acr` the ID token carries after this account signs in. */
  acr: string;
  claims: {
    name: string;
    birthdate?: string;
    gender?: string;
    address?: { formatted: string };
    phone_number?: string;
    email?: string;
    /** The 12-digit personal ID number, returned under the provider's `idClaim`. */
    idNumber?: string;
  };
}

/** Test accounts: a level-2 citizen with a name full of diacritics, a neighbour, and a level-1 account. */
export const standInAccounts: StandInAccount[] = [
  {
    sub: 'vneid-sub-0001',
    acr: 'muc-do-2',
    claims: {
      name: 'Trần Thị Ánh Tuyết',
      birthdate: '1990-04-15',
      gender: 'female',
      address: { formatted: 'Số 12 đường Lê Lợi, Phường 1, Thành phố Cao Lãnh, Đồng Tháp' },
      phone_number: '0912 345 678',
      email: 'anh.tuyet@example.vn',
      idNumber: '087190001234',
    },
  },
  {
    sub: 'vneid-sub-0002',
    acr: 'muc-do-2',
    claims: {
      name: 'Nguyễn Văn Hùng',
      birthdate: '1985-11-02',
      gender: 'male',
      address: { formatted: 'Ấp 3, xã Mỹ Tân, Đồng Tháp' },
      idNumber: '087085004321',
    },
  },
  {
    sub: 'vneid-sub-0003',
    acr: 'muc-do-1',
    claims: { name: 'Lê Thị Mức Một', birthdate: '2001-01-01', gender: 'female', idNumber: '087301009999' },
  },
];

export interface StandInOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** 0 (default) picks a free port. */
  port?: number;
  accounts?: StandInAccount[];
  /** Claim name of the personal ID number (the app's VNEID_ID_CLAIM). */
  idClaim?: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface StandIn {
  issuer: string;
  port: number;
  accounts: StandInAccount[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · VNeID (thử nghiệm)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:30rem;margin:1rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem;margin:.25rem 0}
fieldset{border:1px solid #888;margin:0 0 1rem}label{display:block;margin:.25rem 0}.note{color:#555}</style></head>
<body><main><p class="note">Máy chủ VNeID thử nghiệm (không phải VNeID thật)</p><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      data += d;
      if (data.length > 10_000) req.destroy();
    });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

/** Starts the stand-in provider on 127.0.0.1; `close()` stops it. */
export async function startOidcProvider(opts: StandInOptions): Promise<StandIn> {
  const accounts = opts.accounts ?? standInAccounts;
  const idClaim = opts.idClaim ?? 'citizen_id';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: opts.tokenEndpointAuthMethod ?? 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    acrValues: ['muc-do-1', 'muc-do-2'],
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub'],
      profile: ['name', 'birthdate', 'gender', idClaim],
      address: ['address'],
      phone: ['phone_number'],
      email: ['email'],
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'stand-in-1' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.find((a) => a.sub === sub);
      if (!account) return undefined;
      const { idNumber, ...standard } = account.claims;
      return { accountId: sub, claims: async () => ({ sub, ...standard, ...(idNumber ? { [idClaim]: idNumber } : {}) }) };
    },
  });
  const handle = provider.callback();

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const uid = details.uid;
    const [, , , action] = path.split('/');
    const send = (html: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    };
    if (req.method === 'GET' && details.prompt.name === 'login') {
      const options = accounts
        .map((a, i) => {
          const label = `${a.claims.name} (${a.claims.idNumber ?? 'không có số định danh'}, ${a.acr})`;
          return `<label><input type="radio" name="account" value="${esc(a.sub)}"${i === 0 ? ' checked' : ''}> ${esc(label)}</label>`;
        })
        .join('');
      return send(
        page(
          'Đăng nhập VNeID',
          `<form method="post" action="/interaction/${esc(uid)}/login"><fieldset><legend>Chọn tài khoản thử nghiệm</legend>${options}</fieldset>
<button type="submit">Đăng nhập</button></form>`,
        ),
      );
    }
    if (req.method === 'GET' && details.prompt.name === 'consent') {
      const scopes = String(details.params.scope ?? '').split(' ');
      return send(
        page(
          'Chia sẻ thông tin',
          `<p>Ứng dụng <strong>${esc(details.params.client_id)}</strong> đề nghị được dùng thông tin: ${esc(scopes.join(', '))}.</p>
<form method="post" action="/interaction/${esc(uid)}/confirm"><button type="submit">Đồng ý</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit">Từ chối</button></form>`,
        ),
      );
    }
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const account = accounts.find((a) => a.sub === form.get('account'));
      if (!account) return send(page('Đăng nhập VNeID', '<p>Không có tài khoản này.</p>'));
      return provider.interactionFinished(req, res, { login: { accountId: account.sub, acr: account.acr, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
    }
    if (req.method === 'POST' && action === 'confirm') {
      await readForm(req);
      const accountId = details.session?.accountId as string;
      const grant = (details.grantId && (await provider.Grant.find(details.grantId))) || new provider.Grant({ accountId, clientId: details.params.client_id });
      if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
      if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'POST' && action === 'abort') {
      await readForm(req);
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(404).end();
  }

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path.startsWith('/interaction/')) {
      interaction(req, res, path).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`interaction failed: ${(err as Error).message}`);
      });
      return;
    }
    handle(req, res);
  });

  return {
    issuer,
    port,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `npx tsx test/stand-ins/oidc-provider.ts`: a provider for a developer's `npm start`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
  const redirectUri = `${publicUrl}/cong-dan/dang-nhap/vneid/callback`;
  const clientId = 'gan-dan-local';
  const clientSecret = randomBytes(24).toString('base64url');
  const standIn = await startOidcProvider({ clientId, clientSecret, redirectUris: [redirectUri], port: Number(process.env.VNEID_STANDIN_PORT || 4400) });
  process.stdout.write(
    [
      `Local VNeID stand-in at ${standIn.issuer} (test accounts: ${standIn.accounts.map((a) => a.claims.name).join(', ')}).`,
      'Start the app beside it with:',
      '',
      `VNEID_ISSUER=${standIn.issuer} VNEID_CLIENT_ID=${clientId} VNEID_CLIENT_SECRET=${clientSecret} \\`,
      `  VNEID_SCOPES="openid profile address phone email" VNEID_REQUIRED_ACR=muc-do-2 npm start`,
      '',
      `then open ${publicUrl}/cong-dan. Ctrl-C stops the provider.`,
      '',
    ].join('\n'),
  );
}
