// Settings of sign-in that the server and the routes share.

/** The session cookie's name (HttpOnly, SameSite=Lax; Secure when STYR_COOKIE_SECURE=true). */
export const SESSION_COOKIE = 'styr_session';
