export { klingVideoAiAvatarV2Pro as generator, klingVideoAiAvatarV2Pro, klingVideoAiAvatarV2ProInput } from './kling-video-ai-avatar-v2-pro.generator';
