import { dirname, join } from 'node:path';
import ts from 'typescript';
import { DOCS_ROOT } from './site-paths.ts';

/**
 * The property names of a type a package exports, read by the compiler from the installed
 * package's declarations, so the docs can compare their tables with the real API.
 */
export function exportedTypeProperties(packageName: string, typeName: string): string[] {
  const configPath = join(DOCS_ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const probe = join(DOCS_ROOT, 'src', 'exported-type-probe.ts');
  const source = `import type { ${typeName} } from '${packageName}';\nexport type Probe = ${typeName};\n`;
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile } = host;
  host.fileExists = (path) => path === probe || fileExists(path);
  host.readFile = (path) => (path === probe ? source : readFile(path));
  const program = ts.createProgram({ rootNames: [probe], options, host });
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(probe));
  if (problems.length > 0) {
    throw new Error(`${packageName} has no usable type ${typeName}: ${ts.flattenDiagnosticMessageText(problems[0]?.messageText ?? '', ' ')}`);
  }
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(probe);
  const alias = file?.statements.find(ts.isTypeAliasDeclaration);
  if (alias === undefined) throw new Error('The probe has no type alias.');
  return checker.getTypeAtLocation(alias.name).getProperties().map((property) => property.name);
}
