/** The router: events in, commands out, with one fair order of callers across every queue an agent serves. */
package cc.acd.domain.routing;
