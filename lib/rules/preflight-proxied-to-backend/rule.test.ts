import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { preflightProxiedToBackend } from "./rule";

testRule(preflightProxiedToBackend, cases);
