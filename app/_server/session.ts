import "server-only";
import { getServerSession } from "next-auth";
import { authOptions, signInSettings } from "./auth-options";

export type Viewer =
  /** Sign-in is not configured: a local instance, its user is its owner. */
  { signInRequired: false } | { signInRequired: true; user: { email: string; name?: string } } | { signInRequired: true; user?: undefined };

/** Who is asking. Pages, actions and routes call this themselves: the proxy's check is a first line, not the only one. */
export async function currentViewer(): Promise<Viewer> {
  const settings = signInSettings();
  if (!settings.configured) return { signInRequired: false };
  const session = await getServerSession(authOptions(settings));
  const email = session?.user?.email;
  if (!email) return { signInRequired: true };
  return { signInRequired: true, user: { email, ...(session.user?.name ? { name: session.user.name } : {}) } };
}

/** True when the viewer may use the app's full features: signed in, or sign-in is not required. */
export function isAdmitted(viewer: Viewer): boolean {
  return !viewer.signInRequired || viewer.user !== undefined;
}

export const SIGN_IN_REQUIRED = "Sign in first: this Preflight is shared and needs your organisation's account.";
