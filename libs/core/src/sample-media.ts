/**
 * A 64x64 PNG of a red circle (214 bytes) as a data URL: the smallest honest image a generator's
 * cheapest input (its live test) sends where an input image is required.
 */
export const RED_CIRCLE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAnUlEQVR42u3Z2RWAIAwF0VcJ/RdlL9oChAhZJscC5v5hojf5CAAAAAAAAAAAAIDXPGPMfBEBk+nuDF1Jd2Tobv2+QXfT9xkKUm82KE69zdAP8Gu9waBo9auGToBj9UuGNoDD9fMGAAAAAAAAAAAAADynUwD4pQwASL+VYLEVA5B+N1phO13hPlDkQlPhRlbkSsmhGwAAAAAAAACQcD4WNJuKIQEmNQAAAABJRU5ErkJggg==';
