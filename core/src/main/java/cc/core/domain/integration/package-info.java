/**
 * Facts the contact center tells the systems around it (an order system, an ERP, a warehouse): the event types and
 * the event record. Written to the outbox with the change they describe; delivered by the integration module.
 */
package cc.core.domain.integration;
