/**
 * Test support: a small but realistic `terraform show -json <planfile>` output, written by hand after the documented
 * format (https://developer.hashicorp.com/terraform/internals/json-format): a new REST API whose ids are unknown
 * until apply (so planned_values omits them and resource_changes marks them in after_unknown), references taken
 * from `configuration`, a child module, and an already existing authorizer whose id is known.
 */
const unknownIds = { id: true, root_resource_id: true, execution_arn: true, created_date: true };

function change(
  address: string,
  type: string,
  after: Record<string, unknown>,
  afterUnknown: Record<string, unknown>,
  moduleAddress?: string,
) {
  const name = address.split(".").pop();
  return {
    address,
    ...(moduleAddress ? { module_address: moduleAddress } : {}),
    mode: "managed",
    type,
    name,
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: { actions: ["create"], before: null, after, after_unknown: afterUnknown, before_sensitive: false, after_sensitive: {} },
  };
}

function planned(address: string, type: string, values: Record<string, unknown>) {
  return {
    address,
    mode: "managed",
    type,
    name: address.split(".").pop(),
    provider_name: "registry.terraform.io/hashicorp/aws",
    schema_version: 0,
    values,
    sensitive_values: {},
  };
}

const api = {
  name: "orders",
  description: null,
  api_key_source: "HEADER",
  binary_media_types: [],
  endpoint_configuration: [{ types: ["REGIONAL"], vpc_endpoint_ids: [] }],
  policy: null,
  body: null,
  tags: null,
};
const orders = { path_part: "orders" };
const get = {
  http_method: "GET",
  authorization: "CUSTOM",
  api_key_required: false,
  authorization_scopes: null,
  request_models: null,
  request_parameters: null,
  operation_name: null,
};
const options = {
  http_method: "OPTIONS",
  authorization: "CUSTOM",
  api_key_required: true,
  authorization_scopes: null,
  request_models: null,
  request_parameters: null,
  operation_name: null,
};
/** An authorizer that already exists (known id), for the relinking test. */
export const EXISTING_AUTHORIZER = {
  id: "abc123",
  rest_api_id: "r3st4p1",
  name: "token",
  type: "TOKEN",
  authorizer_uri:
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:auth/invocations",
  identity_source: "method.request.header.Authorization",
  authorizer_result_ttl_in_seconds: 300,
  identity_validation_expression: "",
  provider_arns: null,
};
const stage = {
  stage_name: "prod",
  cache_cluster_enabled: true,
  cache_cluster_size: "0.5",
  xray_tracing_enabled: false,
  variables: { backend: "https://example.com" },
  description: null,
};
const settings = {
  method_path: "orders/GET",
  settings: [
    {
      caching_enabled: true,
      cache_ttl_in_seconds: 300,
      cache_data_encrypted: false,
      metrics_enabled: false,
      logging_level: "OFF",
      data_trace_enabled: false,
      require_authorization_for_cache_control: true,
      unauthorized_cache_control_header_strategy: "SUCCEED_WITH_RESPONSE_HEADER",
      throttling_burst_limit: -1,
      throttling_rate_limit: -1,
    },
  ],
};

const refs = (target: string) => ({ references: [target, target.slice(0, target.lastIndexOf("."))] });

