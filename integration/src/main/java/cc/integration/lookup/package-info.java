/**
 * Lookups into other systems (an order system, billing) for the pop and the IVR: the verticle that answers
 * {@code cc.integration.lookup.ask} within the asker's budget, and the settings read from {@code config/lookups.yaml}.
 */
package cc.integration.lookup;
