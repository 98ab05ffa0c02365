export { minimaxMusicV2 as generator, minimaxMusicV2, minimaxMusicV2Input } from './minimax-music-v2.generator';
