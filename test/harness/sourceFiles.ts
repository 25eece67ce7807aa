import { readdirSync } from 'fs';
import path from 'path';

/** The project's root folder. */
export const ROOT = path.resolve(__dirname, '../..');

/** Every .ts file below `dir`, at any depth. */
export function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}
