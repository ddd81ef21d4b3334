/** The console over HTTP: REST API, the {@code /live} WebSocket channel, and the static pages. */
package cc.console.adapter.http;
