import "server-only";
import { getServerSession, type Session } from "next-auth";
import { authOptions, signInSettings } from "./auth-options";

export type Viewer =
  /** Sign-in is not configured: a local instance, its user is its owner. */
  { signInRequired: false } | { signInRequired: true; user: { email: string; name?: string } } | { signInRequired: true; user?: undefined };

/** Who is asking. Pages, actions and routes call this themselves: the proxy's check is a first line, not the only one. */
export async function currentViewer(): Promise<Viewer> {
  const settings = signInSettings();
  if (!settings.configured) return { signInRequired: false };
  let session: Session | null;
  try {
    session = await getServerSession(authOptions(settings));
  } catch {
    // Outside a request (no cookies to read) or an unreadable session: nobody is signed in. Fails closed.
    return { signInRequired: true };
  }
  const email = session?.user?.email;
  if (!email) return { signInRequired: true };
  const name = session?.user?.name;
  return { signInRequired: true, user: { email, ...(name ? { name } : {}) } };
}

/** True when the viewer may use the app's full features: signed in, or sign-in is not required. */
export function isAdmitted(viewer: Viewer): boolean {
  return !viewer.signInRequired || viewer.user !== undefined;
}

export const SIGN_IN_REQUIRED = "Sign in first: this Preflight is shared and needs your organisation's account.";
