import type { FileType } from '../validation';

/** The content types the service accepts, recognised from the bytes (never from the name or the client's MIME type). */
export type ContentTypeId = 'mp4' | 'mov' | 'webm' | 'mkv' | 'avi' | 'pdf' | 'doc' | 'ppt' | 'docx' | 'pptx' | 'jpeg' | 'png' | 'gif' | 'webp';

export interface ContentType {
  id: ContentTypeId;
  kind: FileType;
  /** The MIME type stored and served: the content's, whatever the client declared. */
  mime: string;
  /** Short name for sentences such as "The PNG file is incomplete (truncated)". */
  name: string;
  /** What the content is, for "The file's content is PNG image data, but its name says .pdf". */
  description: string;
  /** The extensions (lower case, with the dot) a file of this content may be named with. */
  extensions: readonly string[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';

/**
 * A WebM file is a Matroska file (a restricted profile), so `.mkv` may name one; an MP4 saved as `.mov` plays in
 * QuickTime, so `.mov` may name one. The reverse is not true: players that take `.mp4` / `.webm` refuse the others.
 */
export const CONTENT_TYPES: Readonly<Record<ContentTypeId, ContentType>> = {
  mp4: { id: 'mp4', kind: 'video', mime: 'video/mp4', name: 'MP4', description: 'an MP4 video', extensions: ['.mp4', '.m4v', '.mov'] },
  mov: { id: 'mov', kind: 'video', mime: 'video/quicktime', name: 'QuickTime', description: 'a QuickTime video', extensions: ['.mov'] },
  webm: { id: 'webm', kind: 'video', mime: 'video/webm', name: 'WebM', description: 'a WebM video', extensions: ['.webm', '.mkv'] },
  mkv: { id: 'mkv', kind: 'video', mime: 'video/x-matroska', name: 'Matroska', description: 'a Matroska video', extensions: ['.mkv'] },
  avi: { id: 'avi', kind: 'video', mime: 'video/x-msvideo', name: 'AVI', description: 'an AVI video', extensions: ['.avi'] },
  pdf: { id: 'pdf', kind: 'document', mime: 'application/pdf', name: 'PDF', description: 'a PDF document', extensions: ['.pdf'] },
  doc: { id: 'doc', kind: 'document', mime: 'application/msword', name: 'Word', description: 'a Word 97–2003 document', extensions: ['.doc'] },
  ppt: {
    id: 'ppt',
    kind: 'document',
    mime: 'application/vnd.ms-powerpoint',
    name: 'PowerPoint',
    description: 'a PowerPoint 97–2003 presentation',
    extensions: ['.ppt'],
  },
  docx: {
    id: 'docx',
    kind: 'document',
    mime: `${OOXML}.wordprocessingml.document`,
    name: 'Word',
    description: 'a Word document (.docx)',
    extensions: ['.docx'],
  },
  pptx: {
    id: 'pptx',
    kind: 'document',
    mime: `${OOXML}.presentationml.presentation`,
    name: 'PowerPoint',
    description: 'a PowerPoint presentation (.pptx)',
    extensions: ['.pptx'],
  },
  jpeg: { id: 'jpeg', kind: 'image', mime: 'image/jpeg', name: 'JPEG', description: 'JPEG image data', extensions: ['.jpg', '.jpeg'] },
  png: { id: 'png', kind: 'image', mime: 'image/png', name: 'PNG', description: 'PNG image data', extensions: ['.png'] },
  gif: { id: 'gif', kind: 'image', mime: 'image/gif', name: 'GIF', description: 'GIF image data', extensions: ['.gif'] },
  webp: { id: 'webp', kind: 'image', mime: 'image/webp', name: 'WebP', description: 'WebP image data', extensions: ['.webp'] },
};

/** What an accepted file is: its kind and MIME type from the content, its extension from the name. */
export interface AllowedType {
  kind: FileType;
  mime: string;
  /** Lower case, with the dot (".pdf"): the extension of the stored key. */
  ext: string;
}

/** The extensions a deployment accepts (configuration), lower case with the dot. */
export interface AllowedTypes {
  readonly extensions: ReadonlySet<string>;
}

export function allowedTypes(extensions: Iterable<string>): AllowedTypes {
  return { extensions: new Set([...extensions].map((ext) => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase())) };
}

/** The content types a name with this extension may hold ([] when none). */
export function contentTypesNamedBy(ext: string): ContentType[] {
  return Object.values(CONTENT_TYPES).filter((type) => type.extensions.includes(ext));
}
