// Installs the package the way the README's "Install into your n8n" tells a user: the e2e runs those very lines
// (between the install-commands markers), with its own n8n folder for ~/.n8n and the tarball it packed for TARBALL.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_NAME } from './n8n.mjs';
import { npmEnv, run } from './run.mjs';

const MARKED_BLOCK = /<!-- install-commands[^>]*-->\s*```bash\n([\s\S]*?)```\s*<!-- \/install-commands -->/;

/** The README's manual install commands, one per line. */
export async function readmeInstallCommands(readmePath) {
	const match = MARKED_BLOCK.exec(await readFile(readmePath, 'utf8'));
	if (!match) throw new Error(`${readmePath} has no bash block between <!-- install-commands --> markers`);
	return match[1]
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

/** `TARBALL="$PWD/<file>"`: the README's line naming the tarball `npm pack` wrote into the clone. */
const TARBALL_ASSIGNMENT = /^TARBALL="\$PWD\/([^"]+)"$/;

/**
 * The commands with `~/.n8n` → `<userFolder>/.n8n` and the tarball the README names → `tarball`. The README must name
 * the file `npm pack` writes (its version included), so that its lines work as they stand.
 */
export function localised(commands, userFolder, tarball) {
	return commands.map((line) => {
		const assignment = TARBALL_ASSIGNMENT.exec(line);
		if (!assignment) return line.replaceAll('~/.n8n', path.join(userFolder, '.n8n'));
		if (assignment[1] !== path.basename(tarball)) {
			throw new Error(`The README's install lines name ${assignment[1]}, but npm pack writes ${path.basename(tarball)}: update the README`);
		}
		return `TARBALL=${JSON.stringify(tarball)}`;
	});
}

export async function installAsReadmeSays(readmePath, userFolder, tarball) {
	const commands = localised(await readmeInstallCommands(readmePath), userFolder, tarball);
	if (!commands.some((line) => line.includes(tarball))) throw new Error(`The README's install commands do not install ${PACKAGE_NAME}`);
	await run('bash', ['-euo', 'pipefail', '-c', commands.join('\n')], { env: npmEnv(), capture: true });
	return commands;
}
