/** The server's default limit (documents module, 50 MB); checked here so a user does not wait for a 413. */
export const maxUploadBytes = 50 * 1024 * 1024;

/** PDF, JPEG, PNG, TIFF, DOCX, XLSX: what the server accepts after detecting the type from the bytes. */
export const allowedExtensions = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'docx', 'xlsx'] as const;

export const acceptAttribute = allowedExtensions.map((extension) => `.${extension}`).join(',');

/**
 * A first check by size and file name, for a quick clear message. The server decides from the bytes anyway
 * (a renamed file is still refused with 415).
 */
export function checkUpload(file: Pick<File, 'name' | 'size'>, limit = maxUploadBytes): string | null {
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!(allowedExtensions as readonly string[]).includes(extension)) {
    return `“${file.name}” is not a PDF, JPEG, PNG, TIFF, DOCX or XLSX file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > limit) {
    return `“${file.name}” is ${(file.size / (1024 * 1024)).toFixed(1)} MB; the limit is ${Math.round(limit / (1024 * 1024))} MB.`;
  }
  return null;
}
