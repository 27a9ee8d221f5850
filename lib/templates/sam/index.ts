export { readSamTemplate, createSamReader, readSamApis, type SamReaderOptions } from "@/lib/templates/sam/read-sam";
export { isSamTemplate } from "@/lib/templates/sam/sources";
