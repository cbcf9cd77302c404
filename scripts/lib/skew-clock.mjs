// Preloaded into a worker process (`node --import ./scripts/lib/skew-clock.mjs`) by
// scripts/check-postgres.mjs: that process's clock reads LEADRULES_SKEW_MS milliseconds off
// (hours, in the check). `Date.now()` and `new Date()` both see it; the database does not.
const skew = Number(process.env.LEADRULES_SKEW_MS ?? 0);
const RealDate = Date;
class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + skew);
    else super(...args);
  }
  static now() {
    return RealDate.now() + skew;
  }
}
globalThis.Date = SkewedDate;
