/** The email threads, messages and attachments in PostgreSQL (schema module {@code email}). */
package cc.email.adapter.jdbc;
