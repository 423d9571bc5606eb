/**
 * The shipped real-library adapters import their library only when they are built: each library is an
 * optional peer dependency of convkit (`npm i convkit` installs none). A library that is not installed is a
 * MissingPeerError naming the adapter, the package and the command that installs it.
 */
export class MissingPeerError extends Error {
  override name = 'MissingPeerError';
  constructor(
    /** The adapter that needs it, e.g. `convkit/adapters/tfjs (backend wasm)`. */
    readonly adapter: string,
    /** The npm packages to install. */
    readonly packages: readonly string[],
    cause?: unknown,
  ) {
    super(`${adapter} needs ${packages.join(' and ')}, which ${packages.length === 1 ? 'is' : 'are'} not installed: npm i ${packages.join(' ')}`, cause === undefined ? undefined : { cause });
  }
}

const isNotFound = (e: unknown, pkg: string): boolean => {
  const err = e as { code?: unknown; message?: unknown };
  return (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') && typeof err.message === 'string' && err.message.includes(pkg);
};

/**
 * Imports an optional peer, or throws MissingPeerError when it is not installed. Any other failure (the
 * package is there but broken) is thrown as it is.
 */
export async function importPeer<T>(pkg: string, adapter: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isNotFound(e, pkg)) throw new MissingPeerError(adapter, [pkg], e);
    throw e;
  }
}

/** Whether an optional peer can be imported (false only when it is not installed). */
export async function hasPeer(pkg: string, load: () => Promise<unknown>): Promise<boolean> {
  try {
    await load();
    return true;
  } catch (e) {
    if (isNotFound(e, pkg)) return false;
    throw e;
  }
}
