import { testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { anyMethodAnswersPreflight } from "./rule";

testRule(anyMethodAnswersPreflight, cases);
