/** The dialer's ports over JDBC (tables of {@code db/migration/dialer/}). */
package cc.dialer.adapter.jdbc;
