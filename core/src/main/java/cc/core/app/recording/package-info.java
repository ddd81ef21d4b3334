/**
 * The recordings library: stores every recording change the call-control service publishes ({@link
 * cc.core.app.recording.RecordingRecorder}) and deletes files past their retention ({@link
 * cc.core.app.recording.RetentionSweeper}); the ports it needs ({@link cc.core.app.recording.RecordingStore}, {@link
 * cc.core.app.recording.RecordingFiles}).
 */
package cc.core.app.recording;
