/**
 * Call recordings as facts and decisions: what a recording change does to a file's row ({@link
 * cc.core.domain.recording.RecordingFile#apply}), which file names are safe to open ({@link
 * cc.core.domain.recording.RecordingName}), and which files retention deletes at a given instant ({@link
 * cc.core.domain.recording.RetentionPolicy}). Plain Java: no clock, no files, no database.
 */
package cc.core.domain.recording;
