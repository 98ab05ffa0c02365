export {
  minimaxHailuo02StandardTextToVideo as generator,
  minimaxHailuo02StandardTextToVideo,
  minimaxHailuo02StandardTextToVideoInput,
} from './minimax-hailuo-02-standard-text-to-video.generator';
