import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { errorCodes } from '@openpixels/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleEnvelope } from '../src/example-envelope.ts';
import { DOCS_ROOT } from '../src/site-paths.ts';

const run = promisify(execFile);
const samples = join(DOCS_ROOT, 'samples');
const schemaFile = createRequire(import.meta.url).resolve('@openpixels/errors/schema.json');

// Runs a sample with a JSON body on stdin; resolves with its exit code and output.
function runWithStdin(command: string, args: string[], stdin: string, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = execFile(command, args, { env, cwd: DOCS_ROOT }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: child.exitCode, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

describe('the Python and shell samples', () => {
  it('compile', async () => {
    // compile() rather than py_compile, which would leave __pycache__ in samples/.
    const compile = 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")';
    for (const file of ['handling_errors.py', 'validate_envelope.py', 'parse_envelope.py', 'branch_on_error.py']) {
      await expect(run('python3', ['-c', compile, join(samples, file)])).resolves.toBeDefined();
    }
    for (const file of ['generate-types.sh', 'quickstart-curl.sh']) {
      await expect(run('sh', ['-n', join(samples, file)])).resolves.toBeDefined();
    }
  });

  it.each(errorCodes)('validate_envelope.py accepts the example body of %s', async (code) => {
    const result = await runWithStdin('python3', [join(samples, 'validate_envelope.py'), schemaFile], JSON.stringify(exampleEnvelope(code)));
    expect(result).toMatchObject({ code: 0, stdout: `valid ${code} envelope\n` });
  });

  it('validate_envelope.py names the faulty field of a broken body', async () => {
    const broken = { ...exampleEnvelope('NO_CREDITS'), params: { required: 'many' } };
    const result = await runWithStdin('python3', [join(samples, 'validate_envelope.py'), schemaFile], JSON.stringify(broken));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("invalid at params/required: 'many' is not of type 'integer'");
    expect(result.stdout).toContain("invalid at params: 'available' is a required property");
  });
});

describe('branch_on_error.py with the generated openpixels_errors package', () => {
  // What `pip install ./packages/errors-python` puts on the path, without installing it.
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: join(DOCS_ROOT, '..', '..', 'packages', 'errors-python') };
  const runOn = (body: unknown) =>
    runWithStdin('python3', [join(samples, 'branch_on_error.py')], JSON.stringify(body), env);

  it('branches on code == "NO_CREDITS" and reads its typed params', async () => {
    expect(await runOn(exampleEnvelope('NO_CREDITS'))).toMatchObject({ code: 0, stderr: '', stdout: 'Out of credits: need 25, have 10.\n' });
  });

  it('prints codes as their wire strings, for known and newer provider codes alike', async () => {
    const timeout = exampleEnvelope('PROVIDER_TIMEOUT');
    expect((await runOn(timeout)).stdout).toBe(`PROVIDER_TIMEOUT: the provider failed (${timeout.message})\n`);
    const newer = { type: 'PROVIDER_ERROR', code: 'PROVIDER_QUOTA_EXCEEDED', message: 'Quota.', params: {} };
    expect((await runOn(newer)).stdout).toBe('PROVIDER_QUOTA_EXCEEDED: the provider failed (Quota.)\n');
    const key = exampleEnvelope('INVALID_API_KEY');
    expect((await runOn(key)).stdout).toBe(`INVALID_API_KEY (AUTHENTICATION_ERROR): ${key.message}\n`);
  });
});

describe('generating types with quicktype', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'openpixels-docs-types-'));
    await run('sh', [join(samples, 'generate-types.sh'), schemaFile, outDir], { cwd: DOCS_ROOT });
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes Go and Rust types with one envelope type per code', async () => {
    const go = await readFile(join(outDir, 'envelope.go'), 'utf8');
    const rust = await readFile(join(outDir, 'envelope.rs'), 'utf8');
    expect(go).toMatch(/^package openpixels$/m);
    expect(go.match(/^type \w+Envelope struct \{$/gm)).toHaveLength(errorCodes.length);
    expect(rust.match(/^pub struct \w+Envelope \{$/gm)).toHaveLength(errorCodes.length);
    expect(go).toContain('type NoCreditsParams struct');
    for (const code of errorCodes) {
      expect(go).toContain(`"${code}"`);
      expect(rust).toContain(`"${code}"`);
    }
  });

  it.each(errorCodes)('parses the example body of %s with the generated Python types', async (code) => {
    const body = exampleEnvelope(code);
    const env = { ...process.env, PYTHONPATH: outDir };
    const result = await runWithStdin('python3', [join(samples, 'parse_envelope.py')], JSON.stringify(body), env);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(`${body.type} ${code}: ${body.message}`);
  });
});
