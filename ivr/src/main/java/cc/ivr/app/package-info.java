/**
 * The IVR's shell: runs each caller's session on its connection's event loop, carries out the interpreter's actions
 * through the ports declared here, and publishes the caller's path on the event bus.
 */
package cc.ivr.app;
