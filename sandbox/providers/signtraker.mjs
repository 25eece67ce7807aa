// SignTraker: `Authorization: ST-API <key>`, PascalCase JSON, bare-array lists paged with $top/$skip.
import { empty, header, json, nowIso, parseJson, router } from '../lib/http.mjs';
import { applyODataQuery, ODataError } from '../lib/odata.mjs';

const SELF = { Id: 1, Name: 'Sandbox Admin' };

function seedAgents() {
	return [
		{ Id: 101, FirstName: 'Jane', LastName: 'Doe', Email: 'jane@example.com', Phone: '555-0101', OfficeId: 7, Active: true },
		{ Id: 102, FirstName: 'John', LastName: 'Smith', Email: 'john@example.com', Phone: '555-0102', OfficeId: 7, Active: true },
	];
}

function seedAwards() {
	return [
		{
			Id: 1,
			Name: 'Welcome credit',
			AwardedBy: SELF,
			AwardedDate: '2026-01-05T09:00:00Z',
			AwardedTo: { Id: 102, Name: 'John Smith' },
			ExpirationDate: null,
			TotalAmount: 25,
			RemainingAmount: 25,
			Restrictions: [],
		},
	];
}

const agentName = (agent) => `${agent.FirstName} ${agent.LastName}`;

/** ASP.NET Web API shapes: `{"Message": ...}`; a 404 has an empty body (verified live). */
const invalid = (message, modelState) => json(400, modelState ? { Message: message, ModelState: modelState } : { Message: message });

export function createSignTraker({ apiKey }) {
	const agents = seedAgents();
	const awards = seedAwards();
	let nextAwardId = 2;

	function list(records, query, extraFilter = () => true) {
		try {
			return json(200, applyODataQuery(records.filter(extraFilter), query));
		} catch (error) {
			if (error instanceof ODataError) return invalid(error.message);
			throw error;
		}
	}

	function validateAward(body) {
		const modelState = {};
		if (!body || typeof body !== 'object' || Array.isArray(body)) return { 'award': ['The award is required.'] };
		if (typeof body.Name !== 'string' || !body.Name.trim()) modelState['award.Name'] = ['The Name field is required.'];
		if (typeof body.TotalAmount !== 'number' || !Number.isFinite(body.TotalAmount)) {
			modelState['award.TotalAmount'] = ['The TotalAmount field is required and must be a number.'];
		}
		const agentId = body.AwardedTo?.Id;
		if (!agents.some((agent) => agent.Id === agentId)) modelState['award.AwardedTo'] = [`No agent with Id ${agentId}.`];
		const restrictions = body.Restrictions ?? [];
		if (!Array.isArray(restrictions) || restrictions.some((value) => value !== 'Printing')) {
			modelState['award.Restrictions'] = ['Restrictions may only contain Printing.'];
		}
		return Object.keys(modelState).length ? modelState : undefined;
	}

	function createAward(request) {
		const body = parseJson(request.body);
		const modelState = validateAward(body);
		if (modelState) return invalid('The request is invalid.', modelState);
		const agent = agents.find((candidate) => candidate.Id === body.AwardedTo.Id);
		const award = {
			Id: nextAwardId++,
			...body,
			AwardedBy: SELF,
			AwardedDate: nowIso(),
			AwardedTo: { Id: agent.Id, Name: agentName(agent) },
			ExpirationDate: body.ExpirationDate ?? null,
			RemainingAmount: body.TotalAmount,
			Restrictions: body.Restrictions ?? [],
		};
		awards.push(award);
		return json(200, award);
	}

	const handle = router(
		[
			['GET', /^\/api\/credits\/awards$/, ({ query }) => {
				const awardedTo = query.get('awardedTo');
				return list(awards, query, (award) => awardedTo === null || String(award.AwardedTo.Id) === awardedTo);
			}],
			['POST', /^\/api\/credits\/awards$/, createAward],
			['GET', /^\/api\/agents$/, ({ query }) => {
				const email = query.get('email');
				return list(agents, query, (agent) => email === null || agent.Email.toLowerCase() === email.toLowerCase());
			}],
			['GET', /^\/api\/agents\/(?<id>[^/]+)$/, ({ params }) => {
				const agent = agents.find((candidate) => String(candidate.Id) === params.id);
				return agent ? json(200, agent) : empty(404);
			}],
		],
		{
			notFound: () => empty(404),
			methodNotAllowed: ({ method }) => json(405, { Message: `The requested resource does not support http method '${method}'.` }),
		},
	);

	return (request) => {
		if (header(request, 'authorization') !== `ST-API ${apiKey}`) {
			return json(401, { Message: 'Authorization has been denied for this request.' });
		}
		return handle(request);
	};
}
