/**
 * The routing of chats and emails: contacts that an agent holds several of at once, up to a capacity per channel,
 * routed through the same queues and fair order as calls. Pure, like the rest of the routing core.
 */
package cc.acd.domain.media;
