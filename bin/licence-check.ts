// CI's licence check (`tsx bin/licence-check.ts [project folder]`, run by .ci/run): every package package-lock.json
// names, production and development, installed here or only on other platforms, must carry a licence that
// .ci/licence-allow.json allows, or be listed there as an exception with its reason. The licence is read from the
// installed package.json when the package is on this machine, else from the lock file (npm copies it there).
// Reads files only: no registry, no network.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import satisfies from 'spdx-satisfies';
import { z } from 'zod';

export const ALLOW_LIST = '.ci/licence-allow.json';

export const AllowListSchema = z.strictObject({
  about: z.string().optional(),
  /** SPDX identifiers; a package passes when its expression can be satisfied with these alone. */
  allowed: z.array(z.string().min(1)).min(1),
  exceptions: z.array(
    z.strictObject({
      package: z.string().min(1),
      /** The licence exactly as the package declares it: a new version with another licence is judged again. */
      licence: z.string().min(1),
      reason: z.string().min(10),
    }),
  ),
});
export type AllowList = z.infer<typeof AllowListSchema>;
export type Exception = AllowList['exceptions'][number];

export type Package = { name: string; version: string; path: string; licence: string | null; dev: boolean };

const LockSchema = z.object({
  lockfileVersion: z.number().int().min(2),
  packages: z.record(z.string(), z.looseObject({ version: z.string().optional(), license: z.unknown().optional(), licenses: z.unknown().optional(), dev: z.boolean().optional(), link: z.boolean().optional() })),
});

/** The licence a package.json declares: an SPDX string, or the old `{type}` object or `licenses` list (either one). */
export function licenceOf(manifest: { license?: unknown; licenses?: unknown }): string | null {
  const named = (value: unknown): string | null =>
    typeof value === 'string' ? value.trim() || null : value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' ? (value as { type: string }).type : null;
  if (manifest.license !== undefined) return named(manifest.license);
  if (!Array.isArray(manifest.licenses)) return null;
  const each = manifest.licenses.map(named).filter((name): name is string => name !== null);
  return each.length === 0 ? null : each.length === 1 ? each[0]! : `(${each.join(' OR ')})`;
}

/** Every package of a project folder's package-lock.json (the project itself and linked workspaces aside). */
export function listPackages(root: string): Package[] {
  const lock = LockSchema.parse(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')));
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.link)
    .map(([path, entry]) => {
      const installed = join(root, path, 'package.json');
      const manifest = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { name?: string; version?: string; license?: unknown; licenses?: unknown }) : entry;
      return {
        name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
        version: manifest.version ?? entry.version ?? '?',
        path,
        licence: licenceOf(manifest),
        dev: entry.dev === true,
      };
    });
}

// npm accepts "MIT or Apache-2.0"; SPDX operators are upper case.
const normalised = (licence: string) => licence.replace(/\s(and|or|with)\s/gi, (operator) => operator.toUpperCase());

export type Verdict = {
  allowed: Package[];
  excepted: (Package & { reason: string })[];
  refused: (Package & { why: string })[];
  /** Exceptions no package needs any more: remove them. */
  unused: Exception[];
};

export function judge(packages: Package[], allow: AllowList): Verdict {
  const verdict: Verdict = { allowed: [], excepted: [], refused: [], unused: [] };
  const used = new Set<Exception>();
  for (const pkg of packages) {
    const exception = allow.exceptions.find((e) => e.package === pkg.name && e.licence === pkg.licence);
    if (exception) {
      used.add(exception);
      verdict.excepted.push({ ...pkg, reason: exception.reason });
      continue;
    }
    if (pkg.licence === null) {
      verdict.refused.push({ ...pkg, why: 'declares no licence' });
      continue;
    }
    let ok: boolean;
    try {
      ok = satisfies(normalised(pkg.licence), allow.allowed);
    } catch {
      verdict.refused.push({ ...pkg, why: `"${pkg.licence}" is not an SPDX expression` });
      continue;
    }
    if (ok) verdict.allowed.push(pkg);
    else verdict.refused.push({ ...pkg, why: `"${pkg.licence}" is not allowed` });
  }
  verdict.unused = allow.exceptions.filter((e) => !used.has(e));
  return verdict;
}

function main(): number {
  const root = process.argv[2] ?? '.';
  const allow = AllowListSchema.parse(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')));
  const packages = listPackages(root);
  const { allowed, excepted, refused, unused } = judge(packages, allow);
  const kind = (pkg: Package) => (pkg.dev ? 'development' : 'production');
  for (const pkg of excepted) console.log(`exception: ${pkg.name}@${pkg.version} (${kind(pkg)}) "${pkg.licence}": ${pkg.reason}`);
  for (const e of unused) console.log(`unused exception for ${e.package} "${e.licence}": no package needs it, remove it from ${ALLOW_LIST}`);
  for (const pkg of refused) console.error(`REFUSED: ${pkg.name}@${pkg.version} (${kind(pkg)}, ${pkg.path}): ${pkg.why}`);
  const production = packages.filter((pkg) => !pkg.dev).length;
  console.log(`licences: ${packages.length} packages (${production} production, ${packages.length - production} development): ${allowed.length} allowed, ${excepted.length} by exception, ${refused.length} refused`);
  if (refused.length === 0) return 0;
  console.error(`Replace the package, or add an exception with its reason to ${ALLOW_LIST} once the licence is judged compatible with EUPL-1.2 for how the package is used.`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
