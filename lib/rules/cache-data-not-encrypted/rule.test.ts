import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { cacheDataNotEncrypted } from "./rule";

testRule(cacheDataNotEncrypted, cases);
