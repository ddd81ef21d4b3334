/** Interaction records: one per contact with a customer, on any channel, with everything that happened in it. */
package cc.core.domain.interaction;
