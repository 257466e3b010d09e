// A real OpenID Connect provider for the single sign-on tests (`oidc-provider`, as an organisation's Entra ID would
// be), on 127.0.0.1 with a port of its own: discovery, authorization with PKCE, a login page that checks passwords
// against a small account store, a consent page, token, userinfo, end_session. Plus a tiny cookie-keeping browser
// (`ProviderBrowser`) for the API tests, which walks the same pages over HTTP.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AdapterPayload, type Configuration } from 'oidc-provider';

export interface TestAccount {
  /** What the user types as their login at the provider (also the subject). */
  login: string;
  password: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The environment that points the portal at this provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The provider's storage (sessions, interactions, codes, grants) in memory, per model, with expiry. */
class MemoryAdapter {
  private static readonly stores = new Map<
    string,
    Map<string, { payload: AdapterPayload; expiresAt: number }>
  >();
  private readonly store: Map<string, { payload: AdapterPayload; expiresAt: number }>;

  constructor(name: string) {
    const existing = MemoryAdapter.stores.get(name) ?? new Map();
    MemoryAdapter.stores.set(name, existing);
    this.store = existing;
  }
  async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
    this.store.set(id, { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }
  async find(id: string) {
    const entry = this.store.get(id);
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    return entry.payload;
  }
  async findByUid(uid: string) {
    for (const [id, entry] of this.store) if (entry.payload.uid === uid) return this.find(id);
    return undefined;
  }
  async findByUserCode(userCode: string) {
    for (const [id, entry] of this.store) if (entry.payload.userCode === userCode) return this.find(id);
    return undefined;
  }
  async consume(id: string) {
    const entry = this.store.get(id);
    if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
  }
  async destroy(id: string) {
    this.store.delete(id);
  }
  async revokeByGrantId(grantId: string) {
    for (const [id, entry] of this.store) if (entry.payload.grantId === grantId) this.store.delete(id);
  }
}

/**
 * Starts the provider. `portalUrl` is where the portal is reached (its callback and login page are registered
 * as the client's redirect and post-logout addresses).
 */
export async function startTestProvider(options: {
  portalUrl: string;
  accounts: TestAccount[];
}): Promise<TestProvider> {
  const clientId = 'styringsportalen';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map(options.accounts.map((account) => [account.login, account]));

  async function interactions(request: http.IncomingMessage, response: http.ServerResponse) {
    const details = await provider.interactionDetails(request, response);
    const path = new URL(request.url!, 'http://x').pathname;
    const send = (html: string, status = 200) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    };
    if (request.method === 'GET' && details.prompt.name === 'login')
      return send(
        page(
          'Logg på med organisasjonskontoen',
          `<form method="post" action="/interaction/${details.uid}/login">
            <label>Brukernavn <input name="login" autocomplete="username"></label>
            <label>Passord <input name="password" type="password" autocomplete="current-password"></label>
            <button type="submit">Logg på</button></form>`,
        ),
      );
    if (request.method === 'GET' && details.prompt.name === 'consent')
      return send(
        page(
          'Gi Styringsportalen tilgang',
          `<p>Styringsportalen ber om navn og e-postadresse.</p>
          <form method="post" action="/interaction/${details.uid}/confirm"><button type="submit">Godta</button></form>`,
        ),
      );
    if (request.method === 'POST' && path.endsWith('/login')) {
      const form = await readForm(request);
      const account = accounts.get(form.get('login') ?? '');
      if (!account || account.password !== form.get('password'))
        return send(page('Feil brukernavn eller passord', '<p>Prøv igjen.</p>'), 401);
      return provider.interactionFinished(
        request,
        response,
        { login: { accountId: account.login } },
        { mergeWithLastSubmission: false },
      );
    }
    if (request.method === 'POST' && path.endsWith('/confirm')) {
      const { prompt, params, session, grantId } = details;
      const grant = grantId
        ? (await provider.Grant.find(grantId))!
        : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      return provider.interactionFinished(
        request,
        response,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    }
    return send(page('Ukjent side', ''), 404);
  }

  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/interaction/'))
      interactions(request, response).catch((error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error.message);
      });
    else void provider.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    adapter: MemoryAdapter,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.portalUrl}/api/auth/sso/callback`],
        post_logout_redirect_uris: [`${options.portalUrl}/logg-inn`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] as never },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'Logge av?',
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, logg meg av</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('Du er logget av', '');
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Feil', `<pre>${escapeHtml(JSON.stringify(out))}</pre>`);
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);

  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      STYR_OIDC_ISSUER: issuer,
      STYR_OIDC_CLIENT_ID: clientId,
      STYR_OIDC_CLIENT_SECRET: clientSecret,
      STYR_OIDC_REDIRECT_URL: `${options.portalUrl}/api/auth/sso/callback`,
      STYR_PUBLIC_URL: options.portalUrl,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser reduced to a cookie jar: follows the provider's pages by hand (for the API tests). */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      const text = value.join('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || text === '')
        this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), text);
    }
    return response;
  }

  /**
   * From the provider's authorization address to the portal callback address it redirects to: signs in with
   * the login and password, consents when asked. Returns the callback URL (the portal's answer is the caller's).
   */
  async signIn(authorizationUrl: string, login: string, password: string): Promise<URL> {
    let url = authorizationUrl;
    for (let step = 0; step < 12; step += 1) {
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.pathname === '/api/auth/sso/callback') return next;
        url = next.href;
        continue;
      }
      const html = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (response.status !== 200 || !action)
        throw new Error(`Unexpected provider page ${response.status}: ${html.slice(0, 300)}`);
      const form: Record<string, string> = action.endsWith('/login') ? { login, password } : {};
      const submitted = await this.request(new URL(action, url).href, { method: 'POST', form });
      const after = submitted.headers.get('location');
      if (!after) throw new Error(`Provider refused the form ${submitted.status}: ${await submitted.text()}`);
      url = new URL(after, url).href;
      if (new URL(url).pathname === '/api/auth/sso/callback') return new URL(url);
    }
    throw new Error('The provider did not send the browser back to the portal');
  }
}
