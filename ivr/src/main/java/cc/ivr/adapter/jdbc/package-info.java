/** Self-service data and callback requests in the relational database, over JDBC on a named worker pool. */
package cc.ivr.adapter.jdbc;
