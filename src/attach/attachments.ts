import { existsSync, readFileSync } from 'node:fs';
import { parseJsonWithLocation } from '../lib/json-position.js';
import { writeJsonAtomic, type AttachLayout } from './layout.js';
import { attachmentsFileSchema, type Attachment, type AttachmentsFile } from './schema.js';

/** attachments.json is not what the loop expects: its problems are named, nothing is overwritten. */
export class AttachmentsFileError extends Error {}

/** `.archal/attach/attachments.json`: the local directories attached and the database sources registered. */
export function readAttachments(layout: AttachLayout): AttachmentsFile {
  const file = layout.attachments;
  if (!existsSync(file)) return { schemaVersion: 1, attachments: [] };
  // The position, not JSON.parse's message: that one quotes the file, whose bytes may be anything.
  const json = parseJsonWithLocation(readFileSync(file, 'utf8'));
  if (!json.ok)
    throw new AttachmentsFileError(`${layout.display(file)} is not JSON (${json.message}); fix or remove it`);
  const parsed = attachmentsFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AttachmentsFileError(
      `${layout.display(file)}: ${issue.path.join('.') || '(root)'}: ${issue.message}; fix or remove the file`,
    );
  }
  return parsed.data;
}

/** Adds or replaces the attachment of that name. */
export function saveAttachment(layout: AttachLayout, attachment: Attachment): void {
  const current = readAttachments(layout);
  const others = current.attachments.filter((entry) => entry.name !== attachment.name);
  writeJsonAtomic(layout.attachments, { schemaVersion: 1, attachments: [...others, attachment] });
}

export function findAttachment(layout: AttachLayout, name: string): Attachment | undefined {
  return readAttachments(layout).attachments.find((entry) => entry.name === name);
}
