/** Live state shared by the server nodes: agent presence, live calls, and the routing lease. */
package cc.core.app.livestate;
