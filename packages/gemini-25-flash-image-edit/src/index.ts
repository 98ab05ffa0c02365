export { gemini25FlashImageEdit as generator, gemini25FlashImageEdit, gemini25FlashImageEditInput } from './gemini-25-flash-image-edit.generator';
