/**
 * Whole server nodes as processes for the tests and benchmarks that kill them ({@code kill -9}), and the load
 * balancer stand-in in front of them; the server itself uses none of this.
 */
package cc.launcher.testbed;
