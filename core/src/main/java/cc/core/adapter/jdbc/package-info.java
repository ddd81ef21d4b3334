/** PostgreSQL (or embedded H2) storage: the connection pool, versioned schema migrations, and the JDBC stores. */
package cc.core.adapter.jdbc;
