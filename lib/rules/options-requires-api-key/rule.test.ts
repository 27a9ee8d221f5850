import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { optionsRequiresApiKey } from "./rule";

testRule(optionsRequiresApiKey, cases);
