export {
  klingVideoV26StandardMotionControl as generator,
  klingVideoV26StandardMotionControl,
  klingVideoV26StandardMotionControlInput,
} from './kling-video-v2-6-standard-motion-control.generator';
