import type { AuthorizerWire, MethodWire } from "../state";
import type { AuthorizationOutcome } from "./authorization-outcome";
import { runCognitoAuthorizer } from "./cognito-authorizer";
import { checkIamSignature } from "./iam-authorization";
import type { IdentityInputs } from "./identity-sources";
import { runLambdaAuthorizer, type LambdaAuthorizerCall } from "./lambda-authorizer";

export type AuthorizeCall = Omit<LambdaAuthorizerCall, "authorizer"> &
  IdentityInputs & { method: MethodWire; authorizers: readonly AuthorizerWire[] };

/** Applies the method's authorizationType using the authorizers captured by the deployment. */
export async function authorize(call: AuthorizeCall): Promise<AuthorizationOutcome> {
  const { method } = call;
  switch (method.authorizationType) {
    case "NONE":
      return { ok: true, principal: {} };
    case "AWS_IAM":
      return checkIamSignature(call.request);
    case "CUSTOM":
    case "COGNITO_USER_POOLS": {
      const authorizer = call.authorizers.find((a) => a.id === method.authorizerId);
      // A method pointing at an authorizer the deployment lacks cannot be authorized.
      if (!authorizer) return { ok: false, error: { type: "AUTHORIZER_CONFIGURATION_ERROR", message: null } };
      if (authorizer.type === "COGNITO_USER_POOLS") return runCognitoAuthorizer(authorizer, call);
      return runLambdaAuthorizer({ ...call, authorizer });
    }
  }
}
