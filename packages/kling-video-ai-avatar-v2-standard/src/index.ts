export {
  klingVideoAiAvatarV2Standard as generator,
  klingVideoAiAvatarV2Standard,
  klingVideoAiAvatarV2StandardInput,
} from './kling-video-ai-avatar-v2-standard.generator';
