/** In-memory implementations of core's ports, for a server that runs as one node. */
package cc.core.adapter.memory;
