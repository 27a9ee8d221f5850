import { describe, expect, it } from "vitest";
import { parseTemplateDocument } from "@/lib/templates/document";
import { ApiBuilder, IntrinsicResolver, exploreVariants, templateSections } from "@/lib/templates/cloudformation";
import { methodTable } from "@/lib/templates/testing/method-table";

// The SAM reader's use: an AWS::Serverless::Api whose definition it reads itself, plus plain AWS::ApiGateway::*
// resources attached to it (RestApiId: !Ref MyApi), which CloudFormation adds after the transform.
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Conditions:
  WithAuthorizer: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
  Extra:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref MyApi, ParentId: !GetAtt MyApi.RootResourceId, PathPart: extra }
  ExtraGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref MyApi
      ResourceId: !Ref Extra
      HttpMethod: GET
      AuthorizationType: !If [WithAuthorizer, CUSTOM, NONE]
      AuthorizerId: !If [WithAuthorizer, !Ref Auth, !Ref AWS::NoValue]
  Auth:
    Type: AWS::ApiGateway::Authorizer
    Condition: WithAuthorizer
    Properties: { RestApiId: !Ref MyApi, Type: TOKEN, Name: auth }
`;

describe("ApiBuilder.buildOn", () => {
  it("adds the plain members of an API defined another way to its definition, per condition variant", () => {
    const parsed = parseTemplateDocument("template.yaml", TEMPLATE);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const document = parsed.document;
    const sections = templateSections(document.value);
    const definition = {
      resources: [{ id: "/", path: "/", resourceMethods: { OPTIONS: { httpMethod: "OPTIONS", authorizationType: "NONE" } } }],
      authorizers: [],
      gatewayResponses: [],
      locations: {},
    };
    const explored = exploreVariants((assumptions) => {
      const resolver = new IntrinsicResolver(sections, { region: "us-east-1", assumptions, document });
      const build = new ApiBuilder(document, resolver, "MyApi", "us-east-1").buildOn({ name: "MyApi" }, definition);
      return { result: { build, gaps: resolver.gaps }, unassigned: resolver.unassigned };
    });
    expect(
      explored.variants.map((v) => [
        v.assumptions,
        methodTable(v.result.build.snapshot),
        v.result.build.snapshot.authorizers?.map((a) => a.id),
      ]),
    ).toEqual([
      [{ WithAuthorizer: true }, ["/ OPTIONS NONE - -", "/extra GET CUSTOM Auth -"], ["Auth"]],
      [{ WithAuthorizer: false }, ["/ OPTIONS NONE - -", "/extra GET NONE - -"], []],
    ]);
    const snapshot = explored.variants[0]!.result.build.snapshot;
    expect(snapshot.restApi).toEqual({ id: "MyApi", name: "MyApi", rootResourceId: "${MyApi.RootResourceId}" });
    expect(snapshot.resources?.map((r) => [r.path, r.id, r.parentId ?? null])).toEqual([
      ["/", "${MyApi.RootResourceId}", null],
      ["/extra", "Extra", "${MyApi.RootResourceId}"],
    ]);
    expect(explored.variants.every((v) => v.result.gaps.length === 0)).toBe(true);
  });
});
