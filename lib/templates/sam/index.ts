export { readSamTemplate, readSamApis } from "@/lib/templates/sam/read-sam";
export { isSamTemplate, declaresSamTransform } from "@/lib/templates/sam/sources";
