/** Stores the ACD's reporting-interval figures and the agents' state history in the relational database. */
package cc.acd.adapter.jdbc;
