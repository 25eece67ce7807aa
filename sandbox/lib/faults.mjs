// Fault injection: the next matching request(s) get no answer, or lose their connection before or after the
// provider applied them. Set with `POST /__faults` (or `sandbox.injectFault()`); `POST /__reset` clears them.

/**
 * - `noAnswer`: the request is read but never answered (the client's timeout has to end it); nothing is applied.
 * - `dropBefore`: the connection is closed before the provider sees the request; nothing is applied.
 * - `dropAfter`: the provider applies the request, then the connection is closed before the answer is sent.
 */
export const FAULT_KINDS = ['noAnswer', 'dropBefore', 'dropAfter'];

/**
 * @typedef {object} FaultRule
 * @property {string} provider   e.g. `voyado`
 * @property {string} path       the path below the provider prefix, e.g. `/api/v2/point-accounts/transactions`
 * @property {string} [method]   any method when absent
 * @property {'noAnswer' | 'dropBefore' | 'dropAfter'} kind
 * @property {number | 'always'} [times]  how many matching requests it hits (default 1)
 */

/** @param {FaultRule} rule */
function validated(rule) {
	const { provider, path, method, kind, times = 1 } = rule ?? {};
	if (typeof provider !== 'string' || typeof path !== 'string') throw new Error('A fault needs a provider and a path');
	if (!FAULT_KINDS.includes(kind)) throw new Error(`A fault's kind is one of ${FAULT_KINDS.join(', ')}`);
	if (times !== 'always' && !(Number.isInteger(times) && times > 0)) throw new Error('A fault\'s times is a positive whole number or "always"');
	return { provider, path, method: method?.toUpperCase(), kind, remaining: times === 'always' ? Infinity : times };
}

export function createFaults() {
	let rules = [];
	return {
		/** @param {FaultRule} rule */
		add(rule) {
			rules.push(validated(rule));
		},
		/** The fault for this request, if one is pending (and counts it as used). */
		take(provider, method, path) {
			const rule = rules.find(
				(candidate) =>
					candidate.remaining > 0 &&
					candidate.provider === provider &&
					candidate.path === path &&
					(candidate.method === undefined || candidate.method === method),
			);
			if (!rule) return undefined;
			rule.remaining -= 1;
			return rule.kind;
		},
		clear() {
			rules = [];
		},
	};
}
