/** The first and last day a delegate's authority may end on: tomorrow, and five years from today. */
export function dateLimits(today: string) {
  const day = (offsetDays: number, offsetYears = 0) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() + offsetYears);
    date.setUTCDate(date.getUTCDate() + offsetDays);
    return date.toISOString().slice(0, 10);
  };
  return { min: day(1), max: day(0, 5) };
}
