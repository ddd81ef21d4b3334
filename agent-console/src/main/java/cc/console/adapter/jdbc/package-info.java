/** The console's stores in PostgreSQL (or H2): users, reference tables, knowledge base, opportunities. */
package cc.console.adapter.jdbc;
