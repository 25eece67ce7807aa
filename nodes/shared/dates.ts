/**
 * The one reader of date and date-time parameters. n8n-workflow's `tryToParseDateTime` falls back to
 * `Date.parse`, which rolls 2026-02-30 over into March, so the calendar is checked here instead.
 */

/** `2026-07-01`, optionally `T`/space and a time, optionally `Z` or an offset such as `+02:00`. */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2})?)?)?$/i;

export interface CalendarDateTime {
	/** `YYYY-MM-DD`. */
	date: string;
	/** The value as ISO 8601: as written, with `T` between date and time. */
	text: string;
}

/** Luxon's DateTime (what `$now` and date expressions give) or anything else that prints itself as ISO. */
interface IsoPrintable {
	toISO(): string | null;
}

function textOf(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	if (value && typeof (value as IsoPrintable).toISO === 'function')
		return (value as IsoPrintable).toISO() ?? '';
	return typeof value === 'string' ? value.trim() : '';
}

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** Why the parts of a well-formed value are not a real date and time; undefined when they are. */
function calendarProblem(parts: string[]): string | undefined {
	const [year, month, day, hour, minute, second, , , , offsetHours, offsetMinutes] = parts.map(
		(part) => (part === undefined ? undefined : Number(part)),
	) as Array<number | undefined>;
	if (month! < 1 || month! > 12) return `there is no month ${month}`;
	if (day! < 1 || day! > daysIn(year!, month!))
		return `${MONTHS[month! - 1]} ${year} has no day ${day}`;
	if (hour !== undefined && hour > 23) return `there is no hour ${hour}`;
	if (minute !== undefined && minute > 59) return `there is no minute ${minute}`;
	if (second !== undefined && second > 59) return `there is no second ${second}`;
	if (offsetHours !== undefined && (offsetHours > 14 || (offsetMinutes ?? 0) > 59))
		return 'the time zone offset is out of range';
	return undefined;
}

export type DateReading =
	| { ok: true; value: CalendarDateTime }
	| { ok: false; problem: string | undefined };

/** Reads an ISO 8601 date or date-time (text, Date or Luxon DateTime) and checks it is a real one. */
export function readCalendarDateTime(value: unknown): DateReading {
	const text = textOf(value);
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return { ok: false, problem: undefined };
	const problem = calendarProblem(match.slice(1));
	if (problem) return { ok: false, problem };
	return { ok: true, value: { date: text.slice(0, 10), text: text.replace(' ', 'T') } };
}
