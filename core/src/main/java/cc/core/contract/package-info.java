/**
 * The contracts between modules: event-bus addresses and the records that travel on them. Feature modules depend on
 * core, never on each other; whatever crosses a module boundary is declared here, once.
 */
package cc.core.contract;
