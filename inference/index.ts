/** Public API of the engine (see the project brief): everything else in inference/ is internal. */
export { TTS, defaultModelDir } from "./tts";
export type { LoadOptions, SynthesisResult, StreamChunk, Timings, LoadedParts } from "./tts";
import type { TTS } from "./tts";
export type EngineInfo = ReturnType<TTS["info"]>;
export type EngineStats = ReturnType<TTS["stats"]>;
export type { SynthesisOptions, ProgressEvent } from "./synthesisOptions";
export { TTSError, isTTSError } from "./errors";
export type { TTSErrorCode } from "./errors";
export { EMOTION_NAMES, EMOTION_PRESETS } from "./emotions";
export { encodeWav, encodePcm16, decodeWav } from "./audio/wav";
