export { veo31ReferenceToVideo as generator, veo31ReferenceToVideo, veo31ReferenceToVideoInput } from './veo3-1-reference-to-video.generator';