export const PLAN_JSON = {
  format_version: "1.2",
  terraform_version: "1.9.5",
  planned_values: {
    root_module: {
      resources: [
        planned("aws_api_gateway_rest_api.orders", "aws_api_gateway_rest_api", api),
        planned("aws_api_gateway_resource.orders", "aws_api_gateway_resource", orders),
        planned("aws_api_gateway_method.get", "aws_api_gateway_method", get),
        planned("aws_api_gateway_deployment.d", "aws_api_gateway_deployment", { description: null, triggers: null, variables: null }),
        planned("aws_api_gateway_stage.prod", "aws_api_gateway_stage", stage),
        planned("aws_api_gateway_method_settings.orders_get", "aws_api_gateway_method_settings", settings),
      ],
      child_modules: [
        {
          address: "module.cors",
          resources: [planned("module.cors.aws_api_gateway_method.options", "aws_api_gateway_method", options)],
        },
      ],
    },
  },
  resource_changes: [
    change("aws_api_gateway_rest_api.orders", "aws_api_gateway_rest_api", api, unknownIds),
    change("aws_api_gateway_resource.orders", "aws_api_gateway_resource", orders, {
      id: true,
      parent_id: true,
      path: true,
      rest_api_id: true,
    }),
    change("aws_api_gateway_method.get", "aws_api_gateway_method", get, {
      id: true,
      resource_id: true,
      rest_api_id: true,
      authorizer_id: true,
    }),
    change("aws_api_gateway_deployment.d", "aws_api_gateway_deployment", {}, { id: true, rest_api_id: true }),
    change("aws_api_gateway_stage.prod", "aws_api_gateway_stage", stage, { id: true, deployment_id: true, rest_api_id: true }),
    change("aws_api_gateway_method_settings.orders_get", "aws_api_gateway_method_settings", settings, {
      id: true,
      rest_api_id: true,
      stage_name: true,
    }),
    change(
      "module.cors.aws_api_gateway_method.options",
      "aws_api_gateway_method",
      options,
      { id: true, resource_id: true, rest_api_id: true },
      "module.cors",
    ),
  ],
  configuration: {
    provider_config: { aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws" } },
    root_module: {
      resources: [
        {
          address: "aws_api_gateway_rest_api.orders",
          mode: "managed",
          type: "aws_api_gateway_rest_api",
          name: "orders",
          expressions: { name: { constant_value: "orders" } },
        },
        {
          address: "aws_api_gateway_resource.orders",
          mode: "managed",
          type: "aws_api_gateway_resource",
          name: "orders",
          expressions: {
            rest_api_id: refs("aws_api_gateway_rest_api.orders.id"),
            parent_id: refs("aws_api_gateway_rest_api.orders.root_resource_id"),
            path_part: { constant_value: "orders" },
          },
        },
        {
          address: "aws_api_gateway_method.get",
          mode: "managed",
          type: "aws_api_gateway_method",
          name: "get",
          expressions: {
            rest_api_id: refs("aws_api_gateway_rest_api.orders.id"),
            resource_id: refs("aws_api_gateway_resource.orders.id"),
            authorizer_id: { references: ["data.aws_api_gateway_authorizer.token.id", "data.aws_api_gateway_authorizer.token"] },
            http_method: { constant_value: "GET" },
            authorization: { constant_value: "CUSTOM" },
          },
        },
        {
          address: "aws_api_gateway_deployment.d",
          mode: "managed",
          type: "aws_api_gateway_deployment",
          name: "d",
          expressions: { rest_api_id: refs("aws_api_gateway_rest_api.orders.id") },
        },
        {
          address: "aws_api_gateway_stage.prod",
          mode: "managed",
          type: "aws_api_gateway_stage",
          name: "prod",
          expressions: {
            rest_api_id: refs("aws_api_gateway_rest_api.orders.id"),
            deployment_id: refs("aws_api_gateway_deployment.d.id"),
            stage_name: { constant_value: "prod" },
          },
        },
        {
          address: "aws_api_gateway_method_settings.orders_get",
          mode: "managed",
          type: "aws_api_gateway_method_settings",
          name: "orders_get",
          expressions: {
            rest_api_id: refs("aws_api_gateway_rest_api.orders.id"),
            stage_name: refs("aws_api_gateway_stage.prod.stage_name"),
            method_path: { constant_value: "orders/GET" },
          },
        },
      ],
      module_calls: {
        cors: {
          source: "./cors",
          expressions: { rest_api_id: refs("aws_api_gateway_rest_api.orders.id"), resource_id: refs("aws_api_gateway_resource.orders.id") },
          module: {
            resources: [
              {
                address: "aws_api_gateway_method.options",
                mode: "managed",
                type: "aws_api_gateway_method",
                name: "options",
                expressions: {
                  rest_api_id: { references: ["var.rest_api_id"] },
                  resource_id: { references: ["var.resource_id"] },
                  http_method: { constant_value: "OPTIONS" },
                },
              },
            ],
            variables: { rest_api_id: {}, resource_id: {} },
          },
        },
      },
    },
  },
};
