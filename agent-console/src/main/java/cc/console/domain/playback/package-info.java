/** Playing recordings in the browser: which bytes of a file an HTTP {@code Range} header asks for. */
package cc.console.domain.playback;
