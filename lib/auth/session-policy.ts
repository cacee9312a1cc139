// A session lasts at most 8 hours from sign-in, however active it is.
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
