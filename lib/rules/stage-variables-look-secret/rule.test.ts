import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { stageVariablesLookSecret } from "./rule";

testRule(stageVariablesLookSecret, cases);
