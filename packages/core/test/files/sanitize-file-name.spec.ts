import { expect } from 'chai';
import {
  attachmentFileName,
  FILE_NAME_MAX_BYTES,
  sanitizeFileName,
} from '../../src/files/sanitize-file-name.js';

describe('sanitizeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(sanitizeFileName('../../etc/passwd')).to.equal('passwd');
    expect(sanitizeFileName('C:\\Users\\ali\\..\\passport "scan".PDF')).to.equal('passport _scan_.PDF');
    expect(sanitizeFileName('..')).to.equal('');
    expect(sanitizeFileName('dir/')).to.equal('');
  });

  it('drops control, invisible and bidirectional characters and hidden-file dots', () => {
    expect(sanitizeFileName('report\u202Efdp.exe')).to.equal('reportfdp.exe');
    expect(sanitizeFileName('a\u0000b\tc\nd.pdf')).to.equal('ab c d.pdf');
    expect(sanitizeFileName('  .hidden.pdf. ')).to.equal('hidden.pdf');
    expect(sanitizeFileName('Паспорт Алишера.pdf')).to.equal('Паспорт Алишера.pdf');
  });

  it('cuts long names to the byte limit, keeping the extension and whole characters', () => {
    const name = sanitizeFileName(`${'Ж'.repeat(400)}.pdf`);
    expect(Buffer.byteLength(name)).to.be.at.most(FILE_NAME_MAX_BYTES);
    expect(name).to.match(/^Ж+\.pdf$/);
    expect(sanitizeFileName('x'.repeat(100_000))).to.have.length(FILE_NAME_MAX_BYTES);
  });
});

describe('attachmentFileName', () => {
  it('keeps a name whose extension matches the detected type', () => {
    expect(attachmentFileName('scan.PDF', 'pdf', 'passport')).to.equal('scan.PDF');
    expect(attachmentFileName('photo.jpeg', 'jpg', 'passport')).to.equal('photo.jpeg');
  });

  it('appends the detected extension when the name says otherwise', () => {
    expect(attachmentFileName('scan.pdf', 'png', 'passport')).to.equal('scan.pdf.png');
    expect(attachmentFileName('scan', 'pdf', 'passport')).to.equal('scan.pdf');
  });

  it('falls back to the document code when nothing of the name is left', () => {
    expect(attachmentFileName('../', 'pdf', 'passport')).to.equal('passport.pdf');
    expect(attachmentFileName('', 'png', 'floor-plan')).to.equal('floor-plan.png');
  });
});
