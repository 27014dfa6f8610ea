const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (format === undefined) {
    // en-CA writes YYYY-MM-DD, the contract's date form.
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone === undefined ? {} : { timeZone }) });
    dayFormats.set(key, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) of `now` in the user's time zone: campaigns are active by it, tasks fall due on it. */
export const calendarDate = (now: Date, timeZone?: string): string => dayFormat(timeZone).format(now);

/** The time of day (HH:MM:SS) of `now` in the user's time zone. */
export function timeOfDay(now: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(timeZone === undefined ? {} : { timeZone }) }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}:${part('second')}`;
}
