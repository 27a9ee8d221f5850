import { describe, expect, it } from "vitest";
import { hostRefusal } from "@/lib/auth/host-check";

describe("hostRefusal (DNS rebinding)", () => {
  it("answers loopback on any port and refuses every other name when no public URL is set", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3210", "[::1]:3000", "localhost"]) expect(hostRefusal(host, {}), host).toBeUndefined();
    expect(hostRefusal("attacker.example:3000", {})).toMatch(/does not answer for the host "attacker\.example"/);
    expect(hostRefusal("192.168.1.20:3000", {})).toMatch(/set PREFLIGHT_PUBLIC_URL/);
    expect(hostRefusal(null, {})).toMatch(/no valid Host/);
  });

  it("answers the public URL's host and port, default port included, and nothing that merely contains it", () => {
    const env = { PREFLIGHT_PUBLIC_URL: "https://preflight.example.com" };
    expect(hostRefusal("preflight.example.com", env)).toBeUndefined();
    expect(hostRefusal("preflight.example.com:443", env)).toBeUndefined();
    expect(hostRefusal("PREFLIGHT.example.com", env)).toBeUndefined();
    expect(hostRefusal("preflight.example.com:8443", env)).toBeDefined();
    expect(hostRefusal("preflight.example.com.attacker.example", env)).toBeDefined();
    expect(hostRefusal("internal-lb:3000", { ...env, PREFLIGHT_ALLOWED_HOSTS: "internal-lb:3000" })).toBeUndefined();
  });
});
