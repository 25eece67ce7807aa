import * as ts from 'typescript';

/**
 * Module-level mutable state in one TypeScript source file. A node's module is loaded once per n8n process and
 * shared by every workflow, execution and (in queue mode) job on it, while each worker has its own: state kept
 * there leaks between users' runs and differs between main and workers. Flagged:
 * - a top-level `let` or `var`;
 * - any write into a top-level or imported binding anywhere in the file (assignment to it or one of its
 *   properties, `++`/`--`, `delete`, or a mutating method such as `push`, `set`, `add`, `clear`): so an
 *   exported constant filled by another module is caught in that module;
 * - a `static` class property that is not `readonly`.
 * Constants that are only read (option lists, lookup Sets, frozen objects) pass.
 */
export function findModuleState(fileName: string, source: string): string[] {
	const file = ts.createSourceFile(
		fileName,
		source,
		ts.ScriptTarget.ES2022,
		true,
		ts.ScriptKind.TS,
	);
	const problems: string[] = [];
	const where = (node: ts.Node) =>
		`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
	const topLevel = new Set<string>();

	for (const statement of file.statements) {
		if (ts.isVariableStatement(statement)) {
			const { flags } = statement.declarationList;
			const isConst = (flags & ts.NodeFlags.Const) !== 0;
			for (const declaration of statement.declarationList.declarations) {
				if (!ts.isIdentifier(declaration.name)) continue;
				const name = declaration.name.text;
				topLevel.add(name);
				if (!isConst)
					problems.push(
						`${where(declaration)}: top-level \`${flags & ts.NodeFlags.Let ? 'let' : 'var'} ${name}\``,
					);
			}
		}
		if (ts.isImportDeclaration(statement))
			for (const name of importedNames(statement)) topLevel.add(name);
		if (ts.isClassDeclaration(statement)) {
			for (const member of statement.members) {
				const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
				const isStatic = modifiers.some(
					(modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword,
				);
				const isReadonly = modifiers.some(
					(modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword,
				);
				if (ts.isPropertyDeclaration(member) && isStatic && !isReadonly) {
					problems.push(
						`${where(member)}: static property \`${member.name.getText(file)}\` is not readonly`,
					);
				}
			}
		}
	}

	const visit = (node: ts.Node) => {
		const written = writtenTopLevelBinding(node, topLevel, file);
		if (written) problems.push(`${where(node)}: writes into top-level \`${written}\``);
		ts.forEachChild(node, visit);
	};
	ts.forEachChild(file, visit);
	return problems;
}

const MUTATING_METHODS = new Set([
	'push',
	'pop',
	'shift',
	'unshift',
	'splice',
	'sort',
	'reverse',
	'fill',
	'copyWithin',
	'set',
	'add',
	'delete',
	'clear',
]);
function importedNames(statement: ts.ImportDeclaration): string[] {
	const clause = statement.importClause;
	if (!clause) return [];
	const names = clause.name ? [clause.name.text] : [];
	const bindings = clause.namedBindings;
	if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
	if (bindings && ts.isNamedImports(bindings))
		names.push(...bindings.elements.map((element) => element.name.text));
	return names;
}

function stripTypeAssertions(expression: ts.Expression): ts.Expression {
	let current = expression;
	while (
		ts.isAsExpression(current) ||
		ts.isParenthesizedExpression(current) ||
		ts.isSatisfiesExpression(current)
	)
		current = current.expression;
	return current;
}

/** The outermost identifier of `a`, `a.b`, `a[0].c`, or undefined. */
function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
	let current = stripTypeAssertions(expression);
	while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))
		current = stripTypeAssertions(current.expression);
	return ts.isIdentifier(current) ? current : undefined;
}

function isShadowed(identifier: ts.Identifier, file: ts.SourceFile): boolean {
	for (
		let scope: ts.Node | undefined = identifier.parent;
		scope && scope !== file;
		scope = scope.parent
	) {
		if (declaresLocally(scope, identifier.text)) return true;
	}
	return false;
}

function declaresLocally(scope: ts.Node, name: string): boolean {
	if (
		ts.isFunctionLike(scope) &&
		scope.parameters.some((parameter) => bindsName(parameter.name, name))
	)
		return true;
	if (
		ts.isBlock(scope) ||
		ts.isSourceFile(scope) ||
		ts.isForStatement(scope) ||
		ts.isForOfStatement(scope) ||
		ts.isForInStatement(scope)
	) {
		const statements = ts.isBlock(scope) ? scope.statements : [];
		for (const statement of statements) {
			if (
				ts.isVariableStatement(statement) &&
				statement.declarationList.declarations.some((declaration) =>
					bindsName(declaration.name, name),
				)
			)
				return true;
		}
		const initializer = ts.isBlock(scope) ? undefined : (scope as ts.ForStatement).initializer;
		if (
			initializer &&
			ts.isVariableDeclarationList(initializer) &&
			initializer.declarations.some((declaration) => bindsName(declaration.name, name))
		) {
			return true;
		}
	}
	if (
		ts.isCatchClause(scope) &&
		scope.variableDeclaration &&
		bindsName(scope.variableDeclaration.name, name)
	)
		return true;
	return false;
}

function bindsName(binding: ts.BindingName, name: string): boolean {
	if (ts.isIdentifier(binding)) return binding.text === name;
	return binding.elements.some(
		(element) => !ts.isOmittedExpression(element) && bindsName(element.name, name),
	);
}

function writtenTopLevelBinding(
	node: ts.Node,
	topLevel: Set<string>,
	file: ts.SourceFile,
): string | undefined {
	let target: ts.Expression | undefined;
	if (
		ts.isBinaryExpression(node) &&
		node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
		node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
	) {
		target = node.left;
	} else if (
		(ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
		[ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator)
	) {
		target = node.operand;
	} else if (ts.isDeleteExpression(node)) {
		target = node.expression;
	} else if (
		ts.isCallExpression(node) &&
		ts.isPropertyAccessExpression(node.expression) &&
		MUTATING_METHODS.has(node.expression.name.text)
	) {
		target = node.expression.expression;
	}
	const root = target && rootIdentifier(target);
	if (!root || !topLevel.has(root.text) || isShadowed(root, file)) return undefined;
	return root.text;
}
