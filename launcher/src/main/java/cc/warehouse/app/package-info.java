/** The daily warehouse export: its schedule, the on-request address, and the ports it writes through. */
package cc.warehouse.app;
