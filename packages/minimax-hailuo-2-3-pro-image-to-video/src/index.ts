export {
  minimaxHailuo23ProImageToVideo as generator,
  minimaxHailuo23ProImageToVideo,
  minimaxHailuo23ProImageToVideoInput,
} from './minimax-hailuo-2-3-pro-image-to-video.generator';
