import type { ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { collectAll } from "@/lib/aws/client/paginate";

/**
 * The per-method baseline the benchmark compares against: what readers such as Prowler do, GetResources
 * without embed, then one GetMethod per method (plus the same authorizer, stage, gateway-response and
 * deployment reads as Preflight's reader). Same port, same limiter and retries, so only the call
 * pattern differs. Never used outside the benchmark.
 */
export async function readApiPerMethod(port: ApiGatewayPort, restApiId: string): Promise<{ methods: number }> {
  const stagesAndRest = Promise.all([
    port.getRestApi(restApiId),
    collectAll((p) => port.getAuthorizers(restApiId, p, 500)),
    collectAll((p) => port.getGatewayResponses(restApiId, p, 500)),
    port
      .getStages(restApiId)
      .then((stages) =>
        Promise.all(
          [...new Set(stages.map((s) => s.deploymentId).filter((d): d is string => !!d))].map((d) => port.getDeployment(restApiId, d)),
        ),
      ),
  ]);
  const resources = await collectAll((p) => port.getResources(restApiId, p, 500, false));
  const methodCalls = resources.flatMap((r) =>
    Object.keys(r.resourceMethods ?? {}).map((verb) => port.getMethod(restApiId, r.id ?? "", verb)),
  );
  await Promise.all([stagesAndRest, ...methodCalls]);
  return { methods: methodCalls.length };
}
