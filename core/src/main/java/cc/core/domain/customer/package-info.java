/** Customers: who calls, how to reach them, and what we know of them. */
package cc.core.domain.customer;
