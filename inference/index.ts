/** Public API of the engine (see the project brief): everything else in inference/ is internal. */
export { TTS, defaultModelDir } from "./tts";
export type { LoadOptions, SynthesisResult, StreamChunk, Timings, LoadedParts } from "./tts";
export type { SynthesisOptions, ProgressEvent } from "./synthesisOptions";
export { TTSError, isTTSError } from "./errors";
export type { TTSErrorCode } from "./errors";
export { EMOTION_NAMES, EMOTION_PRESETS } from "./emotions";
export { encodeWav, encodePcm16, decodeWav } from "./audio/wav";
