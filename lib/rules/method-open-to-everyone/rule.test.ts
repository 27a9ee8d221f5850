import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { methodOpenToEveryone } from "./rule";

testRule(methodOpenToEveryone, cases);
