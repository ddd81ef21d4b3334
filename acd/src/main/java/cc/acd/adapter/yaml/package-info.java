/** Reads the ACD's queues, agents and timers from the server's YAML configuration. */
package cc.acd.adapter.yaml;
