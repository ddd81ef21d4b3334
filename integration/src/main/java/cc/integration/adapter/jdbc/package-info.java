/** The integration module's tables over JDBC: the outbox as the relay reads it, cursors, webhook dead letters. */
package cc.integration.adapter.jdbc;
