/** JSON shapes of core's records shared by the HTTP API and the outgoing events. */
package cc.core.adapter.json;
