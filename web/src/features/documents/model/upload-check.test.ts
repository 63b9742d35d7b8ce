import { describe, expect, it } from 'vitest';

import { checkUpload, maxUploadBytes } from './upload-check';

describe('checkUpload', () => {
  it('accepts the allowed extensions in any case up to the limit', () => {
    expect(checkUpload({ name: 'bl.PDF', size: 10 })).toBeNull();
    expect(checkUpload({ name: 'scan.tiff', size: maxUploadBytes })).toBeNull();
    expect(checkUpload({ name: 'packing.xlsx', size: 1 })).toBeNull();
  });

  it('refuses other extensions, names without one, empty and oversized files', () => {
    expect(checkUpload({ name: 'setup.exe', size: 10 })).toMatch(/not a PDF, JPEG, PNG, TIFF, DOCX or XLSX/);
    expect(checkUpload({ name: 'README', size: 10 })).toMatch(/not a PDF/);
    expect(checkUpload({ name: 'a.pdf', size: 0 })).toMatch(/empty/);
    expect(checkUpload({ name: 'big.pdf', size: maxUploadBytes + 1 })).toMatch(/limit is 50 MB/);
  });
});
