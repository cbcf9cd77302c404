export * from "./lead-status/index.js";
export * from "./client-hub/index.js";
