export {
  klingVideoV26ProMotionControl as generator,
  klingVideoV26ProMotionControl,
  klingVideoV26ProMotionControlInput,
} from './kling-video-v2-6-pro-motion-control.generator';
