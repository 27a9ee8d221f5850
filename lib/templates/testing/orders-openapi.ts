/**
 * A small OpenAPI document whose OPTIONS method requires an API key (the preflight is answered 403), with
 * known line numbers, for the template upload, cache and download tests.
 */
export const ORDERS_OPENAPI_PATH = "api/orders.openapi.yaml";

export const ORDERS_OPENAPI = `openapi: "3.0.1"
info:
  title: Orders
  version: "1"
paths:
  /orders:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://example.com/orders
    options:
      security:
        - key: []
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
components:
  securitySchemes:
    key:
      type: apiKey
      name: x-api-key
      in: header
# Internal note: not part of any API, so never part of a stored audit.
`;

/** 1-based line of \`options:\` under /orders above. */
export const ORDERS_OPTIONS_LINE = 12;
