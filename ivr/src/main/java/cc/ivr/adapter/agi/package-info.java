/**
 * FastAGI over Vert.x: an event-driven server that holds no thread per call, speaks the wire format of the recorded
 * Asterisk 22 traces, and builds command text with asterisk-java's command classes, whose types stay in here.
 */
package cc.ivr.adapter.agi;
