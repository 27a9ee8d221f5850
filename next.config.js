/** @type {import('next').NextConfig} */
const nextConfig = {
  // The AWS SDK and native stores run only on the server; keep them out of the bundler. web-tree-sitter and the HCL
  // grammar (Terraform template reader) read their .wasm files from node_modules at run time.
  serverExternalPackages: [
    "@aws-sdk/client-api-gateway",
    "@aws-sdk/credential-providers",
    "web-tree-sitter",
    "@tree-sitter-grammars/tree-sitter-hcl",
  ],
  poweredByHeader: false,
  // Security headers on every response, static files included; the per-request Content-Security-Policy (with its
  // nonce) and the DNS-rebinding Host check are in proxy.ts. Values: lib/auth/security-headers.ts STATIC_SECURITY_HEADERS.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  // `npm test` type-checks the whole project (tests included) as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // Template uploads (app/actions/templates.ts) are a server action; Next's 1 MB default would refuse most folders.
    // The limit is the loader's total (lib/templates/files/file-tree.ts LIMITS.totalBytes, 50 MiB) plus 10 MiB for the
    // multipart framing and path fields of up to 5,000 files (2 KiB each). Next counts the bytes while streaming and answers 413
    // beyond it (https://nextjs.org/docs/app/api-reference/config/next-config-js/serverActions#bodysizelimit).
    serverActions: { bodySizeLimit: "60mb" },
  },
};

export default nextConfig;
