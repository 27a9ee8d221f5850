import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { deploymentDrift } from "./rule";

testRule(deploymentDrift, cases);
