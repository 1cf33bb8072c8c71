import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSignOff, declaredEvidenceProblem, evidenceBytesProblem, signOffProblem, sniffEvidence } from './ledger';

const PNG = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
const PDF = new TextEncoder().encode('%PDF-1.4\n');

describe('the remediation ledger’s rules', () => {
  it('lets only an org strictly above sign off, and the root its own', () => {
    expect(canSignOff('/jn/lj/', '/jn/lj/lj-dh/')).toBe(true);
    expect(canSignOff('/jn/', '/jn/lj/lj-dh/')).toBe(true);
    expect(canSignOff('/jn/lj/lj-dh/', '/jn/lj/lj-dh/')).toBe(false);
    expect(canSignOff('/jn/lj/lj-dh/lj-dh-gz/', '/jn/lj/lj-dh/')).toBe(false);
    expect(canSignOff('/jn/qs/', '/jn/lj/lj-dh/')).toBe(false);
    expect(canSignOff('/jn/', '/jn/')).toBe(true);
    expect(canSignOff(null, '/jn/')).toBe(false);
  });

  it('asks a reason for a refusal only', () => {
    expect(signOffProblem({ decision: 'refuse' })).toBe('退回时请写明理由');
    expect(signOffProblem({ decision: 'refuse', reason: '  ' })).toBe('退回时请写明理由');
    expect(signOffProblem({ decision: 'approve' })).toBeNull();
  });

  it('checks a declared file’s type, extension and size before signing its upload', () => {
    expect(declaredEvidenceProblem('照片.PNG', 'image/png', 100)).toBeNull();
    expect(declaredEvidenceProblem('照片.png', 'application/pdf', 100)?.path).toBe('fileName');
    expect(declaredEvidenceProblem('a.exe', 'application/x-msdownload', 100)?.path).toBe('contentType');
    expect(declaredEvidenceProblem('a.jpg', 'image/jpeg', 11 * 1024 * 1024)?.path).toBe('size');
  });

  it('tells a file by its bytes, whatever bytes come', () => {
    expect(sniffEvidence(PNG)).toBe('image/png');
    expect(sniffEvidence(PDF)).toBe('application/pdf');
    expect(evidenceBytesProblem('image/png', PDF, PDF.length)).toContain('而是PDF 文件');
    expect(evidenceBytesProblem('image/png', PNG, PNG.length + 1)).toContain('文件大小与申报的不符');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(evidenceBytesProblem('image/png', bytes, bytes.length) === null).toBe(sniffEvidence(bytes) === 'image/png');
    }));
  });
});
