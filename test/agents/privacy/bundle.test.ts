// The redactor bundles for workerd: pure ES modules with no Node built-in; prints what the two libraries add.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

describe('the privacy modules bundled for the edge', () => {
  it('need no Node built-in and report the bytes libphonenumber-js and ibantools add (printed)', async () => {
    const result = await build({
      entryPoints: ['agents/privacy/redact.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
    });
    expect(Object.keys(result.metafile.inputs).filter((path) => path.startsWith('node:') || path.includes('node-built-in'))).toEqual([]);
    const [output] = Object.values(result.metafile.outputs);
    const bytes = (library: string) =>
      Object.entries(output!.inputs)
        .filter(([path]) => path.includes(`node_modules/${library}/`))
        .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    const code = result.outputFiles[0]!.contents;
    const phone = bytes('libphonenumber-js');
    const iban = bytes('ibantools');
    console.log(
      `privacy bundle: libphonenumber-js (max metadata) ${(phone / 1024).toFixed(1)} KiB, ibantools ${(iban / 1024).toFixed(1)} KiB minified; ` +
        `whole redactor with zod ${(code.length / 1024).toFixed(0)} KiB, ${(gzipSync(code).length / 1024).toFixed(0)} KiB gzipped`,
    );
    expect(phone).toBeGreaterThan(0);
    expect(iban).toBeGreaterThan(0);
  });
});
