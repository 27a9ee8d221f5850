import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { cacheKeyMissingCallerIdentity } from "./rule";

testRule(cacheKeyMissingCallerIdentity, cases);
