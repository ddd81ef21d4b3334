/** Keeping interaction records: the store port and the recorder that turns call events into records. */
package cc.core.app.interaction;
