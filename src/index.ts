// leadrules: the rules of every module. Boundary parsers (zod) are in leadrules/parse.
export * from "./call-result/index.js";
export * from "./client-hub/index.js";
export * from "./lead-status/index.js";
export * from "./lead-status/reports.js";
export * from "./tally/index.js";
