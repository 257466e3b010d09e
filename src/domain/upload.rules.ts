// What an uploaded document must be before it is stored: a plain file name, an allowed type whose content
// starts with that type's magic bytes, and a size within the limit. Pure, no I/O.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

interface FileKind {
  extensions: string[];
  /** The content must start with one of these byte sequences (null: text, checked separately). */
  magic: number[][] | null;
}

const zip = [[0x50, 0x4b, 0x03, 0x04]];
const ole = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];

export const allowedFileKinds: Record<string, FileKind> = {
  'application/pdf': { extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46]] },
  'image/png': { extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'text/plain': { extensions: ['txt', 'md', 'csv'], magic: null },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    magic: zip,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], magic: zip },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    magic: zip,
  },
  'application/msword': { extensions: ['doc'], magic: ole },
  'application/vnd.ms-excel': { extensions: ['xls'], magic: ole },
  'application/vnd.ms-powerpoint': { extensions: ['ppt'], magic: ole },
};

export type UploadProblem =
  | { kind: 'fileName'; message: string }
  | { kind: 'contentType'; message: string }
  | { kind: 'forged'; message: string }
  | { kind: 'empty'; message: string }
  | { kind: 'tooLarge'; message: string };

/** A file name is a name, never a path: no separators, no dot-only segments, no control characters. */
export function checkFileName(fileName: string): string | null {
  if (fileName.trim() !== fileName || fileName.length === 0 || fileName.length > 200)
    return `Filnavnet «${fileName}» er ikke tillatt: det må ha 1–200 tegn uten mellomrom først eller sist.`;
  if (/[/\\]/.test(fileName) || fileName.includes('..') || /^\.+$/.test(fileName))
    return `Filnavnet «${fileName}» er ikke tillatt: det kan ikke inneholde skråstreker eller «..».`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f:*?"<>|]/.test(fileName))
    return `Filnavnet «${fileName}» er ikke tillatt: det inneholder kontrolltegn eller tegnene : * ? " < > |.`;
  if (fileName.startsWith('.'))
    return `Filnavnet «${fileName}» er ikke tillatt: det kan ikke begynne med punktum.`;
  return null;
}

const startsWith = (content: Uint8Array, magic: number[]) =>
  content.length >= magic.length && magic.every((byte, index) => content[index] === byte);

function looksLikeText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** Every reason the upload is refused (the first is the one to show). */
export function checkUpload(
  upload: { fileName: string; contentType: string; content: Uint8Array },
  maxBytes = MAX_UPLOAD_BYTES,
): UploadProblem[] {
  const problems: UploadProblem[] = [];
  const nameProblem = checkFileName(upload.fileName);
  if (nameProblem) problems.push({ kind: 'fileName', message: nameProblem });
  if (upload.content.length > maxBytes)
    problems.push({
      kind: 'tooLarge',
      message: `${upload.fileName} er ${formatMegabytes(upload.content.length)}; grensen er ${formatMegabytes(maxBytes)}.`,
    });
  if (upload.content.length === 0) problems.push({ kind: 'empty', message: `${upload.fileName} er tom.` });
  const kind = allowedFileKinds[upload.contentType.toLowerCase()];
  if (!kind) {
    problems.push({
      kind: 'contentType',
      message: `Filtypen ${upload.contentType} er ikke tillatt (PDF, Office-dokumenter, PNG, JPEG eller tekst).`,
    });
    return problems;
  }
  if (upload.content.length > 0) {
    const matches = kind.magic
      ? kind.magic.some((m) => startsWith(upload.content, m))
      : looksLikeText(upload.content);
    if (!matches)
      problems.push({
        kind: 'forged',
        message: `Innholdet i ${upload.fileName} er ikke ${upload.contentType}: filtypen stemmer ikke med innholdet.`,
      });
  }
  const extension = upload.fileName.includes('.') ? upload.fileName.split('.').pop()!.toLowerCase() : '';
  if (!nameProblem && extension && !kind.extensions.includes(extension))
    problems.push({
      kind: 'forged',
      message: `Filendelsen .${extension} passer ikke med filtypen ${upload.contentType}.`,
    });
  return problems;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
