/** Finding and keeping customers: the store port the IVR, the screen-pop and the list generator share. */
package cc.core.app.customer;
