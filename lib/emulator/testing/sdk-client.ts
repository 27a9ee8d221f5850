import { APIGatewayClient } from "@aws-sdk/client-api-gateway";

/** A real SDK client pointed at the emulator, with fake credentials (signatures are not checked). */
export function emulatorClient(
  url: string,
  options: { region?: string; accessKeyId?: string; maxAttempts?: number } = {},
): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: url,
    region: options.region ?? "us-east-1",
    credentials: { accessKeyId: options.accessKeyId ?? "AKIAEMULATORDEFAULT1", secretAccessKey: "fake-secret" },
    maxAttempts: options.maxAttempts ?? 1,
  });
}
