/**
 * DNS rebinding defence: a page on attacker.example can make its own name resolve to 127.0.0.1 and then read this
 * app with the victim's browser, but the browser still sends `Host: attacker.example`. Only Host names that are this
 * app's own are answered: loopback (any port, the local tool), the public URL (PREFLIGHT_PUBLIC_URL or NEXTAUTH_URL)
 * and PREFLIGHT_ALLOWED_HOSTS. https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/DNS_rebinding
 */
import { isLoopbackHost, publicUrlOf, splitHostHeader } from "@/lib/auth/deployment-env.mjs";

type Env = Readonly<Record<string, string | undefined>>;

/** "host" or "host:port" entries an operator may add (a second name, or the address a load balancer checks). */
function extraHosts(env: Env): string[] {
  return (env.PREFLIGHT_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/** Why a request with this Host header is refused, or undefined when the host is this app's own. */
export function hostRefusal(hostHeader: string | null, env: Env): string | undefined {
  const host = hostHeader ? splitHostHeader(hostHeader) : undefined;
  if (!host || host.hostname === "") return "This request has no valid Host header.";
  if (isLoopbackHost(host.hostname)) return undefined;
  const publicUrl = publicUrlOf(env);
  if (publicUrl) {
    const publicPort = publicUrl.port || DEFAULT_PORTS[publicUrl.protocol] || "";
    const port = host.port ?? DEFAULT_PORTS[publicUrl.protocol] ?? "";
    if (publicUrl.hostname.toLowerCase().replace(/^\[|\]$/g, "") === host.hostname && port === publicPort) return undefined;
  }
  const extra = extraHosts(env);
  if (extra.includes(host.hostname) || (host.port && extra.includes(`${host.hostname}:${host.port}`))) return undefined;
  return `This Preflight does not answer for the host "${host.hostname}". It answers on loopback and at ${
    publicUrl ? publicUrl.origin : "no public URL (set PREFLIGHT_PUBLIC_URL)"
  }; a browser sending another Host is either misconfigured or being used for DNS rebinding.`;
}
