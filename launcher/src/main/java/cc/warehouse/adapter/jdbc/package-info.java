/** Reads the warehouse views a day at a time through a cursor and keeps the export log in the database. */
package cc.warehouse.adapter.jdbc;
