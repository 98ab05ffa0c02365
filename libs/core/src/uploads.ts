import type { ArtifactType } from './artifacts';
import { InputValidationError } from './errors';

/** The input fields that can hold file references: a string, or an array of strings (either may be optional). */
type FileFieldOf<Input> = {
  [K in keyof Input]-?: NonNullable<Input[K]> extends string | readonly string[] ? K : never;
}[keyof Input] &
  string;

/**
 * Input fields whose values are files the provider reads by URL (`{ image_urls: 'image' }`): each
 * field names the media type its files must be. The adapter resolves every reference in them
 * (local path, file:// / https:// / data: URL, stored artifact URL), uploads it, and sends the
 * provider's URL in its place; a single field and an array both work, an absent optional field is left out.
 */
export type UploadFields<Input> = Readonly<Partial<Record<FileFieldOf<Input>, ArtifactType>>>;

/** Uploads one reference (refusing another media type first) and returns the URL the provider reads. */
export type UploadOne = (ref: string, accept: ArtifactType) => Promise<string>;

/**
 * The input with every declared file field replaced by its uploaded URLs, all uploads at once.
 * A declared field holding anything but a string or an array of strings is refused naming it.
 */
export async function uploadDeclaredFiles<Input>(
  generatorId: string,
  input: Input,
  fields: UploadFields<Input> | undefined,
  upload: UploadOne,
): Promise<Input> {
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const declared = Object.entries(fields ?? {}) as Array<[string, ArtifactType]>;
  await Promise.all(
    declared.map(async ([field, accept]) => {
      const value = out[field];
      if (value === undefined) return;
      if (typeof value === 'string') out[field] = await upload(value, accept);
      else if (Array.isArray(value) && value.every((ref) => typeof ref === 'string')) out[field] = await Promise.all(value.map((ref) => upload(ref, accept)));
      else throw new InputValidationError(generatorId, [{ field, message: 'a file field holds a reference or a list of references (strings)' }]);
    }),
  );
  return out as Input;
}
