/** The campaign runner that owns one campaign's dialing on one context, and the ports it needs. */
package cc.dialer.app;
