/**
 * Dates, numbers and money as the user's locale writes them, all through Intl. One object per
 * locale, built once: Intl formatters are costly to create and cheap to reuse.
 */
export type Formatters = {
  /** An amount in local currency (LCY). */
  money(amount: number): string;
  number(value: number): string;
  /** 25 → "25 %" / "25%" as the locale writes it. */
  percent(value: number): string;
  /** A calendar date, YYYY-MM-DD, in the locale's short form; never shifted by time zone. */
  date(isoDate: string): string;
  /** A moment (ISO 8601): its time of day when it falls on `now`'s day, else date and time. */
  moment(iso: string, now: Date): string;
  /** A moment relative to `now`: "2 minutes ago", "yesterday". */
  relative(iso: string, now: Date): string;
};

export type FormatOptions = {
  /** The local currency (LCY); Marketing Setup carries none, so the clients pass the default. */
  currency: string;
  /** The user's time zone; the runtime's by default (tests pin it). */
  timeZone?: string;
};

/** Rapport's default LCY until setup names one. */
export const DEFAULT_CURRENCY = 'EUR';

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

export function createFormatters(locale: string, options: FormatOptions): Formatters {
  const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: options.currency });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  // Calendar dates are read and written in UTC so that 2025-03-01 is the 1st everywhere.
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...zone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone });
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  return {
    money: (amount) => money.format(amount),
    number: (value) => number.format(value),
    percent: (value) => percent.format(value / 100),
    date: (isoDate) => {
      const parsed = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? isoDate : date.format(parsed);
    },
    moment: (iso, now) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      return day.format(at) === day.format(now) ? time.format(at) : dateTime.format(at);
    },
    relative: (iso, now) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      let amount = (at.getTime() - now.getTime()) / 1000;
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
        amount /= size;
      }
      return dateTime.format(at);
    },
  };
}
