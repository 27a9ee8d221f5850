/** @type {import('next').NextConfig} */
const nextConfig = {
  // The AWS SDK and native stores run only on the server; keep them out of the bundler.
  serverExternalPackages: ["@aws-sdk/client-api-gateway", "@aws-sdk/credential-providers"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
