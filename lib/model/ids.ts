/**
 * What Preflight accepts as a REST API id, from a URL or the command line. AWS's ids are 10 lowercase
 * alphanumerics (e.g. "a1b2c3d4e5"); the bound is looser so emulator and future ids pass, and tight enough
 * that an id can never carry a path separator or query into a URL or an SDK call.
 */
export const REST_API_ID_PATTERN = /^[A-Za-z0-9]{1,64}$/;
