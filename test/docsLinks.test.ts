import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { ICredentialType } from 'n8n-workflow';

const ROOT = join(__dirname, '..');
const REPO = 'https://github.com/n8n-nodes-credits/n8n-nodes-credits';

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as dashes. */
function slug(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

const readmeAnchors = new Set(
	[...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
		slug(match[1].trim()),
	),
);

const codexFiles = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.flatMap((dir) =>
		readdirSync(join(ROOT, 'nodes', dir.name))
			.filter((file) => file.endsWith('.node.json'))
			.map((file) => `nodes/${dir.name}/${file}`),
	);

function codexUrls(file: string): string[] {
	const codex = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as {
		resources: Record<string, Array<{ url: string }>>;
	};
	return Object.values(codex.resources).flatMap((links) => links.map((link) => link.url));
}

const credentials: ICredentialType[] = readdirSync(join(ROOT, 'credentials'))
	.filter((file) => file.endsWith('.credentials.ts'))
	.flatMap((file) =>
		Object.values(
			require(join(ROOT, 'credentials', file)) as Record<string, new () => ICredentialType>,
		),
	)
	.map((CredentialClass) => new CredentialClass());

describe('documentation links', () => {
	it('cover every node and credential', () => {
		expect(codexFiles.length).toBeGreaterThanOrEqual(8);
		expect(credentials.length).toBeGreaterThanOrEqual(4);
	});

	// n8n's Docs link is the codex URL + "?utm_source=…" (useNodeDocsUrl, n8n 1.x and 2.x): after an
	// anchor that suffix becomes part of the anchor, so the codex links to pages instead.
	it.each(codexFiles)('%s links to a page of this repository, without an anchor', (file) => {
		for (const url of codexUrls(file)) {
			expect(url).not.toContain('#');
			const path = url.replace(`${REPO}/blob/main/`, '');
			expect(path).not.toBe(url);
			expect(existsSync(join(ROOT, path))).toBe(true);
		}
	});

	// n8n opens a credential's documentationUrl unchanged unless it is on docs.n8n.io.
	it.each(credentials.map((credential) => [credential.name, credential] as const))(
		'%s: its documentation URL is a heading of the README',
		(_name, credential) => {
			const url = credential.documentationUrl as string;
			const [page, anchor] = url.split('#');
			expect(page).toBe(REPO);
			expect(readmeAnchors).toContain(anchor);
		},
	);

	it.each(codexFiles.flatMap(codexUrls).filter((url, index, all) => all.indexOf(url) === index))(
		'%s: every README section it links to exists',
		(url) => {
			const page = readFileSync(join(ROOT, url.replace(`${REPO}/blob/main/`, '')), 'utf8');
			const anchors = [
				...page.matchAll(
					/\]\(https:\/\/github\.com\/n8n-nodes-credits\/n8n-nodes-credits#([^)]+)\)/g,
				),
			];
			expect(anchors.length).toBeGreaterThan(0);
			for (const [, anchor] of anchors) expect(readmeAnchors).toContain(anchor);
		},
	);
});
