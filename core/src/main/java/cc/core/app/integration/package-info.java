/** The outbox's ports: what the relay reads and the sinks it delivers to. */
package cc.core.app.integration;
