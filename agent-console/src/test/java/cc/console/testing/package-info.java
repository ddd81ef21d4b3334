/** A whole console on a real HTTP port and a fresh PostgreSQL database, and HTTP/WebSocket clients for the tests. */
package cc.console.testing;
