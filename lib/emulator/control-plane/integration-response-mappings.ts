/**
 * What an integration response's header mapping may read. The API reference
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html, responseParameters): "The mapped
 * value is an integration response header value, a static value enclosed within a pair of single quotes, or a JSON
 * expression from the integration response body. [...] The mapped non-static value must match the pattern of
 * integration.response.header.{name} or integration.response.body.{JSON-expression}". The parameter mapping source
 * reference (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html)
 * adds the multi-value header, the whole body, stage variables and context variables for integration responses.
 * A method request value (e.g. `method.request.header.Origin`) is not a source: AWS refuses it, so a CORS fix that
 * echoes the Origin this way cannot be deployed.
 */
const SOURCES: readonly RegExp[] = [
  /^'[^']*'$/,
  /^integration\.response\.header\.[A-Za-z0-9!#$%&*+.^_`|~-]+$/,
  /^integration\.response\.multivalueheader\.[A-Za-z0-9!#$%&*+.^_`|~-]+$/,
  /^integration\.response\.body$/,
  /^integration\.response\.body\.[A-Za-z0-9_.[\]'"*@?()-]+$/,
  /^stageVariables\.[A-Za-z0-9_]+$/,
  /^context\.[A-Za-z0-9_.]+$/,
];

export function isIntegrationResponseSource(expression: string): boolean {
  return expression.length <= 1024 && SOURCES.some((pattern) => pattern.test(expression.trim()));
}
