import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { DOCS_ROOT } from './site-paths.ts';

/**
 * Type-checks files with the workspace's tsconfig.json, as `tsc` would, and returns each
 * problem as `file:line: message`. `virtualFiles` (absolute path → source) lets a test check
 * code that exists only in memory.
 */
export function typeCheckFiles(files: string[], virtualFiles: Record<string, string> = {}): string[] {
  const configPath = join(DOCS_ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(virtualFiles).map(([path, text]) => [resolve(path), text]));
  const { fileExists, readFile } = host;
  host.fileExists = (path) => virtual.has(resolve(path)) || fileExists(path);
  host.readFile = (path) => virtual.get(resolve(path)) ?? readFile(path);
  const program = ts.createProgram({ rootNames: [...files, ...virtual.keys()], options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}: ${message}`;
  });
}
