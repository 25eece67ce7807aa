import { USER_AGENT } from '../shared/userAgent';

/** Engage answers 500 to any request without the JSON content type (GETs included) and wants every client named. */
export const VOYADO_HEADERS: Record<string, string> = {
	'Content-Type': 'application/json',
	Accept: 'application/json',
	'User-Agent': USER_AGENT,
};
