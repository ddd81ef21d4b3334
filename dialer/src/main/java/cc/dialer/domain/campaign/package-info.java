/** Outbound campaigns: schedule and calling hours, pacing mode, retry rules, and the money that decides their ROI. */
package cc.dialer.domain.campaign;
