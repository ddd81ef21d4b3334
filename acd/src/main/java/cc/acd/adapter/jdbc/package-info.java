/** Stores the ACD's reporting-interval figures in the relational database. */
package cc.acd.adapter.jdbc;
