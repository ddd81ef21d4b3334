/** Health of the server's links (telephony, database, live-state store), as /health reports it. */
package cc.core.app.health;
