export * from "./client-hub/index.js";
export * from "./lead-status/index.js";
export * from "./tally/index.js";
