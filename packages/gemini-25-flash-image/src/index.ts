export { gemini25FlashImage as generator, gemini25FlashImage, gemini25FlashImageInput } from './gemini-25-flash-image.generator';
