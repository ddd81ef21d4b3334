/** The ACD's shell: the verticle that owns the router, carries out its commands over telephony, and its meters. */
package cc.acd.app;
