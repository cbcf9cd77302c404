export * from "./call-result/index.js";
export * from "./client-hub/index.js";
export * from "./lead-status/index.js";
export * from "./tally/index.js";
