#!/usr/bin/env python3
"""Test oracle: translate a SAM template with the real AWS SAM translator and print the CloudFormation JSON.

Usage: translate.py TEMPLATE [REGION]

Called the way the translator's own tests call it (tests/translator/test_translator.py): `transform` with a
stub managed-policy loader and ArnGenerator pinned to a region, so no AWS account or network is needed.
CloudFormation runs an embedded Fn::Transform AWS::Include before the SAM transform, so a local Location is
inlined first, and local CodeUri/ContentUri/DefinitionUri become S3 URIs (as `sam package` does); an S3
Location is left for the translator to refuse.
Exit 0 with JSON on stdout; exit 2 with a one-line reason on stderr when the translator refuses the template.
"""
import datetime
import json
import os
import sys

# The translator asks boto3 for the region of its pseudo parameters; pin one before anything imports boto3.
os.environ.setdefault("AWS_DEFAULT_REGION", sys.argv[2] if len(sys.argv) > 2 else "us-east-1")

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.arn_generator import ArnGenerator
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class StubPolicyLoader:
    """Stands in for ManagedPolicyLoader: any managed policy name maps to an ARN-shaped string."""

    def load(self):
        class AnyPolicy(dict):
            def __missing__(self, key):
                return f"arn:aws:iam::aws:policy/{key}"

        return AnyPolicy()


def inline_includes(node, base_dir, depth=0):
    if depth > 100:
        return node
    if isinstance(node, dict):
        transform_spec = node.get("Fn::Transform") if len(node) == 1 else None
        if isinstance(transform_spec, dict) and transform_spec.get("Name") == "AWS::Include":
            location = (transform_spec.get("Parameters") or {}).get("Location")
            if isinstance(location, str) and "://" not in location:
                path = os.path.normpath(os.path.join(base_dir, location))
                with open(path, encoding="utf-8") as handle:
                    return inline_includes(yaml_parse(handle.read()), os.path.dirname(path), depth + 1)
        return {key: inline_includes(value, base_dir, depth + 1) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_includes(item, base_dir, depth + 1) for item in node]
    return node


# What `sam package` rewrites before the transform runs: local artifact paths become S3 URIs.
PACKAGED_PROPERTIES = {
    "AWS::Serverless::Function": "CodeUri",
    "AWS::Serverless::LayerVersion": "ContentUri",
    "AWS::Serverless::Api": "DefinitionUri",
}


def package_local_artifacts(template):
    def packaged(value):
        return "s3://preflight-oracle/artifact.zip" if isinstance(value, str) and "://" not in value else value

    for resource in (template.get("Resources") or {}).values():
        if not isinstance(resource, dict):
            continue
        prop = PACKAGED_PROPERTIES.get(resource.get("Type"))
        properties = resource.get("Properties")
        if prop and isinstance(properties, dict) and prop in properties:
            properties[prop] = packaged(properties[prop])
    globals_section = template.get("Globals") or {}
    # SAM CLI's CodeUri default is the template's directory ("."), which `sam package` uploads too.
    global_function = globals_section.get("Function") if isinstance(globals_section.get("Function"), dict) else {}
    for resource in (template.get("Resources") or {}).values():
        if isinstance(resource, dict) and resource.get("Type") == "AWS::Serverless::Function":
            properties = resource.setdefault("Properties", {})
            code_keys = ("CodeUri", "InlineCode", "ImageUri")
            if isinstance(properties, dict) and not any(k in properties or k in global_function for k in code_keys):
                properties["CodeUri"] = packaged(".")
    for section, prop in (("Function", "CodeUri"), ("Api", "DefinitionUri")):
        values = globals_section.get(section)
        if isinstance(values, dict) and prop in values:
            values[prop] = packaged(values[prop])


def dates_as_text(node):
    """YAML reads an unquoted 2012-10-17 as a date; CloudFormation keeps it as the string it was written as."""
    if isinstance(node, dict):
        return {key: dates_as_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [dates_as_text(item) for item in node]
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    return node


def main():
    template_path = sys.argv[1]
    ArnGenerator.BOTO_SESSION_REGION_NAME = sys.argv[2] if len(sys.argv) > 2 else "us-east-1"
    with open(template_path, encoding="utf-8") as handle:
        template = yaml_parse(handle.read())
    template = dates_as_text(inline_includes(template, os.path.dirname(os.path.abspath(template_path))))
    package_local_artifacts(template)
    try:
        output = transform(template, {}, StubPolicyLoader())
    except InvalidDocumentException as error:
        messages = "; ".join(str(getattr(cause, "message", cause)) for cause in error.causes)
        print(f"translator refused the template: {messages}", file=sys.stderr)
        sys.exit(2)
    json.dump(output, sys.stdout, indent=1, default=str)


if __name__ == "__main__":
    main()
