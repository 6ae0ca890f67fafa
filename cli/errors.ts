/** Errors and sizes in words, for messages a reader of the command line sees. */

/** Why a file could not be read or written, in words rather than a system error code. */
export function fileError(file: string, error: unknown, doing: 'read' | 'write' = 'read'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why: Record<string, string> = {
    ENOENT: doing === 'read' ? 'there is no such file' : 'the folder it goes in does not exist',
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EMFILE: 'too many files are open',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'the path loops through symbolic links',
    EBUSY: 'the file is in use',
    EINVAL: 'the name is not valid',
  };
  const reason =
    (code && why[code]) ??
    (error instanceof Error
      ? error.message.replace(/^[A-Z]+: /, '').replace(/, (open|read|write) '.*'$/, '')
      : String(error));
  return `cannot ${doing} ${file}: ${reason}`;
}

/** A size in bytes as people read it, in binary units: "1.5 MiB", "20 MiB", "512 bytes". */
export function formatSize(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${units[unit]}`;
}

/** "1 claim note", "2 claim notes", "0 claim notes". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/** An address the command line accepts with --url: http or https, with a host name. Null when it is one. */
export function badUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--url takes a page's address, such as https://www.example.com/story/; "${value}" is not an address`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `--url takes an http or https address; "${value}" is a ${url.protocol.replace(/:$/, '')}: address`;
  if (!url.hostname) return `--url takes an address with a host name; "${value}" has none`;
  return null;
}
