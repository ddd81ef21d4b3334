/**
 * The ACD's shell: the verticle that owns the router, carries out its commands over telephony, and its meters; the
 * recorder of the agents' state history.
 */
package cc.acd.app;
