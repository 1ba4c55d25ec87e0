/** Today's date in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving), whatever the server's zone. */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
