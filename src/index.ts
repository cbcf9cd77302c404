export * from "./lead-status/index.js";
