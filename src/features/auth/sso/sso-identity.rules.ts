// Pure rules of single sign-on: which e-mail a provider's claims vouch for, why a login is refused (and how that is
// said to the user), and where the browser may go afterwards. No I/O; shared with the web app's login page.

export const ssoRefusals = [
  'notConfigured',
  'providerUnavailable',
  'cancelled',
  'invalidResponse',
  'noVerifiedEmail',
  'domainNotAllowed',
  'unknownPerson',
  'ambiguousPerson',
  'noAccount',
  'accountDisabled',
] as const;

export type SsoRefusal = (typeof ssoRefusals)[number];

/** What the login page says for each refusal (the callback sends only the code, never text from outside). */
export const ssoRefusalMessages: Record<SsoRefusal, string> = {
  notConfigured: 'Innlogging med virksomhetens konto er ikke satt opp i portalen.',
  providerUnavailable:
    'Virksomhetens innloggingstjeneste svarer ikke nå. Prøv igjen om litt, eller kontakt brukerstøtte.',
  cancelled: 'Innloggingen med virksomhetens konto ble avbrutt.',
  invalidResponse:
    'Innloggingen kunne ikke fullføres: svaret fra innloggingstjenesten var ugyldig eller for gammelt. Prøv igjen.',
  noVerifiedEmail:
    'Virksomhetens konto har ingen bekreftet e-postadresse, så vi kan ikke finne deg i portalen. Kontakt porteføljesekretariatet.',
  domainNotAllowed:
    'E-postadressen på virksomhetens konto hører ikke til en virksomhet som bruker portalen. Kontakt porteføljesekretariatet.',
  unknownPerson:
    'Vi fant ingen person i portalen med e-postadressen på virksomhetens konto. Be porteføljesekretariatet registrere deg.',
  ambiguousPerson:
    'Flere personer i portalen har e-postadressen på virksomhetens konto. Be porteføljesekretariatet rydde opp.',
  noAccount:
    'Du er registrert i portalen, men har ingen brukertilgang ennå. Be porteføljesekretariatet gi deg tilgang.',
  accountDisabled: 'Brukertilgangen din i portalen er stengt. Kontakt porteføljesekretariatet.',
};

export function isSsoRefusal(value: unknown): value is SsoRefusal {
  return typeof value === 'string' && (ssoRefusals as readonly string[]).includes(value);
}

export interface EmailPolicy {
  /** The claim that must be boolean true (OpenID: `email_verified`; Entra ID: `xms_edov`). */
  verifiedClaim: string;
  /** Lower-case domains; empty accepts any. */
  allowedDomains: readonly string[];
}

const plausibleEmail = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

/** The e-mail the provider vouches for, lower-cased, or why there is none that may log in. */
export function verifiedEmailOf(
  claims: Readonly<Record<string, unknown>>,
  policy: EmailPolicy,
): { email: string } | { refusal: 'noVerifiedEmail' | 'domainNotAllowed'; email: string | null } {
  const raw = claims.email;
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
  const match = email ? plausibleEmail.exec(email) : null;
  // Only a real boolean true counts: a string "true", 1 or a missing claim is not a verification.
  if (!email || !match || claims[policy.verifiedClaim] !== true) return { refusal: 'noVerifiedEmail', email };
  if (policy.allowedDomains.length > 0 && !policy.allowedDomains.includes(match[1]!))
    return { refusal: 'domainNotAllowed', email };
  return { email };
}

/** Only a path inside the portal, never an absolute or protocol-relative address from the query string. */
export function safeNextPath(requested: string | undefined | null): string {
  if (!requested || !requested.startsWith('/') || requested.startsWith('//') || requested.includes('\\'))
    return '/';
  if (requested.length > 500 || [...requested].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  return requested;
}
