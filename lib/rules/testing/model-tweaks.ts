import type { ApiModel, HttpVerb, IntegrationModel } from "@/lib/model/types";

/**
 * Small post-build edits for fields the fluent model builder does not offer (kept apart so the builder,
 * which other work is rebuilding, stays untouched): API-level settings and integration details.
 */
export function withApi(model: ApiModel, api: Partial<ApiModel["api"]>): ApiModel {
  return { ...model, api: { ...model.api, ...api } };
}

export function withIntegration(
  model: ApiModel,
  path: string,
  verb: HttpVerb,
  edit: (integration: IntegrationModel) => IntegrationModel,
): ApiModel {
  return {
    ...model,
    resources: model.resources.map((resource) =>
      resource.path !== path
        ? resource
        : {
            ...resource,
            methods: resource.methods.map((m) =>
              m.httpMethod === verb && m.integration ? { ...m, integration: edit(structuredClone(m.integration)) } : m,
            ),
          },
    ),
  };
}
